//! Deciding which column each number of a row belongs to.
//!
//! A row read from text is a list of items (numbers, marks, blanks) in order. When the row has
//! exactly as many cells as the table has columns, item i is column i. When it has fewer or more
//! (a blank cell lost its tab, a stray number), every order-preserving placement of the items
//! into the columns is a candidate; the table's identities, evaluated against the rows that are
//! already decided, remove candidates until nothing changes. A row is decided when all remaining
//! candidates give the same numbers; otherwise the cells where they differ are ambiguous.

use crate::spec::Identity;

/// Which item (index into the row's items) fills each column; `None` leaves the column blank.
pub type Candidate = Vec<Option<usize>>;

/// A row waiting to be placed.
#[derive(Debug, Clone)]
pub struct Pending {
    /// Value of each item for the identities (blank, marks and text count as 0 here).
    pub values: Vec<i64>,
    pub candidates: Vec<Candidate>,
    /// The placement a reader would guess from the layout alone (used to break ties between
    /// candidates that give the same numbers).
    pub hint: Candidate,
    /// Whether the row's placement was uncertain to begin with.
    pub uncertain: bool,
    /// Every candidate before the identities narrowed them (uncertain rows only).
    pub original: Vec<Candidate>,
    /// Set when some identity, with all its other cells known, holds for none of the
    /// candidates: then no placement is consistent and the row is not placed.
    pub conflict: bool,
    /// Set when there were more placements than we enumerate: the row is not placed (never a
    /// silently shortened list).
    pub truncated: bool,
    /// Identities (indices into the list `solve` was given) that removed candidates of this row.
    pub used: Vec<usize>,
}

/// Most candidates a row may have before we give up on placing it (C(15,7) = 6435 placements
/// of 7 numbers into part 四's 15 columns fit).
pub const MAX_CANDIDATES: usize = 20000;

impl Pending {
    /// A row whose items sit in their columns.
    pub fn certain(values: Vec<i64>) -> Pending {
        let c: Candidate = (0..values.len()).map(Some).collect();
        Pending {
            values,
            candidates: vec![c.clone()],
            hint: c,
            uncertain: false,
            original: Vec::new(),
            conflict: false,
            truncated: false,
            used: Vec::new(),
        }
    }

    /// A row whose possible readings are given as whole value vectors of `k` numbers each (a
    /// run of digits with no separators, split every way that fits). Item `v * k + c` is column
    /// c of vector v.
    pub fn explicit(vectors: &[Vec<i64>], k: usize, truncated: bool) -> Pending {
        let values: Vec<i64> = vectors.iter().flatten().copied().collect();
        let candidates: Vec<Candidate> = (0..vectors.len())
            .map(|v| (0..k).map(|c| Some(v * k + c)).collect())
            .collect();
        let hint = candidates.first().cloned().unwrap_or_else(|| vec![None; k]);
        Pending::open(values, candidates, hint, truncated)
    }

    /// A row of `values.len()` items for `k` columns, with no trustworthy positions.
    pub fn uncertain(values: Vec<i64>, k: usize) -> Pending {
        let n = values.len();
        let hint: Candidate = if n <= k {
            // Right-aligned: the last number is most often the total.
            (0..k).map(|c| (c + n >= k).then(|| c + n - k)).collect()
        } else {
            (0..k).map(Some).collect()
        };
        let (candidates, truncated) = if n <= k {
            injections(n, k)
        } else {
            selections(n, k)
        };
        Pending::open(values, candidates, hint, truncated)
    }

    /// An uncertain row with its candidates, before the identities narrow them.
    fn open(
        values: Vec<i64>,
        candidates: Vec<Candidate>,
        hint: Candidate,
        truncated: bool,
    ) -> Pending {
        Pending {
            values,
            original: candidates.clone(),
            candidates,
            hint,
            uncertain: true,
            conflict: false,
            truncated,
            used: Vec::new(),
        }
    }

    fn value_at(&self, cand: &Candidate, col: usize) -> i64 {
        cand.get(col)
            .copied()
            .flatten()
            .map(|i| self.values[i])
            .unwrap_or(0)
    }

    /// The numbers in every column, if all candidates agree.
    fn agreed(&self, col: usize) -> Option<i64> {
        let first = self.value_at(self.candidates.first()?, col);
        self.candidates
            .iter()
            .all(|c| self.value_at(c, col) == first)
            .then_some(first)
    }

    pub fn decided(&self) -> bool {
        let k = self.hint.len();
        (0..k).all(|c| self.agreed(c).is_some())
    }

    /// The chosen candidate: among those left, the one closest to the layout's hint.
    pub fn choice(&self) -> &Candidate {
        self.candidates
            .iter()
            .min_by_key(|c| {
                c.iter()
                    .zip(&self.hint)
                    .filter(|(a, b)| a.is_some() != b.is_some() || a != b)
                    .count()
            })
            .unwrap_or(&self.hint)
    }

