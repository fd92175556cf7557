//! The same numbers, in every layout real text has, give the same cells and no identity error.

mod common;
use common::*;
use nianbao::spec::Format;

fn sample(format: Format) -> (Vec<Vec<i64>>, Vec<i64>) {
    let n = result_rows(format);
    let mut results = vec![[0i64; 6]; n];
    results[0] = [3, 1, 0, 0, 0, 2];
    results[1] = [2, 0, 0, 1, 0, 0];
    results[n - 1] = [1, 0, 0, 0, 0, 0];
    results[5] = [0, 0, 4, 0, 0, 0];
    let rows = consistent_requests(format, &results, [1, 0, 0, 0, 0, 0], [2, 0, 1, 0, 0, 0]);
    let appeals = vec![1, 0, 1, 0, 2, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0];
    (rows, appeals)
}

#[test]
fn every_layout_gives_the_same_cells() {
    for year in [2020, 2022] {
        let format = Format::for_year(year);
        let (rows, appeals) = sample(format);
        for layout in LAYOUTS {
            let text = report(year, &rows, &appeals, layout);
            let r = nianbao::check("t.txt", &text);
            let want: Vec<Vec<Option<i64>>> = rows
                .iter()
                .map(|r| r.iter().map(|&v| Some(v)).collect())
                .collect();
            assert_eq!(read_requests(&r), want, "{year} {layout:?}\n{text}");
            let want_a: Vec<Option<i64>> = appeals.iter().map(|&v| Some(v)).collect();
            assert_eq!(read_appeals(&r), want_a, "{year} {layout:?}");
            assert!(
                identity_findings(&r).is_empty(),
                "{year} {layout:?}: {:?}",
                identity_findings(&r)
            );
            assert_eq!(r.format.detected, Some(format), "{layout:?}");
            assert!(r.sections.iter().all(|s| s.found), "{layout:?}");
            let active_found = r.tables.active.rows.iter().filter(|x| x.found).count();
            assert_eq!(
                active_found,
                r.tables.active.rows.len(),
                "{year} {layout:?}: part 二 rows"
            );
            assert_eq!(r.counts.error, 0, "{year} {layout:?}: {:#?}", r.findings);
        }
    }
}

#[test]
fn appeals_as_three_small_tables_and_spread_over_lines() {
    let (rows, appeals) = sample(Format::F2019);
    for layout in [Layout::NextLine, Layout::CellPerLine] {
        let r = nianbao::check("t.txt", &report(2020, &rows, &appeals, layout));
        assert_eq!(
            read_appeals(&r),
            appeals.iter().map(|&v| Some(v)).collect::<Vec<_>>()
        );
        assert!(r.findings.iter().all(|f| f.rule != "row-shape"));
    }
}

#[test]
fn cells_point_at_the_users_text() {
    let (rows, appeals) = sample(Format::F2019);
    let text = report(2020, &rows, &appeals, Layout::Tab);
    let r = nianbao::check("t.txt", &text);
    let lines: Vec<&str> = text.lines().collect();
    for row in r.tables.requests.rows.iter().chain(&r.tables.appeals.rows) {
        for (_, c) in &row.cells {
            let line = lines[c.line.unwrap() - 1];
            let col = c.column.unwrap();
            let at: String = line
                .chars()
                .skip(col - 1)
                .take(c.raw.chars().count())
                .collect();
            assert_eq!(at, c.raw, "line {:?} col {col}", c.line);
        }
    }
}

#[test]
fn full_width_digits_and_traditional_labels() {
    let (rows, appeals) = sample(Format::F2019);
    let text = report(2020, &rows, &appeals, Layout::Tab);
    let fw: String = text
        .chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 - '0' as u32 + 0xFF10).unwrap(),
            '总' => '總',
            '体' => '體',
            '况' => '況',
            '处' => '處',
            c => c,
        })
        .collect();
    let r = nianbao::check("t.txt", &fw);
    assert!(r.sections[0].found, "總體情況");
    let want: Vec<Vec<Option<i64>>> = rows
        .iter()
        .map(|r| r.iter().map(|&v| Some(v)).collect())
        .collect();
    assert_eq!(read_requests(&r), want);
    assert_eq!(r.tables.requests.rows[0].cells[0].1.raw, "７");
}

#[test]
fn crlf_and_markdown_headings() {
    let (rows, appeals) = sample(Format::F2021);
    let text = report(2022, &rows, &appeals, Layout::Pipe)
        .replace("一、总体情况", "## 一、总体情况")
        .replace("五、存在", "**五、存在")
        .replace('\n', "\r\n");
    let r = nianbao::check("t.txt", &text);
    assert!(r.sections.iter().all(|s| s.found));
    assert_eq!(r.sections[0].heading.as_deref(), Some("## 一、总体情况"));
    assert_eq!(r.counts.error, 0, "{:#?}", r.findings);
}

