//! Every result the engine writes validates against the checked-in JSON Schema
//! (`schema/result.schema.json`, derived from the result types: see `src/schema.rs`), over every
//! seed, corpus file and fixture of every reader, with and without last year's report; every
//! field the schema names appears in some output (so validation is not vacuous) and in RESULT.md;
//! and the schema is strict: a renamed or unknown field, or an unknown name, fails.

mod common;
use serde_json::Value;
use std::collections::BTreeSet;

fn root(path: &str) -> String {
    format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"))
}

fn schema() -> Value {
    let path = root("schema/result.schema.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).expect("the schema is JSON")
}

fn validator() -> jsonschema::Validator {
    jsonschema::validator_for(&schema()).expect("the schema is a valid JSON Schema")
}

/// The validation errors of `json`, one line each (instance path: message).
fn errors(v: &jsonschema::Validator, json: &Value) -> Vec<String> {
    v.iter_errors(json)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

/// Every object key of `v`, at any depth.
fn keys(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(o) => {
            for (k, x) in o {
                out.insert(k.clone());
                keys(x, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| keys(x, out)),
        _ => {}
    }
}

/// Every property name the schema declares (top level and `$defs`).
fn schema_properties(s: &Value) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let objects =
        std::iter::once(s).chain(s["$defs"].as_object().into_iter().flat_map(|d| d.values()));
    for o in objects {
        if let Some(p) = o["properties"].as_object() {
            out.extend(p.keys().cloned());
        }
    }
    out
}

#[test]
fn every_result_validates_and_uses_every_field() {
    let v = validator();
    let inputs = common::every_input();
    assert!(inputs.len() > 20, "{} inputs", inputs.len());
    let mut seen = BTreeSet::new();
    let mut bad = Vec::new();
    let mut results = Vec::new();
    for (i, (name, doc)) in inputs.iter().enumerate() {
        let mut r = nianbao::check_document(name, doc);
        if i == 0 {
            // The page's dismissal, so that `dismissed` is validated too.
            if let Some(f) = r.findings.first() {
                let key = f.key();
                r.dismiss(&[(key, "已核实".to_string())]);
            }
        }
        results.push((name.clone(), r));
        // Each input against the one before it as last year's: `comparison`, `previous`, `change`.
        if i > 0 {
            let (pn, pd) = &inputs[i - 1];
            let r = nianbao::check_with_previous(name, doc, Some((pn, pd)));
            results.push((format!("{name} (previous {pn})"), r));
        }
    }
    // A batch's 雷同 between units: the first input marked as sharing its prose with the second
    // (its own pieces stand for the other report's), so that `similar` is validated too.
    {
        let (name, doc) = &inputs[0];
        let mut r = nianbao::check_document(name, doc);
        let sketch = nianbao::similar::Sketch::of(&doc.text);
        let others = [nianbao::rules::SimilarOther {
            name: &inputs[1].0,
            agency: Some("乙区财政局"),
            share: 0.9,
            pieces: &sketch.pieces,
        }];
        let text = nianbao::normalize::Text::new(&doc.text);
        nianbao::rules::mark_similar(&mut r, &text, 0.9, &others, 0.5);
        assert!(r
            .findings
            .iter()
            .any(|f| f.rule == "text-repeated-between-units"));
        results.push((format!("{name} (similar)"), r));
    }
    // One cell changed (a review total too small, then too large): `fix`, then `fix_options`.
    let a = std::fs::read_to_string(format!(
        "{}/tests/fixtures/report_a_tabs.txt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    for (name, total) in [("fix", "0"), ("fix_options", "3")] {
        let text = a.replacen("2\t1\t0\t1\t4", &format!("2\t1\t0\t1\t{total}"), 1);
        results.push((name.to_string(), nianbao::check(name, &text)));
    }
    for (name, r) in &results {
        let json: Value = serde_json::from_str(&nianbao::to_json(r, false)).unwrap();
        let e = errors(&v, &json);
        if !e.is_empty() {
            bad.push(format!("{name}: {}", e.join("; ")));
        }
        keys(&json, &mut seen);
    }
    assert!(
        bad.is_empty(),
        "{} results do not validate:\n{}",
        bad.len(),
        bad.join("\n")
    );
    let unused: Vec<_> = schema_properties(&schema())
        .into_iter()
        .filter(|p| !seen.contains(p))
        .collect();
    assert!(unused.is_empty(), "fields no output has: {unused:?}");
}

/// One real result as JSON: the clean fixture with one number changed, so that it has findings.
fn sample() -> Value {
    let text = std::fs::read_to_string(format!(
        "{}/tests/fixtures/report_a_tabs.txt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let total = text
        .lines()
        .find(|l| l.starts_with("（七）总计"))
        .expect("the total row");
    let changed = total.replacen("\t", "\t1", 1);
    let r = nianbao::check("report_a_tabs.txt", &text.replace(total, &changed));
    assert!(!r.findings.is_empty());
    serde_json::from_str(&nianbao::to_json(&r, true)).unwrap()
}

/// Renames `old` to `new` in the object at `pointer`.
fn rename(json: &mut Value, pointer: &str, old: &str, new: &str) {
    let o = json
        .pointer_mut(pointer)
        .and_then(Value::as_object_mut)
        .unwrap_or_else(|| panic!("{pointer}"));
    let x = o.remove(old).unwrap_or_else(|| panic!("{pointer}/{old}"));
    o.insert(new.to_string(), x);
}

#[test]
fn a_renamed_or_unknown_field_or_name_fails() {
    let v = validator();
    let good = sample();
    assert_eq!(errors(&v, &good), Vec::<String>::new());
    let cell = "/tables/requests/rows/0/cells/natural";
    assert!(good.pointer(cell).is_some(), "{cell}");
    let mut cases: Vec<(&str, Value)> = Vec::new();
    for (what, pointer, old, new) in [
        ("top level", "", "verdict", "verdikt"),
        ("input", "/input", "grids", "grid_count"),
        ("a cell", cell, "read", "reading"),
        ("a finding", "/findings/0", "message_en", "messageEn"),
        ("a rate", "/rates/0", "value", "rate"),
    ] {
        let mut j = good.clone();
        rename(&mut j, pointer, old, new);
        cases.push((what, j));
    }
    let mut j = good.clone();
    j["meta"]["extra"] = Value::from(1);
    cases.push(("an unknown field", j));
    let mut j = good.clone();
    j["tables"]["requests"]["rows"][0]["cells"]["natural"]["read"] = Value::from("copied");
    cases.push(("an unknown `read`", j));
    let mut j = good.clone();
    j["schema"] = Value::from("nianbao.result/2");
    cases.push(("another schema version", j));
    let mut j = good.clone();
    j["comparison"] = Value::Null;
    cases.push(("a null comparison (absent when none)", j));
    for (what, j) in cases {
        assert!(!errors(&v, &j).is_empty(), "{what}: still valid");
    }
}

#[test]
fn result_md_names_every_field() {
    let doc = std::fs::read_to_string(root("RESULT.md")).unwrap();
    let missing: Vec<_> = schema_properties(&schema())
        .into_iter()
        .filter(|p| !doc.contains(&format!("`{p}`")) && !doc.contains(&format!("\"{p}\"")))
        .collect();
    assert!(missing.is_empty(), "RESULT.md does not name {missing:?}");
    assert!(doc.contains("schema/result.schema.json"));
}
