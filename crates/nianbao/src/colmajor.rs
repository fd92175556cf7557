//! Tables whose text was taken column by column (what pdfminer-style extractors and some PDF
//! viewers' copy give): a run of row labels, then the column headers, then each column's values
//! top to bottom, one per line. A blank cell leaves nothing; a table broken by a page comes as a
//! second run of labels and values (a segment).
//!
//! The table is put back column by column. Within a segment of R rows and K columns with N
//! values, the K·R − N blanks can fall anywhere: every way they can fall that keeps the table's
//! identities (blank counted as 0) is a solution, and a cell is read (`Read::Transposed`) only
//! when every solution gives it the same value (or the same blank). When no blank is missing
//! (N = K·R) there is one way, and the identities are not used: a real error stays an error.
//! Cells the solutions disagree on are not read; a table that cannot be put back at all (too
//! many values, no placement keeps the identities, too many placements) is not read, and says
//! why. Numbers are never dealt out to rows by count.

use crate::layout::{Cell, Kind, Row, Sep};
use crate::normalize::{key, Line};
use crate::result::{CellOut, ColumnOut, FoundBy, Read, RowOut, TableOut};
use crate::spec::{active_blocks, request_identities, Format, Identity, REQUEST_COLS};
use crate::tables::{
    best_active_row, best_row, group_of, label_and_slots, label_keys, request_officials, rows_of,
    word_keys, Shape, TableRead,
};
use std::collections::HashMap;

/// What reading a table column by column gave: shown on the part's card.
#[derive(Debug, Clone, Default)]
pub struct ColumnMajor {
    /// Runs of labels and values (more than one when the table breaks at a page).
    pub segments: usize,
    /// Cells of the rows found, and how many of them were read.
    pub cells: usize,
    pub read: usize,
    /// Rows (short names) with a cell that could not be read.
    pub unread_rows: Vec<String>,
    /// Rows (short names) every cell of which was read.
    pub read_rows: Vec<String>,
    /// The identities that decided where blanks fall (named for messages); empty when no blank
    /// had to be placed.
    pub used: Vec<String>,
    /// Why nothing could be put back (zh, en), when so.
    pub failed: Option<(String, String)>,
}

// ---------------------------------------------------------------- solving

/// One run of labels and values: the table rows (indices) in order, and the values that follow.
#[derive(Debug, Clone, Default)]
struct Seg {
    rows: Vec<usize>,
    values: Vec<Cell>,
}

/// What one placement puts in a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pick {
    Blank,
    /// A value: (segment, index among its values).
    Item(usize, usize),
    /// A 0 or a blank: the placement has zeros and blanks in a run of cells and does not say
    /// which is which.
    ZeroOrBlank,
}

/// What every placement together says about a cell.
#[derive(Debug, Clone, PartialEq)]
enum Union {
    Unset,
    Blank,
    Item(usize, usize),
    /// Placements disagree: the values it could hold.
    Unknown(Vec<i64>),
}

