//! Fonts: how a shown string splits into character codes, what text each code stands for
//! (ToUnicode CMap first, then the encoding), and how wide each glyph is.

use std::collections::HashMap;

use lopdf::{Dictionary, Document as PdfDoc, Object};

use super::lex::{self, Operand};
use super::obj::{arr, deref, dict, name, num, stream_bytes, Budget};

/// One glyph of a shown string.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    pub text: String,
    /// Advance width in text space units (glyph space / 1000 already applied).
    pub width: f64,
    /// A single-byte code 32: word spacing (Tw) applies.
    pub is_space: bool,
}

#[derive(Debug, Clone)]
enum Codes {
    One,
    Two,
    /// Code space ranges: (byte length, low, high).
    Ranges(Vec<(usize, u32, u32)>),
}

#[derive(Debug, Clone)]
pub struct Font {
    codes: Codes,
    to_unicode: HashMap<u32, String>,
    /// For simple fonts: code → text by the encoding.
    encoding: Option<Vec<Option<char>>>,
    /// For CID fonts with an embedded CMap: code → CID.
    cids: HashMap<u32, u32>,
    /// Code (or CID) → width in glyph space (1/1000 em).
    widths: HashMap<u32, f64>,
    default_width: f64,
    /// Type 3 fonts: glyph space → text space scale (FontMatrix a), else 0.001.
    scale: f64,
    /// Type 3 fonts: the em height against the usual 1000 units (|FontMatrix d| × 1000).
    pub vscale: f64,
    /// CID fonts without ToUnicode: CID → text through the embedded font's own cmap.
    cid_text: HashMap<u32, char>,
    /// Predefined Unicode CMaps (UniGB-UCS2-H …): the code is UTF-16.
    code_is_unicode: bool,
    /// Some code had no known text.
    pub unknown: std::cell::Cell<bool>,
}

/// Upper limit on mappings read from one CMap (a bfrange can name 65,536 codes).
const MAX_MAP: usize = 300_000;

impl Font {
    /// A fallback when a font cannot be read: one byte per code, Latin-1.
    pub fn fallback() -> Font {
        Font {
            codes: Codes::One,
            to_unicode: HashMap::new(),
            encoding: Some(win_ansi()),
            cids: HashMap::new(),
            cid_text: HashMap::new(),
            widths: HashMap::new(),
            default_width: 500.0,
            scale: 0.001,
            vscale: 1.0,
            code_is_unicode: false,
            unknown: std::cell::Cell::new(false),
        }
    }

    pub fn load(doc: &PdfDoc, d: &Dictionary, budget: &mut Budget) -> Font {
        let subtype = name(doc, d.get(b"Subtype").ok()).unwrap_or_default();
        let mut f = Font::fallback();
        f.encoding = None;
        if subtype == b"Type0" {
            f.codes = Codes::Two;
            let enc = d.get(b"Encoding").ok();
            if let Some(n) = name(doc, enc) {
                let n = String::from_utf8_lossy(&n).to_string();
                if n.starts_with("Identity") {
                    f.codes = Codes::Two;
                } else if n.contains("UCS2") || n.contains("UTF16") {
                    f.codes = Codes::Two;
                    f.code_is_unicode = true;
                } else if n.contains("EUC") || n.contains("GBK") || n.contains("B5") {
                    f.codes = Codes::Ranges(vec![(1, 0, 0x80), (2, 0x8140, 0xFEFE)]);
                }
            } else if let Some(bytes) = enc.and_then(|e| stream_bytes(doc, e, budget)) {
                let cm = parse_cmap(&bytes);
                if !cm.ranges.is_empty() {
                    f.codes = Codes::Ranges(cm.ranges);
                }
                f.cids = cm.cids;
            }
            f.default_width = 1000.0;
            let desc = d
                .get(b"DescendantFonts")
                .ok()
                .and_then(|o| arr(doc, Some(o)))
                .and_then(|a| a.first())
                .and_then(|o| dict(doc, Some(o)));
            if let Some(desc) = desc {
                if let Some(dw) = num(doc, desc.get(b"DW").ok()) {
                    f.default_width = dw;
                }
                if let Some(w) = arr(doc, desc.get(b"W").ok()) {
                    read_cid_widths(doc, w, &mut f.widths);
                }
                if d.get(b"ToUnicode").is_err() {
                    f.cid_text = cid_text(doc, desc, budget);
                }
            }
        } else {
            f.codes = Codes::One;
            f.default_width = 0.0;
            let first = num(doc, d.get(b"FirstChar").ok()).unwrap_or(0.0).max(0.0) as u32;
            if let Some(w) = arr(doc, d.get(b"Widths").ok()) {
                for (i, o) in w.iter().enumerate().take(256) {
                    if let Some(v) = num(doc, Some(o)) {
                        f.widths.insert(first + i as u32, v);
                    }
                }
            }
            let fd = dict(doc, d.get(b"FontDescriptor").ok());
            if let Some(mw) = fd.and_then(|fd| num(doc, fd.get(b"MissingWidth").ok())) {
                f.default_width = mw;
            }
            if f.widths.is_empty() && f.default_width == 0.0 {
                let base = name(doc, d.get(b"BaseFont").ok()).unwrap_or_default();
                f.default_width = if base.windows(7).any(|w| w == b"Courier") {
                    600.0
                } else {
                    500.0
                };
            }
            if subtype == b"Type3" {
                if let Some(m) = arr(doc, d.get(b"FontMatrix").ok()) {
                    if let Some(a) = m.first().and_then(|o| num(doc, Some(o))) {
                        f.scale = a;
                    }
                    if let Some(d) = m.get(3).and_then(|o| num(doc, Some(o))) {
                        if d.is_finite() && d != 0.0 {
                            f.vscale = (d.abs() * 1000.0).clamp(0.01, 100.0);
                        }
                    }
                }
            }
            f.encoding = Some(simple_encoding(doc, d.get(b"Encoding").ok()));
        }
        if let Some(bytes) = d
            .get(b"ToUnicode")
            .ok()
            .and_then(|o| stream_bytes(doc, o, budget))
        {
            let cm = parse_cmap(&bytes);
            f.to_unicode = cm.unicode;
            if let (Codes::Two, false) = (&f.codes, cm.ranges.is_empty()) {
                // Type0 with Identity: the ToUnicode code space agrees; keep two bytes.
            } else if let (Codes::One, false) = (&f.codes, cm.ranges.is_empty()) {
                // Simple fonts are always one byte.
            }
        }
        f
    }

