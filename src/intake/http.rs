//! The Open311 GeoReport v2 endpoint on loopback (DESIGN.md §4.4).
//!
//! Owns: routes, body and time limits, and turning every failure into an
//! Open311 error array with the right status. A 2xx reply to a POST is sent
//! only after the complaint is committed. No input can panic a handler: all
//! parsing is fallible and the store runs on the blocking pool.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Path, RawQuery, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::{Value, json};

use super::open311::{self, ApiError};
use super::parse::parse_instant;
use super::prepare::prepare;
use crate::clock::SharedClock;
use crate::config::Config;
use crate::domain::complaint::Category;
use crate::store::{Actor, Inserted, RequestFilter, Store, StoreError};

/// Largest request body accepted.
pub const MAX_BODY_BYTES: usize = 64 * 1024;
/// A request taking longer than this gets 503.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// What the handlers share.
pub struct HttpState {
    pub config: Arc<Config>,
    /// One connection for the endpoint, used from the blocking pool.
    pub store: Arc<Mutex<Store>>,
    pub clock: SharedClock,
    pub actor: Actor,
}

type Shared = Arc<HttpState>;

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        (status, axum::Json(self.body())).into_response()
    }
}

fn internal(e: impl std::fmt::Display) -> ApiError {
    tracing::error!(error = %e, "http handler failed");
    ApiError::new(500, format!("internal error: {e}"))
}

/// Run `f` with the store on the blocking pool.
async fn with_store<R: Send + 'static>(
    state: &Shared,
    f: impl FnOnce(&mut Store, &Config) -> Result<R, StoreError> + Send + 'static,
) -> Result<R, ApiError> {
    let (store, config) = (state.store.clone(), state.config.clone());
    tokio::task::spawn_blocking(move || {
        let mut guard = store
            .lock()
            .map_err(|_| StoreError::Rule("store lock poisoned".into()))?;
        f(&mut guard, &config)
    })
    .await
    .map_err(internal)?
    .map_err(|e| {
        if e.is_user_error() || e.is_constraint() {
            ApiError::new(400, e.to_string())
        } else {
            internal(e)
        }
    })
}

/// The router under `/open311/v2/` plus `/health`.
pub fn router(state: Shared) -> Router {
    Router::new()
        .route("/health", get(health))
        .route("/open311/v2/services.json", get(services))
        .route("/open311/v2/services/{file}", get(service_definition))
        .route(
            "/open311/v2/requests.json",
            get(list_requests).post(post_request),
        )
        .route("/open311/v2/requests/{file}", get(get_request))
        .fallback(|| async {
            ApiError::new(404, "no such endpoint; see /open311/v2/services.json")
        })
        .method_not_allowed_fallback(|| async {
            ApiError::new(405, "method not allowed on this endpoint")
        })
        .layer(middleware::from_fn(time_limit))
        .with_state(state)
}

async fn time_limit(req: Request, next: Next) -> Response {
    match tokio::time::timeout(REQUEST_TIMEOUT, next.run(req)).await {
        Ok(r) => r,
        Err(_) => ApiError::new(
            503,
            format!("request took longer than {}s", REQUEST_TIMEOUT.as_secs()),
        )
        .into_response(),
    }
}

/// `name.json` → `name`; other formats are not served.
fn strip_json(file: &str) -> Result<&str, ApiError> {
    file.strip_suffix(".json")
        .ok_or_else(|| ApiError::new(404, format!("'{file}': only the .json format is served")))
}

async fn health(State(state): State<Shared>) -> Result<axum::Json<Value>, ApiError> {
    let now = state.clock.now();
    let version = with_store(&state, |s, _| s.schema_version()).await?;
    Ok(axum::Json(
        json!({"status": "ok", "schema_version": version, "time": now.to_rfc3339(), "clock": state.clock.mode().as_str()}),
    ))
}

async fn services() -> axum::Json<Value> {
    axum::Json(open311::services())
}

async fn service_definition(Path(file): Path<String>) -> Result<axum::Json<Value>, ApiError> {
    let code = strip_json(&file)?;
    open311::service_definition(code)
        .map(axum::Json)
        .ok_or_else(|| ApiError::new(404, format!("service_code '{code}' not found")))
}

fn query_pairs(raw: Option<String>) -> Result<Vec<(String, String)>, ApiError> {
    open311::parse_form(raw.unwrap_or_default().as_bytes())
        .map_err(|e| ApiError::new(400, format!("query string: {e}")))
}

