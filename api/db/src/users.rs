//! Queries on accounts, and turning an account into the actor its sessions carry.

use diesel::prelude::*;
use weiquan_domain::access::{Actor, Role, UserId};

use crate::DbError;
use crate::organisations::OrgRow;
use crate::schema::{organisations, user_roles, users};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = users)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct UserRow {
    pub id: i64,
    pub kind: String,
    pub org_id: Option<i64>,
    pub phone: Option<String>,
    pub username: Option<String>,
    pub email: Option<String>,
    pub display_name: String,
    pub password_hash: Option<String>,
    pub status: String,
    pub totp_secret: Option<Vec<u8>>,
    pub totp_enabled_at: Option<chrono::DateTime<chrono::Utc>>,
    pub totp_last_step: Option<i64>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = users)]
pub struct NewUser<'a> {
    pub kind: &'a str,
    pub org_id: Option<i64>,
    pub phone: Option<&'a str>,
    pub username: Option<&'a str>,
    pub email: Option<&'a str>,
    pub display_name: &'a str,
    pub password_hash: Option<&'a str>,
    pub status: &'a str,
}

pub fn insert(conn: &mut PgConnection, user: &NewUser<'_>, roles: &[Role]) -> Result<i64, DbError> {
    conn.transaction(|conn| {
        let id: i64 = diesel::insert_into(users::table)
            .values(user)
            .returning(users::id)
            .get_result(conn)?;
        let rows: Vec<_> = roles
            .iter()
            .map(|r| (user_roles::user_id.eq(id), user_roles::role.eq(r.as_str())))
            .collect();
        diesel::insert_into(user_roles::table)
            .values(rows)
            .execute(conn)?;
        Ok(id)
    })
}

