//! `requests-balance`: Row 1 + row 2 = row 3.7 + row 4

declare_rule! {
    /// 第三部分表格每一列都应满足表头注明的勾稽关系：本年新收加上年结转，等于本年办理结果总计加结转下年度继续办理。
    ///
    /// ## 检查什么
    ///
    /// 第三部分表格的7列（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计）逐列核对：第一项“本年新收”+第二项“上年结转” = 第三项“（七）总计”+第四项“结转下年度继续办理”。每一列不成立记一处错误，写出两边的加式。四个单元格中有空白、无效或无法判定的，该列不作判定并说明缺哪一项；数字位置是推测的，只作提示。两列分别相差+k和−k而总计列成立时，改报 misfiled-columns。
    ///
    /// ## 错误示例
    ///
    /// ```text
    /// 一、本年新收政府信息公开申请数量	78	2	0	0	1	0	81
    /// 二、上年结转政府信息公开申请数量	3	0	0	0	0	0	3
    /// ……
    /// （七）总计	76	2	0	0	1	0	79
    /// 四、结转下年度继续办理	6	0	0	0	0	0	6
    /// 自然人列：78+3=81，而76+6=82；总计列：81+3=84，而79+6=85
    /// ```
    ///
    /// ## 正确示例
    ///
    /// ```text
    /// 一、本年新收政府信息公开申请数量	78	2	0	0	1	0	81
    /// 二、上年结转政府信息公开申请数量	3	0	0	0	0	0	3
    /// ……
    /// （七）总计	76	2	0	0	1	0	79
    /// 四、结转下年度继续办理	5	0	0	0	0	0	5
    /// 自然人列：78+3=81=76+5；总计列：81+3=84=79+5
    /// ```
    ///
    /// ## 如何改正
    ///
    /// 按申请登记台账逐列核对本年新收、上年结转、办理结果和结转下年度的件数，改正填错的单元格。上年结转应与上年度报告的“结转下年度继续办理”一致（见 carryover-mismatch）。
    ///
    /// # English
    ///
    /// In every column of part three's table, requests received this year plus those carried over from last year must equal those handled (3.7) plus those carried into next year (row 4), as the table's header note says.
    ///
    /// ## What it checks
    ///
    /// In each of the 7 columns of part three's table (自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计): row 1 (received this year) + row 2 (carried over) = row 3.7 (total handled) + row 4 (carried into next year). Each column that fails is one error, with both sides written out. A column with a blank, invalid or undecided operand is not decided (the check says which operand); a failure over guessed positions is only a warning. Two columns off by +k and −k while the total column holds are reported as misfiled-columns instead.
    ///
    /// ## Wrong
    ///
    /// ```text
    /// Row 1 (received)	78	2	0	0	1	0	81
    /// Row 2 (carried over)	3	0	0	0	0	0	3
    /// …
    /// Row 3.7 (handled)	76	2	0	0	1	0	79
    /// Row 4 (carried forward)	6	0	0	0	0	0	6
    /// 自然人 column: 78 + 3 = 81, but 76 + 6 = 82; total column: 81 + 3 = 84, but 79 + 6 = 85.
    /// ```
    ///
    /// ## Right
    ///
    /// ```text
    /// Row 4 (carried forward)	5	0	0	0	0	0	5
    /// 自然人 column: 78 + 3 = 81 = 76 + 5; total column: 81 + 3 = 84 = 79 + 5.
    /// ```
    ///
    /// ## How to fix
    ///
    /// Check each column's received, carried-over, handled and carried-forward counts against the request register and correct the wrong cell. Row 2 should equal last year's row 4 (see carryover-mismatch).
    pub RequestsBalance {
        name: "requests-balance",
        severity: Error,
        title: "第一项+第二项=第三项+第四项" / "Row 1 + row 2 = row 3.7 + row 4",
        basis: "国办公开办函〔2021〕30号表格勾稽关系：第三部分表头注“第一项加第二项之和，等于第三项加第四项之和”；条例第五十条第一款第（二）项"
            / "Format document 国办公开办函〔2021〕30号 (F2019: 〔2019〕60号), table of part three, header note: row 1 + row 2 = row 3 + row 4; Regulations art. 50 para. 1 item (2).",
    }
}

use super::helpers::identity::{self, join, wide_sum};
use super::{Ctx, Rule};
use crate::result::TableOut;
use crate::spec::Identity;

pub(super) fn check(ctx: &mut Ctx) {
    identity::requests(ctx, RequestsBalance::NAME, message);
}

fn message(id: &Identity, lhs: &[i64], rhs: &[i64], _t: &TableOut) -> (String, String) {
    let (l, r) = (wide_sum(lhs), wide_sum(rhs));
    (
            format!(
                "{}：第一项加第二项（{}={}）不等于第三项加第四项（{}={}）",
                id.scope,
                join(lhs),
                l,
                join(rhs),
                r
            ),
            format!(
                "{}: row 1 + row 2 ({}={}) ≠ row 3.7 + row 4 ({}={})",
                id.scope,
                join(lhs),
                l,
                join(rhs),
                r
            ),
        )
}
