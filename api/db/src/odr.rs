//! Enterprise self-settlement (ODR): proposals and the per-complaint case record (migration
//! `000031_odr`). The rules are the domain's (`weiquan_domain::workflow`); these are the rows.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;

use crate::DbError;
use crate::orders::OrderRow;
use crate::schema::{odr_cases, orders, settlement_proposals};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = settlement_proposals)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct ProposalRow {
    pub id: i64,
    pub order_id: i64,
    pub proposed_by_user: Option<i64>,
    pub proposed_by_client: Option<i64>,
    pub enterprise_org_id: i64,
    pub remedy: String,
    pub amount_fen: Option<i64>,
    pub terms: String,
    /// `pending`, `accepted`, `rejected`, `superseded` or `lapsed`.
    pub status: String,
    pub created_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
    pub reject_reason: Option<String>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = settlement_proposals)]
pub struct NewProposal {
    pub order_id: i64,
    pub proposed_by_user: Option<i64>,
    pub proposed_by_client: Option<i64>,
    pub enterprise_org_id: i64,
    pub remedy: String,
    pub amount_fen: Option<i64>,
    pub terms: String,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = odr_cases)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct CaseRow {
    pub order_id: i64,
    pub enterprise_org_id: i64,
    pub dispatched_on: NaiveDate,
    pub due_on: Option<NaiveDate>,
    pub first_answer_at: Option<DateTime<Utc>>,
    pub dispatched_at: DateTime<Utc>,
    /// `settled`, `rejected`, `expired`, `recalled`, `withdrawn`; null while open.
    pub outcome: Option<String>,
    pub ended_at: Option<DateTime<Utc>>,
}

/// The pending proposal of an order, if any.
pub fn pending(conn: &mut PgConnection, order: i64) -> Result<Option<ProposalRow>, DbError> {
    Ok(settlement_proposals::table
        .filter(settlement_proposals::order_id.eq(order))
        .filter(settlement_proposals::status.eq("pending"))
        .select(ProposalRow::as_select())
        .first(conn)
        .optional()?)
}

/// The latest proposal of an order, whatever its status.
pub fn latest(conn: &mut PgConnection, order: i64) -> Result<Option<ProposalRow>, DbError> {
    Ok(settlement_proposals::table
        .filter(settlement_proposals::order_id.eq(order))
        .order(settlement_proposals::id.desc())
        .select(ProposalRow::as_select())
        .first(conn)
        .optional()?)
}

/// Stores a new proposal, the pending one (if any) becoming `superseded`.
pub fn propose(conn: &mut PgConnection, new: &NewProposal) -> Result<ProposalRow, DbError> {
    decide_pending(conn, new.order_id, "superseded", None)?;
    Ok(diesel::insert_into(settlement_proposals::table)
        .values(new)
        .returning(ProposalRow::as_returning())
        .get_result(conn)?)
}

/// Closes the pending proposal of an order with `status` (and a rejection's reason); answers
/// whether there was one.
pub fn decide_pending(
    conn: &mut PgConnection,
    order: i64,
    status: &str,
    reason: Option<&str>,
) -> Result<bool, DbError> {
    let n = diesel::update(
        settlement_proposals::table
            .filter(settlement_proposals::order_id.eq(order))
            .filter(settlement_proposals::status.eq("pending")),
    )
    .set((
        settlement_proposals::status.eq(status),
        settlement_proposals::decided_at.eq(Some(Utc::now())),
        settlement_proposals::reject_reason.eq(reason),
    ))
    .execute(conn)?;
    Ok(n > 0)
}

/// Records that a complaint went to its enterprise (again: a second dispatch starts a new
/// period and clears the earlier outcome).
pub fn open_case(
    conn: &mut PgConnection,
    order: i64,
    enterprise: i64,
    dispatched_on: NaiveDate,
    due_on: Option<NaiveDate>,
) -> Result<(), DbError> {
    let now = Utc::now();
    diesel::insert_into(odr_cases::table)
        .values((
            odr_cases::order_id.eq(order),
            odr_cases::enterprise_org_id.eq(enterprise),
            odr_cases::dispatched_on.eq(dispatched_on),
            odr_cases::due_on.eq(due_on),
            odr_cases::dispatched_at.eq(now),
        ))
        .on_conflict(odr_cases::order_id)
        .do_update()
        .set((
            odr_cases::enterprise_org_id.eq(enterprise),
            odr_cases::dispatched_on.eq(dispatched_on),
            odr_cases::due_on.eq(due_on),
            odr_cases::dispatched_at.eq(now),
            odr_cases::first_answer_at.eq(None::<DateTime<Utc>>),
            odr_cases::outcome.eq(None::<String>),
            odr_cases::ended_at.eq(None::<DateTime<Utc>>),
        ))
        .execute(conn)?;
    Ok(())
}

