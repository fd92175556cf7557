//! What the page keeps of a slot across a reload (`protocol::Kept`: the document a reader made,
//! with its grids, and its name) gives exactly the result it gave before, in every form a file
//! comes in; the text alone does not always. And what is left once findings are dismissed: the
//! verdict, the counts, the parts, the exports and the roll-up row agree.

use nianbao::document::Document;
use nianbao::export;
use nianbao::protocol::{decode, encode, Kept};
use nianbao::result::{CheckResult, Severity, Verdict};

fn read(name: &str) -> Document {
    let p = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("{p}: {e}"));
    nianbao::read::read(&bytes, name, None, &nianbao::read::encoding_rs_legacy)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn check(name: &str, doc: &Document) -> CheckResult {
    nianbao::check_with(name, doc, None, &nianbao::Options::default())
}

#[test]
fn a_kept_slot_gives_the_same_result_and_the_text_alone_may_not() {
    let mut differs_as_text = Vec::new();
    for name in [
        "report_b.pdf",
        "report_b.docx",
        "report_b.html",
        "report_a_split.pdf",
    ] {
        let doc = read(name);
        let before = nianbao::to_json(&check(name, &doc), false);
        let kept = encode(&Kept {
            name: name.into(),
            doc: doc.clone(),
        });
        let back: Kept = decode(&kept).unwrap_or_else(|| panic!("{name}: kept state decodes"));
        assert_eq!(back.name, name);
        assert_eq!(back.doc, doc, "{name}: the document comes back whole");
        let after = nianbao::to_json(&check(&back.name, &back.doc), false);
        assert_eq!(before, after, "{name}: the same result after a reload");
        let as_text = nianbao::to_json(&nianbao::check(name, &doc.text), false);
        if as_text != before {
            differs_as_text.push(name);
        }
    }
    // What keeping the grids is for: a file whose text alone checks differently.
    assert!(
        differs_as_text.contains(&"report_b.pdf"),
        "{differs_as_text:?}"
    );
}

#[test]
fn what_is_left_after_dismissals_is_what_every_output_says() {
    let doc = read("report_b.pdf");
    let mut r = check("report_b.pdf", &doc);
    assert_eq!(r.verdict, Verdict::Fail);
    let errors: Vec<String> = r
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.key())
        .collect();
    assert!(!errors.is_empty());
    let n = r.counts.error;
    // Nothing dismissed: no `left`, the JSON as the command line writes it.
    let plain = nianbao::to_json(&r, false);
    r.dismiss(&[]);
    assert!(r.left.is_none());
    assert_eq!(nianbao::to_json(&r, false), plain);

    // One error dismissed.
    let one = vec![(errors[0].clone(), "已核实".to_string())];
    r.dismiss(&one);
    let left = r.left.expect("left after a dismissal");
    assert_eq!(left, r.left_after(&one));
    assert_eq!((left.counts.error, left.dismissed), (n - 1, 1));
    let json: serde_json::Value = serde_json::from_str(&nianbao::to_json(&r, false)).unwrap();
    assert_eq!(json["left"]["counts"]["error"], n - 1);
    assert_eq!(json["left"]["dismissed"], 1);
    assert_eq!(json["verdict"], "fail", "the engine's own verdict stays");
    if n > 1 {
        assert_eq!(
            export::verdict_text(&r, false),
            format!("需修改 {} 项 · 已忽略 1 项", n - 1)
        );
        assert_eq!(
            export::verdict_text(&r, true),
            if n - 1 == 1 {
                "Needs 1 fix · 1 dismissed".to_string()
            } else {
                format!("Needs {} fixes · 1 dismissed", n - 1)
            }
        );
    }
    let html = export::html(&r, false);
    assert!(
        html.contains(&format!("错误 {}", n - 1)),
        "printable counts"
    );
    assert!(html.contains(&format!("检查结论（未计忽略）：需修改 {n} 项")));
    assert!(html.contains("已忽略：已核实"));
    let csv = export::csv(&[&r], false);
    assert_eq!(csv.matches("已核实").count(), 1);
    let row = export::SummaryRow::from_result(&r, "report_b.pdf");
    assert_eq!((row.errors, row.dismissed), (n - 1, 1));
    let summary = export::summary_csv(&[row], false);
    assert!(summary.contains("已忽略 1 项"), "{summary}");

    // Every error dismissed: no longer a failure, and said so plainly; the parts follow.
    let all: Vec<(String, String)> = errors.iter().map(|k| (k.clone(), "理由".into())).collect();
    r.dismiss(&all);
    let left = r.left.unwrap();
    assert_eq!(left.counts.error, 0);
    assert_ne!(left.verdict, Verdict::Fail);
    let text = export::verdict_text(&r, false);
    assert!(
        text.contains(&format!("已忽略 {} 项", errors.len())),
        "{text}"
    );
    assert!(!text.contains("需修改"), "{text}");
    for s in &r.sections {
        assert_ne!(
            r.part_status_when(s.number, |f| f.dismissed.is_some()),
            "fail",
            "part {}",
            s.number
        );
    }
    let row = export::SummaryRow::from_result(&r, "report_b.pdf");
    assert_eq!(row.verdict, Some(left.verdict));
    assert_eq!(row.errors, 0);

    // Undone: as found.
    r.dismiss(&[]);
    assert!(r.left.is_none());
    assert_eq!(nianbao::to_json(&r, false), plain);
    assert_eq!(export::verdict_text(&r, false), format!("需修改 {n} 项"));
}
