//! `title-format`, `publish-deadline`, `format-year-mismatch`.

use super::Ctx;
use crate::normalize::key;
use crate::result::{Severity, Status};

/// What kind of body an agency is, for the deadline of 条例第四十九条.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgencyKind {
    /// A county-or-higher people's government reporting on itself: 31 March.
    Government,
    /// A town or street office: follows its county (checked against 31 January, as a warning).
    Town,
    /// A government department: 31 January.
    Department,
}

pub fn agency_kind(agency: &str) -> AgencyKind {
    let a = agency.trim();
    if a.ends_with("人民政府") || (a.ends_with("政府") && !a.contains("办公")) {
        // The level is the place's last word: 乡宁县 and 镇江市 are a county and a city.
        let place = a.trim_end_matches("政府").trim_end_matches("人民");
        if place.ends_with('镇') || place.ends_with('乡') || place.ends_with("街道") {
            AgencyKind::Town
        } else {
            AgencyKind::Government
        }
    } else if a.ends_with("街道办事处")
        || a.ends_with("街道")
        || a.ends_with("镇")
        || a.ends_with("乡")
    {
        AgencyKind::Town
    } else {
        AgencyKind::Department
    }
}

/// The deadline (y, m, d) for a report of `year` by `kind`.
pub fn deadline(year: i32, kind: AgencyKind) -> (i32, u32, u32) {
    match kind {
        AgencyKind::Government => (year + 1, 3, 31),
        _ => (year + 1, 1, 31),
    }
}

pub fn check(ctx: &mut Ctx) {
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

    // Format vs year.
    match (ctx.detected, ctx.expected) {
        (Some(d), Some(e)) => {
            let before = ctx.findings.len();
            if d != e {
                let mut f = ctx.finding(
                    "format-year-mismatch",
                    None,
                    format!(
                        "{}年度报告应使用{}年格式（{}），但表格为{}年格式",
                        meta.year.unwrap_or(0), e.name(), e.document(), d.name()
                    ),
                    format!(
                        "A report for {} should use the {} format ({}), but its tables are in the {} format",
                        meta.year.unwrap_or(0), e.name(), e.document(), d.name()
                    ),
                );
                f.line = ctx.active.out.line.or(title_line);
                ctx.push(f);
            }
            ctx.check_from(
                None,
                "format-year-mismatch",
                before,
                (
                    &format!("{}年格式，与年度相符", d.name()),
                    &format!("{} format, matching the year", d.name()),
                ),
            );
        }
        (None, _) => ctx.check(
            None,
            "format-year-mismatch",
            Status::Skip,
            "表格栏目不足以判断格式",
            "Tables do not show which format",
        ),
        (_, None) => ctx.check(
            None,
            "format-year-mismatch",
            Status::Skip,
            "报告年度不明",
            "Report year unknown",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        assert_eq!(
            agency_kind("泉州市丰泽区卫生健康局"),
            AgencyKind::Department
        );
        assert_eq!(agency_kind("漳平市人民政府"), AgencyKind::Government);
        assert_eq!(agency_kind("漳平市人民政府办公室"), AgencyKind::Department);
        assert_eq!(agency_kind("黄陂区前川街道办事处"), AgencyKind::Town);
        assert_eq!(deadline(2020, AgencyKind::Department), (2021, 1, 31));
    }
}
