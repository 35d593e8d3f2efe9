//! The notification centre of the signed-in user (consumers and members alike; API clients
//! have none): the list, the unread count the bell polls, marking read, and the channels they
//! chose besides the app (`/me/notification-preferences`).

pub mod list;
pub mod preferences;
pub mod read;
pub mod unread;

use actix_web::HttpRequest;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use weiquan_domain::notify::Locale;
use weiquan_services::notifications::{Notification, NotificationError};

use crate::auth::denied;
use crate::error::ApiError;

/// One notification, its text in the language of the request (`Accept-Language`: English when
/// it starts with `en`, Chinese otherwise).
#[derive(Debug, Serialize, ToSchema)]
pub struct NotificationDto {
    pub id: i64,
    /// What happened, e.g. `order_accepted`, `settlement_proposed`, `order_overdue`,
    /// `new_message` (texts: `domain/src/notify/in_app.rs`).
    pub kind: String,
    /// The order it is about, to link to.
    pub order_id: Option<i64>,
    pub title: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
    /// When the user marked it read; null while unread.
    pub read_at: Option<DateTime<Utc>>,
}

impl From<Notification> for NotificationDto {
    fn from(n: Notification) -> Self {
        Self {
            id: n.id,
            kind: n.kind,
            order_id: n.order_id,
            title: n.title,
            body: n.body,
            created_at: n.created_at,
            read_at: n.read_at,
        }
    }
}

/// How many notifications are unread.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct UnreadCount {
    pub unread: i64,
}

/// The reader's language from `Accept-Language`.
pub fn locale_of(req: &HttpRequest) -> Locale {
    let first = req
        .headers()
        .get(actix_web::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(',').next())
        .map(|v| v.trim().to_ascii_lowercase())
        .unwrap_or_default();
    if first.starts_with("en") {
        Locale::En
    } else {
        Locale::ZhCn
    }
}

pub fn notification_error(e: NotificationError) -> ApiError {
    match e {
        NotificationError::Denied(reason) => denied(reason),
        NotificationError::Service(e) => e.into(),
    }
}
