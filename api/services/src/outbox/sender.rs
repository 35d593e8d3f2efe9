//! Where messages go: the [`Sender`] trait, and [`LoggingSender`], which writes them to the log.
//! An SMTP or SMS-gateway sender implements the same trait (later, in the integrations crate).

use std::collections::BTreeMap;

use futures_util::future::BoxFuture;
use weiquan_domain::mask::mask_recipient;
use weiquan_domain::notify::{Channel, Locale, Rendered, Template};

/// A message ready to hand to a sender: the rendered text for senders that send text (SMTP),
/// and the template id with its fields for gateways that render on their side (Chinese SMS
/// gateways take a registered template code and its parameters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutgoingMessage {
    /// The outbox id, stable across attempts: a sender may pass it on as an idempotency key.
    pub id: i64,
    pub attempt: i32,
    pub channel: Channel,
    pub recipient: String,
    pub locale: Locale,
    pub template: Template,
    pub fields: BTreeMap<String, String>,
    pub rendered: Rendered,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SendError {
    /// Worth retrying: a timeout, a 4xx SMTP reply, a gateway's rate limit.
    #[error("temporary failure: {0}")]
    Transient(String),
    /// Retrying cannot help: an invalid address, a rejected template. Parked at once.
    #[error("permanent failure: {0}")]
    Permanent(String),
}

/// Delivers messages. Object-safe (boxed futures) so that the sender can be chosen from the
/// configuration at start-up.
pub trait Sender: Send + Sync {
    /// A short name for logs: `log`, `smtp`.
    fn name(&self) -> &'static str;

    /// Sends one message. Must not hold a database connection; the relay bounds it with a
    /// timeout.
    fn send<'a>(&'a self, message: &'a OutgoingMessage) -> BoxFuture<'a, Result<(), SendError>>;
}

/// Writes each message to the log at info level, with the recipient masked. In development
/// the text is shown (that is how a developer reads a one-time code); in production it is
/// withheld, since the text may be a code that grants access.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoggingSender {
    pub reveal_text: bool,
}

impl LoggingSender {
    /// The log line for `message`.
    pub fn line(&self, message: &OutgoingMessage) -> String {
        let text = if self.reveal_text {
            match &message.rendered.subject {
                Some(subject) => format!("{subject} | {}", message.rendered.body),
                None => message.rendered.body.clone(),
            }
        } else {
            "(text withheld outside development)".to_owned()
        };
        format!(
            "outbox #{} {} to {} [{}, {}]: {}",
            message.id,
            message.channel.as_str(),
            mask_recipient(message.channel, &message.recipient),
            message.template.as_str(),
            message.locale.as_str(),
            text.replace('\n', " "),
        )
    }
}

impl Sender for LoggingSender {
    fn name(&self) -> &'static str {
        "log"
    }

    fn send<'a>(&'a self, message: &'a OutgoingMessage) -> BoxFuture<'a, Result<(), SendError>> {
        Box::pin(async move {
            log::info!("{}", self.line(message));
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use weiquan_domain::notify::render;

    fn otp() -> OutgoingMessage {
        let fields: BTreeMap<String, String> = [("code", "482913"), ("minutes", "10")]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        OutgoingMessage {
            id: 7,
            attempt: 1,
            channel: Channel::Sms,
            recipient: "13812345678".into(),
            locale: Locale::ZhCn,
            template: Template::OtpRegister,
            rendered: render(Template::OtpRegister, Channel::Sms, Locale::ZhCn, &fields).unwrap(),
            fields,
        }
    }

    #[test]
    fn the_logging_sender_masks_the_phone_and_shows_the_code_in_development() {
        let line = LoggingSender { reveal_text: true }.line(&otp());
        assert!(line.contains("138****5678"), "{line}");
        assert!(!line.contains("13812345678"), "{line}");
        assert!(line.contains("482913"), "{line}");
        assert!(line.contains("otp_register"), "{line}");
    }

    #[test]
    fn outside_development_the_text_and_code_are_withheld() {
        let line = LoggingSender { reveal_text: false }.line(&otp());
        assert!(line.contains("138****5678"), "{line}");
        assert!(!line.contains("482913"), "{line}");
    }

    #[test]
    fn emails_are_masked_and_the_subject_shown() {
        let fields: BTreeMap<String, String> = BTreeMap::new();
        let message = OutgoingMessage {
            channel: Channel::Email,
            recipient: "zhangsan@example.com".into(),
            template: Template::PasswordChanged,
            rendered: render(
                Template::PasswordChanged,
                Channel::Email,
                Locale::En,
                &fields,
            )
            .unwrap(),
            locale: Locale::En,
            fields,
            ..otp()
        };
        let line = LoggingSender { reveal_text: true }.line(&message);
        assert!(line.contains("z***@example.com"), "{line}");
        assert!(line.contains("Your password was changed | "), "{line}");
    }
}
