//! Each rule's page for `nianbao rules --explain NAME` (and, as JSON, for the web page): what it
//! checks, its legal basis, a wrong and a right example, how to fix it, in Chinese and English.
//!
//! The page texts are behind the `pages` feature (on for the command line), so the web page's
//! first load does not carry them; [`RulePageOut`], the page as data, is always there, so a page
//! can read one it is sent as JSON.

use crate::result::Severity;
use serde::{Deserialize, Serialize};

/// A rule's page as data: [`super::RuleInfo`]'s fields and the page's sections, both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RulePageOut {
    pub name: String,
    pub severity: Severity,
    pub title: String,
    pub title_en: String,
    /// The legal basis: articles of the 条例 and items of the format documents.
    pub basis: String,
    pub basis_en: String,
    pub explanation: String,
    pub explanation_en: String,
    /// What the rule's code looks at and when it finds something.
    pub checks: String,
    pub checks_en: String,
    /// A report snippet the rule finds wrong.
    pub wrong: String,
    pub wrong_en: String,
    /// The same snippet put right.
    pub right: String,
    pub right_en: String,
    /// How to correct the report.
    pub fix: String,
    pub fix_en: String,
}

#[cfg(feature = "pages")]
pub use text::*;

#[cfg(feature = "pages")]
mod text {
    use super::RulePageOut;
    use crate::rules::{RuleInfo, RULES};

    /// A rule's page beyond its [`RuleInfo`]: Chinese first, each with its English.
    #[derive(Debug, Clone, Copy)]
    pub struct RulePage {
        pub name: &'static str,
        /// [`RuleInfo::basis`] in English.
        pub basis_en: &'static str,
        pub checks: &'static str,
        pub checks_en: &'static str,
        pub wrong: &'static str,
        pub wrong_en: &'static str,
        pub right: &'static str,
        pub right_en: &'static str,
        pub fix: &'static str,
        pub fix_en: &'static str,
    }

