//! A spool file's JSON (one object, an array, or JSON Lines) → validated
//! [`ComplaintInput`]s, with reasons that name the line or the record.

use serde_json::Value;

use crate::config::Limits;
pub use crate::ops::input::{ComplaintInput, FieldError, parse_instant, record};

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
    use crate::domain::complaint::Category;

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
