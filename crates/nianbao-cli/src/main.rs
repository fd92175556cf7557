//! `nianbao`: the command line. A thin layer over the engine: read files, print results.
//!
//!     nianbao check FILE… DIR… ZIP…        readable report per file; folders walked, archives opened
//!     nianbao check --format json FILE…    RESULT.md JSON, one object per line
//!     nianbao check --format csv FILE…     one finding per row (UTF-8 with BOM, for Excel)
//!     nianbao check --summary S.csv --issues I.csv DIR   also the roll-up and the issue list
//!     nianbao check --issues-dir D DIR     also one issue list per unit (单位_年度_问题清单.csv)
//!     nianbao check --report R.html DIR    also the printable batch report (charts, counts, roll-up)
//!     nianbao check --summary S.xlsx --issues I.xlsx DIR   the same as Excel workbooks
//!     nianbao check --issues-dir D --issues-format xlsx DIR   one workbook per unit
//!     nianbao rules                        every rule with its explanation
//!     nianbao rules --explain [NAME]       a rule's page (every rule's without a name)
//!     nianbao schema                       the result's JSON Schema (schema/result.schema.json)
//!
//! Exit status: 0 no input has an error, 1 some input has an error, 2 an input could not be read.

mod batch;
mod inputs;

use indicatif::{ProgressBar, ProgressStyle};
use nianbao::export::SummaryRow;
use nianbao::result::{CheckResult, Severity, Status, Verdict};
use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Condvar, Mutex};

const USAGE: &str = "\
nianbao — 政府信息公开工作年度报告检查 / checks government information-disclosure annual reports

用法 Usage:
  nianbao check [--format text|json|csv] [--lang zh|en] [--no-color]
                [--summary 汇总.csv|.xlsx] [--issues 问题清单.csv|.xlsx]
                [--issues-dir DIR [--issues-format csv|xlsx]]
                [--previous 上年报告] [--no-pair] [--similar 0.5] [--no-similar]
                [--cells 数据集.csv] [--report 批量检查报告.html] FILE|DIR|ZIP…
      folders are walked (.txt .md .csv .html .htm .docx .doc .wps .pdf), .zip archives opened;
      results come in input order; --summary: one row per report, failing first;
      --issues: one row per finding (by unit, year, part, severity), with its place in the
      unit's own file (PDF page, Word paragraph or table cell, the quoted text) and the legal
      basis, and a row for each file that could not be read; --issues-dir: the same, one file
      per unit; --report: the printable batch report (HTML: charts of the verdicts, the rates
      against their red/yellow lines and each agency's years, counts per verdict and per rule,
      the roll-up); --issues-format xlsx: --issues-dir writes Excel workbooks; a --summary or
      --issues name ending in .xlsx gives an Excel workbook (frozen header, filters, verdict
      colours), else CSV (UTF-8 with BOM); --lang en: CSV files, report and text in English
      (default Chinese)
      --previous: last year's report, compared with every report (carry-over, repeated text)
      several reports: each is compared with its agency's previous year when the batch holds
      it (上年报告配对; --no-pair: not), and reports of one year whose prose shares at least
      --similar (default 0.5) with another unit's report are marked 雷同 (text-repeated-between-
      units; --no-similar: not); the batch is read twice (first its agencies, years and prose)
      --cells: the dataset, one row per report, one column per cell of the three tables
      (names and meanings in DATASET.md)
  nianbao check -            read the report from standard input
  nianbao rules [--lang zh|en]
  nianbao rules --explain NAME [--lang zh|en] [--format json]
                             one rule's page: basis, what it checks, examples, how to fix
  nianbao rules --explain    every rule's page
  nianbao schema             结果的 JSON Schema / the result's JSON Schema (RESULT.md)
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
        Some("schema") => emit(&nianbao::schema::result_schema()),
        Some("--version") | Some("-V") => emit(&format!("nianbao {}\n", nianbao::ENGINE_VERSION)),
        Some("--help") | Some("-h") | Some("help") => emit(USAGE),
        _ => {
            eprint!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn lang_en(args: &[String]) -> bool {
    args.windows(2).any(|w| w[0] == "--lang" && w[1] == "en")
}

/// `rules --explain [NAME]`: one rule's page, or every rule's when no name is given; in
/// Chinese and English unless `--lang` picks one; `--format json` gives the page as data.
fn explain(name: Option<&str>, args: &[String]) -> ExitCode {
    use nianbao::rules::pages;
    let lang = args
        .windows(2)
        .find(|w| w[0] == "--lang")
        .map(|w| w[1].as_str());
    let (zh, en) = match lang {
        Some("zh") => (true, false),
        Some("en") => (false, true),
        _ => (true, true),
    };
    let json = args
        .windows(2)
        .any(|w| w[0] == "--format" && w[1] == "json");
    let list = match name {
        Some(n) => match pages::page_data(n) {
            Some(p) => vec![p],
            None => {
                eprintln!("未知规则 unknown rule: {n}");
                if let Some(near) = nearest(n) {
                    eprintln!("是否要找 did you mean: {near}");
                }
                eprintln!("`nianbao rules` 列出全部规则 lists every rule");
                return ExitCode::from(2);
            }
        },
        None => pages::all(),
    };
    if json {
        let v = if name.is_some() {
            serde_json::to_string(&list[0])
        } else {
            serde_json::to_string(&list)
        };
        return emit(&format!("{}\n", v.expect("a page serializes")));
    }
    let texts: Vec<String> = list.iter().map(|p| pages::render(p, zh, en)).collect();
    emit(&texts.join(&format!("\n{}\n\n", "═".repeat(40))))
}

/// The rule name closest to a mistyped one (at most a third of its letters off).
fn nearest(name: &str) -> Option<&'static str> {
    fn distance(a: &str, b: &str) -> usize {
        let b: Vec<char> = b.chars().collect();
        let mut row: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.chars().enumerate() {
            let mut prev = row[0];
            row[0] = i + 1;
            for (j, cb) in b.iter().enumerate() {
                let cur = row[j + 1];
                row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
                prev = cur;
            }
        }
        row[b.len()]
    }
    nianbao::RULES
        .iter()
        .map(|r| (distance(name, r.name), r.name))
        .filter(|(d, _)| *d * 3 <= name.chars().count().max(3))
        .min()
        .map(|(_, n)| n)
}

