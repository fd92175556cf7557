//! The messages between the page (the Yew app, `src/`), its Web Worker's modules
//! (`crates/nianbao-worker`: the engine and the readers) and, for the batch's rows, the command
//! line: one set of Rust types every side uses, so a renamed field or operation fails to compile
//! on both sides at once.
//!
//! A message crosses `postMessage` as an envelope the worker's JavaScript (`static/worker.js`)
//! routes without understanding: `{op, seq, body, files}` from the page, where `body` is the
//! [`Request`] encoded by [`encode`] (JSON text) and `files` the `File`s it names (only
//! JavaScript can read a `File`); a [`Reply`] goes back as its encoding alone. The worker reads
//! `op` (which module, the batch, cancel) and `seq` (which check is the newest), nothing else.

use crate::document::{Document, Form};
use crate::export::SummaryRow;
use crate::result::CheckResult;
use crate::rules::pages::RulePageOut;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The page's two slots: the report checked, and last year's (optional).
pub const CURRENT: u8 = 0;
pub const PREVIOUS: u8 = 1;

/// A finding the user dismissed: its key and the reason given.
pub type Dismissal = (String, String);

/// What the page asks of the worker. Externally tagged (`{"text": {…}}`): an internally tagged
/// enum (`#[serde(tag = "op")]`) is read through serde's buffer of any value, which cost the
/// page's wasm 16 KB gzip and the engine module 6.5 KB (measured: release build, wasm-opt,
/// `Request` and `Reply` both tagged by `op`: 252,803 and 316,289 B gzip against 236,660 and
/// 309,730); the envelope carries the `op` the worker routes by.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Request {
    /// Text typed or pasted into a slot.
    Text {
        seq: u32,
        slot: u8,
        name: String,
        text: String,
    },
    /// A file (the envelope's one `files` entry) read into a slot.
    File {
        seq: u32,
        slot: u8,
        name: String,
    },
    /// HTML from the clipboard (a table from a web page, Word or WPS) read into a slot.
    Html {
        seq: u32,
        slot: u8,
        name: String,
        html: String,
    },
    Clear {
        seq: u32,
        slot: u8,
    },
    /// The repeated-text threshold (0–1); the other thresholds keep their defaults.
    Options {
        seq: u32,
        repeated_threshold: f64,
    },
    /// A download of the last result, marked with the findings the user dismissed.
    Export {
        id: u32,
        kind: ExportKind,
        en: bool,
        dismissed: Vec<Dismissal>,
    },
    /// A rule's page.
    Explain {
        id: u32,
        rule: String,
    },
    /// Files (the envelope's `files`, in this order) checked as a batch; `dismissed` (by the
    /// result's `input.sha256`) are taken out of the rows' verdicts and counts.
    Batch {
        names: Vec<String>,
        #[serde(default)]
        dismissed: BTreeMap<String, Vec<Dismissal>>,
    },
    /// Restores both slots from what the browser kept ([`Kept`], which `static/worker.js`
    /// reads from IndexedDB and hands the engine beside this request). Answered by
    /// [`Reply::Restored`], then a check.
    Restore {
        seq: u32,
    },
    /// The findings now dismissed for the text with this sha256: the batch's rows of that text
    /// follow them ([`Reply::Rows`]).
    Dismissed {
        sha256: String,
        dismissed: Vec<Dismissal>,
    },
    /// Stops the running batch (the worker reads it at once, ahead of the queue).
    Cancel,
    /// Opens a batch report in the slots.
    BatchOpen {
        seq: u32,
        index: usize,
    },
    /// A batch download; `dismissed` by the result's `input.sha256`; in English when `en`.
    BatchExport {
        id: u32,
        kind: BatchExportKind,
        dismissed: BTreeMap<String, Vec<Dismissal>>,
        #[serde(default)]
        en: bool,
    },
}

