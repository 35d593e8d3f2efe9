//! Working days and periods under SAMR Order No. 121, Art. 45, on the State Council's yearly
//! holiday schedule kept as data.
//!
//! Art. 45: 按照年、月、日计算期间的，开始的当日不计入，自下一工作日或者自然日开始计算。期间
//! 届满的最后一日是法定节假日的，以法定节假日后的第一日为期间届满的日期。
//!
//! - A period of N **working days** from day S ends on the N-th working day after S (S itself
//!   never counts, whatever kind of day it is). Its last day is a working day by construction.
//! - A period of N **natural days** (the 60 days of mediation, Art. 23) ends on S + N; when that
//!   day is not a working day it moves to the next working day. "法定节假日" is read as every day
//!   off under the schedule (public holidays and ordinary weekends that are not make-up working
//!   days), as courts read the same words in 民法典 Art. 203; it is the reading that never
//!   shortens a consumer's or a bureau's time.
//! - A working day is Monday to Friday, except the public holidays of the schedule, plus the
//!   weekend days the schedule makes working days (调休).
//! - A year whose schedule has not been entered yet is counted on weekdays alone; every result
//!   that looked at such a year is marked **provisional** and is to be recomputed when the year
//!   is entered (the State Council publishes the next year's notice in November).
//! - Time spent on testing, appraisal and the like does not count (Art. 22): a period can be
//!   computed with pauses; the days of a pause are skipped, and while a pause is open the clock
//!   stands still.
//!
//! Nothing here reads files or a database: the caller loads the entries and passes them in.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// What the schedule says about one date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayKind {
    /// A public holiday 法定节假日 (a day off, whatever the weekday).
    Off,
    /// A weekend day that is a working day 调休上班.
    Work,
}

impl DayKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Off => "off",
            Self::Work => "work",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "off" => Some(Self::Off),
            "work" => Some(Self::Work),
            _ => None,
        }
    }
}

/// One line of the schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarEntry {
    pub date: NaiveDate,
    pub kind: DayKind,
    /// The holiday's name, e.g. 春节 or 春节调休.
    pub name: String,
}

/// Why a schedule is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    #[error("{date}: listed twice")]
    Duplicate { date: NaiveDate },
    #[error("{date}: a make-up working day must fall on a Saturday or Sunday")]
    WorkOnWeekday { date: NaiveDate },
    #[error("{date}: the year {year} is not among the entered years")]
    YearNotEntered { date: NaiveDate, year: i32 },
    #[error("{date}: a holiday needs a name")]
    MissingName { date: NaiveDate },
    #[error("line {line}: {reason}")]
    Malformed { line: usize, reason: String },
    #[error("{date}: not in the year {year}")]
    OutsideYear { date: NaiveDate, year: i32 },
    #[error("{date}: a name has at most {max} characters", max = NAME_MAX_CHARS)]
    NameTooLong { date: NaiveDate },
    #[error("the year {year} lists no public holiday")]
    NoHoliday { year: i32 },
    #[error("the year {year} is outside {first}..={last}", first = YEARS.start(), last = YEARS.end())]
    YearOutOfRange { year: i32 },
}

/// The years a schedule may be entered for.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// The longest holiday name (Chinese or English), in characters.
pub const NAME_MAX_CHARS: usize = 50;

/// Checks one year's schedule as an administrator enters it, before it replaces the year:
/// every date inside `year`, no date twice, a make-up working day only on a Saturday or
/// Sunday, every entry named (at most [`NAME_MAX_CHARS`]), and at least one public holiday (every
/// State Council notice has New Year's Day; a year without any is a mistake, and entering it
/// would silently turn provisional due dates final). A public holiday that falls on a weekend
/// is accepted: the notices list a holiday's whole span (e.g. 10-01 to 10-08) including its
/// weekend days, and marking such a day off changes nothing. Answers every problem with the
/// index of the entry it concerns (`None` for the year as a whole), in entry order.
pub fn check_year(year: i32, entries: &[CalendarEntry]) -> Vec<(Option<usize>, CalendarError)> {
    let mut problems = Vec::new();
    if !YEARS.contains(&year) {
        problems.push((None, CalendarError::YearOutOfRange { year }));
        return problems;
    }
    let mut seen = BTreeSet::new();
    for (index, entry) in entries.iter().enumerate() {
        let date = entry.date;
        let problem = if date.year() != year {
            Some(CalendarError::OutsideYear { date, year })
        } else if !seen.insert(date) {
            Some(CalendarError::Duplicate { date })
        } else if entry.kind == DayKind::Work && !is_weekend(date) {
            Some(CalendarError::WorkOnWeekday { date })
        } else if entry.name.trim().is_empty() {
            Some(CalendarError::MissingName { date })
        } else if entry.name.chars().count() > NAME_MAX_CHARS {
            Some(CalendarError::NameTooLong { date })
        } else {
            None
        };
        if let Some(problem) = problem {
            problems.push((Some(index), problem));
        }
    }
    if !entries.iter().any(|e| e.kind == DayKind::Off) {
        problems.push((None, CalendarError::NoHoliday { year }));
    }
    problems
}

