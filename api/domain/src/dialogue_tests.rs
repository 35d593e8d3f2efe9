use chrono::NaiveDate;

use super::*;
use crate::access::{BureauLevel, ClientId, OrgPath};
use crate::evidence::{SelectionProblem, UploadState};
use crate::workflow::{Conclusion, TerminationReason};

fn org(ids: &[i64], kind: OrgKind) -> OrgRef {
    OrgRef {
        id: OrgId(*ids.last().unwrap_or(&0)),
        kind,
        path: OrgPath(ids.iter().copied().map(OrgId).collect()),
        division: None,
    }
}

fn county() -> OrgRef {
    org(&[1, 2, 3, 4], OrgKind::Bureau(BureauLevel::County))
}

fn enterprise() -> OrgRef {
    org(&[1, 2, 3, 4, 50], OrgKind::Enterprise)
}

fn member(org: OrgRef, roles: &[Role]) -> Actor {
    Actor::Member {
        user: UserId(99),
        org,
        roles: roles.to_vec(),
        second_factor: true,
    }
}

fn client(org: OrgRef, scopes: &[ClientScope]) -> Actor {
    Actor::Client {
        client: ClientId(7),
        org,
        scopes: scopes.to_vec(),
    }
}

const FILER: UserId = UserId(1);

fn order(kind: AppealKind, state: State) -> Order {
    let day = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap_or_default();
    let mut o = Order::received(
        kind,
        day,
        Some(FILER),
        county(),
        Some((OrgId(50), true)),
        false,
    );
    o.state = state;
    o
}

fn since() -> State {
    State::WithEnterprise {
        since: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap_or_default(),
    }
}

fn closed() -> [State; 2] {
    let c = Conclusion::Terminated {
        reason: TerminationReason::NoAgreementPossible,
    };
    [State::Concluded(c), State::Archived(c)]
}

fn all_states() -> Vec<State> {
    let mut states = vec![
        State::Received,
        since(),
        State::Accepted,
        State::Mediating,
        State::Checking { extended: false },
    ];
    states.extend(closed());
    states
}

fn rights(o: &Order, actor: &Actor) -> Option<Rights> {
    participant(o, FILER, actor).ok().flatten()
}

#[test]
fn the_filer_is_the_consumer_and_writes_public_messages_only() {
    let o = order(AppealKind::Complaint, State::Mediating);
    let r = rights(&o, &Actor::Consumer { user: FILER });
    assert_eq!(
        r,
        Some(Rights {
            party: Party::Consumer,
            sees_internal: false,
            posts: true,
            posts_internal: false,
        })
    );
    assert_eq!(rights(&o, &Actor::Consumer { user: UserId(2) }), None);
    assert_eq!(
        participant(&o, FILER, &Actor::Anonymous),
        Err(Denied::SignInRequired)
    );
}

#[test]
fn the_enterprise_is_the_business_of_a_complaint_and_never_of_a_report() {
    let by = member(enterprise(), &[Role::Handler]);
    let complaint = order(AppealKind::Complaint, since());
    let r = rights(&complaint, &by).map(|r| (r.party, r.posts, r.sees_internal));
    assert_eq!(r, Some((Party::Business, true, false)));
    for kind in [
        AppealKind::Report,
        AppealKind::Suggestion,
        AppealKind::Consultation,
    ] {
        assert_eq!(rights(&order(kind, since()), &by), None, "{kind:?}");
    }
    let other = member(
        org(&[1, 2, 3, 4, 51], OrgKind::Enterprise),
        &[Role::Handler],
    );
    assert_eq!(rights(&complaint, &other), None);
    let mut not_odr = complaint.clone();
    not_odr.business_odr = false;
    assert_eq!(rights(&not_odr, &by), None);
}

#[test]
fn an_enterprise_client_reads_with_orders_read_and_writes_with_orders_write() {
    let complaint = order(AppealKind::Complaint, State::Mediating);
    let reader = client(enterprise(), &[ClientScope::OrdersRead]);
    let writer = client(
        enterprise(),
        &[ClientScope::OrdersRead, ClientScope::OrdersWrite],
    );
    assert_eq!(
        rights(&complaint, &reader).map(|r| (r.party, r.posts)),
        Some((Party::Business, false))
    );
    assert_eq!(
        rights(&complaint, &writer).map(|r| (r.party, r.posts)),
        Some((Party::Business, true))
    );
    assert_eq!(rights(&complaint, &client(enterprise(), &[])), None);
    assert_eq!(
        rights(&order(AppealKind::Report, State::Received), &writer),
        None,
        "never a report"
    );
    let other = client(
        org(&[1, 2, 3, 4, 51], OrgKind::Enterprise),
        &[ClientScope::OrdersWrite],
    );
    assert_eq!(rights(&complaint, &other), None);
    let bureau_client = client(county(), &[ClientScope::OrdersWrite]);
    assert_eq!(rights(&complaint, &bureau_client), None);
}

