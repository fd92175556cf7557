//! `static/worker.js` only routes: it reads a message's envelope, `op`, `seq` and `files` (and
//! passes `body` on), and writes only the `failed` reply by hand. Every other field of the protocol's
//! messages is read and written by Rust types the page and the worker's modules share, so a
//! renamed field fails to compile instead of being lost in JavaScript.

use nianbao::export::SummaryRow;
use nianbao::protocol::*;
use std::collections::BTreeSet;

/// One request of each kind.
fn every_request() -> Vec<Request> {
    vec![
        Request::Text {
            seq: 0,
            slot: 0,
            name: String::new(),
            text: String::new(),
        },
        Request::File {
            seq: 0,
            slot: 0,
            name: String::new(),
        },
        Request::Html {
            seq: 0,
            slot: 0,
            name: String::new(),
            html: String::new(),
        },
        Request::Clear { seq: 0, slot: 0 },
        Request::Options {
            seq: 0,
            repeated_threshold: 0.5,
        },
        Request::Export {
            id: 0,
            kind: ExportKind::Json,
            en: false,
            dismissed: vec![],
        },
        Request::Explain {
            id: 0,
            rule: String::new(),
        },
        Request::Batch {
            names: vec![],
            dismissed: Default::default(),
        },
        Request::Restore { seq: 0 },
        Request::Dismissed {
            sha256: String::new(),
            dismissed: vec![],
        },
        Request::Cancel,
        Request::BatchOpen { seq: 0, index: 0 },
        Request::BatchExport {
            id: 0,
            kind: BatchExportKind::Jsonl,
            dismissed: Default::default(),
            en: false,
        },
    ]
}

/// A reason (the `error` of a reply), with its fields.
fn reason() -> Reason {
    Reason {
        zh: String::new(),
        en: String::new(),
    }
}

/// One reply of each kind.
fn every_reply() -> Vec<Reply> {
    let dl = Download {
        name: String::new(),
        mime: String::new(),
        body: String::new(),
        bytes: Vec::new(),
    };
    let row = BatchRow {
        index: 0,
        previous: None,
        row: SummaryRow::unreadable("a", ""),
        similar_group: None,
    };
    let why = reason();
    vec![
        Reply::Result {
            seq: 0,
            result: None,
            ms: 0.0,
            current: None,
            previous: None,
            refused: None,
        },
        Reply::Loaded {
            seq: 0,
            slot: 0,
            name: String::new(),
            text: String::new(),
        },
        Reply::Error {
            seq: 0,
            slot: 0,
            name: String::new(),
            error: why.clone(),
        },
        Reply::Failed {
            message: String::new(),
        },
        Reply::Download {
            id: 0,
            download: dl,
        },
        Reply::Explain { id: 0, page: None },
        Reply::Progress {
            done: 0,
            total: 0,
            current: String::new(),
            ms: 0.0,
            rows: vec![row.clone()],
        },
        Reply::BatchDone {
            cancelled: false,
            done: 0,
            total: 0,
            ms: 0.0,
            rows: vec![],
            paired: vec![row],
        },
        Reply::Opened {
            seq: 0,
            index: 0,
            result: None,
            text: String::new(),
            current: None,
            previous: None,
        },
        Reply::Restored {
            seq: 0,
            text: String::new(),
            current: None,
            previous: None,
            keeps: true,
        },
        Reply::NotKept { why: String::new() },
        Reply::Rows { rows: vec![] },
    ]
}

/// The fields of every request and reply (each variant's keys), from the types themselves.
fn protocol_fields() -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    // A message is `{"variant": {fields}}` (or `"variant"`): its fields, and the variant's name.
    let mut add = |s: String| {
        let v: serde_json::Value = serde_json::from_str(&s).expect("a message is JSON");
        let Some(o) = v.as_object() else { return };
        for (variant, fields) in o {
            keys.insert(variant.clone());
            if let Some(f) = fields.as_object() {
                keys.extend(f.keys().cloned());
            }
        }
    };
    for r in &every_request() {
        add(encode(r));
    }
    for r in &every_reply() {
        add(encode(r));
    }
    // A reason's fields (`zh`, `en`), nested in the `error` reply.
    add(encode(&reason()));
    keys
}

