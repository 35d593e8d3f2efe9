//! `GET /api/v1/organisations/{id}/odr-stats`

use actix_web::{HttpRequest, get, web, web::Json};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use weiquan_services::odr;
use weiquan_services::orders::OrderError;

use crate::auth::{Caller, audit_refusal};
use crate::error::{ApiError, FieldError, Problem};
use crate::routes::orders::order_error;
use crate::state::AppState;

/// The period: complaints dispatched to the enterprise on these days (inclusive).
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StatsQuery {
    /// First day, `YYYY-MM-DD`.
    #[param(format = Date)]
    pub from: String,
    /// Last day, `YYYY-MM-DD` (at most 366 days after `from`).
    #[param(format = Date)]
    pub to: String,
}

/// An ODR enterprise's settlement record over a period.
#[derive(Debug, Serialize, ToSchema)]
pub struct OdrStats {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Complaints that went to the enterprise in the period.
    pub received: i64,
    /// Of those, still with it.
    pub open: i64,
    /// Accepted by the consumer.
    pub settled: i64,
    /// Rejected by the consumer (or sent by them to the bureau without an answer).
    pub rejected: i64,
    /// Not settled within the 10 working days.
    pub expired: i64,
    /// Pulled back by the bureau.
    pub recalled: i64,
    /// Withdrawn by the consumer.
    pub withdrawn: i64,
    /// `settled / (settled + rejected + expired + recalled)`, 0 to 1; null before any ended.
    pub settlement_rate: Option<f64>,
    /// Average hours from dispatch to the enterprise's first answer (first proposal or
    /// dialogue message), over the answered ones; null when none was answered.
    pub avg_first_answer_hours: Option<f64>,
}

fn day(field: &str, value: &str, errors: &mut Vec<FieldError>) -> Option<NaiveDate> {
    let parsed = NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").ok();
    if parsed.is_none() {
        errors.push(FieldError::new(
            field,
            "invalid",
            "Give a date as YYYY-MM-DD.",
            "请按 YYYY-MM-DD 格式填写日期。",
        ));
    }
    parsed
}

/// The settlement statistics of an ODR enterprise for the complaints dispatched to it in a
/// period: how many it received, settled, had rejected, let expire or had recalled, its
/// settlement rate and its average time to a first answer. For the enterprise's own handlers,
/// reviewers and administrators, and staff (handlers, reviewers, analysts) of the bureaus
/// above it; 404 for anyone else and for an organisation that is not an enterprise.
#[utoipa::path(
    tag = "organisations",
    operation_id = "organisations_odr_stats",
    params(("id" = i64, Path, description = "Enterprise id"), StatsQuery),
    responses(
        (status = OK, description = "The statistics", body = OdrStats),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "Not allowed, or second factor required", body = Problem, content_type = "application/problem+json"),
        (status = NOT_FOUND, description = "No such enterprise for you", body = Problem, content_type = "application/problem+json"),
        (status = UNPROCESSABLE_ENTITY, description = "Bad period", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/organisations/{id}/odr-stats")]
pub async fn odr_stats(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
    query: web::Query<StatsQuery>,
) -> Result<Json<OdrStats>, ApiError> {
    caller.signed_in()?;
    let id = id.into_inner();
    let mut errors = Vec::new();
    let from = day("from", &query.from, &mut errors);
    let to = day("to", &query.to, &mut errors);
    if let (Some(from), Some(to)) = (from, to)
        && (to < from || (to - from).num_days() > 366)
    {
        errors.push(FieldError::new(
            "to",
            "range",
            "Give a last day on or after the first, at most 366 days later.",
            "结束日期须不早于开始日期，且相隔不超过 366 天。",
        ));
    }
    let (Some(from), Some(to)) = (from, to) else {
        return Err(ApiError::validation(errors));
    };
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let stats = match odr::stats(&state.deps, &caller.actor, id, from, to).await {
        Ok(stats) => stats,
        Err(e) => {
            let reason = match &e {
                OrderError::NotFound => Some("not_visible".to_owned()),
                OrderError::Denied(d) => Some(d.to_string()),
                _ => None,
            };
            if let Some(reason) = reason {
                let subject = format!("org:{id}");
                audit_refusal(&state, &caller, &req, "view_odr_stats", subject, reason).await;
            }
            return Err(order_error(e));
        }
    };
    let c = stats.counts;
    Ok(Json(OdrStats {
        from,
        to,
        received: c.received,
        open: c.open,
        settled: c.settled,
        rejected: c.rejected,
        expired: c.expired,
        recalled: c.recalled,
        withdrawn: c.withdrawn,
        settlement_rate: stats.settlement_rate,
        avg_first_answer_hours: c.avg_first_answer_hours,
    }))
}
