//! `GET /api/v1/organisations/{id}/supervision`

use actix_web::{get, web, web::Json};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use weiquan_db::orders::InboxCursor;
use weiquan_services::inbox;

use super::{OrderSummary, bad_cursor, order_error, page_limit};
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// The `next` of the previous page.
    #[param(pattern = r"^(-|[0-9]{1,7})_[0-9]{1,18}$")]
    pub after: Option<String>,
    /// 1 to 200, default 50.
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
}

/// An overdue order on the supervision list.
#[derive(Debug, Serialize, ToSchema)]
pub struct SupervisedOrder {
    #[serde(flatten)]
    pub order: OrderSummary,
    /// The name of the unit holding it.
    pub holder_name: String,
    /// Calendar days since the due date (1 = due yesterday).
    pub days_overdue: i64,
}

/// A page of the supervision list.
#[derive(Debug, Serialize, ToSchema)]
pub struct SupervisionPage {
    pub items: Vec<SupervisedOrder>,
    /// Pass as `after` for the next page; null on the last one.
    pub next: Option<String>,
}

/// The supervision list 督办 of an organisation's subtree: open orders past their due date,
/// the longest overdue first, keyset paged, with the holding unit's name. For members of
/// bureaus above the county who view orders, and a county bureau's leaders (reviewers);
/// 403 for other members who see the organisation, 404 outside the caller's subtree.
#[utoipa::path(
    tag = "orders",
    operation_id = "orders_supervision",
    params(("id" = i64, Path, description = "Organisation id"), PageQuery),
    responses(
        (status = OK, description = "The overdue orders", body = SupervisionPage),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "Not allowed, or second factor required", body = Problem, content_type = "application/problem+json"),
        (status = NOT_FOUND, description = "No such organisation in your subtree", body = Problem, content_type = "application/problem+json"),
        (status = UNPROCESSABLE_ENTITY, description = "Bad page", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/organisations/{id}/supervision")]
pub async fn supervision(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
    query: web::Query<PageQuery>,
) -> Result<Json<SupervisionPage>, ApiError> {
    caller.signed_in()?;
    let limit = page_limit(query.limit)?;
    let cursor = match &query.after {
        Some(s) => Some(InboxCursor::parse(s).ok_or_else(bad_cursor)?),
        None => None,
    };
    let (mut items, today) = inbox::supervision(
        &state.deps,
        &caller.actor,
        id.into_inner(),
        cursor,
        limit + 1,
    )
    .await
    .map_err(order_error)?;
    let next = if items.len() as i64 > limit {
        items.truncate(usize::try_from(limit).unwrap_or(50));
        items.last().map(|o| InboxCursor::of(&o.item.row).token())
    } else {
        None
    };
    Ok(Json(SupervisionPage {
        items: items
            .into_iter()
            .map(|o| SupervisedOrder {
                order: OrderSummary {
                    // Said once, below.
                    holder_name: None,
                    ..OrderSummary::staff(&o.item, today)
                },
                holder_name: o.item.holder_name,
                days_overdue: o.days_overdue,
            })
            .collect(),
        next,
    }))
}
