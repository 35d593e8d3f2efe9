//! The dialogue 三方对话 of a work order: reading a page with read receipts and the unread
//! count, posting (body, attachments, per-user rate, one transaction, then published to the
//! live hub), marking read, the unread summary across a caller's dialogues, downloading a
//! message's file, and what live streams need (who is reading, what they missed, how a
//! message looks to them). The rules are the domain's (`weiquan_domain::dialogue`).
//!
//! A message goes to Redis (and from there to every instance's streams) in one neutral form,
//! [`Stored`], holding what any reader could be shown; each stream renders it for its reader
//! ([`render`]), so internal notes and the consumer's identity are filtered per reader, never
//! per publisher.

use chrono::{DateTime, Utc};
use diesel::{Connection, PgConnection};
use serde::{Deserialize, Serialize};
use weiquan_db::DbError;
use weiquan_db::dialogue::{self as db, MessageRow, NewMessage, Reader, UnreadScope};
use weiquan_db::{inbox, orders as order_db};
use weiquan_domain::access::{Actor, Denied, UserId};
use weiquan_domain::dialogue::{
    self as rules, BodyProblem, CONSUMER_ALIAS_ZH, Follows, Party, PostRefusal, Rights,
    SYSTEM_NAME_ZH,
};
use weiquan_domain::evidence::{self, MediaType, SelectionProblem, UploadState};
use weiquan_domain::workflow::{Order, View};

use crate::attachments::{Download, Evidence, Store};
use crate::live::Hub;
use crate::rate_limit::{Limit, RateLimiter, Verdict};
use crate::{Deps, ServiceError};

#[derive(Debug, thiserror::Error)]
pub enum DialogueError {
    /// No such order, or its dialogue is not the caller's to see.
    #[error("not found")]
    NotFound,
    #[error("not allowed: {0}")]
    Denied(Denied),
    /// The dialogue does not accept this message now (closed order, or no public dialogue
    /// in this state).
    #[error("dialogue closed")]
    Closed,
    /// This participant may not write this kind of message.
    #[error("not allowed to post")]
    NotAllowed,
    /// Over the per-user message rate.
    #[error("too many messages")]
    Limited { retry_after: u64 },
    #[error("body refused")]
    Body(BodyProblem),
    /// Attachments the message may not carry, by position in its list.
    #[error("attachments refused")]
    Attachments(Vec<(usize, SelectionProblem)>),
    #[error(transparent)]
    Service(#[from] ServiceError),
}

impl From<DbError> for DialogueError {
    fn from(e: DbError) -> Self {
        Self::Service(e.into())
    }
}

impl From<diesel::result::Error> for DialogueError {
    fn from(e: diesel::result::Error) -> Self {
        DbError::from(e).into()
    }
}

impl From<PostRefusal> for DialogueError {
    fn from(r: PostRefusal) -> Self {
        match r {
            PostRefusal::Closed => Self::Closed,
            PostRefusal::NotAllowed => Self::NotAllowed,
        }
    }
}

/// Who reads one order's dialogue, and what they may do there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Viewer {
    pub order_id: i64,
    pub rights: Rights,
    pub user: Option<i64>,
    pub client: Option<i64>,
    /// The organisation the caller speaks for (staff, business).
    pub org: Option<i64>,
    /// The order is an anonymous report (its filer's name is nobody else's business).
    pub anonymous: bool,
}

impl Viewer {
    fn reader(&self) -> Reader {
        Reader {
            user_id: self.user,
            client_id: self.client,
            with_internal: self.rights.sees_internal,
        }
    }

    fn view(&self) -> View {
        match self.rights.party {
            Party::Consumer => View::Filer,
            Party::Business => View::Enterprise,
            Party::Mediator | Party::System => View::Staff,
        }
    }
}

/// A file a message carries, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredFile {
    pub id: i64,
    pub name: String,
    pub media_type: MediaType,
    pub size: i64,
    pub position: i16,
}

