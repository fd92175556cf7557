//! The result's extra panels: the comparison with last year's report (checks, 雷同 share, the
//! repeated passages marked in the text), 雷同 with other units of a batch (the others, the
//! share, the shared passages marked), the derived rates, and a rule's page.

use crate::i18n::Lang;
use crate::state::{Action, Dispatch, RulePage};
use crate::view::Ctx;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Rules that compare with last year's report.
const COMPARING: &[&str] = &[
    "carryover-mismatch",
    "in-force-mismatch",
    "text-repeated",
    "stale-year",
];

fn pct(v: f64) -> String {
    format!("{:.1}%", v * 100.0)
}

#[derive(Properties, PartialEq)]
pub struct ComparisonProps {
    pub ctx: Ctx,
    pub text: Rc<String>,
    pub threshold: f64,
}

/// What comparing with last year found: the checks, the share of repeated prose by part, and
/// the repeated passages marked.
#[function_component]
pub fn ComparisonCard(p: &ComparisonProps) -> Html {
    let dispatch = use_context::<Dispatch>().expect("dispatch context");
    let r = &p.ctx.res;
    let lang = p.ctx.lang;
    let Some(c) = &r.comparison else {
        return html! {};
    };
    let checks: Vec<_> = r
        .document
        .checks
        .iter()
        .chain(r.sections.iter().flat_map(|s| &s.checks))
        .filter(|c| COMPARING.contains(&c.rule))
        .cloned()
        .collect();
    let listed: Vec<usize> = r
        .findings
        .iter()
        .enumerate()
        .filter(|(_, f)| COMPARING.contains(&f.rule))
        .map(|(i, _)| i)
        .collect();
    let on_threshold = Callback::from(move |e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        if let Ok(v) = input.value().parse::<f64>() {
            dispatch.dispatch(Action::Threshold(v / 100.0));
        }
    });
    let over = c.repeated_share >= p.threshold;
    // The repeated passages, line by line, marked.
    let (repeated_lines, passages) = marked_lines(&p.text, &c.repeated, 300);
    html! {
        <section class="card comparison-card" id="comparison" aria-labelledby="comparison-title">
            <h2 id="comparison-title">{ lang.t("与上年报告比较", "Compared with last year's report") }</h2>
            <p class="found">{ format!("{}：{}{}", lang.t("上年报告", "Last year's report"), c.previous.name,
                c.previous.year.map(|y| format!("（{y}{}）", lang.t("年度", ""))).unwrap_or_default()) }</p>
            <ul class="checks">
                { for checks.iter().map(|c| html! {
                    <li class={format!("check s-{}", c.status.name())} data-rule={c.rule} data-status={c.status.name()}>
                        <span class="mark">{ c.status.mark() }</span>
                        <span class="rule-title">{ nianbao::export::rule_title(c.rule, lang.en) }</span>
                        <span class="detail">{ if lang.en { c.detail_en.clone() } else { c.detail.clone() } }</span>
                    </li>
                }) }
            </ul>
            <p class={classes!("repeated-share", over.then_some("over"))} data-share={format!("{:.4}", c.repeated_share)}>
                { format!("{} {}", lang.t("正文与上年重复：", "Prose repeated from last year:"), pct(c.repeated_share)) }
                <label class="threshold">
                    { lang.t(" 提示阈值 ", " warn at ") }
                    <input type="number" id="repeated-threshold" min="5" max="100" step="5" value={format!("{:.0}", p.threshold * 100.0)} oninput={on_threshold} />
                    { "%" }
                </label>
            </p>
            <table class="shares">
                <thead><tr><th scope="col">{ lang.t("部分", "Part") }</th><th scope="col">{ lang.t("字数", "Chars") }</th><th scope="col">{ lang.t("重复比例", "Repeated") }</th></tr></thead>
                <tbody>
                    { for c.by_part.iter().map(|s| html! {
                        <tr data-part={s.number.to_string()}>
                            <th scope="row">{ if s.number == 0 { lang.t("标题与前言", "Title and preamble").to_string() } else { format!("{}、", crate::i18n::NUMERALS[(s.number as usize - 1).min(5)]) + &if lang.en { crate::i18n::section_title_en(s.number).to_string() } else { r.sections[(s.number as usize - 1).min(5)].title.to_string() } } }</th>
                            <td>{ s.chars }</td>
                            <td class={classes!((s.share >= p.threshold).then_some("over"))}>{ pct(s.share) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            if !listed.is_empty() {
                <ol class="findings">{ for listed.iter().map(|&i| crate::view::finding_item(i, &p.ctx)) }</ol>
            }
            if !passages.is_empty() {
                <details class="repeated" open={over}>
                    <summary>{ format!("{}（{} {}）", lang.t("与上年重复的段落", "Passages repeated from last year"), repeated_lines, lang.t("行", "lines")) }</summary>
                    <div class="excerpt repeated-text">{ for passages }</div>
                </details>
            }
        </section>
    }
}

/// Lines of `text` with the spans marked (`<mark>`), one `.src-line` per line: how many lines
/// have spans, and the first `most` of them.
fn marked_lines(text: &str, spans: &[nianbao::result::Span], most: usize) -> (usize, Vec<Html>) {
    let all: Vec<&str> = nianbao::normalize::lines(text).collect();
    let mut by_line: Vec<(usize, Vec<(usize, usize)>)> = Vec::new();
    for s in spans {
        match by_line.last_mut() {
            Some((l, v)) if *l == s.line => v.push((s.start, s.end)),
            _ => by_line.push((s.line, vec![(s.start, s.end)])),
        }
    }
    let shown = by_line
        .iter()
        .take(most)
        .map(|(line, spans)| {
            let chars: Vec<char> = all
                .get(line.saturating_sub(1))
                .copied()
                .unwrap_or("")
                .chars()
                .collect();
            let mut parts: Vec<Html> = Vec::new();
            let mut at = 0usize;
            for &(s, e) in spans {
                let (s, e) = (s.saturating_sub(1).min(chars.len()), e.min(chars.len()));
                if s < at || e <= s {
                    continue;
                }
                parts.push(html! { { chars[at..s].iter().collect::<String>() } });
                parts.push(html! { <mark>{ chars[s..e].iter().collect::<String>() }</mark> });
                at = e;
            }
            parts.push(html! { { chars[at..].iter().collect::<String>() } });
            html! {
                <div class="src-line" data-line={line.to_string()}>
                    <span class="src-no">{ *line }</span>
                    <span class="src-text">{ for parts }</span>
                </div>
            }
        })
        .collect();
    (by_line.len(), shown)
}

#[derive(Properties, PartialEq)]
pub struct SimilarProps {
    pub ctx: Ctx,
    pub text: Rc<String>,
}

/// 雷同 between units (a batch report): the other units' reports sharing its prose, the share,
/// its finding, and the shared passages marked in its text.
#[function_component]
pub fn SimilarCard(p: &SimilarProps) -> Html {
    let r = &p.ctx.res;
    let lang = p.ctx.lang;
    let Some(s) = &r.similar else {
        return html! {};
    };
    let listed: Vec<usize> = r
        .findings
        .iter()
        .enumerate()
        .filter(|(_, f)| f.rule == "text-repeated-between-units")
        .map(|(i, _)| i)
        .collect();
    let (_, lines) = marked_lines(&p.text, &s.passages, 300);
    html! {
        <section class="card similar-card" id="similar" aria-labelledby="similar-card-title">
            <h2 id="similar-card-title">{ lang.t("与其他单位的报告雷同", "Prose shared with other units") }</h2>
            <p class="repeated-share over" data-share={format!("{:.4}", s.share)}>
                { format!("{} {}", lang.t("正文与其他单位相同：", "Prose shared with other units:"), pct(s.share)) }
            </p>
            <ul class="similar-others">
                { for s.others.iter().map(|o| html! {
                    <li data-share={format!("{:.4}", o.share)}>{ format!("{} · {} · {}", o.name, o.agency.clone().unwrap_or_else(|| "—".into()), pct(o.share)) }</li>
                }) }
            </ul>
            if !listed.is_empty() {
                <ol class="findings">{ for listed.iter().map(|&i| crate::view::finding_item(i, &p.ctx)) }</ol>
            }
            if !lines.is_empty() {
                <details class="repeated" open=true>
                    <summary>{ format!("{}（{} {}）", lang.t("相同的段落", "Shared passages"), lines.len(), lang.t("行", "lines")) }</summary>
                    <div class="excerpt repeated-text">{ for lines }</div>
                </details>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct RatesProps {
    pub ctx: Ctx,
}

/// The derived rates: formula, the numbers in it, the value, its flag, and last year's.
#[function_component]
pub fn RatesPanel(p: &RatesProps) -> Html {
    let r = &p.ctx.res;
    let lang = p.ctx.lang;
    if r.rates.is_empty() {
        return html! {};
    }
    let with_prev = r.comparison.is_some();
    let frac = |n: Option<i64>, d: Option<i64>| match (n, d) {
        (Some(n), Some(d)) => format!("{n} ÷ {d}"),
        _ => "—".to_string(),
    };
    html! {
        <section class="card rates-card" id="rates" aria-labelledby="rates-title">
            <h2 id="rates-title">{ lang.t("派生比率", "Derived rates") }</h2>
            <p class="hint">{ lang.t("按表格计算；申请少于30件不标记。红：纠错率>15%或实质公开率<40%；黄：>10% / <45%。", "Computed from the tables; no flag under 30 requests. Red: correction rate > 15% or disclosure rate < 40%; yellow: > 10% / < 45%.") }</p>
            <div class="grid-wrap">
            <table class="rates">
                <thead><tr>
                    <th scope="col">{ lang.t("比率", "Rate") }</th>
                    <th scope="col">{ lang.t("公式", "Formula") }</th>
                    <th scope="col">{ lang.t("数值", "Numbers") }</th>
                    <th scope="col">{ lang.t("比率", "Value") }</th>
                    if with_prev {
                        <th scope="col">{ lang.t("上年", "Last year") }</th>
                        <th scope="col">{ lang.t("变化", "Change") }</th>
                    }
                </tr></thead>
                <tbody>
                    { for r.rates.iter().map(|x| {
                        let flag = x.flag.unwrap_or("");
                        let flag_label = match flag {
                            "red" => lang.t("（红）", " (red)"),
                            "yellow" => lang.t("（黄）", " (yellow)"),
                            _ => "",
                        };
                        html! {
                            <tr data-rate={x.key} data-flag={flag}>
                                <th scope="row">{ if lang.en { x.name_en } else { x.name_zh } }</th>
                                <td class="formula">{ x.formula }</td>
                                <td class="nums">{ frac(x.numerator, x.denominator) }</td>
                                <td class={classes!("value", (!flag.is_empty()).then(|| format!("flag-{flag}")), x.inferred.then_some("inferred"))}
                                    title={x.inferred.then(|| lang.t("读数不确定：计算所用的单元格有推断的，不作红黄标记", "uncertain: a cell it uses was inferred; not flagged").to_string())}>
                                    { if x.inferred && x.value.is_some() { "≈" } else { "" } }{ x.value.map(pct).unwrap_or_else(|| "—".into()) }{ flag_label }
                                </td>
                                if with_prev {
                                    <td class={classes!(x.previous_unread.then_some("unread"))}>{ x.previous.map(pct).unwrap_or_else(|| if x.previous_unread { lang.t("上年未能读出", "not read from last year's").into() } else { "—".into() }) }</td>
                                    <td>{ x.change.map(|c| format!("{}{:.1}", if c >= 0.0 { "+" } else { "" }, c * 100.0)).unwrap_or_else(|| "—".into()) }{ if x.change.is_some() { lang.t("个百分点", " pp") } else { "" } }</td>
                                }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct RuleProps {
    pub page: Rc<RulePage>,
    pub lang: Lang,
}

/// A rule's page over the result: what it checks, its legal basis, examples, how to fix.
#[function_component]
pub fn RuleDialog(p: &RuleProps) -> Html {
    let dispatch = use_context::<Dispatch>().expect("dispatch context");
    let lang = p.lang;
    let close = {
        let d = dispatch.clone();
        Callback::from(move |_| d.dispatch(Action::CloseRule))
    };
    let onkeydown = {
        let d = dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                d.dispatch(Action::CloseRule);
            }
        })
    };
    // The dialog takes the focus (so Escape reaches it) and gives it back when closed.
    let close_ref = use_node_ref();
    {
        let close_ref = close_ref.clone();
        use_effect_with((), move |_| {
            let before = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element());
            if let Some(b) = close_ref.cast::<web_sys::HtmlElement>() {
                let _ = b.focus();
            }
            move || {
                if let Some(el) = before.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let _ = el.focus();
                }
            }
        });
    }
    let r = &p.page;
    html! {
        <div class="rule-backdrop" {onkeydown}>
            <section class="rule-page card" role="dialog" aria-modal="true" aria-labelledby="rule-page-title" id="rule-page" data-rule={r.name.clone()}>
                <button ref={close_ref} type="button" class="close" onclick={close} aria-label={lang.t("关闭", "Close")}>{ "×" }</button>
                <h2 id="rule-page-title">{ if lang.en { r.title_en.clone() } else { r.title.clone() } }<code class="rule">{ r.name.clone() }</code></h2>
                <p class="basis"><strong>{ lang.t("依据：", "Basis: ") }</strong>{ if lang.en { r.basis_en.clone() } else { r.basis.clone() } }</p>
                <p>{ if lang.en { r.explanation_en.clone() } else { r.explanation.clone() } }</p>
                <h3>{ lang.t("检查什么", "What it checks") }</h3>
                <p class="page-checks">{ if lang.en { r.checks_en.clone() } else { r.checks.clone() } }</p>
                <h3>{ lang.t("错误示例", "Wrong") }</h3>
                <pre class="page-wrong">{ if lang.en { r.wrong_en.clone() } else { r.wrong.clone() } }</pre>
                <h3>{ lang.t("正确示例", "Right") }</h3>
                <pre class="page-right">{ if lang.en { r.right_en.clone() } else { r.right.clone() } }</pre>
                <h3>{ lang.t("如何改正", "How to fix it") }</h3>
                <p class="page-fix">{ if lang.en { r.fix_en.clone() } else { r.fix.clone() } }</p>
            </section>
        </div>
    }
}
