//! The three-party dialogue 三方对话 of a work order: who takes part (the consumer who filed
//! it, the business when it is an ODR enterprise settling a complaint, the mediator side), what
//! each may read and write, when the dialogue accepts messages, what a message may hold, and
//! how an author is shown to each reader.
//!
//! Who may see the order at all is [`crate::workflow::view`]; this module adds the dialogue's
//! own rules on top:
//! - the consumer and the business read and write the public messages; staff also read and
//!   write internal notes 内部备注, which the consumer and the business never receive;
//! - a report never has a business participant (Art. 37): `view` already never shows a report
//!   to a business, and an API client of the business is held to the same rule here;
//! - public messages are accepted while a complaint is with the enterprise, accepted or in
//!   mediation; notes in any open state; a closed order's dialogue is read-only;
//! - the business never learns who the consumer is: it sees them as 消费者.

use serde::{Deserialize, Serialize};

use crate::access::{
    Actor, ClientScope, Denied, OrgId, OrgKind, OrgRef, Role, UserId, second_factor_required,
};
use crate::evidence::{SelectionProblem, UploadState};
use crate::workflow::{AppealKind, Order, State, View, view};

/// Longest message body, in characters, after trimming.
pub const MAX_BODY_CHARS: usize = 2000;

/// At most this many attachments per message (as per submission: the evidence rules).
pub const MAX_ATTACHMENTS: usize = crate::evidence::MAX_PER_SUBMISSION;

/// Messages one account may post per minute unless configured otherwise
/// (`MESSAGE_RATE_PER_MINUTE`).
pub const DEFAULT_MESSAGE_RATE_PER_MINUTE: u32 = 20;

/// Messages per page when the caller does not say, and at most.
pub const DEFAULT_PAGE: u32 = 100;
pub const MAX_PAGE: u32 = 200;

/// How the business sees the consumer, and how anyone sees the consumer of an anonymous
/// report who is not its filer.
pub const CONSUMER_ALIAS_ZH: &str = "消费者";
pub const CONSUMER_ALIAS_EN: &str = "Consumer";

/// The name system messages are shown under.
pub const SYSTEM_NAME_ZH: &str = "系统";

/// A side of the dialogue (and the author of a message: the platform itself is `System`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Party {
    /// The consumer who filed the order.
    Consumer,
    /// The ODR enterprise the complaint is about (its members and API clients).
    Business,
    /// Staff who see the order as staff: the holding unit, the units above it and the
    /// association mediation was delegated to.
    Mediator,
    /// The platform (a deadline passed, the order moved).
    System,
}

impl Party {
    pub const ALL: [Self; 4] = [Self::Consumer, Self::Business, Self::Mediator, Self::System];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Consumer => "consumer",
            Self::Business => "business",
            Self::Mediator => "mediator",
            Self::System => "system",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == s)
    }
}

/// What one participant may do in an order's dialogue (whatever its state; see [`may_post`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rights {
    pub party: Party,
    /// Reads internal notes (staff only).
    pub sees_internal: bool,
    /// Writes public messages (while the dialogue is open).
    pub posts: bool,
    /// Writes internal notes (while the order is open).
    pub posts_internal: bool,
}

/// Whether a member of the holding unit or of the delegated association, with a role that
/// handles cases, acts for the mediator side in public. Staff of the units above read
/// everything and write notes, but speak to the parties through the unit that holds the order.
fn acting_mediator(order: &Order, actor: &Actor) -> bool {
    match actor {
        Actor::Member { org, roles, .. } => {
            let unit = org.id == order.holder.id
                || order.mediator.as_ref().is_some_and(|m| m.id == org.id);
            unit && [Role::Handler, Role::Reviewer]
                .iter()
                .any(|r| roles.contains(r))
        }
        _ => false,
    }
}

