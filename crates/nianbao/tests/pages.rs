//! Every rule has a page (`nianbao rules --explain NAME`), and every rule name the code uses is a
//! rule of `RULES`.

use nianbao::rules::RULES;
use std::collections::BTreeSet;
use std::path::Path;

#[cfg(feature = "pages")]
mod pages {
    use nianbao::rules::pages::{self, RulePageOut};
    use nianbao::rules::RULES;

    fn fields(p: &RulePageOut) -> [(&str, &str); 16] {
        [
            ("name", &p.name),
            ("title", &p.title),
            ("title_en", &p.title_en),
            ("basis", &p.basis),
            ("basis_en", &p.basis_en),
            ("explanation", &p.explanation),
            ("explanation_en", &p.explanation_en),
            ("checks", &p.checks),
            ("checks_en", &p.checks_en),
            ("wrong", &p.wrong),
            ("wrong_en", &p.wrong_en),
            ("right", &p.right),
            ("right_en", &p.right_en),
            ("fix", &p.fix),
            ("fix_en", &p.fix_en),
            ("severity", p.severity.name()),
        ]
    }

    #[test]
    fn every_rule_has_a_page_with_every_section_in_both_languages() {
        for r in RULES {
            let p = pages::page_data(r.name).unwrap_or_else(|| panic!("{}: no page", r.name));
            for (field, text) in fields(&p) {
                assert!(!text.trim().is_empty(), "{}: {field} is empty", r.name);
            }
            assert_eq!(p.severity, r.severity);
            assert_ne!(p.wrong, p.right, "{}: the examples are the same", r.name);
            assert_ne!(p.wrong_en, p.right_en, "{}", r.name);
            // The Chinese texts are Chinese; the English ones say something in English.
            let cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
            for (f, t) in [("checks", &p.checks), ("fix", &p.fix)] {
                assert!(cjk(t), "{}: {f} is not Chinese", r.name);
            }
            for (f, t) in [
                ("basis_en", &p.basis_en),
                ("checks_en", &p.checks_en),
                ("fix_en", &p.fix_en),
            ] {
                let latin = t.chars().filter(|c| c.is_ascii_alphabetic()).count();
                assert!(latin > 20, "{}: {f} is not English", r.name);
            }
        }
    }

    #[test]
    fn pages_are_for_rules_once_each_in_the_order_of_rules() {
        let pages: Vec<String> = pages::all().into_iter().map(|p| p.name).collect();
        let rules: Vec<&str> = RULES.iter().map(|r| r.name).collect();
        assert_eq!(pages, rules);
        assert!(pages::page_data("no-such-rule").is_none());
        assert!(pages::page("no-such-rule").is_none());
    }

    /// Every section heading of every rule's doc comment is one the page reads, in order, once:
    /// a misspelt heading would silently move its text into the section before.
    #[test]
    fn every_doc_has_the_page_headings_in_order() {
        for r in RULES {
            let heads: Vec<&str> = r
                .doc
                .lines()
                .map(|l| l.strip_prefix(' ').unwrap_or(l))
                .filter(|l| l.starts_with('#'))
                .collect();
            assert_eq!(heads, pages::HEADINGS[1..], "{}", r.name);
        }
    }

    /// A Chinese numeral up to 99 (四十九, 二十, 十): its value.
    fn cn_number(s: &str) -> Option<u32> {
        let digit = |c: char| "零一二三四五六七八九".chars().position(|d| d == c);
        let c: Vec<char> = s.chars().collect();
        match c.as_slice() {
            [d] if *d != '十' => digit(*d).map(|d| d as u32),
            ['十'] => Some(10),
            ['十', u] => Some(10 + digit(*u)? as u32),
            [t, '十'] => Some(digit(*t)? as u32 * 10),
            [t, '十', u] => Some(digit(*t)? as u32 * 10 + digit(*u)? as u32),
            _ => None,
        }
    }

