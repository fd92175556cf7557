//! Every rule, firing and not firing, on small hand-written reports built from one clean base.

mod common;
use common::*;
use nianbao::result::{Severity, Status};
use nianbao::spec::Format;
use nianbao::CheckResult;

fn base(year: i32) -> String {
    let format = Format::for_year(year);
    let n = result_rows(format);
    let mut results = vec![[0i64; 6]; n];
    results[0] = [4, 0, 0, 0, 0, 0];
    results[1] = [1, 1, 0, 0, 0, 0];
    let rows = consistent_requests(format, &results, [0; 6], [1, 0, 0, 0, 0, 0]);
    let appeals = [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    report(year, &rows, &appeals, Layout::Tab)
}

fn check(text: &str) -> CheckResult {
    nianbao::check("case.txt", text)
}

fn fired<'a>(r: &'a CheckResult, rule: &str) -> Vec<&'a nianbao::result::Finding> {
    r.findings.iter().filter(|f| f.rule == rule).collect()
}

fn status(r: &CheckResult, section: Option<u8>, rule: &str) -> Status {
    let checks = match section {
        Some(n) => &r.sections[n as usize - 1].checks,
        None => &r.document.checks,
    };
    checks
        .iter()
        .find(|c| c.rule == rule)
        .unwrap_or_else(|| panic!("no check {rule}"))
        .status
}

#[test]
fn clean_reports_pass_every_check() {
    for year in [2020, 2023] {
        let r = check(&base(year));
        assert!(r.findings.is_empty(), "{year}: {:#?}", r.findings);
        assert_eq!(r.verdict, nianbao::result::Verdict::Pass, "{year}");
        for s in &r.sections {
            assert_eq!(s.status, "pass", "{year} part {}: {:?}", s.number, s.checks);
        }
        assert_eq!(
            r.meta.deadline.as_deref(),
            Some(&*format!("{}-01-31", year + 1))
        );
    }
}

#[test]
fn section_missing_and_order() {
    let t = base(2020);
    let r = check(&t.replace("五、存在的主要问题及改进情况", "存在的主要问题"));
    let f = fired(&r, "section-missing");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].section, Some(5));
    assert_eq!(r.sections[4].status, "fail");
    // Swap parts 五 and 六.
    let a = t.find("五、存在").unwrap();
    let b = t.find("六、其他").unwrap();
    let c = t.rfind("某市某区卫生健康局\n").unwrap();
    let swapped = format!("{}{}{}{}", &t[..a], &t[b..c], &t[a..b], &t[c..]);
    let r = check(&swapped);
    assert_eq!(fired(&r, "section-order").len(), 1);
    assert_eq!(status(&r, None, "section-order"), Status::Fail);
}

#[test]
fn section_heading_variants_warn() {
    let r = check(&base(2020).replace(
        "二、主动公开政府信息情况",
        "二、行政机关主动公开政府信息情况",
    ));
    let f = fired(&r, "section-heading");
    assert_eq!(
        (f.len(), f[0].severity, f[0].section),
        (1, Severity::Warning, Some(2))
    );
    assert!(r.sections[1].found);
}

#[test]
fn part_three_rows_are_not_part_headings() {
    let r = check(&base(2020));
    assert_eq!(r.sections[0].line, Some(3));
    assert!(r.sections[3]
        .heading
        .as_deref()
        .unwrap()
        .contains("行政复议"));
}

#[test]
fn section_empty_and_fee_statement() {
    let r = check(&base(2020).replace("公开内容还不够全面，下一步将加强培训。", "无"));
    assert_eq!(fired(&r, "section-empty").len(), 1);
    let r = check(&base(2022).replace("本年度未收取信息处理费。", "无。"));
    assert_eq!(fired(&r, "fee-statement").len(), 1);
    assert!(fired(&check(&base(2022)), "fee-statement").is_empty());
}

