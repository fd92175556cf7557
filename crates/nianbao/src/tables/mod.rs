//! Reading the three tables (parts 二, 三, 四) out of whatever layout the text has.
//!
//! Rows are anchored on their labels (fuzzy: spaces, punctuation width, OCR slips, labels broken
//! across lines), never on the running order of a stream of numbers. A row's numbers are the
//! value cells after its label, on its own line or, when the label line has none, on the lines
//! that follow (one cell per line). Sub-rows whose labels were lost are placed by their position
//! within their group when the count fits. Which column each number belongs to is decided in
//! `placement`.

use crate::layout::{self, Cell, Kind, Row, Sep};
use crate::normalize::{key, similarity_chars, strip_numbering, Line};
use crate::placement::{solve, Pending};
use crate::result::{CellOut, ColumnOut, Read, RowOut, TableOut};
use crate::spec::{
    active_blocks, appeal_identities, request_identities, request_rows, ColKind, Format, Identity,
    APPEAL_COLS, GROUPS, REQUEST_COLS,
};
use std::collections::HashMap;

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
    pub column_major: Option<crate::colmajor::ColumnMajor>,
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

/// A part's lines as rows; a line-ending TAB dropped where it is not a column (rows of `widths`
/// value columns, the first one headed by one of `first_labels`: `header::drop_terminators`).
pub(crate) fn rows_of(lines: &[Line], widths: &[usize], first_labels: &[&str]) -> Vec<Row> {
    let mut rows: Vec<Row> = lines.iter().filter_map(layout::split).collect();
    crate::header::drop_terminators(&mut rows, widths, first_labels);
    rows
}