/// A message in the neutral form published to the hub: everything any reader could be shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stored {
    pub id: i64,
    pub order_id: i64,
    pub party: Party,
    pub author_user_id: Option<i64>,
    pub author_client_id: Option<i64>,
    /// The unit the author spoke for (staff, business).
    pub org_name: Option<String>,
    /// The consumer's name as filed (consumer messages of orders that are not anonymous).
    pub consumer_name: Option<String>,
    pub internal: bool,
    pub body: String,
    pub files: Vec<StoredFile>,
    pub created_at: DateTime<Utc>,
    pub anonymous: bool,
}

/// What goes over the hub's order topic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum LiveEvent {
    Message(Stored),
    /// A party read further.
    Read {
        party: Party,
        read_up_to: i64,
    },
}

/// How the author of a message is shown to one reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthorView {
    pub party: Party,
    pub name: String,
    pub org_name: Option<String>,
    pub mine: bool,
}

/// A message as one reader sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageView {
    pub id: i64,
    pub order_id: i64,
    pub author: AuthorView,
    pub internal: bool,
    pub body: String,
    pub attachments: Vec<Evidence>,
    pub created_at: DateTime<Utc>,
}

/// A message as `viewer` sees it; `None` when they do not see it (an internal note).
pub fn render(stored: &Stored, viewer: &Viewer) -> Option<MessageView> {
    if stored.order_id != viewer.order_id || !rules::visible_to(stored.internal, &viewer.rights) {
        return None;
    }
    let mine = (viewer.user.is_some() && stored.author_user_id == viewer.user)
        || (viewer.client.is_some() && stored.author_client_id == viewer.client);
    let name = match stored.party {
        Party::Consumer => {
            if mine || rules::shows_consumer_identity(viewer.rights.party, stored.anonymous) {
                stored
                    .consumer_name
                    .clone()
                    .unwrap_or_else(|| CONSUMER_ALIAS_ZH.to_owned())
            } else {
                CONSUMER_ALIAS_ZH.to_owned()
            }
        }
        Party::Business | Party::Mediator => stored.org_name.clone().unwrap_or_default(),
        Party::System => SYSTEM_NAME_ZH.to_owned(),
    };
    let org_name = match stored.party {
        Party::Business | Party::Mediator => stored.org_name.clone(),
        Party::Consumer | Party::System => None,
    };
    let view = viewer.view();
    Some(MessageView {
        id: stored.id,
        order_id: stored.order_id,
        author: AuthorView {
            party: stored.party,
            name,
            org_name,
            mine,
        },
        internal: stored.internal,
        body: stored.body.clone(),
        attachments: stored
            .files
            .iter()
            .map(|f| Evidence {
                id: f.id,
                file_name: evidence::shown_name(
                    view,
                    stored.anonymous,
                    usize::try_from(f.position).unwrap_or_default(),
                    &f.name,
                    f.media_type,
                ),
                media_type: f.media_type,
                size_bytes: f.size,
            })
            .collect(),
        created_at: stored.created_at,
    })
}

/// Messages as stored, with their files and the names readers may be shown.
fn stored_of(
    conn: &mut PgConnection,
    rows: Vec<MessageRow>,
    anonymous: bool,
) -> Result<Vec<Stored>, DbError> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut files = db::attachments_of(conn, &ids)?;
    let mut org_ids: Vec<i64> = rows.iter().filter_map(|r| r.author_org_id).collect();
    org_ids.sort_unstable();
    org_ids.dedup();
    let orgs = inbox::org_names(conn, &org_ids)?;
    let consumer_name = if !anonymous && rows.iter().any(|r| r.author_party == "consumer") {
        let order_id = rows.first().map(|r| r.order_id).unwrap_or_default();
        order_db::party(conn, order_id)?.and_then(|p| p.display_name)
    } else {
        None
    };
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let party = Party::parse(&row.author_party)
            .ok_or_else(|| DbError::Other(format!("message {} party", row.id)))?;
        let mine: Vec<StoredFile> = files
            .iter()
            .filter(|(message, _, _)| *message == row.id)
            .map(|(_, a, position)| StoredFile {
                id: a.id,
                name: a.file_name.clone(),
                media_type: MediaType::from_mime(&a.media_type).unwrap_or(MediaType::Pdf),
                size: a.size_bytes,
                position: *position,
            })
            .collect();
        files.retain(|(message, _, _)| *message != row.id);
        out.push(Stored {
            id: row.id,
            order_id: row.order_id,
            party,
            author_user_id: row.author_user_id,
            author_client_id: row.author_client_id,
            org_name: row
                .author_org_id
                .and_then(|id| orgs.iter().find(|(o, _)| *o == id).map(|(_, n)| n.clone())),
            consumer_name: (party == Party::Consumer)
                .then(|| consumer_name.clone())
                .flatten(),
            internal: row.internal,
            body: row.body,
            files: mine,
            created_at: row.created_at,
            anonymous,
        });
    }
    Ok(out)
}

