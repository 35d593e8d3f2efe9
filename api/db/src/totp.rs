//! Storage of second factors: the sealed TOTP secret, its last used time step (replay
//! protection), and recovery codes. Every consuming write is conditional, so two concurrent
//! uses of one code cannot both succeed.

use diesel::prelude::*;
use weiquan_domain::access::UserId;

use crate::DbError;
use crate::schema::{recovery_codes, users};

/// Stores a new, not yet confirmed secret (replacing an unconfirmed one).
pub fn set_pending_secret(
    conn: &mut PgConnection,
    user: UserId,
    sealed: &[u8],
) -> Result<bool, DbError> {
    let updated = diesel::update(
        users::table
            .find(user.0)
            .filter(users::totp_enabled_at.is_null()),
    )
    .set((
        users::totp_secret.eq(sealed),
        users::totp_last_step.eq(None::<i64>),
    ))
    .execute(conn)?;
    Ok(updated == 1)
}

/// Records `step` as used if it is newer than the last one; false if it was replayed or
/// raced by another request.
pub fn use_step(conn: &mut PgConnection, user: UserId, step: i64) -> Result<bool, DbError> {
    let updated = diesel::update(
        users::table.find(user.0).filter(
            users::totp_last_step
                .is_null()
                .or(users::totp_last_step.lt(step)),
        ),
    )
    .set(users::totp_last_step.eq(step))
    .execute(conn)?;
    Ok(updated == 1)
}

/// Confirms enrolment: marks TOTP enabled, records the step, replaces recovery codes.
pub fn confirm(
    conn: &mut PgConnection,
    user: UserId,
    step: i64,
    code_hashes: &[String],
) -> Result<bool, DbError> {
    conn.transaction(|conn| {
        let updated = diesel::update(
            users::table
                .find(user.0)
                .filter(users::totp_enabled_at.is_null()),
        )
        .set((
            users::totp_enabled_at.eq(chrono::Utc::now()),
            users::totp_last_step.eq(step),
        ))
        .execute(conn)?;
        if updated != 1 {
            return Ok(false);
        }
        diesel::delete(recovery_codes::table.filter(recovery_codes::user_id.eq(user.0)))
            .execute(conn)?;
        let rows: Vec<_> = code_hashes
            .iter()
            .map(|h| {
                (
                    recovery_codes::user_id.eq(user.0),
                    recovery_codes::code_hash.eq(h),
                )
            })
            .collect();
        diesel::insert_into(recovery_codes::table)
            .values(rows)
            .execute(conn)?;
        Ok(true)
    })
}

/// The unused recovery codes: (id, hash).
pub fn unused_recovery_codes(
    conn: &mut PgConnection,
    user: UserId,
) -> Result<Vec<(i64, String)>, DbError> {
    Ok(recovery_codes::table
        .filter(recovery_codes::user_id.eq(user.0))
        .filter(recovery_codes::used_at.is_null())
        .select((recovery_codes::id, recovery_codes::code_hash))
        .order(recovery_codes::id)
        .load(conn)?)
}

/// Marks a recovery code used; false if it was used meanwhile.
pub fn use_recovery_code(conn: &mut PgConnection, id: i64) -> Result<bool, DbError> {
    let updated = diesel::update(
        recovery_codes::table
            .find(id)
            .filter(recovery_codes::used_at.is_null()),
    )
    .set(recovery_codes::used_at.eq(chrono::Utc::now()))
    .execute(conn)?;
    Ok(updated == 1)
}
