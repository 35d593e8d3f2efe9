use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;
use crate::access::{Actor, BureauLevel, OrgId, OrgKind, OrgPath, OrgRef, Role, UserId};
use crate::calendar::{Clock, HolidayCalendar};

const SCHEDULE: &str = include_str!("../../../db/data/holidays-cn.csv");

fn calendar() -> HolidayCalendar {
    HolidayCalendar::from_csv(SCHEDULE).unwrap()
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn org(kind: OrgKind, path: &[i64]) -> OrgRef {
    OrgRef {
        id: OrgId(*path.last().unwrap()),
        kind,
        path: OrgPath(path.iter().map(|&i| OrgId(i)).collect()),
        division: None,
    }
}

fn national() -> OrgRef {
    org(OrgKind::Bureau(BureauLevel::National), &[1])
}
fn guangdong() -> OrgRef {
    org(OrgKind::Bureau(BureauLevel::Province), &[1, 44])
}
fn shenzhen() -> OrgRef {
    org(OrgKind::Bureau(BureauLevel::City), &[1, 44, 4403])
}
fn nanshan() -> OrgRef {
    org(OrgKind::Bureau(BureauLevel::County), &[1, 44, 4403, 440305])
}
fn futian() -> OrgRef {
    org(OrgKind::Bureau(BureauLevel::County), &[1, 44, 4403, 440304])
}
fn station() -> OrgRef {
    org(OrgKind::Station, &[1, 44, 4403, 440305, 9001])
}
fn futian_station() -> OrgRef {
    org(OrgKind::Station, &[1, 44, 4403, 440304, 9002])
}
fn association() -> OrgRef {
    org(OrgKind::Association, &[1, 44, 4403, 9101])
}
fn far_association() -> OrgRef {
    org(OrgKind::Association, &[1, 11, 9102])
}
fn enterprise() -> OrgRef {
    org(OrgKind::Enterprise, &[1, 44, 4403, 440305, 9201])
}

const OWNER: UserId = UserId(100);

fn member(user: i64, org: OrgRef, roles: &[Role], second_factor: bool) -> Actor {
    Actor::Member {
        user: UserId(user),
        org,
        roles: roles.to_vec(),
        second_factor,
    }
}

struct Cast {
    owner: Actor,
    other_consumer: Actor,
    handler: Actor,
    reviewer: Actor,
    analyst: Actor,
    admin: Actor,
    futian_handler: Actor,
    city_handler: Actor,
    city_reviewer: Actor,
    province_reviewer: Actor,
    province_reviewer_no_2fa: Actor,
    national_analyst: Actor,
    station_handler: Actor,
    enterprise_handler: Actor,
    association_handler: Actor,
    anonymous: Actor,
}

fn cast() -> Cast {
    Cast {
        owner: Actor::Consumer { user: OWNER },
        other_consumer: Actor::Consumer { user: UserId(101) },
        handler: member(1, nanshan(), &[Role::Handler], false),
        reviewer: member(2, nanshan(), &[Role::Reviewer], false),
        analyst: member(3, nanshan(), &[Role::Analyst], false),
        admin: member(11, nanshan(), &[Role::OrgAdmin], true),
        futian_handler: member(4, futian(), &[Role::Handler, Role::Reviewer], false),
        city_handler: member(12, shenzhen(), &[Role::Handler], false),
        city_reviewer: member(5, shenzhen(), &[Role::Reviewer], false),
        province_reviewer: member(6, guangdong(), &[Role::Reviewer], true),
        province_reviewer_no_2fa: member(7, guangdong(), &[Role::Reviewer], false),
        national_analyst: member(13, national(), &[Role::Analyst], true),
        station_handler: member(10, station(), &[Role::Handler], false),
        enterprise_handler: member(8, enterprise(), &[Role::Handler], false),
        association_handler: member(9, association(), &[Role::Handler], false),
        anonymous: Actor::Anonymous,
    }
}

/// People who have nothing to do with a 南山 order, whatever its state.
fn strangers(c: &Cast) -> Vec<&Actor> {
    vec![
        &c.other_consumer,
        &c.analyst,
        &c.admin,
        &c.futian_handler,
        &c.national_analyst,
        &c.anonymous,
    ]
}

fn complaint_on(on: &str) -> Order {
    Order::received(
        AppealKind::Complaint,
        d(on),
        Some(OWNER),
        nanshan(),
        Some((enterprise().id, true)),
        false,
    )
}

fn complaint() -> Order {
    complaint_on("2026-11-02")
}

fn report() -> Order {
    Order::received(
        AppealKind::Report,
        d("2026-11-02"),
        None,
        nanshan(),
        Some((enterprise().id, true)),
        true,
    )
}

struct World {
    calendar: HolidayCalendar,
}

impl World {
    fn new() -> Self {
        Self {
            calendar: calendar(),
        }
    }

    fn ctx(&self, today: &str) -> Context<'_> {
        Context {
            today: d(today),
            calendar: &self.calendar,
        }
    }

    fn ok(&self, order: &Order, who: &Actor, command: Command, today: &str) -> Order {
        apply(order, By::Actor(who), &command, &self.ctx(today))
            .unwrap_or_else(|e| panic!("{command:?} by {who:?} in {:?}: {e:?}", order.state))
    }

    fn refused(&self, order: &Order, who: &Actor, command: Command, today: &str) -> Refusal {
        match apply(order, By::Actor(who), &command, &self.ctx(today)) {
            Ok(next) => panic!("{command:?} by {who:?} was allowed: {:?}", next.state),
            Err(e) => e,
        }
    }

    fn can(&self, order: &Order, who: &Actor, today: &str) -> Vec<CommandKind> {
        available(order, By::Actor(who), &self.ctx(today))
    }
}

use CommandKind as K;

