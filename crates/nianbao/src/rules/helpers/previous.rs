//! Shared by the rules comparing with last year's report.

/// A finding resting on a cell of last year's report that was inferred, not read: a warning that
/// says so, with the cell listed in `inferred` as `previous:row/column`.
pub fn unsure_previous(f: &mut crate::result::Finding, id: &str, name: &str) {
    f.severity = crate::result::Severity::Warning;
    f.message = format!(
        "（读数不确定：{name}是推断的，不是从原文读出的，请核对原文）{}",
        f.message
    );
    f.message_en = format!(
        "(uncertain reading: a cell of last year's report was inferred, not read; check the original) {}",
        f.message_en
    );
    f.inferred.push(format!("previous:{id}"));
}
