//! Invitations: an administrator (or a bureau approving an organisation's application) creates
//! a member account with status `invited` and no password, and the invitee receives an email
//! with a one-time link (`{PUBLIC_BASE_URL}/admin/invitations/accept#token=…`: a URL fragment,
//! so the token never reaches server logs or Referer headers). Following it, they set a
//! password and the account becomes active; then they sign in as anyone else.
//!
//! [`create_in_tx`] is synchronous and runs inside the caller's diesel transaction: the
//! account, the invitation row (token hash only), the email in the outbox and the audit record
//! are written together or not at all. The token itself leaves this module only inside the
//! queued email; no function returns it.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use diesel::{Connection, PgConnection};
use weiquan_db::DbError;
use weiquan_db::audit::{self, NewAuditEntry};
use weiquan_db::invitations::{self as db, InvitationView, NewInvitationRow};
use weiquan_db::organisations;
use weiquan_db::outbox::{self, NewMessage};
use weiquan_db::users::{self, NewUser};
use weiquan_domain::PasswordError;
use weiquan_domain::access::{Access, Action, Actor, Denied, OrgId, OrgRef, Role, access};
use weiquan_domain::audit::{AuditAction, AuditActor, Outcome};
use weiquan_domain::invitation::{
    InvitationRejection, InvitationStatus, InviteeError, check_redeemable, normalise_display_name,
    normalise_email, normalise_username, status,
};
use weiquan_domain::notify::{Channel, Locale, Template};
use weiquan_domain::one_time::TokenPurpose;
use weiquan_domain::password::check_new_password;
use zeroize::Zeroizing;

use crate::accounts::Origin;
use crate::credentials::tokens::lookup_hash;
use crate::credentials::{LinkToken, PasswordHasher};
use crate::rate_limit::{Limit, RateLimiter, Verdict};
use crate::{Deps, ServiceError};

/// Presenting invitation tokens (inspect or accept) per client address and hour.
pub const TOKEN_ATTEMPTS_PER_ADDRESS: Limit = Limit {
    max: 30,
    window: std::time::Duration::from_secs(3600),
};

/// Who is invited, where, with which roles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewInvitation {
    pub org: OrgId,
    pub username: String,
    pub display_name: String,
    pub email: String,
    pub roles: Vec<Role>,
    /// The language of the email.
    pub locale: Locale,
}

/// Who invites, for the audit log and the invitation's `invited_by`.
#[derive(Debug, Clone)]
pub struct Inviter {
    /// A member (the administrator or the reviewing bureau's staff), or the system.
    pub actor: AuditActor,
    pub origin: Origin,
}

impl Inviter {
    pub fn from_actor(actor: &Actor, origin: &Origin) -> Self {
        Self {
            actor: AuditActor::from(actor),
            origin: origin.clone(),
        }
    }
}

/// What [`create_in_tx`] created. Deliberately without the token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreatedInvitation {
    pub invitation_id: i64,
    pub user_id: i64,
    pub expires_at: DateTime<Utc>,
}

/// An invitation as administrators and the acceptance page see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvitationInfo {
    pub id: i64,
    pub org_id: i64,
    pub org_name: String,
    pub user_id: i64,
    pub username: String,
    pub display_name: String,
    pub email: String,
    pub roles: Vec<Role>,
    pub status: InvitationStatus,
    pub expires_at: DateTime<Utc>,
    pub invited_by: Option<i64>,
    pub sent_count: i32,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, thiserror::Error)]
