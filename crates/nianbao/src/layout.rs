//! Splitting a line into cells, and reading a cell's value.
//!
//! Pasted tables arrive tab-separated, as markdown pipe rows, as runs of spaces, or one cell per
//! line. A line is split by the separator it uses; empty cells are kept for tabs and pipes (their
//! position can matter) and cannot exist for spaces.

use crate::normalize::{is_cjk, Line};
use serde::Serialize;

/// How a line separates its cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sep {
    Tab,
    Pipe,
    Space,
}

/// What a cell holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Number,
    Blank,
    Na,
    Text,
    Ambiguous,
}

/// One cell of a line.
#[derive(Debug, Clone)]
pub struct Cell {
    /// The user's own text of the cell, trimmed.
    pub raw: String,
    /// Normalised text, trimmed.
    pub text: String,
    /// Line number (1-based).
    pub line: usize,
    /// Column of the cell's first character (1-based, in characters).
    pub col: usize,
    pub kind: Kind,
    pub value: Option<f64>,
    /// Whether the cell reads as a value (number, n/a mark, or something value-like but invalid
    /// such as 减4) rather than as label text.
    pub is_value: bool,
}

/// A line cut into cells.
#[derive(Debug, Clone)]
pub struct Row {
    pub line: usize,
    pub sep: Sep,
    pub cells: Vec<Cell>,
    /// A segment of a one-line table: a label and one run of glued values (see `split_glued`).
    pub glued: bool,
}

impl Row {
    pub fn has_values(&self) -> bool {
        self.cells.iter().any(|c| c.is_value)
    }
}

/// Most cells read from one line: no table of the format has a tenth as many columns. The rest
/// of a longer line is not read (the `row-shape` rule says so: [`too_many_cells`]).
pub const MAX_CELLS: usize = 400;

/// The separator a line uses: tabs first, then pipes, else spaces.
fn sep_of(text: &str) -> Sep {
    if text.contains('\t') {
        Sep::Tab
    } else if text.contains('|') {
        Sep::Pipe
    } else {
        Sep::Space
    }
}

/// The character index where a line's cells beyond [`MAX_CELLS`] begin, if it has more.
fn cut_at(text: &str, sep: Sep) -> Option<usize> {
    let mut fields = 1;
    let mut in_word = false;
    for (ci, c) in text.chars().enumerate() {
        match sep {
            Sep::Tab | Sep::Pipe => {
                if c == if sep == Sep::Tab { '\t' } else { '|' } {
                    if fields == MAX_CELLS {
                        return Some(ci);
                    }
                    fields += 1;
                }
            }
            Sep::Space => {
                let word = !c.is_whitespace();
                if word && !in_word {
                    if fields > MAX_CELLS {
                        return Some(ci);
                    }
                    fields += 1;
                }
                in_word = word;
            }
        }
    }
    None
}

/// Whether a line has more cells than [`split`] reads.
pub fn too_many_cells(text: &str) -> bool {
    // Cheap test first: a line of fewer characters cannot have that many cells.
    text.len() >= MAX_CELLS && cut_at(text, sep_of(text)).is_some()
}

/// The line (normalised, raw) up to where [`split`] stops reading: beyond MAX_CELLS the line is
/// cut; the normalised and raw text have the same characters.
fn cut_line(line: &Line, sep: Sep) -> (&str, &str) {
    match cut_at(&line.text, sep) {
        Some(ci) => {
            let tb = line
                .text
                .char_indices()
                .nth(ci)
                .map_or(line.text.len(), |x| x.0);
            let rb = line
                .raw
                .char_indices()
                .nth(ci)
                .map_or(line.raw.len(), |x| x.0);
            (&line.text[..tb], &line.raw[..rb])
        }
        None => (&line.text, &line.raw),
    }
}

