//! Every text form of the tables, read exactly, and never a guessed value shown as fact.

mod common;
use common::*;
use nianbao::layout::Kind;
use nianbao::result::{Read, Severity};
use nianbao::spec::{request_rows, Format};
use nianbao::CheckResult;

const F: Format = Format::F2021;
const YEAR: i32 = 2022;

/// A consistent F2021 table: 3.1, 3.2, 3.3.4 and 3.6.3 hold numbers; rows 2 and 4 too.
fn sample() -> Vec<Vec<i64>> {
    let n = result_rows(F);
    let mut results = vec![[0i64; 6]; n];
    results[0] = [3, 1, 0, 0, 0, 2];
    results[1] = [2, 0, 0, 1, 0, 0];
    results[5] = [0, 0, 4, 0, 0, 0];
    results[n - 1] = [1, 0, 0, 0, 0, 0];
    consistent_requests(F, &results, [1, 0, 0, 0, 0, 0], [2, 0, 1, 0, 0, 0])
}

fn idx(key: &str) -> usize {
    request_rows(F).iter().position(|r| r.key == key).unwrap()
}

fn nums(v: &[i64], sep: &str) -> String {
    v.iter()
        .map(|x| x.to_string())
        .collect::<Vec<_>>()
        .join(sep)
}

/// Part 三 as TAB lines, with some rows' lines given by the test.
fn tab_table(rows: &[Vec<i64>], over: &[(&str, &str)]) -> String {
    let mut t = String::from("(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\t申请人情况\n\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n");
    for (spec, v) in request_rows(F).iter().zip(rows) {
        match over.iter().find(|(k, _)| *k == spec.key) {
            Some((_, line)) => t.push_str(line),
            None => t.push_str(&format!("{}\t{}", spec.label, nums(v, "\t"))),
        }
        t.push('\n');
    }
    t
}

/// A whole report with part 三 (and optionally part 四) replaced.
fn report_with(requests: &str, appeals: Option<&str>) -> String {
    let rows = sample();
    let base = report(YEAR, &rows, &[0; 15], Layout::Tab);
    let s = base.find("三、收到和处理政府信息公开申请情况").unwrap();
    let e = base.find("四、政府信息公开行政复议").unwrap();
    let f = base.find("五、存在的主要问题").unwrap();
    let four = match appeals {
        Some(a) => format!("四、政府信息公开行政复议、行政诉讼情况\n\n{a}\n"),
        None => base[e..f].to_string(),
    };
    format!(
        "{}三、收到和处理政府信息公开申请情况\n\n{requests}\n{four}{}",
        &base[..s],
        &base[f..]
    )
}

fn check(text: &str) -> CheckResult {
    nianbao::check("t.txt", text)
}

/// A row's cells as (kind, integer value, read).
fn cells(r: &CheckResult, key: &str) -> Vec<(Kind, Option<i64>, Read)> {
    let row = r.tables.requests.row(key).unwrap();
    assert!(row.found, "row {key} not found");
    row.cells
        .iter()
        .map(|(_, c)| (c.kind, c.int(), c.read))
        .collect()
}

/// The expected cells of a row read from the text: numbers, None for blank.
fn want(vals: &[Option<i64>], read: Read) -> Vec<(Kind, Option<i64>, Read)> {
    vals.iter()
        .map(|v| match v {
            Some(x) => (Kind::Number, Some(*x), read),
            None => (Kind::Blank, None, read),
        })
        .collect()
}

fn all(v: &[i64]) -> Vec<Option<i64>> {
    v.iter().map(|&x| Some(x)).collect()
}

fn no_identity_error(r: &CheckResult) {
    let bad: Vec<_> = r
        .findings
        .iter()
        .filter(|f| {
            (f.rule.starts_with("requests-") || f.rule == "appeals-total")
                && f.severity == Severity::Error
        })
        .map(|f| f.message.clone())
        .collect();
    assert!(bad.is_empty(), "{bad:#?}");
    assert!(
        r.findings.iter().all(|f| f.rule != "row-missing"),
        "{:#?}",
        r.findings
    );
}

fn rows_equal_sample(r: &CheckResult, read: Read) {
    for (spec, v) in request_rows(F).iter().zip(sample()) {
        assert_eq!(cells(r, spec.key), want(&all(&v), read), "row {}", spec.key);
    }
}

