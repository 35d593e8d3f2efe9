//! Applications to join and their timelines.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use weiquan_domain::access::OrgPath;
use weiquan_domain::application::{ApplicationEvent, ApplicationStatus};

use crate::DbError;
use crate::schema::{application_events, applications, organisations};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = applications)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct ApplicationRow {
    pub id: i64,
    pub kind: String,
    pub name: String,
    pub name_en: Option<String>,
    pub credit_code: Option<String>,
    pub registered_division: Option<String>,
    pub competent_bureau_id: i64,
    pub contact_name: String,
    pub contact_phone: String,
    pub contact_email: String,
    pub admin_username: String,
    pub admin_display_name: String,
    pub description: String,
    pub locale: String,
    pub status: String,
    pub decision_reason: Option<String>,
    pub decided_by: Option<i64>,
    pub decided_at: Option<DateTime<Utc>>,
    pub created_org_id: Option<i64>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = applications)]
pub struct NewApplication<'a> {
    pub kind: &'a str,
    pub name: &'a str,
    pub name_en: Option<&'a str>,
    pub credit_code: Option<&'a str>,
    pub registered_division: Option<&'a str>,
    pub competent_bureau_id: i64,
    pub contact_name: &'a str,
    pub contact_phone: &'a str,
    pub contact_email: &'a str,
    pub admin_username: &'a str,
    pub admin_display_name: &'a str,
    pub description: &'a str,
    pub locale: &'a str,
    pub tracking_hash: &'a str,
}

/// One step of a timeline.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = application_events)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct EventRow {
    pub kind: String,
    pub at: DateTime<Utc>,
}

/// Names of the unique indexes that make a second pending application a conflict.
pub const PENDING_CREDIT_CODE_INDEX: &str = "applications_pending_credit_code";
pub const PENDING_USERNAME_INDEX: &str = "applications_pending_admin_username";

pub fn insert(conn: &mut PgConnection, new: &NewApplication<'_>) -> Result<i64, DbError> {
    Ok(diesel::insert_into(applications::table)
        .values(new)
        .returning(applications::id)
        .get_result(conn)?)
}

pub fn add_event(
    conn: &mut PgConnection,
    application: i64,
    kind: ApplicationEvent,
    actor_user_id: Option<i64>,
) -> Result<(), DbError> {
    diesel::insert_into(application_events::table)
        .values((
            application_events::application_id.eq(application),
            application_events::kind.eq(kind.as_str()),
            application_events::actor_user_id.eq(actor_user_id),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn find(conn: &mut PgConnection, id: i64) -> Result<Option<ApplicationRow>, DbError> {
    Ok(applications::table
        .find(id)
        .select(ApplicationRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn find_by_tracking_hash(
    conn: &mut PgConnection,
    hash: &str,
) -> Result<Option<ApplicationRow>, DbError> {
    Ok(applications::table
        .filter(applications::tracking_hash.eq(hash))
        .select(ApplicationRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn events(conn: &mut PgConnection, application: i64) -> Result<Vec<EventRow>, DbError> {
    Ok(application_events::table
        .filter(application_events::application_id.eq(application))
        .order(application_events::id)
        .select(EventRow::as_select())
        .load(conn)?)
}

/// Whether an application with this credit code is waiting for a decision.
pub fn pending_with_credit_code(conn: &mut PgConnection, code: &str) -> Result<bool, DbError> {
    Ok(diesel::select(diesel::dsl::exists(
        applications::table
            .filter(applications::status.eq("submitted"))
            .filter(applications::credit_code.eq(code)),
    ))
    .get_result(conn)?)
}

/// Whether any application (in any state) carries this credit code.
pub fn exists_with_credit_code(conn: &mut PgConnection, code: &str) -> Result<bool, DbError> {
    Ok(diesel::select(diesel::dsl::exists(
        applications::table.filter(applications::credit_code.eq(code)),
    ))
    .get_result(conn)?)
}

/// Whether an application waiting for a decision asks for this user name.
pub fn pending_with_username(conn: &mut PgConnection, username: &str) -> Result<bool, DbError> {
    Ok(diesel::select(diesel::dsl::exists(
        applications::table
            .filter(applications::status.eq("submitted"))
            .filter(applications::admin_username.eq(username)),
    ))
    .get_result(conn)?)
}

/// The review queue below `subtree` (applications whose competent bureau's path starts with
/// it), newest first, `limit` at a time after the id `after`.
pub fn queue(
    conn: &mut PgConnection,
    subtree: &OrgPath,
    status: Option<ApplicationStatus>,
    limit: i64,
    after: Option<i64>,
) -> Result<Vec<ApplicationRow>, DbError> {
    let prefix = format!("{}%", subtree.to_sql());
    let mut query = applications::table
        .inner_join(
            organisations::table.on(organisations::id.eq(applications::competent_bureau_id)),
        )
        .filter(organisations::path.like(prefix))
        .select(ApplicationRow::as_select())
        .order(applications::id.desc())
        .limit(limit)
        .into_boxed();
    if let Some(status) = status {
        query = query.filter(applications::status.eq(status.as_str()));
    }
    if let Some(after) = after {
        query = query.filter(applications::id.lt(after));
    }
    Ok(query.load(conn)?)
}

/// Loads an application and locks its row until the transaction ends, so that deciding it is
/// serialised: a second reviewer waits, then sees the first one's decision.
pub fn lock(conn: &mut PgConnection, id: i64) -> Result<Option<ApplicationRow>, DbError> {
    Ok(applications::table
        .find(id)
        .select(ApplicationRow::as_select())
        .for_update()
        .first(conn)
        .optional()?)
}

/// Records a decision if the application is still undecided: the conditional update that
/// lets exactly one of two simultaneous reviewers win. False when it was already decided.
pub fn record_decision(
    conn: &mut PgConnection,
    id: i64,
    status: ApplicationStatus,
    reason: Option<&str>,
    decided_by: i64,
    created_org: Option<i64>,
) -> Result<bool, DbError> {
    let changed = diesel::update(
        applications::table
            .find(id)
            .filter(applications::status.eq("submitted")),
    )
    .set((
        applications::status.eq(status.as_str()),
        applications::decision_reason.eq(reason),
        applications::decided_by.eq(decided_by),
        applications::decided_at.eq(diesel::dsl::now),
        applications::created_org_id.eq(created_org),
    ))
    .execute(conn)?;
    Ok(changed == 1)
}
