//! Which unit or person an action may name: the one home of these rules. [`super::apply`]
//! refuses a command whose target fails them, and `GET /orders/{id}/targets` lists only
//! candidates that pass them, so the console offers exactly what the machine would accept.
//!
//! Each predicate answers for one candidate; the service reads a bounded set of plausible
//! candidates from the database and keeps those the predicate accepts.

use serde::{Deserialize, Serialize};

use super::machine::{leads, parent_path, roles_in};
use super::{By, CommandKind, Order};
use crate::access::{OrgId, OrgKind, OrgRef, Role, UserId};

/// The actions that name a unit or a person, and so have targets to list.
pub const TARGETED: [CommandKind; 5] = [
    CommandKind::Transfer,
    CommandKind::AssignStation,
    CommandKind::ReferUp,
    CommandKind::Delegate,
    CommandKind::AssignHandler,
];

/// Whether `kind` names a target (one of [`TARGETED`]).
pub fn names_target(kind: CommandKind) -> bool {
    TARGETED.contains(&kind)
}

/// What a target of an action is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    /// A unit of the organisation tree (bureau, station, association).
    Unit,
    /// A member of the holding unit (assign_handler).
    Member,
}

impl TargetKind {
    pub fn of(kind: CommandKind) -> Option<Self> {
        match kind {
            CommandKind::AssignHandler => Some(Self::Member),
            k if names_target(k) => Some(Self::Unit),
            _ => None,
        }
    }
}

/// 移送 (Art. 13, 41): to another market-regulation bureau, at any level; never to the holder
/// itself, never to a station (a station handles only what its county assigns, Art. 30) or
/// to a unit outside market regulation.
pub fn eligible_transfer(order: &Order, to: &OrgRef) -> bool {
    to.id != order.holder.id && matches!(to.kind, OrgKind::Bureau(_))
}

/// Assigning to a station (Art. 30): a station directly under the holding county.
pub fn eligible_station(order: &Order, station: &OrgRef) -> bool {
    station.kind == OrgKind::Station
        && parent_path(&station.path).as_ref() == Some(&order.holder.path)
}

/// 报请上级 (Art. 13): the bureau directly above the holder.
pub fn eligible_refer_up(order: &Order, to: &OrgRef) -> bool {
    matches!(to.kind, OrgKind::Bureau(_))
        && parent_path(&order.holder.path).as_ref() == Some(&to.path)
}

/// Delegating mediation (Art. 19): a consumer association of the holder's area, i.e. one
/// hanging under the holding unit or under a unit above it (the 深圳市消费者委员会 under the
/// city bureau serves every district of 深圳市; one under another city does not).
pub fn eligible_delegate(order: &Order, association: &OrgRef) -> bool {
    association.kind == OrgKind::Association
        && parent_path(&association.path).is_some_and(|parent| order.holder.path.is_within(&parent))
}

/// A member who might be named handler 承办人, as the rules need them: their account, unit and
/// the roles in effect (none for a disabled account).
#[derive(Debug, Clone, Copy)]
pub struct HandlerCandidate<'a> {
    pub user: UserId,
    pub org: OrgId,
    pub roles: &'a [Role],
}

