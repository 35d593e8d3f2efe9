//! Who may do what to an order, in which state, and what it does.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{
    AppealKind, CaseDecision, Clue, Conclusion, NotAcceptedGround, Order, Party, Proposal, Remedy,
    State, TerminationReason, deadlines,
};
use crate::access::{Actor, BureauLevel, ClientScope, OrgKind, OrgPath, OrgRef, Role, UserId};
use crate::calendar::{Clock, HolidayCalendar, Pause};

/// Who takes an action: a caller, or the platform's scheduler (deadline expiry).
#[derive(Debug, Clone, Copy)]
pub enum By<'a> {
    Actor(&'a Actor),
    Scheduler,
}

/// The day of the action and the holiday schedule the periods are counted on.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub today: NaiveDate,
    pub calendar: &'a HolidayCalendar,
}

/// An action on an order, with what it needs. Free-text reasons and notes go into the event
/// the service writes; the rules here need only what they decide on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Command {
    /// 受理: a complaint is accepted; a report goes to its check.
    Accept,
    /// 不予受理 on a ground of Art. 16 (a report: only for want of jurisdiction, Art. 34).
    NotAccept { ground: NotAcceptedGround },
    /// A county bureau assigns the order to one of its stations (Art. 30).
    AssignStation { station: OrgRef },
    /// Name the handler 承办人 within the holding unit.
    AssignHandler {
        handler: UserId,
        handler_org: crate::access::OrgId,
    },
    /// 移送: to the unit with jurisdiction, before acceptance. A unit that was sent an order
    /// may not pass it on (Art. 41).
    Transfer { to: OrgRef },
    /// Give an order back to the unit that sent or assigned it (Art. 41).
    ReturnToSender,
    /// 报请上级: ask the bureau directly above to decide (Art. 13).
    ReferUp { to: OrgRef },
    /// An upper level takes the order over (Art. 13), with or without a referral.
    TakeOver,
    /// The upper level declines a referral; the order stays where it is.
    DeclineReferral,
    /// Send a complaint to the approved ODR enterprise it concerns for self-settlement.
    DispatchToEnterprise,
    /// The enterprise proposes a settlement (a new one replaces a pending one).
    ProposeSettlement {
        remedy: Remedy,
        amount_fen: Option<i64>,
    },
    /// The consumer accepts the enterprise's pending proposal: settled by the enterprise, the
    /// consumer recovering the proposal's amount (0 for a remedy that is not money).
    AcceptEnterpriseSettlement,
    /// The consumer rejects the pending proposal (with a reason, on the event): the complaint
    /// goes to the bureau's ordinary procedure, its clock starting again.
    RejectSettlement,
    /// Back from the enterprise to the bureau's ordinary procedure: the consumer rejected the
    /// settlement, the bureau pulled it back, or the period ran out (the scheduler).
    ReturnFromEnterprise,
    /// A party's consent or refusal of mediation (Art. 18, 19).
    RecordConsent { party: Party, consents: bool },
    /// Delegate mediation to a consumer association of the area (Art. 19).
    Delegate { association: OrgRef },
    /// Testing or appraisal begins: the mediation clock stops (Art. 22).
    PauseForTesting,
    /// Testing or appraisal is over: the clock runs again.
    ResumeAfterTesting,
    /// A mediation agreement: what the consumer recovered, in fen.
    Settle { recovered_fen: i64 },
    /// 终止调解 for a reason of Art. 23.
    Terminate { reason: TerminationReason },
    /// A violation clue found while handling a complaint: the check begins (Art. 27).
    FlagClue,
    /// The leader extends the clue check once by 15 working days.
    ExtendClueCheck,
    /// The clue check's result: a case opened (诉转案) or not.
    DecideClue { decision: CaseDecision },
    /// The leader extends a report's check once by 15 working days.
    ExtendCheck,
    /// A report's check ends: a case opened or not.
    DecideReport { decision: CaseDecision },
    /// The same reporter adds new facts: merged, and the check period starts again (Art. 35).
    MergeNewFacts,
    /// A consultation or suggestion answered.
    Answer,
    /// 撤回 by the consumer.
    Withdraw,
    /// The leader reviews the concluded order and archives it.
    Archive,
    /// The consumer's satisfaction rating, 1 to 5, once.
    Rate { score: u8 },
}

