//! `stale-year`: No stray last year in the prose

declare_rule! {
    /// 本年度报告正文中出现上一年份（如2024年度报告写“2023年，我局……”），且不在同比、较上年等比较语境中，通常是沿用去年报告未改。
    ///
    /// ## 检查什么
    ///
    /// 在报告年度为Y的正文（不含标题和表格行）中，按句（句号、分号为界）查找“Y−1年”：不是更长数字的一部分、不是年份区间（如“2022年至2023年”），且句中没有同比、较上年、去年、相比、上一年、统计期限、以来、修订、印发、发布的等比较或引用文件的词，也不是引用某《条例》的句子。每行最多记一处提示。
    ///
    /// ## 错误示例
    ///
    /// ```text
    /// 某镇人民政府2023年政府信息公开工作年度报告
    /// ……2022年，我镇在镇政府网站主动公开政府信息156条。
    /// ```
    ///
    /// ## 正确示例
    ///
    /// ```text
    /// ……2023年，我镇在镇政府网站主动公开政府信息168条，较2022年增加12条。
    /// ```
    ///
    /// ## 如何改正
    ///
    /// 核对该句是否沿用了上年报告：改为本年度的情况和数字；确实在说上一年的，写成比较的形式（如“较2022年”“比上年”）。
    ///
    /// # English
    ///
    /// Last year's year in this year's prose ("2023年，我局…" in a 2024 report), outside comparisons with last year, usually means last year's text was reused.
    ///
    /// ## What it checks
    ///
    /// In the prose of a report for year Y (title and table rows excluded), looks sentence by sentence (split at 。 and ；) for “Y−1年” that is not part of a longer number or a range (2022年至2023年), in a sentence without words of comparison or citation (同比, 较上年, 去年, 相比, 上一年, 统计期限, 以来, 修订, 印发, 发布的 …) and not citing a 《…条例》. At most one warning per line.
    ///
    /// ## Wrong
    ///
    /// ```text
    /// …2023年…年度报告
    /// …2022年，我镇在镇政府网站主动公开政府信息156条。 (“In 2022, our town published …” in the 2023 report)
    /// ```
    ///
    /// ## Right
    ///
    /// ```text
    /// …2023年，我镇…主动公开政府信息168条，较2022年增加12条。 (this year's work; last year only in a comparison)
    /// ```
    ///
    /// ## How to fix
    ///
    /// Check whether the sentence was carried over from last year's report: describe this year's work and figures; where last year is really meant, phrase it as a comparison (较2022年, 比上年).
    pub StaleYear {
        name: "stale-year",
        severity: Warning,
        title: "正文无遗留的上年年份" / "No stray last year in the prose",
        basis: "国办公开办函〔2021〕30号（四）明确责任（与往年内容雷同）；条例第四十九条、第四十七条"
            / "Format document 国办公开办函〔2021〕30号, (4) responsibilities (content copied from earlier years); Regulations art. 49, art. 47.",
    }
}
