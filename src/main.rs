//! The nianbao page: paste or drop a report (or many), see the checklist for each part, compare
//! with last year's, download the result. Everything runs in the browser: the reading and the
//! checking in a Web Worker (`static/worker.js`), so the page never stalls; the page makes no
//! request to anywhere but its own files.
//!
//! Function components, one per card or panel; the state lives in one reducer
//! ([`state::State`]), and components send [`state::Action`]s through a context.

mod batch;
mod bridge;
mod browser;
mod charts;
mod findings;
mod i18n;
mod panels;
mod shell;
mod state;
mod view;

use i18n::Lang;
use nianbao::protocol::{ExportKind, Reason};
use state::{Action, Dispatch, Notice, Res, State, View};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{DragEvent, HtmlInputElement, HtmlTextAreaElement, KeyboardEvent};
use yew::prelude::*;

#[function_component]
fn App() -> Html {
    let state = use_reducer(State::default);
    let textarea = use_node_ref();

    // Once: listen to the worker, restore the slots (else the text) of the last visit, take over from the page's
    // first view, make the page work offline.
    {
        let d = state.dispatcher();
        let textarea_for_shell = textarea.clone();
        use_effect_with((), move |_| {
            let d2 = d.clone();
            bridge::listen(move |m| d2.dispatch(Action::Worker(m)));
            d.dispatch(Action::Recall);
            shell::take_over(&d, &textarea_for_shell);
            bridge::register_offline();
        });
    }
    // The selected finding's line, selected in the text box.
    {
        let (textarea, text) = (textarea.clone(), state.text.clone());
        let line = state
            .selected
            .and_then(|i| state.result.as_ref()?.findings.get(i)?.line);
        use_effect_with((state.selected, line), move |(_, line)| {
            if let (Some(line), Some(ta)) = (line, textarea.cast::<HtmlTextAreaElement>()) {
                browser::select_line(&ta, &text, *line);
            }
        });
    }
    // The time from the edit to the checklist on screen, written after rendering.
    {
        let started = state.started;
        let lang = state.lang;
        let engine_ms = state.engine_ms;
        use_effect_with(state.result.clone(), move |r| {
            if let (Some(start), Some(_)) = (started, r) {
                let ms = browser::now_ms() - start;
                if let Some(el) = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id("timing-slot"))
                {
                    let label = lang.t("检查并显示用时", "checked and shown in");
                    let engine = lang.t("其中检查", "checking");
                    el.set_text_content(Some(&format!(
                        "{label} {ms:.0} ms（{engine} {engine_ms:.1} ms）"
                    )));
                    let _ = el.set_attribute("data-ms", &format!("{ms:.1}"));
                }
            }
        });
    }
    // A report opened from the roll-up: its verdict (and ← 返回汇总 above it) in view, focused.
    {
        let report = matches!(state.view, View::Report(_)) && state.result.is_some();
        use_effect_with((state.view, report), move |(_, report)| {
            if *report {
                if let Some(pane) = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.query_selector(".result-pane").ok().flatten())
                {
                    browser::scroll_to_top_of(&pane);
                }
                browser::focus_selector("#verdict-text");
            }
        });
    }
    // Moving through findings with the keyboard keeps the focus on the selected one.
    {
        let scroll = state.scroll_to_selection;
        let selected = state.selected;
        use_effect_with(selected, move |_| {
            if scroll {
                focus_selected();
            }
        });
    }

    let lang = state.lang;
    let body = match state.view {
        View::Batch => match &state.batch {
            Some(b) => html! { <batch::BatchPane batch={b.clone()} {lang} /> },
            None => html! {},
        },
        view => html! {
            <main class="layout" lang={if lang.en { "en" } else { "zh-CN" }}>
                <InputPane text={state.text.clone()} text_version={state.text_version} name={state.name.clone()} notice={state.notice.clone()}
                    dragging={state.dragging} {lang} textarea={textarea.clone()}
                    selected_line={state.selected.and_then(|i| state.result.as_ref()?.findings.get(i)?.line)}
                    previous={state.previous.clone()} />
                <ResultPane result={state.result.clone()} refused={state.refused.clone()} {lang} selected={state.selected}
                    dismissed={state.dismissed.clone()} checking={state.checking}
                    text={state.result_text.clone()} threshold={state.repeated_threshold}
                    from_batch={matches!(view, View::Report(_))} />
            </main>
        },
    };
    html! {
        <ContextProvider<Dispatch> context={state.dispatcher()}>
            <Header {lang} has_text={!state.text.is_empty()} />
            if state.view == View::Batch {
                if let Some(n) = &state.notice {
                    <p class={classes!("notice", n.error.then_some("error"))} role="alert">{ n.text.clone() }</p>
                }
            }
            { body }
            if let Some(p) = &state.rule_page {
                <panels::RuleDialog page={p.clone()} {lang} />
            }
            <Footer {lang} />
        </ContextProvider<Dispatch>>
    }
}

