//! Reading the three tables from grids (Word, web page, PDF with positions): cell by cell,
//! exactly. No guessing: a row is found by its label cells, a column by its header cells, and
//! each value is the cell at that row and column (`read: grid`). Cells covered by a merged cell
//! are blank. When the header is not the official one, the columns are aligned by `gridcols`
//! (header leaves that match, then the data's shape) and read by position, or not aligned.
//!
//! A table that is not found in the grids of its part is left to the text path (`tables`).

use crate::document::{field_text, Document, Grid, GridCell};
use crate::gridcols::{self, Aligned, ColumnsNote};
use crate::layout::{make_cell, Cell, Kind};
use crate::normalize::{key, normalize, strip_numbering, Text};
use crate::sections::Structure;
use crate::spec::{
    active_blocks, appeal_identities, request_identities, request_rows, Format, APPEAL_COLS,
    REQUEST_COLS,
};
use crate::tables::{
    active_specs, best_active_row, best_row, int_value, parse_caption, place, place_active_blocks,
    request_officials, Caption, Official, RowRead, TableRead,
};

/// The tables found in grids; `None` where the text path must read the table.
#[derive(Default)]
pub struct GridTables {
    pub active: Option<TableRead>,
    pub requests: Option<TableRead>,
    pub appeals: Option<TableRead>,
}

/// The grids whose first line lies in part `n`'s body (all grids when the part was not found
/// but others were not either).
fn grids_in<'d>(doc: &'d Document, structure: &Structure, n: u8) -> Vec<&'d Grid> {
    let section = &structure.sections[n as usize - 1];
    doc.tables
        .iter()
        .filter(|g| match section {
            // `index` is the heading's line index; line numbers are index + 1.
            Some(s) => s.index < g.line && g.line <= s.end,
            None => structure.section_at(g.line.saturating_sub(1)).is_none(),
        })
        .collect()
}

pub fn read(doc: &Document, _text: &Text, structure: &Structure, format: Format) -> GridTables {
    if doc.tables.is_empty() {
        return GridTables::default();
    }
    GridTables {
        active: read_active(&grids_in(doc, structure, 2), format),
        requests: read_requests(&grids_in(doc, structure, 3), format),
        appeals: read_appeals(&grids_in(doc, structure, 4)),
    }
}

/// A grid cell as the engine's cell: normalised text, value, kind, and its place in the text.
fn cell_of(g: &GridCell) -> Cell {
    let raw = field_text(&g.text);
    let text = normalize(&raw);
    make_cell(raw, text, g.line, g.column)
}

/// A blank cell at a grid position covered by a merged cell (or missing).
fn blank_at(line: usize) -> Cell {
    make_cell(String::new(), String::new(), line, 1)
}

fn text_key(g: &GridCell) -> String {
    key(&normalize(&field_text(&g.text)))
}

fn is_value_text(g: &GridCell) -> bool {
    let c = cell_of(g);
    c.is_value || c.kind == Kind::Blank
}

// ---------------------------------------------------------------- part 三

/// A merged header cell of part 三 (三、本年度办理结果, （三）不予公开 …): in a grid its text is
/// the whole label, so only an exact match counts (予以公开 is not 不予公开).
fn is_group(k: &str, groups: &[(&str, Official)]) -> bool {
    let core = strip_numbering(k);
    groups.iter().any(|(_, g)| core == g.core || k == g.full)
}

/// Grid columns of the seven value columns, from the header's leaf cells (the topmost cell
/// whose whole text is the column's label, above `before`).
fn request_columns_from_header(g: &Grid, before: usize) -> Option<Vec<usize>> {
    let mut cols = Vec::with_capacity(7);
    for (_, label) in REQUEST_COLS.iter() {
        let k = key(label);
        let hit = g
            .cells
            .iter()
            .filter(|c| c.row < before && c.colspan == 1)
            .filter(|c| {
                let t = text_key(c);
                t == k || (k == "其他" && t == "其它")
            })
            .min_by_key(|c| (c.row, c.col))?;
        cols.push(hit.col);
    }
    let mut sorted = cols.clone();
    sorted.sort_unstable();
    sorted.dedup();
    (sorted.len() == 7 && sorted == cols).then_some(cols)
}

fn read_requests(grids: &[&Grid], format: Format) -> Option<TableRead> {
    let t = read_requests_as(grids, format)?;
    Some(crate::tables::outdated::prefer_old_other_row(
        format,
        t,
        || read_requests_as(grids, Format::F2019),
    ))
}

