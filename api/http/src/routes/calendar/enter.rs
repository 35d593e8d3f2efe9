//! `PUT /api/v1/calendar/years/{year}`

use actix_web::{HttpRequest, put, web, web::Json};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use weiquan_domain::calendar::DayKind;
use weiquan_services::calendar::{self, DayInput};

use super::{CalendarYear, DayKindDto, HolidayDto, calendar_error, checked_year};
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::extract::Body;
use crate::request::origin;
use crate::state::AppState;

/// A year's whole schedule, as the State Council's notice gives it.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct YearSchedule {
    /// Where the dates come from, e.g. 国办发明电〔2026〕7号 (1 to 500 characters).
    #[schema(min_length = 1, max_length = 500, pattern = r"\S")]
    pub source: String,
    /// Every public holiday and make-up working day of the year (at most 366).
    #[schema(max_items = 366)]
    pub days: Vec<HolidayDto>,
}

/// The year as stored, and what entering it changed.
#[derive(Debug, Serialize, ToSchema)]
pub struct EnteredYear {
    #[serde(flatten)]
    pub year: CalendarYear,
    /// Open orders whose due date was recomputed.
    pub orders_recomputed: usize,
    /// Of those, the ones whose due date or provisional mark changed.
    pub orders_changed: usize,
}

/// Enters or replaces a year of the holiday calendar: national administrators only. The list
/// replaces the year's dates at once; dates must lie in the year, appear once, and a make-up
/// working day must be a Saturday or Sunday; at least one public holiday. In the same
/// transaction every open order whose due date may depend on the year (provisional, or due
/// on or after its first day) is recomputed; an order whose date moves gets a staff-only
/// `recompute_due` event. Audited (`calendar_year_entered`).
#[utoipa::path(
    tag = "calendar",
    operation_id = "calendar_years_put",
    params(("year" = i32, Path, description = "The year, 2000 to 2100", minimum = 2000, maximum = 2100)),
    request_body = YearSchedule,
    responses(
        (status = OK, description = "Entered; due dates recomputed", body = EnteredYear),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "Not a national administrator, or second factor required", body = Problem, content_type = "application/problem+json"),
        (status = UNPROCESSABLE_ENTITY, description = "A date, kind or name breaks the rules (each named by `days[i].field`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/calendar/years/{year}")]
pub async fn enter(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    year: web::Path<i32>,
    body: Body<YearSchedule>,
) -> Result<Json<EnteredYear>, ApiError> {
    let year = checked_year(year.into_inner())?;
    let body = body.into_inner();
    let source = body.source.trim().to_owned();
    let n = source.chars().count();
    if n == 0 || n > 500 {
        return Err(ApiError::field(
            "source",
            if n == 0 { "required" } else { "length" },
            "Name the notice the dates come from, in 1 to 500 characters.",
            "请填写日期来源（国务院办公厅通知文号等，1 到 500 个字符）。",
        ));
    }
    if body.days.len() > 366 {
        return Err(ApiError::field(
            "days",
            "length",
            "A year has at most 366 dates.",
            "一年最多 366 个日期。",
        ));
    }
    let days = body
        .days
        .into_iter()
        .map(|d| DayInput {
            date: d.date,
            kind: match d.kind {
                DayKindDto::Off => DayKind::Off,
                DayKindDto::Work => DayKind::Work,
            },
            name_zh: d.name_zh,
            name_en: d.name_en,
        })
        .collect();
    match calendar::enter_year(
        &state.deps,
        &caller.actor,
        year,
        days,
        source,
        &origin(&req),
    )
    .await
    {
        Ok(entered) => Ok(Json(EnteredYear {
            year: entered.detail.into(),
            orders_recomputed: entered.recomputed,
            orders_changed: entered.changed,
        })),
        Err(e) => Err(calendar_error(&state, &caller, &req, "enter_calendar", Some(year), e).await),
    }
}
