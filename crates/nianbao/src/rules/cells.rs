//! `table-missing`, `row-missing`, `row-shape`, `cell-blank`, `cell-invalid`, `cell-ambiguous`
//! for the three tables.

use super::Ctx;
use crate::layout::{fmt_num, Kind};
use crate::result::{Read, RowOut, Status};
use crate::spec::{active_columns, request_rows, ColKind, Format};
use crate::tables::{Shape, TableRead, Why};

const TABLE_RULES: [&str; 6] = [
    "table-missing",
    "row-missing",
    "row-shape",
    "cell-blank",
    "cell-invalid",
    "cell-ambiguous",
];

pub fn check(ctx: &mut Ctx) {
    let (active, requests, appeals) = (ctx.active, ctx.requests, ctx.appeals);
    table(ctx, 2, "active", "主动公开政府信息情况表", active);
    table(
        ctx,
        3,
        "requests",
        "收到和处理政府信息公开申请情况表",
        requests,
    );
    table(ctx, 4, "appeals", "行政复议、行政诉讼情况表", appeals);
}

/// The line of a table's own header words in part `n` (part 二: 信息内容 with a column of its
/// blocks; part 三: 自然人 and 总计; part 四: 结果维持 and 尚未审结), when the part has one.
fn table_header_line(ctx: &Ctx, n: u8, name: &str) -> Option<usize> {
    let words: &[&str] = match name {
        "active" => &["信息内容", "本年"],
        "requests" => &["自然人", "总计"],
        _ => &["结果维持", "尚未审结"],
    };
    let body = ctx.structure.body(ctx.text, n);
    // The words on one line, or on consecutive lines (a header written one cell per line).
    body.iter().enumerate().find_map(|(i, l)| {
        let near: String = body[i..body.len().min(i + 8)]
            .iter()
            .map(|x| x.text.as_str())
            .collect();
        (l.text.contains(words[0]) && words.iter().all(|w| near.contains(w))).then_some(l.no)
    })
}

/// A row's name in messages.
fn row_name(ctx: &Ctx, table: &str, row: &RowOut) -> String {
    // (A 2021 report whose table has the 2019 form's row （六）其他处理 is named in that form.)
    let layout = crate::outdated::request_layout(ctx.format, &ctx.requests.out);
    row_name_in(layout, table, row)
}

/// A row's short name for messages (part 三's short names, part 四's one row).
pub(super) fn row_name_in(format: Format, table: &str, row: &RowOut) -> String {
    match table {
        "requests" => request_rows(format)
            .iter()
            .find(|r| r.key == row.key)
            .map(|r| r.short.to_string())
            .unwrap_or_else(|| row.label.clone()),
        "appeals" => "第四部分数据行".to_string(),
        _ => row.label.clone(),
    }
}

pub(super) fn col_label(t: &TableRead, format: Format, row: &RowOut, col: &str) -> String {
    if let Some(c) = t.out.columns.iter().find(|c| c.key == col) {
        return c.label.clone();
    }
    col_kind_label(format, row, col).1
}

/// A part 二 column's label (the key when the block has no such column).
fn col_kind_label(format: Format, row: &RowOut, col: &str) -> (ColKind, String) {
    active_columns(format, row.block.as_deref().unwrap_or(""))
        .iter()
        .find(|c| c.0 == col)
        .map_or((ColKind::Count, col.to_string()), |c| {
            (c.2, c.1.to_string())
        })
}

/// A part 二 column's kind (counts when the block has no such column).
fn col_kind(format: Format, row: &RowOut, col: &str) -> ColKind {
    active_columns(format, row.block.as_deref().unwrap_or(""))
        .iter()
        .find(|c| c.0 == col)
        .map_or(ColKind::Count, |c| c.2)
}

