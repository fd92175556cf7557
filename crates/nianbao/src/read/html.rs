//! Web pages: a saved page (.html/.htm in UTF-8, GBK/GB2312/GB18030 …) and HTML from the
//! clipboard (a web page, Word or WPS copied and pasted).
//!
//! A small tolerant parser of our own (no recursion, linear time): government pages are rarely
//! well formed (unclosed `<p>` and `<td>`, `</TD>` for `<td>`, `<!DOCTYPE … PUBLIC …>`, Word's
//! `<![if !supportLists]>`), and general-purpose light parsers that trust end tags nest the rest
//! of the page inside the first unclosed element. Tags are closed the way browsers close them
//! (a `<td>` closes the open cell, a `<tr>` the open row, a block closes an open `<p>`; an end
//! tag closes only an element open inside the same table cell).
//!
//! Text: block elements start a new paragraph, inline ones do not; scripts, styles, the head and
//! hidden elements are dropped. Tables: each data table becomes a grid (rows, columns, spans as
//! the HTML table model places them); a layout table (one that holds another table, a cell of
//! long prose, or a single cell) is read as paragraphs, its inner tables as grids.

use super::{Legacy, ReadError};
use crate::document::{Builder, CellIn, Document, Form};

/// Deepest element nesting kept; deeper start tags are read as if they were not there.
const MAX_DEPTH: usize = 200;
/// Most table cells in one page.
const MAX_CELLS: usize = 200_000;
/// Largest grid (rows × columns) of one table.
const MAX_GRID: usize = 4_000_000;
/// Largest row or column span honoured.
const MAX_SPAN: usize = 1000;
/// A cell with more characters than this is prose: its table is a layout table.
const PROSE_CELL: usize = 200;

/// Reads a web page file.
pub fn read(bytes: &[u8], legacy: Legacy) -> Result<Document, ReadError> {
    let (text, encoding, note) = decode(bytes, legacy)?;
    let mut doc = convert(&text, Form::Html, &encoding)?;
    if let Some((zh, en)) = note {
        doc.notes.insert(0, crate::document::ReadNote { zh, en });
    }
    Ok(doc)
}

/// Reads HTML from the clipboard. Never fails: HTML it cannot read gives an empty document with
/// a note saying why.
pub fn read_pasted(html: &str) -> Document {
    // The Windows clipboard format puts a "Version:0.9 StartHTML:…" header before the HTML.
    let html = if html.starts_with("Version:") {
        html.find('<').map_or(html, |i| &html[i..])
    } else {
        html
    };
    convert(html, Form::PastedHtml, "utf-8").unwrap_or_else(|e| {
        let mut b = Builder::new(Form::PastedHtml, "utf-8");
        b.note(e.zh, e.en);
        b.finish()
    })
}

// ---------------------------------------------------------------------------------------------
// Encoding

type Note = Option<(String, String)>;

/// Bytes → text: BOM, else the `<meta>` charset in the first 4 KB, else UTF-8 if valid, else
/// GB18030.
fn decode(bytes: &[u8], legacy: Legacy) -> Result<(String, String, Note), ReadError> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF])
        || bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF])
    {
        let d = super::text::decode(bytes, legacy)?;
        let note = d.notes.into_iter().next();
        return Ok((d.text, d.encoding.to_string(), note));
    }
    let declared = sniff_charset(&bytes[..bytes.len().min(4096)]);
    let utf8 = std::str::from_utf8(bytes).ok();
    match declared.as_deref() {
        None | Some("utf-8") => {
            if let Some(s) = utf8 {
                return Ok((s.to_string(), "utf-8".into(), None));
            }
            if let Some(s) = legacy(bytes, "gb18030") {
                let note = declared.is_some().then(|| {
                    (
                        "网页声明为UTF-8编码，但实为GB18030（GBK）编码，已按GB18030读取"
                            .to_string(),
                        "the page says UTF-8 but is GB18030 (GBK); read as GB18030".to_string(),
                    )
                });
                return Ok((s, "gb18030".into(), note));
            }
            // Mostly UTF-8 with a few broken bytes: the text reader's repair.
            let d = super::text::decode(bytes, legacy)?;
            let note = d.notes.into_iter().next();
            Ok((d.text, d.encoding.to_string(), note))
        }
        Some(label) => {
            // Declared GBK but valid UTF-8 with non-ASCII text: the declaration is wrong (GBK
            // text is almost never valid UTF-8).
            if let Some(s) = utf8.filter(|s| !s.is_ascii()) {
                return Ok((
                    s.to_string(),
                    "utf-8".into(),
                    Some((
                        format!("网页声明的编码为{label}，但实为UTF-8编码，已按UTF-8读取"),
                        format!("the page says {label} but is UTF-8; read as UTF-8"),
                    )),
                ));
            }
            if let Some(s) = utf8 {
                return Ok((s.to_string(), label.to_string(), None));
            }
            match legacy(bytes, label) {
                Some(s) => Ok((s, label.to_string(), None)),
                None => Err(ReadError::new(
                    format!("无法按网页声明的{label}编码读取此网页：请在浏览器中打开网页，全选复制后粘贴"),
                    format!(
                        "cannot decode the page in its declared encoding {label}: open it in a \
                         browser, select all, copy and paste"
                    ),
                )),
            }
        }
    }
}

/// The charset a `<meta>` tag declares, as a WHATWG label (GBK and GB2312 as "gb18030").
fn sniff_charset(head: &[u8]) -> Option<String> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(i) = find(&lower[from..], b"<meta") {
        let start = from + i;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset") {
            let mut rest = &tag[c + 7..];
            while let Some((&b, r)) = rest.split_first() {
                if b.is_ascii_whitespace() || b == b'=' || b == b'"' || b == b'\'' {
                    rest = r;
                } else {
                    break;
                }
            }
            let label: String = rest
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
                .map(|&b| b as char)
                .collect();
            if !label.is_empty() {
                return Some(canonical(&label));
            }
        }
        from = end;
    }
    None
}

