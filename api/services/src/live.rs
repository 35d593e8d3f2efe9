//! The live hub: what one server instance's open streams (server-sent events) listen to.
//!
//! Every change that streams should see is published to Redis (`PUBLISH
//! {prefix}live:order:{id}` or `{prefix}live:user:{id}`) after its transaction commits, from
//! whichever instance made it. Each instance holds exactly ONE Redis pub/sub connection
//! (`PSUBSCRIBE {prefix}live:*`), started with the first subscription, and fans what arrives
//! out to its local subscribers through one `tokio::sync::broadcast` channel per topic,
//! created on demand and dropped with its last receiver. A stream costs a receiver and a map
//! entry, not a Redis connection, so thousands fit in one instance.
//!
//! Pub/sub delivers at most once: a payload published while the subscriber is reconnecting
//! (Redis restarted, the network cut) is lost. So the subscriber reconnects with backoff and,
//! each time its subscription is (re)established, sends [`HubEvent::Resync`] to every
//! receiver; a receiver that falls too far behind gets one too. A stream answers `Resync` by
//! reading what it missed from PostgreSQL, which holds every fact; the payloads are only
//! the fast path.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, Weak};
use std::time::Duration;

use futures_util::StreamExt;
use tokio::sync::broadcast;

use crate::{RedisStore, ServiceError};

/// Payloads a slow receiver may fall behind by before it is told to resync.
const CAPACITY: usize = 256;
/// How often the subscriber pings Redis (a half-open connection is found within this).
const PING_EVERY: Duration = Duration::from_secs(15);
const BACKOFF_FIRST: Duration = Duration::from_millis(100);
const BACKOFF_MAX: Duration = Duration::from_secs(5);

/// What a stream listens to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Topic {
    /// Everything about one work order (its dialogue).
    Order(i64),
    /// Everything for one user (notifications).
    User(i64),
}

impl Topic {
    fn suffix(self) -> String {
        match self {
            Self::Order(id) => format!("order:{id}"),
            Self::User(id) => format!("user:{id}"),
        }
    }

    fn parse(suffix: &str) -> Option<Self> {
        let (kind, id) = suffix.split_once(':')?;
        let id = id.parse().ok()?;
        match kind {
            "order" => Some(Self::Order(id)),
            "user" => Some(Self::User(id)),
            _ => None,
        }
    }
}

/// What a subscriber receives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HubEvent {
    /// A payload as published (JSON text).
    Payload(Arc<str>),
    /// Payloads may have been missed: read the current state from PostgreSQL.
    Resync,
}

/// The hub of one server instance; cheap to clone.
#[derive(Clone)]
pub struct Hub {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for Hub {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Hub")
            .field("prefix", &self.inner.prefix)
            .field("connected", &self.is_connected())
            .finish()
    }
}

struct Inner {
    redis: RedisStore,
    /// `{redis prefix}live:`
    prefix: String,
    topics: Mutex<HashMap<Topic, broadcast::Sender<HubEvent>>>,
    subscriber: Mutex<Option<tokio::task::JoinHandle<()>>>,
    connected: AtomicBool,
}

/// A subscription to one topic; leaving it (drop) removes the topic's channel when it was
/// the last.
pub struct Subscription {
    receiver: Option<broadcast::Receiver<HubEvent>>,
    topic: Topic,
    inner: Arc<Inner>,
}

impl std::fmt::Debug for Subscription {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Subscription")
            .field("topic", &self.topic)
            .finish()
    }
}

impl Subscription {
    /// The next event. A receiver that fell more than the channel's capacity behind gets
    /// [`HubEvent::Resync`] (what it missed is in PostgreSQL).
    pub async fn recv(&mut self) -> HubEvent {
        let Some(receiver) = self.receiver.as_mut() else {
            return std::future::pending().await;
        };
        match receiver.recv().await {
            Ok(event) => event,
            Err(broadcast::error::RecvError::Lagged(_)) => HubEvent::Resync,
            // The sender lives in the hub's map while any receiver does: not reached.
            Err(broadcast::error::RecvError::Closed) => std::future::pending().await,
        }
    }
}

impl Drop for Subscription {
    fn drop(&mut self) {
        drop(self.receiver.take());
        if let Ok(mut topics) = self.inner.topics.lock()
            && topics
                .get(&self.topic)
                .is_some_and(|s| s.receiver_count() == 0)
        {
            topics.remove(&self.topic);
        }
    }
}

impl Hub {
    /// A hub publishing and subscribing through `redis` under its key prefix. Connects
    /// nothing until the first subscription.
    pub fn new(redis: RedisStore) -> Self {
        let prefix = redis.key("live:");
        Self {
            inner: Arc::new(Inner {
                redis,
                prefix,
                topics: Mutex::new(HashMap::new()),
                subscriber: Mutex::new(None),
                connected: AtomicBool::new(false),
            }),
        }
    }

    /// Whether the Redis subscription is established now.
    pub fn is_connected(&self) -> bool {
        self.inner.connected.load(Ordering::SeqCst)
    }

    /// How many topics have local subscribers (for tests and metrics).
    pub fn topics(&self) -> usize {
        self.inner.topics.lock().map(|t| t.len()).unwrap_or(0)
    }

    /// Publishes `payload` (JSON text) to every instance's subscribers of `topic`. Call it
    /// after the transaction that made the change commits.
    pub async fn publish(&self, topic: Topic, payload: &str) -> Result<(), ServiceError> {
        let channel = format!("{}{}", self.inner.prefix, topic.suffix());
        let _receivers: i64 = self
            .inner
            .redis
            .query(redis::cmd("PUBLISH").arg(channel).arg(payload))
            .await?;
        Ok(())
    }

