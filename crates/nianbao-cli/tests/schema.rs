//! What the command line writes as JSON validates against the checked-in result schema
//! (`schema/result.schema.json`), which is what `nianbao schema` prints: `check --format json`
//! on every seed and fixture, with last year's report, from standard input, and a batch of a
//! folder and a zip archive.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
const ENGINE_TESTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../nianbao/tests");

fn run(args: &[&str], stdin: Option<&[u8]>) -> (i32, String, String) {
    let mut c = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let input = c.stdin.take();
    if let (Some(mut i), Some(bytes)) = (input, stdin) {
        i.write_all(bytes).unwrap();
    }
    let o = c.wait_with_output().unwrap();
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8(o.stdout).unwrap(),
        String::from_utf8(o.stderr).unwrap(),
    )
}

fn checked_in() -> String {
    std::fs::read_to_string(format!("{ROOT}/schema/result.schema.json")).unwrap()
}

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(&checked_in()).unwrap();
    jsonschema::validator_for(&schema).expect("a valid JSON Schema")
}

/// Every line of `jsonl` validates; returns how many there were.
fn assert_valid(v: &jsonschema::Validator, jsonl: &str, what: &str) -> usize {
    let mut n = 0;
    for line in jsonl.lines() {
        let json: serde_json::Value = serde_json::from_str(line).unwrap();
        let errors: Vec<String> = v
            .iter_errors(&json)
            .map(|e| format!("{}: {e}", e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "{what}: {}: {}",
            json["input"]["name"],
            errors.join("; ")
        );
        n += 1;
    }
    n
}

fn files(dir: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(format!("{ENGINE_TESTS}/{dir}"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    v.sort();
    v
}

#[test]
fn schema_prints_the_checked_in_schema() {
    let (code, out, _) = run(&["schema"], None);
    assert_eq!(code, 0);
    assert!(
        out == checked_in(),
        "`nianbao schema` differs from schema/result.schema.json: run \
         NIANBAO_WRITE_SCHEMA=1 cargo test -p nianbao --features schema --lib schema"
    );
}

#[test]
fn check_json_validates_on_every_seed_and_fixture() {
    let v = validator();
    let mut paths = files("data/seeds");
    paths.extend(files("fixtures"));
    let args: Vec<&str> = ["check", "--format", "json"]
        .into_iter()
        .chain(paths.iter().map(|p| p.to_str().unwrap()))
        .collect();
    let (code, out, err) = run(&args, None);
    assert!(code == 1 || code == 2, "{code}: {err}");
    // Every file but the scan (no text layer) and the workbook under a .doc name gives a result.
    assert!(
        err.contains("scanned.pdf") && err.contains("sheet_as.doc"),
        "{err}"
    );
    assert_eq!(assert_valid(&v, &out, "check"), paths.len() - 2, "{err}");

    let seed = files("data/seeds");
    let (a, b) = (seed[3].to_str().unwrap(), seed[4].to_str().unwrap());
    let (_, out, _) = run(&["check", "--format", "json", "--previous", b, a], None);
    assert!(out.contains("\"comparison\""), "{out}");
    assert_eq!(assert_valid(&v, &out, "--previous"), 1);

    let text = std::fs::read(a).unwrap();
    let (_, out, _) = run(&["check", "--format", "json", "-"], Some(&text));
    assert_eq!(assert_valid(&v, &out, "stdin"), 1);
}

#[test]
fn a_batch_validates() {
    let v = validator();
    let dir = std::env::temp_dir().join(format!("nianbao-schema-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    let fixtures = Path::new(ENGINE_TESTS).join("fixtures");
    for f in ["report_a.docx", "report_b.html", "report_a.pdf"] {
        std::fs::copy(fixtures.join(f), dir.join(f)).unwrap();
    }
    for s in files("data/seeds") {
        std::fs::copy(&s, dir.join("sub").join(s.file_name().unwrap())).unwrap();
    }
    // The same reports in a zip archive.
    let zip_path = dir.join("reports.zip");
    let mut z = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
    for s in files("data/seeds") {
        let name = s.file_name().unwrap().to_string_lossy().to_string();
        z.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        z.write_all(&std::fs::read(&s).unwrap()).unwrap();
    }
    z.finish().unwrap();
    let summary = dir.join("summary.csv");
    let (_, out, err) = run(
        &[
            "check",
            "--format",
            "json",
            "--summary",
            summary.to_str().unwrap(),
            dir.to_str().unwrap(),
        ],
        None,
    );
    let seeds = files("data/seeds").len();
    assert_eq!(assert_valid(&v, &out, "batch"), 3 + 2 * seeds, "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