/// How a date counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayStatus {
    pub working: bool,
    /// The date's year has no entered schedule, so `working` follows the weekday alone.
    pub provisional: bool,
}

/// The last day of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Due {
    pub date: NaiveDate,
    /// The computation crossed a year without an entered schedule: recompute when it is.
    pub provisional: bool,
}

/// A regulated period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "unit", content = "count", rename_all = "snake_case")]
pub enum Period {
    WorkingDays(u32),
    Days(u32),
}

/// A stretch during which a period's clock stands still (Art. 22): it stops at the end of
/// `from` and runs again from the day after `until`, so the days `from + 1 ..= until` are not
/// counted. `until: None` means the pause is still open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pause {
    pub from: NaiveDate,
    pub until: Option<NaiveDate>,
}

impl Pause {
    fn covers(&self, day: NaiveDate) -> bool {
        day > self.from && self.until.is_none_or(|until| day <= until)
    }
}

/// A period's clock at one moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Clock {
    /// Running (or never paused): the period ends on `due`.
    Running { due: Due },
    /// Stopped by an open pause, with this much of the period left when it stopped.
    Stopped { remaining: Period },
}

/// Where today stands against a due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Standing {
    /// `working_days_left` working days remain after today (0 means it is due today).
    OnTime { working_days_left: u32 },
    /// Past the due date by this many working days (at least 1 once the due day has passed;
    /// 0 when the days since are all days off).
    Overdue { working_days_late: u32 },
}

/// The State Council's holiday schedule for the entered years.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HolidayCalendar {
    days: BTreeMap<NaiveDate, DayKind>,
    years: BTreeSet<i32>,
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

fn next_day(date: NaiveDate) -> Option<NaiveDate> {
    date.checked_add_days(Days::new(1))
}

impl HolidayCalendar {
    /// A schedule covering `years`, with `entries` for those years. Every entry's year must be
    /// one of `years` (an entry alone does not make its year complete); a make-up working day
    /// must be a weekend day; no date twice.
    pub fn new(
        years: impl IntoIterator<Item = i32>,
        entries: impl IntoIterator<Item = CalendarEntry>,
    ) -> Result<Self, CalendarError> {
        let years: BTreeSet<i32> = years.into_iter().collect();
        let mut days = BTreeMap::new();
        for entry in entries {
            let date = entry.date;
            if !years.contains(&date.year()) {
                return Err(CalendarError::YearNotEntered {
                    date,
                    year: date.year(),
                });
            }
            if entry.kind == DayKind::Work && !is_weekend(date) {
                return Err(CalendarError::WorkOnWeekday { date });
            }
            if entry.name.trim().is_empty() {
                return Err(CalendarError::MissingName { date });
            }
            if days.insert(date, entry.kind).is_some() {
                return Err(CalendarError::Duplicate { date });
            }
        }
        Ok(Self { days, years })
    }