/// The kinds of [`Command`], without their data: what [`available`] lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommandKind {
    Accept,
    NotAccept,
    AssignStation,
    AssignHandler,
    Transfer,
    ReturnToSender,
    ReferUp,
    TakeOver,
    DeclineReferral,
    DispatchToEnterprise,
    ProposeSettlement,
    AcceptEnterpriseSettlement,
    RejectSettlement,
    ReturnFromEnterprise,
    RecordConsent,
    Delegate,
    PauseForTesting,
    ResumeAfterTesting,
    Settle,
    Terminate,
    FlagClue,
    ExtendClueCheck,
    DecideClue,
    ExtendCheck,
    DecideReport,
    MergeNewFacts,
    Answer,
    Withdraw,
    Archive,
    Rate,
}

impl CommandKind {
    pub const ALL: [Self; 30] = [
        Self::Accept,
        Self::NotAccept,
        Self::AssignStation,
        Self::AssignHandler,
        Self::Transfer,
        Self::ReturnToSender,
        Self::ReferUp,
        Self::TakeOver,
        Self::DeclineReferral,
        Self::DispatchToEnterprise,
        Self::ProposeSettlement,
        Self::AcceptEnterpriseSettlement,
        Self::RejectSettlement,
        Self::ReturnFromEnterprise,
        Self::RecordConsent,
        Self::Delegate,
        Self::PauseForTesting,
        Self::ResumeAfterTesting,
        Self::Settle,
        Self::Terminate,
        Self::FlagClue,
        Self::ExtendClueCheck,
        Self::DecideClue,
        Self::ExtendCheck,
        Self::DecideReport,
        Self::MergeNewFacts,
        Self::Answer,
        Self::Withdraw,
        Self::Archive,
        Self::Rate,
    ];
}

impl Command {
    pub fn kind(&self) -> CommandKind {
        match self {
            Self::Accept => CommandKind::Accept,
            Self::NotAccept { .. } => CommandKind::NotAccept,
            Self::AssignStation { .. } => CommandKind::AssignStation,
            Self::AssignHandler { .. } => CommandKind::AssignHandler,
            Self::Transfer { .. } => CommandKind::Transfer,
            Self::ReturnToSender => CommandKind::ReturnToSender,
            Self::ReferUp { .. } => CommandKind::ReferUp,
            Self::TakeOver => CommandKind::TakeOver,
            Self::DeclineReferral => CommandKind::DeclineReferral,
            Self::DispatchToEnterprise => CommandKind::DispatchToEnterprise,
            Self::ProposeSettlement { .. } => CommandKind::ProposeSettlement,
            Self::AcceptEnterpriseSettlement => CommandKind::AcceptEnterpriseSettlement,
            Self::RejectSettlement => CommandKind::RejectSettlement,
            Self::ReturnFromEnterprise => CommandKind::ReturnFromEnterprise,
            Self::RecordConsent { .. } => CommandKind::RecordConsent,
            Self::Delegate { .. } => CommandKind::Delegate,
            Self::PauseForTesting => CommandKind::PauseForTesting,
            Self::ResumeAfterTesting => CommandKind::ResumeAfterTesting,
            Self::Settle { .. } => CommandKind::Settle,
            Self::Terminate { .. } => CommandKind::Terminate,
            Self::FlagClue => CommandKind::FlagClue,
            Self::ExtendClueCheck => CommandKind::ExtendClueCheck,
            Self::DecideClue { .. } => CommandKind::DecideClue,
            Self::ExtendCheck => CommandKind::ExtendCheck,
            Self::DecideReport { .. } => CommandKind::DecideReport,
            Self::MergeNewFacts => CommandKind::MergeNewFacts,
            Self::Answer => CommandKind::Answer,
            Self::Withdraw => CommandKind::Withdraw,
            Self::Archive => CommandKind::Archive,
            Self::Rate { .. } => CommandKind::Rate,
        }
    }
}

