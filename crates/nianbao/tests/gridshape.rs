//! Grids whose header is not the official one (a header row missing, a leaf renamed, an extra
//! empty column): columns are aligned by the header's leaf cells where they match, otherwise by
//! the data's own shape, and cells placed so are `position`, never `grid`; when the columns
//! cannot be aligned the table says so instead of shifting every value.

mod common;
use common::*;
use nianbao::document::{Builder, CellIn, Document, Form};
use nianbao::result::{CheckResult, Read, Severity};
use nianbao::spec::{request_rows, Format};

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Head {
    /// The official three header rows.
    Official,
    /// No header row: the grid starts with its data rows.
    Missing,
    /// The official rows, with 个人 for 自然人 and 合计 for 总计.
    Renamed,
    /// The official rows but the third (商业企业 … 其他) lost.
    NoLeafRow,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Extra {
    None,
    /// An empty column after the last value column.
    End,
    /// An empty column between the labels and the values.
    AfterLabels,
}

fn c(row: usize, col: usize, rs: usize, cs: usize, t: &str) -> CellIn {
    CellIn {
        row,
        col,
        rowspan: rs,
        colspan: cs,
        text: t.to_string(),
    }
}

/// Part 三 as a grid: label columns 0..3, the seven value columns, an extra empty column where
/// `extra` says; `values[row][col]` as text.
pub fn grid(format: Format, values: &[Vec<String>], head: Head, extra: Extra) -> Vec<CellIn> {
    let specs = request_rows(format);
    let v0 = if extra == Extra::AfterLabels { 4 } else { 3 };
    let empty_col = match extra {
        Extra::None => None,
        Extra::End => Some(10),
        Extra::AfterLabels => Some(3),
    };
    let mut v = Vec::new();
    let top = if head == Head::Missing { 0 } else { 3 };
    if head != Head::Missing {
        let (nat, tot) = if head == Head::Renamed {
            ("个人", "合计")
        } else {
            ("自然人", "总计")
        };
        v.push(c(
            0,
            0,
            3,
            3,
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
        ));
        v.push(c(0, v0, 1, 7, "申请人情况"));
        v.push(c(1, v0, 2, 1, nat));
        v.push(c(1, v0 + 1, 1, 5, "法人或其他组织"));
        v.push(c(1, v0 + 6, 2, 1, tot));
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
            if head != Head::NoLeafRow {
                v.push(c(2, v0 + 1 + i, 1, 1, l));
            }
        }
        if let Some(e) = empty_col {
            v.push(c(0, e, 3, 1, ""));
        }
    }
    // Group cells: 三 spans the result rows, each sub-group its rows.
    let first3 = specs.iter().position(|s| s.key == "3.1").unwrap();
    let last3 = specs.iter().position(|s| s.key == "3.7").unwrap();
    v.push(c(
        top + first3,
        0,
        last3 - first3 + 1,
        1,
        "三、本年度办理结果",
    ));
    let mut i = 0;
    while i < specs.len() {
        let s = &specs[i];
        let row = top + i;
        match s.group {
            Some(g) => {
                let n = specs.iter().filter(|x| x.group == Some(g)).count();
                if specs[..i].iter().all(|x| x.group != Some(g)) {
                    let label = nianbao::spec::GROUPS
                        .iter()
                        .find(|(k, _)| *k == g)
                        .unwrap()
                        .1;
                    v.push(c(row, 1, n, 1, label));
                }
                v.push(c(row, 2, 1, 1, s.label));
            }
            None if s.key.starts_with("3.") => v.push(c(row, 1, 1, 2, s.label)),
            None => v.push(c(row, 0, 1, 3, s.label)),
        }
        for (col, x) in values[i].iter().enumerate() {
            v.push(c(row, v0 + col, 1, 1, x));
        }
        if let Some(e) = empty_col {
            v.push(c(row, e, 1, 1, ""));
        }
        i += 1;
    }
    v
}

/// A whole generated report with part 三 as `cells`.
pub fn document(year: i32, rows: &[Vec<i64>], appeals: &[i64], cells: Vec<CellIn>) -> Document {
    let text = report(year, rows, appeals, Layout::Tab);
    let s = text.find("三、收到和处理政府信息公开申请情况").unwrap();
    let e = text.find("四、政府信息公开行政复议").unwrap();
    let mut b = Builder::new(Form::Docx, "utf-8");
    for l in text[..s].lines() {
        b.paragraph(l);
    }
    b.paragraph("三、收到和处理政府信息公开申请情况");
    b.table(cells, "表格 2");
    for l in text[e..].lines() {
        b.paragraph(l);
    }
    b.finish()
}

