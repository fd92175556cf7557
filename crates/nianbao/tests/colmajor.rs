//! Text taken from a PDF column by column (labels, then headers, then each column's values one
//! per line; a blank cell leaves nothing): put back cell by cell, or said to be unplaceable.
//! Never a wrong cell shown as read, never an Error on a correct report.

mod common;
use common::*;
use nianbao::layout::Kind;
use nianbao::result::{Read, Severity};
use nianbao::CheckResult;

fn check(text: &str) -> CheckResult {
    nianbao::check("colmajor.txt", text)
}

/// Cells right (read, and the value or blank the report has), wrong (read, but not what the
/// report has) and not read; with the first wrong cells named.
#[derive(Debug, Default, Clone)]
struct Tally {
    right: usize,
    wrong: usize,
    unread: usize,
    wrong_ids: Vec<String>,
    /// Read cells not marked `transposed` (all of parts 二 and 三 should be; part 四 is one row).
    not_transposed: Vec<String>,
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        self.right += o.right;
        self.wrong += o.wrong;
        self.unread += o.unread;
        self.wrong_ids.extend(o.wrong_ids.iter().cloned());
        self.not_transposed.extend(o.not_transposed.iter().cloned());
    }
}

fn tally(r: &CheckResult, want: &[(String, Option<f64>)]) -> Tally {
    let mut t = Tally::default();
    for (id, v) in want {
        let Some(c) = result_cell(r, id) else {
            t.unread += 1;
            continue;
        };
        if !c.read.is_read() || c.kind == Kind::Ambiguous {
            t.unread += 1;
            continue;
        }
        let ok = match v {
            None => c.kind == Kind::Blank,
            Some(x) => c.kind == Kind::Number && c.value == Some(*x),
        };
        if ok {
            t.right += 1;
        } else {
            t.wrong += 1;
            t.wrong_ids
                .push(format!("{id}: want {v:?}, read {:?} {:?}", c.kind, c.value));
        }
        if !id.starts_with("appeals/") && c.read != Read::Transposed {
            t.not_transposed.push(format!("{id}: {:?}", c.read));
        }
    }
    t
}

fn errors(r: &CheckResult) -> Vec<String> {
    r.findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| format!("{}: {}", f.rule, f.message))
        .collect()
}

/// The layouts tried: page break or not, stacked group label, headers before or after the
/// labels, wrapped labels, double spacing.
fn opts(i: u64, rows: usize) -> ColOpts {
    let mut rng = Rng::new(i + 1000);
    ColOpts {
        page_break: if i.is_multiple_of(3) {
            None
        } else {
            Some(3 + rng.below(rows as u64 - 4) as usize)
        },
        repeat_header: rng.chance(50),
        stacked: rng.chance(50),
        header_first: rng.chance(30),
        wrap: if rng.chance(50) {
            14 + rng.below(14) as usize
        } else {
            0
        },
        double_spaced: rng.chance(25),
        row_order: false,
    }
}

fn years() -> [i32; 4] {
    [2019, 2020, 2022, 2024]
}

#[test]
fn clean_reports_without_blanks_are_put_back_cell_by_cell() {
    for seed in 0..24u64 {
        let year = years()[seed as usize % 4];
        let cells = gen_cells(seed, year, Blanks::None);
        let o = opts(seed, cells.requests.len());
        let text = colmajor_report(&cells, &o);
        let r = check(&text);
        let t = tally(&r, &expected_cells(&cells));
        assert_eq!(
            (t.wrong, t.unread),
            (0, 0),
            "seed {seed} {year} {o:?}: {:?}\n{text}",
            t.wrong_ids
        );
        assert!(t.not_transposed.is_empty(), "{:?}", t.not_transposed);
        assert!(errors(&r).is_empty(), "seed {seed} {o:?}: {:?}", errors(&r));
        // The part's card says how the table was read.
        let info: Vec<_> = r
            .findings
            .iter()
            .filter(|f| f.rule == "row-shape" && f.section == Some(3))
            .collect();
        assert_eq!(info.len(), 1, "{:#?}", r.findings);
        assert_eq!(info[0].severity, Severity::Info);
        assert!(
            info[0].message.contains("已逐列还原"),
            "{}",
            info[0].message
        );
        if o.page_break.is_some() {
            assert!(info[0].message.contains("分2段"), "{}", info[0].message);
        }
        assert_eq!(r.counts.error, 0);
    }
}

