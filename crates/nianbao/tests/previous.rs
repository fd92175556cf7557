//! Prose numbers, rates, and comparing a report with last year's: real texts and made pairs.

use nianbao::document::Document;
use nianbao::result::{CheckResult, Severity};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn seed(prefix: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/seeds");
    let p = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap();
    std::fs::read_to_string(p).unwrap()
}

fn doc(t: &str) -> Document {
    Document::from_text(t, "utf-8")
}

fn with_prev(this: &str, prev: &str) -> CheckResult {
    nianbao::check_with_previous("this.txt", &doc(this), Some(("prev.txt", &doc(prev))))
}

fn fired<'a>(r: &'a CheckResult, rule: &str) -> Vec<&'a nianbao::result::Finding> {
    r.findings.iter().filter(|f| f.rule == rule).collect()
}

/// report_a (2022) made into last year's report: 2021, row 4 = this year's row 2.
fn last_year() -> String {
    fixture("report_a_tabs.txt")
        .replace("2022", "2021")
        .replace(
            "四、结转下年度继续办理\t5\t0\t0\t0\t0\t0\t5",
            "四、结转下年度继续办理\t3\t0\t0\t0\t0\t0\t3",
        )
        .replace("行政规范性文件\t3\t1\t12", "行政规范性文件\t2\t0\t10")
}

#[test]
fn rates_of_report_a() {
    let r = nianbao::check("a.txt", &fixture("report_a_tabs.txt"));
    let get = |k: &str| r.rates.iter().find(|x| x.key == k).unwrap();
    let s = get("substantive_disclosure");
    assert_eq!((s.numerator, s.denominator), (Some(42 + 5), Some(79)));
    assert!((s.value.unwrap() - 47.0 / 79.0).abs() < 1e-6);
    assert_eq!(s.flag, None, "59% is above 45%");
    let h = get("handled");
    assert_eq!((h.numerator, h.denominator), (Some(79), Some(84)));
    let c = get("carried_over");
    assert_eq!((c.numerator, c.denominator), (Some(5), Some(84)));
    let rv = get("review_corrected");
    assert!(rv.flag.is_none(), "denominator below 30");
    let v: serde_json::Value = serde_json::from_str(&nianbao::to_json(&r, false)).unwrap();
    assert_eq!(v["rates"][0]["key"], "substantive_disclosure");
    assert!(v.get("comparison").is_none());
    // Flags at the thresholds, when the denominator is large enough.
    let o = nianbao::Options {
        disclosure_yellow: 0.6,
        ..Default::default()
    };
    let r = nianbao::check_with("a.txt", &doc(&fixture("report_a_tabs.txt")), None, &o);
    assert_eq!(r.rates[0].flag, Some("yellow"));
}

#[test]
fn carryover_right_and_wrong_per_column() {
    let this = fixture("report_a_tabs.txt");
    let r = with_prev(&this, &last_year());
    assert!(
        fired(&r, "carryover-mismatch").is_empty(),
        "{:#?}",
        r.findings
    );
    assert!(
        fired(&r, "in-force-mismatch").is_empty(),
        "{:#?}",
        r.findings
    );
    let prev = last_year().replace(
        "四、结转下年度继续办理\t3\t0\t0\t0\t0\t0\t3",
        "四、结转下年度继续办理\t2\t1\t0\t0\t0\t0\t3",
    );
    let r = with_prev(&this, &prev);
    let f = fired(&r, "carryover-mismatch");
    assert_eq!(f.len(), 2, "{f:#?}");
    assert_eq!(f[0].cells, ["2/natural"]);
    assert_eq!((f[0].expected, f[0].actual), (Some(2.0), Some(3.0)));
    assert_eq!(f[1].cells, ["2/commercial"]);
    assert!(f
        .iter()
        .all(|f| f.severity == Severity::Error && f.line == Some(31)));
    // Not consecutive years: a warning, nothing decided.
    let r = with_prev(&this, &prev.replace("2021", "2020"));
    let f = fired(&r, "carryover-mismatch");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity, Severity::Warning);
    assert!(f[0].message.contains("不是相邻年度"), "{}", f[0].message);
}

#[test]
fn in_force_follows_on() {
    let this = fixture("report_a_tabs.txt");
    let r = with_prev(
        &this,
        &last_year().replace("行政规范性文件\t2\t0\t10", "行政规范性文件\t2\t0\t11"),
    );
    let f = fired(&r, "in-force-mismatch");
    assert_eq!(f.len(), 1);
    assert_eq!((f[0].expected, f[0].actual), (Some(13.0), Some(12.0)));
    assert!(f[0].message.contains("废止"));
}

