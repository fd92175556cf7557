//! Layout: characters with positions → lines (baseline clustering) and ruled tables (grid from
//! the ruling lines, merged cells where a separator is missing), in reading order.

use super::interp::{Char, Page, Rule};

/// A line of text outside tables.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: String,
    pub x0: f64,
    pub x1: f64,
    /// Baseline.
    pub y: f64,
    pub size: f64,
}

/// A ruled table found on one page (or joined over several).
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub page: usize,
    pub top: f64,
    pub bottom: f64,
    /// Column edges (cols + 1 of them).
    pub xs: Vec<f64>,
    /// Row edges on the page where the table starts (rows + 1 of them until joined).
    pub ys: Vec<f64>,
    pub rows: usize,
    pub cols: usize,
    /// Group (merged cell) of each elementary cell, row-major.
    pub cell: Vec<usize>,
    /// Text of each group.
    pub texts: Vec<String>,
    /// Per column: the table's top (bottom) edge has no rule there.
    pub top_open: Vec<bool>,
    pub bottom_open: Vec<bool>,
    /// A table joined across pages: (the row where a page's part begins, that page).
    pub page_rows: Vec<(usize, usize)>,
}

/// A cell of a table: top-left position, spans and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellOut {
    pub row: usize,
    pub col: usize,
    pub rowspan: usize,
    pub colspan: usize,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Line(Line),
    Table(Table),
}

impl Item {
    pub fn top(&self) -> f64 {
        match self {
            Item::Line(l) => l.y - l.size,
            Item::Table(t) => t.top,
        }
    }
}

/// Characters after or before which a wrapped line joins without a space: CJK characters and
/// punctuation, and the general punctuation Chinese text uses (quotes, dashes, ellipsis).
pub fn joins_tight(c: char) -> bool {
    is_cjk(c)
        || matches!(
            c,
            '\u{2014}'
                | '\u{2018}'
                | '\u{2019}'
                | '\u{201C}'
                | '\u{201D}'
                | '\u{2026}'
                | '\u{00B7}'
        )
}

pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// Groups characters into lines: by baseline (tolerant to small differences), then by x.
fn lines_of(mut chars: Vec<&Char>, tabs: bool) -> Vec<Line> {
    chars.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    let mut groups: Vec<Vec<&Char>> = Vec::new();
    let mut base = f64::NAN;
    let mut base_size = 0.0f64;
    for c in chars {
        let tol = 0.45 * base_size.max(c.size);
        if groups.is_empty() || c.y - base > tol {
            groups.push(Vec::new());
            base = c.y;
            base_size = c.size;
        }
        if let Some(g) = groups.last_mut() {
            g.push(c);
        }
    }
    groups
        .into_iter()
        .map(|mut g| {
            g.sort_by(|a, b| a.x0.total_cmp(&b.x0));
            let size = g.iter().map(|c| c.size).fold(0.0, f64::max);
            let mut text = String::new();
            let mut prev: Option<&Char> = None;
            for c in &g {
                if let Some(p) = prev {
                    // Fake bold and shadows draw a glyph twice at almost the same place.
                    if p.text == c.text && (c.x0 - p.x0).abs() < 0.25 * c.size {
                        continue;
                    }
                    let gap = c.x0 - p.x1;
                    let last = text.chars().last().unwrap_or(' ');
                    let first = c.text.chars().next().unwrap_or(' ');
                    if !last.is_whitespace() && !first.is_whitespace() {
                        let s = p.size.max(c.size);
                        if tabs && gap > 2.5 * s {
                            text.push('\t');
                        } else {
                            let thresh = if is_cjk(last) && is_cjk(first) {
                                0.6
                            } else {
                                0.2
                            };
                            if gap > thresh * s {
                                text.push(' ');
                            }
                        }
                    }
                }
                text.push_str(&c.text);
                prev = Some(c);
            }
            let y = g.iter().map(|c| c.y).sum::<f64>() / g.len() as f64;
            Line {
                text,
                x0: g.first().map_or(0.0, |c| c.x0),
                x1: g.iter().map(|c| c.x1).fold(f64::MIN, f64::max),
                y,
                size,
            }
        })
        .collect()
}

