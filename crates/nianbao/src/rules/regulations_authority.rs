//! `regulations-authority`: Authority to make regulations

declare_rule! {
    /// 只有国务院部门、省级政府和设区的市、自治州政府可以制定规章。乡镇、街道和县级部门报告本年制作或制发规章数大于0，应核实是否把规范性文件误填为规章。
    ///
    /// ## 检查什么
    ///
    /// 第二部分表格“规章”一行的本年制作数（2019年格式“本年新制作数量”，2021年格式“本年制发件数”）大于0，而报告机关按名称看无权制定规章时，记一处提示：这类机关无权制定规章，可能把规范性文件计入了规章。按名称判断为无权的：区、县、旗、乡镇人民政府和街道（以所辖地方名称的最后一字为准，如“乡宁县”是县、“镇江市”是市），以及名称不含“省”“自治区”的政府部门。国务院部门（如“教育部”“海关总署”“国家税务总局”“中国人民银行”）、省级和市级人民政府不提示（市是否设区无法从名称判断）。
    ///
    /// ## 错误示例
    ///
    /// ```text
    /// 某县卫生健康局2023年政府信息公开工作年度报告
    /// 信息内容	本年制发件数	本年废止件数	现行有效件数
    /// 规章	1	0	1
    /// 行政规范性文件	2	0	15
    /// ```
    ///
    /// ## 正确示例
    ///
    /// ```text
    /// 某县卫生健康局2023年政府信息公开工作年度报告
    /// 信息内容	本年制发件数	本年废止件数	现行有效件数
    /// 规章	0	0	0
    /// 行政规范性文件	3	0	16
    /// ```
    ///
    /// ## 如何改正
    ///
    /// 核实所谓“规章”的制定机关和文件性质：本机关印发的、不是以政府令公布的文件，属于行政规范性文件或其他文件，应从“规章”一行移到相应行。
    ///
    /// # English
    ///
    /// Only State Council departments, provincial governments and governments of cities with districts or autonomous prefectures can make regulations (规章). A town, street office or county-level department reporting regulations made this year is probably counting normative documents as regulations.
    ///
    /// ## What it checks
    ///
    /// Warns when the row 规章 of part two's table has more than 0 made this year (F2019 本年新制作数量, F2021 本年制发件数) and the agency, by its name, cannot make regulations, so normative documents were probably counted as regulations. Judged unable: the people's governments of districts, counties, banners, towns and street offices (by the last word of the place's name: 乡宁县 is a county, 镇江市 a city), and government departments whose name contains neither 省 nor 自治区. State Council departments (教育部, 海关总署, 国家税务总局, 中国人民银行), provincial and city governments are not warned (whether a city has districts cannot be told from its name).
    ///
    /// ## Wrong
    ///
    /// ```text
    /// 某县卫生健康局2023年政府信息公开工作年度报告 (a county health bureau)
    /// 规章	1	0	1
    /// 行政规范性文件	2	0	15
    /// ```
    ///
    /// ## Right
    ///
    /// ```text
    /// 规章	0	0	0
    /// 行政规范性文件	3	0	16
    /// (the document counted as a regulation moved to normative documents)
    /// ```
    ///
    /// ## How to fix
    ///
    /// Check who issued the so-called regulation and what it is: a document the agency issued itself, not published as a government decree (政府令), is a normative document or other document and belongs in that row.
    pub RegulationsAuthority {
        name: "regulations-authority",
        severity: Warning,
        title: "规章制定权限" / "Authority to make regulations",
        basis: "《中华人民共和国立法法》（2023年修正）第九十一条、第九十三条；条例第二十条第（一）项"
            / "Legislation Law of the PRC (2023 amendment), art. 91 (State Council departments' rules) and art. 93 (rules of provincial governments and governments of cities with districts or autonomous prefectures); Regulations art. 20 item (1).",
    }
}

use super::active_published_total::val;
use super::helpers::agency::{agency_kind, AgencyKind};
use super::{Ctx, Rule};
use crate::result::Status;
use crate::spec::Format;

pub(super) fn check(ctx: &mut Ctx) {
    let t = &ctx.active.out;
    if !t.found {
        ctx.check(Some(2), RegulationsAuthority::NAME, Status::Skip, "没有表格，无法检查", "No table");
        return;
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
                super::helpers::table::at_row(&mut f, row, "active", vec![format!("regulations/{made_col}")]);
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