#[test]
fn repeated_prose_share() {
    let this = fixture("report_a_tabs.txt");
    // Last year's report with other numbers only: all of the prose repeats.
    let r = with_prev(&this, &last_year().replace("399条", "350条"));
    let c = r.comparison.as_ref().unwrap();
    assert_eq!(c.repeated_share, 1.0);
    assert_eq!(c.previous.year, Some(2021));
    assert_eq!(c.previous.name, "prev.txt");
    assert!(!c.repeated.is_empty());
    assert!(c.by_part.iter().any(|p| p.number == 1 && p.share == 1.0));
    let f = fired(&r, "text-repeated");
    assert_eq!(f.len(), 1);
    assert!(f[0].message.contains("100%"), "{}", f[0].message);
    // A report compared with itself, and with an unrelated seed.
    let r = with_prev(&seed("003"), &seed("003"));
    assert_eq!(r.comparison.as_ref().unwrap().repeated_share, 1.0);
    let r = with_prev(&seed("003"), &seed("004"));
    let s = r.comparison.as_ref().unwrap().repeated_share;
    assert!(s < 0.2, "{s}");
    assert!(fired(&r, "text-repeated").is_empty());
    // The threshold is an option.
    let o = nianbao::Options {
        repeated_threshold: s / 2.0,
        ..Default::default()
    };
    let r = nianbao::check_with("a", &doc(&seed("003")), Some(("b", &doc(&seed("004")))), &o);
    assert_eq!(fired(&r, "text-repeated").len(), 1);
    let v: serde_json::Value = serde_json::from_str(&nianbao::to_json(&r, false)).unwrap();
    assert!(v["comparison"]["repeated"][0]["line"].is_number());
}

fn prose(line: &str) -> CheckResult {
    let t = fixture("report_a_tabs.txt").replace(
        "（二）依申请公开。全年共收到政府信息公开申请81件，上年结转3件；办结79件，结转下年度继续办理5件。",
        &format!("（二）依申请公开。{line}"),
    );
    nianbao::check("a.txt", &t)
}

#[test]
fn prose_sums_and_counts() {
    // The parts stop at the next statement: 741 + 8 = 749, not + 718 + 31.
    let r =
        prose("全年共受理政府信息公开申请749件，其中自然人741件、法人8件；办结718件，结转31件。");
    assert!(
        fired(&r, "text-sum-mismatch").is_empty(),
        "{:#?}",
        r.findings
    );
    // …and its counts are matched to their cells, naming both numbers and the cell.
    let t = fired(&r, "text-table-mismatch");
    let got: Vec<(f64, f64)> = t
        .iter()
        .map(|f| (f.actual.unwrap(), f.expected.unwrap()))
        .collect();
    assert_eq!(got, [(749.0, 81.0), (718.0, 79.0), (31.0, 5.0)]);
    assert_eq!(t[1].cells, ["3.7/total"]);
    assert!(t[1].message.contains("718") && t[1].message.contains("79件"));
    assert!(t.iter().all(|f| f.line == Some(6)));
    let r = prose("全年共收到政府信息公开申请八十一件，其中自然人七十五件、法人六件；办结七十九件，结转下年度继续办理五件。");
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
    let r = prose("全年共收到政府信息公开申请八十一件，其中自然人七十件、法人六件。");
    let f = fired(&r, "text-sum-mismatch");
    assert_eq!((f[0].expected, f[0].actual), (Some(81.0), Some(76.0)));
    let r = prose("全年共收到政府信息公开申请1,234件。");
    assert_eq!(fired(&r, "text-table-mismatch")[0].actual, Some(1234.0));
}

#[test]
fn stated_rates_are_recomputed() {
    let r = prose("全年共收到政府信息公开申请81件，实质公开率为59.5%，办结率94%。");
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
    let r = prose("全年共收到政府信息公开申请81件，公开率为85%，办结率为百分之百。");
    let f = fired(&r, "text-rate-mismatch");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!((f[0].actual, f[0].expected), (Some(85.0), Some(59.5)));
    // 公开率 is compared with 予以公开率 when 实质公开率 cannot be computed (3.2's total is not
    // a number), and the message gives 予以公开率's own numbers and formula.
    let t = fixture("report_a_tabs.txt")
        .replace(
            "不计其他情形）\t5\t0\t0\t0\t0\t0\t5\n",
            "不计其他情形）\t5\t0\t0\t0\t0\t0\tx\n",
        )
        .replace(
            "全年共收到政府信息公开申请81件，上年结转3件；",
            "全年共收到政府信息公开申请81件，公开率为60%，上年结转3件；",
        );
    let r = nianbao::check("a.txt", &t);
    let f = fired(&r, "text-rate-mismatch");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!((f[0].actual, f[0].expected), (Some(60.0), Some(53.2)));
    assert!(
        f[0].message.contains("42/79=53.2%（3.1/3.7）"),
        "{}",
        f[0].message
    );
}

#[test]
fn stale_year() {
    let r = prose("2021年，我局共收到政府信息公开申请81件。");
    let f = fired(&r, "stale-year");
    assert_eq!(f.len(), 1);
    assert_eq!((f[0].line, f[0].column), (Some(6), Some(10)));
    for ok in [
        "全年共收到政府信息公开申请81件，较2021年增加5件。",
        "2021年至2022年共收到申请81件。",
        "依据2019年修订的条例，全年收到政府信息公开申请81件。",
    ] {
        assert!(fired(&prose(ok), "stale-year").is_empty(), "{ok}");
    }
}

