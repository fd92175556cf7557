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
    /// TAB rows copied from a web page whose label columns are fields of their own (the group
    /// label "三、本年度办理结果" / "（三）不予公开" in a column before the row label, empty
    /// fields where a merged cell covers a row), every 0 left as an empty field, and lines
    /// ending with a TAB as `Trail` says.
    TabColumns(Trail),
}

/// Whether a TAB line ends with a TAB (a terminator, not a column).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trail {
    /// Every line ends with a TAB; a single-level header ("(本列…)⇥自然人⇥商业企业⇥…⇥总计").
    Every,
    /// No line does: a line-ending TAB is the last column's empty field; two-level header.
    Never,
    /// Every other line does; two-level header.
    Mixed,
}

pub const TAB_COLUMNS: [Layout; 3] = [
    Layout::TabColumns(Trail::Every),
    Layout::TabColumns(Trail::Never),
    Layout::TabColumns(Trail::Mixed),
];

/// A TAB line's value fields: 0 as an empty field.
fn blank_zeros(v: &[i64]) -> String {
    v.iter()
        .map(|&x| if x == 0 { String::new() } else { x.to_string() })
        .collect::<Vec<_>>()
        .join("\t")
}

/// The line end of the `i`-th line of a TAB table.
fn trail(t: Trail, i: usize) -> &'static str {
    match t {
        Trail::Every => "\t\n",
        Trail::Never => "\n",
        Trail::Mixed if i.is_multiple_of(2) => "\t\n",
        Trail::Mixed => "\n",
    }
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
        // The note cell spans the label columns: one field before the columns.
        Layout::TabColumns(Trail::Every) => out.push_str(&format!("{header}\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\t\n")),
        Layout::TabColumns(_) => out.push_str(&format!("{header}\t\t\t申请人情况\n\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计\n\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n")),
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
            Layout::TabColumns(t) => {
                // One label field for rows 一, 二, 四 (a cell spanning the label columns), two
                // for the rows under 三 alone, three for a sub-row; a merged cell leaves an
                // empty field on the rows it covers.
                let lead = match spec.key {
                    "1" | "2" | "4" => label.to_string(),
                    "3.1" => format!("三、本年度办理结果\t{label}"),
                    _ if spec.group.is_none() => format!("\t{label}"),
                    _ => format!("\t{}\t{label}", group_cell),
                };
                out.push_str(&format!("{lead}\t{}{}", blank_zeros(v), trail(t, i)));
            }
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
        Layout::TabColumns(t) => {
            out.push_str("行政复议\t\t\t\t\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\n\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n");
            out.push_str(&format!("{}{}", blank_zeros(v), trail(t, 1)));
        }
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
            Layout::Tab | Layout::BrokenLabels | Layout::TabColumns(_) => "\t",
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
                Layout::TabColumns(t) => {
                    let v: Vec<i64> = vals.iter().map(|x| x.parse().unwrap()).collect();
                    out.push_str(&format!("{label}\t{}{}", blank_zeros(&v), trail(t, i)));
                }
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

/// Cells of a reading against what the text holds: right (value and place, read), wrong
/// (shown as read but not the text's value: the failure that must never happen), not read
/// (guessed, ambiguous or row missing), and wrong but marked as guessed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    pub right: usize,
    pub wrong: usize,
    pub not_read: usize,
}

impl std::ops::AddAssign for Score {
    fn add_assign(&mut self, o: Score) {
        self.right += o.right;
        self.wrong += o.wrong;
        self.not_read += o.not_read;
    }
}

/// Scores a table's rows against `want` (per row key: each column's value, None for blank).
pub fn score_table(t: &nianbao::result::TableOut, want: &[(String, Vec<Option<i64>>)]) -> Score {
    let mut s = Score::default();
    for (key, vals) in want {
        let row = t.row(key);
        for (c, v) in vals.iter().enumerate() {
            let cell = row.filter(|r| r.found).and_then(|r| r.cells.get(c));
            match cell {
                None => s.not_read += 1,
                Some((_, cell)) if !cell.read.is_read() => s.not_read += 1,
                Some((_, cell)) => {
                    let got = if cell.kind == nianbao::layout::Kind::Blank {
                        None
                    } else {
                        Some(cell.int())
                    };
                    if got == Some(*v) || (got.is_none() && v.is_none()) {
                        s.right += 1
                    } else {
                        if std::env::var_os("SCORE_DEBUG").is_some() {
                            eprintln!(
                                "wrong {key}/{c}: want {v:?} got {:?} ({:?}) line {:?}",
                                cell.raw, cell.read, cell.line
                            );
                        }
                        s.wrong += 1
                    }
                }
            }
        }
    }
    s
}

/// What part 三's cells should read as, with 0 as blank when `zero_blank`.
pub fn want_requests(
    format: Format,
    rows: &[Vec<i64>],
    zero_blank: bool,
) -> Vec<(String, Vec<Option<i64>>)> {
    request_rows(format)
        .iter()
        .zip(rows)
        .map(|(s, v)| {
            (
                s.key.to_string(),
                v.iter()
                    .map(|&x| (!(zero_blank && x == 0)).then_some(x))
                    .collect(),
            )
        })
        .collect()
}

