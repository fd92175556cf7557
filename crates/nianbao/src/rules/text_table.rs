//! `text-table-mismatch`: counts the prose states (申请 received, 办结, 结转, 行政复议, 行政诉讼,
//! 行政处罚) against their table cells. A clause is read when it holds exactly one count; a
//! clause without the word 申请 is about requests when its sentence is.

use super::Ctx;
use crate::prose::{any, numbers};
use crate::result::{Status, TableOut};
use std::ops::Range;

/// Words of a clause about requests whose answer is postponed or still pending ("另有103件申请
/// …顺延到下年度答复"): its count is not one of handled requests.
const POSTPONED: [&str; 11] = [
    "顺延",
    "延期",
    "延长",
    "下年",
    "下一年",
    "次年",
    "尚未",
    "未办结",
    "未答复",
    "正在办理",
    "继续办理",
];

/// A table cell's whole value and its line.
fn cell(t: &TableOut, key: &str, col: &str) -> Option<(i64, Option<usize>)> {
    let c = t.row(key).filter(|r| r.found)?.cell(col)?;
    Some((c.int()?, c.line))
}

/// The sentence (up to and with its 。) around byte `b` of `text`.
fn sentence_at(text: &str, b: usize) -> Range<usize> {
    let end_of = |e: usize| e + '。'.len_utf8();
    let start = text[..b].rfind('。').map_or(0, end_of);
    let end = text[b..].find('。').map_or(text.len(), |e| end_of(b + e));
    start..end
}

pub fn check(ctx: &mut Ctx) {
    let before = ctx.findings.len();
    let (rq, ap) = (&ctx.requests.out, &ctx.appeals.out);
    let received = cell(rq, "1", "total");
    let carried = cell(rq, "2", "total");
    let handled = cell(rq, "3.7", "total");
    let carried_out = cell(rq, "4", "total");
    let penalties = ctx
        .active
        .out
        .row("penalty")
        .filter(|r| r.found)
        .and_then(|r| r.cell("decisions"))
        .and_then(|c| Some((c.int()?, c.line)));
    let review = cell(ap, "appeals", "review.total");
    let suits = cell(ap, "appeals", "suit_direct.total")
        .zip(cell(ap, "appeals", "suit_after_review.total"))
        .map(|(a, b)| (a.0 + b.0, a.1));
    let mut checked = 0;
    for p in ctx.prose {
        let (line, text) = (p.line, p.line.text.as_str());
        // A count needs a counting word after it: a line without one has nothing to compare.
        if p.spots.is_empty() {
            continue;
        }
        // Whether the current sentence (up to 。) is about requests, read at its first clause
        // that may hold a count: (the sentence's end byte, the answer).
        let mut sentence: Option<(usize, bool)> = None;
        for (at, r) in &p.clauses {
            let (at, clause) = (*at, &text[r.clone()]);
            if !p.may_have_count(r.start, r.end) {
                continue;
            }
            let requests = match sentence {
                Some((end, requests)) if r.start < end => requests,
                _ => {
                    let s = sentence_at(text, r.start);
                    let words = &text[s.clone()];
                    let requests =
                        words.contains("申请") && any(words, &["政府信息", "依申请", "公开申请"]);
                    sentence = Some((s.end, requests));
                    requests
                }
            };
            let cc: Vec<char> = clause.chars().collect();
            let ns: Vec<_> = numbers(&cc)
                .into_iter()
                .filter(|n| n.unit != '\0' && n.unit != '%')
                .collect();
            if ns.len() != 1 || ns[0].unit == '条' || ns[0].value.fract() != 0.0 {
                continue;
            }
            let v = ns[0].value as i64;
            let has = |w: &[&str]| any(clause, w);
            let about = (requests || has(&["申请"])) && !has(&["复议", "诉讼"]);
            let (what, want, alt, section, place, table, key) = if about && has(&["结转"]) {
                if has(&["上年"]) {
                    (
                        "上年结转的申请",
                        carried,
                        None,
                        3,
                        "第三部分表格第二项总计",
                        "requests",
                        "2/total",
                    )
                } else {
                    (
                        "结转下年度的申请",
                        carried_out,
                        None,
                        3,
                        "第三部分表格第四项总计",
                        "requests",
                        "4/total",
                    )
                }
            } else if about && has(&["办结", "答复"]) && !has(&["收到"]) && !has(&POSTPONED) {
                (
                    "办结的申请",
                    handled,
                    None,
                    3,
                    "第三部分表格（七）总计",
                    "requests",
                    "3.7/total",
                )
            } else if has(&["行政处罚"])
                && has(&["作出", "决定", "实施"])
                && !has(&["复议", "诉讼"])
            {
                (
                    "作出行政处罚",
                    penalties,
                    None,
                    2,
                    "第二部分表格行政处罚",
                    "active",
                    "penalty/decisions",
                )
            } else if about && has(&["收到", "新收", "受理"]) {
                (
                    "收到政府信息公开申请",
                    received,
                    received.zip(carried).map(|(a, b)| a.0 + b.0),
                    3,
                    "第三部分表格第一项总计",
                    "requests",
                    "1/total",
                )
            } else if has(&["行政复议"]) && !has(&["诉讼"]) {
                (
                    "行政复议",
                    review,
                    None,
                    4,
                    "第四部分表格行政复议总计",
                    "appeals",
                    "appeals/review.total",
                )
            } else if has(&["行政诉讼"]) && !has(&["复议"]) {
                (
                    "行政诉讼",
                    suits,
                    None,
                    4,
                    "第四部分表格两项行政诉讼总计",
                    "appeals",
                    "appeals/suit_direct.total",
                )
            } else {
                continue;
            };
            let Some((want, cell_line)) = want else {
                continue;
            };
            checked += 1;
            if v == want || Some(v) == alt {
                continue;
            }
            let c = clause.trim_end_matches(['，', '；', ',', ';', '。']).trim();
            let mut f = ctx.finding(
                "text-table-mismatch",
                Some(section),
                format!("正文“{c}”称{what}{v}件，{place}为{want}件",),
                format!("The prose (\"{c}\") says {v}, the table ({key}) says {want}",),
            );
            f.line = Some(line.no);
            f.column = Some(line.column(at));
            f.table = Some(table);
            f.cells = vec![key.to_string()];
            if key.contains("suit") {
                f.cells.push("appeals/suit_after_review.total".into());
            }
            let _ = cell_line;
            f.expected = Some(want as f64);
            f.actual = Some(v as f64);
            ctx.push(f);
        }
    }
    if checked == 0 {
        return ctx.check(
            None,
            "text-table-mismatch",
            Status::Skip,
            "正文中没有可与表格对照的数字",
            "No prose number to compare with the tables",
        );
    }
    let (zh, en, status) = match ctx.findings[before..].first() {
        Some(f) => (f.message.clone(), f.message_en.clone(), Status::Warn),
        None => (
            format!("{checked}处正文数字与表格一致"),
            format!("{checked} prose number(s) agree with the tables"),
            Status::Pass,
        ),
    };
    ctx.check(None, "text-table-mismatch", status, zh, en);
}
