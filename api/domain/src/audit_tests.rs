use super::*;
use crate::access::{OrgKind, OrgPath, OrgRef, Role};

fn first() -> ChainedFields<'static> {
    ChainedFields {
        id: 1,
        chain: 3,
        seq: 1,
        at_micros: 1_796_000_000_123_456,
        actor_kind: "member",
        actor_user_id: Some(42),
        actor_client_id: None,
        actor_org_id: Some(4403),
        org_path: Some("/1/44/4403/"),
        action: "role_changed",
        outcome: "success",
        ip: Some("203.0.113.7".parse().unwrap()),
        user_agent: Some("Mozilla/5.0"),
        subject: Some("user:43"),
        detail: r#"{"to": ["handler", "reviewer"], "from": ["handler"]}"#,
    }
}

fn second() -> ChainedFields<'static> {
    ChainedFields {
        id: 2,
        chain: 3,
        seq: 2,
        at_micros: -5,
        actor_kind: "anonymous",
        actor_user_id: None,
        actor_client_id: None,
        actor_org_id: None,
        org_path: None,
        action: "sign_in_failed",
        outcome: "failure",
        ip: Some("2001:db8::1".parse().unwrap()),
        user_agent: None,
        subject: None,
        detail: r#"{"reason": "bad_password", "账号": "张三"}"#,
    }
}

/// Golden values computed by an independent Python implementation of the documented format
/// (struct.pack + hashlib); if this fails, the format changed and every stored chain breaks.
#[test]
fn the_hash_matches_an_independent_implementation_of_the_format() {
    let h1 = chain_hash(&GENESIS, &first());
    assert_eq!(
        hex(&h1),
        "12025e3253bc2eb2b9cc9b5e639a06333f19d64294d3f5b60ff979f2b0f8c962"
    );
    let h2 = chain_hash(&h1, &second());
    assert_eq!(
        hex(&h2),
        "6c4418d9996cf83d15bfa757c7ee0210af485105f198172ad21d44c96c4c00ef"
    );
}

