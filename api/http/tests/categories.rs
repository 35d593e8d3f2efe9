//! The category taxonomy and the Art. 17 signals through the HTTP API with the real services:
//! the public tree (cacheable), national administrators' edits (audited) and who is refused,
//! intake against active leaf codes, and the signals a handler sees on a complaint (never the
//! consumer).

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use diesel::RunQueryDsl;
use reqwest::Method;
use serde_json::{Value, json};
use weiquan_domain::access::Role;
use weiquan_test_support::{SignedIn, TestApp};

async fn call(
    app: &TestApp,
    method: Method,
    path: &str,
    who: Option<&SignedIn>,
    body: Option<&Value>,
) -> (u16, Value) {
    let mut request = app.request(method, path, who);
    if let Some(body) = body {
        request = request.json(body);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
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

fn codes(tree: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for branch in tree["subjects"].as_array().unwrap() {
        for group in branch["groups"].as_array().unwrap() {
            out.push(group["code"].as_str().unwrap().to_owned());
            for leaf in group["children"].as_array().unwrap() {
                out.push(leaf["code"].as_str().unwrap().to_owned());
            }
        }
    }
    for p in tree["problem_types"].as_array().unwrap() {
        out.push(p["code"].as_str().unwrap().to_owned());
    }
    out
}

async fn national_admin(app: &TestApp) -> SignedIn {
    let national = app.bureau(None);
    let admin = app.create_member(national, "taxonomy.admin", &[Role::OrgAdmin]);
    app.sign_in(admin, true).await
}

#[actix_web::test]
async fn the_public_tree_is_seeded_ordered_and_cacheable() {
    let app = TestApp::spawn().await;
    let response = app.get("/api/v1/categories").await;
    assert_eq!(response.status().as_u16(), 200);
    let etag = response.headers()["etag"].to_str().unwrap().to_owned();
    assert_eq!(
        response.headers()["cache-control"].to_str().unwrap(),
        "public, max-age=300"
    );
    let tree: Value = response.json().await.unwrap();
    let branches: Vec<&str> = tree["subjects"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["branch"].as_str().unwrap())
        .collect();
    assert_eq!(branches, ["goods", "services"]);
    let goods = &tree["subjects"][0];
    assert_eq!(goods["name_zh"], "商品");
    assert_eq!(goods["groups"][0]["code"], "G01");
    assert_eq!(goods["groups"][0]["name_zh"], "家用电子电器类");
    assert_eq!(goods["groups"][0]["children"][0]["code"], "G0101");
    assert_eq!(goods["groups"][0]["children"][0]["parent_code"], "G01");
    let problems: Vec<&str> = tree["problem_types"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name_zh"].as_str().unwrap())
        .collect();
    assert_eq!(
        problems,
        [
            "质量",
            "安全",
            "价格",
            "计量",
            "假冒",
            "合同",
            "虚假宣传",
            "人格尊严",
            "售后服务",
            "其他"
        ]
    );

    // The same ETag answers 304 with no body.
    let response = app
        .client
        .get(app.url("/api/v1/categories"))
        .header("If-None-Match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 304);
    assert_eq!(response.headers()["etag"].to_str().unwrap(), etag);

    // Loading the seed again adds nothing and changes nothing.
    let mut conn = app.database.connect();
    let loaded = weiquan_db::reference::sync_all(&mut conn).unwrap();
    assert_eq!(loaded.categories_created, 0);
    let again = app.get("/api/v1/categories").await;
    assert_eq!(again.headers()["etag"].to_str().unwrap(), etag);
}

#[actix_web::test]
async fn national_administrators_create_rename_reorder_retire_and_reactivate_audited() {
    let app = TestApp::spawn().await;
    let admin = national_admin(&app).await;
    let before = app.get("/api/v1/categories").await;
    let etag = before.headers()["etag"].to_str().unwrap().to_owned();

    // A new leaf takes the next code in its group; a new group the next in its branch.
    let (status, leaf) = call(
        &app,
        Method::POST,
        "/api/v1/categories",
        Some(&admin),
        Some(&json!({"kind": "leaf", "parent_code": "G01", "name_zh": " 智能家居 ", "name_en": "Smart home"})),
    )
    .await;
    assert_eq!(status, 201, "{leaf}");
    assert_eq!(leaf["code"], "G0104");
    assert_eq!(leaf["name_zh"], "智能家居");
    assert_eq!(leaf["active"], true);
    let (status, group) = call(
        &app,
        Method::POST,
        "/api/v1/categories",
        Some(&admin),
        Some(&json!({"kind": "group", "branch": "services", "name_zh": "养老服务", "name_en": "Elderly care"})),
    )
    .await;
    assert_eq!(status, 201, "{group}");
    assert_eq!(
        group["code"], "S15",
        "after S14, before the 99 'other' group"
    );
    let (status, problem) = call(
        &app,
        Method::POST,
        "/api/v1/categories",
        Some(&admin),
        Some(&json!({"kind": "problem", "code": "P20", "name_zh": "个人信息", "name_en": "Personal information"})),
    )
    .await;
    assert_eq!(status, 201, "{problem}");
    assert_eq!(problem["code"], "P20");

    // Bad requests: a taken code (409), a code that does not fit, a missing parent, a
    // parent that is a leaf, names too long (422 per field).
    let (status, body) = call(
        &app,
        Method::POST,
        "/api/v1/categories",
        Some(&admin),
        Some(&json!({"kind": "problem", "code": "P01", "name_zh": "质量", "name_en": "Quality"})),
    )
    .await;
    assert_eq!((status, body["code"].as_str()), (409, Some("conflict")));
    for (request, field) in [
        (
            json!({"kind": "leaf", "parent_code": "G01", "code": "G0201", "name_zh": "x", "name_en": "x"}),
            "code",
        ),
        (
            json!({"kind": "leaf", "name_zh": "x", "name_en": "x"}),
            "parent_code",
        ),
        (
            json!({"kind": "leaf", "parent_code": "G0101", "name_zh": "x", "name_en": "x"}),
            "parent_code",
        ),
        (
            json!({"kind": "leaf", "parent_code": "G77", "name_zh": "x", "name_en": "x"}),
            "parent_code",
        ),
        (
            json!({"kind": "group", "name_zh": "x", "name_en": "x"}),
            "branch",
        ),
        (
            json!({"kind": "problem", "name_zh": "长".repeat(51), "name_en": "x"}),
            "name_zh",
        ),
    ] {
        let (status, body) = call(
            &app,
            Method::POST,
            "/api/v1/categories",
            Some(&admin),
            Some(&request),
        )
        .await;
        assert_eq!(status, 422, "{request} → {body}");
        assert_eq!(body["errors"][0]["field"], field, "{request} → {body}");
    }

    // Rename and reorder.
    let (status, renamed) = call(
        &app,
        Method::PATCH,
        "/api/v1/categories/G0101",
        Some(&admin),
        Some(&json!({"name_zh": "大家电", "name_en": "Large appliances", "position": 5})),
    )
    .await;
    assert_eq!(status, 200, "{renamed}");
    assert_eq!(renamed["name_zh"], "大家电");
    assert_eq!(renamed["position"], 5);

    // Retire: gone from the public tree (and its ETag changes), still in the editor's view.
    let (status, retired) = call(
        &app,
        Method::PATCH,
        "/api/v1/categories/G0102",
        Some(&admin),
        Some(&json!({"active": false})),
    )
    .await;
    assert_eq!(status, 200, "{retired}");
    assert_eq!(retired["active"], false);
    let after = app.get("/api/v1/categories").await;
    assert_ne!(after.headers()["etag"].to_str().unwrap(), etag);
    let public: Value = after.json().await.unwrap();
    let public_codes = codes(&public);
    assert!(!public_codes.contains(&"G0102".to_owned()));
    assert!(public_codes.contains(&"G0104".to_owned()));
    let (status, full) = call(
        &app,
        Method::GET,
        "/api/v1/categories?include_retired=true",
        Some(&admin),
        None,
    )
    .await;
    assert_eq!(status, 200);
    let children = full["subjects"][0]["groups"][0]["children"]
        .as_array()
        .unwrap();
    let g0102 = children.iter().find(|c| c["code"] == "G0102").unwrap();
    assert_eq!(g0102["active"], false);
    assert_eq!(children[0]["code"], "G0101", "reordered first");

    // Reactivate.
    let (status, back) = call(
        &app,
        Method::PATCH,
        "/api/v1/categories/G0102",
        Some(&admin),
        Some(&json!({"active": true})),
    )
    .await;
    assert_eq!((status, back["active"].as_bool()), (200, Some(true)));

    // Nothing to change, an unknown code.
    let (status, _) = call(
        &app,
        Method::PATCH,
        "/api/v1/categories/G0102",
        Some(&admin),
        Some(&json!({})),
    )
    .await;
    assert_eq!(status, 422);
    let (status, _) = call(
        &app,
        Method::PATCH,
        "/api/v1/categories/G7777",
        Some(&admin),
        Some(&json!({"active": false})),
    )
    .await;
    assert_eq!(status, 404);

    // Every change is in the audit log, with the values before and after.
    assert_eq!(
        count(
            &app,
            "SELECT count(*) AS n FROM audit_log WHERE action = 'category_created'"
        ),
        3
    );
    assert_eq!(
        count(
            &app,
            "SELECT count(*) AS n FROM audit_log WHERE action = 'category_updated' \
             AND subject = 'category:G0102' AND detail -> 'active' ->> 'to' = 'false'"
        ),
        1
    );
    assert_eq!(
        count(
            &app,
            "SELECT count(*) AS n FROM audit_log WHERE action = 'category_updated' \
             AND detail -> 'name_zh' ->> 'from' = '家用电器' AND detail -> 'name_zh' ->> 'to' = '大家电'"
        ),
        1
    );
}

#[actix_web::test]
async fn only_national_administrators_edit_and_refusals_are_401_403_and_audited() {
    let app = TestApp::spawn().await;
    let guangdong = app.bureau(Some("440000"));
    let national = app.bureau(None);
    let provincial_admin = app
        .sign_in(
            app.create_member(guangdong, "gd.admin", &[Role::OrgAdmin]),
            true,
        )
        .await;
    let national_handler = app
        .sign_in(
            app.create_member(
                national,
                "national.handler",
                &[Role::Handler, Role::Reviewer, Role::Analyst],
            ),
            true,
        )
        .await;
    let national_admin_no_2fa = app
        .sign_in(
            app.create_member(national, "national.admin2", &[Role::OrgAdmin]),
            false,
        )
        .await;
    let consumer = app.sign_in(app.create_consumer("13700000031"), false).await;
    let create = json!({"kind": "problem", "name_zh": "新问题", "name_en": "New problem"});
    let rename = json!({"name_zh": "改名"});
    for (who, status, code) in [
        (Some(&provincial_admin), 403, "forbidden"),
        (Some(&national_handler), 403, "forbidden"),
        (Some(&national_admin_no_2fa), 403, "second_factor_required"),
        (Some(&consumer), 403, "forbidden"),
        (None, 401, "unauthorized"),
    ] {
        for (method, path, body) in [
            (Method::POST, "/api/v1/categories", Some(&create)),
            (Method::PATCH, "/api/v1/categories/G0101", Some(&rename)),
            (Method::GET, "/api/v1/categories?include_retired=true", None),
        ] {
            let (got, problem) = call(&app, method.clone(), path, who, body).await;
            assert_eq!(
                (got, problem["code"].as_str().unwrap_or_default()),
                (status, code),
                "{method} {path}: {problem}"
            );
        }
    }
    // Nothing changed; each signed-in refusal is audited.
    assert_eq!(
        count(
            &app,
            "SELECT count(*) AS n FROM categories WHERE code = 'P11' OR name_zh = '改名'"
        ),
        0
    );
    assert_eq!(
        count(
            &app,
            "SELECT count(*) AS n FROM audit_log WHERE action = 'access_denied' \
             AND detail ->> 'action' = 'manage_taxonomy'"
        ),
        12
    );
    // The public tree needs nobody.
    let (status, _) = call(&app, Method::GET, "/api/v1/categories", None, None).await;
    assert_eq!(status, 200);
}

fn complaint(subject: Option<&str>, problem: Option<&str>) -> Value {
    let mut body = json!({
        "kind": "complaint",
        "business": {"name": "深圳市某电器有限公司", "division": "440305"},
        "item": "冰箱", "amount_fen": 300_000, "request": "退货", "facts": "冰箱不制冷。",
    });
    if let Some(s) = subject {
        body["subject_category"] = json!(s);
    }
    if let Some(p) = problem {
        body["problem_type"] = json!(p);
    }
    body
}

fn errors(problem: &Value) -> Vec<(String, String)> {
    problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["field"].as_str().unwrap().to_owned(),
                e["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn pair(field: &str, code: &str) -> (String, String) {
    (field.to_owned(), code.to_owned())
}

#[actix_web::test]
async fn intake_takes_active_leaf_codes_only_and_views_show_code_and_names() {
    let app = TestApp::spawn().await;
    let admin = national_admin(&app).await;
    let consumer = app.sign_in(app.create_consumer("13700000032"), false).await;
    let orders = "/api/v1/orders";

    // Good codes: stored, and the order shows code and names, group included.
    let (status, created) = call(
        &app,
        Method::POST,
        orders,
        Some(&consumer),
        Some(&complaint(Some("G0101"), Some("P01"))),
    )
    .await;
    assert_eq!(status, 201, "{created}");
    let id = created["orders"][0]["id"].as_i64().unwrap();
    let (_, order) = call(
        &app,
        Method::GET,
        &format!("/api/v1/orders/{id}"),
        Some(&consumer),
        None,
    )
    .await;
    let subject = &order["appeal"]["subject_category"];
    assert_eq!(subject["code"], "G0101");
    assert_eq!(subject["name_zh"], "家用电器");
    assert_eq!(subject["group"]["code"], "G01");
    assert_eq!(
        subject["group"]["name_en"],
        "Household appliances and electronics"
    );
    assert_eq!(order["appeal"]["problem_type"]["name_zh"], "质量");
    assert_eq!(
        count(
            &app,
            &format!(
                "SELECT count(*) AS n FROM order_appeals WHERE order_id = {id} \
                 AND subject_category = 'G0101' AND problem_type = 'P01'"
            )
        ),
        1
    );

    // Missing, unknown, a group, the wrong kind: 422 per field, nothing written.
    let cases = [
        (
            complaint(None, None),
            vec![
                pair("subject_category", "required"),
                pair("problem_type", "required"),
            ],
        ),
        (
            complaint(Some("G0199"), Some("P01")),
            vec![pair("subject_category", "unknown_category")],
        ),
        (
            complaint(Some("家用电器"), Some("P99")),
            vec![
                pair("subject_category", "unknown_category"),
                pair("problem_type", "unknown_category"),
            ],
        ),
        (
            complaint(Some("G01"), Some("G0101")),
            vec![
                pair("subject_category", "not_leaf"),
                pair("problem_type", "not_leaf"),
            ],
        ),
    ];
    for (body, expected) in cases {
        let (status, problem) =
            call(&app, Method::POST, orders, Some(&consumer), Some(&body)).await;
        assert_eq!(status, 422, "{body}: {problem}");
        assert_eq!(errors(&problem), expected, "{body}");
    }
    assert_eq!(count(&app, "SELECT count(*) AS n FROM orders"), 1);

    // A retired leaf, and a leaf of a retired group, are refused; the older order keeps its
    // code and shows it as retired.
    for (code, active) in [("G0101", false), ("G02", false)] {
        let (status, _) = call(
            &app,
            Method::PATCH,
            &format!("/api/v1/categories/{code}"),
            Some(&admin),
            Some(&json!({"active": active})),
        )
        .await;
        assert_eq!(status, 200);
    }
    for subject in ["G0101", "G0201"] {
        let (status, problem) = call(
            &app,
            Method::POST,
            orders,
            Some(&consumer),
            Some(&complaint(Some(subject), Some("P01"))),
        )
        .await;
        assert_eq!(status, 422, "{problem}");
        assert_eq!(errors(&problem), [pair("subject_category", "retired")]);
    }
    let (_, order) = call(
        &app,
        Method::GET,
        &format!("/api/v1/orders/{id}"),
        Some(&consumer),
        None,
    )
    .await;
    assert_eq!(order["appeal"]["subject_category"]["code"], "G0101");
    assert_eq!(order["appeal"]["subject_category"]["active"], false);

    // A report needs a problem type but no subject; a suggestion neither.
    let report = json!({
        "kind": "report", "conduct_division": "440305",
        "business": {"name": "某无证小作坊"}, "facts": "无证生产食品。",
    });
    let (status, problem) = call(&app, Method::POST, orders, Some(&consumer), Some(&report)).await;
    assert_eq!(status, 422);
    assert_eq!(errors(&problem), [pair("problem_type", "required")]);
    let mut report = report;
    report["problem_type"] = json!("P02");
    let (status, body) = call(&app, Method::POST, orders, Some(&consumer), Some(&report)).await;
    assert_eq!(status, 201, "{body}");
    let (status, body) = call(
        &app,
        Method::POST,
        orders,
        Some(&consumer),
        Some(&json!({"kind": "suggestion", "facts": "建议增加分类。"})),
    )
    .await;
    assert_eq!(status, 201, "{body}");
}

async fn file(app: &TestApp, who: &SignedIn, body: &Value) -> i64 {
    let (status, created) = call(app, Method::POST, "/api/v1/orders", Some(who), Some(body)).await;
    assert_eq!(status, 201, "{created}");
    created["orders"][0]["id"].as_i64().unwrap()
}

async fn signals(app: &TestApp, who: &SignedIn, id: i64) -> (Vec<String>, Value) {
    let (status, order) = call(
        app,
        Method::GET,
        &format!("/api/v1/orders/{id}"),
        Some(who),
        None,
    )
    .await;
    assert_eq!(status, 200, "{order}");
    let kinds = order["signals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["kind"].as_str().unwrap().to_owned())
        .collect();
    (kinds, order)
}

#[actix_web::test]
async fn art17_signals_show_to_the_handler_only_and_decide_nothing() {
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let handler = app
        .sign_in(
            app.create_member(nanshan, "nanshan.handler", &[Role::Handler]),
            false,
        )
        .await;

    // One complaint, nothing unusual: no signal.
    let first = app.sign_in(app.create_consumer("13700000040"), false).await;
    let plain = file(&app, &first, &complaint(Some("S0101"), Some("P01"))).await;
    assert_eq!(signals(&app, &handler, plain).await.0, Vec::<String>::new());

    // The same complainant: 9 complaints say nothing, the 10th within 30 days flags both
    // (the count looks either side of each complaint), and 20 amounts of 3,000 yuan in
    // G0101 make a "usual" for the category.
    let busy = app.sign_in(app.create_consumer("13700000041"), false).await;
    let mut ids = Vec::new();
    for _ in 0..9 {
        ids.push(file(&app, &busy, &complaint(Some("G0101"), Some("P01"))).await);
    }
    assert_eq!(
        signals(&app, &handler, ids[8]).await.0,
        Vec::<String>::new()
    );
    for _ in 9..20 {
        ids.push(file(&app, &busy, &complaint(Some("G0101"), Some("P01"))).await);
    }
    let (kinds, order) = signals(&app, &handler, ids[0]).await;
    assert_eq!(kinds, ["frequent_complainant"]);
    let signal = &order["signals"][0];
    assert_eq!(
        (signal["observed"].as_i64(), signal["threshold"].as_i64()),
        (Some(20), Some(10))
    );
    assert!(signal["text"].as_str().unwrap().contains("not a decision"));
    assert!(signal["text_zh"].as_str().unwrap().contains("第十七条"));
    // Decides nothing: the order is still just received, and the consumer sees no signal.
    assert_eq!(order["state"], "received");
    let (kinds, mine) = signals(&app, &busy, ids[0]).await;
    assert!(kinds.is_empty());
    assert!(mine["filer"].is_null());

    // An amount ten times the category's median (30,000 yuan vs 3,000) from another
    // complainant, who also gives a contact phone and address.
    let odd = app.sign_in(app.create_consumer("13700000042"), false).await;
    let mut body = complaint(Some("G0101"), Some("P01"));
    body["amount_fen"] = json!(3_000_000);
    body["contact_phone"] = json!("13900000000");
    body["contact_address"] = json!("广东省深圳市南山区科技园路１号 A座1201室");
    let big = file(&app, &odd, &body).await;
    let (kinds, order) = signals(&app, &handler, big).await;
    assert_eq!(kinds, ["amount_out_of_line"], "{order}");
    assert_eq!(order["signals"][0]["threshold"], 3_000_000);
    assert_eq!(order["filer"]["phone"], "13900000000");
    assert_eq!(
        order["filer"]["address"],
        "广东省深圳市南山区科技园路１号 A座1201室"
    );

    // Two more complainants give the same phone, or the same address written differently:
    // from the third one, both signals show on every one of them.
    for (phone, contact) in [
        ("13700000043", "13900000000"),
        ("13700000044", "13900000000"),
    ] {
        let who = app.sign_in(app.create_consumer(phone), false).await;
        let mut body = complaint(Some("S0101"), Some("P03"));
        body["contact_phone"] = json!(contact);
        body["contact_address"] = json!("广东省深圳市南山区 科技园路1号a座-1201室");
        file(&app, &who, &body).await;
    }
    let (kinds, _) = signals(&app, &handler, big).await;
    assert_eq!(
        kinds,
        ["shared_phone", "shared_address", "amount_out_of_line"]
    );

    // The enterprise a complaint is about never sees signals either (it cannot see this
    // order at all: the business is not a registered ODR enterprise), and nothing moved.
    assert_eq!(
        count(
            &app,
            "SELECT count(*) AS n FROM orders WHERE state <> 'received'"
        ),
        0
    );
}

#[test]
fn the_signal_lookups_use_their_indexes() {
    let db = weiquan_test_support::TestDatabase::create_blocking();
    let mut conn = db.connect();
    let plan = |conn: &mut diesel::PgConnection, sql: &str| -> String {
        #[derive(diesel::QueryableByName)]
        struct Line {
            #[diesel(sql_type = diesel::sql_types::Text, column_name = "QUERY PLAN")]
            line: String,
        }
        diesel::sql_query(format!("EXPLAIN {sql}"))
            .load::<Line>(conn)
            .unwrap()
            .into_iter()
            .map(|l| l.line)
            .collect::<Vec<_>>()
            .join("\n")
    };
    diesel::sql_query("SET enable_seqscan = off")
        .execute(&mut conn)
        .unwrap();
    for (sql, index) in [
        (
            "SELECT count(*) FROM orders WHERE kind = 'complaint' AND consumer_id = 1 \
             AND received_on BETWEEN date '2026-11-01' - 30 AND date '2026-11-01' + 30",
            "orders_consumer_complaints_idx",
        ),
        (
            "SELECT user_id FROM order_parties WHERE phone = '13900000000' AND user_id IS NOT NULL",
            "order_parties_phone_idx",
        ),
        (
            "SELECT user_id FROM order_parties WHERE address_key = 'x' AND user_id IS NOT NULL",
            "order_parties_address_idx",
        ),
        (
            "SELECT amount_fen FROM order_appeals WHERE subject_category = 'G0101' \
             AND amount_fen IS NOT NULL ORDER BY order_id DESC LIMIT 1000",
            "order_appeals_subject_amount_idx",
        ),
    ] {
        let got = plan(&mut conn, sql);
        assert!(got.contains(index), "{sql}\n{got}");
    }
}
