//! Administrators list, disable, enable and re-role members; every such change ends the
//! member's sessions at once.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use reqwest::Method;
use serde_json::{Value, json};
use weiquan_domain::access::Role;
use weiquan_test_support::{SignedIn, TestApp};

async fn call(
    app: &TestApp,
    method: Method,
    path: &str,
    who: &SignedIn,
    body: Option<Value>,
) -> (u16, Value) {
    let mut request = app.request(method, path, Some(who));
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn password_sign_in(app: &TestApp, login: &str) -> u16 {
    app.client
        .post(app.url("/api/v1/sessions"))
        .json(&json!({"audience": "staff", "login": login, "password": "a long enough phrase"}))
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

#[actix_web::test]
async fn disabling_a_member_ends_every_session_at_once_and_enabling_restores_sign_in() {
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let admin = app
        .sign_in(
            app.create_member(nanshan, "m.admin", &[Role::OrgAdmin]),
            true,
        )
        .await;
    let handler = app.create_member(nanshan, "m.handler", &[Role::Handler]);
    app.set_password(handler, "a long enough phrase");
    let phone = app.sign_in(handler, false).await;
    let laptop = app.sign_in(handler, false).await;

    let (status, list) = call(
        &app,
        Method::GET,
        &format!("/api/v1/organisations/{}/members", nanshan.0),
        &admin,
        None,
    )
    .await;
    assert_eq!(status, 200);
    let names: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["username"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["m.admin", "m.handler"]);

    let (status, _) = call(
        &app,
        Method::POST,
        &format!("/api/v1/users/{}/disable", handler.0),
        &admin,
        None,
    )
    .await;
    assert_eq!(status, 204);
    for session in [&phone, &laptop] {
        assert_eq!(
            call(&app, Method::GET, "/api/v1/me", session, None).await.0,
            401
        );
    }
    assert_eq!(
        password_sign_in(&app, "m.handler").await,
        401,
        "a disabled account cannot sign in"
    );

    assert_eq!(
        call(
            &app,
            Method::POST,
            &format!("/api/v1/users/{}/enable", handler.0),
            &admin,
            None
        )
        .await
        .0,
        204
    );
    assert_eq!(password_sign_in(&app, "m.handler").await, 201);
}

#[actix_web::test]
async fn changing_roles_ends_sessions_so_the_new_roles_apply_at_once() {
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let admin = app
        .sign_in(
            app.create_member(nanshan, "r.admin", &[Role::OrgAdmin]),
            true,
        )
        .await;
    let member = app.create_member(nanshan, "r.member", &[Role::Handler]);
    let before = app.sign_in(member, false).await;
    let (status, _) = call(
        &app,
        Method::PUT,
        &format!("/api/v1/users/{}/roles", member.0),
        &admin,
        Some(json!({"roles": ["handler", "reviewer"]})),
    )
    .await;
    assert_eq!(status, 204);
    assert_eq!(
        call(&app, Method::GET, "/api/v1/me", &before, None).await.0,
        401
    );
    let after = app.sign_in(member, false).await;
    let (_, me) = call(&app, Method::GET, "/api/v1/me", &after, None).await;
    assert_eq!(me["roles"], json!(["handler", "reviewer"]));
    for bad in [json!({"roles": []}), json!({"roles": ["root"]})] {
        let (status, _) = call(
            &app,
            Method::PUT,
            &format!("/api/v1/users/{}/roles", member.0),
            &admin,
            Some(bad.clone()),
        )
        .await;
        assert_eq!(status, 422, "{bad}");
    }
}

#[actix_web::test]
async fn administrators_cannot_lock_themselves_out_or_reach_outside_their_subtree() {
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let futian = app.bureau(Some("440304"));
    let admin_id = app.create_member(nanshan, "s.admin", &[Role::OrgAdmin]);
    let admin = app.sign_in(admin_id, true).await;
    let (status, body) = call(
        &app,
        Method::POST,
        &format!("/api/v1/users/{}/disable", admin_id.0),
        &admin,
        None,
    )
    .await;
    assert_eq!((status, body["code"].as_str()), (403, Some("forbidden")));
    let (status, _) = call(
        &app,
        Method::PUT,
        &format!("/api/v1/users/{}/roles", admin_id.0),
        &admin,
        Some(json!({"roles": ["handler"]})),
    )
    .await;
    assert_eq!(status, 403);
    let elsewhere = app.create_member(futian, "s.futian", &[Role::Handler]);
    assert_eq!(
        call(
            &app,
            Method::POST,
            &format!("/api/v1/users/{}/disable", elsewhere.0),
            &admin,
            None
        )
        .await
        .0,
        404
    );
    assert_eq!(
        call(
            &app,
            Method::POST,
            "/api/v1/users/999999999/disable",
            &admin,
            None
        )
        .await
        .0,
        404
    );
    let consumer = app.create_consumer("13755550000");
    assert_eq!(
        call(
            &app,
            Method::POST,
            &format!("/api/v1/users/{}/disable", consumer.0),
            &admin,
            None
        )
        .await
        .0,
        404
    );
}

#[actix_web::test]
async fn the_list_says_which_members_the_caller_may_manage() {
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let admin_id = app.create_member(nanshan, "manage.admin", &[Role::OrgAdmin]);
    let handler_id = app.create_member(nanshan, "manage.handler", &[Role::Handler]);
    let admin = app.sign_in(admin_id, true).await;
    let handler = app.sign_in(handler_id, false).await;
    let path = format!("/api/v1/organisations/{}/members", nanshan.0);
    let manageable = |list: &Value| -> Vec<(String, bool)> {
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                (
                    m["username"].as_str().unwrap().to_owned(),
                    m["manageable"].as_bool().unwrap(),
                )
            })
            .collect()
    };
    let (status, list) = call(&app, Method::GET, &path, &admin, None).await;
    assert_eq!(status, 200, "{list}");
    let rows = manageable(&list);
    assert!(rows.contains(&("manage.handler".into(), true)), "{rows:?}");
    assert!(
        rows.contains(&("manage.admin".into(), false)),
        "never one's own account: {rows:?}"
    );
    let (status, list) = call(&app, Method::GET, &path, &handler, None).await;
    assert_eq!(status, 200, "{list}");
    assert!(manageable(&list).iter().all(|(_, m)| !m));
}
