//! Structure-aware: the fuzzer chooses a generated report (the format year, the numbers, the text
//! layout: TAB, pipes, spaces, a cell per line, numbers on the next line, broken labels, a web
//! page's TAB columns, column by column as PDFs give it, a crawled page on one line) and then
//! edits to it (a part dropped, rows swapped or moved, a line's cells re-separated by TABs,
//! spaces, pipes, nothing or line breaks, a label lost, a number changed, dropped or blanked,
//! lines joined or split, the whole text on one line, CRLF). The report is checked, and the
//! result must keep the engine's promises, not merely not panic:
//!
//! - every read cell and every finding points at the user's text (line and column);
//! - no Error rests on a cell that was not read (`rules::provenance`): an inferred cell a
//!   finding cites is listed in `inferred`, the verdict counts only Errors, no rate over
//!   inferred cells is flagged;
//! - on an unedited report: every cell marked read holds the generated value, and there is no
//!   Error (the generated numbers are consistent).
//!
//! The generators are the tests' own (`crates/nianbao/tests/common/mod.rs`).
#![no_main]

#[allow(dead_code, clippy::all)]
#[path = "../../crates/nianbao/tests/common/mod.rs"]
mod common;

use common::{ColOpts, Layout, LAYOUTS, TAB_COLUMNS};
use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use nianbao::layout::Kind;
use nianbao::result::{FoundBy, Read, Severity, TableOut};
use nianbao::rules::provenance;
use nianbao::spec::{active_blocks, request_rows, Format, APPEAL_COLS, REQUEST_COLS};
use nianbao::CheckResult;

#[derive(Arbitrary, Debug)]
enum Form {
    /// One of the text layouts of `common::report` (`LAYOUTS` then `TAB_COLUMNS`).
    Layout(u8),
    /// Column by column (`common::colmajor_report`).
    ColMajor {
        seed: u64,
        blanks: u8,
        page_break: Option<u8>,
        repeat_header: bool,
        stacked: bool,
        header_first: bool,
        wrap: u8,
        double_spaced: bool,
    },
    /// A crawled page on one line (`common::one_line_report`).
    OneLine(u64),
}

/// How a line's fields are separated after an edit.
#[derive(Arbitrary, Debug, Clone, Copy)]
enum Sep {
    Tab,
    Space,
    Spaces,
    Pipe,
    Glued,
    /// One field per line (as text copied column by column).
    Newline,
}

impl Sep {
    fn text(self) -> &'static str {
        match self {
            Sep::Tab => "\t",
            Sep::Space => " ",
            Sep::Spaces => "   ",
            Sep::Pipe => " | ",
            Sep::Glued => "",
            Sep::Newline => "\n",
        }
    }
}

#[derive(Arbitrary, Debug)]
enum Edit {
    /// Part `k % 6 + 1` left out (its heading up to the next part's).
    DropPart(u8),
    /// Two lines swapped (rows out of order).
    Swap(u16, u16),
    /// A line moved elsewhere.
    Move(u16, u16),
    /// A line dropped.
    DropLine(u16),
    /// A line given twice.
    Repeat(u16),
    /// A line's fields separated anew.
    Separate(u16, Sep),
    /// A line's label lost (the line from its first number on).
    LoseLabel(u16),
    /// A line's `k`-th number changed.
    Change(u16, u8, u16),
    /// A line's `k`-th number dropped.
    DropNumber(u16, u8),
    /// A line's `k`-th number left blank where it is 0.
    BlankZero(u16, u8),
    /// A line joined with the next one (by nothing, or a space).
    Join(u16, bool),
    /// A line broken at a character.
    Split(u16, u16),
    /// Every line after the title joined into one (by nothing, or a space).
    OneLine(bool),
    /// CRLF line ends.
    Crlf,
}

#[derive(Arbitrary, Debug)]
struct Input {
    year: u8,
    form: Form,
    /// Part 三's result rows (six applicant columns each), carried in and out.
    results: Vec<[u8; 6]>,
    carried_in: [u8; 6],
    carried_out: [u8; 6],
    /// Part 四: three groups of four (each group's total is added).
    appeals: [[u8; 4]; 3],
    edits: Vec<Edit>,
}

