//! The staff inbox with the real services: every filter, filters combined and paged across
//! pages, Chinese text search, counts that agree with the list, bulk assignment with one
//! stale version, the supervision list and who may see it. Plus the query plans and trigram
//! extraction on this database's ctype.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use std::collections::BTreeSet;

use chrono::{Days, NaiveDate};
use diesel::{PgConnection, RunQueryDsl};
use reqwest::Method;
use serde_json::{Value, json};
use weiquan_db::inbox::{self, InboxFilter};
use weiquan_domain::access::{OrgId, Role, UserId};
use weiquan_services::orders::today;
use weiquan_test_support::{SignedIn, TestApp, TestDatabase};

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

async fn get(app: &TestApp, who: &SignedIn, path: &str) -> (u16, Value) {
    call(app, Method::GET, path, who, None).await
}

/// Files a complaint against a 南山区 business and answers its id.
async fn file(app: &TestApp, who: &SignedIn, business: &str, facts: &str) -> i64 {
    let body = json!({
        "kind": "complaint",
        "business": {"name": business, "division": "440305"},
        "item": "商品", "request": "退款", "facts": facts,
        "subject_category": "S0101", "problem_type": "P01",
    });
    let (status, created) = call(app, Method::POST, "/api/v1/orders", who, Some(&body)).await;
    assert_eq!(status, 201, "{created}");
    created["orders"][0]["id"].as_i64().unwrap()
}

fn ids(page: &Value) -> Vec<i64> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_i64().unwrap())
        .collect()
}

/// An order as the test set it up, to compute what each filter should answer.
#[derive(Debug, Clone)]
struct Seeded {
    id: i64,
    state: &'static str,
    kind: &'static str,
    category: &'static str,
    due_on: NaiveDate,
    received_on: NaiveDate,
    mine: bool,
    text: String,
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// Twelve 南山区 orders with varied states, kinds, categories, due and receipt dates,
/// handlers and texts (set directly, so that every filter has something to tell apart).
async fn seed(app: &TestApp, handler: UserId) -> Vec<Seeded> {
    let consumer = app.sign_in(app.create_consumer("13700000301"), false).await;
    let texts = [
        ("深圳市某电器有限公司", "购买的空调不制冷，商家拒绝维修。"),
        ("深圳市某餐饮有限公司", "外卖菜品变质。"),
        ("Shenzhen Apple Store", "iPhone 屏幕有坏点，要求更换。"),
        ("深圳市某电器有限公司", "冰箱噪音大。"),
        ("深圳市某健身有限公司", "健身房倒闭，预付卡无法退款。"),
        ("深圳市某家居有限公司", "空调安装费用不透明。"),
    ];
    let states = [
        "received",
        "accepted",
        "mediating",
        "received",
        "checking",
        "concluded",
    ];
    let kinds = ["complaint", "complaint", "suggestion"];
    let categories = ["G01", "G0102", "S03", "G0203"];
    let today = today();
    let mut out = Vec::new();
    for i in 0..12_usize {
        let (business, facts) = texts[i % texts.len()];
        let id = file(app, &consumer, business, facts).await;
        let state = states[i % states.len()];
        let kind = kinds[i % kinds.len()];
        let category = categories[i % categories.len()];
        // Due from 4 days ago to 7 days ahead; two orders share each due date.
        let due_on = today
            .checked_sub_days(Days::new(4))
            .unwrap()
            .checked_add_days(Days::new((i / 2) as u64 * 2))
            .unwrap();
        let received_on = day("2026-11-01")
            .checked_add_days(Days::new(i as u64))
            .unwrap();
        let mine = i % 3 == 1;
        app.execute(&format!(
            "UPDATE orders SET state = '{state}', kind = '{kind}', due_on = '{due_on}', \
             received_on = '{received_on}', handler_id = {handler}, \
             conclusion = {conclusion}, \
             state_detail = {detail} WHERE id = {id}",
            handler = if mine {
                handler.0.to_string()
            } else {
                "NULL".into()
            },
            conclusion = if state == "concluded" {
                "'{\"outcome\": \"withdrawn\"}'"
            } else {
                "NULL"
            },
            detail = if state == "checking" {
                "'{\"extended\": false}'"
            } else {
                "NULL"
            },
        ));
        app.execute(&format!(
            "UPDATE order_appeals SET subject_category = '{category}' WHERE order_id = {id}"
        ));
        out.push(Seeded {
            id,
            state,
            kind,
            category,
            due_on,
            received_on,
            mine,
            text: format!("{business} {facts}"),
        });
    }
    out
}

/// Every page of `path` (which has its query string) at 2 per page: the ids in order.
async fn all_pages(app: &TestApp, who: &SignedIn, path: &str) -> Vec<i64> {
    let mut out = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let url = match &after {
            Some(a) => format!("{path}&limit=2&after={a}"),
            None => format!("{path}&limit=2"),
        };
        let (status, page) = get(app, who, &url).await;
        assert_eq!(status, 200, "{url}: {page}");
        out.extend(ids(&page));
        match page["next"].as_str() {
            Some(next) => after = Some(next.to_owned()),
            None => break,
        }
        assert!(out.len() <= 100, "paging does not end");
    }
    out
}

