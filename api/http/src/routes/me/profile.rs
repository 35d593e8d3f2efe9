//! The signed-in caller changing their own name and password.

use actix_web::{HttpRequest, HttpResponse, patch, put, web, web::Json};
use serde::Deserialize;
use utoipa::ToSchema;
use weiquan_services::accounts;
use zeroize::Zeroizing;

use super::get::{Me, build_me};
use crate::auth::Caller;
use crate::error::{ApiError, ErrorCode, FieldError, Problem};
use crate::extract::Body;
use crate::request::origin;
use crate::routes::accounts::account_error;
use crate::state::AppState;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProfileUpdate {
    /// 1 to 50 characters.
    #[schema(min_length = 1, max_length = 50, pattern = r"\S")]
    pub display_name: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PasswordChange {
    #[schema(min_length = 1, max_length = 4096)]
    pub current_password: String,
    /// 8 to 128 characters; not a common password, not the phone number or user name.
    #[schema(min_length = 8, max_length = 128)]
    pub new_password: String,
}

/// Renames the caller. Any signed-in user.
#[utoipa::path(
    tag = "me",
    operation_id = "me_update",
    request_body = ProfileUpdate,
    responses(
        (status = OK, description = "Updated", body = Me),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "An API client: it has no name or password of its own", body = Problem, content_type = "application/problem+json"),
        (status = UNPROCESSABLE_ENTITY, description = "Invalid name", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/me")]
pub async fn update(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    body: Body<ProfileUpdate>,
) -> Result<Json<Me>, ApiError> {
    let actor = caller.signed_in()?.clone();
    let name = body.display_name.trim();
    if name.is_empty() || name.chars().count() > 50 {
        return Err(ApiError::validation(vec![FieldError::new(
            "display_name",
            "length",
            "Enter 1 to 50 characters.",
            "请输入 1 到 50 个字符。",
        )]));
    }
    accounts::rename(&state.deps, &actor, name, &origin(&req))
        .await
        .map_err(|e| account_error(e, "display_name"))?;
    let Some((_, session)) = &caller.session else {
        return Err(ApiError::new(ErrorCode::Unauthorized));
    };
    Ok(Json(build_me(&state, &actor, session).await?))
}

/// Changes the caller's password after checking the current one; every session of the
/// account ends, this one included (sign in again). Any signed-in user.
#[utoipa::path(
    tag = "me",
    operation_id = "me_password_change",
    request_body = PasswordChange,
    responses(
        (status = NO_CONTENT, description = "Changed; all sessions ended"),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "An API client: it has no name or password of its own", body = Problem, content_type = "application/problem+json"),
        (status = UNPROCESSABLE_ENTITY, description = "Wrong current password or weak new one", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/me/password")]
pub async fn change_password(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    body: Body<PasswordChange>,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.signed_in()?.clone();
    let body = body.into_inner();
    accounts::change_password(
        &state.deps,
        &state.hasher,
        &state.sessions,
        &actor,
        Zeroizing::new(body.current_password),
        Zeroizing::new(body.new_password),
        &origin(&req),
    )
    .await
    .map_err(|e| account_error(e, "new_password"))?;
    Ok(HttpResponse::NoContent()
        .cookie(state.cookies.removal())
        .finish())
}