/// A column of one segment placed: each cell's value (blank = 0) and pick.
#[derive(Debug, Clone)]
struct Layout {
    vals: Vec<i64>,
    picks: Vec<Pick>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fail {
    /// More values than cells in a segment: (segment, values, cells).
    TooMany(usize, usize, usize),
    /// No placement keeps the identities.
    NoSolution,
    /// Too many placements to try.
    Budget,
    /// The values satisfy the identities read row by row, not column by column.
    Order,
    /// Rows whose labels were not recognised were added by position, and the identities do not
    /// hold over the result.
    Gap,
}

/// Most placements of one column's run, of all runs together (memory), and search steps.
const MAX_LAYOUTS: usize = 20_000;
const MAX_CACHED: usize = 200_000;
const MAX_NODES: usize = 400_000;

fn is_zero(c: &Cell) -> bool {
    c.kind == Kind::Number && c.value == Some(0.0)
}

/// Every way `run` fills `r` cells in order with `r − run.len()` blanks, up to which zeros are
/// blanks: the non-zero values' positions, with the zeros and blanks between them.
fn layouts(
    seg: usize,
    start: usize,
    run: &[Cell],
    r: usize,
    value: fn(&Cell) -> i64,
) -> Option<Vec<Layout>> {
    let n = run.len();
    let m = r - n;
    // Significant items (not a plain 0), and the zeros before each (and after the last).
    let sig: Vec<usize> = (0..n).filter(|&i| !is_zero(&run[i])).collect();
    let k = sig.len();
    // C(m + k, k) placements of the slack into k + 1 gaps.
    let mut count: usize = 1;
    for i in 0..k.min(m) {
        count = count.saturating_mul(m + k - i) / (i + 1);
        if count > MAX_LAYOUTS {
            return None;
        }
    }
    let mut zeros = Vec::with_capacity(k + 1);
    let mut prev = 0;
    for &s in &sig {
        zeros.push(s - prev);
        prev = s + 1;
    }
    zeros.push(n - prev);
    let mut out = Vec::new();
    let mut slack = vec![0usize; k + 1];
    fn rec(j: usize, left: usize, slack: &mut Vec<usize>, emit: &mut dyn FnMut(&[usize])) {
        if j + 1 == slack.len() {
            slack[j] = left;
            emit(slack);
            return;
        }
        for s in 0..=left {
            slack[j] = s;
            rec(j + 1, left - s, slack, emit);
        }
    }
    let mut emit = |slack: &[usize]| {
        let mut vals = Vec::with_capacity(r);
        let mut picks = Vec::with_capacity(r);
        let mut item = 0;
        for j in 0..=k {
            let (z, s) = (zeros[j], slack[j]);
            for t in 0..z + s {
                vals.push(0);
                picks.push(if s == 0 {
                    Pick::Item(seg, start + item + t)
                } else if z == 0 {
                    Pick::Blank
                } else {
                    Pick::ZeroOrBlank
                });
            }
            item += z;
            if j < k {
                vals.push(value(&run[item]));
                picks.push(Pick::Item(seg, start + item));
                item += 1;
            }
        }
        out.push(Layout { vals, picks });
    };
    rec(0, m, &mut slack, &mut emit);
    Some(out)
}

/// A run's layouts, shared (None: too many to try).
type Layouts = Option<std::rc::Rc<Vec<Layout>>>;

struct Solver<'a> {
    segs: &'a [Seg],
    k: usize,
    value: fn(&Cell) -> i64,
    /// Identities to keep, by the column after which they can be checked.
    ids: Vec<Vec<&'a Identity>>,
    /// Blanks each segment must place.
    blanks: Vec<usize>,
    /// Layouts by (segment, start, blanks): None when there were too many.
    cache: HashMap<(usize, usize, usize), Layouts>,
    cached: usize,
    grid: Vec<Vec<i64>>,
    picks: Vec<Vec<Pick>>,
    union: Vec<Vec<Union>>,
    nodes: usize,
    solutions: usize,
    fail: Option<Fail>,
}

impl Solver<'_> {
    fn layouts(&mut self, s: usize, start: usize, m: usize) -> Layouts {
        if let Some(l) = self.cache.get(&(s, start, m)) {
            return l.clone();
        }
        let r = self.segs[s].rows.len();
        let l = layouts(
            s,
            start,
            &self.segs[s].values[start..start + r - m],
            r,
            self.value,
        )
        .filter(|l| self.cached + l.len() <= MAX_CACHED)
        .map(std::rc::Rc::new);
        self.cached += l.as_ref().map_or(0, |l| l.len());
        self.cache.insert((s, start, m), l.clone());
        l
    }

    fn holds(&self, c: usize) -> bool {
        self.ids[c].iter().all(|id| {
            let sum = |v: &[(usize, usize)]| {
                v.iter()
                    .map(|&(r, c)| i128::from(self.grid[r][c]))
                    .sum::<i128>()
            };
            sum(&id.lhs) == sum(&id.rhs)
        })
    }

    /// Column `c`, segment `s`, with `used[s]` blanks placed so far in each segment.
    fn dfs(&mut self, c: usize, s: usize, used: &mut Vec<usize>) {
        if self.fail.is_some() {
            return;
        }
        if s == self.segs.len() {
            if !self.holds(c) {
                return;
            }
            if c + 1 < self.k {
                self.dfs(c + 1, 0, used);
            } else {
                self.record();
            }
            return;
        }
        let r = self.segs[s].rows.len();
        let total = self.blanks[s];
        let left_cols = self.k - c - 1;
        let lo = (total - used[s]).saturating_sub(r * left_cols);
        let hi = r.min(total - used[s]);
        for m in lo..=hi {
            let start = c * r - used[s];
            let Some(ls) = self.layouts(s, start, m) else {
                self.fail = Some(Fail::Budget);
                return;
            };
            used[s] += m;
            for l in ls.iter() {
                self.nodes += 1;
                if self.nodes > MAX_NODES {
                    self.fail = Some(Fail::Budget);
                    used[s] -= m;
                    return;
                }
                for (i, &row) in self.segs[s].rows.iter().enumerate() {
                    self.grid[row][c] = l.vals[i];
                    self.picks[row][c] = l.picks[i];
                }
                self.dfs(c, s + 1, used);
                if self.fail.is_some() {
                    used[s] -= m;
                    return;
                }
            }
            used[s] -= m;
        }
    }

    fn record(&mut self) {
        self.solutions += 1;
        for seg in self.segs {
            for &row in &seg.rows {
                for c in 0..self.k {
                    let pick = self.picks[row][c];
                    let u = &mut self.union[row][c];
                    *u = merge(u, pick, self.segs, self.value);
                }
            }
        }
    }
}

