//! Findings that accused correct reports (issue 16, item 8): each test builds a report the way
//! real ones are written (from the project's own report generator, with the text or the table
//! changed as the real reports have it) and asserts what the user sees.

mod common;

use common::{consistent_requests, report, requests_table, result_rows, Layout};
use nianbao::result::{CheckResult, Read, Severity, Status};
use nianbao::spec::Format;

const APPEALS: [i64; 15] = [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

fn errors(r: &CheckResult) -> Vec<String> {
    r.findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| format!("{}: {}", f.rule, f.message))
        .collect()
}

fn findings_of<'r>(r: &'r CheckResult, rule: &str) -> Vec<&'r nianbao::result::Finding> {
    r.findings.iter().filter(|f| f.rule == rule).collect()
}

fn check_of(r: &CheckResult, part: u8, rule: &str) -> Status {
    r.sections[part as usize - 1]
        .checks
        .iter()
        .find(|c| c.rule == rule)
        .unwrap_or_else(|| panic!("no check {rule} in part {part}"))
        .status
}

// ------------------------------------------------------------ 1. the 2019 form's （六）其他处理

/// Results per row (3.1 … 3.6 of the 2019 form: 19 rows), six applicant columns.
fn results_2019() -> Vec<[i64; 6]> {
    let mut v = vec![[0i64; 6]; result_rows(Format::F2019)];
    v[0] = [30, 2, 0, 0, 1, 0];
    v[1] = [5, 1, 0, 0, 0, 0];
    v[10] = [4, 0, 0, 0, 0, 1];
    v[18] = [3, 1, 0, 0, 0, 0];
    v
}

/// A 2023 report whose part 三 table is the 2019 form's (a single （六）其他处理 row), with
/// `edit` applied to its rows (in the 2019 form's order).
fn report_with_old_other_row(edit: &dyn Fn(&mut Vec<Vec<i64>>)) -> (String, Vec<Vec<i64>>) {
    let rows21 = consistent_requests(
        Format::F2021,
        &vec![[0; 6]; result_rows(Format::F2021)],
        [0; 6],
        [0; 6],
    );
    let text = report(2023, &rows21, &APPEALS, Layout::Tab);
    let mut rows19 = consistent_requests(
        Format::F2019,
        &results_2019(),
        [1, 0, 0, 0, 0, 0],
        [2, 0, 0, 0, 0, 0],
    );
    edit(&mut rows19);
    let old = requests_table(Format::F2021, &rows21, Layout::Tab);
    let new = requests_table(Format::F2019, &rows19, Layout::Tab);
    assert!(text.contains(&old));
    assert!(
        new.contains("\t（六）其他处理\t3\t1\t0\t0\t0\t0\t4\n"),
        "{new}"
    );
    (text.replace(&old, &new), rows19)
}

fn assert_old_row_read(r: &CheckResult, rows19: &[Vec<i64>]) {
    let t = &r.tables.requests;
    let keys: Vec<&str> = t.rows.iter().map(|r| r.key.as_str()).collect();
    let want: Vec<&str> = nianbao::spec::request_rows(Format::F2019)
        .iter()
        .map(|s| s.key)
        .collect();
    assert_eq!(keys, want);
    for (row, v) in t.rows.iter().zip(rows19) {
        assert!(row.found, "{}", row.key);
        for ((_, c), x) in row.cells.iter().zip(v) {
            assert_eq!(c.int(), Some(*x), "{}", row.key);
            assert_eq!(c.read, Read::Position, "{}", row.key);
        }
    }
    let old: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.message.contains("（六）其他处理") && f.severity == Severity::Warning)
        .collect();
    assert_eq!(old.len(), 1, "{:#?}", r.findings);
    assert_eq!(old[0].cells, vec!["3.6".to_string()]);
    assert!(!r.findings.iter().any(|f| f.message.contains("没有标签")));
}

