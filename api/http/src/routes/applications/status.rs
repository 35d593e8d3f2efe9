//! `POST /api/v1/applications/status`

use actix_web::{HttpRequest, post, web, web::Json};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use weiquan_domain::application::TrackingCode;
use weiquan_services::applications;

use super::{BureauRef, TimelineStep, application_error, timeline};
use crate::error::{ApiError, Problem};
use crate::extract::Body;
use crate::request::client_address;
use crate::state::AppState;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TrackingRequest {
    /// The code given when applying; case, spaces and hyphens do not matter.
    #[schema(example = "WQ-7K3M-Q9TD-2XHC-R4PA")]
    pub tracking_code: String,
}

/// What the applicant sees.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApplicationProgress {
    /// `enterprise`, `department` or `international`.
    pub kind: String,
    pub name: String,
    /// `submitted`, `approved` or `rejected`.
    pub status: String,
    pub competent_bureau: BureauRef,
    pub submitted_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
    /// The bureau's reason, when rejected.
    pub decision_reason: Option<String>,
    /// Every step so far, oldest first.
    pub timeline: Vec<TimelineStep>,
}

/// Where an application stands, by its tracking code (sent in the body: it is a secret and
/// does not belong in a URL). Public. Any code that matches nothing is 404 with one answer;
/// limited per address (429 with `Retry-After`).
#[utoipa::path(
    tag = "applications",
    operation_id = "applications_track",
    request_body = TrackingRequest,
    responses(
        (status = OK, description = "Status, bureau and timeline", body = ApplicationProgress),
        (status = NOT_FOUND, description = "No application has this code", body = Problem, content_type = "application/problem+json"),
        (status = TOO_MANY_REQUESTS, description = "Too many look-ups from this address", body = Problem, content_type = "application/problem+json"),
        (status = SERVICE_UNAVAILABLE, description = "PostgreSQL or Redis is down", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/applications/status")]
pub async fn track(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: Body<TrackingRequest>,
) -> Result<Json<ApplicationProgress>, ApiError> {
    let view = applications::track(
        &state.deps,
        &state.limiter,
        state.config.application_status_limit,
        TrackingCode::parse(&body.tracking_code),
        &client_address(&req),
    )
    .await
    .map_err(application_error)?;
    Ok(Json(ApplicationProgress {
        kind: view.row.kind,
        name: view.row.name,
        status: view.row.status,
        competent_bureau: view.bureau.into(),
        submitted_at: view.row.created_at,
        decided_at: view.row.decided_at,
        decision_reason: view.row.decision_reason,
        timeline: timeline(view.events),
    }))
}