/// ↓ 回到问题: the finding whose line the user went to see, or else the selected one, in view
/// and focused.
fn back_to_finding() {
    let btn = web_sys::window().and_then(|w| w.document()).and_then(|d| {
        d.query_selector("li.finding.selected[data-return] .finding-btn")
            .ok()
            .flatten()
    });
    match btn.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
        Some(b) => {
            browser::scroll_into_view(&b);
            let _ = b.focus();
        }
        None => focus_selected(),
    }
}

fn focus_selected() {
    let doc = web_sys::window().and_then(|w| w.document());
    let list = doc
        .as_ref()
        .and_then(|d| d.active_element())
        .and_then(|a| a.closest("ol.findings").ok().flatten())
        .or_else(|| doc.as_ref().and_then(|d| d.get_element_by_id("findings")));
    let item = list
        .and_then(|l| {
            l.query_selector("li.finding.selected button")
                .ok()
                .flatten()
        })
        .or_else(|| {
            doc.as_ref().and_then(|d| {
                d.query_selector("#findings li.finding.selected button")
                    .ok()
                    .flatten()
            })
        });
    if let Some(btn) = item {
        browser::scroll_into_view(&btn);
        if let Ok(b) = btn.dyn_into::<web_sys::HtmlElement>() {
            let _ = b.focus();
        }
    }
}

#[derive(Properties, PartialEq)]
struct HeaderProps {
    lang: Lang,
    has_text: bool,
}

/// The title and the actions: sample, choose files or a folder, clear, language.
#[function_component]
fn Header(p: &HeaderProps) -> Html {
    let d = use_context::<Dispatch>().expect("dispatch context");
    let lang = p.lang;
    let sample = {
        let d = d.clone();
        Callback::from(move |_| load_sample(&d))
    };
    let onchange = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let files = bridge::chosen(&input);
            let folder = input.has_attribute("webkitdirectory");
            // Cleared so that choosing the same file again is noticed.
            input.set_value("");
            d.dispatch(Action::Files {
                files,
                folder,
                slot: 0,
            });
        })
    };
    let clear = {
        let d = d.clone();
        Callback::from(move |_| d.dispatch(Action::Clear))
    };
    let switch = {
        let d = d.clone();
        Callback::from(move |_| d.dispatch(Action::Lang))
    };
    html! {
        <header class="top">
            <div class="brand">
                <h1>{ lang.t("年报检查", "nianbao") }</h1>
                <p class="tagline">{ lang.t("政府信息公开工作年度报告检查 · 全部在本机完成，文本不会上传", "Checks government information-disclosure annual reports · everything runs on this device; nothing is uploaded") }</p>
            </div>
            <nav class="actions" aria-label={lang.t("操作", "Actions")}>
                <button type="button" id="sample" onclick={sample}>{ lang.t("示例报告", "Sample report") }</button>
                <label class="file-btn" for="file">{ lang.t("选择文件…", "Choose files…") }</label>
                <input id="file" type="file" multiple=true accept=".docx,.doc,.wps,.pdf,.html,.htm,.txt,.md,.csv,.zip,text/plain,text/html,application/zip" onchange={onchange.clone()} onkeydown={enter_opens_chooser()} class="visually-hidden" />
                <label class="file-btn" for="folder">{ lang.t("选择文件夹…", "Choose a folder…") }</label>
                <input id="folder" type="file" webkitdirectory=true onchange={onchange} onkeydown={enter_opens_chooser()} class="visually-hidden" />
                <button type="button" id="clear" onclick={clear} disabled={!p.has_text}>{ lang.t("清除", "Clear") }</button>
                <button type="button" id="lang" onclick={switch} lang={if lang.en { "zh-CN" } else { "en" }}>{ lang.t("English", "中文") }</button>
            </nav>
        </header>
    }
}

