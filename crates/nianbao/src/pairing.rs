//! Pairing reports with the same agency's report of the year before (a batch of many reports):
//! the page's batch pairs them and checks each again against its last year (carry-over,
//! 现行有效 counts, repeated text, the rates' change).

use crate::result::CheckResult;
use std::collections::HashMap;

/// An agency's name with blanks and brackets removed, for pairing ("××市（区）卫健局" and
/// "××市区 卫健局" are one agency); None when nothing is left.
pub fn agency_key(agency: &str) -> Option<String> {
    let k: String = agency
        .chars()
        .filter(|c| !c.is_whitespace() && !"（）()".contains(*c))
        .collect();
    (!k.is_empty()).then_some(k)
}

/// What pairing knows of a report: its agency's key and its year, when both were found.
pub fn key(r: &CheckResult) -> Option<(String, i32)> {
    Some((agency_key(r.meta.agency.as_deref()?)?, r.meta.year?))
}

/// For each report (by its [`key`]; None when it has none), the index of the same agency's
/// report of the year before, when the list has one (the first, when it has several). Linear
/// in the number of reports.
pub fn previous_years(keys: &[Option<(String, i32)>]) -> Vec<Option<usize>> {
    let mut first: HashMap<(&str, i32), usize> = HashMap::new();
    for (i, k) in keys.iter().enumerate() {
        if let Some((agency, year)) = k {
            first.entry((agency.as_str(), *year)).or_insert(i);
        }
    }
    keys.iter()
        .map(|k| {
            let (agency, year) = k.as_ref()?;
            first.get(&(agency.as_str(), year.checked_sub(1)?)).copied()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(agency: &str, year: i32) -> Option<(String, i32)> {
        Some((agency_key(agency)?, year))
    }

    #[test]
    fn blanks_and_brackets_do_not_part_an_agency() {
        assert_eq!(
            agency_key("厦门市（海沧区） 卫生健康局"),
            agency_key("厦门市海沧区卫生健康局")
        );
        assert_eq!(agency_key(" （） "), None);
    }

    #[test]
    fn each_report_finds_its_agency_s_year_before() {
        let keys = [
            k("甲局", 2023),
            k("乙局", 2023),
            k("甲局", 2022),
            None,
            k("乙局", 2021),
            k("甲局（）", 2024),
        ];
        assert_eq!(
            previous_years(&keys),
            [Some(2), None, None, None, None, Some(0)]
        );
    }

    #[test]
    fn the_first_of_two_same_years_is_taken_and_no_report_is_its_own_last_year() {
        let keys = [
            k("甲局", 2023),
            k("甲局", 2022),
            k("甲局", 2022),
            k("丙局", 2023),
        ];
        assert_eq!(previous_years(&keys), [Some(1), None, None, None]);
        assert_eq!(previous_years(&[k("甲局", i32::MIN)]), [None]);
        assert!(previous_years(&[]).is_empty());
    }
}
