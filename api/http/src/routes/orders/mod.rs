//! Work orders 工单: intake, the consumer's own list, the staff inbox (filters, counts, the
//! supervision list), one order, actions (one at a time or in bulk).

pub mod act;
pub mod attachment;
pub mod bulk;
pub mod counts;
pub mod filters;
pub mod get;
pub mod inbox;
pub mod mine;
pub mod submit;
pub mod supervision;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use utoipa::ToSchema;
use weiquan_db::orders::{EventRow, OrderRow};
use weiquan_domain::taxonomy::CodeRefusal;
use weiquan_domain::workflow::Refusal;
use weiquan_services::orders::OrderError;

use crate::auth::denied;
use crate::error::{ApiError, ErrorCode, FieldError};

/// An order in a list.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OrderSummary {
    pub id: i64,
    /// The public order number, e.g. `WQ20261129000123`.
    pub number: String,
    /// `complaint`, `report`, `suggestion` or `consultation`.
    pub kind: String,
    /// `received`, `with_enterprise`, `accepted`, `mediating`, `checking`, `concluded` or
    /// `archived`.
    pub state: String,
    pub received_on: NaiveDate,
    /// The current due date (the earliest running period), if any.
    pub due_on: Option<NaiveDate>,
    /// The due date crossed a year without an entered holiday schedule.
    pub due_provisional: bool,
    /// Past its due date today.
    pub overdue: bool,
    pub holder_org_id: i64,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    /// Staff lists only: when the order was last escalated to the upper level's
    /// supervision list (overdue); absent when never.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub escalated_at: Option<DateTime<Utc>>,
    /// Staff lists only: the business named in the appeal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub business_name: Option<String>,
    /// Staff lists only: the name of the unit holding the order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub holder_name: Option<String>,
    /// Staff lists only: the appeal's subject category code (complaints), e.g. `G0101`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject_category: Option<String>,
}

impl OrderSummary {
    pub fn new(row: &OrderRow, today: NaiveDate) -> Self {
        Self {
            id: row.id,
            number: row.number.clone(),
            kind: row.kind.clone(),
            state: row.state.clone(),
            received_on: row.received_on,
            due_on: row.due_on,
            due_provisional: row.due_provisional,
            overdue: row.due_on.is_some_and(|d| d < today),
            holder_org_id: row.holder_org_id,
            version: row.version,
            created_at: row.created_at,
            escalated_at: None,
            business_name: None,
            holder_name: None,
            subject_category: None,
        }
    }

    /// A staff list's row: with the escalation time, the business, the holder's name and the
    /// subject category.
    pub fn staff(item: &weiquan_services::inbox::Listed, today: NaiveDate) -> Self {
        Self {
            escalated_at: item.row.escalated_at,
            business_name: item.business_name.clone(),
            holder_name: Some(item.holder_name.clone()).filter(|n| !n.is_empty()),
            subject_category: item.subject_category.clone(),
            ..Self::new(&item.row, today)
        }
    }
}

/// A page of orders.
#[derive(Debug, Serialize, ToSchema)]
pub struct OrderPage {
    pub items: Vec<OrderSummary>,
    /// Pass as `after` for the next page; null on the last one.
    pub next: Option<String>,
}

/// One step on an order's timeline.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OrderEvent {
    pub seq: i32,
    pub at: DateTime<Utc>,
    /// `received`, or the action taken (`accept`, `assign_handler`, ...).
    pub action: String,
    pub from_state: Option<String>,
    pub to_state: String,
    /// `consumer`, `member`, `client` or `scheduler`.
    pub actor_kind: String,
    /// The organisation that acted (staff view only).
    pub actor_org_id: Option<i64>,
    /// Whether the consumer sees this event.
    pub public: bool,
    pub reason: Option<String>,
}

impl OrderEvent {
    pub fn new(row: EventRow, staff: bool) -> Self {
        Self {
            seq: row.seq,
            at: row.at,
            action: row.command,
            from_state: row.from_state,
            to_state: row.to_state,
            actor_kind: row.actor_kind,
            actor_org_id: if staff { row.actor_org_id } else { None },
            public: row.public,
            reason: row.reason,
        }
    }
}

/// Which page comes next: the limit, plus one more row fetched to know.
pub fn page_limit(limit: Option<u32>) -> Result<i64, ApiError> {
    match limit {
        None => Ok(50),
        Some(n @ 1..=200) => Ok(i64::from(n)),
        Some(_) => Err(ApiError::validation(vec![FieldError::new(
            "limit",
            "range",
            "Give 1 to 200.",
            "请填写 1 到 200。",
        )])),
    }
}

pub fn bad_cursor() -> ApiError {
    ApiError::validation(vec![FieldError::new(
        "after",
        "invalid",
        "Pass the `next` value of the previous page.",
        "请传入上一页返回的 next 值。",
    )])
}

fn not_found() -> ApiError {
    ApiError::not_found("The order", "该工单")
}

