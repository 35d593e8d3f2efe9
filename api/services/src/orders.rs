//! Work orders: intake, the consumer's own list, the staff inbox, one order as a caller may
//! see it, and actions through the domain's machine. Every rule is the domain's
//! (`weiquan_domain::workflow`, `routing`, `access`); this module loads, asks, and stores the
//! next order with one event in one transaction.
//!
//! Anonymous reports: the order carries no consumer (`consumer_id` is null, so no owner
//! actions and no notifications), its party row holds nothing but the flag, and the filing
//! account is kept only in `orders.filed_by` so that the consumer can follow it in their own
//! list; it is never shown to staff or to a business.

use std::collections::BTreeSet;
use std::sync::Arc;

use chrono::{FixedOffset, NaiveDate, Utc};
use diesel::{Connection, PgConnection};
use serde::{Deserialize, Serialize};
use weiquan_db::categories::CategoryRow;
use weiquan_db::orders::{self as db, AppealRow, EventRow, NewEvent, OrderRow, PartyRow};
use weiquan_db::outbox::{self, NewMessage};
use weiquan_db::{DbError, categories, divisions, organisations, signals as signal_db, users};
use weiquan_domain::access::{Actor, Denied, OrgId, OrgRef, UserId};
use weiquan_domain::calendar::{Clock, HolidayCalendar};
use weiquan_domain::notify::{Channel as MessageChannel, Locale, Template};
use weiquan_domain::routing::{Business, Route, route};
use weiquan_domain::signals::{self, Facts, Signal, Thresholds};
use weiquan_domain::taxonomy::{self, CategoryCode, CodeRefusal, Known, Level};
use weiquan_domain::workflow::{
    self, AppealKind, By, Command, CommandKind, Context, Deadline, Order, Refusal, View,
};
use weiquan_domain::{CreditCode, DivisionCode};

use crate::{Deps, ServiceError};

/// The holiday calendar stored in the database (`crate::calendar`), as cached by `deps`'s
/// `Db`; for use inside `Db::run`.
fn calendar_in(
    conn: &mut PgConnection,
    cache: &crate::calendar::CalendarCache,
) -> Result<Arc<HolidayCalendar>, DbError> {
    crate::calendar::current(conn, cache)
}

/// Today in China (UTC+8), the day periods are counted on.
pub fn today() -> NaiveDate {
    let now = Utc::now();
    match FixedOffset::east_opt(8 * 3600) {
        Some(offset) => now.with_timezone(&offset).date_naive(),
        None => now.date_naive(),
    }
}

