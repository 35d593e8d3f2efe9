//! SMS through an HTTP gateway: each message is one `POST` of JSON to `SMS_GATEWAY_URL` with
//! `Authorization: Bearer <SMS_GATEWAY_TOKEN>` and `Idempotency-Key: wq-outbox-<id>` (the
//! outbox id, the same on every attempt, so a gateway that saw the first attempt does not
//! send twice):
//!
//! ```json
//! {"id": "wq-outbox-42", "to": "13812345678", "template": "order_progress",
//!  "params": {"number": "WQ…"}, "locale": "zh-CN", "text": "【全国维权平台】…"}
//! ```
//!
//! Gateways in China send registered templates, so both the template id with its parameters
//! and the rendered text are given. 2xx = sent; 408 and 429 and 5xx, timeouts and connection
//! failures = retried with backoff; any other 4xx = parked at once (retrying cannot help).

use std::time::Duration;

use futures_util::future::BoxFuture;
use serde::Serialize;
use weiquan_domain::notify::Channel;
use weiquan_services::outbox::{OutgoingMessage, SendError, Sender};

pub struct SmsGatewaySender {
    client: reqwest::Client,
    url: String,
    token: Option<String>,
}

#[derive(Serialize)]
struct GatewayRequest<'a> {
    id: String,
    to: &'a str,
    template: &'a str,
    params: &'a std::collections::BTreeMap<String, String>,
    locale: &'a str,
    text: &'a str,
}

/// What an HTTP status means for the message.
pub fn outcome(status: u16) -> Result<(), SendError> {
    match status {
        200..=299 => Ok(()),
        408 | 429 => Err(SendError::Transient(format!("gateway answered {status}"))),
        400..=499 => Err(SendError::Permanent(format!("gateway refused: {status}"))),
        _ => Err(SendError::Transient(format!("gateway answered {status}"))),
    }
}

impl SmsGatewaySender {
    /// A sender posting to `url` (http or https) with the bearer `token` if given.
    pub fn new(url: &str, token: Option<String>, timeout: Duration) -> Result<Self, String> {
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            return Err("SMS_GATEWAY_URL must be an http:// or https:// URL".into());
        }
        let client = reqwest::Client::builder()
            .timeout(timeout)
            .build()
            .map_err(|e| format!("SMS gateway client: {e}"))?;
        Ok(Self {
            client,
            url: url.to_owned(),
            token,
        })
    }
}

impl Sender for SmsGatewaySender {
    fn name(&self) -> &'static str {
        "sms-gateway"
    }

    fn send<'a>(&'a self, message: &'a OutgoingMessage) -> BoxFuture<'a, Result<(), SendError>> {
        Box::pin(async move {
            if message.channel != Channel::Sms {
                return Err(SendError::Permanent(
                    "the SMS gateway sends SMS only".into(),
                ));
            }
            let key = format!("wq-outbox-{}", message.id);
            let body = GatewayRequest {
                id: key.clone(),
                to: &message.recipient,
                template: message.template.as_str(),
                params: &message.fields,
                locale: message.locale.as_str(),
                text: &message.rendered.body,
            };
            let mut request = self
                .client
                .post(&self.url)
                .header("Idempotency-Key", &key)
                .json(&body);
            if let Some(token) = &self.token {
                request = request.bearer_auth(token);
            }
            match request.send().await {
                Ok(response) => outcome(response.status().as_u16()),
                Err(e) if e.is_timeout() => Err(SendError::Transient("gateway timed out".into())),
                Err(e) => Err(SendError::Transient(format!(
                    "gateway unreachable: {}",
                    e.without_url()
                ))),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_map_to_sent_retry_or_park() {
        assert_eq!(outcome(200), Ok(()));
        assert_eq!(outcome(202), Ok(()));
        for s in [408, 429, 500, 502, 503, 504] {
            assert!(matches!(outcome(s), Err(SendError::Transient(_))), "{s}");
        }
        for s in [400, 401, 403, 404, 422] {
            assert!(matches!(outcome(s), Err(SendError::Permanent(_))), "{s}");
        }
    }
}
