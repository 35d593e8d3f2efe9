//! The holiday calendar as data: the cached calendar every deadline is counted on, the years
//! staff read, and entering a year (national administrators), which recomputes the due dates
//! that depend on it in the same transaction.
//!
//! Cache: each `Db` (one per database pool) keeps the calendar it last loaded with its
//! [`Stamp`] (highest revision, number of years). [`current`] compares the stamp with the
//! database's (one small indexed query, run inside the caller's transaction) and reloads on a
//! difference, so every server instance sees a year entered on any other instance at its next
//! request, with no pub/sub to keep in step.
//!
//! Recomputing: entering a year replaces its rows, then recomputes `due_on`/`due_provisional`
//! of every open order that is provisional or due on or after the year's first day, in
//! batches of [`RECOMPUTE_BATCH`] locked rows, through the domain's `deadlines()` (the same
//! `orders::due_of` as every action). All of it is one transaction with the year change, so
//! the stored due dates never disagree with the stored calendar and a failure leaves nothing
//! half done; the price is that entering a year holds the affected open orders' row locks
//! until it commits (a few seconds for tens of thousands, once a year). An order whose date
//! changes gets a non-public event `recompute_due` by the administrator (from, to, year); an
//! order whose date stays and only loses its provisional mark gets none (the mark is shown
//! on the order itself).

use std::collections::BTreeMap;
use std::sync::{Arc, RwLock};

use chrono::{Datelike, NaiveDate};
use diesel::{Connection, PgConnection};
use weiquan_db::DbError;
use weiquan_db::audit::{self, NewAuditEntry};
use weiquan_db::holidays::{self, DayRow, Stamp, YearRow};
use weiquan_db::orders::{self as order_db, NewEvent};
use weiquan_domain::access::{Actor, CalendarAction, Denied, authorize_calendar};
use weiquan_domain::audit::{AuditAction, AuditActor, Outcome};
use weiquan_domain::calendar::{
    CalendarEntry, CalendarError, DayKind, HolidayCalendar, check_year,
};

use crate::accounts::Origin;
use crate::{Deps, ServiceError};

/// Open orders recomputed per locked batch.
pub const RECOMPUTE_BATCH: i64 = 500;

/// The calendar a `Db` last loaded.
pub type CalendarCache = RwLock<Option<(Stamp, Arc<HolidayCalendar>)>>;

/// The stored calendar, from the cache when the database's stamp is unchanged.
pub fn current(
    conn: &mut PgConnection,
    cache: &CalendarCache,
) -> Result<Arc<HolidayCalendar>, DbError> {
    let stamp = holidays::stamp(conn)?;
    if let Ok(guard) = cache.read()
        && let Some((cached, calendar)) = guard.as_ref()
        && *cached == stamp
    {
        return Ok(Arc::clone(calendar));
    }
    let (stamp, calendar) = holidays::load(conn)?;
    let calendar = Arc::new(calendar);
    if let Ok(mut guard) = cache.write() {
        *guard = Some((stamp, Arc::clone(&calendar)));
    }
    Ok(calendar)
}

#[derive(Debug, thiserror::Error)]
pub enum CalendarUseError {
    #[error("not allowed: {0}")]
    Denied(Denied),
    /// The entries break the domain's rules (each with the index of its entry).
    #[error("invalid year")]
    Invalid(Vec<(Option<usize>, CalendarError)>),
    #[error(transparent)]
    Service(#[from] ServiceError),
}

impl From<DbError> for CalendarUseError {
    fn from(e: DbError) -> Self {
        Self::Service(e.into())
    }
}

impl From<diesel::result::Error> for CalendarUseError {
    fn from(e: diesel::result::Error) -> Self {
        DbError::from(e).into()
    }
}

/// Whether a year's schedule is entered, or its dates are counted on weekdays alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearStatus {
    Entered,
    Provisional,
}

/// A year as the list shows it.
#[derive(Debug, Clone)]
pub struct YearSummary {
    pub year: i32,
    pub status: YearStatus,
    pub entered: Option<YearRow>,
    pub holidays: i64,
    pub workdays: i64,
}

