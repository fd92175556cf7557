//! Rendering a result: the verdict, the document card, a checklist card per part (with its
//! table rebuilt as a grid), and the findings. Pure functions of the result; all text goes in as
//! text nodes (Yew escapes it), never as HTML.

use crate::i18n::{section_title_en, Lang, NUMERALS};
use crate::state::Res;
use nianbao::export::{
    cell_class, fix_mark, fix_marks, identity_sides, rule_title, verdict_line, FixMark,
};
use nianbao::layout::Kind;
use nianbao::result::{Check, CheckResult, Finding, Left, TableOut};
use std::rc::Rc;
use yew::prelude::*;

/// What the result's cards share: the result, the language, the selected finding and the
/// findings the user dismissed.
#[derive(Clone, PartialEq)]
pub struct Ctx {
    pub res: Res,
    pub lang: Lang,
    pub selected: Option<usize>,
    pub dismissed: Rc<Vec<(String, String)>>,
    /// The text the result was checked on (a finding's line is quoted from it).
    pub text: Rc<String>,
}

impl Ctx {
    /// Why finding `i` was dismissed, when it was.
    pub fn dismissed_reason(&self, i: usize) -> Option<String> {
        let k = self.res.findings.get(i)?.key();
        self.dismissed
            .iter()
            .find(|(d, _)| *d == k)
            .map(|(_, r)| r.clone())
    }

    /// Whether the user dismissed this finding.
    pub fn is_dismissed(&self, f: &Finding) -> bool {
        !self.dismissed.is_empty() && {
            let k = f.key();
            self.dismissed.iter().any(|(d, _)| *d == k)
        }
    }

    /// What is left of the result once the dismissed findings are taken out.
    pub fn left(&self) -> Left {
        self.res.left_when(|f| self.is_dismissed(f))
    }
}

/// The banner: what is left after the user's dismissals ("需修改 2 项 · 已忽略 3 项"), its
/// counts, and the engine's own verdict beside it when anything was dismissed. `data-verdict`
/// is the engine's verdict, `data-left` what is left.
pub fn verdict(c: &Ctx) -> Html {
    let (r, lang) = (&*c.res, c.lang);
    let left = c.left();
    let verdict_name = r.verdict.name();
    let left_name = left.verdict.name();
    let class = format!("verdict {left_name}");
    html! {
        <section class="summary" aria-labelledby="verdict-text">
            <p id="verdict-text" class={class} data-verdict={verdict_name} data-left={left_name} role="status" aria-live="polite" tabindex="-1">
                { verdict_line(left.verdict, &left.counts, left.dismissed, lang.en) }
            </p>
            <p class="counts">
                <span class="count error" data-count="error">{ format!("{} {}", lang.t("错误", "errors"), left.counts.error) }</span>
                <span class="count warning" data-count="warning">{ format!("{} {}", lang.t("提示", "warnings"), left.counts.warning) }</span>
                <span class="count info" data-count="info">{ format!("{} {}", lang.t("信息", "info"), left.counts.info) }</span>
                if left.dismissed > 0 {
                    <span class="count dismissed" data-count="dismissed">{ format!("{} {}", lang.t("已忽略", "dismissed"), left.dismissed) }</span>
                }
            </p>
            if left.dismissed > 0 {
                <p class="engine-verdict" id="engine-verdict">{ format!("{}{}", lang.t("检查结论（未计忽略）：", "The checker's verdict before dismissals: "), verdict_line(r.verdict, &r.counts, 0, lang.en)) }</p>
            }
        </section>
    }
}

fn check_list(checks: &[Check], lang: Lang) -> Html {
    html! {
        <ul class="checks">
            { for checks.iter().map(|c| {
                let status = c.status.name();
                let class = format!("check s-{status}");
                let label = c.status.label(lang.en);
                html! {
                    <li class={class} data-rule={c.rule} data-status={status}>
                        <span class="mark" role="img" aria-label={label}>{ c.status.mark() }</span>
                        <span class="rule-title" title={c.rule}>{ rule_title(c.rule, lang.en) }</span>
                        <span class="detail">{ if lang.en { c.detail_en.clone() } else { c.detail.clone() } }</span>
                    </li>
                }
            }) }
        </ul>
    }
}

