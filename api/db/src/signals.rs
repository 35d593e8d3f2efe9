//! The counts behind the Art. 17 signals (`weiquan_domain::signals`), gathered in one
//! statement. Every part walks an index of migration `2026-11-29-000023_signals` and is
//! bounded, so a very common phone, address or category costs a fixed amount of work.

use chrono::NaiveDate;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Date, Integer, Nullable, Text};

use crate::DbError;

/// What to count for one complaint.
#[derive(Debug, Clone)]
pub struct Probe {
    pub order_id: i64,
    pub consumer_id: Option<i64>,
    pub received_on: NaiveDate,
    pub window_days: i32,
    pub phone: Option<String>,
    pub address_key: Option<String>,
    pub subject_category: Option<String>,
    /// How many of the latest amounts in the category the median is taken over.
    pub amount_sample: i64,
}

/// Distinct complainants counted per phone or address stop at this many rows scanned.
const SHARER_SCAN_LIMIT: i64 = 10_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, QueryableByName)]
pub struct Counts {
    #[diesel(sql_type = BigInt)]
    pub complaints_in_window: i64,
    #[diesel(sql_type = BigInt)]
    pub phone_sharers: i64,
    #[diesel(sql_type = BigInt)]
    pub address_sharers: i64,
    #[diesel(sql_type = Nullable<BigInt>)]
    pub category_median_fen: Option<i64>,
    #[diesel(sql_type = BigInt)]
    pub category_sample: i64,
}

pub fn gather(conn: &mut PgConnection, p: &Probe) -> Result<Counts, DbError> {
    Ok(diesel::sql_query(
        "SELECT \
           (SELECT count(*) FROM orders \
             WHERE kind = 'complaint' AND consumer_id = $1 \
               AND received_on BETWEEN $2 - $3 AND $2 + $3) AS complaints_in_window, \
           (SELECT count(DISTINCT s.user_id) FROM ( \
              SELECT pa.user_id FROM order_parties pa JOIN orders o ON o.id = pa.order_id \
              WHERE pa.phone = $4 AND pa.user_id IS NOT NULL AND o.kind = 'complaint' \
              LIMIT $9) s) AS phone_sharers, \
           (SELECT count(DISTINCT s.user_id) FROM ( \
              SELECT pa.user_id FROM order_parties pa JOIN orders o ON o.id = pa.order_id \
              WHERE pa.address_key = $5 AND pa.user_id IS NOT NULL AND o.kind = 'complaint' \
              LIMIT $9) s) AS address_sharers, \
           (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY s.amount_fen) FROM ( \
              SELECT amount_fen FROM order_appeals \
              WHERE subject_category = $6 AND amount_fen IS NOT NULL AND order_id <> $7 \
              ORDER BY order_id DESC LIMIT $8) s) AS category_median_fen, \
           (SELECT count(*) FROM ( \
              SELECT 1 FROM order_appeals \
              WHERE subject_category = $6 AND amount_fen IS NOT NULL AND order_id <> $7 \
              ORDER BY order_id DESC LIMIT $8) s) AS category_sample",
    )
    .bind::<Nullable<BigInt>, _>(p.consumer_id)
    .bind::<Date, _>(p.received_on)
    .bind::<Integer, _>(p.window_days)
    .bind::<Nullable<Text>, _>(p.phone.as_deref())
    .bind::<Nullable<Text>, _>(p.address_key.as_deref())
    .bind::<Nullable<Text>, _>(p.subject_category.as_deref())
    .bind::<BigInt, _>(p.order_id)
    .bind::<BigInt, _>(p.amount_sample)
    .bind::<BigInt, _>(SHARER_SCAN_LIMIT)
    .get_result(conn)?)
}
