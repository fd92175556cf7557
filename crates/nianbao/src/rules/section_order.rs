//! `section-order`: Parts in order

declare_rule! {
    /// 六个部分应按一至六的顺序排列。顺序颠倒通常意味着复制粘贴出错或标题编号错误。
    ///
    /// ## 检查什么
    ///
    /// 按找到的各部分标题在文中出现的先后，检查编号是否依一至六递增（只比较找到的部分，缺少的部分由 section-missing 报告）。出现倒序时记一处错误，指向第一个排错位置的标题，并列出实际顺序。
    ///
    /// ## 错误示例
    ///
    /// ```text
    /// 四、政府信息公开行政复议、行政诉讼情况
    /// ……
    /// 六、其他需要报告的事项
    /// ……
    /// 五、存在的主要问题及改进情况
    /// ……
    /// （顺序为一、二、三、四、六、五）
    /// ```
    ///
    /// ## 正确示例
    ///
    /// ```text
    /// 四、政府信息公开行政复议、行政诉讼情况
    /// ……
    /// 五、存在的主要问题及改进情况
    /// ……
    /// 六、其他需要报告的事项
    /// ……
    /// ```
    ///
    /// ## 如何改正
    ///
    /// 把整段内容移到正确的位置，使六个部分依次排列。如果内容的顺序本来正确、只是标题编号写错（例如两个部分都编为“五、”），改正编号。
    ///
    /// # English
    ///
    /// The six parts must appear in the order one to six; parts out of order usually mean a copy-and-paste slip or a wrong heading number.
    ///
    /// ## What it checks
    ///
    /// Takes the parts found, in the order their headings appear, and checks that their numbers rise from one to six (missing parts are section-missing's business). One error when they do not, pointing at the first heading out of place and listing the order found.
    ///
    /// ## Wrong
    ///
    /// ```text
    /// 四、政府信息公开行政复议、行政诉讼情况 …
    /// 六、其他需要报告的事项 …
    /// 五、存在的主要问题及改进情况 …
    /// (order one, two, three, four, six, five)
    /// ```
    ///
    /// ## Right
    ///
    /// ```text
    /// 四、… 五、存在的主要问题及改进情况 … 六、其他需要报告的事项 … (one to six in order)
    /// ```
    ///
    /// ## How to fix
    ///
    /// Move the parts so they run one to six. If the content was in the right order and only a heading's number was wrong (two parts numbered 五、, say), correct the number.
    pub SectionOrder {
        name: "section-order",
        severity: Error,
        title: "各部分顺序正确" / "Parts in order",
        basis: "国办公开办函〔2021〕30号（年度报告格式）六个部分的顺序；条例第五十条第二款（统一格式）"
            / "Format document 国办公开办函〔2021〕30号 (F2019: 〔2019〕60号): the order of the six parts; Regulations art. 50 para. 2 (a uniform format).",
    }
}

use super::Ctx;
use crate::spec::SECTIONS;

pub(super) fn check(ctx: &mut Ctx) {
    // Order.
    let mut found: Vec<(usize, u8)> = ctx
        .structure
        .sections
        .iter()
        .flatten()
        .map(|s| (s.index, s.number))
        .collect();
    found.sort_unstable();
    let order: Vec<u8> = found.iter().map(|(_, n)| *n).collect();
    let before = ctx.findings.len();
    if order.windows(2).any(|w| w[0] > w[1]) {
        let seq: Vec<String> = order
            .iter()
            .map(|n| SECTIONS[*n as usize - 1].numeral.to_string())
            .collect();
        let mut f = ctx.finding(
            "section-order",
            None,
            format!("各部分顺序为{}，应为一至六依次排列", seq.join("、")),
            format!(
                "Parts appear in the order {}, not one to six",
                order
                    .iter()
                    .map(|n| n.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        );
        if let Some(w) = found.windows(2).find(|w| w[0].1 > w[1].1) {
            f.line = Some(ctx.text.lines[w[1].0].no);
            f.column = Some(ctx.text.lines[w[1].0].column(0));
        }
        ctx.push(f);
    }
    ctx.check_from(
        None,
        "section-order",
        before,
        ("各部分按顺序排列", "Parts are in order"),
    );

}