#[test]
fn table_and_row_missing() {
    let t = base(2020);
    let start = t.find("行政复议\t").unwrap();
    let end = t.find("五、存在").unwrap();
    let r = check(&format!("{}\n{}", &t[..start], &t[end..]));
    assert_eq!(fired(&r, "table-missing").len(), 1);
    assert_eq!(status(&r, Some(4), "appeals-total"), Status::Skip);
    let r = check(&t.replace("\t2.重复申请\t", "\t\t"));
    // A lost label inside a group whose count then fits is placed by position: no finding…
    assert!(fired(&r, "row-missing").is_empty());
    // …but a row dropped entirely is missing.
    let without: String = t
        .lines()
        .filter(|l| !l.contains("2.重复申请"))
        .collect::<Vec<_>>()
        .join("\n");
    let r = check(&without);
    let f = fired(&r, "row-missing");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].cells, ["3.5.2"]);
    assert_eq!(status(&r, Some(3), "requests-results-total"), Status::Skip);
}

#[test]
fn row_shape_cell_blank_invalid_ambiguous() {
    let t = base(2020);
    // Eight numbers where seven belong.
    let r = check(&t.replace(
        "2.重复申请\t0\t0\t0\t0\t0\t0\t0",
        "2.重复申请\t0\t0\t0\t0\t0\t0\t0\t0",
    ));
    assert_eq!(fired(&r, "row-shape").len(), 1);
    assert!(fired(&r, "cell-ambiguous").is_empty());
    // A blank cell.
    let r = check(&t.replace(
        "2.重复申请\t0\t0\t0\t0\t0\t0\t0",
        "2.重复申请\t0\t\t0\t0\t0\t0\t0",
    ));
    let f = fired(&r, "cell-blank");
    assert_eq!(
        (f.len(), f[0].cells.clone()),
        (1, vec!["3.5.2/commercial".to_string()])
    );
    assert_eq!(status(&r, Some(3), "requests-row-total"), Status::Skip);
    // Invalid values: text and a negative count.
    let r = check(
        &t.replace("2.重复申请\t0\t0", "2.重复申请\t减4\t0")
            .replace("行政强制\t1\t2\t2", "行政强制\t-1\t2\t2"),
    );
    let f = fired(&r, "cell-invalid");
    assert_eq!(f.len(), 2, "{f:#?}");
    assert!(f.iter().all(|x| x.severity == Severity::Error));
    // Two different numbers in a row of seven columns with no identity to decide: ambiguous.
    let r = check(&t.replace(
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t1\t1\t0\t0\t0\t0\t2",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t1\t1",
    ));
    let shape = fired(&r, "row-shape");
    assert_eq!(shape.len(), 1, "{:#?}", r.findings);
    // No placement satisfies every identity (a number was lost), so none is claimed.
    assert_eq!(fired(&r, "cell-ambiguous").len(), 1);
    assert!(r.tables.requests.rows[3]
        .cells
        .iter()
        .all(|(_, c)| c.kind == nianbao::layout::Kind::Ambiguous));
    assert_eq!(status(&r, Some(3), "requests-row-total"), Status::Skip);
}

