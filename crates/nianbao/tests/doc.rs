//! Word 97–2003 (.doc) and WPS (.wps) files: the project's own .docx fixtures converted by
//! LibreOffice (scripts/make-doc-fixtures.sh) give the same text, paragraphs, grids, cells (value
//! and provenance) and findings as the .docx they were made from; compound files that are not
//! Word documents, encrypted and damaged files get a message saying what to do.
#![cfg(feature = "doc")]

use nianbao::document::{Document, Form};
use nianbao::read::{self, encoding_rs_legacy};
use nianbao::result::CheckResult;
use serde_json::Value;

fn bytes(name: &str) -> Vec<u8> {
    let p = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&p).unwrap_or_else(|e| panic!("{p}: {e}"))
}

fn document(name: &str) -> Document {
    read::read(&bytes(name), name, None, &encoding_rs_legacy)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn check(name: &str) -> CheckResult {
    nianbao::check_bytes(name, &bytes(name), None, &encoding_rs_legacy)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The result without what names the input (file name, form, hash).
fn comparable(r: &CheckResult) -> Value {
    let mut v = serde_json::to_value(r).unwrap();
    v.as_object_mut().unwrap().remove("input");
    v
}

const PAIRS: [(&str, &str); 4] = [
    ("report_a.doc", "report_a.docx"),
    ("report_b.doc", "report_b.docx"),
    ("report_a_numbered.doc", "report_a_numbered.docx"),
    ("report_a.wps", "report_a.docx"),
];

#[test]
fn doc_text_paragraphs_and_grids_equal_the_docx() {
    for (doc, docx) in PAIRS {
        let (d, x) = (document(doc), document(docx));
        assert_eq!(d.form, Form::Doc, "{doc}");
        let (dl, xl): (Vec<&str>, Vec<&str>) = (d.text.lines().collect(), x.text.lines().collect());
        for (i, (a, b)) in dl.iter().zip(&xl).enumerate() {
            assert_eq!(a, b, "{doc}: line {}", i + 1);
        }
        assert_eq!(dl.len(), xl.len(), "{doc}: line count");
        assert_eq!(d.paragraphs, x.paragraphs, "{doc}: paragraph places");
        assert_eq!(d.tables.len(), x.tables.len(), "{doc}: tables");
        for (i, (a, b)) in d.tables.iter().zip(&x.tables).enumerate() {
            assert_eq!(a, b, "{doc}: grid {}", i + 1);
        }
        assert_eq!(d.notes, x.notes, "{doc}: reader notes");
    }
}

#[test]
fn doc_results_equal_the_docx_cell_by_cell() {
    for (doc, docx) in PAIRS {
        let (d, x) = (check(doc), check(docx));
        assert_eq!(d.input.form, Form::Doc, "{doc}");
        assert_eq!(d.verdict, x.verdict, "{doc}");
        // Every cell of the three tables: value, how it was read, line and column.
        for (name, a, b) in [
            ("requests", &d.tables.requests, &x.tables.requests),
            ("appeals", &d.tables.appeals, &x.tables.appeals),
            ("active", &d.tables.active, &x.tables.active),
        ] {
            let (a, b) = (
                serde_json::to_value(a).unwrap(),
                serde_json::to_value(b).unwrap(),
            );
            assert!(
                a["rows"].as_array().is_some_and(|r| !r.is_empty()),
                "{doc} {name}"
            );
            for (ra, rb) in a["rows"]
                .as_array()
                .unwrap()
                .iter()
                .zip(b["rows"].as_array().unwrap())
            {
                assert_eq!(ra, rb, "{doc} {name}");
            }
            assert_eq!(a, b, "{doc} {name}");
        }
        let findings = |r: &CheckResult| serde_json::to_value(&r.findings).unwrap();
        assert_eq!(findings(&d), findings(&x), "{doc}: findings");
        assert_eq!(comparable(&d), comparable(&x), "{doc}: whole result");
    }
    // report_b's changed total is found in the .doc as in the .docx.
    let b = check("report_b.doc");
    assert!(
        b.findings
            .iter()
            .any(|f| f.severity == nianbao::result::Severity::Error),
        "{:#?}",
        b.findings
    );
}

fn read_err(bytes: &[u8], name: &str) -> read::ReadError {
    match read::read(bytes, name, None, &encoding_rs_legacy) {
        Ok(d) => panic!("{name}: read as {:?}", d.form),
        Err(e) => e,
    }
}

/// A compound file holding the given streams.
fn compound(streams: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let mut cf = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).unwrap();
    for (name, data) in streams {
        cf.create_stream(name).unwrap().write_all(data).unwrap();
    }
    cf.flush().unwrap();
    cf.into_inner().into_inner()
}

/// report_a.doc with `f` applied to its WordDocument stream.
fn doc_with(f: impl FnOnce(&mut Vec<u8>)) -> Vec<u8> {
    use std::io::{Read, Seek, SeekFrom, Write};
    let mut cf = cfb::CompoundFile::open(std::io::Cursor::new(bytes("report_a.doc"))).unwrap();
    let mut word = Vec::new();
    cf.open_stream("/WordDocument")
        .unwrap()
        .read_to_end(&mut word)
        .unwrap();
    f(&mut word);
    let mut s = cf.open_stream("/WordDocument").unwrap();
    s.seek(SeekFrom::Start(0)).unwrap();
    s.write_all(&word).unwrap();
    drop(s);
    cf.flush().unwrap();
    cf.into_inner().into_inner()
}

#[test]
fn compound_files_that_are_not_word_documents_say_what_they_are() {
    let xls = compound(&[("/Workbook", b"\x09\x08\x10\x00")]);
    for name in ["a.xls", "a.doc", "单位报告.wps"] {
        let e = read_err(&xls, name);
        assert!(
            e.zh.contains("Excel表格") && e.en.contains("Excel workbook"),
            "{name}: {e}"
        );
    }
    let e = read_err(&compound(&[("/PowerPoint Document", b"x")]), "a.doc");
    assert!(e.zh.contains("PowerPoint"), "{e}");
    let e = read_err(
        &compound(&[("/MatOST", b"x"), ("/CONTENTS", b"y")]),
        "a.wps",
    );
    assert!(e.zh.contains("Works") && e.zh.contains(".docx"), "{e}");
    let e = read_err(&compound(&[("/Other", b"x")]), "a.doc");
    assert!(e.zh.contains("没有Word正文"), "{e}");
    // A password-protected .docx sent as .doc.
    let e = read_err(
        &compound(&[("/EncryptionInfo", b"x"), ("/EncryptedPackage", b"y")]),
        "a.doc",
    );
    assert!(e.zh.contains("已加密"), "{e}");
}

#[test]
fn encrypted_old_and_damaged_doc_files_get_a_message() {
    // fEncrypted (FIB flags 0x0100).
    let e = read_err(&doc_with(|w| w[0x0B] |= 0x01), "a.doc");
    assert!(e.zh.contains("已加密") && e.en.contains("encrypted"), "{e}");
    // Word 6.0/95 (nFib 101 is Word 97's lowest; wIdent stays).
    let e = read_err(
        &doc_with(|w| w[2..4].copy_from_slice(&100u16.to_le_bytes())),
        "a.doc",
    );
    assert!(e.zh.contains("Word 6.0/95"), "{e}");
    // The piece table pointed outside the table stream.
    let e = read_err(&doc_with(|w| w[0x1A2..0x1A6].fill(0xFF)), "a.doc");
    assert!(e.zh.contains("已损坏"), "{e}");
    // Garbage after the magic, and the file cut short.
    let mut garbage = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    garbage.extend((0..4000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    assert!(read_err(&garbage, "a.doc").zh.contains(".docx"));
    let whole = bytes("report_a.doc");
    let e = read_err(&whole[..whole.len() / 2], "a.doc");
    assert!(e.zh.contains("已损坏"), "{e}");
}

#[test]
fn no_corruption_of_the_word_stream_panics() {
    // Every 97th byte of the FIB and the text flipped, one at a time: a message or a document,
    // never a panic.
    let n = {
        let mut n = 0;
        doc_with(|w| n = w.len());
        n
    };
    for at in (0..n.min(8192)).step_by(97) {
        let bytes = doc_with(|w| w[at] ^= 0xA5);
        let _ = read::read(&bytes, "a.doc", None, &encoding_rs_legacy);
    }
}

#[test]
fn the_issue_list_asks_for_what_fits_the_old_file() {
    use nianbao::issues::send_instead;
    let damaged = read_err(&bytes("report_a.doc")[..20_000], "a.doc");
    let zh = send_instead(&damaged, false);
    assert!(zh.contains(".doc、.wps或.docx均可"), "{zh}");
    assert!(send_instead(&damaged, true).contains(".doc, .wps or .docx"));
    let xls = read_err(&compound(&[("/Workbook", b"x")]), "a.doc");
    assert!(send_instead(&xls, false).contains("而不是表格"), "{xls}");
    let enc = read_err(&doc_with(|w| w[0x0B] |= 0x01), "a.doc");
    assert!(send_instead(&enc, false).contains("不设密码"));
}

/// tests/fixtures/sheet_as.doc: a workbook's compound file under a .doc name (written here when
/// NIANBAO_WRITE_FIXTURES=1, by scripts/make-doc-fixtures.sh) gets the Excel message.
#[test]
fn a_workbook_under_a_doc_name() {
    // BIFF8 BOF (version 0x0600, a workbook globals substream) and EOF.
    let biff: &[u8] = &[
        0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x0A, 0x00, 0x00, 0x00,
    ];
    let path = format!("{}/tests/fixtures/sheet_as.doc", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("NIANBAO_WRITE_FIXTURES").is_some() {
        std::fs::write(&path, compound(&[("/Workbook", biff)])).unwrap();
    }
    let e = read_err(&bytes("sheet_as.doc"), "sheet_as.doc");
    assert!(e.zh.starts_with("这是Excel表格"), "{e}");
    assert!(e.en.contains("Excel workbook"), "{e}");
}

/// A mutation run (not a timed test; run by hand, the fuzz target's stand-in where cargo-fuzz
/// cannot run): `NIANBAO_DOC_MUTATE_SECS=60 cargo test -p nianbao --test doc mutations --
/// --ignored --nocapture`. Random byte changes and cuts of the .doc fixtures, whole files (the
/// compound file too): a message or a document, never a panic.
#[test]
#[ignore]
fn mutations() {
    let secs: u64 = std::env::var("NIANBAO_DOC_MUTATE_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    let seeds: Vec<Vec<u8>> = ["report_a.doc", "report_b.doc", "report_a_numbered.doc"]
        .iter()
        .map(|n| bytes(n))
        .collect();
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let start = std::time::Instant::now();
    let (mut runs, mut read_ok) = (0u64, 0u64);
    while start.elapsed().as_secs() < secs {
        let mut b = seeds[(next() % 3) as usize].clone();
        for _ in 0..=next() % 8 {
            let at = (next() as usize) % b.len();
            b[at] = next() as u8;
        }
        if next() % 8 == 0 {
            b.truncate((next() as usize) % b.len());
        }
        if read::read(&b, "m.doc", None, &encoding_rs_legacy).is_ok() {
            read_ok += 1;
        }
        runs += 1;
    }
    println!("doc mutations: {runs} inputs in {secs} s, {read_ok} read as documents, no panic");
}