/// A year with its dates (none while provisional).
#[derive(Debug, Clone)]
pub struct YearDetail {
    pub summary: YearSummary,
    pub days: Vec<DayRow>,
}

fn may(actor: &Actor, action: CalendarAction) -> Result<(), CalendarUseError> {
    authorize_calendar(actor, action).map_err(CalendarUseError::Denied)
}

fn summary(year: i32, row: Option<YearRow>, counts: &BTreeMap<(i32, String), i64>) -> YearSummary {
    let count = |kind: &str| counts.get(&(year, kind.to_owned())).copied().unwrap_or(0);
    YearSummary {
        year,
        status: if row.is_some() {
            YearStatus::Entered
        } else {
            YearStatus::Provisional
        },
        holidays: count(DayKind::Off.as_str()),
        workdays: count(DayKind::Work.as_str()),
        entered: row,
    }
}

/// The entered years and, provisional when not entered, this year and the next (the ones
/// whose due dates are being counted now), newest first.
pub async fn years(
    deps: &Deps,
    actor: &Actor,
    today: NaiveDate,
) -> Result<Vec<YearSummary>, CalendarUseError> {
    may(actor, CalendarAction::View)?;
    let (rows, counts) = deps
        .db
        .run(|conn| Ok((holidays::years(conn)?, holidays::counts(conn)?)))
        .await?;
    let mut by_year: BTreeMap<i32, Option<YearRow>> = BTreeMap::new();
    for y in [today.year(), today.year() + 1] {
        by_year.insert(y, None);
    }
    for row in rows {
        by_year.insert(row.year, Some(row));
    }
    Ok(by_year
        .into_iter()
        .rev()
        .map(|(year, row)| summary(year, row, &counts))
        .collect())
}

/// One year: its dates when entered, none while provisional.
pub async fn year(deps: &Deps, actor: &Actor, year: i32) -> Result<YearDetail, CalendarUseError> {
    may(actor, CalendarAction::View)?;
    year_unchecked(deps, year).await
}

/// One date as an administrator enters it.
#[derive(Debug, Clone)]
pub struct DayInput {
    pub date: NaiveDate,
    pub kind: DayKind,
    pub name_zh: String,
    pub name_en: Option<String>,
}

/// What entering a year did.
#[derive(Debug, Clone)]
pub struct Entered {
    pub detail: YearDetail,
    /// Open orders whose due date was recomputed.
    pub recomputed: usize,
    /// Of those, the ones whose due date or provisional mark changed.
    pub changed: usize,
}

/// Enters (or replaces) a year's schedule: checked by the domain, stored, the dependent due
/// dates recomputed and the change audited, in one transaction.
pub async fn enter_year(
    deps: &Deps,
    actor: &Actor,
    year: i32,
    days: Vec<DayInput>,
    source: String,
    origin: &Origin,
) -> Result<Entered, CalendarUseError> {
    may(actor, CalendarAction::Enter)?;
    let entries: Vec<CalendarEntry> = days
        .iter()
        .map(|d| CalendarEntry {
            date: d.date,
            kind: d.kind,
            name: d.name_zh.clone(),
        })
        .collect();
    let mut problems = check_year(year, &entries);
    for (index, d) in days.iter().enumerate() {
        if d.name_en
            .as_ref()
            .is_some_and(|n| n.trim().is_empty() || n.chars().count() > 100)
        {
            problems.push((Some(index), CalendarError::NameTooLong { date: d.date }));
        }
    }
    if !problems.is_empty() {
        return Err(CalendarUseError::Invalid(problems));
    }
    let rows: Vec<DayRow> = days
        .into_iter()
        .map(|d| DayRow {
            date: d.date,
            year,
            kind: d.kind.as_str().to_owned(),
            name_zh: d.name_zh.trim().to_owned(),
            name_en: d.name_en.map(|n| n.trim().to_owned()),
        })
        .collect();
    let actor = actor.clone();
    let origin = origin.clone();
    let cache = deps.db.calendar_cache();
    let (recomputed, changed) = deps
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                holidays::lock(conn)?;
                holidays::replace_year(conn, year, actor.user().map(|u| u.0), &source, &rows)?;
                let calendar = current(conn, &cache)?;
                let (recomputed, changed) = recompute(conn, year, &calendar, &actor)?;
                let mut entry = NewAuditEntry::new(
                    AuditActor::from(&actor),
                    AuditAction::CalendarYearEntered,
                    Outcome::Success,
                )
                .subject(format!("calendar:{year}"))
                .from_client(origin.ip, origin.user_agent.as_deref());
                if let Some(org) = actor.org() {
                    entry = entry.org(&org.path);
                }
                entry.detail = serde_json::json!({
                    "holidays": rows.iter().filter(|r| r.kind == "off").count(),
                    "workdays": rows.iter().filter(|r| r.kind == "work").count(),
                    "source": source,
                    "orders_recomputed": recomputed,
                    "orders_changed": changed,
                });
                audit::append(conn, &entry)?;
                Ok((recomputed, changed))
            })
        })
        .await?;
    let detail = year_unchecked(deps, year).await?;
    Ok(Entered {
        detail,
        recomputed,
        changed,
    })
}