fn read_requests_as(grids: &[&Grid], format: Format) -> Option<TableRead> {
    let specs = request_rows(format);
    let mut found: Vec<Option<RowRead>> = vec![None; specs.len()];
    let mut table_line = None;
    let mut any = false;
    let mut cursor = 0;
    let mut note = None;
    // Rows of grids whose columns could not be aligned (spec indices).
    let mut unaligned: Vec<usize> = Vec::new();
    for g in grids {
        // The value columns from the official header, when the grid has it.
        let header = request_columns_from_header(g, g.rows);
        let value_start = header.as_ref().and_then(|c| c.iter().min().copied());
        let (hits, local) = request_label_rows(g, value_start, cursor, format);
        if hits.len() < 3 {
            continue;
        }
        let exact = header.is_some();
        let (cols, aligned) = value_columns(g, header, &hits, &mut note);
        any = true;
        cursor = local;
        table_line.get_or_insert(g.line);
        for (r, i, labels) in hits {
            if !aligned {
                unaligned.push(i);
            }
            found[i] = Some(request_row(g, r, &labels, &cols, aligned, exact));
        }
    }
    if !any {
        return None;
    }
    let labels: Vec<(&str, &str, Option<&str>)> =
        specs.iter().map(|r| (r.key, r.label, None)).collect();
    let mut t = place(
        &found,
        &labels,
        &REQUEST_COLS.iter().map(|c| (c.0, c.1)).collect::<Vec<_>>(),
        request_identities(format),
        table_line,
        int_value,
    );
    t.columns_note = note;
    // Columns not aligned: even a row with exactly seven numbers may hold a number of a column
    // that is not the table's and lack a blank one. Nothing of it is read.
    for &i in &unaligned {
        for (_, c) in &mut t.out.rows[i].cells {
            c.read = crate::result::Read::Guessed;
        }
    }
    Some(t)
}

/// A grid row that carries one of part 三's row labels: (grid row, spec index, label cells).
type LabelRow<'g> = (usize, usize, Vec<&'g GridCell>);

/// The rows of a grid that carry one of part 三's row labels, in order from the row `cursor`
/// on, and the cursor after them. Labels are the cells left of `value_start` (without the
/// official header: the cells before the first value).
fn request_label_rows(
    g: &Grid,
    value_start: Option<usize>,
    cursor: usize,
    format: Format,
) -> (Vec<LabelRow<'_>>, usize) {
    let (officials, groups) = request_officials(format);
    let mut hits: Vec<LabelRow> = Vec::new();
    let mut local = cursor;
    for r in 0..g.rows {
        let cells = g.row_cells(r);
        let labels: Vec<&GridCell> = match value_start {
            Some(v) => cells.iter().copied().filter(|c| c.col < v).collect(),
            None => cells
                .iter()
                .copied()
                .take_while(|c| !is_value_text(c) || c.text.trim().is_empty())
                .collect(),
        };
        let labels: Vec<&GridCell> = labels
            .into_iter()
            .filter(|c| !c.text.trim().is_empty())
            .collect();
        if labels.is_empty() {
            continue;
        }
        // The most specific label first: the rightmost label cell, then all of them joined.
        let mut keys: Vec<String> = labels.iter().rev().map(|c| text_key(c)).collect();
        keys.push(labels.iter().map(|c| text_key(c)).collect());
        let keys: Vec<String> = keys
            .into_iter()
            .filter(|k| !k.is_empty() && !is_group(k, groups))
            .collect();
        if keys.is_empty() {
            continue;
        }
        if let Some((i, _)) =
            best_row(&keys[..1], officials, local).or_else(|| best_row(&keys, officials, local))
        {
            hits.push((r, i, labels));
            local = i + 1;
        }
    }
    (hits, local)
}

/// The grid columns of part 三's seven value columns and whether they are aligned. Not the
/// official header: the columns by the header's leaves that match and the data's shape, read
/// by position; or not aligned at all (`gridcols`), said in `note`.
fn value_columns(
    g: &Grid,
    header: Option<Vec<usize>>,
    hits: &[LabelRow],
    note: &mut Option<ColumnsNote>,
) -> (Vec<usize>, bool) {
    let label_end = hits
        .iter()
        .flat_map(|(_, _, l)| l.iter().map(|c| c.col + c.colspan))
        .max()
        .unwrap_or(0);
    match header {
        Some(c) => (c, true),
        None => {
            let data: Vec<usize> = hits.iter().map(|h| h.0).collect();
            match gridcols::request_columns(g, &data, label_end) {
                Aligned::Position(c, n) => {
                    note.get_or_insert(n);
                    (c, true)
                }
                Aligned::Unaligned(n) => {
                    note.get_or_insert(n);
                    ((label_end..g.cols).collect(), false)
                }
            }
        }
    }
}

/// Grid row `r` of part 三 read: its label cells and the cells of the value columns `cols`
/// (not aligned: only the numbers, in order, to be placed by count).
fn request_row(
    g: &Grid,
    r: usize,
    labels: &[&GridCell],
    cols: &[usize],
    aligned: bool,
    exact: bool,
) -> RowRead {
    let slots: Vec<Cell> = cols
        .iter()
        .map(|&c| match g.at(r, c) {
            Some(cell) => cell_of(cell),
            None => blank_at(g.line + r),
        })
        .filter(|c| aligned || c.kind != Kind::Blank)
        .collect();
    let first = labels.first().copied();
    RowRead {
        line: first.map(|c| c.line).unwrap_or(g.line + r),
        col: first.map(|c| c.column).unwrap_or(1),
        label_raw: labels
            .iter()
            .map(|c| field_text(&c.text))
            .collect::<Vec<_>>()
            .join(" "),
        slots,
        positional: aligned,
        has_values: true,
        grid: exact,
        ..Default::default()
    }
}

