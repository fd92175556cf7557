//! Word files (.docx): the body of `word/document.xml` in document order, paragraphs as lines and
//! tables as grids with their merges (`w:gridSpan`, `w:vMerge`, `w:hMerge`, `w:gridBefore`,
//! `w:gridAfter`). Headers, footers, footnotes and comments are not part of the report's text.
//!
//! Headings that Word numbers by itself ("一、" from a list level, set on the paragraph or through
//! its style) carry their number only in `word/numbering.xml`; it is restored into the text, or
//! no part would be found.
//!
//! Hostile files: the XML parts read are capped in size, tables nested deeper than
//! [`MAX_TABLE_DEPTH`] are flattened into their cell, and nothing here indexes file data in a way
//! that can panic.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::ReadError;
use crate::document::{Builder, CellIn, Document, Form};

/// Largest uncompressed `word/document.xml` read.
pub const MAX_DOCUMENT_XML: u64 = 64 << 20;
/// Largest uncompressed `word/styles.xml` / `word/numbering.xml` read.
const MAX_AUX_XML: u64 = 16 << 20;
/// Tables nested deeper than this are flattened into the cell that holds them.
pub const MAX_TABLE_DEPTH: usize = 32;
/// Paragraphs and text boxes nested deeper than this (a paragraph in a text box in a paragraph
/// …) are read as part of the one that holds them: the tree built stays shallow enough to walk
/// and drop by recursion.
pub const MAX_NESTING: usize = 128;
/// Style inheritance (`w:basedOn`) followed at most this far.
const MAX_STYLE_CHAIN: usize = 16;
/// Widest span or skipped-column count believed.
const MAX_SPAN: usize = 64;
/// Table cells in one file (as for a web page); a file with more is refused.
const MAX_CELLS: usize = 200_000;

const MAIN_NS: &[&[u8]] = &[
    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    b"http://purl.oclc.org/ooxml/wordprocessingml/main",
];

fn cannot(zh: &str, en: &str) -> ReadError {
    ReadError::new(
        format!("无法读取此Word文件：{zh}，请在Word或WPS中另存为.docx后再试"),
        format!("cannot read this Word file: {en}; save it as .docx in Word or WPS and try again"),
    )
}

fn encrypted() -> ReadError {
    ReadError::new(
        "此Word文件已加密（设有密码）：请在Word中取消密码保护后另存为.docx再试",
        "this Word file is encrypted (password protected): remove the password in Word, save as .docx and try again",
    )
}

fn zip_error(e: zip::result::ZipError) -> ReadError {
    use zip::result::ZipError;
    match e {
        ZipError::UnsupportedArchive(m) if m == ZipError::PASSWORD_REQUIRED => encrypted(),
        ZipError::UnsupportedArchive(_) => cannot(
            "文件使用了不支持的压缩方式",
            "it uses an unsupported compression method",
        ),
        ZipError::FileNotFound => cannot(
            "文件中没有正文（word/document.xml）",
            "it has no document body (word/document.xml)",
        ),
        _ => cannot("文件不完整或已损坏", "the file is incomplete or damaged"),
    }
}

/// One part of the package, uncompressed, at most `cap` bytes; None when absent.
fn part(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    cap: u64,
) -> Result<Option<Vec<u8>>, ReadError> {
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(zip_error(e)),
    };
    if file.encrypted() {
        return Err(encrypted());
    }
    let too_big = || {
        cannot(
            &format!("{name}超过{}MB", cap >> 20),
            &format!("{name} is larger than {} MB", cap >> 20),
        )
    };
    if file.size() > cap {
        return Err(too_big());
    }
    let mut out = Vec::with_capacity(file.size().min(cap) as usize);
    // The declared size may lie: never read more than the cap.
    file.take(cap + 1)
        .read_to_end(&mut out)
        .map_err(|_| cannot("文件不完整或已损坏", "the file is incomplete or damaged"))?;
    if out.len() as u64 > cap {
        return Err(too_big());
    }
    Ok(Some(out))
}

/// Reads a .docx file.
pub fn read(bytes: &[u8]) -> Result<Document, ReadError> {
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        // An encrypted .docx is an OLE container, not a zip.
        return Err(encrypted());
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| match e {
        zip::result::ZipError::InvalidArchive(_) | zip::result::ZipError::Io(_) => cannot(
            "这不是有效的Word（.docx）文件，或文件不完整",
            "this is not a valid Word (.docx) file, or it is incomplete",
        ),
        e => zip_error(e),
    })?;
    let Some(xml) = part(&mut zip, "word/document.xml", MAX_DOCUMENT_XML)? else {
        return Err(cannot(
            "文件中没有正文（word/document.xml）",
            "it has no document body (word/document.xml)",
        ));
    };
    let styles = part(&mut zip, "word/styles.xml", MAX_AUX_XML)?
        .map(|x| parse_styles(&x))
        .unwrap_or_default();
    let numbering = part(&mut zip, "word/numbering.xml", MAX_AUX_XML)?
        .map(|x| parse_numbering(&x))
        .unwrap_or_default();
    let body = parse_body(&xml)?;
    Ok(render(&body, &styles, &numbering))
}

/// Reads `word/document.xml` alone (with optional styles and numbering parts): for tests and
/// tools that build the XML by hand.
pub fn read_xml(
    document: &[u8],
    styles: Option<&[u8]>,
    numbering: Option<&[u8]>,
) -> Result<Document, ReadError> {
    let styles = styles.map(parse_styles).unwrap_or_default();
    let numbering = numbering.map(parse_numbering).unwrap_or_default();
    let body = parse_body(document)?;
    Ok(render(&body, &styles, &numbering))
}

// ---------------------------------------------------------------------------------------------
// The body as a small tree.

// The .doc reader (`read/doc.rs`) builds the same tree and renders it with [`render_as`].

#[derive(Debug, Default)]
pub(super) struct Para {
    pub(super) text: String,
    pub(super) style: Option<String>,
    pub(super) num_id: Option<u32>,
    pub(super) ilvl: Option<usize>,
    /// Text boxes anchored in the paragraph, read after it.
    pub(super) floats: Vec<Block>,
}

