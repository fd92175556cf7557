//! The roll-up's charts: the engine's SVG ([`nianbao::batchreport::charts_html`], the same as the
//! printable batch report's) shown above the table once the batch is done; a click on a bar or
//! a point (or Enter on it) filters the roll-up, and a chip says which filter is on and clears it.

use crate::i18n::Lang;
use crate::state::{Action, Batch, Dispatch};
use nianbao::batchreport::{charts_html, Unit};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartsProps {
    pub batch: Rc<Batch>,
    pub lang: Lang,
}

/// The `data-filter` of the chart mark an event happened on (or inside).
fn filter_of(e: &Event) -> Option<String> {
    let el: Element = e.target()?.dyn_into().ok()?;
    el.closest("[data-filter]")
        .ok()??
        .get_attribute("data-filter")
}

#[function_component]
pub fn Charts(p: &ChartsProps) -> Html {
    let dispatch = use_context::<Dispatch>().expect("dispatch context");
    let b = p.batch.clone();
    let en = p.lang.en;
    // Drawn again only when what they show changes (a dismissal changes a verdict or a count).
    let key: Vec<(Option<u8>, usize)> = b
        .rows
        .iter()
        .map(|r| (r.verdict.map(|v| v as u8), r.errors))
        .collect();
    let svg = use_memo((key, en), move |_| {
        let units: Vec<Unit> = b.rows.iter().map(|r| (r.index, &r.row)).collect();
        charts_html(&units, &nianbao::Options::default(), en)
    });
    let d = dispatch.clone();
    let onclick = Callback::from(move |e: MouseEvent| {
        if let Some(f) = filter_of(&e) {
            d.dispatch(Action::ChartFilter(f));
        }
    });
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" || e.key() == " " {
            if let Some(f) = filter_of(&e) {
                e.prevent_default();
                dispatch.dispatch(Action::ChartFilter(f));
            }
        }
    });
    html! {
        <section class="batch-charts" aria-label={p.lang.t("图表：点击柱或点以筛选汇总表", "Charts: click a bar or a point to filter the roll-up")} {onclick} {onkeydown}>
            { Html::from_html_unchecked(AttrValue::from((*svg).clone())) }
        </section>
    }
}

/// The filter a chart set (a verdict, or one unit), with ✕ to clear it; nothing when none is on.
#[function_component]
pub fn FilterChip(p: &ChartsProps) -> Html {
    let dispatch = use_context::<Dispatch>().expect("dispatch context");
    let b = &p.batch;
    let lang = p.lang;
    let what = if let Some(i) = b.unit_filter {
        b.rows.iter().find(|r| r.index == i).map(|r| r.file.clone())
    } else if b.verdict_filter.is_empty() {
        None
    } else {
        nianbao::batchreport::VERDICTS
            .iter()
            .find(|v| nianbao::batchreport::verdict_key(**v) == b.verdict_filter)
            .map(|v| nianbao::export::verdict_label(*v, lang.en).to_string())
    };
    let Some(what) = what else {
        return html! {};
    };
    let onclick = Callback::from(move |_| dispatch.dispatch(Action::ClearChartFilter));
    html! {
        <button type="button" class="filter-chip" id="chart-filter-chip" {onclick}
            aria-label={format!("{}{what}", lang.t("清除筛选：", "Clear the filter: "))}>
            { format!("{}{what} ✕", lang.t("筛选：", "Filter: ")) }
        </button>
    }
}
