//! ARCHITECTURE.md's invariants, each checked over every seed, fixture and corpus file and
//! generated reports in every layout: every cell and finding points at the user's text (a cell's
//! raw text stands at its line and column), and rows are read in order; and one about the code:
//! the grid path does not use the text path's units.

mod common;
use common::*;
use nianbao::layout::Kind;
use nianbao::CheckResult;

fn inputs() -> Vec<(String, String, CheckResult)> {
    let mut out: Vec<(String, String, CheckResult)> = every_input()
        .into_iter()
        .map(|(name, doc)| {
            let r = nianbao::check_document(&name, &doc);
            (name, doc.text, r)
        })
        .collect();
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

/// The code of a source file without its comments (a comment naming a function is not a use).
fn code(src: &str) -> String {
    src.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every name a source reaches through `tables::` (`tables::place`, `tables::{a, b::c}`,
/// `tables::*`): the words of each such path, braces followed to their end.
fn names_via_tables(code: &str) -> Vec<String> {
    let mut names = Vec::new();
    for (at, _) in code.match_indices("tables::") {
        let rest = &code[at + "tables::".len()..];
        let path: String = if rest.starts_with('{') {
            let mut depth = 0;
            rest.chars()
                .take_while(|&c| {
                    depth += i32::from(c == '{') - i32::from(c == '}');
                    depth > 0
                })
                .collect()
        } else {
            rest.chars()
                .take_while(|&c| c.is_alphanumeric() || c == '_' || c == ':' || c == '*')
                .collect()
        };
        names.extend(
            path.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '*'))
                .filter(|w| !w.is_empty())
                .map(str::to_string),
        );
    }
    names
}

/// The text path's own units (in `tables/`).
const TEXT_UNITS: [&str; 4] = ["lines", "requests", "appeals", "active"];

/// The text path's own units and items: the grid path never uses them.
const TEXT_ONLY: [&str; 14] = [
    "lines",
    "requests",
    "appeals",
    "active",
    "rows_of",
    "request_rows_of",
    "is_separator",
    "read_requests",
    "read_requests_as",
    "read_appeals",
    "is_prose",
    "read_active",
    "Spread",
    "*",
];

#[test]
fn the_grid_path_does_not_depend_on_the_text_heuristics() {
    // grids.rs and gridcols.rs have functions of their own named read_requests &c.: what they
    // must not do is reach the text path's through `tables::`.
    for (name, src) in [
        ("grids.rs", include_str!("../src/grids.rs")),
        ("gridcols.rs", include_str!("../src/gridcols.rs")),
    ] {
        let code = code(src);
        // Reached only as `crate::tables::…`, never through an alias.
        for (at, _) in code.match_indices("crate::tables") {
            let rest = &code[at + "crate::tables".len()..];
            let next: String = rest.chars().take(8).collect();
            assert!(rest.starts_with("::"), "{name}: crate::tables{next}");
        }
        let names = names_via_tables(&code);
        assert!(
            name != "grids.rs" || names.iter().any(|n| n == "TableRead"),
            "{name}: the check found none of its uses of tables::"
        );
        for n in &names {
            assert!(
                !TEXT_ONLY.contains(&n.as_str()),
                "{name} uses tables::{n}, a text-path item: the grid path must use only the \
                 table model, the label matcher and placement"
            );
        }
    }
    // `w` in `code` as a whole word (`ends` false: only its start need be one, as for `requests::`).
    let named = |code: &str, w: &str, ends: bool| {
        let ident = |c: char| c.is_alphanumeric() || c == '_';
        code.match_indices(w).any(|(i, _)| {
            let glued_before = code[..i].ends_with(ident);
            let glued_after = ends && code[i + w.len()..].starts_with(ident);
            !glued_before && !glued_after
        })
    };
    // And what it uses does not reach them either: the label matcher and placement name no
    // text-path unit or item, and the model only declares and re-exports them.
    for (name, src) in [
        (
            "tables/rowlabels.rs",
            include_str!("../src/tables/rowlabels.rs"),
        ),
        ("tables/place.rs", include_str!("../src/tables/place.rs")),
        ("tables/mod.rs", include_str!("../src/tables/mod.rs")),
    ] {
        let code: String = code(src)
            .lines()
            .filter(|l| !l.starts_with("mod ") && !l.starts_with("pub use "))
            .filter(|l| !l.starts_with("pub(crate) use lines::"))
            .collect::<Vec<_>>()
            .join("\n");
        for n in TEXT_ONLY.iter().filter(|n| **n != "*") {
            // A unit by its path (`requests::`; "requests-balance" is a rule's name), an item
            // by its name.
            let found = if TEXT_UNITS.contains(n) {
                named(&code, &format!("{n}::"), false)
            } else {
                named(&code, n, true)
            };
            assert!(!found, "{name} names {n}, a text-path item");
        }
    }
}
