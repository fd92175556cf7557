//! Which grid column holds which value column of part 三 when the grid's header is not the
//! official one: a header row missing, a leaf renamed (个人 for 自然人, 合计 for 总计), an extra
//! empty column. The header's leaf cells are used where they can be matched; the columns between
//! them (or all, without a header) by the data's own shape: a column empty in every data row is
//! not a data column when the others are exactly as many as the columns left to place. Cells
//! placed this way are read by position (`Read::Position`), with a note; when the columns cannot
//! be aligned the table says so, and its numbers are only placed by count.

use crate::document::{field_text, Grid};
use crate::normalize::{key, normalize};
use crate::spec::REQUEST_COLS;

/// How a table's columns were aligned, for the user: shown once on the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnsNote {
    pub zh: String,
    pub en: String,
    /// Whether the columns were aligned (by position); otherwise the rows' numbers are only
    /// placed by count and not read as such.
    pub aligned: bool,
}

/// The outcome for a grid without the official header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Aligned {
    /// The grid column of each value column.
    Position(Vec<usize>, ColumnsNote),
    /// No alignment holds: why.
    Unaligned(ColumnsNote),
}

/// Other words real reports use for a leaf of part 三's header.
fn synonyms(label: &str) -> &'static [&'static str] {
    match label {
        "自然人" => &["个人", "公民"],
        "其他" => &["其它", "其他组织", "其它组织"],
        "总计" => &["合计", "总数", "小计"],
        _ => &[],
    }
}

fn is_blank(g: &Grid, r: usize, c: usize) -> bool {
    g.at(r, c)
        .is_none_or(|cell| normalize(&field_text(&cell.text)).trim().is_empty())
}

/// The value columns of a part 三 grid whose header is not the official one. `data` are the
/// grid rows that carry a row label; `label_end` the first column right of every label cell.
pub fn request_columns(g: &Grid, data: &[usize], label_end: usize) -> Aligned {
    let first_data = data.iter().copied().min().unwrap_or(0);
    let k = REQUEST_COLS.len();
    let anchors = header_anchors(g, first_data, label_end);
    let from_header = anchors.iter().filter(|a| a.is_some()).count();
    let empty: Vec<usize> = (label_end..g.cols)
        .filter(|&c| data.iter().all(|&r| is_blank(g, r, c)))
        .collect();
    let mut cols: Vec<usize> = Vec::with_capacity(k);
    let mut skipped: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < k {
        if let Some(c) = anchors[i] {
            cols.push(c);
            i += 1;
            continue;
        }
        // A run of leaves the header did not name, between the columns around it.
        let j = (i..k).find(|&j| anchors[j].is_some()).unwrap_or(k);
        let lo = cols.last().map_or(label_end, |c| c + 1);
        let hi = if j < k {
            anchors[j].unwrap_or(g.cols)
        } else {
            g.cols
        };
        let between: Vec<usize> = (lo..hi.max(lo)).collect();
        let want = j - i;
        let filled: Vec<usize> = between
            .iter()
            .copied()
            .filter(|c| !empty.contains(c))
            .collect();
        let take = if between.len() == want {
            between
        } else if filled.len() == want {
            skipped.extend(between.iter().filter(|c| empty.contains(c)));
            filled
        } else {
            return Aligned::Unaligned(unaligned_note(
                lo,
                hi.max(lo),
                filled.len(),
                between.len(),
                want,
            ));
        };
        cols.extend(take);
        i = j;
    }
    let note = position_note(&cols, &skipped, from_header);
    Aligned::Position(cols, note)
}

/// The leaves of part 三's header matched in the header rows (above the data), at columns right
/// of the labels: each value column's grid column, if found. Anchors out of order are not
/// trusted.
fn header_anchors(g: &Grid, first_data: usize, label_end: usize) -> Vec<Option<usize>> {
    // Leaves matched in the header rows (above the data), at columns right of the labels.
    let mut anchors: Vec<Option<usize>> = REQUEST_COLS
        .iter()
        .map(|(_, label)| {
            let mut words = vec![key(label)];
            words.extend(synonyms(label).iter().map(|w| key(w)));
            g.cells
                .iter()
                .filter(|c| c.row < first_data && c.colspan == 1 && c.col >= label_end)
                .filter(|c| words.contains(&key(&normalize(&field_text(&c.text)))))
                .min_by_key(|c| (c.row, c.col))
                .map(|c| c.col)
        })
        .collect();
    // Anchors out of order are not trusted.
    let mut last = None;
    for a in anchors.iter_mut() {
        if let Some(c) = *a {
            if last.is_some_and(|l| c <= l) {
                *a = None;
            } else {
                last = Some(c);
            }
        }
    }
    anchors
}

/// Why the columns `lo`..`hi` (of which `filled` hold data, out of `between`) cannot be the
/// `want` value columns left to place.
fn unaligned_note(lo: usize, hi: usize, filled: usize, between: usize, want: usize) -> ColumnsNote {
    let zh = format!(
        "表格的表头不是规定的表头，且各列无法与“自然人……总计”七列对应（第{}至{}列中有{}列有数据、{}列全空，而需对应{}列）：各行的数字只能按个数排列，不作为读取结果",
        lo + 1,
        hi,
        filled,
        between - filled,
        want
    );
    let en = format!(
        "The table's header is not the official one and its columns cannot be matched to the seven columns (columns {}-{} hold {} with data and {} empty, for {} columns): the rows' numbers are only placed by count, not read",
        lo + 1,
        hi,
        filled,
        between - filled,
        want
    );
    ColumnsNote {
        zh,
        en,
        aligned: false,
    }
}

/// How the value columns were aligned by position: `cols` the grid columns taken, `skipped` the
/// empty ones left out, `from_header` how many the header's text matched.
fn position_note(cols: &[usize], skipped: &[usize], from_header: usize) -> ColumnsNote {
    let names = |cs: &[usize]| {
        cs.iter()
            .map(|c| (c + 1).to_string())
            .collect::<Vec<_>>()
            .join("、")
    };
    let how_zh = if from_header == 0 {
        "表格没有规定的表头".to_string()
    } else {
        format!("表格的表头不是规定的表头（{from_header}列按表头文字对应）")
    };
    let how_en = if from_header == 0 {
        "The table has no official header".to_string()
    } else {
        format!("The table's header is not the official one ({from_header} columns matched by their header text)")
    };
    let skip_zh = if skipped.is_empty() {
        String::new()
    } else {
        format!("；第{}列全空，不是数据列", names(skipped))
    };
    let skip_en = if skipped.is_empty() {
        String::new()
    } else {
        format!(
            "; column(s) {} are empty in every row and are not data columns",
            names(skipped)
        )
    };
    if from_header == REQUEST_COLS.len() {
        ColumnsNote {
            zh: format!(
                "表格的表头文字与规定的不同：各列按表头文字对应，第{}列依次为自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计",
                names(cols)
            ),
            en: format!(
                "The table's header words differ from the official ones: columns {} were matched by their header text as the seven columns, natural persons to total",
                names(cols)
            ),
            aligned: true,
        }
    } else {
        ColumnsNote {
            zh: format!(
                "{how_zh}：各列按数据的位置对应，第{}列依次为自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计{skip_zh}",
                names(cols)
            ),
            en: format!(
                "{how_en}: columns {} were taken by their position as the seven columns, natural persons to total{skip_en}",
                names(cols)
            ),
            aligned: true,
        }
    }
}