fn viewer_of(
    actor: &Actor,
    loaded: &crate::orders::Loaded,
) -> Result<(Viewer, Order), DialogueError> {
    let rights = match rules::participant(&loaded.order, UserId(loaded.row.filed_by), actor) {
        Ok(Some(rights)) => rights,
        Ok(None) => return Err(DialogueError::NotFound),
        Err(d) => return Err(DialogueError::Denied(d)),
    };
    let client = match actor {
        Actor::Client { client, .. } => Some(client.0),
        _ => None,
    };
    Ok((
        Viewer {
            order_id: loaded.row.id,
            rights,
            user: actor.user().map(|u| u.0),
            client,
            org: actor.org().map(|o| o.id.0),
            anonymous: crate::orders::is_anonymous(loaded),
        },
        loaded.order.clone(),
    ))
}

/// Who `actor` is in the dialogue of order `order_id` (404 when it is not theirs to see).
pub async fn viewer(
    deps: &Deps,
    actor: &Actor,
    order_id: i64,
) -> Result<(Viewer, Order), DialogueError> {
    if matches!(actor, Actor::Anonymous) {
        return Err(DialogueError::Denied(Denied::SignInRequired));
    }
    let loaded = deps
        .db
        .run(move |conn| crate::orders::load(conn, order_id))
        .await?
        .ok_or(DialogueError::NotFound)?;
    viewer_of(actor, &loaded)
}

/// One page of a dialogue as a reader sees it.
#[derive(Debug, Clone)]
pub struct DialoguePage {
    pub items: Vec<MessageView>,
    /// Public messages are accepted now.
    pub open: bool,
    pub can_post: bool,
    pub can_post_internal: bool,
    pub my_read_up_to: Option<i64>,
    /// Per party of the dialogue, how far it has read.
    pub read_receipts: Vec<(Party, Option<i64>)>,
    /// Messages after the reader's mark that others wrote.
    pub unread: i64,
}

/// The messages after `after` (oldest first, at most `limit`), with receipts and counts.
pub async fn list(
    deps: &Deps,
    actor: &Actor,
    order_id: i64,
    after: Option<i64>,
    limit: u32,
) -> Result<DialoguePage, DialogueError> {
    let (viewer, order) = viewer(deps, actor, order_id).await?;
    let parties = rules::parties(&order);
    let v = viewer.clone();
    let (stored, mark, receipts, unread) = deps
        .db
        .run(move |conn| {
            let rows = db::page(
                conn,
                order_id,
                after.unwrap_or(0),
                i64::from(limit),
                v.rights.sees_internal,
            )?;
            let stored = stored_of(conn, rows, v.anonymous)?;
            let mark = match v.user {
                Some(user) => db::read_mark(conn, order_id, user)?,
                None => None,
            };
            let receipts = db::receipts(conn, order_id)?;
            let unread = db::unread_count(conn, order_id, mark.unwrap_or(0), v.reader())?;
            Ok((stored, mark, receipts, unread))
        })
        .await?;
    Ok(DialoguePage {
        items: stored.iter().filter_map(|s| render(s, &viewer)).collect(),
        open: rules::is_open(&order),
        can_post: rules::may_post(&order, &viewer.rights, false).is_ok(),
        can_post_internal: rules::may_post(&order, &viewer.rights, true).is_ok(),
        my_read_up_to: mark,
        read_receipts: parties
            .into_iter()
            .map(|p| {
                let mark = receipts
                    .iter()
                    .find(|(party, _)| party == p.as_str())
                    .map(|(_, m)| *m);
                (p, mark)
            })
            .collect(),
        unread,
    })
}

