//! Builds whole reports from numbers, in each of the table layouts real text has, so tests can
//! check that every layout gives back the same cells.
#![allow(dead_code)]

use nianbao::spec::{request_rows, Format, GROUPS};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Tab-separated, label columns as in real PDF extractions (group label cells included).
    Tab,
    /// Markdown pipes, split across a page break with an empty header row.
    Pipe,
    /// Runs of spaces.
    Spaces,
    /// One cell per line, with a trailing pipe (`规章 |`, `0 |`).
    CellPerLine,
    /// A row's numbers on the line after its label.
    NextLine,
    /// Labels broken by spaces and across lines.
    BrokenLabels,
}

pub const LAYOUTS: [Layout; 6] = [
    Layout::Tab,
    Layout::Pipe,
    Layout::Spaces,
    Layout::CellPerLine,
    Layout::NextLine,
    Layout::BrokenLabels,
];

fn group_label(g: &str) -> &'static str {
    GROUPS
        .iter()
        .find(|(k, _)| *k == g)
        .map(|(_, l)| *l)
        .unwrap()
}

/// Breaks a label with spaces every few characters ("本 年度办 理结果").
fn spaced(label: &str) -> String {
    let chars: Vec<char> = label.chars().collect();
    let mut s = String::new();
    for (i, c) in chars.iter().enumerate() {
        if i > 0 && i % 3 == 0 {
            s.push(' ');
        }
        s.push(*c);
    }
    s
}

fn nums(v: &[i64], sep: &str) -> String {
    v.iter()
        .map(|x| x.to_string())
        .collect::<Vec<_>>()
        .join(sep)
}

/// Part 三's table in a layout; `rows` in `request_rows(format)` order.
pub fn requests_table(format: Format, rows: &[Vec<i64>], layout: Layout) -> String {
    let specs = request_rows(format);
    let mut out = String::new();
    let header = "(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)";
    match layout {
        Layout::Pipe => {
            out.push_str(&format!("| {header} | | 申请人情况 | | | | | | |\n|---|---|---|---|---|---|---|---|---|\n"));
            out.push_str("| | | 自然人 | 法人或其他组织 | | | | | 总计 |\n");
        }
        Layout::Tab => out.push_str(&format!("{header}\t申请人情况\n\t自然人\t法人或其他组织\t\t\t\t\t总计\n\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n")),
        _ => out.push_str(&format!("{header}\n申请人情况\n自然人 法人或其他组织 总计\n商业企业 科研机构 社会公益组织 法律服务机构 其他\n")),
    }
    let mut last_group: Option<&str> = None;
    for (i, (spec, v)) in specs.iter().zip(rows).enumerate() {
        let group_cell = match spec.group {
            Some(g) if last_group != Some(g) => group_label(g).to_string(),
            _ => String::new(),
        };
        let group_cell = if spec.key == "3.1" {
            "三、本年度办理结果".to_string()
        } else {
            group_cell
        };
        last_group = spec.group;
        let label = spec.label;
        match layout {
            Layout::Tab => {
                out.push_str(&format!("{group_cell}\t{label}\t{}\n", nums(v, "\t")));
            }
            Layout::Pipe => {
                if i == 12 {
                    // A page break: the table continues as a new markdown table.
                    out.push_str("\n| | | | | | | | | |\n|---|---|---|---|---|---|---|---|---|\n");
                }
                out.push_str(&format!(
                    "| {group_cell} | {label} | {} |\n",
                    nums(v, " | ")
                ));
            }
            Layout::Spaces => {
                out.push_str(&format!("{group_cell} {label}  {}\n", nums(v, "  ")));
            }
            Layout::CellPerLine => {
                if !group_cell.is_empty() {
                    out.push_str(&format!("{group_cell} |\n"));
                }
                out.push_str(&format!("{label} |\n"));
                for x in v {
                    out.push_str(&format!("{x} |\n"));
                }
            }
            Layout::NextLine => {
                if !group_cell.is_empty() {
                    out.push_str(&format!("{group_cell}\n"));
                }
                out.push_str(&format!("{label}\n{}\n", nums(v, " ")));
            }
            Layout::BrokenLabels => {
                // Half the label, its numbers, then the rest of the label on the next line.
                let chars: Vec<char> = label.chars().collect();
                let cut = (chars.len() / 2).max(4).min(chars.len());
                let head: String = chars[..cut].iter().collect();
                let tail: String = chars[cut..].iter().collect();
                out.push_str(&format!(
                    "{}\t{}\t{}\n",
                    spaced(&group_cell),
                    spaced(&head),
                    nums(v, "\t")
                ));
                if !tail.is_empty() {
                    out.push_str(&format!("\t{tail}\t\t\t\n"));
                }
            }
        }
    }
    out
}