/// The hex SHA-256 of a request's canonical form, stored with its idempotency key.
pub fn request_hash(canonical: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(canonical)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The first running deadline, materialised on the row.
pub(crate) fn due_of(order: &Order, calendar: &HolidayCalendar) -> Option<(NaiveDate, bool)> {
    workflow::deadlines(order, calendar)
        .into_iter()
        .find_map(|d| match d.clock {
            Clock::Running { due } => Some((due.date, due.provisional)),
            Clock::Stopped { .. } => None,
        })
}

#[derive(Debug, thiserror::Error)]
pub enum OrderError {
    /// No such order or organisation for this caller.
    #[error("not found")]
    NotFound,
    #[error("not allowed: {0}")]
    Denied(Denied),
    /// A division that is not in the reference data.
    #[error("unknown division in {field}")]
    UnknownDivision { field: &'static str },
    /// The same idempotency key with a different request.
    #[error("idempotency key reused with another request")]
    KeyReused,
    /// The domain refused the action.
    #[error("refused: {0}")]
    Refused(Refusal),
    /// An organisation or user named in the command that does not exist.
    #[error("unknown {field}")]
    UnknownReference { field: &'static str },
    /// A subject category or problem type that is missing, unknown, of the wrong level or
    /// retired (`subject_category` / `problem_type`).
    #[error("classification refused")]
    Classification(Vec<(&'static str, CodeRefusal)>),
    /// The order changed since the caller read it (If-Match).
    #[error("stale version")]
    Stale { current: i32 },
    /// Someone else changed the order while this action was being decided (a lost race).
    #[error("lost a race")]
    Race,
    /// Attachments the submission may not use, by position in its list.
    #[error("attachments refused")]
    Attachments(Vec<(usize, weiquan_domain::evidence::SelectionProblem)>),
    /// An API client that may read the order but was not granted `orders:write`.
    #[error("insufficient scope")]
    InsufficientScope,
    #[error(transparent)]
    Service(#[from] ServiceError),
}

impl From<DbError> for OrderError {
    fn from(e: DbError) -> Self {
        Self::Service(e.into())
    }
}

impl From<diesel::result::Error> for OrderError {
    fn from(e: diesel::result::Error) -> Self {
        DbError::from(e).into()
    }
}

/// How the business sells (the routing input).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Offline,
    EcommerceOperator,
    PlatformMerchant,
}

/// The business an appeal names.
#[derive(Debug, Clone)]
pub struct BusinessInput {
    pub name: String,
    pub credit_code: Option<CreditCode>,
    pub division: Option<DivisionCode>,
    pub address: Option<String>,
    pub channel: Channel,
    pub platform: Option<String>,
    pub platform_division: Option<DivisionCode>,
}

/// A validated submission (the HTTP layer checked every field's form).
#[derive(Debug, Clone)]
pub struct Submission {
    pub kind: AppealKind,
    pub business: Option<BusinessInput>,
    /// Reports: where the conduct happened.
    pub conduct_division: Option<DivisionCode>,
    pub item: Option<String>,
    pub bought_on: Option<NaiveDate>,
    pub amount_fen: Option<i64>,
    pub request: Option<String>,
    pub facts: String,
    /// A leaf code of the taxonomy, as sent (checked against the active codes at intake).
    pub subject_category: Option<String>,
    /// A problem type code, as sent.
    pub problem_type: Option<String>,
    /// The complainant's contact phone for this appeal (Art. 10), when not the account's.
    pub contact_phone: Option<String>,
    /// The complainant's postal address (Art. 10).
    pub contact_address: Option<String>,
    /// Reports only.
    pub anonymous: bool,
    /// Complaints: send it to the approved ODR enterprise first.
    pub enterprise_first: bool,
    /// A complaint that is also a report: two linked orders.
    pub both: bool,
    /// Uploads of the filer to attach (`weiquan_domain::evidence`), in this order.
    pub attachments: Vec<i64>,
}

/// One order created by a submission.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Created {
    pub id: i64,
    pub number: String,
    pub kind: AppealKind,
    pub state: String,
    pub holder_org_id: i64,
    pub holder_name: String,
    pub routing_rule: String,
    pub due_on: Option<NaiveDate>,
}

/// What intake answers (and stores under the idempotency key).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Receipt {
    pub orders: Vec<Created>,
}

fn business_of(kind: AppealKind, b: Option<&BusinessInput>) -> Business {
    let Some(b) = b else {
        return Business::Offline {
            place_of_business: None,
            registered: None,
        };
    };
    match b.channel {
        Channel::Offline => Business::Offline {
            place_of_business: b.division,
            registered: None,
        },
        Channel::EcommerceOperator => Business::EcommerceOperator {
            registered: b.division,
        },
        Channel::PlatformMerchant => Business::PlatformMerchant {
            published_address: b.division,
            reachable_there: true,
            place_of_business: if kind == AppealKind::Report {
                b.division
            } else {
                None
            },
            platform_registered: b.platform_division,
        },
    }
}

/// Checks the named divisions exist; returns every known division among them and their
/// possible parents, for the routing predicate.
fn known_divisions(
    conn: &mut PgConnection,
    s: &Submission,
) -> Result<Result<BTreeSet<String>, OrderError>, DbError> {
    let named: Vec<(&'static str, DivisionCode)> = [
        (
            "business.division",
            s.business.as_ref().and_then(|b| b.division),
        ),
        (
            "business.platform_division",
            s.business.as_ref().and_then(|b| b.platform_division),
        ),
        ("conduct_division", s.conduct_division),
    ]
    .into_iter()
    .filter_map(|(f, d)| d.map(|d| (f, d)))
    .collect();
    let mut wanted: Vec<DivisionCode> = Vec::new();
    for (_, d) in &named {
        wanted.push(*d);
        wanted.extend(d.possible_parents());
    }
    let found: BTreeSet<String> = divisions::find_many(conn, &wanted)?
        .into_iter()
        .map(|d| d.code.as_str().to_owned())
        .collect();
    for (field, d) in &named {
        if !found.contains(d.as_str()) {
            return Ok(Err(OrderError::UnknownDivision { field }));
        }
    }
    Ok(Ok(found))
}

fn rule_name(route: &Route) -> Result<(String, Option<String>), DbError> {
    Ok((
        db::name_of(&route.rule)?,
        route.intended.as_ref().map(db::name_of).transpose()?,
    ))
}

/// Queues the SMS that tells the consumer of a public step on their order, in the caller's
/// transaction. Nobody is told about an anonymous report (it has no consumer).
pub(crate) fn notify_progress(
    conn: &mut PgConnection,
    consumer: Option<UserId>,
    number: &str,
) -> Result<(), DbError> {
    let Some(user) = consumer else {
        return Ok(());
    };
    let Some(phone) = users::find(conn, user)?.and_then(|u| u.phone) else {
        return Ok(());
    };
    outbox::enqueue(
        conn,
        &NewMessage {
            channel: MessageChannel::Sms,
            recipient: phone,
            locale: Locale::ZhCn,
            template: Template::OrderProgress,
            payload: serde_json::json!({ "number": number }),
        },
    )?;
    Ok(())
}

struct Filer {
    user: UserId,
    display_name: String,
    phone: Option<String>,
    address: Option<String>,
}

/// The checked classification of a submission.
#[derive(Debug, Clone, Default)]
struct Classified {
    subject: Option<CategoryCode>,
    problem: Option<CategoryCode>,
}

/// Checks the subject category and problem type against the taxonomy (one query for the
/// leaf, its group and the problem type); the domain decides what is required and usable.
/// `kind` is the submission's; a linked report of a complaint carries the same codes.
fn classify(
    conn: &mut PgConnection,
    s: &Submission,
) -> Result<Result<Classified, OrderError>, DbError> {
    let clean = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
    };
    let (subject, problem) = (clean(&s.subject_category), clean(&s.problem_type));
    let mut wanted: Vec<String> = Vec::new();
    if let Some(code) = subject.as_deref().and_then(|c| CategoryCode::parse(c).ok()) {
        wanted.push(code.as_str().to_owned());
        wanted.extend(code.parent().map(String::from));
    }
    wanted.extend(problem.clone());
    let rows = categories::find_many(conn, &wanted)?;
    let row = |code: &str| rows.iter().find(|r| r.code == code);
    let known = |code: Option<&str>| -> Option<Known> {
        let r = row(code?)?;
        let parent_active = match &r.parent_code {
            Some(p) => row(p).is_some_and(|p| p.active),
            None => true,
        };
        Some(Known {
            active: r.active,
            parent_active,
        })
    };
    let need = taxonomy::requirement(s.kind);
    let mut refusals = Vec::new();
    let subject = taxonomy::check_code(
        Level::Leaf,
        need.subject,
        subject.as_deref(),
        known(subject.as_deref()),
    )
    .map_err(|r| refusals.push(("subject_category", r)))
    .ok()
    .flatten();
    let problem = taxonomy::check_code(
        Level::Problem,
        need.problem,
        problem.as_deref(),
        known(problem.as_deref()),
    )
    .map_err(|r| refusals.push(("problem_type", r)))
    .ok()
    .flatten();
    if refusals.is_empty() {
        Ok(Ok(Classified { subject, problem }))
    } else {
        Ok(Err(OrderError::Classification(refusals)))
    }
}

#[expect(
    clippy::too_many_arguments,
    reason = "one order of a submission: its parts are all needed"
)]
fn create_one(
    conn: &mut PgConnection,
    s: &Submission,
    kind: AppealKind,
    anonymous: bool,
    known: &BTreeSet<String>,
    business: Option<(OrgId, bool)>,
    filer: &Filer,
    linked: Option<i64>,
    classified: &Classified,
    calendar: &HolidayCalendar,
) -> Result<Created, OrderError> {
    let routed = route(
        kind,
        &business_of(kind, s.business.as_ref()),
        s.conduct_division,
        |d| known.contains(d.as_str()),
    );
    let holder_row = match organisations::bureau_of(conn, routed.division.as_ref())? {
        Some(row) => row,
        None => organisations::bureau_of(conn, None)?
            .ok_or_else(|| ServiceError::Internal("no national bureau".into()))?,
    };
    let holder = holder_row.to_ref()?;
    let today = today();
    let consumer = (!anonymous).then_some(filer.user);
    let order = Order::received(
        kind,
        today,
        consumer,
        holder,
        business,
        kind == AppealKind::Complaint && s.enterprise_first,
    );
    let due = due_of(&order, calendar);
    let (rule, intended) = rule_name(&routed)?;
    let row = db::insert(
        conn,
        &order,
        due,
        &db::Intake {
            filed_by: filer.user.0,
            routing_rule: rule.clone(),
            routing_intended: intended,
            linked_order_id: linked,
        },
    )?;
    let b = s.business.as_ref();
    db::insert_appeal(
        conn,
        &AppealRow {
            order_id: row.id,
            business_name: b.map(|b| b.name.clone()),
            credit_code: b.and_then(|b| b.credit_code.as_ref().map(|c| c.as_str().to_owned())),
            business_division: b.and_then(|b| b.division.map(|d| d.as_str().to_owned())),
            business_address: b.and_then(|b| b.address.clone()),
            channel: b.map(|b| db::name_of(&b.channel)).transpose()?,
            platform: b.and_then(|b| b.platform.clone()),
            platform_division: b.and_then(|b| b.platform_division.map(|d| d.as_str().to_owned())),
            conduct_division: s.conduct_division.map(|d| d.as_str().to_owned()),
            item: s.item.clone(),
            bought_on: s.bought_on,
            amount_fen: s.amount_fen,
            request: s.request.clone(),
            facts: s.facts.clone(),
            category: None,
            subject_category: classified.subject.as_ref().map(|c| c.as_str().to_owned()),
            problem_type: classified.problem.as_ref().map(|c| c.as_str().to_owned()),
        },
    )?;
    db::insert_party(
        conn,
        &PartyRow {
            order_id: row.id,
            anonymous,
            user_id: consumer.map(|u| u.0),
            display_name: (!anonymous).then(|| filer.display_name.clone()),
            phone: if anonymous { None } else { filer.phone.clone() },
            address: if anonymous {
                None
            } else {
                filer.address.clone()
            },
            address_key: if anonymous {
                None
            } else {
                filer.address.as_deref().and_then(signals::address_key)
            },
        },
    )?;
    db::insert_event(
        conn,
        &NewEvent {
            order_id: row.id,
            seq: 1,
            actor_kind: "consumer".into(),
            actor_user_id: consumer.map(|u| u.0),
            actor_org_id: None,
            command: "received".into(),
            from_state: None,
            to_state: row.state.clone(),
            public: true,
            reason: None,
            data: serde_json::json!({
                "holder_org_id": row.holder_org_id,
                "routing_rule": rule,
                "routing_intended": row.routing_intended,
            }),
        },
    )?;
    crate::odr::opened_in(conn, row.id, &order, calendar)?;
    notify_progress(conn, consumer, &row.number)?;
    Ok(Created {
        id: row.id,
        number: row.number,
        kind,
        state: row.state,
        holder_org_id: holder_row.id,
        holder_name: holder_row.name,
        routing_rule: rule,
        due_on: row.due_on,
    })
}

