//! The page's state and the one reducer that changes it (Yew's `use_reducer`). Components get
//! what they show as props and send [`Action`]s through the [`Dispatch`] context. Every message
//! to the checking worker leaves from here, so the order of requests is the order of actions.

use crate::bridge::{self, Files, Incoming, SlotInfo};
use crate::browser;
use crate::i18n::Lang;
use nianbao::result::{CheckResult, Verdict};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// The sample: a real report with real errors (seed 003: 第三十条 in captions), copied into dist/
/// by Trunk and fetched when the button is pressed (it is not part of the first load).
pub const SAMPLE_FILE: &str = "003_6b7184a4cdcd6840.txt";
pub const SAMPLE_NAME: &str = "示例-厦门市海沧区卫生健康局2020.txt";
pub const PASTED_NAME: &str = "pasted.txt";
pub const PASTED_HTML_NAME: &str = "pasted.html";
pub const PREVIOUS_NAME: &str = "上年报告.txt";
/// The largest file accepted (a report is ~15 KB; this leaves room for odd exports).
pub const MAX_FILE: f64 = 64.0 * 1024.0 * 1024.0;

/// A result shared by components; equal when it is the same result (cheap to compare).
#[derive(Clone)]
pub struct Res(pub Rc<CheckResult>);

impl PartialEq for Res {
    fn eq(&self, other: &Res) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for Res {
    type Target = CheckResult;
    fn deref(&self) -> &CheckResult {
        &self.0
    }
}

#[derive(Clone, PartialEq)]
pub struct Notice {
    pub error: bool,
    pub text: String,
}

/// A derived rate in a roll-up row.
#[derive(Clone, PartialEq, Deserialize, Default)]
pub struct RateCell {
    pub value: Option<f64>,
    /// A cell it rests on was inferred, not read: shown with ≈, never flagged.
    #[serde(default)]
    pub inferred: bool,
    pub flag: Option<String>,
    pub change: Option<f64>,
}

/// One report's row in a batch's roll-up (the engine's `SummaryRow` and rates).
#[derive(Clone, PartialEq, Deserialize)]
pub struct Row {
    pub index: usize,
    pub file: String,
    pub agency: Option<String>,
    pub year: Option<i32>,
    pub format: Option<String>,
    /// None: the file could not be read (`reason`).
    pub verdict: Option<Verdict>,
    pub errors: usize,
    pub warnings: usize,
    pub new_requests: Option<f64>,
    pub results_total: Option<f64>,
    pub carried_over: Option<f64>,
    pub review_total: Option<f64>,
    pub suit_total: Option<f64>,
    /// The numbers above (by field name) that rest on an inferred cell: shown with ≈.
    #[serde(default)]
    pub inferred: Vec<String>,
    /// How many of the report's table cells were inferred, not read.
    #[serde(default)]
    pub inferred_cells: usize,
    #[serde(default)]
    pub rates: BTreeMap<String, RateCell>,
    /// Last year's report of the same agency in the batch, when one was found.
    pub previous: Option<String>,
    pub reason: Option<String>,
    pub reason_en: Option<String>,
}

impl Row {
    /// Failing first: unreadable, fail, incomplete, warn, pass.
    pub fn rank(&self) -> u8 {
        nianbao::export::verdict_rank(self.verdict)
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Col {
    Verdict,
    File,
    Agency,
    Year,
    Format,
    Errors,
    Warnings,
    NewRequests,
    ResultsTotal,
    CarriedOver,
    Review,
    Suit,
    Rate(&'static str),
}

#[derive(Clone, PartialEq)]
pub struct Batch {
    pub rows: Vec<Row>,
    pub done: usize,
    pub total: usize,
    pub current: String,
    pub ms: f64,
    pub finished: bool,
    pub cancelled: bool,
    pub sort: Col,
    pub descending: bool,
    pub filter: String,
    /// "" (all), "fail", "incomplete", "warn", "pass", "unreadable".
    pub verdict_filter: String,
    /// Where the roll-up was scrolled when a report was opened.
    pub scroll: f64,
    /// How many rows the table shows (more on request: a table of thousands of rows would take
    /// the page's thread for long to draw).
    pub limit: usize,
}

/// Rows the roll-up shows at first, and more each time.
pub const ROWS_SHOWN: usize = 100;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum View {
    Single,
    Batch,
    /// A batch report opened from the roll-up (back returns to it).
    Report(usize),
}

/// A rule's page, as the engine gives it.
pub type RulePage = nianbao::rules::pages::RulePageOut;

#[derive(Clone)]
pub struct State {
    pub lang: Lang,
    pub view: View,
    pub text: Rc<String>,
    /// Changes when the text is replaced from outside the text box (a file, the sample, a
    /// restore, clear): the text box is then given the new text. Typing does not change it, so
    /// the text box is never rewritten while the user types.
    pub text_version: u32,
    /// The text the shown result was checked from (for marking repeated passages).
    pub result_text: Rc<String>,
    pub name: String,
    /// The newest request that changes the result; answers to older ones are dropped.
    pub seq: u32,
    pub result: Option<Res>,
    /// A check was asked for and has not come back yet.
    pub checking: bool,
    /// When the newest edit was made (for the time shown), and the engine's own time.
    pub started: Option<f64>,
    pub engine_ms: f64,
    pub previous: Option<SlotInfo>,
    pub notice: Option<Notice>,
    pub selected: Option<usize>,
    /// The findings the user dismissed for this text: (key, reason).
    pub dismissed: Rc<Vec<(String, String)>>,
    pub batch: Option<Rc<Batch>>,
    pub rule_page: Option<Rc<RulePage>>,
    pub dragging: bool,
    /// Set when a finding was chosen with the keyboard (its button gets the focus).
    pub scroll_to_selection: bool,
    pub repeated_threshold: f64,
    next_id: u32,
}

impl Default for State {
    fn default() -> State {
        State {
            lang: Lang {
                en: browser::load_lang_en(),
            },
            view: View::Single,
            text: Rc::new(String::new()),
            text_version: 0,
            result_text: Rc::new(String::new()),
            name: PASTED_NAME.to_string(),
            seq: 0,
            result: None,
            checking: false,
            started: None,
            engine_ms: 0.0,
            previous: None,
            notice: None,
            selected: None,
            dismissed: Rc::new(Vec::new()),
            batch: None,
            rule_page: None,
            dragging: false,
            scroll_to_selection: false,
            repeated_threshold: browser::load_threshold().unwrap_or(0.5),
            next_id: 0,
        }
    }
}

pub enum Action {
    /// Text typed or pasted as plain text.
    Input(String),
    /// Text restored from the browser's storage at start.
    Restore(String, String),
    SampleLoaded(Result<String, String>),
    Clear,
    /// Files chosen or dropped (into slot 0: one file is read, several make a batch; into slot
    /// 1: last year's report).
    Files {
        files: Files,
        folder: bool,
        slot: u8,
    },
    /// HTML from the clipboard, to be read as a grid-keeping document.
    PasteHtml(String),
    /// Last year's report pasted as text.
    PreviousText(String),
    ClearPrevious,
    Threshold(f64),
    Drag(bool),
    Select(usize),
    Step(i32),
    Lang,
    /// The long-text box could not load: the plain text box is used.
    EditorFailed(String),
    Download(&'static str),
    BatchDownload(&'static str),
    Dismiss(String, String),
    Undismiss(String),
    Explain(String),
    CloseRule,
    Cancel,
    Open(usize),
    Back,
    /// Leaves the batch for the single-report view.
    CloseBatch,
    Sort(Col),
    Filter(String),
    VerdictFilter(String),
    MoreRows,
    Worker(Incoming),
}

/// Sends actions from components.
pub type Dispatch = UseReducerDispatcher<State>;

fn num(v: f64) -> JsValue {
    JsValue::from_f64(v)
}

impl State {
    fn t(&self, zh: &'static str, en: &'static str) -> &'static str {
        self.lang.t(zh, en)
    }

    fn notice(&mut self, error: bool, text: impl Into<String>) {
        self.notice = Some(Notice {
            error,
            text: text.into(),
        });
    }

    fn next_seq(&mut self) -> u32 {
        self.seq += 1;
        self.checking = true;
        self.started = Some(browser::now_ms());
        self.seq
    }

    fn next_id(&mut self) -> u32 {
        self.next_id += 1;
        self.next_id
    }

    fn send_text(&mut self, slot: u8, name: &str, text: &str) {
        let seq = self.next_seq();
        bridge::post(
            "text",
            &[
                ("seq", num(seq as f64)),
                ("slot", num(slot as f64)),
                ("name", name.into()),
                ("text", text.into()),
            ],
        );
    }

    fn set_text(&mut self, text: String, name: &str) {
        self.text = Rc::new(text);
        self.name = name.to_string();
        let t = self.text.clone();
        self.send_text(0, name, &t);
    }

    fn dismissed_json(&self) -> JsValue {
        let pairs: Vec<[&str; 2]> = self
            .dismissed
            .iter()
            .map(|(k, r)| [k.as_str(), r.as_str()])
            .collect();
        serde_json::to_string(&pairs).unwrap_or_default().into()
    }

    fn result_arrived(&mut self, json: &str) {
        self.checking = false;
        self.selected = None;
        if json.is_empty() {
            self.result = None;
            self.dismissed = Rc::new(Vec::new());
            return;
        }
        match serde_json::from_str::<CheckResult>(json) {
            Ok(r) => {
                self.dismissed = Rc::new(browser::load_dismissed(&r.input.sha256));
                self.result = Some(Res(Rc::new(r)));
            }
            Err(e) => {
                let msg = format!(
                    "{}：{e}",
                    self.t("检查结果无法显示", "The result could not be shown")
                );
                self.notice(true, msg);
            }
        }
    }

    fn files(&mut self, files: Files, folder: bool, slot: u8) {
        let n = files.names.len();
        if n == 0 {
            return;
        }
        let size = |i: usize| {
            js_sys::Reflect::get(&bridge::file_at(&files.files, i), &"size".into())
                .ok()
                .and_then(|v| v.as_f64())
                .unwrap_or(0.0)
        };
        let zip = files.names[0].to_lowercase().ends_with(".zip");
        if slot == 1 || (n == 1 && !folder && !zip) {
            let name = files.names[0].clone();
            if size(0) > MAX_FILE {
                let msg = format!(
                    "{name}：{}",
                    self.t(
                        "文件过大（超过64 MB），不像是年度报告",
                        "file too large (over 64 MB) to be a report"
                    )
                );
                self.notice(true, msg);
                return;
            }
            let msg = format!(
                "{name}：{}",
                self.t("正在本机读取…", "reading on this device…")
            );
            self.notice(false, msg);
            let seq = self.next_seq();
            bridge::post(
                "file",
                &[
                    ("seq", num(seq as f64)),
                    ("slot", num(slot as f64)),
                    ("name", name.as_str().into()),
                    ("file", bridge::file_at(&files.files, 0)),
                ],
            );
            return;
        }
        // A batch, in the order of the files' paths.
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&a, &b| files.names[a].cmp(&files.names[b]));
        let list = js_sys::Array::new();
        let names = js_sys::Array::new();
        for &i in &order {
            list.push(&bridge::file_at(&files.files, i));
            names.push(&files.names[i].as_str().into());
        }
        self.notice = None;
        self.view = View::Batch;
        self.batch = Some(Rc::new(Batch {
            rows: Vec::new(),
            done: 0,
            total: n,
            current: String::new(),
            ms: 0.0,
            finished: false,
            cancelled: false,
            sort: Col::Verdict,
            descending: false,
            filter: String::new(),
            verdict_filter: String::new(),
            scroll: 0.0,
            limit: ROWS_SHOWN,
        }));
        bridge::post("batch", &[("files", list.into()), ("names", names.into())]);
    }

    fn worker(&mut self, m: Incoming) {
        match m {
            Incoming::Result {
                seq,
                result,
                ms,
                previous,
            } => {
                if seq != self.seq {
                    return; // an answer to an older text: a newer one is on its way
                }
                self.engine_ms = ms;
                self.previous = previous;
                self.result_text = self.text.clone();
                self.result_arrived(&result);
                if self.view != View::Batch
                    && !self.text.is_empty()
                    && !browser::save_text(&self.text, &self.name)
                {
                    let msg = self.t(
                        "文本较大，浏览器未能保存它；刷新页面后需重新粘贴。",
                        "The text is too large for the browser to keep; after a reload, paste it again.",
                    );
                    self.notice(false, msg);
                }
            }
            Incoming::Loaded {
                seq,
                slot,
                name,
                text,
            } => {
                if slot == 0 && seq == self.seq {
                    self.notice = None;
                    self.text = Rc::new(text);
                    self.text_version += 1;
                    self.name = name;
                    self.view = View::Single;
                } else if slot == 1 {
                    self.notice = None;
                }
            }
            Incoming::Error { slot, name, zh, en } => {
                self.checking = false;
                let why = if self.lang.en { en } else { zh };
                let which = if slot == 1 {
                    self.t("上年报告 ", "last year's report ")
                } else {
                    ""
                };
                self.notice(true, format!("{which}{name}：{why}"));
            }
            Incoming::Failed { message } => {
                self.checking = false;
                let msg = format!(
                    "{}（{message}）",
                    self.t(
                        "检查时出错，已重新启动检查模块；页面仍可使用，请重新粘贴或选择文件",
                        "Checking failed and was restarted; the page still works: paste or choose the file again"
                    )
                );
                self.notice(true, msg);
            }
            Incoming::Download { name, mime, body } => {
                if !browser::download(&name, &mime, &body) {
                    let msg = self.t("浏览器拒绝了下载", "The browser refused the download");
                    self.notice(true, msg);
                }
            }
            Incoming::Explain { page } => {
                self.rule_page = serde_json::from_str::<RulePage>(&page).ok().map(Rc::new);
            }
            Incoming::Progress {
                done,
                total,
                current,
                ms,
                rows,
            } => {
                if let Some(b) = &mut self.batch {
                    let b = Rc::make_mut(b);
                    b.done = done;
                    b.total = total;
                    b.current = current;
                    b.ms = ms;
                    b.rows.extend(
                        rows.iter()
                            .filter_map(|r| serde_json::from_str::<Row>(r).ok()),
                    );
                }
            }
            Incoming::BatchDone {
                cancelled,
                done,
                total,
                ms,
                paired,
            } => {
                if let Some(b) = &mut self.batch {
                    let b = Rc::make_mut(b);
                    b.finished = true;
                    b.cancelled = cancelled;
                    b.done = done;
                    b.total = total;
                    b.ms = ms;
                    b.current.clear();
                    for r in paired
                        .iter()
                        .filter_map(|r| serde_json::from_str::<Row>(r).ok())
                    {
                        if let Some(x) = b.rows.iter_mut().find(|x| x.index == r.index) {
                            *x = r;
                        }
                    }
                }
            }
            Incoming::Opened {
                seq,
                index,
                result,
                text,
                name,
                previous,
            } => {
                if seq != self.seq {
                    return;
                }
                self.view = View::Report(index);
                self.text = Rc::new(text);
                self.text_version += 1;
                self.result_text = self.text.clone();
                self.name = name;
                self.previous = previous;
                self.result_arrived(&result);
            }
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Input(text) => {
                let name = if s.name == SAMPLE_NAME || s.name == PASTED_HTML_NAME {
                    PASTED_NAME.to_string()
                } else {
                    s.name.clone()
                };
                s.notice = None;
                s.set_text(text, &name);
            }
            Action::Restore(text, name) => {
                s.text_version += 1;
                s.set_text(text, &name);
            }
            Action::SampleLoaded(Ok(text)) => {
                s.notice = None;
                s.view = View::Single;
                s.text_version += 1;
                s.set_text(text, SAMPLE_NAME);
            }
            Action::SampleLoaded(Err(e)) => {
                let msg = format!(
                    "{}（{e}）",
                    s.t("示例报告未能载入", "The sample report did not load")
                );
                s.notice(true, msg);
            }
            Action::Clear => {
                browser::forget_text();
                s.text = Rc::new(String::new());
                s.text_version += 1;
                s.name = PASTED_NAME.to_string();
                s.result = None;
                s.selected = None;
                s.view = View::Single;
                let seq = s.next_seq();
                bridge::post("clear", &[("seq", num(seq as f64)), ("slot", num(0.0))]);
                let msg = s.t(
                    "已清除文本，浏览器中不再保存。",
                    "Text cleared and forgotten by this browser.",
                );
                s.notice(false, msg);
            }
            Action::Files {
                files,
                folder,
                slot,
            } => {
                s.dragging = false;
                s.files(files, folder, slot);
            }
            Action::PasteHtml(html) => {
                let msg = s.t("正在读取粘贴的表格…", "reading the pasted tables…");
                s.notice(false, msg);
                let seq = s.next_seq();
                bridge::post(
                    "html",
                    &[
                        ("seq", num(seq as f64)),
                        ("slot", num(0.0)),
                        ("name", PASTED_HTML_NAME.into()),
                        ("html", html.into()),
                    ],
                );
            }
            Action::PreviousText(text) => {
                if text.trim().is_empty() {
                    let seq = s.next_seq();
                    bridge::post("clear", &[("seq", num(seq as f64)), ("slot", num(1.0))]);
                } else {
                    s.send_text(1, PREVIOUS_NAME, &text);
                }
            }
            Action::ClearPrevious => {
                s.previous = None;
                let seq = s.next_seq();
                bridge::post("clear", &[("seq", num(seq as f64)), ("slot", num(1.0))]);
            }
            Action::Threshold(v) => {
                let v = v.clamp(0.05, 1.0);
                s.repeated_threshold = v;
                browser::save_threshold(v);
                let seq = s.next_seq();
                bridge::post(
                    "options",
                    &[
                        ("seq", num(seq as f64)),
                        ("options", format!("{{\"repeated_threshold\":{v}}}").into()),
                    ],
                );
            }
            Action::Drag(on) => s.dragging = on,
            Action::Select(i) => {
                if s.result.as_ref().is_some_and(|r| i < r.findings.len()) {
                    s.selected = Some(i);
                }
            }
            Action::Step(d) => {
                let Some(r) = &s.result else { return self };
                let n = r.findings.len().min(crate::view::MAX_LISTED);
                if n == 0 {
                    return self;
                }
                let next = match s.selected {
                    None if d > 0 => 0,
                    None => n - 1,
                    Some(i) => ((i as i64 + d as i64).rem_euclid(n as i64)) as usize,
                };
                s.selected = Some(next);
                s.scroll_to_selection = true;
            }
            Action::EditorFailed(msg) => {
                let text = format!(
                    "{}（{msg}）",
                    s.t(
                        "长文本编辑框未能载入，改用普通文本框，输入可能较慢",
                        "The box for long texts did not load; the plain text box is used, and typing may be slow"
                    )
                );
                s.notice(true, text);
            }
            Action::Lang => {
                s.lang.en = !s.lang.en;
                browser::save_lang(s.lang.en);
            }
            Action::Download(kind) => {
                let id = s.next_id();
                let d = s.dismissed_json();
                bridge::post(
                    "export",
                    &[
                        ("id", num(id as f64)),
                        ("kind", kind.into()),
                        ("en", s.lang.en.into()),
                        ("dismissed", d),
                    ],
                );
            }
            Action::BatchDownload(kind) => {
                let id = s.next_id();
                bridge::post(
                    "batch-export",
                    &[
                        ("id", num(id as f64)),
                        ("kind", kind.into()),
                        ("dismissed", browser::all_dismissed().into()),
                    ],
                );
            }
            Action::Dismiss(key, reason) => {
                let mut d = (*s.dismissed).clone();
                d.retain(|(k, _)| *k != key);
                d.push((key, reason));
                if let Some(r) = &s.result {
                    browser::save_dismissed(&r.input.sha256, &d);
                }
                s.dismissed = Rc::new(d);
            }
            Action::Undismiss(key) => {
                let mut d = (*s.dismissed).clone();
                d.retain(|(k, _)| *k != key);
                if let Some(r) = &s.result {
                    browser::save_dismissed(&r.input.sha256, &d);
                }
                s.dismissed = Rc::new(d);
            }
            Action::Explain(rule) => {
                let id = s.next_id();
                bridge::post(
                    "explain",
                    &[("id", num(id as f64)), ("rule", rule.as_str().into())],
                );
            }
            Action::CloseRule => s.rule_page = None,
            Action::Cancel => bridge::post("cancel", &[]),
            Action::Open(index) => {
                if let Some(b) = &mut s.batch {
                    Rc::make_mut(b).scroll = browser::scroll_y();
                }
                let seq = s.next_seq();
                bridge::post(
                    "batch-open",
                    &[("seq", num(seq as f64)), ("index", num(index as f64))],
                );
            }
            Action::Back => {
                s.view = View::Batch;
                s.selected = None;
            }
            Action::CloseBatch => {
                s.view = View::Single;
                s.batch = None;
                s.result = None;
                s.text = Rc::new(String::new());
                s.text_version += 1;
                s.name = PASTED_NAME.to_string();
            }
            Action::Sort(col) => {
                if let Some(b) = &mut s.batch {
                    let b = Rc::make_mut(b);
                    if b.sort == col {
                        b.descending = !b.descending;
                    } else {
                        b.sort = col;
                        b.descending = false;
                    }
                }
            }
            Action::Filter(f) => {
                if let Some(b) = &mut s.batch {
                    Rc::make_mut(b).filter = f;
                }
            }
            Action::MoreRows => {
                if let Some(b) = &mut s.batch {
                    Rc::make_mut(b).limit += ROWS_SHOWN;
                }
            }
            Action::VerdictFilter(f) => {
                if let Some(b) = &mut s.batch {
                    Rc::make_mut(b).verdict_filter = f;
                }
            }
            Action::Worker(m) => s.worker(m),
        }
        Rc::new(s)
    }
}
