//! `text-rate-mismatch`: a rate the prose states ("实质公开率为85%") recomputed from the tables.

use super::Ctx;
use crate::prose::numbers;
use crate::result::Status;

/// Words of the prose and the rates they may mean (公开率 is read as either kind).
const NAMES: [(&str, &[&str]); 9] = [
    ("实质公开率", &["substantive_disclosure"]),
    ("予以公开率", &["granted"]),
    ("不予公开率", &["refused"]),
    ("无法提供率", &["unavailable"]),
    ("公开率", &["substantive_disclosure", "granted"]),
    ("办结率", &["handled"]),
    ("结转率", &["carried_over"]),
    ("复议纠错率", &["review_corrected"]),
    ("诉讼纠错率", &["suit_corrected"]),
];

pub fn check(ctx: &mut Ctx) {
    let before = ctx.findings.len();
    let mut checked = 0;
    for p in ctx.prose {
        let line = p.line;
        // Every name ends in 率: most lines have none and their clauses need no search.
        if !line.text.contains('率') {
            continue;
        }
        for (at, r) in &p.clauses {
            let (at, clause) = (*at, &line.text[r.clone()]);
            let Some((name, keys)) = NAMES.iter().find(|(n, _)| clause.contains(n)) else {
                continue;
            };
            let cc: Vec<char> = clause.chars().collect();
            let Some(n) = numbers(&cc).into_iter().find(|n| n.unit == '%') else {
                continue;
            };
            // The rates the name may mean that the tables give, each with its own numbers:
            // 公开率 is compared with 予以公开率 when 实质公开率 cannot be computed.
            let known: Vec<(&crate::rates::RateOut, f64)> = keys
                .iter()
                .filter_map(|k| {
                    let r = ctx.rates.iter().find(|r| r.key == *k)?;
                    Some((r, r.value?))
                })
                .collect();
            let Some(&(r, value)) = known.first() else {
                continue;
            };
            checked += 1;
            if known
                .iter()
                .any(|(_, v)| (v * 100.0 - n.value).abs() <= 0.5)
            {
                continue;
            }
            let want = (value * 1000.0).round() / 10.0;
            let (num, den) = (r.numerator.unwrap_or(0), r.denominator.unwrap_or(0));
            // A rate over inferred cells is no evidence against the prose.
            let (unsure, unsure_en) = if r.inferred {
                (
                    "（读数不确定：计算所用的表格数字有推断的，请核对原文）",
                    "(uncertain reading: some table numbers used were inferred; check the original) ",
                )
            } else {
                ("", "")
            };
            let mut f = ctx.finding(
                "text-rate-mismatch",
                ctx.structure.section_at(p.index),
                format!(
                    "{unsure}正文第{}行称{name}为{}%，按表格计算为{}/{}={want}%（{}）",
                    line.no, n.value, num, den, r.formula
                ),
                format!(
                    "{unsure_en}Line {} states {} as {}%; the tables give {}/{}={want}% ({})",
                    line.no, r.name_en, n.value, num, den, r.formula
                ),
            );
            f.line = Some(line.no);
            f.column = Some(line.column(at + n.start));
            f.expected = Some(want);
            f.actual = Some(n.value);
            ctx.push(f);
        }
    }
    if checked > 0 {
        let (st, zh, en) = match ctx.findings[before..].first() {
            Some(f) => (Status::Warn, f.message.clone(), f.message_en.clone()),
            None => (
                Status::Pass,
                format!("{checked}处比率与表格一致"),
                format!("{checked} stated rate(s) agree"),
            ),
        };
        ctx.check(None, "text-rate-mismatch", st, zh, en);
    }
}
