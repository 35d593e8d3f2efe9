//! Evidence attachments 证据材料: uploads, before a submission names them. An order's evidence
//! is listed in the order view and downloaded under the order
//! (`routes/orders/attachment.rs`).

pub mod upload;

use serde::Serialize;
use utoipa::ToSchema;
use weiquan_services::attachments::{AttachmentError, Evidence};

use crate::auth::denied;
use crate::error::{ApiError, ErrorCode, FieldError};

/// One evidence file.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AttachmentDto {
    pub id: i64,
    /// The name it is shown and downloaded under (an anonymous report's evidence is named
    /// `evidence-<n>.<ext>` for everyone but the reporter).
    #[schema(example = "发票.jpg")]
    pub file_name: String,
    /// Judged from the content: `image/jpeg`, `image/png`, `image/gif`, `image/webp`,
    /// `image/heic`, `image/heif` or `application/pdf`.
    #[schema(example = "image/jpeg")]
    pub media_type: String,
    pub size_bytes: i64,
}

impl From<Evidence> for AttachmentDto {
    fn from(e: Evidence) -> Self {
        Self {
            id: e.id,
            file_name: e.file_name,
            media_type: e.media_type.mime().to_owned(),
            size_bytes: e.size_bytes,
        }
    }
}

fn not_found() -> ApiError {
    ApiError::not_found("The attachment", "该附件")
}

/// The problem for a use-case error.
pub fn attachment_error(e: AttachmentError) -> ApiError {
    match e {
        AttachmentError::Denied(reason) => denied(reason),
        AttachmentError::Limited { retry_after } => ApiError::too_many(retry_after),
        AttachmentError::TooLarge { max } => ApiError::new(ErrorCode::PayloadTooLarge).detail(
            format!("A file may have at most {max} bytes."),
            format!("单个文件不能超过 {} MB。", max / (1024 * 1024)),
        ),
        AttachmentError::Unsupported => ApiError::new(ErrorCode::AttachmentTypeUnsupported),
        AttachmentError::NotFound => not_found(),
        AttachmentError::Service(e) => e.into(),
    }
}

/// A request that is not one `file` part of `multipart/form-data`.
pub fn form_error(en: &str, zh: &str) -> ApiError {
    ApiError::validation(vec![FieldError::new("file", "invalid", en, zh)])
}
