//! `section-heading`: Heading wording

declare_rule! {
    /// 各部分标题应与格式规定的措辞一致（例如“一、总体情况”）。常见的变体（如“二、行政机关主动公开政府信息情况”）可以识别，但会提示修改。
    ///
    /// ## 检查什么
    ///
    /// 把找到的每个部分标题（忽略空格、标点和“#”等标记）与规定措辞比较。与规定一致的通过；已知的变体（如“二、行政机关主动公开政府信息情况”“一、总体概述”“六、其他需要报告事项”）和其他措辞（如“一、2023年政务公开总体情况”）各记一处提示，指向该标题。
    ///
    /// ## 错误示例
    ///
    /// ```text
    /// 二、行政机关主动公开政府信息情况
    /// 四、因政府信息公开工作被申请行政复议、提起行政诉讼情况
    /// ```
    ///
    /// ## 正确示例
    ///
    /// ```text
    /// 二、主动公开政府信息情况
    /// 四、政府信息公开行政复议、行政诉讼情况
    /// ```
    ///
    /// ## 如何改正
    ///
    /// 把标题改为规定的措辞：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。年份、机关名称等写在正文里，不写进标题。
    ///
    /// # English
    ///
    /// Each part's heading should use the official wording (e.g. 一、总体情况). Common variants are recognised but flagged so the wording can be aligned.
    ///
    /// ## What it checks
    ///
    /// Compares each heading found (ignoring spaces, punctuation and marks like #) with the official wording. Official wording passes; a known variant (二、行政机关主动公开政府信息情况, 一、总体概述, 六、其他需要报告事项) or other wording (一、2023年政务公开总体情况) is one warning, at the heading.
    ///
    /// ## Wrong
    ///
    /// ```text
    /// 二、行政机关主动公开政府信息情况
    /// 四、因政府信息公开工作被申请行政复议、提起行政诉讼情况
    /// (wording of older templates)
    /// ```
    ///
    /// ## Right
    ///
    /// ```text
    /// 二、主动公开政府信息情况
    /// 四、政府信息公开行政复议、行政诉讼情况
    /// ```
    ///
    /// ## How to fix
    ///
    /// Use the official headings: 一、总体情况; 二、主动公开政府信息情况; 三、收到和处理政府信息公开申请情况; 四、政府信息公开行政复议、行政诉讼情况; 五、存在的主要问题及改进情况; 六、其他需要报告的事项. Years and agency names go in the text, not in the heading.
    pub SectionHeading {
        name: "section-heading",
        severity: Warning,
        title: "标题与规定一致" / "Heading wording",
        basis: "国办公开办函〔2021〕30号（年度报告格式）各部分标题；条例第五十条第二款（统一格式）"
            / "Format document 国办公开办函〔2021〕30号 (F2019: 〔2019〕60号): the parts' headings; Regulations art. 50 para. 2 (a uniform format).",
    }
}

use super::{Ctx, Rule};
use crate::sections::Wording;
use crate::spec::SECTIONS;

pub(super) fn check(ctx: &mut Ctx) {
    for spec in &SECTIONS {
        let n = spec.number;
        let official = format!("{}、{}", spec.numeral, spec.title);
        let Some(s) = ctx.structure.sections[n as usize - 1].clone() else {
            continue;
        };
        let line = ctx.text.lines[s.index].no;
        let before = ctx.findings.len();
        if s.wording != Wording::Official {
            let mut f = ctx.finding(
                SectionHeading::NAME,
                Some(n),
                format!(
                    "第{}部分标题“{}”与规定的“{}”不一致",
                    spec.numeral, s.heading, official
                ),
                format!(
                    "Heading of part {n} \"{}\" differs from the official \"{official}\"",
                    s.heading
                ),
            );
            f.line = Some(line);
            f.column = Some(ctx.text.lines[s.index].column(0));
            ctx.push(f);
        }
        ctx.check_from(
            Some(n),
            SectionHeading::NAME,
            before,
            ("标题与规定一致", "Heading matches the official wording"),
        );
    }
}