fn same(a: &Cell, b: &Cell) -> bool {
    a.kind == b.kind && a.raw == b.raw && a.value == b.value
}

fn merge(u: &Union, p: Pick, segs: &[Seg], value: fn(&Cell) -> i64) -> Union {
    let val = |p: Pick| match p {
        Pick::Item(s, i) => Some(value(&segs[s].values[i])),
        Pick::ZeroOrBlank => Some(0),
        Pick::Blank => None,
    };
    let add = |mut v: Vec<i64>, x: Option<i64>| {
        if let Some(x) = x {
            if !v.contains(&x) {
                v.push(x);
            }
        }
        v
    };
    match (u, p) {
        (Union::Unset, Pick::Blank) => Union::Blank,
        (Union::Unset, Pick::Item(s, i)) => Union::Item(s, i),
        (Union::Unset, Pick::ZeroOrBlank) => Union::Unknown(vec![0]),
        (Union::Blank, Pick::Blank) => Union::Blank,
        (Union::Item(s, i), Pick::Item(t, j)) if same(&segs[*s].values[*i], &segs[t].values[j]) => {
            Union::Item(*s, *i)
        }
        (Union::Blank, p) => Union::Unknown(add(Vec::new(), val(p))),
        (Union::Item(s, i), p) => {
            Union::Unknown(add(add(Vec::new(), val(Pick::Item(*s, *i))), val(p)))
        }
        (Union::Unknown(v), p) => Union::Unknown(add(v.clone(), val(p))),
    }
}

/// Puts the segments back into a table of `nrows` rows and `k` columns: each cell's union over
/// every placement; and whether the identities were used to place blanks.
fn solve(
    segs: &[Seg],
    nrows: usize,
    k: usize,
    ids: &[Identity],
    value: fn(&Cell) -> i64,
) -> Result<(Vec<Vec<Union>>, bool), Fail> {
    let mut blanks = Vec::with_capacity(segs.len());
    for (i, s) in segs.iter().enumerate() {
        let cells = s.rows.len() * k;
        if s.values.len() > cells {
            return Err(Fail::TooMany(i, s.values.len(), cells));
        }
        blanks.push(cells - s.values.len());
    }
    let any_blank = blanks.iter().any(|&b| b > 0);
    let present: Vec<bool> = {
        let mut p = vec![false; nrows];
        for s in segs {
            for &r in &s.rows {
                p[r] = true;
            }
        }
        p
    };
    // Identities over rows that were found: used only to place blanks.
    let mut by_col: Vec<Vec<&Identity>> = vec![Vec::new(); k];
    if any_blank {
        for id in ids {
            let ops = || id.lhs.iter().chain(&id.rhs);
            if ops().all(|&(r, c)| r < nrows && present[r] && c < k) {
                let last = ops().map(|&(_, c)| c).max().unwrap_or(0);
                by_col[last].push(id);
            }
        }
    }
    let mut s = Solver {
        segs,
        k,
        value,
        ids: by_col,
        blanks,
        cache: HashMap::new(),
        cached: 0,
        grid: vec![vec![0; k]; nrows],
        picks: vec![vec![Pick::Blank; k]; nrows],
        union: vec![vec![Union::Unset; k]; nrows],
        nodes: 0,
        solutions: 0,
        fail: None,
    };
    let mut used = vec![0; segs.len()];
    s.dfs(0, 0, &mut used);
    if let Some(f) = s.fail {
        return Err(f);
    }
    if s.solutions == 0 {
        return Err(Fail::NoSolution);
    }
    if !any_blank && !ids.is_empty() && !order_is_columns(segs, nrows, k, ids, value) {
        return Err(Fail::Order);
    }
    Ok((s.union, any_blank))
}

