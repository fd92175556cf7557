//! The readers the page loads only when their kind of file first arrives (Word and web pages in
//! one module, PDF in another), so the first load stays small. Each returns the [`Document`] as a
//! plain JavaScript object (`{ok: Document}` or `{error: {zh, en}}`); the page takes it apart and
//! checks it with the engine it already has.
//!
//! [`Document`]: nianbao::document::Document

use nianbao::read::{self, ReadError};
use wasm_bindgen::prelude::*;

/// Legacy encodings (GB18030/GBK in web pages) through the browser's `TextDecoder`: the same
/// WHATWG decoder as `encoding_rs`, at no wasm cost.
fn legacy(bytes: &[u8], label: &str) -> Option<String> {
    let opts = web_sys::TextDecoderOptions::new();
    opts.set_fatal(true);
    let d = web_sys::TextDecoder::new_with_label_and_options(label, &opts).ok()?;
    let copy = bytes.to_vec();
    d.decode_with_u8_array(&copy).ok()
}

fn answer(r: Result<nianbao::document::Document, ReadError>) -> JsValue {
    let v = match r {
        Ok(doc) => serde_json::json!({ "ok": doc }),
        Err(e) => serde_json::json!({ "error": { "zh": e.zh, "en": e.en } }),
    };
    // Plain objects (not Maps), so the page can read them with Reflect.
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(&v, &ser).unwrap_or(JsValue::NULL)
}

/// Reads a file: the form is sniffed from the bytes and the name.
#[wasm_bindgen]
pub fn read_file(bytes: &[u8], name: &str, mime: Option<String>) -> JsValue {
    answer(read::read(bytes, name, mime.as_deref(), &legacy))
}

/// Reads HTML from the clipboard (a web page, or Word/WPS copied).
#[cfg(feature = "office")]
#[wasm_bindgen]
pub fn read_pasted_html(html: &str) -> JsValue {
    answer(Ok(read::html::read_pasted(html)))
}
