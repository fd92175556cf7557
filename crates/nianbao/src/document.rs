//! The one thing every reader hands the engine: the report's text as the user will see it, and
//! every table that arrived as a grid (Word, web page, PDF with positions).
//!
//! Readers never print a table as text and let the line heuristics guess again: they give the
//! grid (row, column, spans, text) and the [`Builder`] renders it into the text as TAB rows, one
//! grid row per line and one field per grid column, so that findings point at lines the user can
//! see, and each grid cell knows the line and column where its text stands.

use serde::{Deserialize, Serialize};

/// How the input arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Form {
    /// Plain text (typed, pasted as text, or a text file).
    #[default]
    Text,
    /// A Word file (.docx).
    Docx,
    /// A Word 97–2003 file (.doc) or a WPS document (.wps).
    Doc,
    /// A web page saved as a file (.html, .htm).
    Html,
    /// HTML from the clipboard (a web page, Word or WPS copied and pasted).
    PastedHtml,
    /// A PDF's text layer, laid out by glyph positions.
    Pdf,
}

impl Form {
    pub fn name(self) -> &'static str {
        match self {
            Form::Text => "text",
            Form::Docx => "docx",
            Form::Doc => "doc",
            Form::Html => "html",
            Form::PastedHtml => "pasted-html",
            Form::Pdf => "pdf",
        }
    }
}

/// One cell of a grid. `row`/`col` are 0-based grid positions of the cell's top-left corner;
/// positions covered by its spans hold no other cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GridCell {
    pub row: usize,
    pub col: usize,
    pub rowspan: usize,
    pub colspan: usize,
    /// The cell's text; paragraphs (or `<br>`) inside the cell are joined by `\n`.
    pub text: String,
    /// 1-based line and column (in characters) of the cell's text in [`Document::text`]; set by
    /// the [`Builder`].
    pub line: usize,
    pub column: usize,
}

/// A table as the file has it: a grid of cells with their spans.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Grid {
    /// 1-based line in [`Document::text`] of the grid's first row.
    pub line: usize,
    pub rows: usize,
    pub cols: usize,
    /// In reading order: by row, then column (as the [`Builder`] places them; [`Grid::at`] and
    /// [`Grid::row_cells`] rely on it).
    pub cells: Vec<GridCell>,
    /// Where it came from in the file, for people (e.g. "表格 2", "第 3 页").
    pub origin: String,
}

impl Grid {
    /// The cell whose top-left corner is at (row, col) (a binary search: `cells` are in reading
    /// order).
    pub fn at(&self, row: usize, col: usize) -> Option<&GridCell> {
        let i = self
            .cells
            .binary_search_by(|c| (c.row, c.col).cmp(&(row, col)))
            .ok()?;
        self.cells.get(i)
    }

    /// The cell covering (row, col), its own or through a span.
    pub fn covering(&self, row: usize, col: usize) -> Option<&GridCell> {
        self.cells.iter().find(|c| {
            c.row <= row && row < c.row + c.rowspan && c.col <= col && col < c.col + c.colspan
        })
    }

    /// The cells whose top-left corner is in `row`, left to right (a binary search: `cells` are
    /// in reading order).
    pub fn row_cells(&self, row: usize) -> Vec<&GridCell> {
        let start = self.cells.partition_point(|c| c.row < row);
        let end = self.cells.partition_point(|c| c.row <= row);
        self.cells
            .get(start..end)
            .unwrap_or_default()
            .iter()
            .collect()
    }
}

/// Something the reader noticed and the user should know (Chinese and English).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReadNote {
    pub zh: String,
    pub en: String,
}

/// What a reader gives the engine.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Document {
    /// The text the user sees (tables as TAB rows); every line and column in the result points
    /// into it.
    pub text: String,
    /// Every table that arrived as a grid, in reading order.
    pub tables: Vec<Grid>,
    pub form: Form,
    /// The text encoding of the file ("utf-8", "utf-16le", "gb18030" …); for Word and PDF the
    /// encoding of the text they carry ("utf-8").
    pub encoding: String,
    pub notes: Vec<ReadNote>,
    /// A PDF's pages: entry `i` is the 1-based line of [`Document::text`] where page `i + 1`
    /// starts (empty for other forms). [`Document::page_of`] reads it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<usize>,
    /// A Word file's paragraphs outside tables: entry `i` is the 1-based line where paragraph
    /// `i + 1` (counting paragraphs with text) starts (empty for other forms).
    /// [`Document::paragraph_of`] reads it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paragraphs: Vec<usize>,
}

impl Document {
    /// Text that arrived as text: no grids.
    pub fn from_text(text: &str, encoding: &str) -> Document {
        Document {
            text: text.strip_prefix('\u{FEFF}').unwrap_or(text).to_string(),
            tables: Vec::new(),
            form: Form::Text,
            encoding: encoding.to_string(),
            notes: Vec::new(),
            pages: Vec::new(),
            paragraphs: Vec::new(),
        }
    }

