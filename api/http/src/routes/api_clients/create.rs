//! `POST /api/v1/organisations/{id}/api-clients`

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, post, web};
use serde::Deserialize;
use utoipa::ToSchema;
use weiquan_domain::access::OrgId;
use weiquan_services::api_clients;

use super::{ApiClient, ApiClientWithSecret, client_error};
use crate::auth::Caller;
use crate::error::{ApiError, FieldError, Problem};
use crate::extract::Body;
use crate::request::origin;
use crate::routes::organisations::visible;
use crate::state::AppState;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewApiClient {
    /// What the client is, for the administrators (1–100 characters), e.g. "订单系统对接".
    #[schema(
        min_length = 1,
        max_length = 100,
        pattern = r"^[^\u0000-\u001F\u007F-\u009F]*\S[^\u0000-\u001F\u007F-\u009F]*$"
    )]
    pub name: String,
    /// At least one of the scopes this organisation may grant: `orders:read`, `orders:write`.
    #[schema(min_items = 1, max_items = 16)]
    pub scopes: Vec<String>,
}

/// Registers an API client. The answer holds the client secret — the only time it is ever
/// shown (it is stored hashed). Administrators of that enterprise, department or
/// international body, after the second factor.
#[utoipa::path(
    tag = "api-clients",
    operation_id = "api_clients_create",
    params(("id" = i64, Path, description = "Organisation id")),
    request_body = NewApiClient,
    responses(
        (status = CREATED, description = "Registered; the secret is shown this once", body = ApiClientWithSecret),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "Not this organisation's administrator, or second factor required", body = Problem, content_type = "application/problem+json"),
        (status = NOT_FOUND, description = "No such organisation in your subtree", body = Problem, content_type = "application/problem+json"),
        (status = UNPROCESSABLE_ENTITY, description = "Bad name or scopes", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/organisations/{id}/api-clients")]
pub async fn create(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
    body: Body<NewApiClient>,
) -> Result<HttpResponse, ApiError> {
    let (row, _) = visible(&state, &caller, id.into_inner(), &req).await?;
    let body = body.into_inner();
    let name = body.name.trim().to_owned();
    let mut errors = Vec::new();
    if name.is_empty() || name.chars().count() > 100 || name.chars().any(char::is_control) {
        errors.push(FieldError::new(
            "name",
            "length",
            "Give a name of 1 to 100 characters.",
            "名称须为 1 至 100 个字符。",
        ));
    }
    if body.scopes.is_empty() || body.scopes.len() > 16 {
        errors.push(FieldError::new(
            "scopes",
            "length",
            "Choose at least one scope.",
            "请至少选择一个权限范围。",
        ));
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let created = api_clients::create(
        &state.deps,
        &caller.actor,
        OrgId(row.id),
        name,
        body.scopes,
        &origin(&req),
    )
    .await
    .map_err(client_error)?;
    Ok(HttpResponse::Created()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(ApiClientWithSecret {
            client: ApiClient::from(created.client),
            client_secret: created.secret.to_string(),
        }))
}
