//! Invitations end to end against the real server, PostgreSQL and Redis: invite → email in the
//! outbox and the dev mailbox → inspect → accept → sign in; single use (also under a race),
//! expiry, resend, revoke, purpose binding, rate limit, and who may do what. Also stations.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use reqwest::Method;
use serde_json::{Value, json};
use weiquan_domain::access::{OrgId, Role};
use weiquan_test_support::{SignedIn, TestApp};

const PASSWORD: &str = "a long enough phrase";

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

async fn admin_of(app: &TestApp, org: OrgId, username: &str) -> SignedIn {
    let user = app.create_member(org, username, &[Role::OrgAdmin]);
    app.sign_in(user, true).await
}

async fn invite(
    app: &TestApp,
    admin: &SignedIn,
    org: OrgId,
    username: &str,
    email: &str,
) -> (u16, Value) {
    call(
        app,
        Method::POST,
        &format!("/api/v1/organisations/{}/invitations", org.0),
        Some(admin),
        Some(json!({
            "username": username,
            "display_name": "受邀的承办人",
            "email": email,
            "roles": ["handler"],
        })),
    )
    .await
}

/// The dev mailbox of an address, newest first.
async fn mailbox(app: &TestApp, email: &str) -> Vec<Value> {
    let (status, body) = app
        .get_json(&format!("/api/dev/messages?recipient={email}"))
        .await;
    assert_eq!(status, 200, "{body}");
    body["items"].as_array().unwrap().clone()
}

/// The token in the newest invitation email to `email`.
async fn token_for(app: &TestApp, email: &str) -> String {
    let items = mailbox(app, email).await;
    let text = items[0]["text"].as_str().unwrap();
    let start = text.find("#token=").unwrap() + "#token=".len();
    text[start..start + 43].to_owned()
}

async fn inspect(app: &TestApp, token: &str) -> (u16, Value) {
    app.post_json("/api/v1/invitations/inspect", &json!({ "token": token }))
        .await
}

async fn accept(app: &TestApp, token: &str, password: &str) -> (u16, Value) {
    app.post_json(
        "/api/v1/invitations/accept",
        &json!({ "token": token, "password": password }),
    )
    .await
}

async fn sign_in_status(app: &TestApp, login: &str, password: &str) -> u16 {
    app.post_json(
        "/api/v1/sessions",
        &json!({"audience": "staff", "login": login, "password": password}),
    )
    .await
    .0
}

fn scalar(app: &TestApp, sql: &str) -> String {
    use diesel::RunQueryDsl;
    #[derive(diesel::QueryableByName)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::Text)]
        v: String,
    }
    let mut conn = app.database.connect();
    diesel::sql_query(sql)
        .get_result::<Row>(&mut conn)
        .unwrap()
        .v
}

