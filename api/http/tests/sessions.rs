//! Sessions: who am I, CSRF, sign-out, sign-out everywhere, revocation, expiry, forged
//! cookies, and Redis outages (503, never letting anyone in).

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use std::time::Duration;

use reqwest::Method;
use serde_json::Value;
use weiquan_domain::access::Role;
use weiquan_services::sessions::{SessionPolicy, SessionStore};
use weiquan_test_support::{Proxy, SignedIn, TestApp, TestOptions};

async fn json(app: &TestApp, method: Method, path: &str, who: Option<&SignedIn>) -> (u16, Value) {
    let response = app.request(method, path, who).send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[actix_web::test]
async fn anonymous_callers_get_401() {
    let app = TestApp::spawn().await;
    for path in ["/api/v1/me", "/api/v1/me/sessions"] {
        let (status, body) = json(&app, Method::GET, path, None).await;
        assert_eq!(
            (status, body["code"].as_str()),
            (401, Some("unauthorized")),
            "{path}"
        );
    }
}

#[actix_web::test]
async fn a_consumer_sees_themselves_with_a_masked_phone_and_no_capabilities() {
    let app = TestApp::spawn().await;
    let user = app.create_consumer("13812345678");
    let me = app.sign_in(user, false).await;
    let (status, body) = json(&app, Method::GET, "/api/v1/me", Some(&me)).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["kind"], "consumer");
    assert_eq!(body["phone_masked"], "138****5678");
    assert_eq!(body["capabilities"], serde_json::json!([]));
    assert_eq!(body["csrf_token"], me.csrf);
    assert!(
        !body.to_string().contains("13812345678"),
        "the full number is never echoed"
    );
}

#[actix_web::test]
async fn a_county_administrator_gets_capabilities_only_after_the_second_factor() {
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let user = app.create_member(nanshan, "ns-admin", &[Role::OrgAdmin]);
    let pending = app.sign_in(user, false).await;
    let (_, body) = json(&app, Method::GET, "/api/v1/me", Some(&pending)).await;
    assert_eq!(body["second_factor_required"], true);
    assert_eq!(body["second_factor_passed"], false);
    assert_eq!(body["capabilities"], serde_json::json!([]));
    assert_eq!(body["org"]["name"], "深圳市南山区市场监督管理局");

    let passed = app.sign_in(user, true).await;
    let (_, body) = json(&app, Method::GET, "/api/v1/me", Some(&passed)).await;
    let caps: Vec<&str> = body["capabilities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert_eq!(
        caps,
        [
            "view_org_tree",
            "manage_members",
            "create_station",
            "review_applications",
            "search_audit",
            "view_calendar",
            "create_association"
        ]
    );
    assert_eq!(body["roles"], serde_json::json!(["org_admin"]));
}

#[actix_web::test]
async fn a_state_changing_request_without_the_csrf_header_is_refused_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let user = app.create_consumer("13900000001");
    let me = app.sign_in(user, false).await;
    for csrf in [None, Some("wrong"), Some("")] {
        let mut request = app
            .client
            .delete(app.url("/api/v1/me/session"))
            .header("Cookie", &me.cookie);
        if let Some(csrf) = csrf {
            request = request.header("X-CSRF-Token", csrf);
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status().as_u16(), 403, "{csrf:?}");
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["code"], "csrf_token_invalid");
    }
    let (status, _) = json(&app, Method::GET, "/api/v1/me", Some(&me)).await;
    assert_eq!(status, 200, "the session survived");
}

#[actix_web::test]
async fn signing_out_ends_the_session_and_clears_the_cookie() {
    let app = TestApp::spawn().await;
    let user = app.create_consumer("13900000002");
    let me = app.sign_in(user, false).await;
    let response = app
        .request(Method::DELETE, "/api/v1/me/session", Some(&me))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 204);
    let cookie = response
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    assert!(cookie.starts_with("wq_session=;"), "{cookie}");
    assert!(cookie.contains("Max-Age=0"), "{cookie}");
    let (status, _) = json(&app, Method::GET, "/api/v1/me", Some(&me)).await;
    assert_eq!(status, 401);
}