fn canonical(label: &str) -> String {
    match label {
        "gbk" | "gb2312" | "gb_2312" | "gb_2312-80" | "x-gbk" | "chinese" | "csgb2312"
        | "iso-ir-58" | "csiso58gb231280" | "gb18030" | "cp936" | "windows-936" | "x-cp936"
        | "euc-cn" | "x-euc-cn" => "gb18030".into(),
        // WHATWG: a page declaring UTF-16 in an ASCII-readable meta tag is not UTF-16.
        "utf-8" | "utf8" | "unicode-1-1-utf-8" | "utf-16" | "utf-16le" | "utf-16be" => {
            "utf-8".into()
        }
        other => other.to_string(),
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

// ---------------------------------------------------------------------------------------------
// Tokens

enum Tok<'a> {
    Start {
        name: String,
        attrs: &'a str,
        self_closing: bool,
    },
    End(String),
    Text(&'a str),
    /// Word's `<![if !supportLists]>` (true) … `<![endif]>` (false).
    ListMark(bool),
}

/// Elements whose content is not markup.
const RAW_TEXT: &[&str] = &["script", "style", "xml", "textarea", "noscript", "template"];

struct Tokens<'a> {
    s: &'a str,
    i: usize,
    title: Option<String>,
}

impl<'a> Tokens<'a> {
    /// Moves past the next `needle`; returns where it starts (the end of the text when there
    /// is none).
    fn skip_to(&mut self, needle: &str) -> usize {
        let b = &self.s.as_bytes()[self.i..];
        match find(b, needle.as_bytes()) {
            Some(k) => {
                let at = self.i + k;
                self.i = at + needle.len();
                at
            }
            None => {
                self.i = self.s.len();
                self.i
            }
        }
    }

    /// After a raw-text element's start tag: its content, up to `</name` (any case).
    fn raw_text(&mut self, name: &str) -> &'a str {
        let b = self.s.as_bytes();
        let start = self.i;
        let mut k = start;
        while let Some(off) = b[k..].iter().position(|&c| c == b'<') {
            let p = k + off;
            let tail = &b[p..];
            if tail.len() >= 2 + name.len()
                && tail[1] == b'/'
                && tail[2..2 + name.len()].eq_ignore_ascii_case(name.as_bytes())
            {
                self.i = p;
                self.skip_to(">");
                return &self.s[start..p];
            }
            k = p + 1;
        }
        self.i = self.s.len();
        &self.s[start..]
    }
}

fn is_name_byte(b: u8) -> bool {
    !(b.is_ascii_whitespace() || b == b'>' || b == b'/' || b == b'<')
}

impl<'a> Tokens<'a> {
    /// A markup declaration from the `<!` at `start`: a comment (Word's list marks among
    /// them), a conditional section, CDATA, a doctype. None when it yields no token.
    fn declaration(&mut self, start: usize) -> Option<Tok<'a>> {
        let s = self.s;
        let b = s.as_bytes();
        if b[start..].starts_with(b"<!--") {
            let body_start = start + 4;
            self.i = body_start;
            let end = self.skip_to("-->");
            let body = s[body_start..end].trim();
            // Word's downlevel-revealed form: <!--[if !supportLists]--> … <!--[endif]-->
            if body.eq_ignore_ascii_case("[if !supportLists]") {
                return Some(Tok::ListMark(true));
            }
            if body.eq_ignore_ascii_case("[endif]") {
                return Some(Tok::ListMark(false));
            }
            return None;
        }
        if b[start..].starts_with(b"<![") {
            // <![if …]>, <![endif]>, <![CDATA[ … ]]>
            if b[start..].starts_with(b"<![CDATA[") {
                let body_start = start + 9;
                self.i = body_start;
                let end = self.skip_to("]]>");
                return Some(Tok::Text(&s[body_start..end]));
            }
            self.i = start + 3;
            let end = self.skip_to(">");
            let inner = s[start + 3..end].trim_end_matches(']').trim();
            let lower = inner.to_ascii_lowercase();
            if lower.starts_with("if") && lower.contains("supportlists") {
                return Some(Tok::ListMark(true));
            }
            if lower == "endif" {
                return Some(Tok::ListMark(false));
            }
            return None;
        }
        // <!DOCTYPE …> and other declarations.
        self.i = start + 2;
        self.skip_to(">");
        None
    }
}

/// Where a tag's attributes end: at the '>' that is not inside a quoted value (or the end of
/// the page), from `k` just after the tag's name.
fn attrs_end(b: &[u8], mut k: usize) -> usize {
    let mut quote = 0u8;
    let mut value_next = false;
    while k < b.len() {
        let c = b[k];
        if quote != 0 {
            if c == quote {
                quote = 0;
            }
        } else if c == b'>' {
            break;
        } else if c == b'=' {
            value_next = true;
        } else if value_next && (c == b'"' || c == b'\'') {
            quote = c;
            value_next = false;
        } else if !c.is_ascii_whitespace() {
            value_next = false;
        }
        k += 1;
    }
    k
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Tok<'a>;

    fn next(&mut self) -> Option<Tok<'a>> {
        let s = self.s;
        let b = s.as_bytes();
        loop {
            if self.i >= b.len() {
                return None;
            }
            let start = self.i;
            if b[start] != b'<' {
                let end = b[start..]
                    .iter()
                    .position(|&c| c == b'<')
                    .map_or(b.len(), |k| start + k);
                self.i = end;
                return Some(Tok::Text(&s[start..end]));
            }
            let next = b.get(start + 1).copied().unwrap_or(0);
            if next == b'!' {
                match self.declaration(start) {
                    Some(tok) => return Some(tok),
                    None => continue,
                }
            }
            if next == b'?' {
                self.i = start + 2;
                self.skip_to(">");
                continue;
            }
            let is_end = next == b'/';
            let name_start = start + 1 + is_end as usize;
            if !b.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
                if is_end {
                    // "</ …>" or "</>": dropped, as browsers do.
                    self.i = name_start;
                    self.skip_to(">");
                    continue;
                }
                // A lone '<' is text.
                self.i = start + 1;
                return Some(Tok::Text(&s[start..start + 1]));
            }
            let mut k = name_start;
            while k < b.len() && is_name_byte(b[k]) {
                k += 1;
            }
            let name = s[name_start..k].to_ascii_lowercase();
            // Attributes up to the '>' that is not inside a quoted value.
            let attr_start = k;
            let k = attrs_end(b, k);
            let attr_end = k.min(b.len());
            self.i = (k + 1).min(b.len());
            let attrs = &s[attr_start..attr_end];
            if is_end {
                return Some(Tok::End(name));
            }
            let self_closing = attrs.ends_with('/');
            if name == "title" {
                let t = self.raw_text("title");
                if self.title.is_none() {
                    self.title = Some(decode_entities(t));
                }
                continue;
            }
            if RAW_TEXT.contains(&name.as_str()) && !self_closing {
                self.raw_text(&name);
                continue;
            }
            return Some(Tok::Start {
                name,
                attrs,
                self_closing,
            });
        }
    }
}

