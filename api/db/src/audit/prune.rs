//! Retention: deleting the oldest records while keeping every chain verifiable.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Binary, Bool, SmallInt, Timestamptz};
use weiquan_domain::audit::{AuditAction, AuditActor, Outcome};

use super::{NewAuditEntry, append};
use crate::DbError;
use crate::schema::audit_chain;

/// Records deleted per transaction: each batch holds its chain's lock only briefly (appends
/// skip a locked chain), and no transaction grows with the size of the backlog.
const BATCH: i64 = 5000;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PruneReport {
    pub deleted: u64,
    /// The chains whose anchor moved, with their new `start_seq`.
    pub anchors: Vec<(i16, i64)>,
}

#[derive(QueryableByName)]
struct Candidate {
    #[diesel(sql_type = BigInt)]
    seq: i64,
    #[diesel(sql_type = Binary)]
    hash: Vec<u8>,
    #[diesel(sql_type = Bool)]
    old: bool,
}

/// Deletes, from each chain, the records before the first one at or after `older_than`. Only a
/// prefix of a chain is ever removed, so what is kept still links up: the kept part's first
/// `prev_hash` becomes the chain's anchor. Appends an `audit_pruned` record when anything was
/// deleted. Opens its own transactions: do not call it inside one.
pub fn prune(conn: &mut PgConnection, older_than: DateTime<Utc>) -> Result<PruneReport, DbError> {
    let chains: Vec<i16> = audit_chain::table
        .select(audit_chain::chain)
        .order(audit_chain::chain)
        .load(conn)?;
    let mut report = PruneReport::default();
    for chain in chains {
        let mut moved_to = None;
        loop {
            let (deleted, start, more) =
                conn.transaction(|conn| prune_batch(conn, chain, older_than))?;
            report.deleted += deleted;
            if deleted > 0 {
                moved_to = Some(start);
            }
            if !more {
                break;
            }
        }
        if let Some(start) = moved_to {
            report.anchors.push((chain, start));
        }
    }
    if report.deleted > 0 {
        append(
            conn,
            &NewAuditEntry::new(
                AuditActor::system(),
                AuditAction::AuditPruned,
                Outcome::Success,
            )
            .detail(serde_json::json!({
                "deleted": report.deleted,
                "older_than": older_than.to_rfc3339(),
                "chains": report.anchors.len(),
            })),
        )?;
    }
    Ok(report)
}

/// One batch of one chain: returns (deleted, new start_seq, whether to continue).
fn prune_batch(
    conn: &mut PgConnection,
    chain: i16,
    older_than: DateTime<Utc>,
) -> Result<(u64, i64, bool), DbError> {
    diesel::sql_query("SELECT set_config('weiquan.audit_prune', 'on', true)").execute(conn)?;
    let start: i64 = audit_chain::table
        .find(chain)
        .select(audit_chain::start_seq)
        .for_update()
        .first(conn)?;
    let candidates: Vec<Candidate> = diesel::sql_query(
        "SELECT seq, hash, at < $3 AS old FROM audit_log \
         WHERE chain = $1 AND seq > $2 ORDER BY seq LIMIT $4",
    )
    .bind::<SmallInt, _>(chain)
    .bind::<BigInt, _>(start)
    .bind::<Timestamptz, _>(older_than)
    .bind::<BigInt, _>(BATCH)
    .load(conn)?;
    let full = candidates.len() as i64 == BATCH;
    let old: Vec<&Candidate> = candidates.iter().take_while(|c| c.old).collect();
    let Some(cut) = old.last() else {
        return Ok((0, start, false));
    };
    let deleted =
        diesel::sql_query("DELETE FROM audit_log WHERE chain = $1 AND seq > $2 AND seq <= $3")
            .bind::<SmallInt, _>(chain)
            .bind::<BigInt, _>(start)
            .bind::<BigInt, _>(cut.seq)
            .execute(conn)?;
    diesel::update(audit_chain::table.find(chain))
        .set((
            audit_chain::start_seq.eq(cut.seq),
            audit_chain::start_hash.eq(&cut.hash),
            audit_chain::pruned_at.eq(diesel::dsl::now),
        ))
        .execute(conn)?;
    let more = full && old.len() == candidates.len();
    Ok((deleted as u64, cut.seq, more))
}
