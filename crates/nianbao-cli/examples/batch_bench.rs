//! Scale of `nianbao check` over folders, measured: reports per second and peak memory.
//!
//! Generates text reports (the five seed reports with varied numbers and agency names), office
//! files (copies of the Word and web page fixtures) and old Word files (the .doc and .wps
//! fixtures: .doc files per second) in a temporary folder, runs the release
//! binary over each folder with `--format json > /dev/null`, and prints the rate and the child's
//! peak resident memory (wait4's ru_maxrss). Peak memory must not grow with the batch: it is
//! shown for a small and a ten times larger folder.
//!
//!     cargo build --release -p nianbao-cli --bin nianbao
//!     cargo run -p nianbao-cli --example batch_bench            # 1,000 and 10,000 text, 1,000 office, 1,000 .doc
//!     cargo run -p nianbao-cli --example batch_bench -- --quick # 300 and 3,000 text, 200 office, 200 .doc
//!
//! The binary is `target/release/nianbao` beside this example's target folder, or `$NIANBAO_BIN`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

const CRATE: &str = env!("CARGO_MANIFEST_DIR");

fn binary() -> PathBuf {
    if let Some(p) = std::env::var_os("NIANBAO_BIN") {
        return p.into();
    }
    // target/<profile>/examples/batch_bench → target/release/nianbao
    let exe = std::env::current_exe().expect("current exe");
    let target = exe
        .parent()
        .and_then(Path::parent)
        .and_then(Path::parent)
        .expect("target folder");
    target.join("release").join("nianbao")
}

/// The seed reports, in name order.
fn seeds() -> Vec<String> {
    let dir = Path::new(CRATE).join("../nianbao/tests/data/seeds");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("seeds")
        .map(|e| e.expect("entry").path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("seed"))
        .collect()
}

/// Report `i`: a seed whose small numbers (1–3 digits, not years) are shifted by a few and whose
/// agency gets a number, so no two reports are the same and some identities break.
fn vary(seed: &str, i: usize) -> String {
    let shift = (i % 7) as u64;
    let mut out = String::with_capacity(seed.len() + 16);
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut String, k: &mut usize| {
        if !digits.is_empty() {
            *k += 1;
            match digits.parse::<u64>() {
                Ok(n) if digits.len() <= 3 && k.is_multiple_of(3) => {
                    out.push_str(&(n + shift).to_string())
                }
                _ => out.push_str(digits),
            }
            digits.clear();
        }
    };
    let mut k = i;
    for c in seed.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            flush(&mut digits, &mut out, &mut k);
            out.push(c);
        }
    }
    flush(&mut digits, &mut out, &mut k);
    out.replacen("卫生健康", &format!("第{i}卫生健康"), 1)
}

fn text_folder(root: &Path, n: usize) -> PathBuf {
    let dir = root.join(format!("text-{n}"));
    let seeds = seeds();
    for i in 0..n {
        // 100 files per subfolder, as a national batch sorted by region would be.
        let sub = dir.join(format!("{:04}", i / 100));
        if i.is_multiple_of(100) {
            std::fs::create_dir_all(&sub).expect("mkdir");
        }
        let text = vary(&seeds[i % seeds.len()], i);
        std::fs::write(sub.join(format!("{i:06}.txt")), text).expect("write");
    }
    dir
}

/// `n` copies of the old Word fixtures (.doc made by LibreOffice, the .wps a renamed .doc).
fn doc_folder(root: &Path, n: usize) -> PathBuf {
    let dir = root.join(format!("doc-{n}"));
    std::fs::create_dir_all(&dir).expect("mkdir");
    let fixtures = Path::new(CRATE).join("../nianbao/tests/fixtures");
    let forms: Vec<(&str, Vec<u8>)> = [
        "report_a.doc",
        "report_b.doc",
        "report_a_numbered.doc",
        "report_a.wps",
    ]
    .into_iter()
    .map(|name| {
        (
            name,
            std::fs::read(fixtures.join(name)).expect("doc fixture"),
        )
    })
    .collect();
    for i in 0..n {
        let (name, bytes) = &forms[i % forms.len()];
        std::fs::write(dir.join(format!("{i:05}-{name}")), bytes).expect("write");
    }
    dir
}