#[test]
fn identities_fire_with_their_numbers_written_out() {
    let t = base(2020);
    // Row 1 natural 4 → 9: balance and row total break.
    let r = check(&t.replace(
        "一、本年新收政府信息公开申请数量\t6\t1",
        "一、本年新收政府信息公开申请数量\t9\t1",
    ));
    let bal = fired(&r, "requests-balance");
    assert_eq!(bal.len(), 1, "{:#?}", r.findings);
    // The one cell that explains both failures is named (rules/fix.rs).
    assert_eq!(
        bal[0].message,
        "自然人列：第一项加第二项（9+0=9）不等于第三项加第四项（5+1=6）。第一项（本年新收）·自然人应为6（（七）总计5+第四项（结转下年度）1−第二项（上年结转）0）：若改为6，本表所有勾稽关系成立"
    );
    assert_eq!((bal[0].expected, bal[0].actual), (Some(9.0), Some(6.0)));
    assert_eq!(
        bal[0].cells,
        ["1/natural", "2/natural", "3.7/natural", "4/natural"]
    );
    let tot = fired(&r, "requests-row-total");
    assert_eq!(tot.len(), 1);
    assert!(
        tot[0]
            .message
            .contains("总计7不等于各类申请人之和（9+1+0+0+0+0=10）"),
        "{}",
        tot[0].message
    );
    // 3.7 wrong.
    let r = check(&t.replace("（七）总计\t5\t1", "（七）总计\t6\t1"));
    let res = fired(&r, "requests-results-total");
    assert_eq!(res.len(), 1);
    assert!(res[0].message.contains("（七）总计6不等于各项办理结果之和（（一）4+（二）1+（三）0+（四）0+（五）0+（六）0=5）"), "{}", res[0].message);
    // The sum of twenty rows names only those that are not 0.
    assert!(res[0].message.ends_with("。（七）总计·自然人应为5（（一）予以公开4+（二）部分公开1，其余为0）：若改为5，本表所有勾稽关系成立"), "{}", res[0].message);
    assert_eq!(
        res[0].fix.as_ref().map(|f| (f.cell.as_str(), f.value)),
        Some(("3.7/natural", 5))
    );
    // Appeals.
    let r = check(&t.replace("1\t0\t0\t0\t1\t0\t0", "1\t0\t0\t0\t2\t0\t0"));
    let a = fired(&r, "appeals-total");
    assert_eq!(a.len(), 1);
    // Any of the five cells could be the wrong one: all are listed, none is picked.
    assert_eq!(
        a[0].message,
        "行政复议：总计2不等于结果维持、结果纠正、其他结果、尚未审结之和（1+0+0+0=1）。有5种改一个单元格的办法都能使本表所有勾稽关系成立，无法确定错在哪一格，请按台账核对：行政复议·总计改为1；行政复议·结果维持改为2；行政复议·结果纠正改为1；行政复议·其他结果改为1；行政复议·尚未审结改为1"
    );
    assert_eq!(a[0].fix, None);
    assert_eq!(a[0].fix_options.len(), 5);
    assert_eq!(status(&r, Some(4), "appeals-total"), Status::Fail);
}

#[test]
fn article_citation() {
    let r = check(&base(2020).replacen("第二十条第（五）项", "第三十条第（五）项", 1));
    let f = fired(&r, "article-citation");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].section, Some(2));
    let r = check(&base(2022).replace(
        "本年度，我局认真贯彻落实《条例》。",
        "依据国办发〔2021〕30号编制。",
    ));
    assert_eq!(fired(&r, "article-citation").len(), 1);
    // Whatever brackets hold the year, and where the number stands on its line.
    for cited in [
        "依据国办发（2021）30号编制。",
        "依据国办发(2021)30号编制。",
        "依据国办发[2021]30号编制。",
        "依据国办发【2021】30号编制。",
        "依据国办发﹝2021﹞30号编制。",
    ] {
        let r = check(&base(2022).replace("本年度，我局认真贯彻落实《条例》。", cited));
        let f = fired(&r, "article-citation");
        assert_eq!(f.len(), 1, "{cited}");
        assert_eq!(f[0].column, Some(3), "{cited}");
    }
    let r = check(&base(2022).replace(
        "本年度，我局认真贯彻落实《条例》。",
        "按照国办公开办函（2019）60号的格式编制。",
    ));
    let f = fired(&r, "article-citation");
    assert_eq!((f.len(), f[0].column), (1, Some(9)));
    // The right numbers, in any brackets, are not findings.
    let r = check(&base(2022).replace(
        "本年度，我局认真贯彻落实《条例》。",
        "依据国办公开办函（2021）30号编制。",
    ));
    assert!(fired(&r, "article-citation").is_empty());
}

#[test]
fn format_year_mismatch() {
    let r = check(
        &base(2020)
            .replace("2020年政府信息", "2023年政府信息")
            .replace("2021年1月20日", "2024年1月20日"),
    );
    let f = fired(&r, "format-year-mismatch");
    assert_eq!(f.len(), 1);
    assert!(
        f[0].message.contains("2023年度报告应使用2021年格式"),
        "{}",
        f[0].message
    );
    assert!(fired(&check(&base(2023)), "format-year-mismatch").is_empty());
}

