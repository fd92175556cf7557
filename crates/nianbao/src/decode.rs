//! Turning the bytes of a file into text: UTF-8 (with or without BOM) and UTF-16 with a BOM.
//! Anything else is refused with a message saying what to do, never guessed.

/// Why a file could not be read as text: Chinese and English messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    pub zh: &'static str,
    pub en: &'static str,
}

pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let le = bytes[0] == 0xFF;
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|p| {
                if le {
                    u16::from_le_bytes([p[0], p[1]])
                } else {
                    u16::from_be_bytes([p[0], p[1]])
                }
            })
            .collect();
        return String::from_utf16(&units).map_err(|_| DecodeError {
            zh: "UTF-16 编码有误",
            en: "invalid UTF-16",
        });
    }
    if bytes.starts_with(b"%PDF") {
        return Err(DecodeError {
            zh: "这是PDF文件：请打开它，复制其中的文字后粘贴到这里，或另存为 .txt",
            en: "this is a PDF: open it, copy its text and paste it here, or save it as .txt",
        });
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(DecodeError {
            zh: "这是Word或压缩文件：请另存为纯文本（.txt，UTF-8编码）",
            en: "this is a Word or zip file: save it as plain text (.txt, UTF-8)",
        });
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) if s.contains('\0') => Err(DecodeError {
            zh: "不是文本文件",
            en: "not a text file",
        }),
        Ok(s) => Ok(s.to_string()),
        Err(_) => Err(DecodeError {
            zh: "不是UTF-8文本（可能是GBK编码）：请用记事本“另存为”UTF-8后再试",
            en: "not UTF-8 text (GBK?): save it as UTF-8 and try again",
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings() {
        assert_eq!(decode("一、总体情况".as_bytes()).unwrap(), "一、总体情况");
        assert_eq!(decode(b"\xEF\xBB\xBFab").unwrap(), "ab");
        assert_eq!(decode(&[0xFF, 0xFE, 0x00, 0x4E]).unwrap(), "一");
        assert!(decode(&[0xD2, 0xBB, 0xA1, 0xA2, 0xD7, 0xDC])
            .unwrap_err()
            .zh
            .contains("GBK"));
        assert!(decode(b"%PDF-1.7").unwrap_err().zh.contains("PDF"));
    }
}