// ---------------------------------------------------------------- 1. TAB rows by position

#[test]
fn trailing_empty_tab_fields_are_blank_cells_by_position() {
    let rows = sample();
    let text = report_with(
        &tab_table(
            &rows,
            &[
                // Last columns blank: still seven positions.
                ("3.3.1", "（三）不予公开\t1.属于国家秘密\t0\t0\t0\t\t\t\t"),
                // Rowspan lost the group cell; a blank in the middle.
                ("3.3.2", "2.其他法律行政法规禁止公开\t0\t\t0\t0\t0\t0\t0"),
                ("3.3.4", "4.保护第三方合法权益\t\t\t4\t\t\t\t4"),
                // An extra empty field after the label (a label spanning two columns).
                ("3.2", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t\t2\t0\t0\t1\t0\t0\t3"),
            ],
        ),
        None,
    );
    let r = check(&text);
    let p = Read::Position;
    assert_eq!(
        cells(&r, "3.3.1"),
        want(&[Some(0), Some(0), Some(0), None, None, None, None], p)
    );
    assert_eq!(
        cells(&r, "3.3.2"),
        want(
            &[Some(0), None, Some(0), Some(0), Some(0), Some(0), Some(0)],
            p
        )
    );
    assert_eq!(
        cells(&r, "3.3.4"),
        want(&[None, None, Some(4), None, None, None, Some(4)], p)
    );
    assert_eq!(cells(&r, "3.2"), want(&all(&rows[idx("3.2")]), p));
    no_identity_error(&r);
    // The blanks are stated as fact (their positions are read), not as uncertain.
    let blank = r
        .findings
        .iter()
        .find(|f| f.rule == "cell-blank" && f.cells[0].starts_with("3.3.1/"))
        .expect("3.3.1 blanks");
    assert!(!blank.message.contains("不确定"), "{}", blank.message);
    assert!(
        r.findings.iter().all(|f| f.rule != "row-shape"),
        "{:#?}",
        r.findings
    );
}

#[test]
fn a_tab_ending_every_line_is_not_a_column() {
    let rows = sample();
    let table: String = tab_table(&rows, &[])
        .lines()
        .map(|l| format!("{l}\t\n"))
        .collect();
    let r = check(&report_with(&table, None));
    rows_equal_sample(&r, Read::Position);
    no_identity_error(&r);
}

// ---------------------------------------------------------------- 2. markdown tables

#[test]
fn markdown_tables_per_group_with_invented_headers_and_a_heading() {
    let rows = sample();
    let specs = request_rows(F);
    let mut t = String::from("### 一、本年新收政府信息公开申请数量\n\n");
    let header = "| 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 数据7 | 数据8 |\n|---|---|---|---|---|---|---|---|\n";
    for (i, (spec, v)) in specs.iter().zip(&rows).enumerate() {
        if i == 0 || spec.key == "3.1" || spec.key == "3.4.1" {
            t.push('\n');
            t.push_str(header);
        }
        if spec.key == "4" {
            // A header copied from elsewhere: its 结转下年度 is not row 四.
            t.push_str("\n| 结转下年度 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n|---|---|---|---|---|---|---|---|\n");
        }
        t.push_str(&format!("| {} | {} |\n", spec.label, nums(v, " | ")));
    }
    let r = check(&report_with(&t, None));
    rows_equal_sample(&r, Read::Position);
    no_identity_error(&r);
    assert_eq!(r.counts.error, 0, "{:#?}", r.findings);
}

#[test]
fn a_heading_repeating_row_two_does_not_shift_the_rows() {
    let rows = sample();
    let table = tab_table(&rows, &[]).replace(
        "二、上年结转政府信息公开申请数量\t",
        "### 二、上年结转政府信息公开申请数量\n二、上年结转政府信息公开申请数量\t",
    );
    let r = check(&report_with(&table, None));
    rows_equal_sample(&r, Read::Position);
    no_identity_error(&r);
}

// ---------------------------------------------------------------- 3. one cell per line

#[test]
fn one_cell_per_line_with_labels_split_by_spaces() {
    let rows = sample();
    let mut t =
        String::from("(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\n");
    for (spec, v) in request_rows(F).iter().zip(&rows) {
        // "5.属 于三类内部事务信息": a space after the first word.
        let mut chars: Vec<char> = spec.label.chars().collect();
        if chars.len() > 4 {
            chars.insert(3, ' ');
        }
        t.push_str(&chars.into_iter().collect::<String>());
        t.push('\n');
        for x in v {
            t.push_str(&format!("{x}\n"));
        }
    }
    assert!(t.contains("5.属 于三类内部事务信息"));
    let r = check(&report_with(&t, None));
    rows_equal_sample(&r, Read::Order);
    no_identity_error(&r);
    assert_eq!(r.counts.error, 0, "{:#?}", r.findings);
}

// ---------------------------------------------------------------- 4. label line, then numbers

#[test]
fn labels_and_numbers_on_separate_lines() {
    let rows = sample();
    let mut t = String::new();
    for (spec, v) in request_rows(F).iter().zip(&rows) {
        if spec.key == "3.3.4" {
            // A TAB line of numbers with blanks keeps its positions.
            t.push_str(&format!("{}\n\t\t4\t\t\t\t4\n", spec.label));
        } else {
            t.push_str(&format!("{}\n{}\n", spec.label, nums(v, " ")));
        }
    }
    let r = check(&report_with(&t, None));
    assert_eq!(
        cells(&r, "3.3.4"),
        want(
            &[None, None, Some(4), None, None, None, Some(4)],
            Read::Position
        )
    );
    for (spec, v) in request_rows(F).iter().zip(sample()) {
        if spec.key != "3.3.4" {
            assert_eq!(
                cells(&r, spec.key),
                want(&all(&v), Read::Order),
                "{}",
                spec.key
            );
        }
    }
    no_identity_error(&r);
}

// ---------------------------------------------------------------- 5. glued digits

/// Rows 1 and 3.1 hold 10|1|0|0|0|0|11, everything else 0.
fn glue_rows() -> Vec<Vec<i64>> {
    let mut rows = vec![vec![0; 7]; request_rows(F).len()];
    for k in ["1", "3.1", "3.7"] {
        rows[idx(k)] = vec![10, 1, 0, 0, 0, 0, 11];
    }
    rows
}

#[test]
fn glued_digits_are_split_by_the_identities() {
    let rows = glue_rows();
    // "101000011" splits as 10|1|0|0|0|0|11 or 1|0|10|0|0|0|11; the balance decides.
    let table = tab_table(&rows, &[("1", "一、本年新收政府信息公开申请数量101000011")]);
    let r = check(&report_with(&table, None));
    assert_eq!(
        cells(&r, "1"),
        want(&all(&[10, 1, 0, 0, 0, 0, 11]), Read::Solved)
    );
    let shape = r
        .findings
        .iter()
        .find(|f| f.rule == "row-shape" && f.cells == ["1"])
        .expect("the split is reported");
    assert!(shape.message.contains("101000011"), "{}", shape.message);
    assert!(shape.message.contains("所用勾稽关系"), "{}", shape.message);
    assert!(
        shape.message.contains("第一项+第二项=第三项+第四项"),
        "{}",
        shape.message
    );
    no_identity_error(&r);
}

#[test]
fn glued_digits_with_two_consistent_splits_are_not_read() {
    let mut rows = glue_rows();
    rows[idx("3.1")] = vec![0; 7];
    rows[idx("3.7")] = vec![0; 7];
    rows[idx("2")] = vec![0; 7];
    // Rows 1 and 4 both glued and nothing else to tell them apart.
    let table = tab_table(
        &rows,
        &[
            ("1", "一、本年新收政府信息公开申请数量101000011"),
            ("4", "四、结转下年度继续办理101000011"),
        ],
    );
    let r = check(&report_with(&table, None));
    for key in ["1", "4"] {
        let c = cells(&r, key);
        for (i, (kind, _, read)) in c.iter().enumerate().take(3) {
            assert_eq!(*kind, Kind::Ambiguous, "{key} column {i}");
            assert_eq!(*read, Read::Guessed);
        }
        assert!(r
            .findings
            .iter()
            .any(|f| f.rule == "row-shape" && f.cells == [key] && f.message.contains("无法读取")));
    }
    no_identity_error(&r);
}

#[test]
fn appeals_glued_into_one_run_are_split_by_the_group_totals() {
    let a = [10, 2, 0, 0, 12, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1];
    let digits: String = a.iter().map(|x| x.to_string()).collect();
    let text = report_with(
        &tab_table(&sample(), &[]),
        Some(&format!("行政复议 行政诉讼\n{digits}")),
    );
    let r = check(&text);
    let row = &r.tables.appeals.rows[0];
    let got: Vec<(Kind, Option<i64>, Read)> = row
        .cells
        .iter()
        .map(|(_, c)| (c.kind, c.int(), c.read))
        .collect();
    assert_eq!(got, want(&all(&a), Read::Solved));
    assert!(r.findings.iter().any(|f| f.rule == "row-shape"
        && f.table == Some("appeals")
        && f.message.contains(&digits)));
    no_identity_error(&r);
}

// ---------------------------------------------------------------- 6. digits kept as written

#[test]
fn a_fee_keeps_every_digit() {
    let base = report_with(&tab_table(&sample(), &[]), None);
    let text = base.replacen("行政事业性收费\t0", "行政事业性收费\t4068.208", 1);
    assert_ne!(text, base);
    let r = check(&text);
    let fee = r.tables.active.row("fees").unwrap().cell("amount").unwrap();
    assert_eq!(fee.value, Some(4068.208));
    assert_eq!(fee.raw, "4068.208");
    let json = nianbao::to_json(&r, false);
    assert!(json.contains("4068.208"));
    assert_eq!(nianbao::layout::fmt_num(4068.208), "4068.208");
}

// ---------------------------------------------------------------- 7. placement honesty

#[test]
fn values_from_scattered_lines_are_guesses() {
    let rows = sample();
    let table = tab_table(
        &rows,
        &[(
            "3.2",
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t2\t0\t0\n1\t0\t0\t3",
        )],
    );
    let r = check(&report_with(&table, None));
    assert_eq!(
        cells(&r, "3.2"),
        want(&all(&rows[idx("3.2")]), Read::Guessed)
    );
    assert!(r
        .findings
        .iter()
        .any(|f| f.rule == "row-shape" && f.cells == ["3.2"] && f.message.contains("分散")));
    no_identity_error(&r);
}

#[test]
fn a_blank_whose_column_the_text_does_not_give_is_not_stated_as_fact() {
    let rows = sample();
    // Six zeros for seven columns: which one is blank is not in the text.
    let table = tab_table(&rows, &[("3.3.1", "1.属于国家秘密 0 0 0 0 0 0")]);
    let r = check(&report_with(&table, None));
    let c = cells(&r, "3.3.1");
    assert!(c.iter().all(|(_, _, read)| *read == Read::Guessed), "{c:?}");
    assert_eq!(c.iter().filter(|x| x.0 == Kind::Blank).count(), 1);
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "cell-blank" && f.cells[0].starts_with("3.3.1/"))
        .expect("blank reported");
    assert_eq!(f.severity, Severity::Warning);
    assert!(f.message.contains("不确定"), "{}", f.message);
    no_identity_error(&r);
}

