//! `POST /api/v1/orders/{id}/messages`

use actix_web::{HttpResponse, post, web};
use serde::Deserialize;
use utoipa::ToSchema;
use weiquan_services::dialogue::{self, Draft};

use super::{Message, dialogue_error};
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::extract::Body;
use crate::state::AppState;

/// A message to post.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewMessage {
    /// 1 to 2,000 characters after trimming.
    #[schema(example = "您好，我们已核实情况，同意全额退款。")]
    pub body: String,
    /// An internal note, for staff only (default false).
    #[serde(default)]
    pub internal: bool,
    /// Up to 9 of the caller's own uploads (`POST /api/v1/attachments`), new or already used
    /// elsewhere.
    #[serde(default)]
    pub attachments: Vec<i64>,
}

/// Posts a message in an order's dialogue. Public messages are accepted while a complaint is
/// with the enterprise, accepted or in mediation, from the consumer, the business (its
/// members; its API clients with `orders:write`) and the unit handling it (or the delegated
/// association); staff who see the order may also post internal notes while it is open,
/// which the consumer and the business never receive. A closed order's dialogue is
/// read-only (409 `dialogue_closed`). At most `MESSAGE_RATE_PER_MINUTE` messages per account
/// a minute (429 `rate_limited` with `Retry-After`). The message reaches live streams on
/// every server instance.
#[utoipa::path(
    tag = "dialogue",
    operation_id = "dialogue_post",
    params(("id" = i64, Path, description = "Order id")),
    request_body = NewMessage,
    responses(
        (status = CREATED, description = "Posted", body = Message),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "Not this participant's kind of message, second factor or CSRF token missing", body = Problem, content_type = "application/problem+json"),
        (status = NOT_FOUND, description = "No such order for you", body = Problem, content_type = "application/problem+json"),
        (status = CONFLICT, description = "`dialogue_closed`: not accepting messages now", body = Problem, content_type = "application/problem+json"),
        (status = UNPROCESSABLE_ENTITY, description = "Empty or too long body, attachments refused", body = Problem, content_type = "application/problem+json"),
        (status = TOO_MANY_REQUESTS, description = "`rate_limited`: too many messages", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/orders/{id}/messages")]
pub async fn post(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<i64>,
    body: Body<NewMessage>,
) -> Result<HttpResponse, ApiError> {
    caller.signed_in()?;
    let body = body.into_inner();
    let message = dialogue::post(
        &state.deps,
        &state.limiter,
        state.config.message_limit,
        &caller.actor,
        path.into_inner(),
        Draft {
            body: body.body,
            internal: body.internal,
            attachments: body.attachments,
        },
    )
    .await
    .map_err(dialogue_error)?;
    Ok(HttpResponse::Created().json(Message::from(message)))
}