/// Files a submission for a signed-in consumer. With `key` (the `Idempotency-Key`), a retry
/// with the same `request_hash` answers the first receipt (`true` in the pair); with another
/// hash it is refused. Everything, including the key, is written in one transaction.
pub async fn submit(
    deps: &Deps,
    actor: &Actor,
    submission: Submission,
    key: Option<(String, String)>,
) -> Result<(Receipt, bool), OrderError> {
    let user = match actor {
        Actor::Consumer { user } => *user,
        Actor::Anonymous => return Err(OrderError::Denied(Denied::SignInRequired)),
        _ => return Err(OrderError::Denied(Denied::Forbidden)),
    };
    let cache = deps.db.calendar_cache();
    deps.db
        .run(move |conn| {
            Ok(conn.transaction(|conn| submit_in(conn, user, &submission, key.as_ref(), &cache)))
        })
        .await?
}

/// A consumer's submission inside the caller's transaction (see [`submit`]); the demo seed
/// files its orders through it too.
pub fn submit_in(
    conn: &mut PgConnection,
    user: UserId,
    submission: &Submission,
    key: Option<&(String, String)>,
    cache: &crate::calendar::CalendarCache,
) -> Result<(Receipt, bool), OrderError> {
    if let Some((key, hash)) = &key
        && !db::claim_key(conn, user.0, key, hash)?
    {
        return match db::idempotent(conn, user.0, key)? {
            Some((stored, response)) if &stored == hash => {
                let receipt: Receipt = serde_json::from_value(response)
                    .map_err(|e| ServiceError::Internal(e.to_string()))?;
                Ok((receipt, true))
            }
            _ => Err(OrderError::KeyReused),
        };
    }
    let calendar = calendar_in(conn, cache)?;
    let known = known_divisions(conn, submission)??;
    let refused = crate::attachments::check_selection(conn, user, &submission.attachments)?;
    if !refused.is_empty() {
        return Err(OrderError::Attachments(refused));
    }
    let classified = classify(conn, submission)??;
    let account = users::find(conn, user)?.ok_or(OrderError::NotFound)?;
    let filer = Filer {
        user,
        display_name: account.display_name,
        phone: submission.contact_phone.clone().or(account.phone),
        address: submission.contact_address.clone(),
    };
    let business = match submission
        .business
        .as_ref()
        .and_then(|b| b.credit_code.as_ref())
    {
        Some(code) => organisations::find_by_credit_code(conn, code.as_str())?
            .filter(|o| o.kind == "enterprise")
            .map(|o| (OrgId(o.id), o.odr_status.as_deref() == Some("approved"))),
        None => None,
    };
    let kind = submission.kind;
    let anonymous = kind == AppealKind::Report && submission.anonymous;
    let first = create_one(
        conn,
        submission,
        kind,
        anonymous,
        &known,
        business,
        &filer,
        None,
        &classified,
        &calendar,
    )?;
    let mut orders = vec![first];
    if kind == AppealKind::Complaint && submission.both {
        let first_id = orders[0].id;
        let report = create_one(
            conn,
            submission,
            AppealKind::Report,
            false,
            &known,
            business,
            &filer,
            Some(first_id),
            &classified,
            &calendar,
        )?;
        db::link(conn, first_id, report.id)?;
        orders.push(report);
    }
    let ids: Vec<i64> = orders.iter().map(|o| o.id).collect();
    weiquan_db::attachments::attach(conn, &ids, &submission.attachments)?;
    let receipt = Receipt { orders };
    if let Some((key, _)) = &key {
        let value =
            serde_json::to_value(&receipt).map_err(|e| ServiceError::Internal(e.to_string()))?;
        db::store_response(conn, user.0, key, &value)?;
    }
    Ok((receipt, false))
}

