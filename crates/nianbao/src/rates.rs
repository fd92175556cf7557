//! Derived rates supervisors score (实质公开率, 纠错率 …), computed from the tables, with
//! red/yellow flags at thresholds of [`Options`].

/// The rate type lives with the result it is part of (no import cycle); named here too.
pub use crate::result::RateOut;
use crate::result::{CheckResult, TableOut};
use crate::Options;

/// A term of a sum: sign, table (`r` requests, `a` appeals), row key (a key ending in `.` takes
/// every row under it), column.
type Term = (i8, char, &'static str, &'static str);
const T37: &[Term] = &[(1, 'r', "3.7", "total")];
const T12: &[Term] = &[(1, 'r', "1", "total"), (1, 'r', "2", "total")];

/// key, Chinese name, English name, formula, numerator, denominator, flag kind (0 none, 1 high is
/// bad, 2 low is bad).
type Def = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [Term],
    &'static [Term],
    u8,
);
pub const RATES: [Def; 8] = [
    (
        "substantive_disclosure",
        "实质公开率",
        "Substantive disclosure rate",
        "(3.1+3.2)/3.7",
        &[(1, 'r', "3.1", "total"), (1, 'r', "3.2", "total")],
        T37,
        2,
    ),
    (
        "granted",
        "予以公开率",
        "Granted rate",
        "3.1/3.7",
        &[(1, 'r', "3.1", "total")],
        T37,
        0,
    ),
    (
        "refused",
        "不予公开率",
        "Refused rate",
        "Σ3.3/3.7",
        &[(1, 'r', "3.3.", "total")],
        T37,
        0,
    ),
    (
        "unavailable",
        "无法提供率",
        "Unavailable rate",
        "Σ3.4/3.7",
        &[(1, 'r', "3.4.", "total")],
        T37,
        0,
    ),
    (
        "handled",
        "办结率",
        "Completion rate",
        "3.7/(1+2)",
        T37,
        T12,
        0,
    ),
    (
        "carried_over",
        "结转率",
        "Carry-over rate",
        "4/(1+2)",
        &[(1, 'r', "4", "total")],
        T12,
        0,
    ),
    (
        "review_corrected",
        "行政复议纠错率",
        "Review correction rate",
        "复议纠正/(复议总计−尚未审结)",
        &[(1, 'a', "appeals", "review.corrected")],
        &[
            (1, 'a', "appeals", "review.total"),
            (-1, 'a', "appeals", "review.pending"),
        ],
        1,
    ),
    (
        "suit_corrected",
        "行政诉讼纠错率",
        "Litigation correction rate",
        "诉讼纠正/(诉讼总计−尚未审结)",
        &[
            (1, 'a', "appeals", "suit_direct.corrected"),
            (1, 'a', "appeals", "suit_after_review.corrected"),
        ],
        &[
            (1, 'a', "appeals", "suit_direct.total"),
            (1, 'a', "appeals", "suit_after_review.total"),
            (-1, 'a', "appeals", "suit_direct.pending"),
            (-1, 'a', "appeals", "suit_after_review.pending"),
        ],
        1,
    ),
];

/// The sum of `terms`, and whether any of its cells was inferred rather than read.
fn sum(req: &TableOut, app: &TableOut, terms: &[Term]) -> Option<(i64, bool)> {
    let mut s = 0;
    let mut inferred = false;
    for &(sign, t, key, col) in terms {
        let t = if t == 'r' { req } else { app };
        let rows = t
            .rows
            .iter()
            .filter(|r| r.found && (r.key == key || key.ends_with('.') && r.key.starts_with(key)));
        let mut any = false;
        for r in rows {
            let c = r.cell(col)?;
            s += sign as i64 * c.int()?;
            inferred |= !crate::rules::provenance::is_read(r, c);
            any = true;
        }
        if !any {
            return None;
        }
    }
    Some((s, inferred))
}

fn round(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

/// The rates of a report's tables.
pub fn rates(req: &TableOut, app: &TableOut, o: &Options) -> Vec<RateOut> {
    RATES
        .iter()
        .map(|&(key, name_zh, name_en, formula, num, den, kind)| {
            let (n, d) = (sum(req, app, num), sum(req, app, den));
            let inferred = n.is_some_and(|x| x.1) || d.is_some_and(|x| x.1);
            let (n, d) = (n.map(|x| x.0), d.map(|x| x.0));
            let value = n
                .zip(d)
                .filter(|(_, d)| *d > 0)
                .map(|(n, d)| round(n as f64 / d as f64));
            let flag = match (value, kind) {
                // A red or yellow line is a judgement: never on an inferred number.
                _ if inferred || d.unwrap_or(0) < o.min_denominator => None,
                (Some(v), 1) if v > o.correction_red => Some("red"),
                (Some(v), 1) if v > o.correction_yellow => Some("yellow"),
                (Some(v), 2) if v < o.disclosure_red => Some("red"),
                (Some(v), 2) if v < o.disclosure_yellow => Some("yellow"),
                _ => None,
            };
            RateOut {
                key,
                name_zh,
                name_en,
                formula,
                numerator: n,
                denominator: d,
                value,
                flag,
                inferred,
                previous: None,
                change: None,
                previous_unread: false,
            }
        })
        .collect()
}

/// A rate's red and yellow lines under `o` and whether a value below them is bad (else a
/// value above them): the thresholds [`rates`] flags by; None for a rate without lines.
pub fn lines(key: &str, o: &Options) -> Option<(f64, f64, bool)> {
    match RATES.iter().find(|d| d.0 == key)?.6 {
        1 => Some((o.correction_red, o.correction_yellow, false)),
        2 => Some((o.disclosure_red, o.disclosure_yellow, true)),
        _ => None,
    }
}

/// Adds last year's values and the change to this year's rates.
pub fn compare(rates: &mut [RateOut], prev: &CheckResult) {
    for (r, p) in rates.iter_mut().zip(&prev.rates) {
        r.previous = p.value;
        r.change = r.value.zip(p.value).map(|(a, b)| round(a - b));
        r.previous_unread = p.numerator.is_none() || p.denominator.is_none();
    }
}
