//! The PDF reader: the text layer with positions, laid out into lines and ruled tables.
//!
//! lopdf reads the file's objects (xref tables and streams, object streams, incremental updates,
//! filters, encryption with an empty user password). Everything after that is here:
//! [`lex`] splits content streams into operations, [`interp`] runs them (text state, CTM, form
//! XObjects, fonts from [`font`]) into characters with positions and ruling lines, and [`layout`]
//! groups characters into lines and ruled tables (merged cells from missing separators). This
//! file puts pages together: drops page numbers, joins a table continued on the next page, joins
//! lines wrapped inside a paragraph, and hands paragraphs and grids to the [`Builder`].
//!
//! Work is capped (pages, decoded bytes, operators per page, form nesting) so a hostile file
//! costs bounded time and memory, and nothing here panics on bad input.

mod font;
mod interp;
mod layout;
mod lex;
mod obj;
mod sfnt;

use super::ReadError;
use crate::document::{Builder, CellIn, Document, Form};
use layout::{joins_tight, Item, Line, Table};
use obj::{Budget, MAX_DECODED};

/// Pages read at most.
pub const MAX_PAGES: usize = 2_000;

/// Reads a PDF's text layer into a [`Document`].
pub fn read(bytes: &[u8]) -> Result<Document, ReadError> {
    // lopdf is a large parser over hostile input; a panic inside it must not take the page down
    // (native builds unwind; the web build aborts, so the caps below matter more there).
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_inner(bytes))) {
        Ok(r) => r,
        Err(_) => Err(broken()),
    }
}

fn broken() -> ReadError {
    ReadError::new(
        "无法读取此PDF文件（文件已损坏或格式不受支持）：请重新下载，或向发布单位索取Word版",
        "this PDF file cannot be read (damaged or an unsupported form): download it again, or ask the publisher for the Word file",
    )
}

fn scanned() -> ReadError {
    ReadError::new(
        "此PDF没有文字层（可能是扫描件），无法读取文字：请向发布单位索取Word版，或先用OCR识别",
        "this PDF has no text layer (probably a scan), so its text cannot be read: ask the publisher for the Word file, or run OCR on it first",
    )
}

fn read_inner(bytes: &[u8]) -> Result<Document, ReadError> {
    let opts = lopdf::LoadOptions {
        max_decompressed_size: Some(64 << 20),
        ..Default::default()
    };
    let doc = lopdf::Document::load_mem_with_options(bytes, opts).map_err(|e| match e {
        lopdf::Error::InvalidPassword | lopdf::Error::Decryption(_) => password(),
        lopdf::Error::UnsupportedSecurityHandler(_) => password(),
        _ => broken(),
    })?;
    if doc.trailer.get(b"Encrypt").is_ok() && !doc.was_encrypted() {
        return Err(password());
    }
    let pages: Vec<lopdf::ObjectId> = doc.page_iter().take(MAX_PAGES + 1).collect();
    if pages.is_empty() {
        return Err(broken());
    }
    let mut b = Builder::new(Form::Pdf, "utf-8");
    if pages.len() > MAX_PAGES {
        b.note(
            format!("此PDF超过{MAX_PAGES}页，只读取了前{MAX_PAGES}页"),
            format!(
                "this PDF has more than {MAX_PAGES} pages; only the first {MAX_PAGES} were read"
            ),
        );
    }
    let mut budget = Budget {
        bytes: MAX_DECODED,
        exhausted: false,
    };
    let mut interp = interp::Interp::new(&doc, &mut budget);
    let mut laid: Vec<Vec<Item>> = Vec::new();
    let mut heights: Vec<f64> = Vec::new();
    let mut chars = 0usize;
    let mut images = 0usize;
    let mut textless: Vec<usize> = Vec::new();
    let mut truncated = false;
    for (i, &id) in pages.iter().take(MAX_PAGES).enumerate() {
        let page = interp.page(id);
        let n = page
            .chars
            .iter()
            .filter(|c| !c.text.trim().is_empty())
            .count();
        chars += n;
        images += page.images;
        truncated |= page.truncated;
        if n == 0 && page.images > 0 {
            textless.push(i + 1);
        }
        let mut items = layout::page(&page, i + 1);
        drop_page_numbers(&mut items, page.height);
        laid.push(items);
        heights.push(page.height);
    }
    let unknown = interp.unknown_glyphs;
    if chars == 0 {
        return Err(if images > 0 {
            scanned()
        } else {
            ReadError::new(
                "此PDF中没有可读取的文字：请向发布单位索取Word版",
                "this PDF holds no readable text: ask the publisher for the Word file",
            )
        });
    }
    if !textless.is_empty() {
        let list = textless
            .iter()
            .take(20)
            .map(|p| p.to_string())
            .collect::<Vec<_>>()
            .join("、");
        b.note(
            format!("第{list}页只有图片、没有文字层（可能是扫描页），这些页的内容未读取"),
            format!("page(s) {list} hold only images and no text layer (probably scanned); their content was not read"),
        );
    }
    if unknown {
        b.note(
            "此PDF的部分字体没有字符对照表，个别文字可能无法识别（显示为�）",
            "some fonts in this PDF carry no character map; some characters may be unreadable (shown as �)",
        );
    }
    if truncated || budget.exhausted {
        b.note(
            "此PDF过大或过于复杂，部分内容未读取",
            "this PDF is too large or complex; part of it was not read",
        );
    }
    drop_running_heads(&mut laid, &heights);
    assemble(&mut b, laid);
    Ok(b.finish())
}

