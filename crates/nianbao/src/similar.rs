//! 雷同 between units: in a batch, reports of one year whose prose is largely the same as
//! another unit's report (a template passed around). The rule is
//! `rules/text_repeated_between_units.rs`; this module finds the groups.
//!
//! Each report's prose is cut as `text-repeated` cuts it ([`crate::rules::prose_seq`]: no
//! headings, table rows, title, site header and footer, nor the format's own words, 条例
//! citations and template sentences; numbers folded) into 8-character pieces, kept as sorted
//! distinct 32-bit hashes (a [`Sketch`], 4 bytes a piece: some 8 KB for a long report),
//! with a 64-value MinHash signature (one permutation, densified). Candidates come from
//! locality-sensitive hashing of the signatures (32 bands of 2 values, keyed by year); a
//! candidate whose signatures agree on too few values is dropped, the others are verified on
//! their pieces: two reports of two units are linked when at least `threshold` of the smaller
//! one's pieces are in the other. Linked reports are one group (union-find), so many copies of
//! one text are one group, and a pair already in one group is not verified again: near-linear
//! in the batch.
//!
//! Reports of one agency (any year, any form of one file) are never linked to each other:
//! last year's copy is `text-repeated`'s business.

use crate::pairing::Agency;
use std::collections::HashMap;

/// The default threshold: half of the prose.
pub const DEFAULT_THRESHOLD: f64 = 0.5;

/// Fewer pieces than this (about 40 characters of prose) are not compared: a report of only
/// the format's text has nothing of its own to copy.
pub const MIN_PIECES: usize = 32;

const K: usize = 64;
const ROWS: usize = 2;
/// Partners named per member.
const MAX_OTHERS: usize = 5;
/// Members a member's partners are looked for among (a group of thousands of copies names the
/// first ones).
const PARTNER_SCAN: usize = 64;

/// A report's prose for comparing: its pieces' hashes (sorted, distinct) and their signature.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sketch {
    pub pieces: Vec<u32>,
    signature: Vec<u64>,
}

fn mix(mut x: u64) -> u64 {
    // splitmix64's finalizer.
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

pub use crate::rules::piece_hashes;

impl Sketch {
    /// The sketch of a report's text.
    pub fn of(text: &str) -> Sketch {
        Sketch::of_text(&crate::normalize::Text::new(text))
    }

    pub fn of_text(text: &crate::normalize::Text) -> Sketch {
        let mut pieces = piece_hashes(&crate::rules::prose_seq(text));
        pieces.sort_unstable();
        pieces.dedup();
        Sketch::from_pieces(pieces)
    }

    /// A sketch of pieces already sorted and distinct.
    pub fn from_pieces(pieces: Vec<u32>) -> Sketch {
        let mut signature = vec![u64::MAX; K];
        for &p in &pieces {
            let h = mix(u64::from(p));
            let bin = (h >> 58) as usize;
            let v = h & ((1 << 58) - 1);
            if v < signature[bin] {
                signature[bin] = v;
            }
        }
        // Densify: an empty bin takes the next filled bin's value (rotation), mixed with its
        // own number so two empty bins do not agree by accident of one neighbour.
        if pieces.is_empty() {
            signature.clear();
        } else {
            for b in 0..K {
                if signature[b] == u64::MAX {
                    let mut j = (b + 1) % K;
                    while signature[j] == u64::MAX {
                        j = (j + 1) % K;
                    }
                    signature[b] = mix(signature[j] ^ (b as u64 + 1)) | (1 << 63);
                }
            }
        }
        Sketch { pieces, signature }
    }

    /// Whether the report has enough prose of its own to compare.
    pub fn comparable(&self) -> bool {
        self.pieces.len() >= MIN_PIECES
    }

    /// Bytes held (pieces and signature).
    pub fn bytes(&self) -> usize {
        4 * self.pieces.len() + 8 * self.signature.len()
    }
}

/// The share of `a`'s pieces that are also in `b` (both sorted and distinct), 0–1.
pub fn share(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() {
        return 0.0;
    }
    common(a, b) as f64 / a.len() as f64
}

/// How many pieces two sorted lists have in common.
fn common(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Rounds a share to four places (as `text-repeated` does).
fn round4(v: f64) -> f64 {
    (v * 1e4).round() / 1e4
}

/// One report of the batch, as grouping sees it.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    pub agency: Option<&'a str>,
    pub year: Option<i32>,
    pub sketch: &'a Sketch,
}

/// A member of a group: the batch's index, the share of its prose found in the group's other
/// units' reports, and those it shares most with (index, share of its prose found there).
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub index: usize,
    pub share: f64,
    pub others: Vec<(usize, f64)>,
}

