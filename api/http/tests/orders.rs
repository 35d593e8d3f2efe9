//! Work orders through the HTTP API with the real services: intake per kind with routing,
//! validation, idempotent retries, linked complaint + report, the consumer's own list, the
//! staff inbox scoped to the subtree, what an enterprise may see, and actions through the
//! domain's machine with optimistic concurrency. Plus the query plans on a large table.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use diesel::{PgConnection, RunQueryDsl};
use reqwest::Method;
use serde_json::{Value, json};
use weiquan_db::orders::{self, InboxFilter};
use weiquan_domain::CreditCode;
use weiquan_domain::access::{OrgId, Role};
use weiquan_test_support::{SignedIn, TestApp, TestDatabase};

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

async fn file(app: &TestApp, who: &SignedIn, body: &Value) -> (u16, Value) {
    call(
        app,
        Method::POST,
        "/api/v1/orders",
        Some(who),
        Some(body),
        &[],
    )
    .await
}

async fn get(app: &TestApp, who: &SignedIn, path: &str) -> (u16, Value) {
    call(app, Method::GET, path, Some(who), None, &[]).await
}

async fn act(app: &TestApp, who: &SignedIn, id: i64, version: i64, body: &Value) -> (u16, Value) {
    let tag = format!("\"{version}\"");
    call(
        app,
        Method::POST,
        &format!("/api/v1/orders/{id}/actions"),
        Some(who),
        Some(body),
        &[("If-Match", &tag)],
    )
    .await
}