#[test]
fn a_2021_table_with_the_2019_forms_other_row_is_read_and_checked_with_one_warning() {
    let (text, rows19) = report_with_old_other_row(&|_| {});
    let r = nianbao::check("old-other.txt", &text);
    assert_eq!(errors(&r), Vec::<String>::new());
    assert_old_row_read(&r, &rows19);
    assert_eq!(check_of(&r, 3, "requests-results-total"), Status::Pass);
    assert_eq!(check_of(&r, 3, "requests-row-total"), Status::Pass);
    assert_eq!(check_of(&r, 3, "requests-balance"), Status::Pass);
}

#[test]
fn a_wrong_total_in_a_table_with_the_2019_forms_other_row_is_still_found() {
    // （七）总计 one too many for 自然人 (row 一 too, so only the results identity fails).
    let (text, rows19) = report_with_old_other_row(&|rows| {
        for i in [0usize, 21] {
            rows[i][0] += 1;
            rows[i][6] += 1;
        }
    });
    let r = nianbao::check("old-other-wrong.txt", &text);
    assert_old_row_read(&r, &rows19);
    let e = errors(&r);
    assert_eq!(
        e,
        vec![
            "requests-results-total: 自然人列：（七）总计43不等于各项办理结果之和（（一）30+（二）5+（三）0+（四）4+（五）0+（六）3=42）",
            "requests-results-total: 总计列：（七）总计49不等于各项办理结果之和（（一）33+（二）6+（三）0+（四）5+（五）0+（六）4=48）",
        ]
    );
    assert_eq!(check_of(&r, 3, "requests-results-total"), Status::Fail);
}

/// The same report as a Word file gives it: part 三's table a grid (one header row of the seven
/// columns, then the 2019 form's 23 rows), everything else paragraphs.
fn grid_document(text: &str, rows19: &[Vec<i64>]) -> nianbao::document::Document {
    use nianbao::document::{Builder, CellIn, Form};
    let cell = |row: usize, col: usize, t: &str| CellIn {
        row,
        col,
        rowspan: 1,
        colspan: 1,
        text: t.to_string(),
    };
    let mut b = Builder::new(Form::Docx, "utf-8");
    let mut in_table = false;
    for line in text.lines() {
        if line.starts_with("三、收到和处理") {
            b.paragraph(line);
            in_table = true;
            let mut cells = vec![cell(0, 0, "项目")];
            for (i, (_, l)) in nianbao::spec::REQUEST_COLS.iter().enumerate() {
                cells.push(cell(0, 1 + i, l));
            }
            for (r, (spec, v)) in nianbao::spec::request_rows(Format::F2019)
                .iter()
                .zip(rows19)
                .enumerate()
            {
                cells.push(cell(r + 1, 0, spec.label));
                for (c, x) in v.iter().enumerate() {
                    cells.push(cell(r + 1, 1 + c, &x.to_string()));
                }
            }
            b.table(cells, "表格 2");
            continue;
        }
        if line.starts_with("四、") {
            in_table = false;
        }
        if !in_table {
            b.paragraph(line);
        }
    }
    b.finish()
}

#[test]
fn a_word_table_with_the_2019_forms_other_row_is_read_from_its_grid_with_one_warning() {
    let (text, rows19) = report_with_old_other_row(&|_| {});
    let r = nianbao::check_document("old-other.docx", &grid_document(&text, &rows19));
    assert_eq!(r.input.grids, 1);
    assert_eq!(errors(&r), Vec::<String>::new());
    let t = &r.tables.requests;
    assert_eq!(t.rows.len(), 23);
    for (row, v) in t.rows.iter().zip(&rows19) {
        assert!(row.found, "{}", row.key);
        for ((_, c), x) in row.cells.iter().zip(v) {
            assert_eq!((c.int(), c.read), (Some(*x), Read::Grid), "{}", row.key);
        }
    }
    let old: Vec<_> = findings_of(&r, "row-missing");
    assert_eq!(old.len(), 1, "{old:#?}");
    assert_eq!(old[0].severity, Severity::Warning);
    assert_eq!(old[0].cells, vec!["3.6".to_string()]);
    assert_eq!(check_of(&r, 3, "requests-results-total"), Status::Pass);

    // A wrong （七）总计 in that grid is found.
    let (text, rows19) = report_with_old_other_row(&|rows| {
        for i in [0usize, 21] {
            rows[i][0] += 1;
            rows[i][6] += 1;
        }
    });
    let r = nianbao::check_document("old-other.docx", &grid_document(&text, &rows19));
    let e: Vec<_> = findings_of(&r, "requests-results-total");
    assert_eq!(e.len(), 2, "{e:#?}");
    assert!(e.iter().all(|f| f.severity == Severity::Error));
}

