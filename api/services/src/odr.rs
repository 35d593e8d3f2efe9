//! Enterprise self-settlement (ODR): what the order's actions record beside the order (the
//! proposals, the case with its deadline, first answer and outcome), the timeout job that
//! returns complaints the enterprise did not settle within 10 working days, one order's ODR
//! summary, and an enterprise's statistics. The rules are the domain's (`workflow::apply`,
//! `workflow::outcome_of`, `access::Action::ViewOdrStats`).
//!
//! The timeout job runs like the escalation job (`crate::escalation`): one instance at a time
//! (`pg_try_advisory_xact_lock`), candidates `FOR UPDATE SKIP LOCKED`, each order through the
//! machine as `By::Scheduler` (which refuses until the period has run out), a public event
//! (actor kind `scheduler`) and the consumer's SMS through the outbox in the same transaction.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::{Connection, PgConnection, RunQueryDsl};
use weiquan_db::odr::{self as db, CaseRow, NewProposal, ProposalRow, StatsRow};
use weiquan_db::orders::{self as orders_db, NewEvent};
use weiquan_db::{DbError, organisations};
use weiquan_domain::access::{Access, Action, Actor, OrgId, OrgKind};
use weiquan_domain::calendar::HolidayCalendar;
use weiquan_domain::workflow::{
    self, By, Command, CommandKind, Context, DeadlineKind, Order, Outcome, Proposal, Remedy, State,
};

use crate::orders::OrderError;
use crate::{Db, Deps};

/// Orders returned per transaction by the timeout job.
pub const BATCH: i64 = 200;

fn remedy_of(name: &str) -> Option<Remedy> {
    serde_json::from_value(serde_json::Value::String(name.to_owned())).ok()
}

/// The pending proposal of an order, as the rules see it.
pub fn pending_in(conn: &mut PgConnection, order: i64) -> Result<Option<Proposal>, DbError> {
    Ok(db::pending(conn, order)?.and_then(|row| {
        remedy_of(&row.remedy).map(|remedy| Proposal {
            remedy,
            amount_fen: row.amount_fen,
        })
    }))
}

/// The enterprise settlement deadline running on `order`, if one is.
fn settlement_due(order: &Order, calendar: &HolidayCalendar) -> Option<NaiveDate> {
    workflow::deadlines(order, calendar)
        .into_iter()
        .find(|d| d.kind == DeadlineKind::EnterpriseSettlement)
        .and_then(|d| match d.clock {
            weiquan_domain::calendar::Clock::Running { due } => Some(due.date),
            weiquan_domain::calendar::Clock::Stopped { .. } => None,
        })
}

/// Opens the case of a complaint that went to its enterprise at intake (the consumer chose
/// it) or by a bureau's dispatch, in the caller's transaction.
pub fn opened_in(
    conn: &mut PgConnection,
    order_id: i64,
    order: &Order,
    calendar: &HolidayCalendar,
) -> Result<(), DbError> {
    let (State::WithEnterprise { since }, Some(enterprise)) = (order.state, order.business) else {
        return Ok(());
    };
    db::open_case(
        conn,
        order_id,
        enterprise.0,
        since,
        settlement_due(order, calendar),
    )
}

/// What an applied action changes beside the order: `before` and `next` are the order
/// around `command`, taken `by`; `terms` the proposal's words, `reason` the event's.
#[expect(
    clippy::too_many_arguments,
    reason = "one applied action: every part is recorded"
)]
pub fn recorded_in(
    conn: &mut PgConnection,
    order_id: i64,
    before: &Order,
    next: &Order,
    command: &Command,
    by: By<'_>,
    terms: Option<&str>,
    reason: Option<&str>,
    calendar: &HolidayCalendar,
) -> Result<(), DbError> {
    let now = Utc::now();
    match command {
        Command::DispatchToEnterprise => opened_in(conn, order_id, next, calendar)?,
        Command::ProposeSettlement { remedy, amount_fen } => {
            let (user, client) = match by {
                By::Actor(Actor::Client { client, .. }) => (None, Some(client.0)),
                By::Actor(actor) => (actor.user().map(|u| u.0), None),
                By::Scheduler => (None, None),
            };
            let enterprise = next
                .business
                .ok_or_else(|| DbError::Other(format!("order {order_id}: no business")))?;
            db::propose(
                conn,
                &NewProposal {
                    order_id,
                    proposed_by_user: user,
                    proposed_by_client: client,
                    enterprise_org_id: enterprise.0,
                    remedy: orders_db::name_of(remedy)?,
                    amount_fen: *amount_fen,
                    terms: terms.unwrap_or_default().to_owned(),
                },
            )?;
            db::answered(conn, order_id, now)?;
        }
        Command::AcceptEnterpriseSettlement => {
            db::decide_pending(conn, order_id, "accepted", None)?;
        }
        Command::RejectSettlement => {
            db::decide_pending(conn, order_id, "rejected", reason)?;
        }
        _ => {}
    }
    if let Some(outcome) = workflow::outcome_of(before.state, command.kind(), by) {
        db::decide_pending(conn, order_id, "lapsed", None)?;
        db::end_case(conn, order_id, outcome.as_str(), now)?;
    }
    Ok(())
}

