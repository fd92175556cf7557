//! A batch: many files checked in the worker, with a progress bar and cancel, then the roll-up
//! table (one row per report, failing first, sortable and filterable; a click opens the report)
//! and the batch downloads.

use crate::i18n::Lang;
use crate::state::{rank, Action, Batch, Col, Dispatch, Row};
use nianbao::protocol::BatchExportKind;
use nianbao::result::Verdict;
use std::cmp::Ordering;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The rates shown in the roll-up: the engine's list, the one the rows are made from.
const RATE_COLS: &[(&str, &str, &str)] = &nianbao::export::ROLLUP_RATES;

fn verdict_name(v: Option<Verdict>) -> &'static str {
    match v {
        None => "unreadable",
        Some(Verdict::Fail) => "fail",
        Some(Verdict::Incomplete) => "incomplete",
        Some(Verdict::Warn) => "warn",
        Some(Verdict::Pass) => "pass",
    }
}

fn verdict_label(v: Option<Verdict>, lang: Lang) -> &'static str {
    match v {
        None => lang.t("无法读取", "unreadable"),
        Some(Verdict::Fail) => lang.t("需修改", "needs fixes"),
        Some(Verdict::Incomplete) => lang.t("无法完整判定", "incomplete"),
        Some(Verdict::Warn) => lang.t("可发布（有提示）", "publishable, with warnings"),
        Some(Verdict::Pass) => lang.t("可发布", "publishable"),
    }
}

