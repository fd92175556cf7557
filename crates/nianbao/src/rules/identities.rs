//! `requests-balance`, `requests-row-total`, `requests-results-total`, `appeals-total`.
//!
//! An identity is decided only from cells that hold whole numbers. When an operand is blank,
//! marked, invalid, ambiguous or its row is missing, the identity is not decided and the check
//! says which operands were missing.

use super::Ctx;
use crate::layout::fmt_num;
use crate::result::{CellOut, Read, Severity, Status, TableOut};
use crate::spec::{
    appeal_identities, request_identities, request_rows, Identity, APPEAL_COLS, REQUEST_COLS,
};

pub fn check(ctx: &mut Ctx) {
    let (requests, appeals) = (&ctx.requests.out, &ctx.appeals.out);
    let ids = request_identities(ctx.format);
    let shorts: Vec<&str> = request_rows(ctx.format).iter().map(|r| r.short).collect();
    for rule in [
        "requests-balance",
        "requests-row-total",
        "requests-results-total",
    ] {
        let these: Vec<&Identity> = ids.iter().filter(|i| i.rule == rule).collect();
        // Name an operand by what the scope does not already say.
        let by_row = rule == "requests-row-total";
        let used = Used(ids, &ctx.requests.used);
        run(ctx, 3, "requests", requests, &these, used, rule, &|r, c| {
            if by_row {
                REQUEST_COLS[c].1.to_string()
            } else {
                shorts[r].to_string()
            }
        });
    }
    run(
        ctx,
        4,
        "appeals",
        appeals,
        &appeal_identities().iter().collect::<Vec<_>>(),
        Used(appeal_identities(), &ctx.appeals.used),
        "appeals-total",
        &|_, c| APPEAL_COLS[c].1.to_string(),
    );
}

fn cell(t: &TableOut, r: usize, c: usize) -> Option<&CellOut> {
    let row = t.rows.get(r)?;
    if !row.found {
        return None;
    }
    row.cells.get(c).map(|(_, cell)| cell)
}

/// The identities a table's reader used to place or split its cells (indices into the table's
/// list): they read the table, so they are not checks that it is right.
#[derive(Clone, Copy)]
struct Used<'a>(&'a [Identity], &'a [usize]);

impl Used<'_> {
    fn contains(&self, id: &Identity) -> bool {
        self.1
            .iter()
            .any(|&u| self.0.get(u).is_some_and(|x| std::ptr::eq(x, id)))
    }
}

