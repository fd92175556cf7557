//! The batch at a glance: charts of the roll-up drawn as SVG (verdicts by count, each rate's
//! spread across the units against its red and yellow lines, an agency's trend over its years),
//! and the printable batch report (HTML, self-contained) that holds them with the counts per
//! verdict and per rule and the roll-up table. Pure string building: the page shows the same
//! charts (a click on a bar or a point filters its roll-up: each mark carries `data-filter`,
//! `verdict:fail` or `unit:3`) and the command line writes the same report (`--report`).

use crate::export::{esc, verdict_label, verdict_rank, SummaryRow, ROLLUP_RATES};
use crate::pairing::Agency;
use crate::result::{CheckResult, Name, Severity, Verdict};
use crate::Options;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;

/// A unit as the charts take it: its id (the page's row index, the command line's input
/// order; what `unit:` filters name) and its roll-up row.
pub type Unit<'a> = (usize, &'a SummaryRow);

/// The verdicts in the roll-up's order (failing first; None: unreadable).
pub const VERDICTS: [Option<Verdict>; 5] = [
    Some(Verdict::Fail),
    Some(Verdict::Incomplete),
    Some(Verdict::Warn),
    Some(Verdict::Pass),
    None,
];

/// A verdict's key, as the page's verdict filter and the report's classes name it.
pub fn verdict_key(v: Option<Verdict>) -> &'static str {
    match v {
        None => "unreadable",
        Some(Verdict::Fail) => "fail",
        Some(Verdict::Incomplete) => "incomplete",
        Some(Verdict::Warn) => "warn",
        Some(Verdict::Pass) => "pass",
    }
}

fn colour(v: Option<Verdict>) -> &'static str {
    match v {
        None => "#6b6b6b",
        Some(Verdict::Fail) => "#b3261e",
        Some(Verdict::Incomplete) => "#8a5a00",
        Some(Verdict::Warn) => "#c99400",
        Some(Verdict::Pass) => "#2e7d32",
    }
}

/// The charts' width (viewBox units; they scale to their box).
pub const WIDTH: f64 = 360.0;
/// Where the verdict bars start and how long the longest is.
pub const BAR_X: f64 = 132.0;
pub const BAR_MAX: f64 = 170.0;
const BAR_STEP: f64 = 26.0;
/// The rate axis: 0% at `X0`, 100% at `X1`.
pub const X0: f64 = 24.0;
pub const X1: f64 = 336.0;
/// Dots of a rate chart stack upward in columns this wide, at most [`STACK`] high.
const COLUMN: f64 = 6.0;
const STACK: usize = 16;
/// A rate chart with more dots than this leaves them out of the tab order (a keyboard user
/// would otherwise pass hundreds of dots to reach the table, which sorts by the rate anyway);
/// they still filter on a click.
pub const MAX_FOCUSABLE_DOTS: usize = 60;

/// How many units have each verdict, in [`VERDICTS`]' order.
pub fn verdict_counts(units: &[Unit]) -> [usize; 5] {
    let mut c = [0; 5];
    for (_, r) in units {
        c[verdict_rank_index(r.verdict)] += 1;
    }
    c
}

fn verdict_rank_index(v: Option<Verdict>) -> usize {
    VERDICTS.iter().position(|x| *x == v).unwrap_or(4)
}

/// A bar's length for `count` when the longest bar is `max`.
pub fn bar_width(count: usize, max: usize) -> f64 {
    if max == 0 {
        0.0
    } else {
        BAR_MAX * count as f64 / max as f64
    }
}

/// Where a rate (0–1, clamped) sits on the rate axis.
pub fn rate_x(v: f64) -> f64 {
    X0 + v.clamp(0.0, 1.0) * (X1 - X0)
}

fn pct(v: f64) -> String {
    let s = format!("{:.1}", v * 100.0);
    format!("{}%", s.strip_suffix(".0").unwrap_or(&s))
}

fn svg_open(out: &mut String, height: f64, label: &str) {
    let _ = write!(
        out,
        r#"<svg class="chart" viewBox="0 0 {WIDTH} {height}" width="100%" role="group" aria-label="{}" xmlns="http://www.w3.org/2000/svg">"#,
        esc(label)
    );
}