fn rules(args: &[String]) -> ExitCode {
    if let Some(i) = args.iter().position(|a| a == "--explain") {
        let name = args.get(i + 1).filter(|a| !a.starts_with("--"));
        return explain(name.map(String::as_str), args);
    }
    let en = lang_en(args);
    let mut out = String::new();
    for r in nianbao::RULES {
        let title = if en { r.title_en } else { r.title };
        let expl = r.explanation(en);
        out += &format!("{} [{}] {}\n", r.name, r.severity.name(), title);
        out += &format!("    {expl}\n");
        for a in r.also {
            if en {
                out += &format!("    [{}] {}\n", a.severity.name(), a.when_en);
            } else {
                out += &format!("    [{}] {}\n", a.severity.label(false), a.when);
            }
        }
        out += &format!(
            "    {} {}\n\n",
            if en { "Basis:" } else { "依据：" },
            r.basis
        );
    }
    emit(&out)
}

/// Writes `text` to standard output. A reader that stops early (`nianbao rules | head`) is not
/// an error: the rest is dropped quietly, as other command-line tools do; any other failure to
/// write is said on standard error.
fn emit(text: &str) -> ExitCode {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("nianbao: 无法写出 cannot write: {e}");
            ExitCode::FAILURE
        }
    }
}

/// What a worker hands the printer for one input: everything already formatted, so the
/// result itself is dropped in the worker and the printer holds only strings.
struct Outcome {
    display: String,
    /// Standard output's share (text report, JSON line or CSV rows).
    out: String,
    /// The input's rows of the 问题清单 (None unless `--issues` or `--issues-dir`).
    issues: Option<nianbao::issues::UnitIssues>,
    summary: SummaryRow,
    /// The input's row of the dataset (None unless `--cells`).
    cells: Option<String>,
    /// The report's rules with findings (`--report` counts them; empty otherwise).
    rules: Vec<(nianbao::result::Name, bool)>,
    /// Why the input could not be read.
    unreadable: Option<String>,
    has_error: bool,
}

