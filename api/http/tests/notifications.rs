//! The notification centre through the HTTP API with the real services: order events notify
//! the consumer (in the app, and by SMS/email per their preferences, through the outbox in
//! the same transaction), an ODR enterprise's handlers hear of complaints sent to them, the
//! overdue job tells handlers; each user sees and marks only their own; parked outgoing
//! messages are listed and requeued by national administrators only.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use std::time::Duration;

use chrono::NaiveDate;
use diesel::RunQueryDsl;
use reqwest::Method;
use serde_json::{Value, json};
use weiquan_db::PoolOptions;
use weiquan_domain::access::{OrgId, Role};
use weiquan_services::Db;
use weiquan_test_support::{SignedIn, TestApp};

async fn call(
    app: &TestApp,
    method: Method,
    path: &str,
    who: Option<&SignedIn>,
    body: Option<&Value>,
    headers: &[(&str, &str)],
) -> (u16, Value) {
    let mut request = app.request(method, path, who);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    if let Some(body) = body {
        request = request.json(body);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn get(app: &TestApp, who: &SignedIn, path: &str) -> Value {
    let (status, body) = call(app, Method::GET, path, Some(who), None, &[]).await;
    assert_eq!(status, 200, "GET {path}: {body}");
    body
}

async fn unread(app: &TestApp, who: &SignedIn) -> i64 {
    get(app, who, "/api/v1/notifications/unread-count").await["unread"]
        .as_i64()
        .unwrap()
}

async fn act(app: &TestApp, who: &SignedIn, id: i64, body: &Value) -> Value {
    let (_, order) = call(
        app,
        Method::GET,
        &format!("/api/v1/orders/{id}"),
        Some(who),
        None,
        &[],
    )
    .await;
    let tag = format!("\"{}\"", order["version"]);
    let (status, done) = call(
        app,
        Method::POST,
        &format!("/api/v1/orders/{id}/actions"),
        Some(who),
        Some(body),
        &[("If-Match", &tag)],
    )
    .await;
    assert_eq!(status, 200, "{body}: {done}");
    done
}

fn complaint(credit: Option<&str>) -> Value {
    json!({
        "kind": "complaint",
        "business": {"name": "深圳市某餐饮有限公司", "division": "440305", "credit_code": credit},
        "item": "套餐", "bought_on": "2026-11-01", "amount_fen": 128_000,
        "request": "退款", "facts": "菜品变质，商家拒绝退款。",
        "subject_category": "S0101", "problem_type": "P01",
    })
}

async fn file(app: &TestApp, who: &SignedIn, body: &Value) -> i64 {
    let (status, receipt) = call(
        app,
        Method::POST,
        "/api/v1/orders",
        Some(who),
        Some(body),
        &[],
    )
    .await;
    assert_eq!(status, 201, "{receipt}");
    receipt["orders"][0]["id"].as_i64().unwrap()
}

fn count(app: &TestApp, sql: &str) -> i64 {
    #[derive(diesel::QueryableByName)]
    struct N {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let mut conn = app.database.connect();
    diesel::sql_query(sql).get_result::<N>(&mut conn).unwrap().n
}

fn outbox(app: &TestApp, recipient: &str, channel: &str) -> i64 {
    count(
        app,
        &format!(
            "SELECT count(*) AS n FROM outbox WHERE recipient = '{recipient}' AND channel = '{channel}'"
        ),
    )
}

fn credit_code() -> String {
    weiquan_domain::CreditCode::complete("91440305MA5000301")
        .unwrap()
        .as_str()
        .to_owned()
}

fn insert_enterprise(app: &TestApp, parent: OrgId, credit: &str) -> OrgId {
    #[derive(diesel::QueryableByName)]
    struct Id {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        id: i64,
    }
    let mut conn = app.database.connect();
    let id: Id = diesel::sql_query(
        "WITH new AS (SELECT nextval(pg_get_serial_sequence('organisations', 'id')) AS id) \
         INSERT INTO organisations (id, kind, name, parent_id, path, division_code, credit_code, odr_status) \
         SELECT new.id, 'enterprise', '深圳市某电商有限公司', p.id, p.path || new.id || '/', '440305', $1, 'approved' \
         FROM new, organisations p WHERE p.id = $2 RETURNING id",
    )
    .bind::<diesel::sql_types::Text, _>(credit)
    .bind::<diesel::sql_types::BigInt, _>(parent.0)
    .get_result(&mut conn)
    .unwrap();
    OrgId(id.id)
}

#[actix_web::test]
async fn accepting_a_complaint_notifies_its_consumer_in_the_app_and_by_sms() {
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let consumer = app.sign_in(app.create_consumer("13700000501"), false).await;
    let handler = app
        .sign_in(
            app.create_member(nanshan, "ns.notify", &[Role::Handler]),
            false,
        )
        .await;
    let id = file(&app, &consumer, &complaint(None)).await;

    // Filing is the consumer's own act: a receipt by SMS, nothing in the bell.
    assert_eq!(unread(&app, &consumer).await, 0);
    assert_eq!(outbox(&app, "13700000501", "sms"), 1);

    act(&app, &handler, id, &json!({"action": "accept"})).await;
    assert_eq!(unread(&app, &consumer).await, 1);
    let page = get(&app, &consumer, "/api/v1/notifications").await;
    assert_eq!(page["unread"], 1);
    let item = &page["items"][0];
    assert_eq!(item["kind"], "order_accepted");
    assert_eq!(item["order_id"], id);
    assert_eq!(item["title"], "投诉已受理");
    assert!(item["read_at"].is_null());
    let number = count(
        &app,
        &format!(
            "SELECT count(*) AS n FROM orders WHERE id = {id} AND position(number IN '{}') > 0",
            item["body"].as_str().unwrap()
        ),
    );
    assert_eq!(number, 1, "the body names the order's number: {item}");
    assert_eq!(outbox(&app, "13700000501", "sms"), 2, "and an SMS");

    // The same notification in English when the request asks for it.
    let (_, english) = call(
        &app,
        Method::GET,
        "/api/v1/notifications",
        Some(&consumer),
        None,
        &[("Accept-Language", "en-GB,en;q=0.9")],
    )
    .await;
    assert_eq!(english["items"][0]["title"], "Complaint accepted");

    // Internal steps are not told to the consumer; the handler is never told of their own act.
    let handler_id = handler.user.0;
    act(
        &app,
        &handler,
        id,
        &json!({"action": "assign_handler", "handler_id": handler_id}),
    )
    .await;
    assert_eq!(unread(&app, &consumer).await, 1);
    assert_eq!(unread(&app, &handler).await, 0);
}

#[actix_web::test]
async fn each_user_sees_and_marks_only_their_own_notifications() {
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let consumer = app.sign_in(app.create_consumer("13700000511"), false).await;
    let other = app.sign_in(app.create_consumer("13700000512"), false).await;
    let handler = app
        .sign_in(
            app.create_member(nanshan, "ns.notify2", &[Role::Handler]),
            false,
        )
        .await;
    let first = file(&app, &consumer, &complaint(None)).await;
    let second = file(&app, &consumer, &complaint(None)).await;
    act(&app, &handler, first, &json!({"action": "accept"})).await;
    act(&app, &handler, second, &json!({"action": "accept"})).await;
    let page = get(&app, &consumer, "/api/v1/notifications").await;
    assert_eq!(page["unread"], 2);
    let ids: Vec<i64> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_i64().unwrap())
        .collect();
    assert!(ids[0] > ids[1], "newest first");

    // Another consumer sees none of them, and marking them read changes nothing.
    let theirs = get(&app, &other, "/api/v1/notifications").await;
    assert_eq!(theirs["items"], json!([]));
    assert_eq!(theirs["unread"], 0);
    let (status, _) = call(
        &app,
        Method::POST,
        "/api/v1/notifications/read",
        Some(&other),
        Some(&json!({"ids": ids})),
        &[],
    )
    .await;
    assert_eq!(status, 204);
    let (status, _) = call(
        &app,
        Method::POST,
        "/api/v1/notifications/read",
        Some(&other),
        Some(&json!({"all": true})),
        &[],
    )
    .await;
    assert_eq!(status, 204);
    assert_eq!(unread(&app, &consumer).await, 2);

    // Paging by id.
    let older = get(
        &app,
        &consumer,
        &format!("/api/v1/notifications?before={}&limit=5", ids[0]),
    )
    .await;
    assert_eq!(older["items"].as_array().unwrap().len(), 1);
    assert_eq!(older["items"][0]["id"], ids[1]);

    // The owner marks one, then all.
    let (status, _) = call(
        &app,
        Method::POST,
        "/api/v1/notifications/read",
        Some(&consumer),
        Some(&json!({"ids": [ids[0]]})),
        &[],
    )
    .await;
    assert_eq!(status, 204);
    assert_eq!(unread(&app, &consumer).await, 1);
    let page = get(&app, &consumer, "/api/v1/notifications").await;
    assert!(page["items"][0]["read_at"].is_string());
    assert!(page["items"][1]["read_at"].is_null());
    let (status, _) = call(
        &app,
        Method::POST,
        "/api/v1/notifications/read",
        Some(&consumer),
        Some(&json!({"all": true})),
        &[],
    )
    .await;
    assert_eq!(status, 204);
    assert_eq!(unread(&app, &consumer).await, 0);

    // Bad requests: neither, both, too many, a bad limit.
    for body in [
        json!({}),
        json!({"ids": [1], "all": true}),
        json!({"ids": []}),
        json!({"ids": (1..=501).collect::<Vec<i64>>()}),
    ] {
        let (status, problem) = call(
            &app,
            Method::POST,
            "/api/v1/notifications/read",
            Some(&consumer),
            Some(&body),
            &[],
        )
        .await;
        assert_eq!(status, 422, "{body}: {problem}");
    }
    let (status, _) = call(
        &app,
        Method::GET,
        "/api/v1/notifications?limit=0",
        Some(&consumer),
        None,
        &[],
    )
    .await;
    assert_eq!(status, 422);
    let (status, _) = call(
        &app,
        Method::GET,
        "/api/v1/notifications/unread-count",
        None,
        None,
        &[],
    )
    .await;
    assert_eq!(status, 401);
}

#[actix_web::test]
async fn channel_preferences_decide_which_outbox_messages_are_queued() {
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let user = app.create_consumer("13700000521");
    app.execute(&format!(
        "UPDATE users SET email = 'c521@example.cn' WHERE id = {}",
        user.0
    ));
    let consumer = app.sign_in(user, false).await;
    let handler = app
        .sign_in(
            app.create_member(nanshan, "ns.notify3", &[Role::Handler]),
            false,
        )
        .await;
    assert_eq!(
        get(&app, &consumer, "/api/v1/me/notification-preferences").await,
        json!({"email": true, "sms": true}),
        "both on by default"
    );
    let id = file(&app, &consumer, &complaint(None)).await;
    assert_eq!(outbox(&app, "13700000521", "sms"), 1);
    assert_eq!(outbox(&app, "c521@example.cn", "email"), 1);

    // SMS off: the next step goes by email and in the app only.
    let (status, stored) = call(
        &app,
        Method::PUT,
        "/api/v1/me/notification-preferences",
        Some(&consumer),
        Some(&json!({"email": true, "sms": false})),
        &[],
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(stored, json!({"email": true, "sms": false}));
    act(&app, &handler, id, &json!({"action": "accept"})).await;
    assert_eq!(outbox(&app, "13700000521", "sms"), 1);
    assert_eq!(outbox(&app, "c521@example.cn", "email"), 2);
    assert_eq!(unread(&app, &consumer).await, 1);

    // Both off: the app only.
    let (status, _) = call(
        &app,
        Method::PUT,
        "/api/v1/me/notification-preferences",
        Some(&consumer),
        Some(&json!({"email": false, "sms": false})),
        &[],
    )
    .await;
    assert_eq!(status, 200);
    act(
        &app,
        &handler,
        id,
        &json!({"action": "record_consent", "party": "consumer", "consents": true}),
    )
    .await;
    assert_eq!(outbox(&app, "13700000521", "sms"), 1);
    assert_eq!(outbox(&app, "c521@example.cn", "email"), 2);
    assert_eq!(unread(&app, &consumer).await, 2);

    // A body that is not two booleans is refused.
    let (status, _) = call(
        &app,
        Method::PUT,
        "/api/v1/me/notification-preferences",
        Some(&consumer),
        Some(&json!({"email": "yes"})),
        &[],
    )
    .await;
    assert_eq!(status, 422);
}

#[actix_web::test]
async fn an_odr_enterprise_hears_of_complaints_sent_to_it_and_a_report_never_reaches_it() {
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let credit = credit_code();
    let enterprise = insert_enterprise(&app, nanshan, &credit);
    let ent_handler = app
        .sign_in(
            app.create_member(enterprise, "ent.notify", &[Role::Handler]),
            true,
        )
        .await;
    let consumer = app.sign_in(app.create_consumer("13700000531"), false).await;
    let handler = app
        .sign_in(
            app.create_member(nanshan, "ns.notify4", &[Role::Handler]),
            false,
        )
        .await;
    let id = file(&app, &consumer, &complaint(Some(&credit))).await;
    assert_eq!(unread(&app, &ent_handler).await, 0, "not yet with them");
    act(
        &app,
        &handler,
        id,
        &json!({"action": "dispatch_to_enterprise"}),
    )
    .await;
    let page = get(&app, &ent_handler, "/api/v1/notifications").await;
    assert_eq!(page["unread"], 1);
    assert_eq!(page["items"][0]["kind"], "enterprise_order_assigned");
    assert_eq!(page["items"][0]["order_id"], id);
    let mine = get(&app, &consumer, "/api/v1/notifications").await;
    assert_eq!(mine["items"][0]["kind"], "sent_to_enterprise");

    // Sent to the enterprise first by the consumer: told at intake.
    let first = file(
        &app,
        &consumer,
        &json!({
            "kind": "complaint",
            "business": {"name": "深圳市某电商有限公司", "division": "440305", "credit_code": credit},
            "item": "耳机", "request": "退货", "facts": "耳机无声。",
            "subject_category": "S0101", "problem_type": "P01",
            "enterprise_first": true,
        }),
    )
    .await;
    let page = get(&app, &ent_handler, "/api/v1/notifications").await;
    assert_eq!(page["unread"], 2);
    assert_eq!(page["items"][0]["order_id"], first);

    // A report about the same business: the enterprise is never told.
    let (status, _) = call(
        &app,
        Method::POST,
        "/api/v1/orders",
        Some(&consumer),
        Some(&json!({
            "kind": "report", "conduct_division": "440305",
            "business": {"name": "深圳市某电商有限公司", "credit_code": credit},
            "facts": "虚假宣传。", "problem_type": "P02",
        })),
        &[],
    )
    .await;
    assert_eq!(status, 201);
    assert_eq!(unread(&app, &ent_handler).await, 2);
}

#[actix_web::test]
async fn the_overdue_job_notifies_the_holding_units_handlers_in_the_app() {
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let handler = app.create_member(nanshan, "ns.overdue", &[Role::Handler]);
    let analyst = app.create_member(nanshan, "ns.analyst", &[Role::Analyst]);
    let consumer = app.sign_in(app.create_consumer("13700000541"), false).await;
    let id = file(&app, &consumer, &complaint(None)).await;
    app.execute(&format!(
        "UPDATE orders SET received_on = '2026-11-02', clock_start = '2026-11-02', \
         due_on = '2026-11-11', due_provisional = false WHERE id = {id}"
    ));
    let pool = weiquan_db::build_pool(
        &app.database.url,
        &PoolOptions {
            max_size: 2,
            connection_timeout: Duration::from_secs(5),
        },
    )
    .unwrap();
    let round = weiquan_services::escalation::escalate_once(
        &Db::new(pool),
        NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
    )
    .await
    .unwrap();
    assert_eq!(round.escalated, 1);
    assert_eq!(round.notified, 0, "no email address: in the app only");
    let reader = app.sign_in(handler, false).await;
    let page = get(&app, &reader, "/api/v1/notifications").await;
    assert_eq!(page["unread"], 1);
    assert_eq!(page["items"][0]["kind"], "order_overdue");
    assert!(
        page["items"][0]["body"]
            .as_str()
            .unwrap()
            .contains("2026-11-11")
    );
    let analyst = app.sign_in(analyst, false).await;
    assert_eq!(unread(&app, &analyst).await, 0, "handlers only");
    assert_eq!(unread(&app, &consumer).await, 0, "not a public event");
}

#[actix_web::test]
async fn parked_messages_are_listed_and_requeued_by_national_administrators_only() {
    let app = TestApp::spawn().await;
    let national = app.bureau(None);
    let nanshan = app.bureau(Some("440305"));
    let admin = app
        .sign_in(
            app.create_member(national, "nat.outbox", &[Role::OrgAdmin]),
            true,
        )
        .await;
    let county_admin = app
        .sign_in(
            app.create_member(nanshan, "ns.outbox", &[Role::OrgAdmin]),
            true,
        )
        .await;
    app.execute(
        "INSERT INTO outbox (channel, recipient, template, payload, status, attempts, last_error) \
         VALUES ('sms', '13812345678', 'order_progress', '{\"number\": \"WQ1\"}', 'parked', 8, \
         'permanent failure: gateway said 400')",
    );
    let id = count(&app, "SELECT max(id) AS n FROM outbox");
    let (status, list) = call(
        &app,
        Method::GET,
        "/api/v1/outbox/parked",
        Some(&admin),
        None,
        &[],
    )
    .await;
    assert_eq!(status, 200, "{list}");
    assert_eq!(list[0]["id"], id);
    assert_eq!(list[0]["recipient"], "138****5678", "masked");
    assert_eq!(list[0]["attempts"], 8);
    assert!(list[0]["last_error"].as_str().unwrap().contains("400"));

    let (status, _) = call(
        &app,
        Method::GET,
        "/api/v1/outbox/parked",
        Some(&county_admin),
        None,
        &[],
    )
    .await;
    assert_eq!(status, 403);
    let path = format!("/api/v1/outbox/{id}/requeue");
    let (status, _) = call(&app, Method::POST, &path, Some(&county_admin), None, &[]).await;
    assert_eq!(status, 403);
    let (status, _) = call(&app, Method::POST, &path, Some(&admin), None, &[]).await;
    assert_eq!(status, 204);
    assert_eq!(
        count(
            &app,
            &format!(
                "SELECT count(*) AS n FROM outbox WHERE id = {id} AND status = 'pending' AND attempts = 0"
            )
        ),
        1
    );
    let (status, problem) = call(&app, Method::POST, &path, Some(&admin), None, &[]).await;
    assert_eq!(status, 404, "no longer parked: {problem}");
    let me = get(&app, &admin, "/api/v1/me").await;
    assert!(
        me["capabilities"]
            .as_array()
            .unwrap()
            .contains(&json!("manage_outbox"))
    );
}
