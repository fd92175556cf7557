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
//! many values, no placement keeps the identities, too many placements, identities that hold
//! only when the values are read row by row) is not read, and says why. A row whose label was
//! not recognised is placed by its position in its run only when the values then fit exactly
//! and the identities confirm it. Numbers are never dealt out to rows by count.
//!
//! The search (`Solver`): the last column first (its run ends each segment's values), then the
//! others in order; each column's placements come from a dynamic programme that keeps the
//! column's own identities (`ColumnDp`); a row's identities are checked as its columns are
//! placed; states that led nowhere are remembered; every loop is bounded by a step budget
//! (exhausted: the table is not read).

use crate::layout::{Cell, Kind, Row, Sep};
use crate::normalize::{key, Line};
use crate::result::{CellOut, ColumnOut, FoundBy, Read, RowOut, TableOut};
use crate::spec::{
    active_blocks, appeal_identities, request_identities, Format, Identity, APPEAL_COLS,
    REQUEST_COLS,
};
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

/// The ways one column (every segment's run for it together) fills its cells, keeping the
/// column's own identities: a dynamic programme over (cell, value used, the identities' running
/// sums), then the placements it allows. Zeros and blanks are told apart only where a run of
/// cells holds no blank or no zero (else the cells there are `ZeroOrBlank`): a blank among
/// zeros cannot be located from the text.
struct ColumnDp<'a> {
    /// Per flattened cell: its table row; per segment: where its cells and values end.
    slot_row: &'a [usize],
    slot_end: Vec<usize>,
    seg_of: Vec<usize>,
    /// Flattened values of the runs: (segment, index among its values, value, not a plain 0).
    items: Vec<(usize, usize, i64, bool)>,
    item_end: Vec<usize>,
    /// The column's identities as a coefficient per table row (+1 left, −1 right).
    coefs: &'a [Vec<i64>],
    memo: HashMap<(usize, usize, Vec<i64>), bool>,
    steps: usize,
    /// Steps this column may take (what is left of the table's).
    budget: usize,
    out: Vec<Layout>,
    vals: Vec<i64>,
    picks: Vec<Pick>,
    too_many: bool,
}

/// Steps of the dynamic programme over every column tried, for one table.
const MAX_DP_STEPS: usize = 1_000_000;

