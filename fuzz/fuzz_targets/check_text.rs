//! Any text → the whole check, and its JSON: never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let r = nianbao::check("fuzz.txt", text);
    let _ = nianbao::to_json(&r, false);
});
