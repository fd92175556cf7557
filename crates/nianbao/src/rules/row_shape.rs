//! `row-shape`: Row has the right number of cells

declare_rule! {
    /// 每行的数字个数应等于表格的列数（第三部分每行7个，第四部分15个）。个数不符时，检查器用勾稽关系和其他行推断每个数所在的列；只有唯一一种放法成立时才采用，否则标为无法判定。
    ///
    /// ## 检查什么
    ///
    /// 每行读到的数字个数应等于表格的列数（第三部分7个，第四部分15个，第二部分各栏目按其列数）。个数不符、数字连在一起（如“1203”）或分散在几行时，检查器用勾稽关系和其他行推断每个数所在的列：只有一种放法成立时采用并提示，放法不唯一时提示该行无法确定（见 cell-ambiguous）。表格按列排列（先列全部标签、再逐列列出数字，常见于从PDF复制的文字）时，检查器逐列还原表格：每列数字个数与行数相符时全部读取（读法“按列还原”），并在此记一条信息；一行的单元格超过400个时，也在此提示。
    ///
    /// ## 错误示例
    ///
    /// ```text
    /// （一）予以公开	2	3	1	6
    /// （一行只有4个数，表格有7列：空白单元格在复制时丢失了）
    /// ```
    ///
    /// ## 正确示例
    ///
    /// ```text
    /// （一）予以公开	2	0	3	1	0	0	6
    /// ```
    ///
    /// ## 如何改正
    ///
    /// 在原表中补齐每一格（没有的填0），使每行的数字个数等于列数；发布时使用文字表格，避免把表格做成图片或逐列排版。检查器推断出的位置只是推测，请按原始台账核对。
    ///
    /// # English
    ///
    /// A row should have as many numbers as the table has columns (7 in part three, 15 in part four). When it has fewer or more, the checker uses the identities and the other rows to decide where each number goes, and only accepts a placement that is the only consistent one.
    ///
    /// ## What it checks
    ///
    /// Each row should have as many numbers as its table has columns (7 in part three, 15 in part four, each block's own count in part two). When a row has fewer or more, its digits are glued together (1203) or its numbers are spread over several lines, the checker places them using the identities and the other rows: a single consistent placement is used and flagged; more than one leaves the row undecided (see cell-ambiguous). A table laid out column by column (all labels, then each column's numbers: text copied from a PDF) is put back column by column; when every column's count fits, every cell is read ("transposed") and an info says so here. A line of more than 400 cells is also flagged here.
    ///
    /// ## Wrong
    ///
    /// ```text
    /// （一）予以公开	2	3	1	6
    /// (4 numbers for 7 columns: the blank cells were lost in copying)
    /// ```
    ///
    /// ## Right
    ///
    /// ```text
    /// （一）予以公开	2	0	3	1	0	0	6
    /// (自然人 2, 商业企业 0, 科研机构 3, 社会公益组织 1, 法律服务机构 0, 其他 0, 总计 6)
    /// ```
    ///
    /// ## How to fix
    ///
    /// Fill every cell of the original table (0 where nothing happened) so each row has as many numbers as columns, and publish a text table rather than an image or a column-by-column layout. A placement the checker inferred is a guess: verify it against the records.
    pub RowShape {
        name: "row-shape",
        severity: Warning,
        also: [
            Info: "没有规定表头的表格，各列按对齐位置读取" / "a table without the official header had its columns taken by alignment",
            Info: "连在一起的数字只有一种拆分方式符合格式和勾稽关系，已按该拆分读取" / "glued digits had only one split that fits the format and the identities, and were read so",
            Info: "按列提取的表格已逐列还原，全部单元格读取" / "a table extracted column by column was put back and every cell read",
        ],
        title: "每行数字个数正确" / "Row has the right number of cells",
        basis: "国办公开办函〔2021〕30号表格（各表的列）；条例第五十条第二款（统一格式）"
            / "Tables of the format document 国办公开办函〔2021〕30号 (F2019: 〔2019〕60号): the columns of each table; Regulations art. 50 para. 2 (a uniform format).",
    }
}

use super::helpers::table::{col_label, column_major, each_found_table, row_name};
use super::{Ctx, Rule};
use crate::layout::Kind;
use crate::result::{Read, RowOut};
use crate::tables::{Shape, TableRead, Why};

pub(super) fn check(ctx: &mut Ctx) {
    each_found_table(ctx, RowShape::NAME, |ctx, n, name, t| {
        let before = ctx.findings.len();
        notes(ctx, n, name, t);
        long_lines(ctx, n, name);
        let solved = rows(ctx, n, name, t);
        if !solved.0.is_empty() {
            glued(ctx, n, name, solved);
        }
        let found = t.out.rows.iter().filter(|r| r.found).count();
    ctx.check_from(
        Some(n),
        "row-shape",
        before,
        (
            &format!("{found}行的数字个数均与列数相符"),
            &format!("All {found} rows have the right number of cells"),
        ),
    );
    });
}

/// How the table's layout was taken: read column by column, or a grid without the official
/// header.
fn notes(ctx: &mut Ctx, n: u8, name: &'static str, t: &TableRead) {
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
}

/// Lines with more cells than are read: the rest of the line was ignored.
fn long_lines(ctx: &mut Ctx, n: u8, name: &'static str) {
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
}

/// Rows of glued digits split the only way possible, and the tables uses of identities.
type Solved<'t> = (Vec<(&'t RowOut, String)>, Vec<String>);

/// One finding for each row whose numbers did not fit its columns; returns the rows of glued
/// digits split the only way possible (read, said once per table by [`glued`]).
fn rows<'t>(ctx: &mut Ctx, n: u8, name: &'static str, t: &'t TableRead) -> Solved<'t> {
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
        let Some((zh, en)) = message(ctx, name, t, row, shape) else {
            continue;
        };
        let mut f = ctx.finding("row-shape", Some(n), zh, en);
        super::helpers::table::at_row(&mut f, row, name, vec![row.key.clone()]);
        f.expected = Some(row.expected as f64);
        f.actual = Some(match shape {
            Shape::Placed { numbers, .. } | Shape::Ambiguous { numbers, .. } => *numbers as f64,
            Shape::Fits => 0.0,
        });
        ctx.push(f);
    }
    (solved, solved_by)
}

/// A row's finding: why its numbers do not fit and what was made of them.
fn message(
    ctx: &Ctx,
    name: &'static str,
    t: &TableRead,
    row: &RowOut,
    shape: &Shape,
) -> Option<(String, String)> {
    let format = ctx.format;
        let rn = row_name(ctx, name, row);
        let k = row.expected;
        let (zh, en) = match shape {
            Shape::Fits => return None,
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
    Some((zh, en))
}

/// Rows of glued digits split the only way possible: one info finding for them all.
fn glued(ctx: &mut Ctx, n: u8, name: &'static str, (solved, solved_by): Solved) {
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
}
