//! The work order's life cycle under SAMR Order No. 121 (and the 2019 interim measures for
//! orders received before 2026-04-15): which actions exist, who may take each in which state,
//! what each does to the order, and which deadlines run.
//!
//! The machine is a pure function: [`apply`] takes an [`Order`] as stored, who acts, the
//! command and the day (with the holiday calendar), and returns the order as it must be stored
//! next, or why not. [`available`] lists what a caller may do now, so the API exposes exactly
//! that and the admin console shows exactly those buttons. The service layer persists the new
//! order and one event per applied command, in one transaction, with optimistic concurrency.
//!
//! The main track of an order is its [`State`]. Two things run beside it: who holds the order
//! (unit, handler, a transfer's sender, a pending referral up) and, for a complaint, the check
//! of a violation clue found while handling it (Art. 27, complaint-to-case).

mod deadlines;
mod escalation;
mod machine;
mod odr;
mod reasons;
mod visibility;

pub use deadlines::{Deadline, DeadlineKind, deadlines, rules_for};
pub use escalation::{escalation_due, supervisor};
pub use machine::{By, Command, CommandKind, Context, Refusal, apply, available, permits};
pub use odr::{Outcome, outcome_of, settlement_rate};
pub use reasons::{NotAcceptedGround, OTHER_ROUTES_EN, OTHER_ROUTES_ZH, TerminationReason};
pub use visibility::{View, lacks_write_scope, view};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::access::{OrgId, OrgPath, OrgRef, UserId};
use crate::calendar::Pause;

/// The four kinds of appeal 诉求.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AppealKind {
    /// 投诉: the consumer's own dispute with a business.
    Complaint,
    /// 举报: a suspected violation; may be anonymous.
    Report,
    /// 意见建议.
    Suggestion,
    /// 咨询.
    Consultation,
}

impl AppealKind {
    pub const ALL: [Self; 4] = [
        Self::Complaint,
        Self::Report,
        Self::Suggestion,
        Self::Consultation,
    ];
}

/// The rules an order is judged by: those in force on the day it was received.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleSet {
    /// 《市场监督管理投诉举报处理暂行办法》(SAMR Order No. 20, 2019).
    Interim2019,
    /// 《市场监督管理投诉举报处理办法》(SAMR Order No. 121, in force 2026-04-15).
    Order121,
}

/// The outcome of a clue check or a report check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseDecision {
    /// 立案: handed to the case system.
    CaseOpened,
    /// 不予立案.
    NoCase,
}

/// How an order ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Conclusion {
    /// 不予受理, on one of the closed grounds of Art. 16 (Art. 34 for reports).
    NotAccepted { ground: NotAcceptedGround },
    /// 调解成功 / 企业和解: what the consumer recovered, in fen (1/100 yuan).
    Settled {
        recovered_fen: i64,
        by_enterprise: bool,
    },
    /// 终止调解 for a reason of Art. 23.
    Terminated { reason: TerminationReason },
    /// 撤回 by the consumer.
    Withdrawn,
    /// A report checked: a case opened or not.
    Checked { decision: CaseDecision },
    /// A consultation or suggestion answered.
    Answered,
    /// A repeat report of the same facts by the same reporter: not handled again (Art. 35).
    Duplicate,
}

/// Where an order is on its main track.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum State {
    /// 登记: with a unit, awaiting the decision to accept (complaints, reports) or the answer
    /// (suggestions, consultations).
    Received,
    /// ODR: with the enterprise for self-settlement (10 working days).
    WithEnterprise { since: NaiveDate },
    /// 受理: a complaint accepted, mediation not begun (consent pending).
    Accepted,
    /// 调解: both parties consented; by the holding unit or a delegated association.
    Mediating,
    /// A report under check 核查 (15 working days, once extendable by 15).
    Checking { extended: bool },
    /// Decided, awaiting the leader's review.
    Concluded(Conclusion),
    /// Reviewed and archived 归档.
    Archived(Conclusion),
}

impl State {
    /// Every state's name, along the main track.
    pub const NAMES: [&'static str; 7] = [
        "received",
        "with_enterprise",
        "accepted",
        "mediating",
        "checking",
        "concluded",
        "archived",
    ];

    /// The names of the states an order is still open in ([`State::is_open`]): what inbox
    /// counts and the supervision list read (closed orders grow without bound; open ones do
    /// not).
    pub const OPEN_NAMES: [&'static str; 5] = [
        "received",
        "with_enterprise",
        "accepted",
        "mediating",
        "checking",
    ];