async fn year_unchecked(deps: &Deps, year: i32) -> Result<YearDetail, CalendarUseError> {
    let (row, days, counts) = deps
        .db
        .run(move |conn| {
            Ok((
                holidays::year(conn, year)?,
                holidays::days_of(conn, year)?,
                holidays::counts(conn)?,
            ))
        })
        .await?;
    Ok(YearDetail {
        summary: summary(year, row, &counts),
        days,
    })
}

fn actor_columns(actor: &Actor) -> (String, Option<i64>, Option<i64>) {
    let kind = match actor {
        Actor::Member { .. } => "member",
        Actor::Client { .. } => "client",
        Actor::Consumer { .. } => "consumer",
        Actor::Anonymous => "anonymous",
    };
    (
        kind.to_owned(),
        actor.user().map(|u| u.0),
        actor.org().map(|o| o.id.0),
    )
}

/// Recomputes the due dates that may depend on `year` with `calendar`, in the caller's
/// transaction; answers (recomputed, changed).
pub fn recompute(
    conn: &mut PgConnection,
    year: i32,
    calendar: &HolidayCalendar,
    actor: &Actor,
) -> Result<(usize, usize), DbError> {
    let (actor_kind, actor_user_id, actor_org_id) = actor_columns(actor);
    let (mut recomputed, mut changed) = (0, 0);
    let mut after = 0;
    loop {
        let rows = order_db::touching_year(conn, year, after, RECOMPUTE_BATCH)?;
        let Some(last) = rows.last() else { break };
        after = last.id;
        let ids: Vec<i64> = rows.iter().flat_map(|r| r.org_ids()).collect();
        let orgs = order_db::org_refs(conn, &ids)?;
        for row in &rows {
            let order = row.to_domain(&orgs)?;
            let due = crate::orders::due_of(&order, calendar);
            recomputed += 1;
            let before = row.due_on.map(|d| (d, row.due_provisional));
            if due == before {
                continue;
            }
            changed += 1;
            order_db::set_due(conn, row.id, due)?;
            if due.map(|(d, _)| d) != row.due_on {
                let seq = order_db::last_seq(conn, row.id)? + 1;
                order_db::insert_event(
                    conn,
                    &NewEvent {
                        order_id: row.id,
                        seq,
                        actor_kind: actor_kind.clone(),
                        actor_user_id,
                        actor_org_id,
                        command: "recompute_due".into(),
                        from_state: Some(row.state.clone()),
                        to_state: row.state.clone(),
                        public: false,
                        reason: None,
                        data: serde_json::json!({
                            "year": year,
                            "from": row.due_on,
                            "to": due.map(|(d, _)| d),
                            "provisional": due.is_some_and(|(_, p)| p),
                        }),
                    },
                )?;
            }
        }
        if (rows.len() as i64) < RECOMPUTE_BATCH {
            break;
        }
    }
    Ok((recomputed, changed))
}