/// The ids the seeded orders matching `keep` should list, by due date then id.
fn expected(seeded: &[Seeded], keep: impl Fn(&Seeded) -> bool) -> Vec<i64> {
    let mut matching: Vec<&Seeded> = seeded.iter().filter(|s| keep(s)).collect();
    matching.sort_by_key(|s| (s.due_on, s.id));
    matching.iter().map(|s| s.id).collect()
}

#[actix_web::test]
async fn each_filter_and_their_combinations_page_without_repeats_or_gaps() {
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let handler_id = app.create_member(nanshan, "inbox.h", &[Role::Handler]);
    let handler = app.sign_in(handler_id, false).await;
    let seeded = seed(&app, handler_id).await;
    let today = today();
    let within = today.checked_add_days(Days::new(3)).unwrap();
    let base = format!("/api/v1/organisations/{}/orders?", nanshan.0);
    let open = |s: &Seeded| s.state != "concluded";
    type Keep = Box<dyn Fn(&Seeded) -> bool>;
    let cases: Vec<(&str, Keep)> = vec![
        ("", Box::new(|_| true)),
        ("state=received", Box::new(|s| s.state == "received")),
        (
            "state=accepted,checking",
            Box::new(|s| ["accepted", "checking"].contains(&s.state)),
        ),
        ("kind=suggestion", Box::new(|s| s.kind == "suggestion")),
        ("category=G01", Box::new(|s| s.category.starts_with("G01"))),
        ("category=G0102", Box::new(|s| s.category == "G0102")),
        ("category=G", Box::new(|s| s.category.starts_with('G'))),
        ("overdue=true", Box::new(move |s| s.due_on < today)),
        (
            "due_within=3",
            Box::new(move |s| s.due_on >= today && s.due_on <= within),
        ),
        ("assigned=me", Box::new(|s| s.mine)),
        (
            "received_from=2026-11-03&received_to=2026-11-08",
            Box::new(|s| s.received_on >= day("2026-11-03") && s.received_on <= day("2026-11-08")),
        ),
        ("q=不制冷", Box::new(|s| s.text.contains("不制冷"))),
        ("q=空调", Box::new(|s| s.text.contains("空调"))),
        ("q=某电器有限", Box::new(|s| s.text.contains("某电器有限"))),
        ("q=apple", Box::new(|s| s.text.contains("Apple"))),
        ("q=%25_", Box::new(|_| false)),
        (
            "state=received&category=G0&overdue=true",
            Box::new(move |s| {
                s.state == "received" && s.category.starts_with("G0") && s.due_on < today
            }),
        ),
        (
            "q=空调&assigned=me",
            Box::new(|s| s.text.contains("空调") && s.mine),
        ),
        (
            "kind=complaint&received_from=2026-11-02&due_within=7",
            Box::new(move |s| {
                s.kind == "complaint"
                    && s.received_on >= day("2026-11-02")
                    && s.due_on >= today
                    && s.due_on <= today.checked_add_days(Days::new(7)).unwrap()
            }),
        ),
    ];
    for (query, keep) in &cases {
        let got = all_pages(&app, &handler, &format!("{base}{query}")).await;
        let distinct: BTreeSet<i64> = got.iter().copied().collect();
        assert_eq!(distinct.len(), got.len(), "{query}: repeated {got:?}");
        assert_eq!(got, expected(&seeded, keep), "{query}");
        // Counts agree with the list: the open orders the same filters keep.
        if query.contains("state=") {
            continue;
        }
        let (status, counts) = get(
            &app,
            &handler,
            &format!("/api/v1/organisations/{}/orders/counts?{query}", nanshan.0),
        )
        .await;
        assert_eq!(status, 200, "{counts}");
        let counted: Vec<&Seeded> = seeded.iter().filter(|s| open(s) && keep(s)).collect();
        assert_eq!(counts["total"], counted.len(), "{query}: {counts}");
        assert_eq!(
            counts["overdue"],
            counted.iter().filter(|s| s.due_on < today).count(),
            "{query}: {counts}"
        );
        for state in [
            "received",
            "with_enterprise",
            "accepted",
            "mediating",
            "checking",
        ] {
            assert_eq!(
                counts["by_state"][state],
                counted.iter().filter(|s| s.state == state).count(),
                "{query} {state}: {counts}"
            );
        }
        assert!(counts["by_state"].get("concluded").is_none());
    }
    // The counts for a state tab and its list agree.
    let (_, counts) = get(
        &app,
        &handler,
        &format!("/api/v1/organisations/{}/orders/counts", nanshan.0),
    )
    .await;
    for state in ["received", "accepted", "mediating", "checking"] {
        let listed = all_pages(&app, &handler, &format!("{base}state={state}")).await;
        assert_eq!(counts["by_state"][state], listed.len(), "{state}");
    }

    // Bad filters are 422 per field.
    for (query, field) in [
        ("state=lost", "state"),
        ("kind=letter", "kind"),
        ("assigned=you", "assigned"),
        ("received_from=2026-13-01", "received_from"),
        (
            "received_from=2026-11-09&received_to=2026-11-01",
            "received_to",
        ),
        ("due_within=400", "due_within"),
        ("after=nonsense", "after"),
    ] {
        let (status, problem) = get(&app, &handler, &format!("{base}{query}")).await;
        assert_eq!(status, 422, "{query}: {problem}");
        assert_eq!(problem["errors"][0]["field"], field, "{query}");
    }
    let long = "空".repeat(101);
    let (status, _) = get(&app, &handler, &format!("{base}q={long}")).await;
    assert_eq!(status, 422);

    // An order number, or its beginning.
    let number: String = {
        let (_, page) = get(&app, &handler, &format!("{base}limit=1")).await;
        page["items"][0]["number"].as_str().unwrap().to_owned()
    };
    let (_, page) = get(
        &app,
        &handler,
        &format!("{base}q={}", number.to_lowercase()),
    )
    .await;
    assert_eq!(ids(&page).len(), 1);
    let (_, page) = get(&app, &handler, &format!("{base}q=WQ")).await;
    assert_eq!(ids(&page).len(), seeded.len());
}

