//! Signing in through the API: passwords, enumeration safety, brute-force limits, TOTP
//! enrolment, the second-factor step, replay protection and recovery codes.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use reqwest::Method;
use serde_json::{Value, json};
use weiquan_domain::access::Role;
use weiquan_test_support::{SignedIn, TestApp, totp_code};

const PASSWORD: &str = "correct horse battery staple";

/// Signs in through the endpoint; returns the status, the body and the caller (cookie and
/// CSRF token from the answer) when it succeeded.
async fn sign_in(
    app: &TestApp,
    audience: &str,
    login: &str,
    password: &str,
) -> (u16, Value, Option<SignedIn>) {
    let response = app
        .client
        .post(app.url("/api/v1/sessions"))
        .json(&json!({"audience": audience, "login": login, "password": password}))
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let cookie = response
        .headers()
        .get("set-cookie")
        .map(|v| v.to_str().unwrap().to_owned());
    let body: Value = response.json().await.unwrap_or(Value::Null);
    let caller = cookie.map(|c| caller_from(&c, &body["me"], 0));
    (status, body, caller)
}

fn caller_from(set_cookie: &str, me: &Value, user: i64) -> SignedIn {
    SignedIn {
        user: weiquan_domain::access::UserId(me["user_id"].as_i64().unwrap_or(user)),
        cookie: set_cookie.split(';').next().unwrap().to_owned(),
        csrf: me["csrf_token"].as_str().unwrap_or_default().to_owned(),
        session_id: String::new(),
    }
}

async fn call(
    app: &TestApp,
    method: Method,
    path: &str,
    who: &SignedIn,
    body: Option<Value>,
) -> (u16, Value, Option<String>) {
    let mut request = app.request(method, path, Some(who));
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let cookie = response
        .headers()
        .get("set-cookie")
        .map(|v| v.to_str().unwrap().to_owned());
    (status, response.json().await.unwrap_or(Value::Null), cookie)
}

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

#[actix_web::test]
async fn a_consumer_signs_in_with_mobile_number_and_password() {
    let app = TestApp::spawn().await;
    let user = app.create_consumer("13811112222");
    app.set_password(user, PASSWORD);
    let (status, body, caller) = sign_in(&app, "consumer", " 13811112222 ", PASSWORD).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["second_factor"], "not_required");
    assert_eq!(body["me"]["kind"], "consumer");
    let caller = caller.unwrap();
    let (status, me, _) = call(&app, Method::GET, "/api/v1/me", &caller, None).await;
    assert_eq!(status, 200);
    assert_eq!(me["user_id"], user.0);
}

