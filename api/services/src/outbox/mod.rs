//! The outbox relay: every server instance runs one. It claims due messages
//! (`weiquan_db::outbox::claim_due`, `FOR UPDATE SKIP LOCKED`, so instances never take the
//! same message), renders and sends them with no connection held, and records each result:
//! sent, retried after a backoff with jitter, or parked after the last attempt (or at once on
//! a permanent failure) for administrators to see.

pub mod parked;
mod sender;

use std::collections::BTreeMap;
use std::hash::{BuildHasher, RandomState};
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::watch;
use weiquan_db::outbox::{self, AfterFailure, Message};
use weiquan_domain::notify::{Channel, Locale, Template, render};
use weiquan_domain::retry::Backoff;

pub use sender::{LoggingSender, OutgoingMessage, SendError, Sender};

use crate::{Db, ServiceError};

#[derive(Debug, Clone, PartialEq)]
pub struct RelayOptions {
    /// How long to wait when nothing is due.
    pub poll: Duration,
    /// Messages claimed (and sent concurrently) at a time.
    pub batch: i64,
    /// Attempts before a message is parked.
    pub max_attempts: i32,
    pub backoff: Backoff,
    /// How long a claim lasts; another relay takes the message over after it. Must exceed
    /// `send_timeout` by a wide margin.
    pub lease: Duration,
    pub send_timeout: Duration,
    /// Keep a sent message's fields (development only: the dev mailbox shows them).
    pub keep_sent_payload: bool,
}

impl Default for RelayOptions {
    fn default() -> Self {
        Self {
            poll: Duration::from_millis(500),
            batch: 50,
            max_attempts: 8,
            backoff: Backoff::default(),
            lease: Duration::from_secs(300),
            send_timeout: Duration::from_secs(30),
            keep_sent_payload: false,
        }
    }
}

/// The result of one attempt, to record.
struct Attempted {
    id: i64,
    attempt: i32,
    what: String,
    result: Result<(), SendError>,
}

/// Claims one batch, sends it, records the results; returns how many were claimed.
pub async fn relay_once(
    db: &Db,
    sender: &dyn Sender,
    options: &RelayOptions,
) -> Result<usize, ServiceError> {
    let (batch, lease) = (options.batch, options.lease);
    let claimed = db
        .run(move |conn| outbox::claim_due(conn, batch, lease))
        .await?;
    let count = claimed.len();
    if count == 0 {
        return Ok(0);
    }
    let attempts = claimed
        .into_iter()
        .map(|message| attempt(sender, options.send_timeout, message));
    let results = futures_util::future::join_all(attempts).await;
    let backoff = options.backoff;
    let max_attempts = options.max_attempts;
    let keep_payload = options.keep_sent_payload;
    db.run(move |conn| {
        for done in results {
            let recorded = match &done.result {
                Ok(()) => outbox::mark_sent_keeping(conn, done.id, done.attempt, keep_payload)?,
                Err(error) => {
                    let last = done.attempt >= max_attempts;
                    let after = if matches!(error, SendError::Permanent(_)) || last {
                        log::warn!("outbox #{} {} parked: {error}", done.id, done.what);
                        AfterFailure::Park
                    } else {
                        let attempt = u32::try_from(done.attempt).unwrap_or(1);
                        AfterFailure::RetryIn(backoff.delay(attempt, jitter()))
                    };
                    outbox::mark_failed(conn, done.id, done.attempt, &error.to_string(), after)?
                }
            };
            if !recorded {
                log::warn!(
                    "outbox #{} attempt {}: claim lost (lease expired?); result not recorded",
                    done.id,
                    done.attempt
                );
            }
        }
        Ok(())
    })
    .await?;
    Ok(count)
}

/// Renders and sends one claimed message, bounded by `timeout`.
async fn attempt(sender: &dyn Sender, timeout: Duration, message: Message) -> Attempted {
    let (id, attempt) = (message.id, message.attempts);
    let what = format!("{} {}", message.template, message.channel);
    let result = match prepare(message) {
        Ok(outgoing) => match tokio::time::timeout(timeout, sender.send(&outgoing)).await {
            Ok(result) => result,
            Err(_) => Err(SendError::Transient(format!(
                "{} sender timed out after {timeout:?}",
                sender.name()
            ))),
        },
        Err(error) => Err(error),
    };
    Attempted {
        id,
        attempt,
        what,
        result,
    }
}

/// A stored message rendered, for the development mailbox: `None` when its fields are gone
/// (sent outside development) or it cannot be rendered.
pub fn render_stored(m: &Message) -> Option<weiquan_domain::notify::Rendered> {
    if m.payload.as_object().is_none_or(|o| o.is_empty()) {
        return None;
    }
    prepare(m.clone()).ok().map(|o| o.rendered)
}

/// A stored message as a sender gets it; anything malformed is a permanent failure.
fn prepare(m: Message) -> Result<OutgoingMessage, SendError> {
    let bad = |what: String| SendError::Permanent(what);
    let channel =
        Channel::parse(&m.channel).ok_or_else(|| bad(format!("channel {}", m.channel)))?;
    let template = Template::parse(&m.template)
        .ok_or_else(|| bad(format!("unknown template {}", m.template)))?;
    let locale = Locale::parse(&m.locale).unwrap_or_default();
    let mut fields = BTreeMap::new();
    for (key, value) in m.payload.as_object().into_iter().flatten() {
        let text = match value {
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Number(n) => n.to_string(),
            other => return Err(bad(format!("payload field {key} is {other}, not text"))),
        };
        fields.insert(key.clone(), text);
    }
    let rendered = render(template, channel, locale, &fields).map_err(|e| bad(e.to_string()))?;
    Ok(OutgoingMessage {
        id: m.id,
        attempt: m.attempts,
        channel,
        recipient: m.recipient,
        locale,
        template,
        fields,
        rendered,
    })
}

/// A number in [0, 1) that differs between calls (std's per-instance random hash keys), enough
/// to spread retries; nothing here needs cryptographic randomness.
fn jitter() -> f64 {
    let bits = RandomState::new().hash_one(Instant::now());
    (bits >> 11) as f64 / (1u64 << 53) as f64
}

/// Relays until `shutdown` turns true (or its sender is dropped): a full batch is followed at
/// once by the next, otherwise it waits `poll`. A batch in progress is finished before
/// stopping (each send is bounded by the send timeout). Database errors are logged and retried
/// after a pause, so the relay survives an outage.
pub async fn run_relay(
    db: Db,
    sender: Arc<dyn Sender>,
    options: RelayOptions,
    mut shutdown: watch::Receiver<bool>,
) {
    log::info!(
        "outbox relay started (sender {}, poll {:?}, {} attempts)",
        sender.name(),
        options.poll,
        options.max_attempts
    );
    let error_pause = options.poll.max(Duration::from_secs(5));
    loop {
        if *shutdown.borrow() {
            break;
        }
        let wait = match relay_once(&db, sender.as_ref(), &options).await {
            Ok(n) if n as i64 >= options.batch => continue,
            Ok(_) => options.poll,
            Err(e) => {
                log::warn!("outbox relay: {e}");
                error_pause
            }
        };
        let stop = tokio::select! {
            () = tokio::time::sleep(wait) => false,
            changed = shutdown.changed() => changed.is_err() || *shutdown.borrow(),
        };
        if stop {
            break;
        }
    }
    log::info!("outbox relay stopped");
}