/// Why an action is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(tag = "refusal", rename_all = "snake_case")]
pub enum Refusal {
    /// This caller may not take this action on this order (whatever its state).
    #[error("not allowed")]
    NotAllowed,
    /// Not in the order's present state (HTTP 409).
    #[error("not allowed in the order's present state")]
    WrongState,
    /// The action's data breaks a rule (HTTP 422 naming the field).
    #[error("{field}: {reason}")]
    Invalid {
        field: &'static str,
        reason: &'static str,
    },
}

/// The roles `by` holds as a member of `org`, if it is one and has passed the second factor
/// where one is required.
fn roles_in<'a>(by: By<'a>, org: &OrgRef) -> Option<&'a [Role]> {
    match by {
        By::Actor(Actor::Member {
            org: own,
            roles,
            second_factor,
            ..
        }) if own.id == org.id => {
            if crate::access::second_factor_required(own.kind, roles) && !second_factor {
                None
            } else {
                Some(roles.as_slice())
            }
        }
        _ => None,
    }
}

fn works_on(roles: Option<&[Role]>) -> bool {
    roles.is_some_and(|r| r.contains(&Role::Handler) || r.contains(&Role::Reviewer))
}

fn leads(roles: Option<&[Role]>) -> bool {
    roles.is_some_and(|r| r.contains(&Role::Reviewer))
}

fn parent_path(path: &OrgPath) -> Option<OrgPath> {
    let (_, parent) = path.0.split_last()?;
    (!parent.is_empty()).then(|| OrgPath(parent.to_vec()))
}

fn is_owner(order: &Order, by: By<'_>) -> bool {
    matches!((by, order.consumer), (By::Actor(Actor::Consumer { user }), Some(owner)) if *user == owner)
}

/// A reviewer of a bureau strictly above the holding unit (second factor passed where due).
fn upper_leader(order: &Order, by: By<'_>) -> bool {
    let By::Actor(Actor::Member { org, .. }) = by else {
        return false;
    };
    matches!(org.kind, OrgKind::Bureau(_))
        && org.id != order.holder.id
        && order.holder.is_within(org)
        && leads(roles_in(by, org))
}

/// A handler or reviewer of the ODR enterprise the order is about, or its API client with
/// `orders:write` (a client acts as a member would).
fn enterprise_member(order: &Order, by: By<'_>) -> bool {
    match (by, order.business) {
        (By::Actor(Actor::Member { org, .. }), Some(business)) => {
            org.id == business && org.kind == OrgKind::Enterprise && works_on(roles_in(by, org))
        }
        (By::Actor(Actor::Client { org, scopes, .. }), Some(business)) => {
            org.id == business
                && org.kind == OrgKind::Enterprise
                && scopes.contains(&ClientScope::OrdersWrite)
        }
        _ => false,
    }
}

/// The unit whose staff mediate: the delegated association, else the holder.
fn mediates(order: &Order, by: By<'_>) -> bool {
    works_on(roles_in(
        by,
        order.mediator.as_ref().unwrap_or(&order.holder),
    ))
}

fn mediation_overdue(order: &Order, ctx: &Context<'_>) -> bool {
    let Some(accepted) = order.accepted_on else {
        return false;
    };
    match ctx
        .calendar
        .clock(accepted, order.rules.mediation(), &order.pauses)
    {
        Clock::Running { due } => ctx.today > due.date,
        Clock::Stopped { .. } => false,
    }
}

fn current_due(
    order: &Order,
    ctx: &Context<'_>,
    kind: deadlines::DeadlineKind,
) -> Option<NaiveDate> {
    deadlines::deadlines(order, ctx.calendar)
        .into_iter()
        .find(|d| d.kind == kind)
        .and_then(|d| match d.clock {
            Clock::Running { due } => Some(due.date),
            Clock::Stopped { .. } => None,
        })
}