impl ColumnDp<'_> {
    /// The gap before a value (or a segment's end): cells `i..p` holding the values `j..j+z`
    /// (all zeros) and blanks.
    fn gap(&mut self, i: usize, p: usize, j: usize) -> usize {
        let z = self
            .next_sig(j, self.item_end[self.seg_of[i]])
            .unwrap_or(self.item_end[self.seg_of[i]])
            - j;
        let z = z.min(p - i);
        for t in 0..p - i {
            self.vals.push(0);
            self.picks.push(if p - i == z {
                let (s, idx, _, _) = self.items[j + t];
                Pick::Item(s, idx)
            } else if z == 0 {
                Pick::Blank
            } else {
                Pick::ZeroOrBlank
            });
        }
        z
    }

    fn next_sig(&self, j: usize, end: usize) -> Option<usize> {
        (j..end).find(|&q| self.items[q].3)
    }

    /// The moves from cell `i` with values `j` used: (cell of the next significant value or
    /// the segment's end, that value's index or None).
    fn moves(&self, i: usize, j: usize) -> Vec<(usize, Option<usize>)> {
        let s = self.seg_of[i];
        let (e, je) = (self.slot_end[s], self.item_end[s]);
        match self.next_sig(j, je) {
            None => vec![(e, None)],
            Some(q) => {
                let z = q - j;
                let last = e - (je - q);
                (i + z..=last).map(|p| (p, Some(q))).collect()
            }
        }
    }

    fn add(&self, sums: &[i64], p: usize, q: usize) -> Vec<i64> {
        let v = self.items[q].2;
        let row = self.slot_row[p];
        sums.iter()
            .zip(self.coefs)
            .map(|(s, c)| s + c[row] * v)
            .collect()
    }

    fn feasible(&mut self, i: usize, j: usize, sums: &[i64]) -> bool {
        if i == self.slot_row.len() {
            return sums.iter().all(|&x| x == 0);
        }
        if let Some(&b) = self.memo.get(&(i, j, sums.to_vec())) {
            return b;
        }
        self.steps += 1;
        if self.steps > self.budget {
            self.too_many = true;
            return false;
        }
        let mut ok = false;
        for (p, q) in self.moves(i, j) {
            ok = match q {
                None => self.feasible(p, self.item_end[self.seg_of[i]], sums),
                Some(q) => {
                    let next = self.add(sums, p, q);
                    self.feasible(p + 1, q + 1, &next)
                }
            };
            if ok || self.too_many {
                break;
            }
        }
        self.memo.insert((i, j, sums.to_vec()), ok);
        ok
    }

    fn enumerate(&mut self, i: usize, j: usize, sums: &[i64]) {
        if self.too_many || !self.feasible(i, j, sums) {
            return;
        }
        if i == self.slot_row.len() {
            self.out.push(Layout {
                vals: self.vals.clone(),
                picks: self.picks.clone(),
            });
            self.too_many |= self.out.len() > MAX_LAYOUTS;
            return;
        }
        let mark = self.vals.len();
        for (p, q) in self.moves(i, j) {
            match q {
                None => {
                    let je = self.item_end[self.seg_of[i]];
                    self.gap(i, p, j);
                    self.enumerate(p, je, sums);
                }
                Some(q) => {
                    self.gap(i, p, j);
                    let (s, idx, v, _) = self.items[q];
                    self.vals.push(v);
                    self.picks.push(Pick::Item(s, idx));
                    let next = self.add(sums, p, q);
                    self.enumerate(p + 1, q + 1, &next);
                }
            }
            self.vals.truncate(mark);
            self.picks.truncate(mark);
            if self.too_many {
                return;
            }
        }
    }
}

/// Every way column `c`'s runs (segment s from value `starts[s]`, with `blanks[s]` blanks)
/// fill the column keeping `coefs`; None when there are too many to try or the steps left in
/// `budget` run out.
fn column_layouts(
    segs: &[Seg],
    slot_row: &[usize],
    starts: &[usize],
    blanks: &[usize],
    coefs: &[Vec<i64>],
    value: fn(&Cell) -> i64,
    budget: &mut usize,
) -> Option<Vec<Layout>> {
    let mut seg_of = Vec::with_capacity(slot_row.len());
    let mut slot_end = Vec::with_capacity(segs.len());
    let mut items = Vec::new();
    let mut item_end = Vec::with_capacity(segs.len());
    for (s, seg) in segs.iter().enumerate() {
        let r = seg.rows.len();
        seg_of.extend(std::iter::repeat_n(s, r));
        slot_end.push(seg_of.len());
        for idx in starts[s]..starts[s] + r - blanks[s] {
            let c = &seg.values[idx];
            items.push((s, idx, value(c), !is_zero(c)));
        }
        item_end.push(items.len());
    }
    let mut dp = ColumnDp {
        slot_row,
        slot_end,
        seg_of,
        items,
        item_end,
        coefs,
        memo: HashMap::new(),
        steps: 0,
        budget: *budget,
        out: Vec::new(),
        vals: Vec::with_capacity(slot_row.len()),
        picks: Vec::with_capacity(slot_row.len()),
        too_many: false,
    };
    let zero = vec![0i64; coefs.len()];
    dp.enumerate(0, 0, &zero);
    *budget = budget.saturating_sub(dp.steps);
    (!dp.too_many).then_some(dp.out)
}

/// A column's layouts, shared (None: too many to try).
type Layouts = Option<std::rc::Rc<Vec<Layout>>>;