// ------------------------------------------------------------ 2. postponed requests are not 办结

/// A correct 2023 report (part 三: 46 handled, 103 carried into next year) with `prose` added at
/// the start of part 三.
fn report_2023_with_requests_prose(prose: &str) -> String {
    let mut results = vec![[0i64; 6]; result_rows(Format::F2021)];
    results[0] = [30, 2, 0, 0, 1, 0];
    results[1] = [5, 1, 0, 0, 0, 0];
    results[12] = [7, 0, 0, 0, 0, 0];
    let rows = consistent_requests(Format::F2021, &results, [0; 6], [100, 3, 0, 0, 0, 0]);
    let text = report(2023, &rows, &APPEALS, Layout::Tab);
    let head = "三、收到和处理政府信息公开申请情况\n\n";
    assert!(text.contains(head));
    text.replace(head, &format!("{head}{prose}\n"))
}

#[test]
fn requests_postponed_to_next_year_are_not_read_as_handled() {
    let text = report_2023_with_requests_prose(
        "本年度共办结政府信息公开申请46件，另有103件申请因涉及第三方意见征询顺延到下年度答复。",
    );
    let r = nianbao::check("postponed.txt", &text);
    assert_eq!(
        findings_of(&r, "text-table-mismatch").len(),
        0,
        "{:#?}",
        r.findings
    );
    assert_eq!(errors(&r), Vec::<String>::new());
    // A wrong count of handled requests is still found.
    let text = report_2023_with_requests_prose(
        "本年度共办结政府信息公开申请45件，另有103件申请因涉及第三方意见征询顺延到下年度答复。",
    );
    let r = nianbao::check("postponed-wrong.txt", &text);
    let f = findings_of(&r, "text-table-mismatch");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].cells, vec!["3.7/total".to_string()]);
    assert_eq!((f[0].expected, f[0].actual), (Some(46.0), Some(45.0)));
}

// ------------------------------------------------------------ 3. a nested breakdown

/// A correct 2023 report with `prose` added at the start of part 二.
fn report_2023_with_active_prose(prose: &str) -> String {
    let rows = consistent_requests(
        Format::F2021,
        &vec![[0; 6]; result_rows(Format::F2021)],
        [0; 6],
        [0; 6],
    );
    let text = report(2023, &rows, &APPEALS, Layout::Tab);
    let head = "二、主动公开政府信息情况\n\n";
    assert!(text.contains(head));
    text.replace(head, &format!("{head}{prose}\n"))
}

#[test]
fn a_nested_breakdown_in_the_prose_is_not_summed_twice() {
    let text = report_2023_with_active_prose(
        "本年度主动公开政府信息共580条，其中政策文件380条（其中行政规范性文件20条、其他政策文件360条），工作动态150条，人事信息50条。",
    );
    let r = nianbao::check("nested.txt", &text);
    assert_eq!(
        findings_of(&r, "text-sum-mismatch").len(),
        0,
        "{:#?}",
        r.findings
    );
    assert_eq!(errors(&r), Vec::<String>::new());
    assert_eq!(
        r.document
            .checks
            .iter()
            .find(|c| c.rule == "text-sum-mismatch")
            .map(|c| c.status),
        Some(Status::Pass)
    );
    // A wrong outer total is still found, with the outer parts only.
    let text = report_2023_with_active_prose(
        "本年度主动公开政府信息共590条，其中政策文件380条（其中行政规范性文件20条、其他政策文件360条），工作动态150条，人事信息50条。",
    );
    let r = nianbao::check("nested-wrong.txt", &text);
    let f = findings_of(&r, "text-sum-mismatch");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(
        f[0].message,
        "正文称共590条，但其中列举的各项相加为380+150+50=580条"
    );
    assert_eq!(f[0].severity, Severity::Error);
}

// ------------------------------------------------------------ 4. normal mentions of last year

