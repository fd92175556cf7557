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

/// A row's name in messages.
fn row_name(ctx: &Ctx, table: &str, row: &RowOut) -> String {
    match table {
        "requests" => request_rows(ctx.format)
            .iter()
            .find(|r| r.key == row.key)
            .map(|r| r.short.to_string())
            .unwrap_or_else(|| row.label.clone()),
        "appeals" => "第四部分数据行".to_string(),
        _ => row.label.clone(),
    }
}

fn col_label(t: &TableRead, format: Format, row: &RowOut, col: &str) -> String {
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
        let mut f = ctx.finding(
            "table-missing",
            Some(n),
            format!(
                "第{}部分没有{}",
                crate::spec::SECTIONS[n as usize - 1].numeral,
                title
            ),
            format!("Part {n} has no table"),
        );
        f.line = line;
        f.table = Some(name);
        ctx.push(f);
        ctx.check(
            Some(n),
            "table-missing",
            Status::Fail,
            format!("未找到{title}"),
            "Table not found",
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
    for row in t
        .out
        .rows
        .iter()
        .filter(|r| !r.found && !in_unplaced(&r.key))
    {
        let mut f = ctx.finding(
            "row-missing",
            Some(n),
            format!("表格缺少“{}”一行", row.label),
            format!(
                "Row \"{}\" ({}) is missing from the table",
                row.label, row.key
            ),
        );
        f.line = table_line;
        f.table = Some(name);
        f.cells = vec![row.key.clone()];
        ctx.push(f);
    }
    for (gkey, group, lines) in &t.unplaced {
        let first = lines.first().copied();
        let expected = t
            .out
            .rows
            .iter()
            .filter(|r| r.key.starts_with(&format!("{gkey}.")))
            .count();
        let mut f = ctx.finding(
            "row-missing",
            Some(n),
            format!("“{group}”下有{}行数据没有标签，而格式规定{expected}行，无法逐行对应，这些行视为缺失（第{}行）", lines.len(), lines.iter().map(|l| l.to_string()).collect::<Vec<_>>().join("、")),
            format!("{} unlabeled rows under {group} do not match the format's row count and cannot be assigned (lines {})", lines.len(), lines.iter().map(|l| l.to_string()).collect::<Vec<_>>().join(", ")),
        );
        f.line = first;
        f.column = Some(1);
        f.table = Some(name);
        f.expected = Some(expected as f64);
        f.actual = Some(lines.len() as f64);
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
    if t.column_major {
        let mut f = ctx.finding(
            "row-shape",
            Some(n),
            "表格的数字是按列排列的（先列出全部标签，再逐列列出数字，常见于从PDF复制的文字），只能按个数逐列分配到各行；这种读法不可靠，各单元格均为推测，依赖它们的勾稽关系只作提示，不作结论".into(),
            "The table's numbers come column by column (all labels first, then each column: text copied from a PDF); they were dealt out to the rows by count. This reading is not reliable: every cell is a guess, and identities over them are hints, not findings".into(),
        );
        f.severity = crate::result::Severity::Warning;
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
                Kind::Blank | Kind::Na if loose.contains(&ci) => {
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

/// Whether a cell's own text is a number too large to be real (full-width digits included).
fn implausible(raw: &str) -> bool {
    let t = crate::normalize::Text::new(raw);
    t.lines
        .first()
        .is_some_and(|l| crate::layout::is_implausible(&l.text))
}
