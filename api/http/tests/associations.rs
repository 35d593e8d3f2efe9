//! Consumer associations 消协: a city or county bureau's administrator creates the association
//! of the bureau's area (`POST /organisations/{id}/associations`), invites its staff, and the
//! bureaus below may then delegate mediation to it.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use reqwest::Method;
use serde_json::{Value, json};
use weiquan_domain::access::{OrgId, Role};
use weiquan_test_support::{SignedIn, TestApp};

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

fn path(org: OrgId) -> String {
    format!("/api/v1/organisations/{}/associations", org.0)
}

#[actix_web::test]
async fn a_city_administrator_creates_the_association_of_its_area_and_invites_its_staff() {
    let app = TestApp::spawn().await;
    let shenzhen = app.bureau(Some("440300"));
    let city_admin = admin_of(&app, shenzhen, "as.sz.admin").await;

    let (status, me) = call(&app, Method::GET, "/api/v1/me", Some(&city_admin), None).await;
    assert_eq!(status, 200);
    assert!(
        me["capabilities"]
            .as_array()
            .unwrap()
            .contains(&json!("create_association")),
        "{me}"
    );

    let (status, association) = call(
        &app,
        Method::POST,
        &path(shenzhen),
        Some(&city_admin),
        Some(json!({"name": " 深圳市消费者委员会 ", "name_en": "Shenzhen Consumer Council"})),
    )
    .await;
    assert_eq!(status, 201, "{association}");
    assert_eq!(association["kind"], "association");
    assert_eq!(association["name"], "深圳市消费者委员会");
    assert_eq!(association["name_en"], "Shenzhen Consumer Council");
    assert_eq!(association["parent_id"], shenzhen.0);
    assert_eq!(association["division_code"], "440300");
    assert_eq!(association["status"], "active");
    let id = association["id"].as_i64().unwrap();
    assert_eq!(
        scalar(
            &app,
            &format!(
                "SELECT (path = (SELECT path FROM organisations WHERE id = {}) || id || '/')::text \
                 AS v FROM organisations WHERE id = {id}",
                shenzhen.0
            )
        ),
        "true"
    );
    assert_eq!(
        scalar(
            &app,
            &format!(
                "SELECT detail->>'kind' AS v FROM audit_log WHERE action = 'org_created' \
                 AND subject = 'org:{id}'"
            )
        ),
        "association"
    );

    // It shows in the city's tree, and its staff are invited the ordinary way.
    let (status, children) = call(
        &app,
        Method::GET,
        &format!("/api/v1/organisations/{}/children", shenzhen.0),
        Some(&city_admin),
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert!(
        children["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["id"] == id && c["kind"] == "association")
    );
    let (status, invitation) = call(
        &app,
        Method::POST,
        &format!("/api/v1/organisations/{id}/invitations"),
        Some(&city_admin),
        Some(json!({
            "username": "szcc.mediator",
            "display_name": "消委会调解员",
            "email": "mediator@szcc.example.cn",
            "roles": ["handler"],
        })),
    )
    .await;
    assert_eq!(status, 201, "{invitation}");
    assert_eq!(invitation["organisation_name"], "深圳市消费者委员会");

    // The same name again is a conflict; names are checked.
    let (status, body) = call(
        &app,
        Method::POST,
        &path(shenzhen),
        Some(&city_admin),
        Some(json!({"name": "深圳市消费者委员会"})),
    )
    .await;
    assert_eq!((status, body["code"].as_str()), (409, Some("conflict")));
    for bad in [json!({"name": "  "}), json!({"name": "x".repeat(201)})] {
        let (status, body) = call(
            &app,
            Method::POST,
            &path(shenzhen),
            Some(&city_admin),
            Some(bad),
        )
        .await;
        assert_eq!(status, 422, "{body}");
        assert_eq!(body["errors"][0]["field"], "name");
    }
    let (status, _) = call(
        &app,
        Method::POST,
        &path(shenzhen),
        Some(&city_admin),
        Some(json!({"name": "某协会", "division_code": "440305"})),
    )
    .await;
    assert_eq!(status, 422, "unknown fields are refused");
}

#[actix_web::test]
async fn a_county_association_takes_delegated_mediation_of_its_county() {
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let county_admin = admin_of(&app, nanshan, "as.ns.admin").await;
    let (status, association) = call(
        &app,
        Method::POST,
        &path(nanshan),
        Some(&county_admin),
        Some(json!({"name": "南山区消费者委员会"})),
    )
    .await;
    assert_eq!(status, 201, "{association}");
    assert_eq!(association["division_code"], "440305");
    let id = association["id"].as_i64().unwrap();

    // A Nanshan complaint in mediation: the new association is a delegation target and
    // takes the mediation.
    let consumer = app.sign_in(app.create_consumer("13700000601"), false).await;
    let handler = app
        .sign_in(
            app.create_member(nanshan, "as.ns.handler", &[Role::Handler]),
            false,
        )
        .await;
    let (status, receipt) = call(
        &app,
        Method::POST,
        "/api/v1/orders",
        Some(&consumer),
        Some(json!({
            "kind": "complaint",
            "business": {"name": "深圳某商户", "division": "440305"},
            "item": "空调", "request": "退货退款", "facts": "空调不制冷。",
            "subject_category": "G0101", "problem_type": "P01",
        })),
    )
    .await;
    assert_eq!(status, 201, "{receipt}");
    let order = receipt["orders"][0]["id"].as_i64().unwrap();
    let steps = [
        json!({"action": "accept"}),
        json!({"action": "record_consent", "party": "consumer", "consents": true}),
        json!({"action": "record_consent", "party": "business", "consents": true}),
    ];
    for (version, step) in steps.into_iter().enumerate() {
        let response = app
            .request(
                Method::POST,
                &format!("/api/v1/orders/{order}/actions"),
                Some(&handler),
            )
            .header("If-Match", format!("\"{}\"", version + 1))
            .json(&step)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 200, "{step}");
    }
    let (status, targets) = call(
        &app,
        Method::GET,
        &format!("/api/v1/orders/{order}/targets?action=delegate"),
        Some(&handler),
        None,
    )
    .await;
    assert_eq!(status, 200, "{targets}");
    assert_eq!(targets["items"][0]["id"], id, "{targets}");

    let mediator = app
        .sign_in(
            app.create_member(OrgId(id), "as.ns.mediator", &[Role::Handler]),
            false,
        )
        .await;
    let response = app
        .request(
            Method::POST,
            &format!("/api/v1/orders/{order}/actions"),
            Some(&handler),
        )
        .header("If-Match", "\"4\"")
        .json(&json!({"action": "delegate", "association_id": id}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let (status, seen) = call(
        &app,
        Method::GET,
        &format!("/api/v1/orders/{order}"),
        Some(&mediator),
        None,
    )
    .await;
    assert_eq!(status, 200, "{seen}");
    assert!(
        seen["available_actions"]
            .as_array()
            .unwrap()
            .contains(&json!("settle")),
        "{seen}"
    );

    // The association mediates in the same dialogue: its message reaches the consumer as the
    // mediator's, under the association's name (the holding bureau keeps its voice too).
    let (status, message) = call(
        &app,
        Method::POST,
        &format!("/api/v1/orders/{order}/messages"),
        Some(&mediator),
        Some(json!({"body": "消委会已受理调解，请双方提供购买凭证。"})),
    )
    .await;
    assert_eq!(status, 201, "{message}");
    let (status, dialogue) = call(
        &app,
        Method::GET,
        &format!("/api/v1/orders/{order}/messages"),
        Some(&consumer),
        None,
    )
    .await;
    assert_eq!(status, 200, "{dialogue}");
    let last = dialogue["items"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["author"]["party"], "mediator", "{last}");
    assert_eq!(last["author"]["org_name"], "南山区消费者委员会", "{last}");
    // Its outcome is the bureau's order's outcome: an agreement with the amount recovered.
    let response = app
        .request(
            Method::POST,
            &format!("/api/v1/orders/{order}/actions"),
            Some(&mediator),
        )
        .header("If-Match", "\"5\"")
        .json(&json!({"action": "settle", "recovered_fen": 128_000}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let (status, at_bureau) = call(
        &app,
        Method::GET,
        &format!("/api/v1/orders/{order}"),
        Some(&handler),
        None,
    )
    .await;
    assert_eq!(status, 200, "{at_bureau}");
    assert_eq!(at_bureau["state"], "concluded", "{at_bureau}");
    assert_eq!(at_bureau["conclusion"]["outcome"], "settled", "{at_bureau}");
    assert_eq!(
        at_bureau["conclusion"]["recovered_fen"], 128_000,
        "{at_bureau}"
    );
}

#[actix_web::test]
async fn only_the_administrators_of_a_city_or_county_bureau_create_its_association() {
    let app = TestApp::spawn().await;
    let national = app.bureau(None);
    let guangdong = app.bureau(Some("440000"));
    let shenzhen = app.bureau(Some("440300"));
    let nanshan = app.bureau(Some("440305"));
    let futian = app.bureau(Some("440304"));
    let national_admin = admin_of(&app, national, "as.cn.admin").await;
    let province_admin = admin_of(&app, guangdong, "as.gd.admin").await;
    let city_admin = admin_of(&app, shenzhen, "as.sz.admin").await;
    let futian_admin = admin_of(&app, futian, "as.ft.admin").await;
    let nanshan_handler = app
        .sign_in(
            app.create_member(nanshan, "as.ns.handler", &[Role::Handler]),
            false,
        )
        .await;
    let nanshan_reviewer = app
        .sign_in(
            app.create_member(nanshan, "as.ns.reviewer", &[Role::Reviewer]),
            false,
        )
        .await;
    let unverified_admin = {
        let user = app.create_member(nanshan, "as.ns.admin2", &[Role::OrgAdmin]);
        app.sign_in(user, false).await
    };
    let cases: [(&SignedIn, OrgId, u16, &str); 9] = [
        // Not a city or county: the bureau's own administrators are refused too.
        (&national_admin, national, 403, "forbidden"),
        (&province_admin, guangdong, 403, "forbidden"),
        // An upper administrator does not create one for a county below it.
        (&province_admin, shenzhen, 403, "forbidden"),
        (&city_admin, nanshan, 403, "forbidden"),
        // Another county does not see Nanshan.
        (&futian_admin, nanshan, 404, "not_found"),
        // Members who are not administrators.
        (&nanshan_handler, nanshan, 403, "forbidden"),
        (&nanshan_reviewer, nanshan, 403, "forbidden"),
        (&nanshan_handler, shenzhen, 404, "not_found"),
        // An administrator who has not passed the second factor.
        (&unverified_admin, nanshan, 403, "second_factor_required"),
    ];
    for (who, org, status, code) in cases {
        let (got, body) = call(
            &app,
            Method::POST,
            &path(org),
            Some(who),
            Some(json!({"name": "不该有的消费者协会"})),
        )
        .await;
        assert_eq!(
            (got, body["code"].as_str()),
            (status, Some(code)),
            "{org:?}"
        );
    }
    let (status, _) = call(
        &app,
        Method::POST,
        &path(nanshan),
        None,
        Some(json!({"name": "匿名"})),
    )
    .await;
    assert_eq!(status, 401);
    let (status, body) = call(
        &app,
        Method::POST,
        &path(OrgId(999_999_999)),
        Some(&city_admin),
        Some(json!({"name": "无此机构"})),
    )
    .await;
    assert_eq!((status, body["code"].as_str()), (404, Some("not_found")));
    assert_eq!(
        scalar(
            &app,
            "SELECT count(*)::text AS v FROM organisations WHERE kind = 'association'"
        ),
        "0"
    );
}
