//! The few things the page needs from the browser: storage, downloads, time, scrolling.
//! Every call degrades gracefully: a browser without storage still checks reports.

use gloo::storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;

const TEXT_KEY: &str = "nianbao.text";
const NAME_KEY: &str = "nianbao.name";
const LANG_KEY: &str = "nianbao.lang";
const THRESHOLD_KEY: &str = "nianbao.repeated-threshold";
/// Set while a slot holds a report (the worker keeps the slots in IndexedDB).
const SLOTS_KEY: &str = "nianbao.slots";
/// Followed by a report's sha256: the findings dismissed for that text.
const DISMISSED_PREFIX: &str = "nianbao.dismissed.";

pub fn load_text() -> Option<(String, String)> {
    let text: String = LocalStorage::get(TEXT_KEY).ok()?;
    let name: String = LocalStorage::get(NAME_KEY).unwrap_or_else(|_| "pasted.txt".to_string());
    Some((text, name))
}

/// Saves the text; false when the browser refused (quota, private mode), and then no older
/// text is left to be restored in its place.
pub fn save_text(text: &str, name: &str) -> bool {
    let ok = LocalStorage::set(TEXT_KEY, text).is_ok() && LocalStorage::set(NAME_KEY, name).is_ok();
    if !ok {
        forget_text();
    }
    ok
}

pub fn forget_text() {
    LocalStorage::delete(TEXT_KEY);
    LocalStorage::delete(NAME_KEY);
}

/// Whether the worker may have kept a slot from the last visit (the page's text, or last
/// year's report, was kept): only then is the worker started at once to restore them.
pub fn may_have_kept() -> bool {
    LocalStorage::raw()
        .get_item(TEXT_KEY)
        .ok()
        .flatten()
        .is_some()
        || LocalStorage::raw()
            .get_item(SLOTS_KEY)
            .ok()
            .flatten()
            .is_some()
}

/// Notes whether a slot holds a report (so that the next visit restores the slots).
pub fn note_slots_kept(kept: bool) {
    if kept {
        let _ = LocalStorage::set(SLOTS_KEY, true);
    } else {
        LocalStorage::delete(SLOTS_KEY);
    }
}

pub fn load_lang_en() -> bool {
    LocalStorage::get::<String>(LANG_KEY).is_ok_and(|l| l == "en")
}

pub fn save_lang(en: bool) {
    let _ = LocalStorage::set(LANG_KEY, if en { "en" } else { "zh" });
}

pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// Offers `content` as a file download. Returns false if the browser refused.
pub fn download(name: &str, mime: &str, content: &str) -> bool {
    save_blob(name, mime, &wasm_bindgen::JsValue::from_str(content))
}

/// Offers `bytes` (a .zip) as a file download. Returns false if the browser refused.
pub fn download_bytes(name: &str, mime: &str, bytes: &[u8]) -> bool {
    save_blob(name, mime, &js_sys::Uint8Array::from(bytes))
}

/// Offers a Blob of `part` (a string or bytes) as a file download.
fn save_blob(name: &str, mime: &str, part: &wasm_bindgen::JsValue) -> bool {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    // Blob's constructor takes strings and byte arrays alike.
    let parts = js_sys::Array::of1(part);
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let ok = (|| {
        let a: web_sys::HtmlAnchorElement = doc.create_element("a").ok()?.dyn_into().ok()?;
        a.set_href(&url);
        a.set_download(name);
        a.set_attribute("style", "display:none").ok()?;
        doc.body()?.append_child(&a).ok()?;
        a.click();
        a.remove();
        Some(())
    })()
    .is_some();
    // Revoke later: some browsers read the URL after the click returns.
    let u = url.clone();
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&u);
    })
    .forget();
    ok
}

/// Scrolls an element into the middle of the view.
pub fn scroll_into_view(el: &web_sys::Element) {
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(web_sys::ScrollLogicalPosition::Center);
    opts.set_behavior(web_sys::ScrollBehavior::Smooth);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
}

/// Scrolls an element's top to the top of the view, at once (no animation).
pub fn scroll_to_top_of(el: &web_sys::Element) {
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(web_sys::ScrollLogicalPosition::Start);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
}

/// Focuses the first element matching `selector` (the browser scrolls it into view if needed).
pub fn focus_selector(selector: &str) {
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = el {
        let _ = el.focus();
    }
}

