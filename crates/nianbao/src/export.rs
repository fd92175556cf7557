//! Exports of a result, shared by the command line and the page so both give the same bytes:
//! JSON (RESULT.md), CSV of the findings (UTF-8 with BOM, for Excel and WPS), and a
//! self-contained HTML report that prints well. Everything from the user's text is escaped.

use crate::layout::{fmt_num, Kind};
use crate::result::{CheckResult, Finding, Name, RateOut, TableOut, Verdict};
use crate::rules::RULES;
use serde::{Deserialize, Serialize};

/// The JSON of one result as the command line prints it: compact, one line, newline-terminated.
pub fn json_line(r: &CheckResult) -> String {
    let mut s = crate::to_json(r, false);
    s.push('\n');
    s
}

pub const CSV_HEADER: &str =
    "file,agency,year,rule,severity,section,line,column,table,cells,expected,actual,message,dismissed,inferred";

/// The findings CSV's header in Chinese (the page's Chinese download, the command line's default).
pub const CSV_HEADER_ZH: &str =
    "文件,单位,年度,规则,严重程度,部分,行,列,表格,单元格,应为,实为,问题描述,已忽略（理由）,推断的单元格";

/// CSV of the findings of several results: BOM, header, one finding per row (CRLF line ends);
/// headers, rule titles, severities, parts, tables and cells in Chinese, or English when `en`.
pub fn csv(results: &[&CheckResult], en: bool) -> String {
    let mut s = String::from("\u{FEFF}");
    s.push_str(if en { CSV_HEADER } else { CSV_HEADER_ZH });
    s.push_str("\r\n");
    for r in results {
        s.push_str(&csv_rows(r, en));
    }
    s
}

/// A table's name for people: 第二部分表格 … (English: the key).
fn table_name(table: &str, en: bool) -> String {
    match (table, en) {
        (_, true) => table.to_string(),
        ("active", false) => "第二部分表格".to_string(),
        ("requests", false) => "第三部分表格".to_string(),
        ("appeals", false) => "第四部分表格".to_string(),
        (t, false) => t.to_string(),
    }
}

/// A cell ("row/column") for people: the row's official label and the column's heading, e.g.
/// "（七）总计·总计" (part 四's one row: "行政复议·总计"); in English (or when the table has no such row) the id as it stands.
pub fn cell_name(r: &CheckResult, table: &str, id: &str, en: bool) -> String {
    let t = match table {
        "active" => &r.tables.active,
        "requests" => &r.tables.requests,
        "appeals" => &r.tables.appeals,
        _ => return id.to_string(),
    };
    let Some((row_key, col_key)) = id.split_once('/') else {
        return id.to_string();
    };
    let Some(row) = t.row(row_key).filter(|_| !en) else {
        return id.to_string();
    };
    let col = if t.columns.is_empty() {
        crate::spec::active_columns(r.format.layout(), row.block.as_deref().unwrap_or(""))
            .iter()
            .find(|c| c.0 == col_key)
            .map(|c| c.1.to_string())
    } else {
        t.columns
            .iter()
            .find(|c| c.key == col_key)
            .map(|c| c.label.clone())
    };
    let label = row.label.trim();
    match col {
        // Part 四 has one row: its column (行政复议·总计) names the cell.
        Some(c) if table == "appeals" => c,
        Some(c) => format!("{label}·{c}"),
        None => format!("{label}·{col_key}"),
    }
}