#[test]
fn blanks_are_placed_only_where_every_placement_agrees() {
    let mut all = Tally::default();
    for seed in 0..24u64 {
        let year = years()[seed as usize % 4];
        let blanks = if seed % 4 == 3 {
            Blanks::Group
        } else {
            Blanks::Some
        };
        let cells = gen_cells(seed, year, blanks);
        let o = opts(seed, cells.requests.len());
        let text = colmajor_report(&cells, &o);
        let r = check(&text);
        let t = tally(&r, &expected_cells(&cells));
        assert_eq!(
            t.wrong, 0,
            "seed {seed} {year} {o:?}: {:?}\n{text}",
            t.wrong_ids
        );
        assert!(errors(&r).is_empty(), "seed {seed} {o:?}: {:?}", errors(&r));
        // Cells left unread are said once on the card: a warning, never an error.
        let unread_requests = r
            .tables
            .requests
            .rows
            .iter()
            .flat_map(|row| &row.cells)
            .any(|(_, c)| !c.read.is_read());
        let said = r.findings.iter().any(|f| {
            f.rule == "cell-ambiguous"
                && f.section == Some(3)
                && f.severity == Severity::Warning
                && f.message.contains("按列提取")
        });
        assert_eq!(unread_requests, said, "seed {seed}: {:#?}", r.findings);
        if std::env::var("COLMAJOR_VERBOSE").is_ok() {
            let card: Vec<_> = r
                .findings
                .iter()
                .filter(|f| f.message.contains("按列提取"))
                .map(|f| f.message.clone())
                .collect();
            println!(
                "seed {seed} {blanks:?} {o:?}: {} right {} unread; {card:?}",
                t.right, t.unread
            );
        }
        all.add(&t);
    }
    let cells = all.right + all.wrong + all.unread;
    println!(
        "blank cells: {} right, {} wrong, {} not read of {cells}",
        all.right, all.wrong, all.unread
    );
    // A blank among zeros cannot be told from them (the cells there are not read), and a blank
    // 法人 group leaves the applicant columns undecidable: most cells are still read.
    assert!(all.right * 100 >= cells * 60, "{all:?}");
}

#[test]
fn a_real_error_is_read_and_found_or_the_table_is_not_placed() {
    for seed in 0..12u64 {
        let year = years()[seed as usize % 4];
        let blanks = if seed % 2 == 0 {
            Blanks::None
        } else {
            Blanks::Some
        };
        let mut cells = gen_cells(seed, year, blanks);
        // 3.1's 自然人 one more than its total and the column's sums allow.
        let i = nianbao::spec::request_rows(cells.format)
            .iter()
            .position(|s| s.key == "3.1")
            .unwrap();
        cells.requests[i][0] = Some(cells.requests[i][0].unwrap_or(0) + 1);
        let o = opts(seed, cells.requests.len());
        let r = check(&colmajor_report(&cells, &o));
        let t = tally(&r, &expected_cells(&cells));
        assert_eq!(t.wrong, 0, "seed {seed}: {:?}", t.wrong_ids);
        let found = r
            .findings
            .iter()
            .any(|f| f.rule == "requests-row-total" && f.severity == Severity::Error);
        if blanks == Blanks::None {
            // Every column's count fits: read exactly, and the error is found.
            assert_eq!(t.unread, 0, "seed {seed}");
            assert!(found, "seed {seed}: {:#?}", r.findings);
        } else if !found {
            // Not placed: said so, nothing shown as read in part 三.
            assert!(
                r.findings
                    .iter()
                    .any(|f| f.rule == "cell-ambiguous" && f.message.contains("按列提取")),
                "seed {seed}: {:#?}",
                r.findings
            );
        }
    }
}

#[test]
fn values_row_by_row_after_the_labels_are_not_taken_column_by_column() {
    for seed in [1u64, 2, 5] {
        let cells = gen_cells(seed, 2022, Blanks::None);
        let o = ColOpts {
            row_order: true,
            ..ColOpts::default()
        };
        let r = check(&colmajor_report(&cells, &o));
        let t = tally(&r, &expected_cells(&cells));
        assert_eq!(t.wrong, 0, "{:?}", t.wrong_ids);
        let f = r
            .findings
            .iter()
            .find(|f| f.rule == "cell-ambiguous" && f.section == Some(3))
            .expect("said on the card");
        assert!(f.message.contains("按行读"), "{}", f.message);
        assert!(errors(&r).is_empty(), "{:?}", errors(&r));
    }
}

