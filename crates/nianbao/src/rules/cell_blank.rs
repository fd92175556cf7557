//! `cell-blank`: No blank cells

declare_rule! {
    /// 统计表中没有发生的事项应填0，不应留空或填“/”“—”“无”。空白单元格会使勾稽关系无法判定。
    ///
    /// ## 检查什么
    ///
    /// 找到的每一行中，空白单元格或填“/”“-”“—”“无”等非数字记号的单元格，每行合并记一处提示并列出这些列。行内数字个数不足、无法确定空白在哪一列时，提示空白的个数，并注明所示位置是推测。依赖这些单元格的勾稽关系不作判定（检查器不会把空白当作0）。
    ///
    /// ## 错误示例
    ///
    /// ```text
    /// 1.属于国家秘密	/	/	/	/	/	/	/
    /// 2.重复申请	1						1
    /// ```
    ///
    /// ## 正确示例
    ///
    /// ```text
    /// 1.属于国家秘密	0	0	0	0	0	0	0
    /// 2.重复申请	1	0	0	0	0	0	1
    /// ```
    ///
    /// ## 如何改正
    ///
    /// 没有发生的事项填0，不留空，也不填“/”“—”“无”。
    ///
    /// # English
    ///
    /// A cell for something that did not happen should hold 0, not be left blank or hold /, — or 无. Blank cells leave the identities undecided.
    ///
    /// ## What it checks
    ///
    /// In every row found, cells that are blank or hold a mark instead of a number (/, -, —, 无) are one warning per row, naming the columns. When a row is short and the text does not say which columns are blank, the warning gives their number and says the position shown is a guess. Identities that need these cells are left undecided: a blank is never taken for 0.
    ///
    /// ## Wrong
    ///
    /// ```text
    /// 1.属于国家秘密	/	/	/	/	/	/	/
    /// 2.重复申请	1						1
    /// (marks and empty cells)
    /// ```
    ///
    /// ## Right
    ///
    /// ```text
    /// 1.属于国家秘密	0	0	0	0	0	0	0
    /// 2.重复申请	1	0	0	0	0	0	1
    /// ```
    ///
    /// ## How to fix
    ///
    /// Enter 0 for anything that did not happen; leave no cell empty and use no /, — or 无.
    pub CellBlank {
        name: "cell-blank",
        severity: Warning,
        title: "无空白单元格" / "No blank cells",
        basis: "国办公开办函〔2021〕30号表格（统计数字）；条例第五十条第一款第（一）至（三）项"
            / "Tables of the format document 国办公开办函〔2021〕30号 (F2019: 〔2019〕60号); Regulations art. 50 para. 1 items (1)–(3) (the figures reported).",
    }
}
