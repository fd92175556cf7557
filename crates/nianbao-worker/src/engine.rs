//! The engine module: the page's checking, downloads and batch, with its state kept here between
//! calls (the worker runs one call at a time).
//!
//! - Two slots: 0 is the report being checked, 1 last year's (optional). Each holds a
//!   [`Document`]: plain text the user typed, or what a reader made of a file (with its grids).
//! - The last result, for the downloads.
//! - A batch: each file's document and result (or why it could not be read), for the roll-up,
//!   opening one report, pairing reports with last year's, and the batch downloads.

use crate::{error_json, legacy};
use nianbao::document::Document;
use nianbao::export::{self, SummaryRow};
use nianbao::read::{InputKind, ReadError};
use nianbao::result::CheckResult;
use nianbao::Options;
use serde_json::{json, Value};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

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
}

#[derive(Default)]
struct State {
    slots: [Option<Slot>; 2],
    options: Option<Options>,
    last: Option<CheckResult>,
    batch: Vec<Item>,
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

/// The form of a file: "text", "office" (Word, web page), "pdf", "zip", or "other" (refused by
/// the text reader with its message).
#[wasm_bindgen]
pub fn sniff(bytes: &[u8], name: &str) -> String {
    match nianbao::read::sniff(bytes, name, None) {
        InputKind::Text => "text",
        InputKind::Docx | InputKind::Html => "office",
        InputKind::Pdf => "pdf",
        InputKind::Zip => "zip",
        _ => "other",
    }
    .to_string()
}

/// Puts plain text into a slot (what the user typed or pasted).
#[wasm_bindgen]
pub fn set_text(slot: u8, name: &str, text: &str) {
    with(|s| {
        let i = slot_index(slot);
        // Unchanged text keeps the document a reader made (and its grids).
        if let Some(cur) = &mut s.slots[i] {
            if cur.doc.text == text {
                cur.name = name.to_string();
                return;
            }
        }
        s.slots[i] = Some(Slot {
            name: name.to_string(),
            doc: Document::from_text(text, "utf-8"),
        });
    })
}

fn parse_answer(answer: &str) -> Result<Document, ReadError> {
    let bad = || {
        ReadError::new(
            "读取结果无法解析",
            "the reader's answer could not be parsed",
        )
    };
    let mut v: Value = serde_json::from_str(answer).map_err(|_| bad())?;
    if let Some(e) = v.get("error") {
        return Err(ReadError::new(
            e["zh"].as_str().unwrap_or(""),
            e["en"].as_str().unwrap_or(""),
        ));
    }
    serde_json::from_value(v["ok"].take()).map_err(|_| bad())
}

/// Puts a reader's answer (`{"ok": Document}` or `{"error"}`) into a slot. Returns "" when it
/// was read, else the error's JSON (the slot keeps what it had).
#[wasm_bindgen]
pub fn set_document(slot: u8, name: &str, answer: &str) -> String {
    match parse_answer(answer) {
        Ok(doc) => {
            with(|s| {
                s.slots[slot_index(slot)] = Some(Slot {
                    name: name.to_string(),
                    doc,
                })
            });
            String::new()
        }
        Err(e) => error_json(&e),
    }
}

/// The text in a slot ("" when empty).
#[wasm_bindgen]
pub fn slot_text(slot: u8) -> String {
    with(|s| {
        s.slots[slot_index(slot)]
            .as_ref()
            .map(|x| x.doc.text.clone())
            .unwrap_or_default()
    })
}

/// What the page shows about a slot: `{name, chars, form, encoding, grids}` or null.
#[wasm_bindgen]
pub fn slot_info(slot: u8) -> String {
    with(|s| match &s.slots[slot_index(slot)] {
        Some(x) => json!({
            "name": x.name,
            "chars": x.doc.text.chars().count(),
            "form": x.doc.form,
            "grids": x.doc.tables.len(),
        })
        .to_string(),
        None => "null".to_string(),
    })
}

#[wasm_bindgen]
pub fn clear(slot: u8) {
    with(|s| {
        s.slots[slot_index(slot)] = None;
        if slot == 0 {
            s.last = None;
        }
    })
}

/// Thresholds (`{"repeated_threshold": 0.5, …}`; missing keys keep their defaults).
#[wasm_bindgen]
pub fn set_options(options: &str) {
    let v: Value = serde_json::from_str(options).unwrap_or(Value::Null);
    let mut o = Options::default();
    let get = |k: &str, d: f64| v.get(k).and_then(Value::as_f64).unwrap_or(d);
    o.repeated_threshold = get("repeated_threshold", o.repeated_threshold).clamp(0.0, 1.0);
    o.correction_red = get("correction_red", o.correction_red);
    o.correction_yellow = get("correction_yellow", o.correction_yellow);
    o.disclosure_red = get("disclosure_red", o.disclosure_red);
    o.disclosure_yellow = get("disclosure_yellow", o.disclosure_yellow);
    o.min_denominator = get("min_denominator", o.min_denominator as f64).max(0.0) as i64;
    with(|s| s.options = Some(o));
}

/// Checks slot 0 (against slot 1 when it holds last year's report). Returns the result's JSON,
/// or "" when slot 0 is empty.
#[wasm_bindgen]
pub fn check() -> String {
    with(|s| {
        let Some(cur) = &s.slots[0] else {
            s.last = None;
            return String::new();
        };
        if cur.doc.text.trim().is_empty() {
            s.last = None;
            return String::new();
        }
        let options = s.options.unwrap_or_default();
        let prev = s.slots[1].as_ref().map(|p| (p.name.as_str(), &p.doc));
        let r = nianbao::check_with(&cur.name, &cur.doc, prev, &options);
        let out = nianbao::to_json(&r, false);
        s.last = Some(r);
        out
    })
}

fn dismissals(json: &str) -> Vec<(String, String)> {
    serde_json::from_str(json).unwrap_or_default()
}

fn download(name: String, mime: &str, body: String) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in [
        ("name", name.as_str()),
        ("mime", mime),
        ("body", body.as_str()),
    ] {
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    o.into()
}

/// A download of the last result: `kind` "json", "csv" or "html" (printable), in English when
/// `en`; `dismissed` is `[[key, reason], …]` (marked in every form). `{name, mime, body}`, or
/// null when nothing was checked yet.
#[wasm_bindgen]
pub fn result_download(kind: &str, en: bool, dismissed: &str) -> JsValue {
    with(|s| {
        let Some(r) = &mut s.last else {
            return JsValue::NULL;
        };
        r.dismiss(&dismissals(dismissed));
        let stem = export::file_stem(r);
        match kind {
            "json" => download(
                format!("{stem}.json"),
                "application/json",
                export::json_line(r),
            ),
            "csv" => download(
                format!("{stem}.csv"),
                "text/csv;charset=utf-8",
                export::csv(&[r]),
            ),
            _ => download(
                format!("{stem}.html"),
                "text/html;charset=utf-8",
                export::html(r, en),
            ),
        }
    })
}

/// A rule's page as JSON (`RulePageOut`: what it checks, its basis, a wrong and a right
/// example, how to fix it, in Chinese and English), or "null".
#[wasm_bindgen]
pub fn explain(name: &str) -> String {
    match nianbao::rules::pages::page_data(name) {
        Some(p) => serde_json::to_string(&p).unwrap_or_else(|_| "null".to_string()),
        None => "null".to_string(),
    }
}

// ----- batch -----

/// Starts a new batch (the old one's results are dropped).
#[wasm_bindgen]
pub fn batch_clear() {
    with(|s| s.batch.clear())
}

fn row(i: usize, it: &Item, items: &[Item]) -> Value {
    let summary = match (&it.result, &it.error) {
        (Some(r), _) => SummaryRow::from_result(r, &it.file),
        (None, Some(e)) => SummaryRow::unreadable(&it.file, &e.zh),
        (None, None) => SummaryRow::unreadable(&it.file, ""),
    };
    let rates: serde_json::Map<String, Value> = it
        .result
        .iter()
        .flat_map(|r| &r.rates)
        .map(|r| {
            (
                r.key.to_string(),
                json!({ "value": r.value, "flag": r.flag, "change": r.change, "inferred": r.inferred }),
            )
        })
        .collect();
    json!({
        "index": i,
        "file": summary.file,
        "agency": summary.agency,
        "year": summary.year,
        "format": summary.format,
        "verdict": summary.verdict,
        "errors": summary.errors,
        "warnings": summary.warnings,
        "new_requests": summary.new_requests,
        "results_total": summary.results_total,
        "carried_over": summary.carried_over,
        "review_total": summary.review_total,
        "suit_total": summary.suit_total,
        "inferred": summary.inferred,
        "inferred_cells": summary.inferred_cells,
        "rates": rates,
        "previous": it.previous.map(|p| items[p].file.clone()),
        "reason": it.error.as_ref().map(|e| e.zh.clone()),
        "reason_en": it.error.as_ref().map(|e| e.en.clone()),
    })
}

/// Adds a file to the batch from a reader's answer (or, for text files, `answer` is "" and the
/// engine reads `bytes` itself), checks it, and returns its roll-up row as JSON.
#[wasm_bindgen]
pub fn batch_add(file: &str, answer: &str, bytes: &[u8]) -> String {
    let read = if answer.is_empty() {
        nianbao::read::read(bytes, file, None, &legacy)
    } else {
        parse_answer(answer)
    };
    with(|s| {
        let options = s.options.unwrap_or_default();
        let item = match read {
            Ok(doc) => Item {
                file: file.to_string(),
                result: Some(nianbao::check_with(file, &doc, None, &options)),
                doc: Some(doc),
                error: None,
                previous: None,
            },
            Err(e) => Item {
                file: file.to_string(),
                doc: None,
                result: None,
                error: Some(e),
                previous: None,
            },
        };
        s.batch.push(item);
        let i = s.batch.len() - 1;
        row(i, &s.batch[i], &s.batch).to_string()
    })
}

/// Adds a file that could not be read before it reached the engine (a reader module failed,
/// the browser could not read the file).
#[wasm_bindgen]
pub fn batch_error(file: &str, zh: &str, en: &str) -> String {
    with(|s| {
        s.batch.push(Item {
            file: file.to_string(),
            doc: None,
            result: None,
            error: Some(ReadError::new(zh, en)),
            previous: None,
        });
        let i = s.batch.len() - 1;
        row(i, &s.batch[i], &s.batch).to_string()
    })
}

/// An agency's name with blanks and brackets removed, for pairing.
fn agency_key(r: &CheckResult) -> Option<String> {
    let a = r.meta.agency.as_deref()?;
    let k: String = a
        .chars()
        .filter(|c| !c.is_whitespace() && !"（）()".contains(*c))
        .collect();
    (!k.is_empty()).then_some(k)
}

/// Pairs each report with the same agency's report of the year before, when the batch has it,
/// and checks it again against that one (carry-over, 现行有效 counts, repeated text, the rates'
/// change). Returns the changed rows as a JSON array.
#[wasm_bindgen]
pub fn batch_pair() -> String {
    with(|s| {
        let options = s.options.unwrap_or_default();
        let keys: Vec<Option<(String, i32)>> = s
            .batch
            .iter()
            .map(|it| {
                let r = it.result.as_ref()?;
                Some((agency_key(r)?, r.meta.year?))
            })
            .collect();
        let mut changed = Vec::new();
        for i in 0..s.batch.len() {
            let Some((agency, year)) = &keys[i] else {
                continue;
            };
            let prev = (0..s.batch.len()).find(|&j| {
                keys[j]
                    .as_ref()
                    .is_some_and(|(a, y)| a == agency && *y == year - 1)
            });
            let Some(j) = prev else { continue };
            if s.batch[i].previous == Some(j) {
                continue;
            }
            let (Some(doc), Some(pdoc)) = (&s.batch[i].doc, &s.batch[j].doc) else {
                continue;
            };
            let r = nianbao::check_with(
                &s.batch[i].file,
                doc,
                Some((&s.batch[j].file, pdoc)),
                &options,
            );
            s.batch[i].result = Some(r);
            s.batch[i].previous = Some(j);
            changed.push(i);
        }
        let rows: Vec<Value> = changed
            .into_iter()
            .map(|i| row(i, &s.batch[i], &s.batch))
            .collect();
        Value::Array(rows).to_string()
    })
}

/// Opens a batch report in the slots (its last year's in slot 1 when paired) and returns its
/// result's JSON ("" when the file could not be read).
#[wasm_bindgen]
pub fn batch_open(i: usize) -> String {
    with(|s| {
        let Some(it) = s.batch.get(i) else {
            return String::new();
        };
        let (Some(doc), Some(r)) = (&it.doc, &it.result) else {
            return String::new();
        };
        let prev = it.previous.and_then(|p| {
            let p = &s.batch[p];
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
        let out = nianbao::to_json(&r, false);
        s.slots = [Some(slot), prev];
        s.last = Some(r);
        out
    })
}

/// A batch download: `kind` "summary" (the roll-up CSV), "jsonl" (every result, one per line)
/// or "issues" (the 问题清单 CSV). `dismissed` is `{sha256: [[key, reason], …]}`: the findings
/// the user dismissed, marked in every form.
#[wasm_bindgen]
pub fn batch_export(kind: &str, dismissed: &str) -> JsValue {
    let dismissed: std::collections::BTreeMap<String, Vec<(String, String)>> =
        serde_json::from_str(dismissed).unwrap_or_default();
    with(|s| {
        for it in &mut s.batch {
            if let Some(r) = &mut it.result {
                let d = dismissed.get(&r.input.sha256).map_or(&[][..], |v| &v[..]);
                r.dismiss(d);
            }
        }
        match kind {
            "summary" => {
                let rows: Vec<SummaryRow> = s
                    .batch
                    .iter()
                    .map(|it| match (&it.result, &it.error) {
                        (Some(r), _) => SummaryRow::from_result(r, &it.file),
                        (None, e) => SummaryRow::unreadable(
                            &it.file,
                            &e.as_ref()
                                .map(|e| format!("{}（{}）", e.zh, e.en))
                                .unwrap_or_default(),
                        ),
                    })
                    .collect();
                download(
                    "汇总.csv".into(),
                    "text/csv;charset=utf-8",
                    export::summary_csv(&rows),
                )
            }
            "jsonl" => {
                let mut body = String::new();
                for it in &s.batch {
                    match &it.result {
                        Some(r) => body.push_str(&export::json_line(r)),
                        None => {
                            let e = it.error.clone().unwrap_or(ReadError::new("", ""));
                            body.push_str(
                                &json!({ "input": { "name": it.file }, "error": { "zh": e.zh, "en": e.en } })
                                    .to_string(),
                            );
                            body.push('\n');
                        }
                    }
                }
                download("results.jsonl".into(), "application/x-ndjson", body)
            }
            _ => {
                let mut body = export::issues_csv_header();
                for it in &s.batch {
                    if let (Some(r), Some(doc)) = (&it.result, &it.doc) {
                        body.push_str(&export::issues_csv_rows(r, &it.file, &doc.text));
                    }
                }
                download("问题清单.csv".into(), "text/csv;charset=utf-8", body)
            }
        }
    })
}
