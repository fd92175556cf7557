//! The rules: every rule's stable name, severity and explanation in one place (`RULES`), and the
//! code that checks them, one module per concern.
//!
//! A rule function reads the context (text, structure, tables) and records two things: findings
//! (what is wrong, where) and checks (for the per-part checklist: passed, failed, warned or could
//! not run, with a short detail).

mod active;
mod cells;
mod citation;
mod identities;
mod meta;
pub mod provenance;
pub use meta::{agency_kind, deadline as deadline_for, AgencyKind};
pub mod pages;
#[cfg(feature = "previous")]
mod previous;
mod structure;
mod text_rate;
mod text_sum;
mod text_table;
mod text_year;

use crate::normalize::Text;
use crate::result::{Check, CheckResult, Comparison, Finding, Severity, Status};
use crate::sections::Structure;
use crate::spec::Format;
use crate::tables::TableRead;

/// A rule's documentation.
#[derive(Debug, Clone, Copy)]
pub struct RuleInfo {
    pub name: &'static str,
    pub severity: Severity,
    /// Part the rule is about (None: the document as a whole; 0: parts 二–四's tables).
    pub title: &'static str,
    pub title_en: &'static str,
    pub explanation: &'static str,
    pub explanation_en: &'static str,
    /// The legal basis: articles of the 条例 (《中华人民共和国政府信息公开条例》, 2019) and the
    /// format document (国办公开办函〔2021〕30号; 〔2019〕60号 for 2019 and 2020) and its part or
    /// table. A basis starting "国办公开办函〔2021〕30号表格" or "国办公开办函〔2021〕30号（年度报告格式）"
    /// holds for both formats: `export` cites 〔2019〕60号 instead for a report in the 2019 layout.
    pub basis: &'static str,
}

/// A rule's explanation: compiled in with the feature `pages` (the command line); the web
/// page's first load leaves the long texts out (it shows titles, not explanations).
#[cfg(feature = "pages")]
macro_rules! long_text {
    ($s:literal) => {
        $s
    };
}
#[cfg(not(feature = "pages"))]
macro_rules! long_text {
    ($s:literal) => {
        ""
    };
}

macro_rules! rule {
    ($name:literal, $basis:literal, $sev:ident, $title:literal, $title_en:literal, $expl:literal, $expl_en:literal) => {
        RuleInfo {
            name: $name,
            basis: $basis,
            severity: Severity::$sev,
            title: $title,
            title_en: $title_en,
            explanation: long_text!($expl),
            explanation_en: long_text!($expl_en),
        }
    };
}

