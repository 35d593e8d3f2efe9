//! The dialogue of a work order: messages (append-only), the files they carry, and how far
//! each user has read (see the migration `2026-11-29-000030_dialogue`). Who may read and write
//! what is the domain's (`weiquan_domain::dialogue`); these queries take its answers as
//! arguments (`with_internal`).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Nullable, Text};

use crate::DbError;
use crate::attachments::AttachmentRow;
use crate::schema::{attachments, dialogue_reads, order_message_attachments, order_messages};

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = order_messages)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct MessageRow {
    pub id: i64,
    pub order_id: i64,
    pub author_user_id: Option<i64>,
    pub author_client_id: Option<i64>,
    pub author_party: String,
    pub author_org_id: Option<i64>,
    pub internal: bool,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = order_messages)]
pub struct NewMessage<'a> {
    pub order_id: i64,
    pub author_user_id: Option<i64>,
    pub author_client_id: Option<i64>,
    pub author_party: &'a str,
    pub author_org_id: Option<i64>,
    pub internal: bool,
    pub body: &'a str,
}

/// Holds the order row against changes until the end of the transaction, so that a message
/// is never written into a dialogue that is closing at the same moment: the state change
/// waits for the message, or the message sees the new state.
pub fn lock_order_shared(conn: &mut PgConnection, order_id: i64) -> Result<bool, DbError> {
    #[derive(QueryableByName)]
    struct Found {
        #[diesel(sql_type = BigInt)]
        #[expect(dead_code, reason = "only its presence matters")]
        id: i64,
    }
    Ok(
        diesel::sql_query("SELECT id FROM orders WHERE id = $1 FOR SHARE")
            .bind::<BigInt, _>(order_id)
            .get_result::<Found>(conn)
            .optional()?
            .is_some(),
    )
}

pub fn insert(conn: &mut PgConnection, new: &NewMessage<'_>) -> Result<MessageRow, DbError> {
    Ok(diesel::insert_into(order_messages::table)
        .values(new)
        .returning(MessageRow::as_returning())
        .get_result(conn)?)
}

/// Links uploads (in this order) to a message and marks those not yet used as attached, so
/// that pruning keeps them.
pub fn attach(conn: &mut PgConnection, message_id: i64, ids: &[i64]) -> Result<(), DbError> {
    if ids.is_empty() {
        return Ok(());
    }
    let mut links = Vec::with_capacity(ids.len());
    for (position, id) in ids.iter().enumerate() {
        let position =
            i16::try_from(position).map_err(|_| DbError::Other("too many attachments".into()))?;
        links.push((
            order_message_attachments::message_id.eq(message_id),
            order_message_attachments::attachment_id.eq(*id),
            order_message_attachments::position.eq(position),
        ));
    }
    diesel::insert_into(order_message_attachments::table)
        .values(&links)
        .execute(conn)?;
    diesel::update(
        attachments::table
            .filter(attachments::id.eq_any(ids))
            .filter(attachments::attached_at.is_null()),
    )
    .set(attachments::attached_at.eq(diesel::dsl::now))
    .execute(conn)?;
    Ok(())
}

/// Messages of an order with ids after `after`, oldest first, at most `limit`; internal notes
/// only `with_internal`.
pub fn page(
    conn: &mut PgConnection,
    order_id: i64,
    after: i64,
    limit: i64,
    with_internal: bool,
) -> Result<Vec<MessageRow>, DbError> {
    let mut query = order_messages::table
        .filter(order_messages::order_id.eq(order_id))
        .filter(order_messages::id.gt(after))
        .into_boxed();
    if !with_internal {
        query = query.filter(order_messages::internal.eq(false));
    }
    Ok(query
        .order(order_messages::id.asc())
        .limit(limit)
        .select(MessageRow::as_select())
        .load(conn)?)
}