/// A finding in a list: the item for finding `i` of the result in `c`.
pub fn finding_item(i: usize, c: &Ctx) -> Html {
    let dismissed = c.dismissed_reason(i);
    let selected = c.selected == Some(i);
    // The selected finding's line, quoted under it (shown on narrow screens).
    let quoted = selected
        .then(|| c.res.findings.get(i)?.line)
        .flatten()
        .and_then(|l| {
            Some((
                l,
                nianbao::normalize::lines(&c.text)
                    .nth(l.checked_sub(1)?)?
                    .to_string(),
            ))
        });
    html! {
        <crate::findings::FindingItem res={c.res.clone()} index={i} lang={c.lang} {selected} {dismissed} {quoted} />
    }
}

/// Indices of findings that belong to part `n` (None: to the document as a whole).
pub fn findings_of(r: &CheckResult, n: Option<u8>) -> Vec<usize> {
    r.findings
        .iter()
        .enumerate()
        .filter(|(_, f)| f.section == n)
        .map(|(i, _)| i)
        .collect()
}

pub fn document_card(c: &Ctx) -> Html {
    let (r, lang) = (&*c.res, c.lang);
    let m = &r.meta;
    let dash = || "—".to_string();
    let fmt =
        |f: Option<nianbao::spec::Format>| f.map(|f| format!("F{}", f.name())).unwrap_or_else(dash);
    let list = findings_of(r, None);
    html! {
        <section class="card doc-card" aria-labelledby="doc-title">
            <h2 id="doc-title">{ lang.t("全文", "Document") }</h2>
            <dl class="meta">
                <dt>{ lang.t("标题", "Title") }</dt><dd data-meta="title">{ m.title.clone().unwrap_or_else(dash) }</dd>
                <dt>{ lang.t("机关", "Agency") }</dt><dd data-meta="agency">{ m.agency.clone().unwrap_or_else(dash) }</dd>
                <dt>{ lang.t("年度", "Year") }</dt><dd data-meta="year">{ m.year.map(|y| y.to_string()).unwrap_or_else(dash) }</dd>
                <dt>{ lang.t("落款日期", "Closing date") }</dt><dd data-meta="published">{ m.published.clone().unwrap_or_else(dash) }</dd>
                <dt>{ lang.t("公布期限", "Deadline") }</dt><dd data-meta="deadline">{ m.deadline.clone().unwrap_or_else(dash) }</dd>
                <dt>{ lang.t("格式（识别/应为）", "Format (found/expected)") }</dt>
                <dd data-meta="format">{ format!("{} / {}", fmt(r.format.detected), fmt(r.format.expected)) }</dd>
                <dt>{ lang.t("读取方式", "Read from") }</dt>
                <dd data-meta="form">{ form_text(r, lang) }</dd>
            </dl>
            if !r.input.notes.is_empty() {
                <ul class="read-notes">
                    { for r.input.notes.iter().map(|n| html! { <li>{ if lang.en { n.en.clone() } else { n.zh.clone() } }</li> }) }
                </ul>
            }
            { check_list(&r.document.checks, lang) }
            if !list.is_empty() {
                <ol class="findings">{ for list.iter().map(|&i| finding_item(i, c)) }</ol>
            }
        </section>
    }
}

/// How the report was read: its form, encoding and tables kept as grids.
fn form_text(r: &CheckResult, lang: Lang) -> String {
    use nianbao::document::Form;
    let form = match r.input.form {
        Form::Text => lang.t("文本", "text"),
        Form::Docx => lang.t("Word文件", "Word file"),
        Form::Doc => lang.t("Word 97–2003/WPS文件", "Word 97–2003/WPS file"),
        Form::Html => lang.t("网页文件", "web page file"),
        Form::PastedHtml => lang.t("粘贴的网页/Word内容", "pasted web page or Word"),
        Form::Pdf => lang.t("PDF文字层", "PDF text layer"),
    };
    let mut s = format!("{form} · {}", r.input.encoding.to_uppercase());
    if r.input.grids > 0 {
        s.push_str(&format!(
            " · {} {}",
            r.input.grids,
            lang.t("个表格按单元格读取", "table(s) read cell by cell")
        ));
    }
    s
}

