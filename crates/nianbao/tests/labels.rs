//! Row labels as real reports write them: a character dropped, added or replaced, a number
//! without its dot, part 二's "规范性文件". Each still names its own row, through the one label
//! matcher, and never a neighbour's.

mod common;
use common::*;
use nianbao::result::FoundBy;
use nianbao::spec::{active_blocks, request_rows, Format};

/// The label with one of its characters changed: `op` 0 drops, 1 adds "甲" before, 2 replaces
/// with "甲", the `at`-th character of the label's words (after its numbering).
fn mutate(label: &str, op: usize, at: usize) -> Option<String> {
    let chars: Vec<char> = label.chars().collect();
    // (The numbering's own CJK digits are not words: "（一）予以公开" starts at 予.)
    let start = chars
        .iter()
        .position(|c| nianbao::normalize::is_cjk(*c) && !"一二三四五六七".contains(*c))
        .unwrap_or(0);
    let i = start + at;
    if i >= chars.len() || !nianbao::normalize::is_cjk(chars[i]) {
        return None;
    }
    let mut c = chars.clone();
    match op {
        0 => {
            c.remove(i);
        }
        1 => c.insert(i, '甲'),
        _ => c[i] = '甲',
    }
    Some(c.into_iter().collect())
}

/// The report's text with part `part`'s line for `label` given `new` instead.
fn with_label(text: &str, part: &str, next: &str, label: &str, new: &str) -> String {
    let s = text.find(part).unwrap();
    let e = text.find(next).unwrap();
    let body = &text[s..e];
    let body = if let Some(p) = body.find(&format!("\t{label}\t")) {
        format!("{}\t{new}\t{}", &body[..p], &body[p + label.len() + 2..])
    } else {
        let p = body.find(&format!("\n{label}\t")).unwrap();
        format!("{}\n{new}\t{}", &body[..p], &body[p + label.len() + 2..])
    };
    format!("{}{body}{}", &text[..s], &text[e..])
}

struct Tally {
    score: Score,
    /// Mutated labels whose row was not found by its label.
    unmatched: Vec<String>,
    /// Error findings (every one false: the reports are correct).
    errors: Vec<String>,
    /// Rows found by a label the text gives to another row.
    stolen: Vec<String>,
}

fn run(positions: &[usize]) -> Tally {
    let mut t = Tally {
        score: Score::default(),
        unmatched: Vec::new(),
        errors: Vec::new(),
        stolen: Vec::new(),
    };
    let mut g = Lcg(7);
    for year in [2020, 2022] {
        let format = Format::for_year(year);
        let (rows, appeals) = random_tables(format, &mut g);
        let text = report(year, &rows, &appeals, Layout::Tab);
        let mut cases: Vec<(&str, &str, &str, &str)> = request_rows(format)
            .iter()
            .map(|r| ("三、收到和处理", "四、政府信息公开行政复议", r.key, r.label))
            .collect();
        for b in active_blocks(format) {
            for (k, l) in b.rows {
                cases.push(("二、主动公开", "三、收到和处理", k, l));
            }
        }
        for (part, next, key, label) in cases {
            for op in 0..3 {
                for &at in positions {
                    let Some(new) = mutate(label, op, at) else {
                        continue;
                    };
                    // A single character is no label ("规章" → "章").
                    if nianbao::normalize::key(&new).chars().count() < 2 {
                        continue;
                    }
                    let text = with_label(&text, part, next, label, &new);
                    let r = nianbao::check("t.txt", &text);
                    t.score +=
                        score_table(&r.tables.requests, &want_requests(format, &rows, false));
                    t.score += score_table(&r.tables.active, &want_active(format, false));
                    for f in &r.findings {
                        if f.severity == nianbao::result::Severity::Error {
                            t.errors
                                .push(format!("{year} {new}: {} {}", f.rule, f.message));
                        }
                    }
                    let table = if part.starts_with('三') {
                        &r.tables.requests
                    } else {
                        &r.tables.active
                    };
                    let row = table.row(key).unwrap();
                    if !row.found || row.found_by != FoundBy::Label {
                        t.unmatched.push(format!("{year} {key} {label} → {new}"));
                    } else if !row.raw_label.as_deref().is_some_and(|l| l.ends_with(&new)) {
                        t.stolen.push(format!(
                            "{year} {key} {label} → {new}: read from {:?}",
                            row.raw_label
                        ));
                    }
                    for other in table.rows.iter().filter(|o| o.key != key && o.found) {
                        if other
                            .raw_label
                            .as_deref()
                            .is_some_and(|l| l.ends_with(&new))
                        {
                            t.stolen
                                .push(format!("{year} {new} taken by {}", other.key));
                        }
                    }
                }
            }
        }
    }
    t
}

