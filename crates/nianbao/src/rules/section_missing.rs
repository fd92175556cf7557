//! `section-missing`: All six parts present

declare_rule! {
    /// 年度报告必须包含格式规定的六个部分：总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。缺少任何一部分即不符合格式。
    ///
    /// ## 检查什么
    ///
    /// 按标题找出六个部分。标题以“一、”至“六、”（或“一.”“一 ”）开头，后接该部分的关键词（总体、主动公开、申请、行政复议、问题、其他……报告），可带“#”、空格或常见措辞变体。每缺一个部分记一处错误，该部分在检查清单中标为未通过，其表格检查也无法进行。第三部分表格中以“一、”至“四、”开头的数据行（如“一、本年新收政府信息公开申请数量”）不算部分标题。
    ///
    /// ## 错误示例
    ///
    /// ```text
    /// 四、政府信息公开行政复议、行政诉讼情况
    /// （表格）
    /// 六、其他需要报告的事项
    /// 本机关2023年未收取信息处理费。
    /// （没有第五部分，问题和改进措施写进了第一部分末尾）
    /// ```
    ///
    /// ## 正确示例
    ///
    /// ```text
    /// 四、政府信息公开行政复议、行政诉讼情况
    /// （表格）
    /// 五、存在的主要问题及改进情况
    /// 一是部分栏目更新不及时……下一步，我局将……
    /// 六、其他需要报告的事项
    /// 本机关2023年未收取信息处理费。
    /// ```
    ///
    /// ## 如何改正
    ///
    /// 按格式补上缺少的部分，标题单独成行，用“五、”这样的编号和规定的措辞（如“五、存在的主要问题及改进情况”）。某部分确无内容时也保留标题并写明情况，例如“本年度无其他需要报告的事项”。如果该部分其实写了，只是标题写成“（五）”或与上一段连在一起，把标题改成规定的形式即可。
    ///
    /// # English
    ///
    /// The report must have the six parts the national format prescribes (overview; proactive disclosure; requests received and handled; administrative review and litigation; main problems and improvements; other matters). A missing part fails the format.
    ///
    /// ## What it checks
    ///
    /// Finds the six parts by their headings: 一、 to 六、 (or 一. / 一 followed by a space) and then the part's key word (总体, 主动公开, 申请, 行政复议, 问题, 其他…报告), with markdown #, stray spaces or common wording variants allowed. Each part not found is one error; the part fails in the checklist and its table cannot be checked. Data rows of part three's table that start with 一、 to 四、 (一、本年新收政府信息公开申请数量 …) are not part headings.
    ///
    /// ## Wrong
    ///
    /// ```text
    /// 四、政府信息公开行政复议、行政诉讼情况
    /// (table)
    /// 六、其他需要报告的事项
    /// 本机关2023年未收取信息处理费。
    /// (No part five: the problems and improvements were written at the end of part one.)
    /// ```
    ///
    /// ## Right
    ///
    /// ```text
    /// The same report with part five in its place:
    /// 五、存在的主要问题及改进情况
    /// 一是部分栏目更新不及时……下一步，我局将……
    /// between parts four and six.
    /// ```
    ///
    /// ## How to fix
    ///
    /// Add the missing part with its heading on a line of its own, numbered like 五、 and worded as the format says (五、存在的主要问题及改进情况). A part with nothing to report keeps its heading and says so (本年度无其他需要报告的事项). If the part is there but its heading reads （五） or runs into the paragraph before, give it the prescribed form.
    pub SectionMissing {
        name: "section-missing",
        severity: Error,
        title: "六个部分齐全" / "All six parts present",
        basis: "国办公开办函〔2021〕30号（年度报告格式）六个部分；条例第五十条第一款第（一）至（五）项"
            / "Format document 国办公开办函〔2021〕30号 (F2019: 国办公开办函〔2019〕60号): the six parts; Regulations on Open Government Information (2019), art. 50 para. 1 items (1)–(5).",
    }
}

use super::{Ctx, Rule};
use crate::result::Status;
use crate::spec::SECTIONS;

pub(super) fn check(ctx: &mut Ctx) {
    for spec in &SECTIONS {
        let n = spec.number;
        let official = format!("{}、{}", spec.numeral, spec.title);
        match &ctx.structure.sections[n as usize - 1] {
            None => {
                let f = ctx.finding(
                    SectionMissing::NAME,
                    Some(n),
                    format!("缺少第{}部分“{}”", spec.numeral, official),
                    format!("Part {n} ({official}) is missing"),
                );
                ctx.push(f);
                ctx.check(
                    Some(n),
                    SectionMissing::NAME,
                    Status::Fail,
                    format!("未找到“{official}”"),
                    format!("{official} not found"),
                );
            }
            Some(s) => {
                let line = ctx.text.lines[s.index].no;
                ctx.check(
                    Some(n),
                    SectionMissing::NAME,
                    Status::Pass,
                    format!("第{line}行"),
                    format!("line {line}"),
                );
            }
        }
    }
}
