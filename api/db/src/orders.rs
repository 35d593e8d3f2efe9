//! Work orders: rows, their conversion to and from the domain's `workflow::Order`, the event
//! log and intake idempotency keys. Every list is a keyset query on an index (see the
//! migration `2026-11-29-000020_orders`).

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;
use weiquan_domain::access::{OrgId, OrgRef, UserId};
use weiquan_domain::workflow::{AppealKind, Clue, Conclusion, Consent, Order, RuleSet, State};

use crate::DbError;
pub use crate::inbox::{InboxCursor, InboxFilter, explain_inbox, inbox};
use crate::organisations::OrgRow;
use crate::schema::{
    idempotency_keys, order_appeals, order_events, order_parties, orders, organisations,
};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = orders)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct OrderRow {
    pub id: i64,
    pub number: String,
    pub kind: String,
    pub rules: String,
    pub state: String,
    pub state_detail: Option<serde_json::Value>,
    pub conclusion: Option<serde_json::Value>,
    pub received_on: NaiveDate,
    pub clock_start: NaiveDate,
    pub due_on: Option<NaiveDate>,
    pub due_provisional: bool,
    pub consumer_id: Option<i64>,
    pub filed_by: i64,
    pub holder_org_id: i64,
    pub holder_path: String,
    pub handler_id: Option<i64>,
    pub sender_org_id: Option<i64>,
    pub referral_org_id: Option<i64>,
    pub business_org_id: Option<i64>,
    pub business_odr: bool,
    pub mediator_org_id: Option<i64>,
    pub consent: serde_json::Value,
    pub accepted_on: Option<NaiveDate>,
    pub clue: Option<serde_json::Value>,
    pub pauses: serde_json::Value,
    pub rating: Option<i16>,
    pub routing_rule: String,
    pub routing_intended: Option<String>,
    pub linked_order_id: Option<i64>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// When the order was last escalated to the upper level's supervision list (overdue).
    pub escalated_at: Option<DateTime<Utc>>,
    /// The due date that escalation was for (one escalation per overdue period).
    pub escalated_due_on: Option<NaiveDate>,
}

/// What the machine changes on an order (everything but identity, intake and routing).
#[derive(Debug, Clone, AsChangeset)]
#[diesel(table_name = orders)]
#[diesel(treat_none_as_null = true)]
pub struct OrderChange {
    pub state: String,
    pub state_detail: Option<serde_json::Value>,
    pub conclusion: Option<serde_json::Value>,
    pub clock_start: NaiveDate,
    pub due_on: Option<NaiveDate>,
    pub due_provisional: bool,
    pub consumer_id: Option<i64>,
    pub holder_org_id: i64,
    pub holder_path: String,
    pub handler_id: Option<i64>,
    pub sender_org_id: Option<i64>,
    pub referral_org_id: Option<i64>,
    pub business_org_id: Option<i64>,
    pub business_odr: bool,
    pub mediator_org_id: Option<i64>,
    pub consent: serde_json::Value,
    pub accepted_on: Option<NaiveDate>,
    pub clue: Option<serde_json::Value>,
    pub pauses: serde_json::Value,
    pub rating: Option<i16>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = order_appeals)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct AppealRow {
    pub order_id: i64,
    pub business_name: Option<String>,
    pub credit_code: Option<String>,
    pub business_division: Option<String>,
    pub business_address: Option<String>,
    pub channel: Option<String>,
    pub platform: Option<String>,
    pub platform_division: Option<String>,
    pub conduct_division: Option<String>,
    pub item: Option<String>,
    pub bought_on: Option<NaiveDate>,
    pub amount_fen: Option<i64>,
    pub request: Option<String>,
    pub facts: String,
    pub category: Option<String>,
    /// A leaf code of the taxonomy (`categories`).
    pub subject_category: Option<String>,
    pub problem_type: Option<String>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = order_parties)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct PartyRow {
    pub order_id: i64,
    pub anonymous: bool,
    pub user_id: Option<i64>,
    pub display_name: Option<String>,
    pub phone: Option<String>,
    /// The postal address given on the appeal, and its form for comparison
    /// (`weiquan_domain::signals::address_key`).
    pub address: Option<String>,
    pub address_key: Option<String>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = order_events)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct EventRow {
    pub id: i64,
    pub order_id: i64,
    pub seq: i32,
    pub at: DateTime<Utc>,
    pub actor_kind: String,
    pub actor_user_id: Option<i64>,
    pub actor_org_id: Option<i64>,
    pub command: String,
    pub from_state: Option<String>,
    pub to_state: String,
    pub public: bool,
    pub reason: Option<String>,
    pub data: serde_json::Value,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = order_events)]
