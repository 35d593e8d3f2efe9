//! Applications to join the platform 入驻申请: an ODR enterprise, another government
//! department or an international consumer body fills in a public form; the competent bureau
//! approves (the organisation is created under it and its first administrator invited) or
//! rejects with a reason. The applicant follows every step with a tracking code.
//!
//! This module holds the rules: who may apply, which bureau is competent, the life cycle, the
//! tracking code's shape. Who may review is `access::access(actor,
//! Action::ReviewApplication(competent bureau))`: reviewers and administrators of that bureau
//! or one above it; outside that subtree the application does not exist (404). The first administrator's user name, display name
//! and email follow the invitation rules (`crate::invitation`).

use serde::{Deserialize, Serialize};

use crate::DivisionCode;
use crate::DivisionLevel;
use crate::access::OrgKind;

/// Who can apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApplicantKind {
    /// ODR企业: settles complaints about itself online.
    Enterprise,
    /// 其他政府部门 (e.g. a 12345 hotline).
    Department,
    /// 国际消费维权组织.
    International,
}

impl ApplicantKind {
    pub const ALL: [Self; 3] = [Self::Enterprise, Self::Department, Self::International];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Enterprise => "enterprise",
            Self::Department => "department",
            Self::International => "international",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The kind of organisation an approval creates.
    pub fn org_kind(self) -> OrgKind {
        match self {
            Self::Enterprise => OrgKind::Enterprise,
            Self::Department => OrgKind::Department,
            Self::International => OrgKind::International,
        }
    }
}

/// Where an application is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApplicationStatus {
    /// Waiting for the competent bureau.
    Submitted,
    Approved,
    Rejected,
}

impl ApplicationStatus {
    pub const ALL: [Self; 3] = [Self::Submitted, Self::Approved, Self::Rejected];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Submitted => "submitted",
            Self::Approved => "approved",
            Self::Rejected => "rejected",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn is_decided(self) -> bool {
        !matches!(self, Self::Submitted)
    }
}

/// What a reviewer decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Decision {
    Approve,
    Reject,
}

/// A decision on an application that was already decided (409).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the application was already {}", .0.as_str())]
pub struct AlreadyDecided(pub ApplicationStatus);

/// The life cycle: submitted → approved | rejected, once. A decided application is final: a
/// rejected applicant applies again (a new application, a new tracking code).
pub fn decide(
    status: ApplicationStatus,
    decision: Decision,
) -> Result<ApplicationStatus, AlreadyDecided> {
    match (status, decision) {
        (ApplicationStatus::Submitted, Decision::Approve) => Ok(ApplicationStatus::Approved),
        (ApplicationStatus::Submitted, Decision::Reject) => Ok(ApplicationStatus::Rejected),
        (decided, _) => Err(AlreadyDecided(decided)),
    }
}

/// A step on the applicant's timeline, in the order they usually happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApplicationEvent {
    Submitted,
    Approved,
    Rejected,
    /// The organisation exists in the tree.
    OrganisationCreated,
    /// The first administrator was invited by email.
    InvitationSent,
}

impl ApplicationEvent {
    pub const ALL: [Self; 5] = [
        Self::Submitted,
        Self::Approved,
        Self::Rejected,
        Self::OrganisationCreated,
        Self::InvitationSent,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Submitted => "submitted",
            Self::Approved => "approved",
            Self::Rejected => "rejected",
            Self::OrganisationCreated => "organisation_created",
            Self::InvitationSent => "invitation_sent",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The events a decision writes, in order.
    pub fn of_decision(decision: Decision) -> &'static [Self] {
        match decision {
            Decision::Approve => &[
                Self::Approved,
                Self::OrganisationCreated,
                Self::InvitationSent,
            ],
            Decision::Reject => &[Self::Rejected],
        }
    }
}

/// The level a department or international body asks to be reviewed at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReviewLevel {
    /// 国家市场监督管理总局.
    National,
    /// A provincial bureau, by its province code (`PP0000`).
    Province(DivisionCode),
}

impl ReviewLevel {
    /// `"national"` or a province code.
    pub fn parse(s: &str) -> Option<Self> {
        if s == "national" {
            return Some(Self::National);
        }
        let code = DivisionCode::parse(s).ok()?;
        (code.level() == DivisionLevel::Province).then_some(Self::Province(code))
    }
}

/// What the competent-bureau rule needs to know about an enterprise's registered division,
/// from the reference data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RegisteredDivision {
    pub code: DivisionCode,
    /// Whether county-level units lie below it (false for a county, and for the few
    /// prefecture-level cities without counties, such as 东莞市 441900).
    pub has_children: bool,
}

