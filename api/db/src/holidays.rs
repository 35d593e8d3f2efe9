//! The holiday calendar's rows: the entered years and their dates (migration
//! `2026-11-29-000024_holidays`). Loading builds the domain's `HolidayCalendar`; replacing a
//! year is the caller's transaction (the service recomputes due dates in the same one).

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use diesel::prelude::*;
use weiquan_domain::calendar::{CalendarEntry, DayKind, HolidayCalendar};

use crate::DbError;
use crate::schema::{holiday_years, holidays};

const HOLIDAYS_CSV: &str = include_str!("../data/holidays-cn.csv");

/// Where the reference years come from (the header of the data file names the notices).
pub const REFERENCE_SOURCE: &str =
    "国务院办公厅关于部分节假日安排的通知（参考数据 api/db/data/holidays-cn.csv）";

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = holiday_years)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct YearRow {
    pub year: i32,
    pub entered_by: Option<i64>,
    pub entered_at: DateTime<Utc>,
    pub source: String,
    pub revision: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = holidays)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct DayRow {
    pub date: NaiveDate,
    pub year: i32,
    pub kind: String,
    pub name_zh: String,
    pub name_en: Option<String>,
}

impl DayRow {
    pub fn to_entry(&self) -> Result<CalendarEntry, DbError> {
        Ok(CalendarEntry {
            date: self.date,
            kind: DayKind::parse(&self.kind)
                .ok_or_else(|| DbError::Other(format!("holiday {}: bad kind", self.date)))?,
            name: self.name_zh.clone(),
        })
    }
}

/// What identifies the stored calendar's content: the highest revision and the number of
/// years. Any change of a year takes a new revision, so an unchanged stamp means an unchanged
/// calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub revision: i64,
    pub years: i64,
}

pub fn stamp(conn: &mut PgConnection) -> Result<Stamp, DbError> {
    let (revision, years): (Option<i64>, i64) = holiday_years::table
        .select((
            diesel::dsl::max(holiday_years::revision),
            diesel::dsl::count_star(),
        ))
        .first(conn)?;
    Ok(Stamp {
        revision: revision.unwrap_or(0),
        years,
    })
}

/// The whole stored calendar, with its stamp (read in one statement each, inside the caller's
/// transaction when it has one).
pub fn load(conn: &mut PgConnection) -> Result<(Stamp, HolidayCalendar), DbError> {
    let stamp = stamp(conn)?;
    let years: Vec<i32> = holiday_years::table
        .select(holiday_years::year)
        .load(conn)?;
    let days: Vec<DayRow> = holidays::table
        .select(DayRow::as_select())
        .order(holidays::date)
        .load(conn)?;
    let entries = days
        .iter()
        .map(DayRow::to_entry)
        .collect::<Result<Vec<_>, _>>()?;
    let calendar = HolidayCalendar::new(years, entries)
        .map_err(|e| DbError::Other(format!("stored holiday calendar: {e}")))?;
    Ok((stamp, calendar))
}

pub fn years(conn: &mut PgConnection) -> Result<Vec<YearRow>, DbError> {
    Ok(holiday_years::table
        .select(YearRow::as_select())
        .order(holiday_years::year.desc())
        .load(conn)?)
}

/// How many holidays and make-up working days each entered year has.
pub fn counts(conn: &mut PgConnection) -> Result<BTreeMap<(i32, String), i64>, DbError> {
    let rows: Vec<(i32, String, i64)> = holidays::table
        .group_by((holidays::year, holidays::kind))
        .select((holidays::year, holidays::kind, diesel::dsl::count_star()))
        .load(conn)?;
    Ok(rows.into_iter().map(|(y, k, n)| ((y, k), n)).collect())
}

