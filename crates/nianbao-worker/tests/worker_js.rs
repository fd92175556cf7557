//! `static/worker.js` only routes: it reads a message's `op`, `seq` and `files` (and passes
//! `body` on), and writes only the `failed` reply by hand. Every other field of the protocol's
//! messages is read and written by Rust types the page and the worker's modules share, so a
//! renamed field fails to compile instead of being lost in JavaScript.

use nianbao::export::SummaryRow;
use nianbao::protocol::*;
use std::collections::BTreeSet;

/// The fields of every request and reply (each variant's keys), from the types themselves.
fn protocol_fields() -> BTreeSet<String> {
    let dl = Download {
        name: String::new(),
        mime: String::new(),
        body: String::new(),
    };
    let row = BatchRow {
        index: 0,
        previous: None,
        row: SummaryRow::unreadable("a", ""),
    };
    let why = Reason {
        zh: String::new(),
        en: String::new(),
    };
    let requests = [
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
        Request::Batch { names: vec![] },
        Request::Cancel,
        Request::BatchOpen { seq: 0, index: 0 },
        Request::BatchExport {
            id: 0,
            kind: BatchExportKind::Jsonl,
            dismissed: Default::default(),
        },
    ];
    let replies = [
        Reply::Result {
            seq: 0,
            result: None,
            ms: 0.0,
            current: None,
            previous: None,
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
    ];
    let mut keys = BTreeSet::new();
    let mut add = |s: String| {
        let v: serde_json::Value = serde_json::from_str(&s).expect("a message is JSON");
        keys.extend(v.as_object().expect("an object").keys().cloned());
    };
    for r in &requests {
        add(encode(r));
    }
    for r in &replies {
        add(encode(r));
    }
    add(encode(&why));
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
    ] {
        assert!(fields.contains(f), "{f} in {fields:?}");
    }
    // Routing: `op` (where a message goes), `seq` (the newest check); the `failed` reply's
    // `message`, written by hand when a module crashed.
    let allowed = ["op", "seq", "message"];
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
    assert!(js.contains("JSON.stringify({ op: 'failed', message: why })"));
    let Some(Reply::Failed { message }) = decode::<Reply>(r#"{"op":"failed","message":"why"}"#)
    else {
        panic!("the worker's failed reply does not decode");
    };
    assert_eq!(message, "why");
}
