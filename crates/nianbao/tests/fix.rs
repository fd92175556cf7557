//! Pointing at the wrong cell (`nianbao::fix`): a real report and a real seed with one cell
//! changed (a total and a part, in a row identity and a column identity, in parts 三 and 四):
//! the failing findings name that cell and its value; the ambiguous case lists every single-cell
//! change and picks none; a correct report, a blank cell and the fixtures get no fix.

mod common;
use nianbao::result::{Finding, Fix};
use nianbao::CheckResult;

const REPORT_A: &str = include_str!("fixtures/report_a_tabs.txt");
const SEED: &str = include_str!("data/seeds/000_455c67bc2f70a9f9.txt");

/// `text` with field `field` (0-based, TAB-separated) of the first line starting with `start`
/// set to `value`.
fn edit(text: &str, start: &str, field: usize, value: &str) -> String {
    let mut done = false;
    let lines: Vec<String> = text
        .lines()
        .map(|l| {
            if done || !l.starts_with(start) {
                return l.to_string();
            }
            done = true;
            let mut f: Vec<&str> = l.split('\t').collect();
            f[field] = value;
            f.join("\t")
        })
        .collect();
    assert!(done, "no line starts with {start}");
    lines.join("\n")
}

fn identity_findings(r: &CheckResult) -> Vec<&Finding> {
    r.findings
        .iter()
        .filter(|f| {
            matches!(
                f.rule,
                "requests-balance"
                    | "requests-row-total"
                    | "requests-results-total"
                    | "appeals-total"
            )
        })
        .collect()
}

/// Every failing identity names the one fix; its sentence says so in both languages.
fn assert_fix(r: &CheckResult, cell: &str, value: i64, zh: &str) -> usize {
    let fs = identity_findings(r);
    assert!(!fs.is_empty(), "no identity fails");
    for f in &fs {
        assert_eq!(
            f.fix,
            Some(Fix {
                cell: cell.to_string(),
                value,
                inferred: false
            }),
            "{}: {}",
            f.rule,
            f.message
        );
        assert!(f.fix_options.is_empty());
        assert!(f.message.contains(zh), "{}", f.message);
        assert!(
            f.message
                .contains(&format!("若改为{value}，本表所有勾稽关系成立")),
            "{}",
            f.message
        );
        assert!(
            f.message_en.contains(&format!(
                "changed to {value}, every identity of the table holds"
            )),
            "{}",
            f.message_en
        );
    }
    fs.len()
}

#[test]
fn the_correct_report_has_no_fix() {
    for (name, text) in [("a", REPORT_A), ("seed", SEED)] {
        let r = nianbao::check(name, text);
        assert!(identity_findings(&r).is_empty(), "{name}");
        assert!(r
            .findings
            .iter()
            .all(|f| f.fix.is_none() && f.fix_options.is_empty()));
    }
}

