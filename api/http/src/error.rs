//! Every error the API returns is an RFC 9457 problem (`application/problem+json`) with a
//! stable `code`, an English `detail`, a Chinese `detail_zh` and, for invalid input, one
//! entry per offending field.
//!
//! Which constructor to use: `ApiError::validation` when the request is well-formed but a field
//! is wrong (422); `malformed` when it cannot be parsed (400); `not_found` (404); service errors
//! convert themselves (`?` on a `ServiceError`): unavailable dependencies become 503 with
//! `Retry-After`, bugs become 500 with nothing internal in the body.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;
use weiquan_services::ServiceError;

pub const PROBLEM_JSON: &str = "application/problem+json";

/// Stable, machine-readable error codes. Clients switch on these, never on messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The body or query could not be parsed (bad JSON, wrong syntax).
    MalformedRequest,
    /// The request parsed but one or more fields are invalid; see `errors`.
    ValidationFailed,
    NotFound,
    MethodNotAllowed,
    PayloadTooLarge,
    UnsupportedMediaType,
    /// An evidence file that is not an accepted type (JPEG, PNG, GIF, WebP, HEIC/HEIF, PDF),
    /// judged by its content, whatever its name says.
    AttachmentTypeUnsupported,
    Unauthorized,
    /// Wrong login, password or code (the same answer whether the account exists).
    InvalidCredentials,
    /// Signed in, but this account must pass its second factor (TOTP) first.
    SecondFactorRequired,
    /// A state-changing request without the session's `X-CSRF-Token`.
    CsrfTokenInvalid,
    Forbidden,
    /// The change conflicts with the current state (stale version, illegal transition).
    Conflict,
    /// The user name asked for belongs to another account (`errors` names the field).
    UsernameTaken,
    /// An invitation link that cannot be used: unknown, expired, already used or revoked (one
    /// answer for all of them).
    InvitationInvalid,
    /// An application for an organisation that is already registered or has an application
    /// waiting for review (`errors` names `credit_code`).
    ApplicationDuplicate,
    PreconditionFailed,
    /// A change to a versioned resource without `If-Match: "<version>"` (RFC 6585 §3).
    PreconditionRequired,
    /// An `Idempotency-Key` sent again with a different request body.
    IdempotencyKeyReused,
    TooManyRequests,
    /// Too many dialogue messages in a minute; retry after `Retry-After` seconds.
    RateLimited,
    /// The order's dialogue does not accept this message now: the order is closed (its
    /// dialogue is read-only), or it is not in a state with a public dialogue.
    DialogueClosed,
    /// OAuth2 (RFC 6749 §5.2): client authentication failed (unknown client, wrong secret,
    /// revoked client). 401 with `WWW-Authenticate: Basic`.
    InvalidClient,
    /// OAuth2: the client may not use this grant now (its organisation is disabled or not
    /// approved).
    UnauthorizedClient,
    /// OAuth2: a `grant_type` other than `client_credentials`.
    UnsupportedGrantType,
    /// OAuth2: a scope that is unknown or not granted to the client.
    InvalidScope,
    /// A bearer token that is malformed, expired, signed by another key, or whose client was
    /// rotated or revoked since (RFC 6750 `invalid_token`).
    InvalidToken,
    /// PostgreSQL or Redis is unreachable; retry after `Retry-After` seconds.
    ServiceUnavailable,
    InternalError,
}

