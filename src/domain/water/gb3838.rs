//! GB 3838-2002 《地表水环境质量标准》, Table 1 (basic items, 表1 基本项目
//! 标准限值), written once. Concentrations in mg/L unless the unit says
//! otherwise; pH has no unit; fecal coliform is counted per litre.
//!
//! Left out: water temperature (item 1), whose limit is a change against
//! the natural temperature, not a class. Total phosphorus is the river
//! column (lakes and reservoirs have stricter limits in brackets in the
//! standard); total nitrogen is written in the standard for lakes and
//! reservoirs and is counted here when a reading gives it, like every
//! other parameter given.

/// How a parameter's limits read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Rule {
    /// Class I–V limits, each "at most" (≤): a value at a limit is in that class.
    AtMost([f64; 5]),
    /// Class I–V limits, each "at least" (≥): higher is better (dissolved oxygen).
    AtLeast([f64; 5]),
    /// Within `[low, high]` for every class I–V; outside it is worse than V (pH).
    Range(f64, f64),
}

/// One parameter of Table 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Param {
    /// Short ASCII code, as written in readings and CSV headers.
    pub code: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    /// `mg/L`, `个/L` (fecal coliform) or empty (pH).
    pub unit: &'static str,
    pub rule: Rule,
}

use Rule::{AtLeast, AtMost, Range};

const fn p(code: &'static str, zh: &'static str, en: &'static str, rule: Rule) -> Param {
    Param {
        code,
        zh,
        en,
        unit: "mg/L",
        rule,
    }
}

/// Table 1 in the standard's order (items 2–24). Limits for classes I, II,
/// III, IV, V.
pub const TABLE: &[Param] = &[
    Param {
        code: "pH",
        zh: "pH值",
        en: "pH",
        unit: "",
        rule: Range(6.0, 9.0),
    },
    p(
        "DO",
        "溶解氧",
        "dissolved oxygen",
        AtLeast([7.5, 6.0, 5.0, 3.0, 2.0]),
    ),
    p(
        "CODMn",
        "高锰酸盐指数",
        "permanganate index",
        AtMost([2.0, 4.0, 6.0, 10.0, 15.0]),
    ),
    p(
        "COD",
        "化学需氧量",
        "chemical oxygen demand",
        AtMost([15.0, 15.0, 20.0, 30.0, 40.0]),
    ),
    p(
        "BOD5",
        "五日生化需氧量",
        "five-day biochemical oxygen demand",
        AtMost([3.0, 3.0, 4.0, 6.0, 10.0]),
    ),
    p(
        "NH3-N",
        "氨氮",
        "ammonia nitrogen",
        AtMost([0.15, 0.5, 1.0, 1.5, 2.0]),
    ),
    p(
        "TP",
        "总磷",
        "total phosphorus",
        AtMost([0.02, 0.1, 0.2, 0.3, 0.4]),
    ),
    p(
        "TN",
        "总氮",
        "total nitrogen",
        AtMost([0.2, 0.5, 1.0, 1.5, 2.0]),
    ),
    p("Cu", "铜", "copper", AtMost([0.01, 1.0, 1.0, 1.0, 1.0])),
    p("Zn", "锌", "zinc", AtMost([0.05, 1.0, 1.0, 2.0, 2.0])),
    p("F", "氟化物", "fluoride", AtMost([1.0, 1.0, 1.0, 1.5, 1.5])),
    p(
        "Se",
        "硒",
        "selenium",
        AtMost([0.01, 0.01, 0.01, 0.02, 0.02]),
    ),
    p("As", "砷", "arsenic", AtMost([0.05, 0.05, 0.05, 0.1, 0.1])),
    p(
        "Hg",
        "汞",
        "mercury",
        AtMost([0.00005, 0.00005, 0.0001, 0.001, 0.001]),
    ),
    p(
        "Cd",
        "镉",
        "cadmium",
        AtMost([0.001, 0.005, 0.005, 0.005, 0.01]),
    ),
    p(
        "Cr6",
        "铬(六价)",
        "chromium (VI)",
        AtMost([0.01, 0.05, 0.05, 0.05, 0.1]),
    ),
    p("Pb", "铅", "lead", AtMost([0.01, 0.01, 0.05, 0.05, 0.1])),
    p(
        "CN",
        "氰化物",
        "cyanide",
        AtMost([0.005, 0.05, 0.2, 0.2, 0.2]),
    ),
    p(
        "phenol",
        "挥发酚",
        "volatile phenol",
        AtMost([0.002, 0.002, 0.005, 0.01, 0.1]),
    ),
    p(
        "oil",
        "石油类",
        "petroleum",
        AtMost([0.05, 0.05, 0.05, 0.5, 1.0]),
    ),
    p(
        "LAS",
        "阴离子表面活性剂",
        "anionic surfactant (LAS)",
        AtMost([0.2, 0.2, 0.2, 0.3, 0.3]),
    ),
    p("S", "硫化物", "sulfide", AtMost([0.05, 0.1, 0.2, 0.5, 1.0])),
    Param {
        code: "FC",
        zh: "粪大肠菌群",
        en: "fecal coliform",
        unit: "个/L",
        rule: AtMost([200.0, 2000.0, 10000.0, 20000.0, 40000.0]),
    },
];

/// The highest concentration taken as a reading, in mg/L: 100 g/L, above
/// any surface water (seawater holds 35 g/L of salt); a larger value is a
/// typo (`1e308`), not a measurement.
pub const MAX_MG_PER_L: f64 = 1e5;
/// The highest fecal coliform count taken, per litre (raw sewage is
/// about 10^9).
pub const MAX_FC_PER_L: f64 = 1e10;

impl Param {
    /// The largest value of this parameter taken as a reading (pH: 14).
    pub fn ceiling(&self) -> f64 {
        match (self.rule, self.unit) {
            (Rule::Range(..), _) => 14.0,
            (_, "mg/L") => MAX_MG_PER_L,
            _ => MAX_FC_PER_L,
        }
    }
}

/// The parameter written as `code`: its code (ASCII case ignored) or its
/// Chinese name.
pub fn find(code: &str) -> Option<&'static Param> {
    let code = code.trim();
    TABLE
        .iter()
        .find(|p| p.code.eq_ignore_ascii_case(code) || p.zh == code)
}

/// Every code, for the message that refuses an unknown one.
pub fn codes() -> String {
    TABLE.iter().map(|p| p.code).collect::<Vec<_>>().join(", ")
}
