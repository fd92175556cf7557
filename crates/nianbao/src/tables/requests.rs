//! Part 三 from text: rows by their labels, the lines each row's values came from, stray lines.

use super::lines::rows_of;
use super::place::place_rows;
use super::rowlabels::{
    best_row, group_of, label_and_slots, label_keys, request_officials, strip_group_prefix,
    word_keys, Official,
};
use super::{int_value, RowRead, TableRead};
use crate::layout::{Cell, Row, Sep};
use crate::normalize::Line;
use crate::spec::{request_identities, request_rows, Format, RowSpec, GROUPS, REQUEST_COLS};
use std::collections::HashMap;

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

pub fn read_requests(lines: &[Line], format: Format) -> TableRead {
    if let Some(t) = crate::tables::colmajor::read_requests(lines, format) {
        return t;
    }
    let t = read_requests_as(lines, format);
    crate::tables::outdated::prefer_old_other_row(format, t, || {
        Some(read_requests_as(lines, Format::F2019))
    })
}

fn read_requests_as(lines: &[Line], format: Format) -> TableRead {
    let mut reading = RequestReading::new(format);
    for row in request_rows_of(lines) {
        reading.line(row);
    }
    reading.finish(format)
}

/// Where the values of a line without a row of its own go.
enum Cur {
    None,
    Row(usize),
    Unlabeled(usize),
}

/// One line of part 三 cut into its label and its value slots.
struct LineCells {
    line: usize,
    sep: Sep,
    label: Vec<Cell>,
    slots: Vec<Cell>,
    glued: bool,
    /// Number of values.
    values: usize,
}

impl LineCells {
    fn row_read(self) -> RowRead {
        let mut r = RowRead::new(self.line, self.sep, &self.label, self.slots);
        r.glued = self.glued;
        r
    }
}

/// Part 三 read line by line: each line's label names one of the form's rows, found from a
/// cursor on; a line of values with no row of its own is the rest of the row before, a row of
/// its group whose label was lost, or stray.
struct RequestReading {
    specs: Vec<&'static RowSpec>,
    officials: &'static [Official],
    groups: &'static [(&'static str, Official)],
    found: Vec<Option<RowRead>>,
    /// Rows of values under a group, with no label of their own.
    unlabeled: Vec<(&'static str, RowRead)>,
    /// Lines of values after the table's last row that no row took: rows whose labels were lost.
    stray_lines: Vec<usize>,
    /// Whole rows of numbers with no label before the table's first labelled row.
    before_start: Vec<usize>,
    cur: Cur,
    cursor: usize,
    group: Option<&'static str>,
    started: bool,
    table_line: Option<usize>,
    /// How each row's values came, by the row's (line, column).
    spread: HashMap<(usize, usize), Spread>,
    prev_line: usize,
}

impl RequestReading {
    fn new(format: Format) -> RequestReading {
        let specs = request_rows(format);
        let (officials, groups) = request_officials(format);
        RequestReading {
            found: vec![None; specs.len()],
            specs,
            officials,
            groups,
            unlabeled: Vec::new(),
            stray_lines: Vec::new(),
            before_start: Vec::new(),
            cur: Cur::None,
            cursor: 0,
            group: None,
            started: false,
            table_line: None,
            spread: HashMap::new(),
            prev_line: 0,
        }
    }

    /// One line of the table.
    fn line(&mut self, row: Row) {
        let Row {
            line,
            sep,
            cells,
            glued,
        } = row;
        let values = cells.iter().filter(|c| c.is_value).count();
        let (label, slots) = label_and_slots(cells);
        let l = LineCells {
            line,
            sep,
            label,
            slots,
            glued,
            values,
        };
        let (best, group_hit) = self.best_row(&l);
        if let Some(g) = group_hit {
            self.group = Some(g);
        }
        if let Some((i, _)) = best {
            self.labelled(i, l, group_hit);
            return;
        }
        let after = self.prev_line;
        self.prev_line = line;
        if values > 0 {
            self.values_only(l, group_hit, after);
        } else if group_hit.is_none() {
            self.label_rest(&l.label, line, after);
        }
    }

    /// The row a line's label names and the group it names, if any.
    fn best_row(&self, l: &LineCells) -> (Option<(usize, f32)>, Option<&'static str>) {
        let (officials, groups) = (self.officials, self.groups);
        let keys = label_keys(&l.label);
        let mut group_hit = keys.iter().rev().find_map(|k| group_of(k, groups));
        // The best row from the cursor on: exact and prefix matches first, then fuzzy ones
        // among the next few rows; whole cells first, then runs of words. The row before the
        // cursor is tried too while it has no values: a heading repeating a row's label
        // ("### 一、本年新收…") does not consume the row.
        let from = match self.cursor.checked_sub(1) {
            Some(p) if l.values > 0 && self.found[p].as_ref().is_some_and(|r| !r.has_values) => p,
            _ => self.cursor,
        };
        let mut best = best_row(&keys, officials, from);
        if best.is_none() && l.label.iter().any(|c| c.text.contains(' ')) {
            best = best_row(&word_keys(&l.label), officials, from);
        }
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
        (best, group_hit)
    }

