//! Each rule's page for `nianbao rules --explain NAME` (and, as JSON, for the web page): what it
//! checks, its legal basis, a wrong and a right example, how to fix it, in Chinese and English.
//! The page is the rule file's doc comment ([`RuleInfo::doc`](super::RuleInfo::doc)), read into
//! its sections here; the severities a rule declares for some cases are added as a line of
//! "what it checks" (以下情况为提示：…).
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
    use crate::result::Severity;
    use crate::rules::{RuleInfo, RULES};

    /// A rule's page as its sections, parsed from the rule file's doc comment
    /// ([`RuleInfo::doc`]): the Chinese explanation, then `## 检查什么`, `## 错误示例`,
    /// `## 正确示例`, `## 如何改正`; then `# English`, the English explanation, `## What it checks`,
    /// `## Wrong`, `## Right`, `## How to fix`. A section that is one fenced block is its inside.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct Sections {
        pub explanation: String,
        pub checks: String,
        pub wrong: String,
        pub right: String,
        pub fix: String,
        pub explanation_en: String,
        pub checks_en: String,
        pub wrong_en: String,
        pub right_en: String,
        pub fix_en: String,
    }

    /// The headings of a page's sections, in order, with the field each fills.
    pub const HEADINGS: [&str; 10] = [
        "",
        "## 检查什么",
        "## 错误示例",
        "## 正确示例",
        "## 如何改正",
        "# English",
        "## What it checks",
        "## Wrong",
        "## Right",
        "## How to fix",
    ];

    /// The sections of a rule's doc comment (see [`Sections`]); a section the doc lacks is empty.
    pub fn sections(doc: &str) -> Sections {
        let mut bodies: [Vec<&str>; 10] = Default::default();
        let mut at = 0;
        for line in doc.lines() {
            // `/// text` is the doc attribute " text".
            let line = line.strip_prefix(' ').unwrap_or(line);
            if let Some(i) = HEADINGS.iter().position(|h| !h.is_empty() && *h == line) {
                at = i;
                continue;
            }
            bodies[at].push(line);
        }
        let text = |i: usize| {
            let mut b: &[&str] = &bodies[i];
            while b.first().is_some_and(|l| l.trim().is_empty()) {
                b = &b[1..];
            }
            while b.last().is_some_and(|l| l.trim().is_empty()) {
                b = &b[..b.len() - 1];
            }
            if b.len() >= 2 && b[0].starts_with("```") && b[b.len() - 1] == "```" {
                b = &b[1..b.len() - 1];
            }
            b.join("\n")
        };
        Sections {
            explanation: text(0),
            checks: text(1),
            wrong: text(2),
            right: text(3),
            fix: text(4),
            explanation_en: text(5),
            checks_en: text(6),
            wrong_en: text(7),
            right_en: text(8),
            fix_en: text(9),
        }
    }

    impl RuleInfo {
        /// The rule's explanation (its page's first section), in Chinese or English.
        pub fn explanation(&self, en: bool) -> String {
            let s = sections(self.doc);
            if en {
                s.explanation_en
            } else {
                s.explanation
            }
        }
    }

    /// A rule's page as data, for JSON; None for a name that is not a rule.
    pub fn page_data(name: &str) -> Option<RulePageOut> {
        RULES.iter().find(|r| r.name == name).map(out)
    }

    /// Every rule's page, in the order of [`RULES`].
    pub fn all() -> Vec<RulePageOut> {
        RULES.iter().map(out).collect()
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

    /// The declared cases with another severity, as a line of the page: "以下情况为提示：…".
    fn also_line(r: &RuleInfo, en: bool) -> String {
        let mut out = Vec::new();
        for sev in [Severity::Error, Severity::Warning, Severity::Info] {
            let cases: Vec<&str> = r
                .also
                .iter()
                .filter(|a| a.severity == sev)
                .map(|a| if en { a.when_en } else { a.when })
                .collect();
            if cases.is_empty() {
                continue;
            }
            out.push(if en {
                format!("As a {}: {}.", sev.label(true), cases.join("; "))
            } else {
                format!("以下情况为{}：{}。", sev.label(false), cases.join("；"))
            });
        }
        out.join("\n")
    }

    fn out(r: &RuleInfo) -> RulePageOut {
        let p = sections(r.doc);
        let checks = |text: &str, note: &str, en: bool| {
            let mut s = with_provenance(r.name, text, note);
            let also = also_line(r, en);
            if !also.is_empty() {
                s.push('\n');
                s.push_str(&also);
            }
            s
        };
        RulePageOut {
            name: r.name.into(),
            severity: r.severity,
            title: r.title.into(),
            title_en: r.title_en.into(),
            basis: r.basis.into(),
            basis_en: r.basis_en.into(),
            checks: checks(&p.checks, UNCERTAIN, false),
            checks_en: checks(&p.checks_en, UNCERTAIN_EN, true),
            explanation: p.explanation,
            explanation_en: p.explanation_en,
            wrong: p.wrong,
            wrong_en: p.wrong_en,
            right: p.right,
            right_en: p.right_en,
            fix: p.fix,
            fix_en: p.fix_en,
        }
    }

    /// Every rule as a markdown list for the README (one line a rule: name, severity with the
    /// declared alternatives, title in both languages); `tests/pages.rs` keeps the README's copy
    /// between `<!-- rules:begin -->` and `<!-- rules:end -->` equal to it.
    pub fn markdown_list() -> String {
        let mut s = String::new();
        for r in RULES {
            let mut sev = format!("{} {}", r.severity.label(false), r.severity.label(true));
            let mut others: Vec<Severity> = r.also.iter().map(|a| a.severity).collect();
            others.dedup();
            for o in others {
                sev.push_str(&format!(
                    "; {} {} in declared cases",
                    o.label(false),
                    o.label(true)
                ));
            }
            s.push_str(&format!(
                "- `{}` ({sev}): {} / {}\n",
                r.name, r.title, r.title_en
            ));
        }
        s
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
}