/// How long an `Idempotency-Key` answers retries: a day, as the common practice of payment
/// APIs; a retry after that is a new request.
pub const IDEMPOTENCY_KEY_RETENTION: chrono::Duration = chrono::Duration::hours(24);

/// Deletes idempotency keys older than [`IDEMPOTENCY_KEY_RETENTION`], in batches of 1,000
/// (each its own short transaction); answers how many went. The hourly pruner calls it.
pub async fn prune_idempotency_keys(
    db: &crate::Db,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<usize, ServiceError> {
    let before = now - IDEMPOTENCY_KEY_RETENTION;
    let mut total = 0;
    loop {
        let n = db
            .run(move |conn| conn.transaction(|conn| db::prune_keys(conn, before, 1000)))
            .await?;
        total += n;
        if n < 1000 {
            return Ok(total);
        }
    }
}

/// A consumer's own orders, newest first.
pub async fn own(
    deps: &Deps,
    actor: &Actor,
    cursor: Option<db::OwnCursor>,
    limit: i64,
) -> Result<Vec<OrderRow>, OrderError> {
    let user = match actor {
        Actor::Consumer { user } => *user,
        Actor::Anonymous => return Err(OrderError::Denied(Denied::SignInRequired)),
        _ => return Err(OrderError::Denied(Denied::Forbidden)),
    };
    Ok(deps
        .db
        .run(move |conn| db::own(conn, user.0, cursor, limit))
        .await?)
}

/// The inbox of an organisation's subtree: 404 outside the caller's subtree.
pub async fn inbox(
    deps: &Deps,
    actor: &Actor,
    org: i64,
    mut filter: db::InboxFilter,
    cursor: Option<db::InboxCursor>,
    limit: i64,
) -> Result<Vec<crate::inbox::Listed>, OrderError> {
    let row = deps
        .db
        .run(move |conn| organisations::find(conn, OrgId(org)))
        .await?
        .ok_or(OrderError::NotFound)?;
    let target = row.to_ref().map_err(OrderError::from)?;
    crate::inbox::scope(actor, &target, &mut filter)?;
    Ok(deps
        .db
        .run(move |conn| {
            let rows = db::inbox(conn, &filter, cursor, limit)?;
            crate::inbox::listed(conn, rows)
        })
        .await?)
}

/// One order as a caller sees it.
#[derive(Debug, Clone)]
pub struct OrderDetail {
    pub row: OrderRow,
    pub view: View,
    pub order: Order,
    pub appeal: Option<AppealRow>,
    /// Staff only: who filed it (empty for an anonymous report).
    pub party: Option<PartyRow>,
    pub events: Vec<EventRow>,
    pub holder_name: String,
    pub deadlines: Vec<Deadline>,
    pub available: Vec<CommandKind>,
    pub today: NaiveDate,
    /// The evidence this caller sees (`weiquan_domain::evidence::evidence_visible`).
    pub attachments: Vec<crate::attachments::Evidence>,
    /// The taxonomy rows the appeal names: its subject leaf, that leaf's group and its
    /// problem type (retired ones included: the order keeps its codes).
    pub categories: Vec<CategoryRow>,
    /// Staff viewing a complaint only: the Art. 17 signals (never shown to anyone else).
    pub signals: Vec<Signal>,
    /// The enterprise self-settlement record, when the complaint ever went to its enterprise.
    pub odr: Option<crate::odr::Summary>,
}

/// The Art. 17 thresholds in force.
pub fn signal_thresholds() -> &'static Thresholds {
    &Thresholds::DEFAULT
}

