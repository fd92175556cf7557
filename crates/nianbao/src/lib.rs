//! nianbao: checks Chinese government information-disclosure annual reports
//! (政府信息公开工作年度报告). Text in, result out; no I/O, no web dependency.
//!
//! ```
//! let r = nianbao::check("report.txt", "某某局2021年政府信息公开工作年度报告\n一、总体情况\n…");
//! assert_eq!(r.sections.len(), 6);
//! ```
//!
//! The pipeline: [`normalize`] the text, find the parts ([`sections`]), read the tables
//! ([`tables`], with [`placement`] deciding where numbers go), run the [`rules`], and build the
//! [`result`].

pub mod batchreport;
pub mod dataset;
pub mod document;
pub mod export;
pub mod gridcols;
pub mod grids;
pub mod header;
pub mod issues;
pub mod layout;
pub mod normalize;
pub mod oneline;
pub mod pairing;
pub mod placement;
pub mod prose;
pub mod protocol;
pub mod radicals;
pub mod rates;
pub mod read;
pub mod result;
pub mod rules;
#[cfg(feature = "schema")]
pub mod schema;
pub mod sections;
#[cfg(feature = "previous")]
pub mod similar;
pub mod spec;
pub mod tables;
#[cfg(feature = "xlsx")]
pub mod xlsx;

pub use result::CheckResult;
pub use rules::RULES;

use document::Document;
use normalize::{key, Text};
use result::*;
use sha2::{Digest, Sha256};
use spec::{Format, MARKERS_2019, MARKERS_2021, SECTIONS};

pub const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Detects the layout (F2019 or F2021) from the words of the tables.
pub fn detect_format(text: &Text) -> Option<Format> {
    // Markers stand in table cells and headers: short lines. Long lines are prose.
    let mut all = String::new();
    for l in text.lines.iter().filter(|l| l.text.len() < 300) {
        l.push_key(&mut all);
    }
    let count = |ms: &[&str]| ms.iter().filter(|m| all.contains(&key(m))).count();
    let (a, b) = (count(&MARKERS_2021), count(&MARKERS_2019));
    match a.cmp(&b) {
        std::cmp::Ordering::Greater => Some(Format::F2021),
        std::cmp::Ordering::Less => Some(Format::F2019),
        std::cmp::Ordering::Equal => None,
    }
}

/// Checks one report given as text. `name` is only echoed back in `input.name`.
pub fn check(name: &str, input: &str) -> CheckResult {
    check_document(name, &Document::from_text(input, "utf-8"))
}

/// Reads a file with the readers compiled in (see [`read`]) and checks it.
pub fn check_bytes(
    name: &str,
    bytes: &[u8],
    mime: Option<&str>,
    legacy: read::Legacy,
) -> Result<CheckResult, read::ReadError> {
    let doc = read::read(bytes, name, mime, legacy)?;
    Ok(check_document(name, &doc))
}

/// Thresholds of the checks that compare, score or flag.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// `text-repeated` warns when at least this share of the prose repeats last year's.
    pub repeated_threshold: f64,
    /// 纠错率 above these is flagged red / yellow.
    pub correction_red: f64,
    pub correction_yellow: f64,
    /// 实质公开率 below these is flagged red / yellow.
    pub disclosure_red: f64,
    pub disclosure_yellow: f64,
    /// No flag when a rate's denominator is below this.
    pub min_denominator: i64,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            repeated_threshold: 0.5,
            correction_red: 0.15,
            correction_yellow: 0.10,
            disclosure_red: 0.40,
            disclosure_yellow: 0.45,
            min_denominator: 30,
        }
    }
}

/// Checks one report as a reader gave it: text, and the tables that arrived as grids.
pub fn check_document(name: &str, doc: &Document) -> CheckResult {
    check_with(name, doc, None, &Options::default())
}

/// Checks one report against last year's (name and document), when given: carry-over, 现行有效
/// counts, repeated prose, and the rates' change.
pub fn check_with_previous(
    name: &str,
    doc: &Document,
    previous: Option<(&str, &Document)>,
) -> CheckResult {
    check_with(name, doc, previous, &Options::default())
}

