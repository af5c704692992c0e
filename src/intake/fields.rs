//! An Open311 request's fields (DESIGN.md §4.4), pure: a form-encoded body
//! or query string decoded strictly, a flat JSON body, the value of one
//! field, and a POST's fields mapped onto a complaint and validated like a
//! spool record. The standard's objects and errors are in `open311.rs`.

use serde_json::{Map, Value, json};

use super::open311::ApiError;
use super::parse::{self, ComplaintInput};
use crate::config::Limits;
use crate::domain::complaint::Category;
use crate::domain::coords::Crs;
use crate::text::quote;

/// Decode an `application/x-www-form-urlencoded` body strictly: bad escapes and
/// invalid UTF-8 are errors, not replacement characters.
pub fn parse_form(body: &[u8]) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for (n, pair) in body.split(|b| *b == b'&').enumerate() {
        if pair.is_empty() {
            continue;
        }
        let (k, v) = match pair.iter().position(|b| *b == b'=') {
            Some(i) => (&pair[..i], &pair[i + 1..]),
            None => (pair, &b""[..]),
        };
        let key = decode(k).map_err(|e| format!("form field {}: {e}", n + 1))?;
        let value = decode(v).map_err(|e| format!("form field `{key}`: {e}"))?;
        out.push((key, value));
    }
    Ok(out)
}

fn decode(bytes: &[u8]) -> Result<String, String> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok());
                let v = hex
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                    .ok_or_else(|| format!("bad percent-encoding at byte {} (want %XX)", i + 1))?;
                out.push(v);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out)
        .map_err(|e| format!("not valid UTF-8 (at byte {})", e.utf8_error().valid_up_to()))
}

/// The fields of a POST, from a form or a flat JSON object (`attribute` may
/// be a nested object there). Returns the api_key and the fields.
pub fn fields_from_json(body: &[u8]) -> Result<Vec<(String, String)>, String> {
    let text = std::str::from_utf8(body)
        .map_err(|e| format!("body is not valid UTF-8 (at byte {})", e.valid_up_to()))?;
    let v: Value = serde_json::from_str(text).map_err(|e| format!("malformed JSON: {e}"))?;
    let Value::Object(map) = v else {
        return Err("the JSON body must be an object".into());
    };
    let mut out = Vec::new();
    let scalar = |v: &Value| match v {
        Value::String(s) => Ok(s.clone()),
        Value::Number(n) => Ok(n.to_string()),
        Value::Bool(b) => Ok(b.to_string()),
        Value::Null => Ok(String::new()),
        _ => Err(()),
    };
    for (k, v) in map {
        if k == "attribute" {
            let Value::Object(attrs) = v else {
                return Err("`attribute` must be an object".into());
            };
            for (ak, av) in attrs {
                let s = scalar(&av)
                    .map_err(|_| format!("attribute `{ak}` must be a string or number"))?;
                out.push((format!("attribute[{ak}]"), s));
            }
        } else {
            let s = scalar(&v).map_err(|_| format!("`{k}` must be a string or number"))?;
            out.push((k, s));
        }
    }
    Ok(out)
}

/// The last non-empty value of `key` in decoded form fields (later wins, as in most servers).
pub fn field<'a>(fields: &'a [(String, String)], key: &str) -> Option<&'a str> {
    fields
        .iter()
        .rev()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.trim())
        .filter(|v| !v.is_empty())
}

/// A latitude or longitude: a finite number within ±`max`, the field named
/// when it is not (`1e400`, `NaN`, `inf` are refused, never dropped).
fn coordinate(v: Option<&str>, field: &str, max: f64) -> Result<Option<f64>, ApiError> {
    let Some(v) = v else { return Ok(None) };
    let bad = |why: &str| ApiError::new(400, format!("{field} '{}' {why}", quote(v)));
    let x: f64 = v.parse().map_err(|_| bad("is not a number"))?;
    if !x.is_finite() {
        return Err(bad("is not a finite number"));
    }
    if !(-max..=max).contains(&x) {
        return Err(bad(&format!("is out of range -{max}..{max}")));
    }
    Ok(Some(x))
}

/// A POSTed request: its api_key and the validated complaint.
pub struct PostedRequest {
    pub api_key: Option<String>,
    pub input: ComplaintInput,
}