#[derive(Debug, Default)]
pub(super) struct Table {
    pub(super) rows: Vec<Row>,
}

#[derive(Debug, Default)]
pub(super) struct Row {
    pub(super) before: usize,
    pub(super) cells: Vec<Cell>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) enum VMerge {
    #[default]
    None,
    Restart,
    Continue,
}

#[derive(Debug)]
pub(super) struct Cell {
    pub(super) span: usize,
    pub(super) vmerge: VMerge,
    pub(super) hmerge_continue: bool,
    pub(super) blocks: Vec<Block>,
}

#[derive(Debug)]
pub(super) enum Block {
    P(Para),
    T(Table),
}

enum Frame {
    Body(Vec<Block>),
    TextBox(Vec<Block>),
    Para(Para),
    Table(Table),
    Row(Row),
    Cell(Cell),
}

/// Elements whose place in the tree matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    P,
    PPr,
    NumPr,
    R,
    T,
    TrPr,
    TcPr,
    /// A table past the depth limit.
    FlatTbl,
    Other,
}

/// Word elements whose content is not the document's current text.
const SKIPPED: &[&[u8]] = &[
    b"pPrChange",
    b"rPrChange",
    b"tblPrChange",
    b"tcPrChange",
    b"trPrChange",
    b"sectPrChange",
    b"tblGridChange",
    b"numberingChange",
    b"moveFrom",
    b"del",
    b"delText",
    b"instrText",
    b"rt",
];

fn val(e: &BytesStart) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == b"val")
            .then(|| a.unescape_value().ok().map(|v| v.into_owned()))
            .flatten()
    })
}

fn attr(e: &BytesStart, local: &[u8]) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == local)
            .then(|| a.unescape_value().ok().map(|v| v.into_owned()))
            .flatten()
    })
}

fn num<T: std::str::FromStr>(s: Option<String>) -> Option<T> {
    s.and_then(|s| s.trim().parse().ok())
}

/// The prefix bound to WordprocessingML's namespace on the root element ("w" unless declared
/// otherwise).
fn main_prefix(e: &BytesStart) -> Vec<u8> {
    for a in e.attributes().flatten() {
        let key = a.key.as_ref();
        if let Some(p) = key.strip_prefix(b"xmlns:") {
            if MAIN_NS.contains(&a.value.as_ref()) {
                return p.to_vec();
            }
        }
    }
    b"w".to_vec()
}

fn too_many_cells() -> ReadError {
    ReadError::new(
        format!("Word文件中的表格单元格超过{MAX_CELLS}个，无法读取"),
        format!("the Word file has more than {MAX_CELLS} table cells and cannot be read"),
    )
}

fn damaged_xml() -> ReadError {
    cannot(
        "正文（word/document.xml）已损坏",
        "its body (word/document.xml) is damaged",
    )
}

/// Adds a finished block to the innermost frame that holds blocks.
fn add_block(stack: &mut [Frame], block: Block) {
    for f in stack.iter_mut().rev() {
        match f {
            Frame::Body(v) | Frame::TextBox(v) => return v.push(block),
            Frame::Cell(c) => return c.blocks.push(block),
            Frame::Para(p) => return p.floats.push(block),
            Frame::Table(_) | Frame::Row(_) => {}
        }
    }
}

fn push_text(stack: &mut [Frame], s: &str) {
    if let Some(Frame::Para(p)) = stack.last_mut() {
        p.text.push_str(s);
    }
}

/// Closes the innermost frame and hands what it built to the frame below.
fn end_frame(stack: &mut Vec<Frame>, table_depth: &mut usize) {
    if stack.len() <= 1 {
        return;
    }
    match stack.pop() {
        Some(Frame::Para(p)) => add_block(stack, Block::P(p)),
        Some(Frame::Table(t)) => {
            *table_depth = table_depth.saturating_sub(1);
            add_block(stack, Block::T(t));
        }
        Some(Frame::Row(r)) => {
            if let Some(Frame::Table(t)) = stack.last_mut() {
                t.rows.push(r);
            }
        }
        Some(Frame::Cell(c)) => {
            if let Some(Frame::Row(r)) = stack.last_mut() {
                r.cells.push(c);
            }
        }
        Some(Frame::TextBox(v)) => {
            for b in v {
                add_block(stack, b);
            }
        }
        Some(Frame::Body(_)) | None => {}
    }
}

