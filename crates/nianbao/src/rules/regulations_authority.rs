//! `regulations-authority`: Authority to make regulations

declare_rule! {
    /// 只有国务院部门、省级政府和设区的市、自治州政府可以制定规章。乡镇、街道和县级部门报告本年制作或制发规章数大于0，应核实是否把规范性文件误填为规章。
    ///
    /// ## 检查什么
    ///
    /// 第二部分表格“规章”一行的本年制作数（2019年格式“本年新制作数量”，2021年格式“本年制发件数”）大于0，而报告机关按名称看无权制定规章时，记一处提示：这类机关无权制定规章，可能把规范性文件计入了规章。按名称判断为无权的：区、县、旗、乡镇人民政府和街道（以所辖地方名称的最后一字为准，如“乡宁县”是县、“镇江市”是市），以及名称不含“省”“自治区”的政府部门。国务院部门（如“教育部”“海关总署”“国家税务总局”“中国人民银行”）、省级和市级人民政府不提示（市是否设区无法从名称判断）。
    ///
    /// ## 错误示例
    ///
    /// ```text
    /// 某县卫生健康局2023年政府信息公开工作年度报告
    /// 信息内容	本年制发件数	本年废止件数	现行有效件数
    /// 规章	1	0	1
    /// 行政规范性文件	2	0	15
    /// ```
    ///
    /// ## 正确示例
    ///
    /// ```text
    /// 某县卫生健康局2023年政府信息公开工作年度报告
    /// 信息内容	本年制发件数	本年废止件数	现行有效件数
    /// 规章	0	0	0
    /// 行政规范性文件	3	0	16
    /// ```
    ///
    /// ## 如何改正
    ///
    /// 核实所谓“规章”的制定机关和文件性质：本机关印发的、不是以政府令公布的文件，属于行政规范性文件或其他文件，应从“规章”一行移到相应行。
    ///
    /// # English
    ///
    /// Only State Council departments, provincial governments and governments of cities with districts or autonomous prefectures can make regulations (规章). A town, street office or county-level department reporting regulations made this year is probably counting normative documents as regulations.
    ///
    /// ## What it checks
    ///
    /// Warns when the row 规章 of part two's table has more than 0 made this year (F2019 本年新制作数量, F2021 本年制发件数) and the agency, by its name, cannot make regulations, so normative documents were probably counted as regulations. Judged unable: the people's governments of districts, counties, banners, towns and street offices (by the last word of the place's name: 乡宁县 is a county, 镇江市 a city), and government departments whose name contains neither 省 nor 自治区. State Council departments (教育部, 海关总署, 国家税务总局, 中国人民银行), provincial and city governments are not warned (whether a city has districts cannot be told from its name).
    ///
    /// ## Wrong
    ///
    /// ```text
    /// 某县卫生健康局2023年政府信息公开工作年度报告 (a county health bureau)
    /// 规章	1	0	1
    /// 行政规范性文件	2	0	15
    /// ```
    ///
    /// ## Right
    ///
    /// ```text
    /// 规章	0	0	0
    /// 行政规范性文件	3	0	16
    /// (the document counted as a regulation moved to normative documents)
    /// ```
    ///
    /// ## How to fix
    ///
    /// Check who issued the so-called regulation and what it is: a document the agency issued itself, not published as a government decree (政府令), is a normative document or other document and belongs in that row.
    pub RegulationsAuthority {
        name: "regulations-authority",
        severity: Warning,
        title: "规章制定权限" / "Authority to make regulations",
        basis: "《中华人民共和国立法法》（2023年修正）第九十一条、第九十三条；条例第二十条第（一）项"
            / "Legislation Law of the PRC (2023 amendment), art. 91 (State Council departments' rules) and art. 93 (rules of provincial governments and governments of cities with districts or autonomous prefectures); Regulations art. 20 item (1).",
    }
}
