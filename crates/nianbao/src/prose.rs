//! Numbers in the prose, read once for every prose rule: Arabic numbers with thousands
//! separators and decimals (1,234, 4.7万), Chinese numerals (三件, 十二项, 一百零五, 两千三百),
//! 万/亿 multipliers, and percentages (85.3%, 百分之八十). Full-width digits are already
//! half-width (see [`crate::normalize`]).

use crate::normalize::{Line, Text};
use std::ops::Range;

/// A number of the prose: its value, its unit (a counting word like 件, `'%'` for a percentage,
/// `'\0'` for none) and where it stands (char indices `start..end` of the number and unit).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Num {
    pub value: f64,
    pub unit: char,
    pub start: usize,
    pub end: usize,
}

/// Counting words after a number.
pub const UNITS: &str = "条件个次起篇宗项";

/// Whether `c` is one of the counting words of [`UNITS`].
pub fn is_unit(c: char) -> bool {
    matches!(c, '条' | '件' | '个' | '次' | '起' | '篇' | '宗' | '项')
}

/// Whether `s` may hold a number with a counting word: some counting word stands right after
/// (spaces aside) a digit or a Chinese numeral. A cheap test before [`numbers`]: when it is
/// false, no number [`numbers`] finds in `s` has a unit of [`UNITS`].
pub fn may_have_count(s: &str) -> bool {
    let mut after_number = false;
    for c in s.chars() {
        if after_number && is_unit(c) {
            return true;
        }
        if c != ' ' {
            after_number = c.is_ascii_digit() || is_cn(c);
        }
    }
    false
}

/// Where [`may_have_count`] holds in `s`: (byte of the digit or numeral, byte of the counting
/// word) for each counting word. `may_have_count` of a part `a..b` of `s` is whether some spot
/// has `a <= digit` and `word < b`, so the parts of a sentence need no scan of their own.
pub fn count_spots(s: &str, out: &mut Vec<(usize, usize)>) {
    scan(s, out, &mut Vec::new());
}

/// A prose line, read once before the rules run: the prose rules take its count spots and
/// clauses from here rather than each scanning the text again.
pub struct ProseLine<'a> {
    /// The line's index in `Text::lines`.
    pub index: usize,
    pub line: &'a Line,
    /// Where a number may have a counting word (see [`count_spots`]), in order.
    pub spots: Vec<(usize, usize)>,
    /// The clauses (see [`clauses`]): the chars before each and its bytes in the line.
    pub clauses: Vec<(usize, Range<usize>)>,
}

impl ProseLine<'_> {
    /// Whether bytes `a..b` of the line may hold a number with a counting word: the same as
    /// [`may_have_count`] of that part.
    pub fn may_have_count(&self, a: usize, b: usize) -> bool {
        // Spots come in order of both their bytes: the first at or after `a` has the earliest
        // counting word (a scan of every spot per part would be quadratic).
        let i = self.spots.partition_point(|&(n, _)| n < a);
        self.spots.get(i).is_some_and(|&(_, u)| u < b)
    }
}

/// The prose lines of `text` (see [`is_prose`]), each scanned once.
pub fn read(text: &Text) -> Vec<ProseLine<'_>> {
    let prose = text.lines.iter().enumerate().filter(|(_, l)| is_prose(l));
    prose
        .map(|(index, line)| {
            let (mut spots, mut clauses) = (Vec::new(), Vec::new());
            scan(&line.text, &mut spots, &mut clauses);
            ProseLine {
                index,
                line,
                spots,
                clauses,
            }
        })
        .collect()
}

/// One pass over `s` for both [`count_spots`] and [`clauses`].
fn scan(s: &str, spots: &mut Vec<(usize, usize)>, clauses: &mut Vec<(usize, Range<usize>)>) {
    let mut number: Option<usize> = None;
    // The clause: its first byte and the chars before it; `n` counts the chars so far.
    let (mut start, mut at, mut n) = (0, 0, 0);
    let mut prev = '\0';
    for (b, c) in s.char_indices() {
        if let Some(k) = number.filter(|_| is_unit(c)) {
            spots.push((k, b));
        }
        if c != ' ' {
            number = (c.is_ascii_digit() || is_cn(c)).then_some(b);
        }
        n += 1;
        let ends_clause = match c {
            '，' | '；' | ';' | '。' => true,
            // Not a thousands separator (1,234).
            ',' => {
                !(prev.is_ascii_digit() && s.as_bytes().get(b + 1).is_some_and(u8::is_ascii_digit))
            }
            _ => false,
        };
        if ends_clause {
            let e = b + c.len_utf8();
            clauses.push((at, start..e));
            (start, at) = (e, n);
        }
        prev = c;
    }
    if start < s.len() {
        clauses.push((at, start..s.len()));
    }
}

fn cn_val(c: char) -> Option<f64> {
    Some(match c {
        '零' | '〇' => 0.0,
        '一' => 1.0,
        '二' | '两' => 2.0,
        '三' => 3.0,
        '四' => 4.0,
        '五' => 5.0,
        '六' => 6.0,
        '七' => 7.0,
        '八' => 8.0,
        '九' => 9.0,
        _ => return None,
    })
}