    /// Columns that the remaining candidates agree hold a number, but disagree on whether they
    /// are blank: the text does not say where the blank is (only the layout's hint does).
    pub fn loose(&self) -> Vec<usize> {
        let k = self.hint.len();
        (0..k)
            .filter(|&c| {
                let first = self.candidates.first().map(|x| x[c].is_some());
                self.candidates
                    .iter()
                    .any(|x| Some(x[c].is_some()) != first)
            })
            .collect()
    }

    /// Columns where the remaining candidates disagree, with the values they propose. When no
    /// candidate is consistent, every column the original candidates disagree on; when the
    /// candidates were too many to enumerate, every column.
    pub fn disagreements(&self) -> Vec<(usize, Vec<i64>)> {
        let k = self.hint.len();
        if self.truncated {
            return (0..k).map(|c| (c, Vec::new())).collect();
        }
        let set = if self.conflict {
            &self.original
        } else {
            &self.candidates
        };
        let agreed = |c: usize| {
            let first = set.first().map(|x| self.value_at(x, c));
            set.iter().all(|x| Some(self.value_at(x, c)) == first)
        };
        (0..k)
            .filter(|&c| !agreed(c))
            .map(|c| {
                let mut vs: Vec<i64> = set.iter().map(|cand| self.value_at(cand, c)).collect();
                vs.sort_unstable();
                vs.dedup();
                (c, vs)
            })
            .collect()
    }
}

/// All order-preserving ways to put n items into k ≥ n columns, and whether the list was cut
/// at `MAX_CANDIDATES`.
fn injections(n: usize, k: usize) -> (Vec<Candidate>, bool) {
    let mut out = Vec::new();
    let mut cur: Candidate = vec![None; k];
    fn rec(item: usize, from: usize, n: usize, cur: &mut Candidate, out: &mut Vec<Candidate>) {
        if out.len() > MAX_CANDIDATES {
            return;
        }
        if item == n {
            out.push(cur.clone());
            return;
        }
        let k = cur.len();
        for col in from..k {
            if k - col < n - item {
                break;
            }
            cur[col] = Some(item);
            rec(item + 1, col + 1, n, cur, out);
            cur[col] = None;
        }
    }
    rec(0, 0, n, &mut cur, &mut out);
    let cut = out.len() > MAX_CANDIDATES;
    out.truncate(MAX_CANDIDATES);
    (out, cut)
}

/// All order-preserving ways to keep k of n > k items (the others are strays), and whether the
/// list was cut at `MAX_CANDIDATES`.
fn selections(n: usize, k: usize) -> (Vec<Candidate>, bool) {
    let mut out = Vec::new();
    let mut cur: Candidate = Vec::with_capacity(k);
    fn rec(from: usize, n: usize, k: usize, cur: &mut Candidate, out: &mut Vec<Candidate>) {
        if out.len() > MAX_CANDIDATES {
            return;
        }
        if cur.len() == k {
            out.push(cur.clone());
            return;
        }
        for i in from..n {
            if n - i < k - cur.len() {
                break;
            }
            cur.push(Some(i));
            rec(i + 1, n, k, cur, out);
            cur.pop();
        }
    }
    rec(0, n, k, &mut cur, &mut out);
    let cut = out.len() > MAX_CANDIDATES;
    out.truncate(MAX_CANDIDATES);
    (out, cut)
}