#[actix_web::test]
async fn inbox_rows_carry_the_business_the_holder_the_category_and_the_escalation() {
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let consumer = app.sign_in(app.create_consumer("13700000309"), false).await;
    let plain = file(&app, &consumer, "深圳市某商店", "空调不制冷").await;
    let escalated = file(&app, &consumer, "深圳市另一商店", "冰箱漏水").await;
    app.execute(&format!(
        "UPDATE orders SET escalated_at = now() WHERE id = {escalated}"
    ));
    let handler = app
        .sign_in(
            app.create_member(nanshan, "rows.h", &[Role::Handler]),
            false,
        )
        .await;
    let (status, page) = get(
        &app,
        &handler,
        &format!("/api/v1/organisations/{}/orders", nanshan.0),
    )
    .await;
    assert_eq!(status, 200, "{page}");
    let row = |id: i64| {
        page["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["id"] == id)
            .unwrap()
            .clone()
    };
    let first = row(plain);
    assert_eq!(first["business_name"], "深圳市某商店");
    assert_eq!(first["subject_category"], "S0101");
    assert!(!first["holder_name"].as_str().unwrap().is_empty());
    assert!(first.get("escalated_at").is_none(), "{first}");
    let second = row(escalated);
    assert_eq!(second["business_name"], "深圳市另一商店");
    assert!(second["escalated_at"].is_string(), "{second}");
    // The consumer's own list says none of it.
    let (status, mine) = get(&app, &consumer, "/api/v1/me/orders").await;
    assert_eq!(status, 200, "{mine}");
    for o in mine["items"].as_array().unwrap() {
        for field in [
            "business_name",
            "holder_name",
            "subject_category",
            "escalated_at",
        ] {
            assert!(o.get(field).is_none(), "{field}: {o}");
        }
    }
}

#[actix_web::test]
async fn bulk_assignment_fails_only_the_order_with_a_stale_version() {
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let consumer = app.sign_in(app.create_consumer("13700000302"), false).await;
    let mut orders = Vec::new();
    for facts in ["一", "二", "三"] {
        orders.push(file(&app, &consumer, "深圳市某商店", facts).await);
    }
    let leader = app
        .sign_in(
            app.create_member(nanshan, "bulk.r", &[Role::Reviewer]),
            false,
        )
        .await;
    let handler_id = app.create_member(nanshan, "bulk.h", &[Role::Handler]);
    // Someone changed the second order meanwhile: its version is 2.
    app.execute(&format!(
        "UPDATE orders SET version = 2 WHERE id = {}",
        orders[1]
    ));
    let body = json!({
        "action": "assign_handler",
        "handler_id": handler_id.0,
        "orders": orders.iter().map(|id| json!({"id": id, "version": 1})).collect::<Vec<_>>(),
        "reason": "批量分派",
    });
    let (status, answer) = call(
        &app,
        Method::POST,
        "/api/v1/orders/bulk-actions",
        &leader,
        Some(&body),
    )
    .await;
    assert_eq!(status, 200, "{answer}");
    let results = answer["results"].as_array().unwrap();
    assert_eq!(results.len(), 3);
    for (i, result) in results.iter().enumerate() {
        assert_eq!(result["id"], orders[i]);
        if i == 1 {
            assert_eq!(result["ok"], false, "{result}");
            assert_eq!(result["problem"]["status"], 412);
            assert_eq!(result["problem"]["code"], "precondition_failed");
        } else {
            assert_eq!(result["ok"], true, "{result}");
            assert_eq!(result["version"], 2);
        }
    }
    let mut conn = app.database.connect();
    for (i, id) in orders.iter().enumerate() {
        let handler: Vec<Handler> =
            diesel::sql_query(format!("SELECT handler_id FROM orders WHERE id = {id}"))
                .load(&mut conn)
                .unwrap();
        let events: Vec<Count> = diesel::sql_query(format!(
            "SELECT count(*) AS n FROM order_events WHERE order_id = {id} \
             AND command = 'assign_handler' AND reason = '批量分派'"
        ))
        .load(&mut conn)
        .unwrap();
        let done = i != 1;
        assert_eq!(handler[0].handler_id, done.then_some(handler_id.0), "{i}");
        assert_eq!(events[0].n, i64::from(done), "{i}");
    }

    // A refused action fails that order only: a county handler may not assign a station of
    // another county.
    let futian_station = {
        let futian = app.bureau(Some("440304"));
        insert_station(&app, futian)
    };
    let body = json!({
        "action": "assign_station", "station_id": futian_station.0,
        "orders": [{"id": orders[2], "version": 2}, {"id": 999_999_999, "version": 1}],
    });
    let (status, answer) = call(
        &app,
        Method::POST,
        "/api/v1/orders/bulk-actions",
        &leader,
        Some(&body),
    )
    .await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["results"][0]["ok"], false);
    assert_eq!(answer["results"][1]["problem"]["status"], 404);

    // Wrong as a whole: 422 and nothing done.
    let too_many: Vec<Value> = (1..=101).map(|i| json!({"id": i, "version": 1})).collect();
    for (body, field) in [
        (
            json!({"action": "assign_handler", "handler_id": 1, "orders": []}),
            "orders",
        ),
        (
            json!({"action": "assign_handler", "handler_id": 1, "orders": too_many}),
            "orders",
        ),
        (
            json!({"action": "assign_handler", "handler_id": 1,
                   "orders": [{"id": 1, "version": 1}, {"id": 1, "version": 1}]}),
            "orders",
        ),
        (
            json!({"action": "assign_station", "orders": [{"id": 1, "version": 1}]}),
            "station_id",
        ),
    ] {
        let (status, problem) = call(
            &app,
            Method::POST,
            "/api/v1/orders/bulk-actions",
            &leader,
            Some(&body),
        )
        .await;
        assert_eq!(status, 422, "{problem}");
        assert_eq!(problem["errors"][0]["field"], field);
    }
}

