//! `GET /api/v1/divisions?parent=CODE`

use actix_web::{get, web, web::Json};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use weiquan_services::{ServiceError, divisions};

use super::{Division, division_not_found, parse_param};
use crate::error::{ApiError, Problem};
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// The parent's six-digit code; omit it for the 31 provinces.
    #[param(example = "440300", pattern = "^(1[1-9]|[2-7][0-9]|8[0-2])[0-9]{4}$")]
    pub parent: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DivisionList {
    /// Ordered by code.
    pub items: Vec<Division>,
}

/// The children of a division, or the provinces when `parent` is omitted: what a
/// province → city → county picker loads level by level. Public.
#[utoipa::path(
    tag = "divisions",
    operation_id = "divisions_list",
    params(ListQuery),
    responses(
        (status = OK, description = "The children, ordered by code", body = DivisionList),
        (status = NOT_FOUND, description = "No such parent", body = Problem,
            content_type = "application/problem+json"),
        (status = UNPROCESSABLE_ENTITY, description = "Malformed parent code", body = Problem,
            content_type = "application/problem+json"),
        (status = SERVICE_UNAVAILABLE, description = "PostgreSQL is down", body = Problem,
            content_type = "application/problem+json"),
    )
)]
#[get("/divisions")]
pub async fn list(
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<Json<DivisionList>, ApiError> {
    let parent = query
        .parent
        .as_deref()
        .map(|raw| parse_param("parent", raw))
        .transpose()?;
    let items = divisions::children(&state.deps, parent)
        .await
        .map_err(|e| match e {
            ServiceError::NotFound { .. } => division_not_found(),
            other => other.into(),
        })?;
    Ok(Json(DivisionList {
        items: items.into_iter().map(Division::from).collect(),
    }))
}
