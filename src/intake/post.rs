//! `POST /open311/v2/requests.{xml,json}`: a citizen's complaint from a web
//! form or an app, committed by the writer before it is answered.
//!
//! Owns: the body (its size, its encoding, read a bounded number at a time),
//! the api_key, and turning the fields into a complaint with its deadline.

use axum::body::{Body, Bytes};
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri, header};
use axum::response::Response;
use serde_json::json;

use super::answer::{Answer, respond};
use super::endpoint::{MAX_BODY_BYTES, Shared, jurisdiction, resource};
use super::fields;
use super::open311::ApiError;
use super::writer::SubmitError;
use crate::domain::Inserted;
use crate::ops::prepare::prepare;
use crate::text::quote;

/// A body that takes longer than this to arrive (it is at most 64 KiB) is
/// refused: a client parking in its body would hold a reading slot.
pub const BODY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(3);

async fn read_body(headers: &HeaderMap, body: Body) -> Result<Bytes, ApiError> {
    use futures::StreamExt;
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
    let read = async {
        let mut stream = body.into_data_stream();
        let mut out = Vec::new();
        while let Some(piece) = stream.next().await {
            let piece = piece.map_err(|e| {
                ApiError::new(
                    400,
                    format!(
                        "the request body ended early or is malformed: {}",
                        quote(&e.to_string())
                    ),
                )
            })?;
            if out.len() + piece.len() > MAX_BODY_BYTES {
                return Err(too_large());
            }
            out.extend_from_slice(&piece);
        }
        Ok(Bytes::from(out))
    };
    let bytes = tokio::time::timeout(BODY_TIMEOUT, read)
        .await
        .map_err(|_| {
            ApiError::new(
                408,
                format!(
                    "the request body did not arrive within {} s",
                    BODY_TIMEOUT.as_secs()
                ),
            )
        })??;
    if declared.is_some_and(|n| n != bytes.len()) {
        return Err(ApiError::new(
            400,
            format!(
                "the request body ended after {} of its {} bytes",
                bytes.len(),
                declared.unwrap_or(0)
            ),
        ));
    }
    Ok(bytes)
}

static SEQ: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// `POST /open311/v2/requests.{xml,json}`
pub(super) async fn post_request(
    State(state): State<Shared>,
    path: Result<Path<String>, PathRejection>,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let format = match resource(path, &uri) {
        Ok((stem, format)) if stem == "requests" => format,
        Ok((_, format)) => {
            return format.error(ApiError::new(405, "method not allowed on this endpoint"));
        }
        Err(answer) => return *answer,
    };
    respond(format, create(&state, headers, body).await)
}

async fn create(state: &Shared, headers: HeaderMap, body: Body) -> Answer {
    // Bounded memory: a few hundred bodies are read at a time; the others
    // wait in their sockets (and the request timeout).
    let permit = state
        .bodies
        .clone()
        .acquire_owned()
        .await
        .map_err(|_| ApiError::new(503, "shutting down"))?;
    let bytes = read_body(&headers, body).await?;
    drop(permit);
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let fields = if content_type.starts_with("application/json") {
        fields::fields_from_json(&bytes)
    } else if content_type.is_empty()
        || content_type.starts_with("application/x-www-form-urlencoded")
    {
        fields::parse_form(&bytes)
    } else {
        return Err(ApiError::new(
            415,
            format!(
                "content type '{}' is not form-encoded or JSON",
                quote(&content_type)
            ),
        ));
    }
    .map_err(|e| ApiError::new(400, e))?;
    let keys = &state.config.settings.api_keys;
    match fields::field(&fields, "api_key") {
        _ if keys.is_empty() => {
            return Err(ApiError::new(
                403,
                "posting is disabled: no api_keys configured ([http] api_keys or GRIDWATCH_API_KEYS)",
            ));
        }
        None => return Err(ApiError::new(403, "api_key missing")),
        Some(k) if !keys.iter().any(|key| key == k) => {
            return Err(ApiError::new(403, "api_key invalid"));
        }
        Some(_) => {}
    }
    jurisdiction(state, &fields)?;
    let posted = fields::request_from_fields(&fields, &state.config.settings.limits)?;
    let now = state.clock.now();
    // Without an external reference a POST is not idempotent: two citizens
    // may send the same words, and each is a complaint.
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
    let notice = format!(
        "on site by {} ({})",
        complaint
            .deadline_at
            .with_timezone(&state.config.settings.timezone)
            .format("%H:%M"),
        complaint.regime_reason
    );
    let (status, id) = match state.writer.submit(complaint).await {
        Ok(Inserted::New(id)) => (StatusCode::CREATED, id),
        Ok(Inserted::Duplicate(id)) => (StatusCode::OK, id),
        Err(SubmitError::Refused(why)) => return Err(ApiError::new(400, why)),
        Err(SubmitError::Unavailable(why)) => {
            return Err(ApiError::new(
                503,
                format!("not stored, retry later: {why}"),
            ));
        }
        Err(SubmitError::Unseen(why)) => return Err(ApiError::new(503, why)),
    };
    tracing::info!(id, status = status.as_u16(), "open311 request");
    Ok((
        status,
        "service_requests",
        json!([{"service_request_id": id.to_string(), "service_notice": notice, "account_id": null}]),
    ))
}