/// A message to post.
#[derive(Debug, Clone)]
pub struct Draft {
    pub body: String,
    pub internal: bool,
    pub attachments: Vec<i64>,
}

/// The per-user message rate: `max` messages a minute.
pub fn rate(max: u32) -> Limit {
    Limit {
        max,
        window: std::time::Duration::from_secs(60),
    }
}

fn check_files(
    conn: &mut PgConnection,
    user: Option<i64>,
    ids: &[i64],
) -> Result<Vec<(usize, SelectionProblem)>, DbError> {
    let form = evidence::check_selection(ids);
    if !form.is_empty() {
        return Ok(form);
    }
    let rows = weiquan_db::attachments::lock_many(conn, ids)?;
    Ok(ids
        .iter()
        .enumerate()
        .filter_map(|(i, id)| {
            let state = rows.iter().find(|r| r.id == *id).map(|r| UploadState {
                uploaded_by_caller: Some(r.uploaded_by) == user,
                attached: r.attached_at.is_some(),
            });
            rules::may_share(state).err().map(|p| (i, p))
        })
        .collect())
}

/// Posts a message: the caller must take part and may write this kind of message now; the
/// body is cleaned and limited; the files must be the caller's own uploads; the caller's rate
/// is counted. One transaction holds the order against a concurrent closure, writes the
/// message and its files, and moves the author's read mark past it; then it is published.
pub async fn post(
    deps: &Deps,
    limiter: &RateLimiter,
    limit: Limit,
    actor: &Actor,
    order_id: i64,
    draft: Draft,
) -> Result<MessageView, DialogueError> {
    let (viewer, order) = viewer(deps, actor, order_id).await?;
    let body = rules::clean_body(&draft.body).map_err(DialogueError::Body)?;
    rules::may_post(&order, &viewer.rights, draft.internal)?;
    let subject = match (viewer.user, viewer.client) {
        (Some(user), _) => format!("user:{user}"),
        (None, Some(client)) => format!("client:{client}"),
        (None, None) => return Err(DialogueError::Denied(Denied::Forbidden)),
    };
    if let Verdict::Limited { retry_after } =
        limiter.hit("dialogue-message", &subject, limit).await?
    {
        return Err(DialogueError::Limited { retry_after });
    }
    let actor = actor.clone();
    let v = viewer.clone();
    let (stored, receipt) = deps
        .db
        .run(move |conn| {
            Ok(conn.transaction(|conn| -> Result<_, DialogueError> {
                if !db::lock_order_shared(conn, order_id)? {
                    return Err(DialogueError::NotFound);
                }
                let loaded = crate::orders::load(conn, order_id)?.ok_or(DialogueError::NotFound)?;
                let (v, order) = viewer_of(&actor, &loaded)?;
                rules::may_post(&order, &v.rights, draft.internal)?;
                let refused = check_files(conn, v.user, &draft.attachments)?;
                if !refused.is_empty() {
                    return Err(DialogueError::Attachments(refused));
                }
                let row = db::insert(
                    conn,
                    &NewMessage {
                        order_id,
                        author_user_id: v.user,
                        author_client_id: v.client,
                        author_party: v.rights.party.as_str(),
                        author_org_id: match v.rights.party {
                            Party::Business | Party::Mediator => v.org,
                            Party::Consumer | Party::System => None,
                        },
                        internal: draft.internal,
                        body: &body,
                    },
                )?;
                db::attach(conn, row.id, &draft.attachments)?;
                if !draft.internal {
                    tell_participants(conn, &loaded, v.rights.party, v.user.map(UserId))?;
                }
                if v.rights.party == Party::Business {
                    crate::odr::answered_in(conn, order_id, row.created_at)?;
                }
                let receipt = match v.user {
                    Some(user) => {
                        db::mark_read(conn, order_id, user, v.rights.party.as_str(), row.id)?;
                        Some((v.rights.party, row.id))
                    }
                    None => None,
                };
                let stored = stored_of(conn, vec![row], v.anonymous)?;
                Ok((stored, receipt))
            }))
        })
        .await??;
    let stored = stored
        .into_iter()
        .next()
        .ok_or_else(|| ServiceError::Internal("posted message not read back".into()))?;
    publish(&deps.hub, order_id, &LiveEvent::Message(stored.clone())).await;
    if let Some((party, read_up_to)) = receipt {
        publish(&deps.hub, order_id, &LiveEvent::Read { party, read_up_to }).await;
    }
    render(&stored, &v).ok_or_else(|| ServiceError::Internal("own message hidden".into()).into())
}

