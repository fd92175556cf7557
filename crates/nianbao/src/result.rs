//! The result: the JSON contract of `shared/spec/RESULT.md`. One type, serialised the same way
//! by the page and the command line.

use crate::layout::{Cell, Kind};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

/// A name from a small fixed set (a rule, a column, a status …). An alias, so that serde does
/// not take the field for text borrowed from the input: see [`de`].
pub type Name = &'static str;

pub const SCHEMA: &str = "nianbao.result/1";

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CheckResult {
    /// Always "nianbao.result/1" ([`SCHEMA`]); a new major number means an incompatible change.
    #[serde(deserialize_with = "de::str")]
    #[cfg_attr(feature = "schema", schemars(extend("const" = "nianbao.result/1")))]
    pub schema: Name,
    #[serde(deserialize_with = "de::str")]
    pub engine: Name,
    pub input: Input,
    pub meta: MetaOut,
    pub format: FormatOut,
    pub verdict: Verdict,
    pub counts: Counts,
    /// Checks about the document as a whole (title, deadline, format, order of parts).
    pub document: DocumentOut,
    pub sections: Vec<SectionOut>,
    pub tables: Tables,
    pub findings: Vec<Finding>,
    /// Derived rates (实质公开率, 纠错率 …), computed by `crate::rates`.
    pub rates: Vec<RateOut>,
    /// The comparison with last year's report, when one was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Comparison"))]
    pub comparison: Option<Comparison>,
    /// 雷同 between units (`text-repeated-between-units`): set in a batch when this report's
    /// prose is largely found in another unit's report of the same year ([`crate::similar`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Similar"))]
    pub similar: Option<Similar>,
    /// What is left once the user's dismissals are taken out: set only when a finding is
    /// dismissed (the page's downloads); the engine's own `verdict` and `counts` stay as found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Left"))]
    pub left: Option<Left>,
}

/// A result after the user's dismissals: the verdict over the findings not dismissed, their
/// counts, and how many findings were dismissed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Left {
    pub verdict: Verdict,
    pub counts: Counts,
    pub dismissed: usize,
}

/// A derived rate (实质公开率, 纠错率 …): computed by `crate::rates` from the tables.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RateOut {
    #[serde(deserialize_with = "de::str")]
    pub key: Name,
    #[serde(deserialize_with = "de::str")]
    pub name_zh: Name,
    #[serde(deserialize_with = "de::str")]
    pub name_en: Name,
    #[serde(deserialize_with = "de::str")]
    pub formula: Name,
    pub numerator: Option<i64>,
    pub denominator: Option<i64>,
    /// numerator ÷ denominator (0–1), null when undefined.
    pub value: Option<f64>,
    /// "red" | "yellow" | null.
    #[serde(deserialize_with = "de::opt_str")]
    #[cfg_attr(feature = "schema", schemars(extend("enum" = ["red", "yellow", null])))]
    pub flag: Option<Name>,
    /// Whether a cell of the numerator or denominator was inferred, not read: the value is
    /// then uncertain (shown with ≈) and never flagged.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub inferred: bool,
    /// Last year's value and this year's minus last year's, when a previous report is given.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "f64"))]
    pub previous: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "f64"))]
    pub change: Option<f64>,
    /// Last year's report is given but this rate's numbers could not be read from it (so
    /// `previous` and `change` are absent for that reason, not because the rate is undefined).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub previous_unread: bool,
}

/// What comparing with last year's report found.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Comparison {
    pub previous: PreviousOut,
    /// Share (0–1) of this year's prose repeated from last year's.
    pub repeated_share: f64,
    pub by_part: Vec<PartShare>,
    /// Repeated passages: line, first and last column (1-based, in characters).
    pub repeated: Vec<Span>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PreviousOut {
    pub name: String,
    pub year: Option<i32>,
    pub sha256: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PartShare {
    /// Part 1–6, or 0 for text before part 一.
    pub number: u8,
    pub chars: usize,
    pub share: f64,
}

/// 雷同 between units: what of this report's prose is in other units' reports of its year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Similar {
    /// The share of this report's prose (its distinct 8-character pieces, as `text-repeated`
    /// cuts them) that is also in the other units' reports of its group, 0–1.
    pub share: f64,
    /// The other units' reports sharing the prose, each with the share of this report's prose
    /// found in it (highest first, at most five).
    pub others: Vec<SimilarOther>,
    /// The passages of this report found in the others (line, first and last column).
    pub passages: Vec<Span>,
}

