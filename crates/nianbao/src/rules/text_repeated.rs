//! `text-repeated`: Prose not copied from last year

declare_rule! {
    /// 本年度报告正文与上年度报告相同的比例（忽略空白和数字）达到阈值（默认50%）即提示：年度报告应反映本年度的实际工作。
    ///
    /// ## 检查什么
    ///
    /// 只在提供上年度报告时检查。取两份报告的正文行（不含表格行、少于20个字的短行、标题、网页的页头页尾如“来源：”“版权所有”“网站标识码”，以及格式本身的文字如前言的编制依据和统计期限、各部分标题、书名号中的条例和通知名称），去掉空白，把连续的数字和汉字数字视为同一个符号，以8字片段比较：本年正文中被上年片段覆盖的比例达到阈值（默认50%）时记一处提示，给出全文及各部分的重复比例和重复段落所在行。任一份报告没有读出正文时不比较，并说明是哪一份。
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
    /// Only when last year's report is given. Takes both reports' prose lines (no table rows, no lines under 20 characters, no title, no web page header or footer such as 来源： or 版权所有, none of the format's own words: the preface's legal basis and 统计期限, the parts' headings, the names in 《》), drops whitespace, treats any run of digits or Chinese numerals as one symbol, and compares 8-character pieces: when the share of this year's prose covered by last year's pieces reaches the threshold (50% by default) there is a warning with the share overall and per part and the lines of the repeated passages. When either report's prose could not be read, nothing is compared and the check says which.
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
#[cfg(feature = "previous")]
pub use imp::prose_seq;
#[cfg(feature = "previous")]
pub(crate) use imp::{line_ranges, pct, shingles};

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

/// What a web page around a report says on every page of its site (the crawled pages' and
/// saved pages' header and footer): a line with one of these is not the report's prose.
const CHROME: &[&str] = &[
    "版权所有", "Copyright", "copyright", "来源：", "来源:", "信息来源", "主办单位", "承办单位",
    "主办：", "网站标识码", "ICP备", "公网安备", "浏览次数", "阅读次数", "点击数", "访问次数",
    "打印本页", "【打印】", "关闭窗口", "【关闭】", "【字体", "字号：", "字体：", "发布时间：",
    "发布日期：", "发布机构：", "分享到", "当前位置", "网站首页", "无障碍", "技术支持",
    "网站地图", "联系我们", "扫一扫", "索引号", "主题分类", "责任编辑", "发文日期：",
];

/// The format's own words, which every report repeats every year: the parts' headings, the
/// 条例's and the format notice's names and articles, the title's words.
const FORMAT_WORDS: &[&str] = &[
    "中华人民共和国政府信息公开条例",
    "国务院办公厅政府信息与政务公开办公室",
    "国务院办公厅政府信息公开办公室",
    "中华人民共和国政府信息公开工作年度报告格式",
    "政府信息公开工作年度报告",
    "政府信息公开年度报告",
    "国办公开办函",
    "以下简称",
    "统计期限",
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况",
    "存在的主要问题及改进情况",
    "其他需要报告的事项",
    "第二十条第",
    // The note under part 三's table (F2021), which some texts carry as a line of its own.
    "本列数据的勾稽关系为",
    "第一项加第二项之和",
    "等于第三项加第四项之和",
    "第二十条",
    "第二十一条",
    "第五十条",
    "条例",
];

/// Whether a line is a web page's header or footer ([`CHROME`]).
pub fn is_chrome(line: &str) -> bool {
    CHROME.iter().any(|w| line.contains(w))
}

/// A sentence of the preface every report writes from the format (its legal basis, 统计期限,
/// where to download it, whom to ask) has one of these.
const PREFACE: &[&str] = &[
    "统计期限", "国办公开办函", "年度报告格式", "如对本", "联系电话", "联系地址", "邮编",
    "邮政编码", "下载",
];

/// The characters of a line that are the format's own words ([`FORMAT_WORDS`], the titles in
/// 《》 and 〈〉 every report cites, the preface's sentences ([`PREFACE`])).
fn format_words(chars: &[char]) -> Vec<bool> {
    let mut mask = vec![false; chars.len()];
    let mut start = 0;
    for (i, c) in chars.iter().enumerate() {
        if matches!(c, '。' | '；' | ';') || i + 1 == chars.len() {
            let sentence: String = chars[start..=i].iter().collect();
            if PREFACE.iter().any(|w| sentence.contains(w)) {
                mask[start..=i].iter_mut().for_each(|m| *m = true);
            }
            start = i + 1;
        }
    }
    let mut depth = 0usize;
    for (i, c) in chars.iter().enumerate() {
        if matches!(c, '《' | '〈') {
            depth += 1;
        }
        mask[i] |= depth > 0;
        if matches!(c, '》' | '〉') {
            depth = depth.saturating_sub(1);
        }
    }
    for w in FORMAT_WORDS {
        let w: Vec<char> = w.chars().collect();
        for start in 0..chars.len().saturating_sub(w.len() - 1) {
            if chars[start..start + w.len()] == w[..] {
                mask[start..start + w.len()].iter_mut().for_each(|m| *m = true);
            }
        }
    }
    mask
}

/// The prose as a sequence of characters with their (line index, column): whitespace dropped,
/// runs of digits or Chinese numerals folded to one `#`. Short lines (headings), table rows, a
/// web page's header and footer ([`is_chrome`]), the title and the format's own words
/// ([`format_words`]) are left out.
pub fn prose_seq(text: &Text) -> Vec<(char, usize, usize)> {
    let mut out = Vec::new();
    let title = |t: &str| {
        t.contains("政府信息公开") && t.contains("报告") && t.chars().count() <= 60 && !t.contains('。')
    };
    for (i, l) in text.lines.iter().enumerate() {
        if !is_prose(l)
            || l.text.chars().filter(|c| !c.is_whitespace()).count() < 20
            || is_chrome(&l.text)
            || title(&l.text)
        {
            continue;
        }
        let chars: Vec<char> = l.text.chars().collect();
        let own = format_words(&chars);
        for (col, &c) in chars.iter().enumerate() {
            let num = c.is_ascii_digit() || "零〇一二两三四五六七八九十百千万亿".contains(c);
            if own[col] {
                continue;
            }
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

/// The hashes (FNV-1a) of a prose sequence's 8-character pieces, in order.
pub(crate) fn shingles(s: &[(char, usize, usize)]) -> Vec<u64> {
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
    let last = prose_seq(prev_text);
    if last.is_empty() || this.is_empty() {
        return unread(ctx, prev, last.is_empty());
    }
    let mut known = shingles(&last);
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
        previous: previous_out(prev),
        repeated_share: all,
        by_part,
        repeated: spans,
    });
}


fn previous_out(prev: &CheckResult) -> PreviousOut {
    PreviousOut {
        name: prev.input.name.clone(),
        year: prev.meta.year,
        sha256: prev.input.sha256.clone(),
    }
}

/// One report's prose could not be read (last year's when `last`): not compared, and the check
/// says which; the comparison is still shown (with its other checks), nothing marked.
fn unread(ctx: &mut Ctx, prev: &CheckResult, last: bool) {
    const R: &str = "text-repeated";
    let (zh, en) = if last {
        (
            "上年报告的正文未能读出，未比较是否雷同",
            "Last year's report: its prose could not be read; not compared",
        )
    } else {
        (
            "本报告的正文未能读出，未比较是否雷同",
            "This report's prose could not be read; not compared",
        )
    };
    ctx.check(None, R, Status::Skip, zh, en);
    ctx.comparison = Some(Comparison {
        previous: previous_out(prev),
        repeated_share: 0.0,
        by_part: Vec::new(),
        repeated: Vec::new(),
    });
}

/// A share as a percentage with one decimal: "92.6%".
pub(crate) fn pct(v: f64) -> String {
    format!("{}%", (v * 1000.0).round() / 10.0)
}

/// The lines of passages as ranges, "5–12", "20" (lines up to 2 apart joined; at most eight).
pub(crate) fn line_ranges(spans: &[Span]) -> Vec<String> {
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for s in spans {
        match ranges.last_mut() {
            Some(r) if s.line <= r.1 + 2 => r.1 = s.line,
            _ => ranges.push((s.line, s.line)),
        }
    }
    ranges
        .iter()
        .take(8)
        .map(|(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}–{b}")
            }
        })
        .collect()
}