#[test]
fn a_complaint_goes_from_receipt_through_mediation_to_archive_and_rating() {
    let w = World::new();
    let c = cast();
    let order = complaint();
    assert_eq!(order.state, State::Received);
    assert_eq!(order.rules, RuleSet::Order121);
    assert_eq!(
        w.can(&order, &c.handler, "2026-11-03"),
        [
            K::Accept,
            K::NotAccept,
            K::AssignStation,
            K::AssignHandler,
            K::Transfer,
            K::ReferUp,
            K::DispatchToEnterprise,
            K::FlagClue
        ]
    );
    assert_eq!(w.can(&order, &c.owner, "2026-11-03"), [K::Withdraw]);
    assert_eq!(
        w.can(&order, &c.reviewer, "2026-11-03").len(),
        8,
        "a reviewer can also handle"
    );

    let order = w.ok(&order, &c.handler, Command::Accept, "2026-11-03");
    assert_eq!(order.state, State::Accepted);
    assert_eq!(order.accepted_on, Some(d("2026-11-03")));
    let order = w.ok(
        &order,
        &c.owner,
        Command::RecordConsent {
            party: Party::Consumer,
            consents: true,
        },
        "2026-11-03",
    );
    assert_eq!(order.state, State::Accepted, "one consent is not enough");
    let order = w.ok(
        &order,
        &c.enterprise_handler,
        Command::RecordConsent {
            party: Party::Business,
            consents: true,
        },
        "2026-11-04",
    );
    assert_eq!(order.state, State::Mediating);
    let order = w.ok(&order, &c.handler, Command::PauseForTesting, "2026-11-05");
    assert!(
        !w.can(&order, &c.handler, "2026-11-06").contains(&K::Settle),
        "no agreement while testing is under way"
    );
    let order = w.ok(
        &order,
        &c.handler,
        Command::ResumeAfterTesting,
        "2026-11-20",
    );
    let order = w.ok(
        &order,
        &c.handler,
        Command::Settle {
            recovered_fen: 129_900,
        },
        "2026-11-23",
    );
    assert_eq!(
        order.state,
        State::Concluded(Conclusion::Settled {
            recovered_fen: 129_900,
            by_enterprise: false
        })
    );
    // A clue may still be flagged while the leader reviews; then it is archived.
    assert_eq!(w.can(&order, &c.handler, "2026-11-23"), [K::FlagClue]);
    assert_eq!(
        w.can(&order, &c.reviewer, "2026-11-23"),
        [K::FlagClue, K::Archive]
    );
    assert_eq!(w.can(&order, &c.owner, "2026-11-23"), [K::Rate]);
    let order = w.ok(&order, &c.reviewer, Command::Archive, "2026-11-24");
    assert!(matches!(order.state, State::Archived(_)));
    assert_eq!(
        w.refused(&order, &c.owner, Command::Rate { score: 6 }, "2026-11-25"),
        Refusal::Invalid {
            field: "score",
            reason: "must be 1 to 5"
        }
    );
    let order = w.ok(&order, &c.owner, Command::Rate { score: 5 }, "2026-11-25");
    assert_eq!(order.rating, Some(5));
    assert_eq!(
        w.refused(&order, &c.owner, Command::Rate { score: 4 }, "2026-11-26"),
        Refusal::WrongState,
        "rated once"
    );
}

#[test]
fn strangers_can_do_nothing_to_an_order_in_any_state() {
    let w = World::new();
    let c = cast();
    for order in sample_orders(&w) {
        for who in strangers(&c) {
            assert_eq!(
                w.can(&order, who, "2026-11-10"),
                Vec::<K>::new(),
                "{who:?} on {:?}",
                order.state
            );
            for kind in CommandKind::ALL {
                assert_eq!(
                    permits(&order, By::Actor(who), kind, &w.ctx("2026-11-10")),
                    Err(Refusal::NotAllowed),
                    "{who:?} {kind:?} on {:?}",
                    order.state
                );
            }
        }
    }
}

/// Orders in every state, reached through the machine.
fn sample_orders(w: &World) -> Vec<Order> {
    let c = cast();
    let received = complaint();
    let accepted = w.ok(&received, &c.handler, Command::Accept, "2026-11-03");
    let consent = |o: &Order, party| {
        w.ok(
            o,
            &c.handler,
            Command::RecordConsent {
                party,
                consents: true,
            },
            "2026-11-03",
        )
    };
    let mediating = consent(&consent(&accepted, Party::Consumer), Party::Business);
    let settled = w.ok(
        &mediating,
        &c.handler,
        Command::Settle { recovered_fen: 1 },
        "2026-11-04",
    );
    let archived = w.ok(&settled, &c.reviewer, Command::Archive, "2026-11-05");
    let with_enterprise = w.ok(
        &received,
        &c.handler,
        Command::DispatchToEnterprise,
        "2026-11-03",
    );
    let proposed = w.ok(
        &with_enterprise,
        &c.enterprise_handler,
        Command::ProposeSettlement {
            remedy: Remedy::Repair,
            amount_fen: None,
        },
        "2026-11-04",
    );
    let report_checking = w.ok(&report(), &c.handler, Command::Accept, "2026-11-03");
    vec![
        received,
        accepted,
        mediating,
        settled,
        archived,
        with_enterprise,
        proposed,
        report(),
        report_checking,
    ]
}

fn client(org: OrgRef, scopes: &[crate::access::ClientScope]) -> Actor {
    Actor::Client {
        client: crate::access::ClientId(1),
        org,
        scopes: scopes.to_vec(),
    }
}

/// The enterprise's side in every sample state × every action: its handler and its client with
/// `orders:write` may propose while the complaint is with it (and record the business's
/// consent when the bureau mediates); a read-only client, another enterprise, and the
/// enterprise's administrator may do nothing.
#[test]
fn the_enterprise_side_proposes_only_while_it_holds_the_complaint() {
    use crate::access::ClientScope::{OrdersRead, OrdersWrite};
    let w = World::new();
    let c = cast();
    let writer = client(enterprise(), &[OrdersRead, OrdersWrite]);
    let reader = client(enterprise(), &[OrdersRead]);
    let other = org(OrgKind::Enterprise, &[1, 44, 4403, 440305, 9299]);
    let nobodies = [
        member(20, other.clone(), &[Role::Handler, Role::Reviewer], false),
        client(other, &[OrdersRead, OrdersWrite]),
        reader,
        member(21, enterprise(), &[Role::OrgAdmin], true),
    ];
    for order in sample_orders(&w) {
        let with_enterprise = matches!(order.state, State::WithEnterprise { .. });
        let expected: Vec<K> = if with_enterprise {
            vec![K::ProposeSettlement]
        } else if order.state == State::Accepted && order.kind == AppealKind::Complaint {
            vec![K::RecordConsent]
        } else {
            vec![]
        };
        for who in [&c.enterprise_handler, &writer] {
            assert_eq!(
                w.can(&order, who, "2026-11-05"),
                expected,
                "{who:?} on {:?}",
                order.state
            );
        }
        for who in &nobodies {
            for kind in CommandKind::ALL {
                assert_eq!(
                    permits(&order, By::Actor(who), kind, &w.ctx("2026-11-05")),
                    Err(Refusal::NotAllowed),
                    "{who:?} {kind:?} on {:?}",
                    order.state
                );
            }
        }
    }
    assert!(lacks_write_scope(&client(enterprise(), &[OrdersRead])));
}

