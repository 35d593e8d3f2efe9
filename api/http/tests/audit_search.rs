//! Searching the audit log: subtree prefixes, filters, keyset paging, and index use.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use weiquan_db::audit::{self, AuditFilter, AuditRecord, Cursor, Keyset, NewAuditEntry};
use weiquan_domain::access::{OrgId, OrgPath, UserId};
use weiquan_domain::audit::{ActorKind, AuditAction, AuditActor, Outcome};
use weiquan_test_support::TestDatabase;

fn path(ids: &[i64]) -> OrgPath {
    OrgPath(ids.iter().map(|i| OrgId(*i)).collect())
}

fn by(user: i64) -> AuditActor {
    AuditActor {
        kind: ActorKind::Member,
        user: Some(UserId(user)),
        client: None,
        org: None,
    }
}

fn record(
    conn: &mut PgConnection,
    user: i64,
    org: &[i64],
    action: AuditAction,
    outcome: Outcome,
) -> audit::Appended {
    audit::append(
        conn,
        &NewAuditEntry::new(by(user), action, outcome)
            .org(&path(org))
            .subject(format!("user:{user}")),
    )
    .unwrap()
}

fn ids(records: &[AuditRecord]) -> HashSet<i64> {
    records.iter().map(|r| r.id).collect()
}

fn everything(conn: &mut PgConnection, filter: &AuditFilter, limit: u32) -> Vec<AuditRecord> {
    let mut out = Vec::new();
    let mut page = Keyset::first(limit);
    loop {
        let got = audit::search(conn, filter, page).unwrap();
        assert!(got.items.len() <= limit as usize);
        out.extend(got.items);
        match got.next {
            Some(next) => page.after = Some(next),
            None => return out,
        }
    }
}

#[test]
fn a_subtree_matches_its_descendants_but_never_a_sibling_whose_id_extends_it() {
    let db = TestDatabase::create_blocking();
    let mut conn = db.connect();
    let (s, f) = (AuditAction::SignIn, Outcome::Success);
    let four = record(&mut conn, 1, &[1, 4], s, f);
    let below_four = record(&mut conn, 2, &[1, 4, 40], s, f);
    let forty_four = record(&mut conn, 3, &[1, 44], s, f);
    let below_44 = record(&mut conn, 4, &[1, 44, 4403], s, f);
    let root = record(&mut conn, 5, &[1], s, f);
    let nowhere = audit::append(
        &mut conn,
        &NewAuditEntry::new(
            AuditActor::anonymous(),
            AuditAction::SignInFailed,
            Outcome::Failure,
        ),
    )
    .unwrap();
    let search = |conn: &mut PgConnection, org: &[i64]| {
        let filter = AuditFilter {
            subtree: Some(path(org)),
            ..AuditFilter::default()
        };
        ids(&everything(conn, &filter, 50))
    };
    assert_eq!(
        search(&mut conn, &[1, 4]),
        HashSet::from([four.id, below_four.id])
    );
    assert_eq!(
        search(&mut conn, &[1, 44]),
        HashSet::from([forty_four.id, below_44.id])
    );
    assert_eq!(
        search(&mut conn, &[1, 4, 40]),
        HashSet::from([below_four.id])
    );
    assert_eq!(
        search(&mut conn, &[1]).len(),
        5,
        "the root sees every organisation"
    );
    assert!(search(&mut conn, &[1]).contains(&root.id));
    let all = ids(&everything(&mut conn, &AuditFilter::default(), 50));
    assert!(
        all.contains(&nowhere.id) && all.len() == 6,
        "unscoped search sees all"
    );
}