/// The files of these messages: (message id, upload, position), in position order.
pub fn attachments_of(
    conn: &mut PgConnection,
    message_ids: &[i64],
) -> Result<Vec<(i64, AttachmentRow, i16)>, DbError> {
    if message_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(order_message_attachments::table
        .inner_join(attachments::table)
        .filter(order_message_attachments::message_id.eq_any(message_ids))
        .order((
            order_message_attachments::message_id.asc(),
            order_message_attachments::position.asc(),
        ))
        .select((
            order_message_attachments::message_id,
            AttachmentRow::as_select(),
            order_message_attachments::position,
        ))
        .load(conn)?)
}

/// One upload carried by a message of this order, with its position and whether every
/// message carrying it is internal (a file shared in public and in a note counts as public).
/// `None` when no message of the order carries it.
pub fn message_attachment(
    conn: &mut PgConnection,
    order_id: i64,
    attachment_id: i64,
) -> Result<Option<(AttachmentRow, i16, bool)>, DbError> {
    Ok(order_message_attachments::table
        .inner_join(attachments::table)
        .inner_join(order_messages::table)
        .filter(order_messages::order_id.eq(order_id))
        .filter(order_message_attachments::attachment_id.eq(attachment_id))
        .order(order_messages::internal.asc())
        .select((
            AttachmentRow::as_select(),
            order_message_attachments::position,
            order_messages::internal,
        ))
        .first(conn)
        .optional()?)
}

/// The newest message id of an order (internal notes only `with_internal`).
pub fn latest_id(
    conn: &mut PgConnection,
    order_id: i64,
    with_internal: bool,
) -> Result<Option<i64>, DbError> {
    let mut query = order_messages::table
        .filter(order_messages::order_id.eq(order_id))
        .into_boxed();
    if !with_internal {
        query = query.filter(order_messages::internal.eq(false));
    }
    Ok(query
        .select(diesel::dsl::max(order_messages::id))
        .first::<Option<i64>>(conn)?)
}

/// Who is reading: a user (with read marks) or an API client (without).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reader {
    pub user_id: Option<i64>,
    pub client_id: Option<i64>,
    pub with_internal: bool,
}

/// Messages of an order after `after` that `reader` did not write themselves.
pub fn unread_count(
    conn: &mut PgConnection,
    order_id: i64,
    after: i64,
    reader: Reader,
) -> Result<i64, DbError> {
    #[derive(QueryableByName)]
    struct N {
        #[diesel(sql_type = BigInt)]
        n: i64,
    }
    let n: N = diesel::sql_query(
        "SELECT count(*) AS n FROM order_messages m \
         WHERE m.order_id = $1 AND m.id > $2 AND (NOT m.internal OR $3) \
           AND (m.author_user_id IS NULL OR m.author_user_id <> $4) \
           AND (m.author_client_id IS NULL OR m.author_client_id <> $5)",
    )
    .bind::<BigInt, _>(order_id)
    .bind::<BigInt, _>(after)
    .bind::<Bool, _>(reader.with_internal)
    .bind::<BigInt, _>(reader.user_id.unwrap_or(-1))
    .bind::<BigInt, _>(reader.client_id.unwrap_or(-1))
    .get_result(conn)?;
    Ok(n.n)
}

/// How far `user_id` has read an order's dialogue.
pub fn read_mark(
    conn: &mut PgConnection,
    order_id: i64,
    user_id: i64,
) -> Result<Option<i64>, DbError> {
    Ok(dialogue_reads::table
        .filter(dialogue_reads::order_id.eq(order_id))
        .filter(dialogue_reads::user_id.eq(user_id))
        .select(dialogue_reads::read_up_to)
        .first(conn)
        .optional()?)
}

/// Per party, the furthest any of its users has read (read receipts).
pub fn receipts(conn: &mut PgConnection, order_id: i64) -> Result<Vec<(String, i64)>, DbError> {
    let rows: Vec<(String, Option<i64>)> = dialogue_reads::table
        .filter(dialogue_reads::order_id.eq(order_id))
        .group_by(dialogue_reads::party)
        .select((
            dialogue_reads::party,
            diesel::dsl::max(dialogue_reads::read_up_to),
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(party, max)| max.map(|m| (party, m)))
        .collect())
}