pub enum InvitationError {
    /// A field is not acceptable (422).
    #[error("invalid invitee: {0}")]
    Invalid(InviteeError),
    /// At least one role is required (422).
    #[error("no roles")]
    NoRoles,
    /// The user name belongs to another account (409).
    #[error("the user name is taken")]
    UsernameTaken,
    /// No such organisation or invitation, or one outside the caller's subtree (404).
    #[error("not found")]
    NotFound,
    #[error("not allowed: {0}")]
    Denied(Denied),
    /// Resend or revoke of an invitation already accepted or revoked (409).
    #[error("the invitation is no longer pending")]
    NotPending,
    /// Any bad token: one answer for all reasons (the reason is for the audit log).
    #[error("invalid invitation link: {0}")]
    InvalidToken(InvitationRejection),
    #[error("the password is not acceptable: {0:?}")]
    Password(PasswordError),
    #[error("too many attempts; retry after {retry_after} s")]
    Limited { retry_after: u64 },
    #[error(transparent)]
    Service(#[from] ServiceError),
}

impl From<DbError> for InvitationError {
    fn from(e: DbError) -> Self {
        Self::Service(e.into())
    }
}

impl From<diesel::result::Error> for InvitationError {
    fn from(e: diesel::result::Error) -> Self {
        DbError::from(e).into()
    }
}

/// The acceptance link for a token.
pub fn accept_link(public_base_url: &str, token: &str) -> String {
    format!(
        "{}/admin/invitations/accept#token={token}",
        public_base_url.trim_end_matches('/')
    )
}

fn lifetime_days() -> String {
    TokenPurpose::Invitation
        .lifetime()
        .num_days()
        .max(1)
        .to_string()
}

/// Queues the invitation email with `token`'s link.
fn enqueue_email(
    conn: &mut PgConnection,
    email: &str,
    locale: Locale,
    org_name: &str,
    public_base_url: &str,
    token: &LinkToken,
) -> Result<(), DbError> {
    let fields: BTreeMap<&str, String> = [
        ("org_name", org_name.to_owned()),
        ("link", accept_link(public_base_url, token.token())),
        ("days", lifetime_days()),
    ]
    .into();
    outbox::enqueue(
        conn,
        &NewMessage {
            channel: Channel::Email,
            recipient: email.to_owned(),
            locale,
            template: Template::MemberInvitation,
            payload: serde_json::to_value(fields).map_err(|e| DbError::Other(e.to_string()))?,
        },
    )?;
    Ok(())
}

fn audit_entry(
    by: &Inviter,
    action: AuditAction,
    outcome: Outcome,
    org: &OrgRef,
    user: i64,
) -> NewAuditEntry {
    let mut e = NewAuditEntry::new(by.actor, action, outcome).org(&org.path);
    e.subject = Some(format!("user:{user}"));
    e.ip = by.origin.ip;
    e.user_agent = by.origin.user_agent.clone();
    e
}

fn is_username_conflict(e: &InvitationError) -> bool {
    matches!(e, InvitationError::Service(ServiceError::Internal(m)) if m.contains("username"))
}

/// Creates an invited account in `new.org` and its invitation, queues the email and audits,
/// all on `conn` — call it inside a transaction (the caller's: an approval that invites the
/// applicant's administrator commits both or neither). Does not check permissions: the caller
/// has decided. On `UsernameTaken` from a concurrent insert the transaction is aborted, as for
/// any other error: roll it back.
pub fn create_in_tx(
    conn: &mut PgConnection,
    new: &NewInvitation,
    by: &Inviter,
    public_base_url: &str,
) -> Result<CreatedInvitation, InvitationError> {
    let username = normalise_username(&new.username).map_err(InvitationError::Invalid)?;
    let display_name =
        normalise_display_name(&new.display_name).map_err(InvitationError::Invalid)?;
    let email = normalise_email(&new.email).map_err(InvitationError::Invalid)?;
    let mut roles = new.roles.clone();
    roles.sort();
    roles.dedup();
    if roles.is_empty() {
        return Err(InvitationError::NoRoles);
    }
    let org_row = organisations::find(conn, new.org)?.ok_or(InvitationError::NotFound)?;
    let org = org_row.to_ref()?;
    if db::username_taken(conn, &username)? {
        return Err(InvitationError::UsernameTaken);
    }
    let token = LinkToken::generate(TokenPurpose::Invitation).map_err(ServiceError::from)?;
    let expires_at = Utc::now() + TokenPurpose::Invitation.lifetime();
    let user_id = users::insert(
        conn,
        &NewUser {
            kind: "member",
            org_id: Some(org_row.id),
            phone: None,
            username: Some(&username),
            email: Some(&email),
            display_name: &display_name,
            password_hash: None,
            status: "invited",
        },
        &roles,
    )
    .map_err(|e| {
        let e = InvitationError::from(e);
        if is_username_conflict(&e) {
            InvitationError::UsernameTaken
        } else {
            e
        }
    })?;
    let hash = token.hash();
    let invitation_id = db::insert(
        conn,
        &NewInvitationRow {
            user_id,
            org_id: org_row.id,
            email: &email,
            token_hash: &hash,
            purpose: TokenPurpose::Invitation.as_str(),
            expires_at,
            invited_by: by.actor.user.map(|u| u.0),
        },
    )?;
    enqueue_email(
        conn,
        &email,
        new.locale,
        &org_row.name,
        public_base_url,
        &token,
    )?;
    let names: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
    let entry = audit_entry(
        by,
        AuditAction::UserInvited,
        Outcome::Success,
        &org,
        user_id,
    )
    .detail(
        serde_json::json!({ "invitation": invitation_id, "username": username, "roles": names }),
    );
    audit::append(conn, &entry)?;
    Ok(CreatedInvitation {
        invitation_id,
        user_id,
        expires_at,
    })
}

fn info(conn: &mut PgConnection, view: InvitationView) -> Result<InvitationInfo, DbError> {
    let org_name = organisations::find(conn, OrgId(view.invitation.org_id))?
        .map(|o| o.name)
        .unwrap_or_default();
    let roles = users::roles(
        conn,
        weiquan_domain::access::UserId(view.invitation.user_id),
    )?;
    let i = view.invitation;
    Ok(InvitationInfo {
        id: i.id,
        org_id: i.org_id,
        org_name,
        user_id: i.user_id,
        username: view.username,
        display_name: view.display_name,
        email: i.email,
        roles,
        status: status(i.expires_at, i.used_at, i.revoked_at, Utc::now()),
        expires_at: i.expires_at,
        invited_by: i.invited_by,
        sent_count: i.sent_count,
        created_at: i.created_at,
    })
}

/// Loads an organisation and decides `action` on it with the one 404 rule.
async fn org_for(
    deps: &Deps,
    actor: &Actor,
    id: OrgId,
    action: fn(&OrgRef) -> Action<'_>,
) -> Result<OrgRef, InvitationError> {
    let row = deps
        .db
        .run(move |conn| organisations::find(conn, id))
        .await?;
    let org = match row {
        Some(row) => row.to_ref().map_err(ServiceError::from)?,
        None => {
            // Unknown ids answer like invisible ones, after the sign-in check.
            return Err(match actor {
                Actor::Anonymous => InvitationError::Denied(Denied::SignInRequired),
                _ => InvitationError::NotFound,
            });
        }
    };
    match access(actor, action(&org)) {
        Access::Allowed => Ok(org),
        Access::NotFound => Err(InvitationError::NotFound),
        Access::Denied(d) => Err(InvitationError::Denied(d)),
    }
}

/// An administrator invites someone into their organisation or a unit of their subtree.
pub async fn invite(
    deps: &Deps,
    actor: &Actor,
    new: NewInvitation,
    origin: &Origin,
    public_base_url: &str,
) -> Result<InvitationInfo, InvitationError> {
    org_for(deps, actor, new.org, |o| Action::ManageMembers(o)).await?;
    let by = Inviter::from_actor(actor, origin);
    let base = public_base_url.to_owned();
    deps.db
        .run(move |conn| {
            Ok(conn.transaction(|conn| {
                let created = create_in_tx(conn, &new, &by, &base)?;
                let view =
                    db::find(conn, created.invitation_id)?.ok_or(InvitationError::NotFound)?;
                Ok::<_, InvitationError>(info(conn, view)?)
            }))
        })
        .await?
}

/// The invitations of an organisation (every status), for administrators of its subtree.
pub async fn list(
    deps: &Deps,
    actor: &Actor,
    org: OrgId,
) -> Result<Vec<InvitationInfo>, InvitationError> {
    org_for(deps, actor, org, |o| Action::ManageMembers(o)).await?;
    Ok(deps
        .db
        .run(move |conn| {
            db::list_for_org(conn, org.0)?
                .into_iter()
                .map(|v| info(conn, v))
                .collect()
        })
        .await?)
}

/// Loads an invitation and checks the caller administers its organisation.
async fn pending_for_admin(
    deps: &Deps,
    actor: &Actor,
    id: i64,
) -> Result<(InvitationView, OrgRef), InvitationError> {
    if matches!(actor, Actor::Anonymous) {
        return Err(InvitationError::Denied(Denied::SignInRequired));
    }
    let view = deps
        .db
        .run(move |conn| db::find(conn, id))
        .await?
        .ok_or(InvitationError::NotFound)?;
    let org = org_for(deps, actor, OrgId(view.invitation.org_id), |o| {
        Action::ManageMembers(o)
    })
    .await?;
    Ok((view, org))
}

/// Issues a new token with a new expiry and sends it again; the old link stops working at
/// once (its hash is replaced).
pub async fn resend(
    deps: &Deps,
    actor: &Actor,
    id: i64,
    origin: &Origin,
    public_base_url: &str,
) -> Result<InvitationInfo, InvitationError> {
    let (_, org) = pending_for_admin(deps, actor, id).await?;
    let by = Inviter::from_actor(actor, origin);
    let base = public_base_url.to_owned();
    deps.db
        .run(move |conn| {
            Ok(conn.transaction(|conn| {
                let view = db::find(conn, id)?.ok_or(InvitationError::NotFound)?;
                let token =
                    LinkToken::generate(TokenPurpose::Invitation).map_err(ServiceError::from)?;
                let expires_at = Utc::now() + TokenPurpose::Invitation.lifetime();
                if view.user_status != "invited"
                    || !db::replace_token(conn, id, &token.hash(), expires_at)?
                {
                    return Err(InvitationError::NotPending);
                }
                let org_name = organisations::find(conn, org.id)?
                    .map(|o| o.name)
                    .unwrap_or_default();
                enqueue_email(
                    conn,
                    &view.invitation.email,
                    Locale::ZhCn,
                    &org_name,
                    &base,
                    &token,
                )?;
                let entry = audit_entry(
                    &by,
                    AuditAction::InvitationResent,
                    Outcome::Success,
                    &org,
                    view.invitation.user_id,
                )
                .detail(serde_json::json!({ "invitation": id }));
                audit::append(conn, &entry)?;
                let view = db::find(conn, id)?.ok_or(InvitationError::NotFound)?;
                Ok(info(conn, view)?)
            }))
        })
        .await?
}

/// Withdraws an invitation: the link stops working and the account is disabled for good (it
/// has no password, and enabling requires one).
pub async fn revoke(
    deps: &Deps,
    actor: &Actor,
    id: i64,
    origin: &Origin,
) -> Result<InvitationInfo, InvitationError> {
    let (_, org) = pending_for_admin(deps, actor, id).await?;
    let by = Inviter::from_actor(actor, origin);
    deps.db
        .run(move |conn| {
            Ok(conn.transaction(|conn| {
                let view = db::find(conn, id)?.ok_or(InvitationError::NotFound)?;
                if !db::revoke(conn, id, Utc::now())? {
                    return Err(InvitationError::NotPending);
                }
                let user = weiquan_domain::access::UserId(view.invitation.user_id);
                users::set_status(conn, user, "disabled")?;
                let entry = audit_entry(
                    &by,
                    AuditAction::InvitationRevoked,
                    Outcome::Success,
                    &org,
                    view.invitation.user_id,
                )
                .detail(serde_json::json!({ "invitation": id }));
                audit::append(conn, &entry)?;
                let view = db::find(conn, id)?.ok_or(InvitationError::NotFound)?;
                Ok(info(conn, view)?)
            }))
        })
        .await?
}

/// Counts one token presentation from `address`; over the limit → `Limited`.
async fn limit(limiter: &RateLimiter, address: &str) -> Result<(), InvitationError> {
    if let Verdict::Limited { retry_after } = limiter
        .hit("invitation-token", address, TOKEN_ATTEMPTS_PER_ADDRESS)
        .await?
    {
        return Err(InvitationError::Limited { retry_after });
    }
    Ok(())
}

/// What the acceptance page shows: whom the invitation is for. Any bad token is
/// `InvalidToken`, whatever the reason.
pub async fn inspect(
    deps: &Deps,
    limiter: &RateLimiter,
    token: &str,
    address: &str,
) -> Result<InvitationInfo, InvitationError> {
    limit(limiter, address).await?;
    let hash = lookup_hash(TokenPurpose::Invitation, token)
        .ok_or(InvitationError::InvalidToken(InvitationRejection::Unknown))?;
    deps.db
        .run(move |conn| {
            let Some(view) = db::find_by_hash(conn, &hash)? else {
                return Ok(Err(InvitationError::InvalidToken(
                    InvitationRejection::Unknown,
                )));
            };
            let i = &view.invitation;
            if let Err(r) = check_redeemable(
                &i.purpose,
                i.expires_at,
                i.used_at,
                i.revoked_at,
                &view.user_status,
                Utc::now(),
            ) {
                return Ok(Err(InvitationError::InvalidToken(r)));
            }
            Ok(Ok(info(conn, view)?))
        })
        .await?
}

/// Sets the invitee's first password and activates the account. The token is marked used with
/// a conditional update in the same transaction, so of two concurrent accepts exactly one
/// wins. Refusals of a presented token are audited (reason in the detail).
pub async fn accept(
    deps: &Deps,
    hasher: &PasswordHasher,
    limiter: &RateLimiter,
    token: &str,
    password: Zeroizing<String>,
    origin: &Origin,
    address: &str,
) -> Result<InvitationInfo, InvitationError> {
    limit(limiter, address).await?;
    let hash = lookup_hash(TokenPurpose::Invitation, token)
        .ok_or(InvitationError::InvalidToken(InvitationRejection::Unknown))?;
    // Check the token and the password policy before the expensive hash.
    let found = deps
        .db
        .run(move |conn| db::find_by_hash(conn, &hash))
        .await?;
    let Some(view) = found else {
        return Err(InvitationError::InvalidToken(InvitationRejection::Unknown));
    };
    let i = &view.invitation;
    let checked = check_redeemable(
        &i.purpose,
        i.expires_at,
        i.used_at,
        i.revoked_at,
        &view.user_status,
        Utc::now(),
    );
    let org_path = deps
        .db
        .run({
            let org = i.org_id;
            move |conn| organisations::find(conn, OrgId(org))
        })
        .await?
        .map(|o| o.to_ref())
        .transpose()
        .map_err(ServiceError::from)?
        .ok_or(InvitationError::NotFound)?;
    let by = Inviter {
        actor: AuditActor::anonymous(),
        origin: origin.clone(),
    };
    if let Err(reason) = checked {
        let entry = audit_entry(
            &by,
            AuditAction::InvitationAccepted,
            Outcome::Failure,
            &org_path,
            i.user_id,
        )
        .detail(serde_json::json!({ "invitation": i.id, "reason": reason.code() }));
        deps.db.run(move |conn| audit::append(conn, &entry)).await?;
        return Err(InvitationError::InvalidToken(reason));
    }
    check_new_password(&password, &[view.username.as_str()]).map_err(InvitationError::Password)?;
    let password_hash = hasher
        .hash_async(password)
        .await
        .map_err(ServiceError::from)?;
    deps.db
        .run(move |conn| {
            Ok(conn.transaction(|conn| {
                let Some(view) = db::find_by_hash_for_update(conn, &hash)? else {
                    return Err(InvitationError::InvalidToken(InvitationRejection::Unknown));
                };
                let i = &view.invitation;
                let now = Utc::now();
                check_redeemable(
                    &i.purpose,
                    i.expires_at,
                    i.used_at,
                    i.revoked_at,
                    &view.user_status,
                    now,
                )
                .map_err(InvitationError::InvalidToken)?;
                if !db::mark_used(conn, i.id, now)? {
                    return Err(InvitationError::InvalidToken(InvitationRejection::Token(
                        weiquan_domain::TokenRejection::AlreadyUsed,
                    )));
                }
                if !db::activate_user(conn, i.user_id, &password_hash)? {
                    return Err(InvitationError::InvalidToken(
                        InvitationRejection::AccountNotInvited,
                    ));
                }
                let mut by = by;
                by.actor.kind = weiquan_domain::audit::ActorKind::Member;
                by.actor.user = Some(weiquan_domain::access::UserId(i.user_id));
                by.actor.org = Some(OrgId(i.org_id));
                let entry = audit_entry(
                    &by,
                    AuditAction::InvitationAccepted,
                    Outcome::Success,
                    &org_path,
                    i.user_id,
                )
                .detail(serde_json::json!({ "invitation": i.id }));
                audit::append(conn, &entry)?;
                let view = db::find(conn, i.id)?.ok_or(InvitationError::NotFound)?;
                Ok(info(conn, view)?)
            }))
        })
        .await?
}