/// With no blank, whether reading the values column by column is not refuted by reading them
/// row by row: when the identities fail column by column but all hold row by row, the values
/// came row by row and the order cannot be told from the text alone.
fn order_is_columns(
    segs: &[Seg],
    nrows: usize,
    k: usize,
    ids: &[Identity],
    value: fn(&Cell) -> i64,
) -> bool {
    holds_by(segs, nrows, k, ids, value, true) || !holds_by(segs, nrows, k, ids, value, false)
}

/// Whether every identity holds over the values read column by column (or row by row), blanks
/// and missing rows counted as 0.
fn holds_by(
    segs: &[Seg],
    nrows: usize,
    k: usize,
    ids: &[Identity],
    value: fn(&Cell) -> i64,
    by_col: bool,
) -> bool {
    let mut g = vec![vec![0i64; k]; nrows];
    for s in segs {
        let r = s.rows.len();
        for (i, v) in s.values.iter().enumerate() {
            let (row, col) = if by_col {
                (i % r, i / r)
            } else {
                (i / k, i % k)
            };
            if let Some(x) = s
                .rows
                .get(row)
                .and_then(|&rr| g.get_mut(rr))
                .and_then(|x| x.get_mut(col))
            {
                *x = value(v);
            }
        }
    }
    ids.iter().all(|id| {
        let sum = |v: &[(usize, usize)]| {
            v.iter()
                .map(|&(r, c)| {
                    i128::from(g.get(r).and_then(|row| row.get(c)).copied().unwrap_or(0))
                })
                .sum::<i128>()
        };
        sum(&id.lhs) == sum(&id.rhs)
    })
}

fn fail_text(f: Fail) -> (String, String) {
    match f {
        Fail::TooMany(s, n, cells) => (
            format!("第{}段有{n}个数，多于其各行的单元格数{cells}（可能有行的标签未能识别）", s + 1),
            format!("run {} has {n} values for {cells} cells (a row's label may not have been recognised)", s + 1),
        ),
        Fail::NoSolution => (
            "空白单元格不留文字，而任何一种放法都不满足勾稽关系".into(),
            "blank cells leave nothing, and no placement of them satisfies the identities".into(),
        ),
        Fail::Budget => (
            "空白单元格不留文字，可能的放法太多".into(),
            "blank cells leave nothing, and there are too many ways to place them".into(),
        ),
        Fail::Gap => (
            "有行的标签未能识别，按位置补上后勾稽关系不成立，无法确定各行的数字".into(),
            "some rows' labels were not recognised; with them added by position the identities do not hold, so the rows cannot be told apart".into(),
        ),
        Fail::Order => (
            "数字按列读不满足勾稽关系、按行读却全部满足，无法确定数字的排列顺序".into(),
            "the identities fail when the values are read column by column but hold row by row: their order cannot be told".into(),
        ),
    }
}

// ---------------------------------------------------------------- reading the shape

/// What a line of the table's text is.
enum LineKind {
    /// A line with label text and values: not this shape.
    Mixed,
    /// Values only.
    Values(Vec<Cell>),
    /// Text only: its label cells.
    Text(Vec<Cell>),
}

fn classify(row: Row) -> LineKind {
    let has_values = row.cells.iter().any(|c| c.is_value);
    let (label, slots) = label_and_slots(row.cells);
    if !has_values {
        return LineKind::Text(label);
    }
    if !label.is_empty() {
        return LineKind::Mixed;
    }
    LineKind::Values(slots.into_iter().filter(|c| c.is_value).collect())
}

/// A line of running text (a sentence), not part of a table.
fn is_sentence(row: &Row) -> bool {
    row.sep == Sep::Space && row.cells.iter().any(|c| c.text.contains('。'))
}

