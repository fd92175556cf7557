//! Times the phases of a check (a developer's tool: `cargo run --release --example dbg FILE`).
use nianbao::normalize::Text;
use std::time::Instant;

fn main() {
    let p = std::env::args().nth(1).expect("FILE");
    let t = std::fs::read_to_string(p).expect("readable file");
    let n: usize = std::env::var("N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let only = std::env::var("PHASE").ok();
    let time = |name: &str, f: &dyn Fn()| {
        if only.as_deref().is_some_and(|o| o != name) {
            return;
        }
        let s = Instant::now();
        for _ in 0..n {
            f();
        }
        println!(
            "{name:>10}: {:>8.1} µs",
            s.elapsed().as_secs_f64() * 1e6 / n as f64
        );
    };
    let text = Text::new(&t);
    let st = nianbao::sections::find(&text);
    let f = nianbao::spec::Format::F2019;
    time("text", &|| drop(Text::new(&t)));
    time("sections", &|| drop(nianbao::sections::find(&text)));
    time("format", &|| {
        let _ = nianbao::detect_format(&text);
    });
    time("active", &|| {
        drop(nianbao::tables::read_active(st.body(&text, 2), f))
    });
    time("requests", &|| {
        drop(nianbao::tables::read_requests(st.body(&text, 3), f))
    });
    time("appeals", &|| {
        drop(nianbao::tables::read_appeals(st.body(&text, 4)))
    });
    time("check", &|| drop(nianbao::check("x", &t)));
}
