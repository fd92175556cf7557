//! `text-repeated`: Prose not copied from last year

declare_rule! {
    /// 本年度报告正文与上年度报告相同的比例（忽略空白和数字）达到阈值（默认50%）即提示：年度报告应反映本年度的实际工作。
    ///
    /// ## 检查什么
    ///
    /// 只在提供上年度报告时检查。取两份报告的正文行（不含表格行和少于20个字的短行），去掉空白，把连续的数字和汉字数字视为同一个符号，以8字片段比较：本年正文中被上年片段覆盖的比例达到阈值（默认50%）时记一处提示，给出全文及各部分的重复比例和重复段落所在行。
    ///
    /// ## 错误示例
    ///
    /// ```text
    /// （2022年度报告）
    /// 一是加强组织领导，把政府信息公开工作纳入重要议事日程，主要负责同志多次研究部署，推动各项任务落实。
    /// （2023年度报告）
    /// 一是加强组织领导，把政府信息公开工作纳入重要议事日程，主要负责同志多次研究部署，推动各项任务落实。
    /// （与上年报告的文字相同）
    /// ```
    ///
    /// ## 正确示例
    ///
    /// ```text
    /// （2022年度报告）
    /// 一是加强组织领导，把政府信息公开工作纳入重要议事日程，主要负责同志多次研究部署，推动各项任务落实。
    /// （2023年度报告）
    /// 一是健全工作机制，年内修订本局依申请公开办理规程，明确办理时限和会商程序；二是加强平台建设，完成门户网站公开专栏改版，新增政策解读栏目，全年发布解读材料二十余篇；三是强化监督保障，组织全局业务培训两次，把公开质量列入年度绩效考核；四是做好申请答复，全年办结的申请均在法定期限内答复。
    /// ```
    ///
    /// ## 如何改正
    ///
    /// 按本年度实际工作重写各部分，特别是“总体情况”和“存在的主要问题及改进情况”；保留的固定表述（如前言、联系方式）可以不改。
    ///
    /// # English
    ///
    /// Warns when the share of this year's prose repeated from last year's report (ignoring whitespace and numbers) reaches the threshold (50% by default): the report should describe this year's work.
    ///
    /// ## What it checks
    ///
    /// Only when last year's report is given. Takes both reports' prose lines (no table rows, no lines under 20 characters), drops whitespace, treats any run of digits or Chinese numerals as one symbol, and compares 8-character pieces: when the share of this year's prose covered by last year's pieces reaches the threshold (50% by default) there is a warning with the share overall and per part and the lines of the repeated passages.
    ///
    /// ## Wrong
    ///
    /// ```text
    /// (the 2022 report)
    /// 一是加强组织领导，把政府信息公开工作纳入重要议事日程，主要负责同志多次研究部署，推动各项任务落实。
    /// (the 2023 report: the same sentences again)
    /// 一是加强组织领导，把政府信息公开工作纳入重要议事日程，主要负责同志多次研究部署，推动各项任务落实。
    /// ```
    ///
    /// ## Right
    ///
    /// ```text
    /// (the 2022 report)
    /// 一是加强组织领导，把政府信息公开工作纳入重要议事日程，主要负责同志多次研究部署，推动各项任务落实。
    /// (the 2023 report: this year's own work)
    /// 一是健全工作机制，年内修订本局依申请公开办理规程，明确办理时限和会商程序；二是加强平台建设，完成门户网站公开专栏改版，新增政策解读栏目，全年发布解读材料二十余篇；三是强化监督保障，组织全局业务培训两次，把公开质量列入年度绩效考核；四是做好申请答复，全年办结的申请均在法定期限内答复。
    /// ```
    ///
    /// ## How to fix
    ///
    /// Rewrite the parts from this year's actual work, especially 总体情况 and 存在的主要问题及改进情况; fixed wording (the preface, contact details) may stay.
    pub TextRepeated {
        name: "text-repeated",
        severity: Warning,
        title: "正文与上年报告不雷同" / "Prose not copied from last year",
        basis: "国办公开办函〔2021〕30号（四）明确责任（与往年内容雷同）；条例第四十七条"
            / "Format document 国办公开办函〔2021〕30号, (4) responsibilities (content copied from earlier years); Regulations art. 47.",
    }
}

#[cfg(feature = "previous")]
pub(super) use imp::check;

/// Without the feature `previous` there is no last year's report to compare with.
#[cfg(not(feature = "previous"))]
pub(super) fn check(_ctx: &mut super::Ctx) {}

/// The check, with last year's report (the feature `previous`).
#[cfg(feature = "previous")]
mod imp {
    use crate::normalize::Text;
    use crate::prose::is_prose;
    use crate::result::{CheckResult, Comparison, PartShare, PreviousOut, Span, Status};
    use crate::rules::Ctx;

    pub fn check(ctx: &mut Ctx) {
        if let Some((prev, prev_text)) = ctx.previous {
            repeated(ctx, prev, prev_text);
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
        finding(ctx, prev, all, &by_part, &spans);
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


/// The warning: the share repeated overall and per part, and the lines of the passages.
fn finding(ctx: &mut Ctx, prev: &CheckResult, all: f64, by_part: &[PartShare], spans: &[Span]) {
    const R: &str = "text-repeated";
    let pct = |v: f64| format!("{}%", (v * 1000.0).round() / 10.0);
    // Line ranges of the repeated passages: 5–12, 20.
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for s in spans {
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
}

}
