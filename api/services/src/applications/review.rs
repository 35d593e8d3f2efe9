//! The review queue and decisions. A decision is one transaction: the application's row is
//! locked, the domain says whether it may still be decided, then the organisation, the first
//! administrator's invitation, the timeline, the applicant's email and the audit records are
//! written together, or nothing is. The invitation is `crate::invitations::create_in_tx`.

use diesel::{Connection, PgConnection};
use weiquan_db::DbError;
use weiquan_db::applications::{self, ApplicationRow};
use weiquan_db::audit::{self, NewAuditEntry};
use weiquan_db::organisations::{self, NewChild, OrgRow};
use weiquan_db::outbox::{self, NewMessage};
use weiquan_db::users;
use weiquan_domain::access::{Access, Action, Actor, OrgId, OrgRef, Role, access};
use weiquan_domain::application::{
    ApplicantKind, ApplicationEvent, ApplicationStatus, Decision, decide,
};
use weiquan_domain::audit::{AuditAction, AuditActor, Outcome};
use weiquan_domain::notify::{Channel, Locale, Template};

use super::submit::bureau_name;
use super::{ApplicationError, ApplicationView};
use crate::accounts::Origin;
use crate::invitations::{self, InvitationError, Inviter, NewInvitation};
use crate::{Deps, ServiceError};

/// The outcome of a decision.
#[derive(Debug, Clone)]
pub struct Decided {
    pub status: ApplicationStatus,
    /// The organisation an approval created.
    pub org_id: Option<i64>,
}

/// Reviewers and administrators of the competent bureau or above; outside that subtree the
/// application does not exist for the caller.
fn check(actor: &Actor, competent: &OrgRef) -> Result<(), ApplicationError> {
    match access(actor, Action::ReviewApplication(competent)) {
        Access::Allowed => Ok(()),
        Access::Denied(reason) => Err(ApplicationError::Denied(reason)),
        Access::NotFound => Err(ApplicationError::NotFound),
    }
}

/// The review queue of `bureau` and its subtree, newest first. The caller has already been
/// allowed to review for `bureau` (`Action::ReviewApplication`).
pub async fn queue(
    deps: &Deps,
    bureau: &OrgRef,
    status: Option<ApplicationStatus>,
    limit: i64,
    after: Option<i64>,
) -> Result<Vec<(ApplicationRow, OrgRow)>, ApplicationError> {
    let path = bureau.path.clone();
    Ok(deps
        .db
        .run(move |conn| {
            let rows = applications::queue(conn, &path, status, limit, after)?;
            let mut ids: Vec<i64> = rows.iter().map(|r| r.competent_bureau_id).collect();
            ids.sort_unstable();
            ids.dedup();
            let mut bureaus = Vec::with_capacity(ids.len());
            for id in ids {
                if let Some(b) = organisations::find(conn, OrgId(id))? {
                    bureaus.push(b);
                }
            }
            rows.into_iter()
                .map(|row| {
                    let bureau = bureaus
                        .iter()
                        .find(|b| b.id == row.competent_bureau_id)
                        .cloned()
                        .ok_or_else(|| DbError::Other("application without bureau".into()))?;
                    Ok((row, bureau))
                })
                .collect::<Result<Vec<_>, DbError>>()
        })
        .await?)
}

/// Loads an application and its competent bureau.
async fn load(deps: &Deps, id: i64) -> Result<(ApplicationRow, OrgRow, OrgRef), ApplicationError> {
    let found = deps
        .db
        .run(move |conn| {
            let Some(row) = applications::find(conn, id)? else {
                return Ok(None);
            };
            let bureau = organisations::find(conn, OrgId(row.competent_bureau_id))?
                .ok_or_else(|| DbError::Other("application without bureau".into()))?;
            let bureau_ref = bureau.to_ref()?;
            Ok(Some((row, bureau, bureau_ref)))
        })
        .await?;
    found.ok_or(ApplicationError::NotFound)
}

/// One application with its timeline, for those who may review it.
pub async fn detail(
    deps: &Deps,
    actor: &Actor,
    id: i64,
) -> Result<ApplicationView, ApplicationError> {
    let (row, bureau, bureau_ref) = load(deps, id).await?;
    check(actor, &bureau_ref)?;
    let events = deps
        .db
        .run(move |conn| applications::events(conn, id))
        .await?;
    Ok(ApplicationView::new(row, bureau, events))
}