/// The search for every placement of a table's segments. Columns are placed last column first
/// (its run ends each segment's values, so it does not depend on the others: a row's total is
/// known before its parts), then from the first on; an identity is checked once its columns
/// are placed, and with non-negative values a partial sum already over its total ends a branch.
struct Solver<'a> {
    segs: &'a [Seg],
    k: usize,
    value: fn(&Cell) -> i64,
    /// Flattened cells of a column: the table row of each, segment after segment.
    slot_row: Vec<usize>,
    /// Per column: its own identities as coefficients per table row (kept while placing it).
    coefs: Vec<Vec<Vec<i64>>>,
    /// The columns in the order they are placed, and each column's step in that order.
    order: Vec<usize>,
    step_of: Vec<usize>,
    /// Other identities, by the step after which they can be checked.
    ids: Vec<Vec<&'a Identity>>,
    /// Whether every value is a non-negative number (partial sums can then only grow).
    nonneg: bool,
    /// Blanks each segment must place, and those the last column took.
    blanks: Vec<usize>,
    last_blanks: Vec<usize>,
    /// Layouts by (column, starts, blanks).
    cache: HashMap<(usize, Vec<usize>, Vec<usize>), Layouts>,
    cached: usize,
    /// Steps of the columns' dynamic programmes left.
    dp_budget: usize,
    grid: Vec<Vec<i64>>,
    picks: Vec<Vec<Pick>>,
    union: Vec<Vec<Union>>,
    nodes: usize,
    solutions: usize,
    fail: Option<Fail>,
    /// Steps known to lead to no placement: (step, blanks used per segment, the partial sums
    /// of the identities still to check).
    dead: std::collections::HashSet<(usize, Vec<usize>, Vec<i128>)>,
}

