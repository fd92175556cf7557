//! A link is not a report: text that is only a web address (or a few), as people copy it from
//! the browser's address bar, perhaps with the page's title on a line of its own. Nothing here
//! fetches anything: the message says how to bring the report itself (save the page, or select
//! all on it and paste). One decision for the page (typed or pasted text, a text file, a batch)
//! and the command line.

use super::ReadError;
use crate::document::Document;

/// At most this many characters of text besides the addresses (a title line).
const OTHER_CHARS: usize = 80;
/// At most this many lines of text besides the addresses.
const OTHER_LINES: usize = 2;
/// At most this many addresses (a few copied links, not a list of sources).
const LINKS: usize = 10;

/// Whether a word is a web address: http(s)://…, www.…, or a host name with a dot and a
/// path or a known ending (zfxxgk.fujian.gov.cn/…, www.gov.cn).
fn is_link(word: &str) -> bool {
    let w = word.trim_matches(|c: char| "<>()（）[]【】\"'“”‘’,，。;；".contains(c));
    let lower = w.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return lower.len() > "https://".len();
    }
    let host = lower.split('/').next().unwrap_or("");
    let hosty = host.contains('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == ':')
        && host.split('.').all(|p| !p.is_empty())
        && host
            .rsplit('.')
            .next()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()));
    hosty && (lower.starts_with("www.") || lower.contains('/') || host.ends_with(".cn"))
}

/// When `text` is only web addresses (one to [`LINKS`], with at most a short title line or
/// two around them), the message to show instead of a verdict; None for anything else (a
/// report that quotes addresses has far more text than that).
pub fn only_links(text: &str) -> Option<ReadError> {
    if text.len() > 4096 {
        return None;
    }
    let (mut links, mut other_chars, mut other_lines) = (0, 0, 0);
    for line in text.lines() {
        let mut other = 0;
        for word in line.split_whitespace() {
            if is_link(word) {
                links += 1;
            } else {
                other += word.chars().count();
            }
        }
        if other > 0 {
            other_lines += 1;
            other_chars += other;
        }
    }
    let only = (1..=LINKS).contains(&links) && other_chars <= OTHER_CHARS;
    (only && other_lines <= OTHER_LINES).then(message)
}

/// What to do with a link.
pub fn message() -> ReadError {
    ReadError::new(
        "这是网页地址，不是报告正文。本页不会访问网页（不向任何地方发送内容），无法按地址读取报告。\
         请在浏览器中打开该网页，按 Ctrl+S 保存后把保存的文件拖到这里；或在网页上全选（Ctrl+A）、复制，再粘贴到这里。",
        "This is a web address, not a report's text. This page cannot fetch web pages (it never sends \
         anything anywhere). Open the page in your browser, save it (Ctrl+S) and drop the saved file \
         here; or select all on the page (Ctrl+A), copy, and paste it here.",
    )
}

/// A document read from a text file, or the message when its text is only links.
pub fn refuse(doc: Document) -> Result<Document, ReadError> {
    match only_links(&doc.text) {
        Some(e) => Err(e),
        None => Ok(doc),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_alone_or_with_a_title_are_caught() {
        for t in [
            "https://www.fzqzf.gov.cn/zwgk/ndbg/202301/t20230116_123456.htm",
            "  http://zp.gov.cn/bm/zfb/zfxxgknb/202201/t20220128_1870138.htm  \n",
            "www.laifeng.gov.cn/xxgk/gknb/xzbm/xzwj/202201/t20220124_1239406.shtml",
            "泉州市丰泽区卫生健康局2022年政府信息公开工作年度报告\nhttps://www.fzqzf.gov.cn/a.htm",
            "标题：某局2023年政府信息公开工作年度报告 https://a.gov.cn/1.html\nhttps://a.gov.cn/2.html\n",
            "<https://www.gov.cn/zhengce/xxgk/>",
        ] {
            assert!(only_links(t).is_some(), "{t}");
        }
    }

    #[test]
    fn text_without_links_or_with_much_else_is_not_caught() {
        for t in [
            "",
            "泉州市丰泽区卫生健康局",
            "一、总体情况\n本机关2022年……详见 https://www.fzqzf.gov.cn/a.htm 。\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况",
            "3.5 7.2 10.0",
            "e.g. 1.5",
        ] {
            assert!(only_links(t).is_none(), "{t}");
        }
        let many: String = (0..11)
            .map(|i| format!("https://a.gov.cn/{i}.htm\n"))
            .collect();
        assert!(only_links(&many).is_none());
    }
}
