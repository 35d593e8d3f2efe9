//! Parked messages for administrators: what the relay gave up on (a permanent failure, or the
//! last attempt failed), and queueing one again once the cause is fixed. The outbox is one
//! queue for the whole platform, so only national administrators see it
//! (`access::authorize_outbox`); recipients are shown masked.

use weiquan_db::outbox::{self, Message};
use weiquan_domain::access::{Actor, Denied, authorize_outbox};

use crate::{Deps, ServiceError};

#[derive(Debug, thiserror::Error)]
pub enum ParkedError {
    #[error("not allowed: {0}")]
    Denied(Denied),
    /// No parked message with that id (never existed, or it is not parked).
    #[error("not found")]
    NotFound,
    #[error(transparent)]
    Service(#[from] ServiceError),
}

/// Parked messages, newest first, `limit` (1..=200) at a time after the id `before`.
pub async fn list(
    deps: &Deps,
    actor: &Actor,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<Message>, ParkedError> {
    authorize_outbox(actor).map_err(ParkedError::Denied)?;
    Ok(deps
        .db
        .run(move |conn| outbox::list_parked(conn, limit, before))
        .await?)
}

/// Puts a parked message back in the queue with a fresh count of attempts.
pub async fn requeue(deps: &Deps, actor: &Actor, id: i64) -> Result<(), ParkedError> {
    authorize_outbox(actor).map_err(ParkedError::Denied)?;
    if deps.db.run(move |conn| outbox::requeue(conn, id)).await? {
        Ok(())
    } else {
        Err(ParkedError::NotFound)
    }
}
