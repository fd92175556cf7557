//! Tables that arrive as grids are read cell by cell: the project's complete F2021 report
//! (`tools/fixtures/report_a.json`) laid out as the official form's three merged tables, given
//! to the engine as a `Document` the way every grid reader (Word, web page, PDF) gives it.

use nianbao::document::{Builder, CellIn, Document, Form};
use nianbao::result::{Read, Severity};
use serde_json::Value;

pub fn report_a() -> Value {
    let p = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tools/fixtures/report_a.json"
    );
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

pub const REQUEST_KEYS: [&str; 25] = [
    "1", "2", "3.1", "3.2", "3.3.1", "3.3.2", "3.3.3", "3.3.4", "3.3.5", "3.3.6", "3.3.7", "3.3.8",
    "3.4.1", "3.4.2", "3.4.3", "3.5.1", "3.5.2", "3.5.3", "3.5.4", "3.5.5", "3.6.1", "3.6.2",
    "3.6.3", "3.7", "4",
];
const REQUEST_LABELS: [&str; 25] = [
    "一、本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    "（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "1.属于国家秘密",
    "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”",
    "4.保护第三方合法权益",
    "5.属于三类内部事务信息",
    "6.属于四类过程性信息",
    "7.属于行政执法案卷",
    "8.属于行政查询事项",
    "1.本机关不掌握相关政府信息",
    "2.没有现成信息需要另行制作",
    "3.补正后申请内容仍不明确",
    "1.信访举报投诉类申请",
    "2.重复申请",
    "3.要求提供公开出版物",
    "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "3.其他",
    "（七）总计",
    "四、结转下年度继续办理",
];

fn c(row: usize, col: usize, rs: usize, cs: usize, t: &str) -> CellIn {
    CellIn {
        row,
        col,
        rowspan: rs,
        colspan: cs,
        text: t.to_string(),
    }
}

/// Part 三 as the official Word form has it: 28 rows × 10 columns.
pub fn requests_grid(values: &dyn Fn(&str, usize) -> String) -> Vec<CellIn> {
    let mut v = vec![
        c(
            0,
            0,
            3,
            3,
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
        ),
        c(0, 3, 1, 7, "申请人情况"),
        c(1, 3, 2, 1, "自然人"),
        c(1, 4, 1, 5, "法人或其他组织"),
        c(1, 9, 2, 1, "总计"),
    ];
    for (i, l) in [
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    ]
    .iter()
    .enumerate()
    {
        v.push(c(2, 4 + i, 1, 1, l));
    }
    v.push(c(5, 0, 22, 1, "三、本年度办理结果"));
    for (g, row, n) in [
        ("（三）不予公开", 7, 8),
        ("（四）无法提供", 15, 3),
        ("（五）不予处理", 18, 5),
        ("（六）其他处理", 23, 3),
    ] {
        v.push(c(row, 1, n, 1, g));
    }
    for (i, key) in REQUEST_KEYS.iter().enumerate() {
        let row = 3 + i;
        let label = REQUEST_LABELS[i];
        match *key {
            "1" | "2" | "4" => v.push(c(row, 0, 1, 3, label)),
            "3.1" | "3.2" | "3.7" => v.push(c(row, 1, 1, 2, label)),
            _ => v.push(c(row, 2, 1, 1, label)),
        }
        for col in 0..7 {
            v.push(c(row, 3 + col, 1, 1, &values(key, col)));
        }
    }
    v
}

/// The whole report as a grid reader gives it.
pub fn document(r: &Value, requests: &dyn Fn(&str, usize) -> String) -> Document {
    let mut b = Builder::new(Form::Docx, "utf-8");
    b.paragraph(r["title"].as_str().unwrap());
    for p in r["preface"].as_array().unwrap() {
        b.paragraph(p.as_str().unwrap());
    }
    for (n, part) in r["parts"].as_array().unwrap().iter().enumerate() {
        b.paragraph(part[0].as_str().unwrap());
        for p in part[1].as_array().unwrap() {
            b.paragraph(p.as_str().unwrap());
        }
        match n {
            1 => {
                let a = &r["active"];
                let mut v = Vec::new();
                let mut row = 0;
                let blocks: [(&str, &[&str], &[&str]); 4] = [
                    (
                        "一",
                        &["本年制发件数", "本年废止件数", "现行有效件数"],
                        &["规章", "行政规范性文件"],
                    ),
                    ("五", &["本年处理决定数量"], &["行政许可"]),
                    ("六", &["本年处理决定数量"], &["行政处罚", "行政强制"]),
                    ("八", &["本年收费金额（单位：万元）"], &["行政事业性收费"]),
                ];
                for (item, cols, rows) in blocks {
                    v.push(c(row, 0, 1, 4, &format!("第二十条第（{item}）项")));
                    v.push(c(row + 1, 0, 1, 1, "信息内容"));
                    let span = if cols.len() == 1 { 3 } else { 1 };
                    for (i, h) in cols.iter().enumerate() {
                        v.push(c(row + 1, 1 + i, 1, span, h));
                    }
                    row += 2;
                    for l in rows {
                        v.push(c(row, 0, 1, 1, l));
                        for (i, x) in a[item][l].as_array().unwrap().iter().enumerate() {
                            v.push(c(row, 1 + i, 1, span, x.as_str().unwrap()));
                        }
                        row += 1;
                    }
                }
                b.table(v, "表格 1");
            }
            2 => b.table(requests_grid(requests), "表格 2"),
            3 => {
                let mut v = vec![c(0, 0, 1, 5, "行政复议"), c(0, 5, 1, 10, "行政诉讼")];
                for (i, l) in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
                    .iter()
                    .enumerate()
                {
                    v.push(c(1, i, 2, 1, l));
                    v.push(c(2, 5 + i, 1, 1, l));
                    v.push(c(2, 10 + i, 1, 1, l));
                }
                v.push(c(1, 5, 1, 5, "未经复议直接起诉"));
                v.push(c(1, 10, 1, 5, "复议后起诉"));
                for (i, x) in r["appeals"].as_array().unwrap().iter().enumerate() {
                    v.push(c(3, i, 1, 1, x.as_str().unwrap()));
                }
                b.table(v, "表格 3");
            }
            _ => {}
        }
    }
    for p in r["closing"].as_array().unwrap() {
        b.paragraph(p.as_str().unwrap());
    }
    b.finish()
}

