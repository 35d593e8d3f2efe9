//! Stations (所): a county bureau's administrator creates them under their own bureau, then
//! invites the station's staff (the station lies in the county's subtree).

use diesel::Connection;
use weiquan_db::audit::{self, NewAuditEntry};
use weiquan_db::organisations::{self, NewChild, OrgRow};
use weiquan_domain::access::{Access, Action, Actor, Denied, OrgId, access};
use weiquan_domain::audit::{AuditAction, AuditActor, Outcome};

use crate::accounts::Origin;
use crate::{Deps, ServiceError};

#[derive(Debug, thiserror::Error)]
pub enum StationError {
    /// No such organisation, or one outside the caller's subtree.
    #[error("not found")]
    NotFound,
    #[error("not allowed: {0}")]
    Denied(Denied),
    /// The county already has a station of this name.
    #[error("a station of this name exists")]
    NameTaken,
    #[error(transparent)]
    Service(#[from] ServiceError),
}

/// Creates a station named `name` under the county bureau `county`. The names are checked by
/// the caller (1 to 200 characters).
pub async fn create(
    deps: &Deps,
    actor: &Actor,
    county: OrgId,
    name: String,
    name_en: Option<String>,
    origin: &Origin,
) -> Result<OrgRow, StationError> {
    let row = deps
        .db
        .run(move |conn| organisations::find(conn, county))
        .await?
        .ok_or(StationError::NotFound)?;
    let org = row.to_ref().map_err(ServiceError::from)?;
    match access(actor, Action::CreateStation(&org)) {
        Access::Allowed => {}
        Access::NotFound => return Err(StationError::NotFound),
        Access::Denied(d) => return Err(StationError::Denied(d)),
    }
    let (audit_actor, origin) = (AuditActor::from(actor), origin.clone());
    let created = deps
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                if organisations::find_child(conn, county, "station", &name)?.is_some() {
                    return Ok(None);
                }
                let station = organisations::insert_child(
                    conn,
                    &row,
                    &NewChild {
                        kind: "station",
                        name: &name,
                        name_en: name_en.as_deref(),
                        division_code: row.division_code.as_deref(),
                        credit_code: None,
                        odr_status: None,
                    },
                )?;
                let path = station.to_ref()?.path;
                let mut entry =
                    NewAuditEntry::new(audit_actor, AuditAction::OrgCreated, Outcome::Success)
                        .org(&path)
                        .subject(format!("org:{}", station.id))
                        .detail(serde_json::json!({ "kind": "station", "name": station.name }));
                entry.ip = origin.ip;
                entry.user_agent = origin.user_agent.clone();
                audit::append(conn, &entry)?;
                Ok(Some(station))
            })
        })
        .await?;
    created.ok_or(StationError::NameTaken)
}
