//! The rules, one file each: `rules/<name>.rs` declares its rule with [`declare_rule!`] (stable
//! name, severity, the severities it gives in declared cases, title, legal basis, and a doc comment
//! that is the rule's page) and holds its check; the registry below lists every rule file once.
//!
//! A rule function reads the context (text, structure, tables) and records two things: findings
//! (what is wrong, where) and checks (for the per-part checklist: passed, failed, warned or could
//! not run, with a short detail).

use crate::normalize::Text;
use crate::result::{Check, CheckResult, Comparison, Finding, Severity, Status};
use crate::sections::Structure;
use crate::spec::Format;
use crate::tables::TableRead;

/// A rule's declaration: what [`declare_rule!`] makes of a rule file.
#[derive(Debug, Clone, Copy)]
pub struct RuleInfo {
    /// The stable kebab-case name (a public contract: findings, checks and exports carry it).
    pub name: &'static str,
    /// The severity of the rule's findings, unless one of [`RuleInfo::also`]'s cases applies.
    pub severity: Severity,
    /// Other severities the rule gives, each in a declared case (the page lists them).
    pub also: &'static [Also],
    pub title: &'static str,
    pub title_en: &'static str,
    /// The legal basis: articles of the 条例 (《中华人民共和国政府信息公开条例》, 2019) and the
    /// format document (国办公开办函〔2021〕30号; 〔2019〕60号 for 2019 and 2020) and its part or
    /// table. A basis starting "国办公开办函〔2021〕30号表格" or "国办公开办函〔2021〕30号（年度报告格式）"
    /// holds for both formats: `export` cites 〔2019〕60号 instead for a report in the 2019 layout.
    pub basis: &'static str,
    /// [`RuleInfo::basis`] in English (empty without the feature `pages`).
    pub basis_en: &'static str,
    /// The rule's page: its file's doc comment, markdown, Chinese then English (empty without
    /// the feature `pages`; see [`pages`] for its sections).
    pub doc: &'static str,
}

/// A severity a rule gives in a declared case instead of its own.
#[derive(Debug, Clone, Copy)]
pub struct Also {
    pub severity: Severity,
    /// When (Chinese, then English; empty without the feature `pages`).
    pub when: &'static str,
    pub when_en: &'static str,
}

/// A rule's type: the unit struct its file declares, for findings built from the type.
pub trait Rule {
    const INFO: RuleInfo;
    const NAME: &'static str = Self::INFO.name;
}

/// A long text: compiled in with the feature `pages` (the command line); the web page's first
/// load leaves the long texts out (it shows titles, not explanations).
#[cfg(feature = "pages")]
macro_rules! long_text {
    ($($s:expr),* $(,)?) => {
        concat!($($s),*)
    };
}
#[cfg(not(feature = "pages"))]
macro_rules! long_text {
    ($($s:expr),* $(,)?) => {
        ""
    };
}

/// Declares a rule: its doc comment is its page (see `pages` for the sections), then
/// `pub Type { name, severity, also: [Severity: "当…" / "when …"], title: zh / en, basis: zh / en }`.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        pub $ty:ident {
            name: $name:literal,
            severity: $sev:ident,
            $(also: [$($also:ident: $when:literal / $when_en:literal),* $(,)?],)?
            title: $title:literal / $title_en:literal,
            basis: $basis:literal / $basis_en:literal $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy)]
        pub struct $ty;
        impl $crate::rules::Rule for $ty {
            const INFO: $crate::rules::RuleInfo = $crate::rules::RuleInfo {
                name: $name,
                severity: $crate::result::Severity::$sev,
                also: &[$($($crate::rules::Also {
                    severity: $crate::result::Severity::$also,
                    when: long_text!($when),
                    when_en: long_text!($when_en),
                }),*)?],
                title: $title,
                title_en: $title_en,
                basis: $basis,
                basis_en: long_text!($basis_en),
                doc: long_text!($($doc, "\n"),*),
            };
        }
    };
}

/// The registry: every rule file, once, in the order the rules run; `RULES` lists them and
/// [`run`] calls each file's `check` in this order. A rule file not listed here is not compiled
/// (and `tests/pages.rs` fails on it).
macro_rules! registry {
    ($($file:ident::$ty:ident),* $(,)?) => {
        $(mod $file; pub use $file::$ty;)*
        /// Every rule, in the order of the registry (the order they run in, and so the order of
        /// each part's checks).
        pub const RULES: &[RuleInfo] = &[$(<$file::$ty as Rule>::INFO),*];

        /// Runs every registered rule's check, in the registry's order.
        fn run_rules(ctx: &mut Ctx) {
            $($file::check(ctx);)*
        }
    };
}

registry! {
    section_missing::SectionMissing,
    section_heading::SectionHeading,
    section_order::SectionOrder,
    section_empty::SectionEmpty,
    fee_statement::FeeStatement,
    overview_topics::OverviewTopics,
    preface_part_count::PrefacePartCount,
    title_format::TitleFormat,
    publish_deadline::PublishDeadline,
    format_year_mismatch::FormatYearMismatch,
    article_citation::ArticleCitation,
    table_missing::TableMissing,
    row_missing::RowMissing,
    row_shape::RowShape,
    cell_blank::CellBlank,
    cell_invalid::CellInvalid,
    cell_ambiguous::CellAmbiguous,
    requests_balance::RequestsBalance,
    requests_row_total::RequestsRowTotal,
    requests_results_total::RequestsResultsTotal,
    misfiled_columns::MisfiledColumns,
    appeals_total::AppealsTotal,
    active_published_total::ActivePublishedTotal,
    regulations_authority::RegulationsAuthority,
    text_year_mismatch::TextYearMismatch,
    stale_year::StaleYear,
    text_sum_mismatch::TextSumMismatch,
    text_table_mismatch::TextTableMismatch,
    text_rate_mismatch::TextRateMismatch,
    carryover_mismatch::CarryoverMismatch,
    in_force_mismatch::InForceMismatch,
    text_repeated::TextRepeated,
    text_repeated_between_units::TextRepeatedBetweenUnits,
}

#[cfg(feature = "previous")]
pub use text_repeated::prose_seq;
#[cfg(feature = "previous")]
pub use text_repeated_between_units::{
    mark as mark_similar, passages, piece_hashes, Other as SimilarOther,
};

pub mod fix;
pub(crate) mod helpers;
pub mod provenance;
pub use helpers::agency::{agency_kind, deadline as deadline_for, AgencyKind};
pub mod pages;

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
    pub rates: &'a [crate::result::RateOut],
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
            fix: None,
            fix_options: Vec::new(),
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

/// Runs every rule, then the framework's last steps: findings on inferred cells settled, and
/// the note on findings beyond those listed.
pub fn run(ctx: &mut Ctx) {
    run_rules(ctx);
    fix::suggest(
        &mut ctx.findings,
        &mut ctx.checks,
        ctx.format,
        (&ctx.requests.out, &ctx.appeals.out),
    );
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
