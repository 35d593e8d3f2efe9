//! `POST /api/v1/invitations/inspect`

use actix_web::{HttpRequest, post, web, web::Json};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use weiquan_services::invitations;

use super::{invitation_error, invitation_invalid};
use crate::error::{ApiError, Problem};
use crate::extract::Body;
use crate::request::client_address;
use crate::state::AppState;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InvitationToken {
    /// The token from the link's fragment (`#token=…`).
    pub token: String,
}

/// Whom an open invitation is for, so the acceptance page can say so.
#[derive(Debug, Serialize, ToSchema)]
pub struct InvitationPreview {
    pub organisation_name: String,
    pub username: String,
    pub display_name: String,
    pub expires_at: DateTime<Utc>,
}

/// Shows whom an invitation link is for. Public; the token travels in the body, never in a
/// URL. Every unusable link (unknown, expired, used, revoked) gets the same 400
/// `invitation_invalid`; attempts are rate-limited per address (429).
#[utoipa::path(
    tag = "invitations",
    operation_id = "invitations_inspect",
    request_body = InvitationToken,
    responses(
        (status = OK, description = "The invitation is open", body = InvitationPreview),
        (status = BAD_REQUEST, description = "The link cannot be used (`invitation_invalid`)", body = Problem, content_type = "application/problem+json"),
        (status = TOO_MANY_REQUESTS, description = "Too many attempts from this address", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/invitations/inspect")]
pub async fn inspect(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: Body<InvitationToken>,
) -> Result<Json<InvitationPreview>, ApiError> {
    if body.token.len() > 256 {
        return Err(invitation_invalid());
    }
    let info = invitations::inspect(
        &state.deps,
        &state.limiter,
        &body.token,
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
