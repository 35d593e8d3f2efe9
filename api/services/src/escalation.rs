//! The overdue job: open orders past their due date are escalated to the upper level's
//! supervision list (督办) once per overdue period, with a non-public order event (`escalate`,
//! actor kind `scheduler`) and a notification to the handler, or to the holding unit's
//! handlers when none is assigned (in the app, and by email through the outbox as their
//! preferences allow: `crate::notifications`), in the same transaction.
//!
//! One instance cluster-wide: each batch runs in a transaction that first takes
//! `pg_try_advisory_xact_lock`; an instance that does not get it skips the round (another one
//! is escalating). Candidates are locked `FOR UPDATE SKIP LOCKED`, so a member's action in
//! progress is never waited on (the order comes up again next round). The SQL only preselects;
//! the domain (`workflow::escalation_due`) decides each order on the stored calendar.

use std::time::Duration;

use chrono::{NaiveDate, Utc};
use diesel::{Connection, PgConnection, RunQueryDsl};
use tokio::sync::watch;
use weiquan_db::orders::{self as db, NewEvent};
use weiquan_db::{DbError, users};
use weiquan_domain::access::{Role, UserId};
use weiquan_domain::notify::in_app::Kind;
use weiquan_domain::workflow::{escalation_due, supervisor};

use crate::{Db, ServiceError};

/// Orders escalated per transaction.
pub const BATCH: i64 = 200;

/// What one round did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Round {
    pub escalated: usize,
    /// Emails queued (one per recipient).
    pub notified: usize,
    /// Another instance held the lock: nothing was done.
    pub skipped: bool,
}

fn try_lock(conn: &mut PgConnection) -> Result<bool, DbError> {
    #[derive(diesel::QueryableByName)]
    struct Locked {
        #[diesel(sql_type = diesel::sql_types::Bool)]
        locked: bool,
    }
    let row: Locked = diesel::sql_query(
        "SELECT pg_try_advisory_xact_lock(hashtext('weiquan.escalation')) AS locked",
    )
    .get_result(conn)?;
    Ok(row.locked)
}

/// One batch in one transaction: answers (escalated, notified, more to do), or `None` when
/// another instance holds the lock.
fn batch(
    conn: &mut PgConnection,
    cache: &crate::calendar::CalendarCache,
    today: NaiveDate,
) -> Result<Option<(usize, usize, bool)>, DbError> {
    conn.transaction(|conn| {
        if !try_lock(conn)? {
            return Ok(None);
        }
        let calendar = crate::calendar::current(conn, cache)?;
        let rows = db::overdue_unescalated(conn, today, BATCH)?;
        let more = rows.len() as i64 >= BATCH;
        let ids: Vec<i64> = rows.iter().flat_map(|r| r.org_ids()).collect();
        let orgs = db::org_refs(conn, &ids)?;
        let (mut escalated, mut notified) = (0, 0);
        let now = Utc::now();
        for row in &rows {
            let order = row.to_domain(&orgs)?;
            // A stale stored due date (e.g. computed before a calendar change): the domain's
            // answer wins and is stored now, so that the row stops matching when the order is
            // not overdue after all, and so that an escalated order's due date (what the
            // supervision list shows and sorts by) is the one it was escalated for.
            let fresh = crate::orders::due_of(&order, &calendar);
            if fresh != row.due_on.map(|d| (d, row.due_provisional)) {
                db::set_due(conn, row.id, fresh)?;
            }
            let Some(due) = escalation_due(&order, row.escalated_due_on, today, &calendar) else {
                continue;
            };
            db::mark_escalated(conn, row.id, due, now)?;
            let seq = db::last_seq(conn, row.id)? + 1;
            db::insert_event(
                conn,
                &NewEvent {
                    order_id: row.id,
                    seq,
                    actor_kind: "scheduler".into(),
                    actor_user_id: None,
                    actor_org_id: None,
                    command: "escalate".into(),
                    from_state: Some(row.state.clone()),
                    to_state: row.state.clone(),
                    public: false,
                    reason: None,
                    data: serde_json::json!({
                        "due_on": due,
                        "supervisor_org_id": supervisor(&order).0,
                    }),
                },
            )?;
            escalated += 1;
            // The handler, or the holding unit's handlers when none is assigned (or the
            // assigned one left): in the app, and by email as their preferences allow.
            let handler = match order.handler {
                Some(handler) => users::find(conn, handler)?
                    .filter(|u| u.status == "active")
                    .map(|u| UserId(u.id)),
                None => None,
            };
            let recipients = match handler {
                Some(handler) => vec![handler],
                None => weiquan_db::notifications::members_with_roles(
                    conn,
                    row.holder_org_id,
                    &[Role::Handler],
                )?
                .into_iter()
                .map(UserId)
                .collect(),
            };
            let sent = crate::notifications::notify_in(
                conn,
                &recipients,
                Kind::OrderOverdue,
                Some(row.id),
                &serde_json::json!({
                    "number": row.number,
                    "due_on": due.format("%Y-%m-%d").to_string(),
                }),
            )?;
            notified += sent.email;
        }
        Ok(Some((escalated, notified, more)))
    })
}

/// Escalates every order overdue on `today` (batch after batch), unless another instance is
/// doing it.
pub async fn escalate_once(db: &Db, today: NaiveDate) -> Result<Round, ServiceError> {
    let mut round = Round::default();
    loop {
        let cache = db.calendar_cache();
        let result = db.run(move |conn| batch(conn, &cache, today)).await?;
        match result {
            None => {
                round.skipped = true;
                return Ok(round);
            }
            Some((escalated, notified, more)) => {
                round.escalated += escalated;
                round.notified += notified;
                if !more || escalated == 0 {
                    return Ok(round);
                }
            }
        }
    }
}

/// Runs [`escalate_once`] every `interval` until `shutdown` turns true (or its sender is
/// dropped); database errors are logged and the next round retries.
pub async fn run_escalator(db: Db, interval: Duration, mut shutdown: watch::Receiver<bool>) {
    log::info!("overdue escalation started (every {interval:?})");
    loop {
        if *shutdown.borrow() {
            break;
        }
        match escalate_once(&db, crate::orders::today()).await {
            Ok(round) if round.escalated > 0 => log::info!(
                "overdue escalation: {} order(s) escalated, {} email(s) queued",
                round.escalated,
                round.notified
            ),
            Ok(_) => {}
            Err(e) => log::warn!("overdue escalation: {e}"),
        }
        let stop = tokio::select! {
            () = tokio::time::sleep(interval) => false,
            changed = shutdown.changed() => changed.is_err() || *shutdown.borrow(),
        };
        if stop {
            break;
        }
    }
    log::info!("overdue escalation stopped");
}
