//! Word 97–2003 files (.doc) and WPS Office's .wps (the same compound file with a `WordDocument`
//! stream): the main document's text, its paragraphs, and tables rebuilt from the cell and row
//! marks, rendered by the .docx reader's own renderer so that both forms give the same
//! [`Document`].
//!
//! The compound file (OLE) is opened with the `cfb` crate; the rest is read here from the
//! `WordDocument` stream and its table stream (`0Table`/`1Table`), after [MS-DOC]:
//! - the FIB (`ccpText`, the flags `fEncrypted` and `fWhichTblStm`, the places of the CLX, the
//!   PAPX bin table and the list tables);
//! - the piece table (CLX): 8-bit pieces (cp1252) and UTF-16 pieces, up to `ccpText`;
//! - paragraph properties from the PAPX FKPs: in a table (sprmPFInTable, sprmPItap), row end
//!   (sprmPFTtp), and on the row end the row's cell boundaries and merges (sprmTDefTable,
//!   sprmTVertMerge), so an empty cell is never taken for a row end and a wide cell spans the
//!   grid columns the other rows' boundaries make (as `w:gridSpan` does in a .docx);
//! - list numbering (sprmPIlfo, sprmPIlvl, the PlfLst and PlfLfo): "一、" restored as the .docx
//!   reader restores it.
//!
//! Fields (0x13 instructions 0x14 result 0x15) keep only their result; pictures, footnote marks
//! and other special characters are dropped as Word shows them. Nested tables are read into the
//! cell that holds them. Not read: headers, footers, footnotes, comments, text boxes; tracked
//! deletions still in the file are read as text.
//!
//! Hostile files: every offset is checked, streams and text are capped, and a damaged file gets
//! a message, never a panic.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use super::docx::{self, Block, Cell, Level, Num, Numbering, Para, Row, Styles, Table, VMerge};
use super::ReadError;
use crate::document::{Document, Form};

/// Largest stream read from the compound file.
const MAX_STREAM: u64 = 64 << 20;
/// Most characters of main text read (a report has some 20,000).
const MAX_CHARS: usize = 4 << 20;
/// Table cells in one file (as for a .docx); a file with more is refused.
const MAX_CELLS: usize = 200_000;

fn cannot(zh: &str, en: &str) -> ReadError {
    ReadError::new(
        format!("无法读取此Word文件（.doc/.wps）：{zh}，请在Word或WPS中另存为.docx后再试"),
        format!("cannot read this Word file (.doc/.wps): {en}; save it as .docx in Word or WPS and try again"),
    )
}

fn damaged() -> ReadError {
    cannot("文件不完整或已损坏", "the file is incomplete or damaged")
}

fn encrypted() -> ReadError {
    ReadError::new(
        "此Word文件已加密（设有密码）：请在Word或WPS中取消密码保护后再试",
        "this Word file is encrypted (password protected): remove the password in Word or WPS and try again",
    )
}

/// A compound file that holds no Word document: what it is, and what to send instead.
fn not_word(names: &[String]) -> ReadError {
    let has = |n: &str| names.iter().any(|x| x.eq_ignore_ascii_case(n));
    if has("EncryptionInfo") || has("EncryptedPackage") {
        return encrypted();
    }
    if has("Workbook") || has("Book") {
        return ReadError::new(
            "这是Excel表格（.xls/.et），不是年度报告正文：请发送报告的Word、PDF或网页文件",
            "this is an Excel workbook (.xls/.et), not the report: send the report as Word, PDF or web page",
        );
    }
    if has("PowerPoint Document") {
        return ReadError::new(
            "这是PowerPoint演示文稿，不是年度报告正文：请发送报告的Word、PDF或网页文件",
            "this is a PowerPoint presentation, not the report: send the report as Word, PDF or web page",
        );
    }
    if has("MatOST") || has("CONTENTS") {
        return ReadError::new(
            "这是Microsoft Works文字处理文件（.wps），无法读取：请在Works或Word中另存为.docx或PDF后再试",
            "this is a Microsoft Works document (.wps), which cannot be read: save it as .docx or PDF and try again",
        );
    }
    ReadError::new(
        "这是Office复合文档，但其中没有Word正文（WordDocument）：请发送报告的Word（.docx/.doc）、PDF或网页文件",
        "this is an Office compound file without a Word document in it: send the report as Word (.docx/.doc), PDF or web page",
    )
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    let s = b.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([s[0], s[1]]))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

