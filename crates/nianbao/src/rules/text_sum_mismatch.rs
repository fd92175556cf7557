//! `text-sum-mismatch`: Prose totals add up

declare_rule! {
    /// 正文中列举的分项之和应等于所述总数（如“主动公开政府信息399条，其中……”）。
    ///
    /// ## 检查什么
    ///
    /// 正文中“共N条（件、项……），其中／包括／分别为……”列举的分项（与总数同一量词）相加应等于N。分项到句号、下一个“共／合计／总计／累计”数字或开始另一陈述的分号为止；前几项之和等于N即视为一致。不一致时：列举3项及以上记一处错误，只有2项记一处提示。
    ///
    /// ## 错误示例
    ///
    /// ```text
    /// 全年主动公开政府信息399条，其中机构职能类2条，部门文件类10条，工作动态类99条，人事信息类51条，公告公示类199条，财政信息类2条，其他32条。
    /// 2+10+99+51+199+2+32=395≠399
    /// ```
    ///
    /// ## 正确示例
    ///
    /// ```text
    /// 全年主动公开政府信息399条，其中机构职能类2条，部门文件类10条，工作动态类99条，人事信息类51条，公告公示类199条，财政信息类6条，其他32条。
    /// 2+10+99+51+199+6+32=399
    /// ```
    ///
    /// ## 如何改正
    ///
    /// 按统计台账补全遗漏的分项或改正总数／分项，使列举之和等于总数。
    ///
    /// # English
    ///
    /// Where the prose states a total and then lists its parts (主动公开政府信息399条，其中…), the parts must add up to the total.
    ///
    /// ## What it checks
    ///
    /// Where the prose states a total (共N条/件/项 …) and lists its parts after 其中/包括/分别为, the parts with the same unit must add up to N. The list ends at a full stop, a new total (共/合计/总计/累计) or a ； that starts another statement; a list whose first parts add up to N is accepted. When they do not: an error with 3 or more parts, a warning with 2.
    ///
    /// ## Wrong
    ///
    /// ```text
    /// 全年主动公开政府信息399条，其中…2条，…10条，…99条，…51条，…199条，…2条，…32条。
    /// 2 + 10 + 99 + 51 + 199 + 2 + 32 = 395 ≠ 399.
    /// ```
    ///
    /// ## Right
    ///
    /// ```text
    /// …财政信息类6条… : 2 + 10 + 99 + 51 + 199 + 6 + 32 = 399.
    /// ```
    ///
    /// ## How to fix
    ///
    /// From the records, add the missing part or correct the total or a part, so the parts add up to the total.
    pub TextSumMismatch {
        name: "text-sum-mismatch",
        severity: Error,
        also: [
            Warning: "列举的分项少于3项" / "fewer than three parts are listed",
        ],
        title: "正文分项之和等于总数" / "Prose totals add up",
        basis: "国办公开办函〔2021〕30号（四）明确责任（内容不准确）；条例第四十七条"
            / "Format document 国办公开办函〔2021〕30号, (4) responsibilities (inaccurate content); Regulations art. 47.",
    }
}
