//! Any bytes under any of the file names the readers know → read → check: never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 4] = ["report.txt", "report.html", "report.docx", "report.pdf"];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[pick as usize % NAMES.len()];
    if let Ok(doc) = nianbao::read::read(bytes, name, None, &nianbao::read::encoding_rs_legacy) {
        let r = nianbao::check_document(name, &doc);
        let _ = nianbao::to_json(&r, false);
    }
});
