//! The dataset (`--cells`): it loads in Python's csv module, and every value equals the JSON's
//! cell for the seeds and the fixtures of every form (Word, web page, PDF, text), with inferred
//! cells marked and an unreadable file given its own row.

use std::path::{Path, PathBuf};
use std::process::Command;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../nianbao/tests/fixtures");
const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../nianbao/tests/data/seeds");

fn folder() -> PathBuf {
    let d = std::env::temp_dir().join(format!("nianbao-dataset-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    for e in std::fs::read_dir(SEEDS).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, d.join(p.file_name().unwrap())).unwrap();
    }
    for f in [
        "report_a.docx",
        "report_a.html",
        "report_a.pdf",
        "report_a_tabs.txt",
        "report_a_glued.txt",
        "report_b.docx",
        "report_b.html",
        "report_b.pdf",
        "scanned.pdf",
    ] {
        std::fs::copy(Path::new(FIXTURES).join(f), d.join(f)).unwrap();
    }
    d
}

/// The file as Python's csv module reads it: a list of {column: value}.
fn python_rows(path: &Path) -> Vec<serde_json::Map<String, serde_json::Value>> {
    let o = Command::new("python3")
        .args([
            "-c",
            "import csv, json, sys\n\
             rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8-sig', newline='')))\n\
             print(json.dumps(rows, ensure_ascii=False))",
        ])
        .arg(path)
        .output()
        .expect("python3 runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_object().unwrap().clone())
        .collect()
}

/// The JSON's cell (value, read) for a dataset column, when its row was found and it holds a
/// number.
fn json_cell(r: &serde_json::Value, c: &nianbao::dataset::Column) -> Option<(f64, bool)> {
    let t = &r["tables"][c.table];
    if t["found"] != true {
        return None;
    }
    let row = t["rows"]
        .as_array()?
        .iter()
        .find(|x| x["key"] == c.row && x["found"] == true)?;
    let cell = &row["cells"][c.col];
    if cell["kind"] != "number" {
        return None;
    }
    let read = row["found_by"] != "count" && cell["read"] != "guessed";
    Some((cell["value"].as_f64()?, read))
}

#[test]
fn the_dataset_loads_in_python_and_every_value_is_the_jsons() {
    let d = folder();
    let out = d.join("cells.csv");
    let o = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(["check", "--format", "json", "--cells"])
        .arg(&out)
        .arg(&d)
        .output()
        .unwrap();
    // The scan cannot be read: exit 2, and the others are still written.
    assert_eq!(o.status.code(), Some(2));
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with("\u{FEFF}file,agency,year,format,verdict".as_bytes()));
    let rows = python_rows(&out);
    let results: Vec<serde_json::Value> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        rows.len(),
        results.len() + 1,
        "a row per file, the scan too"
    );
    let columns = nianbao::dataset::columns();
    let mut compared = 0;
    for r in &results {
        let name = r["input"]["name"].as_str().unwrap();
        let row = rows
            .iter()
            .find(|x| x["file"].as_str().unwrap().ends_with(name))
            .unwrap_or_else(|| panic!("no row for {name}"));
        assert_eq!(row.len(), 7 + columns.len() + 3);
        assert_eq!(row["verdict"], r["verdict"]);
        assert_eq!(
            row["format"],
            r["format"]["detected"].as_str().unwrap_or("")
        );
        assert_eq!(
            row["year"].as_str().unwrap(),
            r["meta"]["year"]
                .as_i64()
                .map(|y| y.to_string())
                .unwrap_or_default()
        );
        assert_eq!(
            row["errors"].as_str().unwrap(),
            r["counts"]["error"].to_string()
        );
        let inferred: Vec<&str> = row["inferred"]
            .as_str()
            .unwrap()
            .split_whitespace()
            .collect();
        for c in columns {
            let got = row[&c.name].as_str().unwrap();
            match json_cell(r, c) {
                Some((v, read)) => {
                    let g: f64 = got
                        .parse()
                        .unwrap_or_else(|_| panic!("{name} {}: {got:?}", c.name));
                    assert!((g - v).abs() < 1e-9, "{name} {}: {g} ≠ {v}", c.name);
                    assert_eq!(
                        inferred.contains(&c.name.as_str()),
                        !read,
                        "{name} {}",
                        c.name
                    );
                    compared += 1;
                }
                None => assert_eq!(got, "", "{name} {}", c.name),
            }
        }
    }
    // The fixtures' three tables and the seeds' are there: thousands of numbers compared.
    assert!(compared > 1500, "{compared}");
    let scan = rows
        .iter()
        .find(|x| x["file"].as_str().unwrap().ends_with("scanned.pdf"))
        .unwrap();
    assert_eq!(scan["verdict"], "unreadable");
    assert!(scan["reason"].as_str().unwrap().contains("扫描件"));
    let a = rows
        .iter()
        .find(|x| x["file"].as_str().unwrap().ends_with("report_a.docx"))
        .unwrap();
    // report_a: 本年新收 75 natural persons, 81 in all; 行政复议 4; 行政许可 1520.
    assert_eq!(a["t3.1.natural"], "75");
    assert_eq!(a["t3.1.total"], "81");
    assert_eq!(a["t4.review.total"], "4");
    assert_eq!(a["t2.licensing.decisions"], "1520");
    // A 2021 report has no 2019-only cell.
    assert_eq!(a["t3.3.6.total"], "");
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn dataset_md_lists_every_column() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../DATASET.md");
    let table = nianbao::dataset::markdown_columns();
    if std::env::var_os("NIANBAO_WRITE_DATASET").is_some() {
        let doc = std::fs::read_to_string(path).unwrap_or_default();
        let head = doc
            .split("<!-- columns -->")
            .next()
            .unwrap_or("")
            .to_string();
        std::fs::write(path, format!("{head}<!-- columns -->\n\n{table}")).unwrap();
    }
    let doc = std::fs::read_to_string(path).unwrap();
    assert!(
        doc.ends_with(&table),
        "DATASET.md's table of columns is not current: NIANBAO_WRITE_DATASET=1 cargo test -p nianbao-cli --test dataset"
    );
}
