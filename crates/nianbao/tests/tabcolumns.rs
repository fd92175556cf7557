//! TAB rows copied from web pages whose label columns are fields of their own (the group label
//! "三、本年度办理结果" in a column before the row label, an empty field where a merged cell
//! covers a row), every 0 left as an empty field, lines ending with a TAB or not: each row is
//! aligned to the header's columns by its own fields, and every cell is read by position.

mod common;
use common::*;
use nianbao::result::{Read, Severity};
use nianbao::spec::Format;

struct Measured {
    /// Per layout of [`TAB_COLUMNS`]: cells right / wrong / not read over parts 二, 三, 四.
    scores: Vec<Score>,
    /// Error findings (on correct reports: every one is false).
    errors: Vec<String>,
    /// Cells read but not by position.
    not_position: usize,
}

fn measure(reports: usize) -> Measured {
    let mut m = Measured {
        scores: vec![Score::default(); TAB_COLUMNS.len()],
        errors: Vec::new(),
        not_position: 0,
    };
    let mut g = Lcg(16);
    for n in 0..reports {
        let year = if n % 2 == 0 { 2020 } else { 2022 };
        let format = Format::for_year(year);
        let (mut rows, mut appeals) = random_tables(format, &mut g);
        if n % 4 >= 2 {
            // As some pages have it: the 总计 column left blank on some rows (the reading must
            // still be exact; the blanks are the report's, not the reader's).
            for (i, r) in rows.iter_mut().enumerate() {
                if i % 3 == 0 {
                    r[6] = 0;
                }
            }
            appeals[14] = 0;
        }
        for (li, layout) in TAB_COLUMNS.into_iter().enumerate() {
            let text = report(year, &rows, &appeals, layout);
            let r = nianbao::check("t.txt", &text);
            let mut s = score_table(&r.tables.requests, &want_requests(format, &rows, true));
            let wa: Vec<Option<i64>> = appeals.iter().map(|&x| (x != 0).then_some(x)).collect();
            s += score_table(&r.tables.appeals, &[("appeals".to_string(), wa)]);
            s += score_table(&r.tables.active, &want_active(format, true));
            if s.wrong > 0 && std::env::var_os("SCORE_DEBUG").is_some() {
                eprintln!("{n} {layout:?}\n{text}");
            }
            m.scores[li] += s;
            let t = &r.tables;
            for row in t
                .requests
                .rows
                .iter()
                .chain(&t.appeals.rows)
                .chain(&t.active.rows)
            {
                m.not_position += row
                    .cells
                    .iter()
                    .filter(|(_, c)| c.read.is_read() && c.read != Read::Position)
                    .count();
            }
            for f in r.findings.iter().filter(|f| f.severity == Severity::Error) {
                m.errors
                    .push(format!("{n} {layout:?}: {} {}", f.rule, f.message));
            }
        }
    }
    m
}

#[test]
fn tab_rows_with_label_columns_are_read_by_position() {
    let m = measure(40);
    for (l, x) in TAB_COLUMNS.iter().zip(&m.scores) {
        eprintln!("TAB with label columns, 40 reports, {l:?}: {x:?}");
    }
    eprintln!(
        "{} errors, {} read cells not by position",
        m.errors.len(),
        m.not_position
    );
    for e in m.errors.iter().take(10) {
        eprintln!("  {e}");
    }
    // No wrong cell shown as read, in any variant.
    assert!(m.scores.iter().all(|s| s.wrong == 0), "{:?}", m.scores);
    // Every line ending with a TAB, or none: every cell read. Mixed endings: a row whose first
    // and last fields are both empty could be shifted either way; it is not read as such.
    assert_eq!(m.scores[0].not_read, 0, "{:?}", m.scores[0]);
    assert_eq!(m.scores[1].not_read, 0, "{:?}", m.scores[1]);
    assert_eq!(m.not_position, 0);
    assert!(m.errors.is_empty(), "{:#?}", m.errors);
}
