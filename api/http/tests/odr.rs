//! Enterprise self-settlement (ODR, issue 5) through the HTTP API: an approved enterprise
//! receives the complaints about itself (sent first by the consumer, or dispatched by the
//! bureau), sees them in its inbox without the complainant's identity, proposes; the
//! consumer accepts (settled, the proposal's amount recovered) or rejects (back to the
//! county's ordinary procedure); the 10 working days run out (the timeout job, driven by a
//! controllable day); the bureau above the enterprise supervises; other enterprises and
//! strangers find nothing; bearer clients read with `orders:read` and act with
//! `orders:write`; statistics; the association's inbox of delegated orders.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use std::time::Duration;

use chrono::NaiveDate;
use reqwest::Method;
use serde_json::{Value, json};
use weiquan_db::PoolOptions;
use weiquan_domain::access::{OrgId, Role};
use weiquan_services::Db;
use weiquan_test_support::{SignedIn, TestApp};

const PHONE: &str = "13712345678";
const ADDRESS: &str = "深圳市南山区科技园某小区 3 栋 1201";

fn insert_org(app: &TestApp, parent: OrgId, kind: &str, name: &str, credit: Option<&str>) -> i64 {
    #[derive(diesel::QueryableByName)]
    struct Id {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        id: i64,
    }
    let mut conn = app.database.connect();
    let id: Id = diesel::RunQueryDsl::get_result(
        diesel::sql_query(
            "WITH new AS (SELECT nextval(pg_get_serial_sequence('organisations', 'id')) AS id) \
             INSERT INTO organisations (id, kind, name, parent_id, path, division_code, credit_code, odr_status) \
             SELECT new.id, $1, $2, p.id, p.path || new.id || '/', p.division_code, $3, \
                    CASE WHEN $1 = 'enterprise' THEN 'approved' END \
             FROM new, organisations p WHERE p.id = $4 RETURNING id",
        )
        .bind::<diesel::sql_types::Text, _>(kind)
        .bind::<diesel::sql_types::Text, _>(name)
        .bind::<diesel::sql_types::Nullable<diesel::sql_types::Text>, _>(credit)
        .bind::<diesel::sql_types::BigInt, _>(parent.0),
        &mut conn,
    )
    .unwrap();
    id.id
}

fn credit(body: &str) -> String {
    weiquan_domain::CreditCode::complete(body)
        .unwrap()
        .as_str()
        .to_owned()
}

struct World {
    app: TestApp,
    consumer: SignedIn,
    nanshan: i64,
    county: SignedIn,
    city: SignedIn,
    futian: SignedIn,
    enterprise_id: i64,
    enterprise: SignedIn,
    enterprise_admin: SignedIn,
    other_enterprise_id: i64,
    other_enterprise: SignedIn,
    association_id: i64,
    association: SignedIn,
    credit: String,
}

impl World {
    async fn new() -> Self {
        let app = TestApp::spawn().await;
        let nanshan = app.bureau(Some("440305"));
        let futian = app.bureau(Some("440304"));
        let shenzhen = app.bureau(Some("440300"));
        let code = credit("91440305MA5000311");
        let enterprise_id = insert_org(
            &app,
            nanshan,
            "enterprise",
            "深圳某电商有限公司",
            Some(&code),
        );
        let other_enterprise_id = insert_org(
            &app,
            futian,
            "enterprise",
            "深圳另一电商有限公司",
            Some(&credit("91440304MA5000312")),
        );
        let association_id = insert_org(&app, shenzhen, "association", "深圳市消费者委员会", None);
        let member = |org: OrgId, name: &str, roles: &[Role]| app.create_member(org, name, roles);
        let county = member(nanshan, "odr.county", &[Role::Handler, Role::Reviewer]);
        let city = member(shenzhen, "odr.city", &[Role::Handler]);
        let futian_handler = member(futian, "odr.futian", &[Role::Handler]);
        let ent = member(OrgId(enterprise_id), "odr.ent", &[Role::Handler]);
        let ent_admin = member(OrgId(enterprise_id), "odr.ent.admin", &[Role::OrgAdmin]);
        let other = member(OrgId(other_enterprise_id), "odr.other", &[Role::Handler]);
        let assoc = member(OrgId(association_id), "odr.assoc", &[Role::Handler]);
        let consumer = app.create_consumer("13700000311");
        Self {
            consumer: app.sign_in(consumer, false).await,
            nanshan: nanshan.0,
            county: app.sign_in(county, false).await,
            city: app.sign_in(city, false).await,
            futian: app.sign_in(futian_handler, false).await,
            enterprise_id,
            enterprise: app.sign_in(ent, false).await,
            enterprise_admin: app.sign_in(ent_admin, true).await,
            other_enterprise_id,
            other_enterprise: app.sign_in(other, false).await,
            association_id,
            association: app.sign_in(assoc, false).await,
            credit: code,
            app,
        }
    }

