//! Any bytes → the Word reader → check: never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = nianbao::read::docx::read(data) {
        let _ = nianbao::check_document("fuzz.docx", &doc);
    }
});