    /// The 1-based PDF page on which `line` stands (None: not a PDF, or no pages recorded).
    pub fn page_of(&self, line: usize) -> Option<usize> {
        match self.pages.partition_point(|&start| start <= line) {
            0 => None,
            n => Some(n),
        }
    }

    /// The 1-based Word paragraph `line` belongs to (None: not a Word file, a table's line, or
    /// before the first paragraph).
    pub fn paragraph_of(&self, line: usize) -> Option<usize> {
        if self.grid_at(line).is_some() {
            return None;
        }
        match self.paragraphs.partition_point(|&start| start <= line) {
            0 => None,
            n => Some(n),
        }
    }

    /// The grid drawn on `line`, with its 0-based index in [`Document::tables`].
    pub fn grid_at(&self, line: usize) -> Option<(usize, &Grid)> {
        self.tables
            .iter()
            .enumerate()
            .find(|(_, g)| g.line <= line && line < g.line + g.rows)
    }
}

/// A cell as a reader hands it to [`Builder::table`]: position, spans and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellIn {
    pub row: usize,
    pub col: usize,
    pub rowspan: usize,
    pub colspan: usize,
    pub text: String,
}

/// Builds a [`Document`]: paragraphs and tables in reading order.
#[derive(Debug, Default)]
pub struct Builder {
    doc: Document,
    lines: usize,
}

/// Text of one line: no line breaks inside, runs of whitespace other than TAB kept as they are.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if matches!(c, '\n' | '\r') { ' ' } else { c })
        .collect()
}

/// A cell's text as one TAB field: whitespace (line breaks, tabs, full-width spaces) folded to
/// single spaces, trimmed.
pub fn field_text(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The most positions (rows × columns) a grid may have: its text holds a TAB or a line end for
/// each, and placing its cells marks each once. The readers refuse larger tables first (a web
/// page's, with a message); this bounds any other (a PDF's, cells far apart).
pub const MAX_GRID: usize = 4_000_000;

/// The cells of a `rows` × `cols` grid in reading order (by row, then column), each position
/// claimed once: a cell at a position an earlier span covers is dropped, and a span is cut at
/// the first position already taken. Each position is marked once and each cell looks at most at
/// one row of positions it does not take: linear in positions and cells.
fn place(cells: Vec<CellIn>, rows: usize, cols: usize) -> Vec<GridCell> {
    let mut taken = vec![false; rows * cols];
    let mut kept: Vec<GridCell> = Vec::with_capacity(cells.len());
    let mut sorted = cells;
    sorted.sort_by_key(|c| (c.row, c.col));
    for c in sorted {
        if taken[c.row * cols + c.col] {
            continue;
        }
        let rs = c.rowspan.max(1);
        let mut cs = c.colspan.max(1);
        // Cut a column span at the first taken position.
        for k in 1..cs {
            if taken[c.row * cols + c.col + k] {
                cs = k;
                break;
            }
        }
        let mut rs_ok = rs;
        'rows: for r in 1..rs {
            for k in 0..cs {
                if taken[(c.row + r) * cols + c.col + k] {
                    rs_ok = r;
                    break 'rows;
                }
            }
        }
        for r in 0..rs_ok {
            for k in 0..cs {
                taken[(c.row + r) * cols + c.col + k] = true;
            }
        }
        kept.push(GridCell {
            row: c.row,
            col: c.col,
            rowspan: rs_ok,
            colspan: cs,
            text: c.text.trim_matches(|ch: char| ch == '\n').to_string(),
            line: 0,
            column: 0,
        });
    }
    kept
}

impl Builder {
    pub fn new(form: Form, encoding: &str) -> Builder {
        Builder {
            doc: Document {
                form,
                encoding: encoding.to_string(),
                ..Default::default()
            },
            lines: 0,
        }
    }

    fn push_line(&mut self, line: &str) {
        if self.lines > 0 {
            self.doc.text.push('\n');
        }
        self.doc.text.push_str(line);
        self.lines += 1;
    }

    /// A paragraph (one line of text; line breaks inside become spaces). Empty paragraphs are
    /// kept as empty lines only once in a row.
    pub fn paragraph(&mut self, text: &str) {
        let t = one_line(text);
        let t = t.trim_end();
        if t.trim().is_empty() {
            if self.lines > 0 && !self.doc.text.ends_with('\n') && !self.last_line_empty() {
                self.push_line("");
            }
            return;
        }
        self.push_line(t);
    }

    /// The next content starts on PDF page `page` (1-based): records the pages' first lines.
    pub fn at_page(&mut self, page: usize) {
        while self.doc.pages.len() < page {
            self.doc.pages.push(self.lines + 1);
        }
    }

    /// PDF page `page` starts at `line` (a table's row continued on that page), when that line
    /// has been drawn and the page's start is not recorded yet.
    pub fn page_starts(&mut self, line: usize, page: usize) {
        if line <= self.lines {
            while self.doc.pages.len() < page {
                self.doc.pages.push(line);
            }
        }
    }