fn mult(c: char) -> Option<f64> {
    Some(match c {
        '十' => 10.0,
        '百' => 100.0,
        '千' => 1e3,
        '万' => 1e4,
        '亿' => 1e8,
        _ => return None,
    })
}

/// The value of a run of Chinese numerals: 一百零五 = 105, 十二 = 12, 两千三百 = 2300; a run of
/// bare digits (二〇二三) reads digit by digit.
pub fn cn_number(s: &[char]) -> Option<f64> {
    if s.iter().all(|&c| cn_val(c).is_some()) {
        return s
            .iter()
            .try_fold(0.0, |a, &c| Some(a * 10.0 + cn_val(c)?))
            .filter(|_| !s.is_empty());
    }
    let (mut total, mut section, mut digit) = (0.0, 0.0, None::<f64>);
    for &c in s {
        if let Some(d) = cn_val(c) {
            digit = Some(d);
        } else {
            let m = mult(c)?;
            if m >= 1e4 {
                total = (total + section + digit.unwrap_or(0.0)) * m;
                section = 0.0;
            } else {
                section += digit.unwrap_or(1.0) * m;
            }
            digit = None;
        }
    }
    Some(total + section + digit.unwrap_or(0.0))
}

/// Whether `c` is a Chinese numeral: a digit of [`cn_val`] or a multiplier of [`mult`].
pub fn is_cn(c: char) -> bool {
    matches!(
        c,
        '零' | '〇'
            | '一'
            | '二'
            | '两'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
            | '万'
            | '亿'
    )
}

/// An Arabic number from `start` (digits, thousands separators, a decimal part): where it ends
/// and its value.
fn arabic(chars: &[char], start: usize) -> (usize, Option<f64>) {
    let n = chars.len();
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    let mut i = start;
    while i < n && chars[i].is_ascii_digit() {
        i += 1;
    }
    // Thousands separators: "1,234件" is 1234, not 234.
    if i - start <= 3 {
        while at(i) == ','
            && (1..4).all(|k| at(i + k).is_ascii_digit())
            && !at(i + 4).is_ascii_digit()
        {
            i += 4;
        }
    }
    if at(i) == '.' && at(i + 1).is_ascii_digit() {
        i += 1;
        while i < n && chars[i].is_ascii_digit() {
            i += 1;
        }
    }
    let s: String = chars[start..i].iter().filter(|c| **c != ',').collect();
    (i, s.parse::<f64>().ok())
}

/// Every number of a line with its unit.
pub fn numbers(chars: &[char]) -> Vec<Num> {
    let mut out = Vec::new();
    let n = chars.len();
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    let mut i = 0;
    while i < n {
        let c = chars[i];
        let start = i;
        let mut pct = false;
        let value = if c.is_ascii_digit() && at(i.wrapping_sub(1)) != '.' {
            let (end, v) = arabic(chars, start);
            i = end;
            v
        } else if is_cn(c)
            && ({
                // 百分之八十
                pct = i >= 3 && chars[i - 3..i] == ['百', '分', '之'];
                pct
            } || !"第每这那逐统唯同之任单进".contains(at(i.wrapping_sub(1))))
        {
            while i < n && is_cn(chars[i]) {
                i += 1;
            }
            // A bare 万 or 十 is a word, not a number.
            if chars[start..i] != ['十'] && chars[start..i].iter().all(|c| mult(*c).is_some()) {
                None
            } else {
                cn_number(&chars[start..i])
            }
        } else if c.is_ascii_digit() {
            while i < n && chars[i].is_ascii_digit() {
                i += 1;
            }
            None
        } else {
            i += 1;
            continue;
        };
        // Implausibly large (over 10^12): not a count (and no overflow downstream).
        let Some(mut value) = value.filter(|v| *v <= 1e12) else {
            continue;
        };
        let mut j = i;
        let skip = |j: &mut usize| {
            while at(*j) == ' ' {
                *j += 1;
            }
        };
        skip(&mut j);
        if chars[start].is_ascii_digit() {
            if let Some(m) = mult(at(j)).filter(|m| *m >= 1e4 && value * m <= 1e12) {
                value *= m;
                j += 1;
                skip(&mut j);
            }
        }
        let unit = if pct {
            '%'
        } else if at(j) == '%' {
            j += 1;
            '%'
        } else if is_unit(at(j)) {
            // 高效办成“一件事”: a phrase, not a count.
            if at(j + 1) == '事' {
                continue;
            }
            j += 1;
            at(j - 1)
        } else if !chars[start].is_ascii_digit() {
            // A Chinese numeral without a counting word is a word (一是, 进一步, 十九大).
            continue;
        } else {
            '\0'
        };
        if pct && start >= 3 {
            out.push(Num {
                value,
                unit,
                start: start - 3,
                end: i,
            });
        } else {
            out.push(Num {
                value,
                unit,
                start,
                end: if unit == '\0' { i } else { j },
            });
        }
    }
    out
}

