//! The modules the page runs in its Web Worker (`static/worker.js`), so that reading and checking
//! never hold up the page's main thread:
//!
//! - `engine` (feature `engine`): reads text files, checks the report in the page's two slots
//!   (this year's and, optionally, last year's), makes the downloads, keeps a batch's results and
//!   makes its roll-up, and gives each rule's page. It keeps its state between calls.
//! - `office` and `pdf` (features of the same names): readers for Word files, web pages, pasted
//!   HTML and `.zip` archives, and for PDF. Loaded when their first file arrives.
//!
//! Everything crosses into JavaScript as JSON text (documents, results, rows), which the worker
//! passes on without looking inside; the page reads results back with serde.

use wasm_bindgen::prelude::*;

#[cfg(feature = "engine")]
mod engine;
#[cfg(feature = "engine")]
pub use engine::*;

/// Legacy encodings (GB18030/GBK) through the browser's `TextDecoder`: the same WHATWG decoder
/// as `encoding_rs`, at no wasm cost.
pub fn legacy(bytes: &[u8], label: &str) -> Option<String> {
    let opts = web_sys::TextDecoderOptions::new();
    opts.set_fatal(true);
    let d = web_sys::TextDecoder::new_with_label_and_options(label, &opts).ok()?;
    let copy = bytes.to_vec();
    d.decode_with_u8_array(&copy).ok()
}

/// `{"ok": Document}` or `{"error": {"zh", "en"}}`.
pub fn answer(r: Result<nianbao::document::Document, nianbao::read::ReadError>) -> String {
    match r {
        Ok(doc) => serde_json::json!({ "ok": doc }).to_string(),
        Err(e) => error_json(&e),
    }
}

pub fn error_json(e: &nianbao::read::ReadError) -> String {
    serde_json::json!({ "error": { "zh": e.zh, "en": e.en } }).to_string()
}

/// Reads a file with the readers compiled into this module: the form is sniffed from the bytes
/// and the name. Returns [`answer`]'s JSON.
#[wasm_bindgen]
pub fn read_file(bytes: &[u8], name: &str) -> String {
    answer(nianbao::read::read(bytes, name, None, &legacy))
}

/// Reads HTML from the clipboard (a web page, or Word/WPS copied).
#[cfg(feature = "office")]
#[wasm_bindgen]
pub fn read_pasted_html(html: &str) -> String {
    answer(Ok(nianbao::read::html::read_pasted(html)))
}

/// The readable entries of a `.zip` (sorted by name, zip bombs refused per entry): an array of
/// `{name, bytes}` or `{name, error: {zh, en}}`, or `{error}` when it is no archive.
#[cfg(feature = "office")]
#[wasm_bindgen]
pub fn unzip(bytes: &[u8]) -> JsValue {
    use js_sys::{Array, Object, Reflect, Uint8Array};
    let set = |o: &Object, k: &str, v: &JsValue| {
        let _ = Reflect::set(o, &JsValue::from_str(k), v);
    };
    let err = |e: &nianbao::read::ReadError| {
        let o = Object::new();
        set(&o, "zh", &JsValue::from_str(&e.zh));
        set(&o, "en", &JsValue::from_str(&e.en));
        o
    };
    match nianbao::read::archive::entries(bytes, &legacy) {
        Ok(entries) => {
            let out = Array::new();
            for e in entries {
                let o = Object::new();
                set(&o, "name", &JsValue::from_str(&e.name));
                match e.bytes {
                    Ok(b) => set(&o, "bytes", &Uint8Array::from(&b[..])),
                    Err(e) => set(&o, "error", &err(&e)),
                }
                out.push(&o);
            }
            out.into()
        }
        Err(e) => {
            let o = Object::new();
            set(&o, "error", &err(&e));
            o.into()
        }
    }
}

/// What the last panic said (the release build aborts on panic: the worker reports this and
/// starts the module afresh).
#[wasm_bindgen]
pub fn last_panic() -> String {
    PANIC.with(|p| p.borrow().clone())
}

thread_local! {
    static PANIC: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Keeps the panic message for [`last_panic`]. Called by the worker once per module.
#[wasm_bindgen]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        let msg = info.to_string();
        PANIC.with(|p| *p.borrow_mut() = msg);
    }));
}
