//! `row-missing`: All rows present

declare_rule! {
    /// 统计表的每一行都必须出现（例如第三部分表格在2019年格式下有23行，2021年格式下有25行）。行的标签丢失且无法按位置推断时，也按缺行处理。
    ///
    /// ## 检查什么
    ///
    /// 按报告所用格式逐行对照：第二部分表格的各栏目行（如规章、行政规范性文件、行政许可……），第三部分表格的数据行（2019年格式23行，2021年格式25行），第四部分的一行数据。每缺一行记一处错误。若某一组下（如“（三）不予公开”）有几行数据丢了标签，而行数与格式不符、无法逐行对应，则整组记一处错误并列出这些行。
    ///
    /// ## 错误示例
    ///
    /// ```text
    /// （六）其他处理
    /// 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请	0	0	0	0	0	0	0
    /// 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请	0	0	0	0	0	0	0
    /// （七）总计	79	0	0	0	0	0	79
    /// （2021年格式，缺少“3.其他”一行）
    /// ```
    ///
    /// ## 正确示例
    ///
    /// ```text
    /// （六）其他处理
    /// 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请	0	0	0	0	0	0	0
    /// 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请	0	0	0	0	0	0	0
    /// 3.其他	0	0	0	0	0	0	0
    /// （七）总计	79	0	0	0	0	0	79
    /// ```
    ///
    /// ## 如何改正
    ///
    /// 按报告年度对应的格式补全表格的每一行（没有发生的事项填0，不要删行），并保留每行的标签文字；不要把2019年格式的表格套用到2021年及以后的报告（见 format-year-mismatch）。
    ///
    /// # English
    ///
    /// Every row of a table must be there (part three's table has 23 rows in F2019 and 25 in F2021). Rows whose labels were lost and cannot be placed by position count as missing.
    ///
    /// ## What it checks
    ///
    /// Goes through the rows of the format the report uses: the rows of part two's table (规章, 行政规范性文件, 行政许可 …), part three's data rows (23 in F2019, 25 in F2021) and part four's one row. Each missing row is one error. When rows under a group (（三）不予公开, say) lost their labels and their count differs from the format's, so they cannot be matched one by one, the group is one error listing those lines.
    ///
    /// ## Wrong
    ///
    /// ```text
    /// （六）其他处理
    /// 1.申请人无正当理由逾期不补正…	0	0	0	0	0	0	0
    /// 2.申请人逾期未按收费通知要求缴纳费用…	0	0	0	0	0	0	0
    /// （七）总计	79	0	0	0	0	0	79
    /// (2021 format: the row 3.其他 is missing)
    /// ```
    ///
    /// ## Right
    ///
    /// ```text
    /// （六）其他处理
    /// 1.…	0	0	0	0	0	0	0
    /// 2.…	0	0	0	0	0	0	0
    /// 3.其他	0	0	0	0	0	0	0
    /// （七）总计	79	0	0	0	0	0	79
    /// ```
    ///
    /// ## How to fix
    ///
    /// Complete the table with every row of the format for the report's year (0 where nothing happened; do not delete rows) and keep each row's label. Do not use the 2019 table in a report for 2021 or later (see format-year-mismatch).
    pub RowMissing {
        name: "row-missing",
        severity: Error,
        also: [
            Warning: "附近有标签丢失的数据行，缺的可能就是这一行" / "a nearby row whose label was lost may be the missing one",
            Warning: "有数据行丢失了行标签，无法确定是哪几行" / "rows lost their labels and cannot be identified",
            Warning: "2021年度及以后的报告仍用2019年格式的“（六）其他处理”一行" / "a report for 2021 or later still has the 2019 form's single row （六）其他处理",
        ],
        title: "各行齐全" / "All rows present",
        basis: "国办公开办函〔2021〕30号表格（各表的行）；条例第五十条第二款（统一格式）"
            / "Tables of the format document 国办公开办函〔2021〕30号 (F2019: 〔2019〕60号): every row; Regulations art. 50 para. 2 (a uniform format).",
    }
}

use super::helpers::table::each_found_table;
use super::{Ctx, Rule};
use crate::result::RowOut;
use crate::tables::TableRead;

pub(super) fn check(ctx: &mut Ctx) {
    each_found_table(ctx, RowMissing::NAME, |ctx, n, name, t| {
        let before = ctx.findings.len();
        let lost = missing_rows(ctx, n, name, t);
        if !lost.is_empty() {
            lost_labels(ctx, n, name, t, &lost);
        }
        if name == "requests" && crate::tables::outdated::uses_old_other_row(ctx.format, &t.out) {
            old_other_row(ctx, n, name, t);
        }
    let total = t.out.rows.len();
    ctx.check_from(
        Some(n),
        "row-missing",
        before,
        (
            &format!("{total}行全部找到"),
            &format!("All {total} rows found"),
        ),
    );
    });
}

