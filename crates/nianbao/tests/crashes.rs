//! Every input under tests/data/crashes/ (found by fuzzing, see scripts/fuzz.sh), fed to the
//! engine the way its fuzz target does: no panic, and a bounded time.

use std::time::{Duration, Instant};

const NAMES: [&str; 4] = ["report.txt", "report.html", "report.docx", "report.pdf"];

/// The fuzz targets an input here may come from (the `tables` target's failures are saved as
/// the text it checked: `check_text-…`).
const TARGETS: [&str; 6] = ["check_text", "read_bytes", "docx", "html", "pdf", "archive"];

fn run(target: &str, data: &[u8]) {
    let legacy = &nianbao::read::encoding_rs_legacy;
    match target {
        "check_text" => {
            let text = String::from_utf8_lossy(data);
            let r = nianbao::check("crash.txt", &text);
            let _ = nianbao::to_json(&r, false);
        }
        "read_bytes" => {
            let Some((&pick, bytes)) = data.split_first() else {
                return;
            };
            let name = NAMES[pick as usize % NAMES.len()];
            if let Ok(doc) = nianbao::read::read(bytes, name, None, legacy) {
                let r = nianbao::check_document(name, &doc);
                let _ = nianbao::to_json(&r, false);
            }
        }
        #[cfg(feature = "docx")]
        "docx" => {
            if let Ok(doc) = nianbao::read::docx::read(data) {
                nianbao::check_document("crash.docx", &doc);
            }
        }
        #[cfg(feature = "html")]
        "html" => {
            let doc = match data.split_first() {
                Some((&b, rest)) if b % 2 == 1 => match std::str::from_utf8(rest) {
                    Ok(s) => Ok(nianbao::read::html::read_pasted(s)),
                    Err(_) => return,
                },
                _ => nianbao::read::html::read(data, legacy),
            };
            if let Ok(doc) = doc {
                nianbao::check_document("crash.html", &doc);
            }
        }
        #[cfg(feature = "pdf")]
        "pdf" => {
            if let Ok(doc) = nianbao::read::read(data, "report.pdf", None, legacy) {
                let r = nianbao::check_document("report.pdf", &doc);
                let _ = nianbao::to_json(&r, false);
            }
        }
        #[cfg(feature = "docx")]
        "archive" => {
            let Ok(entries) = nianbao::read::archive::entries(data, legacy) else {
                return;
            };
            for e in entries {
                let Ok(bytes) = e.bytes else { continue };
                if let Ok(doc) = nianbao::read::read(&bytes, &e.name, None, legacy) {
                    nianbao::check_document(&e.name, &doc);
                }
            }
        }
        // A reader left out of this build (its feature off).
        _ => {}
    }
}

#[test]
fn every_crash_input_is_handled() {
    let dir = format!("{}/tests/data/crashes", env!("CARGO_MANIFEST_DIR"));
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/data/crashes") {
        let path = entry.expect("entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let Some((target, _)) = name.split_once('-') else {
            continue;
        };
        assert!(
            TARGETS.contains(&target),
            "{name}: named after no fuzz target ({TARGETS:?})"
        );
        let data = std::fs::read(&path).expect("readable");
        let t = Instant::now();
        run(target, &data);
        assert!(
            t.elapsed() < Duration::from_secs(10),
            "{name}: {:?}",
            t.elapsed()
        );
        n += 1;
    }
    eprintln!("{n} crash inputs");
}
