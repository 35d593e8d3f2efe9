use super::*;
use crate::access::{
    Access, Action, Actor, BureauLevel, Denied, OrgId, OrgPath, OrgRef, Role, UserId, access,
};

fn code(s: &str) -> DivisionCode {
    DivisionCode::parse(s).unwrap()
}

fn registered(s: &str, has_children: bool) -> Option<RegisteredDivision> {
    Some(RegisteredDivision {
        code: code(s),
        has_children,
    })
}

#[test]
fn names_round_trip() {
    for k in ApplicantKind::ALL {
        assert_eq!(ApplicantKind::parse(k.as_str()), Some(k));
    }
    for s in ApplicationStatus::ALL {
        assert_eq!(ApplicationStatus::parse(s.as_str()), Some(s));
    }
    for e in ApplicationEvent::ALL {
        assert_eq!(ApplicationEvent::parse(e.as_str()), Some(e));
    }
    assert_eq!(ApplicantKind::parse("bureau"), None);
    assert_eq!(ApplicationStatus::parse("pending"), None);
    assert_eq!(ApplicantKind::Enterprise.org_kind(), OrgKind::Enterprise);
    assert_eq!(ApplicantKind::Department.org_kind(), OrgKind::Department);
    assert_eq!(
        ApplicantKind::International.org_kind(),
        OrgKind::International
    );
}

#[test]
fn every_status_and_decision() {
    use ApplicationStatus::*;
    for status in ApplicationStatus::ALL {
        for decision in [Decision::Approve, Decision::Reject] {
            let expected = match (status, decision) {
                (Submitted, Decision::Approve) => Ok(Approved),
                (Submitted, Decision::Reject) => Ok(Rejected),
                (s, _) => Err(AlreadyDecided(s)),
            };
            assert_eq!(
                decide(status, decision),
                expected,
                "{status:?} {decision:?}"
            );
            assert_eq!(status.is_decided(), status != Submitted);
        }
    }
    assert_eq!(
        AlreadyDecided(Approved).to_string(),
        "the application was already approved"
    );
    assert_eq!(
        ApplicationEvent::of_decision(Decision::Approve).last(),
        Some(&ApplicationEvent::InvitationSent)
    );
    assert_eq!(
        ApplicationEvent::of_decision(Decision::Reject),
        &[ApplicationEvent::Rejected]
    );
}

#[test]
fn an_enterprise_goes_to_the_county_bureau_of_its_registered_division() {
    let k = ApplicantKind::Enterprise;
    assert_eq!(
        competent_division(k, registered("440305", false), None),
        Ok(Some(code("440305")))
    );
    // 东莞市 has no counties: its city bureau is the lowest level there.
    assert_eq!(
        competent_division(k, registered("441900", false), None),
        Ok(Some(code("441900")))
    );
    assert_eq!(
        competent_division(k, registered("440300", true), None),
        Err(RoutingError::DivisionNotCounty)
    );
    for province in ["440000", "110000"] {
        for has_children in [true, false] {
            assert_eq!(
                competent_division(k, registered(province, has_children), None),
                Err(RoutingError::DivisionNotCounty)
            );
        }
    }
    assert_eq!(
        competent_division(k, None, None),
        Err(RoutingError::DivisionRequired)
    );
    assert_eq!(
        competent_division(k, registered("440305", false), Some(ReviewLevel::National)),
        Err(RoutingError::LevelNotAllowed)
    );
    assert_eq!(
        RoutingError::DivisionNotCounty.field(),
        "registered_division"
    );
    assert_eq!(RoutingError::LevelRequired.field(), "competent_division");
}

#[test]
fn departments_and_international_bodies_choose_national_or_a_province() {
    for k in [ApplicantKind::Department, ApplicantKind::International] {
        assert_eq!(
            competent_division(k, None, Some(ReviewLevel::National)),
            Ok(None)
        );
        assert_eq!(
            competent_division(k, None, Some(ReviewLevel::Province(code("440000")))),
            Ok(Some(code("440000")))
        );
        // A registered division, if given, does not change where they go.
        assert_eq!(
            competent_division(k, registered("440305", false), Some(ReviewLevel::National)),
            Ok(None)
        );
        assert_eq!(
            competent_division(k, None, None),
            Err(RoutingError::LevelRequired)
        );
    }
    assert_eq!(ReviewLevel::parse("national"), Some(ReviewLevel::National));
    assert_eq!(
        ReviewLevel::parse("440000"),
        Some(ReviewLevel::Province(code("440000")))
    );
    for bad in ["440300", "440305", "National", "", "990000", "44"] {
        assert_eq!(ReviewLevel::parse(bad), None, "{bad}");
    }
}