    /// Parses the reference file's format (`date,kind,name`, a header line, `#` comments).
    /// The years entered are those with at least one line.
    pub fn parse_csv(text: &str) -> Result<Vec<CalendarEntry>, CalendarError> {
        let mut entries = Vec::new();
        let mut header_seen = false;
        for (index, raw) in text.lines().enumerate() {
            let line = index + 1;
            let trimmed = raw.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            if !header_seen {
                if trimmed != "date,kind,name" {
                    return Err(CalendarError::Malformed {
                        line,
                        reason: "expected the header `date,kind,name`".into(),
                    });
                }
                header_seen = true;
                continue;
            }
            let mut fields = trimmed.splitn(3, ',');
            let (Some(date), Some(kind), Some(name)) =
                (fields.next(), fields.next(), fields.next())
            else {
                return Err(CalendarError::Malformed {
                    line,
                    reason: "expected three fields".into(),
                });
            };
            let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|_| {
                CalendarError::Malformed {
                    line,
                    reason: format!("bad date {date:?}"),
                }
            })?;
            let kind = DayKind::parse(kind).ok_or_else(|| CalendarError::Malformed {
                line,
                reason: format!("kind must be off or work, not {kind:?}"),
            })?;
            entries.push(CalendarEntry {
                date,
                kind,
                name: name.trim().to_owned(),
            });
        }
        Ok(entries)
    }

    /// The schedule in the reference file's format, every year that has a line entered.
    pub fn from_csv(text: &str) -> Result<Self, CalendarError> {
        let entries = Self::parse_csv(text)?;
        let years: BTreeSet<i32> = entries.iter().map(|e| e.date.year()).collect();
        Self::new(years, entries)
    }

    pub fn is_entered(&self, year: i32) -> bool {
        self.years.contains(&year)
    }

    pub fn entered_years(&self) -> impl Iterator<Item = i32> + '_ {
        self.years.iter().copied()
    }

    /// How `date` counts.
    pub fn day(&self, date: NaiveDate) -> DayStatus {
        let weekday_rule = !is_weekend(date);
        if !self.is_entered(date.year()) {
            return DayStatus {
                working: weekday_rule,
                provisional: true,
            };
        }
        let working = match self.days.get(&date) {
            Some(DayKind::Off) => false,
            Some(DayKind::Work) => true,
            None => weekday_rule,
        };
        DayStatus {
            working,
            provisional: false,
        }
    }

    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        self.day(date).working
    }

    /// The due date of `period` started on `start`, with no pause.
    pub fn due(&self, start: NaiveDate, period: Period) -> Due {
        match self.clock(start, period, &[]) {
            Clock::Running { due } => due,
            // Unreachable without pauses; answer the unpaused computation's start rather than
            // panic.
            Clock::Stopped { .. } => Due {
                date: start,
                provisional: true,
            },
        }
    }

    /// The N-th working day after `start` (Art. 45: `start` does not count).
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> Due {
        self.due(start, Period::WorkingDays(n))
    }

    /// `start` + `n` days, moved to the next working day when it falls on a day off.
    pub fn add_days(&self, start: NaiveDate, n: u32) -> Due {
        self.due(start, Period::Days(n))
    }

    /// Where `period`, started on `start`, stands given the pauses so far (Art. 22). Days
    /// covered by a closed pause are not counted; an open pause stops the clock.
    pub fn clock(&self, start: NaiveDate, period: Period, pauses: &[Pause]) -> Clock {
        let paused = |day: NaiveDate| pauses.iter().any(|p| p.covers(day));
        let open_from = pauses
            .iter()
            .filter(|p| p.until.is_none())
            .map(|p| p.from)
            .min();
        let (n, working_only) = match period {
            Period::WorkingDays(n) => (n, true),
            Period::Days(n) => (n, false),
        };
        let mut provisional = false;
        let mut day = start;
        let mut counted = 0;
        while counted < n {
            if open_from.is_some_and(|from| day >= from) {
                let left = n - counted;
                return Clock::Stopped {
                    remaining: match period {
                        Period::WorkingDays(_) => Period::WorkingDays(left),
                        Period::Days(_) => Period::Days(left),
                    },
                };
            }
            let Some(next) = next_day(day) else {
                // The end of the calendar: nothing real lies beyond, answer what we have.
                return Clock::Running {
                    due: Due {
                        date: day,
                        provisional: true,
                    },
                };
            };
            day = next;
            if paused(day) {
                continue;
            }
            let status = self.day(day);
            if working_only {
                provisional |= status.provisional;
                if status.working {
                    counted += 1;
                }
            } else {
                counted += 1;
            }
        }
        if !working_only {
            // The last day moves past days off (and past pause days, which do not count).
            loop {
                let status = self.day(day);
                provisional |= status.provisional;
                if status.working && !paused(day) {
                    break;
                }
                match next_day(day) {
                    Some(next) => day = next,
                    None => break,
                }
            }
        }
        Clock::Running {
            due: Due {
                date: day,
                provisional,
            },
        }
    }

    /// The working days in the half-open range `(from, to]` (0 when `to <= from`).
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        let mut count = 0;
        let mut day = from;
        while day < to {
            let Some(next) = next_day(day) else { break };
            day = next;
            if self.is_working_day(day) {
                count += 1;
            }
        }
        count
    }

    /// Where `today` stands against `due`: on time until the end of the due day, overdue from
    /// the day after.
    pub fn standing(&self, due: NaiveDate, today: NaiveDate) -> Standing {
        if today <= due {
            Standing::OnTime {
                working_days_left: self.working_days_between(today, due),
            }
        } else {
            Standing::Overdue {
                working_days_late: self.working_days_between(due, today),
            }
        }
    }
}

#[cfg(test)]
#[path = "calendar_tests.rs"]
mod tests;
