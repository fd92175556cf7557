//! The engine module: the page's checking, downloads and batch, with its state kept here between
//! calls (the worker runs one call at a time). It answers the page's [`Request`]s with
//! [`Reply`]s (`nianbao::protocol`).
//!
//! - Two slots: 0 is the report being checked, 1 last year's (optional). Each holds a
//!   [`Document`]: plain text the user typed, or what a reader made of a file (with its grids).
//! - The last result, for the downloads.
//! - A batch: each file's document and result (or why it could not be read), for the roll-up,
//!   opening one report, pairing reports with last year's, and the batch downloads.

use crate::{from_js, legacy, now_ms, to_js};
use nianbao::document::Document;
use nianbao::export::{self, SummaryRow};
use nianbao::issues;
use nianbao::protocol::{
    Answer, BatchExportKind, BatchRow, Dismissal, Download, ExportKind, Kept, Reason, Reply,
    Request, SimilarRow, SlotInfo, Unzipped, XlsxJob, XlsxSheet,
};
use nianbao::read::{InputKind, ReadError};
use nianbao::result::CheckResult;
use nianbao::Options;
use std::cell::RefCell;
use std::collections::BTreeMap;
use wasm_bindgen::prelude::*;

/// A text longer than this (UTF-16 units) is checked once typing pauses for [`PAUSE`] ms, so
/// that results (and the page's rendering of them) do not arrive between keystrokes.
const LONG: usize = 200_000;
const PAUSE: f64 = 300.0;

struct Slot {
    name: String,
    doc: Document,
}

struct Item {
    file: String,
    doc: Option<Document>,
    result: Option<CheckResult>,
    error: Option<ReadError>,
    /// The batch item that is this report's last year, when pairing found one.
    previous: Option<usize>,
    /// What pairing found (paired with which file, or why not), in Chinese and English.
    pairing: Option<(String, String)>,
    /// Its 雷同 group, when it is in one.
    similar: Option<SimilarRow>,
}

/// A file waiting in the batch's queue: its name, or why it could not be taken out of its
/// archive.
struct Queued {
    name: String,
    error: Option<ReadError>,
}

#[derive(Default)]
struct State {
    slots: [Option<Slot>; 2],
    options: Option<Options>,
    last: Option<CheckResult>,
    /// What a reader module reads next: a file's name, or pasted HTML.
    reader_input: String,
    /// When the last request wants a check: after this many ms (None: no check).
    check_after: Option<f64>,
    batch: Vec<Item>,
    queue: Vec<Queued>,
    /// The batch's rows not yet sent, and when it started.
    unsent: Vec<usize>,
    started: f64,
    /// The findings the user dismissed, by the result's sha256 (the batch's rows follow them).
    dismissed: BTreeMap<String, Vec<Dismissal>>,
    /// The slots changed since the browser last kept them (bit 0: slot 0, bit 1: slot 1).
    dirty: u8,
    /// The last request was typing (what it changed is kept once typing pauses).
    typed: bool,
    /// A workbook download for the `xlsx` module ([`xlsx_job`]).
    xlsx_job: Option<XlsxJob>,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State::default());
}

fn with<T>(f: impl FnOnce(&mut State) -> T) -> T {
    STATE.with(|s| f(&mut s.borrow_mut()))
}

fn slot_index(slot: u8) -> usize {
    usize::from(slot.min(1))
}

/// The reader module a file's bytes need: "office" (Word, old Word/WPS compound files, web
/// page), "pdf", "zip", or "" (the engine reads it: text, or a form the text reader refuses
/// with its message).
fn reader_of(bytes: &[u8], name: &str) -> &'static str {
    match nianbao::read::sniff(bytes, name, None) {
        InputKind::Docx | InputKind::LegacyOffice | InputKind::Html => "office",
        InputKind::Pdf => "pdf",
        InputKind::Zip => "zip",
        _ => "",
    }
}

/// The module that must read what a request carries before [`handle`] takes it: "office",
/// "pdf", or "" (none: the engine reads it, or there is nothing to read). What that module
/// reads (the file's name, or the pasted HTML) is then [`reader_input`].
#[wasm_bindgen]
pub fn reader(request: JsValue, bytes: Option<Vec<u8>>) -> String {
    let (kind, input) = match from_js::<Request>(&request) {
        Some(Request::Html { html, .. }) => ("office", html),
        Some(Request::File { name, .. }) => match reader_of(&bytes.unwrap_or_default(), &name) {
            "zip" => ("", String::new()),
            r => (r, name),
        },
        _ => ("", String::new()),
    };
    with(|s| s.reader_input = input);
    kind.to_string()
}

