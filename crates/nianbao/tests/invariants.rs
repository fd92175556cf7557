//! ARCHITECTURE.md's invariants, each checked over every seed, fixture and corpus file and
//! generated reports in every layout: every cell and finding points at the user's text (a cell's
//! raw text stands at its line and column), and rows are read in order.

mod common;
use common::*;
use nianbao::layout::Kind;
use nianbao::CheckResult;

fn inputs() -> Vec<(String, String, CheckResult)> {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut out = Vec::new();
    for dir in [
        "tests/data/seeds",
        "tests/data/corpus",
        "tests/fixtures",
        "tests/fixtures/hard",
    ] {
        let mut paths: Vec<_> = std::fs::read_dir(format!("{root}/{dir}"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_file())
            .collect();
        paths.sort();
        for p in paths {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            let bytes = std::fs::read(&p).unwrap();
            let Ok(doc) =
                nianbao::read::read(&bytes, &name, None, &nianbao::read::encoding_rs_legacy)
            else {
                continue;
            };
            let r = nianbao::check_document(&name, &doc);
            out.push((name, doc.text, r));
        }
    }
    for year in [2020, 2022] {
        let format = nianbao::spec::Format::for_year(year);
        let n = result_rows(format);
        let mut results = vec![[0i64; 6]; n];
        results[0] = [12, 1, 0, 3, 0, 2];
        results[n - 1] = [1, 0, 0, 0, 0, 4];
        let rows = consistent_requests(format, &results, [1, 0, 0, 0, 0, 0], [2, 0, 1, 0, 0, 0]);
        for layout in LAYOUTS {
            let text = report(
                year,
                &rows,
                &[1, 0, 0, 2, 3, 0, 0, 0, 0, 0, 1, 1, 0, 0, 2],
                layout,
            );
            let r = nianbao::check("g.txt", &text);
            out.push((format!("{year} {layout:?}"), text, r));
        }
    }
    out
}

#[test]
fn every_cell_and_finding_points_at_the_users_text() {
    let mut cells = 0;
    for (name, text, r) in inputs() {
        let lines: Vec<Vec<char>> = nianbao::normalize::lines(&text)
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
                        panic!("{name}: {}/{k} on line {line}, past the text", row.key)
                    });
                    let at: String = l.iter().skip(col - 1).take(c.raw.chars().count()).collect();
                    assert_eq!(at, c.raw, "{name}: {}/{k} at {line}:{col}", row.key);
                    cells += 1;
                }
            }
        }
        for f in &r.findings {
            if let Some(line) = f.line {
                let l = lines
                    .get(line - 1)
                    .unwrap_or_else(|| panic!("{name}: {} on line {line}, past the text", f.rule));
                if let Some(col) = f.column {
                    assert!(
                        col >= 1 && col <= l.len() + 1,
                        "{name}: {} at {line}:{col}, line has {} chars",
                        f.rule,
                        l.len()
                    );
                }
            }
        }
    }
    assert!(cells > 5000, "only {cells} cells checked");
}
