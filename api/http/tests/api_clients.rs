//! API clients and the OAuth2 client-credentials token endpoint: administrators register,
//! rotate and revoke clients; a secret is shown once; tokens are short-lived JWTs whose
//! client is re-checked on every request, so rotation and revocation act at once.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use std::time::Duration;

use diesel::RunQueryDsl;
use reqwest::Method;
use serde_json::{Value, json};
use weiquan_domain::access::{OrgId, Role};
use weiquan_test_support::{SignedIn, TestApp, TestOptions};

fn insert_org(app: &TestApp, kind: &str, name: &str, parent: OrgId, credit: Option<&str>) -> OrgId {
    #[derive(diesel::QueryableByName)]
    struct Id {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        id: i64,
    }
    let mut conn = app.database.connect();
    let id: Id = diesel::sql_query(
        "WITH new AS (SELECT nextval(pg_get_serial_sequence('organisations', 'id')) AS id) \
         INSERT INTO organisations (id, kind, name, parent_id, path, credit_code, odr_status) \
         SELECT new.id, $1, $2, p.id, p.path || new.id || '/', $3, \
                CASE WHEN $1 = 'enterprise' THEN 'approved' END \
         FROM new, organisations p WHERE p.id = $4 RETURNING id",
    )
    .bind::<diesel::sql_types::Text, _>(kind)
    .bind::<diesel::sql_types::Text, _>(name)
    .bind::<diesel::sql_types::Nullable<diesel::sql_types::Text>, _>(credit)
    .bind::<diesel::sql_types::BigInt, _>(parent.0)
    .get_result(&mut conn)
    .unwrap();
    OrgId(id.id)
}

struct World {
    nanshan: OrgId,
    enterprise: OrgId,
    department: OrgId,
    /// The enterprise's administrator, second factor passed.
    admin: SignedIn,
    /// The department's administrator, second factor passed.
    dept_admin: SignedIn,
}

async fn world(app: &TestApp) -> World {
    let nanshan = app.bureau(Some("440305"));
    let national = app.bureau(None);
    let enterprise = insert_org(
        app,
        "enterprise",
        "深圳市某电商有限公司",
        nanshan,
        Some("9144030071526726XG"),
    );
    let department = insert_org(app, "department", "12345 政务服务便民热线", national, None);
    let admin = app
        .sign_in(
            app.create_member(enterprise, "ent.admin", &[Role::OrgAdmin]),
            true,
        )
        .await;
    let dept_admin = app
        .sign_in(
            app.create_member(department, "dept.admin", &[Role::OrgAdmin]),
            true,
        )
        .await;
    World {
        nanshan,
        enterprise,
        department,
        admin,
        dept_admin,
    }
}

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

/// A registered client: database id, public id, secret.
struct Registered {
    id: i64,
    client_id: String,
    secret: String,
}

