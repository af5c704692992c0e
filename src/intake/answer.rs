//! How the Open311 endpoint answers: the format chosen by the resource's
//! suffix (`.xml`, the standard's required format, or `.json`), errors in
//! the same format, and large answers streamed in pieces while holding a
//! permit, so that clients who ask for a list and never read it hold a
//! bounded amount of memory between them.

use axum::body::{Body, Bytes};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::Value;
use tokio::sync::OwnedSemaphorePermit;

use super::open311::ApiError;

/// The format of an answer, from the resource's suffix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Xml,
}

/// An Open311 answer in either format: `Ok((status, root, value))` or an error.
pub type Answer = Result<(StatusCode, &'static str, Value), ApiError>;

/// Pieces a held answer is sent in: the server writes one, then asks for the next.
const PIECE: usize = 64 * 1024;

impl Format {
    /// `services.xml` → (`services`, Xml). No known suffix: `None`.
    pub fn split(file: &str) -> Option<(&str, Format)> {
        if let Some(stem) = file.strip_suffix(".json") {
            Some((stem, Format::Json))
        } else {
            file.strip_suffix(".xml").map(|stem| (stem, Format::Xml))
        }
    }

    /// The format a path asks for (errors of unknown routes answer in it too).
    pub fn of_path(path: &str) -> Format {
        if path.ends_with(".xml") {
            Format::Xml
        } else {
            Format::Json
        }
    }

    fn content_type(self) -> &'static str {
        match self {
            Format::Json => "application/json; charset=utf-8",
            Format::Xml => "text/xml; charset=utf-8",
        }
    }

    /// `value` rendered, with `root` naming the XML document element. JSON
    /// keeps C1 controls and bidi overrides escaped (`\u009b`): the same
    /// data, inert on a terminal.
    fn render(self, root: &str, value: &Value) -> String {
        match self {
            Format::Json => crate::text::json_inert(&value.to_string()),
            Format::Xml => super::xml::document(root, value),
        }
    }

    /// `value` as the answer.
    pub fn answer(self, status: StatusCode, root: &str, value: &Value) -> Response {
        (
            status,
            [(header::CONTENT_TYPE, self.content_type())],
            self.render(root, value),
        )
            .into_response()
    }

    /// A list, each item rendered and dropped in turn, sent in pieces;
    /// `permit` is held until the last piece is taken or the client is gone.
    pub fn answer_list(
        self,
        root: &str,
        items: impl Iterator<Item = Value>,
        permit: OwnedSemaphorePermit,
    ) -> Response {
        let text = match self {
            Format::Json => {
                let mut out = String::from("[");
                for (i, item) in items.enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(&item.to_string());
                }
                out.push(']');
                crate::text::json_inert(&out)
            }
            Format::Xml => super::xml::document_of(root, items),
        };
        let bytes = Bytes::from(text);
        let length = bytes.len();
        let pieces = futures::stream::unfold((bytes, Some(permit)), |(rest, permit)| async move {
            if rest.is_empty() {
                drop(permit);
                return None;
            }
            let mut rest = rest;
            let piece = rest.split_to(rest.len().min(PIECE));
            Some((Ok::<_, std::convert::Infallible>(piece), (rest, permit)))
        });
        (
            StatusCode::OK,
            [
                (header::CONTENT_TYPE, self.content_type().to_string()),
                // Known in advance: sent as a plain body, not chunked.
                (header::CONTENT_LENGTH, length.to_string()),
            ],
            Body::from_stream(pieces),
        )
            .into_response()
    }

    pub fn error(self, e: ApiError) -> Response {
        let status = StatusCode::from_u16(e.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        self.answer(status, "errors", &e.body())
    }
}

pub fn respond(format: Format, answer: Answer) -> Response {
    match answer {
        Ok((status, root, value)) => format.answer(status, root, &value),
        Err(e) => format.error(e),
    }
}