/// Scrolls the first element matching `selector` just into view (the least scrolling; at
/// once), e.g. a roll-up row whose wrapped file name runs below the focused button.
pub fn scroll_nearest(selector: &str) {
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten());
    if let Some(el) = el {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
        el.scroll_into_view_with_scroll_into_view_options(&opts);
    }
}

/// Shows the report's text box and the excerpt of the selected line under it (a narrow screen
/// puts them far above the findings); `from`, the finding's item, is where ↓ 回到问题 returns.
pub fn show_text(from: Option<&web_sys::Element>) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Ok(marked) = doc.query_selector_all("li.finding[data-return]") {
        for i in 0..marked.length() {
            if let Some(el) = marked
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                let _ = el.remove_attribute("data-return");
            }
        }
    }
    if let Some(item) = from {
        let _ = item.set_attribute("data-return", "");
    }
    if let Some(el) = doc.query_selector(".input-pane .dropzone").ok().flatten() {
        scroll_to_top_of(&el);
    }
}

/// Selects line `line` (1-based) of a textarea and scrolls it into view.
pub fn select_line(ta: &web_sys::HtmlTextAreaElement, text: &str, line: usize) {
    // Offsets in UTF-16 units, as the textarea counts; lines split as the engine numbers them.
    let (start_chars, len_chars) = nianbao::normalize::line_spans(text)
        .nth(line.saturating_sub(1))
        .map(|(at, l)| (text[..at].encode_utf16().count(), l.encode_utf16().count()))
        .unwrap_or((text.encode_utf16().count(), 0));
    let _ = ta.set_selection_range(start_chars as u32, (start_chars + len_chars) as u32);
    // Scroll so the line sits a third of the way down. Lines wrap, so count visual rows:
    // a CJK character is about two half-width units wide in the monospace font.
    const LINE_HEIGHT: f64 = 13.0 * 1.45;
    const UNIT: f64 = 6.6;
    let width = (ta.client_width() as f64 - 16.0).max(50.0);
    let per_row = (width / UNIT).max(10.0);
    let mut rows = 0.0;
    for l in nianbao::normalize::lines(text).take(line.saturating_sub(1)) {
        let units: f64 = l
            .chars()
            .map(|c| match c {
                '\t' => 4.0,
                c if c.is_ascii() => 1.2,
                _ => 2.0,
            })
            .sum();
        rows += (units / per_row).ceil().max(1.0);
    }
    let target = rows * LINE_HEIGHT - ta.client_height() as f64 / 3.0;
    ta.set_scroll_top(target.max(0.0) as i32);
}

pub fn load_threshold() -> Option<f64> {
    LocalStorage::get::<f64>(THRESHOLD_KEY).ok()
}

pub fn save_threshold(v: f64) {
    let _ = LocalStorage::set(THRESHOLD_KEY, v);
}

/// The findings dismissed for the text with this sha256: (key, reason).
pub fn load_dismissed(sha256: &str) -> Vec<(String, String)> {
    LocalStorage::get(format!("{DISMISSED_PREFIX}{sha256}")).unwrap_or_default()
}

pub fn save_dismissed(sha256: &str, d: &[(String, String)]) {
    let key = format!("{DISMISSED_PREFIX}{sha256}");
    if d.is_empty() {
        LocalStorage::delete(key);
    } else {
        let _ = LocalStorage::set(key, d);
    }
}

/// Every text's dismissed findings, by the text's sha256 (for a batch's downloads).
pub fn all_dismissed() -> std::collections::BTreeMap<String, Vec<(String, String)>> {
    let mut all = std::collections::BTreeMap::new();
    let Some(store) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return all;
    };
    for i in 0..store.length().unwrap_or(0) {
        let Some(k) = store.key(i).ok().flatten() else {
            continue;
        };
        if let Some(sha) = k.strip_prefix(DISMISSED_PREFIX) {
            all.insert(sha.to_string(), load_dismissed(sha));
        }
    }
    all
}

pub fn scroll_y() -> f64 {
    web_sys::window()
        .and_then(|w| w.scroll_y().ok())
        .unwrap_or(0.0)
}

pub fn scroll_to_y(y: f64) {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, y);
    }
}
