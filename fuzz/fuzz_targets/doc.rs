//! Any bytes → the Word 97–2003 / WPS reader → check: never a panic. Seeds: the project's .doc
//! fixtures (fuzz/seeds/doc/, copies of crates/nianbao/tests/fixtures/*.doc).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = nianbao::read::doc::read(data) {
        let _ = nianbao::check_document("fuzz.doc", &doc);
    }
});
