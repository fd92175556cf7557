//! `active-published-total` and `regulations-authority`: plausibility of part 二's table.

use super::helpers::agency::{agency_kind, AgencyKind};
use super::Ctx;
use crate::result::{RowOut, Status};
use crate::spec::Format;

fn val(row: &RowOut, col: &str) -> Option<f64> {
    row.cell(col).and_then(|c| c.value)
}

/// Whether an agency may not make 规章 (立法法第九十一、九十三条: only State Council departments,
/// and the people's governments of provinces, autonomous regions, municipalities, cities with
/// districts and autonomous prefectures may), and whether it is at county level or below (for
/// the message). A name that does not tell (a city may or may not have districts; a provincial
/// department may report rules it drafted) is given the benefit of the doubt.
fn no_regulations(agency: &str) -> (bool, bool) {
    let a = agency.trim();
    let local = |c: char| "省市县区州盟旗".contains(c);
    // 教育部, 海关总署, 国家税务总局, 中国人民银行: State Council departments.
    let national = (a.starts_with("国家")
        || a.starts_with("国务院")
        || a.starts_with("中国")
        || a.starts_with("中华人民共和国")
        || a.ends_with('部')
        || a.ends_with('署')
        || a.ends_with("总局"))
        && !a.chars().any(local);
    // The place a government governs, by its last word: 海沧区, 乡宁县, 昌宁镇.
    let place = a.trim_end_matches("政府").trim_end_matches("人民");
    let district = |p: &str| p.ends_with('区') && !p.ends_with("自治区");
    let low_place = |p: &str| {
        district(p)
            || ["县", "旗", "镇", "乡", "街道"]
                .iter()
                .any(|w| p.ends_with(w))
    };
    let low = !a.is_empty()
        && !national
        && match agency_kind(a) {
            AgencyKind::Government => low_place(place),
            AgencyKind::Town => true,
            AgencyKind::Department => !a.contains('省') && !a.contains("自治区"),
        };
    let county_or_town = a.contains('县')
        || (a.contains('区') && !a.contains("自治区"))
        || a.contains('旗')
        || agency_kind(a) == AgencyKind::Town
        || low_place(place);
    (low, county_or_town)
}

pub fn check(ctx: &mut Ctx) {
    let t = &ctx.active.out;
    if !t.found {
        for r in ["active-published-total", "regulations-authority"] {
            ctx.check(Some(2), r, Status::Skip, "没有表格，无法检查", "No table");
        }
        return;
    }
    let before = ctx.findings.len();
    if ctx.format == Format::F2019 {
        for row in t
            .rows
            .iter()
            .filter(|r| r.found && r.block.as_deref() == Some("一"))
        {
            if let (Some(p), Some(tot)) = (val(row, "published"), val(row, "total_published")) {
                if p > tot {
                    let mut f = ctx.finding(
                        "active-published-total",
                        Some(2),
                        format!(
                            "{}：本年新公开数量{}大于对外公开总数量{}",
                            row.label, p, tot
                        ),
                        format!(
                            "{}: published this year ({p}) exceeds total published ({tot})",
                            row.label
                        ),
                    );
                    f.line = row.line;
                    f.column = row.column;
                    f.table = Some("active");
                    f.cells = vec![
                        format!("{}/published", row.key),
                        format!("{}/total_published", row.key),
                    ];
                    f.expected = Some(tot);
                    f.actual = Some(p);
                    ctx.push(f);
                }
            }
        }
        ctx.check_from(
            Some(2),
            "active-published-total",
            before,
            (
                "本年新公开数量不超过对外公开总数量",
                "Published this year ≤ total published",
            ),
        );
    }

    let before = ctx.findings.len();
    let agency = ctx.structure.meta.agency.clone().unwrap_or_default();
    let made_col = if ctx.format == Format::F2019 {
        "made"
    } else {
        "issued"
    };
    let (low_level, county_or_town) = no_regulations(&agency);
    if let Some(row) = t.rows.iter().find(|r| r.found && r.key == "regulations") {
        if let Some(v) = val(row, made_col) {
            if v > 0.0 && low_level {
                let mut f = ctx.finding(
                    "regulations-authority",
                    Some(2),
                    format!(
                        "{agency}报告本年制作/制发规章{v}件，但{}无权制定规章，请核实是否误将规范性文件计入规章",
                        if county_or_town { "县区、乡镇、街道及其部门" } else { "政府部门（国务院部门除外）" }
                    ),
                    format!("{agency} reports {v} regulation(s) made this year, but it has no authority to make regulations; check whether normative documents were counted"),
                );
                f.line = row.line;
                f.column = row.column;
                f.table = Some("active");
                f.cells = vec![format!("regulations/{made_col}")];
                f.actual = Some(v);
                ctx.push(f);
            }
        }
    }
    ctx.check_from(
        Some(2),
        "regulations-authority",
        before,
        (
            "规章数量与制定权限相符",
            "Regulations consistent with the agency's authority",
        ),
    );
}
