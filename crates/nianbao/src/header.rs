//! TAB rows aligned to their table's columns, row by row.
//!
//! A table copied from a web page comes as TAB lines: one field per cell, an empty field for a
//! blank cell or for a cell a merged cell covers, the row-group label ("三、本年度办理结果",
//! "（三）不予公开") in a field of its own on some rows, and often a TAB at the end of every line
//! (or of some lines). Whether a line's final empty field is the last column left blank or only
//! the line's terminator is decided here for each row from the row's own fields: the fields
//! after its label are the value columns, so a row with a field too many drops its final empty
//! field, and a row with exactly as many as the table has columns keeps it as a blank cell —
//! unless other rows of the table have a field too many (its lines end with a terminator: this
//! row lost a field somewhere, seed 001), when the row is left to the identities and not read.
//! When both readings fit (an empty field right after the label and one at the end), the
//! header row says which field is the first column, or the table's terminated rows do; else
//! neither end is read as a column. In a table of blocks of different widths (part 二), the
//! block's own header line says how many columns the rows under it have. Rows too short or too
//! long to align follow the table.

use crate::layout::{Cell, Kind, Row, Sep};
use crate::normalize::key;

/// Where a row's value fields start: after its last label field (text before the first value),
/// as `tables::label_and_slots` reads it.
pub(crate) fn value_start(cells: &[Cell]) -> usize {
    let first_value = cells.iter().position(|c| c.is_value).unwrap_or(cells.len());
    cells[..first_value]
        .iter()
        .rposition(|c| c.kind != Kind::Blank)
        .map_or(0, |i| i + 1)
}

/// The field index of the table's first value column in its header: the field of a TAB line
/// without values whose text is one of `first_labels` (自然人, 结果维持, 本年制发件数 …).
pub(crate) fn first_column(rows: &[Row], first_labels: &[&str]) -> Option<usize> {
    let keys: Vec<String> = first_labels.iter().map(|l| key(l)).collect();
    rows.iter()
        .filter(|r| r.sep == Sep::Tab && !r.has_values())
        .find_map(|r| {
            r.cells
                .iter()
                .position(|c| c.kind == Kind::Text && keys.contains(&key(&c.text)))
        })
}

/// For each row, the nearest header line above it (a TAB line without values, one of whose
/// fields is one of `first_labels`): the field where its columns start and how many it names
/// (its fields from there to its last non-empty one), or None when there is no such line or it
/// names none of `widths`. A table of blocks with different widths (part 二: 3, 2 or 1 columns)
/// says through each block's own header how many columns a row under it has.
fn block_headers(
    rows: &[Row],
    widths: &[usize],
    first_labels: &[&str],
) -> Vec<Option<(usize, usize)>> {
    let keys: Vec<String> = first_labels.iter().map(|l| key(l)).collect();
    let mut cur = None;
    rows.iter()
        .map(|r| {
            if r.sep == Sep::Tab && !r.has_values() {
                let first = r
                    .cells
                    .iter()
                    .position(|c| c.kind == Kind::Text && keys.contains(&key(&c.text)));
                if let Some(i) = first {
                    let end = r
                        .cells
                        .iter()
                        .rposition(|c| c.kind != Kind::Blank)
                        .map_or(i, |e| e + 1);
                    let w = end.saturating_sub(i);
                    cur = widths.contains(&w).then_some((i, w));
                }
            }
            cur
        })
        .collect()
}

/// What a row's fields say its final empty field is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    /// One field more than the columns: the line's terminator.
    Terminator,
    /// As many fields as columns: the last column left blank, unless the table's lines end
    /// with a terminator (then a field was lost, and the row cannot be aligned).
    Cell,
    /// One field more than the columns, the first of them empty too: either a label cell
    /// spanning two columns left an empty field and the last column is blank, or the line ends
    /// with a terminator.
    Either,
    /// Neither fits (too few or too many fields), or nothing to align.
    Unaligned,
}

/// Where a row's value fields start (see [`value_start`]); for a row without a label, the
/// header's first column when every field before it is empty (label columns a merged cell
/// above covers).
fn start_of(r: &Row, first: Option<usize>) -> usize {
    let start = value_start(&r.cells);
    match first {
        Some(f)
            if start == 0
                && f < r.cells.len()
                && r.cells[..f].iter().all(|c| c.kind == Kind::Blank) =>
        {
            f
        }
        _ => start,
    }
}