pub struct NewEvent {
    pub order_id: i64,
    pub seq: i32,
    pub actor_kind: String,
    pub actor_user_id: Option<i64>,
    pub actor_org_id: Option<i64>,
    pub command: String,
    pub from_state: Option<String>,
    pub to_state: String,
    pub public: bool,
    pub reason: Option<String>,
    pub data: serde_json::Value,
}

fn bad(id: i64, what: &str) -> DbError {
    DbError::Other(format!("order {id}: bad {what}"))
}

/// The snake_case wire name of a unit enum (`AppealKind::Complaint` → `complaint`).
pub fn name_of<T: Serialize>(value: &T) -> Result<String, DbError> {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => Ok(s),
        _ => Err(DbError::Other("not a unit enum".into())),
    }
}

fn parse_name<T: DeserializeOwned>(id: i64, what: &str, s: &str) -> Result<T, DbError> {
    serde_json::from_value(serde_json::Value::String(s.to_owned())).map_err(|_| bad(id, what))
}

fn json<T: Serialize>(value: &T) -> Result<serde_json::Value, DbError> {
    serde_json::to_value(value).map_err(|e| DbError::Other(e.to_string()))
}

fn from_json<T: DeserializeOwned>(
    id: i64,
    what: &str,
    v: &serde_json::Value,
) -> Result<T, DbError> {
    serde_json::from_value(v.clone()).map_err(|_| bad(id, what))
}

/// The organisations an order refers to, by id.
pub struct OrgRefs(pub Vec<OrgRef>);

impl OrgRefs {
    fn get(&self, order: i64, id: Option<i64>, what: &str) -> Result<Option<OrgRef>, DbError> {
        id.map(|id| {
            self.0
                .iter()
                .find(|o| o.id.0 == id)
                .cloned()
                .ok_or_else(|| bad(order, what))
        })
        .transpose()
    }
}

impl OrderRow {
    pub fn kind(&self) -> Result<AppealKind, DbError> {
        parse_name(self.id, "kind", &self.kind)
    }

