//! The dialogue 三方对话 of a work order: messages among the consumer, the business (an ODR
//! enterprise settling a complaint) and the mediator, internal notes among staff, read
//! receipts, unread counts, and a live stream (server-sent events). Who takes part and with
//! what rights is `weiquan_domain::dialogue`; the use cases are `weiquan_services::dialogue`.

pub mod attachment;
pub mod list;
pub mod post;
pub mod read;
pub mod sse;
pub mod stream;
pub mod unread;

use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;
use weiquan_domain::dialogue::{BodyProblem, MAX_BODY_CHARS, Party};
use weiquan_services::dialogue::{DialogueError, MessageView};

use crate::auth::denied;
use crate::error::{ApiError, ErrorCode, FieldError};
use crate::routes::orders::attachment_field_error;

/// A side of the dialogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PartyDto {
    /// The consumer who filed the order.
    Consumer,
    /// The ODR enterprise the complaint is about.
    Business,
    /// The handling bureau, station or delegated consumer association (and units above it).
    Mediator,
    /// The platform itself.
    System,
}

impl From<Party> for PartyDto {
    fn from(p: Party) -> Self {
        match p {
            Party::Consumer => Self::Consumer,
            Party::Business => Self::Business,
            Party::Mediator => Self::Mediator,
            Party::System => Self::System,
        }
    }
}

/// Who wrote a message, as the reader may see it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MessageAuthor {
    pub party: PartyDto,
    /// The name shown: the consumer's name to staff and to themselves, `消费者` to the
    /// business (which never learns who complained); the unit's name for staff and business;
    /// `系统` for the platform.
    #[schema(example = "南山区市场监督管理局")]
    pub name: String,
    /// The organisation the author spoke for (staff, business); null for the consumer and the
    /// platform.
    pub org_name: Option<String>,
    /// Written by the caller (the same account or API client).
    pub mine: bool,
}

/// A file a message carries.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MessageAttachment {
    /// Download it at `/api/v1/orders/{order_id}/messages/attachments/{id}`.
    pub id: i64,
    #[schema(example = "发票.jpg")]
    pub name: String,
    #[schema(example = "image/jpeg")]
    pub media_type: String,
    /// Bytes.
    pub size: i64,
}

/// One message of an order's dialogue.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Message {
    /// Increasing within an order (and the stream's event id).
    pub id: i64,
    pub order_id: i64,
    pub author: MessageAuthor,
    /// An internal note: only staff ever receive it.
    pub internal: bool,
    pub body: String,
    pub attachments: Vec<MessageAttachment>,
    pub created_at: DateTime<Utc>,
}

impl From<MessageView> for Message {
    fn from(m: MessageView) -> Self {
        Self {
            id: m.id,
            order_id: m.order_id,
            author: MessageAuthor {
                party: m.author.party.into(),
                name: m.author.name,
                org_name: m.author.org_name,
                mine: m.author.mine,
            },
            internal: m.internal,
            body: m.body,
            attachments: m
                .attachments
                .into_iter()
                .map(|a| MessageAttachment {
                    id: a.id,
                    name: a.file_name,
                    media_type: a.media_type.mime().to_owned(),
                    size: a.size_bytes,
                })
                .collect(),
            created_at: m.created_at,
        }
    }
}

/// How far one party has read (the furthest of its users).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReadReceipt {
    pub party: PartyDto,
    /// The id of the last message read; null when nobody of that party has read yet.
    pub read_up_to: Option<i64>,
}

fn not_found() -> ApiError {
    ApiError::not_found("The order's dialogue", "该工单的对话")
}

/// The problem for a use-case error.
pub fn dialogue_error(e: DialogueError) -> ApiError {
    match e {
        DialogueError::NotFound => not_found(),
        DialogueError::Denied(reason) => denied(reason),
        DialogueError::Closed => ApiError::new(ErrorCode::DialogueClosed),
        DialogueError::NotAllowed => ApiError::new(ErrorCode::Forbidden).detail(
            "You may not write this kind of message in this dialogue.",
            "您不能在该对话中发送此类消息。",
        ),
        DialogueError::Limited { retry_after } => ApiError::new(ErrorCode::RateLimited)
            .detail(
                format!("Too many messages; try again in {retry_after} seconds."),
                format!("发送消息过于频繁，请 {retry_after} 秒后再试。"),
            )
            .header(
                actix_web::http::header::RETRY_AFTER,
                &retry_after.to_string(),
            ),
        DialogueError::Body(BodyProblem::Required) => ApiError::validation(vec![FieldError::new(
            "body",
            "required",
            "Write a message.",
            "请输入消息内容。",
        )]),
        DialogueError::Body(BodyProblem::TooLong) => ApiError::validation(vec![FieldError::new(
            "body",
            "length",
            format!("A message has at most {MAX_BODY_CHARS} characters."),
            format!("消息不能超过 {MAX_BODY_CHARS} 个字。"),
        )]),
        DialogueError::Attachments(refused) => ApiError::validation(
            refused
                .into_iter()
                .map(|(i, problem)| attachment_field_error(i, problem))
                .collect(),
        ),
        DialogueError::Service(e) => e.into(),
    }
}