/// Whether every label cell is one of `words` (header words: not rows).
fn is_header(label: &[Cell], words: &[String]) -> bool {
    !label.is_empty()
        && label.iter().all(|c| {
            let k = key(&c.text);
            k.is_empty() || words.contains(&k)
        })
}

/// A cell read back from the union of placements.
fn cell_out(u: &Union, segs: &[Seg], line: usize) -> (CellOut, bool) {
    match u {
        Union::Item(s, i) => {
            let mut c = CellOut::from_cell(&segs[*s].values[*i]);
            c.read = Read::Transposed;
            (c, true)
        }
        Union::Blank => {
            let mut c = CellOut::blank(line);
            c.read = Read::Transposed;
            (c, true)
        }
        Union::Unknown(v) => (unread(line, Some(v.clone())), false),
        Union::Unset => (unread(line, None), false),
    }
}

fn unread(line: usize, candidates: Option<Vec<i64>>) -> CellOut {
    CellOut {
        raw: String::new(),
        value: None,
        kind: Kind::Ambiguous,
        line: Some(line),
        column: None,
        candidates,
        read: Read::Guessed,
    }
}

/// A found row's output from its cells' unions (or not read at all).
#[allow(clippy::too_many_arguments)]
fn row_out(
    key: &str,
    label: &str,
    block: Option<&str>,
    at: &Labelled,
    cols: &[&'static str],
    unions: Option<&[Union]>,
    segs: &[Seg],
    cm: &mut ColumnMajor,
    short: &str,
) -> RowOut {
    let mut cells = Vec::with_capacity(cols.len());
    let mut all = true;
    let mut numbers = 0;
    for (c, ck) in cols.iter().enumerate() {
        let (cell, ok) = match unions {
            Some(u) => cell_out(&u[c], segs, at.line),
            None => (unread(at.line, None), false),
        };
        cm.cells += 1;
        if ok {
            cm.read += 1;
        } else {
            all = false;
        }
        if cell.kind != Kind::Blank && cell.kind != Kind::Ambiguous {
            numbers += 1;
        }
        cells.push((*ck, cell));
    }
    if all {
        cm.read_rows.push(short.to_string());
    } else {
        cm.unread_rows.push(short.to_string());
    }
    RowOut {
        key: key.to_string(),
        label: label.to_string(),
        found: true,
        line: Some(at.line),
        column: Some(at.col),
        block: block.map(str::to_string),
        raw_label: Some(at.raw.clone()),
        found_by: at.by,
        numbers,
        expected: cols.len(),
        cells,
    }
}

/// Where a row's label was found.
#[derive(Debug, Clone)]
struct Labelled {
    line: usize,
    col: usize,
    raw: String,
    by: FoundBy,
}

fn labelled(label: &[Cell]) -> Labelled {
    Labelled {
        line: label.first().map(|c| c.line).unwrap_or(0),
        col: label.first().map(|c| c.col).unwrap_or(1),
        raw: label
            .iter()
            .map(|c| c.raw.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        by: FoundBy::Label,
    }
}

/// Whether the segments are this shape: a run of at least two labels with no values between
/// them, followed by more values than one row holds. Otherwise the text is read row by row.
fn is_shape(segs: &[Seg], k: usize) -> bool {
    segs.iter().any(|s| s.rows.len() >= 2 && s.values.len() > k)
}

/// Rows between a segment's first and last that no segment has, added (found by position) when
/// the segment has more values than its rows hold and the gap rows make exactly room for them:
/// their labels were lost or not recognised. Returns whether any was added.
fn fill_gaps(segs: &mut [Seg], k: usize, at: &mut [Option<Labelled>]) -> bool {
    let mut any = false;
    for seg in segs.iter_mut() {
        let (Some(&first), Some(&last)) = (seg.rows.first(), seg.rows.last()) else {
            continue;
        };
        let n = seg.values.len();
        if n <= seg.rows.len() * k {
            continue;
        }
        let gaps: Vec<usize> = (first..=last).filter(|r| at[*r].is_none()).collect();
        if gaps.is_empty() || n != (seg.rows.len() + gaps.len()) * k {
            continue;
        }
        any = true;
        let line = at[first].as_ref().map(|l| l.line).unwrap_or(0);
        for g in gaps {
            at[g] = Some(Labelled {
                line,
                col: 1,
                raw: String::new(),
                by: FoundBy::Position,
            });
        }
        seg.rows = (first..=last).collect();
    }
    any
}

/// Part 三 taken column by column, when its text has that shape.
pub(crate) fn read_requests(lines: &[Line], format: Format) -> Option<TableRead> {
    let specs = crate::spec::request_rows(format);
    let (officials, groups) = request_officials(format);
    let k = REQUEST_COLS.len();
    let words: Vec<String> = REQUEST_COLS
        .iter()
        .map(|c| key(c.1))
        .chain(["申请人情况", "法人或其他组织", "申请人"].map(key))
        .collect();
    let mut segs: Vec<Seg> = Vec::new();
    let mut at: Vec<Option<Labelled>> = vec![None; specs.len()];
    let mut cursor = 0;
    let mut in_values = false;
    let mut started = false;
    let mut table_line = None;
    // Whether the line before was a row's label (the next text may be the rest of it).
    let mut after_label = false;
    for row in rows_of(lines) {
        let was_label = std::mem::take(&mut after_label);
        if is_sentence(&row) {
            continue;
        }
        let line = row.line;
        match classify(row) {
            LineKind::Mixed => {
                if started {
                    return None;
                }
            }
            LineKind::Values(v) => {
                if !started {
                    continue;
                }
                segs.last_mut()?.values.extend(v);
                in_values = true;
            }
            LineKind::Text(label) => {
                if is_header(&label, &words) {
                    continue;
                }
                let keys = label_keys(&label);
                let mut best = best_row(&keys, officials, cursor);
                if best.is_none() && label.iter().any(|c| c.text.contains(' ')) {
                    best = best_row(&word_keys(&label), officials, cursor);
                }
                let group = keys.iter().rev().find_map(|k| group_of(k, groups));
                match best {
                    Some((i, _)) => {
                        if in_values || segs.is_empty() {
                            segs.push(Seg::default());
                            in_values = false;
                        }
                        if let Some(s) = segs.last_mut() {
                            s.rows.push(i);
                        }
                        at[i] = Some(labelled(&label));
                        after_label = true;
                        cursor = i + 1;
                        started = true;
                        table_line.get_or_insert(line);
                    }
                    None if group.is_some() && in_values => {
                        // A group's label opens the next run.
                        segs.push(Seg::default());
                        in_values = false;
                    }
                    None => {
                        // The rest of a wrapped label (kept in the row's raw label); a stacked
                        // character or a note: nothing.
                        let long = keys.iter().any(|k| k.chars().count() >= 2);
                        if let (true, true, None, Some(s)) = (was_label, long, group, segs.last()) {
                            if let Some(a) = s.rows.last().and_then(|&r| at[r].as_mut()) {
                                for c in &label {
                                    a.raw.push(' ');
                                    a.raw.push_str(&c.raw);
                                }
                                after_label = true;
                            }
                        }
                    }
                }
            }
        }
    }
    segs.retain(|s| !s.rows.is_empty());
    if !is_shape(&segs, k) {
        return None;
    }
    let gapped = fill_gaps(&mut segs, k, &mut at);
    let mut cm = ColumnMajor {
        segments: segs.len(),
        ..Default::default()
    };
    let ids = request_identities(format);
    let mut solved = solve(&segs, specs.len(), k, ids, crate::tables::int_value);
    // Rows added by position are trusted only when the identities confirm the placement.
    if gapped
        && matches!(solved, Ok((_, false)))
        && !holds_by(&segs, specs.len(), k, ids, crate::tables::int_value, true)
    {
        solved = Err(Fail::Gap);
    }
    let unions = match solved {
        Ok((u, used)) => {
            if used {
                let ids: Vec<&Identity> = request_identities(format).iter().collect();
                cm.used = crate::tables::used_names(&ids);
            }
            Some(u)
        }
        Err(f) => {
            cm.failed = Some(fail_text(f));
            None
        }
    };
    let cols: Vec<&'static str> = REQUEST_COLS.iter().map(|c| c.0).collect();
    let mut rows = Vec::with_capacity(specs.len());
    for (i, spec) in specs.iter().enumerate() {
        match &at[i] {
            None => rows.push(RowOut::missing(spec.key, spec.label, None, k)),
            Some(a) => rows.push(row_out(
                spec.key,
                spec.label,
                None,
                a,
                &cols,
                unions.as_ref().map(|u| u[i].as_slice()),
                &segs,
                &mut cm,
                spec.short,
            )),
        }
    }
    let n = rows.len();
    Some(TableRead {
        out: TableOut {
            found: true,
            line: table_line,
            columns: REQUEST_COLS
                .iter()
                .map(|(k, l)| ColumnOut {
                    key: k.to_string(),
                    label: l.to_string(),
                })
                .collect(),
            rows,
        },
        shapes: vec![Shape::Fits; n],
        unplaced: Vec::new(),
        captions: Vec::new(),
        column_major: Some(cm),
    })
}

/// Part 二 taken column by column: each block's labels, its column headers, then its values
/// column by column. Replaces the rows of `t` (read row by row) when the text has that shape.
pub(crate) fn read_active(lines: &[Line], format: Format, t: &mut TableRead) {
    let blocks = active_blocks(format);
    let (specs, keys) = crate::tables::active_specs(format);
    let words: Vec<String> = blocks
        .iter()
        .flat_map(|b| b.columns.iter().map(|c| key(c.1)))
        .chain(["信息内容".to_string()].map(|s| key(&s)))
        .collect();
    // Segments per block: (block, segment) with rows as indices into `specs`.
    let mut segs: Vec<(usize, Seg)> = Vec::new();
    let mut at: Vec<Option<Labelled>> = vec![None; specs.len()];
    let mut block: Option<usize> = None;
    let mut in_values = false;
    // No label since the last caption: values here belong to no run.
    let mut fresh = true;
    for row in rows_of(lines) {
        if is_sentence(&row) {
            continue;
        }
        let joined: String = row.cells.iter().map(|c| c.text.as_str()).collect();
        if joined.contains('条') && joined.contains('项') && joined.chars().count() < 30 {
            if let Some((_, item)) = crate::tables::parse_caption(&joined) {
                block = item.and_then(|it| blocks.iter().position(|b| b.item == it));
                fresh = true;
                continue;
            }
        }
        match classify(row) {
            LineKind::Mixed => return,
            LineKind::Values(v) => {
                if let (false, Some((_, s))) = (fresh, segs.last_mut()) {
                    s.values.extend(v);
                    in_values = true;
                }
            }
            LineKind::Text(label) => {
                if is_header(&label, &words) {
                    continue;
                }
                let lk = label_keys(&label);
                let Some(i) = best_active_row(&lk, keys, specs, block) else {
                    continue;
                };
                if at[i].is_some() {
                    continue;
                }
                let b = specs[i].0;
                let new = in_values || fresh || segs.last().is_none_or(|(sb, _)| *sb != b);
                if new {
                    segs.push((b, Seg::default()));
                    in_values = false;
                    fresh = false;
                }
                if let Some((_, s)) = segs.last_mut() {
                    s.rows.push(i);
                }
                at[i] = Some(labelled(&label));
            }
        }
    }
    // This shape only when some block's run has several labels and more values than a row.
    if !segs
        .iter()
        .any(|(b, s)| s.rows.len() >= 2 && s.values.len() > blocks[*b].columns.len())
    {
        return;
    }
    // Runs per block (more than one when a block breaks at a page).
    let most = (0..blocks.len())
        .map(|b| segs.iter().filter(|(sb, _)| *sb == b).count())
        .max()
        .unwrap_or(0);
    let mut cm = ColumnMajor {
        segments: most,
        ..Default::default()
    };
    let mut rows = Vec::new();
    let mut failed = Vec::new();
    for (b, blk) in blocks.iter().enumerate() {
        let k = blk.columns.len();
        // The block's rows, renumbered within the block.
        let idx: Vec<usize> = (0..specs.len()).filter(|&i| specs[i].0 == b).collect();
        let local = |i: usize| idx.iter().position(|&x| x == i).unwrap_or(0);
        let bsegs: Vec<Seg> = segs
            .iter()
            .filter(|(sb, _)| *sb == b)
            .map(|(_, s)| Seg {
                rows: s.rows.iter().map(|&i| local(i)).collect(),
                values: s.values.clone(),
            })
            .collect();
        let value = if blk
            .columns
            .iter()
            .any(|c| c.2 == crate::spec::ColKind::Money)
        {
            crate::tables::money_value
        } else {
            crate::tables::int_value
        };
        let unions = match solve(&bsegs, idx.len(), k, &[], value) {
            Ok((u, _)) => Some(u),
            Err(f) => {
                failed.push((blk.item, fail_text(f)));
                None
            }
        };
        let cols: Vec<&'static str> = blk.columns.iter().map(|c| c.0).collect();
        for (li, &i) in idx.iter().enumerate() {
            let (_, rkey, label) = specs[i];
            match &at[i] {
                None => rows.push(RowOut::missing(rkey, label, Some(blk.item), k)),
                Some(a) => rows.push(row_out(
                    rkey,
                    label,
                    Some(blk.item),
                    a,
                    &cols,
                    unions.as_ref().map(|u| u[li].as_slice()),
                    &bsegs,
                    &mut cm,
                    label,
                )),
            }
        }
    }
    if !failed.is_empty() {
        cm.failed = Some((
            failed
                .iter()
                .map(|(item, (zh, _))| format!("第二十条第（{item}）项：{zh}"))
                .collect::<Vec<_>>()
                .join("；"),
            failed
                .iter()
                .map(|(item, (_, en))| format!("item ({item}): {en}"))
                .collect::<Vec<_>>()
                .join("; "),
        ));
    }
    let n = rows.len();
    t.out.found = true;
    t.out.rows = rows;
    t.shapes = vec![Shape::Fits; n];
    t.column_major = Some(cm);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(vals: &[&str]) -> Vec<Cell> {
        vals.iter()
            .enumerate()
            .map(|(i, v)| crate::layout::make_cell(v.to_string(), v.to_string(), i + 1, 1))
            .collect()
    }

    #[test]
    fn layouts_place_blanks_up_to_which_zero_is_blank() {
        let run = cells(&["5", "0", "3"]);
        let ls = layouts(0, 0, &run, 4, crate::tables::int_value).unwrap();
        // Slack 1 over 3 gaps (before 5, between 5 and 3 with a zero, after 3).
        assert_eq!(ls.len(), 3);
        let vals: Vec<Vec<i64>> = ls.iter().map(|l| l.vals.clone()).collect();
        assert!(vals.contains(&vec![0, 5, 0, 3]));
        assert!(vals.contains(&vec![5, 0, 0, 3]));
        assert!(vals.contains(&vec![5, 0, 3, 0]));
        let mid = ls.iter().find(|l| l.vals == vec![5, 0, 0, 3]).unwrap();
        assert_eq!(mid.picks[1], Pick::ZeroOrBlank);
    }

    #[test]
    fn a_full_table_is_placed_without_identities() {
        let segs = vec![Seg {
            rows: vec![0, 1],
            values: cells(&["1", "2", "3", "4"]),
        }];
        let (u, used) = solve(&segs, 2, 2, &[], crate::tables::int_value).unwrap();
        assert!(!used);
        assert_eq!(u[0], vec![Union::Item(0, 0), Union::Item(0, 2)]);
        assert_eq!(u[1], vec![Union::Item(0, 1), Union::Item(0, 3)]);
    }

    #[test]
    fn a_blank_is_placed_only_where_the_identity_allows() {
        // Two rows, columns a, b, total = a + b. Row 0: 2, (blank), 2; row 1: 1, 3, 4.
        let ids = vec![
            Identity {
                rule: "t",
                scope: String::new(),
                lhs: vec![(0, 2)],
                rhs: vec![(0, 0), (0, 1)],
            },
            Identity {
                rule: "t",
                scope: String::new(),
                lhs: vec![(1, 2)],
                rhs: vec![(1, 0), (1, 1)],
            },
        ];
        let segs = vec![Seg {
            rows: vec![0, 1],
            values: cells(&["2", "1", "3", "2", "4"]),
        }];
        let (u, used) = solve(&segs, 2, 3, &ids, crate::tables::int_value).unwrap();
        assert!(used);
        assert_eq!(u[0][1], Union::Blank);
        assert_eq!(u[1][1], Union::Item(0, 2));
        // Without identities, the blank could be anywhere.
        let (u, _) = solve(&segs, 2, 3, &[], crate::tables::int_value).unwrap();
        assert!(matches!(u[0][1], Union::Unknown(_)));
    }
}
