//! Text with few or no line breaks: a web page as a crawler saves it, the whole report on one
//! line, its tables' cells glued ("一、本年新收政府信息公开申请数量801000081").
//!
//! A very long line that holds the parts' headings (or many of part 三's row labels) is cut into
//! segments before anything reads it: at the parts' headings, at sentence ends in the prose, and
//! in the tables (parts 二–四) where a row's label begins (the official labels, part 二's
//! captions) and where a run of values ends. Each segment is a [`Line`] with the user's line
//! number and, in `col`, the characters of the user's line before it, so every finding and cell
//! still points at the user's line and column. A table segment marks where its run of glued
//! values begins (`Line::glued`): the layout makes it one cell, which the table reader splits
//! only where the identities leave exactly one way (`tables::plan`).
//!
//! Text with a few line breaks is read the same way: inside parts 二–四, a shorter line that
//! holds several glued rows (or part 四's one glued run) is cut too, and a last line that ends
//! in a date has the date cut off as the closing date.
//!
//! Lines are cut only when they hold several headings, labels or glued rows (never a TAB or pipe
//! row), so an ordinary report reads as before.

use crate::normalize::{cn_digit, is_cjk, key, strip_numbering, Line, Text};
use crate::spec::{active_blocks, request_rows, Format, GROUPS, SECTIONS};
use std::sync::OnceLock;

/// A line at least this long (in characters) may be cut.
const LONG: usize = 300;

/// Cuts the very long lines of `text` that hold a report's parts or tables into segments (see
/// the module's documentation). Returns the text and whether any line was cut.
pub fn segment(text: Text) -> (Text, bool) {
    // (Byte searches: a line's characters are walked only when it may be glued.)
    let may = |l: &Line| {
        let b = l.text.as_bytes();
        !b.contains(&b'\t') && !b.contains(&b'|') && (b.len() >= LONG || looks_glued(&l.text))
    };
    if !text.lines.iter().any(may) {
        return (text, false);
    }
    let mut part = 0u8;
    let mut cut_any = false;
    let mut lines = Vec::with_capacity(text.lines.len());
    for line in text.lines {
        if may(&line) {
            let chars: Vec<char> = line.text.chars().collect();
            if let Some((segs, last)) = cut(&line, &chars, part) {
                lines.extend(segs);
                part = last;
                cut_any = true;
                continue;
            }
        }
        if let Some(n) = crate::sections::heading_number(&line.text) {
            part = part.max(n);
        }
        lines.push(line);
    }
    // A text with few line breaks may end with the signature and the date on one line of prose
    // ("无。某某局2021年1月14日"): the date is cut off, so that it is found as the closing date.
    if cut_any {
        if let Some(i) = lines.iter().rposition(|l| !l.text.trim().is_empty()) {
            let l = &lines[i];
            let c: Vec<char> = l.text.chars().collect();
            if l.col == 0 && l.glued.is_none() && !l.text.contains(['\t', '|']) {
                if let Some(d) = closing_date(&c, 0, c.len()).filter(|&d| d > 0) {
                    let l = lines.remove(i);
                    let (tb, rb) = (byte_at(&l.text, d), byte_at(&l.raw, d));
                    for (raw, text, col) in [
                        (&l.raw[..rb], &l.text[..tb], 0),
                        (&l.raw[rb..], &l.text[tb..], d),
                    ]
                    .into_iter()
                    .rev()
                    {
                        lines.insert(
                            i,
                            Line {
                                no: l.no,
                                raw: raw.to_string(),
                                text: text.to_string(),
                                col,
                                glued: None,
                            },
                        );
                    }
                }
            }
        }
    }
    (
        Text {
            lines,
            chars: text.chars,
        },
        cut_any,
    )
}

/// The byte where char `n` of `s` begins.
fn byte_at(s: &str, n: usize) -> usize {
    s.char_indices().nth(n).map_or(s.len(), |(b, _)| b)
}

