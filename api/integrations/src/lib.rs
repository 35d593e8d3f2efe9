//! Clients of outside systems. For now the senders of the outbox relay
//! (`weiquan_services::outbox::Sender`): email over SMTP ([`smtp::SmtpSender`]), SMS through
//! an HTTP gateway ([`sms::SmsGatewaySender`]), and [`ByChannel`], which hands each message to
//! the sender of its channel. Which ones run is chosen at start-up from the environment
//! (`weiquan_http::background`); anything not configured goes to the log.

pub mod sms;
pub mod smtp;

use std::sync::Arc;

use futures_util::future::BoxFuture;
use weiquan_domain::notify::Channel;
use weiquan_services::outbox::{OutgoingMessage, SendError, Sender};

/// Sends email with one sender and SMS with another.
pub struct ByChannel {
    pub email: Arc<dyn Sender>,
    pub sms: Arc<dyn Sender>,
}

impl Sender for ByChannel {
    fn name(&self) -> &'static str {
        "by-channel"
    }

    fn send<'a>(&'a self, message: &'a OutgoingMessage) -> BoxFuture<'a, Result<(), SendError>> {
        match message.channel {
            Channel::Email => self.email.send(message),
            Channel::Sms => self.sms.send(message),
        }
    }
}