fn open_pause(order: &Order) -> bool {
    order.pauses.iter().any(|p| p.until.is_none())
}

/// Whether `by` may take an action of `kind` on `order` now, whatever data it would carry.
/// Who is checked before the state, so a stranger learns nothing about the order's state.
pub fn permits(
    order: &Order,
    by: By<'_>,
    kind: CommandKind,
    ctx: &Context<'_>,
) -> Result<(), Refusal> {
    use AppealKind as K;
    use CommandKind as C;
    let holder = roles_in(by, &order.holder);
    let handles = works_on(holder);
    let state = order.state;
    let open = state.is_open();
    let who = match kind {
        C::Accept
        | C::NotAccept
        | C::AssignStation
        | C::Transfer
        | C::ReturnToSender
        | C::ReferUp
        | C::DispatchToEnterprise
        | C::FlagClue
        | C::DecideClue
        | C::DecideReport
        | C::Answer => handles,
        C::AssignHandler => handles,
        C::TakeOver => upper_leader(order, by),
        C::DeclineReferral => order
            .referral
            .as_ref()
            .is_some_and(|r| leads(roles_in(by, r))),
        C::AcceptEnterpriseSettlement | C::RejectSettlement | C::Withdraw | C::Rate => {
            is_owner(order, by)
        }
        C::ProposeSettlement => enterprise_member(order, by),
        C::ReturnFromEnterprise => is_owner(order, by) || handles || matches!(by, By::Scheduler),
        C::RecordConsent => is_owner(order, by) || enterprise_member(order, by) || handles,
        C::Delegate => handles,
        C::PauseForTesting | C::ResumeAfterTesting | C::Settle | C::Terminate => {
            mediates(order, by)
        }
        C::ExtendClueCheck | C::ExtendCheck | C::Archive => leads(holder),
        C::MergeNewFacts => handles || matches!(by, By::Scheduler),
    };
    if !who {
        return Err(Refusal::NotAllowed);
    }
    let no_referral = order.referral.is_none();
    let undecided_clue = order.clue.is_some_and(|c| c.decision.is_none());
    let fits = match kind {
        C::Accept => {
            state == State::Received
                && matches!(order.kind, K::Complaint | K::Report)
                && no_referral
        }
        C::NotAccept => {
            state == State::Received
                && matches!(order.kind, K::Complaint | K::Report)
                && no_referral
        }
        C::AssignStation => {
            open && !matches!(state, State::WithEnterprise { .. })
                && order.holder.kind == OrgKind::Bureau(BureauLevel::County)
                && no_referral
        }
        C::AssignHandler => open,
        C::Transfer => {
            state == State::Received
                && matches!(order.kind, K::Complaint | K::Report)
                && order.sender.is_none()
                && no_referral
        }
        C::ReturnToSender => {
            open && !matches!(state, State::WithEnterprise { .. }) && order.sender.is_some()
        }
        C::ReferUp => {
            open && !matches!(state, State::WithEnterprise { .. })
                && no_referral
                && order.holder.kind != OrgKind::Bureau(BureauLevel::National)
        }
        C::TakeOver => open && !matches!(state, State::WithEnterprise { .. }),
        C::DeclineReferral => open && order.referral.is_some(),
        C::DispatchToEnterprise => {
            state == State::Received
                && order.kind == K::Complaint
                && order.business_odr
                && no_referral
        }
        C::ProposeSettlement => matches!(state, State::WithEnterprise { .. }),
        C::AcceptEnterpriseSettlement | C::RejectSettlement => {
            matches!(state, State::WithEnterprise { .. }) && order.proposal.is_some()
        }
        C::ReturnFromEnterprise => match (state, by) {
            (State::WithEnterprise { .. }, By::Scheduler) => {
                current_due(order, ctx, deadlines::DeadlineKind::EnterpriseSettlement)
                    .is_some_and(|due| ctx.today > due)
            }
            (State::WithEnterprise { .. }, _) => true,
            _ => false,
        },
        C::RecordConsent => state == State::Accepted && order.kind == K::Complaint,
        C::Delegate => {
            matches!(state, State::Accepted | State::Mediating)
                && order.consent.both()
                && order.mediator.is_none()
        }
        C::PauseForTesting => state == State::Mediating && !open_pause(order),
        C::ResumeAfterTesting => state == State::Mediating && open_pause(order),
        C::Settle => state == State::Mediating && !open_pause(order),
        C::Terminate => matches!(state, State::Accepted | State::Mediating),
        C::FlagClue => {
            order.kind == K::Complaint
                && !matches!(state, State::Archived(_) | State::WithEnterprise { .. })
                && order.clue.is_none()
        }
        C::ExtendClueCheck => {
            order
                .clue
                .is_some_and(|c| c.decision.is_none() && !c.extended)
                && current_due(order, ctx, deadlines::DeadlineKind::ClueCheck)
                    .is_some_and(|due| ctx.today <= due)
        }
        C::DecideClue => undecided_clue,
        C::ExtendCheck => {
            matches!(state, State::Checking { extended: false })
                && current_due(order, ctx, deadlines::DeadlineKind::ReportCheck)
                    .is_some_and(|due| ctx.today <= due)
        }
        C::DecideReport => matches!(state, State::Checking { .. }),
        C::MergeNewFacts => {
            order.kind == K::Report && matches!(state, State::Received | State::Checking { .. })
        }
        C::Answer => {
            state == State::Received && matches!(order.kind, K::Suggestion | K::Consultation)
        }
        C::Withdraw => open && order.kind != K::Report,
        C::Archive => matches!(state, State::Concluded(_)) && !undecided_clue,
        C::Rate => state.conclusion().is_some() && order.rating.is_none(),
    };
    if fits {
        Ok(())
    } else {
        Err(Refusal::WrongState)
    }
}