/// The warning: the share repeated overall and per part, and the lines of the passages.
fn finding(ctx: &mut Ctx, prev: &CheckResult, all: f64, by_part: &[PartShare], spans: &[Span]) {
    const R: &str = "text-repeated";
    let list = line_ranges(spans);
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
#[cfg(all(test, feature = "previous"))]
mod tests {
    use super::imp::prose_seq;
    use crate::normalize::Text;

    fn seq(t: &str) -> String {
        prose_seq(&Text::new(t)).iter().map(|x| x.0).collect()
    }

    #[test]
    fn chrome_preface_and_the_format_s_words_are_not_prose() {
        // What report_a.html's site puts around it, and the preface every report writes.
        for line in [
            "发布时间：2023-01-16 15:30  来源：区卫健局  浏览次数：128  字号：[大 中 小]",
            "主办单位：泉州市丰泽区人民政府办公室   联系电话：0595-22222222",
            "网站标识码：3505030001  闽ICP备05000000号  闽公网安备 35050302000000号",
            "版权所有：泉州市丰泽区人民政府 技术支持：某某网络科技有限公司 网站地图",
            "泉州市丰泽区卫生健康局2022年政府信息公开工作年度报告",
            "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求编制。本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。",
        ] {
            assert_eq!(seq(line), "", "{line}");
        }
        // Part 三's note, a line of its own in some texts: only its punctuation is left.
        let note = seq("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
        assert!(!note.chars().any(char::is_alphabetic), "{note}");
        // The report's own prose stays, less the 条例's name.
        assert_eq!(
            seq("2022年，我局认真贯彻落实《条例》，围绕卫生健康中心工作，不断加大公开力度。"),
            "#年,我局认真贯彻落实,围绕卫生健康中心工作,不断加大公开力度。"
        );
    }
}