impl ErrorCode {
    pub fn status(self) -> StatusCode {
        match self {
            Self::MalformedRequest => StatusCode::BAD_REQUEST,
            Self::ValidationFailed => StatusCode::UNPROCESSABLE_ENTITY,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Self::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::AttachmentTypeUnsupported => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::Unauthorized => StatusCode::UNAUTHORIZED,
            Self::InvalidCredentials => StatusCode::UNAUTHORIZED,
            Self::SecondFactorRequired => StatusCode::FORBIDDEN,
            Self::CsrfTokenInvalid => StatusCode::FORBIDDEN,
            Self::Forbidden => StatusCode::FORBIDDEN,
            Self::Conflict => StatusCode::CONFLICT,
            Self::UsernameTaken => StatusCode::CONFLICT,
            Self::InvitationInvalid => StatusCode::BAD_REQUEST,
            Self::ApplicationDuplicate => StatusCode::CONFLICT,
            Self::PreconditionFailed => StatusCode::PRECONDITION_FAILED,
            Self::PreconditionRequired => StatusCode::PRECONDITION_REQUIRED,
            Self::IdempotencyKeyReused => StatusCode::UNPROCESSABLE_ENTITY,
            Self::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
            Self::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            Self::DialogueClosed => StatusCode::CONFLICT,
            Self::InvalidClient => StatusCode::UNAUTHORIZED,
            Self::UnauthorizedClient => StatusCode::BAD_REQUEST,
            Self::UnsupportedGrantType => StatusCode::BAD_REQUEST,
            Self::InvalidScope => StatusCode::BAD_REQUEST,
            Self::InvalidToken => StatusCode::UNAUTHORIZED,
            Self::ServiceUnavailable => StatusCode::SERVICE_UNAVAILABLE,
            Self::InternalError => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::MalformedRequest => "malformed_request",
            Self::ValidationFailed => "validation_failed",
            Self::NotFound => "not_found",
            Self::MethodNotAllowed => "method_not_allowed",
            Self::PayloadTooLarge => "payload_too_large",
            Self::UnsupportedMediaType => "unsupported_media_type",
            Self::AttachmentTypeUnsupported => "attachment_type_unsupported",
            Self::Unauthorized => "unauthorized",
            Self::InvalidCredentials => "invalid_credentials",
            Self::SecondFactorRequired => "second_factor_required",
            Self::CsrfTokenInvalid => "csrf_token_invalid",
            Self::Forbidden => "forbidden",
            Self::Conflict => "conflict",
            Self::UsernameTaken => "username_taken",
            Self::InvitationInvalid => "invitation_invalid",
            Self::ApplicationDuplicate => "application_duplicate",
            Self::PreconditionFailed => "precondition_failed",
            Self::PreconditionRequired => "precondition_required",
            Self::IdempotencyKeyReused => "idempotency_key_reused",
            Self::TooManyRequests => "too_many_requests",
            Self::RateLimited => "rate_limited",
            Self::DialogueClosed => "dialogue_closed",
            Self::InvalidClient => "invalid_client",
            Self::UnauthorizedClient => "unauthorized_client",
            Self::UnsupportedGrantType => "unsupported_grant_type",
            Self::InvalidScope => "invalid_scope",
            Self::InvalidToken => "invalid_token",
            Self::ServiceUnavailable => "service_unavailable",
            Self::InternalError => "internal_error",
        }
    }

