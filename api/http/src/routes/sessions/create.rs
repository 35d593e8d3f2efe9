//! `POST /api/v1/sessions`

use actix_web::{HttpRequest, HttpResponse, post, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;
use weiquan_services::sessions::NewSession;
use weiquan_services::sign_in::{self, Audience, SecondFactor, SignInError};
use zeroize::Zeroizing;

use crate::auth::{now, policy_for};
use crate::error::{ApiError, ErrorCode, Problem};
use crate::extract::Body;
use crate::extract::validate;
use crate::request::{audit_entry, client_address, user_agent};
use crate::routes::me::get::{Me, build_me};
use crate::state::AppState;

#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AudienceDto {
    /// Consumers, by mobile number.
    Consumer,
    /// Members of organisations, by user name.
    Staff,
}

#[derive(Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SignInRequest {
    pub audience: AudienceDto,
    /// A consumer's 11-digit mobile number, or a member's user name.
    #[validate(length(min = 1, max = 64))]
    #[schema(min_length = 1, max_length = 64)]
    pub login: String,
    #[validate(length(min = 1, max = 4096))]
    #[schema(min_length = 1, max_length = 4096)]
    pub password: String,
}

impl std::fmt::Debug for SignInRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignInRequest")
            .field("audience", &self.audience)
            .field("login", &self.login)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SecondFactorState {
    NotRequired,
    /// Send a TOTP or recovery code to `POST /api/v1/me/session/second-factor`.
    Required,
    /// Enrol an authenticator first: `POST /api/v1/me/totp`.
    EnrolmentRequired,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SignInResult {
    pub second_factor: SecondFactorState,
    pub me: Me,
}

/// Signs in with a password and sets the session cookie. Public. The answer to a wrong
/// password, an unknown or a disabled account is the same 401 `invalid_credentials`; repeated
/// failures are answered 429 with `Retry-After`. Accounts that must use a second factor get a
/// session that can only complete it.
#[utoipa::path(
    tag = "sessions",
    operation_id = "sessions_create",
    request_body = SignInRequest,
    responses(
        (status = CREATED, description = "Signed in; the session cookie is set", body = SignInResult),
        (status = UNAUTHORIZED, description = "Wrong login or password", body = Problem,
            content_type = "application/problem+json"),
        (status = UNPROCESSABLE_ENTITY, description = "Missing or oversized fields", body = Problem,
            content_type = "application/problem+json"),
        (status = TOO_MANY_REQUESTS, description = "Too many failures; see Retry-After", body = Problem,
            content_type = "application/problem+json"),
        (status = SERVICE_UNAVAILABLE, description = "PostgreSQL or Redis is down", body = Problem,
            content_type = "application/problem+json"),
    )
)]
#[post("/sessions")]
pub async fn create(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: Body<SignInRequest>,
) -> Result<HttpResponse, ApiError> {
    validate(&*body)?;
    let body = body.into_inner();
    let audience = match body.audience {
        AudienceDto::Consumer => Audience::Consumer,
        AudienceDto::Staff => Audience::Staff,
    };
    let address = client_address(&req);
    let login_for_audit = match audience {
        Audience::Consumer => weiquan_domain::mask::mask_phone(body.login.trim()),
        Audience::Staff => body.login.trim().to_lowercase(),
    };
    let agent = user_agent(&req);
    let audit = |actor: &weiquan_domain::access::Actor, action, outcome, reason: &str| {
        let mut entry = audit_entry(actor, action, outcome, &req);
        entry.detail = serde_json::json!({"login": login_for_audit, "audience": format!("{audience:?}").to_lowercase(), "reason": reason});
        entry
    };
    let signed_in = sign_in::sign_in(
        &state.deps,
        &state.hasher,
        &state.limiter,
        state.config.signin_limits,
        sign_in::Attempt {
            audience,
            login: &body.login,
            password: Zeroizing::new(body.password),
            address: &address,
        },
    )
    .await;
    let signed_in = match signed_in {
        Ok(signed_in) => signed_in,
        Err(e) => {
            let (error, reason, account) = match e {
                SignInError::Invalid { account } => (
                    ApiError::new(ErrorCode::InvalidCredentials),
                    "invalid_credentials",
                    account,
                ),
                SignInError::Limited { retry_after } => {
                    (ApiError::too_many(retry_after), "rate_limited", None)
                }
                SignInError::Service(e) => return Err(e.into()),
            };
            let mut entry = audit(
                &weiquan_domain::access::Actor::Anonymous,
                weiquan_domain::audit::AuditAction::SignInFailed,
                weiquan_domain::audit::Outcome::Failure,
                reason,
            );
            // A failure against an existing account is filed under that account's
            // organisation, so its administrators see someone guessing their staff's
            // passwords; the answer to the caller stays the same either way.
            if let Some(account) = account {
                entry.subject = Some(format!("user:{}", account.user.0));
                entry.org_path = account.org_path;
            }
            weiquan_services::audit::record_or_log(&state.deps.db, entry).await;
            return Err(error);
        }
    };
    let entry = audit(
        &signed_in.actor,
        weiquan_domain::audit::AuditAction::SignIn,
        weiquan_domain::audit::Outcome::Success,
        "password",
    );
    weiquan_services::audit::record_or_log(&state.deps.db, entry).await;
    let policy = policy_for(&signed_in.actor, &state.config.session);
    let (id, session) = state
        .sessions
        .create(NewSession {
            actor: signed_in.actor.clone(),
            policy,
            ip: address,
            user_agent: agent.clone(),
            now: now(),
        })
        .await?;
    let cookie = state.cookies.cookie(&id, &session)?;
    let me = build_me(&state, &signed_in.actor, &session).await?;
    let second_factor = match signed_in.second_factor {
        SecondFactor::NotRequired => SecondFactorState::NotRequired,
        SecondFactor::Required => SecondFactorState::Required,
        SecondFactor::EnrolmentRequired => SecondFactorState::EnrolmentRequired,
    };
    Ok(HttpResponse::Created()
        .cookie(cookie)
        .json(SignInResult { second_factor, me }))
}