/// A correct 2023 report with `one` added at the start of part 一 and `five` at the start of
/// part 五.
fn report_2023_with(one: &str, five: &str) -> String {
    let rows = consistent_requests(
        Format::F2021,
        &vec![[0; 6]; result_rows(Format::F2021)],
        [0; 6],
        [0; 6],
    );
    let text = report(2023, &rows, &APPEALS, Layout::Tab);
    let (h1, h5) = ("一、总体情况\n\n", "五、存在的主要问题及改进情况\n\n");
    assert!(text.contains(h1) && text.contains(h5));
    text.replace(h1, &format!("{h1}{one}\n"))
        .replace(h5, &format!("{h5}{five}\n"))
}

#[test]
fn normal_mentions_of_last_year_are_not_stale_years() {
    let one = "及时公开2022年度部门决算，并对上年决算作出说明。\n\
按时发布2022年度政府信息公开工作年度报告。\n\
公布2022年度预算执行审计工作报告。\n\
办理2022年结转的申请3件。";
    let five = "（一）存在的主要问题：公开内容不够全面。\n\
（二）上年度问题的改进情况\n\
2022年度问题整改方面，我局已逐项落实。\n\
针对2022年报告指出的问题，加强了培训。\n\
对上一年度2022年发现的不足进行了整改。";
    let r = nianbao::check("last-year.txt", &report_2023_with(one, five));
    assert_eq!(
        findings_of(&r, "stale-year").len(),
        0,
        "{:#?}",
        findings_of(&r, "stale-year")
    );
    assert_eq!(
        r.document
            .checks
            .iter()
            .find(|c| c.rule == "stale-year")
            .map(|c| c.status),
        Some(Status::Pass)
    );
    // Last year's text left in this year's report is still found.
    let r = nianbao::check(
        "stale.txt",
        &report_2023_with("2022年，我局认真落实政务公开工作要点。", five),
    );
    let f = findings_of(&r, "stale-year");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert!(
        f[0].message.contains("我局认真落实政务公开工作要点"),
        "{}",
        f[0].message
    );
}

// ------------------------------------------------------------ 5. the fee statement's wordings

/// A correct 2023 report whose part 六 says `six`.
fn report_2023_with_part_six(six: &str) -> String {
    let rows = consistent_requests(
        Format::F2021,
        &vec![[0; 6]; result_rows(Format::F2021)],
        [0; 6],
        [0; 6],
    );
    let text = report(2023, &rows, &APPEALS, Layout::Tab);
    let old = "六、其他需要报告的事项\n\n本年度未收取信息处理费。\n";
    assert!(text.contains(old));
    text.replace(old, &format!("六、其他需要报告的事项\n\n{six}\n"))
}

#[test]
fn a_fee_statement_in_other_words_is_accepted() {
    for six in [
        "本年度政府信息公开未发生收费情况。",
        "本机关未收取信息处理费。",
        "本年度没有收取任何政府信息公开费用。",
        "信息处理费0元。",
        "未收取任何政府信息公开费用。",
        "本年度依申请公开未向申请人收取任何费用。",
        "本局2024年度及歷年政府信息公開均未收取任何費用。",
        "（三）政府信息公开的收费情况：无。",
        "本年度未产生政府信息公开收费。",
        "依申请公开政府信息不收费。",
    ] {
        let r = nianbao::check("fee.txt", &report_2023_with_part_six(six));
        assert_eq!(findings_of(&r, "fee-statement").len(), 0, "{six}");
        assert_eq!(check_of(&r, 6, "fee-statement"), Status::Pass, "{six}");
    }
    // Part 六 that says nothing of fees (part 二's 行政事业性收费 is not a fee statement).
    for six in [
        "无。",
        "本年度行政事业性收费项目无变化。",
        "本年度工作经费得到保障。",
    ] {
        let r = nianbao::check("no-fee.txt", &report_2023_with_part_six(six));
        assert_eq!(findings_of(&r, "fee-statement").len(), 1, "{six}");
    }
}

// ------------------------------------------------------------ 6. a whole column group left blank

