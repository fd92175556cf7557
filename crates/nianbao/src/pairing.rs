//! Pairing reports with the same agency's report of the year before (a batch of many reports):
//! the page's batch pairs them and checks each again against its last year (carry-over,
//! 现行有效 counts, repeated text, the rates' change). One implementation, for the page's batch
//! and the command line.
//!
//! An agency is written many ways: "淮安市洪泽区人民政府" / "洪泽区人民政府" / "洪泽区政府",
//! "固原市卫生健康委员会" / "固原市卫健委", "厦门市思明区中华街道办事处" / "中华街道". A name is
//! cut into its places (省, 市, 区, 县, 街道 … from the left: [`Agency::places`]) and the rest,
//! written in one short form ([`Agency::body`]). Two names are one agency when their bodies are
//! equal and one's places end the other's ("洪泽区" ends "淮安市洪泽区"; "淮阴区" does not, nor
//! does "淮安市", so a prefecture's own 财政局 stays apart from its district's).

use crate::result::CheckResult;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// An agency's name cut for pairing: its places, outermost first, and the rest in short form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agency {
    pub places: Vec<String>,
    pub body: String,
}

/// The characters that end a place's name (市 also in 县级市, 区 in 自治区, 地区, 新区 …).
const PLACE_ENDS: &[char] = &['省', '市', '州', '盟', '区', '县', '旗'];

/// Words ending in a place's character that are not places ("城市管理局", "社区").
const NOT_PLACES: &[&str] = &[
    "城市", "都市", "超市", "市区", "社区", "园区", "景区", "辖区", "省市", "全市", "全区", "全县",
    "本市", "本区", "本县", "我市", "我区", "我县", "全省", "本省", "我省",
];

/// Characters a place's name never has (an agency's words).
const NOT_IN_PLACE: &[char] = &[
    '局', '委', '办', '厅', '室', '处', '所', '站', '队', '院', '部',
];

/// Full forms and the short forms they are written as, longest first where one contains
/// another; applied in order after 人民政府 → 政府, 委员会 → 委, 办公室 / 办事处 → 办.
const SHORT_FORMS: &[(&str, &str)] = &[
    ("卫生和计划生育委", "卫计委"),
    ("卫生计生委", "卫计委"),
    ("卫生健康委", "卫健委"),
    ("卫生健康局", "卫健局"),
    ("市场监督管理局", "市场监管局"),
    ("发展和改革委", "发改委"),
    ("发展改革委", "发改委"),
    ("发展和改革局", "发改局"),
    ("发展改革局", "发改局"),
    ("住房和城乡建设局", "住建局"),
    ("住房城乡建设局", "住建局"),
    ("住房和城乡建设委", "住建委"),
    ("住房和城乡建设厅", "住建厅"),
    ("人力资源和社会保障", "人社"),
    ("人力资源社会保障", "人社"),
    ("城市管理行政执法局", "城管执法局"),
    ("城市管理局", "城管局"),
    ("综合行政执法局", "综合执法局"),
    ("文化广电和旅游局", "文广旅局"),
    ("文化广电旅游局", "文广旅局"),
    ("文化和旅游局", "文旅局"),
    ("文化和旅游厅", "文旅厅"),
    ("退役军人事务局", "退役军人局"),
    ("医疗保障局", "医保局"),
    ("自然资源和规划局", "自然资源规划局"),
    ("教育和体育局", "教体局"),
    ("应急管理局", "应急局"),
    ("政务服务和大数据管理局", "政数局"),
    ("政务服务数据管理局", "政数局"),
    ("科学技术局", "科技局"),
    ("工业和信息化局", "工信局"),
    ("民族宗教事务局", "民宗局"),
    ("国有资产监督管理委", "国资委"),
    ("机关事务管理局", "机关事务局"),
    ("林业和草原局", "林草局"),
    ("交通运输局", "交通局"),
    ("生态环境局", "生态环境局"),
];