pub(crate) fn csv_field(s: &str) -> String {
    // A leading = + - @ would make a spreadsheet run a formula: quote it as text.
    let risky = s.starts_with(['=', '+', '-', '@']);
    if s.contains([',', '"', '\n', '\r']) || risky {
        let body = if risky {
            format!("'{s}")
        } else {
            s.to_string()
        };
        format!("\"{}\"", body.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The CSV rows (no header) of one result's findings, in Chinese or English (see [`csv`]).
pub fn csv_rows(r: &CheckResult, en: bool) -> String {
    let num = |v: Option<f64>| v.map(fmt_num).unwrap_or_default();
    let opt = |v: Option<usize>| v.map(|x| x.to_string()).unwrap_or_default();
    let mut s = String::new();
    for f in &r.findings {
        let table = f.table.unwrap_or("");
        let names = |cells: &[String]| {
            cells
                .iter()
                .map(|c| cell_name(r, table, c, en))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let fields = [
            csv_field(&r.input.name),
            csv_field(r.meta.agency.as_deref().unwrap_or("")),
            r.meta.year.map(|y| y.to_string()).unwrap_or_default(),
            if en {
                f.rule.to_string()
            } else {
                csv_field(&format!("{}（{}）", rule_title(f.rule, false), f.rule))
            },
            if en {
                f.severity.name()
            } else {
                f.severity.label(false)
            }
            .to_string(),
            match (f.section, en) {
                (Some(n), false) if (1..=6).contains(&n) => {
                    format!(
                        "第{}部分",
                        ["一", "二", "三", "四", "五", "六"][n as usize - 1]
                    )
                }
                (Some(n), _) => n.to_string(),
                (None, _) => String::new(),
            },
            opt(f.line),
            opt(f.column),
            table_name(table, en),
            csv_field(&names(&f.cells)),
            num(f.expected),
            num(f.actual),
            csv_field(if en { &f.message_en } else { &f.message }),
            csv_field(f.dismissed.as_deref().unwrap_or("")),
            csv_field(&names(&f.inferred)),
        ];
        s.push_str(&fields.join(","));
        s.push_str("\r\n");
    }
    s
}

/// One report's line in a batch's roll-up (`summary_csv`, the page's roll-up table): small, so a
/// batch of any size can keep one per report until the end. `verdict` None: the file could not
/// be read (`reason` says why). The one roll-up row of the command line, the worker and the page
/// (which get it through [`crate::protocol::BatchRow`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummaryRow {
    pub file: String,
    pub agency: Option<String>,
    pub year: Option<i32>,
    #[serde(deserialize_with = "crate::result::de::opt_str")]
    pub format: Option<Name>,
    pub verdict: Option<Verdict>,
    /// Errors and warnings left after the user's dismissals (the page's roll-up; the command
    /// line dismisses nothing).
    pub errors: usize,
    pub warnings: usize,
    /// How many findings the user dismissed (the roll-up says so beside the verdict).
    #[serde(default)]
    pub dismissed: usize,
    /// Part 三 row 1 总计 (本年新收).
    pub new_requests: Option<f64>,
    /// Part 三 row 3.7 总计 (办理结果总计).
    pub results_total: Option<f64>,
    /// Part 三 row 4 总计 (结转下年度继续办理).
    pub carried_over: Option<f64>,
    /// Part 四 行政复议 总计.
    pub review_total: Option<f64>,
    /// Part 四 the two 行政诉讼 总计 summed (None unless both are numbers).
    pub suit_total: Option<f64>,
    /// The rates the roll-up shows ([`ROLLUP_RATES`], from the result's rates: computed once,
    /// in [`crate::rates`]).
    pub rates: Vec<RateCell>,
    /// The fields above (by their names here) that rest on a cell that was inferred, not read:
    /// the roll-up shows them with ≈.
    #[serde(deserialize_with = "crate::result::de::strs")]
    pub inferred: Vec<Name>,
    /// How many cells of the report's tables were inferred, not read (0: every number read).
    pub inferred_cells: usize,
    pub reason: Option<String>,
    /// `reason` in English, when it is known apart (the page shows it in English).
    pub reason_en: Option<String>,
    /// In a batch whose reports were paired ([`crate::pairing`]): paired with which file, or
    /// why not (in Chinese); None when no pairing was made (the command line's roll-up, a
    /// cancelled batch, a file that could not be read).
    #[serde(default)]
    pub pairing: Option<String>,
    /// `pairing` in English.
    #[serde(default)]
    pub pairing_en: Option<String>,
    /// 主要问题: the rules of the report's first errors (or, with none, its first warnings),
    /// up to [`MAIN_PROBLEMS`] distinct ones in the order found; shown by their short titles.
    #[serde(default, deserialize_with = "crate::result::de::strs")]
    pub problems: Vec<Name>,
}

/// How many distinct rules the roll-up's 主要问题 names.
pub const MAIN_PROBLEMS: usize = 3;

/// The rules of a result's first errors (else its first warnings), distinct, at most
/// [`MAIN_PROBLEMS`]; dismissed findings left out.
pub fn main_problems(r: &CheckResult) -> Vec<Name> {
    let pick = |sev: crate::result::Severity| {
        let mut out: Vec<Name> = Vec::new();
        for f in r
            .findings
            .iter()
            .filter(|f| f.severity == sev && f.dismissed.is_none())
        {
            if !out.contains(&f.rule) && out.len() < MAIN_PROBLEMS {
                out.push(f.rule);
            }
        }
        out
    };
    let errors = pick(crate::result::Severity::Error);
    if errors.is_empty() {
        pick(crate::result::Severity::Warning)
    } else {
        errors
    }
}

/// 主要问题 as the roll-up shows it: the rules' short titles joined by "；" ("; " in English).
pub fn problems_text(rules: &[Name], en: bool) -> String {
    rules
        .iter()
        .map(|k| rule_title(k, en))
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(if en { "; " } else { "；" })
}

/// The rates a roll-up shows: 实质公开率 and the two 纠错率, with the column headings the page's
/// roll-up gives them (key, Chinese, English): one list, so the page never shows a column for
/// a rate the rows do not carry.
pub const ROLLUP_RATES: [(&str, &str, &str); 3] = [
    ("substantive_disclosure", "实质公开率", "Disclosure"),
    ("review_corrected", "复议纠错率", "Review corr."),
    ("suit_corrected", "诉讼纠错率", "Suit corr."),
];

/// A rate in a roll-up row: the result's [`RateOut`] without its names and terms (a batch keeps
/// one row per report until the end).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RateCell {
    #[serde(deserialize_with = "crate::result::de::str")]
    pub key: Name,
    /// 0–1; None when undefined.
    pub value: Option<f64>,
    /// "red" | "yellow" | None.
    #[serde(deserialize_with = "crate::result::de::opt_str")]
    pub flag: Option<Name>,
    /// It rests on a cell that was inferred, not read (shown with ≈, never flagged).
    pub inferred: bool,
}

impl From<&RateOut> for RateCell {
    fn from(r: &RateOut) -> RateCell {
        RateCell {
            key: r.key,
            value: r.value,
            flag: r.flag,
            inferred: r.inferred,
        }
    }
}

/// The value of a cell of a result's table, when it holds a number.
pub fn cell_value(t: &TableOut, row: &str, col: &str) -> Option<f64> {
    cell_read(t, row, col).map(|(v, _)| v)
}

/// The value of a cell when it holds a number, and whether it was read (not inferred).
pub fn cell_read(t: &TableOut, row: &str, col: &str) -> Option<(f64, bool)> {
    let c = crate::rules::provenance::get(t, row, col)?;
    match c.cell.kind {
        Kind::Number => Some((c.cell.value?, c.read())),
        _ => None,
    }
}

/// How many cells of a result's tables were inferred, not read.
pub fn inferred_cells(r: &CheckResult) -> usize {
    [&r.tables.active, &r.tables.requests, &r.tables.appeals]
        .iter()
        .flat_map(|t| t.rows.iter().filter(|row| row.found))
        .map(|row| {
            row.cells
                .iter()
                .filter(|(_, c)| !crate::rules::provenance::is_read(row, c))
                .count()
        })
        .sum()
}

impl SummaryRow {
    pub fn from_result(r: &CheckResult, file: &str) -> SummaryRow {
        let mut inferred = Vec::new();
        let mut take = |name: &'static str, v: Option<(f64, bool)>| {
            if v.is_some_and(|(_, read)| !read) {
                inferred.push(name);
            }
            v.map(|(x, _)| x)
        };
        let req = |row: &str| cell_read(&r.tables.requests, row, "total");
        let app = |col: &str| cell_read(&r.tables.appeals, "appeals", col);
        let r37 = req("3.7");
        let suits = match (app("suit_direct.total"), app("suit_after_review.total")) {
            (Some(a), Some(b)) => Some((a.0 + b.0, a.1 && b.1)),
            _ => None,
        };
        SummaryRow {
            file: file.to_string(),
            agency: r.meta.agency.clone(),
            year: r.meta.year,
            format: r.format.detected.map(|f| f.name()),
            verdict: Some(r.left.map_or(r.verdict, |l| l.verdict)),
            errors: r.left.map_or(r.counts.error, |l| l.counts.error),
            warnings: r.left.map_or(r.counts.warning, |l| l.counts.warning),
            dismissed: r.left.map_or(0, |l| l.dismissed),
            new_requests: take("new_requests", req("1")),
            results_total: take("results_total", r37),
            carried_over: take("carried_over", req("4")),
            review_total: take("review_total", app("review.total")),
            suit_total: take("suit_total", suits),
            rates: r
                .rates
                .iter()
                .filter(|x| ROLLUP_RATES.iter().any(|(k, _, _)| *k == x.key))
                .map(RateCell::from)
                .collect(),
            inferred,
            inferred_cells: inferred_cells(r),
            reason: None,
            reason_en: None,
            pairing: None,
            pairing_en: None,
            problems: main_problems(r),
        }
    }

    pub fn unreadable(file: &str, reason: &str) -> SummaryRow {
        SummaryRow {
            file: file.to_string(),
            agency: None,
            year: None,
            format: None,
            verdict: None,
            errors: 0,
            warnings: 0,
            dismissed: 0,
            new_requests: None,
            results_total: None,
            carried_over: None,
            review_total: None,
            suit_total: None,
            rates: Vec::new(),
            inferred: Vec::new(),
            inferred_cells: 0,
            reason: Some(reason.to_string()),
            reason_en: None,
            pairing: None,
            pairing_en: None,
            problems: Vec::new(),
        }
    }

    /// A rate of the report (`substantive_disclosure` …), when it was computed.
    pub fn rate(&self, key: &str) -> Option<&RateCell> {
        self.rates.iter().find(|r| r.key == key)
    }

    /// Failing reports first: unreadable, fail, incomplete, warn, pass.
    fn rank(&self) -> u8 {
        verdict_rank(self.verdict)
    }
}

/// A roll-up's order, failing first: unreadable (None), fail, incomplete, warn, pass.
pub fn verdict_rank(v: Option<Verdict>) -> u8 {
    match v {
        None => 0,
        Some(Verdict::Fail) => 1,
        Some(Verdict::Incomplete) => 2,
        Some(Verdict::Warn) => 3,
        Some(Verdict::Pass) => 4,
    }
}

/// 结论 in Chinese, as the roll-up and the batch view show it.
pub fn verdict_zh(v: Option<Verdict>) -> &'static str {
    verdict_label(v, false)
}

