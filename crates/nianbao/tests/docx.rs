//! The Word reader on the project's fixtures (made by tools/fixtures/make_docx.py from the
//! official blank form, filled with tools/fixtures/report_a.json): every grid cell is checked
//! against the JSON.
#![cfg(feature = "docx")]

use nianbao::document::{Document, Form, Grid};
use serde_json::Value;

const HEADINGS: [&str; 6] = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
];

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn read(name: &str) -> Document {
    nianbao::read::read(&fixture(name), name, None, &nianbao::read::no_legacy)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn report() -> Value {
    let path = format!(
        "{}/../../tools/fixtures/report_a.json",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn request_keys() -> Vec<String> {
    let mut k: Vec<String> = vec!["1".into(), "2".into(), "3.1".into(), "3.2".into()];
    k.extend((1..=8).map(|i| format!("3.3.{i}")));
    k.extend((1..=3).map(|i| format!("3.4.{i}")));
    k.extend((1..=5).map(|i| format!("3.5.{i}")));
    k.extend((1..=3).map(|i| format!("3.6.{i}")));
    k.push("3.7".into());
    k.push("4".into());
    k
}

fn cell(g: &Grid, row: usize, col: usize) -> &str {
    g.at(row, col)
        .unwrap_or_else(|| panic!("{}: no cell at ({row}, {col})", g.origin))
        .text
        .as_str()
}

fn s(v: &Value) -> &str {
    v.as_str().unwrap()
}

/// Every value cell of the three grids against the report's data.
fn assert_cells(doc: &Document, r: &Value) {
    assert_eq!(doc.form, Form::Docx);
    assert_eq!(doc.tables.len(), 3, "{:#?}", doc.tables);
    let (two, three, four) = (&doc.tables[0], &doc.tables[1], &doc.tables[2]);
    assert_eq!((two.rows, two.cols), (14, 4));
    assert_eq!((three.rows, three.cols), (28, 10));
    assert_eq!((four.rows, four.cols), (4, 15));

    // Part 二.
    let a = &r["active"];
    for (row, item, label) in [(2, "一", "规章"), (3, "一", "行政规范性文件")] {
        assert_eq!(cell(two, row, 0), label);
        for k in 0..3 {
            assert_eq!(
                cell(two, row, 1 + k),
                s(&a[item][label][k]),
                "({row}, {})",
                1 + k
            );
        }
    }
    for (row, item, label) in [
        (6, "五", "行政许可"),
        (9, "六", "行政处罚"),
        (10, "六", "行政强制"),
        (13, "八", "行政事业性收费"),
    ] {
        assert_eq!(cell(two, row, 0), label);
        assert_eq!(cell(two, row, 1), s(&a[item][label][0]), "({row}, 1)");
        assert_eq!(two.at(row, 1).unwrap().colspan, 3);
    }

    // Part 三: header merges, then 25 rows × 7 values.
    let head = three.at(0, 0).unwrap();
    assert_eq!((head.rowspan, head.colspan), (3, 3));
    assert!(head.text.contains("勾稽关系"));
    assert_eq!(three.at(1, 3).unwrap().text, "自然人");
    assert_eq!(three.at(1, 3).unwrap().rowspan, 2);
    assert_eq!(three.at(1, 4).unwrap().colspan, 5);
    assert_eq!(three.at(1, 9).unwrap().text, "总计");
    let results = three.at(5, 0).unwrap();
    assert_eq!(results.text, "三、本年度办理结果");
    assert_eq!(results.rowspan, 22);
    assert_eq!(three.at(7, 1).unwrap().rowspan, 8);
    assert!(cell(three, 3, 0).starts_with("一、本年新收"));
    assert!(cell(three, 27, 0).starts_with("四、结转下年度"));
    for (i, key) in request_keys().iter().enumerate() {
        for c in 0..7 {
            assert_eq!(
                cell(three, 3 + i, 3 + c),
                s(&r["requests"][key][c]),
                "row {key} column {c}"
            );
        }
    }

    // Part 四.
    assert_eq!(four.at(0, 0).unwrap().colspan, 5);
    assert_eq!(four.at(0, 5).unwrap().colspan, 10);
    assert_eq!(four.at(1, 0).unwrap().rowspan, 2);
    for c in 0..15 {
        assert_eq!(cell(four, 3, c), s(&r["appeals"][c]), "appeals column {c}");
    }

    // Each grid stands in the text after its part's heading, at the line it says.
    let lines: Vec<&str> = doc.text.lines().collect();
    for (g, heading) in [
        (two, HEADINGS[1]),
        (three, HEADINGS[2]),
        (four, HEADINGS[3]),
    ] {
        let h = lines.iter().position(|l| *l == heading).unwrap();
        assert!(
            g.line > h + 1,
            "{} at line {} after {heading}",
            g.origin,
            g.line
        );
        for c in &g.cells {
            if !c.text.is_empty() {
                let line = lines[c.line - 1];
                let at: String = line.chars().skip(c.column - 1).collect();
                assert!(
                    at.starts_with(&nianbao::document::field_text(&c.text)),
                    "{}: {c:?}",
                    g.origin
                );
            }
        }
    }
}

fn assert_text(doc: &Document, r: &Value) {
    let lines: Vec<&str> = doc.text.lines().collect();
    let mut last = 0;
    for h in HEADINGS {
        let at = lines
            .iter()
            .position(|l| *l == h)
            .unwrap_or_else(|| panic!("heading {h} missing in\n{}", doc.text));
        assert!(at > last, "{h} out of order");
        last = at;
    }
    assert!(lines.contains(&s(&r["title"])));
    for part in r["parts"].as_array().unwrap() {
        for p in part[1].as_array().unwrap() {
            assert!(lines.contains(&s(p)), "missing paragraph {p}");
        }
    }
    assert!(lines.contains(&"2023年1月16日"));
    // The template's placeholders are gone.
    assert!(!doc.text.contains("文字描述"));
}

#[test]
fn report_a() {
    let doc = read("report_a.docx");
    let r = report();
    assert_text(&doc, &r);
    assert_cells(&doc, &r);
    assert!(doc.notes.is_empty(), "{:?}", doc.notes);
}

#[test]
fn report_a_numbered_gets_its_numbers_back() {
    let doc = read("report_a_numbered.docx");
    let r = report();
    assert_text(&doc, &r);
    assert_cells(&doc, &r);
    assert_eq!(doc.notes.len(), 1, "{:?}", doc.notes);
    assert!(doc.notes[0].zh.contains("自动编号"));
    assert!(doc.notes[0].en.contains("6 paragraph"));
}

#[test]
fn report_b_has_its_errors_as_cells() {
    let doc = read("report_b.docx");
    let mut r = report();
    r["requests"]["3.4.2"][0] = "".into();
    r["requests"]["2"][5] = "".into();
    r["requests"]["1"][6] = "82".into();
    assert_text(&doc, &r);
    assert_cells(&doc, &r);
    let three = &doc.tables[1];
    // Row 3.4.2 is grid row 3 + 13, 自然人 grid column 3; row 2 is grid row 4, 其他 column 8.
    assert_eq!(cell(three, 16, 3), "");
    assert_eq!(cell(three, 4, 8), "");
    assert_eq!(cell(three, 3, 9), "82");
}

const TABLE_RULES: [&str; 4] = [
    "requests-balance",
    "requests-row-total",
    "requests-results-total",
    "appeals-total",
];

fn table_errors(name: &str) -> Vec<String> {
    let doc = read(name);
    let result = nianbao::check_document(name, &doc);
    result
        .findings
        .iter()
        .filter(|f| TABLE_RULES.contains(&f.rule) && f.severity == nianbao::result::Severity::Error)
        .map(|f| format!("{} {:?}", f.rule, f.line))
        .collect()
}

#[test]
fn report_a_tables_check_clean() {
    for name in ["report_a.docx", "report_a_numbered.docx"] {
        let errors = table_errors(name);
        assert!(errors.is_empty(), "{name}: {errors:?}");
    }
}

#[test]
fn report_b_tables_fail_where_they_should() {
    let errors = table_errors("report_b.docx");
    assert!(
        errors.iter().any(|e| e.starts_with("requests-row-total")),
        "{errors:?}"
    );
    assert!(
        errors.iter().any(|e| e.starts_with("requests-balance")),
        "{errors:?}"
    );
}

#[test]
fn read_time() {
    let bytes = fixture("report_a.docx");
    let n = 20;
    let t = std::time::Instant::now();
    for _ in 0..n {
        let doc = nianbao::read::read(&bytes, "report_a.docx", None, &nianbao::read::no_legacy);
        assert!(doc.is_ok());
    }
    println!(
        "read report_a.docx ({} bytes): {:?} per read",
        bytes.len(),
        t.elapsed() / n
    );
}