/// After a 街道, 镇 or 乡: what makes it a place (its office or government follows, or nothing).
fn ends_a_township(after: &str) -> bool {
    after.is_empty()
        || ["办事处", "办公室", "人民政府", "政府", "党工委", "办"]
            .iter()
            .any(|w| after.starts_with(w))
}

/// A 街道, 镇 or 乡 at the start of `s` (chars), when its office or government follows: its
/// length in chars.
fn township_at(s: &[char]) -> Option<usize> {
    for end in 1..s.len().min(8) {
        let word_end = if s[end] == '街' && s.get(end + 1) == Some(&'道') {
            end + 2
        } else if s[end] == '镇' || s[end] == '乡' {
            end + 1
        } else {
            continue;
        };
        let after: String = s[word_end..].iter().collect();
        let name: String = s[..word_end].iter().collect();
        return (ends_a_township(&after) && !name.contains(NOT_IN_PLACE)).then_some(word_end);
    }
    None
}

/// A 省, 市, 州, 盟, 区, 县 or 旗 at the start of `s` (chars): the first such character within 12;
/// 伊州区 and 泉州市 are one name each (a place's character followed by 区 / 县 / 旗 / 市), but
/// 泉州市 | 市场监督管理局.
fn county_at(s: &[char]) -> Option<usize> {
    let end = (1..s.len().min(12)).find(|&i| PLACE_ENDS.contains(&s[i]))?;
    let mut end = end + 1;
    while let Some(&c) = s.get(end) {
        let market = c == '市' && s.get(end + 1) == Some(&'场');
        if "市区县旗".contains(c) && !market && end < 12 {
            end += 1;
        } else {
            break;
        }
    }
    let name: String = s[..end].iter().collect();
    let word = name.chars().count() == 2 && NOT_PLACES.contains(&name.as_str());
    (!word && !name.contains(NOT_IN_PLACE) && !name.contains("人民")).then_some(end)
}

