//! The organisation tree, as far as the caller may see it (their own subtree).

pub mod children;
pub mod get;
pub mod odr_stats;
pub mod stations;

use serde::Serialize;
use utoipa::ToSchema;
use weiquan_db::organisations::OrgRow;
use weiquan_domain::access::{Action, OrgId, OrgRef};

use crate::auth::{Caller, require_audited};
use crate::error::{ApiError, ErrorCode};
use crate::state::AppState;

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Organisation {
    pub id: i64,
    pub name: String,
    pub name_en: Option<String>,
    /// `bureau`, `station`, `association`, `department`, `international` or `enterprise`.
    pub kind: String,
    /// For bureaus: `national`, `province`, `city` or `county`.
    pub bureau_level: Option<String>,
    pub parent_id: Option<i64>,
    pub division_code: Option<String>,
    /// Enterprises: unified social credit code.
    pub credit_code: Option<String>,
    /// Enterprises: `approved` or `suspended` for online dispute resolution.
    pub odr_status: Option<String>,
    /// `active` or `disabled`.
    pub status: String,
    pub has_children: bool,
}

impl Organisation {
    pub fn from_row(row: OrgRow, has_children: bool) -> Self {
        Self {
            id: row.id,
            name: row.name,
            name_en: row.name_en,
            kind: row.kind,
            bureau_level: row.bureau_level,
            parent_id: row.parent_id,
            division_code: row.division_code,
            credit_code: row.credit_code,
            odr_status: row.odr_status,
            status: row.status,
            has_children,
        }
    }
}

fn not_found() -> ApiError {
    ApiError::not_found("The organisation", "该机构")
}

/// Loads an organisation the caller may view. Outside the caller's subtree it does not exist
/// for them (404), so ids cannot be probed; anonymous callers get 401 first.
pub async fn visible(
    state: &AppState,
    caller: &Caller,
    id: i64,
    request: &actix_web::HttpRequest,
) -> Result<(OrgRow, OrgRef), ApiError> {
    load_for(state, caller, id, request, |o| Action::ViewOrg(o)).await
}

/// Loads an organisation and decides `action` on it with the domain's one rule
/// (`weiquan_domain::access::access`): 401/403 when denied, 404 when unknown or outside the
/// caller's subtree.
pub async fn load_for(
    state: &AppState,
    caller: &Caller,
    id: i64,
    request: &actix_web::HttpRequest,
    action: for<'a> fn(&'a OrgRef) -> Action<'a>,
) -> Result<(OrgRow, OrgRef), ApiError> {
    caller.signed_in()?;
    let row = state
        .deps
        .db
        .run(move |conn| weiquan_db::organisations::find(conn, OrgId(id)))
        .await?
        .ok_or_else(not_found)?;
    let org = row
        .to_ref()
        .map_err(|e| ApiError::from(weiquan_services::ServiceError::from(e)))?;
    require_audited(state, caller, action(&org), request)
        .await
        .map_err(|e| match e.code() {
            ErrorCode::NotFound => not_found(),
            _ => e,
        })?;
    Ok((row, org))
}