#[derive(diesel::QueryableByName)]
struct Handler {
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::BigInt>)]
    handler_id: Option<i64>,
}

#[derive(diesel::QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

fn insert_station(app: &TestApp, county: OrgId) -> OrgId {
    #[derive(diesel::QueryableByName)]
    struct Id {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        id: i64,
    }
    let mut conn = app.database.connect();
    let id: Id = diesel::sql_query(
        "WITH new AS (SELECT nextval(pg_get_serial_sequence('organisations', 'id')) AS id) \
         INSERT INTO organisations (id, kind, name, parent_id, path, division_code) \
         SELECT new.id, 'station', '某市场监管所', p.id, p.path || new.id || '/', p.division_code \
         FROM new, organisations p WHERE p.id = $1 RETURNING id",
    )
    .bind::<diesel::sql_types::BigInt, _>(county.0)
    .get_result(&mut conn)
    .unwrap();
    OrgId(id.id)
}

#[actix_web::test]
async fn upper_levels_supervise_overdue_orders_and_other_counties_find_nothing() {
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let futian = app.bureau(Some("440304"));
    let guangdong = app.bureau(Some("440000"));
    let consumer = app.sign_in(app.create_consumer("13700000303"), false).await;
    let late = file(&app, &consumer, "深圳市某商店", "逾期未处理。").await;
    let later = file(&app, &consumer, "深圳市某商店", "更久逾期。").await;
    let on_time = file(&app, &consumer, "深圳市某商店", "尚未到期。").await;
    let closed = file(&app, &consumer, "深圳市某商店", "已办结。").await;
    let today = today();
    let ago = |n: u64| today.checked_sub_days(Days::new(n)).unwrap();
    app.execute(&format!(
        "UPDATE orders SET due_on = '{}' WHERE id = {late}",
        ago(2)
    ));
    app.execute(&format!(
        "UPDATE orders SET due_on = '{}' WHERE id = {later}",
        ago(5)
    ));
    app.execute(&format!(
        "UPDATE orders SET due_on = '{}' WHERE id = {on_time}",
        today.checked_add_days(Days::new(3)).unwrap()
    ));
    app.execute(&format!(
        "UPDATE orders SET due_on = '{}', state = 'concluded', \
         conclusion = '{{\"outcome\": \"withdrawn\"}}' WHERE id = {closed}",
        ago(9)
    ));

    let analyst = app
        .sign_in(
            app.create_member(guangdong, "sup.gd", &[Role::Analyst]),
            true,
        )
        .await;
    let county_leader = app
        .sign_in(
            app.create_member(nanshan, "sup.ns.r", &[Role::Reviewer]),
            false,
        )
        .await;
    let county_handler = app
        .sign_in(
            app.create_member(nanshan, "sup.ns.h", &[Role::Handler]),
            false,
        )
        .await;
    let other_county = app
        .sign_in(
            app.create_member(futian, "sup.ft", &[Role::Reviewer]),
            false,
        )
        .await;
    let supervision = |org: OrgId| format!("/api/v1/organisations/{}/supervision", org.0);

    for (who, org) in [
        (&analyst, guangdong),
        (&analyst, nanshan),
        (&county_leader, nanshan),
    ] {
        let (status, page) = get(&app, who, &supervision(org)).await;
        assert_eq!(status, 200, "{page}");
        assert_eq!(ids(&page), [later, late], "oldest overdue first");
        assert_eq!(page["items"][0]["days_overdue"], 5);
        assert_eq!(page["items"][1]["days_overdue"], 2);
        assert_eq!(page["items"][0]["holder_org_id"], nanshan.0);
        assert!(!page["items"][0]["holder_name"].as_str().unwrap().is_empty());
        assert_eq!(page["items"][0]["overdue"], true);
    }
    // Paged one at a time.
    let (_, first) = get(
        &app,
        &analyst,
        &format!("{}?limit=1", supervision(guangdong)),
    )
    .await;
    assert_eq!(ids(&first), [later]);
    let next = first["next"].as_str().unwrap();
    let (_, second) = get(
        &app,
        &analyst,
        &format!("{}?limit=1&after={next}", supervision(guangdong)),
    )
    .await;
    assert_eq!(ids(&second), [late]);
    assert!(second["next"].is_null());

    // A county handler is not a leader; another county does not see 南山区 at all.
    let (status, problem) = get(&app, &county_handler, &supervision(nanshan)).await;
    assert_eq!(status, 403, "{problem}");
    for path in [
        supervision(nanshan),
        format!("/api/v1/organisations/{}/orders", nanshan.0),
        format!("/api/v1/organisations/{}/orders/counts", nanshan.0),
    ] {
        let (status, problem) = get(&app, &other_county, &path).await;
        assert_eq!(status, 404, "{path}: {problem}");
        assert_eq!(problem["code"], "not_found");
    }
    let (status, page) = get(&app, &other_county, &supervision(futian)).await;
    assert_eq!(status, 200);
    assert!(ids(&page).is_empty());
    // The province's counts include the county's overdue orders.
    let (_, counts) = get(
        &app,
        &analyst,
        &format!("/api/v1/organisations/{}/orders/counts", guangdong.0),
    )
    .await;
    assert_eq!(counts["total"], 3, "{counts}");
    assert_eq!(counts["overdue"], 2, "{counts}");
}

