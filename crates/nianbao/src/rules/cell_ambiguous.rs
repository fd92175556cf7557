//! `cell-ambiguous`: Each number's column is certain

declare_rule! {
    /// 当一行的数字个数与列数不符，而且有不止一种放法都满足勾稽关系时，检查器不猜测，而是把这些单元格标为无法判定并列出可能的值。
    ///
    /// ## 检查什么
    ///
    /// 当一行的数字个数与列数不符，而且有不止一种放法都满足勾稽关系和其他行时，检查器不猜测：把这些单元格标为无法判定，每行记一处提示，列出每格可能的值（如“商业企业可能为0或1”）。依赖这些单元格的勾稽关系不作判定。按列提取的表格（先列标签、再逐列列出数字）中空白单元格不留文字：只有所有满足勾稽关系的放法都一致的单元格才读取，其余单元格不读取，整张表记一处提示，说明哪些行可以确定；无法还原时说明原因，绝不按个数分配。
    ///
    /// ## 错误示例
    ///
    /// ```text
    /// （二）部分公开	1	1
    /// （2个数，7列：总计在复制时丢失了，两个1各在哪一列，勾稽关系和其他行都无法确定）
    /// ```
    ///
    /// ## 正确示例
    ///
    /// ```text
    /// （二）部分公开	1	1	0	0	0	0	2
    /// ```
    ///
    /// ## 如何改正
    ///
    /// 在原表中把每一格都填上数字（没有的填0），使每个数所在的列都明确；然后重新检查。
    ///
    /// # English
    ///
    /// When a row's numbers do not fit its columns and more than one placement satisfies the identities, the checker does not guess: the cells are marked ambiguous with their possible values.
    ///
    /// ## What it checks
    ///
    /// When a row's numbers do not fit its columns and more than one placement satisfies the identities and the other rows, the checker does not guess: the cells are marked undecided, one warning per row, with each cell's possible values (商业企业 may be 0 or 1). Identities over these cells are left undecided. In a table taken column by column (labels, then each column's values) a blank cell leaves nothing: only cells on which every placement that keeps the identities agrees are read; the others are not, with one warning for the table naming the rows that could be read, or why it cannot be put back. Numbers are never dealt out by count.
    ///
    /// ## Wrong
    ///
    /// ```text
    /// （二）部分公开	1	1
    /// (2 numbers for 7 columns: the total was lost in copying, and neither the identities nor the other rows tell which columns the two 1s belong to)
    /// ```
    ///
    /// ## Right
    ///
    /// ```text
    /// （二）部分公开	1	1	0	0	0	0	2
    /// (自然人 1, 商业企业 1, the others 0, 总计 2)
    /// ```
    ///
    /// ## How to fix
    ///
    /// Fill every cell of the original table (0 where nothing happened) so that each number's column is plain, and check again.
    pub CellAmbiguous {
        name: "cell-ambiguous",
        severity: Warning,
        title: "数字所在列可确定" / "Each number's column is certain",
        basis: "国办公开办函〔2021〕30号表格及其勾稽关系；条例第五十条第一款第（二）、（三）项"
            / "Tables of the format document 国办公开办函〔2021〕30号 (F2019: 〔2019〕60号) and their identities; Regulations art. 50 para. 1 items (2)–(3).",
    }
}

use super::helpers::table::{column_major, each_found_table, scan_cells};
use super::{Ctx, Rule};
use crate::layout::fmt_num;

pub(super) fn check(ctx: &mut Ctx) {
    each_found_table(ctx, CellAmbiguous::NAME, |ctx, n, name, t| {
        let b_amb = ctx.findings.len();
        if let Some(cm) = &t.column_major {
            column_major(ctx, n, name, t, cm, "cell-ambiguous");
        }
        let mut ambiguous = scan_cells(ctx, name, t).ambiguous;
    // A table read column by column says once which cells it could not place.
    if t.column_major.is_some() {
        ambiguous.clear();
    }
    for (row, rn, cols) in ambiguous {
        let desc: Vec<String> = cols
            .iter()
            .map(|(l, _, cand)| {
                if cand.is_empty() {
                    format!("{l}无法读取")
                } else {
                    format!(
                        "{l}可能为{}",
                        cand.iter()
                            .map(|v| fmt_num(*v as f64))
                            .collect::<Vec<_>>()
                            .join("或")
                    )
                }
            })
            .collect();
        let mut f = ctx.finding(
            "cell-ambiguous",
            Some(n),
            format!("{rn}：无法确定数字所在列（{}）", desc.join("；")),
            format!(
                "{}: cannot decide which column {} value(s) belong to",
                row.label,
                cols.len()
            ),
        );
        super::helpers::table::at_row(&mut f, row, name, cols.into_iter().map(|(_, id, _)| id).collect());
        ctx.push(f);
    }
    ctx.check_from(
        Some(n),
        "cell-ambiguous",
        b_amb,
        (
            "所有数字的所在列均可确定",
            "Every number's column is certain",
        ),
    );
    });
}