/// Every rule, in the order the checklist shows them.
pub const RULES: &[RuleInfo] = &[
    rule!("section-missing", "国办公开办函〔2021〕30号（年度报告格式）六个部分；条例第五十条第一款第（一）至（五）项", Error, "六个部分齐全", "All six parts present",
        "年度报告必须包含格式规定的六个部分：总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。缺少任何一部分即不符合格式。",
        "The report must have the six parts the national format prescribes (overview; proactive disclosure; requests received and handled; administrative review and litigation; main problems and improvements; other matters). A missing part fails the format."),
    rule!("section-order", "国办公开办函〔2021〕30号（年度报告格式）六个部分的顺序；条例第五十条第二款（统一格式）", Error, "各部分顺序正确", "Parts in order",
        "六个部分应按一至六的顺序排列。顺序颠倒通常意味着复制粘贴出错或标题编号错误。",
        "The six parts must appear in the order one to six; parts out of order usually mean a copy-and-paste slip or a wrong heading number."),
    rule!("section-heading", "国办公开办函〔2021〕30号（年度报告格式）各部分标题；条例第五十条第二款（统一格式）", Warning, "标题与规定一致", "Heading wording",
        "各部分标题应与格式规定的措辞一致（例如“一、总体情况”）。常见的变体（如“二、行政机关主动公开政府信息情况”）可以识别，但会提示修改。",
        "Each part's heading should use the official wording (e.g. 一、总体情况). Common variants are recognised but flagged so the wording can be aligned."),
    rule!("section-empty", "国办公开办函〔2021〕30号（年度报告格式）第五部分；条例第五十条第一款第（四）项", Warning, "内容不为空", "Part has content",
        "“存在的主要问题及改进情况”必须写出实际内容，不能为空或只写“无”。",
        "Part five (main problems and improvements) must say something real: it may not be empty or just 无 (none)."),
    rule!("fee-statement", "国办公开办函〔2021〕30号年度报告格式第六部分；条例第四十二条；《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）", Warning, "说明信息处理费", "Processing fees stated",
        "按2021年格式，“其他需要报告的事项”应说明依据《政府信息公开信息处理费管理办法》收取信息处理费的情况，即使未收取也应写明。",
        "Under the 2021 format, part six must state the information-processing fees collected under the fee measures (国办函〔2020〕109号), even when none were collected."),
    rule!("table-missing", "国办公开办函〔2021〕30号表格（第二、三、四部分各一张）；条例第五十条第一款第（一）至（三）项", Error, "表格存在", "Table present",
        "第二、三、四部分各有一张格式规定的统计表。找不到表格时无法核对任何数字。",
        "Parts two, three and four each carry a prescribed statistics table; without it no number can be checked."),
    rule!("row-missing", "国办公开办函〔2021〕30号表格（各表的行）；条例第五十条第二款（统一格式）", Error, "各行齐全", "All rows present",
        "统计表的每一行都必须出现（例如第三部分表格在2019年格式下有23行，2021年格式下有25行）。行的标签丢失且无法按位置推断时，也按缺行处理。",
        "Every row of a table must be there (part three's table has 23 rows in F2019 and 25 in F2021). Rows whose labels were lost and cannot be placed by position count as missing."),
    rule!("row-shape", "国办公开办函〔2021〕30号表格（各表的列）；条例第五十条第二款（统一格式）", Warning, "每行数字个数正确", "Row has the right number of cells",
        "每行的数字个数应等于表格的列数（第三部分每行7个，第四部分15个）。个数不符时，检查器用勾稽关系和其他行推断每个数所在的列；只有唯一一种放法成立时才采用，否则标为无法判定。",
        "A row should have as many numbers as the table has columns (7 in part three, 15 in part four). When it has fewer or more, the checker uses the identities and the other rows to decide where each number goes, and only accepts a placement that is the only consistent one."),
    rule!("cell-blank", "国办公开办函〔2021〕30号表格（统计数字）；条例第五十条第一款第（一）至（三）项", Warning, "无空白单元格", "No blank cells",
        "统计表中没有发生的事项应填0，不应留空或填“/”“—”“无”。空白单元格会使勾稽关系无法判定。",
        "A cell for something that did not happen should hold 0, not be left blank or hold /, — or 无. Blank cells leave the identities undecided."),
    rule!("cell-invalid", "国办公开办函〔2021〕30号表格（各列的计数口径）；条例第五十条第一款第（一）至（三）项", Error, "单元格数值有效", "Valid cell values",
        "单元格只能填写数字：件数为非负整数，本年增/减可带正负号，金额可带小数。文字、“减4”、负的件数或带小数的件数都是无效值。",
        "Cells hold numbers only: counts are non-negative integers, the yearly change may be signed, money may have decimals. Text, 减4, negative counts and decimal counts are invalid."),
    rule!("cell-ambiguous", "国办公开办函〔2021〕30号表格及其勾稽关系；条例第五十条第一款第（二）、（三）项", Warning, "数字所在列可确定", "Each number's column is certain",
        "当一行的数字个数与列数不符，而且有不止一种放法都满足勾稽关系时，检查器不猜测，而是把这些单元格标为无法判定并列出可能的值。",
        "When a row's numbers do not fit its columns and more than one placement satisfies the identities, the checker does not guess: the cells are marked ambiguous with their possible values."),
    rule!("requests-balance", "国办公开办函〔2021〕30号表格勾稽关系：第三部分表头注“第一项加第二项之和，等于第三项加第四项之和”；条例第五十条第一款第（二）项", Error, "第一项+第二项=第三项+第四项", "Row 1 + row 2 = row 3.7 + row 4",
        "第三部分表格每一列都应满足表头注明的勾稽关系：本年新收加上年结转，等于本年办理结果总计加结转下年度继续办理。",
        "In every column of part three's table, requests received this year plus those carried over from last year must equal those handled (3.7) plus those carried into next year (row 4), as the table's header note says."),
    rule!("requests-row-total", "国办公开办函〔2021〕30号表格勾稽关系：第三部分表格“总计”列；条例第五十条第一款第（二）项", Error, "总计=各类申请人之和", "Total = sum of applicants",
        "第三部分表格每一行的“总计”应等于自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他六列之和。",
        "In every row of part three's table, the total column must equal the sum of the six applicant columns."),
    rule!("requests-results-total", "国办公开办函〔2021〕30号表格勾稽关系：第三部分表格“三、本年度办理结果”的“（七）总计”；条例第五十条第一款第（二）项", Error, "（七）总计=各项办理结果之和", "3.7 = sum of results",
        "第三部分表格每一列中，“（七）总计”应等于（一）至（六）各项办理结果（含各小项）之和。",
        "In every column of part three's table, row 3.7 (总计) must equal the sum of the result rows (一) to (六), sub-rows included."),
    rule!("appeals-total", "国办公开办函〔2021〕30号表格勾稽关系：第四部分表格三组“总计”；条例第五十条第一款第（三）项", Error, "复议、诉讼总计=四项之和", "Review and litigation totals",
        "第四部分表格中，行政复议、未经复议直接起诉、复议后起诉三组各自的“总计”应等于结果维持、结果纠正、其他结果、尚未审结四项之和。",
        "In part four's table, each of the three totals (administrative review, suits without review, suits after review) must equal upheld + corrected + other + pending."),
    rule!("active-published-total", "国办公开办函〔2019〕60号表格：第二部分“第二十条第（一）项”栏目；条例第二十条第（一）项", Warning, "本年新公开数量≤对外公开总数量", "Published this year ≤ total published",
        "2019年格式中，规章和规范性文件的“本年新公开数量”不应大于“对外公开总数量”。",
        "In the 2019 format, the number of regulations or normative documents published this year should not exceed the total number published."),
    rule!("regulations-authority", "《中华人民共和国立法法》（2023年修正）第九十一条、第九十三条；条例第二十条第（一）项", Warning, "规章制定权限", "Authority to make regulations",
        "只有国务院部门、省级政府和设区的市、自治州政府可以制定规章。乡镇、街道和县级部门报告本年制作或制发规章数大于0，应核实是否把规范性文件误填为规章。",
        "Only State Council departments, provincial governments and governments of cities with districts or autonomous prefectures can make regulations (规章). A town, street office or county-level department reporting regulations made this year is probably counting normative documents as regulations."),
    rule!("article-citation", "条例第二十条第（一）、（五）、（六）、（八）、（九）项；国办公开办函〔2019〕60号、国办公开办函〔2021〕30号（文号）", Error, "引用条款和文号正确", "Correct article and document citations",
        "第二部分表格的栏目标题应引用《条例》第二十条（如“第二十条第（一）项”）；格式文件的文号应为国办公开办函〔2019〕60号或国办公开办函〔2021〕30号。",
        "Captions of part two's table must cite article 20 of the regulations (第二十条第（一）项 …); the format document is 国办公开办函〔2019〕60号 or 国办公开办函〔2021〕30号."),
    rule!("format-year-mismatch", "国办公开办函〔2021〕30号（2021年度报告起适用，替代国办公开办函〔2019〕60号的试行格式）；条例第五十条第二款", Error, "格式与年度相符", "Format matches the year",
        "2019、2020年度报告使用2019年格式（国办公开办函〔2019〕60号），2021年度及以后使用2021年格式（国办公开办函〔2021〕30号）。用错格式的表格栏目不同，无法对比。",
        "Reports for 2019 and 2020 use the 2019 format; reports for 2021 and later use the 2021 format. A report laid out in the other format has different table columns."),
    rule!("title-format", "国办公开办函〔2021〕30号（年度报告格式）；条例第四十九条、第五十条（“政府信息公开工作年度报告”）", Warning, "标题规范", "Title form",
        "标题应为“<机关全称><YYYY>年政府信息公开工作年度报告”。常见偏差：缺“工作”二字、把“年”写成“年度”、缺年份或机关名称。",
        "The title should read <agency><YYYY>年政府信息公开工作年度报告. Common deviations: 工作 missing, 年度 for 年, no year, no agency."),
    rule!("publish-deadline", "条例第四十九条（县级以上人民政府部门1月31日前，县级以上地方人民政府3月31日前）", Error, "按期公布", "Published on time",
        "《条例》第四十九条：县级以上人民政府部门应在每年1月31日前公布上一年度报告，县级以上地方人民政府应在3月31日前公布本级政府的报告；乡镇、街道按所在县（区）的要求执行。落款日期晚于期限即为逾期。",
        "Article 49: government departments publish the previous year's report by 31 January, county-or-higher governments their own by 31 March; towns and street offices follow their county. A closing date after the deadline is late."),
    rule!("overview-topics", "国办公开办函〔2021〕30号年度报告格式“报告内容”第（一）项（总体情况）；条例第五十条第一款第（四）项", Warning, "总体情况涵盖五方面", "Overview covers the five topics",
        "按2021年格式，“总体情况”应分别说明主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面。",
        "Under the 2021 format, part one should cover proactive disclosure, disclosure on request, information management, disclosure platforms, and supervision."),
    rule!("preface-part-count", "国办公开办函〔2021〕30号（年度报告格式）六个部分；条例第五十条第一款", Warning, "前言所述部分数为六", "Preface names six parts",
        "报告开头若说明报告由几个部分组成，应为六个部分。",
        "When the preface says how many parts the report has, that number must be six."),
    rule!("text-year-mismatch", "条例第四十九条（报告上一年度的工作）", Warning, "统计期限与报告年度一致", "Statistics period matches the year",
        "“统计期限”应为报告年度的1月1日至12月31日；年份不符通常是沿用了往年报告。",
        "The statistics period should be 1 January to 31 December of the report's year; another year usually means last year's report was reused."),
    rule!("text-table-mismatch", "国办公开办函〔2021〕30号（四）明确责任（内容不准确）；条例第四十七条、第五十条第一款第（一）至（三）项", Warning, "正文与表格一致", "Prose agrees with tables",
        "正文中的数字（如“收到申请N件”“行政复议N件”）应与统计表一致。",
        "Numbers stated in the prose (requests received, administrative reviews …) should agree with the tables."),
    rule!("text-sum-mismatch", "国办公开办函〔2021〕30号（四）明确责任（内容不准确）；条例第四十七条", Error, "正文分项之和等于总数", "Prose totals add up",
        "正文中列举的分项之和应等于所述总数（如“主动公开政府信息399条，其中……”）。",
        "Where the prose states a total and then lists its parts (主动公开政府信息399条，其中…), the parts must add up to the total."),
    rule!("text-rate-mismatch", "国办公开办函〔2021〕30号（四）明确责任（内容不准确）；条例第四十七条、第五十条第一款第（二）、（三）项", Warning, "正文所述比率与表格一致", "Stated rates agree with the tables",
        "正文写出的比率（如“实质公开率为85%”“办结率100%”）按第三、四部分表格重新计算，相差超过0.5个百分点即提示。",
        "Rates the prose states (实质公开率 85%, 办结率 100% …) are recomputed from the tables of parts three and four; a difference of more than 0.5 points is flagged."),
    rule!("stale-year", "国办公开办函〔2021〕30号（四）明确责任（与往年内容雷同）；条例第四十九条、第四十七条", Warning, "正文无遗留的上年年份", "No stray last year in the prose",
        "本年度报告正文中出现上一年份（如2024年度报告写“2023年，我局……”），且不在同比、较上年等比较语境中，通常是沿用去年报告未改。",
        "Last year's year in this year's prose (\"2023年，我局…\" in a 2024 report), outside comparisons with last year, usually means last year's text was reused."),
    rule!("misfiled-columns", "国办公开办函〔2021〕30号表格勾稽关系：第三部分表格各列；条例第五十条第一款第（二）项", Error, "数字填错列", "Numbers in the wrong column",
        "总计列的勾稽关系成立，但两列分别相差+k和−k：很可能是某一行的k件填到了相邻的列。表格仍然有误，需改正。",
        "The total column's identity holds but two columns are off by +k and −k: probably k requests of one row were entered in the wrong column. The table is still wrong and must be corrected."),
    rule!("carryover-mismatch", "国办公开办函〔2021〕30号表格：第三部分第二项“上年结转”承接上年度报告第四项“结转下年度继续办理”；条例第五十条第一款第（二）项", Error, "上年结转=上年报告的结转下年度", "Carried over = last year's carried forward",
        "本年度第三部分表格第二项“上年结转政府信息公开申请数量”每一列应等于上一年度报告第四项“结转下年度继续办理”的同一列。",
        "In part three's table, row 2 (carried over from last year) must equal last year's row 4 (carried into next year), column by column."),
    rule!("in-force-mismatch", "国办公开办函〔2021〕30号第二部分表格“第二十条第（一）项”栏目（本年制发、本年废止、现行有效件数）；条例第二十条第（一）项", Warning, "现行有效件数前后衔接", "In-force counts follow on",
        "2021年格式中，规章和行政规范性文件的“现行有效件数”一般应等于上年现行有效件数加本年制发件数减本年废止件数；清理废止以往年度文件等情况可以解释差异。",
        "In the 2021 format, the number in force of regulations and normative documents should equal last year's number in force plus this year's issued minus this year's repealed; repeals of older documents can explain a difference."),
    rule!("text-repeated", "国办公开办函〔2021〕30号（四）明确责任（与往年内容雷同）；条例第四十七条", Warning, "正文与上年报告不雷同", "Prose not copied from last year",
        "本年度报告正文与上年度报告相同的比例（忽略空白和数字）达到阈值（默认50%）即提示：年度报告应反映本年度的实际工作。",
        "Warns when the share of this year's prose repeated from last year's report (ignoring whitespace and numbers) reaches the threshold (50% by default): the report should describe this year's work."),
];

