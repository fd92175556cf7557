//! The nianbao page: paste or drop a report, see the checklist for each part, download the
//! result. Everything runs in the browser; the page makes no request after it has loaded.

mod browser;
mod i18n;
mod readers;
mod view;

use gloo::file::callbacks::FileReader;
use gloo::timers::callback::Timeout;
use i18n::Lang;
use nianbao::document::Document;
use nianbao::result::CheckResult;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{DragEvent, HtmlInputElement, HtmlTextAreaElement, KeyboardEvent};
use yew::prelude::*;

/// The sample: a real report with real errors (seed 003: 第三十条 in captions), copied into dist/
/// by Trunk and fetched when the button is pressed (it is not part of the first load).
const SAMPLE_FILE: &str = "003_6b7184a4cdcd6840.txt";
const SAMPLE_NAME: &str = "示例-厦门市海沧区卫生健康局2020.txt";
const PASTED_NAME: &str = "pasted.txt";
const PASTED_HTML_NAME: &str = "pasted.html";
/// Texts longer than this are checked after a pause in typing rather than on every keystroke.
const DEBOUNCE_OVER: usize = 200_000;
/// The largest file accepted (a report is ~15 KB; this leaves room for odd exports).
const MAX_FILE: usize = 64 * 1024 * 1024;

pub enum Msg {
    Input(String),
    Run,
    Sample,
    SampleLoaded(Result<String, String>),
    Clear,
    /// The first file chosen or dropped (taken out of the live FileList before it is cleared).
    File(Option<web_sys::File>),
    Loaded(String, Result<Vec<u8>, String>),
    /// A reader module's answer for a file or a paste: the document, or why it was not read.
    Read(String, Result<Document, (String, String)>),
    /// HTML from the clipboard, to be read as a grid-keeping document.
    PasteHtml(String),
    Drag(bool),
    Select(usize),
    Step(i32),
    Lang,
    Download(&'static str),
}

struct Notice {
    error: bool,
    text: String,
}

pub struct App {
    text: String,
    name: String,
    /// The document a reader made (Word, web page, PDF): checked with its grids while the text
    /// box still holds its text; an edit turns it back into plain text.
    doc: Option<Rc<Document>>,
    result: Option<Rc<CheckResult>>,
    selected: Option<usize>,
    lang: Lang,
    notice: Option<Notice>,
    debounce: Option<Timeout>,
    reader: Option<FileReader>,
    dragging: bool,
    /// When the last edit arrived, and how long until its checklist was on screen.
    started: Option<f64>,
    elapsed: Option<f64>,
    textarea: NodeRef,
    scroll_to_selection: bool,
}

impl App {
    fn run(&mut self) {
        self.debounce = None;
        if self.text.trim().is_empty() {
            self.result = None;
            self.selected = None;
            return;
        }
        let r = match &self.doc {
            Some(d) if d.text == self.text => nianbao::check_document(&self.name, d),
            _ => {
                self.doc = None;
                nianbao::check(&self.name, &self.text)
            }
        };
        self.selected = None;
        self.result = Some(Rc::new(r));
        if !browser::save_text(&self.text, &self.name) {
            self.notice = Some(Notice {
                error: false,
                text: self
                    .lang
                    .t(
                        "文本较大，浏览器未能保存它；刷新页面后需重新粘贴。",
                        "The text is too large for the browser to keep; after a reload, paste it again.",
                    )
                    .to_string(),
            });
        }
    }

    fn set_text(&mut self, ctx: &Context<Self>, text: String, name: &str) {
        self.text = text;
        self.name = name.to_string();
        self.started = Some(browser::now_ms());
        if self.text.len() > DEBOUNCE_OVER {
            let link = ctx.link().clone();
            self.debounce = Some(Timeout::new(300, move || link.send_message(Msg::Run)));
        } else {
            self.run();
        }
    }