    fn split(&self, s: &[u8]) -> Vec<(u32, usize)> {
        let mut out = Vec::with_capacity(s.len());
        let mut i = 0;
        while i < s.len() {
            let n = match &self.codes {
                Codes::One => 1,
                Codes::Two => 2,
                Codes::Ranges(r) => {
                    let mut n = 0;
                    for len in 1..=4usize {
                        if i + len > s.len() {
                            break;
                        }
                        let c = be(&s[i..i + len]);
                        if r.iter().any(|&(l, lo, hi)| l == len && lo <= c && c <= hi) {
                            n = len;
                            break;
                        }
                    }
                    if n == 0 {
                        1
                    } else {
                        n
                    }
                }
            };
            let n = n.min(s.len() - i);
            out.push((be(&s[i..i + n]), n));
            i += n;
        }
        out
    }

    /// The glyphs of a shown string.
    pub fn decode(&self, s: &[u8]) -> Vec<Glyph> {
        self.split(s)
            .into_iter()
            .map(|(code, n)| {
                let text = if let Some(t) = self.to_unicode.get(&code) {
                    t.clone()
                } else if let Some(enc) = &self.encoding {
                    match enc.get(code as usize).copied().flatten() {
                        Some(c) => c.to_string(),
                        None => {
                            self.unknown.set(true);
                            String::new()
                        }
                    }
                } else if let Some(&c) = self
                    .cid_text
                    .get(&self.cids.get(&code).copied().unwrap_or(code))
                {
                    c.to_string()
                } else if self.code_is_unicode {
                    char::from_u32(code).map(String::from).unwrap_or_default()
                } else {
                    self.unknown.set(true);
                    "\u{FFFD}".to_string()
                };
                let text = if text.chars().any(crate::radicals::needs_unify) {
                    text.chars().map(crate::radicals::unify).collect()
                } else {
                    text
                };
                let key = match &self.codes {
                    Codes::One => code,
                    _ => self.cids.get(&code).copied().unwrap_or(code),
                };
                let w = self.widths.get(&key).copied().unwrap_or(self.default_width);
                Glyph {
                    text,
                    width: w * self.scale,
                    is_space: n == 1 && code == 32,
                }
            })
            .collect()
    }
}

