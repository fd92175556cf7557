//! Excel workbooks (.xlsx) of the batch's roll-up (汇总) and of the 问题清单, for supervisors who
//! work in Excel or WPS: a frozen header row, an autofilter over every column, column widths
//! that fit Chinese text (a CJK character counts two), long text wrapped, the 结论 (or the
//! 严重程度) cell coloured (需修改/错误 red, 需复核 and warnings yellow, 可发布 green, a file that
//! could not be read grey), numbers as numbers and rates as numbers in a % format.
//!
//! A workbook is made from the CSV the same batch gives ([`crate::export::summary_csv`],
//! [`crate::issues::combined`], [`crate::issues::per_unit`]): one list of columns, so a column
//! added to a CSV reaches the workbook too, and the page's worker can build the workbook in a
//! module of its own (`xlsx`, loaded when first needed) from the CSV the engine module made.
//! Written by `rust_xlsxwriter` (feature `xlsx`).

use crate::export::{summary_csv, verdict_label, SummaryRow};
use crate::issues::{self, UnitIssues};
use crate::result::{Severity, Verdict};
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook, Worksheet};

/// Which list a workbook holds (its sheet's name and which column is coloured).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sheet {
    /// The roll-up: the 结论 column coloured by verdict.
    Summary,
    /// The 问题清单: the 严重程度 column coloured by severity.
    Issues,
}

/// Excel's row limit (the header is one of them).
pub const MAX_ROWS: usize = 1_048_576;
/// Excel's longest text in a cell.
const MAX_CELL_CHARS: usize = 32_767;
/// The widest column (in Excel's character widths); longer text wraps.
const MAX_WIDTH: f64 = 48.0;
const MIN_WIDTH: f64 = 6.0;

/// The fills: Excel's own "bad", "neutral", "good" and a grey.
const RED: u32 = 0xFFC7CE;
const YELLOW: u32 = 0xFFEB9C;
const GREEN: u32 = 0xC6EFCE;
const GREY: u32 = 0xD9D9D9;
const HEADER: u32 = 0xDDEBF7;

/// The roll-up as a workbook (the same rows, order and columns as [`summary_csv`]).
pub fn summary(rows: &[SummaryRow], en: bool) -> Result<Vec<u8>, String> {
    from_csv(Sheet::Summary, &summary_csv(rows, en), en)
}

/// The combined 问题清单 as a workbook (the same rows as [`issues::combined`]).
pub fn issues_combined(units: &[UnitIssues], en: bool) -> Result<Vec<u8>, String> {
    from_csv(Sheet::Issues, &issues::combined(units, en), en)
}

/// One workbook per unit, named as [`issues::per_unit`] names its CSVs (`.xlsx` for `.csv`).
pub fn issues_per_unit(units: &[UnitIssues], en: bool) -> Result<Vec<(String, Vec<u8>)>, String> {
    per_unit_from_csv(issues::per_unit(units, en), en)
}

/// Each (name.csv, CSV bytes) of a 问题清单 as (name.xlsx, workbook).
pub fn per_unit_from_csv(
    files: Vec<(String, Vec<u8>)>,
    en: bool,
) -> Result<Vec<(String, Vec<u8>)>, String> {
    files
        .into_iter()
        .map(|(name, csv)| {
            let stem = name.strip_suffix(".csv").unwrap_or(&name);
            let book = from_csv(Sheet::Issues, &String::from_utf8_lossy(&csv), en)?;
            Ok((format!("{stem}.xlsx"), book))
        })
        .collect()
}

/// A CSV as the project writes it (BOM, CRLF, fields quoted with `"` when they hold a comma,
/// a quote or a line break; a leading `=+-@` kept as text by a `'`) back into its rows.
pub fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let s = s.strip_prefix('\u{FEFF}').unwrap_or(s);
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut was_quoted = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => {
                quoted = true;
                was_quoted = true;
            }
            (false, ',') => row.push(unquote(std::mem::take(&mut field), &mut was_quoted)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n' | '\r') => {
                row.push(unquote(std::mem::take(&mut field), &mut was_quoted));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(unquote(field, &mut was_quoted));
        rows.push(row);
    }
    rows
}

/// A quoted field's `'` before `=+-@` (put there so a spreadsheet reads no formula from the CSV)
/// is taken off: a workbook's text cell is never a formula.
fn unquote(f: String, was_quoted: &mut bool) -> String {
    let q = std::mem::take(was_quoted);
    match f.strip_prefix('\'') {
        Some(rest) if q && rest.starts_with(['=', '+', '-', '@']) => rest.to_string(),
        _ => f,
    }
}

/// Columns whose values stay text even when they look like numbers (a file named 2023.txt's
/// stem, an agency's number).
const TEXT_COLUMNS: [&str; 6] = ["文件", "File", "单位", "Agency", "格式", "Format"];