/// Every cell a generated report holds: "table/row/column" → value (None: blank).
type Want = Vec<(String, Option<f64>)>;

/// A layout report with the fuzzer's numbers, and its cells.
fn layout_report(input: &Input, year: i32, k: u8) -> (String, Want) {
    let all: Vec<Layout> = LAYOUTS.iter().chain(&TAB_COLUMNS).copied().collect();
    let layout = all[k as usize % all.len()];
    let format = Format::for_year(year);
    let n = common::result_rows(format);
    let results: Vec<[i64; 6]> = (0..n)
        .map(|i| {
            let r = input.results.get(i).copied().unwrap_or_default();
            std::array::from_fn(|c| i64::from(r[c]))
        })
        .collect();
    // Carried in never more than settled, so row 一 is never negative.
    let settled: [i64; 6] = std::array::from_fn(|c| results.iter().map(|r| r[c]).sum());
    let cin = std::array::from_fn(|c| i64::from(input.carried_in[c]).min(settled[c]));
    let cout = std::array::from_fn(|c| i64::from(input.carried_out[c]));
    let rows = common::consistent_requests(format, &results, cin, cout);
    let appeals: Vec<i64> = input
        .appeals
        .iter()
        .flat_map(|g| {
            let v: Vec<i64> = g.iter().map(|&x| i64::from(x)).collect();
            let t = v.iter().sum();
            v.into_iter().chain([t])
        })
        .collect();
    let text = common::report(year, &rows, &appeals, layout);
    // A web page's TAB columns leave every 0 empty.
    let blank = matches!(layout, Layout::TabColumns(_));
    let cell = |x: i64| (!(blank && x == 0)).then_some(x as f64);
    let mut want = Want::new();
    for (spec, row) in request_rows(format).iter().zip(&rows) {
        for ((col, _), &x) in REQUEST_COLS.iter().zip(row) {
            want.push((format!("requests/{}/{col}", spec.key), cell(x)));
        }
    }
    for ((col, _), &x) in APPEAL_COLS.iter().zip(&appeals) {
        want.push((format!("appeals/appeals/{col}"), cell(x)));
    }
    for b in active_blocks(format) {
        for (i, (row, _)) in b.rows.iter().enumerate() {
            for (c, col) in b.columns.iter().enumerate() {
                let x = (i + c).min(2) as i64;
                want.push((format!("active/{row}/{}", col.0), cell(x)));
            }
        }
    }
    (text, want)
}

fn generate(input: &Input) -> (String, Want) {
    let year = 2020 + i32::from(input.year % 6);
    match input.form {
        Form::Layout(k) => layout_report(input, year, k),
        Form::ColMajor {
            seed,
            blanks,
            page_break,
            repeat_header,
            stacked,
            header_first,
            wrap,
            double_spaced,
        } => {
            let blanks = [
                common::Blanks::None,
                common::Blanks::Some,
                common::Blanks::Group,
            ][blanks as usize % 3];
            let cells = common::gen_cells(seed, year, blanks);
            let opts = ColOpts {
                page_break: page_break.map(usize::from),
                repeat_header,
                stacked,
                header_first,
                wrap: if wrap % 4 == 0 {
                    12 + wrap as usize % 20
                } else {
                    0
                },
                double_spaced,
                row_order: false,
            };
            (
                common::colmajor_report(&cells, &opts),
                common::expected_cells(&cells),
            )
        }
        Form::OneLine(seed) => common::one_line_report(year, seed),
    }
}

const HEADINGS: [&str; 6] = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
];

/// The runs of ASCII digits of `chars`: (start, end).
fn digit_runs(chars: &[char]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let s = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            runs.push((s, i));
        } else {
            i += 1;
        }
    }
    runs
}

