//! Reading the three tables (parts 二, 三, 四) out of whatever layout the text has.
//!
//! Rows are anchored on their labels (fuzzy: spaces, punctuation width, OCR slips, labels broken
//! across lines), never on the running order of a stream of numbers. A row's numbers are the
//! value cells after its label, on its own line or, when the label line has none, on the lines
//! that follow (one cell per line). Sub-rows whose labels were lost are placed by their position
//! within their group when the count fits. Which column each number belongs to is decided in
//! `placement`.
//!
//! This module is the table model both paths build (text and grids): [`TableRead`], [`RowRead`],
//! [`Shape`], [`Why`], [`Caption`], the cell values. Its units:
//! - `rowlabels`: the label matcher (official labels, sibling words, best row);
//! - `place`: a row's values into columns (placement, glued digit runs);
//! - `lines`, `requests`, `appeals`, `active`: the text path (a part's lines as rows, then
//!   parts 三, 四, 二: where each row's values came from, stray lines, running text, captions).
//!
//! The grid path (`grids`, `gridcols`) uses the model, the label matcher and placement only,
//! never the text path's units (`tests/invariants.rs` checks it).

mod active;
mod appeals;
pub mod colmajor;
pub mod labels;
mod lines;
pub mod outdated;
mod place;
mod requests;
mod rowlabels;

pub use active::read_active;
pub use appeals::read_appeals;
pub(crate) use lines::rows_of;
pub(crate) use place::{place, place_active_blocks};
pub use requests::read_requests;
pub(crate) use rowlabels::{
    active_specs, best_active_row, best_row, group_of, label_and_slots, label_keys,
    request_officials, sibling_bits, sibling_bits_differ, word_keys, Official,
};

use crate::layout::{self, Cell, Kind, Sep};
use crate::result::TableOut;
use crate::spec::Identity;

/// A row as read from the text, before placement.
#[derive(Debug, Clone, Default)]
pub struct RowRead {
    pub line: usize,
    pub col: usize,
    pub label_raw: String,
    /// Value cells (and blanks, for tab/pipe lines) after the label.
    pub slots: Vec<Cell>,
    /// Whether `slots` come from one tab- or pipe-separated line (positions can be trusted).
    pub positional: bool,
    /// Whether any line has contributed value cells yet.
    pub has_values: bool,
    /// Whether `slots` are the cells of a grid row (Word, web page, PDF), one per column.
    pub grid: bool,
    /// How the row was found (by its label unless set otherwise).
    pub found_by: crate::result::FoundBy,
    /// Whether the row is a segment of a one-line table: its values are one run of glued
    /// digits, split only where the identities leave one way (see [`crate::oneline`]).
    pub glued: bool,
}

impl RowRead {
    fn new(line: usize, sep: Sep, label: &[Cell], slots: Vec<Cell>) -> RowRead {
        let first = label.first();
        let mut r = RowRead {
            line,
            col: first.map(|c| c.col).unwrap_or(1),
            label_raw: label
                .iter()
                .map(|c| c.raw.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            ..Default::default()
        };
        r.add(sep, slots);
        r
    }

    fn numbers(&self) -> usize {
        self.slots.iter().filter(|c| c.is_value).count()
    }

    /// Valid values (numbers and n/a marks): what makes a row full. Invalid value-like cells
    /// (减4) do not.
    fn filled(&self) -> usize {
        self.slots
            .iter()
            .filter(|c| matches!(c.kind, Kind::Number | Kind::Na))
            .count()
    }

    fn add(&mut self, sep: Sep, slots: Vec<Cell>) {
        let has = slots.iter().any(|c| c.is_value);
        if !self.has_values {
            if has || self.slots.is_empty() {
                self.slots = slots;
                self.positional = sep != Sep::Space;
            }
        } else {
            // A row with more values than any table has cells cannot be placed: stop collecting.
            let room = layout::MAX_CELLS.saturating_sub(self.slots.len());
            self.slots
                .extend(slots.into_iter().filter(|c| c.is_value).take(room));
            self.positional = false;
        }
        self.has_values |= has;
    }
}

/// What the reader noticed about a row's shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    /// As many cells as columns.
    Fits,
    /// `numbers` values for `expected` columns, placed with the help of the identities.
    Placed {
        numbers: usize,
        why: Why,
        /// The identities that removed placements (named for messages): they placed the row,
        /// so they cannot also be evidence that the row is right.
        used: Vec<String>,
        /// Columns (indices) where the text does not say whether the cell is blank or holds a
        /// number: the blanks there are where the layout suggests, not read.
        loose: Vec<usize>,
    },
    /// Could not be placed: cells where candidates differ are ambiguous.
    Ambiguous {
        numbers: usize,
        why: Why,
        loose: Vec<usize>,
    },
}

