//! The command line as a user runs it.

use std::process::Command;

fn seed(p: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../nianbao/tests/data/seeds");
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|x| x.file_name().unwrap().to_string_lossy().starts_with(p))
        .unwrap()
        .to_string_lossy()
        .to_string()
}

fn run(args: &[&str]) -> (i32, String, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(args)
        .output()
        .unwrap();
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8(o.stdout).unwrap(),
        String::from_utf8(o.stderr).unwrap(),
    )
}

#[test]
fn readable_report_with_checklist_and_lines() {
    let (code, out, _) = run(&["check", &seed("003")]);
    assert_eq!(code, 1);
    assert!(out.contains("需修改"), "{out}");
    assert!(
        out.contains("[2] 二、主动公开政府信息情况 (第87行)"),
        "{out}"
    );
    assert!(out.contains("✗ 引用条款和文号正确"), "{out}");
    assert!(out.contains("94:1"), "{out}");
    assert!(!out.contains("\x1b["), "no colour when not a terminal");
    let (code, out, _) = run(&["check", "--lang", "en", &seed("000")]);
    assert_eq!(code, 0);
    assert!(out.contains("Publishable (2 warnings)"), "{out}");
}

#[test]
fn json_one_object_per_line_same_as_the_engine() {
    let (code, out, _) = run(&["check", "--format", "json", &seed("000"), &seed("004")]);
    assert_eq!(code, 1, "seed 004 has an error");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2);
    let text = std::fs::read_to_string(seed("004")).unwrap();
    let name = std::path::Path::new(&seed("004"))
        .file_name()
        .unwrap()
        .to_string_lossy()
        .to_string();
    assert_eq!(
        lines[1],
        nianbao::to_json(&nianbao::check(&name, &text), false)
    );
    let v: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(v["verdict"], "warn");
}

#[test]
fn csv_has_a_bom_and_one_finding_per_row() {
    let (_, out, _) = run(&["check", "--format", "csv", &seed("004")]);
    assert!(out.starts_with('\u{FEFF}'));
    let rows: Vec<&str> = out.trim_start_matches('\u{FEFF}').lines().collect();
    assert!(rows[0].starts_with("file,agency,year,rule,severity"));
    let r = nianbao::check("x", &std::fs::read_to_string(seed("004")).unwrap());
    assert_eq!(rows.len(), 1 + r.findings.len());
    assert!(rows
        .iter()
        .any(|l| l.contains("text-sum-mismatch") && l.contains(",399,395,")));
}

#[test]
fn unreadable_files_get_a_message_and_the_others_are_still_checked() {
    let dir = std::env::temp_dir().join(format!("nianbao-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let gbk = dir.join("gbk.txt");
    std::fs::write(&gbk, [0xD2u8, 0xBB, 0xA1, 0xA2, 0xD7, 0xDC]).unwrap();
    let pdf = dir.join("r.pdf");
    std::fs::write(&pdf, b"%PDF-1.4 ...").unwrap();
    let (code, out, err) = run(&[
        "check",
        "--format",
        "json",
        "/no/such/file.txt",
        gbk.to_str().unwrap(),
        pdf.to_str().unwrap(),
        &seed("000"),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("文件不存在"), "{err}");
    assert!(err.contains("UTF-8"), "{err}");
    assert!(err.contains("PDF"), "{err}");
    assert_eq!(out.lines().count(), 1, "the readable file is still checked");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn rules_lists_every_rule() {
    let (code, out, _) = run(&["rules"]);
    assert_eq!(code, 0);
    for r in nianbao::RULES {
        assert!(
            out.contains(r.name) && out.contains(r.explanation),
            "{}",
            r.name
        );
    }
    let (_, out, _) = run(&["rules", "--lang", "en"]);
    assert!(out.contains("Published on time"));
}

#[test]
fn usage_errors() {
    let (code, _, err) = run(&[]);
    assert_eq!(code, 2);
    assert!(err.contains("用法"));
    let (code, _, _) = run(&["check", "--format", "xml", "x"]);
    assert_eq!(code, 2);
}
