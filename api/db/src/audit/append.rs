//! Appending a record inside the caller's transaction.

use std::net::IpAddr;

use chrono::{DateTime, Utc};
use diesel::connection::{AnsiTransactionManager, TransactionManager};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Binary, Inet, Nullable, SmallInt, Text, Timestamptz};
use ipnet::IpNet;
use weiquan_domain::access::OrgPath;
use weiquan_domain::audit::{AuditAction, AuditActor, ChainedFields, Hash, Outcome, chain_hash};

use crate::DbError;

/// Longest user agent kept; longer ones are cut (they are free text sent by anyone).
const USER_AGENT_MAX_CHARS: usize = 512;
const SUBJECT_MAX_CHARS: usize = 200;
const DETAIL_MAX_BYTES: usize = 16 * 1024;
/// Keys that must never appear in `detail`, at any depth (matched case-insensitively as
/// substrings): the audit log is kept for years and read by many administrators.
const SECRET_KEYS: [&str; 5] = ["password", "secret", "token", "credential", "otp"];

/// A record to append: who, what, concerning which organisation and subject, from where,
/// with what outcome.
#[derive(Debug, Clone, PartialEq)]
pub struct NewAuditEntry {
    pub actor: AuditActor,
    /// The organisation the event concerns, for subtree search.
    pub org_path: Option<OrgPath>,
    pub action: AuditAction,
    pub outcome: Outcome,
    pub ip: Option<IpAddr>,
    pub user_agent: Option<String>,
    /// What was acted on, e.g. `user:42`, `client:7`, `org:4403`.
    pub subject: Option<String>,
    /// Anything else worth keeping, as a JSON object; never secrets.
    pub detail: serde_json::Value,
}

impl NewAuditEntry {
    pub fn new(actor: AuditActor, action: AuditAction, outcome: Outcome) -> Self {
        Self {
            actor,
            org_path: None,
            action,
            outcome,
            ip: None,
            user_agent: None,
            subject: None,
            detail: serde_json::Value::Object(serde_json::Map::new()),
        }
    }

    pub fn org(mut self, path: &OrgPath) -> Self {
        self.org_path = Some(path.clone());
        self
    }

    pub fn from_client(mut self, ip: Option<IpAddr>, user_agent: Option<&str>) -> Self {
        self.ip = ip;
        self.user_agent = user_agent.map(str::to_owned);
        self
    }

    pub fn subject(mut self, subject: impl Into<String>) -> Self {
        self.subject = Some(subject.into());
        self
    }

    pub fn detail(mut self, detail: serde_json::Value) -> Self {
        self.detail = detail;
        self
    }

    fn check(&self) -> Result<(), DbError> {
        let bad = |what: String| Err(DbError::Other(format!("audit entry refused: {what}")));
        if !self.detail.is_object() {
            return bad("detail must be a JSON object".into());
        }
        if let Some(key) = secret_key(&self.detail) {
            return bad(format!("detail key {key:?} looks like a secret"));
        }
        if self
            .subject
            .as_ref()
            .is_some_and(|s| s.chars().count() > SUBJECT_MAX_CHARS)
        {
            return bad(format!(
                "subject longer than {SUBJECT_MAX_CHARS} characters"
            ));
        }
        if let Some(path) = &self.org_path
            && path.0.is_empty()
        {
            return bad("empty organisation path".into());
        }
        Ok(())
    }
}

fn secret_key(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::Object(map) => map.iter().find_map(|(k, v)| {
            let lower = k.to_lowercase();
            if SECRET_KEYS.iter().any(|s| lower.contains(s)) {
                Some(k.clone())
            } else {
                secret_key(v)
            }
        }),
        serde_json::Value::Array(items) => items.iter().find_map(secret_key),
        _ => None,
    }
}

/// Where a record landed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Appended {
    pub id: i64,
    pub chain: i16,
    pub seq: i64,
    pub at: DateTime<Utc>,
    pub hash: Hash,
}

