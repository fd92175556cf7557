//! Comparing with last year's report: `carryover-mismatch`, `in-force-mismatch`,
//! `text-repeated`. Runs only when a previous report is given.

use super::provenance::is_read;
use super::Ctx;
use crate::normalize::Text;
use crate::prose::is_prose;
use crate::result::{CheckResult, Comparison, PartShare, PreviousOut, Severity, Span, Status};
use crate::spec::{Format, REQUEST_COLS};

pub fn check(ctx: &mut Ctx) {
    let Some((prev, prev_text)) = ctx.previous else {
        return;
    };
    carryover(ctx, prev);
    in_force(ctx, prev);
    repeated(ctx, prev, prev_text);
}

fn carryover(ctx: &mut Ctx, prev: &CheckResult) {
    const R: &str = "carryover-mismatch";
    let (y, py) = (ctx.structure.meta.year, prev.meta.year);
    if y.zip(py).is_none_or(|(a, b)| a - b != 1) {
        let (zh, en) = match y.zip(py) {
            Some((a, b)) => (
                format!("本报告为{a}年度，上年报告为{b}年度，不是相邻年度，未核对结转"),
                format!("This report is for {a}, the previous one for {b}: not consecutive years"),
            ),
            None => (
                "两份报告的年度未能确定，未核对结转".to_string(),
                "The reports' years are unknown".to_string(),
            ),
        };
        if y.is_some() && py.is_some() {
            let mut f = ctx.finding(R, Some(3), zh.clone(), en.clone());
            f.severity = Severity::Warning;
            ctx.push(f);
        }
        return ctx.check(Some(3), R, Status::Skip, zh, en);
    }
    let before = ctx.findings.len();
    let (this, last) = (ctx.requests.out.row("2"), prev.tables.requests.row("4"));
    let mut checked = 0;
    for (col, label) in REQUEST_COLS {
        let a = this.filter(|r| r.found).and_then(|r| r.cell(col));
        let b = last.filter(|r| r.found).and_then(|r| r.cell(col));
        let (Some(a), Some(b)) = (a, b) else { continue };
        let (Some(va), Some(vb)) = (a.int(), b.int()) else {
            continue;
        };
        checked += 1;
        if va == vb {
            continue;
        }
        let bl = b.line.map(|l| format!("第{l}行")).unwrap_or_default();
        let mut f = ctx.finding(
            R,
            Some(3),
            format!(
                "{label}列：本年第二项“上年结转”为{va}件（第{}行），上年报告第四项“结转下年度继续办理”为{vb}件（{bl}）",
                a.line.unwrap_or(0)
            ),
            format!("{col}: row 2 (carried over) is {va}, last year's row 4 (carried forward) is {vb}"),
        );
        f.line = a.line;
        f.column = a.column;
        f.table = Some("requests");
        f.cells = vec![format!("2/{col}")];
        f.expected = Some(vb as f64);
        f.actual = Some(va as f64);
        // Last year's cell is not this result's: `settle` cannot see it, so it is judged here.
        if last.is_some_and(|r| !is_read(r, b)) {
            unsure_previous(
                &mut f,
                &format!("4/{col}"),
                &format!("上年报告第四项·{label}"),
            );
        }
        ctx.push(f);
    }
    if checked == 0 {
        return ctx.check(
            Some(3),
            R,
            Status::Skip,
            "两份报告的结转数不是数字，无法核对",
            "No whole numbers to compare",
        );
    }
    ctx.check_from(
        Some(3),
        R,
        before,
        (
            &format!("{checked}列上年结转与上年报告一致"),
            &format!("{checked} column(s) agree with last year's report"),
        ),
    );
}