#[test]
fn one_character_off_still_names_its_own_row() {
    let t = run(&[0, 1, 2, 3, 5, 8]);
    eprintln!(
        "labels one character off: {:?}; {} not matched, {} stolen, {} errors",
        t.score,
        t.unmatched.len(),
        t.stolen.len(),
        t.errors.len()
    );
    for u in t
        .unmatched
        .iter()
        .chain(&t.stolen)
        .chain(&t.errors)
        .take(80)
    {
        eprintln!("  {u}");
    }
    assert_eq!(t.score.wrong, 0);
    assert!(t.stolen.is_empty(), "{:#?}", t.stolen);
    assert!(t.unmatched.is_empty(), "{:#?}", t.unmatched);
    assert!(t.errors.is_empty(), "{:#?}", t.errors);
}

#[test]
fn labels_seen_in_real_reports() {
    let mut g = Lcg(11);
    for year in [2020, 2022] {
        let format = Format::for_year(year);
        let (rows, appeals) = random_tables(format, &mut g);
        let mut text = report(year, &rows, &appeals, Layout::Tab);
        let three = ("三、收到和处理", "四、政府信息公开行政复议");
        let two = ("二、主动公开", "三、收到和处理");
        // (F2019's own label is 规范性文件: the variant is F2021's.)
        let doc = if format == Format::F2021 {
            (two, "normative_documents", "行政规范性文件", "规范性文件")
        } else {
            (three, "3.1", "（一）予以公开", "（一）予以公")
        };
        let cases = [
            doc,
            (
                three,
                "3.3.2",
                "2.其他法律行政法规禁止公开",
                "2其他法律行政止公开",
            ),
            (
                three,
                "3.4.2",
                "2.没有现成信息需要另行制作",
                "1没有现成信息",
            ),
            (three, "3.3.8", "8.属于行政查询事项", "8属于行政查询事"),
            (three, "3.5.2", "2.重复申请", "2.重复申"),
        ];
        for ((p, n), _, label, new) in cases {
            text = with_label(&text, p, n, label, new);
        }
        let r = nianbao::check("t.txt", &text);
        let s = score_table(&r.tables.requests, &want_requests(format, &rows, false));
        let a = score_table(&r.tables.active, &want_active(format, false));
        assert_eq!(
            (s.wrong, s.not_read, a.wrong, a.not_read),
            (0, 0, 0, 0),
            "{year}"
        );
        for ((p, _), key, label, new) in cases {
            let t = if p.starts_with('二') {
                &r.tables.active
            } else {
                &r.tables.requests
            };
            let row = t.row(key).unwrap_or_else(|| panic!("{key}"));
            assert!(row.found && row.found_by == FoundBy::Label, "{key}");
            // The row says which label it is and what the text wrote.
            assert_eq!(row.label, label);
            assert!(row.raw_label.as_deref().unwrap().ends_with(new), "{key}");
        }
        let errors: Vec<_> = r
            .findings
            .iter()
            .filter(|f| f.severity == nianbao::result::Severity::Error)
            .map(|f| &f.message)
            .collect();
        assert!(errors.is_empty(), "{year}: {errors:#?}");
    }
}
