//! `POST /api/v1/divisions/lookup`

use actix_web::{post, web, web::Json};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;
use weiquan_services::divisions;

use super::{Division, parse_code};
use crate::error::{ApiError, Problem};
use crate::extract::Body;
use crate::extract::{field_errors, validate};
use crate::state::AppState;

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LookupRequest {
    /// Up to 100 six-digit codes.
    #[validate(length(min = 1, max = 100))]
    #[schema(schema_with = division_codes, example = json!(["440305", "110105"]))]
    pub codes: Vec<String>,
}

/// 1 to 100 strings of six digits.
fn division_codes() -> utoipa::openapi::schema::Array {
    use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, Type};
    ArrayBuilder::new()
        .items(
            ObjectBuilder::new()
                .schema_type(Type::String)
                // Six digits, the first two a province code (11 to 82).
                .pattern(Some("^(1[1-9]|[2-7][0-9]|8[0-2])[0-9]{4}$")),
        )
        .min_items(Some(1))
        .max_items(Some(100))
        .build()
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LookupResult {
    /// The divisions found, ordered by code.
    pub items: Vec<Division>,
    /// Well-formed codes that name no division.
    pub missing: Vec<String>,
}

/// Many divisions at once, e.g. to label a page of work orders with their places in one
/// request. Public; read-only (POST only because the list can be long).
#[utoipa::path(
    tag = "divisions",
    operation_id = "divisions_lookup",
    request_body = LookupRequest,
    responses(
        (status = OK, description = "The divisions found and the codes not found", body = LookupResult),
        (status = BAD_REQUEST, description = "Malformed JSON", body = Problem,
            content_type = "application/problem+json"),
        (status = PAYLOAD_TOO_LARGE, description = "Body over the limit", body = Problem,
            content_type = "application/problem+json"),
        (status = UNSUPPORTED_MEDIA_TYPE, description = "Not JSON", body = Problem,
            content_type = "application/problem+json"),
        (status = UNPROCESSABLE_ENTITY, description = "Invalid codes", body = Problem,
            content_type = "application/problem+json"),
        (status = SERVICE_UNAVAILABLE, description = "PostgreSQL is down", body = Problem,
            content_type = "application/problem+json"),
    )
)]
#[post("/divisions/lookup")]
pub async fn lookup(
    state: web::Data<AppState>,
    body: Body<LookupRequest>,
) -> Result<Json<LookupResult>, ApiError> {
    let body = body.into_inner();
    let mut errors = match body.validate() {
        Ok(()) => Vec::new(),
        Err(e) => field_errors(&e),
    };
    let mut codes = Vec::with_capacity(body.codes.len());
    for (i, raw) in body.codes.iter().enumerate() {
        match parse_code(&format!("codes[{i}]"), raw) {
            Ok(code) => codes.push(code),
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    validate(&body)?;
    let (found, missing) = divisions::lookup(&state.deps, codes).await?;
    Ok(Json(LookupResult {
        items: found.into_iter().map(Division::from).collect(),
        missing: missing.iter().map(ToString::to_string).collect(),
    }))
}