/// [`check_with_previous`] with thresholds.
pub fn check_with(
    name: &str,
    doc: &Document,
    previous: Option<(&str, &Document)>,
    options: &Options,
) -> CheckResult {
    // Comparing with last year (feature `previous`: the command line; the page's first load
    // leaves it out until the page has a slot for last year's report).
    #[cfg(feature = "previous")]
    let prev = previous.map(|(n, d)| (check_with(n, d, None, options), Text::new(&d.text)));
    #[cfg(not(feature = "previous"))]
    let prev: Option<(CheckResult, Text)> = previous.and(None);
    let input = doc.text.as_str();
    let text = Text::new(input);
    let user_lines = text.lines.len();
    // A report on one very long line (a crawled web page) is read in segments of that line.
    let (text, one_line) = if doc.tables.is_empty() {
        oneline::segment(text)
    } else {
        (text, false)
    };
    let structure = sections::find(&text);
    let detected = detect_format(&text);
    let expected = structure.meta.year.map(Format::for_year);
    let format = FormatOut { detected, expected }.layout();

    // Tables that arrived as grids are read cell by cell; the others from the text.
    let g = grids::read(doc, &text, &structure, format);
    let active = g
        .active
        .unwrap_or_else(|| tables::read_active(structure.body(&text, 2), format));
    let requests = g
        .requests
        .unwrap_or_else(|| tables::read_requests(structure.body(&text, 3), format));
    let appeals = g
        .appeals
        .unwrap_or_else(|| tables::read_appeals(structure.body(&text, 4)));

    let mut rates = rates::rates(&requests.out, &appeals.out, options);
    if let Some((p, _)) = &prev {
        rates::compare(&mut rates, p);
    }
    let prose = prose::read(&text);
    let mut ctx = rules::Ctx {
        prose: &prose,
        previous: prev.as_ref().map(|(r, t)| (r, t)),
        options,
        rates: &rates,
        comparison: None,
        text: &text,
        structure: &structure,
        format,
        detected,
        expected,
        active: &active,
        requests: &requests,
        appeals: &appeals,
        findings: Vec::new(),
        checks: Vec::new(),
        tally: Vec::new(),
    };
    rules::run(&mut ctx);
    let mut findings = std::mem::take(&mut ctx.findings);
    let checks = std::mem::take(&mut ctx.checks);
    let comparison = ctx.comparison.take();
    findings.sort_by_key(|f| (f.line.unwrap_or(0), f.column.unwrap_or(0), f.severity));

    let counts = count(&findings);

    // Only the parts' checks make a report "incomplete": a document-level check with nothing to
    // compare (no closing date, no stated totals in the prose) is not applicable, not undecided.
    let any_skip = checks
        .iter()
        .any(|(s, c)| s.is_some() && c.status == Status::Skip);
    let mut by_part = checks_by_part(checks);
    let doc_checks = std::mem::take(&mut by_part[0]);
    let sections_out = sections_out(&structure, &text, by_part);
    let verdict = Verdict::of(&counts, any_skip);

    CheckResult {
        schema: SCHEMA,
        engine: ENGINE_VERSION,
        input: input_out(name, doc, user_lines, one_line),
        meta: meta_out(&structure.meta, &text),
        format: FormatOut { detected, expected },
        verdict,
        counts,
        document: DocumentOut { checks: doc_checks },
        sections: sections_out,
        tables: Tables {
            active: active.out,
            requests: requests.out,
            appeals: appeals.out,
        },
        findings,
        rates,
        comparison,
        similar: None,
        left: None,
    }
}

/// The findings counted by severity.
fn count(findings: &[Finding]) -> Counts {
    let mut counts = Counts::default();
    for f in findings {
        match f.severity {
            Severity::Error => counts.error += 1,
            Severity::Warning => counts.warning += 1,
            Severity::Info => counts.info += 1,
        }
    }
    counts
}

/// The checks by part (index 0: the document's), in the order they were made.
fn checks_by_part(checks: Vec<(Option<u8>, Check)>) -> Vec<Vec<Check>> {
    let mut by_part: Vec<Vec<Check>> = vec![Vec::new(); SECTIONS.len() + 1];
    for (s, c) in checks {
        // (A check of a part the format does not have is listed nowhere.)
        let i = match s {
            None => 0,
            Some(0) => continue,
            Some(n) => usize::from(n),
        };
        if let Some(v) = by_part.get_mut(i) {
            v.push(c);
        }
    }
    by_part
}

