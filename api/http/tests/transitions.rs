//! Every action of the work-order life cycle, through the HTTP API with the real services:
//! each of the 30 `CommandKind`s is taken at least once by the actor the rules name, on an
//! order brought to the state it needs, and the order's state, holder or outcome afterwards
//! is checked through `GET /api/v1/orders/{id}`. (Who may not act, and in which states, is
//! tested exhaustively in the domain crate; conflicts and refusals in `orders.rs`.)

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use std::collections::BTreeSet;

use diesel::prelude::*;
use reqwest::Method;
use serde_json::{Value, json};
use weiquan_domain::access::{OrgId, Role};
use weiquan_test_support::{SignedIn, TestApp};

async fn call(
    app: &TestApp,
    method: Method,
    path: &str,
    who: &SignedIn,
    body: Option<&Value>,
    headers: &[(&str, &str)],
) -> (u16, Value) {
    let mut request = app.request(method, path, Some(who));
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

fn insert_org(app: &TestApp, parent: OrgId, kind: &str, name: &str, credit: Option<&str>) -> i64 {
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
    id.id
}

struct World {
    app: TestApp,
    consumer: SignedIn,
    handler: SignedIn,
    reviewer: SignedIn,
    futian: SignedIn,
    shenzhen_reviewer: SignedIn,
    association: SignedIn,
    enterprise: SignedIn,
    handler_id: i64,
    station_id: i64,
    association_id: i64,
    futian_id: i64,
    shenzhen_id: i64,
    nanshan_id: i64,
    /// Every action that answered 200.
    taken: BTreeSet<String>,
}

/// The ODR enterprise's unified social credit code (its check character computed).
fn enterprise() -> String {
    weiquan_domain::CreditCode::complete("91440305MA5000301")
        .unwrap()
        .as_str()
        .to_owned()
}

impl World {
    async fn new() -> Self {
        let app = TestApp::spawn().await;
        let nanshan = app.bureau(Some("440305"));
        let futian = app.bureau(Some("440304"));
        let shenzhen = app.bureau(Some("440300"));
        let station_id = insert_org(&app, nanshan, "station", "南山区某市场监管所", None);
        let association_id = insert_org(&app, shenzhen, "association", "某消费者委员会", None);
        let enterprise_id = insert_org(
            &app,
            nanshan,
            "enterprise",
            "深圳某电商有限公司",
            Some(&enterprise()),
        );
        let enterprise_handler = app
            .sign_in(
                app.create_member(OrgId(enterprise_id), "t.ent", &[Role::Handler]),
                false,
            )
            .await;
        let handler_user = app.create_member(nanshan, "t.handler", &[Role::Handler]);
        let handler = app.sign_in(handler_user, false).await;
        let reviewer = app
            .sign_in(
                app.create_member(nanshan, "t.reviewer", &[Role::Reviewer]),
                false,
            )
            .await;
        let futian_handler = app
            .sign_in(
                app.create_member(futian, "t.futian", &[Role::Handler]),
                false,
            )
            .await;
        let shenzhen_reviewer = app
            .sign_in(
                app.create_member(shenzhen, "t.sz", &[Role::Reviewer]),
                false,
            )
            .await;
        let association = app
            .sign_in(
                app.create_member(OrgId(association_id), "t.assoc", &[Role::Handler]),
                false,
            )
            .await;
        let consumer = app.sign_in(app.create_consumer("13700000301"), false).await;
        Self {
            consumer,
            handler,
            reviewer,
            futian: futian_handler,
            shenzhen_reviewer,
            association,
            enterprise: enterprise_handler,
            handler_id: handler_user.0,
            station_id,
            association_id,
            futian_id: futian.0,
            shenzhen_id: shenzhen.0,
            nanshan_id: nanshan.0,
            taken: BTreeSet::new(),
            app,
        }
    }

    async fn file(&self, body: Value) -> i64 {
        let (status, receipt) = call(
            &self.app,
            Method::POST,
            "/api/v1/orders",
            &self.consumer,
            Some(&body),
            &[],
        )
        .await;
        assert_eq!(status, 201, "{receipt}");
        receipt["orders"][0]["id"].as_i64().unwrap()
    }

    async fn view(&self, who: &SignedIn, id: i64) -> Value {
        let (status, order) = call(
            &self.app,
            Method::GET,
            &format!("/api/v1/orders/{id}"),
            who,
            None,
            &[],
        )
        .await;
        assert_eq!(status, 200, "{order}");
        order
    }

    /// Takes `body.action` as `who`, checking first that the API offers it to them, and
    /// answers the order afterwards (as `who` sees it, or as the nanshan reviewer when `who`
    /// no longer sees it).
    async fn act(&mut self, who: Who, id: i64, body: Value) -> Value {
        let action = body["action"].as_str().unwrap().to_owned();
        let signed = self.who(who);
        let before = self.view(signed, id).await;
        assert!(
            before["available_actions"]
                .as_array()
                .unwrap()
                .contains(&json!(action)),
            "{action} not offered to {who:?}: {before}"
        );
        let tag = format!("\"{}\"", before["version"]);
        let (status, answer) = call(
            &self.app,
            Method::POST,
            &format!("/api/v1/orders/{id}/actions"),
            signed,
            Some(&body),
            &[("If-Match", &tag)],
        )
        .await;
        assert_eq!(status, 200, "{action} by {who:?}: {answer}");
        assert_eq!(answer["version"], before["version"].as_i64().unwrap() + 1);
        let (status, after) = call(
            &self.app,
            Method::GET,
            &format!("/api/v1/orders/{id}"),
            signed,
            None,
            &[],
        )
        .await;
        let after = if status == 200 {
            after
        } else {
            self.view(&self.shenzhen_reviewer, id).await
        };
        self.taken.insert(action);
        after
    }

    fn who(&self, who: Who) -> &SignedIn {
        match who {
            Who::Consumer => &self.consumer,
            Who::Handler => &self.handler,
            Who::Reviewer => &self.reviewer,
            Who::Futian => &self.futian,
            Who::ShenzhenReviewer => &self.shenzhen_reviewer,
            Who::Association => &self.association,
            Who::Enterprise => &self.enterprise,
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Who {
    Consumer,
    Handler,
    Reviewer,
    Futian,
    ShenzhenReviewer,
    Association,
    Enterprise,
}

fn complaint(credit: Option<&str>, enterprise_first: bool) -> Value {
    json!({
        "kind": "complaint",
        "business": {"name": "深圳某商户", "division": "440305", "credit_code": credit},
        "item": "空调", "amount_fen": 329_900, "request": "退货退款",
        "facts": "空调不制冷，商家拒绝退换。",
        "subject_category": "G0101", "problem_type": "P01",
        "enterprise_first": enterprise_first,
    })
}

fn report() -> Value {
    json!({
        "kind": "report", "conduct_division": "440305",
        "business": {"name": "某无证作坊"}, "facts": "无证生产食品。", "problem_type": "P02",
    })
}

#[actix_web::test]
async fn every_action_of_the_life_cycle_works_through_the_api() {
    use Who::*;
    let mut w = World::new().await;

    // A complaint mediated to an agreement: accept, a handler, both consents, a pause
    // for testing and its end, settle, rate, archive.
    let a = w.file(complaint(None, false)).await;
    let o = w.act(Handler, a, json!({"action": "accept"})).await;
    assert_eq!(o["state"], "accepted");
    let o = w
        .act(
            Handler,
            a,
            json!({"action": "assign_handler", "handler_id": w.handler_id}),
        )
        .await;
    assert_eq!(o["handler_id"], w.handler_id);
    w.act(
        Consumer,
        a,
        json!({"action": "record_consent", "party": "consumer", "consents": true}),
    )
    .await;
    let o = w
        .act(
            Handler,
            a,
            json!({"action": "record_consent", "party": "business", "consents": true}),
        )
        .await;
    assert_eq!(o["state"], "mediating");
    let o = w
        .act(Handler, a, json!({"action": "pause_for_testing"}))
        .await;
    assert!(
        o["deadlines"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["stopped"] == true),
        "{o}"
    );
    w.act(Handler, a, json!({"action": "resume_after_testing"}))
        .await;
    let o = w
        .act(
            Handler,
            a,
            json!({"action": "settle", "recovered_fen": 128_000}),
        )
        .await;
    assert_eq!(o["state"], "concluded");
    assert_eq!(o["conclusion"]["recovered_fen"], 128_000);
    let o = w
        .act(Consumer, a, json!({"action": "rate", "score": 5}))
        .await;
    assert_eq!(o["rating"], 5);
    let o = w.act(Reviewer, a, json!({"action": "archive"})).await;
    assert_eq!(o["state"], "archived");

    // Delegated to a consumer association, which ends the mediation (Art. 23).
    let b = w.file(complaint(None, false)).await;
    w.act(Handler, b, json!({"action": "accept"})).await;
    for party in ["consumer", "business"] {
        w.act(
            Handler,
            b,
            json!({"action": "record_consent", "party": party, "consents": true}),
        )
        .await;
    }
    w.act(
        Handler,
        b,
        json!({"action": "delegate", "association_id": w.association_id}),
    )
    .await;
    let o = w
        .act(
            Association,
            b,
            json!({"action": "terminate", "termination_reason": "no_agreement_possible"}),
        )
        .await;
    assert_eq!(o["state"], "concluded");
    assert_eq!(o["conclusion"]["outcome"], "terminated");

    // A violation clue: flagged, its check extended by the leader, decided; then withdrawn.
    let c = w.file(complaint(None, false)).await;
    w.act(Handler, c, json!({"action": "flag_clue"})).await;
    w.act(Reviewer, c, json!({"action": "extend_clue_check"}))
        .await;
    w.act(
        Handler,
        c,
        json!({"action": "decide_clue", "decision": "case_opened"}),
    )
    .await;
    let o = w.act(Consumer, c, json!({"action": "withdraw"})).await;
    assert_eq!(o["conclusion"]["outcome"], "withdrawn");

    // Transferred, returned; referred up and declined; referred again and taken over.
    let d = w.file(complaint(None, false)).await;
    let o = w
        .act(
            Handler,
            d,
            json!({"action": "transfer", "to_id": w.futian_id, "reason": "经营者在福田区"}),
        )
        .await;
    assert_eq!(o["holder_org_id"], w.futian_id);
    let o = w
        .act(Futian, d, json!({"action": "return_to_sender"}))
        .await;
    assert_eq!(o["holder_org_id"], w.nanshan_id);
    w.act(
        Handler,
        d,
        json!({"action": "refer_up", "to_id": w.shenzhen_id}),
    )
    .await;
    w.act(ShenzhenReviewer, d, json!({"action": "decline_referral"}))
        .await;
    w.act(
        Handler,
        d,
        json!({"action": "refer_up", "to_id": w.shenzhen_id}),
    )
    .await;
    let o = w
        .act(ShenzhenReviewer, d, json!({"action": "take_over"}))
        .await;
    assert_eq!(o["holder_org_id"], w.shenzhen_id);

    // An approved ODR enterprise: dispatched and returned (then sent to a station); sent first
    // and settled there.
    let e = w.file(complaint(Some(&enterprise()), false)).await;
    let o = w
        .act(Handler, e, json!({"action": "dispatch_to_enterprise"}))
        .await;
    assert_eq!(o["state"], "with_enterprise");
    let o = w
        .act(Consumer, e, json!({"action": "return_from_enterprise"}))
        .await;
    assert_eq!(o["state"], "received");
    // The county assigns it to one of its stations, which holds it from then on.
    let o = w
        .act(
            Handler,
            e,
            json!({"action": "assign_station", "station_id": w.station_id}),
        )
        .await;
    assert_eq!(o["holder_org_id"], w.station_id);
    let f = w.file(complaint(Some(&enterprise()), true)).await;
    assert_eq!(w.view(&w.consumer, f).await["state"], "with_enterprise");
    w.act(
        Enterprise,
        f,
        json!({"action": "propose_settlement", "remedy": "refund", "amount_fen": 50_000,
               "terms": "全额退款，三个工作日内原路退回。"}),
    )
    .await;
    let o = w
        .act(
            Consumer,
            f,
            json!({"action": "accept_enterprise_settlement"}),
        )
        .await;
    assert_eq!(o["state"], "concluded");
    assert_eq!(o["conclusion"]["recovered_fen"], 50_000);
    assert_eq!(o["odr"]["outcome"], "settled");
    // Another sent first: the consumer rejects the proposal, and the county has it back.
    let r = w.file(complaint(Some(&enterprise()), true)).await;
    w.act(
        Enterprise,
        r,
        json!({"action": "propose_settlement", "remedy": "repair", "terms": "免费上门维修。"}),
    )
    .await;
    let o = w
        .act(
            Consumer,
            r,
            json!({"action": "reject_settlement", "reason": "要求退货退款，不接受维修。"}),
        )
        .await;
    assert_eq!(o["state"], "received");
    assert_eq!(o["holder_org_id"], w.nanshan_id);
    assert_eq!(o["odr"]["outcome"], "rejected");

    // Reports: accepted, the check extended, new facts merged, decided; another not accepted.
    let g = w.file(report()).await;
    let o = w.act(Handler, g, json!({"action": "accept"})).await;
    assert_eq!(o["state"], "checking");
    w.act(Reviewer, g, json!({"action": "extend_check"})).await;
    w.act(Handler, g, json!({"action": "merge_new_facts"}))
        .await;
    let o = w
        .act(
            Handler,
            g,
            json!({"action": "decide_report", "decision": "no_case"}),
        )
        .await;
    assert_eq!(o["state"], "concluded");
    let h = w.file(report()).await;
    let o = w
        .act(
            Handler,
            h,
            json!({"action": "not_accept", "ground": "outside_remit"}),
        )
        .await;
    assert_eq!(o["state"], "concluded");

    // A suggestion is answered.
    let i = w
        .file(json!({"kind": "suggestion", "business": {"name": "南山某商场", "division": "440305"}, "facts": "建议在商场增设投诉指引牌。"}))
        .await;
    let o = w.act(Handler, i, json!({"action": "answer"})).await;
    assert_eq!(o["state"], "concluded");

    // Every one of the life cycle's actions was taken through the API.
    let all: BTreeSet<String> = [
        "accept",
        "not_accept",
        "assign_station",
        "assign_handler",
        "transfer",
        "return_to_sender",
        "refer_up",
        "take_over",
        "decline_referral",
        "dispatch_to_enterprise",
        "propose_settlement",
        "accept_enterprise_settlement",
        "reject_settlement",
        "return_from_enterprise",
        "record_consent",
        "delegate",
        "pause_for_testing",
        "resume_after_testing",
        "settle",
        "terminate",
        "flag_clue",
        "extend_clue_check",
        "decide_clue",
        "extend_check",
        "decide_report",
        "merge_new_facts",
        "answer",
        "withdraw",
        "archive",
        "rate",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    assert_eq!(all.len(), weiquan_domain::workflow::CommandKind::ALL.len());
    assert_eq!(w.taken, all);
}