    /// The default English and Chinese messages.
    fn messages(self) -> (&'static str, &'static str) {
        match self {
            Self::MalformedRequest => (
                "The request could not be parsed.",
                "请求格式错误，无法解析。",
            ),
            Self::ValidationFailed => ("Some fields are invalid.", "部分字段填写有误。"),
            Self::NotFound => ("Not found.", "未找到请求的内容。"),
            Self::MethodNotAllowed => (
                "This method is not allowed here.",
                "该地址不支持此请求方法。",
            ),
            Self::PayloadTooLarge => ("The request body is too large.", "请求内容过大。"),
            Self::UnsupportedMediaType => (
                "Send the body as application/json.",
                "请以 application/json 格式提交请求内容。",
            ),
            Self::AttachmentTypeUnsupported => (
                "Attach photos (JPEG, PNG, GIF, WebP, HEIC) or PDF documents only.",
                "仅支持上传图片（JPEG、PNG、GIF、WebP、HEIC）或 PDF 文件。",
            ),
            Self::Unauthorized => ("Please sign in.", "请先登录。"),
            Self::InvalidCredentials => {
                ("The account or password is not right.", "账号或密码错误。")
            }
            Self::SecondFactorRequired => (
                "Confirm your sign-in with your authenticator code first.",
                "请先输入身份验证器中的动态验证码完成登录验证。",
            ),
            Self::CsrfTokenInvalid => (
                "The request lacks a valid anti-forgery token; reload the page and try again.",
                "请求缺少有效的防伪令牌，请刷新页面后重试。",
            ),
            Self::Forbidden => ("You may not do this.", "您无权执行此操作。"),
            Self::Conflict => (
                "This conflicts with the current state; reload and try again.",
                "操作与当前状态冲突，请刷新后重试。",
            ),
            Self::UsernameTaken => (
                "This user name is taken; choose another.",
                "该用户名已被使用，请换一个。",
            ),
            Self::InvitationInvalid => (
                "This invitation link is invalid or has expired. Ask your administrator to send a new one.",
                "邀请链接无效或已过期，请联系管理员重新发送。",
            ),
            Self::ApplicationDuplicate => (
                "This organisation is already registered or has an application waiting for review.",
                "该机构已入驻，或已有待审核的申请。",
            ),
            Self::PreconditionFailed => (
                "The resource has changed since you loaded it.",
                "内容已被他人修改，请刷新后重试。",
            ),
            Self::PreconditionRequired => (
                "Send the version you loaded in If-Match.",
                "请求须在 If-Match 中携带所加载内容的版本号。",
            ),
            Self::IdempotencyKeyReused => (
                "This Idempotency-Key was already used for a different request.",
                "该幂等键已用于另一个不同的请求。",
            ),
            Self::TooManyRequests => (
                "Too many requests; try again later.",
                "请求过于频繁，请稍后再试。",
            ),
            Self::RateLimited => (
                "You are sending messages too fast; wait a moment.",
                "发送消息过于频繁，请稍后再试。",
            ),
            Self::DialogueClosed => (
                "This dialogue does not accept messages now; the order is closed or not in mediation.",
                "当前不能在该对话中发言：工单已办结或未处于调解阶段。",
            ),
            Self::InvalidClient => ("Client authentication failed.", "客户端身份验证失败。"),
            Self::UnauthorizedClient => (
                "This client may not obtain tokens at present.",
                "该客户端目前不能获取访问令牌。",
            ),
            Self::UnsupportedGrantType => (
                "Only the client_credentials grant is supported.",
                "仅支持 client_credentials 授权方式。",
            ),
            Self::InvalidScope => (
                "The requested scope is unknown or not granted to this client.",
                "请求的权限范围无效或未授予该客户端。",
            ),
            Self::InvalidToken => (
                "The access token is invalid or has expired.",
                "访问令牌无效或已过期。",
            ),
            Self::ServiceUnavailable => (
                "The service is temporarily unavailable; try again shortly.",
                "服务暂时不可用，请稍后重试。",
            ),
            Self::InternalError => (
                "Something went wrong on our side; it has been logged.",
                "系统内部错误，已记录，请稍后重试。",
            ),
        }
    }

    fn title(self) -> &'static str {
        self.status().canonical_reason().unwrap_or("Error")
    }
}

/// One invalid field. `field` is a JSON pointer-like path (`codes[2]`, `parent`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct FieldError {
    pub field: String,
    /// A stable snake_case reason, e.g. `required`, `length`, `division_code`.
    pub code: String,
    pub message: String,
    pub message_zh: String,
}

impl FieldError {
    pub fn new(
        field: impl Into<String>,
        code: impl Into<String>,
        message: impl Into<String>,
        message_zh: impl Into<String>,
    ) -> Self {
        Self {
            field: field.into(),
            code: code.into(),
            message: message.into(),
            message_zh: message_zh.into(),
        }
    }
}

