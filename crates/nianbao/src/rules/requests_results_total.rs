//! `requests-results-total`: 3.7 = sum of results

declare_rule! {
    /// 第三部分表格每一列中，“（七）总计”应等于（一）至（六）各项办理结果（含各小项）之和。
    ///
    /// ## 检查什么
    ///
    /// 第三部分表格的每一列：“（七）总计” = （一）予以公开 + （二）部分公开 + （三）不予公开各小项 + （四）无法提供各小项 + （五）不予处理各小项 + （六）其他处理（2019年格式为一行，2021年格式为三个小项）。每一列不成立记一处错误，按（一）至（六）分组写出各组之和；有空白、无效或无法判定的单元格时该列不作判定。
    ///
    /// ## 错误示例
    ///
    /// ```text
    /// （一）予以公开	4	0	0	0	0	0	4
    /// （二）部分公开	1	1	0	0	0	0	2
    /// （（三）至（六）各项均为0）
    /// （七）总计	6	1	0	0	0	0	7
    /// （自然人列：4+1=5，（七）总计却为6）
    /// ```
    ///
    /// ## 正确示例
    ///
    /// ```text
    /// （一）予以公开	4	0	0	0	0	0	4
    /// （二）部分公开	1	1	0	0	0	0	2
    /// （（三）至（六）各项均为0）
    /// （七）总计	5	1	0	0	0	0	6
    /// （自然人列：4+1=5）
    /// ```
    ///
    /// ## 如何改正
    ///
    /// 核对每一项办理结果的件数：一件申请只计一种结果（部分公开的只计“（二）部分公开”）。改正填错的小项或总计，再核对第一项+第二项=第三项+第四项是否仍然成立。
    ///
    /// # English
    ///
    /// In every column of part three's table, row 3.7 (总计) must equal the sum of the result rows (一) to (六), sub-rows included.
    ///
    /// ## What it checks
    ///
    /// In every column of part three's table: （七）总计 = （一）予以公开 + （二）部分公开 + the sub-rows of （三）不予公开, （四）无法提供 and （五）不予处理 + （六）其他处理 (one row in F2019, three sub-rows in F2021). Each column that fails is one error, with the sums of groups (一) to (六) written out; a column with a blank, invalid or undecided cell is not decided.
    ///
    /// ## Wrong
    ///
    /// ```text
    /// （一）予以公开	4	0	0	0	0	0	4
    /// （二）部分公开	1	1	0	0	0	0	2
    /// (rows (3) to (6) all 0)
    /// （七）总计	6	1	0	0	0	0	7
    /// (natural persons: 4 + 1 = 5, but (7) total says 6)
    /// ```
    ///
    /// ## Right
    ///
    /// ```text
    /// （一）予以公开	4	0	0	0	0	0	4
    /// （二）部分公开	1	1	0	0	0	0	2
    /// (rows (3) to (6) all 0)
    /// （七）总计	5	1	0	0	0	0	6
    /// ```
    ///
    /// ## How to fix
    ///
    /// Check each result's count: a request counts under one result only (partly disclosed ones only under （二）部分公开). Correct the wrong sub-row or the total, then check that row 1 + row 2 = row 3.7 + row 4 still holds.
    pub RequestsResultsTotal {
        name: "requests-results-total",
        severity: Error,
        title: "（七）总计=各项办理结果之和" / "3.7 = sum of results",
        basis: "国办公开办函〔2021〕30号表格勾稽关系：第三部分表格“三、本年度办理结果”的“（七）总计”；条例第五十条第一款第（二）项"
            / "Format document 国办公开办函〔2021〕30号 (F2019: 〔2019〕60号), table of part three, 三、本年度办理结果 and its （七）总计; Regulations art. 50 para. 1 item (2).",
    }
}

use super::helpers::identity::{self, wide_sum};
use super::{Ctx, Rule};
use crate::result::TableOut;
use crate::spec::Identity;

pub(super) fn check(ctx: &mut Ctx) {
    identity::requests(ctx, RequestsResultsTotal::NAME, message);
}

fn message(id: &Identity, lhs: &[i64], rhs: &[i64], t: &TableOut) -> (String, String) {
    let (l, r) = (wide_sum(lhs), wide_sum(rhs));
    {
            // Group the result rows: (一) (二) (三) (四) (五) (六).
            let mut groups: Vec<(String, i64)> = Vec::new();
            for (&(row, _), v) in id.rhs.iter().zip(rhs) {
                let key = &t.rows[row].key;
                let g = match key.split('.').nth(1) {
                    Some("1") => "（一）",
                    Some("2") => "（二）",
                    Some("3") => "（三）",
                    Some("4") => "（四）",
                    Some("5") => "（五）",
                    _ => "（六）",
                };
                match groups.last_mut() {
                    Some((gg, s)) if gg == g => *s += v,
                    _ => groups.push((g.to_string(), *v)),
                }
            }
            let parts: Vec<String> = groups.iter().map(|(g, v)| format!("{g}{v}")).collect();
            (
                format!(
                    "{}：（七）总计{}不等于各项办理结果之和（{}={}）",
                    id.scope,
                    l,
                    parts.join("+"),
                    r
                ),
                format!(
                    "{}: row 3.7 total {} ≠ sum of the results ({}={})",
                    id.scope,
                    l,
                    parts.join("+"),
                    r
                ),
            )
        }
}