/// A cell holding several numbers separated by spaces ("0 0 0") is several cells; so is
/// one whose numbers are apart by two or more spaces ("0  0": a TAB typed as spaces),
/// although one space may group digits ("12 832").
fn split_number_cells(cells: Vec<Cell>) -> Vec<Cell> {
    let mut out = Vec::with_capacity(cells.len());
    for c in cells {
        if (c.kind == Kind::Text && c.text.contains(' ')) || c.text.contains("  ") {
            let parts = split_spaces(&c.text, &c.raw, c.line, c.col);
            if parts.len() > 1 && parts.iter().all(|p| p.is_value) {
                out.extend(parts);
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// Splits a line into cells. Returns None for lines that carry no cells (empty lines, separator
/// rows such as `|---|---|` or `-----\t---`, page numbers such as `- 3 -`). Reads at most
/// [`MAX_CELLS`] cells; the rest of the line is ignored.
pub fn split(line: &Line) -> Option<Row> {
    if line.text.trim().is_empty() || is_page_number(&line.text) {
        return None;
    }
    if let Some(at) = line.glued.or_else(|| label_glued_digits(&line.text)) {
        return Some(split_glued(line, at));
    }
    let sep = sep_of(&line.text);
    let (text, raw) = cut_line(line, sep);
    // Byte offsets of every character in the normalised and the raw line (same count).
    let mut offs: Vec<(usize, usize)> = Vec::with_capacity(text.chars().count());
    offs.extend(
        text.char_indices()
            .map(|(i, _)| i)
            .zip(raw.char_indices().map(|(i, _)| i)),
    );
    let nchars = offs.len();
    let norm_at = |ci: usize| offs.get(ci).map(|o| o.0).unwrap_or(text.len());
    let raw_at = |ci: usize| offs.get(ci).map(|o| o.1).unwrap_or(raw.len());
    let mut cells = Vec::new();
    // A cell from character `start` to `end` (exclusive), trimmed of spaces.
    let push = |start: usize, end: usize, cells: &mut Vec<Cell>| {
        let mut s = start;
        let mut e = end;
        let is_space = |ci: usize| text[norm_at(ci)..].starts_with(char::is_whitespace);
        while s < e && is_space(s) {
            s += 1;
        }
        while e > s && is_space(e - 1) {
            e -= 1;
        }
        let t = text[norm_at(s)..norm_at(e)].to_string();
        let r = raw[raw_at(s)..raw_at(e)].to_string();
        cells.push(make_cell(r, t, line.no, line.column(s)));
    };
    match sep {
        Sep::Tab | Sep::Pipe => {
            let sc = if sep == Sep::Tab { '\t' } else { '|' };
            cells.reserve(text.bytes().filter(|&b| b == sc as u8).count() + 1);
            let mut start = 0;
            for (i, c) in text.chars().enumerate() {
                if c == sc {
                    push(start, i, &mut cells);
                    start = i + 1;
                }
            }
            push(start, nchars, &mut cells);
            if sep == Sep::Pipe {
                // `| a | b |`: the pieces before the first and after the last pipe are not cells.
                if text.trim_start().starts_with('|') {
                    cells.remove(0);
                }
                if text.trim_end().ends_with('|') {
                    cells.pop();
                }
            }
            // Trailing empty fields of a TAB line are kept: they are the row's last columns,
            // left blank. (A tab that merely ends a line is removed by the table reader, which
            // knows the table's columns: `header::drop_terminators`.)
            if cells
                .iter()
                .all(|c| c.text.chars().all(|ch| matches!(ch, '-' | ':' | '—' | ' ')))
            {
                return None;
            }
            cells = unglue(split_number_cells(cells));
        }
        Sep::Space => {
            cells = split_spaces(text, raw, line.no, line.column(0));
            if cells
                .iter()
                .all(|c| c.text.chars().all(|ch| matches!(ch, '-' | ':' | '—')))
            {
                return None;
            }
            cells = merge_label_tokens(unglue(cells));
        }
    }
    if cells.iter().all(|c| c.kind == Kind::Blank) {
        return None;
    }
    Some(Row {
        line: line.no,
        sep,
        cells,
        glued: false,
    })
}

/// A row label with its values glued on and nothing between them, on a line of its own
/// ("2.其他法律行政法规禁止公开257", "行政许可624"): where the digits begin. Only a line with no
/// separator whose text is a label of Chinese characters (at least two) ending in a run of ASCII
/// digits right after a Chinese character or a closing mark; no row label of the format ends in
/// a digit.
fn label_glued_digits(text: &str) -> Option<usize> {
    let t = text.trim_end();
    if t.contains(['\t', '|', ' ', '　', '。', '，', '；', '：', ':']) {
        return None;
    }
    let chars: Vec<char> = t.chars().collect();
    let digits = chars
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let at = chars.len() - digits;
    let before = *chars.get(at.checked_sub(1)?)?;
    let cjk = |c: &char| ('\u{4e00}'..='\u{9fff}').contains(c);
    let closes = matches!(before, '）' | ')' | '”' | '」' | '》');
    (digits > 0 && (cjk(&before) || closes) && chars[..at].iter().filter(|c| cjk(c)).count() >= 2)
        .then_some(at)
}

/// A segment of a one-line table (see [`crate::oneline`]): its label (one cell, stray spaces
/// kept inside) and, from character `at`, its run of glued values as one cell whose text has the
/// spaces taken out ("10000 01" reads "1000001"; the raw text keeps them, so the pieces cut from
/// it still point at the user's characters).
fn split_glued(line: &Line, at: usize) -> Row {
    let text: Vec<char> = line.text.chars().collect();
    let raw: Vec<char> = line.raw.chars().collect();
    let at = at.min(text.len());
    let mut cells = Vec::with_capacity(2);
    let trimmed = |a: usize, b: usize| {
        let mut s = a;
        let mut e = b;
        while s < e && text[s].is_whitespace() {
            s += 1;
        }
        while e > s && text[e - 1].is_whitespace() {
            e -= 1;
        }
        (s, e)
    };
    let take = |v: &[char], s: usize, e: usize| -> String {
        v.get(s..e).map(|x| x.iter().collect()).unwrap_or_default()
    };
    let (ls, le) = trimmed(0, at);
    if ls < le {
        cells.push(make_cell(
            take(&raw, ls, le),
            take(&text, ls, le),
            line.no,
            line.column(ls),
        ));
    }
    let (vs, ve) = trimmed(at, text.len());
    if vs < ve {
        let t: String = text[vs..ve].iter().filter(|c| !c.is_whitespace()).collect();
        cells.push(make_cell(take(&raw, vs, ve), t, line.no, line.column(vs)));
    }
    Row {
        line: line.no,
        sep: Sep::Space,
        cells,
        glued: true,
    }
}

/// Label text with a run of digits glued to its end, as crawlers give table rows
/// ("一、本年新收政府信息公开申请数量801000081"): the label and the digits are two cells. Only a run
/// of at least 7 digits right after a CJK character or a closing bracket or quote, after at least
/// 4 CJK characters (2 when the label is numbered like a row: "3.其他"), is cut off: years, item
/// numbers and short numbers in prose stay as they are.
fn unglue(cells: Vec<Cell>) -> Vec<Cell> {
    let mut out = Vec::with_capacity(cells.len());
    for c in cells {
        // Cheap test first: most cells do not end in seven digits (ASCII digits are one byte).
        let trailing = c.text.bytes().rev().take_while(u8::is_ascii_digit).count();
        if c.kind != Kind::Text || c.is_value || trailing < 7 {
            out.push(c);
            continue;
        }
        let chars: Vec<char> = c.text.chars().collect();
        let digits = chars
            .iter()
            .rev()
            .take_while(|ch| ch.is_ascii_digit())
            .count();
        let cut = chars.len() - digits;
        let cjk = chars[..cut].iter().filter(|ch| is_cjk(**ch)).count();
        let raw_chars: Vec<char> = c.raw.chars().collect();
        // A short label counts when it is numbered like a row ("3.其他", "（七）总计").
        let numbered = chars
            .first()
            .is_some_and(|ch| ch.is_ascii_digit() || *ch == '(')
            || crate::normalize::cn_digit(chars[0]).is_some();
        let ends_label = cut > 0
            && (is_cjk(chars[cut - 1]) || matches!(chars[cut - 1], ')' | '”' | '"' | '】' | '」'));
        if digits < 7
            || !ends_label
            || cjk < 2
            || (cjk < 4 && !numbered)
            || raw_chars.len() != chars.len()
        {
            out.push(c);
            continue;
        }
        let lt: String = chars[..cut].iter().collect();
        let lr: String = raw_chars[..cut].iter().collect();
        let dt: String = chars[cut..].iter().collect();
        let dr: String = raw_chars[cut..].iter().collect();
        out.push(make_cell(lr, lt, c.line, c.col));
        out.push(make_cell(dr, dt, c.line, c.col + cut));
    }
    out
}

/// Whether a table's lines, as a whole, end with a terminating tab ("…\t0\t8\t"): some TAB line
/// ends with a tab right after a filled cell. Only a row whose own fields and the header leave
/// its final empty field undecided follows this (`header::drop_terminators` decides row by row).
pub fn terminator_convention(rows: &[Row]) -> bool {
    rows.iter().any(|r| {
        r.sep == Sep::Tab
            && r.cells.len() >= 3
            && r.cells.last().is_some_and(|c| c.kind == Kind::Blank)
            && r.cells[r.cells.len() - 2].is_value
    })
}

/// Splits on runs of whitespace; `col0` is the column of the first character of `text`.
fn split_spaces(text: &str, raw: &str, line: usize, col0: usize) -> Vec<Cell> {
    let mut out = Vec::new();
    let mut raw_it = raw
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(raw.len()));
    // Walk both strings together: character k of `text` is character k of `raw`.
    let mut start: Option<(usize, usize, usize)> = None; // (char index, text byte, raw byte)
    for (ci, (bi, c)) in text.char_indices().enumerate() {
        let rb = raw_it.next().unwrap_or(raw.len());
        if c.is_whitespace() {
            if let Some((sc, sb, rsb)) = start.take() {
                let t = text[sb..bi].to_string();
                let r = raw
                    .get(rsb..rb)
                    .map(str::to_string)
                    .unwrap_or_else(|| t.clone());
                out.push(make_cell(r, t, line, col0 + sc));
            }
        } else if start.is_none() {
            start = Some((ci, bi, rb));
        }
    }
    if let Some((sc, sb, rsb)) = start {
        let t = text[sb..].to_string();
        let r = raw
            .get(rsb..)
            .map(str::to_string)
            .unwrap_or_else(|| t.clone());
        out.push(make_cell(r, t, line, col0 + sc));
    }
    // A unit written apart from its number ("12832 元") belongs to it.
    let mut merged: Vec<Cell> = Vec::with_capacity(out.len());
    for c in out {
        if let Some(prev) = merged.last_mut() {
            if prev.kind == Kind::Number && is_unit(&c.text) {
                let raw = format!("{} {}", prev.raw, c.raw);
                let text = format!("{} {}", prev.text, c.text);
                *prev = make_cell(raw, text, prev.line, prev.col);
                continue;
            }
        }
        merged.push(c);
    }
    merged
}

/// In a space-separated line, consecutive words of label text form one cell ("结 果 维 持").
fn merge_label_tokens(cells: Vec<Cell>) -> Vec<Cell> {
    let mut out: Vec<Cell> = Vec::with_capacity(cells.len());
    for c in cells {
        if let Some(prev) = out.last_mut() {
            if !prev.is_value && !c.is_value {
                prev.raw.push(' ');
                prev.raw.push_str(&c.raw);
                prev.text.push(' ');
                prev.text.push_str(&c.text);
                continue;
            }
        }
        out.push(c);
    }
    out
}

fn is_page_number(t: &str) -> bool {
    let t = t.trim();
    let inner = t
        .trim_start_matches(['-', '—', '–', '第'])
        .trim_end_matches(['-', '—', '–', '页'])
        .trim();
    // Marked on both sides ("- 3 -", "第3页"): "-5" alone is a value (a change one per line, as
    // text taken from a PDF column by column has it).
    t.starts_with(['-', '—', '–', '第'])
        && t.ends_with(['-', '—', '–', '页'])
        && !inner.is_empty()
        && inner.len() <= 4
        && inner.chars().all(|c| c.is_ascii_digit())
}

const UNITS: [&str; 10] = ["万元", "元", "件", "条", "个", "项", "次", "份", "篇", "人"];

fn is_unit(s: &str) -> bool {
    UNITS.contains(&s) || s == "(万元)" || s == "(元)"
}

pub(crate) fn make_cell(raw: String, text: String, line: usize, col: usize) -> Cell {
    let (kind, value) = parse_value(&text);
    let is_value = match kind {
        Kind::Number | Kind::Na => true,
        Kind::Blank | Kind::Ambiguous => false,
        Kind::Text => looks_like_value(&text) || is_implausible(&text),
    };
    Cell {
        raw,
        text,
        line,
        col,
        kind,
        value,
        is_value,
    }
}

/// Largest magnitude a cell may hold: no count or amount (in 元) of one agency's year comes near.
pub const MAX_VALUE: f64 = 1e12;
/// Most significant digits a cell may have: beyond them an `f64` no longer holds the number.
pub const MAX_DIGITS: usize = 15;

/// Whether a cell's text is a well-formed number too large to be real (more than 10^12, or more
/// than 15 significant digits): such a cell is invalid, never a value that sums overflow on.
pub fn is_implausible(text: &str) -> bool {
    matches!(parse_number_text(text), Some(Parsed::Implausible))
}

enum Parsed {
    Value(f64),
    Implausible,
}

/// Reads a cell's value. Accepts 0, 00, +48, -3, 1,234, 8024.47, 12832 元, 160.5964万元;
/// /, -, —, 无, 不适用 are "not applicable"; a number larger than [`MAX_VALUE`] or with more
/// than [`MAX_DIGITS`] significant digits is invalid (text, see [`is_implausible`]); anything
/// else is text.
pub fn parse_value(text: &str) -> (Kind, Option<f64>) {
    let t = text.trim();
    if t.is_empty() {
        return (Kind::Blank, None);
    }
    if matches!(
        t,
        "/" | "-" | "—" | "——" | "–" | "无" | "不适用" | "\\" | "--" | "×" | "…"
    ) {
        return (Kind::Na, None);
    }
    if !t.bytes().any(|b| b.is_ascii_digit()) {
        return (Kind::Text, None);
    }
    match parse_number_text(t) {
        Some(Parsed::Value(v)) => (Kind::Number, Some(v)),
        _ => (Kind::Text, None),
    }
}

/// A number with an optional unit, trimmed text; None when it is not one.
fn parse_number_text(t: &str) -> Option<Parsed> {
    let t = t.trim();
    if !t.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let owned;
    let mut s: &str = if t.contains(' ') {
        owned = t.replace(' ', "");
        &owned
    } else {
        t
    };
    for u in UNITS {
        if let Some(x) = s.strip_suffix(u) {
            s = x;
            break;
        }
    }
    if let Some(x) = s.strip_suffix("(万元)").or_else(|| s.strip_suffix("(元)")) {
        s = x;
    }
    parse_number(s)
}

fn parse_number(s: &str) -> Option<Parsed> {
    let (sign, body) = match s.as_bytes().first()? {
        b'+' => (1.0, &s[1..]),
        b'-' => (-1.0, &s[1..]),
        _ => (1.0, s),
    };
    if body.is_empty() || !body.as_bytes()[0].is_ascii_digit() {
        return None;
    }
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => {
            if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            (i, Some(f))
        }
        None => (body, None),
    };
    let digits: std::borrow::Cow<str> = if int.contains(',') {
        // Thousands separators: 1,234 or 12,345,678.
        let groups: Vec<&str> = int.split(',').collect();
        let ok = groups[0].len() <= 3
            && !groups[0].is_empty()
            && groups[1..].iter().all(|g| g.len() == 3)
            && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()));
        if !ok {
            return None;
        }
        groups.concat().into()
    } else {
        if !int.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        int.into()
    };
    // Significant digits: leading zeros do not count, nor trailing zeros of the fraction.
    let frac_digits = frac.map(|f| f.trim_end_matches('0')).unwrap_or("");
    let int_digits = digits.trim_start_matches('0');
    let significant = if int_digits.is_empty() {
        frac_digits.trim_start_matches('0').len()
    } else {
        int_digits.len() + frac_digits.len()
    };
    if significant > MAX_DIGITS || int_digits.len() > 13 {
        return Some(Parsed::Implausible);
    }
    // Without thousands separators the number's text is `body` itself.
    let text: std::borrow::Cow<str> = match (&digits, frac) {
        (std::borrow::Cow::Borrowed(_), _) => body.into(),
        (_, Some(f)) => format!("{digits}.{f}").into(),
        (_, None) => digits.clone(),
    };
    let v = text.parse::<f64>().ok()? * sign;
    if !v.is_finite() || v.abs() > MAX_VALUE {
        return Some(Parsed::Implausible);
    }
    Some(Parsed::Value(v))
}

