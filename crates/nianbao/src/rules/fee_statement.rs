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
