//! `text-repeated-between-units`: Prose not copied from another unit

declare_rule! {
    /// 同一批报告中，本报告正文与另一单位同年度报告相同的比例达到阈值（默认50%）即提示：各单位的年度报告应反映本单位的实际工作，考核中与其他单位雷同的报告会被扣分。
    ///
    /// ## 检查什么
    ///
    /// 只在检查一批报告时检查（网页的批量检查、命令行检查文件夹）。按“正文与上年报告不雷同”的方法取每份报告的正文（不含标题、表格、短行、网页页头页尾、格式本身的文字和条例名称，数字视为同一个符号），以8字片段比较同一年度、不同单位的报告：两份报告中较短一份有达到阈值（默认50%）的片段出现在另一份中时，二者归为一组；多份互相抄用的报告是一组。组内每份报告记一处提示，写明与哪些单位的哪份报告相同、相同的比例，以及相同段落所在行。同一单位不同年度、同一报告的不同文件形式不在此比较。
    ///
    /// ## 错误示例
    ///
    /// ```text
    /// （甲区财政局2023年度报告）
    /// 一是加强组织领导，把政府信息公开工作纳入重要议事日程，主要负责同志多次研究部署，推动各项任务落实。
    /// （乙区财政局2023年度报告）
    /// 一是加强组织领导，把政府信息公开工作纳入重要议事日程，主要负责同志多次研究部署，推动各项任务落实。
    /// ```
    ///
    /// ## 正确示例
    ///
    /// ```text
    /// （甲区财政局2023年度报告）
    /// 一是加强组织领导，把政府信息公开工作纳入重要议事日程，主要负责同志多次研究部署，推动各项任务落实。
    /// （乙区财政局2023年度报告）
    /// 一是健全工作机制，年内修订本局依申请公开办理规程，明确办理时限和会商程序；二是完成门户网站公开专栏改版，新增政策解读栏目。
    /// ```
    ///
    /// ## 如何改正
    ///
    /// 按本单位本年度的实际工作撰写各部分，不照搬其他单位或上级下发的范文；格式规定的固定表述（前言、各部分标题、表格）可以相同。
    ///
    /// # English
    ///
    /// Warns when, in a batch of reports, the share of this report's prose also found in another unit's report of the same year reaches the threshold (50% by default): each unit's report should describe its own work, and assessors deduct points for reports copied from other units.
    ///
    /// ## What it checks
    ///
    /// Only in a batch (the page's batch, the command line checking a folder). Takes each report's prose as "Prose not copied from last year" does (no title, tables, short lines, site header or footer, none of the format's own words or the regulations' names; numbers as one symbol) and compares 8-character pieces between reports of the same year of different units: when the shorter of two reports has at least the threshold (50% by default) of its pieces in the other, the two are one group; many reports copied from one another are one group. Each report of a group gets a warning naming the other units' reports, the share, and the lines of the shared passages. One agency's other years, and one report in several file forms, are not compared here.
    ///
    /// ## Wrong
    ///
    /// ```text
    /// (甲区财政局, the 2023 report)
    /// 一是加强组织领导，把政府信息公开工作纳入重要议事日程，主要负责同志多次研究部署，推动各项任务落实。
    /// (乙区财政局, the 2023 report: the same sentences)
    /// 一是加强组织领导，把政府信息公开工作纳入重要议事日程，主要负责同志多次研究部署，推动各项任务落实。
    /// ```
    ///
    /// ## Right
    ///
    /// ```text
    /// (甲区财政局, the 2023 report)
    /// 一是加强组织领导，把政府信息公开工作纳入重要议事日程，主要负责同志多次研究部署，推动各项任务落实。
    /// (乙区财政局, the 2023 report: its own work)
    /// 一是健全工作机制，年内修订本局依申请公开办理规程，明确办理时限和会商程序；二是完成门户网站公开专栏改版，新增政策解读栏目。
    /// ```
    ///
    /// ## How to fix
    ///
    /// Write each part from the unit's own work of the year, not from another unit's report or a model text handed down; the format's fixed wording (the preface, the parts' headings, the tables) may be the same.
    pub TextRepeatedBetweenUnits {
        name: "text-repeated-between-units",
        severity: Warning,
        title: "正文与其他单位报告不雷同" / "Prose not copied from another unit",
        basis: "国办公开办函〔2021〕30号（四）明确责任（内容雷同）；条例第四十七条"
            / "Format document 国办公开办函〔2021〕30号, (4) responsibilities (copied content); Regulations art. 47.",
    }
}

/// A single report has no other unit to compare with: the batch adds this rule's findings
/// ([`mark`], from the groups of the module `similar`).
pub(super) fn check(_ctx: &mut super::Ctx) {}

#[cfg(feature = "previous")]
pub use imp::{mark, passages, piece_hashes, Other};

#[cfg(feature = "previous")]
mod imp {
    use crate::normalize::Text;
    use crate::result::{Check, CheckResult, Finding, Similar, SimilarOther, Span, Status};
    use crate::rules::text_repeated::{line_ranges, pct, shingles};