fn i16_at(b: &[u8], at: usize) -> Option<i16> {
    u16_at(b, at).map(|v| v as i16)
}

/// `len` bytes at `at` in `b`, or None when they are not all there.
fn slice(b: &[u8], at: u32, len: u32) -> Option<&[u8]> {
    let at = at as usize;
    b.get(at..at.checked_add(len as usize)?)
}

/// Reads a .doc or .wps file.
pub fn read(bytes: &[u8]) -> Result<Document, ReadError> {
    let mut cf = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(|_| damaged())?;
    let names: Vec<String> = cf
        .read_root_storage()
        .map(|e| e.name().to_string())
        .collect();
    if !names.iter().any(|n| n == "WordDocument") {
        return Err(not_word(&names));
    }
    let word = stream(&mut cf, "/WordDocument")?;
    let fib = Fib::parse(&word)?;
    let table = stream(&mut cf, if fib.table1 { "/1Table" } else { "/0Table" })?;
    let text = Text::read(&word, &table, &fib)?;
    // The Data stream (pictures, and paragraph properties too large for their page).
    let data = if names.iter().any(|n| n == "Data") {
        stream(&mut cf, "/Data")?
    } else {
        Vec::new()
    };
    let paps = Paps::read(&word, &table, &data, &fib);
    let numbering = fib
        .pair(73)
        .zip(fib.pair(74))
        .map(|(lst, lfo)| lists(&table, lst, lfo))
        .unwrap_or_default();
    let body = Body::build(&text, &paps)?;
    Ok(docx::render_as(
        Form::Doc,
        &body,
        &Styles::default(),
        &numbering,
    ))
}

