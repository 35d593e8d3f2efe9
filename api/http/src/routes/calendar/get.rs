//! `GET /api/v1/calendar/years/{year}`

use actix_web::{HttpRequest, get, web, web::Json};
use weiquan_services::calendar;

use super::{CalendarYear, calendar_error, checked_year};
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::state::AppState;

/// One year of the holiday calendar with its public holidays and make-up working days (none
/// while the year is provisional). Same callers as the list.
#[utoipa::path(
    tag = "calendar",
    operation_id = "calendar_years_get",
    params(("year" = i32, Path, description = "The year, 2000 to 2100", minimum = 2000, maximum = 2100)),
    responses(
        (status = OK, description = "The year", body = CalendarYear),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "Not staff, or second factor required", body = Problem, content_type = "application/problem+json"),
        (status = UNPROCESSABLE_ENTITY, description = "Year out of range", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/calendar/years/{year}")]
pub async fn get(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    year: web::Path<i32>,
) -> Result<Json<CalendarYear>, ApiError> {
    let year = checked_year(year.into_inner())?;
    match calendar::year(&state.deps, &caller.actor, year).await {
        Ok(detail) => Ok(Json(detail.into())),
        Err(e) => Err(calendar_error(&state, &caller, &req, "view_calendar", Some(year), e).await),
    }
}
