//! `row-missing`: All rows present

declare_rule! {
    /// 统计表的每一行都必须出现（例如第三部分表格在2019年格式下有23行，2021年格式下有25行）。行的标签丢失且无法按位置推断时，也按缺行处理。
    ///
    /// ## 检查什么
    ///
    /// 按报告所用格式逐行对照：第二部分表格的各栏目行（如规章、行政规范性文件、行政许可……），第三部分表格的数据行（2019年格式23行，2021年格式25行），第四部分的一行数据。每缺一行记一处错误。若某一组下（如“（三）不予公开”）有几行数据丢了标签，而行数与格式不符、无法逐行对应，则整组记一处错误并列出这些行。
    ///
    /// ## 错误示例
    ///
    /// ```text
    /// （六）其他处理
    /// 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请	0	0	0	0	0	0	0
    /// 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请	0	0	0	0	0	0	0
    /// （七）总计	79	0	0	0	0	0	79
    /// （2021年格式，缺少“3.其他”一行）
    /// ```
    ///
    /// ## 正确示例
    ///
    /// ```text
    /// （六）其他处理
    /// 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请	0	0	0	0	0	0	0
    /// 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请	0	0	0	0	0	0	0
    /// 3.其他	0	0	0	0	0	0	0
    /// （七）总计	79	0	0	0	0	0	79
    /// ```
    ///
    /// ## 如何改正
    ///
    /// 按报告年度对应的格式补全表格的每一行（没有发生的事项填0，不要删行），并保留每行的标签文字；不要把2019年格式的表格套用到2021年及以后的报告（见 format-year-mismatch）。
    ///
    /// # English
    ///
    /// Every row of a table must be there (part three's table has 23 rows in F2019 and 25 in F2021). Rows whose labels were lost and cannot be placed by position count as missing.
    ///
    /// ## What it checks
    ///
    /// Goes through the rows of the format the report uses: the rows of part two's table (规章, 行政规范性文件, 行政许可 …), part three's data rows (23 in F2019, 25 in F2021) and part four's one row. Each missing row is one error. When rows under a group (（三）不予公开, say) lost their labels and their count differs from the format's, so they cannot be matched one by one, the group is one error listing those lines.
    ///
    /// ## Wrong
    ///
    /// ```text
    /// （六）其他处理
    /// 1.申请人无正当理由逾期不补正…	0	0	0	0	0	0	0
    /// 2.申请人逾期未按收费通知要求缴纳费用…	0	0	0	0	0	0	0
    /// （七）总计	79	0	0	0	0	0	79
    /// (2021 format: the row 3.其他 is missing)
    /// ```
    ///
    /// ## Right
    ///
    /// ```text
    /// （六）其他处理
    /// 1.…	0	0	0	0	0	0	0
    /// 2.…	0	0	0	0	0	0	0
    /// 3.其他	0	0	0	0	0	0	0
    /// （七）总计	79	0	0	0	0	0	79
    /// ```
    ///
    /// ## How to fix
    ///
    /// Complete the table with every row of the format for the report's year (0 where nothing happened; do not delete rows) and keep each row's label. Do not use the 2019 table in a report for 2021 or later (see format-year-mismatch).
    pub RowMissing {
        name: "row-missing",
        severity: Error,
        also: [
            Warning: "附近有标签丢失的数据行，缺的可能就是这一行" / "a nearby row whose label was lost may be the missing one",
            Warning: "有数据行丢失了行标签，无法确定是哪几行" / "rows lost their labels and cannot be identified",
            Warning: "2021年度及以后的报告仍用2019年格式的“（六）其他处理”一行" / "a report for 2021 or later still has the 2019 form's single row （六）其他处理",
        ],
        title: "各行齐全" / "All rows present",
        basis: "国办公开办函〔2021〕30号表格（各表的行）；条例第五十条第二款（统一格式）"
            / "Tables of the format document 国办公开办函〔2021〕30号 (F2019: 〔2019〕60号): every row; Regulations art. 50 para. 2 (a uniform format).",
    }
}
