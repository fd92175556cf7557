//! An identity over a table's cells (`requests-balance`, `requests-row-total`,
//! `requests-results-total`, `appeals-total`; `misfiled-columns` looks at two that fail).
//!
//! An identity is decided only from cells that hold whole numbers. When an operand is blank,
//! marked, invalid, ambiguous or its row is missing, the identity is not decided and the check
//! says which operands were missing.

use crate::layout::fmt_num;
use crate::result::{CellOut, Severity, Status, TableOut};
use crate::rules::{Ctx, RequestsBalance, RequestsResultsTotal, RequestsRowTotal, Rule};
use crate::spec::{request_identities, request_rows, Identity, REQUEST_COLS};
use crate::tables::TableRead;

/// A failing identity's message (Chinese, English) from its two sides' values.
pub type Message = fn(&Identity, &[i64], &[i64], &TableOut) -> (String, String);

/// Checks part 三's identities of `rule` in every column or row.
pub fn requests(ctx: &mut Ctx, rule: &'static str, message: Message) {
    let requests = ctx.requests;
    // (A 2021 report whose table has the 2019 form's row （六）其他处理 is checked in that form.)
    let layout = crate::tables::outdated::request_layout(ctx.format, &requests.out);
    let ids = request_identities(layout);
    let shorts: Vec<&str> = request_rows(layout).iter().map(|r| r.short).collect();
    let these: Vec<&Identity> = ids.iter().filter(|i| i.rule == rule).collect();
    // Name an operand by what the scope does not already say.
    let by_row = rule == RequestsRowTotal::NAME;
    let name = |r: usize, c: usize| {
        if by_row {
            REQUEST_COLS[c].1.to_string()
        } else {
            shorts[r].to_string()
        }
    };
    let table = Table {
        section: 3,
        name: "requests",
        read: requests,
    };
    check(ctx, &table, &these, rule, &name, message);
}

/// A table the identities are over: its part, its name and what was read.
pub struct Table<'t> {
    pub section: u8,
    pub name: &'static str,
    pub read: &'t TableRead,
}

pub fn cell(t: &TableOut, r: usize, c: usize) -> Option<&CellOut> {
    let row = t.rows.get(r)?;
    if !row.found {
        return None;
    }
    row.cells.get(c).map(|(_, cell)| cell)
}

/// What the identities of one rule came to over a table.
#[derive(Default)]
struct Tally {
    passed: usize,
    /// Identities that hold because they were used to read the table: not checks.
    used: usize,
    /// Undecided identities: how many, and the first one's message (the only one shown).
    skipped: usize,
    first_skipped: Option<(String, String)>,
    /// Failing identities read as such: (identity, lhs − rhs, finding).
    fails: Vec<(usize, i64, usize)>,
    /// Identities that hold, and how many fail (read as such or over guessed positions).
    held: Vec<usize>,
    failing: usize,
}

/// Checks every identity of `ids` (all of `rule`) over `table`: one finding for each that
/// fails, one check for them all.
pub fn check(
    ctx: &mut Ctx,
    table: &Table,
    ids: &[&Identity],
    rule: &'static str,
    name: &dyn Fn(usize, usize) -> String,
    message: Message,
) {
    let (section, t) = (table.section, &table.read.out);
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
    let mut tally = Tally::default();
    for (n, id) in ids.iter().enumerate() {
        let (lhs, rhs) = match operands(t, id, name) {
            Ok(v) => v,
            Err(why) => {
                tally.skipped += 1;
                tally.first_skipped.get_or_insert(why);
                continue;
            }
        };
        // Wide sums: no cell list can overflow them (cells are at most 10^12 anyway).
        let (l, r) = (wide_sum(&lhs), wide_sum(&rhs));
        if l == r {
            if table.read.used.contains(&(id.rule, id.lhs[0])) {
                tally.used += 1;
            } else {
                tally.passed += 1;
            }
            tally.held.push(n);
            continue;
        }
        tally.failing += 1;
        let (f, d) = fail(ctx, table, id, rule, (&lhs, &rhs), message);
        if let Some(d) = d {
            tally.fails.push((n, d, ctx.findings.len()));
        }
        ctx.push(f);
    }
    // Only when exactly two fail and the total column's identity was read and holds: an
    // undecided total column proves nothing.
    if (rule == RequestsBalance::NAME || rule == RequestsResultsTotal::NAME)
        && tally.failing == 2
        && tally.held.iter().any(|&i| ids[i].lhs[0].1 == 6)
    {
        crate::rules::misfiled_columns::misfiled(ctx, t, ids, &tally.fails);
    }
    let (status, zh, en) = status(ctx, before, rule, &tally);
    ctx.check(Some(section), rule, status, zh, en);
}