struct Options {
    fmt: Fmt,
    color: bool,
    en: bool,
    issues: bool,
    /// Whether the dataset (`--cells`) is written.
    cells: bool,
    /// The batch report is asked for (each report's rules are counted).
    report: bool,
    /// Last year's report (its file name and document), compared with every report.
    previous: Option<(String, nianbao::document::Document)>,
    /// A batch's inputs and each one's plan (pairing, 雷同; empty when not a batch).
    inputs: Vec<inputs::Input>,
    plans: Vec<batch::Plan>,
    /// 雷同's threshold.
    similar: f64,
}

/// Checks input `i` with last year's report: `--previous`, or its plan's pairing (that report
/// read again); None when neither.
fn check_one(
    input: &inputs::Input,
    i: usize,
    doc: &nianbao::document::Document,
    o: &Options,
) -> CheckResult {
    let paired = o
        .plans
        .get(i)
        .and_then(|p| p.previous)
        .and_then(|j| Some((&o.inputs[j], batch::read(&o.inputs[j]).ok()?)));
    let previous = match (&o.previous, &paired) {
        (Some((n, d)), _) => Some((n.as_str(), d)),
        (None, Some((p, d))) => Some((p.display.as_str(), d)),
        _ => None,
    };
    let mut r = nianbao::check_with_previous(&input.name, doc, previous);
    if let Some(plan) = o.plans.get(i) {
        batch::mark(&mut r, doc, plan, o.similar);
    }
    r
}

fn process(input: &inputs::Input, i: usize, o: &Options) -> Outcome {
    let doc = match batch::read(input) {
        Ok(d) => d,
        Err(e) => {
            let reason = format!("{} {}", e.zh, e.en);
            let mut summary = SummaryRow::unreadable(&input.display, &e.zh);
            summary.reason_en = Some(e.en.clone());
            return Outcome {
                display: input.display.clone(),
                out: String::new(),
                issues: o
                    .issues
                    .then(|| nianbao::issues::unreadable(&input.display, &e, o.en)),
                summary,
                cells: o
                    .cells
                    .then(|| nianbao::dataset::unreadable(&input.display, &e.zh)),
                rules: Vec::new(),
                unreadable: Some(reason),
                has_error: false,
            };
        }
    };
    let r = check_one(input, i, &doc, o);
    let out = match o.fmt {
        Fmt::Json => nianbao::export::json_line(&r),
        Fmt::Csv => nianbao::export::csv_rows(&r, o.en),
        Fmt::Text => text_report(&r, o.color, o.en),
    };
    let issues = o
        .issues
        .then(|| nianbao::issues::unit(&r, &input.display, &doc, o.en));
    let mut summary = SummaryRow::from_result(&r, &input.display);
    if let Some((zh, en)) = o.plans.get(i).and_then(|p| p.pairing.clone()) {
        summary.pairing = Some(zh);
        summary.pairing_en = Some(en);
    }
    Outcome {
        display: input.display.clone(),
        out,
        issues,
        summary,
        cells: o.cells.then(|| nianbao::dataset::row(&r, &input.display)),
        rules: if o.report {
            nianbao::batchreport::rule_hits(&r)
        } else {
            Vec::new()
        },
        unreadable: None,
        has_error: r.counts.error > 0,
    }
}

fn progress_bar(n: usize) -> ProgressBar {
    let pb = ProgressBar::new(n as u64);
    if let Ok(style) =
        ProgressStyle::with_template("{pos}/{len} {bar:30} 剩余 ETA {eta}  {wide_msg}")
    {
        pb.set_style(style);
    }
    pb
}

/// Last year's report (`--previous`): any form the readers take.
fn read_previous(path: &str) -> Result<nianbao::document::Document, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    nianbao::read::read(&bytes, path, None, &nianbao::read::encoding_rs_legacy)
        .map_err(|e| format!("{path}: {} {}", e.zh, e.en))
}