/// Whether an API client of an organisation speaks for the business of this order: the ODR
/// enterprise a complaint is about (never a report), with `orders:read` or `orders:write`.
fn client_of_business(order: &Order, actor: &Actor) -> bool {
    match actor {
        Actor::Client { org, scopes, .. } => {
            org.kind == OrgKind::Enterprise
                && order.kind == AppealKind::Complaint
                && order.business == Some(org.id)
                && order.business_odr
                && (scopes.contains(&ClientScope::OrdersRead)
                    || scopes.contains(&ClientScope::OrdersWrite))
        }
        _ => false,
    }
}

fn client_writes(actor: &Actor) -> bool {
    match actor {
        Actor::Client { scopes, .. } => scopes.contains(&ClientScope::OrdersWrite),
        _ => true,
    }
}

/// What `actor` may do in the dialogue of `order` (filed by the account `filed_by`):
/// `Ok(None)` when the dialogue does not exist for them (404, exactly as the order itself);
/// `Err` when they must first sign in or pass a second factor.
pub fn participant(
    order: &Order,
    filed_by: UserId,
    actor: &Actor,
) -> Result<Option<Rights>, Denied> {
    let seen = view(order, filed_by, actor)?;
    let rights = match seen {
        Some(View::Filer) => Rights {
            party: Party::Consumer,
            sees_internal: false,
            posts: true,
            posts_internal: false,
        },
        Some(View::Enterprise) if order.kind != AppealKind::Report => Rights {
            party: Party::Business,
            sees_internal: false,
            posts: client_writes(actor),
            posts_internal: false,
        },
        Some(View::Enterprise) => return Ok(None),
        Some(View::Staff) => Rights {
            party: Party::Mediator,
            sees_internal: true,
            posts: acting_mediator(order, actor),
            posts_internal: true,
        },
        None if client_of_business(order, actor) => Rights {
            party: Party::Business,
            sees_internal: false,
            posts: client_writes(actor),
            posts_internal: false,
        },
        None => return Ok(None),
    };
    Ok(Some(rights))
}

/// Whether the dialogue accepts public messages: a complaint with the enterprise, accepted,
/// or in mediation.
pub fn is_open(order: &Order) -> bool {
    order.kind == AppealKind::Complaint
        && matches!(
            order.state,
            State::WithEnterprise { .. } | State::Accepted | State::Mediating
        )
}

/// Why a message may not be posted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostRefusal {
    /// The dialogue does not accept this message now (the order is closed, or not in a state
    /// with a public dialogue): 409 `dialogue_closed`.
    Closed,
    /// This participant may not write this kind of message: 403.
    NotAllowed,
}

/// Whether a participant with `rights` may post a message (`internal`: a note) on `order` now.
pub fn may_post(order: &Order, rights: &Rights, internal: bool) -> Result<(), PostRefusal> {
    if internal {
        if !rights.posts_internal {
            return Err(PostRefusal::NotAllowed);
        }
        if !order.state.is_open() {
            return Err(PostRefusal::Closed);
        }
        return Ok(());
    }
    if !rights.posts {
        return Err(PostRefusal::NotAllowed);
    }
    if !is_open(order) {
        return Err(PostRefusal::Closed);
    }
    Ok(())
}

/// The parties whose read receipts an order's dialogue shows: never a business on a report,
/// nor on an order whose business is not an ODR enterprise on the platform.
pub fn parties(order: &Order) -> Vec<Party> {
    let business = order.kind == AppealKind::Complaint && order.business_odr;
    [Party::Consumer, Party::Business, Party::Mediator]
        .into_iter()
        .filter(|p| *p != Party::Business || business)
        .collect()
}

/// Whether a reader sees a message: internal notes only staff.
pub fn visible_to(internal: bool, rights: &Rights) -> bool {
    !internal || rights.sees_internal
}

/// Whether a reader of `party` may learn who the consumer is. The filer knows themselves;
/// staff see the complainant (never an anonymous reporter); the business never does.
pub fn shows_consumer_identity(reader: Party, anonymous: bool) -> bool {
    match reader {
        Party::Consumer => true,
        Party::Mediator => !anonymous,
        Party::Business | Party::System => false,
    }
}