/// Joins a cell's lines: a line break next to CJK text (wrapped inside the cell) joins without
/// a break; other lines by '\n'.
fn cell_text(lines: &[Line]) -> String {
    let mut out = String::new();
    for l in lines {
        let t = l.text.trim();
        if t.is_empty() {
            continue;
        }
        if let (Some(a), Some(b)) = (out.chars().last(), t.chars().next()) {
            if !(joins_tight(a) || joins_tight(b)) {
                out.push('\n');
            }
        }
        out.push_str(t);
    }
    out
}

/// Clusters sorted values: values within `tol` of the cluster's first join it; returns means.
fn cluster(mut v: Vec<f64>, tol: f64) -> Vec<f64> {
    v.sort_by(f64::total_cmp);
    let mut out: Vec<(f64, usize, f64)> = Vec::new();
    for x in v {
        match out.last_mut() {
            Some((first, n, sum)) if x - *first <= tol => {
                *n += 1;
                *sum += x;
            }
            _ => out.push((x, 1, x)),
        }
    }
    out.into_iter().map(|(_, n, s)| s / n as f64).collect()
}

/// Merges collinear, touching rules.
fn merge_rules(rules: &[Rule], horizontal: bool) -> Vec<Rule> {
    let mut v: Vec<Rule> = rules
        .iter()
        .filter(|r| r.horizontal == horizontal)
        .copied()
        .collect();
    v.sort_by(|a, b| a.pos.total_cmp(&b.pos).then(a.a.total_cmp(&b.a)));
    // Group by position first.
    let mut out: Vec<Rule> = Vec::new();
    let mut i = 0;
    while i < v.len() {
        let mut j = i;
        while j < v.len() && v[j].pos - v[i].pos <= 1.0 {
            j += 1;
        }
        let mut seg: Vec<Rule> = v[i..j].to_vec();
        let pos = seg.iter().map(|r| r.pos).sum::<f64>() / seg.len() as f64;
        seg.sort_by(|a, b| a.a.total_cmp(&b.a));
        let mut cur: Option<Rule> = None;
        for r in seg {
            match &mut cur {
                Some(c) if r.a <= c.b + 1.5 => c.b = c.b.max(r.b),
                _ => {
                    if let Some(c) = cur.take() {
                        out.push(c);
                    }
                    cur = Some(Rule { pos, ..r });
                }
            }
        }
        if let Some(c) = cur {
            out.push(c);
        }
        i = j;
    }
    out
}

fn find(p: &mut [usize], mut x: usize) -> usize {
    while p[x] != x {
        p[x] = p[p[x]];
        x = p[x];
    }
    x
}

fn union(p: &mut [usize], a: usize, b: usize) {
    let (a, b) = (find(p, a), find(p, b));
    if a != b {
        p[a.max(b)] = a.min(b);
    }
}

/// Whether some rule of `rules` at `pos` covers the middle of [a, b].
fn covered(rules: &[Rule], pos: f64, a: f64, b: f64) -> bool {
    let m = 0.25 * (b - a);
    rules
        .iter()
        .any(|r| (r.pos - pos).abs() <= 2.0 && r.a <= a + m && r.b >= b - m)
}