/// Every action `by` may take on `order` now: what the API exposes and the console shows.
pub fn available(order: &Order, by: By<'_>, ctx: &Context<'_>) -> Vec<CommandKind> {
    CommandKind::ALL
        .into_iter()
        .filter(|kind| permits(order, by, *kind, ctx).is_ok())
        .collect()
}

fn invalid(field: &'static str, reason: &'static str) -> Refusal {
    Refusal::Invalid { field, reason }
}

impl Refusal {
    /// The Chinese text of an [`Refusal::Invalid`] reason (the English one is `reason`);
    /// `None` for the other refusals, whose texts the HTTP layer has.
    pub fn reason_zh(&self) -> Option<&'static str> {
        let Self::Invalid { reason, .. } = self else {
            return None;
        };
        Some(match *reason {
            "must not be negative" => "金额不能为负数。",
            "a report is refused only for want of jurisdiction (Art. 34)" => {
                "举报仅在不属于本部门管辖时不予受理（第三十四条）。"
            }
            "must be a station of the holding county" => "须为承办县级局所属的派出机构。",
            "must be a member of the holding unit" => "须为承办单位的工作人员。",
            "a handler may only take the order themselves" => "承办人只能将工单分配给自己。",
            "must be another market-regulation bureau" => "须为其他市场监督管理部门。",
            "must be the bureau directly above" => "须为上一级市场监督管理部门。",
            "you may record only your own side's consent" => "只能记录本方的调解意愿。",
            "must be a consumer association of the holding unit's area" => {
                "须为承办单位所在地区的消费者协会。"
            }
            "the mediation period has not run out" => "调解期限尚未届满。",
            "no party has refused mediation" => "尚无一方拒绝调解。",
            "must be 1 to 5" => "评分须为 1 至 5 星。",
            "a refund or compensation needs its amount" => "退款或赔偿须填写金额。",
            "must be more than zero" => "金额须大于零。",
            _ => "不符合规定。",
        })
    }
}

fn amount(recovered_fen: i64) -> Result<i64, Refusal> {
    if recovered_fen < 0 {
        Err(invalid("recovered_fen", "must not be negative"))
    } else {
        Ok(recovered_fen)
    }
}

