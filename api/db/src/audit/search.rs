//! Searching the log: by organisation subtree, actor, action, outcome and time, newest first,
//! with keyset paging on (at, id).

use std::net::IpAddr;

use chrono::{DateTime, Utc};
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use ipnet::IpNet;
use weiquan_domain::access::{OrgPath, UserId};
use weiquan_domain::audit::{AuditAction, Outcome};

use crate::DbError;
use crate::schema::audit_log;

/// What to look for; every field narrows the search.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    /// Records concerning this organisation or any below it.
    pub subtree: Option<OrgPath>,
    pub actor_user: Option<UserId>,
    pub action: Option<AuditAction>,
    pub outcome: Option<Outcome>,
    /// At or after.
    pub from: Option<DateTime<Utc>>,
    /// Before.
    pub until: Option<DateTime<Utc>>,
    /// Made from this address.
    pub ip: Option<IpAddr>,
}

/// The position after which the next page starts: the last record of the previous page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    pub at: DateTime<Utc>,
    pub id: i64,
}

impl Cursor {
    /// An opaque token for URLs: `<microseconds>.<id>`.
    pub fn token(&self) -> String {
        format!("{}.{}", self.at.timestamp_micros(), self.id)
    }

    pub fn parse(token: &str) -> Option<Self> {
        let (micros, id) = token.split_once('.')?;
        Some(Self {
            at: DateTime::from_timestamp_micros(micros.parse().ok()?)?,
            id: id.parse().ok()?,
        })
    }
}

/// One page to fetch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Keyset {
    pub after: Option<Cursor>,
    /// Clamped to 1..=200.
    pub limit: u32,
}

impl Keyset {
    pub fn first(limit: u32) -> Self {
        Self { after: None, limit }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Where the next page starts, if there is one.
    pub next: Option<Cursor>,
}

/// A stored record.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditRecord {
    pub id: i64,
    pub chain: i16,
    pub seq: i64,
    pub at: DateTime<Utc>,
    pub actor_kind: String,
    pub actor_user_id: Option<i64>,
    pub actor_client_id: Option<i64>,
    pub actor_org_id: Option<i64>,
    pub org_path: Option<String>,
    pub action: String,
    pub outcome: String,
    pub ip: Option<IpAddr>,
    pub user_agent: Option<String>,
    pub subject: Option<String>,
    pub detail: serde_json::Value,
    pub prev_hash: Vec<u8>,
    pub hash: Vec<u8>,
}

/// Every column, through diesel's schema: a test loading it proves schema.rs matches.
#[derive(Queryable, Selectable)]
#[diesel(table_name = audit_log)]
#[diesel(check_for_backend(diesel::pg::Pg))]
struct AuditRow {
    id: i64,
    chain: i16,
    seq: i64,
    at: DateTime<Utc>,
    actor_kind: String,
    actor_user_id: Option<i64>,
    actor_client_id: Option<i64>,
    actor_org_id: Option<i64>,
    org_path: Option<String>,
    action: String,
    outcome: String,
    ip: Option<IpNet>,
    user_agent: Option<String>,
    subject: Option<String>,
    detail: serde_json::Value,
    prev_hash: Vec<u8>,
    hash: Vec<u8>,
}

impl From<AuditRow> for AuditRecord {
    fn from(r: AuditRow) -> Self {
        Self {
            id: r.id,
            chain: r.chain,
            seq: r.seq,
            at: r.at,
            actor_kind: r.actor_kind,
            actor_user_id: r.actor_user_id,
            actor_client_id: r.actor_client_id,
            actor_org_id: r.actor_org_id,
            org_path: r.org_path,
            action: r.action,
            outcome: r.outcome,
            ip: r.ip.map(|net| net.addr()),
            user_agent: r.user_agent,
            subject: r.subject,
            detail: r.detail,
            prev_hash: r.prev_hash,
            hash: r.hash,
        }
    }
}

