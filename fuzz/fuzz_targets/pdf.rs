//! Any bytes as a PDF → read → check: never a panic, never a stall (the PDF reader alone, so the
//! mutator spends all its inputs on it; `read_bytes` shares them with the other readers).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) =
        nianbao::read::read(data, "report.pdf", None, &nianbao::read::encoding_rs_legacy)
    {
        let r = nianbao::check_document("report.pdf", &doc);
        let _ = nianbao::to_json(&r, false);
    }
});