    fn select(&mut self, i: usize) {
        let Some(r) = &self.result else { return };
        if i >= r.findings.len() {
            return;
        }
        self.selected = Some(i);
        if let (Some(line), Some(ta)) = (
            r.findings[i].line,
            self.textarea.cast::<HtmlTextAreaElement>(),
        ) {
            browser::select_line(&ta, &self.text, line);
        }
    }
}

impl Component for App {
    type Message = Msg;
    type Properties = ();

    fn create(_ctx: &Context<Self>) -> Self {
        let lang = Lang {
            en: browser::load_lang_en(),
        };
        let mut app = App {
            text: String::new(),
            name: PASTED_NAME.to_string(),
            doc: None,
            result: None,
            selected: None,
            lang,
            notice: None,
            debounce: None,
            reader: None,
            dragging: false,
            started: None,
            elapsed: None,
            textarea: NodeRef::default(),
            scroll_to_selection: false,
        };
        if let Some((text, name)) = browser::load_text() {
            app.text = text;
            app.name = name;
            app.started = Some(browser::now_ms());
            app.run();
        }
        app
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        match msg {
            Msg::Input(text) => {
                let name = if self.name == SAMPLE_NAME {
                    PASTED_NAME.to_string()
                } else {
                    self.name.clone()
                };
                self.notice = None;
                self.doc = None;
                self.set_text(ctx, text, &name);
            }
            Msg::Run => {
                self.run();
            }
            Msg::Sample => {
                let link = ctx.link().clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let res = readers::fetch_text(SAMPLE_FILE).await;
                    link.send_message(Msg::SampleLoaded(res));
                });
            }
            Msg::SampleLoaded(res) => match res {
                Ok(text) => {
                    self.notice = None;
                    self.doc = None;
                    self.set_text(ctx, text, SAMPLE_NAME);
                }
                Err(e) => {
                    self.notice = Some(Notice {
                        error: true,
                        text: format!(
                            "{}（{e}）",
                            self.lang
                                .t("示例报告未能载入", "The sample report did not load")
                        ),
                    });
                }
            },
            Msg::Clear => {
                browser::forget_text();
                self.text.clear();
                self.doc = None;
                self.name = PASTED_NAME.to_string();
                self.result = None;
                self.selected = None;
                self.elapsed = None;
                self.notice = Some(Notice {
                    error: false,
                    text: self
                        .lang
                        .t(
                            "已清除文本，浏览器中不再保存。",
                            "Text cleared and forgotten by this browser.",
                        )
                        .to_string(),
                });
            }
            Msg::Drag(on) => self.dragging = on,
            Msg::File(file) => {
                self.dragging = false;
                let Some(file) = file else {
                    return true;
                };
                let file = gloo::file::File::from(file);
                let name = file.name();
                if file.size() as usize > MAX_FILE {
                    self.notice = Some(Notice {
                        error: true,
                        text: format!(
                            "{}：{}",
                            name,
                            self.lang.t(
                                "文件过大（超过64 MB），不像是年度报告",
                                "file too large (over 64 MB) to be a report"
                            )
                        ),
                    });
                    return true;
                }
                let link = ctx.link().clone();
                self.reader = Some(gloo::file::callbacks::read_as_bytes(&file, move |res| {
                    link.send_message(Msg::Loaded(name, res.map_err(|e| e.to_string())));
                }));
            }
            Msg::Loaded(name, res) => {
                self.reader = None;
                let bytes = match res {
                    Ok(b) => b,
                    Err(e) => {
                        self.notice = Some(Notice {
                            error: true,
                            text: format!("{name}：{e}"),
                        });
                        return true;
                    }
                };
                use nianbao::read::InputKind;
                let module = match nianbao::read::sniff(&bytes, &name, None) {
                    InputKind::Docx | InputKind::Html => Some("office"),
                    InputKind::Pdf => Some("pdf"),
                    _ => None,
                };
                match module {
                    Some(kind) => {
                        // Read by a reader module, loaded now if this is its first file.
                        self.notice = Some(Notice {
                            error: false,
                            text: format!(
                                "{name}：{}",
                                self.lang.t("正在本机读取…", "reading on this device…")
                            ),
                        });
                        let link = ctx.link().clone();
                        wasm_bindgen_futures::spawn_local(async move {
                            let res = readers::read_file(kind, &bytes, &name).await;
                            link.send_message(Msg::Read(name, res));
                        });
                    }
                    None => {
                        let res = nianbao::read::read(&bytes, &name, None, &browser::legacy)
                            .map_err(|e| (e.zh, e.en));
                        ctx.link().send_message(Msg::Read(name, res));
                    }
                }
            }
            Msg::PasteHtml(html) => {
                self.notice = Some(Notice {
                    error: false,
                    text: self
                        .lang
                        .t("正在读取粘贴的表格…", "reading the pasted tables…")
                        .to_string(),
                });
                let link = ctx.link().clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let res = readers::read_pasted_html(&html).await;
                    link.send_message(Msg::Read(PASTED_HTML_NAME.to_string(), res));
                });
            }
            Msg::Read(name, res) => match res {
                Ok(doc) => {
                    self.notice = None;
                    let text = doc.text.clone();
                    self.doc = Some(Rc::new(doc));
                    self.set_text(ctx, text, &name);
                }
                Err((zh, en)) => {
                    // The text already in the box stays as it was.
                    self.notice = Some(Notice {
                        error: true,
                        text: format!("{name}：{}", if self.lang.en { en } else { zh }),
                    });
                }
            },
            Msg::Select(i) => self.select(i),
            Msg::Step(d) => {
                let Some(r) = &self.result else { return false };
                let n = r.findings.len().min(view::MAX_LISTED);
                if n == 0 {
                    return false;
                }
                let next = match self.selected {
                    None if d > 0 => 0,
                    None => n - 1,
                    Some(i) => ((i as i64 + d as i64).rem_euclid(n as i64)) as usize,
                };
                self.select(next);
                self.scroll_to_selection = true;
            }
            Msg::Lang => {
                self.lang.en = !self.lang.en;
                browser::save_lang(self.lang.en);
            }
            Msg::Download(kind) => {
                let Some(r) = &self.result else { return false };
                let stem = nianbao::export::file_stem(r);
                let ok = match kind {
                    "json" => browser::download(
                        &format!("{stem}.json"),
                        "application/json",
                        &nianbao::export::json_line(r),
                    ),
                    "csv" => browser::download(
                        &format!("{stem}.csv"),
                        "text/csv;charset=utf-8",
                        &nianbao::export::csv(&[r]),
                    ),
                    _ => browser::download(
                        &format!("{stem}.html"),
                        "text/html;charset=utf-8",
                        &nianbao::export::html(r, self.lang.en),
                    ),
                };
                if !ok {
                    self.notice = Some(Notice {
                        error: true,
                        text: self
                            .lang
                            .t("浏览器拒绝了下载", "The browser refused the download")
                            .to_string(),
                    });
                }
            }
        }
        true
    }

    fn rendered(&mut self, _ctx: &Context<Self>, _first: bool) {
        if let (Some(start), Some(_)) = (self.started.take(), &self.result) {
            self.elapsed = Some(browser::now_ms() - start);
        }
        // The measured time is written after rendering (it includes the rendering), in the
        // current language.
        if let (Some(ms), Some(el)) = (
            self.elapsed.filter(|_| self.result.is_some()),
            web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("timing-slot")),
        ) {
            let label = self.lang.t("检查并显示用时", "checked and shown in");
            el.set_text_content(Some(&format!("{label} {ms:.0} ms")));
            let _ = el.set_attribute("data-ms", &format!("{ms:.1}"));
        }
        if self.scroll_to_selection {
            self.scroll_to_selection = false;
            // Keep the focus in the list the user is moving through (a part card's or the full
            // list at the bottom).
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
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let lang = self.lang;
        let link = ctx.link();
        let oninput = link.callback(|e: InputEvent| {
            let ta: HtmlTextAreaElement = e.target_unchecked_into();
            Msg::Input(ta.value())
        });
        // Pasting a web page or a Word document: the clipboard's HTML keeps the tables' cells,
        // so it is read as a document when it replaces the whole text.
        let onpaste = link.batch_callback(|e: Event| {
            let e: web_sys::ClipboardEvent = e.dyn_into().ok()?;
            let ta: HtmlTextAreaElement = e.target()?.dyn_into().ok()?;
            let html = e.clipboard_data()?.get_data("text/html").ok()?;
            let whole = ta.value().is_empty()
                || (ta.selection_start().ok()?? == 0
                    && ta.selection_end().ok()?? as usize == ta.value().encode_utf16().count());
            if !whole || !html.to_ascii_lowercase().contains("<table") {
                return None;
            }
            e.prevent_default();
            Some(Msg::PasteHtml(html))
        });
        let onchange = link.callback(|e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let file = input.files().and_then(|l| l.get(0));
            // Clear it so choosing the same file again is noticed.
            input.set_value("");
            Msg::File(file)
        });
        let ondrop = link.callback(|e: DragEvent| {
            e.prevent_default();
            Msg::File(
                e.data_transfer()
                    .and_then(|d| d.files())
                    .and_then(|l| l.get(0)),
            )
        });
        let ondragover = link.callback(|e: DragEvent| {
            e.prevent_default();
            Msg::Drag(true)
        });
        let ondragleave = link.callback(|_: DragEvent| Msg::Drag(false));
        let on_select = link.callback(Msg::Select);
        let onkeydown = link.batch_callback(|e: KeyboardEvent| {
            let on_finding = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| el.closest(".finding-btn").ok().flatten().is_some());
            if !on_finding {
                return None;
            }
            let d = match e.key().as_str() {
                "ArrowDown" | "j" | "n" => 1,
                "ArrowUp" | "k" | "p" => -1,
                _ => return None,
            };
            e.prevent_default();
            Some(Msg::Step(d))
        });
        let stats = format!(
            "{} {} · {} {}",
            self.text.chars().count(),
            lang.t("字", "chars"),
            if self.text.is_empty() {
                0
            } else {
                nianbao::normalize::lines(&self.text).count()
            },
            lang.t("行", "lines")
        );
        let selected_line = self
            .selected
            .and_then(|i| self.result.as_ref().and_then(|r| r.findings.get(i)))
            .and_then(|f| f.line);

        html! {
            <>
            <header class="top">
                <div class="brand">
                    <h1>{ lang.t("年报检查", "nianbao") }</h1>
                    <p class="tagline">{ lang.t("政府信息公开工作年度报告检查 · 全部在本机完成，文本不会上传", "Checks government information-disclosure annual reports · everything runs on this device; nothing is uploaded") }</p>
                </div>
                <nav class="actions" aria-label={lang.t("操作", "Actions")}>
                    <button type="button" id="sample" onclick={link.callback(|_| Msg::Sample)}>{ lang.t("示例报告", "Sample report") }</button>
                    <label class="file-btn" for="file">{ lang.t("选择文件…", "Choose file…") }</label>
                    <input id="file" type="file" accept=".docx,.pdf,.html,.htm,.txt,.md,.csv,text/plain,text/html" onchange={onchange} class="visually-hidden" />
                    <button type="button" id="clear" onclick={link.callback(|_| Msg::Clear)} disabled={self.text.is_empty()}>{ lang.t("清除", "Clear") }</button>
                    <button type="button" id="lang" onclick={link.callback(|_| Msg::Lang)} lang={if lang.en { "zh-CN" } else { "en" }}>{ lang.t("English", "中文") }</button>
                </nav>
            </header>
            <main class="layout" lang={if lang.en { "en" } else { "zh-CN" }}>
                <section class="input-pane" aria-labelledby="input-title">
                    <h2 id="input-title" class="visually-hidden">{ lang.t("报告文本", "Report text") }</h2>
                    <div class={classes!("dropzone", self.dragging.then_some("dragging"))} {ondrop} {ondragover} {ondragleave}>
                        <label for="report" class="input-label">{ lang.t("粘贴报告全文（可从网页或Word复制），或把 Word、PDF、网页、文本文件拖到这里", "Paste the whole report (from a web page or Word too), or drop a Word, PDF, web page or text file here") }</label>
                        <textarea id="report" ref={self.textarea.clone()} value={self.text.clone()} {oninput} {onpaste}
                            spellcheck="false" placeholder={lang.t("××局2024年政府信息公开工作年度报告\n一、总体情况\n……", "…2024年政府信息公开工作年度报告\n一、总体情况\n…")} />
                        <p class="stats" aria-live="off">{ stats }{ format!(" · {}", self.name) }</p>
                    </div>
                    if let Some(n) = &self.notice {
                        <p class={classes!("notice", n.error.then_some("error"))} role="alert">{ n.text.clone() }</p>
                    }
                    if let Some(line) = selected_line {
                        { view::excerpt(&self.text, line, lang) }
                    }
                </section>
                <section class="result-pane" aria-labelledby="result-title" {onkeydown}>
                    <h2 id="result-title" class="visually-hidden">{ lang.t("检查结果", "Result") }</h2>
                    { self.view_result(ctx, &on_select) }
                </section>
            </main>
            <footer class="foot">
                <p>{ format!("nianbao {} · ", nianbao::ENGINE_VERSION) }{ lang.t("依据国办公开办函〔2019〕60号、〔2021〕30号格式", "Formats 国办公开办函〔2019〕60号 and 〔2021〕30号") }</p>
            </footer>
            </>
        }
    }
}

