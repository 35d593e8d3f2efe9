//! `POST /api/v1/orders/bulk-actions`

use std::collections::BTreeSet;

use actix_web::{post, web, web::Json};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use weiquan_services::inbox::{self, BulkItem};
use weiquan_services::orders::CommandInput;

use super::order_error;
use crate::auth::Caller;
use crate::error::{ApiError, FieldError, Problem};
use crate::extract::Body;
use crate::state::AppState;

/// The most orders one bulk request may name.
pub const MAX_ORDERS: usize = 100;

/// The actions that may be taken in bulk.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum BulkAction {
    /// Assign a handler (`handler_id`).
    AssignHandler,
    /// Assign a station (`station_id`).
    AssignStation,
}

/// An order and the version the caller loaded.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BulkOrder {
    pub id: i64,
    pub version: i32,
}

/// One action for up to 100 orders.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BulkRequest {
    pub action: BulkAction,
    /// For `assign_handler`.
    pub handler_id: Option<i64>,
    /// For `assign_station`.
    pub station_id: Option<i64>,
    /// 1 to 100 orders, each once.
    #[schema(min_items = 1, max_items = 100)]
    pub orders: Vec<BulkOrder>,
    /// Up to 2000 characters, kept on each order's event.
    #[schema(max_length = 2000)]
    pub reason: Option<String>,
}

/// What happened to one order.
#[derive(Debug, Serialize, ToSchema)]
pub struct BulkItemResult {
    pub id: i64,
    pub ok: bool,
    /// The order's new version, when done.
    pub version: Option<i32>,
    /// Why not, when refused: the problem the single action would have answered (412 stale
    /// version, 409 wrong state, 403 not allowed, 404 not found, ...).
    pub problem: Option<Problem>,
}

/// The result of each order, in the request's order.
#[derive(Debug, Serialize, ToSchema)]
pub struct BulkResponse {
    pub results: Vec<BulkItemResult>,
}

fn input(body: &BulkRequest) -> Result<(CommandInput, Vec<BulkItem>), ApiError> {
    let mut errors = Vec::new();
    let required = |field: &str| {
        FieldError::new(
            field,
            "required",
            "This action needs this field.",
            "此操作需要填写此项。",
        )
    };
    let command = match body.action {
        BulkAction::AssignHandler => body
            .handler_id
            .map(|handler| CommandInput::AssignHandler { handler }),
        BulkAction::AssignStation => body
            .station_id
            .map(|station| CommandInput::AssignStation { station }),
    };
    if command.is_none() {
        errors.push(required(match body.action {
            BulkAction::AssignHandler => "handler_id",
            BulkAction::AssignStation => "station_id",
        }));
    }
    let distinct: BTreeSet<i64> = body.orders.iter().map(|o| o.id).collect();
    if body.orders.is_empty() || body.orders.len() > MAX_ORDERS {
        errors.push(FieldError::new(
            "orders",
            "length",
            "Name 1 to 100 orders.",
            "请选择 1 到 100 个工单。",
        ));
    } else if distinct.len() != body.orders.len() {
        errors.push(FieldError::new(
            "orders",
            "duplicate",
            "Name each order once.",
            "每个工单只能出现一次。",
        ));
    }
    if body
        .reason
        .as_ref()
        .is_some_and(|r| r.chars().count() > 2000)
    {
        errors.push(FieldError::new(
            "reason",
            "length",
            "Use at most 2000 characters.",
            "最多 2000 个字符。",
        ));
    }
    match command {
        Some(command) if errors.is_empty() => Ok((
            command,
            body.orders
                .iter()
                .map(|o| BulkItem {
                    id: o.id,
                    version: o.version,
                })
                .collect(),
        )),
        _ => Err(ApiError::validation(errors)),
    }
}

/// Assigns a handler or a station to up to 100 orders. Each order goes through the same
/// machine and checks as `POST /orders/{id}/actions` with its own version as `If-Match`, in
/// its own transaction, so one order's stale version or refusal fails that order only and
/// the others are done. The answer is 200 with one result per order, in the request's order
/// (`ok`, and the new `version` or the `problem`); a request that is wrong as a whole (no
/// orders, more than 100, a missing field) is 422 and changes nothing.
#[utoipa::path(
    tag = "orders",
    operation_id = "orders_bulk_act",
    request_body = BulkRequest,
    responses(
        (status = OK, description = "One result per order", body = BulkResponse),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = UNPROCESSABLE_ENTITY, description = "Invalid request", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/orders/bulk-actions")]
pub async fn bulk(
    state: web::Data<AppState>,
    caller: Caller,
    body: Body<BulkRequest>,
) -> Result<Json<BulkResponse>, ApiError> {
    caller.signed_in()?;
    let (command, items) = input(&body)?;
    let reason = body
        .reason
        .as_ref()
        .map(|r| r.trim().to_owned())
        .filter(|r| !r.is_empty());
    let results = inbox::bulk(&state.deps, &caller.actor, command, &items, reason).await;
    Ok(Json(BulkResponse {
        results: results
            .into_iter()
            .map(|(id, result)| match result {
                Ok(version) => BulkItemResult {
                    id,
                    ok: true,
                    version: Some(version),
                    problem: None,
                },
                Err(e) => BulkItemResult {
                    id,
                    ok: false,
                    version: None,
                    problem: Some(order_error(e).problem().clone()),
                },
            })
            .collect(),
    }))
}