#[test]
fn a_new_proposal_replaces_the_pending_one_and_money_remedies_state_their_amount() {
    let w = World::new();
    let c = cast();
    let order = w.ok(
        &complaint(),
        &c.handler,
        Command::DispatchToEnterprise,
        "2026-11-03",
    );
    let propose = |remedy, amount_fen| Command::ProposeSettlement { remedy, amount_fen };
    for (remedy, amount, reason) in [
        (
            Remedy::Refund,
            None,
            "a refund or compensation needs its amount",
        ),
        (
            Remedy::Compensation,
            None,
            "a refund or compensation needs its amount",
        ),
        (Remedy::Refund, Some(0), "must be more than zero"),
        (Remedy::Compensation, Some(-1), "must be more than zero"),
        (Remedy::Other, Some(-1), "must not be negative"),
    ] {
        assert_eq!(
            w.refused(
                &order,
                &c.enterprise_handler,
                propose(remedy, amount),
                "2026-11-04"
            ),
            Refusal::Invalid {
                field: "amount_fen",
                reason
            },
            "{remedy:?} {amount:?}"
        );
    }
    let first = w.ok(
        &order,
        &c.enterprise_handler,
        propose(Remedy::Replacement, None),
        "2026-11-04",
    );
    let second = w.ok(
        &first,
        &client(enterprise(), &[crate::access::ClientScope::OrdersWrite]),
        propose(Remedy::Compensation, Some(20_000)),
        "2026-11-05",
    );
    assert_eq!(
        second.proposal,
        Some(Proposal {
            remedy: Remedy::Compensation,
            amount_fen: Some(20_000)
        })
    );
    assert_eq!(second.state, order.state, "still with the enterprise");
    // A remedy that is not money settles with nothing recovered.
    let settled = w.ok(
        &first,
        &c.owner,
        Command::AcceptEnterpriseSettlement,
        "2026-11-05",
    );
    assert_eq!(
        settled.state,
        State::Concluded(Conclusion::Settled {
            recovered_fen: 0,
            by_enterprise: true
        })
    );
}

#[test]
fn a_rejected_proposal_sends_the_complaint_to_the_bureaus_ordinary_procedure() {
    let w = World::new();
    let c = cast();
    let order = Order::received(
        AppealKind::Complaint,
        d("2026-11-02"),
        Some(OWNER),
        nanshan(),
        Some((enterprise().id, true)),
        true,
    );
    assert_eq!(
        w.refused(&order, &c.owner, Command::RejectSettlement, "2026-11-03"),
        Refusal::WrongState,
        "nothing to reject yet"
    );
    let proposed = w.ok(
        &order,
        &c.enterprise_handler,
        Command::ProposeSettlement {
            remedy: Remedy::Refund,
            amount_fen: Some(12_800),
        },
        "2026-11-04",
    );
    for who in [&c.handler, &c.enterprise_handler, &c.other_consumer] {
        assert_eq!(
            w.refused(&proposed, who, Command::RejectSettlement, "2026-11-05"),
            Refusal::NotAllowed,
            "{who:?}"
        );
    }
    let back = w.ok(&proposed, &c.owner, Command::RejectSettlement, "2026-11-06");
    assert_eq!(back.state, State::Received);
    assert_eq!(back.holder, nanshan());
    assert_eq!(
        back.clock_start,
        d("2026-11-06"),
        "the bureau's 7 days start now"
    );
    assert_eq!(back.proposal, None);
    assert_eq!(
        w.can(&back, &c.enterprise_handler, "2026-11-06"),
        Vec::<K>::new(),
        "the enterprise's time is over"
    );
    assert_eq!(
        outcome_of(proposed.state, K::RejectSettlement, By::Actor(&c.owner)),
        Some(Outcome::Rejected)
    );
}

#[test]
fn not_accepting_needs_one_of_the_closed_grounds_and_a_report_only_the_first() {
    let w = World::new();
    let c = cast();
    for ground in NotAcceptedGround::ALL {
        let order = w.ok(
            &complaint(),
            &c.handler,
            Command::NotAccept { ground },
            "2026-11-03",
        );
        assert_eq!(
            order.state,
            State::Concluded(Conclusion::NotAccepted { ground })
        );
        assert!(!ground.zh().is_empty() && !ground.en().is_empty());
    }
    assert!(matches!(
        w.refused(
            &report(),
            &c.handler,
            Command::NotAccept {
                ground: NotAcceptedGround::TimeBarred
            },
            "2026-11-03"
        ),
        Refusal::Invalid {
            field: "ground",
            ..
        }
    ));
    let order = w.ok(
        &report(),
        &c.handler,
        Command::NotAccept {
            ground: NotAcceptedGround::OutsideRemit,
        },
        "2026-11-03",
    );
    assert!(matches!(order.state, State::Concluded(_)));
    assert_eq!(
        NotAcceptedGround::ALL.map(|g| g.item()),
        [1, 2, 3, 4, 5, 6, 7]
    );
    assert_eq!(
        TerminationReason::ALL.map(|r| r.item()),
        [1, 2, 3, 4, 5, 6, 7, 8]
    );
    assert!(OTHER_ROUTES_ZH.contains("仲裁") && OTHER_ROUTES_EN.contains("arbitration"));
}

