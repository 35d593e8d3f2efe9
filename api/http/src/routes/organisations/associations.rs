//! `POST /api/v1/organisations/{id}/associations`

use actix_web::{HttpRequest, HttpResponse, post, web};
use serde::Deserialize;
use utoipa::ToSchema;
use weiquan_domain::access::{Action, OrgId};
use weiquan_services::associations::{self, AssociationError};

use super::stations::check_name;
use super::{Organisation, load_for};
use crate::auth::{Caller, denied};
use crate::error::{ApiError, ErrorCode, FieldError, Problem};
use crate::extract::Body;
use crate::request::origin;
use crate::state::AppState;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssociationCreate {
    /// 1 to 200 characters.
    #[schema(example = "深圳市南山区消费者委员会")]
    pub name: String,
    /// Up to 200 characters.
    pub name_en: Option<String>,
}

/// Creates a consumer association 消协 of a city or county bureau's area, under that bureau
/// and serving its division: the bureau (and, for a city, the counties below it) may then
/// delegate mediation to it with both parties' consent (Art. 19). Only that bureau's own
/// administrators; others in whose subtree the bureau lies get 403, everyone else 404. The
/// administrator then invites the association's staff (`invitations_create`).
#[utoipa::path(
    tag = "organisations",
    operation_id = "associations_create",
    params(("id" = i64, Path, description = "The city or county bureau's id")),
    request_body = AssociationCreate,
    responses(
        (status = CREATED, description = "Created", body = Organisation),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "Not this city or county bureau's administrator, or second factor required", body = Problem, content_type = "application/problem+json"),
        (status = NOT_FOUND, description = "No such organisation in your subtree", body = Problem, content_type = "application/problem+json"),
        (status = CONFLICT, description = "The bureau has an association of this name", body = Problem, content_type = "application/problem+json"),
        (status = UNPROCESSABLE_ENTITY, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/organisations/{id}/associations")]
pub async fn create(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
    body: Body<AssociationCreate>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    load_for(&state, &caller, id, &req, |o| Action::CreateAssociation(o)).await?;
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
    let association = associations::create(
        &state.deps,
        actor,
        OrgId(id),
        body.name.trim().to_owned(),
        name_en,
        &origin(&req),
    )
    .await
    .map_err(|e| match e {
        AssociationError::NotFound => ApiError::not_found("The organisation", "该机构"),
        AssociationError::Denied(d) => denied(d),
        AssociationError::NameTaken => ApiError::new(ErrorCode::Conflict).detail(
            "This bureau already has a consumer association of this name.",
            "本局已有同名的消费者协会。",
        ),
        AssociationError::Service(e) => e.into(),
    })?;
    Ok(HttpResponse::Created().json(Organisation::from_row(association, false)))
}
