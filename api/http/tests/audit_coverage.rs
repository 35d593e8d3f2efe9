//! What the audit log must hold beyond sign-ins and administration: failed sign-ins filed
//! where their administrators look, session changes and second-factor attempts.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use std::time::{SystemTime, UNIX_EPOCH};

use reqwest::Method;
use serde_json::{Value, json};
use weiquan_domain::access::Role;
use weiquan_test_support::{SignedIn, TestApp, totp_code};

async fn call(
    app: &TestApp,
    method: Method,
    path: &str,
    who: Option<&SignedIn>,
    body: Option<Value>,
) -> (u16, Value) {
    let mut request = app.request(method, path, who);
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// The records of `action` in `org`'s audit log, as `who` sees them.
async fn records(app: &TestApp, who: &SignedIn, org: i64, action: &str) -> Vec<Value> {
    let (status, page) = call(
        app,
        Method::GET,
        &format!("/api/v1/organisations/{org}/audit?action={action}"),
        Some(who),
        None,
    )
    .await;
    assert_eq!(status, 200, "{page}");
    page["items"].as_array().unwrap().clone()
}

async fn try_sign_in(app: &TestApp, login: &str, password: &str) -> (u16, Value) {
    let response = app
        .client
        .post(app.url("/api/v1/sessions"))
        .json(&json!({"audience": "staff", "login": login, "password": password}))
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap())
}

#[actix_web::test]
async fn failed_sign_ins_are_filed_under_the_tried_accounts_unit_and_the_root_sees_all() {
    let app = TestApp::spawn().await;
    let national = app.bureau(None);
    let nanshan = app.bureau(Some("440305"));
    let futian = app.bureau(Some("440304"));
    let member = app.create_member(nanshan, "cov.ns", &[Role::Handler]);
    app.set_password(member, "a long enough phrase");

    let wrong = try_sign_in(&app, "cov.ns", "not the password at all").await;
    let unknown = try_sign_in(&app, "cov.nobody", "not the password at all").await;
    assert_eq!(wrong.0, 401);
    assert_eq!(
        wrong, unknown,
        "the caller learns nothing from the difference"
    );

    let ns_admin = app
        .sign_in(
            app.create_member(nanshan, "cov.ns.admin", &[Role::OrgAdmin]),
            true,
        )
        .await;
    let items = records(&app, &ns_admin, nanshan.0, "sign_in_failed").await;
    assert_eq!(items.len(), 1, "{items:?}");
    assert_eq!(items[0]["subject"], format!("user:{}", member.0));
    assert_eq!(items[0]["detail"]["login"], "cov.ns");
    assert_eq!(items[0]["outcome"], "failure");

    let ft_admin = app
        .sign_in(
            app.create_member(futian, "cov.ft.admin", &[Role::OrgAdmin]),
            true,
        )
        .await;
    assert_eq!(
        records(&app, &ft_admin, futian.0, "sign_in_failed")
            .await
            .len(),
        0
    );

    // The national bureau's subtree is the whole platform, records of no unit included.
    let root_admin = app
        .sign_in(
            app.create_member(national, "cov.root.admin", &[Role::OrgAdmin]),
            true,
        )
        .await;
    let items = records(&app, &root_admin, national.0, "sign_in_failed").await;
    let logins: Vec<&str> = items
        .iter()
        .map(|r| r["detail"]["login"].as_str().unwrap())
        .collect();
    assert_eq!(logins, ["cov.nobody", "cov.ns"], "newest first");
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

#[actix_web::test]
async fn session_changes_and_second_factor_attempts_are_audited() {
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let user = app.create_member(nanshan, "cov.sessions", &[Role::Handler]);
    let admin = app
        .sign_in(
            app.create_member(nanshan, "cov.admin", &[Role::OrgAdmin]),
            true,
        )
        .await;
    let subject = format!("user:{}", user.0);

    // Two devices; revoke the other one, then sign out everywhere.
    let laptop = app.sign_in(user, false).await;
    let phone = app.sign_in(user, false).await;
    let (status, list) = call(
        &app,
        Method::GET,
        "/api/v1/me/sessions",
        Some(&laptop),
        None,
    )
    .await;
    assert_eq!(status, 200);
    let other = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["current"] == false)
        .unwrap()["handle"]
        .as_str()
        .unwrap()
        .to_owned();
    let (status, _) = call(
        &app,
        Method::DELETE,
        &format!("/api/v1/me/sessions/{other}"),
        Some(&laptop),
        None,
    )
    .await;
    assert_eq!(status, 204);
    assert_eq!(
        call(&app, Method::GET, "/api/v1/me", Some(&phone), None)
            .await
            .0,
        401
    );
    let (status, _) = call(
        &app,
        Method::DELETE,
        "/api/v1/me/sessions",
        Some(&laptop),
        None,
    )
    .await;
    assert_eq!(status, 204);
    let tablet = app.sign_in(user, false).await;
    let (status, _) = call(
        &app,
        Method::DELETE,
        "/api/v1/me/session",
        Some(&tablet),
        None,
    )
    .await;
    assert_eq!(status, 204);

    for action in ["session_revoked", "sessions_revoked_all", "sign_out"] {
        let items = records(&app, &admin, nanshan.0, action).await;
        assert_eq!(items.len(), 1, "{action}: {items:?}");
        assert_eq!(items[0]["subject"], subject, "{action}");
        assert_eq!(items[0]["actor_user_id"], user.0, "{action}");
    }
    let revoked = &records(&app, &admin, nanshan.0, "session_revoked").await[0];
    assert_eq!(revoked["detail"]["session"], &other[..8]);

    // Enrolling an authenticator, a wrong code and a right one.
    let session = app.sign_in(user, false).await;
    let (status, enrolment) =
        call(&app, Method::POST, "/api/v1/me/totp", Some(&session), None).await;
    assert_eq!(status, 200, "{enrolment}");
    let secret = enrolment["secret_base32"].as_str().unwrap().to_owned();
    let (status, _) = call(
        &app,
        Method::POST,
        "/api/v1/me/totp/confirm",
        Some(&session),
        Some(json!({"code": totp_code(&secret, now())})),
    )
    .await;
    assert_eq!(status, 200);
    let next = app.sign_in(user, false).await;
    let (status, _) = call(
        &app,
        Method::POST,
        "/api/v1/me/session/second-factor",
        Some(&next),
        Some(json!({"recovery_code": "AAAA-BBBB-CCCC"})),
    )
    .await;
    assert_eq!(status, 401);
    let (status, _) = call(
        &app,
        Method::POST,
        "/api/v1/me/session/second-factor",
        Some(&next),
        Some(json!({"code": totp_code(&secret, now() + 30)})),
    )
    .await;
    assert_eq!(status, 200);

    let updated = records(&app, &admin, nanshan.0, "user_updated").await;
    assert!(
        updated
            .iter()
            .any(|r| r["detail"]["method"] == "totp_enrolment" && r["subject"] == subject),
        "{updated:?}"
    );
    let failed = records(&app, &admin, nanshan.0, "second_factor_failed").await;
    assert_eq!(failed.len(), 1, "{failed:?}");
    assert_eq!(failed[0]["detail"]["method"], "recovery_code");
    assert_eq!(failed[0]["outcome"], "failure");
    let passed = records(&app, &admin, nanshan.0, "second_factor_passed").await;
    assert_eq!(passed.len(), 1, "{passed:?}");
    assert_eq!(passed[0]["detail"]["method"], "totp");
}

