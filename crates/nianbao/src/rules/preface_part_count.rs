//! `preface-part-count`: Preface names six parts

declare_rule! {
    /// 报告开头若说明报告由几个部分组成，应为六个部分。
    ///
    /// ## 检查什么
    ///
    /// 在第一部分之前的前言里查找“N个部分”或“N部分组成”，读出N的完整写法（汉字数字如“六”“十二”或阿拉伯数字如“6”），与六比较，不等时记一处提示。不说明部分数的前言不检查。
    ///
    /// ## 错误示例
    ///
    /// ```text
    /// 本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况五个部分组成。
    /// ```
    ///
    /// ## 正确示例
    ///
    /// ```text
    /// 本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分组成。
    /// ```
    ///
    /// ## 如何改正
    ///
    /// 前言所述部分数和列举应与正文一致，为六个部分；正文缺部分的，先补全正文（见 section-missing）。
    ///
    /// # English
    ///
    /// When the preface says how many parts the report has, that number must be six.
    ///
    /// ## What it checks
    ///
    /// Looks in the preface (before part one) for N个部分 or N部分组成, reads the whole number N (Chinese numerals such as 六 or 十二, or digits such as 6) and warns when it is not six. A preface that states no count is not checked.
    ///
    /// ## Wrong
    ///
    /// ```text
    /// 本报告由……五个部分组成。 (the preface says five parts, listing only five)
    /// ```
    ///
    /// ## Right
    ///
    /// ```text
    /// 本报告由……其他需要报告的事项六个部分组成。 (six parts, all listed)
    /// ```
    ///
    /// ## How to fix
    ///
    /// The preface's count and list must match the body: six parts. If the body lacks a part, add it first (see section-missing).
    pub PrefacePartCount {
        name: "preface-part-count",
        severity: Warning,
        title: "前言所述部分数为六" / "Preface names six parts",
        basis: "国办公开办函〔2021〕30号（年度报告格式）六个部分；条例第五十条第一款"
            / "Format document 国办公开办函〔2021〕30号 (F2019: 〔2019〕60号): six parts; Regulations art. 50 para. 1.",
    }
}

use super::Ctx;

pub(super) fn check(ctx: &mut Ctx) {
    // The preface's count of parts.
    let first = ctx
        .structure
        .sections
        .iter()
        .flatten()
        .map(|s| s.index)
        .min()
        .unwrap_or(0);
    let before = ctx.findings.len();
    let mut stated = false;
    for line in &ctx.text.lines[..first] {
        let t: String = line.text.chars().filter(|c| !c.is_whitespace()).collect();
        let Some(at) = t.find("个部分").or_else(|| t.find("部分组成")) else {
            continue;
        };
        // The whole number before 个部分 (十二, 12, 六), not only its last character.
        let before_at: Vec<char> = t[..at].chars().collect();
        let run = before_at
            .iter()
            .rev()
            .take_while(|&&c| c.is_ascii_digit() || crate::prose::is_cn(c))
            .count();
        let numeral: String = before_at[before_at.len() - run..].iter().collect();
        let n = if numeral.chars().all(|c| c.is_ascii_digit()) {
            numeral.parse::<u64>().ok()
        } else {
            crate::prose::cn_number(&before_at[before_at.len() - run..])
                .filter(|v| v.fract() == 0.0 && *v >= 0.0 && *v < 1e9)
                .map(|v| v as u64)
        };
        if let Some(n) = n {
            stated = true;
            if n != 6 {
                let mut f = ctx.finding(
                    "preface-part-count",
                    None,
                    format!("前言称报告由{numeral}个部分组成，格式规定为六个部分"),
                    format!("The preface says the report has {n} parts; the format has six"),
                );
                f.line = Some(line.no);
                f.column = Some(line.column(before_at.len() - run));
                ctx.push(f);
            }
        }
    }
    if stated {
        ctx.check_from(
            None,
            "preface-part-count",
            before,
            ("前言所述部分数为六", "The preface names six parts"),
        );
    }
}
