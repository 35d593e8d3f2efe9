//! `GET /api/v1/orders/{id}/messages`

use actix_web::{get, web, web::Json};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use weiquan_domain::dialogue::{MAX_PAGE, page_size};
use weiquan_services::dialogue;

use super::{Message, ReadReceipt, dialogue_error};
use crate::auth::Caller;
use crate::error::{ApiError, FieldError, Problem};
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// Only messages after this message id (the last `id` of the previous page).
    pub after: Option<i64>,
    /// 1 to 200, default 100.
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
}

/// A page of an order's dialogue, with what the caller may do and how far everyone read.
#[derive(Debug, Serialize, ToSchema)]
pub struct DialogueView {
    /// Oldest first.
    pub items: Vec<Message>,
    /// The dialogue accepts public messages now (a complaint with the enterprise, accepted or
    /// in mediation); a closed order's dialogue is read-only.
    pub open: bool,
    /// The caller may post a public message now.
    pub can_post: bool,
    /// The caller may post an internal note now (staff, while the order is open).
    pub can_post_internal: bool,
    /// The id of the last message the caller marked read (null: none yet, or an API client).
    pub my_read_up_to: Option<i64>,
    /// How far each party of this dialogue has read (no business on a report).
    pub read_receipts: Vec<ReadReceipt>,
    /// Messages after `my_read_up_to` that others wrote.
    pub unread: i64,
}

/// The dialogue of an order, for its participants: the consumer who filed it, the ODR
/// enterprise a complaint is about (its members; its API clients with `orders:read`), and
/// staff who see the order (the holding unit, the units above it, the delegated
/// association). Internal notes are in the list for staff only. 404 for everyone else, as
/// for the order itself.
#[utoipa::path(
    tag = "dialogue",
    operation_id = "dialogue_list",
    params(("id" = i64, Path, description = "Order id"), ListQuery),
    responses(
        (status = OK, description = "The dialogue", body = DialogueView),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "Second factor required", body = Problem, content_type = "application/problem+json"),
        (status = NOT_FOUND, description = "No such order for you", body = Problem, content_type = "application/problem+json"),
        (status = UNPROCESSABLE_ENTITY, description = "Bad paging parameters", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/orders/{id}/messages")]
pub async fn list(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<i64>,
    query: web::Query<ListQuery>,
) -> Result<Json<DialogueView>, ApiError> {
    caller.signed_in()?;
    let limit = page_size(query.limit).ok_or_else(|| {
        ApiError::validation(vec![FieldError::new(
            "limit",
            "range",
            format!("Give 1 to {MAX_PAGE}."),
            format!("请填写 1 到 {MAX_PAGE}。"),
        )])
    })?;
    let page = dialogue::list(
        &state.deps,
        &caller.actor,
        path.into_inner(),
        query.after,
        limit,
    )
    .await
    .map_err(dialogue_error)?;
    Ok(Json(DialogueView {
        items: page.items.into_iter().map(Message::from).collect(),
        open: page.open,
        can_post: page.can_post,
        can_post_internal: page.can_post_internal,
        my_read_up_to: page.my_read_up_to,
        read_receipts: page
            .read_receipts
            .into_iter()
            .map(|(party, read_up_to)| ReadReceipt {
                party: party.into(),
                read_up_to,
            })
            .collect(),
        unread: page.unread,
    }))
}
