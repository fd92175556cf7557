//! The modules the page runs in its Web Worker (`static/worker.js`), so that reading and checking
//! never hold up the page's main thread:
//!
//! - `engine` (feature `engine`): reads text files, checks the report in the page's two slots
//!   (this year's and, optionally, last year's), makes the downloads, keeps a batch's results and
//!   makes its roll-up, and gives each rule's page. It keeps its state between calls.
//! - `office` and `pdf` (features of the same names): readers for Word files, web pages, pasted
//!   HTML and `.zip` archives, and for PDF. Loaded when their first file arrives.
//!
//! Every message is a type of `nianbao::protocol` (requests from the page, replies, what a
//! reader makes of a file), crossing into JavaScript as its encoding; the worker
//! (`static/worker.js`) passes them on without looking inside, and the page decodes the same
//! types.

use nianbao::protocol::{self, Answer};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[cfg(feature = "engine")]
mod engine;
// The workbook writer's clock on wasm (the workbook's creation time) is the browser's.
#[cfg(feature = "engine")]
pub use engine::*;
#[cfg(feature = "xlsx")]
use rust_xlsxwriter as _;

/// A protocol message for JavaScript, which passes it on unread.
pub fn to_js<T: Serialize>(m: &T) -> JsValue {
    JsValue::from_str(&protocol::encode(m))
}

/// A protocol message from JavaScript; None when it is none.
pub fn from_js<T: DeserializeOwned>(v: &JsValue) -> Option<T> {
    protocol::decode(&v.as_string()?)
}

/// The worker's clock (ms), for the times the page shows.
pub fn now_ms() -> f64 {
    let global = js_sys::global();
    let perf = js_sys::Reflect::get(&global, &JsValue::from_str("performance")).ok();
    perf.and_then(|p| {
        let now = js_sys::Reflect::get(&p, &JsValue::from_str("now")).ok()?;
        now.dyn_into::<js_sys::Function>()
            .ok()?
            .call0(&p)
            .ok()?
            .as_f64()
    })
    .unwrap_or_else(js_sys::Date::now)
}

/// Legacy encodings (GB18030/GBK) through the browser's `TextDecoder`: the same WHATWG decoder
/// as `encoding_rs`, at no wasm cost.
pub fn legacy(bytes: &[u8], label: &str) -> Option<String> {
    let opts = web_sys::TextDecoderOptions::new();
    opts.set_fatal(true);
    let d = web_sys::TextDecoder::new_with_label_and_options(label, &opts).ok()?;
    let copy = bytes.to_vec();
    d.decode_with_u8_array(&copy).ok()
}

/// Reads a file with the readers compiled into this module: the form is sniffed from the bytes
/// and the name. Returns an [`Answer`]. (The readers take plain arguments, not a
/// `protocol::Request`: with the requests decoded here, internally tagged, the office module
/// was 37 KB gzip larger and the pdf module 39 KB, measured in release builds.)
#[wasm_bindgen]
pub fn read_file(bytes: &[u8], name: &str) -> JsValue {
    to_js(&Answer::from(nianbao::read::read(
        bytes, name, None, &legacy,
    )))
}

/// Reads HTML from the clipboard (a web page, or Word/WPS copied). Returns an [`Answer`].
#[cfg(feature = "office")]
#[wasm_bindgen]
pub fn read_pasted_html(html: &str) -> JsValue {
    to_js(&Answer::from(Ok(nianbao::read::html::read_pasted(html))))
}

#[cfg(feature = "office")]
thread_local! {
    /// The bytes of the entries of the last archive opened, until the worker takes them.
    static ENTRIES: std::cell::RefCell<Vec<Option<Vec<u8>>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Opens a `.zip` (sorted by name, zip bombs refused per entry): its entries' names (or why
/// one could not be taken out) as [`protocol::Unzipped`]; their bytes wait for [`unzipped`].
#[cfg(feature = "office")]
#[wasm_bindgen]
pub fn unzip(bytes: &[u8]) -> JsValue {
    use protocol::{Unzipped, ZipEntry};
    let (list, kept) = match nianbao::read::archive::entries(bytes, &legacy) {
        Ok(entries) => {
            let mut list = Vec::new();
            let mut kept = Vec::new();
            for e in entries {
                let (error, b) = match e.bytes {
                    Ok(b) => (None, Some(b)),
                    Err(e) => (Some(e.into()), None),
                };
                list.push(ZipEntry {
                    name: e.name,
                    error,
                });
                kept.push(b);
            }
            (Unzipped::Ok(list), kept)
        }
        Err(e) => (Unzipped::Error(e.into()), Vec::new()),
    };
    ENTRIES.with(|x| *x.borrow_mut() = kept);
    to_js(&list)
}

/// The bytes of the last archive's entries, in [`unzip`]'s order (null for an entry that could
/// not be taken out). Once.
#[cfg(feature = "office")]
#[wasm_bindgen]
pub fn unzipped() -> js_sys::Array {
    let out = js_sys::Array::new();
    for b in ENTRIES.with(|x| std::mem::take(&mut *x.borrow_mut())) {
        match b {
            Some(b) => out.push(&js_sys::Uint8Array::from(&b[..])),
            None => out.push(&JsValue::NULL),
        };
    }
    out
}

/// Makes the workbook(s) of an [`protocol::XlsxJob`] from its CSVs (`nianbao::xlsx`): one
/// workbook, or a .zip of one per unit. Returns a [`protocol::Reply::Download`]; when a
/// workbook cannot be written (over Excel's row limit), a text file saying why.
#[cfg(feature = "xlsx")]
#[wasm_bindgen]
pub fn xlsx(job: JsValue) -> JsValue {
    use nianbao::xlsx::{self, Sheet};
    use protocol::{Download, Reply, XlsxJob, XlsxSheet};
    let Some(job) = from_js::<XlsxJob>(&job) else {
        return JsValue::UNDEFINED;
    };
    let sheet = match job.sheet {
        XlsxSheet::Summary => Sheet::Summary,
        XlsxSheet::Issues => Sheet::Issues,
    };
    let made = if job.zip {
        let files = job
            .files
            .into_iter()
            .map(|(n, b)| (n, b.into_bytes()))
            .collect();
        xlsx::per_unit_from_csv(files, job.en).and_then(|books| {
            nianbao::issues::zip_stored(&books).ok_or_else(|| {
                if job.en {
                    "Too many units for one zip (more than 65,535 files)".to_string()
                } else {
                    "单位过多（超过65,535个文件），无法打包为一个zip".to_string()
                }
            })
        })
    } else {
        let csv = job.files.first().map_or("", |(_, b)| b.as_str());
        xlsx::from_csv(sheet, csv, job.en)
    };
    let download = match made {
        Ok(bytes) => Download {
            name: job.name,
            mime: if job.zip {
                "application/zip".into()
            } else {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".into()
            },
            body: String::new(),
            bytes,
        },
        Err(why) => Download {
            name: format!(
                "{}.txt",
                job.name.rsplit_once('.').map_or(&*job.name, |(s, _)| s)
            ),
            mime: "text/plain;charset=utf-8".into(),
            body: format!("{why}\n"),
            bytes: Vec::new(),
        },
    };
    to_js(&Reply::Download {
        id: job.id,
        download,
    })
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
