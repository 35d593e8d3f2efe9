//! `GET /api/v1/organisations/{id}/invitations`

use actix_web::{HttpRequest, get, web, web::Json};
use serde::Serialize;
use utoipa::ToSchema;
use weiquan_domain::access::{Action, OrgId};
use weiquan_services::invitations;

use super::{Invitation, invitation_error};
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::routes::organisations::load_for;
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct InvitationList {
    pub items: Vec<Invitation>,
}

/// The invitations of an organisation, newest first, whatever their status (open, expired,
/// accepted, revoked). Administrators of that organisation or of one above it; 404 outside
/// the caller's subtree.
#[utoipa::path(
    tag = "invitations",
    operation_id = "invitations_list",
    params(("id" = i64, Path, description = "Organisation id")),
    responses(
        (status = OK, description = "The invitations", body = InvitationList),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "Not an administrator here, or second factor required", body = Problem, content_type = "application/problem+json"),
        (status = NOT_FOUND, description = "No such organisation in your subtree", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/organisations/{id}/invitations")]
pub async fn list(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<Json<InvitationList>, ApiError> {
    let id = id.into_inner();
    load_for(&state, &caller, id, &req, |o| Action::ManageMembers(o)).await?;
    let actor = caller.signed_in()?;
    let items = invitations::list(&state.deps, actor, OrgId(id))
        .await
        .map_err(invitation_error)?;
    Ok(Json(InvitationList {
        items: items.into_iter().map(Invitation::from).collect(),
    }))
}