pub struct Outcome {
    pub score: Score,
    /// Cells not marked as they were read: `grid` under the official header, `position`
    /// otherwise.
    pub grid_cells: usize,
    /// The note on how the columns were aligned (severity, Chinese message).
    pub note: Option<(Severity, String)>,
    /// Error findings, and "总计为空"-style blank-cell findings of part 三 (all false here).
    pub errors: Vec<String>,
    pub blanks: usize,
}

pub fn outcome(r: &CheckResult, format: Format, rows: &[Vec<i64>], official: bool) -> Outcome {
    let score = score_table(&r.tables.requests, &want_requests(format, rows, false));
    let want = if official { Read::Grid } else { Read::Position };
    let grid_cells = r
        .tables
        .requests
        .rows
        .iter()
        .flat_map(|x| &x.cells)
        .filter(|(_, c)| c.read != want)
        .count();
    let note = r
        .findings
        .iter()
        .find(|f| {
            f.rule == "row-shape" && f.table == Some("requests") && f.message.contains("表头")
        })
        .map(|f| (f.severity, f.message.clone()));
    Outcome {
        score,
        grid_cells,
        note,
        errors: r
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| format!("{} {}", f.rule, f.message))
            .collect(),
        blanks: r
            .findings
            .iter()
            .filter(|f| f.rule == "cell-blank" && f.table == Some("requests"))
            .count(),
    }
}

fn texts(rows: &[Vec<i64>]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|r| r.iter().map(|x| x.to_string()).collect())
        .collect()
}

#[test]
fn grids_without_the_official_header_are_aligned_by_position_or_said_unreadable() {
    let mut g = Lcg(6);
    let mut any_fail = Vec::new();
    for head in [
        Head::Official,
        Head::Missing,
        Head::Renamed,
        Head::NoLeafRow,
    ] {
        for extra in [Extra::None, Extra::End, Extra::AfterLabels] {
            let mut total = Score::default();
            let (mut grid_cells, mut errors, mut blanks) = (0, 0, 0);
            for n in 0..10 {
                let year = if n % 2 == 0 { 2020 } else { 2022 };
                let format = Format::for_year(year);
                let (rows, appeals) = random_tables(format, &mut g);
                let doc = document(
                    year,
                    &rows,
                    &appeals,
                    grid(format, &texts(&rows), head, extra),
                );
                let r = nianbao::check_document("t.docx", &doc);
                let o = outcome(&r, format, &rows, head == Head::Official);
                total += o.score;
                // The official header gives no note; any other says how the columns were taken.
                match &o.note {
                    None => assert_eq!(head, Head::Official, "{extra:?}"),
                    Some((sev, msg)) => {
                        assert_ne!(head, Head::Official, "{msg}");
                        assert_eq!(*sev, Severity::Info, "{msg}");
                        if head == Head::Renamed {
                            assert!(msg.contains("按表头文字对应"), "{msg}");
                        } else if head == Head::NoLeafRow {
                            assert!(msg.contains("2列按表头文字对应"), "{msg}");
                        } else {
                            assert!(msg.contains("按数据的位置对应"), "{msg}");
                        }
                        if extra == Extra::End && head == Head::Missing {
                            assert!(msg.contains("第11列全空"), "{msg}");
                        }
                    }
                }
                grid_cells += o.grid_cells;
                errors += o.errors.len();
                blanks += o.blanks;
                if !o.errors.is_empty() && n < 2 {
                    eprintln!("  {head:?} {extra:?}: {:?}", o.errors);
                }
            }
            eprintln!(
                "grid {head:?} {extra:?}: {total:?}, {grid_cells} marked otherwise, {errors} errors, {blanks} blank findings"
            );
            if total.wrong > 0 || grid_cells > 0 || errors > 0 || blanks > 0 || total.not_read > 0 {
                any_fail.push(format!("{head:?} {extra:?}"));
            }
        }
    }
    assert!(any_fail.is_empty(), "{any_fail:?}");
}

