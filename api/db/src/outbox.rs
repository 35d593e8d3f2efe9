//! The transactional outbox: messages written in the caller's transaction and sent by the relay
//! (`weiquan_services::outbox`) after it commits.
//!
//! A message is `pending` until a relay claims it. Claiming moves it to `sending` with a lease
//! (`next_attempt_at` = when the lease ends) and counts the attempt; the claim uses
//! `FOR UPDATE SKIP LOCKED`, so relays in several server instances each take different
//! messages. The relay sends without holding any connection, then records the result with the
//! attempt number it claimed as a fencing token: if its lease expired and another relay took
//! the message over, its late result changes nothing. A relay that dies mid-send leaves the
//! message `sending` until the lease ends, then it is claimed again (delivery is at least once
//! in that case, exactly once otherwise).

use std::time::Duration;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Interval, Timestamptz};
use weiquan_domain::notify::{Channel, Locale, Template};

use crate::DbError;
use crate::schema::outbox;

/// A message to queue.
#[derive(Debug, Clone, PartialEq)]
pub struct NewMessage {
    pub channel: Channel,
    pub recipient: String,
    pub locale: Locale,
    pub template: Template,
    /// The template's fields, a JSON object of strings.
    pub payload: serde_json::Value,
}

#[derive(Insertable)]
#[diesel(table_name = outbox)]
struct NewRow<'a> {
    channel: &'a str,
    recipient: &'a str,
    locale: &'a str,
    template: &'a str,
    payload: &'a serde_json::Value,
}

/// A stored message.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, QueryableByName)]
#[diesel(table_name = outbox)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct Message {
    pub id: i64,
    pub channel: String,
    pub recipient: String,
    pub locale: String,
    pub template: String,
    pub payload: serde_json::Value,
    pub status: String,
    /// Attempts so far, counting the one in progress when `sending`.
    pub attempts: i32,
    pub next_attempt_at: DateTime<Utc>,
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
}

/// Queues a message. Call it inside the transaction of the change that causes it: if that
/// transaction rolls back, nothing is sent.
pub fn enqueue(conn: &mut PgConnection, message: &NewMessage) -> Result<i64, DbError> {
    if !message.payload.is_object() {
        return Err(DbError::Other(
            "outbox payload must be a JSON object".into(),
        ));
    }
    Ok(diesel::insert_into(outbox::table)
        .values(NewRow {
            channel: message.channel.as_str(),
            recipient: &message.recipient,
            locale: message.locale.as_str(),
            template: message.template.as_str(),
            payload: &message.payload,
        })
        .returning(outbox::id)
        .get_result(conn)?)
}

fn interval(d: Duration) -> diesel::pg::data_types::PgInterval {
    diesel::pg::data_types::PgInterval::from_microseconds(
        i64::try_from(d.as_micros()).unwrap_or(i64::MAX),
    )
}

/// Claims up to `limit` due messages for `lease`: pending ones whose time has come and
/// `sending` ones whose lease ran out. Skips rows another relay is claiming at this moment.
pub fn claim_due(
    conn: &mut PgConnection,
    limit: i64,
    lease: Duration,
) -> Result<Vec<Message>, DbError> {
    Ok(diesel::sql_query(
        "UPDATE outbox o
         SET status = 'sending', attempts = o.attempts + 1, next_attempt_at = now() + $2
         FROM (SELECT id FROM outbox
               WHERE status IN ('pending', 'sending') AND next_attempt_at <= now()
               ORDER BY next_attempt_at
               LIMIT $1
               FOR UPDATE SKIP LOCKED) due
         WHERE o.id = due.id
         RETURNING o.*",
    )
    .bind::<BigInt, _>(limit)
    .bind::<Interval, _>(interval(lease))
    .load(conn)?)
}

/// Records a successful send of attempt `attempt`. The payload is cleared: it may hold a
/// one-time code, and the outbox is not an archive. False if the claim was lost meanwhile.
pub fn mark_sent(conn: &mut PgConnection, id: i64, attempt: i32) -> Result<bool, DbError> {
    mark_sent_keeping(conn, id, attempt, false)
}