/// Enter on a file chooser opens it, as Space does, in every browser (Chromium's file input opens
/// on Enter by itself, not every browser's does); the key is taken here, so it opens once.
fn enter_opens_chooser() -> Callback<KeyboardEvent> {
    Callback::from(|e: KeyboardEvent| {
        if e.key() == "Enter" && !e.repeat() {
            e.prevent_default();
            let input: HtmlInputElement = e.target_unchecked_into();
            input.click();
        }
    })
}

/// Fetches the sample report (a file of the page's own) and shows it.
fn load_sample(d: &Dispatch) {
    let d = d.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let res = bridge::fetch(state::SAMPLE_FILE).await;
        d.dispatch(Action::SampleLoaded(res));
    });
}

/// Texts longer than this (bytes) are shown in the long-text box (CodeMirror, which keeps only
/// the visible lines in the page): a browser's text box holding them makes typing slow. It goes
/// back to the plain text box below half of it.
const BIG_TEXT: usize = 50_000;

/// Texts longer than this (bytes) are taken from the plain text box when typing pauses (only
/// when the long-text box could not load).
const LONG_TEXT: usize = 200_000;

#[derive(Properties, PartialEq)]
struct InputProps {
    text: Rc<String>,
    text_version: u32,
    name: String,
    notice: Option<Notice>,
    dragging: bool,
    lang: Lang,
    textarea: NodeRef,
    selected_line: Option<usize>,
    previous: Option<nianbao::protocol::SlotInfo>,
}

/// Drop or files for a drop zone: one file is read, several (or a folder, or a .zip) make a
/// batch; into slot 1, last year's report.
fn drop_handler(d: &Dispatch, slot: u8) -> Callback<DragEvent> {
    let d = d.clone();
    Callback::from(move |e: DragEvent| {
        e.prevent_default();
        e.stop_propagation();
        let Some(dt) = e.data_transfer() else { return };
        let walk = bridge::dropped(&dt);
        let d = d.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let (files, folder) = walk.await;
            d.dispatch(Action::Files {
                files,
                folder,
                slot,
            });
        });
    })
}