#[test]
fn title_format() {
    let t = base(2020);
    let r = check(&t.replace(
        "2020年政府信息公开工作年度报告",
        "2020年政府信息公开年度报告",
    ));
    assert!(fired(&r, "title-format")[0].message.contains("工作"));
    let r = check(&t.replace(
        "2020年政府信息公开工作年度报告",
        "2020年度政府信息公开工作年度报告",
    ));
    assert!(fired(&r, "title-format")[0].message.contains("年度"));
    let r = check(&t.replace(
        "某市某区卫生健康局2020年政府信息公开工作年度报告",
        "政府信息公开工作年度报告",
    ));
    let f = fired(&r, "title-format");
    assert_eq!(f[0].severity, Severity::Error);
}

#[test]
fn publish_deadline() {
    let t = base(2020);
    let r = check(&t.replace("2021年1月20日", "2021年2月3日"));
    let f = fired(&r, "publish-deadline");
    assert_eq!(f.len(), 1);
    assert!(f[0].message.contains("2021年1月31日"), "{}", f[0].message);
    // A government's own report has until 31 March.
    let gov = t
        .replace("某市某区卫生健康局", "某市某区人民政府")
        .replace("2021年1月20日", "2021年3月3日");
    assert!(fired(&check(&gov), "publish-deadline").is_empty());
    let r = check(&t.replace("2021年1月20日", "二〇二一年三月五日"));
    assert_eq!(fired(&r, "publish-deadline").len(), 1);
    let r = check(&t.replace("2021年1月20日", ""));
    assert_eq!(status(&r, None, "publish-deadline"), Status::Skip);
    assert_eq!(r.verdict, nianbao::result::Verdict::Pass);
}

#[test]
fn text_table_and_text_sum() {
    let t = base(2020);
    let r = check(&t.replace(
        "本年度，我局认真贯彻落实《条例》。",
        "本年度共收到政府信息公开申请9件。",
    ));
    let f = fired(&r, "text-table-mismatch");
    assert_eq!(f.len(), 1, "{:#?}", r.findings);
    assert_eq!((f[0].expected, f[0].actual), (Some(7.0), Some(9.0)));
    let ok = check(&t.replace(
        "本年度，我局认真贯彻落实《条例》。",
        "本年度共收到政府信息公开申请7件。",
    ));
    assert!(fired(&ok, "text-table-mismatch").is_empty());
    assert_eq!(status(&ok, None, "text-table-mismatch"), Status::Pass);
    let r = check(&t.replace(
        "本年度，我局认真贯彻落实《条例》。",
        "主动公开政府信息50条，其中文件10条，动态20条，公告15条。",
    ));
    let f = fired(&r, "text-sum-mismatch");
    assert_eq!((f[0].expected, f[0].actual), (Some(50.0), Some(45.0)));
    let ok = check(&t.replace(
        "本年度，我局认真贯彻落实《条例》。",
        "主动公开政府信息45条，其中文件10条，动态20条，公告15条。",
    ));
    assert!(fired(&ok, "text-sum-mismatch").is_empty());
}

