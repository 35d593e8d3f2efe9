//! Administrative divisions (GB/T 2260): public reference data for pickers and display.

pub mod get;
pub mod list;
pub mod lookup;

use serde::Serialize;
use utoipa::ToSchema;
use weiquan_domain::{DivisionCode, DivisionCodeError};

use crate::error::{ApiError, FieldError};

#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DivisionLevel {
    Province,
    City,
    County,
}

impl From<weiquan_domain::DivisionLevel> for DivisionLevel {
    fn from(level: weiquan_domain::DivisionLevel) -> Self {
        match level {
            weiquan_domain::DivisionLevel::Province => Self::Province,
            weiquan_domain::DivisionLevel::City => Self::City,
            weiquan_domain::DivisionLevel::County => Self::County,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Division {
    /// Six-digit GB/T 2260 code.
    #[schema(example = "440305", pattern = "^(1[1-9]|[2-7][0-9]|8[0-2])[0-9]{4}$")]
    pub code: String,
    #[schema(example = "南山区")]
    pub name: String,
    pub level: DivisionLevel,
    /// The parent unit; null for a province. A county may hang directly under its province
    /// (municipalities, directly administered county-level units).
    #[schema(example = "440300")]
    pub parent_code: Option<String>,
    /// Whether the unit has children (a picker stops where this is false).
    pub has_children: bool,
}

impl From<weiquan_db::divisions::Division> for Division {
    fn from(d: weiquan_db::divisions::Division) -> Self {
        Self {
            code: d.code.to_string(),
            name: d.name,
            level: d.level.into(),
            parent_code: d.parent_code.map(|c| c.to_string()),
            has_children: d.has_children,
        }
    }
}

/// Parses a division code from request input, naming `field` when it is malformed.
pub fn parse_code(field: &str, raw: &str) -> Result<DivisionCode, FieldError> {
    DivisionCode::parse(raw).map_err(|e| {
        let (en, zh) = match e {
            DivisionCodeError::Length => (
                "A division code has exactly 6 digits.",
                "行政区划代码应为 6 位数字。",
            ),
            DivisionCodeError::NotDigits => (
                "A division code contains only the digits 0-9.",
                "行政区划代码只能包含数字。",
            ),
            DivisionCodeError::Province | DivisionCodeError::UnknownLevel => (
                "The first two digits are not a province code.",
                "行政区划代码的前两位不是有效的省级代码。",
            ),
        };
        FieldError::new(field, "division_code", en, zh)
    })
}

/// `parse_code` for a single parameter: a 422 problem on failure.
pub fn parse_param(field: &str, raw: &str) -> Result<DivisionCode, ApiError> {
    parse_code(field, raw).map_err(|e| ApiError::validation(vec![e]))
}

pub fn division_not_found() -> ApiError {
    ApiError::not_found("The division", "该行政区划")
}