fn password() -> ReadError {
    ReadError::new(
        "此PDF已加密，需要密码才能打开：请先在PDF阅读器中输入密码后另存为不加密的PDF，或向发布单位索取Word版",
        "this PDF is encrypted and needs a password: open it in a PDF reader with the password and save an unencrypted copy, or ask the publisher for the Word file",
    )
}

/// Drops page numbers printed in the top or bottom eighth of the page.
fn drop_page_numbers(items: &mut Vec<Item>, height: f64) {
    let band = height / 8.0;
    items.retain(|it| match it {
        Item::Line(l) => !((l.y < band || l.y > height - band) && layout::is_page_number(&l.text)),
        Item::Table(_) => true,
    });
}

/// Drops running headers and footers: a line in the top or bottom tenth of the page whose text
/// (digits aside) recurs there on at least three pages and half of all pages.
fn drop_running_heads(pages: &mut [Vec<Item>], heights: &[f64]) {
    if pages.len() < 3 {
        return;
    }
    let key = |l: &Line| -> String {
        l.text
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect()
    };
    let in_band = |l: &Line, h: f64| l.y < h / 10.0 || l.y > h - h / 10.0;
    let mut seen: std::collections::HashMap<String, usize> = Default::default();
    for (items, &h) in pages.iter().zip(heights) {
        let mut keys: Vec<String> = items
            .iter()
            .filter_map(|i| match i {
                Item::Line(l) if in_band(l, h) => Some(key(l)),
                _ => None,
            })
            .collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            *seen.entry(k).or_default() += 1;
        }
    }
    let need = 3.max(pages.len().div_ceil(2));
    for (items, &h) in pages.iter_mut().zip(heights) {
        items.retain(|i| match i {
            Item::Line(l) => !(in_band(l, h) && seen.get(&key(l)).is_some_and(|&n| n >= need)),
            Item::Table(_) => true,
        });
    }
}

/// A heading or list item starts its own paragraph: 一、 （一） 1. 第…
fn starts_block(t: &str) -> bool {
    let t = t.trim_start();
    let mut cs = t.chars();
    let first = cs.next().unwrap_or(' ');
    const NUM: &str = "一二三四五六七八九十";
    if NUM.contains(first) {
        let rest: String = t.chars().skip_while(|c| NUM.contains(*c)).take(1).collect();
        return rest == "、";
    }
    if first == '（' || first == '(' {
        return cs
            .next()
            .is_some_and(|c| NUM.contains(c) || c.is_ascii_digit());
    }
    false
}

struct Para {
    text: String,
    last: Line,
    page: usize,
    /// The page it starts on (the document records where pages start).
    first_page: usize,
    /// The page's right text edge, to tell a full line from a short one.
    right: f64,
}

/// Puts the pages' items together: paragraphs (wrapped lines joined), tables (continued ones
/// joined) and page order.
fn assemble(b: &mut Builder, pages: Vec<Vec<Item>>) {
    let mut para: Option<Para> = None;
    let mut table: Option<(Table, usize)> = None;
    let flush_para = |b: &mut Builder, p: &mut Option<Para>| {
        if let Some(p) = p.take() {
            b.at_page(p.first_page);
            b.paragraph(&p.text);
        }
    };
    let flush_table = |b: &mut Builder, t: &mut Option<(Table, usize)>| {
        if let Some((t, first)) = t.take() {
            b.at_page(first);
            add_table(b, t, first);
        }
    };
    for (pi, items) in pages.into_iter().enumerate() {
        let page_no = pi + 1;
        let lines: Vec<&Line> = items
            .iter()
            .filter_map(|i| match i {
                Item::Line(l) => Some(l),
                _ => None,
            })
            .collect();
        let left = lines.iter().map(|l| l.x0).fold(f64::MAX, f64::min);
        let right = lines.iter().map(|l| l.x1).fold(f64::MIN, f64::max);
        let n = items.len();
        for (k, item) in items.into_iter().enumerate() {
            match item {
                Item::Table(t) => {
                    flush_para(b, &mut para);
                    // A table at the top of a page continuing the table that ended the last one.
                    if let Some((prev, first)) = table.take() {
                        if k == 0 && prev.page + 1 == page_no && prev.continued_by(&t) {
                            let mut prev = prev;
                            prev.join(t);
                            table = Some((prev, first));
                            continue;
                        }
                        table = Some((prev, first));
                        flush_table(b, &mut table);
                    }
                    let first = t.page;
                    table = Some((t, first));
                    // Keep it open only if it ends the page.
                    if k + 1 < n {
                        flush_table(b, &mut table);
                    }
                }
                Item::Line(l) => {
                    flush_table(b, &mut table);
                    let continues = para
                        .as_ref()
                        .is_some_and(|p| p.continued_by(&l, page_no, k == 0, left));
                    if continues {
                        let p = para.as_mut().expect("checked");
                        p.push(l, page_no, right);
                    } else {
                        flush_para(b, &mut para);
                        para = Some(Para {
                            text: l.text.clone(),
                            last: l,
                            page: page_no,
                            first_page: page_no,
                            right,
                        });
                    }
                }
            }
        }
        let _ = left;
    }
    flush_para(b, &mut para);
    flush_table(b, &mut table);
}