    /// The articles a Chinese basis cites: every 第…条.
    fn articles_zh(s: &str) -> Vec<u32> {
        let mut out: Vec<u32> = s
            .split('第')
            .skip(1)
            .filter_map(|t| cn_number(t.split('条').next()?).filter(|_| t.contains('条')))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The articles an English basis cites: every "art. N".
    fn articles_en(s: &str) -> Vec<u32> {
        let mut out: Vec<u32> = s
            .split("art. ")
            .skip(1)
            .filter_map(|t| {
                let n: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
                n.parse().ok()
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    #[test]
    fn every_basis_cites_an_article_and_both_languages_cite_the_same() {
        assert_eq!(
            articles_zh("条例第四十九条、第五十条第二款；第二十条第（一）项"),
            [20, 49, 50]
        );
        assert_eq!(
            articles_en("art. 49 and art. 50 para. 2; art. 20 item (1)"),
            [20, 49, 50]
        );
        for r in RULES {
            assert!(
                r.basis.contains("条例第"),
                "{}: the basis cites no article of the 条例: {}",
                r.name,
                r.basis
            );
            let p = pages::page_data(r.name).unwrap();
            assert_eq!(
                articles_zh(&p.basis),
                articles_en(&p.basis_en),
                "{}: the bases cite different articles:\n{}\n{}",
                r.name,
                p.basis,
                p.basis_en
            );
            // Both name the same format documents.
            for doc in ["〔2019〕60号", "〔2021〕30号", "〔2020〕109号"] {
                if r.basis.contains(doc) {
                    assert!(p.basis_en.contains(doc), "{}: {doc}", r.name);
                }
            }
        }
    }

    #[test]
    fn the_page_as_text_has_its_headings_and_sections() {
        for r in RULES {
            let t = pages::page(r.name).unwrap();
            let p = pages::page_data(r.name).unwrap();
            for head in [
                "说明",
                "依据",
                "检查什么",
                "错误示例",
                "正确示例",
                "如何改正",
                "Explanation",
                "Basis",
                "What it checks",
                "Wrong",
                "Right",
                "How to fix",
            ] {
                assert!(t.contains(&format!("\n{head}\n")), "{}: {head}", r.name);
            }
            assert!(t.starts_with(r.name));
            for (field, text) in fields(&p) {
                let first = text.lines().next().unwrap();
                assert!(t.contains(first), "{}: {field} not shown", r.name);
            }
            let zh = pages::page_in(r.name, true, false).unwrap();
            assert!(zh.contains("检查什么") && !zh.contains("What it checks"));
            let en = pages::page_in(r.name, false, true).unwrap();
            assert!(en.contains("What it checks") && !en.contains("检查什么"));
        }
    }

    /// The README's rule list is generated from the registry: when it is stale this test
    /// rewrites it (review and commit the change) and fails.
    #[test]
    fn the_readme_lists_every_rule_as_the_registry_does() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md");
        let readme = std::fs::read_to_string(path).unwrap();
        let (begin, end) = ("<!-- rules:begin -->\n", "<!-- rules:end -->");
        let a = readme.find(begin).expect("README: <!-- rules:begin -->") + begin.len();
        let b = readme.find(end).expect("README: <!-- rules:end -->");
        let want = pages::markdown_list();
        if readme[a..b] != want {
            std::fs::write(path, format!("{}{want}{}", &readme[..a], &readme[b..])).unwrap();
            panic!(
                "README.md's rule list was stale; it has been regenerated: review and commit it"
            );
        }
        for r in RULES {
            assert!(readme.contains(&format!("`{}`", r.name)), "{}", r.name);
        }
    }

    #[test]
    fn the_page_as_json_reads_back() {
        let p = pages::page_data("requests-balance").unwrap();
        let json = serde_json::to_string(&p).unwrap();
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["name"], "requests-balance");
        assert_eq!(v["severity"], "error");
        for key in [
            "title",
            "title_en",
            "basis",
            "basis_en",
            "explanation",
            "explanation_en",
            "checks",
            "checks_en",
            "wrong",
            "wrong_en",
            "right",
            "right_en",
            "fix",
            "fix_en",
        ] {
            assert!(v[key].as_str().is_some_and(|s| !s.is_empty()), "{key}");
        }
        let back: RulePageOut = serde_json::from_str(&json).unwrap();
        assert_eq!(back, p);
    }
}

/// Dash-separated words of `s`, when it is kebab-case (two words or more).
fn kebab_words(s: &str) -> Option<Vec<&str>> {
    let words: Vec<&str> = s.split('-').collect();
    (words.len() >= 2
        && words
            .iter()
            .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase())))
    .then_some(words)
}