impl Solver<'_> {
    fn layouts(&mut self, c: usize, starts: &[usize], ms: &[usize]) -> Layouts {
        let key = (c, starts.to_vec(), ms.to_vec());
        if let Some(l) = self.cache.get(&key) {
            return l.clone();
        }
        let l = column_layouts(
            self.segs,
            &self.slot_row,
            starts,
            ms,
            &self.coefs[c],
            self.value,
            &mut self.dp_budget,
        )
        .filter(|l| self.cached + l.len() <= MAX_CACHED)
        .map(std::rc::Rc::new);
        self.cached += l.as_ref().map_or(0, |l| l.len());
        self.cache.insert(key, l.clone());
        l
    }

    /// Sum of an identity side over the columns placed before `step`, and whether all of its
    /// cells are placed.
    fn part(&self, v: &[(usize, usize)], step: usize) -> (i128, bool) {
        let mut sum = 0i128;
        let mut all = true;
        for &(r, c) in v {
            if self.step_of[c] < step {
                sum += i128::from(self.grid[r][c]);
            } else {
                all = false;
            }
        }
        (sum, all)
    }

    /// Whether the identities due at `step` hold and the pending ones can still hold.
    fn holds(&self, step: usize) -> bool {
        let due = self.ids[step]
            .iter()
            .all(|id| self.part(&id.lhs, step + 1).0 == self.part(&id.rhs, step + 1).0);
        due && (!self.nonneg
            || self.ids[step + 1..].iter().flatten().all(|id| {
                let (l, la) = self.part(&id.lhs, step + 1);
                let (r, ra) = self.part(&id.rhs, step + 1);
                !(la && r > l || ra && l > r)
            }))
    }

    /// What the steps before `step` leave for the rest: the running sums (left − right) of the
    /// identities checked at `step` or later.
    fn pending(&self, step: usize) -> Vec<i128> {
        self.ids[step..]
            .iter()
            .flatten()
            .map(|id| self.part(&id.lhs, step).0 - self.part(&id.rhs, step).0)
            .collect()
    }

    /// Step `step` onwards, with `used[s]` blanks placed in the columns before it (the last
    /// column's not counted): whether any placement was recorded.
    fn step(&mut self, step: usize, used: &mut Vec<usize>) -> bool {
        let mut at = used.clone();
        at.extend(&self.last_blanks);
        let key = (step, at, self.pending(step));
        if self.dead.contains(&key) {
            return false;
        }
        let found = self.dfs(step, used, &mut Vec::new());
        if !found && self.fail.is_none() {
            self.dead.insert(key);
        }
        found
    }

    /// The column of `step`: the blanks of the segments before `ms.len()` chosen (`ms`).
    fn dfs(&mut self, step: usize, used: &mut Vec<usize>, ms: &mut Vec<usize>) -> bool {
        if self.fail.is_some() {
            return false;
        }
        let c = self.order[step];
        let last = c + 1 == self.k;
        let s = ms.len();
        if s < self.segs.len() {
            let r = self.segs[s].rows.len();
            // Blanks left for this column and the ones placed after it.
            let left = self.blanks[s] - used[s] - if last { 0 } else { self.last_blanks[s] };
            let after = self.k - 1 - step;
            let lo = left.saturating_sub(r * after);
            let mut found = false;
            for m in lo..=r.min(left) {
                ms.push(m);
                found |= self.dfs(step, used, ms);
                ms.pop();
                if self.fail.is_some() {
                    return false;
                }
            }
            return found;
        }
        let starts: Vec<usize> = (0..s)
            .map(|i| {
                let seg = &self.segs[i];
                if last {
                    seg.values.len() - (seg.rows.len() - ms[i])
                } else {
                    c * seg.rows.len() - used[i]
                }
            })
            .collect();
        let Some(ls) = self.layouts(c, &starts, ms) else {
            self.fail = Some(Fail::Budget);
            return false;
        };
        let mut found = false;
        if last {
            self.last_blanks.clone_from(ms);
        } else {
            for (u, m) in used.iter_mut().zip(ms.iter()) {
                *u += m;
            }
        }
        for l in ls.iter() {
            self.nodes += 1;
            if self.nodes > MAX_NODES {
                self.fail = Some(Fail::Budget);
                break;
            }
            for (i, &row) in self.slot_row.iter().enumerate() {
                self.grid[row][c] = l.vals[i];
                self.picks[row][c] = l.picks[i];
            }
            if !self.holds(step) {
                continue;
            }
            if step + 1 < self.k {
                found |= self.step(step + 1, used);
            } else {
                self.record();
                found = true;
            }
            if self.fail.is_some() {
                break;
            }
        }
        if !last {
            for (u, m) in used.iter_mut().zip(ms.iter()) {
                *u -= m;
            }
        }
        found
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
    // The last column first, then the others in order.
    let order: Vec<usize> = std::iter::once(k - 1).chain(0..k - 1).collect();
    let mut step_of = vec![0; k];
    for (st, &c) in order.iter().enumerate() {
        step_of[c] = st;
    }
    // Identities over rows that were found: used only to place blanks. A column's own ones are
    // kept while placing it; the others (a row's total) once their last column is placed.
    let mut by_step: Vec<Vec<&Identity>> = vec![Vec::new(); k];
    let mut coefs: Vec<Vec<Vec<i64>>> = vec![Vec::new(); k];
    if any_blank {
        for id in ids {
            let ops = || id.lhs.iter().chain(&id.rhs);
            if !ops().all(|&(r, c)| r < nrows && present[r] && c < k) {
                continue;
            }
            let first = ops().map(|&(_, c)| c).next().unwrap_or(0);
            if ops().all(|&(_, c)| c == first) {
                let mut coef = vec![0i64; nrows];
                for &(r, _) in &id.lhs {
                    coef[r] += 1;
                }
                for &(r, _) in &id.rhs {
                    coef[r] -= 1;
                }
                coefs[first].push(coef);
            } else {
                let due = ops().map(|&(_, c)| step_of[c]).max().unwrap_or(0);
                by_step[due].push(id);
            }
        }
    }
    let nonneg = segs
        .iter()
        .flat_map(|s| &s.values)
        .all(|c| c.kind == Kind::Number && c.value.is_some_and(|v| v >= 0.0));
    let mut s = Solver {
        segs,
        k,
        value,
        slot_row: segs.iter().flat_map(|s| s.rows.iter().copied()).collect(),
        coefs,
        order,
        step_of,
        ids: by_step,
        nonneg,
        last_blanks: vec![0; segs.len()],
        blanks,
        cache: HashMap::new(),
        cached: 0,
        dp_budget: MAX_DP_STEPS,
        grid: vec![vec![0; k]; nrows],
        picks: vec![vec![Pick::Blank; k]; nrows],
        union: vec![vec![Union::Unset; k]; nrows],
        nodes: 0,
        solutions: 0,
        fail: None,
        dead: std::collections::HashSet::new(),
    };
    let mut used = vec![0; segs.len()];
    s.step(0, &mut used);
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

/// Whether the text may be this shape: more than `k` lines that hold one value alone, or a line
/// of values alone with more values than a row has (a whole column on one line). Lines of a
/// row's values (a PDF's TAB rows, at most `k` values) do not count: a cheap test before
/// splitting every line again.
fn worth_trying(lines: &[Line], k: usize) -> bool {
    let mut n = 0;
    for l in lines {
        let t = l.text.trim();
        if t.bytes().any(|b| b.is_ascii_digit())
            && t.chars().all(|c| {
                c.is_ascii_digit()
                    || c.is_whitespace()
                    || matches!(c, '.' | ',' | '+' | '-' | '|' | '/')
            })
        {
            let w = t.split_whitespace().filter(|w| *w != "|").count();
            if w > k.max(1) {
                return true;
            }
            n += usize::from(w == 1);
            if n > k {
                return true;
            }
        }
    }
    false
}

/// Part 三 taken column by column, when its text has that shape.
pub(crate) fn read_requests(lines: &[Line], format: Format) -> Option<TableRead> {
    if !worth_trying(lines, REQUEST_COLS.len()) {
        return None;
    }
    let specs = crate::spec::request_rows(format);
    let k = REQUEST_COLS.len();
    let RequestRuns {
        mut segs,
        mut at,
        table_line,
        ..
    } = request_runs(lines, format, specs.len())?;
    segs.retain(|s| !s.rows.is_empty());
    if !is_shape(&segs, k) {
        return None;
    }
    let gapped = fill_gaps(&mut segs, k, &mut at);
    let mut cm = ColumnMajor {
        segments: segs.len(),
        ..Default::default()
    };
    let (unions, used_ids) = solve_requests(&segs, specs.len(), format, gapped, &mut cm);
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
        used: used_ids,
        columns_note: None,
    })
}

