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
