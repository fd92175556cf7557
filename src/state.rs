//! The page's state and the one reducer that changes it (Yew's `use_reducer`). Components get
//! what they show as props and send [`Action`]s through the [`Dispatch`] context. Every message
//! to the checking worker leaves from here, so the order of requests is the order of actions.

use crate::bridge::{self, Files};
use crate::browser;
use crate::i18n::Lang;
use nianbao::protocol::{
    BatchExportKind, BatchRow, ExportKind, Reason, Reply, Request, SlotInfo, CURRENT, PREVIOUS,
};
use nianbao::result::CheckResult;
use std::rc::Rc;
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

/// One report's row in a batch's roll-up: the engine's `SummaryRow`, through the protocol.
pub type Row = BatchRow;

/// Failing first: unreadable, fail, incomplete, warn, pass.
pub fn rank(r: &Row) -> u8 {
    nianbao::export::verdict_rank(r.verdict)
}

/// The most findings listed at once, and stepped through with the keyboard (the downloads carry
/// all of them).
pub const MAX_LISTED: usize = 300;

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
    Problems,
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
    /// The one unit (its row's index) a click on a chart's point chose, when one did.
    pub unit_filter: Option<usize>,
    /// Where the roll-up was scrolled when a report was opened.
    pub scroll: f64,
    /// The row last opened (back to the roll-up puts the focus on it).
    pub opened: Option<usize>,
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
    /// Why the text was not checked (it is only a web address), shown instead of a result.
    pub refused: Option<Reason>,
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
    /// The user was told that this browser cannot keep what was read (said once).
    told_not_kept: bool,
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
            refused: None,
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
            told_not_kept: false,
            next_id: 0,
        }
    }
}

pub enum Action {
    /// Text typed or pasted as plain text.
    Input(String),
    /// At start: both slots restored from what the browser kept (the worker's IndexedDB), else
    /// the text kept in localStorage.
    Recall,
    SampleLoaded(Result<String, String>),
    Clear,
    /// Files chosen or dropped (into slot 0: one file is read, several make a batch; into slot
    /// 1: last year's report).
    Files {
        files: Files,
        folder: bool,
        slot: u8,
    },
    /// HTML from the clipboard, to be read as a grid-keeping document (into slot 0, or last
    /// year's slot 1).
    PasteHtml(u8, String),
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
    Download(ExportKind),
    BatchDownload(BatchExportKind),
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
    /// A click on a chart (`verdict:fail`, `unit:3`: a mark's `data-filter`).
    ChartFilter(String),
    /// The filter chip's ✕: the verdict and unit filters cleared.
    ClearChartFilter,
    MoreRows,
    Worker(Reply),
}

