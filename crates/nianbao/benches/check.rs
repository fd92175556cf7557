//! Benchmarks: checking each seed report as text (`check_seed/<seed>_<size>`, one report per
//! iteration: the time shown is the time per report), a 100× concatenated input, and writing
//! a result as JSON. Run with `cargo bench -p nianbao --bench check`. Budget: a typical report
//! (seed 003, 15 KB) in under 0.3 ms natively.

fn main() {
    divan::main();
}

/// The seed reports of `tests/data/seeds`, named by number and size.
const SEEDS: [(&str, &str); 5] = [
    (
        "000_6kb",
        include_str!("../tests/data/seeds/000_455c67bc2f70a9f9.txt"),
    ),
    (
        "001_8kb",
        include_str!("../tests/data/seeds/001_ff50e99d4c3fccda.txt"),
    ),
    (
        "002_7kb",
        include_str!("../tests/data/seeds/002_0664ff578f774794.txt"),
    ),
    (
        "003_15kb",
        include_str!("../tests/data/seeds/003_6b7184a4cdcd6840.txt"),
    ),
    (
        "004_7kb",
        include_str!("../tests/data/seeds/004_081782578966eb9d.txt"),
    ),
];

const SEED_003: &str = SEEDS[3].1;

/// One seed report checked from its text: the time per report.
#[divan::bench(args = ["000_6kb", "001_8kb", "002_7kb", "003_15kb", "004_7kb"])]
fn check_seed(bencher: divan::Bencher, seed: &str) {
    let text = SEEDS
        .iter()
        .find(|(n, _)| *n == seed)
        .map(|(_, t)| *t)
        .expect("a seed");
    bencher.bench(|| nianbao::check(seed, divan::black_box(text)));
}

/// Seed 003 repeated 100 times as one input (1.5 MB).
#[divan::bench(sample_count = 20)]
fn seed_003_100x(bencher: divan::Bencher) {
    let big = SEED_003.repeat(100);
    bencher.bench(|| nianbao::check("big.txt", divan::black_box(&big)));
}

/// Seed 003's result written as compact JSON.
#[divan::bench]
fn seed_003_to_json(bencher: divan::Bencher) {
    let r = nianbao::check("003.txt", SEED_003);
    bencher.bench(|| nianbao::to_json(divan::black_box(&r), false));
}
