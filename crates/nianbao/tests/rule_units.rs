//! Rules as units: every finding on every seed, corpus file and fixture is of a registered rule
//! and has the rule's severity or one its file declares; each rule's page examples are tested
//! (the wrong one fires, the right one does not).

mod common;
use common::*;
use nianbao::result::{Finding, Severity};
use nianbao::rules::{RuleInfo, RULES};

/// Whether a finding's severity is one its rule declares. Two cases are the framework's, for
/// every rule: a finding resting on a cell that was inferred, not read (`inferred` lists it) is
/// at most a warning (`provenance::settle`), and the note on findings beyond the 200 listed
/// (此项还有N处未列出) is info.
fn declared(r: &RuleInfo, f: &Finding) -> bool {
    f.severity == r.severity
        || r.also.iter().any(|a| a.severity == f.severity)
        || (f.severity == Severity::Warning && !f.inferred.is_empty())
        || (f.severity == Severity::Info && f.message.starts_with("此项还有"))
}

#[test]
fn every_finding_is_of_a_registered_rule_with_a_declared_severity() {
    let mut bad = Vec::new();
    let mut n = 0;
    for (name, doc) in every_input() {
        let result = nianbao::check_document(&name, &doc);
        for f in &result.findings {
            n += 1;
            match RULES.iter().find(|r| r.name == f.rule) {
                None => bad.push(format!("{name}: {} is not registered", f.rule)),
                Some(r) if !declared(r, f) => bad.push(format!(
                    "{name}: {} {:?} (declared {:?}, also {:?}): {}",
                    f.rule,
                    f.severity,
                    r.severity,
                    r.also.iter().map(|a| a.severity).collect::<Vec<_>>(),
                    f.message
                )),
                Some(_) => {}
            }
        }
    }
    assert!(n > 100, "only {n} findings over every input");
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