/// What the module [`reader`] named reads (once): the file's name, or the pasted HTML.
#[wasm_bindgen]
pub fn reader_input() -> String {
    with(|s| std::mem::take(&mut s.reader_input))
}

/// Takes a request (with a file's `bytes` when the engine reads it itself, or the reader
/// module's `answer`) and returns its reply, or undefined when it has none. Then
/// [`check_delay`] says whether a check is due.
#[wasm_bindgen]
pub fn handle(request: JsValue, bytes: Option<Vec<u8>>, answer: JsValue) -> JsValue {
    let Some(req) = from_js::<Request>(&request) else {
        return JsValue::UNDEFINED;
    };
    let answer = from_js::<Answer>(&answer);
    with(|s| {
        s.check_after = None;
        s.typed = matches!(req, Request::Text { .. });
        s.reply(req, bytes, answer)
    })
    .map_or(JsValue::UNDEFINED, |r| to_js(&r))
}

/// After [`handle`]: in how many ms the slots should be checked, or -1 when the request
/// changed nothing a check shows.
#[wasm_bindgen]
pub fn check_delay() -> f64 {
    with(|s| s.check_after.unwrap_or(-1.0))
}

/// Checks slot 0 (against slot 1 when it holds last year's report): the [`Reply::Result`]
/// answering request `seq` (no result when slot 0 is empty).
#[wasm_bindgen]
pub fn check(seq: u32) -> JsValue {
    let t0 = now_ms();
    let reply = with(|s| {
        // Only a web address: the message, and no verdict.
        let refused = s.slots[0]
            .as_ref()
            .and_then(|c| nianbao::read::link::only_links(&c.doc.text));
        let result = if refused.is_some() {
            s.last = None;
            None
        } else {
            s.check().map(Box::new)
        };
        Reply::Result {
            seq,
            result,
            ms: now_ms() - t0,
            current: s.slot_info(0),
            previous: s.slot_info(1),
            refused: refused.map(Into::into),
        }
    });
    to_js(&reply)
}

impl State {
    fn reply(
        &mut self,
        req: Request,
        bytes: Option<Vec<u8>>,
        answer: Option<Answer>,
    ) -> Option<Reply> {
        match req {
            Request::Text {
                seq,
                slot,
                name,
                text,
            } => {
                // Last year's box holding only a web address: said, as for a file that could
                // not be read; the slot is emptied (nothing to compare with) and the report
                // is checked alone.
                if slot_index(slot) == 1 {
                    if let Some(e) = nianbao::read::link::only_links(&text) {
                        self.slots[1] = None;
                        self.dirty |= 1 << 1;
                        self.check_after = Some(0.0);
                        return Some(Reply::Error {
                            seq,
                            slot,
                            name,
                            error: e.into(),
                        });
                    }
                }
                let long = text.len() > LONG && text.encode_utf16().count() > LONG;
                self.set_text(slot, name, &text);
                self.check_after = Some(if long { PAUSE } else { 0.0 });
                None
            }
            Request::File {
                seq, slot, name, ..
            } => {
                let read = match answer {
                    Some(a) => a.into(),
                    None => nianbao::read::read(&bytes.unwrap_or_default(), &name, None, &legacy),
                };
                Some(self.load(seq, slot, name, read))
            }
            Request::Html {
                seq, slot, name, ..
            } => {
                let read = answer.map_or_else(|| Err(unreadable_answer()), Into::into);
                Some(self.load(seq, slot, name, read))
            }
            Request::Clear { slot, .. } => {
                self.slots[slot_index(slot)] = None;
                self.dirty |= 1 << slot_index(slot);
                if slot == 0 {
                    self.last = None;
                }
                self.check_after = Some(0.0);
                None
            }
            Request::Options {
                repeated_threshold, ..
            } => {
                self.options = Some(Options {
                    repeated_threshold: repeated_threshold.clamp(0.0, 1.0),
                    ..Options::default()
                });
                self.check_after = Some(0.0);
                None
            }
            Request::Export {
                id,
                kind,
                en,
                dismissed,
            } => self
                .result_download(kind, en, &dismissed)
                .map(|download| Reply::Download { id, download }),
            Request::Explain { id, rule } => Some(Reply::Explain {
                id,
                page: nianbao::rules::pages::page_data(&rule).map(Box::new),
            }),
            Request::Batch { names, dismissed } => {
                self.dismissed = dismissed;
                self.batch_start(names);
                None
            }
            Request::Dismissed { sha256, dismissed } => self.dismissed_changed(sha256, dismissed),
            // Answered by [`restore`], which gets what the browser kept.
            Request::Restore { .. } => None,
            Request::BatchOpen { seq, index } => self.batch_open(seq, index),
            Request::BatchExport {
                id,
                kind,
                dismissed,
                en,
            } => {
                let download = self.batch_export(kind, &dismissed, en);
                // A workbook: the CSVs go to the `xlsx` module, which answers.
                if matches!(
                    kind,
                    BatchExportKind::SummaryXlsx
                        | BatchExportKind::IssuesXlsx
                        | BatchExportKind::IssuesXlsxZip
                ) {
                    self.xlsx_job = Some(make_xlsx_job(id, kind, download, en));
                    return None;
                }
                Some(Reply::Download { id, download })
            }
            Request::Cancel => None,
        }
    }