#[test]
fn a_transferred_order_may_be_returned_but_not_passed_on() {
    let w = World::new();
    let c = cast();
    let order = w.ok(
        &complaint(),
        &c.handler,
        Command::Transfer { to: futian() },
        "2026-11-04",
    );
    assert_eq!(order.holder, futian());
    assert_eq!(order.sender, Some(nanshan()));
    assert_eq!(
        order.clock_start,
        d("2026-11-04"),
        "the receiver's clock starts"
    );
    // The sender no longer holds it.
    assert_eq!(w.can(&order, &c.handler, "2026-11-05"), Vec::<K>::new());
    // Art. 41: the receiver handles or returns it, never passes it on.
    let can = w.can(&order, &c.futian_handler, "2026-11-05");
    assert!(can.contains(&K::ReturnToSender) && can.contains(&K::Accept));
    assert!(!can.contains(&K::Transfer));
    assert_eq!(
        w.refused(
            &order,
            &c.futian_handler,
            Command::Transfer { to: shenzhen() },
            "2026-11-05"
        ),
        Refusal::WrongState
    );
    let back = w.ok(
        &order,
        &c.futian_handler,
        Command::ReturnToSender,
        "2026-11-06",
    );
    assert_eq!(back.holder, nanshan());
    assert_eq!(back.sender, None);
    // Back home, the original unit may send it elsewhere again.
    assert!(
        w.can(&back, &c.handler, "2026-11-06")
            .contains(&K::Transfer)
    );
    // Only to a bureau, never to itself.
    for to in [nanshan(), station(), enterprise()] {
        assert!(matches!(
            w.refused(&back, &c.handler, Command::Transfer { to }, "2026-11-06"),
            Refusal::Invalid { field: "to", .. }
        ));
    }
    // After acceptance there is nothing to transfer.
    let accepted = w.ok(&back, &c.handler, Command::Accept, "2026-11-06");
    assert_eq!(
        w.refused(
            &accepted,
            &c.handler,
            Command::Transfer { to: futian() },
            "2026-11-06"
        ),
        Refusal::WrongState
    );
}

#[test]
fn a_county_assigns_to_its_own_station_which_handles_it_or_gives_it_back() {
    let w = World::new();
    let c = cast();
    assert!(matches!(
        w.refused(
            &complaint(),
            &c.handler,
            Command::AssignStation {
                station: futian_station()
            },
            "2026-11-03"
        ),
        Refusal::Invalid {
            field: "station",
            ..
        }
    ));
    let order = w.ok(
        &complaint(),
        &c.handler,
        Command::AssignStation { station: station() },
        "2026-11-03",
    );
    assert_eq!(order.holder, station());
    assert_eq!(
        order.clock_start,
        d("2026-11-02"),
        "the county's clock runs on"
    );
    let can = w.can(&order, &c.station_handler, "2026-11-04");
    assert!(can.contains(&K::Accept) && can.contains(&K::ReturnToSender));
    assert!(!can.contains(&K::Transfer) && !can.contains(&K::AssignStation));
    // The county's reviewer can pull it back up: the county is above its station.
    assert!(
        w.can(&order, &c.reviewer, "2026-11-04")
            .contains(&K::TakeOver)
    );
    let back = w.ok(
        &order,
        &c.station_handler,
        Command::ReturnToSender,
        "2026-11-04",
    );
    assert_eq!(back.holder, nanshan());
    // A city bureau has no stations to assign to.
    let mut city_order = complaint();
    city_order.holder = shenzhen();
    assert_eq!(
        w.refused(
            &city_order,
            &c.city_handler,
            Command::AssignStation { station: station() },
            "2026-11-03"
        ),
        Refusal::WrongState
    );
}

#[test]
fn handlers_take_orders_themselves_and_reviewers_assign_anyone_in_the_unit() {
    let w = World::new();
    let c = cast();
    let own = Command::AssignHandler {
        handler: UserId(1),
        handler_org: nanshan().id,
    };
    let other = Command::AssignHandler {
        handler: UserId(77),
        handler_org: nanshan().id,
    };
    assert_eq!(
        w.ok(&complaint(), &c.handler, own, "2026-11-03").handler,
        Some(UserId(1))
    );
    assert!(matches!(
        w.refused(&complaint(), &c.handler, other.clone(), "2026-11-03"),
        Refusal::Invalid {
            field: "handler",
            ..
        }
    ));
    assert_eq!(
        w.ok(&complaint(), &c.reviewer, other, "2026-11-03").handler,
        Some(UserId(77))
    );
    assert!(matches!(
        w.refused(
            &complaint(),
            &c.reviewer,
            Command::AssignHandler {
                handler: UserId(4),
                handler_org: futian().id
            },
            "2026-11-03"
        ),
        Refusal::Invalid {
            field: "handler",
            ..
        }
    ));
}

#[test]
fn referring_up_waits_for_the_upper_level_which_takes_over_or_declines() {
    let w = World::new();
    let c = cast();
    assert!(matches!(
        w.refused(
            &complaint(),
            &c.handler,
            Command::ReferUp { to: guangdong() },
            "2026-11-03"
        ),
        Refusal::Invalid { field: "to", .. }
    ));
    let referred = w.ok(
        &complaint(),
        &c.handler,
        Command::ReferUp { to: shenzhen() },
        "2026-11-03",
    );
    assert_eq!(referred.referral, Some(shenzhen()));
    // While the upper level decides, the county does not decide acceptance.
    assert!(
        !w.can(&referred, &c.handler, "2026-11-04")
            .contains(&K::Accept)
    );
    assert_eq!(
        w.can(&referred, &c.city_reviewer, "2026-11-04"),
        [K::TakeOver, K::DeclineReferral]
    );
    assert_eq!(
        w.can(&referred, &c.city_handler, "2026-11-04"),
        Vec::<K>::new()
    );
    let declined = w.ok(
        &referred,
        &c.city_reviewer,
        Command::DeclineReferral,
        "2026-11-04",
    );
    assert_eq!(declined.referral, None);
    assert_eq!(declined.holder, nanshan());
    let taken = w.ok(&referred, &c.city_reviewer, Command::TakeOver, "2026-11-04");
    assert_eq!(taken.holder, shenzhen());
    assert_eq!(taken.referral, None);
    // An upper level may take over unasked; the province's reviewer needs the second factor.
    assert_eq!(
        w.refused(
            &complaint(),
            &c.province_reviewer_no_2fa,
            Command::TakeOver,
            "2026-11-03"
        ),
        Refusal::NotAllowed
    );
    assert_eq!(
        w.ok(
            &complaint(),
            &c.province_reviewer,
            Command::TakeOver,
            "2026-11-03"
        )
        .holder,
        guangdong()
    );
    // Not sideways, not from below.
    assert_eq!(
        w.refused(
            &complaint(),
            &c.futian_handler,
            Command::TakeOver,
            "2026-11-03"
        ),
        Refusal::NotAllowed
    );
    let mut national_order = complaint();
    national_order.holder = national();
    assert_eq!(
        w.refused(
            &national_order,
            &c.national_analyst,
            Command::ReferUp { to: national() },
            "2026-11-03"
        ),
        Refusal::NotAllowed
    );
}

