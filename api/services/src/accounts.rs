//! Consumers' own accounts: registering, resetting and changing the password, renaming.
//! Every change records an audit entry in its own transaction; a password change or reset
//! ends every session of the account.

use std::net::IpAddr;

use diesel::Connection;
use weiquan_db::audit::{self, NewAuditEntry};
use weiquan_db::users::{self, NewUser};
use weiquan_domain::PasswordError;
use weiquan_domain::access::{Actor, UserId};
use weiquan_domain::audit::{AuditAction, AuditActor, Outcome};
use weiquan_domain::password::check_new_password;
use zeroize::Zeroizing;

use crate::credentials::{LoginCheck, PasswordHasher};
use crate::sessions::SessionStore;
use crate::verification::{self, Purpose, VerificationError};
use crate::{Deps, ServiceError};

/// Where a request came from, for the audit log.
#[derive(Debug, Clone, Default)]
pub struct Origin {
    pub ip: Option<IpAddr>,
    pub user_agent: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error("the code is wrong, used up or expired")]
    InvalidCode,
    #[error("the password is not acceptable: {0:?}")]
    Password(PasswordError),
    #[error("the current password is wrong")]
    WrongPassword,
    /// The caller is an API client: it has no name or password of its own.
    #[error("an API client has no user account")]
    NotAUser,
    #[error(transparent)]
    Service(#[from] ServiceError),
}

impl From<VerificationError> for AccountError {
    fn from(e: VerificationError) -> Self {
        match e {
            VerificationError::InvalidCode | VerificationError::Limited { .. } => Self::InvalidCode,
            VerificationError::Service(e) => Self::Service(e),
        }
    }
}

fn entry(actor: AuditActor, action: AuditAction, user: UserId, origin: &Origin) -> NewAuditEntry {
    let mut e = NewAuditEntry::new(actor, action, Outcome::Success);
    e.subject = Some(format!("user:{}", user.0));
    e.ip = origin.ip;
    e.user_agent = origin.user_agent.clone();
    e
}

/// Registers a consumer after checking the SMS code; returns the new account's actor.
pub async fn register_consumer(
    deps: &Deps,
    hasher: &PasswordHasher,
    phone: &str,
    code: &str,
    password: Zeroizing<String>,
    display_name: &str,
    origin: &Origin,
) -> Result<Actor, AccountError> {
    check_new_password(&password, &[phone]).map_err(AccountError::Password)?;
    verification::consume_code(deps, Purpose::Register, phone, code).await?;
    let hash = hasher
        .hash_async(password)
        .await
        .map_err(ServiceError::from)?;
    let (phone, name, origin) = (phone.to_owned(), display_name.to_owned(), origin.clone());
    let created = deps
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                if users::find_consumer_by_phone(conn, &phone)?.is_some() {
                    return Ok(None);
                }
                let id = users::insert(
                    conn,
                    &NewUser {
                        kind: "consumer",
                        org_id: None,
                        phone: Some(&phone),
                        username: None,
                        email: None,
                        display_name: &name,
                        password_hash: Some(&hash),
                        status: "active",
                    },
                    &[],
                )?;
                let user = UserId(id);
                let actor = Actor::Consumer { user };
                audit::append(
                    conn,
                    &entry(
                        AuditActor::from(&actor),
                        AuditAction::UserRegistered,
                        user,
                        &origin,
                    ),
                )?;
                Ok(Some(actor))
            })
        })
        .await?;
    created.ok_or(AccountError::InvalidCode)
}

/// Sets a new password after checking the SMS code, and ends every session of the account.
pub async fn reset_password(
    deps: &Deps,
    hasher: &PasswordHasher,
    sessions: &SessionStore,
    phone: &str,
    code: &str,
    password: Zeroizing<String>,
    origin: &Origin,
) -> Result<(), AccountError> {
    check_new_password(&password, &[phone]).map_err(AccountError::Password)?;
    verification::consume_code(deps, Purpose::ResetPassword, phone, code).await?;
    let hash = hasher
        .hash_async(password)
        .await
        .map_err(ServiceError::from)?;
    let (phone, origin) = (phone.to_owned(), origin.clone());
    let user = deps
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                let Some(row) = users::find_consumer_by_phone(conn, &phone)? else {
                    return Ok(None);
                };
                let user = UserId(row.id);
                users::set_password_hash(conn, user, &hash, true)?;
                let actor = AuditActor::from(&Actor::Consumer { user });
                audit::append(
                    conn,
                    &entry(actor, AuditAction::PasswordReset, user, &origin),
                )?;
                Ok(Some(user))
            })
        })
        .await?
        .ok_or(AccountError::InvalidCode)?;
    sessions.revoke_all(user).await?;
    Ok(())
}

/// Changes the password of a signed-in account after checking the current one; ends every
/// session of the account.
pub async fn change_password(
    deps: &Deps,
    hasher: &PasswordHasher,
    sessions: &SessionStore,
    actor: &Actor,
    current: Zeroizing<String>,
    new: Zeroizing<String>,
    origin: &Origin,
) -> Result<(), AccountError> {
    let user = actor.user().ok_or(AccountError::NotAUser)?;
    let row = deps
        .db
        .run(move |conn| users::find(conn, user))
        .await?
        .ok_or(AccountError::WrongPassword)?;
    let identifiers: Vec<&str> = [row.phone.as_deref(), row.username.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    check_new_password(&new, &identifiers).map_err(AccountError::Password)?;
    match hasher
        .check_login_async(current, row.password_hash.clone())
        .await
        .map_err(ServiceError::from)?
    {
        LoginCheck::Valid { .. } => {}
        LoginCheck::Invalid => return Err(AccountError::WrongPassword),
    }
    let hash = hasher.hash_async(new).await.map_err(ServiceError::from)?;
    let (audit_actor, origin) = (AuditActor::from(actor), origin.clone());
    deps.db
        .run(move |conn| {
            conn.transaction(|conn| {
                users::set_password_hash(conn, user, &hash, true)?;
                audit::append(
                    conn,
                    &entry(audit_actor, AuditAction::PasswordChanged, user, &origin),
                )?;
                Ok(())
            })
        })
        .await?;
    sessions.revoke_all(user).await?;
    Ok(())
}

/// Renames the signed-in account.
pub async fn rename(
    deps: &Deps,
    actor: &Actor,
    display_name: &str,
    origin: &Origin,
) -> Result<(), AccountError> {
    let user = actor.user().ok_or(AccountError::NotAUser)?;
    let (name, audit_actor, origin) = (
        display_name.to_owned(),
        AuditActor::from(actor),
        origin.clone(),
    );
    deps.db
        .run(move |conn| {
            conn.transaction(|conn| {
                users::set_display_name(conn, user, &name)?;
                audit::append(
                    conn,
                    &entry(audit_actor, AuditAction::UserUpdated, user, &origin),
                )?;
                Ok(())
            })
        })
        .await?;
    Ok(())
}