/// The enterprise's first answer in the dialogue (the lead wires dialogue messages to it):
/// counts only while the case is open and unanswered.
pub fn answered_in(
    conn: &mut PgConnection,
    order_id: i64,
    at: DateTime<Utc>,
) -> Result<(), DbError> {
    db::answered(conn, order_id, at)
}

/// An order's ODR record as the consumer, the enterprise and staff see it.
#[derive(Debug, Clone)]
pub struct Summary {
    pub case: CaseRow,
    pub enterprise_name: String,
    /// The latest proposal, whatever its status.
    pub proposal: Option<ProposalRow>,
}

/// The ODR record of an order, if it ever went to an enterprise.
pub fn summary_in(conn: &mut PgConnection, order_id: i64) -> Result<Option<Summary>, DbError> {
    let Some(case) = db::case(conn, order_id)? else {
        return Ok(None);
    };
    let enterprise_name = organisations::find(conn, OrgId(case.enterprise_org_id))?
        .map(|o| o.name)
        .unwrap_or_default();
    Ok(Some(Summary {
        enterprise_name,
        proposal: db::latest(conn, order_id)?,
        case,
    }))
}

fn try_lock(conn: &mut PgConnection) -> Result<bool, DbError> {
    #[derive(diesel::QueryableByName)]
    struct Locked {
        #[diesel(sql_type = diesel::sql_types::Bool)]
        locked: bool,
    }
    let row: Locked = diesel::sql_query(
        "SELECT pg_try_advisory_xact_lock(hashtext('weiquan.odr_expiry')) AS locked",
    )
    .get_result(conn)?;
    Ok(row.locked)
}

/// One batch in one transaction: (returned, candidates seen, more to do), or `None` when
/// another instance holds the lock.
fn batch(
    conn: &mut PgConnection,
    cache: &crate::calendar::CalendarCache,
    today: NaiveDate,
) -> Result<Option<(usize, usize, bool)>, OrderError> {
    conn.transaction(|conn| {
        if !try_lock(conn)? {
            return Ok(None);
        }
        let calendar = crate::calendar::current(conn, cache)?;
        let rows = db::with_enterprise_overdue(conn, today, BATCH)?;
        let more = rows.len() as i64 >= BATCH;
        let ids: Vec<i64> = rows.iter().flat_map(|r| r.org_ids()).collect();
        let orgs = orders_db::org_refs(conn, &ids)?;
        let ctx = Context {
            today,
            calendar: &calendar,
        };
        let mut returned = 0;
        for row in &rows {
            let mut order = row.to_domain(&orgs)?;
            order.proposal = pending_in(conn, row.id)?;
            let command = Command::ReturnFromEnterprise;
            let Ok(next) = workflow::apply(&order, By::Scheduler, &command, &ctx) else {
                // Not yet due by the stored calendar (the row's date is stale): store the
                // domain's date so the row stops matching.
                let fresh = crate::orders::due_of(&order, &calendar);
                if fresh != row.due_on.map(|d| (d, row.due_provisional)) {
                    orders_db::set_due(conn, row.id, fresh)?;
                }
                continue;
            };
            let change = orders_db::change_of(&next, crate::orders::due_of(&next, &calendar))?;
            if orders_db::update(conn, row.id, row.version, &change)?.is_none() {
                continue;
            }
            let seq = orders_db::last_seq(conn, row.id)? + 1;
            orders_db::insert_event(
                conn,
                &NewEvent {
                    order_id: row.id,
                    seq,
                    actor_kind: "scheduler".into(),
                    actor_user_id: None,
                    actor_org_id: None,
                    command: orders_db::name_of(&CommandKind::ReturnFromEnterprise)?,
                    from_state: Some(row.state.clone()),
                    to_state: change.state.clone(),
                    public: CommandKind::ReturnFromEnterprise.is_public(),
                    reason: None,
                    data: serde_json::json!({
                        "action": "return_from_enterprise",
                        "outcome": Outcome::Expired.as_str(),
                        "due_on": row.due_on,
                    }),
                },
            )?;
            recorded_in(
                conn,
                row.id,
                &order,
                &next,
                &command,
                By::Scheduler,
                None,
                None,
                &calendar,
            )?;
            crate::dialogue::post_system_in(
                conn,
                row.id,
                "企业未在 10 个工作日内与消费者达成和解，投诉已转回市场监管部门按一般程序处理。 / \
                 The enterprise did not settle within 10 working days; the complaint is back \
                 with the market-regulation bureau's ordinary procedure.",
            )?;
            crate::notifications::order_event_in(
                conn,
                &crate::notifications::OrderEvent {
                    order_id: row.id,
                    number: &row.number,
                    command: "return_from_enterprise",
                    public: true,
                    consumer: next.consumer,
                    by: None,
                    enterprise: crate::orders::odr_enterprise(&next),
                    to_enterprise: false,
                },
            )?;
            returned += 1;
        }
        Ok(Some((returned, rows.len(), more)))
    })
}