impl Request {
    /// The operation's name (the envelope's `op`, the same string serde writes as the tag).
    pub fn op(&self) -> &'static str {
        match self {
            Request::Text { .. } => "text",
            Request::File { .. } => "file",
            Request::Html { .. } => "html",
            Request::Clear { .. } => "clear",
            Request::Options { .. } => "options",
            Request::Export { .. } => "export",
            Request::Explain { .. } => "explain",
            Request::Batch { .. } => "batch",
            Request::Cancel => "cancel",
            Request::BatchOpen { .. } => "batch-open",
            Request::BatchExport { .. } => "batch-export",
            Request::Restore { .. } => "restore",
            Request::Dismissed { .. } => "dismissed",
        }
    }

    /// The request's sequence number, when it changes the result (the worker checks only the
    /// newest text; the page drops answers to older ones).
    pub fn seq(&self) -> Option<u32> {
        match self {
            Request::Text { seq, .. }
            | Request::File { seq, .. }
            | Request::Html { seq, .. }
            | Request::Clear { seq, .. }
            | Request::Options { seq, .. }
            | Request::BatchOpen { seq, .. }
            | Request::Restore { seq, .. } => Some(*seq),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExportKind {
    Json,
    Csv,
    /// The printable report.
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BatchExportKind {
    /// The roll-up CSV (汇总).
    Summary,
    /// Every result, one JSON per line.
    Jsonl,
    /// The 问题清单 CSV.
    Issues,
    /// The 问题清单 per unit: a .zip of one CSV per unit (`Download::bytes`).
    IssuesZip,
    /// The dataset of every cell ([`crate::dataset`], the command line's `--cells`).
    Cells,
    /// The printable batch report (HTML: charts, counts per verdict and rule, the roll-up;
    /// [`crate::batchreport::batch_html`]).
    Report,
    /// The roll-up as an Excel workbook (made by the worker's `xlsx` module from an [`XlsxJob`]).
    SummaryXlsx,
    /// The 问题清单 as an Excel workbook.
    IssuesXlsx,
    /// The 问题清单 per unit: a .zip of one workbook per unit.
    IssuesXlsxZip,
}

/// Which list an [`XlsxJob`] holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum XlsxSheet {
    Summary,
    Issues,
}

/// A workbook download the engine module hands to the worker's `xlsx` module (loaded when first
/// needed, so the engine does not carry the workbook writer): the CSVs to turn into workbooks,
/// one per file (name ending in .csv), packed in a .zip when `zip`; the `xlsx` module answers
/// with [`Reply::Download`] under `id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct XlsxJob {
    pub id: u32,
    /// The download's name (the workbook's, or the zip's).
    pub name: String,
    pub sheet: XlsxSheet,
    pub en: bool,
    pub files: Vec<(String, String)>,
    pub zip: bool,
}

/// What the worker answers (externally tagged, as [`Request`]).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reply {
    /// A check finished: its result (None when the text is empty), the engine's time, and what
    /// the slots hold.
    Result {
        seq: u32,
        result: Option<Box<CheckResult>>,
        ms: f64,
        current: Option<SlotInfo>,
        previous: Option<SlotInfo>,
        /// Why the text was not checked (it is only a web address: `read::link`), with no
        /// result; None otherwise.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        refused: Option<Reason>,
    },
    /// A file (or pasted HTML) was read into a slot: its text.
    Loaded {
        seq: u32,
        slot: u8,
        name: String,
        text: String,
    },
    /// A file could not be read (the slot keeps what it had).
    Error {
        seq: u32,
        slot: u8,
        name: String,
        error: Reason,
    },
    /// A module crashed; it was restarted. Written by `static/worker.js` too (the module may
    /// be gone): keep its one field.
    Failed {
        message: String,
    },
    Download {
        id: u32,
        download: Download,
    },
    Explain {
        id: u32,
        page: Option<Box<RulePageOut>>,
    },
    /// A batch goes on: the rows checked since the last message.
    Progress {
        done: usize,
        total: usize,
        current: String,
        ms: f64,
        rows: Vec<BatchRow>,
    },
    /// A batch ended (or was cancelled): the last rows, and the rows that changed when reports
    /// were paired with their agency's previous year.
    BatchDone {
        cancelled: bool,
        done: usize,
        total: usize,
        ms: f64,
        rows: Vec<BatchRow>,
        paired: Vec<BatchRow>,
    },
    /// A batch report was opened in the slots.
    Opened {
        seq: u32,
        index: usize,
        result: Option<Box<CheckResult>>,
        text: String,
        current: Option<SlotInfo>,
        previous: Option<SlotInfo>,
    },
    /// The slots restored from what the browser kept after a reload ([`Request::Restore`]): slot
    /// 0's text (empty when nothing was kept for it), what each slot holds, and whether the
    /// browser can keep what was read at all (false: no IndexedDB; a reload re-reads the text
    /// only).
    Restored {
        seq: u32,
        text: String,
        current: Option<SlotInfo>,
        previous: Option<SlotInfo>,
        /// False when the browser cannot keep documents (no IndexedDB).
        keeps: bool,
    },
    /// The browser refused to keep what a slot holds (over quota …): a reload will re-read the
    /// text only.
    NotKept {
        why: String,
    },
    /// Roll-up rows that changed (their report's dismissals changed).
    Rows {
        rows: Vec<BatchRow>,
    },
}

/// What the browser keeps of a slot (in IndexedDB, by `static/worker.js`, as this type's
/// encoding): what was checked, the document a reader made with its grids, and its name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Kept {
    pub name: String,
    pub doc: Document,
}

