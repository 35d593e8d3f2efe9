//! `POST /api/v1/invitations/{id}/revoke`

use actix_web::{HttpRequest, post, web, web::Json};
use weiquan_services::invitations;

use super::{Invitation, invitation_error};
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::request::origin;
use crate::state::AppState;

/// Withdraws an open or expired invitation: the link stops working and the invited account is
/// disabled for good (it never had a password, so it can never be activated). Administrators
/// of the invitation's organisation or of one above it; 404 outside the caller's subtree.
#[utoipa::path(
    tag = "invitations",
    operation_id = "invitations_revoke",
    params(("id" = i64, Path, description = "Invitation id")),
    responses(
        (status = OK, description = "Revoked", body = Invitation),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "Not an administrator here, or second factor required", body = Problem, content_type = "application/problem+json"),
        (status = NOT_FOUND, description = "No such invitation in your subtree", body = Problem, content_type = "application/problem+json"),
        (status = CONFLICT, description = "Already accepted or revoked", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/invitations/{id}/revoke")]
pub async fn revoke(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<Json<Invitation>, ApiError> {
    let actor = caller.signed_in()?;
    let info = invitations::revoke(&state.deps, actor, id.into_inner(), &origin(&req))
        .await
        .map_err(invitation_error)?;
    Ok(Json(info.into()))
}