#[test]
fn a_column_group_left_blank_is_one_finding() {
    let mut results = vec![[0i64; 6]; result_rows(Format::F2021)];
    results[0] = [30, 0, 0, 0, 0, 0];
    results[12] = [7, 0, 0, 0, 0, 0];
    let rows = consistent_requests(
        Format::F2021,
        &results,
        [1, 0, 0, 0, 0, 0],
        [2, 0, 0, 0, 0, 0],
    );
    let text = report(2023, &rows, &APPEALS, Layout::Tab);
    let table = requests_table(Format::F2021, &rows, Layout::Tab);
    // Every 法人或其他组织 cell (columns 2–6) left empty.
    let blanked: String = table
        .lines()
        .map(|l| {
            let mut f: Vec<&str> = l.split('\t').collect();
            let n = f.len();
            if n >= 8 && f[n - 7..].iter().all(|x| x.parse::<i64>().is_ok()) {
                for x in &mut f[n - 6..n - 1] {
                    *x = "";
                }
            }
            format!("{}\n", f.join("\t"))
        })
        .collect();
    assert_ne!(blanked, table);
    let r = nianbao::check("blank-group.txt", &text.replace(&table, &blanked));
    let t = &r.tables.requests;
    for row in &t.rows {
        assert!(row.found, "{}", row.key);
        for (i, (k, c)) in row.cells.iter().enumerate() {
            assert_eq!(c.read, Read::Position, "{}/{k}", row.key);
            if (1..6).contains(&i) {
                assert_eq!(c.kind, nianbao::layout::Kind::Blank, "{}/{k}", row.key);
            } else {
                assert!(c.int().is_some(), "{}/{k}", row.key);
            }
        }
    }
    let f = findings_of(&r, "cell-blank");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].severity, Severity::Warning);
    assert_eq!(f[0].cells.len(), 25 * 5);
    assert_eq!(f[0].cells[0], "1/commercial");
    assert_eq!(f[0].cells[124], "4/other");
    assert!(
        f[0].message
            .starts_with("商业企业、科研机构、社会公益组织、法律服务机构、其他5列整列为空"),
        "{}",
        f[0].message
    );
    assert_eq!(errors(&r), Vec::<String>::new());
}

// ------------------------------------------------------------ 7. a title wrapped onto two lines

#[test]
fn a_title_wrapped_onto_two_lines_is_found() {
    let rows = consistent_requests(
        Format::F2021,
        &vec![[0; 6]; result_rows(Format::F2021)],
        [0; 6],
        [0; 6],
    );
    let text = report(2023, &rows, &APPEALS, Layout::Tab);
    let title = "某市某区卫生健康局2023年政府信息公开工作年度报告\n";
    assert!(text.starts_with(title));
    for wrapped in [
        "某市某区卫生健康局2023年政府信息公开工作\n年度报告\n",
        "某市某区卫生健康局2023年政府信息公开\n工作年度报告\n",
        "某市某区卫生健康局2023年\n政府信息公开工作年度报告\n",
        "某市某区卫生健康局\n2023年政府信息公开工作年度报告\n",
        "  某市某区卫生健康局2023年政府信息公开工作 \n\n  年度报告\n",
    ] {
        let r = nianbao::check("wrapped.txt", &text.replacen(title, wrapped, 1));
        assert_eq!(
            r.meta.title.as_deref(),
            Some("某市某区卫生健康局2023年政府信息公开工作年度报告"),
            "{wrapped}"
        );
        assert_eq!(
            r.meta.agency.as_deref(),
            Some("某市某区卫生健康局"),
            "{wrapped}"
        );
        assert_eq!(r.meta.year, Some(2023), "{wrapped}");
        assert_eq!(
            r.meta.title_line,
            Some(
                1 + wrapped
                    .find(|c: char| !c.is_whitespace())
                    .map_or(0, |b| wrapped[..b].matches('\n').count())
            ),
            "{wrapped}"
        );
        assert_eq!(
            findings_of(&r, "title-format").len(),
            0,
            "{wrapped}: {:#?}",
            findings_of(&r, "title-format")
        );
        assert_eq!(errors(&r), Vec::<String>::new(), "{wrapped}");
    }
}

