//! Outflow-section water quality (出境断面水质, #12): the class of a
//! reading under GB 3838-2002 and the verdict of a section over months.
//!
//! Owns the rules (the README says the same):
//! - **Classes** I, II, III, IV, V and 劣V (worse than V), best to worst.
//! - **A reading** is either a class as the lab gave it, or parameter
//!   concentrations ([`gb3838::TABLE`], mg/L). By parameters its class is
//!   the worst parameter's (单因子评价), and that parameter is kept. A value
//!   exactly at a limit belongs to the better class (≤ for concentrations,
//!   ≥ for dissolved oxygen, where higher is better); pH outside 6–9 is
//!   worse than V. An unknown parameter code is refused.
//! - **A section's month** (local calendar month) is the worst class of its
//!   readings that month; it **passes** when that class is no worse than
//!   the section's target, **fails** when worse; a month without a reading
//!   is **no data** (not a pass).
//! - **A period** (the calendar months from its first day's to its last
//!   day's, each month judged whole) **fails** if any month failed, else
//!   **passes** if every month had data, else is **incomplete**.
//!
//! Pure: no IO, no clock.

pub mod gb3838;
pub mod months;
#[cfg(test)]
mod tests;

use serde::Serialize;

/// A water-quality class of GB 3838-2002, best (I) to worst (劣V).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Class {
    I = 1,
    II,
    III,
    IV,
    V,
    /// 劣V: beyond the class V limit of some parameter.
    WorseThanV,
}

impl Class {
    pub const ALL: [Class; 6] = [
        Class::I,
        Class::II,
        Class::III,
        Class::IV,
        Class::V,
        Class::WorseThanV,
    ];

    /// 1–5 for I–V, 6 for 劣V (as stored).
    pub fn number(self) -> u8 {
        self as u8
    }

    pub fn from_number(n: i64) -> Option<Class> {
        Class::ALL
            .get(usize::try_from(n).ok()?.checked_sub(1)?)
            .copied()
    }

    /// "III", "劣V": the short form, also the id in JSON and CSV.
    pub fn roman(self) -> &'static str {
        ["I", "II", "III", "IV", "V", "劣V"][usize::from(self.number() - 1)]
    }

    /// "Ⅲ类", "劣Ⅴ类": as Chinese documents write it.
    pub fn zh(self) -> &'static str {
        ["Ⅰ类", "Ⅱ类", "Ⅲ类", "Ⅳ类", "Ⅴ类", "劣Ⅴ类"][usize::from(self.number() - 1)]
    }

    /// Read a class: `I`..`V` (ASCII capitals) or `Ⅰ`..`Ⅴ` (Unicode Roman
    /// numerals), optionally followed by `类`; `劣V`, `劣Ⅴ` (also with `类`)
    /// for worse than V.
    pub fn parse(s: &str) -> Option<Class> {
        let s = s.trim();
        let s = s.strip_suffix('类').unwrap_or(s).trim_end();
        if let Some(rest) = s.strip_prefix('劣') {
            return matches!(rest, "V" | "Ⅴ").then_some(Class::WorseThanV);
        }
        Some(match s {
            "I" | "Ⅰ" => Class::I,
            "II" | "Ⅱ" => Class::II,
            "III" | "Ⅲ" => Class::III,
            "IV" | "Ⅳ" => Class::IV,
            "V" | "Ⅴ" => Class::V,
            _ => return None,
        })
    }

    /// Whether this class meets `target` (is no worse).
    pub fn meets(self, target: Class) -> bool {
        self <= target
    }
}

impl Serialize for Class {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.roman())
    }
}

/// An outflow section (出境断面) of a township, from `sections.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub id: String,
    pub name: String,
    pub river: String,
    /// The township grid (level 2) whose outflow it measures.
    pub grid: String,
    /// Its target class (I–V).
    pub target: Class,
}

/// Why a reading's parameters could not be classed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum WaterError {
    #[error("unknown parameter '{code}'; the parameters are {known}")]
    UnknownParam { code: String, known: String },
    #[error("{code} = {text} is not a number of 0 or more")]
    BadValue { code: String, text: String },
    #[error("{code} is given twice")]
    Twice { code: String },
    #[error("pH {value} is not a pH (0 to 14)")]
    BadPh { value: f64 },
    #[error("{code} = {text} is above {max} {unit}, more than any surface water holds: a typo?")]
    TooHigh {
        code: String,
        text: String,
        max: String,
        unit: String,
    },
}

/// A reading's class and the parameter that set it (`None`: the class was
/// given as such, or no parameter was worse than class I).
#[derive(Debug, Clone, PartialEq)]
pub struct Classed {
    pub class: Class,
    pub worst: Option<&'static str>,
}

/// The class of one value of `param`.
pub fn class_of(param: &gb3838::Param, value: f64) -> Class {
    use gb3838::Rule;
    let index = match param.rule {
        Rule::AtMost(limits) => limits.iter().position(|l| value <= *l),
        Rule::AtLeast(limits) => limits.iter().position(|l| value >= *l),
        Rule::Range(low, high) => (low..=high).contains(&value).then_some(0),
    };
    index.map_or(Class::WorseThanV, |i| Class::ALL[i])
}

