//! `GET /api/v1/organisations/{id}/audit`

use actix_web::{get, web, web::Json};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use weiquan_db::audit::{AuditFilter, Cursor, Keyset};
use weiquan_domain::access::UserId;
use weiquan_domain::audit::{AuditAction, Outcome};

use crate::auth::{Caller, denied};
use crate::error::{ApiError, FieldError, Problem};
use crate::routes::organisations::load_for;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// Only records of this action (e.g. `sign_in_failed`).
    pub action: Option<String>,
    /// `success`, `failure` or `denied`.
    pub outcome: Option<String>,
    /// Only records made by this user.
    pub user_id: Option<i64>,
    /// Only records made by the account with this login (a staff user name or a consumer's
    /// phone); an unknown login matches nothing.
    pub login: Option<String>,
    /// Only records made from this IP address.
    pub ip: Option<String>,
    /// At or after (RFC 3339).
    pub from: Option<DateTime<Utc>>,
    /// Before (RFC 3339).
    pub until: Option<DateTime<Utc>>,
    /// The `next` of the previous page.
    pub after: Option<String>,
    /// 1 to 200, default 50.
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AuditEntry {
    pub id: i64,
    pub at: DateTime<Utc>,
    /// `anonymous`, `consumer`, `member`, `client` or `system`.
    pub actor_kind: String,
    pub actor_user_id: Option<i64>,
    /// The actor's login: a staff user name, or a consumer's masked phone.
    pub actor_login: Option<String>,
    /// The actor's display name.
    pub actor_name: Option<String>,
    pub actor_org_id: Option<i64>,
    pub action: String,
    pub outcome: String,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub subject: Option<String>,
    #[schema(value_type = Object)]
    pub detail: serde_json::Value,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AuditPage {
    /// Newest first.
    pub items: Vec<AuditEntry>,
    /// Pass as `after` for the next page; null on the last one.
    pub next: Option<String>,
}

fn bad(field: &str, en: &str, zh: &str) -> ApiError {
    ApiError::validation(vec![FieldError::new(field, "invalid", en, zh)])
}

/// The audit records of an organisation's subtree, newest first, with keyset paging.
/// Administrators and analysts of that organisation or above (after their second factor);
/// everyone else gets 403, or 404 outside their subtree.
#[utoipa::path(
    tag = "audit",
    operation_id = "audit_search",
    params(("id" = i64, Path, description = "The organisation whose subtree to search"), AuditQuery),
    responses(
        (status = OK, description = "A page of records", body = AuditPage),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "Not an administrator or analyst here", body = Problem, content_type = "application/problem+json"),
        (status = NOT_FOUND, description = "No such organisation in your subtree", body = Problem, content_type = "application/problem+json"),
        (status = UNPROCESSABLE_ENTITY, description = "Bad filter", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/organisations/{id}/audit")]
pub async fn search(
    state: web::Data<AppState>,
    req: actix_web::HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
    query: web::Query<AuditQuery>,
) -> Result<Json<AuditPage>, ApiError> {
    let (_, org) = load_for(&state, &caller, id.into_inner(), &req, |o| {
        weiquan_domain::access::Action::SearchAudit(o)
    })
    .await?;
    let query = query.into_inner();
    let action = match query.action.as_deref() {
        Some(a) => Some(
            AuditAction::parse(a)
                .ok_or_else(|| bad("action", "Unknown action.", "未知的操作类型。"))?,
        ),
        None => None,
    };
    let outcome = match query.outcome.as_deref() {
        Some(o) => Some(
            Outcome::parse(o)
                .ok_or_else(|| bad("outcome", "Unknown outcome.", "未知的结果类型。"))?,
        ),
        None => None,
    };
    let after = match query.after.as_deref() {
        Some(token) => Some(
            Cursor::parse(token)
                .ok_or_else(|| bad("after", "Bad page token.", "分页标记无效。"))?,
        ),
        None => None,
    };
    let limit = query.limit.unwrap_or(50);
    if !(1..=200).contains(&limit) {
        return Err(bad("limit", "Between 1 and 200.", "须在 1 到 200 之间。"));
    }
    let ip = match query.ip.as_deref().map(str::trim) {
        Some(ip) => Some(
            ip.parse::<std::net::IpAddr>()
                .map_err(|_| bad("ip", "Not an IP address.", "不是有效的 IP 地址。"))?,
        ),
        None => None,
    };
    let mut actor_user = query.user_id.map(UserId);
    if let Some(login) = query.login.as_deref() {
        if login.trim().is_empty() || login.len() > 64 {
            return Err(bad("login", "1 to 64 characters.", "须为 1 到 64 个字符。"));
        }
        match weiquan_services::audit::user_by_login(&state.deps.db, login).await? {
            Some(user) if actor_user.is_none_or(|asked| asked == user) => actor_user = Some(user),
            // An unknown login, or one that contradicts user_id: nothing matches.
            _ => {
                return Ok(Json(AuditPage {
                    items: Vec::new(),
                    next: None,
                }));
            }
        }
    }
    let filter = AuditFilter {
        subtree: None,
        actor_user,
        action,
        outcome,
        from: query.from,
        until: query.until,
        ip,
    };
    let filter = weiquan_services::audit::scope_to(&caller.actor, &org, filter).map_err(denied)?;
    let page =
        weiquan_services::audit::search(&state.deps.db, filter, Keyset { after, limit }).await?;
    let names = weiquan_services::audit::actor_names(&state.deps.db, &page.items).await?;
    Ok(Json(AuditPage {
        next: page.next.map(|c| c.token()),
        items: page
            .items
            .into_iter()
            .map(|r| {
                let name = r.actor_user_id.and_then(|id| names.get(&id));
                AuditEntry {
                    id: r.id,
                    at: r.at,
                    actor_kind: r.actor_kind,
                    actor_user_id: r.actor_user_id,
                    actor_login: name.map(|n| n.login.clone()),
                    actor_name: name.map(|n| n.display_name.clone()),
                    actor_org_id: r.actor_org_id,
                    action: r.action,
                    outcome: r.outcome,
                    ip: r.ip.map(|ip| ip.to_string()),
                    user_agent: r.user_agent,
                    subject: r.subject,
                    detail: r.detail,
                }
            })
            .collect(),
    }))
}
