//! `GET /api/dev/messages?recipient=...`: development only. Registered only when
//! `WEIQUAN_ENV=development` and never part of the OpenAPI document, so it does not exist in
//! production configuration. Shows the SMS a number would have received (codes included), or
//! the emails an address would have received (invitation links included), newest first.

use actix_web::{HttpResponse, web};
use serde::Deserialize;
use weiquan_domain::invitation::normalise_email;
use weiquan_domain::notify::Channel;
use weiquan_services::{outbox, verification};

use crate::error::{ApiError, FieldError};
use crate::state::AppState;

#[derive(Debug, Deserialize)]
pub struct Query {
    pub recipient: String,
}

pub async fn list(
    state: web::Data<AppState>,
    query: web::Query<Query>,
) -> Result<HttpResponse, ApiError> {
    if query.recipient.contains('@') {
        let email = normalise_email(&query.recipient).map_err(|_| {
            ApiError::validation(vec![FieldError::new(
                "recipient",
                "email",
                "Enter a phone number or an email address.",
                "请输入手机号或电子邮箱地址。",
            )])
        })?;
        let rows = state
            .deps
            .db
            .run(move |conn| weiquan_db::outbox::recent_to(conn, Channel::Email, &email, 20))
            .await?;
        let items: Vec<serde_json::Value> = rows
            .iter()
            .filter_map(|m| {
                let rendered = outbox::render_stored(m)?;
                Some(serde_json::json!({
                    "channel": "email",
                    "recipient": m.recipient,
                    "template": m.template,
                    "subject": rendered.subject,
                    "text": rendered.body,
                    "created_at": m.created_at.timestamp(),
                }))
            })
            .collect();
        return Ok(HttpResponse::Ok().json(serde_json::json!({ "items": items })));
    }
    super::check_phone("recipient", &query.recipient).map_err(|e| ApiError::validation(vec![e]))?;
    let items = verification::dev_mailbox(&state.deps, &query.recipient).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "items": items })))
}
