//! `text-rate-mismatch`: Stated rates agree with the tables

declare_rule! {
    /// 正文写出的比率（如“实质公开率为85%”“办结率100%”）按第三、四部分表格重新计算，相差超过0.5个百分点即提示。
    ///
    /// ## 检查什么
    ///
    /// 正文分句中写出的比率按表格重新计算：实质公开率=（予以公开+部分公开）÷（七）总计；予以公开率=予以公开÷（七）总计；不予公开率、无法提供率=该组各项之和÷（七）总计；“公开率”按实质公开率或予以公开率；办结率=（七）总计÷（第一项+第二项）；结转率=第四项÷（第一项+第二项）；复议（诉讼）纠错率=结果纠正÷（总计−尚未审结）。与正文所写百分数相差超过0.5个百分点时记一处提示。表格算不出该比率时不检查。
    ///
    /// ## 错误示例
    ///
    /// ```text
    /// 全年依申请公开实质公开率为85%。
    /// （表格：予以公开42，部分公开5，（七）总计79；(42+5)÷79=59.5%）
    /// ```
    ///
    /// ## 正确示例
    ///
    /// ```text
    /// 全年依申请公开实质公开率为59.5%。
    /// ```
    ///
    /// ## 如何改正
    ///
    /// 按表格重新计算比率后改正正文；如正文的计算口径不同（如不计结转），在句中写明口径。
    ///
    /// # English
    ///
    /// Rates the prose states (实质公开率 85%, 办结率 100% …) are recomputed from the tables of parts three and four; a difference of more than 0.5 points is flagged.
    ///
    /// ## What it checks
    ///
    /// Rates stated in a clause of the prose are recomputed from the tables: 实质公开率 = (3.1 + 3.2) ÷ 3.7; 予以公开率 = 3.1 ÷ 3.7; 不予公开率, 无法提供率 = the group's sum ÷ 3.7; 公开率 either of the first two; 办结率 = 3.7 ÷ (row 1 + row 2); 结转率 = row 4 ÷ (row 1 + row 2); review or litigation 纠错率 = corrected ÷ (total − pending). A difference of more than 0.5 percentage points from the stated percentage is a warning. Not checked when the tables do not give the rate.
    ///
    /// ## Wrong
    ///
    /// ```text
    /// 全年依申请公开实质公开率为85%。
    /// (tables: granted 42, partly 5, total 79; (42 + 5) ÷ 79 = 59.5%)
    /// ```
    ///
    /// ## Right
    ///
    /// ```text
    /// 全年依申请公开实质公开率为59.5%。
    /// ```
    ///
    /// ## How to fix
    ///
    /// Recompute the rate from the tables and correct the prose; if the prose uses another basis (carry-over left out, say), state it in the sentence.
    pub TextRateMismatch {
        name: "text-rate-mismatch",
        severity: Warning,
        title: "正文所述比率与表格一致" / "Stated rates agree with the tables",
        basis: "国办公开办函〔2021〕30号（四）明确责任（内容不准确）；条例第四十七条、第五十条第一款第（二）、（三）项"
            / "Format document 国办公开办函〔2021〕30号, (4) responsibilities (inaccurate content); Regulations art. 47; art. 50 para. 1 items (2)–(3).",
    }
}
