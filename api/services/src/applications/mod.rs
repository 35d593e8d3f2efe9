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