#[test]
fn an_odr_enterprise_settles_first_or_the_complaint_returns_to_the_bureau() {
    let w = World::new();
    let c = cast();
    // The consumer chose the enterprise first at intake.
    let order = Order::received(
        AppealKind::Complaint,
        d("2026-11-02"),
        Some(OWNER),
        nanshan(),
        Some((enterprise().id, true)),
        true,
    );
    assert_eq!(
        order.state,
        State::WithEnterprise {
            since: d("2026-11-02")
        }
    );
    let deadline = deadlines(&order, &w.calendar);
    assert_eq!(deadline[0].kind, DeadlineKind::EnterpriseSettlement);
    assert_eq!(
        deadline[0].clock,
        Clock::Running {
            due: crate::calendar::Due {
                date: d("2026-11-16"),
                provisional: false
            }
        }
    );
    assert_eq!(
        w.can(&order, &c.owner, "2026-11-05"),
        [K::ReturnFromEnterprise, K::Withdraw],
        "nothing to accept or reject before the enterprise proposes"
    );
    assert_eq!(
        w.can(&order, &c.enterprise_handler, "2026-11-05"),
        [K::ProposeSettlement]
    );
    // The scheduler sends it back only when the 10 working days have passed.
    let ctx = w.ctx("2026-11-16");
    assert_eq!(
        apply(&order, By::Scheduler, &Command::ReturnFromEnterprise, &ctx),
        Err(Refusal::WrongState)
    );
    let back = apply(
        &order,
        By::Scheduler,
        &Command::ReturnFromEnterprise,
        &w.ctx("2026-11-17"),
    )
    .unwrap();
    assert_eq!(back.state, State::Received);
    assert_eq!(
        back.clock_start,
        d("2026-11-17"),
        "the bureau's 7 days start now"
    );
    // The enterprise proposes; the consumer accepts: settled by the enterprise, recovering
    // the proposal's amount.
    let proposed = w.ok(
        &order,
        &c.enterprise_handler,
        Command::ProposeSettlement {
            remedy: Remedy::Refund,
            amount_fen: Some(5_000),
        },
        "2026-11-04",
    );
    assert_eq!(
        proposed.proposal,
        Some(Proposal {
            remedy: Remedy::Refund,
            amount_fen: Some(5_000)
        })
    );
    assert_eq!(
        w.can(&proposed, &c.owner, "2026-11-05"),
        [
            K::AcceptEnterpriseSettlement,
            K::RejectSettlement,
            K::ReturnFromEnterprise,
            K::Withdraw
        ]
    );
    let settled = w.ok(
        &proposed,
        &c.owner,
        Command::AcceptEnterpriseSettlement,
        "2026-11-05",
    );
    assert_eq!(
        settled.state,
        State::Concluded(Conclusion::Settled {
            recovered_fen: 5_000,
            by_enterprise: true
        })
    );
    assert_eq!(settled.proposal, None);
    assert_eq!(
        w.refused(
            &order,
            &c.owner,
            Command::AcceptEnterpriseSettlement,
            "2026-11-05"
        ),
        Refusal::WrongState,
        "nothing proposed yet"
    );
    // Not for a business that is not an approved ODR enterprise, never for a report.
    let plain = Order::received(
        AppealKind::Complaint,
        d("2026-11-02"),
        Some(OWNER),
        nanshan(),
        Some((enterprise().id, false)),
        true,
    );
    assert_eq!(plain.state, State::Received);
    assert!(
        !w.can(&plain, &c.handler, "2026-11-03")
            .contains(&K::DispatchToEnterprise)
    );
    assert_eq!(report().state, State::Received);
    assert!(
        !w.can(&report(), &c.handler, "2026-11-03")
            .contains(&K::DispatchToEnterprise)
    );
}

#[test]
fn consent_is_recorded_by_each_side_for_itself_or_by_staff() {
    let w = World::new();
    let c = cast();
    let accepted = w.ok(&complaint(), &c.handler, Command::Accept, "2026-11-03");
    let business = Command::RecordConsent {
        party: Party::Business,
        consents: true,
    };
    assert!(matches!(
        w.refused(&accepted, &c.owner, business.clone(), "2026-11-03"),
        Refusal::Invalid { field: "party", .. }
    ));
    assert!(matches!(
        w.refused(
            &accepted,
            &c.enterprise_handler,
            Command::RecordConsent {
                party: Party::Consumer,
                consents: true
            },
            "2026-11-03"
        ),
        Refusal::Invalid { field: "party", .. }
    ));
    // A refusal to mediate ends in termination, and only then is that reason accepted.
    assert!(matches!(
        w.refused(
            &accepted,
            &c.handler,
            Command::Terminate {
                reason: TerminationReason::PartyRefused
            },
            "2026-11-03"
        ),
        Refusal::Invalid {
            field: "reason",
            ..
        }
    ));
    let refused = w.ok(
        &accepted,
        &c.enterprise_handler,
        Command::RecordConsent {
            party: Party::Business,
            consents: false,
        },
        "2026-11-03",
    );
    assert_eq!(refused.state, State::Accepted);
    let ended = w.ok(
        &refused,
        &c.handler,
        Command::Terminate {
            reason: TerminationReason::PartyRefused,
        },
        "2026-11-04",
    );
    assert_eq!(
        ended.state,
        State::Concluded(Conclusion::Terminated {
            reason: TerminationReason::PartyRefused
        })
    );
    // Another enterprise's staff have no say.
    let mut other = complaint();
    other.business = Some(OrgId(4242));
    let other = w.ok(&other, &c.handler, Command::Accept, "2026-11-03");
    assert_eq!(
        w.refused(&other, &c.enterprise_handler, business, "2026-11-03"),
        Refusal::NotAllowed
    );
}

fn mediating(w: &World) -> Order {
    let c = cast();
    let mut order = w.ok(&complaint(), &c.handler, Command::Accept, "2026-11-03");
    for party in [Party::Consumer, Party::Business] {
        order = w.ok(
            &order,
            &c.handler,
            Command::RecordConsent {
                party,
                consents: true,
            },
            "2026-11-03",
        );
    }
    order
}

