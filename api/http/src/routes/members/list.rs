//! `GET /api/v1/organisations/{id}/members`

use actix_web::{HttpRequest, get, web, web::Json};
use serde::Serialize;
use utoipa::ToSchema;

use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::routes::me::RoleDto;
use crate::routes::organisations::visible;
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct Member {
    pub id: i64,
    pub display_name: String,
    pub username: Option<String>,
    /// `invited`, `active` or `disabled`.
    pub status: String,
    pub roles: Vec<RoleDto>,
    /// Whether an authenticator is enrolled.
    pub totp_enabled: bool,
    /// Whether the caller may disable, enable or change the roles of this member (the
    /// domain's `may_administer_member`: administrators of the subtree, never on their own
    /// account). The console shows those actions only where this is true.
    pub manageable: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MemberList {
    pub items: Vec<Member>,
}

/// The members of an organisation in the caller's subtree, by name. Members of that
/// organisation or above; 404 outside the caller's subtree.
#[utoipa::path(
    tag = "members",
    operation_id = "members_list",
    params(("id" = i64, Path, description = "Organisation id")),
    responses(
        (status = OK, description = "The members", body = MemberList),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "Second factor required", body = Problem, content_type = "application/problem+json"),
        (status = NOT_FOUND, description = "No such organisation in your subtree", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/organisations/{id}/members")]
pub async fn list(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<Json<MemberList>, ApiError> {
    let (row, org) = visible(&state, &caller, id.into_inner(), &req).await?;
    let members = state
        .deps
        .db
        .run(move |conn| weiquan_db::users::members_of(conn, row.id))
        .await?;
    Ok(Json(MemberList {
        items: members
            .into_iter()
            .map(|(user, roles)| Member {
                manageable: weiquan_domain::access::may_administer_member(
                    &caller.actor,
                    weiquan_domain::access::UserId(user.id),
                    &org,
                )
                .is_ok(),
                id: user.id,
                display_name: user.display_name,
                username: user.username,
                status: user.status,
                roles: roles.into_iter().map(RoleDto::from).collect(),
                totp_enabled: user.totp_enabled_at.is_some(),
            })
            .collect(),
    }))
}