    /// The page of a rule, if it has one (every rule of [`RULES`] has: tests/pages.rs).
    pub fn rule_page(name: &str) -> Option<&'static RulePage> {
        PAGES.iter().find(|p| p.name == name)
    }

    /// A rule's page as data, for JSON; None for a name that is not a rule.
    pub fn page_data(name: &str) -> Option<RulePageOut> {
        let r = RULES.iter().find(|r| r.name == name)?;
        Some(out(r, rule_page(name)?))
    }

    /// Every rule's page, in the order of [`RULES`].
    pub fn all() -> Vec<RulePageOut> {
        RULES
            .iter()
            .filter_map(|r| Some(out(r, rule_page(r.name)?)))
            .collect()
    }

    const UNCERTAIN: &str = "读数不确定时：本规则依据的单元格中若有推断的（不是从原文读出的：按勾稽关系在多种可能中推测的位置、按个数分配的行），发现的问题只作提示，写明“读数不确定”和推断的单元格，不作为错误，也不计入“需修改”。";
    const UNCERTAIN_EN: &str = "When the reading is uncertain: if a cell this rule rests on was inferred rather than read (a position the identities chose among several, a row given by counting), the finding is only a warning that says so and lists the inferred cells; it is never an error and never counts towards 需修改.";

    /// A rule's "what it checks", with how its severity follows a cell's provenance for the
    /// rules whose findings rest on table cells.
    fn with_provenance(name: &str, checks: &str, note: &str) -> String {
        if crate::rules::provenance::ON_CELLS.contains(&name) {
            format!("{checks}\n{note}")
        } else {
            checks.to_string()
        }
    }

    fn out(r: &RuleInfo, p: &RulePage) -> RulePageOut {
        RulePageOut {
            name: r.name.into(),
            severity: r.severity,
            title: r.title.into(),
            title_en: r.title_en.into(),
            basis: r.basis.into(),
            basis_en: p.basis_en.into(),
            explanation: r.explanation.into(),
            explanation_en: r.explanation_en.into(),
            checks: with_provenance(r.name, p.checks, UNCERTAIN),
            checks_en: with_provenance(r.name, p.checks_en, UNCERTAIN_EN),
            wrong: p.wrong.into(),
            wrong_en: p.wrong_en.into(),
            right: p.right.into(),
            right_en: p.right_en.into(),
            fix: p.fix.into(),
            fix_en: p.fix_en.into(),
        }
    }

    /// A rule's page as text for the command line, Chinese then English.
    pub fn page(name: &str) -> Option<String> {
        page_in(name, true, true)
    }

    /// A rule's page as text in Chinese (`zh`), English (`en`) or both.
    pub fn page_in(name: &str, zh: bool, en: bool) -> Option<String> {
        Some(render(&page_data(name)?, zh, en))
    }

    /// The page as text: a head line, then one heading and an indented block per section.
    pub fn render(p: &RulePageOut, zh: bool, en: bool) -> String {
        let sev = match p.severity {
            crate::result::Severity::Error => "错误",
            crate::result::Severity::Warning => "提示",
            crate::result::Severity::Info => "信息",
        };
        let mut s = p.name.clone();
        s.push_str(" — ");
        s.push_str(&match (zh, en) {
            (true, false) => sev.to_string(),
            (false, true) => p.severity.name().to_string(),
            _ => format!("{sev} {}", p.severity.name()),
        });
        s.push('\n');
        if zh {
            s.push_str(&p.title);
            s.push('\n');
        }
        if en {
            s.push_str(&p.title_en);
            s.push('\n');
        }
        let block = |s: &mut String, head: &str, body: &str| {
            s.push('\n');
            s.push_str(head);
            s.push('\n');
            for line in body.lines() {
                s.push_str("    ");
                s.push_str(line);
                s.push('\n');
            }
        };
        if zh {
            block(&mut s, "说明", &p.explanation);
            block(&mut s, "依据", &p.basis);
            block(&mut s, "检查什么", &p.checks);
            block(&mut s, "错误示例", &p.wrong);
            block(&mut s, "正确示例", &p.right);
            block(&mut s, "如何改正", &p.fix);
        }
        if zh && en {
            s.push_str("\n――――――――――――――――――――――――――――――――――――――――\n\nEnglish\n");
        }
        if en {
            block(&mut s, "Explanation", &p.explanation_en);
            block(&mut s, "Basis", &format!("{}\n{}", p.basis_en, p.basis));
            block(&mut s, "What it checks", &p.checks_en);
            block(&mut s, "Wrong", &p.wrong_en);
            block(&mut s, "Right", &p.right_en);
            block(&mut s, "How to fix", &p.fix_en);
        }
        s
    }

    /// The pages, in the order of [`RULES`]. Examples are report snippets; where they show a
    /// table, its numbers are given in the order of the table's columns.
    pub const PAGES: &[RulePage] = &[
        RulePage {
            name: "section-missing",
            basis_en: "Format document 国办公开办函〔2021〕30号 (F2019: 国办公开办函〔2019〕60号): the six parts; Regulations on Open Government Information (2019), art. 50 para. 1 items (1)–(5).",
            checks: "按标题找出六个部分。标题以“一、”至“六、”（或“一.”“一 ”）开头，后接该部分的关键词（总体、主动公开、申请、行政复议、问题、其他……报告），可带“#”、空格或常见措辞变体。每缺一个部分记一处错误，该部分在检查清单中标为未通过，其表格检查也无法进行。第三部分表格中以“一、”至“四、”开头的数据行（如“一、本年新收政府信息公开申请数量”）不算部分标题。",
            checks_en: "Finds the six parts by their headings: 一、 to 六、 (or 一. / 一 followed by a space) and then the part's key word (总体, 主动公开, 申请, 行政复议, 问题, 其他…报告), with markdown #, stray spaces or common wording variants allowed. Each part not found is one error; the part fails in the checklist and its table cannot be checked. Data rows of part three's table that start with 一、 to 四、 (一、本年新收政府信息公开申请数量 …) are not part headings.",
            wrong: "四、政府信息公开行政复议、行政诉讼情况\n（表格）\n六、其他需要报告的事项\n本机关2023年未收取信息处理费。\n（没有第五部分，问题和改进措施写进了第一部分末尾）",
            wrong_en: "四、政府信息公开行政复议、行政诉讼情况\n(table)\n六、其他需要报告的事项\n本机关2023年未收取信息处理费。\n(No part five: the problems and improvements were written at the end of part one.)",
            right: "四、政府信息公开行政复议、行政诉讼情况\n（表格）\n五、存在的主要问题及改进情况\n一是部分栏目更新不及时……下一步，我局将……\n六、其他需要报告的事项\n本机关2023年未收取信息处理费。",
            right_en: "The same report with part five in its place:\n五、存在的主要问题及改进情况\n一是部分栏目更新不及时……下一步，我局将……\nbetween parts four and six.",
            fix: "按格式补上缺少的部分，标题单独成行，用“五、”这样的编号和规定的措辞（如“五、存在的主要问题及改进情况”）。某部分确无内容时也保留标题并写明情况，例如“本年度无其他需要报告的事项”。如果该部分其实写了，只是标题写成“（五）”或与上一段连在一起，把标题改成规定的形式即可。",
            fix_en: "Add the missing part with its heading on a line of its own, numbered like 五、 and worded as the format says (五、存在的主要问题及改进情况). A part with nothing to report keeps its heading and says so (本年度无其他需要报告的事项). If the part is there but its heading reads （五） or runs into the paragraph before, give it the prescribed form.",
        },
        RulePage {
            name: "section-order",
            basis_en: "Format document 国办公开办函〔2021〕30号 (F2019: 〔2019〕60号): the order of the six parts; Regulations art. 50 para. 2 (a uniform format).",
            checks: "按找到的各部分标题在文中出现的先后，检查编号是否依一至六递增（只比较找到的部分，缺少的部分由 section-missing 报告）。出现倒序时记一处错误，指向第一个排错位置的标题，并列出实际顺序。",
            checks_en: "Takes the parts found, in the order their headings appear, and checks that their numbers rise from one to six (missing parts are section-missing's business). One error when they do not, pointing at the first heading out of place and listing the order found.",
            wrong: "四、政府信息公开行政复议、行政诉讼情况\n……\n六、其他需要报告的事项\n……\n五、存在的主要问题及改进情况\n……\n（顺序为一、二、三、四、六、五）",
            wrong_en: "四、政府信息公开行政复议、行政诉讼情况 …\n六、其他需要报告的事项 …\n五、存在的主要问题及改进情况 …\n(order one, two, three, four, six, five)",
            right: "四、政府信息公开行政复议、行政诉讼情况\n……\n五、存在的主要问题及改进情况\n……\n六、其他需要报告的事项\n……",
            right_en: "四、… 五、存在的主要问题及改进情况 … 六、其他需要报告的事项 … (one to six in order)",
            fix: "把整段内容移到正确的位置，使六个部分依次排列。如果内容的顺序本来正确、只是标题编号写错（例如两个部分都编为“五、”），改正编号。",
            fix_en: "Move the parts so they run one to six. If the content was in the right order and only a heading's number was wrong (two parts numbered 五、, say), correct the number.",
        },
        RulePage {
            name: "section-heading",
            basis_en: "Format document 国办公开办函〔2021〕30号 (F2019: 〔2019〕60号): the parts' headings; Regulations art. 50 para. 2 (a uniform format).",
            checks: "把找到的每个部分标题（忽略空格、标点和“#”等标记）与规定措辞比较。与规定一致的通过；已知的变体（如“二、行政机关主动公开政府信息情况”“一、总体概述”“六、其他需要报告事项”）和其他措辞（如“一、2023年政务公开总体情况”）各记一处提示，指向该标题。",
            checks_en: "Compares each heading found (ignoring spaces, punctuation and marks like #) with the official wording. Official wording passes; a known variant (二、行政机关主动公开政府信息情况, 一、总体概述, 六、其他需要报告事项) or other wording (一、2023年政务公开总体情况) is one warning, at the heading.",
            wrong: "二、行政机关主动公开政府信息情况\n四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
            wrong_en: "二、行政机关主动公开政府信息情况\n四、因政府信息公开工作被申请行政复议、提起行政诉讼情况\n(wording of older templates)",
            right: "二、主动公开政府信息情况\n四、政府信息公开行政复议、行政诉讼情况",
            right_en: "二、主动公开政府信息情况\n四、政府信息公开行政复议、行政诉讼情况",
            fix: "把标题改为规定的措辞：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。年份、机关名称等写在正文里，不写进标题。",
            fix_en: "Use the official headings: 一、总体情况; 二、主动公开政府信息情况; 三、收到和处理政府信息公开申请情况; 四、政府信息公开行政复议、行政诉讼情况; 五、存在的主要问题及改进情况; 六、其他需要报告的事项. Years and agency names go in the text, not in the heading.",
        },
        RulePage {
            name: "section-empty",
            basis_en: "Format document 国办公开办函〔2021〕30号 (F2019: 〔2019〕60号), part five; Regulations art. 50 para. 1 item (4) (main problems and improvements; a government's report also covers appraisal, public review and accountability).",
            checks: "第五部分“存在的主要问题及改进情况”的正文（从标题到下一部分，只计汉字、字母和数字）少于4个字，或者只写“无”“暂无”时，记一处提示。只在找到第五部分时检查。",
            checks_en: "Warns when the body of part five (from its heading to the next part, counting only Chinese characters, letters and digits) has fewer than 4 characters or is just 无 or 暂无. Checked only when part five was found.",
            wrong: "五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项",
            wrong_en: "五、存在的主要问题及改进情况\n无。 (none)\n六、其他需要报告的事项",
            right: "五、存在的主要问题及改进情况\n2023年，我局政府信息公开工作还存在栏目内容更新不够及时等问题。2024年，我局将建立栏目更新台账，每月检查一次。",
            right_en: "五、存在的主要问题及改进情况\n2023年，我局政府信息公开工作还存在栏目内容更新不够及时等问题。2024年，我局将建立栏目更新台账，每月检查一次。\n(a real problem and a concrete improvement)",
            fix: "写出本年度工作中实际存在的问题和具体的改进措施；人民政府的报告还应说明工作考核、社会评议和责任追究结果情况，以及上年问题的整改情况。",
            fix_en: "Describe the year's actual problems and concrete improvements; a people's government's report also states the results of appraisal, public review and accountability, and how last year's problems were dealt with.",
        },
        RulePage {
            name: "fee-statement",
            basis_en: "Format document 国办公开办函〔2021〕30号, part six (other matters); Regulations art. 42 (information-processing fees); Measures on information-processing fees, 国办函〔2020〕109号.",
            checks: "报告年度为2021年及以后（应使用2021年格式）且找到第六部分时，检查第六部分的正文是否出现“处理费”三字；没有则记一处提示。2019、2020年度报告不检查。",
            checks_en: "For reports for 2021 and later (the 2021 format) whose part six was found: warns when part six's body does not contain 处理费. Reports for 2019 and 2020 are not checked.",
            wrong: "六、其他需要报告的事项\n本年度无其他需要报告的事项。",
            wrong_en: "六、其他需要报告的事项\n本年度无其他需要报告的事项。 (nothing else to report — but no word on fees)",
            right: "六、其他需要报告的事项\n本机关2023年未收取信息处理费。",
            right_en: "六、其他需要报告的事项\n本机关2023年未收取信息处理费。 (no processing fees were collected in 2023)",
            fix: "在第六部分写明本年度依据《政府信息公开信息处理费管理办法》收取信息处理费的情况：收取了的写明件数和金额，未收取的写“本机关××××年未收取信息处理费”。",
            fix_en: "State in part six the processing fees collected under the fee measures: how many and how much if any, otherwise a sentence such as 本机关2023年未收取信息处理费 (no fees collected in 2023).",
        },
        RulePage {
            name: "table-missing",
            basis_en: "Tables of the format document 国办公开办函〔2021〕30号 (F2019: 〔2019〕60号), one in each of parts two, three and four; Regulations art. 50 para. 1 items (1)–(3).",
            checks: "第二、三、四部分各应有一张统计表（表格可以是制表符、竖线“|”分隔的文字，或从PDF、Word中读出的表格）。找到了该部分但读不到它的表格时记一处错误，该表格的其余检查（行、单元格、勾稽关系）跳过。该部分本身找不到时只把检查标为无法进行。",
            checks_en: "Parts two, three and four each need their statistics table (tab- or pipe-separated text, or a table read from PDF or Word). When the part is there but its table cannot be found: one error, and the table's other checks (rows, cells, identities) are skipped. When the part itself is missing the checks are only marked as not run.",
            wrong: "三、收到和处理政府信息公开申请情况\n本年度收到和处理政府信息公开申请情况详见下表。\n（表格是图片，或复制时丢失了）\n四、政府信息公开行政复议、行政诉讼情况",
            wrong_en: "三、收到和处理政府信息公开申请情况\n本年度收到和处理政府信息公开申请情况详见下表。\n(the table is an image, or was lost in copying)\n四、政府信息公开行政复议、行政诉讼情况",
            right: "三、收到和处理政府信息公开申请情况\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n一、本年新收政府信息公开申请数量\t81\t0\t0\t0\t0\t0\t81\n……",
            right_en: "三、收到和处理政府信息公开申请情况\n(the table as text: one row per line, cells separated by tabs)\n一、本年新收政府信息公开申请数量\t81\t0\t0\t0\t0\t0\t81\n…",
            fix: "在该部分插入格式规定的统计表，并以文字表格发布（不要只放图片），使公众和检查工具都能读取其中的数字。检查时可以粘贴从网页复制的表格，或直接打开 .docx / .pdf / .html 文件。",
            fix_en: "Put the prescribed table in the part, published as a text table (not only an image) so that readers and tools can read its numbers. To check, paste the table copied from the web page, or open the .docx / .pdf / .html file directly.",
        },
        RulePage {
            name: "row-missing",
            basis_en: "Tables of the format document 国办公开办函〔2021〕30号 (F2019: 〔2019〕60号): every row; Regulations art. 50 para. 2 (a uniform format).",
            checks: "按报告所用格式逐行对照：第二部分表格的各栏目行（如规章、行政规范性文件、行政许可……），第三部分表格的数据行（2019年格式23行，2021年格式25行），第四部分的一行数据。每缺一行记一处错误。若某一组下（如“（三）不予公开”）有几行数据丢了标签，而行数与格式不符、无法逐行对应，则整组记一处错误并列出这些行。",
            checks_en: "Goes through the rows of the format the report uses: the rows of part two's table (规章, 行政规范性文件, 行政许可 …), part three's data rows (23 in F2019, 25 in F2021) and part four's one row. Each missing row is one error. When rows under a group (（三）不予公开, say) lost their labels and their count differs from the format's, so they cannot be matched one by one, the group is one error listing those lines.",
            wrong: "（六）其他处理\n1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0\n2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0\n（七）总计\t79\t0\t0\t0\t0\t0\t79\n（2021年格式，缺少“3.其他”一行）",
            wrong_en: "（六）其他处理\n1.申请人无正当理由逾期不补正…\t0\t0\t0\t0\t0\t0\t0\n2.申请人逾期未按收费通知要求缴纳费用…\t0\t0\t0\t0\t0\t0\t0\n（七）总计\t79\t0\t0\t0\t0\t0\t79\n(2021 format: the row 3.其他 is missing)",
            right: "（六）其他处理\n1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0\n2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0\n3.其他\t0\t0\t0\t0\t0\t0\t0\n（七）总计\t79\t0\t0\t0\t0\t0\t79",
            right_en: "（六）其他处理\n1.…\t0\t0\t0\t0\t0\t0\t0\n2.…\t0\t0\t0\t0\t0\t0\t0\n3.其他\t0\t0\t0\t0\t0\t0\t0\n（七）总计\t79\t0\t0\t0\t0\t0\t79",
            fix: "按报告年度对应的格式补全表格的每一行（没有发生的事项填0，不要删行），并保留每行的标签文字；不要把2019年格式的表格套用到2021年及以后的报告（见 format-year-mismatch）。",
            fix_en: "Complete the table with every row of the format for the report's year (0 where nothing happened; do not delete rows) and keep each row's label. Do not use the 2019 table in a report for 2021 or later (see format-year-mismatch).",
        },
        RulePage {
            name: "row-shape",
            basis_en: "Tables of the format document 国办公开办函〔2021〕30号 (F2019: 〔2019〕60号): the columns of each table; Regulations art. 50 para. 2 (a uniform format).",
            checks: "每行读到的数字个数应等于表格的列数（第三部分7个，第四部分15个，第二部分各栏目按其列数）。个数不符、数字连在一起（如“1203”）或分散在几行时，检查器用勾稽关系和其他行推断每个数所在的列：只有一种放法成立时采用并提示，放法不唯一时提示该行无法确定（见 cell-ambiguous）。表格按列排列（先列全部标签、再逐列列出数字，常见于从PDF复制的文字）时，检查器逐列还原表格：每列数字个数与行数相符时全部读取（读法“按列还原”），并在此记一条信息；一行的单元格超过400个时，也在此提示。",
            checks_en: "Each row should have as many numbers as its table has columns (7 in part three, 15 in part four, each block's own count in part two). When a row has fewer or more, its digits are glued together (1203) or its numbers are spread over several lines, the checker places them using the identities and the other rows: a single consistent placement is used and flagged; more than one leaves the row undecided (see cell-ambiguous). A table laid out column by column (all labels, then each column's numbers: text copied from a PDF) is put back column by column; when every column's count fits, every cell is read (\"transposed\") and an info says so here. A line of more than 400 cells is also flagged here.",
            wrong: "（一）予以公开\t2\t3\t1\t6\n（一行只有4个数，表格有7列：空白单元格在复制时丢失了）",
            wrong_en: "（一）予以公开\t2\t3\t1\t6\n(4 numbers for 7 columns: the blank cells were lost in copying)",
            right: "（一）予以公开\t2\t0\t3\t1\t0\t0\t6",
            right_en: "（一）予以公开\t2\t0\t3\t1\t0\t0\t6\n(自然人 2, 商业企业 0, 科研机构 3, 社会公益组织 1, 法律服务机构 0, 其他 0, 总计 6)",
            fix: "在原表中补齐每一格（没有的填0），使每行的数字个数等于列数；发布时使用文字表格，避免把表格做成图片或逐列排版。检查器推断出的位置只是推测，请按原始台账核对。",
            fix_en: "Fill every cell of the original table (0 where nothing happened) so each row has as many numbers as columns, and publish a text table rather than an image or a column-by-column layout. A placement the checker inferred is a guess: verify it against the records.",
        },
        RulePage {
            name: "cell-blank",
            basis_en: "Tables of the format document 国办公开办函〔2021〕30号 (F2019: 〔2019〕60号); Regulations art. 50 para. 1 items (1)–(3) (the figures reported).",
            checks: "找到的每一行中，空白单元格或填“/”“-”“—”“无”等非数字记号的单元格，每行合并记一处提示并列出这些列。行内数字个数不足、无法确定空白在哪一列时，提示空白的个数，并注明所示位置是推测。依赖这些单元格的勾稽关系不作判定（检查器不会把空白当作0）。",
            checks_en: "In every row found, cells that are blank or hold a mark instead of a number (/, -, —, 无) are one warning per row, naming the columns. When a row is short and the text does not say which columns are blank, the warning gives their number and says the position shown is a guess. Identities that need these cells are left undecided: a blank is never taken for 0.",
            wrong: "1.属于国家秘密\t/\t/\t/\t/\t/\t/\t/\n2.重复申请\t1\t\t\t\t\t\t1",
            wrong_en: "1.属于国家秘密\t/\t/\t/\t/\t/\t/\t/\n2.重复申请\t1\t\t\t\t\t\t1\n(marks and empty cells)",
            right: "1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0\n2.重复申请\t1\t0\t0\t0\t0\t0\t1",
            right_en: "1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0\n2.重复申请\t1\t0\t0\t0\t0\t0\t1",
            fix: "没有发生的事项填0，不留空，也不填“/”“—”“无”。",
            fix_en: "Enter 0 for anything that did not happen; leave no cell empty and use no /, — or 无.",
        },
        RulePage {
            name: "cell-invalid",
            basis_en: "Tables of the format document 国办公开办函〔2021〕30号 (F2019: 〔2019〕60号): what each column counts; Regulations art. 50 para. 1 items (1)–(3).",
            checks: "逐格检查数值：件数列只能是非负整数；2019年格式的“本年增/减”可带正负号，但须为整数；金额列（采购总金额、收费金额）可带小数，不能为负。文字（如“减4”“若干”）、负的件数、带小数的件数，以及大得不合常理的数（超过一万亿或有效数字超过15位）各记一处错误。",
            checks_en: "Checks each value: count columns hold non-negative whole numbers; the 2019 format's 本年增/减 may be signed but whole; money columns (procurement amounts, fees) may have decimals but not be negative. Text (减4, 若干), negative or fractional counts, and implausibly large numbers (over 10^12 or more than 15 significant digits) are one error each.",
            wrong: "行政许可\t128\t减4\t3560\n（一）予以公开\t-3\t0\t0\t0\t0\t0\t-3",
            wrong_en: "行政许可\t128\t减4\t3560\n（一）予以公开\t-3\t0\t0\t0\t0\t0\t-3\n(减4 is text; a count cannot be −3)",
            right: "行政许可\t128\t-4\t3560\n（一）予以公开\t3\t0\t0\t0\t0\t0\t3",
            right_en: "行政许可\t128\t-4\t3560\n（一）予以公开\t3\t0\t0\t0\t0\t0\t3",
            fix: "按台账改为有效数值：件数写非负整数，增减写“+48”“-4”这样的带符号整数，金额写数字（单位放在表头或写成“12832元”“160.5964万元”）。",
            fix_en: "Correct the value from the records: counts as non-negative whole numbers, changes as signed whole numbers (+48, -4), amounts as numbers (the unit in the header, or as 12832元 / 160.5964万元).",
        },
        RulePage {
            name: "cell-ambiguous",
            basis_en: "Tables of the format document 国办公开办函〔2021〕30号 (F2019: 〔2019〕60号) and their identities; Regulations art. 50 para. 1 items (2)–(3).",
            checks: "当一行的数字个数与列数不符，而且有不止一种放法都满足勾稽关系和其他行时，检查器不猜测：把这些单元格标为无法判定，每行记一处提示，列出每格可能的值（如“商业企业可能为0或1”）。依赖这些单元格的勾稽关系不作判定。按列提取的表格（先列标签、再逐列列出数字）中空白单元格不留文字：只有所有满足勾稽关系的放法都一致的单元格才读取，其余单元格不读取，整张表记一处提示，说明哪些行可以确定；无法还原时说明原因，绝不按个数分配。",
            checks_en: "When a row's numbers do not fit its columns and more than one placement satisfies the identities and the other rows, the checker does not guess: the cells are marked undecided, one warning per row, with each cell's possible values (商业企业 may be 0 or 1). Identities over these cells are left undecided. In a table taken column by column (labels, then each column's values) a blank cell leaves nothing: only cells on which every placement that keeps the identities agrees are read; the others are not, with one warning for the table naming the rows that could be read, or why it cannot be put back. Numbers are never dealt out by count.",
            wrong: "（二）部分公开\t1\t1\t2\n（3个数，7列：两个1各在哪一类申请人的列，勾稽关系和其他行都无法确定）",
            wrong_en: "（二）部分公开\t1\t1\t2\n(3 numbers for 7 columns: neither the identities nor the other rows tell which applicant columns the two 1s belong to)",
            right: "（二）部分公开\t1\t1\t0\t0\t0\t0\t2",
            right_en: "（二）部分公开\t1\t1\t0\t0\t0\t0\t2\n(自然人 1, 商业企业 1, the others 0, 总计 2)",
            fix: "在原表中把每一格都填上数字（没有的填0），使每个数所在的列都明确；然后重新检查。",
            fix_en: "Fill every cell of the original table (0 where nothing happened) so that each number's column is plain, and check again.",
        },
        RulePage {
            name: "requests-balance",
            basis_en: "Format document 国办公开办函〔2021〕30号 (F2019: 〔2019〕60号), table of part three, header note: row 1 + row 2 = row 3 + row 4; Regulations art. 50 para. 1 item (2).",
            checks: "第三部分表格的7列（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计）逐列核对：第一项“本年新收”+第二项“上年结转” = 第三项“（七）总计”+第四项“结转下年度继续办理”。每一列不成立记一处错误，写出两边的加式。四个单元格中有空白、无效或无法判定的，该列不作判定并说明缺哪一项；数字位置是推测的，只作提示。两列分别相差+k和−k而总计列成立时，改报 misfiled-columns。",
            checks_en: "In each of the 7 columns of part three's table (自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计): row 1 (received this year) + row 2 (carried over) = row 3.7 (total handled) + row 4 (carried into next year). Each column that fails is one error, with both sides written out. A column with a blank, invalid or undecided operand is not decided (the check says which operand); a failure over guessed positions is only a warning. Two columns off by +k and −k while the total column holds are reported as misfiled-columns instead.",
            wrong: "一、本年新收政府信息公开申请数量\t78\t2\t0\t0\t1\t0\t81\n二、上年结转政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3\n……\n（七）总计\t76\t2\t0\t0\t1\t0\t79\n四、结转下年度继续办理\t6\t0\t0\t0\t0\t0\t6\n自然人列：78+3=81，而76+6=82；总计列：81+3=84，而79+6=85",
            wrong_en: "Row 1 (received)\t78\t2\t0\t0\t1\t0\t81\nRow 2 (carried over)\t3\t0\t0\t0\t0\t0\t3\n…\nRow 3.7 (handled)\t76\t2\t0\t0\t1\t0\t79\nRow 4 (carried forward)\t6\t0\t0\t0\t0\t0\t6\n自然人 column: 78 + 3 = 81, but 76 + 6 = 82; total column: 81 + 3 = 84, but 79 + 6 = 85.",
            right: "一、本年新收政府信息公开申请数量\t78\t2\t0\t0\t1\t0\t81\n二、上年结转政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3\n……\n（七）总计\t76\t2\t0\t0\t1\t0\t79\n四、结转下年度继续办理\t5\t0\t0\t0\t0\t0\t5\n自然人列：78+3=81=76+5；总计列：81+3=84=79+5",
            right_en: "Row 4 (carried forward)\t5\t0\t0\t0\t0\t0\t5\n自然人 column: 78 + 3 = 81 = 76 + 5; total column: 81 + 3 = 84 = 79 + 5.",
            fix: "按申请登记台账逐列核对本年新收、上年结转、办理结果和结转下年度的件数，改正填错的单元格。上年结转应与上年度报告的“结转下年度继续办理”一致（见 carryover-mismatch）。",
            fix_en: "Check each column's received, carried-over, handled and carried-forward counts against the request register and correct the wrong cell. Row 2 should equal last year's row 4 (see carryover-mismatch).",
        },
        RulePage {
            name: "requests-row-total",
            basis_en: "Format document 国办公开办函〔2021〕30号 (F2019: 〔2019〕60号), table of part three: the 总计 column; Regulations art. 50 para. 1 item (2).",
            checks: "第三部分表格的每一行：“总计”列 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他（表格没有“法人或其他组织”小计列）。每一行不成立记一处错误；有空白、无效或无法判定的单元格时该行不作判定；数字位置是推测的只作提示。",
            checks_en: "In every row of part three's table: 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他 (there is no subtotal column for 法人或其他组织). Each row that fails is one error; a row with a blank, invalid or undecided cell is not decided; a failure over guessed positions is only a warning.",
            wrong: "一、本年新收政府信息公开申请数量\t70\t6\t0\t1\t2\t0\t81\n70+6+0+1+2+0=79，总计却为81",
            wrong_en: "一、本年新收政府信息公开申请数量\t70\t6\t0\t1\t2\t0\t81\n70 + 6 + 0 + 1 + 2 + 0 = 79, but the total says 81.",
            right: "一、本年新收政府信息公开申请数量\t72\t6\t0\t1\t2\t0\t81\n72+6+0+1+2+0=81",
            right_en: "一、本年新收政府信息公开申请数量\t72\t6\t0\t1\t2\t0\t81\n72 + 6 + 0 + 1 + 2 + 0 = 81.",
            fix: "按台账核对该行各类申请人的件数和总计，改正填错的单元格；不要另加“法人或其他组织”小计列，以免列数错位。",
            fix_en: "Check the row's applicant counts and its total against the records and correct the wrong cell; do not add a subtotal column for 法人或其他组织, which shifts the columns.",
        },
        RulePage {
            name: "requests-results-total",
            basis_en: "Format document 国办公开办函〔2021〕30号 (F2019: 〔2019〕60号), table of part three, 三、本年度办理结果 and its （七）总计; Regulations art. 50 para. 1 item (2).",
            checks: "第三部分表格的每一列：“（七）总计” = （一）予以公开 + （二）部分公开 + （三）不予公开各小项 + （四）无法提供各小项 + （五）不予处理各小项 + （六）其他处理（2019年格式为一行，2021年格式为三个小项）。每一列不成立记一处错误，按（一）至（六）分组写出各组之和；有空白、无效或无法判定的单元格时该列不作判定。",
            checks_en: "In every column of part three's table: （七）总计 = （一）予以公开 + （二）部分公开 + the sub-rows of （三）不予公开, （四）无法提供 and （五）不予处理 + （六）其他处理 (one row in F2019, three sub-rows in F2021). Each column that fails is one error, with the sums of groups (一) to (六) written out; a column with a blank, invalid or undecided cell is not decided.",
            wrong: "总计列：（一）予以公开42，（二）部分公开5，（三）不予公开各项合计6，（四）无法提供各项合计20，（五）不予处理各项合计4，（六）其他处理2；（七）总计80\n42+5+6+20+4+2=79≠80",
            wrong_en: "Total column: (1) granted 42, (2) partly 5, (3) refused 6 in all, (4) unavailable 20, (5) not processed 4, (6) other 2; (7) total 80.\n42 + 5 + 6 + 20 + 4 + 2 = 79 ≠ 80.",
            right: "总计列：（一）42，（二）5，（三）6，（四）20，（五）4，（六）2；（七）总计79\n42+5+6+20+4+2=79",
            right_en: "Total column: 42 + 5 + 6 + 20 + 4 + 2 = 79 and (7) total 79.",
            fix: "核对每一项办理结果的件数：一件申请只计一种结果（部分公开的只计“（二）部分公开”）。改正填错的小项或总计，再核对第一项+第二项=第三项+第四项是否仍然成立。",
            fix_en: "Check each result's count: a request counts under one result only (partly disclosed ones only under （二）部分公开). Correct the wrong sub-row or the total, then check that row 1 + row 2 = row 3.7 + row 4 still holds.",
        },
        RulePage {
            name: "appeals-total",
            basis_en: "Format document 国办公开办函〔2021〕30号 (F2019: 〔2019〕60号), table of part four; Regulations art. 50 para. 1 item (3).",
            checks: "第四部分表格的15个数分为三组：行政复议、未经复议直接起诉、复议后起诉。每组：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结。每组不成立记一处错误；有空白、无效或无法判定的单元格时该组不作判定；数字位置是推测的只作提示。",
            checks_en: "Part four's 15 numbers form three groups: administrative review, suits without review, suits after review. In each: total = upheld + corrected + other + pending. Each group that fails is one error; a group with a blank, invalid or undecided cell is not decided; a failure over guessed positions is only a warning.",
            wrong: "行政复议：结果维持2，结果纠正1，其他结果0，尚未审结1，总计3\n2+1+0+1=4≠3",
            wrong_en: "Administrative review: upheld 2, corrected 1, other 0, pending 1, total 3.\n2 + 1 + 0 + 1 = 4 ≠ 3.",
            right: "行政复议：结果维持2，结果纠正1，其他结果0，尚未审结1，总计4",
            right_en: "Administrative review: upheld 2, corrected 1, other 0, pending 1, total 4.",
            fix: "按复议、诉讼案件台账核对各项：本年受理的案件按结果计入维持、纠正或其他，未结的计入尚未审结，总计为四项之和。",
            fix_en: "Check against the case records: each case of the year counts as upheld, corrected or other, or as pending if not concluded; the total is the sum of the four.",
        },
        RulePage {
            name: "active-published-total",
            basis_en: "Format document 国办公开办函〔2019〕60号, table of part two, block 第二十条第（一）项; Regulations art. 20 item (1). F2019 only.",
            checks: "只用于2019年格式：第二部分表格“第二十条第（一）项”栏目的规章、规范性文件两行中，“本年新公开数量”大于“对外公开总数量”时记一处提示（本年新公开的文件应计入对外公开总数）。",
            checks_en: "F2019 only: in the rows 规章 and 规范性文件 of part two's block 第二十条第（一）项, warns when 本年新公开数量 (published this year) exceeds 对外公开总数量 (total published), which should include them.",
            wrong: "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规范性文件\t12\t15\t9",
            wrong_en: "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规范性文件\t12\t15\t9\n(15 published this year, but only 9 published in all)",
            right: "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规范性文件\t12\t12\t136",
            right_en: "规范性文件\t12\t12\t136\n(12 made, 12 published this year, 136 published in all)",
            fix: "核对两列的口径：“对外公开总数量”是截至年底对外公开的全部文件数，应不小于本年新公开数量。常见错误是把两列填反。",
            fix_en: "Check what the columns count: 对外公开总数量 is every document published as of the year's end and cannot be below those published this year. The two columns are often swapped.",
        },
        RulePage {
            name: "regulations-authority",
            basis_en: "Legislation Law of the PRC (2023 amendment), art. 91 (State Council departments' rules) and art. 93 (rules of provincial governments and governments of cities with districts or autonomous prefectures); Regulations art. 20 item (1).",
            checks: "第二部分表格“规章”一行的本年制作数（2019年格式“本年新制作数量”，2021年格式“本年制发件数”）大于0，而报告机关按名称看无权制定规章时，记一处提示：这类机关无权制定规章，可能把规范性文件计入了规章。按名称判断为无权的：区、县、旗、乡镇人民政府和街道（以所辖地方名称的最后一字为准，如“乡宁县”是县、“镇江市”是市），以及名称不含“省”“自治区”的政府部门。国务院部门（如“教育部”“海关总署”“国家税务总局”“中国人民银行”）、省级和市级人民政府不提示（市是否设区无法从名称判断）。",
            checks_en: "Warns when the row 规章 of part two's table has more than 0 made this year (F2019 本年新制作数量, F2021 本年制发件数) and the agency, by its name, cannot make regulations, so normative documents were probably counted as regulations. Judged unable: the people's governments of districts, counties, banners, towns and street offices (by the last word of the place's name: 乡宁县 is a county, 镇江市 a city), and government departments whose name contains neither 省 nor 自治区. State Council departments (教育部, 海关总署, 国家税务总局, 中国人民银行), provincial and city governments are not warned (whether a city has districts cannot be told from its name).",
            wrong: "某县卫生健康局2023年政府信息公开工作年度报告\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t1\t0\t1\n行政规范性文件\t2\t0\t15",
            wrong_en: "某县卫生健康局2023年政府信息公开工作年度报告 (a county health bureau)\n规章\t1\t0\t1\n行政规范性文件\t2\t0\t15",
            right: "某县卫生健康局2023年政府信息公开工作年度报告\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t3\t0\t16",
            right_en: "规章\t0\t0\t0\n行政规范性文件\t3\t0\t16\n(the document counted as a regulation moved to normative documents)",
            fix: "核实所谓“规章”的制定机关和文件性质：本机关印发的、不是以政府令公布的文件，属于行政规范性文件或其他文件，应从“规章”一行移到相应行。",
            fix_en: "Check who issued the so-called regulation and what it is: a document the agency issued itself, not published as a government decree (政府令), is a normative document or other document and belongs in that row.",
        },
        RulePage {
            name: "article-citation",
            basis_en: "Regulations art. 20 items (1), (5), (6), (8), (9) (cited in the captions of part two's table); document numbers 国办公开办函〔2019〕60号 and 国办公开办函〔2021〕30号.",
            checks: "三件事：①第二部分表格的栏目标题引用的条文应为第二十条，引用其他条（如“第三十条第（一）项”）的每个标题记一处错误；②全文中出现“国办发〔2021〕30号”（格式文件的文号写错）记一处错误；③2021年度及以后的报告引用已被替代的“〔2019〕60号”记一处提示。年份用〔〕、（）、[]、【】或﹝﹞括起都能识别。",
            checks_en: "Three things: (1) the captions of part two's table must cite article 20: each caption citing another article (第三十条第（一）项) is an error; (2) 国办发〔2021〕30号 anywhere in the text (a wrong number for the format document) is an error; (3) a report for 2021 or later citing the superseded 〔2019〕60号 gets a warning. The year may stand in 〔〕, （）, [], 【】 or ﹝﹞.",
            wrong: "第三十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n……\n本报告依据国办发〔2021〕30号编制。",
            wrong_en: "第三十条第（一）项 (article 30)\n…\n本报告依据国办发〔2021〕30号编制。 (wrong document number)",
            right: "第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n……\n本报告依据国办公开办函〔2021〕30号编制。",
            right_en: "第二十条第（一）项 (article 20)\n…\n本报告依据国办公开办函〔2021〕30号编制。",
            fix: "栏目标题照格式写“第二十条第（一）项”“第二十条第（五）项”“第二十条第（六）项”“第二十条第（八）项”（2019年格式另有“第二十条第（九）项”）；格式文件的文号写作国办公开办函〔2021〕30号（2019、2020年度为国办公开办函〔2019〕60号）。",
            fix_en: "Write the captions as the format does: 第二十条第（一）项, 第二十条第（五）项, 第二十条第（六）项, 第二十条第（八）项 (and 第二十条第（九）项 in F2019); the format document is 国办公开办函〔2021〕30号 (for 2019 and 2020: 国办公开办函〔2019〕60号).",
        },
        RulePage {
            name: "format-year-mismatch",
            basis_en: "Format document 国办公开办函〔2021〕30号, in force for reports for 2021 onwards, replacing the trial format of 国办公开办函〔2019〕60号; Regulations art. 50 para. 2.",
            checks: "由表格栏目判断报告用的格式（如“本年制发件数”“本年废止件数”“现行有效件数”“本年收费金额”为2021年格式，“本年新制作数量”“其他对外管理服务事项”“第二十条第（九）项”“政府集中采购”为2019年格式），与报告年度应使用的格式比较，不符时记一处错误。格式或年度判断不出时不作判定。",
            checks_en: "Tells the format from the tables' columns (本年制发件数, 本年废止件数, 现行有效件数, 本年收费金额 mean F2021; 本年新制作数量, 其他对外管理服务事项, 第二十条第（九）项, 政府集中采购 mean F2019) and compares it with the format for the report's year; one error when they differ. Not decided when either is unknown.",
            wrong: "某区人民政府2022年政府信息公开工作年度报告\n……\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n（2022年度报告用了2019年格式的表格）",
            wrong_en: "某区人民政府2022年政府信息公开工作年度报告\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n(a 2022 report with the 2019 table)",
            right: "某区人民政府2022年政府信息公开工作年度报告\n……\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
            right_en: "某区人民政府2022年政府信息公开工作年度报告\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n(the 2021 table)",
            fix: "2021年度及以后的报告按国办公开办函〔2021〕30号的格式重新填写三张表格（第二部分栏目、第三部分“（六）其他处理”三个小项都有变化），不要沿用旧模板；2019、2020年度报告使用2019年格式。",
            fix_en: "For 2021 and later, fill in the three tables of the 国办公开办函〔2021〕30号 format again (part two's blocks and part three's （六）其他处理 sub-rows changed) instead of reusing the old template; reports for 2019 and 2020 use the 2019 format.",
        },
        RulePage {
            name: "title-format",
            basis_en: "Format document 国办公开办函〔2021〕30号 (F2019: 〔2019〕60号); Regulations art. 49 and art. 50 (the report's name: 政府信息公开工作年度报告).",
            checks: "读出报告标题，检查：有机关名称、有年份（年份在机关名称之后）、有“工作”二字、没有把“年”写成“年度”，整体为“<机关><YYYY>年政府信息公开工作年度报告”。不符合的列出各项问题，记一处提示；标题中没有年份时为错误（报告年度只能从正文推断）。找不到标题也记一处提示。",
            checks_en: "Reads the title and checks: an agency name, a year (after the agency), the word 工作, 年 rather than 年度, and overall the form <agency><YYYY>年政府信息公开工作年度报告. Deviations are listed in one warning; no year in the title is an error (the year can then only be guessed from the text). No title found is also a warning.",
            wrong: "某市某区卫生健康局2023年度政府信息公开年度报告",
            wrong_en: "某市某区卫生健康局2023年度政府信息公开年度报告\n(年度 for 年, and 工作 missing)",
            right: "某市某区卫生健康局2023年政府信息公开工作年度报告",
            right_en: "某市某区卫生健康局2023年政府信息公开工作年度报告",
            fix: "把标题改为“机关全称+年份+年政府信息公开工作年度报告”，单独放在第一行。",
            fix_en: "Make the title the agency's full name + the year + 年政府信息公开工作年度报告, on the first line by itself.",
        },
        RulePage {
            name: "publish-deadline",
            basis_en: "Regulations art. 49: departments of governments at county level and above by 31 January; county-or-higher local governments their own report by 31 March.",
            checks: "读出报告年度和落款日期，按机关名称判断期限：县级以上地方人民政府（名称以“人民政府”结尾）为次年3月31日，政府部门为次年1月31日，乡镇、街道按所在县（区）要求执行，这里按1月31日提示。乡镇以所辖地方名称的最后一字判断（“某县某镇人民政府”是乡镇，“乡宁县人民政府”“镇江市人民政府”不是）。落款晚于期限：政府和部门记一处错误，乡镇街道记一处提示。落款早于报告年度结束（如2023年度报告落款2023年12月）也提示核对。年度或落款找不到时不作判定。",
            checks_en: "Reads the report's year and its closing date and takes the deadline from the agency's name: a county-or-higher local government (name ending in 人民政府) 31 March of the next year, a department 31 January; towns and street offices follow their county and are checked against 31 January as a warning. A town is told by the last word of the place's name (某县某镇人民政府 is a town; 乡宁县人民政府 and 镇江市人民政府 are not). A closing date after the deadline is an error (a warning for towns and street offices). A date before the reported year ends (December 2023 for the 2023 report) is flagged too. Not decided without a year or a closing date.",
            wrong: "某市某区卫生健康局2020年政府信息公开工作年度报告\n……\n某市某区卫生健康局\n2021年2月5日",
            wrong_en: "某市某区卫生健康局2020年政府信息公开工作年度报告 (a department)\n…\n2021年2月5日 (after 31 January 2021)",
            right: "某市某区卫生健康局2020年政府信息公开工作年度报告\n……\n某市某区卫生健康局\n2021年1月25日",
            right_en: "…\n2021年1月25日 (before 31 January 2021)",
            fix: "按期公布年度报告：部门在次年1月31日前，县级以上地方人民政府在3月31日前。落款日期应为实际印发日期；已逾期的，应尽快公布并在报告中说明。",
            fix_en: "Publish on time: departments by 31 January, county-or-higher governments by 31 March. The closing date should be the real date of issue; a late report should be published as soon as possible and say why.",
        },
        RulePage {
            name: "overview-topics",
            basis_en: "Format document 国办公开办函〔2021〕30号, report contents item (1) 总体情况 (proactive disclosure, disclosure on request, information management, platforms, supervision); Regulations art. 50 para. 1 item (4). F2021 only.",
            checks: "2021年度及以后的报告，在第一部分“总体情况”的正文中查找五个方面的关键词：主动公开；依申请；信息管理；平台；监督保障（或“监督”“保障”）。缺少的方面合并记一处提示并列出。",
            checks_en: "For reports for 2021 and later: looks in part one's body for the five topics' key words: 主动公开; 依申请; 信息管理; 平台; 监督保障 (or 监督, 保障). Missing topics are listed in one warning.",
            wrong: "一、总体情况\n2023年，我局认真落实主动公开要求……全年受理依申请公开12件……\n二、主动公开政府信息情况\n（未写政府信息管理、平台建设、监督保障）",
            wrong_en: "一、总体情况\n2023年，我局认真落实主动公开要求……全年受理依申请公开12件……\n(nothing on information management, platforms or supervision)",
            right: "一、总体情况\n（一）主动公开……（二）依申请公开……（三）政府信息管理……（四）政府信息公开平台建设……（五）监督保障……",
            right_en: "一、总体情况\n（一）主动公开… （二）依申请公开… （三）政府信息管理… （四）政府信息公开平台建设… （五）监督保障…",
            fix: "在“总体情况”中按主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面分别说明（最好用小标题）；人民政府的报告在监督保障中写明工作考核、社会评议和责任追究结果。",
            fix_en: "Cover the five topics in part one, preferably under sub-headings: proactive disclosure, disclosure on request, information management, disclosure platforms, supervision; a people's government's report states appraisal, public review and accountability results under supervision.",
        },
        RulePage {
            name: "preface-part-count",
            basis_en: "Format document 国办公开办函〔2021〕30号 (F2019: 〔2019〕60号): six parts; Regulations art. 50 para. 1.",
            checks: "在第一部分之前的前言里查找“N个部分”或“N部分组成”，读出N的完整写法（汉字数字如“六”“十二”或阿拉伯数字如“6”），与六比较，不等时记一处提示。不说明部分数的前言不检查。",
            checks_en: "Looks in the preface (before part one) for N个部分 or N部分组成, reads the whole number N (Chinese numerals such as 六 or 十二, or digits such as 6) and warns when it is not six. A preface that states no count is not checked.",
            wrong: "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况五个部分组成。",
            wrong_en: "本报告由……五个部分组成。 (the preface says five parts, listing only five)",
            right: "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分组成。",
            right_en: "本报告由……其他需要报告的事项六个部分组成。 (six parts, all listed)",
            fix: "前言所述部分数和列举应与正文一致，为六个部分；正文缺部分的，先补全正文（见 section-missing）。",
            fix_en: "The preface's count and list must match the body: six parts. If the body lacks a part, add it first (see section-missing).",
        },
        RulePage {
            name: "text-year-mismatch",
            basis_en: "Regulations art. 49 (the report covers the previous year, 1 January to 31 December).",
            checks: "在含“统计期限”的句子（到句号为止）中读出四位年份，任一年份与报告年度不同时记一处提示。没有这样的句子时不检查。",
            checks_en: "Reads the four-digit years in the sentence with 统计期限 (up to its full stop) and warns when any differs from the report's year. Not checked when there is no such sentence.",
            wrong: "某市某区卫生健康局2023年政府信息公开工作年度报告\n……本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。",
            wrong_en: "…2023年…年度报告\n…统计期限自2022年1月1日起至2022年12月31日止。 (2022 in a 2023 report)",
            right: "……本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。",
            right_en: "…统计期限自2023年1月1日起至2023年12月31日止。",
            fix: "把统计期限改为报告年度的1月1日至12月31日，并检查其余从上年报告沿用的文字和数据（见 stale-year、text-repeated）。",
            fix_en: "Make the period 1 January to 31 December of the report's year, and check the rest of the text and figures carried over from last year's report (see stale-year, text-repeated).",
        },
        RulePage {
            name: "text-table-mismatch",
            basis_en: "Format document 国办公开办函〔2021〕30号, (4) responsibilities (inaccurate content); Regulations art. 47; art. 50 para. 1 items (1)–(3).",
            checks: "在正文（不含表格行）中找只含一个计数（带“件”“项”等量词，不计“条”）的分句，按其措辞与表格对照：收到／新收／受理申请 ↔ 第三部分第一项总计（也接受第一项+第二项）；办结／答复申请 ↔ （七）总计；上年结转 ↔ 第二项；结转 ↔ 第四项；行政复议 ↔ 第四部分复议总计；行政诉讼 ↔ 两项诉讼总计之和；作出行政处罚决定 ↔ 第二部分行政处罚处理决定数量。不一致的每处记一处提示。",
            checks_en: "In the prose (table rows excluded), takes clauses with exactly one count (a number with 件, 项 … but not 条) and compares by wording: received (收到/新收/受理) requests ↔ part three row 1 total (row 1 + row 2 also accepted); handled (办结/答复) ↔ row 3.7 total; 上年结转 ↔ row 2; other 结转 ↔ row 4; 行政复议 ↔ part four's review total; 行政诉讼 ↔ the two suit totals together; 行政处罚 decisions ↔ part two's penalty decisions. Each disagreement is one warning.",
            wrong: "2023年，我局共收到政府信息公开申请258件……\n（第三部分表格）一、本年新收政府信息公开申请数量\t…\t275",
            wrong_en: "2023年，我局共收到政府信息公开申请258件 (258 received)\n(part three's table) row 1 total: 275",
            right: "2023年，我局共收到政府信息公开申请275件……\n（第三部分表格）一、本年新收政府信息公开申请数量\t…\t275",
            right_en: "2023年，我局共收到政府信息公开申请275件\nrow 1 total: 275",
            fix: "以申请登记台账为准，同时核对正文和表格，改正错误的一方；正文说的如果是另一口径（如含上年结转），在句中写明。",
            fix_en: "Take the request register as the truth and correct whichever of the prose and the table is wrong; if the prose counts something else (carried-over requests included, say), say so in the sentence.",
        },
        RulePage {
            name: "text-sum-mismatch",
            basis_en: "Format document 国办公开办函〔2021〕30号, (4) responsibilities (inaccurate content); Regulations art. 47.",
            checks: "正文中“共N条（件、项……），其中／包括／分别为……”列举的分项（与总数同一量词）相加应等于N。分项到句号、下一个“共／合计／总计／累计”数字或开始另一陈述的分号为止；前几项之和等于N即视为一致。不一致时：列举3项及以上记一处错误，只有2项记一处提示。",
            checks_en: "Where the prose states a total (共N条/件/项 …) and lists its parts after 其中/包括/分别为, the parts with the same unit must add up to N. The list ends at a full stop, a new total (共/合计/总计/累计) or a ； that starts another statement; a list whose first parts add up to N is accepted. When they do not: an error with 3 or more parts, a warning with 2.",
            wrong: "全年主动公开政府信息399条，其中机构职能类2条，部门文件类10条，工作动态类99条，人事信息类51条，公告公示类199条，财政信息类2条，其他32条。\n2+10+99+51+199+2+32=395≠399",
            wrong_en: "全年主动公开政府信息399条，其中…2条，…10条，…99条，…51条，…199条，…2条，…32条。\n2 + 10 + 99 + 51 + 199 + 2 + 32 = 395 ≠ 399.",
            right: "全年主动公开政府信息399条，其中机构职能类2条，部门文件类10条，工作动态类99条，人事信息类51条，公告公示类199条，财政信息类6条，其他32条。\n2+10+99+51+199+6+32=399",
            right_en: "…财政信息类6条… : 2 + 10 + 99 + 51 + 199 + 6 + 32 = 399.",
            fix: "按统计台账补全遗漏的分项或改正总数／分项，使列举之和等于总数。",
            fix_en: "From the records, add the missing part or correct the total or a part, so the parts add up to the total.",
        },
        RulePage {
            name: "text-rate-mismatch",
            basis_en: "Format document 国办公开办函〔2021〕30号, (4) responsibilities (inaccurate content); Regulations art. 47; art. 50 para. 1 items (2)–(3).",
            checks: "正文分句中写出的比率按表格重新计算：实质公开率=（予以公开+部分公开）÷（七）总计；予以公开率=予以公开÷（七）总计；不予公开率、无法提供率=该组各项之和÷（七）总计；“公开率”按实质公开率或予以公开率；办结率=（七）总计÷（第一项+第二项）；结转率=第四项÷（第一项+第二项）；复议（诉讼）纠错率=结果纠正÷（总计−尚未审结）。与正文所写百分数相差超过0.5个百分点时记一处提示。表格算不出该比率时不检查。",
            checks_en: "Rates stated in a clause of the prose are recomputed from the tables: 实质公开率 = (3.1 + 3.2) ÷ 3.7; 予以公开率 = 3.1 ÷ 3.7; 不予公开率, 无法提供率 = the group's sum ÷ 3.7; 公开率 either of the first two; 办结率 = 3.7 ÷ (row 1 + row 2); 结转率 = row 4 ÷ (row 1 + row 2); review or litigation 纠错率 = corrected ÷ (total − pending). A difference of more than 0.5 percentage points from the stated percentage is a warning. Not checked when the tables do not give the rate.",
            wrong: "全年依申请公开实质公开率为85%。\n（表格：予以公开42，部分公开5，（七）总计79；(42+5)÷79=59.5%）",
            wrong_en: "全年依申请公开实质公开率为85%。\n(tables: granted 42, partly 5, total 79; (42 + 5) ÷ 79 = 59.5%)",
            right: "全年依申请公开实质公开率为59.5%。",
            right_en: "全年依申请公开实质公开率为59.5%。",
            fix: "按表格重新计算比率后改正正文；如正文的计算口径不同（如不计结转），在句中写明口径。",
            fix_en: "Recompute the rate from the tables and correct the prose; if the prose uses another basis (carry-over left out, say), state it in the sentence.",
        },
        RulePage {
            name: "stale-year",
            basis_en: "Format document 国办公开办函〔2021〕30号, (4) responsibilities (content copied from earlier years); Regulations art. 49, art. 47.",
            checks: "在报告年度为Y的正文（不含标题和表格行）中，按句（句号、分号为界）查找“Y−1年”：不是更长数字的一部分、不是年份区间（如“2022年至2023年”），且句中没有同比、较上年、去年、相比、上一年、统计期限、以来、修订、印发、发布的等比较或引用文件的词，也不是引用某《条例》的句子。每行最多记一处提示。",
            checks_en: "In the prose of a report for year Y (title and table rows excluded), looks sentence by sentence (split at 。 and ；) for “Y−1年” that is not part of a longer number or a range (2022年至2023年), in a sentence without words of comparison or citation (同比, 较上年, 去年, 相比, 上一年, 统计期限, 以来, 修订, 印发, 发布的 …) and not citing a 《…条例》. At most one warning per line.",
            wrong: "某镇人民政府2023年政府信息公开工作年度报告\n……2022年，我镇在镇政府网站主动公开政府信息156条。",
            wrong_en: "…2023年…年度报告\n…2022年，我镇在镇政府网站主动公开政府信息156条。 (“In 2022, our town published …” in the 2023 report)",
            right: "……2023年，我镇在镇政府网站主动公开政府信息168条，较2022年增加12条。",
            right_en: "…2023年，我镇…主动公开政府信息168条，较2022年增加12条。 (this year's work; last year only in a comparison)",
            fix: "核对该句是否沿用了上年报告：改为本年度的情况和数字；确实在说上一年的，写成比较的形式（如“较2022年”“比上年”）。",
            fix_en: "Check whether the sentence was carried over from last year's report: describe this year's work and figures; where last year is really meant, phrase it as a comparison (较2022年, 比上年).",
        },
        RulePage {
            name: "misfiled-columns",
            basis_en: "Format document 国办公开办函〔2021〕30号 (F2019: 〔2019〕60号), table of part three and its identities; Regulations art. 50 para. 1 item (2).",
            checks: "第三部分表格按列核对 requests-balance 或 requests-results-total 时，恰好有两列（都不是总计列）不成立，一列多k、一列少k：很可能有k件申请填到了相邻的列。这时不报两处勾稽关系错误，而是记一处错误，列出可能填错的单元格（相关行中数值不小于k的单元格）。",
            checks_en: "When checking requests-balance or requests-results-total column by column, exactly two columns (neither the total) fail, one by +k and the other by −k: k requests were probably entered in the wrong column. Instead of two identity errors there is one error naming the cells that could hold the misfiled k (cells of the rows involved holding at least k).",
            wrong: "一、本年新收：自然人73，商业企业5，总计78\n（七）总计：自然人75，商业企业3，总计78\n（上年结转、结转下年度均为0）\n自然人列73≠75，商业企业列5≠3，总计列78=78",
            wrong_en: "Row 1: 自然人 73, 商业企业 5, total 78\nRow 3.7: 自然人 75, 商业企业 3, total 78\n(rows 2 and 4 all 0)\n自然人 column 73 ≠ 75, 商业企业 5 ≠ 3, total 78 = 78",
            right: "一、本年新收：自然人75，商业企业3，总计78\n（七）总计：自然人75，商业企业3，总计78",
            right_en: "Row 1: 自然人 75, 商业企业 3, total 78\nRow 3.7: 自然人 75, 商业企业 3, total 78",
            fix: "按申请登记台账核对列出的候选单元格，把k件移回正确的申请人类别；改后逐列核对勾稽关系。",
            fix_en: "Check the candidate cells against the request register and move the k requests back to the right applicant column; then check each column's identities again.",
        },
        RulePage {
            name: "carryover-mismatch",
            basis_en: "Format document 国办公开办函〔2021〕30号 (F2019: 〔2019〕60号), table of part three: row 2 (carried over from last year) follows last year's row 4 (carried into next year); Regulations art. 50 para. 1 item (2).",
            checks: "只在同时提供上年度报告（--previous）时检查。两份报告为相邻年度时，本年第三部分表格第二项“上年结转政府信息公开申请数量”的每一列应等于上年报告第四项“结转下年度继续办理”的同一列，不等的每列记一处错误。两份报告不是相邻年度时记一处提示，不逐列核对。",
            checks_en: "Only when last year's report is given (--previous). For consecutive years, each column of this year's row 2 (carried over) must equal the same column of last year's row 4 (carried into next year); each column that differs is an error. Reports that are not for consecutive years get one warning and no comparison.",
            wrong: "2022年度报告：四、结转下年度继续办理（总计）5\n2023年度报告：二、上年结转政府信息公开申请数量（总计）3",
            wrong_en: "2022 report, row 4 total: 5\n2023 report, row 2 total: 3",
            right: "2022年度报告：四、结转下年度继续办理（总计）5\n2023年度报告：二、上年结转政府信息公开申请数量（总计）5",
            right_en: "2022 report, row 4 total: 5\n2023 report, row 2 total: 5",
            fix: "以上年报告（或更正后的台账）为准逐列填写上年结转；如上年报告的数字有误，在本年报告中说明更正情况。",
            fix_en: "Fill in row 2 column by column from last year's report (or the corrected register); if last year's figures were wrong, say so in this year's report.",
        },
        RulePage {
            name: "in-force-mismatch",
            basis_en: "Format document 国办公开办函〔2021〕30号, table of part two, block 第二十条第（一）项 (本年制发件数, 本年废止件数, 现行有效件数); Regulations art. 20 item (1). F2021 only.",
            checks: "只在提供上年度报告、且两份报告都是2021年格式时检查。规章、行政规范性文件两行：本年现行有效件数应等于上年报告的现行有效件数 + 本年制发件数 − 本年废止件数，不等时各记一处提示（清理废止以往年度文件、统计口径调整等可以解释差异）。",
            checks_en: "Only when last year's report is given and both are in the 2021 format. For 规章 and 行政规范性文件: in force this year should equal last year's in force + issued this year − repealed this year; each difference is a warning (repeals of older documents or a change of counting can explain it).",
            wrong: "2022年度报告：行政规范性文件 现行有效45\n2023年度报告：行政规范性文件 本年制发6，本年废止2，现行有效51\n45+6−2=49≠51",
            wrong_en: "2022: 行政规范性文件 in force 45\n2023: issued 6, repealed 2, in force 51\n45 + 6 − 2 = 49 ≠ 51",
            right: "2023年度报告：行政规范性文件 本年制发6，本年废止2，现行有效49",
            right_en: "2023: issued 6, repealed 2, in force 49 (45 + 6 − 2)",
            fix: "对照文件库核对制发、废止和现行有效件数；差异有正当原因的（如清理了以往年度文件、上年数字有误），在正文中说明。",
            fix_en: "Check issued, repealed and in-force counts against the document register; when the difference has a reason (older documents cleared out, last year's figure wrong), explain it in the text.",
        },
        RulePage {
            name: "text-repeated",
            basis_en: "Format document 国办公开办函〔2021〕30号, (4) responsibilities (content copied from earlier years); Regulations art. 47.",
            checks: "只在提供上年度报告时检查。取两份报告的正文行（不含表格行和少于20个字的短行），去掉空白，把连续的数字和汉字数字视为同一个符号，以8字片段比较：本年正文中被上年片段覆盖的比例达到阈值（默认50%）时记一处提示，给出全文及各部分的重复比例和重复段落所在行。",
            checks_en: "Only when last year's report is given. Takes both reports' prose lines (no table rows, no lines under 20 characters), drops whitespace, treats any run of digits or Chinese numerals as one symbol, and compares 8-character pieces: when the share of this year's prose covered by last year's pieces reaches the threshold (50% by default) there is a warning with the share overall and per part and the lines of the repeated passages.",
            wrong: "2022年度：一是加强组织领导，把政府信息公开工作纳入重要议事日程，主要负责同志多次研究部署……\n2023年度：一是加强组织领导，把政府信息公开工作纳入重要议事日程，主要负责同志多次研究部署……\n（正文68%与上年相同）",
            wrong_en: "2022: 一是加强组织领导，把政府信息公开工作纳入重要议事日程……\n2023: the same sentences again (68% of the prose repeats last year's)",
            right: "2023年度：一是健全工作机制，年内修订《政府信息公开工作规程》，明确依申请公开办理时限和会商程序……",
            right_en: "2023: 一是健全工作机制，年内修订《政府信息公开工作规程》…… (this year's own work)",
            fix: "按本年度实际工作重写各部分，特别是“总体情况”和“存在的主要问题及改进情况”；保留的固定表述（如前言、联系方式）可以不改。",
            fix_en: "Rewrite the parts from this year's actual work, especially 总体情况 and 存在的主要问题及改进情况; fixed wording (the preface, contact details) may stay.",
        },
    ];
}