/// Verdicts by count: a bar per verdict in its colour, the count written; each bar a button
/// (`data-filter="verdict:…"`) labelled with its number.
pub fn verdict_svg(units: &[Unit], en: bool) -> String {
    let counts = verdict_counts(units);
    let max = counts.iter().copied().max().unwrap_or(0);
    let mut s = String::new();
    let title = if en { "Verdicts" } else { "检查结论" };
    svg_open(&mut s, BAR_STEP * 5.0 + 4.0, title);
    for (i, (v, n)) in VERDICTS.iter().zip(counts).enumerate() {
        let y = 4.0 + BAR_STEP * i as f64;
        let label = verdict_label(*v, en);
        let w = bar_width(n, max);
        let aria = format!("{label}: {n}");
        let _ = write!(
            s,
            r#"<g class="bar" data-filter="verdict:{key}" data-verdict="{key}" data-count="{n}" tabindex="0" role="button" aria-label="{aria}"><title>{aria}</title><rect class="hit" x="0" y="{y}" width="{WIDTH}" height="{h}" fill="transparent"/><text x="{tx}" y="{ty}" text-anchor="end" font-size="12">{label}</text><rect x="{BAR_X}" y="{y}" width="{w:.1}" height="{h}" fill="{fill}" rx="2"/><text class="n" x="{nx:.1}" y="{ty}" font-size="12">{n}</text></g>"#,
            key = verdict_key(*v),
            aria = esc(&aria),
            h = BAR_STEP - 8.0,
            tx = BAR_X - 6.0,
            ty = y + 13.5,
            label = esc(label),
            fill = colour(*v),
            nx = BAR_X + w + 5.0,
        );
    }
    s.push_str("</svg>");
    s
}

/// A rate's dot: where it sits (x, and its place in its column's stack).
struct Dot<'a> {
    id: usize,
    row: &'a SummaryRow,
    value: f64,
    flag: Option<Name>,
    inferred: bool,
}

/// A rate's spread across the units: a dot per unit with the rate (stacked where they
/// meet), its red and yellow lines drawn and labelled (from [`crate::rates::lines`]); each dot
/// a button (`data-filter="unit:…"`) labelled with the unit and the value.
pub fn rate_svg(units: &[Unit], key: &str, o: &Options, en: bool) -> String {
    let (zh_name, en_name) = ROLLUP_RATES
        .iter()
        .find(|r| r.0 == key)
        .map_or((key, key), |r| (r.1, r.2));
    let name = if en { en_name } else { zh_name };
    let dots: Vec<Dot> = units
        .iter()
        .filter_map(|&(id, row)| {
            let c = row.rate(key)?;
            Some(Dot {
                id,
                row,
                value: c.value?,
                flag: c.flag,
                inferred: c.inferred,
            })
        })
        .collect();
    let mut heights: HashMap<i64, usize> = HashMap::new();
    let placed: Vec<(f64, usize, &Dot)> = dots
        .iter()
        .map(|d| {
            let x = rate_x(d.value);
            let col = ((x - X0) / COLUMN).round() as i64;
            let h = heights.entry(col).or_default();
            let level = (*h).min(STACK - 1);
            *h += 1;
            (X0 + col as f64 * COLUMN, level, d)
        })
        .collect();
    let levels = heights.values().copied().max().unwrap_or(0).clamp(1, STACK);
    let base = 34.0 + COLUMN * levels as f64;
    let height = base + 22.0;
    let mut s = String::new();
    svg_open(&mut s, height, name);
    axis(&mut s, base, en);
    if let Some((red, yellow, low_bad)) = crate::rates::lines(key, o) {
        line(
            &mut s,
            red,
            "red",
            if en { "red" } else { "红线" },
            12.0,
            base,
        );
        line(
            &mut s,
            yellow,
            "yellow",
            if en { "yellow" } else { "黄线" },
            24.0,
            base,
        );
        let _ = low_bad;
    }
    let focus = if dots.len() <= MAX_FOCUSABLE_DOTS {
        r#" tabindex="0" role="button""#
    } else {
        ""
    };
    for (x, level, d) in placed {
        let cy = base - 4.0 - COLUMN * level as f64;
        let approx = if d.inferred { "≈" } else { "" };
        let aria = format!("{}: {name} {approx}{}", d.row.file, pct(d.value));
        let fill = match (d.flag, d.inferred) {
            (_, true) => "#fff",
            (Some("red"), _) => "#b3261e",
            (Some("yellow"), _) => "#c99400",
            _ => "#1f5fa8",
        };
        let _ = write!(
            s,
            r##"<circle class="pt" cx="{x:.1}" cy="{cy:.1}" r="2.8" fill="{fill}" stroke="#1f3550" stroke-width="0.6" data-filter="unit:{id}" data-value="{v}"{focus} aria-label="{aria}"><title>{aria}</title></circle>"##,
            id = d.id,
            v = d.value,
            aria = esc(&aria),
        );
    }
    if dots.is_empty() {
        let none = if en {
            "no unit has this rate"
        } else {
            "没有单位可算出此比率"
        };
        let _ = write!(
            s,
            r##"<text x="{}" y="{}" text-anchor="middle" font-size="11" fill="#555">{none}</text>"##,
            WIDTH / 2.0,
            base - 8.0
        );
    }
    s.push_str("</svg>");
    s
}