fn value(r: &Value, key: &str, col: usize) -> String {
    r["requests"][key][col].as_str().unwrap().to_string()
}

#[test]
fn every_cell_of_a_filled_official_form_is_read_from_its_grid() {
    let r = report_a();
    let doc = document(&r, &|k, c| value(&r, k, c));
    let res = nianbao::check_document("report_a.docx", &doc);
    assert_eq!(res.input.form, Form::Docx);
    assert_eq!(res.input.grids, 3);
    let t = &res.tables.requests;
    assert!(t.found);
    for key in REQUEST_KEYS {
        let row = t.row(key).unwrap_or_else(|| panic!("row {key}"));
        assert!(row.found, "row {key} not found");
        for (i, (col, cell)) in row.cells.iter().enumerate() {
            assert_eq!(cell.raw, value(&r, key, i), "{key}/{col}");
            assert_eq!(cell.read, Read::Grid, "{key}/{col}");
        }
    }
    let a = res.tables.appeals.row("appeals").unwrap();
    for (i, (_, cell)) in a.cells.iter().enumerate() {
        assert_eq!(cell.raw, r["appeals"][i].as_str().unwrap());
    }
    let act = &res.tables.active;
    assert_eq!(
        act.row("normative_documents")
            .unwrap()
            .cell("in_force")
            .unwrap()
            .raw,
        "12"
    );
    assert_eq!(
        act.row("licensing").unwrap().cell("decisions").unwrap().raw,
        "1520"
    );
    assert_eq!(
        act.row("coercion").unwrap().cell("decisions").unwrap().raw,
        "2"
    );
    let fee = act.row("fees").unwrap().cell("amount").unwrap();
    assert_eq!((fee.raw.as_str(), fee.value), ("4068.208", Some(4068.208)));
    // A clean report: no error at all, every identity holds.
    let errors: Vec<_> = res
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| format!("{} {}", f.rule, f.message))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    for s in &res.sections {
        assert!(s.found, "part {}", s.number);
    }
    let checks: Vec<_> = res.sections[2]
        .checks
        .iter()
        .map(|c| (c.rule, c.status))
        .collect();
    for rule in [
        "requests-balance",
        "requests-row-total",
        "requests-results-total",
    ] {
        assert!(
            checks.contains(&(rule, nianbao::result::Status::Pass)),
            "{rule}: {checks:?}"
        );
    }
}

#[test]
fn blank_grid_cells_stay_blank_and_broken_identities_are_errors() {
    let r = report_a();
    let doc = document(&r, &|k, c| match (k, c) {
        ("3.4.2", 0) | ("2", 5) => "\u{3000}".to_string(),
        ("1", 6) => "82".to_string(),
        _ => value(&r, k, c),
    });
    let res = nianbao::check_document("report_b.docx", &doc);
    let t = &res.tables.requests;
    let blank = t.row("3.4.2").unwrap().cell("natural").unwrap();
    assert_eq!(blank.kind, nianbao::layout::Kind::Blank);
    assert_eq!(blank.read, Read::Grid);
    let blanks: Vec<_> = res
        .findings
        .iter()
        .filter(|f| f.rule == "cell-blank")
        .collect();
    assert_eq!(blanks.len(), 2, "{blanks:#?}");
    let row_total: Vec<_> = res
        .findings
        .iter()
        .filter(|f| f.rule == "requests-row-total")
        .collect();
    assert_eq!(row_total.len(), 1, "{row_total:#?}");
    assert_eq!(row_total[0].severity, Severity::Error);
    assert_eq!(
        (row_total[0].expected, row_total[0].actual),
        (Some(82.0), Some(81.0))
    );
    // The finding points at the cell's line in the text the user sees.
    let line = row_total[0].line.unwrap();
    let text_line = doc.text.lines().nth(line - 1).unwrap();
    assert!(text_line.starts_with("一、本年新收"), "{text_line}");
}

#[test]
fn the_text_shown_for_a_grid_reads_the_same_as_the_grid() {
    // The page shows the text a reader made (tables as TAB rows); a user who edits it gets it
    // checked as text. Both paths must give the same cells and verdict.
    let r = report_a();
    let doc = document(&r, &|k, c| value(&r, k, c));
    let grid = nianbao::check_document("report_a.docx", &doc);
    let text = nianbao::check("report_a.txt", &doc.text);
    assert_eq!(grid.verdict, text.verdict);
    for (a, b) in [
        (&grid.tables.requests, &text.tables.requests),
        (&grid.tables.appeals, &text.tables.appeals),
        (&grid.tables.active, &text.tables.active),
    ] {
        assert_eq!(a.rows.len(), b.rows.len());
        for (ra, rb) in a.rows.iter().zip(&b.rows) {
            let va: Vec<_> = ra
                .cells
                .iter()
                .map(|(k, c)| (*k, c.raw.clone(), c.line, c.column))
                .collect();
            let vb: Vec<_> = rb
                .cells
                .iter()
                .map(|(k, c)| (*k, c.raw.clone(), c.line, c.column))
                .collect();
            assert_eq!(va, vb, "row {}", ra.key);
        }
    }
}