/// What a CSV field becomes in the workbook.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Text(String),
    Number(f64),
    /// A rate (0–1), shown with a % format.
    Percent(f64),
}

/// A field as a number when it is one (`82`, `12.5`, `-3`), a rate when it is a percentage
/// (`12.3%`); anything else (≈ before an inferred number, text) stays text.
fn value(field: &str, text_column: bool) -> Value {
    let numeric = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
            && s.chars().any(|c| c.is_ascii_digit())
    };
    if !text_column {
        if let Some(p) = field.strip_suffix('%').filter(|p| numeric(p)) {
            if let Ok(v) = p.parse::<f64>() {
                return Value::Percent(v / 100.0);
            }
        }
        if numeric(field)
            && !(field.len() > 1 && field.starts_with('0') && !field.starts_with("0."))
        {
            if let Ok(v) = field.parse::<f64>() {
                return Value::Number(v);
            }
        }
    }
    Value::Text(field.chars().take(MAX_CELL_CHARS).collect())
}

/// How wide text shows in Excel's character widths: a CJK or full-width character counts two.
fn display_width(s: &str) -> f64 {
    s.lines()
        .map(|l| {
            l.chars()
                .map(|c| if (c as u32) >= 0x2E80 { 2.0 } else { 1.0 })
                .sum::<f64>()
        })
        .fold(0.0, f64::max)
}

/// The fill of a coloured cell (结论 or 严重程度), from its text.
fn fill(sheet: Sheet, text: &str, en: bool) -> Option<u32> {
    match sheet {
        Sheet::Summary => {
            let is = |v: Option<Verdict>| text == verdict_label(v, en);
            if is(Some(Verdict::Fail)) {
                Some(RED)
            } else if is(Some(Verdict::Incomplete)) || is(Some(Verdict::Warn)) {
                Some(YELLOW)
            } else if is(Some(Verdict::Pass)) {
                Some(GREEN)
            } else if is(None) {
                Some(GREY)
            } else {
                None
            }
        }
        Sheet::Issues => {
            if text == Severity::Error.label(en) {
                Some(RED)
            } else if text == Severity::Warning.label(en) {
                Some(YELLOW)
            } else {
                None
            }
        }
    }
}

/// The header of the coloured column.
fn coloured_column(sheet: Sheet, en: bool) -> &'static str {
    match (sheet, en) {
        (Sheet::Summary, false) => "结论",
        (Sheet::Summary, true) => "Verdict",
        (Sheet::Issues, false) => "严重程度",
        (Sheet::Issues, true) => "Severity",
    }
}

/// The formats a sheet uses, made once.
struct Formats {
    header: Format,
    text: Format,
    wrap: Format,
    number: Format,
    percent: Format,
    fills: Vec<(u32, Format)>,
}

impl Formats {
    fn new() -> Formats {
        let base = Format::new()
            .set_align(FormatAlign::Top)
            .set_border(FormatBorder::Thin)
            .set_border_color(Color::RGB(0xBFBFBF));
        Formats {
            header: base
                .clone()
                .set_bold()
                .set_text_wrap()
                .set_background_color(Color::RGB(HEADER)),
            wrap: base.clone().set_text_wrap(),
            number: base.clone().set_num_format("0.##"),
            percent: base.clone().set_num_format("0.0%"),
            fills: [RED, YELLOW, GREEN, GREY]
                .into_iter()
                .map(|c| (c, base.clone().set_background_color(Color::RGB(c))))
                .collect(),
            text: base,
        }
    }

    fn fill(&self, c: u32) -> &Format {
        self.fills
            .iter()
            .find(|(k, _)| *k == c)
            .map_or(&self.text, |(_, f)| f)
    }
}

/// A workbook of one sheet from a CSV of the project's (header first).
pub fn from_csv(sheet: Sheet, csv: &str, en: bool) -> Result<Vec<u8>, String> {
    let rows = parse_csv(csv);
    if rows.len() > MAX_ROWS {
        return Err(if en {
            format!(
                "{} rows are more than Excel's limit of {MAX_ROWS}: use the CSV",
                rows.len()
            )
        } else {
            format!("共{}行，超过Excel的上限{MAX_ROWS}行：请下载CSV", rows.len())
        });
    }
    let header = rows.first().cloned().unwrap_or_default();
    let mut workbook = Workbook::new();
    let ws = workbook.add_worksheet();
    let name = match (sheet, en) {
        (Sheet::Summary, false) => "汇总",
        (Sheet::Summary, true) => "Roll-up",
        (Sheet::Issues, false) => "问题清单",
        (Sheet::Issues, true) => "Issues",
    };
    ws.set_name(name).map_err(|e| e.to_string())?;
    let widths = write_rows(ws, sheet, &rows, &header, en).map_err(|e| e.to_string())?;
    lay_out(ws, &widths, rows.len(), header.len()).map_err(|e| e.to_string())?;
    workbook.save_to_buffer().map_err(|e| e.to_string())
}