/// What part 二's cells of [`active_table`] should read as.
pub fn want_active(format: Format, zero_blank: bool) -> Vec<(String, Vec<Option<i64>>)> {
    let mut out = Vec::new();
    for b in nianbao::spec::active_blocks(format) {
        for (i, (key, _)) in b.rows.iter().enumerate() {
            let v = (0..b.columns.len())
                .map(|c| (i + c).min(2) as i64)
                .map(|x| (!(zero_blank && x == 0)).then_some(x))
                .collect();
            out.push((key.to_string(), v));
        }
    }
    out
}

/// A small deterministic generator (no dependency): numbers for generated reports.
pub struct Lcg(pub u64);

impl Lcg {
    pub fn next(&mut self, n: u64) -> i64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n) as i64
    }

    /// Mostly zeros, some small numbers, a few large.
    pub fn count(&mut self) -> i64 {
        match self.next(10) {
            0..=5 => 0,
            6..=8 => self.next(9) + 1,
            _ => self.next(400) + 10,
        }
    }
}

/// A consistent part 三 and a consistent part 四 drawn from `g`.
pub fn random_tables(format: Format, g: &mut Lcg) -> (Vec<Vec<i64>>, Vec<i64>) {
    let n = result_rows(format);
    let results: Vec<[i64; 6]> = (0..n).map(|_| std::array::from_fn(|_| g.count())).collect();
    // Carried in never more than what was settled, so row 一 is never negative.
    let settled: [i64; 6] = std::array::from_fn(|c| results.iter().map(|r| r[c]).sum());
    let cin = std::array::from_fn(|c| g.count().min(settled[c]));
    let cout = std::array::from_fn(|_| g.count());
    let rows = consistent_requests(format, &results, cin, cout);
    let mut appeals = Vec::with_capacity(15);
    for _ in 0..3 {
        let v: Vec<i64> = (0..4).map(|_| g.count()).collect();
        let t: i64 = v.iter().sum();
        appeals.extend(v);
        appeals.push(t);
    }
    (rows, appeals)
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
    let legal = blanks != Blanks::Group;
    let results = gen_results(&mut rng, n, legal);
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
    let mut appeals = gen_appeals(&mut rng);
    leave_blanks(&mut rng, blanks, &mut requests, &mut appeals);
    let active = gen_active(&mut rng, format);
    Cells {
        year,
        format,
        requests,
        appeals,
        active,
    }
}

/// Part 三's results (`n` rows of six columns); `legal`: 法人或其他组织 columns too.
fn gen_results(rng: &mut Rng, n: usize, legal: bool) -> Vec<[i64; 6]> {
    let mut results = vec![[0i64; 6]; n];
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
    results
}

/// Part 四: three groups of four counts and their total.
fn gen_appeals(rng: &mut Rng) -> Vec<Option<i64>> {
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
    appeals
}

/// Leaves cells blank as `blanks` says.
fn leave_blanks(
    rng: &mut Rng,
    blanks: Blanks,
    requests: &mut [Vec<Option<i64>>],
    appeals: &mut [Option<i64>],
) {
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
}

