//! `GET /api/v1/orders/{id}/attachments/{attachment_id}`

use actix_files::NamedFile;
use actix_web::http::header::{
    self, Charset, ContentDisposition, DispositionParam, DispositionType, ExtendedValue,
};
use actix_web::{HttpRequest, HttpResponse, get, web};
use weiquan_services::attachments::{self, AttachmentError};

use crate::auth::{Caller, audit_refusal};
use crate::error::{ApiError, Problem};
use crate::routes::attachments::attachment_error;
use crate::state::AppState;

/// `attachment`, with the name in UTF-8 (RFC 6266 / 8187 `filename*`) and a plain ASCII
/// fallback for old clients (the name itself when it is plain ASCII).
pub(crate) fn disposition(name: &str, extension: &str) -> ContentDisposition {
    let plain = name
        .chars()
        .all(|c| (c.is_ascii_graphic() || c == ' ') && c != '"' && c != '\\');
    let fallback = if plain {
        name.to_owned()
    } else {
        format!("evidence.{extension}")
    };
    ContentDisposition {
        disposition: DispositionType::Attachment,
        parameters: vec![
            DispositionParam::Filename(fallback),
            DispositionParam::FilenameExt(ExtendedValue {
                charset: Charset::Ext("UTF-8".into()),
                language_tag: None,
                value: name.as_bytes().to_vec(),
            }),
        ],
    }
}

/// Downloads one evidence file of an order, for exactly those who see the order and its
/// evidence (the filer; staff of the holding unit or above; the ODR enterprise of a
/// complaint, never of a report); 404 for everyone else, as for the order itself. Always a
/// download (`Content-Disposition: attachment`), with the type judged at upload and
/// `X-Content-Type-Options: nosniff`; supports `Range` and conditional requests.
#[utoipa::path(
    tag = "orders",
    operation_id = "orders_attachment",
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
        (status = NOT_FOUND, description = "No such order or attachment for you", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/orders/{id}/attachments/{attachment_id}")]
pub async fn download(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    path: web::Path<(i64, i64)>,
) -> Result<HttpResponse, ApiError> {
    caller.signed_in()?;
    let (order_id, attachment_id) = path.into_inner();
    let found = attachments::open(
        &state.deps,
        &state.attachments,
        &caller.actor,
        order_id,
        attachment_id,
    )
    .await;
    let download = match found {
        Ok(download) => download,
        Err(e @ (AttachmentError::NotFound | AttachmentError::Denied(_))) => {
            let reason = match &e {
                AttachmentError::Denied(d) => d.to_string(),
                _ => "not_visible".to_owned(),
            };
            audit_refusal(
                &state,
                &caller,
                &req,
                "download_attachment",
                format!("order:{order_id}/attachment:{attachment_id}"),
                reason,
            )
            .await;
            return Err(attachment_error(e));
        }
        Err(e) => return Err(attachment_error(e)),
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