#[actix_web::test]
async fn an_invitee_follows_the_emailed_link_sets_a_password_and_signs_in() {
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let admin = admin_of(&app, nanshan, "inv.admin").await;

    let (status, created) = invite(&app, &admin, nanshan, "New.Handler", "new@example.cn").await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(created["username"], "new.handler");
    assert_eq!(created["status"], "open");
    assert_eq!(created["organisation_id"], nanshan.0);
    assert_eq!(created["roles"], json!(["handler"]));
    let invited_user = created["user_id"].as_i64().unwrap();

    // The email is in the outbox, its link a URL fragment, and the answer never had the token.
    let items = mailbox(&app, "new@example.cn").await;
    assert_eq!(items.len(), 1);
    let text = items[0]["text"].as_str().unwrap();
    assert!(
        text.contains("http://127.0.0.1:8080/admin/invitations/accept#token="),
        "{text}"
    );
    assert_eq!(items[0]["subject"], "邀请您加入深圳市南山区市场监督管理局");
    let token = token_for(&app, "new@example.cn").await;
    assert!(!created.to_string().contains(&token));
    assert_eq!(
        scalar(
            &app,
            "SELECT count(*)::text AS v FROM outbox WHERE channel = 'email' \
             AND template = 'member_invitation' AND recipient = 'new@example.cn'"
        ),
        "1"
    );

    // Before accepting, the account cannot sign in (it has no password).
    assert_eq!(sign_in_status(&app, "new.handler", PASSWORD).await, 401);

    let (status, preview) = inspect(&app, &token).await;
    assert_eq!(status, 200, "{preview}");
    assert_eq!(preview["organisation_name"], "深圳市南山区市场监督管理局");
    assert_eq!(preview["username"], "new.handler");
    assert_eq!(preview["display_name"], "受邀的承办人");

    let (status, weak) = accept(&app, &token, "new.handler").await;
    assert_eq!(status, 422, "{weak}");
    assert_eq!(weak["errors"][0]["field"], "password");
    // A refused password does not use the link up.
    assert_eq!(inspect(&app, &token).await.0, 200);

    let (status, accepted) = accept(&app, &token, PASSWORD).await;
    assert_eq!(status, 200, "{accepted}");
    assert_eq!(sign_in_status(&app, "new.handler", PASSWORD).await, 201);

    // Single use.
    let (status, again) = accept(&app, &token, "another long phrase").await;
    assert_eq!(
        (status, again["code"].as_str()),
        (400, Some("invitation_invalid"))
    );
    assert_eq!(inspect(&app, &token).await.0, 400);
    assert_eq!(
        sign_in_status(&app, "new.handler", "another long phrase").await,
        401
    );

    let (status, list) = call(
        &app,
        Method::GET,
        &format!("/api/v1/organisations/{}/invitations", nanshan.0),
        Some(&admin),
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(list["items"][0]["status"], "accepted");
    assert_eq!(list["items"][0]["user_id"], invited_user);
    assert_eq!(list["items"][0]["invited_by"], admin.user.0);

    let audited = scalar(
        &app,
        &format!(
            "SELECT string_agg(action || ':' || outcome, ',' ORDER BY id) AS v FROM audit_log \
             WHERE subject = 'user:{invited_user}'"
        ),
    );
    // Failed sign-ins naming the account are filed under it too (before it had a password,
    // and with a password it never had).
    assert_eq!(
        audited,
        "user_invited:success,sign_in_failed:failure,invitation_accepted:success,\
         sign_in:success,invitation_accepted:failure,sign_in_failed:failure"
    );
}

#[actix_web::test]
async fn of_two_concurrent_accepts_exactly_one_wins() {
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let admin = admin_of(&app, nanshan, "race.admin").await;
    assert_eq!(
        invite(&app, &admin, nanshan, "race.handler", "race@example.cn")
            .await
            .0,
        201
    );
    let token = token_for(&app, "race@example.cn").await;
    for round in 0..3 {
        if round > 0 {
            // Reopen the same invitation for another round.
            app.execute("UPDATE invitations SET used_at = NULL");
            app.execute(
                "UPDATE users SET status = 'invited', password_hash = NULL \
                 WHERE username = 'race.handler'",
            );
        }
        let (a, b) = tokio::join!(
            accept(&app, &token, "first long phrase"),
            accept(&app, &token, "second long phrase"),
        );
        let mut statuses = [a.0, b.0];
        statuses.sort_unstable();
        assert_eq!(statuses, [200, 400], "round {round}: {a:?} {b:?}");
        let winner = if a.0 == 200 {
            "first long phrase"
        } else {
            "second long phrase"
        };
        assert_eq!(sign_in_status(&app, "race.handler", winner).await, 201);
    }
}

#[actix_web::test]
async fn an_expired_link_is_refused_and_a_resend_issues_a_new_one_that_kills_the_old() {
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let admin = admin_of(&app, nanshan, "exp.admin").await;
    let (_, created) = invite(&app, &admin, nanshan, "exp.handler", "exp@example.cn").await;
    let id = created["id"].as_i64().unwrap();
    let first = token_for(&app, "exp@example.cn").await;

    app.execute("UPDATE invitations SET expires_at = now() - interval '1 minute'");
    let (status, body) = inspect(&app, &first).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (400, Some("invitation_invalid"))
    );
    assert_eq!(accept(&app, &first, PASSWORD).await.0, 400);
    let (_, list) = call(
        &app,
        Method::GET,
        &format!("/api/v1/organisations/{}/invitations", nanshan.0),
        Some(&admin),
        None,
    )
    .await;
    assert_eq!(list["items"][0]["status"], "expired");

    let (status, resent) = call(
        &app,
        Method::POST,
        &format!("/api/v1/invitations/{id}/resend"),
        Some(&admin),
        None,
    )
    .await;
    assert_eq!(status, 200, "{resent}");
    assert_eq!(resent["status"], "open");
    assert_eq!(resent["sent_count"], 2);
    assert_eq!(mailbox(&app, "exp@example.cn").await.len(), 2);
    let second = token_for(&app, "exp@example.cn").await;
    assert_ne!(first, second);

    // Resend again while open: the second link dies at once too.
    let (status, _) = call(
        &app,
        Method::POST,
        &format!("/api/v1/invitations/{id}/resend"),
        Some(&admin),
        None,
    )
    .await;
    assert_eq!(status, 200);
    let third = token_for(&app, "exp@example.cn").await;
    assert_eq!(inspect(&app, &second).await.0, 400);
    assert_eq!(accept(&app, &first, PASSWORD).await.0, 400);
    assert_eq!(accept(&app, &second, PASSWORD).await.0, 400);
    assert_eq!(accept(&app, &third, PASSWORD).await.0, 200);
    assert_eq!(sign_in_status(&app, "exp.handler", PASSWORD).await, 201);

    // Accepted: nothing left to resend or revoke.
    for action in ["resend", "revoke"] {
        let (status, body) = call(
            &app,
            Method::POST,
            &format!("/api/v1/invitations/{id}/{action}"),
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(
            (status, body["code"].as_str()),
            (409, Some("conflict")),
            "{action}"
        );
    }
}

#[actix_web::test]
async fn a_revoked_invitation_kills_the_link_and_the_account_for_good() {
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let admin = admin_of(&app, nanshan, "rev.admin").await;
    let (_, created) = invite(&app, &admin, nanshan, "rev.handler", "rev@example.cn").await;
    let (id, user) = (
        created["id"].as_i64().unwrap(),
        created["user_id"].as_i64().unwrap(),
    );
    let token = token_for(&app, "rev@example.cn").await;

    let (status, revoked) = call(
        &app,
        Method::POST,
        &format!("/api/v1/invitations/{id}/revoke"),
        Some(&admin),
        None,
    )
    .await;
    assert_eq!(status, 200, "{revoked}");
    assert_eq!(revoked["status"], "revoked");
    let (status, body) = accept(&app, &token, PASSWORD).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (400, Some("invitation_invalid"))
    );
    assert_eq!(
        scalar(
            &app,
            &format!("SELECT status AS v FROM users WHERE id = {user}")
        ),
        "disabled"
    );
    // It cannot be enabled (it never had a password), resent or revoked again.
    let (status, body) = call(
        &app,
        Method::POST,
        &format!("/api/v1/users/{user}/enable"),
        Some(&admin),
        None,
    )
    .await;
    assert_eq!((status, body["code"].as_str()), (409, Some("conflict")));
    for action in ["resend", "revoke"] {
        assert_eq!(
            call(
                &app,
                Method::POST,
                &format!("/api/v1/invitations/{id}/{action}"),
                Some(&admin),
                None,
            )
            .await
            .0,
            409
        );
    }
    assert_eq!(sign_in_status(&app, "rev.handler", PASSWORD).await, 401);
    assert_eq!(
        scalar(
            &app,
            &format!(
                "SELECT count(*)::text AS v FROM audit_log \
                 WHERE action = 'invitation_revoked' AND subject = 'user:{user}'"
            )
        ),
        "1"
    );
}