#[test]
fn columns_that_cannot_be_aligned_are_said_so_and_not_read() {
    // No header, and after the values a column of row numbers: eight columns of numbers for
    // seven. Which one is not a value column, nothing says.
    let mut g = Lcg(9);
    for year in [2020, 2022] {
        let format = Format::for_year(year);
        let (rows, appeals) = random_tables(format, &mut g);
        let mut cells = grid(format, &texts(&rows), Head::Missing, Extra::End);
        let mut n = 0;
        for c in cells.iter_mut().filter(|c| c.col == 10) {
            n += 1;
            c.text = n.to_string();
        }
        // And one value cell left blank: that row has exactly seven numbers, one of them the
        // row number. Read in order it would be wrong.
        let blanked = cells
            .iter_mut()
            .find(|c| c.col == 4 && c.text.parse::<i64>().is_ok_and(|v| v > 0))
            .map(|c| std::mem::take(&mut c.text));
        assert!(blanked.is_some());
        let doc = document(year, &rows, &appeals, cells);
        let r = nianbao::check_document("t.docx", &doc);
        let o = outcome(&r, format, &rows, false);
        let (sev, msg) = o.note.expect("a note on the columns");
        assert_eq!(sev, Severity::Warning);
        // Nothing read: every cell of the table is marked as not read.
        assert_eq!(o.score.right, 0, "{:?}", o.score);
        assert!(msg.contains("无法与") && msg.contains("8列有数据"), "{msg}");
        // No cell shown as read with a wrong value, none as `grid` or `position`, no Error.
        assert_eq!(o.score.wrong, 0, "{:?}", o.score);
        assert!(r
            .tables
            .requests
            .rows
            .iter()
            .flat_map(|x| &x.cells)
            .all(|(_, c)| !matches!(c.read, Read::Grid | Read::Position)),);
        assert!(o.errors.is_empty(), "{:#?}", o.errors);
    }
}

/// The same report as a web page: part 三's table has no header rows and an extra empty column
/// at its end (an editor's leftover), as `tl` and the html reader get it.
#[cfg(feature = "html")]
#[test]
fn a_web_page_table_without_its_header_is_read_by_position() {
    use nianbao::read::{self, encoding_rs_legacy};
    let mut g = Lcg(21);
    let year = 2022;
    let format = Format::for_year(year);
    let (rows, appeals) = random_tables(format, &mut g);
    let text = report(year, &rows, &appeals, Layout::Tab);
    let s = text.find("三、收到和处理政府信息公开申请情况").unwrap();
    let e = text.find("四、政府信息公开行政复议").unwrap();
    let esc = |t: &str| t.replace('&', "&amp;").replace('<', "&lt;");
    let mut html = String::from("<html><head><meta charset=\"utf-8\"></head><body>\n");
    for l in text[..s].lines() {
        html.push_str(&format!("<p>{}</p>\n", esc(l)));
    }
    html.push_str("<p>三、收到和处理政府信息公开申请情况</p>\n<table border=\"1\">\n");
    let cells = grid(format, &texts(&rows), Head::Missing, Extra::End);
    let nrows = cells.iter().map(|c| c.row + c.rowspan).max().unwrap();
    for r in 0..nrows {
        html.push_str("<tr>");
        let mut row: Vec<&CellIn> = cells.iter().filter(|c| c.row == r).collect();
        row.sort_by_key(|c| c.col);
        for c in row {
            html.push_str(&format!(
                "<td rowspan=\"{}\" colspan=\"{}\">{}</td>",
                c.rowspan,
                c.colspan,
                esc(&c.text)
            ));
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</table>\n");
    for l in text[e..].lines() {
        html.push_str(&format!("<p>{}</p>\n", esc(l)));
    }
    html.push_str("</body></html>\n");
    let doc = read::read(html.as_bytes(), "report.html", None, &encoding_rs_legacy).unwrap();
    assert_eq!(doc.form, Form::Html);
    let r = nianbao::check_document("report.html", &doc);
    let o = outcome(&r, format, &rows, false);
    // Every cell: the text's value, in its row and column, read by position.
    for (spec, want) in request_rows(format).iter().zip(&rows) {
        let row = r.tables.requests.row(spec.key).unwrap();
        assert!(row.found, "{}", spec.key);
        let got: Vec<(Option<i64>, Read)> =
            row.cells.iter().map(|(_, c)| (c.int(), c.read)).collect();
        let want: Vec<(Option<i64>, Read)> =
            want.iter().map(|&v| (Some(v), Read::Position)).collect();
        assert_eq!(got, want, "{}", spec.key);
    }
    assert_eq!(o.score.right, rows.len() * 7);
    let (sev, msg) = o.note.expect("a note on the columns");
    assert_eq!(sev, Severity::Info);
    assert!(msg.contains("第11列全空"), "{msg}");
    assert!(o.errors.is_empty(), "{:#?}", o.errors);
    assert_eq!(o.blanks, 0);
}
