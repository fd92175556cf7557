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

/// A small deterministic generator (xorshift64*) for test data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// Every cell a generated report holds: "table/row/column" → value (None for a blank).
pub type Cells = Vec<(String, Option<f64>)>;

/// A count for a generated table: mostly 0, sometimes small, now and then larger.
fn count(rng: &mut Rng, big: u64) -> i64 {
    match rng.below(10) {
        0..=5 => 0,
        6..=8 => 1 + rng.below(9) as i64,
        _ => 10 + rng.below(big) as i64,
    }
}

/// Glues cells as a crawler flattens a table row: nothing between them, now and then one stray
/// space.
fn glue(cells: &[String], rng: &mut Rng) -> String {
    let mut s = String::new();
    for (i, c) in cells.iter().enumerate() {
        if i > 0 && rng.chance(8) {
            s.push(' ');
        }
        s.push_str(c);
    }
    s
}

/// A label with, now and then, one stray space inside it (never inside its numbering).
fn stray(label: &str, rng: &mut Rng) -> String {
    let chars: Vec<char> = label.chars().collect();
    if chars.len() < 6 || !rng.chance(10) {
        return label.to_string();
    }
    let at = 4 + rng.below(chars.len() as u64 - 5) as usize;
    let mut s: String = chars[..at].iter().collect();
    s.push(' ');
    s.extend(&chars[at..]);
    s
}

/// A report as a crawler saves a web page: a header (标题/发布时间/发布机构/栏目), then the
/// whole report on one line, its tables' cells glued to each other and to their row labels,
/// with stray single spaces between some cells and inside some labels. Random but correct
/// numbers (every identity holds); returns the text and every cell it holds.
pub fn one_line_report(year: i32, seed: u64) -> (String, Cells) {
    one_line_report_with(year, seed, |_| {})
}

