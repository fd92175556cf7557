//! The Excel workbooks (`--summary x.xlsx`, `--issues x.xlsx`, `--issues-dir D --issues-format
//! xlsx`) opened with a real reader (Python's openpyxl): every cell equals the CSV's of the same
//! run, the header is frozen, the filter covers every row and column, the 结论 / 严重程度 cells
//! are coloured, rates are numbers shown as %. Skips, saying so loudly, only without python3 and
//! openpyxl (scripts/install-tools.sh installs them, so scripts/test.sh never skips).

use std::path::{Path, PathBuf};
use std::process::Command;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../nianbao/tests/fixtures");
const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../nianbao/tests/data/seeds");

/// What openpyxl reads of a workbook's first sheet: its name, freeze pane, filter range, and per
/// cell (value, number format, fill colour).
const DUMP: &str = r#"
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.active
rows = []
for row in ws.iter_rows():
    rows.append([[c.value, c.number_format, c.fill.fgColor.rgb if c.fill and c.fill.fill_type else None] for c in row])
widths = {k: v.width for k, v in ws.column_dimensions.items()}
print(json.dumps({"title": ws.title, "freeze": ws.freeze_panes, "filter": ws.auto_filter.ref,
                  "rows": rows, "widths": widths}, ensure_ascii=False))
"#;

/// openpyxl's reading of `path`; None (after a loud message) when python3 or openpyxl is missing.
fn dump(path: &Path) -> Option<serde_json::Value> {
    let probe = Command::new("python3")
        .args(["-c", "import openpyxl"])
        .status();
    if !probe.is_ok_and(|s| s.success()) {
        eprintln!(
            "\n*** SKIPPED: python3 with openpyxl is missing (apt install python3-openpyxl; \
             scripts/install-tools.sh does it) ***\n"
        );
        return None;
    }
    let o = Command::new("python3")
        .args(["-c", DUMP])
        .arg(path)
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "openpyxl could not open {}: {}",
        path.display(),
        String::from_utf8_lossy(&o.stderr)
    );
    Some(serde_json::from_slice(&o.stdout).unwrap())
}

