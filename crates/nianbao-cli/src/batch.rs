//! `check DIR…` as a batch: a first pass over every input learns what pairing and 雷同 need
//! (each report's agency and year, and its prose's pieces), then the inputs are checked and
//! printed in order as before, each with its [`Plan`]: last year's report of the same agency
//! (read again and compared, as the page's batch does: `nianbao::pairing::pair_batch`) and the
//! other units' reports sharing its prose (`nianbao::similar`).
//!
//! Memory: the first pass keeps, per report, its agency, year and prose pieces (4 bytes a piece,
//! some 8 KB for a long report), never its document or result; once the groups are known only
//! the pieces of reports in a 雷同 group are kept.

use crate::inputs::{self, Input};
use nianbao::similar::{Entry, Sketch};
use rayon::prelude::*;
use std::sync::Arc;

/// What the first pass learned of one input (None: it could not be read).
struct Known {
    agency: Option<String>,
    year: Option<i32>,
    sketch: Sketch,
}

/// Another unit's report sharing prose with this one.
pub struct SimilarTo {
    pub display: String,
    pub agency: Option<String>,
    pub share: f64,
    pub pieces: Arc<Vec<u32>>,
}

/// What one input is checked with.
#[derive(Default)]
pub struct Plan {
    /// Last year's report: its index among the inputs.
    pub previous: Option<usize>,
    /// What pairing found (the roll-up's 上年报告配对), Chinese and English.
    pub pairing: Option<(String, String)>,
    /// The share of its prose found in other units' reports, and which.
    pub similar: Option<(f64, Vec<SimilarTo>)>,
}

/// The document of an input (any form the readers take).
pub fn read(input: &Input) -> Result<nianbao::document::Document, nianbao::read::ReadError> {
    inputs::bytes(input)
        .map_err(|e| nianbao::read::ReadError::new(e.clone(), e))
        .and_then(|bytes| {
            nianbao::read::read(
                &bytes,
                &input.name,
                None,
                &nianbao::read::encoding_rs_legacy,
            )
        })
}

fn know(input: &Input, similar: bool) -> Option<Known> {
    let doc = read(input).ok()?;
    let r = nianbao::check_document(&input.name, &doc);
    Some(Known {
        agency: r.meta.agency,
        year: r.meta.year,
        sketch: if similar {
            Sketch::of(&doc.text)
        } else {
            Sketch::default()
        },
    })
}

/// The plans of a batch: pairing when `pair`, 雷同 groups at `similar`'s threshold when given.
/// `tick` is called once per input read (the progress bar).
pub fn plan(
    inputs: &[Input],
    pair: bool,
    similar: Option<f64>,
    tick: &(dyn Fn() + Sync),
) -> Vec<Plan> {
    let known: Vec<Option<Known>> = inputs
        .par_iter()
        .map(|i| {
            let k = know(i, similar.is_some());
            tick();
            k
        })
        .collect();
    let mut plans: Vec<Plan> = inputs.iter().map(|_| Plan::default()).collect();
    if pair {
        let who: Vec<_> = known
            .iter()
            .map(|k| k.as_ref().map(|k| (k.agency.as_deref(), k.year)))
            .collect();
        let found = nianbao::pairing::pair_batch(&who, |j| inputs[j].display.as_str());
        for (p, f) in plans.iter_mut().zip(found) {
            p.previous = f.previous;
            p.pairing = f.said;
        }
    }
    if let Some(t) = similar {
        let entries: Vec<Option<Entry>> = known
            .iter()
            .map(|k| {
                k.as_ref().map(|k| Entry {
                    agency: k.agency.as_deref(),
                    year: k.year,
                    sketch: &k.sketch,
                })
            })
            .collect();
        let groups = nianbao::similar::groups(&entries, t);
        drop(entries);
        // Only group members' pieces are kept.
        let mut pieces: Vec<Option<Arc<Vec<u32>>>> = known.iter().map(|_| None).collect();
        let mut known = known;
        for g in &groups {
            for m in &g.members {
                if let Some(k) = known[m.index].as_mut() {
                    pieces[m.index] = Some(Arc::new(std::mem::take(&mut k.sketch.pieces)));
                }
            }
        }
        for g in groups {
            for m in g.members {
                let others = m
                    .others
                    .iter()
                    .map(|&(j, share)| SimilarTo {
                        display: inputs[j].display.clone(),
                        agency: known[j].as_ref().and_then(|k| k.agency.clone()),
                        share,
                        pieces: pieces[j].clone().unwrap_or_default(),
                    })
                    .collect();
                plans[m.index].similar = Some((m.share, others));
            }
        }
    }
    plans
}

/// Marks a result with its plan's 雷同 (the rule `text-repeated-between-units`).
pub fn mark(
    r: &mut nianbao::CheckResult,
    doc: &nianbao::document::Document,
    plan: &Plan,
    threshold: f64,
) {
    let Some((share, others)) = &plan.similar else {
        return;
    };
    let others: Vec<nianbao::rules::SimilarOther> = others
        .iter()
        .map(|o| nianbao::rules::SimilarOther {
            name: &o.display,
            agency: o.agency.as_deref(),
            share: o.share,
            pieces: &o.pieces,
        })
        .collect();
    let text = nianbao::normalize::Text::new(&doc.text);
    nianbao::rules::mark_similar(r, &text, *share, &others, threshold);
}
