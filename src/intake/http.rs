//! The Open311 GeoReport v2 endpoint on loopback (DESIGN.md §4.4): its
//! routes and the reading side. What every handler shares (the state, the
//! limits, the resource and jurisdiction checks) is in `endpoint.rs`; POSTs
//! are in `post.rs`.
//!
//! Owns: routes, the format of each answer (`.xml` — the standard's required
//! format — or `.json`, chosen by the suffix, errors included), service
//! discovery, the time limit, and turning every failure into an Open311
//! error with the right status. A 2xx reply to a POST is sent only after the
//! complaint is committed by the writer; when the database cannot take it,
//! the answer is 503 and `/health` says why. No input can panic a handler:
//! all parsing is fallible.

use axum::Router;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, RawQuery, Request, State};
use axum::http::Uri;
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::{Value, json};

use super::answer::{Format, respond};
use super::endpoint::{REQUEST_TIMEOUT, Shared, jurisdiction, resource};
use super::fields;
use super::open311::{self, ApiError};
use super::parse::parse_instant;
use crate::domain::complaint::Category;
use crate::domain::{ComplaintRow, RequestFilter};
use crate::store::{Blame, Complaints, StoreError};
use crate::text::quote;

/// A store failure as an Open311 error: the request's fault (400), a bug
/// of ours (500), or the database's state (503, and `/health` says why).
fn store_error(e: StoreError) -> ApiError {
    if e.blame() == Blame::Input {
        ApiError::new(400, e.to_string())
    } else if matches!(e, StoreError::Internal(_)) {
        tracing::error!(error = %e, "http: internal failure");
        ApiError::new(500, format!("internal error: {e}"))
    } else {
        tracing::warn!(error = %e, "http: the database cannot answer");
        ApiError::new(503, format!("the database cannot answer now: {e}"))
    }
}

/// The router: `/open311/v2/…`, `/open311/discovery.{xml,json}`, `/health`.
pub fn router(state: Shared) -> Router {
    Router::new()
        .route("/health", get(health))
        .route("/open311/{file}", get(discovery))
        .route(
            "/open311/v2/{file}",
            get(collection).post(super::post::post_request),
        )
        .route("/open311/v2/services/{file}", get(service_definition))
        .route("/open311/v2/requests/{file}", get(get_request))
        .fallback(|req: Request| async move {
            Format::of_path(req.uri().path()).error(ApiError::new(
                404,
                "no such endpoint; see /open311/discovery.xml",
            ))
        })
        .method_not_allowed_fallback(|req: Request| async move {
            Format::of_path(req.uri().path())
                .error(ApiError::new(405, "method not allowed on this endpoint"))
        })
        .layer(middleware::from_fn(time_limit))
        .with_state(state)
}

async fn time_limit(req: Request, next: Next) -> Response {
    let format = Format::of_path(req.uri().path());
    match tokio::time::timeout(REQUEST_TIMEOUT, next.run(req)).await {
        Ok(r) => r,
        Err(_) => format.error(ApiError::new(
            503,
            format!("request took longer than {}s", REQUEST_TIMEOUT.as_secs()),
        )),
    }
}

/// `/health`: 200 when intake can take complaints, else 503 with the problems.
async fn health(State(state): State<Shared>) -> Response {
    let now = state.clock.now();
    let mut problems: Vec<Value> = state
        .health
        .problems()
        .into_iter()
        .map(|(part, why)| json!({"part": part, "problem": why}))
        .collect();
    let version = match state.reads.run(|s| s.schema_version()).await {
        Ok(v) => Some(v),
        Err(e) => {
            problems.push(json!({"part": "database", "problem": e.to_string()}));
            None
        }
    };
    let ok = problems.is_empty();
    let body = json!({
        "status": if ok { "ok" } else { "failing" },
        "problems": problems,
        "schema_version": version,
        "database": state.reads.path(),
        "spool": state.spool,
        "time": now.to_rfc3339(),
        "clock": state.clock.mode().as_str(),
    });
    let status = if ok {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, axum::Json(body)).into_response()
}

