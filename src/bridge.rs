//! Talking to the page's Web Worker (`static/worker.js`, via `src/bridge.js`): messages out are
//! plain objects built here, messages in become [`Incoming`]. The worker runs the engine, the
//! readers and the batch; the page only shows what it sends back.
//!
//! Out (`op`): `text {seq, slot, name, text}`, `file {seq, slot, name, file}`, `html {seq, name,
//! html}`, `clear {seq, slot}`, `options {seq, options}`, `export {id, kind, en, dismissed}`,
//! `explain {id, rule}`, `batch {files, names}`, `cancel`, `batch-open {seq, index}`,
//! `batch-export {id, kind, dismissed}`.
//! In: see [`Incoming`].

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

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

/// What the worker sends back.
pub enum Incoming {
    /// A check finished: the result's JSON ("" when the text is empty), the engine's time, and
    /// what the slots hold.
    Result {
        seq: u32,
        result: String,
        ms: f64,
        previous: Option<SlotInfo>,
    },
    /// A file (or pasted HTML) was read into a slot: its text.
    Loaded {
        seq: u32,
        slot: u8,
        name: String,
        text: String,
    },
    /// A file could not be read.
    Error {
        slot: u8,
        name: String,
        zh: String,
        en: String,
    },
    /// A module crashed (it was restarted).
    Failed {
        message: String,
    },
    Download {
        name: String,
        mime: String,
        body: String,
    },
    Explain {
        page: String,
    },
    Progress {
        done: usize,
        total: usize,
        current: String,
        ms: f64,
        rows: Vec<String>,
    },
    BatchDone {
        cancelled: bool,
        done: usize,
        total: usize,
        ms: f64,
        paired: Vec<String>,
    },
    Opened {
        seq: u32,
        index: usize,
        result: String,
        text: String,
        name: String,
        previous: Option<SlotInfo>,
    },
}

/// What a slot holds (last year's report, shown by its slot).
#[derive(Clone, PartialEq, Debug)]
pub struct SlotInfo {
    pub name: String,
    pub chars: usize,
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

fn slot_info(v: &JsValue, k: &str) -> Option<SlotInfo> {
    let j = s(v, k);
    let v = js_sys::JSON::parse(&j).ok().filter(|v| v.is_object())?;
    Some(SlotInfo {
        name: s(&v, "name"),
        chars: n(&v, "chars") as usize,
    })
}

fn parse(v: &JsValue) -> Option<Incoming> {
    let seq = n(v, "seq") as u32;
    Some(match s(v, "op").as_str() {
        "result" => Incoming::Result {
            seq,
            result: s(v, "result"),
            ms: n(v, "ms"),
            previous: slot_info(v, "previous"),
        },
        "loaded" => Incoming::Loaded {
            seq,
            slot: n(v, "slot") as u8,
            name: s(v, "name"),
            text: s(v, "text"),
        },
        "error" => {
            let e = get(v, "error");
            Incoming::Error {
                slot: n(v, "slot") as u8,
                name: s(v, "name"),
                zh: s(&e, "zh"),
                en: s(&e, "en"),
            }
        }
        "failed" => Incoming::Failed {
            message: s(v, "message"),
        },
        "download" => {
            let d = get(v, "download");
            if d.is_null() || d.is_undefined() {
                return None;
            }
            Incoming::Download {
                name: s(&d, "name"),
                mime: s(&d, "mime"),
                body: s(&d, "body"),
            }
        }
        "explain" => Incoming::Explain { page: s(v, "page") },
        "progress" => Incoming::Progress {
            done: n(v, "done") as usize,
            total: n(v, "total") as usize,
            current: s(v, "current"),
            ms: n(v, "ms"),
            rows: strings(v, "rows"),
        },
        "batch-done" => Incoming::BatchDone {
            cancelled: get(v, "cancelled").as_bool().unwrap_or(false),
            done: n(v, "done") as usize,
            total: n(v, "total") as usize,
            ms: n(v, "ms"),
            paired: strings(v, "paired"),
        },
        "opened" => {
            let current = slot_info(v, "current");
            Incoming::Opened {
                seq,
                index: n(v, "index") as usize,
                result: s(v, "result"),
                text: s(v, "text"),
                name: current.map(|c| c.name).unwrap_or_default(),
                previous: slot_info(v, "previous"),
            }
        }
        _ => return None,
    })
}

/// Starts listening to the worker (it is started by the first message sent).
pub fn listen(on: impl Fn(Incoming) + 'static) {
    let c = Closure::<dyn FnMut(JsValue)>::new(move |v: JsValue| {
        if let Some(m) = parse(&v) {
            on(m);
        }
    });
    start(&c);
    c.forget();
}

/// A message to the worker: `op` and its fields.
pub fn post(op: &str, fields: &[(&str, JsValue)]) {
    let o = Object::new();
    let _ = Reflect::set(&o, &"op".into(), &op.into());
    for (k, v) in fields {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
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