/// Part 四's table: header words one character per line in some layouts, numbers as the layout has them.
pub fn appeals_table(v: &[i64], layout: Layout) -> String {
    let mut out = String::new();
    match layout {
        Layout::Tab | Layout::BrokenLabels => {
            out.push_str("行政复议\t\t\t\t\t行政诉讼\n结 果 维 持\t结 果 纠 正\t其 他 结 果\t尚 未 审 结\t总 计\t未经复议直接起诉\t\t\t\t\t复议后起诉\n");
            out.push_str(&format!("{}\n", nums(v, "\t")));
        }
        Layout::Pipe => {
            out.push_str("| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            out.push_str(&format!("| {} |\n", nums(v, " | ")));
        }
        Layout::Spaces => {
            out.push_str("行政复议 行政诉讼\n结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉\n");
            out.push_str(&format!("{}\n", nums(v, " ")));
        }
        Layout::CellPerLine => {
            for w in ["行政复议", "结", "果", "维", "持"] {
                out.push_str(&format!("{w} |\n"));
            }
            for x in v {
                out.push_str(&format!("{x} |\n"));
            }
        }
        Layout::NextLine => {
            // Three small tables, one per group.
            for (g, chunk) in ["行政复议", "未经复议直接起诉", "复议后起诉"]
                .iter()
                .zip(v.chunks(5))
            {
                out.push_str(&format!(
                    "{g}\n结果维持 结果纠正 其他结果 尚未审结 总计\n{}\n",
                    nums(chunk, " ")
                ));
            }
        }
    }
    out
}

/// Part 二's table (F2019 or F2021) with fixed, valid numbers.
pub fn active_table(format: Format, layout: Layout) -> String {
    let mut out = String::new();
    for b in nianbao::spec::active_blocks(format) {
        let caption = format!("第二十条第（{}）项", b.item);
        let cols: Vec<&str> = b.columns.iter().map(|c| c.1).collect();
        let sep = match layout {
            Layout::Tab | Layout::BrokenLabels => "\t",
            Layout::Pipe => " | ",
            _ => " ",
        };
        out.push_str(&format!("{caption}\n信息内容{sep}{}\n", cols.join(sep)));
        for (i, (_, label)) in b.rows.iter().enumerate() {
            let vals: Vec<String> = (0..cols.len())
                .map(|c| (i + c).min(2).to_string())
                .collect();
            match layout {
                Layout::CellPerLine => {
                    out.push_str(&format!("{label} |\n"));
                    for v in &vals {
                        out.push_str(&format!("{v} |\n"));
                    }
                }
                Layout::NextLine => out.push_str(&format!("{label}\n{}\n", vals.join(" "))),
                _ => out.push_str(&format!("{label}{sep}{}\n", vals.join(sep))),
            }
        }
    }
    out
}

/// A whole report.
pub fn report(year: i32, requests: &[Vec<i64>], appeals: &[i64], layout: Layout) -> String {
    let format = Format::for_year(year);
    let agency = "某市某区卫生健康局";
    let fee = if format == Format::F2021 {
        "本年度未收取信息处理费。"
    } else {
        "无。"
    };
    format!(
        "{agency}{year}年政府信息公开工作年度报告\n\n一、总体情况\n\n本年度，我局认真贯彻落实《条例》。\n\
（一）主动公开：按目录公开各类信息。（二）依申请公开：依法答复。（三）政府信息管理：落实保密审查。\n\
（四）政府信息公开平台建设：维护网站专栏。（五）监督保障：开展培训考核。\n\n\
二、主动公开政府信息情况\n\n{}\n三、收到和处理政府信息公开申请情况\n\n{}\n\
四、政府信息公开行政复议、行政诉讼情况\n\n{}\n五、存在的主要问题及改进情况\n\n公开内容还不够全面，下一步将加强培训。\n\n\
六、其他需要报告的事项\n\n{fee}\n\n{agency}\n{}年1月20日\n",
        active_table(format, layout),
        requests_table(format, requests, layout),
        appeals_table(appeals, layout),
        year + 1
    )
}

/// A consistent table of part 三 from free choices: `results[r][c]` for every result row
/// (3.1 … 3.6.x) and the six applicant columns, plus row 2 and row 4 per column.
pub fn consistent_requests(
    format: Format,
    results: &[[i64; 6]],
    carried_in: [i64; 6],
    carried_out: [i64; 6],
) -> Vec<Vec<i64>> {
    let specs = request_rows(format);
    let mut rows: Vec<Vec<i64>> = vec![vec![0; 7]; specs.len()];
    let mut ri = 0;
    let mut sum37 = [0i64; 6];
    for (i, s) in specs.iter().enumerate() {
        if s.key.starts_with("3.") && s.key != "3.7" {
            for c in 0..6 {
                rows[i][c] = results[ri][c];
                sum37[c] += results[ri][c];
            }
            ri += 1;
        }
    }
    for (i, s) in specs.iter().enumerate() {
        match s.key {
            "3.7" => rows[i][..6].copy_from_slice(&sum37),
            "2" => rows[i][..6].copy_from_slice(&carried_in),
            "4" => rows[i][..6].copy_from_slice(&carried_out),
            _ => {}
        }
    }
    let i1 = specs.iter().position(|s| s.key == "1").unwrap();
    for c in 0..6 {
        rows[i1][c] = sum37[c] + carried_out[c] - carried_in[c];
    }
    for r in rows.iter_mut() {
        r[6] = r[..6].iter().sum();
    }
    rows
}

pub fn result_rows(format: Format) -> usize {
    request_rows(format)
        .iter()
        .filter(|s| s.key.starts_with("3.") && s.key != "3.7")
        .count()
}

/// The cells read back for part 三, as numbers (None for anything not a number).
pub fn read_requests(r: &nianbao::CheckResult) -> Vec<Vec<Option<i64>>> {
    r.tables
        .requests
        .rows
        .iter()
        .map(|row| row.cells.iter().map(|(_, c)| c.int()).collect())
        .collect()
}

pub fn read_appeals(r: &nianbao::CheckResult) -> Vec<Option<i64>> {
    r.tables.appeals.rows[0]
        .cells
        .iter()
        .map(|(_, c)| c.int())
        .collect()
}

pub fn identity_findings(r: &nianbao::CheckResult) -> Vec<String> {
    r.findings
        .iter()
        .filter(|f| f.rule.starts_with("requests-") || f.rule == "appeals-total")
        .map(|f| format!("{}: {}", f.rule, f.message))
        .collect()
}

// ---------------------------------------------------------------- column by column (PDF text)

/// A small deterministic generator (xorshift64*) for test numbers.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in 0..n.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// True with probability p percent.
    pub fn chance(&mut self, p: u64) -> bool {
        self.below(100) < p
    }
}

