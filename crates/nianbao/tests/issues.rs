//! The 问题清单 on the fixtures: each finding's place in the unit's own document (a PDF's page,
//! a Word file's paragraph or table cell, the quoted text), checked by hand once against the
//! files (report_b.docx: the 6th paragraph with text is （二）依申请公开…, its 2nd table's 4th
//! row is 一、本年新收…, whose 8th cell is the 总计 82; report_b.pdf's page 1 ends with part 三's
//! rows 一 and 二, page 2 starts at 三、本年度办理结果: read from its content streams through
//! the fonts' ToUnicode maps, apart from the reader), the per-unit files and their zip (read
//! back with the zip crate), the row of a file that could not be read, both languages; the
//! roll-up's 主要问题 and 纠错率 columns; the findings CSV in Chinese.

use nianbao::document::Document;
use nianbao::export;
use nianbao::issues;
use nianbao::result::CheckResult;
use std::io::Read;

fn bytes(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(path).unwrap()
}

fn fixture(name: &str) -> (CheckResult, Document) {
    let doc =
        nianbao::read::read(&bytes(name), name, None, &nianbao::read::encoding_rs_legacy).unwrap();
    let r = nianbao::check_document(name, &doc);
    (r, doc)
}

/// The places of a fixture's findings by rule, in the engine's order.
fn places(name: &str, en: bool) -> Vec<(String, String)> {
    let (r, doc) = fixture(name);
    r.findings
        .iter()
        .map(|f| (f.rule.to_string(), issues::place(&doc, f, en)))
        .collect()
}

fn place_of<'a>(p: &'a [(String, String)], rule: &str) -> &'a str {
    &p.iter().find(|(r, _)| r == rule).unwrap().1
}

#[test]
fn a_word_finding_names_its_paragraph_or_table_cell() {
    let p = places("report_b.docx", false);
    assert_eq!(
        place_of(&p, "text-table-mismatch"),
        "第6段：“（二）依申请公开。全年共收到政府信息公开申请81件，上年结转3件；办结79件，结转下年度继续办理5件。”"
    );
    assert_eq!(
        place_of(&p, "requests-row-total"),
        "第2个表格第4行第8列：“一、本年新收政府信息公开申请数量 … 82”"
    );
    let en = places("report_b.docx", true);
    assert!(place_of(&en, "text-table-mismatch").starts_with("paragraph 6: “（二）依申请公开"));
    assert!(place_of(&en, "requests-row-total").starts_with("table 2, row 4, column 8: “"));
}

#[test]
fn a_pdf_finding_names_its_page() {
    let (_, doc) = fixture("report_b.pdf");
    // Three pages; part 三's table runs from page 1 onto page 2.
    assert_eq!(doc.pages.len(), 3);
    let p = places("report_b.pdf", false);
    assert_eq!(
        place_of(&p, "text-table-mismatch"),
        "第1页：“（二）依申请公开。全年共收到政府信息公开申请81件，上年结转3件；办结79件，结转下年度继续办理5件。”"
    );
    assert_eq!(
        place_of(&p, "requests-row-total"),
        "第1页：“一、本年新收政府信息公开申请数量 … 82”"
    );
    assert_eq!(
        place_of(&p, "requests-balance"),
        "第2页：“三、本年度办理结果 … 79”"
    );
    let en = places("report_b.pdf", true);
    assert!(place_of(&en, "requests-balance").starts_with("page 2: “"));
}

#[test]
fn a_web_page_finding_quotes_its_text() {
    let p = places("report_b.html", false);
    assert_eq!(
        place_of(&p, "text-table-mismatch"),
        "“（二）依申请公开。全年共收到政府信息公开申请81件，上年结转3件；办结79件，结转下年度继续办理5件。”"
    );
    assert_eq!(
        place_of(&p, "requests-row-total"),
        "“一、本年新收政府信息公开申请数量 … 82”"
    );
}

#[test]
fn a_table_split_over_pages_puts_each_row_on_its_page() {
    let (_, doc) = fixture("report_a_split.pdf");
    assert_eq!(doc.pages.len(), 5);
    // Strictly increasing: every page holds lines of its own.
    assert!(doc.pages.windows(2).all(|w| w[0] < w[1]), "{:?}", doc.pages);
    let last = doc.text.lines().count();
    assert_eq!(doc.page_of(last), Some(5));
    assert_eq!(doc.page_of(1), Some(1));
}

