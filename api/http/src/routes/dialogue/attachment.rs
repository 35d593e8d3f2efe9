//! `GET /api/v1/orders/{id}/messages/attachments/{attachment_id}`

use actix_files::NamedFile;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, web};
use weiquan_services::dialogue::{self, DialogueError};

use super::dialogue_error;
use crate::auth::{Caller, audit_refusal};
use crate::error::{ApiError, Problem};
use crate::routes::orders::attachment::disposition;
use crate::state::AppState;

/// Downloads a file carried by a message of the order's dialogue, for the participants who
/// see such a message (a file sent only in internal notes: staff only); 404 for everyone
/// else. Always a download (`Content-Disposition: attachment`, `nosniff`).
#[utoipa::path(
    tag = "dialogue",
    operation_id = "dialogue_attachment",
    params(
        ("id" = i64, Path, description = "Order id"),
        ("attachment_id" = i64, Path, description = "Attachment id"),
    ),
    responses(
        (status = OK, description = "The file, with the media type judged at upload", content(
            (String = "image/jpeg"),
            (String = "image/png"),
            (String = "image/gif"),
            (String = "image/webp"),
            (String = "image/heic"),
            (String = "image/heif"),
            (String = "application/pdf"),
        )),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "Second factor required", body = Problem, content_type = "application/problem+json"),
        (status = NOT_FOUND, description = "No such file in a message you see", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/orders/{id}/messages/attachments/{attachment_id}")]
pub async fn download(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    path: web::Path<(i64, i64)>,
) -> Result<HttpResponse, ApiError> {
    caller.signed_in()?;
    let (order_id, attachment_id) = path.into_inner();
    let found = dialogue::open_file(
        &state.deps,
        &state.attachments,
        &caller.actor,
        order_id,
        attachment_id,
    )
    .await;
    let download = match found {
        Ok(download) => download,
        Err(e @ (DialogueError::NotFound | DialogueError::Denied(_))) => {
            let reason = match &e {
                DialogueError::Denied(d) => d.to_string(),
                _ => "not_visible".to_owned(),
            };
            audit_refusal(
                &state,
                &caller,
                &req,
                "download_message_attachment",
                format!("order:{order_id}/attachment:{attachment_id}"),
                reason,
            )
            .await;
            return Err(dialogue_error(e));
        }
        Err(e) => return Err(dialogue_error(e)),
    };
    let media = download.evidence.media_type;
    let mime: actix_web::mime::Mime = media.mime().parse().map_err(|_| ApiError::internal())?;
    let file = NamedFile::open_async(&download.path).await.map_err(|e| {
        log::error!(
            "attachment {} missing at {}: {e}",
            download.evidence.id,
            download.path.display()
        );
        ApiError::internal()
    })?;
    let mut response = file
        .set_content_type(mime)
        .set_content_disposition(disposition(&download.evidence.file_name, media.extension()))
        .into_response(&req);
    let headers = response.headers_mut();
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        header::HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("private, no-cache"),
    );
    Ok(response)
}