/// The report's text: the drop zone, the text box, the notice, the selected line's excerpt,
/// and last year's report.
#[function_component]
fn InputPane(p: &InputProps) -> Html {
    let d = use_context::<Dispatch>().expect("dispatch context");
    let lang = p.lang;
    // The text is read in a task of its own, after the browser has handled the keystroke, and
    // keystrokes that come before it runs are taken together. In a long text (over 200,000
    // bytes) it is read once typing pauses for 300 ms: reading a text box that holds megabytes,
    // or changing the page beside it, makes Chromium lay it out again for seconds, so the page
    // does nothing between keystrokes.
    let pending = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    let oninput = {
        let (d, ta, pending) = (d.clone(), p.textarea.clone(), pending.clone());
        // Judged from the text last taken: touching the text box inside the input event (even
        // its length) makes Chromium lay out a long text there and then.
        let long = p.text.len() > LONG_TEXT;
        Callback::from(move |_: InputEvent| {
            if pending.borrow().is_some() && !long {
                return;
            }
            let (d, ta, p2) = (d.clone(), ta.clone(), pending.clone());
            let wait = if long { 300 } else { 0 };
            *pending.borrow_mut() = Some(gloo::timers::callback::Timeout::new(wait, move || {
                p2.borrow_mut().take();
                if let Some(ta) = ta.cast::<HtmlTextAreaElement>() {
                    d.dispatch(Action::Input(ta.value()));
                }
            }));
        })
    };
    // Pasting a web page or a Word document: the clipboard's HTML keeps the tables' cells, so
    // it is read as a document when it replaces the whole text.
    let onpaste = {
        let (d, pending) = (d.clone(), pending.clone());
        Callback::from(move |e: Event| {
            if let Some(html) = bridge::pasted_table(&e) {
                // The pasted document replaces the whole text: an edit still waiting to be
                // taken must not come after it.
                pending.borrow_mut().take();
                d.dispatch(Action::PasteHtml(0, html));
            }
        })
    };
    let ondrop = drop_handler(&d, 0);
    let ondragover = {
        let d = d.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            d.dispatch(Action::Drag(true));
        })
    };
    let ondragleave = {
        let d = d.clone();
        Callback::from(move |_: DragEvent| d.dispatch(Action::Drag(false)))
    };
    // The text box is not bound to the text (rewriting a 1 MB box on every keystroke would stall
    // typing): it is given the text only when the text comes from elsewhere.
    {
        let (ta, text) = (p.textarea.clone(), p.text.clone());
        use_effect_with(p.text_version, move |_| {
            if let Some(ta) = ta.cast::<HtmlTextAreaElement>() {
                if ta.value() != *text {
                    ta.set_value(&text);
                }
            }
        });
    }
    // The long-text box, from 50,000 bytes until the text is below half of that; it takes
    // the caret and the focus of the plain text box it replaces.
    let was_big = use_mut_ref(|| false);
    let editor_failed = use_state(|| false);
    let big = !*editor_failed
        && (p.text.len() > BIG_TEXT || (*was_big.borrow() && p.text.len() > BIG_TEXT / 2));
    let (mut caret, mut focus) = (None, false);
    if big && !*was_big.borrow() {
        if let Some(ta) = p.textarea.cast::<HtmlTextAreaElement>() {
            focus = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element())
                .is_some_and(|a| a == **ta);
            caret = ta.selection_start().ok().flatten();
        }
    }
    *was_big.borrow_mut() = big;
    let on_failed = {
        let (failed, d) = (editor_failed.setter(), d.clone());
        Callback::from(move |msg: String| {
            failed.set(true);
            d.dispatch(Action::EditorFailed(msg));
        })
    };
    let lines = if p.text.is_empty() {
        0
    } else {
        nianbao::normalize::lines(&p.text).count()
    };
    let stats = format!(
        "{} {} · {} {} · {}",
        p.text.chars().count(),
        lang.t("字", "chars"),
        lines,
        lang.t("行", "lines"),
        p.name
    );
    html! {
        <section class="input-pane" aria-labelledby="input-title">
            <h2 id="input-title" class="visually-hidden">{ lang.t("报告文本", "Report text") }</h2>
            <div class={classes!("dropzone", p.dragging.then_some("dragging"))} {ondrop} {ondragover} {ondragleave}>
                <label for="report" class="input-label">{ lang.t("粘贴报告全文（可从网页或Word复制），或把 Word、PDF、网页、文本文件拖到这里；多个文件、文件夹或 .zip 压缩包将批量检查", "Paste the whole report (from a web page or Word too), or drop a Word, PDF, web page or text file here; several files, a folder or a .zip are checked as a batch") }</label>
                if big {
                    <BigEditor text={p.text.clone()} text_version={p.text_version} selected_line={p.selected_line}
                        {lang} {caret} {focus} {on_failed} />
                } else {
                    <textarea id="report" ref={p.textarea.clone()} {oninput} onpaste={onpaste}
                        spellcheck="false" placeholder={lang.t("××局2024年政府信息公开工作年度报告\n一、总体情况\n……", "…2024年政府信息公开工作年度报告\n一、总体情况\n…")} />
                }
                <p class="stats" aria-live="off">{ stats }</p>
            </div>
            if let Some(n) = &p.notice {
                <p class={classes!("notice", n.error.then_some("error"))} role="alert">{ n.text.clone() }</p>
            }
            if let Some(line) = p.selected_line {
                { view::excerpt(&p.text, line, lang) }
                <button type="button" class="to-finding" onclick={Callback::from(|_| back_to_finding())}>{ lang.t("↓ 回到问题", "↓ Back to the finding") }</button>
            }
            <PreviousSlot {lang} previous={p.previous.clone()} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct BigEditorProps {
    text: Rc<String>,
    text_version: u32,
    selected_line: Option<usize>,
    lang: Lang,
    /// Where the caret and the focus were in the plain text box it replaces (used once).
    caret: Option<u32>,
    focus: bool,
    on_failed: Callback<String>,
}

/// The text box for a long report: CodeMirror (`static/editor.js`, loaded when first needed),
/// which draws only the visible lines. Edits reach the state once typing pauses for 300 ms;
/// text from elsewhere replaces its text; a selected finding's line is selected in it.
#[function_component]
fn BigEditor(p: &BigEditorProps) -> Html {
    let d = use_context::<Dispatch>().expect("dispatch context");
    let host = use_node_ref();
    let editor = use_mut_ref(|| None::<bridge::Editor>);
    // The newest text and line, for an editor that finishes loading after they changed.
    let latest = use_mut_ref(|| (p.text.clone(), p.selected_line));
    *latest.borrow_mut() = (p.text.clone(), p.selected_line);
    let ready = use_state(|| false);
    {
        let (host, editor, latest, d) = (host.clone(), editor.clone(), latest.clone(), d.clone());
        let (caret, focus, label) = (p.caret, p.focus, p.lang.t("报告文本", "Report text"));
        let (on_failed, ready) = (p.on_failed.clone(), ready.setter());
        use_effect_with((), move |_| {
            let alive = Rc::new(std::cell::Cell::new(true));
            let alive2 = alive.clone();
            let editor2 = editor.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let Some(el) = host.cast::<web_sys::Element>() else {
                    return;
                };
                let text = latest.borrow().0.clone();
                let (d1, d2) = (d.clone(), d);
                let mounted = bridge::Editor::mount(
                    &el,
                    &text,
                    caret,
                    label,
                    move |t| d1.dispatch(Action::Input(t)),
                    move |html| d2.dispatch(Action::PasteHtml(0, html)),
                )
                .await;
                if !alive2.get() {
                    return; // the box was replaced while loading: the editor is dropped
                }
                match mounted {
                    Ok(ed) => {
                        let (now, line) = latest.borrow().clone();
                        if *now != *text {
                            ed.set_text(&now);
                        }
                        if let Some(line) = line {
                            ed.select_line(line);
                        }
                        if focus {
                            ed.focus();
                        }
                        *editor2.borrow_mut() = Some(ed);
                        ready.set(true);
                    }
                    Err(msg) => on_failed.emit(msg),
                }
            });
            move || {
                alive.set(false);
                editor.borrow_mut().take();
            }
        });
    }
    {
        let (editor, text) = (editor.clone(), p.text.clone());
        use_effect_with(p.text_version, move |_| {
            if let Some(ed) = editor.borrow().as_ref() {
                ed.set_text(&text);
            }
        });
    }
    {
        let editor = editor.clone();
        use_effect_with(p.selected_line, move |line| {
            if let (Some(ed), Some(line)) = (editor.borrow().as_ref(), line) {
                ed.select_line(*line);
            }
        });
    }
    html! {
        <div class="big-editor-wrap">
            if !*ready {
                <p class="loading">{ p.lang.t("正在打开长文本编辑框…", "Opening the box for long texts…") }</p>
            }
            <div class="big-editor" id="report-editor" ref={host} aria-busy={(!*ready).to_string()}></div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct PreviousProps {
    lang: Lang,
    previous: Option<nianbao::protocol::SlotInfo>,
}

/// Last year's report, optional: drop or choose a file, or paste its text.
#[function_component]
fn PreviousSlot(p: &PreviousProps) -> Html {
    let d = use_context::<Dispatch>().expect("dispatch context");
    let lang = p.lang;
    let onchange = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let files = bridge::chosen(&input);
            input.set_value("");
            d.dispatch(Action::Files {
                files,
                folder: false,
                slot: 1,
            });
        })
    };
    let onpaste_text = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let ta: HtmlTextAreaElement = e.target_unchecked_into();
            d.dispatch(Action::PreviousText(ta.value()));
        })
    };
    // The one paste rule: a table pasted over the whole text is read as a document.
    let onpaste = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            if let Some(html) = bridge::pasted_table(&e) {
                d.dispatch(Action::PasteHtml(1, html));
            }
        })
    };
    let clear = {
        let d = d.clone();
        Callback::from(move |_| d.dispatch(Action::ClearPrevious))
    };
    let ondrop = drop_handler(&d, 1);
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    html! {
        <details class="previous-slot" id="previous-slot" open={p.previous.is_some()}>
            <summary>{ lang.t("与上年报告比较（可选）", "Compare with last year's report (optional)") }</summary>
            <div class="dropzone small" {ondrop} {ondragover}>
                <p class="hint">{ lang.t("把上年报告拖到这里、选择文件，或粘贴其全文：检查上年结转、现行有效件数、正文雷同和比率变化。", "Drop last year's report here, choose it, or paste its text: checks the carry-over, documents in force, repeated prose and the rates' change.") }</p>
                <label class="file-btn" for="previous-file">{ lang.t("选择上年报告…", "Choose last year's report…") }</label>
                <input id="previous-file" type="file" accept=".docx,.doc,.wps,.pdf,.html,.htm,.txt,.md,.csv,text/plain,text/html" onchange={onchange} onkeydown={enter_opens_chooser()} class="visually-hidden" />
                <textarea id="previous-text" rows="3" spellcheck="false" onchange={onpaste_text} {onpaste}
                    placeholder={lang.t("或在此粘贴上年报告全文", "or paste last year's report here")} />
                if let Some(prev) = &p.previous {
                    <p class="previous-info" id="previous-info">
                        { format!("{}：{}（{} {}）", lang.t("已载入", "Loaded"), prev.name, prev.chars, lang.t("字", "chars")) }
                        <button type="button" id="previous-clear" onclick={clear}>{ lang.t("移除", "Remove") }</button>
                    </p>
                }
            </div>
        </details>
    }
}

