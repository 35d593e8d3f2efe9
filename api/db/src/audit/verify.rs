//! Walking every chain and checking each link.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Binary, Inet, Nullable, SmallInt, Text, Timestamptz};
use ipnet::IpNet;
use weiquan_domain::audit::{ChainedFields, GENESIS, Hash, chain_hash};

use crate::DbError;
use crate::schema::audit_chain;

/// Records read per query: enough to amortise the round trip, small enough that a chain of
/// millions is walked in constant memory.
const BATCH: i64 = 2000;

/// What is wrong at the first broken place of a chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The record's content does not match its hash: it was changed.
    HashMismatch,
    /// The record does not point at its predecessor's hash: the predecessor was changed or
    /// replaced, or (for the first kept record) the anchor does not match.
    PrevHashMismatch,
    /// Records are missing before this one: `expected_seq` was due, this one was found.
    Gap { expected_seq: i64 },
    /// The chain ends at `last_seq` but its head says more records were appended.
    MissingTail { last_seq: i64 },
    /// The last record is not the one the head names.
    HeadMismatch,
    /// Records exist beyond the head (inserted behind the append path's back).
    BeyondHead,
}

/// The first broken place of a chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Break {
    /// The record where the chain breaks (none when records are missing at the end).
    pub id: Option<i64>,
    pub seq: i64,
    pub problem: Problem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainReport {
    pub chain: i16,
    /// Records up to this were pruned.
    pub start_seq: i64,
    pub head_seq: i64,
    pub head_hash: Vec<u8>,
    /// Records checked (up to the break, if any).
    pub checked: u64,
    pub broken: Option<Break>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VerifyReport {
    pub chains: Vec<ChainReport>,
}

impl VerifyReport {
    pub fn is_intact(&self) -> bool {
        self.chains.iter().all(|c| c.broken.is_none())
    }

    pub fn checked(&self) -> u64 {
        self.chains.iter().map(|c| c.checked).sum()
    }

    pub fn broken(&self) -> impl Iterator<Item = (&ChainReport, &Break)> {
        self.chains
            .iter()
            .filter_map(|c| c.broken.as_ref().map(|b| (c, b)))
    }
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = audit_chain)]
#[diesel(check_for_backend(diesel::pg::Pg))]
struct ChainRow {
    start_seq: i64,
    start_hash: Vec<u8>,
    head_seq: i64,
    head_hash: Vec<u8>,
}

#[derive(QueryableByName)]
struct LinkRow {
    #[diesel(sql_type = BigInt)]
    id: i64,
    #[diesel(sql_type = BigInt)]
    seq: i64,
    #[diesel(sql_type = Timestamptz)]
    at: DateTime<Utc>,
    #[diesel(sql_type = Text)]
    actor_kind: String,
    #[diesel(sql_type = Nullable<BigInt>)]
    actor_user_id: Option<i64>,
    #[diesel(sql_type = Nullable<BigInt>)]
    actor_client_id: Option<i64>,
    #[diesel(sql_type = Nullable<BigInt>)]
    actor_org_id: Option<i64>,
    #[diesel(sql_type = Nullable<Text>)]
    org_path: Option<String>,
    #[diesel(sql_type = Text)]
    action: String,
    #[diesel(sql_type = Text)]
    outcome: String,
    #[diesel(sql_type = Nullable<Inet>)]
    ip: Option<IpNet>,
    #[diesel(sql_type = Nullable<Text>)]
    user_agent: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    subject: Option<String>,
    #[diesel(sql_type = Text)]
    detail: String,
    #[diesel(sql_type = Binary)]
    prev_hash: Vec<u8>,
    #[diesel(sql_type = Binary)]
    hash: Vec<u8>,
}

impl LinkRow {
    fn recompute(&self, chain: i16) -> Hash {
        let prev: Hash = self.prev_hash.as_slice().try_into().unwrap_or(GENESIS);
        chain_hash(
            &prev,
            &ChainedFields {
                id: self.id,
                chain,
                seq: self.seq,
                at_micros: self.at.timestamp_micros(),
                actor_kind: &self.actor_kind,
                actor_user_id: self.actor_user_id,
                actor_client_id: self.actor_client_id,
                actor_org_id: self.actor_org_id,
                org_path: self.org_path.as_deref(),
                action: &self.action,
                outcome: &self.outcome,
                ip: self.ip.map(|net| net.addr()),
                user_agent: self.user_agent.as_deref(),
                subject: self.subject.as_deref(),
                detail: &self.detail,
            },
        )
    }
}