fn file_name(path: &str) -> String {
    std::path::Path::new(path)
        .file_name()
        .map_or_else(|| path.to_string(), |n| n.to_string_lossy().to_string())
}

/// What `check` was asked for.
struct CheckArgs {
    fmt: Fmt,
    files: Vec<String>,
    color: bool,
    en: bool,
    summary_path: Option<String>,
    issues_path: Option<String>,
    issues_dir: Option<String>,
    cells_path: Option<String>,
    report_path: Option<String>,
    /// `--issues-format xlsx`: `--issues-dir` writes workbooks, not CSVs.
    issues_dir_xlsx: bool,
    previous: Option<String>,
    /// Pair a batch's reports with their agency's year before (`--no-pair`: off).
    pair: bool,
    /// 雷同 between units at this threshold (`--similar T`; `--no-similar`: None).
    similar: Option<f64>,
}

/// A path whose name ends in `.xlsx` (any case) is written as an Excel workbook.
fn is_xlsx(p: &str) -> bool {
    p.to_ascii_lowercase().ends_with(".xlsx")
}

/// Writes `bytes` (or a workbook's error) to `p`; false after a message.
fn write_file(p: &std::path::Path, bytes: Result<Vec<u8>, String>) -> bool {
    match bytes.and_then(|b| std::fs::write(p, b).map_err(|e| e.to_string())) {
        Ok(()) => true,
        Err(e) => {
            eprintln!("nianbao: {}: 无法写入 cannot write: {e}", p.display());
            false
        }
    }
}

fn parse_format(f: Option<&str>) -> Result<Fmt, ExitCode> {
    match f {
        Some("json") => Ok(Fmt::Json),
        Some("csv") => Ok(Fmt::Csv),
        Some("text") => Ok(Fmt::Text),
        other => {
            eprintln!("未知格式 unknown format: {}", other.unwrap_or(""));
            Err(ExitCode::from(2))
        }
    }
}

/// `check`'s options and inputs; Err: the exit status after a message (usage, a bad option).
fn parse_check_args(args: &[String]) -> Result<CheckArgs, ExitCode> {
    let mut a = CheckArgs {
        fmt: Fmt::Text,
        files: Vec::new(),
        color: std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        en: lang_en(args),
        summary_path: None,
        issues_path: None,
        issues_dir: None,
        cells_path: None,
        report_path: None,
        issues_dir_xlsx: false,
        previous: None,
        pair: true,
        similar: Some(nianbao::similar::DEFAULT_THRESHOLD),
    };
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--format" | "-f" => {
                i += 1;
                a.fmt = parse_format(args.get(i).map(String::as_str))?;
            }
            "--summary" | "--issues" | "--issues-dir" | "--cells" | "--report" => {
                // `--summary --issues x.csv` would write a file named "--issues": an option
                // is never taken for the file name.
                let Some(p) = args.get(i + 1).filter(|p| !p.starts_with("--")) else {
                    eprintln!("{} 需要文件名 needs a file name", args[i]);
                    return Err(ExitCode::from(2));
                };
                match args[i].as_str() {
                    "--summary" => a.summary_path = Some(p.clone()),
                    "--issues" => a.issues_path = Some(p.clone()),
                    "--cells" => a.cells_path = Some(p.clone()),
                    "--report" => a.report_path = Some(p.clone()),
                    _ => a.issues_dir = Some(p.clone()),
                }
                i += 1;
            }
            "--lang" => i += 1,
            "--issues-format" => {
                i += 1;
                a.issues_dir_xlsx = match args.get(i).map(String::as_str) {
                    Some("xlsx") => true,
                    Some("csv") => false,
                    other => {
                        eprintln!("未知格式 unknown format: {}", other.unwrap_or(""));
                        return Err(ExitCode::from(2));
                    }
                };
            }
            "--previous" => {
                i += 1;
                a.previous = args.get(i).cloned();
            }
            "--no-pair" => a.pair = false,
            "--no-similar" => a.similar = None,
            "--similar" => {
                i += 1;
                match args.get(i).and_then(|t| t.parse::<f64>().ok()) {
                    Some(t) if t > 0.0 && t <= 1.0 => a.similar = Some(t),
                    _ => {
                        eprintln!(
                            "--similar 需要0到1之间的比例，如0.5 needs a share between 0 and 1, e.g. 0.5"
                        );
                        return Err(ExitCode::from(2));
                    }
                }
            }
            "--no-color" => a.color = false,
            "--color" => a.color = true,
            f if f.starts_with("--format=") => {
                a.fmt = match &f[9..] {
                    "json" => Fmt::Json,
                    "csv" => Fmt::Csv,
                    _ => Fmt::Text,
                }
            }
            f => a.files.push(f.to_string()),
        }
        i += 1;
    }
    if a.files.is_empty() {
        eprint!("{USAGE}");
        return Err(ExitCode::from(2));
    }
    Ok(a)
}