// ------------------------------------------------------------ 8. rows whose labels were lost

/// A correct 2023 report whose part 三 is a Markdown table (as PDF-to-Markdown converters give
/// it) in which the rows `lost` (keys) kept only their numbers: "| 1 | 0 | 0 | 0 | 0 | 0 | 1 |".
fn report_with_lost_labels(lost: &[&str]) -> (String, Vec<Vec<i64>>, Vec<usize>) {
    let mut results = vec![[0i64; 6]; result_rows(Format::F2021)];
    for (i, r) in results.iter_mut().enumerate() {
        r[0] = (i as i64 % 4) + 1;
        r[1] = i as i64 % 2;
    }
    let rows = consistent_requests(
        Format::F2021,
        &results,
        [1, 0, 0, 0, 0, 0],
        [2, 1, 0, 0, 0, 0],
    );
    let text = report(2023, &rows, &APPEALS, Layout::Pipe);
    let table = requests_table(Format::F2021, &rows, Layout::Pipe);
    let specs = nianbao::spec::request_rows(Format::F2021);
    let mut out = String::new();
    for l in table.lines() {
        let spec = specs
            .iter()
            .find(|s| l.contains(&format!("| {} |", s.label)));
        match spec {
            Some(s) if lost.contains(&s.key) => {
                let nums: Vec<&str> = l
                    .split('|')
                    .map(str::trim)
                    .filter(|f| f.parse::<i64>().is_ok())
                    .collect();
                assert_eq!(nums.len(), 7);
                out.push_str(&format!("| {} |\n", nums.join(" | ")));
            }
            _ => out.push_str(&format!("{l}\n")),
        }
    }
    let text = text.replace(&table, &out);
    let lines: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| {
            l.starts_with("| ")
                && l[2..].starts_with(|c: char| c.is_ascii_digit())
                && l.matches('|').count() == 8
        })
        .map(|(i, _)| i + 1)
        .collect();
    (text, rows, lines)
}

#[test]
fn rows_whose_labels_were_lost_inside_their_group_are_placed_by_position() {
    let (text, rows, _) = report_with_lost_labels(&["3.5.2", "3.5.3"]);
    let r = nianbao::check("lost-inside.md", &text);
    assert_eq!(errors(&r), Vec::<String>::new());
    let t = &r.tables.requests;
    for (row, v) in t.rows.iter().zip(&rows) {
        assert!(row.found, "{}", row.key);
        let by = if ["3.5.2", "3.5.3"].contains(&row.key.as_str()) {
            nianbao::result::FoundBy::Position
        } else {
            nianbao::result::FoundBy::Label
        };
        assert_eq!(row.found_by, by, "{}", row.key);
        for ((_, c), x) in row.cells.iter().zip(v) {
            assert_eq!((c.int(), c.read), (Some(*x), Read::Position), "{}", row.key);
        }
    }
}

#[test]
fn rows_whose_labels_were_lost_where_they_cannot_be_placed_are_not_errors() {
    // 3.2 has no group; 3.4.1's line lost its group cell too (it reads as one more row of
    // group (三)); 4 is the last row.
    let (text, rows, lost_lines) = report_with_lost_labels(&["3.2", "3.4.1", "4"]);
    assert_eq!(lost_lines.len(), 3);
    let r = nianbao::check("lost.md", &text);
    assert_eq!(errors(&r), Vec::<String>::new());
    let t = &r.tables.requests;
    for (row, v) in t.rows.iter().zip(&rows) {
        if ["3.2", "3.4.1", "4"].contains(&row.key.as_str()) {
            assert!(!row.found, "{}", row.key);
            assert!(
                row.cells.iter().all(|(_, c)| c.value.is_none()),
                "{}",
                row.key
            );
            continue;
        }
        assert!(row.found, "{}", row.key);
        assert_eq!(row.found_by, nianbao::result::FoundBy::Label, "{}", row.key);
        for ((_, c), x) in row.cells.iter().zip(v) {
            assert_eq!((c.int(), c.read), (Some(*x), Read::Position), "{}", row.key);
        }
    }
    // One warning says which lines lost their labels; the rows they may be are not accused.
    let f = findings_of(&r, "row-missing");
    assert!(f.iter().all(|f| f.severity == Severity::Warning), "{f:#?}");
    let lost: Vec<_> = f
        .iter()
        .filter(|f| f.message.contains("丢失了行标签"))
        .collect();
    assert_eq!(lost.len(), 1, "{f:#?}");
    for l in &lost_lines {
        assert!(
            lost[0].message.contains(&format!("第{l}行"))
                || lost[0].message.contains(&format!("、{l}")),
            "{} {l}",
            lost[0].message
        );
    }
    assert_eq!(check_of(&r, 3, "row-missing"), Status::Warn);
    // Identities over the rows not read are not decided, never failed.
    for rule in ["requests-balance", "requests-results-total"] {
        assert_ne!(check_of(&r, 3, rule), Status::Fail, "{rule}");
    }
}

