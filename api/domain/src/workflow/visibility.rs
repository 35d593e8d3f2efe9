//! Who may see an order, and how much; which events the consumer sees.

use serde::{Deserialize, Serialize};

use super::{AppealKind, CommandKind, Order};
use crate::access::{
    Actor, ClientScope, Denied, OrgKind, OrgRef, Role, UserId, second_factor_required,
};

/// How much of an order a caller sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum View {
    /// The consumer who filed it: the appeal, the public timeline.
    Filer,
    /// Staff of the holding unit or above it, or of the delegated association, or of a bureau
    /// above the ODR enterprise a complaint is about (it supervises the enterprise's
    /// settlements): everything, including who filed it (unless anonymous) and every event.
    Staff,
    /// The ODR enterprise a complaint is about (its handlers, reviewers and administrators,
    /// and its API clients with `orders:read` or `orders:write`): the appeal and the public
    /// timeline, never the complainant's identity; never a report.
    Enterprise,
}

/// A complaint about the approved ODR enterprise `org`.
fn about_enterprise(order: &Order, org: &OrgRef) -> bool {
    org.kind == OrgKind::Enterprise
        && order.kind == AppealKind::Complaint
        && order.business == Some(org.id)
        && order.business_odr
}

/// A complaint about an approved ODR enterprise that lies in `org`'s subtree.
fn supervised_enterprise(order: &Order, org: &OrgRef) -> bool {
    order.kind == AppealKind::Complaint
        && order.business_odr
        && order
            .business_path
            .as_ref()
            .is_some_and(|p| p.is_within(&org.path))
}

/// An API client that may read but not act: what it would be refused is a missing scope
/// (403 `insufficient_scope`), not a missing right.
pub fn lacks_write_scope(by: &Actor) -> bool {
    matches!(by, Actor::Client { scopes, .. } if !scopes.contains(&ClientScope::OrdersWrite))
}

/// What `by` may see of `order`, filed by the account `filed_by`: `Ok(None)` means the order
/// does not exist for them (404); `Err` that they must first sign in or pass a second factor.
pub fn view(order: &Order, filed_by: UserId, by: &Actor) -> Result<Option<View>, Denied> {
    match by {
        Actor::Anonymous => Err(Denied::SignInRequired),
        Actor::Consumer { user } => Ok((*user == filed_by).then_some(View::Filer)),
        Actor::Client { org, scopes, .. } => Ok((about_enterprise(order, org)
            && (scopes.contains(&ClientScope::OrdersRead)
                || scopes.contains(&ClientScope::OrdersWrite)))
        .then_some(View::Enterprise)),
        Actor::Member {
            org,
            roles,
            second_factor,
            ..
        } => {
            let staff_unit = org.kind.is_government() || org.kind == OrgKind::Association;
            let staff = staff_unit
                && (order.holder.is_within(org)
                    || order.mediator.as_ref().is_some_and(|m| m.id == org.id)
                    || (org.kind.is_government() && supervised_enterprise(order, org)))
                && [Role::Handler, Role::Reviewer, Role::Analyst]
                    .iter()
                    .any(|r| roles.contains(r));
            let enterprise = about_enterprise(order, org)
                && [Role::Handler, Role::Reviewer, Role::OrgAdmin]
                    .iter()
                    .any(|r| roles.contains(r));
            let seen = if staff {
                Some(View::Staff)
            } else if enterprise {
                Some(View::Enterprise)
            } else {
                None
            };
            if seen.is_some() && second_factor_required(org.kind, roles) && !second_factor {
                return Err(Denied::SecondFactorRequired);
            }
            Ok(seen)
        }
    }
}