#[test]
fn overview_topics_preface_count_and_statistics_period() {
    let t21 = base(2022);
    let r = check(
        &t21.replace("（五）监督保障：开展培训考核。", "")
            .replace("（三）政府信息管理：落实保密审查。", ""),
    );
    let f = fired(&r, "overview-topics");
    assert_eq!(f.len(), 1);
    assert!(
        f[0].message.contains("政府信息管理、监督保障"),
        "{}",
        f[0].message
    );
    assert!(
        fired(&check(&base(2020)), "overview-topics").is_empty(),
        "F2019 does not require the topics"
    );
    let t = base(2020);
    let with = |s: &str| t.replacen("\n\n一、总体情况", &format!("\n{s}\n\n一、总体情况"), 1);
    assert_eq!(
        fired(
            &check(&with("本报告由总体情况等五个部分组成。")),
            "preface-part-count"
        )
        .len(),
        1
    );
    let ok = check(&with("本报告由总体情况等六个部分组成。"));
    assert!(fired(&ok, "preface-part-count").is_empty());
    assert_eq!(status(&ok, None, "preface-part-count"), Status::Pass);
    // The whole numeral counts, not its last character: 十二 is not 二, 16 is not 6.
    for (stated, shown) in [("十二个部分", "十二"), ("16个部分", "16"), ("0个部分", "0")]
    {
        let r = check(&with(&format!("本报告由总体情况等{stated}组成。")));
        let f = fired(&r, "preface-part-count");
        assert_eq!(f.len(), 1, "{stated}");
        assert!(
            f[0].message.contains(&format!("由{shown}个部分组成")),
            "{}",
            f[0].message
        );
    }
    for stated in ["6个部分", "六部分组成", "以下六个部分"] {
        let r = check(&with(&format!("本报告分为{stated}。")));
        assert!(fired(&r, "preface-part-count").is_empty(), "{stated}");
        assert_eq!(
            status(&r, None, "preface-part-count"),
            Status::Pass,
            "{stated}"
        );
    }
    let r = check(&with(
        "本报告中所列数据的统计期限自2019年1月1日起至2019年12月31日止。",
    ));
    let f = fired(&r, "text-year-mismatch");
    assert_eq!(
        (f.len(), f[0].expected, f[0].actual),
        (1, Some(2020.0), Some(2019.0))
    );
    let ok = check(&with(
        "本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。",
    ));
    assert!(fired(&ok, "text-year-mismatch").is_empty());
    assert_eq!(status(&ok, None, "text-year-mismatch"), Status::Pass);
}

#[test]
fn more_prose_against_the_tables() {
    let t = base(2020);
    let with = |s: &str| t.replace("本年度，我局认真贯彻落实《条例》。", s);
    // The table: 行政处罚 decisions 2; 3.7 total 6; row 4 total 1.
    let r = check(&with("全年作出行政处罚决定5件。"));
    let f = fired(&r, "text-table-mismatch");
    assert_eq!(
        (f.len(), f[0].expected, f[0].actual),
        (1, Some(2.0), Some(5.0))
    );
    assert!(fired(
        &check(&with("全年作出行政处罚决定2件。")),
        "text-table-mismatch"
    )
    .is_empty());
    let r = check(&with(
        "本年度办结政府信息公开申请9件，结转下年度继续办理的政府信息公开申请3件。",
    ));
    assert_eq!(
        fired(&r, "text-table-mismatch").len(),
        2,
        "{:#?}",
        r.findings
    );
    let ok = check(&with(
        "本年度办结政府信息公开申请6件，结转下年度继续办理的政府信息公开申请1件。",
    ));
    assert!(
        fired(&ok, "text-table-mismatch").is_empty(),
        "{:#?}",
        ok.findings
    );
    // 办结 of something that is not a request is not compared.
    assert!(fired(
        &check(&with("接到投诉22起，办结22起。")),
        "text-table-mismatch"
    )
    .is_empty());
}

#[test]
fn regulations_and_published_total() {
    let t = base(2020);
    let r = check(&t.replace("规章\t0\t1\t2", "规章\t1\t1\t2"));
    assert_eq!(fired(&r, "regulations-authority").len(), 1);
    // Who may make 规章 (立法法第九十一、九十三条): by the agency in the title.
    let regs = t.replace("规章\t0\t1\t2", "规章\t1\t1\t2");
    for (agency, flagged) in [
        ("教育部", false),
        ("住房和城乡建设部", false),
        ("海关总署", false),
        ("国家税务总局", false),
        ("中国人民银行", false),
        ("镇江市人民政府", false),
        ("某省人民政府", false),
        ("某省教育厅", false),
        ("某市海沧区人民政府", true),
        ("乡宁县人民政府", true),
        ("某县某镇人民政府", true),
        ("国家税务总局某市税务局", true),
        ("某市卫生健康委员会", true),
    ] {
        let r = check(&regs.replacen("某市某区卫生健康局", agency, 1));
        assert_eq!(
            fired(&r, "regulations-authority").len(),
            usize::from(flagged),
            "{agency}"
        );
    }
    let r = check(&t.replace("规范性文件\t1\t2\t2", "规范性文件\t2\t3\t1"));
    assert_eq!(fired(&r, "active-published-total").len(), 1);
}