/// Naming the handler: a handler or reviewer of the holding unit; a caller who does not lead
/// the unit (not a reviewer) may only name themselves. `Err` carries the reason, as
/// [`super::Refusal::Invalid`] names it for the field `handler`.
pub fn eligible_handler(
    order: &Order,
    by: By<'_>,
    candidate: HandlerCandidate<'_>,
) -> Result<(), &'static str> {
    if candidate.org != order.holder.id {
        return Err("must be a member of the holding unit");
    }
    if !candidate
        .roles
        .iter()
        .any(|r| matches!(r, Role::Handler | Role::Reviewer))
    {
        return Err("must be a handler or reviewer of the holding unit");
    }
    let self_only = !leads(roles_in(by, &order.holder));
    let caller = match by {
        By::Actor(actor) => actor.user(),
        By::Scheduler => None,
    };
    if self_only && Some(candidate.user) != caller {
        return Err("a handler may only take the order themselves");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::access::{Actor, BureauLevel, OrgPath};
    use crate::workflow::AppealKind;

    fn org(kind: OrgKind, path: &[i64]) -> OrgRef {
        OrgRef {
            id: OrgId(*path.last().unwrap_or(&0)),
            kind,
            path: OrgPath(path.iter().map(|&i| OrgId(i)).collect()),
            division: None,
        }
    }

    fn bureau(level: BureauLevel, path: &[i64]) -> OrgRef {
        org(OrgKind::Bureau(level), path)
    }

    const NATIONAL: &[i64] = &[1];
    const GUANGDONG: &[i64] = &[1, 44];
    const SHENZHEN: &[i64] = &[1, 44, 4403];
    const NANSHAN: &[i64] = &[1, 44, 4403, 440305];
    const FUTIAN: &[i64] = &[1, 44, 4403, 440304];
    const GUANGZHOU: &[i64] = &[1, 44, 4401];

    fn nanshan_order() -> Order {
        let on = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap_or_default();
        Order::received(
            AppealKind::Complaint,
            on,
            Some(UserId(100)),
            bureau(BureauLevel::County, NANSHAN),
            None,
            false,
        )
    }

    /// Every kind of unit at every place around 南山区, and whether each action may name it.
    #[test]
    fn each_unit_is_a_target_exactly_where_the_rules_say() {
        use BureauLevel::*;
        let order = nanshan_order();
        let national = bureau(National, NATIONAL);
        let guangdong = bureau(Province, GUANGDONG);
        let shenzhen = bureau(City, SHENZHEN);
        let nanshan = bureau(County, NANSHAN);
        let futian = bureau(County, FUTIAN);
        let guangzhou = bureau(City, GUANGZHOU);
        let shekou = org(OrgKind::Station, &[1, 44, 4403, 440305, 9001]);
        let futian_station = org(OrgKind::Station, &[1, 44, 4403, 440304, 9002]);
        let szcc = org(OrgKind::Association, &[1, 44, 4403, 9101]);
        let nanshan_cc = org(OrgKind::Association, &[1, 44, 4403, 440305, 9103]);
        let gdcc = org(OrgKind::Association, &[1, 44, 9104]);
        let cca = org(OrgKind::Association, &[1, 9105]);
        let futian_cc = org(OrgKind::Association, &[1, 44, 4403, 440304, 9106]);
        let gzcc = org(OrgKind::Association, &[1, 44, 4401, 9107]);
        let enterprise = org(OrgKind::Enterprise, &[1, 44, 4403, 440305, 9201]);
        let department = org(OrgKind::Department, &[1, 44, 4403, 9202]);
        // (unit, transfer, station, refer_up, delegate)
        let table: [(&OrgRef, bool, bool, bool, bool); 16] = [
            (&national, true, false, false, false),
            (&guangdong, true, false, false, false),
            (&shenzhen, true, false, true, false),
            (&nanshan, false, false, false, false),
            (&futian, true, false, false, false),
            (&guangzhou, true, false, false, false),
            (&shekou, false, true, false, false),
            (&futian_station, false, false, false, false),
            (&szcc, false, false, false, true),
            (&nanshan_cc, false, false, false, true),
            (&gdcc, false, false, false, true),
            (&cca, false, false, false, true),
            (&futian_cc, false, false, false, false),
            (&gzcc, false, false, false, false),
            (&enterprise, false, false, false, false),
            (&department, false, false, false, false),
        ];
        for (unit, transfer, station, refer_up, delegate) in table {
            assert_eq!(
                eligible_transfer(&order, unit),
                transfer,
                "transfer {unit:?}"
            );
            assert_eq!(eligible_station(&order, unit), station, "station {unit:?}");
            assert_eq!(
                eligible_refer_up(&order, unit),
                refer_up,
                "refer_up {unit:?}"
            );
            assert_eq!(
                eligible_delegate(&order, unit),
                delegate,
                "delegate {unit:?}"
            );
        }
    }

    #[test]
    fn the_national_bureau_has_nobody_to_refer_up_to() {
        let mut order = nanshan_order();
        order.holder = bureau(BureauLevel::National, NATIONAL);
        assert!(!eligible_refer_up(
            &order,
            &bureau(BureauLevel::National, NATIONAL)
        ));
        assert!(eligible_transfer(
            &order,
            &bureau(BureauLevel::County, NANSHAN)
        ));
    }

    #[test]
    fn handlers_are_handlers_or_reviewers_of_the_holder_and_a_plain_handler_names_only_themselves()
    {
        let order = nanshan_order();
        let nanshan = bureau(BureauLevel::County, NANSHAN);
        let member = |user: i64, roles: &[Role]| Actor::Member {
            user: UserId(user),
            org: nanshan.clone(),
            roles: roles.to_vec(),
            second_factor: false,
        };
        let handler = member(1, &[Role::Handler]);
        let reviewer = member(2, &[Role::Reviewer]);
        let candidate = |user: i64, org: &OrgRef, roles: &'static [Role]| HandlerCandidate {
            user: UserId(user),
            org: org.id,
            roles,
        };
        let futian = bureau(BureauLevel::County, FUTIAN);
        // (who asks, candidate, answer)
        let cases: [(&Actor, HandlerCandidate<'_>, Result<(), &str>); 8] = [
            (&handler, candidate(1, &nanshan, &[Role::Handler]), Ok(())),
            (
                &handler,
                candidate(3, &nanshan, &[Role::Handler]),
                Err("a handler may only take the order themselves"),
            ),
            (&reviewer, candidate(3, &nanshan, &[Role::Handler]), Ok(())),
            (&reviewer, candidate(2, &nanshan, &[Role::Reviewer]), Ok(())),
            (
                &reviewer,
                candidate(4, &nanshan, &[Role::Analyst, Role::OrgAdmin]),
                Err("must be a handler or reviewer of the holding unit"),
            ),
            (
                &reviewer,
                candidate(5, &nanshan, &[]),
                Err("must be a handler or reviewer of the holding unit"),
            ),
            (
                &reviewer,
                candidate(6, &futian, &[Role::Handler]),
                Err("must be a member of the holding unit"),
            ),
            (
                &handler,
                candidate(1, &futian, &[Role::Handler]),
                Err("must be a member of the holding unit"),
            ),
        ];
        for (who, candidate, want) in cases {
            assert_eq!(
                eligible_handler(&order, By::Actor(who), candidate),
                want,
                "{who:?} naming {candidate:?}"
            );
        }
        assert_eq!(
            eligible_handler(
                &order,
                By::Scheduler,
                candidate(1, &nanshan, &[Role::Handler])
            ),
            Err("a handler may only take the order themselves")
        );
    }

    #[test]
    fn exactly_the_five_naming_actions_have_targets() {
        for kind in CommandKind::ALL {
            let names = matches!(
                kind,
                CommandKind::Transfer
                    | CommandKind::AssignStation
                    | CommandKind::ReferUp
                    | CommandKind::Delegate
                    | CommandKind::AssignHandler
            );
            assert_eq!(names_target(kind), names, "{kind:?}");
            assert_eq!(TargetKind::of(kind).is_some(), names, "{kind:?}");
        }
        assert_eq!(
            TargetKind::of(CommandKind::AssignHandler),
            Some(TargetKind::Member)
        );
        assert_eq!(
            TargetKind::of(CommandKind::Delegate),
            Some(TargetKind::Unit)
        );
    }
}