/// The rate axis at `base`: 0, 25, 50, 75, 100%.
fn axis(s: &mut String, base: f64, en: bool) {
    let _ = write!(
        s,
        r##"<line x1="{X0}" y1="{base}" x2="{X1}" y2="{base}" stroke="#444" stroke-width="1"/>"##
    );
    for i in 0..=4 {
        let v = i as f64 / 4.0;
        let x = rate_x(v);
        let _ = write!(
            s,
            r##"<line x1="{x}" y1="{base}" x2="{x}" y2="{}" stroke="#444"/><text x="{x}" y="{}" text-anchor="middle" font-size="10" fill="#333">{}</text>"##,
            base + 4.0,
            base + 15.0,
            pct(v)
        );
    }
    let _ = en;
}

/// A threshold line at `v`, labelled (`label 15%`) at height `ty`.
fn line(s: &mut String, v: f64, kind: &str, label: &str, ty: f64, base: f64) {
    let x = rate_x(v);
    let stroke = if kind == "red" { "#b3261e" } else { "#c99400" };
    let anchor = if x > WIDTH - 70.0 { "end" } else { "start" };
    let _ = write!(
        s,
        r#"<g class="threshold" data-line="{kind}" data-value="{v}"><line x1="{x:.1}" y1="{y1}" x2="{x:.1}" y2="{base}" stroke="{stroke}" stroke-width="1.2" stroke-dasharray="4 2"/><text x="{tx:.1}" y="{ty}" text-anchor="{anchor}" font-size="10" fill="{stroke}">{label} {p}</text></g>"#,
        y1 = ty - 8.0,
        tx = if anchor == "end" { x - 2.0 } else { x + 2.0 },
        p = pct(v),
    );
}

/// The agencies with reports of several years in the batch ([`Agency::same`]), each with its
/// units by year (a year with several reports keeps them all); in the order first seen.
pub fn trend_groups<'a>(units: &[Unit<'a>]) -> Vec<Vec<Unit<'a>>> {
    // By innermost place and body (as pairing buckets them), then one group per agency.
    type Groups<'a> = Vec<(Agency, Vec<Unit<'a>>)>;
    let mut buckets: HashMap<(String, String), Groups<'a>> = HashMap::new();
    let mut order: Vec<((String, String), usize)> = Vec::new();
    for &(id, row) in units {
        let Some(a) = row.agency.as_deref().and_then(Agency::parse) else {
            continue;
        };
        if row.year.is_none() {
            continue;
        }
        let key = (a.places.last().cloned().unwrap_or_default(), a.body.clone());
        let groups = buckets.entry(key.clone()).or_default();
        if let Some(g) = groups.iter_mut().find(|g| g.0.same(&a)) {
            g.1.push((id, row));
        } else {
            order.push((key, groups.len()));
            groups.push((a, vec![(id, row)]));
        }
    }
    order
        .into_iter()
        .filter_map(|(key, i)| {
            let mut g = buckets.get(&key)?.get(i)?.1.clone();
            g.sort_by_key(|u| (u.1.year, u.0));
            let years: std::collections::BTreeSet<_> = g.iter().map(|u| u.1.year).collect();
            (years.len() > 1).then_some(g)
        })
        .collect()
}

/// The colours of the three rates in a trend.
const TREND_COLOURS: [&str; 3] = ["#1f5fa8", "#b3261e", "#6a3d9a"];

