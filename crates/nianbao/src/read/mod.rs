//! Readers: file bytes (+ name, + MIME type) → one [`Document`].
//!
//! One reader per input form, each in its own file. [`read`] sniffs the form from the bytes
//! first and the file name second, and calls the reader. A reader that needs a heavy crate sits
//! behind a cargo feature (`docx`, `html`, `pdf`), so the web page's first load carries only what
//! it needs and loads the rest later (see ARCHITECTURE.md).
//!
//! Adding a reader: a module here with `pub fn read(bytes: &[u8], …) -> Result<Document, ReadError>`
//! built with [`crate::document::Builder`], a variant of [`InputKind`], a line in [`sniff`] and
//! one in [`read`], and fixtures of that form in `tests/fixtures/`.

use crate::document::Document;

pub mod link;
pub mod text;

#[cfg(feature = "docx")]
pub mod archive;

#[cfg(feature = "doc")]
pub mod doc;
#[cfg(feature = "docx")]
pub mod docx;
#[cfg(feature = "html")]
pub mod html;
#[cfg(feature = "pdf")]
pub mod pdf;

/// Why a file could not be read, and what to do: Chinese and English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    pub zh: String,
    pub en: String,
}

impl ReadError {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> ReadError {
        ReadError {
            zh: zh.into(),
            en: en.into(),
        }
    }
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.zh, self.en)
    }
}

/// The form of an input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    Text,
    Html,
    Docx,
    Pdf,
    /// A compound file (OLE) or an old binary Office name (.doc, .wps, .et, .xls): the .doc
    /// reader reads Word 97–2003 and WPS documents and names what else it is.
    LegacyOffice,
    /// A zip that is not a Word file.
    Zip,
    /// Images and other binary files.
    Binary,
}

/// Decodes text in a legacy encoding (`label`: a WHATWG encoding label such as "gb18030"):
/// `encoding_rs` natively, the browser's `TextDecoder` in the page. Returns None when the bytes
/// are not valid in that encoding.
pub type Legacy<'a> = &'a dyn Fn(&[u8], &str) -> Option<String>;

/// A [`Legacy`] decoder that knows no legacy encoding.
pub fn no_legacy(_: &[u8], _: &str) -> Option<String> {
    None
}

/// `encoding_rs` as the legacy decoder (feature `encoding`; the command line uses it).
#[cfg(feature = "encoding")]
pub fn encoding_rs_legacy(bytes: &[u8], label: &str) -> Option<String> {
    let enc = encoding_rs::Encoding::for_label(label.as_bytes())?;
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    (!had_errors).then(|| text.into_owned())
}

/// The lower-cased extension of a file name, without the dot.
pub fn extension(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match base.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_ascii_lowercase(),
        _ => String::new(),
    }
}

/// What kind of file this is: magic bytes first, then the name, then the MIME type.
pub fn sniff(bytes: &[u8], name: &str, mime: Option<&str>) -> InputKind {
    let ext = extension(name);
    let head = &bytes[..bytes.len().min(1024)];
    if head.starts_with(b"%PDF") || (find(head, b"%PDF-").is_some() && ext == "pdf") {
        return InputKind::Pdf;
    }
    if head.starts_with(b"PK\x03\x04") {
        // A Word file names word/document.xml among its first entries.
        if find(&bytes[..bytes.len().min(1 << 16)], b"word/").is_some() || ext == "docx" {
            return InputKind::Docx;
        }
        return InputKind::Zip;
    }
    if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        // A password-protected .docx is wrapped in the old container: the Word reader says so.
        if ext == "docx" {
            return InputKind::Docx;
        }
        return InputKind::LegacyOffice;
    }
    if head.starts_with(b"\x89PNG")
        || head.starts_with(&[0xFF, 0xD8, 0xFF])
        || head.starts_with(b"GIF8")
        || head.starts_with(b"{\\rtf")
    {
        return InputKind::Binary;
    }
    let mime = mime.unwrap_or("").to_ascii_lowercase();
    if matches!(ext.as_str(), "html" | "htm" | "xhtml" | "shtml" | "mht")
        || mime.starts_with("text/html")
        || looks_like_html(head)
    {
        return InputKind::Html;
    }
    if matches!(ext.as_str(), "doc" | "wps" | "et" | "xls") {
        return InputKind::LegacyOffice;
    }
    if ext == "docx" {
        return InputKind::Docx;
    }
    if ext == "pdf" {
        return InputKind::Pdf;
    }
    InputKind::Text
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// An HTML document starts (after a BOM and whitespace) with `<!doctype html`, `<html` or a
/// `<meta`/`<head`/`<table`/`<body` tag.
fn looks_like_html(head: &[u8]) -> bool {
    let h = head.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(head);
    let start = h
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(h.len());
    let h: Vec<u8> = h[start..]
        .iter()
        .take(16)
        .map(|b| b.to_ascii_lowercase())
        .collect();
    [
        &b"<!doctype html"[..],
        b"<html",
        b"<head",
        b"<meta",
        b"<body",
        b"<table",
    ]
    .iter()
    .any(|p| h.starts_with(p))
}

