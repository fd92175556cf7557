//! The five real seed reports: the verdicts the issue asks for, and a snapshot of the full JSON.

use nianbao::layout::Kind;
use nianbao::CheckResult;

fn seed(prefix: &str) -> (String, CheckResult) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/seeds");
    let path = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    let r = nianbao::check(&name, &text);
    (text, r)
}

fn rules(r: &CheckResult) -> Vec<&str> {
    r.findings.iter().map(|f| f.rule).collect()
}

fn cell(r: &CheckResult, key: &str, col: &str) -> (Kind, Option<f64>) {
    let row = r.tables.requests.row(key).unwrap();
    let c = row.cell(col).unwrap();
    (c.kind, c.value)
}

#[test]
fn every_part_is_found_in_every_seed_and_no_identity_is_falsely_broken() {
    for p in ["000", "001", "002", "003", "004"] {
        let (_, r) = seed(p);
        for s in &r.sections {
            assert!(s.found, "seed {p} part {}", s.number);
        }
        let ids: Vec<&str> = rules(&r)
            .into_iter()
            .filter(|x| x.starts_with("requests-") || *x == "appeals-total")
            .collect();
        assert!(ids.is_empty(), "seed {p}: {ids:?}");
        assert_eq!(
            r.format.detected,
            Some(nianbao::spec::Format::F2019),
            "seed {p}"
        );
        assert!(
            r.tables.active.found && r.tables.requests.found && r.tables.appeals.found,
            "seed {p}"
        );
    }
}

#[test]
fn seed_000_title_and_sixteen_numbers() {
    let (_, r) = seed("000");
    let t = r
        .findings
        .iter()
        .find(|f| f.rule == "title-format")
        .expect("title flagged");
    assert!(t.message.contains("工作"), "{}", t.message);
    assert_eq!(t.line, Some(3));
    let shape = r
        .findings
        .iter()
        .find(|f| f.rule == "row-shape")
        .expect("16-number row");
    assert_eq!(shape.table, Some("appeals"));
    assert_eq!((shape.expected, shape.actual), (Some(15.0), Some(16.0)));
    assert_eq!(r.meta.published.as_deref(), Some("2021-01-11"));
    assert_eq!(r.meta.agency.as_deref(), Some("泉州市丰泽区卫生健康局"));
    assert!(!rules(&r).contains(&"publish-deadline"));
    // 12832 元 is read as money.
    let proc = r.tables.active.row("procurement").unwrap();
    assert_eq!(proc.cell("amount").unwrap().value, Some(12832.0));
    assert_eq!(r.verdict, nianbao::result::Verdict::Warn);
}

#[test]
fn seed_001_sparse_rows_are_aligned_by_the_identities() {
    let (_, r) = seed("001");
    assert_eq!(cell(&r, "3.1", "natural"), (Kind::Number, Some(2.0)));
    assert_eq!(cell(&r, "3.1", "commercial").0, Kind::Blank);
    assert_eq!(cell(&r, "3.1", "research"), (Kind::Number, Some(3.0)));
    assert_eq!(
        cell(&r, "3.1", "public_interest"),
        (Kind::Number, Some(1.0))
    );
    assert_eq!(cell(&r, "3.1", "total"), (Kind::Number, Some(6.0)));
    assert_eq!(cell(&r, "1", "research"), (Kind::Number, Some(3.0)));
    assert_eq!(cell(&r, "3.7", "total"), (Kind::Number, Some(8.0)));
    let shape = r
        .findings
        .iter()
        .find(|f| f.rule == "row-shape" && f.cells == ["3.1"])
        .expect("3.1 shape");
    assert!(
        shape
            .message
            .contains("自然人2、科研机构3、社会公益组织1、总计6"),
        "{}",
        shape.message
    );
    // Blank cells are reported, and the identities that need them are not decided.
    assert!(rules(&r).contains(&"cell-blank"));
    let s3 = &r.sections[2];
    let bal = s3
        .checks
        .iter()
        .find(|c| c.rule == "requests-balance")
        .unwrap();
    assert_eq!(bal.status, nianbao::result::Status::Skip);
    assert_eq!(r.verdict, nianbao::result::Verdict::Incomplete);
    assert!(rules(&r).contains(&"regulations-authority"));
}