/// The dataset's file (`--cells`) created and its header written; Err: the exit status after a
/// message.
fn open_cells(path: &str) -> Result<(String, std::io::BufWriter<std::fs::File>), ExitCode> {
    let mut w = std::fs::File::create(path)
        .map(std::io::BufWriter::new)
        .map_err(|e| {
            eprintln!("nianbao: {path}: 无法写入 cannot write: {e}");
            ExitCode::from(2)
        })?;
    if let Err(e) = w.write_all(nianbao::dataset::header().as_bytes()) {
        eprintln!("nianbao: {path}: 无法写入 cannot write: {e}");
        return Err(ExitCode::from(2));
    }
    Ok((path.to_string(), w))
}

/// Writes the 问题清单 (`--issues`: one file, by unit, year, part and severity; `--issues-dir`:
/// one file per unit). False after a message when a file could not be written.
fn write_issues(a: &CheckArgs, units: &[nianbao::issues::UnitIssues]) -> bool {
    if let Some(p) = &a.issues_path {
        let bytes = if is_xlsx(p) {
            nianbao::xlsx::issues_combined(units, a.en)
        } else {
            Ok(nianbao::issues::combined(units, a.en).into_bytes())
        };
        if !write_file(std::path::Path::new(p), bytes) {
            return false;
        }
    }
    if let Some(dir) = &a.issues_dir {
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("nianbao: {dir}: 无法创建 cannot create: {e}");
            return false;
        }
        let files = if a.issues_dir_xlsx {
            nianbao::xlsx::issues_per_unit(units, a.en)
        } else {
            Ok(nianbao::issues::per_unit(units, a.en))
        };
        let files = match files {
            Ok(f) => f,
            Err(e) => {
                eprintln!("nianbao: {dir}: 无法写入 cannot write: {e}");
                return false;
            }
        };
        for (name, body) in files {
            if !write_file(&std::path::Path::new(dir).join(&name), Ok(body)) {
                return false;
            }
        }
    }
    true
}

