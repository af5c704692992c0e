//! Who acts: stamped on every audit record.

use crate::clock::ClockMode;

/// Who is acting, from where, on which clock: stamped on every audit record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub name: String,
    pub console: String,
    pub clock: ClockMode,
}

impl Actor {
    pub fn new(name: impl Into<String>, console: impl Into<String>, clock: ClockMode) -> Self {
        Actor {
            name: name.into(),
            console: console.into(),
            clock,
        }
    }

    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.name = name.into();
        self
    }
}