fn table(ctx: &mut Ctx, n: u8, name: &'static str, title: &str, t: &TableRead) {
    if !ctx.section_found(n) && !t.out.found {
        for r in TABLE_RULES {
            ctx.check(
                Some(n),
                r,
                Status::Skip,
                "未找到本部分，无法检查表格",
                "Part not found; table not checked",
            );
        }
        return;
    }
    if !t.out.found {
        let line = ctx.heading_line(n);
        // The table's header is there but not one number was read (every cell left blank, or
        // numbers the reader could not take): not a missing table, and no Error.
        let header_at = table_header_line(ctx, n, name);
        let numeral = crate::spec::SECTIONS[n as usize - 1].numeral;
        let (zh, en, status) = match header_at {
            Some(no) => (
                format!("第{numeral}部分的{title}有表头（第{no}行），但没有读到任何数字：表格是空的（没有发生的事项应填0），或数字无法读取，请核对原文"),
                format!("Part {n}'s table has its header (line {no}) but no number was read: the table is empty (what did not happen should be 0) or its numbers cannot be read"),
                Status::Warn,
            ),
            None => (
                format!("第{numeral}部分没有{title}"),
                format!("Part {n} has no table"),
                Status::Fail,
            ),
        };
        let mut f = ctx.finding("table-missing", Some(n), zh, en);
        f.line = header_at.or(line);
        f.table = Some(name);
        if header_at.is_some() {
            f.severity = crate::result::Severity::Warning;
        }
        let detail = (f.message.clone(), f.message_en.clone());
        ctx.push(f);
        ctx.check(
            Some(n),
            "table-missing",
            status,
            if header_at.is_some() {
                detail.0
            } else {
                format!("未找到{title}")
            },
            if header_at.is_some() {
                detail.1
            } else {
                "Table not found".to_string()
            },
        );
        for r in &TABLE_RULES[1..] {
            ctx.check(
                Some(n),
                r,
                Status::Skip,
                "没有表格，无法检查",
                "No table to check",
            );
        }
        return;
    }
    ctx.check(
        Some(n),
        "table-missing",
        Status::Pass,
        format!("第{}行起", t.out.line.unwrap_or(0)),
        format!("from line {}", t.out.line.unwrap_or(0)),
    );
    let format = ctx.format;

    // Rows.
    let before = ctx.findings.len();
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
    if !lost.is_empty() {
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
    if name == "requests" && crate::outdated::uses_old_other_row(format, &t.out) {
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
    let total = t.out.rows.len();
    let found = t.out.rows.iter().filter(|r| r.found).count();
    ctx.check_from(
        Some(n),
        "row-missing",
        before,
        (
            &format!("{total}行全部找到"),
            &format!("All {total} rows found"),
        ),
    );

    // Shapes.
    let before = ctx.findings.len();
    if let Some(cm) = &t.column_major {
        column_major(ctx, n, name, t, cm, "row-shape");
    }
    if let Some(n2) = &t.columns_note {
        // A grid without the official header: how its columns were taken, or that they could
        // not be.
        let mut f = ctx.finding("row-shape", Some(n), n2.zh.clone(), n2.en.clone());
        f.severity = if n2.aligned {
            crate::result::Severity::Info
        } else {
            crate::result::Severity::Warning
        };
        f.line = t.out.line;
        f.table = Some(name);
        ctx.push(f);
    }
    // Lines with more cells than are read: the rest of the line was ignored.
    let long: Vec<usize> = ctx
        .structure
        .body(ctx.text, n)
        .iter()
        .filter(|l| crate::layout::too_many_cells(&l.text))
        .map(|l| l.no)
        .collect();
    for no in long {
        let max = crate::layout::MAX_CELLS;
        let mut f = ctx.finding(
            "row-shape",
            Some(n),
            format!("第{no}行的单元格超过{max}个，远多于任何表格的列数：只读取了前{max}个，其余部分未读取"),
            format!("Line {no} has more than {max} cells, far more than any table's columns: only the first {max} were read, the rest of the line was ignored"),
        );
        f.severity = crate::result::Severity::Warning;
        f.line = Some(no);
        f.table = Some(name);
        ctx.push(f);
    }
    // Rows of glued digits split the only way possible: read (`solved`), said once per table.
    let mut solved: Vec<(&RowOut, String)> = Vec::new();
    let mut solved_by: Vec<String> = Vec::new();
    for (row, shape) in t.out.rows.iter().zip(&t.shapes) {
        if matches!(shape, Shape::Fits) {
            continue;
        }
        if let Shape::Placed {
            why: Why::Glued { digits, .. },
            used,
            ..
        } = shape
        {
            if row.cells.iter().all(|(_, c)| c.read == Read::Solved) {
                solved.push((row, digits.clone()));
                for u in used {
                    if !solved_by.contains(u) {
                        solved_by.push(u.clone());
                    }
                }
                continue;
            }
        }
        let rn = row_name(ctx, name, row);
        let k = row.expected;
        let (zh, en) = match shape {
            Shape::Fits => continue,
            Shape::Placed {
                numbers,
                why,
                used,
                ..
            } => {
                let placed: Vec<String> = row
                    .cells
                    .iter()
                    .filter(|(_, c)| c.kind != Kind::Blank)
                    .map(|(k, c)| format!("{}{}", col_label(t, format, row, k), c.raw))
                    .collect();
                let placed = if placed.len() > 8 {
                    format!("{}等", placed[..8].join("、"))
                } else {
                    placed.join("、")
                };
                let all_zero = row.cells.iter().all(|(_, c)| c.value.unwrap_or(0.0) == 0.0);
                let by = if used.is_empty() {
                    String::new()
                } else {
                    format!("（所用勾稽关系：{}；这些关系用于定位，不能再证明本行正确）", used.join("；"))
                };
                let by_en = if used.is_empty() {
                    String::new()
                } else {
                    format!(" (identities used to place it: {}; they cannot also confirm the row)", used.len())
                };
                let how = if all_zero {
                    "各数均为0，放在哪一列结果相同".to_string()
                } else if used.is_empty() {
                    format!("按出现顺序暂定为：{placed}（文字无法确认所在列）")
                } else {
                    format!("按勾稽关系和其他行确定为：{placed}{by}")
                };
                match why {
                    Why::Glued { digits, .. } => (
                        format!("{rn}：数字连在一起没有分隔（“{digits}”），{how}"),
                        format!("{}: the digits \"{digits}\" are glued together; split by the identities{by_en}", row.label),
                    ),
                    Why::Lines => (
                        format!("{rn}：{numbers}个数分散在不同的行，不能确认属于同一行；{how}"),
                        format!("{}: {numbers} values gathered from several lines; their columns are not read but inferred{by_en}", row.label),
                    ),
                    _ => (
                        format!("{rn}：有{numbers}个数，表格有{k}列；{how}"),
                        format!("{}: {numbers} values for {k} columns; placed by the identities and the other rows{by_en}", row.label),
                    ),
                }
            }
            Shape::Ambiguous { numbers, why, .. } => match why {
                Why::Glued { digits, .. }
                    if row.cells.iter().all(|(_, c)| {
                        c.kind == Kind::Ambiguous && c.candidates.as_ref().is_none_or(|v| v.is_empty())
                    }) =>
                (
                    format!("{rn}：数字连在一起没有分隔（“{digits}”），没有一种拆分方式符合本行的勾稽关系（总计=各项之和）：本行数字可能有误，也可能无法拆分，该行无法读取，请核对原表"),
                    format!("{}: the digits \"{digits}\" are glued together and no split satisfies the row's identities (total = sum of its parts): the row may be wrong, or cannot be split; it cannot be read", row.label),
                ),
                Why::Glued { digits, .. } => (
                    format!("{rn}：数字连在一起没有分隔（“{digits}”），有多种拆分方式都符合格式和勾稽关系，无法确定，该行无法读取"),
                    format!("{}: the digits \"{digits}\" are glued together and more than one split fits the format and the identities; the row cannot be read", row.label),
                ),
                Why::TooMany => (
                    format!("{rn}：有{numbers}个数，表格有{k}列；可能的放法太多，无法确定各数所在列，该行无法读取"),
                    format!("{}: {numbers} values for {k} columns; too many possible placements, the row cannot be read", row.label),
                ),
                Why::Lines => (
                    format!("{rn}：{numbers}个数分散在不同的行，无法确定各数所在列"),
                    format!("{}: {numbers} values gathered from several lines; their columns cannot be decided", row.label),
                ),
                Why::Count => (
                    format!("{rn}：有{numbers}个数，表格有{k}列；无法唯一确定各数所在列"),
                    format!("{}: {numbers} values for {k} columns; their columns cannot be decided", row.label),
                ),
            },
        };
        let mut f = ctx.finding("row-shape", Some(n), zh, en);
        f.line = row.line;
        f.column = row.column;
        f.table = Some(name);
        f.cells = vec![row.key.clone()];
        f.expected = Some(row.expected as f64);
        f.actual = Some(match shape {
            Shape::Placed { numbers, .. } | Shape::Ambiguous { numbers, .. } => *numbers as f64,
            Shape::Fits => 0.0,
        });
        ctx.push(f);
    }
    if let Some((first, _)) = solved.first() {
        let m = solved.len();
        // The first rows, each with its digits and how they were split.
        let shown: Vec<String> = solved
            .iter()
            .take(3)
            .map(|(row, digits)| {
                let parts: Vec<&str> = row.cells.iter().map(|(_, c)| c.raw.as_str()).collect();
                format!(
                    "{}“{digits}”为{}",
                    row_name(ctx, name, row),
                    parts.join("|")
                )
            })
            .collect();
        let more = if m > 3 { "等" } else { "" };
        let shown_en: Vec<String> = solved
            .iter()
            .take(3)
            .map(|(row, digits)| format!("\"{digits}\" in {}", row.key))
            .collect();
        let (by, by_en) = if solved_by.is_empty() {
            (String::new(), String::new())
        } else {
            (
                format!(
                    "；所用勾稽关系：{}，这些关系用于拆分，不能再证明这些行正确",
                    solved_by.join("；")
                ),
                format!(
                    "; identities used to split them: {}, which cannot also confirm these rows",
                    solved_by.len()
                ),
            )
        };
        let mut f = ctx.finding(
            "row-shape",
            Some(n),
            format!("{m}行的数字连在一起没有分隔（如网页抓取的一行文字），均只有一种拆分方式符合格式和勾稽关系，已按该拆分读取：{}{more}{by}", shown.join("；")),
            format!("{m} rows have their digits glued together (as a crawled one-line page has them); each has only one split that fits the format and the identities, and was read so ({}){by_en}", shown_en.join(", ")),
        );
        f.severity = crate::result::Severity::Info;
        f.line = first.line;
        f.column = first.column;
        f.table = Some(name);
        f.cells = solved.iter().map(|(r, _)| r.key.clone()).collect();
        ctx.push(f);
    }
    ctx.check_from(
        Some(n),
        "row-shape",
        before,
        (
            &format!("{found}行的数字个数均与列数相符"),
            &format!("All {found} rows have the right number of cells"),
        ),
    );

    // Cells.
    let (b_blank, b_invalid, b_amb) = (ctx.findings.len(), ctx.findings.len(), ctx.findings.len());
    if let Some(cm) = &t.column_major {
        column_major(ctx, n, name, t, cm, "cell-ambiguous");
    }
    let mut blanks = Vec::new();
    let mut invalid = Vec::new();
    let mut ambiguous = Vec::new();
    let mut loose_blanks = Vec::new();
    for (row, shape) in t.out.rows.iter().zip(&t.shapes).filter(|(r, _)| r.found) {
        // Names and cell ids are built only for the cells a finding reports.
        let rn = || row_name(ctx, name, row);
        let label_id = |ck: &str| (col_label(t, format, row, ck), format!("{}/{}", row.key, ck));
        let mut blank_cols = Vec::new();
        let mut loose_cols = Vec::new();
        let mut amb_cols = Vec::new();
        // Columns where the text does not say whether the cell is blank.
        let loose: &[usize] = match shape {
            Shape::Placed { loose, .. } | Shape::Ambiguous { loose, .. } => loose,
            Shape::Fits => &[],
        };
        for (ci, (ck, c)) in row.cells.iter().enumerate() {
            match c.kind {
                // A blank the text does not place, or in a cell that was not read: where it is
                // is a guess.
                Kind::Blank | Kind::Na
                    if loose.contains(&ci) || !super::provenance::is_read(row, c) =>
                {
                    let (label, id) = label_id(ck);
                    loose_cols.push((label, id, c.raw.clone()))
                }
                Kind::Blank | Kind::Na => {
                    let (label, id) = label_id(ck);
                    blank_cols.push((label, id, c.raw.clone()))
                }
                Kind::Ambiguous => {
                    let (label, id) = label_id(ck);
                    amb_cols.push((label, id, c.candidates.clone().unwrap_or_default()))
                }
                Kind::Text => {
                    let (zh, en) = if implausible(&c.raw) {
                        (
                            "数值大得不合常理（超过一万亿或有效数字超过15位），不是有效数值",
                            "is implausibly large (over 10^12 or more than 15 significant digits), not a valid value",
                        )
                    } else {
                        ("不是有效数值", "is not a valid value")
                    };
                    let (label, id) = label_id(ck);
                    invalid.push((row, rn(), label, id, c, zh, en))
                }
                Kind::Number => {
                    let v = c.value.unwrap_or(0.0);
                    let kind = if name == "active" {
                        col_kind(format, row, ck)
                    } else {
                        ColKind::Count
                    };
                    let bad = match kind {
                        ColKind::Count if v < 0.0 => {
                            Some(("件数不能为负数", "a count cannot be negative"))
                        }
                        ColKind::Count if v.fract() != 0.0 => {
                            Some(("件数应为整数", "a count must be a whole number"))
                        }
                        ColKind::Money if v < 0.0 => {
                            Some(("金额不能为负数", "an amount cannot be negative"))
                        }
                        ColKind::Change if v.fract() != 0.0 => {
                            Some(("增减数应为整数", "a change must be a whole number"))
                        }
                        _ => None,
                    };
                    if let Some((zh, en)) = bad {
                        let (label, id) = label_id(ck);
                        invalid.push((row, rn(), label, id, c, zh, en));
                    }
                }
            }
        }
        if !blank_cols.is_empty() {
            blanks.push((row, rn(), blank_cols));
        }
        if !loose_cols.is_empty() {
            loose_blanks.push((row, rn(), loose_cols));
        }
        if !amb_cols.is_empty() {
            ambiguous.push((row, rn(), amb_cols));
        }
    }
    let blanks = whole_columns(ctx, n, name, t, blanks);
    for (row, rn, cols) in blanks {
        let names: Vec<String> = cols
            .iter()
            .map(|(l, _, raw)| {
                if raw.is_empty() {
                    l.clone()
                } else {
                    format!("{l}（“{raw}”）")
                }
            })
            .collect();
        let mut f = ctx.finding(
            "cell-blank",
            Some(n),
            format!("{rn}：{}为空或未填数字，应填0", names.join("、")),
            format!(
                "{}: {} cell(s) blank or not a number; they should hold 0",
                row.label,
                cols.len()
            ),
        );
        f.line = row.line;
        f.column = row.column;
        f.table = Some(name);
        f.cells = cols.into_iter().map(|(_, id, _)| id).collect();
        ctx.push(f);
    }
    for (row, rn, cols) in loose_blanks {
        let names: Vec<String> = cols.iter().map(|(l, _, _)| l.clone()).collect();
        let mut f = ctx.finding(
            "cell-blank",
            Some(n),
            format!(
                "{rn}：有{}个单元格为空或未填数字（应填0），但文字无法确定是哪几列（按版式推测为{}，位置不确定）",
                cols.len(),
                names.join("、")
            ),
            format!(
                "{}: {} cell(s) blank or not a number, but the text does not say which column(s); the position shown is a guess",
                row.label,
                cols.len()
            ),
        );
        f.line = row.line;
        f.column = row.column;
        f.table = Some(name);
        f.cells = cols.into_iter().map(|(_, id, _)| id).collect();
        ctx.push(f);
    }
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
    // A table read column by column says once which cells it could not place.
    if t.column_major.is_some() {
        ambiguous.clear();
    }
    for (row, rn, cols) in ambiguous {
        let desc: Vec<String> = cols
            .iter()
            .map(|(l, _, cand)| {
                if cand.is_empty() {
                    format!("{l}无法读取")
                } else {
                    format!(
                        "{l}可能为{}",
                        cand.iter()
                            .map(|v| fmt_num(*v as f64))
                            .collect::<Vec<_>>()
                            .join("或")
                    )
                }
            })
            .collect();
        let mut f = ctx.finding(
            "cell-ambiguous",
            Some(n),
            format!("{rn}：无法确定数字所在列（{}）", desc.join("；")),
            format!(
                "{}: cannot decide which column {} value(s) belong to",
                row.label,
                cols.len()
            ),
        );
        f.line = row.line;
        f.column = row.column;
        f.table = Some(name);
        f.cells = cols.into_iter().map(|(_, id, _)| id).collect();
        ctx.push(f);
    }
    ctx.check_from(
        Some(n),
        "cell-blank",
        b_blank,
        ("没有空白单元格", "No blank cells"),
    );
    ctx.check_from(
        Some(n),
        "cell-invalid",
        b_invalid,
        ("所有单元格数值有效", "All cell values are valid"),
    );
    ctx.check_from(
        Some(n),
        "cell-ambiguous",
        b_amb,
        (
            "所有数字的所在列均可确定",
            "Every number's column is certain",
        ),
    );
}

/// A row's blank cells: (label, cell id "row/column", raw text).
type BlankCols = Vec<(String, String, String)>;

/// Columns left blank in every found row (at least three): one finding for them all, with
/// every cell in its `cells`, instead of one per row ("every 法人 column of 表三 left empty" is
/// one omission, not 25). Returns the rows' blank cells that are left to report one row at a
/// time.
fn whole_columns<'t>(
    ctx: &mut Ctx,
    n: u8,
    name: &'static str,
    t: &'t TableRead,
    blanks: Vec<(&'t RowOut, String, BlankCols)>,
) -> Vec<(&'t RowOut, String, BlankCols)> {
    let rows: Vec<&RowOut> = t.out.rows.iter().filter(|r| r.found).collect();
    if rows.len() < 3 || blanks.len() < 3 {
        return blanks;
    }
    // Column keys in the table's order, with how many found rows have each.
    let mut cols: Vec<(&str, usize)> = Vec::new();
    for r in &rows {
        for (k, _) in &r.cells {
            match cols.iter_mut().find(|(c, _)| c == k) {
                Some((_, have)) => *have += 1,
                None => cols.push((k, 1)),
            }
        }
    }
    let is_col = |id: &str, k: &str| id.rsplit_once('/').is_some_and(|(_, c)| c == k);
    let whole: Vec<&str> = cols
        .iter()
        .filter(|&&(k, have)| {
            let blank = blanks
                .iter()
                .filter(|(_, _, bc)| bc.iter().any(|(_, id, _)| is_col(id, k)))
                .count();
            have >= 3 && blank == have
        })
        .map(|&(k, _)| k)
        .collect();
    if whole.is_empty() {
        return blanks;
    }
    // Each column's label from a row that has it (part 二's blocks have different columns).
    let has = |r: &RowOut, k: &str| r.cells.iter().any(|(c, _)| *c == k);
    let labels: Vec<String> = whole
        .iter()
        .filter_map(|k| {
            let row = rows.iter().find(|r| has(r, k))?;
            Some(col_label(t, ctx.format, row, k))
        })
        .collect();
    let all = rows
        .iter()
        .filter(|r| whole.iter().any(|k| has(r, k)))
        .count();
    let mut cells = Vec::new();
    let mut rest = Vec::with_capacity(blanks.len());
    // The finding points at the first row with a cell of those columns.
    let mut first: Option<&RowOut> = None;
    for (row, rn, bc) in blanks {
        let (mine, other): (BlankCols, BlankCols) = bc
            .into_iter()
            .partition(|(_, id, _)| whole.iter().any(|k| is_col(id, k)));
        if !mine.is_empty() {
            first.get_or_insert(row);
        }
        cells.extend(mine.into_iter().map(|(_, id, _)| id));
        if !other.is_empty() {
            rest.push((row, rn, other));
        }
    }
    let k = whole.len();
    let mut f = ctx.finding(
        "cell-blank",
        Some(n),
        format!(
            "{}{k}列整列为空（{all}行均未填数字），应填0",
            labels.join("、")
        ),
        format!(
            "{k} whole column(s) blank in all {all} rows ({}); they should hold 0",
            whole.join(", ")
        ),
    );
    f.line = first.and_then(|r| r.line);
    f.column = first.and_then(|r| r.column);
    f.table = Some(name);
    f.cells = cells;
    ctx.push(f);
    rest
}

/// Whether a cell's own text is a number too large to be real (full-width digits included).
fn implausible(raw: &str) -> bool {
    let t = crate::normalize::Text::new(raw);
    t.lines
        .first()
        .is_some_and(|l| crate::layout::is_implausible(&l.text))
}

/// The table came column by column (`colmajor`): one finding says how it was put back. Put back
/// entirely, an info under `row-shape`; cells it could not place, a warning under
/// `cell-ambiguous` naming the rows that could and could not be read (never an error: the text
/// has the numbers, the reader cannot tell where they go).
fn column_major(
    ctx: &mut Ctx,
    n: u8,
    name: &'static str,
    t: &TableRead,
    cm: &crate::colmajor::ColumnMajor,
    only: &str,
) {
    let what = "表格是按列提取的文字（先列出各行标签，再逐列自上而下列出数字，空白单元格不留文字，常见于从PDF复制或提取的文字）";
    let what_en = "The table's text came column by column (row labels first, then each column's values top to bottom; a blank cell leaves nothing: text extracted from a PDF)";
    let segs = if cm.segments > 1 {
        format!("，分{}段（跨页）", cm.segments)
    } else {
        String::new()
    };
    let used = if cm.used.is_empty() {
        String::new()
    } else {
        format!(
            "；空白单元格的位置由勾稽关系确定（所用勾稽关系：{}；这些关系用于还原表格，不能再证明表格正确）",
            cm.used.join("；")
        )
    };
    let used_en = if cm.used.is_empty() {
        String::new()
    } else {
        " ; where the blank cells fall was decided by the identities (used to put the table back, so they cannot also confirm it)".to_string()
    };
    let list = |v: &[String]| {
        if v.len() > 6 {
            format!("{}等{}行", v[..6].join("、"), v.len())
        } else {
            v.join("、")
        }
    };
    let (rule, zh, en) = if let Some((why, why_en)) = &cm.failed {
        (
            "cell-ambiguous",
            format!("{what}{segs}，无法逐列还原：{why}。该表的数字均未读取，依赖它们的检查无法进行"),
            format!("{what_en}; it cannot be put back: {why_en}. None of its numbers were read, and the checks that need them cannot run"),
        )
    } else if cm.read < cm.cells {
        let could = if cm.read_rows.is_empty() {
            "没有一行能完全确定".to_string()
        } else {
            format!("可以确定的行：{}", list(&cm.read_rows))
        };
        (
            "cell-ambiguous",
            format!(
                "{what}{segs}，无法全部逐列还原：空白单元格不留文字，有不止一种放法都说得通，{}个单元格无法确定、未读取（{}）；{could}{used}",
                cm.cells - cm.read,
                list(&cm.unread_rows)
            ),
            format!(
                "{what_en}; it cannot all be put back: more than one placement of the blank cells fits, so {} of {} cells were not read ({} row(s)); {} row(s) were read entirely{used_en}",
                cm.cells - cm.read,
                cm.cells,
                cm.unread_rows.len(),
                cm.read_rows.len()
            ),
        )
    } else {
        (
            "row-shape",
            format!("{what}{segs}，已逐列还原：每列的数字个数与行数相符，{}个单元格全部读取{used}", cm.cells),
            format!("{what_en}; it was put back column by column: every column's count fits, all {} cells read{used_en}", cm.cells),
        )
    };
    if rule != only {
        return;
    }
    let mut f = ctx.finding(rule, Some(n), zh, en);
    if rule == "row-shape" {
        f.severity = crate::result::Severity::Info;
    } else {
        f.severity = crate::result::Severity::Warning;
    }
    f.line = t.out.line;
    f.table = Some(name);
    ctx.push(f);
}