pub fn part_card(c: &Ctx, n: u8) -> Html {
    let (r, lang, selected) = (&*c.res, c.lang, c.selected);
    let s = &r.sections[n as usize - 1];
    let title = if lang.en {
        format!("{n}. {}", section_title_en(n))
    } else {
        format!("{}、{}", NUMERALS[n as usize - 1], s.title)
    };
    let status = r.part_status_when(n, |f| c.is_dismissed(f));
    let dismissed_here = r
        .findings
        .iter()
        .filter(|f| f.section == Some(n) && c.is_dismissed(f))
        .count();
    let status_label = match status {
        "pass" => lang.t("通过", "passed"),
        "warn" => lang.t("有提示", "warnings"),
        "fail" => lang.t("需修改", "needs fixes"),
        _ => lang.t("无法完整判定", "incomplete"),
    };
    let found = match (&s.heading, s.line) {
        (Some(h), Some(l)) if lang.en => format!("line {l} · {h}"),
        (Some(h), Some(l)) => format!("第{l}行 · {h}"),
        _ => lang
            .t("未找到本部分", "This part was not found")
            .to_string(),
    };
    let (table, name): (Option<&TableOut>, &str) = match n {
        2 => (Some(&r.tables.active), "active"),
        3 => (Some(&r.tables.requests), "requests"),
        4 => (Some(&r.tables.appeals), "appeals"),
        _ => (None, ""),
    };
    let list = findings_of(r, Some(n));
    let selected_cells: Vec<String> = selected
        .and_then(|i| r.findings.get(i))
        .filter(|f| f.table == Some(name))
        .map(|f| f.cells.clone())
        .unwrap_or_default();
    html! {
        <section class={classes!("card", "part-card", format!("st-{status}"))} id={format!("part-{n}")} data-part={n.to_string()} data-status={status} data-engine-status={s.status} data-found={s.found.to_string()} aria-labelledby={format!("part-{n}-title")}>
            <h2 id={format!("part-{n}-title")}>
                <span class="part-status">{ status_label }</span>
                { title }
                if dismissed_here > 0 {
                    <span class="part-dismissed" data-dismissed={dismissed_here.to_string()}>{ format!("{}{dismissed_here}{}", lang.t("（已忽略 ", " ("), lang.t(" 项）", " dismissed)")) }</span>
                }
            </h2>
            <p class={classes!("found", (!s.found).then_some("missing"))}>{ found }</p>
            { check_list(&s.checks, lang) }
            if let Some(t) = table {
                { grid(t, name, r, lang, &selected_cells) }
            }
            if !list.is_empty() {
                <ol class="findings">{ for list.iter().map(|&i| finding_item(i, c)) }</ol>
            }
        </section>
    }
}