#[actix_web::test]
async fn a_token_of_another_purpose_or_a_stored_row_of_another_purpose_is_refused() {
    use weiquan_domain::TokenPurpose;
    use weiquan_services::credentials::LinkToken;

    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let admin = admin_of(&app, nanshan, "purpose.admin").await;
    invite(
        &app,
        &admin,
        nanshan,
        "purpose.handler",
        "purpose@example.cn",
    )
    .await;
    let token = token_for(&app, "purpose@example.cn").await;

    // A password-reset token whose hash is stored as this invitation's: the invitation
    // endpoint hashes with its own purpose, so it finds nothing.
    let reset = LinkToken::generate(TokenPurpose::PasswordReset).unwrap();
    let hex: String = reset.hash().iter().map(|b| format!("{b:02x}")).collect();
    app.execute(&format!(
        "UPDATE invitations SET token_hash = '\\x{hex}'::bytea, purpose = 'password_reset'"
    ));
    assert_eq!(accept(&app, reset.token(), PASSWORD).await.0, 400);
    assert_eq!(inspect(&app, reset.token()).await.0, 400);

    // The real invitation token, but the stored row says another purpose.
    let real = weiquan_services::credentials::tokens::lookup_hash(TokenPurpose::Invitation, &token)
        .unwrap();
    let hex: String = real.iter().map(|b| format!("{b:02x}")).collect();
    app.execute(&format!(
        "UPDATE invitations SET token_hash = '\\x{hex}'::bytea, purpose = 'password_reset'"
    ));
    assert_eq!(inspect(&app, &token).await.0, 400);
    assert_eq!(accept(&app, &token, PASSWORD).await.0, 400);
    app.execute("UPDATE invitations SET purpose = 'invitation'");
    assert_eq!(accept(&app, &token, PASSWORD).await.0, 200);
}

