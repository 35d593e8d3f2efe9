//! The periods that run on an order, by the rule set it is judged by.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{AppealKind, Order, RuleSet, State};
use crate::calendar::{Clock, HolidayCalendar, Period};

/// The rules in force on the day an order was received.
pub fn rules_for(received_on: NaiveDate) -> RuleSet {
    match NaiveDate::from_ymd_opt(2026, 4, 15) {
        Some(in_force) if received_on >= in_force => RuleSet::Order121,
        _ => RuleSet::Interim2019,
    }
}

impl RuleSet {
    /// To decide whether to accept a complaint (Art. 15): 7 working days under both.
    pub fn acceptance(self) -> Period {
        Period::WorkingDays(7)
    }

    /// To reach a mediation agreement after acceptance (Art. 23(5)): 60 days now; 45 working
    /// days under the 2019 measures.
    pub fn mediation(self) -> Period {
        match self {
            Self::Order121 => Period::Days(60),
            Self::Interim2019 => Period::WorkingDays(45),
        }
    }

    /// To check a violation clue or a report (Art. 27; 行政处罚程序规定 Art. 18), and the one
    /// extension a leader may approve.
    pub fn check(self) -> (Period, Period) {
        (Period::WorkingDays(15), Period::WorkingDays(15))
    }

    /// An ODR enterprise's time to settle before the complaint returns to the bureau.
    pub fn enterprise_settlement(self) -> Period {
        Period::WorkingDays(10)
    }
}

/// Which period a deadline is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    /// Decide whether to accept a complaint.
    Acceptance,
    /// The enterprise's self-settlement.
    EnterpriseSettlement,
    /// The mediation period since acceptance.
    Mediation,
    /// A report's check.
    ReportCheck,
    /// A complaint's violation clue check.
    ClueCheck,
}

/// One running period on an order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    pub kind: DeadlineKind,
    pub clock: Clock,
}

fn extended(calendar: &HolidayCalendar, start: NaiveDate, rules: RuleSet, ext: bool) -> Clock {
    let (base, extension) = rules.check();
    let (Period::WorkingDays(b), Period::WorkingDays(e)) = (base, extension) else {
        return calendar.clock(start, base, &[]);
    };
    let days = if ext { b + e } else { b };
    calendar.clock(start, Period::WorkingDays(days), &[])
}

/// The periods running on `order` now, earliest first among running ones. Suggestions and
/// consultations carry none (Art. 44: consultations are outside the regulation).
pub fn deadlines(order: &Order, calendar: &HolidayCalendar) -> Vec<Deadline> {
    let rules = order.rules;
    let mut out = Vec::new();
    match order.state {
        State::Received if order.kind == AppealKind::Complaint => out.push(Deadline {
            kind: DeadlineKind::Acceptance,
            clock: calendar.clock(order.clock_start, rules.acceptance(), &[]),
        }),
        // A report's check runs from receipt (or from the last report adding new facts).
        State::Received if order.kind == AppealKind::Report => out.push(Deadline {
            kind: DeadlineKind::ReportCheck,
            clock: extended(calendar, order.clock_start, rules, false),
        }),
        State::WithEnterprise { since } => out.push(Deadline {
            kind: DeadlineKind::EnterpriseSettlement,
            clock: calendar.clock(since, rules.enterprise_settlement(), &[]),
        }),
        State::Accepted | State::Mediating => {
            if let Some(accepted) = order.accepted_on {
                out.push(Deadline {
                    kind: DeadlineKind::Mediation,
                    clock: calendar.clock(accepted, rules.mediation(), &order.pauses),
                });
            }
        }
        State::Checking { extended: ext } => out.push(Deadline {
            kind: DeadlineKind::ReportCheck,
            clock: extended(calendar, order.clock_start, rules, ext),
        }),
        _ => {}
    }
    if let Some(clue) = order.clue
        && clue.decision.is_none()
        && !matches!(order.state, State::Archived(_))
    {
        out.push(Deadline {
            kind: DeadlineKind::ClueCheck,
            clock: extended(calendar, clue.found_on, rules, clue.extended),
        });
    }
    out.sort_by_key(|d| match d.clock {
        Clock::Running { due } => (0, Some(due.date)),
        Clock::Stopped { .. } => (1, None),
    });
    out
}