/// Each part of the format: where it was found, its checks and their worst status.
fn sections_out(
    structure: &sections::Structure,
    text: &Text,
    mut by_part: Vec<Vec<Check>>,
) -> Vec<SectionOut> {
    SECTIONS
        .iter()
        .map(|spec| {
            let found = structure.sections[spec.number as usize - 1].as_ref();
            let checks = std::mem::take(&mut by_part[spec.number as usize]);
            SectionOut {
                number: spec.number,
                title: spec.title,
                found: found.is_some(),
                heading: found.map(|s| s.heading.clone()),
                line: found.map(|s| text.lines[s.index].no),
                status: part_status(&checks),
                checks,
            }
        })
        .collect()
}

/// A part's status: its worst check's; a part with warnings and skipped checks is still
/// incomplete.
fn part_status(checks: &[Check]) -> &'static str {
    let worst = checks
        .iter()
        .map(|c| c.status)
        .max()
        .unwrap_or(Status::Pass);
    let status = match worst {
        Status::Fail => "fail",
        Status::Warn => "warn",
        Status::Skip => "incomplete",
        Status::Pass => "pass",
    };
    if status == "warn" && checks.iter().any(|c| c.status == Status::Skip) {
        "incomplete"
    } else {
        status
    }
}

/// What was read: the input's name, digest, form, size and the readers' notes.
fn input_out(name: &str, doc: &Document, user_lines: usize, one_line: bool) -> Input {
    let input = doc.text.as_str();
    Input {
        name: name.to_string(),
        sha256: hex(&Sha256::digest(input.as_bytes())),
        form: doc.form,
        encoding: doc.encoding.clone(),
        chars: input.chars().count(),
        lines: user_lines,
        grids: doc.tables.len(),
        notes: {
            let mut notes = doc.notes.clone();
            if one_line {
                notes.push(document::ReadNote {
                    zh: "全文（或大段内容）写在一行中，像网页抓取保存的文本：已按各部分标题、表格行标签和句末切分后读取；表格中连在一起的数字只在勾稽关系唯一确定拆分时读取".into(),
                    en: "The report (or much of it) is on one line, as a crawled web page is saved: it was read cut at the parts' headings, the tables' row labels and sentence ends; glued table digits are read only where the identities leave one way to split them".into(),
                });
            }
            notes
        },
    }
}

/// The report's title, agency, year, date of publication and the deadline for its year.
fn meta_out(meta: &sections::Meta, text: &Text) -> MetaOut {
    let deadline = meta.year.map(|y| {
        let kind = rules_meta_kind(meta.agency.as_deref().unwrap_or(""));
        let (a, b, c) = rules::deadline_for(y, kind);
        format!("{a:04}-{b:02}-{c:02}")
    });
    MetaOut {
        title: meta.title.clone(),
        title_line: meta.title_index.map(|i| text.lines[i].no),
        agency: meta.agency.clone(),
        year: meta.year,
        year_source: meta.year.map(|_| {
            if meta.year_from_title {
                "title"
            } else {
                "text"
            }
        }),
        published: meta
            .published
            .map(|((y, m, d), _)| format!("{y:04}-{m:02}-{d:02}")),
        published_line: meta.published.map(|(_, i)| text.lines[i].no),
        deadline,
    }
}

fn rules_meta_kind(agency: &str) -> rules::AgencyKind {
    rules::agency_kind(agency)
}

fn hex(bytes: &[u8]) -> String {
    const H: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(H[(b >> 4) as usize] as char);
        s.push(H[(b & 15) as usize] as char);
    }
    s
}

/// The result as pretty JSON (what the page downloads and `--format json` prints, one per line
/// when compact).
pub fn to_json(r: &CheckResult, pretty: bool) -> String {
    let out = if pretty {
        serde_json::to_string_pretty(r)
    } else {
        serde_json::to_string(r)
    };
    out.unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}
