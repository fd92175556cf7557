//! Benchmarks: checking one seed report, and a 100× concatenated input.
//! Run with `cargo bench -p nianbao`. Budget: a typical report (15 KB) in under 1 ms.

fn main() {
    divan::main();
}

const SEED_003: &str = include_str!("../tests/data/seeds/003_6b7184a4cdcd6840.txt");
const SEED_004: &str = include_str!("../tests/data/seeds/004_081782578966eb9d.txt");

#[divan::bench]
fn seed_003_15kb() -> nianbao::CheckResult {
    nianbao::check("003.txt", divan::black_box(SEED_003))
}

#[divan::bench]
fn seed_004_7kb() -> nianbao::CheckResult {
    nianbao::check("004.txt", divan::black_box(SEED_004))
}

#[divan::bench(sample_count = 20)]
fn seed_003_100x(bencher: divan::Bencher) {
    let big = SEED_003.repeat(100);
    bencher.bench(|| nianbao::check("big.txt", divan::black_box(&big)));
}

#[divan::bench]
fn seed_003_to_json(bencher: divan::Bencher) {
    let r = nianbao::check("003.txt", SEED_003);
    bencher.bench(|| nianbao::to_json(divan::black_box(&r), false));
}
