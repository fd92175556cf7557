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
    fn skip_to(&mut self, needle: &str) {
        let b = &self.s.as_bytes()[self.i..];
        self.i = match find(b, needle.as_bytes()) {
            Some(k) => self.i + k + needle.len(),
            None => self.s.len(),
        };
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
                if b[start..].starts_with(b"<!--") {
                    let body_start = start + 4;
                    self.i = body_start;
                    self.skip_to("-->");
                    let body = s[body_start..self.i.saturating_sub(3).max(body_start)].trim();
                    // Word's downlevel-revealed form: <!--[if !supportLists]--> … <!--[endif]-->
                    if body.eq_ignore_ascii_case("[if !supportLists]") {
                        return Some(Tok::ListMark(true));
                    }
                    if body.eq_ignore_ascii_case("[endif]") {
                        return Some(Tok::ListMark(false));
                    }
                    continue;
                }
                if b[start..].starts_with(b"<![") {
                    // <![if …]>, <![endif]>, <![CDATA[ … ]]>
                    if b[start..].starts_with(b"<![CDATA[") {
                        let body_start = start + 9;
                        self.i = body_start;
                        self.skip_to("]]>");
                        let end = self.i.saturating_sub(3).max(body_start);
                        return Some(Tok::Text(&s[body_start..end]));
                    }
                    self.i = start + 3;
                    self.skip_to(">");
                    let inner = s[start + 3..self.i - 1].trim_end_matches(']').trim();
                    let lower = inner.to_ascii_lowercase();
                    if lower.starts_with("if") && lower.contains("supportlists") {
                        return Some(Tok::ListMark(true));
                    }
                    if lower == "endif" {
                        return Some(Tok::ListMark(false));
                    }
                    continue;
                }
                // <!DOCTYPE …> and other declarations.
                self.i = start + 2;
                self.skip_to(">");
                continue;
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

    /// Position in `stack` of the nearest open element named in `targets`, not looking past
    /// one named in `stop`.
    fn nearest(&self, stack: &[usize], targets: &[&str], stop: &[&str]) -> Option<usize> {
        for (pos, &i) in stack.iter().enumerate().rev().take(MAX_DEPTH + 1) {
            let n = self.name(i);
            if targets.contains(&n) {
                return Some(pos);
            }
            if stop.contains(&n) {
                return None;
            }
        }
        None
    }

    fn build(html: &str) -> (Tree, Option<String>) {
        let mut t = Tree {
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
        };
        let mut stack: Vec<usize> = vec![0];
        let mut toks = Tokens {
            s: html,
            i: 0,
            title: None,
        };
        for tok in toks.by_ref() {
            match tok {
                Tok::Text(s) => {
                    let top = *stack.last().unwrap_or(&0);
                    t.add(top, Kind::Text(decode_entities(s)));
                }
                Tok::ListMark(on) => {
                    let top = *stack.last().unwrap_or(&0);
                    t.add(top, Kind::ListMark(on));
                }
                Tok::Start {
                    name,
                    attrs,
                    self_closing,
                } => {
                    let n = name.as_str();
                    if matches!(n, "html" | "body") && stack.iter().any(|&i| t.name(i) == n) {
                        continue;
                    }
                    if n == "body" {
                        if let Some(pos) = t.nearest(&stack, &["head"], &[]) {
                            stack.truncate(pos);
                        }
                    }
                    if CLOSES_P.contains(&n) {
                        if let Some(pos) = t.nearest(&stack, &["p"], CELL_BOUNDARY) {
                            stack.truncate(pos);
                        }
                    }
                    match n {
                        "li" => {
                            if let Some(pos) =
                                t.nearest(&stack, &["li"], &["ul", "ol", "td", "th", "table"])
                            {
                                stack.truncate(pos);
                            }
                        }
                        "dt" | "dd" => {
                            if let Some(pos) =
                                t.nearest(&stack, &["dt", "dd"], &["dl", "td", "th", "table"])
                            {
                                stack.truncate(pos);
                            }
                        }
                        "td" | "th" => {
                            if let Some(pos) = t.nearest(&stack, &["td", "th"], &["tr", "table"]) {
                                stack.truncate(pos);
                            }
                            // A cell straight in a table: the row it implies.
                            let in_row = t.nearest(&stack, &["tr"], &["table"]).is_some();
                            let in_table = t.nearest(&stack, &["table"], &[]).is_some();
                            if in_table && !in_row && stack.len() < MAX_DEPTH {
                                let top = *stack.last().unwrap_or(&0);
                                let tr = t.add(
                                    top,
                                    Kind::El {
                                        name: "tr".into(),
                                        rowspan: None,
                                        colspan: None,
                                        hidden: false,
                                    },
                                );
                                stack.push(tr);
                            }
                        }
                        "tr" => {
                            if let Some(pos) = t.nearest(&stack, &["tr"], &["table"]) {
                                stack.truncate(pos);
                            }
                        }
                        "thead" | "tbody" | "tfoot" => {
                            if let Some(pos) =
                                t.nearest(&stack, &["thead", "tbody", "tfoot"], &["table"])
                            {
                                stack.truncate(pos);
                            }
                        }
                        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                            let top = *stack.last().unwrap_or(&0);
                            if matches!(t.name(top), "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
                                stack.pop();
                            }
                        }
                        _ => {}
                    }
                    if matches!(n, "td" | "th") {
                        t.cells += 1;
                        if t.cells > MAX_CELLS {
                            return (t, None);
                        }
                    }
                    let is_hidden = hidden(attrs);
                    if n == "h1" && !is_hidden {
                        t.has_h1 = true;
                    }
                    let is_void = VOID.contains(&n) || self_closing;
                    let top = *stack.last().unwrap_or(&0);
                    let (rowspan, colspan) = if matches!(n, "td" | "th") {
                        (span(attrs, "rowspan"), span(attrs, "colspan"))
                    } else {
                        (None, None)
                    };
                    let i = t.add(
                        top,
                        Kind::El {
                            name,
                            rowspan,
                            colspan,
                            hidden: is_hidden,
                        },
                    );
                    if !is_void {
                        if stack.len() >= MAX_DEPTH {
                            t.too_deep = true;
                        } else {
                            stack.push(i);
                        }
                    }
                }
                Tok::End(name) => {
                    let n = name.as_str();
                    if n == "br" {
                        let top = *stack.last().unwrap_or(&0);
                        t.add(
                            top,
                            Kind::El {
                                name,
                                rowspan: None,
                                colspan: None,
                                hidden: false,
                            },
                        );
                        continue;
                    }
                    let pos = match n {
                        "html" | "body" => None,
                        "td" | "th" => t.nearest(&stack, &["td", "th"], &["table"]),
                        "tr" | "thead" | "tbody" | "tfoot" | "caption" => {
                            t.nearest(&stack, &[n], &["table"])
                        }
                        "table" => t.nearest(&stack, &["table"], &[]),
                        _ => t.nearest(&stack, &[n], CELL_BOUNDARY),
                    };
                    if let Some(pos) = pos {
                        if pos > 0 {
                            stack.truncate(pos);
                        }
                    }
                }
            }
        }
        // Bottom-up: characters and nested tables (children come after their parents).
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
        (t, toks.title)
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
        // Place the cells (HTML table model).
        let nrows = rows.len();
        let mut pending: Vec<usize> = Vec::new(); // rows still covered, per column
        let mut placed: Vec<(usize, usize, usize, usize, usize)> = Vec::with_capacity(ncells);
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
        if nrows.saturating_mul(pending.len()) > MAX_GRID {
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