/// CID → character through the embedded TrueType font's cmap (CIDToGIDMap Identity or a
/// stream).
fn cid_text(doc: &PdfDoc, desc: &Dictionary, budget: &mut Budget) -> HashMap<u32, char> {
    let mut out = HashMap::new();
    let Some(file) = dict(doc, desc.get(b"FontDescriptor").ok()).and_then(|fd| {
        fd.get(b"FontFile2")
            .ok()
            .or_else(|| fd.get(b"FontFile3").ok())
    }) else {
        return out;
    };
    let Some(bytes) = stream_bytes(doc, file, budget) else {
        return out;
    };
    let by_gid = super::sfnt::glyph_unicode(&bytes);
    if by_gid.is_empty() {
        return out;
    }
    let map = desc
        .get(b"CIDToGIDMap")
        .ok()
        .and_then(|o| stream_bytes(doc, o, budget));
    match map {
        Some(m) => {
            for (cid, g) in m.chunks_exact(2).enumerate().take(65_536) {
                let gid = u16::from_be_bytes([g[0], g[1]]);
                if let Some(&c) = by_gid.get(&gid) {
                    out.insert(cid as u32, c);
                }
            }
        }
        None => out.extend(by_gid.into_iter().map(|(g, c)| (g as u32, c))),
    }
    out
}

fn be(b: &[u8]) -> u32 {
    b.iter().fold(0u32, |a, &x| a.wrapping_shl(8) | x as u32)
}

fn read_cid_widths(doc: &PdfDoc, w: &[Object], out: &mut HashMap<u32, f64>) {
    let mut i = 0;
    while i < w.len() && out.len() < MAX_MAP {
        let Some(first) = num(doc, Some(&w[i])) else {
            i += 1;
            continue;
        };
        let first = first.max(0.0) as u32;
        match w.get(i + 1).map(|o| deref(doc, o)) {
            Some(Object::Array(list)) => {
                for (k, o) in list.iter().enumerate() {
                    if let Some(v) = num(doc, Some(o)) {
                        out.insert(first.saturating_add(k as u32), v);
                    }
                }
                i += 2;
            }
            Some(_) => {
                let last = num(doc, w.get(i + 1)).unwrap_or(0.0).max(0.0) as u32;
                let v = num(doc, w.get(i + 2)).unwrap_or(1000.0);
                let last = last.min(first.saturating_add(65_535));
                for c in first..=last {
                    out.insert(c, v);
                }
                i += 3;
            }
            None => break,
        }
    }
}

/// What a CMap stream says.
#[derive(Debug, Default)]
pub struct CMap {
    pub ranges: Vec<(usize, u32, u32)>,
    pub unicode: HashMap<u32, String>,
    pub cids: HashMap<u32, u32>,
}

fn utf16be(b: &[u8]) -> String {
    let units: Vec<u16> = b
        .chunks(2)
        .map(|c| {
            if c.len() == 2 {
                u16::from_be_bytes([c[0], c[1]])
            } else {
                c[0] as u16
            }
        })
        .collect();
    char::decode_utf16(units)
        .map(|r| r.unwrap_or('\u{FFFD}'))
        .collect()
}

/// Adds `n` to the last UTF-16 unit of `dst` (bfrange with a string destination).
fn bump(dst: &[u8], n: u32) -> String {
    let mut b = dst.to_vec();
    if b.len() >= 2 {
        let k = b.len() - 2;
        let v = u16::from_be_bytes([b[k], b[k + 1]]).wrapping_add(n as u16);
        b[k..].copy_from_slice(&v.to_be_bytes());
    } else if let Some(last) = b.last_mut() {
        *last = last.wrapping_add(n as u8);
    }
    utf16be(&b)
}

/// Parses a CMap (ToUnicode or an embedded encoding CMap).
pub fn parse_cmap(s: &[u8]) -> CMap {
    let toks = lex::tokens(s, 2_000_000);
    let mut cm = CMap::default();
    let mut i = 0;
    while i < toks.len() {
        let lex::Tok::Word(w) = &toks[i] else {
            i += 1;
            continue;
        };
        let w = w.as_slice();
        i += 1;
        let end: &[u8] = match w {
            b"begincodespacerange" => b"endcodespacerange",
            b"beginbfchar" => b"endbfchar",
            b"beginbfrange" => b"endbfrange",
            b"begincidrange" => b"endcidrange",
            b"begincidchar" => b"endcidchar",
            _ => continue,
        };
        let start = i;
        while i < toks.len() && !matches!(&toks[i], lex::Tok::Word(x) if x == end) {
            i += 1;
        }
        let body = &toks[start..i];
        match w {
            b"begincodespacerange" => cm.codespace_ranges(body),
            b"beginbfchar" => cm.bf_chars(body),
            b"beginbfrange" => cm.bf_ranges(body),
            b"begincidrange" => cm.cid_ranges(body),
            b"begincidchar" => cm.cid_chars(body),
            _ => {}
        }
        i += 1;
    }
    cm
}

