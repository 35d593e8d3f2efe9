//! `POST /api/v1/users/{id}/disable`, `POST /api/v1/users/{id}/enable`,
//! `PUT /api/v1/users/{id}/roles`

use actix_web::{HttpRequest, HttpResponse, post, put, web};
use serde::Deserialize;
use utoipa::ToSchema;
use weiquan_domain::access::{Role, UserId};
use weiquan_services::members::{self, MemberChange, MemberError};

use crate::auth::{Caller, denied};
use crate::error::{ApiError, ErrorCode, FieldError, Problem};
use crate::extract::Body;
use crate::request::origin;
use crate::state::AppState;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RolesUpdate {
    /// At least one of `handler`, `reviewer`, `org_admin`, `analyst`.
    #[schema(min_items = 1, value_type = Vec<crate::routes::me::RoleDto>)]
    pub roles: Vec<String>,
}

async fn apply(
    state: &AppState,
    req: &HttpRequest,
    caller: &Caller,
    id: i64,
    change: MemberChange,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.signed_in()?;
    members::change(
        &state.deps,
        &state.sessions,
        actor,
        UserId(id),
        change,
        &origin(req),
    )
    .await
    .map_err(|e| match e {
        MemberError::NotFound => ApiError::not_found("The member", "该成员"),
        MemberError::Denied(reason) => denied(reason),
        MemberError::NotActivated => ApiError::new(ErrorCode::Conflict).detail(
            "This account was never activated: it becomes active only when its invitation is accepted.",
            "该账号尚未激活，只能通过接受邀请激活。",
        ),
        MemberError::Service(e) => e.into(),
    })?;
    Ok(HttpResponse::NoContent().finish())
}

/// Disables a member: they can no longer sign in and every session of theirs ends at once.
/// Administrators of the member's organisation or above, never on their own account.
#[utoipa::path(
    tag = "members",
    operation_id = "members_disable",
    params(("id" = i64, Path, description = "User id")),
    responses(
        (status = NO_CONTENT, description = "Disabled; sessions ended"),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "Not an administrator here, or one's own account", body = Problem, content_type = "application/problem+json"),
        (status = NOT_FOUND, description = "No such member in your subtree", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/users/{id}/disable")]
pub async fn disable(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    apply(
        &state,
        &req,
        &caller,
        id.into_inner(),
        MemberChange::Disable,
    )
    .await
}

/// Enables a disabled member. Administrators of the member's organisation or above.
#[utoipa::path(
    tag = "members",
    operation_id = "members_enable",
    params(("id" = i64, Path, description = "User id")),
    responses(
        (status = NO_CONTENT, description = "Enabled"),
        (status = CONFLICT, description = "The account was never activated (an open or revoked invitation)", body = Problem, content_type = "application/problem+json"),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "Not an administrator here, or one's own account", body = Problem, content_type = "application/problem+json"),
        (status = NOT_FOUND, description = "No such member in your subtree", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/users/{id}/enable")]
pub async fn enable(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    apply(&state, &req, &caller, id.into_inner(), MemberChange::Enable).await
}

/// Replaces a member's roles; their sessions end so the new roles apply at once.
/// Administrators of the member's organisation or above, never on their own account.
#[utoipa::path(
    tag = "members",
    operation_id = "members_roles_update",
    params(("id" = i64, Path, description = "User id")),
    request_body = RolesUpdate,
    responses(
        (status = NO_CONTENT, description = "Roles replaced; sessions ended"),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "Not an administrator here, or one's own account", body = Problem, content_type = "application/problem+json"),
        (status = NOT_FOUND, description = "No such member in your subtree", body = Problem, content_type = "application/problem+json"),
        (status = UNPROCESSABLE_ENTITY, description = "Unknown or no roles", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/users/{id}/roles")]
pub async fn roles(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
    body: Body<RolesUpdate>,
) -> Result<HttpResponse, ApiError> {
    let mut roles = Vec::new();
    for (i, name) in body.roles.iter().enumerate() {
        match Role::parse(name) {
            Some(role) if !roles.contains(&role) => roles.push(role),
            Some(_) => {}
            None => {
                return Err(ApiError::validation(vec![FieldError::new(
                    format!("roles[{i}]"),
                    "unknown_role",
                    "One of handler, reviewer, org_admin, analyst.",
                    "角色须为 handler、reviewer、org_admin、analyst 之一。",
                )]));
            }
        }
    }
    if roles.is_empty() {
        return Err(ApiError::field(
            "roles",
            "length",
            "Give at least one role.",
            "请至少指定一个角色。",
        ));
    }
    apply(
        &state,
        &req,
        &caller,
        id.into_inner(),
        MemberChange::Roles(roles),
    )
    .await
}