#[allow(clippy::too_many_arguments)]
fn run(
    ctx: &mut Ctx,
    section: u8,
    table: &'static str,
    t: &TableOut,
    ids: &[&Identity],
    used: Used,
    rule: &'static str,
    name: &dyn Fn(usize, usize) -> String,
) {
    if !t.found {
        ctx.check(
            Some(section),
            rule,
            Status::Skip,
            "没有表格，无法核对",
            "No table",
        );
        return;
    }
    let before = ctx.findings.len();
    let mut passed = 0;
    // Undecided identities: how many, and the first one's message (the only one shown).
    let mut skipped = 0;
    let mut first_skipped: Option<(String, String)> = None;
    // Failing identities read as such: (identity, lhs − rhs, finding).
    let mut fails: Vec<(usize, i64, usize)> = Vec::new();
    // Identities that hold, and how many fail (read as such or over guessed positions).
    let mut held: Vec<usize> = Vec::new();
    let mut failing = 0;
    // Identities that hold because the reader used them to read the table.
    let mut reading = 0;
    for (n, id) in ids.iter().enumerate() {
        // Operands that are not whole numbers, by (row, column): named only when shown.
        let mut missing: Vec<(usize, usize)> = Vec::new();
        let mut vals = |cells: &[(usize, usize)]| -> Vec<i64> {
            cells
                .iter()
                .filter_map(|&(r, c)| match cell(t, r, c).and_then(CellOut::int) {
                    Some(v) => Some(v),
                    None => {
                        missing.push((r, c));
                        None
                    }
                })
                .collect()
        };
        let lhs = vals(&id.lhs);
        let rhs = vals(&id.rhs);
        if !missing.is_empty() {
            skipped += 1;
            if first_skipped.is_none() {
                let shown: Vec<String> = missing.iter().take(3).map(|&(r, c)| name(r, c)).collect();
                let more = if missing.len() > 3 {
                    format!("等{}项", missing.len())
                } else {
                    String::new()
                };
                first_skipped = Some((
                    format!(
                        "{}：{}{}不是数字，无法判定",
                        id.scope,
                        shown.join("、"),
                        more
                    ),
                    format!("{}: {} operand(s) not numbers", id.scope, missing.len()),
                ));
            }
            continue;
        }
        // Wide sums: no cell list can overflow them (cells are at most 10^12 anyway).
        let (l, r) = (wide_sum(&lhs), wide_sum(&rhs));
        if l == r {
            if used.contains(id) {
                reading += 1;
            } else {
                passed += 1;
            }
            held.push(n);
            continue;
        }
        failing += 1;
        let (mut zh, mut en) = message(rule, id, &lhs, &rhs, t, table);
        // An identity that fails over cells the reader placed by guessing says that the reading
        // is uncertain; it does not accuse the report.
        let guessed = id
            .lhs
            .iter()
            .chain(&id.rhs)
            .any(|&(r, c)| cell(t, r, c).is_some_and(|x| x.read == Read::Guessed));
        if guessed {
            zh = format!("（读取不确定，部分数字的位置是推测的）{zh}");
            en = format!("(uncertain reading: some numbers' positions were guessed) {en}");
        }
        let mut f = ctx.finding(rule, Some(section), zh, en);
        if guessed {
            f.severity = Severity::Warning;
        }
        // Point at the total's cell.
        let (tr, tc) = id.lhs[0];
        let at = match rule {
            "requests-balance" => id.rhs[0],
            _ => (tr, tc),
        };
        if let Some(c) = cell(t, at.0, at.1) {
            f.line = c.line;
            f.column = c.column;
        }
        f.table = Some(table);
        f.cells = id
            .lhs
            .iter()
            .chain(&id.rhs)
            .map(|&(r, c)| {
                format!(
                    "{}/{}",
                    t.rows[r].key,
                    t.rows[r].cells.get(c).map(|x| x.0).unwrap_or("")
                )
            })
            .collect();
        f.expected = Some(l as f64);
        f.actual = Some(r as f64);
        // Cells are capped at 10^12, so a difference of sums fits an i64.
        if let (false, Ok(d)) = (guessed, i64::try_from(l - r)) {
            fails.push((n, d, ctx.findings.len()));
        }
        ctx.push(f);
    }
    // Only when exactly two fail and the total column's identity was read and holds: an
    // undecided total column proves nothing.
    if (rule == "requests-balance" || rule == "requests-results-total")
        && failing == 2
        && held.iter().any(|&i| ids[i].lhs[0].1 == 6)
    {
        misfiled(ctx, t, ids, &fails);
    }
    let ours = |f: &&crate::result::Finding| f.rule == rule || f.rule == "misfiled-columns";
    let failed = ctx.findings[before..].iter().filter(ours).count();
    let all_guessed = ctx.findings[before..]
        .iter()
        .filter(ours)
        .all(|f| f.severity != Severity::Error);
    let (status, zh, en) = if failed > 0 {
        let first = ctx.findings[before..]
            .iter()
            .find(ours)
            .map(|f| (f.message.clone(), f.message_en.clone()))
            .unwrap_or_default();
        let extra = if failed > 1 {
            format!("（共{failed}处不成立）")
        } else {
            String::new()
        };
        (
            if all_guessed {
                Status::Warn
            } else {
                Status::Fail
            },
            format!("{}{extra}", first.0),
            format!("{} ({failed} failing)", first.1),
        )
    } else if let Some((zh, en)) = first_skipped {
        let extra = if skipped > 1 {
            format!("（共{skipped}处无法判定）")
        } else {
            String::new()
        };
        (
            Status::Skip,
            format!("{zh}{extra}"),
            format!("{en} ({skipped} undecided)"),
        )
    } else if reading > 0 && passed == 0 {
        (
            Status::Skip,
            format!("{reading}处均用于读取表格（拆分或定位数字），不能再作为核对结果"),
            format!("All {reading} were used to read the table (to split or place numbers); they cannot also check it"),
        )
    } else if reading > 0 {
        (
            Status::Pass,
            format!("{passed}处成立（另有{reading}处用于读取表格，不作为核对结果）"),
            format!("{passed} hold ({reading} more were used to read the table and are not counted as checks)"),
        )
    } else {
        (
            Status::Pass,
            format!("{passed}处全部成立"),
            format!("All {passed} hold"),
        )
    };
    ctx.check(Some(section), rule, status, zh, en);
}

