//! `in-force-mismatch`: In-force counts follow on

declare_rule! {
    /// 2021年格式中，规章和行政规范性文件的“现行有效件数”一般应等于上年现行有效件数加本年制发件数减本年废止件数；清理废止以往年度文件等情况可以解释差异。
    ///
    /// ## 检查什么
    ///
    /// 只在提供上年度报告、且两份报告都是2021年格式时检查。规章、行政规范性文件两行：本年现行有效件数应等于上年报告的现行有效件数 + 本年制发件数 − 本年废止件数，不等时各记一处提示（清理废止以往年度文件、统计口径调整等可以解释差异）。
    ///
    /// ## 错误示例
    ///
    /// ```text
    /// （2022年度报告）
    /// 规章	0	0	0
    /// 行政规范性文件	3	1	45
    /// （2023年度报告）
    /// 规章	0	0	0
    /// 行政规范性文件	6	2	51
    /// （45+6−2=49≠51）
    /// ```
    ///
    /// ## 正确示例
    ///
    /// ```text
    /// （2022年度报告）
    /// 规章	0	0	0
    /// 行政规范性文件	3	1	45
    /// （2023年度报告）
    /// 规章	0	0	0
    /// 行政规范性文件	6	2	49
    /// ```
    ///
    /// ## 如何改正
    ///
    /// 对照文件库核对制发、废止和现行有效件数；差异有正当原因的（如清理了以往年度文件、上年数字有误），在正文中说明。
    ///
    /// # English
    ///
    /// In the 2021 format, the number in force of regulations and normative documents should equal last year's number in force plus this year's issued minus this year's repealed; repeals of older documents can explain a difference.
    ///
    /// ## What it checks
    ///
    /// Only when last year's report is given and both are in the 2021 format. For 规章 and 行政规范性文件: in force this year should equal last year's in force + issued this year − repealed this year; each difference is a warning (repeals of older documents or a change of counting can explain it).
    ///
    /// ## Wrong
    ///
    /// ```text
    /// (the 2022 report: issued, repealed, in force)
    /// 规章	0	0	0
    /// 行政规范性文件	3	1	45
    /// (the 2023 report)
    /// 规章	0	0	0
    /// 行政规范性文件	6	2	51
    /// (45 + 6 − 2 = 49 ≠ 51)
    /// ```
    ///
    /// ## Right
    ///
    /// ```text
    /// (the 2022 report: issued, repealed, in force)
    /// 规章	0	0	0
    /// 行政规范性文件	3	1	45
    /// (the 2023 report)
    /// 规章	0	0	0
    /// 行政规范性文件	6	2	49
    /// ```
    ///
    /// ## How to fix
    ///
    /// Check issued, repealed and in-force counts against the document register; when the difference has a reason (older documents cleared out, last year's figure wrong), explain it in the text.
    pub InForceMismatch {
        name: "in-force-mismatch",
        severity: Warning,
        title: "现行有效件数前后衔接" / "In-force counts follow on",
        basis: "国办公开办函〔2021〕30号第二部分表格“第二十条第（一）项”栏目（本年制发、本年废止、现行有效件数）；条例第二十条第（一）项"
            / "Format document 国办公开办函〔2021〕30号, table of part two, block 第二十条第（一）项 (本年制发件数, 本年废止件数, 现行有效件数); Regulations art. 20 item (1). F2021 only.",
    }
}

#[cfg(feature = "previous")]
pub(super) use imp::check;

/// Without the feature `previous` there is no last year's report to compare with.
#[cfg(not(feature = "previous"))]
pub(super) fn check(_ctx: &mut super::Ctx) {}

/// The check, with last year's report (the feature `previous`).
#[cfg(feature = "previous")]
mod imp {
    use crate::result::{CheckResult, Status};
    use crate::rules::helpers::previous::unsure_previous;
    use crate::rules::provenance::is_read;
    use crate::rules::Ctx;
    use crate::spec::Format;

    pub fn check(ctx: &mut Ctx) {
        if let Some((prev, _)) = ctx.previous {
            in_force(ctx, prev);
        }
    }

fn in_force(ctx: &mut Ctx, prev: &CheckResult) {
    const R: &str = "in-force-mismatch";
    if ctx.format != Format::F2021 {
        return;
    }
    if prev.format.detected.is_none() {
        return ctx.check(
            Some(2),
            R,
            Status::Skip,
            "上年报告未能读出（未识别出年度报告格式），未核对现行有效件数",
            "Last year's report could not be read (no report format recognised); in-force counts not compared",
        );
    }
    if prev.format.detected != Some(Format::F2021) {
        return;
    }
    let before = ctx.findings.len();
    let mut checked = 0;
    let (mut this_read, mut last_read) = (false, false);
    for (key, name) in [
        ("regulations", "规章"),
        ("normative_documents", "行政规范性文件"),
    ] {
        let get = |t: &crate::result::TableOut, col| {
            let row = t.row(key).filter(|r| r.found)?;
            let c = row.cell(col)?;
            Some((c.int()?, c.line, c.column, is_read(row, c)))
        };
        let (p, i, r, n) = (
            get(&prev.tables.active, "in_force"),
            get(&ctx.active.out, "issued"),
            get(&ctx.active.out, "repealed"),
            get(&ctx.active.out, "in_force"),
        );
        last_read |= p.is_some();
        this_read |= i.is_some() && r.is_some() && n.is_some();
        let (Some(p), Some(i), Some(r), Some(n)) = (p, i, r, n) else {
            continue;
        };
        checked += 1;
        let want = p.0 + i.0 - r.0;
        if n.0 == want {
            continue;
        }
        let mut f = ctx.finding(
            R,
            Some(2),
            format!("{name}现行有效件数为{}，上年现行有效{}加本年制发{}减本年废止{}为{want}；清理废止以往年度文件等可以解释差异，请核实", n.0, p.0, i.0, r.0),
            format!("{key}: in force {}, but last year's {} + issued {} − repealed {} = {want}; repeals of older documents can explain a difference", n.0, p.0, i.0, r.0),
        );
        (f.line, f.column) = (n.1, n.2);
        f.table = Some("active");
        f.cells = vec![
            format!("{key}/in_force"),
            format!("{key}/issued"),
            format!("{key}/repealed"),
        ];
        f.expected = Some(want as f64);
        f.actual = Some(n.0 as f64);
        if !p.3 {
            unsure_previous(
                &mut f,
                &format!("{key}/in_force"),
                &format!("上年报告{name}·现行有效件数"),
            );
        }
        ctx.push(f);
    }
    if checked == 0 {
        let (zh, en) = match (this_read, last_read) {
            (true, false) => (
                "上年报告的现行有效件数未能读出，未核对",
                "Last year's report: its in-force counts could not be read",
            ),
            (false, true) => (
                "本报告的制发、废止或现行有效件数未能读出，未核对",
                "This report's issued, repealed or in-force counts could not be read",
            ),
            _ => (
                "两份报告的现行有效件数均未能读出，未核对",
                "Neither report's in-force counts could be read",
            ),
        };
        ctx.check(Some(2), R, Status::Skip, zh, en);
    } else {
        ctx.check_from(
            Some(2),
            R,
            before,
            (
                "现行有效件数与上年衔接",
                "In-force counts follow on from last year",
            ),
        );
    }
}

}