/// An agency's trend: its rates by year (a line each, the points buttons filtering to that
/// year's unit) over its error counts by year (bars, the count written).
pub fn trend_svg(group: &[Unit], en: bool) -> String {
    let first = group.first().and_then(|u| u.1.year).unwrap_or(0);
    let last = group.last().and_then(|u| u.1.year).unwrap_or(first);
    let span = (last - first).max(1) as f64;
    let x = |y: Option<i32>| 44.0 + (y.unwrap_or(first) - first) as f64 / span * (WIDTH - 88.0);
    let (top, rate_h, err_base) = (22.0, 80.0, 160.0);
    let ry = |v: f64| top + rate_h - v.clamp(0.0, 1.0) * rate_h;
    let agency = group
        .first()
        .and_then(|u| u.1.agency.clone())
        .unwrap_or_default();
    let mut s = String::new();
    svg_open(&mut s, 182.0, &agency);
    for v in [0.0, 0.5, 1.0] {
        let _ = write!(
            s,
            r##"<line x1="40" y1="{y}" x2="{x2}" y2="{y}" stroke="#ddd"/><text x="36" y="{ty}" text-anchor="end" font-size="9" fill="#555">{p}</text>"##,
            y = ry(v),
            x2 = WIDTH - 40.0,
            ty = ry(v) + 3.0,
            p = pct(v)
        );
    }
    for (k, ((key, zh, en_name), c)) in ROLLUP_RATES.iter().zip(TREND_COLOURS).enumerate() {
        let name = if en { *en_name } else { *zh };
        let pts: Vec<(f64, f64, &Unit)> = group
            .iter()
            .filter_map(|u| Some((x(u.1.year), u.1.rate(key)?.value?, u)))
            .collect();
        let path: Vec<String> = pts
            .iter()
            .map(|(px, v, _)| format!("{px:.1},{:.1}", ry(*v)))
            .collect();
        let _ = write!(
            s,
            r##"<polyline points="{}" fill="none" stroke="{c}" stroke-width="1.5"/><text x="{lx}" y="12" font-size="10" fill="{c}">● {name}</text>"##,
            path.join(" "),
            lx = 8.0 + 118.0 * k as f64,
        );
        for (px, v, u) in pts {
            let aria = format!("{} {}: {name} {}", u.1.file, year(u.1.year), pct(v));
            let _ = write!(
                s,
                r#"<circle class="pt" cx="{px:.1}" cy="{cy:.1}" r="3.2" fill="{c}" data-filter="unit:{id}" data-value="{v}" tabindex="0" role="button" aria-label="{aria}"><title>{aria}</title></circle>"#,
                cy = ry(v),
                id = u.0,
                aria = esc(&aria),
            );
        }
    }
    errors_bars(&mut s, group, &x, err_base, en);
    s.push_str("</svg>");
    s
}

fn year(y: Option<i32>) -> String {
    y.map_or_else(|| "—".into(), |y| y.to_string())
}

/// A trend's error counts: a bar per unit at its year, the count written above, the year
/// below.
fn errors_bars(
    s: &mut String,
    group: &[Unit],
    x: &dyn Fn(Option<i32>) -> f64,
    base: f64,
    en: bool,
) {
    let max = group.iter().map(|u| u.1.errors).max().unwrap_or(0).max(1);
    let _ = write!(
        s,
        r##"<text x="4" y="{}" font-size="9" fill="#555">{}</text>"##,
        base - 38.0,
        if en { "errors" } else { "错误数" }
    );
    let mut seen: HashMap<Option<i32>, usize> = HashMap::new();
    for &(id, row) in group {
        let n = seen.entry(row.year).or_default();
        let bx = x(row.year) - 8.0 + 10.0 * *n as f64;
        // A year with several reports: their bars side by side, the year written once.
        let yr = if *n == 0 {
            year(row.year)
        } else {
            String::new()
        };
        *n += 1;
        let h = 30.0 * row.errors as f64 / max as f64;
        let aria = format!(
            "{} {}: {} {}",
            row.file,
            year(row.year),
            if en { "errors" } else { "错误" },
            row.errors
        );
        let _ = write!(
            s,
            r##"<g class="err" data-filter="unit:{id}" data-count="{e}" tabindex="0" role="button" aria-label="{aria}"><title>{aria}</title><rect x="{bx:.1}" y="{y:.1}" width="9" height="{h:.1}" fill="{fill}"/><text x="{tx:.1}" y="{ny:.1}" text-anchor="middle" font-size="9">{e}</text><text x="{tx:.1}" y="{yy}" text-anchor="middle" font-size="10" fill="#333">{yr}</text></g>"##,
            e = row.errors,
            aria = esc(&aria),
            y = base - h,
            fill = colour(row.verdict),
            tx = bx + 4.5,
            ny = base - h - 2.0,
            yy = base + 14.0,
        );
    }
}