/// Why a row's cells were not simply read off the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// More or fewer numbers than columns.
    Count,
    /// Numbers gathered from several lines that are not one cell-per-line run.
    Lines,
    /// One run of digits with no separators, split every way that fits; `own_used` when the
    /// row's own identities (its total) removed splits.
    Glued { digits: String, own_used: bool },
    /// More placements than can be enumerated.
    TooMany,
}

/// The identities that placed a row, named for messages: one entry per kind of identity, with
/// the columns or groups it was used in ("（七）总计=各项办理结果之和（自然人、科研机构列）").
pub(crate) fn used_names(ids: &[&Identity]) -> Vec<String> {
    let mut kinds: Vec<(&str, Vec<String>)> = Vec::new();
    for id in ids {
        let (phrase, scope) = match id.rule {
            "requests-balance" => (
                "第一项+第二项=第三项+第四项",
                id.scope.trim_end_matches('列'),
            ),
            "requests-row-total" => ("本行总计=六类申请人之和", ""),
            "requests-results-total" => (
                "（七）总计=各项办理结果之和",
                id.scope.trim_end_matches('列'),
            ),
            "appeals-total" => ("总计=四项之和", id.scope.as_str()),
            _ => (id.rule, id.scope.as_str()),
        };
        match kinds.iter_mut().find(|(p, _)| *p == phrase) {
            Some((_, scopes)) => scopes.push(scope.to_string()),
            None => kinds.push((phrase, vec![scope.to_string()])),
        }
    }
    kinds
        .into_iter()
        .map(|(phrase, scopes)| {
            let scopes: Vec<String> = scopes.into_iter().filter(|x| !x.is_empty()).collect();
            if scopes.is_empty() {
                phrase.to_string()
            } else if phrase.starts_with("总计") {
                format!("{phrase}（{}）", scopes.join("、"))
            } else {
                format!("{phrase}（{}列）", scopes.join("、"))
            }
        })
        .collect()
}

/// A table read and placed.
#[derive(Debug, Clone)]
pub struct TableRead {
    pub out: TableOut,
    /// Per output row: the shape.
    pub shapes: Vec<Shape>,
    /// Rows whose labels were lost and could not be placed: (group key, group label, lines);
    /// group key and label empty for such rows outside any group. Their numbers are not read.
    pub unplaced: Vec<(String, String, Vec<usize>)>,
    /// Captions of part 二's blocks: (line, column, raw text, article, item).
    pub captions: Vec<Caption>,
    /// When the text gave the table column by column (labels, then each column's values): how
    /// it was put back (`colmajor`).
    pub column_major: Option<crate::tables::colmajor::ColumnMajor>,
    /// The identities used to read the table (to place, transpose or split its numbers), by
    /// rule and first left-hand cell (row, column): they hold by construction, so they are
    /// not checks of the report.
    pub used: Vec<(&'static str, (usize, usize))>,
    /// A grid without the official header: how its columns were aligned, or why they could
    /// not be (`gridcols`).
    pub columns_note: Option<crate::gridcols::ColumnsNote>,
}

#[derive(Debug, Clone)]
pub struct Caption {
    pub line: usize,
    pub col: usize,
    pub raw: String,
    pub article: Option<String>,
    pub item: Option<String>,
}

pub(crate) fn int_value(c: &Cell) -> i64 {
    match (c.kind, c.value) {
        // Cells hold at most 10^12 (layout::MAX_VALUE): the conversion is exact.
        (Kind::Number, Some(v)) if v.fract() == 0.0 => v as i64,
        _ => 0,
    }
}

pub(crate) fn money_value(c: &Cell) -> i64 {
    match (c.kind, c.value) {
        // At most 10^16 in units of 0.0001: far inside i64.
        (Kind::Number, Some(v)) => (v * 10000.0).round() as i64,
        _ => 0,
    }
}

/// Reads a caption such as 第二十条第（一）项: the article and the item.
pub fn parse_caption(text: &str) -> Option<(Option<String>, Option<String>)> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let a = t.find('第')?;
    let rest = &t[a + '第'.len_utf8()..];
    let tiao = rest.find('条')?;
    let article = &rest[..tiao];
    if article.is_empty() || article.chars().count() > 4 {
        return None;
    }
    let after = &rest[tiao + '条'.len_utf8()..];
    if !after.contains('项') {
        return None;
    }
    let item: String = after
        .chars()
        .skip_while(|c| matches!(c, '第' | '(' | '（'))
        .take_while(|c| !matches!(c, ')' | '）' | '项'))
        .collect();
    Some((
        Some(article.to_string()),
        (!item.is_empty()).then_some(item),
    ))
}
