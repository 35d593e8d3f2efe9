//! `GET /api/v1/orders/{id}/messages/stream`

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, web};
use serde::Deserialize;
use utoipa::IntoParams;
use weiquan_services::dialogue;

use super::{dialogue_error, sse};
use crate::auth::Caller;
use crate::error::{ApiError, FieldError, Problem};
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StreamQuery {
    /// The id of the last message received, when the `Last-Event-ID` header cannot be sent
    /// (the header wins when both are given).
    pub last_event_id: Option<i64>,
}

/// One event of the stream, as the `text/event-stream` framing carries it (OpenAPI 3.1: the
/// schema of a server-sent-event response describes each event).
#[derive(utoipa::ToSchema)]
#[expect(dead_code, reason = "documents the events; sse.rs writes them")]
pub struct DialogueEvent {
    /// `message` or `read`.
    #[schema(pattern = "^(message|read)$")]
    event: String,
    /// The message id (what `Last-Event-ID` sends back); `message` events only.
    #[schema(nullable = false, pattern = "^[0-9]{1,18}$")]
    id: Option<String>,
    /// The JSON of a `Message` (`message`) or a `ReadReceipt` (`read`).
    #[schema(content_media_type = "application/json")]
    data: String,
}

/// The `Last-Event-ID` header as the document states it (read by [`last_event_id`]).
#[derive(IntoParams)]
#[into_params(parameter_in = Header)]
#[expect(
    dead_code,
    reason = "documents the header; the handler reads it from the request"
)]
pub struct ResumeHeader {
    /// The id of the last message received (empty: from the start, as when absent).
    #[param(
        rename = "Last-Event-ID",
        nullable = false,
        pattern = r"^([0-9]{1,18})?$"
    )]
    last_event_id: Option<String>,
}

fn last_event_id(req: &HttpRequest, query: &StreamQuery) -> Result<Option<i64>, ApiError> {
    let Some(value) = req.headers().get("Last-Event-ID") else {
        return Ok(query.last_event_id);
    };
    // Not visible ASCII: never an id (and never treated as absent).
    let text = value.to_str().map_or("x", str::trim);
    if text.is_empty() {
        return Ok(query.last_event_id);
    }
    let digits = text.len() <= 18 && text.bytes().all(|b| b.is_ascii_digit());
    digits
        .then(|| text.parse().ok())
        .flatten()
        .map(Some)
        .ok_or_else(|| {
            ApiError::validation(vec![FieldError::new(
                "Last-Event-ID",
                "invalid",
                "Send the id of the last message received.",
                "请传入最后收到的消息编号。",
            )])
        })
}

/// The dialogue of an order, live, as server-sent events (`text/event-stream`), for the same
/// participants as the list. Each new message the caller may see:
/// `id: <message id>` / `event: message` / `data: <Message JSON>`; a party reading further:
/// `event: read` / `data: <ReadReceipt JSON>` (no id); a comment `: ping` every 15 s. With
/// `Last-Event-ID: N` (header, or query `last_event_id=N`) it first sends every message after
/// N from the database, then live ones: no gaps, no duplicates. Works across server instances
/// (Redis pub/sub). The stream ends after 10 minutes; `EventSource` reconnects by itself.
#[utoipa::path(
    tag = "dialogue",
    operation_id = "dialogue_stream",
    params(
        ("id" = i64, Path, description = "Order id"),
        ResumeHeader,
        StreamQuery,
    ),
    responses(
        (status = OK, description = "Server-sent events: `message` (data: Message) and `read` (data: ReadReceipt)", content_type = "text/event-stream", body = DialogueEvent),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "Second factor required", body = Problem, content_type = "application/problem+json"),
        (status = NOT_FOUND, description = "No such order for you", body = Problem, content_type = "application/problem+json"),
        (status = UNPROCESSABLE_ENTITY, description = "Bad Last-Event-ID", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/orders/{id}/messages/stream")]
pub async fn stream(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    path: web::Path<i64>,
    query: web::Query<StreamQuery>,
) -> Result<HttpResponse, ApiError> {
    caller.signed_in()?;
    let after = last_event_id(&req, &query)?;
    let order_id = path.into_inner();
    let (viewer, _) = dialogue::viewer(&state.deps, &caller.actor, order_id)
        .await
        .map_err(dialogue_error)?;
    // Subscribe before reading the start point, so nothing falls between the two.
    let subscription = state.deps.hub.subscribe_order(order_id);
    let (start, replay) = match after {
        Some(n) => (n.max(0), true),
        None => (
            dialogue::latest(&state.deps, &viewer)
                .await
                .map_err(ApiError::from)?,
            false,
        ),
    };
    Ok(HttpResponse::Ok()
        .content_type("text/event-stream")
        .insert_header((header::CACHE_CONTROL, "no-cache"))
        .insert_header(("X-Accel-Buffering", "no"))
        // No compression: it would buffer events, and cost a compressor per open stream.
        .insert_header((header::CONTENT_ENCODING, "identity"))
        .streaming(sse::stream(
            state.deps.clone(),
            viewer,
            subscription,
            start,
            replay,
        )))
}
