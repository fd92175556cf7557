//! Property tests: random consistent tables, rendered in random layouts, read back exactly and
//! break no identity; any single changed number in part 三 or 四 is caught by an identity rule.

mod common;
use common::*;
use nianbao::spec::Format;
use proptest::prelude::*;

fn layout() -> impl Strategy<Value = Layout> {
    prop::sample::select(LAYOUTS.to_vec())
}

/// A year, free numbers for the result rows, carried-in/out rows, and part 四's twelve parts.
/// (year, result rows, carried in, carried out, part 四's twelve parts).
type Tables = (i32, Vec<[i64; 6]>, [i64; 6], [i64; 6], Vec<i64>);

fn tables() -> impl Strategy<Value = Tables> {
    prop::sample::select(vec![2019, 2020, 2021, 2024]).prop_flat_map(|year| {
        let n = result_rows(Format::for_year(year));
        let small = || prop_oneof![3 => Just(0i64), 2 => 0i64..5, 1 => 0i64..400];
        (
            Just(year),
            prop::collection::vec(prop::array::uniform6(small()), n),
            prop::array::uniform6(small()),
            prop::array::uniform6(small()),
            prop::collection::vec(small(), 12),
        )
    })
}

fn appeals_row(parts: &[i64]) -> Vec<i64> {
    parts
        .chunks(4)
        .flat_map(|c| {
            let mut v = c.to_vec();
            v.push(c.iter().sum());
            v
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, .. ProptestConfig::default() })]

    #[test]
    fn consistent_tables_read_back_exactly((year, results, cin, cout, ap) in tables(), layout in layout()) {
        let format = Format::for_year(year);
        // Carried-in must not exceed what is handled plus carried out.
        let cin: [i64; 6] = std::array::from_fn(|c| cin[c].min(results.iter().map(|r| r[c]).sum::<i64>() + cout[c]));
        let rows = consistent_requests(format, &results, cin, cout);
        let appeals = appeals_row(&ap);
        let text = report(year, &rows, &appeals, layout);
        let r = nianbao::check("p.txt", &text);
        let want: Vec<Vec<Option<i64>>> = rows.iter().map(|r| r.iter().map(|&v| Some(v)).collect()).collect();
        prop_assert_eq!(read_requests(&r), want, "{:?}", layout);
        prop_assert_eq!(read_appeals(&r), appeals.iter().map(|&v| Some(v)).collect::<Vec<_>>());
        prop_assert!(identity_findings(&r).is_empty(), "{:?}", identity_findings(&r));
        prop_assert_eq!(r.counts.error, 0);
    }

    #[test]
    fn any_single_change_is_caught((year, results, cin, cout, ap) in tables(), layout in layout(), which in 0usize..10_000, delta in 1i64..50) {
        let format = Format::for_year(year);
        let cin: [i64; 6] = std::array::from_fn(|c| cin[c].min(results.iter().map(|r| r[c]).sum::<i64>() + cout[c]));
        let mut rows = consistent_requests(format, &results, cin, cout);
        let mut appeals = appeals_row(&ap);
        let cells = rows.len() * 7 + 15;
        let at = which % cells;
        if at < rows.len() * 7 {
            rows[at / 7][at % 7] += delta;
        } else {
            appeals[at - rows.len() * 7] += delta;
        }
        let r = nianbao::check("p.txt", &report(year, &rows, &appeals, layout));
        prop_assert!(!identity_findings(&r).is_empty(), "change at {} not caught ({:?})", at, layout);
    }
}

#[test]
fn the_corpus_checks_cleanly_even_when_cut_off() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/corpus");
    let mut n = 0;
    for e in std::fs::read_dir(dir).unwrap() {
        let path = e.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let r = nianbao::check("c.txt", &text);
        n += 1;
        assert_eq!(r.sections.len(), 6);
        // Each corpus file is the opening of a report: part 一 is there, the cut-off parts are
        // reported missing rather than crashing anything.
        assert!(r.sections[0].found, "{}", path.display());
        let missing = r.sections.iter().filter(|s| !s.found).count();
        assert_eq!(
            r.findings
                .iter()
                .filter(|f| f.rule == "section-missing")
                .count(),
            missing
        );
        // A title with a year gives the year; one without is flagged.
        match &r.meta.title {
            Some(t) if t.contains("20") => assert!(r.meta.year.is_some(), "{}", path.display()),
            Some(_) => assert!(r
                .findings
                .iter()
                .any(|f| f.rule == "title-format" && f.message.contains("年份"))),
            None => assert!(r.findings.iter().any(|f| f.rule == "title-format")),
        }
    }
    assert_eq!(n, 18);
}