#[test]
fn old_stored_documents_still_read() {
    let (_, doc) = fixture("report_b.docx");
    let mut json = serde_json::to_value(&doc).unwrap();
    assert!(json.get("paragraphs").is_some());
    json.as_object_mut().unwrap().remove("paragraphs");
    json.as_object_mut().unwrap().remove("pages");
    let old: Document = serde_json::from_value(json).unwrap();
    assert!(old.paragraphs.is_empty() && old.pages.is_empty());
    // A text's document carries neither.
    let t = serde_json::to_string(&Document::from_text("a", "utf-8")).unwrap();
    assert!(!t.contains("pages") && !t.contains("paragraphs"), "{t}");
}

fn batch(en: bool) -> Vec<issues::UnitIssues> {
    let mut units = Vec::new();
    for name in ["report_b.pdf", "report_a.docx"] {
        let (r, doc) = fixture(name);
        units.push(issues::unit(&r, name, &doc, en));
    }
    let e = nianbao::read::read(
        &bytes("scanned.pdf"),
        "scanned.pdf",
        None,
        &nianbao::read::encoding_rs_legacy,
    )
    .unwrap_err();
    units.push(issues::unreadable("scanned.pdf", &e, en));
    let seed = std::fs::read_to_string(format!(
        "{}/tests/data/seeds/003_6b7184a4cdcd6840.txt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let doc = Document::from_text(&seed, "utf-8");
    let r = nianbao::check_document("003.txt", &doc);
    units.push(issues::unit(&r, "003.txt", &doc, en));
    units
}

#[test]
fn the_combined_list_goes_by_unit_year_part_and_severity_and_keeps_the_scan() {
    let s = issues::combined(&batch(false), false);
    let lines: Vec<&str> = s.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines[0], format!("\u{FEFF}{}", issues::HEADER_ZH));
    // 厦门… (seed 003, 2020) before 泉州… (2022), the scan (no agency) last.
    assert!(
        lines[1].starts_with("厦门市海沧区卫生健康局,2020,003.txt,"),
        "{s}"
    );
    let last = lines.last().unwrap();
    assert!(
        last.starts_with(",,scanned.pdf,全文,文件无法读取"),
        "{last}"
    );
    assert!(last.contains("此PDF没有文字层"), "{last}");
    assert!(last.contains("请重新报送带文字层的PDF"), "{last}");
    // report_b.pdf: the errors of part 三 before its warnings; the whole report first.
    let b: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| l.contains(",report_b.pdf,"))
        .collect();
    assert_eq!(b.len(), 5, "{b:?}");
    let sev: Vec<&str> = b.iter().map(|l| l.split(',').nth(5).unwrap()).collect();
    let parts: Vec<&str> = b.iter().map(|l| l.split(',').nth(3).unwrap()).collect();
    let mut sorted: Vec<(&str, &str)> = parts.iter().copied().zip(sev.iter().copied()).collect();
    sorted.sort_by_key(|(p, s)| (*p != "全文", p.to_string(), *s != "错误"));
    assert_eq!(
        parts
            .iter()
            .copied()
            .zip(sev.iter().copied())
            .collect::<Vec<_>>(),
        sorted
    );
    assert!(sev.contains(&"错误") && sev.contains(&"提示"));
}

#[test]
fn the_per_unit_zip_holds_one_csv_per_unit() {
    let files = issues::per_unit(&batch(false), false);
    let zip = issues::zip_stored(&files).unwrap();
    let mut a = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    let mut names: Vec<String> = (0..a.len())
        .map(|i| a.by_index(i).unwrap().name().to_string())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "厦门市海沧区卫生健康局_2020_问题清单.csv",
            "泉州市丰泽区卫生健康局_2022_问题清单.csv",
            "泉州市丰泽区卫生健康局_2022_问题清单_2.csv",
            "scanned_问题清单.csv",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect::<Vec<_>>()
    );
    let mut body = String::new();
    a.by_name("scanned_问题清单.csv")
        .unwrap()
        .read_to_string(&mut body)
        .unwrap();
    assert!(body.starts_with(&format!("\u{FEFF}{}\r\n", issues::HEADER_ZH)));
    assert_eq!(body.lines().count(), 2, "{body}");
    let mut b = String::new();
    a.by_name("泉州市丰泽区卫生健康局_2022_问题清单.csv")
        .unwrap()
        .read_to_string(&mut b)
        .unwrap();
    // The two 泉州 files go by file name: report_a.docx (no findings), then report_b.pdf (5).
    assert_eq!(b.lines().count(), 1, "{b}");
    let mut b2 = String::new();
    a.by_name("泉州市丰泽区卫生健康局_2022_问题清单_2.csv")
        .unwrap()
        .read_to_string(&mut b2)
        .unwrap();
    assert_eq!(b2.lines().count(), 6, "{b2}");
    assert!(b2.contains(",report_b.pdf,三、"), "{b2}");
    // Each stored entry's bytes are the CSV as written.
    for (name, data) in &files {
        let mut got = Vec::new();
        a.by_name(name).unwrap().read_to_end(&mut got).unwrap();
        assert_eq!(&got, data, "{name}");
    }
}