fn in_force(ctx: &mut Ctx, prev: &CheckResult) {
    const R: &str = "in-force-mismatch";
    if ctx.format != Format::F2021 || prev.format.detected != Some(Format::F2021) {
        return;
    }
    let before = ctx.findings.len();
    let mut checked = 0;
    for (key, name) in [
        ("regulations", "规章"),
        ("normative_documents", "行政规范性文件"),
    ] {
        let get = |t: &crate::result::TableOut, col| {
            let row = t.row(key).filter(|r| r.found)?;
            let c = row.cell(col)?;
            Some((c.int()?, c.line, c.column, is_read(row, c)))
        };
        let (Some(p), Some(i), Some(r), Some(n)) = (
            get(&prev.tables.active, "in_force"),
            get(&ctx.active.out, "issued"),
            get(&ctx.active.out, "repealed"),
            get(&ctx.active.out, "in_force"),
        ) else {
            continue;
        };
        checked += 1;
        let want = p.0 + i.0 - r.0;
        if n.0 == want {
            continue;
        }
        let mut f = ctx.finding(
            R,
            Some(2),
            format!("{name}现行有效件数为{}，上年现行有效{}加本年制发{}减本年废止{}为{want}；清理废止以往年度文件等可以解释差异，请核实", n.0, p.0, i.0, r.0),
            format!("{key}: in force {}, but last year's {} + issued {} − repealed {} = {want}; repeals of older documents can explain a difference", n.0, p.0, i.0, r.0),
        );
        (f.line, f.column) = (n.1, n.2);
        f.table = Some("active");
        f.cells = vec![
            format!("{key}/in_force"),
            format!("{key}/issued"),
            format!("{key}/repealed"),
        ];
        f.expected = Some(want as f64);
        f.actual = Some(n.0 as f64);
        if !p.3 {
            unsure_previous(
                &mut f,
                &format!("{key}/in_force"),
                &format!("上年报告{name}·现行有效件数"),
            );
        }
        ctx.push(f);
    }
    if checked > 0 {
        ctx.check_from(
            Some(2),
            R,
            before,
            (
                "现行有效件数与上年衔接",
                "In-force counts follow on from last year",
            ),
        );
    }
}

/// The prose as a sequence of characters with their (line index, column): whitespace dropped,
/// runs of digits or Chinese numerals folded to one `#`. Short lines (headings) and table rows
/// are left out.
pub fn prose_seq(text: &Text) -> Vec<(char, usize, usize)> {
    let mut out = Vec::new();
    for (i, l) in text.lines.iter().enumerate() {
        if !is_prose(l) || l.text.chars().filter(|c| !c.is_whitespace()).count() < 20 {
            continue;
        }
        for (col, c) in l.text.chars().enumerate() {
            let num = c.is_ascii_digit() || "零〇一二两三四五六七八九十百千万亿".contains(c);
            if c.is_whitespace()
                || num
                    && out
                        .last()
                        .is_some_and(|x: &(char, usize, usize)| x.0 == '#')
            {
                continue;
            }
            out.push((if num { '#' } else { c }, i, l.column(col)));
        }
    }
    out
}

const N: usize = 8;

fn shingles(s: &[(char, usize, usize)]) -> Vec<u64> {
    s.windows(N)
        .map(|w| {
            w.iter().fold(0xcbf29ce484222325u64, |h, x| {
                (h ^ x.0 as u64).wrapping_mul(0x100000001b3)
            })
        })
        .collect()
}