/// A generated report's every cell; `None` is a blank cell (it leaves nothing in the text).
#[derive(Debug, Clone)]
pub struct Cells {
    pub year: i32,
    pub format: Format,
    /// Part 三, in `request_rows(format)` order, seven columns.
    pub requests: Vec<Vec<Option<i64>>>,
    /// Part 四's fifteen cells.
    pub appeals: Vec<Option<i64>>,
    /// Part 二: per block, per row, per column, the cell's text.
    pub active: Vec<Vec<Vec<Option<String>>>>,
}

/// Where blank cells are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Blanks {
    None,
    /// A few zero cells of parts 三 and 四 left blank.
    Some,
    /// Every 法人或其他组织 column of part 三 left blank (they are all zero).
    Group,
}

/// A consistent report's numbers (parts 二, 三, 四) from a seed.
pub fn gen_cells(seed: u64, year: i32, blanks: Blanks) -> Cells {
    let format = Format::for_year(year);
    let mut rng = Rng::new(seed);
    let n = result_rows(format);
    let mut results = vec![[0i64; 6]; n];
    let legal = blanks != Blanks::Group;
    for r in results.iter_mut() {
        for (c, v) in r.iter_mut().enumerate() {
            let p = if c == 0 {
                30
            } else if legal {
                8
            } else {
                0
            };
            if rng.chance(p) {
                *v = rng.below(if c == 0 { 60 } else { 6 }) as i64 + 1;
            }
        }
    }
    let mut carried_in = [0i64; 6];
    let mut carried_out = [0i64; 6];
    carried_in[0] = rng.below(4) as i64;
    carried_out[0] = rng.below(4) as i64;
    if legal && rng.chance(40) {
        carried_out[1 + rng.below(5) as usize] = 1;
    }
    let rows = consistent_requests(format, &results, carried_in, carried_out);
    let mut requests: Vec<Vec<Option<i64>>> = rows
        .iter()
        .map(|r| r.iter().map(|&v| Some(v)).collect())
        .collect();
    let mut appeals: Vec<Option<i64>> = Vec::new();
    for _ in 0..3 {
        let g: Vec<i64> = (0..4)
            .map(|_| {
                if rng.chance(35) {
                    rng.below(5) as i64 + 1
                } else {
                    0
                }
            })
            .collect();
        appeals.extend(g.iter().map(|&v| Some(v)));
        appeals.push(Some(g.iter().sum()));
    }
    match blanks {
        Blanks::None => {}
        Blanks::Some => {
            // Two to four zero cells of part 三 and maybe one of part 四 left blank.
            let want = 2 + rng.below(3);
            let mut left = want;
            let mut tries = 0;
            while left > 0 && tries < 1000 {
                tries += 1;
                let r = rng.below(requests.len() as u64) as usize;
                let c = rng.below(7) as usize;
                if requests[r][c] == Some(0) {
                    requests[r][c] = None;
                    left -= 1;
                }
            }
            if rng.chance(50) {
                let c = rng.below(15) as usize;
                if appeals[c] == Some(0) {
                    appeals[c] = None;
                }
            }
        }
        Blanks::Group => {
            for r in requests.iter_mut() {
                for v in &mut r[1..6] {
                    *v = None;
                }
            }
        }
    }
    let active = nianbao::spec::active_blocks(format)
        .iter()
        .map(|b| {
            b.rows
                .iter()
                .map(|_| {
                    b.columns
                        .iter()
                        .map(|c| {
                            Some(match c.2 {
                                nianbao::spec::ColKind::Money => {
                                    format!("{}.{:02}", rng.below(900), rng.below(100))
                                }
                                nianbao::spec::ColKind::Change => {
                                    (rng.below(21) as i64 - 10).to_string()
                                }
                                nianbao::spec::ColKind::Count => {
                                    if rng.chance(40) {
                                        "0".to_string()
                                    } else {
                                        rng.below(300).to_string()
                                    }
                                }
                            })
                        })
                        .collect()
                })
                .collect()
        })
        .collect();
    Cells {
        year,
        format,
        requests,
        appeals,
        active,
    }
}

