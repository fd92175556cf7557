//! The fuzz targets' small seeds (`fuzz/seeds/<target>/`, written by `tools/fuzz_seeds.py`) are
//! read by their readers and reach the tables: a seed a reader refuses would leave the fuzzer at
//! the parser's door.
#![cfg(all(feature = "pdf", feature = "docx", feature = "html"))]

use std::path::PathBuf;

fn seeds(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "..",
        "..",
        "fuzz",
        "seeds",
        target,
    ]
    .iter()
    .collect();
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            (name, std::fs::read(&p).unwrap())
        })
        .collect();
    out.sort();
    out
}

/// Every seed of a reader's target reads, and its text holds part 三's heading or a row of it.
#[test]
fn every_reader_seed_reads_and_reaches_the_tables() {
    let legacy = &nianbao::read::encoding_rs_legacy;
    let (mut n, mut failed) = (0, Vec::new());
    for target in ["pdf", "docx", "html"] {
        for (name, data) in seeds(target) {
            n += 1;
            let doc = if let Some(rest) = name.strip_prefix("pasted-").and(data.get(1..)) {
                nianbao::read::html::read_pasted(std::str::from_utf8(rest).unwrap())
            } else {
                match nianbao::read::read(&data, &name, None, legacy) {
                    Ok(doc) => doc,
                    Err(e) => {
                        failed.push(format!("{target}/{name}: {e:?}"));
                        continue;
                    }
                }
            };
            let r = nianbao::check_document(&name, &doc);
            if !r.tables.requests.rows.iter().any(|row| row.found) {
                failed.push(format!(
                    "{target}/{name}: no row of part 三 found in\n{}",
                    doc.text
                ));
            }
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n\n"));
    assert!(n >= 15, "only {n} seeds");
}

/// The PDF seeds' table: the ruled one is a grid, the others are text read through the CID
/// font's ToUnicode; the xref-stream file reads as the classic one does.
#[test]
fn pdf_seeds_read_their_fonts_grids_and_cross_reference_streams() {
    let s = seeds("pdf");
    let get = |n: &str| {
        let data = &s.iter().find(|(name, _)| name == n).unwrap().1;
        nianbao::read::read(data, n, None, &nianbao::read::encoding_rs_legacy).unwrap()
    };
    let ruled = get("ruled_table.pdf");
    assert!(!ruled.tables.is_empty(), "{}", ruled.text);
    let a = get("cid_tounicode.pdf");
    let b = get("xref_stream.pdf");
    assert_eq!(a.text, b.text);
    assert!(a
        .text
        .contains("某市某区卫生健康局2022年政府信息公开工作年度报告"));
    let two = get("two_pages.pdf");
    assert!(two.text.contains("总体情况"), "{}", two.text);
}

/// Every zip seed lists entries the readers take; every text seed checks to a result with
/// part 三 found.
#[test]
fn zip_and_text_seeds_reach_the_check() {
    let legacy = &nianbao::read::encoding_rs_legacy;
    for (name, data) in seeds("archive") {
        let entries = nianbao::read::archive::entries(&data, legacy).unwrap();
        assert!(!entries.is_empty(), "{name}");
        for e in entries {
            let bytes = e
                .bytes
                .unwrap_or_else(|err| panic!("{name}/{}: {err:?}", e.name));
            nianbao::read::read(&bytes, &e.name, None, legacy)
                .unwrap_or_else(|err| panic!("{name}/{}: {err:?}", e.name));
        }
    }
    let mut failed = Vec::new();
    for (name, data) in seeds("check_text") {
        let text = String::from_utf8(data).unwrap();
        let r = nianbao::check(&name, &text);
        let found = r.tables.requests.rows.iter().any(|row| row.found);
        if !found && name != "headings.txt" && name != "prose_totals.txt" {
            failed.push(name);
        }
    }
    assert!(failed.is_empty(), "no row of part 三 found in {failed:?}");
}
