//! The format as data: parts, table labels, rows, columns and identities of F2019 and F2021
//! (FORMAT.md §2–§5; `shared/spec/labels.json`). Everything the readers and rules know about the
//! format is here, so a change of the national template is a change of this file.

use serde::Serialize;

/// The two national templates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Format {
    #[serde(rename = "2019")]
    F2019,
    #[serde(rename = "2021")]
    F2021,
}

impl Format {
    pub fn for_year(year: i32) -> Format {
        if year >= 2021 {
            Format::F2021
        } else {
            Format::F2019
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            Format::F2019 => "2019",
            Format::F2021 => "2021",
        }
    }
    pub fn document(self) -> &'static str {
        match self {
            Format::F2019 => "国办公开办函〔2019〕60号",
            Format::F2021 => "国办公开办函〔2021〕30号",
        }
    }
}

/// One of the six parts.
pub struct SectionSpec {
    pub number: u8,
    pub numeral: char,
    /// Official heading without its numbering.
    pub title: &'static str,
    /// Wording variants seen in real reports (accepted with a warning).
    pub variants: &'static [&'static str],
    /// Every one of these words must occur in a heading for it to be this part.
    pub must: &'static [&'static str],
}

pub const SECTIONS: [SectionSpec; 6] = [
    SectionSpec {
        number: 1,
        numeral: '一',
        title: "总体情况",
        variants: &["总体概述"],
        must: &["总体"],
    },
    SectionSpec {
        number: 2,
        numeral: '二',
        title: "主动公开政府信息情况",
        variants: &["行政机关主动公开政府信息情况"],
        must: &["主动公开"],
    },
    SectionSpec {
        number: 3,
        numeral: '三',
        title: "收到和处理政府信息公开申请情况",
        variants: &["行政机关收到和处理政府信息公开申请情况"],
        must: &["申请"],
    },
    SectionSpec {
        number: 4,
        numeral: '四',
        title: "政府信息公开行政复议、行政诉讼情况",
        variants: &[
            "因政府信息公开工作被申请行政复议、提起行政诉讼情况",
            "政府信息公开行政复议及行政诉讼情况",
        ],
        must: &["行政复议"],
    },
    SectionSpec {
        number: 5,
        numeral: '五',
        title: "存在的主要问题及改进情况",
        variants: &["政府信息公开工作存在的主要问题及改进情况"],
        must: &["问题"],
    },
    SectionSpec {
        number: 6,
        numeral: '六',
        title: "其他需要报告的事项",
        variants: &["其他需要报告事项"],
        must: &["其他", "报告"],
    },
];

/// A column: stable key (RESULT.md) and Chinese label.
pub type Col = (&'static str, &'static str);

pub const REQUEST_COLS: [Col; 7] = [
    ("natural", "自然人"),
    ("commercial", "商业企业"),
    ("research", "科研机构"),
    ("public_interest", "社会公益组织"),
    ("legal_services", "法律服务机构"),
    ("other", "其他"),
    ("total", "总计"),
];

/// A data row of the table of part 三.
pub struct RowSpec {
    pub key: &'static str,
    pub label: &'static str,
    /// The merged header cell this row sits under, if any (key of `GROUPS`).
    pub group: Option<&'static str>,
    /// Short name used in messages (第一项, 予以公开 …).
    pub short: &'static str,
}

/// Merged header cells of the table of part 三: key, label.
pub const GROUPS: [(&str, &str); 5] = [
    ("3", "三、本年度办理结果"),
    ("3.3", "（三）不予公开"),
    ("3.4", "（四）无法提供"),
    ("3.5", "（五）不予处理"),
    ("3.6", "（六）其他处理"),
];

macro_rules! rows {
    ($( $key:literal, $label:literal, $group:expr, $short:literal; )*) => {
        &[ $( RowSpec { key: $key, label: $label, group: $group, short: $short }, )* ]
    };
}