/// How the column-by-column text is laid out.
#[derive(Debug, Clone, Copy, Default)]
pub struct ColOpts {
    /// Part 三 breaks at a page before this row (its labels and values start again).
    pub page_break: Option<usize>,
    /// The column headers again after the page break.
    pub repeat_header: bool,
    /// "三、本年度办理结果" one character per line.
    pub stacked: bool,
    /// The column headers before the row labels (else after).
    pub header_first: bool,
    /// Labels and prose wrapped at this many characters (0: not wrapped).
    pub wrap: usize,
    /// An empty line after every line (as some extractors give).
    pub double_spaced: bool,
    /// Part 三's values row by row after the labels (not this form: the reader must not take
    /// them column by column).
    pub row_order: bool,
}

fn wrap_into(out: &mut Vec<String>, text: &str, width: usize) {
    let chars: Vec<char> = text.chars().collect();
    if width == 0 || chars.len() <= width {
        out.push(text.to_string());
        return;
    }
    for chunk in chars.chunks(width) {
        out.push(chunk.iter().collect());
    }
}

/// The text of a report whose tables were taken column by column: each table's row labels,
/// then its column headers, then each column's values top to bottom, one per line; a blank
/// cell leaves nothing.
pub fn colmajor_report(c: &Cells, o: &ColOpts) -> String {
    let format = c.format;
    let agency = "某县某某局";
    let year = c.year;
    let mut l: Vec<String> = Vec::new();
    let w = o.wrap;
    l.push(format!("{agency}{year}年政府信息公开工作年度报告"));
    wrap_into(
        &mut l,
        &format!("本报告所列数据的统计期限为{year}年1月1日至{year}年12月31日。"),
        w,
    );
    l.push("一、总体情况".into());
    wrap_into(
        &mut l,
        "本年度，我局认真贯彻落实《条例》，坚持以公开为常态、不公开为例外。",
        w,
    );
    wrap_into(&mut l, "（一）主动公开：按目录公开各类信息。（二）依申请公开：依法答复。（三）政府信息管理：落实保密审查。（四）政府信息公开平台建设：维护网站专栏。（五）监督保障：开展培训考核。", w);
    l.push("二、主动公开政府信息情况".into());
    for (b, blk) in nianbao::spec::active_blocks(format).iter().enumerate() {
        l.push(format!("第二十条第（{}）项", blk.item));
        l.push("信息内容".into());
        for (_, label) in blk.rows {
            l.push(label.to_string());
        }
        for col in blk.columns {
            wrap_into(&mut l, col.1, w);
        }
        for ci in 0..blk.columns.len() {
            for ri in 0..blk.rows.len() {
                if let Some(v) = &c.active[b][ri][ci] {
                    l.push(v.clone());
                }
            }
        }
    }
    l.push("三、收到和处理政府信息公开申请情况".into());
    let header = |l: &mut Vec<String>| {
        for h in [
            "申请人情况",
            "自然人",
            "法人或其他组织",
            "总计",
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他",
        ] {
            l.push(h.to_string());
        }
    };
    let specs = request_rows(format);
    let n = specs.len();
    let cut = o.page_break.filter(|&p| p > 0 && p < n).unwrap_or(n);
    for (si, range) in [(0, 0..cut), (1, cut..n)] {
        if range.is_empty() {
            continue;
        }
        if si == 0 {
            wrap_into(
                &mut l,
                "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
                w,
            );
        } else {
            l.push("- 1 -".into());
        }
        if o.header_first && (si == 0 || o.repeat_header) {
            header(&mut l);
        }
        let mut last_group: Option<&str> = range.clone().next().and_then(|i| specs[i].group);
        if si == 0 {
            last_group = None;
        }
        for i in range.clone() {
            let s = &specs[i];
            if s.key == "3.1" {
                if o.stacked {
                    l.push("三、".into());
                    for ch in "本年度办理结果".chars() {
                        l.push(ch.to_string());
                    }
                } else {
                    wrap_into(&mut l, "三、本年度办理结果", w);
                }
            }
            if let Some(g) = s.group {
                if last_group != Some(g) {
                    l.push(group_label(g).to_string());
                }
            }
            last_group = s.group;
            wrap_into(&mut l, s.label, w);
        }
        if !o.header_first && (si == 0 || o.repeat_header) {
            header(&mut l);
        }
        if o.row_order {
            for i in range.clone() {
                l.extend(c.requests[i].iter().flatten().map(|v| v.to_string()));
            }
        } else {
            for col in 0..7 {
                for i in range.clone() {
                    if let Some(v) = c.requests[i][col] {
                        l.push(v.to_string());
                    }
                }
            }
        }
    }
    l.push("四、政府信息公开行政复议、行政诉讼情况".into());
    for h in [
        "行政复议",
        "结果维持",
        "结果纠正",
        "其他结果",
        "尚未审结",
        "总计",
        "行政诉讼",
        "未经复议直接起诉",
        "结果维持",
        "结果纠正",
        "其他结果",
        "尚未审结",
        "总计",
        "复议后起诉",
        "结果维持",
        "结果纠正",
        "其他结果",
        "尚未审结",
        "总计",
    ] {
        l.push(h.to_string());
    }
    for v in c.appeals.iter().flatten() {
        l.push(v.to_string());
    }
    l.push("五、存在的主要问题及改进情况".into());
    wrap_into(&mut l, "公开内容还不够全面，下一步将加强培训。", w);
    l.push("六、其他需要报告的事项".into());
    l.push(
        if format == Format::F2021 {
            "本年度未收取信息处理费。"
        } else {
            "无。"
        }
        .into(),
    );
    l.push(agency.into());
    l.push(format!("{}年1月20日", year + 1));
    let sep = if o.double_spaced { "\n\n" } else { "\n" };
    let mut t = l.join(sep);
    t.push('\n');
    t
}

