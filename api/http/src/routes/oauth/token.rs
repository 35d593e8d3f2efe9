//! `POST /api/v1/oauth/token`

use std::collections::HashMap;

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, post, web};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use weiquan_services::api_clients::{self, TokenError, TokenRequest as Presented};
use zeroize::Zeroizing;

use crate::auth::now;
use crate::error::{ApiError, ErrorCode, Problem};
use crate::request::{client_address, origin};
use crate::state::AppState;

/// The form of a token request (`application/x-www-form-urlencoded`).
#[derive(Debug, Deserialize, ToSchema)]
pub struct TokenRequest {
    /// Must be `client_credentials`.
    pub grant_type: String,
    /// The client identifier (`wqc_…`), when not sent by HTTP Basic.
    pub client_id: Option<String>,
    /// The client secret (`wqs_…`), when not sent by HTTP Basic.
    pub client_secret: Option<String>,
    /// Space-delimited scopes, a subset of those granted; all granted scopes when omitted.
    pub scope: Option<String>,
}

/// A successful token response (RFC 6749 §5.1).
#[derive(Debug, Serialize, ToSchema)]
pub struct TokenResponse {
    /// A signed JWT to send as `Authorization: Bearer <token>`.
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Seconds until the token expires.
    pub expires_in: i64,
    /// The scopes the token carries, space-delimited.
    pub scope: String,
}

fn invalid_request(en: &str, zh: &str) -> ApiError {
    ApiError::malformed(en, zh).oauth("invalid_request")
}

fn oauth(code: ErrorCode, error: &str) -> ApiError {
    ApiError::new(code).oauth(error)
}

/// The parameters of a form body; a parameter sent twice is refused (RFC 6749 §3.2).
fn parse_form(body: &[u8]) -> Result<HashMap<String, Zeroizing<String>>, ApiError> {
    let mut params = HashMap::new();
    for (name, value) in form_urlencoded::parse(body) {
        let name = name.into_owned();
        if params
            .insert(name.clone(), Zeroizing::new(value.into_owned()))
            .is_some()
        {
            return Err(invalid_request(
                &format!("The parameter {name} is sent more than once."),
                &format!("参数 {name} 重复出现。"),
            ));
        }
    }
    Ok(params)
}

/// Client credentials from `Authorization: Basic` (RFC 6749 §2.3.1: each part form-encoded,
/// then `id:secret` in base64). `Ok(None)` without a Basic header.
fn basic_credentials(req: &HttpRequest) -> Result<Option<(String, Zeroizing<String>)>, ApiError> {
    let Some(value) = req.headers().get(header::AUTHORIZATION) else {
        return Ok(None);
    };
    let bad = || oauth(ErrorCode::InvalidClient, "invalid_client");
    let value = value.to_str().map_err(|_| bad())?.trim();
    let Some((scheme, encoded)) = value.split_once(' ') else {
        return Err(bad());
    };
    if !scheme.eq_ignore_ascii_case("basic") {
        return Err(bad());
    }
    let decoded = Zeroizing::new(STANDARD.decode(encoded.trim()).map_err(|_| bad())?);
    let text = std::str::from_utf8(&decoded).map_err(|_| bad())?;
    let (id, secret) = text.split_once(':').ok_or_else(bad)?;
    let decode = |s: &str| -> String {
        form_urlencoded::parse(format!("x={s}").as_bytes())
            .next()
            .map(|(_, v)| v.into_owned())
            .unwrap_or_default()
    };
    Ok(Some((decode(id), Zeroizing::new(decode(secret)))))
}

