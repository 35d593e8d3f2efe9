//! `GET /api/v1/notifications`

use actix_web::{HttpRequest, get, web, web::Json};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use weiquan_services::notifications;

use super::{NotificationDto, locale_of, notification_error};
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NotificationQuery {
    /// Only notifications older than this id (the last `id` of the previous page).
    #[param(minimum = 1)]
    pub before: Option<i64>,
    /// 1 to 100, default 20.
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
}

/// A page of notifications with the unread count.
#[derive(Debug, Serialize, ToSchema)]
pub struct NotificationPage {
    /// Newest first.
    pub items: Vec<NotificationDto>,
    /// Unread notifications in all (not only on this page).
    pub unread: i64,
}

/// The caller's notifications, newest first, rendered in the request's language
/// (`Accept-Language`). Any signed-in user (consumers and members); API clients have none
/// (403).
#[utoipa::path(
    tag = "notifications",
    operation_id = "notifications_list",
    params(NotificationQuery),
    responses(
        (status = OK, description = "The caller's notifications", body = NotificationPage),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "An API client", body = Problem, content_type = "application/problem+json"),
        (status = UNPROCESSABLE_ENTITY, description = "Bad paging parameters", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/notifications")]
pub async fn list(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    query: web::Query<NotificationQuery>,
) -> Result<Json<NotificationPage>, ApiError> {
    caller.signed_in()?;
    let limit = query.limit.unwrap_or(20);
    if !(1..=100).contains(&limit) {
        return Err(ApiError::field(
            "limit",
            "range",
            "Give a limit from 1 to 100.",
            "limit 须在 1 到 100 之间。",
        ));
    }
    if query.before.is_some_and(|b| b < 1) {
        return Err(ApiError::field(
            "before",
            "range",
            "Give a notification id.",
            "before 须为消息编号。",
        ));
    }
    let page = notifications::list(
        &state.deps,
        &caller.actor,
        query.before,
        limit,
        locale_of(&req),
    )
    .await
    .map_err(notification_error)?;
    Ok(Json(NotificationPage {
        items: page.items.into_iter().map(Into::into).collect(),
        unread: page.unread,
    }))
}
