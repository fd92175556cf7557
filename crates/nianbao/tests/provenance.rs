//! No Error finding rests on a cell that was not read: over every seed, every fixture of every
//! reader, the corpus, and generated reports in every text layout, clean and damaged (a number
//! dropped, a row's label lost, a row's digits glued, a number changed, lines swapped).
//!
//! Every cell a finding cites must name a cell (or a row) of its table; a cited cell that was
//! inferred (`read: guessed`, or in a row found by count) must be listed in `inferred`, and the
//! finding must not be an Error.

mod common;
use common::*;
use nianbao::result::{FoundBy, Read, Severity, TableOut};
use nianbao::rules::provenance;
use nianbao::spec::Format;
use nianbao::CheckResult;

/// Rules whose findings are about the reading itself (they say so in their own words).
const ABOUT_READING: &[&str] = &["row-shape", "cell-ambiguous", "cell-blank"];

fn table<'r>(r: &'r CheckResult, name: &str) -> &'r TableOut {
    match name {
        "active" => &r.tables.active,
        "requests" => &r.tables.requests,
        "appeals" => &r.tables.appeals,
        other => panic!("a finding names table {other}"),
    }
}

/// Checks the promise on one result; returns how many inferred cells its findings cite.
fn assert_honest(r: &CheckResult, what: &str) -> usize {
    let mut cited = 0;
    for f in &r.findings {
        let Some(name) = f.table else {
            assert!(
                f.inferred.is_empty(),
                "{what}: {} lists inferred cells without a table",
                f.rule
            );
            continue;
        };
        let t = table(r, name);
        for id in &f.cells {
            let cell = provenance::by_id(t, id);
            let row = t.rows.iter().any(|row| row.key == *id)
                || id
                    .rsplit_once('/')
                    .is_some_and(|(row, _)| t.rows.iter().any(|x| x.key == row && !x.found));
            assert!(
                cell.is_some() || row,
                "{what}: {} cites {name}/{id}, which names no cell or row",
                f.rule
            );
            if let Some(c) = cell.filter(|c| !c.read()) {
                cited += 1;
                assert_ne!(
                    f.severity,
                    Severity::Error,
                    "{what}: an Error rests on the inferred cell {name}/{id} ({:?}): {}",
                    c.cell.read,
                    f.message
                );
                assert!(
                    ABOUT_READING.contains(&f.rule) || f.inferred.contains(id),
                    "{what}: {} cites the inferred cell {id} without listing it: {}",
                    f.rule,
                    f.message
                );
            }
        }
    }
    // Every cell of a row found by count is inferred; a guessed cell is never shown as read.
    for t in [&r.tables.active, &r.tables.requests, &r.tables.appeals] {
        for row in t.rows.iter().filter(|x| x.found) {
            for (k, c) in &row.cells {
                if row.found_by == FoundBy::Count || c.read == Read::Guessed {
                    assert!(
                        !provenance::is_read(row, c),
                        "{what}: {}/{k} is inferred but counted as read",
                        row.key
                    );
                }
            }
        }
    }
    // The verdict counts only Errors; rates over inferred cells carry no flag.
    assert_eq!(
        r.counts.error,
        r.findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count()
    );
    for rate in &r.rates {
        assert!(
            !(rate.inferred && rate.flag.is_some()),
            "{what}: {} flagged over inferred cells",
            rate.key
        );
    }
    cited
}

fn files(dir: &str) -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    v.sort();
    v
}

#[test]
fn seeds_corpus_and_every_fixture() {
    let mut n = 0;
    for (name, doc) in every_input() {
        let r = nianbao::check_document(&name, &doc);
        assert_honest(&r, &name);
        n += 1;
    }
    assert!(n >= 40, "only {n} inputs read");
}

/// A small deterministic generator (xorshift).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// The lines of part 三 and 四 (between their headings and part 五).
fn table_lines(text: &str) -> std::ops::Range<usize> {
    let lines: Vec<&str> = text.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.starts_with("三、"))
        .unwrap_or(0);
    let end = lines
        .iter()
        .position(|l| l.starts_with("五、"))
        .unwrap_or(lines.len());
    start + 1..end
}

