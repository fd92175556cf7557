//! `cell-blank`: No blank cells

declare_rule! {
    /// 统计表中没有发生的事项应填0，不应留空或填“/”“—”“无”。空白单元格会使勾稽关系无法判定。
    ///
    /// ## 检查什么
    ///
    /// 找到的每一行中，空白单元格或填“/”“-”“—”“无”等非数字记号的单元格，每行合并记一处提示并列出这些列。行内数字个数不足、无法确定空白在哪一列时，提示空白的个数，并注明所示位置是推测。依赖这些单元格的勾稽关系不作判定（检查器不会把空白当作0）。
    ///
    /// ## 错误示例
    ///
    /// ```text
    /// 1.属于国家秘密	/	/	/	/	/	/	/
    /// 2.重复申请	1						1
    /// ```
    ///
    /// ## 正确示例
    ///
    /// ```text
    /// 1.属于国家秘密	0	0	0	0	0	0	0
    /// 2.重复申请	1	0	0	0	0	0	1
    /// ```
    ///
    /// ## 如何改正
    ///
    /// 没有发生的事项填0，不留空，也不填“/”“—”“无”。
    ///
    /// # English
    ///
    /// A cell for something that did not happen should hold 0, not be left blank or hold /, — or 无. Blank cells leave the identities undecided.
    ///
    /// ## What it checks
    ///
    /// In every row found, cells that are blank or hold a mark instead of a number (/, -, —, 无) are one warning per row, naming the columns. When a row is short and the text does not say which columns are blank, the warning gives their number and says the position shown is a guess. Identities that need these cells are left undecided: a blank is never taken for 0.
    ///
    /// ## Wrong
    ///
    /// ```text
    /// 1.属于国家秘密	/	/	/	/	/	/	/
    /// 2.重复申请	1						1
    /// (marks and empty cells)
    /// ```
    ///
    /// ## Right
    ///
    /// ```text
    /// 1.属于国家秘密	0	0	0	0	0	0	0
    /// 2.重复申请	1	0	0	0	0	0	1
    /// ```
    ///
    /// ## How to fix
    ///
    /// Enter 0 for anything that did not happen; leave no cell empty and use no /, — or 无.
    pub CellBlank {
        name: "cell-blank",
        severity: Warning,
        title: "无空白单元格" / "No blank cells",
        basis: "国办公开办函〔2021〕30号表格（统计数字）；条例第五十条第一款第（一）至（三）项"
            / "Tables of the format document 国办公开办函〔2021〕30号 (F2019: 〔2019〕60号); Regulations art. 50 para. 1 items (1)–(3) (the figures reported).",
    }
}

use super::helpers::table::{each_found_table, scan_cells, whole_columns};
use super::{Ctx, Rule};

pub(super) fn check(ctx: &mut Ctx) {
    each_found_table(ctx, CellBlank::NAME, |ctx, n, name, t| {
        let b_blank = ctx.findings.len();
        let scan = scan_cells(ctx, name, t);
        let loose_blanks = scan.loose_blanks;
    let blanks = whole_columns(ctx, n, name, t, scan.blanks);
    for (row, rn, cols) in blanks {
        let names: Vec<String> = cols
            .iter()
            .map(|(l, _, raw)| {
                if raw.is_empty() {
                    l.clone()
                } else {
                    format!("{l}（“{raw}”）")
                }
            })
            .collect();
        let mut f = ctx.finding(
            "cell-blank",
            Some(n),
            format!("{rn}：{}为空或未填数字，应填0", names.join("、")),
            format!(
                "{}: {} cell(s) blank or not a number; they should hold 0",
                row.label,
                cols.len()
            ),
        );
        super::helpers::table::at_row(&mut f, row, name, cols.into_iter().map(|(_, id, _)| id).collect());
        ctx.push(f);
    }
    for (row, rn, cols) in loose_blanks {
        let names: Vec<String> = cols.iter().map(|(l, _, _)| l.clone()).collect();
        let mut f = ctx.finding(
            "cell-blank",
            Some(n),
            format!(
                "{rn}：有{}个单元格为空或未填数字（应填0），但文字无法确定是哪几列（按版式推测为{}，位置不确定）",
                cols.len(),
                names.join("、")
            ),
            format!(
                "{}: {} cell(s) blank or not a number, but the text does not say which column(s); the position shown is a guess",
                row.label,
                cols.len()
            ),
        );
        super::helpers::table::at_row(&mut f, row, name, cols.into_iter().map(|(_, id, _)| id).collect());
        ctx.push(f);
    }
    ctx.check_from(
        Some(n),
        "cell-blank",
        b_blank,
        ("没有空白单元格", "No blank cells"),
    );
    });
}
