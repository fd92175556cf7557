//! Benchmarks: the roll-up and the 问题清单 written as Excel workbooks (`nianbao::xlsx`) for
//! 1,000 and 10,000 reports (the five seed reports' rows and findings, repeated under varied file
//! names and agencies). Run with `cargo bench -p nianbao --bench xlsx`; scripts/test.sh prints
//! it in its benchmark part.

use nianbao::export::SummaryRow;
use nianbao::issues::UnitIssues;

fn main() {
    divan::main();
}

const SEEDS: [&str; 5] = [
    include_str!("../tests/data/seeds/000_455c67bc2f70a9f9.txt"),
    include_str!("../tests/data/seeds/001_ff50e99d4c3fccda.txt"),
    include_str!("../tests/data/seeds/002_0664ff578f774794.txt"),
    include_str!("../tests/data/seeds/003_6b7184a4cdcd6840.txt"),
    include_str!("../tests/data/seeds/004_081782578966eb9d.txt"),
];

/// `n` reports' roll-up rows and 问题清单 units.
fn batch(n: usize) -> (Vec<SummaryRow>, Vec<UnitIssues>) {
    let checked: Vec<_> = SEEDS
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let name = format!("seed{i}.txt");
            let doc = nianbao::read::read(text.as_bytes(), &name, None, &|_, _| None)
                .expect("a seed reads");
            let r = nianbao::check_document(&name, &doc);
            (r, doc)
        })
        .collect();
    let mut rows = Vec::with_capacity(n);
    let mut units = Vec::with_capacity(n);
    for k in 0..n {
        let (r, doc) = &checked[k % checked.len()];
        let file = format!("单位{k:05}/{}年度报告.txt", 2020 + k % 4);
        let mut row = SummaryRow::from_result(r, &file);
        row.agency = Some(format!("某市某区第{k}局"));
        rows.push(row);
        let mut u = nianbao::issues::unit(r, &file, doc, false);
        u.agency = Some(format!("某市某区第{k}局"));
        units.push(u);
    }
    (rows, units)
}

#[divan::bench(args = [1_000, 10_000], sample_count = 1, sample_size = 1)]
fn summary_xlsx(bencher: divan::Bencher, n: usize) {
    let (rows, _) = batch(n);
    bencher.bench(|| nianbao::xlsx::summary(&rows, false).expect("written"));
}

#[divan::bench(args = [1_000, 10_000], sample_count = 1, sample_size = 1)]
fn issues_xlsx(bencher: divan::Bencher, n: usize) {
    let (_, units) = batch(n);
    bencher.bench(|| nianbao::xlsx::issues_combined(&units, false).expect("written"));
}
