//! The PDF reader on PDFs printed by Chromium from report_a (tools/fixtures/make_pdf.sh): every
//! table cell at its grid position equals tools/fixtures/report_a.json.
#![cfg(feature = "pdf")]

use nianbao::document::{Document, Form, Grid};
use nianbao::read::{no_legacy, read};
use serde_json::Value;

fn fixture(name: &str) -> Vec<u8> {
    let p = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&p).unwrap_or_else(|e| panic!("{p}: {e}"))
}

fn report() -> Value {
    let p = format!(
        "{}/../../tools/fixtures/report_a.json",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

fn load(name: &str) -> Document {
    let d = read(&fixture(name), name, None, &no_legacy).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(d.form, Form::Pdf);
    d
}

const KEYS: [&str; 25] = [
    "1", "2", "3.1", "3.2", "3.3.1", "3.3.2", "3.3.3", "3.3.4", "3.3.5", "3.3.6", "3.3.7", "3.3.8",
    "3.4.1", "3.4.2", "3.4.3", "3.5.1", "3.5.2", "3.5.3", "3.5.4", "3.5.5", "3.6.1", "3.6.2",
    "3.6.3", "3.7", "4",
];

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Asserts the cell with top-left (row, col): spans and text (whitespace ignored).
fn cell(g: &Grid, row: usize, col: usize, rs: usize, cs: usize, text: &str) {
    let c = g
        .at(row, col)
        .unwrap_or_else(|| panic!("no cell at ({row}, {col}) in {}", g.origin));
    assert_eq!(
        (c.rowspan, c.colspan, squash(&c.text)),
        (rs, cs, squash(text)),
        "cell ({row}, {col})"
    );
}

/// Counts value cells equal to the JSON, asserting each one.
fn check_values(g: &Grid, row: usize, col: usize, want: &[&str], right: &mut usize) {
    for (k, w) in want.iter().enumerate() {
        let got = g.at(row, col + k).map(|c| c.text.as_str());
        assert_eq!(
            got,
            Some(*w),
            "value at ({row}, {}) in {}",
            col + k,
            g.origin
        );
        *right += 1;
    }
}

fn strs(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect()
}

/// Checks the three grids against report_a.json; returns the number of value cells checked.
fn check_tables(d: &Document) -> usize {
    assert_eq!(
        d.tables.len(),
        3,
        "{:#?}",
        d.tables
            .iter()
            .map(|g| (g.rows, g.cols, &g.origin))
            .collect::<Vec<_>>()
    );

    let r = report();
    let mut right = 0;
    check_active_grid(&d.tables[0], &r, &mut right);
    check_requests_grid(&d.tables[1], &r, &mut right);
    check_appeals_grid(&d.tables[2], &r, &mut right);
    right
}

fn check_active_grid(g: &Grid, r: &Value, right: &mut usize) {
    // Part 二: caption rows, header rows, value rows (14 × 4).
    assert_eq!((g.rows, g.cols), (14, 4), "part 二");
    let a = &r["active"];
    cell(g, 0, 0, 1, 4, "第二十条第（一）项");
    cell(g, 1, 0, 1, 1, "信息内容");
    cell(g, 1, 1, 1, 1, "本年制发件数");
    cell(g, 2, 0, 1, 1, "规章");
    check_values(g, 2, 1, &strs(&a["一"]["规章"]), right);
    cell(g, 3, 0, 1, 1, "行政规范性文件");
    check_values(g, 3, 1, &strs(&a["一"]["行政规范性文件"]), right);
    cell(g, 4, 0, 1, 4, "第二十条第（五）项");
    cell(g, 5, 1, 1, 3, "本年处理决定数量");
    cell(g, 6, 0, 1, 1, "行政许可");
    cell(g, 6, 1, 1, 3, a["五"]["行政许可"][0].as_str().unwrap());
    cell(g, 7, 0, 1, 4, "第二十条第（六）项");
    cell(g, 9, 1, 1, 3, a["六"]["行政处罚"][0].as_str().unwrap());
    cell(g, 10, 0, 1, 1, "行政强制");
    cell(g, 10, 1, 1, 3, a["六"]["行政强制"][0].as_str().unwrap());
    cell(g, 11, 0, 1, 4, "第二十条第（八）项");
    cell(g, 12, 1, 1, 3, "本年收费金额（单位：万元）");
    cell(g, 13, 0, 1, 1, "行政事业性收费");
    cell(
        g,
        13,
        1,
        1,
        3,
        a["八"]["行政事业性收费"][0].as_str().unwrap(),
    );
    *right += 4;
}

fn check_requests_grid(g: &Grid, r: &Value, right: &mut usize) {
    // Part 三: the F2021 merged structure, 28 × 10, as the Word form has it.
    assert_eq!((g.rows, g.cols), (28, 10), "part 三");
    cell(
        g,
        0,
        0,
        3,
        3,
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    );
    cell(g, 0, 3, 1, 7, "申请人情况");
    cell(g, 1, 3, 2, 1, "自然人");
    cell(g, 1, 4, 1, 5, "法人或其他组织");
    cell(g, 1, 9, 2, 1, "总计");
    for (k, t) in [
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    ]
    .iter()
    .enumerate()
    {
        cell(g, 2, 4 + k, 1, 1, t);
    }
    cell(g, 3, 0, 1, 3, "一、本年新收政府信息公开申请数量");
    cell(g, 4, 0, 1, 3, "二、上年结转政府信息公开申请数量");
    cell(g, 5, 0, 22, 1, "三、本年度办理结果");
    cell(g, 5, 1, 1, 2, "（一）予以公开");
    cell(
        g,
        6,
        1,
        1,
        2,
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    );
    cell(g, 7, 1, 8, 1, "（三）不予公开");
    cell(g, 7, 2, 1, 1, "1.属于国家秘密");
    cell(g, 9, 2, 1, 1, "3.危及“三安全一稳定”");
    cell(g, 15, 1, 3, 1, "（四）无法提供");
    cell(g, 18, 1, 5, 1, "（五）不予处理");
    cell(g, 22, 2, 1, 1, "5.要求行政机关确认或重新出具已获取信息");
    cell(g, 23, 1, 3, 1, "（六）其他处理");
    cell(
        g,
        23,
        2,
        1,
        1,
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    );
    cell(g, 26, 1, 1, 2, "（七）总计");
    cell(g, 27, 0, 1, 3, "四、结转下年度继续办理");
    for (i, k) in KEYS.iter().enumerate() {
        check_values(g, 3 + i, 3, &strs(&r["requests"][k]), right);
    }
}

fn check_appeals_grid(g: &Grid, r: &Value, right: &mut usize) {
    // Part 四: 4 × 15.
    assert_eq!((g.rows, g.cols), (4, 15), "part 四");
    cell(g, 0, 0, 2, 5, "行政复议");
    cell(g, 0, 5, 1, 10, "行政诉讼");
    cell(g, 1, 5, 1, 5, "未经复议直接起诉");
    cell(g, 1, 10, 1, 5, "复议后起诉");
    for k in 0..15 {
        let leaf = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"][k % 5];
        cell(g, 2, k, 1, 1, leaf);
    }
    check_values(g, 3, 0, &strs(&r["appeals"]), right);
}

/// The title, the preface, the six headings in order, every paragraph as one line, the closing,
/// and no page-number lines.
fn check_text(d: &Document) {
    let r = report();
    let lines: Vec<&str> = d.text.lines().map(str::trim).collect();
    let pos = |want: &str| {
        lines
            .iter()
            .position(|l| *l == want)
            .unwrap_or_else(|| panic!("no line {want:?} in\n{}", d.text))
    };
    let mut last = pos(r["title"].as_str().unwrap());
    for p in strs(&r["preface"]) {
        assert!(pos(p) > last);
    }
    for part in r["parts"].as_array().unwrap() {
        let at = pos(part[0].as_str().unwrap());
        assert!(at > last, "heading {} out of order", part[0]);
        last = at;
        for p in strs(&part[1]) {
            assert!(pos(p) > at, "{p}");
        }
    }
    for c in strs(&r["closing"]) {
        assert!(pos(c) > last);
    }
    for l in lines.iter().filter(|l| !l.contains('\t')) {
        let t: String = l
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect();
        assert!(
            t.is_empty() || !t.chars().all(|c| c.is_ascii_digit()),
            "page number line {l:?}"
        );
    }
}

#[test]
fn report_a_reads_like_the_word_file() {
    let t = std::time::Instant::now();
    let d = load("report_a.pdf");
    eprintln!("report_a.pdf read in {:?}", t.elapsed());
    let n = check_tables(&d);
    eprintln!("report_a.pdf: {n} value cells right");
    check_text(&d);
    assert!(d.notes.is_empty(), "{:?}", d.notes);
}

#[test]
fn a_table_broken_across_pages_is_one_grid() {
    let d = load("report_a_split.pdf");
    let n = check_tables(&d);
    eprintln!("report_a_split.pdf: {n} value cells right");
    assert!(d.tables[1].origin.contains('–'), "{}", d.tables[1].origin);
    check_text(&d);
}

#[test]
fn a_rotated_page_reads_as_the_upright_one() {
    let d = load("report_a_rotated.pdf");
    let n = check_tables(&d);
    eprintln!("report_a_rotated.pdf: {n} value cells right");
    let plain = load("report_a.pdf");
    assert_eq!(d.text, plain.text);
    assert_eq!(d.tables, plain.tables);
}

#[test]
fn a_scan_has_no_text_layer() {
    let e = read(&fixture("scanned.pdf"), "scanned.pdf", None, &no_legacy).unwrap_err();
    assert!(e.zh.contains("没有文字层") && e.zh.contains("OCR"), "{e}");
    assert!(e.en.contains("no text layer"), "{e}");
}

#[test]
fn broken_files_give_errors_not_panics() {
    let bytes = fixture("report_a.pdf");
    for cut in [
        9,
        100,
        1000,
        bytes.len() / 3,
        bytes.len() / 2,
        bytes.len() - 40,
    ] {
        let _ = read(&bytes[..cut], "x.pdf", None, &no_legacy);
    }
    assert!(read(b"%PDF-1.7\n%%EOF", "x.pdf", None, &no_legacy).is_err());
    assert!(read(
        b"%PDF-garbage \x00\xff trailer << >>",
        "x.pdf",
        None,
        &no_legacy
    )
    .is_err());
    // Flipped bytes all over the file.
    let mut seed = 0x2545F491u32;
    for _ in 0..30 {
        let mut b = bytes.clone();
        for _ in 0..50 {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            let i = seed as usize % b.len();
            b[i] = (seed >> 24) as u8;
        }
        let _ = read(&b, "x.pdf", None, &no_legacy);
    }
}

/// `PDF_DUMP=path/to/file.pdf cargo test -p nianbao --test pdf dump -- --ignored --nocapture`
/// prints what the reader makes of any PDF.
#[test]
#[ignore]
fn dump() {
    let p = std::env::var("PDF_DUMP").unwrap_or_else(|_| "report_a.pdf".into());
    let bytes = std::fs::read(&p).unwrap_or_else(|_| fixture(&p));
    match read(&bytes, &p, None, &no_legacy) {
        Ok(d) => {
            println!("{}\n---- notes: {:?}", d.text, d.notes);
            for g in &d.tables {
                println!(
                    "---- grid {} × {} at line {} ({})",
                    g.rows, g.cols, g.line, g.origin
                );
                for c in &g.cells {
                    println!(
                        "({}, {}) {}×{} {:?}",
                        c.row, c.col, c.rowspan, c.colspan, c.text
                    );
                }
            }
        }
        Err(e) => println!("error: {e}"),
    }
}

/// Cross-check with poppler's `pdftotext -layout` when it is installed (never linked): every
/// paragraph line the reader makes stands in poppler's text too (whitespace aside).
#[test]
fn paragraphs_agree_with_pdftotext_when_installed() {
    for name in ["report_a.pdf", "report_a_split.pdf", "report_a_rotated.pdf"] {
        let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
        let Ok(out) = std::process::Command::new("pdftotext")
            .args(["-layout", &path, "-"])
            .output()
        else {
            eprintln!("pdftotext not installed: skipped");
            return;
        };
        let poppler = squash(&String::from_utf8_lossy(&out.stdout));
        let d = load(name);
        for l in d
            .text
            .lines()
            .filter(|l| !l.contains('\t') && !l.trim().is_empty())
        {
            assert!(
                poppler.contains(&squash(l)),
                "{name}: {l:?} not in pdftotext's text"
            );
        }
    }
}

/// report_b: blank cells stay blank cells at their grid positions.
#[test]
fn report_b_has_its_blank_cells_and_changed_total() {
    let d = load("report_b.pdf");
    let r = report();
    let g = &d.tables[1];
    assert_eq!((g.rows, g.cols), (28, 10));
    let changed = [("3.4.2", 0, ""), ("2", 5, ""), ("1", 6, "82")];
    for (i, k) in KEYS.iter().enumerate() {
        for c in 0..7 {
            let want = changed
                .iter()
                .find(|x| x.0 == *k && x.1 == c)
                .map(|x| x.2)
                .unwrap_or_else(|| r["requests"][k][c].as_str().unwrap());
            assert_eq!(
                g.at(3 + i, 3 + c).map(|x| x.text.as_str()),
                Some(want),
                "{k}/{c}"
            );
        }
    }
}