/// A table rebuilt as a grid: official row and column labels, the values read from the text.
pub fn grid(
    t: &TableOut,
    name: &str,
    r: &CheckResult,
    lang: Lang,
    selected_cells: &[String],
) -> Html {
    if !t.found {
        return html! { <p class="missing">{ lang.t("未找到表格", "Table not found") }</p> };
    }
    // The selected identity's two sides, or else those of every broken identity in the table.
    let selected_identity: Vec<Finding> = r
        .findings
        .iter()
        .filter(|f| {
            f.table == Some(name)
                && f.cells.as_slice() == selected_cells
                && !identity_sides(std::slice::from_ref(*f), name).is_empty()
        })
        .take(1)
        .cloned()
        .collect();
    let sides = if selected_identity.is_empty() {
        identity_sides(&r.findings, name)
    } else {
        identity_sides(&selected_identity, name)
    };
    let fixes = fix_marks(&r.findings, name);
    if name == "appeals" {
        return appeals_grid(t, &sides, &fixes, lang, selected_cells);
    }
    // Part 二: a header row per block (its columns differ); parts 三, 四: one header.
    let mut rows_html: Vec<Html> = Vec::new();
    let mut last_block: Option<String> = None;
    let col_labels = |row: &nianbao::result::RowOut| -> Vec<String> {
        let labels = t.column_labels(r.format.layout(), row);
        labels.into_iter().map(String::from).collect()
    };
    for row in &t.rows {
        if t.columns.is_empty() && row.block != last_block {
            last_block = row.block.clone();
            let cols = col_labels(row);
            rows_html.push(html! {
                <>
                    <tr class="caption"><th colspan={(cols.len() + 1).to_string()} scope="colgroup">{ format!("第二十条第（{}）项", row.block.clone().unwrap_or_default()) }</th></tr>
                    <tr><th scope="col">{ lang.t("信息内容", "Item") }</th>{ for cols.iter().map(|c| html!{ <th scope="col">{ c.clone() }</th> }) }</tr>
                </>
            });
        }
        let label = html! {
            <th scope="row" class="rowlabel" data-found-by={row.found_by.name()}>
                { row.label.clone() }
                if let Some(l) = row.line { <span class="ln">{ format!(" L{l}") }</span> }
                if let Some((zh, en)) = row.found_by.how() {
                    <span class="found-by" title={lang.t(zh, en).to_string()}>{ lang.t("（缺行名）", " (label lost)") }</span>
                }
            </th>
        };
        if !row.found {
            let n = col_labels(row).len().max(1);
            rows_html.push(html! {
                <tr class="row-missing" data-key={row.key.clone()}>{ label }<td class="cell missing" colspan={n.to_string()}>{ lang.t("缺行", "row missing") }</td></tr>
            });
            continue;
        }
        let cells = row
            .cells
            .iter()
            .map(|(k, c)| cell_td(&row.key, k, c, (&sides, &fixes), lang, selected_cells));
        rows_html.push(html! { <tr data-key={row.key.clone()}>{ label }{ for cells }</tr> });
    }
    let head = if t.columns.is_empty() {
        html! {}
    } else {
        html! {
            <thead><tr><th scope="col"></th>{ for t.columns.iter().map(|c| html!{ <th scope="col" data-col={c.key.clone()}>{ c.label.clone() }</th> }) }</tr></thead>
        }
    };
    html! {
        <div class="grid-wrap" tabindex="0" role="region" aria-label={lang.t("重建的表格", "Rebuilt table")}>
            <table class={classes!("grid", format!("grid-{name}"))} data-table={name.to_string()}>
                { head }
                <tbody>{ for rows_html }</tbody>
            </table>
        </div>
    }
}