#[test]
fn traditional_corpus_report_is_read() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/corpus/mou_shichangjianguanju_2024_traditional.txt"
    ))
    .unwrap();
    let r = nianbao::check("t.txt", &text);
    assert!(r.sections[0].found && r.sections[1].found && r.sections[2].found);
    assert_eq!(r.format.detected, Some(Format::F2021));
    let lic = r.tables.active.row("licensing").unwrap();
    assert_eq!(lic.cell("decisions").unwrap().value, Some(2468.0));
    let fees = r.tables.active.row("fees").unwrap();
    assert_eq!(fees.cell("amount").unwrap().value, Some(2.02));
}

/// The clean TAB report of the fixtures.
fn tabs_fixture() -> String {
    let p = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/report_a_tabs.txt"
    );
    std::fs::read_to_string(p).unwrap()
}

fn is_number(field: &str) -> bool {
    let f = field.trim();
    !f.is_empty() && f.chars().all(|c| c.is_ascii_digit() || c == '.')
}

/// Rewrites the whitespace of a TAB report: `ws[i]` picks what the i-th TAB between two numbers
/// becomes (a TAB, 2–4 spaces, TAB and spaces), `lines[j]` whether line j gets trailing spaces,
/// a CRLF and a blank line after it.
fn respace(text: &str, ws: &[u8], lines: &[(bool, bool, bool)]) -> String {
    const SEPS: [&str; 8] = ["\t", "  ", "   ", "    ", "\t ", " \t", "\t   ", "  \t"];
    let mut out = String::new();
    let mut w = ws.iter().cycle();
    for (j, line) in text.lines().enumerate() {
        let fields: Vec<&str> = line.split('\t').collect();
        for (i, f) in fields.iter().enumerate() {
            if i > 0 {
                let between_numbers = is_number(fields[i - 1]) && is_number(f);
                if between_numbers {
                    out.push_str(SEPS[*w.next().unwrap() as usize % SEPS.len()]);
                } else if is_number(f) && lines[j % lines.len()].0 {
                    // Before a value: TAB and spaces.
                    out.push_str("\t  ");
                } else {
                    out.push('\t');
                }
            }
            out.push_str(f);
        }
        let (trailing, crlf, blank) = lines[j % lines.len()];
        if trailing {
            out.push_str("   ");
        }
        let eol = if crlf { "\r\n" } else { "\n" };
        out.push_str(eol);
        if blank {
            out.push_str(eol);
        }
    }
    out
}

/// Every table cell: (table, row, column, kind, value, raw text trimmed).
fn cells(r: &nianbao::CheckResult) -> Vec<String> {
    let t = &r.tables;
    [
        ("active", &t.active),
        ("requests", &t.requests),
        ("appeals", &t.appeals),
    ]
    .iter()
    .flat_map(|(name, t)| {
        t.rows.iter().flat_map(move |row| {
            row.cells
                .iter()
                .map(move |(k, c)| format!("{name}/{}/{k}: {:?} {:?}", row.key, c.kind, c.value))
        })
    })
    .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    /// Whitespace between cells and between lines changes no cell and no verdict.
    #[test]
    fn whitespace_between_cells_does_not_matter(
        ws in prop::collection::vec(0u8..8, 1..64),
        lines in prop::collection::vec(any::<(bool, bool, bool)>(), 1..80),
    ) {
        let clean = tabs_fixture();
        let want = nianbao::check("a.txt", &clean);
        let text = respace(&clean, &ws, &lines);
        let got = nianbao::check("a.txt", &text);
        prop_assert_eq!(cells(&got), cells(&want));
        let rules = |r: &nianbao::CheckResult| {
            r.findings.iter().map(|f| f.rule).collect::<Vec<_>>()
        };
        prop_assert_eq!(rules(&got), rules(&want), "{}", text);
        prop_assert_eq!(got.verdict, want.verdict);
    }
}
