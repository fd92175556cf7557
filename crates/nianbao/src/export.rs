//! Exports of a result, shared by the command line and the page so both give the same bytes:
//! JSON (RESULT.md), CSV of the findings (UTF-8 with BOM, for Excel and WPS), and a
//! self-contained HTML report that prints well. Everything from the user's text is escaped.

use crate::layout::{fmt_num, Kind};
use crate::result::{CheckResult, Finding, Severity, Status, TableOut, Verdict};
use crate::rules::RULES;

/// The JSON of one result as the command line prints it: compact, one line, newline-terminated.
pub fn json_line(r: &CheckResult) -> String {
    let mut s = crate::to_json(r, false);
    s.push('\n');
    s
}

pub const CSV_HEADER: &str =
    "file,agency,year,rule,severity,section,line,column,table,cells,expected,actual,message";

/// CSV of the findings of several results: BOM, header, one finding per row (CRLF line ends).
pub fn csv(results: &[&CheckResult]) -> String {
    let mut s = String::from("\u{FEFF}");
    s.push_str(CSV_HEADER);
    s.push_str("\r\n");
    for r in results {
        s.push_str(&csv_rows(r));
    }
    s
}

fn csv_field(s: &str) -> String {
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

/// The CSV rows (no header) of one result's findings.
pub fn csv_rows(r: &CheckResult) -> String {
    let num = |v: Option<f64>| v.map(fmt_num).unwrap_or_default();
    let opt = |v: Option<usize>| v.map(|x| x.to_string()).unwrap_or_default();
    let mut s = String::new();
    for f in &r.findings {
        let fields = [
            csv_field(&r.input.name),
            csv_field(r.meta.agency.as_deref().unwrap_or("")),
            r.meta.year.map(|y| y.to_string()).unwrap_or_default(),
            f.rule.to_string(),
            f.severity.name().to_string(),
            f.section.map(|x| x.to_string()).unwrap_or_default(),
            opt(f.line),
            opt(f.column),
            f.table.unwrap_or("").to_string(),
            csv_field(&f.cells.join(" ")),
            num(f.expected),
            num(f.actual),
            csv_field(&f.message),
        ];
        s.push_str(&fields.join(","));
        s.push_str("\r\n");
    }
    s
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

pub fn verdict_text(r: &CheckResult, en: bool) -> String {
    match (r.verdict, en) {
        (Verdict::Pass, false) => "可发布".into(),
        (Verdict::Warn, false) => format!("可发布（{}项提示）", r.counts.warning),
        (Verdict::Fail, false) => format!("需修改 {} 项", r.counts.error),
        (Verdict::Incomplete, false) => "无法完整判定".into(),
        (Verdict::Pass, true) => "Ready to publish".into(),
        (Verdict::Warn, true) => format!("Publishable ({} warnings)", r.counts.warning),
        (Verdict::Fail, true) => format!("Needs {} fixes", r.counts.error),
        (Verdict::Incomplete, true) => "Cannot be fully decided".into(),
    }
}

pub fn status_mark(s: Status) -> &'static str {
    match s {
        Status::Pass => "✓",
        Status::Fail => "✗",
        Status::Warn => "⚠",
        Status::Skip => "–",
    }
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

fn table_html(t: &TableOut, name: &str, findings: &[Finding], en: bool) -> String {
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
    let sides = identity_sides(findings, name);
    let mut s = String::from("<table class=\"grid\">");
    let mut last_cols: Vec<String> = Vec::new();
    for row in &t.rows {
        let cols: Vec<String> = if t.columns.is_empty() {
            crate::spec::active_blocks(crate::spec::Format::F2019)
                .iter()
                .chain(crate::spec::active_blocks(crate::spec::Format::F2021))
                .find(|b| {
                    Some(b.item) == row.block.as_deref() && b.rows.iter().any(|r| r.0 == row.key)
                })
                .map(|b| b.columns.iter().map(|c| c.1.to_string()).collect())
                .unwrap_or_default()
        } else {
            t.columns.iter().map(|c| c.label.clone()).collect()
        };
        if cols != last_cols {
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
            last_cols = cols.clone();
        }
        let line = row
            .line
            .map(|l| format!(" <span class=\"ln\">L{l}</span>"))
            .unwrap_or_default();
        s.push_str(&format!(
            "<tr><th class=\"rowlabel\">{}{}</th>",
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
            let guessed = c.read == crate::result::Read::Guessed && c.kind != Kind::Ambiguous;
            s.push_str(&format!(
                "<td class=\"{}{}\">{}{}</td>",
                cell_class(c.kind, c.value, &id, &sides),
                if guessed { " guessed" } else { "" },
                esc(&shown),
                if guessed { "<sup>?</sup>" } else { "" }
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
.ambiguous{background:#ffe8c2}.guessed{background:#fff3cd;font-style:italic}.lhs{outline:2px solid #0052cc}.rhs{outline:2px solid #c2185b}.missing{color:#a40000}.ln{color:#888;font-weight:normal;font-size:.8em}\
th.rowlabel{text-align:left;font-weight:normal;max-width:22em}th.caption{text-align:left;background:#f6f6f6}\
ol.findings li{margin:.3em 0}.sev-error{color:#a40000}.sev-warning{color:#7a5b00}\
@media print{body{margin:0;font-size:10pt}h2{break-after:avoid}table.grid{break-inside:auto}tr{break-inside:avoid}.verdict{border:1px solid #000}}";

/// A self-contained HTML report (no scripts, no external resources).
pub fn html(r: &CheckResult, en: bool) -> String {
    let t = |zh: &str, e: &str| if en { e.to_string() } else { zh.to_string() };
    let vclass = match r.verdict {
        Verdict::Fail => "fail",
        Verdict::Warn => "warn",
        Verdict::Pass => "pass",
        Verdict::Incomplete => "incomplete",
    };
    let mut s = String::new();
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
    s.push_str(&format!(
        "<p class=\"verdict {vclass}\">{}</p><p>{}</p>",
        esc(&verdict_text(r, en)),
        esc(&format!(
            "{} {} · {} {} · {} {}",
            t("错误", "errors"),
            r.counts.error,
            t("提示", "warnings"),
            r.counts.warning,
            t("信息", "info"),
            r.counts.info
        ))
    ));
    let checks = |s: &mut String, list: &[crate::result::Check]| {
        s.push_str("<ul class=\"checks\">");
        for c in list {
            let cls = match c.status {
                Status::Pass => "s-pass",
                Status::Fail => "s-fail",
                Status::Warn => "s-warn",
                Status::Skip => "s-skip",
            };
            s.push_str(&format!(
                "<li class=\"{cls}\">{} <b>{}</b> — {}</li>",
                status_mark(c.status),
                esc(rule_title(c.rule, en)),
                esc(if en { &c.detail_en } else { &c.detail })
            ));
        }
        s.push_str("</ul>");
    };
    s.push_str(&format!("<h2>{}</h2>", t("全文", "Document")));
    checks(&mut s, &r.document.checks);
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
        checks(&mut s, &sec.checks);
        let (table, name) = match sec.number {
            2 => (Some(&r.tables.active), "active"),
            3 => (Some(&r.tables.requests), "requests"),
            4 => (Some(&r.tables.appeals), "appeals"),
            _ => (None, ""),
        };
        if let Some(tb) = table {
            s.push_str(&table_html(tb, name, &r.findings, en));
        }
    }
    s.push_str(&format!(
        "<h2>{}（{}）</h2><ol class=\"findings\">",
        t("问题清单", "Findings"),
        r.findings.len()
    ));
    for f in &r.findings {
        let sev = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        };
        s.push_str(&format!(
            "<li class=\"sev-{sev}\">{} <code>{}</code> {}</li>",
            esc(&f
                .line
                .map(|l| format!("L{l}"))
                .unwrap_or_else(|| "—".into())),
            esc(f.rule),
            esc(if en { &f.message_en } else { &f.message })
        ));
    }
    s.push_str(&format!(
        "</ol><p class=\"ln\">nianbao {} · {} · sha256 {}</p></body></html>\n",
        esc(r.engine),
        esc(&r.input.name),
        esc(&r.input.sha256)
    ));
    s
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

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("=1+1"), "\"'=1+1\"");
        assert_eq!(csv_field("plain"), "plain");
    }
}