fn entry(
    actor: &Actor,
    action: AuditAction,
    path: &weiquan_domain::access::OrgPath,
    subject: String,
    origin: &Origin,
    detail: serde_json::Value,
) -> NewAuditEntry {
    let mut e = NewAuditEntry::new(AuditActor::from(actor), action, Outcome::Success)
        .org(path)
        .subject(subject)
        .detail(detail);
    e.ip = origin.ip;
    e.user_agent = origin.user_agent.clone();
    e
}

fn locale_of(row: &ApplicationRow) -> Locale {
    Locale::parse(&row.locale).unwrap_or_default()
}

/// Approves: creates the organisation under the competent bureau and invites its first
/// administrator, in one transaction with the decision.
pub async fn approve(
    deps: &Deps,
    actor: &Actor,
    id: i64,
    origin: &Origin,
    public_base_url: &str,
) -> Result<Decided, ApplicationError> {
    decide_with(
        deps,
        actor,
        id,
        (Decision::Approve, None),
        origin,
        public_base_url,
    )
    .await
}

/// Rejects with a reason the applicant will read.
pub async fn reject(
    deps: &Deps,
    actor: &Actor,
    id: i64,
    reason: String,
    origin: &Origin,
) -> Result<Decided, ApplicationError> {
    decide_with(
        deps,
        actor,
        id,
        (Decision::Reject, Some(reason)),
        origin,
        "",
    )
    .await
}

async fn decide_with(
    deps: &Deps,
    actor: &Actor,
    id: i64,
    (decision, reason): (Decision, Option<String>),
    origin: &Origin,
    public_base_url: &str,
) -> Result<Decided, ApplicationError> {
    let (_, bureau, bureau_ref) = load(deps, id).await?;
    check(actor, &bureau_ref)?;
    let reviewer = actor.user().ok_or(ApplicationError::Denied(
        weiquan_domain::access::Denied::Forbidden,
    ))?;
    let (actor, origin, base_url) = (actor.clone(), origin.clone(), public_base_url.to_owned());
    let outcome = deps
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                let Some(row) = applications::lock(conn, id)? else {
                    return Ok(Err(ApplicationError::NotFound));
                };
                let current = ApplicationStatus::parse(&row.status)
                    .ok_or_else(|| DbError::Other(format!("application {id}: bad status")))?;
                let status = match decide(current, decision) {
                    Ok(s) => s,
                    Err(e) => return Ok(Err(ApplicationError::AlreadyDecided(e.0))),
                };
                let ctx = Ctx {
                    actor: &actor,
                    origin: &origin,
                    reviewer: reviewer.0,
                    bureau: &bureau,
                    bureau_ref: &bureau_ref,
                    public_base_url: &base_url,
                };
                let org_id = match decision {
                    Decision::Approve => match approve_in_tx(conn, &ctx, &row)? {
                        Ok(org_id) => org_id,
                        Err(e) => return Ok(Err(e)),
                    },
                    Decision::Reject => {
                        reject_in_tx(conn, &ctx, &row, reason.as_deref().unwrap_or_default())?
                    }
                };
                Ok(Ok(Decided { status, org_id }))
            })
        })
        .await;
    match outcome {
        Ok(result) => result,
        Err(ServiceError::Internal(m)) if m.contains(USERNAME_TAKEN) => {
            Err(ApplicationError::Duplicate {
                field: "admin_username",
            })
        }
        Err(e) => Err(e.into()),
    }
}

struct Ctx<'a> {
    actor: &'a Actor,
    origin: &'a Origin,
    reviewer: i64,
    bureau: &'a OrgRow,
    bureau_ref: &'a OrgRef,
    public_base_url: &'a str,
}