async fn list_requests(
    State(state): State<Shared>,
    RawQuery(q): RawQuery,
) -> Result<axum::Json<Value>, ApiError> {
    let pairs = query_pairs(q)?;
    let get = |k: &str| open311::field(&pairs, k);
    let bad = |m: String| ApiError::new(400, m);
    let mut f = RequestFilter {
        limit: 1000,
        ..Default::default()
    };
    if let Some(ids) = get("service_request_id") {
        let parsed: Result<Vec<i64>, _> = ids.split(',').map(|s| s.trim().parse::<i64>()).collect();
        f.ids = Some(parsed.map_err(|_| {
            bad(format!(
                "service_request_id '{ids}' is not a comma-separated list of ids"
            ))
        })?);
    }
    if let Some(code) = get("service_code") {
        f.category = Some(
            Category::parse(code)
                .ok_or_else(|| ApiError::new(404, format!("service_code '{code}' not found")))?,
        );
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
        Some(other) => return Err(bad(format!("status '{other}' is not open or closed"))),
    };
    if f.ids.is_none() && f.start.is_none() && f.end.is_none() {
        // The standard's default window: the last 90 days.
        f.start = Some(state.clock.now() - chrono::Duration::days(90));
    }
    let rows = with_store(&state, move |s, _| s.requests(&f)).await?;
    let tz = state.config.settings.timezone;
    let grid_name = |g: &Option<String>| {
        g.as_deref()
            .and_then(|g| state.config.grids.get(g))
            .map(|g| g.name.as_str())
    };
    Ok(axum::Json(Value::Array(
        rows.iter()
            .map(|c| open311::request_json(c, grid_name(&c.grid), &tz))
            .collect(),
    )))
}

async fn get_request(
    State(state): State<Shared>,
    Path(file): Path<String>,
) -> Result<axum::Json<Value>, ApiError> {
    let id_text = strip_json(&file)?;
    let id: i64 = id_text
        .parse()
        .map_err(|_| ApiError::new(404, format!("service_request_id '{id_text}' not found")))?;
    let row = with_store(&state, move |s, _| match s.complaint(id) {
        Ok(c) => Ok(Some(c)),
        Err(StoreError::NoSuchComplaint(_)) => Ok(None),
        Err(e) => Err(e),
    })
    .await?
    .ok_or_else(|| ApiError::new(404, format!("service_request_id '{id}' not found")))?;
    let tz = state.config.settings.timezone;
    let name = row
        .grid
        .as_deref()
        .and_then(|g| state.config.grids.get(g))
        .map(|g| g.name.as_str());
    Ok(axum::Json(json!([open311::request_json(&row, name, &tz)])))
}

async fn read_body(headers: &HeaderMap, body: Body) -> Result<Bytes, ApiError> {
    let too_large = || {
        ApiError::new(
            413,
            format!("request body is over the limit of {MAX_BODY_BYTES} bytes"),
        )
    };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > MAX_BODY_BYTES) {
        return Err(too_large());
    }
    axum::body::to_bytes(body, MAX_BODY_BYTES)
        .await
        .map_err(|_| too_large())
}

static SEQ: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

async fn post_request(
    State(state): State<Shared>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let bytes = read_body(&headers, body).await?;
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let fields = if content_type.starts_with("application/json") {
        open311::fields_from_json(&bytes)
    } else if content_type.is_empty()
        || content_type.starts_with("application/x-www-form-urlencoded")
    {
        open311::parse_form(&bytes)
    } else {
        return Err(ApiError::new(
            415,
            format!("content type '{content_type}' is not form-encoded or JSON"),
        ));
    }
    .map_err(|e| ApiError::new(400, e))?;
    let keys = &state.config.settings.api_keys;
    let given = fields
        .iter()
        .rev()
        .find(|(k, _)| k == "api_key")
        .map(|(_, v)| v.as_str());
    match given {
        _ if keys.is_empty() => {
            return Err(ApiError::new(
                403,
                "posting is disabled: no api_keys configured ([http] api_keys or GRIDWATCH_API_KEYS)",
            ));
        }
        None | Some("") => return Err(ApiError::new(403, "api_key missing")),
        Some(k) if !keys.iter().any(|key| key == k) => {
            return Err(ApiError::new(403, "api_key invalid"));
        }
        Some(_) => {}
    }
    let posted = open311::request_from_fields(&fields, &state.config.settings.limits)?;
    let now = state.clock.now();
    let fallback = || {
        format!(
            "open311:{}:{}:{}",
            now.timestamp_millis(),
            std::process::id(),
            SEQ.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        )
    };
    let complaint = prepare(posted.input, &state.config, now, fallback)
        .map_err(|e| ApiError::new(400, e.to_string()))?;
    let actor = state.actor.clone();
    let notice = format!(
        "on site by {} ({})",
        complaint
            .deadline_at
            .with_timezone(&state.config.settings.timezone)
            .format("%H:%M"),
        complaint.regime_reason
    );
    let result = with_store(&state, move |s, config| {
        s.insert_complaint(&actor, now, &complaint, config.settings.repeat_window)
    })
    .await?;
    let (status, id) = match result {
        Inserted::New(id) => (StatusCode::CREATED, id),
        Inserted::Duplicate(id) => (StatusCode::OK, id),
    };
    tracing::info!(id, status = status.as_u16(), "open311 request");
    Ok((status, axum::Json(json!([{"service_request_id": id.to_string(), "service_notice": notice, "account_id": null}]))).into_response())
}
