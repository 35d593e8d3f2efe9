//! How fast audited transactions commit with one chain versus several. Ignored by default
//! (it measures, it does not check); run it with
//!
//! ```text
//! cargo run --release -p weiquan-http --example audit_bench
//! ```
//!
//! Each of `THREADS` connections runs transactions of the shape an audited change has: one
//! write (the change), one audit append, commit. With one chain every transaction waits for the
//! previous one's commit (the chain stays locked until then, fsync included); with several they
//! commit side by side.
//!
//! Measured 2026-11-29 on the 2-core development machine while other builds ran (load
//! average 5–10), debug build, 16 connections, 5 s per row; the range of four runs:
//!
//! | transaction                         | tx/s          |
//! |-------------------------------------|---------------|
//! | change + commit, no audit record    | 3,795 – 5,330 |
//! | change + append + commit, 1 chain   |   271 –   547 |
//! | same, 4 chains                      |   536 –   923 |
//! | same, 32 chains                     |   933 – 1,083 |
//!
//! `verify` read 15,000 – 36,000 records/s (debug build, one connection).
//!
//! One chain is capped by its lock, held through each commit (1 connection alone: 331/s).
//! pgbench running the same SQL (no Rust client): about 1,100–1,800 tx/s with 32 chains
//! against 3,300–4,600 for the bare transaction, so an append costs about as much database
//! work as a small transaction of its own (two statements, six index entries), and with 32
//! chains the limit is CPU, not the lock.

#![expect(clippy::unwrap_used, reason = "a benchmark fails loudly")]

#[path = "../tests/audit_support/mod.rs"]
mod audit_support;

use std::time::{Duration, Instant};

use audit_support::{all_records, assert_intact, entry, exec};
use diesel::prelude::*;
use weiquan_db::audit;
use weiquan_test_support::TestDatabase;

/// Connections at once (`AUDIT_BENCH_THREADS` overrides; default 16, the pool size).
fn threads() -> usize {
    std::env::var("AUDIT_BENCH_THREADS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(16)
}
const SECONDS: u64 = 5;

/// Audited transactions per second with `chains` chains (None: the same transaction without
/// an audit record, for reference).
fn run(chains: Option<i16>) -> (f64, u64, f64) {
    let db = TestDatabase::create_blocking();
    let mut setup = db.connect();
    exec(
        &mut setup,
        "CREATE TABLE bench_change (id bigserial PRIMARY KEY, v bigint)",
    )
    .unwrap();
    if let Some(chains) = chains {
        // Only for the benchmark: remove chains, bypassing the guard trigger.
        exec(&mut setup, "SET session_replication_role = replica").unwrap();
        exec(
            &mut setup,
            &format!("DELETE FROM audit_chain WHERE chain >= {chains}"),
        )
        .unwrap();
    }
    let deadline = Instant::now() + Duration::from_secs(SECONDS);
    let started = Instant::now();
    let done: u64 = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads())
            .map(|t| {
                let db = &db;
                s.spawn(move || {
                    let mut conn = db.connect();
                    let mut n = 0u64;
                    while Instant::now() < deadline {
                        conn.transaction::<_, weiquan_db::DbError, _>(|conn| {
                            exec(conn, "INSERT INTO bench_change (v) VALUES (1)")?;
                            if chains.is_some() {
                                audit::append(conn, &entry(t as i64 * 1_000_000 + n as i64))?;
                            }
                            Ok(())
                        })
                        .unwrap();
                        n += 1;
                    }
                    n
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).sum()
    });
    let rate = done as f64 / started.elapsed().as_secs_f64();
    let mut verify_rate = 0.0;
    if let Some(chains) = chains {
        let verifying = Instant::now();
        let report = audit::verify(&mut setup).unwrap();
        let took = verifying.elapsed();
        verify_rate = done as f64 / took.as_secs_f64();
        assert_eq!(report.chains.len(), chains as usize);
        assert_intact(&report, done);
        assert_eq!(all_records(&mut setup).len() as u64, done);
    }
    (rate, done, verify_rate)
}

/// A measurement, not a check: run it against a quiet machine and read the numbers.
fn main() {
    println!(
        "{} connections, {SECONDS} s each, change + append + commit per transaction",
        threads()
    );
    let (base, _, _) = run(None);
    println!("no audit record (reference): {base:>8.0} tx/s");
    for chains in [1, 4, 32] {
        let (rate, done, verified) = run(Some(chains));
        println!(
            "{chains:>2} chain(s):                 {rate:>8.0} tx/s  \
             ({done} records, verified at {verified:.0} records/s)"
        );
    }
}