/// Reports of one year linked by shared prose (two units or more).
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub year: i32,
    pub members: Vec<Member>,
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.0[a.max(b)] = a.min(b);
        }
    }
}

/// The groups of a batch (None: a file that could not be read), by their first member; each
/// group's members in batch order. Reports without an agency or a year, or with too little
/// prose ([`Sketch::comparable`]), are left out.
pub fn groups(entries: &[Option<Entry<'_>>], threshold: f64) -> Vec<Group> {
    let agencies: Vec<Option<Agency>> = entries
        .iter()
        .map(|e| {
            let e = e.as_ref()?;
            e.year?;
            e.sketch.comparable().then_some(())?;
            Agency::parse(e.agency?)
        })
        .collect();
    let same = |i: usize, j: usize| match (&agencies[i], &agencies[j]) {
        (Some(a), Some(b)) => a.same(b),
        _ => true,
    };
    let mut buckets: HashMap<u64, Vec<u32>> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        let (Some(e), Some(_)) = (e, &agencies[i]) else {
            continue;
        };
        let year = e.year.unwrap_or(0) as u64;
        for (b, band) in e.sketch.signature.chunks(ROWS).enumerate() {
            let key = band
                .iter()
                .fold(mix(year ^ ((b as u64) << 40)), |h, v| mix(h ^ v));
            buckets.entry(key).or_default().push(i as u32);
        }
    }
    let mut uf = UnionFind((0..entries.len()).collect());
    // Signatures agreeing on fewer values than this are not verified (Jaccard well below what
    // the threshold needs between reports of comparable length).
    let min_agree = ((threshold / (2.0 - threshold)) * 0.5 * K as f64).floor() as usize;
    let sketch = |i: usize| entries[i].as_ref().map(|e| e.sketch);
    for list in buckets.values().filter(|l| l.len() > 1) {
        for (x, &a) in list.iter().enumerate() {
            for &b in &list[x + 1..] {
                let (a, b) = (a as usize, b as usize);
                if same(a, b) || uf.find(a) == uf.find(b) {
                    continue;
                }
                let (Some(sa), Some(sb)) = (sketch(a), sketch(b)) else {
                    continue;
                };
                let agree = sa
                    .signature
                    .iter()
                    .zip(&sb.signature)
                    .filter(|(x, y)| x == y)
                    .count();
                if agree < min_agree {
                    continue;
                }
                let n = common(&sa.pieces, &sb.pieces);
                let smaller = sa.pieces.len().min(sb.pieces.len());
                if n as f64 >= threshold * smaller as f64 {
                    uf.union(a, b);
                }
            }
        }
    }
    let mut by_root: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, a) in agencies.iter().enumerate() {
        if a.is_some() {
            by_root.entry(uf.find(i)).or_default().push(i);
        }
    }
    let mut out: Vec<Group> = by_root
        .into_values()
        .filter(|m| m.len() > 1)
        .map(|m| Group {
            year: entries[m[0]].as_ref().and_then(|e| e.year).unwrap_or(0),
            members: members(&m, &same, &|i| sketch(i).map_or(&[][..], |s| &s.pieces)),
        })
        .collect();
    out.sort_by_key(|g| g.members[0].index);
    out
}