#[test]
fn the_list_in_english() {
    let s = issues::combined(&batch(true), true);
    assert!(s.starts_with(&format!("\u{FEFF}{}\r\n", issues::HEADER_EN)));
    assert!(s.contains(",Part 3,Total = sum of applicants"), "{s}");
    assert!(s.contains(",page 2: “"), "{s}");
    assert!(s.contains("send a PDF with a text layer"), "{s}");
    assert!(!s.contains("第2页"), "{s}");
    let files = issues::per_unit(&batch(true), true);
    assert!(files.iter().any(|(n, _)| n == "scanned_issues.csv"));
}

#[test]
fn the_rollup_says_why_and_has_every_rate() {
    let (r, _) = fixture("report_b.docx");
    let row = export::SummaryRow::from_result(&r, "report_b.docx");
    assert_eq!(row.problems, ["requests-row-total", "requests-balance"]);
    let zh = export::summary_csv(std::slice::from_ref(&row), false);
    let head: Vec<&str> = zh.lines().next().unwrap().split(',').collect();
    for col in ["复议纠错率", "诉讼纠错率", "主要问题"] {
        assert!(head.contains(&col), "{head:?}");
    }
    let cells: Vec<&str> = zh.lines().nth(1).unwrap().split(',').collect();
    let at = |c: &str| cells[head.iter().position(|h| *h == c).unwrap()];
    assert_eq!(at("复议纠错率"), "33.3%");
    assert_eq!(at("诉讼纠错率"), "0.0%");
    assert_eq!(
        at("主要问题"),
        "总计=各类申请人之和；第一项+第二项=第三项+第四项"
    );
    assert_eq!(at("结论"), "需修改");
    let en = export::summary_csv(std::slice::from_ref(&row), true);
    assert!(en.starts_with("\u{FEFF}File,Agency,"));
    assert!(en.contains(",Needs fixes,"), "{en}");
    assert!(en.contains("Total = sum of applicants; "), "{en}");
}

#[test]
fn the_findings_csv_is_chinese_with_cell_names() {
    let (r, _) = fixture("report_b.docx");
    let zh = export::csv(&[&r], false);
    let head = zh.lines().next().unwrap();
    assert_eq!(head, format!("\u{FEFF}{}", export::CSV_HEADER_ZH));
    let row = zh
        .lines()
        .find(|l| l.contains("（requests-row-total）"))
        .unwrap();
    assert!(row.contains(",错误,第三部分,"), "{row}");
    assert!(row.contains(",第三部分表格,"), "{row}");
    // The cells by their row and column names, not their keys.
    assert!(!row.contains("1/total"), "{row}");
    assert!(row.contains("·总计"), "{row}");
    let en = export::csv(&[&r], true);
    assert!(en.starts_with(&format!("\u{FEFF}{}", export::CSV_HEADER)));
    assert!(en.contains(",requests-row-total,error,3,"), "{en}");
}

#[test]
fn a_zip_too_large_for_its_counts_is_refused_not_written_wrong() {
    let many: Vec<(String, Vec<u8>)> = (0..=issues::ZIP_MAX_FILES)
        .map(|i| (format!("{i}.csv"), Vec::new()))
        .collect();
    assert!(issues::zip_stored(&many).is_none());
    assert!(issues::zip_stored(&many[..3]).is_some());
    // An empty batch: an empty zip that reads back.
    let empty = issues::zip_stored(&[]).unwrap();
    assert_eq!(
        zip::ZipArchive::new(std::io::Cursor::new(empty))
            .unwrap()
            .len(),
        0
    );
}

#[test]
fn cell_names_read_as_the_form_does() {
    let (r, _) = fixture("report_a.docx");
    assert_eq!(
        export::cell_name(&r, "appeals", "appeals/review.total", false),
        "行政复议·总计"
    );
    assert_eq!(
        export::cell_name(&r, "requests", "1/total", false),
        "一、本年新收政府信息公开申请数量·总计"
    );
    assert_eq!(
        export::cell_name(&r, "requests", "1/total", true),
        "1/total"
    );
    assert_eq!(
        export::cell_name(&r, "active", "licensing/decisions", false),
        "行政许可·本年处理决定数量"
    );
}
