//! `text-table-mismatch`: Prose agrees with tables

declare_rule! {
    /// 正文中的数字（如“收到申请N件”“行政复议N件”）应与统计表一致。
    ///
    /// ## 检查什么
    ///
    /// 在正文（不含表格行）中找只含一个计数（带“件”“项”等量词，不计“条”）的分句，按其措辞与表格对照：收到／新收／受理申请 ↔ 第三部分第一项总计（也接受第一项+第二项）；办结／答复申请 ↔ （七）总计；上年结转 ↔ 第二项；结转 ↔ 第四项；行政复议 ↔ 第四部分复议总计；行政诉讼 ↔ 两项诉讼总计之和；作出行政处罚决定 ↔ 第二部分行政处罚处理决定数量。不一致的每处记一处提示。
    ///
    /// ## 错误示例
    ///
    /// ```text
    /// 2023年，我局共收到政府信息公开申请258件……
    /// （第三部分表格）一、本年新收政府信息公开申请数量	…	275
    /// ```
    ///
    /// ## 正确示例
    ///
    /// ```text
    /// 2023年，我局共收到政府信息公开申请275件……
    /// （第三部分表格）一、本年新收政府信息公开申请数量	…	275
    /// ```
    ///
    /// ## 如何改正
    ///
    /// 以申请登记台账为准，同时核对正文和表格，改正错误的一方；正文说的如果是另一口径（如含上年结转），在句中写明。
    ///
    /// # English
    ///
    /// Numbers stated in the prose (requests received, administrative reviews …) should agree with the tables.
    ///
    /// ## What it checks
    ///
    /// In the prose (table rows excluded), takes clauses with exactly one count (a number with 件, 项 … but not 条) and compares by wording: received (收到/新收/受理) requests ↔ part three row 1 total (row 1 + row 2 also accepted); handled (办结/答复) ↔ row 3.7 total; 上年结转 ↔ row 2; other 结转 ↔ row 4; 行政复议 ↔ part four's review total; 行政诉讼 ↔ the two suit totals together; 行政处罚 decisions ↔ part two's penalty decisions. Each disagreement is one warning.
    ///
    /// ## Wrong
    ///
    /// ```text
    /// 2023年，我局共收到政府信息公开申请258件 (258 received)
    /// (part three's table) row 1 total: 275
    /// ```
    ///
    /// ## Right
    ///
    /// ```text
    /// 2023年，我局共收到政府信息公开申请275件
    /// row 1 total: 275
    /// ```
    ///
    /// ## How to fix
    ///
    /// Take the request register as the truth and correct whichever of the prose and the table is wrong; if the prose counts something else (carried-over requests included, say), say so in the sentence.
    pub TextTableMismatch {
        name: "text-table-mismatch",
        severity: Warning,
        title: "正文与表格一致" / "Prose agrees with tables",
        basis: "国办公开办函〔2021〕30号（四）明确责任（内容不准确）；条例第四十七条、第五十条第一款第（一）至（三）项"
            / "Format document 国办公开办函〔2021〕30号, (4) responsibilities (inaccurate content); Regulations art. 47; art. 50 para. 1 items (1)–(3).",
    }
}