/// `line` with its `k`-th number (modulo their count) replaced by `by`.
fn replace_number(line: &str, k: u8, by: impl Fn(&str) -> String) -> String {
    let chars: Vec<char> = line.chars().collect();
    let runs = digit_runs(&chars);
    if runs.is_empty() {
        return line.to_string();
    }
    let (s, e) = runs[k as usize % runs.len()];
    let old: String = chars[s..e].iter().collect();
    let mut out: String = chars[..s].iter().collect();
    out.push_str(&by(&old));
    out.extend(&chars[e..]);
    out
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    for e in edits.iter().take(8) {
        if lines.is_empty() {
            break;
        }
        let n = lines.len();
        let at = |i: u16| i as usize % n;
        match *e {
            Edit::DropPart(k) => {
                let h = HEADINGS[k as usize % 6];
                if let Some(s) = lines.iter().position(|l| l.trim_start().starts_with(h)) {
                    let end = lines[s + 1..]
                        .iter()
                        .position(|l| HEADINGS.iter().any(|h| l.trim_start().starts_with(h)))
                        .map_or(n, |p| s + 1 + p);
                    lines.drain(s..end);
                }
            }
            Edit::Swap(a, b) => lines.swap(at(a), at(b)),
            Edit::Move(a, b) => {
                let l = lines.remove(at(a));
                let to = b as usize % lines.len().max(1);
                lines.insert(to.min(lines.len()), l);
            }
            Edit::DropLine(a) => {
                lines.remove(at(a));
            }
            Edit::Repeat(a) => {
                let l = lines[at(a)].clone();
                lines.insert(at(a), l);
            }
            Edit::Separate(a, sep) => {
                let i = at(a);
                let fields: Vec<&str> = lines[i]
                    .split(['\t', ' ', '|'])
                    .filter(|f| !f.is_empty())
                    .collect();
                lines[i] = fields.join(sep.text());
            }
            Edit::LoseLabel(a) => {
                let i = at(a);
                if let Some(p) = lines[i].find(|c: char| c.is_ascii_digit()) {
                    lines[i] = lines[i][p..].to_string();
                }
            }
            Edit::Change(a, k, v) => {
                let i = at(a);
                lines[i] = replace_number(&lines[i], k, |_| v.to_string());
            }
            Edit::DropNumber(a, k) => {
                let i = at(a);
                lines[i] = replace_number(&lines[i], k, |_| String::new());
            }
            Edit::BlankZero(a, k) => {
                let i = at(a);
                lines[i] = replace_number(&lines[i], k, |old| {
                    if old == "0" {
                        String::new()
                    } else {
                        old.to_string()
                    }
                });
            }
            Edit::Join(a, space) => {
                let i = at(a);
                if i + 1 < n {
                    let next = lines.remove(i + 1);
                    if space {
                        lines[i].push(' ');
                    }
                    lines[i].push_str(&next);
                }
            }
            Edit::Split(a, c) => {
                let i = at(a);
                let chars: Vec<char> = lines[i].chars().collect();
                let cut = c as usize % (chars.len() + 1);
                let head: String = chars[..cut].iter().collect();
                let tail: String = chars[cut..].iter().collect();
                lines[i] = head;
                lines.insert(i + 1, tail);
            }
            Edit::OneLine(space) => {
                let rest = lines.split_off(1.min(n));
                lines.push(rest.join(if space { " " } else { "" }));
            }
            Edit::Crlf => {}
        }
    }
    let crlf = edits.iter().take(8).any(|e| matches!(e, Edit::Crlf));
    let mut out = lines.join(if crlf { "\r\n" } else { "\n" });
    out.push('\n');
    out
}

fn table<'r>(r: &'r CheckResult, name: &str) -> &'r TableOut {
    match name {
        "active" => &r.tables.active,
        "requests" => &r.tables.requests,
        "appeals" => &r.tables.appeals,
        other => panic!("a finding names table {other}"),
    }
}

/// Rules whose findings are about the reading itself (they say so in their own words).
const ABOUT_READING: &[&str] = &["row-shape", "cell-ambiguous", "cell-blank"];

