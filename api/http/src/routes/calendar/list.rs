//! `GET /api/v1/calendar/years`

use actix_web::{HttpRequest, get, web, web::Json};
use weiquan_services::{calendar, orders};

use super::{CalendarYearSummary, calendar_error};
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::state::AppState;

/// The years of the holiday calendar, newest first: every entered year and, marked
/// `provisional` when not entered, this year and the next. Staff of government units and
/// consumer associations.
#[utoipa::path(
    tag = "calendar",
    operation_id = "calendar_years_list",
    responses(
        (status = OK, description = "The years", body = Vec<CalendarYearSummary>),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "Not staff, or second factor required", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/calendar/years")]
pub async fn list(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
) -> Result<Json<Vec<CalendarYearSummary>>, ApiError> {
    match calendar::years(&state.deps, &caller.actor, orders::today()).await {
        Ok(years) => Ok(Json(years.into_iter().map(Into::into).collect())),
        Err(e) => Err(calendar_error(&state, &caller, &req, "view_calendar", None, e).await),
    }
}