#[test]
fn the_database_makes_trigrams_of_chinese_text() {
    #[derive(diesel::QueryableByName)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::Text)]
        ctype: String,
        #[diesel(sql_type = diesel::sql_types::Integer)]
        trigrams: i32,
        #[diesel(sql_type = diesel::sql_types::Bool)]
        found: bool,
    }
    let db = TestDatabase::create_blocking();
    let mut conn = db.connect();
    let row: Row = diesel::sql_query(
        "SELECT (SELECT datctype FROM pg_database WHERE datname = current_database())::text AS ctype, \
                coalesce(array_length(show_trgm('空调不制冷'), 1), 0) AS trigrams, \
                '购买的空调不制冷' ILIKE '%不制冷%' AS found",
    )
    .get_result(&mut conn)
    .unwrap();
    assert_eq!(row.ctype, "C.UTF-8");
    assert!(
        row.trigrams >= 3,
        "no trigrams of Chinese text: {}",
        row.trigrams
    );
    assert!(row.found);
}

/// `n` synthetic open and closed orders with appeals over 3,000 counties in 31 provinces.
fn fill(conn: &mut PgConnection, n: i64) {
    diesel::sql_query(
        "INSERT INTO users (id, kind, phone, display_name, password_hash) VALUES \
         (1000000, 'consumer', '13900000000', 'synthetic', 'x')",
    )
    .execute(conn)
    .unwrap();
    diesel::sql_query(format!(
        "INSERT INTO orders (number, kind, rules, state, conclusion, received_on, clock_start,
                             due_on, consumer_id, filed_by, holder_org_id, holder_path,
                             handler_id, routing_rule)
         SELECT 'WQ20260101' || lpad(i::text, 8, '0'), 'complaint', 'order121',
                (ARRAY['received','accepted','mediating','archived','archived','archived',
                       'archived','archived','archived','archived'])[1 + i % 10],
                CASE WHEN i % 10 >= 3 THEN '{{}}'::jsonb END,
                DATE '2026-01-01' + (i % 300), DATE '2026-01-01' + (i % 300),
                DATE '2026-01-10' + (i % 300), 1000000, 1000000,
                (SELECT min(id) FROM organisations),
                '/1/' || (11 + (i % 3000) % 31) || '/' || (1000 + i % 3000) || '/',
                CASE WHEN i % 7 = 0 THEN 1000000 END,
                'place_of_business'
         FROM generate_series(0, {}) AS i",
        n - 1
    ))
    .execute(conn)
    .unwrap();
    diesel::sql_query(
        "INSERT INTO order_appeals (order_id, business_name, facts, subject_category)
         SELECT id, '深圳市某' || (ARRAY['电器','餐饮','健身','家居','汽车'])[1 + id % 5] || '有限公司',
                (ARRAY['购买的空调不制冷','外卖菜品变质','预付卡无法退款','快递丢件','手机屏幕坏点',
                       '物业收费不合理','培训机构拒绝退费'])[1 + id % 7] || '，编号' || id,
                (ARRAY['G01','G0102','S03','G0203'])[1 + id % 4]
         FROM orders",
    )
    .execute(conn)
    .unwrap();
    diesel::sql_query("ANALYZE orders").execute(conn).unwrap();
    diesel::sql_query("ANALYZE order_appeals")
        .execute(conn)
        .unwrap();
}