/// Whether a message may carry an upload (`None`: no such upload): any upload of the author's
/// own, new or already part of an appeal or another message (sharing one's evidence again
/// is the point of a dialogue); never someone else's (one answer for both, so ids cannot be
/// probed). The form checks (at most [`MAX_ATTACHMENTS`], no duplicates) are
/// [`crate::evidence::check_selection`]'s.
pub fn may_share(upload: Option<UploadState>) -> Result<(), SelectionProblem> {
    match upload {
        Some(UploadState {
            uploaded_by_caller: true,
            ..
        }) => Ok(()),
        _ => Err(SelectionProblem::NotYours),
    }
}

/// Which dialogues a caller follows for unread counts: the orders they filed, the complaints
/// about their enterprise, or the open orders their unit holds or mediates. Staff of units
/// above read their subtree's dialogues when they open them, but are not counted as
/// followers of every one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Follows {
    Filed(UserId),
    Business(OrgId),
    Unit(OrgRef),
}

/// What [`Follows`] a caller, with the same roles and second-factor rule as seeing an order
/// ([`crate::workflow::view`]); `Ok(None)` for callers who take part in no dialogue.
pub fn follows(actor: &Actor) -> Result<Option<Follows>, Denied> {
    match actor {
        Actor::Anonymous => Err(Denied::SignInRequired),
        Actor::Consumer { user } => Ok(Some(Follows::Filed(*user))),
        Actor::Client { org, scopes, .. } => Ok((org.kind == OrgKind::Enterprise
            && (scopes.contains(&ClientScope::OrdersRead)
                || scopes.contains(&ClientScope::OrdersWrite)))
        .then_some(Follows::Business(org.id))),
        Actor::Member {
            org,
            roles,
            second_factor,
            ..
        } => {
            let has = |wanted: &[Role]| wanted.iter().any(|r| roles.contains(r));
            let follows = if (org.kind.is_government() || org.kind == OrgKind::Association)
                && has(&[Role::Handler, Role::Reviewer, Role::Analyst])
            {
                Some(Follows::Unit(org.clone()))
            } else if org.kind == OrgKind::Enterprise
                && has(&[Role::Handler, Role::Reviewer, Role::OrgAdmin])
            {
                Some(Follows::Business(org.id))
            } else {
                None
            };
            if follows.is_some() && second_factor_required(org.kind, roles) && !second_factor {
                return Err(Denied::SecondFactorRequired);
            }
            Ok(follows)
        }
    }
}

/// What is wrong with a message body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyProblem {
    /// Nothing left after trimming.
    Required,
    /// More than [`MAX_BODY_CHARS`] characters.
    TooLong,
}

/// The body as stored: line ends unified to `\n`, control characters other than line feeds
/// and tabs removed (PostgreSQL text cannot even hold NUL), surrounding white space trimmed;
/// 1 to [`MAX_BODY_CHARS`] characters.
pub fn clean_body(sent: &str) -> Result<String, BodyProblem> {
    let unified = sent.replace("\r\n", "\n").replace('\r', "\n");
    let kept: String = unified
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect();
    let trimmed = kept.trim();
    if trimmed.is_empty() {
        return Err(BodyProblem::Required);
    }
    if trimmed.chars().count() > MAX_BODY_CHARS {
        return Err(BodyProblem::TooLong);
    }
    Ok(trimmed.to_owned())
}

/// A reader's new read mark after asking to mark everything up to `requested` read: never
/// backwards, never past the newest message there is (`latest`), so a mark cannot swallow
/// messages not yet written. `None` when the mark does not move.
pub fn advance_read(current: Option<i64>, requested: i64, latest: Option<i64>) -> Option<i64> {
    let target = requested.min(latest?);
    (target > 0 && current.is_none_or(|c| target > c)).then_some(target)
}

/// The page size for a list request: the default when not given; `None` outside 1 to
/// [`MAX_PAGE`].
pub fn page_size(limit: Option<u32>) -> Option<u32> {
    match limit {
        None => Some(DEFAULT_PAGE),
        Some(n @ 1..=MAX_PAGE) => Some(n),
        Some(_) => None,
    }
}

#[cfg(test)]
#[path = "dialogue_tests.rs"]
mod tests;
