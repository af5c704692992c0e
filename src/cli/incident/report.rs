//! `gridwatch incident report ID --kind K [--sent --to WHOM]`: the Markdown
//! draft of an upward report (`report::draft`: the record's fields, the
//! deadline it answers, what is not yet known marked), and with `--sent`
//! the record that it was sent — through the operations layer, which is
//! what stops its countdown. The draft goes to stdout first, so that
//! `incident report 1 --kind initial > initial.md` keeps only the draft.

use crate::cli::{Context, Failure};
use crate::config::Config;
use crate::domain::incident::ReportKind;
use crate::ops::IncidentCommand;
use crate::store::{Durability, Incidents};

pub fn run(
    ctx: &Context,
    config: &Config,
    id: i64,
    kind: ReportKind,
    sent_to: Option<String>,
) -> Result<(), Failure> {
    let lang = ctx.lang(config);
    let store = ctx.open_store(config, Durability::Normal)?;
    let d = store.incident(id)?;
    drop(store);
    match sent_to {
        None => {
            out!(
                "{}",
                crate::report::draft(lang, config, &d, kind, ctx.now(), None)
            );
            Ok(())
        }
        Some(to) => super::write::act(ctx, config, IncidentCommand::ReportSent { id, kind, to }),
    }
}