fn office_folder(root: &Path, n: usize) -> PathBuf {
    let dir = root.join(format!("office-{n}"));
    std::fs::create_dir_all(&dir).expect("mkdir");
    let fixtures = Path::new(CRATE).join("../nianbao/tests/fixtures");
    let mut forms: Vec<(String, Vec<u8>)> = Vec::new();
    for name in [
        "report_a.docx",
        "report_b.docx",
        "report_a.html",
        "report_b.html",
    ] {
        if let Ok(b) = std::fs::read(fixtures.join(name)) {
            forms.push((name.to_string(), b));
        }
    }
    // PDFs when the fixtures have them.
    if let Ok(list) = std::fs::read_dir(&fixtures) {
        for e in list.flatten() {
            let name = e.file_name().to_string_lossy().to_string();
            if name.ends_with(".pdf") {
                forms.push((name, std::fs::read(e.path()).expect("pdf")));
            }
        }
    }
    for i in 0..n {
        let (name, bytes) = &forms[i % forms.len()];
        std::fs::write(dir.join(format!("{i:05}-{name}")), bytes).expect("write");
    }
    dir
}

struct Run {
    seconds: f64,
    peak_kib: i64,
    status: i32,
}

/// Runs the binary over `dir` with JSON to /dev/null; its wall time and peak resident memory.
// The child is reaped by wait4 (which also gives its rusage), not by Child::wait.
#[allow(clippy::zombie_processes)]
fn run(bin: &Path, dir: &Path) -> Run {
    let start = Instant::now();
    let child = Command::new(bin)
        .args(["check", "--format", "json"])
        .arg(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("run the nianbao binary (cargo build --release -p nianbao-cli --bin nianbao)");
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value, and wait4 writes only into the two locals.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    assert!(pid > 0, "wait4 failed");
    Run {
        seconds: start.elapsed().as_secs_f64(),
        peak_kib: usage.ru_maxrss,
        status: if libc::WIFEXITED(status) {
            libc::WEXITSTATUS(status)
        } else {
            -1
        },
    }
}

fn report(label: &str, n: usize, r: &Run) {
    println!(
        "{label:<22} {n:>6} files  {:>7.2} s  {:>8.0} reports/s  peak {:>6.1} MiB  exit {}",
        r.seconds,
        n as f64 / r.seconds,
        r.peak_kib as f64 / 1024.0,
        r.status
    );
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let (small, large, office) = if quick {
        (300, 3_000, 200)
    } else {
        (1_000, 10_000, 1_000)
    };
    let bin = binary();
    assert!(
        bin.exists(),
        "{} not found: cargo build --release -p nianbao-cli --bin nianbao (or set NIANBAO_BIN)",
        bin.display()
    );
    let root = std::env::temp_dir().join(format!("nianbao-batch-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let t = Instant::now();
    let d_small = text_folder(&root, small);
    let d_large = text_folder(&root, large);
    let d_office = office_folder(&root, office);
    let d_doc = doc_folder(&root, office);
    println!(
        "generated {} text, {office} office and {office} .doc/.wps files in {:.1} s; {} thread(s) available",
        small + large,
        t.elapsed().as_secs_f64(),
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    // A warm-up over the small folder (page cache, binary loaded), not counted.
    let _ = run(&bin, &d_small);
    report("text", small, &run(&bin, &d_small));
    report("text", large, &run(&bin, &d_large));
    report("office (docx, html)", office, &run(&bin, &d_office));
    report("old Word (doc, wps)", office, &run(&bin, &d_doc));
    let _ = std::fs::remove_dir_all(&root);
}
