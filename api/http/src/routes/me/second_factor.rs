//! TOTP enrolment and the second-factor step of signing in.

use actix_web::{HttpRequest, HttpResponse, post, web, web::Json};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;
use weiquan_domain::audit::{AuditAction, Outcome};
use weiquan_services::second_factor::{self, Proof, SecondFactorError};
use weiquan_services::sessions::{NewSession, SessionStore};

use super::get::{Me, build_me};
use crate::auth::{Caller, now, policy_for};
use crate::error::{ApiError, ErrorCode, Problem};
use crate::extract::Body;
use crate::extract::validate;
use crate::request::audit_entry;
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct TotpEnrolment {
    /// For manual entry into an authenticator app.
    pub secret_base32: String,
    /// Draw this as a QR code.
    pub otpauth_uri: String,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TotpCode {
    /// The 6-digit code from the authenticator app.
    #[validate(length(min = 6, max = 12))]
    #[schema(min_length = 6, max_length = 12)]
    pub code: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TotpConfirmed {
    /// Ten single-use codes for when the authenticator is lost. Shown only now.
    pub recovery_codes: Vec<String>,
    pub me: Me,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SecondFactorProof {
    /// A 6-digit TOTP code; or else `recovery_code`.
    #[validate(length(min = 6, max = 12))]
    #[schema(min_length = 6, max_length = 12)]
    pub code: Option<String>,
    #[validate(length(min = 10, max = 16))]
    #[schema(min_length = 10, max_length = 16)]
    pub recovery_code: Option<String>,
}

/// Writes a second-factor attempt to the audit log: passed, failed or refused for too many
/// failures (other errors are not attempts).
async fn audit_attempt(
    state: &AppState,
    caller: &Caller,
    req: &HttpRequest,
    method: &str,
    result: &Result<(), &SecondFactorError>,
    on_success: AuditAction,
) {
    let (action, outcome, reason) = match result {
        Ok(()) => (on_success, Outcome::Success, None),
        Err(SecondFactorError::Invalid) => (
            AuditAction::SecondFactorFailed,
            Outcome::Failure,
            Some("invalid_code"),
        ),
        Err(SecondFactorError::Limited { .. }) => (
            AuditAction::SecondFactorFailed,
            Outcome::Failure,
            Some("rate_limited"),
        ),
        Err(_) => return,
    };
    let mut entry = audit_entry(&caller.actor, action, outcome, req);
    entry.detail = serde_json::json!({ "method": method, "reason": reason });
    weiquan_services::audit::record_or_log(&state.deps.db, entry).await;
}

fn map_error(e: SecondFactorError) -> ApiError {
    match e {
        SecondFactorError::Invalid => ApiError::new(ErrorCode::InvalidCredentials).detail(
            "The code is not right (or was already used).",
            "验证码错误或已被使用。",
        ),
        SecondFactorError::NotEnrolled => ApiError::new(ErrorCode::Conflict).detail(
            "No authenticator is enrolled for this account.",
            "该账号尚未绑定身份验证器。",
        ),
        SecondFactorError::AlreadyEnrolled => ApiError::new(ErrorCode::Conflict).detail(
            "An authenticator is already enrolled for this account.",
            "该账号已绑定身份验证器。",
        ),
        SecondFactorError::Limited { retry_after } => ApiError::too_many(retry_after),
        SecondFactorError::Service(e) => e.into(),
    }
}

/// Replaces the caller's session with one whose actor passed the second factor (a new
/// session id, so a session fixed before sign-in is worthless afterwards).
async fn upgrade(
    state: &AppState,
    caller: &Caller,
) -> Result<(actix_web::cookie::Cookie<'static>, Me), ApiError> {
    let Some((old_id, session)) = &caller.session else {
        return Err(ApiError::new(ErrorCode::Unauthorized));
    };
    let actor = session.actor.clone().with_second_factor_passed();
    let (id, fresh) = state
        .sessions
        .create(NewSession {
            policy: policy_for(&actor, &state.config.session),
            actor: actor.clone(),
            ip: session.ip.clone(),
            user_agent: session.user_agent.clone(),
            now: now(),
        })
        .await?;
    if let Some(user) = actor.user() {
        state
            .sessions
            .revoke(user, &SessionStore::handle_of(old_id))
            .await?;
    }
    let cookie = state.cookies.cookie(&id, &fresh)?;
    let me = build_me(state, &actor, &fresh).await?;
    Ok((cookie, me))
}

fn unix_now() -> u64 {
    u64::try_from(now()).unwrap_or(0)
}

/// Starts enrolling an authenticator: a new secret and its `otpauth://` URI. Any signed-in
/// account without a confirmed authenticator; 409 once one is confirmed.
#[utoipa::path(
    tag = "me",
    operation_id = "me_totp_start",
    responses(
        (status = OK, description = "The secret to enrol", body = TotpEnrolment),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = CONFLICT, description = "Already enrolled", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/me/totp")]
pub async fn start(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<Json<TotpEnrolment>, ApiError> {
    let user = caller
        .signed_in()?
        .user()
        .ok_or(ApiError::new(ErrorCode::Unauthorized))?;
    let label = format!("user-{}", user.0);
    let enrolment = second_factor::start_enrolment(&state.deps, &state.secret_box, user, &label)
        .await
        .map_err(map_error)?;
    Ok(Json(TotpEnrolment {
        secret_base32: enrolment.secret_base32.to_string(),
        otpauth_uri: enrolment.otpauth_uri.to_string(),
    }))
}

/// Confirms enrolment with the first code from the app; returns recovery codes (once) and
/// upgrades this session as having passed the second factor. Any signed-in account.
#[utoipa::path(
    tag = "me",
    operation_id = "me_totp_confirm",
    request_body = TotpCode,
    responses(
        (status = OK, description = "Enrolled; the session cookie is replaced", body = TotpConfirmed),
        (status = UNAUTHORIZED, description = "Not signed in, or wrong code", body = Problem, content_type = "application/problem+json"),
        (status = CONFLICT, description = "Not started or already enrolled", body = Problem, content_type = "application/problem+json"),
        (status = UNPROCESSABLE_ENTITY, description = "Malformed code", body = Problem, content_type = "application/problem+json"),
        (status = TOO_MANY_REQUESTS, description = "Too many wrong codes", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/me/totp/confirm")]
pub async fn confirm(
    state: web::Data<AppState>,
    caller: Caller,
    body: Body<TotpCode>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    validate(&*body)?;
    let user = caller
        .signed_in()?
        .user()
        .ok_or(ApiError::new(ErrorCode::Unauthorized))?;
    let codes = second_factor::confirm_enrolment(
        &state.deps,
        &state.hasher,
        &state.secret_box,
        &state.limiter,
        user,
        &body.code,
        unix_now(),
    )
    .await;
    audit_attempt(
        &state,
        &caller,
        &req,
        "totp_enrolment",
        &codes.as_ref().map(|_| ()),
        AuditAction::UserUpdated,
    )
    .await;
    let codes = codes.map_err(map_error)?;
    let (cookie, me) = upgrade(&state, &caller).await?;
    Ok(HttpResponse::Ok().cookie(cookie).json(TotpConfirmed {
        recovery_codes: codes,
        me,
    }))
}

/// Completes signing in with a TOTP code or a recovery code; the session cookie is replaced
/// by one that passed the second factor. Any signed-in account with an authenticator.
#[utoipa::path(
    tag = "me",
    operation_id = "me_second_factor_verify",
    request_body = SecondFactorProof,
    responses(
        (status = OK, description = "Passed; the session cookie is replaced", body = Me),
        (status = UNAUTHORIZED, description = "Not signed in, or wrong code", body = Problem, content_type = "application/problem+json"),
        (status = CONFLICT, description = "No authenticator enrolled", body = Problem, content_type = "application/problem+json"),
        (status = UNPROCESSABLE_ENTITY, description = "Neither or both of code and recovery_code", body = Problem, content_type = "application/problem+json"),
        (status = TOO_MANY_REQUESTS, description = "Too many wrong codes", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/me/session/second-factor")]
pub async fn verify(
    state: web::Data<AppState>,
    caller: Caller,
    body: Body<SecondFactorProof>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    validate(&*body)?;
    let user = caller
        .signed_in()?
        .user()
        .ok_or(ApiError::new(ErrorCode::Unauthorized))?;
    let body = body.into_inner();
    let proof = match (body.code, body.recovery_code) {
        (Some(code), None) => Proof::Totp(code),
        (None, Some(code)) => Proof::Recovery(code),
        _ => {
            return Err(ApiError::field(
                "code",
                "one_of",
                "Send either code or recovery_code.",
                "请填写动态验证码或恢复码（二选一）。",
            ));
        }
    };
    let method = match &proof {
        Proof::Totp(_) => "totp",
        Proof::Recovery(_) => "recovery_code",
    };
    let result = second_factor::verify(
        &state.deps,
        &state.hasher,
        &state.secret_box,
        &state.limiter,
        user,
        proof,
        unix_now(),
    )
    .await;
    audit_attempt(
        &state,
        &caller,
        &req,
        method,
        &result.as_ref().map(|_| ()),
        AuditAction::SecondFactorPassed,
    )
    .await;
    result.map_err(map_error)?;
    let (cookie, me) = upgrade(&state, &caller).await?;
    Ok(HttpResponse::Ok().cookie(cookie).json(me))
}
