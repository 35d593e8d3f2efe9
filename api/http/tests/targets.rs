//! `GET /api/v1/orders/{id}/targets`: what an action may name, for a caller about to take it,
//! and that what it lists is what `POST /orders/{id}/actions` accepts.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

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
) -> (u16, Value) {
    let mut request = app.request(method, path, Some(who));
    if let Some(body) = body {
        request = request.json(body);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

fn insert_org(app: &TestApp, parent: OrgId, kind: &str, name: &str) -> i64 {
    #[derive(diesel::QueryableByName)]
    struct Id {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        id: i64,
    }
    let mut conn = app.database.connect();
    let id: Id = diesel::sql_query(
        "WITH new AS (SELECT nextval(pg_get_serial_sequence('organisations', 'id')) AS id) \
         INSERT INTO organisations (id, kind, name, parent_id, path, division_code) \
         SELECT new.id, $1, $2, p.id, p.path || new.id || '/', p.division_code \
         FROM new, organisations p WHERE p.id = $3 RETURNING id",
    )
    .bind::<diesel::sql_types::Text, _>(kind)
    .bind::<diesel::sql_types::Text, _>(name)
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
    futian_handler: SignedIn,
    station_handler: SignedIn,
    handler_id: i64,
    reviewer_id: i64,
    analyst_id: i64,
    nanshan: i64,
    futian: i64,
    shenzhen: i64,
    station: i64,
    szcc: i64,
    nanshan_cc: i64,
    guangzhou_cc: i64,
}

impl World {
    async fn new() -> Self {
        let app = TestApp::spawn().await;
        let nanshan = app.bureau(Some("440305"));
        let futian = app.bureau(Some("440304"));
        let shenzhen = app.bureau(Some("440300"));
        let guangzhou = app.bureau(Some("440100"));
        let station = insert_org(&app, nanshan, "station", "南山区市场监督管理局蛇口所");
        let szcc = insert_org(&app, shenzhen, "association", "深圳市消费者委员会");
        let nanshan_cc = insert_org(&app, nanshan, "association", "南山区消费者委员会");
        let guangzhou_cc = insert_org(&app, guangzhou, "association", "广州市消费者委员会");
        insert_org(&app, futian, "station", "福田区市场监督管理局园岭所");
        let handler_id = app.create_member(nanshan, "tg.handler", &[Role::Handler]);
        let reviewer_id = app.create_member(nanshan, "tg.reviewer", &[Role::Reviewer]);
        let analyst_id = app.create_member(nanshan, "tg.analyst", &[Role::Analyst]);
        let disabled = app.create_member(nanshan, "tg.disabled", &[Role::Handler]);
        app.execute(&format!(
            "UPDATE users SET status = 'disabled' WHERE id = {}",
            disabled.0
        ));
        let station_user = app.create_member(OrgId(station), "tg.station", &[Role::Handler]);
        let futian_user = app.create_member(futian, "tg.futian", &[Role::Handler]);
        Self {
            consumer: app.sign_in(app.create_consumer("13700000501"), false).await,
            handler: app.sign_in(handler_id, false).await,
            reviewer: app.sign_in(reviewer_id, false).await,
            futian_handler: app.sign_in(futian_user, false).await,
            station_handler: app.sign_in(station_user, false).await,
            handler_id: handler_id.0,
            reviewer_id: reviewer_id.0,
            analyst_id: analyst_id.0,
            nanshan: nanshan.0,
            futian: futian.0,
            shenzhen: shenzhen.0,
            station,
            szcc,
            nanshan_cc,
            guangzhou_cc,
            app,
        }
    }

    async fn file(&self) -> i64 {
        let body = json!({
            "kind": "complaint",
            "business": {"name": "深圳某商户", "division": "440305"},
            "item": "空调", "amount_fen": 329_900, "request": "退货退款",
            "facts": "空调不制冷，商家拒绝退换。",
            "subject_category": "G0101", "problem_type": "P01",
        });
        let (status, receipt) = call(
            &self.app,
            Method::POST,
            "/api/v1/orders",
            &self.consumer,
            Some(&body),
        )
        .await;
        assert_eq!(status, 201, "{receipt}");
        receipt["orders"][0]["id"].as_i64().unwrap()
    }

    async fn targets(&self, who: &SignedIn, id: i64, query: &str) -> (u16, Value) {
        call(
            &self.app,
            Method::GET,
            &format!("/api/v1/orders/{id}/targets?{query}"),
            who,
            None,
        )
        .await
    }

    async fn ids(&self, who: &SignedIn, id: i64, query: &str) -> Vec<i64> {
        let (status, body) = self.targets(who, id, query).await;
        assert_eq!(status, 200, "{query}: {body}");
        body["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["id"].as_i64().unwrap())
            .collect()
    }

    async fn act(&self, who: &SignedIn, id: i64, body: Value) -> Value {
        let (status, order) = call(
            &self.app,
            Method::GET,
            &format!("/api/v1/orders/{id}"),
            who,
            None,
        )
        .await;
        assert_eq!(status, 200, "{order}");
        let response = self
            .app
            .request(
                Method::POST,
                &format!("/api/v1/orders/{id}/actions"),
                Some(who),
            )
            .header("If-Match", format!("\"{}\"", order["version"]))
            .json(&body)
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        let answer: Value = response.json().await.unwrap();
        assert_eq!(status, 200, "{body}: {answer}");
        answer
    }

    async fn holder(&self, id: i64) -> i64 {
        let (status, order) = call(
            &self.app,
            Method::GET,
            &format!("/api/v1/orders/{id}"),
            &self.reviewer,
            None,
        )
        .await;
        if status == 200 {
            return order["holder_org_id"].as_i64().unwrap();
        }
        let (_, order) = call(
            &self.app,
            Method::GET,
            &format!("/api/v1/orders/{id}"),
            &self.futian_handler,
            None,
        )
        .await;
        order["holder_org_id"].as_i64().unwrap()
    }
}

#[actix_web::test]
async fn a_nanshan_handler_finds_the_futian_bureau_by_name_or_code_and_transfers_the_order() {
    let w = World::new().await;
    let id = w.file().await;

    let (status, body) = w.targets(&w.handler, id, "action=transfer&q=福田").await;
    assert_eq!(status, 200, "{body}");
    let items = body["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{body}");
    assert_eq!(items[0]["id"], w.futian);
    assert_eq!(items[0]["name"], "深圳市福田区市场监督管理局");
    assert_eq!(items[0]["kind"], "bureau");
    assert_eq!(items[0]["bureau_level"], "county");
    assert_eq!(items[0]["division_code"], "440304");

    // A division code prefix finds the city and its districts, never the holder itself.
    let by_code = w
        .ids(&w.handler, id, "action=transfer&q=4403&limit=100")
        .await;
    assert!(by_code.contains(&w.futian) && by_code.contains(&w.shenzhen));
    assert!(!by_code.contains(&w.nanshan));
    assert!(
        !by_code.contains(&w.station),
        "stations are not transfer targets"
    );

    // Without a search text: the holder's sibling districts come first, `limit` is kept.
    let first = w.ids(&w.handler, id, "action=transfer&limit=5").await;
    assert_eq!(first.len(), 5);
    assert!(first.contains(&w.futian), "{first:?}");
    assert!(!first.contains(&w.nanshan));
    // Another province's bureau is a target too (any level, anywhere).
    assert_eq!(
        w.ids(&w.handler, id, "action=transfer&q=110101")
            .await
            .len(),
        1
    );
    assert!(
        w.ids(&w.handler, id, "action=transfer&q=没有这个局")
            .await
            .is_empty()
    );

    w.act(
        &w.handler,
        id,
        json!({"action": "transfer", "to_id": w.futian, "reason": "经营者在福田区"}),
    )
    .await;
    assert_eq!(w.holder(id).await, w.futian);
    // The order left 南山区: its handler no longer sees it.
    let (status, _) = w.targets(&w.handler, id, "action=transfer").await;
    assert_eq!(status, 404);
}

#[actix_web::test]
async fn delegation_lists_the_associations_of_the_area_and_one_of_them_takes_the_mediation() {
    let w = World::new().await;
    let id = w.file().await;
    // Not before both parties consented (Art. 19).
    let (status, body) = w.targets(&w.handler, id, "action=delegate").await;
    assert_eq!(status, 409, "{body}");
    assert_eq!(body["code"], "conflict");
    w.act(&w.handler, id, json!({"action": "accept"})).await;
    for party in ["consumer", "business"] {
        w.act(
            &w.handler,
            id,
            json!({"action": "record_consent", "party": party, "consents": true}),
        )
        .await;
    }
    let listed = w.ids(&w.handler, id, "action=delegate").await;
    assert!(listed.contains(&w.szcc), "{listed:?}");
    assert!(listed.contains(&w.nanshan_cc), "{listed:?}");
    assert!(!listed.contains(&w.guangzhou_cc), "{listed:?}");
    // The nearest first.
    assert_eq!(listed.first(), Some(&w.nanshan_cc));
    let (_, body) = w.targets(&w.handler, id, "action=delegate&q=深圳").await;
    assert_eq!(body["items"].as_array().unwrap().len(), 1, "{body}");
    assert_eq!(body["items"][0]["name"], "深圳市消费者委员会");
    assert_eq!(body["items"][0]["kind"], "association");

    w.act(
        &w.handler,
        id,
        json!({"action": "delegate", "association_id": w.szcc}),
    )
    .await;
    // Already delegated: nothing more to delegate.
    let (status, _) = w.targets(&w.handler, id, "action=delegate").await;
    assert_eq!(status, 409);
}

#[actix_web::test]
async fn a_station_handler_cannot_pass_on_an_order_its_county_assigned_to_it() {
    let w = World::new().await;
    let id = w.file().await;
    assert_eq!(
        w.ids(&w.handler, id, "action=assign_station").await,
        [w.station]
    );
    w.act(
        &w.handler,
        id,
        json!({"action": "assign_station", "station_id": w.station}),
    )
    .await;
    assert_eq!(w.holder(id).await, w.station);
    // Art. 41: the station handles it or returns it; it may not transfer it by itself.
    let (status, body) = w
        .targets(&w.station_handler, id, "action=transfer&q=福田")
        .await;
    assert_eq!(status, 409, "{body}");
    assert_eq!(body["code"], "conflict");
    let (status, _) = w
        .targets(&w.station_handler, id, "action=assign_station")
        .await;
    assert_eq!(status, 409);
    // It may name its own handler, and refer up to its county.
    assert_eq!(
        w.ids(&w.station_handler, id, "action=refer_up").await,
        [w.nanshan]
    );
}

#[actix_web::test]
async fn the_bureau_above_and_the_handlers_of_the_unit_are_listed_as_the_rules_allow() {
    let w = World::new().await;
    let id = w.file().await;
    assert_eq!(w.ids(&w.handler, id, "action=refer_up").await, [w.shenzhen]);
    assert!(
        w.ids(&w.handler, id, "action=refer_up&q=福田")
            .await
            .is_empty()
    );

    // A handler may only take the order themselves.
    let (_, body) = w.targets(&w.handler, id, "action=assign_handler").await;
    assert_eq!(body["items"].as_array().unwrap().len(), 1, "{body}");
    assert_eq!(body["items"][0]["id"], w.handler_id);
    assert_eq!(body["items"][0]["kind"], "member");
    assert_eq!(body["items"][0]["roles"], json!(["handler"]));
    // A reviewer names any handler or reviewer of the unit; never an analyst or a disabled
    // account, and the API refuses those too.
    let mut named = w.ids(&w.reviewer, id, "action=assign_handler").await;
    named.sort_unstable();
    let mut want = vec![w.handler_id, w.reviewer_id];
    want.sort_unstable();
    assert_eq!(named, want);
    assert_eq!(
        w.ids(&w.reviewer, id, "action=assign_handler&q=tg.rev")
            .await,
        [w.reviewer_id]
    );
    let (status, order) = call(
        &w.app,
        Method::GET,
        &format!("/api/v1/orders/{id}"),
        &w.reviewer,
        None,
    )
    .await;
    assert_eq!(status, 200);
    let response = w
        .app
        .request(
            Method::POST,
            &format!("/api/v1/orders/{id}/actions"),
            Some(&w.reviewer),
        )
        .header("If-Match", format!("\"{}\"", order["version"]))
        .json(&json!({"action": "assign_handler", "handler_id": w.analyst_id}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 422);
    let problem: Value = response.json().await.unwrap();
    assert_eq!(problem["errors"][0]["field"], "handler", "{problem}");
    w.act(
        &w.reviewer,
        id,
        json!({"action": "assign_handler", "handler_id": w.handler_id}),
    )
    .await;
}

#[actix_web::test]
async fn only_callers_who_may_take_the_action_get_a_list() {
    let w = World::new().await;
    let id = w.file().await;
    // The filer sees the order but may not transfer it.
    let (status, body) = w.targets(&w.consumer, id, "action=transfer").await;
    assert_eq!((status, body["code"].as_str()), (403, Some("forbidden")));
    // Another county does not see it at all.
    let (status, body) = w.targets(&w.futian_handler, id, "action=transfer").await;
    assert_eq!((status, body["code"].as_str()), (404, Some("not_found")));
    let (status, _) = w.targets(&w.handler, 999_999_999, "action=transfer").await;
    assert_eq!(status, 404);
    // Actions that name nothing, unknown actions and bad limits are 422 naming the field.
    for (query, field) in [
        ("action=accept", "action"),
        ("action=fly", "action"),
        ("action=transfer&limit=0", "limit"),
        ("action=transfer&limit=101", "limit"),
    ] {
        let (status, body) = w.targets(&w.handler, id, query).await;
        assert_eq!(status, 422, "{query}: {body}");
        assert_eq!(body["errors"][0]["field"], field, "{query}: {body}");
    }
    // Wildcards are searched for literally.
    assert!(
        w.ids(&w.handler, id, "action=transfer&q=%25")
            .await
            .is_empty()
    );
    // A refused look is audited like a refused action.
    let mut conn = w.app.database.connect();
    let denied: i64 = weiquan_db::schema::audit_log::table
        .filter(weiquan_db::schema::audit_log::action.eq("access_denied"))
        .filter(weiquan_db::schema::audit_log::subject.eq(format!("order:{id}")))
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert!(denied >= 2, "{denied}");
}
