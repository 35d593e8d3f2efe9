//! `GET /api/v1/me`

use actix_web::{get, web, web::Json};
use serde::Serialize;
use utoipa::ToSchema;
use weiquan_domain::access::{Actor, capabilities, second_factor_required};
use weiquan_services::ServiceError;
use weiquan_services::sessions::Session;

use super::{ActorKind, CapabilityDto, RoleDto};
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct OrgSummary {
    pub id: i64,
    pub name: String,
    /// `bureau`, `station`, `association`, `department`, `international` or `enterprise`.
    pub kind: String,
    /// For bureaus: `national`, `province`, `city` or `county`.
    pub bureau_level: Option<String>,
    pub division_code: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Me {
    pub user_id: i64,
    pub kind: ActorKind,
    pub display_name: String,
    /// Consumers: the mobile number, masked (`138****5678`).
    pub phone_masked: Option<String>,
    pub username: Option<String>,
    pub org: Option<OrgSummary>,
    pub roles: Vec<RoleDto>,
    /// Whether this account must confirm sign-in with a TOTP code.
    pub second_factor_required: bool,
    /// Whether this session has done so.
    pub second_factor_passed: bool,
    pub capabilities: Vec<CapabilityDto>,
    /// Send this in `X-CSRF-Token` with every state-changing request.
    pub csrf_token: String,
    /// When the session ends regardless of activity (Unix seconds).
    pub session_expires_at: i64,
}

pub fn mask_phone(phone: &str) -> String {
    let chars: Vec<char> = phone.chars().collect();
    if chars.len() < 7 {
        return "*".repeat(chars.len());
    }
    let head: String = chars[..3].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}****{tail}")
}

/// The signed-in caller, their organisation, roles and capabilities, and the CSRF token
/// for this session. Any signed-in user; 401 otherwise.
#[utoipa::path(
    tag = "me",
    operation_id = "me_get",
    responses(
        (status = OK, description = "The signed-in caller", body = Me),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem,
            content_type = "application/problem+json"),
        (status = SERVICE_UNAVAILABLE, description = "PostgreSQL or Redis is down", body = Problem,
            content_type = "application/problem+json"),
    )
)]
#[get("/me")]
pub async fn get(state: web::Data<AppState>, caller: Caller) -> Result<Json<Me>, ApiError> {
    let actor = caller.signed_in()?.clone();
    let Some((_, session)) = caller.session else {
        return Err(ApiError::new(crate::error::ErrorCode::Unauthorized));
    };
    Ok(Json(build_me(&state, &actor, &session).await?))
}

/// The `Me` of an actor in a session (also answered by sign-in and the second-factor step).
pub async fn build_me(state: &AppState, actor: &Actor, session: &Session) -> Result<Me, ApiError> {
    let Some(user_id) = actor.user() else {
        return Err(ApiError::new(crate::error::ErrorCode::Unauthorized));
    };
    let (user, org) = state
        .deps
        .db
        .run(move |conn| {
            let user = weiquan_db::users::find(conn, user_id)?;
            let org = match user.as_ref().and_then(|u| u.org_id) {
                Some(id) => {
                    weiquan_db::organisations::find(conn, weiquan_domain::access::OrgId(id))?
                }
                None => None,
            };
            Ok((user, org))
        })
        .await?;
    let user = user.ok_or(ServiceError::NotFound { what: "user" })?;
    let (kind, roles, passed, required) = match actor {
        Actor::Member {
            roles,
            second_factor,
            org,
            ..
        } => (
            ActorKind::Member,
            roles.clone(),
            *second_factor,
            second_factor_required(org.kind, roles),
        ),
        _ => (ActorKind::Consumer, Vec::new(), false, false),
    };
    Ok(Me {
        user_id: user.id,
        kind,
        display_name: user.display_name,
        phone_masked: user.phone.as_deref().map(mask_phone),
        username: user.username,
        org: org.map(|o| OrgSummary {
            id: o.id,
            name: o.name,
            kind: o.kind,
            bureau_level: o.bureau_level,
            division_code: o.division_code,
        }),
        roles: roles.into_iter().map(RoleDto::from).collect(),
        second_factor_required: required,
        second_factor_passed: passed,
        capabilities: capabilities(actor)
            .into_iter()
            .map(CapabilityDto::from)
            .collect(),
        csrf_token: session.csrf_token.clone(),
        session_expires_at: session.expires_at,
    })
}

#[cfg(test)]
mod tests {
    use super::mask_phone;

    #[test]
    fn phones_are_masked_in_the_middle() {
        assert_eq!(mask_phone("13812345678"), "138****5678");
        assert_eq!(mask_phone("123"), "***");
    }
}
