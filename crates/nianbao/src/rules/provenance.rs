//! Whether a rule may rest on a cell: the one accessor rules read table cells through, and the
//! framework step that keeps a finding resting on an inferred cell from being an Error.
//!
//! A cell is *read* when its value is the text's own in the cell the text gave it: `grid`,
//! `position`, `order`, `transposed`, `solved` (see [`crate::result::Read`]), in a row found by
//! its label or by its position inside its labelled group. A `guessed` or ambiguous cell, or any
//! cell of a row found by count, is *inferred*. After every rule has run, [`settle`] looks at the
//! cells each finding cites (`Finding::table` + `Finding::cells`): a finding that cites an
//! inferred cell lists those cells in `inferred`, says that the reading is uncertain, and is at
//! most a warning, never an Error, never counted in 需修改; its part's check follows.

use super::Ctx;
use crate::layout::Kind;
use crate::result::{CellOut, FoundBy, RowOut, Severity, Status, TableOut};

/// A table cell as a rule sees it: its value, and whether it was read.
#[derive(Debug, Clone, Copy)]
pub struct CellRef<'a> {
    pub row: &'a RowOut,
    pub cell: &'a CellOut,
}

impl<'a> CellRef<'a> {
    /// The value as a whole number.
    pub fn int(&self) -> Option<i64> {
        self.cell.int()
    }

    /// Whether the value was read, not inferred.
    pub fn read(&self) -> bool {
        is_read(self.row, self.cell)
    }
}

/// Whether `cell` of `row` was read (see the module's documentation).
pub fn is_read(row: &RowOut, cell: &CellOut) -> bool {
    row.found
        && row.found_by != FoundBy::Count
        && cell.read.is_read()
        && cell.kind != Kind::Ambiguous
}

/// The cell `col` of row `row` in `t`, when the row was found.
pub fn get<'t>(t: &'t TableOut, row: &str, col: &str) -> Option<CellRef<'t>> {
    let r = t.rows.iter().find(|r| r.key == row && r.found)?;
    Some(CellRef {
        row: r,
        cell: r.cell(col)?,
    })
}

/// The cell a finding cites as `row/column` (a row key may itself hold dots, never a slash).
pub fn by_id<'t>(t: &'t TableOut, id: &str) -> Option<CellRef<'t>> {
    let (row, col) = id.rsplit_once('/')?;
    get(t, row, col)
}

/// Most inferred cells a message names (the finding's `inferred` lists them all).
const NAMED: usize = 3;

/// Rules whose Errors rest on table cells: their severity depends on the cells' provenance
/// (their pages say so; `settle` applies it to any finding that cites a cell).
pub const ON_CELLS: &[&str] = &[
    "requests-balance",
    "requests-row-total",
    "requests-results-total",
    "appeals-total",
    "misfiled-columns",
    "cell-invalid",
    "carryover-mismatch",
    "in-force-mismatch",
    "text-table-mismatch",
    "text-rate-mismatch",
    "active-published-total",
    "regulations-authority",
];

/// Rules whose findings are about the reading itself (a row's placement, an ambiguous cell, a
/// blank whose position is a guess): they already say so, and are not judgements of the report.
const ABOUT_READING: &[&str] = &["row-shape", "cell-ambiguous", "cell-blank"];

/// Marks every finding that rests on an inferred cell, keeps it from being an Error, and lowers
/// its part's failed check to a warning when no Error of that rule is left there.
pub fn settle(ctx: &mut Ctx) {
    let mut lowered: Vec<(Option<u8>, &'static str)> = Vec::new();
    let format = ctx.format;
    let layout = crate::tables::outdated::request_layout(format, &ctx.requests.out);
    let tables = [
        ("active", ctx.active),
        ("requests", ctx.requests),
        ("appeals", ctx.appeals),
    ];
    for f in &mut ctx.findings {
        if ABOUT_READING.contains(&f.rule) {
            continue;
        }
        let Some(t) = f
            .table
            .and_then(|n| tables.iter().find(|(k, _)| *k == n))
            .map(|&(k, t)| (k, t))
        else {
            continue;
        };
        let mut names = Vec::new();
        let mut n = 0;
        for id in &f.cells {
            let Some(c) = by_id(&t.1.out, id) else {
                continue;
            };
            if c.read() {
                continue;
            }
            if names.len() < NAMED {
                let col = id.rsplit_once('/').map(|(_, c)| c).unwrap_or("");
                names.push(format!(
                    "{}·{}",
                    super::helpers::table::row_name_in(layout, t.0, c.row),
                    super::helpers::table::col_label(t.1, format, c.row, col)
                ));
            }
            f.inferred.push(id.clone());
            n += 1;
        }
        if n == 0 {
            continue;
        }
        let more = if n > NAMED {
            format!("等{n}格")
        } else {
            String::new()
        };
        f.message = format!(
            "（读数不确定：{}{more}是推断的，不是从原文读出的，请核对原文）{}",
            names.join("、"),
            f.message
        );
        f.message_en = format!(
            "(uncertain reading: {n} cell(s) inferred, not read from the text; check the original) {}",
            f.message_en
        );
        if f.severity == Severity::Error {
            f.severity = Severity::Warning;
            if !lowered.contains(&(f.section, f.rule)) {
                lowered.push((f.section, f.rule));
            }
        }
    }
    for (section, rule) in lowered {
        let error_left = ctx
            .findings
            .iter()
            .any(|f| f.section == section && f.rule == rule && f.severity == Severity::Error);
        if error_left {
            continue;
        }
        for (s, c) in &mut ctx.checks {
            if *s == section && c.rule == rule && c.status == Status::Fail {
                c.status = Status::Warn;
                if !c.detail.starts_with("（读数不确定") {
                    c.detail = format!("（读数不确定）{}", c.detail);
                    c.detail_en = format!("(uncertain reading) {}", c.detail_en);
                }
            }
        }
    }
}
