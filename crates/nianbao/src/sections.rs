//! Finding the title, agency, year, closing date and the six parts.

use crate::normalize::{cn_digit, key, Line, Text};
use crate::spec::{SectionSpec, SECTIONS};

/// How a found heading compares with the official wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wording {
    Official,
    Variant,
    Other,
}

#[derive(Debug, Clone)]
pub struct FoundSection {
    pub number: u8,
    /// Index into `Text::lines` of the heading.
    pub index: usize,
    /// The heading as the user wrote it (trimmed).
    pub heading: String,
    pub wording: Wording,
    /// Lines of the part's body: `index + 1 .. end`.
    pub end: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Meta {
    pub title: Option<String>,
    /// Index of the (first) title line.
    pub title_index: Option<usize>,
    pub agency: Option<String>,
    pub year: Option<i32>,
    /// Whether the year was read from the title (else from the text: the year it names most).
    pub year_from_title: bool,
    /// Whether the title puts the year before the agency.
    pub year_first: bool,
    /// Closing date (y, m, d) and the index of its line.
    pub published: Option<((i32, u32, u32), usize)>,
}

#[derive(Debug, Clone)]
pub struct Structure {
    /// Indexed by part number - 1.
    pub sections: [Option<FoundSection>; 6],
    pub meta: Meta,
}

impl Structure {
    /// The part whose body contains line index `i`, if any.
    pub fn section_at(&self, i: usize) -> Option<u8> {
        self.sections
            .iter()
            .flatten()
            .find(|s| s.index < i && i < s.end)
            .map(|s| s.number)
    }

    pub fn body<'t>(&self, text: &'t Text, number: u8) -> &'t [Line] {
        match &self.sections[number as usize - 1] {
            Some(s) => &text.lines[s.index + 1..s.end],
            None => &[],
        }
    }
}

/// Strips markdown heading and emphasis marks and spaces around a line.
fn strip_marks(s: &str) -> &str {
    s.trim()
        .trim_start_matches(['#', '*', '>', ' '])
        .trim_end_matches(['*', ' ', ':'])
}

/// The part whose heading `line` is, if it is one.
pub(crate) fn heading_number(line: &str) -> Option<u8> {
    as_heading(line).map(|(s, _)| s.number)
}

/// A crawler's field name before a page's title ("标题:", "标题：", "题目:").
fn strip_field_name(t: &str) -> &str {
    for name in ["标题", "题目", "文章标题", "信息名称", "名称"] {
        if let Some(rest) = t.strip_prefix(name) {
            let rest = rest.trim_start();
            if let Some(r) = rest.strip_prefix(':') {
                return r.trim_start();
            }
        }
    }
    t
}

/// Reads a line as the heading of part N, if it is one.
fn as_heading(line: &str) -> Option<(&'static SectionSpec, Wording)> {
    let t = strip_marks(line);
    if t.chars().count() > 45 || t.contains('\t') || t.contains('|') {
        return None;
    }
    let mut chars = t.chars();
    let first = chars.next()?;
    let n = cn_digit(first)?;
    if !(1..=6).contains(&n) {
        return None;
    }
    let rest = chars.as_str().trim_start();
    // The numeral must be followed by 、 . , or a space (not "一是…", "三安全").
    let rest = rest
        .strip_prefix('、')
        .or_else(|| rest.strip_prefix('.'))
        .or_else(|| rest.strip_prefix(','))
        .or_else(|| {
            if t[first.len_utf8()..].starts_with(' ') {
                Some(rest)
            } else {
                None
            }
        })?;
    let spec = &SECTIONS[n as usize - 1];
    let k = key(rest);
    if k.chars().count() > 30 || !spec.must.iter().all(|w| k.contains(w)) {
        return None;
    }
    let wording = if k == key(spec.title) {
        Wording::Official
    } else if spec.variants.iter().any(|v| key(v) == k) {
        Wording::Variant
    } else {
        Wording::Other
    };
    Some((spec, wording))
}