/// Whether a line may hold table rows glued together: twice an ideograph, digits and an
/// ideograph again ("规章000行政规范性文件5340第…"), or a run of 15 digits or more right after an
/// ideograph (part 四's one row glued to its header).
fn looks_glued(t: &str) -> bool {
    let mut glued = 0;
    let mut digits = 0;
    // Whether the digits counted follow an ideograph with nothing between ("数量801…"); a
    // space inside the run is a stray one, a space before it ("规章 0 0 0") is a separator.
    let mut after_cjk = false;
    for ch in t.chars() {
        if ch.is_ascii_digit() {
            digits += 1;
            continue;
        }
        if ch == ' ' {
            if digits == 0 {
                after_cjk = false;
            }
            continue;
        }
        if digits > 0 && after_cjk {
            if is_cjk(ch) || ch == '(' {
                glued += 1;
            }
            if digits >= 15 {
                return true;
            }
        }
        after_cjk = is_cjk(ch) || matches!(ch, ')' | '”');
        digits = 0;
    }
    glued >= 2 || (digits >= 15 && after_cjk)
}

/// A heading inside a line: its characters `start..end` and its part.
#[derive(Debug, Clone, Copy)]
struct Heading {
    start: usize,
    end: usize,
    number: u8,
}

/// The labels searched in a one-line table, as key chars: part 三's rows and groups (both
/// formats, with and without their numbering), and part 二's rows.
struct Labels {
    requests: Vec<(Vec<char>, bool)>,
    active: Vec<(Vec<char>, bool)>,
}

fn labels() -> &'static Labels {
    static L: OnceLock<Labels> = OnceLock::new();
    L.get_or_init(|| {
        let mut requests: Vec<(Vec<char>, bool)> = Vec::new();
        let push = |v: &mut Vec<(Vec<char>, bool)>, label: &str| {
            let full = key(label);
            let core = strip_numbering(&full).to_string();
            let f: Vec<char> = full.chars().collect();
            if !v.iter().any(|(x, _)| *x == f) {
                v.push((f, false));
            }
            // A label without its numbering is searched when it is long enough not to stand
            // inside other words ("其他" does, "属于国家秘密" does not).
            let c: Vec<char> = core.chars().collect();
            if core != full && c.len() >= 4 && !v.iter().any(|(x, _)| *x == c) {
                v.push((c, true));
            }
        };
        for f in [Format::F2019, Format::F2021] {
            for r in request_rows(f) {
                push(&mut requests, r.label);
            }
        }
        for (_, g) in GROUPS {
            push(&mut requests, g);
        }
        let mut active: Vec<(Vec<char>, bool)> = Vec::new();
        for f in [Format::F2019, Format::F2021] {
            for b in active_blocks(f) {
                for (_, l) in b.rows {
                    push(&mut active, l);
                }
            }
        }
        push(&mut active, "规范性文件");
        Labels { requests, active }
    })
}

/// Whether `c` may stand in a run of table values (digits, spaces between glued cells, a
/// decimal point, a sign).
fn is_value_char(c: char) -> bool {
    c.is_ascii_digit() || c == ' ' || c == '.' || c == '-' || c == '+'
}

/// The parts' headings inside a line (numeral, 、 or a dot, then the official wording, a
/// variant, or a short wording that holds the title), in increasing part order after `part`.
fn headings(c: &[char], part: u8) -> Vec<Heading> {
    let mut out = Vec::new();
    let mut last = part;
    let mut i = 0;
    while i + 2 < c.len() {
        let Some(n) = cn_digit(c[i]).filter(|n| (1..=6).contains(n)) else {
            i += 1;
            continue;
        };
        let n = n as u8;
        let sep = c[i + 1] == '、' || c[i + 1] == '.';
        // Not "（一）", "第一", "十一", "一一": a numeral that numbers a part stands alone.
        let prev_ok = i == 0 || !(matches!(c[i - 1], '(' | '第') || cn_digit(c[i - 1]).is_some());
        if !sep || !prev_ok || n <= last {
            i += 1;
            continue;
        }
        // The key chars after the separator, with their char indices (up to 40).
        let mut kc: Vec<(char, usize)> = Vec::with_capacity(40);
        for (j, &ch) in c.iter().enumerate().skip(i + 2) {
            if kc.len() >= 40 {
                break;
            }
            if ch.is_ascii_alphanumeric() || is_cjk(ch) {
                kc.push((ch.to_ascii_lowercase(), j));
            }
        }
        let spec = &SECTIONS[n as usize - 1];
        let starts = |w: &str| -> Option<usize> {
            let k: Vec<char> = key(w).chars().collect();
            (kc.len() >= k.len() && kc.iter().zip(&k).all(|(a, b)| a.0 == *b))
                .then(|| kc[k.len() - 1].1 + 1)
        };
        let mut end = std::iter::once(spec.title)
            .chain(spec.variants.iter().copied())
            .filter_map(starts)
            .max();
        if end.is_none() {
            // "一、2023年政务公开总体情况": the title's words within the next 20 key chars.
            let t: Vec<char> = key(spec.title).chars().collect();
            let window = &kc[..kc.len().min(20)];
            end = (0..window.len().saturating_sub(t.len() - 1))
                .find(|&s| {
                    window[s..s + t.len()]
                        .iter()
                        .zip(&t)
                        .all(|(a, b)| a.0 == *b)
                })
                .map(|s| window[s + t.len() - 1].1 + 1);
        }
        match end {
            Some(e) => {
                let words: String = c[i..e].iter().collect();
                if spec.must.iter().all(|w| key(&words).contains(w)) {
                    out.push(Heading {
                        start: i,
                        end: e,
                        number: n,
                    });
                    last = n;
                    i = e;
                    continue;
                }
                i += 1;
            }
            None => i += 1,
        }
    }
    out
}

