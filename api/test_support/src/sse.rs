//! Reading server-sent events in tests: a response body read chunk by chunk and cut into
//! events at blank lines.

use std::time::Duration;

use serde_json::Value;

/// One event: its `id`, `event` name and `data` (parsed JSON).
#[derive(Debug, Clone)]
pub struct Event {
    pub id: Option<i64>,
    pub name: String,
    pub data: Value,
}

/// The events of one stream.
pub struct Events {
    response: reqwest::Response,
    /// Bytes received and not yet cut into events (a chunk may end inside a character).
    buffer: Vec<u8>,
}

/// A client without an overall timeout (a stream lasts as long as the test wants it).
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(5))
        .build()
        .unwrap_or_else(|e| panic!("client: {e}"))
}

impl Events {
    pub fn new(response: reqwest::Response) -> Self {
        assert_eq!(response.status().as_u16(), 200, "stream refused");
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        assert!(
            content_type.starts_with("text/event-stream"),
            "{content_type}"
        );
        Self {
            response,
            buffer: Vec::new(),
        }
    }

    /// The next event (comments and `retry:` lines skipped), or `None` when none comes
    /// within `wait`.
    pub async fn next(&mut self, wait: Duration) -> Option<Event> {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            while let Some(end) = self.buffer.windows(2).position(|w| w == b"\n\n") {
                let block: Vec<u8> = self.buffer.drain(..end + 2).collect();
                let block = String::from_utf8(block).unwrap_or_else(|e| panic!("not UTF-8: {e}"));
                if let Some(event) = parse(&block) {
                    return Some(event);
                }
            }
            let chunk = tokio::time::timeout_at(deadline, self.response.chunk())
                .await
                .ok()?
                .unwrap_or_else(|e| panic!("reading the stream: {e}"))?;
            self.buffer.extend_from_slice(&chunk);
        }
    }

    /// The next `message` event (read receipts skipped).
    pub async fn next_message(&mut self, wait: Duration) -> Option<Event> {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            let event = self.next(left).await?;
            if event.name == "message" {
                return Some(event);
            }
        }
    }
}

fn parse(block: &str) -> Option<Event> {
    let mut id = None;
    let mut name = None;
    let mut data = String::new();
    for line in block.lines() {
        if let Some(v) = line.strip_prefix("id: ") {
            id = v.parse().ok();
        } else if let Some(v) = line.strip_prefix("event: ") {
            name = Some(v.to_owned());
        } else if let Some(v) = line.strip_prefix("data: ") {
            data.push_str(v);
        }
    }
    Some(Event {
        id,
        name: name?,
        data: serde_json::from_str(&data).unwrap_or_else(|e| panic!("data {data:?}: {e}")),
    })
}
