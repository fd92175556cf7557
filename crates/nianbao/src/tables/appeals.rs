//! Part 四 from text: the value lines as one row, running text left out.

use super::lines::rows_of;
use super::place::place_rows;
use super::rowlabels::label_and_slots;
use super::{int_value, RowRead, TableRead};
use crate::layout::{Row, Sep};
use crate::normalize::Line;
use crate::spec::{appeal_identities, APPEAL_COLS};

pub fn read_appeals(lines: &[Line]) -> TableRead {
    if let Some(t) = crate::tables::colmajor::read_appeals(lines) {
        return t;
    }
    let rows = rows_of(lines, &[APPEAL_COLS.len(), 5], &["结果维持"]);
    let mut read: Option<RowRead> = None;
    let mut table_line = None;
    // Lines that gave values: (index among the rows, how many values).
    let mut value_lines: Vec<(usize, usize)> = Vec::new();
    for (ri, row) in rows.into_iter().enumerate() {
        if !row.has_values() || (!row.glued && is_prose(&row)) {
            continue;
        }
        table_line.get_or_insert(row.line);
        value_lines.push((ri, row.cells.iter().filter(|c| c.is_value).count()));
        match read.as_mut() {
            None => {
                let mut r = RowRead {
                    line: row.line,
                    col: row
                        .cells
                        .iter()
                        .find(|c| c.is_value)
                        .map(|c| c.col)
                        .unwrap_or(1),
                    label_raw: String::new(),
                    glued: row.glued,
                    ..Default::default()
                };
                // Leading label text (a header word) is not a value. (The row has a value, so
                // it has slots.)
                let (_, slots) = label_and_slots(row.cells);
                r.add(row.sep, slots);
                read = Some(r);
            }
            Some(r) => {
                let (_, slots) = label_and_slots(row.cells);
                r.add(row.sep, slots);
            }
        }
    }
    let found = vec![read];
    // Values from several lines are one row when each line is one value of a cell-per-line run,
    // or one group of five (three small tables); otherwise their order is not a reading.
    let run = value_lines.windows(2).all(|w| w[1].0 == w[0].0 + 1)
        && value_lines.iter().all(|v| v.1 == 1);
    let groups = value_lines.iter().all(|v| v.1 == 5);
    let scattered = vec![value_lines.len() > 1 && !run && !groups];
    let cols: Vec<(&str, &str)> = APPEAL_COLS.iter().map(|c| (c.0, c.1)).collect();
    place_rows(
        &found,
        &scattered,
        &[("appeals", "行政复议、行政诉讼", None)],
        &cols,
        appeal_identities(),
        table_line,
        int_value,
    )
}

/// A line of running text (with a number or two in it), not a table row.
fn is_prose(row: &Row) -> bool {
    if row.sep != Sep::Space {
        return false;
    }
    let words: usize = row
        .cells
        .iter()
        .filter(|c| !c.is_value)
        .map(|c| {
            c.text
                .chars()
                .filter(|ch| crate::normalize::is_cjk(*ch))
                .count()
        })
        .sum();
    let values = row.cells.iter().filter(|c| c.is_value).count();
    words >= 6 && values <= 2
        || row
            .cells
            .iter()
            .any(|c| c.text.contains('。') || c.text.contains('，'))
}