impl App {
    fn view_result(&self, ctx: &Context<Self>, on_select: &Callback<usize>) -> Html {
        let lang = self.lang;
        let Some(r) = &self.result else {
            return html! {
                <div class="empty">
                    <p>{ lang.t("还没有报告。粘贴文本、拖入文件，或点“示例报告”试一试。", "No report yet. Paste its text, drop a file, or try the sample report.") }</p>
                </div>
            };
        };
        let link = ctx.link();
        let listed = r.findings.len().min(view::MAX_LISTED);
        html! {
            <>
                { view::verdict(r, lang) }
                <p class="timing" id="timing-slot"></p>
                <div class="downloads" role="group" aria-label={lang.t("下载结果", "Download the result")}>
                    <button type="button" id="dl-json" onclick={link.callback(|_| Msg::Download("json"))}>{ lang.t("下载 JSON", "Download JSON") }</button>
                    <button type="button" id="dl-csv" onclick={link.callback(|_| Msg::Download("csv"))}>{ lang.t("下载 CSV（Excel）", "Download CSV (Excel)") }</button>
                    <button type="button" id="dl-html" onclick={link.callback(|_| Msg::Download("html"))}>{ lang.t("下载可打印报告", "Download printable report") }</button>
                </div>
                { view::document_card(r, lang, self.selected, on_select) }
                { for (1..=6).map(|n| view::part_card(r, n, lang, self.selected, on_select)) }
                <section class="card all-findings" aria-labelledby="all-findings-title">
                    <h2 id="all-findings-title">{ format!("{}（{}）", lang.t("全部问题", "All findings"), r.findings.len()) }</h2>
                    <p class="hint">{ lang.t("点击问题可定位到原文；用 ↑ ↓ 键在问题之间移动。", "Click a finding to see its line; move between findings with ↑ ↓.") }</p>
                    <ol class="findings" id="findings">
                        { for r.findings.iter().take(listed).enumerate().map(|(i, f)| view::finding_item(i, f, lang, self.selected, on_select)) }
                    </ol>
                    if r.findings.len() > listed {
                        <p class="more">{ format!("{} {} {}", lang.t("另有", "and"), r.findings.len() - listed, lang.t("项未列出，请下载完整结果。", "more: download the full result.")) }</p>
                    }
                </section>
            </>
        }
    }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
