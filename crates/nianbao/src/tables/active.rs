//! Part 二 from text: blocks by their captions, rows by their labels.

use super::lines::rows_of;
use super::place::place_active_blocks;
use super::rowlabels::{active_specs, best_active_row, label_and_slots, label_keys};
use super::{parse_caption, Caption, RowRead, TableRead};
use crate::layout::{Kind, Row};
use crate::normalize::Line;
use crate::result::TableOut;
use crate::spec::{active_blocks, Format};

pub fn read_active(lines: &[Line], format: Format) -> TableRead {
    let blocks = active_blocks(format);
    let (specs, keys) = active_specs(format);
    let mut found: Vec<Option<RowRead>> = vec![None; specs.len()];
    let mut captions = Vec::new();
    let mut cur: Option<usize> = None;
    let mut table_line = None;
    let mut block: Option<usize> = None;
    let widths: Vec<usize> = blocks.iter().map(|b| b.columns.len()).collect();
    let firsts: Vec<&str> = blocks.iter().map(|b| b.columns[0].1).collect();
    for row in rows_of(lines, &widths, &firsts) {
        // A caption ("第二十条第（一）项") is short and names an article and an item: the
        // cells' text is joined only for a row that may be one.
        let has = |ch: char| row.cells.iter().any(|c| c.text.contains(ch));
        let short = || {
            row.cells
                .iter()
                .map(|c| c.text.chars().count())
                .sum::<usize>()
                < 30
        };
        if has('条') && has('项') && short() {
            let joined: String = row.cells.iter().map(|c| c.text.as_str()).collect();
            if let Some((article, item)) = parse_caption(&joined) {
                let first = row.cells.iter().find(|c| c.kind != Kind::Blank);
                captions.push(Caption {
                    line: row.line,
                    col: first.map(|c| c.col).unwrap_or(1),
                    raw: row
                        .cells
                        .iter()
                        .map(|c| c.raw.as_str())
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join(" "),
                    article,
                    item: item.clone(),
                });
                block = item.and_then(|it| blocks.iter().position(|b| b.item == it));
                table_line.get_or_insert(row.line);
                cur = None;
                continue;
            }
        }
        let Row {
            line,
            sep,
            cells,
            glued,
        } = row;
        let has_values = cells.iter().any(|c| c.is_value);
        let (label, slots) = label_and_slots(cells);
        let lk = label_keys(&label);
        if let Some(i) = best_active_row(&lk, keys, specs, block) {
            if found[i].is_none() {
                let mut r = RowRead::new(line, sep, &label, slots);
                r.glued = glued;
                found[i] = Some(r);
                cur = Some(i);
                table_line.get_or_insert(line);
                continue;
            }
        }
        if has_values && label.is_empty() {
            if let Some(i) = cur {
                let want = blocks[specs[i].0].columns.len();
                if let Some(r) = found[i].as_mut() {
                    if r.numbers() < want {
                        r.add(sep, slots);
                    }
                }
            }
        }
    }
    let (rows, shapes, any) = place_active_blocks(blocks, specs, found);
    let mut t = TableRead {
        out: TableOut {
            found: any || !captions.is_empty(),
            line: table_line,
            columns: Vec::new(),
            rows,
        },
        shapes,
        unplaced: Vec::new(),
        captions,
        column_major: None,
        used: Vec::new(),
        columns_note: None,
    };
    crate::tables::colmajor::read_active(lines, format, &mut t);
    t
}
