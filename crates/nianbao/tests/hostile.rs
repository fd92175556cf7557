//! Hostile inputs (issue 11: never crash, never leak, never stall): each gives a clear message or
//! a bounded result, in bounded time (generous bounds: these run in debug builds), and no panic.

use nianbao::result::{CheckResult, Severity};
use std::sync::Mutex;
use std::time::{Duration, Instant};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The clean report of the fixtures, as TAB text.
fn report() -> String {
    fixture("report_a_tabs.txt")
}

/// One timed run at a time: the bounds are for one input on its own, not for the test harness's
/// threads competing for the cores.
static TIMED: Mutex<()> = Mutex::new(());

/// The CPU time this thread has used (Linux: `/proc/thread-self/schedstat`), so that a machine
/// busy with other work does not fail a limit; None elsewhere.
fn thread_cpu() -> Option<Duration> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = s.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// Runs `f` and fails when it takes more than `secs` seconds of this thread's CPU time (wall
/// time where that is unknown). An input that hangs stops the whole test run after
/// `4 × secs + 60` seconds of wall time, with its name, instead of stalling it.
fn within<T>(secs: u64, what: &str, f: impl FnOnce() -> T) -> T {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;
    let _one = TIMED.lock().unwrap_or_else(|e| e.into_inner());
    let done = Arc::new(AtomicBool::new(false));
    let hang = Duration::from_secs(4 * secs + 60);
    {
        let (done, what) = (done.clone(), what.to_string());
        std::thread::spawn(move || {
            let start = Instant::now();
            while !done.load(Ordering::Relaxed) {
                if start.elapsed() > hang {
                    eprintln!("{what}: still running after {hang:?}: the test run is stopped");
                    std::process::exit(101);
                }
                std::thread::sleep(Duration::from_millis(100));
            }
        });
    }
    let (wall, cpu) = (Instant::now(), thread_cpu());
    let out = f();
    done.store(true, Ordering::Relaxed);
    let wall = wall.elapsed();
    let took = match (cpu, thread_cpu()) {
        (Some(a), Some(b)) => b.saturating_sub(a),
        _ => wall,
    };
    eprintln!("{what}: {took:?} CPU, {wall:?} wall");
    assert!(
        took < Duration::from_secs(secs),
        "{what}: {took:?} (limit {secs} s)"
    );
    out
}

fn check(text: &str) -> CheckResult {
    nianbao::check("hostile.txt", text)
}

fn json_len(r: &CheckResult) -> usize {
    nianbao::to_json(r, false).len()
}

fn rules(r: &CheckResult) -> Vec<&str> {
    r.findings.iter().map(|f| f.rule).collect()
}

/// Replaces the one line starting with `start` by `new`.
fn replace_line(text: &str, start: &str, new: &str) -> String {
    let mut hits = 0;
    let out: Vec<String> = text
        .lines()
        .map(|l| {
            if l.starts_with(start) {
                hits += 1;
                new.to_string()
            } else {
                l.to_string()
            }
        })
        .collect();
    assert_eq!(hits, 1, "{start}");
    out.join("\n")
}

/// Inserts `block` right after the line starting with `start`.
fn insert_after(text: &str, start: &str, block: &str) -> String {
    let at = text.find(start).expect(start);
    let eol = at + text[at..].find('\n').expect("line end");
    format!("{}\n{}{}", &text[..eol], block, &text[eol..])
}

// ------------------------------------------------------------------ numbers

#[test]
fn the_fixture_is_clean() {
    let r = check(&report());
    assert_eq!(r.counts.error, 0, "{:?}", rules(&r));
}