async fn register(app: &TestApp, admin: &SignedIn, org: OrgId, scopes: &[&str]) -> Registered {
    let (status, body) = call(
        app,
        Method::POST,
        &format!("/api/v1/organisations/{}/api-clients", org.0),
        Some(admin),
        Some(json!({"name": "订单系统", "scopes": scopes})),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    Registered {
        id: body["client"]["id"].as_i64().unwrap(),
        client_id: body["client"]["client_id"].as_str().unwrap().to_owned(),
        secret: body["client_secret"].as_str().unwrap().to_owned(),
    }
}

struct Answer {
    status: u16,
    body: Value,
    headers: reqwest::header::HeaderMap,
}

async fn answer(response: reqwest::Response) -> Answer {
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    Answer {
        status,
        body: response.json().await.unwrap_or(Value::Null),
        headers,
    }
}

/// A token request with HTTP Basic client authentication.
async fn token_basic(app: &TestApp, id: &str, secret: &str, scope: Option<&str>) -> Answer {
    let mut form = vec![("grant_type", "client_credentials")];
    if let Some(scope) = scope {
        form.push(("scope", scope));
    }
    answer(
        app.client
            .post(app.url("/api/v1/oauth/token"))
            .basic_auth(id, Some(secret))
            .form(&form)
            .send()
            .await
            .unwrap(),
    )
    .await
}

/// A token request with the given form only.
async fn token_form(app: &TestApp, form: &[(&str, &str)]) -> Answer {
    answer(
        app.client
            .post(app.url("/api/v1/oauth/token"))
            .form(form)
            .send()
            .await
            .unwrap(),
    )
    .await
}

async fn access_token(app: &TestApp, client: &Registered) -> String {
    let got = token_basic(app, &client.client_id, &client.secret, None).await;
    assert_eq!(got.status, 200, "{}", got.body);
    got.body["access_token"].as_str().unwrap().to_owned()
}

async fn whoami(app: &TestApp, token: &str) -> Answer {
    answer(
        app.client
            .get(app.url("/api/v1/client"))
            .bearer_auth(token)
            .send()
            .await
            .unwrap(),
    )
    .await
}

fn assert_invalid_token(got: &Answer) {
    assert_eq!(got.status, 401, "{}", got.body);
    assert_eq!(got.body["code"], "invalid_token");
    let challenge = got.headers["www-authenticate"].to_str().unwrap();
    assert!(
        challenge.starts_with("Bearer") && challenge.contains("error=\"invalid_token\""),
        "{challenge}"
    );
}

fn assert_oauth_error(got: &Answer, status: u16, error: &str) {
    assert_eq!(got.status, status, "{}", got.body);
    assert_eq!(got.body["error"], error, "{}", got.body);
    let code = if error == "invalid_request" {
        "malformed_request"
    } else {
        error
    };
    assert_eq!(got.body["code"], code, "{}", got.body);
    assert!(got.body["error_description"].is_string());
    assert_eq!(
        got.headers["content-type"].to_str().unwrap(),
        "application/problem+json"
    );
}

fn audit_actions(app: &TestApp) -> Vec<(String, String, String)> {
    #[derive(diesel::QueryableByName)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::Text)]
        action: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        outcome: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        detail: String,
    }
    let mut conn = app.database.connect();
    let rows: Vec<Row> = diesel::sql_query(
        "SELECT action, outcome, detail::text AS detail FROM audit_log \
         WHERE action LIKE 'client_%' ORDER BY id",
    )
    .load(&mut conn)
    .unwrap();
    rows.into_iter()
        .map(|r| (r.action, r.outcome, r.detail))
        .collect()
}

#[actix_web::test]
async fn the_secret_is_shown_once_and_buys_tokens_with_basic_or_body_credentials() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let client = register(
        &app,
        &w.admin,
        w.enterprise,
        &["orders:write", "orders:read"],
    )
    .await;
    assert!(client.client_id.starts_with("wqc_"));
    assert!(client.secret.starts_with("wqs_") && client.secret.len() == 47);

    // The list shows the client, never the secret or its hash.
    let response = app
        .request(
            Method::GET,
            &format!("/api/v1/organisations/{}/api-clients", w.enterprise.0),
            Some(&w.admin),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let text = response.text().await.unwrap();
    assert!(!text.contains(&client.secret), "{text}");
    assert!(!text.contains("secret_hash"), "{text}");
    let list: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(list["items"][0]["client_id"], client.client_id.as_str());
    assert_eq!(
        list["items"][0]["scopes"],
        json!(["orders:read", "orders:write"])
    );
    assert_eq!(list["items"][0]["status"], "active");
    assert_eq!(list["items"][0]["secret_generation"], 1);
    assert!(list["items"][0]["last_used_at"].is_null());

    // HTTP Basic (RFC 6749 §2.3.1).
    let got = token_basic(&app, &client.client_id, &client.secret, None).await;
    assert_eq!(got.status, 200, "{}", got.body);
    assert_eq!(got.body["token_type"], "Bearer");
    assert_eq!(got.body["expires_in"], 600);
    assert_eq!(got.body["scope"], "orders:read orders:write");
    assert_eq!(got.headers["cache-control"], "no-store");
    let basic_token = got.body["access_token"].as_str().unwrap().to_owned();

    // Credentials in the body, and a narrower scope.
    let got = token_form(
        &app,
        &[
            ("grant_type", "client_credentials"),
            ("client_id", &client.client_id),
            ("client_secret", &client.secret),
            ("scope", "orders:read"),
        ],
    )
    .await;
    assert_eq!(got.status, 200, "{}", got.body);
    assert_eq!(got.body["scope"], "orders:read");
    let read_token = got.body["access_token"].as_str().unwrap().to_owned();

    // whoami
    let me = whoami(&app, &basic_token).await;
    assert_eq!(me.status, 200, "{}", me.body);
    assert_eq!(me.body["client_id"], client.client_id.as_str());
    assert_eq!(me.body["name"], "订单系统");
    assert_eq!(me.body["org"]["id"], w.enterprise.0);
    assert_eq!(me.body["org"]["kind"], "enterprise");
    assert_eq!(me.body["scopes"], json!(["orders:read", "orders:write"]));
    let expires = me.body["token_expires_at"].as_i64().unwrap();
    let now = chrono::Utc::now().timestamp();
    assert!(
        (now + 590..=now + 601).contains(&expires),
        "{expires} vs {now}"
    );
    let me = whoami(&app, &read_token).await;
    assert_eq!(me.body["scopes"], json!(["orders:read"]));

    // Usage is noted; the secret is in no later answer and in no audit record.
    let (_, list) = call(
        &app,
        Method::GET,
        &format!("/api/v1/organisations/{}/api-clients", w.enterprise.0),
        Some(&w.admin),
        None,
    )
    .await;
    assert!(list["items"][0]["last_used_at"].is_string());
    let audit = audit_actions(&app);
    let actions: Vec<(&str, &str)> = audit
        .iter()
        .map(|(a, o, _)| (a.as_str(), o.as_str()))
        .collect();
    assert_eq!(
        actions,
        [
            ("client_registered", "success"),
            ("client_token_issued", "success"),
            ("client_token_issued", "success"),
        ]
    );
    assert!(
        audit
            .iter()
            .all(|(_, _, d)| !d.contains(&client.secret[4..]))
    );
}