#[test]
fn filters_combine_and_pages_run_newest_first_without_overlap() {
    let db = TestDatabase::create_blocking();
    let mut conn = db.connect();
    let mut appended = Vec::new();
    for i in 0..45i64 {
        let action = if i % 3 == 0 {
            AuditAction::SignInFailed
        } else {
            AuditAction::SignIn
        };
        let outcome = if i % 3 == 0 {
            Outcome::Failure
        } else {
            Outcome::Success
        };
        appended.push(record(&mut conn, i % 5, &[1, 44, 4403], action, outcome));
    }
    // Pages of 10: 5 pages, newest first, (at, id) strictly descending across pages.
    let all = everything(&mut conn, &AuditFilter::default(), 10);
    assert_eq!(all.len(), 45);
    assert!(
        all.windows(2)
            .all(|w| (w[0].at, w[0].id) > (w[1].at, w[1].id))
    );
    assert_eq!(ids(&all).len(), 45, "no record twice");
    // A page that ends exactly at the last record has no next page.
    let exact = audit::search(&mut conn, &AuditFilter::default(), Keyset::first(45)).unwrap();
    assert_eq!((exact.items.len(), exact.next), (45, None));

    let failures = AuditFilter {
        action: Some(AuditAction::SignInFailed),
        outcome: Some(Outcome::Failure),
        ..AuditFilter::default()
    };
    assert_eq!(everything(&mut conn, &failures, 4).len(), 15);
    let user_two = AuditFilter {
        actor_user: Some(UserId(2)),
        ..AuditFilter::default()
    };
    let mine = everything(&mut conn, &user_two, 3);
    assert_eq!(mine.len(), 9);
    assert!(mine.iter().all(|r| r.actor_user_id == Some(2)));

    // A time window [from, until): records 10..30 by their own timestamps.
    let from: DateTime<Utc> = appended[10].at;
    let until: DateTime<Utc> = appended[30].at;
    let window = AuditFilter {
        from: Some(from),
        until: Some(until),
        ..AuditFilter::default()
    };
    let got = everything(&mut conn, &window, 7);
    let expected: HashSet<i64> = appended
        .iter()
        .filter(|a| a.at >= from && a.at < until)
        .map(|a| a.id)
        .collect();
    assert_eq!(ids(&got), expected);
    assert!(expected.len() >= 20);
    // A cursor survives a round trip through its URL token.
    let first = audit::search(&mut conn, &AuditFilter::default(), Keyset::first(5)).unwrap();
    let token = first.next.unwrap().token();
    let again = audit::search(
        &mut conn,
        &AuditFilter::default(),
        Keyset {
            after: Cursor::parse(&token),
            limit: 5,
        },
    )
    .unwrap();
    assert_eq!(again.items[0].id, all[5].id);
}

/// Fills the table with `n` synthetic rows over 3,000 county-level organisations in 31
/// provinces, 5,000 users, 1% failed sign-ins, a row a second back in time. They are not
/// chained (this test is about search only), so they are written in one INSERT.
fn fill(conn: &mut PgConnection, n: i64) {
    diesel::sql_query(format!(
        "INSERT INTO audit_log (chain, seq, at, actor_kind, actor_user_id, org_path, action,
                                outcome, detail, prev_hash, hash, ip)
         SELECT i % 32, i / 32 + 1, now() - make_interval(secs => i), 'member', i % 5000,
                '/1/' || (11 + (i % 3000) % 31) || '/' || (1000 + i % 3000) || '/',
                CASE WHEN i % 100 = 0 THEN 'sign_in_failed' ELSE 'sign_in' END,
                'success', '{{}}', decode(repeat('00', 32), 'hex'), decode(repeat('00', 32), 'hex'),
                ('10.0.' || (i % 20000) / 250 || '.' || (i % 250))::inet
         FROM generate_series(0, {}) AS i",
        n - 1
    ))
    .execute(conn)
    .unwrap();
    diesel::sql_query("ANALYZE audit_log")
        .execute(conn)
        .unwrap();
}

#[test]
fn searches_use_the_indexes_on_a_table_of_realistic_size() {
    let db = TestDatabase::create_blocking();
    let mut conn = db.connect();
    fill(&mut conn, 120_000);
    let plan = |conn: &mut PgConnection, filter: AuditFilter| {
        audit::explain_search(conn, &filter, Keyset::first(50)).unwrap()
    };
    // One county's subtree: 40 rows of 120,000.
    let county = plan(
        &mut conn,
        AuditFilter {
            subtree: Some(path(&[1, 12, 1001])),
            ..AuditFilter::default()
        },
    );
    assert!(county.contains("audit_log_org_path_at_idx"), "{county}");
    assert!(!county.contains("Seq Scan"), "{county}");
    let user = plan(
        &mut conn,
        AuditFilter {
            actor_user: Some(UserId(42)),
            ..AuditFilter::default()
        },
    );
    assert!(user.contains("audit_log_actor_user_at_idx"), "{user}");
    let failed = plan(
        &mut conn,
        AuditFilter {
            action: Some(AuditAction::SignInFailed),
            ..AuditFilter::default()
        },
    );
    assert!(failed.contains("audit_log_action_at_idx"), "{failed}");
    // One address of 20,000.
    let address = plan(
        &mut conn,
        AuditFilter {
            ip: Some("10.0.3.7".parse().unwrap()),
            ..AuditFilter::default()
        },
    );
    assert!(address.contains("audit_log_ip_at_idx"), "{address}");
    // Everything, newest first, is read from the time index, not sorted.
    let recent = plan(&mut conn, AuditFilter::default());
    assert!(recent.contains("audit_log_at_idx"), "{recent}");
    // And the subtree results are right at this size: exactly the county's rows.
    let rows = everything(
        &mut conn,
        &AuditFilter {
            subtree: Some(path(&[1, 12, 1001])),
            ..AuditFilter::default()
        },
        200,
    );
    assert_eq!(rows.len(), 40);
    assert!(
        rows.iter()
            .all(|r| r.org_path.as_deref() == Some("/1/12/1001/"))
    );
}
