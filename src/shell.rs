//! Taking over from the page's first view (`index.html`'s `#shell`, run by `static/shell.js`
//! until the app has loaded): the text typed there with its caret, the focus, last year's text,
//! and the actions done meanwhile, in order.

use crate::bridge;
use crate::state::{Action, Dispatch};
use wasm_bindgen::prelude::*;
use web_sys::HtmlTextAreaElement;
use yew::NodeRef;

/// Called once, when the app has drawn its first view.
pub fn take_over(d: &Dispatch, textarea: &NodeRef) {
    let Some(st) = bridge::shell_take() else {
        return;
    };
    let doc = web_sys::window().and_then(|w| w.document());
    let text = bridge::string(&st, "text");
    let ta = textarea.cast::<HtmlTextAreaElement>();
    if !text.is_empty() {
        if let Some(ta) = &ta {
            ta.set_value(&text);
        }
        d.dispatch(Action::Input(text));
    }
    if bridge::flag(&st, "open") {
        if let Some(el) = doc
            .as_ref()
            .and_then(|d| d.get_element_by_id("previous-slot"))
        {
            let _ = el.set_attribute("open", "");
        }
    }
    let previous = bridge::string(&st, "previous");
    if !previous.trim().is_empty() {
        if let Some(el) = doc
            .as_ref()
            .and_then(|d| d.get_element_by_id("previous-text"))
            .and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok())
        {
            el.set_value(&previous);
        }
        d.dispatch(Action::PreviousText(previous));
    }
    let focus = bridge::string(&st, "focus");
    if let Some(el) = doc
        .as_ref()
        .filter(|_| !focus.is_empty())
        .and_then(|d| d.get_element_by_id(&focus))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
        if focus == "report" {
            if let Some(ta) = &ta {
                let (start, end) = (bridge::number(&st, "start"), bridge::number(&st, "end"));
                let _ = ta.set_selection_range(start as u32, end as u32);
                ta.set_scroll_top(bridge::number(&st, "scroll") as i32);
            }
        }
    }
    let d = d.clone();
    bridge::shell_listen(move |a| match bridge::string(&a, "kind").as_str() {
        "sample" => crate::load_sample(&d),
        "lang" => d.dispatch(Action::Lang),
        "clear" => d.dispatch(Action::Clear),
        "html" => d.dispatch(Action::PasteHtml(
            bridge::number(&a, "slot") as u8,
            bridge::string(&a, "html"),
        )),
        "files" => d.dispatch(Action::Files {
            files: bridge::files_of(&a),
            folder: bridge::flag(&a, "folder"),
            slot: bridge::number(&a, "slot") as u8,
        }),
        _ => {}
    });
}
