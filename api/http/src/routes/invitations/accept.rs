//! `POST /api/v1/invitations/accept`

use actix_web::{HttpRequest, post, web, web::Json};
use serde::Deserialize;
use utoipa::ToSchema;
use weiquan_services::invitations;
use zeroize::Zeroizing;

use super::inspect::InvitationPreview;
use super::{invitation_error, invitation_invalid};
use crate::error::{ApiError, Problem};
use crate::extract::Body;
use crate::request::{client_address, origin};
use crate::state::AppState;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InvitationAccept {
    /// The token from the link's fragment (`#token=…`).
    pub token: String,
    /// The account's first password: 8 to 128 characters, not a common password, not the
    /// user name.
    pub password: String,
}

/// Accepts an invitation: sets the account's password and activates it; the link is used up
/// (of two concurrent accepts exactly one succeeds). The invitee then signs in normally (and
/// enrols an authenticator where required). Public. Every unusable link gets the same 400
/// `invitation_invalid`; a weak password is 422 on `password`; rate-limited per address.
#[utoipa::path(
    tag = "invitations",
    operation_id = "invitations_accept",
    request_body = InvitationAccept,
    responses(
        (status = OK, description = "Accepted; the account is active", body = InvitationPreview),
        (status = BAD_REQUEST, description = "The link cannot be used (`invitation_invalid`)", body = Problem, content_type = "application/problem+json"),
        (status = UNPROCESSABLE_ENTITY, description = "The password is not acceptable", body = Problem, content_type = "application/problem+json"),
        (status = TOO_MANY_REQUESTS, description = "Too many attempts from this address", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/invitations/accept")]
pub async fn accept(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: Body<InvitationAccept>,
) -> Result<Json<InvitationPreview>, ApiError> {
    let body = body.into_inner();
    if body.token.len() > 256 {
        return Err(invitation_invalid());
    }
    let info = invitations::accept(
        &state.deps,
        &state.hasher,
        &state.limiter,
        &body.token,
        Zeroizing::new(body.password),
        &origin(&req),
        &client_address(&req),
    )
    .await
    .map_err(invitation_error)?;
    Ok(Json(InvitationPreview {
        organisation_name: info.org_name,
        username: info.username,
        display_name: info.display_name,
        expires_at: info.expires_at,
    }))
}