pub fn info(name: &str) -> &'static RuleInfo {
    RULES
        .iter()
        .find(|r| r.name == name)
        .unwrap_or_else(|| panic!("unknown rule {name}"))
}

/// Everything the rules read, and what they write.
pub struct Ctx<'a> {
    pub text: &'a Text,
    /// The text's prose lines, read once for every prose rule.
    pub prose: &'a [crate::prose::ProseLine<'a>],
    pub structure: &'a Structure,
    /// The format used to read the tables.
    pub format: Format,
    pub detected: Option<Format>,
    pub expected: Option<Format>,
    pub active: &'a TableRead,
    pub requests: &'a TableRead,
    pub appeals: &'a TableRead,
    /// Last year's report, checked, and its text.
    pub previous: Option<(&'a CheckResult, &'a Text)>,
    pub options: &'a crate::Options,
    pub rates: &'a [crate::rates::RateOut],
    pub comparison: Option<Comparison>,
    pub findings: Vec<Finding>,
    /// (part number or None for the document, check).
    pub checks: Vec<(Option<u8>, Check)>,
    /// How many findings each rule has made, listed or not (see [`MAX_FINDINGS_PER_RULE`]).
    pub tally: Vec<(&'static str, usize)>,
}

/// Most findings one rule lists for one report; beyond them one info finding says how many more
/// there are (a hostile paste must not make a result of hundreds of megabytes).
pub const MAX_FINDINGS_PER_RULE: usize = 200;

