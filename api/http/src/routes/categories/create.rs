//! `POST /api/v1/categories`

use actix_web::{HttpRequest, HttpResponse, post, web};
use serde::Deserialize;
use utoipa::ToSchema;
use weiquan_domain::taxonomy::{Branch, CategoryCode, Slot};
use weiquan_services::categories::{self, NewInput};

use super::{CategoryDto, category_error, require_taxonomy_admin};
use crate::auth::Caller;
use crate::error::{ApiError, FieldError, Problem};
use crate::extract::Body;
use crate::request::origin;
use crate::state::AppState;

/// What kind of category to create.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum NewCategoryKind {
    /// A group of goods or services (give `branch`).
    Group,
    /// A leaf category under a group (give `parent_code`).
    Leaf,
    /// A problem type.
    Problem,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum BranchDto {
    Goods,
    Services,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewCategoryRequest {
    pub kind: NewCategoryKind,
    /// Groups: goods or services.
    pub branch: Option<BranchDto>,
    /// Leaves: the group's code (e.g. `G01`).
    pub parent_code: Option<String>,
    /// A code of one's choosing (it must fit and never have been used); the next free one
    /// when omitted.
    pub code: Option<String>,
    /// 1 to 50 characters.
    pub name_zh: String,
    /// 1 to 100 characters.
    pub name_en: String,
    /// Order among its siblings; after the last one when omitted.
    pub position: Option<i32>,
}

fn field(name: &str, code: &str, en: &str, zh: &str) -> FieldError {
    FieldError::new(name, code, en, zh)
}

fn validate(body: &NewCategoryRequest) -> Result<NewInput, ApiError> {
    let mut errors = Vec::new();
    let code_of = |name: &str, raw: &str, errors: &mut Vec<FieldError>| {
        CategoryCode::parse(raw.trim())
            .map_err(|_| {
                errors.push(field(
                    name,
                    "invalid",
                    "A code is G or S and 2 or 4 digits, or P and 2 digits (not 00).",
                    "编码为 G 或 S 加 2 位或 4 位数字，或 P 加 2 位数字（不能为 00）。",
                ));
            })
            .ok()
    };
    let slot = match body.kind {
        NewCategoryKind::Group => match body.branch {
            Some(BranchDto::Goods) => Some(Slot::Group(Branch::Goods)),
            Some(BranchDto::Services) => Some(Slot::Group(Branch::Services)),
            None => {
                errors.push(field(
                    "branch",
                    "required",
                    "Say whether the group is of goods or services.",
                    "请选择商品类或服务类。",
                ));
                None
            }
        },
        NewCategoryKind::Leaf => match body.parent_code.as_deref() {
            Some(raw) => code_of("parent_code", raw, &mut errors).map(Slot::Leaf),
            None => {
                errors.push(field(
                    "parent_code",
                    "required",
                    "Name the group the category goes under.",
                    "请选择所属分类组。",
                ));
                None
            }
        },
        NewCategoryKind::Problem => Some(Slot::Problem),
    };
    if body.kind != NewCategoryKind::Group && body.branch.is_some() {
        errors.push(field(
            "branch",
            "not_allowed",
            "Only a group names its branch.",
            "仅分类组需要选择商品类或服务类。",
        ));
    }
    if body.kind != NewCategoryKind::Leaf && body.parent_code.is_some() {
        errors.push(field(
            "parent_code",
            "not_allowed",
            "Only a leaf category has a parent.",
            "仅小类有所属分类组。",
        ));
    }
    let code = body
        .code
        .as_deref()
        .filter(|c| !c.trim().is_empty())
        .and_then(|raw| code_of("code", raw, &mut errors));
    if body.position.is_some_and(|p| !(0..=1_000_000).contains(&p)) {
        errors.push(field(
            "position",
            "range",
            "Give 0 to 1,000,000.",
            "请填写 0 到 1,000,000。",
        ));
    }
    match slot {
        Some(slot) if errors.is_empty() => Ok(NewInput {
            slot,
            code,
            name_zh: body.name_zh.clone(),
            name_en: body.name_en.clone(),
            position: body.position,
        }),
        _ => Err(ApiError::validation(errors)),
    }
}

/// Creates a group, a leaf category or a problem type. National administrators only; audited
/// (`category_created`). The code is the next free one in its place unless one is given;
/// codes are never reused.
#[utoipa::path(
    tag = "categories",
    operation_id = "categories_create",
    request_body = NewCategoryRequest,
    responses(
        (status = CREATED, description = "Created", body = CategoryDto),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "Not a national administrator, or second factor required", body = Problem, content_type = "application/problem+json"),
        (status = CONFLICT, description = "The code is taken, or none is left", body = Problem, content_type = "application/problem+json"),
        (status = UNPROCESSABLE_ENTITY, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/categories")]
pub async fn create(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    body: Body<NewCategoryRequest>,
) -> Result<HttpResponse, ApiError> {
    require_taxonomy_admin(&state, &caller, &req).await?;
    let input = validate(&body)?;
    let row = categories::create(&state.deps, &caller.actor, input, &origin(&req))
        .await
        .map_err(category_error)?;
    Ok(HttpResponse::Created().json(CategoryDto::from(row)))
}
