//! The transactional outbox and its relay against a real database: transactional enqueue,
//! exactly-once delivery with two relays, retries with backoff, parking, leases, and the relay
//! that `weiquan serve` runs.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use diesel::prelude::*;
use futures_util::future::BoxFuture;
use serde_json::json;
use tokio::sync::watch;
use weiquan_db::outbox::{self, NewMessage};
use weiquan_db::{DbError, PoolOptions};
use weiquan_domain::notify::{Channel, Locale, Template};
use weiquan_domain::retry::Backoff;
use weiquan_services::Db;
use weiquan_services::outbox::{
    OutgoingMessage, RelayOptions, SendError, Sender, relay_once, run_relay,
};
use weiquan_test_support::TestDatabase;

fn db_of(test_db: &TestDatabase) -> Db {
    let pool = weiquan_db::build_pool(
        &test_db.url,
        &PoolOptions {
            max_size: 2,
            connection_timeout: Duration::from_secs(5),
        },
    )
    .unwrap();
    Db::new(pool)
}

fn otp(i: i64) -> NewMessage {
    NewMessage {
        channel: Channel::Sms,
        recipient: format!("1381234{:04}", i % 10_000),
        locale: Locale::ZhCn,
        template: Template::OtpRegister,
        payload: json!({"code": format!("{:06}", 100_000 + i), "minutes": "10"}),
    }
}

fn enqueue_all(conn: &mut PgConnection, n: i64) -> Vec<i64> {
    conn.transaction::<_, DbError, _>(|conn| {
        (0..n).map(|i| outbox::enqueue(conn, &otp(i))).collect()
    })
    .unwrap()
}

fn options() -> RelayOptions {
    RelayOptions {
        poll: Duration::from_millis(10),
        batch: 10,
        max_attempts: 4,
        backoff: Backoff {
            base: Duration::from_millis(40),
            cap: Duration::from_secs(1),
        },
        lease: Duration::from_secs(60),
        send_timeout: Duration::from_secs(5),
        keep_sent_payload: false,
    }
}

/// Records what it was asked to send; fails with `fail` if set.
#[derive(Default)]
struct TestSender {
    calls: Mutex<Vec<(i64, Instant)>>,
    fail: Option<SendError>,
}

impl TestSender {
    fn failing(error: SendError) -> Self {
        Self {
            fail: Some(error),
            ..Self::default()
        }
    }

    fn ids(&self) -> Vec<i64> {
        self.calls.lock().unwrap().iter().map(|c| c.0).collect()
    }
}

impl Sender for TestSender {
    fn name(&self) -> &'static str {
        "test"
    }

    fn send<'a>(&'a self, message: &'a OutgoingMessage) -> BoxFuture<'a, Result<(), SendError>> {
        Box::pin(async move {
            // A little latency, so that concurrent relays overlap.
            tokio::time::sleep(Duration::from_millis(2)).await;
            self.calls
                .lock()
                .unwrap()
                .push((message.id, Instant::now()));
            match &self.fail {
                Some(error) => Err(error.clone()),
                None => Ok(()),
            }
        })
    }
}

fn count(conn: &mut PgConnection, status: &str) -> i64 {
    use weiquan_db::schema::outbox::dsl;
    dsl::outbox
        .filter(dsl::status.eq(status))
        .count()
        .get_result(conn)
        .unwrap()
}

async fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[actix_web::test]
async fn a_message_enqueued_in_a_rolled_back_transaction_is_never_sent() {
    let test_db = TestDatabase::create().await;
    let mut conn = test_db.connect();
    let rolled_back = conn.transaction::<i64, DbError, _>(|conn| {
        outbox::enqueue(conn, &otp(1))?;
        Err(DbError::Other("the change failed".into()))
    });
    assert!(rolled_back.is_err());
    let committed = enqueue_all(&mut conn, 1)[0];
    let sender = TestSender::default();
    let claimed = relay_once(&db_of(&test_db), &sender, &options())
        .await
        .unwrap();
    assert_eq!(claimed, 1);
    assert_eq!(sender.ids(), [committed]);
    assert_eq!(
        relay_once(&db_of(&test_db), &sender, &options())
            .await
            .unwrap(),
        0
    );
    // Sent: every column reads back through diesel, and the code is gone from the payload.
    let sent = outbox::find(&mut conn, committed).unwrap().unwrap();
    assert_eq!((sent.status.as_str(), sent.attempts), ("sent", 1));
    assert_eq!(sent.payload, json!({}));
    assert!(sent.sent_at.is_some() && sent.last_error.is_none());
    assert_eq!(
        (sent.channel.as_str(), sent.locale.as_str()),
        ("sms", "zh-CN")
    );
}