#[actix_web::test]
async fn the_session_cookie_is_http_only_strict_and_secure() {
    let app = TestApp::spawn().await;
    let user = app.create_consumer("13811112223");
    app.set_password(user, PASSWORD);
    let response = app
        .client
        .post(app.url("/api/v1/sessions"))
        .json(&json!({"audience": "consumer", "login": "13811112223", "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    let cookie = response
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    assert!(cookie.starts_with("wq_session="));
    for attribute in ["HttpOnly", "SameSite=Strict", "Secure", "Path=/"] {
        assert!(cookie.contains(attribute), "{attribute} missing: {cookie}");
    }
}

#[actix_web::test]
async fn wrong_password_unknown_account_and_disabled_account_get_the_same_answer() {
    let app = TestApp::spawn().await;
    let user = app.create_consumer("13811112224");
    app.set_password(user, PASSWORD);
    let disabled = app.create_consumer("13811112225");
    app.set_password(disabled, PASSWORD);
    app.execute(&format!(
        "UPDATE users SET status = 'disabled' WHERE id = {}",
        disabled.0
    ));
    let mut answers = Vec::new();
    for (login, password) in [
        ("13811112224", "wrong password!"),
        ("13899999999", PASSWORD),
        ("13811112225", PASSWORD),
    ] {
        let (status, body, caller) = sign_in(&app, "consumer", login, password).await;
        assert_eq!(status, 401, "{login}");
        assert!(caller.is_none(), "no cookie for {login}");
        answers.push((
            body["code"].clone(),
            body["detail"].clone(),
            body["detail_zh"].clone(),
        ));
    }
    assert_eq!(answers[0].0, "invalid_credentials");
    assert!(answers.iter().all(|a| *a == answers[0]), "{answers:?}");
    // A consumer's credentials are not a staff login.
    assert_eq!(sign_in(&app, "staff", "13811112224", PASSWORD).await.0, 401);
}

#[actix_web::test]
async fn repeated_failures_are_throttled_per_account_and_address_without_locking_out_others() {
    let app = TestApp::spawn().await;
    let user = app.create_consumer("13811112226");
    app.set_password(user, PASSWORD);
    for _ in 0..5 {
        assert_eq!(
            sign_in(&app, "consumer", "13811112226", "wrong password!")
                .await
                .0,
            401
        );
    }
    let response = app
        .client
        .post(app.url("/api/v1/sessions"))
        .json(&json!({"audience": "consumer", "login": "13811112226", "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.status().as_u16(),
        429,
        "even the right password waits"
    );
    let retry: u64 = response
        .headers()
        .get("retry-after")
        .unwrap()
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=900).contains(&retry), "{retry}");
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["code"], "too_many_requests");

    // Another account from the same address is not affected.
    let other = app.create_consumer("13811112227");
    app.set_password(other, PASSWORD);
    assert_eq!(
        sign_in(&app, "consumer", "13811112227", PASSWORD).await.0,
        201
    );
}

#[actix_web::test]
async fn malformed_sign_in_requests_are_422() {
    let app = TestApp::spawn().await;
    for body in [
        json!({"audience": "consumer", "login": "", "password": "x"}),
        json!({"audience": "consumer", "login": "1", "password": ""}),
        json!({"audience": "robot", "login": "1", "password": "x"}),
        json!({"audience": "consumer", "login": "1"}),
    ] {
        let response = app
            .client
            .post(app.url("/api/v1/sessions"))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 422, "{body}");
    }
}

#[actix_web::test]
async fn an_administrator_enrols_totp_then_signs_in_with_codes_and_recovery_codes() {
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let admin = app.create_member(nanshan, "ns.admin", &[Role::OrgAdmin]);
    app.set_password(admin, PASSWORD);

    // First sign-in: enrolment required; nothing administrative is allowed yet.
    let (status, body, pending) = sign_in(&app, "staff", "NS.Admin", PASSWORD).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["second_factor"], "enrolment_required");
    assert_eq!(body["me"]["capabilities"], json!([]));
    let pending = pending.unwrap();
    let (status, _, _) = call(
        &app,
        Method::GET,
        &format!("/api/v1/organisations/{}", nanshan.0),
        &pending,
        None,
    )
    .await;
    assert_eq!(status, 403);

    let (status, enrolment, _) = call(&app, Method::POST, "/api/v1/me/totp", &pending, None).await;
    assert_eq!(status, 200, "{enrolment}");
    let secret = enrolment["secret_base32"].as_str().unwrap().to_owned();
    assert!(
        enrolment["otpauth_uri"]
            .as_str()
            .unwrap()
            .starts_with("otpauth://totp/Weiquan:")
    );

    let wrong = call(
        &app,
        Method::POST,
        "/api/v1/me/totp/confirm",
        &pending,
        Some(json!({"code": "000000"})),
    )
    .await;
    assert_eq!(
        (wrong.0, wrong.1["code"].as_str()),
        (401, Some("invalid_credentials"))
    );
    let t = now();
    let (status, confirmed, cookie) = call(
        &app,
        Method::POST,
        "/api/v1/me/totp/confirm",
        &pending,
        Some(json!({"code": totp_code(&secret, t)})),
    )
    .await;
    assert_eq!(status, 200, "{confirmed}");
    let recovery: Vec<String> = confirmed["recovery_codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_owned())
        .collect();
    assert_eq!(recovery.len(), 10);
    let upgraded = caller_from(&cookie.unwrap(), &confirmed["me"], admin.0);
    assert!(
        confirmed["me"]["capabilities"]
            .as_array()
            .unwrap()
            .contains(&json!("manage_members"))
    );
    assert_eq!(
        call(&app, Method::GET, "/api/v1/me", &pending, None)
            .await
            .0,
        401,
        "the old session id is dead"
    );
    assert_eq!(
        call(
            &app,
            Method::GET,
            &format!("/api/v1/organisations/{}", nanshan.0),
            &upgraded,
            None
        )
        .await
        .0,
        200
    );
    // Enrolment cannot be restarted once confirmed.
    assert_eq!(
        call(&app, Method::POST, "/api/v1/me/totp", &upgraded, None)
            .await
            .0,
        409
    );

    // Next sign-in: a code is required; the code already used at confirmation is refused.
    let (_, body, second) = sign_in(&app, "staff", "ns.admin", PASSWORD).await;
    assert_eq!(body["second_factor"], "required");
    let second = second.unwrap();
    let replay = call(
        &app,
        Method::POST,
        "/api/v1/me/session/second-factor",
        &second,
        Some(json!({"code": totp_code(&secret, t)})),
    )
    .await;
    assert_eq!(replay.0, 401, "a code works once");
    let next = call(
        &app,
        Method::POST,
        "/api/v1/me/session/second-factor",
        &second,
        Some(json!({"code": totp_code(&secret, t + 30)})),
    )
    .await;
    assert_eq!(next.0, 200, "{}", next.1);
    assert_eq!(next.1["second_factor_passed"], true);

    // A recovery code works once, in any case and with or without dashes.
    let (_, _, third) = sign_in(&app, "staff", "ns.admin", PASSWORD).await;
    let third = third.unwrap();
    let code = recovery[0].to_lowercase().replace('-', "");
    let used = call(
        &app,
        Method::POST,
        "/api/v1/me/session/second-factor",
        &third,
        Some(json!({"recovery_code": code})),
    )
    .await;
    assert_eq!(used.0, 200, "{}", used.1);
    let (_, _, fourth) = sign_in(&app, "staff", "ns.admin", PASSWORD).await;
    let again = call(
        &app,
        Method::POST,
        "/api/v1/me/session/second-factor",
        &fourth.unwrap(),
        Some(json!({"recovery_code": recovery[0]})),
    )
    .await;
    assert_eq!(again.0, 401);
    let (_, _, fifth) = sign_in(&app, "staff", "ns.admin", PASSWORD).await;
    let neither = call(
        &app,
        Method::POST,
        "/api/v1/me/session/second-factor",
        &fifth.unwrap(),
        Some(json!({})),
    )
    .await;
    assert_eq!(neither.0, 422);
}

#[actix_web::test]
async fn a_county_handler_needs_no_second_factor() {
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let handler = app.create_member(nanshan, "ns.handler", &[Role::Handler]);
    app.set_password(handler, PASSWORD);
    let (status, body, caller) = sign_in(&app, "staff", "ns.handler", PASSWORD).await;
    assert_eq!(status, 201);
    assert_eq!(body["second_factor"], "not_required");
    assert_eq!(
        body["me"]["capabilities"],
        json!([
            "view_org_tree",
            "view_calendar",
            "view_orders",
            "view_odr_stats"
        ])
    );
    assert_eq!(
        call(
            &app,
            Method::GET,
            &format!("/api/v1/organisations/{}", nanshan.0),
            &caller.unwrap(),
            None
        )
        .await
        .0,
        200
    );
}