const REQ_HEAD: &[RowSpec] = rows! {
    "1", "一、本年新收政府信息公开申请数量", None, "第一项（本年新收）";
    "2", "二、上年结转政府信息公开申请数量", None, "第二项（上年结转）";
    "3.1", "（一）予以公开", None, "（一）予以公开";
    "3.2", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", None, "（二）部分公开";
    "3.3.1", "1.属于国家秘密", Some("3.3"), "不予公开·属于国家秘密";
    "3.3.2", "2.其他法律行政法规禁止公开", Some("3.3"), "不予公开·其他法律行政法规禁止公开";
    "3.3.3", "3.危及“三安全一稳定”", Some("3.3"), "不予公开·危及“三安全一稳定”";
    "3.3.4", "4.保护第三方合法权益", Some("3.3"), "不予公开·保护第三方合法权益";
    "3.3.5", "5.属于三类内部事务信息", Some("3.3"), "不予公开·属于三类内部事务信息";
    "3.3.6", "6.属于四类过程性信息", Some("3.3"), "不予公开·属于四类过程性信息";
    "3.3.7", "7.属于行政执法案卷", Some("3.3"), "不予公开·属于行政执法案卷";
    "3.3.8", "8.属于行政查询事项", Some("3.3"), "不予公开·属于行政查询事项";
    "3.4.1", "1.本机关不掌握相关政府信息", Some("3.4"), "无法提供·本机关不掌握相关政府信息";
    "3.4.2", "2.没有现成信息需要另行制作", Some("3.4"), "无法提供·没有现成信息需要另行制作";
    "3.4.3", "3.补正后申请内容仍不明确", Some("3.4"), "无法提供·补正后申请内容仍不明确";
    "3.5.1", "1.信访举报投诉类申请", Some("3.5"), "不予处理·信访举报投诉类申请";
    "3.5.2", "2.重复申请", Some("3.5"), "不予处理·重复申请";
    "3.5.3", "3.要求提供公开出版物", Some("3.5"), "不予处理·要求提供公开出版物";
    "3.5.4", "4.无正当理由大量反复申请", Some("3.5"), "不予处理·无正当理由大量反复申请";
    "3.5.5", "5.要求行政机关确认或重新出具已获取信息", Some("3.5"), "不予处理·要求行政机关确认或重新出具已获取信息";
};

const REQ_OTHER_2019: &[RowSpec] = rows! {
    "3.6", "（六）其他处理", None, "（六）其他处理";
};

const REQ_OTHER_2021: &[RowSpec] = rows! {
    "3.6.1", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", Some("3.6"), "其他处理·逾期不补正";
    "3.6.2", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", Some("3.6"), "其他处理·逾期未缴费";
    "3.6.3", "3.其他", Some("3.6"), "其他处理·其他";
};

const REQ_TAIL: &[RowSpec] = rows! {
    "3.7", "（七）总计", None, "（七）总计";
    "4", "四、结转下年度继续办理", None, "第四项（结转下年度）";
};

/// The rows of the table of part 三, in order.
pub fn request_rows(f: Format) -> Vec<&'static RowSpec> {
    let other = match f {
        Format::F2019 => REQ_OTHER_2019,
        Format::F2021 => REQ_OTHER_2021,
    };
    REQ_HEAD.iter().chain(other).chain(REQ_TAIL).collect()
}

/// The columns of the table of part 四, in order: key, label.
pub const APPEAL_COLS: [Col; 15] = [
    ("review.upheld", "行政复议·结果维持"),
    ("review.corrected", "行政复议·结果纠正"),
    ("review.other", "行政复议·其他结果"),
    ("review.pending", "行政复议·尚未审结"),
    ("review.total", "行政复议·总计"),
    ("suit_direct.upheld", "未经复议直接起诉·结果维持"),
    ("suit_direct.corrected", "未经复议直接起诉·结果纠正"),
    ("suit_direct.other", "未经复议直接起诉·其他结果"),
    ("suit_direct.pending", "未经复议直接起诉·尚未审结"),
    ("suit_direct.total", "未经复议直接起诉·总计"),
    ("suit_after_review.upheld", "复议后起诉·结果维持"),
    ("suit_after_review.corrected", "复议后起诉·结果纠正"),
    ("suit_after_review.other", "复议后起诉·其他结果"),
    ("suit_after_review.pending", "复议后起诉·尚未审结"),
    ("suit_after_review.total", "复议后起诉·总计"),
];

/// The three groups of part 四: name, index of their first column (total is first + 4).
pub const APPEAL_GROUPS: [(&str, usize); 3] =
    [("行政复议", 0), ("未经复议直接起诉", 5), ("复议后起诉", 10)];

/// What a column of the table of part 二 may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColKind {
    /// A count: non-negative integer.
    Count,
    /// A signed change (本年增/减).
    Change,
    /// Money: non-negative, decimals allowed.
    Money,
}

