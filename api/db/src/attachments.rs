//! Evidence attachments: upload rows, their link to orders, and the queries pruning needs (see
//! the migration `2026-11-29-000021_attachments`). The bytes are files, kept by the services
//! crate; this module only knows their hashes.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::Text;

use crate::DbError;
use crate::schema::{attachments, order_attachments};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = attachments)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct AttachmentRow {
    pub id: i64,
    pub sha256: String,
    pub media_type: String,
    pub size_bytes: i64,
    pub file_name: String,
    pub uploaded_by: i64,
    pub attached_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = attachments)]
pub struct NewAttachment<'a> {
    pub sha256: &'a str,
    pub media_type: &'a str,
    pub size_bytes: i64,
    pub file_name: &'a str,
    pub uploaded_by: i64,
}

/// The first key of the advisory locks taken on a file's hash ("WQ" + migration 21), so they
/// never collide with locks taken for something else.
const FILE_LOCK_SPACE: i32 = 0x5751_0021;

/// Serialises work on one stored file until the end of the transaction: storing a new upload
/// of it and deleting it once unreferenced never interleave.
pub fn lock_file(conn: &mut PgConnection, sha256: &str) -> Result<(), DbError> {
    diesel::sql_query("SELECT pg_advisory_xact_lock($1, hashtext($2))")
        .bind::<diesel::sql_types::Integer, _>(FILE_LOCK_SPACE)
        .bind::<Text, _>(sha256)
        .execute(conn)?;
    Ok(())
}

pub fn insert(conn: &mut PgConnection, new: &NewAttachment<'_>) -> Result<AttachmentRow, DbError> {
    Ok(diesel::insert_into(attachments::table)
        .values(new)
        .returning(AttachmentRow::as_returning())
        .get_result(conn)?)
}

/// The uploads among `ids`, locked until the end of the transaction (two submissions naming
/// the same upload at once: the second waits, then sees it attached).
pub fn lock_many(conn: &mut PgConnection, ids: &[i64]) -> Result<Vec<AttachmentRow>, DbError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(attachments::table
        .filter(attachments::id.eq_any(ids))
        .select(AttachmentRow::as_select())
        .for_update()
        .load(conn)?)
}

/// Links `ids` (in this order) to every order of `orders` and marks them attached.
pub fn attach(conn: &mut PgConnection, orders: &[i64], ids: &[i64]) -> Result<(), DbError> {
    if ids.is_empty() {
        return Ok(());
    }
    let mut links = Vec::with_capacity(orders.len() * ids.len());
    for order in orders {
        for (position, id) in ids.iter().enumerate() {
            let position = i16::try_from(position)
                .map_err(|_| DbError::Other("too many attachments".into()))?;
            links.push((
                order_attachments::order_id.eq(*order),
                order_attachments::attachment_id.eq(*id),
                order_attachments::position.eq(position),
            ));
        }
    }
    diesel::insert_into(order_attachments::table)
        .values(&links)
        .execute(conn)?;
    diesel::update(attachments::table.filter(attachments::id.eq_any(ids)))
        .set(attachments::attached_at.eq(diesel::dsl::now))
        .execute(conn)?;
    Ok(())
}

/// An order's attachments with their position, in the order the submission listed them.
pub fn of_order(
    conn: &mut PgConnection,
    order_id: i64,
) -> Result<Vec<(AttachmentRow, i16)>, DbError> {
    Ok(order_attachments::table
        .inner_join(attachments::table)
        .filter(order_attachments::order_id.eq(order_id))
        .order(order_attachments::position.asc())
        .select((AttachmentRow::as_select(), order_attachments::position))
        .load(conn)?)
}

/// One attachment of one order, with its position; `None` when it is not on that order.
pub fn on_order(
    conn: &mut PgConnection,
    order_id: i64,
    attachment_id: i64,
) -> Result<Option<(AttachmentRow, i16)>, DbError> {
    Ok(order_attachments::table
        .inner_join(attachments::table)
        .filter(order_attachments::order_id.eq(order_id))
        .filter(order_attachments::attachment_id.eq(attachment_id))
        .select((AttachmentRow::as_select(), order_attachments::position))
        .first(conn)
        .optional()?)
}

/// Deletes the uploads no submission attached that were made before `cutoff`; answers the
/// hashes of their files (each once), which may now be unreferenced.
pub fn delete_unattached(
    conn: &mut PgConnection,
    cutoff: DateTime<Utc>,
) -> Result<Vec<String>, DbError> {
    let mut hashes: Vec<String> = diesel::delete(
        attachments::table
            .filter(attachments::attached_at.is_null())
            .filter(attachments::created_at.lt(cutoff)),
    )
    .returning(attachments::sha256)
    .get_results(conn)?;
    hashes.sort();
    hashes.dedup();
    Ok(hashes)
}

/// Whether any upload still names the file `sha256`.
pub fn referenced(conn: &mut PgConnection, sha256: &str) -> Result<bool, DbError> {
    Ok(diesel::select(diesel::dsl::exists(
        attachments::table.filter(attachments::sha256.eq(sha256)),
    ))
    .get_result(conn)?)
}
