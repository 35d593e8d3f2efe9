//! `GET /api/v1/me/orders`

use actix_web::{get, web, web::Json};
use chrono::DateTime;
use serde::Deserialize;
use utoipa::IntoParams;
use weiquan_db::orders::OwnCursor;
use weiquan_services::orders;

use super::{OrderPage, OrderSummary, bad_cursor, order_error, page_limit};
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MineQuery {
    /// The `next` of the previous page.
    #[param(pattern = r"^[0-9]{1,16}_[0-9]{1,18}$")]
    pub after: Option<String>,
    /// 1 to 200, default 50.
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
}

/// `{microseconds since 1970}_{id}`; every token of the documented pattern is a position.
fn parse_cursor(s: &str) -> Option<OwnCursor> {
    let (micros, id) = s.split_once('_')?;
    let digits = |t: &str, max: usize| {
        !t.is_empty() && t.len() <= max && t.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(micros, 16) || !digits(id, 18) {
        return None;
    }
    Some(OwnCursor {
        created_at: DateTime::from_timestamp_micros(micros.parse().ok()?)?,
        id: id.parse().ok()?,
    })
}

/// The signed-in consumer's own appeals, newest first, with keyset paging (anonymous
/// reports included: only their filer sees them here).
#[utoipa::path(
    tag = "orders",
    operation_id = "orders_mine",
    params(MineQuery),
    responses(
        (status = OK, description = "The consumer's orders", body = OrderPage),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "Not a consumer account", body = Problem, content_type = "application/problem+json"),
        (status = UNPROCESSABLE_ENTITY, description = "Bad paging parameters", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/me/orders")]
pub async fn mine(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<MineQuery>,
) -> Result<Json<OrderPage>, ApiError> {
    caller.signed_in()?;
    let limit = page_limit(query.limit)?;
    let cursor = match &query.after {
        Some(s) => Some(parse_cursor(s).ok_or_else(bad_cursor)?),
        None => None,
    };
    let mut rows = orders::own(&state.deps, &caller.actor, cursor, limit + 1)
        .await
        .map_err(order_error)?;
    let next = if rows.len() as i64 > limit {
        rows.truncate(usize::try_from(limit).unwrap_or(50));
        rows.last()
            .map(|r| format!("{}_{}", r.created_at.timestamp_micros(), r.id))
    } else {
        None
    };
    let today = orders::today();
    Ok(Json(OrderPage {
        items: rows.iter().map(|r| OrderSummary::new(r, today)).collect(),
        next,
    }))
}