    async fn call(
        &self,
        method: Method,
        path: &str,
        who: &SignedIn,
        body: Option<Value>,
        if_match: Option<i64>,
    ) -> (u16, Value) {
        let mut request = self.app.request(method, path, Some(who));
        if let Some(version) = if_match {
            request = request.header("If-Match", format!("\"{version}\""));
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    async fn bearer(
        &self,
        method: Method,
        path: &str,
        token: &str,
        body: Option<Value>,
        if_match: Option<i64>,
    ) -> (u16, Value) {
        let mut request = self
            .app
            .client
            .request(method, self.app.url(path))
            .bearer_auth(token);
        if let Some(version) = if_match {
            request = request.header("If-Match", format!("\"{version}\""));
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    fn complaint(&self, enterprise_first: bool) -> Value {
        json!({
            "kind": "complaint",
            "business": {"name": "深圳某电商有限公司", "division": "440305",
                         "credit_code": self.credit, "channel": "ecommerce_operator"},
            "item": "扫地机器人", "amount_fen": 128_000, "request": "退货退款",
            "facts": "机器到货即无法开机，客服不予处理。",
            "subject_category": "G0101", "problem_type": "P01",
            "contact_phone": PHONE, "contact_address": ADDRESS,
            "enterprise_first": enterprise_first,
        })
    }

    async fn file(&self, body: Value) -> i64 {
        let (status, receipt) = self
            .call(
                Method::POST,
                "/api/v1/orders",
                &self.consumer,
                Some(body),
                None,
            )
            .await;
        assert_eq!(status, 201, "{receipt}");
        receipt["orders"][0]["id"].as_i64().unwrap()
    }

    async fn order(&self, who: &SignedIn, id: i64) -> Value {
        let (status, order) = self
            .call(
                Method::GET,
                &format!("/api/v1/orders/{id}"),
                who,
                None,
                None,
            )
            .await;
        assert_eq!(status, 200, "{order}");
        order
    }

    /// Takes an action with the version `who` sees; answers the status and body.
    async fn act(&self, who: &SignedIn, id: i64, body: Value) -> (u16, Value) {
        let version = self.order(who, id).await["version"].as_i64().unwrap();
        self.call(
            Method::POST,
            &format!("/api/v1/orders/{id}/actions"),
            who,
            Some(body),
            Some(version),
        )
        .await
    }

    async fn inbox(&self, who: &SignedIn, org: i64) -> Vec<i64> {
        let (status, page) = self
            .call(
                Method::GET,
                &format!("/api/v1/organisations/{org}/orders"),
                who,
                None,
                None,
            )
            .await;
        assert_eq!(status, 200, "{page}");
        page["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["id"].as_i64().unwrap())
            .collect()
    }

    /// Registers an API client of the enterprise with `scopes`; answers a bearer token.
    async fn client_token(&self, scopes: &[&str]) -> String {
        let (status, body) = self
            .call(
                Method::POST,
                &format!("/api/v1/organisations/{}/api-clients", self.enterprise_id),
                &self.enterprise_admin,
                Some(json!({"name": format!("工单系统 {}", scopes.join(" ")), "scopes": scopes})),
                None,
            )
            .await;
        assert_eq!(status, 201, "{body}");
        let response = self
            .app
            .client
            .post(self.app.url("/api/v1/oauth/token"))
            .basic_auth(
                body["client"]["client_id"].as_str().unwrap(),
                Some(body["client_secret"].as_str().unwrap()),
            )
            .form(&[("grant_type", "client_credentials")])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 200);
        let token: Value = response.json().await.unwrap();
        token["access_token"].as_str().unwrap().to_owned()
    }

    fn db(&self) -> Db {
        let pool = weiquan_db::build_pool(
            &self.app.database.url,
            &PoolOptions {
                max_size: 2,
                connection_timeout: Duration::from_secs(5),
            },
        )
        .unwrap();
        Db::new(pool)
    }
}

fn day(v: &Value) -> NaiveDate {
    NaiveDate::parse_from_str(v.as_str().unwrap(), "%Y-%m-%d").unwrap()
}

fn actions(order: &Value) -> Vec<String> {
    order["available_actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap().to_owned())
        .collect()
}

#[actix_web::test]
async fn an_enterprise_first_complaint_is_settled_by_the_consumers_acceptance_of_a_proposal() {
    let w = World::new().await;
    let id = w.file(w.complaint(true)).await;

    // The enterprise finds it in its inbox, with its due date, and never the complainant.
    assert_eq!(w.inbox(&w.enterprise, w.enterprise_id).await, [id]);
    let (status, counts) = w
        .call(
            Method::GET,
            &format!("/api/v1/organisations/{}/orders/counts", w.enterprise_id),
            &w.enterprise,
            None,
            None,
        )
        .await;
    assert_eq!(status, 200, "{counts}");
    assert_eq!(counts["by_state"]["with_enterprise"], 1);
    let seen = w.order(&w.enterprise, id).await;
    assert_eq!(seen["view"], "enterprise");
    assert!(seen["filer"].is_null());
    let text = seen.to_string();
    for secret in [PHONE, ADDRESS, "测试消费者", "13700000311"] {
        assert!(!text.contains(secret), "{secret} shown to the enterprise");
    }
    assert_eq!(seen["odr"]["enterprise_org_id"], w.enterprise_id);
    assert_eq!(seen["odr"]["enterprise_name"], "深圳某电商有限公司");
    assert!(seen["odr"]["outcome"].is_null());
    assert!(seen["odr"]["proposal"].is_null());
    assert!(seen["odr"]["first_answer_at"].is_null());
    let due = day(&seen["odr"]["due_on"]);
    assert_eq!(
        Some(due),
        seen["due_on"].as_str().map(|_| day(&seen["due_on"]))
    );
    assert_eq!(actions(&seen), ["propose_settlement"]);
    assert_eq!(
        actions(&w.order(&w.consumer, id).await),
        ["return_from_enterprise", "withdraw"],
        "nothing to accept before a proposal"
    );

    // A refund needs its amount; terms are required.
    let (status, problem) = w
        .act(
            &w.enterprise,
            id,
            json!({"action": "propose_settlement", "remedy": "refund", "terms": "退款"}),
        )
        .await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(problem["errors"][0]["field"], "amount_fen");
    let (status, problem) = w
        .act(
            &w.enterprise,
            id,
            json!({"action": "propose_settlement", "remedy": "refund", "amount_fen": 1, "terms": "  "}),
        )
        .await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(problem["errors"][0]["field"], "terms");
    // A first proposal, then a better one replacing it.
    for (amount, terms) in [
        (64_000, "退一半货款。"),
        (128_000, "全额退款，三个工作日内原路退回。"),
    ] {
        let (status, body) = w
            .act(
                &w.enterprise,
                id,
                json!({"action": "propose_settlement", "remedy": "refund",
                       "amount_fen": amount, "terms": terms}),
            )
            .await;
        assert_eq!(status, 200, "{body}");
    }
    let mine = w.order(&w.consumer, id).await;
    assert_eq!(mine["odr"]["proposal"]["status"], "pending");
    assert_eq!(mine["odr"]["proposal"]["amount_fen"], 128_000);
    assert_eq!(mine["odr"]["proposal"]["remedy"], "refund");
    assert_eq!(
        mine["odr"]["proposal"]["terms"],
        "全额退款，三个工作日内原路退回。"
    );
    assert!(mine["odr"]["first_answer_at"].is_string());
    assert!(
        mine["timeline"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["action"] == "propose_settlement"),
        "a public event"
    );
    assert_eq!(
        actions(&mine),
        [
            "accept_enterprise_settlement",
            "reject_settlement",
            "return_from_enterprise",
            "withdraw"
        ]
    );

    // The consumer accepts: settled by the enterprise, recovering the proposal's amount
    // (whatever an old client still sends as `recovered_fen`).
    let (status, body) = w
        .act(
            &w.consumer,
            id,
            json!({"action": "accept_enterprise_settlement", "recovered_fen": 1}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let done = w.order(&w.consumer, id).await;
    assert_eq!(done["state"], "concluded");
    assert_eq!(done["conclusion"]["outcome"], "settled");
    assert_eq!(done["conclusion"]["recovered_fen"], 128_000);
    assert_eq!(done["conclusion"]["by_enterprise"], true);
    assert_eq!(done["odr"]["outcome"], "settled");
    assert_eq!(done["odr"]["proposal"]["status"], "accepted");

    // Its statistics: one received, one settled, a rate of 1, a first answer measured.
    let today = weiquan_services::orders::today();
    let (status, stats) = w
        .call(
            Method::GET,
            &format!(
                "/api/v1/organisations/{}/odr-stats?from={today}&to={today}",
                w.enterprise_id
            ),
            &w.enterprise,
            None,
            None,
        )
        .await;
    assert_eq!(status, 200, "{stats}");
    assert_eq!(stats["received"], 1);
    assert_eq!(stats["settled"], 1);
    assert_eq!(stats["open"], 0);
    assert_eq!(stats["settlement_rate"], 1.0);
    assert!(stats["avg_first_answer_hours"].as_f64().unwrap() >= 0.0);
}

#[actix_web::test]
async fn a_rejected_proposal_sends_the_complaint_back_to_the_county_bureau() {
    let w = World::new().await;
    let id = w.file(w.complaint(true)).await;
    let (status, _) = w
        .act(
            &w.enterprise,
            id,
            json!({"action": "propose_settlement", "remedy": "repair", "terms": "免费上门维修。"}),
        )
        .await;
    assert_eq!(status, 200);
    let (status, problem) = w
        .act(&w.consumer, id, json!({"action": "reject_settlement"}))
        .await;
    assert_eq!(status, 422, "a reason is required: {problem}");
    assert_eq!(problem["errors"][0]["field"], "reason");
    let (status, problem) = w
        .act(
            &w.enterprise,
            id,
            json!({"action": "reject_settlement", "reason": "x"}),
        )
        .await;
    assert_eq!(status, 403, "only the consumer rejects: {problem}");
    let (status, body) = w
        .act(
            &w.consumer,
            id,
            json!({"action": "reject_settlement", "reason": "要求退货退款，不接受维修。"}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let back = w.order(&w.county, id).await;
    assert_eq!(back["state"], "received");
    assert_eq!(back["holder_org_id"], w.nanshan);
    assert_eq!(
        back["deadlines"][0]["kind"], "acceptance",
        "the bureau's 7 working days run now"
    );
    assert_eq!(back["odr"]["outcome"], "rejected");
    assert_eq!(back["odr"]["proposal"]["status"], "rejected");
    assert_eq!(
        back["odr"]["proposal"]["reject_reason"],
        "要求退货退款，不接受维修。"
    );
    assert!(w.inbox(&w.county, w.nanshan).await.contains(&id));
    // The enterprise's time is over: it may not propose again.
    let (status, _) = w
        .act(
            &w.enterprise,
            id,
            json!({"action": "propose_settlement", "remedy": "other", "terms": "补偿优惠券"}),
        )
        .await;
    assert_eq!(status, 409);
}

#[actix_web::test]
async fn an_enterprise_that_does_not_settle_in_ten_working_days_loses_the_complaint() {
    let w = World::new().await;
    let id = w.file(w.complaint(true)).await;
    let order = w.order(&w.consumer, id).await;
    let due = day(&order["odr"]["due_on"]);
    let received = day(&order["received_on"]);
    assert!((due - received).num_days() >= 14, "10 working days");
    let db = w.db();
    assert_eq!(
        weiquan_services::odr::expire_due(&db, due).await.unwrap(),
        0,
        "the last day still belongs to the enterprise"
    );
    let later = due + chrono::Duration::days(1);
    assert_eq!(
        weiquan_services::odr::expire_due(&db, later).await.unwrap(),
        1
    );
    assert_eq!(
        weiquan_services::odr::expire_due(&db, later).await.unwrap(),
        0,
        "once"
    );
    let back = w.order(&w.county, id).await;
    assert_eq!(back["state"], "received");
    assert_eq!(back["odr"]["outcome"], "expired");
    let last = back["timeline"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["action"], "return_from_enterprise");
    assert_eq!(last["actor_kind"], "scheduler");
    assert_eq!(last["public"], true);
    // The consumer is told (an SMS in the outbox for each public step).
    let mut conn = w.app.database.connect();
    #[derive(diesel::QueryableByName)]
    struct N {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let n: N = diesel::RunQueryDsl::get_result(
        diesel::sql_query("SELECT count(*) AS n FROM outbox WHERE template = 'order_progress'"),
        &mut conn,
    )
    .unwrap();
    assert_eq!(n.n, 2, "intake and the return");
    // Statistics count it against the enterprise.
    let (status, stats) = w
        .call(
            Method::GET,
            &format!(
                "/api/v1/organisations/{}/odr-stats?from={received}&to={received}",
                w.enterprise_id
            ),
            &w.city,
            None,
            None,
        )
        .await;
    assert_eq!(status, 200, "{stats}");
    assert_eq!(stats["expired"], 1);
    assert_eq!(stats["settlement_rate"], 0.0);
    assert!(stats["avg_first_answer_hours"].is_null());
}

#[actix_web::test]
async fn a_bureau_dispatches_a_complaint_and_may_pull_it_back() {
    let w = World::new().await;
    let id = w.file(w.complaint(false)).await;
    assert!(w.inbox(&w.enterprise, w.enterprise_id).await.contains(&id));
    assert!(
        actions(&w.order(&w.enterprise, id).await).is_empty(),
        "with the bureau: nothing to propose"
    );
    let (status, body) = w
        .act(&w.county, id, json!({"action": "dispatch_to_enterprise"}))
        .await;
    assert_eq!(status, 200, "{body}");
    let seen = w.order(&w.enterprise, id).await;
    assert_eq!(seen["state"], "with_enterprise");
    assert!(seen["odr"]["dispatched_on"].is_string());
    let (status, body) = w
        .act(&w.county, id, json!({"action": "return_from_enterprise"}))
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(w.order(&w.county, id).await["odr"]["outcome"], "recalled");
}

#[actix_web::test]
async fn the_bureau_above_supervises_the_enterprise_and_others_find_nothing() {
    let w = World::new().await;
    let id = w.file(w.complaint(true)).await;
    // The city above the enterprise: its inbox and the order with everything.
    assert_eq!(w.inbox(&w.city, w.enterprise_id).await, [id]);
    let seen = w.order(&w.city, id).await;
    assert_eq!(seen["view"], "staff");
    assert_eq!(seen["filer"]["phone"], PHONE);
    // Another enterprise and another county: nothing exists.
    for who in [&w.other_enterprise, &w.futian] {
        let (status, _) = w
            .call(
                Method::GET,
                &format!("/api/v1/orders/{id}"),
                who,
                None,
                None,
            )
            .await;
        assert_eq!(status, 404);
        let (status, _) = w
            .call(
                Method::GET,
                &format!("/api/v1/organisations/{}/orders", w.enterprise_id),
                who,
                None,
                None,
            )
            .await;
        assert_eq!(status, 404);
        let (status, _) = w
            .call(
                Method::GET,
                &format!(
                    "/api/v1/organisations/{}/odr-stats?from=2026-01-01&to=2026-12-31",
                    w.enterprise_id
                ),
                who,
                None,
                None,
            )
            .await;
        assert_eq!(status, 404);
    }
    assert!(
        w.inbox(&w.other_enterprise, w.other_enterprise_id)
            .await
            .is_empty()
    );
    let (status, _) = w
        .call(
            Method::POST,
            &format!("/api/v1/orders/{id}/actions"),
            &w.other_enterprise,
            Some(json!({"action": "propose_settlement", "remedy": "other", "terms": "x"})),
            Some(1),
        )
        .await;
    assert_eq!(status, 404);
    let (status, problem) = w
        .call(
            Method::GET,
            &format!(
                "/api/v1/organisations/{}/odr-stats?from=2026-12-31&to=2026-01-01",
                w.enterprise_id
            ),
            &w.enterprise,
            None,
            None,
        )
        .await;
    assert_eq!(status, 422, "{problem}");
}

#[actix_web::test]
async fn a_report_about_the_enterprise_is_never_visible_to_it() {
    let w = World::new().await;
    let mut both = w.complaint(true);
    both["both"] = json!(true);
    let (status, receipt) = w
        .call(
            Method::POST,
            "/api/v1/orders",
            &w.consumer,
            Some(both),
            None,
        )
        .await;
    assert_eq!(status, 201, "{receipt}");
    let complaint = receipt["orders"][0]["id"].as_i64().unwrap();
    let report = receipt["orders"][1]["id"].as_i64().unwrap();
    assert_eq!(w.inbox(&w.enterprise, w.enterprise_id).await, [complaint]);
    let (status, _) = w
        .call(
            Method::GET,
            &format!("/api/v1/orders/{report}"),
            &w.enterprise,
            None,
            None,
        )
        .await;
    assert_eq!(status, 404);
    assert!(
        w.order(&w.enterprise, complaint).await["linked_order_id"].is_null(),
        "not even a link to the report"
    );
    let token = w.client_token(&["orders:read"]).await;
    let (status, _) = w
        .bearer(
            Method::GET,
            &format!("/api/v1/orders/{report}"),
            &token,
            None,
            None,
        )
        .await;
    assert_eq!(status, 404);
}

#[actix_web::test]
async fn bearer_clients_read_with_orders_read_and_act_with_orders_write() {
    let w = World::new().await;
    let id = w.file(w.complaint(true)).await;
    let reader = w.client_token(&["orders:read"]).await;
    let writer = w.client_token(&["orders:read", "orders:write"]).await;
    let inbox = format!("/api/v1/organisations/{}/orders", w.enterprise_id);
    for token in [&reader, &writer] {
        let (status, page) = w.bearer(Method::GET, &inbox, token, None, None).await;
        assert_eq!(status, 200, "{page}");
        assert_eq!(page["items"][0]["id"], id);
        let (status, counts) = w
            .bearer(Method::GET, &format!("{inbox}/counts"), token, None, None)
            .await;
        assert_eq!(status, 200, "{counts}");
        assert_eq!(counts["total"], 1);
    }
    // Another organisation's inbox does not exist for a client.
    let (status, _) = w
        .bearer(
            Method::GET,
            &format!("/api/v1/organisations/{}/orders", w.nanshan),
            &reader,
            None,
            None,
        )
        .await;
    assert_eq!(status, 404);
    let (status, order) = w
        .bearer(
            Method::GET,
            &format!("/api/v1/orders/{id}"),
            &reader,
            None,
            None,
        )
        .await;
    assert_eq!(status, 200, "{order}");
    assert_eq!(order["view"], "enterprise");
    assert!(!order.to_string().contains(PHONE));
    assert!(actions(&order).is_empty(), "a reader is offered nothing");
    let version = order["version"].as_i64().unwrap();
    let propose = json!({"action": "propose_settlement", "remedy": "compensation",
                         "amount_fen": 30_000, "terms": "赔偿 300 元。"});
    let path = format!("/api/v1/orders/{id}/actions");
    let (status, problem) = w
        .bearer(
            Method::POST,
            &path,
            &reader,
            Some(propose.clone()),
            Some(version),
        )
        .await;
    assert_eq!(status, 403, "{problem}");
    assert_eq!(problem["code"], "insufficient_scope");
    let (status, order) = w
        .bearer(
            Method::GET,
            &format!("/api/v1/orders/{id}"),
            &writer,
            None,
            None,
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(actions(&order), ["propose_settlement"]);
    let (status, body) = w
        .bearer(Method::POST, &path, &writer, Some(propose), Some(version))
        .await;
    assert_eq!(status, 200, "{body}");
    let mine = w.order(&w.consumer, id).await;
    assert_eq!(mine["odr"]["proposal"]["amount_fen"], 30_000);
    assert_eq!(mine["odr"]["proposal"]["remedy"], "compensation");
}

#[actix_web::test]
async fn an_association_lists_the_orders_delegated_to_it() {
    let w = World::new().await;
    let id = w.file(w.complaint(false)).await;
    assert!(w.inbox(&w.association, w.association_id).await.is_empty());
    for body in [
        json!({"action": "accept"}),
        json!({"action": "record_consent", "party": "consumer", "consents": true}),
        json!({"action": "record_consent", "party": "business", "consents": true}),
        json!({"action": "delegate", "association_id": w.association_id}),
    ] {
        let (status, answer) = w.act(&w.county, id, body.clone()).await;
        assert_eq!(status, 200, "{body}: {answer}");
    }
    assert_eq!(w.inbox(&w.association, w.association_id).await, [id]);
    let (status, counts) = w
        .call(
            Method::GET,
            &format!("/api/v1/organisations/{}/orders/counts", w.association_id),
            &w.association,
            None,
            None,
        )
        .await;
    assert_eq!(status, 200, "{counts}");
    assert_eq!(counts["by_state"]["mediating"], 1);
    // The city above the association reads the same list; the enterprise never does.
    assert_eq!(w.inbox(&w.city, w.association_id).await, [id]);
    let (status, _) = w
        .call(
            Method::GET,
            &format!("/api/v1/organisations/{}/orders", w.association_id),
            &w.enterprise,
            None,
            None,
        )
        .await;
    assert_eq!(status, 404);
}
