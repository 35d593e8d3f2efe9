//! Administrators changing other members: disabling, enabling, replacing roles. Every change
//! is audited in its own transaction and ends all of the member's sessions, so the snapshot a
//! session holds never outlives the account's state.

use diesel::Connection;
use weiquan_db::audit::{self, NewAuditEntry};
use weiquan_db::{organisations, users};
use weiquan_domain::access::{
    Access, Action, Actor, Denied, OrgId, Role, UserId, access, may_administer_member,
};
use weiquan_domain::audit::{AuditAction, AuditActor, Outcome};

use crate::accounts::Origin;
use crate::sessions::SessionStore;
use crate::{Deps, ServiceError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MemberChange {
    Disable,
    Enable,
    Roles(Vec<Role>),
}

#[derive(Debug, thiserror::Error)]
pub enum MemberError {
    /// No such member, or one outside the caller's subtree.
    #[error("no such member")]
    NotFound,
    #[error("not allowed: {0}")]
    Denied(Denied),
    /// Enabling an account that has no password yet.
    #[error("the account was never activated")]
    NotActivated,
    #[error(transparent)]
    Service(#[from] ServiceError),
}

pub async fn change(
    deps: &Deps,
    sessions: &SessionStore,
    actor: &Actor,
    target: UserId,
    change: MemberChange,
    origin: &Origin,
) -> Result<(), MemberError> {
    let found = deps
        .db
        .run(move |conn| {
            let Some(user) = users::find(conn, target)? else {
                return Ok(None);
            };
            let Some(org_id) = user.org_id else {
                return Ok(None);
            };
            let has_password = user.password_hash.is_some();
            let org = organisations::find(conn, OrgId(org_id))?;
            Ok(org
                .map(|o| o.to_ref())
                .transpose()?
                .map(|o| (o, has_password)))
        })
        .await?;
    let (org, has_password) = found.ok_or(MemberError::NotFound)?;
    match access(actor, Action::ManageMembers(&org)) {
        Access::Allowed => {}
        Access::NotFound => return Err(MemberError::NotFound),
        Access::Denied(reason) => return Err(MemberError::Denied(reason)),
    }
    may_administer_member(actor, target, &org).map_err(MemberError::Denied)?;
    // An account that never set a password (an invitation not yet accepted, or revoked) is
    // activated only by accepting its invitation.
    if change == MemberChange::Enable && !has_password {
        return Err(MemberError::NotActivated);
    }
    let (audit_actor, origin, path) = (AuditActor::from(actor), origin.clone(), org.path.clone());
    deps.db
        .run(move |conn| {
            conn.transaction(|conn| {
                let (action, detail) = match &change {
                    MemberChange::Disable => {
                        users::set_status(conn, target, "disabled")?;
                        (AuditAction::UserDisabled, serde_json::json!({}))
                    }
                    MemberChange::Enable => {
                        users::set_status(conn, target, "active")?;
                        (AuditAction::UserEnabled, serde_json::json!({}))
                    }
                    MemberChange::Roles(roles) => {
                        users::set_roles(conn, target, roles)?;
                        let names: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
                        (
                            AuditAction::RoleChanged,
                            serde_json::json!({ "roles": names }),
                        )
                    }
                };
                let mut entry = NewAuditEntry::new(audit_actor, action, Outcome::Success);
                entry.org_path = Some(path);
                entry.subject = Some(format!("user:{}", target.0));
                entry.ip = origin.ip;
                entry.user_agent = origin.user_agent.clone();
                entry.detail = detail;
                audit::append(conn, &entry)?;
                Ok(())
            })
        })
        .await?;
    sessions.revoke_all(target).await?;
    Ok(())
}