/// A generated report's cells keyed as the result JSON does (`requests/3.1/natural`), with the
/// expected number (None: blank), for comparing with a result cell by cell.
pub fn expected_cells(c: &Cells) -> Vec<(String, Option<f64>)> {
    let mut out = Vec::new();
    for (b, blk) in nianbao::spec::active_blocks(c.format).iter().enumerate() {
        for (ri, (rk, _)) in blk.rows.iter().enumerate() {
            for (ci, col) in blk.columns.iter().enumerate() {
                let v = c.active[b][ri][ci]
                    .as_ref()
                    .map(|s| s.parse::<f64>().unwrap());
                out.push((format!("active/{rk}/{}", col.0), v));
            }
        }
    }
    for (i, s) in request_rows(c.format).iter().enumerate() {
        for (ci, col) in nianbao::spec::REQUEST_COLS.iter().enumerate() {
            out.push((
                format!("requests/{}/{}", s.key, col.0),
                c.requests[i][ci].map(|v| v as f64),
            ));
        }
    }
    for (ci, col) in nianbao::spec::APPEAL_COLS.iter().enumerate() {
        out.push((
            format!("appeals/appeals/{}", col.0),
            c.appeals[ci].map(|v| v as f64),
        ));
    }
    out
}

/// A result's cell by its key (`requests/3.1/natural`): None when the row is missing.
pub fn result_cell<'a>(
    r: &'a nianbao::CheckResult,
    id: &str,
) -> Option<&'a nianbao::result::CellOut> {
    let mut it = id.splitn(3, '/');
    let (t, row, col) = (it.next()?, it.next()?, it.next()?);
    let table = match t {
        "active" => &r.tables.active,
        "requests" => &r.tables.requests,
        _ => &r.tables.appeals,
    };
    table.row(row).filter(|x| x.found)?.cell(col)
}