pub fn find(conn: &mut PgConnection, id: UserId) -> Result<Option<UserRow>, DbError> {
    Ok(users::table
        .find(id.0)
        .select(UserRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn find_consumer_by_phone(
    conn: &mut PgConnection,
    phone: &str,
) -> Result<Option<UserRow>, DbError> {
    Ok(users::table
        .filter(users::kind.eq("consumer"))
        .filter(users::phone.eq(phone))
        .select(UserRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn find_member_by_username(
    conn: &mut PgConnection,
    username: &str,
) -> Result<Option<UserRow>, DbError> {
    Ok(users::table
        .filter(users::kind.eq("member"))
        .filter(users::username.eq(username.to_lowercase()))
        .select(UserRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn roles(conn: &mut PgConnection, id: UserId) -> Result<Vec<Role>, DbError> {
    let names: Vec<String> = user_roles::table
        .filter(user_roles::user_id.eq(id.0))
        .select(user_roles::role)
        .order(user_roles::role)
        .load(conn)?;
    names
        .iter()
        .map(|n| Role::parse(n).ok_or_else(|| DbError::Other(format!("unknown role {n}"))))
        .collect()
}

/// The actor an active account acts as; `None` for invited or disabled accounts, or members
/// of a disabled organisation. `second_factor` says whether this sign-in passed TOTP.
pub fn actor_for(
    conn: &mut PgConnection,
    user: &UserRow,
    second_factor: bool,
) -> Result<Option<Actor>, DbError> {
    if user.status != "active" {
        return Ok(None);
    }
    match (user.kind.as_str(), user.org_id) {
        ("consumer", None) => Ok(Some(Actor::Consumer {
            user: UserId(user.id),
        })),
        ("member", Some(org_id)) => {
            let org: OrgRow = organisations::table
                .find(org_id)
                .select(OrgRow::as_select())
                .first(conn)?;
            if org.status != "active" {
                return Ok(None);
            }
            Ok(Some(Actor::Member {
                user: UserId(user.id),
                org: org.to_ref()?,
                roles: roles(conn, UserId(user.id))?,
                second_factor,
            }))
        }
        _ => Err(DbError::Other(format!(
            "user {}: inconsistent kind",
            user.id
        ))),
    }
}

/// Replaces the password hash; `changed` marks a real change of password (not a rehash).
pub fn set_password_hash(
    conn: &mut PgConnection,
    id: UserId,
    hash: &str,
    changed: bool,
) -> Result<(), DbError> {
    let now = chrono::Utc::now();
    let target = users::table.find(id.0);
    if changed {
        diesel::update(target)
            .set((
                users::password_hash.eq(hash),
                users::password_changed_at.eq(now),
                users::updated_at.eq(now),
            ))
            .execute(conn)?;
    } else {
        diesel::update(target)
            .set(users::password_hash.eq(hash))
            .execute(conn)?;
    }
    Ok(())
}

pub fn set_display_name(conn: &mut PgConnection, id: UserId, name: &str) -> Result<(), DbError> {
    diesel::update(users::table.find(id.0))
        .set((
            users::display_name.eq(name),
            users::updated_at.eq(chrono::Utc::now()),
        ))
        .execute(conn)?;
    Ok(())
}

/// The members of an organisation with their roles, by display name.
pub fn members_of(conn: &mut PgConnection, org: i64) -> Result<Vec<(UserRow, Vec<Role>)>, DbError> {
    let rows: Vec<UserRow> = users::table
        .filter(users::org_id.eq(org))
        .select(UserRow::as_select())
        .order((users::display_name, users::id))
        .load(conn)?;
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let pairs: Vec<(i64, String)> = user_roles::table
        .filter(user_roles::user_id.eq_any(&ids))
        .select((user_roles::user_id, user_roles::role))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let roles = pairs
                .iter()
                .filter(|(id, _)| *id == row.id)
                .filter_map(|(_, r)| Role::parse(r))
                .collect();
            (row, roles)
        })
        .collect())
}

/// Sets a member's status (`active` or `disabled`); false when nothing changed.
pub fn set_status(conn: &mut PgConnection, id: UserId, status: &str) -> Result<bool, DbError> {
    let updated = diesel::update(users::table.find(id.0).filter(users::status.ne(status)))
        .set((
            users::status.eq(status),
            users::updated_at.eq(chrono::Utc::now()),
        ))
        .execute(conn)?;
    Ok(updated == 1)
}

/// Replaces a member's roles.
pub fn set_roles(conn: &mut PgConnection, id: UserId, roles: &[Role]) -> Result<(), DbError> {
    diesel::delete(user_roles::table.filter(user_roles::user_id.eq(id.0))).execute(conn)?;
    let rows: Vec<_> = roles
        .iter()
        .map(|r| {
            (
                user_roles::user_id.eq(id.0),
                user_roles::role.eq(r.as_str()),
            )
        })
        .collect();
    diesel::insert_into(user_roles::table)
        .values(rows)
        .execute(conn)?;
    Ok(())
}

/// How a user is named in lists.
#[derive(Debug, Clone, Queryable)]
pub struct UserName {
    pub id: i64,
    pub username: Option<String>,
    pub phone: Option<String>,
    pub display_name: String,
}

/// The login (user name or phone) and display name of each of `ids` that exists, for showing
/// who did something in a list (one query for a whole page).
pub fn names(conn: &mut PgConnection, ids: &[i64]) -> Result<Vec<UserName>, DbError> {
    Ok(users::table
        .filter(users::id.eq_any(ids))
        .select((
            users::id,
            users::username,
            users::phone,
            users::display_name,
        ))
        .load(conn)?)
}

/// The email addresses of an organisation's active members holding `role`.
pub fn emails_with_role(
    conn: &mut PgConnection,
    org: i64,
    role: weiquan_domain::access::Role,
) -> Result<Vec<String>, DbError> {
    let emails: Vec<Option<String>> = users::table
        .inner_join(user_roles::table)
        .filter(users::org_id.eq(org))
        .filter(users::status.eq("active"))
        .filter(user_roles::role.eq(role.as_str()))
        .select(users::email)
        .order(users::id)
        .load(conn)?;
    Ok(emails.into_iter().flatten().collect())
}