    /// Puts plain text into a slot (what the user typed or pasted).
    fn set_text(&mut self, slot: u8, name: String, text: &str) {
        let i = slot_index(slot);
        // Unchanged text keeps the document a reader made (and its grids).
        if let Some(cur) = &mut self.slots[i] {
            if cur.doc.text == text {
                cur.name = name;
                return;
            }
        }
        self.slots[i] = Some(Slot {
            name,
            doc: Document::from_text(text, "utf-8"),
        });
        self.dirty |= 1 << i;
    }

    /// Puts what was read into a slot: [`Reply::Loaded`] with its text, or [`Reply::Error`]
    /// (the slot keeps what it had, no check is due).
    fn load(
        &mut self,
        seq: u32,
        slot: u8,
        name: String,
        read: Result<Document, ReadError>,
    ) -> Reply {
        match read {
            Ok(doc) => {
                let text = doc.text.clone();
                self.slots[slot_index(slot)] = Some(Slot {
                    name: name.clone(),
                    doc,
                });
                self.dirty |= 1 << slot_index(slot);
                self.check_after = Some(0.0);
                Reply::Loaded {
                    seq,
                    slot,
                    name,
                    text,
                }
            }
            Err(e) => Reply::Error {
                seq,
                slot,
                name,
                error: e.into(),
            },
        }
    }

    /// What the page shows about a slot.
    fn slot_info(&self, slot: u8) -> Option<SlotInfo> {
        self.slots[slot_index(slot)].as_ref().map(|x| SlotInfo {
            name: x.name.clone(),
            chars: x.doc.text.chars().count(),
            form: x.doc.form,
            grids: x.doc.tables.len(),
        })
    }

    /// Checks slot 0 (against slot 1 when it holds last year's report); None when it is empty.
    fn check(&mut self) -> Option<CheckResult> {
        let cur = self.slots[0]
            .as_ref()
            .filter(|c| !c.doc.text.trim().is_empty());
        let Some(cur) = cur else {
            self.last = None;
            return None;
        };
        let options = self.options.unwrap_or_default();
        let prev = self.slots[1].as_ref().map(|p| (p.name.as_str(), &p.doc));
        let r = nianbao::check_with(&cur.name, &cur.doc, prev, &options);
        self.last = Some(r.clone());
        Some(r)
    }

    /// A download of the last result, in English when `en`, marked with the findings the user
    /// dismissed; None when nothing was checked yet.
    fn result_download(
        &mut self,
        kind: ExportKind,
        en: bool,
        dismissed: &[Dismissal],
    ) -> Option<Download> {
        let r = self.last.as_mut()?;
        r.dismiss(dismissed);
        let stem = export::file_stem(r);
        Some(match kind {
            ExportKind::Json => download(
                format!("{stem}.json"),
                "application/json",
                export::json_line(r),
            ),
            ExportKind::Csv => download(
                format!("{stem}.csv"),
                "text/csv;charset=utf-8",
                export::csv(&[r], en),
            ),
            ExportKind::Html => download(
                format!("{stem}.html"),
                "text/html;charset=utf-8",
                export::html(r, en),
            ),
        })
    }
}

fn unreadable_answer() -> ReadError {
    ReadError::new(
        "读取结果无法解析",
        "the reader's answer could not be parsed",
    )
}

fn download(name: String, mime: &str, body: String) -> Download {
    Download {
        name,
        mime: mime.to_string(),
        body,
        bytes: Vec::new(),
    }
}

// ----- batch -----

/// The batch's row of item `i`.
/// An item's roll-up row with what pairing found; `reason` is an unreadable file's reason.
fn summary(it: &Item, reason: String) -> SummaryRow {
    let mut row = match &it.result {
        Some(r) => SummaryRow::from_result(r, &it.file),
        None => SummaryRow::unreadable(&it.file, &reason),
    };
    if let Some((zh, en)) = &it.pairing {
        row.pairing = Some(zh.clone());
        row.pairing_en = Some(en.clone());
    }
    row
}

