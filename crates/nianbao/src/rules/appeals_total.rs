//! `appeals-total`: Review and litigation totals

declare_rule! {
    /// 第四部分表格中，行政复议、未经复议直接起诉、复议后起诉三组各自的“总计”应等于结果维持、结果纠正、其他结果、尚未审结四项之和。
    ///
    /// ## 检查什么
    ///
    /// 第四部分表格的15个数分为三组：行政复议、未经复议直接起诉、复议后起诉。每组：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结。每组不成立记一处错误；有空白、无效或无法判定的单元格时该组不作判定；数字位置是推测的只作提示。
    ///
    /// ## 错误示例
    ///
    /// ```text
    /// （行政复议：结果维持、结果纠正、其他结果、尚未审结、总计；未经复议直接起诉、复议后起诉各五项同）
    /// 2	1	0	1	3	0	0	0	0	0	0	0	0	0	0
    /// （行政复议：2+1+0+1=4，总计却为3）
    /// ```
    ///
    /// ## 正确示例
    ///
    /// ```text
    /// （行政复议：结果维持、结果纠正、其他结果、尚未审结、总计；未经复议直接起诉、复议后起诉各五项同）
    /// 2	1	0	1	4	0	0	0	0	0	0	0	0	0	0
    /// ```
    ///
    /// ## 如何改正
    ///
    /// 按复议、诉讼案件台账核对各项：本年受理的案件按结果计入维持、纠正或其他，未结的计入尚未审结，总计为四项之和。
    ///
    /// # English
    ///
    /// In part four's table, each of the three totals (administrative review, suits without review, suits after review) must equal upheld + corrected + other + pending.
    ///
    /// ## What it checks
    ///
    /// Part four's 15 numbers form three groups: administrative review, suits without review, suits after review. In each: total = upheld + corrected + other + pending. Each group that fails is one error; a group with a blank, invalid or undecided cell is not decided; a failure over guessed positions is only a warning.
    ///
    /// ## Wrong
    ///
    /// ```text
    /// (review: upheld, corrected, other, pending, total; then the same five for each kind of suit)
    /// 2	1	0	1	3	0	0	0	0	0	0	0	0	0	0
    /// (review: 2 + 1 + 0 + 1 = 4, but the total says 3)
    /// ```
    ///
    /// ## Right
    ///
    /// ```text
    /// (review: upheld, corrected, other, pending, total; then the same five for each kind of suit)
    /// 2	1	0	1	4	0	0	0	0	0	0	0	0	0	0
    /// ```
    ///
    /// ## How to fix
    ///
    /// Check against the case records: each case of the year counts as upheld, corrected or other, or as pending if not concluded; the total is the sum of the four.
    pub AppealsTotal {
        name: "appeals-total",
        severity: Error,
        title: "复议、诉讼总计=四项之和" / "Review and litigation totals",
        basis: "国办公开办函〔2021〕30号表格勾稽关系：第四部分表格三组“总计”；条例第五十条第一款第（三）项"
            / "Format document 国办公开办函〔2021〕30号 (F2019: 〔2019〕60号), table of part four; Regulations art. 50 para. 1 item (3).",
    }
}

use super::helpers::identity::{self, join, wide_sum, Table};
use super::{Ctx, Rule};
use crate::result::TableOut;
use crate::spec::{appeal_identities, Identity, APPEAL_COLS};

pub(super) fn check(ctx: &mut Ctx) {
    let table = Table {
        section: 4,
        name: "appeals",
        read: ctx.appeals,
    };
    let ids: Vec<&Identity> = appeal_identities().iter().collect();
    identity::check(
        ctx,
        &table,
        &ids,
        AppealsTotal::NAME,
        &|_, c| APPEAL_COLS[c].1.to_string(),
        message,
    );
}

fn message(id: &Identity, lhs: &[i64], rhs: &[i64], _t: &TableOut) -> (String, String) {
    let (l, r) = (wide_sum(lhs), wide_sum(rhs));
    (
            format!(
                "{}：总计{}不等于结果维持、结果纠正、其他结果、尚未审结之和（{}={}）",
                id.scope,
                l,
                join(rhs),
                r
            ),
            format!(
                "{}: total {} ≠ upheld + corrected + other + pending ({}={})",
                id.scope,
                l,
                join(rhs),
                r
            ),
        )
}
