//! `GET /api/v1/notifications/unread-count`

use actix_web::{get, web, web::Json};
use weiquan_services::notifications;

use super::{UnreadCount, notification_error};
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::state::AppState;

/// How many of the caller's notifications are unread: what the bell polls (one indexed
/// count). Any signed-in user; API clients have none (403).
#[utoipa::path(
    tag = "notifications",
    operation_id = "notifications_unread_count",
    responses(
        (status = OK, description = "The unread count", body = UnreadCount),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "An API client", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/notifications/unread-count")]
pub async fn unread(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<Json<UnreadCount>, ApiError> {
    caller.signed_in()?;
    let unread = notifications::unread(&state.deps, &caller.actor)
        .await
        .map_err(notification_error)?;
    Ok(Json(UnreadCount { unread }))
}