/// The value of attribute `key` (lower case) in a start tag's attribute text.
fn attr<'a>(attrs: &'a str, key: &str) -> Option<&'a str> {
    let b = attrs.as_bytes();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        let ns = i;
        while i < b.len() && !(b[i].is_ascii_whitespace() || b[i] == b'=' || b[i] == b'/') {
            i += 1;
        }
        let name = &attrs[ns..i];
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = "";
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let vs = i + 1;
                let ve = b[vs..]
                    .iter()
                    .position(|&c| c == q)
                    .map_or(b.len(), |k| vs + k);
                value = &attrs[vs..ve];
                i = (ve + 1).min(b.len());
            } else {
                let vs = i;
                while i < b.len() && !b[i].is_ascii_whitespace() {
                    i += 1;
                }
                value = &attrs[vs..i];
            }
        }
        if name.eq_ignore_ascii_case(key) {
            return Some(value);
        }
        if i == ns {
            i += 1;
        }
    }
    None
}

/// A span attribute: leading digits ("2", " 3 ", "2px"); garbage gives `default`.
fn span(attrs: &str, key: &str) -> Option<usize> {
    let v = attr(attrs, key)?.trim();
    let digits: String = v.chars().take_while(char::is_ascii_digit).take(9).collect();
    digits.parse().ok()
}

