//! The caller's sessions: list, sign out here, sign out one, sign out everywhere.

use actix_web::{HttpRequest, HttpResponse, delete, get, web, web::Json};
use serde::Serialize;
use utoipa::ToSchema;
use weiquan_domain::audit::{AuditAction, Outcome};
use weiquan_services::sessions::SessionStore;

use crate::auth::Caller;
use crate::error::{ApiError, ErrorCode, Problem};
use crate::request::audit_entry;
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct SessionInfo {
    /// Names the session for revocation (not the secret id).
    pub handle: String,
    pub current: bool,
    pub created_at: i64,
    pub last_seen: i64,
    pub expires_at: i64,
    pub ip: String,
    pub user_agent: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SessionList {
    pub items: Vec<SessionInfo>,
}

/// Writes what the caller did to their sessions to the audit log.
async fn audit(
    state: &AppState,
    caller: &Caller,
    action: AuditAction,
    req: &HttpRequest,
    detail: serde_json::Value,
) {
    let mut entry = audit_entry(&caller.actor, action, Outcome::Success, req);
    entry.detail = detail;
    weiquan_services::audit::record_or_log(&state.deps.db, entry).await;
}

fn session_of(caller: &Caller) -> Result<(&str, weiquan_domain::access::UserId), ApiError> {
    match (&caller.session, caller.actor.user()) {
        (Some((id, _)), Some(user)) => Ok((id.as_str(), user)),
        _ => Err(ApiError::new(ErrorCode::Unauthorized)),
    }
}

/// The caller's live sessions (device, IP, last seen), newest first. Any signed-in user.
#[utoipa::path(
    tag = "me",
    operation_id = "me_sessions_list",
    responses(
        (status = OK, description = "The caller's sessions", body = SessionList),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem,
            content_type = "application/problem+json"),
    )
)]
#[get("/me/sessions")]
pub async fn list(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<Json<SessionList>, ApiError> {
    let (id, user) = session_of(&caller)?;
    let current = SessionStore::handle_of(id);
    let items = state
        .sessions
        .list(user)
        .await?
        .into_iter()
        .map(|s| SessionInfo {
            current: s.handle == current,
            handle: s.handle,
            created_at: s.session.created_at,
            last_seen: s.session.last_seen,
            expires_at: s.session.expires_at,
            ip: s.session.ip,
            user_agent: s.session.user_agent,
        })
        .collect();
    Ok(Json(SessionList { items }))
}

/// Signs out of this session and clears the cookie. Any signed-in user.
#[utoipa::path(
    tag = "me",
    operation_id = "me_session_delete",
    responses(
        (status = NO_CONTENT, description = "Signed out"),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem,
            content_type = "application/problem+json"),
    )
)]
#[delete("/me/session")]
pub async fn sign_out(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let (id, user) = session_of(&caller)?;
    let handle = SessionStore::handle_of(id);
    state.sessions.revoke(user, &handle).await?;
    audit(
        &state,
        &caller,
        AuditAction::SignOut,
        &req,
        serde_json::json!({ "session": &handle[..8] }),
    )
    .await;
    Ok(HttpResponse::NoContent()
        .cookie(state.cookies.removal())
        .finish())
}

/// Signs out of every session of this account, this one included. Any signed-in user.
#[utoipa::path(
    tag = "me",
    operation_id = "me_sessions_delete_all",
    responses(
        (status = NO_CONTENT, description = "Signed out everywhere"),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem,
            content_type = "application/problem+json"),
    )
)]
#[delete("/me/sessions")]
pub async fn sign_out_everywhere(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let (_, user) = session_of(&caller)?;
    state.sessions.revoke_all(user).await?;
    audit(
        &state,
        &caller,
        AuditAction::SessionsRevokedAll,
        &req,
        serde_json::json!({}),
    )
    .await;
    Ok(HttpResponse::NoContent()
        .cookie(state.cookies.removal())
        .finish())
}

/// Revokes one of the caller's own sessions by handle. Any signed-in user; another user's
/// handle is 404.
#[utoipa::path(
    tag = "me",
    operation_id = "me_sessions_delete",
    params(("handle" = String, Path, description = "The session handle from the list")),
    responses(
        (status = NO_CONTENT, description = "Revoked"),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem,
            content_type = "application/problem+json"),
        (status = NOT_FOUND, description = "No such session of yours", body = Problem,
            content_type = "application/problem+json"),
    )
)]
#[delete("/me/sessions/{handle}")]
pub async fn revoke(
    state: web::Data<AppState>,
    caller: Caller,
    handle: web::Path<String>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let (_, user) = session_of(&caller)?;
    if handle.len() != 64 || !handle.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(ApiError::not_found("The session", "该会话"));
    }
    if state.sessions.revoke(user, &handle).await? {
        audit(
            &state,
            &caller,
            AuditAction::SessionRevoked,
            &req,
            serde_json::json!({ "session": &handle[..8] }),
        )
        .await;
        Ok(HttpResponse::NoContent().finish())
    } else {
        Err(ApiError::not_found("The session", "该会话"))
    }
}