/// The place at the start of `s` (chars), when there is one: its length in chars (the
/// shorter of a county's and a township's: 伊州区 | 丽园街道).
fn place_at(s: &[char]) -> Option<usize> {
    match (county_at(s), township_at(s)) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// "荔湾区人民政府南源街道办事处", "上海市人民政府参事室": a government named before one of its
/// own units is left out (but not in "人民政府", "人民政府办公室", which are that government).
fn without_government_prefix(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while !rest.is_empty() {
        let word = ["人民政府", "政府"]
            .into_iter()
            .find(|w| rest.starts_with(w));
        if let Some(w) = word {
            let after = &rest[w.len()..];
            if after.is_empty() || after.starts_with('办') {
                out.push_str(w);
            }
            rest = after;
            continue;
        }
        let c = rest.chars().next().unwrap_or_default();
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

impl Agency {
    /// An agency's name cut into places and body; None when nothing is left once blanks and
    /// brackets are removed.
    pub fn parse(name: &str) -> Option<Agency> {
        let kept: String = name
            .chars()
            .filter(|c| !c.is_whitespace() && !"（）()[]【】〔〕\"“”".contains(*c))
            .collect();
        let chars: Vec<char> = without_government_prefix(&kept).chars().collect();
        if chars.is_empty() {
            return None;
        }
        let mut places = Vec::new();
        let mut at = 0;
        while let Some(n) = place_at(&chars[at..]) {
            places.push(chars[at..at + n].iter().collect::<String>());
            at += n;
        }
        let rest: String = chars[at..].iter().collect();
        let mut body = rest
            .replace("人民政府", "政府")
            .replace("委员会", "委")
            .replace("办公室", "办")
            .replace("办事处", "办");
        for (full, short) in SHORT_FORMS {
            body = body.replace(full, short);
        }
        // "中华街道办事处" / "中华街道办" / "中华街道": the 街道 itself.
        if body == "办" && places.last().is_some_and(|p| p.ends_with("街道")) {
            body.clear();
        }
        Some(Agency { places, body })
    }

    /// Whether two names are one agency: the same body, and the shorter list of places ends
    /// the longer one (both empty, or neither).
    pub fn same(&self, other: &Agency) -> bool {
        let (a, b) = (&self.places, &other.places);
        let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
        self.body == other.body
            && short.is_empty() == long.is_empty()
            && long.ends_with(short)
            && !(self.body.is_empty() && short.is_empty())
    }

    /// What two names of one agency share: the innermost place and the body.
    fn bucket(&self) -> (&str, &str) {
        (
            self.places.last().map_or("", String::as_str),
            self.body.as_str(),
        )
    }
}

/// Whether two agency names are one agency (see [`Agency::same`]).
pub fn same_agency(a: &str, b: &str) -> bool {
    Agency::parse(a)
        .zip(Agency::parse(b))
        .is_some_and(|(a, b)| a.same(&b))
}

/// What pairing found for one report of a batch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Pairing {
    /// Paired with this report (the batch's index): the same agency's year before.
    Paired { index: usize },
    /// The report's agency could not be read (no title found).
    NoAgency,
    /// The report's year could not be read.
    NoYear,
    /// The batch has no report of this agency for `year`.
    NoPrevious { year: i32 },
    /// The batch has several reports of this agency for `year`: which one is meant is not
    /// guessed.
    Several { year: i32, indexes: Vec<usize> },
}

impl Pairing {
    /// What the roll-up says, in Chinese and English; `file` names a batch item.
    pub fn describe<'a>(&self, file: impl Fn(usize) -> &'a str) -> (String, String) {
        match self {
            Pairing::Paired { index } => (
                format!("已与上年报告配对：{}", file(*index)),
                format!("paired with last year's {}", file(*index)),
            ),
            Pairing::NoAgency => (
                "未配对：未能读出单位名称".into(),
                "not paired: the agency could not be read".into(),
            ),
            Pairing::NoYear => (
                "未配对：未能读出年度".into(),
                "not paired: the year could not be read".into(),
            ),
            Pairing::NoPrevious { year } => (
                format!("未配对：本批没有该单位{year}年度的报告"),
                format!("not paired: no {year} report of this agency in the batch"),
            ),
            Pairing::Several { year, indexes } => {
                let names: Vec<&str> = indexes.iter().map(|&i| file(i)).collect();
                (
                    format!(
                        "未配对：本批有{}份该单位{year}年度的报告（{}），无法确定是哪一份",
                        names.len(),
                        names.join("、")
                    ),
                    format!(
                        "not paired: {} reports of this agency for {year} in the batch ({})",
                        names.len(),
                        names.join(", ")
                    ),
                )
            }
        }
    }
}

/// What pairing knows of a report: its agency's name and its year, as read.
pub type Who<'a> = (Option<&'a str>, Option<i32>);

/// A result's agency and year.
pub fn who(r: &CheckResult) -> Who<'_> {
    (r.meta.agency.as_deref(), r.meta.year)
}

/// For each report (None: a file that could not be read, which is not paired), whether it
/// has the same agency's report of the year before in the list, and which; or why not.
/// Linear in the number of reports (names are grouped by their innermost place and body).
pub fn pair(reports: &[Option<Who<'_>>]) -> Vec<Option<Pairing>> {
    let parsed: Vec<Option<(Agency, Option<i32>)>> = reports
        .iter()
        .map(|r| {
            let (agency, year) = (*r)?;
            Some((Agency::parse(agency?)?, year))
        })
        .collect();
    let mut groups: HashMap<((&str, &str), i32), Vec<usize>> = HashMap::new();
    for (i, p) in parsed.iter().enumerate() {
        if let Some((a, Some(y))) = p {
            groups.entry((a.bucket(), *y)).or_default().push(i);
        }
    }
    reports
        .iter()
        .zip(&parsed)
        .map(|(r, p)| {
            let r = (*r)?;
            let Some((agency, year)) = p else {
                return Some(Pairing::NoAgency);
            };
            let Some(year) = year else {
                return Some(if r.0.is_none() {
                    Pairing::NoAgency
                } else {
                    Pairing::NoYear
                });
            };
            let Some(before) = year.checked_sub(1) else {
                return Some(Pairing::NoYear);
            };
            let found: Vec<usize> = groups
                .get(&(agency.bucket(), before))
                .into_iter()
                .flatten()
                .copied()
                .filter(|&j| parsed[j].as_ref().is_some_and(|(b, _)| agency.same(b)))
                .collect();
            Some(match found.as_slice() {
                [] => Pairing::NoPrevious { year: before },
                [j] => Pairing::Paired { index: *j },
                _ => Pairing::Several {
                    year: before,
                    indexes: found,
                },
            })
        })
        .collect()
}

/// What pairing found for one report of a batch, as the page's batch and the command line use
/// it: last year's report (its index in the batch) when paired, and what the roll-up says
/// (Chinese, English; None for a file that could not be read).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BatchPairing {
    pub previous: Option<usize>,
    pub said: Option<(String, String)>,
}