#[test]
fn twenty_digit_cells_are_invalid_not_overflows() {
    let big = "99999999999999999999";
    let text = replace_line(
        &report(),
        "（七）总计",
        &format!("（七）总计\t{big}\t3\t0\t1\t2\t0\t79"),
    );
    let text = replace_line(
        &text,
        "2\t1\t0\t1\t4",
        &format!("{big}\t{big}\t0\t1\t4\t1\t0\t0\t1\t2\t0\t0\t0\t0\t{big}"),
    );
    let r = within(5, "20-digit cells", || check(&text));
    let invalid: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.rule == "cell-invalid")
        .collect();
    assert_eq!(invalid.len(), 4, "{:?}", rules(&r));
    assert!(
        invalid.iter().all(|f| f.message.contains("不合常理")),
        "{:?}",
        invalid.iter().map(|f| &f.message).collect::<Vec<_>>()
    );
    assert!(invalid
        .iter()
        .all(|f| f.message_en.contains("implausibly large")));
    // An invalid operand leaves the identity undecided: never a false verdict either way.
    for f in &r.findings {
        if f.rule.starts_with("requests-") || f.rule == "appeals-total" {
            assert!(
                !f.cells.iter().any(|c| c.starts_with("3.7/")),
                "{}",
                f.message
            );
        }
    }
}

#[test]
fn implausible_numbers_in_every_form() {
    use nianbao::layout::{is_implausible, parse_value, Kind};
    for t in [
        "99999999999999999999",
        "1000000000001",
        "1,000,000,000,000,000",
        "1234567890.1234567",
        "-99999999999999999999",
        "123456789012345678901234567890元",
    ] {
        assert_eq!(parse_value(t).0, Kind::Text, "{t}");
        assert!(is_implausible(t), "{t}");
    }
    for t in [
        "1000000000000",
        "0.000000000000001",
        "000000000000000000007",
        "8024.47",
    ] {
        assert_eq!(parse_value(t).0, Kind::Number, "{t}");
        assert!(!is_implausible(t), "{t}");
    }
}

#[test]
fn huge_numbers_in_the_prose_are_not_counts() {
    let text = insert_after(
        &report(),
        "一、总体情况",
        "全年收到申请99999999999999999999件，其中9223372036854775807件，9223372036854775807件，9223372036854775807件。\n共999999999件其中999999999999件，999999999999件，999999999999件。",
    );
    let r = within(5, "prose", || check(&text));
    // The second sentence is checked with wide sums (no overflow), the first is not a count.
    let sums: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.rule == "text-sum-mismatch")
        .collect();
    assert_eq!(sums.len(), 1, "{:?}", sums);
    assert_eq!(sums[0].actual, Some(2999999999997.0));
}

// ------------------------------------------------------------------ the prose scan

#[test]
fn a_paste_of_totals_is_linear_and_small() {
    let text = "1件其中".repeat(240 * 1024 / "1件其中".len());
    let r = within(1, "240 KB of 1件其中", || check(&text));
    let n = json_len(&r);
    assert!(n < 1 << 20, "result is {n} bytes");
}

#[test]
fn a_report_of_many_mismatches_lists_two_hundred() {
    let lines = "共3件，其中1件，1件，2件。\n".repeat(1000);
    let text = insert_after(&report(), "一、总体情况", &lines);
    let r = within(5, "1000 mismatches", || check(&text));
    let sums: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.rule == "text-sum-mismatch")
        .collect();
    assert_eq!(sums.len(), 201);
    let note: Vec<_> = sums
        .iter()
        .filter(|f| f.severity == Severity::Info)
        .collect();
    assert_eq!(note.len(), 1);
    assert!(
        note[0].message.contains("还有800处未列出"),
        "{}",
        note[0].message
    );
    assert!(json_len(&r) < 1 << 20);
}

// ------------------------------------------------------------------ size

/// A line of `n` bytes made of `unit` repeated.
fn long_line(unit: &str, n: usize) -> String {
    unit.repeat(n / unit.len())
}

#[test]
fn a_ten_megabyte_tab_line_in_part_four() {
    let line = long_line("0\t", 10 << 20);
    let text = replace_line(&report(), "2\t1\t0\t1\t4", &line);
    let r = within(5, "10 MB TAB line", || check(&text));
    let shape: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.rule == "row-shape" && f.message.contains("超过400个"))
        .collect();
    assert_eq!(shape.len(), 1, "{:?}", rules(&r));
    assert_eq!(shape[0].section, Some(4));
    assert!(json_len(&r) < 1 << 20);
}

