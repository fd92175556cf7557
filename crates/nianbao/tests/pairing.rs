//! A batch's pairing on real files (one agency written two ways, in every input form), the
//! last-year comparisons when one side could not be read, and links that are not reports
//! (never catching a real report: every seed, corpus opening and fixture).

use nianbao::document::Document;
use nianbao::pairing::{pair, who, Pairing};
use nianbao::read::{encoding_rs_legacy, link, read};
use nianbao::result::{CheckResult, Status};

const DIR: &str = env!("CARGO_MANIFEST_DIR");

fn fixture_bytes(name: &str) -> Vec<u8> {
    std::fs::read(format!("{DIR}/tests/fixtures/{name}")).unwrap()
}

fn read_fixture(name: &str) -> Document {
    read(&fixture_bytes(name), name, None, &encoding_rs_legacy).unwrap()
}

fn text(t: &str) -> Document {
    Document::from_text(t, "utf-8")
}

/// report_a (2022) made into last year's report, its agency written without the prefecture:
/// "丰泽区卫生健康局2021年…".
fn last_year_short_name() -> String {
    String::from_utf8(fixture_bytes("report_a_tabs.txt"))
        .unwrap()
        .replace("2022", "2021")
        .replace("2023", "2022")
        .replace("泉州市丰泽区卫生健康局", "丰泽区卫生健康局")
}

fn check(name: &str, d: &Document, prev: Option<&Document>) -> CheckResult {
    nianbao::check_with(
        name,
        d,
        prev.map(|p| ("prev", p)),
        &nianbao::Options::default(),
    )
}

#[test]
fn one_agency_written_two_ways_pairs_across_every_form() {
    let last = check("2021.txt", &text(&last_year_short_name()), None);
    assert_eq!(last.meta.agency.as_deref(), Some("丰泽区卫生健康局"));
    assert_eq!(last.meta.year, Some(2021));
    for name in [
        "report_a.html",
        "report_a.docx",
        "report_a.pdf",
        "report_a_tabs.txt",
    ] {
        let this = check(name, &read_fixture(name), None);
        assert_eq!(
            this.meta.agency.as_deref(),
            Some("泉州市丰泽区卫生健康局"),
            "{name}"
        );
        // This year's report, last year's, and another district's 卫生健康局 of 2021.
        let other = check(
            "other.txt",
            &text(&last_year_short_name().replace("丰泽区", "鲤城区")),
            None,
        );
        let got = pair(&[Some(who(&this)), Some(who(&last)), Some(who(&other)), None]);
        assert_eq!(
            got,
            [
                Some(Pairing::Paired { index: 1 }),
                Some(Pairing::NoPrevious { year: 2020 }),
                Some(Pairing::NoPrevious { year: 2020 }),
                None
            ],
            "{name}"
        );
    }
}

#[test]
fn a_report_without_a_title_says_why_it_is_not_paired() {
    let scan = read(
        &fixture_bytes("scanned.pdf"),
        "scanned.pdf",
        None,
        &encoding_rs_legacy,
    );
    assert!(scan.is_err(), "a scan is an unreadable row, not paired");
    let untitled = check("x.txt", &text("一、总体情况\n本机关……\n"), None);
    assert_eq!(pair(&[Some(who(&untitled))]), [Some(Pairing::NoAgency)]);
}

/// report_a's 2021 version with part 三's table gone (what a Word file with the table pasted
/// as a picture gives): its carry-over and rates cannot be read.
fn last_year_without_table() -> String {
    let t = last_year_short_name();
    let lines: Vec<&str> = t.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.starts_with("三、收到和处理"))
        .unwrap();
    let end = lines
        .iter()
        .position(|l| l.starts_with("四、政府信息公开行政复议"))
        .unwrap();
    let mut kept: Vec<&str> = lines[..=start].to_vec();
    kept.push("（表格为图片）");
    kept.extend(&lines[end..]);
    kept.join("\n")
}

fn check_of<'a>(r: &'a CheckResult, rule: &str) -> &'a nianbao::result::Check {
    r.sections
        .iter()
        .flat_map(|s| &s.checks)
        .find(|c| c.rule == rule)
        .unwrap_or_else(|| panic!("no check {rule}"))
}