/// Part 二's cells, block by block.
fn gen_active(rng: &mut Rng, format: Format) -> Vec<Vec<Vec<Option<String>>>> {
    nianbao::spec::active_blocks(format)
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
        .collect()
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
    colmajor_active(&mut l, c, w);
    l.push("三、收到和处理政府信息公开申请情况".into());
    colmajor_requests(&mut l, c, o);
    l.push("四、政府信息公开行政复议、行政诉讼情况".into());
    colmajor_appeals(&mut l, c);
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

/// Part 二 column by column: per block, its caption, row labels, column headers, then values.
fn colmajor_active(l: &mut Vec<String>, c: &Cells, w: usize) {
    for (b, blk) in nianbao::spec::active_blocks(c.format).iter().enumerate() {
        l.push(format!("第二十条第（{}）项", blk.item));
        l.push("信息内容".into());
        for (_, label) in blk.rows {
            l.push(label.to_string());
        }
        for col in blk.columns {
            wrap_into(l, col.1, w);
        }
        for ci in 0..blk.columns.len() {
            for ri in 0..blk.rows.len() {
                if let Some(v) = &c.active[b][ri][ci] {
                    l.push(v.clone());
                }
            }
        }
    }
}

/// Part 三 column by column (or row by row: `o.row_order`), maybe broken at a page.
fn colmajor_requests(l: &mut Vec<String>, c: &Cells, o: &ColOpts) {
    let w = o.wrap;
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
    let specs = request_rows(c.format);
    let n = specs.len();
    let cut = o.page_break.filter(|&p| p > 0 && p < n).unwrap_or(n);
    for (si, range) in [(0, 0..cut), (1, cut..n)] {
        if range.is_empty() {
            continue;
        }
        if si == 0 {
            wrap_into(
                l,
                "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
                w,
            );
        } else {
            l.push("- 1 -".into());
        }
        if o.header_first && (si == 0 || o.repeat_header) {
            header(l);
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
                    wrap_into(l, "三、本年度办理结果", w);
                }
            }
            if let Some(g) = s.group {
                if last_group != Some(g) {
                    l.push(group_label(g).to_string());
                }
            }
            last_group = s.group;
            wrap_into(l, s.label, w);
        }
        if !o.header_first && (si == 0 || o.repeat_header) {
            header(l);
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
}

/// Part 四: its header words, then its values one per line.
fn colmajor_appeals(l: &mut Vec<String>, c: &Cells) {
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

/// Every cell a generated report holds: "table/row/column" → value (None for a blank).
pub type CellList = Vec<(String, Option<f64>)>;

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
pub fn one_line_report(year: i32, seed: u64) -> (String, CellList) {
    one_line_report_with(year, seed, |_| {})
}

/// [`one_line_report`] with part 三's rows changed by `tamper` before they are written (the
/// cells returned are the rows as written).
pub fn one_line_report_with(
    year: i32,
    seed: u64,
    tamper: impl Fn(&mut Vec<Vec<i64>>),
) -> (String, CellList) {
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
    let mut cells: CellList = Vec::new();

    let active = one_line_active(&mut rng, format, &mut cells);

    // Part 三: consistent numbers.
    let mut rows = one_line_request_rows(&mut rng, format);
    tamper(&mut rows);
    let requests = one_line_requests(&mut rng, format, &rows, &mut cells);

    // Part 四.
    // Part 四.
    let appeals = one_line_appeals(&mut rng, &mut cells);

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

/// Part 二 of a one-line report: captions, headers, then each row's label and glued values.
fn one_line_active(rng: &mut Rng, format: Format, cells: &mut CellList) -> String {
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
                        let v = count(rng, 300);
                        (v.to_string(), v as f64)
                    }
                };
                cells.push((format!("active/{rk}/{ck}"), Some(v)));
                vals.push(text);
            }
            active.push_str(&stray(label, rng));
            active.push_str(&glue(&vals, rng));
        }
    }
    active
}

/// Part 三's consistent numbers for a one-line report.
fn one_line_request_rows(rng: &mut Rng, format: Format) -> Vec<Vec<i64>> {
    let n = result_rows(format);
    let results: Vec<[i64; 6]> = (0..n)
        .map(|_| {
            let mut r = [0i64; 6];
            r[0] = count(rng, 120);
            for x in r.iter_mut().skip(1) {
                if rng.chance(15) {
                    *x = count(rng, 20);
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
    let mut carried_in = small(rng);
    // No more carried in than handled: row 1 (received) stays non-negative.
    for (c, x) in carried_in.iter_mut().enumerate() {
        *x = (*x).min(results.iter().map(|r| r[c]).sum());
    }
    let carried_out = small(rng);
    consistent_requests(format, &results, carried_in, carried_out)
}

/// Part 三 of a one-line report: its header, then each row's label and glued values.
fn one_line_requests(
    rng: &mut Rng,
    format: Format,
    rows: &[Vec<i64>],
    cells: &mut CellList,
) -> String {
    let mut requests = String::from(
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他",
    );
    let mut last_group: Option<&str> = None;
    for (spec, v) in request_rows(format).iter().zip(rows) {
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
        requests.push_str(&stray(spec.label, rng));
        let vals: Vec<String> = v.iter().map(|x| x.to_string()).collect();
        requests.push_str(&glue(&vals, rng));
    }
    requests
}

/// Part 四 of a one-line report: its header words, then its values glued.
fn one_line_appeals(rng: &mut Rng, cells: &mut CellList) -> String {
    let mut appeals_v: Vec<i64> = Vec::new();
    for _ in 0..3 {
        let g: Vec<i64> = (0..4).map(|_| count(rng, 8)).collect();
        appeals_v.extend(&g);
        appeals_v.push(g.iter().sum());
    }
    for (c, x) in nianbao::spec::APPEAL_COLS.iter().zip(&appeals_v) {
        cells.push((format!("appeals/appeals/{}", c.0), Some(*x as f64)));
    }
    format!(
        "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计{}",
        glue(
            &appeals_v.iter().map(|x| x.to_string()).collect::<Vec<_>>(),
            rng
        )
    )
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

/// Every seed, corpus file and fixture (the hard forms included) as its reader reads it: (file
/// name, document), in a fixed order; files no reader takes (a scan) are left out.
pub fn every_input() -> Vec<(String, nianbao::document::Document)> {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut out = Vec::new();
    for dir in [
        "tests/data/seeds",
        "tests/data/corpus",
        "tests/fixtures",
        "tests/fixtures/hard",
    ] {
        let mut paths: Vec<_> = std::fs::read_dir(format!("{root}/{dir}"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_file())
            .collect();
        paths.sort();
        for p in paths {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            let bytes = std::fs::read(&p).unwrap();
            if let Ok(doc) =
                nianbao::read::read(&bytes, &name, None, &nianbao::read::encoding_rs_legacy)
            {
                out.push((name, doc));
            }
        }
    }
    out
}
