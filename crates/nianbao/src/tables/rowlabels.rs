//! The label matcher: a found label against the official rows and groups (both paths).

use crate::layout::{Cell, Kind};
use crate::normalize::{key, similarity_chars, strip_numbering};
use crate::spec::{active_blocks, request_rows, Format, GROUPS};

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
fn siblings_differ(found: &str, official: &str) -> bool {
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

const THRESHOLD: f32 = 0.72;

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
        crate::tables::labels::only_near(keys, rows, cursor, (cursor + 8).min(rows.len()))
            .map(|i| (i, THRESHOLD))
    })
}

/// A key that starts with a group's label and goes on with more (a row's label glued to it):
/// the group and the rest, with a second group's label stripped too ("三、本年度办理结果（三）…").
pub(super) fn strip_group_prefix<'g>(
    k: &str,
    groups: &'g [(&'g str, Official)],
) -> Option<(&'g str, String)> {
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
        .or_else(|| crate::tables::labels::only_near(found, keys, 0, keys.len()))
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
