//! What an action on an order may name, for the caller about to take it: the bureaus a
//! transfer may go to, the holder's stations, the bureau above, the associations of the area,
//! the unit's handlers. The caller must see the order (else 404) and be able to take the
//! action now (else the machine's refusal: not allowed, or not in this state); each candidate
//! read from the database is then put to the same rule `apply` checks
//! (`weiquan_domain::workflow::targets`), so the list holds exactly what would be accepted.

use weiquan_db::organisations::{self, OrgRow};
use weiquan_db::targets::{self as db, Search};
use weiquan_domain::access::{Actor, Denied, OrgId, Role};
use weiquan_domain::workflow::targets::{
    HandlerCandidate, eligible_delegate, eligible_handler, eligible_refer_up, eligible_station,
    eligible_transfer, names_target,
};
use weiquan_domain::workflow::{self, By, CommandKind, Context, Order, Refusal};

use crate::Deps;
use crate::orders::{OrderError, calendar_in, load, today, visible};

/// How many candidates a unit or member search reads before the rules are applied: more
/// than any unit has stations, associations above it or handlers, so none is cut off by the
/// rules thinning the page.
const READ_BOUND: i64 = 1000;

/// One thing an action may name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub id: i64,
    pub name: String,
    /// `bureau`, `station` or `association` (the organisation's kind), or `member`.
    pub kind: String,
    pub bureau_level: Option<String>,
    pub division_code: Option<String>,
    /// Members only: their roles.
    pub roles: Vec<Role>,
}

impl Target {
    fn unit(row: OrgRow) -> Self {
        Self {
            id: row.id,
            name: row.name,
            kind: row.kind,
            bureau_level: row.bureau_level,
            division_code: row.division_code,
            roles: Vec::new(),
        }
    }
}

/// The candidates for `action` on order `id`, matching `q` (trimmed; empty: all), at most
/// `limit`. `action` must be one that names a target (the caller checks; others are
/// `OrderError::Refused(WrongState)` here).
pub async fn list(
    deps: &Deps,
    actor: &Actor,
    id: i64,
    action: CommandKind,
    q: String,
    limit: i64,
) -> Result<Vec<Target>, OrderError> {
    if matches!(actor, Actor::Anonymous) {
        return Err(OrderError::Denied(Denied::SignInRequired));
    }
    let actor = actor.clone();
    let cache = deps.db.calendar_cache();
    deps.db
        .run(move |conn| {
            let calendar = calendar_in(conn, &cache)?;
            let Some(loaded) = load(conn, id)? else {
                return Ok(Err(OrderError::NotFound));
            };
            if let Err(e) = visible(&actor, &loaded) {
                return Ok(Err(e));
            }
            let ctx = Context {
                today: today(),
                calendar: &calendar,
            };
            let by = By::Actor(&actor);
            if let Err(refusal) = workflow::permits(&loaded.order, by, action, &ctx) {
                return Ok(Err(OrderError::Refused(refusal)));
            }
            if !names_target(action) {
                return Ok(Err(OrderError::Refused(Refusal::WrongState)));
            }
            let order = &loaded.order;
            let search = Search {
                q: q.trim(),
                limit: READ_BOUND,
            };
            let targets: Vec<Target> = match action {
                CommandKind::AssignHandler => db::handlers(conn, order.holder.id.0, &search)?
                    .into_iter()
                    .filter(|m| {
                        let candidate = HandlerCandidate {
                            user: m.user,
                            org: order.holder.id,
                            roles: &m.roles,
                        };
                        eligible_handler(order, by, candidate).is_ok()
                    })
                    .map(|m| Target {
                        id: m.user.0,
                        name: m.display_name,
                        kind: "member".to_owned(),
                        bureau_level: None,
                        division_code: None,
                        roles: m.roles,
                    })
                    .collect(),
                _ => units(conn, order, action, &search, limit)?
                    .into_iter()
                    .map(Target::unit)
                    .collect(),
            };
            Ok(Ok(targets
                .into_iter()
                .take(usize::try_from(limit).unwrap_or(0))
                .collect()))
        })
        .await
        .map_err(OrderError::Service)?
}

/// The units `action` may name, read as candidates and kept when the rule accepts them.
fn units(
    conn: &mut diesel::PgConnection,
    order: &Order,
    action: CommandKind,
    search: &Search<'_>,
    limit: i64,
) -> Result<Vec<OrgRow>, weiquan_db::DbError> {
    let holder = &order.holder;
    let holder_parent = holder.path.0.iter().rev().nth(1).map(|id| id.0);
    let rows = match action {
        // The rule is exactly what the query selects, so the page can be cut in SQL.
        CommandKind::Transfer => db::bureaus(
            conn,
            holder.id.0,
            holder_parent,
            &Search { limit, ..*search },
        )?,
        CommandKind::AssignStation => {
            db::children_of_kind(conn, &[holder.id.0], "station", search)?
        }
        CommandKind::Delegate => {
            db::children_of_kind(conn, &db::path_ids(&holder.path), "association", search)?
        }
        CommandKind::ReferUp => match holder_parent {
            Some(parent) => organisations::find(conn, OrgId(parent))?
                .filter(|row| row.status == "active" && matches_text(row, search.q))
                .into_iter()
                .collect(),
            None => Vec::new(),
        },
        _ => Vec::new(),
    };
    let mut kept = Vec::new();
    for row in rows {
        let unit = row.to_ref()?;
        let accepted = match action {
            CommandKind::Transfer => eligible_transfer(order, &unit),
            CommandKind::AssignStation => eligible_station(order, &unit),
            CommandKind::Delegate => eligible_delegate(order, &unit),
            CommandKind::ReferUp => eligible_refer_up(order, &unit),
            _ => false,
        };
        if accepted {
            kept.push(row);
        }
    }
    Ok(kept)
}

/// The search text of a single unit read by id: a part of its names or its division's start.
fn matches_text(row: &OrgRow, q: &str) -> bool {
    if q.is_empty() {
        return true;
    }
    let lower = q.to_lowercase();
    row.name.to_lowercase().contains(&lower)
        || row
            .name_en
            .as_deref()
            .is_some_and(|n| n.to_lowercase().contains(&lower))
        || row
            .division_code
            .as_deref()
            .is_some_and(|c| c.starts_with(q))
}