/// A text cell that stands where a value should (减4, --253, 1O): it has a digit and almost no
/// words, and is not an item number such as "1." or "(三)".
fn looks_like_value(t: &str) -> bool {
    let cjk = t.chars().filter(|c| is_cjk(*c)).count();
    let digits = t.chars().filter(|c| c.is_ascii_digit()).count();
    if digits == 0 || cjk > 1 || t.chars().count() > 12 {
        return false;
    }
    let numbering = t.trim_end_matches(['.', '、', ')', ' ']);
    let is_numbering = numbering.len() < t.len()
        && numbering
            .trim_start_matches('(')
            .chars()
            .all(|c| c.is_ascii_digit());
    // An item number followed by words is a label, even when the words were cut by a space
    // ("5.属 于三类内部事务信息": the cell "5.属").
    let head = t.trim_start_matches(['(', '（']);
    let after_digits = head.trim_start_matches(|c: char| c.is_ascii_digit());
    let item_then_words = after_digits.len() < head.len()
        && after_digits
            .strip_prefix(['.', '、', ')', '）', '．'])
            .is_some_and(|rest| rest.trim_start().starts_with(is_cjk));
    !is_numbering && !item_then_words && !t.contains('年') && !t.contains('第')
}

/// Formats a number the way the report would: integers without a decimal point.
pub fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::Text;

    fn row(s: &str) -> Row {
        split(&Text::new(s).lines[0]).unwrap()
    }

    #[test]
    fn values() {
        assert_eq!(parse_value("00"), (Kind::Number, Some(0.0)));
        assert_eq!(parse_value("+48"), (Kind::Number, Some(48.0)));
        assert_eq!(parse_value("-3"), (Kind::Number, Some(-3.0)));
        assert_eq!(parse_value("1,234"), (Kind::Number, Some(1234.0)));
        assert_eq!(parse_value("12832 元"), (Kind::Number, Some(12832.0)));
        assert_eq!(parse_value("160.5964万元"), (Kind::Number, Some(160.5964)));
        assert_eq!(parse_value("/").0, Kind::Na);
        assert_eq!(parse_value("减4").0, Kind::Text);
        assert_eq!(parse_value("--253").0, Kind::Text);
        assert_eq!(parse_value("1.").0, Kind::Text);
        assert_eq!(parse_value("").0, Kind::Blank);
    }

    #[test]
    fn tab_row_keeps_empty_cells_with_columns() {
        let r = row("一、本年新收\t4\t\t3\t1\t\t\t8\t");
        assert_eq!(r.sep, Sep::Tab);
        let kinds: Vec<Kind> = r.cells.iter().map(|c| c.kind).collect();
        // The final empty field is kept here; the table reader decides whether it is a column.
        assert_eq!(kinds.len(), 9);
        assert_eq!(r.cells[1].col, 8);
        assert_eq!(r.cells[2].kind, Kind::Blank);
    }

    #[test]
    fn pipe_and_space_rows() {
        let r = row("| 规章 | 0 | 1 | 2 |");
        assert_eq!(r.cells.len(), 4);
        assert_eq!(r.cells[0].text, "规章");
        let r = row("结 果 维 持 0 0 0");
        assert_eq!(r.cells.len(), 4);
        assert_eq!(r.cells[0].text, "结 果 维 持");
        assert!(split(&Text::new("|---|---|").lines[0]).is_none());
        assert!(split(&Text::new("- 3 -").lines[0]).is_none());
    }

    #[test]
    fn invalid_values_are_value_like() {
        let r = row("行政许可\t减4\t--253");
        assert!(r.cells[1].is_value && r.cells[1].kind == Kind::Text);
        assert!(r.cells[2].is_value);
        let r = row("1. 属于国家秘密\t0");
        assert!(!r.cells[0].is_value);
        let r = row("5.属 于三类内部事务信息 0");
        assert!(!r.cells[0].is_value, "{:?}", r.cells[0]);
        assert_eq!(r.cells.len(), 2);
    }

    #[test]
    fn glued_digits_are_cut_from_the_label() {
        let r = row("一、本年新收政府信息公开申请数量801000081");
        assert_eq!(r.cells.len(), 2);
        assert_eq!(r.cells[1].raw, "801000081");
        assert_eq!(r.cells[1].col, 17);
        let r = row("我局2021年共收到申请12件");
        assert_eq!(r.cells.len(), 1);
    }

    #[test]
    fn the_convention_is_a_line_ending_a_value_with_a_tab() {
        assert!(!terminator_convention(&[row(
            "（一）予以公开\t0\t0\t0\t\t\t\t"
        )]));
        assert!(terminator_convention(&[
            row("（一）予以公开\t0\t0\t0\t\t\t\t"),
            row("一、本年新收\t4\t\t3\t1\t\t\t8\t"),
        ]));
    }
}