    /// The organisations [`OrderRow::to_domain`] needs.
    pub fn org_ids(&self) -> Vec<i64> {
        [
            Some(self.holder_org_id),
            self.sender_org_id,
            self.referral_org_id,
            self.mediator_org_id,
            self.business_org_id,
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    pub fn state(&self) -> Result<State, DbError> {
        let id = self.id;
        let conclusion = || -> Result<Conclusion, DbError> {
            let c = self
                .conclusion
                .as_ref()
                .ok_or_else(|| bad(id, "conclusion"))?;
            from_json(id, "conclusion", c)
        };
        Ok(match self.state.as_str() {
            "received" => State::Received,
            "with_enterprise" | "checking" => {
                let detail = self.state_detail.as_ref().ok_or_else(|| bad(id, "state"))?;
                let mut tagged = detail.clone();
                if let Some(map) = tagged.as_object_mut() {
                    map.insert(
                        "state".into(),
                        serde_json::Value::String(self.state.clone()),
                    );
                }
                from_json(id, "state", &tagged)?
            }
            "accepted" => State::Accepted,
            "mediating" => State::Mediating,
            "concluded" => State::Concluded(conclusion()?),
            "archived" => State::Archived(conclusion()?),
            _ => return Err(bad(id, "state")),
        })
    }

    /// The order as the rules see it.
    pub fn to_domain(&self, orgs: &OrgRefs) -> Result<Order, DbError> {
        let id = self.id;
        Ok(Order {
            kind: self.kind()?,
            rules: parse_name::<RuleSet>(id, "rules", &self.rules)?,
            state: self.state()?,
            received_on: self.received_on,
            clock_start: self.clock_start,
            consumer: self.consumer_id.map(UserId),
            holder: orgs
                .get(id, Some(self.holder_org_id), "holder")?
                .ok_or_else(|| bad(id, "holder"))?,
            handler: self.handler_id.map(UserId),
            sender: orgs.get(id, self.sender_org_id, "sender")?,
            referral: orgs.get(id, self.referral_org_id, "referral")?,
            business: self.business_org_id.map(OrgId),
            business_odr: self.business_odr,
            business_path: self
                .business_org_id
                .and_then(|b| orgs.0.iter().find(|o| o.id.0 == b).map(|o| o.path.clone())),
            // Loaded beside the order where the rules need it (`weiquan_db::odr::pending`).
            proposal: None,
            mediator: orgs.get(id, self.mediator_org_id, "mediator")?,
            consent: from_json::<Consent>(id, "consent", &self.consent)?,
            accepted_on: self.accepted_on,
            pauses: from_json(id, "pauses", &self.pauses)?,
            clue: self
                .clue
                .as_ref()
                .map(|c| from_json::<Clue>(id, "clue", c))
                .transpose()?,
            rating: self.rating.and_then(|r| u8::try_from(r).ok()),
        })
    }
}

/// The columns the machine changes, from the next order and its materialised due date.
pub fn change_of(order: &Order, due: Option<(NaiveDate, bool)>) -> Result<OrderChange, DbError> {
    let state_detail = match order.state {
        State::WithEnterprise { since } => Some(serde_json::json!({ "since": since })),
        State::Checking { extended } => Some(serde_json::json!({ "extended": extended })),
        _ => None,
    };
    Ok(OrderChange {
        state: order.state.name().to_owned(),
        state_detail,
        conclusion: order.state.conclusion().map(|c| json(&c)).transpose()?,
        clock_start: order.clock_start,
        due_on: due.map(|(d, _)| d),
        due_provisional: due.is_some_and(|(_, p)| p),
        consumer_id: order.consumer.map(|u| u.0),
        holder_org_id: order.holder.id.0,
        holder_path: order.holder.path.to_sql(),
        handler_id: order.handler.map(|u| u.0),
        sender_org_id: order.sender.as_ref().map(|o| o.id.0),
        referral_org_id: order.referral.as_ref().map(|o| o.id.0),
        business_org_id: order.business.map(|o| o.0),
        business_odr: order.business_odr,
        mediator_org_id: order.mediator.as_ref().map(|o| o.id.0),
        consent: json(&order.consent)?,
        accepted_on: order.accepted_on,
        clue: order.clue.map(|c| json(&c)).transpose()?,
        pauses: json(&order.pauses)?,
        rating: order.rating.map(i16::from),
    })
}

/// What intake stores besides the domain order.
#[derive(Debug, Clone)]
pub struct Intake {
    pub filed_by: i64,
    pub routing_rule: String,
    pub routing_intended: Option<String>,
    pub linked_order_id: Option<i64>,
}

/// Inserts a new order (its number derived from its id and receipt day).
pub fn insert(
    conn: &mut PgConnection,
    order: &Order,
    due: Option<(NaiveDate, bool)>,
    intake: &Intake,
) -> Result<OrderRow, DbError> {
    let id: i64 = diesel::select(diesel::dsl::sql::<diesel::sql_types::BigInt>(
        "nextval('orders_id_seq')",
    ))
    .get_result(conn)?;
    let c = change_of(order, due)?;
    let now = Utc::now();
    let row = OrderRow {
        id,
        number: format!("WQ{}{id:06}", order.received_on.format("%Y%m%d")),
        kind: name_of(&order.kind)?,
        rules: name_of(&order.rules)?,
        state: c.state,
        state_detail: c.state_detail,
        conclusion: c.conclusion,
        received_on: order.received_on,
        clock_start: c.clock_start,
        due_on: c.due_on,
        due_provisional: c.due_provisional,
        consumer_id: c.consumer_id,
        filed_by: intake.filed_by,
        holder_org_id: c.holder_org_id,
        holder_path: c.holder_path,
        handler_id: c.handler_id,
        sender_org_id: c.sender_org_id,
        referral_org_id: c.referral_org_id,
        business_org_id: c.business_org_id,
        business_odr: c.business_odr,
        mediator_org_id: c.mediator_org_id,
        consent: c.consent,
        accepted_on: c.accepted_on,
        clue: c.clue,
        pauses: c.pauses,
        rating: c.rating,
        routing_rule: intake.routing_rule.clone(),
        routing_intended: intake.routing_intended.clone(),
        linked_order_id: intake.linked_order_id,
        version: 1,
        created_at: now,
        updated_at: now,
        escalated_at: None,
        escalated_due_on: None,
    };
    Ok(diesel::insert_into(orders::table)
        .values(&row)
        .returning(OrderRow::as_returning())
        .get_result(conn)?)
}

pub fn link(conn: &mut PgConnection, id: i64, other: i64) -> Result<(), DbError> {
    diesel::update(orders::table.find(id))
        .set(orders::linked_order_id.eq(other))
        .execute(conn)?;
    Ok(())
}

pub fn insert_appeal(conn: &mut PgConnection, appeal: &AppealRow) -> Result<(), DbError> {
    diesel::insert_into(order_appeals::table)
        .values(appeal)
        .execute(conn)?;
    Ok(())
}

pub fn insert_party(conn: &mut PgConnection, party: &PartyRow) -> Result<(), DbError> {
    diesel::insert_into(order_parties::table)
        .values(party)
        .execute(conn)?;
    Ok(())
}

pub fn insert_event(conn: &mut PgConnection, event: &NewEvent) -> Result<(), DbError> {
    diesel::insert_into(order_events::table)
        .values(event)
        .execute(conn)?;
    Ok(())
}

pub fn find(conn: &mut PgConnection, id: i64) -> Result<Option<OrderRow>, DbError> {
    Ok(orders::table
        .find(id)
        .select(OrderRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn appeal(conn: &mut PgConnection, id: i64) -> Result<Option<AppealRow>, DbError> {
    Ok(order_appeals::table
        .find(id)
        .select(AppealRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn party(conn: &mut PgConnection, id: i64) -> Result<Option<PartyRow>, DbError> {
    Ok(order_parties::table
        .find(id)
        .select(PartyRow::as_select())
        .first(conn)
        .optional()?)
}

/// An order's events in order; only the public ones when `public_only`.
pub fn events(
    conn: &mut PgConnection,
    id: i64,
    public_only: bool,
) -> Result<Vec<EventRow>, DbError> {
    let mut query = order_events::table
        .filter(order_events::order_id.eq(id))
        .select(EventRow::as_select())
        .order(order_events::seq)
        .into_boxed();
    if public_only {
        query = query.filter(order_events::public.eq(true));
    }
    Ok(query.load(conn)?)
}

pub fn last_seq(conn: &mut PgConnection, id: i64) -> Result<i32, DbError> {
    Ok(order_events::table
        .filter(order_events::order_id.eq(id))
        .select(diesel::dsl::max(order_events::seq))
        .first::<Option<i32>>(conn)?
        .unwrap_or(0))
}

/// The organisations with these ids, as permission decisions see them.
pub fn org_refs(conn: &mut PgConnection, ids: &[i64]) -> Result<OrgRefs, DbError> {
    let rows: Vec<OrgRow> = organisations::table
        .filter(organisations::id.eq_any(ids))
        .select(OrgRow::as_select())
        .load(conn)?;
    Ok(OrgRefs(
        rows.iter().map(OrgRow::to_ref).collect::<Result<_, _>>()?,
    ))
}

/// Stores the machine's next order if nobody changed it since `version` was read; `false`
/// when someone did (the caller lost a race).
pub fn update(
    conn: &mut PgConnection,
    id: i64,
    version: i32,
    change: &OrderChange,
) -> Result<Option<i32>, DbError> {
    Ok(diesel::update(
        orders::table
            .filter(orders::id.eq(id))
            .filter(orders::version.eq(version)),
    )
    .set((
        change,
        orders::version.eq(version + 1),
        orders::updated_at.eq(Utc::now()),
    ))
    .returning(orders::version)
    .get_result(conn)
    .optional()?)
}

/// A keyset position in a consumer's own list (newest first).
#[derive(Debug, Clone, Copy)]
pub struct OwnCursor {
    pub created_at: DateTime<Utc>,
    pub id: i64,
}

/// A consumer's own orders, newest first, after `cursor` (index `orders_filed_by_idx`).
pub fn own(
    conn: &mut PgConnection,
    user: i64,
    cursor: Option<OwnCursor>,
    limit: i64,
) -> Result<Vec<OrderRow>, DbError> {
    Ok(own_query(user, cursor, limit).load(conn)?)
}

/// The plan of [`own`], for tests that check it uses the index.
pub fn explain_own(
    conn: &mut PgConnection,
    user: i64,
    cursor: Option<OwnCursor>,
) -> Result<String, DbError> {
    let lines: Vec<String> = crate::audit::Explain(own_query(user, cursor, 50)).load(conn)?;
    Ok(lines.join("\n"))
}

type Boxed<'a> = orders::BoxedQuery<
    'a,
    diesel::pg::Pg,
    diesel::dsl::SqlTypeOf<diesel::dsl::AsSelect<OrderRow, diesel::pg::Pg>>,
>;

fn own_query<'a>(user: i64, cursor: Option<OwnCursor>, limit: i64) -> Boxed<'a> {
    let mut query = orders::table
        .filter(orders::filed_by.eq(user))
        .select(OrderRow::as_select())
        .order((orders::created_at.desc(), orders::id.desc()))
        .limit(limit)
        .into_boxed();
    if let Some(c) = cursor {
        query = query.filter(
            orders::created_at
                .lt(c.created_at)
                .or(orders::created_at.eq(c.created_at).and(orders::id.lt(c.id))),
        );
    }
    query
}

/// The stored answer to an earlier request with this key, if any.
pub fn idempotent(
    conn: &mut PgConnection,
    caller: i64,
    key: &str,
) -> Result<Option<(String, serde_json::Value)>, DbError> {
    Ok(idempotency_keys::table
        .find((caller, key))
        .select((idempotency_keys::request_hash, idempotency_keys::response))
        .first(conn)
        .optional()?)
}

/// Claims a key for this request; `false` when it was taken (by a committed request, or by
/// one committing now: the insert waits for it).
pub fn claim_key(
    conn: &mut PgConnection,
    caller: i64,
    key: &str,
    hash: &str,
) -> Result<bool, DbError> {
    let n = diesel::insert_into(idempotency_keys::table)
        .values((
            idempotency_keys::caller_id.eq(caller),
            idempotency_keys::key.eq(key),
            idempotency_keys::request_hash.eq(hash),
            idempotency_keys::response.eq(serde_json::Value::Null),
        ))
        .on_conflict_do_nothing()
        .execute(conn)?;
    Ok(n == 1)
}

/// Deletes up to `limit` idempotency keys stored before `before` (oldest first, on
/// `idempotency_keys_created_idx`); answers how many went.
pub fn prune_keys(
    conn: &mut PgConnection,
    before: DateTime<Utc>,
    limit: i64,
) -> Result<usize, DbError> {
    let old = idempotency_keys::table
        .filter(idempotency_keys::created_at.lt(before))
        .order(idempotency_keys::created_at)
        .select((idempotency_keys::caller_id, idempotency_keys::key))
        .limit(limit)
        .load::<(i64, String)>(conn)?;
    let mut deleted = 0;
    for (caller, key) in &old {
        deleted += diesel::delete(idempotency_keys::table.find((caller, key))).execute(conn)?;
    }
    Ok(deleted)
}

pub fn store_response(
    conn: &mut PgConnection,
    caller: i64,
    key: &str,
    response: &serde_json::Value,
) -> Result<(), DbError> {
    diesel::update(idempotency_keys::table.find((caller, key)))
        .set(idempotency_keys::response.eq(response))
        .execute(conn)?;
    Ok(())
}

/// Open orders whose due date may depend on `year`'s schedule: the provisional ones and those
/// due on or after its first day (a count that ends earlier never looked at the year), after
/// `after` by id, locked for the caller's transaction (recomputing them when the year changes).
pub fn touching_year(
    conn: &mut PgConnection,
    year: i32,
    after: i64,
    limit: i64,
) -> Result<Vec<OrderRow>, DbError> {
    let first = NaiveDate::from_ymd_opt(year, 1, 1)
        .ok_or_else(|| DbError::Other(format!("year {year}")))?;
    Ok(orders::table
        .filter(orders::state.ne_all(["concluded", "archived"]))
        .filter(orders::due_provisional.or(orders::due_on.ge(first)))
        .filter(orders::id.gt(after))
        .select(OrderRow::as_select())
        .order(orders::id)
        .limit(limit)
        .for_update()
        .load(conn)?)
}

/// Stores a recomputed due date. The version stays: the order's facts did not change, and a
/// member holding it open can still act on it.
pub fn set_due(
    conn: &mut PgConnection,
    id: i64,
    due: Option<(NaiveDate, bool)>,
) -> Result<(), DbError> {
    diesel::update(orders::table.find(id))
        .set((
            orders::due_on.eq(due.map(|(d, _)| d)),
            orders::due_provisional.eq(due.is_some_and(|(_, p)| p)),
        ))
        .execute(conn)?;
    Ok(())
}

/// Open orders due before `today` and not escalated for their due date, oldest due first,
/// locked (`SKIP LOCKED`: an order a member is changing now is taken next time).
pub fn overdue_unescalated(
    conn: &mut PgConnection,
    today: NaiveDate,
    limit: i64,
) -> Result<Vec<OrderRow>, DbError> {
    Ok(orders::table
        // The open states as a list, so that the partial index `orders_open_due_idx` applies.
        .filter(orders::state.eq_any(weiquan_domain::workflow::State::OPEN_NAMES))
        .filter(orders::due_on.lt(today))
        .filter(
            orders::escalated_due_on
                .is_null()
                .or(orders::escalated_due_on.nullable().ne(orders::due_on)),
        )
        .select(OrderRow::as_select())
        .order((orders::due_on, orders::id))
        .limit(limit)
        .for_update()
        .skip_locked()
        .load(conn)?)
}

/// Marks an order escalated for `due` (the version stays, as for [`set_due`]).
pub fn mark_escalated(
    conn: &mut PgConnection,
    id: i64,
    due: NaiveDate,
    at: DateTime<Utc>,
) -> Result<(), DbError> {
    diesel::update(orders::table.find(id))
        .set((
            orders::escalated_at.eq(Some(at)),
            orders::escalated_due_on.eq(Some(due)),
        ))
        .execute(conn)?;
    Ok(())
}