/// Every row into the sheet; returns each column's widest text.
fn write_rows(
    ws: &mut Worksheet,
    sheet: Sheet,
    rows: &[Vec<String>],
    header: &[String],
    en: bool,
) -> Result<Vec<f64>, rust_xlsxwriter::XlsxError> {
    let f = Formats::new();
    let text_col: Vec<bool> = header
        .iter()
        .map(|h| TEXT_COLUMNS.contains(&h.as_str()))
        .collect();
    let coloured = header.iter().position(|h| h == coloured_column(sheet, en));
    let mut widths: Vec<f64> = vec![MIN_WIDTH; header.len()];
    for (r, row) in rows.iter().enumerate() {
        let r32 = u32::try_from(r).unwrap_or(u32::MAX);
        // A 问题清单 row of a file that could not be read is grey, as in the roll-up.
        let unreadable = sheet == Sheet::Issues
            && row
                .iter()
                .any(|x| x.ends_with("（unreadable）") || x.ends_with("(unreadable)"));
        for (c, field) in row.iter().enumerate() {
            let c16 = u16::try_from(c).unwrap_or(u16::MAX);
            if c >= widths.len() {
                widths.resize(c + 1, MIN_WIDTH);
            }
            widths[c] = widths[c].max(display_width(field) + 2.0);
            if r == 0 {
                ws.write_string_with_format(r32, c16, field, &f.header)?;
                continue;
            }
            let wrap = display_width(field) + 2.0 > MAX_WIDTH;
            match value(field, text_col.get(c).copied().unwrap_or(true)) {
                Value::Number(v) => ws.write_number_with_format(r32, c16, v, &f.number)?,
                Value::Percent(v) => ws.write_number_with_format(r32, c16, v, &f.percent)?,
                Value::Text(t) if t.is_empty() => ws.write_blank(r32, c16, &f.text)?,
                Value::Text(t) => {
                    let fmt = match (Some(c) == coloured, wrap) {
                        (true, _) if unreadable => f.fill(GREY),
                        (true, _) => fill(sheet, &t, en).map_or(&f.text, |k| f.fill(k)),
                        (false, true) => &f.wrap,
                        (false, false) => &f.text,
                    };
                    ws.write_string_with_format(r32, c16, &t, fmt)?
                }
            };
        }
    }
    Ok(widths)
}

/// Widths, the frozen header and the autofilter.
fn lay_out(
    ws: &mut Worksheet,
    widths: &[f64],
    rows: usize,
    cols: usize,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    for (c, w) in widths.iter().enumerate() {
        let c16 = u16::try_from(c).unwrap_or(u16::MAX);
        ws.set_column_width(c16, w.clamp(MIN_WIDTH, MAX_WIDTH))?;
    }
    ws.set_freeze_panes(1, 0)?;
    if cols > 0 {
        let last_row = u32::try_from(rows.saturating_sub(1).max(1)).unwrap_or(u32::MAX);
        let last_col = u16::try_from(cols - 1).unwrap_or(u16::MAX);
        ws.autofilter(0, 0, last_row, last_col)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_round_trips_quotes_commas_line_breaks_and_formula_guards() {
        let csv =
            "\u{FEFF}a,b,c\r\n\"x,y\",\"say \"\"hi\"\"\",\"'=1+1\"\r\n\"two\nlines\",,12.5%\r\n";
        let rows = parse_csv(csv);
        assert_eq!(
            rows,
            vec![
                vec!["a", "b", "c"],
                vec!["x,y", "say \"hi\"", "=1+1"],
                vec!["two\nlines", "", "12.5%"],
            ]
        );
    }

    #[test]
    fn numbers_rates_and_inferred_values() {
        assert_eq!(value("82", false), Value::Number(82.0));
        assert_eq!(value("12.5%", false), Value::Percent(0.125));
        assert_eq!(value("≈12.5%", false), Value::Text("≈12.5%".into()));
        assert_eq!(value("≈82", false), Value::Text("≈82".into()));
        assert_eq!(value("2023", true), Value::Text("2023".into()));
        assert_eq!(value("007", false), Value::Text("007".into()));
        assert_eq!(value("-", false), Value::Text("-".into()));
    }

    #[test]
    fn a_workbook_is_a_zip_with_its_sheet() {
        let book = from_csv(Sheet::Summary, "文件,结论\r\na.txt,需修改\r\n", false).unwrap();
        assert_eq!(&book[..2], b"PK");
        assert!(display_width("需修改") == 6.0);
        assert_eq!(fill(Sheet::Summary, "需修改", false), Some(RED));
        assert_eq!(fill(Sheet::Summary, "Unreadable", true), Some(GREY));
        assert_eq!(fill(Sheet::Issues, "提示", false), Some(YELLOW));
    }
}