#[actix_web::test]
async fn records_name_their_actor_and_can_be_found_by_login_or_address() {
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let member = app.create_member(nanshan, "cov.named", &[Role::Handler]);
    app.set_password(member, "a long enough phrase");
    assert_eq!(
        try_sign_in(&app, "cov.named", "a long enough phrase")
            .await
            .0,
        201
    );
    let admin = app
        .sign_in(
            app.create_member(nanshan, "cov.lookup.admin", &[Role::OrgAdmin]),
            true,
        )
        .await;
    let search = |query: String| {
        let app = &app;
        let admin = &admin;
        async move {
            call(
                app,
                Method::GET,
                &format!("/api/v1/organisations/{}/audit?{query}", nanshan.0),
                Some(admin),
                None,
            )
            .await
        }
    };
    let (status, page) = search("login=cov.named".into()).await;
    assert_eq!(status, 200, "{page}");
    let items = page["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{page}");
    assert_eq!(items[0]["action"], "sign_in");
    assert_eq!(items[0]["actor_login"], "cov.named");
    assert!(
        items[0]["actor_name"]
            .as_str()
            .is_some_and(|n| !n.is_empty())
    );
    // The test client connects from 127.0.0.1.
    let (_, page) = search("ip=127.0.0.1&action=sign_in".into()).await;
    assert_eq!(page["items"].as_array().unwrap().len(), 1, "{page}");
    let (_, page) = search("ip=10.9.9.9".into()).await;
    assert_eq!(page["items"].as_array().unwrap().len(), 0);
    let (_, page) = search("login=nobody.here".into()).await;
    assert_eq!(page["items"].as_array().unwrap().len(), 0);
    let (status, page) = search("ip=not-an-address".into()).await;
    assert_eq!(status, 422);
    assert_eq!(page["errors"][0]["field"], "ip");
}
