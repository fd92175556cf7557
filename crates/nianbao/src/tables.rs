//! Reading the three tables (parts 二, 三, 四) out of whatever layout the text has.
//!
//! Rows are anchored on their labels (fuzzy: spaces, punctuation width, OCR slips, labels broken
//! across lines), never on the running order of a stream of numbers. A row's numbers are the
//! value cells after its label, on its own line or, when the label line has none, on the lines
//! that follow (one cell per line). Sub-rows whose labels were lost are placed by their position
//! within their group when the count fits. Which column each number belongs to is decided in
//! `placement`.

use crate::layout::{self, Cell, Kind, Row, Sep};
use crate::normalize::{key, similarity, similarity_chars, strip_numbering, Line};
use crate::placement::{solve, Pending};
use crate::result::{CellOut, ColumnOut, Read, RowOut, TableOut};
use crate::spec::{
    active_blocks, appeal_identities, request_identities, request_rows, ColKind, Format, Identity,
    APPEAL_COLS, GROUPS, REQUEST_COLS,
};

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
}

impl RowRead {
    fn new(row: &Row, label: &[&Cell], slots: Vec<Cell>) -> RowRead {
        let first = label.first().copied();
        let mut r = RowRead {
            line: row.line,
            col: first.map(|c| c.col).unwrap_or(1),
            label_raw: label
                .iter()
                .map(|c| c.raw.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            ..Default::default()
        };
        r.add(row.sep, slots);
        r
    }

    fn numbers(&self) -> usize {
        self.slots.iter().filter(|c| c.is_value).count()
    }

    fn add(&mut self, sep: Sep, slots: Vec<Cell>) {
        let has = slots.iter().any(|c| c.is_value);
        if !self.has_values {
            if has || self.slots.is_empty() {
                self.slots = slots;
                self.positional = sep != Sep::Space;
            }
        } else {
            self.slots.extend(slots.into_iter().filter(|c| c.is_value));
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
    Placed { numbers: usize },
    /// Could not be placed: cells where candidates differ are ambiguous.
    Ambiguous { numbers: usize },
}

/// A table read and placed.
#[derive(Debug, Clone)]
pub struct TableRead {
    pub out: TableOut,
    /// Per output row: the shape.
    pub shapes: Vec<Shape>,
    /// Rows whose labels were lost and could not be placed: (group key, group label, lines).
    pub unplaced: Vec<(String, String, Vec<usize>)>,
    /// Captions of part 二's blocks: (line, column, raw text, article, item).
    pub captions: Vec<Caption>,
    /// Whether the numbers came column by column and were dealt out to the rows.
    pub column_major: bool,
}

#[derive(Debug, Clone)]
pub struct Caption {
    pub line: usize,
    pub col: usize,
    pub raw: String,
    pub article: Option<String>,
    pub item: Option<String>,
}

fn rows_of(lines: &[Line]) -> Vec<Row> {
    lines.iter().filter_map(layout::split).collect()
}

/// Splits a row into label cells (text before the first value) and the cells after them.
fn label_and_slots(row: &Row) -> (Vec<&Cell>, Vec<Cell>) {
    let first_value = row
        .cells
        .iter()
        .position(|c| c.is_value)
        .unwrap_or(row.cells.len());
    let label: Vec<&Cell> = row.cells[..first_value]
        .iter()
        .filter(|c| c.kind != Kind::Blank)
        .collect();
    let last_label = row.cells[..first_value]
        .iter()
        .rposition(|c| c.kind != Kind::Blank);
    let start = match last_label {
        Some(i) => i + 1,
        None => 0,
    };
    (label, row.cells[start..].to_vec())
}

/// Keys to try for a row's label: each label cell, and each cell joined with the next (a label
/// split over two cells, "7.属于行政执法 | 案卷").
fn label_keys(label: &[&Cell]) -> Vec<String> {
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
fn word_keys(label: &[&Cell]) -> Vec<String> {
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
}

impl Official {
    pub(crate) fn new(label: &str) -> Official {
        let full = key(label);
        let core = strip_numbering(&full).to_string();
        Official {
            full_c: full.chars().collect(),
            core_c: core.chars().collect(),
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
    for k in keys {
        let c = strip_numbering(k);
        let kc: Vec<char> = k.chars().collect();
        let cc: Vec<char> = c.chars().collect();
        for (i, o) in rows.iter().enumerate().skip(cursor) {
            let exactish = *k == o.full
                || (o.core_c.len() >= 4 && c == o.core)
                || (cc.len() >= 4 && o.core.starts_with(c))
                // The next expected row, its label cut short ("（一）予").
                || (i == cursor && c != k.as_str() && !c.is_empty() && o.full.starts_with(k.as_str()));
            let s = if exactish {
                1.0
            } else if i < cursor + 8 && kc.len() >= 2 {
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
    best
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
                || similarity_chars(&cc, &g.core_c) >= 0.75
        })
        .map(|(k, _)| *k)
}

// ---------------------------------------------------------------- part 三

pub fn read_requests(lines: &[Line], format: Format) -> TableRead {
    let specs = request_rows(format);
    let officials: Vec<Official> = specs.iter().map(|r| Official::new(r.label)).collect();
    let groups: Vec<(&str, Official)> = GROUPS
        .iter()
        .filter(|(g, _)| format == Format::F2021 || *g != "3.6")
        .map(|(g, l)| (*g, Official::new(l)))
        .collect();

    let mut found: Vec<Option<RowRead>> = vec![None; specs.len()];
    let mut unlabeled: Vec<(&str, RowRead)> = Vec::new();
    // Values after the table's last row that no row took.
    let mut stray: Vec<Cell> = Vec::new();
    enum Cur {
        None,
        Row(usize),
        Unlabeled(usize),
    }
    let mut cur = Cur::None;
    let mut cursor = 0;
    let mut group: Option<&str> = None;
    let mut started = false;
    let mut table_line = None;

    for row in rows_of(lines) {
        let (label, slots) = label_and_slots(&row);
        let keys = label_keys(&label);
        let group_hit = keys.iter().rev().find_map(|k| group_of(k, &groups));
        // The best row from the cursor on: exact and prefix matches first, then fuzzy ones
        // among the next few rows; whole cells first, then runs of words.
        let mut best = best_row(&keys, &officials, cursor);
        if best.is_none() && label.iter().any(|c| c.text.contains(' ')) {
            best = best_row(&word_keys(&label), &officials, cursor);
        }
        if let Some(g) = group_hit {
            group = Some(g);
        }
        if let Some((i, _)) = best {
            found[i] = Some(RowRead::new(&row, &label, slots));
            cursor = i + 1;
            cur = Cur::Row(i);
            group = specs[i].group.or(group_hit);
            started = true;
            table_line.get_or_insert(row.line);
            continue;
        }
        if row.has_values() {
            if let Some(g) = group_hit.filter(|g| *g != "3") {
                // A group label with numbers but no sub-label: the group's first unlabeled row.
                unlabeled.push((g, RowRead::new(&row, &label, slots)));
                cur = Cur::Unlabeled(unlabeled.len() - 1);
                if let Some(first) = specs.iter().position(|r| r.group == Some(g)) {
                    cursor = cursor.max(first);
                }
                started = true;
                continue;
            }
            if !started {
                continue;
            }
            let target = match cur {
                Cur::Row(i) => found[i].as_mut(),
                Cur::Unlabeled(u) => Some(&mut unlabeled[u].1),
                Cur::None => None,
            };
            match target {
                // Label text that matches nothing, with numbers: the rest of the current row.
                Some(t) if t.numbers() < 7 || !label.is_empty() => t.add(row.sep, slots),
                _ => {
                    if let Some(g) = group.filter(|g| *g != "3") {
                        unlabeled.push((g, RowRead::new(&row, &label, slots)));
                        cur = Cur::Unlabeled(unlabeled.len() - 1);
                    } else {
                        stray.extend(slots.into_iter().filter(|c| c.is_value));
                    }
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
                }
            }
        }
    }

    let column_major = transpose_if_column_major(&mut found, stray);

    // Sub-rows whose labels were lost: by position within their group, when the count fits.
    let mut unplaced = Vec::new();
    let mut gkeys: Vec<&str> = unlabeled.iter().map(|(g, _)| *g).collect();
    gkeys.dedup();
    for g in gkeys {
        let rows: Vec<RowRead> = unlabeled
            .iter()
            .filter(|(gg, _)| *gg == g)
            .map(|(_, r)| r.clone())
            .collect();
        let missing: Vec<usize> = (0..specs.len())
            .filter(|&i| specs[i].group == Some(g) && found[i].is_none())
            .collect();
        if rows.len() == missing.len() {
            for (i, r) in missing.into_iter().zip(rows) {
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
    let mut t = place(
        &found,
        &labels,
        &REQUEST_COLS.iter().map(|c| (c.0, c.1)).collect::<Vec<_>>(),
        &request_identities(format),
        table_line,
        int_value,
    );
    t.unplaced = unplaced;
    t.column_major = column_major;
    t
}

/// PDF text taken column by column: every label first (rows with no numbers), then each column's
/// numbers in turn, which the reader collected under the last row and after it. When the count
/// is exactly rows × 7, the numbers are dealt out column by column. Returns whether it did so.
fn transpose_if_column_major(found: &mut [Option<RowRead>], stray: Vec<Cell>) -> bool {
    let idx: Vec<usize> = (0..found.len()).filter(|&i| found[i].is_some()).collect();
    let Some(&last) = idx.last() else {
        return false;
    };
    let rows = idx.len();
    let empty = idx
        .iter()
        .filter(|&&i| found[i].as_ref().is_some_and(|r| r.numbers() == 0))
        .count();
    if rows < 5 || empty + 1 != rows {
        return false;
    }
    let mut pool: Vec<Cell> = found[last]
        .as_ref()
        .map(|r| r.slots.iter().filter(|c| c.is_value).cloned().collect())
        .unwrap_or_default();
    pool.extend(stray);
    if pool.len() != rows * 7 {
        return false;
    }
    for (r, &i) in idx.iter().enumerate() {
        if let Some(row) = found[i].as_mut() {
            row.slots = (0..7).map(|c| pool[c * rows + r].clone()).collect();
            row.positional = false;
            row.has_values = true;
        }
    }
    true
}

pub(crate) fn int_value(c: &Cell) -> i64 {
    match (c.kind, c.value) {
        (Kind::Number, Some(v)) if v.fract() == 0.0 => v as i64,
        _ => 0,
    }
}

pub(crate) fn money_value(c: &Cell) -> i64 {
    match (c.kind, c.value) {
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
    let k = cols.len();
    // Items of each row, and its pending placement.
    let mut items: Vec<Vec<Cell>> = Vec::with_capacity(found.len());
    let mut pending: Vec<Option<Pending>> = Vec::with_capacity(found.len());
    for f in found {
        let Some(r) = f else {
            items.push(Vec::new());
            pending.push(None);
            continue;
        };
        let (its, p) = plan(r, k, value);
        items.push(its);
        pending.push(Some(p));
    }
    solve(&mut pending, identities);

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
        let disagreements = p.disagreements();
        let numbers = items[i].iter().filter(|c| c.kind != Kind::Blank).count();
        let shape = if !p.uncertain {
            Shape::Fits
        } else if disagreements.is_empty() && !p.conflict {
            Shape::Placed { numbers }
        } else {
            Shape::Ambiguous { numbers }
        };
        let read = if r.grid {
            Read::Grid
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
                    Some(it) => CellOut::from_cell(&items[i][it]),
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
        column_major: false,
    }
}

/// The items of a row and how they may be placed into k columns.
fn plan(r: &RowRead, k: usize, value: fn(&Cell) -> i64) -> (Vec<Cell>, Pending) {
    if r.grid && r.slots.len() == k {
        // A grid row: each cell is its column's, blanks included.
        let vals = r.slots.iter().map(value).collect();
        return (r.slots.clone(), Pending::certain(vals));
    }
    let nonblank: Vec<Cell> = r
        .slots
        .iter()
        .filter(|c| c.kind != Kind::Blank)
        .cloned()
        .collect();
    if r.positional {
        let mut s: &[Cell] = &r.slots;
        while s.last().is_some_and(|c| c.kind == Kind::Blank) {
            s = &s[..s.len() - 1];
        }
        while s.len() > k && s.first().is_some_and(|c| c.kind == Kind::Blank) {
            s = &s[1..];
        }
        if s.len() == k {
            let vals = s.iter().map(value).collect();
            return (s.to_vec(), Pending::certain(vals));
        }
    }
    let vals: Vec<i64> = nonblank.iter().map(value).collect();
    if nonblank.is_empty() {
        let mut p = Pending::certain(Vec::new());
        p.candidates = vec![vec![None; k]];
        p.hint = vec![None; k];
        return (nonblank, p);
    }
    if nonblank.len() == k {
        return (nonblank, Pending::certain(vals));
    }
    (nonblank, Pending::uncertain(vals, k))
}

// ---------------------------------------------------------------- part 四

pub fn read_appeals(lines: &[Line]) -> TableRead {
    let rows = rows_of(lines);
    let mut read: Option<RowRead> = None;
    let mut table_line = None;
    for row in &rows {
        if !row.has_values() || is_prose(row) {
            continue;
        }
        let values: Vec<Cell> = row.cells.clone();
        table_line.get_or_insert(row.line);
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
                    ..Default::default()
                };
                // Leading label text (a header word) is not a value.
                let (_, slots) = label_and_slots(row);
                r.add(row.sep, if slots.is_empty() { values } else { slots });
                read = Some(r);
            }
            Some(r) => {
                let (_, slots) = label_and_slots(row);
                r.add(row.sep, slots);
            }
        }
    }
    let found = vec![read];
    let cols: Vec<(&str, &str)> = APPEAL_COLS.iter().map(|c| (c.0, c.1)).collect();
    place(
        &found,
        &[("appeals", "行政复议、行政诉讼", None)],
        &cols,
        &appeal_identities(),
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

pub fn read_active(lines: &[Line], format: Format) -> TableRead {
    let blocks = active_blocks(format);
    // Flattened rows: (block index, row key, row label).
    let specs: Vec<(usize, &str, &str)> = blocks
        .iter()
        .enumerate()
        .flat_map(|(b, blk)| blk.rows.iter().map(move |(k, l)| (b, *k, *l)))
        .collect();
    let keys: Vec<String> = specs.iter().map(|s| key(s.2)).collect();
    let mut found: Vec<Option<RowRead>> = vec![None; specs.len()];
    let mut captions = Vec::new();
    let mut cur: Option<usize> = None;
    let mut table_line = None;
    let mut block: Option<usize> = None;
    for row in rows_of(lines) {
        let joined: String = row.cells.iter().map(|c| c.text.as_str()).collect();
        if joined.contains('条') && joined.contains('项') && joined.chars().count() < 30 {
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
        let (label, slots) = label_and_slots(&row);
        let lk = label_keys(&label);
        let mut best: Option<(usize, f32)> = None;
        for k in &lk {
            for (i, off) in keys.iter().enumerate() {
                let mut s = if k == off { 1.0 } else { similarity(k, off) };
                if s < 1.0 && (s < 0.8 || off.chars().count() < 3) {
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
        if let Some((i, _)) = best {
            if found[i].is_none() {
                found[i] = Some(RowRead::new(&row, &label, slots));
                cur = Some(i);
                table_line.get_or_insert(row.line);
                continue;
            }
        }
        if row.has_values() && label.is_empty() {
            if let Some(i) = cur {
                let want = blocks[specs[i].0].columns.len();
                if let Some(r) = found[i].as_mut() {
                    if r.numbers() < want {
                        r.add(row.sep, slots);
                    }
                }
            }
        }
    }
    // Place each block on its own (its rows have their own column count).
    let mut rows = Vec::new();
    let mut shapes = Vec::new();
    let mut any = false;
    for (b, blk) in blocks.iter().enumerate() {
        let idx: Vec<usize> = (0..specs.len()).filter(|&i| specs[i].0 == b).collect();
        let f: Vec<Option<RowRead>> = idx.iter().map(|&i| found[i].clone()).collect();
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
    TableRead {
        out: TableOut {
            found: any || !captions.is_empty(),
            line: table_line,
            columns: Vec::new(),
            rows,
        },
        shapes,
        unplaced: Vec::new(),
        captions,
        column_major: false,
    }
}