    /// A line whose label names row `i`.
    fn labelled(&mut self, i: usize, l: LineCells, group_hit: Option<&'static str>) {
        let line = l.line;
        if !self.started && i > 0 {
            // The first row found is not row 一: a whole row of numbers just before it (at
            // most two lines) is a row whose label was lost, not read.
            self.stray_lines
                .extend(self.before_start.iter().filter(|&&b| b + 2 >= line));
        }
        let r = l.row_read();
        self.spread.insert((r.line, r.col), Spread::start(&r));
        self.found[i] = Some(r);
        self.cursor = i + 1;
        self.cur = Cur::Row(i);
        self.group = self.specs[i].group.or(group_hit);
        self.started = true;
        self.table_line.get_or_insert(line);
        self.prev_line = line;
    }

    /// A row of group `g` whose label was lost: placed by position later.
    fn push_unlabeled(&mut self, g: &'static str, l: LineCells) {
        let r = l.row_read();
        self.spread.insert((r.line, r.col), Spread::start(&r));
        self.unlabeled.push((g, r));
        self.cur = Cur::Unlabeled(self.unlabeled.len() - 1);
    }

    /// A line with values whose label names no row (`after`: the line before it).
    fn values_only(&mut self, l: LineCells, group_hit: Option<&'static str>, after: usize) {
        if let Some(g) = group_hit.filter(|g| *g != "3") {
            // A group label with numbers but no sub-label: the group's first unlabeled row.
            self.push_unlabeled(g, l);
            if let Some(first) = self.specs.iter().position(|r| r.group == Some(g)) {
                self.cursor = self.cursor.max(first);
            }
            self.started = true;
            return;
        }
        if !self.started {
            // A whole row of numbers with no label before the table's first labelled row:
            // maybe row 一 whose label was lost (decided when the first row is found).
            if l.label.is_empty() && l.values == 7 {
                self.before_start.push(l.line);
            }
            return;
        }
        let target = match self.cur {
            Cur::Row(i) => self.found[i].as_mut(),
            Cur::Unlabeled(u) => Some(&mut self.unlabeled[u].1),
            Cur::None => None,
        };
        // A TAB/pipe row of its own with no label, after a row whose own line was a whole
        // row: a row whose label was lost, not the rest of the row before.
        // (Any line of seven numbers or more after a row that has numbers of its own.)
        let own_row = |t: &RowRead| {
            l.label.is_empty()
                && ((l.sep != Sep::Space
                    && l.slots.len() >= 7
                    && t.positional
                    && t.slots.len() >= 7)
                    || (l.values >= 7 && t.has_values))
        };
        match target {
            // Label text that matches nothing, with numbers: the rest of the current row.
            Some(t) if (t.filled() < 7 || !l.label.is_empty()) && !own_row(t) => {
                if let Some(sp) = self.spread.get_mut(&(t.line, t.col)) {
                    sp.add(l.line, l.values, l.label.is_empty(), after);
                }
                t.add(l.sep, l.slots)
            }
            _ => {
                if let Some(g) = self.group.filter(|g| *g != "3") {
                    self.push_unlabeled(g, l);
                } else {
                    self.stray_lines.push(l.line);
                }
                // (Otherwise values after the table's last row that no row took: they are
                // not dealt out to rows by count; column-by-column text is `colmajor`'s.)
            }
        }
    }

    /// Text only: the rest of a label broken across lines.
    fn label_rest(&mut self, label: &[Cell], line: usize, after: usize) {
        if let Cur::Row(i) = self.cur {
            if let Some(r) = self.found[i].as_mut() {
                for c in label {
                    r.label_raw.push(' ');
                    r.label_raw.push_str(&c.raw);
                }
                if let Some(sp) = self.spread.get_mut(&(r.line, r.col)) {
                    if sp.last == after && !r.has_values {
                        sp.last = line;
                    }
                }
            }
        }
    }

    /// Sub-rows whose labels were lost: by position within their group, when the count fits;
    /// the groups whose count does not fit, unplaced.
    fn place_unlabeled(&mut self) -> Vec<(String, String, Vec<usize>)> {
        let (specs, found) = (&self.specs, &mut self.found);
        let mut unlabeled = std::mem::take(&mut self.unlabeled);
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
        unplaced
    }

    /// The rows found, placed in the form's columns.
    fn finish(mut self, format: Format) -> TableRead {
        let mut unplaced = self.place_unlabeled();
        let labels: Vec<(&str, &str, Option<&str>)> =
            self.specs.iter().map(|r| (r.key, r.label, None)).collect();
        let scattered: Vec<bool> = self
            .found
            .iter()
            .map(|f| {
                f.as_ref()
                    .and_then(|r| self.spread.get(&(r.line, r.col)))
                    .is_some_and(|s| s.scattered())
            })
            .collect();
        let mut t = place_rows(
            &self.found,
            &scattered,
            &labels,
            &REQUEST_COLS.iter().map(|c| (c.0, c.1)).collect::<Vec<_>>(),
            request_identities(format),
            self.table_line,
            int_value,
        );
        if !self.stray_lines.is_empty() {
            // Rows whose labels were lost outside any group: not read, not dealt out (group "").
            unplaced.push((String::new(), String::new(), self.stray_lines));
        }
        t.unplaced = unplaced;
        t
    }
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