/// 结论 in Chinese or English ("unreadable" when the file could not be read).
pub fn verdict_label(v: Option<Verdict>, en: bool) -> &'static str {
    match (v, en) {
        (None, false) => "无法读取",
        (None, true) => "Unreadable",
        (Some(v), en) => v.label(en),
    }
}

pub const SUMMARY_HEADER: &str = "文件,单位,年度,格式,结论,错误数,提示数,新收申请,办理结果总计,结转下年度,行政复议总计,行政诉讼总计,实质公开率,推断的单元格数,说明,复议纠错率,诉讼纠错率,主要问题,上年报告配对";
pub const SUMMARY_HEADER_EN: &str = "File,Agency,Year,Format,Verdict,Errors,Warnings,New requests,Handled,Carried over,Reviews,Suits,Disclosure rate,Inferred cells,Note,Review correction rate,Suit correction rate,Main problems,Paired with last year";

/// The roll-up's 说明: why a file could not be read, or how many findings the user dismissed
/// (the 结论 and counts are what is left).
fn summary_note(r: &SummaryRow, en: bool) -> String {
    let reason = if en {
        r.reason_en.as_ref().or(r.reason.as_ref())
    } else {
        r.reason.as_ref()
    };
    match (reason, r.dismissed, en) {
        (Some(why), _, _) => why.clone(),
        (None, 0, _) => String::new(),
        (None, d, false) => format!("已忽略 {d} 项"),
        (None, d, true) => format!("{d} dismissed"),
    }
}

