//! The notification centre: one function writes notifications ([`notify_in`], in the caller's
//! transaction), the domain decides who gets what where (`weiquan_domain::notify::in_app`),
//! and the reader's use cases list, count and mark them read. SMS and email go through the
//! transactional outbox in the same transaction, so a change that rolls back tells nobody.
//!
//! Callers: intake and actions on orders (`crate::orders`, through [`order_event_in`]), the
//! overdue job (`crate::escalation`), and the dialogue (new messages, wired after merge).

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use diesel::{Connection, PgConnection};
use weiquan_db::DbError;
use weiquan_db::notifications::{self as db, NewNotification};
use weiquan_db::outbox::{self, NewMessage};
use weiquan_domain::access::{Actor, Denied, OrgId, Role, UserId};
use weiquan_domain::notify::in_app::{self, Kind, Preferences, Reachable};
use weiquan_domain::notify::{Channel, Locale};

use crate::{Deps, ServiceError};

/// What one call queued.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sent {
    /// Notifications stored in the centre.
    pub in_app: usize,
    /// SMS queued in the outbox.
    pub sms: usize,
    /// Emails queued in the outbox.
    pub email: usize,
}

/// Notifies `recipients` of `kind` (about `order_id`, with the text's `params`, a JSON object
/// of strings such as `{"number": "WQ…"}`), in the caller's transaction: the in-app row, and
/// SMS / email per each recipient's preferences and contacts. Disabled accounts are skipped.
pub fn notify_in(
    conn: &mut PgConnection,
    recipients: &[UserId],
    kind: Kind,
    order_id: Option<i64>,
    params: &serde_json::Value,
) -> Result<Sent, DbError> {
    notify_by_in(conn, recipients, None, kind, order_id, params)
}

/// [`notify_in`] for a change made by `by`: that user, if among the recipients, is not told of
/// their own action (except the receipt of their appeal; see `in_app::plan`).
pub fn notify_by_in(
    conn: &mut PgConnection,
    recipients: &[UserId],
    by: Option<UserId>,
    kind: Kind,
    order_id: Option<i64>,
    params: &serde_json::Value,
) -> Result<Sent, DbError> {
    let mut ids: Vec<i64> = recipients.iter().map(|u| u.0).collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(Sent::default());
    }
    if !params.is_object() {
        return Err(DbError::Other(
            "notification params must be a JSON object".into(),
        ));
    }
    let contacts = db::contacts(conn, &ids)?;
    let preferences = db::preferences_of(conn, &ids)?;
    let mut sent = Sent::default();
    let mut rows = Vec::new();
    for (user, phone, email) in &contacts {
        let plan = in_app::plan(
            kind,
            preferences.get(user).copied().unwrap_or_default(),
            Reachable {
                email: email.is_some(),
                phone: phone.is_some(),
            },
            by.is_some_and(|b| b.0 == *user),
        );
        if plan.in_app {
            rows.push(NewNotification {
                user_id: *user,
                kind: kind.as_str(),
                order_id,
                params,
            });
        }
        for (channel, template) in plan.outbox {
            let recipient = match channel {
                Channel::Sms => phone,
                Channel::Email => email,
            };
            let Some(recipient) = recipient else { continue };
            let payload: serde_json::Map<String, serde_json::Value> = template
                .fields()
                .iter()
                .filter_map(|f| params.get(*f).map(|v| ((*f).to_owned(), v.clone())))
                .collect();
            outbox::enqueue(
                conn,
                &NewMessage {
                    channel,
                    recipient: recipient.clone(),
                    locale: Locale::ZhCn,
                    template,
                    payload: serde_json::Value::Object(payload),
                },
            )?;
            match channel {
                Channel::Sms => sent.sms += 1,
                Channel::Email => sent.email += 1,
            }
        }
    }
    sent.in_app = db::insert(conn, &rows)?;
    Ok(sent)
}

/// An order event, as the notification rule needs it.
#[derive(Debug, Clone)]
pub struct OrderEvent<'a> {
    pub order_id: i64,
    pub number: &'a str,
    /// The event's stored name (`received`, `accept`, …).
    pub command: &'a str,
    /// Whether the event is on the consumer's timeline.
    pub public: bool,
    /// The consumer who filed it (`None`: an anonymous report, nobody is told).
    pub consumer: Option<UserId>,
    /// Who made the change (not told of their own action).
    pub by: Option<UserId>,
    /// The ODR enterprise that sees the order (a complaint about an approved ODR enterprise),
    /// if any: never for a report.
    pub enterprise: Option<OrgId>,
    /// The event sent the order to the enterprise (its state is now `with_enterprise`).
    pub to_enterprise: bool,
}

/// Notifies whoever an order event concerns: the consumer of a public event, and the
/// enterprise's users when the order reaches them or the consumer answers their proposal.
pub fn order_event_in(conn: &mut PgConnection, event: &OrderEvent<'_>) -> Result<Sent, DbError> {
    let params = serde_json::json!({ "number": event.number });
    let mut sent = Sent::default();
    if event.public
        && let Some(consumer) = event.consumer
    {
        let kind = Kind::for_consumer(event.command);
        sent = add(
            sent,
            notify_by_in(
                conn,
                &[consumer],
                event.by,
                kind,
                Some(event.order_id),
                &params,
            )?,
        );
    }
    if let Some(enterprise) = event.enterprise
        && let Some(kind) = Kind::for_enterprise(event.command, event.to_enterprise)
    {
        let users = enterprise_users(conn, enterprise)?;
        sent = add(
            sent,
            notify_by_in(conn, &users, event.by, kind, Some(event.order_id), &params)?,
        );
    }
    Ok(sent)
}