fn stream(cf: &mut cfb::CompoundFile<Cursor<&[u8]>>, path: &str) -> Result<Vec<u8>, ReadError> {
    let s = cf.open_stream(path).map_err(|_| damaged())?;
    if s.len() > MAX_STREAM {
        return Err(cannot(
            &format!("文件超过{}MB", MAX_STREAM >> 20),
            &format!("it is larger than {} MB", MAX_STREAM >> 20),
        ));
    }
    let mut out = Vec::new();
    s.take(MAX_STREAM)
        .read_to_end(&mut out)
        .map_err(|_| damaged())?;
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// The FIB.

struct Fib {
    table1: bool,
    ccp_text: u32,
    /// The FibRgFcLcb's (fc, lcb) pairs.
    pairs: Vec<(u32, u32)>,
}

impl Fib {
    fn parse(word: &[u8]) -> Result<Fib, ReadError> {
        let ident = u16_at(word, 0).ok_or_else(damaged)?;
        let nfib = u16_at(word, 2).ok_or_else(damaged)?;
        if ident != 0xA5EC || nfib < 101 {
            return Err(ReadError::new(
                "这是Word 6.0/95或更早版本的文件，暂不支持：请在Word或WPS中另存为.docx后再试",
                "this is a Word 6.0/95 or older file, which is not supported: save it as .docx in Word or WPS and try again",
            ));
        }
        let flags = u16_at(word, 0x0A).ok_or_else(damaged)?;
        if flags & 0x0100 != 0 {
            return Err(encrypted());
        }
        let csw = usize::from(u16_at(word, 0x20).ok_or_else(damaged)?);
        let at = 0x22 + csw * 2;
        let cslw = usize::from(u16_at(word, at).ok_or_else(damaged)?);
        let ccp_text = u32_at(word, at + 2 + 12).ok_or_else(damaged)?;
        let at = at + 2 + cslw * 4;
        let count = usize::from(u16_at(word, at).ok_or_else(damaged)?);
        let pairs = (0..count)
            .map_while(|i| Some((u32_at(word, at + 2 + 8 * i)?, u32_at(word, at + 6 + 8 * i)?)))
            .collect();
        Ok(Fib {
            table1: flags & 0x0200 != 0,
            ccp_text,
            pairs,
        })
    }

    /// The (fc, lcb) pair `i` of FibRgFcLcb, when present and not empty.
    fn pair(&self, i: usize) -> Option<(u32, u32)> {
        self.pairs.get(i).copied().filter(|&(_, lcb)| lcb > 0)
    }
}

// ---------------------------------------------------------------------------------------------
// The main text through the piece table.

/// The main document's characters (UTF-16 code units) and where each stands in the
/// `WordDocument` stream (its FC), for the paragraph properties.
struct Text {
    units: Vec<u16>,
    fcs: Vec<u32>,
}

/// cp1252's 0x80–0x9F (the 8-bit pieces' code page); 0 where it has no character.
const CP1252_HIGH: [u16; 32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
    0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
];

impl Text {
    fn read(word: &[u8], table: &[u8], fib: &Fib) -> Result<Text, ReadError> {
        let (fc, lcb) = fib.pair(33).ok_or_else(damaged)?;
        let clx = slice(table, fc, lcb).ok_or_else(damaged)?;
        let plc = piece_table(clx).ok_or_else(damaged)?;
        let n = (plc.len().saturating_sub(4)) / 12;
        let limit = (fib.ccp_text as usize).min(MAX_CHARS);
        let mut text = Text {
            units: Vec::with_capacity(limit.min(1 << 20)),
            fcs: Vec::with_capacity(limit.min(1 << 20)),
        };
        for i in 0..n {
            let (Some(start), Some(end)) = (u32_at(plc, 4 * i), u32_at(plc, 4 * i + 4)) else {
                return Err(damaged());
            };
            let raw = u32_at(plc, 4 * (n + 1) + 8 * i + 2).ok_or_else(damaged)?;
            let compressed = raw & 0x4000_0000 != 0;
            let fc = raw & 0x3FFF_FFFF;
            let (start, end) = (start as usize, (end as usize).min(limit));
            if start != text.units.len() || end < start {
                // Pieces out of order or overlapping: not a piece table we can trust.
                if text.units.len() >= limit {
                    break;
                }
                return Err(damaged());
            }
            for k in 0..end - start {
                let unit = if compressed {
                    let at = (fc / 2) as usize + k;
                    let b = *word.get(at).ok_or_else(damaged)?;
                    text.fcs.push(at as u32);
                    match b {
                        0x80..=0x9F => CP1252_HIGH[usize::from(b - 0x80)],
                        _ => u16::from(b),
                    }
                } else {
                    let at = fc as usize + 2 * k;
                    text.fcs.push(at as u32);
                    u16_at(word, at).ok_or_else(damaged)?
                };
                text.units.push(unit);
            }
        }
        Ok(text)
    }
}

/// The PlcPcd inside a CLX (after its Prc property blocks).
fn piece_table(clx: &[u8]) -> Option<&[u8]> {
    let mut at = 0usize;
    loop {
        match *clx.get(at)? {
            1 => {
                let cb = u16_at(clx, at + 1)? as usize;
                at += 3 + cb;
            }
            2 => {
                let lcb = u32_at(clx, at + 1)? as usize;
                return clx.get(at + 5..at.checked_add(5 + lcb)?);
            }
            _ => return None,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Paragraph and table-row properties.

/// What the reader needs of a paragraph's properties.
#[derive(Debug, Default, Clone)]
struct Pap {
    in_table: bool,
    /// Table depth (sprmPItap); 1 when only sprmPFInTable is set.
    depth: u32,
    /// The end of a row of the outermost table (sprmPFTtp).
    row_end: bool,
    /// The end of a row of a nested table (sprmPFInnerTtp).
    inner_row_end: bool,
    ilfo: u16,
    ilvl: u8,
    /// On a row end: the cells' boundaries (twips) and (horizontal, vertical) merge flags.
    centers: Vec<i16>,
    merges: Vec<(u8, u8)>,
}

/// Paragraph properties by FC range, in the order of the file.
struct Paps {
    runs: Vec<(u32, u32, Pap)>,
}

impl Paps {
    fn read(word: &[u8], table: &[u8], data: &[u8], fib: &Fib) -> Paps {
        let mut runs = Vec::new();
        let plc = fib.pair(13).and_then(|(fc, lcb)| slice(table, fc, lcb));
        let plc = plc.unwrap_or_default();
        let n = plc.len().saturating_sub(4) / 8;
        for i in 0..n {
            let Some(pn) = u32_at(plc, 4 * (n + 1) + 4 * i) else {
                break;
            };
            let at = ((pn & 0x003F_FFFF) as usize) * 512;
            if let Some(page) = word.get(at..at + 512) {
                fkp(page, data, &mut runs);
            }
        }
        runs.sort_by_key(|r| r.0);
        Paps { runs }
    }

    fn at(&self, fc: u32) -> Option<&Pap> {
        let i = self.runs.partition_point(|r| r.0 <= fc).checked_sub(1)?;
        let (start, end, pap) = self.runs.get(i)?;
        (*start <= fc && fc < *end).then_some(pap)
    }
}

/// One PAPX FKP page: its runs of paragraph properties.
fn fkp(page: &[u8], data: &[u8], runs: &mut Vec<(u32, u32, Pap)>) {
    let crun = usize::from(page[511]);
    for i in 0..crun {
        let (Some(start), Some(end)) = (u32_at(page, 4 * i), u32_at(page, 4 * i + 4)) else {
            return;
        };
        let Some(&off) = page.get(4 * (crun + 1) + 13 * i) else {
            return;
        };
        let at = 2 * usize::from(off);
        let grpprl = match (off, page.get(at)) {
            (0, _) | (_, None) => None,
            (_, Some(&0)) => page
                .get(at + 1)
                .and_then(|&cb| page.get(at + 2..at + 2 + 2 * usize::from(cb))),
            (_, Some(&cb)) => page.get(at + 1..at + 2 * usize::from(cb)),
        };
        // The first two bytes are the paragraph's style (istd).
        let pap = grpprl
            .and_then(|g| g.get(2..))
            .map(|g| sprms(g, data))
            .unwrap_or_default();
        runs.push((start, end, pap));
    }
}

/// Reads the sprms that matter from a grpprl; `data` is the Data stream, where a paragraph's
/// properties too large for its FKP stand (sprmPHugePapx).
fn sprms(g: &[u8], data: &[u8]) -> Pap {
    let mut pap = Pap::default();
    grpprl(&mut pap, g, data, true);
    if pap.in_table && pap.depth == 0 {
        pap.depth = 1;
    }
    pap
}

fn grpprl(pap: &mut Pap, g: &[u8], stream: &[u8], huge: bool) {
    let mut at = 0usize;
    while let Some(sprm) = u16_at(g, at) {
        let op = at + 2;
        let (data, next) = match sprm >> 13 {
            0 | 1 => (g.get(op..op + 1), op + 1),
            2 | 4 | 5 => (g.get(op..op + 2), op + 2),
            3 => (g.get(op..op + 4), op + 4),
            7 => (g.get(op..op + 3), op + 3),
            // sprmTDefTable's size is two bytes (the rest, plus one).
            _ if sprm == 0xD608 => {
                let cb = usize::from(u16_at(g, op).unwrap_or(1).max(1));
                (g.get(op + 2..op + 1 + cb), op + 1 + cb)
            }
            _ => {
                let cb = usize::from(g.get(op).copied().unwrap_or(0));
                (g.get(op + 1..op + 1 + cb), op + 1 + cb)
            }
        };
        let Some(data) = data else { break };
        if sprm == 0x6646 && huge {
            // sprmPHugePapx: the rest of the properties in the Data stream (size, then grpprl).
            let at = u32_at(data, 0).unwrap_or(u32::MAX) as usize;
            let cb = u16_at(stream, at).map_or(0, usize::from);
            if let Some(more) = stream.get(at + 2..at + 2 + cb) {
                grpprl(pap, more, stream, false);
            }
        }
        apply(pap, sprm, data);
        at = next;
    }
}

fn apply(pap: &mut Pap, sprm: u16, data: &[u8]) {
    let byte = data.first().copied().unwrap_or(0);
    match sprm {
        0x2416 => pap.in_table = byte != 0,
        0x2417 => pap.row_end = byte != 0,
        0x244C => pap.inner_row_end = byte != 0,
        0x6649 => {
            pap.depth = u32_at(data, 0).unwrap_or(0);
            pap.in_table |= pap.depth > 0;
        }
        0x460B => pap.ilfo = u16_at(data, 0).unwrap_or(0),
        0x260A => pap.ilvl = byte,
        0xD608 => def_table(pap, data),
        // sprmTVertMerge: a cell's vertical merge flag.
        0xD62B => {
            if let (Some(&itc), Some(&flag)) = (data.first(), data.get(1)) {
                if let Some(m) = pap.merges.get_mut(usize::from(itc)) {
                    m.1 = flag;
                }
            }
        }
        _ => {}
    }
}

/// sprmTDefTable: the cells' boundaries and their TC80 merge flags.
fn def_table(pap: &mut Pap, data: &[u8]) {
    let n = usize::from(data.first().copied().unwrap_or(0)).min(64);
    pap.centers = (0..=n).map_while(|i| i16_at(data, 1 + 2 * i)).collect();
    let tcs = 1 + 2 * (n + 1);
    pap.merges = (0..n)
        .map(|i| {
            let grf = u16_at(data, tcs + 20 * i).unwrap_or(0);
            ((grf & 0x3) as u8, ((grf >> 5) & 0x3) as u8)
        })
        .collect();
}

// ---------------------------------------------------------------------------------------------
// List numbering: the PlfLst and PlfLfo as the .docx reader's numbering.

/// A list level's number format (nfc) as the name `w:numFmt` gives it.
fn nfc_name(nfc: u8) -> &'static str {
    match nfc {
        1 => "upperRoman",
        2 => "lowerRoman",
        3 => "upperLetter",
        4 => "lowerLetter",
        0x0A => "ideographDigital",
        0x0B => "japaneseCounting",
        0x0E => "decimalFullWidth",
        0x12 => "decimalEnclosedCircle",
        0x13 => "decimalFullWidth2",
        0x16 => "decimalZero",
        0x17 => "bullet",
        0x1A => "decimalEnclosedFullstop",
        0x1B => "decimalEnclosedParen",
        0x1C => "decimalEnclosedCircleChinese",
        0x1E => "ideographTraditional",
        0x1F => "ideographZodiac",
        0x21 => "taiwaneseCounting",
        0x22 => "ideographLegalTraditional",
        0x23 => "taiwaneseCountingThousand",
        0x25 => "chineseCounting",
        0x26 => "chineseLegalSimplified",
        0x27 => "chineseCountingThousand",
        0xFF => "none",
        _ => "decimal",
    }
}

/// One LVL at `at`: the level and where the next one starts.
fn level(t: &[u8], at: usize) -> Option<(Level, usize)> {
    let lvlf = t.get(at..at + 28)?;
    let start = u32_at(lvlf, 0)?;
    let (nfc, flags, follow) = (lvlf[4], lvlf[5], lvlf[15]);
    let (chpx, papx) = (usize::from(lvlf[24]), usize::from(lvlf[25]));
    let xst = at + 28 + papx + chpx;
    let cch = usize::from(u16_at(t, xst)?);
    let units: Vec<u16> = (0..cch).map_while(|i| u16_at(t, xst + 2 + 2 * i)).collect();
    let mut text = String::new();
    for c in char::decode_utf16(units.iter().copied()) {
        match c {
            Ok(c) if (c as u32) < 9 => text.push_str(&format!("%{}", c as u32 + 1)),
            Ok(c) => text.push(c),
            Err(_) => {}
        }
    }
    let level = Level {
        start: Some(start),
        fmt: nfc_name(nfc).to_string(),
        text: Some(text),
        suffix: Some(
            match follow {
                0 => "tab",
                1 => "space",
                _ => "nothing",
            }
            .to_string(),
        ),
        legal: flags & 0x04 != 0,
    };
    Some((level, xst + 2 + 2 * cch))
}

/// The lists (PlfLst at `lst`, their LVLs after it) and the list overrides (PlfLfo at `lfo`):
/// numId = the 1-based LFO index a paragraph's sprmPIlfo names.
fn lists(t: &[u8], lst: (u32, u32), lfo: (u32, u32)) -> Numbering {
    let mut out = Numbering::default();
    let at = lst.0 as usize;
    let count = usize::try_from(i16_at(t, at).unwrap_or(0)).unwrap_or(0);
    let mut lvl_at = at + 2 + 28 * count;
    for i in 0..count {
        let f = at + 2 + 28 * i;
        let (Some(lsid), Some(&flags)) = (u32_at(t, f), t.get(f + 26)) else {
            break;
        };
        let n = if flags & 1 != 0 { 1 } else { docx::LEVELS };
        let mut levels = HashMap::new();
        for k in 0..n {
            let Some((l, next)) = level(t, lvl_at) else {
                return out;
            };
            levels.insert(k, l);
            lvl_at = next;
        }
        out.abstracts.insert(lsid.to_string(), levels);
    }
    let at = lfo.0 as usize;
    let count = u32_at(t, at).unwrap_or(0).min(4096);
    for i in 0..count {
        let Some(lsid) = u32_at(t, at + 4 + 16 * i as usize) else {
            break;
        };
        let num = Num {
            abstract_id: Some(lsid.to_string()),
            overrides: HashMap::new(),
        };
        out.nums.insert(i + 1, num);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The text and marks → the .docx reader's tree.

#[derive(Default)]
struct Body {
    blocks: Vec<Block>,
    /// The rows of the table being read, each with its row end's properties.
    rows: Vec<(Vec<Vec<Block>>, Pap)>,
    /// The cells of the row being read.
    cells: Vec<Vec<Block>>,
    /// The paragraphs of the cell being read.
    cell: Vec<Block>,
    /// The paragraph being read (UTF-16).
    para: Vec<u16>,
    cell_count: usize,
}

impl Body {
    fn build(text: &Text, paps: &Paps) -> Result<Vec<Block>, ReadError> {
        let mut b = Body::default();
        // Per open field: true once its result (after 0x14) has begun; `instr` counts the open
        // fields still in their instructions (text hidden while any is).
        let mut fields: Vec<bool> = Vec::new();
        let mut instr = 0usize;
        for (i, &u) in text.units.iter().enumerate() {
            let hidden = instr > 0;
            match u {
                0x0D | 0x07 => {
                    let fc = text.fcs.get(i).copied().unwrap_or(0);
                    let pap = paps.at(fc).cloned().unwrap_or_default();
                    b.mark(u, pap)?;
                }
                0x13 => {
                    fields.push(false);
                    instr += 1;
                }
                0x14 => {
                    if let Some(r) = fields.last_mut().filter(|r| !**r) {
                        *r = true;
                        instr -= 1;
                    }
                }
                0x15 => {
                    if fields.pop() == Some(false) {
                        instr -= 1;
                    }
                }
                _ if hidden => {}
                0x0B | 0x0C => b.para.push(u16::from(b'\n')),
                0x09 => b.para.push(u),
                0x1E => b.para.push(u16::from(b'-')),
                0x00..=0x1F => {}
                _ => b.para.push(u),
            }
        }
        if !b.para.is_empty() {
            b.mark(0x0D, Pap::default())?;
        }
        b.end_table();
        Ok(b.blocks)
    }

    fn take_para(&mut self, pap: &Pap) -> Block {
        let text = String::from_utf16_lossy(&self.para);
        self.para.clear();
        Block::P(Para {
            text,
            num_id: (pap.ilfo > 0 && pap.ilfo < 0xF800).then_some(u32::from(pap.ilfo)),
            ilvl: (pap.ilfo > 0).then_some(usize::from(pap.ilvl)),
            ..Para::default()
        })
    }

    /// A paragraph mark (0x0D) or a cell/row mark (0x07) with the paragraph's properties.
    fn mark(&mut self, u: u16, pap: Pap) -> Result<(), ReadError> {
        if !pap.in_table {
            self.end_table();
            let p = self.take_para(&pap);
            self.blocks.push(p);
            return Ok(());
        }
        if u == 0x07 && pap.row_end {
            // The row's own mark: its text (none in Word) is not a cell.
            self.para.clear();
            let cells = std::mem::take(&mut self.cells);
            self.rows.push((cells, pap));
            return Ok(());
        }
        if pap.depth > 1 && pap.inner_row_end {
            // A nested table's row end: its cells were read as paragraphs of this cell.
            self.para.clear();
            return Ok(());
        }
        let p = self.take_para(&pap);
        self.cell.push(p);
        if u == 0x07 {
            self.cell_count += 1;
            if self.cell_count > MAX_CELLS {
                return Err(cannot(
                    &format!("表格单元格超过{MAX_CELLS}个"),
                    &format!("it has more than {MAX_CELLS} table cells"),
                ));
            }
            let cell = std::mem::take(&mut self.cell);
            self.cells.push(cell);
        }
        Ok(())
    }

    /// Ends the table being read (if any): its rows on one grid of the cells' boundaries.
    fn end_table(&mut self) {
        if !self.cells.is_empty() || !self.cell.is_empty() {
            // Cells after the last row mark (a damaged file): one more row.
            let mut cells = std::mem::take(&mut self.cells);
            if !self.cell.is_empty() {
                cells.push(std::mem::take(&mut self.cell));
            }
            self.rows.push((cells, Pap::default()));
        }
        if self.rows.is_empty() {
            return;
        }
        let rows = std::mem::take(&mut self.rows);
        self.blocks.push(Block::T(grid(rows)));
    }
}

/// The rows as a table on the grid that all rows' cell boundaries make.
fn grid(rows: Vec<(Vec<Vec<Block>>, Pap)>) -> Table {
    let mut bounds: Vec<i16> = rows.iter().flat_map(|(_, p)| p.centers.clone()).collect();
    bounds.sort_unstable();
    // Boundaries a few twips apart are one (rounding in the writer).
    bounds.dedup_by(|b, a| (i32::from(*b) - i32::from(*a)).abs() <= 4);
    // The grid column of a boundary: the first kept boundary within 4 twips (binary search).
    let col = |x: i16| {
        let i = bounds.partition_point(|&b| i32::from(b) < i32::from(x) - 4);
        bounds
            .get(i)
            .filter(|&&b| (i32::from(b) - i32::from(x)).abs() <= 4)
            .map(|_| i)
    };
    let mut table = Table::default();
    for (cells, pap) in rows {
        let before = pap.centers.first().and_then(|&x| col(x)).unwrap_or(0);
        let mut row = Row {
            before,
            cells: Vec::new(),
        };
        for (i, blocks) in cells.into_iter().enumerate() {
            let span = match (pap.centers.get(i), pap.centers.get(i + 1)) {
                (Some(&l), Some(&r)) => match (col(l), col(r)) {
                    (Some(a), Some(b)) if b > a => b - a,
                    _ => 1,
                },
                _ => 1,
            };
            let (h, v) = pap.merges.get(i).copied().unwrap_or((0, 0));
            row.cells.push(Cell {
                span,
                vmerge: match v {
                    3 => VMerge::Restart,
                    1 | 2 => VMerge::Continue,
                    _ => VMerge::None,
                },
                hmerge_continue: h >= 2,
                blocks,
            });
        }
        table.rows.push(row);
    }
    table
}