#[derive(QueryableByName)]
struct Locked {
    #[diesel(sql_type = SmallInt)]
    chain: i16,
    #[diesel(sql_type = BigInt)]
    head_seq: i64,
    #[diesel(sql_type = Binary)]
    head_hash: Vec<u8>,
    #[diesel(sql_type = BigInt)]
    id: i64,
    #[diesel(sql_type = Timestamptz)]
    at: DateTime<Utc>,
    #[diesel(sql_type = Text)]
    detail: String,
}

/// The chain this transaction already holds, else any chain nobody holds. The CTE is
/// materialised so that `nextval` and `clock_timestamp()` run once, after the lock is taken.
const LOCK_FREE_CHAIN: &str = "\
WITH c AS MATERIALIZED (
    SELECT chain, head_seq, head_hash FROM audit_chain
    WHERE NULLIF(current_setting('weiquan.audit_chain', true), '') IS NULL
       OR chain = NULLIF(current_setting('weiquan.audit_chain', true), '')::smallint
    ORDER BY random() LIMIT 1
    FOR UPDATE SKIP LOCKED)
SELECT c.chain, c.head_seq, c.head_hash,
       nextval(pg_get_serial_sequence('audit_log', 'id')) AS id,
       clock_timestamp() AS at, $1::jsonb::text AS detail
FROM c";

/// Every chain is busy: wait for a random one (this transaction holds none).
const LOCK_ANY_CHAIN: &str = "\
WITH c AS MATERIALIZED (
    SELECT chain, head_seq, head_hash FROM audit_chain
    ORDER BY random() LIMIT 1
    FOR UPDATE)
SELECT c.chain, c.head_seq, c.head_hash,
       nextval(pg_get_serial_sequence('audit_log', 'id')) AS id,
       clock_timestamp() AS at, $1::jsonb::text AS detail
FROM c";

/// Inserts the record and moves the chain's head in one statement, and remembers the chain
/// for the rest of the transaction.
const INSERT_AND_ADVANCE: &str = "\
WITH ins AS (
    INSERT INTO audit_log (id, chain, seq, at, actor_kind, actor_user_id, actor_client_id,
                           actor_org_id, org_path, action, outcome, ip, user_agent, subject,
                           detail, prev_hash, hash)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::jsonb, $16, $17)
    RETURNING chain, seq, hash)
UPDATE audit_chain SET head_seq = ins.seq, head_hash = ins.hash
FROM ins WHERE audit_chain.chain = ins.chain
RETURNING set_config('weiquan.audit_chain', audit_chain.chain::text, true) AS held";

#[derive(QueryableByName)]
struct Held {
    #[diesel(sql_type = Text)]
    #[expect(dead_code, reason = "only the presence of the row matters")]
    held: String,
}

/// Appends `entry` to a chain. Call it inside the transaction of the change it records, as
/// late as possible: the chain stays locked until that transaction ends. Outside a
/// transaction it opens its own.
pub fn append(conn: &mut PgConnection, entry: &NewAuditEntry) -> Result<Appended, DbError> {
    entry.check()?;
    let in_transaction = AnsiTransactionManager::transaction_manager_status_mut(conn)
        .transaction_depth()?
        .is_some();
    if in_transaction {
        append_locked(conn, entry)
    } else {
        conn.transaction(|conn| append_locked(conn, entry))
    }
}