/// Most agencies' trends drawn (the first ones seen); the rest are counted.
pub const MAX_TRENDS: usize = 12;

/// Every chart of the batch, as figures with their headings (the page's charts and the
/// report's).
pub fn charts_html(units: &[Unit], o: &Options, en: bool) -> String {
    let t = |zh: &'static str, e: &'static str| if en { e } else { zh };
    let mut s = String::from(r#"<div class="charts">"#);
    let _ = write!(
        s,
        r#"<figure class="chart-box" id="chart-verdicts"><figcaption>{}</figcaption>{}</figure>"#,
        t("各结论的报告数", "Reports by verdict"),
        verdict_svg(units, en)
    );
    for (key, zh, e) in ROLLUP_RATES {
        let _ = write!(
            s,
            r#"<figure class="chart-box" id="chart-rate-{key}" data-rate="{key}"><figcaption>{}{}</figcaption>{}</figure>"#,
            if en { e } else { zh },
            t("：各单位的分布", " across the units"),
            rate_svg(units, key, o, en)
        );
    }
    let groups = trend_groups(units);
    for g in groups.iter().take(MAX_TRENDS) {
        let agency = g
            .first()
            .and_then(|u| u.1.agency.clone())
            .unwrap_or_default();
        let _ = write!(
            s,
            r#"<figure class="chart-box trend" data-agency="{a}"><figcaption>{a}{}</figcaption>{}</figure>"#,
            t("：历年比率与错误数", ": rates and errors by year"),
            trend_svg(g, en),
            a = esc(&agency),
        );
    }
    if groups.len() > MAX_TRENDS {
        let _ = write!(
            s,
            r#"<p class="chart-more">{} {} {}</p>"#,
            t("另有", "and"),
            groups.len() - MAX_TRENDS,
            t(
                "个单位有多个年度的报告，未画出",
                "more agencies with several years, not drawn"
            )
        );
    }
    s.push_str("</div>");
    s
}

/// Per rule: how many reports it failed (an error) and warned (a warning only), the findings
/// the user dismissed left out.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct RuleTally {
    pub rules: BTreeMap<Name, (usize, usize)>,
}

/// A report's rules: each rule with a finding left, and whether one of them is an error.
pub fn rule_hits(r: &CheckResult) -> Vec<(Name, bool)> {
    let mut out: Vec<(Name, bool)> = Vec::new();
    for f in r.findings.iter().filter(|f| f.dismissed.is_none()) {
        let error = f.severity == Severity::Error;
        if !error && f.severity != Severity::Warning {
            continue;
        }
        match out.iter_mut().find(|x| x.0 == f.rule) {
            Some(x) => x.1 |= error,
            None => out.push((f.rule, error)),
        }
    }
    out
}

impl RuleTally {
    /// Counts one report's rules ([`rule_hits`]).
    pub fn add(&mut self, hits: &[(Name, bool)]) {
        for &(rule, error) in hits {
            let e = self.rules.entry(rule).or_default();
            if error {
                e.0 += 1;
            } else {
                e.1 += 1;
            }
        }
    }

    /// The rules, those failing most reports first (then warning most, then by name).
    pub fn ranked(&self) -> Vec<(Name, usize, usize)> {
        let mut v: Vec<(Name, usize, usize)> =
            self.rules.iter().map(|(k, (e, w))| (*k, *e, *w)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(b.0)));
        v
    }
}

const STYLE: &str = "body{font-family:system-ui,'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:24px;color:#1b1b1b;max-width:1100px}h1{font-size:22px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ccc}table{border-collapse:collapse;font-size:12px;width:100%}th,td{border:1px solid #bbb;padding:3px 6px;text-align:left;vertical-align:top}td.n{text-align:right;font-variant-numeric:tabular-nums}.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:12px}.chart-box{margin:0;border:1px solid #ddd;border-radius:6px;padding:8px;break-inside:avoid}.chart-box figcaption{font-weight:600;font-size:13px;margin-bottom:4px}.chart{display:block;width:100%;height:auto}.flag-red{color:#b3261e;font-weight:600}.flag-yellow{color:#8a5a00;font-weight:600}tr.v-fail td.v,tr.v-unreadable td.v{color:#b3261e;font-weight:600}@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}.chart-box{border-color:#999}}";

