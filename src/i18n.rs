//! Every user-facing string of the consoles, in English and Chinese.
//!
//! Owns: the language switch and the text table. Views and commands ask for a
//! [`Text`] key; they never hold literal UI text themselves.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "en" => Some(Lang::En),
            "zh" => Some(Lang::Zh),
            _ => None,
        }
    }
}
