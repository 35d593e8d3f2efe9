//! Applications to join 入驻申请: submitting (public), following by tracking code (public),
//! the review queue, and approving or rejecting (reviewers of the competent bureau or above).
//! Rules live in `weiquan_domain::application`; each change here is one transaction with its
//! timeline event, outbox email and audit record.

mod review;
mod submit;

pub use review::{Decided, approve, detail, queue, reject};
pub use submit::{Submission, Submitted, submit, track};

use chrono::{DateTime, Utc};
use weiquan_db::applications::{ApplicationRow, EventRow};
use weiquan_db::organisations::OrgRow;
use weiquan_domain::access::Denied;
use weiquan_domain::application::{ApplicationStatus, RoutingError, TrackingCode};

use crate::ServiceError;
use crate::random::sha256_hex;

#[derive(Debug, thiserror::Error)]
pub enum ApplicationError {
    /// A division code that is not in the reference data; names the field.
    #[error("unknown division in {field}")]
    UnknownDivision { field: &'static str },
    #[error(transparent)]
    Routing(RoutingError),
    /// The credit code is already an organisation or waiting for a decision, or the user name
    /// is taken or asked for by a pending application; names the field.
    #[error("duplicate {field}")]
    Duplicate { field: &'static str },
    #[error("too many requests; retry after {retry_after} s")]
    Limited { retry_after: u64 },
    /// No such application, or one the caller may not know of.
    #[error("no such application")]
    NotFound,
    #[error("not allowed: {0}")]
    Denied(Denied),
    #[error("the application was already {}", .0.as_str())]
    AlreadyDecided(ApplicationStatus),
    #[error(transparent)]
    Service(#[from] ServiceError),
}

/// An application with its competent bureau and timeline, as reviewers and (partly) the
/// applicant see it.
#[derive(Debug, Clone)]
pub struct ApplicationView {
    pub row: ApplicationRow,
    pub bureau: OrgRow,
    pub events: Vec<(String, DateTime<Utc>)>,
}

impl ApplicationView {
    fn new(row: ApplicationRow, bureau: OrgRow, events: Vec<EventRow>) -> Self {
        Self {
            row,
            bureau,
            events: events.into_iter().map(|e| (e.kind, e.at)).collect(),
        }
    }
}

/// How a tracking code is stored and looked up.
fn tracking_hash(code: &TrackingCode) -> String {
    sha256_hex(&format!("weiquan-application-tracking:{}", code.as_str()))
}

/// Inserts a pending demo application (enterprise, 南山区) with a known tracking code, unless
/// one with this credit code exists. Returns how many were created (0 or 1).
pub(crate) fn seed_demo(
    conn: &mut diesel::PgConnection,
    tracking_code: &str,
    credit_code: &str,
) -> Result<usize, weiquan_db::DbError> {
    use weiquan_db::DbError;
    use weiquan_db::applications::{self as db, NewApplication};
    use weiquan_domain::application::ApplicationEvent;
    let bad = |e: String| DbError::Other(format!("demo application: {e}"));
    let code = TrackingCode::parse(tracking_code).ok_or_else(|| bad("tracking code".into()))?;
    let credit = weiquan_domain::CreditCode::parse(credit_code).map_err(|e| bad(e.to_string()))?;
    if db::exists_with_credit_code(conn, credit.as_str())? {
        return Ok(0);
    }
    let division = weiquan_domain::DivisionCode::parse("440305").map_err(|e| bad(e.to_string()))?;
    let bureau = weiquan_db::organisations::bureau_of(conn, Some(&division))?
        .ok_or_else(|| bad("no bureau for 440305: run migrate first".into()))?;
    let id = db::insert(
        conn,
        &NewApplication {
            kind: "enterprise",
            name: "深圳市南山区示例网络科技有限公司（演示）",
            name_en: Some("Shenzhen Nanshan Example Network Technology Co., Ltd. (demo)"),
            credit_code: Some(credit.as_str()),
            registered_division: Some(division.as_str()),
            competent_bureau_id: bureau.id,
            contact_name: "李申请（演示）",
            contact_phone: "0755-26000000",
            contact_email: "applicant@example.com",
            admin_username: "example.admin",
            admin_display_name: "示例公司管理员（演示）",
            description: "电商平台，申请入驻 ODR 在线纠纷解决。（演示数据）",
            locale: "zh-CN",
            tracking_hash: &tracking_hash(&code),
        },
    )?;
    db::add_event(conn, id, ApplicationEvent::Submitted, None)?;
    Ok(1)
}
