//! The audit log's hash chains against a real database: appending, verifying, detecting
//! tampering, the append-only trigger, concurrency and pruning.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

mod audit_support;

use audit_support::{all_records, assert_intact, entry, exec};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Binary, Text};
use serde_json::json;
use weiquan_db::audit::{self, NewAuditEntry, Problem};
use weiquan_db::schema::audit_chain;
use weiquan_domain::audit::{AuditAction, AuditActor, ChainedFields, Outcome, chain_hash};
use weiquan_test_support::TestDatabase;

/// A connection on which triggers do not fire (superuser only): how an attacker with database
/// access, or a careless administrator, would change the log.
fn tamperer(db: &TestDatabase) -> PgConnection {
    let mut conn = db.connect();
    diesel::sql_query("SET session_replication_role = replica")
        .execute(&mut conn)
        .unwrap();
    conn
}

#[test]
fn appended_records_verify_and_read_back_whole_through_diesel() {
    let db = TestDatabase::create_blocking();
    let mut conn = db.connect();
    let empty = audit::verify(&mut conn).unwrap();
    assert_intact(&empty, 0);
    assert_eq!(empty.chains.len(), 32, "the migration creates 32 chains");
    let mut appended = Vec::new();
    for i in 0..30 {
        appended.push(audit::append(&mut conn, &entry(i)).unwrap());
    }
    // Bare entries too: no organisation, no address, empty detail.
    let bare = NewAuditEntry::new(
        AuditActor::anonymous(),
        AuditAction::SignInFailed,
        Outcome::Failure,
    );
    appended.push(audit::append(&mut conn, &bare).unwrap());
    assert_intact(&audit::verify(&mut conn).unwrap(), 31);

    // Selecting every column through diesel's schema proves schema.rs matches the table.
    let records = all_records(&mut conn);
    assert_eq!(records.len(), 31);
    let first = records.iter().find(|r| r.id == appended[0].id).unwrap();
    assert_eq!(first.org_path.as_deref(), Some("/1/44/4403/"));
    assert_eq!(first.ip, Some("203.0.113.0".parse().unwrap()));
    assert_eq!(first.detail["备注"], "调整为审核人");
    assert_eq!(first.detail["big"], 12345678901234567u64);
    assert_eq!(first.hash, appended[0].hash.to_vec());
    assert_eq!(
        (first.chain, first.seq),
        (appended[0].chain, appended[0].seq)
    );
    let second = records.iter().find(|r| r.id == appended[1].id).unwrap();
    assert_eq!(second.ip, Some("2001:db8::2".parse().unwrap()));
    let last = records
        .iter()
        .find(|r| r.action == "sign_in_failed")
        .unwrap();
    assert_eq!(
        (last.actor_kind.as_str(), last.ip, last.org_path.as_ref()),
        ("anonymous", None, None)
    );
    // Along a chain, ids and times increase with seq.
    for a in &appended {
        for b in appended
            .iter()
            .filter(|b| b.chain == a.chain && b.seq > a.seq)
        {
            assert!(b.id > a.id && b.at >= a.at, "{a:?} {b:?}");
        }
    }
    // Every column of audit_chain reads back too.
    type ChainRow = (i16, i64, Vec<u8>, i64, Vec<u8>, Option<DateTime<Utc>>);
    let chains: Vec<ChainRow> = audit_chain::table
        .select((
            audit_chain::chain,
            audit_chain::start_seq,
            audit_chain::start_hash,
            audit_chain::head_seq,
            audit_chain::head_hash,
            audit_chain::pruned_at,
        ))
        .load(&mut conn)
        .unwrap();
    assert_eq!(chains.iter().map(|c| c.3).sum::<i64>(), 31);
}

#[test]
fn one_transaction_keeps_to_one_chain_and_a_rollback_leaves_no_trace() {
    let db = TestDatabase::create_blocking();
    let mut conn = db.connect();
    let in_one: Vec<_> = conn
        .transaction::<_, weiquan_db::DbError, _>(|conn| {
            (0..5).map(|i| audit::append(conn, &entry(i))).collect()
        })
        .unwrap();
    assert!(in_one.iter().all(|a| a.chain == in_one[0].chain));
    let seqs: Vec<i64> = in_one.iter().map(|a| a.seq).collect();
    assert_eq!(seqs, [1, 2, 3, 4, 5]);
    // The next transaction chooses afresh (the setting is transaction-local).
    let rolled_back = conn.transaction::<(), weiquan_db::DbError, _>(|conn| {
        audit::append(conn, &entry(9))?;
        Err(weiquan_db::DbError::Other(
            "the audited change failed".into(),
        ))
    });
    assert!(rolled_back.is_err());
    assert_intact(&audit::verify(&mut conn).unwrap(), 5);
    assert_eq!(all_records(&mut conn).len(), 5);
}