fn row(i: usize, it: &Item, items: &[Item]) -> BatchRow {
    let mut row = summary(
        it,
        it.error.as_ref().map(|e| e.zh.clone()).unwrap_or_default(),
    );
    row.reason_en = it.error.as_ref().map(|e| e.en.clone());
    BatchRow {
        index: i,
        previous: it.previous.map(|p| items[p].file.clone()),
        row,
        similar_group: it.similar.clone(),
    }
}

impl State {
    /// Starts a new batch of the files `names` (the old one's results are dropped).
    fn batch_start(&mut self, names: Vec<String>) {
        self.batch.clear();
        self.unsent.clear();
        self.queue = names
            .into_iter()
            .map(|name| Queued { name, error: None })
            .collect();
        self.started = now_ms();
    }

    fn batch_push(&mut self, file: String, read: Result<Document, ReadError>) {
        let options = self.options.unwrap_or_default();
        let item = match read {
            Ok(doc) => Item {
                result: Some(self.dismissed_in(nianbao::check_with(&file, &doc, None, &options))),
                file,
                doc: Some(doc),
                error: None,
                previous: None,
                pairing: None,
                similar: None,
            },
            Err(e) => Item {
                file,
                doc: None,
                result: None,
                error: Some(e),
                previous: None,
                pairing: None,
                similar: None,
            },
        };
        self.batch.push(item);
        self.unsent.push(self.batch.len() - 1);
    }

    /// The rows added since the last call.
    fn take_rows(&mut self) -> Vec<BatchRow> {
        std::mem::take(&mut self.unsent)
            .into_iter()
            .map(|i| row(i, &self.batch[i], &self.batch))
            .collect()
    }

    /// Pairs each report with the same agency's report of the year before, when the batch has
    /// it (`nianbao::pairing`: names written differently, any input form), and checks it again
    /// against that one (carry-over, 现行有效 counts, repeated text, the rates' change); every
    /// row says what pairing found. Returns the changed rows.
    fn batch_pair(&mut self) -> Vec<BatchRow> {
        use nianbao::pairing::{pair_batch, who};
        let options = self.options.unwrap_or_default();
        let found = {
            let reports: Vec<_> = self
                .batch
                .iter()
                .map(|it| it.result.as_ref().map(who))
                .collect();
            pair_batch(&reports, |j| self.batch[j].file.as_str())
        };
        let mut changed = Vec::new();
        for (i, p) in found.into_iter().enumerate() {
            let (said, prev) = (p.said, p.previous);
            if self.batch[i].pairing == said && self.batch[i].previous == prev {
                continue;
            }
            if let Some(j) = prev.filter(|&j| self.batch[i].previous != Some(j)) {
                if let (Some(doc), Some(pdoc)) = (&self.batch[i].doc, &self.batch[j].doc) {
                    let r = nianbao::check_with(
                        &self.batch[i].file,
                        doc,
                        Some((&self.batch[j].file, pdoc)),
                        &options,
                    );
                    let r = self.dismissed_in(r);
                    self.batch[i].result = Some(r);
                }
            }
            self.batch[i].previous = prev;
            self.batch[i].pairing = said;
            changed.push(i);
        }
        changed.extend(self.batch_similar(nianbao::similar::DEFAULT_THRESHOLD));
        changed.sort_unstable();
        changed.dedup();
        changed
            .into_iter()
            .map(|i| row(i, &self.batch[i], &self.batch))
            .collect()
    }

    /// 雷同 between units: the batch's reports whose prose is largely another unit's report of
    /// the year ([`nianbao::similar::groups`], as the command line) get the rule
    /// `text-repeated-between-units` (a result already marked is left as it is). Returns the
    /// items marked.
    fn batch_similar(&mut self, threshold: f64) -> Vec<usize> {
        use nianbao::similar::{groups, Entry, Sketch};
        let sketches: Vec<Option<Sketch>> = self
            .batch
            .iter()
            .map(|it| it.doc.as_ref().map(|d| Sketch::of(&d.text)))
            .collect();
        let found = {
            let entries: Vec<Option<Entry>> = self
                .batch
                .iter()
                .zip(&sketches)
                .map(|(it, s)| {
                    let r = it.result.as_ref()?;
                    Some(Entry {
                        agency: r.meta.agency.as_deref(),
                        year: r.meta.year,
                        sketch: s.as_ref()?,
                    })
                })
                .collect();
            groups(&entries, threshold)
        };
        let mut marked = Vec::new();
        for m in found.iter().flat_map(|g| &g.members) {
            let named: Vec<(String, Option<String>, f64, usize)> = m
                .others
                .iter()
                .map(|&(j, share)| {
                    let it = &self.batch[j];
                    let agency = it.result.as_ref().and_then(|r| r.meta.agency.clone());
                    (it.file.clone(), agency, share, j)
                })
                .collect();
            let others: Vec<nianbao::rules::SimilarOther> = named
                .iter()
                .map(|(name, agency, share, j)| nianbao::rules::SimilarOther {
                    name,
                    agency: agency.as_deref(),
                    share: *share,
                    pieces: sketches[*j].as_ref().map_or(&[][..], |s| &s.pieces),
                })
                .collect();
            let it = &mut self.batch[m.index];
            let (Some(r), Some(doc)) = (it.result.as_mut(), it.doc.as_ref()) else {
                continue;
            };
            if r.similar.is_some() {
                continue;
            }
            let text = nianbao::normalize::Text::new(&doc.text);
            nianbao::rules::mark_similar(r, &text, m.share, &others, threshold);
            if let Some(d) = self.dismissed.get(&r.input.sha256) {
                r.dismiss(d);
            }
            let passages = r
                .similar
                .as_ref()
                .map_or(Vec::new(), |s| passage_texts(&text, &s.passages));
            it.similar = Some(SimilarRow {
                share: m.share,
                with: m.others.iter().map(|o| o.0).collect(),
                passages,
            });
            marked.push(m.index);
        }
        marked
    }