/// A column of the table of part 二: stable key (RESULT.md), Chinese label, what it may hold.
pub type ActiveCol = (&'static str, &'static str, ColKind);

/// A block of the table of part 二, opened by its caption.
pub struct ActiveBlock {
    /// The item of 第二十条 the caption cites (一, 五, 六, 八, 九).
    pub item: &'static str,
    pub columns: &'static [ActiveCol],
    /// Row key and label.
    pub rows: &'static [(&'static str, &'static str)],
}

use ColKind::*;

pub const ACTIVE_2019: [ActiveBlock; 5] = [
    ActiveBlock {
        item: "一",
        columns: &[
            ("made", "本年新制作数量", Count),
            ("published", "本年新公开数量", Count),
            ("total_published", "对外公开总数量", Count),
        ],
        rows: &[
            ("regulations", "规章"),
            ("normative_documents", "规范性文件"),
        ],
    },
    ActiveBlock {
        item: "五",
        columns: &[
            ("prev_items", "上一年项目数量", Count),
            ("change", "本年增/减", Change),
            ("decisions", "处理决定数量", Count),
        ],
        rows: &[
            ("licensing", "行政许可"),
            ("other_services", "其他对外管理服务事项"),
        ],
    },
    ActiveBlock {
        item: "六",
        columns: &[
            ("prev_items", "上一年项目数量", Count),
            ("change", "本年增/减", Change),
            ("decisions", "处理决定数量", Count),
        ],
        rows: &[("penalty", "行政处罚"), ("coercion", "行政强制")],
    },
    ActiveBlock {
        item: "八",
        columns: &[
            ("prev_items", "上一年项目数量", Count),
            ("change", "本年增/减", Change),
        ],
        rows: &[("fees", "行政事业性收费")],
    },
    ActiveBlock {
        item: "九",
        columns: &[
            ("items", "采购项目数量", Count),
            ("amount", "采购总金额", Money),
        ],
        rows: &[("procurement", "政府集中采购")],
    },
];

pub const ACTIVE_2021: [ActiveBlock; 4] = [
    ActiveBlock {
        item: "一",
        columns: &[
            ("issued", "本年制发件数", Count),
            ("repealed", "本年废止件数", Count),
            ("in_force", "现行有效件数", Count),
        ],
        rows: &[
            ("regulations", "规章"),
            ("normative_documents", "行政规范性文件"),
        ],
    },
    ActiveBlock {
        item: "五",
        columns: &[("decisions", "本年处理决定数量", Count)],
        rows: &[("licensing", "行政许可")],
    },
    ActiveBlock {
        item: "六",
        columns: &[("decisions", "本年处理决定数量", Count)],
        rows: &[("penalty", "行政处罚"), ("coercion", "行政强制")],
    },
    ActiveBlock {
        item: "八",
        columns: &[("amount", "本年收费金额（单位：万元）", Money)],
        rows: &[("fees", "行政事业性收费")],
    },
];

pub fn active_blocks(f: Format) -> &'static [ActiveBlock] {
    match f {
        Format::F2019 => &ACTIVE_2019,
        Format::F2021 => &ACTIVE_2021,
    }
}

/// The columns of part 二's block for item `item` of 第二十条 (一, 五 …) in format `f`; none when
/// the format has no such block. Where the rules, the printable report and the page take part
/// 二's column labels from (a result's rows say their block: [`crate::result::RowOut::block`]).
pub fn active_columns(f: Format, item: &str) -> &'static [ActiveCol] {
    active_blocks(f)
        .iter()
        .find(|b| b.item == item)
        .map_or(&[], |b| b.columns)
}

/// Words whose presence marks a report laid out in F2021 or F2019 (FORMAT.md §3).
pub const MARKERS_2021: [&str; 5] = [
    "本年制发件数",
    "本年废止件数",
    "现行有效件数",
    "本年收费金额",
    "行政机关不再处理其政府信息公开申请",
];
pub const MARKERS_2019: [&str; 4] = [
    "本年新制作数量",
    "其他对外管理服务事项",
    "第二十条第(九)项",
    "政府集中采购",
];

/// An arithmetic identity between cells of one table: `lhs` sums to the same as `rhs`.
#[derive(Debug, Clone)]
pub struct Identity {
    pub rule: &'static str,
    /// Column (or row) the identity is about, for messages.
    pub scope: String,
    pub lhs: Vec<(usize, usize)>,
    pub rhs: Vec<(usize, usize)>,
}