/// Lines of prose: not table rows (TAB or pipe fields).
pub fn is_prose(l: &Line) -> bool {
    !l.text.contains('\t') && !l.text.contains('|')
}

/// Whether `s` contains any of the words.
pub fn any(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| s.contains(w))
}

/// The clauses of a sentence (split after ，；;。 and after a comma that is not a thousands
/// separator), each with the count of chars before it.
pub fn clauses(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    scan(s, &mut Vec::new(), &mut out);
    out.into_iter().map(|(at, r)| (at, &s[r])).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nums(s: &str) -> Vec<(f64, char)> {
        let c: Vec<char> = s.chars().collect();
        numbers(&c)
            .into_iter()
            .filter(|n| n.unit != '\0')
            .map(|n| (n.value, n.unit))
            .collect()
    }

    #[test]
    fn arabic_with_separators_and_units() {
        assert_eq!(nums("共收到申请1,234件"), [(1234.0, '件')]);
        assert_eq!(nums("主动公开12,345,678条"), [(12345678.0, '条')]);
        assert_eq!(nums("收到3件，办结2件"), [(3.0, '件'), (2.0, '件')]);
        assert_eq!(nums("公开1234,567条"), [(567.0, '条')]);
        assert_eq!(nums("发布信息1.2万条"), [(12000.0, '条')]);
        assert_eq!(nums("公开 104 条"), [(104.0, '条')]);
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(nums("收到三件，十二项"), [(3.0, '件'), (12.0, '项')]);
        assert_eq!(nums("一百零五件"), [(105.0, '件')]);
        assert_eq!(nums("两千三百条"), [(2300.0, '条')]);
        assert_eq!(nums("零件"), [(0.0, '件')]);
        assert_eq!(nums("〇件"), [(0.0, '件')]);
        assert_eq!(nums("一万二千条"), [(12000.0, '条')]);
        assert_eq!(nums("一是进一步统一标准，办成一件事，第三条，每一件"), []);
    }

    #[test]
    fn units_and_the_cheap_test() {
        assert!(UNITS.chars().all(is_unit));
        assert_eq!(
            ('\0'..='\u{FFFF}').filter(|c| is_unit(*c)).count(),
            UNITS.chars().count()
        );
        for s in [
            "共收到申请1,234件",
            "收到三件，十二项",
            "发布信息1.2万条",
            "公开 104 条",
            "一万二千条",
            "一是进一步统一标准，办成一件事，第三条，每一件",
            "各项工作，一个平台，条例",
            "公开率为85.3%",
        ] {
            let c: Vec<char> = s.chars().collect();
            let counted = numbers(&c).iter().any(|n| is_unit(n.unit));
            assert!(!counted || may_have_count(s), "{s}");
        }
        assert!(!may_have_count("各项工作有序推进，条例"));
        let s = "共收到 3 件，其中一件办结，各项";
        let mut spots = Vec::new();
        count_spots(s, &mut spots);
        for (a, _) in s.char_indices() {
            for b in (a..=s.len()).filter(|&b| s.is_char_boundary(b)) {
                let spotted = spots.iter().any(|&(n, u)| a <= n && u < b);
                assert_eq!(spotted, may_have_count(&s[a..b]), "{}", &s[a..b]);
                // The search text-table uses: the first spot at or after `a`.
                let i = spots.partition_point(|&(n, _)| n < a);
                let first = spots.get(i).is_some_and(|&(_, u)| u < b);
                assert_eq!(first, spotted, "{}", &s[a..b]);
            }
        }
        assert!(may_have_count("办结 3 件"));
    }

    #[test]
    fn a_lines_clauses_and_spots_are_its_sentences() {
        let s = "共收到申请1,234件，办结3件。结转 2 件;其中一件,两件。各项工作,1,2";
        let text = Text::new(s);
        let (p, s) = (&read(&text)[0], text.lines[0].text.as_str());
        assert_eq!(s.matches('。').count(), 2);
        let (mut clauses, mut spots, mut base) = (Vec::new(), Vec::new(), (0, 0));
        for sentence in s.split_inclusive('。') {
            for (at, c) in super::clauses(sentence) {
                let b = base.1 + (c.as_ptr() as usize - sentence.as_ptr() as usize);
                clauses.push((base.0 + at, b..b + c.len()));
            }
            let mut own = Vec::new();
            count_spots(sentence, &mut own);
            spots.extend(own.iter().map(|(n, u)| (base.1 + n, base.1 + u)));
            base = (base.0 + sentence.chars().count(), base.1 + sentence.len());
        }
        assert_eq!(p.clauses, clauses);
        assert_eq!(p.spots, spots);
    }

    #[test]
    fn is_cn_is_a_digit_or_a_multiplier() {
        for c in '\0'..='\u{FFFF}' {
            assert_eq!(is_cn(c), cn_val(c).is_some() || mult(c).is_some(), "{c}");
        }
    }

    #[test]
    fn percentages() {
        assert_eq!(nums("公开率为85.3%"), [(85.3, '%')]);
        assert_eq!(nums("占百分之八十"), [(80.0, '%')]);
    }
}
