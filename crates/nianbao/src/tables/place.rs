//! Placing a row's values into its table's columns (both paths): as they stand, among the
//! placements the identities leave, or cut from a run of glued digits.

use super::{int_value, money_value, used_names, RowRead, Shape, TableRead, Why};
use crate::layout::{self, Cell, Kind};
use crate::placement::{solve, Pending};
use crate::result::{CellOut, ColumnOut, Read, RowOut, TableOut};
use crate::spec::{ColKind, Identity};

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
pub(super) fn place_rows(
    found: &[Option<RowRead>],
    scattered: &[bool],
    labels: &[(&str, &str, Option<&str>)],
    cols: &[(&'static str, &'static str)],
    identities: &[Identity],
    table_line: Option<usize>,
    value: fn(&Cell) -> i64,
) -> TableRead {
    let k = cols.len();
    let (items, mut pending, whys) = plan_rows(found, scattered, identities, k, value);
    solve(&mut pending, identities);
    let used = used_identities(&pending, identities);
    // Money is placed in units of 1/10000 (every written digit kept); candidates are shown in
    // the text's own unit, and only when they are whole numbers (the result holds integers).
    let placing = Placing {
        cols,
        identities,
        scale: value(&layout::make_cell("1".into(), "1".into(), 0, 0)).max(1),
    };
    let mut rows = Vec::with_capacity(found.len());
    let mut shapes = Vec::with_capacity(found.len());
    for (i, &(rkey, label, block)) in labels.iter().enumerate() {
        let Some(r) = &found[i] else {
            rows.push(RowOut::missing(rkey, label, block, k));
            shapes.push(Shape::Fits);
            continue;
        };
        let p = pending[i].as_ref().expect("found row has a placement");
        let (row, shape) = placing.row(r, p, &items[i], &whys[i], (rkey, label, block));
        rows.push(row);
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

/// What placing a table's rows knows of the table.
struct Placing<'a> {
    cols: &'a [(&'static str, &'static str)],
    identities: &'a [Identity],
    /// The value of a cell "1": money is placed in units of 1/10000.
    scale: i64,
}

impl Placing<'_> {
    /// A found row placed (`p`, from its `items`; `why0`: why it may be uncertain): its cells
    /// and its shape.
    fn row(
        &self,
        r: &RowRead,
        p: &Pending,
        items: &Items,
        why0: &Why,
        (rkey, label, block): (&str, &str, Option<&str>),
    ) -> (RowOut, Shape) {
        let choice = p.choice();
        let scale = self.scale;
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
        let why = match why0 {
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
                used: used_names(
                    &p.used
                        .iter()
                        .map(|&u| &self.identities[u])
                        .collect::<Vec<_>>(),
                ),
                loose,
            }
        } else {
            Shape::Ambiguous {
                numbers,
                why,
                loose,
            }
        };
        // (A table without identities, part 二, has nothing to confirm a split: a blank cell
        // leaves nothing in glued text, so a split by the count of digits alone is a guess.)
        let solved = matches!(why0, Why::Glued { .. })
            && !self.identities.is_empty()
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
        let mut cells = Vec::with_capacity(self.cols.len());
        for (c, (ckey, _)) in self.cols.iter().enumerate() {
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
                    Some(it) => CellOut::from_cell(items.get(it)),
                    None => CellOut::blank(r.line),
                }
            };
            let mut cell = cell;
            if cell.kind != Kind::Ambiguous {
                cell.read = read;
            }
            cells.push((*ckey, cell));
        }
        let row = RowOut {
            key: rkey.to_string(),
            label: label.to_string(),
            found: true,
            line: Some(r.line),
            column: Some(r.col),
            block: block.map(str::to_string),
            raw_label: Some(r.label_raw.clone()),
            found_by: r.found_by,
            numbers,
            expected: self.cols.len(),
            cells,
        };
        (row, shape)
    }
}

/// Each found row's items, its pending placement (the identities within the row alone taken
/// into account), and why it is uncertain.
fn plan_rows<'r>(
    found: &'r [Option<RowRead>],
    scattered: &[bool],
    identities: &[Identity],
    k: usize,
    value: fn(&Cell) -> i64,
) -> (Vec<Items<'r>>, Vec<Option<Pending>>, Vec<Why>) {
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
    (items, pending, whys)
}

