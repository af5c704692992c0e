//! What every Open311 handler shares (DESIGN.md §4.4): the endpoint's state
//! and limits, and the first steps of each request — the resource and
//! format it names, and the `jurisdiction_id` it must carry. The routes and
//! the reading handlers are in `http.rs`, POSTs in `post.rs`.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::Path;
use axum::extract::rejection::PathRejection;
use axum::http::Uri;
use axum::response::Response;
use tokio::sync::Semaphore;

use super::answer::Format;
use super::open311::{self, ApiError};
use super::reads::ReadPool;
use super::writer::WriterHandle;
use crate::clock::SharedClock;
use crate::config::Config;
use crate::health::Health;
use crate::text::quote;

/// Largest request body accepted.
pub const MAX_BODY_BYTES: usize = 64 * 1024;
/// A request taking longer than this gets 503.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
/// Connections used for reads at most.
pub const READERS: usize = 4;

/// Large answers (request lists) being made or sent at once, at most.
pub const LISTS: usize = 2;
/// POST bodies being read at once, at most (each up to [`MAX_BODY_BYTES`]).
pub const BODIES: usize = 512;

/// What the handlers share.
pub struct HttpState {
    pub config: Arc<Config>,
    pub reads: ReadPool,
    pub writer: WriterHandle,
    pub health: Arc<Health>,
    pub clock: SharedClock,
    /// The spool the daemon watches, for `/health`.
    pub spool: PathBuf,
    /// Where the endpoint listens (discovery's fallback when the Host header is unusable).
    pub listening: std::net::SocketAddr,
    pub(super) lists: Arc<Semaphore>,
    pub(super) bodies: Arc<Semaphore>,
}

impl HttpState {
    pub fn new(
        config: Arc<Config>,
        reads: ReadPool,
        writer: WriterHandle,
        health: Arc<Health>,
        clock: SharedClock,
        spool: PathBuf,
        listening: std::net::SocketAddr,
    ) -> HttpState {
        HttpState {
            config,
            reads,
            writer,
            health,
            clock,
            spool,
            listening,
            lists: Arc::new(Semaphore::new(LISTS)),
            bodies: Arc::new(Semaphore::new(BODIES)),
        }
    }
}

pub(super) type Shared = Arc<HttpState>;

/// The resource a request names, split into its stem and its format; or
/// the Open311 error to answer (an address that does not decode, a suffix
/// that is neither `.xml` nor `.json`).
pub(super) fn resource(
    path: Result<Path<String>, PathRejection>,
    uri: &Uri,
) -> Result<(String, Format), Box<Response>> {
    let file = match path {
        Ok(Path(file)) => file,
        Err(e) => {
            return Err(Box::new(Format::of_path(uri.path()).error(ApiError::new(
                400,
                format!("the address is not valid: {e}"),
            ))));
        }
    };
    match Format::split(&file) {
        Some((stem, format)) => Ok((stem.to_string(), format)),
        None => Err(Box::new(Format::of_path(&file).error(unknown(&file)))),
    }
}

fn unknown(file: &str) -> ApiError {
    ApiError::new(
        404,
        format!(
            "'{}': ask for .xml or .json (e.g. services.xml)",
            quote(file)
        ),
    )
}

/// Every `jurisdiction_id` given must be the one served (a repeated
/// parameter cannot slip another one past the check).
pub(super) fn jurisdiction(state: &HttpState, pairs: &[(String, String)]) -> Result<(), ApiError> {
    let served = state.config.settings.jurisdiction_id.as_deref();
    pairs
        .iter()
        .filter(|(k, v)| k == "jurisdiction_id" && !v.trim().is_empty())
        .try_for_each(|(_, v)| open311::check_jurisdiction(Some(v.trim()), served))
}
