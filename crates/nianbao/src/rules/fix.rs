//! Pointing at the wrong cell: after the identity rules have run, for each table with failing
//! identities (part 三: `requests-balance`, `requests-row-total`, `requests-results-total`;
//! part 四: `appeals-total`; part 二 has no equalities), every single cell whose change to one
//! value would make **every** identity of the table hold is a candidate fix.
//!
//! - Exactly one candidate: each failing identity's finding says which cell and what value
//!   ("行政复议·总计应为11（…）：若改为11，本表所有勾稽关系成立") and gains
//!   [`crate::result::Fix`] in `fix`.
//! - Several: the findings say there are several and list them (`fix_options`); none is
//!   picked.
//! - None (or the table cannot be decided): nothing is added.
//!
//! What may be changed: a cell that holds a whole number, read or inferred (an inferred cell's
//! number is the text's own, only its place is uncertain; the fix then says so). The
//! suggestion is only made when every operand of every identity of the table is a whole
//! number: a blank, marked, invalid or ambiguous cell is never "fixed" by a guess, and with one
//! undecided identity no change can be shown to make all of them hold. A suggested value is
//! never negative.

use crate::result::{CellOut, Check, Finding, Fix, Status, TableOut};
use crate::rules::helpers::identity::cell;
use crate::rules::provenance::is_read;
use crate::spec::{appeal_identities, request_identities, request_rows, Identity, APPEAL_COLS};
use crate::spec::{Format, REQUEST_COLS};

/// A table the fixes are looked for in: its name in findings, what was read, its identities,
/// and how a cell is named (in full, and in short inside one identity's explanation).
struct Scope<'a> {
    name: &'static str,
    t: &'a TableOut,
    ids: &'a [Identity],
    full: &'a dyn Fn(usize, usize) -> (String, String),
    short: &'a dyn Fn(&Identity, usize, usize) -> String,
}

/// Adds the fix (or the several possible fixes) to the findings of the failing identities of
/// parts 三 and 四, and to their parts' failing checks of those rules.
pub fn suggest(
    findings: &mut [Finding],
    checks: &mut [(Option<u8>, Check)],
    format: Format,
    (requests, appeals): (&TableOut, &TableOut),
) {
    let layout = crate::tables::outdated::request_layout(format, requests);
    let rows = request_rows(layout);
    let full_req = |r: usize, c: usize| {
        (
            format!("{}·{}", rows[r].short, REQUEST_COLS[c].1),
            format!("row {} · {}", rows[r].key, REQUEST_COLS[c].0),
        )
    };
    let short_req = |id: &Identity, r: usize, c: usize| {
        if id.rule == "requests-row-total" {
            REQUEST_COLS[c].1.to_string()
        } else {
            rows[r].short.to_string()
        }
    };
    let full_app =
        |_: usize, c: usize| (APPEAL_COLS[c].1.to_string(), APPEAL_COLS[c].0.to_string());
    let short_app = |_: &Identity, _: usize, c: usize| {
        let l = APPEAL_COLS[c].1;
        l.split_once('·').map_or(l, |(_, s)| s).to_string()
    };
    let scopes = [
        Scope {
            name: "requests",
            t: requests,
            ids: request_identities(layout),
            full: &full_req,
            short: &short_req,
        },
        Scope {
            name: "appeals",
            t: appeals,
            ids: appeal_identities(),
            full: &full_app,
            short: &short_app,
        },
    ];
    for (s, part) in scopes.iter().zip([3, 4]) {
        let Some((zh, en)) = apply(findings, s) else {
            continue;
        };
        let rules: Vec<&str> = s.ids.iter().map(|i| i.rule).collect();
        for (_, c) in checks
            .iter_mut()
            .filter(|(p, c)| *p == Some(part) && rules.contains(&c.rule))
            .filter(|(_, c)| matches!(c.status, Status::Fail | Status::Warn))
        {
            c.detail = format!("{}。{zh}", c.detail);
            c.detail_en = format!("{}. {en}", c.detail_en);
        }
    }
}

/// One candidate: the cell (row, column), the value it should hold, and whether its number
/// was inferred.
type Candidate = ((usize, usize), i64, bool);

/// The candidates of a table (empty when no identity fails or the table cannot be decided).
fn candidates(t: &TableOut, ids: &[Identity]) -> Vec<Candidate> {
    if !t.found {
        return Vec::new();
    }
    let value = |r: usize, c: usize| cell(t, r, c).and_then(CellOut::int);
    let every = ids.iter().flat_map(|i| i.lhs.iter().chain(&i.rhs));
    if every.clone().any(|&(r, c)| value(r, c).is_none()) {
        return Vec::new();
    }
    // Left minus right of each identity, with one cell's value replaced.
    let diff = |id: &Identity, at: Option<((usize, usize), i64)>| -> i128 {
        let v = |&(r, c): &(usize, usize)| -> i128 {
            match at {
                Some((p, x)) if p == (r, c) => i128::from(x),
                _ => i128::from(value(r, c).unwrap_or(0)),
            }
        };
        id.lhs.iter().map(v).sum::<i128>() - id.rhs.iter().map(v).sum::<i128>()
    };
    let Some(first) = ids.iter().find(|id| diff(id, None) != 0) else {
        return Vec::new();
    };
    let d = diff(first, None);
    let mut cells: Vec<(usize, usize)> = first.lhs.iter().chain(&first.rhs).copied().collect();
    cells.dedup();
    let mut out = Vec::new();
    for (r, c) in cells {
        let now = i128::from(value(r, c).unwrap_or(0));
        // On the left, the cell must shrink by d; on the right, grow by d.
        let want = if first.lhs.contains(&(r, c)) {
            now - d
        } else {
            now + d
        };
        let Ok(want) = i64::try_from(want) else {
            continue;
        };
        if want < 0 || ids.iter().any(|id| diff(id, Some(((r, c), want))) != 0) {
            continue;
        }
        let inferred = t
            .rows
            .get(r)
            .zip(cell(t, r, c))
            .is_some_and(|(row, x)| !is_read(row, x));
        out.push(((r, c), want, inferred));
    }
    out
}