/// Finds the ruled tables of a page: their grids, with merged cells.
fn tables(page: &Page, page_no: usize) -> Vec<Table> {
    let hs = merge_rules(&page.rules, true);
    let vs = merge_rules(&page.rules, false);
    let n = hs.len() + vs.len();
    if hs.len() < 2 || vs.len() < 2 || n > 20_000 {
        return Vec::new();
    }
    let mut parent: Vec<usize> = (0..n).collect();
    let tol = 2.0;
    for (i, h) in hs.iter().enumerate() {
        for (j, v) in vs.iter().enumerate() {
            if v.pos >= h.a - tol && v.pos <= h.b + tol && h.pos >= v.a - tol && h.pos <= v.b + tol
            {
                union(&mut parent, i, hs.len() + j);
            }
        }
    }
    let mut comps: std::collections::BTreeMap<usize, (Vec<Rule>, Vec<Rule>)> = Default::default();
    for i in 0..n {
        let r = find(&mut parent, i);
        let e = comps.entry(r).or_default();
        if i < hs.len() {
            e.0.push(hs[i]);
        } else {
            e.1.push(vs[i - hs.len()]);
        }
    }
    let mut out = Vec::new();
    for (_, (h, v)) in comps {
        if h.len() < 2 || v.len() < 2 {
            continue;
        }
        let xs = cluster(v.iter().map(|r| r.pos).collect(), 2.0);
        let mut ys = cluster(h.iter().map(|r| r.pos).collect(), 2.0);
        if xs.len() < 2 || ys.len() < 2 {
            continue;
        }
        // A table cut by a page break (Chromium slices the cells there) has vertical rules
        // running past its first or last horizontal rule: that open edge bounds a row too.
        let vtop = v.iter().map(|r| r.a).fold(f64::MAX, f64::min);
        let vbottom = v.iter().map(|r| r.b).fold(f64::MIN, f64::max);
        if vtop < ys[0] - 3.0 {
            ys.insert(0, vtop);
        }
        if vbottom > ys[ys.len() - 1] + 3.0 {
            ys.push(vbottom);
        }
        let (rows, cols) = (ys.len() - 1, xs.len() - 1);
        // One cell is a frame around text (a boxed note), not a table.
        if rows * cols > 20_000 || rows * cols == 1 {
            continue;
        }
        let mut p: Vec<usize> = (0..rows * cols).collect();
        for r in 0..rows {
            for c in 0..cols {
                if c + 1 < cols && !covered(&v, xs[c + 1], ys[r], ys[r + 1]) {
                    union(&mut p, r * cols + c, r * cols + c + 1);
                }
                if r + 1 < rows && !covered(&h, ys[r + 1], xs[c], xs[c + 1]) {
                    union(&mut p, r * cols + c, (r + 1) * cols + c);
                }
            }
        }
        // Groups numbered in reading order of their first cell.
        let mut id = vec![usize::MAX; rows * cols];
        let mut cell = vec![0; rows * cols];
        let mut k = 0;
        for (i, slot) in cell.iter_mut().enumerate() {
            let root = find(&mut p, i);
            if id[root] == usize::MAX {
                id[root] = k;
                k += 1;
            }
            *slot = id[root];
        }
        let top_open = (0..cols)
            .map(|c| !covered(&h, ys[0], xs[c], xs[c + 1]))
            .collect();
        let bottom_open = (0..cols)
            .map(|c| !covered(&h, ys[rows], xs[c], xs[c + 1]))
            .collect();
        out.push(Table {
            page: page_no,
            top: ys[0],
            bottom: ys[rows],
            xs,
            ys,
            rows,
            cols,
            cell,
            texts: vec![String::new(); k],
            top_open,
            bottom_open,
            page_rows: Vec::new(),
        });
    }
    out
}

/// Lays out one page: text lines outside tables and the tables, in reading order (top first).
pub fn page(page: &Page, page_no: usize) -> Vec<Item> {
    let tabs = tables(page, page_no);
    let mut free: Vec<&Char> = Vec::new();
    let mut in_cell: Vec<Vec<Vec<&Char>>> = tabs
        .iter()
        .map(|t| vec![Vec::new(); t.texts.len()])
        .collect();
    for ch in &page.chars {
        let cx = (ch.x0 + ch.x1) / 2.0;
        let cy = ch.y - 0.35 * ch.size;
        let mut placed = false;
        for (ti, t) in tabs.iter().enumerate() {
            let y = &t.ys;
            if cx < t.xs[0] || cx > t.xs[t.cols] || cy < y[0] || cy > y[t.rows] {
                continue;
            }
            let c = t.xs[1..].partition_point(|&e| e < cx).min(t.cols - 1);
            let r = y[1..].partition_point(|&e| e < cy).min(t.rows - 1);
            in_cell[ti][t.cell[r * t.cols + c]].push(ch);
            placed = true;
            break;
        }
        if !placed {
            free.push(ch);
        }
    }
    let mut items: Vec<Item> = Vec::new();
    for (ti, mut t) in tabs.into_iter().enumerate() {
        for (g, chars) in std::mem::take(&mut in_cell[ti]).into_iter().enumerate() {
            t.texts[g] = cell_text(&lines_of(chars, false));
        }
        items.push(Item::Table(t));
    }
    items.extend(lines_of(free, true).into_iter().map(Item::Line));
    items.sort_by(|a, b| a.top().total_cmp(&b.top()));
    items
}

