//! Applications to join 入驻申请: the public form and tracking, the review queue, decisions.

pub mod decide;
pub mod get;
pub mod list;
pub mod status;
pub mod submit;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use weiquan_db::applications::ApplicationRow;
use weiquan_db::organisations::OrgRow;
use weiquan_domain::application::RoutingError;
use weiquan_services::applications::ApplicationError;

use crate::auth::denied;
use crate::error::{ApiError, ErrorCode, FieldError};

/// Who applies.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ApplicantKindDto {
    /// An ODR enterprise (settles complaints about itself).
    Enterprise,
    /// Another government department.
    Department,
    /// An international consumer body.
    International,
}

/// The bureau that reviews an application.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BureauRef {
    pub id: i64,
    pub name: String,
    pub name_en: Option<String>,
    /// `national`, `province`, `city` or `county`.
    pub level: Option<String>,
    pub division_code: Option<String>,
}

impl From<OrgRow> for BureauRef {
    fn from(row: OrgRow) -> Self {
        Self {
            id: row.id,
            name: row.name,
            name_en: row.name_en,
            level: row.bureau_level,
            division_code: row.division_code,
        }
    }
}

/// One step on an application's timeline.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TimelineStep {
    /// `submitted`, `approved`, `rejected`, `organisation_created` or `invitation_sent`.
    pub step: String,
    pub at: DateTime<Utc>,
}

pub fn timeline(events: Vec<(String, DateTime<Utc>)>) -> Vec<TimelineStep> {
    events
        .into_iter()
        .map(|(step, at)| TimelineStep { step, at })
        .collect()
}

/// An application in the review queue.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ApplicationSummary {
    pub id: i64,
    /// `enterprise`, `department` or `international`.
    pub kind: String,
    pub name: String,
    pub name_en: Option<String>,
    pub credit_code: Option<String>,
    pub registered_division: Option<String>,
    pub competent_bureau: BureauRef,
    /// `submitted`, `approved` or `rejected`.
    pub status: String,
    pub submitted_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
}

impl ApplicationSummary {
    pub fn new(row: &ApplicationRow, bureau: OrgRow) -> Self {
        Self {
            id: row.id,
            kind: row.kind.clone(),
            name: row.name.clone(),
            name_en: row.name_en.clone(),
            credit_code: row.credit_code.clone(),
            registered_division: row.registered_division.clone(),
            competent_bureau: bureau.into(),
            status: row.status.clone(),
            submitted_at: row.created_at,
            decided_at: row.decided_at,
        }
    }
}

fn routing_error(e: RoutingError) -> FieldError {
    let (code, en, zh) = match e {
        RoutingError::DivisionRequired => (
            "required",
            "An enterprise gives its registered division.",
            "企业须填写登记注册地行政区划。",
        ),
        RoutingError::DivisionNotCounty => (
            "county_required",
            "Give the county-level division (county, district or county-level city) where the enterprise is registered.",
            "请填写企业登记注册地的县级行政区划（县、区或县级市）。",
        ),
        RoutingError::LevelRequired => (
            "required",
            "Choose \"national\" or a province code.",
            "请选择国家总局（national）或省级行政区划代码。",
        ),
        RoutingError::LevelNotAllowed => (
            "not_allowed",
            "An enterprise does not choose: its registered division decides.",
            "企业的审核机关由登记注册地决定，无需选择。",
        ),
    };
    FieldError::new(e.field(), code, en, zh)
}

/// The problem for a refused review action, after writing the refusal of a signed-in caller
/// to the audit log (`access_denied`), as `require_audited` does for other endpoints.
pub async fn refused(
    state: &crate::state::AppState,
    caller: &crate::auth::Caller,
    req: &actix_web::HttpRequest,
    application: i64,
    e: ApplicationError,
) -> ApiError {
    if let ApplicationError::Denied(reason) = &e
        && !matches!(caller.actor, weiquan_domain::access::Actor::Anonymous)
    {
        crate::auth::audit_refusal(
            state,
            caller,
            req,
            "review_application",
            format!("application:{application}"),
            reason.to_string(),
        )
        .await;
    }
    application_error(e)
}

/// The problem for a use-case error.
pub fn application_error(e: ApplicationError) -> ApiError {
    match e {
        ApplicationError::UnknownDivision { field } => ApiError::validation(vec![FieldError::new(
            field,
            "unknown_division",
            "There is no such administrative division.",
            "不存在该行政区划。",
        )]),
        ApplicationError::Routing(e) => ApiError::validation(vec![routing_error(e)]),
        ApplicationError::Duplicate { field } if field == "credit_code" => {
            ApiError::new(ErrorCode::ApplicationDuplicate).with_errors(vec![FieldError::new(
                field,
                "duplicate",
                "An organisation with this credit code is already registered or has an application waiting for review.",
                "该统一社会信用代码的机构已入驻，或已有待审核的申请。",
            )])
        }
        ApplicationError::Duplicate { field } => {
            ApiError::new(ErrorCode::UsernameTaken).with_errors(vec![FieldError::new(
                field,
                "duplicate",
                "This user name is taken; choose another.",
                "该用户名已被使用，请换一个。",
            )])
        }
        ApplicationError::Limited { retry_after } => ApiError::too_many(retry_after),
        ApplicationError::NotFound => ApiError::not_found("The application", "该申请"),
        ApplicationError::Denied(reason) => denied(reason),
        ApplicationError::AlreadyDecided(status) => ApiError::new(ErrorCode::Conflict).detail(
            format!("The application was already {}.", status.as_str()),
            match status {
                weiquan_domain::application::ApplicationStatus::Approved => {
                    "该申请已通过，不能再次审核。"
                }
                weiquan_domain::application::ApplicationStatus::Rejected => {
                    "该申请已驳回，不能再次审核。"
                }
                weiquan_domain::application::ApplicationStatus::Submitted => {
                    "该申请状态已变化，请刷新后重试。"
                }
            },
        ),
        ApplicationError::Service(e) => e.into(),
    }
}
