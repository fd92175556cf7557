//! The reader modules the page loads later (`readers/office`, `readers/pdf`; see
//! `scripts/build-readers.sh`), run in a worker (`static/reader-worker.js`): a file's bytes or
//! pasted HTML in, a [`Document`] out.

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
    #[wasm_bindgen(catch, js_name = fetch_text)]
    async fn fetch_text_js(url: &str) -> Result<JsValue, JsValue>;
}

/// Fetches one of the page's own text files (the sample report).
pub async fn fetch_text(url: &str) -> Result<String, String> {
    match fetch_text_js(url).await {
        Ok(v) => Ok(v.as_string().unwrap_or_default()),
        Err(e) => Err(e
            .as_string()
            .or_else(|| js_sys::JSON::stringify(&e).ok().map(String::from))
            .unwrap_or_default()),
    }
}

type Answer = Result<Document, (String, String)>;

fn get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}
fn string(v: &JsValue, key: &str) -> String {
    get(v, key).as_string().unwrap_or_default()
}
fn number(v: &JsValue, key: &str) -> usize {
    get(v, key).as_f64().unwrap_or(0.0) as usize
}
fn array(v: &JsValue, key: &str) -> Vec<JsValue> {
    js_sys::Array::from(&get(v, key)).iter().collect()
}

/// The document from the reader module's plain JavaScript object (read by hand: a serde
/// deserializer here would cost the first load more than the whole of this function).
fn document(v: &JsValue) -> Document {
    use nianbao::document::{Form, Grid, GridCell, ReadNote};
    let form = match string(v, "form").as_str() {
        "docx" => Form::Docx,
        "html" => Form::Html,
        "pasted-html" => Form::PastedHtml,
        "pdf" => Form::Pdf,
        _ => Form::Text,
    };
    Document {
        text: string(v, "text"),
        form,
        encoding: string(v, "encoding"),
        notes: array(v, "notes")
            .iter()
            .map(|n| ReadNote {
                zh: string(n, "zh"),
                en: string(n, "en"),
            })
            .collect(),
        tables: array(v, "tables")
            .iter()
            .map(|g| Grid {
                line: number(g, "line"),
                rows: number(g, "rows"),
                cols: number(g, "cols"),
                origin: string(g, "origin"),
                cells: array(g, "cells")
                    .iter()
                    .map(|c| GridCell {
                        row: number(c, "row"),
                        col: number(c, "col"),
                        rowspan: number(c, "rowspan"),
                        colspan: number(c, "colspan"),
                        text: string(c, "text"),
                        line: number(c, "line"),
                        column: number(c, "column"),
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// A reader module's answer: `{ok: Document}` or `{error: {zh, en}}`.
fn parse(v: Result<JsValue, JsValue>) -> Answer {
    let v = v.map_err(|e| {
        let why = e
            .as_string()
            .or_else(|| js_sys::JSON::stringify(&e).ok().map(String::from))
            .unwrap_or_default();
        (
            format!("读取失败（{why}）：请刷新页面后再试；若仍失败，请把文件另存为.docx或.txt后再试"),
            format!("reading failed ({why}): reload the page and try again; if it still fails, save the file as .docx or .txt"),
        )
    })?;
    let err = get(&v, "error");
    if err.is_object() {
        return Err((string(&err, "zh"), string(&err, "en")));
    }
    let ok = get(&v, "ok");
    if !ok.is_object() {
        return Err((
            "读取模块的回答有误".to_string(),
            "the reader module gave no document".to_string(),
        ));
    }
    Ok(document(&ok))
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