/// Part 三's runs of labels and values as its lines give them, column by column.
struct RequestRuns {
    segs: Vec<Seg>,
    at: Vec<Option<Labelled>>,
    cursor: usize,
    in_values: bool,
    started: bool,
    table_line: Option<usize>,
    /// Whether the line before was a row's label (the next text may be the rest of it).
    after_label: bool,
}

/// Reads part 三's lines into runs; None when a line says the table is laid out row by row.
fn request_runs(lines: &[Line], format: Format, nrows: usize) -> Option<RequestRuns> {
    let k = REQUEST_COLS.len();
    let words: Vec<String> = REQUEST_COLS
        .iter()
        .map(|c| key(c.1))
        .chain(["申请人情况", "法人或其他组织", "申请人"].map(key))
        .collect();
    let mut runs = RequestRuns {
        segs: Vec::new(),
        at: vec![None; nrows],
        cursor: 0,
        in_values: false,
        started: false,
        table_line: None,
        after_label: false,
    };
    for row in rows_of(lines, &[REQUEST_COLS.len()], &[REQUEST_COLS[0].1]) {
        let was_label = std::mem::take(&mut runs.after_label);
        if is_sentence(&row) {
            continue;
        }
        let line = row.line;
        match classify(row) {
            LineKind::Mixed => {
                // Text with numbers after the columns' values (a note under the table) ends
                // the table; anywhere else it means the table is laid out row by row.
                if runs.in_values && is_shape(&runs.segs, k) {
                    break;
                }
                if runs.started {
                    return None;
                }
            }
            LineKind::Values(v) => {
                if !runs.started {
                    continue;
                }
                runs.segs.last_mut()?.values.extend(v);
                runs.in_values = true;
            }
            LineKind::Text(label) => {
                if !is_header(&label, &words) {
                    runs.label(&label, was_label, line, format);
                }
            }
        }
    }
    Some(runs)
}

