//! `carryover-mismatch`: Carried over = last year's carried forward

declare_rule! {
    /// 本年度第三部分表格第二项“上年结转政府信息公开申请数量”每一列应等于上一年度报告第四项“结转下年度继续办理”的同一列。
    ///
    /// ## 检查什么
    ///
    /// 只在同时提供上年度报告（--previous）时检查。两份报告为相邻年度时，本年第三部分表格第二项“上年结转政府信息公开申请数量”的每一列应等于上年报告第四项“结转下年度继续办理”的同一列，不等的每列记一处错误。两份报告不是相邻年度时记一处提示，不逐列核对。
    ///
    /// ## 错误示例
    ///
    /// ```text
    /// 2022年度报告：四、结转下年度继续办理（总计）5
    /// 2023年度报告：二、上年结转政府信息公开申请数量（总计）3
    /// ```
    ///
    /// ## 正确示例
    ///
    /// ```text
    /// 2022年度报告：四、结转下年度继续办理（总计）5
    /// 2023年度报告：二、上年结转政府信息公开申请数量（总计）5
    /// ```
    ///
    /// ## 如何改正
    ///
    /// 以上年报告（或更正后的台账）为准逐列填写上年结转；如上年报告的数字有误，在本年报告中说明更正情况。
    ///
    /// # English
    ///
    /// In part three's table, row 2 (carried over from last year) must equal last year's row 4 (carried into next year), column by column.
    ///
    /// ## What it checks
    ///
    /// Only when last year's report is given (--previous). For consecutive years, each column of this year's row 2 (carried over) must equal the same column of last year's row 4 (carried into next year); each column that differs is an error. Reports that are not for consecutive years get one warning and no comparison.
    ///
    /// ## Wrong
    ///
    /// ```text
    /// 2022 report, row 4 total: 5
    /// 2023 report, row 2 total: 3
    /// ```
    ///
    /// ## Right
    ///
    /// ```text
    /// 2022 report, row 4 total: 5
    /// 2023 report, row 2 total: 5
    /// ```
    ///
    /// ## How to fix
    ///
    /// Fill in row 2 column by column from last year's report (or the corrected register); if last year's figures were wrong, say so in this year's report.
    pub CarryoverMismatch {
        name: "carryover-mismatch",
        severity: Error,
        also: [
            Warning: "两份报告不是相邻年度" / "the two reports are not for consecutive years",
        ],
        title: "上年结转=上年报告的结转下年度" / "Carried over = last year's carried forward",
        basis: "国办公开办函〔2021〕30号表格：第三部分第二项“上年结转”承接上年度报告第四项“结转下年度继续办理”；条例第五十条第一款第（二）项"
            / "Format document 国办公开办函〔2021〕30号 (F2019: 〔2019〕60号), table of part three: row 2 (carried over from last year) follows last year's row 4 (carried into next year); Regulations art. 50 para. 1 item (2).",
    }
}