#[test]
fn part_four_with_a_blank_reads_the_cells_every_placement_agrees_on() {
    let mut cells = gen_cells(11, 2022, Blanks::None);
    cells.appeals = [2, 0, 0, 1, 3, 4, 1, 0, 0, 5, 0, 0, 0, 0, 0]
        .iter()
        .map(|&v| Some(v))
        .collect();
    // 复议·结果纠正 left blank: 2, (blank), 0, 1, 3.
    cells.appeals[1] = None;
    let r = check(&colmajor_report(&cells, &ColOpts::default()));
    let row = &r.tables.appeals.rows[0];
    let got: Vec<(Option<i64>, Read)> = row.cells.iter().map(|(_, c)| (c.int(), c.read)).collect();
    let t = Read::Transposed;
    // The totals place the blank in the first group, not where in it: the group's four cells
    // are not read (2 could be 结果维持 or 结果纠正); its total and the other groups are.
    assert!(got[..4].iter().all(|c| !c.1.is_read()), "{got:?}");
    assert_eq!(got[4], (Some(3), t));
    assert_eq!(
        got[5..],
        [
            (Some(4), t),
            (Some(1), t),
            (Some(0), t),
            (Some(0), t),
            (Some(5), t),
            (Some(0), t),
            (Some(0), t),
            (Some(0), t),
            (Some(0), t),
            (Some(0), t)
        ]
    );
    assert!(errors(&r).is_empty(), "{:?}", errors(&r));
    assert!(r.findings.iter().any(|f| f.rule == "cell-ambiguous"
        && f.section == Some(4)
        && f.severity == Severity::Warning));
}

#[test]
fn a_note_with_numbers_under_the_table_ends_it() {
    let cells = gen_cells(9, 2021, Blanks::None);
    let text = colmajor_report(&cells, &ColOpts::default());
    let at = text.find("四、政府信息公开行政复议").unwrap();
    let text = format!("{}注 1 本表数据截至12月31日\n{}", &text[..at], &text[at..]);
    let r = check(&text);
    let t = tally(&r, &expected_cells(&cells));
    assert_eq!((t.wrong, t.unread), (0, 0), "{:?}", t.wrong_ids);
    assert!(errors(&r).is_empty(), "{:?}", errors(&r));
}

#[test]
fn more_values_than_cells_are_never_dealt_out() {
    let cells = gen_cells(7, 2022, Blanks::None);
    let text = colmajor_report(&cells, &ColOpts::default());
    // One value too many in the middle of part 三's columns.
    let at = text.find("四、政府信息公开行政复议").unwrap();
    let cut = text[..at].rfind('\n').unwrap();
    let text = format!("{}\n7{}", &text[..cut], &text[cut..]);
    let r = check(&text);
    assert!(r
        .tables
        .requests
        .rows
        .iter()
        .flat_map(|row| &row.cells)
        .all(|(_, c)| !c.read.is_read()));
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "cell-ambiguous" && f.section == Some(3))
        .expect("said on the card");
    assert_eq!(f.severity, Severity::Warning);
    assert!(f.message.contains("无法逐列还原"), "{}", f.message);
    assert!(errors(&r).is_empty(), "{:?}", errors(&r));
}

#[test]
fn a_lost_label_is_placed_by_position_only_when_the_identities_confirm_it() {
    for (seed, year) in [(3u64, 2020), (4, 2023)] {
        let cells = gen_cells(seed, year, Blanks::None);
        let text = colmajor_report(&cells, &ColOpts::default());
        let lost = text.replace("\n2.重复申请\n", "\n＊＊＊\n");
        assert_ne!(lost, text);
        let r = check(&lost);
        let t = tally(&r, &expected_cells(&cells));
        assert_eq!((t.wrong, t.unread), (0, 0), "{:?}", t.wrong_ids);
        let row = r.tables.requests.row("3.5.2").unwrap();
        assert_eq!(row.found_by, nianbao::result::FoundBy::Position);
        assert!(errors(&r).is_empty(), "{:?}", errors(&r));
        // The same with a real error: the rows are not told apart by position, nothing is
        // read, no error is claimed on a position.
        let mut bad = cells.clone();
        let i = nianbao::spec::request_rows(bad.format)
            .iter()
            .position(|s| s.key == "3.1")
            .unwrap();
        bad.requests[i][0] = Some(bad.requests[i][0].unwrap() + 1);
        let text = colmajor_report(&bad, &ColOpts::default());
        let r = check(&text.replace("\n2.重复申请\n", "\n＊＊＊\n"));
        let t = tally(&r, &expected_cells(&bad));
        assert_eq!(t.wrong, 0);
        assert!(
            errors(&r).iter().all(|e| !e.starts_with("requests-")),
            "{:?}",
            errors(&r)
        );
        assert!(r
            .findings
            .iter()
            .any(|f| f.rule == "cell-ambiguous" && f.message.contains("标签未能识别")));
    }
}

