//! The reader modules the page loads later (`readers/office`, `readers/pdf`; see
//! `scripts/build-readers.sh`): a file's bytes or pasted HTML in, a [`Document`] out.

use nianbao::document::Document;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/readers.js")]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn read_with(
        kind: &str,
        bytes: js_sys::Uint8Array,
        name: &str,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = read_pasted_html)]
    async fn read_pasted_html_js(html: &str) -> Result<JsValue, JsValue>;
}

type Answer = Result<Document, (String, String)>;

/// What a reader module sends back: `{"ok": Document}` or `{"error": {"zh", "en"}}`.
#[derive(serde::Deserialize)]
#[serde(rename_all = "lowercase")]
enum Reply {
    Ok(Document),
    Error { zh: String, en: String },
}

fn parse(v: Result<JsValue, JsValue>) -> Answer {
    let json = v
        .map_err(|e| {
            let why = e
                .as_string()
                .or_else(|| js_sys::JSON::stringify(&e).ok().map(String::from))
                .unwrap_or_default();
            (
                format!("读取模块未能加载（{why}）：请刷新页面后再试"),
                format!("the reader module did not load ({why}): reload the page and try again"),
            )
        })?
        .as_string()
        .unwrap_or_default();
    match serde_json::from_str::<Reply>(&json) {
        Ok(Reply::Ok(doc)) => Ok(doc),
        Ok(Reply::Error { zh, en }) => Err((zh, en)),
        Err(e) => Err((format!("读取结果有误：{e}"), format!("bad reader answer: {e}"))),
    }
}

/// Reads a file with the reader module of its kind ("office" or "pdf").
pub async fn read_file(kind: &str, bytes: &[u8], name: &str) -> Answer {
    // A copy in JavaScript's heap: the page's own memory may grow while the module loads.
    let copy = js_sys::Uint8Array::from(bytes);
    parse(read_with(kind, copy, name).await)
}

/// Reads HTML from the clipboard with the office module.
pub async fn read_pasted_html(html: &str) -> Answer {
    parse(read_pasted_html_js(html).await)
}
