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
    // Chinese by default: headers, rule titles, severities.
    let (_, zh, _) = run(&["check", "--format", "csv", &seed("004")]);
    assert!(
        zh.starts_with("\u{FEFF}文件,单位,年度,规则,严重程度,"),
        "{zh}"
    );
    assert!(
        zh.contains(",正文分项之和等于总数（text-sum-mismatch）,错误,"),
        "{zh}"
    );
    let (_, out, _) = run(&["check", "--format", "csv", "--lang", "en", &seed("004")]);
    assert!(out.starts_with('\u{FEFF}'));
    let rows: Vec<&str> = out.trim_start_matches('\u{FEFF}').lines().collect();
    assert!(rows[0].starts_with("file,agency,year,rule,severity"));
    assert_eq!(zh.lines().count(), rows.len());
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
    let doc = dir.join("old.doc");
    std::fs::write(&doc, [0xD0u8, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).unwrap();
    let png = dir.join("scan.txt");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0").unwrap();
    let (code, out, err) = run(&[
        "check",
        "--format",
        "json",
        "/no/such/file.txt",
        doc.to_str().unwrap(),
        png.to_str().unwrap(),
        &seed("000"),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("文件不存在"), "{err}");
    assert!(err.contains("old.doc") && err.contains(".docx"), "{err}");
    assert!(err.contains("scan.txt") && err.contains("图片"), "{err}");
    assert_eq!(out.lines().count(), 1, "the readable file is still checked");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn gb18030_and_utf16_text_files_are_read_and_give_the_same_result() {
    let dir = std::env::temp_dir().join(format!("nianbao-cli-enc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = std::fs::read_to_string(seed("004")).unwrap();
    let (gbk, _, bad) = encoding_rs::GB18030.encode(&text);
    assert!(!bad);
    let gbk_path = dir.join("gbk.txt");
    std::fs::write(&gbk_path, &gbk).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let u16_path = dir.join("utf16.txt");
    std::fs::write(&u16_path, &utf16).unwrap();
    let (code, out, err) = run(&[
        "check",
        "--format",
        "json",
        &seed("004"),
        gbk_path.to_str().unwrap(),
        u16_path.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{err}");
    let rs: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rs.len(), 3);
    let enc: Vec<&str> = rs
        .iter()
        .map(|r| r["input"]["encoding"].as_str().unwrap())
        .collect();
    assert_eq!(enc, ["utf-8", "gb18030", "utf-16le"]);
    for r in &rs[1..] {
        assert_eq!(r["findings"], rs[0]["findings"]);
        assert_eq!(r["tables"], rs[0]["tables"]);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn rules_lists_every_rule() {
    let (code, out, _) = run(&["rules"]);
    assert_eq!(code, 0);
    for r in nianbao::RULES {
        assert!(
            out.contains(r.name) && out.contains(&r.explanation(false)),
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

#[test]
fn previous_report_and_rule_pages() {
    let (code, out, _) = run(&[
        "check",
        "--format",
        "json",
        "--previous",
        &seed("004"),
        &seed("003"),
    ]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert!(v["comparison"]["previous"]["name"]
        .as_str()
        .unwrap()
        .starts_with("004_"));
    assert!(v["comparison"]["repeated_share"].is_number());
    let (code, _, err) = run(&["check", "--previous", "/nonexistent.txt", &seed("003")]);
    assert_eq!(code, 2, "{err}");
    let (code, out, _) = run(&["rules", "--explain", "carryover-mismatch"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("结转下年度继续办理") && out.contains("国办公开办函"),
        "{out}"
    );
    let (code, _, _) = run(&["rules", "--explain", "no-such-rule"]);
    assert_eq!(code, 2);
}

#[test]
fn explain_prints_a_rule_page_with_every_section() {
    // section-empty had no page of its own before every rule got one.
    let (code, out, err) = run(&["rules", "--explain", "section-empty"]);
    assert_eq!(code, 0, "{err}");
    let p = nianbao::rules::pages::page_data("section-empty").unwrap();
    for s in [
        "依据",
        "检查什么",
        "错误示例",
        "正确示例",
        "如何改正",
        "What it checks",
        "Wrong",
        "Right",
        "How to fix",
        p.basis.as_str(),
        p.checks.as_str(),
        p.fix_en.as_str(),
    ] {
        assert!(out.contains(s), "{s}: {out}");
    }
    assert!(
        out.contains("五、存在的主要问题及改进情况\n    无。"),
        "{out}"
    );
    let (code, out, _) = run(&["rules", "--explain", "section-empty", "--lang", "en"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("What it checks") && !out.contains("检查什么"),
        "{out}"
    );
    let (code, out, _) = run(&["rules", "--explain", "section-empty", "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["name"], "section-empty");
    assert_eq!(v["checks"], p.checks.as_str());
}

#[test]
fn explain_an_unknown_rule_says_so_and_fails() {
    let (code, out, err) = run(&["rules", "--explain", "no-such-rule"]);
    assert_eq!(code, 2);
    assert!(out.is_empty(), "{out}");
    assert!(err.contains("unknown rule: no-such-rule"), "{err}");
    assert!(err.contains("nianbao rules"), "{err}");
    let (code, _, err) = run(&["rules", "--explain", "requests-balanse"]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean: requests-balance"), "{err}");
}

#[test]
fn explain_without_a_name_prints_every_page() {
    let (code, out, _) = run(&["rules", "--explain"]);
    assert_eq!(code, 0);
    assert_eq!(out.matches("\n检查什么\n").count(), nianbao::RULES.len());
    for r in nianbao::RULES {
        assert!(out.contains(&format!("{} — ", r.name)), "{}", r.name);
    }
    let (code, out, _) = run(&["rules", "--explain", "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let names: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    let rules: Vec<&str> = nianbao::RULES.iter().map(|r| r.name).collect();
    assert_eq!(names, rules);
}

/// `nianbao rules --explain | head`: the reader stops early; nianbao stops quietly (no panic, no
/// message), for every command that writes more than a pipe holds.
#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    use std::io::Read;
    use std::process::Stdio;
    for args in [
        &["rules", "--explain"][..],
        &["rules", "--explain", "--format", "json"],
        &["rules"],
        &["schema"],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_nianbao"))
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("nianbao runs");
        let mut first = [0u8; 16];
        child
            .stdout
            .take()
            .expect("stdout")
            .read_exact(&mut first)
            .expect("some output");
        // The read end is closed here: what nianbao writes next meets a broken pipe (the rules'
        // pages are ~110 KB, more than a pipe's 64 KB buffer).
        let mut err = String::new();
        child
            .stderr
            .take()
            .expect("stderr")
            .read_to_string(&mut err)
            .expect("stderr reads");
        let status = child.wait().expect("nianbao ends");
        assert!(err.is_empty(), "{args:?}: {err}");
        assert!(status.success(), "{args:?}: {status}");
    }
}

#[test]
fn a_file_that_is_only_a_link_says_what_to_do_and_is_not_checked() {
    let dir = std::env::temp_dir().join(format!("nianbao-cli-link-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let link = dir.join("link.txt");
    std::fs::write(
        &link,
        "泉州市丰泽区卫生健康局2022年政府信息公开工作年度报告\nhttps://www.fzqzf.gov.cn/zwgk/ndbg/202301/t20230116_123456.htm\n",
    )
    .unwrap();
    let summary = dir.join("summary.csv");
    let (code, out, err) = run(&[
        "check",
        "--summary",
        summary.to_str().unwrap(),
        link.to_str().unwrap(),
        &seed("000"),
    ]);
    assert_eq!(code, 2, "as for an unreadable file");
    assert!(
        err.contains("link.txt")
            && err.contains("这是网页地址，不是报告正文")
            && err.contains("Ctrl+S"),
        "{err}"
    );
    assert!(
        !out.contains("link.txt —"),
        "no verdict for the link: {out}"
    );
    assert!(out.contains("000_"), "the report is still checked: {out}");
    let csv = std::fs::read_to_string(&summary).unwrap();
    let row = csv.lines().find(|l| l.contains("link.txt")).unwrap();
    assert!(
        row.contains(",无法读取,") && row.contains("这是网页地址"),
        "{row}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_option_is_never_taken_for_a_file_name() {
    // A user who leaves out --summary's file name must not get a file named "--issues".
    let dir = std::env::temp_dir().join(format!("nianbao-cli-optname-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let issues = dir.join("issues.csv");
    let o = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .current_dir(&dir)
        .args([
            "check",
            "--summary",
            "--issues",
            issues.to_str().unwrap(),
            &seed("000"),
        ])
        .output()
        .unwrap();
    let err = String::from_utf8(o.stderr).unwrap();
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("--summary 需要文件名 needs a file name"),
        "{err}"
    );
    assert!(
        !dir.join("--issues").exists(),
        "no file named after an option"
    );
    assert!(!issues.exists(), "nothing checked, nothing written");
    std::fs::remove_dir_all(&dir).unwrap();
}
