//! Complaint JSON (DESIGN.md §4.2) → validated [`ComplaintInput`]s.
//!
//! Owns: the field rules and size limits, with one-line reasons that name the
//! record and the field. Pure: no IO, no clock. Unknown fields are kept in the
//! raw JSON and otherwise ignored; text is kept as received (neutralised only
//! on display).

use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::config::Limits;
use crate::domain::complaint::{Category, Source};
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
            (address, lat, lon)
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

fn category(s: &str) -> Result<Category, FieldError> {
    Category::parse(s).ok_or_else(|| {
        FieldError(format!(
            "unknown category '{}' (one of {})",
            quote(s),
            Category::list()
        ))
    })
}

/// Where in a file a record came from, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    /// 1-based line of a JSON Lines file.
    Line(usize),
    /// 0-based index in a JSON array (or 0 for a single object).
    Index(usize),
}

impl std::fmt::Display for Position {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Position::Line(n) => write!(f, "line {n}"),
            Position::Index(n) => write!(f, "record {n}"),
        }
    }
}

/// Parse a whole `.json` document: one object or an array of objects.
pub fn document(bytes: &[u8], limits: &Limits) -> Result<Vec<ComplaintInput>, String> {
    let text = utf8(bytes)
        .map_err(|(line, col)| format!("not valid UTF-8 (line {line}, column {col})"))?;
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('[') {
        let items: Vec<Box<serde_json::value::RawValue>> =
            serde_json::from_str(trimmed).map_err(|e| malformed(trimmed, &e))?;
        if items.is_empty() {
            return Err("the array holds no complaints".into());
        }
        items
            .iter()
            .enumerate()
            .map(|(i, raw)| {
                let v: Value = serde_json::from_str(raw.get())
                    .map_err(|e| format!("record {i}: {}", malformed(raw.get(), &e)))?;
                record(&v, raw.get(), limits).map_err(|e| format!("record {i}: {e}"))
            })
            .collect()
    } else {
        let v: Value = serde_json::from_str(trimmed).map_err(|e| {
            let hint = if e.to_string().contains("trailing characters") {
                " (several objects? name the file .jsonl)"
            } else {
                ""
            };
            format!("{}{hint}", malformed(trimmed, &e))
        })?;
        record(&v, trimmed.trim_end(), limits)
            .map(|r| vec![r])
            .map_err(|e| e.to_string())
    }
}

/// Parse one line of a JSON Lines file; `Ok(None)` for a blank line.
pub fn jsonl_line(
    line: &[u8],
    number: usize,
    limits: &Limits,
) -> Result<Option<ComplaintInput>, String> {
    if line.len() > limits.max_record_bytes {
        return Err(format!(
            "line {number}: {} bytes, over the record limit of {}",
            line.len(),
            limits.max_record_bytes
        ));
    }
    let text =
        utf8(line).map_err(|(_, col)| format!("line {number}: not valid UTF-8 (column {col})"))?;
    let text = text.trim_start_matches('\u{feff}').trim();
    if text.is_empty() {
        return Ok(None);
    }
    let v: Value = serde_json::from_str(text)
        .map_err(|e| format!("line {number}: {}", malformed(text, &e)))?;
    record(&v, text, limits)
        .map(Some)
        .map_err(|e| format!("line {number}: {e}"))
}

/// A JSON syntax error in words; a number JSON cannot hold (`1e400`, `NaN`,
/// `Infinity`) names its field.
fn malformed(text: &str, e: &serde_json::Error) -> String {
    let message = e.to_string();
    let odd_number = message.starts_with("number out of range")
        || message.starts_with("invalid number")
        || (message.starts_with("expected value") && {
            let rest = at(text, e.line(), e.column().saturating_sub(1));
            ["NaN", "Infinity", "-Infinity", "inf", "-inf", "nan"]
                .iter()
                .any(|w| rest.starts_with(w))
        });
    match key_before(text, e.line(), e.column()).filter(|_| odd_number) {
        Some(key) => format!(
            "`{}` is not a finite JSON number (malformed JSON: {e})",
            crate::text::quote(&key)
        ),
        None => format!("malformed JSON: {e}"),
    }
}

/// The text from 1-based `line`, 0-based `column` on.
fn at(text: &str, line: usize, column: usize) -> &str {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let offset = (start + column).min(text.len());
    text.get(offset..).unwrap_or("")
}