#[actix_web::test]
async fn two_relays_deliver_every_message_exactly_once() {
    let test_db = TestDatabase::create().await;
    let mut conn = test_db.connect();
    let ids = enqueue_all(&mut conn, 200);
    let (a, b) = (
        Arc::new(TestSender::default()),
        Arc::new(TestSender::default()),
    );
    let (stop, shutdown) = watch::channel(false);
    let relays = [a.clone(), b.clone()].map(|sender| {
        actix_web::rt::spawn(run_relay(
            db_of(&test_db),
            sender,
            options(),
            shutdown.clone(),
        ))
    });
    wait_for("every message sent", || count(&mut conn, "sent") == 200).await;
    stop.send(true).unwrap();
    for relay in relays {
        relay.await.unwrap();
    }
    let (from_a, from_b) = (a.ids(), b.ids());
    assert!(
        !from_a.is_empty() && !from_b.is_empty(),
        "both relays worked"
    );
    let mut all: Vec<i64> = from_a.iter().chain(&from_b).copied().collect();
    all.sort_unstable();
    assert_eq!(all, ids, "each message exactly once");
    assert_eq!(count(&mut conn, "sending") + count(&mut conn, "pending"), 0);
}

#[actix_web::test]
async fn a_failing_sender_is_retried_with_growing_delays_then_parked() {
    let test_db = TestDatabase::create().await;
    let mut conn = test_db.connect();
    let id = enqueue_all(&mut conn, 1)[0];
    let sender = Arc::new(TestSender::failing(SendError::Transient(
        "gateway down".into(),
    )));
    let (stop, shutdown) = watch::channel(false);
    let relay = actix_web::rt::spawn(run_relay(
        db_of(&test_db),
        sender.clone(),
        options(),
        shutdown,
    ));
    wait_for("the message parked", || count(&mut conn, "parked") == 1).await;
    // No attempt after parking.
    tokio::time::sleep(Duration::from_millis(200)).await;
    stop.send(true).unwrap();
    relay.await.unwrap();
    let calls = sender.calls.lock().unwrap().clone();
    assert_eq!(calls.len(), 4, "max_attempts");
    // Equal jitter waits at least half the ceiling: 20, 40, 80 ms.
    for (k, pair) in calls.windows(2).enumerate() {
        let gap = pair[1].1 - pair[0].1;
        let at_least = Duration::from_millis(20 << k);
        assert!(gap >= at_least, "gap {k}: {gap:?} < {at_least:?}");
    }
    let parked = outbox::list_parked(&mut conn, 50, None).unwrap();
    assert_eq!(parked.len(), 1);
    assert_eq!((parked[0].id, parked[0].attempts), (id, 4));
    assert!(
        parked[0]
            .last_error
            .as_deref()
            .unwrap()
            .contains("gateway down")
    );
    assert_eq!(
        parked[0].payload["code"], "100000",
        "kept for a retry by an administrator"
    );
}

#[actix_web::test]
async fn a_permanent_failure_parks_at_once_and_a_requeued_message_is_sent() {
    let test_db = TestDatabase::create().await;
    let mut conn = test_db.connect();
    let id = enqueue_all(&mut conn, 1)[0];
    let db = db_of(&test_db);
    let refusing = TestSender::failing(SendError::Permanent("no such number".into()));
    relay_once(&db, &refusing, &options()).await.unwrap();
    assert_eq!(refusing.ids(), [id]);
    assert_eq!(count(&mut conn, "parked"), 1);
    assert!(outbox::requeue(&mut conn, id).unwrap());
    assert!(!outbox::requeue(&mut conn, id).unwrap(), "only parked ones");
    let working = TestSender::default();
    relay_once(&db, &working, &options()).await.unwrap();
    assert_eq!(working.ids(), [id]);
    let sent = outbox::find(&mut conn, id).unwrap().unwrap();
    assert_eq!((sent.status.as_str(), sent.attempts), ("sent", 1));
}

