//! The three-party dialogue through the HTTP API with the real services: who sees and writes
//! which messages (consumer, enterprise member, enterprise API client, the county mediator,
//! upper levels, and everyone else), internal notes, reports, closed orders, limits, files,
//! read receipts and unread counts, and the live stream with its replay.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use std::time::Duration;

use diesel::RunQueryDsl;
use reqwest::Method;
use serde_json::{Value, json};
use weiquan_domain::access::{OrgId, Role};
use weiquan_test_support::sse::{self, Events};
use weiquan_test_support::{SignedIn, TestApp, TestOptions};

const WAIT: Duration = Duration::from_secs(5);

async fn call(
    app: &TestApp,
    method: Method,
    path: &str,
    who: &SignedIn,
    body: Option<&Value>,
) -> (u16, Value) {
    let mut request = app.request(method, path, Some(who));
    if let Some(body) = body {
        request = request.json(body);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

fn insert_org(app: &TestApp, parent: OrgId, kind: &str, name: &str, credit: Option<&str>) -> OrgId {
    #[derive(diesel::QueryableByName)]
    struct Id {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        id: i64,
    }
    let mut conn = app.database.connect();
    let id: Id = diesel::sql_query(
        "WITH new AS (SELECT nextval(pg_get_serial_sequence('organisations', 'id')) AS id) \
         INSERT INTO organisations (id, kind, name, parent_id, path, division_code, credit_code, odr_status) \
         SELECT new.id, $1, $2, p.id, p.path || new.id || '/', '440305', $3, \
                CASE WHEN $3 IS NULL THEN NULL ELSE 'approved' END \
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

fn credit() -> String {
    weiquan_domain::CreditCode::complete("91440305MA5000888")
        .unwrap()
        .as_str()
        .to_owned()
}

/// Everyone who might look at a dialogue, and an order about the enterprise.
struct World {
    app: TestApp,
    enterprise: OrgId,
    consumer: SignedIn,
    other_consumer: SignedIn,
    ent: SignedIn,
    ent_admin: SignedIn,
    handler: SignedIn,
    city: SignedIn,
    province: SignedIn,
    futian: SignedIn,
    department: SignedIn,
}

impl World {
    async fn new() -> Self {
        Self::with(TestOptions::default()).await
    }

    async fn with(options: TestOptions) -> Self {
        let app = TestApp::spawn_with(options).await;
        let nanshan = app.bureau(Some("440305"));
        let futian = app.bureau(Some("440304"));
        let shenzhen = app.bureau(Some("440300"));
        let guangdong = app.bureau(Some("440000"));
        let national = app.bureau(None);
        let enterprise = insert_org(
            &app,
            nanshan,
            "enterprise",
            "深圳某电商有限公司",
            Some(&credit()),
        );
        let department = insert_org(&app, national, "department", "12345 热线", None);
        let consumer_id = app.create_consumer("13700000101");
        let consumer = app.sign_in(consumer_id, false).await;
        let other_consumer = app.sign_in(app.create_consumer("13700000102"), false).await;
        let member = |org, name: &str, roles: &[Role]| app.create_member(org, name, roles);
        let ent = app
            .sign_in(member(enterprise, "d.ent", &[Role::Handler]), false)
            .await;
        let ent_admin = app
            .sign_in(member(enterprise, "d.ent.admin", &[Role::OrgAdmin]), true)
            .await;
        let handler = app
            .sign_in(member(nanshan, "d.ns.handler", &[Role::Handler]), false)
            .await;
        let city = app
            .sign_in(member(shenzhen, "d.sz.handler", &[Role::Handler]), false)
            .await;
        let province = app
            .sign_in(member(guangdong, "d.gd.analyst", &[Role::Analyst]), true)
            .await;
        let futian = app
            .sign_in(member(futian, "d.ft.handler", &[Role::Handler]), false)
            .await;
        let department = app
            .sign_in(member(department, "d.dept", &[Role::Handler]), false)
            .await;
        Self {
            app,
            enterprise,
            consumer,
            other_consumer,
            ent,
            ent_admin,
            handler,
            city,
            province,
            futian,
            department,
        }
    }

    /// A complaint about the enterprise, sent to it first (`with_enterprise`).
    async fn complaint(&self) -> i64 {
        self.file(json!({
            "kind": "complaint",
            "business": {"name": "深圳某电商有限公司", "division": "440305", "credit_code": credit()},
            "item": "空调", "amount_fen": 329_900, "request": "退货退款",
            "facts": "空调不制冷，商家拒绝退换。",
            "subject_category": "G0101", "problem_type": "P01",
            "enterprise_first": true,
        }))
        .await
    }

    async fn file(&self, body: Value) -> i64 {
        let (status, created) = call(
            &self.app,
            Method::POST,
            "/api/v1/orders",
            &self.consumer,
            Some(&body),
        )
        .await;
        assert_eq!(status, 201, "{created}");
        created["orders"][0]["id"].as_i64().unwrap()
    }

    async fn post(&self, who: &SignedIn, order: i64, body: Value) -> (u16, Value) {
        call(
            &self.app,
            Method::POST,
            &format!("/api/v1/orders/{order}/messages"),
            who,
            Some(&body),
        )
        .await
    }

    async fn say(&self, who: &SignedIn, order: i64, text: &str) -> i64 {
        let (status, message) = self.post(who, order, json!({"body": text})).await;
        assert_eq!(status, 201, "{message}");
        message["id"].as_i64().unwrap()
    }

    async fn note(&self, who: &SignedIn, order: i64, text: &str) -> i64 {
        let (status, message) = self
            .post(who, order, json!({"body": text, "internal": true}))
            .await;
        assert_eq!(status, 201, "{message}");
        assert_eq!(message["internal"], true);
        message["id"].as_i64().unwrap()
    }

    async fn dialogue(&self, who: &SignedIn, order: i64) -> (u16, Value) {
        call(
            &self.app,
            Method::GET,
            &format!("/api/v1/orders/{order}/messages"),
            who,
            None,
        )
        .await
    }

    async fn seen(&self, who: &SignedIn, order: i64) -> Value {
        let (status, view) = self.dialogue(who, order).await;
        assert_eq!(status, 200, "{view}");
        view
    }

    fn set_state(&self, order: i64, state: &str) {
        let conclusion = if state == "concluded" || state == "archived" {
            "'{\"outcome\": \"withdrawn\"}'"
        } else {
            "NULL"
        };
        self.app.execute(&format!(
            "UPDATE orders SET state = '{state}', state_detail = NULL, conclusion = {conclusion} \
             WHERE id = {order}"
        ));
    }

    async fn stream(&self, who: &SignedIn, order: i64, last_event_id: Option<i64>) -> Events {
        let mut request = sse::client()
            .get(
                self.app
                    .url(&format!("/api/v1/orders/{order}/messages/stream")),
            )
            .header("Cookie", &who.cookie);
        if let Some(id) = last_event_id {
            request = request.header("Last-Event-ID", id.to_string());
        }
        Events::new(request.send().await.unwrap())
    }
}

fn bodies(view: &Value) -> Vec<String> {
    view["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["body"].as_str().unwrap().to_owned())
        .collect()
}

#[actix_web::test]
async fn each_participant_sees_the_dialogue_as_the_rules_say_and_notes_stay_internal() {
    let w = World::new().await;
    let order = w.complaint().await;

    w.say(&w.consumer, order, "空调不制冷，请尽快处理。").await;
    w.say(&w.ent, order, "您好，我们已收到，将安排上门检测。")
        .await;
    w.say(&w.handler, order, "请双方在三日内协商。").await;
    w.note(&w.handler, order, "该商家本月已有多起同类投诉。")
        .await;
    // Upper levels read and write notes, but speak to the parties through the county.
    w.note(&w.city, order, "请南山区局重点跟进。").await;
    let (status, refused) = w.post(&w.city, order, json!({"body": "我是市局"})).await;
    assert_eq!(status, 403, "{refused}");
    assert_eq!(refused["code"], "forbidden");

    let public = [
        "空调不制冷，请尽快处理。",
        "您好，我们已收到，将安排上门检测。",
        "请双方在三日内协商。",
    ];
    let consumer = w.seen(&w.consumer, order).await;
    assert_eq!(bodies(&consumer), public);
    assert_eq!(consumer["open"], true);
    assert_eq!(consumer["can_post"], true);
    assert_eq!(consumer["can_post_internal"], false);
    let items = consumer["items"].as_array().unwrap();
    assert_eq!(items[0]["author"]["party"], "consumer");
    assert_eq!(items[0]["author"]["mine"], true);
    assert_eq!(items[1]["author"]["party"], "business");
    assert_eq!(items[1]["author"]["name"], "深圳某电商有限公司");
    assert_eq!(items[2]["author"]["party"], "mediator");
    assert_eq!(items[2]["author"]["org_name"], "深圳市南山区市场监督管理局");

    // The business: the same public messages; the consumer is 消费者, never by name.
    let business = w.seen(&w.ent, order).await;
    assert_eq!(bodies(&business), public);
    let items = business["items"].as_array().unwrap();
    assert_eq!(items[0]["author"]["name"], "消费者");
    assert_eq!(items[1]["author"]["mine"], true);
    assert!(!business.to_string().contains("测试消费者"));
    assert!(!business.to_string().contains("13700000101"));
    assert!(!business.to_string().contains("多起同类"));
    assert_eq!(business["can_post_internal"], false);

    // Staff: everything, the notes marked internal, the consumer by name.
    for staff in [&w.handler, &w.city, &w.province] {
        let view = w.seen(staff, order).await;
        assert_eq!(bodies(&view).len(), 5, "{view}");
        assert_eq!(view["can_post_internal"], true);
        let items = view["items"].as_array().unwrap();
        assert_eq!(items[0]["author"]["name"], "测试消费者");
        assert_eq!(items[3]["internal"], true);
        assert_eq!(items[4]["author"]["org_name"], "深圳市市场监督管理局");
    }
    assert_eq!(w.seen(&w.handler, order).await["can_post"], true);
    assert_eq!(w.seen(&w.province, order).await["can_post"], false);

    // Nobody else knows the dialogue exists.
    for stranger in [&w.futian, &w.other_consumer, &w.department] {
        assert_eq!(w.dialogue(stranger, order).await.0, 404);
        assert_eq!(w.post(stranger, order, json!({"body": "?"})).await.0, 404);
    }
    // Consumer and business may not write notes.
    for party in [&w.consumer, &w.ent] {
        let (status, body) = w
            .post(party, order, json!({"body": "note", "internal": true}))
            .await;
        assert_eq!(status, 403, "{body}");
    }
}

#[actix_web::test]
async fn an_enterprise_api_client_reads_and_writes_as_its_members_do() {
    let w = World::new().await;
    let order = w.complaint().await;
    w.say(&w.consumer, order, "请回复").await;
    w.note(&w.handler, order, "内部").await;
    let (status, registered) = call(
        &w.app,
        Method::POST,
        &format!("/api/v1/organisations/{}/api-clients", w.enterprise.0),
        &w.ent_admin,
        Some(&json!({"name": "客服系统", "scopes": ["orders:read", "orders:write"]})),
    )
    .await;
    assert_eq!(status, 201, "{registered}");
    let token = |scope: &'static str| {
        let id = registered["client"]["client_id"]
            .as_str()
            .unwrap()
            .to_owned();
        let secret = registered["client_secret"].as_str().unwrap().to_owned();
        let app = &w.app;
        async move {
            let got: Value = app
                .client
                .post(app.url("/api/v1/oauth/token"))
                .basic_auth(id, Some(secret))
                .form(&[("grant_type", "client_credentials"), ("scope", scope)])
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            got["access_token"].as_str().unwrap().to_owned()
        }
    };
    let writer = token("orders:read orders:write").await;
    let reader = token("orders:read").await;
    let bearer = |method: Method, path: String, token: &str| {
        w.app
            .client
            .request(method, w.app.url(&path))
            .bearer_auth(token)
    };
    let messages = format!("/api/v1/orders/{order}/messages");

    let response = bearer(Method::GET, messages.clone(), &reader)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let view: Value = response.json().await.unwrap();
    assert_eq!(bodies(&view), ["请回复"]);
    assert_eq!(view["items"][0]["author"]["name"], "消费者");
    assert_eq!(view["can_post"], false, "orders:read only reads");

    let response = bearer(Method::POST, messages.clone(), &reader)
        .json(&json!({"body": "只读客户端"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 403);

    let response = bearer(Method::POST, messages.clone(), &writer)
        .json(&json!({"body": "您好，已为您登记退货。"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 201);
    let posted: Value = response.json().await.unwrap();
    assert_eq!(posted["author"]["party"], "business");
    assert_eq!(posted["author"]["mine"], true);

    let unread: Value = bearer(Method::GET, "/api/v1/dialogues/unread".into(), &reader)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(unread["total"], 1, "{unread}");

    let consumer = w.seen(&w.consumer, order).await;
    assert_eq!(bodies(&consumer), ["请回复", "您好，已为您登记退货。"]);
    assert_eq!(consumer["items"][1]["author"]["name"], "深圳某电商有限公司");
}

#[actix_web::test]
async fn a_report_never_has_a_business_in_its_dialogue() {
    let w = World::new().await;
    let report = w
        .file(json!({
            "kind": "report", "conduct_division": "440305",
            "business": {"name": "深圳某电商有限公司", "credit_code": credit()},
            "facts": "虚假宣传。", "problem_type": "P02",
        }))
        .await;
    assert_eq!(w.dialogue(&w.ent, report).await.0, 404);
    assert_eq!(w.post(&w.ent, report, json!({"body": "?"})).await.0, 404);
    // Staff keep notes on it; nobody speaks in public on a report.
    w.note(&w.handler, report, "核查中").await;
    let (status, closed) = w.post(&w.consumer, report, json!({"body": "进展？"})).await;
    assert_eq!(status, 409, "{closed}");
    assert_eq!(closed["code"], "dialogue_closed");
    let view = w.seen(&w.consumer, report).await;
    assert!(bodies(&view).is_empty());
    assert_eq!(view["open"], false);
    let parties: Vec<&str> = view["read_receipts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["party"].as_str().unwrap())
        .collect();
    assert_eq!(parties, ["consumer", "mediator"]);
}

#[actix_web::test]
async fn a_closed_orders_dialogue_is_read_only() {
    let w = World::new().await;
    let order = w.complaint().await;
    w.say(&w.consumer, order, "还在吗").await;
    w.set_state(order, "mediating");
    w.say(&w.handler, order, "调解中").await;
    w.set_state(order, "received");
    let (status, body) = w.post(&w.consumer, order, json!({"body": "?"})).await;
    assert_eq!(
        (status, body["code"].clone()),
        (409, json!("dialogue_closed"))
    );
    w.note(&w.handler, order, "待受理").await;

    w.set_state(order, "concluded");
    for who in [&w.consumer, &w.ent, &w.handler] {
        let (status, body) = w.post(who, order, json!({"body": "再说一句"})).await;
        assert_eq!(status, 409, "{body}");
        assert_eq!(body["code"], "dialogue_closed");
        assert!(body["detail_zh"].as_str().unwrap().contains("办结"));
    }
    let (status, _) = w
        .post(&w.handler, order, json!({"body": "备注", "internal": true}))
        .await;
    assert_eq!(status, 409);
    let view = w.seen(&w.consumer, order).await;
    assert_eq!(bodies(&view), ["还在吗", "调解中"]);
    assert_eq!(
        (&view["open"], &view["can_post"]),
        (&json!(false), &json!(false))
    );
    assert_eq!(w.seen(&w.handler, order).await["can_post_internal"], false);

    // The history is append-only.
    let mut conn = w.app.database.connect();
    for sql in [
        format!("UPDATE order_messages SET body = 'x' WHERE order_id = {order}"),
        format!("DELETE FROM order_messages WHERE order_id = {order}"),
        "TRUNCATE order_messages CASCADE".to_owned(),
    ] {
        assert!(diesel::sql_query(&sql).execute(&mut conn).is_err(), "{sql}");
    }
}

#[actix_web::test]
async fn bodies_are_validated_and_each_account_is_rate_limited() {
    let w = World::with(TestOptions {
        configure: Some(Box::new(|config| {
            config.message_limit = weiquan_services::dialogue::rate(3);
        })),
        ..TestOptions::default()
    })
    .await;
    let order = w.complaint().await;
    for (body, field, code) in [
        (json!({"body": "  \n "}), "body", "required"),
        (json!({"body": "长".repeat(2001)}), "body", "length"),
        (
            json!({"body": "x", "colour": "red"}),
            "colour",
            "unknown_field",
        ),
        (json!({}), "body", "required"),
    ] {
        let (status, problem) = w.post(&w.consumer, order, body).await;
        assert_eq!(status, 422, "{problem}");
        assert_eq!(problem["errors"][0]["field"], field, "{problem}");
        assert_eq!(problem["errors"][0]["code"], code, "{problem}");
    }
    let (status, posted) = w
        .post(
            &w.consumer,
            order,
            json!({"body": format!(" {} ", "长".repeat(2000))}),
        )
        .await;
    assert_eq!(status, 201);
    assert_eq!(posted["body"].as_str().unwrap().chars().count(), 2000);
    w.say(&w.consumer, order, "二").await;
    w.say(&w.consumer, order, "三").await;
    let response = w
        .app
        .request(
            Method::POST,
            &format!("/api/v1/orders/{order}/messages"),
            Some(&w.consumer),
        )
        .json(&json!({"body": "四"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 429);
    let retry: u64 = response.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry), "{retry}");
    let problem: Value = response.json().await.unwrap();
    assert_eq!(problem["code"], "rate_limited");
    // Another account has its own allowance.
    w.say(&w.handler, order, "另一位").await;
}

const BOUNDARY: &str = "dialogue-boundary-1";

async fn upload(app: &TestApp, who: &SignedIn, name: &str, tag: &str) -> i64 {
    let mut form = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n\r\n"
    )
    .into_bytes();
    form.extend_from_slice(b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR");
    form.extend_from_slice(tag.as_bytes());
    form.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    let response = app
        .request(Method::POST, "/api/v1/attachments", Some(who))
        .header(
            "Content-Type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 201);
    let body: Value = response.json().await.unwrap();
    body["id"].as_i64().unwrap()
}

#[actix_web::test]
async fn messages_carry_their_authors_own_files_as_evidence_does() {
    let w = World::new().await;
    let order = w.complaint().await;
    let photo = upload(&w.app, &w.consumer, "故障照片.png", "a").await;
    let (status, posted) = w
        .post(
            &w.consumer,
            order,
            json!({"body": "见附件", "attachments": [photo]}),
        )
        .await;
    assert_eq!(status, 201, "{posted}");
    assert_eq!(posted["attachments"][0]["name"], "故障照片.png");
    assert_eq!(posted["attachments"][0]["media_type"], "image/png");
    // The same upload may be shared again; someone else's never; at most nine, each once.
    let (status, _) = w
        .post(
            &w.consumer,
            order,
            json!({"body": "再发一次", "attachments": [photo]}),
        )
        .await;
    assert_eq!(status, 201);
    let (status, problem) = w
        .post(
            &w.ent,
            order,
            json!({"body": "借用", "attachments": [photo]}),
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(problem["errors"][0]["field"], "attachments[0]");
    assert_eq!(problem["errors"][0]["code"], "not_found");
    let (status, problem) = w
        .post(
            &w.consumer,
            order,
            json!({"body": "重复", "attachments": [photo, photo]}),
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(problem["errors"][0]["code"], "duplicate");
    let (status, problem) = w
        .post(
            &w.consumer,
            order,
            json!({"body": "太多", "attachments": (1..=10).collect::<Vec<i64>>()}),
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(problem["errors"][0]["field"], "attachments[9]");

    // Staff and the business upload too; a file in a note reaches staff only.
    let invoice = upload(&w.app, &w.ent, "发货单.png", "b").await;
    w.post(
        &w.ent,
        order,
        json!({"body": "发货单", "attachments": [invoice]}),
    )
    .await;
    let memo = upload(&w.app, &w.handler, "内部记录.png", "c").await;
    let (status, _) = w
        .post(
            &w.handler,
            order,
            json!({"body": "记录", "internal": true, "attachments": [memo]}),
        )
        .await;
    assert_eq!(status, 201);

    let download = |who: &SignedIn, id: i64| {
        w.app
            .request(
                Method::GET,
                &format!("/api/v1/orders/{order}/messages/attachments/{id}"),
                Some(who),
            )
            .send()
    };
    let response = download(&w.ent, photo).await.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert!(
        response.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    assert_eq!(response.headers()["content-type"], "image/png");
    assert_eq!(download(&w.consumer, invoice).await.unwrap().status(), 200);
    assert_eq!(download(&w.handler, memo).await.unwrap().status(), 200);
    for who in [&w.consumer, &w.ent] {
        assert_eq!(download(who, memo).await.unwrap().status(), 404);
    }
    assert_eq!(download(&w.futian, photo).await.unwrap().status(), 404);
    // Used files are kept by pruning.
    w.app.execute(&format!(
        "UPDATE attachments SET created_at = now() - interval '2 days' WHERE id IN ({photo}, {invoice}, {memo})"
    ));
    let mut conn = w.app.database.connect();
    #[derive(diesel::QueryableByName)]
    struct N {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let unattached: N = diesel::sql_query(format!(
        "SELECT count(*) AS n FROM attachments WHERE attached_at IS NULL AND id IN ({photo}, {invoice}, {memo})"
    ))
    .get_result(&mut conn)
    .unwrap();
    assert_eq!(unattached.n, 0);
}

#[actix_web::test]
async fn read_receipts_and_unread_counts_follow_each_reader() {
    let w = World::new().await;
    let order = w.complaint().await;
    let second = w.complaint().await;
    let a = w.say(&w.consumer, order, "一").await;
    let b = w.say(&w.ent, order, "二").await;
    let c = w.say(&w.handler, order, "三").await;
    w.note(&w.handler, order, "备注").await;
    w.say(&w.ent, second, "另一单").await;

    let consumer = w.seen(&w.consumer, order).await;
    assert_eq!(consumer["my_read_up_to"], a, "posting marks one's own read");
    assert_eq!(consumer["unread"], 2);
    let handler = w.seen(&w.handler, order).await;
    assert_eq!(
        handler["unread"], 0,
        "posting marks read, and the note is the author's own"
    );
    let unread = |who: &SignedIn| {
        let app = &w.app;
        let who = who.clone();
        async move {
            let (status, body) =
                call(app, Method::GET, "/api/v1/dialogues/unread", &who, None).await;
            assert_eq!(status, 200, "{body}");
            body
        }
    };
    let summary = unread(&w.consumer).await;
    assert_eq!(summary["total"], 3, "{summary}");
    assert_eq!(
        summary["orders"],
        json!([{"order_id": order, "unread": 2}, {"order_id": second, "unread": 1}])
    );
    assert_eq!(
        unread(&w.ent).await["total"],
        1,
        "the mediator's reply, not the note"
    );
    assert_eq!(
        unread(&w.handler).await["total"],
        1,
        "the other order's message"
    );
    assert_eq!(unread(&w.futian).await["total"], 0);
    assert_eq!(unread(&w.department).await["orders"], json!([]));

    let read = |who: &SignedIn, up_to: i64| {
        let app = &w.app;
        let who = who.clone();
        async move {
            app.request(
                Method::POST,
                &format!("/api/v1/orders/{order}/messages/read"),
                Some(&who),
            )
            .json(&json!({"up_to": up_to}))
            .send()
            .await
            .unwrap()
            .status()
            .as_u16()
        }
    };
    assert_eq!(read(&w.consumer, c).await, 204);
    assert_eq!(read(&w.consumer, b).await, 204, "never backwards");
    assert_eq!(read(&w.consumer, 0).await, 422);
    assert_eq!(read(&w.futian, c).await, 404);
    let consumer = w.seen(&w.consumer, order).await;
    assert_eq!(consumer["my_read_up_to"], c);
    assert_eq!(consumer["unread"], 0);
    assert_eq!(unread(&w.consumer).await["total"], 1);
    // Marking past the newest message stops at it: later messages stay unread.
    assert_eq!(read(&w.ent, i64::MAX).await, 204);
    let business = w.seen(&w.ent, order).await;
    assert_eq!(
        business["my_read_up_to"], c,
        "not the internal note after it"
    );
    let d = w.say(&w.consumer, order, "四").await;
    assert_eq!(w.seen(&w.ent, order).await["unread"], 1);
    let receipts = w.seen(&w.handler, order).await["read_receipts"].clone();
    assert_eq!(
        receipts,
        json!([
            {"party": "consumer", "read_up_to": d},
            {"party": "business", "read_up_to": c},
            {"party": "mediator", "read_up_to": handler["my_read_up_to"]},
        ])
    );
}

#[actix_web::test]
async fn streams_deliver_live_messages_and_replay_from_last_event_id() {
    let w = World::new().await;
    let order = w.complaint().await;
    let early = w.say(&w.consumer, order, "第一条").await;

    let mut consumer = w.stream(&w.consumer, order, None).await;
    let mut staff = w.stream(&w.handler, order, None).await;
    let mut business = w.stream(&w.ent, order, None).await;
    tokio::time::sleep(Duration::from_millis(300)).await;

    let note = w.note(&w.handler, order, "仅内部可见").await;
    let reply = w.say(&w.handler, order, "已联系商家").await;
    // The consumer's and the business's streams never carry the note: the next message is
    // the public reply.
    for stream in [&mut consumer, &mut business] {
        let event = stream.next_message(WAIT).await.unwrap();
        assert_eq!(event.id, Some(reply));
        assert_eq!(event.data["body"], "已联系商家");
        assert_eq!(event.data["author"]["party"], "mediator");
        assert_eq!(event.data["order_id"], order);
    }
    let event = staff.next_message(WAIT).await.unwrap();
    assert_eq!(
        (event.id, event.data["internal"].clone()),
        (Some(note), json!(true))
    );
    let event = staff.next_message(WAIT).await.unwrap();
    assert_eq!(event.id, Some(reply));
    assert_eq!(event.data["author"]["mine"], true);

    // The business sees the consumer as 消费者 on the stream too.
    let from_consumer = w.say(&w.consumer, order, "好的").await;
    let event = business.next_message(WAIT).await.unwrap();
    assert_eq!(event.id, Some(from_consumer));
    assert_eq!(event.data["author"]["name"], "消费者");
    // Read receipts arrive as `read` events.
    let status = w
        .app
        .request(
            Method::POST,
            &format!("/api/v1/orders/{order}/messages/read"),
            Some(&w.ent),
        )
        .json(&json!({"up_to": from_consumer}))
        .send()
        .await
        .unwrap()
        .status();
    assert_eq!(status, 204);
    let receipt = loop {
        let event = consumer.next(WAIT).await.unwrap();
        if event.name == "read" && event.data["party"] == "business" {
            break event;
        }
    };
    assert_eq!(receipt.data["read_up_to"], from_consumer);
    assert_eq!(receipt.id, None);
    drop(consumer);

    // Reconnecting with Last-Event-ID replays what was missed, then goes on live, without
    // duplicates and without the note.
    let missed = w.say(&w.ent, order, "断线期间的消息").await;
    w.note(&w.handler, order, "又一条备注").await;
    let mut again = w.stream(&w.consumer, order, Some(early)).await;
    let mut replayed = Vec::new();
    for _ in 0..3 {
        replayed.push(again.next_message(WAIT).await.unwrap().id.unwrap());
    }
    assert_eq!(replayed, [reply, from_consumer, missed]);
    let live = w.say(&w.handler, order, "之后的消息").await;
    let event = again.next_message(WAIT).await.unwrap();
    assert_eq!(event.id, Some(live));
    assert!(
        again
            .next_message(Duration::from_millis(300))
            .await
            .is_none()
    );

    // The query form of Last-Event-ID, for clients that cannot set the header.
    let response = sse::client()
        .get(w.app.url(&format!(
            "/api/v1/orders/{order}/messages/stream?last_event_id={missed}"
        )))
        .header("Cookie", &w.consumer.cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["cache-control"], "no-cache");
    let mut by_query = Events::new(response);
    assert_eq!(by_query.next_message(WAIT).await.unwrap().id, Some(live));

    // A Last-Event-ID that is not a message id is refused, never read as "from the start"
    // (found by the contract fuzzing: a non-ASCII value was taken for an absent one).
    for bad in [
        reqwest::header::HeaderValue::from_static("abc"),
        reqwest::header::HeaderValue::from_static("-1"),
        reqwest::header::HeaderValue::from_bytes(b"\xc2\x84").unwrap(),
    ] {
        let response = sse::client()
            .get(
                w.app
                    .url(&format!("/api/v1/orders/{order}/messages/stream")),
            )
            .header("Cookie", &w.consumer.cookie)
            .header("Last-Event-ID", bad.clone())
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 422, "{bad:?}");
    }

    // Strangers get no stream.
    let response = sse::client()
        .get(
            w.app
                .url(&format!("/api/v1/orders/{order}/messages/stream")),
        )
        .header("Cookie", &w.futian.cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 404);
}