impl CommandKind {
    /// Whether the event of this action is on the consumer's (and enterprise's) timeline.
    /// Internal steps (who in the bureau handles it, referrals, clue checks) are staff-only.
    pub fn is_public(self) -> bool {
        match self {
            Self::Accept
            | Self::NotAccept
            | Self::Transfer
            | Self::TakeOver
            | Self::DispatchToEnterprise
            | Self::ProposeSettlement
            | Self::AcceptEnterpriseSettlement
            | Self::RejectSettlement
            | Self::ReturnFromEnterprise
            | Self::RecordConsent
            | Self::Delegate
            | Self::PauseForTesting
            | Self::ResumeAfterTesting
            | Self::Settle
            | Self::Terminate
            | Self::DecideReport
            | Self::MergeNewFacts
            | Self::Answer
            | Self::Withdraw
            | Self::Archive
            | Self::Rate => true,
            Self::AssignStation
            | Self::AssignHandler
            | Self::ReturnToSender
            | Self::ReferUp
            | Self::DeclineReferral
            | Self::FlagClue
            | Self::ExtendClueCheck
            | Self::DecideClue
            | Self::ExtendCheck => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::access::{BureauLevel, OrgId, OrgPath, OrgRef};

    fn org(ids: &[i64], kind: OrgKind) -> OrgRef {
        OrgRef {
            id: OrgId(*ids.last().unwrap_or(&0)),
            kind,
            path: OrgPath(ids.iter().copied().map(OrgId).collect()),
            division: None,
        }
    }

    fn member(org: OrgRef, roles: &[Role], second_factor: bool) -> Actor {
        Actor::Member {
            user: UserId(99),
            org,
            roles: roles.to_vec(),
            second_factor,
        }
    }

    fn order(kind: AppealKind) -> Order {
        let day = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap_or_default();
        Order::received(
            kind,
            day,
            Some(UserId(1)),
            org(&[1, 2, 3, 4], OrgKind::Bureau(BureauLevel::County)),
            Some((OrgId(50), true)),
            false,
        )
    }

    #[test]
    fn filer_sees_own_order_and_other_consumers_nothing() {
        let o = order(AppealKind::Complaint);
        assert_eq!(
            view(&o, UserId(1), &Actor::Consumer { user: UserId(1) }),
            Ok(Some(View::Filer))
        );
        assert_eq!(
            view(&o, UserId(1), &Actor::Consumer { user: UserId(2) }),
            Ok(None)
        );
        assert_eq!(
            view(&o, UserId(1), &Actor::Anonymous),
            Err(Denied::SignInRequired)
        );
    }

    #[test]
    fn staff_of_the_holder_and_above_see_all_siblings_nothing() {
        let o = order(AppealKind::Complaint);
        let county = org(&[1, 2, 3, 4], OrgKind::Bureau(BureauLevel::County));
        let city = org(&[1, 2, 3], OrgKind::Bureau(BureauLevel::City));
        let sibling = org(&[1, 2, 3, 5], OrgKind::Bureau(BureauLevel::County));
        let province = org(&[1, 2], OrgKind::Bureau(BureauLevel::Province));
        let handler = |o: OrgRef| member(o, &[Role::Handler], false);
        assert_eq!(view(&o, UserId(1), &handler(county)), Ok(Some(View::Staff)));
        assert_eq!(view(&o, UserId(1), &handler(city)), Ok(Some(View::Staff)));
        assert_eq!(view(&o, UserId(1), &handler(sibling)), Ok(None));
        assert_eq!(
            view(
                &o,
                UserId(1),
                &member(province.clone(), &[Role::Analyst], false)
            ),
            Err(Denied::SecondFactorRequired)
        );
        assert_eq!(
            view(&o, UserId(1), &member(province, &[Role::Analyst], true)),
            Ok(Some(View::Staff))
        );
    }

    #[test]
    fn the_enterprise_sees_complaints_about_it_never_reports() {
        let ent = org(&[1, 2, 3, 4, 50], OrgKind::Enterprise);
        let other = org(&[1, 2, 3, 4, 51], OrgKind::Enterprise);
        let by = member(ent, &[Role::Handler], false);
        assert_eq!(
            view(&order(AppealKind::Complaint), UserId(1), &by),
            Ok(Some(View::Enterprise))
        );
        assert_eq!(view(&order(AppealKind::Report), UserId(1), &by), Ok(None));
        assert_eq!(
            view(
                &order(AppealKind::Complaint),
                UserId(1),
                &member(other, &[Role::Handler], false)
            ),
            Ok(None)
        );
    }

    #[test]
    fn the_enterprises_clients_read_with_either_scope_others_see_nothing() {
        let ent = org(&[1, 2, 3, 4, 50], OrgKind::Enterprise);
        let other = org(&[1, 2, 3, 4, 51], OrgKind::Enterprise);
        let client = |org: OrgRef, scopes: &[ClientScope]| Actor::Client {
            client: crate::access::ClientId(1),
            org,
            scopes: scopes.to_vec(),
        };
        let complaint = order(AppealKind::Complaint);
        for scopes in [
            &[ClientScope::OrdersRead][..],
            &[ClientScope::OrdersWrite],
            &[ClientScope::OrdersRead, ClientScope::OrdersWrite],
        ] {
            assert_eq!(
                view(&complaint, UserId(1), &client(ent.clone(), scopes)),
                Ok(Some(View::Enterprise))
            );
            assert_eq!(
                view(
                    &order(AppealKind::Report),
                    UserId(1),
                    &client(ent.clone(), scopes)
                ),
                Ok(None),
                "never a report"
            );
            assert_eq!(
                view(&complaint, UserId(1), &client(other.clone(), scopes)),
                Ok(None)
            );
        }
        assert_eq!(
            view(&complaint, UserId(1), &client(ent.clone(), &[])),
            Ok(None)
        );
        assert!(lacks_write_scope(&client(
            ent.clone(),
            &[ClientScope::OrdersRead]
        )));
        assert!(!lacks_write_scope(&client(
            ent,
            &[ClientScope::OrdersWrite]
        )));
        assert!(!lacks_write_scope(&Actor::Consumer { user: UserId(1) }));
    }

    #[test]
    fn bureaus_above_the_enterprise_supervise_its_complaints_wherever_held() {
        // Held by a county elsewhere; the enterprise hangs under county 4 of city 3.
        let mut o = order(AppealKind::Complaint);
        o.holder = org(&[1, 7, 8, 9], OrgKind::Bureau(BureauLevel::County));
        o.business_path = Some(OrgPath(vec![
            OrgId(1),
            OrgId(2),
            OrgId(3),
            OrgId(4),
            OrgId(50),
        ]));
        let handler = |o: OrgRef| member(o, &[Role::Handler], false);
        let county = org(&[1, 2, 3, 4], OrgKind::Bureau(BureauLevel::County));
        let city = org(&[1, 2, 3], OrgKind::Bureau(BureauLevel::City));
        let sibling = org(&[1, 2, 3, 5], OrgKind::Bureau(BureauLevel::County));
        let association = org(&[1, 2, 3, 4, 60], OrgKind::Association);
        assert_eq!(view(&o, UserId(1), &handler(county)), Ok(Some(View::Staff)));
        assert_eq!(view(&o, UserId(1), &handler(city)), Ok(Some(View::Staff)));
        assert_eq!(view(&o, UserId(1), &handler(sibling)), Ok(None));
        assert_eq!(view(&o, UserId(1), &handler(association)), Ok(None));
        // Not an approved ODR enterprise, or a report: only the holder's line sees it.
        let mut plain = o.clone();
        plain.business_odr = false;
        let county = org(&[1, 2, 3, 4], OrgKind::Bureau(BureauLevel::County));
        assert_eq!(view(&plain, UserId(1), &handler(county.clone())), Ok(None));
        let mut report = o;
        report.kind = AppealKind::Report;
        assert_eq!(view(&report, UserId(1), &handler(county)), Ok(None));
    }

    #[test]
    fn departments_and_clients_see_nothing() {
        let dept = org(&[1, 60], OrgKind::Department);
        assert_eq!(
            view(
                &order(AppealKind::Complaint),
                UserId(1),
                &member(dept, &[Role::Handler], false)
            ),
            Ok(None)
        );
    }

    #[test]
    fn internal_steps_are_not_public() {
        assert!(CommandKind::Accept.is_public());
        assert!(!CommandKind::AssignHandler.is_public());
        assert!(
            CommandKind::ALL.iter().filter(|k| k.is_public()).count() == 21,
            "every kind is decided explicitly"
        );
    }
}