/// String literals of Rust source that are kebab-case words ("row-missing"), with their lines.
fn kebab_literals(src: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let b = src.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'"' {
            let start = i + 1;
            let mut j = start;
            while j < b.len() && (b[j].is_ascii_lowercase() || b[j] == b'-') {
                j += 1;
            }
            if j < b.len() && b[j] == b'"' && j > start {
                let lit = &src[start..j];
                if kebab_words(lit).is_some() {
                    let line = src[..start].matches('\n').count() + 1;
                    out.push((line, lit));
                }
            }
        }
        i += 1;
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Kebab-case literals of the engine's source that share no word with a rule name's words but
/// should still not be taken for one. Add a literal here only if it is not meant as a rule.
const NOT_RULES: &[&str] = &[];

/// `rules::info` panics on an unknown name, and a finding of a mistyped rule would have no title
/// or basis: every literal of the source that looks like a rule name (kebab-case, sharing a word
/// with a rule's name: "requests-balnce", "cell-blanks") must be a rule of `RULES`.
#[test]
fn every_rule_name_in_the_source_is_a_rule() {
    let names: BTreeSet<&str> = RULES.iter().map(|r| r.name).collect();
    let words: BTreeSet<&str> = names.iter().flat_map(|n| n.split('-')).collect();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    assert!(
        files.len() > 10,
        "found the sources under {}",
        root.display()
    );
    let mut bad = Vec::new();
    let mut used: BTreeSet<String> = BTreeSet::new();
    for file in &files {
        let src = std::fs::read_to_string(file).unwrap();
        let rel = file.strip_prefix(&root).unwrap().display().to_string();
        for (line, lit) in kebab_literals(&src) {
            // A rule file's own declaration does not count as code that uses the rule.
            let declares = src
                .lines()
                .nth(line - 1)
                .is_some_and(|l| l.trim_start().starts_with("name:"));
            let rule_like = kebab_words(lit).unwrap().iter().any(|w| words.contains(w));
            if !rule_like || NOT_RULES.contains(&lit) {
                continue;
            }
            if !names.contains(lit) {
                bad.push(format!("src/{rel}:{line}: \"{lit}\""));
            } else if !declares && rel != "rules/mod.rs" && rel != "rules/pages.rs" {
                used.insert(lit.to_string());
            }
        }
    }
    assert!(
        bad.is_empty(),
        "rule names that are not in RULES (a typo, or a rule to add to RULES; a literal that is \
         not a rule name goes in NOT_RULES):\n{}",
        bad.join("\n")
    );
    // And every rule of RULES is named by the code that checks it: by its name, or by its
    // type's (`RequestsBalance::NAME`).
    let sources: Vec<String> = files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect();
    for name in &names {
        let ty: String = name
            .split('-')
            .map(|w| w[..1].to_ascii_uppercase() + &w[1..])
            .collect();
        if sources.iter().any(|s| s.contains(&format!("{ty}::NAME"))) {
            used.insert(name.to_string());
        }
    }
    let unused: Vec<&&str> = names.iter().filter(|n| !used.contains(**n)).collect();
    assert!(unused.is_empty(), "rules no code refers to: {unused:?}");
}

#[test]
fn the_scan_finds_a_mistyped_rule_name() {
    let src = "let f = ctx.finding(\n    \"requests-balnce\",\n    Some(3),\n);\nlet c = '\"';";
    assert_eq!(kebab_literals(src), [(2, "requests-balnce")]);
    assert!(kebab_literals("\"kebab\" \"-x\" \"a--b\" \"Row-Missing\"").is_empty());
}

/// A rule cannot be used without being registered: every file under `src/rules/` that declares a
/// rule (`declare_rule!`) is in the registry, under the file name its rule's name gives
/// (`requests-balance` → `rules/requests_balance.rs`), and every registered rule has its file.
#[test]
fn every_rule_file_is_registered_and_every_registered_rule_has_its_file() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
    let mut declared = BTreeSet::new();
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        let src = std::fs::read_to_string(&p).unwrap_or_default();
        if src.contains("\ndeclare_rule! {") {
            let stem = p.file_stem().unwrap().to_string_lossy().to_string();
            let name = src
                .lines()
                .find_map(|l| l.trim().strip_prefix("name: \""))
                .and_then(|l| l.split('"').next())
                .unwrap_or_else(|| panic!("{stem}.rs declares a rule without a name"));
            assert_eq!(stem, name.replace('-', "_"), "{stem}.rs declares {name}");
            declared.insert(name.to_string());
        }
    }
    let registered: BTreeSet<String> = RULES.iter().map(|r| r.name.to_string()).collect();
    assert_eq!(declared, registered);
    let mod_rs = std::fs::read_to_string(dir.join("mod.rs")).unwrap();
    let registry = mod_rs
        .split("\nregistry! {\n")
        .nth(1)
        .and_then(|s| s.split("\n}").next())
        .expect("the registry in rules/mod.rs");
    for name in &registered {
        assert_eq!(
            registry
                .matches(&format!("    {}::", name.replace('-', "_")))
                .count(),
            1,
            "{name}: not registered once in rules/mod.rs"
        );
    }
}
