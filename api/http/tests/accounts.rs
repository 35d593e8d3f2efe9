//! Consumers register with an SMS code, reset a forgotten password, rename themselves and
//! change their password; sign-in attempts land in the audit log.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use reqwest::Method;
use serde_json::{Value, json};
use weiquan_test_support::{SignedIn, TestApp};

const PASSWORD: &str = "a quiet river at dawn";

async fn post(app: &TestApp, path: &str, body: Value) -> (u16, Value, Option<String>) {
    let response = app
        .client
        .post(app.url(path))
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let cookie = response
        .headers()
        .get("set-cookie")
        .map(|v| v.to_str().unwrap().to_owned());
    (status, response.json().await.unwrap_or(Value::Null), cookie)
}

/// The code in the newest message of the development mailbox.
async fn code_for(app: &TestApp, phone: &str) -> Option<String> {
    let (status, body) = app
        .get_json(&format!("/api/dev/messages?recipient={phone}"))
        .await;
    assert_eq!(status, 200, "{body}");
    let text = body["items"][0]["text"].as_str()?.to_owned();
    text.split(|c: char| !c.is_ascii_digit())
        .find(|w| w.len() == 6)
        .map(str::to_owned)
}

async fn register(app: &TestApp, phone: &str) -> SignedIn {
    let (status, _, _) = post(
        app,
        "/api/v1/verification-codes",
        json!({"phone": phone, "purpose": "register"}),
    )
    .await;
    assert_eq!(status, 202);
    let code = code_for(app, phone).await.unwrap();
    let (status, me, cookie) = post(
        app,
        "/api/v1/consumers",
        json!({"phone": phone, "code": code, "password": PASSWORD, "display_name": "李维权"}),
    )
    .await;
    assert_eq!(status, 201, "{me}");
    SignedIn {
        user: weiquan_domain::access::UserId(me["user_id"].as_i64().unwrap()),
        cookie: cookie.unwrap().split(';').next().unwrap().to_owned(),
        csrf: me["csrf_token"].as_str().unwrap().to_owned(),
        session_id: String::new(),
    }
}

/// The resend limit is per minute: clear it as the minute passing would.
fn clear_resend_limits(app: &TestApp) {
    let redis = redis::Client::open(weiquan_test_support::redis_url()).unwrap();
    let mut conn = redis.get_connection().unwrap();
    let keys: Vec<String> = redis::cmd("KEYS")
        .arg(format!("{}rl:otp-resend:*", app.config.redis_key_prefix))
        .query(&mut conn)
        .unwrap();
    if !keys.is_empty() {
        let _: () = redis::cmd("DEL").arg(keys).query(&mut conn).unwrap();
    }
}

#[actix_web::test]
async fn a_consumer_registers_with_an_sms_code_and_is_signed_in() {
    let app = TestApp::spawn().await;
    let me = register(&app, "13566667777").await;
    let (status, body) = {
        let r = app
            .request(Method::GET, "/api/v1/me", Some(&me))
            .send()
            .await
            .unwrap();
        (r.status().as_u16(), r.json::<Value>().await.unwrap())
    };
    assert_eq!(status, 200);
    assert_eq!(body["display_name"], "李维权");
    assert_eq!(body["phone_masked"], "135****7777");
    // The code was used up.
    let (status, body, _) = post(
        &app,
        "/api/v1/sessions",
        json!({"audience": "consumer", "login": "13566667777", "password": PASSWORD}),
    )
    .await;
    assert_eq!(status, 201, "{body}");
}