/// Counts the facts behind the Art. 17 signals of a complaint and asks the domain. Done when
/// staff open it (see `weiquan_domain::signals` for why not at intake).
fn assess_signals(
    conn: &mut PgConnection,
    row: &OrderRow,
    appeal: Option<&AppealRow>,
    party: Option<&PartyRow>,
) -> Result<Vec<Signal>, DbError> {
    if row.kind != "complaint" {
        return Ok(Vec::new());
    }
    let t = signal_thresholds();
    let counts = signal_db::gather(
        conn,
        &signal_db::Probe {
            order_id: row.id,
            consumer_id: row.consumer_id,
            received_on: row.received_on,
            window_days: i32::try_from(t.window_days).unwrap_or(i32::MAX),
            phone: party.and_then(|p| p.phone.clone()),
            address_key: party.and_then(|p| p.address_key.clone()),
            subject_category: appeal.and_then(|a| a.subject_category.clone()),
            amount_sample: i64::from(t.amount_sample),
        },
    )?;
    let count = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
    let facts = Facts {
        complaints_in_window: row.consumer_id.map(|_| count(counts.complaints_in_window)),
        phone_sharers: count(counts.phone_sharers),
        address_sharers: count(counts.address_sharers),
        amount_fen: appeal.and_then(|a| a.amount_fen),
        category_median_fen: counts.category_median_fen,
        category_sample: count(counts.category_sample),
    };
    Ok(signals::assess(&facts, t))
}

