//! `POST /api/v1/notifications/read`

use actix_web::{HttpResponse, post, web};
use serde::Deserialize;
use utoipa::ToSchema;
use weiquan_services::notifications::{self, MarkRead};

use super::notification_error;
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::extract::Body;
use crate::state::AppState;

/// Which notifications to mark read: `ids` (1 to 500 of the caller's own), or `all: true`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MarkReadRequest {
    #[serde(default)]
    pub ids: Option<Vec<i64>>,
    #[serde(default)]
    pub all: Option<bool>,
}

/// Marks notifications read. Only the caller's own change: ids of other users'
/// notifications are ignored (no error, so ids cannot be probed). Marking read twice changes
/// nothing. Any signed-in user; API clients have none (403).
#[utoipa::path(
    tag = "notifications",
    operation_id = "notifications_mark_read",
    request_body = MarkReadRequest,
    responses(
        (status = NO_CONTENT, description = "Marked read"),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "An API client", body = Problem, content_type = "application/problem+json"),
        (status = UNPROCESSABLE_ENTITY, description = "Neither `ids` nor `all: true`, both, or too many ids", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/notifications/read")]
pub async fn mark_read(
    state: web::Data<AppState>,
    caller: Caller,
    body: Body<MarkReadRequest>,
) -> Result<HttpResponse, ApiError> {
    caller.signed_in()?;
    let body = body.into_inner();
    let what = match (body.ids, body.all.unwrap_or(false)) {
        (Some(ids), false) if !ids.is_empty() && ids.len() <= 500 => MarkRead::Ids(ids),
        (Some(_), false) => {
            return Err(ApiError::field(
                "ids",
                "length",
                "Give 1 to 500 ids.",
                "请提供 1 到 500 个消息编号。",
            ));
        }
        (None, true) => MarkRead::All,
        _ => {
            return Err(ApiError::field(
                "ids",
                "required",
                "Give either `ids` or `all: true`.",
                "请提供 ids 或 all: true（二选一）。",
            ));
        }
    };
    notifications::mark_read(&state.deps, &caller.actor, what)
        .await
        .map_err(notification_error)?;
    Ok(HttpResponse::NoContent().finish())
}