#[test]
fn no_false_sum_or_stale_year_in_the_seeds_and_fixtures() {
    for p in ["000", "001", "002", "003", "004"] {
        let r = nianbao::check("s.txt", &seed(p));
        let sums: Vec<_> = fired(&r, "text-sum-mismatch");
        let want = if p == "004" { 1 } else { 0 };
        assert_eq!(sums.len(), want, "seed {p}: {sums:#?}");
        assert!(fired(&r, "stale-year").is_empty(), "seed {p}");
        assert!(fired(&r, "text-rate-mismatch").is_empty(), "seed {p}");
    }
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if !p.is_file() {
            // (tests/fixtures/hard: the hard forms, tested in tests/hard_fixtures.rs)
            continue;
        }
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        let Ok(r) = nianbao::check_bytes(
            &name,
            &std::fs::read(&p).unwrap(),
            None,
            &nianbao::read::encoding_rs_legacy,
        ) else {
            continue;
        };
        for rule in [
            "text-sum-mismatch",
            "stale-year",
            "text-rate-mismatch",
            "misfiled-columns",
        ] {
            assert!(fired(&r, rule).is_empty(), "{name}: {:#?}", fired(&r, rule));
        }
    }
}

#[test]
fn offsetting_columns_with_an_undecided_total_column_are_two_findings() {
    // The same +2/−2 offset, but row 1's total is not a number: the total column proves
    // nothing, so no misfiled-columns claim ("the total column holds") is made.
    let t = fixture("report_a_tabs.txt").replace(
        "一、本年新收政府信息公开申请数量\t75\t3\t0\t1\t2\t0\t81",
        "一、本年新收政府信息公开申请数量\t73\t5\t0\t1\t2\t0\tx",
    );
    let r = nianbao::check("a.txt", &t);
    assert!(
        fired(&r, "misfiled-columns").is_empty(),
        "{:#?}",
        r.findings
    );
    assert_eq!(fired(&r, "requests-balance").len(), 2, "{:#?}", r.findings);
}

#[test]
fn offsetting_columns_are_one_finding() {
    let t = fixture("report_a_tabs.txt").replace(
        "一、本年新收政府信息公开申请数量\t75\t3\t0\t1\t2\t0\t81",
        "一、本年新收政府信息公开申请数量\t73\t5\t0\t1\t2\t0\t81",
    );
    let r = nianbao::check("a.txt", &t);
    let f = fired(&r, "misfiled-columns");
    assert_eq!(f.len(), 1, "{:#?}", r.findings);
    assert!(
        fired(&r, "requests-balance").is_empty(),
        "{:#?}",
        r.findings
    );
    assert_eq!(f[0].severity, Severity::Error);
    assert!(
        f[0].cells.contains(&"1/commercial".to_string()),
        "{:?}",
        f[0].cells
    );
    assert!(
        f[0].message.contains("自然人列与商业企业列")
            || f[0].message.contains("商业企业列与自然人列"),
        "{}",
        f[0].message
    );
    let s3 = &r.sections[2];
    let bal = s3
        .checks
        .iter()
        .find(|c| c.rule == "requests-balance")
        .unwrap();
    assert_eq!(bal.status, nianbao::result::Status::Fail);
}

#[test]
fn carryover_over_last_years_inferred_cells_is_only_a_warning() {
    // This year's row 2 says 4 were carried over (its own balance then fails: a real Error).
    let this = fixture("report_a_tabs.txt").replace(
        "二、上年结转政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3",
        "二、上年结转政府信息公开申请数量\t4\t0\t0\t0\t0\t0\t4",
    );
    // Last year's row 4 holds two numbers for seven columns: the identities place them (3 in
    // 自然人 and 总计), so they are inferred, not read, and the difference accuses nobody.
    let prev = last_year().replace(
        "四、结转下年度继续办理\t3\t0\t0\t0\t0\t0\t3",
        "四、结转下年度继续办理 3 3",
    );
    let p = nianbao::check("prev.txt", &prev);
    let row4 = p.tables.requests.row("4").unwrap();
    let natural = row4.cell("natural").unwrap();
    assert_eq!(
        (natural.int(), natural.read.is_read()),
        (Some(3), false),
        "{row4:#?}"
    );
    let r = with_prev(&this, &prev);
    let f = fired(&r, "carryover-mismatch");
    // 自然人 and 总计 differ.
    assert_eq!(f.len(), 2, "{:#?}", r.findings);
    for (f, col) in f.iter().zip(["自然人", "总计"]) {
        assert_eq!(f.severity, Severity::Warning, "{}", f.message);
        let head =
            format!("（读数不确定：上年报告第四项·{col}是推断的，不是从原文读出的，请核对原文）");
        assert!(f.message.starts_with(&head), "{}", f.message);
        assert_eq!(f.message.matches("读数不确定").count(), 1, "{}", f.message);
    }
    assert_eq!(f[0].inferred, ["previous:4/natural"]);
    assert_eq!(f[1].inferred, ["previous:4/total"]);
    // This year's own broken balance, read as such, is still an Error.
    assert!(r
        .findings
        .iter()
        .any(|f| f.rule == "requests-balance" && f.severity == Severity::Error));
}
