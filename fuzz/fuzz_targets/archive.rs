//! Any bytes as a .zip archive → its readable entries (caps on size and ratio) → each read and
//! checked: never a panic, never a stall, never more memory than the caps allow.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let legacy = &nianbao::read::encoding_rs_legacy;
    let Ok(entries) = nianbao::read::archive::entries(data, legacy) else {
        return;
    };
    for e in entries {
        let Ok(bytes) = e.bytes else { continue };
        if let Ok(doc) = nianbao::read::read(&bytes, &e.name, None, legacy) {
            let _ = nianbao::check_document(&e.name, &doc);
        }
    }
});