/// Where `labels` occur in `c[from..to]` (by key: spaces and punctuation inside a label do not
/// matter), as char spans extended back over a label's numbering ("2.", "（一）", "三、") and
/// an opening bracket; overlapping matches keep the first and longest.
fn label_spans(
    c: &[char],
    from: usize,
    to: usize,
    labels: &[(Vec<char>, bool)],
) -> Vec<(usize, usize)> {
    // The key chars of the range and their char indices.
    let kc: Vec<(char, usize)> = (from..to)
        .filter(|&j| c[j].is_ascii_alphanumeric() || is_cjk(c[j]))
        .map(|j| (c[j].to_ascii_lowercase(), j))
        .collect();
    // The key chars sorted with their places, so that a label is tried only where its first
    // char is.
    let mut firsts: Vec<char> = labels.iter().filter_map(|l| l.0.first().copied()).collect();
    firsts.sort_unstable();
    firsts.dedup();
    let mut at: Vec<(char, usize)> = kc
        .iter()
        .enumerate()
        .filter(|(_, k)| firsts.binary_search(&k.0).is_ok())
        .map(|(s, k)| (k.0, s))
        .collect();
    at.sort_unstable();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for (lab, core) in labels {
        let Some(&first) = lab.first() else {
            continue;
        };
        let lo = at.partition_point(|x| x.0 < first);
        let hi = at.partition_point(|x| x.0 <= first);
        for &(_, s) in &at[lo..hi] {
            if kc.len() - s < lab.len() {
                continue;
            }
            if kc[s..s + lab.len()].iter().zip(lab).all(|(a, b)| a.0 == *b) {
                let mut start = kc[s].1;
                if *core {
                    start = numbering_before(c, start, from);
                }
                if start > from && c[start - 1] == '(' {
                    start -= 1;
                }
                spans.push((start, kc[s + lab.len() - 1].1 + 1));
            }
        }
    }
    spans.sort_by_key(|&(s, e)| (s, std::cmp::Reverse(e)));
    let mut kept: Vec<(usize, usize)> = Vec::new();
    for sp in spans {
        if kept.last().is_none_or(|&(_, e)| sp.0 >= e) {
            kept.push(sp);
        }
    }
    kept
}

/// The start of a label whose words begin at `s`, taking in the numbering written before them:
/// "2." or "2、" (one digit: the digits before it are the previous row's values), "(一)", "三、".
fn numbering_before(c: &[char], s: usize, from: usize) -> usize {
    // (Spaces may stand between the numbering and the words: "1. 属于国家秘密".)
    let mut q = s;
    while q > from && c[q - 1] == ' ' {
        q -= 1;
    }
    if q < from + 2 {
        return s;
    }
    let p = c[q - 1];
    if (p == '.' || p == '、') && c[q - 2].is_ascii_digit() {
        return q - 2;
    }
    if p == '、' && cn_digit(c[q - 2]).is_some() {
        return q - 2;
    }
    if p == ')' {
        let lo = q.saturating_sub(6).max(from);
        if let Some(o) = (lo..q - 1).rev().find(|&j| c[j] == '(') {
            return o;
        }
    }
    s
}