/// Why no bureau is competent for what was filled in; each names the form field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RoutingError {
    /// An enterprise must give its registered division.
    #[error("registered_division is required")]
    DivisionRequired,
    /// The registered division is not a county-level unit.
    #[error("registered_division must be a county-level division")]
    DivisionNotCounty,
    /// A department or international body must choose national or a province.
    #[error("competent_division is required")]
    LevelRequired,
    /// An enterprise does not choose: its division decides.
    #[error("competent_division is only for departments and international bodies")]
    LevelNotAllowed,
}

impl RoutingError {
    /// The request field the error is about.
    pub fn field(self) -> &'static str {
        match self {
            Self::DivisionRequired | Self::DivisionNotCounty => "registered_division",
            Self::LevelRequired | Self::LevelNotAllowed => "competent_division",
        }
    }
}

/// The division whose bureau is competent (`None`: the national bureau).
///
/// An enterprise goes to the county-level bureau of its registered division, which must be a
/// county-level code, or a prefecture-level city that has no counties (its bureau is the
/// lowest level there). A department or an international body goes to the national bureau
/// or the provincial bureau it chose.
pub fn competent_division(
    kind: ApplicantKind,
    registered: Option<RegisteredDivision>,
    level: Option<ReviewLevel>,
) -> Result<Option<DivisionCode>, RoutingError> {
    match kind {
        ApplicantKind::Enterprise => {
            if level.is_some() {
                return Err(RoutingError::LevelNotAllowed);
            }
            let registered = registered.ok_or(RoutingError::DivisionRequired)?;
            match registered.code.level() {
                DivisionLevel::County => Ok(Some(registered.code)),
                DivisionLevel::City if !registered.has_children => Ok(Some(registered.code)),
                DivisionLevel::City | DivisionLevel::Province => {
                    Err(RoutingError::DivisionNotCounty)
                }
            }
        }
        ApplicantKind::Department | ApplicantKind::International => {
            match level.ok_or(RoutingError::LevelRequired)? {
                ReviewLevel::National => Ok(None),
                ReviewLevel::Province(code) => Ok(Some(code)),
            }
        }
    }
}

/// The alphabet of tracking codes: Crockford's base32 (digits and capital letters without
/// I, L, O, U), so that nothing a person reads can be mistaken for something else.
pub const TRACKING_ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Random characters in a tracking code: 16 × 5 = 80 bits.
pub const TRACKING_CHARS: usize = 16;
const TRACKING_PREFIX: &str = "WQ";

/// A tracking code, `WQ-XXXX-XXXX-XXXX-XXXX`: given to the applicant once, stored only as a
/// hash of its canonical form.
#[derive(Clone, PartialEq, Eq)]
pub struct TrackingCode(String);

impl std::fmt::Debug for TrackingCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TrackingCode(<secret>)")
    }
}

impl TrackingCode {
    /// The code for 16 random values (each taken modulo 32, so random bytes work).
    pub fn from_random(values: [u8; TRACKING_CHARS]) -> Self {
        let chars: Vec<u8> = values
            .iter()
            .map(|v| TRACKING_ALPHABET[usize::from(v % 32)])
            .collect();
        Self::from_chars(&chars)
    }

    fn from_chars(chars: &[u8]) -> Self {
        let mut s = String::from(TRACKING_PREFIX);
        for group in chars.chunks(4) {
            s.push('-');
            s.extend(group.iter().map(|&c| char::from(c)));
        }
        Self(s)
    }

    /// Reads what a person typed: case, spaces and hyphens do not matter, and the letters
    /// Crockford maps (O → 0, I and L → 1) are accepted. `None` for anything that cannot be a
    /// code (answer as for an unknown code).
    pub fn parse(input: &str) -> Option<Self> {
        let mut chars: Vec<u8> = Vec::with_capacity(TRACKING_CHARS + 2);
        for c in input.chars() {
            if c == '-' || c.is_whitespace() {
                continue;
            }
            if !c.is_ascii() || chars.len() >= TRACKING_CHARS + 2 {
                return None;
            }
            chars.push(match c.to_ascii_uppercase() as u8 {
                b'O' => b'0',
                b'I' | b'L' => b'1',
                other => other,
            });
        }
        // The prefix "WQ" has no O, I or L, so mapping before stripping it is safe.
        let body = chars.strip_prefix(TRACKING_PREFIX.as_bytes())?;
        if body.len() != TRACKING_CHARS || !body.iter().all(|c| TRACKING_ALPHABET.contains(c)) {
            return None;
        }
        Some(Self::from_chars(body))
    }

    /// The canonical form. Secret: show it to the applicant, never log or store it.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The longest rejection reason.
pub const REASON_MAX_CHARS: usize = 500;

#[cfg(test)]
#[path = "application_tests.rs"]
mod tests;