/// One finding for each row of the format not found (a warning when a nearby row whose label
/// was lost may be it); returns the lines of rows whose labels were lost and could not be placed.
fn missing_rows(ctx: &mut Ctx, n: u8, name: &'static str, t: &TableRead) -> Vec<usize> {
    let table_line = t.out.line;
    // Rows of a group whose unlabeled rows could not be placed are reported once, below.
    let unplaced_groups: Vec<&str> = t.unplaced.iter().map(|(g, _, _)| g.as_str()).collect();
    let in_unplaced = |key: &str| {
        unplaced_groups
            .iter()
            .any(|g| key.starts_with(&format!("{g}.")))
    };
    // Lines of rows whose labels were lost and that could not be placed: their numbers are not
    // read, and a missing row may be one of them when such a line lies between the found rows
    // around it. Those rows are not accused of being missing.
    let mut lost: Vec<usize> = t
        .unplaced
        .iter()
        .flat_map(|(_, _, l)| l.iter().copied())
        .collect();
    lost.sort_unstable();
    lost.dedup();
    let rows = &t.out.rows;
    let may_be_lost = |i: usize| {
        let found_line = |r: &RowOut| r.found.then_some(r.line).flatten();
        let a = rows[..i].iter().filter_map(found_line).max().unwrap_or(0);
        let b = rows[i + 1..]
            .iter()
            .filter_map(found_line)
            .min()
            .unwrap_or(usize::MAX);
        lost.iter().any(|&l| a < l && l < b)
    };
    for (i, row) in rows.iter().enumerate() {
        if row.found || in_unplaced(&row.key) {
            continue;
        }
        let mut f = if may_be_lost(i) {
            let mut f = ctx.finding(
                "row-missing",
                Some(n),
                format!(
                    "未能确认“{}”一行：附近有标签丢失的数据行，可能就是这一行，无法确定",
                    row.label
                ),
                format!(
                    "Row \"{}\" ({}) was not found; a nearby row whose label was lost may be it",
                    row.label, row.key
                ),
            );
            f.severity = crate::result::Severity::Warning;
            f
        } else {
            ctx.finding(
                "row-missing",
                Some(n),
                format!("表格缺少“{}”一行", row.label),
                format!(
                    "Row \"{}\" ({}) is missing from the table",
                    row.label, row.key
                ),
            )
        };
        f.line = table_line;
        f.table = Some(name);
        f.cells = vec![row.key.clone()];
        ctx.push(f);
    }
    lost
}

/// Rows that lost their labels and could not be identified: one warning for them all.
fn lost_labels(ctx: &mut Ctx, n: u8, name: &'static str, t: &TableRead, lost: &[usize]) {
    let rows = &t.out.rows;
        let at = |lines: &[usize]| {
            lines
                .iter()
                .map(|l| format!("第{l}行"))
                .collect::<Vec<_>>()
                .join("、")
        };
        let parts: Vec<String> = t
            .unplaced
            .iter()
            .map(|(gkey, group, lines)| {
                if gkey.is_empty() {
                    at(lines)
                } else {
                    let missing = rows
                        .iter()
                        .filter(|r| !r.found && r.key.starts_with(&format!("{gkey}.")))
                        .count();
                    format!(
                        "“{group}”下有{}行没有标签，而该组未找到的行有{missing}行，无法逐行对应：{}",
                        lines.len(),
                        at(lines)
                    )
                }
            })
            .collect();
        let mut f = ctx.finding(
            "row-missing",
            Some(n),
            format!(
                "表格有{}行数据丢失了行标签，无法确定是哪几行（{}）：这些行的数字未读取，它们可能对应的行不按缺行处理，依赖它们的勾稽关系不作判定",
                lost.len(),
                parts.join("；")
            ),
            format!(
                "{} row(s) of the table lost their labels and cannot be identified (lines {}): their numbers are not read, the rows they may be are not reported missing, and identities over them are not decided",
                lost.len(),
                lost.iter().map(|l| l.to_string()).collect::<Vec<_>>().join(", ")
            ),
        );
        f.severity = crate::result::Severity::Warning;
        f.line = lost.first().copied();
        f.column = Some(1);
        f.table = Some(name);
        ctx.push(f);
    
}

/// A 2021 report's part 三 with the 2019 form's single row （六）其他处理.
fn old_other_row(ctx: &mut Ctx, n: u8, name: &'static str, t: &TableRead) {
        let row = t.out.row("3.6");
        let mut f = ctx.finding(
            "row-missing",
            Some(n),
            "表格仍使用2019年格式的“（六）其他处理”一行；2021年格式在其下分为“1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请”“2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请”“3.其他”三行，应按新格式分行填报。本次把该行作为（六）其他处理的合计，据此核对（七）总计".into(),
            "The table still has the 2019 form's single row （六）其他处理; the 2021 form splits it into three rows (overdue correction, unpaid fees, other). The row was read as the group's total and （七）总计 checked against it".into(),
        );
        f.severity = crate::result::Severity::Warning;
        f.line = row.and_then(|r| r.line);
        f.column = row.and_then(|r| r.column);
        f.table = Some(name);
        f.cells = vec!["3.6".to_string()];
        ctx.push(f);
    
}
