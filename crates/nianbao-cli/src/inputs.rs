//! The inputs of a batch: files named on the command line, folders walked recursively, and the
//! entries of `.zip` archives, in a stable order (the order of the arguments; inside a folder or
//! an archive, sorted by path). Listing is cheap (names and sizes only); bytes are read later, by
//! the worker that checks the input, so a batch of any size never holds more than a few files.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// File forms the readers take. In a folder or an archive other files are skipped silently;
/// a file named on the command line is always tried.
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

#[derive(Clone)]
pub struct Input {
    /// Where the input is, for people: the path as given or walked, `archive.zip/entry` for an
    /// archive's entry.
    pub display: String,
    /// `input.name` of the result: the file name for a file named on the command line (as
    /// before), the displayed path for what was found in a folder or an archive.
    pub name: String,
    pub source: Source,
}

#[derive(Clone)]
pub enum Source {
    Stdin,
    File(String),
    Entry(Arc<zip::ZipArchive<SharedFile>>, usize),
    /// Known to be unreadable when listed (a folder that cannot be listed, a broken archive, an
    /// entry over the archive's cap).
    Bad(String),
}

/// A file that several readers read at their own positions (positioned reads, no shared
/// cursor), so one parsed archive can be cloned cheaply for each entry read in parallel.
#[derive(Clone)]
pub struct SharedFile {
    file: Arc<File>,
    pos: u64,
    len: u64,
}

impl Read for SharedFile {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        #[cfg(unix)]
        let n = std::os::unix::fs::FileExt::read_at(&*self.file, buf, self.pos)?;
        #[cfg(windows)]
        let n = std::os::windows::fs::FileExt::seek_read(&*self.file, buf, self.pos)?;
        self.pos += n as u64;
        Ok(n)
    }
}

impl Seek for SharedFile {
    fn seek(&mut self, to: SeekFrom) -> std::io::Result<u64> {
        let p = match to {
            SeekFrom::Start(p) => Some(p),
            SeekFrom::End(d) => self.len.checked_add_signed(d),
            SeekFrom::Current(d) => self.pos.checked_add_signed(d),
        };
        self.pos = p.ok_or_else(|| {
            std::io::Error::new(std::io::ErrorKind::InvalidInput, "seek before start")
        })?;
        Ok(self.pos)
    }
}

fn extension(name: &str) -> String {
    nianbao::read::extension(name)
}

fn hidden(name: &str) -> bool {
    name.starts_with('.')
}

/// The inputs of `args`, in order, found lazily: a folder is listed when the walk reaches it and
/// an archive opened when the walk reaches it, so a batch of any size is never held as a list.
/// Only the names of the folders on the current path (sorted) and the entries of the current
/// archive are kept.
pub struct Walk {
    args: std::collections::VecDeque<String>,
    stack: Vec<Frame>,
}

enum Frame {
    /// A folder's entries still to visit, sorted, the next one last.
    Dir(PathBuf, Vec<std::ffi::OsString>),
    /// Inputs ready to hand out (an archive's entries), the next one last.
    Ready(Vec<Input>),
}

impl Walk {
    pub fn new(args: &[String]) -> Walk {
        Walk {
            args: args.iter().cloned().collect(),
            stack: Vec::new(),
        }
    }

    /// Lists a folder onto the stack, or says why it cannot be listed.
    fn enter(&mut self, dir: &Path) -> Option<Input> {
        match std::fs::read_dir(dir) {
            Ok(listing) => {
                let mut names: Vec<std::ffi::OsString> = listing
                    .filter_map(Result::ok)
                    .map(|e| e.file_name())
                    .filter(|n| !hidden(&n.to_string_lossy()))
                    .collect();
                names.sort_by(|a, b| b.cmp(a));
                self.stack.push(Frame::Dir(dir.to_path_buf(), names));
                None
            }
            Err(e) => Some(bad(
                dir.to_string_lossy().to_string(),
                format!("无法列出目录 cannot list the folder: {e}"),
            )),
        }
    }

    fn open_archive(&mut self, path: &Path, display: &str) {
        let mut v = archive(path, display);
        v.reverse();
        self.stack.push(Frame::Ready(v));
    }
}

impl Iterator for Walk {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        loop {
            let Some(top) = self.stack.last_mut() else {
                let a = self.args.pop_front()?;
                let path = Path::new(&a);
                if a == "-" {
                    return Some(Input {
                        display: "-".into(),
                        name: "-".into(),
                        source: Source::Stdin,
                    });
                } else if path.is_dir() {
                    if let Some(b) = self.enter(path) {
                        return Some(b);
                    }
                } else if extension(&a) == "zip" && path.is_file() {
                    self.open_archive(path, &a);
                } else {
                    let name = path
                        .file_name()
                        .map(|n| n.to_string_lossy().to_string())
                        .unwrap_or_else(|| a.clone());
                    return Some(Input {
                        display: a.clone(),
                        name,
                        source: Source::File(a),
                    });
                }
                continue;
            };
            match top {
                Frame::Ready(v) => match v.pop() {
                    Some(i) => return Some(i),
                    None => {
                        self.stack.pop();
                    }
                },
                Frame::Dir(dir, names) => {
                    let Some(file_name) = names.pop() else {
                        self.stack.pop();
                        continue;
                    };
                    let path = dir.join(&file_name);
                    let file_name = file_name.to_string_lossy().to_string();
                    let display = path.to_string_lossy().to_string();
                    let Ok(kind) = std::fs::symlink_metadata(&path).map(|m| m.file_type()) else {
                        continue;
                    };
                    if kind.is_dir() {
                        if let Some(b) = self.enter(&path) {
                            return Some(b);
                        }
                    } else if kind.is_file() || (kind.is_symlink() && path.is_file()) {
                        let ext = extension(&file_name);
                        if ext == "zip" {
                            self.open_archive(&path, &display);
                        } else if READABLE.contains(&ext.as_str()) {
                            return Some(Input {
                                name: display.clone(),
                                display: display.clone(),
                                source: Source::File(display),
                            });
                        }
                    }
                }
            }
        }
    }
}

