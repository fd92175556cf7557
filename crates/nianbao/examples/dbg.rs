//! Times the phases of a check (a developer's tool: `cargo run --release --example dbg FILE`).
//! `N` sets the repetitions (default 200), `PHASE` runs one phase only.
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
        // The fastest of five rounds: the machine may be busy with other work.
        let mut best = f64::MAX;
        for _ in 0..5 {
            let s = Instant::now();
            for _ in 0..n {
                f();
            }
            best = best.min(s.elapsed().as_secs_f64() * 1e6 / n as f64);
        }
        println!("{name:>10}: {best:>8.1} µs");
    };
    let text = Text::new(&t);
    let st = nianbao::sections::find(&text);
    let f = nianbao::detect_format(&text)
        .or(st.meta.year.map(nianbao::spec::Format::for_year))
        .unwrap_or(nianbao::spec::Format::F2021);
    let active = nianbao::tables::read_active(st.body(&text, 2), f);
    let requests = nianbao::tables::read_requests(st.body(&text, 3), f);
    let appeals = nianbao::tables::read_appeals(st.body(&text, 4));
    let options = nianbao::Options::default();
    let rates = nianbao::rates::rates(&requests.out, &appeals.out, &options);
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
    time("rates", &|| {
        drop(nianbao::rates::rates(&requests.out, &appeals.out, &options))
    });
    time("rules", &|| {
        let prose = nianbao::prose::read(&text);
        let mut ctx = nianbao::rules::Ctx {
            prose: &prose,
            previous: None,
            options: &options,
            rates: &rates,
            comparison: None,
            text: &text,
            structure: &st,
            format: f,
            detected: Some(f),
            expected: Some(f),
            active: &active,
            requests: &requests,
            appeals: &appeals,
            findings: Vec::new(),
            checks: Vec::new(),
            tally: Vec::new(),
        };
        nianbao::rules::run(&mut ctx);
    });
    time("check", &|| drop(nianbao::check("x", &t)));
}
