//! The 问题清单 (issue list) a supervisor sends to the units: one row per finding, with a place
//! the unit can find in its own document (a PDF's page, a Word file's paragraph or table cell,
//! the quoted text), and one row per file that could not be read, saying what to send instead.
//! Combined (by unit, year, then part and severity) or one CSV per unit, packed in a stored .zip
//! ([`zip_stored`]). The same bytes from the page's worker and the command line.

use crate::document::{Document, Form};
use crate::export::{csv_field, line_of};
use crate::read::ReadError;
use crate::result::{CheckResult, Finding, Severity};
use crate::rules::RULES;

pub const HEADER_ZH: &str =
    "单位,年度,文件,部分,规则,严重程度,问题描述,原文位置,依据,整改情况,已忽略（理由）";
pub const HEADER_EN: &str = "Agency,Year,File,Part,Rule,Severity,Finding,Where in the document,Basis,Action taken,Dismissed (reason)";

/// The header: BOM, the columns in the language asked for, CRLF.
pub fn header(en: bool) -> String {
    format!("\u{FEFF}{}\r\n", if en { HEADER_EN } else { HEADER_ZH })
}

/// One unit's (one file's) rows of the list, ready to write; `agency`, `year` and `file` order
/// the combined list and name the unit's own file.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitIssues {
    pub agency: Option<String>,
    pub year: Option<i32>,
    pub file: String,
    /// CSV rows (no header), CRLF-terminated, ordered by part and severity.
    pub rows: String,
}

/// The quoted text of line `no`: fields joined by one space, trimmed to about 60 characters.
fn quote(raw: &str) -> String {
    let t: String = raw
        .split(['\t', ' ', '\u{3000}'])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let mut q: String = t.chars().take(60).collect();
    if t.chars().count() > 60 {
        q.push('…');
    }
    q
}

/// 第N个表格 from a grid's origin ("表格 3"), else its place among the document's grids.
fn table_number(origin: &str, index: usize) -> usize {
    origin
        .strip_prefix("表格")
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(index + 1)
}

/// A cell quoted so the unit can find it: its row's label (the row's first cell with text), then
/// the cell's text ("一、本年新收政府信息公开申请数量 … 82").
fn cell_quote(g: &crate::document::Grid, c: &crate::document::GridCell) -> String {
    let label = (0..g.cols)
        .filter_map(|k| g.covering(c.row, k))
        .find(|l| !l.text.trim().is_empty());
    match label {
        Some(l) if (l.row, l.col) != (c.row, c.col) => {
            let l = quote(&l.text);
            let l: String = if l.chars().count() > 30 {
                l.chars().take(30).chain(['…']).collect()
            } else {
                l
            };
            format!("{l} … {}", quote(&c.text))
        }
        _ => quote(&c.text),
    }
}

/// The column of cell `c` in grid row `row` as a person counts it in Word: the cells they see
/// in that row up to it, a merged cell counted once.
fn seen_column(g: &crate::document::Grid, row: usize, c: &crate::document::GridCell) -> usize {
    let mut seen: Vec<(usize, usize)> = Vec::new();
    for k in 0..=c.col {
        if let Some(x) = g.covering(row, k) {
            if !seen.contains(&(x.row, x.col)) {
                seen.push((x.row, x.col));
            }
        }
    }
    seen.len().max(1)
}

/// Where a finding stands in the unit's own document: a PDF's page, a Word file's paragraph or
/// table, row and column, and the quoted text (a web page or text: the quoted text alone).
/// Empty when the finding is about the whole document.
pub fn place(doc: &Document, f: &Finding, en: bool) -> String {
    let Some(no) = f.line else {
        return String::new();
    };
    let line = line_of(&doc.text, no).unwrap_or("");
    let grid = doc.grid_at(no);
    // In a grid with a column: the cell's text is what the unit sees.
    let cell = grid.and_then(|(_, g)| {
        let col = f.column?;
        g.cells
            .iter()
            .filter(|c| c.line == no && c.column <= col)
            .max_by_key(|c| c.column)
    });
    let quoted = match (cell, grid) {
        (Some(c), Some((_, g))) if !c.text.trim().is_empty() => cell_quote(g, c),
        _ => quote(line),
    };
    let at = match (doc.form, grid) {
        (Form::Pdf, _) => doc.page_of(no).map(|p| {
            if en {
                format!("page {p}")
            } else {
                format!("第{p}页")
            }
        }),
        (Form::Docx | Form::Doc, Some((i, g))) => {
            let t = table_number(&g.origin, i);
            let row = no - g.line + 1;
            Some(match (cell.map(|c| seen_column(g, no - g.line, c)), en) {
                (Some(c), false) => format!("第{t}个表格第{row}行第{c}列"),
                (Some(c), true) => format!("table {t}, row {row}, column {c}"),
                (None, false) => format!("第{t}个表格第{row}行"),
                (None, true) => format!("table {t}, row {row}"),
            })
        }
        (Form::Docx | Form::Doc, None) => doc.paragraph_of(no).map(|p| {
            if en {
                format!("paragraph {p}")
            } else {
                format!("第{p}段")
            }
        }),
        _ => None,
    };
    match (at, quoted.is_empty(), en) {
        (Some(a), true, _) => a,
        (Some(a), false, false) => format!("{a}：“{quoted}”"),
        (Some(a), false, true) => format!("{a}: “{quoted}”"),
        (None, false, _) => format!("“{quoted}”"),
        (None, true, false) => format!("第{no}行"),
        (None, true, true) => format!("line {no}"),
    }
}

