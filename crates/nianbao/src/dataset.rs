//! The dataset of every cell (`nianbao check --cells cells.csv`, the page's 数据集 download):
//! one row per report, one column per cell of the three tables, with names that stay the same
//! across the formats where the formats share the cell (DATASET.md lists every column and its
//! Chinese meaning).
//!
//! Names: `t2.<row>.<column>` (part 二, e.g. `t2.licensing.decisions`), `t3.<row>.<column>`
//! (part 三, e.g. `t3.1.natural`, `t3.3.7.total`), `t4.<column>` (part 四, e.g.
//! `t4.review.total`): the row and column keys of the result's tables (RESULT.md). The columns are
//! the union of F2021's and F2019's cells: a cell the report's format has not is empty.
//!
//! A value is the number read (or inferred); empty when the table, the row or the number is
//! missing. `inferred` lists the columns whose number was inferred, not read; `not_numbers`
//! those whose cell holds something that is not a number (a mark such as "/", text, or an
//! ambiguous reading). UTF-8 with BOM, CRLF, one header row of the names.

use crate::export::csv_field;
use crate::layout::{fmt_num, Kind};
use crate::result::{CheckResult, TableOut};
use crate::rules::provenance::is_read;
use crate::spec::{active_blocks, request_rows, Format, APPEAL_COLS, REQUEST_COLS};

/// One cell column: its name, which table and row and column it reads, and its Chinese meaning.
#[derive(Debug, Clone)]
pub struct Column {
    pub name: String,
    pub table: &'static str,
    pub row: &'static str,
    pub col: &'static str,
    pub meaning: String,
    /// The formats that have the cell: "2021", "2019" or both.
    pub formats: Vec<&'static str>,
}

/// The columns before the cells.
pub const LEAD: [(&str, &str); 7] = [
    ("file", "文件"),
    ("agency", "单位（从标题读出）"),
    ("year", "年度"),
    ("format", "表格格式（2019 或 2021，按表格式样识别）"),
    ("verdict", "结论：fail 需修改，incomplete 无法完整核对，warn 请复核，pass 未发现问题，unreadable 无法读取"),
    ("errors", "错误数"),
    ("warnings", "提示数"),
];

/// The columns after the cells.
pub const TAIL: [(&str, &str); 3] = [
    (
        "inferred",
        "数字是推断的（不是从原文读出的）单元格，列名以空格分隔",
    ),
    (
        "not_numbers",
        "有内容但不是数字的单元格（如“/”、文字、无法判定的数字），列名以空格分隔",
    ),
    ("reason", "无法读取时的原因"),
];

/// Adds each column of `list` (one table's) unless one of that name is there; a new one goes
/// after the last column `list` shares before it (so F2019's rows of part 三 sit beside
/// F2021's), or at the end when it shares none before it.
fn merge(out: &mut Vec<Column>, list: Vec<Column>) {
    let mut at = out.len();
    for c in list {
        if let Some(i) = out.iter().position(|x| x.name == c.name) {
            for f in &c.formats {
                if !out[i].formats.contains(f) {
                    out[i].formats.push(f);
                }
            }
            at = i + 1;
        } else {
            out.insert(at, c);
            at += 1;
        }
    }
}

fn columns_of(f: Format) -> Vec<Column> {
    let fmt = vec![f.name()];
    let mut out = Vec::new();
    for b in active_blocks(f) {
        for &(row, label) in b.rows {
            for &(col, col_label, _) in b.columns {
                out.push(Column {
                    name: format!("t2.{row}.{col}"),
                    table: "active",
                    row,
                    col,
                    meaning: format!("第二部分·第二十条第（{}）项·{label}·{col_label}", b.item),
                    formats: fmt.clone(),
                });
            }
        }
    }
    for r in request_rows(f) {
        for &(col, col_label) in &REQUEST_COLS {
            out.push(Column {
                name: format!("t3.{}.{col}", r.key),
                table: "requests",
                row: r.key,
                col,
                meaning: format!("第三部分·{}·{col_label}", r.short),
                formats: fmt.clone(),
            });
        }
    }
    for &(col, col_label) in &APPEAL_COLS {
        out.push(Column {
            name: format!("t4.{col}"),
            table: "appeals",
            row: "appeals",
            col,
            meaning: format!("第四部分·{col_label}"),
            formats: fmt.clone(),
        });
    }
    out
}