/// The enterprise's first answer on an open case (the first one counts).
pub fn answered(conn: &mut PgConnection, order: i64, at: DateTime<Utc>) -> Result<(), DbError> {
    diesel::update(
        odr_cases::table
            .find(order)
            .filter(odr_cases::first_answer_at.is_null())
            .filter(odr_cases::outcome.is_null()),
    )
    .set(odr_cases::first_answer_at.eq(Some(at)))
    .execute(conn)?;
    Ok(())
}

/// Ends the open case of an order with `outcome`.
pub fn end_case(
    conn: &mut PgConnection,
    order: i64,
    outcome: &str,
    at: DateTime<Utc>,
) -> Result<(), DbError> {
    diesel::update(
        odr_cases::table
            .find(order)
            .filter(odr_cases::outcome.is_null()),
    )
    .set((
        odr_cases::outcome.eq(Some(outcome)),
        odr_cases::ended_at.eq(Some(at)),
    ))
    .execute(conn)?;
    Ok(())
}

pub fn case(conn: &mut PgConnection, order: i64) -> Result<Option<CaseRow>, DbError> {
    Ok(odr_cases::table
        .find(order)
        .select(CaseRow::as_select())
        .first(conn)
        .optional()?)
}

/// Complaints still with their enterprise whose due date is before `today`, oldest due first,
/// locked (`SKIP LOCKED`: one being acted on now comes up next round). The due date is the
/// order's own (`orders_state_due_idx`), which calendar changes keep current.
pub fn with_enterprise_overdue(
    conn: &mut PgConnection,
    today: NaiveDate,
    limit: i64,
) -> Result<Vec<OrderRow>, DbError> {
    Ok(orders::table
        .filter(orders::state.eq("with_enterprise"))
        .filter(orders::due_on.lt(today))
        .select(OrderRow::as_select())
        .order((orders::due_on, orders::id))
        .limit(limit)
        .for_update()
        .skip_locked()
        .load(conn)?)
}

/// An enterprise's cases dispatched in a period, by outcome, and the average hours from
/// dispatch to its first answer.
#[derive(Debug, Clone, Copy, Default, PartialEq, QueryableByName)]
pub struct StatsRow {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pub received: i64,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pub open: i64,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pub settled: i64,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pub rejected: i64,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pub expired: i64,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pub recalled: i64,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pub withdrawn: i64,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Double>)]
    pub avg_first_answer_hours: Option<f64>,
}

/// One pass over `odr_cases_stats_idx` for the enterprise's period (inclusive days).
pub fn stats(
    conn: &mut PgConnection,
    enterprise: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<StatsRow, DbError> {
    Ok(diesel::sql_query(
        "SELECT count(*) AS received, \
                count(*) FILTER (WHERE outcome IS NULL) AS open, \
                count(*) FILTER (WHERE outcome = 'settled') AS settled, \
                count(*) FILTER (WHERE outcome = 'rejected') AS rejected, \
                count(*) FILTER (WHERE outcome = 'expired') AS expired, \
                count(*) FILTER (WHERE outcome = 'recalled') AS recalled, \
                count(*) FILTER (WHERE outcome = 'withdrawn') AS withdrawn, \
                (avg(extract(epoch FROM first_answer_at - dispatched_at)) / 3600.0)::float8 \
                    AS avg_first_answer_hours \
         FROM odr_cases \
         WHERE enterprise_org_id = $1 AND dispatched_on BETWEEN $2 AND $3",
    )
    .bind::<diesel::sql_types::BigInt, _>(enterprise)
    .bind::<diesel::sql_types::Date, _>(from)
    .bind::<diesel::sql_types::Date, _>(to)
    .get_result(conn)?)
}