#[actix_web::test]
async fn token_errors_follow_rfc_6749() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let client = register(&app, &w.admin, w.enterprise, &["orders:read"]).await;

    let wrong = token_basic(&app, &client.client_id, "wqs_not-the-secret", None).await;
    assert_oauth_error(&wrong, 401, "invalid_client");
    assert!(
        wrong.headers["www-authenticate"]
            .to_str()
            .unwrap()
            .starts_with("Basic")
    );
    let other = register(&app, &w.admin, w.enterprise, &["orders:read"]).await;
    let swapped = token_basic(&app, &client.client_id, &other.secret, None).await;
    assert_oauth_error(&swapped, 401, "invalid_client");
    let unknown = token_basic(&app, "wqc_AAAAAAAAAAAAAAAAAAAAAA", &client.secret, None).await;
    assert_oauth_error(&unknown, 401, "invalid_client");
    let none = token_form(&app, &[("grant_type", "client_credentials")]).await;
    assert_oauth_error(&none, 401, "invalid_client");

    let grant = token_form(
        &app,
        &[
            ("grant_type", "password"),
            ("client_id", &client.client_id),
            ("client_secret", &client.secret),
        ],
    )
    .await;
    assert_oauth_error(&grant, 400, "unsupported_grant_type");
    let missing = token_form(
        &app,
        &[
            ("client_id", &client.client_id),
            ("client_secret", &client.secret),
        ],
    )
    .await;
    assert_oauth_error(&missing, 400, "invalid_request");
    let twice = answer(
        app.client
            .post(app.url("/api/v1/oauth/token"))
            .basic_auth(&client.client_id, Some(&client.secret))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body("grant_type=client_credentials&scope=orders%3Aread&scope=orders%3Aread")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_oauth_error(&twice, 400, "invalid_request");
    let both = answer(
        app.client
            .post(app.url("/api/v1/oauth/token"))
            .basic_auth(&client.client_id, Some(&client.secret))
            .form(&[
                ("grant_type", "client_credentials"),
                ("client_id", &client.client_id),
                ("client_secret", &client.secret),
            ])
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_oauth_error(&both, 400, "invalid_request");
    let json_body = answer(
        app.client
            .post(app.url("/api/v1/oauth/token"))
            .basic_auth(&client.client_id, Some(&client.secret))
            .json(&json!({"grant_type": "client_credentials"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_oauth_error(&json_body, 400, "invalid_request");

    // Scopes: a subset of the grant is fine, more is not, unknown names are not.
    let subset = token_basic(&app, &client.client_id, &client.secret, Some("orders:read")).await;
    assert_eq!(subset.status, 200);
    let superset = token_basic(
        &app,
        &client.client_id,
        &client.secret,
        Some("orders:read orders:write"),
    )
    .await;
    assert_oauth_error(&superset, 400, "invalid_scope");
    let unknown_scope = token_basic(&app, &client.client_id, &client.secret, Some("admin")).await;
    assert_oauth_error(&unknown_scope, 400, "invalid_scope");

    // Refusals are audited without the secret.
    let audit = audit_actions(&app);
    assert!(
        audit
            .iter()
            .filter(|(a, _, _)| a == "client_token_refused")
            .count()
            >= 5,
        "{audit:?}"
    );
    assert!(
        audit
            .iter()
            .all(|(_, _, d)| !d.contains(&client.secret[4..]))
    );
}

#[actix_web::test]
async fn rotating_ends_the_old_secret_and_every_token_issued_under_it_at_once() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let client = register(&app, &w.admin, w.enterprise, &["orders:read"]).await;
    let before = access_token(&app, &client).await;
    assert_eq!(whoami(&app, &before).await.status, 200);

    let (status, rotated) = call(
        &app,
        Method::POST,
        &format!("/api/v1/api-clients/{}/rotate", client.id),
        Some(&w.admin),
        None,
    )
    .await;
    assert_eq!(status, 200, "{rotated}");
    let new_secret = rotated["client_secret"].as_str().unwrap();
    assert_ne!(new_secret, client.secret);
    assert_eq!(rotated["client"]["secret_generation"], 2);
    assert_eq!(rotated["client"]["client_id"], client.client_id.as_str());

    assert_invalid_token(&whoami(&app, &before).await);
    let old = token_basic(&app, &client.client_id, &client.secret, None).await;
    assert_oauth_error(&old, 401, "invalid_client");
    let fresh = token_basic(&app, &client.client_id, new_secret, None).await;
    assert_eq!(fresh.status, 200, "{}", fresh.body);
    let fresh = fresh.body["access_token"].as_str().unwrap();
    assert_eq!(whoami(&app, fresh).await.status, 200);

    let (_, list) = call(
        &app,
        Method::GET,
        &format!("/api/v1/organisations/{}/api-clients", w.enterprise.0),
        Some(&w.admin),
        None,
    )
    .await;
    assert!(!list.to_string().contains(new_secret));
    assert!(list["items"][0]["rotated_at"].is_string());
    let actions: Vec<String> = audit_actions(&app).into_iter().map(|(a, _, _)| a).collect();
    assert!(
        actions.contains(&"client_secret_rotated".to_owned()),
        "{actions:?}"
    );
}

#[actix_web::test]
async fn revoking_ends_every_token_at_once_and_for_good() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let client = register(&app, &w.admin, w.enterprise, &["orders:read"]).await;
    let token = access_token(&app, &client).await;
    let (status, revoked) = call(
        &app,
        Method::POST,
        &format!("/api/v1/api-clients/{}/revoke", client.id),
        Some(&w.admin),
        None,
    )
    .await;
    assert_eq!(status, 200, "{revoked}");
    assert_eq!(revoked["status"], "revoked");
    assert!(revoked.get("client_secret").is_none());
    assert_invalid_token(&whoami(&app, &token).await);
    let again = token_basic(&app, &client.client_id, &client.secret, None).await;
    assert_oauth_error(&again, 401, "invalid_client");
    for action in ["rotate", "revoke"] {
        let (status, body) = call(
            &app,
            Method::POST,
            &format!("/api/v1/api-clients/{}/{action}", client.id),
            Some(&w.admin),
            None,
        )
        .await;
        assert_eq!((status, body["code"].as_str()), (409, Some("conflict")));
    }
    let actions: Vec<String> = audit_actions(&app).into_iter().map(|(a, _, _)| a).collect();
    assert!(
        actions.contains(&"client_revoked".to_owned()),
        "{actions:?}"
    );
}

#[actix_web::test]
async fn expired_tokens_and_tokens_not_signed_with_the_token_key_are_refused() {
    let app = TestApp::spawn_with(TestOptions {
        configure: Some(Box::new(|c| {
            c.oauth.token_lifetime = Duration::from_secs(1);
        })),
        ..TestOptions::default()
    })
    .await;
    let w = world(&app).await;
    let client = register(&app, &w.admin, w.enterprise, &["orders:read"]).await;
    let token = access_token(&app, &client).await;
    assert_eq!(whoami(&app, &token).await.status, 200);

    // The same claims signed with another key; with the session key; with another audience.
    let parts: Vec<&str> = token.split('.').collect();
    use base64::Engine as _;
    let claims: Value = serde_json::from_slice(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(parts[1])
            .unwrap(),
    )
    .unwrap();
    assert_eq!(claims["sub"], client.client_id.as_str());
    assert_eq!(claims["iss"], "weiquan");
    assert_eq!(claims["aud"], "weiquan-api");
    assert_eq!(claims["gen"], 1);
    assert!(claims["jti"].is_string());
    let mut long_lived = claims.clone();
    long_lived["exp"] = json!(chrono::Utc::now().timestamp() + 3600);
    let sign = |claims: &Value, key: &str| {
        jsonwebtoken::encode(
            &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256),
            claims,
            &jsonwebtoken::EncodingKey::from_secret(key.as_bytes()).unwrap(),
        )
        .unwrap()
    };
    let forged = sign(&long_lived, "another-key-of-at-least-32-characters!!");
    assert_invalid_token(&whoami(&app, &forged).await);
    let session_keyed = sign(&long_lived, &app.config.session.secret);
    assert_invalid_token(&whoami(&app, &session_keyed).await);
    let mut other_audience = long_lived.clone();
    other_audience["aud"] = json!("someone-else");
    assert_invalid_token(&whoami(&app, &sign(&other_audience, &app.config.oauth.secret)).await);
    // Our key and our audience: accepted (so the refusals above are about key and audience).
    assert_eq!(
        whoami(&app, &sign(&long_lived, &app.config.oauth.secret))
            .await
            .status,
        200
    );
    assert_invalid_token(&whoami(&app, "not-a-jwt").await);
    assert_invalid_token(&whoami(&app, "").await);

    tokio::time::sleep(Duration::from_millis(2100)).await;
    assert_invalid_token(&whoami(&app, &token).await);
}

#[actix_web::test]
async fn failed_client_authentication_is_limited_per_client_id_and_per_address() {
    let app = TestApp::spawn_with(TestOptions {
        configure: Some(Box::new(|c| {
            c.oauth.limits.per_client = 3;
            c.oauth.limits.per_address = 6;
        })),
        ..TestOptions::default()
    })
    .await;
    let w = world(&app).await;
    let client = register(&app, &w.admin, w.enterprise, &["orders:read"]).await;
    for _ in 0..3 {
        let got = token_basic(&app, &client.client_id, "wqs_wrong", None).await;
        assert_eq!(got.status, 401);
    }
    let limited = token_basic(&app, &client.client_id, "wqs_wrong", None).await;
    assert_eq!(limited.status, 429, "{}", limited.body);
    assert_eq!(limited.body["code"], "too_many_requests");
    let retry: u64 = limited.headers["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(retry > 0 && retry <= 15 * 60);
    // Even the right secret waits for the window: the limit is checked first.
    let right = token_basic(&app, &client.client_id, &client.secret, None).await;
    assert_eq!(right.status, 429);

    // Per address: other client ids from the same address, until the address is over.
    let other = register(&app, &w.admin, w.enterprise, &["orders:read"]).await;
    let mut statuses = Vec::new();
    for i in 0..4 {
        let id = format!("wqc_AAAAAAAAAAAAAAAAAAAAA{i}");
        statuses.push(token_basic(&app, &id, "wqs_wrong", None).await.status);
    }
    assert_eq!(
        statuses,
        [401, 401, 401, 429],
        "3 + 3 failures from this address"
    );
    assert_eq!(
        token_basic(&app, &other.client_id, &other.secret, None)
            .await
            .status,
        429
    );
}

#[actix_web::test]
async fn only_the_organisations_administrator_with_a_second_factor_manages_its_clients() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let client = register(&app, &w.admin, w.enterprise, &["orders:read"]).await;
    let list_path = format!("/api/v1/organisations/{}/api-clients", w.enterprise.0);
    let body = json!({"name": "x", "scopes": ["orders:read"]});

    let admin_user = w.admin.user;
    let pending = app.sign_in(admin_user, false).await;
    let handler = app
        .sign_in(
            app.create_member(w.enterprise, "ent.handler", &[Role::Handler]),
            false,
        )
        .await;
    let bureau_admin = app
        .sign_in(
            app.create_member(w.nanshan, "ns.admin", &[Role::OrgAdmin]),
            true,
        )
        .await;
    let consumer = app.sign_in(app.create_consumer("13700000009"), false).await;
    let cases: [(&SignedIn, u16, &str); 5] = [
        (&pending, 403, "second_factor_required"),
        (&handler, 403, "forbidden"),
        (&bureau_admin, 403, "forbidden"),
        (&consumer, 404, "not_found"),
        (&w.dept_admin, 404, "not_found"),
    ];
    for (who, status, code) in cases {
        for (method, path, body) in [
            (Method::GET, list_path.clone(), None),
            (Method::POST, list_path.clone(), Some(body.clone())),
            (
                Method::POST,
                format!("/api/v1/api-clients/{}/rotate", client.id),
                None,
            ),
            (
                Method::POST,
                format!("/api/v1/api-clients/{}/revoke", client.id),
                None,
            ),
        ] {
            let (got, answer) = call(&app, method.clone(), &path, Some(who), body).await;
            assert_eq!(
                (got, answer["code"].as_str()),
                (status, Some(code)),
                "{method} {path} as user {:?}",
                who.user
            );
        }
    }
    let (status, _) = call(&app, Method::GET, &list_path, None, None).await;
    assert_eq!(status, 401);

    // The department's administrator manages the department's own clients; a bureau cannot
    // have any.
    let dept = register(
        &app,
        &w.dept_admin,
        w.department,
        &["orders:read", "orders:write"],
    )
    .await;
    assert!(!access_token(&app, &dept).await.is_empty());
    let (status, body) = call(
        &app,
        Method::POST,
        &format!("/api/v1/organisations/{}/api-clients", w.nanshan.0),
        Some(&bureau_admin),
        Some(json!({"name": "x", "scopes": ["orders:read"]})),
    )
    .await;
    assert_eq!((status, body["code"].as_str()), (403, Some("forbidden")));

    // Bad input.
    for bad in [
        json!({"name": " ", "scopes": ["orders:read"]}),
        json!({"name": "x", "scopes": []}),
        json!({"name": "x", "scopes": ["orders:delete"]}),
        json!({"name": "x".repeat(101), "scopes": ["orders:read"]}),
    ] {
        let (status, body) = call(&app, Method::POST, &list_path, Some(&w.admin), Some(bad)).await;
        assert_eq!(
            (status, body["code"].as_str()),
            (422, Some("validation_failed"))
        );
    }
    // Nothing half-written: still the one client.
    let (_, list) = call(&app, Method::GET, &list_path, Some(&w.admin), None).await;
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
}

#[actix_web::test]
async fn a_client_manages_nothing_and_sees_no_other_organisations_clients() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let mine = register(
        &app,
        &w.admin,
        w.enterprise,
        &["orders:read", "orders:write"],
    )
    .await;
    let theirs = register(&app, &w.dept_admin, w.department, &["orders:read"]).await;
    let token = access_token(&app, &mine).await;
    let as_client = |method: Method, path: String| {
        let request = app
            .client
            .request(method, app.url(&path))
            .bearer_auth(&token);
        async move { answer(request.send().await.unwrap()).await }
    };
    for org in [w.enterprise, w.department] {
        let got = as_client(
            Method::GET,
            format!("/api/v1/organisations/{}/api-clients", org.0),
        )
        .await;
        assert_eq!(
            (got.status, got.body["code"].as_str()),
            (404, Some("not_found"))
        );
    }
    // A state-changing request by bearer needs no CSRF token; it is refused on permission.
    for id in [mine.id, theirs.id] {
        for action in ["rotate", "revoke"] {
            let got = as_client(Method::POST, format!("/api/v1/api-clients/{id}/{action}")).await;
            assert_eq!(
                (got.status, got.body["code"].as_str()),
                (404, Some("not_found"))
            );
        }
    }
    let got = as_client(Method::GET, "/api/v1/me".into()).await;
    assert!(matches!(got.status, 401 | 403), "{}", got.body);
    // A client has no name or password to change: 403, not a wrong password (found by the
    // contract fuzzing).
    for (method, path, body) in [
        (Method::PATCH, "/api/v1/me", json!({ "display_name": "0" })),
        (
            Method::PUT,
            "/api/v1/me/password",
            json!({ "current_password": "x", "new_password": "long enough 2026" }),
        ),
    ] {
        let got = answer(
            app.client
                .request(method, app.url(path))
                .bearer_auth(&token)
                .json(&body)
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(
            (got.status, got.body["code"].as_str()),
            (403, Some("forbidden")),
            "{path}: {}",
            got.body
        );
    }
    // Still active, both of them.
    assert_eq!(whoami(&app, &token).await.status, 200);
    assert!(!access_token(&app, &theirs).await.is_empty());
}

#[actix_web::test]
async fn a_disabled_or_suspended_organisation_gets_no_tokens_and_its_tokens_stop() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let client = register(&app, &w.admin, w.enterprise, &["orders:read"]).await;
    let token = access_token(&app, &client).await;
    let id = w.enterprise.0;

    app.execute(&format!(
        "UPDATE organisations SET odr_status = 'suspended' WHERE id = {id}"
    ));
    assert_invalid_token(&whoami(&app, &token).await);
    let refused = token_basic(&app, &client.client_id, &client.secret, None).await;
    assert_oauth_error(&refused, 400, "unauthorized_client");

    app.execute(&format!(
        "UPDATE organisations SET odr_status = 'approved' WHERE id = {id}"
    ));
    assert_eq!(whoami(&app, &token).await.status, 200);

    app.execute(&format!(
        "UPDATE organisations SET status = 'disabled' WHERE id = {id}"
    ));
    assert_invalid_token(&whoami(&app, &token).await);
    let refused = token_basic(&app, &client.client_id, &client.secret, None).await;
    assert_oauth_error(&refused, 400, "unauthorized_client");
}

#[actix_web::test]
async fn a_bearer_token_with_a_session_cookie_is_refused_and_cookies_are_not_clients() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let client = register(&app, &w.admin, w.enterprise, &["orders:read"]).await;
    let token = access_token(&app, &client).await;
    let both = app
        .request(Method::GET, "/api/v1/client", Some(&w.admin))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(both.status(), 400);
    let body: Value = both.json().await.unwrap();
    assert_eq!(body["code"], "malformed_request");

    let (status, body) = call(&app, Method::GET, "/api/v1/client", Some(&w.admin), None).await;
    assert_eq!((status, body["code"].as_str()), (403, Some("forbidden")));
    let anonymous = answer(app.get("/api/v1/client").await).await;
    assert_eq!(anonymous.status, 401);
    assert!(
        anonymous.headers["www-authenticate"]
            .to_str()
            .unwrap()
            .starts_with("Bearer")
    );
}

