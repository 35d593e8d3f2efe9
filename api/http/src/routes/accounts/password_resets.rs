//! `POST /api/v1/password-resets`

use actix_web::{HttpRequest, HttpResponse, post, web};
use serde::Deserialize;
use utoipa::ToSchema;
use weiquan_services::accounts;
use zeroize::Zeroizing;

use super::{account_error, check_phone};
use crate::error::{ApiError, Problem};
use crate::extract::Body;
use crate::request::origin;
use crate::state::AppState;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResetRequest {
    #[schema(example = "13812345678", pattern = r"^1[3-9][0-9]{9}$")]
    pub phone: String,
    /// The SMS code from `POST /api/v1/verification-codes` (purpose `reset_password`).
    pub code: String,
    /// The new password: 8 to 128 characters; not a common password, not the phone number.
    #[schema(min_length = 8, max_length = 128)]
    pub password: String,
}

/// Sets a new password for a consumer with a confirmed mobile number; every session of the
/// account ends. Public. Wrong code: 422 on `code`; weak password: 422 on `password`.
#[utoipa::path(
    tag = "accounts",
    operation_id = "password_resets_create",
    request_body = ResetRequest,
    responses(
        (status = NO_CONTENT, description = "Password changed; sign in again"),
        (status = UNPROCESSABLE_ENTITY, description = "Invalid fields or code", body = Problem, content_type = "application/problem+json"),
        (status = SERVICE_UNAVAILABLE, description = "PostgreSQL or Redis is down", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/password-resets")]
pub async fn create(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: Body<ResetRequest>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    check_phone("phone", &body.phone).map_err(|e| ApiError::validation(vec![e]))?;
    accounts::reset_password(
        &state.deps,
        &state.hasher,
        &state.sessions,
        &body.phone,
        &body.code,
        Zeroizing::new(body.password),
        &origin(&req),
    )
    .await
    .map_err(|e| account_error(e, "password"))?;
    Ok(HttpResponse::NoContent().finish())
}
