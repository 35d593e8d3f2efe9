//! `POST /api/v1/attachments`

use actix_multipart::{Multipart, MultipartError};
use actix_web::{HttpResponse, post, web};
use futures_util::StreamExt;
use utoipa::ToSchema;
use weiquan_services::attachments::{self, Upload};

use super::{AttachmentDto, attachment_error, form_error};
use crate::auth::Caller;
use crate::error::{ApiError, ErrorCode, Problem};
use crate::state::AppState;

/// The form: exactly one part, `file`.
#[derive(Debug, serde::Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UploadForm {
    /// The file (its name is kept for display; its type is judged from its content).
    #[schema(value_type = String, format = Binary)]
    pub file: Vec<u8>,
}

fn multipart_error(e: MultipartError) -> ApiError {
    match e {
        MultipartError::ContentTypeMissing
        | MultipartError::ContentTypeParse
        | MultipartError::ContentTypeIncompatible
        | MultipartError::BoundaryMissing => ApiError::new(ErrorCode::UnsupportedMediaType).detail(
            "Send the file as multipart/form-data, in a part named file.",
            "请以 multipart/form-data 格式上传，文件字段名为 file。",
        ),
        other => ApiError::malformed(
            format!("The upload could not be read: {other}."),
            "无法读取上传的内容，请重试。",
        ),
    }
}

/// The name the browser sent with the part (`filename`, or RFC 5987 `filename*`).
fn sent_name(field: &actix_multipart::Field) -> String {
    let Some(cd) = field.content_disposition() else {
        return String::new();
    };
    if let Some(name) = cd.get_filename() {
        return name.to_owned();
    }
    cd.get_filename_ext()
        .map(|ext| String::from_utf8_lossy(&ext.value).into_owned())
        .unwrap_or_default()
}

/// Uploads one evidence file (signed-in consumers, and members of organisations for the
/// dialogue), to name in a submission's or a dialogue message's `attachments` within 24 hours
/// (unused uploads are deleted then). Send `multipart/form-data` with one part
/// named `file`. Accepted: JPEG, PNG, GIF, WebP, HEIC/HEIF photos and PDF documents, judged
/// from the content, never the name (415 `attachment_type_unsupported` otherwise); at most
/// `ATTACHMENT_MAX_BYTES` (10 MiB; 413 as soon as it is exceeded). Limited per account per
/// hour (429).
#[utoipa::path(
    tag = "attachments",
    operation_id = "attachments_upload",
    request_body(content = UploadForm, content_type = "multipart/form-data"),
    responses(
        (status = CREATED, description = "Stored", body = AttachmentDto),
        (status = BAD_REQUEST, description = "An unreadable multipart body", body = Problem, content_type = "application/problem+json"),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "An API client (no uploads of its own)", body = Problem, content_type = "application/problem+json"),
        (status = PAYLOAD_TOO_LARGE, description = "Larger than the maximum", body = Problem, content_type = "application/problem+json"),
        (status = UNSUPPORTED_MEDIA_TYPE, description = "Not multipart/form-data, or a file type that is not accepted", body = Problem, content_type = "application/problem+json"),
        (status = UNPROCESSABLE_ENTITY, description = "No `file` part, or other parts", body = Problem, content_type = "application/problem+json"),
        (status = TOO_MANY_REQUESTS, description = "Too many uploads this hour", body = Problem, content_type = "application/problem+json"),
        (status = SERVICE_UNAVAILABLE, description = "PostgreSQL or Redis is down", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/attachments")]
pub async fn upload(
    state: web::Data<AppState>,
    caller: Caller,
    mut form: Multipart,
) -> Result<HttpResponse, ApiError> {
    caller.signed_in()?;
    attachments::admit(&state.limiter, state.config.attachment_limit, &caller.actor)
        .await
        .map_err(attachment_error)?;
    // Receive the whole request before storing anything: a second part refuses it all and
    // the partial file is deleted with its `Upload`.
    let mut received: Option<(Upload, String)> = None;
    while let Some(field) = form.next().await {
        let mut field = field.map_err(multipart_error)?;
        if field.name() != Some("file") || received.is_some() {
            return Err(form_error(
                "Send exactly one part, named file.",
                "请只上传一个文件，字段名为 file。",
            ));
        }
        let name = sent_name(&field);
        let mut upload = state.attachments.begin().await?;
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(multipart_error)?;
            upload.write(&chunk).await.map_err(attachment_error)?;
        }
        received = Some((upload, name));
    }
    let Some((upload, name)) = received else {
        return Err(form_error(
            "Choose a file to upload.",
            "请选择要上传的文件。",
        ));
    };
    let stored = attachments::store(
        &state.deps,
        &state.attachments,
        &caller.actor,
        upload,
        &name,
    )
    .await
    .map_err(attachment_error)?;
    Ok(HttpResponse::Created().json(AttachmentDto::from(stored)))
}