pub fn find(text: &Text) -> Structure {
    let mut found: [Option<FoundSection>; 6] = Default::default();
    for (i, line) in text.lines.iter().enumerate() {
        if let Some((spec, wording)) = as_heading(&line.text) {
            let slot = &mut found[spec.number as usize - 1];
            if slot.is_none() {
                *slot = Some(FoundSection {
                    number: spec.number,
                    index: i,
                    heading: line.raw.trim().to_string(),
                    wording,
                    end: text.lines.len(),
                });
            }
        }
    }
    // Each part ends where the next heading (in line order) begins.
    let mut starts: Vec<usize> = found.iter().flatten().map(|s| s.index).collect();
    starts.sort_unstable();
    for s in found.iter_mut().flatten() {
        s.end = starts
            .iter()
            .copied()
            .find(|&x| x > s.index)
            .unwrap_or(text.lines.len());
    }
    let first_part = found.iter().flatten().map(|s| s.index).min();
    let meta = find_meta(text, first_part, &found);
    Structure {
        sections: found,
        meta,
    }
}

fn find_meta(text: &Text, first_part: Option<usize>, found: &[Option<FoundSection>; 6]) -> Meta {
    let mut meta = Meta::default();
    let limit = first_part.unwrap_or(text.lines.len().min(20));
    if let Some((title, index)) = find_title(&text.lines[..limit]) {
        meta.title = Some(title);
        meta.title_index = Some(index);
    }
    agency_and_year(&mut meta);
    meta.year_from_title = meta.year.is_some();
    if meta.year.is_none() {
        meta.year = year_in_text(text);
    }
    meta.published = closing_date(text, found);
    meta
}

/// The report's title among the opening lines (also wrapped onto two lines, or with the agency
/// on the line before), and the line it starts on.
fn find_title(lines: &[Line]) -> Option<(String, usize)> {
    let nonempty: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].text.trim().is_empty())
        .collect();
    // Whether a line (or two joined) reads as a title.
    let is_title = |t: &str| {
        let k = key(t);
        let sentence = t.contains(['《', '。', ',', '，', ';', '；'])
            || k.starts_with("依据")
            || k.starts_with("根据");
        // A web page's breadcrumb ("当前位置：首页 > 政务公开 > 年度报告") is not the title.
        let breadcrumb =
            k.contains("当前位置") || (k.contains("首页") && t.contains(['>', '＞', '»']));
        k.contains("政府信息公开")
            && k.contains("报告")
            && t.chars().count() <= 60
            && !sentence
            && !breadcrumb
    };
    // A short line that may be a piece of a title wrapped onto two lines (a PDF's line break).
    let piece = |t: &str| {
        t.chars().count() <= 40
            && !t.contains(['。', '，', ',', ';', '；', '《'])
            && as_heading(t).is_none()
    };
    for (pos, &i) in nonempty.iter().enumerate() {
        let t = strip_field_name(strip_marks(&lines[i].text));
        let mut title = t.to_string();
        if !is_title(t) {
            // "某某局2023年政府信息公开工作" / "年度报告": a title wrapped onto the next line.
            let next = nonempty.get(pos + 1).map(|&n| strip_marks(&lines[n].text));
            let Some(next) = next.filter(|n| piece(t) && piece(n) && !key(t).contains("报告"))
            else {
                continue;
            };
            let joined = format!("{t}{next}");
            if !is_title(&joined) || !key(&joined).ends_with("报告") || is_title(next) {
                continue;
            }
            title = joined;
        }
        let k = key(&title);
        let mut index = i;
        // "厦门市海沧区卫生健康局" / "2020年政府信息公开工作年度报告": the agency on the line
        // before (also "某某局2023年" / "政府信息公开工作年度报告").
        if (k.starts_with(|c: char| c.is_ascii_digit()) || k.starts_with("政府信息公开")) && pos > 0
        {
            let p = nonempty[pos - 1];
            let prev = strip_marks(&lines[p].text);
            if prev.chars().count() <= 40
                && !key(prev).contains("报告")
                && !prev.contains(['。', '/', ':', '：'])
            {
                title = format!("{prev}{title}");
                index = p;
            }
        }
        return Some((title, index));
    }
    None
}

