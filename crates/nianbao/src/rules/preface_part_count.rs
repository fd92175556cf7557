//! `preface-part-count`: Preface names six parts

declare_rule! {
    /// 报告开头若说明报告由几个部分组成，应为六个部分。
    ///
    /// ## 检查什么
    ///
    /// 在第一部分之前的前言里查找“N个部分”或“N部分组成”，读出N的完整写法（汉字数字如“六”“十二”或阿拉伯数字如“6”），与六比较，不等时记一处提示。不说明部分数的前言不检查。
    ///
    /// ## 错误示例
    ///
    /// ```text
    /// 本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况五个部分组成。
    /// ```
    ///
    /// ## 正确示例
    ///
    /// ```text
    /// 本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分组成。
    /// ```
    ///
    /// ## 如何改正
    ///
    /// 前言所述部分数和列举应与正文一致，为六个部分；正文缺部分的，先补全正文（见 section-missing）。
    ///
    /// # English
    ///
    /// When the preface says how many parts the report has, that number must be six.
    ///
    /// ## What it checks
    ///
    /// Looks in the preface (before part one) for N个部分 or N部分组成, reads the whole number N (Chinese numerals such as 六 or 十二, or digits such as 6) and warns when it is not six. A preface that states no count is not checked.
    ///
    /// ## Wrong
    ///
    /// ```text
    /// 本报告由……五个部分组成。 (the preface says five parts, listing only five)
    /// ```
    ///
    /// ## Right
    ///
    /// ```text
    /// 本报告由……其他需要报告的事项六个部分组成。 (six parts, all listed)
    /// ```
    ///
    /// ## How to fix
    ///
    /// The preface's count and list must match the body: six parts. If the body lacks a part, add it first (see section-missing).
    pub PrefacePartCount {
        name: "preface-part-count",
        severity: Warning,
        title: "前言所述部分数为六" / "Preface names six parts",
        basis: "国办公开办函〔2021〕30号（年度报告格式）六个部分；条例第五十条第一款"
            / "Format document 国办公开办函〔2021〕30号 (F2019: 〔2019〕60号): six parts; Regulations art. 50 para. 1.",
    }
}