fn query_pairs(raw: Option<String>) -> Result<Vec<(String, String)>, ApiError> {
    fields::parse_form(raw.unwrap_or_default().as_bytes())
        .map_err(|e| ApiError::new(400, format!("query string: {e}")))
}

/// Is `h` a plain `host[:port]` — a DNS name, an IPv4 address or a
/// bracketed IPv6 address, and a port that exists — fit to echo in a URL?
fn plain_host(h: &str) -> bool {
    if h.parse::<std::net::SocketAddr>().is_ok() || h.parse::<std::net::Ipv4Addr>().is_ok() {
        return true;
    }
    if h.strip_prefix('[')
        .and_then(|r| r.strip_suffix(']'))
        .is_some_and(|ip| ip.parse::<std::net::Ipv6Addr>().is_ok())
    {
        return true;
    }
    let (name, port) = match h.rsplit_once(':') {
        Some((n, p)) => (n, Some(p)),
        None => (h, None),
    };
    let port_ok = port.is_none_or(|p| p.parse::<u16>().is_ok_and(|p| p > 0));
    let name_ok = !name.is_empty()
        && name.len() <= 253
        && name.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    port_ok && name_ok
}

/// `GET /open311/discovery.{xml,json}`
async fn discovery(
    State(state): State<Shared>,
    path: Result<Path<String>, PathRejection>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let (stem, format) = match resource(path, &uri) {
        Ok(r) => r,
        Err(answer) => return *answer,
    };
    if stem != "discovery" {
        return format.error(ApiError::new(
            404,
            "no such endpoint; see /open311/discovery.xml",
        ));
    }
    // The endpoint as the client reached it; a Host header that is not a
    // plain host[:port] is not echoed back.
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| plain_host(h))
        .map(String::from)
        .unwrap_or_else(|| state.listening.to_string());
    let url = format!("http://{host}/open311/v2");
    let v = open311::discovery(&url, state.config.settings.jurisdiction_id.as_deref());
    format.answer(StatusCode::OK, "discovery", &v)
}

/// `GET /open311/v2/services.{xml,json}` and `GET requests.{xml,json}`.
async fn collection(
    State(state): State<Shared>,
    path: Result<Path<String>, PathRejection>,
    uri: Uri,
    RawQuery(q): RawQuery,
) -> Response {
    let (stem, format) = match resource(path, &uri) {
        Ok(r) => r,
        Err(answer) => return *answer,
    };
    let answer = match stem.as_str() {
        "services" => query_pairs(q)
            .and_then(|p| jurisdiction(&state, &p))
            .map(|()| (StatusCode::OK, "services", open311::services())),
        "requests" => {
            // Bounded memory: a few lists are made and sent at a time; a
            // client that never reads its list is cut off (server.rs).
            let Ok(permit) = state.lists.clone().acquire_owned().await else {
                return format.error(ApiError::new(503, "shutting down"));
            };
            return match list_requests(&state, q).await {
                Err(e) => format.error(e),
                Ok(rows) => {
                    let (tz, grids) = (state.config.settings.timezone, &state.config.grids);
                    // Each row is rendered and let go in turn: one list's
                    // rows and its text at most, never a tree of both.
                    let items = rows.into_iter().map(|c| {
                        let name = c
                            .grid
                            .as_deref()
                            .and_then(|g| grids.get(g))
                            .map(|g| g.name.as_str());
                        open311::request_json(&c, name, &tz)
                    });
                    format.answer_list("service_requests", items, permit)
                }
            };
        }
        _ => Err(ApiError::new(
            404,
            "no such endpoint; see /open311/discovery.xml",
        )),
    };
    respond(format, answer)
}

/// `GET /open311/v2/services/{code}.{xml,json}`
async fn service_definition(
    State(state): State<Shared>,
    path: Result<Path<String>, PathRejection>,
    uri: Uri,
    RawQuery(q): RawQuery,
) -> Response {
    let (code, format) = match resource(path, &uri) {
        Ok(r) => r,
        Err(answer) => return *answer,
    };
    let answer = query_pairs(q)
        .and_then(|p| jurisdiction(&state, &p))
        .and_then(|()| {
            open311::service_definition(&code).ok_or_else(|| {
                ApiError::new(404, format!("service_code '{}' not found", quote(&code)))
            })
        })
        .map(|v| (StatusCode::OK, "service_definition", v));
    respond(format, answer)
}

