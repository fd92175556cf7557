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
