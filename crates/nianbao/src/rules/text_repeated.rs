//! `text-repeated`: Prose not copied from last year

declare_rule! {
    /// 本年度报告正文与上年度报告相同的比例（忽略空白和数字）达到阈值（默认50%）即提示：年度报告应反映本年度的实际工作。
    ///
    /// ## 检查什么
    ///
    /// 只在提供上年度报告时检查。取两份报告的正文行（不含表格行和少于20个字的短行），去掉空白，把连续的数字和汉字数字视为同一个符号，以8字片段比较：本年正文中被上年片段覆盖的比例达到阈值（默认50%）时记一处提示，给出全文及各部分的重复比例和重复段落所在行。
    ///
    /// ## 错误示例
    ///
    /// ```text
    /// 2022年度：一是加强组织领导，把政府信息公开工作纳入重要议事日程，主要负责同志多次研究部署……
    /// 2023年度：一是加强组织领导，把政府信息公开工作纳入重要议事日程，主要负责同志多次研究部署……
    /// （正文68%与上年相同）
    /// ```
    ///
    /// ## 正确示例
    ///
    /// ```text
    /// 2023年度：一是健全工作机制，年内修订《政府信息公开工作规程》，明确依申请公开办理时限和会商程序……
    /// ```
    ///
    /// ## 如何改正
    ///
    /// 按本年度实际工作重写各部分，特别是“总体情况”和“存在的主要问题及改进情况”；保留的固定表述（如前言、联系方式）可以不改。
    ///
    /// # English
    ///
    /// Warns when the share of this year's prose repeated from last year's report (ignoring whitespace and numbers) reaches the threshold (50% by default): the report should describe this year's work.
    ///
    /// ## What it checks
    ///
    /// Only when last year's report is given. Takes both reports' prose lines (no table rows, no lines under 20 characters), drops whitespace, treats any run of digits or Chinese numerals as one symbol, and compares 8-character pieces: when the share of this year's prose covered by last year's pieces reaches the threshold (50% by default) there is a warning with the share overall and per part and the lines of the repeated passages.
    ///
    /// ## Wrong
    ///
    /// ```text
    /// 2022: 一是加强组织领导，把政府信息公开工作纳入重要议事日程……
    /// 2023: the same sentences again (68% of the prose repeats last year's)
    /// ```
    ///
    /// ## Right
    ///
    /// ```text
    /// 2023: 一是健全工作机制，年内修订《政府信息公开工作规程》…… (this year's own work)
    /// ```
    ///
    /// ## How to fix
    ///
    /// Rewrite the parts from this year's actual work, especially 总体情况 and 存在的主要问题及改进情况; fixed wording (the preface, contact details) may stay.
    pub TextRepeated {
        name: "text-repeated",
        severity: Warning,
        title: "正文与上年报告不雷同" / "Prose not copied from last year",
        basis: "国办公开办函〔2021〕30号（四）明确责任（与往年内容雷同）；条例第四十七条"
            / "Format document 国办公开办函〔2021〕30号, (4) responsibilities (content copied from earlier years); Regulations art. 47.",
    }
}
