//! The hard text forms as files, for the page's end-to-end test (tests/e2e.mjs chooses them as a
//! user would): made by the generators in tests/common, so they cannot drift from them.
//! `NIANBAO_WRITE_FIXTURES=1 cargo test -p nianbao --test hard_fixtures` writes them anew.

mod common;
use common::*;
use nianbao::spec::Format;

fn fixtures() -> Vec<(&'static str, String)> {
    let some = gen_cells(7, 2023, Blanks::Some);
    let colmajor_blanks = colmajor_report(
        &some,
        &ColOpts {
            page_break: Some(12),
            repeat_header: true,
            stacked: true,
            ..Default::default()
        },
    );
    let none = gen_cells(3, 2020, Blanks::None);
    let colmajor = colmajor_report(
        &none,
        &ColOpts {
            wrap: 18,
            ..Default::default()
        },
    );
    let (one_line, _) = one_line_report(2023, 11);
    let format = Format::F2021;
    let mut g = Lcg(5);
    let (rows, appeals) = random_tables(format, &mut g);
    let tab_columns = report(2022, &rows, &appeals, Layout::TabColumns(Trail::Mixed));
    vec![
        ("colmajor_2023_blanks.txt", colmajor_blanks),
        ("colmajor_2020.txt", colmajor),
        ("oneline_2023.txt", one_line),
        ("tabcolumns_2022.txt", tab_columns),
    ]
}

#[test]
fn hard_form_fixtures_are_the_generators_output() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hard");
    let write = std::env::var_os("NIANBAO_WRITE_FIXTURES").is_some();
    for (name, text) in fixtures() {
        let path = format!("{dir}/{name}");
        if write {
            std::fs::create_dir_all(dir).unwrap();
            std::fs::write(&path, &text).unwrap();
        }
        let on_disk = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(
            on_disk == text,
            "{name} differs from its generator: write it anew"
        );
        // Each is a correct report: no Error, and every form is read as that form.
        let r = nianbao::check(name, &text);
        assert_eq!(r.counts.error, 0, "{name}: {:#?}", r.findings);
        let read = |want: nianbao::result::Read| {
            r.tables
                .requests
                .rows
                .iter()
                .flat_map(|row| &row.cells)
                .filter(|(_, c)| c.read == want)
                .count()
        };
        match name {
            n if n.starts_with("colmajor") => {
                assert!(read(nianbao::result::Read::Transposed) > 100, "{name}")
            }
            n if n.starts_with("oneline") => {
                assert!(read(nianbao::result::Read::Solved) > 50, "{name}")
            }
            _ => assert!(read(nianbao::result::Read::Position) > 150, "{name}"),
        }
    }
}
