//! `text-year-mismatch` (the 统计期限 sentence names another year) and `stale-year` (last year's
//! year left in this year's prose, outside comparisons with last year).

use super::Ctx;
use crate::prose::{any, ProseLine};
use crate::result::Status;

pub fn check(ctx: &mut Ctx) {
    let Some(year) = ctx.structure.meta.year else {
        return;
    };
    // The statistics period: 统计期限…2020年1月1日…2020年12月31日.
    let before_year = ctx.findings.len();
    let mut seen = false;
    for (index, line) in ctx.text.lines.iter().enumerate() {
        // Spaces may stand between the words' characters, not replace them.
        if !line.text.contains('统') || !line.text.contains('限') {
            continue;
        }
        let t: String = line.text.chars().filter(|c| !c.is_whitespace()).collect();
        let Some(at) = t.find("统计期限") else {
            continue;
        };
        let rest = &t[at..];
        let end = rest.find('。').unwrap_or(rest.len());
        let years: Vec<i32> = rest[..end]
            .split(|c: char| !c.is_ascii_digit())
            .filter(|x| x.len() == 4)
            .filter_map(|x| x.parse().ok())
            .filter(|y| (2000..2100).contains(y))
            .collect();
        if years.is_empty() {
            continue;
        }
        seen = true;
        if let Some(bad) = years.iter().find(|y| **y != year) {
            let mut f = ctx.finding(
                "text-year-mismatch",
                ctx.structure.section_at(index),
                format!("统计期限写的是{bad}年，报告年度为{year}年"),
                format!("The statistics period names {bad}, the report is for {year}"),
            );
            f.line = Some(line.no);
            f.column = Some(
                line.column(
                    line.text
                        .find("统计")
                        .map(|b| line.text[..b].chars().count())
                        .unwrap_or(0),
                ),
            );
            f.expected = Some(year as f64);
            f.actual = Some(*bad as f64);
            ctx.push(f);
        }
    }
    if seen {
        let bad = ctx.findings[before_year..]
            .iter()
            .find(|f| f.rule == "text-year-mismatch")
            .map(|f| (f.message.clone(), f.message_en.clone()));
        match bad {
            Some((zh, en)) => ctx.check(None, "text-year-mismatch", Status::Warn, zh, en),
            None => ctx.check(
                None,
                "text-year-mismatch",
                Status::Pass,
                format!("统计期限为{year}年"),
                format!("The statistics period is {year}"),
            ),
        }
    }
    stale(ctx, year);
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
