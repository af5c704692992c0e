//! Open311 GeoReport v2 as gridwatch speaks it (DESIGN.md §4.4), pure:
//! the services (one per category), discovery, the jurisdiction check, the
//! error object, and complaint rows → request objects. What a request
//! sends is read in `fields.rs`; transport (sockets, status codes on the
//! wire) lives in `http.rs`.

use chrono::{DateTime, SecondsFormat, Utc};
use chrono_tz::Tz;
use serde_json::{Value, json};

use crate::domain::ComplaintRow;
use crate::domain::complaint::{Category, Status};
use crate::text::quote;

/// An Open311 error: the HTTP status and the description for the error array.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: u16,
    pub description: String,
}

impl ApiError {
    pub fn new(status: u16, description: impl Into<String>) -> Self {
        ApiError {
            status,
            description: description.into(),
        }
    }

    /// The Open311 error body: `[{"code": 400, "description": "..."}]`.
    pub fn body(&self) -> Value {
        json!([{"code": self.status, "description": self.description}])
    }
}

pub fn service_name(c: Category) -> &'static str {
    match c {
        Category::Air => "Air pollution (大气污染)",
        Category::Water => "Water pollution (水污染)",
        Category::Noise => "Noise (噪声污染)",
        Category::SolidWaste => "Solid waste (固体废物)",
        Category::Radiation => "Radiation (辐射)",
        Category::Ecology => "Ecological damage (生态破坏)",
        Category::Other => "Other environmental complaint (其他)",
    }
}

fn service(c: Category) -> Value {
    json!({
        "service_code": c.as_str(),
        "service_name": service_name(c),
        "description": format!("{}: on site within 30 min on working days, 60 min at night and on non-working days", service_name(c)),
        "metadata": true,
        "type": "realtime",
        "keywords": "pollution, environment, 12369",
        "group": "environment",
    })
}

/// `GET services.json`
pub fn services() -> Value {
    Value::Array(Category::ALL.into_iter().map(service).collect())
}

/// `GET services/{code}.json`: the extra attributes a request may carry.
pub fn service_definition(code: &str) -> Option<Value> {
    let c = Category::parse(code)?;
    let attr = |order: u32, code: &str, datatype: &str, description: &str| {
        json!({"variable": true, "code": code, "datatype": datatype, "required": false,
               "datatype_description": "", "order": order, "description": description})
    };
    Some(json!({
        "service_code": c.as_str(),
        "attributes": [
            attr(1, "external_ref", "string", "Id in the sending system; a request resent with the same external_ref and source is stored once"),
            attr(2, "source", "string", "hotline|phone|web|wechat|letter|visit|referral|media|self|monitoring (default web)"),
            attr(3, "received_at", "datetime", "When the complaint reached the sender, RFC 3339 with offset (default: now)"),
            attr(4, "grid", "string", "Grid id, when the sender knows it"),
            attr(5, "enterprise", "string", "Enterprise id of the suspected source"),
        ],
    }))
}

/// When the service list or definitions last changed (discovery's `changeset`).
pub const CHANGESET: &str = "2026-11-30T00:00:00Z";

/// `GET /open311/discovery.json`: where the GeoReport v2 endpoint is, and its formats.
pub fn discovery(endpoint_url: &str, jurisdiction: Option<&str>) -> Value {
    json!({
        "changeset": CHANGESET,
        "contact": format!(
            "The duty room of the environmental bureau{} (hotline 12369)",
            jurisdiction.map(|j| format!(", jurisdiction_id {j}")).unwrap_or_default()
        ),
        "key_service": "API keys are issued by the bureau's duty room ([http] api_keys or GRIDWATCH_API_KEYS)",
        "endpoints": [{
            "specification": "http://wiki.open311.org/GeoReport_v2",
            "url": endpoint_url,
            "changeset": CHANGESET,
            "type": "production",
            "formats": ["text/xml", "application/json"],
        }],
    })
}

/// Check a request's `jurisdiction_id` against the one served: absent or
/// blank is fine (one jurisdiction per endpoint); another one is a 404.
pub fn check_jurisdiction(given: Option<&str>, served: Option<&str>) -> Result<(), ApiError> {
    match (given, served) {
        (None, _) | (_, None) => Ok(()),
        (Some(g), Some(s)) if g == s => Ok(()),
        (Some(g), Some(s)) => Err(ApiError::new(
            404,
            format!(
                "jurisdiction_id '{}' not found; this endpoint serves '{s}'",
                quote(g)
            ),
        )),
    }
}

fn time(t: DateTime<Utc>, tz: &Tz) -> String {
    t.with_timezone(tz)
        .to_rfc3339_opts(SecondsFormat::Secs, false)
}

/// A complaint as an Open311 service request.
pub fn request_json(c: &ComplaintRow, grid_name: Option<&str>, tz: &Tz) -> Value {
    let status = if c.status.is_open() { "open" } else { "closed" };
    let mut notes = c.status.as_str().to_string();
    if let Some(o) = c.outcome {
        notes.push_str(&format!(": {}", o.as_str()));
    }
    if let Some(n) = c.status_note.as_deref() {
        notes.push_str(&format!(" ({n})"));
    }
    if c.status == Status::OnScene || c.status == Status::Handling {
        if let Some(a) = c.arrived_at {
            notes.push_str(&format!(", on site since {}", time(a, tz)));
        }
    }
    json!({
        "service_request_id": c.id.to_string(),
        "status": status,
        "status_notes": notes,
        "service_name": service_name(c.category()),
        "service_code": c.category().as_str(),
        "description": c.description,
        "agency_responsible": match (&c.grid, grid_name) {
            (Some(g), Some(n)) => format!("{g} {n}"),
            (Some(g), None) => g.clone(),
            (None, _) => "unassigned".to_string(),
        },
        "service_notice": format!("on site by {} ({})", time(c.deadline_at, tz), c.regime_reason),
        "requested_datetime": time(c.received_at, tz),
        "updated_datetime": time(c.updated_at, tz),
        "expected_datetime": time(c.deadline_at, tz),
        "address": c.address,
        "address_id": null,
        "zipcode": null,
        "lat": c.lat,
        "long": c.lon,
        "media_url": null,
    })
}
