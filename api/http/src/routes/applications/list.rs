//! `GET /api/v1/organisations/{id}/applications`

use actix_web::{HttpRequest, get, web, web::Json};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use weiquan_domain::access::Action;
use weiquan_domain::application::ApplicationStatus;
use weiquan_services::applications;

use super::{ApplicationSummary, application_error};
use crate::auth::{Caller, require_audited};
use crate::error::{ApiError, FieldError, Problem};
use crate::routes::organisations::visible;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QueueQuery {
    /// `submitted`, `approved` or `rejected`; all when absent.
    pub status: Option<String>,
    /// 1 to 200, default 50.
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
    /// The `next` of the previous page.
    pub after: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApplicationPage {
    /// Newest first.
    pub items: Vec<ApplicationSummary>,
    /// Pass as `after` for the next page; null on the last one.
    pub next: Option<i64>,
}

/// The review queue: applications whose competent bureau is this organisation or lies below
/// it, newest first, with keyset paging. Reviewers and administrators of a bureau at that
/// level or above; other members of the subtree get 403, everyone else 404.
#[utoipa::path(
    tag = "applications",
    operation_id = "applications_list",
    params(("id" = i64, Path, description = "The bureau whose subtree to list"), QueueQuery),
    responses(
        (status = OK, description = "A page of applications", body = ApplicationPage),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "Not a reviewer here", body = Problem, content_type = "application/problem+json"),
        (status = NOT_FOUND, description = "No such organisation in your subtree", body = Problem, content_type = "application/problem+json"),
        (status = UNPROCESSABLE_ENTITY, description = "Bad filter", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/organisations/{id}/applications")]
pub async fn list(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
    query: web::Query<QueueQuery>,
) -> Result<Json<ApplicationPage>, ApiError> {
    let (_, org) = visible(&state, &caller, id.into_inner(), &req).await?;
    require_audited(&state, &caller, Action::ReviewApplication(&org), &req).await?;
    let status = match query.status.as_deref() {
        None | Some("") => None,
        Some(s) => Some(ApplicationStatus::parse(s).ok_or_else(|| {
            ApiError::validation(vec![FieldError::new(
                "status",
                "invalid",
                "One of submitted, approved, rejected.",
                "状态须为 submitted、approved、rejected 之一。",
            )])
        })?),
    };
    let limit = i64::from(query.limit.unwrap_or(50).clamp(1, 200));
    let rows = applications::queue(&state.deps, &org, status, limit, query.after)
        .await
        .map_err(application_error)?;
    let next = if rows.len() as i64 == limit {
        rows.last().map(|(row, _)| row.id)
    } else {
        None
    };
    Ok(Json(ApplicationPage {
        items: rows
            .into_iter()
            .map(|(row, bureau)| ApplicationSummary::new(&row, bureau))
            .collect(),
        next,
    }))
}
