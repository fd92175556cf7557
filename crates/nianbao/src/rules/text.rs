//! `text-sum-mismatch` and `text-table-mismatch`: numbers in the prose.

use super::Ctx;
use crate::layout::fmt_num;
use crate::result::{Severity, Status, TableOut};

/// Most parts a stated total may list ("共N件，其中…"): a longer list is not checked.
const MAX_PARTS: usize = 50;

/// A number in the prose followed by its unit: value, unit, char index of the number.
fn counted(chars: &[char]) -> Vec<(i64, char, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit()
            && (i == 0 || !(chars[i - 1].is_ascii_digit() || chars[i - 1] == '.'))
        {
            let s = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            // Thousands separators: "1,234件" is 1234, not 234.
            if i - s <= 3 {
                while i + 4 <= chars.len()
                    && chars[i] == ','
                    && chars[i + 1..i + 4].iter().all(|c| c.is_ascii_digit())
                    && !chars.get(i + 4).is_some_and(|c| c.is_ascii_digit())
                {
                    i += 4;
                }
            }
            let mut j = i;
            while j < chars.len() && chars[j] == ' ' {
                j += 1;
            }
            if j < chars.len()
                && matches!(chars[j], '条' | '件' | '个' | '次' | '起' | '篇' | '宗')
                && !(i < chars.len() && chars[i] == '.')
            {
                let n: String = chars[s..i].iter().filter(|c| c.is_ascii_digit()).collect();
                // A number too large to be a count (more than 10^12) is not one.
                if let Ok(v) = n.parse::<i64>() {
                    if v as f64 <= crate::layout::MAX_VALUE {
                        out.push((v, chars[j], s));
                    }
                }
            }
        } else {
            i += 1;
        }
    }
    out
}

fn total(t: &TableOut, key: &str, col: &str) -> Option<i64> {
    t.row(key).filter(|r| r.found)?.cell(col)?.int()
}