/// The agency and the year from the title.
fn agency_and_year(meta: &mut Meta) {
    let Some(title) = &meta.title else {
        return;
    };
    let compact: String = title.chars().filter(|c| !c.is_whitespace()).collect();
    if let Some((year, at)) = find_year(&compact) {
        meta.year = Some(year);
        let agency = compact[..at].trim();
        if !agency.is_empty() {
            meta.agency = Some(agency.to_string());
        } else {
            // "2022年上海市人民政府参事室政府信息公开工作年度报告": the year first.
            let rest = compact[at + 4..]
                .trim_start_matches('年')
                .trim_start_matches('度');
            if let Some(end) = rest.find("政府信息公开") {
                if end > 0 {
                    meta.agency = Some(rest[..end].to_string());
                    meta.year_first = true;
                }
            }
        }
    } else if let Some(at) = compact.find("政府信息公开") {
        let agency = compact[..at].trim();
        if !agency.is_empty() {
            meta.agency = Some(agency.to_string());
        }
    }
}

/// No year in the title: the year the opening of the text names most often.
fn year_in_text(text: &Text) -> Option<i32> {
    let mut counts: Vec<(i32, usize)> = Vec::new();
    for l in text.lines.iter().take(60) {
        let compact: String = l.text.chars().filter(|c| !c.is_whitespace()).collect();
        let mut rest = compact.as_str();
        while let Some((y, at)) = find_year(rest) {
            match counts.iter_mut().find(|(yy, _)| *yy == y) {
                Some((_, n)) => *n += 1,
                None => counts.push((y, 1)),
            }
            rest = &rest[at + 4..];
        }
    }
    counts.iter().max_by_key(|(y, n)| (*n, *y)).map(|(y, _)| *y)
}

/// The closing date: the last date on a short line after the last part's heading.
fn closing_date(
    text: &Text,
    found: &[Option<FoundSection>; 6],
) -> Option<((i32, u32, u32), usize)> {
    let after = found.iter().flatten().map(|s| s.index).max().unwrap_or(0);
    let tail_start = after.max(text.lines.len().saturating_sub(12));
    for i in (tail_start..text.lines.len()).rev() {
        let t = text.lines[i].text.trim();
        if t.is_empty() || t.chars().count() > 24 {
            continue;
        }
        if let Some(d) = parse_date(t) {
            return Some((d, i));
        }
    }
    None
}

/// The first "YYYY年" (2000–2099) in a string, and its byte offset.
fn find_year(s: &str) -> Option<(i32, usize)> {
    let b = s.as_bytes();
    for i in 0..b.len().saturating_sub(3) {
        if b[i] == b'2'
            && b[i + 1] == b'0'
            && b[i + 2].is_ascii_digit()
            && b[i + 3].is_ascii_digit()
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && s[i + 4..].starts_with('年')
        {
            return Some((s[i..i + 4].parse().ok()?, i));
        }
    }
    None
}

