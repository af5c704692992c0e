//! What the event loop must do after an update: the update's only way out.

use crate::ops::Command;

/// What the event loop must do after an update.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Write(Command),
    /// From now on this console's actions are this officer's (the incoming
    /// officer of a handover confirmed here): the audit log names them.
    ActAs(String),
    Bell,
    Notify {
        title: String,
        body: String,
    },
    /// Save a report draft as file `name` (made unique) in the working directory.
    SaveDraft {
        name: String,
        text: String,
    },
}
