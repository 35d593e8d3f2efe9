use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;

use super::*;

/// The reference schedule shipped with the repository (2025 and 2026).
const SCHEDULE: &str = include_str!("../../db/data/holidays-cn.csv");

fn cn() -> HolidayCalendar {
    HolidayCalendar::from_csv(SCHEDULE).unwrap()
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn due(date: &str, provisional: bool) -> Due {
    Due {
        date: d(date),
        provisional,
    }
}

#[test]
fn the_shipped_schedule_covers_2025_and_2026_and_is_consistent() {
    let calendar = cn();
    assert_eq!(calendar.entered_years().collect::<Vec<_>>(), [2025, 2026]);
    // 2025: 28 days off in the notice (国办发明电〔2024〕12号), 5 make-up working days.
    let entries = HolidayCalendar::parse_csv(SCHEDULE).unwrap();
    let count = |year: i32, kind: DayKind| {
        entries
            .iter()
            .filter(|e| e.date.year() == year && e.kind == kind)
            .count()
    };
    assert_eq!(count(2025, DayKind::Work), 5);
    assert_eq!(count(2026, DayKind::Work), 6);
    assert_eq!(count(2025, DayKind::Off), 28);
    assert_eq!(count(2026, DayKind::Off), 33);
}

#[test]
fn days_follow_the_weekday_unless_the_schedule_says_otherwise() {
    let calendar = cn();
    let working = |s: &str| calendar.is_working_day(d(s));
    assert!(working("2026-11-27")); // an ordinary Friday
    assert!(!working("2026-11-28")); // an ordinary Saturday
    assert!(!working("2026-10-01")); // 国庆节, a Thursday
    assert!(working("2026-10-10")); // 国庆节调休, a Saturday
    assert!(working("2026-01-04")); // 元旦调休, a Sunday
    assert!(!working("2026-02-16")); // 春节, a Monday
    assert!(!working("2025-02-01")); // 春节 on a Saturday: off either way
    for s in ["2026-10-01", "2026-10-10", "2025-06-02"] {
        assert!(!calendar.day(d(s)).provisional);
    }
}

#[test]
fn a_year_without_a_schedule_counts_weekdays_and_is_provisional() {
    let calendar = cn();
    // 2027-01-01 will surely be 元旦, but until the notice is entered it is an ordinary Friday.
    assert_eq!(
        calendar.day(d("2027-01-01")),
        DayStatus {
            working: true,
            provisional: true
        }
    );
    assert_eq!(
        calendar.day(d("2024-10-01")),
        DayStatus {
            working: true,
            provisional: true
        }
    );
    assert!(!calendar.is_working_day(d("2027-01-02")));
}

#[test]
fn seven_working_days_across_the_national_day_holiday_and_its_make_up_days() {
    let calendar = cn();
    // Received Fri 2025-09-26. It does not count; Sat 27 off; Sun 28 work (1); Mon 29 (2);
    // Tue 30 (3); 1–8 Oct off; Thu 9 (4); Fri 10 (5); Sat 11 work (6); Sun 12 off; Mon 13 (7).
    assert_eq!(
        calendar.add_working_days(d("2025-09-26"), 7),
        due("2025-10-13", false)
    );
}

#[test]
fn seven_working_days_across_the_spring_festival() {
    let calendar = cn();
    // Thu 2026-02-12: Fri 13 (1); Sat 14 work (2); 15–23 off; Tue 24 … Fri 27 (3–6); Sat 28
    // work (7).
    assert_eq!(
        calendar.add_working_days(d("2026-02-12"), 7),
        due("2026-02-28", false)
    );
}

#[test]
fn the_first_day_never_counts_even_when_received_on_a_holiday() {
    let calendar = cn();
    // Received on 国庆节 2026-10-01: 2–7 off; Thu 8 (1); Fri 9 (2); Sat 10 work (3); Sun 11
    // off; Mon 12 … Thu 15 (4–7).
    assert_eq!(
        calendar.add_working_days(d("2026-10-01"), 7),
        due("2026-10-15", false)
    );
    // Received on a Saturday: the Monday is the first working day.
    assert_eq!(
        calendar.add_working_days(d("2026-11-28"), 1),
        due("2026-11-30", false)
    );
    // Received on a Friday: 1 working day is the Monday, not the Friday itself.
    assert_eq!(
        calendar.add_working_days(d("2026-11-27"), 1),
        due("2026-11-30", false)
    );
    assert_eq!(
        calendar.add_working_days(d("2026-11-27"), 0),
        due("2026-11-27", false)
    );
}

#[test]
fn fifteen_working_days_to_check_a_clue_and_fifteen_more_when_extended() {
    let calendar = cn();
    // Art. 27: Mon 2026-09-14 + 15 working days: 15–18 (4), Sun 20 work (5), 21–24 (9),
    // 25–27 off (中秋), 28–30 (12), 1–7 Oct off, Thu 8 (13), Fri 9 (14), Sat 10 work (15).
    let first = calendar.add_working_days(d("2026-09-14"), 15);
    assert_eq!(first, due("2026-10-10", false));
    // The extension runs from the end of the first period.
    let extended = calendar.add_working_days(first.date, 15);
    assert_eq!(extended, due("2026-10-30", false));
    assert_eq!(calendar.add_working_days(d("2026-09-14"), 30), extended);
}

#[test]
fn a_period_crossing_into_an_unentered_year_is_provisional() {
    let calendar = cn();
    // Mon 2026-12-28: 29, 30, 31 (3); Fri 2027-01-01 counts as a weekday (4); Mon 4 … Wed 6.
    assert_eq!(
        calendar.add_working_days(d("2026-12-28"), 7),
        due("2027-01-06", true)
    );
    // Entering 2027's schedule (元旦 off) recomputes it to a final date.
    let with_2027 = HolidayCalendar::new(
        [2025, 2026, 2027],
        HolidayCalendar::parse_csv(SCHEDULE)
            .unwrap()
            .into_iter()
            .chain([CalendarEntry {
                date: d("2027-01-01"),
                kind: DayKind::Off,
                name: "元旦".into(),
            }]),
    )
    .unwrap();
    assert_eq!(
        with_2027.add_working_days(d("2026-12-28"), 7),
        due("2027-01-07", false)
    );
    // A period that stays inside entered years is final even near the boundary.
    assert_eq!(
        calendar.add_working_days(d("2026-12-28"), 3),
        due("2026-12-31", false)
    );
}

#[test]
fn natural_day_periods_ending_on_a_day_off_move_to_the_next_working_day() {
    let calendar = cn();
    // 60 days of mediation (Art. 23) from Sun 2026-08-02 end on 2026-10-01, 国庆节: the
    // period ends on Thu 8 October, the first working day after the holiday.
    assert_eq!(
        calendar.add_days(d("2026-08-02"), 60),
        due("2026-10-08", false)
    );
    // Ending on an ordinary Sunday moves to the Monday.
    assert_eq!(
        calendar.add_days(d("2026-11-01"), 28),
        due("2026-11-30", false)
    );
    // Ending on a make-up working Saturday stays there.
    assert_eq!(
        calendar.add_days(d("2026-09-10"), 30),
        due("2026-10-10", false)
    );
    // An ordinary working day stays.
    assert_eq!(
        calendar.add_days(d("2026-11-02"), 3),
        due("2026-11-05", false)
    );
}

#[test]
fn a_closed_pause_adds_its_days_and_an_open_one_stops_the_clock() {
    let calendar = cn();
    let start = d("2026-11-02"); // Monday
    let period = Period::WorkingDays(7);
    assert_eq!(calendar.due(start, period), due("2026-11-11", false));
    // Paused from the end of Tue 3 to the end of Fri 6 (testing): 4, 5, 6 do not count.
    let closed = [Pause {
        from: d("2026-11-03"),
        until: Some(d("2026-11-06")),
    }];
    assert_eq!(
        calendar.clock(start, period, &closed),
        Clock::Running {
            due: due("2026-11-16", false)
        }
    );
    // Still paused: one working day (Tue 3) was used, six remain.
    let open = [Pause {
        from: d("2026-11-03"),
        until: None,
    }];
    assert_eq!(
        calendar.clock(start, period, &open),
        Clock::Stopped {
            remaining: Period::WorkingDays(6)
        }
    );
    // A pause that began after the due date changes nothing.
    let late = [Pause {
        from: d("2026-11-20"),
        until: None,
    }];
    assert_eq!(
        calendar.clock(start, period, &late),
        Clock::Running {
            due: due("2026-11-11", false)
        }
    );
    // Natural days: 60 days from 2026-08-02 with a 10-day appraisal in September.
    let appraisal = [Pause {
        from: d("2026-09-01"),
        until: Some(d("2026-09-11")),
    }];
    assert_eq!(
        calendar.clock(d("2026-08-02"), Period::Days(60), &appraisal),
        Clock::Running {
            due: due("2026-10-12", false)
        }
    );
}

#[test]
fn standing_counts_working_days_left_and_late() {
    let calendar = cn();
    let due_date = d("2026-10-15");
    assert_eq!(
        calendar.standing(due_date, d("2026-09-30")),
        Standing::OnTime {
            working_days_left: 7
        }
    );
    assert_eq!(
        calendar.standing(due_date, due_date),
        Standing::OnTime {
            working_days_left: 0
        }
    );
    assert_eq!(
        calendar.standing(due_date, d("2026-10-16")),
        Standing::Overdue {
            working_days_late: 1
        }
    );
    // Late only by days off so far.
    assert_eq!(
        calendar.standing(d("2026-11-27"), d("2026-11-29")),
        Standing::Overdue {
            working_days_late: 0
        }
    );
}

#[test]
fn bad_schedules_are_refused_with_the_reason() {
    let entry = |date: &str, kind, name: &str| CalendarEntry {
        date: d(date),
        kind,
        name: name.into(),
    };
    assert_eq!(
        HolidayCalendar::new([2026], [entry("2026-11-30", DayKind::Work, "调休")]),
        Err(CalendarError::WorkOnWeekday {
            date: d("2026-11-30")
        })
    );
    assert_eq!(
        HolidayCalendar::new(
            [2026],
            [
                entry("2026-10-01", DayKind::Off, "国庆节"),
                entry("2026-10-01", DayKind::Off, "国庆节")
            ]
        ),
        Err(CalendarError::Duplicate {
            date: d("2026-10-01")
        })
    );
    assert_eq!(
        HolidayCalendar::new([2026], [entry("2027-01-01", DayKind::Off, "元旦")]),
        Err(CalendarError::YearNotEntered {
            date: d("2027-01-01"),
            year: 2027
        })
    );
    assert_eq!(
        HolidayCalendar::new([2026], [entry("2026-10-01", DayKind::Off, " ")]),
        Err(CalendarError::MissingName {
            date: d("2026-10-01")
        })
    );
    for (text, line) in [
        ("date,kind\n", 1),
        ("# c\ndate,kind,name\n2026-13-01,off,x\n", 3),
        ("date,kind,name\n2026-10-01,holiday,x\n", 2),
        ("date,kind,name\n2026-10-01\n", 2),
    ] {
        match HolidayCalendar::from_csv(text) {
            Err(CalendarError::Malformed { line: l, .. }) => assert_eq!(l, line, "{text:?}"),
            other => panic!("{text:?}: {other:?}"),
        }
    }
    // An empty schedule is valid: every year provisional.
    let empty = HolidayCalendar::from_csv("date,kind,name\n").unwrap();
    assert!(empty.day(d("2026-10-01")).provisional);
}

#[test]
fn the_end_of_time_does_not_panic() {
    let calendar = cn();
    let last = NaiveDate::MAX;
    assert_eq!(calendar.add_working_days(last, 5).date, last);
    assert_eq!(calendar.add_days(last, 5).date, last);
    assert_eq!(calendar.working_days_between(last, last), 0);
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    // 2024-06-01 .. 2027-06-30: both sides of the entered years.
    (0i64..1125).prop_map(|offset| {
        d("2024-06-01")
            .checked_add_signed(chrono::TimeDelta::days(offset))
            .unwrap()
    })
}

proptest! {
    #[test]
    fn n_working_days_end_on_a_working_day_with_exactly_n_working_days_counted(
        start in any_date(),
        n in 1u32..70,
    ) {
        let calendar = cn();
        let result = calendar.add_working_days(start, n);
        prop_assert!(result.date > start);
        prop_assert!(calendar.is_working_day(result.date));
        prop_assert_eq!(calendar.working_days_between(start, result.date), n);
        // Provisional exactly when a day in (start, due] lies in a year without a schedule.
        let first_counted = start.succ_opt().unwrap();
        let crosses_unentered =
            (first_counted.year()..=result.date.year()).any(|year| !calendar.is_entered(year));
        prop_assert_eq!(result.provisional, crosses_unentered);
        // One more day of period never ends earlier.
        prop_assert!(calendar.add_working_days(start, n + 1).date > result.date);
    }

    #[test]
    fn natural_day_periods_end_on_the_first_working_day_on_or_after_start_plus_n(
        start in any_date(),
        n in 1u32..400,
    ) {
        let calendar = cn();
        let result = calendar.add_days(start, n);
        let plain = start + chrono::TimeDelta::days(i64::from(n));
        prop_assert!(result.date >= plain);
        prop_assert!(calendar.is_working_day(result.date));
        // Every day between the plain end and the result is a day off.
        let mut day = plain;
        while day < result.date {
            prop_assert!(!calendar.is_working_day(day));
            day = day.succ_opt().unwrap();
        }
    }

    #[test]
    fn a_closed_pause_never_brings_a_due_date_forward(
        start in any_date(),
        n in 1u32..40,
        from_offset in 0i64..60,
        length in 0i64..30,
    ) {
        let calendar = cn();
        let from = start + chrono::TimeDelta::days(from_offset);
        let pause = [Pause { from, until: Some(from + chrono::TimeDelta::days(length)) }];
        for period in [Period::WorkingDays(n), Period::Days(n)] {
            let plain = calendar.due(start, period).date;
            let Clock::Running { due } = calendar.clock(start, period, &pause) else {
                return Err(TestCaseError::fail("a closed pause stopped the clock"));
            };
            prop_assert!(due.date >= plain);
        }
    }

    #[test]
    fn standing_is_on_time_exactly_until_the_due_day(due_day in any_date(), today in any_date()) {
        let calendar = cn();
        let standing = calendar.standing(due_day, today);
        prop_assert_eq!(matches!(standing, Standing::OnTime { .. }), today <= due_day);
    }
}

fn entry(date: &str, kind: DayKind, name: &str) -> CalendarEntry {
    CalendarEntry {
        date: d(date),
        kind,
        name: name.to_owned(),
    }
}

#[test]
fn a_year_as_the_notice_gives_it_passes_the_check() {
    // The 2026 lines of the shipped file, as an administrator would enter them.
    let entries: Vec<CalendarEntry> =
        HolidayCalendar::parse_csv(include_str!("../../db/data/holidays-cn.csv"))
            .unwrap()
            .into_iter()
            .filter(|e| e.date.year() == 2026)
            .collect();
    assert!(!entries.is_empty());
    assert_eq!(check_year(2026, &entries), vec![]);
    // A holiday on a weekend (the notices list whole spans) is fine.
    let weekend_holiday = [entry("2027-10-02", DayKind::Off, "国庆节")];
    assert_eq!(check_year(2027, &weekend_holiday), vec![]);
}

#[test]
fn every_problem_of_an_entered_year_is_named_with_its_entry() {
    let long = "节".repeat(NAME_MAX_CHARS + 1);
    let entries = [
        entry("2027-01-01", DayKind::Off, "元旦"),
        entry("2026-12-31", DayKind::Off, "元旦"),
        entry("2027-01-01", DayKind::Off, "元旦"),
        entry("2027-02-01", DayKind::Work, "春节调休"),
        entry("2027-02-06", DayKind::Work, "  "),
        entry("2027-02-07", DayKind::Work, &long),
        entry("2027-02-13", DayKind::Work, "春节调休"),
    ];
    let problems = check_year(2027, &entries);
    assert_eq!(
        problems,
        vec![
            (
                Some(1),
                CalendarError::OutsideYear {
                    date: d("2026-12-31"),
                    year: 2027
                }
            ),
            (
                Some(2),
                CalendarError::Duplicate {
                    date: d("2027-01-01")
                }
            ),
            (
                Some(3),
                CalendarError::WorkOnWeekday {
                    date: d("2027-02-01")
                }
            ),
            (
                Some(4),
                CalendarError::MissingName {
                    date: d("2027-02-06")
                }
            ),
            (
                Some(5),
                CalendarError::NameTooLong {
                    date: d("2027-02-07")
                }
            ),
        ]
    );
}

#[test]
fn a_year_needs_a_holiday_and_must_be_in_range() {
    assert_eq!(
        check_year(2027, &[entry("2027-02-06", DayKind::Work, "春节调休")]),
        vec![(None, CalendarError::NoHoliday { year: 2027 })]
    );
    assert_eq!(
        check_year(2027, &[]),
        vec![(None, CalendarError::NoHoliday { year: 2027 })]
    );
    for year in [1999, 2101] {
        assert_eq!(
            check_year(year, &[]),
            vec![(None, CalendarError::YearOutOfRange { year })]
        );
    }
}

#[test]
fn entering_a_year_turns_its_provisional_due_dates_final() {
    // 2026-12-30 (Wed) + 7 working days, on weekdays alone: Dec 31, Jan 1, 4, 5, 6, 7, 8.
    let before = cn();
    assert_eq!(
        before.add_working_days(d("2026-12-30"), 7),
        due("2027-01-08", true)
    );
    // With 2027 entered and New Year's Day off: Dec 31, Jan 4 .. 8, 11.
    let mut entries =
        HolidayCalendar::parse_csv(include_str!("../../db/data/holidays-cn.csv")).unwrap();
    entries.push(entry("2027-01-01", DayKind::Off, "元旦"));
    let after = HolidayCalendar::new([2025, 2026, 2027], entries).unwrap();
    assert_eq!(
        after.add_working_days(d("2026-12-30"), 7),
        due("2027-01-11", false)
    );
}