fn conclude(order: &mut Order, conclusion: Conclusion) {
    order.state = State::Concluded(conclusion);
}

/// The order after `by` takes `command` on `ctx.today`, or why not.
pub fn apply(
    order: &Order,
    by: By<'_>,
    command: &Command,
    ctx: &Context<'_>,
) -> Result<Order, Refusal> {
    permits(order, by, command.kind(), ctx)?;
    let today = ctx.today;
    let mut next = order.clone();
    match command {
        Command::Accept => match order.kind {
            AppealKind::Report => next.state = State::Checking { extended: false },
            _ => {
                next.state = State::Accepted;
                next.accepted_on = Some(today);
            }
        },
        Command::NotAccept { ground } => {
            if order.kind == AppealKind::Report && *ground != NotAcceptedGround::OutsideRemit {
                return Err(invalid(
                    "ground",
                    "a report is refused only for want of jurisdiction (Art. 34)",
                ));
            }
            conclude(&mut next, Conclusion::NotAccepted { ground: *ground });
        }
        Command::AssignStation { station } => {
            if station.kind != OrgKind::Station
                || parent_path(&station.path).as_ref() != Some(&order.holder.path)
            {
                return Err(invalid(
                    "station",
                    "must be a station of the holding county",
                ));
            }
            next.sender = Some(order.holder.clone());
            next.holder = station.clone();
            next.handler = None;
        }
        Command::AssignHandler {
            handler,
            handler_org,
        } => {
            if *handler_org != order.holder.id {
                return Err(invalid("handler", "must be a member of the holding unit"));
            }
            let self_only = !leads(roles_in(by, &order.holder));
            if self_only && Some(*handler) != by_user(by) {
                return Err(invalid(
                    "handler",
                    "a handler may only take the order themselves",
                ));
            }
            next.handler = Some(*handler);
        }
        Command::Transfer { to } => {
            if to.id == order.holder.id || !matches!(to.kind, OrgKind::Bureau(_)) {
                return Err(invalid("to", "must be another market-regulation bureau"));
            }
            next.sender = Some(order.holder.clone());
            next.holder = to.clone();
            next.handler = None;
            next.clock_start = today;
        }
        Command::ReturnToSender => {
            if let Some(sender) = &order.sender {
                next.holder = sender.clone();
            }
            next.sender = None;
            next.handler = None;
            if order.state == State::Received {
                next.clock_start = today;
            }
        }
        Command::ReferUp { to } => {
            if !matches!(to.kind, OrgKind::Bureau(_))
                || parent_path(&order.holder.path).as_ref() != Some(&to.path)
            {
                return Err(invalid("to", "must be the bureau directly above"));
            }
            next.referral = Some(to.clone());
        }
        Command::TakeOver => {
            if let By::Actor(actor) = by
                && let Some(org) = actor.org()
            {
                next.holder = org.clone();
            }
            next.sender = None;
            next.referral = None;
            next.handler = None;
            next.mediator = None;
        }
        Command::DeclineReferral => next.referral = None,
        Command::DispatchToEnterprise => next.state = State::WithEnterprise { since: today },
        Command::ProposeSettlement { remedy, amount_fen } => {
            let amount_fen = match (remedy.needs_amount(), *amount_fen) {
                (true, None) => {
                    return Err(invalid(
                        "amount_fen",
                        "a refund or compensation needs its amount",
                    ));
                }
                (true, Some(fen)) if fen <= 0 => {
                    return Err(invalid("amount_fen", "must be more than zero"));
                }
                (false, Some(fen)) if fen < 0 => {
                    return Err(invalid("amount_fen", "must not be negative"));
                }
                (_, fen) => fen,
            };
            next.proposal = Some(Proposal {
                remedy: *remedy,
                amount_fen,
            });
        }
        Command::AcceptEnterpriseSettlement => {
            let recovered_fen = order.proposal.and_then(|p| p.amount_fen).unwrap_or(0);
            next.proposal = None;
            conclude(
                &mut next,
                Conclusion::Settled {
                    recovered_fen: amount(recovered_fen)?,
                    by_enterprise: true,
                },
            );
        }
        Command::RejectSettlement | Command::ReturnFromEnterprise => {
            next.state = State::Received;
            next.clock_start = today;
            next.proposal = None;
        }
        Command::RecordConsent { party, consents } => {
            let consumer_side = is_owner(order, by);
            let business_side = enterprise_member(order, by);
            let staff = works_on(roles_in(by, &order.holder));
            let may = match party {
                Party::Consumer => consumer_side || staff,
                Party::Business => business_side || staff,
            };
            if !may {
                return Err(invalid(
                    "party",
                    "you may record only your own side's consent",
                ));
            }
            match party {
                Party::Consumer => next.consent.consumer = Some(*consents),
                Party::Business => next.consent.business = Some(*consents),
            }
            if next.consent.both() {
                next.state = State::Mediating;
            }
        }
        Command::Delegate { association } => {
            let hangs_above_or_at_holder = parent_path(&association.path)
                .is_some_and(|parent| order.holder.path.is_within(&parent));
            if association.kind != OrgKind::Association || !hangs_above_or_at_holder {
                return Err(invalid(
                    "association",
                    "must be a consumer association of the holding unit's area",
                ));
            }
            next.mediator = Some(association.clone());
            next.state = State::Mediating;
        }
        Command::PauseForTesting => next.pauses.push(Pause {
            from: today,
            until: None,
        }),
        Command::ResumeAfterTesting => {
            for pause in next.pauses.iter_mut().filter(|p| p.until.is_none()) {
                pause.until = Some(today.max(pause.from));
            }
        }
        Command::Settle { recovered_fen } => conclude(
            &mut next,
            Conclusion::Settled {
                recovered_fen: amount(*recovered_fen)?,
                by_enterprise: false,
            },
        ),
        Command::Terminate { reason } => {
            if *reason == TerminationReason::PeriodExpired && !mediation_overdue(order, ctx) {
                return Err(invalid("reason", "the mediation period has not run out"));
            }
            if *reason == TerminationReason::PartyRefused
                && order.state == State::Accepted
                && order.consent.consumer != Some(false)
                && order.consent.business != Some(false)
            {
                return Err(invalid("reason", "no party has refused mediation"));
            }
            conclude(&mut next, Conclusion::Terminated { reason: *reason });
        }
        Command::FlagClue => {
            next.clue = Some(Clue {
                found_on: today,
                extended: false,
                decision: None,
            })
        }
        Command::ExtendClueCheck => {
            if let Some(clue) = next.clue.as_mut() {
                clue.extended = true;
            }
        }
        Command::DecideClue { decision } => {
            if let Some(clue) = next.clue.as_mut() {
                clue.decision = Some(*decision);
            }
        }
        Command::ExtendCheck => next.state = State::Checking { extended: true },
        Command::DecideReport { decision } => conclude(
            &mut next,
            Conclusion::Checked {
                decision: *decision,
            },
        ),
        Command::MergeNewFacts => {
            next.clock_start = today;
            if matches!(order.state, State::Checking { .. }) {
                next.state = State::Checking { extended: false };
            }
        }
        Command::Answer => conclude(&mut next, Conclusion::Answered),
        Command::Withdraw => {
            next.proposal = None;
            conclude(&mut next, Conclusion::Withdrawn);
        }
        Command::Archive => {
            if let State::Concluded(conclusion) = order.state {
                next.state = State::Archived(conclusion);
            }
        }
        Command::Rate { score } => {
            if !(1..=5).contains(score) {
                return Err(invalid("score", "must be 1 to 5"));
            }
            next.rating = Some(*score);
        }
    }
    Ok(next)
}

fn by_user(by: By<'_>) -> Option<UserId> {
    match by {
        By::Actor(actor) => actor.user(),
        By::Scheduler => None,
    }
}