/// One kind of damage to one line holding numbers.
fn damage(line: &str, kind: usize, rng: &mut Rng) -> String {
    let chars: Vec<char> = line.chars().collect();
    // Runs of ASCII digits: (start, end) in chars.
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
    if runs.is_empty() {
        return line.to_string();
    }
    let (s, e) = runs[rng.below(runs.len())];
    match kind {
        // A number dropped.
        0 => chars[..s].iter().chain(&chars[e..]).collect(),
        // A number changed (a real error, or a misread).
        1 => {
            let mut v: String = chars[..s].iter().collect();
            v.push_str(&(rng.below(40) + 1).to_string());
            v.extend(&chars[e..]);
            v
        }
        // The label lost: the line from its first number on.
        2 => chars[runs[0].0..].iter().collect(),
        // The digits glued: every separator between numbers removed.
        _ => {
            let first = runs[0].0;
            let mut v: String = chars[..first].iter().collect();
            v.extend(chars[first..].iter().filter(|c| c.is_ascii_digit()));
            v
        }
    }
}

#[test]
fn generated_reports_in_every_layout_clean_and_damaged() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let (mut reports, mut cited, mut errors) = (0, 0, 0);
    for year in [2020, 2023] {
        let format = Format::for_year(year);
        let n = result_rows(format);
        for layout in LAYOUTS {
            for case in 0..24 {
                let results: Vec<[i64; 6]> = (0..n)
                    .map(|_| std::array::from_fn(|_| [0, 0, 1, 2, 7, 30][rng.below(6)]))
                    .collect();
                let cout: [i64; 6] = std::array::from_fn(|_| rng.below(3) as i64);
                let rows = consistent_requests(format, &results, [0; 6], cout);
                let appeals: Vec<i64> = (0..3)
                    .flat_map(|_| {
                        let v: Vec<i64> = (0..4).map(|_| rng.below(3) as i64).collect();
                        let t = v.iter().sum();
                        v.into_iter().chain([t])
                    })
                    .collect();
                let clean = report(year, &rows, &appeals, layout);
                let text = if case == 0 {
                    clean
                } else {
                    let mut lines: Vec<String> = clean.lines().map(str::to_string).collect();
                    let range = table_lines(&clean);
                    for _ in 0..1 + rng.below(3) {
                        let i = range.start + rng.below(range.len());
                        let kind = rng.below(5);
                        if kind == 4 && i + 1 < range.end {
                            lines.swap(i, i + 1);
                        } else {
                            lines[i] = damage(&lines[i], kind, &mut rng);
                        }
                    }
                    lines.join("\n")
                };
                let what = format!("{year} {layout:?} case {case}");
                let r = nianbao::check("g.txt", &text);
                cited += assert_honest(&r, &what);
                errors += r.counts.error;
                reports += 1;
                if case == 0 {
                    assert_eq!(r.counts.error, 0, "{what}: a clean report has Errors");
                }
            }
        }
    }
    eprintln!("{reports} generated reports: {cited} citations of inferred cells, all warnings; {errors} Errors on read cells");
    // The damage must reach the guessing paths, or this test proves nothing.
    assert!(cited > 20, "only {cited} findings cite inferred cells");
}