/// Tells the dialogue's other parties of a new message (in-app only: `Kind::NewMessage`), in
/// the posting transaction: the consumer, the enterprise's users, and on the mediating side
/// the order's handler or, with none assigned, the mediating unit's handlers. Internal notes
/// tell nobody outside the staff, so they are not announced at all.
fn tell_participants(
    conn: &mut PgConnection,
    loaded: &crate::orders::Loaded,
    author: Party,
    by: Option<UserId>,
) -> Result<(), DbError> {
    use crate::notifications;
    use weiquan_domain::notify::in_app::Kind;
    let order = &loaded.order;
    let mut recipients = Vec::new();
    for party in rules::parties(order) {
        if party == author {
            continue;
        }
        match party {
            Party::Consumer => recipients.extend(order.consumer),
            Party::Business => {
                if let Some(business) = order.business {
                    recipients.extend(notifications::enterprise_users(conn, business)?);
                }
            }
            Party::Mediator => match order.handler {
                Some(handler) => recipients.push(handler),
                None => {
                    let unit = order.mediator.as_ref().unwrap_or(&order.holder).id;
                    recipients.extend(
                        weiquan_db::notifications::members_with_roles(
                            conn,
                            unit.0,
                            &[weiquan_domain::access::Role::Handler],
                        )?
                        .into_iter()
                        .map(UserId),
                    );
                }
            },
            Party::System => {}
        }
    }
    notifications::notify_by_in(
        conn,
        &recipients,
        by,
        Kind::NewMessage,
        Some(loaded.row.id),
        &serde_json::json!({ "number": loaded.row.number }),
    )?;
    Ok(())
}

/// Publishes a live event to the order's topic (after commit). A failure is logged, not
/// returned: the change is committed, and streams heal gaps from PostgreSQL.
pub async fn publish(hub: &Hub, order_id: i64, event: &LiveEvent) {
    match serde_json::to_string(event) {
        Ok(json) => {
            if let Err(e) = hub.publish_order(order_id, &json).await {
                log::warn!("dialogue: publishing to order {order_id} failed: {e}");
            }
        }
        Err(e) => log::error!("dialogue: serialising a live event: {e}"),
    }
}

/// Marks the caller's reading of the dialogue up to `up_to` (never backwards, never past the
/// newest message they can see). API clients keep no read marks: a no-op for them.
pub async fn mark_read(
    deps: &Deps,
    actor: &Actor,
    order_id: i64,
    up_to: i64,
) -> Result<(), DialogueError> {
    let (viewer, _) = viewer(deps, actor, order_id).await?;
    let Some(user) = viewer.user else {
        return Ok(());
    };
    let party = viewer.rights.party;
    let with_internal = viewer.rights.sees_internal;
    let moved = deps
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                let latest = db::latest_id(conn, order_id, with_internal)?;
                let current = db::read_mark(conn, order_id, user)?;
                match rules::advance_read(current, up_to, latest) {
                    Some(next) => {
                        db::mark_read(conn, order_id, user, party.as_str(), next)?;
                        let party_mark = db::receipts(conn, order_id)?
                            .into_iter()
                            .find(|(p, _)| p == party.as_str())
                            .map_or(next, |(_, m)| m);
                        Ok(Some(party_mark))
                    }
                    None => Ok(None),
                }
            })
        })
        .await?;
    if let Some(read_up_to) = moved {
        publish(&deps.hub, order_id, &LiveEvent::Read { party, read_up_to }).await;
    }
    Ok(())
}