fn opt_cmp<T: PartialOrd>(a: Option<T>, b: Option<T>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.partial_cmp(&b).unwrap_or(Ordering::Equal),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

fn rate(r: &Row, key: &str) -> Option<f64> {
    r.rate(key).and_then(|x| x.value)
}

fn compare(a: &Row, b: &Row, col: Col) -> Ordering {
    match col {
        Col::Verdict => rank(a).cmp(&rank(b)),
        Col::File => a.file.cmp(&b.file),
        Col::Agency => opt_cmp(a.agency.as_ref(), b.agency.as_ref()),
        Col::Year => opt_cmp(a.year, b.year),
        Col::Format => opt_cmp(a.format.as_ref(), b.format.as_ref()),
        Col::Errors => b.errors.cmp(&a.errors),
        Col::Warnings => b.warnings.cmp(&a.warnings),
        Col::NewRequests => opt_cmp(a.new_requests, b.new_requests),
        Col::ResultsTotal => opt_cmp(a.results_total, b.results_total),
        Col::CarriedOver => opt_cmp(a.carried_over, b.carried_over),
        Col::Review => opt_cmp(a.review_total, b.review_total),
        Col::Suit => opt_cmp(a.suit_total, b.suit_total),
        Col::Rate(k) => opt_cmp(rate(a, k), rate(b, k)),
        // Reports with problems first, then by the first problem.
        Col::Problems => a
            .problems
            .is_empty()
            .cmp(&b.problems.is_empty())
            .then_with(|| a.problems.cmp(&b.problems)),
    }
}

/// The rows shown, in the order shown: filtered, sorted by the chosen column (ties: failing
/// first, then by file).
pub fn shown(b: &Batch) -> Vec<&Row> {
    let needle = b.filter.trim().to_lowercase();
    let mut rows: Vec<&Row> = b
        .rows
        .iter()
        .filter(|r| b.verdict_filter.is_empty() || verdict_name(r.verdict) == b.verdict_filter)
        .filter(|r| b.unit_filter.is_none_or(|i| r.index == i))
        .filter(|r| {
            needle.is_empty()
                || r.file.to_lowercase().contains(&needle)
                || r.agency
                    .as_deref()
                    .is_some_and(|a| a.to_lowercase().contains(&needle))
                || r.year.is_some_and(|y| y.to_string() == needle)
        })
        .collect();
    rows.sort_by(|x, y| {
        let o = compare(x, y, b.sort);
        let o = if b.descending { o.reverse() } else { o };
        o.then_with(|| rank(x).cmp(&rank(y)))
            .then_with(|| x.file.cmp(&y.file))
    });
    rows
}

/// 主要问题: the short titles of the report's first errors (else warnings), or —.
fn problems(r: &Row, lang: Lang) -> String {
    let t = nianbao::export::problems_text(&r.problems, lang.en);
    if t.is_empty() {
        "—".into()
    } else {
        t
    }
}

fn num(v: Option<f64>) -> String {
    v.map(nianbao::layout::fmt_num)
        .unwrap_or_else(|| "—".into())
}

#[derive(Properties, PartialEq)]
pub struct BatchProps {
    pub batch: Rc<Batch>,
    pub lang: Lang,
}

#[function_component]
pub fn BatchPane(p: &BatchProps) -> Html {
    let dispatch = use_context::<Dispatch>().expect("dispatch context");
    let b = &p.batch;
    let lang = p.lang;
    // Back from a report: the table where it was, the focus on the row opened.
    {
        let (y, opened) = (b.scroll, b.opened);
        use_effect_with((), move |_| {
            crate::browser::scroll_to_y(y);
            if let Some(i) = opened {
                crate::browser::focus_selector(&format!(
                    "#rollup tr[data-index=\"{i}\"] button.open"
                ));
                // The whole row in view, not only its button (a long file name wraps).
                crate::browser::scroll_nearest(&format!("#rollup tr[data-index=\"{i}\"]"));
            }
        });
    }
    let d = dispatch.clone();
    let cancel = Callback::from(move |_| d.dispatch(Action::Cancel));
    let d = dispatch.clone();
    let close = Callback::from(move |_| d.dispatch(Action::CloseBatch));
    let d = dispatch.clone();
    let more = Callback::from(move |_| d.dispatch(Action::MoreRows));
    let d = dispatch.clone();
    let on_filter = Callback::from(move |e: InputEvent| {
        let i: HtmlInputElement = e.target_unchecked_into();
        d.dispatch(Action::Filter(i.value()));
    });
    let d = dispatch.clone();
    let on_verdict = Callback::from(move |e: Event| {
        let s: HtmlSelectElement = e.target_unchecked_into();
        d.dispatch(Action::VerdictFilter(s.value()));
    });
    let download = |kind: BatchExportKind| {
        let d = dispatch.clone();
        Callback::from(move |_| d.dispatch(Action::BatchDownload(kind)))
    };
    let head = |col: Col, zh: &'static str, en: &'static str| {
        let d = dispatch.clone();
        let onclick = Callback::from(move |_| d.dispatch(Action::Sort(col)));
        let sort = if b.sort == col {
            if b.descending {
                "descending"
            } else {
                "ascending"
            }
        } else {
            "none"
        };
        html! {
            <th scope="col" aria-sort={sort}>
                <button type="button" class="sort" {onclick}>{ lang.t(zh, en) }{ match sort { "ascending" => " ▲", "descending" => " ▼", _ => "" } }</button>
            </th>
        }
    };
    let left = if b.done > 0 && !b.finished {
        let per = b.ms / b.done as f64;
        let s = (per * (b.total - b.done.min(b.total)) as f64 / 1000.0).ceil();
        format!("{} {s:.0} s", lang.t("预计剩余", "about")) + lang.t("", " left")
    } else {
        String::new()
    };
    let rows = shown(b);
    let counts = |v: &str| {
        b.rows
            .iter()
            .filter(|r| verdict_name(r.verdict) == v)
            .count()
    };
    let row_html = |r: &&Row| {
        let d = dispatch.clone();
        let i = r.index;
        let readable = r.verdict.is_some();
        let onclick = Callback::from(move |_| d.dispatch(Action::Open(i)));
        let v = verdict_name(r.verdict);
        html! {
            <tr class={format!("v-{v}")} data-index={i.to_string()} data-verdict={v}>
                <td class="verdict-cell" data-dismissed={r.dismissed.to_string()}>
                    { verdict_label(r.verdict, lang) }
                    if r.dismissed > 0 {
                        <span class="row-dismissed">{ format!("{}{}{}", lang.t("（已忽略 ", " ("), r.dismissed, lang.t(" 项）", " dismissed)")) }</span>
                    }
                </td>
                <th scope="row" class="file">
                    if readable {
                        <button type="button" class="open" {onclick} title={lang.t("打开这份报告的检查清单", "Open this report's checklist")}>{ r.file.clone() }</button>
                    } else {
                        { r.file.clone() }
                    }
                    if let Some(p) = &r.previous {
                        <span class="paired" title={p.clone()}>{ lang.t(" ↔上年", " ↔ last year") }</span>
                    }
                </th>
                <td>{ r.agency.clone().unwrap_or_else(|| "—".into()) }</td>
                <td>{ r.year.map(|y| y.to_string()).unwrap_or_else(|| "—".into()) }</td>
                <td>{ r.format.map(|f| format!("F{f}")).unwrap_or_else(|| "—".into()) }</td>
                if readable {
                    <td class="n" data-col="errors">{ r.errors }</td>
                    <td class="n" data-col="warnings">{ r.warnings }</td>
                    <td class="problems" data-col="problems">{ problems(r, lang) }</td>
                    { for [
                        ("new_requests", r.new_requests),
                        ("results_total", r.results_total),
                        ("carried_over", r.carried_over),
                        ("review_total", r.review_total),
                        ("suit_total", r.suit_total),
                    ].into_iter().map(|(k, v)| {
                        // A number resting on an inferred cell: ≈, with why.
                        let approx = r.inferred.contains(&k);
                        html! { <td class={classes!("n", approx.then_some("inferred"))} title={approx.then(|| lang.t("读数不确定：所依据的单元格是推断的", "uncertain: rests on an inferred cell").to_string())}>{ if approx { "≈" } else { "" } }{ num(v) }</td> }
                    }) }
                    { for RATE_COLS.iter().map(|(k, _, _)| {
                        let c = r.rate(k);
                        let (value, inferred) = (c.and_then(|c| c.value), c.is_some_and(|c| c.inferred));
                        let flag = c.and_then(|c| c.flag).unwrap_or_default();
                        let approx = if inferred && value.is_some() { "≈" } else { "" };
                        html! { <td class={classes!("n", (!flag.is_empty()).then(|| format!("flag-{flag}")), inferred.then_some("inferred"))} data-rate={*k}>{ approx }{ value.map(|v| format!("{:.1}%", v * 100.0)).unwrap_or_else(|| "—".into()) }</td> }
                    }) }
                } else {
                    <td class="reason" colspan={(8 + RATE_COLS.len()).to_string()}>{ if lang.en { r.reason_en.clone() } else { r.reason.clone() }.unwrap_or_default() }</td>
                }
                { pairing_cell(r, lang) }
            </tr>
        }
    };
    let pct = (b.done.min(b.total) * 100)
        .checked_div(b.total)
        .unwrap_or(0);
    html! {
        <main class="batch" lang={if lang.en { "en" } else { "zh-CN" }}>
            <section class="card batch-progress" aria-labelledby="batch-title">
                <h2 id="batch-title">{ lang.t("批量检查", "Batch check") }</h2>
                <progress id="batch-bar" max={b.total.to_string()} value={b.done.min(b.total).to_string()} aria-label={lang.t("进度", "Progress")}></progress>
                <p class="progress-text" id="batch-status" role="status" aria-live="polite" data-done={b.done.to_string()} data-total={b.total.to_string()} data-finished={b.finished.to_string()}>
                    { format!("{} / {} ({pct}%)", b.done.min(b.total), b.total) }
                    if !b.finished && !b.current.is_empty() {
                        { format!(" · {} {}", lang.t("正在检查", "checking"), b.current) }
                    }
                    if !left.is_empty() { { format!(" · {left}") } }
                    if b.finished {
                        { format!(" · {} {:.1} s", if b.cancelled { lang.t("已取消，用时", "cancelled after") } else { lang.t("完成，用时", "done in") }, b.ms / 1000.0) }
                    }
                </p>
                <div class="actions">
                    if !b.finished {
                        <button type="button" id="batch-cancel" onclick={cancel}>{ lang.t("取消", "Cancel") }</button>
                    }
                    <button type="button" id="batch-close" onclick={close}>{ lang.t("关闭批量检查", "Close the batch") }</button>
                </div>
                <p class="counts">
                    <span class="count error">{ format!("{} {}", lang.t("需修改", "needs fixes"), counts("fail")) }</span>
                    <span class="count">{ format!("{} {}", lang.t("无法完整判定", "incomplete"), counts("incomplete")) }</span>
                    <span class="count warning">{ format!("{} {}", lang.t("有提示", "warnings"), counts("warn")) }</span>
                    <span class="count">{ format!("{} {}", lang.t("通过", "pass"), counts("pass")) }</span>
                    <span class="count error">{ format!("{} {}", lang.t("无法读取", "unreadable"), counts("unreadable")) }</span>
                </p>
            </section>
            <section class="card rollup" aria-labelledby="rollup-title">
                <h2 id="rollup-title">{ format!("{}（{}）", lang.t("汇总", "Roll-up"), b.rows.len()) }</h2>
                <div class="downloads" role="group" aria-label={lang.t("下载汇总", "Download the batch")}>
                    <button type="button" id="dl-summary" onclick={download(BatchExportKind::Summary)} disabled={b.rows.is_empty()}>{ lang.t("下载汇总表 CSV", "Download roll-up CSV") }</button>
                    <button type="button" id="dl-issues" onclick={download(BatchExportKind::Issues)} disabled={b.rows.is_empty()}>{ lang.t("下载问题清单 CSV", "Download issue list CSV") }</button>
                    <button type="button" id="dl-issues-zip" onclick={download(BatchExportKind::IssuesZip)} disabled={b.rows.is_empty()}>{ lang.t("问题清单（按单位，zip）", "Issue lists by unit (zip)") }</button>
                    <button type="button" id="dl-report" onclick={download(BatchExportKind::Report)} disabled={b.rows.is_empty()}>{ lang.t("批量检查报告（可打印 HTML）", "Batch report (printable HTML)") }</button>
                    <button type="button" id="dl-summary-xlsx" onclick={download(BatchExportKind::SummaryXlsx)} disabled={b.rows.is_empty()}>{ lang.t("下载汇总表 Excel", "Download roll-up Excel") }</button>
                    <button type="button" id="dl-issues-xlsx" onclick={download(BatchExportKind::IssuesXlsx)} disabled={b.rows.is_empty()}>{ lang.t("下载问题清单 Excel", "Download issue list Excel") }</button>
                    <button type="button" id="dl-issues-xlsx-zip" onclick={download(BatchExportKind::IssuesXlsxZip)} disabled={b.rows.is_empty()}>{ lang.t("问题清单（按单位，Excel zip）", "Issue lists by unit (Excel zip)") }</button>
                    <button type="button" id="dl-jsonl" onclick={download(BatchExportKind::Jsonl)} disabled={b.rows.is_empty()}>{ lang.t("下载全部结果 JSONL", "Download all results JSONL") }</button>
                    <button type="button" id="dl-cells" onclick={download(BatchExportKind::Cells)} disabled={b.rows.is_empty()} title={lang.t("每份报告一行、每个单元格一列（列名见 DATASET.md）", "One row per report, one column per cell (column names in DATASET.md)")}>{ lang.t("下载数据集 CSV", "Download dataset CSV") }</button>
                </div>
                if b.finished && !b.rows.is_empty() {
                    <crate::charts::Charts batch={b.clone()} {lang} />
                }
                <div class="filters">
                    <crate::charts::FilterChip batch={b.clone()} {lang} />
                    <label>{ lang.t("筛选：", "Filter: ") }<input type="search" id="batch-filter" value={b.filter.clone()} oninput={on_filter} placeholder={lang.t("文件、单位或年度", "file, agency or year")} /></label>
                    <label>{ lang.t(" 结论：", " Verdict: ") }
                        <select id="batch-verdict" onchange={on_verdict}>
                            { for [("", "全部", "all"), ("fail", "需修改", "needs fixes"), ("incomplete", "无法完整判定", "incomplete"), ("warn", "有提示", "warnings"), ("pass", "可发布", "publishable"), ("unreadable", "无法读取", "unreadable")].iter().map(|(v, zh, en)| html! {
                                <option value={*v} selected={b.verdict_filter == *v}>{ lang.t(zh, en) }</option>
                            }) }
                        </select>
                    </label>
                    <span class="shown">{ format!(" {} {}", rows.len(), lang.t("行", "rows")) }</span>
                </div>
                <div class="grid-wrap">
                    <table class="rollup-table" id="rollup">
                        <thead><tr>
                            { head(Col::Verdict, "结论", "Verdict") }
                            { head(Col::File, "文件", "File") }
                            { head(Col::Agency, "单位", "Agency") }
                            { head(Col::Year, "年度", "Year") }
                            { head(Col::Format, "格式", "Format") }
                            { head(Col::Errors, "错误", "Errors") }
                            { head(Col::Warnings, "提示", "Warnings") }
                            { head(Col::Problems, "主要问题", "Main problems") }
                            { head(Col::NewRequests, "新收申请", "New requests") }
                            { head(Col::ResultsTotal, "办理结果总计", "Handled") }
                            { head(Col::CarriedOver, "结转", "Carried over") }
                            { head(Col::Review, "复议", "Reviews") }
                            { head(Col::Suit, "诉讼", "Suits") }
                            { for RATE_COLS.iter().map(|(k, zh, en)| head(Col::Rate(k), zh, en)) }
                            <th scope="col" class="pairing-head">{ lang.t("上年报告", "Last year") }</th>
                        </tr></thead>
                        <tbody>{ for rows.iter().take(b.limit).map(row_html) }</tbody>
                    </table>
                </div>
                if rows.len() > b.limit {
                    <p class="more">
                        { format!("{} {} / {} {} ", lang.t("显示", "Showing"), b.limit, rows.len(), lang.t("行", "rows")) }
                        <button type="button" id="more-rows" onclick={more}>{ lang.t("再显示100行", "Show 100 more") }</button>
                    </p>
                }
            </section>
            { similar_panel(b, lang, &dispatch) }
        </main>
    }
}

/// The roll-up's 上年报告 cell: paired with which file, or why not (once the batch is paired).
fn pairing_cell(r: &Row, lang: Lang) -> Html {
    let text = if lang.en { &r.pairing_en } else { &r.pairing };
    let paired = r.previous.is_some();
    html! {
        <td class={classes!("pairing", paired.then_some("paired-yes"))} data-paired={paired.to_string()}>
            { text.clone().unwrap_or_else(|| "—".into()) }
        </td>
    }
}

/// The batch's 雷同 groups: rows linked by their `similar_group` (union-find over the batch's
/// indexes), each group's members in batch order.
fn similar_groups(b: &Batch) -> Vec<Vec<&Row>> {
    let marked: Vec<&Row> = b
        .rows
        .iter()
        .filter(|r| r.similar_group.is_some())
        .collect();
    let pos = |i: usize| marked.iter().position(|r| r.index == i);
    let mut parent: Vec<usize> = (0..marked.len()).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for (a, r) in marked.iter().enumerate() {
        for &j in r.similar_group.iter().flat_map(|g| &g.with) {
            if let Some(b) = pos(j) {
                let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    let mut groups: Vec<Vec<&Row>> = Vec::new();
    let mut root_of: Vec<(usize, usize)> = Vec::new();
    for (a, r) in marked.iter().enumerate() {
        let root = find(&mut parent, a);
        match root_of.iter().find(|(x, _)| *x == root) {
            Some(&(_, g)) => groups[g].push(r),
            None => {
                root_of.push((root, groups.len()));
                groups.push(vec![r]);
            }
        }
    }
    for g in &mut groups {
        g.sort_by_key(|r| r.index);
    }
    groups
}

/// The roll-up's 雷同 panel: each group of reports of one year sharing their prose, each member
/// with its file (a click opens it), agency, share and a few shared passages. Nothing when the
/// batch has no group.
fn similar_panel(b: &Batch, lang: Lang, dispatch: &Dispatch) -> Html {
    let groups = similar_groups(b);
    if groups.is_empty() {
        return html! {};
    }
    let member = |r: &&Row| {
        let d = dispatch.clone();
        let i = r.index;
        let onclick = Callback::from(move |_| d.dispatch(Action::Open(i)));
        let g = r.similar_group.as_ref();
        let share = g.map_or(0.0, |g| g.share);
        html! {
            <li class="similar-member" data-index={i.to_string()} data-share={format!("{share:.4}")}>
                <button type="button" class="open" {onclick} title={lang.t("打开这份报告，查看相同段落", "Open this report and its shared passages")}>{ r.file.clone() }</button>
                { format!(" · {} · ", r.agency.clone().unwrap_or_else(|| "—".into())) }
                <strong class="share">{ format!("{}{:.1}%", lang.t("相同 ", "shared "), share * 100.0) }</strong>
                <ul class="passages">
                    { for g.into_iter().flat_map(|g| &g.passages).map(|(line, t)| html! {
                        <li>{ format!("{}{line}{}“{t}”", lang.t("第", "line "), lang.t("行：", ": ")) }</li>
                    }) }
                </ul>
            </li>
        }
    };
    html! {
        <section class="card similar-panel" id="similar-panel" aria-labelledby="similar-title">
            <h2 id="similar-title">{ format!("{}（{}）", lang.t("雷同：不同单位的报告正文相同", "Copied between units"), groups.len()) }</h2>
            <p class="hint">{ lang.t(
                "同一年度、不同单位的报告，正文（不含格式规定的标题、表格和条例名称）有一半以上相同的，归为一组。",
                "Reports of one year by different units whose prose (the format's headings, tables and the regulations' names left out) is at least half the same are one group.",
            ) }</p>
            { for groups.iter().enumerate().map(|(k, g)| html! {
                <div class="similar-group" data-members={g.len().to_string()}>
                    <h3>{ format!("{}{}{}{}{}", lang.t("第", "Group "), k + 1, lang.t("组：", ": "), g.len(), lang.t("份报告", " reports")) }
                        { g[0].year.map(|y| format!(" · {y}")).unwrap_or_default() }</h3>
                    <ul>{ for g.iter().map(member) }</ul>
                </div>
            }) }
        </section>
    }
}