fn check(args: &[String]) -> ExitCode {
    let a = match parse_check_args(args) {
        Ok(a) => a,
        Err(code) => return code,
    };
    // Last year's report, compared with every file.
    let previous_doc = match a.previous.as_deref().map(read_previous).transpose() {
        Ok(p) => p.map(|d| (file_name(a.previous.as_deref().unwrap_or("")), d)),
        Err(msg) => {
            eprintln!("nianbao: {msg}");
            return ExitCode::from(2);
        }
    };
    let issues = a.issues_path.is_some() || a.issues_dir.is_some();
    // A batch (several inputs, none from standard input): pairing and 雷同 need a first pass.
    let pair = a.pair && previous_doc.is_none();
    let listed: Vec<inputs::Input> = if pair || a.similar.is_some() {
        inputs::Walk::new(&a.files).collect()
    } else {
        Vec::new()
    };
    let is_batch = listed.len() > 1
        && !listed
            .iter()
            .any(|i| matches!(i.source, inputs::Source::Stdin));
    let pb = if std::io::stderr().is_terminal() {
        // The progress bar needs the count: a first walk that only counts (names, no contents);
        // a batch is gone over twice.
        let n = inputs::Walk::new(&a.files).count();
        progress_bar(if is_batch { 2 * n } else { n })
    } else {
        ProgressBar::hidden()
    };
    let plans = if is_batch {
        batch::plan(&listed, pair, a.similar, &|| pb.inc(1))
    } else {
        Vec::new()
    };
    let options = Options {
        fmt: a.fmt,
        color: a.color,
        en: a.en,
        issues,
        cells: a.cells_path.is_some(),
        report: a.report_path.is_some(),
        previous: previous_doc,
        inputs: if is_batch { listed } else { Vec::new() },
        plans,
        similar: a.similar.unwrap_or(nianbao::similar::DEFAULT_THRESHOLD),
    };
    // The dataset is written as the reports come (a batch of any size holds no rows).
    let cells = match a.cells_path.as_deref().map(open_cells).transpose() {
        Ok(c) => c,
        Err(code) => return code,
    };
    let stdout = std::io::stdout();
    let mut printer = Printer {
        out: std::io::BufWriter::new(stdout.lock()),
        // One unit's rows of the 问题清单 (formatted) per report, sorted and written at the end.
        issues: issues.then(Vec::new),
        // One small row per report, kept only when the roll-up or the batch report is asked for.
        summary: (a.summary_path.is_some() || a.report_path.is_some()).then(Vec::new),
        tally: nianbao::batchreport::RuleTally::default(),
        pb,
        cells,
        any_error: false,
        unreadable: false,
        cells_failed: false,
    };
    if a.fmt == Fmt::Csv {
        let _ = write!(printer.out, "{}", nianbao::export::csv(&[], a.en));
    }
    if is_batch {
        let walk = options.inputs.clone().into_iter();
        check_in_order(walk, &options, |o| printer.print(o));
    } else {
        check_in_order(inputs::Walk::new(&a.files), &options, |o| printer.print(o));
    }
    printer.finish(&a)
}

/// Where the outcomes go, in input order: standard output, the 问题清单, the roll-up's rows,
/// the progress bar; and what the exit status will say.
struct Printer<W: Write> {
    out: W,
    issues: Option<Vec<nianbao::issues::UnitIssues>>,
    summary: Option<Vec<SummaryRow>>,
    /// The dataset's file (`--cells`), its header written.
    cells: Option<(String, std::io::BufWriter<std::fs::File>)>,
    /// Per rule, the reports it failed or warned (`--report`).
    tally: nianbao::batchreport::RuleTally,
    pb: ProgressBar,
    any_error: bool,
    unreadable: bool,
    /// The dataset could not be written in full.
    cells_failed: bool,
}

impl<W: Write> Printer<W> {
    /// Prints one input's outcome; false when standard output is gone (e.g. `| head`).
    fn print(&mut self, o: Outcome) -> bool {
        self.pb.set_message(o.display.clone());
        self.pb.inc(1);
        if let Some(reason) = &o.unreadable {
            self.unreadable = true;
            self.pb
                .suspend(|| eprintln!("nianbao: {}: {reason}", o.display));
        }
        self.any_error |= o.has_error;
        let mut ok = self.out.write_all(o.out.as_bytes()).is_ok();
        // Flush each report so a reader of the stream sees it as soon as it is next (JSON
        // lines to a pipe); the buffer only joins the writes of one report.
        ok = ok && self.out.flush().is_ok();
        if let (Some(units), Some(u)) = (self.issues.as_mut(), o.issues) {
            units.push(u);
        }
        if let Some(rows) = self.summary.as_mut() {
            rows.push(o.summary);
        }
        if let (Some((path, w)), Some(row)) = (self.cells.as_mut(), o.cells) {
            if let Err(e) = w.write_all(row.as_bytes()) {
                eprintln!("nianbao: {path}: 无法写入 cannot write: {e}");
                self.cells = None;
                self.cells_failed = true;
            }
        }
        self.tally.add(&o.rules);
        ok
    }

