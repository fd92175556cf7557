//! `overview-topics`: Overview covers the five topics

declare_rule! {
    /// 按2021年格式，“总体情况”应分别说明主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面。
    ///
    /// ## 检查什么
    ///
    /// 2021年度及以后的报告，在第一部分“总体情况”的正文中查找五个方面的关键词：主动公开；依申请；信息管理；平台；监督保障（或“监督”“保障”）。缺少的方面合并记一处提示并列出。
    ///
    /// ## 错误示例
    ///
    /// ```text
    /// 一、总体情况
    /// 2023年，我局认真落实主动公开要求……全年受理依申请公开12件……
    /// 二、主动公开政府信息情况
    /// （未写政府信息管理、平台建设、监督保障）
    /// ```
    ///
    /// ## 正确示例
    ///
    /// ```text
    /// 一、总体情况
    /// （一）主动公开……（二）依申请公开……（三）政府信息管理……（四）政府信息公开平台建设……（五）监督保障……
    /// ```
    ///
    /// ## 如何改正
    ///
    /// 在“总体情况”中按主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面分别说明（最好用小标题）；人民政府的报告在监督保障中写明工作考核、社会评议和责任追究结果。
    ///
    /// # English
    ///
    /// Under the 2021 format, part one should cover proactive disclosure, disclosure on request, information management, disclosure platforms, and supervision.
    ///
    /// ## What it checks
    ///
    /// For reports for 2021 and later: looks in part one's body for the five topics' key words: 主动公开; 依申请; 信息管理; 平台; 监督保障 (or 监督, 保障). Missing topics are listed in one warning.
    ///
    /// ## Wrong
    ///
    /// ```text
    /// 一、总体情况
    /// 2023年，我局认真落实主动公开要求……全年受理依申请公开12件……
    /// (nothing on information management, platforms or supervision)
    /// ```
    ///
    /// ## Right
    ///
    /// ```text
    /// 一、总体情况
    /// （一）主动公开… （二）依申请公开… （三）政府信息管理… （四）政府信息公开平台建设… （五）监督保障…
    /// ```
    ///
    /// ## How to fix
    ///
    /// Cover the five topics in part one, preferably under sub-headings: proactive disclosure, disclosure on request, information management, disclosure platforms, supervision; a people's government's report states appraisal, public review and accountability results under supervision.
    pub OverviewTopics {
        name: "overview-topics",
        severity: Warning,
        title: "总体情况涵盖五方面" / "Overview covers the five topics",
        basis: "国办公开办函〔2021〕30号年度报告格式“报告内容”第（一）项（总体情况）；条例第五十条第一款第（四）项"
            / "Format document 国办公开办函〔2021〕30号, report contents item (1) 总体情况 (proactive disclosure, disclosure on request, information management, platforms, supervision); Regulations art. 50 para. 1 item (4). F2021 only.",
    }
}

use super::Ctx;
use crate::spec::Format;

pub(super) fn check(ctx: &mut Ctx) {
    // Part 一 under F2021: the five topics.
    if ctx.expected == Some(Format::F2021) && ctx.section_found(1) {
        let body: String = ctx
            .structure
            .body(ctx.text, 1)
            .iter()
            .map(|l| l.key())
            .collect();
        let topics: [(&str, &[&str], &str); 5] = [
            ("主动公开", &["主动公开"], "proactive disclosure"),
            ("依申请公开", &["依申请"], "disclosure on request"),
            ("政府信息管理", &["信息管理"], "information management"),
            ("政府信息公开平台建设", &["平台"], "platforms"),
            ("监督保障", &["监督保障", "监督", "保障"], "supervision"),
        ];
        let missing: Vec<&(&str, &[&str], &str)> = topics
            .iter()
            .filter(|(_, words, _)| !words.iter().any(|w| body.contains(w)))
            .collect();
        let before = ctx.findings.len();
        if !missing.is_empty() {
            let (s, column) = (ctx.heading_line(1), ctx.heading_column(1));
            let mut f = ctx.finding(
                "overview-topics",
                Some(1),
                format!(
                    "“总体情况”未涉及：{}",
                    missing.iter().map(|m| m.0).collect::<Vec<_>>().join("、")
                ),
                format!(
                    "Part one does not cover: {}",
                    missing.iter().map(|m| m.2).collect::<Vec<_>>().join(", ")
                ),
            );
            f.line = s;
            f.column = s.and(column);
            ctx.push(f);
        }
        ctx.check_from(
            Some(1),
            "overview-topics",
            before,
            ("五个方面均有说明", "All five topics are covered"),
        );
    }

}