/// Returns to the bureau's ordinary procedure every complaint whose enterprise settlement
/// period ran out before `today` (batch after batch); 0 when another instance is doing it.
pub async fn expire_due(db: &Db, today: NaiveDate) -> Result<usize, OrderError> {
    let mut total = 0;
    loop {
        let cache = db.calendar_cache();
        let result = db.run(move |conn| Ok(batch(conn, &cache, today))).await??;
        match result {
            None => return Ok(total),
            Some((returned, _, more)) => {
                total += returned;
                if !more || returned == 0 {
                    return Ok(total);
                }
            }
        }
    }
}

/// Runs [`expire_due`] every `interval` until `shutdown` turns true (or its sender is dropped);
/// errors are logged and the next round retries.
pub async fn run_expirer(
    db: Db,
    interval: std::time::Duration,
    mut shutdown: tokio::sync::watch::Receiver<bool>,
) {
    log::info!("ODR expiry started (every {interval:?})");
    loop {
        if *shutdown.borrow() {
            break;
        }
        match expire_due(&db, crate::orders::today()).await {
            Ok(0) => {}
            Ok(n) => log::info!("ODR expiry: {n} complaint(s) returned to the bureau"),
            Err(e) => log::warn!("ODR expiry: {e}"),
        }
        let stop = tokio::select! {
            () = tokio::time::sleep(interval) => false,
            changed = shutdown.changed() => changed.is_err() || *shutdown.borrow(),
        };
        if stop {
            break;
        }
    }
    log::info!("ODR expiry stopped");
}

/// An enterprise's settlement statistics over the complaints dispatched to it in a period.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stats {
    pub counts: StatsRow,
    /// Settled over ended (settled, rejected, expired, recalled); `None` before any ended.
    pub settlement_rate: Option<f64>,
}

/// The statistics of enterprise `org` for complaints dispatched `from`..=`to`: its own
/// members and staff of the bureaus above it (404 for anyone else and for an organisation
/// that is not an enterprise).
pub async fn stats(
    deps: &Deps,
    actor: &Actor,
    org: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Stats, OrderError> {
    let row = deps
        .db
        .run(move |conn| organisations::find(conn, OrgId(org)))
        .await?
        .ok_or(OrderError::NotFound)?;
    let target = row.to_ref().map_err(OrderError::from)?;
    match weiquan_domain::access::access(actor, Action::ViewOdrStats(&target)) {
        Access::Allowed => {}
        Access::NotFound => return Err(OrderError::NotFound),
        Access::Denied(d) => return Err(OrderError::Denied(d)),
    }
    if target.kind != OrgKind::Enterprise {
        return Err(OrderError::NotFound);
    }
    let counts = deps
        .db
        .run(move |conn| db::stats(conn, org, from, to))
        .await?;
    let ended = counts.settled + counts.rejected + counts.expired + counts.recalled;
    Ok(Stats {
        settlement_rate: workflow::settlement_rate(counts.settled, ended),
        counts,
    })
}
