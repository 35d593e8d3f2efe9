//! `GET /api/v1/dialogues/unread`

use actix_web::{get, web, web::Json};
use serde::Serialize;
use utoipa::ToSchema;
use weiquan_services::dialogue;

use super::dialogue_error;
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct UnreadOrder {
    pub order_id: i64,
    pub unread: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct UnreadSummary {
    pub total: i64,
    /// The orders with unread messages (at most 500), lowest id first.
    pub orders: Vec<UnreadOrder>,
}

/// The caller's unread dialogue messages, per order with any: a consumer's own orders, an
/// enterprise's complaints (members and API clients), the open orders a unit holds or
/// mediates as the delegated association (its staff; internal notes count for them).
/// Callers who take part in no dialogue get an empty summary.
#[utoipa::path(
    tag = "dialogue",
    operation_id = "dialogue_unread",
    responses(
        (status = OK, description = "Unread counts", body = UnreadSummary),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "Second factor required", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/dialogues/unread")]
pub async fn unread(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<Json<UnreadSummary>, ApiError> {
    caller.signed_in()?;
    let summary = dialogue::unread(&state.deps, &caller.actor)
        .await
        .map_err(dialogue_error)?;
    Ok(Json(UnreadSummary {
        total: summary.total,
        orders: summary
            .orders
            .into_iter()
            .map(|(order_id, unread)| UnreadOrder { order_id, unread })
            .collect(),
    }))
}