/// A rule's basis for this report: a report in the 2019 layout cites the 2019 format document
/// where the rule is about the format's parts and tables.
pub fn basis_for(r: &CheckResult, basis: &str) -> String {
    let f2019 = r.format.layout() == crate::spec::Format::F2019;
    if f2019
        && (basis.starts_with("国办公开办函〔2021〕30号表格")
            || basis.starts_with("国办公开办函〔2021〕30号（年度报告格式）"))
    {
        basis.replacen("国办公开办函〔2021〕30号", "国办公开办函〔2019〕60号", 1)
    } else {
        basis.to_string()
    }
}

const PART_NUMBERS: [&str; 6] = ["一", "二", "三", "四", "五", "六"];

/// 部分 of a finding: the part's number and title as the report has it, or 全文.
fn part_name(r: &CheckResult, f: &Finding, en: bool) -> String {
    match f.section {
        Some(n) if (1..=6).contains(&n) => {
            if en {
                return format!("Part {n}");
            }
            r.sections
                .iter()
                .find(|sec| sec.number == n)
                .map(|sec| format!("{}、{}", PART_NUMBERS[n as usize - 1], sec.title))
                .unwrap_or_default()
        }
        _ if en => "Whole report".to_string(),
        _ => "全文".to_string(),
    }
}