#[actix_web::test]
async fn sessions_are_listed_revoked_one_by_one_and_all_at_once() {
    let app = TestApp::spawn().await;
    let user = app.create_consumer("13900000003");
    let phone = app.sign_in(user, false).await;
    let laptop = app.sign_in(user, false).await;
    let (status, body) = json(&app, Method::GET, "/api/v1/me/sessions", Some(&laptop)).await;
    assert_eq!(status, 200);
    let items = body["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    let current: Vec<bool> = items
        .iter()
        .map(|s| s["current"].as_bool().unwrap())
        .collect();
    assert_eq!(current.iter().filter(|c| **c).count(), 1);
    assert_eq!(items[0]["user_agent"], "weiquan-tests");

    // Another user cannot revoke these sessions, and learns nothing about them.
    let stranger = app.sign_in(app.create_consumer("13900000004"), false).await;
    let phone_handle = SessionStore::handle_of(&phone.session_id);
    let (status, _) = json(
        &app,
        Method::DELETE,
        &format!("/api/v1/me/sessions/{phone_handle}"),
        Some(&stranger),
    )
    .await;
    assert_eq!(status, 404);
    let (status, _) = json(&app, Method::GET, "/api/v1/me", Some(&phone)).await;
    assert_eq!(status, 200);

    let (status, _) = json(
        &app,
        Method::DELETE,
        &format!("/api/v1/me/sessions/{phone_handle}"),
        Some(&laptop),
    )
    .await;
    assert_eq!(status, 204);
    assert_eq!(
        json(&app, Method::GET, "/api/v1/me", Some(&phone)).await.0,
        401
    );
    assert_eq!(
        json(&app, Method::GET, "/api/v1/me", Some(&laptop)).await.0,
        200
    );
    for bad in ["nothex", &"0".repeat(64)] {
        assert_eq!(
            json(
                &app,
                Method::DELETE,
                &format!("/api/v1/me/sessions/{bad}"),
                Some(&laptop)
            )
            .await
            .0,
            404
        );
    }

    let tablet = app.sign_in(user, false).await;
    let (status, _) = json(&app, Method::DELETE, "/api/v1/me/sessions", Some(&laptop)).await;
    assert_eq!(status, 204);
    for session in [&laptop, &tablet] {
        assert_eq!(
            json(&app, Method::GET, "/api/v1/me", Some(session)).await.0,
            401
        );
    }
    assert_eq!(
        json(&app, Method::GET, "/api/v1/me", Some(&stranger))
            .await
            .0,
        200,
        "others unaffected"
    );
}

#[actix_web::test]
async fn an_idle_session_expires() {
    let app = TestApp::spawn().await;
    let user = app.create_consumer("13900000005");
    let policy = SessionPolicy {
        idle: Duration::from_secs(1),
        absolute: Duration::from_secs(3600),
    };
    let me = app.sign_in_with(user, false, policy).await;
    assert_eq!(
        json(&app, Method::GET, "/api/v1/me", Some(&me)).await.0,
        200
    );
    actix_web::rt::time::sleep(Duration::from_millis(2200)).await;
    assert_eq!(
        json(&app, Method::GET, "/api/v1/me", Some(&me)).await.0,
        401
    );
}

#[actix_web::test]
async fn a_session_past_its_absolute_expiry_is_dead_even_when_used() {
    let app = TestApp::spawn().await;
    let user = app.create_consumer("13900000006");
    let policy = SessionPolicy {
        idle: Duration::from_secs(3600),
        absolute: Duration::from_secs(1),
    };
    let me = app.sign_in_with(user, false, policy).await;
    actix_web::rt::time::sleep(Duration::from_millis(2200)).await;
    assert_eq!(
        json(&app, Method::GET, "/api/v1/me", Some(&me)).await.0,
        401
    );
}

#[actix_web::test]
async fn forged_or_tampered_cookies_are_anonymous() {
    let app = TestApp::spawn().await;
    let user = app.create_consumer("13900000007");
    let me = app.sign_in(user, false).await;
    let mut tampered = me.clone();
    tampered.cookie.push('x');
    let forged = SignedIn {
        cookie: "wq_session=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOjF9.c2lnbmF0dXJl".into(),
        ..me.clone()
    };
    for who in [&tampered, &forged] {
        assert_eq!(
            json(&app, Method::GET, "/api/v1/me", Some(who)).await.0,
            401
        );
    }
}

#[actix_web::test]
async fn with_redis_down_a_signed_in_request_is_503_never_401_or_200() {
    let proxy = Proxy::redis().await;
    let app = TestApp::spawn_with(TestOptions {
        redis_proxy: Some(proxy.addr),
        ..Default::default()
    })
    .await;
    let user = app.create_consumer("13900000008");
    // Sessions are written to the real Redis under the app's prefix; the app reads through the proxy.
    let me = app.sign_in(user, false).await;
    assert_eq!(
        json(&app, Method::GET, "/api/v1/me", Some(&me)).await.0,
        200
    );
    proxy.cut();
    let mut saw_503 = false;
    for _ in 0..20 {
        let (status, body) = json(&app, Method::GET, "/api/v1/me", Some(&me)).await;
        assert!(
            status == 503 || status == 200,
            "{status}: must not fall back to anonymous"
        );
        if status == 503 {
            assert_eq!(body["unavailable"], serde_json::json!(["redis"]));
            saw_503 = true;
            break;
        }
    }
    assert!(saw_503);
    proxy.restore();
    let mut back = false;
    for _ in 0..50 {
        if json(&app, Method::GET, "/api/v1/me", Some(&me)).await.0 == 200 {
            back = true;
            break;
        }
        actix_web::rt::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(back, "the session works again once Redis is back");
}

#[actix_web::test]
async fn with_redis_down_signing_in_is_503_and_lets_nobody_in() {
    let proxy = Proxy::redis().await;
    let app = TestApp::spawn_with(TestOptions {
        redis_proxy: Some(proxy.addr),
        ..Default::default()
    })
    .await;
    let user = app.create_consumer("13900000009");
    app.set_password(user, "a long enough phrase");
    proxy.cut();
    let response = app
        .client
        .post(app.url("/api/v1/sessions"))
        .json(&serde_json::json!({"audience": "consumer", "login": "13900000009", "password": "a long enough phrase"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 503);
    assert!(
        response.headers().get("set-cookie").is_none(),
        "no session while Redis is down"
    );
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["unavailable"], serde_json::json!(["redis"]));
}

#[actix_web::test]
async fn a_browser_whose_session_ended_elsewhere_can_sign_in_again() {
    let app = TestApp::spawn().await;
    let user = app.create_consumer("13900000010");
    app.set_password(user, "a long enough phrase");
    let here = app.sign_in(user, false).await;
    let elsewhere = app.sign_in(user, false).await;
    let (status, _) = json(
        &app,
        Method::DELETE,
        "/api/v1/me/sessions",
        Some(&elsewhere),
    )
    .await;
    assert_eq!(status, 204);
    // The dead cookie is still sent, without a CSRF token (the page cannot know one).
    let response = app
        .client
        .post(app.url("/api/v1/sessions"))
        .header("Cookie", &here.cookie)
        .json(&serde_json::json!({"audience": "consumer", "login": "13900000010", "password": "a long enough phrase"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 201);
}
