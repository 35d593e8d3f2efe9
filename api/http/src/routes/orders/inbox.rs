//! `GET /api/v1/organisations/{id}/orders`

use actix_web::{get, web, web::Json};
use serde::Deserialize;
use utoipa::IntoParams;
use weiquan_db::orders::InboxCursor;
use weiquan_services::orders;

use super::filters::{FilterQuery, check, states};
use super::{OrderPage, OrderSummary, bad_cursor, order_error, page_limit};
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::state::AppState;

/// The state filter and the page.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct InboxQuery {
    /// Only orders in one of these states, comma-separated (`received,accepted`).
    pub state: Option<String>,
    /// The `next` of the previous page (with the same filters).
    #[param(pattern = r"^(-|[0-9]{1,7})_[0-9]{1,18}$")]
    pub after: Option<String>,
    /// 1 to 200, default 50.
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
}

/// The orders of an organisation's inbox, by due date (undated last), with keyset paging:
/// `next` encodes the last order's due date and id, so a page never repeats or skips an order
/// however the list changes. All filters combine. Which orders: for a bureau or station,
/// those held in its subtree (handlers, reviewers and analysts of that unit or above); for an
/// ODR enterprise, the complaints about it (its handlers, reviewers and administrators, its
/// API clients with `orders:read` or `orders:write`, and staff of the bureaus above it); for
/// a consumer association, the orders whose mediation was delegated to it (its staff and
/// staff above it). 404 for anyone else.
#[utoipa::path(
    tag = "orders",
    operation_id = "orders_inbox",
    params(("id" = i64, Path, description = "Organisation id"), InboxQuery, FilterQuery),
    responses(
        (status = OK, description = "The orders", body = OrderPage),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "Not allowed, or second factor required", body = Problem, content_type = "application/problem+json"),
        (status = NOT_FOUND, description = "No such organisation in your subtree", body = Problem, content_type = "application/problem+json"),
        (status = UNPROCESSABLE_ENTITY, description = "Bad filters", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/organisations/{id}/orders")]
pub async fn inbox(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
    query: web::Query<InboxQuery>,
    filters: web::Query<FilterQuery>,
) -> Result<Json<OrderPage>, ApiError> {
    caller.signed_in()?;
    let query = query.into_inner();
    let limit = page_limit(query.limit)?;
    let today = orders::today();
    let mut errors = Vec::new();
    let mut filter = filters.to_filter(&caller.actor, today, &mut errors);
    filter.states = states(&mut errors, query.state.as_ref());
    check(errors)?;
    let cursor = match &query.after {
        Some(s) => Some(InboxCursor::parse(s).ok_or_else(bad_cursor)?),
        None => None,
    };
    let mut rows = orders::inbox(
        &state.deps,
        &caller.actor,
        id.into_inner(),
        filter,
        cursor,
        limit + 1,
    )
    .await
    .map_err(order_error)?;
    let next = if rows.len() as i64 > limit {
        rows.truncate(usize::try_from(limit).unwrap_or(50));
        rows.last().map(|r| InboxCursor::of(&r.row).token())
    } else {
        None
    };
    Ok(Json(OrderPage {
        items: rows.iter().map(|r| OrderSummary::staff(r, today)).collect(),
        next,
    }))
}
