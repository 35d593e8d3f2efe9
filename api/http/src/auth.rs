//! Who is calling. Browser sessions: an HttpOnly, SameSite=Strict cookie holding a signed JWT
//! that names a session kept in Redis (`weiquan_services::sessions`). The JWT also carries a
//! CSRF value that the SPA must echo in `X-CSRF-Token` on every state-changing request made
//! with a live session: the cookie is unreadable to scripts, so another site cannot learn it
//! (a signed double-submit token). [`Caller`] checks it when it resolves the session, so every
//! handler that acts as the signed-in user is covered, and a cookie whose session has ended
//! blocks nothing (the browser can sign in again).
//!
//! Integrations send `Authorization: Bearer <jwt>` instead (`crate::bearer`): the token is
//! checked (signature, expiry, issuer, audience) and then its client's current state, so a
//! rotated or revoked client's tokens stop at once. Bearer requests carry no ambient
//! authority (a browser never attaches the header by itself), so they need no CSRF token; a
//! request with both a session cookie and a bearer token is refused (400) rather than guessed.
//!
//! Handlers take a [`Caller`] to know the actor; permission decisions are the domain's
//! (`weiquan_domain::access::authorize`), mapped to problems by [`require`].

use std::future::Future;
use std::pin::Pin;

use actix_web::cookie::{Cookie, SameSite, time};
use actix_web::http::Method;
use actix_web::{FromRequest, HttpRequest, web};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use weiquan_domain::access::{Access, Action, Actor, Denied, access, authorize};
use weiquan_services::sessions::{Session, SessionPolicy};

use crate::config::SessionConfig;
use crate::error::{ApiError, ErrorCode};
use crate::state::AppState;

pub const SESSION_COOKIE: &str = "wq_session";
pub const CSRF_HEADER: &str = "X-CSRF-Token";

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Claims {
    /// The secret session id (its hash names the Redis key).
    sid: String,
    /// The user id (a string, as RFC 7519 wants).
    sub: String,
    /// The value the client must send in `X-CSRF-Token`.
    csrf: String,
    iat: i64,
    exp: i64,
}

/// Signs and checks session cookies.
#[derive(Clone)]
pub struct CookieSigner {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    secure: bool,
}

impl CookieSigner {
    pub fn new(config: &SessionConfig) -> Result<Self, String> {
        let secret = config.secret.as_bytes();
        let mut validation = Validation::new(Algorithm::HS256);
        validation.leeway = 0;
        validation.set_required_spec_claims(&["exp", "sub"]);
        Ok(Self {
            encoding: EncodingKey::from_secret(secret).map_err(|e| e.to_string())?,
            decoding: DecodingKey::from_secret(secret).map_err(|e| e.to_string())?,
            validation,
            secure: config.cookie_secure,
        })
    }

    /// The cookie for a new session.
    pub fn cookie(&self, id: &str, session: &Session) -> Result<Cookie<'static>, ApiError> {
        let claims = Claims {
            sid: id.to_owned(),
            sub: session.actor.user().map_or(0, |u| u.0).to_string(),
            csrf: session.csrf_token.clone(),
            iat: session.created_at,
            exp: session.expires_at,
        };
        let jwt = jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(|e| {
                log::error!("signing session cookie: {e}");
                ApiError::internal()
            })?;
        let max_age = (session.expires_at - session.created_at).max(0);
        Ok(Cookie::build(SESSION_COOKIE, jwt)
            .path("/")
            .http_only(true)
            .secure(self.secure)
            .same_site(SameSite::Strict)
            .max_age(time::Duration::seconds(max_age))
            .finish())
    }

    /// A cookie that deletes the session cookie.
    pub fn removal(&self) -> Cookie<'static> {
        let mut cookie = Cookie::build(SESSION_COOKIE, "")
            .path("/")
            .http_only(true)
            .secure(self.secure)
            .same_site(SameSite::Strict)
            .finish();
        cookie.make_removal();
        cookie
    }

    fn claims(&self, req: &HttpRequest) -> Option<Claims> {
        let cookie = req.cookie(SESSION_COOKIE)?;
        jsonwebtoken::decode::<Claims>(cookie.value(), &self.decoding, &self.validation)
            .ok()
            .map(|data| data.claims)
    }
}

/// The session timeouts for an actor.
pub fn policy_for(actor: &Actor, config: &SessionConfig) -> SessionPolicy {
    match actor {
        Actor::Consumer { .. } => SessionPolicy {
            idle: config.consumer_idle,
            absolute: config.consumer_absolute,
        },
        _ => SessionPolicy {
            idle: config.staff_idle,
            absolute: config.staff_absolute,
        },
    }
}

/// The caller of a request: the actor and, for browser sessions, the session; for API
/// clients, their bearer token.
#[derive(Debug, Clone)]
pub struct Caller {
    pub actor: Actor,
    pub session: Option<(String, Session)>,
    pub token: Option<BearerToken>,
}

/// What a bearer caller's token said, beyond the actor.
#[derive(Debug, Clone)]
pub struct BearerToken {
    /// The public client id.
    pub client_id: String,
    pub expires_at: i64,
    pub token_id: String,
}

/// The token of an `Authorization: Bearer` header; `Some("")` for a Bearer header without
/// one, `None` when there is no Bearer header (other schemes are not ours to judge here).
fn bearer_token(req: &HttpRequest) -> Option<String> {
    let value = req.headers().get(actix_web::http::header::AUTHORIZATION)?;
    let value = value.to_str().unwrap_or("Bearer ").trim();
    let (scheme, rest) = value.split_once(' ').unwrap_or((value, ""));
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| rest.trim().to_owned())
}

