//! The audit log under concurrency: many threads appending, every chain busy, and a
//! REPEATABLE READ transaction racing an append.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

mod audit_support;

use std::collections::HashSet;

use audit_support::{all_records, assert_intact, entry, exec};
use diesel::prelude::*;
use weiquan_db::audit;
use weiquan_test_support::TestDatabase;

#[test]
fn concurrent_appends_from_many_threads_keep_every_chain_valid() {
    let db = TestDatabase::create_blocking();
    const THREADS: i64 = 8;
    const TRANSACTIONS: i64 = 25;
    std::thread::scope(|s| {
        for t in 0..THREADS {
            let db = &db;
            s.spawn(move || {
                let mut conn = db.connect();
                for i in 0..TRANSACTIONS {
                    // Some transactions append twice, as an audited change plus a side effect.
                    let n = 1 + (i % 2);
                    conn.transaction::<_, weiquan_db::DbError, _>(|conn| {
                        for k in 0..n {
                            audit::append(conn, &entry(t * 1000 + i * 10 + k))?;
                        }
                        Ok(())
                    })
                    .unwrap();
                }
            });
        }
    });
    let mut conn = db.connect();
    let expected = THREADS * (TRANSACTIONS + TRANSACTIONS / 2);
    let report = audit::verify(&mut conn).unwrap();
    assert_intact(&report, expected as u64);
    let records = all_records(&mut conn);
    let ids: HashSet<i64> = records.iter().map(|r| r.id).collect();
    assert_eq!(ids.len() as i64, expected);
    let used = report.chains.iter().filter(|c| c.head_seq > 0).count();
    assert!(used > 1, "appends spread over chains: {used}");
}

/// Locks every chain but `free` (or all when `None`) until `COMMIT` on the returned connection.
fn hold_chains(db: &TestDatabase, free: Option<i16>) -> PgConnection {
    let mut holder = db.connect();
    exec(&mut holder, "BEGIN").unwrap();
    let free = free.map_or(-1, i64::from);
    exec(
        &mut holder,
        &format!("SELECT chain FROM audit_chain WHERE chain <> {free} FOR UPDATE"),
    )
    .unwrap();
    holder
}

#[test]
fn when_every_chain_is_busy_appends_wait_and_then_succeed_without_deadlock() {
    let db = TestDatabase::create_blocking();
    let mut holder = hold_chains(&db, None);
    let started = std::time::Instant::now();
    std::thread::scope(|s| {
        let workers: Vec<_> = (0..4)
            .map(|t| {
                let db = &db;
                s.spawn(move || {
                    let mut conn = db.connect();
                    conn.transaction::<_, weiquan_db::DbError, _>(|conn| {
                        audit::append(conn, &entry(t))?;
                        audit::append(conn, &entry(t + 100))
                    })
                    .unwrap();
                    started.elapsed()
                })
            })
            .collect();
        std::thread::sleep(std::time::Duration::from_millis(400));
        exec(&mut holder, "COMMIT").unwrap();
        for w in workers {
            let waited = w.join().unwrap();
            assert!(
                waited >= std::time::Duration::from_millis(350),
                "{waited:?}"
            );
        }
    });
    let mut conn = db.connect();
    assert_intact(&audit::verify(&mut conn).unwrap(), 8);
}

#[test]
fn a_repeatable_read_transaction_that_would_see_a_stale_head_fails_instead_of_forking() {
    let db = TestDatabase::create_blocking();
    let mut holder = hold_chains(&db, Some(5));
    let mut rr = db.connect();
    let mut other = db.connect();
    let result = rr
        .build_transaction()
        .repeatable_read()
        .run::<_, weiquan_db::DbError, _>(|rr| {
            exec(rr, "SELECT 1").map_err(weiquan_db::DbError::from)?; // the snapshot is taken
            let meanwhile = audit::append(&mut other, &entry(1))?;
            assert_eq!(meanwhile.chain, 5, "the only free chain");
            audit::append(rr, &entry(2))
        });
    let err = result.unwrap_err().to_string();
    assert!(err.contains("could not serialize"), "{err}");
    exec(&mut holder, "COMMIT").unwrap();
    let mut conn = db.connect();
    assert_intact(&audit::verify(&mut conn).unwrap(), 1);
}