#[test]
fn seed_002_split_pipe_table() {
    let (_, r) = seed("002");
    assert!(r
        .findings
        .iter()
        .any(|f| f.rule == "title-format" && f.message.contains("年度")));
    assert_eq!(
        r.counts.error,
        0,
        "{:#?}",
        r.findings
            .iter()
            .filter(|f| f.severity == nianbao::result::Severity::Error)
            .collect::<Vec<_>>()
    );
    // 2. 其他法律法规 / 禁止公开, split over a page break, is still row 3.3.2.
    let row = r.tables.requests.row("3.3.2").unwrap();
    assert!(row.found);
    assert_eq!(row.line, Some(58));
    let lic = r.tables.active.row("licensing").unwrap();
    assert_eq!(lic.cell("change").unwrap().value, Some(48.0));
    assert_eq!(lic.cell("change").unwrap().raw, "+48");
}

#[test]
fn seed_003_article_thirty_is_flagged() {
    let (_, r) = seed("003");
    let cites: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.rule == "article-citation")
        .collect();
    assert_eq!(cites.len(), 4);
    assert!(cites
        .iter()
        .all(|f| f.message.contains("第三十条") && f.severity == nianbao::result::Severity::Error));
    assert_eq!(cites[0].line, Some(94));
    assert_eq!(r.meta.agency.as_deref(), Some("厦门市海沧区卫生健康局"));
    assert_eq!(r.meta.year, Some(2020));
    // Seven unlabeled rows under 不予公开 where eight belong: reported once, not guessed.
    let unplaced: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.rule == "row-missing")
        .collect();
    assert_eq!(unplaced.len(), 1, "{unplaced:#?}");
    assert!(unplaced[0].message.contains("7行"));
    assert_eq!(r.verdict, nianbao::result::Verdict::Fail);
}

#[test]
fn seed_004_eight_number_rows_and_prose_sum() {
    let (_, r) = seed("004");
    let shapes: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.rule == "row-shape")
        .collect();
    let keys: Vec<&str> = shapes.iter().map(|f| f.cells[0].as_str()).collect();
    assert_eq!(keys, ["3.6", "3.7"]);
    assert!(shapes.iter().all(|f| f.actual == Some(8.0)));
    assert_eq!(cell(&r, "3.7", "natural"), (Kind::Number, Some(7.0)));
    assert_eq!(cell(&r, "3.7", "total"), (Kind::Number, Some(7.0)));
    let sum = r
        .findings
        .iter()
        .find(|f| f.rule == "text-sum-mismatch")
        .expect("399 vs 395");
    assert_eq!((sum.expected, sum.actual), (Some(399.0), Some(395.0)));
    assert_eq!(sum.line, Some(28));
    assert_eq!(
        r.tables.appeals.rows[0]
            .cell("review.upheld")
            .unwrap()
            .value,
        Some(1.0)
    );
}

#[test]
fn snapshots_of_the_full_result() {
    for p in ["000", "001", "002", "003", "004"] {
        let (_, r) = seed(p);
        insta::assert_json_snapshot!(format!("seed_{p}"), r);
    }
}

#[test]
fn json_is_stable_and_complete() {
    let (_, r) = seed("004");
    let v: serde_json::Value = serde_json::from_str(&nianbao::to_json(&r, false)).unwrap();
    assert_eq!(v["schema"], "nianbao.result/1");
    assert_eq!(v["sections"].as_array().unwrap().len(), 6);
    assert_eq!(
        v["tables"]["requests"]["rows"].as_array().unwrap().len(),
        23
    );
    assert_eq!(
        v["tables"]["requests"]["rows"][0]["cells"]["natural"]["value"],
        7
    );
    assert_eq!(v["input"]["sha256"].as_str().unwrap().len(), 64);
    assert_eq!(
        nianbao::to_json(&r, false),
        nianbao::to_json(
            &nianbao::check(
                &r.input.name,
                &std::fs::read_to_string(format!(
                    "{}/tests/data/seeds/{}",
                    env!("CARGO_MANIFEST_DIR"),
                    r.input.name
                ))
                .unwrap()
            ),
            false
        )
    );
}
