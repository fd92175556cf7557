//! Rules as units: every finding on every seed, corpus file and fixture is of a registered rule
//! and has the rule's severity or one its file declares; each rule's page examples are tested
//! (the wrong one fires, the right one does not).

mod common;
use common::*;
use nianbao::result::{Finding, Severity};
use nianbao::rules::{RuleInfo, RULES};

/// Whether a finding's severity is one its rule declares. Two cases are the framework's, for
/// every rule: a finding resting on a cell that was inferred, not read (`inferred` lists it) is
/// at most a warning (`provenance::settle`), and the note on findings beyond the 200 listed
/// (此项还有N处未列出) is info.
fn declared(r: &RuleInfo, f: &Finding) -> bool {
    f.severity == r.severity
        || r.also.iter().any(|a| a.severity == f.severity)
        || (f.severity == Severity::Warning && !f.inferred.is_empty())
        || (f.severity == Severity::Info && f.message.starts_with("此项还有"))
}

#[test]
fn every_finding_is_of_a_registered_rule_with_a_declared_severity() {
    let mut bad = Vec::new();
    let mut n = 0;
    for (name, doc) in every_input() {
        let result = nianbao::check_document(&name, &doc);
        for f in &result.findings {
            n += 1;
            match RULES.iter().find(|r| r.name == f.rule) {
                None => bad.push(format!("{name}: {} is not registered", f.rule)),
                Some(r) if !declared(r, f) => bad.push(format!(
                    "{name}: {} {:?} (declared {:?}, also {:?}): {}",
                    f.rule,
                    f.severity,
                    r.severity,
                    r.also.iter().map(|a| a.severity).collect::<Vec<_>>(),
                    f.message
                )),
                Some(_) => {}
            }
        }
    }
    assert!(n > 100, "only {n} findings over every input");
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

// ---------------------------------------------------------------------------------------------
// The examples of every rule's page, run.
//
// An example is a snippet of a report, as a clerk would read it. The test puts it into a full,
// correct generated report (no finding at all; `base`) of the year its fence names (```text
// year=2020; 2023 by default), then checks the report: the wrong example must make its rule
// fire, the right one must not. How a snippet goes in:
// - With part headings (一、总体情况 …): each part it shows replaces that part of the base, and
//   parts of the base between two it shows are dropped (a missing or moved part); a part shown
//   with no body, or a line …… or （表格）, keeps the base's body there.
// - Without: a title line replaces the title, a date line the closing date, a table row the row
//   of the base with the same label (a block of rows replaces the base's rows from its first to
//   its last when at most one row lies between them: a row left out), other prose goes after
//   the title.
// - A line （2022年度报告） puts what follows into that year's report; with two, the last is checked
//   against the one before as last year's.
// - A line wholly in brackets that is not a row of the base (（没有第五部分……）) is a note for the
//   reader and is left out; a leading …… is dropped.

/// A correct report of `year` in the national format: checked, it has no finding.
fn base(year: i32) -> String {
    let format = nianbao::spec::Format::for_year(year);
    let n = result_rows(format);
    let mut results = vec![[0i64; 6]; n];
    results[0] = [4, 0, 0, 0, 0, 0];
    results[1] = [1, 1, 0, 0, 0, 0];
    let rows = consistent_requests(format, &results, [0; 6], [1, 0, 0, 0, 0, 0]);
    let appeals = [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    report(year, &rows, &appeals, Layout::Tab)
}

/// The part a heading line starts, if it is one.
fn part_heading(line: &str) -> Option<usize> {
    const KEYS: [&str; 6] = [
        "总体情况",
        "主动公开政府信息",
        "收到和处理",
        "行政复议",
        "存在的主要问题",
        "其他需要报告",
    ];
    if line.contains('\t') {
        return None;
    }
    let n = "一二三四五六".chars().position(|c| line.starts_with(c))?;
    (line.chars().nth(1) == Some('、') && line.contains(KEYS[n])).then_some(n + 1)
}

/// A row's label: its first cell that is not a number.
fn label(line: &str) -> Option<&str> {
    line.split('\t')
        .map(str::trim)
        .find(|c| !c.is_empty() && c.parse::<f64>().is_err() && *c != "/")
}

/// The base line a snippet's row stands for: the same label among its cells, or, for a row of
/// numbers only, a row of as many numbers and no label.
fn row_of(base: &[String], line: &str) -> Option<usize> {
    let cells = |l: &str| l.split('\t').count();
    match label(line) {
        Some(lab) => base.iter().position(|b| {
            b.split('\t')
                .map(str::trim)
                .any(|c| !c.is_empty() && (c == lab || c.starts_with(lab)))
        }),
        None => base
            .iter()
            .position(|b| b.contains('\t') && label(b).is_none() && cells(b) == cells(line)),
    }
}

fn placeholder(line: &str) -> bool {
    matches!(line.trim(), "……" | "（表格）" | "…")
}

fn is_date(line: &str) -> bool {
    let t = line.trim();
    t.ends_with('日') && t.contains('年') && t.contains('月') && t.chars().count() <= 12
}

fn note(base: &[String], line: &str) -> bool {
    let t = line.trim();
    let bracketed =
        (t.starts_with('（') && t.ends_with('）')) || (t.starts_with('(') && t.ends_with(')'));
    bracketed && !t.contains('\t') && !placeholder(t) && row_of(base, t).is_none()
}

/// The base report with the snippet put in (see above).
fn splice(base: &str, snippet: &str) -> String {
    let base: Vec<String> = base.lines().map(str::to_string).collect();
    let lines: Vec<String> = snippet
        .lines()
        .map(|l| match l.strip_prefix("……") {
            Some(rest) if !rest.trim().is_empty() => rest.to_string(),
            _ => l.to_string(),
        })
        .filter(|l| !note(&base, l))
        .collect();
    if lines.iter().any(|l| part_heading(l).is_some()) {
        by_parts(&base, &lines)
    } else {
        by_lines(base, &lines)
    }
}

fn by_parts(base: &[String], lines: &[String]) -> String {
    // The base's parts: (number, its lines from the heading on); what comes before is kept.
    let starts: Vec<(usize, usize)> = base
        .iter()
        .enumerate()
        .filter_map(|(i, l)| Some((part_heading(l)?, i)))
        .collect();
    let body = |n: usize| -> Vec<String> {
        let Some(k) = starts.iter().position(|&(p, _)| p == n) else {
            return Vec::new();
        };
        let end = starts.get(k + 1).map_or(base.len(), |&(_, i)| i);
        base[starts[k].1 + 1..end].to_vec()
    };
    let mut shown: Vec<(usize, Vec<String>)> = Vec::new();
    let mut before: Vec<String> = Vec::new();
    for l in lines {
        match (part_heading(l), shown.last_mut()) {
            (Some(n), _) => shown.push((n, vec![l.clone()])),
            (None, Some((_, v))) => v.push(l.clone()),
            (None, None) => before.push(l.clone()),
        }
    }
    let (first, last) = (shown[0].0, shown.iter().map(|s| s.0).max().unwrap_or(0));
    let mut out: Vec<String> = base[..starts[0].1].to_vec();
    out.splice(1..1, before);
    for &(n, i) in &starts {
        if n < first {
            let end = starts.iter().find(|s| s.1 > i).map_or(base.len(), |s| s.1);
            out.extend_from_slice(&base[i..end]);
        }
    }
    for (n, part) in &shown {
        out.push(part[0].clone());
        let rest = &part[1..];
        if rest.iter().all(|l| l.trim().is_empty()) {
            out.extend(body(*n));
        }
        for l in rest {
            if placeholder(l) {
                out.extend(body(*n));
            } else {
                out.push(l.clone());
            }
        }
    }
    for &(n, i) in &starts {
        if n > last {
            let end = starts.iter().find(|s| s.1 > i).map_or(base.len(), |s| s.1);
            out.extend_from_slice(&base[i..end]);
        }
    }
    out.join("\n") + "\n"
}

fn by_lines(mut base: Vec<String>, lines: &[String]) -> String {
    let mut prose = Vec::new();
    let mut rows: Vec<(usize, String)> = Vec::new();
    for l in lines
        .iter()
        .filter(|l| !placeholder(l) && !l.trim().is_empty())
    {
        if !l.contains('\t') && l.ends_with("年度报告") {
            base[0] = l.clone();
        } else if is_date(l) {
            if let Some(i) = base.iter().rposition(|b| is_date(b)) {
                base[i] = l.clone();
            }
        } else if base.iter().any(|b| b == l) {
            // A line the base has as it is (the agency's name above the date).
        } else if let Some(i) = row_of(&base, l) {
            rows.push((i, l.clone()));
        } else {
            prose.push(l.clone());
        }
    }
    if let (Some(a), Some(b)) = (
        rows.iter().map(|r| r.0).min(),
        rows.iter().map(|r| r.0).max(),
    ) {
        if b + 1 - a <= rows.len() + 1 && rows.len() > 1 {
            // A block: the base's rows from the first to the last are the snippet's.
            let new: Vec<String> = rows.iter().map(|r| r.1.clone()).collect();
            base.splice(a..=b, new);
        } else {
            for (i, l) in rows.iter().rev() {
                base[*i] = l.clone();
            }
        }
    }
    base.splice(1..1, prose);
    base.join("\n") + "\n"
}

/// A page section's fenced example and its fence's `year=` (2023 when it names none).
fn example(doc: &str, heading: &str) -> (i32, String) {
    let lines: Vec<&str> = doc
        .lines()
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect();
    let at = lines
        .iter()
        .position(|l| *l == heading)
        .unwrap_or_else(|| panic!("no {heading}"));
    let open = at
        + lines[at..]
            .iter()
            .position(|l| l.starts_with("```"))
            .unwrap();
    let close = open + 1 + lines[open + 1..].iter().position(|l| *l == "```").unwrap();
    let year = lines[open]
        .split_whitespace()
        .find_map(|w| w.strip_prefix("year="))
        .map_or(2023, |y| y.parse().unwrap());
    (year, lines[open + 1..close].join("\n"))
}

/// A snippet's parts by the report they belong to: a line （2022年度报告） starts the part of that
/// year's report; a snippet without one is all of `year`'s.
fn by_year(year: i32, snippet: &str) -> Vec<(i32, String)> {
    let mut out: Vec<(i32, String)> = Vec::new();
    for l in snippet.lines() {
        let marked = l
            .strip_prefix('（')
            .and_then(|r| r.strip_suffix("年度报告）"))
            .and_then(|y| y.parse::<i32>().ok());
        match (marked, out.last_mut()) {
            (Some(y), _) => out.push((y, String::new())),
            (None, Some((_, t))) => {
                t.push_str(l);
                t.push('\n');
            }
            (None, None) => out.push((year, format!("{l}\n"))),
        }
    }
    out
}

/// The example's report (this year's, when it names two) and its result, checked against last
/// year's report when the example has one.
fn run(year: i32, snippet: &str) -> (String, nianbao::CheckResult) {
    let parts = by_year(year, snippet);
    let doc = |(y, t): &(i32, String)| {
        let text = splice(&base(*y), t);
        (nianbao::document::Document::from_text(&text, "utf-8"), text)
    };
    let (this, text) = doc(parts.last().expect("an example"));
    let result = match parts.len() {
        1 => nianbao::check_document("example.txt", &this),
        _ => {
            let (prev, _) = doc(&parts[parts.len() - 2]);
            nianbao::check_with_previous("example.txt", &this, Some(("previous.txt", &prev)))
        }
    };
    (text, result)
}

/// Rules whose page examples are not run yet, and why. Each is a gap to close: the test fails
/// if one of them starts passing (take it off the list then).
const NOT_RUN: &[(&str, &str)] = &[(
    "text-repeated-between-units",
    "compares the reports of a batch (two units), not one report: src/similar.rs's tests and crates/nianbao-cli/tests/batch.rs",
)];

#[cfg(feature = "pages")]
#[test]
fn every_rules_wrong_example_fires_and_its_right_example_does_not() {
    let mut bad = Vec::new();
    for r in RULES {
        let mut problems = Vec::new();
        for (heading, want) in [("## 错误示例", true), ("## 正确示例", false)] {
            let (year, snippet) = example(r.doc, heading);
            let (text, result) = run(year, &snippet);
            let fired = result.findings.iter().any(|f| f.rule == r.name);
            if fired != want {
                let others: Vec<String> = result
                    .findings
                    .iter()
                    .map(|f| format!("  {}: {}", f.rule, f.message))
                    .collect();
                problems.push(format!(
                    "{heading} {}:\n{text}\nfindings:\n{}",
                    if want { "does not fire" } else { "fires" },
                    others.join("\n")
                ));
            }
        }
        let listed = NOT_RUN.iter().any(|(n, _)| *n == r.name);
        match (problems.is_empty(), listed) {
            (false, false) => bad.push(format!("{}:\n{}", r.name, problems.join("\n"))),
            (true, true) => bad.push(format!(
                "{}: its examples run now; take it off NOT_RUN",
                r.name
            )),
            _ => {}
        }
    }
    assert!(
        bad.is_empty(),
        "{}\n\n{} rule(s)",
        bad.join("\n\n"),
        bad.len()
    );
}