#[actix_web::test]
async fn a_wrong_code_a_weak_password_and_a_bad_number_name_their_fields() {
    let app = TestApp::spawn().await;
    post(
        &app,
        "/api/v1/verification-codes",
        json!({"phone": "13566667778", "purpose": "register"}),
    )
    .await;
    let (status, body, _) = post(&app, "/api/v1/consumers", json!({"phone": "13566667778", "code": "000000", "password": PASSWORD, "display_name": "x"})).await;
    assert_eq!(status, 422);
    let code = code_for(&app, "13566667778").await.unwrap();
    if code != "000000" {
        assert_eq!(body["errors"][0]["field"], "code");
        assert_eq!(body["errors"][0]["code"], "invalid_code");
    }
    for (password, reason) in [
        ("short", "too_short"),
        ("password123", "common"),
        ("13566667778", "same_as_identifier"),
    ] {
        let (status, body, _) = post(&app, "/api/v1/consumers", json!({"phone": "13566667778", "code": code, "password": password, "display_name": "x"})).await;
        assert_eq!(status, 422, "{password}");
        assert_eq!(body["errors"][0]["field"], "password", "{password}");
        assert_eq!(body["errors"][0]["code"], reason, "{password}");
    }
    let (status, body, _) = post(
        &app,
        "/api/v1/verification-codes",
        json!({"phone": "2345", "purpose": "register"}),
    )
    .await;
    assert_eq!(
        (status, body["errors"][0]["field"].as_str()),
        (422, Some("phone"))
    );
}

