//! `misfiled-columns`: Numbers in the wrong column

declare_rule! {
    /// 总计列的勾稽关系成立，但两列分别相差+k和−k：很可能是某一行的k件填到了相邻的列。表格仍然有误，需改正。
    ///
    /// ## 检查什么
    ///
    /// 第三部分表格按列核对 requests-balance 或 requests-results-total 时，恰好有两列（都不是总计列）不成立，一列多k、一列少k：很可能有k件申请填到了相邻的列。这时不报两处勾稽关系错误，而是记一处错误，列出可能填错的单元格（相关行中数值不小于k的单元格）。
    ///
    /// ## 错误示例
    ///
    /// ```text
    /// （一）予以公开	3	1	0	0	0	0	4
    /// （二）部分公开	1	1	0	0	0	0	2
    /// （七）总计	5	1	0	0	0	0	6
    /// （其余各项均为0：自然人列3+1=4≠5，商业企业列1+1=2≠1，总计列4+2=6成立）
    /// ```
    ///
    /// ## 正确示例
    ///
    /// ```text
    /// （一）予以公开	4	0	0	0	0	0	4
    /// （二）部分公开	1	1	0	0	0	0	2
    /// （七）总计	5	1	0	0	0	0	6
    /// ```
    ///
    /// ## 如何改正
    ///
    /// 按申请登记台账核对列出的候选单元格，把k件移回正确的申请人类别；改后逐列核对勾稽关系。
    ///
    /// # English
    ///
    /// The total column's identity holds but two columns are off by +k and −k: probably k requests of one row were entered in the wrong column. The table is still wrong and must be corrected.
    ///
    /// ## What it checks
    ///
    /// When checking requests-balance or requests-results-total column by column, exactly two columns (neither the total) fail, one by +k and the other by −k: k requests were probably entered in the wrong column. Instead of two identity errors there is one error naming the cells that could hold the misfiled k (cells of the rows involved holding at least k).
    ///
    /// ## Wrong
    ///
    /// ```text
    /// （一）予以公开	3	1	0	0	0	0	4
    /// （二）部分公开	1	1	0	0	0	0	2
    /// （七）总计	5	1	0	0	0	0	6
    /// (other rows 0: natural persons 3 + 1 = 4 ≠ 5, businesses 1 + 1 = 2 ≠ 1, the total column 4 + 2 = 6 holds)
    /// ```
    ///
    /// ## Right
    ///
    /// ```text
    /// （一）予以公开	4	0	0	0	0	0	4
    /// （二）部分公开	1	1	0	0	0	0	2
    /// （七）总计	5	1	0	0	0	0	6
    /// ```
    ///
    /// ## How to fix
    ///
    /// Check the candidate cells against the request register and move the k requests back to the right applicant column; then check each column's identities again.
    pub MisfiledColumns {
        name: "misfiled-columns",
        severity: Error,
        title: "数字填错列" / "Numbers in the wrong column",
        basis: "国办公开办函〔2021〕30号表格勾稽关系：第三部分表格各列；条例第五十条第一款第（二）项"
            / "Format document 国办公开办函〔2021〕30号 (F2019: 〔2019〕60号), table of part three and its identities; Regulations art. 50 para. 1 item (2).",
    }
}

use super::helpers::identity::cell;
use super::Ctx;

/// Nothing of its own to run: `misfiled-columns` is found while `requests-balance` and
/// `requests-results-total` check their identities (`helpers::identity::check` calls
/// [`misfiled`] when exactly two of them fail by +k and −k), in place of those two findings.
pub(super) fn check(_ctx: &mut Ctx) {}
use crate::result::{CellOut, TableOut};
use crate::spec::{request_rows, Identity, REQUEST_COLS};

/// `misfiled-columns`: two per-column identities off by +k and −k while the total column's
/// holds (the caller makes sure it was read and holds, and that no other identity fails): k requests of one row were probably entered in the wrong column. One finding names
/// the cells that could hold the misfiled k, in place of the two identity findings.
pub(super) fn misfiled(ctx: &mut Ctx, t: &TableOut, ids: &[&Identity], fails: &[(usize, i64, usize)]) {
    let [x, y] = fails else { return };
    let col = |i: usize| ids[i].lhs[0].1;
    if x.1 != -y.1 || col(x.0) == 6 || col(y.0) == 6 {
        return;
    }
    // `a` has k too many on the left (or too few on the right), `b` the opposite.
    let (a, b, k) = if x.1 > 0 {
        (x.0, y.0, x.1)
    } else {
        (y.0, x.0, y.1)
    };
    let (ca, cb) = (col(a), col(b));
    let id = &ids[a];
    let fits = |r: usize, c: usize| cell(t, r, c).and_then(CellOut::int).is_some_and(|v| v >= k);
    let cand: Vec<(usize, usize)> = (id
        .lhs
        .iter()
        .map(|&(r, _)| (r, ca))
        .filter(|&(r, c)| fits(r, c)))
    .chain(
        id.rhs
            .iter()
            .map(|&(r, _)| (r, cb))
            .filter(|&(r, c)| fits(r, c)),
    )
    .collect();
    let (la, lb) = (REQUEST_COLS[ca].1, REQUEST_COLS[cb].1);
    let shorts = request_rows(crate::tables::outdated::request_layout(ctx.format, t));
    let names: Vec<String> = cand
        .iter()
        .map(|&(r, c)| format!("{}·{}", shorts[r].short, REQUEST_COLS[c].1))
        .collect();
    let mut f = ctx.finding(
        "misfiled-columns",
        Some(3),
        format!(
            "{la}列与{lb}列的勾稽关系分别相差{k}和−{k}，而总计列成立：很可能有{k}件填错了列（可能在{}）",
            names.join("、")
        ),
        format!("Columns {ca} and {cb} are off by +{k} and −{k} while the total column holds: {k} request(s) were probably entered in the wrong column ({} candidate cells)", cand.len()),
    );
    let first = &ctx.findings[x.2.min(y.2)];
    (f.line, f.column, f.table) = (first.line, first.column, Some("requests"));
    f.cells = cand
        .iter()
        .map(|&(r, c)| format!("{}/{}", t.rows[r].key, REQUEST_COLS[c].0))
        .collect();
    (f.expected, f.actual) = (Some(0.0), Some(k as f64));
    ctx.findings.remove(x.2.max(y.2));
    ctx.findings.remove(x.2.min(y.2));
    ctx.push(f);
}
