//! `GET /api/v1/organisations/{id}/api-clients`

use actix_web::{HttpRequest, get, web, web::Json};
use serde::Serialize;
use utoipa::ToSchema;
use weiquan_domain::access::OrgId;
use weiquan_services::api_clients;

use super::{ApiClient, client_error};
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::routes::organisations::visible;
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiClientList {
    pub items: Vec<ApiClient>,
}

/// The API clients of an organisation, oldest first, without secrets. Administrators of that
/// enterprise, department or international body (after the second factor); 403 for other
/// members who can see it, 404 outside the caller's subtree.
#[utoipa::path(
    tag = "api-clients",
    operation_id = "api_clients_list",
    params(("id" = i64, Path, description = "Organisation id")),
    responses(
        (status = OK, description = "The clients", body = ApiClientList),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "Not this organisation's administrator, or second factor required", body = Problem, content_type = "application/problem+json"),
        (status = NOT_FOUND, description = "No such organisation in your subtree", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/organisations/{id}/api-clients")]
pub async fn list(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<Json<ApiClientList>, ApiError> {
    let (row, _) = visible(&state, &caller, id.into_inner(), &req).await?;
    let rows = api_clients::list(&state.deps, &caller.actor, OrgId(row.id))
        .await
        .map_err(client_error)?;
    Ok(Json(ApiClientList {
        items: rows.into_iter().map(ApiClient::from).collect(),
    }))
}