    const R: &str = "text-repeated-between-units";

    /// The hashes of the 8-character pieces of a prose sequence, in order (as `text-repeated`).
    /// Kept as the upper 32 bits of the 64-bit hash: half the memory, and two reports of 3,000
    /// pieces each share about 0.002 pieces by accident.
    pub fn piece_hashes(seq: &[(char, usize, usize)]) -> Vec<u32> {
        shingles(seq).into_iter().map(|h| (h >> 32) as u32).collect()
    }

    /// The passages of a text whose pieces are in `others` (the other units' pieces, sorted):
    /// spans by line, as `text-repeated` marks its passages.
    pub fn passages(text: &crate::normalize::Text, others: &[&[u32]]) -> Vec<crate::result::Span> {
        const N: usize = 8;
        let seq = crate::rules::prose_seq(text);
        let mut covered = vec![false; seq.len()];
        for (k, h) in piece_hashes(&seq).iter().enumerate() {
            if others.iter().any(|o| o.binary_search(h).is_ok()) {
                covered[k..k + N].iter_mut().for_each(|c| *c = true);
            }
        }
        let mut spans: Vec<crate::result::Span> = Vec::new();
        for (k, &(_, i, col)) in seq.iter().enumerate().filter(|(k, _)| covered[*k]) {
            let line = text.lines[i].no;
            match spans.last_mut() {
                Some(s) if s.line == line && k > 0 && covered[k - 1] => s.end = col,
                _ => spans.push(crate::result::Span {
                    line,
                    start: col,
                    end: col,
                }),
            }
        }
        spans
    }

    /// Another unit's report of the group, as the finding names it.
    pub struct Other<'a> {
        pub name: &'a str,
        pub agency: Option<&'a str>,
        /// The share of this report's prose found in it.
        pub share: f64,
        /// Its pieces (`similar::Sketch::pieces`), for marking the shared passages.
        pub pieces: &'a [u32],
    }

    /// Line ranges of passages, "5–12、20" (at most eight ranges, as `text-repeated` writes them).
    fn ranges(spans: &[Span], sep: &str) -> String {
        line_ranges(spans).join(sep)
    }

    /// Marks a batch report as sharing `share` of its prose with the other units' reports
    /// `others`: its [`CheckResult::similar`], and when `share` reaches `threshold` this rule's
    /// warning (naming the others, the share and the passages' lines) and a document check;
    /// the counts and verdict follow.
    pub fn mark(r: &mut CheckResult, text: &Text, share: f64, others: &[Other], threshold: f64) {
        let pieces: Vec<&[u32]> = others.iter().map(|o| o.pieces).collect();
        let passages = passages(text, &pieces);
        let named_zh: Vec<String> = others
            .iter()
            .map(|o| match o.agency {
                Some(a) => format!("“{}”（{a}，{}）", o.name, pct(o.share)),
                None => format!("“{}”（{}）", o.name, pct(o.share)),
            })
            .collect();
        let named_en: Vec<String> = others
            .iter()
            .map(|o| match o.agency {
                Some(a) => format!("{} ({a}, {})", o.name, pct(o.share)),
                None => format!("{} ({})", o.name, pct(o.share)),
            })
            .collect();
        if share >= threshold {
            let f = Finding {
                rule: R,
                severity: crate::rules::info(R).severity,
                section: None,
                message: format!(
                    "正文有{}与其他单位同年度的报告相同：{}；相同段落在第{}行",
                    pct(share),
                    named_zh.join("、"),
                    ranges(&passages, "、")
                ),
                message_en: format!(
                    "{} of the prose is the same as other units' reports of the year: {}; shared passages on lines {}",
                    pct(share),
                    named_en.join(", "),
                    ranges(&passages, ", ")
                ),
                line: passages.first().map(|s| s.line),
                column: passages.first().map(|s| s.start),
                table: None,
                cells: Vec::new(),
                expected: Some(threshold),
                actual: Some(share),
                inferred: Vec::new(),
                dismissed: None,
                fix: None,
                fix_options: Vec::new(),
            };
            let at = r
                .findings
                .partition_point(|g| (g.line.unwrap_or(0), g.column.unwrap_or(0)) <= (f.line.unwrap_or(0), f.column.unwrap_or(0)));
            r.findings.insert(at, f);
            r.document.checks.push(Check {
                rule: R,
                status: Status::Warn,
                detail: format!("正文{}与其他单位相同", pct(share)),
                detail_en: format!("{} shared with other units", pct(share)),
            });
            let left = r.left_when(|_| false);
            r.counts = left.counts;
            r.verdict = left.verdict;
        }
        r.similar = Some(Similar {
            share,
            others: others
                .iter()
                .map(|o| SimilarOther {
                    name: o.name.to_string(),
                    agency: o.agency.map(str::to_string),
                    share: o.share,
                })
                .collect(),
            passages,
        });
    }
}