#[test]
fn staff_are_the_mediator_and_only_the_holding_unit_speaks_in_public() {
    let o = order(AppealKind::Complaint, State::Mediating);
    let holder = rights(&o, &member(county(), &[Role::Handler])).unwrap_or_else(|| {
        unreachable!("the holder's handler takes part");
    });
    assert_eq!(
        holder,
        Rights {
            party: Party::Mediator,
            sees_internal: true,
            posts: true,
            posts_internal: true,
        }
    );
    let reviewer = rights(&o, &member(county(), &[Role::Reviewer])).map(|r| r.posts);
    assert_eq!(reviewer, Some(true));
    let analyst =
        rights(&o, &member(county(), &[Role::Analyst])).map(|r| (r.posts, r.posts_internal));
    assert_eq!(analyst, Some((false, true)), "analysts write notes only");
    let city = member(
        org(&[1, 2, 3], OrgKind::Bureau(BureauLevel::City)),
        &[Role::Handler],
    );
    assert_eq!(
        rights(&o, &city).map(|r| (r.party, r.posts, r.posts_internal, r.sees_internal)),
        Some((Party::Mediator, false, true, true)),
        "units above read and write notes"
    );
    let sibling = member(
        org(&[1, 2, 3, 5], OrgKind::Bureau(BureauLevel::County)),
        &[Role::Handler],
    );
    assert_eq!(rights(&o, &sibling), None);
}

#[test]
fn the_delegated_association_mediates_in_public() {
    let association = org(&[1, 2, 3, 4, 60], OrgKind::Association);
    let mut o = order(AppealKind::Complaint, State::Mediating);
    let by = member(association.clone(), &[Role::Handler]);
    assert_eq!(rights(&o, &by), None, "not before delegation");
    o.mediator = Some(association);
    assert_eq!(
        rights(&o, &by).map(|r| (r.party, r.posts)),
        Some((Party::Mediator, true))
    );
}

#[test]
fn a_second_factor_is_required_where_the_order_view_requires_it() {
    let o = order(AppealKind::Complaint, State::Mediating);
    let province = org(&[1, 2], OrgKind::Bureau(BureauLevel::Province));
    let without = Actor::Member {
        user: UserId(5),
        org: province,
        roles: vec![Role::Analyst],
        second_factor: false,
    };
    assert_eq!(
        participant(&o, FILER, &without),
        Err(Denied::SecondFactorRequired)
    );
}

#[test]
fn public_messages_only_in_the_dialogue_states_notes_in_any_open_state() {
    let consumer = Actor::Consumer { user: FILER };
    let handler = member(county(), &[Role::Handler]);
    for state in all_states() {
        let o = order(AppealKind::Complaint, state);
        let c = rights(&o, &consumer).unwrap_or_else(|| unreachable!());
        let h = rights(&o, &handler).unwrap_or_else(|| unreachable!());
        let public_open = matches!(
            state,
            State::WithEnterprise { .. } | State::Accepted | State::Mediating
        );
        assert_eq!(is_open(&o), public_open, "{state:?}");
        let want = if public_open {
            Ok(())
        } else {
            Err(PostRefusal::Closed)
        };
        assert_eq!(may_post(&o, &c, false), want, "{state:?}");
        assert_eq!(may_post(&o, &h, false), want, "{state:?}");
        assert_eq!(
            may_post(&o, &c, true),
            Err(PostRefusal::NotAllowed),
            "{state:?}"
        );
        let note = if state.is_open() {
            Ok(())
        } else {
            Err(PostRefusal::Closed)
        };
        assert_eq!(may_post(&o, &h, true), note, "{state:?}");
    }
}

#[test]
fn a_report_has_no_public_dialogue_but_staff_notes() {
    let handler = member(county(), &[Role::Handler]);
    let o = order(AppealKind::Report, State::Checking { extended: false });
    let h = rights(&o, &handler).unwrap_or_else(|| unreachable!());
    assert!(!is_open(&o));
    assert_eq!(may_post(&o, &h, false), Err(PostRefusal::Closed));
    assert_eq!(may_post(&o, &h, true), Ok(()));
    assert_eq!(parties(&o), vec![Party::Consumer, Party::Mediator]);
}

#[test]
fn a_reader_without_post_rights_is_refused_before_the_state_is_considered() {
    let reader = client(enterprise(), &[ClientScope::OrdersRead]);
    for state in all_states() {
        let o = order(AppealKind::Complaint, state);
        let r = rights(&o, &reader).unwrap_or_else(|| unreachable!());
        assert_eq!(may_post(&o, &r, false), Err(PostRefusal::NotAllowed));
        assert_eq!(may_post(&o, &r, true), Err(PostRefusal::NotAllowed));
    }
}

#[test]
fn receipts_name_the_business_only_when_it_takes_part() {
    let complaint = order(AppealKind::Complaint, State::Mediating);
    assert_eq!(
        parties(&complaint),
        vec![Party::Consumer, Party::Business, Party::Mediator]
    );
    let mut offline = complaint.clone();
    offline.business_odr = false;
    assert_eq!(parties(&offline), vec![Party::Consumer, Party::Mediator]);
}

