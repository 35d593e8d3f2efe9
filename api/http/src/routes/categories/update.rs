//! `PATCH /api/v1/categories/{code}`

use actix_web::{HttpRequest, patch, web, web::Json};
use serde::Deserialize;
use utoipa::ToSchema;
use weiquan_services::categories::{self, EditInput};

use super::{CategoryDto, category_error, require_taxonomy_admin};
use crate::auth::Caller;
use crate::error::{ApiError, FieldError, Problem};
use crate::extract::Body;
use crate::request::origin;
use crate::state::AppState;

/// What to change; at least one field.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CategoryUpdate {
    /// Rename (1 to 50 characters).
    pub name_zh: Option<String>,
    /// Rename (1 to 100 characters).
    pub name_en: Option<String>,
    /// Reorder among its siblings (0 to 1,000,000).
    pub position: Option<i32>,
    /// `false` retires it (new orders cannot choose it; a retired group hides its leaves),
    /// `true` reactivates it. Codes are never deleted.
    pub active: Option<bool>,
}

/// Renames, reorders, retires or reactivates a category or problem type. National
/// administrators only; audited (`category_updated`, with the values before and after).
#[utoipa::path(
    tag = "categories",
    operation_id = "categories_update",
    params(("code" = String, Path, description = "Category code, e.g. G0101")),
    request_body = CategoryUpdate,
    responses(
        (status = OK, description = "The category after the change", body = CategoryDto),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "Not a national administrator, or second factor required", body = Problem, content_type = "application/problem+json"),
        (status = NOT_FOUND, description = "No such code", body = Problem, content_type = "application/problem+json"),
        (status = UNPROCESSABLE_ENTITY, description = "Invalid fields, or nothing to change", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/categories/{code}")]
pub async fn update(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    code: web::Path<String>,
    body: Body<CategoryUpdate>,
) -> Result<Json<CategoryDto>, ApiError> {
    require_taxonomy_admin(&state, &caller, &req).await?;
    let body = body.into_inner();
    let mut errors = Vec::new();
    if body.name_zh.is_none()
        && body.name_en.is_none()
        && body.position.is_none()
        && body.active.is_none()
    {
        errors.push(FieldError::new(
            "body",
            "empty",
            "Send at least one of name_zh, name_en, position, active.",
            "请至少修改名称、顺序或启用状态中的一项。",
        ));
    }
    if body.position.is_some_and(|p| !(0..=1_000_000).contains(&p)) {
        errors.push(FieldError::new(
            "position",
            "range",
            "Give 0 to 1,000,000.",
            "请填写 0 到 1,000,000。",
        ));
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let row = categories::update(
        &state.deps,
        &caller.actor,
        code.into_inner(),
        EditInput {
            name_zh: body.name_zh,
            name_en: body.name_en,
            position: body.position,
            active: body.active,
        },
        &origin(&req),
    )
    .await
    .map_err(category_error)?;
    Ok(Json(CategoryDto::from(row)))
}
