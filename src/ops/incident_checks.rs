//! Checks of incident commands against the incident as recorded (#10):
//! a role must be one of its frozen plan roles (for ad-hoc steps too); a
//! complaint opens a second incident only on purpose.

use super::command::OpError;
use crate::domain::incident::{IncidentDetail, IncidentError, IncidentFilter};
use crate::store::Incidents;

/// Complaint `complaint` has no open incident yet.
/// A drill and a real incident never block each other: a drill run on a
/// real complaint must not stand in the way when the real thing is opened.
pub(super) fn no_open_incident<S: Incidents>(
    store: &S,
    complaint: i64,
    drill: bool,
) -> Result<(), OpError> {
    let open = store.incidents(IncidentFilter {
        open_only: true,
        no_drills: false,
    })?;
    match open
        .iter()
        .find(|r| r.complaint_id == Some(complaint) && r.drill == drill)
    {
        Some(r) => Err(IncidentError::ComplaintHasIncident {
            complaint,
            incident: r.id,
        }
        .into()),
        None => Ok(()),
    }
}

/// `role` is one of the incident's frozen plan roles, or (for an
/// assignment already recorded under an older rule) the role `officer`
/// already holds there, so such a person can still be moved on and released.
pub(super) fn role<S: Incidents>(
    store: &S,
    id: i64,
    role: &str,
    officer: Option<&str>,
) -> Result<(), OpError> {
    let role = role.trim();
    if role.is_empty() {
        // The store words an empty role on its own.
        return Ok(());
    }
    let d: IncidentDetail = store.incident(id)?;
    let planned = d.roles.iter().any(|r| r.role == role);
    let held =
        officer.is_some_and(|o| d.personnel.iter().any(|p| p.officer == o && p.role == role));
    if planned || held {
        Ok(())
    } else {
        Err(IncidentError::NoSuchRole {
            id,
            role: role.to_string(),
            roles: d.roles,
        }
        .into())
    }
}
