//! Units an administrator creates below their own bureau (stations 所, consumer associations
//! 消协): one use case for both, the decision (`Action::CreateStation`,
//! `Action::CreateAssociation`) taken by the domain. The unit serves its bureau's division
//! and lies in the bureau's subtree, so its staff are invited with the ordinary invitations.

use diesel::Connection;
use weiquan_db::audit::{self, NewAuditEntry};
use weiquan_db::organisations::{self, NewChild, OrgRow};
use weiquan_domain::access::{Access, Action, Actor, Denied, OrgId, OrgRef, access};
use weiquan_domain::audit::{AuditAction, AuditActor, Outcome};

use crate::accounts::Origin;
use crate::{Deps, ServiceError};

#[derive(Debug, thiserror::Error)]
pub enum CreateError {
    /// No such organisation, or one outside the caller's subtree.
    #[error("not found")]
    NotFound,
    #[error("not allowed: {0}")]
    Denied(Denied),
    /// The bureau already has a unit of this kind and name.
    #[error("a unit of this name exists")]
    NameTaken,
    #[error(transparent)]
    Service(#[from] ServiceError),
}

/// A unit to create: its kind (`station`, `association`), the rule that decides who may, and
/// its names (checked by the caller: 1 to 200 characters).
pub struct NewUnit {
    pub kind: &'static str,
    pub decision: for<'a> fn(&'a OrgRef) -> Action<'a>,
    pub name: String,
    pub name_en: Option<String>,
}

/// Creates `unit` under the bureau `parent`, audited (`org_created`) in the same transaction.
pub async fn create(
    deps: &Deps,
    actor: &Actor,
    parent: OrgId,
    unit: NewUnit,
    origin: &Origin,
) -> Result<OrgRow, CreateError> {
    let row = deps
        .db
        .run(move |conn| organisations::find(conn, parent))
        .await?
        .ok_or(CreateError::NotFound)?;
    let org = row.to_ref().map_err(ServiceError::from)?;
    match access(actor, (unit.decision)(&org)) {
        Access::Allowed => {}
        Access::NotFound => return Err(CreateError::NotFound),
        Access::Denied(d) => return Err(CreateError::Denied(d)),
    }
    let (audit_actor, origin) = (AuditActor::from(actor), origin.clone());
    let NewUnit {
        kind,
        name,
        name_en,
        ..
    } = unit;
    let created = deps
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                if organisations::find_child(conn, parent, kind, &name)?.is_some() {
                    return Ok(None);
                }
                let child = organisations::insert_child(
                    conn,
                    &row,
                    &NewChild {
                        kind,
                        name: &name,
                        name_en: name_en.as_deref(),
                        division_code: row.division_code.as_deref(),
                        credit_code: None,
                        odr_status: None,
                    },
                )?;
                let path = child.to_ref()?.path;
                let mut entry =
                    NewAuditEntry::new(audit_actor, AuditAction::OrgCreated, Outcome::Success)
                        .org(&path)
                        .subject(format!("org:{}", child.id))
                        .detail(serde_json::json!({ "kind": kind, "name": child.name }));
                entry.ip = origin.ip;
                entry.user_agent = origin.user_agent.clone();
                audit::append(conn, &entry)?;
                Ok(Some(child))
            })
        })
        .await?;
    created.ok_or(CreateError::NameTaken)
}