fn cell_td(
    row: &str,
    col: &str,
    c: &nianbao::result::CellOut,
    (sides, fixes): (&[(String, &'static str)], &[FixMark]),
    lang: Lang,
    selected_cells: &[String],
) -> Html {
    let id = format!("{row}/{col}");
    let mut class = cell_class(c.kind, c.value, &id, sides);
    // A suggested change (the one cell that explains the table's failures, or one of several).
    let fix = fixes
        .iter()
        .find(|(x, _, _)| *x == id)
        .map(|&(_, v, several)| fix_mark(v, several, lang.en));
    if let Some((f, _, _)) = &fix {
        class.push(' ');
        class.push_str(f);
    }
    // How the cell was obtained, when not simply read (transposed, solved, guessed).
    let how = c.read.how().filter(|_| c.kind != Kind::Ambiguous);
    if how.is_some() {
        class.push(' ');
        class.push_str(c.read.name());
    }
    if selected_cells.iter().any(|s| s == &id || s == row) {
        class.push_str(" sel");
    }
    let (shown, title) = match c.kind {
        Kind::Blank => ("□".to_string(), lang.t("空白", "blank").to_string()),
        Kind::Ambiguous => (
            "?".to_string(),
            format!(
                "{} {}",
                lang.t("无法确定，可能为", "ambiguous, could be"),
                c.candidates
                    .as_ref()
                    .map(|v| v
                        .iter()
                        .map(|x| x.to_string())
                        .collect::<Vec<_>>()
                        .join(" / "))
                    .unwrap_or_default()
            ),
        ),
        Kind::Na => (
            c.raw.clone(),
            lang.t("不适用标记，应填0", "n/a mark: should be 0")
                .to_string(),
        ),
        Kind::Text => (c.raw.clone(), lang.t("无效值", "invalid value").to_string()),
        Kind::Number => (
            c.raw.clone(),
            c.line
                .map(|l| format!("L{l}:{}", c.column.unwrap_or(0)))
                .unwrap_or_default(),
        ),
    };
    let (title, mark) = match how {
        Some((zh, en, mark)) => (format!("{title} · {}", lang.t(zh, en)), mark),
        None => (title, ""),
    };
    let (title, fix_to) = match fix {
        Some((_, tip, arrow)) => (format!("{tip} · {title}"), Some(arrow)),
        None => (title, None),
    };
    html! {
        <td class={class} data-cell={id} data-read={c.read.name()} title={title}>
            { shown }
            if !mark.is_empty() { <sup class="how" aria-hidden="true">{ mark }</sup> }
            if let Some(a) = fix_to { <span class="fixto">{ a }</span> }
        </td>
    }
}

/// Part 四's one row of fifteen, shown as its three groups of five.
fn appeals_grid(
    t: &TableOut,
    sides: &[(String, &'static str)],
    fixes: &[FixMark],
    lang: Lang,
    selected_cells: &[String],
) -> Html {
    let Some(row) = t.rows.first() else {
        return html! {};
    };
    let heads = [
        lang.t("结果维持", "upheld"),
        lang.t("结果纠正", "corrected"),
        lang.t("其他结果", "other"),
        lang.t("尚未审结", "pending"),
        lang.t("总计", "total"),
    ];
    let groups = [
        lang.t("行政复议", "Administrative review"),
        lang.t("行政诉讼·未经复议直接起诉", "Suit without review"),
        lang.t("行政诉讼·复议后起诉", "Suit after review"),
    ];
    let line = row.line.map(|l| format!(" L{l}")).unwrap_or_default();
    html! {
        <div class="grid-wrap" tabindex="0" role="region" aria-label={lang.t("重建的表格", "Rebuilt table")}>
            <table class="grid grid-appeals" data-table="appeals">
                <thead><tr><th scope="col"><span class="ln">{ line }</span></th>{ for heads.iter().map(|h| html!{ <th scope="col">{ *h }</th> }) }</tr></thead>
                <tbody>
                    { for groups.iter().enumerate().map(|(g, name)| {
                        let cells = row.cells.iter().skip(g * 5).take(5).map(|(k, c)| cell_td(&row.key, k, c, (sides, fixes), lang, selected_cells));
                        html! { <tr data-group={g.to_string()}><th scope="row" class="rowlabel">{ *name }</th>{ for cells }</tr> }
                    }) }
                    if !row.found {
                        <tr class="row-missing"><td colspan="6" class="cell missing">{ lang.t("缺行", "row missing") }</td></tr>
                    }
                </tbody>
            </table>
        </div>
    }
}

/// The lines around `line` of the user's text, with that line marked.
pub fn excerpt(text: &str, line: usize, lang: Lang) -> Html {
    let from = line.saturating_sub(4).max(1);
    let rows = nianbao::normalize::lines(text)
        .enumerate()
        .skip(from - 1)
        .take(9)
        .map(|(i, l)| {
            let no = i + 1;
            let shown = l.replace('\t', " ⇥ ");
            html! {
                <div class={classes!("src-line", (no == line).then_some("hl"))} data-line={no.to_string()}>
                    <span class="src-no">{ no }</span>
                    <span class="src-text">{ shown }</span>
                </div>
            }
        });
    html! {
        <div class="excerpt" id="excerpt" aria-label={lang.t("原文摘录", "Excerpt of your text")}>
            { for rows }
        </div>
    }
}
