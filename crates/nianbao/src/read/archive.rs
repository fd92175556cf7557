//! The entries of a `.zip` of reports, in memory (the page's batch; the command line streams
//! archives from disk in `nianbao-cli`'s inputs.rs with the same caps). Entries are sorted by
//! name; folders, hidden files and forms no reader takes are skipped; a zip bomb is refused per
//! entry with a message, never inflated.

use std::io::{Cursor, Read};

/// File forms the readers take. In a folder or an archive other files are skipped silently.
pub const READABLE: &[&str] = &[
    "txt", "md", "csv", "html", "htm", "docx", "doc", "wps", "pdf",
];
/// An archive entry may inflate to at most this many bytes.
pub const ENTRY_MAX: u64 = 64 << 20;
/// All entries of one archive together may inflate to at most this many bytes.
pub const ARCHIVE_MAX: u64 = 1 << 30;
/// An entry larger than [`BOMB_MIN`] that inflates more than this many times is a zip bomb.
pub const RATIO_MAX: u64 = 200;
pub const BOMB_MIN: u64 = 1 << 20;

/// The lower-cased extension of a name ("" when it has none).
pub fn extension(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match base.rsplit_once('.') {
        Some((_, e)) => e.to_ascii_lowercase(),
        None => String::new(),
    }
}

/// Hidden files and the resource forks macOS puts in archives.
pub fn hidden(part: &str) -> bool {
    part.starts_with('.') || part.starts_with("~$") || part == "__MACOSX"
}

/// An entry's name: UTF-8 when it is (the flag set, or a tool that wrote UTF-8 without saying
/// so), else GBK through `legacy` (Windows in Chinese writes its code page), else what the zip
/// crate decoded (CP437, the format's default).
pub fn entry_name(raw: &[u8], decoded: &str, legacy: super::Legacy) -> String {
    if let Ok(s) = std::str::from_utf8(raw) {
        return s.to_string();
    }
    legacy(raw, "gbk").unwrap_or_else(|| decoded.to_string())
}

/// One readable entry: its name inside the archive, and its bytes or why they were not read.
pub struct Entry {
    pub name: String,
    pub bytes: Result<Vec<u8>, super::ReadError>,
}

/// Checks an entry's declared sizes against the caps.
pub fn refuse(size: u64, packed: u64, total: u64) -> Option<super::ReadError> {
    let packed = packed.max(1);
    if total > ARCHIVE_MAX {
        return Some(super::ReadError::new(
            format!(
                "压缩包解压后总量超过{} MiB上限，其余文件未读取",
                ARCHIVE_MAX >> 20
            ),
            format!(
                "the archive inflates to more than {} MiB: the rest is not read",
                ARCHIVE_MAX >> 20
            ),
        ));
    }
    if size > ENTRY_MAX {
        return Some(super::ReadError::new(
            format!(
                "压缩包中的文件解压后{} MiB，超过{} MiB上限",
                size >> 20,
                ENTRY_MAX >> 20
            ),
            format!(
                "the entry inflates to {} MiB, over the {} MiB cap",
                size >> 20,
                ENTRY_MAX >> 20
            ),
        ));
    }
    if size > BOMB_MIN && size / packed > RATIO_MAX {
        return Some(super::ReadError::new(
            format!("疑似压缩炸弹：{size}字节压缩为{packed}字节（超过{RATIO_MAX}倍），未解压"),
            format!(
                "a zip bomb: {size} bytes packed into {packed} (over {RATIO_MAX}×), not inflated"
            ),
        ));
    }
    None
}

/// The readable entries of an archive held in memory, sorted by name.
pub fn entries(bytes: &[u8], legacy: super::Legacy) -> Result<Vec<Entry>, super::ReadError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        super::ReadError::new(
            format!("无法打开压缩文件：{e}"),
            format!("cannot open the zip archive: {e}"),
        )
    })?;
    let mut listed: Vec<(String, usize, u64, u64)> = Vec::new();
    for i in 0..zip.len() {
        let Ok(f) = zip.by_index_raw(i) else { continue };
        if f.is_dir() {
            continue;
        }
        let name = entry_name(f.name_raw(), f.name(), legacy);
        if name.split(['/', '\\']).any(hidden) || !READABLE.contains(&extension(&name).as_str()) {
            continue;
        }
        listed.push((name, i, f.size(), f.compressed_size()));
    }
    listed.sort();
    let mut total: u64 = 0;
    let mut out = Vec::with_capacity(listed.len());
    for (name, i, size, packed) in listed {
        total = total.saturating_add(size);
        let bytes = match refuse(size, packed, total) {
            Some(e) => Err(e),
            None => inflate(&mut zip, i, size),
        };
        out.push(Entry { name, bytes });
    }
    Ok(out)
}

/// Never more bytes than the entry declares (a lying size is how a zip bomb gets past a check).
fn inflate(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    i: usize,
    size: u64,
) -> Result<Vec<u8>, super::ReadError> {
    let bad =
        |e: String| super::ReadError::new(format!("无法解压：{e}"), format!("cannot inflate: {e}"));
    let mut f = zip.by_index(i).map_err(|e| bad(e.to_string()))?;
    let mut buf = Vec::with_capacity(size.min(ENTRY_MAX) as usize);
    (&mut f)
        .take(size + 1)
        .read_to_end(&mut buf)
        .map_err(|e| bad(e.to_string()))?;
    if buf.len() as u64 > size {
        return Err(super::ReadError::new(
            format!("解压后超过声明的{size}字节（疑似压缩炸弹），未读取"),
            format!("inflates past its declared {size} bytes (a zip bomb?): not read"),
        ));
    }
    Ok(buf)
}