/// Every cell column, in order: F2021's, with F2019's own placed beside them.
pub fn columns() -> &'static [Column] {
    use std::sync::OnceLock;
    static CACHE: OnceLock<Vec<Column>> = OnceLock::new();
    CACHE.get_or_init(|| {
        let (new, old) = (columns_of(Format::F2021), columns_of(Format::F2019));
        let mut out = Vec::new();
        for t in ["active", "requests", "appeals"] {
            let mut part: Vec<Column> = new.iter().filter(|c| c.table == t).cloned().collect();
            merge(
                &mut part,
                old.iter().filter(|c| c.table == t).cloned().collect(),
            );
            out.extend(part);
        }
        out
    })
}

/// The header: BOM, every column's name, CRLF.
pub fn header() -> String {
    let names: Vec<&str> = LEAD
        .iter()
        .map(|c| c.0)
        .chain(columns().iter().map(|c| c.name.as_str()))
        .chain(TAIL.iter().map(|c| c.0))
        .collect();
    format!("\u{FEFF}{}\r\n", names.join(","))
}

fn table<'r>(r: &'r CheckResult, name: &str) -> &'r TableOut {
    match name {
        "active" => &r.tables.active,
        "requests" => &r.tables.requests,
        _ => &r.tables.appeals,
    }
}

/// One report's row (CRLF-terminated).
pub fn row(r: &CheckResult, file: &str) -> String {
    let mut fields = vec![
        csv_field(file),
        csv_field(r.meta.agency.as_deref().unwrap_or("")),
        r.meta.year.map(|y| y.to_string()).unwrap_or_default(),
        r.format
            .detected
            .map(|f| f.name())
            .unwrap_or("")
            .to_string(),
        r.verdict.name().to_string(),
        r.counts.error.to_string(),
        r.counts.warning.to_string(),
    ];
    let (mut inferred, mut not_numbers) = (Vec::new(), Vec::new());
    for c in columns() {
        let t = table(r, c.table);
        let cell = t
            .rows
            .iter()
            .find(|x| x.key == c.row && x.found)
            .filter(|_| t.found)
            .and_then(|x| Some((x, x.cell(c.col)?)));
        let value = match cell {
            Some((x, cell)) if cell.kind == Kind::Number => {
                if !is_read(x, cell) {
                    inferred.push(c.name.as_str());
                }
                cell.value.map(fmt_num).unwrap_or_default()
            }
            Some((_, cell)) if cell.kind != Kind::Blank => {
                not_numbers.push(c.name.as_str());
                String::new()
            }
            _ => String::new(),
        };
        fields.push(value);
    }
    fields.push(inferred.join(" "));
    fields.push(not_numbers.join(" "));
    fields.push(String::new());
    let mut s = fields.join(",");
    s.push_str("\r\n");
    s
}

/// The row of a file that could not be read: its name, `unreadable` and why.
pub fn unreadable(file: &str, reason: &str) -> String {
    let mut fields = vec![csv_field(file)];
    fields.extend(std::iter::repeat_n(String::new(), 3));
    fields.push("unreadable".to_string());
    fields.extend(std::iter::repeat_n(String::new(), 2 + columns().len() + 2));
    fields.push(csv_field(reason));
    let mut s = fields.join(",");
    s.push_str("\r\n");
    s
}

/// DATASET.md's table of columns (the test `dataset_md_lists_every_column` keeps it current).
pub fn markdown_columns() -> String {
    let mut s = String::from("| 列 column | 含义 meaning | 格式 formats |\n|---|---|---|\n");
    for (n, m) in LEAD {
        s.push_str(&format!("| `{n}` | {m} | |\n"));
    }
    for c in columns() {
        s.push_str(&format!(
            "| `{}` | {} | {} |\n",
            c.name,
            c.meaning,
            c.formats.join(" ")
        ));
    }
    for (n, m) in TAIL {
        s.push_str(&format!("| `{n}` | {m} | |\n"));
    }
    s
}