#[test]
fn ten_megabyte_lines_of_every_kind() {
    for (what, unit, after) in [
        ("prose", "我局认真贯彻落实条例", "一、总体情况"),
        ("spaced numbers", "1 ", "三、收到和处理政府信息公开申请情况"),
        ("pipes", "| 0 ", "四、政府信息公开行政复议、行政诉讼情况"),
        (
            "totals",
            "共3件，其中1件，2件；",
            "五、存在的主要问题及改进情况",
        ),
        ("digits", "7", "二、主动公开政府信息情况"),
    ] {
        let text = insert_after(&report(), after, &long_line(unit, 10 << 20));
        // (Debug builds; a release build takes a tenth of this.)
        let r = within(15, what, || check(&text));
        assert!(json_len(&r) < 1 << 20, "{what}: {}", json_len(&r));
        assert_eq!(r.sections.iter().filter(|s| s.found).count(), 6, "{what}");
    }
}

#[test]
fn fifty_megabytes_of_text() {
    // Every sort of line at once, repeated: prose with totals, table-like rows, long rows.
    let block = "（一）主动公开。全年主动公开政府信息399条，其中机构职能类2条，政策文件类10条。\n\
                 行政规范性文件\t3\t1\t12\n\
                 结 果 维 持 0 0 0\n\
                 | 规章 | 0 | 1 | 2 |\n";
    let filler = block.repeat((50 << 20) / block.len());
    let text = insert_after(&report(), "一、总体情况", &filler);
    let r = within(60, "50 MB", || check(&text));
    assert!(json_len(&r) < 1 << 20, "{}", json_len(&r));
}

// ------------------------------------------------------------------ bytes

fn read(bytes: &[u8], name: &str) -> Result<nianbao::document::Document, nianbao::read::ReadError> {
    nianbao::read::read(bytes, name, None, &nianbao::read::encoding_rs_legacy)
}

#[test]
fn nul_bytes() {
    // A few NULs (inside the prose and inside table cells): removed, with a note; the report
    // reads as without them.
    let clean = report();
    let text = clean
        .replacen("\t0\t", "\t0\0\t", 10)
        .replacen("。", "。\0\0", 3);
    let (doc, r) = within(5, "NUL bytes", || {
        let doc = read(text.as_bytes(), "a.txt").expect("text with a few NULs is text");
        let r = nianbao::check_document("a.txt", &doc);
        (doc, r)
    });
    assert!(
        doc.notes.iter().any(|n| n.zh.contains("空字符")),
        "{:?}",
        doc.notes
    );
    assert_eq!(doc.text, clean);
    assert_eq!(r.counts.error, 0);
    // Many NULs (a binary file named .txt): refused with a message.
    let mut bytes = clean.into_bytes();
    let at = bytes.len() / 3;
    bytes.splice(at..at, std::iter::repeat_n(0u8, 1000));
    let e = within(5, "many NULs", || read(&bytes, "a.txt")).expect_err("refused");
    assert!(e.zh.contains("不是文本文件"), "{e}");
    let e = read(&[0u8; 1 << 20], "a.txt").expect_err("refused");
    assert!(e.zh.contains("不是文本文件"), "{e}");
}

