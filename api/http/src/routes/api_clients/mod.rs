//! OAuth2 integration clients of enterprises, departments and international bodies: their
//! administrators (after the second factor) list, register, rotate and revoke them. A secret
//! is in exactly one response — the one that created it — and never in a log or a later
//! response.

pub mod change;
pub mod create;
pub mod list;

use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;
use weiquan_db::api_clients::ClientRow;
use weiquan_domain::clients::parse_scope_string;
use weiquan_services::api_clients::ClientError;

use crate::auth::denied;
use crate::error::{ApiError, FieldError};

/// An API client, as its administrators see it (never with its secret).
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiClient {
    pub id: i64,
    pub org_id: i64,
    pub name: String,
    /// The public client identifier (`wqc_…`), sent as the HTTP Basic user name or
    /// `client_id` at the token endpoint.
    pub client_id: String,
    /// Granted scopes: `orders:read`, `orders:write`.
    pub scopes: Vec<String>,
    /// `active` or `revoked`.
    pub status: String,
    /// Which secret is current: 1 at creation, one more at every rotation.
    pub secret_generation: i32,
    pub created_by: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub rotated_at: Option<DateTime<Utc>>,
    /// When the client last obtained a token.
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

impl From<ClientRow> for ApiClient {
    fn from(row: ClientRow) -> Self {
        Self {
            id: row.id,
            org_id: row.org_id,
            name: row.name,
            client_id: row.client_id,
            scopes: parse_scope_string(&row.scopes)
                .into_iter()
                .map(|s| s.as_str().to_owned())
                .collect(),
            status: row.status,
            secret_generation: row.generation,
            created_by: row.created_by,
            created_at: row.created_at,
            rotated_at: row.rotated_at,
            last_used_at: row.last_used_at,
            revoked_at: row.revoked_at,
        }
    }
}

/// A client with its new secret: the only response that ever contains it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiClientWithSecret {
    pub client: ApiClient,
    /// The client secret (`wqs_…`, 256 random bits). Shown this once: store it now; it
    /// cannot be shown again, only replaced by rotating.
    pub client_secret: String,
}

pub(crate) fn client_error(e: ClientError) -> ApiError {
    match e {
        ClientError::NotFound => ApiError::not_found("The API client", "该接口客户端"),
        ClientError::Denied(reason) => denied(reason),
        ClientError::Scopes(e) => ApiError::validation(vec![FieldError::new(
            "scopes",
            "scope",
            format!("Choose at least one scope this organisation may grant ({e})."),
            "请至少选择一个本机构可授予的权限范围。",
        )]),
        ClientError::Revoked => ApiError::new(crate::error::ErrorCode::Conflict)
            .detail("The API client is revoked.", "该接口客户端已被吊销。"),
        ClientError::Service(e) => e.into(),
    }
}
