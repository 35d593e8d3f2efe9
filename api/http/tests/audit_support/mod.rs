//! Helpers shared by the audit test files.

use std::net::IpAddr;

use diesel::prelude::*;
use serde_json::json;
use weiquan_db::audit::{self, AuditFilter, AuditRecord, Keyset, NewAuditEntry, VerifyReport};
use weiquan_domain::access::{OrgId, OrgPath, UserId};
use weiquan_domain::audit::{ActorKind, AuditAction, AuditActor, Outcome};

fn path(ids: &[i64]) -> OrgPath {
    OrgPath(ids.iter().map(|i| OrgId(*i)).collect())
}

fn member(user: i64, org: i64) -> AuditActor {
    AuditActor {
        kind: ActorKind::Member,
        user: Some(UserId(user)),
        client: None,
        org: Some(OrgId(org)),
    }
}

/// A varied record: v4, v6 and no address; Chinese text; numbers jsonb keeps exactly.
pub fn entry(i: i64) -> NewAuditEntry {
    let ip: Option<IpAddr> = match i % 3 {
        0 => Some(format!("203.0.113.{}", i % 250).parse().unwrap()),
        1 => Some(format!("2001:db8::{:x}", i % 0xfff0 + 1).parse().unwrap()),
        _ => None,
    };
    NewAuditEntry::new(member(i, 4403), AuditAction::RoleChanged, Outcome::Success)
        .org(&path(&[1, 44, 4403]))
        .from_client(ip, Some("Mozilla/5.0 (iPhone) 微信"))
        .subject(format!("user:{}", i + 1000))
        .detail(json!({
            "from": ["handler"],
            "to": ["handler", "reviewer"],
            "i": i,
            "ratio": 1.0,
            "big": 12345678901234567u64,
            "备注": "调整为审核人",
            "nested": {"b": [1, {"a": null}], "a": true}
        }))
}

pub fn all_records(conn: &mut PgConnection) -> Vec<AuditRecord> {
    let mut out = Vec::new();
    let mut page = Keyset::first(200);
    loop {
        let got = audit::search(conn, &AuditFilter::default(), page).unwrap();
        out.extend(got.items);
        match got.next {
            Some(next) => page.after = Some(next),
            None => return out,
        }
    }
}

pub fn assert_intact(report: &VerifyReport, records: u64) {
    let broken: Vec<_> = report.broken().collect();
    assert!(broken.is_empty(), "{broken:?}");
    assert_eq!(report.checked(), records);
}

pub fn exec(conn: &mut PgConnection, sql: &str) -> QueryResult<usize> {
    diesel::sql_query(sql).execute(conn)
}