/// [`mark_sent`], but in development the payload may be kept (`keep_payload`), so the
/// development mailbox can still show the message (an invitation's link) after it was sent.
pub fn mark_sent_keeping(
    conn: &mut PgConnection,
    id: i64,
    attempt: i32,
    keep_payload: bool,
) -> Result<bool, DbError> {
    if keep_payload {
        let changed = diesel::update(
            outbox::table
                .find(id)
                .filter(outbox::status.eq("sending"))
                .filter(outbox::attempts.eq(attempt)),
        )
        .set((
            outbox::status.eq("sent"),
            outbox::sent_at.eq(diesel::dsl::now),
            outbox::last_error.eq(None::<String>),
        ))
        .execute(conn)?;
        return Ok(changed == 1);
    }
    let changed = diesel::update(
        outbox::table
            .find(id)
            .filter(outbox::status.eq("sending"))
            .filter(outbox::attempts.eq(attempt)),
    )
    .set((
        outbox::status.eq("sent"),
        outbox::sent_at.eq(diesel::dsl::now),
        outbox::payload.eq(serde_json::json!({})),
        outbox::last_error.eq(None::<String>),
    ))
    .execute(conn)?;
    Ok(changed == 1)
}

/// What happens after a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterFailure {
    /// Try again after this long.
    RetryIn(Duration),
    /// Give up: park the message for an administrator.
    Park,
}

/// Records a failed attempt. False if the claim was lost meanwhile.
pub fn mark_failed(
    conn: &mut PgConnection,
    id: i64,
    attempt: i32,
    error: &str,
    after: AfterFailure,
) -> Result<bool, DbError> {
    let error: String = error.chars().take(2000).collect();
    let target = outbox::table
        .find(id)
        .filter(outbox::status.eq("sending"))
        .filter(outbox::attempts.eq(attempt));
    let changed = match after {
        AfterFailure::RetryIn(delay) => diesel::update(target)
            .set((
                outbox::status.eq("pending"),
                outbox::next_attempt_at.eq(diesel::dsl::sql::<Timestamptz>("now() + ")
                    .bind::<Interval, _>(interval(delay))),
                outbox::last_error.eq(&error),
            ))
            .execute(conn)?,
        AfterFailure::Park => diesel::update(target)
            .set((outbox::status.eq("parked"), outbox::last_error.eq(&error)))
            .execute(conn)?,
    };
    Ok(changed == 1)
}

/// Parked messages, newest first, `limit` at a time after `before_id`.
pub fn list_parked(
    conn: &mut PgConnection,
    limit: i64,
    before_id: Option<i64>,
) -> Result<Vec<Message>, DbError> {
    let mut q = outbox::table
        .filter(outbox::status.eq("parked"))
        .select(Message::as_select())
        .order(outbox::id.desc())
        .limit(limit.clamp(1, 200))
        .into_boxed();
    if let Some(before) = before_id {
        q = q.filter(outbox::id.lt(before));
    }
    Ok(q.load(conn)?)
}

/// Puts a parked message back in the queue with a fresh count of attempts (an administrator
/// fixed the cause). False if it is not parked.
pub fn requeue(conn: &mut PgConnection, id: i64) -> Result<bool, DbError> {
    let changed = diesel::update(outbox::table.find(id).filter(outbox::status.eq("parked")))
        .set((
            outbox::status.eq("pending"),
            outbox::attempts.eq(0),
            outbox::next_attempt_at.eq(diesel::dsl::now),
        ))
        .execute(conn)?;
    Ok(changed == 1)
}

/// One message.
pub fn find(conn: &mut PgConnection, id: i64) -> Result<Option<Message>, DbError> {
    Ok(outbox::table
        .find(id)
        .select(Message::as_select())
        .first(conn)
        .optional()?)
}

/// Deletes messages sent before `older_than`; returns how many.
pub fn prune_sent(conn: &mut PgConnection, older_than: DateTime<Utc>) -> Result<usize, DbError> {
    Ok(diesel::delete(
        outbox::table
            .filter(outbox::status.eq("sent"))
            .filter(outbox::sent_at.lt(older_than)),
    )
    .execute(conn)?)
}

/// The newest messages to `recipient` on `channel`, newest first (the development mailbox).
pub fn recent_to(
    conn: &mut PgConnection,
    channel: Channel,
    recipient: &str,
    limit: i64,
) -> Result<Vec<Message>, DbError> {
    Ok(outbox::table
        .filter(outbox::channel.eq(channel.as_str()))
        .filter(outbox::recipient.eq(recipient))
        .select(Message::as_select())
        .order(outbox::id.desc())
        .limit(limit.clamp(1, 100))
        .load(conn)?)
}