fn append_locked(conn: &mut PgConnection, entry: &NewAuditEntry) -> Result<Appended, DbError> {
    let detail_json = serde_json::to_string(&entry.detail)
        .map_err(|e| DbError::Other(format!("audit detail: {e}")))?;
    let lock = |sql: &'static str, conn: &mut PgConnection| {
        diesel::sql_query(sql)
            .bind::<Text, _>(&detail_json)
            .get_result::<Locked>(conn)
            .optional()
    };
    let locked = match lock(LOCK_FREE_CHAIN, conn)? {
        Some(locked) => locked,
        None => lock(LOCK_ANY_CHAIN, conn)?
            .ok_or_else(|| DbError::Other("audit_chain has no rows".into()))?,
    };
    if locked.detail.len() > DETAIL_MAX_BYTES {
        return Err(DbError::Other(format!(
            "audit entry refused: detail longer than {DETAIL_MAX_BYTES} bytes"
        )));
    }
    let prev: Hash = locked
        .head_hash
        .as_slice()
        .try_into()
        .map_err(|_| DbError::Other(format!("audit chain {}: bad head hash", locked.chain)))?;
    let seq = locked.head_seq + 1;
    let org_path = entry.org_path.as_ref().map(OrgPath::to_sql);
    let user_agent = entry
        .user_agent
        .as_deref()
        .map(|ua| ua.chars().take(USER_AGENT_MAX_CHARS).collect::<String>());
    let fields = ChainedFields {
        id: locked.id,
        chain: locked.chain,
        seq,
        at_micros: locked.at.timestamp_micros(),
        actor_kind: entry.actor.kind.as_str(),
        actor_user_id: entry.actor.user.map(|u| u.0),
        actor_client_id: entry.actor.client.map(|c| c.0),
        actor_org_id: entry.actor.org.map(|o| o.0),
        org_path: org_path.as_deref(),
        action: entry.action.as_str(),
        outcome: entry.outcome.as_str(),
        ip: entry.ip,
        user_agent: user_agent.as_deref(),
        subject: entry.subject.as_deref(),
        detail: &locked.detail,
    };
    let hash = chain_hash(&prev, &fields);
    diesel::sql_query(INSERT_AND_ADVANCE)
        .bind::<BigInt, _>(fields.id)
        .bind::<SmallInt, _>(fields.chain)
        .bind::<BigInt, _>(seq)
        .bind::<Timestamptz, _>(locked.at)
        .bind::<Text, _>(fields.actor_kind)
        .bind::<Nullable<BigInt>, _>(fields.actor_user_id)
        .bind::<Nullable<BigInt>, _>(fields.actor_client_id)
        .bind::<Nullable<BigInt>, _>(fields.actor_org_id)
        .bind::<Nullable<Text>, _>(fields.org_path)
        .bind::<Text, _>(fields.action)
        .bind::<Text, _>(fields.outcome)
        .bind::<Nullable<Inet>, _>(entry.ip.map(IpNet::from))
        .bind::<Nullable<Text>, _>(fields.user_agent)
        .bind::<Nullable<Text>, _>(fields.subject)
        .bind::<Text, _>(fields.detail)
        .bind::<Binary, _>(prev.as_slice())
        .bind::<Binary, _>(hash.as_slice())
        .get_result::<Held>(conn)?;
    Ok(Appended {
        id: fields.id,
        chain: fields.chain,
        seq,
        at: locked.at,
        hash,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use weiquan_domain::audit::AuditActor;

    #[test]
    fn secrets_are_refused_at_any_depth() {
        let entry = |detail| {
            NewAuditEntry::new(
                AuditActor::system(),
                AuditAction::UserUpdated,
                Outcome::Success,
            )
            .detail(detail)
        };
        for detail in [
            serde_json::json!({"newPassword": "x"}),
            serde_json::json!({"changes": [{"client_secret": "x"}]}),
            serde_json::json!({"a": {"Access_Token": 1}}),
            serde_json::json!({"otp_code": "123456"}),
        ] {
            assert!(entry(detail.clone()).check().is_err(), "{detail}");
        }
        assert!(
            entry(serde_json::json!([1])).check().is_err(),
            "not an object"
        );
        assert!(
            entry(serde_json::json!({"roles": ["handler"], "reason": "password_wrong"}))
                .check()
                .is_ok(),
            "values are not keys"
        );
        let long = NewAuditEntry::new(AuditActor::system(), AuditAction::SignIn, Outcome::Success)
            .subject("x".repeat(201));
        assert!(long.check().is_err());
    }
}
