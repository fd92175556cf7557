//! Many reports at once: folders, zip archives, the roll-up and the issue list.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../nianbao/tests/fixtures");
const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../nianbao/tests/data/seeds");

fn seed(p: &str) -> PathBuf {
    std::fs::read_dir(SEEDS)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|x| x.file_name().unwrap().to_string_lossy().starts_with(p))
        .unwrap()
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(FIXTURES).join(name)).unwrap()
}

/// A fresh scratch folder for one test.
fn scratch(test: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("nianbao-batch-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
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

fn names(jsonl: &str) -> Vec<String> {
    jsonl
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["input"]["name"].as_str().unwrap().to_string()
        })
        .collect()
}

/// The files of a batch: Word, web page, two text reports in a nested folder, one file that
/// cannot be read, and files a folder walk skips.
fn batch_folder(root: &Path) -> PathBuf {
    let d = root.join("reports");
    std::fs::create_dir_all(d.join("sub")).unwrap();
    std::fs::write(d.join("report_a.docx"), fixture("report_a.docx")).unwrap();
    std::fs::write(d.join("report_a.html"), fixture("report_a.html")).unwrap();
    std::fs::copy(seed("000"), d.join("sub/000.txt")).unwrap();
    std::fs::copy(seed("004"), d.join("sub/004.txt")).unwrap();
    std::fs::write(d.join("broken.docx"), b"PK\x03\x04 this is no Word file").unwrap();
    std::fs::write(d.join("photo.png"), b"\x89PNG not a report").unwrap();
    std::fs::write(d.join(".hidden.txt"), "not a report").unwrap();
    d
}

/// CSV rows split naively (the tests' values hold no commas).
fn rows(csv: &str) -> Vec<Vec<String>> {
    assert!(csv.starts_with('\u{FEFF}'), "BOM");
    assert!(!csv.replace("\r\n", "").contains('\n'), "CRLF line ends");
    csv.trim_start_matches('\u{FEFF}')
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect()
}