impl RequestRuns {
    /// A line of label text: a row's label (opening a run after values), a group's label
    /// (opening the next run), or the rest of a wrapped label.
    fn label(&mut self, label: &[Cell], was_label: bool, line: usize, format: Format) {
        let (officials, groups) = request_officials(format);
        let keys = label_keys(label);
        let mut best = best_row(&keys, officials, self.cursor);
        if best.is_none() && label.iter().any(|c| c.text.contains(' ')) {
            best = best_row(&word_keys(label), officials, self.cursor);
        }
        let group = keys.iter().rev().find_map(|k| group_of(k, groups));
        match best {
            Some((i, _)) => {
                if self.in_values || self.segs.is_empty() {
                    self.segs.push(Seg::default());
                    self.in_values = false;
                }
                if let Some(s) = self.segs.last_mut() {
                    s.rows.push(i);
                }
                self.at[i] = Some(labelled(label));
                self.after_label = true;
                self.cursor = i + 1;
                self.started = true;
                self.table_line.get_or_insert(line);
            }
            None if group.is_some() && self.in_values => {
                // A group's label opens the next run.
                self.segs.push(Seg::default());
                self.in_values = false;
            }
            None => {
                // The rest of a wrapped label (kept in the row's raw label); a stacked
                // character or a note: nothing.
                let long = keys.iter().any(|k| k.chars().count() >= 2);
                if let (true, true, None, Some(s)) = (was_label, long, group, self.segs.last()) {
                    if let Some(a) = s.rows.last().and_then(|&r| self.at[r].as_mut()) {
                        for c in label {
                            a.raw.push(' ');
                            a.raw.push_str(&c.raw);
                        }
                        self.after_label = true;
                    }
                }
            }
        }
    }
}

