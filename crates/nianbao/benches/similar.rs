//! Benchmark of 雷同 between units (`nianbao::similar`) over a generated batch: 1,000 and 10,000
//! reports of one year (a short run: 1,000 and 3,000), each of its own agency; one report in ten
//! copies most paragraphs (five of six) of one of a few template reports, the rest write their
//! own prose (random sentences over the characters of the project's seed reports). Prints the
//! time to cut the prose (sketches) and to group, reports per second, the groups found and the
//! memory the sketches hold. Not a timed test: it prints, it does not fail on speed.
//!
//!     cargo bench -p nianbao --bench similar            # 1,000 and 10,000
//!     cargo bench -p nianbao --bench similar -- --quick # 1,000 and 3,000

use nianbao::similar::{groups, Entry, Sketch};
use std::time::Instant;

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// The Chinese characters of the seed reports (what the prose is made of).
fn alphabet() -> Vec<char> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/seeds");
    let mut chars: Vec<char> = std::fs::read_dir(dir)
        .unwrap()
        .flat_map(|e| {
            std::fs::read_to_string(e.unwrap().path())
                .unwrap_or_default()
                .chars()
                .collect::<Vec<_>>()
        })
        .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
        .collect();
    chars.sort_unstable();
    chars.dedup();
    chars
}

fn paragraph(rng: &mut Rng, abc: &[char]) -> String {
    let mut p = String::new();
    for _ in 0..4 {
        for _ in 0..(25 + rng.below(15)) {
            p.push(abc[rng.below(abc.len())]);
        }
        p.push('。');
    }
    p
}

fn name(rng: &mut Rng, abc: &[char], i: usize) -> String {
    const BODIES: &[&str] = &[
        "财政局",
        "卫生健康局",
        "教育局",
        "人民政府",
        "自然资源局",
        "民政局",
    ];
    // Place names from the index (unique), a body at random.
    let a = abc[i % abc.len()];
    let b = abc[(i / abc.len()) % abc.len()];
    format!("{a}{b}市{b}{a}区{}", BODIES[rng.below(BODIES.len())])
}

/// `n` reports: (agency, text); every tenth copies a template's paragraphs.
fn batch(n: usize, abc: &[char]) -> Vec<(String, String)> {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let templates: Vec<Vec<String>> = (0..20)
        .map(|_| (0..6).map(|_| paragraph(&mut rng, abc)).collect())
        .collect();
    (0..n)
        .map(|i| {
            let agency = name(&mut rng, abc, i);
            let mut text = format!("{agency}2023年政府信息公开工作年度报告\n一、总体情况\n");
            let copy = (i % 10 == 0).then(|| &templates[rng.below(templates.len())]);
            for k in 0..6 {
                match copy {
                    Some(t) if k < 5 => text.push_str(&t[k]),
                    _ => text.push_str(&paragraph(&mut rng, abc)),
                }
                text.push('\n');
            }
            (agency, text)
        })
        .collect()
}

fn run(n: usize, abc: &[char]) {
    let reports = batch(n, abc);
    let t = Instant::now();
    let sketches: Vec<Sketch> = reports.iter().map(|(_, text)| Sketch::of(text)).collect();
    let cut = t.elapsed().as_secs_f64();
    let entries: Vec<Option<Entry>> = reports
        .iter()
        .zip(&sketches)
        .map(|((agency, _), s)| {
            Some(Entry {
                agency: Some(agency),
                year: Some(2023),
                sketch: s,
            })
        })
        .collect();
    let t = Instant::now();
    let found = groups(&entries, nianbao::similar::DEFAULT_THRESHOLD);
    let grouped = t.elapsed().as_secs_f64();
    let members: usize = found.iter().map(|g| g.members.len()).sum();
    let bytes: usize = sketches.iter().map(Sketch::bytes).sum();
    println!(
        "similar {n:>6} reports: cut {cut:.2} s, grouped {grouped:.2} s, {:.0} reports/s; {} groups, {members} reports in them (expected {} copies); sketches {:.1} MB",
        n as f64 / (cut + grouped),
        found.len(),
        n.div_ceil(10),
        bytes as f64 / 1e6
    );
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let abc = alphabet();
    for n in [1_000, if quick { 3_000 } else { 10_000 }] {
        run(n, &abc);
    }
}