impl Ctx<'_> {
    /// A new finding of `rule` with the rule's own severity.
    pub fn finding(
        &self,
        rule: &'static str,
        section: Option<u8>,
        zh: String,
        en: String,
    ) -> Finding {
        Finding {
            rule,
            severity: info(rule).severity,
            section,
            message: zh,
            message_en: en,
            line: None,
            column: None,
            table: None,
            cells: Vec::new(),
            expected: None,
            actual: None,
            inferred: Vec::new(),
            dismissed: None,
        }
    }

    /// Records a finding; a rule's findings beyond [`MAX_FINDINGS_PER_RULE`] are only counted.
    pub fn push(&mut self, f: Finding) {
        let n = match self.tally.iter_mut().find(|(r, _)| *r == f.rule) {
            Some((_, n)) => {
                *n += 1;
                *n
            }
            None => {
                self.tally.push((f.rule, 1));
                1
            }
        };
        if n <= MAX_FINDINGS_PER_RULE {
            self.findings.push(f);
        }
    }

    /// Whether `rule` has listed as many findings as it may: a rule that finds many can then
    /// only [`Ctx::tally`] the rest instead of building each message.
    pub fn full(&self, rule: &str) -> bool {
        self.tally
            .iter()
            .any(|(r, n)| *r == rule && *n >= MAX_FINDINGS_PER_RULE)
    }

    /// Counts one more finding of `rule` that is not listed.
    pub fn tally(&mut self, rule: &'static str) {
        match self.tally.iter_mut().find(|(r, _)| *r == rule) {
            Some((_, n)) => *n += 1,
            None => self.tally.push((rule, 1)),
        }
    }

    /// One info finding for each rule that made more findings than are listed.
    fn note_unlisted(&mut self) {
        for &(rule, n) in &self.tally {
            if n <= MAX_FINDINGS_PER_RULE {
                continue;
            }
            let more = n - MAX_FINDINGS_PER_RULE;
            // Placed after the rule's last listed finding.
            let last = self.findings.iter().rev().find(|f| f.rule == rule);
            let mut f = self.finding(
                rule,
                last.and_then(|f| f.section),
                format!("此项还有{more}处未列出（共{n}处，只列出前{MAX_FINDINGS_PER_RULE}处）"),
                format!("{more} more not listed ({n} in all, the first {MAX_FINDINGS_PER_RULE} are listed)"),
            );
            f.severity = Severity::Info;
            f.line = last.and_then(|f| f.line);
            f.column = last.and_then(|f| f.column);
            self.findings.push(f);
        }
    }

    pub fn check(
        &mut self,
        section: Option<u8>,
        rule: &'static str,
        status: Status,
        zh: impl Into<String>,
        en: impl Into<String>,
    ) {
        self.checks.push((
            section,
            Check {
                rule,
                status,
                detail: zh.into(),
                detail_en: en.into(),
            },
        ));
    }

    /// Records a check whose status follows from the findings of `rule` in `section` since
    /// `before` (the number of findings when the rule started).
    pub fn check_from(
        &mut self,
        section: Option<u8>,
        rule: &'static str,
        before: usize,
        pass: (&str, &str),
    ) {
        let new: Vec<&Finding> = self.findings[before..]
            .iter()
            .filter(|f| f.rule == rule && f.section == section)
            .collect();
        let (status, zh, en) = if new.is_empty() {
            (Status::Pass, pass.0.to_string(), pass.1.to_string())
        } else {
            let worst = new
                .iter()
                .map(|f| f.severity)
                .min()
                .unwrap_or(Severity::Info);
            let status = match worst {
                Severity::Error => Status::Fail,
                Severity::Warning => Status::Warn,
                Severity::Info => Status::Pass,
            };
            let n = new.len();
            if n == 1 {
                (status, new[0].message.clone(), new[0].message_en.clone())
            } else {
                (
                    status,
                    format!("{n}处：{}等", new[0].message),
                    format!("{n} findings, e.g. {}", new[0].message_en),
                )
            }
        };
        self.check(section, rule, status, zh, en);
    }

    /// The line of part `n`'s heading, if the part was found.
    pub fn heading_line(&self, n: u8) -> Option<usize> {
        self.structure.sections[n as usize - 1]
            .as_ref()
            .map(|s| self.text.lines[s.index].no)
    }

    /// The user's column of part `n`'s heading (not 1 when the heading stands inside a line).
    pub fn heading_column(&self, n: u8) -> Option<usize> {
        self.structure.sections[n as usize - 1]
            .as_ref()
            .map(|s| self.text.lines[s.index].column(0))
    }

    pub fn section_found(&self, n: u8) -> bool {
        self.structure.sections[n as usize - 1].is_some()
    }
}