pub fn check(ctx: &mut Ctx) {
    let before = ctx.findings.len();
    let (requests, appeals) = (&ctx.requests.out, &ctx.appeals.out);
    let received = total(requests, "1", "total");
    let carried = total(requests, "2", "total");
    let handled = total(requests, "3.7", "total");
    let carried_out = total(requests, "4", "total");
    let penalties = ctx
        .active
        .out
        .row("penalty")
        .filter(|r| r.found)
        .and_then(|r| r.cell("decisions"))
        .and_then(|c| c.int());
    let review = total(appeals, "appeals", "review.total");
    let suits = total(appeals, "appeals", "suit_direct.total")
        .zip(total(appeals, "appeals", "suit_after_review.total"))
        .and_then(|(a, b)| a.checked_add(b));

    let lines: Vec<(usize, &str)> = ctx
        .text
        .lines
        .iter()
        .filter(|l| !l.text.contains('\t') && !l.text.contains('|'))
        .map(|l| (l.no, l.text.as_str()))
        .collect();
    let mut sum_checked = 0;
    let mut cross_checked = 0;
    for (no, text) in &lines {
        if !text.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        let chars: Vec<char> = text.chars().collect();
        let nums = counted(&chars);
        // The numbers of each unit, in order, and each number's rank among its unit's: a total's
        // parts are the next numbers of its unit, found without scanning the others.
        let mut by_unit: Vec<(char, Vec<usize>)> = Vec::new();
        let mut rank = Vec::with_capacity(nums.len());
        for (k, &(_, unit, _)) in nums.iter().enumerate() {
            let at = match by_unit.iter().position(|(u, _)| *u == unit) {
                Some(at) => at,
                None => {
                    by_unit.push((unit, Vec::new()));
                    by_unit.len() - 1
                }
            };
            rank.push((at, by_unit[at].1.len()));
            by_unit[at].1.push(k);
        }
        // The end of the current total's sentence: it only moves forward.
        let mut end = 0;
        // "…399条，其中…2条；…10条…" up to the end of the sentence.
        for (k, &(tot, unit, pos)) in nums.iter().enumerate() {
            let after: String = chars[pos..chars.len().min(pos + 12)].iter().collect();
            if !after.contains("其中") {
                continue;
            }
            if end <= pos {
                end = chars[pos..]
                    .iter()
                    .position(|&c| c == '。')
                    .map(|e| pos + e)
                    .unwrap_or(chars.len());
            }
            let (u, r) = rank[k];
            let later = &by_unit[u].1[r + 1..];
            let n = later.partition_point(|&n| nums[n].2 < end);
            // More parts than any real list has: not a stated total with its parts.
            if !(2..=MAX_PARTS).contains(&n) {
                continue;
            }
            let parts: Vec<i64> = later[..n].iter().map(|&n| nums[n].0).collect();
            sum_checked += 1;
            let s: i128 = parts.iter().map(|&v| i128::from(v)).sum();
            if s != i128::from(tot) {
                let list = parts
                    .iter()
                    .map(|v| v.to_string())
                    .collect::<Vec<_>>()
                    .join("+");
                let mut f = ctx.finding(
                    "text-sum-mismatch",
                    ctx.structure.section_at(*no - 1),
                    format!("正文称共{tot}{unit}，但其中列举的各项相加为{list}={s}{unit}"),
                    format!("The prose states {tot} in total, but the listed parts add up to {list}={s}"),
                );
                if parts.len() < 3 {
                    f.severity = Severity::Warning;
                }
                f.line = Some(*no);
                f.column = Some(pos + 1);
                f.expected = Some(tot as f64);
                f.actual = Some(s as f64);
                ctx.push(f);
            }
        }
        // Clauses that state a table's number. `col`: the clause's first character (0-based).
        let mut next_col = 0;
        for clause in text.split(['，', '。', '；', ',', ';']) {
            let col = next_col;
            next_col += clause.chars().count() + 1;
            if !clause.bytes().any(|b| b.is_ascii_digit()) {
                continue;
            }
            let cc: Vec<char> = clause.chars().collect();
            let ns = counted(&cc);
            if ns.len() != 1 || ns[0].1 == '条' {
                continue;
            }
            let v = ns[0].0;
            let about_requests = clause.contains("申请")
                && (clause.contains("政府信息") || clause.contains("依申请"));
            let (what, want, alt, section) = if about_requests && clause.contains("结转") {
                if clause.contains("上年") {
                    ("上年结转的申请", carried, None, 3)
                } else {
                    ("结转下年度的申请", carried_out, None, 3)
                }
            } else if about_requests
                && (clause.contains("办结") || clause.contains("答复"))
                && !clause.contains("收到")
            {
                ("办结的申请", handled, None, 3)
            } else if clause.contains("行政处罚")
                && (clause.contains("作出") || clause.contains("决定") || clause.contains("实施"))
                && !clause.contains("复议")
                && !clause.contains("诉讼")
            {
                ("作出行政处罚", penalties, None, 2)
            } else if clause.contains("申请")
                && (clause.contains("收到") || clause.contains("新收") || clause.contains("受理"))
                && !clause.contains("结转")
                && !clause.contains("办结")
                && !clause.contains("复议")
            {
                (
                    "收到政府信息公开申请",
                    received,
                    received.zip(carried).and_then(|(a, b)| a.checked_add(b)),
                    3,
                )
            } else if clause.contains("行政复议") && !clause.contains("诉讼") {
                ("行政复议", review, None, 4)
            } else if clause.contains("行政诉讼") && !clause.contains("复议") {
                ("行政诉讼", suits, None, 4)
            } else {
                continue;
            };
            let Some(want) = want else { continue };
            cross_checked += 1;
            if v != want && Some(v) != alt {
                // (The clause's place is counted as the line is split: no search.)
                let col = Some(col + 1);
                let mut f = ctx.finding(
                    "text-table-mismatch",
                    Some(section),
                    format!(
                        "正文“{}”称{what}{v}件，表格为{}件",
                        clause.trim(),
                        fmt_num(want as f64)
                    ),
                    format!(
                        "The prose \"{}\" says {v}, the table says {want}",
                        clause.trim()
                    ),
                );
                f.line = Some(*no);
                f.column = col;
                f.expected = Some(want as f64);
                f.actual = Some(v as f64);
                ctx.push(f);
            }
        }
    }
    // The statistics period: 统计期限…2020年1月1日…2020年12月31日.
    if let Some(year) = ctx.structure.meta.year {
        let before_year = ctx.findings.len();
        let mut seen = false;
        for line in &ctx.text.lines {
            let t: String = line.text.chars().filter(|c| !c.is_whitespace()).collect();
            let Some(at) = t.find("统计期限") else {
                continue;
            };
            let rest = &t[at..];
            let end = rest.find('。').unwrap_or(rest.len());
            let years: Vec<i32> = rest[..end]
                .split(|c: char| !c.is_ascii_digit())
                .filter(|x| x.len() == 4)
                .filter_map(|x| x.parse().ok())
                .filter(|y| (2000..2100).contains(y))
                .collect();
            if years.is_empty() {
                continue;
            }
            seen = true;
            if let Some(bad) = years.iter().find(|y| **y != year) {
                let mut f = ctx.finding(
                    "text-year-mismatch",
                    ctx.structure.section_at(line.no - 1),
                    format!("统计期限写的是{bad}年，报告年度为{year}年"),
                    format!("The statistics period names {bad}, the report is for {year}"),
                );
                f.line = Some(line.no);
                f.column = Some(
                    line.text
                        .find("统计")
                        .map(|b| line.text[..b].chars().count() + 1)
                        .unwrap_or(1),
                );
                f.expected = Some(year as f64);
                f.actual = Some(*bad as f64);
                ctx.push(f);
            }
        }
        if seen {
            let bad = ctx.findings[before_year..]
                .iter()
                .find(|f| f.rule == "text-year-mismatch")
                .map(|f| (f.message.clone(), f.message_en.clone()));
            match bad {
                Some((zh, en)) => ctx.check(None, "text-year-mismatch", Status::Warn, zh, en),
                None => ctx.check(
                    None,
                    "text-year-mismatch",
                    Status::Pass,
                    format!("统计期限为{year}年"),
                    format!("The statistics period is {year}"),
                ),
            }
        }
    }
    if sum_checked == 0 {
        ctx.check(
            None,
            "text-sum-mismatch",
            Status::Skip,
            "正文中没有“共N条，其中……”形式的列举",
            "No stated total with listed parts in the prose",
        );
    } else {
        let bad: Vec<_> = ctx.findings[before..]
            .iter()
            .filter(|f| f.rule == "text-sum-mismatch")
            .cloned()
            .collect();
        match bad.first() {
            None => ctx.check(
                None,
                "text-sum-mismatch",
                Status::Pass,
                format!("{sum_checked}处列举的分项之和与总数一致"),
                format!("{sum_checked} listed total(s) add up"),
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
    if cross_checked == 0 {
        ctx.check(
            None,
            "text-table-mismatch",
            Status::Skip,
            "正文中没有可与表格对照的数字",
            "No prose number to compare with the tables",
        );
    } else {
        let n = ctx.findings[before..]
            .iter()
            .filter(|f| f.rule == "text-table-mismatch")
            .count();
        let status = if n > 0 { Status::Warn } else { Status::Pass };
        let first = ctx.findings[before..]
            .iter()
            .find(|f| f.rule == "text-table-mismatch")
            .map(|f| (f.message.clone(), f.message_en.clone()));
        let (zh, en) = first.unwrap_or_else(|| {
            (
                format!("{cross_checked}处正文数字与表格一致"),
                format!("{cross_checked} prose number(s) agree with the tables"),
            )
        });
        ctx.check(None, "text-table-mismatch", status, zh, en);
    }
}

#[cfg(test)]
mod tests {
    use super::counted;

    fn nums(s: &str) -> Vec<i64> {
        let c: Vec<char> = s.chars().collect();
        counted(&c).into_iter().map(|(v, _, _)| v).collect()
    }

    #[test]
    fn thousands_separators_are_one_number() {
        assert_eq!(nums("共收到申请1,234件"), vec![1234]);
        assert_eq!(nums("主动公开12,345,678条"), vec![12345678]);
        assert_eq!(nums("收到3件，办结2件"), vec![3, 2]);
        assert_eq!(nums("公开1234,567条"), vec![567]);
    }
}
