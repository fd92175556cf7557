//! `text-year-mismatch`: Statistics period matches the year

declare_rule! {
    /// “统计期限”应为报告年度的1月1日至12月31日；年份不符通常是沿用了往年报告。
    ///
    /// ## 检查什么
    ///
    /// 在含“统计期限”的句子（到句号为止）中读出四位年份，任一年份与报告年度不同时记一处提示。没有这样的句子时不检查。
    ///
    /// ## 错误示例
    ///
    /// ```text
    /// 某市某区卫生健康局2023年政府信息公开工作年度报告
    /// ……本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。
    /// ```
    ///
    /// ## 正确示例
    ///
    /// ```text
    /// ……本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。
    /// ```
    ///
    /// ## 如何改正
    ///
    /// 把统计期限改为报告年度的1月1日至12月31日，并检查其余从上年报告沿用的文字和数据（见 stale-year、text-repeated）。
    ///
    /// # English
    ///
    /// The statistics period should be 1 January to 31 December of the report's year; another year usually means last year's report was reused.
    ///
    /// ## What it checks
    ///
    /// Reads the four-digit years in the sentence with 统计期限 (up to its full stop) and warns when any differs from the report's year. Not checked when there is no such sentence.
    ///
    /// ## Wrong
    ///
    /// ```text
    /// …2023年…年度报告
    /// …统计期限自2022年1月1日起至2022年12月31日止。 (2022 in a 2023 report)
    /// ```
    ///
    /// ## Right
    ///
    /// ```text
    /// …统计期限自2023年1月1日起至2023年12月31日止。
    /// ```
    ///
    /// ## How to fix
    ///
    /// Make the period 1 January to 31 December of the report's year, and check the rest of the text and figures carried over from last year's report (see stale-year, text-repeated).
    pub TextYearMismatch {
        name: "text-year-mismatch",
        severity: Warning,
        title: "统计期限与报告年度一致" / "Statistics period matches the year",
        basis: "条例第四十九条（报告上一年度的工作）"
            / "Regulations art. 49 (the report covers the previous year, 1 January to 31 December).",
    }
}

use super::Ctx;
use crate::result::Status;

pub(super) fn check(ctx: &mut Ctx) {
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
}
