//! The live stream of one reader of one order's dialogue, as server-sent events.
//!
//! On connect the stream has already subscribed to the order's topic on the instance's hub
//! (`weiquan_services::live`); it then replays from PostgreSQL every message the reader sees
//! after `Last-Event-ID` (or nothing, without one), and after that forwards live ones. Ids
//! already sent are skipped, so nothing arrives twice, and a message committed out of id
//! order still arrives. When the hub says payloads may have been missed (its Redis
//! subscription was re-established, or this stream fell behind), the stream reads what it
//! missed from PostgreSQL. A comment `: ping` every 15 s keeps proxies from closing it and
//! finds a vanished client (the write fails, actix drops the stream, and with it the
//! subscription: no task outlives its client). After ten minutes the stream ends and the
//! browser's `EventSource` reconnects with `Last-Event-ID`, which re-checks the caller's
//! session and rights.

use std::collections::{BTreeSet, VecDeque};
use std::convert::Infallible;
use std::time::Duration;

use actix_web::web::Bytes;
use futures_util::Stream;
use serde::Serialize;
use weiquan_services::Deps;
use weiquan_services::dialogue::{self, LiveEvent, Stored, Viewer};
use weiquan_services::live::{HubEvent, Subscription};

use super::{Message, PartyDto, ReadReceipt};

pub const HEARTBEAT: Duration = Duration::from_secs(15);
pub const LIFETIME: Duration = Duration::from_secs(600);
/// Messages read from PostgreSQL per query when replaying.
const REPLAY_PAGE: i64 = 200;
/// How many sent ids are remembered to skip duplicates.
const REMEMBERED: usize = 1024;

struct State {
    deps: Deps,
    viewer: Viewer,
    subscription: Subscription,
    pending: VecDeque<Bytes>,
    /// The highest message id sent (or the start point).
    last_id: i64,
    sent: BTreeSet<i64>,
    replay: bool,
    heartbeat: tokio::time::Interval,
    ends_at: tokio::time::Instant,
}

fn event(id: Option<i64>, name: &str, data: &impl Serialize) -> Option<Bytes> {
    let json = serde_json::to_string(data).ok()?;
    let mut out = String::with_capacity(json.len() + 48);
    if let Some(id) = id {
        out.push_str(&format!("id: {id}\n"));
    }
    out.push_str(&format!("event: {name}\ndata: {json}\n\n"));
    Some(Bytes::from(out))
}

impl State {
    fn message(&mut self, stored: &Stored) {
        if self.sent.contains(&stored.id) {
            return;
        }
        let Some(view) = dialogue::render(stored, &self.viewer) else {
            return;
        };
        let Some(bytes) = event(Some(stored.id), "message", &Message::from(view)) else {
            return;
        };
        self.pending.push_back(bytes);
        self.sent.insert(stored.id);
        while self.sent.len() > REMEMBERED {
            self.sent.pop_first();
        }
        self.last_id = self.last_id.max(stored.id);
    }

    fn live(&mut self, payload: &str) {
        match serde_json::from_str::<LiveEvent>(payload) {
            Ok(LiveEvent::Message(stored)) => self.message(&stored),
            Ok(LiveEvent::Read { party, read_up_to }) => {
                let receipt = ReadReceipt {
                    party: PartyDto::from(party),
                    read_up_to: Some(read_up_to),
                };
                self.pending.extend(event(None, "read", &receipt));
            }
            Err(e) => log::warn!("dialogue stream: unreadable live event: {e}"),
        }
    }

    /// Reads what the reader missed from PostgreSQL; `false` when it cannot (the stream then
    /// ends, and the client reconnects with its Last-Event-ID).
    async fn catch_up(&mut self) -> bool {
        loop {
            match dialogue::since(&self.deps, &self.viewer, self.last_id, REPLAY_PAGE).await {
                Ok(messages) => {
                    let full = i64::try_from(messages.len()).unwrap_or(0) >= REPLAY_PAGE;
                    let before = self.last_id;
                    for stored in &messages {
                        self.message(stored);
                        self.last_id = self.last_id.max(stored.id);
                    }
                    if !full || self.last_id == before {
                        return true;
                    }
                }
                Err(e) => {
                    log::warn!("dialogue stream: replay failed: {e}");
                    return false;
                }
            }
        }
    }
}

/// The event stream for `viewer`, subscribed already, starting after message `after`
/// (replayed from PostgreSQL when `replay`).
pub fn stream(
    deps: Deps,
    viewer: Viewer,
    subscription: Subscription,
    after: i64,
    replay: bool,
) -> impl Stream<Item = Result<Bytes, Infallible>> {
    let mut heartbeat =
        tokio::time::interval_at(tokio::time::Instant::now() + HEARTBEAT, HEARTBEAT);
    heartbeat.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let state = State {
        deps,
        viewer,
        subscription,
        // Tells the browser how soon to reconnect, and sends the headers at once.
        pending: VecDeque::from([Bytes::from_static(b"retry: 2000\n\n")]),
        last_id: after,
        sent: BTreeSet::new(),
        replay,
        heartbeat,
        ends_at: tokio::time::Instant::now() + LIFETIME,
    };
    futures_util::stream::unfold(state, |mut s| async move {
        loop {
            if let Some(bytes) = s.pending.pop_front() {
                return Some((Ok(bytes), s));
            }
            if s.replay {
                s.replay = false;
                if !s.catch_up().await {
                    return None;
                }
                continue;
            }
            tokio::select! {
                event = s.subscription.recv() => match event {
                    HubEvent::Payload(payload) => s.live(&payload),
                    HubEvent::Resync => s.replay = true,
                },
                _ = s.heartbeat.tick() => s.pending.push_back(Bytes::from_static(b": ping\n\n")),
                () = tokio::time::sleep_until(s.ends_at) => return None,
            }
        }
    })
}