    pub async fn publish_order(&self, order_id: i64, payload: &str) -> Result<(), ServiceError> {
        self.publish(Topic::Order(order_id), payload).await
    }

    pub async fn publish_user(&self, user_id: i64, payload: &str) -> Result<(), ServiceError> {
        self.publish(Topic::User(user_id), payload).await
    }

    /// Subscribes to `topic`, starting the instance's Redis subscriber if it is not running.
    pub fn subscribe(&self, topic: Topic) -> Subscription {
        self.ensure_subscriber();
        let receiver = match self.inner.topics.lock() {
            Ok(mut topics) => Some(
                topics
                    .entry(topic)
                    .or_insert_with(|| broadcast::channel(CAPACITY).0)
                    .subscribe(),
            ),
            Err(_) => None,
        };
        Subscription {
            receiver,
            topic,
            inner: Arc::clone(&self.inner),
        }
    }

    pub fn subscribe_order(&self, order_id: i64) -> Subscription {
        self.subscribe(Topic::Order(order_id))
    }

    pub fn subscribe_user(&self, user_id: i64) -> Subscription {
        self.subscribe(Topic::User(user_id))
    }

    fn ensure_subscriber(&self) {
        let Ok(mut task) = self.inner.subscriber.lock() else {
            return;
        };
        if task.as_ref().is_some_and(|t| !t.is_finished()) {
            return;
        }
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            log::error!("live hub: no async runtime to run the subscriber on");
            return;
        };
        *task = Some(runtime.spawn(run(Arc::downgrade(&self.inner))));
    }
}

impl Inner {
    fn send(&self, topic: Topic, event: HubEvent) {
        let sender = self.topics.lock().ok().and_then(|t| t.get(&topic).cloned());
        if let Some(sender) = sender {
            // No receiver left is not an error: the last one is leaving.
            let _ = sender.send(event);
        }
    }

    fn resync_all(&self) {
        let senders: Vec<_> = self
            .topics
            .lock()
            .map(|t| t.values().cloned().collect())
            .unwrap_or_default();
        for sender in senders {
            let _ = sender.send(HubEvent::Resync);
        }
    }

    fn deliver(&self, msg: &redis::Msg) {
        let Some(topic) = msg
            .get_channel_name()
            .strip_prefix(self.prefix.as_str())
            .and_then(Topic::parse)
        else {
            return;
        };
        match msg.get_payload::<String>() {
            Ok(payload) => self.send(topic, HubEvent::Payload(Arc::from(payload))),
            Err(e) => log::warn!("live hub: unreadable payload on {topic:?}: {e}"),
        }
    }
}

/// The instance's subscriber: connect, subscribe, deliver; on any failure wait (100 ms
/// doubling to 5 s) and start again. Ends when the hub is gone.
async fn run(inner: Weak<Inner>) {
    let mut backoff = BACKOFF_FIRST;
    loop {
        let Some((client, pattern, timeout)) = inner.upgrade().map(|hub| {
            (
                hub.redis.client().clone(),
                format!("{}*", hub.prefix),
                hub.redis.timeout(),
            )
        }) else {
            return;
        };
        match connect(&client, &pattern, timeout).await {
            Ok(pubsub) => {
                backoff = BACKOFF_FIRST;
                let Some(hub) = inner.upgrade() else {
                    return;
                };
                hub.connected.store(true, Ordering::SeqCst);
                // Whatever was published before this subscription existed was not seen.
                hub.resync_all();
                drop(hub);
                pump(&inner, pubsub, timeout).await;
                match inner.upgrade() {
                    Some(hub) => hub.connected.store(false, Ordering::SeqCst),
                    None => return,
                }
                log::warn!("live hub: Redis subscription lost; reconnecting");
            }
            Err(e) => log::warn!("live hub: cannot subscribe: {e}"),
        }
        tokio::time::sleep(backoff).await;
        backoff = (backoff * 2).min(BACKOFF_MAX);
    }
}

async fn connect(
    client: &redis::Client,
    pattern: &str,
    timeout: Duration,
) -> Result<redis::aio::PubSub, String> {
    let connecting = async {
        let mut pubsub = client.get_async_pubsub().await?;
        pubsub.psubscribe(pattern).await?;
        Ok::<_, redis::RedisError>(pubsub)
    };
    match tokio::time::timeout(timeout, connecting).await {
        Ok(Ok(pubsub)) => Ok(pubsub),
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err("timed out".into()),
    }
}

/// Delivers until the connection ends, a ping goes unanswered, or the hub is gone.
async fn pump(inner: &Weak<Inner>, pubsub: redis::aio::PubSub, timeout: Duration) {
    let (mut sink, mut stream) = pubsub.split();
    let mut ticker = tokio::time::interval(PING_EVERY);
    ticker.tick().await;
    loop {
        tokio::select! {
            msg = stream.next() => {
                let Some(msg) = msg else { return };
                let Some(hub) = inner.upgrade() else { return };
                hub.deliver(&msg);
            }
            _ = ticker.tick() => {
                if inner.upgrade().is_none() {
                    return;
                }
                let alive = tokio::time::timeout(timeout, sink.ping::<redis::Value>()).await;
                if !matches!(alive, Ok(Ok(_))) {
                    return;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topics_round_trip_through_their_channel_names() {
        for topic in [Topic::Order(42), Topic::User(7)] {
            assert_eq!(Topic::parse(&topic.suffix()), Some(topic));
        }
        assert_eq!(Topic::parse("order:x"), None);
        assert_eq!(Topic::parse("team:1"), None);
        assert_eq!(Topic::parse("order"), None);
    }
}
