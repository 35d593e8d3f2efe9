//! `POST /api/v1/api-clients/{id}/rotate`, `POST /api/v1/api-clients/{id}/revoke`

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, post, web};
use weiquan_domain::access::ClientId;
use weiquan_services::api_clients::{self, ClientChange};

use super::{ApiClient, ApiClientWithSecret, client_error};
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::request::origin;
use crate::state::AppState;

/// Replaces an API client's secret. The new secret is in this answer only; the old secret
/// and every token issued under it stop working at once. Administrators of the client's
/// organisation, after the second factor.
#[utoipa::path(
    tag = "api-clients",
    operation_id = "api_clients_rotate",
    params(("id" = i64, Path, description = "API client id (the number, not `client_id`)")),
    responses(
        (status = OK, description = "Rotated; the new secret is shown this once", body = ApiClientWithSecret),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "Not this organisation's administrator, or second factor required", body = Problem, content_type = "application/problem+json"),
        (status = NOT_FOUND, description = "No such client in your subtree", body = Problem, content_type = "application/problem+json"),
        (status = CONFLICT, description = "The client is revoked", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api-clients/{id}/rotate")]
pub async fn rotate(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.signed_in()?;
    let (row, secret) = api_clients::change(
        &state.deps,
        actor,
        ClientId(id.into_inner()),
        ClientChange::Rotate,
        &origin(&req),
    )
    .await
    .map_err(client_error)?;
    let Some(secret) = secret else {
        return Err(ApiError::internal());
    };
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(ApiClientWithSecret {
            client: ApiClient::from(row),
            client_secret: secret.to_string(),
        }))
}

/// Revokes an API client for good: every token of it stops working at once and it can get no
/// new ones. Administrators of the client's organisation, after the second factor.
#[utoipa::path(
    tag = "api-clients",
    operation_id = "api_clients_revoke",
    params(("id" = i64, Path, description = "API client id (the number, not `client_id`)")),
    responses(
        (status = OK, description = "Revoked", body = ApiClient),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "Not this organisation's administrator, or second factor required", body = Problem, content_type = "application/problem+json"),
        (status = NOT_FOUND, description = "No such client in your subtree", body = Problem, content_type = "application/problem+json"),
        (status = CONFLICT, description = "Already revoked", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api-clients/{id}/revoke")]
pub async fn revoke(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.signed_in()?;
    let (row, _) = api_clients::change(
        &state.deps,
        actor,
        ClientId(id.into_inner()),
        ClientChange::Revoke,
        &origin(&req),
    )
    .await
    .map_err(client_error)?;
    Ok(HttpResponse::Ok().json(ApiClient::from(row)))
}
