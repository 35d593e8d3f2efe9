//! The audit log: append-only, tamper-evident, searchable by organisation subtree.
//!
//! # Hash chains
//!
//! Every record carries `prev_hash`, the hash of the record before it in its chain, and
//! `hash = SHA-256(prev_hash || canonical(record))` (the format is
//! [`weiquan_domain::audit::ChainedFields::canonical_bytes`]). Changing, removing or inserting a
//! record breaks the chain at that point, and [`verify`] finds it.
//!
//! # Why several chains, and how one is chosen
//!
//! Appending to a chain must be serialised: read the chain's last hash, insert, and nobody else
//! may append in between. Records are written inside the caller's transaction (an audited
//! change and its record commit together, or neither does), so the lock on a chain is held
//! until that transaction commits, fsync included. One chain would make every audited
//! transaction in the country queue behind one lock. So there are several chains (32 rows in
//! `audit_chain`, more can be inserted), each an independent sequence.
//!
//! Which chain a record joins is decided by *availability*, not by the record: the append
//! locks the first free chain row with `SELECT … FOR UPDATE SKIP LOCKED` (in random order),
//! so a transaction never waits while any chain is free. Picking the chain from the record
//! (hash of the subject or actor mod N) would make a busy subject a hot chain and could make two
//! transactions that each append twice lock two chains in opposite orders (a deadlock); picking
//! it from the id is impossible because the id is not known, or not in commit order, before the
//! lock is taken. The chain a transaction first locks is remembered in the transaction-local
//! setting `weiquan.audit_chain`, and every later record of the same transaction joins the same
//! chain, so a transaction holds at most one chain lock. Only when every chain is busy does an
//! append wait, on a random chain, while holding no chain itself: no deadlock between appends.
//!
//! Within a chain, order is the explicit `seq` (1, 2, 3 … without gaps), taken under the lock;
//! `id` comes from `nextval` under the same lock, and `at` from `clock_timestamp()` under it,
//! so both increase along a chain too. The chain row also holds the chain's head (last `seq`
//! and hash), so appending needs no index search for the last record, and truncating the end of
//! a chain is detected (the head names a record that is gone). Row locks rather than advisory
//! locks also make a stale read impossible at any isolation level: a `REPEATABLE READ`
//! transaction that would see an old head fails with a serialisation error instead (retry it).
//!
//! Throughput: with `c` transactions appending at once and `N ≥ c` chains nobody waits; the
//! cost of an append is two statements (lock + read head; insert + move head). Measured
//! (`api/http/tests/audit_bench.rs`, 16 connections on a loaded 2-core machine): one chain
//! caps audited transactions at 270–550/s, whatever the concurrency; 32 chains gave
//! 930–1,080/s, where the limit was CPU, not the lock.
//!
//! # Retention
//!
//! [`prune`] deletes the oldest records of each chain (a prefix, in batches) and moves the
//! chain's anchor (`start_seq`, `start_hash`): the first kept record's `prev_hash` must equal
//! `start_hash`, which is accepted as the chain's start. The trigger on `audit_log` refuses
//! UPDATE, DELETE and TRUNCATE, except DELETE inside a transaction that set
//! `weiquan.audit_prune = 'on'` (only [`prune`] does, see the migration).
//!
//! # What a hash chain does not do
//!
//! Someone with full control of the database can rewrite a whole chain and recompute every
//! hash. `weiquan audit verify --heads` prints each chain's head hash; copying those outside
//! the database now and then (a ticket, a signed e-mail) makes such a rewrite detectable too.

mod append;
mod prune;
mod search;
pub(crate) use search::Explain;
mod verify;

pub use append::{Appended, NewAuditEntry, append};
pub use prune::{PruneReport, prune};
pub use search::{AuditFilter, AuditRecord, Cursor, Keyset, Page, explain_search, search};
pub use verify::{Break, ChainReport, Problem, VerifyReport, verify};