/// The roll-up of a batch: BOM, header, one row per report (CRLF line ends), failing reports
/// first (unreadable, fail, incomplete, warn, pass), then by file; every column the page's
/// roll-up shows (its three rates, 主要问题), in Chinese or English.
pub fn summary_csv(rows: &[SummaryRow], en: bool) -> String {
    let mut order: Vec<&SummaryRow> = rows.iter().collect();
    order.sort_by(|a, b| a.rank().cmp(&b.rank()).then_with(|| a.file.cmp(&b.file)));
    let mut s = String::from("\u{FEFF}");
    s.push_str(if en {
        SUMMARY_HEADER_EN
    } else {
        SUMMARY_HEADER
    });
    s.push_str("\r\n");
    for r in order {
        s.push_str(&summary_fields(r, en).join(","));
        s.push_str("\r\n");
    }
    s
}

/// One roll-up row's CSV fields, in [`SUMMARY_HEADER`]'s order.
fn summary_fields(r: &SummaryRow, en: bool) -> Vec<String> {
    // A number resting on an inferred cell is shown as ≈ (the column after the rates says
    // how many cells were inferred).
    let approx = |name: &str| {
        if r.inferred.contains(&name) {
            "≈"
        } else {
            ""
        }
    };
    let num = |name: &str, v: Option<f64>| {
        v.map(|x| format!("{}{}", approx(name), fmt_num(x)))
            .unwrap_or_default()
    };
    let readable = r.verdict.is_some();
    let count = |n: usize| {
        if readable {
            n.to_string()
        } else {
            String::new()
        }
    };
    let pairing = if en {
        r.pairing_en.as_deref().or(r.pairing.as_deref())
    } else {
        r.pairing.as_deref()
    };
    vec![
        csv_field(&r.file),
        csv_field(r.agency.as_deref().unwrap_or("")),
        r.year.map(|y| y.to_string()).unwrap_or_default(),
        r.format.unwrap_or("").to_string(),
        csv_field(verdict_label(r.verdict, en)),
        count(r.errors),
        count(r.warnings),
        num("new_requests", r.new_requests),
        num("results_total", r.results_total),
        num("carried_over", r.carried_over),
        num("review_total", r.review_total),
        num("suit_total", r.suit_total),
        rate_cell(r, "substantive_disclosure"),
        if readable && r.inferred_cells > 0 {
            r.inferred_cells.to_string()
        } else {
            String::new()
        },
        csv_field(&summary_note(r, en)),
        rate_cell(r, "review_corrected"),
        rate_cell(r, "suit_corrected"),
        csv_field(&problems_text(&r.problems, en)),
        csv_field(pairing.unwrap_or("")),
    ]
}