/// An RFC 9457 problem document.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Problem {
    /// A URI reference naming the problem type: `/problems/{code}`.
    #[serde(rename = "type")]
    pub type_uri: String,
    /// Short English summary of the status.
    pub title: String,
    pub status: u16,
    pub code: ErrorCode,
    /// What went wrong, in English.
    pub detail: String,
    /// What went wrong, in Chinese.
    pub detail_zh: String,
    /// The invalid fields, for `validation_failed`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    /// The dependencies that are down, for `service_unavailable` (`postgres`, `redis`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unavailable: Vec<String>,
    /// OAuth2 error responses only (the token endpoint, RFC 6749 §5.2): `invalid_request`,
    /// `invalid_client`, `unauthorized_client`, `unsupported_grant_type` or `invalid_scope`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// OAuth2 error responses only: the English `detail` again, under RFC 6749's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_description: Option<String>,
}

/// An error on its way to becoming a problem response (boxed: results stay small).
#[derive(Debug, Clone)]
pub struct ApiError(Box<Inner>);

#[derive(Debug, Clone)]
struct Inner {
    problem: Problem,
    headers: Vec<(HeaderName, HeaderValue)>,
}

impl ApiError {
    pub fn new(code: ErrorCode) -> Self {
        let (en, zh) = code.messages();
        Self(Box::new(Inner {
            problem: Problem {
                type_uri: format!("/problems/{}", code.as_str()),
                title: code.title().to_owned(),
                status: code.status().as_u16(),
                code,
                detail: en.to_owned(),
                detail_zh: zh.to_owned(),
                errors: Vec::new(),
                unavailable: Vec::new(),
                error: None,
                error_description: None,
            },
            headers: Vec::new(),
        }))
    }

    pub fn problem(&self) -> &Problem {
        &self.0.problem
    }

    pub fn detail(mut self, en: impl Into<String>, zh: impl Into<String>) -> Self {
        self.0.problem.detail = en.into();
        self.0.problem.detail_zh = zh.into();
        self
    }

    pub fn header(mut self, name: HeaderName, value: &str) -> Self {
        if let Ok(value) = HeaderValue::from_str(value) {
            self.0.headers.push((name, value));
        }
        self
    }

    pub fn code(&self) -> ErrorCode {
        self.0.problem.code
    }

    pub fn malformed(en: impl Into<String>, zh: impl Into<String>) -> Self {
        Self::new(ErrorCode::MalformedRequest).detail(en, zh)
    }

    pub fn validation(errors: Vec<FieldError>) -> Self {
        let mut e = Self::new(ErrorCode::ValidationFailed);
        e.0.problem.errors = errors;
        e
    }

    /// Attaches per-field errors to any problem (e.g. a conflict naming the field).
    pub fn with_errors(mut self, errors: Vec<FieldError>) -> Self {
        self.0.problem.errors = errors;
        self
    }

    /// The same problem under another code (its status, title and default messages), keeping
    /// the field errors: e.g. a 409 `username_taken` that names the field.
    pub fn with_code(self, code: ErrorCode) -> Self {
        let mut e = Self::new(code);
        e.0.problem.errors = self.0.problem.errors;
        e
    }

    pub fn field(field: &str, code: &str, en: &str, zh: &str) -> Self {
        Self::validation(vec![FieldError::new(field, code, en, zh)])
    }

    pub fn not_found(what_en: &str, what_zh: &str) -> Self {
        Self::new(ErrorCode::NotFound).detail(
            format!("{what_en} was not found."),
            format!("未找到{what_zh}。"),
        )
    }

    pub fn method_not_allowed(allow: &[&str]) -> Self {
        Self::new(ErrorCode::MethodNotAllowed).header(header::ALLOW, &allow.join(", "))
    }

    pub fn unavailable(dependencies: Vec<String>) -> Self {
        let mut e = Self::new(ErrorCode::ServiceUnavailable)
            .detail(
                format!(
                    "The service is temporarily unavailable ({} not answering); try again shortly.",
                    dependencies.join(", ")
                ),
                format!(
                    "服务暂时不可用（{} 无响应），请稍后重试。",
                    dependencies.join("、")
                ),
            )
            .header(header::RETRY_AFTER, "5");
        e.0.problem.unavailable = dependencies;
        e
    }