/// Both sides' values, or why the identity cannot be decided (its first operands that are not
/// whole numbers, named).
fn operands(
    t: &TableOut,
    id: &Identity,
    name: &dyn Fn(usize, usize) -> String,
) -> Result<(Vec<i64>, Vec<i64>), (String, String)> {
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
    if missing.is_empty() {
        return Ok((lhs, rhs));
    }
    let shown: Vec<String> = missing.iter().take(3).map(|&(r, c)| name(r, c)).collect();
    let more = if missing.len() > 3 {
        format!("等{}项", missing.len())
    } else {
        String::new()
    };
    Err((
        format!(
            "{}：{}{}不是数字，无法判定",
            id.scope,
            shown.join("、"),
            more
        ),
        format!("{}: {} operand(s) not numbers", id.scope, missing.len()),
    ))
}

/// A failing identity's finding, and lhs − rhs when the identity rests on cells read, not
/// inferred.
fn fail(
    ctx: &Ctx,
    table: &Table,
    id: &Identity,
    rule: &'static str,
    (lhs, rhs): (&[i64], &[i64]),
    message: Message,
) -> (crate::result::Finding, Option<i64>) {
    let t = &table.read.out;
    let (l, r) = (wide_sum(lhs), wide_sum(rhs));
    let (zh, en) = message(id, lhs, rhs, t);
    // An identity that fails over inferred cells does not accuse the report: the framework
    // (`provenance::settle`) makes it a warning that the reading is uncertain. It is no
    // evidence of misfiled columns either.
    let inferred = id.lhs.iter().chain(&id.rhs).any(|&(r, c)| {
        t.rows
            .get(r)
            .and_then(|row| Some((row, cell(t, r, c)?)))
            .is_some_and(|(row, x)| !crate::rules::provenance::is_read(row, x))
    });
    let mut f = ctx.finding(rule, Some(table.section), zh, en);
    // Point at the total's cell.
    let (tr, tc) = id.lhs[0];
    let at = if rule == RequestsBalance::NAME {
        id.rhs[0]
    } else {
        (tr, tc)
    };
    if let Some(c) = cell(t, at.0, at.1) {
        f.line = c.line;
        f.column = c.column;
    }
    f.table = Some(table.name);
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
    match (inferred, i64::try_from(l - r)) {
        (false, Ok(d)) => (f, Some(d)),
        _ => (f, None),
    }
}

/// The rule's check from its findings since `before` and the tally.
fn status(ctx: &Ctx, before: usize, rule: &str, tally: &Tally) -> (Status, String, String) {
    let (passed, used, skipped) = (tally.passed, tally.used, tally.skipped);
    let first_skipped = tally.first_skipped.clone();
    let ours = |f: &&crate::result::Finding| f.rule == rule || f.rule == "misfiled-columns";
    let failed = ctx.findings[before..].iter().filter(ours).count();
    let all_guessed = ctx.findings[before..]
        .iter()
        .filter(ours)
        .all(|f| f.severity != Severity::Error);
    if failed > 0 {
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
    } else if used > 0 && passed == 0 {
        (
            Status::Skip,
            format!("全部{used}处都用于读取表格（确定数字所在列），不能再用来核对"),
            format!("All {used} were used to read the table (to place its numbers), so they cannot also check it"),
        )
    } else if used > 0 {
        (
            Status::Pass,
            format!("{passed}处成立；另有{used}处用于读取表格，不计为核对"),
            format!("{passed} hold; {used} more were used to read the table and are not counted as checks"),
        )
    } else {
        (
            Status::Pass,
            format!("{passed}处全部成立"),
            format!("All {passed} hold"),
        )
    }
}

pub fn wide_sum(v: &[i64]) -> i128 {
    v.iter().map(|&x| i128::from(x)).sum()
}

pub fn join(v: &[i64]) -> String {
    v.iter()
        .map(|x| fmt_num(*x as f64))
        .collect::<Vec<_>>()
        .join("+")
}
