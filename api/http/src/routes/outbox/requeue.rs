//! `POST /api/v1/outbox/{id}/requeue`

use actix_web::{HttpRequest, HttpResponse, post, web};
use weiquan_services::outbox::parked;

use super::parked_error;
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::state::AppState;

/// Queues a parked message again with a fresh count of attempts (after the cause was fixed:
/// a wrong address corrected, the provider back). National administrators only
/// (`manage_outbox`); 404 when the message is not parked.
#[utoipa::path(
    tag = "outbox",
    operation_id = "outbox_requeue",
    params(("id" = i64, Path, description = "The parked message")),
    responses(
        (status = NO_CONTENT, description = "Queued again"),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "Not a national administrator, or second factor required", body = Problem, content_type = "application/problem+json"),
        (status = NOT_FOUND, description = "No parked message with this id", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/outbox/{id}/requeue")]
pub async fn requeue(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    match parked::requeue(&state.deps, &caller.actor, id).await {
        Ok(()) => Ok(HttpResponse::NoContent().finish()),
        Err(e) => Err(parked_error(&state, &caller, &req, format!("outbox:{id}"), e).await),
    }
}