#[actix_web::test]
async fn malformed_messages_are_parked_without_being_sent() {
    let test_db = TestDatabase::create().await;
    let mut conn = test_db.connect();
    let unknown = outbox::enqueue(&mut conn, &otp(1)).unwrap();
    diesel::sql_query(format!(
        "UPDATE outbox SET template = 'otp_unknown' WHERE id = {unknown}"
    ))
    .execute(&mut conn)
    .unwrap();
    let missing = outbox::enqueue(
        &mut conn,
        &NewMessage {
            payload: json!({"code": "123456"}),
            ..otp(2)
        },
    )
    .unwrap();
    let nested = outbox::enqueue(
        &mut conn,
        &NewMessage {
            payload: json!({"code": {"a": 1}, "minutes": 10}),
            ..otp(3)
        },
    )
    .unwrap();
    let sender = TestSender::default();
    relay_once(&db_of(&test_db), &sender, &options())
        .await
        .unwrap();
    assert!(sender.ids().is_empty());
    let parked = outbox::list_parked(&mut conn, 50, None).unwrap();
    let errors: Vec<(i64, String)> = parked
        .into_iter()
        .map(|m| (m.id, m.last_error.unwrap()))
        .collect();
    assert_eq!(errors.len(), 3);
    let error_of = |id| errors.iter().find(|e| e.0 == id).unwrap().1.clone();
    assert!(error_of(unknown).contains("unknown template otp_unknown"));
    assert!(error_of(missing).contains("needs the field minutes"));
    assert!(error_of(nested).contains("not text"));
    // Paging the parked list.
    let first = outbox::list_parked(&mut conn, 2, None).unwrap();
    let rest = outbox::list_parked(&mut conn, 2, Some(first[1].id)).unwrap();
    let seen: HashSet<i64> = first.iter().chain(&rest).map(|m| m.id).collect();
    assert_eq!(seen.len(), 3);
}

#[test]
fn an_expired_lease_is_taken_over_and_the_late_result_is_ignored() {
    let test_db = TestDatabase::create_blocking();
    let mut conn = test_db.connect();
    let id = enqueue_all(&mut conn, 1)[0];
    let lease = Duration::from_millis(100);
    let first = outbox::claim_due(&mut conn, 10, lease).unwrap();
    assert_eq!((first.len(), first[0].attempts), (1, 1));
    assert!(
        outbox::claim_due(&mut conn, 10, lease).unwrap().is_empty(),
        "leased"
    );
    std::thread::sleep(Duration::from_millis(150));
    let second = outbox::claim_due(&mut conn, 10, lease).unwrap();
    assert_eq!((second[0].id, second[0].attempts), (id, 2));
    assert!(
        !outbox::mark_sent(&mut conn, id, 1).unwrap(),
        "the first relay lost its claim"
    );
    assert!(!outbox::mark_failed(&mut conn, id, 1, "late", outbox::AfterFailure::Park).unwrap());
    assert!(outbox::mark_sent(&mut conn, id, 2).unwrap());
    // A retry is not due before its delay.
    let retry = enqueue_all(&mut conn, 1)[0];
    let claimed = outbox::claim_due(&mut conn, 10, lease).unwrap();
    assert_eq!(claimed[0].id, retry);
    let later = outbox::AfterFailure::RetryIn(Duration::from_secs(3600));
    assert!(outbox::mark_failed(&mut conn, retry, 1, "busy", later).unwrap());
    std::thread::sleep(Duration::from_millis(150));
    assert!(outbox::claim_due(&mut conn, 10, lease).unwrap().is_empty());
    // Old sent messages can be removed.
    let removed = outbox::prune_sent(&mut conn, chrono::Utc::now() + chrono::Duration::hours(1));
    assert_eq!(removed.unwrap(), 1);
}

#[test]
fn serve_relays_messages_to_the_log_and_stops_cleanly_on_sigterm() {
    let test_db = TestDatabase::create_blocking();
    let mut conn = test_db.connect();
    let id = outbox::enqueue(
        &mut conn,
        &NewMessage {
            recipient: "13812345678".into(),
            payload: json!({"code": "482913", "minutes": "10"}),
            ..otp(0)
        },
    )
    .unwrap();
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_weiquan"))
        .arg("serve")
        .env("WEIQUAN_ENV", "development")
        .env("WEIQUAN_BIND", "127.0.0.1:0")
        .env("WEIQUAN_SHUTDOWN_TIMEOUT_SECS", "1")
        .env("DATABASE_URL", &test_db.url)
        .env("REDIS_KEY_PREFIX", format!("wqt:{}:", test_db.name))
        .env("OUTBOX_POLL_MS", "50")
        .env("RUST_LOG", "info")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while outbox::find(&mut conn, id).unwrap().unwrap().status != "sent" {
        assert!(
            Instant::now() < deadline,
            "the server's relay never sent it"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let pid = child.id().to_string();
    assert!(
        std::process::Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    let output = child.wait_with_output().unwrap();
    let log = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{:?}\n{log}", output.status);
    assert!(log.contains("138****5678"), "{log}");
    assert!(!log.contains("13812345678"), "{log}");
    assert!(
        log.contains("482913"),
        "the code is readable in development: {log}"
    );
    assert!(log.contains("outbox relay stopped"), "{log}");
}
