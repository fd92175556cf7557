//! `title-format`: Title form

declare_rule! {
    /// 标题应为“<机关全称><YYYY>年政府信息公开工作年度报告”。常见偏差：缺“工作”二字、把“年”写成“年度”、缺年份或机关名称。
    ///
    /// ## 检查什么
    ///
    /// 读出报告标题，检查：有机关名称、有年份（年份在机关名称之后）、有“工作”二字、没有把“年”写成“年度”，整体为“<机关><YYYY>年政府信息公开工作年度报告”。不符合的列出各项问题，记一处提示；标题中没有年份时为错误（报告年度只能从正文推断）。找不到标题也记一处提示。
    ///
    /// ## 错误示例
    ///
    /// ```text
    /// 某市某区卫生健康局2023年度政府信息公开年度报告
    /// ```
    ///
    /// ## 正确示例
    ///
    /// ```text
    /// 某市某区卫生健康局2023年政府信息公开工作年度报告
    /// ```
    ///
    /// ## 如何改正
    ///
    /// 把标题改为“机关全称+年份+年政府信息公开工作年度报告”，单独放在第一行。
    ///
    /// # English
    ///
    /// The title should read <agency><YYYY>年政府信息公开工作年度报告. Common deviations: 工作 missing, 年度 for 年, no year, no agency.
    ///
    /// ## What it checks
    ///
    /// Reads the title and checks: an agency name, a year (after the agency), the word 工作, 年 rather than 年度, and overall the form <agency><YYYY>年政府信息公开工作年度报告. Deviations are listed in one warning; no year in the title is an error (the year can then only be guessed from the text). No title found is also a warning.
    ///
    /// ## Wrong
    ///
    /// ```text
    /// 某市某区卫生健康局2023年度政府信息公开年度报告
    /// (年度 for 年, and 工作 missing)
    /// ```
    ///
    /// ## Right
    ///
    /// ```text
    /// 某市某区卫生健康局2023年政府信息公开工作年度报告
    /// ```
    ///
    /// ## How to fix
    ///
    /// Make the title the agency's full name + the year + 年政府信息公开工作年度报告, on the first line by itself.
    pub TitleFormat {
        name: "title-format",
        severity: Warning,
        also: [
            Error: "标题中没有年份" / "the title has no year",
        ],
        title: "标题规范" / "Title form",
        basis: "国办公开办函〔2021〕30号（年度报告格式）；条例第四十九条、第五十条（“政府信息公开工作年度报告”）"
            / "Format document 国办公开办函〔2021〕30号 (F2019: 〔2019〕60号); Regulations art. 49 and art. 50 (the report's name: 政府信息公开工作年度报告).",
    }
}