fn complaint(division: &str) -> Value {
    json!({
        "kind": "complaint",
        "business": {"name": "深圳市某餐饮有限公司", "division": division, "address": "科技园路 1 号"},
        "item": "套餐", "bought_on": "2026-11-01", "amount_fen": 128_000,
        "request": "退款", "facts": "菜品变质，商家拒绝退款。",
        "subject_category": "S0101", "problem_type": "P01",
    })
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
async fn intake_routes_each_kind_to_the_competent_bureau() {
    let app = TestApp::spawn().await;
    let consumer = app.sign_in(app.create_consumer("13700000011"), false).await;
    let nanshan = app.bureau(Some("440305"));
    let shenzhen = app.bureau(Some("440300"));
    let national = app.bureau(None);

    // 南山区 business → 南山区 bureau, by its place of business.
    let (status, body) = file(&app, &consumer, &complaint("440305")).await;
    assert_eq!(status, 201, "{body}");
    let order = &body["orders"][0];
    assert_eq!(order["holder_org_id"], nanshan.0);
    assert_eq!(order["routing_rule"], "place_of_business");
    assert_eq!(order["state"], "received");
    assert!(order["number"].as_str().unwrap().starts_with("WQ"));
    assert!(
        order["due_on"].is_string(),
        "a complaint's acceptance period runs"
    );

    // A city-only division → that city's bureau as intake desk.
    let (status, body) = file(&app, &consumer, &complaint("440300")).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["orders"][0]["holder_org_id"], shenzhen.0);
    assert_eq!(body["orders"][0]["routing_rule"], "intake_desk");

    // An anonymous report: routed by where the conduct happened; no identity stored.
    let (status, body) = file(
        &app,
        &consumer,
        &json!({
            "kind": "report", "anonymous": true, "conduct_division": "440305",
            "business": {"name": "某无证小作坊"}, "facts": "无证生产食品。",
            "problem_type": "P02",
        }),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    let report = body["orders"][0]["id"].as_i64().unwrap();
    assert_eq!(body["orders"][0]["holder_org_id"], nanshan.0);
    assert_eq!(body["orders"][0]["routing_rule"], "conduct_location");
    assert_eq!(
        count(
            &app,
            &format!(
                "SELECT count(*) AS n FROM orders o JOIN order_parties p ON p.order_id = o.id \
                 WHERE o.id = {report} AND o.consumer_id IS NULL AND p.anonymous \
                 AND p.user_id IS NULL AND p.display_name IS NULL AND p.phone IS NULL"
            )
        ),
        1
    );
    // Nobody is told about an anonymous report: two messages so far (two complaints).
    assert_eq!(
        count(
            &app,
            "SELECT count(*) AS n FROM outbox WHERE template = 'order_progress'"
        ),
        2
    );

    // A suggestion naming no business: the national intake desk; no deadline.
    let (status, body) = file(
        &app,
        &consumer,
        &json!({"kind": "suggestion", "facts": "建议延长投诉处理时限的公示。"}),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["orders"][0]["holder_org_id"], national.0);
    assert!(body["orders"][0]["due_on"].is_null());

    // A consultation about a platform merchant: the published address decides.
    let (status, body) = file(
        &app,
        &consumer,
        &json!({
            "kind": "consultation", "facts": "七天无理由退货怎么算？",
            "business": {"name": "某网店", "division": "440305", "channel": "platform_merchant",
                         "platform": "某电商平台", "platform_division": "440304"},
        }),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(
        body["orders"][0]["routing_rule"],
        "merchant_published_address"
    );

    // Every order has exactly one event, "received", public.
    assert_eq!(
        count(
            &app,
            "SELECT count(*) AS n FROM order_events WHERE command = 'received' AND public AND seq = 1"
        ),
        count(&app, "SELECT count(*) AS n FROM orders")
    );
}

#[actix_web::test]
async fn invalid_submissions_are_422_per_field_and_change_nothing() {
    let app = TestApp::spawn().await;
    let consumer = app.sign_in(app.create_consumer("13700000012"), false).await;
    let good = CreditCode::complete("91440305MA5000001").unwrap();
    let mut bad = good.as_str().to_owned();
    let last = bad.pop().unwrap();
    bad.push(if last == '0' { '1' } else { '0' });
    let mut body = complaint("440305");
    body["business"]["credit_code"] = json!(bad);
    body["facts"] = json!("   ");
    body["anonymous"] = json!(true);
    body["amount_fen"] = json!(-1);
    let (status, problem) = file(&app, &consumer, &body).await;
    assert_eq!(status, 422, "{problem}");
    let fields: Vec<(&str, &str)> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["field"].as_str().unwrap(), e["code"].as_str().unwrap()))
        .collect();
    assert!(
        fields.contains(&("business.credit_code", "check_character")),
        "{fields:?}"
    );
    assert!(fields.contains(&("facts", "required")), "{fields:?}");
    assert!(fields.contains(&("anonymous", "not_allowed")), "{fields:?}");
    assert!(fields.contains(&("amount_fen", "range")), "{fields:?}");

    // A well-formed code that is no division.
    let (status, problem) = file(&app, &consumer, &complaint("449999")).await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(problem["errors"][0]["field"], "business.division");
    assert_eq!(problem["errors"][0]["code"], "unknown_division");

    // A complaint without a business.
    let (status, problem) = file(
        &app,
        &consumer,
        &json!({"kind": "complaint", "facts": "x", "item": "y", "request": "z"}),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(problem["errors"][0]["field"], "business");
    assert_eq!(count(&app, "SELECT count(*) AS n FROM orders"), 0);

    // Staff do not file appeals.
    let nanshan = app.bureau(Some("440305"));
    let handler = app
        .sign_in(
            app.create_member(nanshan, "o.handler", &[Role::Handler]),
            false,
        )
        .await;
    let (status, _) = file(&app, &handler, &complaint("440305")).await;
    assert_eq!(status, 403);
}

#[actix_web::test]
async fn a_retry_with_the_same_key_answers_the_first_result_and_another_body_is_422() {
    let app = TestApp::spawn().await;
    let consumer = app.sign_in(app.create_consumer("13700000013"), false).await;
    let body = complaint("440305");
    let key = [("Idempotency-Key", "5f0c7c1e-6b55-4a43-9b0e-6a1f0d7f0001")];
    let (first, created) = call(
        &app,
        Method::POST,
        "/api/v1/orders",
        Some(&consumer),
        Some(&body),
        &key,
    )
    .await;
    assert_eq!(first, 201, "{created}");
    let (again, replayed) = call(
        &app,
        Method::POST,
        "/api/v1/orders",
        Some(&consumer),
        Some(&body),
        &key,
    )
    .await;
    assert_eq!(again, 200, "{replayed}");
    assert_eq!(replayed, created);
    let mut changed = body.clone();
    changed["facts"] = json!("另一件事。");
    let (status, problem) = call(
        &app,
        Method::POST,
        "/api/v1/orders",
        Some(&consumer),
        Some(&changed),
        &key,
    )
    .await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(problem["code"], "idempotency_key_reused");
    assert_eq!(count(&app, "SELECT count(*) AS n FROM orders"), 1);
    // Keys are per caller: another consumer's same key is a new submission.
    let other = app.sign_in(app.create_consumer("13700000014"), false).await;
    let (status, _) = call(
        &app,
        Method::POST,
        "/api/v1/orders",
        Some(&other),
        Some(&body),
        &key,
    )
    .await;
    assert_eq!(status, 201);
    // Concurrent retries of one submission create one order.
    let key2 = [("Idempotency-Key", "5f0c7c1e-6b55-4a43-9b0e-6a1f0d7f0002")];
    let (a, b) = tokio::join!(
        call(
            &app,
            Method::POST,
            "/api/v1/orders",
            Some(&consumer),
            Some(&body),
            &key2
        ),
        call(
            &app,
            Method::POST,
            "/api/v1/orders",
            Some(&consumer),
            Some(&body),
            &key2
        ),
    );
    let mut statuses = [a.0, b.0];
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 201]);
    assert_eq!(a.1, b.1);
    assert_eq!(count(&app, "SELECT count(*) AS n FROM orders"), 3);
}