/// What users see of provenance outside the page: the printable report marks how cells and rows
/// were obtained, the findings CSV lists inferred cells, the roll-up writes ≈ and counts them.
#[test]
fn exports_mark_what_was_inferred() {
    // Part 三 with one row short of a number (placed by the identities: guessed).
    let format = Format::F2021;
    let n = result_rows(format);
    let mut results = vec![[0i64; 6]; n];
    results[0] = [3, 1, 0, 0, 0, 2];
    results[1] = [2, 0, 0, 1, 0, 0];
    let rows = consistent_requests(format, &results, [1, 0, 0, 0, 0, 0], [2, 0, 1, 0, 0, 0]);
    let text = report(2022, &rows, &[0; 15], Layout::Spaces);
    // Row 3.1's line "… 3 1 0 0 0 2 6" loses its 总计: six numbers for seven columns.
    let line = text
        .lines()
        .find(|l| l.contains("（一）予以公开"))
        .unwrap()
        .to_string();
    let short = line.trim_end().rsplit_once(' ').unwrap().0.to_string();
    let r = nianbao::check("g.txt", &text.replace(&line, &short));
    let row = r.tables.requests.row("3.1").unwrap();
    let guessed: Vec<&str> = row
        .cells
        .iter()
        .filter(|(_, c)| c.read == Read::Guessed)
        .map(|(k, _)| *k)
        .collect();
    assert!(!guessed.is_empty(), "{row:#?}");
    let html = nianbao::export::html(&r, false);
    assert!(
        html.contains("guessed\" title=\"位置是推测的，不是从原文读出的，请核对原文\">"),
        "the printable report marks a guessed cell with its tooltip"
    );
    assert!(html.contains("<sup>?</sup>"));
    let csv = nianbao::export::csv(&[&r], true);
    assert!(csv.lines().next().unwrap().ends_with(",dismissed,inferred"));
    let csv = nianbao::export::csv(&[&r], false);
    assert!(csv
        .lines()
        .next()
        .unwrap()
        .ends_with(",已忽略（理由）,推断的单元格"));
    let summary = nianbao::export::SummaryRow::from_result(&r, "g.txt");
    assert_eq!(summary.inferred_cells, guessed.len());
    let rollup = nianbao::export::summary_csv(std::slice::from_ref(&summary), false);
    if summary.inferred.contains(&"disclosure_rate") {
        assert!(rollup.contains(",≈"), "{rollup}");
    }
    assert!(rollup.contains(&format!(",{},", guessed.len())), "{rollup}");

    // Seed 003 has rows whose labels were lost, placed by their position in their group.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/seeds");
    let seed = files(dir)
        .into_iter()
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with("003"))
        .unwrap();
    let r = nianbao::check("003.txt", &std::fs::read_to_string(seed).unwrap());
    assert!(r
        .tables
        .requests
        .rows
        .iter()
        .any(|row| row.found_by == FoundBy::Position));
    let html = nianbao::export::html(&r, false);
    assert!(html.contains("<span class=\"by\">（原文缺行名，按所在组内的位置确定）</span>"));
}

/// The hard text forms: column-by-column PDF text (with blanks, page breaks, a stacked label)
/// and crawled one-line pages, clean and with a number changed: no Error on a clean report, and
/// none resting on an inferred cell on any.
#[test]
fn column_by_column_and_one_line_reports_clean_and_changed() {
    let (mut clean, mut cited) = (0, 0);
    for seed in 0..24u64 {
        let year = [2020, 2022, 2023][seed as usize % 3];
        let blanks = [Blanks::None, Blanks::Some, Blanks::Group][seed as usize % 3];
        let cells = gen_cells(seed, year, blanks);
        let opts = ColOpts {
            page_break: (seed % 2 == 0).then_some(10),
            repeat_header: seed % 4 == 0,
            stacked: seed % 3 == 1,
            wrap: if seed % 5 == 0 { 18 } else { 0 },
            ..Default::default()
        };
        let text = colmajor_report(&cells, &opts);
        let r = nianbao::check("c.txt", &text);
        cited += assert_honest(&r, &format!("colmajor {seed}"));
        assert_eq!(r.counts.error, 0, "colmajor {seed}: {:#?}", r.findings);
        clean += 1;

        let (text, _) = one_line_report(year, seed);
        let r = nianbao::check("o.txt", &text);
        cited += assert_honest(&r, &format!("one line {seed}"));
        assert_eq!(r.counts.error, 0, "one line {seed}: {:#?}", r.findings);
        clean += 1;
        // A number changed in part 三: found, or said to be unreadable, never an Error on a guess.
        let (text, _) = one_line_report_with(year, seed, |rows| rows[0][0] += 3);
        let r = nianbao::check("o.txt", &text);
        cited += assert_honest(&r, &format!("one line changed {seed}"));
    }
    eprintln!("{clean} clean hard-form reports without Error; {cited} citations of inferred cells, all warnings");
}
