//! Reading the PDF fixtures: `cargo bench -p nianbao --bench pdf`.

fn main() {
    divan::main();
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[divan::bench(args = ["report_a.pdf", "report_a_split.pdf", "report_a_rotated.pdf"])]
fn read(b: divan::Bencher, name: &str) {
    let bytes = fixture(name);
    b.bench(|| nianbao::read::read(&bytes, name, None, &nianbao::read::no_legacy).unwrap());
}

/// lopdf's share: loading the objects alone.
#[divan::bench]
fn lopdf_load_report_a(b: divan::Bencher) {
    let bytes = fixture("report_a.pdf");
    b.bench(|| lopdf::Document::load_mem(&bytes).unwrap());
}
