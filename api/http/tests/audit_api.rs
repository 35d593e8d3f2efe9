//! Searching the audit log through the API: each administrator sees their own subtree.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use reqwest::Method;
use serde_json::{Value, json};
use weiquan_domain::access::Role;
use weiquan_test_support::{SignedIn, TestApp};

async fn get(app: &TestApp, path: &str, who: &SignedIn) -> (u16, Value) {
    let response = app
        .request(Method::GET, path, Some(who))
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[actix_web::test]
async fn administrators_see_the_sign_ins_of_their_subtree_only() {
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let futian = app.bureau(Some("440304"));
    let guangdong = app.bureau(Some("440000"));
    for (org, name) in [(nanshan, "audit.ns"), (futian, "audit.ft")] {
        let user = app.create_member(org, name, &[Role::Handler]);
        app.set_password(user, "a long enough phrase");
        let response = app
            .client
            .post(app.url("/api/v1/sessions"))
            .json(&json!({"audience": "staff", "login": name, "password": "a long enough phrase"}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 201);
    }
    let ns_admin = app
        .sign_in(
            app.create_member(nanshan, "audit.ns.admin", &[Role::OrgAdmin]),
            true,
        )
        .await;
    let gd_analyst = app
        .sign_in(
            app.create_member(guangdong, "audit.gd", &[Role::Analyst]),
            true,
        )
        .await;

    let (status, page) = get(
        &app,
        &format!("/api/v1/organisations/{}/audit?action=sign_in", nanshan.0),
        &ns_admin,
    )
    .await;
    assert_eq!(status, 200, "{page}");
    let logins: Vec<&str> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["detail"]["login"].as_str().unwrap())
        .collect();
    assert_eq!(logins, ["audit.ns"], "only Nanshan's own sign-in");
    assert_eq!(
        get(
            &app,
            &format!("/api/v1/organisations/{}/audit", futian.0),
            &ns_admin
        )
        .await
        .0,
        404
    );

    let (_, page) = get(
        &app,
        &format!(
            "/api/v1/organisations/{}/audit?action=sign_in&limit=1",
            guangdong.0
        ),
        &gd_analyst,
    )
    .await;
    assert_eq!(page["items"].as_array().unwrap().len(), 1);
    let next = page["next"].as_str().unwrap().to_owned();
    let (_, second) = get(
        &app,
        &format!(
            "/api/v1/organisations/{}/audit?action=sign_in&limit=1&after={next}",
            guangdong.0
        ),
        &gd_analyst,
    )
    .await;
    let mut both: Vec<&str> = [&page, &second]
        .iter()
        .map(|p| p["items"][0]["detail"]["login"].as_str().unwrap())
        .collect();
    both.sort_unstable();
    assert_eq!(
        both,
        ["audit.ft", "audit.ns"],
        "the province sees both counties, page by page"
    );

    for bad in [
        "action=nope",
        "outcome=maybe",
        "limit=0",
        "limit=201",
        "after=garbage",
    ] {
        let (status, body) = get(
            &app,
            &format!("/api/v1/organisations/{}/audit?{bad}", nanshan.0),
            &ns_admin,
        )
        .await;
        assert_eq!(status, 422, "{bad}: {body}");
    }
}

#[actix_web::test]
async fn a_refused_request_is_written_to_the_audit_log() {
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let futian = app.bureau(Some("440304"));
    let handler = app
        .sign_in(
            app.create_member(nanshan, "denied.ns", &[Role::Handler]),
            false,
        )
        .await;
    assert_eq!(
        get(
            &app,
            &format!("/api/v1/organisations/{}", futian.0),
            &handler
        )
        .await
        .0,
        404
    );
    assert_eq!(
        get(
            &app,
            &format!("/api/v1/organisations/{}/audit", nanshan.0),
            &handler
        )
        .await
        .0,
        403
    );
    #[derive(diesel::QueryableByName, Debug)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::Text)]
        outcome: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        asked: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        subject: String,
    }
    use diesel::RunQueryDsl;
    let rows: Vec<Row> = diesel::sql_query(
        "SELECT outcome, detail->>'action' AS asked, subject FROM audit_log \
         WHERE action = 'access_denied' ORDER BY id",
    )
    .load(&mut app.database.connect())
    .unwrap();
    let seen: Vec<(&str, &str, String)> = rows
        .iter()
        .map(|r| (r.outcome.as_str(), r.asked.as_str(), r.subject.clone()))
        .collect();
    assert_eq!(
        seen,
        [
            ("denied", "view_org", format!("org:{}", futian.0)),
            ("denied", "search_audit", format!("org:{}", nanshan.0)),
        ]
    );
}