#[test]
fn mediation_delegated_to_an_association_of_the_area_is_conducted_by_it() {
    let w = World::new();
    let c = cast();
    let order = mediating(&w);
    assert!(matches!(
        w.refused(
            &order,
            &c.handler,
            Command::Delegate {
                association: far_association()
            },
            "2026-11-04"
        ),
        Refusal::Invalid {
            field: "association",
            ..
        }
    ));
    let delegated = w.ok(
        &order,
        &c.handler,
        Command::Delegate {
            association: association(),
        },
        "2026-11-04",
    );
    assert_eq!(delegated.mediator, Some(association()));
    assert_eq!(
        w.can(&delegated, &c.association_handler, "2026-11-05"),
        [K::PauseForTesting, K::Settle, K::Terminate]
    );
    assert!(
        !w.can(&delegated, &c.handler, "2026-11-05")
            .contains(&K::Settle)
    );
    let settled = w.ok(
        &delegated,
        &c.association_handler,
        Command::Settle {
            recovered_fen: 20_000,
        },
        "2026-11-06",
    );
    // The result flows back: the bureau's reviewer archives it.
    assert_eq!(
        w.can(&settled, &c.reviewer, "2026-11-06"),
        [K::FlagClue, K::Archive]
    );
    // Without both consents there is no delegation.
    let accepted = w.ok(&complaint(), &c.handler, Command::Accept, "2026-11-03");
    assert_eq!(
        w.refused(
            &accepted,
            &c.handler,
            Command::Delegate {
                association: association()
            },
            "2026-11-04"
        ),
        Refusal::WrongState
    );
}

#[test]
fn the_mediation_period_runs_sixty_days_from_acceptance_stopping_for_testing() {
    let w = World::new();
    let c = cast();
    let order = mediating(&w); // accepted 2026-11-03; +60 days = 2027-01-02 (Sat) → Mon 4
    let expired = Command::Terminate {
        reason: TerminationReason::PeriodExpired,
    };
    let due = deadlines(&order, &w.calendar);
    assert_eq!(due[0].kind, DeadlineKind::Mediation);
    assert_eq!(
        due[0].clock,
        Clock::Running {
            due: crate::calendar::Due {
                date: d("2027-01-04"),
                provisional: true
            }
        }
    );
    assert!(matches!(
        w.refused(&order, &c.handler, expired.clone(), "2027-01-04"),
        Refusal::Invalid {
            field: "reason",
            ..
        }
    ));
    w.ok(&order, &c.handler, expired.clone(), "2027-01-05");
    // Ten days of testing move the end by ten days.
    let paused = w.ok(&order, &c.handler, Command::PauseForTesting, "2026-11-10");
    assert!(matches!(
        deadlines(&paused, &w.calendar)[0].clock,
        Clock::Stopped { .. }
    ));
    let resumed = w.ok(
        &paused,
        &c.handler,
        Command::ResumeAfterTesting,
        "2026-11-20",
    );
    assert!(matches!(
        w.refused(&resumed, &c.handler, expired.clone(), "2027-01-05"),
        Refusal::Invalid { .. }
    ));
    w.ok(&resumed, &c.handler, expired, "2027-01-13");
}

#[test]
fn orders_received_before_order_121_keep_the_2019_periods() {
    assert_eq!(rules_for(d("2026-04-14")), RuleSet::Interim2019);
    assert_eq!(rules_for(d("2026-04-15")), RuleSet::Order121);
    assert_eq!(
        RuleSet::Interim2019.mediation(),
        crate::calendar::Period::WorkingDays(45)
    );
    assert_eq!(
        RuleSet::Order121.mediation(),
        crate::calendar::Period::Days(60)
    );
    let old = complaint_on("2026-04-14");
    assert_eq!(old.rules, RuleSet::Interim2019);
}

#[test]
fn a_clue_is_checked_in_fifteen_working_days_extended_once_by_a_leader() {
    let w = World::new();
    let c = cast();
    let order = mediating(&w);
    let flagged = w.ok(&order, &c.handler, Command::FlagClue, "2026-11-05");
    assert!(
        !w.can(&flagged, &c.handler, "2026-11-05")
            .contains(&K::FlagClue)
    );
    let clue = deadlines(&flagged, &w.calendar)
        .into_iter()
        .find(|d| d.kind == DeadlineKind::ClueCheck)
        .unwrap();
    assert_eq!(
        clue.clock,
        Clock::Running {
            due: crate::calendar::Due {
                date: d("2026-11-26"),
                provisional: false
            }
        }
    );
    assert_eq!(
        w.refused(&flagged, &c.handler, Command::ExtendClueCheck, "2026-11-20"),
        Refusal::NotAllowed,
        "only a leader extends"
    );
    assert_eq!(
        w.refused(
            &flagged,
            &c.reviewer,
            Command::ExtendClueCheck,
            "2026-11-27"
        ),
        Refusal::WrongState,
        "not after the period has run out"
    );
    let extended = w.ok(
        &flagged,
        &c.reviewer,
        Command::ExtendClueCheck,
        "2026-11-26",
    );
    assert_eq!(
        w.refused(
            &extended,
            &c.reviewer,
            Command::ExtendClueCheck,
            "2026-11-26"
        ),
        Refusal::WrongState,
        "once"
    );
    // The complaint settles; the clue still has to be decided before archiving.
    let settled = w.ok(
        &extended,
        &c.handler,
        Command::Settle { recovered_fen: 0 },
        "2026-11-27",
    );
    assert_eq!(
        w.refused(&settled, &c.reviewer, Command::Archive, "2026-11-27"),
        Refusal::WrongState
    );
    let decided = w.ok(
        &settled,
        &c.handler,
        Command::DecideClue {
            decision: CaseDecision::CaseOpened,
        },
        "2026-12-01",
    );
    assert_eq!(
        decided.clue.unwrap().decision,
        Some(CaseDecision::CaseOpened)
    );
    w.ok(&decided, &c.reviewer, Command::Archive, "2026-12-01");
}