/// [`one_line_report`] with part 三's rows changed by `tamper` before they are written (the
/// cells returned are the rows as written).
pub fn one_line_report_with(
    year: i32,
    seed: u64,
    tamper: impl Fn(&mut Vec<Vec<i64>>),
) -> (String, Cells) {
    let mut rng = Rng::new(seed);
    let format = Format::for_year(year);
    let agencies = [
        "汀泽市自然资源和规划局",
        "翎陂县人民政府办公室",
        "某市某区卫生健康局",
        "青川县住房和城乡建设局",
        "白水镇人民政府",
    ];
    let agency = agencies[rng.below(agencies.len() as u64) as usize];
    let title = format!("{agency}{year}年政府信息公开工作年度报告");
    let mut cells: Cells = Vec::new();

    // Part 二.
    let mut active = String::new();
    for b in nianbao::spec::active_blocks(format) {
        active.push_str(&format!("第二十条第（{}）项", b.item));
        active.push_str("信息内容");
        for c in b.columns {
            active.push_str(c.1);
        }
        for (rk, label) in b.rows {
            let mut vals = Vec::new();
            for (ck, _, kind) in b.columns {
                let (text, v) = match kind {
                    nianbao::spec::ColKind::Money => {
                        let cents = rng.below(100_000) as i64;
                        let t = format!("{}.{:02}", cents / 100, cents % 100);
                        let v: f64 = t.parse().unwrap();
                        (t, v)
                    }
                    nianbao::spec::ColKind::Change => {
                        let v = rng.below(21) as i64 - 10;
                        (v.to_string(), v as f64)
                    }
                    _ => {
                        let v = count(&mut rng, 300);
                        (v.to_string(), v as f64)
                    }
                };
                cells.push((format!("active/{rk}/{ck}"), Some(v)));
                vals.push(text);
            }
            active.push_str(&stray(label, &mut rng));
            active.push_str(&glue(&vals, &mut rng));
        }
    }

    // Part 三: consistent numbers.
    let n = result_rows(format);
    let results: Vec<[i64; 6]> = (0..n)
        .map(|_| {
            let mut r = [0i64; 6];
            r[0] = count(&mut rng, 120);
            for x in r.iter_mut().skip(1) {
                if rng.chance(15) {
                    *x = count(&mut rng, 20);
                }
            }
            r
        })
        .collect();
    let small = |rng: &mut Rng| {
        let mut r = [0i64; 6];
        r[0] = count(rng, 10);
        if rng.chance(20) {
            r[1] = count(rng, 5);
        }
        r
    };
    let mut carried_in = small(&mut rng);
    // No more carried in than handled: row 1 (received) stays non-negative.
    for (c, x) in carried_in.iter_mut().enumerate() {
        *x = (*x).min(results.iter().map(|r| r[c]).sum());
    }
    let carried_out = small(&mut rng);
    let mut rows = consistent_requests(format, &results, carried_in, carried_out);
    tamper(&mut rows);
    let mut requests = String::from(
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他",
    );
    let mut last_group: Option<&str> = None;
    for (spec, v) in request_rows(format).iter().zip(&rows) {
        if spec.key == "3.1" {
            requests.push_str("三、本年度办理结果");
        }
        if let Some(g) = spec.group {
            if last_group != Some(g) {
                requests.push_str(group_label(g));
            }
        }
        last_group = spec.group;
        for (c, x) in REQUEST_KEYS.iter().zip(v) {
            cells.push((format!("requests/{}/{c}", spec.key), Some(*x as f64)));
        }
        requests.push_str(&stray(spec.label, &mut rng));
        let vals: Vec<String> = v.iter().map(|x| x.to_string()).collect();
        requests.push_str(&glue(&vals, &mut rng));
    }

    // Part 四.
    let mut appeals_v: Vec<i64> = Vec::new();
    for _ in 0..3 {
        let g: Vec<i64> = (0..4).map(|_| count(&mut rng, 8)).collect();
        appeals_v.extend(&g);
        appeals_v.push(g.iter().sum());
    }
    for (c, x) in nianbao::spec::APPEAL_COLS.iter().zip(&appeals_v) {
        cells.push((format!("appeals/appeals/{}", c.0), Some(*x as f64)));
    }
    let appeals = format!(
        "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计{}",
        glue(
            &appeals_v.iter().map(|x| x.to_string()).collect::<Vec<_>>(),
            &mut rng
        )
    );

    let fee = if format == Format::F2021 {
        "本年度未收取信息处理费。"
    } else {
        "无。"
    };
    let doc = if format == Format::F2021 {
        "国办公开办函〔2021〕30号"
    } else {
        "国办公开办函〔2019〕60号"
    };
    let pieces = [
        format!("本报告根据《中华人民共和国政府信息公开条例》和{doc}要求编制，所列数据的统计期限为{year}年1月1日至{year}年12月31日。"),
        "一、总体情况".to_string(),
        format!("{year}年，我局认真贯彻落实《条例》，扎实推进政府信息公开工作。"),
        "（一）主动公开：按目录公开各类信息。（二）依申请公开：依法答复。（三）政府信息管理：落实保密审查。（四）政府信息公开平台建设：维护网站专栏。（五）监督保障：开展培训考核。".to_string(),
        "二、主动公开政府信息情况".to_string(),
        active,
        "三、收到和处理政府信息公开申请情况".to_string(),
        requests,
        "四、政府信息公开行政复议、行政诉讼情况".to_string(),
        appeals,
        "五、存在的主要问题及改进情况".to_string(),
        "公开内容还不够全面，下一步将加强培训。".to_string(),
        "六、其他需要报告的事项".to_string(),
        fee.to_string(),
        agency.to_string(),
        format!("{}年1月{}日", year + 1, 10 + rng.below(15)),
    ];
    // Pieces joined by a space or by nothing, as pages flatten their paragraphs.
    let mut body = String::new();
    for (i, p) in pieces.iter().enumerate() {
        if i > 0 && rng.chance(60) {
            body.push(' ');
        }
        body.push_str(p);
    }
    let colon = if rng.chance(50) { ": " } else { "：" };
    let mut text = String::new();
    if rng.chance(85) {
        text.push_str(&format!(
            "标题{colon}{title}\n发布时间{colon}{}-01-{} 10:38\n发布机构{colon}{agency}\n栏目{colon}政府信息公开年报\n",
            year + 1,
            10 + rng.below(15)
        ));
        if rng.chance(50) {
            text.push_str("==================== 正文 ====================\n");
        }
    } else {
        // No header: the title opens the line.
        body = format!("{title} {body}");
    }
    text.push_str(&body);
    text.push('\n');
    (text, cells)
}

/// The keys of part 三's columns, in order.
pub const REQUEST_KEYS: [&str; 7] = [
    "natural",
    "commercial",
    "research",
    "public_interest",
    "legal_services",
    "other",
    "total",
];