/// `misfiled-columns`: two per-column identities off by +k and −k while the total column's
/// holds (the caller makes sure it was read and holds, and that no other identity fails): k requests of one row were probably entered in the wrong column. One finding names
/// the cells that could hold the misfiled k, in place of the two identity findings.
fn misfiled(ctx: &mut Ctx, t: &TableOut, ids: &[&Identity], fails: &[(usize, i64, usize)]) {
    let [x, y] = fails else { return };
    let col = |i: usize| ids[i].lhs[0].1;
    if x.1 != -y.1 || col(x.0) == 6 || col(y.0) == 6 {
        return;
    }
    // `a` has k too many on the left (or too few on the right), `b` the opposite.
    let (a, b, k) = if x.1 > 0 {
        (x.0, y.0, x.1)
    } else {
        (y.0, x.0, y.1)
    };
    let (ca, cb) = (col(a), col(b));
    let id = &ids[a];
    let fits = |r: usize, c: usize| cell(t, r, c).and_then(CellOut::int).is_some_and(|v| v >= k);
    let cand: Vec<(usize, usize)> = (id
        .lhs
        .iter()
        .map(|&(r, _)| (r, ca))
        .filter(|&(r, c)| fits(r, c)))
    .chain(
        id.rhs
            .iter()
            .map(|&(r, _)| (r, cb))
            .filter(|&(r, c)| fits(r, c)),
    )
    .collect();
    let (la, lb) = (REQUEST_COLS[ca].1, REQUEST_COLS[cb].1);
    let shorts = request_rows(ctx.format);
    let names: Vec<String> = cand
        .iter()
        .map(|&(r, c)| format!("{}·{}", shorts[r].short, REQUEST_COLS[c].1))
        .collect();
    let mut f = ctx.finding(
        "misfiled-columns",
        Some(3),
        format!(
            "{la}列与{lb}列的勾稽关系分别相差{k}和−{k}，而总计列成立：很可能有{k}件填错了列（可能在{}）",
            names.join("、")
        ),
        format!("Columns {ca} and {cb} are off by +{k} and −{k} while the total column holds: {k} request(s) were probably entered in the wrong column ({} candidate cells)", cand.len()),
    );
    let first = &ctx.findings[x.2.min(y.2)];
    (f.line, f.column, f.table) = (first.line, first.column, Some("requests"));
    f.cells = cand
        .iter()
        .map(|&(r, c)| format!("{}/{}", t.rows[r].key, REQUEST_COLS[c].0))
        .collect();
    (f.expected, f.actual) = (Some(0.0), Some(k as f64));
    ctx.findings.remove(x.2.max(y.2));
    ctx.findings.remove(x.2.min(y.2));
    ctx.push(f);
}

fn wide_sum(v: &[i64]) -> i128 {
    v.iter().map(|&x| i128::from(x)).sum()
}

fn join(v: &[i64]) -> String {
    v.iter()
        .map(|x| fmt_num(*x as f64))
        .collect::<Vec<_>>()
        .join("+")
}

fn message(
    rule: &str,
    id: &Identity,
    lhs: &[i64],
    rhs: &[i64],
    t: &TableOut,
    _table: &str,
) -> (String, String) {
    let (l, r) = (wide_sum(lhs), wide_sum(rhs));
    match rule {
        "requests-balance" => (
            format!(
                "{}：第一项加第二项（{}={}）不等于第三项加第四项（{}={}）",
                id.scope,
                join(lhs),
                l,
                join(rhs),
                r
            ),
            format!(
                "{}: row 1 + row 2 ({}={}) ≠ row 3.7 + row 4 ({}={})",
                id.scope,
                join(lhs),
                l,
                join(rhs),
                r
            ),
        ),
        "requests-row-total" => (
            format!(
                "{}：总计{}不等于各类申请人之和（{}={}）",
                id.scope,
                l,
                join(rhs),
                r
            ),
            format!(
                "{}: total {} ≠ sum of the applicant columns ({}={})",
                id.scope,
                l,
                join(rhs),
                r
            ),
        ),
        "requests-results-total" => {
            // Group the result rows: (一) (二) (三) (四) (五) (六).
            let mut groups: Vec<(String, i64)> = Vec::new();
            for (&(row, _), v) in id.rhs.iter().zip(rhs) {
                let key = &t.rows[row].key;
                let g = match key.split('.').nth(1) {
                    Some("1") => "（一）",
                    Some("2") => "（二）",
                    Some("3") => "（三）",
                    Some("4") => "（四）",
                    Some("5") => "（五）",
                    _ => "（六）",
                };
                match groups.last_mut() {
                    Some((gg, s)) if gg == g => *s += v,
                    _ => groups.push((g.to_string(), *v)),
                }
            }
            let parts: Vec<String> = groups.iter().map(|(g, v)| format!("{g}{v}")).collect();
            (
                format!(
                    "{}：（七）总计{}不等于各项办理结果之和（{}={}）",
                    id.scope,
                    l,
                    parts.join("+"),
                    r
                ),
                format!(
                    "{}: row 3.7 total {} ≠ sum of the results ({}={})",
                    id.scope,
                    l,
                    parts.join("+"),
                    r
                ),
            )
        }
        _ => (
            format!(
                "{}：总计{}不等于结果维持、结果纠正、其他结果、尚未审结之和（{}={}）",
                id.scope,
                l,
                join(rhs),
                r
            ),
            format!(
                "{}: total {} ≠ upheld + corrected + other + pending ({}={})",
                id.scope,
                l,
                join(rhs),
                r
            ),
        ),
    }
}
