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
    "report_a.doc",
    "report_a.html",
    "report_a_gbk.html",
    "report_a_tabs_gb18030.txt",
    "report_a.pdf",
])]
fn read_and_check_form(bencher: divan::Bencher, name: &str) {
    let bytes = fixture(name);
    bencher.bench(|| read_and_check(name, divan::black_box(&bytes)));
}

#[divan::bench(args = ["report_a.docx", "report_a.doc", "report_a.html", "report_a.pdf"])]
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

/// Drawing a square grid of about N cells into text (`Builder::table`), no reader, no check.
#[divan::bench(args = [10_000, 100_000, 200_000])]
fn draw_grid(bencher: divan::Bencher, n: usize) {
    use nianbao::document::{Builder, CellIn, Form};
    let side = (n as f64).sqrt().ceil() as usize;
    let cells: Vec<CellIn> = (0..side)
        .flat_map(|r| {
            (0..side).map(move |c| CellIn {
                row: r,
                col: c,
                rowspan: 1,
                colspan: 1,
                text: ((r * 7 + c) % 1000).to_string(),
            })
        })
        .collect();
    bencher.with_inputs(|| cells.clone()).bench_values(|cells| {
        let mut b = Builder::new(Form::Html, "utf-8");
        b.table(cells, "表格 1");
        b.finish()
    });
}