/// The object key whose value sits at (`line`, `column`), if one is near.
fn key_before(text: &str, line: usize, column: usize) -> Option<String> {
    let end = text.len() - at(text, line, column).len();
    let before = text.get(..end)?;
    let colon = before.rfind(':')?;
    let key_end = before[..colon].trim_end().strip_suffix('"')?;
    let key_start = key_end.rfind('"')?;
    Some(key_end[key_start + 1..].to_string())
}

/// The text, or the 1-based (line, column) of the first invalid byte.
fn utf8(bytes: &[u8]) -> Result<&str, (usize, usize)> {
    std::str::from_utf8(bytes).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        let line = good.iter().filter(|b| **b == b'\n').count() + 1;
        let col = good.iter().rev().take_while(|b| **b != b'\n').count() + 1;
        (line, col)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits() -> Limits {
        Limits::default()
    }

    const OK: &str = r#"{"source":"hotline","external_ref":"A1","received_at":"2026-11-30T09:12:00+08:00",
        "category":["air","noise"],"description":"黑烟","location":{"address":"石桥镇"},"extra":1}"#;

    #[test]
    fn a_full_record_parses_and_keeps_unknown_fields_raw() {
        let r = document(OK.as_bytes(), &limits()).unwrap();
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].categories, [Category::Air, Category::Noise]);
        assert!(r[0].raw.contains("\"extra\":1"));
    }

    #[test]
    fn reasons_name_the_field() {
        let l = limits();
        let cases = [
            (
                r#"{"source":"hotline","description":"x","location":{"address":"a"}}"#,
                "missing field `category`",
            ),
            (
                r#"{"source":"hotline","category":"smell","description":"x","location":{"address":"a"}}"#,
                "unknown category 'smell'",
            ),
            (
                r#"{"source":"fax","category":"air","description":"x","location":{"address":"a"}}"#,
                "unknown source 'fax'",
            ),
            (
                r#"{"source":"web","category":"air","description":"x","location":{}}"#,
                "`location` needs an address or lat/lon",
            ),
            (
                r#"{"source":"web","category":"air","description":"x","location":{"lat":91,"lon":1}}"#,
                "`lat` 91 is out of range",
            ),
            (
                r#"{"source":"web","category":"air","description":5,"location":{"address":"a"}}"#,
                "`description` must be a string, not a number",
            ),
            (
                r#"{"source":"web","category":"air","description":"x","location":{"address":"a"},"received_at":"2026-11-30T09:12:00"}"#,
                "has no UTC offset",
            ),
        ];
        for (json, want) in cases {
            let e = document(json.as_bytes(), &l).unwrap_err();
            assert!(e.contains(want), "{json}\n  gave: {e}\n  want: {want}");
        }
    }

    #[test]
    fn numbers_json_cannot_hold_name_their_field() {
        let l = limits();
        for (json, want) in [
            (
                r#"{"source":"web","category":"air","description":"x","location":{"lat":1e400,"lon":1}}"#,
                "`lat` is not a finite JSON number (malformed JSON: number out of range",
            ),
            (
                r#"{"source":"web","category":"air","description":"x","location":{"lat":1,"lon":NaN}}"#,
                "`lon` is not a finite JSON number (malformed JSON: expected value",
            ),
            (
                "{\"source\":\"web\",\n \"location\": {\"lat\": -Infinity}}",
                "`lat` is not a finite JSON number",
            ),
        ] {
            let e = document(json.as_bytes(), &l).unwrap_err();
            assert!(e.starts_with(want), "{json}\n  gave: {e}");
        }
        let e = jsonl_line(br#"{"location":{"lat":1e999}}"#, 3, &l).unwrap_err();
        assert!(
            e.starts_with("line 3: `lat` is not a finite JSON number"),
            "{e}"
        );
        // Other syntax errors stay as they are.
        let e = document(br#"{"source": }"#, &l).unwrap_err();
        assert!(e.starts_with("malformed JSON: expected value"), "{e}");
    }

    #[test]
    fn invalid_utf8_names_line_and_column() {
        let e = document(b"{\n \"a\": \"\xff\"}", &limits()).unwrap_err();
        assert_eq!(e, "not valid UTF-8 (line 2, column 8)");
    }

    #[test]
    fn field_limits_hold() {
        let mut l = limits();
        l.max_description_chars = 3;
        let e = document(r#"{"source":"web","category":"air","description":"五个汉字啊","location":{"address":"a"}}"#.as_bytes(), &l)
            .unwrap_err();
        assert_eq!(e, "`description` is 5 characters, over the limit of 3");
    }
}
