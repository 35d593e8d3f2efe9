//! `GET /api/v1/client`

use actix_web::{get, web, web::Json};
use serde::Serialize;
use utoipa::ToSchema;
use weiquan_domain::access::{Actor, OrgId};

use crate::auth::Caller;
use crate::error::{ApiError, ErrorCode, Problem};
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct ClientOrg {
    pub id: i64,
    pub name: String,
    /// `enterprise`, `department` or `international`.
    pub kind: String,
}

/// The API client a bearer token speaks for.
#[derive(Debug, Serialize, ToSchema)]
pub struct ClientSelf {
    /// The public client identifier (`wqc_…`).
    pub client_id: String,
    pub name: String,
    pub org: ClientOrg,
    /// The scopes this token carries (as still granted).
    pub scopes: Vec<String>,
    /// When this token expires (Unix seconds).
    pub token_expires_at: i64,
}

/// Who the bearer token speaks for: the client, its organisation, the token's scopes and
/// expiry — for integrators checking a token. Bearer tokens only: browser sessions get 403.
#[utoipa::path(
    tag = "oauth",
    operation_id = "client_get",
    security(("bearer" = []), ("client_credentials" = [])),
    responses(
        (status = OK, description = "The calling API client", body = ClientSelf),
        (status = UNAUTHORIZED, description = "No token, or an invalid or expired one", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "Not an API client (a browser session)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/client")]
pub async fn get(state: web::Data<AppState>, caller: Caller) -> Result<Json<ClientSelf>, ApiError> {
    let (client, scopes) = match (&caller.actor, &caller.token) {
        (Actor::Client { client, scopes, .. }, Some(_)) => (*client, scopes.clone()),
        // RFC 6750 §3: a request without credentials is told which scheme to use.
        (Actor::Anonymous, _) => {
            return Err(ApiError::new(ErrorCode::Unauthorized).header(
                actix_web::http::header::WWW_AUTHENTICATE,
                "Bearer realm=\"weiquan\"",
            ));
        }
        _ => return Err(ApiError::new(ErrorCode::Forbidden)),
    };
    let Some(token) = caller.token else {
        return Err(ApiError::new(ErrorCode::Forbidden));
    };
    let found = state
        .deps
        .db
        .run(move |conn| {
            let Some(row) = weiquan_db::api_clients::find(conn, client)? else {
                return Ok(None);
            };
            let org = weiquan_db::organisations::find(conn, OrgId(row.org_id))?;
            Ok(org.map(|o| (row, o)))
        })
        .await?;
    let Some((row, org)) = found else {
        return Err(ApiError::invalid_token());
    };
    Ok(Json(ClientSelf {
        client_id: row.client_id,
        name: row.name,
        org: ClientOrg {
            id: org.id,
            name: org.name,
            kind: org.kind,
        },
        scopes: scopes.iter().map(|s| s.as_str().to_owned()).collect(),
        token_expires_at: token.expires_at,
    }))
}