/// The users an enterprise's notifications go to: its handlers; when it has none, those who
/// may see its orders (reviewers and administrators).
pub fn enterprise_users(conn: &mut PgConnection, org: OrgId) -> Result<Vec<UserId>, DbError> {
    let mut ids = db::members_with_roles(conn, org.0, &[Role::Handler])?;
    if ids.is_empty() {
        ids = db::members_with_roles(conn, org.0, &[Role::Reviewer, Role::OrgAdmin])?;
    }
    Ok(ids.into_iter().map(UserId).collect())
}

fn add(a: Sent, b: Sent) -> Sent {
    Sent {
        in_app: a.in_app + b.in_app,
        sms: a.sms + b.sms,
        email: a.email + b.email,
    }
}

// ---- The reader's use cases ----

#[derive(Debug, thiserror::Error)]
pub enum NotificationError {
    #[error("not allowed: {0}")]
    Denied(Denied),
    #[error(transparent)]
    Service(#[from] ServiceError),
}

/// The user behind a caller: consumers and members have a notification centre; API clients
/// and anonymous callers do not.
fn user_of(actor: &Actor) -> Result<UserId, NotificationError> {
    match actor {
        Actor::Anonymous => Err(NotificationError::Denied(Denied::SignInRequired)),
        Actor::Client { .. } => Err(NotificationError::Denied(Denied::Forbidden)),
        Actor::Consumer { user } | Actor::Member { user, .. } => Ok(*user),
    }
}

/// One notification as the reader sees it, rendered in their language.
#[derive(Debug, Clone, PartialEq)]
pub struct Notification {
    pub id: i64,
    pub kind: String,
    pub order_id: Option<i64>,
    pub title: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
    pub read_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub items: Vec<Notification>,
    pub unread: i64,
}

fn rendered(row: db::NotificationRow, locale: Locale) -> Notification {
    let kind = Kind::parse(&row.kind).unwrap_or(Kind::OrderProgress);
    let params: BTreeMap<String, String> = row
        .params
        .as_object()
        .into_iter()
        .flatten()
        .filter_map(|(k, v)| {
            let text = match v {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Number(n) => n.to_string(),
                _ => return None,
            };
            Some((k.clone(), text))
        })
        .collect();
    let text = in_app::render(kind, locale, &params);
    Notification {
        id: row.id,
        kind: row.kind,
        order_id: row.order_id,
        title: text.title,
        body: text.body,
        created_at: row.created_at,
        read_at: row.read_at,
    }
}

/// The caller's notifications, newest first (`limit` 1..=100 after the id `before`), with
/// the unread count, in one transaction.
pub async fn list(
    deps: &Deps,
    actor: &Actor,
    before: Option<i64>,
    limit: i64,
    locale: Locale,
) -> Result<Page, NotificationError> {
    let user = user_of(actor)?;
    Ok(deps
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                let rows = db::page(conn, user.0, before, limit)?;
                let unread = db::unread_count(conn, user.0)?;
                Ok(Page {
                    items: rows.into_iter().map(|r| rendered(r, locale)).collect(),
                    unread,
                })
            })
        })
        .await?)
}

/// How many of the caller's notifications are unread.
pub async fn unread(deps: &Deps, actor: &Actor) -> Result<i64, NotificationError> {
    let user = user_of(actor)?;
    Ok(deps
        .db
        .run(move |conn| db::unread_count(conn, user.0))
        .await?)
}

/// What to mark read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MarkRead {
    Ids(Vec<i64>),
    All,
}

/// Marks the caller's notifications read (ids of other users' notifications change nothing);
/// answers how many changed.
pub async fn mark_read(
    deps: &Deps,
    actor: &Actor,
    what: MarkRead,
) -> Result<usize, NotificationError> {
    let user = user_of(actor)?;
    Ok(deps
        .db
        .run(move |conn| match what {
            MarkRead::Ids(ids) => db::mark_read(conn, user.0, &ids),
            MarkRead::All => db::mark_all_read(conn, user.0),
        })
        .await?)
}

/// The caller's channel preferences.
pub async fn preferences(deps: &Deps, actor: &Actor) -> Result<Preferences, NotificationError> {
    let user = user_of(actor)?;
    Ok(deps
        .db
        .run(move |conn| db::preferences(conn, user.0))
        .await?)
}

/// Stores the caller's channel preferences; answers them as stored.
pub async fn set_preferences(
    deps: &Deps,
    actor: &Actor,
    preferences: Preferences,
) -> Result<Preferences, NotificationError> {
    let user = user_of(actor)?;
    Ok(deps
        .db
        .run(move |conn| {
            db::set_preferences(conn, user.0, preferences)?;
            db::preferences(conn, user.0)
        })
        .await?)
}