/// Sends actions from components.
pub type Dispatch = UseReducerDispatcher<State>;

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
        bridge::send(
            &Request::Text {
                seq,
                slot,
                name: name.to_string(),
                text: text.to_string(),
            },
            None,
        );
    }

    fn send_clear(&mut self, slot: u8) {
        let seq = self.next_seq();
        bridge::send(&Request::Clear { seq, slot }, None);
    }

    fn set_text(&mut self, text: String, name: &str) {
        self.text = Rc::new(text);
        self.name = name.to_string();
        let t = self.text.clone();
        self.send_text(CURRENT, name, &t);
    }

    fn result_arrived(&mut self, result: Option<Box<CheckResult>>) {
        self.checking = false;
        self.selected = None;
        match result {
            None => {
                self.result = None;
                self.dismissed = Rc::new(Vec::new());
            }
            Some(r) => {
                self.dismissed = Rc::new(browser::load_dismissed(&r.input.sha256));
                self.result = Some(Res(Rc::new(*r)));
            }
        }
    }

    fn files(&mut self, files: Files, folder: bool, slot: u8) {
        let n = files.names.len();
        if n == 0 {
            return;
        }
        let zip = files.names[0].to_lowercase().ends_with(".zip");
        if slot == PREVIOUS || (n == 1 && !folder && !zip) {
            self.one_file(&files, slot);
        } else {
            self.start_batch(&files);
        }
    }

    /// One file read into a slot (unless it is too large to be a report).
    fn one_file(&mut self, files: &Files, slot: u8) {
        let file = bridge::file_at(&files.files, 0);
        let size = js_sys::Reflect::get(&file, &"size".into())
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0);
        let name = files.names[0].clone();
        if size > MAX_FILE {
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
        let list = js_sys::Array::of1(&file);
        bridge::send(&Request::File { seq, slot, name }, Some(&list.into()));
    }

    /// A batch, in the order of the files' paths.
    fn start_batch(&mut self, files: &Files) {
        let n = files.names.len();
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&a, &b| files.names[a].cmp(&files.names[b]));
        let list = js_sys::Array::new();
        let mut names = Vec::with_capacity(n);
        for &i in &order {
            list.push(&bridge::file_at(&files.files, i));
            names.push(files.names[i].clone());
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
            unit_filter: None,
            scroll: 0.0,
            opened: None,
            limit: ROWS_SHOWN,
        }));
        let dismissed = browser::all_dismissed();
        bridge::send(&Request::Batch { names, dismissed }, Some(&list.into()));
    }

    /// A reply from the worker.
    fn worker(&mut self, m: Reply) {
        match m {
            Reply::Result {
                seq,
                result,
                ms,
                current,
                previous,
                refused,
            } => {
                browser::note_slots_kept(current.is_some() || previous.is_some());
                if seq == self.seq {
                    self.refused = refused;
                }
                self.checked(seq, result, ms, previous);
            }
            Reply::Loaded {
                seq,
                slot,
                name,
                text,
            } => self.loaded(seq, slot, name, text),
            Reply::Error {
                slot, name, error, ..
            } => self.unreadable(slot, &name, error),
            Reply::Failed { message } => {
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
            Reply::Download { download: d, .. } => {
                let saved = if d.bytes.is_empty() {
                    browser::download(&d.name, &d.mime, &d.body)
                } else {
                    browser::download_bytes(&d.name, &d.mime, &d.bytes)
                };
                if !saved {
                    let msg = self.t("浏览器拒绝了下载", "The browser refused the download");
                    self.notice(true, msg);
                }
            }
            Reply::Explain { page, .. } => self.rule_page = page.map(|p| Rc::new(*p)),
            Reply::Progress {
                done,
                total,
                current,
                ms,
                rows,
            } => self.progress(done, total, current, ms, rows),
            Reply::BatchDone {
                cancelled,
                done,
                total,
                ms,
                rows,
                paired,
            } => {
                self.progress(done, total, String::new(), ms, rows);
                self.batch_done(cancelled, paired);
            }
            Reply::Opened {
                seq,
                index,
                result,
                text,
                current,
                previous,
            } => self.opened(seq, index, result, text, current, previous),
            Reply::Restored {
                seq,
                text,
                current,
                previous,
                keeps,
            } => self.restored(seq, text, current, previous, keeps),
            Reply::NotKept { .. } => self.not_kept(),
            Reply::Rows { rows } => self.rows_changed(rows),
        }
    }

    /// After a reload: the slots as they were kept. Slot 0's text and name when it was kept
    /// (its check follows), else the text kept in localStorage is checked as text.
    fn restored(
        &mut self,
        seq: u32,
        text: String,
        current: Option<SlotInfo>,
        previous: Option<SlotInfo>,
        keeps: bool,
    ) {
        self.previous = previous;
        if !keeps {
            self.not_kept();
        }
        if seq != self.seq {
            // The user typed or chose a file meanwhile: that is what is checked.
            return;
        }
        // The text kept in localStorage is the last one checked (written at every check); the
        // worker keeps typing only once it pauses, so a kept document whose text is not that
        // one is older than what was checked: the text is checked instead.
        match (current, browser::load_text()) {
            (Some(c), saved) if saved.as_ref().is_none_or(|(t, _)| *t == text) => {
                self.text = Rc::new(text);
                self.text_version += 1;
                self.name = c.name;
            }
            (_, Some((text, name))) => {
                self.text_version += 1;
                self.set_text(text, &name);
            }
            (_, None) => self.checking = false,
        }
    }

    /// The browser cannot keep what was read (no IndexedDB, over quota): said once.
    fn not_kept(&mut self) {
        if self.told_not_kept {
            return;
        }
        self.told_not_kept = true;
        let msg = self.t(
            "此浏览器无法保存读取的文件（不支持或空间已满）；刷新页面后只会按文本重新检查，表格可能读得不同。",
            "This browser cannot keep the file as read (no storage, or it is full); after a reload only the text is checked again, and tables may read differently.",
        );
        self.notice(false, msg);
    }

    /// A check finished (dropped when it answers an older text: a newer one is on its way).
    fn checked(
        &mut self,
        seq: u32,
        result: Option<Box<CheckResult>>,
        ms: f64,
        previous: Option<SlotInfo>,
    ) {
        if seq != self.seq {
            return;
        }
        self.engine_ms = ms;
        self.previous = previous;
        self.result_text = self.text.clone();
        self.result_arrived(result);
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

    fn loaded(&mut self, seq: u32, slot: u8, name: String, text: String) {
        if slot == CURRENT && seq == self.seq {
            self.notice = None;
            self.text = Rc::new(text);
            self.text_version += 1;
            self.name = name;
            self.view = View::Single;
        } else if slot == PREVIOUS {
            self.notice = None;
        }
    }

    fn unreadable(&mut self, slot: u8, name: &str, error: Reason) {
        self.checking = false;
        let why = if self.lang.en { error.en } else { error.zh };
        let which = if slot == PREVIOUS {
            self.t("上年报告 ", "last year's report ")
        } else {
            ""
        };
        self.notice(true, format!("{which}{name}：{why}"));
    }

    fn progress(&mut self, done: usize, total: usize, current: String, ms: f64, rows: Vec<Row>) {
        if let Some(b) = &mut self.batch {
            let b = Rc::make_mut(b);
            b.done = done;
            b.total = total;
            b.current = current;
            b.ms = ms;
            b.rows.extend(rows);
        }
    }

    fn batch_done(&mut self, cancelled: bool, paired: Vec<Row>) {
        if let Some(b) = &mut self.batch {
            Rc::make_mut(b).finished = true;
            Rc::make_mut(b).cancelled = cancelled;
        }
        self.rows_changed(paired);
    }

    /// Roll-up rows that changed (paired with last year's report, or dismissals changed).
    fn rows_changed(&mut self, rows: Vec<Row>) {
        if let Some(b) = &mut self.batch {
            let b = Rc::make_mut(b);
            for r in rows {
                if let Some(x) = b.rows.iter_mut().find(|x| x.index == r.index) {
                    *x = r;
                }
            }
        }
    }

    fn opened(
        &mut self,
        seq: u32,
        index: usize,
        result: Option<Box<CheckResult>>,
        text: String,
        current: Option<SlotInfo>,
        previous: Option<SlotInfo>,
    ) {
        if seq != self.seq {
            return;
        }
        self.view = View::Report(index);
        self.text = Rc::new(text);
        self.text_version += 1;
        self.result_text = self.text.clone();
        self.name = current.map(|c| c.name).unwrap_or_default();
        self.previous = previous;
        self.result_arrived(result);
    }
}

/// The reducer's steps, by what an action is about.
impl State {
    /// The report's text: typed, restored, the sample, cleared, pasted.
    fn text_action(&mut self, action: Action) {
        match action {
            Action::Input(text) => {
                let name = if self.name == SAMPLE_NAME || self.name == PASTED_HTML_NAME {
                    PASTED_NAME.to_string()
                } else {
                    self.name.clone()
                };
                self.notice = None;
                self.set_text(text, &name);
            }
            // Nothing kept (no text, no last year's report): the worker is not started yet.
            Action::Recall if browser::may_have_kept() => {
                // The threshold the user set is the worker's before the restored check (else
                // the same documents would give another comparison).
                if let Some(v) = browser::load_threshold() {
                    let seq = self.next_seq();
                    let req = Request::Options {
                        seq,
                        repeated_threshold: v,
                    };
                    bridge::send(&req, None);
                }
                let seq = self.next_seq();
                bridge::send(&Request::Restore { seq }, None);
            }
            Action::SampleLoaded(Ok(text)) => {
                self.notice = None;
                self.view = View::Single;
                self.text_version += 1;
                self.set_text(text, SAMPLE_NAME);
            }
            Action::SampleLoaded(Err(e)) => {
                let msg = format!(
                    "{}（{e}）",
                    self.t("示例报告未能载入", "The sample report did not load")
                );
                self.notice(true, msg);
            }
            Action::Clear => self.clear(),
            Action::PasteHtml(slot, html) => {
                let msg = self.t("正在读取粘贴的表格…", "reading the pasted tables…");
                self.notice(false, msg);
                let seq = self.next_seq();
                let name = if slot == PREVIOUS {
                    PREVIOUS_NAME.replace(".txt", ".html")
                } else {
                    PASTED_HTML_NAME.to_string()
                };
                bridge::send(
                    &Request::Html {
                        seq,
                        slot,
                        name,
                        html,
                    },
                    None,
                );
            }
            Action::PreviousText(text) => {
                if text.trim().is_empty() {
                    self.send_clear(PREVIOUS);
                } else {
                    self.send_text(PREVIOUS, PREVIOUS_NAME, &text);
                }
            }
            Action::ClearPrevious => {
                self.previous = None;
                self.send_clear(PREVIOUS);
            }
            _ => {}
        }
    }

    fn clear(&mut self) {
        browser::forget_text();
        self.text = Rc::new(String::new());
        self.text_version += 1;
        self.name = PASTED_NAME.to_string();
        self.result = None;
        self.selected = None;
        self.view = View::Single;
        self.send_clear(CURRENT);
        let msg = self.t(
            "已清除文本，浏览器中不再保存。",
            "Text cleared and forgotten by this browser.",
        );
        self.notice(false, msg);
    }

    /// The findings: chosen, stepped through, dismissed, explained; downloads.
    fn finding_action(&mut self, action: Action) {
        match action {
            Action::Select(i) if self.result.as_ref().is_some_and(|r| i < r.findings.len()) => {
                self.selected = Some(i);
            }
            Action::Step(d) => self.step(d),
            Action::Download(kind) => {
                let id = self.next_id();
                let req = Request::Export {
                    id,
                    kind,
                    en: self.lang.en,
                    dismissed: (*self.dismissed).clone(),
                };
                bridge::send(&req, None);
            }
            Action::Dismiss(key, reason) => {
                let mut d = (*self.dismissed).clone();
                d.retain(|(k, _)| *k != key);
                d.push((key, reason));
                self.set_dismissed(d);
            }
            Action::Undismiss(key) => {
                let mut d = (*self.dismissed).clone();
                d.retain(|(k, _)| *k != key);
                self.set_dismissed(d);
            }
            Action::Explain(rule) => {
                let id = self.next_id();
                bridge::send(&Request::Explain { id, rule }, None);
            }
            Action::CloseRule => self.rule_page = None,
            _ => {}
        }
    }

    /// The next (d > 0) or previous finding listed, chosen with the keyboard.
    fn step(&mut self, d: i32) {
        let Some(r) = &self.result else { return };
        let n = r.findings.len().min(MAX_LISTED);
        if n == 0 {
            return;
        }
        let next = match self.selected {
            None if d > 0 => 0,
            None => n - 1,
            Some(i) => ((i as i64 + d as i64).rem_euclid(n as i64)) as usize,
        };
        self.selected = Some(next);
        self.scroll_to_selection = true;
    }

    fn set_dismissed(&mut self, d: Vec<(String, String)>) {
        if let Some(r) = &self.result {
            browser::save_dismissed(&r.input.sha256, &d);
            if self.batch.is_some() {
                // The roll-up's rows of this text follow.
                let req = Request::Dismissed {
                    sha256: r.input.sha256.clone(),
                    dismissed: d.clone(),
                };
                bridge::send(&req, None);
            }
        }
        self.dismissed = Rc::new(d);
    }

    /// The batch: cancel, open a report and come back, close, sort, filter, download.
    fn batch_action(&mut self, action: Action) {
        match action {
            Action::Cancel => bridge::send(&Request::Cancel, None),
            Action::Open(index) => {
                if let Some(b) = &mut self.batch {
                    let b = Rc::make_mut(b);
                    b.scroll = browser::scroll_y();
                    b.opened = Some(index);
                }
                let seq = self.next_seq();
                bridge::send(&Request::BatchOpen { seq, index }, None);
            }
            Action::Back => {
                self.view = View::Batch;
                self.selected = None;
            }
            Action::CloseBatch => {
                if matches!(self.view, View::Report(_)) {
                    // The report opened in the slots is not kept past the batch.
                    self.send_clear(CURRENT);
                    self.checking = false;
                }
                self.view = View::Single;
                self.batch = None;
                self.result = None;
                self.text = Rc::new(String::new());
                self.text_version += 1;
                self.name = PASTED_NAME.to_string();
            }
            Action::BatchDownload(kind) => {
                let id = self.next_id();
                let req = Request::BatchExport {
                    id,
                    kind,
                    dismissed: browser::all_dismissed(),
                    en: self.lang.en,
                };
                bridge::send(&req, None);
            }
            other => {
                if let Some(b) = &mut self.batch {
                    table_action(Rc::make_mut(b), other);
                }
            }
        }
    }
}

/// The roll-up table: sorted, filtered, more rows shown.
fn table_action(b: &mut Batch, action: Action) {
    match action {
        Action::Sort(col) => {
            if b.sort == col {
                b.descending = !b.descending;
            } else {
                b.sort = col;
                b.descending = false;
            }
        }
        Action::Filter(f) => b.filter = f,
        Action::MoreRows => b.limit += ROWS_SHOWN,
        Action::VerdictFilter(f) => b.verdict_filter = f,
        Action::ChartFilter(f) => {
            if let Some(v) = f.strip_prefix("verdict:") {
                b.verdict_filter = v.to_string();
                b.unit_filter = None;
            } else if let Some(i) = f.strip_prefix("unit:").and_then(|i| i.parse().ok()) {
                b.unit_filter = Some(i);
                b.verdict_filter.clear();
            }
        }
        Action::ClearChartFilter => {
            b.verdict_filter.clear();
            b.unit_filter = None;
        }
        _ => {}
    }
}

fn has_no_findings(s: &State) -> bool {
    s.result.as_ref().is_none_or(|r| r.findings.is_empty())
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        if let Action::Step(_) = action {
            if has_no_findings(&self) {
                return self;
            }
        }
        let mut s = (*self).clone();
        match action {
            a @ (Action::Input(_)
            | Action::Recall
            | Action::SampleLoaded(_)
            | Action::Clear
            | Action::PasteHtml(..)
            | Action::PreviousText(_)
            | Action::ClearPrevious) => s.text_action(a),
            Action::Files {
                files,
                folder,
                slot,
            } => {
                s.dragging = false;
                s.files(files, folder, slot);
            }
            Action::Threshold(v) => {
                let v = v.clamp(0.05, 1.0);
                s.repeated_threshold = v;
                browser::save_threshold(v);
                let seq = s.next_seq();
                bridge::send(
                    &Request::Options {
                        seq,
                        repeated_threshold: v,
                    },
                    None,
                );
            }
            Action::Drag(on) => s.dragging = on,
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
            a @ (Action::Select(_)
            | Action::Step(_)
            | Action::Download(_)
            | Action::Dismiss(..)
            | Action::Undismiss(_)
            | Action::Explain(_)
            | Action::CloseRule) => s.finding_action(a),
            Action::Worker(m) => s.worker(m),
            a => s.batch_action(a),
        }
        Rc::new(s)
    }
}