/// Another unit's report in a [`Similar`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SimilarOther {
    /// Its file (as the batch names it).
    pub name: String,
    pub agency: Option<String>,
    pub share: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Span {
    pub line: usize,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Input {
    pub name: String,
    pub sha256: String,
    /// How the report arrived: "text", "docx", "html", "pasted-html", "pdf".
    pub form: crate::document::Form,
    pub encoding: String,
    pub chars: usize,
    pub lines: usize,
    /// Tables that arrived as grids (Word, web page, PDF).
    pub grids: usize,
    /// What the reader noticed (restored numbering, repaired bytes …).
    pub notes: Vec<crate::document::ReadNote>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MetaOut {
    pub title: Option<String>,
    pub title_line: Option<usize>,
    pub agency: Option<String>,
    pub year: Option<i32>,
    /// "title" when the year is the title's, "text" when the title has none and the year is the
    /// one the text names most.
    #[serde(deserialize_with = "de::opt_str")]
    #[cfg_attr(feature = "schema", schemars(extend("enum" = ["title", "text", null])))]
    pub year_source: Option<Name>,
    pub published: Option<String>,
    pub published_line: Option<usize>,
    /// The legal deadline for publishing this report (条例第四十九条), when the year is known.
    pub deadline: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FormatOut {
    pub detected: Option<crate::spec::Format>,
    pub expected: Option<crate::spec::Format>,
}

impl FormatOut {
    /// The format the tables were read in: the detected one, else the one the year calls for,
    /// else F2021.
    pub fn layout(&self) -> crate::spec::Format {
        self.detected
            .or(self.expected)
            .unwrap_or(crate::spec::Format::F2021)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Fail,
    Incomplete,
    Warn,
    Pass,
}

impl Verdict {
    /// The verdict findings so counted give: any Error fails; else a part left undecided makes
    /// the report incomplete; else any warning.
    pub fn of(counts: &Counts, any_skip: bool) -> Verdict {
        if counts.error > 0 {
            Verdict::Fail
        } else if any_skip {
            Verdict::Incomplete
        } else if counts.warning > 0 {
            Verdict::Warn
        } else {
            Verdict::Pass
        }
    }

    /// The name in the JSON (`"fail"` …), also the page's and the printable report's CSS class.
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Fail => "fail",
            Verdict::Incomplete => "incomplete",
            Verdict::Warn => "warn",
            Verdict::Pass => "pass",
        }
    }

    /// 结论 without counts, as the roll-up shows it (需修改, 可发布 …); English when `en`.
    pub fn label(self, en: bool) -> &'static str {
        match (self, en) {
            (Verdict::Fail, false) => "需修改",
            (Verdict::Incomplete, false) => "无法完整判定",
            (Verdict::Warn, false) => "可发布（有提示）",
            (Verdict::Pass, false) => "可发布",
            (Verdict::Fail, true) => "Needs fixes",
            (Verdict::Incomplete, true) => "Cannot be fully decided",
            (Verdict::Warn, true) => "Publishable with warnings",
            (Verdict::Pass, true) => "Ready to publish",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    /// The name in the JSON and the CSV (`"error"` …), also the CSS class of a finding.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    /// 错误 / 提示 / 信息; English when `en`.
    pub fn label(self, en: bool) -> &'static str {
        match (self, en) {
            (Severity::Error, false) => "错误",
            (Severity::Warning, false) => "提示",
            (Severity::Info, false) => "信息",
            (Severity::Error, true) => "error",
            (Severity::Warning, true) => "warning",
            (Severity::Info, true) => "info",
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Counts {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

/// Status of a part or of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Pass,
    Skip,
    Warn,
    Fail,
}

impl Status {
    /// The name in the JSON (`"pass"` …); the CSS class of a check is `s-` and this name.
    pub fn name(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Skip => "skip",
            Status::Warn => "warn",
            Status::Fail => "fail",
        }
    }

    /// What the status says about a check (通过, 未通过 …); English when `en`.
    pub fn label(self, en: bool) -> &'static str {
        match (self, en) {
            (Status::Pass, false) => "通过",
            (Status::Skip, false) => "无法判定",
            (Status::Warn, false) => "提示",
            (Status::Fail, false) => "未通过",
            (Status::Pass, true) => "passed",
            (Status::Skip, true) => "not run",
            (Status::Warn, true) => "warning",
            (Status::Fail, true) => "failed",
        }
    }

    /// The mark a checklist shows: ✓ ✗ ⚠ –.
    pub fn mark(self) -> &'static str {
        match self {
            Status::Pass => "✓",
            Status::Skip => "–",
            Status::Warn => "⚠",
            Status::Fail => "✗",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Check {
    #[serde(deserialize_with = "de::str")]
    pub rule: Name,
    pub status: Status,
    pub detail: String,
    pub detail_en: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DocumentOut {
    pub checks: Vec<Check>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SectionOut {
    pub number: u8,
    #[serde(deserialize_with = "de::str")]
    pub title: Name,
    pub found: bool,
    pub heading: Option<String>,
    pub line: Option<usize>,
    /// "pass" | "warn" | "fail" | "incomplete".
    #[serde(deserialize_with = "de::str")]
    #[cfg_attr(feature = "schema", schemars(extend("enum" = ["pass", "warn", "fail", "incomplete"])))]
    pub status: Name,
    pub checks: Vec<Check>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Tables {
    pub active: TableOut,
    pub requests: TableOut,
    pub appeals: TableOut,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TableOut {
    pub found: bool,
    pub line: Option<usize>,
    /// Column keys and labels, in order (empty for part 二, whose blocks differ: see each row).
    pub columns: Vec<ColumnOut>,
    pub rows: Vec<RowOut>,
}

impl TableOut {
    /// The row with this key (`"3.1"`, `"licensing"`, `"appeals"` …).
    pub fn row(&self, key: &str) -> Option<&RowOut> {
        self.rows.iter().find(|r| r.key == key)
    }

    /// The labels of the columns over `row`: the table's, or for part 二 (whose blocks differ)
    /// those of the row's block in `format`, the result's [`FormatOut::layout`]. What the page
    /// and the printable report show.
    pub fn column_labels(&self, format: crate::spec::Format, row: &RowOut) -> Vec<&str> {
        if !self.columns.is_empty() {
            return self.columns.iter().map(|c| c.label.as_str()).collect();
        }
        let item = row.block.as_deref().unwrap_or("");
        crate::spec::active_columns(format, item)
            .iter()
            .map(|c| c.1)
            .collect()
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ColumnOut {
    pub key: String,
    pub label: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RowOut {
    pub key: String,
    /// The official label.
    pub label: String,
    pub found: bool,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// Part 二: the item of 第二十条 whose block the row is in.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub block: Option<String>,
    /// The label as the text has it.
    pub raw_label: Option<String>,
    /// How the row was found; absent when by its label.
    #[serde(default, skip_serializing_if = "FoundBy::is_label")]
    pub found_by: FoundBy,
    /// How many values the text has for this row, and how many columns the format has.
    pub numbers: usize,
    pub expected: usize,
    /// Written as a map from column key to cell, in column order (`ser_cells`).
    #[serde(serialize_with = "ser_cells", deserialize_with = "de::cells")]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "std::collections::BTreeMap<String, CellOut>")
    )]
    pub cells: Vec<(Name, CellOut)>,
}

impl RowOut {
    pub fn missing(key: &str, label: &str, block: Option<&str>, expected: usize) -> RowOut {
        RowOut {
            key: key.to_string(),
            label: label.to_string(),
            found: false,
            line: None,
            column: None,
            block: block.map(str::to_string),
            raw_label: None,
            found_by: FoundBy::Label,
            numbers: 0,
            expected,
            cells: Vec::new(),
        }
    }

    pub fn cell(&self, col: &str) -> Option<&CellOut> {
        self.cells.iter().find(|(k, _)| *k == col).map(|(_, c)| c)
    }
}

fn ser_cells<S: Serializer>(cells: &[(&'static str, CellOut)], s: S) -> Result<S::Ok, S::Error> {
    let mut m = s.serialize_map(Some(cells.len()))?;
    for (k, v) in cells {
        m.serialize_entry(k, v)?;
    }
    m.end()
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CellOut {
    pub raw: String,
    #[serde(serialize_with = "ser_num")]
    pub value: Option<f64>,
    pub kind: Kind,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// For an ambiguous cell: the values it could hold.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<i64>"))]
    pub candidates: Option<Vec<i64>>,
    /// How the cell was read: from a grid, by position, by order, or guessed.
    pub read: Read,
}

/// How a cell's value was obtained. Every variant but `Guessed` is a reading: the value is the
/// text's own, in the cell the text gave it (or the only cell the identities allow, for
/// `Solved`). A `Guessed` cell is not read: no Error may rest on it (the rule framework demotes
/// such a finding to a warning that the reading is uncertain), and exports mark it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Read {
    /// A cell of a table that arrived as a grid under the official header (Word, web page, PDF
    /// by positions).
    Grid,
    /// A field of a TAB- or pipe-separated line (or a grid without the official header),
    /// aligned to the header's columns by its position.
    #[default]
    Position,
    /// The k-th number of a row that has exactly as many numbers as the table has columns.
    Order,
    /// Text taken from a PDF column by column (labels, then each column's values), put back
    /// exactly: every column's count fits and the identities hold.
    Transposed,
    /// A run of glued digits split the only way the row's and the table's identities allow
    /// (the identities used for it are not checks).
    Solved,
    /// Placed by the identities among several possibilities (too few or too many numbers, or
    /// dealt out by count), or ambiguous: not read as such.
    Guessed,
}

impl Read {
    pub fn name(self) -> &'static str {
        match self {
            Read::Grid => "grid",
            Read::Position => "position",
            Read::Order => "order",
            Read::Transposed => "transposed",
            Read::Solved => "solved",
            Read::Guessed => "guessed",
        }
    }

    /// Whether the value was read (not inferred among several possibilities).
    pub fn is_read(self) -> bool {
        self != Read::Guessed
    }

    /// How the cell was obtained, for a mark and its tooltip (Chinese, English, mark), when it
    /// was not simply read off a row or a grid.
    pub fn how(self) -> Option<(&'static str, &'static str, &'static str)> {
        match self {
            Read::Transposed => Some((
                "按列提取的文字还原：各列个数与勾稽关系都相符",
                "from text extracted column by column, put back: every column's count and the identities fit",
                "ᵀ",
            )),
            Read::Solved => Some((
                "连在一起的数字按勾稽关系唯一拆分得出",
                "glued digits split the only way the identities allow",
                "ˢ",
            )),
            Read::Guessed => Some((
                "位置是推测的，不是从原文读出的，请核对原文",
                "position guessed, not read: check the original",
                "?",
            )),
            _ => None,
        }
    }
}

/// How a table row was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum FoundBy {
    /// By its label (exact or through the label matcher: `raw_label` says what the text has).
    #[default]
    Label,
    /// Its label was lost, and it is the only row its position inside its labelled group
    /// allows (the group's label-less rows are exactly its missing rows, in order).
    Position,
    /// Neither: its cells were given to it by counting. Its cells are not read.
    Count,
}

impl FoundBy {
    /// How the row was found, for a mark beside its label (Chinese, English), when not by its
    /// label.
    pub fn how(self) -> Option<(&'static str, &'static str)> {
        match self {
            FoundBy::Label => None,
            FoundBy::Position => Some((
                "原文缺行名，按所在组内的位置确定",
                "label lost; placed by its position inside its group",
            )),
            FoundBy::Count => Some((
                "原文缺行名，按个数推断，各格均不确定",
                "label lost; given by counting, every cell uncertain",
            )),
        }
    }

    pub fn is_label(&self) -> bool {
        *self == FoundBy::Label
    }

    pub fn name(self) -> &'static str {
        match self {
            FoundBy::Label => "label",
            FoundBy::Position => "position",
            FoundBy::Count => "count",
        }
    }
}

impl CellOut {
    pub fn from_cell(c: &Cell) -> CellOut {
        CellOut {
            raw: c.raw.clone(),
            value: c.value,
            kind: c.kind,
            line: Some(c.line),
            column: (c.kind != Kind::Blank || !c.raw.is_empty()).then_some(c.col),
            candidates: None,
            read: Read::Position,
        }
    }
    pub fn blank(line: usize) -> CellOut {
        CellOut {
            raw: String::new(),
            value: None,
            kind: Kind::Blank,
            line: Some(line),
            column: None,
            candidates: None,
            read: Read::Position,
        }
    }
    /// The cell's value as an integer, when it is a whole number.
    pub fn int(&self) -> Option<i64> {
        match (self.kind, self.value) {
            (Kind::Number, Some(v)) if v.fract() == 0.0 => Some(v as i64),
            _ => None,
        }
    }
}

/// An integer when the number is whole, else a float; its schema is `Option<f64>`'s (a JSON
/// number, which includes integers, or null).
fn ser_num<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        None => s.serialize_none(),
        Some(x) if x.fract() == 0.0 && x.abs() < 1e15 => s.serialize_i64(*x as i64),
        Some(x) => s.serialize_f64(*x),
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Finding {
    #[serde(deserialize_with = "de::str")]
    pub rule: Name,
    pub severity: Severity,
    /// Part number (1–6), or null for the document as a whole.
    pub section: Option<u8>,
    pub message: String,
    pub message_en: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    #[serde(deserialize_with = "de::opt_str")]
    pub table: Option<Name>,
    pub cells: Vec<String>,
    #[serde(serialize_with = "ser_num")]
    pub expected: Option<f64>,
    #[serde(serialize_with = "ser_num")]
    pub actual: Option<f64>,
    /// Cells (of `table`, as in `cells`) the finding rests on that were not read but inferred
    /// (`read: guessed`, or in a row found by count): such a finding is never an Error.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inferred: Vec<String>,
    /// Set when the user dismissed the finding (on the page), with the reason they gave.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub dismissed: Option<String>,
    /// For a failing identity of parts 三 and 四 (`requests-*`, `appeals-total`): the one cell
    /// whose change makes every identity of the table hold, and its value ([`crate::rules::fix`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
    /// When several single-cell changes each make every identity of the table hold: all of
    /// them (none is picked; `fix` is then absent).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fix_options: Vec<Fix>,
}

/// A suggested change of one cell (see [`crate::rules::fix`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Fix {
    /// The cell as `Finding::cells` names it: `row/column` of the finding's `table`.
    pub cell: String,
    /// The value that makes every identity of the table hold (never negative).
    pub value: i64,
    /// Whether the cell's number was inferred (its position guessed), not read.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub inferred: bool,
}

impl Finding {
    /// What identifies a finding across checks of the same text (for remembering a dismissal):
    /// the rule, the line and the message.
    pub fn key(&self) -> String {
        format!(
            "{}|{}|{}",
            self.rule,
            self.line.map(|l| l.to_string()).unwrap_or_default(),
            self.message
        )
    }
}

impl CheckResult {
    /// Marks the findings the user dismissed (`(key, reason)`, keys from [`Finding::key`]).
    /// Sets [`CheckResult::left`] (None when nothing is dismissed).
    pub fn dismiss(&mut self, dismissed: &[(String, String)]) {
        for f in &mut self.findings {
            let k = f.key();
            f.dismissed = dismissed
                .iter()
                .find(|(d, _)| *d == k)
                .map(|(_, why)| why.clone());
        }
        let left = self.left_when(|f| f.dismissed.is_some());
        self.left = (left.dismissed > 0).then_some(left);
    }

    /// What is left when the findings `dismissed` (`(key, reason)`) are taken out.
    pub fn left_after(&self, dismissed: &[(String, String)]) -> Left {
        if dismissed.is_empty() {
            return self.left_when(|_| false);
        }
        self.left_when(|f| {
            let k = f.key();
            dismissed.iter().any(|(d, _)| *d == k)
        })
    }

    /// What is left: the findings `gone` says were dismissed taken out of the counts, and the
    /// verdict the engine gives such counts (a part left undecided keeps a report incomplete).
    pub fn left_when(&self, gone: impl Fn(&Finding) -> bool) -> Left {
        let mut counts = Counts::default();
        let mut dismissed = 0;
        for f in &self.findings {
            if gone(f) {
                dismissed += 1;
                continue;
            }
            match f.severity {
                Severity::Error => counts.error += 1,
                Severity::Warning => counts.warning += 1,
                Severity::Info => counts.info += 1,
            }
        }
        let any_skip = self
            .sections
            .iter()
            .any(|s| s.checks.iter().any(|c| c.status == Status::Skip));
        Left {
            verdict: Verdict::of(&counts, any_skip),
            counts,
            dismissed,
        }
    }

    /// Part `n`'s status once the findings `gone` says were dismissed are taken out: a part
    /// that fails only on dismissed errors shows what its other findings leave.
    pub fn part_status_when(&self, n: u8, gone: impl Fn(&Finding) -> bool) -> Name {
        let Some(s) = self.sections.get(usize::from(n).wrapping_sub(1)) else {
            return "incomplete";
        };
        if s.status != "fail" && s.status != "warn" {
            return s.status;
        }
        let worst = self
            .findings
            .iter()
            .filter(|f| f.section == Some(n) && !gone(f))
            .map(|f| f.severity)
            .min();
        let skip = s.checks.iter().any(|c| c.status == Status::Skip);
        match (s.status, worst) {
            (_, Some(Severity::Error)) => "fail",
            ("fail", _) if !self.findings.iter().any(|f| f.section == Some(n)) => "fail",
            _ if skip => "incomplete",
            (_, Some(Severity::Warning)) => "warn",
            _ => "pass",
        }
    }
}

/// Reading a result back (the page gets it from the checking worker as JSON). The `&'static str`
/// fields hold names from small fixed sets (rules, columns, statuses …): each distinct name is
/// stored once for the life of the program, so reading many results does not grow memory.
pub mod de {
    use super::CellOut;
    use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
    use std::cell::RefCell;

    thread_local! {
        static NAMES: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
    }

    /// The one stored copy of `s`.
    pub fn intern(s: &str) -> &'static str {
        NAMES.with(|n| {
            let mut n = n.borrow_mut();
            if let Some(&k) = n.iter().find(|k| **k == s) {
                return k;
            }
            let k: &'static str = Box::leak(s.to_owned().into_boxed_str());
            n.push(k);
            k
        })
    }

    pub fn str<'de, D: Deserializer<'de>>(d: D) -> Result<&'static str, D::Error> {
        String::deserialize(d).map(|s| intern(&s))
    }

    pub fn strs<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<&'static str>, D::Error> {
        Vec::<String>::deserialize(d).map(|v| v.iter().map(|s| intern(s)).collect())
    }

    pub fn opt_str<'de, D: Deserializer<'de>>(d: D) -> Result<Option<&'static str>, D::Error> {
        Option::<String>::deserialize(d).map(|s| s.map(|s| intern(&s)))
    }

    pub fn cells<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Vec<(&'static str, CellOut)>, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Vec<(&'static str, CellOut)>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a map of cells")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Self::Value, A::Error> {
                let mut v = Vec::new();
                while let Some((k, c)) = m.next_entry::<String, CellOut>()? {
                    v.push((intern(&k), c));
                }
                Ok(v)
            }
        }
        d.deserialize_map(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json<T: Serialize>(v: T) -> String {
        serde_json::to_string(&v).unwrap()
    }

    #[test]
    fn names_are_the_json_strings() {
        for v in [
            Verdict::Fail,
            Verdict::Incomplete,
            Verdict::Warn,
            Verdict::Pass,
        ] {
            assert_eq!(json(v), format!("\"{}\"", v.name()));
        }
        for s in [Status::Pass, Status::Skip, Status::Warn, Status::Fail] {
            assert_eq!(json(s), format!("\"{}\"", s.name()));
        }
        for s in [Severity::Error, Severity::Warning, Severity::Info] {
            assert_eq!(json(s), format!("\"{}\"", s.name()));
        }
    }
}
