//! `requests-row-total`: Total = sum of applicants

declare_rule! {
    /// 第三部分表格每一行的“总计”应等于自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他六列之和。
    ///
    /// ## 检查什么
    ///
    /// 第三部分表格的每一行：“总计”列 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他（表格没有“法人或其他组织”小计列）。每一行不成立记一处错误；有空白、无效或无法判定的单元格时该行不作判定；数字位置是推测的只作提示。
    ///
    /// ## 错误示例
    ///
    /// ```text
    /// 一、本年新收政府信息公开申请数量	70	6	0	1	2	0	81
    /// 70+6+0+1+2+0=79，总计却为81
    /// ```
    ///
    /// ## 正确示例
    ///
    /// ```text
    /// 一、本年新收政府信息公开申请数量	72	6	0	1	2	0	81
    /// 72+6+0+1+2+0=81
    /// ```
    ///
    /// ## 如何改正
    ///
    /// 按台账核对该行各类申请人的件数和总计，改正填错的单元格；不要另加“法人或其他组织”小计列，以免列数错位。
    ///
    /// # English
    ///
    /// In every row of part three's table, the total column must equal the sum of the six applicant columns.
    ///
    /// ## What it checks
    ///
    /// In every row of part three's table: 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他 (there is no subtotal column for 法人或其他组织). Each row that fails is one error; a row with a blank, invalid or undecided cell is not decided; a failure over guessed positions is only a warning.
    ///
    /// ## Wrong
    ///
    /// ```text
    /// 一、本年新收政府信息公开申请数量	70	6	0	1	2	0	81
    /// 70 + 6 + 0 + 1 + 2 + 0 = 79, but the total says 81.
    /// ```
    ///
    /// ## Right
    ///
    /// ```text
    /// 一、本年新收政府信息公开申请数量	72	6	0	1	2	0	81
    /// 72 + 6 + 0 + 1 + 2 + 0 = 81.
    /// ```
    ///
    /// ## How to fix
    ///
    /// Check the row's applicant counts and its total against the records and correct the wrong cell; do not add a subtotal column for 法人或其他组织, which shifts the columns.
    pub RequestsRowTotal {
        name: "requests-row-total",
        severity: Error,
        title: "总计=各类申请人之和" / "Total = sum of applicants",
        basis: "国办公开办函〔2021〕30号表格勾稽关系：第三部分表格“总计”列；条例第五十条第一款第（二）项"
            / "Format document 国办公开办函〔2021〕30号 (F2019: 〔2019〕60号), table of part three: the 总计 column; Regulations art. 50 para. 1 item (2).",
    }
}

use super::helpers::identity::{self, join, wide_sum};
use super::{Ctx, Rule};
use crate::result::TableOut;
use crate::spec::Identity;

pub(super) fn check(ctx: &mut Ctx) {
    identity::requests(ctx, RequestsRowTotal::NAME, message);
}

fn message(id: &Identity, lhs: &[i64], rhs: &[i64], _t: &TableOut) -> (String, String) {
    let (l, r) = (wide_sum(lhs), wide_sum(rhs));
    (
            format!(
                "{}：总计{}不等于各类申请人之和（{}={}）",
                id.scope,
                l,
                join(rhs),
                r
            ),
            format!(
                "{}: total {} ≠ sum of the applicant columns ({}={})",
                id.scope,
                l,
                join(rhs),
                r
            ),
        )
}