/// The fix's sentence for a single candidate: what the cell should be by the first failing
/// identity that holds it, and that every identity then holds.
fn sentence(s: &Scope, cand: &Candidate) -> (String, String) {
    let ((r, c), want, inferred) = *cand;
    let (zh_name, en_name) = (s.full)(r, c);
    let value = |r: usize, c: usize| cell(s.t, r, c).and_then(CellOut::int).unwrap_or(0);
    // Explained by an identity the cell is a total of (alone on its side), else the first
    // that holds it.
    let holds = |id: &&Identity| id.lhs.contains(&(r, c)) || id.rhs.contains(&(r, c));
    let alone = |id: &&Identity| id.lhs == [(r, c)] || id.rhs == [(r, c)];
    let why = s
        .ids
        .iter()
        .filter(holds)
        .find(alone)
        .or_else(|| s.ids.iter().find(holds))
        .map(|id| {
            let (same, other) = if id.lhs.contains(&(r, c)) {
                (&id.lhs, &id.rhs)
            } else {
                (&id.rhs, &id.lhs)
            };
            // A long sum (part 三's results) names only its terms that are not 0.
            let many = other.len() + same.len() > 8;
            let shown = |p: &&(usize, usize)| !many || value(p.0, p.1) != 0;
            let term =
                |&(rr, cc): &(usize, usize)| format!("{}{}", (s.short)(id, rr, cc), value(rr, cc));
            let plus: Vec<String> = other.iter().filter(shown).map(term).collect();
            let minus: Vec<String> = same
                .iter()
                .filter(|&&p| p != (r, c))
                .filter(shown)
                .map(term)
                .collect();
            let mut e = if plus.is_empty() {
                "0".to_string()
            } else {
                plus.join("+")
            };
            for m in minus {
                e.push('−');
                e.push_str(&m);
            }
            if many {
                e.push_str("，其余为0");
            }
            e
        })
        .unwrap_or_default();
    let why_en = why.replace("，其余为0", ", the rest 0");
    let (note_zh, note_en) = if inferred {
        (
            "（该格的位置是推测的，请先核对原表）",
            " (this cell's position was inferred: check the table first)",
        )
    } else {
        ("", "")
    };
    (
        format!("{zh_name}应为{want}（{why}）：若改为{want}，本表所有勾稽关系成立{note_zh}"),
        format!("{en_name} should be {want} ({why_en}): changed to {want}, every identity of the table holds{note_en}"),
    )
}

/// Adds a table's fix (or its several possible fixes) to the findings of its failing identities;
/// the sentence added, if any.
fn apply(findings: &mut [Finding], s: &Scope) -> Option<(String, String)> {
    let cands = candidates(s.t, s.ids);
    if cands.is_empty() {
        return None;
    }
    let rules: Vec<&str> = s.ids.iter().map(|i| i.rule).collect();
    let fix = |&((r, c), want, inferred): &Candidate| Fix {
        cell: format!(
            "{}/{}",
            s.t.rows[r].key,
            s.t.rows[r].cells.get(c).map_or("", |x| x.0)
        ),
        value: want,
        inferred,
    };
    let (zh, en) = if let [one] = cands.as_slice() {
        sentence(s, one)
    } else {
        let list = |en: bool| {
            cands
                .iter()
                .map(|((r, c), want, _)| {
                    let (zh, e) = (s.full)(*r, *c);
                    if en {
                        format!("{e} → {want}")
                    } else {
                        format!("{zh}改为{want}")
                    }
                })
                .collect::<Vec<_>>()
        };
        (
            format!(
                "有{}种改一个单元格的办法都能使本表所有勾稽关系成立，无法确定错在哪一格，请按台账核对：{}",
                cands.len(),
                list(false).join("；")
            ),
            format!(
                "{} different one-cell changes each make every identity of the table hold, so the wrong cell cannot be told: check against the records: {}",
                cands.len(),
                list(true).join("; ")
            ),
        )
    };
    for f in findings
        .iter_mut()
        .filter(|f| f.table == Some(s.name) && rules.contains(&f.rule))
    {
        f.message = format!("{}。{zh}", f.message);
        f.message_en = format!("{}. {en}", f.message_en);
        if let [one] = cands.as_slice() {
            f.fix = Some(fix(one));
        } else {
            f.fix_options = cands.iter().map(fix).collect();
        }
    }
    Some((zh, en))
}
