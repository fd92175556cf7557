//! The text path's rows: a part's lines split into cells (all three text readers, and
//! `colmajor`).

use crate::layout::{self, Row};
use crate::normalize::Line;

/// A part's lines as rows; a line-ending TAB dropped where it is not a column (rows of `widths`
/// value columns, the first one headed by one of `first_labels`: `header::drop_terminators`).
pub(crate) fn rows_of(lines: &[Line], widths: &[usize], first_labels: &[&str]) -> Vec<Row> {
    let mut rows: Vec<Row> = lines.iter().filter_map(layout::split).collect();
    crate::header::drop_terminators(&mut rows, widths, first_labels);
    rows
}
