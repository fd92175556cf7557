//! `format-year-mismatch`: Format matches the year

declare_rule! {
    /// 2019、2020年度报告使用2019年格式（国办公开办函〔2019〕60号），2021年度及以后使用2021年格式（国办公开办函〔2021〕30号）。用错格式的表格栏目不同，无法对比。
    ///
    /// ## 检查什么
    ///
    /// 由表格栏目判断报告用的格式（如“本年制发件数”“本年废止件数”“现行有效件数”“本年收费金额”为2021年格式，“本年新制作数量”“其他对外管理服务事项”“第二十条第（九）项”“政府集中采购”为2019年格式），与报告年度应使用的格式比较，不符时记一处错误。格式或年度判断不出时不作判定。
    ///
    /// ## 错误示例
    ///
    /// ```text year=2020
    /// 某区人民政府2022年政府信息公开工作年度报告
    /// ……
    /// 信息内容	本年新制作数量	本年新公开数量	对外公开总数量
    /// （2022年度报告用了2019年格式的表格）
    /// ```
    ///
    /// ## 正确示例
    ///
    /// ```text year=2022
    /// 某区人民政府2022年政府信息公开工作年度报告
    /// ……
    /// 信息内容	本年制发件数	本年废止件数	现行有效件数
    /// ```
    ///
    /// ## 如何改正
    ///
    /// 2021年度及以后的报告按国办公开办函〔2021〕30号的格式重新填写三张表格（第二部分栏目、第三部分“（六）其他处理”三个小项都有变化），不要沿用旧模板；2019、2020年度报告使用2019年格式。
    ///
    /// # English
    ///
    /// Reports for 2019 and 2020 use the 2019 format; reports for 2021 and later use the 2021 format. A report laid out in the other format has different table columns.
    ///
    /// ## What it checks
    ///
    /// Tells the format from the tables' columns (本年制发件数, 本年废止件数, 现行有效件数, 本年收费金额 mean F2021; 本年新制作数量, 其他对外管理服务事项, 第二十条第（九）项, 政府集中采购 mean F2019) and compares it with the format for the report's year; one error when they differ. Not decided when either is unknown.
    ///
    /// ## Wrong
    ///
    /// ```text year=2020
    /// 某区人民政府2022年政府信息公开工作年度报告
    /// 信息内容	本年新制作数量	本年新公开数量	对外公开总数量
    /// (a 2022 report with the 2019 table)
    /// ```
    ///
    /// ## Right
    ///
    /// ```text year=2022
    /// 某区人民政府2022年政府信息公开工作年度报告
    /// 信息内容	本年制发件数	本年废止件数	现行有效件数
    /// (the 2021 table)
    /// ```
    ///
    /// ## How to fix
    ///
    /// For 2021 and later, fill in the three tables of the 国办公开办函〔2021〕30号 format again (part two's blocks and part three's （六）其他处理 sub-rows changed) instead of reusing the old template; reports for 2019 and 2020 use the 2019 format.
    pub FormatYearMismatch {
        name: "format-year-mismatch",
        severity: Error,
        title: "格式与年度相符" / "Format matches the year",
        basis: "国办公开办函〔2021〕30号（2021年度报告起适用，替代国办公开办函〔2019〕60号的试行格式）；条例第五十条第二款"
            / "Format document 国办公开办函〔2021〕30号, in force for reports for 2021 onwards, replacing the trial format of 国办公开办函〔2019〕60号; Regulations art. 50 para. 2.",
    }
}

use super::Ctx;
use crate::result::Status;

pub(super) fn check(ctx: &mut Ctx) {
    let meta = &ctx.structure.meta;
    let title_line = meta.title_index.map(|i| ctx.text.lines[i].no);
    // Format vs year.
    match (ctx.detected, ctx.expected) {
        (Some(d), Some(e)) => {
            let before = ctx.findings.len();
            if d != e {
                let mut f = ctx.finding(
                    "format-year-mismatch",
                    None,
                    format!(
                        "{}年度报告应使用{}年格式（{}），但表格为{}年格式",
                        meta.year.unwrap_or(0), e.name(), e.document(), d.name()
                    ),
                    format!(
                        "A report for {} should use the {} format ({}), but its tables are in the {} format",
                        meta.year.unwrap_or(0), e.name(), e.document(), d.name()
                    ),
                );
                f.line = ctx.active.out.line.or(title_line);
                ctx.push(f);
            }
            ctx.check_from(
                None,
                "format-year-mismatch",
                before,
                (
                    &format!("{}年格式，与年度相符", d.name()),
                    &format!("{} format, matching the year", d.name()),
                ),
            );
        }
        (None, _) => ctx.check(
            None,
            "format-year-mismatch",
            Status::Skip,
            "表格栏目不足以判断格式",
            "Tables do not show which format",
        ),
        (_, None) => ctx.check(
            None,
            "format-year-mismatch",
            Status::Skip,
            "报告年度不明",
            "Report year unknown",
        ),
    }
}