// ---------------------------------------------------------------------------------------------
// Entities

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let (ch, used) = entity(rest);
        match ch {
            Some(e) => {
                match e {
                    Ent::S(t) => out.push_str(t),
                    Ent::C(c) => out.push(c),
                }
                rest = &rest[used..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Windows-1252 characters that pages name by their byte value (&#147; for “).
const CP1252: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// The entity at the start of `s` ("&…"): its text and how many bytes it used.
enum Ent {
    S(&'static str),
    C(char),
}

fn entity(s: &str) -> (Option<Ent>, usize) {
    let b = s.as_bytes();
    if b.get(1) == Some(&b'#') {
        let hex = matches!(b.get(2), Some(b'x' | b'X'));
        let ds = if hex { 3 } else { 2 };
        let mut k = ds;
        while k < b.len()
            && k - ds < 8
            && (if hex {
                b[k].is_ascii_hexdigit()
            } else {
                b[k].is_ascii_digit()
            })
        {
            k += 1;
        }
        if k == ds {
            return (None, 0);
        }
        let n = u32::from_str_radix(&s[ds..k], if hex { 16 } else { 10 }).unwrap_or(0xFFFD);
        let used = if b.get(k) == Some(&b';') { k + 1 } else { k };
        let c = match n {
            0x80..=0x9F => CP1252[(n - 0x80) as usize],
            0 => '\u{FFFD}',
            n => char::from_u32(n).unwrap_or('\u{FFFD}'),
        };
        return (Some(Ent::C(c)), used);
    }
    let mut k = 1;
    while k < b.len() && k < 12 && b[k].is_ascii_alphanumeric() {
        k += 1;
    }
    let name = &s[1..k];
    let with_semi = b.get(k) == Some(&b';');
    let text = match name {
        "nbsp" => "\u{A0}",
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" if with_semi => "'",
        "ldquo" if with_semi => "“",
        "rdquo" if with_semi => "”",
        "lsquo" if with_semi => "‘",
        "rsquo" if with_semi => "’",
        "mdash" if with_semi => "—",
        "ndash" if with_semi => "–",
        "hellip" if with_semi => "…",
        "middot" if with_semi => "·",
        "bull" if with_semi => "•",
        "times" if with_semi => "×",
        "divide" if with_semi => "÷",
        "plusmn" if with_semi => "±",
        "deg" if with_semi => "°",
        "yen" if with_semi => "¥",
        "copy" => "©",
        "reg" => "®",
        "laquo" if with_semi => "«",
        "raquo" if with_semi => "»",
        "emsp" if with_semi => "\u{2003}",
        "ensp" if with_semi => "\u{2002}",
        "thinsp" if with_semi => "\u{2009}",
        "zwj" | "zwnj" if with_semi => "",
        "shy" if with_semi => "",
        _ => return (None, 0),
    };
    (Some(Ent::S(text)), k + with_semi as usize)
}

// ---------------------------------------------------------------------------------------------
// Tree

enum Kind {
    El {
        name: String,
        rowspan: Option<usize>,
        colspan: Option<usize>,
        hidden: bool,
    },
    Text(String),
    ListMark(bool),
}

struct Node {
    kind: Kind,
    parent: usize,
    children: Vec<usize>,
    /// Characters of text in the subtree (not counting whitespace).
    chars: usize,
    /// The subtree holds a `<table>` (the node itself excluded).
    has_table: bool,
}

struct Tree {
    nodes: Vec<Node>,
    cells: usize,
    too_deep: bool,
    has_h1: bool,
}

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr", "basefont", "frame", "isindex",
];

/// Start tags that close an open `<p>`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
    "li",
    "dd",
    "dt",
];

/// Elements that start and end a paragraph.
const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "option",
    "legend",
];

/// Elements whose content the reader does not see.
const DROPPED: &[&str] = &[
    "head", "iframe", "object", "select", "svg", "math", "canvas", "audio", "video", "map",
    "frameset", "applet",
];

const CELL_BOUNDARY: &[&str] = &["td", "th", "table", "caption"];

fn hidden(attrs: &str) -> bool {
    if attr(attrs, "hidden").is_some() {
        return true;
    }
    attr(attrs, "style").is_some_and(|s| {
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        s.contains("display:none")
    })
}

/// Names whose open elements are counted, so that looking for one that is not open costs
/// nothing.
const COUNTED: &[&str] = &[
    "p", "li", "dt", "dd", "td", "th", "tr", "thead", "tbody", "tfoot", "table", "head", "caption",
];

/// The open elements.
struct Open {
    stack: Vec<usize>,
    counts: [usize; COUNTED.len()],
}

fn counted(name: &str) -> Option<usize> {
    COUNTED.iter().position(|n| *n == name)
}

impl Open {
    /// The innermost open element (the root when none).
    fn top(&self) -> usize {
        *self.stack.last().unwrap_or(&0)
    }

    fn push(&mut self, t: &Tree, i: usize) {
        self.stack.push(i);
        if let Some(k) = counted(t.name(i)) {
            self.counts[k] += 1;
        }
    }

    fn truncate(&mut self, t: &Tree, pos: usize) {
        let pos = pos.max(1);
        while self.stack.len() > pos {
            if let Some(k) = self.stack.pop().and_then(|i| counted(t.name(i))) {
                self.counts[k] = self.counts[k].saturating_sub(1);
            }
        }
    }

    /// Position in the stack of the nearest open element named in `targets`, not looking past
    /// one named in `stop`.
    fn nearest(&self, t: &Tree, targets: &[&str], stop: &[&str]) -> Option<usize> {
        let none_open = targets
            .iter()
            .all(|n| counted(n).is_some_and(|k| self.counts[k] == 0));
        if none_open {
            return None;
        }
        for (pos, &i) in self.stack.iter().enumerate().rev() {
            let n = t.name(i);
            if targets.contains(&n) {
                return Some(pos);
            }
            if stop.contains(&n) {
                return None;
            }
        }
        None
    }
}

impl Tree {
    fn name(&self, i: usize) -> &str {
        match &self.nodes[i].kind {
            Kind::El { name, .. } => name,
            _ => "",
        }
    }

    fn add(&mut self, parent: usize, kind: Kind) -> usize {
        let i = self.nodes.len();
        self.nodes.push(Node {
            kind,
            parent,
            children: Vec::new(),
            chars: 0,
            has_table: false,
        });
        self.nodes[parent].children.push(i);
        i
    }

    fn build(html: &str) -> (Tree, Option<String>) {
        let mut t = Tree::new();
        let mut stack = Open {
            stack: vec![0],
            counts: [0; COUNTED.len()],
        };
        let mut toks = Tokens {
            s: html,
            i: 0,
            title: None,
        };
        for tok in toks.by_ref() {
            match tok {
                Tok::Text(s) => {
                    let top = stack.top();
                    t.add(top, Kind::Text(decode_entities(s)));
                }
                Tok::ListMark(on) => {
                    let top = stack.top();
                    t.add(top, Kind::ListMark(on));
                }
                Tok::Start {
                    name,
                    attrs,
                    self_closing,
                } => {
                    if !t.start_tag(&mut stack, name, attrs, self_closing) {
                        return (t, None);
                    }
                }
                Tok::End(name) => t.end_tag(&mut stack, name),
            }
        }
        t.sum_up();
        (t, toks.title)
    }

    /// A tree holding only its root.
    fn new() -> Tree {
        Tree {
            nodes: vec![Node {
                kind: Kind::El {
                    name: "#root".into(),
                    rowspan: None,
                    colspan: None,
                    hidden: false,
                },
                parent: 0,
                children: Vec::new(),
                chars: 0,
                has_table: false,
            }],
            cells: 0,
            too_deep: false,
            has_h1: false,
        }
    }

    /// A start tag: closes what it implicitly ends, then opens the element. False when the page
    /// has more cells than read.
    fn start_tag(
        &mut self,
        stack: &mut Open,
        name: String,
        attrs: &str,
        self_closing: bool,
    ) -> bool {
        let n = name.as_str();
        if matches!(n, "html" | "body") && stack.stack.iter().any(|&i| self.name(i) == n) {
            return true;
        }
        self.close_implied(stack, n);
        if matches!(n, "td" | "th") {
            self.cells += 1;
            if self.cells > MAX_CELLS {
                return false;
            }
        }
        let is_hidden = hidden(attrs);
        if n == "h1" && !is_hidden {
            self.has_h1 = true;
        }
        let is_void = VOID.contains(&n) || self_closing;
        let top = stack.top();
        let (rowspan, colspan) = if matches!(n, "td" | "th") {
            (span(attrs, "rowspan"), span(attrs, "colspan"))
        } else {
            (None, None)
        };
        let i = self.add(
            top,
            Kind::El {
                name,
                rowspan,
                colspan,
                hidden: is_hidden,
            },
        );
        if !is_void {
            if stack.stack.len() >= MAX_DEPTH {
                self.too_deep = true;
            } else {
                stack.push(self, i);
            }
        }
        true
    }

    /// Closes the open elements a start tag named `n` implicitly ends (a `<p>` by a block, an
    /// `<li>` by the next, a cell by the next cell), and opens the row a cell straight in a table
    /// implies.
    fn close_implied(&mut self, stack: &mut Open, n: &str) {
        let t = &*self;
        if n == "body" {
            if let Some(pos) = stack.nearest(t, &["head"], &[]) {
                stack.truncate(t, pos);
            }
        }
        if CLOSES_P.contains(&n) {
            if let Some(pos) = stack.nearest(t, &["p"], CELL_BOUNDARY) {
                stack.truncate(t, pos);
            }
        }
        match n {
            "li" => {
                if let Some(pos) = stack.nearest(t, &["li"], &["ul", "ol", "td", "th", "table"]) {
                    stack.truncate(t, pos);
                }
            }
            "dt" | "dd" => {
                if let Some(pos) = stack.nearest(t, &["dt", "dd"], &["dl", "td", "th", "table"]) {
                    stack.truncate(t, pos);
                }
            }
            "td" | "th" => {
                if let Some(pos) = stack.nearest(t, &["td", "th"], &["tr", "table"]) {
                    stack.truncate(t, pos);
                }
                // A cell straight in a table: the row it implies.
                let in_row = stack.nearest(t, &["tr"], &["table"]).is_some();
                let in_table = stack.nearest(t, &["table"], &[]).is_some();
                if in_table && !in_row && stack.stack.len() < MAX_DEPTH {
                    let top = stack.top();
                    let tr = self.add(
                        top,
                        Kind::El {
                            name: "tr".into(),
                            rowspan: None,
                            colspan: None,
                            hidden: false,
                        },
                    );
                    stack.push(self, tr);
                }
            }
            "tr" => {
                if let Some(pos) = stack.nearest(t, &["tr"], &["table"]) {
                    stack.truncate(t, pos);
                }
            }
            "thead" | "tbody" | "tfoot" => {
                if let Some(pos) = stack.nearest(t, &["thead", "tbody", "tfoot"], &["table"]) {
                    stack.truncate(t, pos);
                }
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let top = stack.top();
                if matches!(t.name(top), "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
                    stack.truncate(t, stack.stack.len() - 1);
                }
            }
            _ => {}
        }
    }

    /// An end tag: closes the nearest open element of its name, within its table part; a `</br>`
    /// is a line break.
    fn end_tag(&mut self, stack: &mut Open, name: String) {
        let n = name.as_str();
        if n == "br" {
            let top = stack.top();
            self.add(
                top,
                Kind::El {
                    name,
                    rowspan: None,
                    colspan: None,
                    hidden: false,
                },
            );
            return;
        }
        let t = &*self;
        let pos = match n {
            "html" | "body" => None,
            "td" | "th" => stack.nearest(t, &["td", "th"], &["table"]),
            "tr" | "thead" | "tbody" | "tfoot" | "caption" => stack.nearest(t, &[n], &["table"]),
            "table" => stack.nearest(t, &["table"], &[]),
            _ => stack.nearest(t, &[n], CELL_BOUNDARY),
        };
        if let Some(pos) = pos {
            if pos > 0 {
                stack.truncate(t, pos);
            }
        }
    }

    /// Bottom-up: characters and nested tables (children come after their parents).
    fn sum_up(&mut self) {
        let t = self;
        for i in (1..t.nodes.len()).rev() {
            let own = match &t.nodes[i].kind {
                Kind::Text(s) => s.chars().filter(|c| !c.is_whitespace()).count(),
                _ => 0,
            };
            let is_table = t.name(i) == "table";
            let n = &mut t.nodes[i];
            n.chars += own;
            let (chars, table) = (n.chars, n.has_table || is_table);
            let p = n.parent;
            t.nodes[p].chars += chars;
            t.nodes[p].has_table |= table;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Text

enum Block {
    Para(String),
    Table(Vec<CellIn>),
}

#[derive(Clone, Copy, PartialEq, PartialOrd)]
enum Ws {
    None,
    Space,
    /// A line break in the source: no space between two CJK characters.
    Break,
}

struct Sink {
    blocks: Vec<Block>,
    cur: String,
    pending: Ws,
    last: char,
    marker: usize,
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

impl Sink {
    fn new() -> Sink {
        Sink {
            blocks: Vec::new(),
            cur: String::new(),
            pending: Ws::None,
            last: ' ',
            marker: 0,
        }
    }

    fn text(&mut self, s: &str) {
        for c in s.chars() {
            if self.marker > 0 && c.is_whitespace() {
                // Word's list numbers ("一、" + spacer): the spacer is layout, not text.
                self.pending = Ws::None;
                continue;
            }
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C') {
                let w = if matches!(c, '\n' | '\r') {
                    Ws::Break
                } else {
                    Ws::Space
                };
                if w > self.pending {
                    self.pending = w;
                }
                continue;
            }
            if !self.cur.is_empty() {
                match self.pending {
                    Ws::Space => self.cur.push(' '),
                    Ws::Break if !(is_cjk(self.last) && is_cjk(c)) => self.cur.push(' '),
                    _ => {}
                }
            }
            self.pending = Ws::None;
            self.cur.push(c);
            self.last = c;
        }
    }

    fn brk(&mut self) {
        let t = self.cur.trim();
        if !t.is_empty() {
            self.blocks.push(Block::Para(t.to_string()));
        }
        self.cur.clear();
        self.pending = Ws::None;
    }
}

struct Walk<'t> {
    tree: &'t Tree,
    grids: usize,
    grid_error: Option<ReadError>,
}

impl Walk<'_> {
    fn walk(&mut self, i: usize, sink: &mut Sink) {
        let node = &self.tree.nodes[i];
        let (name, hidden) = match &node.kind {
            Kind::Text(s) => return sink.text(s),
            Kind::ListMark(on) => {
                if *on {
                    sink.marker += 1;
                } else {
                    sink.marker = sink.marker.saturating_sub(1);
                }
                return;
            }
            Kind::El { name, hidden, .. } => (name.as_str(), *hidden),
        };
        if hidden || DROPPED.contains(&name) {
            return;
        }
        if name == "br" {
            return sink.brk();
        }
        if name == "table" && self.grid(i, sink) {
            return;
        }
        let block = BLOCK.contains(&name);
        if block {
            sink.brk();
        }
        for &c in &node.children {
            self.walk(c, sink);
        }
        if block {
            sink.brk();
        }
    }

    /// Rows of a table: its `<tr>`, also inside sections and stray wrappers, not inside cells
    /// or nested tables.
    fn rows(&self, table: usize) -> Vec<usize> {
        let mut rows = Vec::new();
        let mut todo: Vec<usize> = self.tree.nodes[table]
            .children
            .iter()
            .rev()
            .copied()
            .collect();
        while let Some(i) = todo.pop() {
            match self.tree.name(i) {
                "tr" => rows.push(i),
                "td" | "th" | "table" | "" => {}
                _ => todo.extend(self.tree.nodes[i].children.iter().rev()),
            }
        }
        rows
    }

    fn cells(&self, tr: usize) -> Vec<usize> {
        let mut cells = Vec::new();
        let mut todo: Vec<usize> = self.tree.nodes[tr].children.iter().rev().copied().collect();
        while let Some(i) = todo.pop() {
            match self.tree.name(i) {
                "td" | "th" => cells.push(i),
                "tr" | "table" | "" => {}
                _ => todo.extend(self.tree.nodes[i].children.iter().rev()),
            }
        }
        cells
    }

    /// A data table becomes a grid (true); a layout table is left to be read as text (false).
    fn grid(&mut self, table: usize, sink: &mut Sink) -> bool {
        let t = self.tree;
        if t.nodes[table].has_table {
            return false;
        }
        let rows: Vec<Vec<usize>> = self
            .rows(table)
            .into_iter()
            .map(|r| {
                self.cells(r)
                    .into_iter()
                    .filter(|&c| !matches!(t.nodes[c].kind, Kind::El { hidden: true, .. }))
                    .collect()
            })
            .collect();
        let ncells: usize = rows.iter().map(Vec::len).sum();
        if ncells <= 1 {
            return false;
        }
        if rows
            .iter()
            .flatten()
            .any(|&c| t.nodes[c].chars > PROSE_CELL)
        {
            return false;
        }
        let nrows = rows.len();
        let (placed, width) = place(t, &rows, ncells);
        if nrows.saturating_mul(width) > MAX_GRID {
            self.grid_error = Some(ReadError::new(
                "网页中的表格过大，无法读取",
                "a table in the page is too large to read",
            ));
            return true;
        }
        // Captions and stray text of the table come before the grid.
        sink.brk();
        for &c in &t.nodes[table].children {
            if t.name(c) == "caption" {
                self.walk(c, sink);
            }
        }
        sink.brk();
        let cells = placed
            .into_iter()
            .map(|(c, row, col, rowspan, colspan)| {
                let mut s = Sink::new();
                for &k in &t.nodes[c].children {
                    self.walk(k, &mut s);
                }
                s.brk();
                let text = s
                    .blocks
                    .iter()
                    .filter_map(|b| match b {
                        Block::Para(p) => Some(p.as_str()),
                        Block::Table(_) => None,
                    })
                    .collect::<Vec<_>>()
                    .join("\n");
                CellIn {
                    row,
                    col,
                    rowspan,
                    colspan,
                    text,
                }
            })
            .collect();
        self.grids += 1;
        sink.blocks.push(Block::Table(cells));
        true
    }
}

/// Places the cells of a table's rows by the HTML table model (a cell takes the first column
/// no earlier rowspan covers): (cell, row, column, rowspan, colspan) each, and the grid's width.
fn place(t: &Tree, rows: &[Vec<usize>], ncells: usize) -> (Vec<Placed>, usize) {
    let nrows = rows.len();
    let mut pending: Vec<usize> = Vec::new(); // rows still covered, per column
    let mut placed: Vec<Placed> = Vec::with_capacity(ncells);
    for (r, cells) in rows.iter().enumerate() {
        let mut col = 0;
        for &c in cells {
            let (rs, cs) = match &t.nodes[c].kind {
                Kind::El {
                    rowspan, colspan, ..
                } => (*rowspan, *colspan),
                _ => (None, None),
            };
            while col < pending.len() && pending[col] > 0 {
                col += 1;
            }
            let cs = cs.unwrap_or(1).clamp(1, MAX_SPAN);
            let left = nrows - r;
            let rs = match rs {
                Some(0) => left,
                Some(n) => n.min(left).min(MAX_SPAN),
                None => 1,
            }
            .max(1);
            if col + cs > MAX_SPAN * 4 {
                break;
            }
            if pending.len() < col + cs {
                pending.resize(col + cs, 0);
            }
            for p in &mut pending[col..col + cs] {
                *p = rs;
            }
            placed.push((c, r, col, rs, cs));
            col += cs;
        }
        for p in &mut pending {
            *p = p.saturating_sub(1);
        }
    }
    (placed, pending.len())
}

/// A placed cell: its node, row, column, rowspan and colspan.
type Placed = (usize, usize, usize, usize, usize);

/// The main part of a page title ("报告_某某人民政府" → "报告").
fn title_main(t: &str) -> &str {
    let main = t
        .split(['_', '|', '－', '—'])
        .next()
        .unwrap_or(t)
        .split(" - ")
        .next()
        .unwrap_or(t)
        .trim();
    if main.chars().count() >= 4 {
        main
    } else {
        t.trim()
    }
}

fn convert(html: &str, form: Form, encoding: &str) -> Result<Document, ReadError> {
    let (tree, title) = Tree::build(html);
    if tree.cells > MAX_CELLS {
        return Err(ReadError::new(
            format!("网页中的表格单元格超过{MAX_CELLS}个，无法读取"),
            format!("the page has more than {MAX_CELLS} table cells and cannot be read"),
        ));
    }
    let mut walk = Walk {
        tree: &tree,
        grids: 0,
        grid_error: None,
    };
    let mut sink = Sink::new();
    walk.walk(0, &mut sink);
    sink.brk();
    if let Some(e) = walk.grid_error {
        return Err(e);
    }
    let mut b = Builder::new(form, encoding);
    if let Some(title) = title {
        let title: String = title.split_whitespace().collect::<Vec<_>>().join(" ");
        let main = title_main(&title);
        let seen = sink.blocks.iter().any(|bl| match bl {
            Block::Para(p) => p.contains(main),
            Block::Table(_) => false,
        });
        if !tree.has_h1 && !main.is_empty() && !seen {
            b.paragraph(main);
        }
    }
    let mut n = 0;
    for bl in sink.blocks {
        match bl {
            Block::Para(p) => b.paragraph(&p),
            Block::Table(cells) => {
                n += 1;
                b.table(cells, format!("表格 {n}"));
            }
        }
    }
    if tree.too_deep {
        b.note(
            format!("网页元素嵌套超过{MAX_DEPTH}层，更深的层次已按同一层读取"),
            format!("elements nested deeper than {MAX_DEPTH} levels were read as one level"),
        );
    }
    Ok(b.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::no_legacy;

    fn doc(html: &str) -> Document {
        convert(html, Form::Html, "utf-8").unwrap()
    }

    /// (row, col, rowspan, colspan, text) of every cell of grid `g`.
    fn cells(d: &Document, g: usize) -> Vec<(usize, usize, usize, usize, String)> {
        let mut v: Vec<_> = d.tables[g]
            .cells
            .iter()
            .map(|c| (c.row, c.col, c.rowspan, c.colspan, c.text.clone()))
            .collect();
        v.sort();
        v
    }

    fn c(
        r: usize,
        col: usize,
        rs: usize,
        cs: usize,
        t: &str,
    ) -> (usize, usize, usize, usize, String) {
        (r, col, rs, cs, t.to_string())
    }

    #[test]
    fn spans_are_placed_by_the_html_table_model() {
        let d = doc("<table>\
             <tr><td rowspan=2>a</td><td colspan=2>b</td></tr>\
             <tr><td>c</td><td>d</td></tr>\
             <tr><td>e</td><td rowspan=\"9\">f</td><td>g</td></tr>\
             <tr><td colspan=0>h</td><td colspan=\"x\">i</td></tr>\
             </table>");
        assert_eq!(
            cells(&d, 0),
            vec![
                c(0, 0, 2, 1, "a"),
                c(0, 1, 1, 2, "b"),
                c(1, 1, 1, 1, "c"),
                c(1, 2, 1, 1, "d"),
                c(2, 0, 1, 1, "e"),
                // Runs past the table's end: cut to the rows there are.
                c(2, 1, 2, 1, "f"),
                c(2, 2, 1, 1, "g"),
                // colspan=0 and garbage count as 1; "h" takes the first free column.
                c(3, 0, 1, 1, "h"),
                c(3, 2, 1, 1, "i"),
            ]
        );
        assert_eq!((d.tables[0].rows, d.tables[0].cols), (4, 3));
        assert_eq!(d.text, "a\tb\t\n\tc\td\ne\tf\tg\nh\t\ti");
    }

    #[test]
    fn absurd_spans_are_clamped_and_rowspan_zero_runs_to_the_end() {
        let d = doc(
            "<table><tr><td rowspan=0>a</td><td colspan=99999999999>b</td></tr>\
                     <tr><td rowspan=-3 colspan=2px>c</td></tr><tr><td>d</td></tr></table>",
        );
        let g = &d.tables[0];
        assert_eq!(g.at(0, 0).unwrap().rowspan, 3);
        assert_eq!(g.at(0, 1).unwrap().colspan, MAX_SPAN);
        let cc = g.at(1, 1).unwrap();
        assert_eq!((cc.rowspan, cc.colspan, cc.text.as_str()), (1, 2, "c"));
        assert_eq!(g.at(2, 1).unwrap().text, "d");
    }

    #[test]
    fn blank_cells_line_breaks_and_entities() {
        let d = doc("<table><tr><td>&nbsp;</td><td> &nbsp; <o:p>&nbsp;</o:p></td>\
                     <td>三、本年度<br>办理<BR/>结果</td><td><p>a</p><p>b &amp; c</p></td></tr>\
                     <tr><td>&#25968;&#x636E;</td><td>&lt;1&gt;&quot;</td><td>&ldquo;x&rdquo;&#150;</td>\
                     <td>&unknown; &amp</td></tr></table>");
        let g = &d.tables[0];
        assert_eq!(g.at(0, 0).unwrap().text, "");
        assert_eq!(g.at(0, 1).unwrap().text, "");
        assert_eq!(g.at(0, 2).unwrap().text, "三、本年度\n办理\n结果");
        assert_eq!(g.at(0, 3).unwrap().text, "a\nb & c");
        assert_eq!(g.at(1, 0).unwrap().text, "数据");
        assert_eq!(g.at(1, 1).unwrap().text, "<1>\"");
        assert_eq!(g.at(1, 2).unwrap().text, "“x”–");
        assert_eq!(g.at(1, 3).unwrap().text, "&unknown; &");
        assert_eq!(
            decode_entities("&#0;&#xD800;&#99999999;"),
            "\u{FFFD}\u{FFFD}\u{FFFD}"
        );
        assert_eq!(decode_entities("a&nbsp;b"), "a\u{A0}b");
    }

    #[test]
    fn layout_tables_are_text_and_their_data_tables_grids() {
        let prose = "这是一段很长的正文。".repeat(30);
        let d = doc(&format!(
            "<table><tr><td><table><tr><td>首页</td></tr></table>\
             <p>一、总体情况</p><table><tr><td>x</td><td>1</td></tr></table></td>\
             <td>右栏</td></tr></table>\
             <table><tr><td>{prose}</td><td>2</td></tr></table>\
             <table><tr><td>一个格子</td></tr></table>"
        ));
        assert_eq!(d.tables.len(), 1);
        assert_eq!(d.tables[0].origin, "表格 1");
        assert_eq!(
            d.text,
            format!("首页\n一、总体情况\nx\t1\n右栏\n{prose}\n2\n一个格子")
        );
    }

    #[test]
    fn sloppy_markup_is_closed_as_browsers_close_it() {
        let d = doc(
            "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\" \"x.dtd\">\
             <HTML><BODY><P>前言<table><TR><TD><p>a<TD>b</TD><tr><td>c</font><td>d</table>\
             <p>后文<div>块</div><li>一<li>二</BODY></HTML>",
        );
        assert_eq!(
            cells(&d, 0),
            vec![
                c(0, 0, 1, 1, "a"),
                c(0, 1, 1, 1, "b"),
                c(1, 0, 1, 1, "c"),
                c(1, 1, 1, 1, "d")
            ]
        );
        assert_eq!(d.text, "前言\na\tb\nc\td\n后文\n块\n一\n二");
    }

    #[test]
    fn scripts_styles_head_and_hidden_text_are_dropped() {
        let d = doc("<html><head><title>报告_某政府网</title><style>p{color:red}</style>\
             <script>if (a<b) { document.write('<p>x</p>') }</script></head>\
             <body><h1>标题</h1><SCRIPT type=text/javascript>var y = '</div>';</SCRIPT>\
             <noscript>请启用脚本</noscript><div style=\"DISPLAY: none\">隐藏</div><p hidden>也隐藏</p>\
             <p>正文<!-- 注释 <p>不要</p> -->继续</p><select><option>下拉</option></select></body></html>");
        assert_eq!(d.text, "标题\n正文继续");
    }

    #[test]
    fn the_page_title_stands_in_only_for_a_missing_heading() {
        let t = |h: &str| doc(h).text;
        assert_eq!(
            t("<title>某局2022年报告_某区政府</title><p>正文</p>"),
            "某局2022年报告\n正文"
        );
        assert_eq!(
            t("<title>某局2022年报告_某区政府</title><p>某局2022年报告</p>"),
            "某局2022年报告"
        );
        assert_eq!(
            t("<title>网站</title><h1>某局2022年报告</h1>"),
            "某局2022年报告"
        );
    }

    #[test]
    fn inline_elements_join_and_source_line_breaks_between_chinese_vanish() {
        let d = doc(
            "<p><span>一、</span><b>总体</b><font color=red>情况</font></p>\
                     <p>公开实\r\n效 and\nmore 2022年\n12月</p>",
        );
        assert_eq!(d.text, "一、总体情况\n公开实效 and more 2022年 12月");
    }

    #[test]
    fn word_list_numbers_are_kept_without_their_spacer() {
        let html = "<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]>\
             <span style='mso-list:Ignore'>一、<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp; \
             </span></span><![endif]><span>总体情况<o:p></o:p></span></p>\
             <p class=MsoNormal><!--[if !supportLists]--><span>（二）&nbsp;</span><!--[endif]-->依申请公开</p>\
             <!--[if gte mso 9]><xml><w:WordDocument>x</w:WordDocument></xml><![endif]-->";
        let d = read_pasted(html);
        assert_eq!(d.form, Form::PastedHtml);
        assert_eq!(d.text, "一、总体情况\n（二）依申请公开");
        let d = read_pasted(&format!("Version:0.9\r\nStartHTML:00000097\r\n{html}"));
        assert_eq!(d.text, "一、总体情况\n（二）依申请公开");
    }

    fn gbk(bytes: &[u8], label: &str) -> Option<String> {
        // A stand-in for encoding_rs that knows "一、" in GBK and ASCII.
        if label != "gb18030" {
            return None;
        }
        let mut out = String::new();
        let mut rest = bytes;
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix(&[0xD2, 0xBB, 0xA1, 0xA2]) {
                out.push_str("一、");
                rest = r;
            } else if rest[0].is_ascii() {
                out.push(rest[0] as char);
                rest = &rest[1..];
            } else {
                return None;
            }
        }
        Some(out)
    }

    #[test]
    fn encodings_are_sniffed() {
        let enc = |b: &[u8]| read(b, &gbk).map(|d| (d.text, d.encoding));
        assert_eq!(
            enc("<meta charset=\"utf-8\"><p>一、</p>".as_bytes()).unwrap(),
            ("一、".into(), "utf-8".into())
        );
        assert_eq!(
            enc(b"<meta http-equiv=Content-Type content='text/html; charset=GB2312'><p>\xD2\xBB\xA1\xA2</p>")
                .unwrap(),
            ("一、".into(), "gb18030".into())
        );
        // No declaration, not UTF-8: GB18030.
        assert_eq!(
            enc(b"<p>\xD2\xBB\xA1\xA2</p>").unwrap(),
            ("一、".into(), "gb18030".into())
        );
        // BOM first.
        assert_eq!(
            enc("\u{FEFF}<meta charset=gbk><p>一、</p>".as_bytes()).unwrap(),
            ("一、".into(), "utf-8".into())
        );
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("<p>一、</p>".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(enc(&le).unwrap(), ("一、".into(), "utf-16le".into()));
        // Declared GBK but UTF-8: read as UTF-8, with a note.
        let d = read("<meta charset=gbk><p>一、</p>".as_bytes(), &gbk).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding.as_str(), d.notes.len()),
            ("一、", "utf-8", 1)
        );
        // GBK without a decoder for it: refused, saying which encoding.
        let e = read(b"<meta charset=gbk><p>\xD2\xBB\xA1\xA2</p>", &no_legacy).unwrap_err();
        assert!(e.en.contains("gb18030"), "{e}");
        assert_eq!(
            sniff_charset(b"<META CONTENT=\"text/html;charset = x-gbk\">").as_deref(),
            Some("gb18030")
        );
        assert_eq!(sniff_charset(b"<p>charset=gbk</p>"), None);
    }

    #[test]
    fn hostile_input_neither_panics_nor_takes_long() {
        let t = std::time::Instant::now();
        let deep = format!(
            "{}文字{}",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        );
        let d = doc(&deep);
        assert_eq!(d.text, "文字");
        assert_eq!(d.notes.len(), 1);
        let tables = format!("{}x", "<table><tr><td>".repeat(50_000));
        let d = doc(&tables);
        assert_eq!(d.text, "x");
        let spans =
            "<table><tr><td rowspan=1000 colspan=1000>a</td><td>b</td></tr></table>".repeat(200);
        doc(&spans);
        for junk in [
            "<",
            "</",
            "<a",
            "<a b='",
            "<!--",
            "<![",
            "<!x",
            "&#",
            "&#x",
            "<td>",
            "</table>",
            "<tr rowspan=>",
        ] {
            doc(junk);
            read_pasted(junk);
        }
        assert!(t.elapsed().as_secs() < 10, "{:?}", t.elapsed());
        let many = "<td>1".repeat(MAX_CELLS + 1);
        let d = read_pasted(&format!("<table><tr>{many}</table>"));
        assert!(d.text.is_empty() && d.notes.len() == 1);
    }
}