#[test]
fn a_report_is_checked_and_new_facts_restart_its_period() {
    let w = World::new();
    let c = cast();
    let order = report();
    assert_eq!(order.consumer, None, "anonymous");
    let first = deadlines(&order, &w.calendar);
    assert_eq!(first[0].kind, DeadlineKind::ReportCheck);
    let checking = w.ok(&order, &c.handler, Command::Accept, "2026-11-03");
    assert_eq!(checking.state, State::Checking { extended: false });
    assert_eq!(deadlines(&checking, &w.calendar)[0].clock, first[0].clock);
    assert!(
        !w.can(&checking, &c.handler, "2026-11-04")
            .contains(&K::RecordConsent)
    );
    let merged = apply(
        &checking,
        By::Scheduler,
        &Command::MergeNewFacts,
        &w.ctx("2026-11-10"),
    )
    .unwrap();
    assert_eq!(merged.clock_start, d("2026-11-10"));
    let Clock::Running { due } = deadlines(&merged, &w.calendar)[0].clock else {
        panic!("running");
    };
    assert_eq!(due.date, d("2026-12-01"));
    let extended = w.ok(&merged, &c.reviewer, Command::ExtendCheck, "2026-11-30");
    let Clock::Running { due } = deadlines(&extended, &w.calendar)[0].clock else {
        panic!("running");
    };
    assert_eq!(due.date, d("2026-12-22"));
    let done = w.ok(
        &extended,
        &c.handler,
        Command::DecideReport {
            decision: CaseDecision::NoCase,
        },
        "2026-12-10",
    );
    assert_eq!(
        done.state,
        State::Concluded(Conclusion::Checked {
            decision: CaseDecision::NoCase
        })
    );
    // A named reporter cannot withdraw a report; the bureau goes on.
    let mut named = report();
    named.consumer = Some(OWNER);
    assert_eq!(w.can(&named, &c.owner, "2026-11-03"), Vec::<K>::new());
}

#[test]
fn consultations_are_answered_and_carry_no_regulated_period() {
    let w = World::new();
    let c = cast();
    for kind in [AppealKind::Consultation, AppealKind::Suggestion] {
        let order = Order::received(kind, d("2026-11-02"), Some(OWNER), nanshan(), None, true);
        assert_eq!(deadlines(&order, &w.calendar), []);
        assert_eq!(
            w.can(&order, &c.handler, "2026-11-03"),
            [K::AssignStation, K::AssignHandler, K::ReferUp, K::Answer]
        );
        let answered = w.ok(&order, &c.handler, Command::Answer, "2026-11-03");
        assert_eq!(answered.state, State::Concluded(Conclusion::Answered));
    }
}

#[test]
fn the_acceptance_period_is_seven_working_days_from_the_holders_receipt() {
    let w = World::new();
    let c = cast();
    let order = complaint_on("2026-09-30");
    let Clock::Running { due } = deadlines(&order, &w.calendar)[0].clock else {
        panic!("running");
    };
    // 国庆: Thu 8 Oct (1), Fri 9 (2), Sat 10 work (3), Mon 12 … Thu 15 (7).
    assert_eq!(due.date, d("2026-10-15"));
    let moved = w.ok(
        &order,
        &c.handler,
        Command::Transfer { to: futian() },
        "2026-10-09",
    );
    let Clock::Running { due } = deadlines(&moved, &w.calendar)[0].clock else {
        panic!("running");
    };
    // Transferred on Fri 9 Oct: Sat 10 work (1), Mon 12 … Fri 16 (6), Mon 19 (7).
    assert_eq!(due.date, d("2026-10-19"));
}

#[test]
fn a_consumer_withdraws_an_open_complaint_but_not_a_concluded_one() {
    let w = World::new();
    let c = cast();
    let order = mediating(&w);
    let withdrawn = w.ok(&order, &c.owner, Command::Withdraw, "2026-11-05");
    assert_eq!(withdrawn.state, State::Concluded(Conclusion::Withdrawn));
    assert_eq!(
        w.refused(&withdrawn, &c.owner, Command::Withdraw, "2026-11-05"),
        Refusal::WrongState
    );
    assert_eq!(
        w.refused(&order, &c.other_consumer, Command::Withdraw, "2026-11-05"),
        Refusal::NotAllowed
    );
}

#[test]
fn analysts_and_administrators_see_but_never_act() {
    let w = World::new();
    let c = cast();
    for order in sample_orders(&w) {
        for who in [&c.analyst, &c.admin, &c.national_analyst] {
            assert_eq!(w.can(&order, who, "2026-11-10"), Vec::<K>::new());
        }
    }
}