/// No Error rests on a cell that was not read; every inferred cell cited is listed.
fn assert_honest(r: &CheckResult, text: &str) {
    for f in &r.findings {
        let Some(name) = f.table else {
            assert!(
                f.inferred.is_empty(),
                "{} lists inferred cells without a table\n{text}",
                f.rule
            );
            continue;
        };
        let t = table(r, name);
        for id in &f.cells {
            if let Some(c) = provenance::by_id(t, id).filter(|c| !c.read()) {
                assert_ne!(
                    f.severity,
                    Severity::Error,
                    "an Error rests on the inferred cell {name}/{id} ({:?}): {}\n{text}",
                    c.cell.read,
                    f.message
                );
                assert!(
                    ABOUT_READING.contains(&f.rule) || f.inferred.contains(id),
                    "{} cites the inferred cell {id} without listing it: {}\n{text}",
                    f.rule,
                    f.message
                );
            }
        }
    }
    for t in [&r.tables.active, &r.tables.requests, &r.tables.appeals] {
        for row in t.rows.iter().filter(|x| x.found) {
            for (k, c) in &row.cells {
                if row.found_by == FoundBy::Count || c.read == Read::Guessed {
                    assert!(
                        !provenance::is_read(row, c),
                        "{}/{k} is inferred but counted as read\n{text}",
                        row.key
                    );
                }
            }
        }
    }
    let errors = r
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    assert_eq!(
        r.counts.error, errors,
        "the verdict counts {} Errors, the findings hold {errors}",
        r.counts.error
    );
    for rate in &r.rates {
        assert!(
            !(rate.inferred && rate.flag.is_some()),
            "{} flagged over inferred cells\n{text}",
            rate.key
        );
    }
}

/// Every read cell's raw text stands at its line and column; every finding's line is a line.
fn assert_points_at_text(r: &CheckResult, text: &str) {
    let lines: Vec<Vec<char>> = nianbao::normalize::lines(text)
        .map(|l| l.chars().collect())
        .collect();
    for t in [&r.tables.active, &r.tables.requests, &r.tables.appeals] {
        for row in t.rows.iter().filter(|x| x.found) {
            for (k, c) in &row.cells {
                let (Some(line), Some(col)) = (c.line, c.column) else {
                    continue;
                };
                if !matches!(c.kind, Kind::Number | Kind::Text | Kind::Na) || c.raw.is_empty() {
                    continue;
                }
                let l = lines.get(line - 1).unwrap_or_else(|| {
                    panic!("{}/{k} on line {line}, past the text\n{text}", row.key)
                });
                let at: String = l.iter().skip(col - 1).take(c.raw.chars().count()).collect();
                assert_eq!(at, c.raw, "{}/{k} at {line}:{col}\n{text}", row.key);
            }
        }
    }
    for f in &r.findings {
        if let Some(line) = f.line {
            let l = lines
                .get(line - 1)
                .unwrap_or_else(|| panic!("{} on line {line}, past the text\n{text}", f.rule));
            if let Some(col) = f.column {
                assert!(
                    col >= 1 && col <= l.len() + 1,
                    "{} at {line}:{col}\n{text}",
                    f.rule
                );
            }
        }
    }
}

/// On an unedited report: every read cell holds the generated value, and no Error.
fn assert_read_right(r: &CheckResult, want: &Want, text: &str) {
    for (id, v) in want {
        let Some((t, cell)) = id.split_once('/') else {
            continue;
        };
        let Some(c) = provenance::by_id(table(r, t), cell) else {
            continue;
        };
        if !provenance::is_read(c.row, c.cell) {
            continue;
        }
        let same = match v {
            None => c.cell.kind == Kind::Blank,
            Some(v) => c.cell.value.is_some_and(|x| (x - v).abs() < 1e-9),
        };
        assert!(
            same,
            "{id}: generated {v:?}, read {:?} ({:?}, {:?})\n{text}",
            c.cell.value, c.cell.read, c.cell.kind
        );
    }
    let errors: Vec<String> = r
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| format!("{}: {}", f.rule, f.message))
        .collect();
    assert!(
        errors.is_empty(),
        "a consistent generated report has Errors: {errors:#?}\n{text}"
    );
}

fuzz_target!(|input: Input| {
    let (clean, want) = generate(&input);
    let edited = !input.edits.is_empty();
    let text = if edited {
        apply(&clean, &input.edits)
    } else {
        clean
    };
    // Triage: `NIANBAO_FUZZ_PRINT=1 fuzz/target/…/tables ARTIFACT` prints the report checked.
    if std::env::var_os("NIANBAO_FUZZ_PRINT").is_some() {
        eprintln!("{text}");
    }
    let r = nianbao::check("fuzz.txt", &text);
    let _ = nianbao::to_json(&r, false);
    assert_honest(&r, &text);
    assert_points_at_text(&r, &text);
    if !edited {
        assert_read_right(&r, &want, &text);
    }
});
