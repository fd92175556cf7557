//! `active-published-total`: Published this year ≤ total published

declare_rule! {
    /// 2019年格式中，规章和规范性文件的“本年新公开数量”不应大于“对外公开总数量”。
    ///
    /// ## 检查什么
    ///
    /// 只用于2019年格式：第二部分表格“第二十条第（一）项”栏目的规章、规范性文件两行中，“本年新公开数量”大于“对外公开总数量”时记一处提示（本年新公开的文件应计入对外公开总数）。
    ///
    /// ## 错误示例
    ///
    /// ```text year=2020
    /// 信息内容	本年新制作数量	本年新公开数量	对外公开总数量
    /// 规范性文件	12	15	9
    /// ```
    ///
    /// ## 正确示例
    ///
    /// ```text year=2020
    /// 信息内容	本年新制作数量	本年新公开数量	对外公开总数量
    /// 规范性文件	12	12	136
    /// ```
    ///
    /// ## 如何改正
    ///
    /// 核对两列的口径：“对外公开总数量”是截至年底对外公开的全部文件数，应不小于本年新公开数量。常见错误是把两列填反。
    ///
    /// # English
    ///
    /// In the 2019 format, the number of regulations or normative documents published this year should not exceed the total number published.
    ///
    /// ## What it checks
    ///
    /// F2019 only: in the rows 规章 and 规范性文件 of part two's block 第二十条第（一）项, warns when 本年新公开数量 (published this year) exceeds 对外公开总数量 (total published), which should include them.
    ///
    /// ## Wrong
    ///
    /// ```text year=2020
    /// 信息内容	本年新制作数量	本年新公开数量	对外公开总数量
    /// 规范性文件	12	15	9
    /// (15 published this year, but only 9 published in all)
    /// ```
    ///
    /// ## Right
    ///
    /// ```text year=2020
    /// 规范性文件	12	12	136
    /// (12 made, 12 published this year, 136 published in all)
    /// ```
    ///
    /// ## How to fix
    ///
    /// Check what the columns count: 对外公开总数量 is every document published as of the year's end and cannot be below those published this year. The two columns are often swapped.
    pub ActivePublishedTotal {
        name: "active-published-total",
        severity: Warning,
        title: "本年新公开数量≤对外公开总数量" / "Published this year ≤ total published",
        basis: "国办公开办函〔2019〕60号表格：第二部分“第二十条第（一）项”栏目；条例第二十条第（一）项"
            / "Format document 国办公开办函〔2019〕60号, table of part two, block 第二十条第（一）项; Regulations art. 20 item (1). F2019 only.",
    }
}

use super::{Ctx, Rule};
use crate::result::{RowOut, Status};
use crate::spec::Format;

pub(super) fn check(ctx: &mut Ctx) {
    let t = &ctx.active.out;
    if !t.found {
        ctx.check(Some(2), ActivePublishedTotal::NAME, Status::Skip, "没有表格，无法检查", "No table");
        return;
    }
    let before = ctx.findings.len();
    if ctx.format == Format::F2019 {
        for row in t
            .rows
            .iter()
            .filter(|r| r.found && r.block.as_deref() == Some("一"))
        {
            if let (Some(p), Some(tot)) = (val(row, "published"), val(row, "total_published")) {
                if p > tot {
                    let mut f = ctx.finding(
                        "active-published-total",
                        Some(2),
                        format!(
                            "{}：本年新公开数量{}大于对外公开总数量{}",
                            row.label, p, tot
                        ),
                        format!(
                            "{}: published this year ({p}) exceeds total published ({tot})",
                            row.label
                        ),
                    );
                    super::helpers::table::at_row(&mut f, row, "active", vec![
                        format!("{}/published", row.key),
                        format!("{}/total_published", row.key),
                    ]);
                    f.expected = Some(tot);
                    f.actual = Some(p);
                    ctx.push(f);
                }
            }
        }
        ctx.check_from(
            Some(2),
            "active-published-total",
            before,
            (
                "本年新公开数量不超过对外公开总数量",
                "Published this year ≤ total published",
            ),
        );
    }
}

/// A cell's value.
pub(super) fn val(row: &RowOut, col: &str) -> Option<f64> {
    row.cell(col).and_then(|c| c.value)
}
