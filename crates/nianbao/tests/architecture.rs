//! ARCHITECTURE.md's invariants about the code's shape, enforced: the map names every source
//! file and names no file that does not exist; no two top-level modules of a crate import each
//! other, directly or round a loop; the engine has no web dependency.
//!
//! Reads the sources (the repository's `src/`, `static/`, `crates/*/src`), so it runs natively
//! with the engine's other tests.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every file under `dir` (relative to the repository) whose name ends in one of `exts`.
fn files(dir: &str, exts: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![repo().join(dir)];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if exts.iter().any(|x| p.to_string_lossy().ends_with(x)) {
                let rel = p.strip_prefix(repo()).unwrap_or(&p).to_string_lossy();
                out.push(rel.trim_start_matches("./").replace('\\', "/"));
            }
        }
    }
    out.sort();
    out
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(repo().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The source files the map must account for: every crate's `src/`, the page's `src/` and
/// `static/`.
fn sources() -> Vec<String> {
    let mut all = files("src", &[".rs", ".js"]);
    all.extend(files("static", &[".js"]));
    for c in [
        "crates/nianbao",
        "crates/nianbao-cli",
        "crates/nianbao-worker",
    ] {
        all.extend(files(&format!("{c}/src"), &[".rs"]));
    }
    all.sort();
    all.dedup();
    all
}

/// How the map names a file: by its path from the repository root, or inside a crate's block by
/// its path from the crate (`src/rules/mod.rs` under `crates/nianbao/`), by a pattern for a
/// folder's files (`src/rules/<name>.rs`), or by a folder it lists as one unit (`src/read/pdf/`;
/// not a whole `src/`).
fn named_in_map(map: &str, rel: &str) -> bool {
    let short = [
        "crates/nianbao/",
        "crates/nianbao-cli/",
        "crates/nianbao-worker/",
    ]
    .iter()
    .find_map(|c| rel.strip_prefix(c))
    .unwrap_or(rel);
    if map.contains(rel) || map.contains(short) {
        return true;
    }
    // A folder's files named by a pattern ("src/rules/<name>.rs"): the files directly in it.
    if let Some(d) = Path::new(short).parent() {
        if d.components().count() >= 2 && map.contains(&format!("{}/<", d.to_string_lossy())) {
            return true;
        }
    }
    // A folder named as a unit ("src/read/pdf/", "src/tables/"): every file in it is named.
    let mut dir = Path::new(short).parent();
    while let Some(d) = dir {
        let name = d.to_string_lossy();
        // A crate's `src/` as a whole does not name its files.
        if d.components().count() < 2 {
            break;
        }
        if map.contains(&format!("{name}/ ")) || map.contains(&format!("{name}/*")) {
            return true;
        }
        dir = d.parent();
    }
    false
}

#[test]
fn the_map_names_every_source_file() {
    let map = read("ARCHITECTURE.md");
    let missing: Vec<String> = sources()
        .into_iter()
        .filter(|f| !named_in_map(&map, f))
        .collect();
    assert!(
        missing.is_empty(),
        "ARCHITECTURE.md does not name these files (add a line each, or name their folder as a unit \
         with a trailing `/`):\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_file_the_map_names_exists() {
    let map = read("ARCHITECTURE.md");
    let mut gone = Vec::new();
    for word in map.split(|c: char| c.is_whitespace() || "`()[],;:".contains(c)) {
        let w = word.trim_end_matches(['.', '*']);
        if !(w.ends_with(".rs") || w.ends_with(".js") || w.ends_with(".mjs") || w.ends_with(".sh"))
        {
            continue;
        }
        if !w.contains('/') || w.contains("<") || w.contains('*') {
            continue;
        }
        let candidates = [
            w.to_string(),
            format!("crates/nianbao/{w}"),
            format!("crates/nianbao-cli/{w}"),
            format!("crates/nianbao-worker/{w}"),
        ];
        if !candidates.iter().any(|c| repo().join(c).exists()) {
            gone.push(w.to_string());
        }
    }
    gone.sort();
    gone.dedup();
    assert!(
        gone.is_empty(),
        "ARCHITECTURE.md names files that do not exist:\n{}",
        gone.join("\n")
    );
}

/// The top-level modules a source file refers to through `crate::` (comments and the file's
/// test module left out).
fn crate_refs(src: &str) -> BTreeSet<String> {
    let code: String = src
        .split("#[cfg(test)]\nmod ")
        .next()
        .unwrap_or("")
        .lines()
        .map(|l| match l.find("//") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut out = BTreeSet::new();
    let mut rest = code.as_str();
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + "crate::".len()..];
        if let Some(inner) = rest.strip_prefix('{') {
            // `crate::{a, b::{c, d}, e}`: the names at the first depth.
            let mut depth = 1;
            let mut start = true;
            let mut name = String::new();
            for ch in inner.chars() {
                match ch {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    ',' if depth == 1 => start = true,
                    c if depth == 1 && start && (c.is_alphanumeric() || c == '_') => name.push(c),
                    c if depth == 1 && start && !c.is_whitespace() => {
                        if !name.is_empty() {
                            out.insert(std::mem::take(&mut name));
                        }
                        start = false;
                    }
                    _ => {}
                }
            }
            if !name.is_empty() {
                out.insert(name);
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                out.insert(name);
            }
        }
    }
    out
}

/// The import graph between a crate's top-level modules (a file `x.rs` or a folder `x/`).
fn module_graph(src_dir: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in files(src_dir, &[".rs"]) {
        let rel = f.strip_prefix(&format!("{src_dir}/")).unwrap_or(&f);
        let top = rel
            .split('/')
            .next()
            .unwrap_or(rel)
            .trim_end_matches(".rs")
            .to_string();
        if top == "lib" || top == "main" {
            continue;
        }
        let deps = crate_refs(&read(&f));
        let entry = g.entry(top.clone()).or_default();
        entry.extend(deps.into_iter().filter(|d| *d != top));
    }
    let names: BTreeSet<String> = g.keys().cloned().collect();
    for deps in g.values_mut() {
        deps.retain(|d| names.contains(d));
    }
    g
}

/// A loop in the graph, if there is one (depth-first search, colours).
fn find_cycle(g: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        v: &str,
        g: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(v.to_string(), 1);
        path.push(v.to_string());
        for w in g.get(v).into_iter().flatten() {
            match state.get(w.as_str()).copied().unwrap_or(0) {
                1 => {
                    let at = path.iter().position(|p| p == w).unwrap_or(0);
                    let mut cycle = path[at..].to_vec();
                    cycle.push(w.clone());
                    return Some(cycle);
                }
                0 => {
                    if let Some(c) = visit(w, g, state, path) {
                        return Some(c);
                    }
                }
                _ => {}
            }
        }
        path.pop();
        state.insert(v.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for v in g.keys() {
        if state.get(v.as_str()).copied().unwrap_or(0) == 0 {
            if let Some(c) = visit(v, g, &mut state, &mut Vec::new()) {
                return Some(c);
            }
        }
    }
    None
}

#[test]
fn no_import_cycles_between_top_level_modules() {
    for dir in [
        "crates/nianbao/src",
        "src",
        "crates/nianbao-cli/src",
        "crates/nianbao-worker/src",
    ] {
        let g = module_graph(dir);
        if let Some(c) = find_cycle(&g) {
            panic!(
                "{dir}: the modules import each other round a loop: {}",
                c.join(" → ")
            );
        }
    }
}

#[test]
fn the_cycle_finder_finds_a_cycle_and_reads_nested_imports() {
    let refs = crate_refs("use crate::{a::{b, c}, d};\nfn f() { crate::e::g(); } // crate::z\n");
    assert_eq!(
        refs.into_iter().collect::<Vec<_>>(),
        ["a", "d", "e"].map(String::from)
    );
    let mut g = BTreeMap::new();
    g.insert("x".to_string(), BTreeSet::from(["y".to_string()]));
    g.insert("y".to_string(), BTreeSet::from(["z".to_string()]));
    g.insert("z".to_string(), BTreeSet::from(["x".to_string()]));
    assert_eq!(find_cycle(&g).map(|c| c.len()), Some(4));
    g.insert("z".to_string(), BTreeSet::new());
    assert_eq!(find_cycle(&g), None);
}

#[test]
fn the_engine_has_no_web_dependency() {
    let manifest = read("crates/nianbao/Cargo.toml");
    let deps = manifest
        .split("[dependencies]")
        .nth(1)
        .unwrap_or("")
        .split("\n[")
        .next()
        .unwrap_or("");
    for web in ["wasm-bindgen", "web-sys", "js-sys", "yew", "gloo"] {
        assert!(
            !deps.lines().any(|l| l.trim_start().starts_with(web)),
            "the engine depends on {web}"
        );
    }
}