#[test]
fn broken_utf8_in_the_middle() {
    let mut bytes = report().into_bytes();
    let at = bytes.len() / 2;
    // Not on a character boundary: the middle of a three-byte character is cut too.
    bytes.splice(at..at, [0xFF, 0xFE, 0xC3]);
    let doc = within(5, "broken UTF-8", || read(&bytes, "a.txt")).expect("a few broken bytes");
    assert_eq!(doc.encoding, "utf-8");
    assert!(doc.text.contains('\u{FFFD}'));
    assert!(
        doc.notes.iter().any(|n| n.zh.contains("无法解码")),
        "{:?}",
        doc.notes
    );
    let r = nianbao::check_document("a.txt", &doc);
    assert_eq!(r.sections.iter().filter(|s| s.found).count(), 6);

    // Mostly garbage: refused with a message (or read as GB18030), never a panic.
    let garbage: Vec<u8> = (0..1_000_000u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    match within(5, "garbage", || read(&garbage, "a.txt")) {
        Ok(doc) => {
            within(5, "garbage check", || {
                nianbao::check_document("a.txt", &doc)
            });
        }
        Err(e) => assert!(e.zh.contains("编码"), "{e}"),
    }
}

#[cfg(feature = "html")]
#[test]
fn html_with_a_million_cells() {
    let html = format!(
        "<html><body><table><tr>{}</tr></table></body></html>",
        "<td>1</td>".repeat(1_000_000)
    );
    let out = within(10, "a million cells", || read(html.as_bytes(), "a.html"));
    let e = out.expect_err("refused");
    assert!(e.zh.contains("200000"), "{e}");
    // A million rows of one cell each: the same.
    let html = format!("<table>{}</table>", "<tr><td>1</td></tr>".repeat(1_000_000));
    let e = within(10, "a million rows", || read(html.as_bytes(), "a.html")).expect_err("refused");
    assert!(e.zh.contains("200000"), "{e}");
}

#[cfg(feature = "html")]
#[test]
fn html_nested_deep() {
    let html = format!(
        "<html><body>{}一、总体情况{}</body></html>",
        "<div><span><table><tr><td>".repeat(100_000),
        "</td></tr></table></span></div>".repeat(100_000)
    );
    let r = within(10, "HTML nested 400,000 deep", || {
        read(html.as_bytes(), "a.html")
    });
    if let Ok(doc) = r {
        within(5, "check", || nianbao::check_document("a.html", &doc));
    }
}

// ------------------------------------------------------------------ Word

#[cfg(feature = "docx")]
mod docx {
    use super::*;
    use std::io::Write;

    const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    fn package(document_xml: &str) -> Vec<u8> {
        let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let o = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        z.start_file("[Content_Types].xml", o).unwrap();
        z.write_all(b"<?xml version=\"1.0\"?><Types/>").unwrap();
        z.start_file("word/document.xml", o).unwrap();
        z.write_all(document_xml.as_bytes()).unwrap();
        z.finish().unwrap().into_inner()
    }

    fn body(inner: &str) -> String {
        format!("<?xml version=\"1.0\"?><w:document xmlns:w=\"{W}\"><w:body>{inner}</w:body></w:document>")
    }

    #[test]
    fn tables_nested_a_hundred_thousand_deep() {
        let n = 100_000;
        let xml = body(&format!(
            "{}<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>{}",
            "<w:tbl><w:tr><w:tc>".repeat(n),
            "</w:tc></w:tr></w:tbl>".repeat(n)
        ));
        let out = within(10, "docx tables 100,000 deep", || {
            read(&package(&xml), "a.docx")
        });
        let doc = out.expect("read, the deep tables flattened");
        assert!(doc.text.contains("一、总体情况"));
        assert!(doc.tables.len() <= 64, "{}", doc.tables.len());
        within(5, "check", || nianbao::check_document("a.docx", &doc));
    }

    #[test]
    fn other_elements_nested_a_hundred_thousand_deep() {
        let n = 100_000;
        let xml = body(&format!(
            "{}<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>{}",
            "<w:sdt><w:sdtContent>".repeat(n),
            "</w:sdtContent></w:sdt>".repeat(n)
        ));
        let out = within(10, "docx elements 100,000 deep", || {
            read(&package(&xml), "a.docx")
        });
        if let Ok(doc) = out {
            within(5, "check", || nianbao::check_document("a.docx", &doc));
        }
        // Unclosed: damaged, said so.
        let xml = format!(
            "<?xml version=\"1.0\"?><w:document xmlns:w=\"{W}\"><w:body>{}",
            "<w:p><w:r>".repeat(n)
        );
        let out = within(10, "unclosed", || read(&package(&xml), "a.docx"));
        if let Err(e) = out {
            assert!(!e.zh.is_empty());
        }
    }

    /// Raw deflate of `n` bytes of 'a' (one literal, then matches of 258 at distance 1), written
    /// by hand so that a gigabyte costs a few megabytes and no compression time.
    fn deflate_bomb(matches: usize) -> Vec<u8> {
        struct Bits {
            out: Vec<u8>,
            acc: u64,
            n: u32,
        }
        impl Bits {
            fn put(&mut self, v: u64, n: u32) {
                self.acc |= v << self.n;
                self.n += n;
                while self.n >= 8 {
                    self.out.push(self.acc as u8);
                    self.acc >>= 8;
                    self.n -= 8;
                }
            }
            /// A Huffman code: most significant bit first.
            fn code(&mut self, v: u64, n: u32) {
                let mut r = 0;
                for i in 0..n {
                    r |= ((v >> i) & 1) << (n - 1 - i);
                }
                self.put(r, n);
            }
        }
        let mut b = Bits {
            out: Vec::with_capacity(matches * 13 / 8 + 16),
            acc: 0,
            n: 0,
        };
        b.put(1, 1); // final block
        b.put(1, 2); // fixed Huffman codes
        b.code(0x30 + u64::from(b'a'), 8); // literal 'a'
        for _ in 0..matches {
            b.code(0b1100_0101, 8); // length 258
            b.code(0, 5); // distance 1
        }
        b.code(0, 7); // end of block
        b.put(0, 7);
        b.out
    }

    /// A zip with one deflated entry, its sizes and CRC as given (a bomb lies about them).
    fn zip_with(name: &str, data: &[u8], declared: u32) -> Vec<u8> {
        let mut z = Vec::new();
        let le16 = |z: &mut Vec<u8>, v: u16| z.extend_from_slice(&v.to_le_bytes());
        let le32 = |z: &mut Vec<u8>, v: u32| z.extend_from_slice(&v.to_le_bytes());
        le32(&mut z, 0x0403_4b50);
        le16(&mut z, 20);
        le16(&mut z, 0);
        le16(&mut z, 8);
        le32(&mut z, 0); // time, date
        le32(&mut z, 0); // crc
        le32(&mut z, data.len() as u32);
        le32(&mut z, declared);
        le16(&mut z, name.len() as u16);
        le16(&mut z, 0);
        z.extend_from_slice(name.as_bytes());
        z.extend_from_slice(data);
        let cd = z.len();
        le32(&mut z, 0x0201_4b50);
        le16(&mut z, 20);
        le16(&mut z, 20);
        le16(&mut z, 0);
        le16(&mut z, 8);
        le32(&mut z, 0);
        le32(&mut z, 0);
        le32(&mut z, data.len() as u32);
        le32(&mut z, declared);
        le16(&mut z, name.len() as u16);
        le16(&mut z, 0);
        le16(&mut z, 0);
        le16(&mut z, 0);
        le16(&mut z, 0);
        le32(&mut z, 0);
        le32(&mut z, 0); // local header at 0
        z.extend_from_slice(name.as_bytes());
        let cd_len = z.len() - cd;
        le32(&mut z, 0x0605_4b50);
        le16(&mut z, 0);
        le16(&mut z, 0);
        le16(&mut z, 1);
        le16(&mut z, 1);
        le32(&mut z, cd_len as u32);
        le32(&mut z, cd as u32);
        le16(&mut z, 0);
        z
    }

    #[test]
    fn a_zip_bomb_is_refused_at_the_cap() {
        // document.xml inflates to 4 GB (about 6.5 MB compressed).
        let matches = (4u64 << 30) as usize / 258;
        let bomb = deflate_bomb(matches);
        // Its size declared honestly: refused before inflating anything.
        let honest = zip_with("word/document.xml", &bomb, u32::MAX);
        let e = within(5, "honest bomb", || read(&honest, "a.docx")).expect_err("refused");
        assert!(e.zh.contains("超过64MB"), "{e}");
        // Its size declared as 1000 bytes: inflating stops at the cap (64 MiB + 1 byte), or at
        // the declared size; never 4 GB (which would take minutes here).
        let lying = zip_with("word/document.xml", &bomb, 1000);
        let out = within(20, "lying bomb", || read(&lying, "a.docx"));
        let e = out.expect_err("refused");
        // (The zip reader does not stop at the declared size: the cap does.)
        assert!(e.zh.contains("超过64MB"), "{e}");
    }
}

// ------------------------------------------------------------------ grids of 200,000 cells

/// Drawing a grid into text ([`nianbao::document::Builder::table`]) is linear in the grid's
/// positions and cells: square, ragged, one-row, one-column and spanning shapes of 200,000 cells
/// each take well under the limit, and the text is no longer than the grid's positions (one TAB
/// or line end each) plus the cells' own text.
mod grids {
    use super::within;
    use nianbao::document::{Builder, CellIn, Document, Form};

    fn cell(row: usize, col: usize, rowspan: usize, colspan: usize) -> CellIn {
        CellIn {
            row,
            col,
            rowspan,
            colspan,
            text: format!("{}", (row * 7 + col) % 1000),
        }
    }

    /// Draws `cells` and checks the text's size and the last cell's place.
    fn draw(what: &str, secs: u64, cells: Vec<CellIn>) -> Document {
        let n = cells.len();
        let text_bytes: usize = cells.iter().map(|c| c.text.len()).sum();
        let last = cells.iter().map(|c| (c.row, c.col)).max().unwrap();
        let doc = within(secs, what, || {
            let mut b = Builder::new(Form::Html, "utf-8");
            b.table(cells, "表格 1");
            b.finish()
        });
        let g = &doc.tables[0];
        assert_eq!(g.cells.len(), n, "{what}");
        assert!(
            doc.text.len() <= g.rows * g.cols + text_bytes,
            "{what}: {} bytes of text for {} positions",
            doc.text.len(),
            g.rows * g.cols
        );
        let c = g.at(last.0, last.1).expect("the last cell");
        let line = doc.text.lines().nth(c.line - 1).unwrap();
        let field: String = line
            .chars()
            .skip(c.column - 1)
            .take(c.text.chars().count())
            .collect();
        assert_eq!(field, c.text, "{what}: the last cell's line and column");
        doc
    }

    #[test]
    fn square_ragged_and_flat_grids_of_200000_cells() {
        // 448 × 448 (200,704 cells).
        let square = (0..448).flat_map(|r| (0..448).map(move |c| cell(r, c, 1, 1)));
        draw("square 448 × 448", 2, square.collect());
        // Rows of 1 to 631 cells (about 200,000 in all, 631 columns).
        let mut ragged = Vec::new();
        let mut r = 0;
        while ragged.len() < 200_000 {
            let len = 1 + (r * 37) % 631;
            ragged.extend((0..len).map(|c| cell(r, c, 1, 1)));
            r += 1;
        }
        draw("ragged", 2, ragged);
        draw(
            "one row of 200,000",
            2,
            (0..200_000).map(|c| cell(0, c, 1, 1)).collect(),
        );
        draw(
            "two columns of 100,000",
            2,
            (0..100_000)
                .flat_map(|r| [cell(r, 0, 1, 1), cell(r, 1, 1, 1)])
                .collect(),
        );
    }

    #[test]
    fn deep_rowspans_and_colspan_chains() {
        // One label spanning 100,000 rows beside 100,000 values.
        let mut deep = vec![cell(0, 0, 100_000, 1)];
        deep.extend((0..100_000).map(|r| cell(r, 1, 1, 1)));
        let doc = draw("rowspan 100,000", 2, deep);
        assert_eq!(doc.tables[0].cells[0].rowspan, 100_000);
        // Every row a chain of cells spanning 2 to 9 columns, 2,000 rows (about 200,000 cells
        // over 1,100 columns).
        let mut chains = Vec::new();
        for r in 0..2_000 {
            let mut c = r % 7;
            while c < 1_100 {
                let span = 2 + (r + c) % 8;
                chains.push(cell(r, c, 1, span.min(1_100 - c)));
                c += span;
            }
        }
        draw("colspan chains", 2, chains);
        // Spans overlapping each other everywhere (each cell claims 3 × 3): cut, never drawn
        // twice.
        let overlapping: Vec<CellIn> = (0..448)
            .flat_map(|r| (0..448).map(move |c| cell(r, c, 3, 3)))
            .collect();
        let doc = within(2, "overlapping spans", || {
            let mut b = Builder::new(Form::Html, "utf-8");
            b.table(overlapping, "");
            b.finish()
        });
        let g = &doc.tables[0];
        let covered: usize = g.cells.iter().map(|c| c.rowspan * c.colspan).sum();
        assert!(covered <= g.rows * g.cols, "{covered}");
    }

    #[test]
    fn a_sparse_grid_too_large_to_draw_is_left_out_with_a_note() {
        // Two cells, 10¹⁰ positions apart: no 10 GB of TABs, a note instead.
        let doc = within(1, "two far cells", || {
            let mut b = Builder::new(Form::Pdf, "utf-8");
            b.paragraph("一、总体情况");
            b.table(
                vec![cell(0, 0, 1, 1), cell(100_000, 100_000, 1, 1)],
                "第 1 页",
            );
            b.table(vec![cell(0, 0, usize::MAX, usize::MAX)], "第 2 页");
            b.finish()
        });
        assert!(doc.tables.is_empty());
        assert_eq!(doc.text, "一、总体情况");
        assert!(
            doc.notes
                .iter()
                .any(|n| n.zh.contains("过大") && n.en.contains("too large")),
            "{:?}",
            doc.notes
        );
    }
}

/// A report whose part 三 table is followed by a grid of `cells` cells in `form`.
#[cfg(any(feature = "html", feature = "docx"))]
fn square(n: usize) -> Vec<Vec<String>> {
    (0..n)
        .map(|r| (0..n).map(|c| ((r + c) % 10).to_string()).collect())
        .collect()
}

#[cfg(feature = "html")]
#[test]
fn html_grids_of_200000_cells_deep_spans_and_limits() {
    let table = |rows: &[String]| {
        format!(
            "<html><body><p>一、总体情况</p><table>{}</table></body></html>",
            rows.concat()
        )
    };
    let tr = |cells: &[String]| {
        format!(
            "<tr>{}</tr>",
            cells
                .iter()
                .map(|c| format!("<td>{c}</td>"))
                .collect::<String>()
        )
    };
    // 447 × 447 (199,809 cells): read and checked.
    let rows: Vec<String> = square(447).iter().map(|r| tr(r)).collect();
    let html = table(&rows);
    let doc = within(5, "html 447 × 447", || read(html.as_bytes(), "a.html")).expect("read");
    assert_eq!(doc.tables[0].cells.len(), 447 * 447);
    assert!(doc.text.len() <= 3 * 447 * 447, "{}", doc.text.len());
    within(5, "check html 447 × 447", || {
        nianbao::check_document("a.html", &doc)
    });
    // rowspan=100000 beside 100,000 rows: spans are cut at the reader's limit, rowspan=0 runs to
    // the end.
    for span in ["100000", "0"] {
        let mut rows = vec![format!("<tr><td rowspan={span}>类别</td><td>1</td></tr>")];
        rows.extend((1..100_000).map(|_| "<tr><td>1</td></tr>".to_string()));
        let html = table(&rows);
        let what = format!("html rowspan={span}");
        let doc = within(5, &what, || read(html.as_bytes(), "a.html")).expect("read");
        assert!(doc.tables[0].cells[0].rowspan <= 100_000);
        assert!(doc.text.len() <= 3 * 2 * 100_000, "{}", doc.text.len());
        within(5, &format!("check {what}"), || {
            nianbao::check_document("a.html", &doc)
        });
    }
    // Colspan chains wider than the reader allows: the cells past 4,000 columns are left out.
    let row = format!("<tr>{}</tr>", "<td colspan=1000>1</td>".repeat(10));
    let html = table(&vec![row; 1_000]);
    let doc = within(5, "html colspan chains", || read(html.as_bytes(), "a.html")).expect("read");
    assert!(doc.tables[0].cols <= 4_000, "{}", doc.tables[0].cols);
    // 1,000 rows of 4,000 columns (4,000,000 positions) plus one: too large, said so.
    let row = format!("<tr>{}</tr>", "<td colspan=1000>1</td>".repeat(4));
    let html = table(&vec![row; 1_001]);
    let e = within(5, "html 4,004,000 positions", || {
        read(html.as_bytes(), "a.html")
    })
    .expect_err("refused");
    assert!(e.zh.contains("过大") && e.en.contains("too large"), "{e}");
}

#[cfg(feature = "docx")]
mod docx_grids {
    use super::{read, square, within};
    use std::io::Write;

    fn package(tables: &str) -> Vec<u8> {
        let xml = format!(
            "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>{tables}</w:body></w:document>"
        );
        let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let o = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        z.start_file("word/document.xml", o).unwrap();
        z.write_all(xml.as_bytes()).unwrap();
        z.finish().unwrap().into_inner()
    }

    fn tc(props: &str, text: &str) -> String {
        format!("<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>")
    }

    fn tbl(rows: impl Iterator<Item = String>) -> String {
        format!(
            "<w:tbl>{}</w:tbl>",
            rows.map(|r| format!("<w:tr>{r}</w:tr>"))
                .collect::<String>()
        )
    }

    #[test]
    fn word_grids_of_200000_cells_deep_merges_and_the_cell_limit() {
        // 447 × 447 (199,809 cells): read and checked.
        let t = tbl(square(447)
            .into_iter()
            .map(|r| r.iter().map(|c| tc("", c)).collect()));
        let doc = within(10, "docx 447 × 447", || read(&package(&t), "a.docx")).expect("read");
        assert_eq!(doc.tables[0].cells.len(), 447 * 447);
        assert!(doc.text.len() <= 3 * 447 * 447, "{}", doc.text.len());
        within(5, "check docx 447 × 447", || {
            nianbao::check_document("a.docx", &doc)
        });
        // A vertical merge over 100,000 rows beside 100,000 values.
        let rows = (0..100_000).map(|r| {
            let merge = if r == 0 {
                r#"<w:vMerge w:val="restart"/>"#
            } else {
                "<w:vMerge/>"
            };
            format!(
                "{}{}",
                tc(merge, if r == 0 { "类别" } else { "" }),
                tc("", "1")
            )
        });
        let doc = within(10, "docx vMerge 100,000 rows", || {
            read(&package(&tbl(rows)), "a.docx")
        })
        .expect("read");
        assert_eq!(doc.tables[0].cells[0].rowspan, 100_000);
        assert!(doc.text.len() <= 3 * 2 * 100_000, "{}", doc.text.len());
        within(5, "check docx vMerge", || {
            nianbao::check_document("a.docx", &doc)
        });
        // Chains of gridSpan (2 to 64 columns) over 2,000 rows: 1,975 columns, 3,950,000
        // positions, just under the most a grid may have.
        let chains = |rows: usize| {
            tbl((0..rows).map(|r| {
                (0..50)
                    .map(|k| {
                        tc(
                            &format!(r#"<w:gridSpan w:val="{}"/>"#, 2 + (r + k) % 63),
                            "1",
                        )
                    })
                    .collect::<String>()
            }))
        };
        let doc = within(10, "docx gridSpan chains", || {
            read(&package(&chains(2_000)), "a.docx")
        })
        .expect("read");
        let g = &doc.tables[0];
        assert_eq!((g.rows, g.cols), (2_000, 1_975));
        assert!(doc.text.len() <= 2 * g.rows * g.cols, "{}", doc.text.len());
        within(5, "check docx gridSpan chains", || {
            nianbao::check_document("a.docx", &doc)
        });
        // 2,100 such rows (4,147,500 positions): the table is left out, with a note.
        let doc = within(10, "docx gridSpan chains over the limit", || {
            read(&package(&chains(2_100)), "a.docx")
        })
        .expect("read");
        assert!(doc.tables.is_empty());
        assert!(
            doc.notes
                .iter()
                .any(|n| n.zh.contains("4000000") && n.en.contains("too large")),
            "{:?}",
            doc.notes
        );
        // One cell more than the limit, over many tables: refused, said so.
        let t = tbl((0..100_001).map(|_| tc("", "1") + &tc("", "2")));
        let e =
            within(10, "docx 200,002 cells", || read(&package(&t), "a.docx")).expect_err("refused");
        assert!(e.zh.contains("200000") && e.en.contains("200000"), "{e}");
    }
}
