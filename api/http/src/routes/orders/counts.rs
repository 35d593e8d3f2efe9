//! `GET /api/v1/organisations/{id}/orders/counts`

use std::collections::BTreeMap;

use actix_web::{get, web, web::Json};
use serde::Serialize;
use utoipa::ToSchema;
use weiquan_domain::workflow::State;
use weiquan_services::{inbox, orders};

use super::filters::{FilterQuery, check};
use super::order_error;
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::state::AppState;

/// How many open orders an inbox holds.
#[derive(Debug, Serialize, ToSchema)]
pub struct OrderCounts {
    /// Open orders matching the filters.
    pub total: i64,
    /// Per open state (`received`, `with_enterprise`, `accepted`, `mediating`, `checking`),
    /// every one present, 0 when none.
    pub by_state: BTreeMap<String, i64>,
    /// Of `total`, those past their due date.
    pub overdue: i64,
}

/// Counts for an inbox tab bar: the **open** orders of an organisation's subtree that match
/// the same filters as the inbox (any `state` is ignored), per state, and how many are
/// overdue. Concluded and archived orders are not counted: they grow without bound, while
/// open orders are a bounded set, read in one index-only pass (a province's open orders, not
/// its history). Same access and the same orders as the inbox (a subtree's, the complaints
/// about an ODR enterprise, or the orders delegated to an association).
#[utoipa::path(
    tag = "orders",
    operation_id = "orders_counts",
    params(("id" = i64, Path, description = "Organisation id"), FilterQuery),
    responses(
        (status = OK, description = "The counts", body = OrderCounts),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "Not allowed, or second factor required", body = Problem, content_type = "application/problem+json"),
        (status = NOT_FOUND, description = "No such organisation in your subtree", body = Problem, content_type = "application/problem+json"),
        (status = UNPROCESSABLE_ENTITY, description = "Bad filters", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/organisations/{id}/orders/counts")]
pub async fn counts(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
    filters: web::Query<FilterQuery>,
) -> Result<Json<OrderCounts>, ApiError> {
    caller.signed_in()?;
    let mut errors = Vec::new();
    let filter = filters.to_filter(&caller.actor, orders::today(), &mut errors);
    check(errors)?;
    let rows = inbox::counts(&state.deps, &caller.actor, id.into_inner(), filter)
        .await
        .map_err(order_error)?;
    let mut by_state: BTreeMap<String, i64> = State::OPEN_NAMES
        .iter()
        .map(|s| ((*s).to_owned(), 0))
        .collect();
    let (mut total, mut overdue) = (0, 0);
    for row in rows {
        total += row.total;
        overdue += row.overdue;
        by_state.insert(row.state, row.total);
    }
    Ok(Json(OrderCounts {
        total,
        by_state,
        overdue,
    }))
}
