#![cfg(feature = "docx")]
//! The page's batch reads a `.zip` of reports in memory (`read::archive`): readable entries in
//! name order, other files skipped, a zip bomb refused per entry with a message.

use nianbao::read::archive::{entries, ENTRY_MAX};
use std::io::Write;

fn no_legacy(_: &[u8], _: &str) -> Option<String> {
    None
}

fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let o = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, bytes) in files {
            z.start_file(*name, o).unwrap();
            z.write_all(bytes).unwrap();
        }
        z.finish().unwrap();
    }
    buf.into_inner()
}

#[test]
fn entries_in_name_order_readable_forms_only() {
    let z = zip_of(&[
        ("b/report-2.txt", "二".as_bytes()),
        ("a.docx", b"PK"),
        ("image.png", b"\x89PNG"),
        ("__MACOSX/._a.txt", b"x"),
        (".hidden.txt", b"x"),
        ("a/report-1.html", b"<p>1</p>"),
    ]);
    let e = entries(&z, &no_legacy).unwrap();
    let names: Vec<&str> = e.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["a.docx", "a/report-1.html", "b/report-2.txt"]);
    assert_eq!(e[2].bytes.as_ref().unwrap(), "二".as_bytes());
}

#[test]
fn a_zip_bomb_is_refused_with_a_message_and_the_rest_is_read() {
    let zeros = vec![b'0'; (ENTRY_MAX as usize) + 1];
    let small = vec![b'0'; 20 << 20];
    let z = zip_of(&[
        ("big.txt", &zeros),
        ("ratio.txt", &small),
        ("ok.txt", b"fine"),
    ]);
    let e = entries(&z, &no_legacy).unwrap();
    let by = |n: &str| e.iter().find(|e| e.name == n).unwrap();
    let big = by("big.txt").bytes.as_ref().unwrap_err();
    assert!(big.zh.contains("上限"), "{big}");
    let ratio = by("ratio.txt").bytes.as_ref().unwrap_err();
    assert!(
        ratio.zh.contains("压缩炸弹") && ratio.en.contains("zip bomb"),
        "{ratio}"
    );
    assert_eq!(by("ok.txt").bytes.as_ref().unwrap(), b"fine");
}

#[test]
fn not_an_archive_says_so() {
    let e = entries(b"not a zip at all", &no_legacy).err().unwrap();
    assert!(e.zh.contains("压缩文件"), "{e}");
}