fn severity_rank(s: Severity) -> u8 {
    match s {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

/// One unit's rows: its findings ordered by part (the whole report first) and severity (errors
/// first), each with its place in `doc` (the document the result was checked from).
pub fn unit(r: &CheckResult, file: &str, doc: &Document, en: bool) -> UnitIssues {
    let mut order: Vec<&Finding> = r.findings.iter().collect();
    order.sort_by_key(|f| (f.section.unwrap_or(0), severity_rank(f.severity)));
    let mut rows = String::new();
    for f in order {
        let info = RULES.iter().find(|i| i.name == f.rule);
        let title = info.map_or("", |i| if en { i.title_en } else { i.title });
        let fields = [
            csv_field(r.meta.agency.as_deref().unwrap_or("")),
            r.meta.year.map(|y| y.to_string()).unwrap_or_default(),
            csv_field(file),
            csv_field(&part_name(r, f, en)),
            csv_field(&if en {
                format!("{title} ({})", f.rule)
            } else {
                format!("{title}（{}）", f.rule)
            }),
            f.severity.label(en).to_string(),
            csv_field(if en { &f.message_en } else { &f.message }),
            csv_field(&place(doc, f, en)),
            csv_field(&basis_for(r, info.map_or("", |i| i.basis))),
            String::new(),
            csv_field(f.dismissed.as_deref().unwrap_or("")),
        ];
        rows.push_str(&fields.join(","));
        rows.push_str("\r\n");
    }
    UnitIssues {
        agency: r.meta.agency.clone(),
        year: r.meta.year,
        file: file.to_string(),
        rows,
    }
}

/// What a unit whose file could not be read should send instead, from why it could not be read.
pub fn send_instead(e: &ReadError, en: bool) -> &'static str {
    let why = &e.zh;
    match (why, en) {
        (w, false) if w.contains("扫描") || w.contains("没有文字层") => {
            "请重新报送带文字层的PDF（由Word或WPS直接导出，而非扫描件）或Word原文件（.docx）"
        }
        (w, true) if w.contains("扫描") || w.contains("没有文字层") => {
            "send a PDF with a text layer (exported from Word or WPS, not scanned) or the Word file (.docx)"
        }
        (w, false) if w.contains("加密") || w.contains("密码") => {
            "请重新报送不设密码的文件（取消密码保护后另存）"
        }
        (w, true) if w.contains("加密") || w.contains("密码") => {
            "send the file without a password (remove the protection and save again)"
        }
        (w, false) if w.contains("Excel表格") || w.contains("PowerPoint") => {
            "请重新报送年度报告正文（Word、带文字层的PDF或网页文件），而不是表格或演示文稿"
        }
        (w, true) if w.contains("Excel表格") || w.contains("PowerPoint") => {
            "send the report itself (Word, a PDF with a text layer or a web page), not a workbook or presentation"
        }
        (w, false) if w.contains("Works") => "请重新报送另存为Word（.doc/.docx）或PDF的报告",
        (w, true) if w.contains("Works") => "send the report saved as Word (.doc/.docx) or PDF",
        // A .doc/.wps that is damaged: a complete copy in either Word form will do.
        (w, false) if w.contains("（.doc/.wps）") => {
            "请重新报送完整的Word文件（.doc、.wps或.docx均可）或带文字层的PDF"
        }
        (w, true) if w.contains("（.doc/.wps）") => {
            "send a complete Word file (.doc, .wps or .docx) or a PDF with a text layer"
        }
        // Word 6.0/95, or a build without the .doc reader.
        (w, false) if w.contains("旧版") || w.contains("Word 6.0/95") => {
            "请重新报送另存为.docx的Word文件"
        }
        (w, true) if w.contains("旧版") || w.contains("Word 6.0/95") => {
            "send the file saved as .docx"
        }
        (_, false) => "请重新报送可读取的Word文件（.docx）、带文字层的PDF或网页文件",
        (_, true) => "send a readable Word file (.docx), a PDF with a text layer or a web page",
    }
}

/// The row of a file that could not be read: why, and what to send instead (in 问题描述 and
/// 整改情况), so the unit is not forgotten.
pub fn unreadable(file: &str, e: &ReadError, en: bool) -> UnitIssues {
    let fields = [
        String::new(),
        String::new(),
        csv_field(file),
        if en { "Whole report" } else { "全文" }.to_string(),
        if en {
            "File could not be read (unreadable)"
        } else {
            "文件无法读取（unreadable）"
        }
        .to_string(),
        Severity::Error.label(en).to_string(),
        csv_field(if en { &e.en } else { &e.zh }),
        String::new(),
        String::new(),
        csv_field(send_instead(e, en)),
        String::new(),
    ];
    UnitIssues {
        agency: None,
        year: None,
        file: file.to_string(),
        rows: format!("{}\r\n", fields.join(",")),
    }
}

/// The combined list's order: by unit (units without a known agency last), year, then file.
pub fn sort(units: &mut [UnitIssues]) {
    units.sort_by(|a, b| {
        (a.agency.is_none(), &a.agency, a.year, &a.file).cmp(&(
            b.agency.is_none(),
            &b.agency,
            b.year,
            &b.file,
        ))
    });
}

/// The combined list: header, then every unit's rows (by unit, year, then file).
pub fn combined(units: &[UnitIssues], en: bool) -> String {
    let mut order: Vec<UnitIssues> = units.to_vec();
    sort(&mut order);
    let mut s = header(en);
    for u in &order {
        s.push_str(&u.rows);
    }
    s
}

/// A file name without the characters file systems refuse, at most `max` characters.
fn clean_name(s: &str, max: usize) -> String {
    s.chars()
        .filter(|c| {
            !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') && !c.is_control()
        })
        .take(max)
        .collect()
}

/// A unit's own file name: `单位_年度_问题清单.csv` (`…_issues.csv` in English); a file that could
/// not be read is named by its file name.
pub fn unit_file_name(u: &UnitIssues, en: bool) -> String {
    let tail = if en { "issues" } else { "问题清单" };
    let stem = match (&u.agency, u.year) {
        (Some(a), Some(y)) => format!("{}_{y}", clean_name(a, 40)),
        (Some(a), None) => clean_name(a, 40),
        _ => {
            let base = u.file.rsplit(['/', '\\']).next().unwrap_or(&u.file);
            let base = base.rsplit_once('.').map_or(base, |(s, _)| s);
            clean_name(base, 40)
        }
    };
    format!("{stem}_{tail}.csv")
}

/// One CSV per unit (header and its rows), named by unit and year; two files of the same unit
/// and year get `_2`, `_3` … In the combined list's order.
pub fn per_unit(units: &[UnitIssues], en: bool) -> Vec<(String, Vec<u8>)> {
    let mut order: Vec<&UnitIssues> = units.iter().collect();
    order.sort_by(|a, b| {
        (a.agency.is_none(), &a.agency, a.year, &a.file).cmp(&(
            b.agency.is_none(),
            &b.agency,
            b.year,
            &b.file,
        ))
    });
    let mut out: Vec<(String, Vec<u8>)> = Vec::with_capacity(order.len());
    for u in order {
        let mut name = unit_file_name(u, en);
        let mut k = 1;
        while out.iter().any(|(n, _)| *n == name) {
            k += 1;
            let base = unit_file_name(u, en);
            let (stem, _) = base.rsplit_once(".csv").unwrap_or((&base, ""));
            name = format!("{stem}_{k}.csv");
        }
        let mut body = header(en);
        body.push_str(&u.rows);
        out.push((name, body.into_bytes()));
    }
    out
}

/// The most files [`zip_stored`] packs (a zip without its ZIP64 extension counts them in 16 bits).
pub const ZIP_MAX_FILES: usize = 0xFFFF;

/// A .zip of `files` (name, bytes), stored (not compressed: CSVs of a few kB), names in UTF-8
/// (flag bit 11), CRC-32 by `crc32fast`. Readable by Windows Explorer, macOS, unzip, 7-Zip and
/// the `zip` crate. None when the files do not fit a zip without ZIP64 (more than
/// [`ZIP_MAX_FILES`], or 4 GiB).
///
/// Why not the `zip` crate's writer: measured in the page's engine module (release, wasm-opt
/// -Oz), this writer's module is 770,828 B (332,215 gzip); with `zip` 2.6 writing stored entries
/// 806,327 B (347,952 gzip), writing deflated ones 886,333 B (381,933 gzip).
pub fn zip_stored(files: &[(String, Vec<u8>)]) -> Option<Vec<u8>> {
    let total: usize = files
        .iter()
        .map(|(n, d)| 46 + 30 + 2 * n.len() + d.len())
        .sum();
    if files.len() > ZIP_MAX_FILES
        || total > u32::MAX as usize
        || files.iter().any(|(n, _)| n.len() > 0xFFFF)
    {
        return None;
    }
    // 1980-01-01 00:00 in DOS time: no clock in the engine, and the same bytes every time.
    const DOS_TIME: u16 = 0;
    const DOS_DATE: u16 = (1 << 5) | 1;
    let mut out = Vec::new();
    let mut central = Vec::new();
    let le16 = |v: &mut Vec<u8>, x: u16| v.extend_from_slice(&x.to_le_bytes());
    let le32 = |v: &mut Vec<u8>, x: u32| v.extend_from_slice(&x.to_le_bytes());
    for (name, data) in files {
        let crc = crc32fast::hash(data);
        let offset = out.len() as u32;
        let size = data.len() as u32;
        let n = name.as_bytes();
        // Local file header.
        le32(&mut out, 0x0403_4b50);
        le16(&mut out, 20);
        le16(&mut out, 1 << 11);
        le16(&mut out, 0);
        le16(&mut out, DOS_TIME);
        le16(&mut out, DOS_DATE);
        le32(&mut out, crc);
        le32(&mut out, size);
        le32(&mut out, size);
        le16(&mut out, n.len() as u16);
        le16(&mut out, 0);
        out.extend_from_slice(n);
        out.extend_from_slice(data);
        // Its central directory entry.
        le32(&mut central, 0x0201_4b50);
        le16(&mut central, 20);
        le16(&mut central, 20);
        le16(&mut central, 1 << 11);
        le16(&mut central, 0);
        le16(&mut central, DOS_TIME);
        le16(&mut central, DOS_DATE);
        le32(&mut central, crc);
        le32(&mut central, size);
        le32(&mut central, size);
        le16(&mut central, n.len() as u16);
        central.extend_from_slice(&[0; 8]);
        le32(&mut central, 0);
        le32(&mut central, offset);
        central.extend_from_slice(n);
    }
    let cd_offset = out.len() as u32;
    let cd_size = central.len() as u32;
    out.extend_from_slice(&central);
    // End of central directory.
    le32(&mut out, 0x0605_4b50);
    le32(&mut out, 0);
    le16(&mut out, files.len() as u16);
    le16(&mut out, files.len() as u16);
    le32(&mut out, cd_size);
    le32(&mut out, cd_offset);
    le16(&mut out, 0);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_names_are_clean_and_distinct() {
        let u = |a: Option<&str>, y, f: &str| UnitIssues {
            agency: a.map(str::to_string),
            year: y,
            file: f.to_string(),
            rows: String::new(),
        };
        let files = per_unit(
            &[
                u(Some("洪泽区人民政府"), Some(2023), "b.pdf"),
                u(Some("洪泽区人民政府"), Some(2023), "a.docx"),
                u(None, None, "dir/scan:ned.pdf"),
            ],
            false,
        );
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "洪泽区人民政府_2023_问题清单.csv",
                "洪泽区人民政府_2023_问题清单_2.csv",
                "scanned_问题清单.csv"
            ]
        );
    }

    #[test]
    fn send_instead_follows_the_reason() {
        let scan = ReadError::new("此PDF没有文字层（可能是扫描件）", "scan");
        assert!(send_instead(&scan, false).contains("带文字层的PDF"));
        let pw = ReadError::new("此Word文件已加密（设有密码）", "encrypted");
        assert!(send_instead(&pw, true).contains("without a password"));
    }
}
