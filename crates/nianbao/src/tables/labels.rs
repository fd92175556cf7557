//! The loose end of the label matcher (`tables::best_row` for part 三, `best_active_row` for
//! part 二, both used by the text and the grid paths): labels as real reports write them, one
//! character dropped, added or replaced ("行政许甲", "（七）计", "3.其"), or a long label
//! without its first words ("规范性文件" for "行政规范性文件"). Tried only when no label scored
//! as similar, and only when exactly one official label is that close: a loose label never
//! takes a neighbour's row, and never names two.

use crate::normalize::{cn_digit, strip_numbering};
use crate::tables::{sibling_bits, sibling_bits_differ, Official};

/// Whether `a` and `b` are at most one character apart (one dropped, added or replaced).
pub(crate) fn one_edit(a: &[char], b: &[char]) -> bool {
    let (s, l) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if l.len() - s.len() > 1 {
        return false;
    }
    let p = s.iter().zip(l).take_while(|(x, y)| x == y).count();
    if s.len() == l.len() {
        // One replaced: the rest after the first difference is equal.
        p == s.len() || s[p + 1..] == l[p + 1..]
    } else {
        // One added to the longer: skip it there.
        s[p..] == l[p + 1..]
    }
}

/// A key's numbering (its leading digits, Arabic or Chinese).
fn numbering(k: &str) -> &str {
    let rest = strip_numbering(k);
    &k[..k.len() - rest.len()]
}

/// Whether `found` (a key) is close enough to `o` to name it when nothing named it better: one
/// character off with the same numbering and at least two characters left, or the last four or
/// more characters of a label without numbering.
fn near(found: &str, fc: &[char], o: &Official) -> bool {
    if numbering(found) != numbering(&o.full) || fc.len() < 2 || o.full_c.len() < 2 {
        return false;
    }
    // At least one character of words, not numbering alone ("七" is no label).
    if strip_numbering(found).is_empty() || found.chars().all(|c| cn_digit(c).is_some()) {
        return false;
    }
    one_edit(fc, &o.full_c)
        || (numbering(found).is_empty() && fc.len() >= 4 && o.full.ends_with(found))
}

/// The one official label (index in `from..to`) one of `keys` is near, when exactly one label of
/// `officials` (any index) is near it and no sibling word tells them apart.
pub(crate) fn only_near(
    keys: &[String],
    officials: &[Official],
    from: usize,
    to: usize,
) -> Option<usize> {
    let mut hit: Option<usize> = None;
    for k in keys {
        let kc: Vec<char> = k.chars().collect();
        let bits = sibling_bits(k);
        let near_ones: Vec<usize> = officials
            .iter()
            .enumerate()
            .filter(|(_, o)| !sibling_bits_differ(bits, o.siblings) && near(k, &kc, o))
            .map(|(i, _)| i)
            .collect();
        match near_ones[..] {
            [i] if (from..to).contains(&i) => match hit {
                Some(h) if h != i => return None,
                _ => hit = Some(i),
            },
            [] => {}
            _ => return None,
        }
    }
    hit
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::key;

    fn c(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn one_character_apart() {
        assert!(one_edit(&c("行政可"), &c("行政许可")));
        assert!(one_edit(&c("行政甲可"), &c("行政许可")));
        assert!(one_edit(&c("甲行政许可"), &c("行政许可")));
        assert!(one_edit(&c("行政许可甲"), &c("行政许可")));
        assert!(!one_edit(&c("行政处罚"), &c("行政许可")));
        assert!(!one_edit(&c("行政"), &c("行政许可")));
    }

    #[test]
    fn a_loose_label_names_one_row_or_none() {
        let o: Vec<Official> = ["规章", "行政规范性文件", "行政许可", "行政处罚", "行政强制"]
            .iter()
            .map(|l| Official::new(l))
            .collect();
        let find = |s: &str| only_near(&[key(s)], &o, 0, o.len());
        assert_eq!(find("规范性文件"), Some(1));
        assert_eq!(find("行政许甲"), Some(2));
        assert_eq!(find("甲规章"), Some(0));
        assert_eq!(find("章"), None);
        assert_eq!(find("行政"), None);
        assert_eq!(find("行政诉讼"), None);
        let o: Vec<Official> = ["（六）其他处理", "3.其他", "（七）总计"]
            .iter()
            .map(|l| Official::new(l))
            .collect();
        let find = |s: &str| only_near(&[key(s)], &o, 0, o.len());
        assert_eq!(find("（七）计"), Some(2));
        assert_eq!(find("3.其"), Some(1));
        assert_eq!(find("4.其他"), None);
        assert_eq!(find("（七）"), None);
    }
}
