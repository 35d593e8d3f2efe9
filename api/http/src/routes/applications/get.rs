//! `GET /api/v1/applications/{id}`

use actix_web::{HttpRequest, get, web, web::Json};
use serde::Serialize;
use utoipa::ToSchema;
use weiquan_services::applications;

use super::{ApplicationSummary, TimelineStep, refused, timeline};
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::state::AppState;

/// Everything the reviewer needs to decide.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApplicationDetail {
    #[serde(flatten)]
    pub summary: ApplicationSummary,
    pub contact_name: String,
    pub contact_phone: String,
    pub contact_email: String,
    pub admin_username: String,
    pub admin_display_name: String,
    pub description: String,
    pub decision_reason: Option<String>,
    /// The reviewer who decided.
    pub decided_by: Option<i64>,
    /// The organisation an approval created.
    pub organisation_id: Option<i64>,
    pub timeline: Vec<TimelineStep>,
}

/// One application with its contact details and timeline. Reviewers and administrators of
/// the competent bureau or a bureau above it; other members of that subtree get 403, everyone
/// else 404.
#[utoipa::path(
    tag = "applications",
    operation_id = "applications_get",
    params(("id" = i64, Path, description = "Application id")),
    responses(
        (status = OK, description = "The application", body = ApplicationDetail),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "Not a reviewer here", body = Problem, content_type = "application/problem+json"),
        (status = NOT_FOUND, description = "No such application in your subtree", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/applications/{id}")]
pub async fn get(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<Json<ApplicationDetail>, ApiError> {
    let actor = caller.signed_in()?;
    let id = id.into_inner();
    let view = match applications::detail(&state.deps, actor, id).await {
        Ok(view) => view,
        Err(e) => return Err(refused(&state, &caller, &req, id, e).await),
    };
    let row = view.row;
    Ok(Json(ApplicationDetail {
        summary: ApplicationSummary::new(&row, view.bureau),
        contact_name: row.contact_name,
        contact_phone: row.contact_phone,
        contact_email: row.contact_email,
        admin_username: row.admin_username,
        admin_display_name: row.admin_display_name,
        description: row.description,
        decision_reason: row.decision_reason,
        decided_by: row.decided_by,
        organisation_id: row.created_org_id,
        timeline: timeline(view.events),
    }))
}