#[test]
fn internal_notes_reach_staff_only() {
    let staff = Rights {
        party: Party::Mediator,
        sees_internal: true,
        posts: true,
        posts_internal: true,
    };
    let consumer = Rights {
        party: Party::Consumer,
        sees_internal: false,
        posts: true,
        posts_internal: false,
    };
    assert!(visible_to(true, &staff));
    assert!(!visible_to(true, &consumer));
    assert!(visible_to(false, &consumer));
}

#[test]
fn the_business_never_learns_who_the_consumer_is() {
    for anonymous in [false, true] {
        assert!(!shows_consumer_identity(Party::Business, anonymous));
        assert!(shows_consumer_identity(Party::Consumer, anonymous));
    }
    assert!(shows_consumer_identity(Party::Mediator, false));
    assert!(!shows_consumer_identity(Party::Mediator, true));
}

#[test]
fn bodies_are_trimmed_cleaned_and_limited() {
    assert_eq!(
        clean_body("  您好 \r\n请回复\r "),
        Ok("您好 \n请回复".to_owned())
    );
    assert_eq!(clean_body("a\u{0}b\u{7}c\td"), Ok("abc\td".to_owned()));
    assert_eq!(clean_body(" \n\t "), Err(BodyProblem::Required));
    assert_eq!(clean_body(""), Err(BodyProblem::Required));
    let longest = "字".repeat(MAX_BODY_CHARS);
    assert_eq!(clean_body(&format!(" {longest} ")), Ok(longest.clone()));
    assert_eq!(
        clean_body(&format!("{longest}字")),
        Err(BodyProblem::TooLong)
    );
}

#[test]
fn read_marks_move_forward_only_and_never_past_the_newest_message() {
    assert_eq!(advance_read(None, 10, Some(12)), Some(10));
    assert_eq!(advance_read(Some(10), 5, Some(12)), None);
    assert_eq!(advance_read(Some(10), 10, Some(12)), None);
    assert_eq!(advance_read(Some(10), 99, Some(12)), Some(12));
    assert_eq!(advance_read(Some(12), 99, Some(12)), None);
    assert_eq!(advance_read(None, 5, None), None, "no messages yet");
    assert_eq!(advance_read(None, 0, Some(3)), None);
    assert_eq!(advance_read(None, -4, Some(3)), None);
}

#[test]
fn pages_hold_1_to_200_messages() {
    assert_eq!(page_size(None), Some(DEFAULT_PAGE));
    assert_eq!(page_size(Some(1)), Some(1));
    assert_eq!(page_size(Some(MAX_PAGE)), Some(MAX_PAGE));
    assert_eq!(page_size(Some(0)), None);
    assert_eq!(page_size(Some(MAX_PAGE + 1)), None);
}

#[test]
fn party_names_round_trip() {
    for p in Party::ALL {
        assert_eq!(Party::parse(p.as_str()), Some(p));
        let json = serde_json::to_value(p).unwrap_or_default();
        assert_eq!(json, p.as_str());
    }
    assert_eq!(Party::parse("enterprise"), None);
}

#[test]
fn a_message_carries_only_the_authors_own_uploads_used_or_not() {
    let own = |attached| UploadState {
        uploaded_by_caller: true,
        attached,
    };
    assert_eq!(may_share(Some(own(false))), Ok(()));
    assert_eq!(may_share(Some(own(true))), Ok(()));
    let theirs = UploadState {
        uploaded_by_caller: false,
        attached: false,
    };
    assert_eq!(may_share(Some(theirs)), Err(SelectionProblem::NotYours));
    assert_eq!(may_share(None), Err(SelectionProblem::NotYours));
}

#[test]
fn callers_follow_the_dialogues_they_take_part_in() {
    assert_eq!(
        follows(&Actor::Consumer { user: FILER }),
        Ok(Some(Follows::Filed(FILER)))
    );
    assert_eq!(follows(&Actor::Anonymous), Err(Denied::SignInRequired));
    assert_eq!(
        follows(&member(county(), &[Role::Handler])),
        Ok(Some(Follows::Unit(county())))
    );
    assert_eq!(
        follows(&member(enterprise(), &[Role::Reviewer])),
        Ok(Some(Follows::Business(OrgId(50))))
    );
    assert_eq!(follows(&member(enterprise(), &[Role::Analyst])), Ok(None));
    assert_eq!(follows(&member(county(), &[Role::OrgAdmin])), Ok(None));
    let department = org(&[1, 60], OrgKind::Department);
    assert_eq!(follows(&member(department, &[Role::Handler])), Ok(None));
    assert_eq!(
        follows(&client(enterprise(), &[ClientScope::OrdersRead])),
        Ok(Some(Follows::Business(OrgId(50))))
    );
    assert_eq!(follows(&client(enterprise(), &[])), Ok(None));
    assert_eq!(
        follows(&client(county(), &[ClientScope::OrdersRead])),
        Ok(None)
    );
    let province = Actor::Member {
        user: UserId(5),
        org: org(&[1, 2], OrgKind::Bureau(BureauLevel::Province)),
        roles: vec![Role::Analyst],
        second_factor: false,
    };
    assert_eq!(follows(&province), Err(Denied::SecondFactorRequired));
}
