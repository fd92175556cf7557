//! `fee-statement`: Processing fees stated

declare_rule! {
    /// 按2021年格式，“其他需要报告的事项”应说明依据《政府信息公开信息处理费管理办法》收取信息处理费的情况，即使未收取也应写明。
    ///
    /// ## 检查什么
    ///
    /// 报告年度为2021年及以后（应使用2021年格式）且找到第六部分时，检查第六部分的正文是否出现“处理费”三字；没有则记一处提示。2019、2020年度报告不检查。
    ///
    /// ## 错误示例
    ///
    /// ```text
    /// 六、其他需要报告的事项
    /// 本年度无其他需要报告的事项。
    /// ```
    ///
    /// ## 正确示例
    ///
    /// ```text
    /// 六、其他需要报告的事项
    /// 本机关2023年未收取信息处理费。
    /// ```
    ///
    /// ## 如何改正
    ///
    /// 在第六部分写明本年度依据《政府信息公开信息处理费管理办法》收取信息处理费的情况：收取了的写明件数和金额，未收取的写“本机关××××年未收取信息处理费”。
    ///
    /// # English
    ///
    /// Under the 2021 format, part six must state the information-processing fees collected under the fee measures (国办函〔2020〕109号), even when none were collected.
    ///
    /// ## What it checks
    ///
    /// For reports for 2021 and later (the 2021 format) whose part six was found: warns when part six's body does not contain 处理费. Reports for 2019 and 2020 are not checked.
    ///
    /// ## Wrong
    ///
    /// ```text
    /// 六、其他需要报告的事项
    /// 本年度无其他需要报告的事项。 (nothing else to report — but no word on fees)
    /// ```
    ///
    /// ## Right
    ///
    /// ```text
    /// 六、其他需要报告的事项
    /// 本机关2023年未收取信息处理费。 (no processing fees were collected in 2023)
    /// ```
    ///
    /// ## How to fix
    ///
    /// State in part six the processing fees collected under the fee measures: how many and how much if any, otherwise a sentence such as 本机关2023年未收取信息处理费 (no fees collected in 2023).
    pub FeeStatement {
        name: "fee-statement",
        severity: Warning,
        title: "说明信息处理费" / "Processing fees stated",
        basis: "国办公开办函〔2021〕30号年度报告格式第六部分；条例第四十二条；《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"
            / "Format document 国办公开办函〔2021〕30号, part six (other matters); Regulations art. 42 (information-processing fees); Measures on information-processing fees, 国办函〔2020〕109号.",
    }
}

use super::Ctx;
use crate::spec::Format;

pub(super) fn check(ctx: &mut Ctx) {
    // Part 六 under F2021 must state the processing fees.
    if ctx.expected == Some(Format::F2021) && ctx.section_found(6) {
        let body: String = ctx
            .structure
            .body(ctx.text, 6)
            .iter()
            .map(|l| l.key())
            .collect();
        let before = ctx.findings.len();
        if !states_fees(&body) {
            let (s, column) = (ctx.heading_line(6), ctx.heading_column(6));
            let mut f = ctx.finding(
                "fee-statement",
                Some(6),
                "“其他需要报告的事项”未说明信息处理费收取情况（未收取也应写明）".to_string(),
                "Part six does not state the information-processing fees collected (state it even if none)".to_string(),
            );
            f.line = s;
            f.column = s.and(column);
            ctx.push(f);
        }
        ctx.check_from(
            Some(6),
            "fee-statement",
            before,
            ("说明了信息处理费情况", "Processing fees are stated"),
        );
    }

}

/// Whether part 六's text (as keys) says anything of the fees charged for disclosure: 信息处理费
/// in any wording ("未收取信息处理费", "信息处理费0元"), or a charge or fee of disclosure
/// ("政府信息公开未发生收费情况", "没有收取任何政府信息公开费用", "不收费"). Part 二's
/// 行政事业性收费 (administrative fees) and 经费 (funding) are not fee statements.
fn states_fees(body: &str) -> bool {
    let body = body.replace("行政事业性收费", "");
    if body.contains("处理费") {
        return true;
    }
    let chars: Vec<char> = body.chars().collect();
    chars.iter().enumerate().any(|(i, &c)| match c {
        // 收费 (a charge), 费用 (a fee): not 经费 (funding).
        '费' => {
            let prev = i.checked_sub(1).map(|p| chars[p]);
            let next = chars.get(i + 1).copied();
            prev == Some('收') || (next == Some('用') && prev != Some('经'))
        }
        _ => false,
    })
}

#[cfg(test)]
mod fee_tests {
    use super::states_fees;
    use crate::normalize::key;

    #[test]
    fn fee_statements_in_real_wordings() {
        for s in [
            "未收取信息处理费",
            "政府信息公开未发生收费情况",
            "没有收取任何政府信息公开费用",
            "依申请公开政府信息不收费",
        ] {
            assert!(states_fees(&key(s)), "{s}");
        }
        for s in [
            "无",
            "行政事业性收费项目无变化",
            "工作经费得到保障",
            "经费用于培训",
        ] {
            assert!(!states_fees(&key(s)), "{s}");
        }
    }
}