/// Moves `user_id`'s read mark forward to `up_to` (never back); whether it moved.
pub fn mark_read(
    conn: &mut PgConnection,
    order_id: i64,
    user_id: i64,
    party: &str,
    up_to: i64,
) -> Result<bool, DbError> {
    let n = diesel::sql_query(
        "INSERT INTO dialogue_reads (order_id, user_id, party, read_up_to) \
         VALUES ($1, $2, $3, $4) \
         ON CONFLICT (order_id, user_id) DO UPDATE \
         SET read_up_to = excluded.read_up_to, party = excluded.party, updated_at = now() \
         WHERE dialogue_reads.read_up_to < excluded.read_up_to",
    )
    .bind::<BigInt, _>(order_id)
    .bind::<BigInt, _>(user_id)
    .bind::<Text, _>(party)
    .bind::<BigInt, _>(up_to)
    .execute(conn)?;
    Ok(n > 0)
}

/// Whose dialogues an unread summary covers (see `unread_summary`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnreadScope {
    /// The orders a consumer filed.
    Filer { user_id: i64 },
    /// The complaints about an ODR enterprise.
    Business { org_id: i64 },
    /// The open orders a unit holds (`holder_path` is its path) or mediates as the delegated
    /// association.
    Unit { org_id: i64, path: String },
}

/// The orders in `scope` with messages `reader` has not read, and how many each (at most 500
/// orders, lowest id first). Driven by the scope's orders (each an index range), then one
/// index probe of `order_messages_order_idx` per order.
pub fn unread_summary(
    conn: &mut PgConnection,
    scope: &UnreadScope,
    reader: Reader,
) -> Result<Vec<(i64, i64)>, DbError> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = BigInt)]
        order_id: i64,
        #[diesel(sql_type = BigInt)]
        unread: i64,
    }
    const OPEN: &str = "('received', 'with_enterprise', 'accepted', 'mediating', 'checking')";
    let candidates = match scope {
        UnreadScope::Filer { .. } => "SELECT id FROM orders WHERE filed_by = $4".to_owned(),
        UnreadScope::Business { .. } => "SELECT id FROM orders WHERE business_org_id = $4 \
             AND kind = 'complaint' AND business_odr"
            .to_owned(),
        UnreadScope::Unit { .. } => format!(
            "SELECT id FROM orders WHERE holder_path = $5 AND state IN {OPEN} \
             UNION SELECT id FROM orders WHERE mediator_org_id = $4 AND state IN {OPEN}"
        ),
    };
    let (key, path) = match scope {
        UnreadScope::Filer { user_id } => (*user_id, None),
        UnreadScope::Business { org_id } => (*org_id, None),
        UnreadScope::Unit { org_id, path } => (*org_id, Some(path.clone())),
    };
    let sql = format!(
        "WITH candidates AS ({candidates}), \
         counted AS ( \
           SELECT c.id AS order_id, ( \
             SELECT count(*) FROM order_messages m \
             WHERE m.order_id = c.id \
               AND m.id > COALESCE((SELECT r.read_up_to FROM dialogue_reads r \
                                    WHERE r.order_id = c.id AND r.user_id = $1), 0) \
               AND (NOT m.internal OR $2) \
               AND (m.author_user_id IS NULL OR m.author_user_id <> $1) \
               AND (m.author_client_id IS NULL OR m.author_client_id <> $3) \
           ) AS unread \
           FROM candidates c \
           WHERE EXISTS (SELECT 1 FROM order_messages e WHERE e.order_id = c.id) \
         ) \
         SELECT order_id, unread FROM counted WHERE unread > 0 ORDER BY order_id LIMIT 500"
    );
    let rows: Vec<Row> = diesel::sql_query(sql)
        .bind::<BigInt, _>(reader.user_id.unwrap_or(-1))
        .bind::<Bool, _>(reader.with_internal)
        .bind::<BigInt, _>(reader.client_id.unwrap_or(-1))
        .bind::<BigInt, _>(key)
        .bind::<Nullable<Text>, _>(path)
        .load(conn)?;
    Ok(rows.into_iter().map(|r| (r.order_id, r.unread)).collect())
}