#[test]
fn part_four_with_seven_numbers_is_never_silently_truncated() {
    let text = report_with(
        &tab_table(&sample(), &[]),
        Some("行政复议 行政诉讼\n1 0 0 1 0 0 0"),
    );
    let r = check(&text);
    let row = &r.tables.appeals.rows[0];
    // Every cell is either ambiguous or a guess; nothing is read as fact.
    assert!(row.cells.iter().all(|(_, c)| c.read == Read::Guessed));
    assert!(r
        .findings
        .iter()
        .any(|f| f.rule == "row-shape" && f.table == Some("appeals")));
    no_identity_error(&r);
}

#[test]
fn an_ambiguous_fee_never_shows_scaled_candidates() {
    let base = report_with(&tab_table(&sample(), &[]), None);
    let text = base.replacen("行政事业性收费\t0", "行政事业性收费\t4068.208\t12", 1);
    let r = check(&text);
    let fee = r.tables.active.row("fees").unwrap().cell("amount").unwrap();
    assert_eq!(fee.kind, Kind::Ambiguous);
    assert!(
        fee.candidates
            .as_ref()
            .is_none_or(|c| c.iter().all(|&v| v < 5000)),
        "{:?}",
        fee.candidates
    );
    assert!(r.findings.iter().all(|f| !f.message.contains("40682080")));
}