fn parse_body(xml: &[u8]) -> Result<Vec<Block>, ReadError> {
    let mut reader = Reader::from_reader(xml);
    reader.config_mut().trim_text(false);
    let mut prefix: Option<Vec<u8>> = None;
    let mut body = BodyReader {
        stack: vec![Frame::Body(Vec::new())],
        open: Vec::new(),
        skip_at: 0,
        table_depth: 0,
        flattened: 0,
        cells: 0,
    };
    loop {
        let ev = reader.read_event().map_err(|_| damaged_xml())?;
        let (e, empty) = match ev {
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::End(_) => {
                body.end()?;
                continue;
            }
            Event::Text(t) => {
                if body.in_text() {
                    match t.unescape() {
                        Ok(s) => push_text(&mut body.stack, &s),
                        Err(_) => push_text(&mut body.stack, &String::from_utf8_lossy(t.as_ref())),
                    }
                }
                continue;
            }
            Event::CData(t) => {
                if body.in_text() {
                    push_text(&mut body.stack, &String::from_utf8_lossy(t.as_ref()));
                }
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        let prefix = prefix.get_or_insert_with(|| main_prefix(&e));
        body.start(&e, empty, prefix);
        if body.cells > MAX_CELLS {
            return Err(too_many_cells());
        }
    }
    Ok(body.finish())
}

/// The state of reading a document's body.
struct BodyReader {
    stack: Vec<Frame>,
    /// Per open element: its tag and whether it pushed a frame.
    open: Vec<(Tag, bool)>,
    /// Number of open elements when a skipped element opened; 0 when not inside one.
    skip_at: usize,
    table_depth: usize,
    /// Open tables past the depth limit: flattened into the cell that holds them.
    flattened: usize,
    /// Table cells opened so far (at most [`MAX_CELLS`]).
    cells: usize,
}

impl BodyReader {
    /// Inside a run's text, not inside a skipped element.
    fn in_text(&self) -> bool {
        self.skip_at == 0 && self.open.last().is_some_and(|o| o.0 == Tag::T)
    }

    /// An element ends: its frame, if it pushed one, goes into its parent.
    fn end(&mut self) -> Result<(), ReadError> {
        let Some((tag, pushed)) = self.open.pop() else {
            return Err(damaged_xml());
        };
        if self.skip_at > self.open.len() {
            self.skip_at = 0;
        }
        if tag == Tag::FlatTbl {
            self.flattened = self.flattened.saturating_sub(1);
        }
        if pushed {
            end_frame(&mut self.stack, &mut self.table_depth);
        }
        Ok(())
    }

    /// An element starts (`empty`: and ends at once); `prefix` is the main namespace's.
    fn start(&mut self, e: &BytesStart, empty: bool, prefix: &[u8]) {
        let name = e.name();
        let is_w = name.prefix().map(|p| p.into_inner()).unwrap_or(b"") == prefix;
        let local = name.local_name();
        let local = local.as_ref();
        let mut tag = Tag::Other;
        let mut pushed = false;
        if self.skip_at == 0 {
            if (is_w && SKIPPED.contains(&local)) || (!is_w && local == b"Fallback") {
                if !empty {
                    self.skip_at = self.open.len() + 1;
                }
            } else if is_w {
                (tag, pushed) = self.word_element(local, e, empty);
            }
        }
        if !empty {
            self.open.push((tag, pushed));
        }
    }

    /// A WordprocessingML element of paragraphs and runs (tables: `table_element`): its tag and
    /// whether it pushed a frame.
    fn word_element(&mut self, local: &[u8], e: &BytesStart, empty: bool) -> (Tag, bool) {
        let parent = self.open.last().map(|o| o.0);
        let stack = &mut self.stack;
        match local {
            b"p" => {
                if empty {
                    add_block(stack, Block::P(Para::default()));
                    return (Tag::P, false);
                } else if stack.len() < MAX_NESTING {
                    stack.push(Frame::Para(Para::default()));
                    return (Tag::P, true);
                }
            }
            b"pPr" if parent == Some(Tag::P) => return (Tag::PPr, false),
            b"numPr" if parent == Some(Tag::PPr) => return (Tag::NumPr, false),
            b"pStyle" if parent == Some(Tag::PPr) => {
                if let Some(Frame::Para(p)) = stack.last_mut() {
                    p.style = val(e);
                }
            }
            b"numId" if parent == Some(Tag::NumPr) => {
                if let Some(Frame::Para(p)) = stack.last_mut() {
                    p.num_id = num(val(e));
                }
            }
            b"ilvl" if parent == Some(Tag::NumPr) => {
                if let Some(Frame::Para(p)) = stack.last_mut() {
                    p.ilvl = num(val(e));
                }
            }
            b"r" => return (Tag::R, false),
            b"t" if parent == Some(Tag::R) => return (Tag::T, false),
            b"tab" | b"ptab" if parent == Some(Tag::R) => push_text(stack, "\t"),
            b"br" | b"cr" if parent == Some(Tag::R) => push_text(stack, "\n"),
            b"noBreakHyphen" if parent == Some(Tag::R) => push_text(stack, "-"),
            b"txbxContent" if !empty && stack.len() < MAX_NESTING => {
                stack.push(Frame::TextBox(Vec::new()));
                return (Tag::Other, true);
            }
            _ => return self.table_element(local, parent, e, empty),
        }
        (Tag::Other, false)
    }

    /// A WordprocessingML element of tables, rows and cells: its tag and whether it pushed a
    /// frame.
    fn table_element(
        &mut self,
        local: &[u8],
        parent: Option<Tag>,
        e: &BytesStart,
        empty: bool,
    ) -> (Tag, bool) {
        let stack = &mut self.stack;
        match local {
            b"tbl" if !empty => {
                if self.flattened > 0 || self.table_depth >= MAX_TABLE_DEPTH {
                    self.flattened += 1;
                    return (Tag::FlatTbl, false);
                }
                self.table_depth += 1;
                stack.push(Frame::Table(Table::default()));
                return (Tag::Other, true);
            }
            b"tr" if !empty && matches!(stack.last(), Some(Frame::Table(_))) => {
                stack.push(Frame::Row(Row::default()));
                return (Tag::Other, true);
            }
            b"trPr" | b"tblPrEx" if matches!(stack.last(), Some(Frame::Row(_))) => {
                return (Tag::TrPr, false);
            }
            b"gridBefore" if parent == Some(Tag::TrPr) => {
                if let Some(Frame::Row(r)) = stack.last_mut() {
                    r.before = num::<usize>(val(e)).unwrap_or(0).min(MAX_SPAN);
                }
            }
            b"tc" if !empty && matches!(stack.last(), Some(Frame::Row(_))) => {
                self.cells += 1;
                stack.push(Frame::Cell(Cell {
                    span: 1,
                    vmerge: VMerge::None,
                    hmerge_continue: false,
                    blocks: Vec::new(),
                }));
                return (Tag::Other, true);
            }
            b"tcPr" if self.flattened == 0 && matches!(stack.last(), Some(Frame::Cell(_))) => {
                return (Tag::TcPr, false);
            }
            b"gridSpan" if parent == Some(Tag::TcPr) => {
                if let Some(Frame::Cell(c)) = stack.last_mut() {
                    c.span = num::<usize>(val(e)).unwrap_or(1).clamp(1, MAX_SPAN);
                }
            }
            b"vMerge" if parent == Some(Tag::TcPr) => {
                if let Some(Frame::Cell(c)) = stack.last_mut() {
                    c.vmerge = match val(e).as_deref() {
                        Some("restart") => VMerge::Restart,
                        _ => VMerge::Continue,
                    };
                }
            }
            b"hMerge" if parent == Some(Tag::TcPr) => {
                if let Some(Frame::Cell(c)) = stack.last_mut() {
                    c.hmerge_continue = val(e).as_deref() != Some("restart");
                }
            }
            _ => {}
        }
        (Tag::Other, false)
    }

    /// Cut off part-way: keep what was read.
    fn finish(mut self) -> Vec<Block> {
        while self.stack.len() > 1 {
            end_frame(&mut self.stack, &mut self.table_depth);
        }
        match self.stack.pop() {
            Some(Frame::Body(v)) => v,
            _ => Vec::new(),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Styles and numbering.

/// A paragraph style's list numbering and its parent style.
#[derive(Debug, Default, Clone)]
struct Style {
    based_on: Option<String>,
    num_id: Option<u32>,
    ilvl: Option<usize>,
}

#[derive(Debug, Default)]
pub(super) struct Styles {
    by_id: HashMap<String, Style>,
    /// The default paragraph style's id.
    default: Option<String>,
}

fn parse_styles(xml: &[u8]) -> Styles {
    let mut out = Styles::default();
    let mut reader = Reader::from_reader(xml);
    let mut cur: Option<(String, Style)> = None;
    let mut in_num_pr = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => {
                let name = e.name();
                match name.local_name().as_ref() {
                    b"style" => {
                        if let Some((id, st)) = cur.take() {
                            out.by_id.insert(id, st);
                        }
                        if let Some(id) = attr(&e, b"styleId") {
                            if attr(&e, b"type").as_deref() == Some("paragraph")
                                && matches!(attr(&e, b"default").as_deref(), Some("1" | "true"))
                            {
                                out.default = Some(id.clone());
                            }
                            cur = Some((id, Style::default()));
                        }
                    }
                    b"basedOn" => {
                        if let Some((_, st)) = cur.as_mut() {
                            st.based_on = val(&e);
                        }
                    }
                    b"numPr" => in_num_pr = true,
                    b"numId" if in_num_pr => {
                        if let Some((_, st)) = cur.as_mut() {
                            st.num_id = num(val(&e));
                        }
                    }
                    b"ilvl" if in_num_pr => {
                        if let Some((_, st)) = cur.as_mut() {
                            st.ilvl = num(val(&e));
                        }
                    }
                    _ => {}
                }
            }
            Ok(Event::End(e)) => match e.name().local_name().as_ref() {
                b"numPr" => in_num_pr = false,
                b"style" => {
                    if let Some((id, st)) = cur.take() {
                        out.by_id.insert(id, st);
                    }
                }
                _ => {}
            },
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    if let Some((id, st)) = cur.take() {
        out.by_id.insert(id, st);
    }
    out
}

impl Styles {
    /// The list (numId, ilvl) a paragraph style gives, following `w:basedOn`.
    fn numbering(&self, id: Option<&str>) -> (Option<u32>, Option<usize>) {
        let mut id = id.or(self.default.as_deref());
        let (mut num_id, mut ilvl) = (None, None);
        for _ in 0..MAX_STYLE_CHAIN {
            let Some(st) = id.and_then(|i| self.by_id.get(i)) else {
                break;
            };
            if ilvl.is_none() {
                ilvl = st.ilvl;
            }
            if st.num_id.is_some() {
                num_id = st.num_id;
                break;
            }
            id = st.based_on.as_deref();
        }
        (num_id, ilvl)
    }
}

#[derive(Debug, Clone, Default)]
pub(super) struct Level {
    pub(super) start: Option<u32>,
    pub(super) fmt: String,
    pub(super) text: Option<String>,
    pub(super) suffix: Option<String>,
    pub(super) legal: bool,
}

#[derive(Debug, Default)]
pub(super) struct Num {
    pub(super) abstract_id: Option<String>,
    /// Per level: a start override and/or a whole level.
    pub(super) overrides: HashMap<usize, (Option<u32>, Option<Level>)>,
}

#[derive(Debug, Default)]
pub(super) struct Numbering {
    pub(super) abstracts: HashMap<String, HashMap<usize, Level>>,
    pub(super) nums: HashMap<u32, Num>,
}

pub(super) const LEVELS: usize = 9;

fn parse_numbering(xml: &[u8]) -> Numbering {
    let mut out = Numbering::default();
    let mut reader = Reader::from_reader(xml);
    // Where we are: the abstractNum or num being read, the override level, the level.
    let mut abs: Option<(String, HashMap<usize, Level>)> = None;
    let mut numdef: Option<(u32, Num)> = None;
    let mut over: Option<usize> = None;
    let mut lvl: Option<(usize, Level)> = None;
    loop {
        let (e, empty) = match reader.read_event() {
            Ok(Event::Start(e)) => (e, false),
            Ok(Event::Empty(e)) => (e, true),
            Ok(Event::End(e)) => {
                match e.name().local_name().as_ref() {
                    b"lvl" => {
                        if let Some((i, l)) = lvl.take() {
                            if let Some((_, levels)) = abs.as_mut() {
                                levels.insert(i, l);
                            } else if let Some((_, n)) = numdef.as_mut() {
                                n.overrides.entry(i).or_default().1 = Some(l);
                            }
                        }
                    }
                    b"lvlOverride" => over = None,
                    b"abstractNum" => {
                        if let Some((id, levels)) = abs.take() {
                            out.abstracts.insert(id, levels);
                        }
                    }
                    b"num" => {
                        if let Some((id, n)) = numdef.take() {
                            out.nums.insert(id, n);
                        }
                    }
                    _ => {}
                }
                continue;
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => continue,
        };
        let name = e.name();
        match name.local_name().as_ref() {
            b"abstractNum" if !empty => {
                abs = attr(&e, b"abstractNumId").map(|id| (id, HashMap::new()));
            }
            b"num" if !empty => {
                numdef = num::<u32>(attr(&e, b"numId")).map(|id| (id, Num::default()));
            }
            b"abstractNumId" => {
                if let Some((_, n)) = numdef.as_mut() {
                    n.abstract_id = val(&e);
                }
            }
            b"lvlOverride" if !empty => over = num(attr(&e, b"ilvl")),
            b"startOverride" => {
                if let (Some(i), Some((_, n))) = (over, numdef.as_mut()) {
                    n.overrides.entry(i).or_default().0 = num(val(&e));
                }
            }
            b"lvl" if !empty => {
                lvl = num::<usize>(attr(&e, b"ilvl"))
                    .filter(|&i| i < LEVELS)
                    .map(|i| (i, Level::default()));
            }
            b"start" => {
                if let Some((_, l)) = lvl.as_mut() {
                    l.start = num(val(&e));
                }
            }
            b"numFmt" => {
                if let Some((_, l)) = lvl.as_mut() {
                    l.fmt = val(&e).unwrap_or_default();
                }
            }
            b"lvlText" => {
                if let Some((_, l)) = lvl.as_mut() {
                    l.text = val(&e);
                }
            }
            b"suff" => {
                if let Some((_, l)) = lvl.as_mut() {
                    l.suffix = val(&e);
                }
            }
            b"isLgl" => {
                if let Some((_, l)) = lvl.as_mut() {
                    l.legal = !matches!(val(&e).as_deref(), Some("0" | "false"));
                }
            }
            _ => {}
        }
    }
    out
}

impl Numbering {
    /// The level definition of list `num_id` at `ilvl`, and its start value.
    fn level(&self, num_id: u32, ilvl: usize) -> Option<(Level, u32)> {
        let n = self.nums.get(&num_id)?;
        let (start_over, lvl_over) = n.overrides.get(&ilvl).cloned().unwrap_or_default();
        let level = match lvl_over {
            Some(l) => l,
            None => n
                .abstract_id
                .as_ref()
                .and_then(|a| self.abstracts.get(a))
                .and_then(|levels| levels.get(&ilvl))?
                .clone(),
        };
        let start = start_over.or(level.start).unwrap_or(1);
        Some((level, start))
    }
}

const CN_DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五 (up to 99999; larger as digits).
fn chinese(n: u32) -> String {
    if n == 0 {
        return "〇".into();
    }
    if n >= 100_000 {
        return n.to_string();
    }
    let units = ['万', '千', '百', '十'];
    let digits = [n / 10000, n / 1000 % 10, n / 100 % 10, n / 10 % 10];
    let mut s = String::new();
    let mut zero = false;
    for (k, &d) in digits.iter().enumerate() {
        if d == 0 {
            zero = !s.is_empty();
            continue;
        }
        if zero {
            s.push('〇');
            zero = false;
        }
        if !(d == 1 && k == 3 && s.is_empty()) {
            s.push(CN_DIGITS[d as usize]);
        }
        s.push(units[k]);
    }
    let last = n % 10;
    if last > 0 {
        if zero {
            s.push('〇');
        }
        s.push(CN_DIGITS[last as usize]);
    }
    s.replace('〇', "零")
}

fn legal_chinese(n: u32) -> String {
    chinese(n)
        .chars()
        .map(|c| match c {
            '一' => '壹',
            '二' => '贰',
            '三' => '叁',
            '四' => '肆',
            '五' => '伍',
            '六' => '陆',
            '七' => '柒',
            '八' => '捌',
            '九' => '玖',
            '十' => '拾',
            '百' => '佰',
            '千' => '仟',
            c => c,
        })
        .collect()
}

fn letters(n: u32, upper: bool) -> String {
    if n == 0 {
        return String::new();
    }
    let base = if upper { b'A' } else { b'a' };
    let c = (base + ((n - 1) % 26) as u8) as char;
    std::iter::repeat_n(c, ((n - 1) / 26 + 1).min(10) as usize).collect()
}

fn roman(mut n: u32, upper: bool) -> String {
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    let table = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut s = String::new();
    for (v, r) in table {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    if upper {
        s.to_uppercase()
    } else {
        s
    }
}

/// A counter value in a `w:numFmt`.
fn format_number(n: u32, fmt: &str) -> String {
    const TIANGAN: [char; 10] = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
    const DIZHI: [char; 12] = [
        '子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥',
    ];
    match fmt {
        "chineseCounting"
        | "chineseCountingThousand"
        | "ideographDigital"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand"
        | "japaneseCounting" => chinese(n),
        "chineseLegalSimplified" | "ideographLegalTraditional" => legal_chinese(n),
        "ideographTraditional" if (1..=10).contains(&n) => TIANGAN[(n - 1) as usize].to_string(),
        "ideographZodiac" if (1..=12).contains(&n) => DIZHI[(n - 1) as usize].to_string(),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32(0x2460 + n - 1)
                .map(String::from)
                .unwrap_or_default()
        }
        "decimalEnclosedParen" if (1..=20).contains(&n) => char::from_u32(0x2474 + n - 1)
            .map(String::from)
            .unwrap_or_default(),
        "decimalEnclosedFullstop" if (1..=20).contains(&n) => char::from_u32(0x2488 + n - 1)
            .map(String::from)
            .unwrap_or_default(),
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + 0xFF10).unwrap_or(c))
            .collect(),
        "decimalZero" if n < 10 => format!("0{n}"),
        "lowerLetter" => letters(n, false),
        "upperLetter" => letters(n, true),
        "lowerRoman" => roman(n, false),
        "upperRoman" => roman(n, true),
        _ => n.to_string(),
    }
}

// ---------------------------------------------------------------------------------------------
// The tree → the Document.

struct Render<'a> {
    styles: &'a Styles,
    numbering: &'a Numbering,
    counters: HashMap<u32, [Option<u32>; LEVELS]>,
    restored: usize,
    tables: usize,
    b: Builder,
}

fn render(body: &[Block], styles: &Styles, numbering: &Numbering) -> Document {
    render_as(Form::Docx, body, styles, numbering)
}

/// Renders a body tree read from a Word file of `form` (.docx here, .doc in `read/doc.rs`).
pub(super) fn render_as(
    form: Form,
    body: &[Block],
    styles: &Styles,
    numbering: &Numbering,
) -> Document {
    let mut r = Render {
        styles,
        numbering,
        counters: HashMap::new(),
        restored: 0,
        tables: 0,
        b: Builder::new(form, "utf-8"),
    };
    r.blocks(body, 0);
    if r.restored > 0 {
        let n = r.restored;
        r.b.note(
            format!("已还原Word自动编号（如“一、”）：{n}个段落"),
            format!("Word's automatic numbering (such as “一、”) restored in {n} paragraph(s)"),
        );
    }
    r.b.finish()
}

impl Render<'_> {
    /// The number Word shows before the paragraph, if it is in a numbered list.
    fn number(&mut self, p: &Para) -> Option<String> {
        let (style_num, style_lvl) = self.styles.numbering(p.style.as_deref());
        let num_id = p.num_id.or(style_num)?;
        if num_id == 0 {
            return None;
        }
        let ilvl = p.ilvl.or(style_lvl).unwrap_or(0).min(LEVELS - 1);
        let (level, start) = self.numbering.level(num_id, ilvl)?;
        let counters = self.counters.entry(num_id).or_insert([None; LEVELS]);
        let value = counters[ilvl].map_or(start, |v| v.saturating_add(1));
        counters[ilvl] = Some(value);
        for c in counters.iter_mut().skip(ilvl + 1) {
            *c = None;
        }
        let counters = *counters;
        if matches!(level.fmt.as_str(), "bullet" | "none") {
            return None;
        }
        let template = level.text.clone()?;
        let mut out = String::new();
        let mut chars = template.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '%' {
                if let Some(d) = chars.peek().and_then(|d| d.to_digit(10)) {
                    chars.next();
                    let k = (d as usize).saturating_sub(1).min(LEVELS - 1);
                    let (fmt, v) = if k == ilvl {
                        (level.fmt.clone(), value)
                    } else {
                        match self.numbering.level(num_id, k) {
                            Some((l, s)) => (l.fmt, counters[k].unwrap_or(s)),
                            None => (String::from("decimal"), counters[k].unwrap_or(1)),
                        }
                    };
                    let fmt = if level.legal { "decimal" } else { fmt.as_str() };
                    out.push_str(&format_number(v, fmt));
                    continue;
                }
            }
            out.push(c);
        }
        if out.is_empty() {
            return None;
        }
        // Word puts a tab (or a space) after the number; after 、 or ．it reads as nothing.
        let ends_cjk = out.chars().last().is_some_and(|c| !c.is_ascii());
        if !ends_cjk && level.suffix.as_deref() != Some("nothing") {
            out.push(' ');
        }
        self.restored += 1;
        Some(out)
    }

    /// A paragraph's text as Word shows it, number included.
    fn para_text(&mut self, p: &Para) -> String {
        match self.number(p) {
            Some(n) => n + p.text.trim_start(),
            None => p.text.clone(),
        }
    }

    fn blocks(&mut self, blocks: &[Block], depth: usize) {
        for block in blocks {
            match block {
                Block::P(p) => {
                    let text = self.para_text(p);
                    let mut started = false;
                    for line in text.split('\n') {
                        self.b.paragraph(line);
                        if !started && !line.trim().is_empty() {
                            started = true;
                            let at = self.b.line_count();
                            self.b.paragraph_started(at);
                        }
                    }
                    self.blocks(&p.floats, depth + 1);
                }
                Block::T(t) => self.table(t, depth + 1),
            }
        }
    }

    /// A cell's text: its paragraphs joined by '\n', each trimmed (full-width spaces too);
    /// tables inside are collected for later.
    fn cell_text<'t>(&mut self, blocks: &'t [Block], out: &mut String, inner: &mut Vec<&'t Table>) {
        for block in blocks {
            match block {
                Block::P(p) => {
                    let text = self.para_text(p);
                    for line in text.split('\n') {
                        if !out.is_empty() {
                            out.push('\n');
                        }
                        out.push_str(line.trim());
                    }
                    self.cell_text(&p.floats, out, inner);
                }
                Block::T(t) => inner.push(t),
            }
        }
    }

    fn table(&mut self, t: &Table, depth: usize) {
        if depth > MAX_TABLE_DEPTH + 1 {
            return;
        }
        // A one-column table is layout (a frame around text), not data: read what it holds.
        if t.rows.iter().all(|r| r.cells.len() <= 1) {
            for row in &t.rows {
                for cell in &row.cells {
                    self.blocks(&cell.blocks, depth);
                }
            }
            return;
        }
        let mut cells: Vec<CellIn> = Vec::new();
        let mut inner: Vec<&Table> = Vec::new();
        // Per grid column: the index in `cells` of a vertical merge still open there.
        let mut open: HashMap<usize, usize> = HashMap::new();
        for (r, row) in t.rows.iter().enumerate() {
            let mut col = row.before;
            let mut still_open: HashMap<usize, usize> = HashMap::new();
            for cell in &row.cells {
                let mut text = String::new();
                self.cell_text(&cell.blocks, &mut text, &mut inner);
                let text = text.trim_matches('\n').to_string();
                if cell.hmerge_continue {
                    if let Some(prev) = cells.last_mut().filter(|c| c.row == r) {
                        prev.colspan += cell.span;
                        if !text.is_empty() {
                            prev.text.push('\n');
                            prev.text.push_str(&text);
                        }
                        col += cell.span;
                        continue;
                    }
                }
                let above = open
                    .get(&col)
                    .copied()
                    .filter(|&i| cells.get(i).is_some_and(|c| c.colspan == cell.span));
                match (cell.vmerge, above) {
                    (VMerge::Continue, Some(i)) => {
                        if let Some(c) = cells.get_mut(i) {
                            c.rowspan = r + 1 - c.row;
                            if !text.is_empty() {
                                if !c.text.is_empty() {
                                    c.text.push('\n');
                                }
                                c.text.push_str(&text);
                            }
                        }
                        still_open.insert(col, i);
                    }
                    (vm, _) => {
                        cells.push(CellIn {
                            row: r,
                            col,
                            rowspan: 1,
                            colspan: cell.span,
                            text,
                        });
                        if vm != VMerge::None {
                            still_open.insert(col, cells.len() - 1);
                        }
                    }
                }
                col += cell.span;
            }
            open = still_open;
        }
        self.tables += 1;
        let origin = format!("表格 {}", self.tables);
        self.b.table(cells, origin);
        for t in inner {
            self.table(t, depth + 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn doc_xml(body: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>{body}<w:sectPr/></w:body></w:document>"#
        )
    }

    fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opt = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, data) in parts {
            w.start_file(*name, opt).unwrap();
            w.write_all(data).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    fn docx(body: &str) -> Vec<u8> {
        zip_of(&[("word/document.xml", doc_xml(body).as_bytes())])
    }

    fn p(text: &str) -> String {
        format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
    }

    fn tc(props: &str, text: &str) -> String {
        format!("<w:tc><w:tcPr>{props}</w:tcPr>{}</w:tc>", p(text))
    }

    fn body(body: &str) -> Document {
        read(&docx(body)).unwrap()
    }

    #[test]
    fn paragraphs_runs_tabs_breaks_and_revisions() {
        let d = body(concat!(
            r#"<w:p><w:r><w:t xml:space="preserve">一、 总</w:t></w:r><w:ins><w:r><w:t>体</w:t></w:r></w:ins>"#,
            r#"<w:del><w:r><w:delText>删掉</w:delText></w:r></w:del><w:r><w:t>情况</w:t></w:r></w:p>"#,
            r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c&amp;d</w:t></w:r></w:p>"#,
            r#"<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:t>3</w:t></w:r></w:p>"#,
        ));
        assert_eq!(d.form, Form::Docx);
        assert_eq!(d.text, "一、 总体情况\na\tb\nc&d\n3");
        assert!(d.tables.is_empty());
    }

    #[test]
    fn spans_merges_and_skipped_columns() {
        let row = |cells: &[String]| format!("<w:tr>{}</w:tr>", cells.concat());
        let last = format!(
            r#"<w:tr><w:trPr><w:gridBefore w:val="2"/><w:gridAfter w:val="1"/></w:trPr>{}</w:tr>"#,
            tc("", "2")
        );
        let xml = format!(
            "<w:tbl>{}{}{}{}</w:tbl>",
            row(&[
                tc(
                    r#"<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>"#,
                    "头"
                ),
                tc("", "甲"),
                tc("", "乙"),
            ]),
            row(&[
                tc(r#"<w:gridSpan w:val="2"/><w:vMerge/>"#, ""),
                tc(r#"<w:vMerge w:val="restart"/>"#, "丙"),
                tc("", "\u{3000}\u{3000}"),
            ]),
            row(&[
                tc("", "x"),
                tc("", "y"),
                tc(r#"<w:vMerge w:val="continue"/>"#, ""),
                tc("", "1"),
            ]),
            last,
        );
        let d = body(&xml);
        assert_eq!(d.tables.len(), 1);
        let g = &d.tables[0];
        assert_eq!((g.rows, g.cols), (4, 4));
        let head = g.at(0, 0).unwrap();
        assert_eq!(
            (head.rowspan, head.colspan, head.text.as_str()),
            (2, 2, "头")
        );
        assert_eq!(g.at(1, 2).unwrap().rowspan, 2);
        assert_eq!(g.at(1, 2).unwrap().text, "丙");
        assert_eq!(g.at(1, 3).unwrap().text, "");
        assert_eq!(g.at(2, 0).unwrap().text, "x");
        assert_eq!(g.at(2, 3).unwrap().text, "1");
        assert!(g.at(3, 0).is_none());
        assert_eq!(g.at(3, 2).unwrap().text, "2");
        assert_eq!(d.text, "头\t\t甲\t乙\n\t\t丙\t\nx\ty\t\t1\n\t\t2\t");
    }

    #[test]
    fn cell_paragraphs_join_with_newlines() {
        let d = body(&format!(
            "<w:tbl><w:tr>{}<w:tc>{}{}</w:tc></w:tr></w:tbl>",
            tc("", "a"),
            p("商业"),
            p("企业")
        ));
        assert_eq!(d.tables[0].at(0, 1).unwrap().text, "商业\n企业");
        assert_eq!(d.text, "a\t商业 企业");
    }

    #[test]
    fn layout_table_becomes_paragraphs_and_inner_tables() {
        let inner = format!(
            "<w:tbl><w:tr>{}{}</w:tr></w:tbl>",
            tc("", "行政许可"),
            tc("", "5")
        );
        let xml = format!(
            "{}<w:tbl><w:tr><w:tc>{}{}{}{}</w:tc></w:tr></w:tbl>{}",
            p("标题"),
            p("一、总体情况"),
            p("二、主动公开政府信息情况"),
            inner,
            p("三、收到和处理政府信息公开申请情况"),
            p("尾")
        );
        let d = body(&xml);
        assert_eq!(
            d.text,
            "标题\n一、总体情况\n二、主动公开政府信息情况\n行政许可\t5\n三、收到和处理政府信息公开申请情况\n尾"
        );
        assert_eq!(d.tables.len(), 1);
        assert_eq!(d.tables[0].line, 4);
    }

    #[test]
    fn nested_data_table_follows_the_outer_one() {
        let inner = format!(
            "<w:tbl><w:tr>{}{}</w:tr></w:tbl>",
            tc("", "内"),
            tc("", "7")
        );
        let xml = format!(
            "<w:tbl><w:tr>{}<w:tc>{}{}</w:tc></w:tr></w:tbl>",
            tc("", "外"),
            p("说明"),
            inner
        );
        let d = body(&xml);
        assert_eq!(d.tables.len(), 2);
        assert_eq!(d.tables[0].at(0, 1).unwrap().text, "说明");
        assert_eq!(d.text, "外\t说明\n内\t7");
    }

    #[test]
    fn deep_nesting_is_flattened_not_a_crash() {
        let depth = 200;
        let mut xml = p("最里面");
        for i in 0..depth {
            xml = format!(
                "<w:tbl><w:tr>{}<w:tc>{xml}</w:tc></w:tr></w:tbl>",
                tc("", &i.to_string())
            );
        }
        let d = body(&xml);
        assert!(d.tables.len() <= MAX_TABLE_DEPTH + 1, "{}", d.tables.len());
        assert!(d.text.contains("最里面"));
        assert!(d.text.contains("199"));
    }

    const NUMBERING: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
        <w:abstractNum w:abstractNumId="3">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl>
          <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="（%2）"/></w:lvl>
          <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%3."/></w:lvl>
        </w:abstractNum>
        <w:num w:numId="7"><w:abstractNumId w:val="3"/></w:num>
        <w:num w:numId="8"><w:abstractNumId w:val="3"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
      </w:numbering>"#;

    const STYLES: &str = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
        <w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
        <w:style w:type="paragraph" w:styleId="h1list"><w:basedOn w:val="a"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="h1"><w:basedOn w:val="h1list"/></w:style>
      </w:styles>"#;

    fn np(num: u32, lvl: usize, text: &str) -> String {
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
        )
    }

    #[test]
    fn automatic_numbering_is_restored() {
        let body = [
            np(7, 0, "总体情况"),
            np(7, 1, "主动公开"),
            np(7, 1, "依申请公开"),
            np(7, 2, "细项"),
            np(7, 0, "主动公开政府信息情况"),
            np(7, 1, "重新开始"),
            r#"<w:p><w:pPr><w:pStyle w:val="h1"/></w:pPr><w:r><w:t>收到和处理政府信息公开申请情况</w:t></w:r></w:p>"#.into(),
            np(0, 0, "不编号"),
            np(8, 0, "从五开始"),
        ]
        .concat();
        let xml = doc_xml(&body);
        let z = zip_of(&[
            ("word/document.xml", xml.as_bytes()),
            ("word/styles.xml", STYLES.as_bytes()),
            ("word/numbering.xml", NUMBERING.as_bytes()),
        ]);
        let d = read(&z).unwrap();
        assert_eq!(
            d.text,
            "一、总体情况\n（一）主动公开\n（二）依申请公开\n一.1. 细项\n二、主动公开政府信息情况\n（一）重新开始\n三、收到和处理政府信息公开申请情况\n不编号\n五、从五开始"
        );
        assert_eq!(d.notes.len(), 1);
        assert!(d.notes[0].en.contains("8 paragraph"), "{:?}", d.notes);
    }

    #[test]
    fn numbering_without_definitions_is_ignored() {
        let d = body(&np(4, 0, "总体情况"));
        assert_eq!(d.text, "总体情况");
        assert!(d.notes.is_empty());
    }

    #[test]
    fn number_formats() {
        let cases = [
            (1, "chineseCounting", "一"),
            (10, "chineseCounting", "十"),
            (11, "chineseCountingThousand", "十一"),
            (20, "chineseCountingThousand", "二十"),
            (105, "chineseCountingThousand", "一百零五"),
            (110, "chineseCountingThousand", "一百一十"),
            (3, "ideographTraditional", "丙"),
            (2, "chineseLegalSimplified", "贰"),
            (4, "decimalEnclosedCircle", "④"),
            (3, "upperRoman", "III"),
            (28, "lowerLetter", "bb"),
            (7, "decimal", "7"),
        ];
        for (n, fmt, want) in cases {
            assert_eq!(format_number(n, fmt), want, "{n} {fmt}");
        }
    }

    #[test]
    fn text_boxes_and_alternate_content_once() {
        let xml = concat!(
            r#"<w:p><w:r><w:t>前</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>"#,
            r#"<w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>"#,
            r#"<w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#
        );
        assert_eq!(body(xml).text, "前\n框内");
    }

    #[test]
    fn other_prefix_for_the_main_namespace() {
        let xml = r#"<x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:body><x:p><x:r><x:t>正文</x:t></x:r></x:p></x:body></x:document>"#;
        let d = read(&zip_of(&[("word/document.xml", xml.as_bytes())])).unwrap();
        assert_eq!(d.text, "正文");
    }

    #[test]
    fn headers_are_not_read() {
        let xml = doc_xml(&p("正文"));
        let hdr = doc_xml(&p("页眉"));
        let d = read(&zip_of(&[
            ("word/document.xml", xml.as_bytes()),
            ("word/header1.xml", hdr.as_bytes()),
        ]))
        .unwrap();
        assert_eq!(d.text, "正文");
    }

    #[test]
    fn broken_files_get_errors_not_panics() {
        let e = read(b"garbage, not a zip").unwrap_err();
        assert!(e.zh.contains("另存为.docx"), "{e}");
        let e = read(&zip_of(&[("word/other.xml", b"<a/>")])).unwrap_err();
        assert!(e.zh.contains("word/document.xml"), "{e}");
        assert!(e.en.contains("word/document.xml"), "{e}");
        let e = read(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).unwrap_err();
        assert!(e.zh.contains("加密"), "{e}");
        let good = docx(&p("一、总体情况").repeat(200));
        for cut in [
            10,
            good.len() / 3,
            good.len() / 2,
            good.len() - 30,
            good.len() - 1,
        ] {
            let r = read(&good[..cut]);
            assert!(r.is_err(), "cut at {cut} read as {r:?}");
        }
        // Every prefix and a few corruptions: never a panic.
        for cut in (0..good.len()).step_by(37) {
            let _ = read(&good[..cut]);
        }
        for i in (0..good.len()).step_by(53) {
            let mut bad = good.clone();
            bad[i] ^= 0x5A;
            let _ = read(&bad);
        }
        let e = read(&zip_of(&[(
            "word/document.xml",
            b"<w:document><w:body><w:p></w:body>",
        )]))
        .unwrap_err();
        assert!(e.en.contains("damaged"), "{e}");
        // Cut-off XML keeps what was read.
        let d = read(&zip_of(&[(
            "word/document.xml",
            doc_xml(&p("一、总体情况"))
                .split("<w:sectPr")
                .next()
                .unwrap()
                .as_bytes(),
        )]))
        .unwrap();
        assert_eq!(d.text, "一、总体情况");
    }

    #[test]
    fn parts_over_the_cap_are_refused() {
        let z = docx(&p("一、总体情况").repeat(100));
        let mut zip = zip::ZipArchive::new(Cursor::new(z.as_slice())).unwrap();
        let e = part(&mut zip, "word/document.xml", 1000).unwrap_err();
        assert!(e.zh.contains("超过"), "{e}");
        assert!(part(&mut zip, "word/document.xml", 1 << 20)
            .unwrap()
            .is_some());
        assert!(part(&mut zip, "word/none.xml", 1 << 20).unwrap().is_none());
    }
}