#[actix_web::test]
async fn a_complaint_that_is_also_a_report_becomes_two_linked_orders() {
    let app = TestApp::spawn().await;
    let consumer = app.sign_in(app.create_consumer("13700000015"), false).await;
    let mut body = complaint("440305");
    body["both"] = json!(true);
    let (status, created) = file(&app, &consumer, &body).await;
    assert_eq!(status, 201, "{created}");
    let orders = created["orders"].as_array().unwrap();
    assert_eq!(orders.len(), 2);
    assert_eq!(orders[0]["kind"], "complaint");
    assert_eq!(orders[1]["kind"], "report");
    let (a, b) = (
        orders[0]["id"].as_i64().unwrap(),
        orders[1]["id"].as_i64().unwrap(),
    );
    let (_, complaint) = get(&app, &consumer, &format!("/api/v1/orders/{a}")).await;
    let (_, report) = get(&app, &consumer, &format!("/api/v1/orders/{b}")).await;
    assert_eq!(complaint["linked_order_id"], b);
    assert_eq!(report["linked_order_id"], a);
    assert_eq!(report["appeal"]["facts"], complaint["appeal"]["facts"]);
}

#[actix_web::test]
async fn consumers_see_their_own_orders_newest_first_and_nobody_elses() {
    let app = TestApp::spawn().await;
    let me = app.sign_in(app.create_consumer("13700000016"), false).await;
    let other = app.sign_in(app.create_consumer("13700000017"), false).await;
    let mut ids = Vec::new();
    for _ in 0..3 {
        let (_, body) = file(&app, &me, &complaint("440305")).await;
        ids.push(body["orders"][0]["id"].as_i64().unwrap());
    }
    let (_, theirs) = file(&app, &other, &complaint("440305")).await;
    let theirs = theirs["orders"][0]["id"].as_i64().unwrap();

    let (status, page) = get(&app, &me, "/api/v1/me/orders?limit=2").await;
    assert_eq!(status, 200, "{page}");
    let got: Vec<i64> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_i64().unwrap())
        .collect();
    assert_eq!(got, vec![ids[2], ids[1]]);
    let next = page["next"].as_str().unwrap();
    let (_, page) = get(
        &app,
        &me,
        &format!("/api/v1/me/orders?limit=2&after={next}"),
    )
    .await;
    assert_eq!(page["items"][0]["id"], ids[0]);
    assert!(page["next"].is_null());

    // My order: the public timeline and what I may do now (withdraw).
    let (status, order) = get(&app, &me, &format!("/api/v1/orders/{}", ids[0])).await;
    assert_eq!(status, 200, "{order}");
    assert_eq!(order["view"], "filer");
    assert_eq!(order["timeline"][0]["action"], "received");
    assert!(order["filer"].is_null());
    assert!(order["routing_rule"].is_null());
    assert_eq!(order["available_actions"], json!(["withdraw"]));
    // Someone else's: it does not exist for me.
    let (status, problem) = get(&app, &me, &format!("/api/v1/orders/{theirs}")).await;
    assert_eq!(status, 404);
    assert_eq!(problem["code"], "not_found");
    let (status, _) = get(&app, &me, "/api/v1/orders/999999").await;
    assert_eq!(status, 404);
}

