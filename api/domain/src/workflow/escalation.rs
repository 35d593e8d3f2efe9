//! Overdue orders and their escalation to the upper level's supervision list (督办).
//!
//! An open order whose current due date (the earliest running period, as [`deadlines`]
//! computes it) has passed is overdue from the day after that date (`HolidayCalendar::standing`).
//! It is escalated once per overdue period: the stored marker is the due date it was escalated
//! for, so a new due date (after an action, or a recomputed calendar) that passes again is a
//! new period and escalates again, while the same one never does twice.

use chrono::NaiveDate;

use super::{Order, deadlines};
use crate::access::OrgId;
use crate::calendar::{Clock, HolidayCalendar, Standing};

/// The due date an order is overdue on `today` and not yet escalated for, if any. Concluded
/// and archived orders, orders whose clock is stopped and orders with no period are never
/// escalated.
pub fn escalation_due(
    order: &Order,
    escalated_for: Option<NaiveDate>,
    today: NaiveDate,
    calendar: &HolidayCalendar,
) -> Option<NaiveDate> {
    if !order.state.is_open() {
        return None;
    }
    let due = deadlines(order, calendar)
        .into_iter()
        .find_map(|d| match d.clock {
            Clock::Running { due } => Some(due.date),
            Clock::Stopped { .. } => None,
        })?;
    if escalated_for == Some(due) {
        return None;
    }
    match calendar.standing(due, today) {
        Standing::Overdue { .. } => Some(due),
        Standing::OnTime { .. } => None,
    }
}

/// The unit whose supervision list an escalated order joins: the parent of the holding unit
/// (the national bureau supervises itself).
pub fn supervisor(order: &Order) -> OrgId {
    let path = &order.holder.path.0;
    match path.len() {
        0 | 1 => order.holder.id,
        n => path[n - 2],
    }
}
