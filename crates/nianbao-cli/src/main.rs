//! `nianbao`: the command line. A thin layer over the engine: read files, print results.
//!
//!     nianbao check FILE…                  readable report per file
//!     nianbao check --format json FILE…    RESULT.md JSON, one object per line
//!     nianbao check --format csv FILE…     one finding per row (UTF-8 with BOM, for Excel)
//!     nianbao rules                        every rule with its explanation
//!
//! Exit status: 0 no input has an error, 1 some input has an error, 2 an input could not be read.

use nianbao::result::{CheckResult, Severity, Status, Verdict};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

const USAGE: &str = "\
nianbao — 政府信息公开工作年度报告检查 / checks government information-disclosure annual reports

用法 Usage:
  nianbao check [--format text|json|csv] [--lang zh|en] [--no-color] [--previous FILE] FILE…
  nianbao check -            read the report from standard input
  nianbao rules [--lang zh|en]
  nianbao rules --explain NAME   one rule's page
  nianbao --version

退出码 Exit status: 0 无错误 no errors; 1 有错误 some report has errors; 2 无法读取 a file could not be read
";

#[derive(Clone, Copy, PartialEq)]
enum Fmt {
    Text,
    Json,
    Csv,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") => check(&args[1..]),
        Some("rules") => rules(&args[1..]),
        Some("--version") | Some("-V") => {
            println!("nianbao {}", nianbao::ENGINE_VERSION);
            ExitCode::SUCCESS
        }
        Some("--help") | Some("-h") | Some("help") => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprint!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn lang_en(args: &[String]) -> bool {
    args.windows(2).any(|w| w[0] == "--lang" && w[1] == "en")
}

/// `rules --explain NAME`: one rule's page.
fn explain(name: &str) -> ExitCode {
    match nianbao::rules::pages::page(name) {
        Some(p) => {
            println!("{p}");
            ExitCode::SUCCESS
        }
        None => {
            eprintln!("未知规则 unknown rule: {name}");
            ExitCode::from(2)
        }
    }
}

fn rules(args: &[String]) -> ExitCode {
    if let Some(w) = args.windows(2).find(|w| w[0] == "--explain") {
        return explain(&w[1]);
    }
    let en = lang_en(args);
    for r in nianbao::RULES {
        let (title, expl) = if en {
            (r.title_en, r.explanation_en)
        } else {
            (r.title, r.explanation)
        };
        println!("{} [{}] {}", r.name, r.severity.name(), title);
        println!("    {expl}\n");
    }
    ExitCode::SUCCESS
}

/// Reads a report file of any form the engine's readers take (text in any encoding, Word,
/// web page, PDF). A file that cannot be read gets a message saying what to do.
fn read_report(path: &str) -> Result<nianbao::document::Document, String> {
    let bytes = if path == "-" {
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut b)
            .map_err(|e| format!("无法读取标准输入 cannot read standard input: {e}"))?;
        b
    } else {
        std::fs::read(path).map_err(|e| {
            let why = match e.kind() {
                std::io::ErrorKind::NotFound => "文件不存在 file not found".to_string(),
                std::io::ErrorKind::PermissionDenied => {
                    "没有读取权限 permission denied".to_string()
                }
                _ if std::path::Path::new(path).is_dir() => {
                    "这是一个目录 is a directory".to_string()
                }
                _ => e.to_string(),
            };
            format!("{path}: {why}")
        })?
    };
    nianbao::read::read(&bytes, path, None, &nianbao::read::encoding_rs_legacy)
        .map_err(|e| format!("{path}: {} {}", e.zh, e.en))
}

fn file_name(path: &str) -> String {
    std::path::Path::new(path)
        .file_name()
        .map_or_else(|| path.to_string(), |n| n.to_string_lossy().to_string())
}