#[test]
fn a_row_whose_label_was_lost_is_not_glued_onto_a_row_with_a_blank_cell() {
    let (text, rows, lost_lines) = report_with_lost_labels(&["3.2"]);
    let full = "| 三、本年度办理结果 | （一）予以公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |";
    assert!(text.contains(full), "{text}");
    // 予以公开's 商业企业 cell left blank.
    let text = text.replace(
        full,
        "| 三、本年度办理结果 | （一）予以公开 | 1 | | 0 | 0 | 0 | 0 | 1 |",
    );
    let r = nianbao::check("lost-after-blank.md", &text);
    assert_eq!(errors(&r), Vec::<String>::new());
    let t = &r.tables.requests;
    let r31 = t.row("3.1").unwrap();
    let got: Vec<(Option<i64>, Read)> = r31.cells.iter().map(|(_, c)| (c.int(), c.read)).collect();
    let want: Vec<(Option<i64>, Read)> = rows[2]
        .iter()
        .enumerate()
        .map(|(i, x)| (if i == 1 { None } else { Some(*x) }, Read::Position))
        .collect();
    assert_eq!(got, want);
    assert_eq!(r31.numbers, 6);
    assert!(!t.row("3.2").unwrap().found);
    let blank = findings_of(&r, "cell-blank");
    assert_eq!(blank.len(), 1, "{blank:#?}");
    assert_eq!(blank[0].cells, vec!["3.1/commercial".to_string()]);
    assert!(
        findings_of(&r, "row-shape").is_empty(),
        "{:#?}",
        findings_of(&r, "row-shape")
    );
    let lost: Vec<_> = findings_of(&r, "row-missing")
        .into_iter()
        .filter(|f| f.message.contains("丢失了行标签"))
        .collect();
    assert_eq!(lost.len(), 1);
    assert!(lost[0].message.contains(&format!("第{}行", lost_lines[0])));

    // The same with rows separated by spaces: 予以公开 with six numbers, then the seven of the
    // row whose label was lost.
    let mut results = vec![[0i64; 6]; result_rows(Format::F2021)];
    results[0] = [1, 0, 0, 0, 0, 0];
    results[1] = [2, 0, 0, 0, 0, 0];
    let rows = consistent_requests(Format::F2021, &results, [0; 6], [0; 6]);
    let text = report(2023, &rows, &APPEALS, Layout::Spaces);
    let (r31, r32) = (
        "三、本年度办理结果 （一）予以公开  1  0  0  0  0  0  1\n",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）  2  0  0  0  0  0  2\n",
    );
    assert!(text.contains(r31) && text.contains(r32), "{text}");
    let text = text
        .replace(r31, "三、本年度办理结果 （一）予以公开  1  0  0  0  0  1\n")
        .replace(r32, "2  0  0  0  0  0  2\n");
    let r = nianbao::check("lost-after-short.txt", &text);
    assert_eq!(errors(&r), Vec::<String>::new());
    assert!(!r.tables.requests.row("3.2").unwrap().found);
    assert_eq!(r.tables.requests.row("3.1").unwrap().numbers, 6);
    assert!(findings_of(&r, "row-missing")
        .iter()
        .any(|f| f.message.contains("丢失了行标签")));
}