/// A rate in the roll-up (实质公开率, 复议纠错率 …): a percentage with one decimal, ≈ when it
/// rests on an inferred cell; empty when it could not be computed.
fn rate_cell(r: &SummaryRow, key: &str) -> String {
    match r.rate(key) {
        Some(RateCell {
            value: Some(v),
            inferred,
            ..
        }) => format!("{}{:.1}%", if *inferred { "≈" } else { "" }, v * 100.0),
        _ => String::new(),
    }
}

/// Line `no` (1-based) of `text`, lines split as the engine splits them (CR, LF, CRLF).
pub fn line_of(text: &str, no: usize) -> Option<&str> {
    crate::normalize::lines(text).nth(no.checked_sub(1)?)
}

/// Escapes text for HTML element content and attribute values.
pub fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

/// A file name for downloads: agency and year, without characters file systems refuse.
pub fn file_stem(r: &CheckResult) -> String {
    let agency = r.meta.agency.clone().unwrap_or_else(|| "报告".to_string());
    let year = r.meta.year.map(|y| y.to_string()).unwrap_or_default();
    let s: String = format!("{agency}{year}年度报告检查结果")
        .chars()
        .filter(|c| {
            !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') && !c.is_control()
        })
        .collect();
    s.chars().take(60).collect()
}

/// The verdict as the banner says it: what is left after the user's dismissals
/// ([`CheckResult::left`]) when there are any, else the engine's.
pub fn verdict_text(r: &CheckResult, en: bool) -> String {
    match r.left {
        Some(l) => verdict_line(l.verdict, &l.counts, l.dismissed, en),
        None => verdict_line(r.verdict, &r.counts, 0, en),
    }
}

/// "需修改 2 项 · 已忽略 3 项" / "Needs 2 fixes · 3 dismissed": a verdict, the findings it
/// counts and how many were dismissed (0: not said).
pub fn verdict_line(v: Verdict, c: &crate::result::Counts, dismissed: usize, en: bool) -> String {
    let d = dismissed;
    match (v, en, d) {
        (Verdict::Fail, false, 0) => format!("需修改 {} 项", c.error),
        (Verdict::Fail, false, d) => format!("需修改 {} 项 · 已忽略 {d} 项", c.error),
        (Verdict::Fail, true, 0) => format!("Needs {}", fixes(c.error)),
        (Verdict::Fail, true, d) => format!("Needs {} · {d} dismissed", fixes(c.error)),
        (Verdict::Warn, false, 0) => format!("可发布（{}项提示）", c.warning),
        (Verdict::Warn, false, d) => format!("可发布（{}项提示 · 已忽略 {d} 项）", c.warning),
        (Verdict::Warn, true, 0) => format!("Publishable ({} warnings)", c.warning),
        (Verdict::Warn, true, d) => format!("Publishable ({} warnings · {d} dismissed)", c.warning),
        (v, false, 0) | (v, true, 0) => v.label(en).to_string(),
        (v, false, d) => format!("{}（已忽略 {d} 项）", v.label(false)),
        (v, true, d) => format!("{} ({d} dismissed)", v.label(true)),
    }
}

/// "1 fix", "3 fixes".
fn fixes(n: usize) -> String {
    if n == 1 {
        "1 fix".into()
    } else {
        format!("{n} fixes")
    }
}

/// The engine's own verdict, said beside what is left once findings were dismissed (None when
/// nothing was dismissed): "检查结论（未计忽略）：需修改 5 项".
pub fn engine_verdict_note(r: &CheckResult, en: bool) -> Option<String> {
    r.left?;
    let v = verdict_line(r.verdict, &r.counts, 0, en);
    Some(if en {
        format!("The checker's verdict before dismissals: {v}")
    } else {
        format!("检查结论（未计忽略）：{v}")
    })
}

pub fn rule_title(name: &str, en: bool) -> &'static str {
    RULES
        .iter()
        .find(|r| r.name == name)
        .map(|r| if en { r.title_en } else { r.title })
        .unwrap_or("")
}

/// Per cell "row/col" → class for the identity findings that involve it: "lhs" / "rhs".
pub fn identity_sides(findings: &[Finding], table: &str) -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    for f in findings.iter().filter(|f| {
        f.table == Some(table) && (f.rule.starts_with("requests-") || f.rule == "appeals-total")
    }) {
        let split = if f.rule == "requests-balance" { 2 } else { 1 };
        for (i, c) in f.cells.iter().enumerate() {
            out.push((c.clone(), if i < split { "lhs" } else { "rhs" }));
        }
    }
    out
}