/// Parameters as written (`code`, value): checked, under their table codes.
pub fn parameters(
    given: &[(String, f64)],
) -> Result<Vec<(&'static gb3838::Param, f64)>, WaterError> {
    let mut out: Vec<(&'static gb3838::Param, f64)> = Vec::new();
    for (code, value) in given {
        let param = gb3838::find(code).ok_or_else(|| WaterError::UnknownParam {
            code: code.clone(),
            known: gb3838::codes(),
        })?;
        if !value.is_finite() || *value < 0.0 {
            return Err(WaterError::BadValue {
                code: param.code.into(),
                text: value.to_string(),
            });
        }
        if param.code == "pH" && *value > 14.0 {
            return Err(WaterError::BadPh { value: *value });
        }
        if param.code != "pH" && *value > param.ceiling() {
            return Err(WaterError::TooHigh {
                code: param.code.into(),
                text: format!("{value:e}"),
                max: format!("{:e}", param.ceiling()),
                unit: param.unit.into(),
            });
        }
        if out.iter().any(|(p, _)| p.code == param.code) {
            return Err(WaterError::Twice {
                code: param.code.into(),
            });
        }
        out.push((param, *value));
    }
    Ok(out)
}

/// The class of checked parameters: the worst parameter's (the first in
/// the table's order among equals). `None` when there are none.
pub fn classify(params: &[(&'static gb3838::Param, f64)]) -> Option<Classed> {
    let mut best: Option<Classed> = None;
    let order = |p: &gb3838::Param| gb3838::TABLE.iter().position(|t| t.code == p.code);
    let mut sorted: Vec<_> = params.to_vec();
    sorted.sort_by_key(|(p, _)| order(p));
    for (param, value) in sorted {
        let class = class_of(param, value);
        if best.as_ref().is_none_or(|b| class > b.class) {
            best = Some(Classed {
                class,
                worst: (class > Class::I).then_some(param.code),
            });
        }
    }
    best
}

/// A month's verdict for one section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MonthVerdict {
    Pass,
    Fail,
    NoData,
}

/// The verdict of a section's month: its worst class against the target.
pub fn month_verdict(worst: Option<Class>, target: Class) -> MonthVerdict {
    match worst {
        None => MonthVerdict::NoData,
        Some(c) if c.meets(target) => MonthVerdict::Pass,
        Some(_) => MonthVerdict::Fail,
    }
}

/// A period's verdict for one section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodVerdict {
    Pass,
    Fail,
    Incomplete,
}

/// Fail if any month failed, else pass if every month had data (and there
/// was a month), else incomplete.
pub fn period_verdict(months: &[MonthVerdict]) -> PeriodVerdict {
    if months.contains(&MonthVerdict::Fail) {
        PeriodVerdict::Fail
    } else if !months.is_empty() && months.iter().all(|m| *m == MonthVerdict::Pass) {
        PeriodVerdict::Pass
    } else {
        PeriodVerdict::Incomplete
    }
}

/// A reading ready to store: its class decided (given, or by [`classify`]).
#[derive(Debug, Clone, PartialEq)]
pub struct NewReading {
    pub section: String,
    pub sampled_at: chrono::DateTime<chrono::Utc>,
    pub class: Class,
    /// The concentrations given, under their table codes, in the table's
    /// order; empty when only a class was given.
    pub params: Vec<(&'static str, f64)>,
    /// The parameter that set the class.
    pub worst: Option<&'static str>,
    /// Where it came from: `entry` (typed), `import:FILE:LINE`, `demo`.
    pub origin: String,
}

impl NewReading {
    /// A reading of `section` at `sampled_at` from checked parameters, or
    /// from a class given as such (`params` empty).
    pub fn new(
        section: &str,
        sampled_at: chrono::DateTime<chrono::Utc>,
        given: Option<Class>,
        params: &[(&'static gb3838::Param, f64)],
        origin: &str,
    ) -> Option<NewReading> {
        let classed = match given {
            Some(class) => Classed { class, worst: None },
            None => classify(params)?,
        };
        let mut params: Vec<(&'static gb3838::Param, f64)> = params.to_vec();
        params.sort_by_key(|(p, _)| gb3838::TABLE.iter().position(|t| t.code == p.code));
        Some(NewReading {
            section: section.to_string(),
            sampled_at,
            class: classed.class,
            params: params.iter().map(|(p, v)| (p.code, *v)).collect(),
            worst: classed.worst,
            origin: origin.to_string(),
        })
    }
}

/// A stored reading.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReadingRow {
    pub id: i64,
    pub section: String,
    pub sampled_at: chrono::DateTime<chrono::Utc>,
    pub class: Class,
    /// `{code: value}` as stored (the table's codes).
    pub params: Vec<(String, f64)>,
    pub worst: Option<String>,
    pub origin: String,
    pub at: chrono::DateTime<chrono::Utc>,
    pub by: String,
}

/// What recording one reading of a batch did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    New(i64),
    /// The same reading (section, instant, class and values) was stored
    /// before under this id: nothing recorded twice.
    Same(i64),
}

/// What recording a batch did: all of it, or nothing because reading
/// `index` of the batch has the section and instant of a stored reading
/// with other values.
#[derive(Debug, Clone, PartialEq)]
pub enum Recorded {
    Done(Vec<Written>),
    Conflict { index: usize, stored: ReadingRow },
}
