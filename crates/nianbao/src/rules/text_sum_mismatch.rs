//! `text-sum-mismatch`: Prose totals add up
//!
//! `text-sum-mismatch`: a total stated in the prose and the parts the sentence lists for it.
//!
//! The parts are the numbers with the total's unit after 其中/包括/分别为, up to the end of the
//! sentence (。), a new total (共/合计/总计/累计 N), or a ； that starts another statement rather
//! than the next item of the list ("；2.部门文件类信息10条" goes on, "；办结718件" does not). A
//! list whose first parts add up to the total is accepted: "共受理749件，其中自然人741件、
//! 法人8件，办结718件" is 741 + 8 = 749.

declare_rule! {
    /// 正文中列举的分项之和应等于所述总数（如“主动公开政府信息399条，其中……”）。
    ///
    /// ## 检查什么
    ///
    /// 正文中“共N条（件、项……），其中／包括／分别为……”列举的分项（与总数同一量词）相加应等于N。分项到句号、下一个“共／合计／总计／累计”数字或开始另一陈述的分号为止；前几项之和等于N即视为一致。不一致时：列举3项及以上记一处错误，只有2项记一处提示。
    ///
    /// ## 错误示例
    ///
    /// ```text
    /// 全年主动公开政府信息399条，其中机构职能类2条，部门文件类10条，工作动态类99条，人事信息类51条，公告公示类199条，财政信息类2条，其他32条。
    /// 2+10+99+51+199+2+32=395≠399
    /// ```
    ///
    /// ## 正确示例
    ///
    /// ```text
    /// 全年主动公开政府信息399条，其中机构职能类2条，部门文件类10条，工作动态类99条，人事信息类51条，公告公示类199条，财政信息类6条，其他32条。
    /// 2+10+99+51+199+6+32=399
    /// ```
    ///
    /// ## 如何改正
    ///
    /// 按统计台账补全遗漏的分项或改正总数／分项，使列举之和等于总数。
    ///
    /// # English
    ///
    /// Where the prose states a total and then lists its parts (主动公开政府信息399条，其中…), the parts must add up to the total.
    ///
    /// ## What it checks
    ///
    /// Where the prose states a total (共N条/件/项 …) and lists its parts after 其中/包括/分别为, the parts with the same unit must add up to N. The list ends at a full stop, a new total (共/合计/总计/累计) or a ； that starts another statement; a list whose first parts add up to N is accepted. When they do not: an error with 3 or more parts, a warning with 2.
    ///
    /// ## Wrong
    ///
    /// ```text
    /// 全年主动公开政府信息399条，其中…2条，…10条，…99条，…51条，…199条，…2条，…32条。
    /// 2 + 10 + 99 + 51 + 199 + 2 + 32 = 395 ≠ 399.
    /// ```
    ///
    /// ## Right
    ///
    /// ```text
    /// …财政信息类6条… : 2 + 10 + 99 + 51 + 199 + 6 + 32 = 399.
    /// ```
    ///
    /// ## How to fix
    ///
    /// From the records, add the missing part or correct the total or a part, so the parts add up to the total.
    pub TextSumMismatch {
        name: "text-sum-mismatch",
        severity: Error,
        also: [
            Warning: "列举的分项少于3项" / "fewer than three parts are listed",
        ],
        title: "正文分项之和等于总数" / "Prose totals add up",
        basis: "国办公开办函〔2021〕30号（四）明确责任（内容不准确）；条例第四十七条"
            / "Format document 国办公开办函〔2021〕30号, (4) responsibilities (inaccurate content); Regulations art. 47.",
    }
}

use super::Ctx;
use crate::prose::{numbers, Num};
use crate::result::{Severity, Status};

const TRIGGERS: [&str; 4] = ["其中", "包括", "分别为", "分别是"];

/// A total listing more parts than this is not checked (and the scan stays linear).
const MAX_PARTS: usize = 50;

/// Whether the number at `n` is a new total (共/合计/总计/累计 just before it).
fn new_total(chars: &[char], n: &Num) -> bool {
    let w = &chars[n.start.saturating_sub(4)..n.start];
    w.contains(&'共')
        || w.windows(2)
            .any(|p| matches!(p, ['合' | '总' | '累', '计']))
}