impl Caller {
    /// The signed-in actor, or 401.
    pub fn signed_in(&self) -> Result<&Actor, ApiError> {
        match self.actor {
            Actor::Anonymous => Err(ApiError::new(ErrorCode::Unauthorized)),
            ref actor => Ok(actor),
        }
    }
}

pub fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

impl FromRequest for Caller {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let anonymous = Caller {
                actor: Actor::Anonymous,
                session: None,
                token: None,
            };
            let Some(state) = req.app_data::<web::Data<AppState>>() else {
                return Err(ApiError::internal());
            };
            if let Some(token) = bearer_token(&req) {
                if req.cookie(SESSION_COOKIE).is_some() {
                    return Err(ApiError::malformed(
                        "Send either a session cookie or a bearer token, not both.",
                        "请求不能同时携带会话 Cookie 和访问令牌。",
                    ));
                }
                return resolve_bearer(state, &token).await;
            }
            let Some(claims) = state.cookies.claims(&req) else {
                return Ok(anonymous);
            };
            // Redis down: the answer is 503, never "let them in" and never "anonymous".
            let session = match state.sessions.touch(&claims.sid, now()).await? {
                Some(session)
                    if session.actor.user().map(|u| u.0.to_string()) == Some(claims.sub) =>
                {
                    session
                }
                // A dead session's cookie acts as nobody, so it needs no CSRF token either:
                // the browser can still sign in again.
                _ => return Ok(anonymous),
            };
            if !is_safe(req.method()) {
                let sent = req
                    .headers()
                    .get(CSRF_HEADER)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or_default();
                if !constant_time_eq(sent.as_bytes(), claims.csrf.as_bytes()) {
                    return Err(ApiError::new(ErrorCode::CsrfTokenInvalid));
                }
            }
            Ok(Caller {
                actor: session.actor.clone(),
                session: Some((claims.sid, session)),
                token: None,
            })
        })
    }
}

/// The client a bearer token speaks for, or 401 `invalid_token`. Checks the signature,
/// expiry, issuer and audience, then the client's current row (one indexed lookup; see
/// `weiquan_services::api_clients`): PostgreSQL down is 503, never "let them in".
async fn resolve_bearer(state: &AppState, token: &str) -> Result<Caller, ApiError> {
    let Some(claims) = state.tokens.verify(token) else {
        return Err(ApiError::invalid_token());
    };
    match weiquan_services::api_clients::resolve(&state.deps, claims.presented()).await? {
        Some((actor, _)) => Ok(Caller {
            actor,
            session: None,
            token: Some(BearerToken {
                client_id: claims.sub,
                expires_at: claims.exp,
                token_id: claims.jti,
            }),
        }),
        None => Err(ApiError::invalid_token()),
    }
}

/// Asks the domain whether the caller may do `action`; a refusal becomes 401 or 403.
pub fn require(caller: &Caller, action: Action<'_>) -> Result<(), ApiError> {
    authorize(&caller.actor, action).map_err(denied)
}

/// Decides `action` with the domain's one rule ([`weiquan_domain::access::access`]): allowed,
/// not found (the target is outside what the caller may see: 404, never 403, so ids cannot be
/// probed), or denied (401/403). Refusals of signed-in callers are audited.
pub async fn require_audited(
    state: &AppState,
    caller: &Caller,
    action: Action<'_>,
    request: &HttpRequest,
) -> Result<(), ApiError> {
    let refused = match access(&caller.actor, action) {
        Access::Allowed => return Ok(()),
        Access::NotFound => None,
        Access::Denied(reason) => Some(reason),
    };
    if !matches!(caller.actor, Actor::Anonymous) {
        let name = match action {
            Action::ViewOrg(_) => "view_org",
            Action::ManageMembers(_) => "manage_members",
            Action::CreateStation(_) => "create_station",
            Action::ReviewApplication(_) => "review_application",
            Action::ManageApiClients(_) => "manage_api_clients",
            Action::SearchAudit(_) => "search_audit",
            Action::ViewOrders(_) => "view_orders",
            Action::ViewOdrStats(_) => "view_odr_stats",
            Action::Supervise(_) => "supervise",
            Action::ManageTaxonomy(_) => "manage_taxonomy",
        };
        audit_refusal(
            state,
            caller,
            request,
            name,
            format!("org:{}", action.target().id.0),
            refused.map_or_else(|| "not_visible".to_owned(), |r| r.to_string()),
        )
        .await;
    }
    Err(match refused {
        None => ApiError::new(ErrorCode::NotFound),
        Some(reason) => denied(reason),
    })
}

/// Writes a refused request of a signed-in caller to the audit log (`access_denied`): what
/// was asked (`action`, on `subject`), why it was refused, and the request line.
pub async fn audit_refusal(
    state: &AppState,
    caller: &Caller,
    request: &HttpRequest,
    action: &str,
    subject: String,
    reason: String,
) {
    let mut entry = crate::request::audit_entry(
        &caller.actor,
        weiquan_domain::audit::AuditAction::AccessDenied,
        weiquan_domain::audit::Outcome::Denied,
        request,
    );
    entry.subject = Some(subject);
    entry.detail = serde_json::json!({
        "action": action,
        "reason": reason,
        "method": request.method().as_str(),
        "path": request.path(),
    });
    weiquan_services::audit::record_or_log(&state.deps.db, entry).await;
}

pub fn denied(reason: Denied) -> ApiError {
    match reason {
        Denied::SignInRequired => ApiError::new(ErrorCode::Unauthorized),
        Denied::SecondFactorRequired => ApiError::new(ErrorCode::SecondFactorRequired),
        Denied::Forbidden => ApiError::new(ErrorCode::Forbidden),
    }
}

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constant_time_comparison_is_exact() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
        assert!(!constant_time_eq(b"", b"a"));
    }
}
