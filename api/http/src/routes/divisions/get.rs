//! `GET /api/v1/divisions/{code}`

use actix_web::{get, web, web::Json};
use serde::Serialize;
use utoipa::ToSchema;
use weiquan_services::{ServiceError, divisions};

use super::{Division, division_not_found, parse_param};
use crate::error::{ApiError, Problem};
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct DivisionDetail {
    #[serde(flatten)]
    pub division: Division,
    /// From the province down to the parent; empty for a province.
    pub ancestors: Vec<Division>,
}

/// One division with its ancestors, e.g. to show a full address path. Public.
#[utoipa::path(
    tag = "divisions",
    operation_id = "divisions_get",
    params(("code" = String, Path, description = "Six-digit GB/T 2260 code", example = "440305",
        pattern = "^(1[1-9]|[2-7][0-9]|8[0-2])[0-9]{4}$")),
    responses(
        (status = OK, description = "The division and its ancestors", body = DivisionDetail),
        (status = NOT_FOUND, description = "No such division", body = Problem,
            content_type = "application/problem+json"),
        (status = UNPROCESSABLE_ENTITY, description = "Malformed code", body = Problem,
            content_type = "application/problem+json"),
        (status = SERVICE_UNAVAILABLE, description = "PostgreSQL is down", body = Problem,
            content_type = "application/problem+json"),
    )
)]
#[get("/divisions/{code}")]
pub async fn get(
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> Result<Json<DivisionDetail>, ApiError> {
    let code = parse_param("code", &code)?;
    let (division, ancestors) = divisions::get(&state.deps, code)
        .await
        .map_err(|e| match e {
            ServiceError::NotFound { .. } => division_not_found(),
            other => other.into(),
        })?;
    Ok(Json(DivisionDetail {
        division: division.into(),
        ancestors: ancestors.into_iter().map(Division::from).collect(),
    }))
}