#[test]
fn filters_counts_and_supervision_use_the_indexes_on_a_table_of_realistic_size() {
    let db = TestDatabase::create_blocking();
    let mut conn = db.connect();
    fill(&mut conn, 150_000);
    let on = day("2026-06-01");
    let county = InboxFilter {
        path: "/1/12/1001/".into(),
        ..InboxFilter::default()
    };
    // A common text (1 in 7 orders): walk the subtree by due date and check each appeal (the
    // first page stops early), or, in a county, take the county's orders; never a scan.
    for path in ["/1/12/1001/", "/1/"] {
        let search = InboxFilter {
            path: path.into(),
            text: Some("空调不制冷".into()),
            ..InboxFilter::default()
        };
        let plan = inbox::explain_inbox(&mut conn, &search, None).unwrap();
        assert!(!plan.contains("Seq Scan"), "{plan}");
    }
    // A rare text of 3 or more characters: the trigram index.
    let rare = InboxFilter {
        path: "/1/".into(),
        text: Some("编号12345".into()),
        ..InboxFilter::default()
    };
    let plan = inbox::explain_inbox(&mut conn, &rare, None).unwrap();
    assert!(plan.contains("order_appeals_search_idx"), "{plan}");
    assert!(!plan.contains("Seq Scan"), "{plan}");
    // Counts of a county and of a province: open orders only, from the partial index.
    for path in ["/1/12/1001/", "/1/12/"] {
        let filter = InboxFilter {
            path: path.into(),
            ..county.clone()
        };
        let plan = inbox::explain_counts(&mut conn, &filter, on).unwrap();
        assert!(plan.contains("orders_open_idx"), "{plan}");
        assert!(!plan.contains("Seq Scan"), "{plan}");
    }
    // Assigned to me, in a county.
    let mine = InboxFilter {
        handler: Some(1_000_000),
        ..county.clone()
    };
    let plan = inbox::explain_inbox(&mut conn, &mine, None).unwrap();
    assert!(!plan.contains("Seq Scan"), "{plan}");
    // Supervision of a county, a province and the country: no scan, no sort of the whole.
    for path in ["/1/12/1001/", "/1/12/", "/1/"] {
        let filter = inbox::supervision_filter(path.into(), on);
        let plan = inbox::explain_inbox(&mut conn, &filter, None).unwrap();
        assert!(plan.contains("orders_open"), "{plan}");
        assert!(!plan.contains("Seq Scan"), "{plan}");
    }
}

