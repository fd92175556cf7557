//! `carryover-mismatch`: Carried over = last year's carried forward

declare_rule! {
    /// 本年度第三部分表格第二项“上年结转政府信息公开申请数量”每一列应等于上一年度报告第四项“结转下年度继续办理”的同一列。
    ///
    /// ## 检查什么
    ///
    /// 只在同时提供上年度报告（--previous）时检查。两份报告为相邻年度时，本年第三部分表格第二项“上年结转政府信息公开申请数量”的每一列应等于上年报告第四项“结转下年度继续办理”的同一列，不等的每列记一处错误。两份报告不是相邻年度时记一处提示，不逐列核对。
    ///
    /// ## 错误示例
    ///
    /// ```text
    /// （2022年度报告）
    /// 四、结转下年度继续办理	5	0	0	0	0	0	5
    /// （2023年度报告）
    /// 二、上年结转政府信息公开申请数量	3	0	0	0	0	0	3
    /// ```
    ///
    /// ## 正确示例
    ///
    /// ```text
    /// （2022年度报告）
    /// 四、结转下年度继续办理	5	0	0	0	0	0	5
    /// （2023年度报告）
    /// 二、上年结转政府信息公开申请数量	5	0	0	0	0	0	5
    /// ```
    ///
    /// ## 如何改正
    ///
    /// 以上年报告（或更正后的台账）为准逐列填写上年结转；如上年报告的数字有误，在本年报告中说明更正情况。
    ///
    /// # English
    ///
    /// In part three's table, row 2 (carried over from last year) must equal last year's row 4 (carried into next year), column by column.
    ///
    /// ## What it checks
    ///
    /// Only when last year's report is given (--previous). For consecutive years, each column of this year's row 2 (carried over) must equal the same column of last year's row 4 (carried into next year); each column that differs is an error. Reports that are not for consecutive years get one warning and no comparison.
    ///
    /// ## Wrong
    ///
    /// ```text
    /// (the 2022 report)
    /// 四、结转下年度继续办理	5	0	0	0	0	0	5
    /// (the 2023 report)
    /// 二、上年结转政府信息公开申请数量	3	0	0	0	0	0	3
    /// ```
    ///
    /// ## Right
    ///
    /// ```text
    /// (the 2022 report)
    /// 四、结转下年度继续办理	5	0	0	0	0	0	5
    /// (the 2023 report)
    /// 二、上年结转政府信息公开申请数量	5	0	0	0	0	0	5
    /// ```
    ///
    /// ## How to fix
    ///
    /// Fill in row 2 column by column from last year's report (or the corrected register); if last year's figures were wrong, say so in this year's report.
    pub CarryoverMismatch {
        name: "carryover-mismatch",
        severity: Error,
        also: [
            Warning: "两份报告不是相邻年度" / "the two reports are not for consecutive years",
        ],
        title: "上年结转=上年报告的结转下年度" / "Carried over = last year's carried forward",
        basis: "国办公开办函〔2021〕30号表格：第三部分第二项“上年结转”承接上年度报告第四项“结转下年度继续办理”；条例第五十条第一款第（二）项"
            / "Format document 国办公开办函〔2021〕30号 (F2019: 〔2019〕60号), table of part three: row 2 (carried over from last year) follows last year's row 4 (carried into next year); Regulations art. 50 para. 1 item (2).",
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
    use crate::result::{CheckResult, Severity, Status};
    use crate::rules::helpers::previous::unsure_previous;
    use crate::rules::provenance::is_read;
    use crate::rules::Ctx;
    use crate::spec::REQUEST_COLS;

    pub fn check(ctx: &mut Ctx) {
        if let Some((prev, _)) = ctx.previous {
            carryover(ctx, prev);
        }
    }

fn carryover(ctx: &mut Ctx, prev: &CheckResult) {
    const R: &str = "carryover-mismatch";
    let (y, py) = (ctx.structure.meta.year, prev.meta.year);
    if y.zip(py).is_none_or(|(a, b)| a - b != 1) {
        let (zh, en) = match y.zip(py) {
            Some((a, b)) => (
                format!("本报告为{a}年度，上年报告为{b}年度，不是相邻年度，未核对结转"),
                format!("This report is for {a}, the previous one for {b}: not consecutive years"),
            ),
            None => unknown_year(y.is_some(), py.is_some()),
        };
        if y.is_some() && py.is_some() {
            let mut f = ctx.finding(R, Some(3), zh.clone(), en.clone());
            f.severity = Severity::Warning;
            ctx.push(f);
        }
        return ctx.check(Some(3), R, Status::Skip, zh, en);
    }
    let before = ctx.findings.len();
    let (this, last) = (ctx.requests.out.row("2"), prev.tables.requests.row("4"));
    let mut checked = 0;
    // Whether each side has a whole number in its row at all (for saying which could not be
    // read).
    let whole = |row: Option<&crate::result::RowOut>| {
        let row = row.filter(|r| r.found);
        REQUEST_COLS
            .iter()
            .any(|(col, _)| row.and_then(|r| r.cell(col)).and_then(|c| c.int()).is_some())
    };
    let (this_read, last_read) = (whole(this), whole(last));
    for (col, label) in REQUEST_COLS {
        let a = this.filter(|r| r.found).and_then(|r| r.cell(col));
        let b = last.filter(|r| r.found).and_then(|r| r.cell(col));
        let (Some(a), Some(b)) = (a, b) else { continue };
        let (Some(va), Some(vb)) = (a.int(), b.int()) else {
            continue;
        };
        checked += 1;
        if va == vb {
            continue;
        }
        let bl = b.line.map(|l| format!("第{l}行")).unwrap_or_default();
        let mut f = ctx.finding(
            R,
            Some(3),
            format!(
                "{label}列：本年第二项“上年结转”为{va}件（第{}行），上年报告第四项“结转下年度继续办理”为{vb}件（{bl}）",
                a.line.unwrap_or(0)
            ),
            format!("{col}: row 2 (carried over) is {va}, last year's row 4 (carried forward) is {vb}"),
        );
        f.line = a.line;
        f.column = a.column;
        f.table = Some("requests");
        f.cells = vec![format!("2/{col}")];
        f.expected = Some(vb as f64);
        f.actual = Some(va as f64);
        // Last year's cell is not this result's: `settle` cannot see it, so it is judged here.
        if last.is_some_and(|r| !is_read(r, b)) {
            unsure_previous(
                &mut f,
                &format!("4/{col}"),
                &format!("上年报告第四项·{label}"),
            );
        }
        ctx.push(f);
    }
    if checked == 0 {
        let (zh, en) = unread(this_read, last_read);
        return ctx.check(Some(3), R, Status::Skip, zh, en);
    }
    ctx.check_from(
        Some(3),
        R,
        before,
        (
            &format!("{checked}列上年结转与上年报告一致"),
            &format!("{checked} column(s) agree with last year's report"),
        ),
    );
}


/// Which report's year could not be read (this year's, last year's or both).
fn unknown_year(this: bool, last: bool) -> (String, String) {
    let (zh, en) = match (this, last) {
        (true, false) => (
            "上年报告的年度未能读出，未核对结转",
            "Last year's report: its year could not be read; carry-over not compared",
        ),
        (false, true) => (
            "本报告的年度未能读出，未核对结转",
            "This report's year could not be read; carry-over not compared",
        ),
        _ => (
            "两份报告的年度均未能读出，未核对结转",
            "Neither report's year could be read; carry-over not compared",
        ),
    };
    (zh.to_string(), en.to_string())
}

/// Which report's carry-over numbers could not be read, from whether each has one.
fn unread(this_read: bool, last_read: bool) -> (&'static str, &'static str) {
    match (this_read, last_read) {
        (true, false) => (
            "上年报告的结转数（第四项“结转下年度继续办理”）未能读出，无法核对",
            "Last year's report: its carried-forward numbers (row 4) could not be read",
        ),
        (false, true) => (
            "本报告的上年结转数（第二项“上年结转政府信息公开申请数量”）未能读出，无法核对",
            "This report's carried-over numbers (row 2) could not be read",
        ),
        (false, false) => (
            "两份报告的结转数均未能读出，无法核对",
            "Neither report's carry-over numbers could be read",
        ),
        (true, true) => (
            "两份报告没有同一列都读出的结转数，无法核对",
            "No column's carry-over was read in both reports",
        ),
    }
}

}