#[actix_web::test]
async fn the_inbox_is_scoped_to_the_subtree_and_an_enterprise_never_sees_a_report() {
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let futian = app.bureau(Some("440304"));
    let shenzhen = app.bureau(Some("440300"));
    let guangdong = app.bureau(Some("440000"));
    let credit = CreditCode::complete("91440305MA5000777").unwrap();
    let enterprise = insert_enterprise(&app, nanshan, credit.as_str());
    let consumer = app.sign_in(app.create_consumer("13700000018"), false).await;
    let mut body = complaint("440305");
    body["business"]["credit_code"] = json!(credit.as_str());
    body["both"] = json!(true);
    let (_, created) = file(&app, &consumer, &body).await;
    let complaint_id = created["orders"][0]["id"].as_i64().unwrap();
    let report_id = created["orders"][1]["id"].as_i64().unwrap();

    let ns = app
        .sign_in(app.create_member(nanshan, "ns.h", &[Role::Handler]), false)
        .await;
    let ft = app
        .sign_in(app.create_member(futian, "ft.h", &[Role::Handler]), false)
        .await;
    let sz = app
        .sign_in(app.create_member(shenzhen, "sz.a", &[Role::Analyst]), false)
        .await;
    let gd = app
        .sign_in(app.create_member(guangdong, "gd.a", &[Role::Analyst]), true)
        .await;
    let ent = app
        .sign_in(
            app.create_member(enterprise, "ent.h", &[Role::Handler]),
            false,
        )
        .await;

    let inbox = |org: OrgId| format!("/api/v1/organisations/{}/orders", org.0);
    let ids = |page: &Value| -> Vec<i64> {
        page["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["id"].as_i64().unwrap())
            .collect()
    };
    let (status, page) = get(&app, &ns, &inbox(nanshan)).await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(ids(&page).len(), 2);
    let (status, _) = get(&app, &ft, &inbox(nanshan)).await;
    assert_eq!(status, 404);
    let (status, page) = get(&app, &ft, &inbox(futian)).await;
    assert_eq!(status, 200);
    assert!(ids(&page).is_empty());
    let (_, page) = get(&app, &sz, &inbox(shenzhen)).await;
    assert_eq!(ids(&page).len(), 2);
    let (_, page) = get(&app, &gd, &inbox(guangdong)).await;
    assert_eq!(ids(&page).len(), 2);
    let (_, page) = get(&app, &gd, &format!("{}?state=accepted", inbox(guangdong))).await;
    assert!(ids(&page).is_empty());
    // The enterprise's inbox lists the complaint about it, never the report (issue 5).
    let (status, page) = get(&app, &ent, &inbox(enterprise)).await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(ids(&page), [complaint_id]);
    assert!(!ids(&page).contains(&report_id));

    // One order: staff of the holder and above see everything, a sibling county nothing.
    let order = |id: i64| format!("/api/v1/orders/{id}");
    let (status, seen) = get(&app, &ns, &order(complaint_id)).await;
    assert_eq!(status, 200, "{seen}");
    assert_eq!(seen["view"], "staff");
    assert_eq!(seen["filer"]["phone"], "13700000018");
    assert!(
        seen["available_actions"]
            .as_array()
            .unwrap()
            .contains(&json!("accept"))
    );
    assert_eq!(get(&app, &ft, &order(complaint_id)).await.0, 404);
    assert_eq!(get(&app, &sz, &order(complaint_id)).await.0, 200);
    assert_eq!(get(&app, &gd, &order(report_id)).await.0, 200);

    // The enterprise: the complaint about it, without the complainant; never the report.
    let (status, seen) = get(&app, &ent, &order(complaint_id)).await;
    assert_eq!(status, 200, "{seen}");
    assert_eq!(seen["view"], "enterprise");
    assert!(seen["filer"].is_null());
    assert!(seen["linked_order_id"].is_null());
    assert!(!seen.to_string().contains("13700000018"));
    assert!(!seen.to_string().contains("测试消费者"));
    assert_eq!(get(&app, &ent, &order(report_id)).await.0, 404);
}

#[actix_web::test]
async fn actions_go_through_the_machine_with_optimistic_concurrency() {
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let consumer = app.sign_in(app.create_consumer("13700000019"), false).await;
    let (_, created) = file(&app, &consumer, &complaint("440305")).await;
    let id = created["orders"][0]["id"].as_i64().unwrap();
    let handler_id = app.create_member(nanshan, "act.h", &[Role::Handler]);
    let handler = app.sign_in(handler_id, false).await;
    let other_handler = app
        .sign_in(
            app.create_member(nanshan, "act.h2", &[Role::Handler]),
            false,
        )
        .await;
    let path = format!("/api/v1/orders/{id}/actions");

    // Without If-Match: 428.
    let (status, problem) = call(
        &app,
        Method::POST,
        &path,
        Some(&handler),
        Some(&json!({"action": "accept"})),
        &[],
    )
    .await;
    assert_eq!(status, 428, "{problem}");
    assert_eq!(problem["code"], "precondition_required");
    // The consumer may not accept: 403; missing data: 422.
    assert_eq!(
        act(&app, &consumer, id, 1, &json!({"action": "accept"}))
            .await
            .0,
        403
    );
    let (status, problem) = act(&app, &handler, id, 1, &json!({"action": "not_accept"})).await;
    assert_eq!(status, 422);
    assert_eq!(problem["errors"][0]["field"], "ground");

    // The handler takes it, then accepts it.
    let (status, done) = act(
        &app,
        &handler,
        id,
        1,
        &json!({"action": "assign_handler", "handler_id": handler_id.0}),
    )
    .await;
    assert_eq!(status, 200, "{done}");
    assert_eq!(done["version"], 2);
    let (status, problem) = act(&app, &handler, id, 1, &json!({"action": "accept"})).await;
    assert_eq!(status, 412, "a stale version: {problem}");
    assert_eq!(problem["code"], "precondition_failed");
    let (status, _) = act(
        &app,
        &handler,
        id,
        2,
        &json!({"action": "accept", "reason": "符合受理条件"}),
    )
    .await;
    assert_eq!(status, 200);

    // Accepted: the mediation period runs, the consumer's consent is asked.
    let (_, seen) = get(&app, &handler, &format!("/api/v1/orders/{id}")).await;
    assert_eq!(seen["state"], "accepted");
    assert_eq!(seen["version"], 3);
    assert_eq!(seen["deadlines"][0]["kind"], "mediation");
    let actions = seen["available_actions"].as_array().unwrap();
    assert!(actions.contains(&json!("record_consent")));
    assert!(!actions.contains(&json!("accept")));
    let steps: Vec<&str> = seen["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(steps, ["received", "assign_handler", "accept"]);
    assert_eq!(seen["timeline"][2]["reason"], "符合受理条件");
    assert_eq!(seen["timeline"][2]["from_state"], "received");
    assert_eq!(seen["timeline"][2]["to_state"], "accepted");
    // The consumer's timeline has only the public events.
    let (_, mine) = get(&app, &consumer, &format!("/api/v1/orders/{id}")).await;
    let public: Vec<&str> = mine["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(public, ["received", "accept"]);
    // Each public event queued a message to the consumer, in its transaction.
    assert_eq!(
        count(
            &app,
            "SELECT count(*) AS n FROM outbox WHERE template = 'order_progress' \
             AND recipient = '13700000019'"
        ),
        2
    );
    assert!(
        mine["available_actions"]
            .as_array()
            .unwrap()
            .contains(&json!("record_consent"))
    );
    // Accepting again: not in this state, 409.
    let (status, problem) = act(&app, &handler, id, 3, &json!({"action": "accept"})).await;
    assert_eq!(status, 409, "{problem}");

    // Two handlers act at once on the same version: exactly one wins, the other gets 409.
    let consent = json!({"action": "record_consent", "party": "business", "consents": true});
    let ((a, _), (b, _)) = tokio::join!(
        act(&app, &handler, id, 3, &consent),
        act(&app, &other_handler, id, 3, &consent),
    );
    let mut statuses = [a, b];
    statuses.sort_unstable();
    assert!(
        statuses == [200, 409] || statuses == [200, 412],
        "{statuses:?}"
    );
    assert_eq!(
        count(
            &app,
            &format!("SELECT count(*) AS n FROM order_events WHERE order_id = {id}")
        ),
        4
    );
    // Anyone outside sees nothing.
    let futian = app
        .sign_in(
            app.create_member(app.bureau(Some("440304")), "ft.act", &[Role::Handler]),
            false,
        )
        .await;
    assert_eq!(
        act(
            &app,
            &futian,
            id,
            4,
            &json!({"action": "terminate", "termination_reason": "party_refused"})
        )
        .await
        .0,
        404
    );
}

/// `n` synthetic orders over 3,000 county bureaus in 31 provinces and 200,000 consumers.
fn fill(conn: &mut PgConnection, n: i64) {
    diesel::sql_query(
        "INSERT INTO users (id, kind, phone, display_name, password_hash) VALUES \
         (1000000, 'consumer', '13900000000', 'synthetic', 'x'), \
         (1000001, 'consumer', '13900000001', 'synthetic', 'x')",
    )
    .execute(conn)
    .unwrap();
    diesel::sql_query(format!(
        "INSERT INTO orders (number, kind, rules, state, received_on, clock_start, due_on,
                             consumer_id, filed_by, holder_org_id, holder_path, routing_rule,
                             created_at)
         SELECT 'WQ20260101' || lpad(i::text, 8, '0'), 'complaint', 'order121',
                (ARRAY['received','accepted','mediating','checking'])[1 + i % 4],
                DATE '2026-01-01' + (i % 300), DATE '2026-01-01' + (i % 300),
                DATE '2026-01-10' + (i % 300), 1000000, 1000000,
                (SELECT min(id) FROM organisations),
                '/1/' || (11 + (i % 3000) % 31) || '/' || (1000 + i % 3000) || '/',
                'place_of_business', now() - make_interval(secs => i)
         FROM generate_series(0, {}) AS i",
        n - 1
    ))
    .execute(conn)
    .unwrap();
    // One consumer with a handful of orders among them.
    diesel::sql_query("UPDATE orders SET filed_by = 1000001 WHERE id % 20000 = 0")
        .execute(conn)
        .unwrap();
    diesel::sql_query("ANALYZE orders").execute(conn).unwrap();
}

#[test]
fn lists_use_the_indexes_on_a_table_of_realistic_size() {
    let db = TestDatabase::create_blocking();
    let mut conn = db.connect();
    fill(&mut conn, 150_000);
    let own = orders::explain_own(&mut conn, 1_000_001, None).unwrap();
    assert!(own.contains("orders_filed_by_idx"), "{own}");
    assert!(!own.contains("Seq Scan"), "{own}");
    // One county's subtree (50 of 150,000), sorted by due date.
    let county = InboxFilter {
        path: "/1/12/1001/".into(),
        ..InboxFilter::default()
    };
    let plan = orders::explain_inbox(&mut conn, &county, None).unwrap();
    assert!(plan.contains("orders_inbox"), "{plan}");
    assert!(!plan.contains("Seq Scan"), "{plan}");
    // With a state, and on the next page.
    let received = InboxFilter {
        states: vec!["received".into()],
        ..county
    };
    let plan = orders::explain_inbox(
        &mut conn,
        &received,
        Some(orders::InboxCursor {
            due_on: chrono::NaiveDate::from_ymd_opt(2026, 3, 1),
            id: 10,
        }),
    )
    .unwrap();
    // An open state may be read from the open orders' partial index (migration 000026).
    assert!(
        plan.contains("orders_inbox") || plan.contains("orders_open_idx"),
        "{plan}"
    );
    assert!(!plan.contains("Seq Scan"), "{plan}");
    // A province (1/31 of the table) and the whole country.
    for path in ["/1/12/", "/1/"] {
        for states in [vec![], vec!["received".to_owned()]] {
            let wide = InboxFilter {
                path: path.into(),
                states,
                ..InboxFilter::default()
            };
            let plan = orders::explain_inbox(&mut conn, &wide, None).unwrap();
            assert!(!plan.contains("Seq Scan"), "{plan}");
            // The page's keys are walked in index order (no sort of the subtree); only the
            // page's own rows, read by primary key afterwards, are put back in that order.
            let (_, walk) = plan.split_once("InitPlan").unwrap();
            assert!(!walk.contains("Sort"), "{plan}");
            assert!(walk.contains("orders_pkey"), "{plan}");
        }
    }
}

#[actix_web::test]
async fn the_event_log_refuses_to_be_rewritten() {
    let app = TestApp::spawn().await;
    let consumer = app.sign_in(app.create_consumer("13700000127"), false).await;
    let (status, receipt) = file(&app, &consumer, &complaint("440305")).await;
    assert_eq!(status, 201, "{receipt}");
    let id = receipt["orders"][0]["id"].as_i64().unwrap();
    let mut conn = app.database.connect();
    for sql in [
        format!("UPDATE order_events SET reason = 'rewritten' WHERE order_id = {id}"),
        format!("DELETE FROM order_events WHERE order_id = {id}"),
        "TRUNCATE order_events CASCADE".to_owned(),
    ] {
        let err = diesel::sql_query(&sql).execute(&mut conn).unwrap_err();
        assert!(err.to_string().contains("append-only"), "{sql}: {err}");
    }
    assert_eq!(
        count(
            &app,
            &format!(
                "SELECT count(*) AS n FROM order_events WHERE order_id = {id} AND reason IS NULL"
            )
        ),
        1
    );
}

#[actix_web::test]
async fn idempotency_keys_answer_retries_for_a_day_and_are_pruned_after() {
    let app = TestApp::spawn().await;
    let consumer = app.sign_in(app.create_consumer("13700000128"), false).await;
    let key = [("Idempotency-Key", "prune-me-after-a-day")];
    let (status, _) = call(
        &app,
        Method::POST,
        "/api/v1/orders",
        Some(&consumer),
        Some(&complaint("440305")),
        &key,
    )
    .await;
    assert_eq!(status, 201);
    let keys = |app: &TestApp| count(app, "SELECT count(*) AS n FROM idempotency_keys");
    assert_eq!(keys(&app), 1);
    let db = weiquan_services::Db::new(
        weiquan_db::build_pool(
            &app.database.url,
            &weiquan_db::PoolOptions {
                max_size: 1,
                connection_timeout: std::time::Duration::from_secs(5),
            },
        )
        .unwrap(),
    );
    let now = chrono::Utc::now();
    // Within the day: kept.
    assert_eq!(
        weiquan_services::orders::prune_idempotency_keys(&db, now)
            .await
            .unwrap(),
        0
    );
    assert_eq!(keys(&app), 1);
    // A day and a minute later: gone (the order stays).
    let later = now + chrono::Duration::hours(24) + chrono::Duration::minutes(1);
    assert_eq!(
        weiquan_services::orders::prune_idempotency_keys(&db, later)
            .await
            .unwrap(),
        1
    );
    assert_eq!(keys(&app), 0);
    assert_eq!(count(&app, "SELECT count(*) AS n FROM orders"), 1);
}

#[actix_web::test]
async fn refused_looks_at_and_actions_on_orders_are_audited() {
    let app = TestApp::spawn().await;
    let consumer = app.sign_in(app.create_consumer("13700000129"), false).await;
    let (status, receipt) = file(&app, &consumer, &complaint("440305")).await;
    assert_eq!(status, 201, "{receipt}");
    let id = receipt["orders"][0]["id"].as_i64().unwrap();
    let futian = app
        .sign_in(
            app.create_member(app.bureau(Some("440304")), "ft.audit", &[Role::Handler]),
            false,
        )
        .await;
    let refusals = |app: &TestApp| {
        count(
            app,
            &format!(
                "SELECT count(*) AS n FROM audit_log WHERE action = 'access_denied' \
                 AND subject = 'order:{id}'"
            ),
        )
    };
    assert_eq!(refusals(&app), 0);
    // Another county's handler: 404 for the order and for an action on it, both recorded.
    assert_eq!(
        get(&app, &futian, &format!("/api/v1/orders/{id}")).await.0,
        404
    );
    assert_eq!(
        act(&app, &futian, id, 1, &json!({"action": "accept"}))
            .await
            .0,
        404
    );
    assert_eq!(refusals(&app), 2);
    // The consumer trying a staff action: refused (403) and recorded; their own look is not.
    assert_eq!(
        get(&app, &consumer, &format!("/api/v1/orders/{id}"))
            .await
            .0,
        200
    );
    assert_eq!(
        act(&app, &consumer, id, 1, &json!({"action": "accept"}))
            .await
            .0,
        403
    );
    assert_eq!(refusals(&app), 3);
}
