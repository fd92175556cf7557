//! `section-empty`: Part has content

declare_rule! {
    /// “存在的主要问题及改进情况”必须写出实际内容，不能为空或只写“无”。
    ///
    /// ## 检查什么
    ///
    /// 第五部分“存在的主要问题及改进情况”的正文（从标题到下一部分，只计汉字、字母和数字）少于4个字，或者只写“无”“暂无”时，记一处提示。只在找到第五部分时检查。
    ///
    /// ## 错误示例
    ///
    /// ```text
    /// 五、存在的主要问题及改进情况
    /// 无。
    /// 六、其他需要报告的事项
    /// ```
    ///
    /// ## 正确示例
    ///
    /// ```text
    /// 五、存在的主要问题及改进情况
    /// 2023年，我局政府信息公开工作还存在栏目内容更新不够及时等问题。2024年，我局将建立栏目更新台账，每月检查一次。
    /// ```
    ///
    /// ## 如何改正
    ///
    /// 写出本年度工作中实际存在的问题和具体的改进措施；人民政府的报告还应说明工作考核、社会评议和责任追究结果情况，以及上年问题的整改情况。
    ///
    /// # English
    ///
    /// Part five (main problems and improvements) must say something real: it may not be empty or just 无 (none).
    ///
    /// ## What it checks
    ///
    /// Warns when the body of part five (from its heading to the next part, counting only Chinese characters, letters and digits) has fewer than 4 characters or is just 无 or 暂无. Checked only when part five was found.
    ///
    /// ## Wrong
    ///
    /// ```text
    /// 五、存在的主要问题及改进情况
    /// 无。 (none)
    /// 六、其他需要报告的事项
    /// ```
    ///
    /// ## Right
    ///
    /// ```text
    /// 五、存在的主要问题及改进情况
    /// 2023年，我局政府信息公开工作还存在栏目内容更新不够及时等问题。2024年，我局将建立栏目更新台账，每月检查一次。
    /// (a real problem and a concrete improvement)
    /// ```
    ///
    /// ## How to fix
    ///
    /// Describe the year's actual problems and concrete improvements; a people's government's report also states the results of appraisal, public review and accountability, and how last year's problems were dealt with.
    pub SectionEmpty {
        name: "section-empty",
        severity: Warning,
        title: "内容不为空" / "Part has content",
        basis: "国办公开办函〔2021〕30号（年度报告格式）第五部分；条例第五十条第一款第（四）项"
            / "Format document 国办公开办函〔2021〕30号 (F2019: 〔2019〕60号), part five; Regulations art. 50 para. 1 item (4) (main problems and improvements; a government's report also covers appraisal, public review and accountability).",
    }
}

use super::Ctx;

pub(super) fn check(ctx: &mut Ctx) {
    // Part 五 must have real content.
    if ctx.section_found(5) {
        let body: String = ctx
            .structure
            .body(ctx.text, 5)
            .iter()
            .map(|l| l.key())
            .collect();
        let before = ctx.findings.len();
        if body.chars().count() < 4 || body == "无" || body == "暂无" {
            let (s, column) = (ctx.heading_line(5), ctx.heading_column(5));
            let mut f = ctx.finding(
                "section-empty",
                Some(5),
                "“存在的主要问题及改进情况”没有实际内容".to_string(),
                "Part five (main problems and improvements) has no real content".to_string(),
            );
            f.line = s;
            f.column = s.and(column);
            ctx.push(f);
        }
        ctx.check_from(
            Some(5),
            "section-empty",
            before,
            (
                "写明了问题和改进措施",
                "Problems and improvements are described",
            ),
        );
    }

}