    /// A result with the findings the user dismissed for its text marked (and what is left).
    fn dismissed_in(&self, mut r: CheckResult) -> CheckResult {
        if let Some(d) = self.dismissed.get(&r.input.sha256) {
            r.dismiss(d);
        }
        r
    }

    /// The user's dismissals for one text changed: the batch's reports of that text follow;
    /// their new rows ([`Reply::Rows`]), None when the batch has none.
    fn dismissed_changed(&mut self, sha256: String, dismissed: Vec<Dismissal>) -> Option<Reply> {
        let mut changed = Vec::new();
        for (i, it) in self.batch.iter_mut().enumerate() {
            if let Some(r) = it.result.as_mut().filter(|r| r.input.sha256 == sha256) {
                r.dismiss(&dismissed);
                changed.push(i);
            }
        }
        if dismissed.is_empty() {
            self.dismissed.remove(&sha256);
        } else {
            self.dismissed.insert(sha256, dismissed);
        }
        if changed.is_empty() {
            return None;
        }
        let rows = changed
            .into_iter()
            .map(|i| row(i, &self.batch[i], &self.batch))
            .collect();
        Some(Reply::Rows { rows })
    }

    /// Opens a batch report in the slots (its last year's in slot 1 when paired).
    fn batch_open(&mut self, seq: u32, index: usize) -> Option<Reply> {
        let it = self.batch.get(index)?;
        let (Some(doc), Some(r)) = (&it.doc, &it.result) else {
            return None;
        };
        let prev = it.previous.and_then(|p| {
            let p = &self.batch[p];
            Some(Slot {
                name: p.file.clone(),
                doc: p.doc.clone()?,
            })
        });
        let slot = Slot {
            name: it.file.clone(),
            doc: doc.clone(),
        };
        let r = r.clone();
        let text = slot.doc.text.clone();
        self.slots = [Some(slot), prev];
        self.dirty = 3;
        self.last = Some(r.clone());
        Some(Reply::Opened {
            seq,
            index,
            result: Some(Box::new(r)),
            text,
            current: self.slot_info(0),
            previous: self.slot_info(1),
        })
    }

    /// A batch download, marked with the findings the user dismissed (by the result's sha256),
    /// in English when `en`.
    fn batch_export(
        &mut self,
        kind: BatchExportKind,
        dismissed: &BTreeMap<String, Vec<Dismissal>>,
        en: bool,
    ) -> Download {
        for it in &mut self.batch {
            if let Some(r) = &mut it.result {
                let d = dismissed.get(&r.input.sha256).map_or(&[][..], |v| &v[..]);
                r.dismiss(d);
            }
        }
        match kind {
            BatchExportKind::Summary | BatchExportKind::SummaryXlsx => download(
                if en { "roll-up.csv" } else { "汇总.csv" }.into(),
                "text/csv;charset=utf-8",
                export::summary_csv(&self.summary_rows(), en),
            ),
            BatchExportKind::Report => download(
                if en {
                    "batch-report.html"
                } else {
                    "批量检查报告.html"
                }
                .into(),
                "text/html;charset=utf-8",
                self.batch_report(en),
            ),
            BatchExportKind::Jsonl => {
                download("results.jsonl".into(), "application/x-ndjson", self.jsonl())
            }
            BatchExportKind::Issues | BatchExportKind::IssuesXlsx => download(
                if en { "issues.csv" } else { "问题清单.csv" }.into(),
                "text/csv;charset=utf-8",
                issues::combined(&self.issue_units(en), en),
            ),
            BatchExportKind::IssuesZip => self.issues_zip(en),
            BatchExportKind::Cells => download(
                if en { "cells.csv" } else { "数据集.csv" }.into(),
                "text/csv;charset=utf-8",
                self.cells(),
            ),
            // The CSVs, one per unit, in `body` (JSON): the `xlsx` module makes the workbooks.
            BatchExportKind::IssuesXlsxZip => {
                let files: Vec<(String, String)> = issues::per_unit(&self.issue_units(en), en)
                    .into_iter()
                    .map(|(n, b)| (n, String::from_utf8_lossy(&b).into_owned()))
                    .collect();
                download(
                    String::new(),
                    "",
                    serde_json::to_string(&files).unwrap_or_default(),
                )
            }
        }
    }