/// A markdown separator line (`|---|:--|`).
fn is_separator(t: &str) -> bool {
    let t = t.trim();
    t.contains('|') && t.contains('-') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// Part 三's rows, without the header rows of markdown tables: a pipe row right above a
/// separator line, with no values, is a header, invented ("数据1 | 数据2") or copied from elsewhere
/// (a header cell 结转下年度 is not row 四). A header row that holds values is a data row.
fn request_rows_of(lines: &[Line]) -> Vec<Row> {
    let mut header = std::collections::HashSet::new();
    for (i, l) in lines.iter().enumerate() {
        if !l.text.contains('|') || is_separator(&l.text) {
            continue;
        }
        let next = lines[i + 1..].iter().find(|n| !n.text.trim().is_empty());
        if next.is_some_and(|n| is_separator(&n.text)) {
            header.insert(l.no);
        }
    }
    rows_of(lines, &[REQUEST_COLS.len()], &[REQUEST_COLS[0].1])
        .into_iter()
        .filter(|r| !header.contains(&r.line) || r.has_values())
        .collect()
}

/// Pairs of words that tell sibling labels apart: 本年新收 and 上年结转 share most characters,
/// and so do 予以公开 and 不予公开. A found label and an official one naming different words of a
/// set are different rows, however similar the rest.
const SIBLING_WORDS: [&[&str]; 6] = [
    &["本年", "上年", "下年"],
    &["新收", "结转"],
    &["予以", "不予", "部分"],
    &["维持", "纠正"],
    &["公开", "处理", "提供"],
    &["自然人", "法人"],
];

/// Whether `found` and `official` (keys) name different siblings.
pub(crate) fn siblings_differ(found: &str, official: &str) -> bool {
    sibling_bits_differ(sibling_bits(found), sibling_bits(official))
}

/// Which words of [`SIBLING_WORDS`] a key contains: bit `i` for the `i`-th word of the sets
/// laid end to end. Computed once per key, so that comparing keys is a few bit operations.
pub(crate) fn sibling_bits(k: &str) -> u32 {
    // One pass over the key: only where a character starts one of the words is a word tried.
    let mut bits = 0;
    for (b, c) in k.char_indices() {
        if !matches!(
            c,
            '本' | '上'
                | '下'
                | '新'
                | '结'
                | '予'
                | '不'
                | '部'
                | '维'
                | '纠'
                | '公'
                | '处'
                | '提'
                | '自'
                | '法'
        ) {
            continue;
        }
        let rest = &k[b..];
        let mut i = 0;
        for set in SIBLING_WORDS {
            for w in set {
                if rest.starts_with(w) {
                    bits |= 1 << i;
                }
                i += 1;
            }
        }
    }
    bits
}

/// [`siblings_differ`] on [`sibling_bits`]: some set has words in both keys, none shared.
pub(crate) fn sibling_bits_differ(found: u32, official: u32) -> bool {
    let mut i = 0;
    SIBLING_WORDS.iter().any(|set| {
        let mask = ((1u32 << set.len()) - 1) << i;
        i += set.len();
        let (f, o) = (found & mask, official & mask);
        f != 0 && o != 0 && f & o == 0
    })
}

/// Splits a row's cells into label cells (text before the first value, blanks left out) and the
/// cells after the last label cell (values, and blanks between them for tab/pipe lines).
pub(crate) fn label_and_slots(mut cells: Vec<Cell>) -> (Vec<Cell>, Vec<Cell>) {
    let first_value = cells.iter().position(|c| c.is_value).unwrap_or(cells.len());
    let last_label = cells[..first_value]
        .iter()
        .rposition(|c| c.kind != Kind::Blank);
    let start = match last_label {
        Some(i) => i + 1,
        None => 0,
    };
    let slots = cells.split_off(start);
    // Every cell left is before the first value: the label is its non-blank cells.
    cells.retain(|c| c.kind != Kind::Blank);
    (cells, slots)
}

/// Keys to try for a row's label: each label cell, and each cell joined with the next (a label
/// split over two cells, "7.属于行政执法 | 案卷").
pub(crate) fn label_keys(label: &[Cell]) -> Vec<String> {
    let mut out = Vec::new();
    for (i, c) in label.iter().enumerate() {
        out.push(key(&c.text));
        if i + 1 < label.len() {
            out.push(format!("{}{}", key(&c.text), key(&label[i + 1].text)));
        }
    }
    out.retain(|k| !k.is_empty());
    out
}

/// Runs of up to four words of the label text: a space-separated line carries
/// "三、本年度办理结果 （一）予以公开" in one cell. Tried when no whole cell matched.
pub(crate) fn word_keys(label: &[Cell]) -> Vec<String> {
    let words: Vec<String> = label
        .iter()
        .flat_map(|c| c.text.split_whitespace())
        .map(key)
        .filter(|k| !k.is_empty())
        .collect();
    let mut out = Vec::new();
    if words.len() > 1 {
        for i in 0..words.len() {
            for j in i + 1..=(i + 4).min(words.len()) {
                out.push(words[i..j].concat());
            }
        }
    }
    out
}

/// An official label, prepared for matching: its key with and without numbering, as chars.
pub(crate) struct Official {
    pub(crate) full: String,
    pub(crate) core: String,
    pub(crate) full_c: Vec<char>,
    pub(crate) core_c: Vec<char>,
    /// [`sibling_bits`] of `full`.
    pub(crate) siblings: u32,
}

impl Official {
    pub(crate) fn new(label: &str) -> Official {
        let full = key(label);
        let core = strip_numbering(&full).to_string();
        Official {
            full_c: full.chars().collect(),
            core_c: core.chars().collect(),
            siblings: sibling_bits(&full),
            full,
            core,
        }
    }
}

/// How well a found key matches an official label (full key with numbering, and its core).
fn label_score(found: &[char], found_core: &[char], o: &Official) -> f32 {
    let mut s = similarity_chars(found, &o.full_c);
    if o.core_c.len() >= 4 && found_core.len() >= 2 {
        s = s.max(similarity_chars(found_core, &o.core_c));
    }
    s
}

pub(crate) const THRESHOLD: f32 = 0.72;

/// The row (index ≥ cursor) that one of `keys` names best, with its score.
pub(crate) fn best_row(keys: &[String], rows: &[Official], cursor: usize) -> Option<(usize, f32)> {
    let mut best: Option<(usize, f32)> = None;
    // The key and its core as chars (buffers shared by the keys).
    let (mut kc, mut cc): (Vec<char>, Vec<char>) = (Vec::new(), Vec::new());
    for k in keys {
        let c = strip_numbering(k);
        kc.clear();
        kc.extend(k.chars());
        cc.clear();
        cc.extend(c.chars());
        let mut siblings = None;
        for (i, o) in rows.iter().enumerate().skip(cursor) {
            let exactish = *k == o.full
                || (o.core_c.len() >= 4 && c == o.core)
                || (cc.len() >= 4 && o.core.starts_with(c))
                // The next expected row, its label cut short ("（一）予").
                || (i == cursor && c != k.as_str() && !c.is_empty() && o.full.starts_with(k.as_str()));
            let s = if exactish {
                1.0
            } else if i < cursor + 8
                && kc.len() >= 2
                && !sibling_bits_differ(
                    *siblings.get_or_insert_with(|| sibling_bits(k)),
                    o.siblings,
                )
            {
                label_score(&kc, &cc, o)
            } else {
                0.0
            };
            if s >= THRESHOLD && best.is_none_or(|(_, b)| s > b) {
                best = Some((i, s));
                if s >= 1.0 {
                    break;
                }
            }
        }
    }
    // A label one character off, among the next few rows, when no other row is as close.
    best.or_else(|| {
        crate::labels::only_near(keys, rows, cursor, (cursor + 8).min(rows.len()))
            .map(|i| (i, THRESHOLD))
    })
}

/// A key that starts with a group's label and goes on with more (a row's label glued to it):
/// the group and the rest, with a second group's label stripped too ("三、本年度办理结果（三）…").
fn strip_group_prefix<'g>(k: &str, groups: &'g [(&'g str, Official)]) -> Option<(&'g str, String)> {
    let mut rest = k;
    let mut hit = None;
    for _ in 0..2 {
        let found = groups.iter().find_map(|(name, g)| {
            let r = rest
                .strip_prefix(g.full.as_str())
                .or_else(|| strip_numbering(rest).strip_prefix(g.core.as_str()))?;
            (!r.is_empty()).then_some((*name, r))
        });
        match found {
            Some((name, r)) => {
                hit = Some(name);
                rest = r;
            }
            None => break,
        }
    }
    hit.map(|g| (g, rest.to_string()))
}

/// The group (merged header cell) a key names, if any.
pub(crate) fn group_of<'g>(k: &str, groups: &'g [(&'g str, Official)]) -> Option<&'g str> {
    let c = strip_numbering(k);
    let cc: Vec<char> = c.chars().collect();
    groups
        .iter()
        .find(|(_, g)| {
            c == g.core
                || (c.starts_with(g.core.as_str()) && cc.len() <= g.core_c.len() + 2)
                || (similarity_chars(&cc, &g.core_c) >= 0.75 && !siblings_differ(c, &g.core))
        })
        .map(|(k, _)| *k)
}

// ---------------------------------------------------------------- part 三

/// Part 三's official row labels and its groups' labels (merged header cells), prepared for
/// matching once per format.
pub(crate) type RequestOfficials = (Vec<Official>, Vec<(&'static str, Official)>);

pub(crate) fn request_officials(format: Format) -> &'static RequestOfficials {
    use std::sync::OnceLock;
    static CACHE: [OnceLock<RequestOfficials>; 2] = [OnceLock::new(), OnceLock::new()];
    let slot = match format {
        Format::F2019 => &CACHE[0],
        Format::F2021 => &CACHE[1],
    };
    slot.get_or_init(|| {
        let officials = request_rows(format)
            .iter()
            .map(|r| Official::new(r.label))
            .collect();
        let groups = GROUPS
            .iter()
            .filter(|(g, _)| format == Format::F2021 || *g != "3.6")
            .map(|(g, l)| (*g, Official::new(l)))
            .collect();
        (officials, groups)
    })
}

pub fn read_requests(lines: &[Line], format: Format) -> TableRead {
    if let Some(t) = crate::colmajor::read_requests(lines, format) {
        return t;
    }
    let t = read_requests_as(lines, format);
    crate::outdated::prefer_old_other_row(format, t, || {
        Some(read_requests_as(lines, Format::F2019))
    })
}

fn read_requests_as(lines: &[Line], format: Format) -> TableRead {
    let specs = request_rows(format);
    let (officials, groups) = request_officials(format);

    let mut found: Vec<Option<RowRead>> = vec![None; specs.len()];
    let mut unlabeled: Vec<(&str, RowRead)> = Vec::new();
    // Lines of values after the table's last row that no row took: rows whose labels were lost.
    let mut stray_lines: Vec<usize> = Vec::new();
    let mut before_start: Vec<usize> = Vec::new();
    enum Cur {
        None,
        Row(usize),
        Unlabeled(usize),
    }
    let mut cur = Cur::None;
    let mut cursor: usize = 0;
    let mut group: Option<&str> = None;
    let mut started = false;
    let mut table_line = None;
    // How each row's values came, by the row's (line, column).
    let mut spread: HashMap<(usize, usize), Spread> = HashMap::new();
    let mut prev_line = 0;

    for row in request_rows_of(lines) {
        let Row {
            line,
            sep,
            cells,
            glued,
        } = row;
        let values = cells.iter().filter(|c| c.is_value).count();
        let has_values = values > 0;
        let (label, slots) = label_and_slots(cells);
        let keys = label_keys(&label);
        let group_hit = keys.iter().rev().find_map(|k| group_of(k, groups));
        // The best row from the cursor on: exact and prefix matches first, then fuzzy ones
        // among the next few rows; whole cells first, then runs of words. The row before the
        // cursor is tried too while it has no values: a heading repeating a row's label
        // ("### 一、本年新收…") does not consume the row.
        let from = match cursor.checked_sub(1) {
            Some(p) if has_values && found[p].as_ref().is_some_and(|r| !r.has_values) => p,
            _ => cursor,
        };
        let mut best = best_row(&keys, officials, from);
        if best.is_none() && label.iter().any(|c| c.text.contains(' ')) {
            best = best_row(&word_keys(&label), officials, from);
        }
        let mut group_hit = group_hit;
        if best.is_none() {
            // A group's merged cell glued before its first row's label, as crawlers flatten a
            // rowspan: "（三）不予公开1.属于国家秘密0000000".
            let mut rest: Vec<String> = Vec::new();
            for k in &keys {
                if let Some((g, r)) = strip_group_prefix(k, groups) {
                    group_hit = Some(g);
                    rest.push(r);
                }
            }
            if !rest.is_empty() {
                best = best_row(&rest, officials, from);
            }
        }
        if let Some(g) = group_hit {
            group = Some(g);
        }
        if let Some((i, _)) = best {
            if !started && i > 0 {
                // The first row found is not row 一: a whole row of numbers just before it (at
                // most two lines) is a row whose label was lost, not read.
                stray_lines.extend(before_start.iter().filter(|&&l| l + 2 >= line));
            }
            let mut r = RowRead::new(line, sep, &label, slots);
            r.glued = glued;
            spread.insert((r.line, r.col), Spread::start(&r));
            found[i] = Some(r);
            cursor = i + 1;
            cur = Cur::Row(i);
            group = specs[i].group.or(group_hit);
            started = true;
            table_line.get_or_insert(line);
            prev_line = line;
            continue;
        }
        let after = prev_line;
        prev_line = line;
        if has_values {
            if let Some(g) = group_hit.filter(|g| *g != "3") {
                // A group label with numbers but no sub-label: the group's first unlabeled row.
                let mut r = RowRead::new(line, sep, &label, slots);
                r.glued = glued;
                spread.insert((r.line, r.col), Spread::start(&r));
                unlabeled.push((g, r));
                cur = Cur::Unlabeled(unlabeled.len() - 1);
                if let Some(first) = specs.iter().position(|r| r.group == Some(g)) {
                    cursor = cursor.max(first);
                }
                started = true;
                continue;
            }
            if !started {
                // A whole row of numbers with no label before the table's first labelled row:
                // maybe row 一 whose label was lost (decided when the first row is found).
                if label.is_empty() && values == 7 {
                    before_start.push(line);
                }
                continue;
            }
            let target = match cur {
                Cur::Row(i) => found[i].as_mut(),
                Cur::Unlabeled(u) => Some(&mut unlabeled[u].1),
                Cur::None => None,
            };
            // A TAB/pipe row of its own with no label, after a row whose own line was a whole
            // row: a row whose label was lost, not the rest of the row before.
            // (Any line of seven numbers or more after a row that has numbers of its own.)
            let own_row = |t: &RowRead| {
                label.is_empty()
                    && ((sep != Sep::Space
                        && slots.len() >= 7
                        && t.positional
                        && t.slots.len() >= 7)
                        || (values >= 7 && t.has_values))
            };
            match target {
                // Label text that matches nothing, with numbers: the rest of the current row.
                Some(t) if (t.filled() < 7 || !label.is_empty()) && !own_row(t) => {
                    if let Some(sp) = spread.get_mut(&(t.line, t.col)) {
                        sp.add(line, values, label.is_empty(), after);
                    }
                    t.add(sep, slots)
                }
                _ => {
                    if let Some(g) = group.filter(|g| *g != "3") {
                        let mut r = RowRead::new(line, sep, &label, slots);
                        r.glued = glued;
                        spread.insert((r.line, r.col), Spread::start(&r));
                        unlabeled.push((g, r));
                        cur = Cur::Unlabeled(unlabeled.len() - 1);
                    } else {
                        stray_lines.push(line);
                    }
                    // (Otherwise values after the table's last row that no row took: they are
                    // not dealt out to rows by count; column-by-column text is `colmajor`'s.)
                }
            }
        } else if group_hit.is_none() {
            // Text only: the rest of a label broken across lines.
            if let Cur::Row(i) = cur {
                if let Some(r) = found[i].as_mut() {
                    for c in &label {
                        r.label_raw.push(' ');
                        r.label_raw.push_str(&c.raw);
                    }
                    if let Some(sp) = spread.get_mut(&(r.line, r.col)) {
                        if sp.last == after && !r.has_values {
                            sp.last = line;
                        }
                    }
                }
            }
        }
    }

    // Sub-rows whose labels were lost: by position within their group, when the count fits.
    let mut unplaced = Vec::new();
    let mut gkeys: Vec<&str> = unlabeled.iter().map(|(g, _)| *g).collect();
    gkeys.dedup();
    for (n, &g) in gkeys.iter().enumerate() {
        // The group's rows: moved out of `unlabeled`, unless the group comes again in `gkeys`
        // (its rows interleaved with another group's), when that turn must see them too.
        let rows: Vec<RowRead> = if gkeys[n + 1..].contains(&g) {
            unlabeled
                .iter()
                .filter(|(gg, _)| *gg == g)
                .map(|(_, r)| r.clone())
                .collect()
        } else {
            let (mine, rest): (Vec<_>, Vec<_>) = std::mem::take(&mut unlabeled)
                .into_iter()
                .partition(|(gg, _)| *gg == g);
            unlabeled = rest;
            mine.into_iter().map(|(_, r)| r).collect()
        };
        let missing: Vec<usize> = (0..specs.len())
            .filter(|&i| specs[i].group == Some(g) && found[i].is_none())
            .collect();
        if rows.len() == missing.len() {
            for (i, mut r) in missing.into_iter().zip(rows) {
                r.found_by = crate::result::FoundBy::Position;
                found[i] = Some(r);
            }
        } else {
            let label = GROUPS
                .iter()
                .find(|(k, _)| *k == g)
                .map(|(_, l)| *l)
                .unwrap_or(g);
            unplaced.push((
                g.to_string(),
                label.to_string(),
                rows.iter().map(|r| r.line).collect(),
            ));
        }
    }

    let labels: Vec<(&str, &str, Option<&str>)> =
        specs.iter().map(|r| (r.key, r.label, None)).collect();
    let scattered: Vec<bool> = found
        .iter()
        .map(|f| {
            f.as_ref()
                .and_then(|r| spread.get(&(r.line, r.col)))
                .is_some_and(|s| s.scattered())
        })
        .collect();
    let mut t = place_rows(
        &found,
        &scattered,
        &labels,
        &REQUEST_COLS.iter().map(|c| (c.0, c.1)).collect::<Vec<_>>(),
        request_identities(format),
        table_line,
        int_value,
    );
    if !stray_lines.is_empty() {
        // Rows whose labels were lost outside any group: not read, not dealt out (group "").
        unplaced.push((String::new(), String::new(), stray_lines));
    }
    t.unplaced = unplaced;
    t
}

/// How a row's values arrived: on the label's line, on one line after it, or one value per line
/// in a run right after the label (cell per line). Values gathered any other way from several
/// lines may belong to different rows: their order is not a reading.
#[derive(Debug, Clone, Copy)]
struct Spread {
    /// The last line that belongs to the row (label, label continuation, or value).
    last: usize,
    /// Lines that contributed values.
    value_lines: usize,
    /// Whether every value line so far is one value, no label, right after the row's last line.
    run: bool,
}

impl Spread {
    fn start(r: &RowRead) -> Spread {
        Spread {
            last: r.line,
            value_lines: usize::from(r.has_values),
            run: !r.has_values,
        }
    }

    /// A line of `values` values added to the row; `after` is the line of the row read just
    /// before it.
    fn add(&mut self, line: usize, values: usize, no_label: bool, after: usize) {
        if values == 0 {
            return;
        }
        self.run &= values == 1 && no_label && after == self.last;
        self.value_lines += 1;
        self.last = line;
    }

    fn scattered(&self) -> bool {
        self.value_lines > 1 && !self.run
    }
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

/// Places every found row and builds the output table.
pub(crate) fn place(
    found: &[Option<RowRead>],
    labels: &[(&str, &str, Option<&str>)],
    cols: &[(&'static str, &'static str)],
    identities: &[Identity],
    table_line: Option<usize>,
    value: fn(&Cell) -> i64,
) -> TableRead {
    let scattered = vec![false; found.len()];
    place_rows(
        found, &scattered, labels, cols, identities, table_line, value,
    )
}

/// `place`, knowing which rows' values were gathered from scattered lines (their order is not a
/// reading: they are placed as uncertain).
fn place_rows(
    found: &[Option<RowRead>],
    scattered: &[bool],
    labels: &[(&str, &str, Option<&str>)],
    cols: &[(&'static str, &'static str)],
    identities: &[Identity],
    table_line: Option<usize>,
    value: fn(&Cell) -> i64,
) -> TableRead {
    let k = cols.len();
    // Items of each row, its pending placement, and why it is uncertain.
    let mut items: Vec<Items> = Vec::with_capacity(found.len());
    let mut pending: Vec<Option<Pending>> = Vec::with_capacity(found.len());
    let mut whys: Vec<Why> = Vec::with_capacity(found.len());
    for (i, f) in found.iter().enumerate() {
        let Some(r) = f else {
            items.push(Items::Slots(&[]));
            pending.push(None);
            whys.push(Why::Count);
            continue;
        };
        // The identities within this row alone (its total).
        let own_idx: Vec<usize> = (0..identities.len())
            .filter(|&n| {
                let id = &identities[n];
                id.lhs.iter().chain(&id.rhs).all(|&(rr, _)| rr == i)
            })
            .collect();
        let own: Vec<&Identity> = own_idx.iter().map(|&n| &identities[n]).collect();
        let (its, mut p, why) = plan(
            r,
            k,
            value,
            scattered.get(i).copied().unwrap_or(false),
            &own,
        );
        if let Why::Glued { own_used: true, .. } = why {
            p.used.extend(&own_idx);
        }
        items.push(its);
        pending.push(Some(p));
        whys.push(why);
    }
    solve(&mut pending, identities);
    let mut used: Vec<(&'static str, (usize, usize))> = Vec::new();
    for p in pending.iter().flatten() {
        for &u in &p.used {
            let id = &identities[u];
            let k = (id.rule, id.lhs[0]);
            if !used.contains(&k) {
                used.push(k);
            }
        }
    }

    // Money is placed in units of 1/10000 (every written digit kept); candidates are shown in
    // the text's own unit, and only when they are whole numbers (the result holds integers).
    let scale = value(&layout::make_cell("1".into(), "1".into(), 0, 0)).max(1);
    let mut rows = Vec::with_capacity(found.len());
    let mut shapes = Vec::with_capacity(found.len());
    for (i, (rkey, label, block)) in labels.iter().enumerate() {
        let Some(r) = &found[i] else {
            rows.push(RowOut::missing(rkey, label, *block, k));
            shapes.push(Shape::Fits);
            continue;
        };
        let p = pending[i].as_ref().expect("found row has a placement");
        let choice = p.choice();
        let disagreements: Vec<(usize, Vec<i64>)> = p
            .disagreements()
            .into_iter()
            .map(|(c, vs)| {
                if scale == 1 || vs.iter().any(|v| v % scale != 0) {
                    (c, if scale == 1 { vs } else { Vec::new() })
                } else {
                    (c, vs.into_iter().map(|v| v / scale).collect())
                }
            })
            .collect();
        let numbers = r.slots.iter().filter(|c| c.kind != Kind::Blank).count();
        let why = match &whys[i] {
            Why::Count if p.truncated => Why::TooMany,
            w => w.clone(),
        };
        let loose = if p.uncertain { p.loose() } else { Vec::new() };
        let shape = if !p.uncertain {
            Shape::Fits
        } else if disagreements.is_empty() && !p.conflict && !p.truncated {
            Shape::Placed {
                numbers,
                why,
                used: used_names(&p.used.iter().map(|&u| &identities[u]).collect::<Vec<_>>()),
                loose,
            }
        } else {
            Shape::Ambiguous {
                numbers,
                why,
                loose,
            }
        };
        let solved = matches!(whys[i], Why::Glued { .. })
            && disagreements.is_empty()
            && !p.conflict
            && !p.truncated;
        let read = if r.grid {
            Read::Grid
        } else if solved {
            // Glued digits split the only way the row's and the table's identities allow.
            Read::Solved
        } else if p.uncertain {
            Read::Guessed
        } else if r.positional {
            Read::Position
        } else {
            Read::Order
        };
        let mut cells = Vec::with_capacity(k);
        for (c, (ckey, _)) in cols.iter().enumerate() {
            let cell = if let Some((_, vals)) = disagreements.iter().find(|(dc, _)| *dc == c) {
                CellOut {
                    raw: String::new(),
                    value: None,
                    kind: Kind::Ambiguous,
                    line: Some(r.line),
                    column: None,
                    candidates: Some(vals.clone()),
                    read: Read::Guessed,
                }
            } else {
                match choice.get(c).copied().flatten() {
                    Some(it) => CellOut::from_cell(items[i].get(it)),
                    None => CellOut::blank(r.line),
                }
            };
            let mut cell = cell;
            if cell.kind != Kind::Ambiguous {
                cell.read = read;
            }
            cells.push((*ckey, cell));
        }
        rows.push(RowOut {
            key: rkey.to_string(),
            label: label.to_string(),
            found: true,
            line: Some(r.line),
            column: Some(r.col),
            block: block.map(str::to_string),
            raw_label: Some(r.label_raw.clone()),
            found_by: r.found_by,
            numbers,
            expected: k,
            cells,
        });
        shapes.push(shape);
    }
    TableRead {
        out: TableOut {
            found: found.iter().any(Option::is_some),
            line: table_line,
            columns: cols
                .iter()
                .map(|(k, l)| ColumnOut {
                    key: k.to_string(),
                    label: l.to_string(),
                })
                .collect(),
            rows,
        },
        shapes,
        unplaced: Vec::new(),
        captions: Vec::new(),
        column_major: None,
        used,
        columns_note: None,
    }
}

/// The items of a row and how they may be placed into k columns; `scattered` when the values
/// came from several lines that are not one cell-per-line run; `own` the row's own identities,
/// used to split a run of glued digits.
fn plan<'r>(
    r: &'r RowRead,
    k: usize,
    value: fn(&Cell) -> i64,
    scattered: bool,
    own: &[&Identity],
) -> (Items<'r>, Pending, Why) {
    if r.grid && r.slots.len() == k {
        // A grid row: each cell is its column's, blanks included.
        let vals = r.slots.iter().map(value).collect();
        return (Items::Slots(&r.slots), Pending::certain(vals), Why::Count);
    }
    // (All the slots when there is no blank to leave out, as in most rows.)
    let nonblank = if r.slots.iter().all(|c| c.kind != Kind::Blank) {
        Items::Slots(&r.slots)
    } else {
        Items::Picked(r.slots.iter().filter(|c| c.kind != Kind::Blank).collect())
    };
    // One run of digits where a whole row of numbers belongs ("801000081" for 80|1|0|0|0|0|81).
    if nonblank.len() == 1 {
        let c = nonblank.get(0);
        let t = c.text.trim();
        if (r.glued && k >= 2 || !own.is_empty() && k >= 7)
            // (A long run is too large to be one number: invalid as a cell, still splittable.)
            && (c.kind == Kind::Number || layout::is_implausible(t) || r.glued)
            && (k..=MAX_GLUED).contains(&t.len())
            && (t.bytes().all(|b| b.is_ascii_digit())
                // A one-line table's run may hold signs and decimal points (part 二's 本年增/减,
                // amounts): split only where no identity is needed to sum pieces (elsewhere the
                // row is not read).
                || r.glued
                    && t.bytes().any(|b| b.is_ascii_digit())
                    && t
                        .bytes()
                        .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.')))
        {
            // The row's own identities as column lists.
            let own: Vec<(Vec<usize>, Vec<usize>)> = own
                .iter()
                .map(|id| {
                    (
                        id.lhs.iter().map(|&(_, c)| c).collect(),
                        id.rhs.iter().map(|&(_, c)| c).collect(),
                    )
                })
                .collect();
            // Where each digit stands in the raw text (stray spaces between glued cells are
            // kept there, so the pieces point at the user's characters).
            let raw: Vec<char> = c.raw.chars().collect();
            let mut at: Vec<usize> = (0..raw.len())
                .filter(|&x| !raw[x].is_whitespace())
                .collect();
            let raw = if at.len() == t.len() {
                raw
            } else {
                at = (0..t.len()).collect();
                t.chars().collect()
            };
            // A space in the run stands between two cells: a piece starts after it.
            let breaks: Vec<bool> = (0..at.len())
                .map(|i| i > 0 && at[i] > at[i - 1] + 1)
                .collect();
            let (splits, cut, own_used) = split_digits(t, k, &own, &breaks);
            let mut items = Vec::with_capacity(splits.len() * k);
            let mut vectors = Vec::with_capacity(splits.len());
            for sp in &splits {
                let mut v = Vec::with_capacity(k);
                for &(start, len) in sp {
                    let text = t[start..start + len].to_string();
                    let rw: String = raw[at[start]..=at[start + len - 1]].iter().collect();
                    let cell = layout::make_cell(rw, text, c.line, c.col + at[start]);
                    v.push(value(&cell));
                    items.push(cell);
                }
                vectors.push(v);
            }
            let p = Pending::explicit(&vectors, k, cut || splits.is_empty());
            return (
                Items::Cut(items),
                p,
                Why::Glued {
                    digits: t.to_string(),
                    own_used,
                },
            );
        }
    }
    if r.positional && !scattered {
        let mut s: &[Cell] = &r.slots;
        // More fields than columns: extra blank fields at the front (a label cell spanning two
        // columns), then at the end, are not columns. The values are the last k fields.
        while s.len() > k && s.first().is_some_and(|c| c.kind == Kind::Blank) {
            s = &s[1..];
        }
        while s.len() > k && s.last().is_some_and(|c| c.kind == Kind::Blank) {
            s = &s[..s.len() - 1];
        }
        if s.len() == k {
            let vals = s.iter().map(value).collect();
            return (Items::Slots(s), Pending::certain(vals), Why::Count);
        }
    }
    let vals: Vec<i64> = (0..nonblank.len())
        .map(|i| value(nonblank.get(i)))
        .collect();
    if nonblank.is_empty() {
        let mut p = Pending::certain(Vec::new());
        p.candidates = vec![vec![None; k]];
        p.hint = vec![None; k];
        return (nonblank, p, Why::Count);
    }
    if nonblank.len() == k && !scattered {
        return (nonblank, Pending::certain(vals), Why::Count);
    }
    let why = if scattered { Why::Lines } else { Why::Count };
    (nonblank, Pending::uncertain(vals, k), why)
}

/// The cells a row's numbers are placed from: its slots or the non-blank ones among them, or
/// the cells cut from a run of glued digits.
enum Items<'r> {
    Slots(&'r [Cell]),
    Picked(Vec<&'r Cell>),
    Cut(Vec<Cell>),
}

impl Items<'_> {
    fn len(&self) -> usize {
        match self {
            Items::Slots(s) => s.len(),
            Items::Picked(p) => p.len(),
            Items::Cut(c) => c.len(),
        }
    }

    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn get(&self, i: usize) -> &Cell {
        match self {
            Items::Slots(s) => &s[i],
            Items::Picked(p) => p[i],
            Items::Cut(c) => &c[i],
        }
    }
}

/// Longest run of glued digits we try to split.
const MAX_GLUED: usize = 40;

/// Every way to cut a run of digits into k numbers (no leading zeros except "0" itself, at most
/// 6 digits each) for which the row's own identities hold, as (start, length) pieces; and
/// whether the search was cut short (then the row is not read); and whether the identities
/// removed a way to cut (then they were used to read the row, not checked by it). `breaks[i]`
/// says a piece must start at byte `i` (a space stood before it).
fn split_digits(
    d: &str,
    k: usize,
    own: &[(Vec<usize>, Vec<usize>)],
    breaks: &[bool],
) -> (Vec<Vec<(usize, usize)>>, bool, bool) {
    const MAX_LEN: usize = 6;
    // A piece with a sign or a decimal point: "-524", "5927.29".
    const MAX_SIGNED: usize = 10;
    /// A number as a piece of a glued run: an optional sign, digits without a leading zero
    /// (but "0"), an optional decimal point followed by digits.
    fn valid_piece(p: &[u8]) -> bool {
        let p = p
            .strip_prefix(b"-")
            .or_else(|| p.strip_prefix(b"+"))
            .unwrap_or(p);
        let (int, frac) = match p.iter().position(|&b| b == b'.') {
            Some(i) => (&p[..i], Some(&p[i + 1..])),
            None => (p, None),
        };
        !int.is_empty()
            && int.iter().all(u8::is_ascii_digit)
            && (int.len() == 1 || int[0] != b'0')
            && frac.is_none_or(|f| !f.is_empty() && f.iter().all(u8::is_ascii_digit))
    }
    const BUDGET: usize = 2_000_000;
    const MAX_OUT: usize = 2000;
    struct S<'a> {
        b: &'a [u8],
        breaks: &'a [bool],
        k: usize,
        own: &'a [(Vec<usize>, Vec<usize>)],
        last: Vec<usize>,
        cur: Vec<(usize, usize, i64)>,
        out: Vec<Vec<(usize, usize)>>,
        steps: usize,
        cut: bool,
        pruned: bool,
        /// Digits only (else signs and decimal points too).
        plain: bool,
    }
    fn rec(s: &mut S, pos: usize) {
        if s.cut {
            return;
        }
        s.steps += 1;
        if s.steps > BUDGET || s.out.len() > MAX_OUT {
            s.cut = true;
            return;
        }
        let c = s.cur.len();
        let n = s.b.len();
        if c == s.k {
            if pos == n {
                s.out.push(s.cur.iter().map(|&(a, l, _)| (a, l)).collect());
            }
            return;
        }
        let max_len = if s.plain { MAX_LEN } else { MAX_SIGNED };
        for len in 1..=max_len {
            if pos + len > n
                || (s.plain && len > 1 && s.b[pos] == b'0')
                || (len > 1 && s.breaks.get(pos + len - 1).copied().unwrap_or(false))
            {
                break;
            }
            let rest = n - pos - len;
            let left = s.k - c - 1;
            if rest < left || rest > left * max_len {
                continue;
            }
            if !s.plain && !valid_piece(&s.b[pos..pos + len]) {
                continue;
            }
            // (Pieces with a sign or a point have no identities to sum them: their value is 0.)
            let v: i64 = if s.plain {
                s.b[pos..pos + len]
                    .iter()
                    .fold(0, |a, d| a * 10 + i64::from(d - b'0'))
            } else {
                0
            };
            s.cur.push((pos, len, v));
            let ok = s.own.iter().zip(&s.last).all(|((l, r), &lc)| {
                lc != c || {
                    let sum =
                        |cs: &[usize]| cs.iter().map(|&x| i128::from(s.cur[x].2)).sum::<i128>();
                    sum(l) == sum(r)
                }
            });
            if ok {
                rec(s, pos + len);
            } else {
                s.pruned = true;
            }
            s.cur.pop();
        }
    }
    let plain = d.bytes().all(|b| b.is_ascii_digit());
    if !plain && !own.is_empty() {
        // Signs or points where identities must sum the pieces: not split, not read.
        return (Vec::new(), true, false);
    }
    let last = own
        .iter()
        .map(|(l, r)| l.iter().chain(r).copied().max().unwrap_or(0))
        .collect();
    let mut s = S {
        b: d.as_bytes(),
        breaks,
        k,
        own,
        last,
        cur: Vec::with_capacity(k),
        out: Vec::new(),
        steps: 0,
        cut: false,
        pruned: false,
        plain,
    };
    rec(&mut s, 0);
    (s.out, s.cut, s.pruned)
}

// ---------------------------------------------------------------- part 四

pub fn read_appeals(lines: &[Line]) -> TableRead {
    if let Some(t) = crate::colmajor::read_appeals(lines) {
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

// ---------------------------------------------------------------- part 二

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

/// Part 二's rows flattened over its blocks: (block index, row key, row label), and each row
/// label prepared for matching (once per format).
pub(crate) type ActiveSpecs = Vec<(usize, &'static str, &'static str)>;

pub(crate) fn active_specs(format: Format) -> &'static (ActiveSpecs, Vec<Official>) {
    use std::sync::OnceLock;
    static CACHE: [OnceLock<(ActiveSpecs, Vec<Official>)>; 2] = [OnceLock::new(), OnceLock::new()];
    let slot = match format {
        Format::F2019 => &CACHE[0],
        Format::F2021 => &CACHE[1],
    };
    slot.get_or_init(|| {
        let specs: ActiveSpecs = active_blocks(format)
            .iter()
            .enumerate()
            .flat_map(|(b, blk)| blk.rows.iter().map(move |(k, l)| (b, *k, *l)))
            .collect();
        let keys = specs.iter().map(|s| Official::new(s.2)).collect();
        (specs, keys)
    })
}

/// The part 二 row one of `found` keys names (exact, or similar enough for a label of three or
/// more characters), preferring a row of the current `block`.
pub(crate) fn best_active_row(
    found: &[String],
    keys: &[Official],
    specs: &ActiveSpecs,
    block: Option<usize>,
) -> Option<usize> {
    let mut best: Option<(usize, f32)> = None;
    for k in found {
        let kc: Vec<char> = k.chars().collect();
        for (i, off) in keys.iter().enumerate() {
            let exact = *k == off.full;
            // Below 1.0 a label of fewer than three characters does not count: not scored.
            if !exact && off.full_c.len() < 3 {
                continue;
            }
            let mut s = if exact {
                1.0
            } else {
                similarity_chars(&kc, &off.full_c)
            };
            if s < 1.0 && (s < 0.8 || off.full_c.len() < 3) {
                continue;
            }
            if Some(specs[i].0) == block {
                s += 0.01;
            }
            if best.is_none_or(|(_, b)| s > b) {
                best = Some((i, s));
            }
        }
    }
    // A label one character off, or the end of a long one, when no other row is as close.
    best.map(|(i, _)| i)
        .or_else(|| crate::labels::only_near(found, keys, 0, keys.len()))
}

/// Places part 二's rows block by block (each block has its own columns): the rows, their
/// shapes, and whether any row was found. `specs` are (block index, row key, row label); the
/// rows read are taken out of `found`.
pub(crate) fn place_active_blocks(
    blocks: &[crate::spec::ActiveBlock],
    specs: &[(usize, &str, &str)],
    mut found: Vec<Option<RowRead>>,
) -> (Vec<RowOut>, Vec<Shape>, bool) {
    let mut rows = Vec::new();
    let mut shapes = Vec::new();
    let mut any = false;
    for (b, blk) in blocks.iter().enumerate() {
        let idx: Vec<usize> = (0..specs.len()).filter(|&i| specs[i].0 == b).collect();
        let f: Vec<Option<RowRead>> = idx.iter().map(|&i| found[i].take()).collect();
        let labels: Vec<(&str, &str, Option<&str>)> = idx
            .iter()
            .map(|&i| (specs[i].1, specs[i].2, Some(blk.item)))
            .collect();
        let cols: Vec<(&str, &str)> = blk.columns.iter().map(|c| (c.0, c.1)).collect();
        let value = if blk.columns.iter().any(|c| c.2 == ColKind::Money) {
            money_value
        } else {
            int_value
        };
        let t = place(&f, &labels, &cols, &[], None, value);
        any |= t.out.found;
        rows.extend(t.out.rows);
        shapes.extend(t.shapes);
    }
    (rows, shapes, any)
}

pub fn read_active(lines: &[Line], format: Format) -> TableRead {
    let blocks = active_blocks(format);
    let (specs, keys) = active_specs(format);
    let mut found: Vec<Option<RowRead>> = vec![None; specs.len()];
    let mut captions = Vec::new();
    let mut cur: Option<usize> = None;
    let mut table_line = None;
    let mut block: Option<usize> = None;
    let widths: Vec<usize> = blocks.iter().map(|b| b.columns.len()).collect();
    let firsts: Vec<&str> = blocks.iter().map(|b| b.columns[0].1).collect();
    for row in rows_of(lines, &widths, &firsts) {
        // A caption ("第二十条第（一）项") is short and names an article and an item: the
        // cells' text is joined only for a row that may be one.
        let has = |ch: char| row.cells.iter().any(|c| c.text.contains(ch));
        let short = || {
            row.cells
                .iter()
                .map(|c| c.text.chars().count())
                .sum::<usize>()
                < 30
        };
        if has('条') && has('项') && short() {
            let joined: String = row.cells.iter().map(|c| c.text.as_str()).collect();
            if let Some((article, item)) = parse_caption(&joined) {
                let first = row.cells.iter().find(|c| c.kind != Kind::Blank);
                captions.push(Caption {
                    line: row.line,
                    col: first.map(|c| c.col).unwrap_or(1),
                    raw: row
                        .cells
                        .iter()
                        .map(|c| c.raw.as_str())
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join(" "),
                    article,
                    item: item.clone(),
                });
                block = item.and_then(|it| blocks.iter().position(|b| b.item == it));
                table_line.get_or_insert(row.line);
                cur = None;
                continue;
            }
        }
        let Row {
            line,
            sep,
            cells,
            glued,
        } = row;
        let has_values = cells.iter().any(|c| c.is_value);
        let (label, slots) = label_and_slots(cells);
        let lk = label_keys(&label);
        if let Some(i) = best_active_row(&lk, keys, specs, block) {
            if found[i].is_none() {
                let mut r = RowRead::new(line, sep, &label, slots);
                r.glued = glued;
                found[i] = Some(r);
                cur = Some(i);
                table_line.get_or_insert(line);
                continue;
            }
        }
        if has_values && label.is_empty() {
            if let Some(i) = cur {
                let want = blocks[specs[i].0].columns.len();
                if let Some(r) = found[i].as_mut() {
                    if r.numbers() < want {
                        r.add(sep, slots);
                    }
                }
            }
        }
    }
    let (rows, shapes, any) = place_active_blocks(blocks, specs, found);
    let mut t = TableRead {
        out: TableOut {
            found: any || !captions.is_empty(),
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
    };
    crate::colmajor::read_active(lines, format, &mut t);
    t
}

#[cfg(test)]
mod sibling_tests {
    use super::*;

    #[test]
    fn sibling_bits_are_the_words_contained() {
        for k in [
            "本年新收",
            "上年结转政府信息公开申请数量",
            "不予公开",
            "自然人法人",
            "维持纠正",
            "结转下年予以部分处理提供",
            "",
        ] {
            let mut want = 0;
            let words = SIBLING_WORDS.iter().flat_map(|s| s.iter());
            for (i, w) in words.enumerate() {
                if k.contains(w) {
                    want |= 1 << i;
                }
            }
            assert_eq!(sibling_bits(k), want, "{k}");
        }
    }

    #[test]
    fn sibling_labels_never_match_each_other() {
        let rows: Vec<Official> = request_rows(Format::F2021)
            .iter()
            .map(|r| Official::new(r.label))
            .collect();
        // 上年结转 is row 2, never row 1 (本年新收), even from the cursor at row 1.
        let k = vec![key("二、上年结转政府信息公开申请数量")];
        assert_eq!(best_row(&k, &rows, 0).map(|b| b.0), Some(1));
        let k = vec![key("本年新收政府信息公开申请数")];
        assert_eq!(best_row(&k, &rows, 1), None);
        assert!(siblings_differ("予以公开", "不予公开"));
        assert!(siblings_differ("本年新收", "上年结转"));
        assert!(!siblings_differ("要求提供公开出版物", "不予公开"));
        let groups: Vec<(&str, Official)> =
            GROUPS.iter().map(|(g, l)| (*g, Official::new(l))).collect();
        assert_eq!(group_of(&key("（一）予以公开"), &groups), None);
        assert_eq!(group_of(&key("（三）不予公开"), &groups), Some("3.3"));
    }
}