#[test]
fn lost_sub_row_labels_are_placed_by_position() {
    let (rows, appeals) = sample(Format::F2019);
    let text = report(2020, &rows, &appeals, Layout::Tab);
    // Drop the labels of 不予公开's sub-rows 2..8 (seed 003's layout).
    let stripped: String = text
        .lines()
        .map(|l| {
            let cells: Vec<&str> = l.split('\t').collect();
            if cells.len() == 9
                && cells[0].is_empty()
                && cells[1].starts_with(|c: char| ('2'..='8').contains(&c))
                && l.contains("公开")
            {
                format!("\t\t{}", cells[2..].join("\t"))
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert_ne!(stripped, text);
    let r = nianbao::check("t.txt", &stripped);
    let want: Vec<Vec<Option<i64>>> = rows
        .iter()
        .map(|r| r.iter().map(|&v| Some(v)).collect())
        .collect();
    assert_eq!(read_requests(&r), want);
    assert!(
        r.findings.iter().all(|f| f.rule != "row-missing"),
        "{:#?}",
        r.findings
    );
}

/// PDF text taken column by column: all labels first, then each column's numbers.
fn column_major(format: Format, rows: &[Vec<i64>], one_per_line: bool) -> String {
    let specs = nianbao::spec::request_rows(format);
    let mut t = String::from("(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\n申请人情况\n自然人\n法人或其他组织\n总计\n");
    let mut last_group = None;
    for s in &specs {
        if s.key == "3.1" {
            t.push_str("三、本年度办理结果\n");
        }
        if let Some(g) = s.group {
            if last_group != Some(g) {
                let label = nianbao::spec::GROUPS
                    .iter()
                    .find(|(k, _)| *k == g)
                    .unwrap()
                    .1;
                t.push_str(&format!("{label}\n"));
            }
        }
        last_group = s.group;
        t.push_str(&format!("{}\n", s.label));
    }
    for c in 0..7 {
        let col: Vec<String> = rows.iter().map(|r| r[c].to_string()).collect();
        if one_per_line {
            for v in col {
                t.push_str(&format!("{v}\n"));
            }
        } else {
            t.push_str(&format!("{}\n", col.join(" ")));
        }
    }
    t
}

#[test]
fn numbers_taken_column_by_column_are_put_back_column_by_column() {
    for year in [2020, 2022] {
        let format = Format::for_year(year);
        let (rows, appeals) = sample(format);
        let tab = report(year, &rows, &appeals, Layout::Tab);
        let start = tab.find("(本列数据").unwrap();
        let end = tab.find("四、政府信息公开行政复议").unwrap();
        for one_per_line in [false, true] {
            let text = format!(
                "{}{}\n{}",
                &tab[..start],
                column_major(format, &rows, one_per_line),
                &tab[end..]
            );
            let r = nianbao::check("t.txt", &text);
            let want: Vec<Vec<Option<i64>>> = rows
                .iter()
                .map(|r| r.iter().map(|&v| Some(v)).collect())
                .collect();
            assert_eq!(
                read_requests(&r),
                want,
                "{year} one_per_line={one_per_line}"
            );
            assert!(identity_findings(&r).is_empty());
            // Said on the part's card (an info), and every cell is transposed: read exactly.
            assert!(r.findings.iter().any(|f| f.rule == "row-shape"
                && f.severity == nianbao::result::Severity::Info
                && f.message.contains("已逐列还原")));
            assert!(r
                .tables
                .requests
                .rows
                .iter()
                .flat_map(|row| &row.cells)
                .all(|(_, c)| c.read == nianbao::result::Read::Transposed));
            assert_eq!(r.counts.error, 0, "{:#?}", r.findings);
        }
    }
}

#[test]
fn radicals_copied_from_a_pdf_read_as_ideographs() {
    // Chromium's and some writers' PDFs name radicals in their ToUnicode maps; text copied from
    // them reads "⼀、总体情况", "⼈⺠". The parts and rows are still found.
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/seeds/004_081782578966eb9d.txt"
    ))
    .unwrap();
    let copied = seed
        .replace('一', "⼀")
        .replace('人', "⼈")
        .replace('民', "⺠");
    assert_ne!(copied, seed);
    let a = nianbao::check("a.txt", &seed);
    let b = nianbao::check("b.txt", &copied);
    assert!(b.sections.iter().all(|s| s.found));
    assert_eq!(a.tables.requests.rows.len(), b.tables.requests.rows.len());
    for (ra, rb) in a.tables.requests.rows.iter().zip(&b.tables.requests.rows) {
        let va: Vec<_> = ra.cells.iter().map(|(_, c)| c.raw.clone()).collect();
        let vb: Vec<_> = rb.cells.iter().map(|(_, c)| c.raw.clone()).collect();
        assert_eq!(va, vb, "{}", ra.key);
    }
    assert_eq!(a.counts.error, b.counts.error);
}
