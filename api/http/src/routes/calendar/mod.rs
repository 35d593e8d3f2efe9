//! The holiday calendar 节假日安排: the entered years (staff read them), one year's dates, and
//! entering a year (national administrators), which recomputes the due dates that depend on it.

pub mod enter;
pub mod get;
pub mod list;

use actix_web::HttpRequest;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use weiquan_domain::calendar::CalendarError;
use weiquan_services::calendar::{CalendarUseError, YearDetail, YearStatus, YearSummary};

use crate::auth::{Caller, audit_refusal, denied};
use crate::error::{ApiError, FieldError};
use crate::state::AppState;

/// What a date is in the schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DayKindDto {
    /// A public holiday 法定节假日: a day off whatever the weekday.
    Off,
    /// A make-up working day 调休上班: a Saturday or Sunday that is a working day.
    Work,
}

/// One dated entry of a year.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct HolidayDto {
    pub date: NaiveDate,
    pub kind: DayKindDto,
    /// The name in Chinese, e.g. 春节 or 春节调休 (1 to 50 characters).
    pub name_zh: String,
    /// The name in English (optional, 1 to 100 characters).
    #[serde(default)]
    pub name_en: Option<String>,
}

/// A year in the list.
#[derive(Debug, Serialize, ToSchema)]
pub struct CalendarYearSummary {
    pub year: i32,
    /// `entered`, or `provisional` when no schedule is entered: due dates crossing the year
    /// are counted on weekdays alone and marked provisional until it is.
    pub status: String,
    pub entered_at: Option<DateTime<Utc>>,
    /// The member who entered it; null for reference data loaded at installation.
    pub entered_by: Option<i64>,
    /// Where the dates come from (the State Council notice).
    pub source: Option<String>,
    /// Public holidays listed.
    pub holidays: i64,
    /// Make-up working days listed.
    pub workdays: i64,
}

impl From<YearSummary> for CalendarYearSummary {
    fn from(s: YearSummary) -> Self {
        Self {
            year: s.year,
            status: match s.status {
                YearStatus::Entered => "entered",
                YearStatus::Provisional => "provisional",
            }
            .to_owned(),
            entered_at: s.entered.as_ref().map(|r| r.entered_at),
            entered_by: s.entered.as_ref().and_then(|r| r.entered_by),
            source: s.entered.map(|r| r.source),
            holidays: s.holidays,
            workdays: s.workdays,
        }
    }
}

/// A year with its dates.
#[derive(Debug, Serialize, ToSchema)]
pub struct CalendarYear {
    #[serde(flatten)]
    pub summary: CalendarYearSummary,
    /// By date; empty while provisional.
    pub days: Vec<HolidayDto>,
}

impl From<YearDetail> for CalendarYear {
    fn from(d: YearDetail) -> Self {
        Self {
            summary: d.summary.into(),
            days: d
                .days
                .into_iter()
                .map(|r| HolidayDto {
                    date: r.date,
                    kind: if r.kind == "work" {
                        DayKindDto::Work
                    } else {
                        DayKindDto::Off
                    },
                    name_zh: r.name_zh,
                    name_en: r.name_en,
                })
                .collect(),
        }
    }
}

fn field_error(index: Option<usize>, e: &CalendarError) -> FieldError {
    let at = |name: &str| match index {
        Some(i) => format!("days[{i}].{name}"),
        None => "days".to_owned(),
    };
    match e {
        CalendarError::OutsideYear { date, year } => FieldError::new(
            at("date"),
            "outside_year",
            format!("{date} is not in {year}."),
            format!("{date} 不在 {year} 年内。"),
        ),
        CalendarError::Duplicate { date } => FieldError::new(
            at("date"),
            "duplicate",
            format!("{date} is listed twice."),
            format!("{date} 重复。"),
        ),
        CalendarError::WorkOnWeekday { date } => FieldError::new(
            at("kind"),
            "work_on_weekday",
            format!("{date} is a weekday: only a Saturday or Sunday can be a make-up working day."),
            format!("{date} 是工作日：调休上班日只能是周六或周日。"),
        ),
        CalendarError::MissingName { date } => FieldError::new(
            at("name_zh"),
            "required",
            format!("Give the name of {date}."),
            format!("请填写 {date} 的名称。"),
        ),
        CalendarError::NameTooLong { date } => FieldError::new(
            at("name_zh"),
            "length",
            format!("The names of {date}: Chinese 1 to 50 characters, English 1 to 100."),
            format!("{date} 的名称：中文 1 到 50 个字符，英文 1 到 100 个字符。"),
        ),
        CalendarError::NoHoliday { year } => FieldError::new(
            "days",
            "no_holiday",
            format!("List at least one public holiday of {year}."),
            format!("请至少填写 {year} 年的一个法定节假日。"),
        ),
        CalendarError::YearOutOfRange { .. } => FieldError::new(
            "year",
            "range",
            "Give a year from 2000 to 2100.",
            "年份须在 2000 到 2100 之间。",
        ),
        CalendarError::YearNotEntered { .. } | CalendarError::Malformed { .. } => {
            FieldError::new("days", "invalid", e.to_string(), format!("日期表有误：{e}"))
        }
    }
}

/// The problem for a use-case error; refusals of signed-in callers are audited.
pub async fn calendar_error(
    state: &AppState,
    caller: &Caller,
    req: &HttpRequest,
    action: &str,
    year: Option<i32>,
    e: CalendarUseError,
) -> ApiError {
    match e {
        CalendarUseError::Denied(reason) => {
            if caller.signed_in().is_ok() {
                audit_refusal(
                    state,
                    caller,
                    req,
                    action,
                    year.map_or_else(|| "calendar".to_owned(), |y| format!("calendar:{y}")),
                    reason.to_string(),
                )
                .await;
            }
            denied(reason)
        }
        CalendarUseError::Invalid(problems) => ApiError::validation(
            problems
                .iter()
                .map(|(index, e)| field_error(*index, e))
                .collect(),
        ),
        CalendarUseError::Service(e) => e.into(),
    }
}

/// The year in a path: 2000 to 2100.
pub fn checked_year(year: i32) -> Result<i32, ApiError> {
    if weiquan_domain::calendar::YEARS.contains(&year) {
        Ok(year)
    } else {
        Err(ApiError::field(
            "year",
            "range",
            "Give a year from 2000 to 2100.",
            "年份须在 2000 到 2100 之间。",
        ))
    }
}