#[test]
fn every_rule_has_a_check_or_a_case() {
    // The checklist mentions every rule that applies to a clean F2021 report.
    let r = check(&base(2023));
    let mut seen: Vec<&str> = r.document.checks.iter().map(|c| c.rule).collect();
    for s in &r.sections {
        seen.extend(s.checks.iter().map(|c| c.rule));
    }
    for rule in nianbao::RULES {
        // F2019 only, or only when the text states a part count or a statistics period.
        if [
            "active-published-total",
            "preface-part-count",
            "text-year-mismatch",
            // Only when the prose states a rate, or two columns offset each other.
            "text-rate-mismatch",
            "misfiled-columns",
            // Only with last year's report (tests/previous.rs).
            "carryover-mismatch",
            "in-force-mismatch",
            "text-repeated",
            // Only in a batch, with another unit's report (src/similar.rs).
            "text-repeated-between-units",
        ]
        .contains(&rule.name)
        {
            continue;
        }
        assert!(
            seen.contains(&rule.name),
            "{} never appears in the checklist",
            rule.name
        );
    }
}

#[test]
fn bad_input_never_panics() {
    for text in ["", "\n\n", "一、", "| | |", "\t\t\t", "三、收到和处理政府信息公开申请情况\n（七）总计 1 2", "四、政府信息公开行政复议、行政诉讼情况\n1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22"] {
        let r = check(text);
        assert_eq!(r.sections.len(), 6);
    }
    let r = check("");
    assert_eq!(r.verdict, nianbao::result::Verdict::Fail);
    assert_eq!(fired(&r, "section-missing").len(), 6);
}