    /// The roll-up's rows; an unreadable file's reason in both languages.
    fn summary_rows(&self) -> Vec<SummaryRow> {
        self.batch
            .iter()
            .enumerate()
            .map(|(i, it)| row(i, it, &self.batch).row)
            .collect()
    }

    /// The dataset of every cell: the command line's `--cells` for the same files.
    fn cells(&self) -> String {
        let mut body = nianbao::dataset::header();
        for it in &self.batch {
            match (&it.result, &it.error) {
                (Some(r), _) => body.push_str(&nianbao::dataset::row(r, &it.file)),
                (None, e) => body.push_str(&nianbao::dataset::unreadable(
                    &it.file,
                    e.as_ref().map_or("", |e| e.zh.as_str()),
                )),
            }
        }
        body
    }

    /// The printable batch report: the roll-up's rows (numbered by batch order, as the page's
    /// rows) and each result's rules, the user's dismissals left out.
    fn batch_report(&self, en: bool) -> String {
        let rows = self.summary_rows();
        let units: Vec<(usize, &SummaryRow)> = rows.iter().enumerate().collect();
        let mut tally = nianbao::batchreport::RuleTally::default();
        for r in self.batch.iter().filter_map(|it| it.result.as_ref()) {
            tally.add(&nianbao::batchreport::rule_hits(r));
        }
        nianbao::batchreport::batch_html(&units, &tally, &self.options.unwrap_or_default(), en)
    }

    /// Every result, one JSON per line; an unreadable file's line says why.
    fn jsonl(&self) -> String {
        let mut body = String::new();
        for it in &self.batch {
            match &it.result {
                Some(r) => body.push_str(&export::json_line(r)),
                None => {
                    let e = it.error.clone().unwrap_or(ReadError::new("", ""));
                    let line = UnreadableLine {
                        error: ReasonLine {
                            en: &e.en,
                            zh: &e.zh,
                        },
                        input: NameLine { name: &it.file },
                    };
                    body.push_str(&serde_json::to_string(&line).unwrap_or_default());
                    body.push('\n');
                }
            }
        }
        body
    }

    /// The 问题清单 per unit as a .zip; too many units for one zip: a note saying so (nothing
    /// packed wrong).
    fn issues_zip(&self, en: bool) -> Download {
        match issues::zip_stored(&issues::per_unit(&self.issue_units(en), en)) {
            Some(bytes) => Download {
                name: if en {
                    "issues-by-unit.zip"
                } else {
                    "问题清单（按单位）.zip"
                }
                .into(),
                mime: "application/zip".into(),
                body: String::new(),
                bytes,
            },
            None => download(
                if en {
                    "issues-by-unit.txt"
                } else {
                    "问题清单（按单位）.txt"
                }
                .into(),
                "text/plain;charset=utf-8",
                if en {
                    "Too many units for one zip (more than 65,535 files): download the combined issue list, or use the command line's --issues-dir.\n"
                } else {
                    "单位过多（超过65,535个文件），无法打包为一个zip：请下载合并的问题清单，或使用命令行的 --issues-dir。\n"
                }
                .into(),
            ),
        }
    }

    /// The 问题清单's units: each report's findings with their places in its document, and a
    /// row for each file that could not be read.
    fn issue_units(&self, en: bool) -> Vec<issues::UnitIssues> {
        let unknown = ReadError::new("", "");
        self.batch
            .iter()
            .map(|it| match (&it.result, &it.doc) {
                (Some(r), Some(doc)) => issues::unit(r, &it.file, doc, en),
                _ => issues::unreadable(&it.file, it.error.as_ref().unwrap_or(&unknown), en),
            })
            .collect()
    }
}

/// The first shared passages' text (at most three, each up to 60 characters), by line.
fn passage_texts(
    text: &nianbao::normalize::Text,
    spans: &[nianbao::result::Span],
) -> Vec<(usize, String)> {
    spans
        .iter()
        .filter(|s| s.end > s.start)
        .take(3)
        .filter_map(|s| {
            let line = text.lines.iter().find(|l| l.no == s.line)?;
            let t: String = line
                .text
                .chars()
                .skip(s.start.saturating_sub(1))
                .take((s.end + 1 - s.start).min(60))
                .collect();
            Some((s.line, t))
        })
        .collect()
}