/// The printable batch report: counts per verdict, the charts, the rules failing most, and
/// the roll-up table (failing first, as the roll-up CSV), in Chinese or English. The same
/// inputs give the same file (no date, nothing from the machine).
pub fn batch_html(units: &[Unit], tally: &RuleTally, o: &Options, en: bool) -> String {
    let t = |zh: &'static str, e: &'static str| if en { e } else { zh };
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<!DOCTYPE html><html lang="{}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>{title}</title><style>{STYLE}</style></head><body><h1>{title}</h1><p class="total">{} {} {}</p>"#,
        t("zh-CN", "en"),
        t("共", "In all"),
        units.len(),
        t("份报告", "reports"),
        title = t(
            "政府信息公开工作年度报告 批量检查报告",
            "Annual disclosure reports: batch report"
        ),
    );
    let _ = write!(
        s,
        r#"<h2>{}</h2><table class="verdict-counts"><thead><tr><th>{}</th><th>{}</th></tr></thead><tbody>"#,
        t("结论统计", "Verdicts"),
        t("结论", "Verdict"),
        t("报告数", "Reports")
    );
    for (v, n) in VERDICTS.iter().zip(verdict_counts(units)) {
        let _ = write!(
            s,
            r#"<tr class="v-{k}" data-verdict="{k}"><td class="v">{}</td><td class="n">{n}</td></tr>"#,
            verdict_label(*v, en),
            k = verdict_key(*v)
        );
    }
    let _ = write!(s, "</tbody></table><h2>{}</h2>", t("图表", "Charts"));
    s.push_str(&charts_html(units, o, en));
    rules_table(&mut s, tally, en);
    rollup_table(&mut s, units, en);
    s.push_str("</body></html>\n");
    s
}

fn rules_table(s: &mut String, tally: &RuleTally, en: bool) {
    let t = |zh: &'static str, e: &'static str| if en { e } else { zh };
    let _ = write!(
        s,
        r#"<h2>{}</h2><table class="rule-counts"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>"#,
        t("各规则的问题报告数", "Reports per rule"),
        t("规则", "Rule"),
        t("说明", "Title"),
        t("有错误的报告", "Reports with errors"),
        t("仅有提示的报告", "Reports with warnings only")
    );
    let ranked = tally.ranked();
    for (rule, e, w) in &ranked {
        let _ = write!(
            s,
            r#"<tr data-rule="{rule}"><td>{rule}</td><td>{}</td><td class="n">{e}</td><td class="n">{w}</td></tr>"#,
            esc(crate::export::rule_title(rule, en))
        );
    }
    if ranked.is_empty() {
        let _ = write!(
            s,
            r#"<tr><td colspan="4">{}</td></tr>"#,
            t("没有发现问题", "No problems found")
        );
    }
    s.push_str("</tbody></table>");
}