#[test]
fn a_folder_walked_with_summary_and_issue_list() {
    let root = scratch("folder");
    let dir = batch_folder(&root);
    let summary = root.join("summary.csv");
    let issues = root.join("issues.csv");
    let (code, out, err) = run(&[
        "check",
        "--format",
        "json",
        "--summary",
        summary.to_str().unwrap(),
        "--issues",
        issues.to_str().unwrap(),
        dir.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "one input could not be read: {err}");
    let d = dir.to_string_lossy();
    // Sorted paths, hidden and unsupported files skipped, the unreadable one only on stderr.
    assert_eq!(
        names(&out),
        [
            format!("{d}/report_a.docx"),
            format!("{d}/report_a.html"),
            format!("{d}/sub/000.txt"),
            format!("{d}/sub/004.txt"),
        ]
    );
    assert!(err.contains("broken.docx"), "{err}");
    assert!(
        !err.contains("photo.png") && !err.contains("hidden"),
        "{err}"
    );

    let s = rows(&std::fs::read_to_string(&summary).unwrap());
    assert_eq!(
        s[0].join(","),
        "文件,单位,年度,格式,结论,错误数,提示数,新收申请,办理结果总计,结转下年度,行政复议总计,行政诉讼总计,实质公开率,推断的单元格数,说明,复议纠错率,诉讼纠错率,主要问题,上年报告配对,雷同"
    );
    assert_eq!(
        s.len(),
        1 + 5,
        "one row per report, the unreadable one included"
    );
    // Failing first: unreadable, then fail, then warn, then pass (by file within each).
    assert_eq!(s[1][0], format!("{d}/broken.docx"));
    assert_eq!(s[1][4], "无法读取");
    assert!(!s[1][14].is_empty(), "the reason: {:?}", s[1]);
    assert_eq!(s[2][0], format!("{d}/sub/004.txt"));
    assert_eq!(s[2][4], "需修改");
    assert_eq!(s[2][1], "广州市越秀区卫生健康局");
    // 主要问题: the first errors' short titles.
    assert_eq!(s[2][17], "正文分项之和等于总数");
    assert_eq!(s[3][0], format!("{d}/sub/000.txt"));
    assert_eq!(s[3][4], "可发布（有提示）");
    assert_eq!(s[4][0], format!("{d}/report_a.docx"));
    assert_eq!(s[5][0], format!("{d}/report_a.html"));
    for r in &s[4..6] {
        assert_eq!(r[1], "泉州市丰泽区卫生健康局");
        assert_eq!((r[2].as_str(), r[3].as_str()), ("2022", "2021"));
        assert_eq!(r[4], "可发布");
        assert_eq!(r[7], "81", "新收申请 (row 1 总计)");
        assert_eq!(r[8], "79", "办理结果总计 (3.7)");
        assert_eq!(r[9], "5", "结转下年度 (4)");
        assert_eq!(r[10], "4", "行政复议总计");
        assert_eq!(r[11], "2", "行政诉讼总计");
        // (3.1 + 3.2) / 3.7 = (42 + 5) / 79
        assert_eq!(r[12], "59.5%", "实质公开率");
        assert_eq!(
            (r[15].as_str(), r[16].as_str()),
            ("33.3%", "0.0%"),
            "纠错率"
        );
        assert_eq!(r[17], "", "no problems");
    }

    let text = std::fs::read_to_string(&issues).unwrap();
    let i = rows(&text);
    assert_eq!(
        i[0].join(","),
        "单位,年度,文件,部分,规则,严重程度,问题描述,原文位置,依据,整改情况,已忽略（理由）"
    );
    let findings: usize = out
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["findings"].as_array().unwrap().len()
        })
        .sum();
    assert_eq!(
        text.matches("\r\n").count(),
        1 + findings + 1,
        "one row per finding, and one for the file that could not be read"
    );
    // The unreadable file's row comes last (no agency), saying what to send instead.
    let broken = i.last().unwrap();
    assert_eq!(broken[2], format!("{d}/broken.docx"));
    assert!(broken[9].starts_with("请重新报送"), "{broken:?}");
    assert!(findings > 0);
    // Seed 004's enumeration that does not add up: an error, quoted, with its basis.
    let sum = text
        .lines()
        .find(|l| l.contains("text-sum-mismatch"))
        .expect("seed 004's text-sum-mismatch");
    assert!(sum.starts_with("广州市越秀区卫生健康局,2020,"), "{sum}");
    assert!(sum.contains(",错误,"), "{sum}");
    // A text file: its place is the quoted text.
    assert!(sum.contains(",“"), "{sum}");
    assert!(sum.contains("国办公开办函〔2021〕30号"), "{sum}");
    assert!(sum.ends_with(",,"), "整改情况 and 已忽略 left empty: {sum}");
    let _ = std::fs::remove_dir_all(&root);
}

fn deflated() -> zip::write::SimpleFileOptions {
    zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated)
}