fn classification_error(field: &str, refusal: CodeRefusal) -> FieldError {
    let what = if field == "problem_type" {
        ("a problem type", "问题类型")
    } else {
        ("a goods or services category", "商品或服务类别")
    };
    match refusal {
        CodeRefusal::Required => FieldError::new(
            field,
            "required",
            format!("Choose {}.", what.0),
            format!("请选择{}。", what.1),
        ),
        CodeRefusal::Unknown => FieldError::new(
            field,
            "unknown_category",
            "There is no such code in the taxonomy (GET /api/v1/categories lists them).",
            "分类目录中没有该编码。",
        ),
        CodeRefusal::WrongLevel => FieldError::new(
            field,
            "not_leaf",
            format!("Choose {} from the list (a leaf, not a group).", what.0),
            format!("请从列表中选择具体的{}（不能选分类组）。", what.1),
        ),
        CodeRefusal::Retired => FieldError::new(
            field,
            "retired",
            "This category is no longer in use; choose another.",
            "该分类已停用，请另选。",
        ),
    }
}

/// The problem for a use-case error.
/// Records a refused look at or action on an order in the audit log (`access_denied`): an
/// order outside the caller's reach (answered 404 like a missing one) or an action the rules
/// do not let this caller take. Other failures (stale version, wrong state, bad fields) are
/// not refusals of access and are not recorded.
pub async fn audit_order_refusal(
    state: &crate::state::AppState,
    caller: &crate::auth::Caller,
    req: &actix_web::HttpRequest,
    action: &str,
    id: i64,
    e: &OrderError,
) {
    let reason = match e {
        OrderError::NotFound => "not_visible".to_owned(),
        OrderError::Denied(d) => d.to_string(),
        OrderError::Refused(Refusal::NotAllowed) => "not_allowed".to_owned(),
        OrderError::InsufficientScope => "insufficient_scope".to_owned(),
        _ => return,
    };
    crate::auth::audit_refusal(state, caller, req, action, format!("order:{id}"), reason).await;
}

pub fn order_error(e: OrderError) -> ApiError {
    match e {
        OrderError::NotFound => not_found(),
        OrderError::Denied(reason) => denied(reason),
        OrderError::UnknownDivision { field } => ApiError::validation(vec![FieldError::new(
            field,
            "unknown_division",
            "There is no such administrative division.",
            "不存在该行政区划。",
        )]),
        OrderError::Classification(refusals) => ApiError::validation(
            refusals
                .into_iter()
                .map(|(field, refusal)| classification_error(field, refusal))
                .collect(),
        ),
        OrderError::KeyReused => ApiError::new(ErrorCode::IdempotencyKeyReused),
        OrderError::UnknownReference { field } => ApiError::validation(vec![FieldError::new(
            field,
            "not_found",
            "There is no such organisation or member.",
            "不存在该机构或人员。",
        )]),
        OrderError::Refused(Refusal::NotAllowed) => ApiError::new(ErrorCode::Forbidden).detail(
            "You may not take this action on this order.",
            "您无权对该工单执行此操作。",
        ),
        OrderError::Refused(Refusal::WrongState) => ApiError::new(ErrorCode::Conflict).detail(
            "This action is not possible in the order's present state.",
            "工单当前状态下不能执行此操作。",
        ),
        OrderError::Refused(refusal @ Refusal::Invalid { field, reason }) => {
            ApiError::validation(vec![FieldError::new(
                field,
                "invalid",
                reason,
                refusal.reason_zh().unwrap_or("不符合规定。"),
            )])
        }
        OrderError::Stale { current } => ApiError::new(ErrorCode::PreconditionFailed).detail(
            format!(
                "The order has changed since you loaded it (now version {current}); reload it."
            ),
            "工单已被他人修改，请刷新后重试。",
        ),
        OrderError::Race => ApiError::new(ErrorCode::Conflict).detail(
            "Someone else changed the order at the same moment; reload it.",
            "工单刚刚被他人修改，请刷新后重试。",
        ),
        OrderError::Attachments(refused) => ApiError::validation(
            refused
                .into_iter()
                .map(|(i, problem)| attachment_field_error(i, problem))
                .collect(),
        ),
        OrderError::InsufficientScope => ApiError::new(ErrorCode::InsufficientScope),
        OrderError::Service(e) => e.into(),
    }
}

/// The field error for one refused entry of a submission's `attachments`.
pub fn attachment_field_error(
    position: usize,
    problem: weiquan_domain::evidence::SelectionProblem,
) -> FieldError {
    use weiquan_domain::evidence::{MAX_PER_SUBMISSION, SelectionProblem as P};
    let field = format!("attachments[{position}]");
    match problem {
        P::TooMany => FieldError::new(
            &field,
            "too_many",
            format!("Attach at most {MAX_PER_SUBMISSION} files."),
            format!("最多可附 {MAX_PER_SUBMISSION} 个文件。"),
        ),
        P::Duplicate => FieldError::new(
            &field,
            "duplicate",
            "This file is already in the list.",
            "该文件已在列表中。",
        ),
        P::NotYours => FieldError::new(
            &field,
            "not_found",
            "There is no such upload of yours; upload the file again.",
            "找不到您上传的该文件，请重新上传。",
        ),
        P::AlreadyAttached => FieldError::new(
            &field,
            "already_attached",
            "This file is already part of another submission; upload it again.",
            "该文件已用于其他投诉举报，请重新上传。",
        ),
    }
}