#[actix_web::test]
async fn codes_cannot_be_requested_again_within_a_minute() {
    let app = TestApp::spawn().await;
    let first = post(
        &app,
        "/api/v1/verification-codes",
        json!({"phone": "13566667779", "purpose": "register"}),
    )
    .await;
    assert_eq!(first.0, 202);
    assert_eq!(first.1["resend_after_seconds"], 60);
    let response = app
        .client
        .post(app.url("/api/v1/verification-codes"))
        .json(&json!({"phone": "13566667779", "purpose": "register"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 429);
    assert!(response.headers().get("retry-after").is_some());
}

#[actix_web::test]
async fn the_answers_do_not_reveal_whether_a_number_has_an_account() {
    let app = TestApp::spawn().await;
    register(&app, "13566667780").await;
    clear_resend_limits(&app);
    // Registering a taken number answers as registering a free one, but sends nothing.
    let taken = post(
        &app,
        "/api/v1/verification-codes",
        json!({"phone": "13566667780", "purpose": "register"}),
    )
    .await;
    let free = post(
        &app,
        "/api/v1/verification-codes",
        json!({"phone": "13566667785", "purpose": "register"}),
    )
    .await;
    assert_eq!((taken.0, &taken.1), (free.0, &free.1));
    let (_, mailbox) = app
        .get_json("/api/dev/messages?recipient=13566667780")
        .await;
    assert_eq!(
        mailbox["items"].as_array().unwrap().len(),
        1,
        "only the original registration code"
    );
    // Resetting for a number without an account: the same answer, nothing sent.
    let unknown = post(
        &app,
        "/api/v1/verification-codes",
        json!({"phone": "13566667781", "purpose": "reset_password"}),
    )
    .await;
    assert_eq!((unknown.0, &unknown.1), (free.0, &free.1));
    let (_, mailbox) = app
        .get_json("/api/dev/messages?recipient=13566667781")
        .await;
    assert_eq!(
        mailbox["items"],
        json!([]),
        "no reset code for a number without an account"
    );
}

#[actix_web::test]
async fn a_forgotten_password_is_reset_with_a_code_and_every_session_ends() {
    let app = TestApp::spawn().await;
    let me = register(&app, "13566667782").await;
    clear_resend_limits(&app);

    let (status, _, _) = post(
        &app,
        "/api/v1/verification-codes",
        json!({"phone": "13566667782", "purpose": "reset_password"}),
    )
    .await;
    assert_eq!(status, 202);
    let code = code_for(&app, "13566667782").await.unwrap();
    let new_password = "another river at dusk";
    let (status, body, _) = post(
        &app,
        "/api/v1/password-resets",
        json!({"phone": "13566667782", "code": code, "password": new_password}),
    )
    .await;
    assert_eq!(status, 204, "{body}");
    assert_eq!(
        app.request(Method::GET, "/api/v1/me", Some(&me))
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        401
    );
    let old = post(
        &app,
        "/api/v1/sessions",
        json!({"audience": "consumer", "login": "13566667782", "password": PASSWORD}),
    )
    .await;
    assert_eq!(old.0, 401);
    let new = post(
        &app,
        "/api/v1/sessions",
        json!({"audience": "consumer", "login": "13566667782", "password": new_password}),
    )
    .await;
    assert_eq!(new.0, 201);
    let again = post(
        &app,
        "/api/v1/password-resets",
        json!({"phone": "13566667782", "code": code, "password": "yet another password"}),
    )
    .await;
    assert_eq!(again.0, 422, "a code works once");
}

#[actix_web::test]
async fn a_signed_in_consumer_renames_and_changes_the_password() {
    let app = TestApp::spawn().await;
    let me = register(&app, "13566667783").await;
    let response = app
        .request(Method::PATCH, "/api/v1/me", Some(&me))
        .json(&json!({"display_name": "  王先生 "}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(
        response.json::<Value>().await.unwrap()["display_name"],
        "王先生"
    );
    let empty = app
        .request(Method::PATCH, "/api/v1/me", Some(&me))
        .json(&json!({"display_name": " "}))
        .send()
        .await
        .unwrap();
    assert_eq!(empty.status().as_u16(), 422);

    let wrong = app
        .request(Method::PUT, "/api/v1/me/password", Some(&me))
        .json(&json!({"current_password": "not it at all", "new_password": "a brand new phrase"}))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status().as_u16(), 422);
    assert_eq!(
        wrong.json::<Value>().await.unwrap()["errors"][0]["field"],
        "current_password"
    );
    let ok = app
        .request(Method::PUT, "/api/v1/me/password", Some(&me))
        .json(&json!({"current_password": PASSWORD, "new_password": "a brand new phrase"}))
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status().as_u16(), 204);
    assert_eq!(
        app.request(Method::GET, "/api/v1/me", Some(&me))
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        401
    );
}

#[actix_web::test]
async fn sign_in_attempts_are_audited_with_address_and_outcome() {
    let app = TestApp::spawn().await;
    register(&app, "13566667784").await;
    post(
        &app,
        "/api/v1/sessions",
        json!({"audience": "consumer", "login": "13566667784", "password": "wrong password"}),
    )
    .await;
    post(
        &app,
        "/api/v1/sessions",
        json!({"audience": "consumer", "login": "13566667784", "password": PASSWORD}),
    )
    .await;
    #[derive(diesel::QueryableByName, Debug)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::Text)]
        action: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        outcome: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        login: String,
        #[diesel(sql_type = diesel::sql_types::Bool)]
        has_ip: bool,
    }
    use diesel::RunQueryDsl;
    let mut conn = app.database.connect();
    let rows: Vec<Row> = diesel::sql_query(
        "SELECT action, outcome, coalesce(detail->>'login', '') AS login, ip IS NOT NULL AS has_ip FROM audit_log \
         WHERE action IN ('sign_in', 'sign_in_failed', 'user_registered') ORDER BY id",
    )
    .load(&mut conn)
    .unwrap();
    let actions: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r.action.as_str(), r.outcome.as_str()))
        .collect();
    assert_eq!(
        actions,
        [
            ("user_registered", "success"),
            ("sign_in_failed", "failure"),
            ("sign_in", "success")
        ]
    );
    assert!(
        rows[1..]
            .iter()
            .all(|r| r.login == "135****7784" && r.has_ip),
        "{rows:?}"
    );
    let report = std::process::Command::new(env!("CARGO_BIN_EXE_weiquan"))
        .args(["audit", "verify"])
        .env("DATABASE_URL", &app.database.url)
        .output()
        .unwrap();
    assert!(
        report.status.success(),
        "{}",
        String::from_utf8_lossy(&report.stderr)
    );
}