/// The taxonomy rows an appeal names (leaf, its group, problem type), in one query.
fn categories_of(
    conn: &mut PgConnection,
    appeal: Option<&AppealRow>,
) -> Result<Vec<CategoryRow>, DbError> {
    let Some(a) = appeal else {
        return Ok(Vec::new());
    };
    let mut codes: Vec<String> = Vec::new();
    if let Some(subject) = &a.subject_category {
        codes.push(subject.clone());
        if let Ok(code) = CategoryCode::parse(subject) {
            codes.extend(code.parent().map(String::from));
        }
    }
    codes.extend(a.problem_type.clone());
    categories::find_many(conn, &codes)
}

pub(crate) struct Loaded {
    pub(crate) row: OrderRow,
    pub(crate) order: Order,
}

/// An anonymous report: the order knows no consumer (see the module comment).
pub(crate) fn is_anonymous(loaded: &Loaded) -> bool {
    loaded.order.kind == AppealKind::Report && loaded.row.consumer_id.is_none()
}

pub(crate) fn load(conn: &mut PgConnection, id: i64) -> Result<Option<Loaded>, DbError> {
    let Some(row) = db::find(conn, id)? else {
        return Ok(None);
    };
    let orgs = db::org_refs(conn, &row.org_ids())?;
    let mut order = row.to_domain(&orgs)?;
    if matches!(order.state, workflow::State::WithEnterprise { .. }) {
        order.proposal = crate::odr::pending_in(conn, id)?;
    }
    Ok(Some(Loaded { row, order }))
}