#[actix_web::test]
async fn every_bad_token_gets_one_answer_and_attempts_are_rate_limited_per_address() {
    let app = TestApp::spawn().await;
    let bad = [
        "",
        "short",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "+AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    ];
    let mut bodies = Vec::new();
    for token in bad {
        let (status, body) = inspect(&app, token).await;
        assert_eq!(status, 400, "{token}");
        bodies.push((body["code"].clone(), body["detail"].clone()));
    }
    bodies.dedup();
    assert_eq!(bodies.len(), 1, "one answer: {bodies:?}");
    let limit = weiquan_services::invitations::TOKEN_ATTEMPTS_PER_ADDRESS.max as usize;
    for _ in bad.len()..limit {
        assert_eq!(inspect(&app, "x").await.0, 400);
    }
    let (status, body) = accept(&app, "x", PASSWORD).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (429, Some("too_many_requests"))
    );
}

#[actix_web::test]
async fn taken_user_names_are_409_naming_the_field_and_bad_fields_422_with_nothing_written() {
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let admin = admin_of(&app, nanshan, "fields.admin").await;
    app.create_member(nanshan, "taken.name", &[Role::Handler]);

    let (status, body) = invite(&app, &admin, nanshan, "Taken.Name", "t@example.cn").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (409, Some("username_taken")),
        "{body}"
    );
    assert_eq!(body["errors"][0]["field"], "username");

    let (status, body) = call(
        &app,
        Method::POST,
        &format!("/api/v1/organisations/{}/invitations", nanshan.0),
        Some(&admin),
        Some(json!({"username": "a b", "display_name": " ", "email": "nope", "roles": ["boss"]})),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["username", "display_name", "email", "roles[0]"]);
    assert_eq!(
        scalar(&app, "SELECT count(*)::text AS v FROM invitations"),
        "0"
    );
    assert_eq!(scalar(&app, "SELECT count(*)::text AS v FROM outbox"), "0");
}

#[actix_web::test]
async fn administrators_invite_within_their_subtree_only_and_others_are_refused() {
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let futian = app.bureau(Some("440304"));
    let shenzhen = app.bureau(Some("440300"));
    let nanshan_admin = admin_of(&app, nanshan, "sub.ns.admin").await;
    let futian_admin = admin_of(&app, futian, "sub.ft.admin").await;
    let city_admin = admin_of(&app, shenzhen, "sub.sz.admin").await;
    let handler = app
        .sign_in(
            app.create_member(nanshan, "sub.ns.handler", &[Role::Handler]),
            false,
        )
        .await;
    // An administrator who has not passed the second factor.
    let unverified = app
        .sign_in(
            app.create_member(nanshan, "sub.ns.admin2", &[Role::OrgAdmin]),
            false,
        )
        .await;

    // The city administrator invites into a county below it.
    let (status, created) = invite(&app, &city_admin, nanshan, "sub.one", "one@example.cn").await;
    assert_eq!(status, 201, "{created}");
    let id = created["id"].as_i64().unwrap();

    let (status, body) = invite(&app, &futian_admin, nanshan, "sub.two", "two@example.cn").await;
    assert_eq!((status, body["code"].as_str()), (404, Some("not_found")));
    let (status, body) = invite(&app, &handler, nanshan, "sub.three", "3@example.cn").await;
    assert_eq!((status, body["code"].as_str()), (403, Some("forbidden")));
    let (status, body) = invite(&app, &unverified, nanshan, "sub.four", "4@example.cn").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (403, Some("second_factor_required"))
    );
    // A county administrator cannot invite into the city above it.
    let (status, _) = invite(&app, &nanshan_admin, shenzhen, "sub.five", "5@example.cn").await;
    assert_eq!(status, 404);

    let list = format!("/api/v1/organisations/{}/invitations", nanshan.0);
    assert_eq!(
        call(&app, Method::GET, &list, Some(&nanshan_admin), None)
            .await
            .0,
        200
    );
    assert_eq!(
        call(&app, Method::GET, &list, Some(&futian_admin), None)
            .await
            .0,
        404
    );
    assert_eq!(
        call(&app, Method::GET, &list, Some(&handler), None).await.0,
        403
    );
    assert_eq!(call(&app, Method::GET, &list, None, None).await.0, 401);
    for action in ["resend", "revoke"] {
        let path = format!("/api/v1/invitations/{id}/{action}");
        assert_eq!(
            call(&app, Method::POST, &path, Some(&futian_admin), None)
                .await
                .0,
            404
        );
        assert_eq!(
            call(&app, Method::POST, &path, Some(&handler), None)
                .await
                .0,
            403
        );
        assert_eq!(call(&app, Method::POST, &path, None, None).await.0, 401);
    }
    let unknown = "/api/v1/invitations/999999/resend";
    assert_eq!(
        call(&app, Method::POST, unknown, Some(&nanshan_admin), None)
            .await
            .0,
        404
    );
    // The county administrator administers it too.
    let path = format!("/api/v1/invitations/{id}/revoke");
    assert_eq!(
        call(&app, Method::POST, &path, Some(&nanshan_admin), None)
            .await
            .0,
        200
    );
    assert_eq!(
        scalar(&app, "SELECT count(*)::text AS v FROM invitations"),
        "1"
    );
}