/// The counts a subtree's running totals give (migration 000033) against a count of the
/// orders themselves (a filter the totals cannot answer, same meaning), at three levels.
fn assert_totals_match(conn: &mut PgConnection, on: NaiveDate, step: &str) {
    for path in ["/1/", "/1/12/", "/1/12/1001/", "/1/13/1002/"] {
        for kind in [None, Some("complaint"), Some("report")] {
            let filter = InboxFilter {
                path: path.into(),
                kind: kind.map(str::to_owned),
                ..InboxFilter::default()
            };
            let recount = InboxFilter {
                received_from: Some(day("1900-01-01")),
                ..filter.clone()
            };
            let fast = inbox::counts(conn, &filter, on).unwrap();
            let mut slow = inbox::counts(conn, &recount, on).unwrap();
            slow.sort_by(|a, b| a.state.cmp(&b.state));
            assert_eq!(fast, slow, "{step}: {path} {kind:?}");
        }
    }
}

#[test]
fn running_open_counts_equal_a_recount_after_every_kind_of_change_folded_or_not() {
    let db = TestDatabase::create_blocking();
    let mut conn = db.connect();
    fill(&mut conn, 3_000);
    let on = day("2026-06-01");
    let run = |conn: &mut PgConnection, sql: &str| {
        diesel::sql_query(sql).execute(conn).unwrap();
    };
    let deltas = |conn: &mut PgConnection| -> i64 {
        #[derive(diesel::QueryableByName)]
        struct N {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
        }
        diesel::sql_query("SELECT count(*) AS n FROM order_open_count_deltas")
            .get_result::<N>(conn)
            .unwrap()
            .n
    };
    // The inserts were counted as deltas (900 open orders of 3,000).
    assert_eq!(deltas(&mut conn), 900);
    assert_totals_match(&mut conn, on, "after the inserts");
    assert!(inbox::fold_open_counts(&mut conn).unwrap() > 0);
    assert_eq!(deltas(&mut conn), 0);
    assert_totals_match(&mut conn, on, "folded");
    let changes = [
        // Accepted, mediating, concluded: open to open, open to closed.
        "UPDATE orders SET state = 'accepted' WHERE state = 'received' AND id % 5 = 0",
        "UPDATE orders SET state = 'mediating' WHERE state = 'accepted' AND id % 3 = 0",
        "UPDATE orders SET state = 'concluded', conclusion = '{}' WHERE state = 'mediating' AND id % 4 = 0",
        // Reopened (a closed order back to open), a kind changed, an order transferred to
        // another county of another province, a change that touches none of the three.
        "UPDATE orders SET state = 'received', conclusion = NULL WHERE state = 'archived' AND id % 97 = 0",
        "UPDATE orders SET kind = 'report' WHERE id % 11 = 0",
        "UPDATE orders SET holder_path = '/1/13/1002/' WHERE holder_path = '/1/12/1001/' AND id % 2 = 0",
        "UPDATE orders SET due_on = due_on + 1, handler_id = NULL WHERE id % 13 = 0",
        // Deleted orders (their appeals first).
        "DELETE FROM order_appeals WHERE order_id % 17 = 0",
        "DELETE FROM orders WHERE id % 17 = 0",
    ];
    for (i, sql) in changes.iter().enumerate() {
        run(&mut conn, sql);
        assert_totals_match(&mut conn, on, sql);
        if i % 2 == 1 {
            inbox::fold_open_counts(&mut conn).unwrap();
            assert_eq!(deltas(&mut conn), 0);
            assert_totals_match(&mut conn, on, &format!("{sql}, folded"));
        }
    }
    // A change of nothing the counts group by leaves no delta.
    inbox::fold_open_counts(&mut conn).unwrap();
    run(&mut conn, "UPDATE orders SET version = version + 1");
    assert_eq!(deltas(&mut conn), 0);
    // Every county and state with open orders is in the totals.
    assert_totals_match(&mut conn, on, "at the end");
}

