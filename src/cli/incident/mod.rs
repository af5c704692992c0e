//! `gridwatch incident …`: emergency incidents on the command line (issue
//! #10 item 9, DESIGN.md §4.1 and §4.6).
//!
//! - `args`: the clap definitions.
//! - `parse`: values checked and turned into the domain's types (exit 1 with one line).
//! - `write`: every change through `ops::perform`, its outcome in words.
//! - `read`: `list`, `show`, `plans` and `report`'s draft.
//! - `json`, `show`, `plans`, `words`: how incidents look, for scripts and for people.

mod args;
mod json;
mod parse;
mod show;
mod words;

pub use args::{IncidentAction, QuestionFlags};

use super::{Context, Failure};

/// Run one `incident` action.
pub fn run(_ctx: &Context, _action: IncidentAction) -> Result<(), Failure> {
    Err(Failure::Internal(
        "incident commands are not wired yet".into(),
    ))
}
