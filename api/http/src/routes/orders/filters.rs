//! The inbox filters, shared by the inbox page and its counts: query parameters in, a
//! [`InboxFilter`] out, every bad parameter a field error.

use chrono::{Days, NaiveDate};
use serde::Deserialize;
use utoipa::IntoParams;
use weiquan_db::orders::InboxFilter;
use weiquan_domain::access::Actor;
use weiquan_domain::workflow::{AppealKind, State};

use crate::error::{ApiError, FieldError};

/// Filters of a subtree's orders; all combine (AND).
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FilterQuery {
    /// `complaint`, `report`, `suggestion` or `consultation`.
    #[param(pattern = "^(complaint|report|suggestion|consultation)$")]
    pub kind: Option<String>,
    /// A category code; a parent category's code also matches its children (prefix match).
    #[param(min_length = 1, max_length = 100, pattern = r"\S")]
    pub category: Option<String>,
    /// `true`: only orders past their due date.
    pub overdue: Option<bool>,
    /// Only orders due today or within this many **calendar** days (0 to 366), not yet
    /// overdue.
    #[param(minimum = 0, maximum = 366)]
    pub due_within: Option<u32>,
    /// `me`: only orders whose handler is the caller.
    #[param(pattern = "^me$")]
    pub assigned: Option<String>,
    /// Received on or after this day (`YYYY-MM-DD`).
    #[param(format = Date)]
    pub received_from: Option<String>,
    /// Received on or before this day (`YYYY-MM-DD`).
    #[param(format = Date)]
    pub received_to: Option<String>,
    /// An order number or its beginning (`WQ2026...`); otherwise text found in the business
    /// name or the facts (any language; 3 or more characters use the search index, 1-2
    /// characters are matched on the other filters' rows). At most 100 characters.
    #[param(max_length = 100)]
    pub q: Option<String>,
}

fn invalid(field: &str, en: &str, zh: &str) -> FieldError {
    FieldError::new(field, "invalid", en, zh)
}

fn date(errors: &mut Vec<FieldError>, field: &str, value: Option<&String>) -> Option<NaiveDate> {
    let value = value?.trim();
    match NaiveDate::parse_from_str(value, "%Y-%m-%d") {
        Ok(d) => Some(d),
        Err(_) => {
            errors.push(invalid(
                field,
                "Give a date as YYYY-MM-DD.",
                "请按 YYYY-MM-DD 格式填写日期。",
            ));
            None
        }
    }
}

/// Whether `q` is (the beginning of) an order number rather than text.
fn is_number(q: &str) -> bool {
    let upper = q.to_uppercase();
    upper
        .strip_prefix("WQ")
        .is_some_and(|rest| rest.chars().all(|c| c.is_ascii_digit()))
}

/// The states named in `state` (comma-separated); none means every state.
pub fn states(errors: &mut Vec<FieldError>, state: Option<&String>) -> Vec<String> {
    let Some(state) = state else {
        return Vec::new();
    };
    let names: Vec<String> = state
        .split(',')
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect();
    if names.iter().any(|s| !State::NAMES.contains(&s.as_str())) {
        errors.push(invalid("state", "Unknown state.", "未知的工单状态。"));
    }
    names
}

impl FilterQuery {
    /// The filter for `actor` on `today`, or the field errors (path and states are the
    /// caller's to fill).
    pub fn to_filter(
        &self,
        actor: &Actor,
        today: NaiveDate,
        errors: &mut Vec<FieldError>,
    ) -> InboxFilter {
        let mut f = InboxFilter::default();
        if let Some(kind) = &self.kind {
            if AppealKind::ALL
                .iter()
                .any(|k| weiquan_db::orders::name_of(k).is_ok_and(|n| &n == kind))
            {
                f.kind = Some(kind.clone());
            } else {
                errors.push(invalid("kind", "Unknown kind.", "未知的诉求类型。"));
            }
        }
        if let Some(category) = &self.category {
            let category = category.trim();
            if category.is_empty() || category.chars().count() > 100 {
                errors.push(invalid(
                    "category",
                    "Give a category code of at most 100 characters.",
                    "请填写不超过 100 个字符的分类代码。",
                ));
            } else {
                f.category = Some(category.to_owned());
            }
        }
        if self.overdue == Some(true) {
            f.overdue_on = Some(today);
        }
        if let Some(days) = self.due_within {
            match today.checked_add_days(Days::new(u64::from(days))) {
                Some(until) if days <= 366 => f.due_between = Some((today, until)),
                _ => errors.push(FieldError::new(
                    "due_within",
                    "range",
                    "Give 0 to 366 days.",
                    "请填写 0 到 366 天。",
                )),
            }
        }
        match self.assigned.as_deref() {
            None => {}
            Some("me") => f.handler = Some(actor.user().map_or(0, |u| u.0)),
            Some(_) => errors.push(invalid(
                "assigned",
                "The only value is `me`.",
                "仅支持 me。",
            )),
        }
        f.received_from = date(errors, "received_from", self.received_from.as_ref());
        f.received_to = date(errors, "received_to", self.received_to.as_ref());
        if let (Some(from), Some(to)) = (f.received_from, f.received_to)
            && from > to
        {
            errors.push(invalid(
                "received_to",
                "The end is before the start.",
                "结束日期早于开始日期。",
            ));
        }
        if let Some(q) = self.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
            if q.chars().count() > 100 {
                errors.push(FieldError::new(
                    "q",
                    "length",
                    "Use at most 100 characters.",
                    "最多 100 个字符。",
                ));
            } else if is_number(q) {
                f.number_prefix = Some(q.to_uppercase());
            } else {
                f.text = Some(q.to_owned());
            }
        }
        f
    }
}

/// A 422 for the collected errors, if any.
pub fn check(errors: Vec<FieldError>) -> Result<(), ApiError> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::validation(errors))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_numbers_are_told_from_text() {
        for q in ["WQ", "wq2026", "WQ20261129000123"] {
            assert!(is_number(q), "{q}");
        }
        for q in ["空调不制冷", "WQ某公司", "2026", "wqx"] {
            assert!(!is_number(q), "{q}");
        }
    }
}