/// Adds a table (its pages `first` to its last) to the document.
fn add_table(b: &mut Builder, t: Table, first: usize) {
    let origin = if first == t.page {
        format!("第 {first} 页")
    } else {
        format!("第 {first}–{} 页", t.page)
    };
    let page_rows = t.page_rows.clone();
    let at = b.line_count() + 1;
    let cells = t
        .cells()
        .into_iter()
        .map(|c| CellIn {
            row: c.row,
            col: c.col,
            rowspan: c.rowspan,
            colspan: c.colspan,
            text: c.text,
        })
        .collect();
    b.table(cells, origin);
    // The table's rows on the pages after its first: where those pages start.
    for (row, page) in page_rows {
        b.page_starts(at + row, page);
    }
}

impl Para {
    /// Whether line `l` of page `page_no` (`first`: the page's first item; `left`: the page's
    /// left text edge) goes on the paragraph: right under its full last line (or at the top of
    /// the next page), same size, at the left edge, not a new block, no TAB columns.
    fn continued_by(&self, l: &Line, page_no: usize, first: bool, left: f64) -> bool {
        let p = self;
        let s = p.last.size.max(l.size);
        let same_page = p.page == page_no;
        let near = if same_page {
            l.y > p.last.y && l.y - p.last.y <= 2.2 * s
        } else {
            p.page + 1 == page_no && first
        };
        near && (p.last.size - l.size).abs() <= 0.15 * s
            && p.last.x1 >= p.right - 2.0 * s
            && l.x0 <= left + 0.5 * s
            && !starts_block(&l.text)
            && !l.text.contains('\t')
            && !p.last.text.contains('\t')
    }

    /// Joins line `l` to the paragraph (a space between words, none between CJK characters).
    fn push(&mut self, l: Line, page_no: usize, right: f64) {
        let p = self;
        let a = p.text.chars().last().unwrap_or(' ');
        let c = l.text.chars().next().unwrap_or(' ');
        if !(joins_tight(a) || joins_tight(c) || a.is_whitespace()) {
            p.text.push(' ');
        }
        p.text.push_str(&l.text);
        p.last = l;
        p.page = page_no;
        p.right = right;
    }
}

#[cfg(test)]
mod synthetic;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        assert!(read(b"").is_err());
        assert!(read(b"%PDF-1.7\n").is_err());
        let junk: Vec<u8> = b"%PDF-1.4\n"
            .iter()
            .copied()
            .chain((0..5000u32).map(|i| (i.wrapping_mul(2654435761) >> 24) as u8))
            .collect();
        assert!(read(&junk).is_err());
    }

    #[test]
    fn running_heads_are_dropped() {
        let line = |t: &str, y: f64| {
            Item::Line(Line {
                text: t.into(),
                x0: 0.0,
                x1: 100.0,
                y,
                size: 10.0,
            })
        };
        let mut pages: Vec<Vec<Item>> = (1..=4)
            .map(|p| {
                vec![
                    line("某某局政府信息公开年度报告", 30.0),
                    line(&format!("正文{p}"), 400.0),
                    line(&format!("共4页 第{p}页"), 820.0),
                ]
            })
            .collect();
        drop_running_heads(&mut pages, &[842.0; 4]);
        assert!(pages.iter().all(|p| p.len() == 1), "{pages:?}");
    }

    #[test]
    fn blocks() {
        assert!(starts_block("一、总体情况"));
        assert!(starts_block("（二）依申请公开"));
        assert!(!starts_block("一年来"));
        assert!(!starts_block("本年度"));
    }
}