#[test]
fn the_canonical_bytes_follow_the_documented_layout() {
    let bytes = second().canonical_bytes();
    let mut expected = b"WQAUDIT1".to_vec();
    expected.extend_from_slice(&2i64.to_be_bytes());
    expected.extend_from_slice(&3i16.to_be_bytes());
    expected.extend_from_slice(&2i64.to_be_bytes());
    expected.extend_from_slice(&(-5i64).to_be_bytes());
    expected.extend_from_slice(&9u32.to_be_bytes());
    expected.extend_from_slice(b"anonymous");
    expected.extend_from_slice(&[0, 0, 0, 0]); // three null ids, null org_path
    expected.extend_from_slice(&14u32.to_be_bytes());
    expected.extend_from_slice(b"sign_in_failed");
    expected.extend_from_slice(&7u32.to_be_bytes());
    expected.extend_from_slice(b"failure");
    expected.push(6);
    expected.extend_from_slice(&[0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expected.extend_from_slice(&[0, 0]); // null user agent, null subject
    let detail = r#"{"reason": "bad_password", "账号": "张三"}"#;
    expected.extend_from_slice(&(detail.len() as u32).to_be_bytes());
    expected.extend_from_slice(detail.as_bytes());
    assert_eq!(bytes, expected);
}

#[test]
fn every_field_changes_the_hash() {
    let base = chain_hash(&GENESIS, &first());
    let mut variants: Vec<ChainedFields<'static>> = Vec::new();
    let f = first;
    variants.push(ChainedFields { id: 9, ..f() });
    variants.push(ChainedFields { chain: 4, ..f() });
    variants.push(ChainedFields { seq: 2, ..f() });
    variants.push(ChainedFields {
        at_micros: 1_796_000_000_123_457,
        ..f()
    });
    variants.push(ChainedFields {
        actor_kind: "client",
        ..f()
    });
    variants.push(ChainedFields {
        actor_user_id: None,
        ..f()
    });
    variants.push(ChainedFields {
        actor_client_id: Some(42),
        ..f()
    });
    variants.push(ChainedFields {
        actor_org_id: Some(44),
        ..f()
    });
    variants.push(ChainedFields {
        org_path: Some("/1/44/"),
        ..f()
    });
    variants.push(ChainedFields {
        action: "role_changes",
        ..f()
    });
    variants.push(ChainedFields {
        outcome: "denied",
        ..f()
    });
    variants.push(ChainedFields {
        ip: Some("203.0.113.8".parse().unwrap()),
        ..f()
    });
    variants.push(ChainedFields {
        ip: Some("::ffff:203.0.113.7".parse().unwrap()),
        ..f()
    });
    variants.push(ChainedFields { ip: None, ..f() });
    variants.push(ChainedFields {
        user_agent: Some(""),
        ..f()
    });
    variants.push(ChainedFields {
        subject: Some("user:44"),
        ..f()
    });
    variants.push(ChainedFields {
        detail: "{}",
        ..f()
    });
    for v in &variants {
        assert_ne!(chain_hash(&GENESIS, v), base, "{v:?}");
    }
    assert_ne!(chain_hash(&[1; 32], &first()), base, "the previous hash");
}

#[test]
fn field_boundaries_cannot_be_shifted() {
    // Moving characters between adjacent strings, or null versus empty, changes the bytes.
    let a = ChainedFields {
        user_agent: Some("ab"),
        subject: Some("c"),
        ..first()
    };
    let b = ChainedFields {
        user_agent: Some("a"),
        subject: Some("bc"),
        ..first()
    };
    let c = ChainedFields {
        subject: None,
        ..first()
    };
    let d = ChainedFields {
        subject: Some(""),
        ..first()
    };
    assert_ne!(a.canonical_bytes(), b.canonical_bytes());
    assert_ne!(c.canonical_bytes(), d.canonical_bytes());
}

#[test]
fn names_round_trip_and_are_snake_case() {
    for action in AuditAction::ALL {
        assert_eq!(AuditAction::parse(action.as_str()), Some(action));
        let name = action.as_str();
        assert!(
            name.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
            "{name}"
        );
        assert_eq!(
            serde_json::to_value(action).unwrap(),
            serde_json::Value::from(name)
        );
    }
    for outcome in Outcome::ALL {
        assert_eq!(Outcome::parse(outcome.as_str()), Some(outcome));
    }
    for kind in ActorKind::ALL {
        assert_eq!(ActorKind::parse(kind.as_str()), Some(kind));
    }
    assert_eq!(AuditAction::parse("drop_table"), None);
}

#[test]
fn actors_are_recorded_by_their_ids() {
    let org = OrgRef {
        id: OrgId(4403),
        kind: OrgKind::Enterprise,
        path: OrgPath(vec![OrgId(1), OrgId(4403)]),
        division: None,
    };
    let member = Actor::Member {
        user: UserId(7),
        org: org.clone(),
        roles: vec![Role::OrgAdmin],
        second_factor: true,
    };
    let recorded = AuditActor::from(&member);
    assert_eq!(recorded.kind, ActorKind::Member);
    assert_eq!(recorded.user, Some(UserId(7)));
    assert_eq!(recorded.org, Some(OrgId(4403)));
    let client = Actor::Client {
        client: ClientId(9),
        org,
        scopes: vec![],
    };
    let recorded = AuditActor::from(&client);
    assert_eq!(
        (recorded.kind, recorded.user, recorded.client),
        (ActorKind::Client, None, Some(ClientId(9)))
    );
    assert_eq!(
        AuditActor::from(&Actor::Consumer { user: UserId(3) }).user,
        Some(UserId(3))
    );
    assert_eq!(AuditActor::from(&Actor::Anonymous), AuditActor::anonymous());
}

#[test]
fn hex_is_lower_case_and_complete() {
    assert_eq!(hex(&[0x00, 0x0f, 0xa0, 0xff]), "000fa0ff");
}