#[actix_web::test]
async fn a_county_administrator_creates_a_station_and_invites_its_staff() {
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let shenzhen = app.bureau(Some("440300"));
    let county_admin = admin_of(&app, nanshan, "st.ns.admin").await;
    let city_admin = admin_of(&app, shenzhen, "st.sz.admin").await;
    let handler = app
        .sign_in(
            app.create_member(nanshan, "st.ns.handler", &[Role::Handler]),
            false,
        )
        .await;
    let path = format!("/api/v1/organisations/{}/stations", nanshan.0);

    let (status, station) = call(
        &app,
        Method::POST,
        &path,
        Some(&county_admin),
        Some(json!({"name": " 南山区市场监督管理局西丽所 ", "name_en": "Xili Station"})),
    )
    .await;
    assert_eq!(status, 201, "{station}");
    assert_eq!(station["kind"], "station");
    assert_eq!(station["name"], "南山区市场监督管理局西丽所");
    assert_eq!(station["parent_id"], nanshan.0);
    assert_eq!(station["division_code"], "440305");
    let station_id = OrgId(station["id"].as_i64().unwrap());
    assert_eq!(
        scalar(
            &app,
            &format!(
                "SELECT path AS v FROM organisations WHERE id = {}",
                station_id.0
            )
        ),
        format!(
            "{}{}/",
            scalar(
                &app,
                &format!(
                    "SELECT path AS v FROM organisations WHERE id = {}",
                    nanshan.0
                )
            ),
            station_id.0
        )
    );
    assert_eq!(
        scalar(
            &app,
            &format!(
                "SELECT count(*)::text AS v FROM audit_log WHERE action = 'org_created' \
                 AND subject = 'org:{}'",
                station_id.0
            )
        ),
        "1"
    );

    // The same name again is a conflict; the county admin sees the station in the tree.
    let (status, _) = call(
        &app,
        Method::POST,
        &path,
        Some(&county_admin),
        Some(json!({"name": "南山区市场监督管理局西丽所"})),
    )
    .await;
    assert_eq!(status, 409);
    let (status, _) = call(
        &app,
        Method::POST,
        &path,
        Some(&county_admin),
        Some(json!({"name": "  "})),
    )
    .await;
    assert_eq!(status, 422);

    // The county admin invites the station's staff (the station is in its subtree).
    let (status, body) = invite(
        &app,
        &county_admin,
        station_id,
        "xili.handler",
        "xl@example.cn",
    )
    .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["organisation_name"], "南山区市场监督管理局西丽所");

    // Refused: the city admin (403: it sees the county), a station admin (404: the county is
    // above it), a handler of the county (403).
    let station_admin = admin_of(&app, station_id, "st.xl.admin").await;
    for (who, want) in [(&city_admin, 403), (&station_admin, 404), (&handler, 403)] {
        let (status, body) = call(
            &app,
            Method::POST,
            &path,
            Some(who),
            Some(json!({"name": "不该有的所"})),
        )
        .await;
        assert_eq!(status, want, "{body}");
    }
    // A station cannot have stations.
    let (status, _) = call(
        &app,
        Method::POST,
        &format!("/api/v1/organisations/{}/stations", station_id.0),
        Some(&station_admin),
        Some(json!({"name": "所中所"})),
    )
    .await;
    assert_eq!(status, 403);
    assert_eq!(
        scalar(
            &app,
            "SELECT count(*)::text AS v FROM organisations WHERE kind = 'station'"
        ),
        "1"
    );
}
