//! What kind of body an agency is, and its deadline under 条例第四十九条 (`publish-deadline`,
//! `regulations-authority`, and the result's `meta.deadline`).

/// What kind of body an agency is, for the deadline of 条例第四十九条.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgencyKind {
    /// A county-or-higher people's government reporting on itself: 31 March.
    Government,
    /// A town or street office: follows its county (checked against 31 January, as a warning).
    Town,
    /// A government department: 31 January.
    Department,
}

pub fn agency_kind(agency: &str) -> AgencyKind {
    let a = agency.trim();
    if a.ends_with("人民政府") || (a.ends_with("政府") && !a.contains("办公")) {
        // The level is the place's last word: 乡宁县 and 镇江市 are a county and a city.
        let place = a.trim_end_matches("政府").trim_end_matches("人民");
        if place.ends_with('镇') || place.ends_with('乡') || place.ends_with("街道") {
            AgencyKind::Town
        } else {
            AgencyKind::Government
        }
    } else if a.ends_with("街道办事处")
        || a.ends_with("街道")
        || a.ends_with("镇")
        || a.ends_with("乡")
    {
        AgencyKind::Town
    } else {
        AgencyKind::Department
    }
}

/// The deadline (y, m, d) for a report of `year` by `kind`.
pub fn deadline(year: i32, kind: AgencyKind) -> (i32, u32, u32) {
    match kind {
        AgencyKind::Government => (year + 1, 3, 31),
        _ => (year + 1, 1, 31),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        assert_eq!(
            agency_kind("泉州市丰泽区卫生健康局"),
            AgencyKind::Department
        );
        assert_eq!(agency_kind("漳平市人民政府"), AgencyKind::Government);
        assert_eq!(agency_kind("漳平市人民政府办公室"), AgencyKind::Department);
        assert_eq!(agency_kind("黄陂区前川街道办事处"), AgencyKind::Town);
        assert_eq!(deadline(2020, AgencyKind::Department), (2021, 1, 31));
    }
}
