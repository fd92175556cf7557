//! `cell-invalid`: Valid cell values

declare_rule! {
    /// 单元格只能填写数字：件数为非负整数，本年增/减可带正负号，金额可带小数。文字、“减4”、负的件数或带小数的件数都是无效值。
    ///
    /// ## 检查什么
    ///
    /// 逐格检查数值：件数列只能是非负整数；2019年格式的“本年增/减”可带正负号，但须为整数；金额列（采购总金额、收费金额）可带小数，不能为负。文字（如“减4”“若干”）、负的件数、带小数的件数，以及大得不合常理的数（超过一万亿或有效数字超过15位）各记一处错误。
    ///
    /// ## 错误示例
    ///
    /// ```text
    /// 行政许可	128	减4	3560
    /// （一）予以公开	-3	0	0	0	0	0	-3
    /// ```
    ///
    /// ## 正确示例
    ///
    /// ```text
    /// 行政许可	128	-4	3560
    /// （一）予以公开	3	0	0	0	0	0	3
    /// ```
    ///
    /// ## 如何改正
    ///
    /// 按台账改为有效数值：件数写非负整数，增减写“+48”“-4”这样的带符号整数，金额写数字（单位放在表头或写成“12832元”“160.5964万元”）。
    ///
    /// # English
    ///
    /// Cells hold numbers only: counts are non-negative integers, the yearly change may be signed, money may have decimals. Text, 减4, negative counts and decimal counts are invalid.
    ///
    /// ## What it checks
    ///
    /// Checks each value: count columns hold non-negative whole numbers; the 2019 format's 本年增/减 may be signed but whole; money columns (procurement amounts, fees) may have decimals but not be negative. Text (减4, 若干), negative or fractional counts, and implausibly large numbers (over 10^12 or more than 15 significant digits) are one error each.
    ///
    /// ## Wrong
    ///
    /// ```text
    /// 行政许可	128	减4	3560
    /// （一）予以公开	-3	0	0	0	0	0	-3
    /// (减4 is text; a count cannot be −3)
    /// ```
    ///
    /// ## Right
    ///
    /// ```text
    /// 行政许可	128	-4	3560
    /// （一）予以公开	3	0	0	0	0	0	3
    /// ```
    ///
    /// ## How to fix
    ///
    /// Correct the value from the records: counts as non-negative whole numbers, changes as signed whole numbers (+48, -4), amounts as numbers (the unit in the header, or as 12832元 / 160.5964万元).
    pub CellInvalid {
        name: "cell-invalid",
        severity: Error,
        title: "单元格数值有效" / "Valid cell values",
        basis: "国办公开办函〔2021〕30号表格（各列的计数口径）；条例第五十条第一款第（一）至（三）项"
            / "Tables of the format document 国办公开办函〔2021〕30号 (F2019: 〔2019〕60号): what each column counts; Regulations art. 50 para. 1 items (1)–(3).",
    }
}

use super::helpers::table::{each_found_table, scan_cells};
use super::{Ctx, Rule};

pub(super) fn check(ctx: &mut Ctx) {
    each_found_table(ctx, CellInvalid::NAME, |ctx, n, name, t| {
        let b_invalid = ctx.findings.len();
        let invalid = scan_cells(ctx, name, t).invalid;
    for (row, rn, label, id, c, zh, en) in invalid {
        let mut f = ctx.finding(
            "cell-invalid",
            Some(n),
            format!("{rn}·{label}：“{}”{zh}", c.raw),
            format!("{} / {label}: \"{}\" {en}", row.label, c.raw),
        );
        f.line = c.line;
        f.column = c.column;
        f.table = Some(name);
        f.cells = vec![id];
        f.actual = c.value;
        ctx.push(f);
    }
    ctx.check_from(
        Some(n),
        "cell-invalid",
        b_invalid,
        ("所有单元格数值有效", "All cell values are valid"),
    );
    });
}