/// What a stream replays: the messages after `after` that `viewer` sees, oldest first, at
/// most `limit`.
pub async fn since(
    deps: &Deps,
    viewer: &Viewer,
    after: i64,
    limit: i64,
) -> Result<Vec<Stored>, ServiceError> {
    let (order_id, with_internal, anonymous) = (
        viewer.order_id,
        viewer.rights.sees_internal,
        viewer.anonymous,
    );
    deps.db
        .run(move |conn| {
            let rows = db::page(conn, order_id, after, limit, with_internal)?;
            stored_of(conn, rows, anonymous)
        })
        .await
}

/// The newest message id `viewer` sees (0 when none): where a stream without
/// `Last-Event-ID` starts.
pub async fn latest(deps: &Deps, viewer: &Viewer) -> Result<i64, ServiceError> {
    let (order_id, with_internal) = (viewer.order_id, viewer.rights.sees_internal);
    Ok(deps
        .db
        .run(move |conn| db::latest_id(conn, order_id, with_internal))
        .await?
        .unwrap_or(0))
}

/// A system message (`system` party, public) in the caller's transaction: the deadline
/// passed, the order moved. Publish the answer with [`publish`] after the transaction commits
/// (or leave it: streams read it from PostgreSQL when they reconnect). `body` carries both
/// languages, e.g. `"企业未在期限内和解，已转回市场监管部门处理。 / The enterprise did not
/// settle in time; the order is back with the bureau."`; at most 4,000 characters are kept.
pub fn post_system_in(
    conn: &mut PgConnection,
    order_id: i64,
    body: &str,
) -> Result<Stored, DbError> {
    let body: String = body.trim().chars().take(4000).collect();
    if body.is_empty() {
        return Err(DbError::Other("empty system message".into()));
    }
    let row = db::insert(
        conn,
        &NewMessage {
            order_id,
            author_user_id: None,
            author_client_id: None,
            author_party: Party::System.as_str(),
            author_org_id: None,
            internal: false,
            body: &body,
        },
    )?;
    let anonymous = order_db::find(conn, order_id)?
        .is_some_and(|o| o.kind == "report" && o.consumer_id.is_none());
    stored_of(conn, vec![row], anonymous)?
        .into_iter()
        .next()
        .ok_or_else(|| DbError::Other("system message not read back".into()))
}

/// A caller's unread counts: per order they follow ([`weiquan_domain::dialogue::follows`])
/// with unread messages.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Unread {
    pub total: i64,
    pub orders: Vec<(i64, i64)>,
}

pub async fn unread(deps: &Deps, actor: &Actor) -> Result<Unread, DialogueError> {
    let follows = rules::follows(actor).map_err(DialogueError::Denied)?;
    let Some(follows) = follows else {
        return Ok(Unread::default());
    };
    let (scope, with_internal) = match follows {
        Follows::Filed(user) => (UnreadScope::Filer { user_id: user.0 }, false),
        Follows::Business(org) => (UnreadScope::Business { org_id: org.0 }, false),
        Follows::Unit(org) => (
            UnreadScope::Unit {
                org_id: org.id.0,
                path: org.path.to_sql(),
            },
            true,
        ),
    };
    let reader = Reader {
        user_id: actor.user().map(|u| u.0),
        client_id: match actor {
            Actor::Client { client, .. } => Some(client.0),
            _ => None,
        },
        with_internal,
    };
    let orders = deps
        .db
        .run(move |conn| db::unread_summary(conn, &scope, reader))
        .await?;
    Ok(Unread {
        total: orders.iter().map(|(_, n)| n).sum(),
        orders,
    })
}