fn bad(display: String, reason: String) -> Input {
    Input {
        name: display.clone(),
        display,
        source: Source::Bad(reason),
    }
}

/// An entry's name: UTF-8 when it is (the flag set, or a tool that wrote UTF-8 without saying
/// so), else GBK (Windows in Chinese writes its code page), else what the zip crate decoded
/// (CP437, the format's default).
fn entry_name(raw: &[u8], decoded: &str) -> String {
    if let Ok(s) = std::str::from_utf8(raw) {
        return s.to_string();
    }
    let (s, had_errors) = encoding_rs::GBK.decode_without_bom_handling(raw);
    if !had_errors {
        return s.into_owned();
    }
    decoded.to_string()
}

/// The inputs of an archive: its readable entries, sorted by name.
fn archive(path: &Path, display: &str) -> Vec<Input> {
    let mut out = Vec::new();
    let opened = File::open(path).and_then(|f| {
        let len = f.metadata()?.len();
        Ok(SharedFile {
            file: Arc::new(f),
            pos: 0,
            len,
        })
    });
    let mut zip = match opened
        .map_err(|e| e.to_string())
        .and_then(|f| zip::ZipArchive::new(f).map_err(|e| e.to_string()))
    {
        Ok(z) => z,
        Err(e) => {
            out.push(bad(
                display.to_string(),
                format!("无法打开压缩文件 cannot open the zip archive: {e}"),
            ));
            return out;
        }
    };
    // (name, index, declared inflated size)
    let mut entries: Vec<(String, usize, u64)> = Vec::new();
    for i in 0..zip.len() {
        let Ok(f) = zip.by_index_raw(i) else { continue };
        if f.is_dir() {
            continue;
        }
        let name = entry_name(f.name_raw(), f.name());
        if name.starts_with("__MACOSX/") || name.split(['/', '\\']).any(hidden) {
            continue;
        }
        let ext = extension(&name);
        if READABLE.contains(&ext.as_str()) {
            entries.push((name, i, f.size()));
        }
    }
    entries.sort();
    let zip = Arc::new(zip);
    let mut total: u64 = 0;
    for (name, i, size) in entries {
        let display = format!("{display}/{name}");
        total = total.saturating_add(size);
        if total > ARCHIVE_MAX {
            out.push(bad(
                display,
                format!(
                    "压缩包解压后总量超过{} MiB上限，其余文件未读取 the archive inflates to more than {} MiB: the rest is not read",
                    ARCHIVE_MAX >> 20,
                    ARCHIVE_MAX >> 20
                ),
            ));
            continue;
        }
        out.push(Input {
            name: display.clone(),
            display,
            source: Source::Entry(zip.clone(), i),
        });
    }
    out
}

/// The bytes of an archive's entry, within the caps: no entry over [`ENTRY_MAX`], no large
/// entry that inflates more than [`RATIO_MAX`] times, and never more bytes than the entry says
/// it has (a lying size is how a zip bomb gets past a size check).
pub fn read_entry(zip: &zip::ZipArchive<SharedFile>, index: usize) -> Result<Vec<u8>, String> {
    let mut zip = zip.clone();
    let mut f = zip
        .by_index(index)
        .map_err(|e| format!("无法解压 cannot inflate: {e}"))?;
    let size = f.size();
    let packed = f.compressed_size().max(1);
    if size > ENTRY_MAX {
        return Err(format!(
            "压缩包中的文件解压后{} MiB，超过{} MiB上限 the entry inflates to {} MiB, over the {} MiB cap",
            size >> 20,
            ENTRY_MAX >> 20,
            size >> 20,
            ENTRY_MAX >> 20
        ));
    }
    if size > BOMB_MIN && size / packed > RATIO_MAX {
        return Err(format!(
            "疑似压缩炸弹：{}字节压缩为{}字节（超过{}倍），未解压 a zip bomb: {} bytes packed into {} (over {}×), not inflated",
            size, packed, RATIO_MAX, size, packed, RATIO_MAX
        ));
    }
    let mut buf = Vec::with_capacity(size as usize);
    (&mut f)
        .take(size + 1)
        .read_to_end(&mut buf)
        .map_err(|e| format!("无法解压 cannot inflate: {e}"))?;
    if buf.len() as u64 > size {
        return Err(format!(
            "解压后超过声明的{size}字节（疑似压缩炸弹），未读取 inflates past its declared {size} bytes (a zip bomb?): not read"
        ));
    }
    Ok(buf)
}

/// The bytes of an input, or why it cannot be read.
pub fn bytes(input: &Input) -> Result<Vec<u8>, String> {
    match &input.source {
        Source::Stdin => {
            let mut b = Vec::new();
            std::io::stdin()
                .read_to_end(&mut b)
                .map_err(|e| format!("无法读取标准输入 cannot read standard input: {e}"))?;
            Ok(b)
        }
        Source::File(path) => std::fs::read(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => "文件不存在 file not found".to_string(),
            std::io::ErrorKind::PermissionDenied => "没有读取权限 permission denied".to_string(),
            _ if Path::new(path).is_dir() => "这是一个目录 is a directory".to_string(),
            _ => e.to_string(),
        }),
        Source::Entry(zip, i) => read_entry(zip, *i),
        Source::Bad(reason) => Err(reason.clone()),
    }
}
