//! `text-table-mismatch`: Prose agrees with tables
//!
//! `text-table-mismatch`: counts the prose states (申请 received, 办结, 结转, 行政复议, 行政诉讼,
//! 行政处罚) against their table cells. A clause is read when it holds exactly one count; a
//! clause without the word 申请 is about requests when its sentence is.

declare_rule! {
    /// 正文中的数字（如“收到申请N件”“行政复议N件”）应与统计表一致。
    ///
    /// ## 检查什么
    ///
    /// 在正文（不含表格行）中找只含一个计数（带“件”“项”等量词，不计“条”）的分句，按其措辞与表格对照：收到／新收／受理申请 ↔ 第三部分第一项总计（也接受第一项+第二项）；办结／答复申请 ↔ （七）总计；上年结转 ↔ 第二项；结转 ↔ 第四项；行政复议 ↔ 第四部分复议总计；行政诉讼 ↔ 两项诉讼总计之和；作出行政处罚决定 ↔ 第二部分行政处罚处理决定数量。不一致的每处记一处提示。
    ///
    /// ## 错误示例
    ///
    /// ```text
    /// 2023年，我局共收到政府信息公开申请258件……
    /// 一、本年新收政府信息公开申请数量	270	5	0	0	0	0	275
    /// ```
    ///
    /// ## 正确示例
    ///
    /// ```text
    /// 2023年，我局共收到政府信息公开申请275件……
    /// 一、本年新收政府信息公开申请数量	270	5	0	0	0	0	275
    /// ```
    ///
    /// ## 如何改正
    ///
    /// 以申请登记台账为准，同时核对正文和表格，改正错误的一方；正文说的如果是另一口径（如含上年结转），在句中写明。
    ///
    /// # English
    ///
    /// Numbers stated in the prose (requests received, administrative reviews …) should agree with the tables.
    ///
    /// ## What it checks
    ///
    /// In the prose (table rows excluded), takes clauses with exactly one count (a number with 件, 项 … but not 条) and compares by wording: received (收到/新收/受理) requests ↔ part three row 1 total (row 1 + row 2 also accepted); handled (办结/答复) ↔ row 3.7 total; 上年结转 ↔ row 2; other 结转 ↔ row 4; 行政复议 ↔ part four's review total; 行政诉讼 ↔ the two suit totals together; 行政处罚 decisions ↔ part two's penalty decisions. Each disagreement is one warning.
    ///
    /// ## Wrong
    ///
    /// ```text
    /// 2023年，我局共收到政府信息公开申请258件…… (258 requests received)
    /// 一、本年新收政府信息公开申请数量	270	5	0	0	0	0	275
    /// ```
    ///
    /// ## Right
    ///
    /// ```text
    /// 2023年，我局共收到政府信息公开申请275件…… (275, as the table says)
    /// 一、本年新收政府信息公开申请数量	270	5	0	0	0	0	275
    /// ```
    ///
    /// ## How to fix
    ///
    /// Take the request register as the truth and correct whichever of the prose and the table is wrong; if the prose counts something else (carried-over requests included, say), say so in the sentence.
    pub TextTableMismatch {
        name: "text-table-mismatch",
        severity: Warning,
        title: "正文与表格一致" / "Prose agrees with tables",
        basis: "国办公开办函〔2021〕30号（四）明确责任（内容不准确）；条例第四十七条、第五十条第一款第（一）至（三）项"
            / "Format document 国办公开办函〔2021〕30号, (4) responsibilities (inaccurate content); Regulations art. 47; art. 50 para. 1 items (1)–(3).",
    }
}

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

/// A table count the prose may state: its whole value and its line.
type Count = Option<(i64, Option<usize>)>;

/// The table counts the prose is compared with.
struct Counts {
    received: Count,
    carried: Count,
    handled: Count,
    carried_out: Count,
    penalties: Count,
    review: Count,
    suits: Count,
}

impl Counts {
    fn of(ctx: &Ctx) -> Counts {
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
        Counts {
            received,
            carried,
            handled,
            carried_out,
            penalties,
            review,
            suits,
        }
    }
}

/// What a clause's count is compared with: (what it counts, the table's count, another count
/// it may mean, part, where in the table, table, cell).
type Target = (
    &'static str,
    Count,
    Option<i64>,
    u8,
    &'static str,
    &'static str,
    &'static str,
);

/// The table count a clause with one count speaks of, if any (`requests`: its sentence is about
/// requests).
fn target(clause: &str, requests: bool, k: &Counts) -> Option<Target> {
    let has = |w: &[&str]| any(clause, w);
    let about = (requests || has(&["申请"])) && !has(&["复议", "诉讼"]);
    Some(if about && has(&["结转"]) {
        if has(&["上年"]) {
            (
                "上年结转的申请",
                k.carried,
                None,
                3,
                "第三部分表格第二项总计",
                "requests",
                "2/total",
            )
        } else {
            (
                "结转下年度的申请",
                k.carried_out,
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
            k.handled,
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
            k.penalties,
            None,
            2,
            "第二部分表格行政处罚",
            "active",
            "penalty/decisions",
        )
    } else if about && has(&["收到", "新收", "受理"]) {
        (
            "收到政府信息公开申请",
            k.received,
            k.received.zip(k.carried).map(|(a, b)| a.0 + b.0),
            3,
            "第三部分表格第一项总计",
            "requests",
            "1/total",
        )
    } else if has(&["行政复议"]) && !has(&["诉讼"]) {
        (
            "行政复议",
            k.review,
            None,
            4,
            "第四部分表格行政复议总计",
            "appeals",
            "appeals/review.total",
        )
    } else if has(&["行政诉讼"]) && !has(&["复议"]) {
        (
            "行政诉讼",
            k.suits,
            None,
            4,
            "第四部分表格两项行政诉讼总计",
            "appeals",
            "appeals/suit_direct.total",
        )
    } else {
        return None;
    })
}

pub(super) fn check(ctx: &mut Ctx) {
    let before = ctx.findings.len();
    let k = Counts::of(ctx);
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
            let Some((what, want, alt, section, place, table, key)) = target(clause, requests, &k)
            else {
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
