//! Benchmarks: reading and checking the project's filled official form in each input form
//! (bytes → reader → Document → check). Run with `cargo bench -p nianbao --bench readers`.

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

fn read_and_check(name: &str, bytes: &[u8]) -> nianbao::CheckResult {
    nianbao::check_bytes(name, bytes, None, &nianbao::read::encoding_rs_legacy).unwrap()
}

#[divan::bench(args = [
    "report_a.docx",
    "report_a.html",
    "report_a_gbk.html",
    "report_a_tabs_gb18030.txt",
    "report_a.pdf",
])]
fn read_and_check_form(bencher: divan::Bencher, name: &str) {
    let bytes = fixture(name);
    bencher.bench(|| read_and_check(name, divan::black_box(&bytes)));
}

#[divan::bench(args = ["report_a.docx", "report_a.html", "report_a.pdf"])]
fn read_only(bencher: divan::Bencher, name: &str) {
    let bytes = fixture(name);
    bencher.bench(|| {
        nianbao::read::read(
            divan::black_box(&bytes),
            name,
            None,
            &nianbao::read::encoding_rs_legacy,
        )
        .unwrap()
    });
}