pub(crate) fn visible(actor: &Actor, loaded: &Loaded) -> Result<View, OrderError> {
    match workflow::view(&loaded.order, UserId(loaded.row.filed_by), actor) {
        Ok(Some(view)) => Ok(view),
        Ok(None) => Err(OrderError::NotFound),
        Err(d) => Err(OrderError::Denied(d)),
    }
}

/// An order with what the caller may see of it: 404 for anyone who may not.
pub async fn get(deps: &Deps, actor: &Actor, id: i64) -> Result<OrderDetail, OrderError> {
    if matches!(actor, Actor::Anonymous) {
        return Err(OrderError::Denied(Denied::SignInRequired));
    }
    let cache = deps.db.calendar_cache();
    let (loaded, calendar) = deps
        .db
        .run(move |conn| Ok((load(conn, id)?, calendar_in(conn, &cache)?)))
        .await?;
    let loaded = loaded.ok_or(OrderError::NotFound)?;
    let view = visible(actor, &loaded)?;
    let holder = loaded.row.holder_org_id;
    let staff = view == View::Staff;
    let (kind, anonymous) = (loaded.order.kind, is_anonymous(&loaded));
    let order_row = loaded.row.clone();
    let (appeal, party, events, holder_row, attachments, categories, signals, odr) = deps
        .db
        .run(move |conn| {
            let appeal = db::appeal(conn, id)?;
            let party = if staff { db::party(conn, id)? } else { None };
            let categories = categories_of(conn, appeal.as_ref())?;
            let signals = if staff {
                assess_signals(conn, &order_row, appeal.as_ref(), party.as_ref())?
            } else {
                Vec::new()
            };
            Ok((
                appeal,
                party,
                db::events(conn, id, !staff)?,
                organisations::find(conn, OrgId(holder))?,
                crate::attachments::listed(conn, id, kind, anonymous, view)?,
                categories,
                signals,
                crate::odr::summary_in(conn, id)?,
            ))
        })
        .await?;
    let today = today();
    let ctx = Context {
        today,
        calendar: &calendar,
    };
    Ok(OrderDetail {
        deadlines: workflow::deadlines(&loaded.order, &calendar),
        available: workflow::available(&loaded.order, By::Actor(actor), &ctx),
        holder_name: holder_row.map(|o| o.name).unwrap_or_default(),
        row: loaded.row,
        view,
        order: loaded.order,
        appeal,
        party,
        events,
        today,
        attachments,
        categories,
        signals,
        odr,
    })
}

/// A command as the caller sends it: organisations and users by id.
#[derive(Debug, Clone)]
pub enum CommandInput {
    /// A command with no references.
    Plain(Command),
    AssignStation {
        station: i64,
    },
    AssignHandler {
        handler: i64,
    },
    Transfer {
        to: i64,
    },
    ReferUp {
        to: i64,
    },
    Delegate {
        association: i64,
    },
    /// The enterprise's proposal, with its terms in words (kept on the proposal and the event).
    ProposeSettlement {
        remedy: workflow::Remedy,
        amount_fen: Option<i64>,
        terms: String,
    },
}

fn org_ref(conn: &mut PgConnection, id: i64) -> Result<Option<OrgRef>, DbError> {
    organisations::find(conn, OrgId(id))?
        .map(|o| o.to_ref())
        .transpose()
}

fn resolve(
    conn: &mut PgConnection,
    input: &CommandInput,
) -> Result<Result<Command, OrderError>, DbError> {
    let missing = |field| Ok(Err(OrderError::UnknownReference { field }));
    Ok(Ok(match input {
        CommandInput::Plain(c) => c.clone(),
        CommandInput::ProposeSettlement {
            remedy, amount_fen, ..
        } => Command::ProposeSettlement {
            remedy: *remedy,
            amount_fen: *amount_fen,
        },
        CommandInput::AssignStation { station } => match org_ref(conn, *station)? {
            Some(station) => Command::AssignStation { station },
            None => return missing("station_id"),
        },
        CommandInput::Transfer { to } => match org_ref(conn, *to)? {
            Some(to) => Command::Transfer { to },
            None => return missing("to_id"),
        },
        CommandInput::ReferUp { to } => match org_ref(conn, *to)? {
            Some(to) => Command::ReferUp { to },
            None => return missing("to_id"),
        },
        CommandInput::Delegate { association } => match org_ref(conn, *association)? {
            Some(association) => Command::Delegate { association },
            None => return missing("association_id"),
        },
        CommandInput::AssignHandler { handler } => {
            match users::find(conn, UserId(*handler))?.and_then(|u| u.org_id) {
                Some(org) => Command::AssignHandler {
                    handler: UserId(*handler),
                    handler_org: OrgId(org),
                },
                None => return missing("handler_id"),
            }
        }
    }))
}