/// Reads a file into a [`Document`]. `legacy` decodes GB18030/GBK and other legacy encodings.
/// Never panics; a file it cannot read gets a [`ReadError`] saying what to do.
pub fn read(
    bytes: &[u8],
    name: &str,
    mime: Option<&str>,
    legacy: Legacy,
) -> Result<Document, ReadError> {
    match sniff(bytes, name, mime) {
        // A text file that is only a web address: what to do instead (no verdict).
        InputKind::Text => text::read(bytes, legacy).and_then(link::refuse),
        InputKind::Html => read_html(bytes, legacy),
        InputKind::Docx => read_docx(bytes),
        InputKind::Pdf => read_pdf(bytes),
        InputKind::LegacyOffice => read_doc(bytes),
        InputKind::Zip => Err(ReadError::new(
            "这是压缩文件而不是Word文件：请解压后选择其中的报告",
            "this is a zip archive, not a Word file: unpack it and choose the report inside",
        )),
        InputKind::Binary => Err(ReadError::new(
            "这是图片或其他二进制文件，不是报告正文：请选择报告的Word、PDF、网页或文本文件",
            "this is an image or another binary file: choose the report as Word, PDF, web page or text",
        )),
    }
}

#[cfg(feature = "html")]
fn read_html(bytes: &[u8], legacy: Legacy) -> Result<Document, ReadError> {
    html::read(bytes, legacy)
}
#[cfg(not(feature = "html"))]
fn read_html(_: &[u8], _: Legacy) -> Result<Document, ReadError> {
    Err(unavailable("网页", "web page"))
}

#[cfg(feature = "docx")]
fn read_docx(bytes: &[u8]) -> Result<Document, ReadError> {
    docx::read(bytes)
}
#[cfg(not(feature = "docx"))]
fn read_docx(_: &[u8]) -> Result<Document, ReadError> {
    Err(unavailable("Word", "Word"))
}

#[cfg(feature = "doc")]
fn read_doc(bytes: &[u8]) -> Result<Document, ReadError> {
    doc::read(bytes)
}
#[cfg(not(feature = "doc"))]
fn read_doc(_: &[u8]) -> Result<Document, ReadError> {
    Err(ReadError::new(
        "这是旧版Word/WPS文件（.doc/.wps）：请在Word或WPS中“另存为”.docx后再试",
        "this is an old Word/WPS file (.doc/.wps): save it as .docx in Word or WPS and try again",
    ))
}

#[cfg(feature = "pdf")]
fn read_pdf(bytes: &[u8]) -> Result<Document, ReadError> {
    pdf::read(bytes)
}
#[cfg(not(feature = "pdf"))]
fn read_pdf(_: &[u8]) -> Result<Document, ReadError> {
    Err(unavailable("PDF", "PDF"))
}

#[allow(dead_code)]
fn unavailable(zh: &str, en: &str) -> ReadError {
    ReadError::new(
        format!("此版本不含{zh}读取功能"),
        format!("this build cannot read {en} files"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffing() {
        assert_eq!(sniff(b"%PDF-1.7", "a.bin", None), InputKind::Pdf);
        assert_eq!(
            sniff(b"PK\x03\x04....word/document.xml", "a", None),
            InputKind::Docx
        );
        assert_eq!(sniff(b"PK\x03\x04....", "a.zip", None), InputKind::Zip);
        assert_eq!(
            sniff(&[0xD0, 0xCF, 0x11, 0xE0], "a.doc", None),
            InputKind::LegacyOffice
        );
        assert_eq!(
            sniff(b"\xEF\xBB\xBF <!DOCTYPE html>", "a", None),
            InputKind::Html
        );
        assert_eq!(
            sniff("一、总体情况".as_bytes(), "a.htm", None),
            InputKind::Html
        );
        assert_eq!(
            sniff("一、总体情况".as_bytes(), "a.txt", None),
            InputKind::Text
        );
        assert_eq!(sniff(b"x", "a.doc", None), InputKind::LegacyOffice);
        assert_eq!(extension("C:\\x\\报告.DOCX"), "docx");
        assert_eq!(extension(".bashrc"), "");
    }

    #[test]
    fn a_broken_old_word_file_gets_a_message() {
        let e = read(&[0xD0, 0xCF, 0x11, 0xE0, 0, 0], "a.doc", None, &no_legacy).unwrap_err();
        assert!(e.zh.contains(".docx"), "{e}");
    }
}