async fn list_requests(state: &Shared, q: Option<String>) -> Result<Vec<ComplaintRow>, ApiError> {
    let pairs = query_pairs(q)?;
    jurisdiction(state, &pairs)?;
    let get = |k: &str| fields::field(&pairs, k);
    let bad = |m: String| ApiError::new(400, m);
    let mut f = RequestFilter {
        limit: 1000,
        ..Default::default()
    };
    if let Some(ids) = get("service_request_id") {
        let parsed: Result<Vec<i64>, _> = ids.split(',').map(|s| s.trim().parse::<i64>()).collect();
        f.ids = Some(parsed.map_err(|_| {
            bad(format!(
                "service_request_id '{}' is not a comma-separated list of ids",
                quote(ids)
            ))
        })?);
    }
    if let Some(code) = get("service_code") {
        f.category = Some(Category::parse(code).ok_or_else(|| {
            ApiError::new(404, format!("service_code '{}' not found", quote(code)))
        })?);
    }
    f.start = get("start_date")
        .map(|s| parse_instant(s, "start_date"))
        .transpose()
        .map_err(|e| bad(e.to_string()))?;
    f.end = get("end_date")
        .map(|s| parse_instant(s, "end_date"))
        .transpose()
        .map_err(|e| bad(e.to_string()))?;
    f.open = match get("status") {
        None => None,
        Some("open") => Some(true),
        Some("closed") => Some(false),
        Some(other) => {
            return Err(bad(format!(
                "status '{}' is not open or closed",
                quote(other)
            )));
        }
    };
    if f.ids.is_none() && f.start.is_none() && f.end.is_none() {
        // The standard's default window: the last 90 days.
        f.start = Some(state.clock.now() - chrono::Duration::days(90));
    }
    state
        .reads
        .run(move |s| s.requests(&f))
        .await
        .map_err(store_error)
}

/// `GET /open311/v2/requests/{id}.{xml,json}`
async fn get_request(
    State(state): State<Shared>,
    path: Result<Path<String>, PathRejection>,
    uri: Uri,
    RawQuery(q): RawQuery,
) -> Response {
    let (id_text, format) = match resource(path, &uri) {
        Ok(r) => r,
        Err(answer) => return *answer,
    };
    let not_found = || {
        ApiError::new(
            404,
            format!("service_request_id '{}' not found", quote(&id_text)),
        )
    };
    let answer = async {
        jurisdiction(&state, &query_pairs(q)?)?;
        let id: i64 = id_text.parse().map_err(|_| not_found())?;
        let row = state
            .reads
            .run(move |s| match s.complaint(id) {
                Ok(c) => Ok(Some(c)),
                Err(StoreError::NoSuchComplaint(_)) => Ok(None),
                Err(e) => Err(e),
            })
            .await
            .map_err(store_error)?
            .ok_or_else(not_found)?;
        let tz = state.config.settings.timezone;
        let name = row
            .grid
            .as_deref()
            .and_then(|g| state.config.grids.get(g))
            .map(|g| g.name.as_str());
        Ok((
            StatusCode::OK,
            "service_requests",
            json!([open311::request_json(&row, name, &tz)]),
        ))
    }
    .await;
    respond(format, answer)
}

#[cfg(test)]
mod tests {
    use super::plain_host;

    #[test]
    fn only_plain_hosts_are_echoed() {
        for ok in [
            "localhost:8311",
            "127.0.0.1:8311",
            "127.0.0.1",
            "[::1]:8311",
            "[::1]",
            "duty-room.linjiang.example.cn",
        ] {
            assert!(plain_host(ok), "{ok}");
        }
        for bad in [
            "",
            "evil.com]:[80",
            "::::",
            "host:99999",
            "host:0",
            "a b",
            "x/../y",
            "-bad.cn",
            "a..b",
            "<script>",
        ] {
            assert!(!plain_host(bad), "{bad}");
        }
    }
}
