//! `GET` and `PUT /api/v1/me/notification-preferences`

use actix_web::{get, put, web, web::Json};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use weiquan_domain::notify::in_app::Preferences;
use weiquan_services::notifications;

use super::notification_error;
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::extract::Body;
use crate::state::AppState;

/// The channels the user wants besides the app (which is always on). Messages go to the
/// account's email address or mobile number, when it has one.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NotificationPreferences {
    pub email: bool,
    pub sms: bool,
}

impl From<Preferences> for NotificationPreferences {
    fn from(p: Preferences) -> Self {
        Self {
            email: p.email,
            sms: p.sms,
        }
    }
}

/// The caller's notification channels (both on until changed). Any signed-in user; API
/// clients have none (403).
#[utoipa::path(
    tag = "notifications",
    operation_id = "notification_preferences_get",
    responses(
        (status = OK, description = "The caller's channels", body = NotificationPreferences),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "An API client", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/me/notification-preferences")]
pub async fn get(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<Json<NotificationPreferences>, ApiError> {
    caller.signed_in()?;
    let p = notifications::preferences(&state.deps, &caller.actor)
        .await
        .map_err(notification_error)?;
    Ok(Json(p.into()))
}

/// Chooses the caller's notification channels; later notifications follow them. Any
/// signed-in user; API clients have none (403).
#[utoipa::path(
    tag = "notifications",
    operation_id = "notification_preferences_put",
    request_body = NotificationPreferences,
    responses(
        (status = OK, description = "Stored", body = NotificationPreferences),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "An API client", body = Problem, content_type = "application/problem+json"),
        (status = UNPROCESSABLE_ENTITY, description = "Missing or non-boolean fields", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/me/notification-preferences")]
pub async fn put(
    state: web::Data<AppState>,
    caller: Caller,
    body: Body<NotificationPreferences>,
) -> Result<Json<NotificationPreferences>, ApiError> {
    caller.signed_in()?;
    let p = notifications::set_preferences(
        &state.deps,
        &caller.actor,
        Preferences {
            email: body.email,
            sms: body.sms,
        },
    )
    .await
    .map_err(notification_error)?;
    Ok(Json(p.into()))
}
