//! Notification rows (the in-app centre) and channel preferences. Every query is scoped to one
//! user in SQL: a caller can neither read nor mark another user's notifications, whatever ids
//! they send.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use weiquan_domain::notify::in_app::Preferences;

use crate::DbError;
use crate::schema::{notification_preferences, notifications};

/// A notification to store.
#[derive(Debug, Clone, PartialEq, Insertable)]
#[diesel(table_name = notifications)]
pub struct NewNotification<'a> {
    pub user_id: i64,
    pub kind: &'a str,
    pub order_id: Option<i64>,
    pub params: &'a serde_json::Value,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = notifications)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct NotificationRow {
    pub id: i64,
    pub user_id: i64,
    pub kind: String,
    pub order_id: Option<i64>,
    pub params: serde_json::Value,
    pub created_at: DateTime<Utc>,
    pub read_at: Option<DateTime<Utc>>,
}

/// Stores notifications (one statement for all recipients).
pub fn insert(conn: &mut PgConnection, rows: &[NewNotification<'_>]) -> Result<usize, DbError> {
    if rows.is_empty() {
        return Ok(0);
    }
    Ok(diesel::insert_into(notifications::table)
        .values(rows)
        .execute(conn)?)
}

/// A user's notifications, newest first, `limit` at a time after `before` (an id).
pub fn page(
    conn: &mut PgConnection,
    user: i64,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<NotificationRow>, DbError> {
    let mut q = notifications::table
        .filter(notifications::user_id.eq(user))
        .select(NotificationRow::as_select())
        .order(notifications::id.desc())
        .limit(limit.clamp(1, 100))
        .into_boxed();
    if let Some(before) = before {
        q = q.filter(notifications::id.lt(before));
    }
    Ok(q.load(conn)?)
}

/// How many of a user's notifications are unread (the partial index answers it).
pub fn unread_count(conn: &mut PgConnection, user: i64) -> Result<i64, DbError> {
    Ok(notifications::table
        .filter(notifications::user_id.eq(user))
        .filter(notifications::read_at.is_null())
        .count()
        .get_result(conn)?)
}

/// Marks the user's own notifications among `ids` read (others' ids change nothing); answers
/// how many changed.
pub fn mark_read(conn: &mut PgConnection, user: i64, ids: &[i64]) -> Result<usize, DbError> {
    if ids.is_empty() {
        return Ok(0);
    }
    Ok(diesel::update(
        notifications::table
            .filter(notifications::user_id.eq(user))
            .filter(notifications::id.eq_any(ids))
            .filter(notifications::read_at.is_null()),
    )
    .set(notifications::read_at.eq(diesel::dsl::now))
    .execute(conn)?)
}

/// Marks every unread notification of the user read.
pub fn mark_all_read(conn: &mut PgConnection, user: i64) -> Result<usize, DbError> {
    Ok(diesel::update(
        notifications::table
            .filter(notifications::user_id.eq(user))
            .filter(notifications::read_at.is_null()),
    )
    .set(notifications::read_at.eq(diesel::dsl::now))
    .execute(conn)?)
}

/// The user's channel preferences; the defaults when they never chose.
pub fn preferences(conn: &mut PgConnection, user: i64) -> Result<Preferences, DbError> {
    let row: Option<(bool, bool)> = notification_preferences::table
        .find(user)
        .select((
            notification_preferences::email,
            notification_preferences::sms,
        ))
        .first(conn)
        .optional()?;
    Ok(
        row.map_or_else(Preferences::default, |(email, sms)| Preferences {
            email,
            sms,
        }),
    )
}

/// The preferences of several users at once (missing ones get the defaults).
pub fn preferences_of(
    conn: &mut PgConnection,
    users: &[i64],
) -> Result<std::collections::HashMap<i64, Preferences>, DbError> {
    let rows: Vec<(i64, bool, bool)> = notification_preferences::table
        .filter(notification_preferences::user_id.eq_any(users))
        .select((
            notification_preferences::user_id,
            notification_preferences::email,
            notification_preferences::sms,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, email, sms)| (id, Preferences { email, sms }))
        .collect())
}

/// Stores the user's channel preferences.
pub fn set_preferences(
    conn: &mut PgConnection,
    user: i64,
    preferences: Preferences,
) -> Result<(), DbError> {
    diesel::insert_into(notification_preferences::table)
        .values((
            notification_preferences::user_id.eq(user),
            notification_preferences::email.eq(preferences.email),
            notification_preferences::sms.eq(preferences.sms),
        ))
        .on_conflict(notification_preferences::user_id)
        .do_update()
        .set((
            notification_preferences::email.eq(preferences.email),
            notification_preferences::sms.eq(preferences.sms),
            notification_preferences::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)?;
    Ok(())
}

/// How a recipient can be reached: (user id, phone, email), active accounts only.
pub fn contacts(
    conn: &mut PgConnection,
    users: &[i64],
) -> Result<Vec<(i64, Option<String>, Option<String>)>, DbError> {
    use crate::schema::users as u;
    Ok(u::table
        .filter(u::id.eq_any(users))
        .filter(u::status.eq("active"))
        .select((u::id, u::phone, u::email))
        .order(u::id)
        .load(conn)?)
}

/// The active members of an organisation holding any of `roles`, by id.
pub fn members_with_roles(
    conn: &mut PgConnection,
    org: i64,
    roles: &[weiquan_domain::access::Role],
) -> Result<Vec<i64>, DbError> {
    use crate::schema::{user_roles as r, users as u};
    let names: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
    Ok(u::table
        .inner_join(r::table)
        .filter(u::org_id.eq(org))
        .filter(u::status.eq("active"))
        .filter(r::role.eq_any(names))
        .select(u::id)
        .distinct()
        .order(u::id)
        .load(conn)?)
}