impl Table {
    /// The cells: one per group, its bounding rectangle in the grid.
    pub fn cells(&self) -> Vec<CellOut> {
        let n = self.texts.len();
        let mut b = vec![(usize::MAX, usize::MAX, 0usize, 0usize); n];
        for r in 0..self.rows {
            for c in 0..self.cols {
                let g = self.cell[r * self.cols + c];
                let e = &mut b[g];
                e.0 = e.0.min(r);
                e.1 = e.1.min(c);
                e.2 = e.2.max(r);
                e.3 = e.3.max(c);
            }
        }
        b.iter()
            .enumerate()
            .filter(|(_, e)| e.0 != usize::MAX)
            .map(|(g, e)| CellOut {
                row: e.0,
                col: e.1,
                rowspan: e.2 - e.0 + 1,
                colspan: e.3 - e.1 + 1,
                text: self.texts[g].clone(),
            })
            .collect()
    }

    /// Whether `next` (the top of the next page) continues this table: the same outer edges,
    /// and most column edges of the one with fewer columns found in the other (a page may show
    /// only rows whose label cells span several columns).
    pub fn continued_by(&self, next: &Table) -> bool {
        let near = |a: f64, b: f64| (a - b).abs() <= 2.5;
        let (a, b) = if self.xs.len() <= next.xs.len() {
            (&self.xs, &next.xs)
        } else {
            (&next.xs, &self.xs)
        };
        let shared = a.iter().filter(|x| b.iter().any(|y| near(**x, *y))).count();
        near(self.xs[0], next.xs[0])
            && near(self.xs[self.cols], next.xs[next.cols])
            && shared * 2 >= a.len()
    }

    /// Puts the table on finer column edges (which include its own): spans widen.
    fn regrid(&mut self, xs: &[f64]) {
        let cols = xs.len() - 1;
        let map: Vec<usize> = (0..cols)
            .map(|j| {
                let m = (xs[j] + xs[j + 1]) / 2.0;
                self.xs[1..].partition_point(|&e| e < m).min(self.cols - 1)
            })
            .collect();
        let mut cell = Vec::with_capacity(self.rows * cols);
        for r in 0..self.rows {
            cell.extend(map.iter().map(|&o| self.cell[r * self.cols + o]));
        }
        self.top_open = map.iter().map(|&o| self.top_open[o]).collect();
        self.bottom_open = map.iter().map(|&o| self.bottom_open[o]).collect();
        self.cell = cell;
        self.xs = xs.to_vec();
        self.cols = cols;
    }

    fn group_cols(&self, g: usize) -> (usize, usize, usize) {
        let mut lo = usize::MAX;
        let mut hi = 0;
        let mut rows = std::collections::BTreeSet::new();
        for r in 0..self.rows {
            for c in 0..self.cols {
                if self.cell[r * self.cols + c] == g {
                    lo = lo.min(c);
                    hi = hi.max(c);
                    rows.insert(r);
                }
            }
        }
        (lo, hi, rows.len())
    }

    fn row_texts(&self, r: usize) -> Vec<&str> {
        let mut v: Vec<usize> = self.cell[r * self.cols..(r + 1) * self.cols].to_vec();
        v.dedup();
        v.iter().map(|&g| self.texts[g].as_str()).collect()
    }

