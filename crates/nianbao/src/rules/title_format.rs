//! `title-format`: Title form

declare_rule! {
    /// 标题应为“<机关全称><YYYY>年政府信息公开工作年度报告”。常见偏差：缺“工作”二字、把“年”写成“年度”、缺年份或机关名称。
    ///
    /// ## 检查什么
    ///
    /// 读出报告标题，检查：有机关名称、有年份（年份在机关名称之后）、有“工作”二字、没有把“年”写成“年度”，整体为“<机关><YYYY>年政府信息公开工作年度报告”。不符合的列出各项问题，记一处提示；标题中没有年份时为错误（报告年度只能从正文推断）。找不到标题也记一处提示。
    ///
    /// ## 错误示例
    ///
    /// ```text
    /// 某市某区卫生健康局2023年度政府信息公开年度报告
    /// ```
    ///
    /// ## 正确示例
    ///
    /// ```text
    /// 某市某区卫生健康局2023年政府信息公开工作年度报告
    /// ```
    ///
    /// ## 如何改正
    ///
    /// 把标题改为“机关全称+年份+年政府信息公开工作年度报告”，单独放在第一行。
    ///
    /// # English
    ///
    /// The title should read <agency><YYYY>年政府信息公开工作年度报告. Common deviations: 工作 missing, 年度 for 年, no year, no agency.
    ///
    /// ## What it checks
    ///
    /// Reads the title and checks: an agency name, a year (after the agency), the word 工作, 年 rather than 年度, and overall the form <agency><YYYY>年政府信息公开工作年度报告. Deviations are listed in one warning; no year in the title is an error (the year can then only be guessed from the text). No title found is also a warning.
    ///
    /// ## Wrong
    ///
    /// ```text
    /// 某市某区卫生健康局2023年度政府信息公开年度报告
    /// (年度 for 年, and 工作 missing)
    /// ```
    ///
    /// ## Right
    ///
    /// ```text
    /// 某市某区卫生健康局2023年政府信息公开工作年度报告
    /// ```
    ///
    /// ## How to fix
    ///
    /// Make the title the agency's full name + the year + 年政府信息公开工作年度报告, on the first line by itself.
    pub TitleFormat {
        name: "title-format",
        severity: Warning,
        also: [
            Error: "标题中没有年份" / "the title has no year",
        ],
        title: "标题规范" / "Title form",
        basis: "国办公开办函〔2021〕30号（年度报告格式）；条例第四十九条、第五十条（“政府信息公开工作年度报告”）"
            / "Format document 国办公开办函〔2021〕30号 (F2019: 〔2019〕60号); Regulations art. 49 and art. 50 (the report's name: 政府信息公开工作年度报告).",
    }
}

use super::Ctx;
use crate::normalize::key;
use crate::result::Severity;

pub(super) fn check(ctx: &mut Ctx) {
    let meta = ctx.structure.meta.clone();
    let title_line = meta.title_index.map(|i| ctx.text.lines[i].no);
    // Title.
    let before = ctx.findings.len();
    match &meta.title {
        None => {
            let f = ctx.finding(
                "title-format",
                None,
                "未找到报告标题（应为“<机关><YYYY>年政府信息公开工作年度报告”）".into(),
                "No title found (expected <agency><YYYY>年政府信息公开工作年度报告)".into(),
            );
            ctx.push(f);
        }
        Some(title) => {
            let k = key(title);
            let mut problems: Vec<(&str, &str)> = Vec::new();
            if meta.agency.is_none() {
                problems.push(("缺少机关名称", "no agency name"));
            }
            if meta.year_first {
                problems.push((
                    "年份写在了机关名称之前",
                    "the year stands before the agency",
                ));
            }
            if !meta.year_from_title {
                problems.push(("缺少年份", "no year"));
            }
            if !k.contains("工作") {
                problems.push(("缺少“工作”二字", "工作 missing"));
            }
            if meta
                .year
                .is_some_and(|y| k.contains(&format!("{y}年度政府")))
            {
                problems.push(("“年”写成了“年度”", "年度 written for 年"));
            }
            if problems.is_empty() {
                let expect = key(&format!(
                    "{}{}年政府信息公开工作年度报告",
                    meta.agency.clone().unwrap_or_default(),
                    meta.year.unwrap_or(0)
                ));
                if k != expect {
                    problems.push(("与规定格式不一致", "differs from the prescribed form"));
                }
            }
            if !problems.is_empty() {
                let zh: Vec<&str> = problems.iter().map(|p| p.0).collect();
                let en: Vec<&str> = problems.iter().map(|p| p.1).collect();
                let mut f = ctx.finding(
                    "title-format",
                    None,
                    format!(
                        "标题“{title}”{}，应为“<机关><YYYY>年政府信息公开工作年度报告”",
                        zh.join("，")
                    ),
                    format!(
                        "Title \"{title}\": {}; expected <agency><YYYY>年政府信息公开工作年度报告",
                        en.join("; ")
                    ),
                );
                f.line = title_line;
                f.column = meta.title_index.map(|i| ctx.text.lines[i].column(0));
                if !meta.year_from_title {
                    f.severity = Severity::Error;
                }
                ctx.push(f);
            }
        }
    }
    ctx.check_from(
        None,
        "title-format",
        before,
        ("标题符合规定格式", "Title has the prescribed form"),
    );

}
