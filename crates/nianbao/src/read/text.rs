//! Text files in any encoding people have: UTF-8 with or without BOM, UTF-16 LE/BE (with BOM,
//! or without one when the zero bytes say so), GB18030/GBK/GB2312 (what Notepad and WPS save on
//! Chinese Windows; detected by validity). Never refused for its encoding: a few broken bytes in
//! otherwise valid text become U+FFFD with a note saying so.

use super::{Legacy, ReadError};
use crate::document::{Builder, Document, Form};

/// Decoded text and the name of its encoding, with notes on anything repaired.
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    pub notes: Vec<(String, String)>,
}

pub fn read(bytes: &[u8], legacy: Legacy) -> Result<Document, ReadError> {
    let d = decode(bytes, legacy)?;
    let mut doc = Document::from_text(&d.text, d.encoding);
    doc.form = Form::Text;
    let mut b = Builder::new(Form::Text, d.encoding);
    for (zh, en) in d.notes {
        b.note(zh, en);
    }
    doc.notes = b.finish().notes;
    Ok(doc)
}

fn utf16(bytes: &[u8], le: bool, notes: &mut Vec<(String, String)>) -> String {
    let units = bytes.chunks_exact(2).map(|p| {
        if le {
            u16::from_le_bytes([p[0], p[1]])
        } else {
            u16::from_be_bytes([p[0], p[1]])
        }
    });
    let mut bad = 0;
    let mut s: String = char::decode_utf16(units)
        .map(|r| {
            r.unwrap_or_else(|_| {
                bad += 1;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    if bytes.len() % 2 == 1 {
        s.push(char::REPLACEMENT_CHARACTER);
        bad += 1;
    }
    if bad > 0 {
        notes.push(broken(bad));
    }
    s
}

fn broken(n: usize) -> (String, String) {
    (
        format!("文件中有{n}处无法解码的字节，已显示为�"),
        format!("{n} undecodable byte sequence(s) in the file are shown as �"),
    )
}

/// Bytes → text. Errors only for files that are not text at all.
pub fn decode(bytes: &[u8], legacy: Legacy) -> Result<Decoded, ReadError> {
    let mut notes = Vec::new();
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        let text = utf16(rest, true, &mut notes);
        return finish(text, "utf-16le", notes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let text = utf16(rest, false, &mut notes);
        return finish(text, "utf-16be", notes);
    }
    let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    // UTF-16 without a BOM: most characters of Chinese text with ASCII digits and punctuation
    // have a zero byte on one side.
    if body.len() >= 8 && body.len().is_multiple_of(2) {
        let (mut even, mut odd) = (0, 0);
        for p in body.chunks_exact(2).take(4096) {
            even += (p[0] == 0) as usize;
            odd += (p[1] == 0) as usize;
        }
        let pairs = (body.len() / 2).min(4096);
        if odd * 3 > pairs && even * 4 < odd {
            return finish(utf16(body, true, &mut notes), "utf-16le", notes);
        }
        if even * 3 > pairs && odd * 4 < even {
            return finish(utf16(body, false, &mut notes), "utf-16be", notes);
        }
    }
    match std::str::from_utf8(body) {
        Ok(s) => return finish(s.to_string(), "utf-8", notes),
        Err(_) => {
            // Mostly UTF-8 with a few broken bytes (a file cut or damaged in the middle)?
            let lossy = String::from_utf8_lossy(body);
            let bad = lossy
                .chars()
                .filter(|&c| c == char::REPLACEMENT_CHARACTER)
                .count();
            let total = lossy.chars().count().max(1);
            if bad * 100 < total && bad <= 64 {
                notes.push(broken(bad));
                return finish(lossy.into_owned(), "utf-8", notes);
            }
        }
    }
    if let Some(s) = legacy(body, "gb18030") {
        return finish(s, "gb18030", notes);
    }
    Err(ReadError::new(
        "无法识别此文件的文字编码（不是UTF-8、UTF-16或GBK/GB18030）：请用记事本“另存为”UTF-8后再试",
        "the file's text encoding is not UTF-8, UTF-16 or GBK/GB18030: save it as UTF-8 and try again",
    ))
}

fn finish(
    text: String,
    encoding: &'static str,
    mut notes: Vec<(String, String)>,
) -> Result<Decoded, ReadError> {
    let text = text
        .strip_prefix('\u{FEFF}')
        .map(str::to_string)
        .unwrap_or(text);
    let nul = text.chars().filter(|&c| c == '\0').count();
    if nul > 0 {
        if nul * 100 > text.chars().count() {
            return Err(ReadError::new(
                "不是文本文件：请选择报告的Word、PDF、网页或文本文件",
                "not a text file: choose the report as Word, PDF, web page or text",
            ));
        }
        notes.push((
            format!("已去掉文件中的{nul}个空字符（NUL）"),
            format!("removed {nul} NUL character(s) from the file"),
        ));
        return Ok(Decoded {
            text: text.replace('\0', ""),
            encoding,
            notes,
        });
    }
    Ok(Decoded {
        text,
        encoding,
        notes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::no_legacy;

    fn gbk(bytes: &[u8], label: &str) -> Option<String> {
        // A tiny stand-in for the test: the four characters below.
        assert_eq!(label, "gb18030");
        (bytes == [0xD2, 0xBB, 0xA1, 0xA2, 0xD7, 0xDC]).then(|| "一、总".to_string())
    }

    #[test]
    fn encodings() {
        let t = |b: &[u8]| decode(b, &no_legacy).map(|d| (d.text, d.encoding));
        assert_eq!(t("一、总体情况".as_bytes()).unwrap().0, "一、总体情况");
        assert_eq!(t(b"\xEF\xBB\xBFab").unwrap(), ("ab".into(), "utf-8"));
        assert_eq!(
            t(&[0xFF, 0xFE, 0x00, 0x4E]).unwrap(),
            ("一".into(), "utf-16le")
        );
        assert_eq!(
            t(&[0xFE, 0xFF, 0x4E, 0x00]).unwrap(),
            ("一".into(), "utf-16be")
        );
        // A trailing odd byte is not dropped silently.
        let d = decode(&[0xFF, 0xFE, 0x00, 0x4E, 0x31], &no_legacy).unwrap();
        assert_eq!(d.text, "一\u{FFFD}");
        assert_eq!(d.notes.len(), 1);
        // UTF-16LE without BOM.
        let le: Vec<u8> = "一、总体情况 2021年"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(t(&le).unwrap(), ("一、总体情况 2021年".into(), "utf-16le"));
        let gb = [0xD2, 0xBB, 0xA1, 0xA2, 0xD7, 0xDC];
        assert!(t(&gb).is_err());
        let d = decode(&gb, &gbk).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("一、总", "gb18030"));
    }

    #[test]
    fn a_few_broken_bytes_are_kept_as_replacement_characters() {
        let mut b = "一、总体情况".repeat(40).into_bytes();
        b.insert(30, 0xFF);
        let d = decode(&b, &no_legacy).unwrap();
        assert_eq!(d.encoding, "utf-8");
        assert!(d.text.contains('\u{FFFD}'));
        assert_eq!(d.notes.len(), 1);
    }

    #[test]
    fn binary_is_refused() {
        assert!(decode(&[0u8; 64], &no_legacy).is_err());
    }
}