/// The identities a placement used (rule, first left-hand cell), each once.
fn used_identities(
    pending: &[Option<Pending>],
    identities: &[Identity],
) -> Vec<(&'static str, (usize, usize))> {
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
    used
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
        if is_glued_run(r, c, t, k, !own.is_empty()) {
            return cut_glued(c, t, k, value, own);
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

/// Whether a row's one item `c` (trimmed: `t`) is a run of glued digits to cut into the row's
/// `k` numbers (`has_own`: the row has identities of its own).
fn is_glued_run(r: &RowRead, c: &Cell, t: &str, k: usize, has_own: bool) -> bool {
    (r.glued && k >= 2 || has_own && k >= 7)
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
}

/// The ways to cut a run of glued digits `t` (the cell `c`) into `k` numbers that the row's own
/// identities allow, as one placement's candidates.
fn cut_glued<'r>(
    c: &Cell,
    t: &str,
    k: usize,
    value: fn(&Cell) -> i64,
    own: &[&Identity],
) -> (Items<'r>, Pending, Why) {
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
    // A blank cell leaves nothing in glued text: when the row's identities allow one
    // split, a split with one blank cell that they allow too makes the row undecided
    // ("115321233" is 11|5|3|2|12|□|33 as well as 1|1|5|3|21|2|33).
    let with_blank = if splits.len() == 1 && !own.is_empty() && k > 2 {
        blank_alternative(t, k, &own, &breaks)
    } else {
        None
    };
    let mut items = Vec::with_capacity((splits.len() + 1) * k);
    let mut vectors = Vec::with_capacity(splits.len() + 1);
    let piece = |start: usize, len: usize| {
        let text = t[start..start + len].to_string();
        let rw: String = raw[at[start]..=at[start + len - 1]].iter().collect();
        layout::make_cell(rw, text, c.line, c.col + at[start])
    };
    for sp in &splits {
        let mut v = Vec::with_capacity(k);
        for &(start, len) in sp {
            let cell = piece(start, len);
            v.push(value(&cell));
            items.push(cell);
        }
        vectors.push(v);
    }
    if let Some((blank, sp)) = with_blank {
        let mut v = Vec::with_capacity(k);
        let mut pieces = sp.iter();
        for col in 0..k {
            let cell = if col == blank {
                layout::make_cell(String::new(), String::new(), c.line, c.col)
            } else {
                let &(start, len) = pieces.next().expect("k - 1 pieces");
                piece(start, len)
            };
            v.push(value(&cell));
            items.push(cell);
        }
        vectors.push(v);
    }
    let p = Pending::explicit(&vectors, k, cut || splits.is_empty());
    (
        Items::Cut(items),
        p,
        Why::Glued {
            digits: t.to_string(),
            own_used,
        },
    )
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

/// A split of the glued run `d` into `k - 1` pieces with one blank cell that the row's own
/// identities (`own`, over `k` columns; the blank counts 0) allow too: (blank column, pieces).
fn blank_alternative(
    d: &str,
    k: usize,
    own: &[(Vec<usize>, Vec<usize>)],
    breaks: &[bool],
) -> Option<(usize, Vec<(usize, usize)>)> {
    for blank in 0..k {
        // The identities over the k - 1 columns left: the blank dropped, later columns shifted.
        let shift = |cols: &Vec<usize>| -> Vec<usize> {
            cols.iter()
                .filter(|&&c| c != blank)
                .map(|&c| if c > blank { c - 1 } else { c })
                .collect()
        };
        let own_b: Vec<(Vec<usize>, Vec<usize>)> =
            own.iter().map(|(l, r)| (shift(l), shift(r))).collect();
        let (splits, _, _) = split_digits(d, k - 1, &own_b, breaks);
        if let Some(sp) = splits.into_iter().next() {
            return Some((blank, sp));
        }
    }
    None
}

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

/// Most digits of a piece of a glued run.
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
/// Steps of the search for ways to cut, and ways kept, before it is cut short.
const BUDGET: usize = 2_000_000;
const MAX_OUT: usize = 2000;
/// The search for the ways to cut a run of digits (`split_digits`).
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
/// Cuts the rest of the run from byte `pos`, with `s.cur` the pieces so far.
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
                let sum = |cs: &[usize]| cs.iter().map(|&x| i128::from(s.cur[x].2)).sum::<i128>();
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
