//! `GET /api/v1/outbox/parked`

use actix_web::{HttpRequest, get, web, web::Json};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use weiquan_db::outbox::Message;
use weiquan_domain::mask::mask_recipient;
use weiquan_domain::notify::Channel;
use weiquan_services::outbox::parked;

use super::parked_error;
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ParkedQuery {
    /// Only messages older than this id (the last `id` of the previous page).
    pub before: Option<i64>,
    /// 1 to 200, default 50.
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
}

/// A message the relay gave up on.
#[derive(Debug, Serialize, ToSchema)]
pub struct ParkedMessage {
    pub id: i64,
    /// `sms` or `email`.
    pub channel: String,
    /// The recipient, masked (`138****5678`, `z***@example.com`).
    pub recipient: String,
    /// The template id, e.g. `order_progress`.
    pub template: String,
    pub locale: String,
    pub attempts: i32,
    /// The last failure as the sender reported it.
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    /// When the last attempt was due.
    pub last_attempt_at: DateTime<Utc>,
}

impl From<Message> for ParkedMessage {
    fn from(m: Message) -> Self {
        let recipient = match Channel::parse(&m.channel) {
            Some(channel) => mask_recipient(channel, &m.recipient),
            None => "***".to_owned(),
        };
        Self {
            id: m.id,
            channel: m.channel,
            recipient,
            template: m.template,
            locale: m.locale,
            attempts: m.attempts,
            last_error: m.last_error,
            created_at: m.created_at,
            last_attempt_at: m.next_attempt_at,
        }
    }
}

/// Parked outgoing messages, newest first. National administrators only (`manage_outbox`).
#[utoipa::path(
    tag = "outbox",
    operation_id = "outbox_parked_list",
    params(ParkedQuery),
    responses(
        (status = OK, description = "Parked messages", body = Vec<ParkedMessage>),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "Not a national administrator, or second factor required", body = Problem, content_type = "application/problem+json"),
        (status = UNPROCESSABLE_ENTITY, description = "Bad paging parameters", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/outbox/parked")]
pub async fn list(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    query: web::Query<ParkedQuery>,
) -> Result<Json<Vec<ParkedMessage>>, ApiError> {
    let limit = query.limit.unwrap_or(50);
    if !(1..=200).contains(&limit) {
        return Err(ApiError::field(
            "limit",
            "range",
            "Give a limit from 1 to 200.",
            "limit 须在 1 到 200 之间。",
        ));
    }
    match parked::list(&state.deps, &caller.actor, query.before, limit).await {
        Ok(rows) => Ok(Json(rows.into_iter().map(Into::into).collect())),
        Err(e) => Err(parked_error(&state, &caller, &req, "outbox".to_owned(), e).await),
    }
}