fn check(args: &[String]) -> ExitCode {
    let mut fmt = Fmt::Text;
    let mut files = Vec::new();
    let mut color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let en = lang_en(args);
    let mut previous: Option<String> = None;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--format" | "-f" => {
                i += 1;
                fmt = match args.get(i).map(String::as_str) {
                    Some("json") => Fmt::Json,
                    Some("csv") => Fmt::Csv,
                    Some("text") => Fmt::Text,
                    other => {
                        eprintln!("未知格式 unknown format: {}", other.unwrap_or(""));
                        return ExitCode::from(2);
                    }
                };
            }
            "--lang" => i += 1,
            "--previous" => {
                i += 1;
                previous = args.get(i).cloned();
            }
            "--no-color" => color = false,
            "--color" => color = true,
            a if a.starts_with("--format=") => {
                fmt = match &a[9..] {
                    "json" => Fmt::Json,
                    "csv" => Fmt::Csv,
                    _ => Fmt::Text,
                }
            }
            a => files.push(a.to_string()),
        }
        i += 1;
    }
    if files.is_empty() {
        eprint!("{USAGE}");
        return ExitCode::from(2);
    }
    // Last year's report, compared with every file.
    let prev = match previous.as_deref().map(read_report).transpose() {
        Ok(p) => p.map(|d| (file_name(previous.as_deref().unwrap_or("")), d)),
        Err(msg) => {
            eprintln!("nianbao: {msg}");
            return ExitCode::from(2);
        }
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut any_error = false;
    let mut unreadable = false;
    if fmt == Fmt::Csv {
        let _ = write!(out, "{}", nianbao::export::csv(&[]));
    }
    for path in &files {
        let doc = match read_report(path) {
            Ok(d) => d,
            Err(msg) => {
                eprintln!("nianbao: {msg}");
                unreadable = true;
                continue;
            }
        };
        let name = std::path::Path::new(path)
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| path.clone());
        let r =
            nianbao::check_with_previous(&name, &doc, prev.as_ref().map(|(n, d)| (n.as_str(), d)));
        any_error |= r.counts.error > 0;
        let res = match fmt {
            Fmt::Json => write!(out, "{}", nianbao::export::json_line(&r)),
            Fmt::Csv => write!(out, "{}", nianbao::export::csv_rows(&r)),
            Fmt::Text => write!(out, "{}", text_report(&r, color, en)),
        };
        if res.is_err() {
            // Broken pipe (e.g. `| head`): stop quietly.
            break;
        }
    }
    if unreadable {
        ExitCode::from(2)
    } else if any_error {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

struct Paint {
    on: bool,
}

impl Paint {
    fn c(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
}

fn text_report(r: &CheckResult, color: bool, en: bool) -> String {
    let p = Paint { on: color };
    let mut s = String::new();
    let colour = match r.verdict {
        Verdict::Pass => "32",
        Verdict::Fail => "31",
        Verdict::Warn | Verdict::Incomplete => "33",
    };
    let verdict = p.c(colour, &nianbao::export::verdict_text(r, en));
    s.push_str(&format!("{} — {}\n", p.c("1", &r.input.name), verdict));
    s.push_str(&format!(
        "  {} {}  {} {}  {} {}  {} {}\n",
        if en { "agency" } else { "机关" },
        r.meta.agency.as_deref().unwrap_or("?"),
        if en { "year" } else { "年度" },
        r.meta.year.map(|y| y.to_string()).unwrap_or("?".into()),
        if en { "format" } else { "格式" },
        r.format.detected.map(|f| f.name()).unwrap_or("?"),
        if en {
            "errors/warnings"
        } else {
            "错误/提示"
        },
        format_args!("{}/{}", r.counts.error, r.counts.warning),
    ));
    let mark = |st: Status| {
        let colour = match st {
            Status::Pass => "32",
            Status::Fail => "31",
            Status::Warn => "33",
            Status::Skip => "90",
        };
        p.c(colour, nianbao::export::status_mark(st))
    };
    let rule_title = |name: &str| nianbao::export::rule_title(name, en);
    s.push_str(&format!("  {}\n", if en { "document" } else { "全文" }));
    for c in &r.document.checks {
        let d = if en { &c.detail_en } else { &c.detail };
        s.push_str(&format!(
            "    {} {} — {}\n",
            mark(c.status),
            rule_title(c.rule),
            d
        ));
    }
    for sec in &r.sections {
        let head = match (&sec.heading, sec.line) {
            (Some(h), Some(l)) => format!("{h} (第{l}行)"),
            _ => format!(
                "{} {}",
                sec.title,
                if en { "(missing)" } else { "（未找到）" }
            ),
        };
        s.push_str(&format!("  [{}] {}\n", sec.number, p.c("1", &head)));
        for c in &sec.checks {
            let d = if en { &c.detail_en } else { &c.detail };
            s.push_str(&format!(
                "    {} {} — {}\n",
                mark(c.status),
                rule_title(c.rule),
                d
            ));
        }
    }
    if !r.findings.is_empty() {
        s.push_str(&format!("  {}\n", if en { "findings" } else { "问题" }));
    }
    for f in &r.findings {
        let sev = match f.severity {
            Severity::Error => p.c("31", if en { "error" } else { "错误" }),
            Severity::Warning => p.c("33", if en { "warning" } else { "提示" }),
            Severity::Info => p.c("36", "info"),
        };
        let at = f
            .line
            .map(|l| format!("{}:{}", l, f.column.unwrap_or(1)))
            .unwrap_or("-".into());
        let m = if en { &f.message_en } else { &f.message };
        s.push_str(&format!("    {at:>7} {sev} {} {}\n", p.c("90", f.rule), m));
    }
    s.push('\n');
    s
}
