//! `article-citation`: captions of part 二's table cite 第二十条; the format document's number.

use super::Ctx;
use crate::result::{Severity, Status};
use crate::spec::Format;

pub fn check(ctx: &mut Ctx) {
    let before = ctx.findings.len();
    let captions = &ctx.active.captions;
    for c in captions {
        let Some(article) = &c.article else { continue };
        if article != "二十" && article != "20" {
            let mut f = ctx.finding(
                "article-citation",
                Some(2),
                format!("栏目标题“{}”引用了第{}条，应为第二十条", c.raw, article),
                format!(
                    "Caption \"{}\" cites article {}, not article 20 (第二十条)",
                    c.raw, article
                ),
            );
            f.line = Some(c.line);
            f.column = Some(c.col);
            f.table = Some("active");
            ctx.push(f);
        }
    }
    // Document numbers cited anywhere in the text, whatever brackets hold the year: 〔2021〕,
    // [2021], (2021), （2021）, 【2021】, ﹝2021﹞.
    for line in &ctx.text.lines {
        if !line.text.contains('号') || !line.text.contains(|c| bracket(c) == '〔') {
            continue;
        }
        // Brackets made one kind, character for character (columns stay), then blanks dropped.
        let same: String = line.text.chars().map(bracket).collect();
        let t: String = same.chars().filter(|c| !c.is_whitespace()).collect();
        let column = |pat: &str| {
            same.find(pat)
                .map(|b| line.column(same[..b].chars().count()))
        };
        if t.contains("国办发〔2021〕30号") {
            let mut f = ctx.finding(
                "article-citation",
                None,
                "文号“国办发〔2021〕30号”有误，年度报告格式的文号为国办公开办函〔2021〕30号".into(),
                "Document number 国办发〔2021〕30号 is wrong; the format is 国办公开办函〔2021〕30号".into(),
            );
            f.line = Some(line.no);
            f.column = column("国办发");
            ctx.push(f);
        }
        if ctx.expected == Some(Format::F2021) && t.contains("〔2019〕60号") {
            let mut f = ctx.finding(
                "article-citation",
                None,
                "2021年度及以后的报告引用了已被替代的格式文件国办公开办函〔2019〕60号".into(),
                "A report for 2021 or later cites the superseded format 国办公开办函〔2019〕60号"
                    .into(),
            );
            f.severity = Severity::Warning;
            f.line = Some(line.no);
            f.column = column("〔2019〕");
            ctx.push(f);
        }
    }
    if captions.is_empty() && !ctx.active.out.found {
        ctx.check(
            Some(2),
            "article-citation",
            Status::Skip,
            "未找到第二部分表格的栏目标题",
            "No captions found in part two's table",
        );
    } else {
        let n = captions.len();
        ctx.check_from(
            Some(2),
            "article-citation",
            before,
            (
                &format!("{n}个栏目标题均引用第二十条"),
                &format!("All {n} captions cite article 20"),
            ),
        );
    }
    let doc_findings: Vec<_> = ctx.findings[before..]
        .iter()
        .filter(|f| f.rule == "article-citation" && f.section.is_none())
        .cloned()
        .collect();
    if !doc_findings.is_empty() {
        let worst = doc_findings
            .iter()
            .map(|f| f.severity)
            .min()
            .unwrap_or(Severity::Warning);
        let status = if worst == Severity::Error {
            Status::Fail
        } else {
            Status::Warn
        };
        ctx.check(
            None,
            "article-citation",
            status,
            doc_findings[0].message.clone(),
            doc_findings[0].message_en.clone(),
        );
    }
}

/// A document number's brackets as one kind: opening ones as 〔, closing ones as 〕 (the text is
/// normalised: full-width （ and ［ are already ( and [).
fn bracket(c: char) -> char {
    match c {
        '〔' | '[' | '(' | '【' | '﹝' | '〖' => '〔',
        '〕' | ']' | ')' | '】' | '﹞' | '〗' => '〕',
        c => c,
    }
}
