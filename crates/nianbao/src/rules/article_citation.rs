//! `article-citation`: Correct article and document citations

declare_rule! {
    /// 第二部分表格的栏目标题应引用《条例》第二十条（如“第二十条第（一）项”）；格式文件的文号应为国办公开办函〔2019〕60号或国办公开办函〔2021〕30号。
    ///
    /// ## 检查什么
    ///
    /// 三件事：①第二部分表格的栏目标题引用的条文应为第二十条，引用其他条（如“第三十条第（一）项”）的每个标题记一处错误；②全文中出现“国办发〔2021〕30号”（格式文件的文号写错）记一处错误；③2021年度及以后的报告引用已被替代的“〔2019〕60号”记一处提示。年份用〔〕、（）、[]、【】或﹝﹞括起都能识别。
    ///
    /// ## 错误示例
    ///
    /// ```text
    /// 第三十条第（一）项
    /// 信息内容	本年制发件数	本年废止件数	现行有效件数
    /// ……
    /// 本报告依据国办发〔2021〕30号编制。
    /// ```
    ///
    /// ## 正确示例
    ///
    /// ```text
    /// 第二十条第（一）项
    /// 信息内容	本年制发件数	本年废止件数	现行有效件数
    /// ……
    /// 本报告依据国办公开办函〔2021〕30号编制。
    /// ```
    ///
    /// ## 如何改正
    ///
    /// 栏目标题照格式写“第二十条第（一）项”“第二十条第（五）项”“第二十条第（六）项”“第二十条第（八）项”（2019年格式另有“第二十条第（九）项”）；格式文件的文号写作国办公开办函〔2021〕30号（2019、2020年度为国办公开办函〔2019〕60号）。
    ///
    /// # English
    ///
    /// Captions of part two's table must cite article 20 of the regulations (第二十条第（一）项 …); the format document is 国办公开办函〔2019〕60号 or 国办公开办函〔2021〕30号.
    ///
    /// ## What it checks
    ///
    /// Three things: (1) the captions of part two's table must cite article 20: each caption citing another article (第三十条第（一）项) is an error; (2) 国办发〔2021〕30号 anywhere in the text (a wrong number for the format document) is an error; (3) a report for 2021 or later citing the superseded 〔2019〕60号 gets a warning. The year may stand in 〔〕, （）, [], 【】 or ﹝﹞.
    ///
    /// ## Wrong
    ///
    /// ```text
    /// 第三十条第（一）项 (article 30)
    /// …
    /// 本报告依据国办发〔2021〕30号编制。 (wrong document number)
    /// ```
    ///
    /// ## Right
    ///
    /// ```text
    /// 第二十条第（一）项 (article 20)
    /// …
    /// 本报告依据国办公开办函〔2021〕30号编制。
    /// ```
    ///
    /// ## How to fix
    ///
    /// Write the captions as the format does: 第二十条第（一）项, 第二十条第（五）项, 第二十条第（六）项, 第二十条第（八）项 (and 第二十条第（九）项 in F2019); the format document is 国办公开办函〔2021〕30号 (for 2019 and 2020: 国办公开办函〔2019〕60号).
    pub ArticleCitation {
        name: "article-citation",
        severity: Error,
        also: [
            Warning: "2021年度及以后的报告引用了已被替代的国办公开办函〔2019〕60号" / "a report for 2021 or later cites the superseded 国办公开办函〔2019〕60号",
        ],
        title: "引用条款和文号正确" / "Correct article and document citations",
        basis: "条例第二十条第（一）、（五）、（六）、（八）、（九）项；国办公开办函〔2019〕60号、国办公开办函〔2021〕30号（文号）"
            / "Regulations art. 20 items (1), (5), (6), (8), (9) (cited in the captions of part two's table); document numbers 国办公开办函〔2019〕60号 and 国办公开办函〔2021〕30号.",
    }
}

use super::Ctx;
use crate::result::{Severity, Status};
use crate::spec::Format;

pub(super) fn check(ctx: &mut Ctx) {
    let before = ctx.findings.len();
    captions(ctx);
    document_numbers(ctx);
    record(ctx, before);
}

/// Captions of part 二's table that cite another article than 第二十条.
fn captions(ctx: &mut Ctx) {
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
}

/// Document numbers cited anywhere in the text, whatever brackets hold the year.
fn document_numbers(ctx: &mut Ctx) {
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
}

/// The checks: part 二's (captions) and the document's (document numbers).
fn record(ctx: &mut Ctx, before: usize) {
    let captions = &ctx.active.captions;
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