    pub fn too_many(retry_after: u64) -> Self {
        Self::new(ErrorCode::TooManyRequests)
            .detail(
                format!("Too many attempts; try again in {retry_after} seconds."),
                format!("尝试次数过多，请 {retry_after} 秒后再试。"),
            )
            .header(header::RETRY_AFTER, &retry_after.to_string())
    }

    /// The same problem as an OAuth2 error response (RFC 6749 §5.2): adds `error` and
    /// `error_description` (the English detail), and for `invalid_client`
    /// `WWW-Authenticate: Basic`.
    pub fn oauth(mut self, error: &str) -> Self {
        self.0.problem.error = Some(error.to_owned());
        self.0.problem.error_description = Some(self.0.problem.detail.clone());
        if self.code() == ErrorCode::InvalidClient {
            self = self.header(header::WWW_AUTHENTICATE, "Basic realm=\"weiquan\"");
        }
        self
    }

    /// A refused bearer token (RFC 6750 §3.1).
    pub fn invalid_token() -> Self {
        Self::new(ErrorCode::InvalidToken).header(
            header::WWW_AUTHENTICATE,
            "Bearer realm=\"weiquan\", error=\"invalid_token\"",
        )
    }

    pub fn internal() -> Self {
        Self::new(ErrorCode::InternalError)
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {}",
            self.0.problem.code.as_str(),
            self.0.problem.detail
        )
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.0.problem.code.status()
    }

    fn error_response(&self) -> HttpResponse {
        let mut response = HttpResponse::build(self.status_code());
        response.insert_header((header::CONTENT_TYPE, PROBLEM_JSON));
        response.insert_header((header::CACHE_CONTROL, "no-store"));
        for (name, value) in &self.0.headers {
            response.insert_header((name.clone(), value.clone()));
        }
        response.json(&self.0.problem)
    }
}

impl From<ServiceError> for ApiError {
    fn from(e: ServiceError) -> Self {
        match e {
            ServiceError::NotFound { what } => Self::not_found(what, what),
            ServiceError::Unavailable { dependency, detail } => {
                log::warn!("{} unavailable: {detail}", dependency.as_str());
                Self::unavailable(vec![dependency.as_str().to_owned()])
            }
            ServiceError::Internal(detail) => {
                log::error!("internal error: {detail}");
                Self::internal()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_its_status_and_both_messages() {
        use ErrorCode::*;
        let all = [
            MalformedRequest,
            ValidationFailed,
            NotFound,
            MethodNotAllowed,
            PayloadTooLarge,
            UnsupportedMediaType,
            Unauthorized,
            InvalidCredentials,
            SecondFactorRequired,
            CsrfTokenInvalid,
            Forbidden,
            Conflict,
            ApplicationDuplicate,
            PreconditionFailed,
            PreconditionRequired,
            IdempotencyKeyReused,
            TooManyRequests,
            RateLimited,
            DialogueClosed,
            InvalidClient,
            UnauthorizedClient,
            UnsupportedGrantType,
            InvalidScope,
            InvalidToken,
            ServiceUnavailable,
            InternalError,
        ];
        for code in all {
            let (en, zh) = code.messages();
            assert!(!en.is_empty() && !zh.is_empty());
            assert!(code.status().is_client_error() || code.status().is_server_error());
            let json = serde_json::to_value(code).unwrap();
            assert_eq!(json, code.as_str());
        }
    }

    #[test]
    fn problems_serialise_per_rfc_9457() {
        let e = ApiError::field("parent", "division_code", "bad", "错误");
        let v = serde_json::to_value(e.problem()).unwrap();
        assert_eq!(v["type"], "/problems/validation_failed");
        assert_eq!(v["status"], 422);
        assert_eq!(v["code"], "validation_failed");
        assert_eq!(v["errors"][0]["field"], "parent");
        assert!(v.get("unavailable").is_none());
    }
}