/// What a slot holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SlotInfo {
    pub name: String,
    pub chars: usize,
    pub form: Form,
    /// How many tables the reader kept as grids.
    pub grids: usize,
}

/// Why something could not be read, in Chinese and English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reason {
    pub zh: String,
    pub en: String,
}

impl From<crate::read::ReadError> for Reason {
    fn from(e: crate::read::ReadError) -> Reason {
        Reason { zh: e.zh, en: e.en }
    }
}

impl From<Reason> for crate::read::ReadError {
    fn from(r: Reason) -> crate::read::ReadError {
        crate::read::ReadError::new(r.zh, r.en)
    }
}

/// A file to save.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Download {
    pub name: String,
    pub mime: String,
    pub body: String,
    /// The file's bytes when it is binary (a .zip); `body` is then empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bytes: Vec<u8>,
}

/// One report's row in a batch's roll-up: the roll-up's [`SummaryRow`], with where it is in the
/// batch and the report it was paired with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BatchRow {
    pub index: usize,
    /// Last year's report of the same agency in the batch, when one was found.
    pub previous: Option<String>,
    pub row: SummaryRow,
    /// 雷同 between units: this report's group in the batch (`nianbao::similar`), when it is in one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub similar_group: Option<SimilarRow>,
}

/// A batch report's place in a 雷同 group, for the roll-up's 雷同 panel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SimilarRow {
    /// The share of its prose found in the group's other units' reports (0–1).
    pub share: f64,
    /// The batch indexes of the others it shares most with.
    pub with: Vec<usize>,
    /// A few of its shared passages (line number and text, shortened).
    pub passages: Vec<(usize, String)>,
}

impl std::ops::Deref for BatchRow {
    type Target = SummaryRow;
    fn deref(&self) -> &SummaryRow {
        &self.row
    }
}

/// What a reader module makes of a file or of pasted HTML, for the engine module.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Answer {
    Ok(Box<Document>),
    Error(Reason),
}

impl From<Result<Document, crate::read::ReadError>> for Answer {
    fn from(r: Result<Document, crate::read::ReadError>) -> Answer {
        match r {
            Ok(d) => Answer::Ok(Box::new(d)),
            Err(e) => Answer::Error(e.into()),
        }
    }
}

impl From<Answer> for Result<Document, crate::read::ReadError> {
    fn from(a: Answer) -> Self {
        match a {
            Answer::Ok(d) => Ok(*d),
            Answer::Error(r) => Err(r.into()),
        }
    }
}

/// The readable entries of a `.zip` (their bytes travel apart, as JavaScript byte arrays), or
/// why it is no archive.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unzipped {
    Ok(Vec<ZipEntry>),
    Error(Reason),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ZipEntry {
    pub name: String,
    /// Why the entry could not be taken out (it then has no bytes).
    pub error: Option<Reason>,
}

/// A message as text (JSON): how every message of this module crosses between the page, the
/// worker and its modules.
pub fn encode<T: Serialize>(m: &T) -> String {
    serde_json::to_string(m).unwrap_or_default()
}