/// Every documented endpoint, called with an integration client's bearer token: it never
/// gets further than an anonymous caller (except `GET /api/v1/client` and its own
/// enterprise's inbox and counts), and never a 5xx.
#[actix_web::test]
async fn an_integration_client_reaches_no_endpoint_an_anonymous_caller_cannot() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let client = register(
        &app,
        &w.admin,
        w.enterprise,
        &["orders:read", "orders:write"],
    )
    .await;
    let token = access_token(&app, &client).await;
    let doc = serde_json::to_value(weiquan_http::openapi::document()).unwrap();
    let mut failures = Vec::new();
    for (template, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            let method = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
            if template == "/api/v1/oauth/token" {
                continue;
            }
            // Path parameters: the client's own organisation / client where it matters.
            let path = template
                .replace("/api-clients/{id}", &format!("/api-clients/{}", client.id))
                .replace("{id}", &w.enterprise.0.to_string())
                .replace("{code}", "440305")
                .replace("{handle}", &"0".repeat(64));
            let send = |bearer: bool| {
                let mut request = app.client.request(method.clone(), app.url(&path));
                if bearer {
                    request = request.bearer_auth(&token);
                }
                if method != Method::GET && method != Method::DELETE {
                    request = request.json(&json!({}));
                }
                async move { request.send().await.unwrap().status().as_u16() }
            };
            let anonymous = send(false).await;
            let bearer = send(true).await;
            // An enterprise's client reads its own enterprise's inbox and its dialogues'
            // unread counts (issue 5, ODR).
            let allowed = matches!(
                template.as_str(),
                "/api/v1/client"
                    | "/api/v1/organisations/{id}/orders"
                    | "/api/v1/organisations/{id}/orders/counts"
                    | "/api/v1/dialogues/unread"
            ) && bearer == 200;
            if bearer >= 500
                || (!allowed && (200..300).contains(&bearer) && !(200..300).contains(&anonymous))
            {
                failures.push(format!(
                    "{method} {template}: client {bearer}, anonymous {anonymous}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // The client is intact afterwards.
    assert_eq!(whoami(&app, &token).await.status, 200);
}
