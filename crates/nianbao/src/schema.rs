//! The result's JSON Schema, derived from the result types ([`crate::result`]) as serde writes
//! them: renames, skipped fields (not required), the cells map of a row and numbers written as
//! integers when whole ([`crate::result`]'s `ser_cells` and `ser_num`, given matching schemas
//! there). Checked in as `schema/result.schema.json` (a test fails when it is stale;
//! `NIANBAO_WRITE_SCHEMA=1` rewrites it); `nianbao schema` prints it. RESULT.md documents it.

use schemars::generate::SchemaSettings;
use serde_json::Value;

/// The schema of [`crate::CheckResult`] as JSON text (pretty, with a final newline): JSON Schema
/// 2020-12, every object of ours closed (`additionalProperties: false`) so that a renamed or
/// unknown field fails validation.
pub fn result_schema() -> String {
    let generator = SchemaSettings::default().for_serialize().into_generator();
    let schema = generator.into_root_schema_for::<crate::CheckResult>();
    let mut v = schema.to_value();
    if let Some(o) = v.as_object_mut() {
        o.insert("title".into(), "nianbao result".into());
        o.insert(
            "description".into(),
            concat!(
                "The result of checking one report (nianbao.result/1), as `nianbao check --json` ",
                "writes it and the page downloads it. Documented in RESULT.md."
            )
            .into(),
        );
    }
    close(&mut v);
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
    s.push('\n');
    s
}

/// Sets `additionalProperties: false` on every object schema with `properties` that does not say
/// otherwise (schemars leaves them open unless serde denies unknown fields, which would also
/// make reading a result back stricter).
fn close(v: &mut Value) {
    match v {
        Value::Object(o) => {
            if o.contains_key("properties") && !o.contains_key("additionalProperties") {
                o.insert("additionalProperties".into(), Value::Bool(false));
            }
            for (_, x) in o.iter_mut() {
                close(x);
            }
        }
        Value::Array(a) => a.iter_mut().for_each(close),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    /// The checked-in schema is the types' schema; `NIANBAO_WRITE_SCHEMA=1` rewrites it.
    #[test]
    fn the_checked_in_schema_is_current() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../schema/result.schema.json"
        );
        let want = super::result_schema();
        if std::env::var_os("NIANBAO_WRITE_SCHEMA").is_some() {
            std::fs::write(path, &want).unwrap();
        }
        let have = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            have == want,
            "schema/result.schema.json is not the result types' schema: run \
             NIANBAO_WRITE_SCHEMA=1 cargo test -p nianbao --features schema --lib schema, \
             review the difference and update RESULT.md"
        );
    }
}