/// Pairs a batch ([`pair`]) and says for each report what was found, naming files with
/// `file`: the one implementation behind the page's batch (the worker) and `nianbao check DIR`.
/// Each report paired is then checked again with its [`BatchPairing::previous`] as last year's
/// report ([`crate::check_with`]).
pub fn pair_batch<'a>(
    reports: &[Option<Who<'_>>],
    file: impl Fn(usize) -> &'a str,
) -> Vec<BatchPairing> {
    pair(reports)
        .into_iter()
        .map(|p| BatchPairing {
            previous: match p {
                Some(Pairing::Paired { index }) => Some(index),
                _ => None,
            },
            said: p.as_ref().map(|p| p.describe(&file)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Real ways one agency is written (seeds, corpus, fixtures and agencies' own sites).
    const SAME: &[(&str, &str)] = &[
        ("洪泽区人民政府", "淮安市洪泽区人民政府"),
        ("洪泽区人民政府", "洪泽区政府"),
        ("江苏省淮安市洪泽区人民政府", "洪泽区政府"),
        ("淮安市洪泽区人民政府办公室", "洪泽区政府办"),
        ("泉州市丰泽区卫生健康局", "丰泽区卫健局"),
        ("厦门市（海沧区） 卫生健康局", "厦门市海沧区卫生健康局"),
        ("固原市卫生健康委员会", "固原市卫生健康委"),
        ("固原市卫生健康委", "宁夏回族自治区固原市卫健委"),
        ("泉州市市场监督管理局", "泉州市市场监管局"),
        ("广州市荔湾区人民政府南源街道办事处", "荔湾区南源街道办事处"),
        ("厦门市思明区中华街道办事处", "思明区中华街道"),
        ("伊州区丽园街道办事处", "哈密市伊州区丽园街道办"),
        ("上海市人民政府参事室", "上海市政府参事室"),
        ("漳平市人民政府办公室", "龙岩市漳平市政府办公室"),
        (
            "来凤县政务服务和大数据管理局",
            "恩施土家族苗族自治州来凤县政数局",
        ),
        ("青川县住房和城乡建设局", "广元市青川县住建局"),
        ("宝清县卫生健康局", "双鸭山市宝清县卫生健康局"),
        ("泉州市城市管理局", "泉州市城管局"),
        ("某市某区人力资源和社会保障局", "某区人社局"),
        ("辽宁省审计厅", "辽宁省审计厅"),
    ];

    /// Different agencies whose names are alike.
    const APART: &[(&str, &str)] = &[
        ("洪泽区财政局", "淮阴区财政局"),
        ("淮安市洪泽区财政局", "淮安市淮阴区财政局"),
        ("淮安市财政局", "淮安市洪泽区财政局"),
        ("淮安市财政局", "洪泽区财政局"),
        ("福州市鼓楼区教育局", "南京市鼓楼区教育局"),
        ("泉州市卫生健康委员会", "泉州市丰泽区卫生健康局"),
        ("泉州市市场监督管理局", "泉州市城市管理局"),
        ("洪泽区人民政府", "洪泽区人民政府办公室"),
        ("洪泽区人民政府", "淮安市人民政府"),
        ("广州市荔湾区人民政府南源街道办事处", "广州市荔湾区人民政府"),
        ("厦门市思明区中华街道办事处", "厦门市思明区鹭江街道办事处"),
        ("卫生健康局", "泉州市卫生健康局"),
        ("辽宁省审计厅", "吉林省审计厅"),
        ("上海市人民政府参事室", "上海市人民政府"),
        ("固原市卫生健康委", "固原市卫生健康局"),
    ];

    #[test]
    fn names_of_one_agency_pair_and_alike_names_of_two_do_not() {
        for (a, b) in SAME {
            assert!(same_agency(a, b), "{a} / {b} should be one agency");
            assert!(same_agency(b, a), "{b} / {a} should be one agency");
        }
        for (a, b) in APART {
            assert!(!same_agency(a, b), "{a} / {b} should stay apart");
            assert!(!same_agency(b, a), "{b} / {a} should stay apart");
        }
    }

    #[test]
    fn places_and_body_are_cut_where_a_reader_would() {
        let a = Agency::parse("淮安市洪泽区人民政府").unwrap();
        assert_eq!(
            (a.places, a.body.as_str()),
            (vec!["淮安市".to_string(), "洪泽区".into()], "政府")
        );
        let a = Agency::parse("泉州市市场监督管理局").unwrap();
        assert_eq!(
            (a.places, a.body.as_str()),
            (vec!["泉州市".to_string()], "市场监管局")
        );
        let a = Agency::parse("哈密市伊州区丽园街道办事处").unwrap();
        assert_eq!(a.places, ["哈密市", "伊州区", "丽园街道"]);
        assert_eq!(a.body, "");
        let a = Agency::parse("青川县住房和城乡建设局").unwrap();
        assert_eq!(
            (a.places, a.body.as_str()),
            (vec!["青川县".to_string()], "住建局")
        );
        assert_eq!(Agency::parse(" （） "), None);
    }

    fn w(agency: &'static str, year: i32) -> Option<Who<'static>> {
        Some((Some(agency), Some(year)))
    }

    #[test]
    fn each_report_finds_its_agency_s_year_before_or_says_why_not() {
        let reports = [
            w("洪泽区人民政府", 2023),
            w("淮安市洪泽区人民政府", 2022),
            w("淮阴区财政局", 2023),
            None,
            Some((None, Some(2023))),
            Some((Some("洪泽区财政局"), None)),
            w("洪泽区财政局", 2023),
            w("淮安市洪泽区财政局", 2022),
            w("洪泽区财政局", 2022),
            w("淮安市财政局", 2023),
        ];
        let got = pair(&reports);
        assert_eq!(
            got,
            [
                Some(Pairing::Paired { index: 1 }),
                Some(Pairing::NoPrevious { year: 2021 }),
                Some(Pairing::NoPrevious { year: 2022 }),
                None,
                Some(Pairing::NoAgency),
                Some(Pairing::NoYear),
                Some(Pairing::Several {
                    year: 2022,
                    indexes: vec![7, 8]
                }),
                Some(Pairing::NoPrevious { year: 2021 }),
                Some(Pairing::NoPrevious { year: 2021 }),
                Some(Pairing::NoPrevious { year: 2022 }),
            ]
        );
        let files = ["a.docx", "b.html", "", "", "", "", "", "c.pdf", "d.txt", ""];
        let (zh, en) = got[6].as_ref().unwrap().describe(|i| files[i]);
        assert_eq!(
            zh,
            "未配对：本批有2份该单位2022年度的报告（c.pdf、d.txt），无法确定是哪一份"
        );
        assert!(en.contains("2 reports of this agency for 2022"), "{en}");
        let (zh, _) = got[0].as_ref().unwrap().describe(|i| files[i]);
        assert_eq!(zh, "已与上年报告配对：b.html");
        assert_eq!(pair(&[w("甲局", i32::MIN)]), [Some(Pairing::NoYear)]);
        assert!(pair(&[]).is_empty());
    }
}
