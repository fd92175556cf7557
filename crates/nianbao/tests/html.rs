//! The web page reader on the project's fixtures (made by tools/fixtures/make_html.py from
//! tools/fixtures/report_a.json): every cell of every table against the data.
#![cfg(feature = "html")]

use nianbao::document::{Document, Form, Grid};
use nianbao::read::{self, encoding_rs_legacy};
use serde_json::Value;

fn fixture(name: &str) -> Vec<u8> {
    let p = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&p).unwrap_or_else(|e| panic!("{p}: {e}"))
}

fn data() -> Value {
    let p = format!(
        "{}/../../tools/fixtures/report_a.json",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

fn read_file(name: &str) -> Document {
    read::read(&fixture(name), name, None, &encoding_rs_legacy).unwrap()
}

fn pasted(name: &str) -> Document {
    read::html::read_pasted(&String::from_utf8(fixture(name)).unwrap())
}

const SECTIONS: [&str; 6] = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
];

/// The keys of part 三's data rows, in order.
fn request_keys() -> Vec<String> {
    let mut k: Vec<String> = ["1", "2", "3.1", "3.2"].map(String::from).to_vec();
    k.extend((1..=8).map(|i| format!("3.3.{i}")));
    k.extend((1..=3).map(|i| format!("3.4.{i}")));
    k.extend((1..=5).map(|i| format!("3.5.{i}")));
    k.extend((1..=3).map(|i| format!("3.6.{i}")));
    k.extend(["3.7", "4"].map(String::from));
    k
}

fn text_at(g: &Grid, row: usize, col: usize) -> &str {
    &g.at(row, col)
        .unwrap_or_else(|| panic!("no cell at ({row}, {col}) in {}", g.origin))
        .text
}

/// Title, every paragraph of the data as a line of its own, headings in order, no noise.
fn assert_text(doc: &Document, d: &Value) {
    let lines: Vec<&str> = doc.text.lines().collect();
    let title = d["title"].as_str().unwrap();
    assert_eq!(
        lines.iter().filter(|l| **l == title).count(),
        1,
        "title once as a line:\n{}",
        doc.text
    );
    let mut at = 0;
    for h in SECTIONS {
        let pos = lines[at..]
            .iter()
            .position(|l| *l == h)
            .unwrap_or_else(|| panic!("heading {h} missing after line {at}:\n{}", doc.text));
        at += pos + 1;
    }
    let mut paras: Vec<&str> = d["preface"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    for part in d["parts"].as_array().unwrap() {
        paras.extend(
            part[1]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap()),
        );
    }
    paras.extend(
        d["closing"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap()),
    );
    for p in paras {
        assert!(lines.contains(&p), "paragraph missing: {p}\n{}", doc.text);
    }
    for noise in [
        "siteId",
        "_hmt",
        "UBLIC",
        "隐藏的统计代码",
        "[if",
        "endif",
        "mso-",
        "o:p",
        "{",
    ] {
        assert!(
            !doc.text.contains(noise),
            "{noise:?} in text:\n{}",
            doc.text
        );
    }
}

/// Exactly the three report tables, with the official structure and every value of the data.
/// `blank`: cells expected empty (part 三 key, column), as in report_b.
fn assert_tables(doc: &Document, d: &Value, blank: &[(&str, usize)], total1: &str) {
    assert_eq!(doc.tables.len(), 3, "grids: {:#?}", doc.tables);
    assert_active_grid(&doc.tables[0], d);
    assert_requests_grid(&doc.tables[1], d, blank, total1);
    assert_appeals_grid(&doc.tables[2], d);
    assert_grids_in_text(doc);
}

fn assert_active_grid(active: &Grid, d: &Value) {
    // Part 二: 14 rows × 4 columns, caption rows over all 4 columns.
    assert_eq!((active.rows, active.cols), (14, 4));
    for (row, item) in [(0, "一"), (4, "五"), (7, "六"), (11, "八")] {
        let c = active.at(row, 0).unwrap();
        assert_eq!(
            (c.text.as_str(), c.colspan),
            (format!("第二十条第（{item}）项").as_str(), 4)
        );
    }
    for (row, item, label) in [
        (2, "一", "规章"),
        (3, "一", "行政规范性文件"),
        (6, "五", "行政许可"),
        (9, "六", "行政处罚"),
        (10, "六", "行政强制"),
        (13, "八", "行政事业性收费"),
    ] {
        assert_eq!(text_at(active, row, 0), label);
        let values = d["active"][item][label].as_array().unwrap();
        for (k, v) in values.iter().enumerate() {
            assert_eq!(
                text_at(active, row, 1 + k),
                v.as_str().unwrap(),
                "{item} {label} {k}"
            );
        }
        if values.len() == 1 {
            assert_eq!(active.at(row, 1).unwrap().colspan, 3);
        }
    }
}

fn assert_requests_grid(requests: &Grid, d: &Value, blank: &[(&str, usize)], total1: &str) {
    // Part 三: 28 rows × 10 columns: a 3-row header, 25 data rows.
    assert_eq!((requests.rows, requests.cols), (28, 10));
    let note = requests.at(0, 0).unwrap();
    assert!(
        note.text.starts_with("（本列数据的勾稽关系为"),
        "{}",
        note.text
    );
    assert!(
        note.text.contains('\n'),
        "the <br> in the note: {:?}",
        note.text
    );
    assert_eq!((note.rowspan, note.colspan), (3, 3));
    assert_eq!(text_at(requests, 0, 3), "申请人情况");
    assert_eq!(requests.at(0, 3).unwrap().colspan, 7);
    assert_eq!(text_at(requests, 1, 3), "自然人");
    assert_eq!(requests.at(1, 3).unwrap().rowspan, 2);
    assert_eq!(text_at(requests, 1, 4), "法人或其他组织");
    assert_eq!(text_at(requests, 1, 9), "总计");
    let heads = [
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    ];
    for (k, h) in heads.iter().enumerate() {
        assert_eq!(text_at(requests, 2, 4 + k), *h);
    }
    let results = requests.at(5, 0).unwrap();
    assert_eq!(
        (results.text.as_str(), results.rowspan),
        ("三、本年度办理结果", 22)
    );
    for (row, group, n) in [
        (7, "（三）不予公开", 8),
        (15, "（四）无法提供", 3),
        (18, "（五）不予处理", 5),
        (23, "（六）其他处理", 3),
    ] {
        let c = requests.at(row, 1).unwrap();
        assert_eq!((c.text.as_str(), c.rowspan), (group, n));
    }
    assert_eq!(requests.at(5, 1).unwrap().colspan, 2);
    assert_eq!(requests.at(3, 0).unwrap().colspan, 3);
    assert_eq!(text_at(requests, 27, 0), "四、结转下年度继续办理");
    for (i, key) in request_keys().iter().enumerate() {
        let row = 3 + i;
        for col in 0..7 {
            let got = text_at(requests, row, 3 + col);
            let want = if blank.contains(&(key.as_str(), col)) {
                ""
            } else if key == "1" && col == 6 {
                total1
            } else {
                d["requests"][key][col].as_str().unwrap()
            };
            assert_eq!(got, want, "part 三 row {key} column {col}");
        }
    }
}

fn assert_appeals_grid(appeals: &Grid, d: &Value) {
    // Part 四: 4 rows × 15 columns.
    assert_eq!((appeals.rows, appeals.cols), (4, 15));
    assert_eq!(
        (text_at(appeals, 0, 0), appeals.at(0, 0).unwrap().colspan),
        ("行政复议", 5)
    );
    assert_eq!(
        (text_at(appeals, 0, 5), appeals.at(0, 5).unwrap().colspan),
        ("行政诉讼", 10)
    );
    assert_eq!(
        (text_at(appeals, 1, 4), appeals.at(1, 4).unwrap().rowspan),
        ("总计", 2)
    );
    assert_eq!(text_at(appeals, 1, 5), "未经复议直接起诉");
    assert_eq!(text_at(appeals, 1, 10), "复议后起诉");
    assert_eq!(text_at(appeals, 2, 5), "结果维持");
    assert_eq!(text_at(appeals, 2, 14), "总计");
    for (k, v) in d["appeals"].as_array().unwrap().iter().enumerate() {
        assert_eq!(
            text_at(appeals, 3, k),
            v.as_str().unwrap(),
            "part 四 column {k}"
        );
    }
}

fn assert_grids_in_text(doc: &Document) {
    // The grids stand in the text where the builder says.
    for g in &doc.tables {
        let lines: Vec<&str> = doc.text.lines().collect();
        for c in &g.cells {
            let field = nianbao::document::field_text(&c.text);
            let line: String = lines[c.line - 1].chars().skip(c.column - 1).collect();
            assert!(
                line.starts_with(&field),
                "{field} at {}:{}",
                c.line,
                c.column
            );
        }
    }
}

#[test]
fn report_a_page() {
    let d = data();
    let doc = read_file("report_a.html");
    assert_eq!((doc.form, doc.encoding.as_str()), (Form::Html, "utf-8"));
    assert_text(&doc, &d);
    assert_tables(&doc, &d, &[], "81");
    assert!(doc.notes.is_empty(), "{:?}", doc.notes);
}

#[test]
fn gbk_page_reads_the_same() {
    let utf8 = read_file("report_a.html");
    let gbk = read_file("report_a_gbk.html");
    assert_eq!(gbk.encoding, "gb18030");
    assert_eq!(gbk.text, utf8.text);
    assert_eq!(gbk.tables, utf8.tables);
    assert_eq!(gbk.form, Form::Html);
}

#[test]
fn gbk_page_without_a_legacy_decoder_is_refused() {
    let e = read::read(
        &fixture("report_a_gbk.html"),
        "a.html",
        None,
        &read::no_legacy,
    )
    .unwrap_err();
    assert!(e.zh.contains("gb18030"), "{e}");
}

#[test]
fn report_b_blank_cells_and_wrong_total() {
    let d = data();
    let doc = read_file("report_b.html");
    assert_text(&doc, &d);
    assert_tables(&doc, &d, &[("3.4.2", 0), ("2", 5)], "82");
}

#[test]
fn word_clipboard() {
    let d = data();
    let doc = pasted("report_a_word_clipboard.html");
    assert_eq!(
        (doc.form, doc.encoding.as_str()),
        (Form::PastedHtml, "utf-8")
    );
    assert_text(&doc, &d);
    assert_tables(&doc, &d, &[], "81");
}

#[test]
fn copied_page_text_in_three_encodings() {
    let utf8 = read::read(
        &fixture("report_a_tabs.txt"),
        "a.txt",
        None,
        &encoding_rs_legacy,
    )
    .unwrap();
    assert_eq!(utf8.encoding, "utf-8");
    for (name, enc) in [
        ("report_a_tabs_gb18030.txt", "gb18030"),
        ("report_a_tabs_utf16le.txt", "utf-16le"),
    ] {
        let doc = read::read(&fixture(name), name, None, &encoding_rs_legacy).unwrap();
        assert_eq!(
            (doc.encoding.as_str(), doc.text.as_str()),
            (enc, utf8.text.as_str())
        );
    }
    // Rows covered by a rowspan have no field for it: 10 grid columns, 8 or 9 fields.
    let t = &utf8.text;
    assert!(
        t.contains("\n2.其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0\n"),
        "{t}"
    );
    assert!(
        t.contains("\n（三）不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0\n"),
        "{t}"
    );
    assert!(
        t.contains("\n三、本年度办理结果\t（一）予以公开\t40\t1\t0\t0\t1\t0\t42\n"),
        "{t}"
    );
}