    /// The lines drawn so far.
    pub fn line_count(&self) -> usize {
        self.lines
    }

    /// A Word paragraph with text started at line `line` (what [`Builder::line_count`] was
    /// before it, plus one).
    pub fn paragraph_started(&mut self, line: usize) {
        if line <= self.lines && self.doc.paragraphs.last().is_none_or(|&l| l < line) {
            self.doc.paragraphs.push(line);
        }
    }

    fn last_line_empty(&self) -> bool {
        self.doc.text.rsplit('\n').next().is_some_and(str::is_empty)
    }

    /// A note for the user about how the file was read.
    pub fn note(&mut self, zh: impl Into<String>, en: impl Into<String>) {
        let n = ReadNote {
            zh: zh.into(),
            en: en.into(),
        };
        if !self.doc.notes.contains(&n) {
            self.doc.notes.push(n);
        }
    }

    /// A table: its cells with positions and spans. Cells overlapping an earlier cell's span are
    /// dropped; spans are cut to the grid. Rendered as TAB rows, one line per grid row and one
    /// field per grid column (empty fields where a span covers the position). Empty grids are
    /// ignored; a grid of more than [`MAX_GRID`] positions is left out with a note. Linear in the
    /// grid's positions and cells.
    pub fn table(&mut self, cells: Vec<CellIn>, origin: impl Into<String>) {
        let end = |at: usize, span: usize| at.saturating_add(span.max(1));
        let rows = cells
            .iter()
            .map(|c| end(c.row, c.rowspan))
            .max()
            .unwrap_or(0);
        let cols = cells
            .iter()
            .map(|c| end(c.col, c.colspan))
            .max()
            .unwrap_or(0);
        if rows == 0 || cols == 0 || cells.iter().all(|c| c.text.trim().is_empty()) {
            return;
        }
        if rows.saturating_mul(cols) > MAX_GRID {
            self.note(
                format!("有表格超过{MAX_GRID}个格位（行数×列数），过大，未读取"),
                format!(
                    "a table of more than {MAX_GRID} positions (rows × columns) is too large and was left out"
                ),
            );
            return;
        }
        let mut kept = place(cells, rows, cols);
        let first_line = self.lines + 1;
        // `kept` is in reading order (by row, then column): one pass draws every row.
        let mut next = 0;
        for r in 0..rows {
            let mut line = String::new();
            let mut chars = 0;
            for c in 0..cols {
                if c > 0 {
                    line.push('\t');
                    chars += 1;
                }
                if let Some(cell) = kept.get_mut(next).filter(|k| k.row == r && k.col == c) {
                    let f = field_text(&cell.text);
                    cell.line = first_line + r;
                    cell.column = chars + 1;
                    chars += f.chars().count();
                    line.push_str(&f);
                    next += 1;
                }
            }
            self.push_line(&line);
        }
        self.doc.tables.push(Grid {
            line: first_line,
            rows,
            cols,
            cells: kept,
            origin: origin.into(),
        });
    }

    pub fn finish(mut self) -> Document {
        while self.doc.text.ends_with('\n') {
            self.doc.text.pop();
        }
        self.doc
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(row: usize, col: usize, rs: usize, cs: usize, t: &str) -> CellIn {
        CellIn {
            row,
            col,
            rowspan: rs,
            colspan: cs,
            text: t.to_string(),
        }
    }

    #[test]
    fn tables_render_as_tab_rows_with_positions() {
        let mut b = Builder::new(Form::Docx, "utf-8");
        b.paragraph("标题");
        b.table(
            vec![
                c(0, 0, 2, 1, "三、本年度\n办理结果"),
                c(0, 1, 1, 1, "（一）予以公开"),
                c(0, 2, 1, 1, "3"),
                c(1, 1, 1, 1, "（二）部分公开"),
                c(1, 2, 1, 1, "　"),
            ],
            "表格 1",
        );
        b.paragraph("后文");
        let d = b.finish();
        assert_eq!(
            d.text,
            "标题\n三、本年度 办理结果\t（一）予以公开\t3\n\t（二）部分公开\t\n后文"
        );
        let g = &d.tables[0];
        assert_eq!((g.line, g.rows, g.cols), (2, 2, 3));
        let three = g.at(0, 2).unwrap();
        assert_eq!((three.line, three.column), (2, 20));
        let blank = g.at(1, 2).unwrap();
        assert_eq!((blank.line, blank.column), (3, 10));
        assert_eq!(g.covering(1, 0).unwrap().text, "三、本年度\n办理结果");
    }

    #[test]
    fn overlapping_cells_do_not_share_a_position() {
        let mut b = Builder::new(Form::Html, "utf-8");
        b.table(
            vec![c(0, 0, 2, 2, "a"), c(1, 1, 1, 1, "b"), c(1, 2, 1, 1, "c")],
            "",
        );
        let d = b.finish();
        assert_eq!(d.tables[0].cells.len(), 2);
        assert_eq!(d.text, "a\t\t\n\t\tc");
    }
}
