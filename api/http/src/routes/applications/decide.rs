//! `POST /api/v1/applications/{id}/approve`, `POST /api/v1/applications/{id}/reject`

use actix_web::{HttpRequest, post, web, web::Json};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use weiquan_domain::application::REASON_MAX_CHARS;
use weiquan_services::applications::{self, Decided};

use super::refused;
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::extract::Body;
use crate::request::origin;
use crate::state::AppState;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Rejection {
    /// Why, for the applicant to read: 1 to 500 characters.
    #[schema(min_length = 1, max_length = 500, pattern = r"\S")]
    pub reason: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DecisionResult {
    /// `approved` or `rejected`.
    pub status: String,
    /// The organisation an approval created.
    pub organisation_id: Option<i64>,
}

impl From<Decided> for DecisionResult {
    fn from(d: Decided) -> Self {
        Self {
            status: d.status.as_str().to_owned(),
            organisation_id: d.org_id,
        }
    }
}

/// Approves an application: creates the organisation under the competent bureau (an
/// enterprise with its credit code, registered division and ODR status `approved`), invites
/// its first administrator by email and tells the applicant, in one transaction. Reviewers
/// and administrators of the competent bureau or above; other members of that subtree get
/// 403, everyone else 404. An application already decided (also by a reviewer deciding at
/// the same moment) is 409.
#[utoipa::path(
    tag = "applications",
    operation_id = "applications_approve",
    params(("id" = i64, Path, description = "Application id")),
    responses(
        (status = OK, description = "Approved; the organisation exists", body = DecisionResult),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "Not a reviewer here", body = Problem, content_type = "application/problem+json"),
        (status = NOT_FOUND, description = "No such application in your subtree", body = Problem, content_type = "application/problem+json"),
        (status = CONFLICT, description = "Already decided, or the credit code or user name was taken meanwhile", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/applications/{id}/approve")]
pub async fn approve(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<Json<DecisionResult>, ApiError> {
    let actor = caller.signed_in()?;
    let id = id.into_inner();
    let decided = match applications::approve(
        &state.deps,
        actor,
        id,
        &origin(&req),
        &state.config.public_base_url,
    )
    .await
    {
        Ok(d) => d,
        Err(e) => return Err(refused(&state, &caller, &req, id, e).await),
    };
    Ok(Json(decided.into()))
}

/// Rejects an application with a reason the applicant sees when tracking it (and by email).
/// Same callers as approving; already decided is 409.
#[utoipa::path(
    tag = "applications",
    operation_id = "applications_reject",
    params(("id" = i64, Path, description = "Application id")),
    request_body = Rejection,
    responses(
        (status = OK, description = "Rejected", body = DecisionResult),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "Not a reviewer here", body = Problem, content_type = "application/problem+json"),
        (status = NOT_FOUND, description = "No such application in your subtree", body = Problem, content_type = "application/problem+json"),
        (status = CONFLICT, description = "Already decided", body = Problem, content_type = "application/problem+json"),
        (status = UNPROCESSABLE_ENTITY, description = "No reason, or too long", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/applications/{id}/reject")]
pub async fn reject(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
    body: Body<Rejection>,
) -> Result<Json<DecisionResult>, ApiError> {
    let actor = caller.signed_in()?;
    let reason = body.into_inner().reason.trim().to_owned();
    let n = reason.chars().count();
    if n == 0 || n > REASON_MAX_CHARS {
        return Err(ApiError::field(
            "reason",
            if n == 0 { "required" } else { "length" },
            "Give the reason in 1 to 500 characters.",
            "请填写驳回理由（1 到 500 个字符）。",
        ));
    }
    let id = id.into_inner();
    let decided = match applications::reject(&state.deps, actor, id, reason, &origin(&req)).await {
        Ok(d) => d,
        Err(e) => return Err(refused(&state, &caller, &req, id, e).await),
    };
    Ok(Json(decided.into()))
}