/// Every hand-written case, firing and not firing, as (name, text).
// A list of cases, one entry per rule: cut up, it would only be harder to scan.
#[allow(clippy::too_many_lines)]
fn cases() -> Vec<(&'static str, String)> {
    let t = base(2020);
    let t21 = base(2022);
    let a = t.find("五、存在").unwrap();
    let b = t.find("六、其他").unwrap();
    let c = t.rfind("某市某区卫生健康局\n").unwrap();
    vec![
        ("clean-2020", t.clone()),
        ("clean-2022", t21.clone()),
        (
            "section-missing",
            t.replace("五、存在的主要问题及改进情况", "存在的主要问题"),
        ),
        (
            "section-order",
            format!("{}{}{}{}", &t[..a], &t[b..c], &t[a..b], &t[c..]),
        ),
        (
            "section-heading",
            t.replace(
                "二、主动公开政府信息情况",
                "二、行政机关主动公开政府信息情况",
            ),
        ),
        (
            "section-empty",
            t.replace("公开内容还不够全面，下一步将加强培训。", "无"),
        ),
        (
            "fee-statement",
            t21.replace("本年度未收取信息处理费。", "无。"),
        ),
        (
            "table-missing",
            format!("{}\n{}", &t[..t.find("行政复议\t").unwrap()], &t[a..]),
        ),
        (
            "row-missing",
            t.lines()
                .filter(|l| !l.contains("2.重复申请"))
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        (
            "row-shape",
            t.replace(
                "2.重复申请\t0\t0\t0\t0\t0\t0\t0",
                "2.重复申请\t0\t0\t0\t0\t0\t0\t0\t0",
            ),
        ),
        (
            "cell-blank",
            t.replace(
                "2.重复申请\t0\t0\t0\t0\t0\t0\t0",
                "2.重复申请\t0\t\t0\t0\t0\t0\t0",
            ),
        ),
        (
            "cell-invalid",
            t.replace("2.重复申请\t0\t0", "2.重复申请\t减4\t0"),
        ),
        (
            "cell-ambiguous",
            t.replace(
                "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t1\t1\t0\t0\t0\t0\t2",
                "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t1\t1",
            ),
        ),
        (
            "requests-balance+row-total",
            t.replace(
                "一、本年新收政府信息公开申请数量\t6\t1",
                "一、本年新收政府信息公开申请数量\t9\t1",
            ),
        ),
        (
            "requests-results-total",
            t.replace("（七）总计\t5\t1", "（七）总计\t6\t1"),
        ),
        (
            "appeals-total",
            t.replace("1\t0\t0\t0\t1\t0\t0", "1\t0\t0\t0\t2\t0\t0"),
        ),
        (
            "article-citation",
            t.replacen("第二十条第（五）项", "第三十条第（五）项", 1),
        ),
        (
            "format-year-mismatch",
            t.replace("2020年政府信息", "2023年政府信息")
                .replace("2021年1月20日", "2024年1月20日"),
        ),
        (
            "title-format",
            t.replace(
                "2020年政府信息公开工作年度报告",
                "2020年政府信息公开年度报告",
            ),
        ),
        (
            "publish-deadline",
            t.replace("2021年1月20日", "2021年2月3日"),
        ),
        (
            "text-table-mismatch",
            t.replace(
                "本年度，我局认真贯彻落实《条例》。",
                "本年度共收到政府信息公开申请9件。",
            ),
        ),
        (
            "text-sum-mismatch",
            t.replace(
                "本年度，我局认真贯彻落实《条例》。",
                "主动公开政府信息50条，其中文件10条，动态20条，公告15条。",
            ),
        ),
        (
            "overview-topics",
            t21.replace("（五）监督保障：开展培训考核。", ""),
        ),
        (
            "preface-part-count",
            t.replacen(
                "\n\n一、总体情况",
                "\n本报告由五个部分组成。\n\n一、总体情况",
                1,
            ),
        ),
        (
            "text-year-mismatch",
            t.replacen(
                "\n\n一、总体情况",
                "\n本报告统计期限自2019年1月1日至2019年12月31日。\n\n一、总体情况",
                1,
            ),
        ),
        (
            "regulations-authority",
            t.replace("规章\t0\t1\t2", "规章\t1\t1\t2"),
        ),
        (
            "active-published-total",
            t.replace("规范性文件\t1\t2\t2", "规范性文件\t2\t3\t1"),
        ),
    ]
}

#[test]
fn snapshots_of_every_case() {
    for (name, text) in cases() {
        let r = check(&text);
        let findings: Vec<serde_json::Value> = r
            .findings
            .iter()
            .map(|f| {
                serde_json::json!({
                    "rule": f.rule, "severity": f.severity, "section": f.section, "line": f.line,
                    "column": f.column, "cells": f.cells, "expected": f.expected, "actual": f.actual,
                    "message": f.message,
                })
            })
            .collect();
        let summary = serde_json::json!({
            "verdict": r.verdict,
            "sections": r.sections.iter().map(|s| s.status).collect::<Vec<_>>(),
            "findings": findings,
        });
        insta::assert_json_snapshot!(format!("case_{name}"), summary);
    }
}

#[test]
fn agency_kind_by_the_place_s_last_word() {
    use nianbao::rules::{agency_kind, AgencyKind::*};
    for (agency, kind) in [
        // A county and a city whose names hold 乡 and 镇 are governments (deadline 31 March).
        ("乡宁县人民政府", Government),
        ("镇江市人民政府", Government),
        ("镇原县政府", Government),
        ("厦门市海沧区人民政府", Government),
        ("临汾市乡宁县昌宁镇人民政府", Town),
        ("某某县某某民族乡人民政府", Town),
        ("海沧街道办事处", Town),
        ("镇江市卫生健康委员会", Department),
        ("乡宁县人民政府办公室", Department),
    ] {
        assert_eq!(agency_kind(agency), kind, "{agency}");
    }
}