fn org(kind: OrgKind, path: &[i64]) -> OrgRef {
    OrgRef {
        id: OrgId(*path.last().unwrap()),
        kind,
        path: OrgPath(path.iter().map(|&i| OrgId(i)).collect()),
        division: None,
    }
}

fn member(o: &OrgRef, roles: &[Role], second_factor: bool) -> Actor {
    Actor::Member {
        user: UserId(1),
        org: o.clone(),
        roles: roles.to_vec(),
        second_factor,
    }
}

#[test]
fn reviewers_of_the_competent_bureau_and_above_may_review_others_find_nothing() {
    use BureauLevel::*;
    let national = org(OrgKind::Bureau(National), &[1]);
    let guangdong = org(OrgKind::Bureau(Province), &[1, 44]);
    let shenzhen = org(OrgKind::Bureau(City), &[1, 44, 4403]);
    let nanshan = org(OrgKind::Bureau(County), &[1, 44, 4403, 440305]);
    let futian = org(OrgKind::Bureau(County), &[1, 44, 4403, 440304]);
    let enterprise = org(OrgKind::Enterprise, &[1, 44, 4403, 440305, 9]);
    let allowed = Access::Allowed;
    let forbidden = Access::Denied(Denied::Forbidden);
    for (who, expected) in [
        (member(&nanshan, &[Role::Reviewer], true), allowed),
        (member(&nanshan, &[Role::OrgAdmin], true), allowed),
        (member(&shenzhen, &[Role::Reviewer], true), allowed),
        (member(&guangdong, &[Role::Reviewer], true), allowed),
        (member(&national, &[Role::OrgAdmin], true), allowed),
        (member(&nanshan, &[Role::Handler], true), forbidden),
        (member(&guangdong, &[Role::Analyst], true), forbidden),
        (member(&futian, &[Role::Reviewer], true), Access::NotFound),
        (
            member(&enterprise, &[Role::OrgAdmin], true),
            Access::NotFound,
        ),
        (
            member(&nanshan, &[Role::OrgAdmin], false),
            Access::Denied(Denied::SecondFactorRequired),
        ),
        (
            member(&futian, &[Role::OrgAdmin], false),
            Access::Denied(Denied::SecondFactorRequired),
        ),
        (Actor::Consumer { user: UserId(2) }, Access::NotFound),
        (Actor::Anonymous, Access::Denied(Denied::SignInRequired)),
    ] {
        assert_eq!(
            access(&who, Action::ReviewApplication(&nanshan)),
            expected,
            "{who:?}"
        );
    }
}

#[test]
fn tracking_codes_have_the_documented_shape_and_read_forgivingly() {
    let code = TrackingCode::from_random([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 255]);
    assert_eq!(code.as_str(), "WQ-0123-4567-89AB-CDEZ");
    assert_eq!(format!("{code:?}"), "TrackingCode(<secret>)");
    for typed in [
        "WQ-0123-4567-89AB-CDEZ",
        "wq-0123-4567-89ab-cdez",
        " WQ 0123 4567 89AB CDEZ ",
        "WQ0123456789ABCDEZ",
        "WQ-O123-4567-89AB-CDEZ",
        "WQ-0I23-4567-89AB-CDEZ",
        "WQ-0l23-4567-89AB-CDEZ",
    ] {
        assert_eq!(TrackingCode::parse(typed), Some(code.clone()), "{typed}");
    }
    for bad in [
        "",
        "WQ",
        "WQ-0123-4567-89AB-CDE",
        "WQ-0123-4567-89AB-CDEZZ",
        "XQ-0123-4567-89AB-CDEZ",
        "WQ-0123-4567-89AB-CDEU",
        "WQ-0123-4567-89AB-CDE中",
        "0123-4567-89AB-CDEZ",
    ] {
        assert_eq!(TrackingCode::parse(bad), None, "{bad}");
    }
}

#[test]
fn every_random_value_maps_into_the_alphabet() {
    for v in 0..=255u8 {
        let code = TrackingCode::from_random([v; TRACKING_CHARS]);
        assert_eq!(TrackingCode::parse(code.as_str()), Some(code.clone()));
        assert_eq!(code.as_str().len(), 2 + 4 * 5);
    }
}