fn worker_js() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../static/worker.js");
    std::fs::read_to_string(path).expect("static/worker.js")
}

/// The code of worker.js without its comments.
fn code(js: &str) -> String {
    js.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

fn names_property(code: &str, field: &str) -> bool {
    let bytes = code.as_bytes();
    let word = |i: usize| i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_');
    for (i, _) in code.match_indices(field) {
        let end = i + field.len();
        if word(end) || (i > 0 && word(i - 1)) {
            continue;
        }
        let before = code[..i].trim_end();
        let after = code[end..].trim_start();
        // `m.field`, `{ field: … }`, `['field']`
        if before.ends_with('.')
            || (after.starts_with(':') && !after.starts_with("::"))
            || (before.ends_with('\'') && after.starts_with('\''))
        {
            return true;
        }
    }
    false
}

#[test]
fn the_worker_names_no_field_beyond_routing() {
    let js = code(&worker_js());
    let fields = protocol_fields();
    // Sanity: the fields are the protocol's (the test would pass on an empty set).
    for f in [
        "slot",
        "text",
        "name",
        "result",
        "rows",
        "dismissed",
        "names",
        "index",
        "zh",
    ] {
        assert!(fields.contains(f), "{f} in {fields:?}");
    }
    // Routing: `op` (where a message goes: `batch` and `cancel` are the worker's own, `html`
    // goes to the office module's reader of pasted HTML), `seq` (the newest check); the `failed`
    // reply, written by hand when a module crashed; `restore`, which goes to the engine with
    // what static/keep.js kept.
    let allowed = [
        "op", "seq", "batch", "cancel", "html", "failed", "message", "restore",
    ];
    let named: Vec<&String> = fields
        .iter()
        .filter(|f| !allowed.contains(&f.as_str()) && names_property(&js, f))
        .collect();
    assert!(
        named.is_empty(),
        "static/worker.js names protocol fields {named:?}"
    );
    // It reads the envelope's routing fields and passes the body on.
    for used in ["m.op", "m.seq", "m.body", "m.files"] {
        assert!(js.contains(used), "{used}");
    }
}

#[test]
fn the_field_finder_finds_fields() {
    assert!(names_property("post({ op: 'x', rows: [] })", "rows"));
    assert!(names_property("engine.x(m.slot)", "slot"));
    assert!(names_property("m['text']", "text"));
    assert!(!names_property("const texts = 1; names.push(1)", "text"));
    assert!(!names_property("engine.batch_item(i)", "index"));
}

#[test]
fn the_failed_reply_the_worker_writes_is_the_type() {
    let js = worker_js();
    assert!(js.contains("JSON.stringify({ failed: { message: why } })"));
    let Some(Reply::Failed { message }) = decode::<Reply>(r#"{"failed":{"message":"why"}}"#) else {
        panic!("the worker's failed reply does not decode");
    };
    assert_eq!(message, "why");
}

/// Every function worker.js calls on a module is one the modules export (a renamed export
/// would otherwise fail only at run time).
#[test]
fn the_worker_calls_only_what_the_modules_export() {
    let js = code(&worker_js());
    let src = [
        include_str!("../src/lib.rs"),
        include_str!("../src/engine.rs"),
    ]
    .concat();
    let mut called = BTreeSet::new();
    for module in ["engine.", "office.", "mod.", "(await modules[kind]).", ")."] {
        for (i, _) in js.match_indices(module) {
            let rest = &js[i + module.len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() && rest[name.len()..].starts_with('(') {
                called.insert(name);
            }
        }
    }
    // JavaScript's own methods on promises and files.
    for own in ["then", "catch", "arrayBuffer", "default"] {
        called.remove(own);
    }
    assert!(
        called.contains("batch_name") && called.contains("check"),
        "{called:?}"
    );
    let missing: Vec<&String> = called
        .iter()
        .filter(|f| !src.contains(&format!("pub fn {f}(")))
        .collect();
    assert!(
        missing.is_empty(),
        "worker.js calls {missing:?}, which no module exports"
    );
}