    /// Appends the continuation of this table from the next page. Header rows the next page
    /// repeats are dropped; a merged cell cut by the page break is joined again when the break
    /// left its edge open or one of its halves is empty.
    pub fn join(&mut self, mut next: Table) {
        if self.cols != next.cols
            || self
                .xs
                .iter()
                .zip(&next.xs)
                .any(|(a, b)| (a - b).abs() > 2.5)
        {
            let xs = cluster(self.xs.iter().chain(&next.xs).copied().collect(), 2.5);
            if xs.len() < 2 || xs.len() > 1000 {
                return;
            }
            self.regrid(&xs);
            next.regrid(&xs);
        }
        // Repeated header rows.
        let mut skip = 0;
        while skip < next.rows.min(self.rows)
            && next.row_texts(skip) == self.row_texts(skip)
            && next.row_texts(skip).iter().any(|t| !t.is_empty())
        {
            skip += 1;
        }
        if skip > 0 && skip < next.rows {
            next.cell.drain(..skip * next.cols);
            next.rows -= skip;
            next.top_open = vec![false; next.cols];
        }
        let off = self.texts.len();
        let cols = self.cols;
        let mut parent: Vec<usize> = (0..off + next.texts.len()).collect();
        let last = self.rows - 1;
        for c in 0..cols {
            let a = self.cell[last * cols + c];
            let b = next.cell[c];
            let (alo, ahi, arows) = self.group_cols(a);
            let (blo, bhi, brows) = next.group_cols(b);
            if (alo, ahi) != (blo, bhi) || (alo == 0 && ahi == cols - 1) {
                continue;
            }
            // A cell cut by the break has neither edge ruled there.
            let open = self.bottom_open[c] && next.top_open[c];
            let half_empty =
                (arows > 1 || brows > 1) && (self.texts[a].is_empty() || next.texts[b].is_empty());
            if open || half_empty {
                union(&mut parent, a, off + b);
            }
        }
        let mut texts: Vec<String> = self.texts.drain(..).chain(next.texts.drain(..)).collect();
        for g in 0..texts.len() {
            let r = find(&mut parent, g);
            if r != g {
                let t = std::mem::take(&mut texts[g]);
                if !t.is_empty() {
                    let joined = cell_text(&[
                        Line {
                            text: texts[r].clone(),
                            x0: 0.0,
                            x1: 0.0,
                            y: 0.0,
                            size: 0.0,
                        },
                        Line {
                            text: t,
                            x0: 0.0,
                            x1: 0.0,
                            y: 0.0,
                            size: 0.0,
                        },
                    ]);
                    texts[r] = joined;
                }
            }
        }
        let mut cell: Vec<usize> = self.cell.iter().map(|&g| find(&mut parent, g)).collect();
        cell.extend(next.cell.iter().map(|&g| find(&mut parent, off + g)));
        // Renumber groups densely.
        let mut id = vec![usize::MAX; texts.len()];
        let mut new_texts = Vec::new();
        for g in cell.iter_mut() {
            if id[*g] == usize::MAX {
                id[*g] = new_texts.len();
                new_texts.push(std::mem::take(&mut texts[*g]));
            }
            *g = id[*g];
        }
        self.cell = cell;
        self.texts = new_texts;
        self.page_rows.push((self.rows, next.page));
        self.page_rows.extend(
            next.page_rows
                .iter()
                .map(|&(row, page)| (self.rows + row, page)),
        );
        self.rows += next.rows;
        self.bottom = next.bottom;
        self.bottom_open = next.bottom_open;
        self.page = next.page;
    }
}