#[test]
fn a_review_total_too_small_is_the_only_fix() {
    // 行政复议: 2 + 1 + 0 + 1 = 4, the total says 0: no part can shrink by 4.
    let text = edit(REPORT_A, "2\t1\t0\t1\t4", 4, "0");
    let r = nianbao::check("a", &text);
    let n = assert_fix(
        &r,
        "appeals/review.total",
        4,
        "行政复议·总计应为4（结果维持2+结果纠正1+其他结果0+尚未审结1）",
    );
    assert_eq!(n, 1);
    let json = nianbao::to_json(&r, false);
    assert!(
        json.contains(r#""fix":{"cell":"appeals/review.total","value":4}"#),
        "{json}"
    );
}

#[test]
fn a_part_cell_of_part_three_fails_its_row_and_its_column() {
    // 本年新收·自然人 75 → 70: its row total and the balance of its column fail.
    let text = edit(REPORT_A, "一、本年新收", 1, "70");
    let r = nianbao::check("a", &text);
    let n = assert_fix(&r, "1/natural", 75, "第一项（本年新收）·自然人应为75");
    assert_eq!(n, 2);
}

#[test]
fn a_total_cell_of_part_three_fails_three_identities() {
    // （七）总计·总计 79 → 80: its row, the total column's balance and its results total.
    let text = edit(REPORT_A, "（七）总计", 7, "80");
    let r = nianbao::check("a", &text);
    let n = assert_fix(
        &r,
        "3.7/total",
        79,
        "（七）总计·总计应为79（自然人73+商业企业3+科研机构0+社会公益组织1+法律服务机构2+其他0）",
    );
    assert_eq!(n, 3);
    // Part 三's checklist says it too, on each of the three failing checks.
    let part = r.sections.iter().find(|s| s.number == 3).unwrap();
    let said: Vec<&str> = part
        .checks
        .iter()
        .filter(|c| c.detail.ends_with("若改为79，本表所有勾稽关系成立"))
        .map(|c| c.rule)
        .collect();
    assert_eq!(
        said,
        [
            "requests-balance",
            "requests-row-total",
            "requests-results-total"
        ]
    );
}

#[test]
fn a_results_row_cell_fails_its_row_and_the_results_total() {
    // （一）予以公开·商业企业 1 → 4.
    let text = edit(REPORT_A, "三、本年度办理结果", 3, "4");
    let r = nianbao::check("a", &text);
    let n = assert_fix(&r, "3.1/commercial", 1, "（一）予以公开·商业企业应为1");
    assert_eq!(n, 2);
}

#[test]
fn a_changed_seed_cell_is_pointed_at_in_the_2019_format() {
    // The seed's tables are all zeros; 本年新收·自然人 becomes 5.
    let line = SEED
        .lines()
        .find(|l| l.starts_with("一、本年新收") || l.contains("本年新收政府信息公开申请数量\t"))
        .expect("the seed's row 1");
    let fields: Vec<&str> = line.split('\t').collect();
    let at = fields.iter().position(|f| f.trim() == "0").expect("a zero");
    let start: String = line.chars().take(6).collect();
    let text = edit(SEED, &start, at, "5");
    let r = nianbao::check("seed", &text);
    assert_eq!(r.format.layout(), nianbao::spec::Format::F2019);
    assert_fix(&r, "1/natural", 0, "第一项（本年新收）·自然人应为0");
}

#[test]
fn several_single_cell_fixes_are_listed_and_none_is_picked() {
    // 行政复议: 2 + 1 + 0 + 1 = 4, the total says 3: the total, or 维持, 纠正 or 尚未审结 one less.
    let text = edit(REPORT_A, "2\t1\t0\t1\t4", 4, "3");
    let r = nianbao::check("a", &text);
    let fs = identity_findings(&r);
    assert_eq!(fs.len(), 1);
    let f = fs[0];
    assert_eq!(f.fix, None);
    let options: Vec<(&str, i64)> = f
        .fix_options
        .iter()
        .map(|x| (x.cell.as_str(), x.value))
        .collect();
    assert_eq!(
        options,
        [
            ("appeals/review.total", 4),
            ("appeals/review.upheld", 1),
            ("appeals/review.corrected", 0),
            ("appeals/review.pending", 0),
        ]
    );
    assert!(
        f.message.contains("有4种改一个单元格的办法"),
        "{}",
        f.message
    );
    assert!(
        f.message
            .contains("行政复议·总计改为4；行政复议·结果维持改为1"),
        "{}",
        f.message
    );
    assert!(
        f.message_en.contains("4 different one-cell changes"),
        "{}",
        f.message_en
    );
}

#[test]
fn two_wrong_cells_or_a_blank_get_no_fix() {
    // Two cells changed in different rows and columns: no one cell explains it.
    let two = edit(
        &edit(REPORT_A, "一、本年新收", 1, "70"),
        "四、结转下年度",
        2,
        "9",
    );
    let r = nianbao::check("a", &two);
    assert!(!identity_findings(&r).is_empty());
    assert!(r
        .findings
        .iter()
        .all(|f| f.fix.is_none() && f.fix_options.is_empty()));
    // A blank cell is never filled in by a guess.
    let blank = edit(
        &edit(REPORT_A, "一、本年新收", 1, ""),
        "（七）总计",
        7,
        "80",
    );
    let r = nianbao::check("a", &blank);
    assert!(r
        .findings
        .iter()
        .all(|f| f.fix.is_none() && f.fix_options.is_empty()));
}

#[test]
fn no_fixture_of_any_reader_gets_a_fix() {
    for (name, doc) in common::every_input() {
        let r = nianbao::check_document(&name, &doc);
        for f in &r.findings {
            // A fix is offered only with every identity decided; then it must make them hold.
            if let Some(x) = &f.fix {
                panic!("{name}: {} suggests {} = {}", f.rule, x.cell, x.value);
            }
        }
    }
}