    pub fn name(&self) -> &'static str {
        match self {
            Self::Received => "received",
            Self::WithEnterprise { .. } => "with_enterprise",
            Self::Accepted => "accepted",
            Self::Mediating => "mediating",
            Self::Checking { .. } => "checking",
            Self::Concluded(_) => "concluded",
            Self::Archived(_) => "archived",
        }
    }

    pub fn is_open(&self) -> bool {
        !matches!(self, Self::Concluded(_) | Self::Archived(_))
    }

    pub fn conclusion(&self) -> Option<Conclusion> {
        match self {
            Self::Concluded(c) | Self::Archived(c) => Some(*c),
            _ => None,
        }
    }
}

/// The parties' consent to mediation (Art. 18) or to its delegation (Art. 19).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consent {
    pub consumer: Option<bool>,
    pub business: Option<bool>,
}

impl Consent {
    pub fn both(&self) -> bool {
        self.consumer == Some(true) && self.business == Some(true)
    }
}

/// The check of a violation clue found while handling a complaint (Art. 27).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clue {
    pub found_on: NaiveDate,
    pub extended: bool,
    pub decision: Option<CaseDecision>,
}

/// A party to the dispute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Party {
    Consumer,
    Business,
}

/// What an ODR enterprise offers the consumer 和解方案.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Remedy {
    /// 退款.
    Refund,
    /// 换货.
    Replacement,
    /// 维修.
    Repair,
    /// 赔偿.
    Compensation,
    /// 其他.
    Other,
}

impl Remedy {
    pub const ALL: [Self; 5] = [
        Self::Refund,
        Self::Replacement,
        Self::Repair,
        Self::Compensation,
        Self::Other,
    ];

    /// A refund or a compensation is money: its amount must be stated.
    pub fn needs_amount(self) -> bool {
        matches!(self, Self::Refund | Self::Compensation)
    }
}

/// The enterprise's settlement proposal that the consumer has not answered yet (the terms in
/// words are the service's; the rules need only what the consumer would recover).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposal {
    pub remedy: Remedy,
    /// In fen (1/100 yuan); `None` for a remedy that is not money.
    pub amount_fen: Option<i64>,
}

/// A work order as the rules see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Order {
    pub kind: AppealKind,
    pub rules: RuleSet,
    pub state: State,
    /// The day the platform received the appeal.
    pub received_on: NaiveDate,
    /// The day the current unit's clock started: receipt, or the day it was transferred,
    /// returned, or sent back from the enterprise; a report's restart after new facts.
    pub clock_start: NaiveDate,
    /// The consumer who filed it; `None` for an anonymous report.
    pub consumer: Option<UserId>,
    /// The unit handling it now (a bureau, its intake desk, or a station).
    pub holder: OrgRef,
    pub handler: Option<UserId>,
    /// The unit that transferred it here, to which it may be returned (Art. 41).
    pub sender: Option<OrgRef>,
    /// Referred up (报请上级) and awaiting that unit's decision (Art. 13).
    pub referral: Option<OrgRef>,
    /// The business as an organisation on the platform, when it is one.
    pub business: Option<OrgId>,
    /// Whether that business is an approved ODR enterprise.
    pub business_odr: bool,
    /// That business's place in the organisation tree: the bureaus above it supervise its
    /// ODR orders (`None` when it is not an organisation, or not loaded).
    pub business_path: Option<OrgPath>,
    /// The enterprise's pending settlement proposal (only while with the enterprise).
    pub proposal: Option<Proposal>,
    /// The association to which mediation was delegated (Art. 19).
    pub mediator: Option<OrgRef>,
    pub consent: Consent,
    pub accepted_on: Option<NaiveDate>,
    /// Testing and appraisal pauses of the mediation period (Art. 22).
    pub pauses: Vec<Pause>,
    pub clue: Option<Clue>,
    /// The consumer's satisfaction rating, 1 to 5.
    pub rating: Option<u8>,
}

impl Order {
    /// A new order as intake creates it: received by `holder`, or sent first to the ODR
    /// enterprise when the consumer chose that and the business is an approved one.
    pub fn received(
        kind: AppealKind,
        on: NaiveDate,
        consumer: Option<UserId>,
        holder: OrgRef,
        business: Option<(OrgId, bool)>,
        enterprise_first: bool,
    ) -> Self {
        let business_odr = business.is_some_and(|(_, odr)| odr);
        let state = if kind == AppealKind::Complaint && enterprise_first && business_odr {
            State::WithEnterprise { since: on }
        } else {
            State::Received
        };
        Self {
            kind,
            rules: rules_for(on),
            state,
            received_on: on,
            clock_start: on,
            consumer,
            holder,
            handler: None,
            sender: None,
            referral: None,
            business: business.map(|(id, _)| id),
            business_odr,
            business_path: None,
            proposal: None,
            mediator: None,
            consent: Consent::default(),
            accepted_on: None,
            pauses: Vec::new(),
            clue: None,
            rating: None,
        }
    }
}

#[cfg(test)]
mod tests;