/// Exchanges an API client's credentials for a short-lived bearer token (OAuth2 client
/// credentials grant, RFC 6749 §4.4). The body is `application/x-www-form-urlencoded` with
/// `grant_type=client_credentials` and optionally `scope`; the client authenticates with HTTP
/// Basic (`client_id:client_secret`) or, alternatively, `client_id` and `client_secret` in the
/// body — not both. Errors are problems carrying the RFC 6749 §5.2 `error` and
/// `error_description`; `invalid_client` is 401 with `WWW-Authenticate: Basic`. Failed
/// authentication is limited per client id and per address (429 with `Retry-After`).
/// A client of a disabled or unapproved organisation gets `unauthorized_client`.
#[utoipa::path(
    tag = "oauth",
    operation_id = "oauth_token",
    request_body(content = TokenRequest, content_type = "application/x-www-form-urlencoded"),
    security((), ("client_basic" = [])),
    responses(
        (status = OK, description = "A bearer token", body = TokenResponse,
            headers(("Cache-Control" = String, description = "no-store"))),
        (status = BAD_REQUEST, description = "invalid_request, unsupported_grant_type, invalid_scope or unauthorized_client", body = Problem, content_type = "application/problem+json"),
        (status = UNAUTHORIZED, description = "invalid_client", body = Problem, content_type = "application/problem+json"),
        (status = TOO_MANY_REQUESTS, description = "Too many failures; see Retry-After", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/oauth/token")]
pub async fn token(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let form_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|v| {
            v.trim()
                .eq_ignore_ascii_case("application/x-www-form-urlencoded")
        });
    if !form_type {
        return Err(invalid_request(
            "Send the token request as application/x-www-form-urlencoded.",
            "令牌请求须以 application/x-www-form-urlencoded 格式提交。",
        ));
    }
    let mut params = parse_form(&body)?;
    let grant_type = params.remove("grant_type");
    match grant_type.as_ref().map(|g| g.as_str()) {
        None | Some("") => {
            return Err(invalid_request(
                "grant_type is required.",
                "缺少 grant_type 参数。",
            ));
        }
        Some("client_credentials") => {}
        Some(_) => {
            return Err(oauth(
                ErrorCode::UnsupportedGrantType,
                "unsupported_grant_type",
            ));
        }
    }
    let body_id = params.remove("client_id");
    let body_secret = params.remove("client_secret");
    let basic = basic_credentials(&req)?;
    let (client_id, secret) = match (basic, body_id, body_secret) {
        (Some(_), Some(_), _) | (Some(_), _, Some(_)) => {
            return Err(invalid_request(
                "Authenticate the client one way only: HTTP Basic or the body, not both.",
                "客户端只能以一种方式验证身份：HTTP Basic 或请求体，不能同时使用。",
            ));
        }
        (Some((id, secret)), None, None) => (id, secret),
        (None, Some(id), Some(secret)) => (id.to_string(), secret),
        (None, _, _) => return Err(oauth(ErrorCode::InvalidClient, "invalid_client")),
    };
    let scope = params.remove("scope");
    let address = client_address(&req);
    let from = origin(&req);
    let grant = api_clients::authenticate(
        &state.deps,
        &state.limiter,
        state.config.oauth.limits,
        Presented {
            client_id: &client_id,
            secret,
            scope: scope.as_ref().map(|s| s.as_str()),
            origin: &from,
            address: &address,
        },
    )
    .await
    .map_err(|e| match e {
        TokenError::Limited { retry_after } => ApiError::too_many(retry_after),
        TokenError::InvalidClient => oauth(ErrorCode::InvalidClient, "invalid_client"),
        TokenError::UnauthorizedClient => {
            oauth(ErrorCode::UnauthorizedClient, "unauthorized_client")
        }
        TokenError::InvalidScope(_) => oauth(ErrorCode::InvalidScope, "invalid_scope"),
        TokenError::Service(e) => e.into(),
    })?;
    let issued = state.tokens.issue(&grant, now())?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header((header::PRAGMA, "no-cache"))
        .json(TokenResponse {
            access_token: issued.access_token,
            token_type: "Bearer".into(),
            expires_in: issued.expires_in,
            scope: issued.scope,
        }))
}
