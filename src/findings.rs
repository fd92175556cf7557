//! One finding in a list: click to see its line; open its rule's page; dismiss it with a reason
//! (remembered for this text by the browser, and marked in the downloads) or restore it.
//! The selected finding quotes its line under it (on a narrow screen, where the text box is far
//! above), with a button to the text box. With the keyboard: 忽略… moves the focus to the reason,
//! and confirming or cancelling brings it back to the finding.

use crate::i18n::Lang;
use crate::state::{Action, Dispatch, Res};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FindingProps {
    pub res: Res,
    pub index: usize,
    pub lang: Lang,
    pub selected: bool,
    /// Why the user dismissed it, when they did.
    pub dismissed: Option<String>,
    /// When selected: its line's number and text.
    pub quoted: Option<(usize, String)>,
}

#[function_component]
pub fn FindingItem(p: &FindingProps) -> Html {
    let dispatch = use_context::<Dispatch>().expect("dispatch context");
    let editing = use_state(|| false);
    let reason = use_node_ref();
    let button = use_node_ref();
    // The focus follows the dismissal form: into the reason when it opens, back to the finding
    // when it closes (confirmed or cancelled).
    {
        let (reason, button) = (reason.clone(), button.clone());
        let was_editing = use_mut_ref(|| false);
        use_effect_with(*editing, move |editing| {
            let target = if *editing {
                reason.cast::<web_sys::HtmlElement>()
            } else if *was_editing.borrow() {
                button.cast::<web_sys::HtmlElement>()
            } else {
                None
            };
            if let Some(el) = target {
                let _ = el.focus();
            }
            *was_editing.borrow_mut() = *editing;
        });
    }
    let Some(f) = p.res.findings.get(p.index) else {
        return html! {};
    };
    let lang = p.lang;
    let i = p.index;
    let sev = f.severity.name();
    let sev_label = f.severity.label(lang.en);
    let at = f
        .line
        .map(|l| format!("{} {l}", lang.t("行", "line")))
        .unwrap_or_else(|| "—".to_string());
    let onclick = {
        let d = dispatch.clone();
        Callback::from(move |_| d.dispatch(Action::Select(i)))
    };
    let explain = {
        let d = dispatch.clone();
        let rule = f.rule.to_string();
        Callback::from(move |_| d.dispatch(Action::Explain(rule.clone())))
    };
    let key = f.key();
    let dismiss_form = {
        let editing = editing.clone();
        Callback::from(move |_| editing.set(true))
    };
    let cancel = {
        let editing = editing.clone();
        Callback::from(move |_| editing.set(false))
    };
    let escape = {
        let editing = editing.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                editing.set(false);
            }
        })
    };
    let confirm = {
        let (d, editing, reason, key) = (
            dispatch.clone(),
            editing.clone(),
            reason.clone(),
            key.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let why = reason
                .cast::<HtmlInputElement>()
                .map(|i| i.value().trim().to_string())
                .unwrap_or_default();
            if why.is_empty() {
                return;
            }
            d.dispatch(Action::Dismiss(key.clone(), why));
            editing.set(false);
        })
    };
    let restore = {
        let (d, key) = (dispatch.clone(), key.clone());
        Callback::from(move |_| d.dispatch(Action::Undismiss(key.clone())))
    };
    let dismissed = p.dismissed.is_some();
    html! {
        <li class={classes!("finding", sev, p.selected.then_some("selected"), dismissed.then_some("dismissed"))} data-index={i.to_string()} data-rule={f.rule}>
            <button type="button" class="finding-btn" ref={button} {onclick} aria-current={p.selected.then_some("true")} data-line={f.line.map(|l| l.to_string())}>
                <span class={classes!("sev", sev)}>{ sev_label }</span>
                <span class="at">{ at }</span>
                <span class="msg">{ if lang.en { f.message_en.clone() } else { f.message.clone() } }</span>
                <code class="rule">{ f.rule }</code>
            </button>
            <span class="finding-tools">
                <button type="button" class="rule-link" onclick={explain} title={lang.t("这条规则检查什么、依据和改正方法", "What this rule checks, its basis and how to fix it")}>{ lang.t("规则说明", "About this rule") }</button>
                if let Some(why) = &p.dismissed {
                    <span class="dismissed-reason">{ format!("{}{why}", lang.t("已忽略：", "Dismissed: ")) }</span>
                    <button type="button" class="undismiss" onclick={restore}>{ lang.t("恢复", "Restore") }</button>
                } else if !*editing {
                    <button type="button" class="dismiss" onclick={dismiss_form}>{ lang.t("忽略…", "Dismiss…") }</button>
                }
            </span>
            if let Some((line, quoted)) = &p.quoted {
                { where_in_text(*line, quoted, lang) }
            }
            if *editing && !dismissed {
                <form class="dismiss-form" onsubmit={confirm} onkeydown={escape}>
                    <label>
                        { lang.t("忽略理由（保存在本机，写入下载）：", "Reason (kept on this device, written into the downloads): ") }
                        <input ref={reason} type="text" class="dismiss-reason" required=true maxlength="200"
                            placeholder={lang.t("例如：本单位为设区的市政府，有规章制定权", "e.g. we are a city government with rule-making power")} />
                    </label>
                    <button type="submit" class="dismiss-confirm">{ lang.t("确定忽略", "Dismiss") }</button>
                    <button type="button" onclick={cancel}>{ lang.t("取消", "Cancel") }</button>
                </form>
            }
        </li>
    }
}

/// The selected finding's line, quoted in place, and a button to see it in the text box.
fn where_in_text(line: usize, quoted: &str, lang: Lang) -> Html {
    let to_text = Callback::from(|e: MouseEvent| {
        let item = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("li.finding").ok().flatten());
        crate::browser::show_text(item.as_ref());
    });
    html! {
        <div class="finding-where" data-line={line.to_string()}>
            <div class="src-line hl">
                <span class="src-no">{ line }</span>
                <span class="src-text">{ quoted.replace('\t', " ⇥ ") }</span>
            </div>
            <button type="button" class="to-text" onclick={to_text}>{ lang.t("↑ 在原文中查看", "↑ See it in the text") }</button>
        </div>
    }
}