fn actor_fields(actor: &Actor) -> (String, Option<i64>, Option<i64>) {
    let kind = match actor {
        Actor::Anonymous => "anonymous",
        Actor::Consumer { .. } => "consumer",
        Actor::Member { .. } => "member",
        Actor::Client { .. } => "client",
    };
    (
        kind.to_owned(),
        actor.user().map(|u| u.0),
        actor.org().map(|o| o.id.0),
    )
}

/// Takes an action on an order whose version the caller read as `version`: the domain
/// decides; the next order and one event are stored in one transaction, only if nobody
/// changed the order meanwhile. Answers the new version.
pub async fn act(
    deps: &Deps,
    actor: &Actor,
    id: i64,
    version: i32,
    input: CommandInput,
    reason: Option<String>,
) -> Result<i32, OrderError> {
    if matches!(actor, Actor::Anonymous) {
        return Err(OrderError::Denied(Denied::SignInRequired));
    }
    let actor = actor.clone();
    let cache = deps.db.calendar_cache();
    deps.db
        .run(move |conn| {
            Ok(conn.transaction(|conn| {
                act_in(conn, &actor, id, version, &input, reason.clone(), &cache)
            }))
        })
        .await?
}

/// One action inside the caller's transaction (see [`act`]); answers the new version.
pub fn act_in(
    conn: &mut PgConnection,
    actor: &Actor,
    id: i64,
    version: i32,
    input: &CommandInput,
    reason: Option<String>,
    cache: &crate::calendar::CalendarCache,
) -> Result<i32, OrderError> {
    let calendar = calendar_in(conn, cache)?;
    let loaded = load(conn, id)?.ok_or(OrderError::NotFound)?;
    visible(actor, &loaded)?;
    if workflow::lacks_write_scope(actor) {
        return Err(OrderError::InsufficientScope);
    }
    if loaded.row.version != version {
        return Err(OrderError::Stale {
            current: loaded.row.version,
        });
    }
    let command = resolve(conn, input)??;
    let ctx = Context {
        today: today(),
        calendar: &calendar,
    };
    let next = workflow::apply(&loaded.order, By::Actor(actor), &command, &ctx)
        .map_err(OrderError::Refused)?;
    let change = db::change_of(&next, due_of(&next, &calendar))?;
    let new_version = db::update(conn, id, version, &change)?.ok_or(OrderError::Race)?;
    let (actor_kind, actor_user_id, actor_org_id) = actor_fields(actor);
    let seq = db::last_seq(conn, id)? + 1;
    let terms = match input {
        CommandInput::ProposeSettlement { terms, .. } => Some(terms.as_str()),
        _ => None,
    };
    let mut data =
        serde_json::to_value(&command).map_err(|e| ServiceError::Internal(e.to_string()))?;
    if let (Some(terms), Some(map)) = (terms, data.as_object_mut()) {
        map.insert("terms".into(), serde_json::Value::String(terms.to_owned()));
    }
    crate::odr::recorded_in(
        conn,
        id,
        &loaded.order,
        &next,
        &command,
        By::Actor(actor),
        terms,
        reason.as_deref(),
        &calendar,
    )?;
    db::insert_event(
        conn,
        &NewEvent {
            order_id: id,
            seq,
            actor_kind,
            actor_user_id,
            actor_org_id,
            command: db::name_of(&command.kind())?,
            from_state: Some(loaded.row.state.clone()),
            to_state: change.state.clone(),
            public: command.kind().is_public(),
            reason,
            data,
        },
    )?;
    if command.kind().is_public() {
        notify_progress(conn, next.consumer, &loaded.row.number)?;
    }
    Ok(new_version)
}