#[test]
fn secrets_and_malformed_details_are_refused() {
    let db = TestDatabase::create_blocking();
    let mut conn = db.connect();
    let secret = entry(1).detail(json!({"new_password": "hunter2"}));
    assert!(audit::append(&mut conn, &secret).is_err());
    let huge = entry(1).detail(json!({"text": "长".repeat(6000)}));
    let err = audit::append(&mut conn, &huge).unwrap_err();
    assert!(err.to_string().contains("16384 bytes"), "{err}");
    assert_intact(&audit::verify(&mut conn).unwrap(), 0);
}

#[test]
fn update_delete_and_truncate_are_refused_by_the_database() {
    let db = TestDatabase::create_blocking();
    let mut conn = db.connect();
    let a = audit::append(&mut conn, &entry(1)).unwrap();
    for sql in [
        format!(
            "UPDATE audit_log SET subject = 'user:1' WHERE id = {}",
            a.id
        ),
        format!("DELETE FROM audit_log WHERE id = {}", a.id),
        "TRUNCATE audit_log CASCADE".to_owned(),
        format!("DELETE FROM audit_chain WHERE chain = {}", a.chain),
        "TRUNCATE audit_chain CASCADE".to_owned(),
        format!(
            "UPDATE audit_chain SET head_seq = 0 WHERE chain = {}",
            a.chain
        ),
        format!(
            "UPDATE audit_chain SET start_seq = 1 WHERE chain = {}",
            a.chain
        ),
    ] {
        let err = exec(&mut conn, &sql).unwrap_err().to_string();
        assert!(
            err.contains("append-only") || err.contains("audit chain") || err.contains("permanent"),
            "{sql}: {err}"
        );
    }
    // The prune setting does not open UPDATE, and a delete is refused without it.
    let err = conn
        .transaction::<_, diesel::result::Error, _>(|conn| {
            exec(conn, "SELECT set_config('weiquan.audit_prune', 'on', true)")?;
            exec(
                conn,
                &format!(
                    "UPDATE audit_log SET outcome = 'denied' WHERE id = {}",
                    a.id
                ),
            )
        })
        .unwrap_err();
    assert!(err.to_string().contains("append-only"), "{err}");
    assert_intact(&audit::verify(&mut conn).unwrap(), 1);
}

#[test]
fn a_changed_record_is_found_at_that_record() {
    let db = TestDatabase::create_blocking();
    let mut conn = db.connect();
    let appended: Vec<_> = (0..40)
        .map(|i| audit::append(&mut conn, &entry(i)).unwrap())
        .collect();
    let target = &appended[17];
    exec(
        &mut tamperer(&db),
        &format!(
            "UPDATE audit_log SET subject = 'user:666' WHERE id = {}",
            target.id
        ),
    )
    .unwrap();
    let report = audit::verify(&mut conn).unwrap();
    let broken: Vec<_> = report.broken().collect();
    assert_eq!(broken.len(), 1, "only the tampered chain: {broken:?}");
    let (chain, at) = broken[0];
    assert_eq!(chain.chain, target.chain);
    assert_eq!(
        (at.id, at.seq, &at.problem),
        (Some(target.id), target.seq, &Problem::HashMismatch)
    );
    assert_eq!(
        chain.checked,
        (target.seq - 1) as u64,
        "checked up to the break"
    );
    // A change to the detail (jsonb) of a record on another chain is found there as well.
    let other = appended.iter().find(|a| a.chain != target.chain).unwrap();
    exec(
        &mut tamperer(&db),
        &format!(
            "UPDATE audit_log SET detail = detail || '{{\"i\": -1}}' WHERE id = {}",
            other.id
        ),
    )
    .unwrap();
    let report = audit::verify(&mut conn).unwrap();
    assert_eq!(report.broken().count(), 2);
    assert!(
        report
            .broken()
            .any(|(_, b)| b.id == Some(other.id) && b.problem == Problem::HashMismatch)
    );
}

#[derive(QueryableByName)]
struct Hashed {
    #[diesel(sql_type = BigInt)]
    id: i64,
    #[diesel(sql_type = Binary)]
    prev_hash: Vec<u8>,
    #[diesel(sql_type = Text)]
    detail: String,
}