    /// Flushes the files, writes the roll-up, and gives the exit status.
    fn finish(mut self, a: &CheckArgs) -> ExitCode {
        self.pb.finish_and_clear();
        let _ = self.out.flush();
        if let Some(units) = self.issues.take() {
            if !write_issues(a, &units) {
                return ExitCode::from(2);
            }
        }
        if let (Some(p), Some(rows)) = (&a.summary_path, &self.summary) {
            let bytes = if is_xlsx(p) {
                nianbao::xlsx::summary(rows, a.en)
            } else {
                Ok(nianbao::export::summary_csv(rows, a.en).into_bytes())
            };
            if !write_file(std::path::Path::new(p), bytes) {
                return ExitCode::from(2);
            }
        }
        if let Some((p, mut w)) = self.cells.take() {
            if let Err(e) = w.flush() {
                eprintln!("nianbao: {p}: 无法写入 cannot write: {e}");
                return ExitCode::from(2);
            }
        }
        if let (Some(p), Some(rows)) = (&a.report_path, &self.summary) {
            let units: Vec<(usize, &SummaryRow)> = rows.iter().enumerate().collect();
            let html = nianbao::batchreport::batch_html(
                &units,
                &self.tally,
                &nianbao::Options::default(),
                a.en,
            );
            if let Err(e) = std::fs::write(p, html) {
                eprintln!("nianbao: {p}: 无法写入 cannot write: {e}");
                return ExitCode::from(2);
            }
        }
        if self.unreadable || self.cells_failed {
            ExitCode::from(2)
        } else if self.any_error {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }
}

/// Checks every input of `walk` (numbered in its order) on rayon's pool and hands each outcome to `print` in input
/// order, as soon as it is next; stops when `print` says false.
///
/// Workers take the next input from the walk (numbered in order) and check it; this thread puts
/// the outcomes back in order. A worker never runs more than `window` inputs ahead of the
/// printer, so what waits to be printed is bounded however large the batch.
fn check_in_order(
    walk: impl Iterator<Item = inputs::Input> + Send,
    options: &Options,
    mut print: impl FnMut(Outcome) -> bool,
) {
    let walk = Mutex::new((walk, 0usize));
    let threads = rayon::current_num_threads().max(1);
    let window = threads * 8;
    let printed = Mutex::new(0usize);
    let advanced = Condvar::new();
    let stop = AtomicBool::new(false);
    let (tx, rx) = mpsc::channel::<(usize, Outcome)>();
    rayon::in_place_scope(|s| {
        for _ in 0..threads {
            let tx = tx.clone();
            let (walk, printed, advanced, stop) = (&walk, &printed, &advanced, &stop);
            s.spawn(move |_| loop {
                let (i, input) = {
                    let mut w = walk.lock().unwrap_or_else(|e| e.into_inner());
                    let Some(input) = w.0.next() else { break };
                    w.1 += 1;
                    (w.1 - 1, input)
                };
                {
                    let mut p = printed.lock().unwrap_or_else(|e| e.into_inner());
                    while i >= *p + window && !stop.load(Ordering::SeqCst) {
                        p = advanced.wait(p).unwrap_or_else(|e| e.into_inner());
                    }
                }
                if stop.load(Ordering::SeqCst) {
                    break;
                }
                let o = process(&input, i, options);
                drop(input);
                if tx.send((i, o)).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        let mut pending: BTreeMap<usize, Outcome> = BTreeMap::new();
        let mut want = 0;
        'print: for (i, o) in rx.iter() {
            pending.insert(i, o);
            while let Some(o) = pending.remove(&want) {
                want += 1;
                let ok = print(o);
                *printed.lock().unwrap_or_else(|e| e.into_inner()) = want;
                advanced.notify_all();
                if !ok {
                    // Broken pipe (e.g. `| head`): stop quietly.
                    break 'print;
                }
            }
        }
        stop.store(true, Ordering::SeqCst);
        advanced.notify_all();
    });
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
        p.c(colour, st.mark())
    };
    let rule_title = |name: &str| nianbao::export::rule_title(name, en);
    s.push_str(&format!("  {}\n", if en { "document" } else { "全文" }));
    // What the reader noticed (a text read as one line, restored numbering …).
    for n in &r.input.notes {
        s.push_str(&format!("    ℹ {}\n", if en { &n.en } else { &n.zh }));
    }
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
        let colour = match f.severity {
            Severity::Error => "31",
            Severity::Warning => "33",
            Severity::Info => "36",
        };
        let sev = p.c(colour, f.severity.label(en));
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