/// The three identities of part 三 over `rows` (indices into `request_rows`), per column and row;
/// built once per format.
pub fn request_identities(f: Format) -> &'static [Identity] {
    use std::sync::OnceLock;
    static CACHE: [OnceLock<Vec<Identity>>; 2] = [OnceLock::new(), OnceLock::new()];
    let slot = match f {
        Format::F2019 => &CACHE[0],
        Format::F2021 => &CACHE[1],
    };
    slot.get_or_init(|| build_request_identities(f))
}

fn build_request_identities(f: Format) -> Vec<Identity> {
    let rows = request_rows(f);
    let idx = |k: &str| rows.iter().position(|r| r.key == k).unwrap_or(0);
    let (r1, r2, r37, r4) = (idx("1"), idx("2"), idx("3.7"), idx("4"));
    let results: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.key.starts_with("3.") && r.key != "3.7")
        .map(|(i, _)| i)
        .collect();
    let mut out = Vec::new();
    for (c, (_, label)) in REQUEST_COLS.iter().enumerate() {
        out.push(Identity {
            rule: "requests-balance",
            scope: format!("{label}列"),
            lhs: vec![(r1, c), (r2, c)],
            rhs: vec![(r37, c), (r4, c)],
        });
    }
    for (r, spec) in rows.iter().enumerate() {
        out.push(Identity {
            rule: "requests-row-total",
            scope: spec.short.to_string(),
            lhs: vec![(r, 6)],
            rhs: (0..6).map(|c| (r, c)).collect(),
        });
    }
    for (c, (_, label)) in REQUEST_COLS.iter().enumerate() {
        out.push(Identity {
            rule: "requests-results-total",
            scope: format!("{label}列"),
            lhs: vec![(r37, c)],
            rhs: results.iter().map(|&r| (r, c)).collect(),
        });
    }
    out
}

/// The three identities of part 四 (one row, index 0); built once.
pub fn appeal_identities() -> &'static [Identity] {
    use std::sync::OnceLock;
    static CACHE: OnceLock<Vec<Identity>> = OnceLock::new();
    CACHE.get_or_init(|| {
        APPEAL_GROUPS
            .iter()
            .map(|&(name, first)| Identity {
                rule: "appeals-total",
                scope: name.to_string(),
                lhs: vec![(0, first + 4)],
                rhs: (first..first + 4).map(|c| (0, c)).collect(),
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_counts_match_the_format() {
        assert_eq!(request_rows(Format::F2019).len(), 23);
        assert_eq!(request_rows(Format::F2021).len(), 25);
        assert_eq!(request_identities(Format::F2019).len(), 7 + 23 + 7);
    }

    #[test]
    fn labels_agree_with_labels_json() {
        let json: serde_json::Value =
            serde_json::from_str(include_str!("../tests/data/labels.json")).unwrap();
        for (f, name) in [(Format::F2019, "F2019"), (Format::F2021, "F2021")] {
            let rows: Vec<&str> = json[name]["table3"]["rows"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["label"].as_str().unwrap())
                .collect();
            let ours: Vec<&str> = request_rows(f).iter().map(|r| r.label).collect();
            assert_eq!(rows, ours, "{name}");
            let blocks = json[name]["table1"].as_array().unwrap();
            assert_eq!(blocks.len(), active_blocks(f).len());
            for (b, ours) in blocks.iter().zip(active_blocks(f)) {
                let cols: Vec<&str> = b["columns"].as_array().unwrap()[1..]
                    .iter()
                    .map(|c| c.as_str().unwrap())
                    .collect();
                let ourcols: Vec<&str> = ours.columns.iter().map(|c| c.1).collect();
                assert_eq!(cols, ourcols);
                let rows: Vec<&str> = b["rows"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|c| c.as_str().unwrap())
                    .collect();
                let ourrows: Vec<&str> = ours.rows.iter().map(|c| c.1).collect();
                assert_eq!(rows, ourrows);
            }
        }
        let sections: Vec<String> = json["sections"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_string())
            .collect();
        for (s, spec) in sections.iter().zip(SECTIONS.iter()) {
            assert_eq!(s, &format!("{}、{}", spec.numeral, spec.title));
        }
    }
}