#[derive(Properties, PartialEq)]
struct ResultProps {
    result: Option<Res>,
    refused: Option<Reason>,
    lang: Lang,
    selected: Option<usize>,
    dismissed: Rc<Vec<(String, String)>>,
    checking: bool,
    text: Rc<String>,
    threshold: f64,
    from_batch: bool,
}

/// The verdict, the downloads, the document card, the comparison, the rates, a card per part
/// and every finding.
#[function_component]
fn ResultPane(p: &ResultProps) -> Html {
    let d = use_context::<Dispatch>().expect("dispatch context");
    let lang = p.lang;
    let back = {
        let d = d.clone();
        Callback::from(move |_| d.dispatch(Action::Back))
    };
    let onkeydown = {
        let d = d.clone();
        Callback::from(move |e: KeyboardEvent| {
            let on_finding = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| el.closest(".finding-btn").ok().flatten().is_some());
            if !on_finding {
                return;
            }
            let step = match e.key().as_str() {
                "ArrowDown" | "j" | "n" => 1,
                "ArrowUp" | "k" | "p" => -1,
                _ => return,
            };
            e.prevent_default();
            d.dispatch(Action::Step(step));
        })
    };
    let back_btn = html! {
        if p.from_batch {
            <button type="button" id="back" class="back" onclick={back}>{ lang.t("← 返回汇总", "← Back to the roll-up") }</button>
        }
    };
    let Some(res) = &p.result else {
        return html! {
            <section class="result-pane" aria-labelledby="result-title" aria-busy={p.checking.to_string()}>
                <h2 id="result-title" class="visually-hidden">{ lang.t("检查结果", "Result") }</h2>
                { back_btn }
                <div class="empty">
                    if let Some(why) = p.refused.as_ref().filter(|_| !p.checking) {
                        <p class="link-refused" role="alert">{ if lang.en { why.en.clone() } else { why.zh.clone() } }</p>
                    } else if p.checking {
                        <p class="checking">{ lang.t("正在本机检查…", "Checking on this device…") }</p>
                    } else {
                        <p>{ lang.t("还没有报告。粘贴文本、拖入文件，或点“示例报告”试一试。", "No report yet. Paste its text, drop a file, or try the sample report.") }</p>
                    }
                </div>
            </section>
        };
    };
    let ctx = view::Ctx {
        res: res.clone(),
        lang,
        selected: p.selected,
        dismissed: p.dismissed.clone(),
        text: p.text.clone(),
    };
    let download = |kind: ExportKind| {
        let d = d.clone();
        Callback::from(move |_| d.dispatch(Action::Download(kind)))
    };
    let listed = res.findings.len().min(state::MAX_LISTED);
    let n_dismissed = res
        .findings
        .iter()
        .enumerate()
        .filter(|(i, _)| ctx.dismissed_reason(*i).is_some())
        .count();
    html! {
        <section class="result-pane" aria-labelledby="result-title" {onkeydown} aria-busy={p.checking.to_string()}>
            <h2 id="result-title" class="visually-hidden">{ lang.t("检查结果", "Result") }</h2>
            { back_btn }
            { view::verdict(&ctx) }
            <p class="timing" id="timing-slot"></p>
            if n_dismissed > 0 {
                <p class="dismissed-count">{ format!("{} {n_dismissed} {}", lang.t("已忽略", "Dismissed:"), lang.t("项问题（仍写入下载，并注明理由）", "finding(s), still in the downloads with the reason")) }</p>
            }
            <div class="downloads" role="group" aria-label={lang.t("下载结果", "Download the result")}>
                <button type="button" id="dl-json" onclick={download(ExportKind::Json)}>{ lang.t("下载 JSON", "Download JSON") }</button>
                <button type="button" id="dl-csv" onclick={download(ExportKind::Csv)}>{ lang.t("下载 CSV（Excel）", "Download CSV (Excel)") }</button>
                <button type="button" id="dl-html" onclick={download(ExportKind::Html)}>{ lang.t("下载可打印报告", "Download printable report") }</button>
            </div>
            { view::document_card(&ctx) }
            <panels::ComparisonCard ctx={ctx.clone()} text={p.text.clone()} threshold={p.threshold} />
            <panels::SimilarCard ctx={ctx.clone()} text={p.text.clone()} />
            <panels::RatesPanel ctx={ctx.clone()} />
            { for (1..=6).map(|n| view::part_card(&ctx, n)) }
            <section class="card all-findings" aria-labelledby="all-findings-title">
                <h2 id="all-findings-title">{ if n_dismissed > 0 {
                    format!("{}（{} · {} {n_dismissed}）", lang.t("全部问题", "All findings"), res.findings.len(), lang.t("已忽略", "dismissed"))
                } else {
                    format!("{}（{}）", lang.t("全部问题", "All findings"), res.findings.len())
                } }</h2>
                <p class="hint">{ lang.t("点击问题可定位到原文；用 ↑ ↓ 键在问题之间移动；“规则说明”给出依据和改正方法。", "Click a finding to see its line; move between findings with ↑ ↓; “About this rule” gives its basis and how to fix it.") }</p>
                <ol class="findings" id="findings">
                    { for (0..listed).map(|i| view::finding_item(i, &ctx)) }
                </ol>
                if res.findings.len() > listed {
                    <p class="more">{ format!("{} {} {}", lang.t("另有", "and"), res.findings.len() - listed, lang.t("项未列出，请下载完整结果。", "more: download the full result.")) }</p>
                }
            </section>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct FooterProps {
    lang: Lang,
}

#[function_component]
fn Footer(p: &FooterProps) -> Html {
    let lang = p.lang;
    html! {
        <footer class="foot">
            <p class="privacy" id="privacy">{ lang.t(
                "隐私：报告只在本机读取和检查，页面不向任何地方发送文本（内容安全策略禁止连接其他网站）；首次打开后可离线使用。",
                "Privacy: reports are read and checked on this device only; the page sends your text nowhere (its Content-Security-Policy forbids connecting to other sites), and works offline after the first visit.") }</p>
            <p>{ format!("nianbao {} · ", nianbao::ENGINE_VERSION) }{ lang.t("依据国办公开办函〔2019〕60号、〔2021〕30号格式", "Formats 国办公开办函〔2019〕60号 and 〔2021〕30号") }</p>
        </footer>
    }
}

/// Draws the app into `#app`, beside the page's first view (`#shell`), which the app removes as
/// it takes over.
fn main() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let root = doc.get_element_by_id("app").or_else(|| {
        let el = doc.create_element("div").ok()?;
        el.set_id("app");
        doc.body()?.append_child(&el).ok()?;
        Some(el)
    });
    if let Some(root) = root {
        yew::Renderer::<App>::with_root(root).render();
    }
}