#[test]
fn when_last_year_could_not_be_read_the_comparisons_say_so() {
    let this = read_fixture("report_a_tabs.txt");
    let r = check("this.txt", &this, Some(&text(&last_year_without_table())));
    let c = check_of(&r, "carryover-mismatch");
    assert_eq!(c.status, Status::Skip);
    assert!(c.detail.starts_with("上年报告的结转数"), "{}", c.detail);
    assert!(!c.detail.contains("不是数字"), "{}", c.detail);
    assert!(
        c.detail_en.starts_with("Last year's report"),
        "{}",
        c.detail_en
    );
    let rate = r
        .rates
        .iter()
        .find(|x| x.key == "substantive_disclosure")
        .unwrap();
    assert!(rate.value.is_some() && rate.previous.is_none() && rate.previous_unread);

    // This year's row 2 left empty, last year's read.
    let t = String::from_utf8(fixture_bytes("report_a_tabs.txt")).unwrap();
    let no_row2 = t.replace(
        "二、上年结转政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3",
        "二、上年结转政府信息公开申请数量",
    );
    assert_ne!(no_row2, t);
    let r = check(
        "this.txt",
        &text(&no_row2),
        Some(&text(&last_year_short_name())),
    );
    let c = check_of(&r, "carryover-mismatch");
    assert!(c.detail.starts_with("本报告的上年结转数"), "{}", c.detail);

    // Last year's "report" with no prose: the repeated text is not compared, and says why.
    let r = check("this.txt", &this, Some(&text("2021\n1\t2\t3\n")));
    let c = r
        .document
        .checks
        .iter()
        .find(|c| c.rule == "text-repeated")
        .unwrap();
    assert_eq!(c.status, Status::Skip);
    assert_eq!(c.detail, "上年报告的正文未能读出，未比较是否雷同");
    assert!(c.detail_en.contains("could not be read"), "{}", c.detail_en);
}

#[test]
fn site_chrome_is_not_a_repeated_passage() {
    // report_a.html and report_b.html: the same site's page around two versions of one report.
    let a = read_fixture("report_a.html");
    let r = check("a.html", &a, Some(&read_fixture("report_b.html")));
    let cmp = r.comparison.as_ref().unwrap();
    let lines: Vec<&str> = a.text.lines().collect();
    let repeated: Vec<&str> = cmp.repeated.iter().map(|s| lines[s.line - 1]).collect();
    assert!(
        repeated.iter().any(|l| l.contains("认真贯彻落实")),
        "the prose is still compared: {repeated:?}"
    );
    for l in &repeated {
        for chrome in [
            "来源：",
            "浏览次数",
            "主办单位",
            "网站标识码",
            "ICP备",
            "打印本页",
            "当前位置",
            "统计期限",
        ] {
            assert!(!l.contains(chrome), "{chrome} in a repeated passage: {l}");
        }
        assert!(
            !l.ends_with("年度报告"),
            "the title is not a repeated passage: {l}"
        );
    }
}

/// Every seed, corpus opening and fixture (all forms): none is taken for a link.
#[test]
fn no_real_report_is_taken_for_a_link() {
    let mut files = Vec::new();
    for dir in [
        "tests/data/seeds",
        "tests/data/corpus",
        "tests/fixtures",
        "tests/fixtures/hard",
    ] {
        for e in std::fs::read_dir(format!("{DIR}/{dir}")).unwrap() {
            let p = e.unwrap().path();
            if p.is_file() {
                files.push(p);
            }
        }
    }
    assert!(files.len() > 30, "{}", files.len());
    let mut with_urls = 0;
    for p in &files {
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        let bytes = std::fs::read(p).unwrap();
        match read(&bytes, &name, None, &encoding_rs_legacy) {
            Ok(d) => {
                assert!(link::only_links(&d.text).is_none(), "{name}");
                with_urls += usize::from(d.text.contains("http"));
            }
            Err(e) => assert_ne!(e, link::message(), "{name}"),
        }
    }
    assert!(with_urls > 0, "some real reports quote an address");
}

#[test]
fn a_text_file_that_is_only_a_link_is_not_read_as_a_report() {
    let e = read(
        "https://www.fzqzf.gov.cn/zwgk/ndbg/202301/t20230116_123456.htm\n".as_bytes(),
        "link.txt",
        None,
        &encoding_rs_legacy,
    )
    .unwrap_err();
    assert_eq!(e, link::message());
    assert!(e.zh.contains("Ctrl+S") && e.en.contains("never sends anything"));
}
