//! The classification taxonomy 分类: the public tree, and national administrators' edits.

pub mod create;
pub mod list;
pub mod update;

use actix_web::HttpRequest;
use serde::Serialize;
use utoipa::ToSchema;
use weiquan_db::categories::CategoryRow;
use weiquan_domain::access::{Action, Actor, Denied, authorize};
use weiquan_domain::taxonomy::{NameError, NameField, PlacementError};
use weiquan_services::categories::CategoryError;

use crate::auth::{Caller, audit_refusal, denied};
use crate::error::{ApiError, ErrorCode, FieldError};
use crate::state::AppState;

/// A category or problem type.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CategoryDto {
    /// Stable code: `G01` a group of goods, `S01` of services, `G0101` a leaf under its group,
    /// `P01` a problem type.
    #[schema(example = "G0101")]
    pub code: String,
    /// `subject` or `problem`.
    pub kind: String,
    /// A leaf's group.
    pub parent_code: Option<String>,
    pub name_zh: String,
    pub name_en: String,
    /// Order among its siblings (ascending).
    pub position: i32,
    /// Retired categories cannot be chosen for new orders; orders keep them.
    pub active: bool,
}

impl From<CategoryRow> for CategoryDto {
    fn from(r: CategoryRow) -> Self {
        Self {
            code: r.code,
            kind: r.kind,
            parent_code: r.parent_code,
            name_zh: r.name_zh,
            name_en: r.name_en,
            position: r.position,
            active: r.active,
        }
    }
}

/// Only administrators of the national bureau (domain `Action::ManageTaxonomy`). The taxonomy
/// is public, so nothing is hidden: refusals are 401/403 (audited for signed-in callers).
pub async fn require_taxonomy_admin(
    state: &AppState,
    caller: &Caller,
    req: &HttpRequest,
) -> Result<(), ApiError> {
    let decision = match caller.actor.org() {
        Some(org) => authorize(&caller.actor, Action::ManageTaxonomy(org)),
        None if matches!(caller.actor, Actor::Anonymous) => Err(Denied::SignInRequired),
        None => Err(Denied::Forbidden),
    };
    let Err(reason) = decision else {
        return Ok(());
    };
    if !matches!(caller.actor, Actor::Anonymous) {
        audit_refusal(
            state,
            caller,
            req,
            "manage_taxonomy",
            "categories".to_owned(),
            reason.to_string(),
        )
        .await;
    }
    Err(denied(reason))
}

fn name_error(field: NameField, error: NameError) -> FieldError {
    let field = match field {
        NameField::NameZh => "name_zh",
        NameField::NameEn => "name_en",
    };
    match error {
        NameError::Required => FieldError::new(
            field,
            "required",
            "This field is required.",
            "此项为必填项。",
        ),
        NameError::TooLong { max } => FieldError::new(
            field,
            "length",
            format!("Use at most {max} characters."),
            format!("最多 {max} 个字符。"),
        ),
        NameError::Control => FieldError::new(
            field,
            "invalid",
            "Use one line without control characters.",
            "名称只能是一行，不能含控制字符。",
        ),
    }
}

/// The problem for a use-case error.
pub fn category_error(e: CategoryError) -> ApiError {
    match e {
        CategoryError::NotFound => ApiError::not_found("The category", "该分类"),
        CategoryError::Name { field, error } => ApiError::validation(vec![name_error(field, error)]),
        CategoryError::UnknownParent => ApiError::validation(vec![FieldError::new(
            "parent_code",
            "not_found",
            "There is no such group.",
            "不存在该分类组。",
        )]),
        CategoryError::Placement(PlacementError::ParentNotGroup) => {
            ApiError::validation(vec![FieldError::new(
                "parent_code",
                "not_group",
                "A leaf category goes under a group (a code like G01 or S01).",
                "小类只能挂在分类组（如 G01、S01）之下。",
            )])
        }
        CategoryError::Placement(PlacementError::CodeMismatch) => {
            ApiError::validation(vec![FieldError::new(
                "code",
                "mismatch",
                "The code does not fit where the category goes (letter, length or group).",
                "编码与所在位置不符（字母、位数或所属分类组）。",
            )])
        }
        CategoryError::Placement(PlacementError::Taken) => ApiError::new(ErrorCode::Conflict)
            .detail(
                "The code is taken (codes are never reused, retired ones included); choose another or leave it out.",
                "该编码已被使用（含已停用的编码，编码不重复使用），请另选或留空自动分配。",
            ),
        CategoryError::Placement(PlacementError::Full) => ApiError::new(ErrorCode::Conflict)
            .detail(
                "No code is left under this group.",
                "该分类组下已无可用编码。",
            ),
        CategoryError::Service(e) => e.into(),
    }
}
