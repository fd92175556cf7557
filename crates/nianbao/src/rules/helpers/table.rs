//! Helpers of the table rules (`table-missing`, `row-missing`, `row-shape`, `cell-*`): which
//! tables there are and whether each was found, rows' and columns' names for messages, blank
//! columns taken together, a table read column by column.

use crate::layout::Kind;
use crate::result::{CellOut, Finding, RowOut, Status};
use crate::rules::Ctx;
use crate::spec::{active_columns, request_rows, ColKind, Format};
use crate::tables::{Shape, TableRead};

/// The three tables: (part, name, title in messages).
pub const TABLES: [(u8, &str, &str); 3] = [
    (2, "active", "主动公开政府信息情况表"),
    (3, "requests", "收到和处理政府信息公开申请情况表"),
    (4, "appeals", "行政复议、行政诉讼情况表"),
];

/// A table by its name.
/// Points a finding at a row of a table: the row's line and column, the table, and the cells
/// the finding cites.
pub fn at_row(f: &mut Finding, row: &RowOut, table: &'static str, cells: Vec<String>) {
    f.line = row.line;
    f.column = row.column;
    f.table = Some(table);
    f.cells = cells;
}

pub fn table<'a>(ctx: &Ctx<'a>, name: &str) -> &'a TableRead {
    match name {
        "active" => ctx.active,
        "requests" => ctx.requests,
        _ => ctx.appeals,
    }
}

/// Runs `check` on each table that was found; for a table that was not (or whose part was not),
/// records `rule`'s check as not run. (`table-missing` itself reports the missing tables.)
pub fn each_found_table<'a>(
    ctx: &mut Ctx<'a>,
    rule: &'static str,
    mut check: impl FnMut(&mut Ctx<'a>, u8, &'static str, &'a TableRead),
) {
    for (n, name, _) in TABLES {
        let t = table(ctx, name);
        if !ctx.section_found(n) && !t.out.found {
            ctx.check(
                Some(n),
                rule,
                Status::Skip,
                "未找到本部分，无法检查表格",
                "Part not found; table not checked",
            );
        } else if !t.out.found {
            ctx.check(
                Some(n),
                rule,
                Status::Skip,
                "没有表格，无法检查",
                "No table to check",
            );
        } else {
            check(ctx, n, name, t);
        }
    }
}

/// blocks; part 三: 自然人 and 总计; part 四: 结果维持 and 尚未审结), when the part has one.
pub fn table_header_line(ctx: &Ctx, n: u8, name: &str) -> Option<usize> {
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
pub fn row_name(ctx: &Ctx, table: &str, row: &RowOut) -> String {
    // (A 2021 report whose table has the 2019 form's row （六）其他处理 is named in that form.)
    let layout = crate::tables::outdated::request_layout(ctx.format, &ctx.requests.out);
    row_name_in(layout, table, row)
}

/// A row's short name for messages (part 三's short names, part 四's one row).
pub fn row_name_in(format: Format, table: &str, row: &RowOut) -> String {
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

pub fn col_label(t: &TableRead, format: Format, row: &RowOut, col: &str) -> String {
    if let Some(c) = t.out.columns.iter().find(|c| c.key == col) {
        return c.label.clone();
    }
    col_kind_label(format, row, col).1
}

/// A part 二 column's label (the key when the block has no such column).
pub fn col_kind_label(format: Format, row: &RowOut, col: &str) -> (ColKind, String) {
    active_columns(format, row.block.as_deref().unwrap_or(""))
        .iter()
        .find(|c| c.0 == col)
        .map_or((ColKind::Count, col.to_string()), |c| {
            (c.2, c.1.to_string())
        })
}

/// A part 二 column's kind (counts when the block has no such column).
pub fn col_kind(format: Format, row: &RowOut, col: &str) -> ColKind {
    active_columns(format, row.block.as_deref().unwrap_or(""))
        .iter()
        .find(|c| c.0 == col)
        .map_or(ColKind::Count, |c| c.2)
}

/// A row's blank cells: (label, cell id "row/column", raw text).
pub type BlankCols = Vec<(String, String, String)>;

/// Columns left blank in every found row (at least three): one finding for them all, with
/// every cell in its `cells`, instead of one per row ("every 法人 column of 表三 left empty" is
/// one omission, not 25). Returns the rows' blank cells that are left to report one row at a
/// time.
pub fn whole_columns<'t>(
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
pub fn implausible(raw: &str) -> bool {
    let t = crate::normalize::Text::new(raw);
    t.lines
        .first()
        .is_some_and(|l| crate::layout::is_implausible(&l.text))
}

/// The table came column by column (`colmajor`): one finding says how it was put back. Put back
/// entirely, an info under `row-shape`; cells it could not place, a warning under
/// `cell-ambiguous` naming the rows that could and could not be read (never an error: the text
/// has the numbers, the reader cannot tell where they go).
pub fn column_major(
    ctx: &mut Ctx,
    n: u8,
    name: &'static str,
    t: &TableRead,
    cm: &crate::tables::colmajor::ColumnMajor,
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

/// A row's ambiguous cells: (label, cell id, candidates).
pub type AmbiguousCols = Vec<(String, String, Vec<i64>)>;

/// An invalid cell: its row, the row's name, the column's label, the cell id, the cell, and why
/// (Chinese, English).
pub type Invalid<'t> = (
    &'t RowOut,
    String,
    String,
    String,
    &'t CellOut,
    &'static str,
    &'static str,
);

/// A table's cells that the `cell-*` rules report, row by row.
pub struct CellScan<'t> {
    /// Blank cells the text places.
    pub blanks: Vec<(&'t RowOut, String, BlankCols)>,
    /// Blank cells whose column is a guess.
    pub loose_blanks: Vec<(&'t RowOut, String, BlankCols)>,
    pub invalid: Vec<Invalid<'t>>,
    pub ambiguous: Vec<(&'t RowOut, String, AmbiguousCols)>,
}

/// Goes through the found rows' cells once: blank, invalid and ambiguous cells.
pub fn scan_cells<'t>(ctx: &Ctx, name: &str, t: &'t TableRead) -> CellScan<'t> {
    let format = ctx.format;
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
                    if loose.contains(&ci) || !crate::rules::provenance::is_read(row, c) =>
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
    CellScan {
        blanks,
        loose_blanks,
        invalid,
        ambiguous,
    }
}