// ---------------------------------------------------------------- part 四

const APPEAL_LEAVES: [&str; 5] = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

fn read_appeals(grids: &[&Grid]) -> Option<TableRead> {
    // Each grid contributes its data rows' value cells, in order: one grid of 15, or three of 5.
    let mut values: Vec<Cell> = Vec::new();
    let mut first: Option<(usize, usize)> = None;
    let mut table_line = None;
    for g in grids {
        let leaves: Vec<&GridCell> = g
            .cells
            .iter()
            .filter(|c| {
                let k = text_key(c);
                APPEAL_LEAVES.iter().any(|l| key(l) == k)
            })
            .collect();
        if leaves.len() < 5 {
            continue;
        }
        let header_end = leaves.iter().map(|c| c.row + c.rowspan).max().unwrap_or(0);
        // Leaf columns, left to right: the data's columns.
        let mut leaf_cols: Vec<usize> = leaves.iter().map(|c| c.col).collect();
        leaf_cols.sort_unstable();
        leaf_cols.dedup();
        // The data row: the first row below the header whose cells at the leaf columns are
        // values or blanks.
        let data_row = (header_end..g.rows).find(|&r| {
            leaf_cols.iter().all(|&c| match g.at(r, c) {
                Some(cell) => is_value_text(cell),
                None => false,
            })
        });
        let Some(r) = data_row else {
            continue;
        };
        table_line.get_or_insert(g.line);
        for &c in &leaf_cols {
            if let Some(cell) = g.at(r, c) {
                let cell = cell_of(cell);
                first.get_or_insert((cell.line, cell.col));
                values.push(cell);
            }
        }
    }
    if values.len() != APPEAL_COLS.len() {
        return None;
    }
    let (line, col) = first.unwrap_or((0, 1));
    let row = RowRead {
        line,
        col,
        label_raw: String::new(),
        slots: values,
        positional: true,
        has_values: true,
        grid: true,
        ..Default::default()
    };
    let cols: Vec<(&str, &str)> = APPEAL_COLS.iter().map(|c| (c.0, c.1)).collect();
    Some(place(
        &[Some(row)],
        &[("appeals", "行政复议、行政诉讼", None)],
        &cols,
        appeal_identities(),
        table_line,
        int_value,
    ))
}

// ---------------------------------------------------------------- part 二

fn read_active(grids: &[&Grid], format: Format) -> Option<TableRead> {
    let blocks = active_blocks(format);
    let (specs, keys) = active_specs(format);
    let mut found: Vec<Option<RowRead>> = vec![None; specs.len()];
    let mut captions = Vec::new();
    let mut table_line = None;
    for g in grids {
        let mut block: Option<usize> = None;
        let mut used = false;
        for r in 0..g.rows {
            let cells = g.row_cells(r);
            let Some(first) = cells.iter().find(|c| !c.text.trim().is_empty()) else {
                continue;
            };
            let joined: String = cells
                .iter()
                .map(|c| normalize(&field_text(&c.text)))
                .collect();
            if joined.contains('条') && joined.contains('项') && joined.chars().count() < 30 {
                if let Some((article, item)) = parse_caption(&joined) {
                    captions.push(Caption {
                        line: first.line,
                        col: first.column,
                        raw: cells
                            .iter()
                            .map(|c| field_text(&c.text))
                            .filter(|s| !s.is_empty())
                            .collect::<Vec<_>>()
                            .join(" "),
                        article,
                        item: item.clone(),
                    });
                    block = item.and_then(|it| blocks.iter().position(|b| b.item == it));
                    used = true;
                    continue;
                }
            }
            let k = text_key(first);
            let Some(i) = best_active_row(&[k], keys, specs, block) else {
                continue;
            };
            if found[i].is_some() {
                continue;
            }
            used = true;
            let want = blocks[specs[i].0].columns.len();
            let slots: Vec<Cell> = cells
                .iter()
                .filter(|c| c.col > first.col)
                .map(|c| cell_of(c))
                .collect();
            let exact = slots.len() == want;
            found[i] = Some(RowRead {
                line: first.line,
                col: first.column,
                label_raw: field_text(&first.text),
                slots,
                positional: exact,
                has_values: true,
                grid: exact,
                ..Default::default()
            });
        }
        if used {
            table_line.get_or_insert(g.line);
        }
    }
    table_line?;
    let (rows, shapes, _) = place_active_blocks(blocks, specs, found);
    Some(TableRead {
        out: crate::result::TableOut {
            found: true,
            line: table_line,
            columns: Vec::new(),
            rows,
        },
        shapes,
        unplaced: Vec::new(),
        captions,
        column_major: None,
        used: Vec::new(),
        columns_note: None,
    })
}
