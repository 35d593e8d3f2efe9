//! `POST /api/v1/verification-codes`

use actix_web::{HttpRequest, HttpResponse, post, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use weiquan_services::verification::{self, CODE_TTL, Purpose, RESEND_AFTER, VerificationError};

use super::check_phone;
use crate::config::Environment;
use crate::error::{ApiError, Problem};
use crate::extract::Body;
use crate::request::client_address;
use crate::state::AppState;

#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CodePurpose {
    Register,
    ResetPassword,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CodeRequest {
    /// 11-digit mainland mobile number.
    #[schema(example = "13812345678", pattern = r"^1[3-9][0-9]{9}$")]
    pub phone: String,
    pub purpose: CodePurpose,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CodeSent {
    pub expires_in_seconds: u64,
    pub resend_after_seconds: u64,
}

/// Sends a one-time SMS code for registering or resetting a password. Public. The answer is
/// the same whether or not the number has an account (nothing is sent when the number cannot
/// use the purpose); limited to one per minute and ten per day per number (429 with
/// `Retry-After`).
#[utoipa::path(
    tag = "accounts",
    operation_id = "verification_codes_create",
    request_body = CodeRequest,
    responses(
        (status = ACCEPTED, description = "Sent if the number may use it", body = CodeSent),
        (status = UNPROCESSABLE_ENTITY, description = "Not a mobile number", body = Problem, content_type = "application/problem+json"),
        (status = TOO_MANY_REQUESTS, description = "Too soon or too many", body = Problem, content_type = "application/problem+json"),
        (status = SERVICE_UNAVAILABLE, description = "PostgreSQL or Redis is down", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/verification-codes")]
pub async fn create(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: Body<CodeRequest>,
) -> Result<HttpResponse, ApiError> {
    check_phone("phone", &body.phone).map_err(|e| ApiError::validation(vec![e]))?;
    let purpose = match body.purpose {
        CodePurpose::Register => Purpose::Register,
        CodePurpose::ResetPassword => Purpose::ResetPassword,
    };
    verification::send_code(
        &state.deps,
        &state.limiter,
        purpose,
        &body.phone,
        &client_address(&req),
        state.config.environment == Environment::Development,
    )
    .await
    .map_err(|e| match e {
        VerificationError::Limited { retry_after } => ApiError::too_many(retry_after),
        VerificationError::InvalidCode => super::unexpected(),
        VerificationError::Service(e) => e.into(),
    })?;
    Ok(HttpResponse::Accepted().json(CodeSent {
        expires_in_seconds: CODE_TTL.as_secs(),
        resend_after_seconds: RESEND_AFTER.as_secs(),
    }))
}
