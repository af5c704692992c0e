//! One complaint as JSON (DESIGN.md §4.2) → a validated [`ComplaintInput`]:
//! the same rules for a spool record, an Open311 POST and a console's phone entry.
//!
//! Owns: the field rules and size limits, with one-line reasons that name the
//! record and the field. Pure: no IO, no clock. Unknown fields are kept in the
//! raw JSON and otherwise ignored; text is kept as received (neutralised only
//! on display).

use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::config::Limits;
use crate::domain::complaint::{Category, Source};
use crate::domain::coords::Crs;
use crate::text::quote;

/// One complaint as received, checked field by field.
#[derive(Debug, Clone, PartialEq)]
pub struct ComplaintInput {
    pub source: Source,
    pub external_ref: Option<String>,
    pub received_at: Option<DateTime<Utc>>,
    pub categories: Vec<Category>,
    pub description: String,
    pub address: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub grid: Option<String>,
    pub enterprise: Option<String>,
    pub reporter_name: Option<String>,
    pub reporter_phone: Option<String>,
    pub reporter_anonymous: bool,
    /// The record exactly as received (unknown fields included).
    pub raw: String,
}

/// Why a record was refused: the field, and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct FieldError(pub String);

fn err<T>(msg: impl Into<String>) -> Result<T, FieldError> {
    Err(FieldError(msg.into()))
}