/// Page numbers as printed in headers and footers: "3", "-1-", "- 2 -", "第 3 页", "第3页 共9页",
/// "3/9", "Page 3".
pub fn is_page_number(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty() || t.chars().count() > 16 {
        return false;
    }
    let digits = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    };
    let dash = |c: char| matches!(c, '-' | '—' | '–' | '－' | '~' | '·' | '―' | '─');
    let core = t.trim_matches(dash);
    if digits(core) {
        return true;
    }
    if let Some(rest) = core.strip_prefix('第') {
        let (a, b) = rest.split_once('页').unwrap_or((rest, "\u{0}"));
        if digits(a)
            && (b.is_empty()
                || b.strip_prefix('共')
                    .and_then(|x| x.strip_suffix('页'))
                    .is_some_and(digits))
        {
            return true;
        }
    }
    if let Some((a, b)) = core.split_once('/') {
        return digits(a) && digits(b);
    }
    let lower = core.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("page") {
        let first = rest.split("of").next().unwrap_or("");
        return digits(first);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ch(t: &str, x: f64, y: f64) -> Char {
        Char {
            text: t.into(),
            x0: x,
            x1: x + 10.0,
            y,
            size: 10.0,
        }
    }

    fn rule(h: bool, pos: f64, a: f64, b: f64) -> Rule {
        Rule {
            horizontal: h,
            pos,
            a,
            b,
        }
    }

    #[test]
    fn page_numbers() {
        for t in [
            "3",
            "- 2 -",
            "-1-",
            "第 3 页",
            "第3页共9页",
            "3 / 9",
            "Page 3",
            "— 12 —",
        ] {
            assert!(is_page_number(t), "{t}");
        }
        for t in ["2022年", "一、总体情况", "第二十条", "", "3件"] {
            assert!(!is_page_number(t), "{t}");
        }
    }

    #[test]
    fn lines_cluster_baselines_and_keep_cjk_together() {
        let chars = [
            ch("年", 20.0, 100.4),
            ch("本", 10.0, 100.0),
            ch("A", 60.0, 99.8),
            ch("下", 10.0, 120.0),
        ];
        let lines = lines_of(chars.iter().collect(), true);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].text, "本年\tA");
        assert_eq!(lines[1].text, "下");
    }

    #[test]
    fn merged_cells_from_missing_separators() {
        // 3 columns × 2 rows; the first column's two cells are one (no rule between them).
        let mut rules = vec![
            rule(true, 0.0, 0.0, 90.0),
            rule(true, 20.0, 30.0, 90.0),
            rule(true, 40.0, 0.0, 90.0),
        ];
        for x in [0.0, 30.0, 60.0, 90.0] {
            rules.push(rule(false, x, 0.0, 40.0));
        }
        let page = Page {
            width: 100.0,
            height: 100.0,
            chars: vec![
                ch("合", 5.0, 25.0),
                ch("1", 35.0, 15.0),
                ch("2", 65.0, 35.0),
                ch("外", 5.0, 80.0),
            ],
            rules,
            images: 0,
            truncated: false,
        };
        let items = page_items(&page);
        let Item::Table(t) = &items[0] else {
            panic!("{items:?}")
        };
        let cells = t.cells();
        assert_eq!((t.rows, t.cols), (2, 3));
        assert_eq!(
            cells[0],
            CellOut {
                row: 0,
                col: 0,
                rowspan: 2,
                colspan: 1,
                text: "合".into()
            }
        );
        assert!(cells
            .iter()
            .any(|c| c.text == "2" && (c.row, c.col) == (1, 2)));
        assert!(matches!(&items[1], Item::Line(l) if l.text == "外"));
    }

    fn page_items(p: &Page) -> Vec<Item> {
        page(p, 1)
    }

    #[test]
    fn tables_join_across_pages_with_the_cut_cell_rejoined() {
        let mk =
            |texts: Vec<&str>, cell: Vec<usize>, rows: usize, top_open: bool, bottom_open: bool| {
                Table {
                    page: 1,
                    top: 0.0,
                    bottom: 10.0,
                    xs: vec![0.0, 10.0, 20.0],
                    ys: vec![],
                    rows,
                    cols: 2,
                    cell,
                    texts: texts.into_iter().map(String::from).collect(),
                    top_open: vec![top_open, false],
                    bottom_open: vec![bottom_open, false],
                    page_rows: Vec::new(),
                }
            };
        let mut a = mk(vec!["组", "1", "2"], vec![0, 1, 0, 2], 2, false, true);
        let b = mk(vec!["", "3", "4"], vec![0, 1, 0, 2], 2, true, false);
        assert!(a.continued_by(&b));
        a.join(b);
        let cells = a.cells();
        assert_eq!(a.rows, 4);
        assert_eq!(
            cells[0],
            CellOut {
                row: 0,
                col: 0,
                rowspan: 4,
                colspan: 1,
                text: "组".into()
            }
        );
        assert_eq!(cells.iter().filter(|c| c.col == 1).count(), 4);
    }
}
