//! Levels of a sudden environmental incident and which deadlines apply.
//!
//! Four levels: I 特别重大, II 重大, III 较大, IV 一般. Upward reports are due
//! sooner for I/II than for III/IV (the minutes are data in the plan file).
//! While the level is unknown, the I/II deadlines apply if any of six
//! questions is answered yes; otherwise the III/IV ones.

use serde::{Deserialize, Serialize};

/// A level of incident; I is the gravest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Level {
    I,
    II,
    III,
    IV,
}

impl Level {
    pub const ALL: [Level; 4] = [Level::I, Level::II, Level::III, Level::IV];

    /// `I`, `II`, `III`, `IV`: how files, the command line and JSON write it.
    pub fn id(self) -> &'static str {
        match self {
            Level::I => "I",
            Level::II => "II",
            Level::III => "III",
            Level::IV => "IV",
        }
    }

    /// `I`…`IV` in any case, or `1`…`4`.
    pub fn parse(s: &str) -> Option<Level> {
        match s.trim().to_ascii_uppercase().as_str() {
            "I" | "1" => Some(Level::I),
            "II" | "2" => Some(Level::II),
            "III" | "3" => Some(Level::III),
            "IV" | "4" => Some(Level::IV),
            _ => None,
        }
    }

    /// Levels I and II: the provincial bureau, the shorter deadlines.
    pub fn is_grave(self) -> bool {
        matches!(self, Level::I | Level::II)
    }
}

/// One of the six questions asked while the level is unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Question {
    /// A drinking-water source affected or threatened.
    DrinkingWater,
    /// Residential areas, schools, hospitals or other sensitive people involved.
    SensitivePeople,
    /// Heavy metals or metalloids.
    HeavyMetals,
    /// May cross a provincial or national border.
    CrossBorder,
    /// A mass incident or a large public impact.
    MassImpact,
    /// The bureau decides to treat it as grave.
    BureauDecides,
}

impl Question {
    pub const ALL: [Question; 6] = [
        Question::DrinkingWater,
        Question::SensitivePeople,
        Question::HeavyMetals,
        Question::CrossBorder,
        Question::MassImpact,
        Question::BureauDecides,
    ];

    /// The id used in JSON and, with dashes, as the command-line flag.
    pub fn id(self) -> &'static str {
        match self {
            Question::DrinkingWater => "drinking_water",
            Question::SensitivePeople => "sensitive_people",
            Question::HeavyMetals => "heavy_metals",
            Question::CrossBorder => "cross_border",
            Question::MassImpact => "mass_impact",
            Question::BureauDecides => "bureau_decides",
        }
    }

    pub fn parse(s: &str) -> Option<Question> {
        let s = s.trim().to_ascii_lowercase().replace('-', "_");
        Question::ALL.into_iter().find(|q| q.id() == s)
    }
}

/// The answers to the six questions: the ones answered yes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Questions {
    pub yes: Vec<Question>,
}

impl Questions {
    pub fn new(yes: impl IntoIterator<Item = Question>) -> Self {
        let mut out = Questions::default();
        for q in yes {
            if !out.yes.contains(&q) {
                out.yes.push(q);
            }
        }
        out.yes
            .sort_by_key(|q| Question::ALL.iter().position(|a| a == q));
        out
    }

    pub fn any(&self) -> bool {
        !self.yes.is_empty()
    }

    pub fn has(&self, q: Question) -> bool {
        self.yes.contains(&q)
    }
}

/// The level of an incident as known now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Severity {
    Known(Level),
    /// Not yet determined; the answers decide which deadlines apply.
    Unknown(Questions),
}

impl Severity {
    /// `I`…`IV`, or `unknown`.
    pub fn id(&self) -> &'static str {
        match self {
            Severity::Known(l) => l.id(),
            Severity::Unknown(_) => "unknown",
        }
    }

    /// The levels whose deadlines apply: the known level; while unknown,
    /// I and II if any question is answered yes, else III and IV. Where
    /// those levels differ, the earlier deadline is kept.
    pub fn deadline_levels(&self) -> &'static [Level] {
        match self {
            Severity::Known(Level::I) => &[Level::I],
            Severity::Known(Level::II) => &[Level::II],
            Severity::Known(Level::III) => &[Level::III],
            Severity::Known(Level::IV) => &[Level::IV],
            Severity::Unknown(q) if q.any() => &[Level::I, Level::II],
            Severity::Unknown(_) => &[Level::III, Level::IV],
        }
    }

    /// True when the I/II deadlines apply.
    pub fn is_grave(&self) -> bool {
        self.deadline_levels().iter().all(|l| l.is_grave())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_parse_in_any_case_and_as_digits() {
        assert_eq!(Level::parse("iii"), Some(Level::III));
        assert_eq!(Level::parse("2"), Some(Level::II));
        assert_eq!(Level::parse(" IV "), Some(Level::IV));
        assert_eq!(Level::parse("V"), None);
        assert_eq!(Level::parse("unknown"), None);
    }

    #[test]
    fn an_unknown_level_with_one_yes_takes_the_grave_deadlines() {
        let none = Severity::Unknown(Questions::default());
        assert!(!none.is_grave());
        assert_eq!(none.deadline_levels(), &[Level::III, Level::IV]);
        for q in Question::ALL {
            let one = Severity::Unknown(Questions::new([q]));
            assert!(one.is_grave(), "{q:?}");
        }
        assert!(Severity::Known(Level::II).is_grave());
        assert!(!Severity::Known(Level::III).is_grave());
    }

    #[test]
    fn questions_are_kept_once_in_their_order() {
        let q = Questions::new([
            Question::BureauDecides,
            Question::DrinkingWater,
            Question::BureauDecides,
        ]);
        assert_eq!(
            q.yes,
            vec![Question::DrinkingWater, Question::BureauDecides]
        );
        assert_eq!(Question::parse("cross-border"), Some(Question::CrossBorder));
    }
}
