//! Sudden environmental incidents (突发环境事件): the pure rules.
//!
//! An incident is run from a plan (预案): ordered steps with due offsets from
//! the discovery time, personnel roles with counts, equipment and materials
//! with quantities. Opening an incident freezes a copy of its plan, so a plan
//! edited later never changes a running incident.
//!
//! - `level`: levels I–IV, the unknown level with its six questions, and
//!   which levels' deadlines apply.
//! - `plan`: a plan and the depots' inventory, as configuration validated them.
//! - `state`: incident, step and personnel states and their legal moves.
//! - `records`: what the store keeps and answers (rows of an incident).
//! - `resources`: shortfalls of people and of equipment and materials.
//! - `error`: why an incident action was refused; `writes`: what a change asks and answers.

pub mod error;
pub mod level;
pub mod plan;
pub mod records;
pub mod resources;
pub mod state;
pub mod writes;

pub use error::IncidentError;
pub use level::{Level, Question, Questions, Severity};
pub use plan::{
    Bilingual, Depot, DueOffsets, Inventory, Item, ItemKind, ItemNeed, Plan, PlanStep, ReportRules,
    RoleNeed,
};
pub use records::{
    IncidentDetail, IncidentFilter, IncidentRow, ItemMove, ItemRow, NewIncident, PersonRow,
    ReportRow, StepRow,
};
pub use state::{Fact, IncidentStatus, Movement, PersonStatus, ReportKind, StepChange, StepState};
pub use writes::{ItemMoveRequest, LevelChange};