/// Damaged column-by-column text (a value line lost or doubled, labels swapped, junk lines):
/// never a panic, never long, and when the table cannot be put back no identity Error on it.
#[test]
fn damaged_text_is_read_in_bounded_time_without_panics() {
    let start = std::time::Instant::now();
    for seed in 0..40u64 {
        let year = years()[seed as usize % 4];
        let cells = gen_cells(
            seed + 500,
            year,
            if seed % 2 == 0 {
                Blanks::None
            } else {
                Blanks::Some
            },
        );
        let text = colmajor_report(&cells, &opts(seed, cells.requests.len()));
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        let mut rng = Rng::new(seed + 77);
        for _ in 0..1 + rng.below(3) {
            let i = rng.below(lines.len() as u64) as usize;
            match rng.below(4) {
                0 => {
                    lines.remove(i);
                }
                1 => {
                    let l = lines[i].clone();
                    lines.insert(i, l);
                }
                2 => {
                    let j = rng.below(lines.len() as u64) as usize;
                    lines.swap(i, j);
                }
                _ => lines.insert(
                    i,
                    ["- 2 -", "第 3 页", "0 0", "／", "表格"][rng.below(5) as usize].to_string(),
                ),
            }
        }
        let r = check(&lines.join("\n"));
        if let Some(cm) = r
            .findings
            .iter()
            .find(|f| f.message.contains("无法逐列还原"))
        {
            assert_eq!(cm.severity, Severity::Warning);
        }
    }
    assert!(start.elapsed().as_secs() < 60, "{:?}", start.elapsed());
}

/// The shared examples (`/work/shared/examples/text-forms`), cell by cell against their
/// `.cells.json`, when that folder is present.
#[test]
fn shared_examples_match_their_cells() {
    let dir = std::path::Path::new("/work/shared/examples/text-forms");
    if !dir.is_dir() {
        println!("SKIPPED: {} is not present", dir.display());
        return;
    }
    for name in ["2019_clean_colmajor", "2021_clean_colmajor"] {
        let text = std::fs::read_to_string(dir.join(format!("{name}.txt"))).unwrap();
        let json: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(dir.join(format!("{name}.cells.json"))).unwrap(),
        )
        .unwrap();
        let want: Vec<(String, Option<f64>)> = json["cells"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), v.as_f64()))
            .collect();
        assert!(want.len() > 150);
        let r = check(&text);
        let t = tally(&r, &want);
        assert_eq!((t.wrong, t.unread), (0, 0), "{name}: {:?}", t.wrong_ids);
        assert!(
            t.not_transposed.is_empty(),
            "{name}: {:?}",
            t.not_transposed
        );
        assert!(errors(&r).is_empty(), "{name}: {:?}", errors(&r));
    }
}

/// Writes 60 generated reports and their cells, to measure any build with its command line
/// (`COLMAJOR_DUMP=dir cargo test -p nianbao --test colmajor -- --ignored dump`).
#[test]
#[ignore = "a tool: writes files for measuring other builds"]
fn dump_generated_reports() {
    let dir = std::env::var("COLMAJOR_DUMP").unwrap_or_else(|_| {
        std::env::temp_dir()
            .join("colmajor-dump")
            .to_string_lossy()
            .into_owned()
    });
    std::fs::create_dir_all(&dir).unwrap();
    for seed in 0..60u64 {
        let year = years()[seed as usize % 4];
        let blanks = match seed % 3 {
            0 => Blanks::None,
            1 => Blanks::Some,
            _ if seed.is_multiple_of(2) => Blanks::Group,
            _ => Blanks::None,
        };
        let cells = gen_cells(seed + 100, year, blanks);
        let o = opts(seed + 100, cells.requests.len());
        let text = colmajor_report(&cells, &o);
        std::fs::write(format!("{dir}/{seed:02}.txt"), &text).unwrap();
        let map: serde_json::Map<String, serde_json::Value> = expected_cells(&cells)
            .into_iter()
            .map(|(k, v)| {
                (
                    k,
                    v.map_or(serde_json::Value::Null, |x| serde_json::json!(x)),
                )
            })
            .collect();
        std::fs::write(
            format!("{dir}/{seed:02}.cells.json"),
            serde_json::json!({ "cells": map }).to_string(),
        )
        .unwrap();
    }
}
