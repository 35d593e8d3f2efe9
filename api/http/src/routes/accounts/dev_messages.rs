//! `GET /api/dev/messages?recipient=...`: development only. Registered only when
//! `WEIQUAN_ENV=development` and never part of the OpenAPI document, so it does not exist in
//! production configuration. Shows the SMS a number would have received (codes included).

use actix_web::{HttpResponse, web};
use serde::Deserialize;
use weiquan_services::verification;

use crate::error::ApiError;
use crate::state::AppState;

#[derive(Debug, Deserialize)]
pub struct Query {
    pub recipient: String,
}

pub async fn list(
    state: web::Data<AppState>,
    query: web::Query<Query>,
) -> Result<HttpResponse, ApiError> {
    super::check_phone("recipient", &query.recipient).map_err(|e| ApiError::validation(vec![e]))?;
    let items = verification::dev_mailbox(&state.deps, &query.recipient).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "items": items })))
}
