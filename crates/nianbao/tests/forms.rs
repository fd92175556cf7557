//! The same report in every form people have it (Word, web page, pasted HTML, PDF, text in three
//! encodings) gives the same cells and the same findings through the whole path: bytes → reader
//! → check. The report is the project's `tools/fixtures/report_a.json`; `report_b` is the same
//! with two blank cells and row 1's 总计 changed from 81 to 82.

use nianbao::document::Form;
use nianbao::result::{CheckResult, Read, Severity, Verdict};
use serde_json::Value;

fn report_a() -> Value {
    let p = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tools/fixtures/report_a.json"
    );
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

fn check_file(name: &str) -> CheckResult {
    let p = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("{p}: {e}"));
    nianbao::check_bytes(name, &bytes, None, &nianbao::read::encoding_rs_legacy)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

const REQUEST_KEYS: [&str; 25] = [
    "1", "2", "3.1", "3.2", "3.3.1", "3.3.2", "3.3.3", "3.3.4", "3.3.5", "3.3.6", "3.3.7", "3.3.8",
    "3.4.1", "3.4.2", "3.4.3", "3.5.1", "3.5.2", "3.5.3", "3.5.4", "3.5.5", "3.6.1", "3.6.2",
    "3.6.3", "3.7", "4",
];

/// Every cell of the three tables against report_a.json, with `changed` (row, column, raw)
/// overriding it. Returns the mismatches.
fn cell_mismatches(r: &CheckResult, changed: &[(&str, usize, &str)]) -> Vec<String> {
    let a = report_a();
    let mut bad = Vec::new();
    for key in REQUEST_KEYS {
        let Some(row) = r.tables.requests.row(key).filter(|x| x.found) else {
            bad.push(format!("row {key} missing"));
            continue;
        };
        for (i, (col, cell)) in row.cells.iter().enumerate() {
            let want = changed
                .iter()
                .find(|(k, c, _)| *k == key && *c == i)
                .map(|x| x.2.to_string())
                .unwrap_or_else(|| a["requests"][key][i].as_str().unwrap().to_string());
            if cell.raw != want {
                bad.push(format!("{key}/{col}: {:?} ≠ {want:?}", cell.raw));
            }
        }
    }
    let ap = r.tables.appeals.row("appeals").unwrap();
    for (i, (col, cell)) in ap.cells.iter().enumerate() {
        let want = a["appeals"][i].as_str().unwrap();
        if cell.raw != want {
            bad.push(format!("appeals/{col}: {:?} ≠ {want:?}", cell.raw));
        }
    }
    let act = &r.tables.active;
    for (key, col, item, label, i) in [
        ("regulations", "issued", "一", "规章", 0),
        ("regulations", "in_force", "一", "规章", 2),
        ("normative_documents", "issued", "一", "行政规范性文件", 0),
        ("normative_documents", "repealed", "一", "行政规范性文件", 1),
        ("normative_documents", "in_force", "一", "行政规范性文件", 2),
        ("licensing", "decisions", "五", "行政许可", 0),
        ("penalty", "decisions", "六", "行政处罚", 0),
        ("coercion", "decisions", "六", "行政强制", 0),
        ("fees", "amount", "八", "行政事业性收费", 0),
    ] {
        let want = a["active"][item][label][i].as_str().unwrap();
        let got = act
            .row(key)
            .and_then(|r| r.cell(col))
            .map(|c| c.raw.as_str());
        if got != Some(want) {
            bad.push(format!("{key}/{col}: {got:?} ≠ {want:?}"));
        }
    }
    bad
}

fn errors(r: &CheckResult) -> Vec<String> {
    r.findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| format!("{} L{:?} {}", f.rule, f.line, f.message))
        .collect()
}

fn all_cells_read(r: &CheckResult, read: Read) -> bool {
    [&r.tables.requests, &r.tables.appeals, &r.tables.active]
        .iter()
        .flat_map(|t| t.rows.iter())
        .flat_map(|row| row.cells.iter())
        .all(|(_, c)| c.read == read)
}

#[test]
fn report_a_in_every_form_passes_with_every_cell_right() {
    let mut forms = vec![
        ("report_a.docx", Form::Docx, "utf-8", Read::Grid),
        ("report_a_numbered.docx", Form::Docx, "utf-8", Read::Grid),
        ("report_a.html", Form::Html, "utf-8", Read::Grid),
        ("report_a_gbk.html", Form::Html, "gb18030", Read::Grid),
        (
            "report_a_word_clipboard.html",
            Form::Html,
            "utf-8",
            Read::Grid,
        ),
        ("report_a_tabs.txt", Form::Text, "utf-8", Read::Position),
        (
            "report_a_tabs_gb18030.txt",
            Form::Text,
            "gb18030",
            Read::Position,
        ),
        (
            "report_a_tabs_utf16le.txt",
            Form::Text,
            "utf-16le",
            Read::Position,
        ),
    ];
    if cfg!(feature = "pdf") {
        forms.push(("report_a.pdf", Form::Pdf, "utf-8", Read::Grid));
        forms.push(("report_a_split.pdf", Form::Pdf, "utf-8", Read::Grid));
        forms.push(("report_a_rotated.pdf", Form::Pdf, "utf-8", Read::Grid));
    }
    for (name, form, encoding, read) in forms {
        let r = check_file(name);
        assert_eq!(
            (r.input.form, r.input.encoding.as_str()),
            (form, encoding),
            "{name}"
        );
        let bad = cell_mismatches(&r, &[]);
        assert!(bad.is_empty(), "{name}: {bad:#?}");
        assert!(
            all_cells_read(&r, read),
            "{name}: not every cell read as {read:?}"
        );
        assert_eq!(r.verdict, Verdict::Pass, "{name}: {:#?}", r.findings);
        assert_eq!(
            r.meta.title.as_deref(),
            Some("泉州市丰泽区卫生健康局2022年政府信息公开工作年度报告"),
            "{name}"
        );
        assert_eq!(r.meta.published.as_deref(), Some("2023-01-16"), "{name}");
        assert!(r.sections.iter().all(|s| s.found), "{name}");
    }
}