#[test]
fn a_rewritten_record_with_a_recomputed_hash_breaks_the_link_after_it() {
    let db = TestDatabase::create_blocking();
    let mut conn = db.connect();
    let in_one: Vec<_> = conn
        .transaction::<_, weiquan_db::DbError, _>(|conn| {
            (0..4).map(|i| audit::append(conn, &entry(i))).collect()
        })
        .unwrap();
    let victim = &in_one[1];
    let record = all_records(&mut conn)
        .into_iter()
        .find(|r| r.id == victim.id)
        .unwrap();
    let stored: Hashed = diesel::sql_query(
        "SELECT id, prev_hash, detail::text AS detail FROM audit_log WHERE id = $1",
    )
    .bind::<BigInt, _>(victim.id)
    .get_result(&mut conn)
    .unwrap();
    // The attacker changes the outcome and recomputes this record's hash correctly.
    let forged = chain_hash(
        &stored.prev_hash.as_slice().try_into().unwrap(),
        &ChainedFields {
            id: stored.id,
            chain: record.chain,
            seq: record.seq,
            at_micros: record.at.timestamp_micros(),
            actor_kind: &record.actor_kind,
            actor_user_id: record.actor_user_id,
            actor_client_id: record.actor_client_id,
            actor_org_id: record.actor_org_id,
            org_path: record.org_path.as_deref(),
            action: &record.action,
            outcome: "denied",
            ip: record.ip,
            user_agent: record.user_agent.as_deref(),
            subject: record.subject.as_deref(),
            detail: &stored.detail,
        },
    );
    diesel::sql_query("UPDATE audit_log SET outcome = 'denied', hash = $1 WHERE id = $2")
        .bind::<Binary, _>(forged.as_slice())
        .bind::<BigInt, _>(victim.id)
        .execute(&mut tamperer(&db))
        .unwrap();
    let report = audit::verify(&mut conn).unwrap();
    let (_, at) = report.broken().next().unwrap();
    assert_eq!(
        (at.id, &at.problem),
        (Some(in_one[2].id), &Problem::PrevHashMismatch)
    );
}

#[test]
fn a_deleted_record_and_a_truncated_chain_end_are_found() {
    let db = TestDatabase::create_blocking();
    let mut conn = db.connect();
    let chain_of = |conn: &mut PgConnection, n: i64| -> Vec<audit::Appended> {
        conn.transaction::<_, weiquan_db::DbError, _>(|conn| {
            (0..n).map(|i| audit::append(conn, &entry(i))).collect()
        })
        .unwrap()
    };
    let a = chain_of(&mut conn, 6);
    let b = loop {
        let b = chain_of(&mut conn, 3);
        if b[0].chain != a[0].chain {
            break b;
        }
    };
    let mut t = tamperer(&db);
    exec(
        &mut t,
        &format!("DELETE FROM audit_log WHERE id = {}", a[2].id),
    )
    .unwrap();
    exec(
        &mut t,
        &format!("DELETE FROM audit_log WHERE id = {}", b[2].id),
    )
    .unwrap();
    let report = audit::verify(&mut conn).unwrap();
    let find = |chain: i16| report.chains.iter().find(|c| c.chain == chain).unwrap();
    let gap = find(a[0].chain).broken.clone().unwrap();
    assert_eq!(
        (gap.id, gap.problem),
        (
            Some(a[3].id),
            Problem::Gap {
                expected_seq: a[2].seq
            }
        )
    );
    let tail = find(b[0].chain).broken.clone().unwrap();
    assert_eq!(tail.problem, Problem::MissingTail { last_seq: b[1].seq });
}

#[test]
fn pruning_keeps_chains_verifiable_and_is_itself_recorded() {
    let db = TestDatabase::create_blocking();
    let mut conn = db.connect();
    let old: Vec<_> = (0..60)
        .map(|i| audit::append(&mut conn, &entry(i)))
        .collect::<Result<_, _>>()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let cut: DateTime<Utc> =
        diesel::select(diesel::dsl::now.into_sql::<diesel::sql_types::Timestamptz>())
            .get_result(&mut conn)
            .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let kept: Vec<_> = (100..130)
        .map(|i| audit::append(&mut conn, &entry(i)))
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(old.iter().all(|a| a.at < cut) && kept.iter().all(|a| a.at > cut));

    let report = audit::prune(&mut conn, cut).unwrap();
    assert_eq!(report.deleted, 60);
    let after = audit::verify(&mut conn).unwrap();
    assert_intact(&after, 31);
    let records = all_records(&mut conn);
    assert!(records.iter().all(|r| r.at > cut));
    let pruned = records.iter().find(|r| r.action == "audit_pruned").unwrap();
    assert_eq!(pruned.detail["deleted"], 60);
    assert_eq!(pruned.actor_kind, "system");
    for (chain, start) in &report.anchors {
        let c = after.chains.iter().find(|c| c.chain == *chain).unwrap();
        assert_eq!(c.start_seq, *start);
    }
    // Again: nothing more to delete. Chains emptied entirely still take new records.
    assert_eq!(audit::prune(&mut conn, cut).unwrap().deleted, 0);
    for i in 0..40 {
        audit::append(&mut conn, &entry(200 + i)).unwrap();
    }
    assert_intact(&audit::verify(&mut conn).unwrap(), 71);
    // The anchor is checked: changing the first kept record of a pruned chain is found.
    let (chain, start) = report.anchors[0];
    let first_kept = all_records(&mut conn)
        .into_iter()
        .find(|r| r.chain == chain && r.seq == start + 1);
    if let Some(first_kept) = first_kept {
        exec(
            &mut tamperer(&db),
            &format!(
                "UPDATE audit_log SET prev_hash = hash WHERE id = {}",
                first_kept.id
            ),
        )
        .unwrap();
        let report = audit::verify(&mut conn).unwrap();
        let (_, at) = report.broken().next().unwrap();
        assert_eq!(
            (at.id, &at.problem),
            (Some(first_kept.id), &Problem::PrevHashMismatch)
        );
    }
}