/// The identities used to place blanks, as `TableRead::used` lists them.
type UsedIds = Vec<(&'static str, (usize, usize))>;

/// Part 三's runs solved: each row's cells (None when nothing could be put back, said on `cm`)
/// and the identities that placed blanks.
fn solve_requests(
    segs: &[Seg],
    nrows: usize,
    format: Format,
    gapped: bool,
    cm: &mut ColumnMajor,
) -> (Option<Vec<Vec<Union>>>, UsedIds) {
    let k = REQUEST_COLS.len();
    let ids = request_identities(format);
    let mut solved = solve(segs, nrows, k, ids, crate::tables::int_value);
    // Rows added by position are trusted only when the identities confirm the placement.
    if gapped
        && matches!(solved, Ok((_, false)))
        && !holds_by(segs, nrows, k, ids, crate::tables::int_value, true)
    {
        solved = Err(Fail::Gap);
    }
    let mut used_ids = Vec::new();
    let unions = match solved {
        Ok((u, used)) => {
            if used {
                let ids: Vec<&Identity> = request_identities(format).iter().collect();
                cm.used = crate::tables::used_names(&ids);
                used_ids = ids.iter().map(|id| (id.rule, id.lhs[0])).collect();
            }
            Some(u)
        }
        Err(f) => {
            cm.failed = Some(fail_text(f));
            None
        }
    };
    (unions, used_ids)
}

/// Part 四 (one row of fifteen) as column-by-column text gives it: the header words, then one
/// value per line, a blank cell leaving nothing. With fewer than fifteen values, the cells on
/// which every placement keeping the three totals agrees are read (`transposed`); the others
/// are not, and the card says so. None when the part is not that shape (or has all fifteen:
/// the row reader reads them in order).
pub(crate) fn read_appeals(lines: &[Line]) -> Option<TableRead> {
    let k = APPEAL_COLS.len();
    if lines
        .iter()
        .any(|l| l.text.contains('|') || l.text.contains('\t'))
    {
        return None;
    }
    let mut values = Vec::new();
    let mut table_line = None;
    for row in rows_of(lines, &[APPEAL_COLS.len(), 5], &["结果维持"]) {
        if is_sentence(&row) {
            continue;
        }
        let line = row.line;
        match classify(row) {
            LineKind::Mixed => return None,
            LineKind::Values(v) => {
                if v.len() != 1 {
                    return None;
                }
                values.extend(v);
                table_line.get_or_insert(line);
            }
            // Header words come before the values, nothing after them.
            LineKind::Text(_) if table_line.is_some() => return None,
            LineKind::Text(_) => {}
        }
    }
    if values.len() < 2 || values.len() >= k {
        return None;
    }
    let line = table_line?;
    let segs = vec![Seg {
        rows: vec![0],
        values,
    }];
    let mut cm = ColumnMajor {
        segments: 1,
        ..Default::default()
    };
    let mut used_ids = Vec::new();
    let unions = match solve(&segs, 1, k, appeal_identities(), crate::tables::int_value) {
        Ok((u, used)) => {
            let ids: Vec<&Identity> = appeal_identities().iter().collect();
            cm.used = crate::tables::used_names(&ids);
            if used {
                used_ids = ids.iter().map(|id| (id.rule, id.lhs[0])).collect();
            }
            Some(u)
        }
        Err(f) => {
            cm.failed = Some(fail_text(f));
            None
        }
    };
    let at = Labelled {
        line,
        col: 1,
        raw: String::new(),
        by: FoundBy::Label,
    };
    let cols: Vec<&'static str> = APPEAL_COLS.iter().map(|c| c.0).collect();
    let row = row_out(
        "appeals",
        "行政复议、行政诉讼",
        None,
        &at,
        &cols,
        unions.as_ref().map(|u| u[0].as_slice()),
        &segs,
        &mut cm,
        "第四部分数据行",
    );
    let all = cm.read == cm.cells;
    Some(TableRead {
        out: TableOut {
            found: true,
            line: Some(line),
            columns: APPEAL_COLS
                .iter()
                .map(|(k, l)| ColumnOut {
                    key: k.to_string(),
                    label: l.to_string(),
                })
                .collect(),
            rows: vec![row],
        },
        shapes: vec![Shape::Fits],
        unplaced: Vec::new(),
        captions: Vec::new(),
        // Said on the card only when a cell could not be read.
        column_major: (!all).then_some(cm),
        used: used_ids,
        columns_note: None,
    })
}

/// Part 二 taken column by column: each block's labels, its column headers, then its values
/// column by column. Replaces the rows of `t` (read row by row) when the text has that shape.
pub(crate) fn read_active(lines: &[Line], format: Format, t: &mut TableRead) {
    if !worth_trying(lines, 1) {
        return;
    }
    let blocks = active_blocks(format);
    let Some((segs, at)) = active_runs(lines, format) else {
        return;
    };
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
        if let Some(f) = active_block(format, b, &segs, &at, &mut cm, &mut rows) {
            failed.push((blk.item, f));
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

/// Part 二's runs and its rows' labels.
type ActiveRuns = (Vec<(usize, Seg)>, Vec<Option<Labelled>>);

/// Part 二's runs per block — (block, run) with rows as indices into the active specs — and
/// where each row's label was; None when the text is not this shape.
fn active_runs(lines: &[Line], format: Format) -> Option<ActiveRuns> {
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
    // Runs (by index into `segs`) whose labels were followed by the column headers before any
    // value: the column-by-column shape, whatever the count of values (blanks leave nothing).
    let mut headed: Vec<usize> = Vec::new();
    let widths: Vec<usize> = active_blocks(format)
        .iter()
        .map(|b| b.columns.len())
        .collect();
    let firsts: Vec<&str> = active_blocks(format)
        .iter()
        .map(|b| b.columns[0].1)
        .collect();
    for row in rows_of(lines, &widths, &firsts) {
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
            LineKind::Mixed => return None,
            LineKind::Values(v) => {
                if let (false, Some((_, s))) = (fresh, segs.last_mut()) {
                    s.values.extend(v);
                    in_values = true;
                }
            }
            LineKind::Text(label) => {
                if is_header(&label, &words) {
                    if let (false, false, Some((_, s))) = (fresh, in_values, segs.last()) {
                        if s.rows.len() >= 2 && !headed.contains(&(segs.len() - 1)) {
                            headed.push(segs.len() - 1);
                        }
                    }
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
    // This shape only when some block's run has several labels and more values than a row,
    // or several labels, then the column headers, then its values.
    if !segs.iter().enumerate().any(|(n, (b, s))| {
        s.rows.len() >= 2
            && (s.values.len() > blocks[*b].columns.len()
                || headed.contains(&n) && !s.values.is_empty())
    }) {
        return None;
    }
    Some((segs, at))
}

/// The rows of block `b` of part 二 from its runs, each solved; why not, when its values could
/// not be put back.
fn active_block(
    format: Format,
    b: usize,
    segs: &[(usize, Seg)],
    at: &[Option<Labelled>],
    cm: &mut ColumnMajor,
    rows: &mut Vec<RowOut>,
) -> Option<(String, String)> {
    let blk = &active_blocks(format)[b];
    let (specs, _) = crate::tables::active_specs(format);
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
    let (unions, failed) = match solve(&bsegs, idx.len(), k, &[], value) {
        Ok((u, _)) => (Some(u), None),
        Err(f) => (None, Some(fail_text(f))),
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
                cm,
                label,
            )),
        }
    }
    failed
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
        let segs = vec![Seg {
            rows: vec![0, 1, 2, 3],
            values: cells(&["5", "0", "3"]),
        }];
        let ls = column_layouts(
            &segs,
            &[0, 1, 2, 3],
            &[0],
            &[1],
            &[],
            crate::tables::int_value,
            &mut 1000,
        )
        .unwrap();
        // One blank over 3 gaps (before 5, between 5 and 3 with a zero, after 3).
        assert_eq!(ls.len(), 3);
        let vals: Vec<Vec<i64>> = ls.iter().map(|l| l.vals.clone()).collect();
        assert!(vals.contains(&vec![0, 5, 0, 3]));
        assert!(vals.contains(&vec![5, 0, 0, 3]));
        assert!(vals.contains(&vec![5, 0, 3, 0]));
        let mid = ls.iter().find(|l| l.vals == vec![5, 0, 0, 3]).unwrap();
        assert_eq!(mid.picks[1], Pick::ZeroOrBlank);
        let first = ls.iter().find(|l| l.vals == vec![0, 5, 0, 3]).unwrap();
        assert_eq!(first.picks[0], Pick::Blank);
        assert_eq!(first.picks[2], Pick::Item(0, 1));
        // Keeping row 1 = row 3 leaves one of them.
        let coef = vec![vec![0, 1, 0, -1]];
        let ls = column_layouts(
            &segs,
            &[0, 1, 2, 3],
            &[0],
            &[1],
            &coef,
            crate::tables::int_value,
            &mut 1000,
        )
        .unwrap();
        assert_eq!(ls.len(), 1);
        assert_eq!(ls[0].vals, vec![5, 0, 3, 0]);
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