fn approve_in_tx(
    conn: &mut PgConnection,
    ctx: &Ctx<'_>,
    row: &ApplicationRow,
) -> Result<Result<Option<i64>, ApplicationError>, DbError> {
    let kind = ApplicantKind::parse(&row.kind)
        .ok_or_else(|| DbError::Other(format!("application {}: bad kind", row.id)))?;
    if let Some(code) = &row.credit_code
        && organisations::find_by_credit_code(conn, code)?.is_some()
    {
        return Ok(Err(ApplicationError::Duplicate {
            field: "credit_code",
        }));
    }
    if users::find_member_by_username(conn, &row.admin_username)?.is_some() {
        return Ok(Err(ApplicationError::Duplicate {
            field: "admin_username",
        }));
    }
    let enterprise = kind == ApplicantKind::Enterprise;
    let org = organisations::insert_child(
        conn,
        ctx.bureau,
        &NewChild {
            kind: kind.as_str(),
            name: &row.name,
            name_en: row.name_en.as_deref(),
            division_code: if enterprise {
                row.registered_division.as_deref()
            } else {
                None
            },
            credit_code: row.credit_code.as_deref(),
            odr_status: enterprise.then_some("approved"),
        },
    )?;
    invite_first_admin(conn, ctx, row, &org)?;
    if !applications::record_decision(
        conn,
        row.id,
        ApplicationStatus::Approved,
        None,
        ctx.reviewer,
        Some(org.id),
    )? {
        return Err(DbError::Other(format!(
            "application {} changed while locked",
            row.id
        )));
    }
    for event in ApplicationEvent::of_decision(Decision::Approve) {
        applications::add_event(conn, row.id, *event, Some(ctx.reviewer))?;
    }
    let locale = locale_of(row);
    outbox::enqueue(
        conn,
        &NewMessage {
            channel: Channel::Email,
            recipient: row.contact_email.clone(),
            locale,
            template: Template::ApplicationApproved,
            payload: serde_json::json!({
                "org_name": row.name,
                "bureau": bureau_name(ctx.bureau, locale),
                "username": row.admin_username,
            }),
        },
    )?;
    let org_path = org.to_ref()?.path;
    audit::append(
        conn,
        &entry(
            ctx.actor,
            AuditAction::OrgCreated,
            &org_path,
            format!("org:{}", org.id),
            ctx.origin,
            serde_json::json!({
                "kind": org.kind,
                "name": org.name,
                "parent": ctx.bureau.id,
                "application": row.id,
            }),
        ),
    )?;
    audit::append(
        conn,
        &entry(
            ctx.actor,
            AuditAction::ApplicationApproved,
            &ctx.bureau_ref.path,
            format!("application:{}", row.id),
            ctx.origin,
            serde_json::json!({ "organisation": org.id }),
        ),
    )?;
    Ok(Ok(Some(org.id)))
}

/// Marks the one invitation failure that is the applicant's, not a bug: the user name was
/// taken by an account created at the same moment (the transaction is rolled back).
const USERNAME_TAKEN: &str = "application approval: admin_username taken";

/// Invites the first administrator (role `org_admin`) of the new organisation: the invited
/// account, the invitation (token hash only), the email with the link and the audit record,
/// in this transaction.
fn invite_first_admin(
    conn: &mut PgConnection,
    ctx: &Ctx<'_>,
    row: &ApplicationRow,
    org: &OrgRow,
) -> Result<(), DbError> {
    invitations::create_in_tx(
        conn,
        &NewInvitation {
            org: OrgId(org.id),
            username: row.admin_username.clone(),
            display_name: row.admin_display_name.clone(),
            email: row.contact_email.clone(),
            roles: vec![Role::OrgAdmin],
            locale: locale_of(row),
        },
        &Inviter::from_actor(ctx.actor, ctx.origin),
        ctx.public_base_url,
    )
    .map(|_| ())
    .map_err(|e| match e {
        InvitationError::UsernameTaken => DbError::Other(USERNAME_TAKEN.into()),
        other => DbError::Other(format!("inviting the first administrator: {other}")),
    })
}

fn reject_in_tx(
    conn: &mut PgConnection,
    ctx: &Ctx<'_>,
    row: &ApplicationRow,
    reason: &str,
) -> Result<Option<i64>, DbError> {
    if !applications::record_decision(
        conn,
        row.id,
        ApplicationStatus::Rejected,
        Some(reason),
        ctx.reviewer,
        None,
    )? {
        return Err(DbError::Other(format!(
            "application {} changed while locked",
            row.id
        )));
    }
    for event in ApplicationEvent::of_decision(Decision::Reject) {
        applications::add_event(conn, row.id, *event, Some(ctx.reviewer))?;
    }
    let locale = locale_of(row);
    outbox::enqueue(
        conn,
        &NewMessage {
            channel: Channel::Email,
            recipient: row.contact_email.clone(),
            locale,
            template: Template::ApplicationRejected,
            payload: serde_json::json!({
                "org_name": row.name,
                "bureau": bureau_name(ctx.bureau, locale),
                "reason": reason,
            }),
        },
    )?;
    audit::append(
        conn,
        &entry(
            ctx.actor,
            AuditAction::ApplicationRejected,
            &ctx.bureau_ref.path,
            format!("application:{}", row.id),
            ctx.origin,
            serde_json::json!({ "reason": reason }),
        ),
    )?;
    Ok(None)
}