/// A message from its text; None when it is not one (never a panic).
pub fn decode<T: DeserializeOwned>(s: &str) -> Option<T> {
    serde_json::from_str(s).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The message's text read back and written again is the same text.
    fn round_trip<T: Serialize + DeserializeOwned>(m: T) -> String {
        let s = encode(&m);
        let back: Option<T> = decode(&s);
        assert_eq!(back.map(|b| encode(&b)).as_deref(), Some(s.as_str()));
        s
    }

    #[test]
    fn requests_round_trip_with_their_op() {
        let all = [
            Request::Text {
                seq: 1,
                slot: CURRENT,
                name: "a.txt".into(),
                text: "一、总体情况".into(),
            },
            Request::File {
                seq: 2,
                slot: PREVIOUS,
                name: "b.pdf".into(),
            },
            Request::Html {
                seq: 3,
                slot: CURRENT,
                name: "pasted.html".into(),
                html: "<table></table>".into(),
            },
            Request::Clear { seq: 4, slot: 1 },
            Request::Options {
                seq: 5,
                repeated_threshold: 0.4,
            },
            Request::Export {
                id: 1,
                kind: ExportKind::Csv,
                en: true,
                dismissed: vec![("k".into(), "理由".into())],
            },
            Request::Explain {
                id: 2,
                rule: crate::rules::RULES[0].name.into(),
            },
            Request::Batch {
                names: vec!["a/b.docx".into()],
                dismissed: BTreeMap::new(),
            },
            Request::Restore { seq: 7 },
            Request::Dismissed {
                sha256: "sha".into(),
                dismissed: vec![("k".into(), "r".into())],
            },
            Request::Cancel,
            Request::BatchOpen { seq: 6, index: 3 },
            Request::BatchExport {
                id: 3,
                kind: BatchExportKind::Summary,
                dismissed: BTreeMap::from([("sha".into(), vec![("k".into(), "r".into())])]),
                en: true,
            },
        ];
        for r in all {
            let op = r.op();
            let s = round_trip(r);
            let tagged = s.starts_with(&format!("{{\"{op}\":")) || s == format!("\"{op}\"");
            assert!(tagged, "{s}");
        }
    }

    /// A document, its result, a slot holding it and its batch row: what the replies carry.
    fn sample() -> (Document, CheckResult, SlotInfo, BatchRow) {
        let doc = Document::from_text("一、总体情况\n", "utf-8");
        let r = crate::check("a.txt", &doc.text);
        let slot = SlotInfo {
            name: "a.txt".into(),
            chars: 7,
            form: Form::Text,
            grids: 0,
        };
        let row = BatchRow {
            index: 0,
            previous: Some("2023.txt".into()),
            row: SummaryRow::from_result(&r, "a.txt"),
            similar_group: Some(SimilarRow {
                share: 0.75,
                with: vec![2, 3],
                passages: vec![(5, "一是加强组织领导".into())],
            }),
        };
        (doc, r, slot, row)
    }

    #[test]
    fn replies_round_trip() {
        let (doc, r, slot, row) = sample();
        let all = [
            Reply::Result {
                seq: 1,
                result: None,
                ms: 1.5,
                current: Some(slot.clone()),
                previous: None,
                refused: Some(crate::read::link::message().into()),
            },
            Reply::Loaded {
                seq: 2,
                slot: 0,
                name: "a.docx".into(),
                text: "x".into(),
            },
            Reply::Error {
                seq: 3,
                slot: 1,
                name: "a.doc".into(),
                error: Reason {
                    zh: "旧版".into(),
                    en: "old".into(),
                },
            },
            Reply::Failed {
                message: "unreachable".into(),
            },
            Reply::Download {
                id: 1,
                download: Download {
                    name: "a.csv".into(),
                    mime: "text/csv".into(),
                    body: "\u{feff}a".into(),
                    bytes: vec![0x50, 0x4b, 0],
                },
            },
            Reply::Explain { id: 2, page: None },
            Reply::Progress {
                done: 1,
                total: 2,
                current: "b.txt".into(),
                ms: 3.0,
                rows: vec![row.clone()],
            },
            Reply::BatchDone {
                cancelled: false,
                done: 2,
                total: 2,
                ms: 4.0,
                rows: vec![],
                paired: vec![row.clone()],
            },
            Reply::Restored {
                seq: 5,
                text: doc.text.clone(),
                current: Some(slot.clone()),
                previous: None,
                keeps: false,
            },
            Reply::NotKept {
                why: "QuotaExceededError".into(),
            },
            Reply::Rows { rows: vec![row] },
        ];
        for m in all {
            round_trip(m);
        }
        // A result crosses whole: what the page shows is what the engine found.
        let s = encode(&Reply::Opened {
            seq: 4,
            index: 0,
            result: Some(Box::new(r.clone())),
            text: doc.text.clone(),
            current: Some(slot),
            previous: None,
        });
        let Some(Reply::Opened {
            result: Some(back), ..
        }) = decode::<Reply>(&s)
        else {
            panic!("{s}");
        };
        assert_eq!(crate::to_json(&back, false), crate::to_json(&r, false));
        round_trip(Kept {
            name: "a.txt".into(),
            doc: doc.clone(),
        });
        round_trip(Answer::from(Ok(doc)));
        round_trip(Unzipped::Ok(vec![ZipEntry {
            name: "a.txt".into(),
            error: None,
        }]));
    }

    #[test]
    fn the_worker_writes_failed_as_the_type_does() {
        // static/worker.js and src/bridge.js write this reply by hand (the module that would
        // encode it may have crashed).
        let s = encode(&Reply::Failed {
            message: "m".into(),
        });
        assert_eq!(s, r#"{"failed":{"message":"m"}}"#);
    }

    #[test]
    fn garbage_is_no_message() {
        assert_eq!(decode::<Request>("{\"nope\":{}}"), None);
        assert!(decode::<Reply>("not json").is_none());
        // A renamed field is no message either (the same message with `slot` decodes).
        assert!(decode::<Request>(r#"{"clear":{"seq":1,"slot":0}}"#).is_some());
        assert_eq!(decode::<Request>(r#"{"clear":{"seq":1,"slots":0}}"#), None);
    }
}
