//! `stale-year`: No stray last year in the prose

declare_rule! {
    /// 本年度报告正文中出现上一年份（如2024年度报告写“2023年，我局……”），且不在同比、较上年等比较语境中，通常是沿用去年报告未改。
    ///
    /// ## 检查什么
    ///
    /// 在报告年度为Y的正文（不含标题和表格行）中，按句（句号、分号为界）查找“Y−1年”：不是更长数字的一部分、不是年份区间（如“2022年至2023年”），且句中没有同比、较上年、去年、相比、上一年、统计期限、以来、修订、印发、发布的等比较或引用文件的词，也不是引用某《条例》的句子。每行最多记一处提示。
    ///
    /// ## 错误示例
    ///
    /// ```text
    /// 某镇人民政府2023年政府信息公开工作年度报告
    /// ……2022年，我镇在镇政府网站主动公开政府信息156条。
    /// ```
    ///
    /// ## 正确示例
    ///
    /// ```text
    /// ……2023年，我镇在镇政府网站主动公开政府信息168条，较2022年增加12条。
    /// ```
    ///
    /// ## 如何改正
    ///
    /// 核对该句是否沿用了上年报告：改为本年度的情况和数字；确实在说上一年的，写成比较的形式（如“较2022年”“比上年”）。
    ///
    /// # English
    ///
    /// Last year's year in this year's prose ("2023年，我局…" in a 2024 report), outside comparisons with last year, usually means last year's text was reused.
    ///
    /// ## What it checks
    ///
    /// In the prose of a report for year Y (title and table rows excluded), looks sentence by sentence (split at 。 and ；) for “Y−1年” that is not part of a longer number or a range (2022年至2023年), in a sentence without words of comparison or citation (同比, 较上年, 去年, 相比, 上一年, 统计期限, 以来, 修订, 印发, 发布的 …) and not citing a 《…条例》. At most one warning per line.
    ///
    /// ## Wrong
    ///
    /// ```text
    /// …2023年…年度报告
    /// …2022年，我镇在镇政府网站主动公开政府信息156条。 (“In 2022, our town published …” in the 2023 report)
    /// ```
    ///
    /// ## Right
    ///
    /// ```text
    /// …2023年，我镇…主动公开政府信息168条，较2022年增加12条。 (this year's work; last year only in a comparison)
    /// ```
    ///
    /// ## How to fix
    ///
    /// Check whether the sentence was carried over from last year's report: describe this year's work and figures; where last year is really meant, phrase it as a comparison (较2022年, 比上年).
    pub StaleYear {
        name: "stale-year",
        severity: Warning,
        title: "正文无遗留的上年年份" / "No stray last year in the prose",
        basis: "国办公开办函〔2021〕30号（四）明确责任（与往年内容雷同）；条例第四十九条、第四十七条"
            / "Format document 国办公开办函〔2021〕30号, (4) responsibilities (content copied from earlier years); Regulations art. 49, art. 47.",
    }
}

use super::Ctx;
use crate::prose::{any, ProseLine};
use crate::result::Status;

pub(super) fn check(ctx: &mut Ctx) {
    if let Some(year) = ctx.structure.meta.year {
        stale(ctx, year);
    }
}

/// Words that make a sentence a comparison with last year, a reference to an older text, or a
/// normal mention of last year: its final accounts (决算) and their audit are published this
/// year, last year's annual report too, and requests carried over from it are handled this year.
const SKIP: [&str; 20] = [
    "较20",
    "比20",
    "同比",
    "上年",
    "去年",
    "相比",
    "上一年",
    "统计期限",
    "以来",
    "修订",
    "印发",
    "发布的",
    "年至",
    "年到",
    "决算",
    "预算执行",
    "审计",
    "年度报告",
    "年报",
    "结转",
];

/// Words of part 五 that name last year's problems and their correction (the part is "存在的
/// 主要问题及改进情况"; "上年度问题的改进情况" belongs there).
const PART5: [&str; 5] = ["问题", "整改", "改进", "不足", "落实情况"];

/// `stale-year`: "2023年" in a 2024 report's prose, outside comparisons.
fn stale(ctx: &mut Ctx, year: i32) {
    let before = ctx.findings.len();
    let prev = (year - 1).to_string();
    let title = ctx.structure.meta.title_index;
    for &ProseLine { index: i, line, .. } in ctx.prose {
        if Some(i) == title || !line.text.contains(&prev) {
            continue;
        }
        let mut col = 0;
        for s in line.text.split_inclusive(['。', '；', ';']) {
            let at = col;
            col += s.chars().count();
            let Some(b) = s.match_indices(&prev).map(|(b, _)| b).find(|&b| {
                let after = s[b + 4..].trim_start();
                after.starts_with('年')
                    && !s[..b].ends_with(|c: char| c.is_ascii_digit() || "至到-—~".contains(c))
                    && !after[3..]
                        .trim_start()
                        .starts_with(['至', '到', '-', '—', '~'])
            }) else {
                continue;
            };
            if any(s, &SKIP)
                || s.contains('《') && s.contains("条例")
                || ctx.structure.section_at(i) == Some(5) && any(s, &PART5)
            {
                continue;
            }
            let c = at + s[..b].chars().count() + 1;
            let quote: String = s.chars().skip(s[..b].chars().count()).take(24).collect();
            let mut f = ctx.finding(
                "stale-year",
                ctx.structure.section_at(i),
                format!("{year}年度报告的正文写有“{quote}…”，{prev}年是上一年度：是否沿用了去年的文字？"),
                format!("The {year} report's prose says \"{quote}…\": {prev} is last year; was last year's text reused?"),
            );
            f.line = Some(line.no);
            f.column = Some(line.col + c);
            f.expected = Some(year as f64);
            f.actual = Some((year - 1) as f64);
            ctx.push(f);
            break;
        }
    }
    let n = ctx.findings.len() - before;
    let (st, zh, en) = match ctx.findings[before..].first() {
        Some(f) if n > 1 => (
            Status::Warn,
            format!("{n}处：{}等", f.message),
            format!("{n} findings, e.g. {}", f.message_en),
        ),
        Some(f) => (Status::Warn, f.message.clone(), f.message_en.clone()),
        None => (
            Status::Pass,
            format!("正文中没有遗留的{prev}年"),
            format!("No stray {prev} in the prose"),
        ),
    };
    ctx.check(None, "stale-year", st, zh, en);
}