const MAX_LIMIT: u32 = 200;

fn query(filter: &AuditFilter, page: &Keyset) -> audit_log::BoxedQuery<'static, Pg> {
    let mut q = audit_log::table.into_boxed();
    if let Some(path) = &filter.subtree {
        // A path is digits and slashes only, so it holds no LIKE wildcards; its trailing
        // slash keeps `/1/4/` from matching `/1/44/`.
        q = q.filter(audit_log::org_path.like(format!("{}%", path.to_sql())));
    }
    if let Some(user) = filter.actor_user {
        q = q.filter(audit_log::actor_user_id.eq(user.0));
    }
    if let Some(action) = filter.action {
        q = q.filter(audit_log::action.eq(action.as_str()));
    }
    if let Some(outcome) = filter.outcome {
        q = q.filter(audit_log::outcome.eq(outcome.as_str()));
    }
    if let Some(ip) = filter.ip {
        q = q.filter(audit_log::ip.eq(IpNet::from(ip)));
    }
    if let Some(from) = filter.from {
        q = q.filter(audit_log::at.ge(from));
    }
    if let Some(until) = filter.until {
        q = q.filter(audit_log::at.lt(until));
    }
    if let Some(after) = page.after {
        // (at, id) < (after.at, after.id), written so the first part is an index range.
        q = q.filter(
            audit_log::at
                .le(after.at)
                .and(audit_log::at.lt(after.at).or(audit_log::id.lt(after.id))),
        );
    }
    q.order((audit_log::at.desc(), audit_log::id.desc()))
        .limit(i64::from(page.limit.clamp(1, MAX_LIMIT)) + 1)
}

/// One page of records matching `filter`, newest first. Callers scope `filter.subtree` to
/// what the actor may see (`weiquan_domain::access::Action::SearchAudit`).
pub fn search(
    conn: &mut PgConnection,
    filter: &AuditFilter,
    page: Keyset,
) -> Result<Page<AuditRecord>, DbError> {
    let limit = page.limit.clamp(1, MAX_LIMIT) as usize;
    let mut rows: Vec<AuditRow> = query(filter, &page)
        .select(AuditRow::as_select())
        .load(conn)?;
    let more = rows.len() > limit;
    rows.truncate(limit);
    let next = more
        .then(|| rows.last().map(|r| Cursor { at: r.at, id: r.id }))
        .flatten();
    Ok(Page {
        items: rows.into_iter().map(AuditRecord::from).collect(),
        next,
    })
}

/// PostgreSQL's plan for exactly the query [`search`] runs, one line per row, for tests and
/// diagnosis.
pub fn explain_search(
    conn: &mut PgConnection,
    filter: &AuditFilter,
    page: Keyset,
) -> Result<String, DbError> {
    let lines: Vec<String> =
        Explain(query(filter, &page).select(AuditRow::as_select())).load(conn)?;
    Ok(lines.join("\n"))
}

/// `EXPLAIN <query>` with the query's own bind parameters.
pub(crate) struct Explain<Q>(pub(crate) Q);

impl<Q> QueryId for Explain<Q> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<Q: QueryFragment<Pg>> QueryFragment<Pg> for Explain<Q> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_sql("EXPLAIN ");
        self.0.walk_ast(out.reborrow())
    }
}

impl<Q> Query for Explain<Q> {
    type SqlType = diesel::sql_types::Text;
}

impl<Q> RunQueryDsl<PgConnection> for Explain<Q> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_through_their_token() {
        let c = Cursor {
            at: DateTime::from_timestamp_micros(1_796_000_000_123_456).unwrap(),
            id: 42,
        };
        assert_eq!(c.token(), "1796000000123456.42");
        assert_eq!(Cursor::parse(&c.token()), Some(c));
        for bad in ["", "1", "x.1", "1.x", "1.2.3"] {
            assert_eq!(Cursor::parse(bad), None, "{bad}");
        }
    }
}
