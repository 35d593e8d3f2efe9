//! `POST /api/v1/orders/{id}/messages/read`

use actix_web::{HttpResponse, post, web};
use serde::Deserialize;
use utoipa::ToSchema;
use weiquan_services::dialogue;

use super::dialogue_error;
use crate::auth::Caller;
use crate::error::{ApiError, FieldError, Problem};
use crate::extract::Body;
use crate::state::AppState;

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReadUpTo {
    /// The id of the last message read (at least 1).
    #[schema(minimum = 1)]
    pub up_to: i64,
}

/// Marks the caller's reading of an order's dialogue up to a message: monotonic (an older id
/// changes nothing) and never past the newest message the caller can see. The other
/// participants' streams receive the party's new read receipt. API clients keep no read
/// marks (accepted, nothing changes).
#[utoipa::path(
    tag = "dialogue",
    operation_id = "dialogue_read",
    params(("id" = i64, Path, description = "Order id")),
    request_body = ReadUpTo,
    responses(
        (status = NO_CONTENT, description = "Recorded"),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "Second factor or CSRF token missing", body = Problem, content_type = "application/problem+json"),
        (status = NOT_FOUND, description = "No such order for you", body = Problem, content_type = "application/problem+json"),
        (status = UNPROCESSABLE_ENTITY, description = "`up_to` below 1", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/orders/{id}/messages/read")]
pub async fn read(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<i64>,
    body: Body<ReadUpTo>,
) -> Result<HttpResponse, ApiError> {
    caller.signed_in()?;
    if body.up_to < 1 {
        return Err(ApiError::validation(vec![FieldError::new(
            "up_to",
            "range",
            "Give the id of a message.",
            "请填写消息编号。",
        )]));
    }
    dialogue::mark_read(&state.deps, &caller.actor, path.into_inner(), body.up_to)
        .await
        .map_err(dialogue_error)?;
    Ok(HttpResponse::NoContent().finish())
}