#[test]
fn a_zip_archive_with_a_gbk_name_and_a_zip_bomb() {
    let root = scratch("zip");
    let path = root.join("batch.zip");
    let mut z = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    z.start_file("sub/004.txt", deflated()).unwrap();
    z.write_all(&std::fs::read(seed("004")).unwrap()).unwrap();
    z.start_file("report_a.docx", deflated()).unwrap();
    z.write_all(&fixture("report_a.docx")).unwrap();
    // Named in GBK (as Windows in Chinese writes it) once patched below: same length.
    z.start_file("XXXX.html", deflated()).unwrap();
    z.write_all(&fixture("report_a.html")).unwrap();
    // 8 MiB of zeros packs into a few KiB: a zip bomb.
    z.start_file("bomb.txt", deflated()).unwrap();
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..8 {
        z.write_all(&zeros).unwrap();
    }
    z.start_file("notes/readme.rtf", deflated()).unwrap();
    z.write_all(b"{\\rtf skipped}").unwrap();
    z.start_file("__MACOSX/._report_a.docx", deflated())
        .unwrap();
    z.write_all(b"resource fork").unwrap();
    z.finish().unwrap();
    let (gbk, _, _) = encoding_rs::GBK.encode("年报");
    let mut bytes = std::fs::read(&path).unwrap();
    let mut at = 0;
    while let Some(p) = bytes[at..].windows(4).position(|w| w == b"XXXX") {
        bytes[at + p..at + p + 4].copy_from_slice(&gbk);
        at += p + 4;
    }
    std::fs::write(&path, &bytes).unwrap();

    let summary = root.join("summary.csv");
    let zip = path.to_string_lossy().to_string();
    let (code, out, err) = run(&[
        "check",
        "--format",
        "json",
        "--summary",
        summary.to_str().unwrap(),
        &zip,
    ]);
    assert_eq!(code, 2, "the bomb is an unreadable input: {err}");
    assert_eq!(
        names(&out),
        [
            format!("{zip}/report_a.docx"),
            format!("{zip}/sub/004.txt"),
            format!("{zip}/年报.html"),
        ],
        "entries sorted by decoded name; the bomb left out; the rest goes on"
    );
    assert!(err.contains("bomb.txt"), "{err}");
    assert!(err.contains("压缩炸弹"), "{err}");
    let s = rows(&std::fs::read_to_string(&summary).unwrap());
    assert_eq!(s.len(), 1 + 4);
    assert_eq!(s[1][0], format!("{zip}/bomb.txt"));
    assert_eq!(s[1][4], "无法读取");
    assert!(s[1][14].contains("压缩炸弹"), "{:?}", s[1]);
    assert_eq!(s[2][0], format!("{zip}/sub/004.txt"));
    let a = s.iter().find(|r| r[0].ends_with("年报.html")).unwrap();
    assert_eq!((a[7].as_str(), a[12].as_str()), ("81", "59.5%"));
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn a_zip_entry_that_lies_about_its_size_is_not_inflated() {
    let root = scratch("lying");
    let path = root.join("lying.zip");
    let mut z = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    z.start_file("ok.txt", deflated()).unwrap();
    z.write_all(&std::fs::read(seed("000")).unwrap()).unwrap();
    z.start_file("liar.txt", deflated()).unwrap();
    z.write_all(&vec![b'0'; 300_000]).unwrap();
    z.finish().unwrap();
    // Make both headers of liar.txt claim 1000 inflated bytes.
    let mut bytes = std::fs::read(&path).unwrap();
    let claim = 1000u32.to_le_bytes();
    let size = 300_000u32.to_le_bytes();
    let mut patched = 0;
    for i in 0..bytes.len() - 4 {
        if bytes[i..i + 4] == size {
            bytes[i..i + 4].copy_from_slice(&claim);
            patched += 1;
        }
    }
    assert!(patched >= 2, "local and central header");
    std::fs::write(&path, &bytes).unwrap();
    let (code, out, err) = run(&["check", "--format", "json", path.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert_eq!(names(&out), [format!("{}/ok.txt", path.display())]);
    assert!(err.contains("liar.txt"), "{err}");
    assert!(err.contains("解压后超过声明的1000字节"), "{err}");
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn results_come_in_the_order_of_the_inputs() {
    let root = scratch("order");
    let dir = batch_folder(&root);
    std::fs::remove_file(dir.join("broken.docx")).unwrap();
    let (s4, s0, s3) = (seed("004"), seed("000"), seed("003"));
    let (code, out, _) = run(&[
        "check",
        "--format",
        "json",
        s4.to_str().unwrap(),
        dir.to_str().unwrap(),
        s0.to_str().unwrap(),
        s3.to_str().unwrap(),
        s0.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "seeds 003 and 004 have errors");
    let base = |p: &Path| p.file_name().unwrap().to_string_lossy().to_string();
    let d = dir.to_string_lossy();
    assert_eq!(
        names(&out),
        [
            base(&s4),
            format!("{d}/report_a.docx"),
            format!("{d}/report_a.html"),
            format!("{d}/sub/000.txt"),
            format!("{d}/sub/004.txt"),
            base(&s0),
            base(&s3),
            base(&s0),
        ]
    );
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn exit_status_of_a_batch() {
    let root = scratch("exit");
    let clean = root.join("clean");
    std::fs::create_dir_all(&clean).unwrap();
    std::fs::write(clean.join("a.docx"), fixture("report_a.docx")).unwrap();
    std::fs::write(clean.join("b.htm"), fixture("report_a.html")).unwrap();
    // Old Word and WPS files are read in a folder; other forms are skipped.
    std::fs::write(clean.join("c.doc"), fixture("report_a.doc")).unwrap();
    std::fs::write(clean.join("d.wps"), fixture("report_a.wps")).unwrap();
    std::fs::write(clean.join("old.xls"), b"skipped in a folder").unwrap();
    let (code, out, err) = run(&["check", clean.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(out.matches("可发布").count(), 4, "{out}");
    assert!(
        out.contains("c.doc") && out.contains("d.wps") && !out.contains("old.xls"),
        "{out}"
    );
    let (code, ..) = run(&[
        "check",
        clean.to_str().unwrap(),
        seed("004").to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    // Named explicitly, an unsupported file is tried, and fails.
    let (code, _, err) = run(&[
        "check",
        clean.join("old.xls").to_str().unwrap(),
        seed("004").to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("old.xls"), "{err}");
    // A CSV of a batch: one header, rows of both reports.
    let (_, out, _) = run(&[
        "check",
        "--format",
        "csv",
        seed("004").to_str().unwrap(),
        seed("003").to_str().unwrap(),
    ]);
    assert_eq!(out.matches("文件,单位").count(), 1);
    assert!(out.contains("广州市越秀区") && out.contains("厦门市海沧区"));
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn rules_print_their_legal_basis() {
    let (code, out, _) = run(&["rules"]);
    assert_eq!(code, 0);
    assert!(out.contains("依据： 条例第四十九条"), "{out}");
    assert!(
        out.contains("依据： 国办公开办函〔2021〕30号表格勾稽关系"),
        "{out}"
    );
}

#[test]
fn an_issue_list_per_unit_in_either_language() {
    let root = scratch("per-unit");
    let dir = batch_folder(&root);
    let units = root.join("units");
    let (code, _, err) = run(&[
        "check",
        "--format",
        "json",
        "--issues-dir",
        units.to_str().unwrap(),
        dir.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{err}");
    let mut names: Vec<String> = std::fs::read_dir(&units)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    // One file per unit and year (two files of the same unit and year: _2), and the file that
    // could not be read by its own name.
    assert_eq!(
        names,
        [
            "broken_问题清单.csv",
            "广州市越秀区卫生健康局_2020_问题清单.csv",
            "泉州市丰泽区卫生健康局_2020_问题清单.csv",
            "泉州市丰泽区卫生健康局_2022_问题清单.csv",
            "泉州市丰泽区卫生健康局_2022_问题清单_2.csv",
        ]
    );
    let one =
        std::fs::read_to_string(units.join("广州市越秀区卫生健康局_2020_问题清单.csv")).unwrap();
    assert!(one.starts_with("\u{FEFF}单位,年度,文件,部分,"), "{one}");
    assert!(
        one.lines()
            .skip(1)
            .all(|l| l.starts_with("广州市越秀区卫生健康局,2020,")),
        "{one}"
    );
    let broken = std::fs::read_to_string(units.join("broken_问题清单.csv")).unwrap();
    assert_eq!(broken.lines().count(), 2, "{broken}");

    let en = root.join("units-en");
    let summary = root.join("summary-en.csv");
    run(&[
        "check",
        "--lang",
        "en",
        "--summary",
        summary.to_str().unwrap(),
        "--issues-dir",
        en.to_str().unwrap(),
        dir.to_str().unwrap(),
    ]);
    let one = std::fs::read_to_string(en.join("广州市越秀区卫生健康局_2020_issues.csv")).unwrap();
    assert!(one.starts_with("\u{FEFF}Agency,Year,File,Part,"), "{one}");
    assert!(one.contains(",error,"), "{one}");
    let s = std::fs::read_to_string(&summary).unwrap();
    assert!(s.starts_with("\u{FEFF}File,Agency,Year,"), "{s}");
    assert!(s.contains(",Unreadable,"), "{s}");
    let _ = std::fs::remove_dir_all(&root);
}

/// One agency's two years (report_a, 2022, in three forms, and last year's text written
/// 丰泽区卫生健康局), another unit (鲤城区) whose report copies report_a's prose, and an
/// unrelated unit (固原, 2019).
fn paired_folder(root: &Path) -> PathBuf {
    let d = root.join("reports");
    std::fs::create_dir_all(&d).unwrap();
    for f in ["report_a.docx", "report_a.pdf", "report_b.html"] {
        std::fs::write(d.join(f), fixture(f)).unwrap();
    }
    let tabs = String::from_utf8(fixture("report_a_tabs.txt")).unwrap();
    let last = tabs
        .replace("2022", "2021")
        .replace("2023", "2022")
        .replace("泉州市丰泽区卫生健康局", "丰泽区卫生健康局");
    std::fs::write(d.join("fengze-2021.txt"), last).unwrap();
    let other = tabs
        .replace("泉州市丰泽区卫生健康局", "泉州市鲤城区卫生健康局")
        .replace("丰泽区", "鲤城区");
    std::fs::write(d.join("licheng-2022.txt"), other).unwrap();
    std::fs::copy(seed("001"), d.join("guyuan.txt")).unwrap();
    d
}

fn by_name(jsonl: &str) -> std::collections::BTreeMap<String, serde_json::Value> {
    jsonl
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let name = v["input"]["name"].as_str().unwrap();
            (name.rsplit('/').next().unwrap().to_string(), v)
        })
        .collect()
}

fn rules_of(v: &serde_json::Value) -> Vec<String> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_folder_is_paired_with_last_year_and_copies_between_units_are_found() {
    let root = scratch("paired");
    let dir = paired_folder(&root);
    let (summary, issues) = (root.join("s.csv"), root.join("i.csv"));
    let (code, out, err) = run(&[
        "check",
        "--format",
        "json",
        "--summary",
        summary.to_str().unwrap(),
        "--issues",
        issues.to_str().unwrap(),
        dir.to_str().unwrap(),
    ]);
    assert!(code == 0 || code == 1, "{err}");
    let r = by_name(&out);
    assert_eq!(r.len(), 6, "{:?}", r.keys());
    // Each form of the 2022 report is compared with last year's text: its prose is last year's.
    for f in ["report_a.docx", "report_a.pdf", "report_b.html"] {
        let c = &r[f]["comparison"];
        assert!(
            c["previous"]["name"]
                .as_str()
                .unwrap()
                .ends_with("fengze-2021.txt"),
            "{f}: {c}"
        );
        assert_eq!(c["repeated_share"], 1.0, "{f}");
        let rules = rules_of(&r[f]);
        assert!(
            rules.contains(&"text-repeated".to_string()),
            "{f}: {rules:?}"
        );
        // Its copy in another unit; one agency's other forms are not "another unit".
        let s = &r[f]["similar"];
        let others: Vec<&str> = s["others"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["name"].as_str().unwrap())
            .collect();
        assert_eq!(others.len(), 1, "{f}: {s}");
        assert!(others[0].ends_with("licheng-2022.txt"), "{f}: {s}");
        assert!(s["share"].as_f64().unwrap() > 0.9, "{f}: {s}");
        assert!(!s["passages"].as_array().unwrap().is_empty());
    }
    // The copying unit names all three files of the other agency, with the share and lines.
    let lc = &r["licheng-2022.txt"];
    assert!(lc.get("comparison").is_none(), "no 2021 report of 鲤城区");
    let f = lc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "text-repeated-between-units")
        .expect("a 雷同 finding");
    let m = f["message"].as_str().unwrap();
    assert!(
        m.contains("report_a.docx")
            && m.contains("report_b.html")
            && m.contains("泉州市丰泽区卫生健康局")
            && m.contains("%")
            && m.contains("相同段落在第"),
        "{m}"
    );
    assert_eq!(f["severity"], "warning");
    assert_eq!(f["expected"], 0.5);
    assert!(f["line"].as_u64().is_some());
    // Last year's report and the unrelated unit: nothing between units.
    for f in ["fengze-2021.txt", "guyuan.txt"] {
        assert!(r[f].get("similar").is_none(), "{f}");
        assert!(!rules_of(&r[f]).contains(&"text-repeated-between-units".to_string()));
    }

    rollup_and_issue_list_say_so(&summary, &issues);
}

/// The roll-up's 上年报告配对 and 雷同 columns and the 问题清单's rows of the paired folder.
fn rollup_and_issue_list_say_so(summary: &Path, issues: &Path) {
    let s = rows(&std::fs::read_to_string(summary).unwrap());
    let col = |name: &str| s[0].iter().position(|h| h == name).unwrap();
    let cell = |file: &str, c: usize| {
        s.iter()
            .find(|row| row[0].ends_with(file))
            .map(|row| row[c].clone())
            .unwrap()
    };
    let (p, sim) = (col("上年报告配对"), col("雷同"));
    assert!(cell("report_a.pdf", p).starts_with("已与上年报告配对："));
    assert!(cell("report_a.pdf", p).ends_with("fengze-2021.txt"));
    assert_eq!(
        cell("fengze-2021.txt", p),
        "未配对：本批没有该单位2020年度的报告"
    );
    assert!(
        cell("licheng-2022.txt", sim).contains("与其他单位相同"),
        "{s:?}"
    );
    assert!(cell("licheng-2022.txt", sim).contains("report_a.docx（泉州市丰泽区卫生健康局"));
    assert_eq!(cell("guyuan.txt", sim), "");

    let i = std::fs::read_to_string(issues).unwrap();
    let copied: Vec<&str> = i
        .lines()
        .filter(|l| l.contains("text-repeated-between-units"))
        .collect();
    assert_eq!(copied.len(), 4, "three forms of report_a and 鲤城区's: {i}");
    assert!(i
        .lines()
        .any(|l| l.contains("licheng-2022.txt") && l.contains("text-repeated-between-units")));
    assert!(
        i.lines()
            .any(|l| l.contains("report_a.docx") && l.contains("（text-repeated）")),
        "{i}"
    );
}

#[test]
fn no_pair_no_similar_and_previous_override_the_batch() {
    let root = scratch("nopair");
    let dir = paired_folder(&root);
    let d = dir.to_str().unwrap();
    let (_, out, _) = run(&["check", "--format", "json", "--no-pair", d]);
    let r = by_name(&out);
    assert!(r.values().all(|v| v.get("comparison").is_none()));
    assert!(r["licheng-2022.txt"].get("similar").is_some());
    let (_, out, _) = run(&["check", "--format", "json", "--no-similar", d]);
    let r = by_name(&out);
    assert!(r.values().all(|v| v.get("similar").is_none()));
    assert!(r["report_a.pdf"].get("comparison").is_some());
    // A higher threshold than the copy's share: no 雷同.
    let (_, out, _) = run(&["check", "--format", "json", "--similar", "0.99", d]);
    assert!(by_name(&out)["licheng-2022.txt"].get("similar").is_none());
    let (code, _, err) = run(&["check", "--similar", "half", d]);
    assert_eq!(code, 2);
    assert!(err.contains("--similar"), "{err}");
    // --previous: every report compared with that one file, no pairing.
    let prev = dir.join("guyuan.txt");
    let (_, out, _) = run(&[
        "check",
        "--format",
        "json",
        "--previous",
        prev.to_str().unwrap(),
        d,
    ]);
    for (f, v) in by_name(&out) {
        assert_eq!(v["comparison"]["previous"]["name"], "guyuan.txt", "{f}");
    }
}

#[test]
fn old_word_files_named_or_in_a_zip_are_checked_as_their_docx() {
    use std::io::Write;
    let root = scratch("doc");
    let path = root.join("旧版报告.zip");
    let mut z = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    for (name, fixture_name) in [
        ("区县/a.doc", "report_a.doc"),
        ("区县/b.wps", "report_b.doc"),
    ] {
        z.start_file(name, deflated()).unwrap();
        z.write_all(&fixture(fixture_name)).unwrap();
    }
    z.finish().unwrap();
    let doc = root.join("report_a.doc");
    std::fs::write(&doc, fixture("report_a.doc")).unwrap();
    let docx = root.join("report_a.docx");
    std::fs::write(&docx, fixture("report_a.docx")).unwrap();
    let (code, out, err) = run(&[
        "check",
        "--format",
        "json",
        doc.to_str().unwrap(),
        docx.to_str().unwrap(),
        path.to_str().unwrap(),
    ]);
    // report_b has an error: exit 1, no file unreadable.
    assert_eq!(code, 1, "{err}");
    let results: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(results.len(), 4, "{out}");
    let forms: Vec<&str> = results
        .iter()
        .map(|r| r["input"]["form"].as_str().unwrap())
        .collect();
    assert_eq!(forms, ["doc", "docx", "doc", "doc"]);
    // The .doc's tables and findings are the .docx's.
    assert_eq!(results[0]["tables"], results[1]["tables"]);
    assert_eq!(results[0]["findings"], results[1]["findings"]);
    assert_eq!(results[0]["verdict"], results[1]["verdict"]);
    assert!(results[2]["input"]["name"]
        .as_str()
        .unwrap()
        .ends_with("区县/a.doc"));
    assert_ne!(results[3]["verdict"], results[0]["verdict"]);
    let _ = std::fs::remove_dir_all(&root);
}

/// The values of `attr="…"` in `html`, in order.
fn attr_values(html: &str, attr: &str) -> Vec<String> {
    let pat = format!("{attr}=\"");
    html.match_indices(&pat)
        .map(|(i, _)| {
            let rest = &html[i + pat.len()..];
            rest[..rest.find('"').unwrap()].to_string()
        })
        .collect()
}

#[test]
fn the_batch_report_agrees_with_the_summary() {
    let root = scratch("report");
    let dir = batch_folder(&root);
    std::fs::write(dir.join("report_b.docx"), fixture("report_b.docx")).unwrap();
    let (summary, report) = (root.join("summary.csv"), root.join("batch.html"));
    let (code, _, err) = run(&[
        "check",
        "--format",
        "json",
        "--summary",
        summary.to_str().unwrap(),
        "--report",
        report.to_str().unwrap(),
        dir.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "one input could not be read: {err}");
    let s = rows(&std::fs::read_to_string(&summary).unwrap());
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("@media print"));
    // The counts per verdict are the summary's.
    let verdicts = [
        "需修改",
        "无法完整判定",
        "可发布（有提示）",
        "可发布",
        "无法读取",
    ];
    let counts: Vec<String> = verdicts
        .iter()
        .map(|v| s[1..].iter().filter(|r| r[4] == *v).count().to_string())
        .collect();
    let table = &html[html.find("verdict-counts").unwrap()..html.find("</table>").unwrap()];
    let in_table: Vec<String> = table
        .split("<td class=\"n\">")
        .skip(1)
        .map(|c| c[..c.find('<').unwrap()].to_string())
        .collect();
    assert_eq!(in_table, counts);
    // The chart's bars say the same.
    assert_eq!(attr_values(&html, "data-count")[..5], counts[..]);
    assert!(html.contains(&format!("aria-label=\"需修改: {}\"", counts[0])));
    // The roll-up: the summary's files in the summary's order, with their verdicts.
    let rollup = &html[html.find("<table class=\"rollup\"").unwrap()..];
    let files: Vec<String> = rollup
        .split("<td class=\"v\">")
        .skip(1)
        .map(|c| {
            let cells: Vec<&str> = c.split("</td><td>").collect();
            format!("{}|{}", &cells[0], cells[1])
        })
        .collect();
    let expected: Vec<String> = s[1..]
        .iter()
        .map(|r| format!("{}|{}", r[4], r[0]))
        .collect();
    assert_eq!(files, expected);
    // Each rule the summary names as a failing report's main problem is counted among the
    // rules with errors (its title in the rules table, with at least one report).
    let rules =
        &html[html.find("rule-counts").unwrap()..html.find("<table class=\"rollup\"").unwrap()];
    for r in s[1..].iter().filter(|r| r[4] == "需修改") {
        for title in r[17].split('；') {
            let at = rules
                .find(&format!("<td>{title}</td>"))
                .unwrap_or_else(|| panic!("{title}: {rules}"));
            let errors = &rules[at..].split("<td class=\"n\">").nth(1).unwrap();
            assert_ne!(&errors[..errors.find('<').unwrap()], "0", "{title}");
        }
    }
    // Three rate charts with their lines, and the dots of the units that have the rate.
    assert_eq!(html.matches("data-line=\"red\"").count(), 3);
    let with_rate = s[1..]
        .iter()
        .filter(|r| !r[12].is_empty() && r[12] != "—")
        .count();
    let dots = html
        .split("id=\"chart-rate-substantive_disclosure\"")
        .nth(1)
        .unwrap();
    let dots = &dots[..dots.find("</figure>").unwrap()];
    assert_eq!(dots.matches("<circle").count(), with_rate, "{dots}");

    // In English, the same numbers.
    let report_en = root.join("batch-en.html");
    run(&[
        "check",
        "--lang",
        "en",
        "--format",
        "json",
        "--report",
        report_en.to_str().unwrap(),
        dir.to_str().unwrap(),
    ]);
    let en = std::fs::read_to_string(&report_en).unwrap();
    assert!(en.contains("<html lang=\"en\">") && en.contains("Reports by verdict"));
    assert_eq!(attr_values(&en, "data-count")[..5], counts[..]);
}