fn scratch(test: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("nianbao-xlsx-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// A batch with every verdict: Word, PDF, web page, a scan (unreadable) and seeds.
fn inputs() -> Vec<String> {
    let mut v: Vec<String> = [
        "report_a.docx",
        "report_b.pdf",
        "report_a.html",
        "scanned.pdf",
    ]
    .iter()
    .map(|f| format!("{FIXTURES}/{f}"))
    .collect();
    let mut seeds: Vec<PathBuf> = std::fs::read_dir(SEEDS)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    seeds.sort();
    v.extend(seeds.iter().take(12).map(|p| p.display().to_string()));
    v
}

fn run(args: &[String]) {
    let o = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        o.status.code().is_some_and(|c| c <= 2),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// A workbook cell shown as the CSV writes it.
fn as_csv(cell: &serde_json::Value) -> String {
    let (v, fmt) = (&cell[0], cell[1].as_str().unwrap_or(""));
    match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::Number(n) if fmt.ends_with('%') => {
            format!("{:.1}%", n.as_f64().unwrap() * 100.0)
        }
        serde_json::Value::Number(n) => {
            let x = n.as_f64().unwrap();
            if x.fract() == 0.0 {
                format!("{x:.0}")
            } else {
                x.to_string()
            }
        }
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Every cell of the workbook equals the CSV's (formula guards aside), and its layout.
fn same_as_csv(book: &serde_json::Value, csv: &str) -> Vec<Vec<String>> {
    let want = nianbao::xlsx::parse_csv(csv);
    let rows = book["rows"].as_array().unwrap();
    assert_eq!(rows.len(), want.len(), "rows");
    for (r, (got, want)) in rows.iter().zip(&want).enumerate() {
        let got: Vec<String> = got.as_array().unwrap().iter().map(as_csv).collect();
        assert_eq!(&got, want, "row {}", r + 1);
    }
    assert_eq!(book["freeze"], "A2", "the header row is frozen");
    let last_col = (b'A' + u8::try_from(want[0].len() - 1).unwrap()) as char;
    assert_eq!(
        book["filter"],
        format!("A1:{last_col}{}", want.len()),
        "the filter covers every row and column"
    );
    want
}

/// The fill of the cell in `col` of the first row whose `col` reads `text`.
fn fill_of(book: &serde_json::Value, col: usize, text: &str) -> String {
    let rows = book["rows"].as_array().unwrap();
    let row = rows
        .iter()
        .find(|r| r[col][0] == text)
        .unwrap_or_else(|| panic!("no row with {text}"));
    row[col][2].as_str().unwrap_or("none").to_string()
}

#[test]
fn roll_up_and_issue_list_workbooks_read_back_as_their_csvs() {
    let d = scratch("both");
    for (en, lang) in [(false, "zh"), (true, "en")] {
        let p = |n: &str| d.join(format!("{lang}-{n}")).display().to_string();
        let mut args: Vec<String> = ["check", "--lang", lang, "--format", "csv"]
            .iter()
            .map(ToString::to_string)
            .collect();
        // Two runs: the CSVs, then the workbooks, of the same inputs.
        let mut csv_args = args.clone();
        csv_args.extend([
            "--summary".into(),
            p("s.csv"),
            "--issues".into(),
            p("i.csv"),
        ]);
        csv_args.extend(inputs());
        run(&csv_args);
        args.extend([
            "--summary".into(),
            p("s.xlsx"),
            "--issues".into(),
            p("i.xlsx"),
        ]);
        args.extend(inputs());
        run(&args);
        let Some(summary) = dump(Path::new(&p("s.xlsx"))) else {
            return;
        };
        let csv = std::fs::read_to_string(p("s.csv")).unwrap();
        let want = same_as_csv(&summary, &csv);
        let header = if en {
            nianbao::export::SUMMARY_HEADER_EN
        } else {
            nianbao::export::SUMMARY_HEADER
        };
        assert_eq!(want[0].join(","), header);
        assert_eq!(summary["title"], if en { "Roll-up" } else { "汇总" });
        let verdict = want[0]
            .iter()
            .position(|h| h == if en { "Verdict" } else { "结论" })
            .unwrap();
        let (fail, unreadable) = if en {
            ("Needs fixes", "Unreadable")
        } else {
            ("需修改", "无法读取")
        };
        assert_eq!(fill_of(&summary, verdict, fail), "FFFFC7CE", "fail is red");
        assert_eq!(
            fill_of(&summary, verdict, unreadable),
            "FFD9D9D9",
            "unreadable is grey"
        );
        // A rate is a number in a % format (the CSV's 12.3%), not text.
        let rate = want[0]
            .iter()
            .position(|h| {
                h == if en {
                    "Disclosure rate"
                } else {
                    "实质公开率"
                }
            })
            .unwrap();
        let rows = summary["rows"].as_array().unwrap();
        assert!(
            rows.iter()
                .any(|r| r[rate][0].is_number() && r[rate][1] == "0.0%"),
            "some 实质公开率 is a number shown as %"
        );
        // Widths fit the Chinese text: the file column is wider than the year column.
        assert!(
            summary["widths"]["A"].as_f64().unwrap() > summary["widths"]["C"].as_f64().unwrap()
        );

        let issues = dump(Path::new(&p("i.xlsx"))).unwrap();
        let csv = std::fs::read_to_string(p("i.csv")).unwrap();
        issue_list_is_its_csv(&issues, &csv, en);
    }
}

/// The 问题清单 workbook: the CSV's cells, header, and the severity fills.
fn issue_list_is_its_csv(issues: &serde_json::Value, csv: &str, en: bool) {
    let want = same_as_csv(issues, csv);
    assert_eq!(
        format!("\u{FEFF}{}\r\n", want[0].join(",")),
        nianbao::issues::header(en)
    );
    assert!(want.len() > 20, "findings of every report");
    // 严重程度 / Severity.
    let sev = 5;
    let (error, warning) = if en {
        ("error", "warning")
    } else {
        ("错误", "提示")
    };
    let rows = issues["rows"].as_array().unwrap();
    let readable_error = rows
        .iter()
        .find(|r| r[sev][0] == error && r[0][0].is_string())
        .unwrap();
    assert_eq!(readable_error[sev][2], "FFFFC7CE", "an error is red");
    assert_eq!(
        fill_of(issues, sev, warning),
        "FFFFEB9C",
        "a warning is yellow"
    );
    let scan = rows
        .iter()
        .find(|r| r[2][0].as_str().is_some_and(|f| f.ends_with("scanned.pdf")))
        .unwrap();
    assert_eq!(scan[sev][2], "FFD9D9D9", "an unreadable file's row is grey");
}

#[test]
fn issues_dir_writes_one_workbook_per_unit() {
    let d = scratch("dir");
    let dir = d.join("units");
    let mut args: Vec<String> = vec![
        "check".into(),
        "--format".into(),
        "json".into(),
        "--issues-dir".into(),
        dir.display().to_string(),
        "--issues-format".into(),
        "xlsx".into(),
    ];
    args.extend(inputs());
    run(&args);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 8, "{names:?}");
    assert!(
        names
            .iter()
            .all(|n| n.contains("_问题清单") && n.ends_with(".xlsx")),
        "{names:?}"
    );
    assert!(names.contains(&"scanned_问题清单.xlsx".to_string()));
    let Some(book) = dump(&dir.join(&names[0])) else {
        return;
    };
    let rows = book["rows"].as_array().unwrap();
    assert_eq!(rows[0][0][0], "单位");
    assert!(rows.len() >= 2);
    assert_eq!(book["freeze"], "A2");

    // Any other format is refused with a message.
    let o = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args([
            "check",
            "--issues-dir",
            "x",
            "--issues-format",
            "ods",
            "a.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("unknown format: ods"));
}