/// Map Open311 fields onto the complaint JSON and validate it like a spool record.
pub fn request_from_fields(
    fields: &[(String, String)],
    limits: &Limits,
) -> Result<PostedRequest, ApiError> {
    let get = |k: &str| field(fields, k);
    let bad = |m: String| ApiError::new(400, m);
    let api_key = get("api_key").map(String::from);
    let code = get("service_code").ok_or_else(|| bad("service_code missing".into()))?;
    let category = Category::parse(code).ok_or_else(|| {
        ApiError::new(
            404,
            format!(
                "service_code '{}' not found (see services.json)",
                quote(code)
            ),
        )
    })?;
    let (lat, lon) = (
        coordinate(get("lat"), "lat", 90.0)?,
        coordinate(get("long"), "long", 180.0)?,
    );
    let address = get("address_string").or(get("address_id"));
    if address.is_none() && (lat.is_none() || lon.is_none()) {
        return Err(bad(
            "location missing: give lat and long, or address_string".into(),
        ));
    }
    let description = get("description").ok_or_else(|| bad("description missing".into()))?;
    let name = [get("first_name"), get("last_name")]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let mut location = Map::new();
    if let Some(a) = address {
        location.insert("address".into(), a.into());
    }
    if let (Some(la), Some(lo)) = (lat, lon) {
        location.insert("lat".into(), json!(la));
        location.insert("lon".into(), json!(lo));
    }
    // The coordinate system of lat/long (#12): wgs84 unless said; the two
    // names of the field must not say different systems.
    if let (Some(a), Some(b)) = (get("coordinate_system"), get("crs")) {
        let same = match (Crs::parse(a), Crs::parse(b)) {
            (None, None) => a == b,
            (x, y) => x == y,
        };
        if !same {
            return Err(bad(format!(
                "coordinate_system '{}' and crs '{}' disagree: give one",
                quote(a),
                quote(b)
            )));
        }
    }
    if let Some(crs) = get("coordinate_system").or(get("crs")) {
        location.insert("crs".into(), crs.into());
    }
    let mut obj = Map::new();
    obj.insert(
        "source".into(),
        get("attribute[source]").unwrap_or("web").into(),
    );
    obj.insert("category".into(), category.as_str().into());
    obj.insert("description".into(), description.into());
    obj.insert("location".into(), Value::Object(location));
    for (attr, field) in [
        ("attribute[external_ref]", "external_ref"),
        ("attribute[received_at]", "received_at"),
        ("attribute[grid]", "grid"),
        ("attribute[enterprise]", "enterprise"),
    ] {
        if let Some(v) = get(attr) {
            obj.insert(field.into(), v.into());
        }
    }
    if !name.is_empty() || get("phone").is_some() {
        obj.insert(
            "reporter".into(),
            json!({"name": (!name.is_empty()).then_some(name), "phone": get("phone")}),
        );
    }
    // Keep what the client sent (minus the key) beside the mapped record.
    let sent: Map<String, Value> = fields
        .iter()
        .filter(|(k, _)| k != "api_key")
        .map(|(k, v)| (k.clone(), Value::String(v.clone())))
        .collect();
    obj.insert("open311".into(), Value::Object(sent));
    let v = Value::Object(obj);
    let raw = v.to_string();
    let input = parse::record(&v, &raw, limits).map_err(|e| bad(e.to_string()))?;
    Ok(PostedRequest { api_key, input })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_decode_strictly() {
        let f = parse_form(b"service_code=air&description=%E9%BB%91%E7%83%9F+at+night&attribute%5Bsource%5D=hotline").unwrap();
        assert_eq!(f[1], ("description".into(), "黑烟 at night".into()));
        assert_eq!(f[2].0, "attribute[source]");
        assert!(
            parse_form(b"description=%zz")
                .unwrap_err()
                .contains("bad percent-encoding")
        );
        assert!(
            parse_form(b"description=%ff%fe")
                .unwrap_err()
                .contains("not valid UTF-8")
        );
    }

    #[test]
    fn fields_map_to_a_complaint() {
        let fields = parse_form(b"api_key=k&service_code=noise&lat=30.5&long=114.3&description=loud&first_name=Li&phone=138&attribute[external_ref]=X1").unwrap();
        let r = request_from_fields(&fields, &Limits::default()).unwrap();
        assert_eq!(r.api_key.as_deref(), Some("k"));
        assert_eq!(r.input.categories, [Category::Noise]);
        assert_eq!(r.input.external_ref.as_deref(), Some("X1"));
        assert_eq!(r.input.reporter_name.as_deref(), Some("Li"));
        assert!(!r.input.raw.contains("\"k\""), "the api key is not stored");
    }

    #[test]
    fn errors_have_the_right_status() {
        let l = Limits::default();
        let e = |body: &[u8]| {
            request_from_fields(&parse_form(body).unwrap(), &l)
                .err()
                .unwrap()
        };
        assert_eq!(e(b"description=x&lat=1&long=1").status, 400);
        assert_eq!(
            e(b"service_code=smell&description=x&lat=1&long=1").status,
            404
        );
        assert_eq!(
            e(b"service_code=air&description=x").description,
            "location missing: give lat and long, or address_string"
        );
        assert_eq!(
            e(b"service_code=air&description=x&lat=north&long=1").description,
            "lat 'north' is not a number"
        );
        for (body, want) in [
            (
                &b"service_code=air&description=x&lat=91&long=1"[..],
                "lat '91' is out of range -90..90",
            ),
            (
                b"service_code=air&description=x&lat=1e400&long=1",
                "lat '1e400' is not a finite number",
            ),
            (
                b"service_code=air&description=x&address_string=a&lat=NaN&long=inf",
                "lat 'NaN' is not a finite number",
            ),
            (
                b"service_code=air&description=x&address_string=a&lat=1&long=-inf",
                "long '-inf' is not a finite number",
            ),
            (
                b"service_code=air&description=x&lat=1&long=181",
                "long '181' is out of range -180..180",
            ),
            (
                b"service_code=air&description=x&lat=1&long=1&crs=gcj02&coordinate_system=bd09",
                "coordinate_system 'bd09' and crs 'gcj02' disagree: give one",
            ),
        ] {
            let err = e(body);
            assert_eq!((err.status, err.description.as_str()), (400, want));
        }
        // The same system under both names, however spelt, is one system.
        let same = parse_form(
            b"service_code=air&description=x&lat=1&long=1&crs=GCJ-02&coordinate_system=gcj02",
        )
        .unwrap();
        assert!(request_from_fields(&same, &l).is_ok());
    }
}
