//! `gridwatch incident …`: emergency incidents on the command line (issue
//! #10 item 9, DESIGN.md §4.1 and §4.6).
//!
//! - `args`: the clap definitions.
//! - `parse`: values checked and turned into the domain's types (exit 1 with one line).
//! - `write`: every change through `ops::perform`, its outcome in words;
//!   `close`: what a closed incident still has open or out, as warnings.
//! - `read`: `list`, `show`, `plans` and `report`'s draft.
//! - `json`, `show`, `resources`, `plans`, `words`, `table`: how incidents look, for scripts and for people
//!   (long cells wrap within their column, never cut).

mod alerts;
mod args;
mod close;
mod json;
mod parse;
mod plans;
mod read;
mod report;
mod resources;
mod show;
mod table;
mod words;
mod write;

pub use args::IncidentAction;

use super::{Context, Failure};

/// Run one `incident` action.
pub fn run(ctx: &Context, action: IncidentAction) -> Result<(), Failure> {
    let config = ctx.config()?;
    let lang = ctx.lang(&config);
    match action {
        IncidentAction::List { open, json } => read::list(ctx, &config, open, json),
        IncidentAction::Show { id, json } => read::show(ctx, &config, id, json),
        IncidentAction::Plans { json } => plans::run(ctx, &config, json),
        IncidentAction::Report { id, kind, sent, to } => {
            let kind = parse::report_kind(lang, &kind)?;
            report::run(ctx, &config, id, kind, sent.then_some(to).flatten())
        }
        write_action => match write::command(lang, &config, ctx.now(), write_action)? {
            Some(cmd) => write::act(ctx, &config, cmd),
            None => Ok(()),
        },
    }
}
