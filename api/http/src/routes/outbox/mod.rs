//! Outgoing messages (SMS, email) the relay gave up on, for national administrators
//! (capability `manage_outbox`): the list and queueing one again.

pub mod parked;
pub mod requeue;

use actix_web::HttpRequest;
use weiquan_services::outbox::parked::ParkedError;

use crate::auth::{Caller, audit_refusal, denied};
use crate::error::{ApiError, ErrorCode};
use crate::state::AppState;

/// The problem for a use-case error; refusals of signed-in callers are audited.
pub async fn parked_error(
    state: &AppState,
    caller: &Caller,
    req: &HttpRequest,
    subject: String,
    e: ParkedError,
) -> ApiError {
    match e {
        ParkedError::Denied(reason) => {
            if caller.signed_in().is_ok() {
                audit_refusal(
                    state,
                    caller,
                    req,
                    "manage_outbox",
                    subject,
                    reason.to_string(),
                )
                .await;
            }
            denied(reason)
        }
        ParkedError::NotFound => ApiError::new(ErrorCode::NotFound),
        ParkedError::Service(e) => e.into(),
    }
}