/// Part 二's captions (第二十条第（一）项) in `c[from..to]`: their spans.
fn captions(c: &[char], from: usize, to: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = from;
    while i < to {
        if c[i] != '第' {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < to && j < i + 6 && cn_digit(c[j]).is_some() {
            j += 1;
        }
        if j == i + 1 || j >= to || c[j] != '条' {
            i += 1;
            continue;
        }
        match (j + 1..(j + 10).min(to)).find(|&x| c[x] == '项') {
            Some(e) => {
                out.push((i, e + 1));
                i = e + 1;
            }
            None => i += 1,
        }
    }
    out
}

/// Cuts in a table zone `c[from..to]` where a run of values ends and label text begins. A run
/// that ends in a digit and a dot or 、 before the label ("30000002.其他…") gives its last digit
/// to the next label's numbering. A number followed by a counting word or a comma is prose.
fn value_run_ends(c: &[char], from: usize, to: usize, cuts: &mut Vec<usize>) {
    let mut digits = false;
    for i in from..to {
        let ch = c[i];
        if is_value_char(ch) {
            digits |= ch.is_ascii_digit();
            continue;
        }
        if digits && i > from {
            let prose = matches!(
                ch,
                '件' | '条'
                    | '个'
                    | '次'
                    | '项'
                    | '篇'
                    | '%'
                    | '，'
                    | ','
                    | '。'
                    | ';'
                    | '；'
                    | '年'
                    | '月'
                    | '日'
            );
            if !prose {
                // The run's last char before any spaces: "…0000002. 其他" numbers the label.
                let mut j = i - 1;
                while j > from && c[j] == ' ' {
                    j -= 1;
                }
                let at = if ch == '、' && c[i - 1].is_ascii_digit() {
                    i - 1
                } else if j > from && c[j] == '.' && c[j - 1].is_ascii_digit() {
                    j - 1
                } else {
                    i
                };
                cuts.push(at);
            }
        }
        digits = false;
    }
}

/// Where a date closes the text ("…办公室2021年1月14日"): its first char, when the date is the
/// last thing in `c[from..to]`.
fn closing_date(c: &[char], from: usize, to: usize) -> Option<usize> {
    let mut end = to;
    while end > from && c[end - 1].is_whitespace() {
        end -= 1;
    }
    let lo = end.saturating_sub(16).max(from);
    (lo..end).find(|&s| {
        c[s] == '2'
            && (s == from || !c[s - 1].is_ascii_digit())
            && c[s..end].iter().all(|&x| {
                x.is_ascii_digit() || matches!(x, '年' | '月' | '日' | '-' | '.' | '/' | ' ')
            })
            && crate::sections::parse_date(&c[s..end].iter().collect::<String>()).is_some()
    })
}

/// Cuts one long line, if it holds a report's parts or tables: the segments and the part the
/// line ends in. `part` is the part the text is in when the line begins.
fn cut(line: &Line, c: &[char], part: u8) -> Option<(Vec<Line>, u8)> {
    let heads = headings(c, part);
    let labs = labels();
    let mut bounds = zones(&heads, part, c.len());
    // A long line with no heading but many of part 三's labels is a table. A shorter line is
    // cut only inside a table's part, and kept only if it holds several glued rows (below).
    let long = c.len() >= LONG;
    let short_table = heads.is_empty() && (2..=4).contains(&part);
    if heads.len() < 2 && !short_table {
        if !long || label_spans(c, 0, c.len(), &labs.requests).len() < 5 {
            return None;
        }
        if heads.is_empty() {
            for b in &mut bounds {
                if !(2..=4).contains(&b.2) {
                    b.2 = 3;
                }
            }
        }
    }
    let (cuts, table) = cut_points(c, part, &heads, &bounds);
    // Byte offsets of the cuts in the normalised and the raw line (same chars, one to one).
    let (tb, rb) = (
        byte_offsets(&line.text, &cuts, c.len())?,
        byte_offsets(&line.raw, &cuts, c.len())?,
    );
    let mut segs = Vec::with_capacity(cuts.len());
    for (n, w) in cuts.windows(2).enumerate() {
        let (s, e) = (w[0], w[1]);
        if s >= e || c[s..e].iter().all(|ch| ch.is_whitespace()) {
            continue;
        }
        segs.push(Line {
            no: line.no,
            raw: line.raw[rb[n]..rb[n + 1]].to_string(),
            text: line.text[tb[n]..tb[n + 1]].to_string(),
            col: line.col + s,
            glued: table[s].then(|| glued_at(c, s, e)),
        });
    }
    if short_table && !long && !has_glued_rows(&segs, part) {
        return None;
    }
    let last = heads.last().map_or(part, |h| h.number);
    Some((segs, last))
}

/// Zones of a line between its headings: (from, to, part).
fn zones(heads: &[Heading], part: u8, len: usize) -> Vec<(usize, usize, u8)> {
    let zone_of = |i: usize| -> u8 {
        heads
            .iter()
            .take_while(|h| h.start <= i)
            .last()
            .map_or(part, |h| h.number)
    };
    let mut bounds: Vec<(usize, usize, u8)> = Vec::new();
    let mut at = 0;
    for h in heads {
        if h.start > at {
            bounds.push((at, h.start, zone_of(at)));
        }
        at = h.end;
    }
    if at < len {
        bounds.push((at, len, zone_of(at)));
    }
    bounds
}

/// Where to cut the line (sorted, with its start and end), and which chars are in a table's
/// part: at headings, a title, table rows' labels, captions and value runs, sentence ends and
/// a closing date; labels, captions and headings are never cut inside.
fn cut_points(
    c: &[char],
    part: u8,
    heads: &[Heading],
    bounds: &[(usize, usize, u8)],
) -> (Vec<usize>, Vec<bool>) {
    let labs = labels();
    let mut cuts: Vec<usize> = Vec::new();
    // Labels, captions and headings are never cut inside.
    let mut whole: Vec<(usize, usize)> = Vec::new();
    let mut table = vec![false; c.len()];
    for h in heads {
        cuts.push(h.start);
        cuts.push(h.end);
    }
    // A title at the start of the line ("…2023年政府信息公开工作年度报告 本报告…").
    if part == 0 {
        let limit = heads.first().map_or(150, |h| h.start).min(150);
        let head: String = c[..limit.min(c.len())].iter().collect();
        if let Some(b) = head.find("年度报告") {
            if head[..b].contains("政府信息公开") {
                cuts.push(head[..b].chars().count() + 4);
            }
        }
    }
    for &(from, to, p) in bounds {
        if (2..=4).contains(&p) {
            table[from..to].iter_mut().for_each(|t| *t = true);
            value_run_ends(c, from, to, &mut cuts);
            let list: &[(Vec<char>, bool)] = match p {
                2 => &labs.active,
                3 => &labs.requests,
                _ => &[],
            };
            for (s, e) in label_spans(c, from, to, list) {
                cuts.push(s);
                whole.push((s, e));
            }
            if p == 2 {
                for (s, e) in captions(c, from, to) {
                    cuts.push(s);
                    cuts.push(e);
                    whole.push((s, e));
                }
            }
        } else {
            let ends = c[from..to]
                .iter()
                .enumerate()
                .filter(|(_, ch)| matches!(ch, '。' | '！' | '？' | '!' | '?'))
                .map(|(i, _)| from + i + 1);
            cuts.extend(ends);
        }
    }
    if let Some(&(from, to, p)) = bounds.last() {
        if !(2..=4).contains(&p) {
            let last_cut = cuts.iter().copied().filter(|&x| x < to).max().unwrap_or(0);
            if let Some(d) = closing_date(c, last_cut.max(from), to) {
                cuts.push(d);
            }
        }
    }
    whole.extend(heads.iter().map(|h| (h.start, h.end)));
    cuts.retain(|&x| !whole.iter().any(|&(s, e)| s < x && x < e));
    cuts.push(0);
    cuts.push(c.len());
    cuts.sort_unstable();
    cuts.dedup();
    (cuts, table)
}

/// Byte offsets in `s` of the char positions `cuts` (sorted); None unless `s` has `nchars`
/// chars.
fn byte_offsets(s: &str, cuts: &[usize], nchars: usize) -> Option<Vec<usize>> {
    let mut out = Vec::with_capacity(cuts.len());
    let mut want = cuts.iter().copied().peekable();
    // Char `n` starts at the n-th byte that is not a continuation byte.
    let mut n = 0;
    for (b, &byte) in s.as_bytes().iter().enumerate() {
        if byte & 0xC0 == 0x80 {
            continue;
        }
        while want.next_if_eq(&n).is_some() {
            out.push(b);
        }
        n += 1;
    }
    while want.next_if_eq(&n).is_some() {
        out.push(s.len());
    }
    (n == nchars && out.len() == cuts.len()).then_some(out)
}

/// Where the run of values that ends the segment `s..e` begins (with a digit in it), from the
/// segment's start; the segment's length when there is none.
fn glued_at(c: &[char], s: usize, e: usize) -> usize {
    let mut v = e;
    while v > s && is_value_char(c[v - 1]) {
        v -= 1;
    }
    while v < e && !c[v].is_ascii_digit() && !matches!(c[v], '-' | '+') {
        v += 1;
    }
    if c[v..e].iter().any(|ch| ch.is_ascii_digit()) {
        v - s
    } else {
        e - s
    }
}

/// Whether a shorter line in a table's part holds several rows with glued values, or part
/// 四's one long run.
fn has_glued_rows(segs: &[Line], part: u8) -> bool {
    let runs: Vec<usize> = segs
        .iter()
        .filter_map(|s| {
            let at = s.glued?;
            let n = s.text.chars().skip(at).filter(char::is_ascii_digit).count();
            (n > 0).then_some(n)
        })
        .collect();
    !(runs.len() < 2 && !(part == 4 && runs.iter().any(|&n| n >= 15)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(t: &str) -> Vec<(String, usize, Option<usize>)> {
        let (text, cut) = segment(Text::new(t));
        assert!(cut);
        text.lines
            .into_iter()
            .map(|l| (l.text, l.col, l.glued))
            .collect()
    }

    #[test]
    fn a_one_line_report_is_cut_at_headings_labels_and_value_runs() {
        let body = "某某局2023年政府信息公开工作年度报告 一、总体情况 本年度工作平稳。继续推进公开。二、主动公开政府信息情况 第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件5340 三、收到和处理政府信息公开申请情况 申请人情况自然人其他一、本年新收政府信息公开申请数量801000081二、上年结转政府信息公开申请数量10000 01三、本年度办理结果（一）予以公开2000002（三）不予公开1.属于国家秘密30000002.其他法律行政法规禁止公开1000001 四、政府信息公开行政复议、行政诉讼情况 行政复议总计000006200806006 五、存在的主要问题及改进情况 问题不少。 六、其他需要报告的事项 无。某某局2024年1月13日";
        let segs = seg(body);
        let texts: Vec<&str> = segs.iter().map(|s| s.0.trim()).collect();
        for want in [
            "一、总体情况",
            "二、主动公开政府信息情况",
            "第二十条第(一)项",
            "规章000",
            "行政规范性文件5340",
            "一、本年新收政府信息公开申请数量801000081",
            "二、上年结转政府信息公开申请数量10000 01",
            "三、本年度办理结果",
            "(一)予以公开2000002",
            "(三)不予公开",
            "1.属于国家秘密3000000",
            "2.其他法律行政法规禁止公开1000001",
            "行政复议总计000006200806006",
            "四、政府信息公开行政复议、行政诉讼情况",
            "2024年1月13日",
        ] {
            assert!(texts.contains(&want), "{want} not in {texts:#?}");
        }
        // Every segment's column is where its text stands in the user's line.
        let chars: Vec<char> = body.chars().collect();
        for (t, col, _) in &segs {
            let n = t.chars().count();
            let orig: String = chars[*col..col + n].iter().collect();
            assert_eq!(crate::normalize::normalize(&orig), *t);
        }
        // A table segment marks where its values begin.
        let r = segs
            .iter()
            .find(|s| s.0.starts_with("二、上年结转"))
            .unwrap();
        assert_eq!(
            r.2,
            Some("二、上年结转政府信息公开申请数量".chars().count())
        );
    }

    #[test]
    fn glued_rows_are_told_from_separated_ones() {
        assert!(looks_glued("规章000行政规范性文件5340第二十条"));
        assert!(looks_glued("行政复议结果维持总计000006 200806006"));
        assert!(!looks_glued("规章 0 0 0"));
        assert!(!looks_glued("总计 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0"));
        assert!(!looks_glued("一、本年新收政府信息公开申请数量801000081"));
        // Rows on lines of their own, inside a table's part, stay as they are.
        let t = Text::new(
            "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量801000081\n规章 0 0 0\n",
        );
        let (text, cut) = segment(t);
        assert!(!cut);
        assert_eq!(text.lines.len(), 3);
    }

    #[test]
    fn ordinary_long_lines_are_not_cut() {
        let prose = "本年度，我局认真贯彻落实条例，扎实推进政府信息公开工作。".repeat(20);
        let (text, cut) = segment(Text::new(&prose));
        assert!(!cut);
        assert_eq!(text.lines.len(), 1);
    }
}