#[test]
fn glued_cells_are_split_by_the_identities_and_marked_as_solved() {
    // A crawler's text: every row of part 三 glued ("…申请数量753012081"), a group's merged cell
    // glued before its first row. Every row has one split that the identities allow: every cell
    // comes out right, marked `solved`; one finding says how, never an error.
    let r = check_file("report_a_glued.txt");
    let bad = cell_mismatches(&r, &[]);
    assert!(bad.is_empty(), "{bad:#?}");
    let t = &r.tables.requests;
    assert!(t
        .rows
        .iter()
        .flat_map(|row| row.cells.iter())
        .all(|(_, c)| c.read == Read::Solved));
    assert!(errors(&r).is_empty(), "{:#?}", errors(&r));
    assert_eq!(r.verdict, Verdict::Pass);
    let shape = r
        .findings
        .iter()
        .find(|f| f.rule == "row-shape" && f.line == t.row("1").unwrap().line)
        .expect("a finding says how row 1 was split");
    assert!(shape.message.contains("753012081"), "{}", shape.message);
    assert_eq!(shape.severity, nianbao::result::Severity::Info);
    assert_eq!(shape.cells.len(), 25, "{:?}", shape.cells);
    // The identities that split the rows are not counted as checks that passed.
    let row_total = r.sections[2]
        .checks
        .iter()
        .find(|c| c.rule == "requests-row-total")
        .unwrap();
    assert!(
        row_total.detail.contains("用于读取表格"),
        "{}",
        row_total.detail
    );
}

#[test]
fn pasted_word_html_reads_like_the_file() {
    let p = format!(
        "{}/tests/fixtures/report_a_word_clipboard.html",
        env!("CARGO_MANIFEST_DIR")
    );
    let html = std::fs::read_to_string(p).unwrap();
    let doc = nianbao::read::html::read_pasted(&html);
    assert_eq!(doc.form, Form::PastedHtml);
    let r = nianbao::check_document("pasted.html", &doc);
    assert!(cell_mismatches(&r, &[]).is_empty());
    assert_eq!(r.verdict, Verdict::Pass, "{:#?}", r.findings);
}

#[test]
fn report_b_in_every_form_gives_the_same_findings() {
    let changed = [("3.4.2", 0, ""), ("2", 5, ""), ("1", 6, "82")];
    let mut names = vec!["report_b.docx", "report_b.html"];
    if cfg!(feature = "pdf")
        && std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/report_b.pdf"
        ))
        .exists()
    {
        names.push("report_b.pdf");
    }
    let mut seen: Option<Vec<(String, Severity, String)>> = None;
    for name in names {
        let r = check_file(name);
        let bad = cell_mismatches(&r, &changed);
        assert!(bad.is_empty(), "{name}: {bad:#?}");
        assert_eq!(r.verdict, Verdict::Fail);
        let rules: Vec<(String, Severity, String)> = r
            .findings
            .iter()
            .map(|f| (f.rule.to_string(), f.severity, f.message.clone()))
            .collect();
        // Row 1's total breaks its row and the 总计 column's balance; the two blanks are
        // reported; the prose's 81 disagrees with the table's 82. Nothing else.
        let mut names: Vec<&str> = rules.iter().map(|x| x.0.as_str()).collect();
        names.sort();
        assert_eq!(
            names,
            [
                "cell-blank",
                "cell-blank",
                "requests-balance",
                "requests-row-total",
                "text-table-mismatch"
            ],
            "{name}: {:#?}",
            errors(&r)
        );
        let e = errors(&r);
        assert_eq!(e.len(), 2, "{name}: {e:#?}");
        assert!(e.iter().any(|m| m.contains("总计82")), "{name}: {e:#?}");
        match &seen {
            None => seen = Some(rules),
            Some(first) => assert_eq!(first, &rules, "{name}: findings differ by form"),
        }
    }
}

/// The page gets each result from the checking worker as JSON and reads it back: the round trip
/// loses nothing, on every seed and on a report with a previous year.
#[test]
fn result_json_reads_back_unchanged() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/seeds");
    let mut n = 0;
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        let text = std::fs::read_to_string(&p).unwrap();
        let r = nianbao::check("seed.txt", &text);
        let json = serde_json::to_string(&r).unwrap();
        let back: nianbao::CheckResult = serde_json::from_str(&json).unwrap();
        assert_eq!(
            serde_json::to_string(&back).unwrap(),
            json,
            "{}",
            p.display()
        );
        n += 1;
    }
    assert!(n >= 5);
}
