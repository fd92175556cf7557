//! Talking to the page's Web Worker (`static/worker.js`, via `src/bridge.js`): requests go out
//! and replies come back as the protocol's types (`nianbao::protocol`), the same Rust types the
//! worker's modules use. A request travels in an envelope `{op, seq, body, files}` the worker
//! routes without reading `body`.

use js_sys::{Object, Reflect};
use nianbao::protocol::{Reply, Request};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/static/paste.js")]
extern "C" {
    #[wasm_bindgen(js_name = textareaPaste)]
    fn textarea_paste(e: &web_sys::Event) -> Option<String>;
}

/// The one paste rule (`static/paste.js`, which the first view and the long-text box use too):
/// a table pasted over a text box's whole text is read as a document. The clipboard's HTML,
/// the plain paste stopped; None: the paste goes on as text.
pub fn pasted_table(e: &web_sys::Event) -> Option<String> {
    textarea_paste(e)
}

#[wasm_bindgen(module = "/src/bridge.js")]
extern "C" {
    fn start(on_message: &Closure<dyn FnMut(JsValue)>);
    #[wasm_bindgen(js_name = post)]
    fn post_js(msg: &JsValue);
    pub fn register_offline();
    #[wasm_bindgen(catch)]
    async fn fetch_text(url: &str) -> Result<JsValue, JsValue>;
    fn input_files(input: &web_sys::HtmlInputElement) -> JsValue;
    fn dropped_files(dt: &web_sys::DataTransfer) -> js_sys::Promise;
    #[wasm_bindgen(catch)]
    async fn editor_mount(
        parent: &web_sys::Element,
        text: &str,
        caret: f64,
        label: &str,
        on_change: &Closure<dyn FnMut(String)>,
        on_paste_html: &Closure<dyn FnMut(String)>,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = editor_call)]
    fn editor_call_js(handle: &JsValue, method: &str, arg: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = shell_take)]
    fn shell_take_js() -> JsValue;
    #[wasm_bindgen(js_name = shell_listen)]
    fn shell_listen_js(on_action: &Closure<dyn FnMut(JsValue)>);
}

fn get(v: &JsValue, k: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED)
}
fn s(v: &JsValue, k: &str) -> String {
    get(v, k).as_string().unwrap_or_default()
}
fn n(v: &JsValue, k: &str) -> f64 {
    get(v, k).as_f64().unwrap_or(0.0)
}
fn strings(v: &JsValue, k: &str) -> Vec<String> {
    let a = get(v, k);
    if !js_sys::Array::is_array(&a) {
        return Vec::new();
    }
    js_sys::Array::from(&a)
        .iter()
        .filter_map(|x| x.as_string())
        .collect()
}
/// A field of a plain object: text, number (0 when absent), flag.
pub fn string(v: &JsValue, k: &str) -> String {
    s(v, k)
}
pub fn number(v: &JsValue, k: &str) -> f64 {
    n(v, k)
}
pub fn flag(v: &JsValue, k: &str) -> bool {
    get(v, k).as_bool().unwrap_or(false)
}

/// The page's first view's state, once (None when there is no first view left).
pub fn shell_take() -> Option<JsValue> {
    Some(shell_take_js()).filter(|v| v.is_object())
}

/// The actions done in the first view, then any that finish later (a folder still being walked).
pub fn shell_listen(on: impl Fn(JsValue) + 'static) {
    let c = Closure::<dyn FnMut(JsValue)>::new(on);
    shell_listen_js(&c);
    c.forget();
}

/// A reply from the worker; one that cannot be read is reported as a failure (it should not
/// happen: both sides are built from the same types).
///
/// The reply's text (the protocol's encoding) is parsed by the browser's `JSON.parse` and the
/// value read into the Rust type by serde-wasm-bindgen; requests go out the same way
/// (serde-wasm-bindgen's JSON-compatible value, `JSON.stringify`). Measured against
/// `serde_json` in the page (release, wasm-opt -Oz, gzip -9): 225,130 B against 236,633 B of
/// wasm, so the page carries no JSON parser of its own.
fn decode(v: &JsValue) -> Reply {
    let text = v.as_string().unwrap_or_default();
    let value = js_sys::JSON::parse(&text).unwrap_or(JsValue::NULL);
    serde_wasm_bindgen::from_value(value).unwrap_or_else(|e| Reply::Failed {
        message: format!("reply unreadable: {e}"),
    })
}

