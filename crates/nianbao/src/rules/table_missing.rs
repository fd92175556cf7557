//! `table-missing`: Table present

declare_rule! {
    /// 第二、三、四部分各有一张格式规定的统计表。找不到表格时无法核对任何数字。
    ///
    /// ## 检查什么
    ///
    /// 第二、三、四部分各应有一张统计表（表格可以是制表符、竖线“|”分隔的文字，或从PDF、Word中读出的表格）。找到了该部分但读不到它的表格时记一处错误，该表格的其余检查（行、单元格、勾稽关系）跳过。该部分本身找不到时只把检查标为无法进行。
    ///
    /// ## 错误示例
    ///
    /// ```text
    /// 三、收到和处理政府信息公开申请情况
    /// 本年度收到和处理政府信息公开申请情况详见下表。
    /// （表格是图片，或复制时丢失了）
    /// 四、政府信息公开行政复议、行政诉讼情况
    /// ```
    ///
    /// ## 正确示例
    ///
    /// ```text
    /// 三、收到和处理政府信息公开申请情况
    /// （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）
    /// 一、本年新收政府信息公开申请数量	81	0	0	0	0	0	81
    /// ……
    /// ```
    ///
    /// ## 如何改正
    ///
    /// 在该部分插入格式规定的统计表，并以文字表格发布（不要只放图片），使公众和检查工具都能读取其中的数字。检查时可以粘贴从网页复制的表格，或直接打开 .docx / .pdf / .html 文件。
    ///
    /// # English
    ///
    /// Parts two, three and four each carry a prescribed statistics table; without it no number can be checked.
    ///
    /// ## What it checks
    ///
    /// Parts two, three and four each need their statistics table (tab- or pipe-separated text, or a table read from PDF or Word). When the part is there but its table cannot be found: one error, and the table's other checks (rows, cells, identities) are skipped. When the part itself is missing the checks are only marked as not run.
    ///
    /// ## Wrong
    ///
    /// ```text
    /// 三、收到和处理政府信息公开申请情况
    /// 本年度收到和处理政府信息公开申请情况详见下表。
    /// (the table is an image, or was lost in copying)
    /// 四、政府信息公开行政复议、行政诉讼情况
    /// ```
    ///
    /// ## Right
    ///
    /// ```text
    /// 三、收到和处理政府信息公开申请情况
    /// (the table as text: one row per line, cells separated by tabs)
    /// 一、本年新收政府信息公开申请数量	81	0	0	0	0	0	81
    /// …
    /// ```
    ///
    /// ## How to fix
    ///
    /// Put the prescribed table in the part, published as a text table (not only an image) so that readers and tools can read its numbers. To check, paste the table copied from the web page, or open the .docx / .pdf / .html file directly.
    pub TableMissing {
        name: "table-missing",
        severity: Error,
        also: [
            Warning: "表格有表头，但没有读到任何数字" / "the table has its header but no number was read",
        ],
        title: "表格存在" / "Table present",
        basis: "国办公开办函〔2021〕30号表格（第二、三、四部分各一张）；条例第五十条第一款第（一）至（三）项"
            / "Tables of the format document 国办公开办函〔2021〕30号 (F2019: 〔2019〕60号), one in each of parts two, three and four; Regulations art. 50 para. 1 items (1)–(3).",
    }
}

use super::helpers::table::{table, table_header_line, TABLES};
use super::{Ctx, Rule};
use crate::result::Status;

pub(super) fn check(ctx: &mut Ctx) {
    for (n, name, title) in TABLES {
        let t = table(ctx, name);
        if !ctx.section_found(n) && !t.out.found {
            ctx.check(
                Some(n),
                TableMissing::NAME,
                Status::Skip,
                "未找到本部分，无法检查表格",
                "Part not found; table not checked",
            );
        } else if !t.out.found {
            missing(ctx, n, name, title);
        } else {
            ctx.check(
                Some(n),
                TableMissing::NAME,
                Status::Pass,
                format!("第{}行起", t.out.line.unwrap_or(0)),
                format!("from line {}", t.out.line.unwrap_or(0)),
            );
        }
    }
}

/// Part `n` is there but its table is not: an error, or a warning when the table's header is
/// there and not one number was read.
fn missing(ctx: &mut Ctx, n: u8, name: &'static str, title: &str) {
        let line = ctx.heading_line(n);
        // The table's header is there but not one number was read (every cell left blank, or
        // numbers the reader could not take): not a missing table, and no Error.
        let header_at = table_header_line(ctx, n, name);
        let numeral = crate::spec::SECTIONS[n as usize - 1].numeral;
        let (zh, en, status) = match header_at {
            Some(no) => (
                format!("第{numeral}部分的{title}有表头（第{no}行），但没有读到任何数字：表格是空的（没有发生的事项应填0），或数字无法读取，请核对原文"),
                format!("Part {n}'s table has its header (line {no}) but no number was read: the table is empty (what did not happen should be 0) or its numbers cannot be read"),
                Status::Warn,
            ),
            None => (
                format!("第{numeral}部分没有{title}"),
                format!("Part {n} has no table"),
                Status::Fail,
            ),
        };
        let mut f = ctx.finding("table-missing", Some(n), zh, en);
        f.line = header_at.or(line);
        f.table = Some(name);
        if header_at.is_some() {
            f.severity = crate::result::Severity::Warning;
        }
        let detail = (f.message.clone(), f.message_en.clone());
        ctx.push(f);
        ctx.check(
            Some(n),
            "table-missing",
            status,
            if header_at.is_some() {
                detail.0
            } else {
                format!("未找到{title}")
            },
            if header_at.is_some() {
                detail.1
            } else {
                "Table not found".to_string()
            },
        );
}