/// Runs every rule.
pub fn run(ctx: &mut Ctx) {
    structure::check(ctx);
    meta::check(ctx);
    citation::check(ctx);
    cells::check(ctx);
    identities::check(ctx);
    active::check(ctx);
    text_year::check(ctx);
    text_sum::check(ctx);
    text_table::check(ctx);
    text_rate::check(ctx);
    #[cfg(feature = "previous")]
    previous::check(ctx);
    provenance::settle(ctx);
    ctx.note_unlisted();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_names_are_unique_kebab_case_and_include_the_required_ones() {
        let mut names: Vec<&str> = RULES.iter().map(|r| r.name).collect();
        for required in [
            "section-missing",
            "section-order",
            "section-heading",
            "table-missing",
            "row-missing",
            "row-shape",
            "cell-blank",
            "cell-invalid",
            "cell-ambiguous",
            "requests-balance",
            "requests-row-total",
            "requests-results-total",
            "appeals-total",
            "article-citation",
            "format-year-mismatch",
            "title-format",
            "publish-deadline",
            "text-table-mismatch",
            "text-sum-mismatch",
        ] {
            assert!(names.contains(&required), "{required}");
        }
        assert!(names
            .iter()
            .all(|n| n.chars().all(|c| c.is_ascii_lowercase() || c == '-')));
        names.sort_unstable();
        let before = names.len();
        names.dedup();
        assert_eq!(before, names.len());
    }
}
