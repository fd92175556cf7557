//! `publish-deadline`: Published on time

declare_rule! {
    /// 《条例》第四十九条：县级以上人民政府部门应在每年1月31日前公布上一年度报告，县级以上地方人民政府应在3月31日前公布本级政府的报告；乡镇、街道按所在县（区）的要求执行。落款日期晚于期限即为逾期。
    ///
    /// ## 检查什么
    ///
    /// 读出报告年度和落款日期，按机关名称判断期限：县级以上地方人民政府（名称以“人民政府”结尾）为次年3月31日，政府部门为次年1月31日，乡镇、街道按所在县（区）要求执行，这里按1月31日提示。乡镇以所辖地方名称的最后一字判断（“某县某镇人民政府”是乡镇，“乡宁县人民政府”“镇江市人民政府”不是）。落款晚于期限：政府和部门记一处错误，乡镇街道记一处提示。落款早于报告年度结束（如2023年度报告落款2023年12月）也提示核对。年度或落款找不到时不作判定。
    ///
    /// ## 错误示例
    ///
    /// ```text
    /// 某市某区卫生健康局2020年政府信息公开工作年度报告
    /// ……
    /// 某市某区卫生健康局
    /// 2021年2月5日
    /// ```
    ///
    /// ## 正确示例
    ///
    /// ```text
    /// 某市某区卫生健康局2020年政府信息公开工作年度报告
    /// ……
    /// 某市某区卫生健康局
    /// 2021年1月25日
    /// ```
    ///
    /// ## 如何改正
    ///
    /// 按期公布年度报告：部门在次年1月31日前，县级以上地方人民政府在3月31日前。落款日期应为实际印发日期；已逾期的，应尽快公布并在报告中说明。
    ///
    /// # English
    ///
    /// Article 49: government departments publish the previous year's report by 31 January, county-or-higher governments their own by 31 March; towns and street offices follow their county. A closing date after the deadline is late.
    ///
    /// ## What it checks
    ///
    /// Reads the report's year and its closing date and takes the deadline from the agency's name: a county-or-higher local government (name ending in 人民政府) 31 March of the next year, a department 31 January; towns and street offices follow their county and are checked against 31 January as a warning. A town is told by the last word of the place's name (某县某镇人民政府 is a town; 乡宁县人民政府 and 镇江市人民政府 are not). A closing date after the deadline is an error (a warning for towns and street offices). A date before the reported year ends (December 2023 for the 2023 report) is flagged too. Not decided without a year or a closing date.
    ///
    /// ## Wrong
    ///
    /// ```text
    /// 某市某区卫生健康局2020年政府信息公开工作年度报告 (a department)
    /// …
    /// 2021年2月5日 (after 31 January 2021)
    /// ```
    ///
    /// ## Right
    ///
    /// ```text
    /// …
    /// 2021年1月25日 (before 31 January 2021)
    /// ```
    ///
    /// ## How to fix
    ///
    /// Publish on time: departments by 31 January, county-or-higher governments by 31 March. The closing date should be the real date of issue; a late report should be published as soon as possible and say why.
    pub PublishDeadline {
        name: "publish-deadline",
        severity: Error,
        also: [
            Warning: "乡镇、街道的落款日期晚于期限（按所在县的要求执行）" / "a town or street office dates its report after the deadline (it follows its county)",
            Warning: "落款日期早于统计年度结束" / "the closing date is before the end of the reported year",
        ],
        title: "按期公布" / "Published on time",
        basis: "条例第四十九条（县级以上人民政府部门1月31日前，县级以上地方人民政府3月31日前）"
            / "Regulations art. 49: departments of governments at county level and above by 31 January; county-or-higher local governments their own report by 31 March.",
    }
}

use super::helpers::agency::{agency_kind, deadline, AgencyKind};
use super::Ctx;
use crate::result::{Severity, Status};

pub(super) fn check(ctx: &mut Ctx) {
    let meta = &ctx.structure.meta;
    // Deadline.
    match (meta.year, meta.published) {
        (Some(year), Some(((y, m, d), idx))) => {
            let kind = agency_kind(meta.agency.as_deref().unwrap_or(""));
            let dl = deadline(year, kind);
            let before = ctx.findings.len();
            if (y, m, d) > dl {
                let who = match kind {
                    AgencyKind::Government => "县级以上地方人民政府",
                    AgencyKind::Town => "乡镇、街道（按所在县区要求，通常同政府部门）",
                    AgencyKind::Department => "政府部门",
                };
                let mut f = ctx.finding(
                    "publish-deadline",
                    None,
                    format!(
                        "落款日期{y}年{m}月{d}日晚于《条例》第四十九条规定的期限{}年{}月{}日（{who}）",
                        dl.0, dl.1, dl.2
                    ),
                    format!(
                        "Closing date {y}-{m:02}-{d:02} is after the deadline {}-{:02}-{:02} of article 49",
                        dl.0, dl.1, dl.2
                    ),
                );
                f.line = Some(ctx.text.lines[idx].no);
                f.column = Some(ctx.text.lines[idx].column(0));
                if kind == AgencyKind::Town {
                    f.severity = Severity::Warning;
                }
                ctx.push(f);
            } else if (y, m, d) <= (year, 12, 31) {
                let mut f = ctx.finding(
                    "publish-deadline",
                    None,
                    format!("落款日期{y}年{m}月{d}日早于统计年度{year}年结束，请核对年份"),
                    format!("Closing date {y}-{m:02}-{d:02} is before the end of the reported year {year}"),
                );
                f.severity = Severity::Warning;
                f.line = Some(ctx.text.lines[idx].no);
                f.column = Some(ctx.text.lines[idx].column(0));
                ctx.push(f);
            }
            ctx.check_from(
                None,
                "publish-deadline",
                before,
                (
                    &format!(
                        "落款日期{y}年{m}月{d}日，未超过期限{}年{}月{}日",
                        dl.0, dl.1, dl.2
                    ),
                    &format!(
                        "Closing date {y}-{m:02}-{d:02} is within the deadline {}-{:02}-{:02}",
                        dl.0, dl.1, dl.2
                    ),
                ),
            );
        }
        (None, _) => ctx.check(
            None,
            "publish-deadline",
            Status::Skip,
            "报告年度不明，无法判定期限",
            "Report year unknown",
        ),
        (_, None) => ctx.check(
            None,
            "publish-deadline",
            Status::Skip,
            "未找到落款日期，无法判定是否按期公布",
            "No closing date found",
        ),
    }

}
