//! Invitations: the one-time link that activates an invited member account. One row per
//! invited account; the token is stored only as its hash.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::DbError;
use crate::schema::{invitations, users};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = invitations)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct InvitationRow {
    pub id: i64,
    pub user_id: i64,
    pub org_id: i64,
    pub email: String,
    pub purpose: String,
    pub expires_at: DateTime<Utc>,
    pub used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub invited_by: Option<i64>,
    pub sent_count: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// An invitation with the invited account's names, for lists and the acceptance page.
#[derive(Debug, Clone)]
pub struct InvitationView {
    pub invitation: InvitationRow,
    pub username: String,
    pub display_name: String,
    pub user_status: String,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = invitations)]
pub struct NewInvitationRow<'a> {
    pub user_id: i64,
    pub org_id: i64,
    pub email: &'a str,
    pub token_hash: &'a [u8],
    pub purpose: &'a str,
    pub expires_at: DateTime<Utc>,
    pub invited_by: Option<i64>,
}

pub fn insert(conn: &mut PgConnection, row: &NewInvitationRow<'_>) -> Result<i64, DbError> {
    Ok(diesel::insert_into(invitations::table)
        .values(row)
        .returning(invitations::id)
        .get_result(conn)?)
}

fn with_user(
    conn: &mut PgConnection,
    rows: Vec<InvitationRow>,
) -> Result<Vec<InvitationView>, DbError> {
    let ids: Vec<i64> = rows.iter().map(|r| r.user_id).collect();
    let names: Vec<(i64, Option<String>, String, String)> = users::table
        .filter(users::id.eq_any(&ids))
        .select((
            users::id,
            users::username,
            users::display_name,
            users::status,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|invitation| {
            let (_, username, display_name, status) = names
                .iter()
                .find(|(id, ..)| *id == invitation.user_id)
                .cloned()
                .ok_or_else(|| DbError::Other(format!("invitation {}: no user", invitation.id)))?;
            Ok(InvitationView {
                invitation,
                username: username.unwrap_or_default(),
                display_name,
                user_status: status,
            })
        })
        .collect()
}

pub fn find(conn: &mut PgConnection, id: i64) -> Result<Option<InvitationView>, DbError> {
    let row: Option<InvitationRow> = invitations::table
        .find(id)
        .select(InvitationRow::as_select())
        .first(conn)
        .optional()?;
    Ok(with_user(conn, row.into_iter().collect())?.pop())
}

/// The invitation whose token hashes to `hash`, locked for the rest of the transaction.
pub fn find_by_hash_for_update(
    conn: &mut PgConnection,
    hash: &[u8],
) -> Result<Option<InvitationView>, DbError> {
    let row: Option<InvitationRow> = invitations::table
        .filter(invitations::token_hash.eq(hash))
        .select(InvitationRow::as_select())
        .for_update()
        .first(conn)
        .optional()?;
    Ok(with_user(conn, row.into_iter().collect())?.pop())
}

/// The invitation whose token hashes to `hash`, unlocked (for showing the acceptance page).
pub fn find_by_hash(
    conn: &mut PgConnection,
    hash: &[u8],
) -> Result<Option<InvitationView>, DbError> {
    let row: Option<InvitationRow> = invitations::table
        .filter(invitations::token_hash.eq(hash))
        .select(InvitationRow::as_select())
        .first(conn)
        .optional()?;
    Ok(with_user(conn, row.into_iter().collect())?.pop())
}

/// The invitations of one organisation, newest first.
pub fn list_for_org(conn: &mut PgConnection, org: i64) -> Result<Vec<InvitationView>, DbError> {
    let rows: Vec<InvitationRow> = invitations::table
        .filter(invitations::org_id.eq(org))
        .select(InvitationRow::as_select())
        .order((invitations::created_at.desc(), invitations::id.desc()))
        .limit(500)
        .load(conn)?;
    with_user(conn, rows)
}

/// Replaces the token of an open invitation (resend): the old hash is gone at once. False when
/// the invitation was used or revoked meanwhile.
pub fn replace_token(
    conn: &mut PgConnection,
    id: i64,
    hash: &[u8],
    expires_at: DateTime<Utc>,
) -> Result<bool, DbError> {
    let changed = diesel::update(
        invitations::table
            .find(id)
            .filter(invitations::used_at.is_null())
            .filter(invitations::revoked_at.is_null()),
    )
    .set((
        invitations::token_hash.eq(hash),
        invitations::expires_at.eq(expires_at),
        invitations::sent_count.eq(invitations::sent_count + 1),
        invitations::updated_at.eq(Utc::now()),
    ))
    .execute(conn)?;
    Ok(changed == 1)
}

/// Marks the invitation used, only if nobody did before and it was not revoked: of two
/// concurrent accepts exactly one gets `true`.
pub fn mark_used(conn: &mut PgConnection, id: i64, now: DateTime<Utc>) -> Result<bool, DbError> {
    let changed = diesel::update(
        invitations::table
            .find(id)
            .filter(invitations::used_at.is_null())
            .filter(invitations::revoked_at.is_null()),
    )
    .set((
        invitations::used_at.eq(now),
        invitations::updated_at.eq(now),
    ))
    .execute(conn)?;
    Ok(changed == 1)
}

/// Revokes an unused invitation. False when it was already used or revoked.
pub fn revoke(conn: &mut PgConnection, id: i64, now: DateTime<Utc>) -> Result<bool, DbError> {
    let changed = diesel::update(
        invitations::table
            .find(id)
            .filter(invitations::used_at.is_null())
            .filter(invitations::revoked_at.is_null()),
    )
    .set((
        invitations::revoked_at.eq(now),
        invitations::updated_at.eq(now),
    ))
    .execute(conn)?;
    Ok(changed == 1)
}

/// Activates an invited account with its first password; false unless it was `invited`.
pub fn activate_user(conn: &mut PgConnection, user: i64, hash: &str) -> Result<bool, DbError> {
    let now = Utc::now();
    let changed = diesel::update(users::table.find(user).filter(users::status.eq("invited")))
        .set((
            users::password_hash.eq(hash),
            users::status.eq("active"),
            users::password_changed_at.eq(now),
            users::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(changed == 1)
}

/// Whether a user name is taken by any account.
pub fn username_taken(conn: &mut PgConnection, username: &str) -> Result<bool, DbError> {
    Ok(diesel::select(diesel::dsl::exists(
        users::table.filter(users::username.eq(username)),
    ))
    .get_result(conn)?)
}
