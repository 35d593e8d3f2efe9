//! `POST /api/v1/organisations/{id}/stations`

use actix_web::{HttpRequest, HttpResponse, post, web};
use serde::Deserialize;
use utoipa::ToSchema;
use weiquan_domain::access::{Action, OrgId};
use weiquan_services::stations::{self, StationError};

use super::{Organisation, load_for};
use crate::auth::{Caller, denied};
use crate::error::{ApiError, ErrorCode, FieldError, Problem};
use crate::extract::Body;
use crate::request::origin;
use crate::state::AppState;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StationCreate {
    /// 1 to 200 characters.
    #[schema(example = "南山区市场监督管理局西丽所")]
    pub name: String,
    /// Up to 200 characters.
    pub name_en: Option<String>,
}

pub(super) fn check_name(field: &str, value: &str, required: bool) -> Option<FieldError> {
    let n = value.trim().chars().count();
    let bad = (required && n == 0) || n > 200 || value.chars().any(char::is_control);
    bad.then(|| {
        FieldError::new(
            field,
            "length",
            "Enter 1 to 200 characters.",
            "请输入 1 到 200 个字符。",
        )
    })
}

/// Creates a station (所) under a county bureau. Only that county bureau's administrators;
/// others in whose subtree the county lies get 403, everyone else 404. The county's
/// administrator then invites the station's staff (`invitations_create`).
#[utoipa::path(
    tag = "organisations",
    operation_id = "stations_create",
    params(("id" = i64, Path, description = "The county bureau's id")),
    request_body = StationCreate,
    responses(
        (status = CREATED, description = "Created", body = Organisation),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "Not this county bureau's administrator, or second factor required", body = Problem, content_type = "application/problem+json"),
        (status = NOT_FOUND, description = "No such organisation in your subtree", body = Problem, content_type = "application/problem+json"),
        (status = CONFLICT, description = "The county has a station of this name", body = Problem, content_type = "application/problem+json"),
        (status = UNPROCESSABLE_ENTITY, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/organisations/{id}/stations")]
pub async fn create(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
    body: Body<StationCreate>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    load_for(&state, &caller, id, &req, |o| Action::CreateStation(o)).await?;
    let body = body.into_inner();
    let name_en = body
        .name_en
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty());
    let errors: Vec<FieldError> = [
        check_name("name", &body.name, true),
        name_en
            .as_deref()
            .and_then(|n| check_name("name_en", n, false)),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let actor = caller.signed_in()?;
    let station = stations::create(
        &state.deps,
        actor,
        OrgId(id),
        body.name.trim().to_owned(),
        name_en,
        &origin(&req),
    )
    .await
    .map_err(|e| match e {
        StationError::NotFound => ApiError::not_found("The organisation", "该机构"),
        StationError::Denied(d) => denied(d),
        StationError::NameTaken => ApiError::new(ErrorCode::Conflict).detail(
            "This county bureau already has a station of this name.",
            "本局已有同名的所。",
        ),
        StationError::Service(e) => e.into(),
    })?;
    Ok(HttpResponse::Created().json(Organisation::from_row(station, false)))
}