/// Reads a date written as 2021年1月11日, 2021-01-11, 2021.1.11 or 二〇二一年一月十一日.
pub fn parse_date(s: &str) -> Option<(i32, u32, u32)> {
    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    // Arabic digits.
    let nums: Vec<u32> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|x| !x.is_empty())
        .filter_map(|x| x.parse().ok())
        .collect();
    let has_cn_markers = s.contains('年') && s.contains('月') && s.contains('日');
    let dashed = s.contains('-') || s.contains('.') || s.contains('/');
    if nums.len() == 3 && (has_cn_markers || dashed) {
        let (y, m, d) = (nums[0] as i32, nums[1], nums[2]);
        if (2000..2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d) {
            return Some((y, m, d));
        }
    }
    // Chinese numerals: 二〇二一年一月十一日.
    if has_cn_markers {
        let y_end = s.find('年')?;
        let m_end = s.find('月')?;
        let d_end = s.find('日')?;
        if !(y_end < m_end && m_end < d_end) {
            return None;
        }
        let start = s[..y_end]
            .char_indices()
            .rev()
            .take_while(|(_, c)| matches!(c, '〇' | '零' | 'O' | 'o') || cn_digit(*c).is_some())
            .last()
            .map(|(i, _)| i)?;
        let year: String = s[start..y_end]
            .chars()
            .map(|c| match c {
                '〇' | '零' | 'O' | 'o' => '0',
                c => char::from_digit(cn_digit(c).unwrap_or(0) % 10, 10).unwrap_or('0'),
            })
            .collect();
        let y: i32 = year.parse().ok()?;
        let m = cn_number(&s[y_end + '年'.len_utf8()..m_end])?;
        let d = cn_number(&s[m_end + '月'.len_utf8()..d_end])?;
        if (2000..2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d) {
            return Some((y, m, d));
        }
    }
    None
}

fn cn_number(s: &str) -> Option<u32> {
    let cs: Vec<u32> = s.chars().map(cn_digit).collect::<Option<_>>()?;
    match cs.as_slice() {
        [a] => Some(*a),
        [10, b] => Some(10 + b),
        [a, 10] => Some(a * 10),
        [a, 10, b] => Some(a * 10 + b),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_and_traps() {
        assert!(as_heading("## 一、总体情况").is_some());
        assert!(as_heading("**一、總體情況**").is_some());
        assert!(as_heading("一、本年新收政府信息公开申请数量").is_none());
        assert!(as_heading("四、结转下年度继续办理").is_none());
        assert!(as_heading("三、本年度办理结果").is_none());
        assert!(as_heading("一是加强组织领导").is_none());
        let (s, w) = as_heading("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况").unwrap();
        assert_eq!((s.number, w), (4, Wording::Variant));
        let (s, w) = as_heading("一、2023年政务公开总体情况").unwrap();
        assert_eq!((s.number, w), (1, Wording::Other));
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("2021年1月11日"), Some((2021, 1, 11)));
        assert_eq!(parse_date("2021-01-11"), Some((2021, 1, 11)));
        assert_eq!(parse_date("二〇二一年一月二十一日"), Some((2021, 1, 21)));
        assert_eq!(parse_date("共10件"), None);
    }

    #[test]
    fn title_split_over_two_lines() {
        let t =
            Text::new("厦门市海沧区卫生健康局\n\n2020年政府信息公开工作年度报告\n一、总体情况\n");
        let s = find(&t);
        assert_eq!(s.meta.agency.as_deref(), Some("厦门市海沧区卫生健康局"));
        let t2 = Text::new("2022年上海市人民政府参事室政府信息公开工作年度报告\n一、总体情况\n");
        let s2 = find(&t2);
        assert_eq!(s2.meta.agency.as_deref(), Some("上海市人民政府参事室"));
        assert!(s2.meta.year_first);
        assert_eq!(s.meta.year, Some(2020));
        assert_eq!(s.meta.title_index, Some(0));
    }

    #[test]
    fn a_web_page_breadcrumb_is_not_the_title() {
        let t = Text::new(
            "当前位置：首页 > 政务公开 > 政府信息公开年度报告\n某某局2022年政府信息公开工作年度报告\n一、总体情况\n",
        );
        let s = find(&t);
        assert_eq!(s.meta.agency.as_deref(), Some("某某局"));
        assert_eq!(s.meta.title_index, Some(1));
    }
}