/// Narrows the candidates of uncertain rows using the identities. `rows[r]` is `None` for a row
/// that is not in the text (its cells are unknown, so identities that need it decide nothing).
pub fn solve(rows: &mut [Option<Pending>], identities: &[Identity]) {
    for _ in 0..8 {
        let mut changed = false;
        for (idn, id) in identities.iter().enumerate() {
            let touched: Vec<usize> = {
                let mut v: Vec<usize> = id.lhs.iter().chain(&id.rhs).map(|&(r, _)| r).collect();
                v.sort_unstable();
                v.dedup();
                v
            };
            for &r in &touched {
                // Uncertain rows stay open even with one candidate left, so that an identity
                // none of them satisfies is noticed as a conflict.
                let open =
                    matches!(&rows[r], Some(p) if p.uncertain && !p.conflict && !p.truncated);
                if !open {
                    continue;
                }
                // Every other cell of the identity must be known.
                let mut known = true;
                // Sums are i128: no list of i64 cells overflows them.
                let mut other = |cells: &[(usize, usize)]| -> i128 {
                    let mut s = 0;
                    for &(rr, c) in cells {
                        if rr == r {
                            continue;
                        }
                        match rows[rr].as_ref().and_then(|p| p.agreed(c)) {
                            Some(v) => s += i128::from(v),
                            None => known = false,
                        }
                    }
                    s
                };
                let lhs_other = other(&id.lhs);
                let rhs_other = other(&id.rhs);
                if !known {
                    continue;
                }
                let p = rows[r].as_ref().expect("open row");
                let own = |cand: &Candidate, cells: &[(usize, usize)]| -> i128 {
                    cells
                        .iter()
                        .filter(|&&(rr, _)| rr == r)
                        .map(|&(_, c)| i128::from(p.value_at(cand, c)))
                        .sum()
                };
                let keep: Vec<Candidate> = p
                    .candidates
                    .iter()
                    .filter(|cand| lhs_other + own(cand, &id.lhs) == rhs_other + own(cand, &id.rhs))
                    .cloned()
                    .collect();
                if keep.is_empty() {
                    // A conflict only if some placement would have satisfied this identity but the
                    // other identities ruled it out. If no placement ever could, the identity is
                    // broken whatever the placement (a wrong number elsewhere): the identity rule
                    // reports it, and the placement stands.
                    let could = p.original.iter().any(|cand| {
                        lhs_other + own(cand, &id.lhs) == rhs_other + own(cand, &id.rhs)
                    });
                    if could {
                        rows[r].as_mut().expect("open row").conflict = true;
                        changed = true;
                    }
                } else if keep.len() < p.candidates.len() {
                    let p = rows[r].as_mut().expect("open row");
                    p.candidates = keep;
                    if !p.used.contains(&idn) {
                        p.used.push(idn);
                    }
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::{request_identities, request_rows, Format};

    #[test]
    fn counts() {
        assert_eq!(injections(4, 7).0.len(), 35);
        assert_eq!(selections(16, 15).0.len(), 16);
        // Part 四: 7 numbers for 15 columns, every placement, nothing cut.
        assert_eq!(injections(7, 15), (injections(7, 15).0, false));
        assert_eq!(injections(7, 15).0.len(), 6435);
        // Many strays: every selection, not just the first k items.
        assert_eq!(selections(11, 7).0.len(), 330);
        assert!(selections(40, 15).1, "too many: cut, and said so");
    }

    /// Part 三 of F2019 with every row certain, its values given by key.
    fn grid(values: impl Fn(&str) -> Vec<i64>) -> Vec<Option<Pending>> {
        request_rows(Format::F2019)
            .iter()
            .map(|r| Some(Pending::certain(values(r.key))))
            .collect()
    }

    #[test]
    fn seed_001_sparse_row_is_placed_by_the_identities() {
        // Seed 001: 予以公开 reads "2 3 1 6" with blanks lost; the other rows decide.
        let rows = request_rows(Format::F2019);
        let ids = request_identities(Format::F2019);
        let mut grid = grid(|k| match k {
            "1" | "3.7" => vec![4, 0, 3, 1, 0, 0, 8],
            "3.5.2" => vec![2, 0, 0, 0, 0, 0, 2],
            _ => vec![0; 7],
        });
        let i31 = rows.iter().position(|r| r.key == "3.1").unwrap();
        grid[i31] = Some(Pending::uncertain(vec![2, 3, 1, 6], 7));
        solve(&mut grid, ids);
        let p = grid[i31].as_ref().unwrap();
        assert!(p.decided());
        assert_eq!(
            p.choice(),
            &vec![Some(0), None, Some(1), Some(2), None, None, Some(3)]
        );
    }

    #[test]
    fn an_error_elsewhere_does_not_unplace_a_row() {
        // Seed 004's 3.7 has 8 numbers; row 1 is then changed so the balance cannot hold.
        let rows = request_rows(Format::F2019);
        let ids = request_identities(Format::F2019);
        let mut grid = grid(|k| match k {
            "1" => vec![9, 0, 0, 0, 0, 0, 9],
            "3.1" => vec![3, 0, 0, 0, 0, 0, 3],
            "3.2" => vec![2, 0, 0, 0, 0, 0, 2],
            "3.3.7" | "3.4.1" => vec![1, 0, 0, 0, 0, 0, 1],
            _ => vec![0; 7],
        });
        let i37 = rows.iter().position(|r| r.key == "3.7").unwrap();
        grid[i37] = Some(Pending::uncertain(vec![7, 0, 0, 0, 0, 0, 0, 7], 7));
        solve(&mut grid, ids);
        let p = grid[i37].as_ref().unwrap();
        assert!(!p.conflict);
        assert!(p.decided());
    }

    #[test]
    fn undecidable_rows_report_disagreements() {
        let mut grid = vec![Some(Pending::uncertain(vec![1, 2], 3))];
        solve(&mut grid, &[]);
        let p = grid[0].as_ref().unwrap();
        assert!(!p.decided());
        assert!(!p.disagreements().is_empty());
    }
}
