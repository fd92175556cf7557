//! Interface strings: Chinese first, English by a switch.

#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Lang {
    pub en: bool,
}

impl Lang {
    /// Picks the Chinese or English text.
    pub fn t(self, zh: &'static str, en: &'static str) -> &'static str {
        if self.en {
            en
        } else {
            zh
        }
    }
}

pub const NUMERALS: [&str; 6] = ["一", "二", "三", "四", "五", "六"];

pub fn section_title_en(n: u8) -> &'static str {
    match n {
        1 => "Overview",
        2 => "Proactive disclosure",
        3 => "Requests received and handled",
        4 => "Administrative review and litigation",
        5 => "Main problems and improvements",
        _ => "Other matters",
    }
}
