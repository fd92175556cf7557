//! `section-missing`, `section-order`, `section-heading`, `section-empty`, `fee-statement`.

use super::Ctx;
use crate::result::Status;
use crate::sections::Wording;
use crate::spec::{Format, SECTIONS};

pub fn check(ctx: &mut Ctx) {
    for spec in &SECTIONS {
        let n = spec.number;
        let official = format!("{}、{}", spec.numeral, spec.title);
        match ctx.structure.sections[n as usize - 1].clone() {
            None => {
                let f = ctx.finding(
                    "section-missing",
                    Some(n),
                    format!("缺少第{}部分“{}”", spec.numeral, official),
                    format!("Part {n} ({official}) is missing"),
                );
                ctx.push(f);
                ctx.check(
                    Some(n),
                    "section-missing",
                    Status::Fail,
                    format!("未找到“{official}”"),
                    format!("{official} not found"),
                );
            }
            Some(s) => {
                let line = ctx.text.lines[s.index].no;
                ctx.check(
                    Some(n),
                    "section-missing",
                    Status::Pass,
                    format!("第{line}行"),
                    format!("line {line}"),
                );
                let before = ctx.findings.len();
                if s.wording != Wording::Official {
                    let mut f = ctx.finding(
                        "section-heading",
                        Some(n),
                        format!(
                            "第{}部分标题“{}”与规定的“{}”不一致",
                            spec.numeral, s.heading, official
                        ),
                        format!(
                            "Heading of part {n} \"{}\" differs from the official \"{official}\"",
                            s.heading
                        ),
                    );
                    f.line = Some(line);
                    f.column = Some(ctx.text.lines[s.index].column(0));
                    ctx.push(f);
                }
                ctx.check_from(
                    Some(n),
                    "section-heading",
                    before,
                    ("标题与规定一致", "Heading matches the official wording"),
                );
            }
        }
    }

    // Order.
    let mut found: Vec<(usize, u8)> = ctx
        .structure
        .sections
        .iter()
        .flatten()
        .map(|s| (s.index, s.number))
        .collect();
    found.sort_unstable();
    let order: Vec<u8> = found.iter().map(|(_, n)| *n).collect();
    let before = ctx.findings.len();
    if order.windows(2).any(|w| w[0] > w[1]) {
        let seq: Vec<String> = order
            .iter()
            .map(|n| SECTIONS[*n as usize - 1].numeral.to_string())
            .collect();
        let mut f = ctx.finding(
            "section-order",
            None,
            format!("各部分顺序为{}，应为一至六依次排列", seq.join("、")),
            format!(
                "Parts appear in the order {}, not one to six",
                order
                    .iter()
                    .map(|n| n.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        );
        if let Some(w) = found.windows(2).find(|w| w[0].1 > w[1].1) {
            f.line = Some(ctx.text.lines[w[1].0].no);
            f.column = Some(ctx.text.lines[w[1].0].column(0));
        }
        ctx.push(f);
    }
    ctx.check_from(
        None,
        "section-order",
        before,
        ("各部分按顺序排列", "Parts are in order"),
    );

    // Part 五 must have real content.
    if ctx.section_found(5) {
        let body: String = ctx
            .structure
            .body(ctx.text, 5)
            .iter()
            .map(|l| l.key())
            .collect();
        let before = ctx.findings.len();
        if body.chars().count() < 4 || body == "无" || body == "暂无" {
            let (s, column) = (ctx.heading_line(5), ctx.heading_column(5));
            let mut f = ctx.finding(
                "section-empty",
                Some(5),
                "“存在的主要问题及改进情况”没有实际内容".to_string(),
                "Part five (main problems and improvements) has no real content".to_string(),
            );
            f.line = s;
            f.column = s.and(column);
            ctx.push(f);
        }
        ctx.check_from(
            Some(5),
            "section-empty",
            before,
            (
                "写明了问题和改进措施",
                "Problems and improvements are described",
            ),
        );
    }

    // Part 六 under F2021 must state the processing fees.
    if ctx.expected == Some(Format::F2021) && ctx.section_found(6) {
        let body: String = ctx
            .structure
            .body(ctx.text, 6)
            .iter()
            .map(|l| l.key())
            .collect();
        let before = ctx.findings.len();
        if !states_fees(&body) {
            let (s, column) = (ctx.heading_line(6), ctx.heading_column(6));
            let mut f = ctx.finding(
                "fee-statement",
                Some(6),
                "“其他需要报告的事项”未说明信息处理费收取情况（未收取也应写明）".to_string(),
                "Part six does not state the information-processing fees collected (state it even if none)".to_string(),
            );
            f.line = s;
            f.column = s.and(column);
            ctx.push(f);
        }
        ctx.check_from(
            Some(6),
            "fee-statement",
            before,
            ("说明了信息处理费情况", "Processing fees are stated"),
        );
    }

    // Part 一 under F2021: the five topics.
    if ctx.expected == Some(Format::F2021) && ctx.section_found(1) {
        let body: String = ctx
            .structure
            .body(ctx.text, 1)
            .iter()
            .map(|l| l.key())
            .collect();
        let topics: [(&str, &[&str], &str); 5] = [
            ("主动公开", &["主动公开"], "proactive disclosure"),
            ("依申请公开", &["依申请"], "disclosure on request"),
            ("政府信息管理", &["信息管理"], "information management"),
            ("政府信息公开平台建设", &["平台"], "platforms"),
            ("监督保障", &["监督保障", "监督", "保障"], "supervision"),
        ];
        let missing: Vec<&(&str, &[&str], &str)> = topics
            .iter()
            .filter(|(_, words, _)| !words.iter().any(|w| body.contains(w)))
            .collect();
        let before = ctx.findings.len();
        if !missing.is_empty() {
            let (s, column) = (ctx.heading_line(1), ctx.heading_column(1));
            let mut f = ctx.finding(
                "overview-topics",
                Some(1),
                format!(
                    "“总体情况”未涉及：{}",
                    missing.iter().map(|m| m.0).collect::<Vec<_>>().join("、")
                ),
                format!(
                    "Part one does not cover: {}",
                    missing.iter().map(|m| m.2).collect::<Vec<_>>().join(", ")
                ),
            );
            f.line = s;
            f.column = s.and(column);
            ctx.push(f);
        }
        ctx.check_from(
            Some(1),
            "overview-topics",
            before,
            ("五个方面均有说明", "All five topics are covered"),
        );
    }

    // The preface's count of parts.
    let first = ctx
        .structure
        .sections
        .iter()
        .flatten()
        .map(|s| s.index)
        .min()
        .unwrap_or(0);
    let before = ctx.findings.len();
    let mut stated = false;
    for line in &ctx.text.lines[..first] {
        let t: String = line.text.chars().filter(|c| !c.is_whitespace()).collect();
        let Some(at) = t.find("个部分").or_else(|| t.find("部分组成")) else {
            continue;
        };
        // The whole number before 个部分 (十二, 12, 六), not only its last character.
        let before_at: Vec<char> = t[..at].chars().collect();
        let run = before_at
            .iter()
            .rev()
            .take_while(|&&c| c.is_ascii_digit() || crate::prose::is_cn(c))
            .count();
        let numeral: String = before_at[before_at.len() - run..].iter().collect();
        let n = if numeral.chars().all(|c| c.is_ascii_digit()) {
            numeral.parse::<u64>().ok()
        } else {
            crate::prose::cn_number(&before_at[before_at.len() - run..])
                .filter(|v| v.fract() == 0.0 && *v >= 0.0 && *v < 1e9)
                .map(|v| v as u64)
        };
        if let Some(n) = n {
            stated = true;
            if n != 6 {
                let mut f = ctx.finding(
                    "preface-part-count",
                    None,
                    format!("前言称报告由{numeral}个部分组成，格式规定为六个部分"),
                    format!("The preface says the report has {n} parts; the format has six"),
                );
                f.line = Some(line.no);
                f.column = Some(line.column(before_at.len() - run));
                ctx.push(f);
            }
        }
    }
    if stated {
        ctx.check_from(
            None,
            "preface-part-count",
            before,
            ("前言所述部分数为六", "The preface names six parts"),
        );
    }
}

/// Whether part 六's text (as keys) says anything of the fees charged for disclosure: 信息处理费
/// in any wording ("未收取信息处理费", "信息处理费0元"), or a charge or fee of disclosure
/// ("政府信息公开未发生收费情况", "没有收取任何政府信息公开费用", "不收费"). Part 二's
/// 行政事业性收费 (administrative fees) and 经费 (funding) are not fee statements.
fn states_fees(body: &str) -> bool {
    let body = body.replace("行政事业性收费", "");
    if body.contains("处理费") {
        return true;
    }
    let chars: Vec<char> = body.chars().collect();
    chars.iter().enumerate().any(|(i, &c)| match c {
        // 收费 (a charge), 费用 (a fee): not 经费 (funding).
        '费' => {
            let prev = i.checked_sub(1).map(|p| chars[p]);
            let next = chars.get(i + 1).copied();
            prev == Some('收') || (next == Some('用') && prev != Some('经'))
        }
        _ => false,
    })
}

#[cfg(test)]
mod fee_tests {
    use super::states_fees;
    use crate::normalize::key;

    #[test]
    fn fee_statements_in_real_wordings() {
        for s in [
            "未收取信息处理费",
            "政府信息公开未发生收费情况",
            "没有收取任何政府信息公开费用",
            "依申请公开政府信息不收费",
        ] {
            assert!(states_fees(&key(s)), "{s}");
        }
        for s in [
            "无",
            "行政事业性收费项目无变化",
            "工作经费得到保障",
            "经费用于培训",
        ] {
            assert!(!states_fees(&key(s)), "{s}");
        }
    }
}