fn text(
    v: &Value,
    field: &str,
    max_chars: usize,
    required: bool,
) -> Result<Option<String>, FieldError> {
    match v.get(field) {
        None | Some(Value::Null) if required => err(format!("missing field `{field}`")),
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => {
            let n = s.chars().count();
            if n > max_chars {
                return err(format!(
                    "`{field}` is {n} characters, over the limit of {max_chars}"
                ));
            }
            if required && s.trim().is_empty() {
                return err(format!("`{field}` is empty"));
            }
            Ok(Some(s.clone()))
        }
        Some(other) => err(format!("`{field}` must be a string, not {}", kind(other))),
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn number(
    v: &Value,
    field: &str,
    range: std::ops::RangeInclusive<f64>,
) -> Result<Option<f64>, FieldError> {
    match v.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => {
            let x = n.as_f64().unwrap_or(f64::NAN);
            if range.contains(&x) {
                Ok(Some(x))
            } else {
                err(format!("`{field}` {x} is out of range {range:?}"))
            }
        }
        Some(other) => err(format!("`{field}` must be a number, not {}", kind(other))),
    }
}

/// Parse an RFC 3339 time that must carry a UTC offset.
pub fn parse_instant(s: &str, field: &str) -> Result<DateTime<Utc>, FieldError> {
    match DateTime::parse_from_rfc3339(s) {
        Ok(t) => Ok(t.with_timezone(&Utc)),
        Err(_)
            if chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S").is_ok()
                || chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").is_ok() =>
        {
            err(format!(
                "`{field}` '{}' has no UTC offset; write it like 2026-11-30T09:12:00+08:00",
                quote(s)
            ))
        }
        Err(_) => err(format!(
            "`{field}` '{}' is not an RFC 3339 time like 2026-11-30T09:12:00+08:00",
            quote(s)
        )),
    }
}

/// Validate one complaint object.
pub fn record(v: &Value, raw: &str, limits: &Limits) -> Result<ComplaintInput, FieldError> {
    if !v.is_object() {
        return err(format!(
            "a complaint must be a JSON object, not {}",
            kind(v)
        ));
    }
    if raw.len() > limits.max_record_bytes {
        return err(format!(
            "record is {} bytes, over the limit of {}",
            raw.len(),
            limits.max_record_bytes
        ));
    }
    let short = limits.max_text_chars;
    let source_text = text(v, "source", short, true)?.unwrap_or_default();
    let source = Source::parse(&source_text).ok_or_else(|| {
        FieldError(format!(
            "unknown source '{}' (one of {})",
            quote(&source_text),
            Source::ALL.map(Source::as_str).join("|")
        ))
    })?;
    // One rule on every path: a blank reference is no reference.
    let external_ref = text(v, "external_ref", short, false)?
        .map(|r| r.trim().to_string())
        .filter(|r| !r.is_empty());
    let received_at = match v.get("received_at") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(parse_instant(s, "received_at")?),
        Some(other) => {
            return err(format!(
                "`received_at` must be a string, not {}",
                kind(other)
            ));
        }
    };
    let categories = match v.get("category") {
        None | Some(Value::Null) => return err("missing field `category`"),
        Some(Value::String(s)) => vec![category(s)?],
        Some(Value::Array(items)) if !items.is_empty() && items.len() <= Category::ALL.len() => {
            let mut out = Vec::new();
            for item in items {
                let Value::String(s) = item else {
                    return err(format!(
                        "`category` items must be strings, not {}",
                        kind(item)
                    ));
                };
                let c = category(s)?;
                if !out.contains(&c) {
                    out.push(c);
                }
            }
            out
        }
        Some(Value::Array(_)) => return err("`category` list must hold 1 to 7 categories"),
        Some(other) => {
            return err(format!(
                "`category` must be a string or a list, not {}",
                kind(other)
            ));
        }
    };
    let description =
        text(v, "description", limits.max_description_chars, true)?.unwrap_or_default();
    let (address, lat, lon) = match v.get("location") {
        None | Some(Value::Null) => return err("missing field `location` (an address or lat/lon)"),
        Some(loc @ Value::Object(_)) => {
            let address = text(loc, "address", short, false)?.filter(|a| !a.trim().is_empty());
            let lat = number(loc, "lat", -90.0..=90.0)?;
            let lon = number(loc, "lon", -180.0..=180.0)?;
            if lat.is_some() != lon.is_some() {
                return err("`location` needs both lat and lon, or neither");
            }
            if address.is_none() && lat.is_none() {
                return err("`location` needs an address or lat/lon");
            }
            // Converted to WGS-84 (what is stored); the raw JSON keeps what was sent.
            let crs = crs(loc)?;
            match lat.zip(lon) {
                Some((la, lo)) => {
                    let (la, lo) = crs.to_wgs84(la, lo);
                    (address, Some(la), Some(lo))
                }
                None => (address, lat, lon),
            }
        }
        Some(other) => return err(format!("`location` must be an object, not {}", kind(other))),
    };
    let grid = text(v, "grid", short, false)?;
    let enterprise = text(v, "enterprise", short, false)?;
    let (reporter_name, reporter_phone, reporter_anonymous) = match v.get("reporter") {
        None | Some(Value::Null) => (None, None, false),
        Some(r @ Value::Object(_)) => {
            let anonymous = match r.get("anonymous") {
                None | Some(Value::Null) => false,
                Some(Value::Bool(b)) => *b,
                Some(other) => {
                    return err(format!(
                        "`reporter.anonymous` must be true or false, not {}",
                        kind(other)
                    ));
                }
            };
            let name =
                text(r, "name", short, false).map_err(|e| FieldError(format!("reporter: {e}")))?;
            let phone =
                text(r, "phone", 32, false).map_err(|e| FieldError(format!("reporter: {e}")))?;
            (name, phone, anonymous)
        }
        Some(other) => return err(format!("`reporter` must be an object, not {}", kind(other))),
    };
    Ok(ComplaintInput {
        source,
        external_ref,
        received_at,
        categories,
        description,
        address,
        lat,
        lon,
        grid,
        enterprise,
        reporter_name,
        reporter_phone,
        reporter_anonymous,
        raw: raw.to_string(),
    })
}

/// `location.crs`: the coordinate system of lat/lon, `wgs84` when absent.
fn crs(loc: &Value) -> Result<Crs, FieldError> {
    match loc.get("crs") {
        None | Some(Value::Null) => Ok(Crs::Wgs84),
        Some(Value::String(s)) => Crs::parse(s).ok_or_else(|| {
            FieldError(format!(
                "`location.crs` '{}' is not a coordinate system this intake converts (wgs84, gcj02 or bd09)",
                quote(s)
            ))
        }),
        Some(other) => err(format!("`location.crs` must be a string, not {}", kind(other))),
    }
}

fn category(s: &str) -> Result<Category, FieldError> {
    Category::parse(s).ok_or_else(|| {
        FieldError(format!(
            "unknown category '{}' (one of {})",
            quote(s),
            Category::list()
        ))
    })
}
