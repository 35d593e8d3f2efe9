//! `weiquan seed`: one demo account for every role and every kind of organisation, one open
//! invitation, idempotent, and listed in the README.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use std::collections::BTreeSet;

use diesel::prelude::*;
use serde_json::json;
use weiquan_db::schema::{invitations, organisations, user_roles, users};
use weiquan_services::credentials::{HashParams, PasswordHasher};
use weiquan_services::demo;
use weiquan_test_support::TestApp;

fn counts(conn: &mut PgConnection) -> (i64, i64, i64, i64, i64) {
    (
        users::table.count().get_result(conn).unwrap(),
        user_roles::table.count().get_result(conn).unwrap(),
        organisations::table.count().get_result(conn).unwrap(),
        invitations::table.count().get_result(conn).unwrap(),
        weiquan_db::schema::outbox::table
            .count()
            .get_result(conn)
            .unwrap(),
    )
}

#[actix_web::test]
async fn the_seed_covers_every_role_and_kind_of_organisation_and_runs_twice_unchanged() {
    let app = TestApp::spawn().await;
    let hash = PasswordHasher::new(HashParams::TESTING)
        .unwrap()
        .hash(demo::PASSWORD)
        .unwrap();
    let mut conn = app.database.connect();
    let before = counts(&mut conn);
    let created = demo::seed(&mut conn, &hash, "http://127.0.0.1:8080").unwrap();
    // Units, the consumer, every member, the invitation, the pending application, and the
    // consumer's five appeals.
    assert_eq!(
        created,
        demo::UNITS.len() + 1 + demo::MEMBERS.len() + 1 + 1 + 5
    );
    // The appeals went through the workflow: one new, one in mediation, one settled with
    // ¥1,280 recovered, one with the ODR enterprise, one report.
    let states: Vec<(String, String)> = weiquan_db::schema::orders::table
        .order(weiquan_db::schema::orders::id)
        .select((
            weiquan_db::schema::orders::kind,
            weiquan_db::schema::orders::state,
        ))
        .load(&mut conn)
        .unwrap();
    let states: Vec<(&str, &str)> = states
        .iter()
        .map(|(k, s)| (k.as_str(), s.as_str()))
        .collect();
    assert_eq!(
        states,
        [
            ("complaint", "received"),
            ("complaint", "mediating"),
            ("complaint", "concluded"),
            ("complaint", "with_enterprise"),
            ("report", "received"),
        ]
    );
    let after_first = counts(&mut conn);
    assert_eq!(
        after_first.0 - before.0,
        (1 + demo::MEMBERS.len() + 1) as i64
    );
    assert_eq!(after_first.2 - before.2, demo::UNITS.len() as i64);
    assert_eq!(after_first.3, 1);
    assert_eq!(
        demo::seed(&mut conn, &hash, "http://127.0.0.1:8080").unwrap(),
        0
    );
    assert_eq!(
        counts(&mut conn),
        after_first,
        "nothing new the second time"
    );

    // Every role and every kind (each bureau level too) has an active demo account.
    let rows: Vec<(String, Option<String>, String, String)> = users::table
        .inner_join(organisations::table)
        .inner_join(user_roles::table)
        .filter(users::status.eq("active"))
        .select((
            organisations::kind,
            organisations::bureau_level,
            user_roles::role,
            users::username.assume_not_null(),
        ))
        .load(&mut conn)
        .unwrap();
    let kinds: BTreeSet<String> = rows
        .iter()
        .map(|(k, l, _, _)| {
            format!(
                "{k}{}",
                l.as_deref().map(|l| format!(":{l}")).unwrap_or_default()
            )
        })
        .collect();
    assert_eq!(
        kinds.into_iter().collect::<Vec<_>>(),
        [
            "association",
            "bureau:city",
            "bureau:county",
            "bureau:national",
            "bureau:province",
            "department",
            "enterprise",
            "international",
            "station",
        ]
    );
    let roles: BTreeSet<&str> = rows.iter().map(|(_, _, r, _)| r.as_str()).collect();
    assert_eq!(
        roles.into_iter().collect::<Vec<_>>(),
        ["analyst", "handler", "org_admin", "reviewer"]
    );

    // The enterprise: registered in 南山区 under its bureau, a valid credit code, ODR approved.
    let (code, odr, division, parent): (
        Option<String>,
        Option<String>,
        Option<String>,
        Option<i64>,
    ) = organisations::table
        .filter(organisations::kind.eq("enterprise"))
        .select((
            organisations::credit_code,
            organisations::odr_status,
            organisations::division_code,
            organisations::parent_id,
        ))
        .first(&mut conn)
        .unwrap();
    let code = weiquan_domain::CreditCode::parse(&code.unwrap()).unwrap();
    assert_eq!(code.registration_division(), "440305");
    assert_eq!(odr.as_deref(), Some("approved"));
    assert_eq!(division.as_deref(), Some("440305"));
    assert_eq!(parent, Some(app.bureau(Some("440305")).0));
    let station_parent: Option<i64> = organisations::table
        .filter(organisations::kind.eq("station"))
        .select(organisations::parent_id)
        .first(&mut conn)
        .unwrap();
    assert_eq!(station_parent, Some(app.bureau(Some("440305")).0));
    for kind in ["association", "department"] {
        let parent: Option<i64> = organisations::table
            .filter(organisations::kind.eq(kind))
            .select(organisations::parent_id)
            .first(&mut conn)
            .unwrap();
        assert_eq!(parent, Some(app.bureau(Some("440300")).0), "{kind}");
    }
    let parent: Option<i64> = organisations::table
        .filter(organisations::kind.eq("international"))
        .select(organisations::parent_id)
        .first(&mut conn)
        .unwrap();
    assert_eq!(parent, Some(app.bureau(None).0));

    // The open invitation: its account cannot sign in; its email is in the mailbox.
    let (status, mail) = app
        .get_json(&format!(
            "/api/dev/messages?recipient={}",
            demo::INVITED_EMAIL
        ))
        .await;
    assert_eq!(status, 200);
    assert!(
        mail["items"][0]["text"]
            .as_str()
            .unwrap()
            .contains("/admin/invitations/accept#token=")
    );

    // Demo accounts sign in with the documented password (members without a second factor
    // straight away; administrators and the national bureau are asked to enrol one).
    for login in [
        "shekou.handler",
        "szcc.handler",
        "hotline.handler",
        "intl.handler",
        "enterprise.handler",
        "shenzhen.analyst",
    ] {
        let (status, body) = app
            .post_json(
                "/api/v1/sessions",
                &json!({"audience": "staff", "login": login, "password": demo::PASSWORD}),
            )
            .await;
        assert_eq!(status, 201, "{login}: {body}");
    }
    let (status, _) = app
        .post_json(
            "/api/v1/sessions",
            &json!({"audience": "staff", "login": demo::INVITED_USERNAME, "password": demo::PASSWORD}),
        )
        .await;
    assert_eq!(status, 401);

    // The README's table lists every demo account.
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md")).unwrap();
    for (username, ..) in demo::MEMBERS {
        assert!(
            readme.contains(&format!("`{username}`")),
            "README lacks {username}"
        );
    }
    assert!(readme.contains(demo::CONSUMER_PHONE));
    assert!(readme.contains(demo::INVITED_EMAIL));
    assert!(
        readme.contains(code.as_str()),
        "README shows the credit code"
    );
}