/// Whether the text after a ； at `i` is the next item of a list (2. / （二） / 二是 / 3、).
fn next_item(chars: &[char], i: usize) -> bool {
    let c = |k: usize| chars.get(i + k).copied().unwrap_or('\0');
    c(1).is_ascii_digit() && matches!(c(2), '.' | '、' | ')' | '）')
        || matches!(c(1), '（' | '(')
        || "一二三四五六七八九十".contains(c(1)) && matches!(c(2), '是' | '、' | '.')
}

/// For each number of a line: whether the text before it (from the previous number) ends a
/// list (a 。 or a ； that does not open the next item), and whether it is a new total. Neither
/// depends on which total is being read, so each line is scanned once.
fn breaks(chars: &[char], nums: &[Num]) -> Vec<(bool, bool)> {
    nums.iter()
        .enumerate()
        .map(|(j, n)| {
            let pos = if j == 0 { 0 } else { nums[j - 1].end };
            let gap = &chars[pos.min(n.start)..n.start];
            let items = gap
                .iter()
                .enumerate()
                .filter(|(_, c)| matches!(c, '；' | ';'))
                .all(|(i, _)| next_item(chars, pos + i));
            (gap.contains(&'。') || !items, new_total(chars, n))
        })
        .collect()
}

/// How deep in parentheses each number of a line stands (unbalanced closing ones count as none).
fn depths(chars: &[char], nums: &[Num]) -> Vec<usize> {
    let mut out = Vec::with_capacity(nums.len());
    let (mut depth, mut at) = (0usize, 0);
    for n in nums {
        for &c in &chars[at.min(n.start)..n.start] {
            match c {
                '（' | '(' => depth += 1,
                '）' | ')' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        at = n.start.max(at);
        out.push(depth);
    }
    out
}

/// The parts listed for the total `nums[k]`: (values, any prefix adds up).
#[cfg(test)]
fn parts(chars: &[char], nums: &[Num], k: usize) -> Option<Vec<f64>> {
    parts_with(chars, nums, &breaks(chars, nums), &depths(chars, nums), k)
}

/// A part's own breakdown in parentheses ("政策文件380条（其中规范性文件20条、其他360条）") belongs
/// to that part, not to the outer list: the parts of a total are the numbers at the depth of its
/// first part, and a list that opened inside parentheses ends where they close.
fn parts_with(
    chars: &[char],
    nums: &[Num],
    brk: &[(bool, bool)],
    depth: &[usize],
    k: usize,
) -> Option<Vec<f64>> {
    let tot = nums[k];
    if tot.unit == '%' || tot.unit == '\0' {
        return None;
    }
    let next = nums.get(k + 1)?;
    let between = &chars[tot.end..next.start];
    let has = |w: &str| {
        let w: Vec<char> = w.chars().collect();
        between.windows(w.len()).any(|x| x == w.as_slice())
    };
    if !TRIGGERS.iter().any(|t| has(t)) || between.contains(&'。') {
        return None;
    }
    let mut out = Vec::new();
    let level = depth[k + 1];
    for (seen, (n, &(hard, total))) in nums[k + 1..].iter().zip(&brk[k + 1..]).enumerate() {
        if seen > MAX_PARTS {
            return None;
        }
        let d = depth[k + 1 + seen];
        if hard || (!out.is_empty() && total) || d < level {
            break;
        }
        if n.unit == tot.unit && d == level {
            out.push(n.value);
        }
    }
    (out.len() >= 2).then_some(out)
}

pub(super) fn check(ctx: &mut Ctx) {
    let before = ctx.findings.len();
    let mut checked = 0;
    for p in ctx.prose {
        // A total has a counting word, and parts follow one of the triggers: a line without
        // either lists none.
        let line = p.line;
        if p.spots.is_empty() || !TRIGGERS.iter().any(|t| line.text.contains(t)) {
            continue;
        }
        let chars: Vec<char> = line.text.chars().collect();
        let nums = numbers(&chars);
        // Only a number with a counting word can be a total.
        if !nums.iter().any(|n| n.unit != '\0' && n.unit != '%') {
            continue;
        }
        let brk = breaks(&chars, &nums);
        let depth = depths(&chars, &nums);
        for k in 0..nums.len() {
            let Some(parts) = parts_with(&chars, &nums, &brk, &depth, k) else {
                continue;
            };
            let (tot, unit) = (nums[k].value, nums[k].unit);
            checked += 1;
            let mut s = 0.0;
            let prefix = parts.iter().any(|v| {
                s += v;
                (s - tot).abs() < 1e-9
            });
            if prefix {
                continue;
            }
            if ctx.full("text-sum-mismatch") {
                ctx.tally("text-sum-mismatch");
                continue;
            }
            let list = parts
                .iter()
                .map(|v| crate::layout::fmt_num(*v))
                .collect::<Vec<_>>()
                .join("+");
            let (tot_s, s_s) = (crate::layout::fmt_num(tot), crate::layout::fmt_num(s));
            let mut f = ctx.finding(
                "text-sum-mismatch",
                ctx.structure.section_at(p.index),
                format!("正文称共{tot_s}{unit}，但其中列举的各项相加为{list}={s_s}{unit}"),
                format!(
                    "The prose states {tot_s} in total, but the listed parts add up to {list}={s_s}"
                ),
            );
            if parts.len() < 3 {
                f.severity = Severity::Warning;
            }
            f.line = Some(line.no);
            f.column = Some(line.column(nums[k].start));
            f.expected = Some(tot);
            f.actual = Some(s);
            ctx.push(f);
        }
    }
    if checked == 0 {
        return ctx.check(
            None,
            "text-sum-mismatch",
            Status::Skip,
            "正文中没有“共N条，其中……”形式的列举",
            "No stated total with listed parts in the prose",
        );
    }
    let bad: Vec<_> = ctx.findings[before..].to_vec();
    match bad.first() {
        None => ctx.check(
            None,
            "text-sum-mismatch",
            Status::Pass,
            format!("{checked}处列举的分项之和与总数一致"),
            format!("{checked} listed total(s) add up"),
        ),
        Some(f) => {
            let status = if bad.iter().any(|f| f.severity == Severity::Error) {
                Status::Fail
            } else {
                Status::Warn
            };
            ctx.check(
                None,
                "text-sum-mismatch",
                status,
                f.message.clone(),
                f.message_en.clone(),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sums(s: &str) -> Vec<Vec<f64>> {
        let c: Vec<char> = s.chars().collect();
        let n = numbers(&c);
        (0..n.len()).filter_map(|k| parts(&c, &n, k)).collect()
    }

    #[test]
    fn parts_stop_at_a_new_statement() {
        let s = "共受理749件，其中自然人741件、法人8件；办结718件，结转31件。";
        assert_eq!(sums(s), [vec![741.0, 8.0]]);
        // A comma instead of ；: the prefix 741 + 8 adds up (checked by `check`).
        let s = "共受理749件，其中自然人741件、法人8件，办结718件，结转31件。";
        assert_eq!(sums(s), [vec![741.0, 8.0, 718.0, 31.0]]);
        let s = "主动公开399条，其中1.组织机构类2条；2.部门文件类10条；3.其他387条。另发布5条。";
        assert_eq!(sums(s), [vec![2.0, 10.0, 387.0]]);
        let s =
            "收到申请十二件，其中自然人申请九件、法人三件，共办结十件，其中公开8件、不予公开2件。";
        assert_eq!(sums(s), [vec![9.0, 3.0], vec![8.0, 2.0]]);
    }

    #[test]
    fn a_parts_own_breakdown_in_parentheses_is_not_the_outer_lists() {
        let s = "共580条，其中政策文件380条（其中规范性文件20条、其他360条），工作动态200条。";
        assert_eq!(sums(s), [vec![380.0, 200.0], vec![20.0, 360.0]]);
        let s = "共580条，其中政策文件380条(其中规范性文件20条、其他360条)、工作动态200条。";
        assert_eq!(sums(s), [vec![380.0, 200.0], vec![20.0, 360.0]]);
    }
}