/// Each member's share (its pieces found in any other unit's member) and its closest partners.
fn members<'a>(
    m: &[usize],
    same: &dyn Fn(usize, usize) -> bool,
    pieces: &dyn Fn(usize) -> &'a [u32],
) -> Vec<Member> {
    // Piece → the members holding it.
    let mut holders: HashMap<u32, Vec<u32>> = HashMap::new();
    for &i in m {
        for &p in pieces(i) {
            holders.entry(p).or_default().push(i as u32);
        }
    }
    m.iter()
        .map(|&i| {
            let own = pieces(i);
            let found = own
                .iter()
                .filter(|p| {
                    holders
                        .get(p)
                        .is_some_and(|h| h.iter().any(|&j| !same(i, j as usize)))
                })
                .count();
            let mut others: Vec<(usize, f64)> = m
                .iter()
                .filter(|&&j| j != i && !same(i, j))
                .take(PARTNER_SCAN)
                .map(|&j| (j, round4(share(own, pieces(j)))))
                .collect();
            others.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            others.truncate(MAX_OTHERS);
            Member {
                index: i,
                share: round4(found as f64 / own.len().max(1) as f64),
                others,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sk(pieces: std::ops::Range<u64>) -> Sketch {
        Sketch::from_pieces(pieces.map(|p| (p * 7919) as u32).collect())
    }

    fn e<'a>(agency: &'a str, year: i32, s: &'a Sketch) -> Option<Entry<'a>> {
        Some(Entry {
            agency: Some(agency),
            year: Some(year),
            sketch: s,
        })
    }

    #[test]
    fn the_share_is_of_the_first_report_s_pieces() {
        assert_eq!(share(&[1, 2, 3, 4], &[2, 4, 9]), 0.5);
        assert_eq!(share(&[], &[1]), 0.0);
    }

    #[test]
    fn three_copies_are_one_group_and_an_unrelated_report_none() {
        let (a, b, c, d) = (sk(0..400), sk(0..400), sk(0..400), sk(1000..1400));
        let entries = [
            e("甲市乙区财政局", 2023, &a),
            e("甲市丙区财政局", 2023, &b),
            None,
            e("甲市丁区财政局", 2023, &c),
            e("甲市戊区财政局", 2023, &d),
        ];
        let g = groups(&entries, 0.5);
        assert_eq!(g.len(), 1);
        let idx: Vec<usize> = g[0].members.iter().map(|m| m.index).collect();
        assert_eq!(idx, [0, 1, 3]);
        assert!(g[0].members.iter().all(|m| m.share == 1.0));
        assert_eq!(g[0].members[0].others, [(1, 1.0), (3, 1.0)]);
        assert_eq!(g[0].year, 2023);
    }

    #[test]
    fn a_share_just_under_the_threshold_is_not_linked_and_just_over_is() {
        // 400 pieces each; 196 in common (49%) or 204 (51%).
        let a = sk(0..400);
        let under = Sketch::from_pieces((204..604).map(|p| (p * 7919) as u32).collect());
        let over = Sketch::from_pieces((196..596).map(|p| (p * 7919) as u32).collect());
        assert!(groups(
            &[e("甲县财政局", 2023, &a), e("乙县财政局", 2023, &under)],
            0.5
        )
        .is_empty());
        let g = groups(
            &[e("甲县财政局", 2023, &a), e("乙县财政局", 2023, &over)],
            0.5,
        );
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].members[0].share, 0.51);
        // Settable: at 0.45 the 49% pair is linked.
        assert_eq!(
            groups(
                &[e("甲县财政局", 2023, &a), e("乙县财政局", 2023, &under)],
                0.45
            )
            .len(),
            1
        );
    }

    #[test]
    fn one_agency_other_years_and_other_years_are_not_between_units() {
        let (a, b) = (sk(0..400), sk(0..400));
        // One agency written two ways, the same year (one report in two forms).
        assert!(groups(
            &[
                e("淮安市洪泽区人民政府", 2023, &a),
                e("洪泽区政府", 2023, &b)
            ],
            0.5
        )
        .is_empty());
        // Two units, two years.
        assert!(groups(&[e("甲县财政局", 2023, &a), e("乙县财政局", 2022, &b)], 0.5).is_empty());
        // No agency read: not compared.
        let none = [
            Some(Entry {
                agency: None,
                year: Some(2023),
                sketch: &a,
            }),
            e("乙县财政局", 2023, &b),
        ];
        assert!(groups(&none, 0.5).is_empty());
    }

    #[test]
    fn a_report_of_the_format_s_text_only_is_not_compared() {
        let text = "一、总体情况\n根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求，编制本报告。\n二、主动公开政府信息情况\n";
        let s = Sketch::of(text);
        assert!(!s.comparable(), "{} pieces", s.pieces.len());
        let t = Sketch::of(text);
        assert!(groups(&[e("甲县财政局", 2023, &s), e("乙县财政局", 2023, &t)], 0.5).is_empty());
    }
}
