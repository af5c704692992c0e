//! The census of a pollution source (污染底数, #11): what the register says
//! about an enterprise beyond its name, grid and control level — industry,
//! environmental impact assessment (环评), "three simultaneities" (三同时),
//! discharge permit, main pollutants and where they go, sensitive receptors
//! nearby — and the dates the patrol rule starts from.
//!
//! Every field may be unknown: a register written before #11 still loads.

use chrono::NaiveDate;
use serde::Serialize;

/// 环评: the environmental impact assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Eia {
    Approved,
    Pending,
    None,
}

/// 三同时: pollution control designed, built and put in use with the plant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ThreeSimultaneities {
    Complete,
    Partial,
    None,
}

impl Eia {
    pub const ALL: [Eia; 3] = [Eia::Approved, Eia::Pending, Eia::None];

    pub fn as_str(self) -> &'static str {
        match self {
            Eia::Approved => "approved",
            Eia::Pending => "pending",
            Eia::None => "none",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

impl ThreeSimultaneities {
    pub const ALL: [ThreeSimultaneities; 3] = [
        ThreeSimultaneities::Complete,
        ThreeSimultaneities::Partial,
        ThreeSimultaneities::None,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ThreeSimultaneities::Complete => "complete",
            ThreeSimultaneities::Partial => "partial",
            ThreeSimultaneities::None => "none",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// The discharge permit (排污许可证): its number, or known to have none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Permit {
    Number(String),
    None,
}

impl Permit {
    /// `none` (any case) is no permit; anything else is its number.
    pub fn parse(s: &str) -> Permit {
        if s.trim().eq_ignore_ascii_case("none") {
            Permit::None
        } else {
            Permit::Number(s.trim().to_string())
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            Permit::Number(n) => n,
            Permit::None => "none",
        }
    }
}

/// What the register says about a source; `None`/empty: not recorded.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Census {
    pub industry: Option<String>,
    pub eia: Option<Eia>,
    pub three_simultaneities: Option<ThreeSimultaneities>,
    pub permit: Option<Permit>,
    pub pollutants: Vec<String>,
    /// Where the discharge goes (a river, a sewage works, the air).
    pub discharge_to: Option<String>,
    pub receptors: Vec<String>,
    /// When the source entered the register: never inspected, it is due then.
    pub registered: Option<NaiveDate>,
    /// The last inspection before gridwatch kept records (the paper register).
    pub last_inspected: Option<NaiveDate>,
}

impl Census {
    /// Gaps worth a look: no EIA, "three simultaneities" not complete, no permit.
    pub fn gaps(&self) -> usize {
        usize::from(self.eia == Some(Eia::None))
            + usize::from(matches!(
                self.three_simultaneities,
                Some(ThreeSimultaneities::None | ThreeSimultaneities::Partial)
            ))
            + usize::from(self.permit == Some(Permit::None))
    }
}
