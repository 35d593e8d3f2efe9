//! `GET /api/v1/orders/{id}/targets`

use actix_web::{HttpRequest, get, web, web::Json};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use weiquan_domain::workflow::CommandKind;
use weiquan_domain::workflow::targets::TARGETED;
use weiquan_services::targets::{self, Target};

use super::{audit_order_refusal, order_error};
use crate::auth::Caller;
use crate::error::{ApiError, FieldError, Problem};
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TargetQuery {
    /// The action about to be taken: `transfer`, `assign_station`, `refer_up`, `delegate` or
    /// `assign_handler`.
    #[param(pattern = "^(transfer|assign_station|refer_up|delegate|assign_handler)$")]
    pub action: String,
    /// Part of the name (Chinese or English; a member's display or user name), or the start
    /// of a division code (`4403`). At most 100 characters, no control characters.
    #[param(max_length = 100, pattern = r"^[^\u0000-\u001F\u007F-\u009F]*$")]
    pub q: Option<String>,
    /// 1 to 100, default 20.
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<u32>,
}

/// A unit or member the action may name.
#[derive(Debug, Serialize, ToSchema)]
pub struct ActionTarget {
    /// The organisation's id, or the member's user id (`assign_handler`).
    pub id: i64,
    pub name: String,
    /// `bureau`, `station`, `association` or `member`.
    pub kind: String,
    /// Bureaus: `national`, `province`, `city` or `county`.
    pub bureau_level: Option<String>,
    pub division_code: Option<String>,
    /// Members: their roles (`handler`, `reviewer`, ...).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
}

impl From<Target> for ActionTarget {
    fn from(t: Target) -> Self {
        Self {
            id: t.id,
            name: t.name,
            kind: t.kind,
            bureau_level: t.bureau_level,
            division_code: t.division_code,
            roles: t.roles.into_iter().map(|r| r.as_str().to_owned()).collect(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ActionTargets {
    pub items: Vec<ActionTarget>,
}

fn action_of(text: &str) -> Option<CommandKind> {
    let kind: CommandKind =
        serde_json::from_value(serde_json::Value::String(text.to_owned())).ok()?;
    TARGETED.contains(&kind).then_some(kind)
}

fn query_error(field: &str, en: &str, zh: &str) -> ApiError {
    ApiError::validation(vec![FieldError::new(field, "invalid", en, zh)])
}

/// What an action on an order may name, for a caller who may take it now: for `transfer`
/// the other market-regulation bureaus (any level; the holder's siblings first), for
/// `assign_station` the holding county's stations, for `refer_up` the bureau directly above,
/// for `delegate` the consumer associations of the holder's area (Art. 19), for
/// `assign_handler` the holding unit's handlers and reviewers (only yourself unless you are
/// a reviewer). Exactly the candidates `POST /orders/{id}/actions` would accept. Callers who
/// may not see the order get 404; those who see it but may not take the action 403; an
/// action not possible in the order's present state 409 (a unit sent an order may not pass
/// it on, Art. 41).
#[utoipa::path(
    tag = "orders",
    operation_id = "orders_targets",
    params(("id" = i64, Path, description = "Order id"), TargetQuery),
    responses(
        (status = OK, description = "The candidates, at most `limit`", body = ActionTargets),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "You may not take this action on this order", body = Problem, content_type = "application/problem+json"),
        (status = NOT_FOUND, description = "No such order for you", body = Problem, content_type = "application/problem+json"),
        (status = CONFLICT, description = "The action is not possible in the order's present state", body = Problem, content_type = "application/problem+json"),
        (status = UNPROCESSABLE_ENTITY, description = "Unknown action, or a bad limit or search text", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/orders/{id}/targets")]
pub async fn list(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
    query: web::Query<TargetQuery>,
) -> Result<Json<ActionTargets>, ApiError> {
    caller.signed_in()?;
    let id = id.into_inner();
    let query = query.into_inner();
    let Some(action) = action_of(&query.action) else {
        return Err(query_error(
            "action",
            "Give transfer, assign_station, refer_up, delegate or assign_handler.",
            "请填写 transfer、assign_station、refer_up、delegate 或 assign_handler。",
        ));
    };
    let limit = match query.limit {
        None => 20,
        Some(n @ 1..=100) => i64::from(n),
        Some(_) => return Err(query_error("limit", "Give 1 to 100.", "请填写 1 到 100。")),
    };
    let q = query.q.unwrap_or_default();
    if q.chars().count() > 100 || q.chars().any(char::is_control) {
        return Err(query_error(
            "q",
            "Use at most 100 characters, without control characters.",
            "最多 100 个字符，且不能包含控制字符。",
        ));
    }
    match targets::list(&state.deps, &caller.actor, id, action, q, limit).await {
        Ok(items) => Ok(Json(ActionTargets {
            items: items.into_iter().map(ActionTarget::from).collect(),
        })),
        Err(e) => {
            let name = format!("order_targets:{}", query.action);
            audit_order_refusal(&state, &caller, &req, &name, id, &e).await;
            Err(order_error(e))
        }
    }
}
