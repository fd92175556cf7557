//! `text-rate-mismatch`: Stated rates agree with the tables
//!
//! `text-rate-mismatch`: a rate the prose states ("实质公开率为85%") recomputed from the tables.

declare_rule! {
    /// 正文写出的比率（如“实质公开率为85%”“办结率100%”）按第三、四部分表格重新计算，相差超过0.5个百分点即提示。
    ///
    /// ## 检查什么
    ///
    /// 正文分句中写出的比率按表格重新计算：实质公开率=（予以公开+部分公开）÷（七）总计；予以公开率=予以公开÷（七）总计；不予公开率、无法提供率=该组各项之和÷（七）总计；“公开率”按实质公开率或予以公开率；办结率=（七）总计÷（第一项+第二项）；结转率=第四项÷（第一项+第二项）；复议（诉讼）纠错率=结果纠正÷（总计−尚未审结）。与正文所写百分数相差超过0.5个百分点时记一处提示。表格算不出该比率时不检查。
    ///
    /// ## 错误示例
    ///
    /// ```text
    /// 全年依申请公开实质公开率为85%。
    /// （一）予以公开	42	0	0	0	0	0	42
    /// （二）部分公开	5	0	0	0	0	0	5
    /// （七）总计	79	0	0	0	0	0	79
    /// （按表格：(42+5)÷79=59.5%）
    /// ```
    ///
    /// ## 正确示例
    ///
    /// ```text
    /// 全年依申请公开实质公开率为59.5%。
    /// （一）予以公开	42	0	0	0	0	0	42
    /// （二）部分公开	5	0	0	0	0	0	5
    /// （七）总计	79	0	0	0	0	0	79
    /// ```
    ///
    /// ## 如何改正
    ///
    /// 按表格重新计算比率后改正正文；如正文的计算口径不同（如不计结转），在句中写明口径。
    ///
    /// # English
    ///
    /// Rates the prose states (实质公开率 85%, 办结率 100% …) are recomputed from the tables of parts three and four; a difference of more than 0.5 points is flagged.
    ///
    /// ## What it checks
    ///
    /// Rates stated in a clause of the prose are recomputed from the tables: 实质公开率 = (3.1 + 3.2) ÷ 3.7; 予以公开率 = 3.1 ÷ 3.7; 不予公开率, 无法提供率 = the group's sum ÷ 3.7; 公开率 either of the first two; 办结率 = 3.7 ÷ (row 1 + row 2); 结转率 = row 4 ÷ (row 1 + row 2); review or litigation 纠错率 = corrected ÷ (total − pending). A difference of more than 0.5 percentage points from the stated percentage is a warning. Not checked when the tables do not give the rate.
    ///
    /// ## Wrong
    ///
    /// ```text
    /// 全年依申请公开实质公开率为85%。 (substantive disclosure rate 85%)
    /// （一）予以公开	42	0	0	0	0	0	42
    /// （二）部分公开	5	0	0	0	0	0	5
    /// （七）总计	79	0	0	0	0	0	79
    /// (from the table: (42 + 5) ÷ 79 = 59.5%)
    /// ```
    ///
    /// ## Right
    ///
    /// ```text
    /// 全年依申请公开实质公开率为59.5%。
    /// （一）予以公开	42	0	0	0	0	0	42
    /// （二）部分公开	5	0	0	0	0	0	5
    /// （七）总计	79	0	0	0	0	0	79
    /// ```
    ///
    /// ## How to fix
    ///
    /// Recompute the rate from the tables and correct the prose; if the prose uses another basis (carry-over left out, say), state it in the sentence.
    pub TextRateMismatch {
        name: "text-rate-mismatch",
        severity: Warning,
        title: "正文所述比率与表格一致" / "Stated rates agree with the tables",
        basis: "国办公开办函〔2021〕30号（四）明确责任（内容不准确）；条例第四十七条、第五十条第一款第（二）、（三）项"
            / "Format document 国办公开办函〔2021〕30号, (4) responsibilities (inaccurate content); Regulations art. 47; art. 50 para. 1 items (2)–(3).",
    }
}

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

pub(super) fn check(ctx: &mut Ctx) {
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
            let known: Vec<(&crate::result::RateOut, f64)> = keys
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
