//! The staff console's lists over a subtree: counts of open orders per state, the overdue
//! supervision list of upper levels, and bulk assignment (each order through
//! [`orders::act`], in its own transaction). The inbox page itself is [`orders::inbox`].

use chrono::NaiveDate;
use weiquan_db::inbox::{self as db, InboxFilter, StateCount};
use weiquan_db::orders::{InboxCursor, OrderRow};
use weiquan_db::organisations;
use weiquan_domain::access::{
    Access, Action, Actor, InboxScope, OrgId, OrgRef, inbox_access, inbox_scope,
};

use crate::orders::{self, CommandInput, OrderError};
use crate::{Deps, ServiceError};

/// What a list over a subtree needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// The inbox and its counts ([`Action::ViewOrders`]).
    Orders,
    /// The supervision list ([`Action::Supervise`]).
    Supervision,
}

/// The organisation `org` if `actor` may read its subtree's list (404 outside it).
pub async fn subtree(
    deps: &Deps,
    actor: &Actor,
    org: i64,
    need: Need,
) -> Result<OrgRef, OrderError> {
    let row = deps
        .db
        .run(move |conn| organisations::find(conn, OrgId(org)))
        .await?
        .ok_or(OrderError::NotFound)?;
    let target = row.to_ref().map_err(OrderError::from)?;
    let action = match need {
        Need::Orders => Action::ViewOrders(&target),
        Need::Supervision => Action::Supervise(&target),
    };
    match weiquan_domain::access::access(actor, action) {
        Access::Allowed => Ok(target),
        Access::NotFound => Err(OrderError::NotFound),
        Access::Denied(d) => Err(OrderError::Denied(d)),
    }
}

/// Whether `actor` may read `target`'s inbox (`access::inbox_access`: 404 outside what they
/// may see), and which orders it lists (`access::inbox_scope`): the subtree's, the complaints
/// about an enterprise, or the orders delegated to an association. Sets `filter` to match.
pub fn scope(actor: &Actor, target: &OrgRef, filter: &mut InboxFilter) -> Result<(), OrderError> {
    match inbox_access(actor, target) {
        Access::Allowed => {}
        Access::NotFound => return Err(OrderError::NotFound),
        Access::Denied(d) => return Err(OrderError::Denied(d)),
    }
    filter.path = target.path.to_sql();
    filter.scope = match inbox_scope(target) {
        InboxScope::Subtree => db::Scope::Subtree,
        InboxScope::AboutEnterprise => db::Scope::Business(target.id.0),
        InboxScope::DelegatedTo => db::Scope::Mediator(target.id.0),
    };
    Ok(())
}

/// Open orders per state for an inbox's filters (its states ignored), with the overdue ones.
pub async fn counts(
    deps: &Deps,
    actor: &Actor,
    org: i64,
    mut filter: InboxFilter,
) -> Result<Vec<StateCount>, OrderError> {
    let row = deps
        .db
        .run(move |conn| organisations::find(conn, OrgId(org)))
        .await?
        .ok_or(OrderError::NotFound)?;
    let target = row.to_ref().map_err(OrderError::from)?;
    scope(actor, &target, &mut filter)?;
    let today = orders::today();
    Ok(deps
        .db
        .run(move |conn| db::counts(conn, &filter, today))
        .await?)
}

/// An inbox or supervision row: the order and what the list shows beside it.
#[derive(Debug, Clone)]
pub struct Listed {
    pub row: OrderRow,
    /// The business named in the appeal (none for suggestions, consultations, some reports).
    pub business_name: Option<String>,
    /// The appeal's subject category code (complaints).
    pub subject_category: Option<String>,
    /// The holding unit's name.
    pub holder_name: String,
}

/// Adds the appeal's business and category and the holder's name to a page of rows: two
/// primary-key reads of at most a page's rows, in the page's transaction.
pub fn listed(
    conn: &mut diesel::PgConnection,
    rows: Vec<OrderRow>,
) -> Result<Vec<Listed>, weiquan_db::DbError> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let appeals = db::appeal_summaries(conn, &ids)?;
    let mut orgs: Vec<i64> = rows.iter().map(|r| r.holder_org_id).collect();
    orgs.sort_unstable();
    orgs.dedup();
    let names = db::org_names(conn, &orgs)?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let (business_name, subject_category) = appeals
                .iter()
                .find(|(id, _, _)| *id == row.id)
                .map(|(_, b, c)| (b.clone(), c.clone()))
                .unwrap_or_default();
            Listed {
                holder_name: names
                    .iter()
                    .find(|(id, _)| *id == row.holder_org_id)
                    .map(|(_, n)| n.clone())
                    .unwrap_or_default(),
                business_name,
                subject_category,
                row,
            }
        })
        .collect())
}

/// An overdue order on the supervision list.
#[derive(Debug, Clone)]
pub struct Overdue {
    pub item: Listed,
    /// Calendar days since the due date.
    pub days_overdue: i64,
}

/// The subtree's open orders past due, oldest due date first (keyset paged).
pub async fn supervision(
    deps: &Deps,
    actor: &Actor,
    org: i64,
    cursor: Option<InboxCursor>,
    limit: i64,
) -> Result<(Vec<Overdue>, NaiveDate), OrderError> {
    let target = subtree(deps, actor, org, Need::Supervision).await?;
    let today = orders::today();
    let filter = db::supervision_filter(target.path.to_sql(), today);
    let rows = deps
        .db
        .run(move |conn| {
            let rows = db::inbox(conn, &filter, cursor, limit)?;
            listed(conn, rows)
        })
        .await?;
    let items = rows
        .into_iter()
        .map(|item| Overdue {
            days_overdue: item.row.due_on.map_or(0, |d| (today - d).num_days()),
            item,
        })
        .collect();
    Ok((items, today))
}

/// One order of a bulk action: its id and the version the caller loaded.
#[derive(Debug, Clone, Copy)]
pub struct BulkItem {
    pub id: i64,
    pub version: i32,
}

/// Takes the same action on each order, each exactly as [`orders::act`] would (the machine
/// decides, one transaction per order): a stale version or a refusal fails that order only.
/// After an unavailable or broken database the remaining orders are not tried and answer
/// the same error.
pub async fn bulk(
    deps: &Deps,
    actor: &Actor,
    input: CommandInput,
    items: &[BulkItem],
    reason: Option<String>,
) -> Vec<(i64, Result<i32, OrderError>)> {
    let mut out = Vec::with_capacity(items.len());
    let mut broken: Option<ServiceError> = None;
    for item in items {
        if let Some(e) = &broken {
            out.push((item.id, Err(OrderError::Service(again(e)))));
            continue;
        }
        let result = orders::act(
            deps,
            actor,
            item.id,
            item.version,
            input.clone(),
            reason.clone(),
        )
        .await;
        if let Err(OrderError::Service(e)) = &result {
            broken = Some(again(e));
        }
        out.push((item.id, result));
    }
    out
}

/// The same error again, for the orders not tried after it.
fn again(e: &ServiceError) -> ServiceError {
    match e {
        ServiceError::NotFound { what } => ServiceError::NotFound { what },
        ServiceError::Unavailable { dependency, detail } => ServiceError::Unavailable {
            dependency: *dependency,
            detail: detail.clone(),
        },
        ServiceError::Internal(detail) => ServiceError::Internal(detail.clone()),
    }
}