/// The class of a cell in a rebuilt table.
pub fn cell_class(
    kind: Kind,
    value: Option<f64>,
    id: &str,
    sides: &[(String, &'static str)],
) -> String {
    let mut c = match kind {
        Kind::Number if value.is_some_and(|v| v < 0.0) => "cell neg".to_string(),
        Kind::Number => "cell".to_string(),
        Kind::Blank => "cell blank".to_string(),
        Kind::Na => "cell na".to_string(),
        Kind::Text => "cell invalid".to_string(),
        Kind::Ambiguous => "cell ambiguous".to_string(),
    };
    if let Some((_, side)) = sides.iter().find(|(k, _)| k == id) {
        c.push(' ');
        c.push_str(side);
    }
    c
}

fn table_html(t: &TableOut, name: &str, r: &CheckResult, en: bool) -> String {
    if !t.found {
        return format!(
            "<p class=\"missing\">{}</p>",
            if en {
                "Table not found"
            } else {
                "未找到表格"
            }
        );
    }
    let sides = identity_sides(&r.findings, name);
    let format = r.format.layout();
    let mut s = String::from("<table class=\"grid\">");
    // A header where the columns change, and for part 二 at each block (its caption).
    let mut last: Option<(Option<&str>, Vec<&str>)> = None;
    for row in &t.rows {
        let cols = t.column_labels(format, row);
        let head = (row.block.as_deref(), cols.clone());
        if last.as_ref() != Some(&head) {
            if let Some(item) = &row.block {
                s.push_str(&format!(
                    "<tr><th class=\"caption\" colspan=\"{}\">第二十条第（{}）项</th></tr>",
                    cols.len() + 1,
                    esc(item)
                ));
            }
            s.push_str("<tr><th></th>");
            for c in &cols {
                s.push_str(&format!("<th>{}</th>", esc(c)));
            }
            s.push_str("</tr>");
            last = Some(head);
        }
        let line = row
            .line
            .map(|l| format!(" <span class=\"ln\">L{l}</span>"))
            .unwrap_or_default();
        let found_by = row
            .found_by
            .how()
            .map(|(zh, en_text)| {
                format!(
                    " <span class=\"by\">（{}）</span>",
                    esc(if en { en_text } else { zh })
                )
            })
            .unwrap_or_default();
        s.push_str(&format!(
            "<tr><th class=\"rowlabel\">{}{}{found_by}</th>",
            esc(&row.label),
            line
        ));
        if !row.found {
            s.push_str(&format!(
                "<td class=\"cell missing\" colspan=\"{}\">{}</td>",
                cols.len(),
                if en { "row missing" } else { "缺行" }
            ));
        }
        for (k, c) in &row.cells {
            let id = format!("{}/{}", row.key, k);
            let shown = match c.kind {
                Kind::Blank => "□".to_string(),
                Kind::Ambiguous => format!(
                    "?{}",
                    c.candidates
                        .as_ref()
                        .map(|v| format!(
                            "({})",
                            v.iter()
                                .map(|x| x.to_string())
                                .collect::<Vec<_>>()
                                .join("|")
                        ))
                        .unwrap_or_default()
                ),
                _ => c.raw.clone(),
            };
            // How the cell was obtained, when not simply read: a class, a mark and a tooltip.
            let how = c.read.how().filter(|_| c.kind != Kind::Ambiguous);
            let (class, title, mark) = match how {
                Some((zh, en_text, mark)) => (
                    format!(" {}", c.read.name()),
                    format!(" title=\"{}\"", esc(if en { en_text } else { zh })),
                    format!("<sup>{mark}</sup>"),
                ),
                None => Default::default(),
            };
            s.push_str(&format!(
                "<td class=\"{}{class}\"{title}>{}{mark}</td>",
                cell_class(c.kind, c.value, &id, &sides),
                esc(&shown),
            ));
        }
        s.push_str("</tr>");
    }
    s.push_str("</table>");
    s
}

const REPORT_CSS: &str = "body{font-family:system-ui,'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:2em;color:#111;line-height:1.5}\
h1{font-size:1.4em}h2{font-size:1.15em;border-bottom:1px solid #ccc;margin-top:1.6em}\
.verdict{font-size:1.3em;font-weight:bold;padding:.4em .8em;border-radius:4px;display:inline-block}\
.fail{background:#fde2e1;color:#a40000}.warn{background:#fff4ce;color:#7a5b00}.pass{background:#dff6dd;color:#0b6a0b}.incomplete{background:#eee;color:#333}\
ul.checks{list-style:none;padding-left:0}ul.checks li{margin:.15em 0}\
.s-fail{color:#a40000}.s-warn{color:#7a5b00}.s-pass{color:#0b6a0b}.s-skip{color:#666}\
table.grid{border-collapse:collapse;font-size:.85em;margin:.5em 0}table.grid th,table.grid td{border:1px solid #bbb;padding:2px 6px}\
td.cell{text-align:right;min-width:2.5em}.blank{background:#f3f3f3;color:#999}.na{background:#f3f3f3}.invalid{background:#fde2e1}\
.ambiguous{background:#ffe8c2}.guessed{background:#fff3cd;font-style:italic}.transposed,.solved{background:#eef6ff}.by{color:#7a5b00;font-weight:normal;font-size:.8em}.lhs{outline:2px solid #0052cc}.rhs{outline:2px solid #c2185b}.missing{color:#a40000}.ln{color:#888;font-weight:normal;font-size:.8em}\
th.rowlabel{text-align:left;font-weight:normal;max-width:22em}th.caption{text-align:left;background:#f6f6f6}\
ol.findings li{margin:.3em 0}.sev-error{color:#a40000}.sev-warning{color:#7a5b00}\
@media print{body{margin:0;font-size:10pt}h2{break-after:avoid}table.grid{break-inside:auto}tr{break-inside:avoid}.verdict{border:1px solid #000}}";

/// A self-contained HTML report (no scripts, no external resources).
pub fn html(r: &CheckResult, en: bool) -> String {
    let mut s = String::new();
    html_head(&mut s, r, en);
    html_sections(&mut s, r, en);
    html_findings(&mut s, r, en);
    s.push_str(&format!(
        "<p class=\"ln\">nianbao {} · {} · sha256 {}</p></body></html>\n",
        esc(r.engine),
        esc(&r.input.name),
        esc(&r.input.sha256)
    ));
    s
}

/// Chinese or English.
fn zh_en(en: bool, zh: &str, e: &str) -> String {
    if en { e } else { zh }.to_string()
}

/// The report's `<head>`, title, facts and verdict.
fn html_head(s: &mut String, r: &CheckResult, en: bool) {
    let t = |zh: &str, e: &str| zh_en(en, zh, e);
    let vclass = r.verdict.name();
    s.push_str(&format!(
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title><style>{REPORT_CSS}</style></head><body>",
        if en { "en" } else { "zh-CN" },
        esc(&file_stem(r))
    ));
    s.push_str(&format!(
        "<h1>{}</h1><p>{}</p>",
        esc(r
            .meta
            .title
            .as_deref()
            .unwrap_or(&t("（未找到标题）", "(no title found)"))),
        esc(&format!(
            "{}：{}　{}：{}　{}：{}　{}：{}",
            t("机关", "Agency"),
            r.meta.agency.as_deref().unwrap_or("?"),
            t("年度", "Year"),
            r.meta.year.map(|y| y.to_string()).unwrap_or("?".into()),
            t("格式", "Format"),
            r.format.detected.map(|f| f.name()).unwrap_or("?"),
            t("落款日期", "Closing date"),
            r.meta.published.as_deref().unwrap_or("?"),
        ))
    ));
    let (vclass, c) = r
        .left
        .map_or((vclass, r.counts), |l| (l.verdict.name(), l.counts));
    s.push_str(&format!(
        "<p class=\"verdict {vclass}\">{}</p><p>{}</p>",
        esc(&verdict_text(r, en)),
        esc(&format!(
            "{} {} · {} {} · {} {}",
            t("错误", "errors"),
            c.error,
            t("提示", "warnings"),
            c.warning,
            t("信息", "info"),
            c.info
        ))
    ));
    if let (Some(l), Some(note)) = (r.left, engine_verdict_note(r, en)) {
        s.push_str(&format!(
            "<p class=\"engine-verdict\">{} · {}</p>",
            esc(&format!(
                "{} {}",
                t("已忽略", "dismissed:"),
                zh_en(
                    en,
                    &format!("{} 项（理由见问题清单）", l.dismissed),
                    &format!("{} (reasons in the findings)", l.dismissed)
                )
            )),
            esc(&note)
        ));
    }
}

/// Each part's checks and table, after the whole document's checks.
fn html_sections(s: &mut String, r: &CheckResult, en: bool) {
    let t = |zh: &str, e: &str| zh_en(en, zh, e);
    let checks = |s: &mut String, list: &[crate::result::Check]| {
        s.push_str("<ul class=\"checks\">");
        for c in list {
            s.push_str(&format!(
                "<li class=\"s-{}\">{} <b>{}</b> — {}</li>",
                c.status.name(),
                c.status.mark(),
                esc(rule_title(c.rule, en)),
                esc(if en { &c.detail_en } else { &c.detail })
            ));
        }
        s.push_str("</ul>");
    };
    s.push_str(&format!("<h2>{}</h2>", t("全文", "Document")));
    checks(s, &r.document.checks);
    for sec in &r.sections {
        let head = match &sec.heading {
            Some(h) => format!(
                "{} {}",
                h,
                sec.line.map(|l| format!("（第{l}行）")).unwrap_or_default()
            ),
            None => format!(
                "{}、{} {}",
                ["一", "二", "三", "四", "五", "六"][sec.number as usize - 1],
                sec.title,
                t("（未找到）", "(missing)")
            ),
        };
        s.push_str(&format!("<h2>{}</h2>", esc(&head)));
        checks(s, &sec.checks);
        let (table, name) = match sec.number {
            2 => (Some(&r.tables.active), "active"),
            3 => (Some(&r.tables.requests), "requests"),
            4 => (Some(&r.tables.appeals), "appeals"),
            _ => (None, ""),
        };
        if let Some(tb) = table {
            s.push_str(&table_html(tb, name, r, en));
        }
    }
}

/// The findings, numbered.
fn html_findings(s: &mut String, r: &CheckResult, en: bool) {
    let t = |zh: &str, e: &str| zh_en(en, zh, e);
    s.push_str(&format!(
        "<h2>{}（{}）</h2><ol class=\"findings\">",
        t("问题清单", "Findings"),
        r.findings.len()
    ));
    for f in &r.findings {
        let sev = f.severity.name();
        let dismissed = f
            .dismissed
            .as_ref()
            .map(|why| format!(" <em>（{}{}）</em>", t("已忽略：", "dismissed: "), esc(why)))
            .unwrap_or_default();
        s.push_str(&format!(
            "<li class=\"sev-{sev}\">{} <code>{}</code> {}{dismissed}</li>",
            esc(&f
                .line
                .map(|l| format!("L{l}"))
                .unwrap_or_else(|| "—".into())),
            esc(f.rule),
            esc(if en { &f.message_en } else { &f.message })
        ));
    }
    s.push_str("</ol>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_the_users_text() {
        let r = crate::check("x.txt", "<script>alert(1)</script>2020年政府信息公开工作年度报告\n一、总体情况\n<img src=x onerror=alert(1)>");
        let h = html(&r, false);
        assert!(!h.contains("<script>alert"));
        assert!(!h.contains("<img"));
        assert!(h.contains("&lt;script&gt;"));
    }

    /// The header cells (captions and column labels, not row labels) of part `n`'s table in
    /// the printable report.
    fn table_heads(h: &str, n: &str) -> Vec<String> {
        let part = &h[h.find(&format!("<h2>{n}、")).unwrap()..];
        let table = &part[part.find("<table").unwrap()..part.find("</table>").unwrap()];
        table
            .split("<th")
            .skip(1)
            .filter(|c| !c.starts_with(" class=\"rowlabel\""))
            .map(|c| c[c.find('>').unwrap() + 1..c.find("</th>").unwrap()].to_string())
            .collect()
    }

    #[test]
    fn part_two_headers_follow_the_reports_format() {
        let text = include_str!("../tests/fixtures/report_a_tabs.txt");
        let r = crate::check("report_a_tabs.txt", text);
        assert_eq!(r.format.detected, Some(crate::spec::Format::F2021));
        let heads = table_heads(&html(&r, false), "二");
        let want = [
            "第二十条第（一）项",
            "",
            "本年制发件数",
            "本年废止件数",
            "现行有效件数",
            "第二十条第（五）项",
            "",
            "本年处理决定数量",
            "第二十条第（六）项",
            "",
            "本年处理决定数量",
            "第二十条第（八）项",
            "",
            "本年收费金额（单位：万元）",
        ];
        assert_eq!(heads, want);
        // Part 三 keeps its one header.
        let heads = table_heads(&html(&r, false), "三");
        assert_eq!(heads.len(), 1 + 7, "{heads:?}");
        assert_eq!(heads[1], "自然人");
    }

    #[test]
    fn line_of_splits_as_the_engine_does() {
        let t = "a\r\nb\rc\nd";
        assert_eq!(line_of(t, 1), Some("a"));
        assert_eq!(line_of(t, 2), Some("b"));
        assert_eq!(line_of(t, 3), Some("c"));
        assert_eq!(line_of(t, 4), Some("d"));
        assert_eq!(line_of(t, 5), None);
    }

    #[test]
    fn summary_sorts_failing_first_and_formats_the_rate() {
        let mut pass = SummaryRow::unreadable("b.txt", "");
        pass.verdict = Some(Verdict::Pass);
        pass.rates.push(RateCell {
            key: "substantive_disclosure",
            value: Some(0.582278),
            flag: None,
            inferred: false,
        });
        pass.reason = None;
        pass.pairing = Some("已与上年报告配对：a.html".into());
        let bad = SummaryRow::unreadable("z.doc", "旧版Word");
        let s = summary_csv(&[pass, bad], false);
        let lines: Vec<&str> = s.split("\r\n").collect();
        assert!(lines[0].starts_with("\u{FEFF}文件,"));
        assert!(lines[0].ends_with(",主要问题,上年报告配对"), "{s}");
        assert!(lines[1].starts_with("z.doc,,,,无法读取,"), "{s}");
        assert!(lines[1].ends_with(",旧版Word,,,,"), "{s}");
        assert!(lines[2].ends_with(",已与上年报告配对：a.html"), "{s}");
        assert!(lines[2].contains(",58.2%,"), "{s}");
    }

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("=1+1"), "\"'=1+1\"");
        assert_eq!(csv_field("plain"), "plain");
    }
}
