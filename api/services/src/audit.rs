//! Recording, searching, verifying and pruning the audit log.
//!
//! A change that is audited records its entry itself, inside its own transaction, with
//! `weiquan_db::audit::append`. [`record`] is for events that are not part of other work, such
//! as a refused request or a failed sign-in: it runs its own transaction on the blocking pool.

use std::collections::HashMap;

use chrono::{Duration as ChronoDuration, Utc};
use weiquan_db::audit::{
    self, Appended, AuditFilter, AuditRecord, Keyset, NewAuditEntry, Page, PruneReport,
    VerifyReport,
};
use weiquan_db::users;
use weiquan_domain::access::{Action, Actor, Denied, OrgRef, UserId, authorize};
use weiquan_domain::audit::MIN_RETENTION_DAYS;

use crate::{Db, ServiceError};

/// Appends `entry` in a transaction of its own.
pub async fn record(db: &Db, entry: NewAuditEntry) -> Result<Appended, ServiceError> {
    db.run(move |conn| audit::append(conn, &entry)).await
}

/// Like [`record`], for paths that must answer anyway (a 403 stays a 403 when the log is
/// unreachable): a failure is logged at error level, with the entry, instead of returned.
pub async fn record_or_log(db: &Db, entry: NewAuditEntry) {
    let action = entry.action.as_str();
    let subject = entry.subject.clone().unwrap_or_default();
    if let Err(e) = record(db, entry).await {
        log::error!("audit record {action} {subject} not written: {e}");
    }
}

/// The filter an actor may run on `org`'s subtree: refused unless they may search its audit
/// log; a narrower subtree asked for is kept if it lies within, anything else is refused.
pub fn scope_to(
    actor: &Actor,
    org: &OrgRef,
    mut filter: AuditFilter,
) -> Result<AuditFilter, Denied> {
    authorize(actor, Action::SearchAudit(org))?;
    filter.subtree = match filter.subtree {
        // The root's subtree is the whole platform, including records filed under no
        // organisation (failed sign-ins naming no staff account, consumers' own actions).
        None if org.path.0.len() == 1 => None,
        None => Some(org.path.clone()),
        Some(asked) if asked.is_within(&org.path) => Some(asked),
        Some(_) => return Err(Denied::Forbidden),
    };
    Ok(filter)
}

/// One page of matching records (scope the filter with [`scope_to`] first).
pub async fn search(
    db: &Db,
    filter: AuditFilter,
    page: Keyset,
) -> Result<Page<AuditRecord>, ServiceError> {
    db.run(move |conn| audit::search(conn, &filter, page)).await
}

/// How an actor is shown in the audit log: staff by user name, consumers by masked phone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorName {
    pub login: String,
    pub display_name: String,
}

/// The names of the users who made `records`, in one query.
pub async fn actor_names(
    db: &Db,
    records: &[AuditRecord],
) -> Result<HashMap<i64, ActorName>, ServiceError> {
    let mut ids: Vec<i64> = records.iter().filter_map(|r| r.actor_user_id).collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = db.run(move |conn| users::names(conn, &ids)).await?;
    Ok(rows
        .into_iter()
        .map(|user| {
            let login = user
                .username
                .or_else(|| user.phone.map(|p| weiquan_domain::mask::mask_phone(&p)))
                .unwrap_or_default();
            (
                user.id,
                ActorName {
                    login,
                    display_name: user.display_name,
                },
            )
        })
        .collect())
}

/// The account a login names (a staff user name or a consumer's phone), for searching by it.
pub async fn user_by_login(db: &Db, login: &str) -> Result<Option<UserId>, ServiceError> {
    let login = login.trim().to_owned();
    db.run(move |conn| {
        let found = match users::find_member_by_username(conn, &login)? {
            Some(user) => Some(user),
            None => users::find_consumer_by_phone(conn, &login)?,
        };
        Ok(found.map(|u| UserId(u.id)))
    })
    .await
}

pub async fn verify(db: &Db) -> Result<VerifyReport, ServiceError> {
    db.run(audit::verify).await
}

/// Deletes records older than `retention_days` (at least [`MIN_RETENTION_DAYS`]), after
/// checking that every chain is intact: pruning must not erase the evidence of tampering.
pub async fn prune(db: &Db, retention_days: u32) -> Result<PruneReport, ServiceError> {
    if retention_days < MIN_RETENTION_DAYS {
        return Err(ServiceError::Internal(format!(
            "audit retention {retention_days} days is below the minimum of {MIN_RETENTION_DAYS}"
        )));
    }
    let report = verify(db).await?;
    if !report.is_intact() {
        return Err(ServiceError::Internal(
            "audit log is not intact: run `weiquan audit verify`; nothing pruned".into(),
        ));
    }
    let older_than = Utc::now() - ChronoDuration::days(i64::from(retention_days));
    db.run(move |conn| audit::prune(conn, older_than)).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use weiquan_domain::access::{BureauLevel, OrgId, OrgKind, OrgPath, Role, UserId};

    fn org(path: &[i64]) -> OrgRef {
        OrgRef {
            id: OrgId(path[path.len() - 1]),
            kind: OrgKind::Bureau(BureauLevel::City),
            path: OrgPath(path.iter().map(|i| OrgId(*i)).collect()),
            division: None,
        }
    }

    fn admin(of: &OrgRef) -> Actor {
        Actor::Member {
            user: UserId(1),
            org: of.clone(),
            roles: vec![Role::OrgAdmin],
            second_factor: true,
        }
    }

    #[test]
    fn searches_are_confined_to_the_administrators_subtree() {
        let shenzhen = org(&[1, 44, 4403]);
        let nanshan = org(&[1, 44, 4403, 440305]);
        let guangdong = org(&[1, 44]);
        let actor = admin(&shenzhen);
        let scoped = scope_to(&actor, &shenzhen, AuditFilter::default()).unwrap();
        assert_eq!(scoped.subtree, Some(shenzhen.path.clone()));
        let narrower = AuditFilter {
            subtree: Some(nanshan.path.clone()),
            ..AuditFilter::default()
        };
        assert_eq!(
            scope_to(&actor, &shenzhen, narrower).unwrap().subtree,
            Some(nanshan.path.clone())
        );
        let wider = AuditFilter {
            subtree: Some(guangdong.path.clone()),
            ..AuditFilter::default()
        };
        assert_eq!(scope_to(&actor, &shenzhen, wider), Err(Denied::Forbidden));
        assert_eq!(
            scope_to(&actor, &guangdong, AuditFilter::default()),
            Err(Denied::Forbidden),
            "not above one's own organisation"
        );
        let handler = Actor::Member {
            user: UserId(2),
            org: shenzhen.clone(),
            roles: vec![Role::Handler],
            second_factor: true,
        };
        assert_eq!(
            scope_to(&handler, &shenzhen, AuditFilter::default()),
            Err(Denied::Forbidden)
        );
    }
}
