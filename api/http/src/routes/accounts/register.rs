//! `POST /api/v1/consumers`

use actix_web::{HttpRequest, HttpResponse, post, web};
use serde::Deserialize;
use utoipa::ToSchema;
use weiquan_services::accounts;
use weiquan_services::sessions::NewSession;
use zeroize::Zeroizing;

use super::{account_error, check_phone};
use crate::auth::{now, policy_for};
use crate::error::{ApiError, FieldError, Problem};
use crate::extract::Body;
use crate::request::origin;
use crate::request::{client_address, user_agent};
use crate::routes::me::get::build_me;
use crate::state::AppState;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RegisterRequest {
    #[schema(example = "13812345678", pattern = r"^1[3-9][0-9]{9}$")]
    pub phone: String,
    /// The SMS code from `POST /api/v1/verification-codes` (purpose `register`).
    pub code: String,
    /// 8 to 128 characters; not a common password, not the phone number.
    #[schema(min_length = 8, max_length = 128)]
    pub password: String,
    /// 1 to 50 characters.
    #[schema(min_length = 1, max_length = 50, pattern = r"\S")]
    pub display_name: String,
}

/// Registers a consumer with a confirmed mobile number and signs them in (session cookie
/// set). Public. A wrong or expired code is 422 on `code`; a weak password 422 on
/// `password` (`too_short`, `too_long`, `common`, `same_as_identifier`).
#[utoipa::path(
    tag = "accounts",
    operation_id = "consumers_register",
    request_body = RegisterRequest,
    responses(
        (status = CREATED, description = "Registered and signed in", body = crate::routes::me::get::Me),
        (status = UNPROCESSABLE_ENTITY, description = "Invalid fields or code", body = Problem, content_type = "application/problem+json"),
        (status = SERVICE_UNAVAILABLE, description = "PostgreSQL or Redis is down", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/consumers")]
pub async fn register(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: Body<RegisterRequest>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    let mut errors = Vec::new();
    if let Err(e) = check_phone("phone", &body.phone) {
        errors.push(e);
    }
    let name = body.display_name.trim();
    if name.is_empty() || name.chars().count() > 50 {
        errors.push(FieldError::new(
            "display_name",
            "length",
            "Enter 1 to 50 characters.",
            "请输入 1 到 50 个字符。",
        ));
    }
    if body.code.trim().is_empty() || body.code.len() > 16 {
        errors.push(super::invalid_code());
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let actor = accounts::register_consumer(
        &state.deps,
        &state.hasher,
        &body.phone,
        &body.code,
        Zeroizing::new(body.password),
        name,
        &origin(&req),
    )
    .await
    .map_err(|e| account_error(e, "password"))?;
    let (id, session) = state
        .sessions
        .create(NewSession {
            policy: policy_for(&actor, &state.config.session),
            actor: actor.clone(),
            ip: client_address(&req),
            user_agent: user_agent(&req),
            now: now(),
        })
        .await?;
    let cookie = state.cookies.cookie(&id, &session)?;
    let me = build_me(&state, &actor, &session).await?;
    Ok(HttpResponse::Created().cookie(cookie).json(me))
}