/// A token's string, if it is one.
fn tok_str(t: &lex::Tok) -> Option<Vec<u8>> {
    match t {
        lex::Tok::Obj(Operand::Str(v)) => Some(v.clone()),
        _ => None,
    }
}

/// The sections of a CMap, each a list of entries.
impl CMap {
    /// `begincodespacerange`: pairs of (low, high) codes; their length is the code's.
    fn codespace_ranges(&mut self, body: &[lex::Tok]) {
        for p in body.chunks(2) {
            if let [a, b] = p {
                if let (Some(lo), Some(hi)) = (tok_str(a), tok_str(b)) {
                    if !lo.is_empty() && lo.len() <= 4 {
                        self.ranges.push((lo.len(), be(&lo), be(&hi)));
                    }
                }
            }
        }
    }

    /// `beginbfchar`: pairs of (code, Unicode string or glyph name).
    fn bf_chars(&mut self, body: &[lex::Tok]) {
        for p in body.chunks(2) {
            if let [a, b] = p {
                let Some(src) = tok_str(a) else { continue };
                let dst = match b {
                    lex::Tok::Obj(Operand::Str(v)) => utf16be(v),
                    lex::Tok::Obj(Operand::Name(n)) => {
                        glyph_name(n).map(String::from).unwrap_or_default()
                    }
                    _ => continue,
                };
                if self.unicode.len() < MAX_MAP {
                    self.unicode.insert(be(&src), dst);
                }
            }
        }
    }

    /// `beginbfrange`: triples of (low, high, first string or array of strings).
    fn bf_ranges(&mut self, body: &[lex::Tok]) {
        for p in body.chunks(3) {
            if let [a, b, c] = p {
                let (Some(lo), Some(hi)) = (tok_str(a), tok_str(b)) else {
                    continue;
                };
                let (lo, hi) = (be(&lo), be(&hi));
                if hi < lo || hi - lo > 65_535 {
                    continue;
                }
                for (k, code) in (lo..=hi).enumerate() {
                    if self.unicode.len() >= MAX_MAP {
                        break;
                    }
                    let t = match c {
                        lex::Tok::Obj(Operand::Str(d)) => bump(d, k as u32),
                        lex::Tok::Obj(Operand::Arr(list)) => match list.get(k) {
                            Some(Operand::Str(d)) => utf16be(d),
                            _ => break,
                        },
                        _ => break,
                    };
                    self.unicode.insert(code, t);
                }
            }
        }
    }

    /// `begincidrange`: triples of (low, high, first CID).
    fn cid_ranges(&mut self, body: &[lex::Tok]) {
        for p in body.chunks(3) {
            if let [a, b, lex::Tok::Obj(Operand::Num(cid))] = p {
                let (Some(lo), Some(hi)) = (tok_str(a), tok_str(b)) else {
                    continue;
                };
                let (lo, hi) = (be(&lo), be(&hi));
                if hi < lo || hi - lo > 65_535 {
                    continue;
                }
                for code in lo..=hi {
                    if self.cids.len() >= MAX_MAP {
                        break;
                    }
                    self.cids.insert(code, *cid as u32 + (code - lo));
                }
            }
        }
    }

    /// `begincidchar`: pairs of (code, CID).
    fn cid_chars(&mut self, body: &[lex::Tok]) {
        for p in body.chunks(2) {
            if let [a, lex::Tok::Obj(Operand::Num(cid))] = p {
                if let Some(src) = tok_str(a) {
                    self.cids.insert(be(&src), *cid as u32);
                }
            }
        }
    }
}

fn win_ansi() -> Vec<Option<char>> {
    const HIGH: [u16; 32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
        0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
        0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ];
    (0u32..256)
        .map(|c| match c {
            0x20..=0x7E | 0xA0..=0xFF => char::from_u32(c),
            0x80..=0x9F => match HIGH[(c - 0x80) as usize] {
                0 => None,
                u => char::from_u32(u as u32),
            },
            9 | 10 | 13 => Some(' '),
            _ => None,
        })
        .collect()
}

fn standard() -> Vec<Option<char>> {
    let mut v = win_ansi();
    v[0x27] = Some('\u{2019}');
    v[0x60] = Some('\u{2018}');
    for c in v.iter_mut().skip(0x80) {
        *c = None;
    }
    v
}

