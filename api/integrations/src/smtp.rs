//! Email over SMTP with lettre: `SMTP_URL` names the server and credentials
//! (`smtps://user:pass@host:465` for implicit TLS, `smtp://user:pass@host:587?tls=required`
//! for STARTTLS, plain `smtp://host:25` only inside a trusted network), `SMTP_FROM` the sender
//! (`全国维权平台 <noreply@example.gov.cn>`). Connections are pooled and reused.
//!
//! A 5xx reply (unknown mailbox, refused sender) is permanent: the message is parked at once.
//! A 4xx reply, a timeout or a broken connection is transient: retried with backoff.

use std::time::Duration;

use futures_util::future::BoxFuture;
use lettre::message::header::ContentType;
use lettre::message::{Mailbox, Message};
use lettre::transport::smtp::Error as SmtpError;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use weiquan_domain::notify::Channel;
use weiquan_services::outbox::{OutgoingMessage, SendError, Sender};

pub struct SmtpSender {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl SmtpSender {
    /// A sender for `url` (see the module comment) sending as `from`; `timeout` bounds each
    /// SMTP command. Errors name what is wrong with the URL or address, never the password.
    pub fn new(url: &str, from: &str, timeout: Duration) -> Result<Self, String> {
        let from: Mailbox = from
            .parse()
            .map_err(|e| format!("SMTP_FROM is not a mail address: {e}"))?;
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| format!("SMTP_URL cannot be used: {}", kind_of(&e)))?
            .timeout(Some(timeout))
            .build();
        Ok(Self { transport, from })
    }
}

/// What kind of SMTP failure, without echoing anything from the URL.
fn kind_of(e: &SmtpError) -> &'static str {
    if e.is_permanent() {
        "permanent SMTP error"
    } else if e.is_transient() {
        "transient SMTP error"
    } else if e.is_timeout() {
        "timeout"
    } else if e.is_tls() {
        "TLS error"
    } else if e.is_client() {
        "invalid URL or settings"
    } else {
        "connection error"
    }
}

impl Sender for SmtpSender {
    fn name(&self) -> &'static str {
        "smtp"
    }

    fn send<'a>(&'a self, message: &'a OutgoingMessage) -> BoxFuture<'a, Result<(), SendError>> {
        Box::pin(async move {
            if message.channel != Channel::Email {
                return Err(SendError::Permanent(
                    "the SMTP sender sends email only".into(),
                ));
            }
            let to: Mailbox = message
                .recipient
                .parse()
                .map_err(|e| SendError::Permanent(format!("not a mail address: {e}")))?;
            let email = Message::builder()
                .from(self.from.clone())
                .to(to)
                .subject(message.rendered.subject.clone().unwrap_or_default())
                .header(ContentType::TEXT_PLAIN)
                .body(message.rendered.body.clone())
                .map_err(|e| SendError::Permanent(format!("cannot build the email: {e}")))?;
            match self.transport.send(email).await {
                Ok(_) => Ok(()),
                Err(e) if e.is_permanent() => Err(SendError::Permanent(format!(
                    "SMTP refused ({}): {e}",
                    kind_of(&e)
                ))),
                Err(e) => Err(SendError::Transient(format!("SMTP ({}): {e}", kind_of(&e)))),
            }
        })
    }
}