/// The workbook download of `kind` from the CSV download the engine made of it.
fn make_xlsx_job(id: u32, kind: BatchExportKind, csv: Download, en: bool) -> XlsxJob {
    let (sheet, zip) = match kind {
        BatchExportKind::SummaryXlsx => (XlsxSheet::Summary, false),
        BatchExportKind::IssuesXlsxZip => (XlsxSheet::Issues, true),
        _ => (XlsxSheet::Issues, false),
    };
    let name = match (kind, en) {
        (BatchExportKind::SummaryXlsx, false) => "汇总.xlsx",
        (BatchExportKind::SummaryXlsx, true) => "roll-up.xlsx",
        (BatchExportKind::IssuesXlsxZip, false) => "问题清单（按单位，Excel）.zip",
        (BatchExportKind::IssuesXlsxZip, true) => "issues-by-unit-xlsx.zip",
        (_, false) => "问题清单.xlsx",
        (_, true) => "issues.xlsx",
    };
    let files = if zip {
        serde_json::from_str(&csv.body).unwrap_or_default()
    } else {
        vec![(csv.name, csv.body)]
    };
    XlsxJob {
        id,
        name: name.into(),
        sheet,
        en,
        files,
        zip,
    }
}

/// The workbook download the last request asked for (once), for the worker's `xlsx` module;
/// undefined when none.
#[wasm_bindgen]
pub fn xlsx_job() -> JsValue {
    with(|s| s.xlsx_job.take()).map_or(JsValue::UNDEFINED, |j| to_js(&j))
}

/// A JSONL line for a file that could not be read: `{"error":{"en","zh"},"input":{"name"}}`, keys
/// in this order (what `serde_json::json!` wrote before; a struct spares the module serde_json's
/// `Value`).
#[derive(serde::Serialize)]
struct UnreadableLine<'a> {
    error: ReasonLine<'a>,
    input: NameLine<'a>,
}

#[derive(serde::Serialize)]
struct ReasonLine<'a> {
    en: &'a str,
    zh: &'a str,
}

#[derive(serde::Serialize)]
struct NameLine<'a> {
    name: &'a str,
}

/// The name of the batch's file `i` (for a reader module's [`crate::read_file`]).
#[wasm_bindgen]
pub fn batch_name(i: usize) -> String {
    with(|s| s.queue.get(i).map(|q| q.name.clone())).unwrap_or_default()
}

/// The batch's file `i`, its `bytes` read (none for an archive's entry that could not be taken
/// out): checked when the engine reads it itself; else the module that must read it first
/// ("office", "pdf") or open it ("zip").
#[wasm_bindgen]
pub fn batch_step(i: usize, bytes: Option<Vec<u8>>) -> String {
    with(|s| {
        let Some(q) = s.queue.get(i) else {
            return "";
        };
        let name = q.name.clone();
        if let Some(e) = q.error.clone() {
            s.batch_push(name, Err(e));
            return "";
        }
        let bytes = bytes.unwrap_or_default();
        match reader_of(&bytes, &name) {
            "" => {
                let read = nianbao::read::read(&bytes, &name, None, &legacy);
                s.batch_push(name, read);
                ""
            }
            r => r,
        }
    })
    .to_string()
}

/// The batch's file `i` as a reader module read it ([`crate::read_file`]'s answer).
#[wasm_bindgen]
pub fn batch_answer(i: usize, answer: JsValue) {
    let read = from_js::<Answer>(&answer).map_or_else(|| Err(unreadable_answer()), Into::into);
    with(|s| {
        let name = s.queue.get(i).map(|q| q.name.clone()).unwrap_or_default();
        s.batch_push(name, read);
    })
}

/// The batch's archive `i` as the office module opened it ([`crate::unzip`]): its entries take
/// its place in the queue, in their order (their bytes follow in the worker's queue).
#[wasm_bindgen]
pub fn batch_unzipped(i: usize, unzipped: JsValue) {
    let unzipped = from_js::<Unzipped>(&unzipped)
        .unwrap_or_else(|| Unzipped::Error(Reason::from(unreadable_answer())));
    with(|s| {
        let name = s.queue.get(i).map(|q| q.name.clone()).unwrap_or_default();
        match unzipped {
            Unzipped::Ok(entries) => {
                let at = (i + 1).min(s.queue.len());
                let added = entries.into_iter().map(|e| Queued {
                    name: format!("{name}/{}", e.name),
                    error: e.error.map(Into::into),
                });
                s.queue.splice(at..at, added);
            }
            Unzipped::Error(e) => s.batch_push(name, Err(e.into())),
        }
    })
}