#[test]
fn rows_whose_labels_were_lost_give_no_error_in_tab_pipe_or_space_rows() {
    let mut results = vec![[0i64; 6]; result_rows(Format::F2021)];
    for (i, r) in results.iter_mut().enumerate() {
        r[0] = (i as i64 % 4) + 1;
        r[1] = i as i64 % 2;
    }
    let rows = consistent_requests(
        Format::F2021,
        &results,
        [1, 0, 0, 0, 0, 0],
        [2, 1, 0, 0, 0, 0],
    );
    let specs = nianbao::spec::request_rows(Format::F2021);
    for lost in [
        &["1"][..],
        &["3.1"],
        &["3.2"],
        &["3.4.1"],
        &["3.3.2", "3.3.3"],
        &["3.7"],
        &["4"],
        &["1", "3.2", "3.7", "4"],
    ] {
        for layout in [Layout::Tab, Layout::Pipe, Layout::Spaces] {
            let text = report(2023, &rows, &APPEALS, layout);
            let table = requests_table(Format::F2021, &rows, layout);
            let mut out = String::new();
            for l in table.lines() {
                match specs.iter().find(|s| l.contains(s.label)) {
                    Some(s) if lost.contains(&s.key) => {
                        let nums: Vec<&str> = l
                            .split(['|', '\t', ' '])
                            .filter(|f| f.parse::<i64>().is_ok())
                            .collect();
                        let nums = &nums[nums.len() - 7..];
                        out.push_str(&match layout {
                            Layout::Pipe => format!("| {} |\n", nums.join(" | ")),
                            Layout::Tab => format!("\t\t{}\n", nums.join("\t")),
                            _ => format!("{}\n", nums.join("  ")),
                        });
                    }
                    _ => out.push_str(&format!("{l}\n")),
                }
            }
            let r = nianbao::check("lost.txt", &text.replace(&table, &out));
            let what = format!("{lost:?} {layout:?}");
            assert_eq!(errors(&r), Vec::<String>::new(), "{what}");
            let t = &r.tables.requests;
            for (row, v) in t.rows.iter().zip(&rows) {
                let placed = row.found_by == nianbao::result::FoundBy::Position;
                assert_eq!(
                    row.found,
                    !lost.contains(&row.key.as_str()) || placed,
                    "{what} {}",
                    row.key
                );
                if row.found {
                    for ((k, c), x) in row.cells.iter().zip(v) {
                        assert_eq!(c.int(), Some(*x), "{what} {}/{k}", row.key);
                        assert!(c.read.is_read(), "{what} {}/{k}", row.key);
                    }
                }
            }
            let warned = findings_of(&r, "row-missing")
                .iter()
                .any(|f| f.message.contains("丢失了行标签"));
            let placed_all = lost.iter().all(|k| t.row(k).is_some_and(|r| r.found));
            assert_eq!(warned, !placed_all, "{what}");
        }
    }
}

#[test]
fn the_2019_forms_other_row_is_read_in_every_row_layout() {
    for layout in common::LAYOUTS {
        let rows21 = consistent_requests(
            Format::F2021,
            &vec![[0; 6]; result_rows(Format::F2021)],
            [0; 6],
            [0; 6],
        );
        let rows19 = consistent_requests(
            Format::F2019,
            &results_2019(),
            [1, 0, 0, 0, 0, 0],
            [2, 0, 0, 0, 0, 0],
        );
        let text = report(2023, &rows21, &APPEALS, layout);
        let old = requests_table(Format::F2021, &rows21, layout);
        let new = requests_table(Format::F2019, &rows19, layout);
        let r = nianbao::check("old-other.txt", &text.replace(&old, &new));
        assert_eq!(errors(&r), Vec::<String>::new(), "{layout:?}");
        assert_eq!(
            common::read_requests(&r),
            rows19
                .iter()
                .map(|v| v.iter().map(|x| Some(*x)).collect::<Vec<_>>())
                .collect::<Vec<_>>(),
            "{layout:?}"
        );
        assert_eq!(
            check_of(&r, 3, "requests-results-total"),
            Status::Pass,
            "{layout:?}"
        );
        assert_eq!(check_of(&r, 3, "row-missing"), Status::Warn, "{layout:?}");
    }
}