fn any_command() -> impl Strategy<Value = Command> {
    prop_oneof![
        Just(Command::Accept),
        prop::sample::select(NotAcceptedGround::ALL.to_vec())
            .prop_map(|ground| Command::NotAccept { ground }),
        Just(Command::AssignStation { station: station() }),
        Just(Command::Transfer { to: futian() }),
        Just(Command::ReturnToSender),
        Just(Command::ReferUp { to: shenzhen() }),
        Just(Command::TakeOver),
        Just(Command::DeclineReferral),
        Just(Command::DispatchToEnterprise),
        (
            prop::sample::select(Remedy::ALL.to_vec()),
            prop::option::of(-5i64..100_000)
        )
            .prop_map(|(remedy, amount_fen)| Command::ProposeSettlement { remedy, amount_fen }),
        Just(Command::AcceptEnterpriseSettlement),
        Just(Command::RejectSettlement),
        Just(Command::ReturnFromEnterprise),
        (prop::bool::ANY, prop::bool::ANY).prop_map(|(b, consents)| Command::RecordConsent {
            party: if b { Party::Consumer } else { Party::Business },
            consents
        }),
        Just(Command::Delegate {
            association: association()
        }),
        Just(Command::PauseForTesting),
        Just(Command::ResumeAfterTesting),
        (-5i64..100_000).prop_map(|recovered_fen| Command::Settle { recovered_fen }),
        prop::sample::select(TerminationReason::ALL.to_vec())
            .prop_map(|reason| Command::Terminate { reason }),
        Just(Command::FlagClue),
        Just(Command::ExtendClueCheck),
        Just(Command::DecideClue {
            decision: CaseDecision::CaseOpened
        }),
        Just(Command::ExtendCheck),
        Just(Command::DecideReport {
            decision: CaseDecision::NoCase
        }),
        Just(Command::MergeNewFacts),
        Just(Command::Answer),
        Just(Command::Withdraw),
        Just(Command::Archive),
        (0u8..8).prop_map(|score| Command::Rate { score }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Any sequence of actions by anyone keeps the order consistent, and every action that
    /// `available` offers is one that `apply` accepts (given valid data).
    #[test]
    fn random_walks_keep_the_order_consistent(
        kind in prop::sample::select(AppealKind::ALL.to_vec()),
        first in prop::bool::ANY,
        steps in prop::collection::vec((0usize..17, any_command(), 0u32..40), 1..40),
    ) {
        let w = World::new();
        let c = cast();
        let actors = [
            &c.owner, &c.other_consumer, &c.handler, &c.reviewer, &c.analyst, &c.admin,
            &c.futian_handler, &c.city_handler, &c.city_reviewer, &c.province_reviewer,
            &c.province_reviewer_no_2fa, &c.national_analyst, &c.station_handler,
            &c.enterprise_handler, &c.association_handler, &c.anonymous, &c.anonymous,
        ];
        let consumer = if kind == AppealKind::Report { None } else { Some(OWNER) };
        let mut order = Order::received(
            kind, d("2026-11-02"), consumer, nanshan(), Some((enterprise().id, true)), first,
        );
        let mut day = d("2026-11-02");
        for (who, command, advance) in steps {
            day += chrono::TimeDelta::days(i64::from(advance % 5));
            let ctx = Context { today: day, calendar: &w.calendar };
            let by = if who == 16 { By::Scheduler } else { By::Actor(actors[who]) };
            let before = order.clone();
            match apply(&order, by, &command, &ctx) {
                Ok(next) => {
                    prop_assert!(permits(&before, by, command.kind(), &ctx).is_ok());
                    order = next;
                }
                Err(Refusal::Invalid { .. }) => {
                    prop_assert!(permits(&before, by, command.kind(), &ctx).is_ok());
                }
                Err(refusal) => {
                    prop_assert_eq!(Err(refusal), permits(&before, by, command.kind(), &ctx));
                    prop_assert!(!available(&before, by, &ctx).contains(&command.kind()));
                }
            }
            // Invariants.
            if let State::Archived(conclusion) = order.state {
                prop_assert!(matches!(before.state, State::Archived(c) | State::Concluded(c) if c == conclusion));
            }
            if !before.state.is_open() {
                prop_assert!(!order.state.is_open(), "a concluded order never reopens");
            }
            if order.state == State::Mediating {
                prop_assert!(order.consent.both());
                prop_assert_eq!(order.kind, AppealKind::Complaint);
            }
            if matches!(order.state, State::WithEnterprise { .. }) {
                prop_assert_eq!(order.kind, AppealKind::Complaint);
                prop_assert!(order.business_odr);
            } else {
                prop_assert!(order.proposal.is_none(), "a proposal pends only with the enterprise");
            }
            if let Some(p) = order.proposal {
                prop_assert!(p.amount_fen.is_none_or(|a| a >= 0));
                prop_assert!(!p.remedy.needs_amount() || p.amount_fen.is_some_and(|a| a > 0));
            }
            if let Some(Conclusion::Settled { recovered_fen, .. }) = order.state.conclusion() {
                prop_assert!(recovered_fen >= 0);
            }
            prop_assert!(order.pauses.iter().filter(|p| p.until.is_none()).count() <= 1);
            if order.kind != AppealKind::Complaint {
                prop_assert!(order.clue.is_none());
                prop_assert!(order.accepted_on.is_none());
            }
            if let Some(sender) = &order.sender {
                prop_assert_ne!(sender.id, order.holder.id);
            }
        }
    }
}

#[test]
fn the_state_name_lists_agree_with_the_states() {
    let states = [
        State::Received,
        State::WithEnterprise {
            since: d("2026-11-02"),
        },
        State::Accepted,
        State::Mediating,
        State::Checking { extended: false },
        State::Concluded(Conclusion::Withdrawn),
        State::Archived(Conclusion::Withdrawn),
    ];
    assert_eq!(states.map(|s| s.name()), State::NAMES);
    let open: Vec<&str> = states
        .iter()
        .filter(|s| s.is_open())
        .map(State::name)
        .collect();
    assert_eq!(open, State::OPEN_NAMES);
}

#[test]
fn an_open_order_is_escalated_once_per_overdue_period_from_the_day_after_its_due_date() {
    let cal = calendar();
    // Received Monday 2026-11-02: 7 working days to accept end on Wednesday 2026-11-11.
    let order = complaint();
    let due = d("2026-11-11");
    assert_eq!(escalation_due(&order, None, d("2026-11-11"), &cal), None);
    assert_eq!(
        escalation_due(&order, None, d("2026-11-12"), &cal),
        Some(due)
    );
    // Escalated for that date: never again for it.
    assert_eq!(
        escalation_due(&order, Some(due), d("2026-11-30"), &cal),
        None
    );
    // Escalated for an earlier period (the due date moved): a new period escalates again.
    assert_eq!(
        escalation_due(&order, Some(d("2026-11-05")), d("2026-11-30"), &cal),
        Some(due)
    );
    // Concluded orders never are.
    let mut concluded = complaint();
    concluded.state = State::Concluded(Conclusion::Withdrawn);
    assert_eq!(
        escalation_due(&concluded, None, d("2026-12-30"), &cal),
        None
    );
    // Nor consultations, which carry no period.
    let mut consultation = complaint();
    consultation.kind = AppealKind::Consultation;
    assert_eq!(
        escalation_due(&consultation, None, d("2026-12-30"), &cal),
        None
    );
}

#[test]
fn the_supervisor_is_the_holding_units_parent() {
    let order = complaint();
    assert_eq!(supervisor(&order), shenzhen().id);
    let mut at_the_top = complaint();
    at_the_top.holder = national();
    assert_eq!(supervisor(&at_the_top), national().id);
}

#[test]
fn every_invalid_reason_has_a_chinese_text() {
    // The reasons as written in the machine: every `invalid(field, "reason")` call.
    let source = include_str!("machine.rs");
    let mut reasons = Vec::new();
    for call in source.split("invalid(").skip(1) {
        let mut quoted = call.split('"');
        let (Some(_), Some(_field), Some(_), Some(reason)) =
            (quoted.next(), quoted.next(), quoted.next(), quoted.next())
        else {
            continue;
        };
        if !reason.is_empty() && call.trim_start().starts_with('"') {
            reasons.push(reason);
        }
    }
    assert!(reasons.len() >= 12, "{reasons:?}");
    for reason in reasons {
        let zh = Refusal::Invalid {
            field: "field",
            reason,
        }
        .reason_zh();
        assert!(
            zh.is_some_and(|t| t != "不符合规定。"),
            "no Chinese text for {reason:?}"
        );
    }
}