/// The batch's file `i` made a reader module crash (`why`): it is listed with the reason, the
/// batch goes on.
#[wasm_bindgen]
pub fn batch_failed(i: usize, why: &str) {
    with(|s| {
        let name = s.queue.get(i).map(|q| q.name.clone()).unwrap_or_default();
        let e = ReadError::new(
            format!("读取时出错：{why}"),
            format!("reading failed: {why}"),
        );
        s.batch_push(name, Err(e));
    })
}

/// How far the batch is, before its file `i`: a [`Reply::Progress`] with the rows checked
/// since the last one.
#[wasm_bindgen]
pub fn batch_progress(i: usize) -> JsValue {
    let reply = with(|s| Reply::Progress {
        done: i,
        total: s.queue.len(),
        current: s.queue.get(i).map(|q| q.name.clone()).unwrap_or_default(),
        ms: now_ms() - s.started,
        rows: s.take_rows(),
    });
    to_js(&reply)
}

/// The batch ended after `done` files (`cancelled` by the user, or all of them): reports are
/// paired with their agency's previous year (unless cancelled). A [`Reply::BatchDone`].
#[wasm_bindgen]
pub fn batch_done(cancelled: bool, done: usize) -> JsValue {
    let reply = with(|s| {
        let paired = if cancelled {
            Vec::new()
        } else {
            s.batch_pair()
        };
        Reply::BatchDone {
            cancelled,
            done,
            total: s.queue.len(),
            ms: now_ms() - s.started,
            rows: s.take_rows(),
            paired,
        }
    });
    to_js(&reply)
}

// ----- what the browser keeps -----

/// The slots changed since the last call (bit 0: slot 0, bit 1: slot 1): `static/worker.js`
/// keeps them ([`kept`]) in IndexedDB.
#[wasm_bindgen]
pub fn kept_dirty() -> u8 {
    with(|s| std::mem::take(&mut s.dirty))
}

/// After [`handle`]: in how many ms the changed slots should be kept (typing: once it pauses).
#[wasm_bindgen]
pub fn keep_delay() -> f64 {
    with(|s| if s.typed { 1000.0 } else { 0.0 })
}

/// What the browser keeps of slot `slot`: a [`Kept`] encoded, or "" when the slot is empty.
#[wasm_bindgen]
pub fn kept(slot: u8) -> String {
    with(|s| {
        s.slots[slot_index(slot)]
            .as_ref()
            .map_or(String::new(), |x| {
                nianbao::protocol::encode(&Kept {
                    name: x.name.clone(),
                    doc: x.doc.clone(),
                })
            })
    })
}

/// Answers a [`Request::Restore`] with what the browser kept of each slot (`kept0`, `kept1`:
/// [`Kept`] encodings, absent when nothing was kept; `available` false when the browser has
/// no IndexedDB): the slots are set from it and a [`Reply::Restored`] comes back; a check is
/// due when slot 0 was restored ([`check_delay`]).
#[wasm_bindgen]
pub fn restore(
    request: JsValue,
    kept0: Option<String>,
    kept1: Option<String>,
    available: bool,
) -> JsValue {
    let Some(Request::Restore { seq }) = from_js::<Request>(&request) else {
        return JsValue::UNDEFINED;
    };
    let reply = with(|s| {
        s.check_after = None;
        s.restore(seq, [kept0, kept1], available)
    });
    to_js(&reply)
}

/// The browser refused to keep a slot (`why`): a [`Reply::NotKept`] for the page.
#[wasm_bindgen]
pub fn not_kept(why: &str) -> JsValue {
    to_js(&Reply::NotKept {
        why: why.to_string(),
    })
}

impl State {
    fn restore(&mut self, seq: u32, kept: [Option<String>; 2], available: bool) -> Reply {
        for (i, k) in kept.into_iter().enumerate() {
            // What an older page kept, or anything damaged, is not restored (the page then
            // falls back to the text it kept).
            let k = k.and_then(|k| nianbao::protocol::decode::<Kept>(&k));
            if let Some(k) = k {
                self.slots[i] = Some(Slot {
                    name: k.name,
                    doc: k.doc,
                });
            }
        }
        if self.slots[0].is_some() {
            self.check_after = Some(0.0);
        }
        Reply::Restored {
            seq,
            text: self.slots[0]
                .as_ref()
                .map(|x| x.doc.text.clone())
                .unwrap_or_default(),
            current: self.slot_info(0),
            previous: self.slot_info(1),
            keeps: available,
        }
    }
}