/// One file carried by a message of the order, for a participant who sees such a message
/// (a file only in internal notes: staff only); `NotFound` for everyone else.
pub async fn open_file(
    deps: &Deps,
    store: &Store,
    actor: &Actor,
    order_id: i64,
    attachment_id: i64,
) -> Result<Download, DialogueError> {
    let (viewer, _) = viewer(deps, actor, order_id).await?;
    let (row, position, internal) = deps
        .db
        .run(move |conn| db::message_attachment(conn, order_id, attachment_id))
        .await?
        .ok_or(DialogueError::NotFound)?;
    if !rules::visible_to(internal, &viewer.rights) {
        return Err(DialogueError::NotFound);
    }
    let media = MediaType::from_mime(&row.media_type).unwrap_or(MediaType::Pdf);
    let path = store
        .path_of(&row.sha256)
        .ok_or_else(|| ServiceError::Internal(format!("attachment {} bad hash", row.id)))?;
    Ok(Download {
        path,
        evidence: Evidence {
            id: row.id,
            file_name: evidence::shown_name(
                viewer.view(),
                viewer.anonymous,
                usize::try_from(position).unwrap_or_default(),
                &row.file_name,
                media,
            ),
            media_type: media,
            size_bytes: row.size_bytes,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn viewer(party: Party, user: Option<i64>, anonymous: bool) -> Viewer {
        Viewer {
            order_id: 1,
            rights: Rights {
                party,
                sees_internal: party == Party::Mediator,
                posts: true,
                posts_internal: party == Party::Mediator,
            },
            user,
            client: None,
            org: None,
            anonymous,
        }
    }

    fn message(party: Party, author: Option<i64>, internal: bool) -> Stored {
        Stored {
            id: 10,
            order_id: 1,
            party,
            author_user_id: author,
            author_client_id: None,
            org_name: (party != Party::Consumer).then(|| "南山区市场监管局".to_owned()),
            consumer_name: (party == Party::Consumer).then(|| "张三".to_owned()),
            internal,
            body: "您好".into(),
            files: vec![StoredFile {
                id: 5,
                name: "张三的发票.png".into(),
                media_type: MediaType::Png,
                size: 10,
                position: 0,
            }],
            created_at: DateTime::<Utc>::UNIX_EPOCH,
            anonymous: false,
        }
    }

    #[test]
    fn the_business_sees_the_consumer_as_consumer_and_staff_by_name() {
        let m = message(Party::Consumer, Some(3), false);
        let business = render(&m, &viewer(Party::Business, Some(8), false));
        assert_eq!(business.map(|v| v.author.name), Some("消费者".to_owned()));
        let staff = render(&m, &viewer(Party::Mediator, Some(9), false));
        assert_eq!(staff.map(|v| v.author.name), Some("张三".to_owned()));
        let own = render(&m, &viewer(Party::Consumer, Some(3), false));
        assert_eq!(
            own.map(|v| (v.author.name, v.author.mine)),
            Some(("张三".to_owned(), true))
        );
    }

    #[test]
    fn internal_notes_render_for_staff_only() {
        let m = message(Party::Mediator, Some(9), true);
        assert!(render(&m, &viewer(Party::Consumer, Some(3), false)).is_none());
        assert!(render(&m, &viewer(Party::Business, Some(8), false)).is_none());
        let staff = render(&m, &viewer(Party::Mediator, Some(9), false));
        assert_eq!(
            staff.map(|v| (v.author.org_name, v.author.mine)),
            Some((Some("南山区市场监管局".to_owned()), true))
        );
    }

    #[test]
    fn another_orders_message_renders_for_nobody() {
        let mut m = message(Party::Mediator, Some(9), false);
        m.order_id = 2;
        assert!(render(&m, &viewer(Party::Mediator, Some(9), false)).is_none());
    }

    #[test]
    fn an_anonymous_orders_files_are_renamed_for_all_but_the_filer() {
        let mut m = message(Party::Mediator, Some(9), false);
        m.anonymous = true;
        let staff = render(&m, &viewer(Party::Mediator, Some(9), true));
        assert_eq!(
            staff.map(|v| v.attachments[0].file_name.clone()),
            Some("evidence-1.png".to_owned())
        );
        let filer = render(&m, &viewer(Party::Consumer, Some(3), true));
        assert_eq!(
            filer.map(|v| v.attachments[0].file_name.clone()),
            Some("张三的发票.png".to_owned())
        );
    }

    #[test]
    fn live_events_round_trip_through_json() {
        let events = [
            LiveEvent::Message(message(Party::Business, Some(8), false)),
            LiveEvent::Read {
                party: Party::Consumer,
                read_up_to: 12,
            },
        ];
        for event in events {
            let json = serde_json::to_string(&event).unwrap_or_default();
            let back: Option<LiveEvent> = serde_json::from_str(&json).ok();
            assert_eq!(back, Some(event));
        }
    }
}