fn rollup_table(s: &mut String, units: &[Unit], en: bool) {
    let t = |zh: &'static str, e: &'static str| if en { e } else { zh };
    let _ = write!(
        s,
        r#"<h2>{}</h2><table class="rollup"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th>"#,
        t("汇总表", "Roll-up"),
        t("结论", "Verdict"),
        t("文件", "File"),
        t("单位", "Agency"),
        t("年度", "Year"),
        t("错误", "Errors"),
        t("提示", "Warnings"),
        t("主要问题", "Main problems"),
    );
    for (_, zh, e) in ROLLUP_RATES {
        let _ = write!(s, "<th>{}</th>", if en { e } else { zh });
    }
    s.push_str("</tr></thead><tbody>");
    let mut order: Vec<&Unit> = units.iter().collect();
    order.sort_by(|a, b| {
        verdict_rank(a.1.verdict)
            .cmp(&verdict_rank(b.1.verdict))
            .then_with(|| a.1.file.cmp(&b.1.file))
    });
    for (id, r) in order {
        let _ = write!(
            s,
            r#"<tr class="v-{k}" data-verdict="{k}" data-unit="{id}"><td class="v">{}</td><td>{}</td><td>{}</td><td>{}</td>"#,
            verdict_label(r.verdict, en),
            esc(&r.file),
            esc(r.agency.as_deref().unwrap_or("—")),
            year(r.year),
            k = verdict_key(r.verdict),
        );
        if r.verdict.is_none() {
            let why = if en {
                r.reason_en.as_ref().or(r.reason.as_ref())
            } else {
                r.reason.as_ref()
            };
            let _ = write!(
                s,
                r#"<td colspan="{}">{}</td></tr>"#,
                3 + ROLLUP_RATES.len(),
                esc(why.map_or("", String::as_str))
            );
            continue;
        }
        let _ = write!(
            s,
            r#"<td class="n">{}</td><td class="n">{}</td><td>{}</td>"#,
            r.errors,
            r.warnings,
            esc(&crate::export::problems_text(&r.problems, en))
        );
        for (key, _, _) in ROLLUP_RATES {
            let c = r.rate(key);
            let flag = c
                .and_then(|c| c.flag)
                .map(|f| format!(" flag-{f}"))
                .unwrap_or_default();
            let approx = if c.is_some_and(|c| c.inferred) {
                "≈"
            } else {
                ""
            };
            let v = c
                .and_then(|c| c.value)
                .map_or_else(|| "—".into(), |v| format!("{approx}{}", pct(v)));
            let _ = write!(s, r#"<td class="n{flag}" data-rate="{key}">{v}</td>"#);
        }
        s.push_str("</tr>");
    }
    s.push_str("</tbody></table>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::RateCell;

    fn unit(
        file: &str,
        v: Option<Verdict>,
        agency: &str,
        year: i32,
        rates: [Option<f64>; 3],
    ) -> SummaryRow {
        let mut r = SummaryRow::unreadable(file, "x");
        r.reason = None;
        r.verdict = v;
        r.agency = Some(agency.into());
        r.year = Some(year);
        r.errors = usize::from(v == Some(Verdict::Fail)) * 2;
        r.rates = ROLLUP_RATES
            .iter()
            .zip(rates)
            .map(|((key, _, _), value)| RateCell {
                key,
                value,
                flag: None,
                inferred: false,
            })
            .collect();
        r
    }

    fn rows() -> Vec<SummaryRow> {
        vec![
            unit(
                "a.docx",
                Some(Verdict::Fail),
                "洪泽区人民政府",
                2023,
                [Some(0.9), Some(0.2), None],
            ),
            unit(
                "b.docx",
                Some(Verdict::Fail),
                "淮安市洪泽区人民政府",
                2024,
                [Some(0.5), Some(0.0), None],
            ),
            unit(
                "c.pdf",
                Some(Verdict::Pass),
                "固原市卫生健康委员会",
                2024,
                [Some(0.3), None, None],
            ),
            SummaryRow::unreadable("d.doc", "无法读取"),
        ]
    }

    fn units(rows: &[SummaryRow]) -> Vec<Unit<'_>> {
        rows.iter().enumerate().collect()
    }

    /// Every occurrence of `attr="…"` in `s`, in order.
    fn attrs<'a>(s: &'a str, attr: &str) -> Vec<&'a str> {
        let pat = format!("{attr}=\"");
        s.match_indices(&pat)
            .map(|(i, _)| {
                let rest = &s[i + pat.len()..];
                &rest[..rest.find('"').unwrap_or(0)]
            })
            .collect()
    }

    /// Every `data-NAME="…"` in `s`, in order.
    fn data<'a>(s: &'a str, name: &str) -> Vec<&'a str> {
        attrs(s, &format!("data-{name}"))
    }

    #[test]
    fn verdict_bars_count_and_scale() {
        let rows = rows();
        let svg = verdict_svg(&units(&rows), false);
        assert_eq!(
            data(&svg, "verdict"),
            ["fail", "incomplete", "warn", "pass", "unreadable"]
        );
        assert_eq!(data(&svg, "count"), ["2", "0", "0", "1", "1"]);
        assert!(svg.contains(r#"aria-label="需修改: 2""#), "{svg}");
        // The longest bar is the largest count; the others in proportion.
        let widths: Vec<&str> = attrs(&svg, "width")
            .into_iter()
            .filter(|w| *w != "100%" && *w != "360")
            .collect();
        assert_eq!(widths, ["170.0", "0.0", "0.0", "85.0", "85.0"]);
        let en = verdict_svg(&units(&rows), true);
        let label = format!(
            "aria-label=\"{}: 2\"",
            verdict_label(Some(Verdict::Fail), true)
        );
        assert!(en.contains(&label), "{en}");
        assert_eq!(bar_width(0, 0), 0.0);
    }

    #[test]
    fn rate_points_and_lines_sit_where_the_values_are() {
        let rows = rows();
        let o = Options::default();
        let svg = rate_svg(&units(&rows), "substantive_disclosure", &o, false);
        // Three units have the rate, each a button filtering to it.
        assert_eq!(data(&svg, "filter"), ["unit:0", "unit:1", "unit:2"]);
        assert_eq!(data(&svg, "value"), ["0.4", "0.45", "0.9", "0.5", "0.3"]);
        // 90% sits at 0.9 of the axis (snapped to its 6-unit column); the lines exactly.
        assert_eq!(rate_x(0.9), X0 + 0.9 * (X1 - X0));
        let cx = attrs(&svg, "cx");
        let first: f64 = cx[0].parse().unwrap();
        assert!((first - rate_x(0.9)).abs() <= COLUMN / 2.0, "{first}");
        let red = format!("x1=\"{:.1}\"", rate_x(o.disclosure_red));
        assert!(svg.contains(&red), "{svg}");
        assert!(
            svg.contains("红线 40%") && svg.contains("黄线 45%"),
            "{svg}"
        );
        assert!(
            svg.contains(r#"aria-label="a.docx: 实质公开率 90%""#),
            "{svg}"
        );
        let en = rate_svg(&units(&rows), "review_corrected", &o, true);
        assert!(en.contains("red 15%") && en.contains("yellow 10%"), "{en}");
        assert_eq!(data(&en, "filter"), ["unit:0", "unit:1"]);
        // A rate no unit has says so.
        let none = rate_svg(&units(&rows), "suit_corrected", &o, false);
        assert!(
            none.contains("没有单位可算出此比率") && !none.contains("data-filter"),
            "{none}"
        );
    }

    #[test]
    fn many_dots_stay_out_of_the_tab_order() {
        let o = Options::default();
        let few: Vec<SummaryRow> = (0..MAX_FOCUSABLE_DOTS)
            .map(|i| {
                unit(
                    &format!("{i}.txt"),
                    Some(Verdict::Pass),
                    "x局",
                    2024,
                    [Some(0.5), None, None],
                )
            })
            .collect();
        let svg = rate_svg(&units(&few), "substantive_disclosure", &o, false);
        assert_eq!(svg.matches(r#"tabindex="0""#).count(), MAX_FOCUSABLE_DOTS);
        let mut many = few.clone();
        many.push(few[0].clone());
        let svg = rate_svg(&units(&many), "substantive_disclosure", &o, false);
        assert_eq!(svg.matches("<circle").count(), MAX_FOCUSABLE_DOTS + 1);
        assert!(
            !svg.contains("tabindex")
                && svg.matches("data-filter").count() == MAX_FOCUSABLE_DOTS + 1
        );
    }

    #[test]
    fn an_agency_with_two_years_has_a_trend() {
        let rows = rows();
        let u = units(&rows);
        let groups = trend_groups(&u);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].iter().map(|u| u.0).collect::<Vec<_>>(), [0, 1]);
        let svg = trend_svg(&groups[0], false);
        assert!(svg.contains(r#"data-filter="unit:0""#) && svg.contains(r#"data-filter="unit:1""#));
        assert!(svg.contains(">2023<") && svg.contains(">2024<"), "{svg}");
        assert_eq!(data(&svg, "count"), ["2", "2"]);
    }

    #[test]
    fn the_report_holds_counts_rules_charts_and_rows() {
        let rows = rows();
        let mut tally = RuleTally::default();
        tally.add(&[("requests-balance", true), ("text-repeated", false)]);
        tally.add(&[("requests-balance", true)]);
        let html = batch_html(&units(&rows), &tally, &Options::default(), false);
        assert!(html.starts_with("<!DOCTYPE html>") && html.contains("@media print"));
        assert_eq!(
            html.matches("<svg").count(),
            5,
            "verdicts, three rates, one trend"
        );
        assert!(html.contains(r#"<tr class="v-fail" data-verdict="fail"><td class="v">需修改</td><td class="n">2</td></tr>"#), "{html}");
        assert_eq!(data(&html, "rule"), ["requests-balance", "text-repeated"]);
        assert!(html.contains(r#"<td class="n">2</td><td class="n">0</td>"#));
        // The roll-up's rows: failing first (unreadable, fail …, pass).
        assert_eq!(data(&html, "unit"), ["3", "0", "1", "2"]);
        assert_eq!(
            html,
            batch_html(&units(&rows), &tally, &Options::default(), false)
        );
    }
}
