//! `GET /api/v1/organisations/{id}/orders`

use actix_web::{get, web, web::Json};
use chrono::NaiveDate;
use serde::Deserialize;
use utoipa::IntoParams;
use weiquan_db::orders::{InboxCursor, InboxFilter};
use weiquan_services::orders;

use super::{OrderPage, OrderSummary, bad_cursor, order_error, page_limit};
use crate::auth::Caller;
use crate::error::{ApiError, FieldError, Problem};
use crate::state::AppState;

const STATES: [&str; 7] = [
    "received",
    "with_enterprise",
    "accepted",
    "mediating",
    "checking",
    "concluded",
    "archived",
];

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct InboxQuery {
    /// Only orders in this state.
    pub state: Option<String>,
    /// Only orders past their due date.
    pub overdue: Option<bool>,
    /// An order number, or its beginning.
    pub q: Option<String>,
    /// The `next` of the previous page.
    pub after: Option<String>,
    /// 1 to 200, default 50.
    pub limit: Option<u32>,
}

fn parse_cursor(s: &str) -> Option<InboxCursor> {
    let (due, id) = s.split_once('_')?;
    Some(InboxCursor {
        due_on: if due == "-" {
            None
        } else {
            Some(NaiveDate::parse_from_str(due, "%Y-%m-%d").ok()?)
        },
        id: id.parse().ok()?,
    })
}

/// The orders held in an organisation's subtree (handlers, reviewers and analysts of that
/// unit or above), by due date (undated last), with keyset paging. 404 outside the caller's
/// subtree.
#[utoipa::path(
    tag = "orders",
    operation_id = "orders_inbox",
    params(("id" = i64, Path, description = "Organisation id"), InboxQuery),
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
) -> Result<Json<OrderPage>, ApiError> {
    caller.signed_in()?;
    let query = query.into_inner();
    let limit = page_limit(query.limit)?;
    if let Some(s) = &query.state
        && !STATES.contains(&s.as_str())
    {
        return Err(ApiError::validation(vec![FieldError::new(
            "state",
            "invalid",
            "Unknown state.",
            "未知的工单状态。",
        )]));
    }
    let cursor = match &query.after {
        Some(s) => Some(parse_cursor(s).ok_or_else(bad_cursor)?),
        None => None,
    };
    let today = orders::today();
    let filter = InboxFilter {
        path: String::new(),
        state: query.state,
        overdue_on: query.overdue.unwrap_or(false).then_some(today),
        number_prefix: query
            .q
            .map(|q| q.trim().to_uppercase())
            .filter(|q| !q.is_empty()),
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
        rows.last().map(|r| {
            format!(
                "{}_{}",
                r.due_on
                    .map_or_else(|| "-".to_owned(), |d| d.format("%Y-%m-%d").to_string()),
                r.id
            )
        })
    } else {
        None
    };
    Ok(Json(OrderPage {
        items: rows.iter().map(|r| OrderSummary::new(r, today)).collect(),
        next,
    }))
}