const LINKS: &str = "\
SELECT id, seq, at, actor_kind, actor_user_id, actor_client_id, actor_org_id, org_path,
       action, outcome, ip, user_agent, subject, detail::text AS detail, prev_hash, hash
FROM audit_log
WHERE chain = $1 AND seq > $2 AND seq <= $3
ORDER BY seq
LIMIT $4";

#[derive(QueryableByName)]
struct Exists {
    #[diesel(sql_type = diesel::sql_types::Bool)]
    found: bool,
}

/// Checks every chain from its anchor to its head, reading in batches. Each chain is read in
/// one `REPEATABLE READ` snapshot, so appends and pruning running meanwhile do not confuse it.
/// Opens its own transactions: do not call it inside one.
pub fn verify(conn: &mut PgConnection) -> Result<VerifyReport, DbError> {
    let chains: Vec<i16> = audit_chain::table
        .select(audit_chain::chain)
        .order(audit_chain::chain)
        .load(conn)?;
    let mut report = VerifyReport::default();
    for chain in chains {
        let checked = conn
            .build_transaction()
            .repeatable_read()
            .read_only()
            .run(|conn| verify_chain(conn, chain))?;
        report.chains.push(checked);
    }
    Ok(report)
}

fn verify_chain(conn: &mut PgConnection, chain: i16) -> Result<ChainReport, DbError> {
    let row: ChainRow = audit_chain::table
        .find(chain)
        .select(ChainRow::as_select())
        .first(conn)?;
    let mut report = ChainReport {
        chain,
        start_seq: row.start_seq,
        head_seq: row.head_seq,
        head_hash: row.head_hash.clone(),
        checked: 0,
        broken: None,
    };
    let mut expected_prev = row.start_hash.clone();
    let mut last_seq = row.start_seq;
    let broken = |id, seq, problem| Some(Break { id, seq, problem });
    'walk: loop {
        let links: Vec<LinkRow> = diesel::sql_query(LINKS)
            .bind::<SmallInt, _>(chain)
            .bind::<BigInt, _>(last_seq)
            .bind::<BigInt, _>(row.head_seq)
            .bind::<BigInt, _>(BATCH)
            .load(conn)?;
        let full = links.len() as i64 == BATCH;
        for link in links {
            let problem = if link.seq != last_seq + 1 {
                Some(Problem::Gap {
                    expected_seq: last_seq + 1,
                })
            } else if link.prev_hash != expected_prev {
                Some(Problem::PrevHashMismatch)
            } else if link.recompute(chain).as_slice() != link.hash.as_slice() {
                Some(Problem::HashMismatch)
            } else {
                None
            };
            if let Some(problem) = problem {
                report.broken = broken(Some(link.id), link.seq, problem);
                break 'walk;
            }
            report.checked += 1;
            last_seq = link.seq;
            expected_prev = link.hash;
        }
        if !full {
            break;
        }
    }
    if report.broken.is_none() {
        report.broken = if last_seq < row.head_seq {
            broken(None, last_seq + 1, Problem::MissingTail { last_seq })
        } else if expected_prev != row.head_hash {
            broken(None, last_seq, Problem::HeadMismatch)
        } else if beyond_head(conn, chain, row.head_seq)? {
            broken(None, row.head_seq + 1, Problem::BeyondHead)
        } else {
            None
        };
    }
    Ok(report)
}

fn beyond_head(conn: &mut PgConnection, chain: i16, head_seq: i64) -> Result<bool, DbError> {
    let row: Exists = diesel::sql_query(
        "SELECT EXISTS (SELECT 1 FROM audit_log WHERE chain = $1 AND seq > $2) AS found",
    )
    .bind::<SmallInt, _>(chain)
    .bind::<BigInt, _>(head_seq)
    .get_result(conn)?;
    Ok(row.found)
}