fn simple_encoding(doc: &PdfDoc, enc: Option<&Object>) -> Vec<Option<char>> {
    let base_of = |n: &[u8]| {
        if n == b"StandardEncoding" {
            standard()
        } else {
            win_ansi()
        }
    };
    if let Some(n) = name(doc, enc) {
        return base_of(&n);
    }
    let Some(d) = dict(doc, enc) else {
        return win_ansi();
    };
    let mut v = name(doc, d.get(b"BaseEncoding").ok())
        .map(|n| base_of(&n))
        .unwrap_or_else(win_ansi);
    if let Some(diff) = arr(doc, d.get(b"Differences").ok()) {
        let mut code = 0usize;
        for o in diff {
            match deref(doc, o) {
                Object::Integer(n) => code = (*n).clamp(0, 255) as usize,
                Object::Real(n) => code = (*n as i64).clamp(0, 255) as usize,
                Object::Name(n) => {
                    if code < 256 {
                        v[code] = glyph_name(n);
                    }
                    code += 1;
                }
                _ => {}
            }
        }
    }
    v
}

/// Unicode for a glyph name: `uniXXXX`, `uXXXX[XX]`, single letters and digits, and the
/// common punctuation names.
pub fn glyph_name(n: &[u8]) -> Option<char> {
    let s = std::str::from_utf8(n).ok()?;
    let s = s.split('.').next().unwrap_or(s);
    if let Some(h) = s.strip_prefix("uni") {
        if h.len() >= 4 {
            return u32::from_str_radix(&h[..4], 16)
                .ok()
                .and_then(char::from_u32);
        }
    }
    if let Some(h) = s.strip_prefix('u') {
        if (4..=6).contains(&h.len()) && h.chars().all(|c| c.is_ascii_hexdigit()) {
            return u32::from_str_radix(h, 16).ok().and_then(char::from_u32);
        }
    }
    if s.len() == 1 && s.as_bytes()[0].is_ascii_alphabetic() {
        return s.chars().next();
    }
    const NAMES: &[(&str, char)] = &[
        ("space", ' '),
        ("exclam", '!'),
        ("quotedbl", '"'),
        ("numbersign", '#'),
        ("dollar", '$'),
        ("percent", '%'),
        ("ampersand", '&'),
        ("quotesingle", '\''),
        ("quoteright", '\u{2019}'),
        ("quoteleft", '\u{2018}'),
        ("parenleft", '('),
        ("parenright", ')'),
        ("asterisk", '*'),
        ("plus", '+'),
        ("comma", ','),
        ("hyphen", '-'),
        ("minus", '\u{2212}'),
        ("period", '.'),
        ("slash", '/'),
        ("zero", '0'),
        ("one", '1'),
        ("two", '2'),
        ("three", '3'),
        ("four", '4'),
        ("five", '5'),
        ("six", '6'),
        ("seven", '7'),
        ("eight", '8'),
        ("nine", '9'),
        ("colon", ':'),
        ("semicolon", ';'),
        ("less", '<'),
        ("equal", '='),
        ("greater", '>'),
        ("question", '?'),
        ("at", '@'),
        ("bracketleft", '['),
        ("backslash", '\\'),
        ("bracketright", ']'),
        ("asciicircum", '^'),
        ("underscore", '_'),
        ("grave", '`'),
        ("braceleft", '{'),
        ("bar", '|'),
        ("braceright", '}'),
        ("asciitilde", '~'),
        ("endash", '\u{2013}'),
        ("emdash", '\u{2014}'),
        ("quotedblleft", '\u{201C}'),
        ("quotedblright", '\u{201D}'),
        ("bullet", '\u{2022}'),
        ("ellipsis", '\u{2026}'),
        ("periodcentered", '\u{00B7}'),
        ("nbspace", '\u{00A0}'),
        ("degree", '\u{00B0}'),
        ("multiply", '\u{00D7}'),
    ];
    NAMES.iter().find(|(k, _)| *k == s).map(|&(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tounicode_bfchar_bfrange_arrays_and_surrogates() {
        let cm = parse_cmap(
            b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
              1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
              2 beginbfchar <0003> <0020> <0010> <D840DC00> endbfchar\n\
              2 beginbfrange <0020> <0022> <4E00> <0030> <0031> [<0041> <00420043>] endbfrange\n\
              endcmap",
        );
        assert_eq!(cm.ranges, vec![(2, 0, 0xFFFF)]);
        assert_eq!(cm.unicode[&3], " ");
        assert_eq!(cm.unicode[&0x10], "\u{20000}");
        assert_eq!(cm.unicode[&0x22], "\u{4E02}");
        assert_eq!(cm.unicode[&0x31], "BC");
    }

    #[test]
    fn glyph_names() {
        assert_eq!(glyph_name(b"uni4E00"), Some('一'));
        assert_eq!(glyph_name(b"zero"), Some('0'));
        assert_eq!(glyph_name(b"a.sc"), Some('a'));
        assert_eq!(glyph_name(b"g123"), None);
    }
}