pub fn year(conn: &mut PgConnection, year: i32) -> Result<Option<YearRow>, DbError> {
    Ok(holiday_years::table
        .find(year)
        .select(YearRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn days_of(conn: &mut PgConnection, year: i32) -> Result<Vec<DayRow>, DbError> {
    Ok(holidays::table
        .filter(holidays::year.eq(year))
        .select(DayRow::as_select())
        .order(holidays::date)
        .load(conn)?)
}

/// Serialises changes of the calendar (held to the end of the caller's transaction).
pub fn lock(conn: &mut PgConnection) -> Result<(), DbError> {
    diesel::sql_query("SELECT pg_advisory_xact_lock(hashtext('weiquan.holiday_calendar'))")
        .execute(conn)?;
    Ok(())
}

/// Replaces a year's dates and marks it entered (a new revision), in the caller's transaction.
pub fn replace_year(
    conn: &mut PgConnection,
    year: i32,
    entered_by: Option<i64>,
    source: &str,
    days: &[DayRow],
) -> Result<YearRow, DbError> {
    let row = diesel::insert_into(holiday_years::table)
        .values((
            holiday_years::year.eq(year),
            holiday_years::entered_by.eq(entered_by),
            holiday_years::source.eq(source),
        ))
        .on_conflict(holiday_years::year)
        .do_update()
        .set((
            holiday_years::entered_by.eq(entered_by),
            holiday_years::entered_at.eq(diesel::dsl::now),
            holiday_years::source.eq(source),
            holiday_years::revision.eq(diesel::dsl::sql::<diesel::sql_types::BigInt>(
                "nextval('holiday_revision_seq')",
            )),
        ))
        .returning(YearRow::as_returning())
        .get_result(conn)?;
    diesel::delete(holidays::table.filter(holidays::year.eq(year))).execute(conn)?;
    diesel::insert_into(holidays::table)
        .values(days)
        .execute(conn)?;
    Ok(row)
}

/// The English name of a holiday named in Chinese in the reference file.
fn english_name(zh: &str) -> Option<String> {
    let (base, suffix) = match zh.strip_suffix("调休") {
        Some(base) => (base, " (make-up working day)"),
        None => (zh, ""),
    };
    let en: Vec<&str> = base
        .split('、')
        .map(|part| match part {
            "元旦" => Some("New Year's Day"),
            "春节" => Some("Spring Festival"),
            "清明节" => Some("Qingming Festival"),
            "劳动节" => Some("Labour Day"),
            "端午节" => Some("Dragon Boat Festival"),
            "中秋节" => Some("Mid-Autumn Festival"),
            "国庆节" => Some("National Day"),
            _ => None,
        })
        .collect::<Option<_>>()?;
    Some(format!("{}{suffix}", en.join(" and ")))
}

/// The reference file's rows, by year.
pub fn reference_years() -> Result<BTreeMap<i32, Vec<DayRow>>, DbError> {
    let entries = HolidayCalendar::parse_csv(HOLIDAYS_CSV)
        .map_err(|e| DbError::Other(format!("holidays-cn.csv: {e}")))?;
    let mut by_year: BTreeMap<i32, Vec<DayRow>> = BTreeMap::new();
    for e in entries {
        by_year.entry(e.date.year()).or_default().push(DayRow {
            date: e.date,
            year: e.date.year(),
            kind: e.kind.as_str().to_owned(),
            name_en: english_name(&e.name),
            name_zh: e.name,
        });
    }
    Ok(by_year)
}

/// Loads every year of the reference file that is not entered yet (reference data: run by
/// `weiquan migrate`; a year already present, perhaps corrected by an administrator, is left
/// as it is). Returns the years loaded.
pub fn sync_reference(conn: &mut PgConnection) -> Result<Vec<i32>, DbError> {
    let mut loaded = Vec::new();
    for (year, days) in reference_years()? {
        if self::year(conn, year)?.is_some() {
            continue;
        }
        replace_year(conn, year, None, REFERENCE_SOURCE, &days)?;
        loaded.push(year);
    }
    Ok(loaded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reference_name_has_an_english_name() {
        for days in reference_years().unwrap().values() {
            for day in days {
                assert!(day.name_en.is_some(), "{}", day.name_zh);
            }
        }
        assert_eq!(
            english_name("国庆节、中秋节").as_deref(),
            Some("National Day and Mid-Autumn Festival")
        );
        assert_eq!(
            english_name("春节调休").as_deref(),
            Some("Spring Festival (make-up working day)")
        );
        assert_eq!(english_name("某节"), None);
    }
}
