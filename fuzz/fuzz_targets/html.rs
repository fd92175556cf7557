//! Any bytes → the web page reader (a saved file, or pasted HTML when the first byte is odd) →
//! check: never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let doc = match data.split_first() {
        Some((&b, rest)) if b % 2 == 1 => match std::str::from_utf8(rest) {
            Ok(s) => Ok(nianbao::read::html::read_pasted(s)),
            Err(_) => return,
        },
        _ => nianbao::read::html::read(data, &nianbao::read::encoding_rs_legacy),
    };
    if let Ok(doc) = doc {
        let _ = nianbao::check_document("fuzz.html", &doc);
    }
});