/// A request as the protocol's encoding (JSON text), made by the browser's `JSON.stringify`.
fn encode(req: &Request) -> JsValue {
    let value =
        serde::Serialize::serialize(req, &serde_wasm_bindgen::Serializer::json_compatible());
    value
        .ok()
        .and_then(|v| js_sys::JSON::stringify(&v).ok())
        .map(JsValue::from)
        .unwrap_or_default()
}

/// Starts listening to the worker (it is started by the first message sent).
pub fn listen(on: impl Fn(Reply) + 'static) {
    let c = Closure::<dyn FnMut(JsValue)>::new(move |v: JsValue| on(decode(&v)));
    start(&c);
    c.forget();
}

/// Sends a request to the worker, with the `File`s it names (`files`: a JavaScript array).
pub fn send(req: &Request, files: Option<&JsValue>) {
    let o = Object::new();
    let set = |k: &str, v: &JsValue| {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    };
    set("op", &req.op().into());
    if let Some(seq) = req.seq() {
        set("seq", &seq.into());
    }
    set("body", &encode(req));
    if let Some(f) = files {
        set("files", f);
    }
    post_js(&o);
}

/// Files and the names to show (with their folder path), chosen or dropped.
pub struct Files {
    pub files: JsValue,
    pub names: Vec<String>,
}

pub fn files_of(v: &JsValue) -> Files {
    Files {
        files: get(v, "files"),
        names: strings(v, "names"),
    }
}

pub fn chosen(input: &web_sys::HtmlInputElement) -> Files {
    files_of(&input_files(input))
}

/// The files of a drop, folders walked. Must be called while the drop event is handled (the
/// browser takes the files away after it): the walk starts now, the future gives its end.
pub fn dropped(dt: &web_sys::DataTransfer) -> impl std::future::Future<Output = (Files, bool)> {
    let p = dropped_files(dt);
    async move {
        let v = wasm_bindgen_futures::JsFuture::from(p)
            .await
            .unwrap_or(JsValue::UNDEFINED);
        let folder = get(&v, "folder").as_bool().unwrap_or(false);
        (files_of(&v), folder)
    }
}

/// The text box for long reports (CodeMirror, `static/editor.js`), drawn into `parent`. Its
/// handle is kept with the two callbacks, which live as long as it does.
pub struct Editor {
    handle: JsValue,
    _on_change: Closure<dyn FnMut(String)>,
    _on_paste_html: Closure<dyn FnMut(String)>,
}

impl Editor {
    /// `caret`: a UTF-16 offset (None: the end). `on_change` gets the text once typing pauses.
    pub async fn mount(
        parent: &web_sys::Element,
        text: &str,
        caret: Option<u32>,
        label: &str,
        on_change: impl Fn(String) + 'static,
        on_paste_html: impl Fn(String) + 'static,
    ) -> Result<Editor, String> {
        let on_change = Closure::<dyn FnMut(String)>::new(on_change);
        let on_paste_html = Closure::<dyn FnMut(String)>::new(on_paste_html);
        let caret = caret.map_or(-1.0, f64::from);
        match editor_mount(parent, text, caret, label, &on_change, &on_paste_html).await {
            Ok(handle) => Ok(Editor {
                handle,
                _on_change: on_change,
                _on_paste_html: on_paste_html,
            }),
            Err(e) => Err(e
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .unwrap_or_else(|| format!("{e:?}"))),
        }
    }

    pub fn set_text(&self, text: &str) {
        editor_call_js(&self.handle, "setText", &text.into());
    }

    pub fn select_line(&self, line: usize) {
        editor_call_js(&self.handle, "selectLine", &(line as f64).into());
    }

    pub fn focus(&self) {
        editor_call_js(&self.handle, "focus", &JsValue::UNDEFINED);
    }
}

impl Drop for Editor {
    fn drop(&mut self) {
        editor_call_js(&self.handle, "destroy", &JsValue::UNDEFINED);
    }
}

/// The `i`-th of a list of files.
pub fn file_at(files: &JsValue, i: usize) -> JsValue {
    Reflect::get_u32(files, i as u32).unwrap_or(JsValue::UNDEFINED)
}

pub async fn fetch(url: &str) -> Result<String, String> {
    match fetch_text(url).await {
        Ok(v) => v.as_string().ok_or_else(|| "not text".to_string()),
        Err(e) => Err(e.as_string().unwrap_or_else(|| format!("{e:?}"))),
    }
}