#[test]
fn a_search_asks_the_index_for_the_uncommon_part_only_and_still_matches_the_whole_query() {
    #[derive(diesel::QueryableByName)]
    struct Id {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        id: i64,
    }
    let db = TestDatabase::create_blocking();
    let mut conn = db.connect();
    // Facts: one of 7 phrases, then '，编号' and the order id (1 to 150,000).
    fill(&mut conn, 150_000);
    assert!(inbox::refresh_search_stats(&mut conn).unwrap() > 0);
    let search = |q: &str| InboxFilter {
        path: "/1/".into(),
        text: Some(q.into()),
        ..InboxFilter::default()
    };
    // 编号1 (ids beginning with 1: 41% of them) and 号12 are common, the digits after are not:
    // the index is asked for those, and the whole query is checked on what it finds.
    let plan = inbox::explain_inbox(&mut conn, &search("编号12345"), None).unwrap();
    assert!(plan.contains("order_appeals_search_idx"), "{plan}");
    assert!(plan.contains("|| ''::text) ~~*"), "{plan}");
    for q in [
        "编号12345",
        "编号29999",
        "外卖菜品变质，编号1",
        "预付卡无法退款",
        "编号29",
    ] {
        let expected: Vec<i64> = diesel::sql_query(
            "SELECT o.id FROM orders o JOIN order_appeals a ON a.order_id = o.id \
             WHERE position($1 IN (coalesce(a.business_name, '') || ' ' || a.facts)) > 0 \
             ORDER BY o.due_on NULLS LAST, o.id LIMIT 50",
        )
        .bind::<diesel::sql_types::Text, _>(q)
        .load::<Id>(&mut conn)
        .unwrap()
        .into_iter()
        .map(|r| r.id)
        .collect();
        assert!(!expected.is_empty(), "{q}");
        let got: Vec<i64> = inbox::inbox(&mut conn, &search(q), None, 50)
            .unwrap()
            .into_iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(got, expected, "{q}");
        // The counts agree with the same search.
        let counted: i64 = inbox::counts(&mut conn, &search(q), day("2026-06-01"))
            .unwrap()
            .iter()
            .map(|c| c.total)
            .sum();
        let open: Vec<i64> = diesel::sql_query(
            "SELECT o.id FROM orders o JOIN order_appeals a ON a.order_id = o.id \
             WHERE position($1 IN (coalesce(a.business_name, '') || ' ' || a.facts)) > 0 \
               AND o.state IN ('received', 'with_enterprise', 'accepted', 'mediating', 'checking')",
        )
        .bind::<diesel::sql_types::Text, _>(q)
        .load::<Id>(&mut conn)
        .unwrap()
        .into_iter()
        .map(|r| r.id)
        .collect();
        assert_eq!(counted, open.len() as i64, "{q}");
    }
}
