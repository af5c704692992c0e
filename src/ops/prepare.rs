//! A validated [`ComplaintInput`] + the configuration + the intake instant →
//! a [`NewComplaint`] with regime, deadline, reason and grid decided once.
//! Shared by the spool, the HTTP endpoint and phone entry at a console.

use chrono::{DateTime, Duration, Utc};

use super::input::{ComplaintInput, FieldError};
use crate::config::Config;
use crate::domain::NewComplaint;
use crate::domain::calendar::decide;
use crate::domain::geo::Point;
use crate::domain::grid::{Enterprise, Grid, GridSource};
use crate::text::quote;

/// How far in the future a `received_at` may be (clocks drift).
pub const FUTURE_TOLERANCE: Duration = Duration::minutes(10);

/// No complaint was received before this: an earlier `received_at` is a
/// typing or clock error (and would be shown in local mean time, +08:06).
pub const EARLIEST: &str = "2000-01-01T00:00:00Z";

/// Decide everything that is frozen at intake. `fallback_ref` names the record
/// when the source gave no `external_ref`, so a re-read file is still idempotent.
pub fn prepare(
    input: ComplaintInput,
    config: &Config,
    now: DateTime<Utc>,
    fallback_ref: impl FnOnce() -> String,
) -> Result<NewComplaint, FieldError> {
    let received_at = input.received_at.unwrap_or(now);
    let s = &config.settings;
    let local = |t: DateTime<Utc>| t.with_timezone(&s.timezone).to_rfc3339();
    if received_at > now + FUTURE_TOLERANCE {
        return Err(FieldError(format!(
            "`received_at` {} is in the future (now {})",
            local(received_at),
            local(now)
        )));
    }
    let earliest: DateTime<Utc> = EARLIEST.parse().unwrap_or(DateTime::<Utc>::MIN_UTC);
    if received_at < earliest {
        return Err(FieldError(format!(
            "`received_at` {} is before 2000: not a plausible time of receipt",
            received_at.to_rfc3339()
        )));
    }
    let max_age = s.limits.max_received_age;
    if received_at < now - max_age {
        return Err(FieldError(format!(
            "`received_at` {} is more than {} days before now ({}): not plausible ([limits] max_received_age_days)",
            local(received_at),
            max_age.num_days(),
            local(now)
        )));
    }
    let decision = decide(&config.calendar, &s.deadlines, &s.timezone, received_at);
    let point = input
        .lat
        .zip(input.lon)
        .map(|(lat, lon)| Point::new(lon, lat));
    let chosen = choose_grid_at(
        config,
        input.grid.as_deref(),
        input.enterprise.as_deref(),
        point,
        input.address.as_deref(),
    );
    let grid_source = chosen.source();
    Ok(NewComplaint {
        source: input.source,
        external_ref: input.external_ref.unwrap_or_else(fallback_ref),
        received_at,
        regime: decision.regime,
        regime_reason: decision.reason,
        day_kind: decision.day.kind.code(),
        deadline_at: decision.deadline_at,
        grid: chosen.grid.map(|g| g.id.clone()),
        grid_source,
        enterprise: chosen.enterprise.map(|e| e.id.clone()),
        categories: input.categories,
        description: input.description,
        address: input.address,
        lat: input.lat,
        lon: input.lon,
        reporter_name: input.reporter_name,
        reporter_phone: input.reporter_phone,
        reporter_anonymous: input.reporter_anonymous,
        raw_json: input.raw,
    })
}

/// A complaint's grid as intake decides it (DESIGN.md §5: explicit grid →
/// enterprise's grid → its point's grid boundary → address alias → unassigned), with the ids it was
/// given that are not known. The console's new-complaint form shows this
/// before saving; [`prepare`] stores it.
#[derive(Debug, Clone, PartialEq)]
pub struct GridChoice<'a> {
    pub grid: Option<&'a Grid>,
    pub how: GridSource,
    /// A copy: the register may be replaced while the choice is in use.
    pub enterprise: Option<Enterprise>,
    /// A grid id was given that no grid has.
    pub unknown_grid: Option<String>,
    /// An enterprise id was given that no enterprise has.
    pub unknown_enterprise: Option<String>,
}

impl GridChoice<'_> {
    /// How the grid was decided, as the complaint keeps it (`grid_source`):
    /// `explicit`, `enterprise:E0101`, `alias:石桥镇` or `unassigned`, with
    /// unknown ids kept visible — they are never a reason to lose a complaint.
    pub fn source(&self) -> String {
        let mut s = match &self.how {
            GridSource::Explicit => "explicit".to_string(),
            GridSource::Enterprise(id) => format!("enterprise:{id}"),
            GridSource::Alias(a) => format!("alias:{a}"),
            GridSource::Polygon => "polygon".to_string(),
            GridSource::Unassigned => "unassigned".to_string(),
        };
        if let Some(g) = &self.unknown_grid {
            s.push_str(&format!(" (unknown grid '{}' given)", quote(g)));
        }
        if let Some(e) = &self.unknown_enterprise {
            s.push_str(&format!(" (unknown enterprise '{}' given)", quote(e)));
        }
        s
    }
}

/// Decide a complaint's grid from what it names.
pub fn choose_grid<'a>(
    config: &'a Config,
    grid: Option<&str>,
    enterprise: Option<&str>,
    address: Option<&str>,
) -> GridChoice<'a> {
    choose_grid_at(config, grid, enterprise, None, address)
}

/// [`choose_grid`] with the complaint's WGS-84 point, placed in the
/// boundaries of `config/grids.geojson` before the aliases are tried.
pub fn choose_grid_at<'a>(
    config: &'a Config,
    grid: Option<&str>,
    enterprise: Option<&str>,
    point: Option<Point>,
    address: Option<&str>,
) -> GridChoice<'a> {
    let (grid, enterprise_id) = (grid.map(String::from), enterprise.map(String::from));
    let register = config.enterprises.current();
    let enterprise = enterprise_id.as_deref().and_then(|id| register.get(id));
    let placed = point.and_then(|p| config.map.place(p));
    let (chosen, how) = config
        .grids
        .resolve_at(grid.as_deref(), enterprise, placed, address);
    GridChoice {
        grid: chosen,
        how,
        enterprise: enterprise.cloned(),
        unknown_grid: grid.filter(|g| config.grids.get(g).is_none()),
        unknown_enterprise: enterprise_id.filter(|e| !register.contains_key(e)),
    }
}