fn repeated(ctx: &mut Ctx, prev: &CheckResult, prev_text: &Text) {
    const R: &str = "text-repeated";
    let this = prose_seq(ctx.text);
    let mut known = shingles(&prose_seq(prev_text));
    known.sort_unstable();
    let mut covered = vec![false; this.len()];
    for (i, h) in shingles(&this).iter().enumerate() {
        if known.binary_search(h).is_ok() {
            covered[i..i + N].iter_mut().for_each(|c| *c = true);
        }
    }
    let share = |f: &dyn Fn(usize) -> bool| {
        let (mut n, mut c) = (0, 0);
        for (k, x) in this.iter().enumerate().filter(|(_, x)| f(x.1)) {
            let _ = x;
            n += 1;
            c += covered[k] as usize;
        }
        (
            n,
            if n == 0 {
                0.0
            } else {
                (c as f64 / n as f64 * 1e4).round() / 1e4
            },
        )
    };
    let (_, all) = share(&|_| true);
    let part = |i: usize| ctx.structure.section_at(i).unwrap_or(0);
    let by_part: Vec<PartShare> = (0..=6)
        .filter_map(|p| {
            let (chars, share) = share(&|i| part(i) == p);
            (chars > 0).then_some(PartShare {
                number: p,
                chars,
                share,
            })
        })
        .collect();
    let mut spans: Vec<Span> = Vec::new();
    for (k, &(_, i, col)) in this.iter().enumerate().filter(|(k, _)| covered[*k]) {
        let line = ctx.text.lines[i].no;
        match spans.last_mut() {
            Some(s) if s.line == line && k > 0 && covered[k - 1] => s.end = col,
            _ => spans.push(Span {
                line,
                start: col,
                end: col,
            }),
        }
    }
    let pct = |v: f64| format!("{}%", (v * 1000.0).round() / 10.0);
    if all >= ctx.options.repeated_threshold && !this.is_empty() {
        // Line ranges of the repeated passages: 5–12, 20.
        let mut ranges: Vec<(usize, usize)> = Vec::new();
        for s in &spans {
            match ranges.last_mut() {
                Some(r) if s.line <= r.1 + 2 => r.1 = s.line,
                _ => ranges.push((s.line, s.line)),
            }
        }
        let list: Vec<String> = ranges
            .iter()
            .take(8)
            .map(|(a, b)| {
                if a == b {
                    a.to_string()
                } else {
                    format!("{a}–{b}")
                }
            })
            .collect();
        let parts: Vec<String> = by_part
            .iter()
            .filter(|p| p.number > 0)
            .map(|p| format!("第{}部分{}", p.number, pct(p.share)))
            .collect();
        let mut f = ctx.finding(
            R,
            None,
            format!(
                "正文有{}与上年度报告“{}”相同（{}），重复段落在第{}行",
                pct(all),
                prev.input.name,
                parts.join("、"),
                list.join("、")
            ),
            format!(
                "{} of the prose repeats last year's report; repeated passages on lines {}",
                pct(all),
                list.join(", ")
            ),
        );
        f.line = spans.first().map(|s| s.line);
        f.column = spans.first().map(|s| s.start);
        f.expected = Some(ctx.options.repeated_threshold);
        f.actual = Some(all);
        ctx.push(f);
        ctx.check(
            None,
            R,
            Status::Warn,
            format!("正文{}与上年相同", pct(all)),
            format!("{} repeated", pct(all)),
        );
    } else {
        ctx.check(
            None,
            R,
            Status::Pass,
            format!("正文{}与上年相同", pct(all)),
            format!("{} repeated", pct(all)),
        );
    }
    ctx.comparison = Some(Comparison {
        previous: PreviousOut {
            name: prev.input.name.clone(),
            year: prev.meta.year,
            sha256: prev.input.sha256.clone(),
        },
        repeated_share: all,
        by_part,
        repeated: spans,
    });
}

/// A finding resting on a cell of last year's report that was inferred, not read: a warning that
/// says so, with the cell listed in `inferred` as `previous:row/column`.
fn unsure_previous(f: &mut crate::result::Finding, id: &str, name: &str) {
    f.severity = Severity::Warning;
    f.message = format!(
        "（读数不确定：{name}是推断的，不是从原文读出的，请核对原文）{}",
        f.message
    );
    f.message_en = format!(
        "(uncertain reading: a cell of last year's report was inferred, not read; check the original) {}",
        f.message_en
    );
    f.inferred.push(format!("previous:{id}"));
}
