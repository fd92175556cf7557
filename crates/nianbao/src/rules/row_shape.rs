//! `row-shape`: Row has the right number of cells

declare_rule! {
    /// 每行的数字个数应等于表格的列数（第三部分每行7个，第四部分15个）。个数不符时，检查器用勾稽关系和其他行推断每个数所在的列；只有唯一一种放法成立时才采用，否则标为无法判定。
    ///
    /// ## 检查什么
    ///
    /// 每行读到的数字个数应等于表格的列数（第三部分7个，第四部分15个，第二部分各栏目按其列数）。个数不符、数字连在一起（如“1203”）或分散在几行时，检查器用勾稽关系和其他行推断每个数所在的列：只有一种放法成立时采用并提示，放法不唯一时提示该行无法确定（见 cell-ambiguous）。表格按列排列（先列全部标签、再逐列列出数字，常见于从PDF复制的文字）时，检查器逐列还原表格：每列数字个数与行数相符时全部读取（读法“按列还原”），并在此记一条信息；一行的单元格超过400个时，也在此提示。
    ///
    /// ## 错误示例
    ///
    /// ```text
    /// （一）予以公开	2	3	1	6
    /// （一行只有4个数，表格有7列：空白单元格在复制时丢失了）
    /// ```
    ///
    /// ## 正确示例
    ///
    /// ```text
    /// （一）予以公开	2	0	3	1	0	0	6
    /// ```
    ///
    /// ## 如何改正
    ///
    /// 在原表中补齐每一格（没有的填0），使每行的数字个数等于列数；发布时使用文字表格，避免把表格做成图片或逐列排版。检查器推断出的位置只是推测，请按原始台账核对。
    ///
    /// # English
    ///
    /// A row should have as many numbers as the table has columns (7 in part three, 15 in part four). When it has fewer or more, the checker uses the identities and the other rows to decide where each number goes, and only accepts a placement that is the only consistent one.
    ///
    /// ## What it checks
    ///
    /// Each row should have as many numbers as its table has columns (7 in part three, 15 in part four, each block's own count in part two). When a row has fewer or more, its digits are glued together (1203) or its numbers are spread over several lines, the checker places them using the identities and the other rows: a single consistent placement is used and flagged; more than one leaves the row undecided (see cell-ambiguous). A table laid out column by column (all labels, then each column's numbers: text copied from a PDF) is put back column by column; when every column's count fits, every cell is read ("transposed") and an info says so here. A line of more than 400 cells is also flagged here.
    ///
    /// ## Wrong
    ///
    /// ```text
    /// （一）予以公开	2	3	1	6
    /// (4 numbers for 7 columns: the blank cells were lost in copying)
    /// ```
    ///
    /// ## Right
    ///
    /// ```text
    /// （一）予以公开	2	0	3	1	0	0	6
    /// (自然人 2, 商业企业 0, 科研机构 3, 社会公益组织 1, 法律服务机构 0, 其他 0, 总计 6)
    /// ```
    ///
    /// ## How to fix
    ///
    /// Fill every cell of the original table (0 where nothing happened) so each row has as many numbers as columns, and publish a text table rather than an image or a column-by-column layout. A placement the checker inferred is a guess: verify it against the records.
    pub RowShape {
        name: "row-shape",
        severity: Warning,
        also: [
            Info: "没有规定表头的表格，各列按对齐位置读取" / "a table without the official header had its columns taken by alignment",
            Info: "连在一起的数字只有一种拆分方式符合格式和勾稽关系，已按该拆分读取" / "glued digits had only one split that fits the format and the identities, and were read so",
            Info: "按列提取的表格已逐列还原，全部单元格读取" / "a table extracted column by column was put back and every cell read",
        ],
        title: "每行数字个数正确" / "Row has the right number of cells",
        basis: "国办公开办函〔2021〕30号表格（各表的列）；条例第五十条第二款（统一格式）"
            / "Tables of the format document 国办公开办函〔2021〕30号 (F2019: 〔2019〕60号): the columns of each table; Regulations art. 50 para. 2 (a uniform format).",
    }
}