/// How a TAB row ending in an empty field reads, for a table whose rows have one of `widths`
/// value columns.
fn end_of(r: &Row, start: usize, widths: &[usize]) -> End {
    let n = r.cells.len() - start;
    let fits = |m: usize| m > 0 && widths.contains(&m);
    let lead_blank = n > 1 && r.cells[start].kind == Kind::Blank;
    if fits(n) && !lead_blank {
        End::Cell
    } else if fits(n - 1) && !lead_blank {
        End::Terminator
    } else if lead_blank && fits(n - 1) {
        End::Either
    } else if lead_blank && n >= 2 && fits(n - 2) {
        // Both ends are not columns: a spanning label's empty field, and the terminator.
        End::Terminator
    } else if lead_blank && fits(n) {
        End::Cell
    } else {
        End::Unaligned
    }
}

/// Drops the final empty field of every TAB row where it is the line's terminator rather than
/// a blank last column, deciding row by row (see the module's doc). `widths` are the numbers
/// of value columns the table's rows may have; `first_labels` the labels of the first value
/// column, to find it in the header.
///
/// A row with as many fields as columns keeps its final empty field as a blank cell, unless
/// some row of the table shows that its lines end with a terminator (one field too many):
/// then the row lost a field somewhere and is not aligned (its values are placed by the
/// identities and marked as not read). A row whose first and last fields are both empty and
/// one too many follows the header when its label fields end where the header's do, or the
/// table's terminators; failing both, neither end is read as a column.
pub(crate) fn drop_terminators(rows: &mut [Row], widths: &[usize], first_labels: &[&str]) {
    let first = first_column(rows, first_labels);
    let ends_blank = |r: &Row| {
        r.sep == Sep::Tab
            && r.cells.len() > 1
            && r.cells.last().is_some_and(|c| c.kind == Kind::Blank)
    };
    let headers = block_headers(rows, widths, first_labels);
    let ends: Vec<(usize, End)> = rows
        .iter()
        .zip(&headers)
        .map(|(r, header)| {
            if !ends_blank(r) || !r.has_values() {
                // Nothing to decide, or a header or label line: nothing to align.
                (0, End::Unaligned)
            } else {
                let start = start_of(r, first);
                let n = r.cells.len() - start;
                let e = match (end_of(r, start, widths), *header) {
                    // The block's header line, whose columns start where this row's values
                    // do, says how many columns the row has: part 二's blocks have 3, 2 or 1,
                    // so a row of three fields, the first and last empty ("行政规范性文件⇥⇥2⇥"),
                    // fits the table's widths both as three cells and as a spanning label's
                    // empty field, one cell and a terminator.
                    (_, Some((i, w))) if i == start && w == n => End::Cell,
                    (_, Some((i, w))) if i == start && w + 1 == n => End::Terminator,
                    (e, _) => e,
                };
                (start, e)
            }
        })
        .collect();
    let terminated = ends.iter().any(|(_, e)| *e == End::Terminator);
    let convention = crate::layout::terminator_convention(rows);
    for (r, (start, e)) in rows.iter_mut().zip(ends) {
        if !ends_blank(r) {
            continue;
        }
        let drop = match e {
            End::Terminator => true,
            // (A field lost: dropping the terminator leaves the row a field short.)
            End::Cell => terminated,
            End::Either if first == Some(start) || terminated => true,
            End::Either => {
                // Undecidable: neither end is read as a column.
                r.cells.pop();
                if start < r.cells.len() {
                    r.cells.remove(start);
                }
                continue;
            }
            End::Unaligned => terminated || convention,
        };
        if drop {
            r.cells.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::Text;

    fn rows(s: &str) -> Vec<Row> {
        Text::new(s)
            .lines
            .iter()
            .filter_map(crate::layout::split)
            .collect()
    }

    fn lens(rows: &[Row]) -> Vec<usize> {
        rows.iter().map(|r| r.cells.len()).collect()
    }

    #[test]
    fn each_row_decides_its_own_line_ending_tab() {
        // The page: a row whose last column is blank ends with the TAB of that blank
        // cell; a sub-row with two empty label fields and a blank total too.
        let page = "三、本年度办理结果\t（一）予以公开\t258\t12\t\t\t1\t1\t\n\
             \t\t2.没有现成信息需要另行制作\t44\t3\t\t\t\t\t\n";
        let mut r = rows(page);
        drop_terminators(&mut r, &[7], &["自然人"]);
        // 2 + 7 and 3 + 7: the blank cells kept.
        assert_eq!(lens(&r), vec![9, 10]);
        // A row with a field too many shows the lines end with a terminator: it is dropped
        // there, and the rows of exactly seven fields lost one somewhere (seed 001): they are
        // a field short, to be placed by the identities.
        let mut r = rows(&format!("{page}（七）总计\t5\t\t\t\t\t\t5\t"));
        drop_terminators(&mut r, &[7], &["自然人"]);
        assert_eq!(lens(&r), vec![8, 9, 8]);
    }

    #[test]
    fn the_header_says_where_the_first_column_is() {
        // Part 四 with its first cell blank and the last group all blank: 16 fields, blank at
        // both ends. The header's leaf line starts the columns at field 0: the last field is
        // the terminator.
        let head = "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\n";
        let line = "\t1\t\t\t1\t2\t\t\t\t2\t\t\t\t\t\t\n";
        let mut r = rows(&format!("{head}{line}"));
        drop_terminators(&mut r, &[15, 5], &["结果维持"]);
        assert_eq!(r[1].cells.len(), 15);
        assert_eq!(r[1].cells[0].kind, Kind::Blank);
        // Without a header the row cannot tell which end is not a column: the table's other
        // lines (none here) leave the field as a cell.
        let mut r = rows(line);
        drop_terminators(&mut r, &[15, 5], &["结果维持"]);
        assert_eq!(r[0].cells.len(), 14);
    }

    #[test]
    fn a_blocks_header_says_how_many_columns_its_rows_have() {
        // Part 二 of F2019 copied from a web page: 行政强制 with 上一年项目数量 and 处理决定数量
        // blank ends with the TAB of its blank last cell; the table also has two-column blocks,
        // so three fields fit as "a spanning label's empty field + two columns + terminator"
        // too. The block's header names three columns from the row's first field: all three
        // are cells.
        let text = "信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n\
             行政处罚\t20\t\t343\n\
             行政强制\t\t0\t\n\
             信息内容\t采购项目数量\t采购总金额\n\
             政府集中采购\t3\t\n";
        let firsts = [
            "本年新制作数量",
            "上一年项目数量",
            "上一年项目数量",
            "上一年项目数量",
            "采购项目数量",
        ];
        let widths = [3, 3, 3, 2, 2];
        let mut r = rows(text);
        drop_terminators(&mut r, &widths, &firsts);
        assert_eq!(lens(&r), vec![4, 4, 4, 3, 3]);
        assert_eq!(r[2].cells[1].kind, Kind::Blank);
        assert_eq!(r[2].cells[2].text, "0");
        assert_eq!(r[2].cells[3].kind, Kind::Blank);
        // In F2021's part 二 (blocks of 3 and 1 columns) the same shape fits as a spanning
        // label's empty field, one cell and a terminator: the header says three cells.
        let mut r =
            rows("信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n行政规范性文件\t\t2\t\n");
        drop_terminators(&mut r, &[3, 1, 1, 1], &["本年制发件数", "本年处理决定数量"]);
        assert_eq!(lens(&r), vec![4, 4]);
        // Under a two-column block's header the same shape is a blank first column, 0, and
        // the line's terminator.
        let mut r = rows("信息内容\t上一年项目数量\t本年增/减\t\n行政事业性收费\t\t0\t\n");
        drop_terminators(&mut r, &widths, &firsts);
        assert_eq!(lens(&r), vec![3, 3]);
        assert_eq!(r[1].cells[2].text, "0");
    }

    #[test]
    fn short_rows_follow_the_decided_rows() {
        let mut r = rows("规章\t\t1\t2\t\n行政许可\t\t\n行政处罚\t3\t");
        drop_terminators(&mut r, &[3, 1], &["本年制发件数"]);
        assert_eq!(lens(&r), vec![4, 2, 2]);
    }
}
