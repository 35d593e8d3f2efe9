//! The holiday calendar as data (issue 4): the seeded calendar equals the reference file,
//! entering a year (national administrators only, validated, audited) recomputes the due
//! dates that depended on it, and the overdue job escalates an order once per overdue period
//! with a staff-only event and an email in the outbox.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use std::time::Duration;

use chrono::NaiveDate;
use diesel::RunQueryDsl;
use reqwest::Method;
use serde_json::{Value, json};
use weiquan_db::PoolOptions;
use weiquan_domain::access::Role;
use weiquan_domain::calendar::HolidayCalendar;
use weiquan_services::Db;
use weiquan_services::escalation::escalate_once;
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

fn db_of(app: &TestApp) -> Db {
    let pool = weiquan_db::build_pool(
        &app.database.url,
        &PoolOptions {
            max_size: 2,
            connection_timeout: Duration::from_secs(5),
        },
    )
    .unwrap();
    Db::new(pool)
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A complaint against a 南山区 business, filed by a new consumer; answers its id.
async fn file_complaint(app: &TestApp, phone: &str) -> i64 {
    let consumer = app.sign_in(app.create_consumer(phone), false).await;
    let (status, body) = call(
        app,
        Method::POST,
        "/api/v1/orders",
        Some(&consumer),
        Some(&json!({
            "kind": "complaint",
            "business": {"name": "深圳市某餐饮有限公司", "division": "440305", "address": "科技园路 1 号"},
            "item": "套餐", "bought_on": "2026-11-01", "amount_fen": 128_000,
            "request": "退款", "facts": "菜品变质，商家拒绝退款。",
            "subject_category": "S0101", "problem_type": "P01",
        })),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    body["orders"][0]["id"].as_i64().unwrap()
}

/// Moves an order's receipt back to `on`, with the due date stored as given.
fn received_on(app: &TestApp, id: i64, on: &str, due: &str, provisional: bool) {
    app.execute(&format!(
        "UPDATE orders SET received_on = '{on}', clock_start = '{on}', due_on = '{due}', \
         due_provisional = {provisional} WHERE id = {id}"
    ));
}

async fn national_admin(app: &TestApp) -> SignedIn {
    let national = app.bureau(None);
    let admin = app.create_member(national, "cal.admin", &[Role::OrgAdmin, Role::Analyst]);
    app.sign_in(admin, true).await
}

fn schedule_2027() -> Value {
    json!({
        "source": "国务院办公厅关于2027年部分节假日安排的通知（测试）",
        "days": [
            {"date": "2027-01-01", "kind": "off", "name_zh": "元旦", "name_en": "New Year's Day"},
            {"date": "2027-02-06", "kind": "work", "name_zh": "春节调休"},
            {"date": "2027-02-08", "kind": "off", "name_zh": "春节", "name_en": "Spring Festival"},
        ]
    })
}

#[actix_web::test]
async fn the_stored_calendar_is_the_reference_file() {
    let app = TestApp::spawn().await;
    let mut conn = app.database.connect();
    let (_, stored) = weiquan_db::holidays::load(&mut conn).unwrap();
    let file = HolidayCalendar::from_csv(include_str!("../../db/data/holidays-cn.csv")).unwrap();
    assert_eq!(stored, file);
    assert_eq!(stored.entered_years().collect::<Vec<_>>(), vec![2025, 2026]);
    // Loading the reference data again changes nothing (idempotent).
    let again = weiquan_db::holidays::sync_reference(&mut conn).unwrap();
    assert!(again.is_empty());
    assert_eq!(weiquan_db::holidays::load(&mut conn).unwrap().1, file);

    // Staff read the years and the dates.
    let nanshan = app.bureau(Some("440305"));
    let handler = app
        .sign_in(
            app.create_member(nanshan, "cal.reader", &[Role::Handler]),
            false,
        )
        .await;
    let (status, years) = call(
        &app,
        Method::GET,
        "/api/v1/calendar/years",
        Some(&handler),
        None,
    )
    .await;
    assert_eq!(status, 200, "{years}");
    let y2026 = years
        .as_array()
        .unwrap()
        .iter()
        .find(|y| y["year"] == 2026)
        .unwrap();
    assert_eq!(y2026["status"], "entered");
    assert_eq!(y2026["entered_by"], Value::Null);
    let (status, year) = call(
        &app,
        Method::GET,
        "/api/v1/calendar/years/2026",
        Some(&handler),
        None,
    )
    .await;
    assert_eq!(status, 200, "{year}");
    let first = &year["days"][0];
    assert_eq!(first["date"], "2026-01-01");
    assert_eq!(first["kind"], "off");
    assert_eq!(first["name_zh"], "元旦");
    assert_eq!(first["name_en"], "New Year's Day");
    let (status, _) = call(
        &app,
        Method::GET,
        "/api/v1/calendar/years/1999",
        Some(&handler),
        None,
    )
    .await;
    assert_eq!(status, 422);
}

#[actix_web::test]
async fn entering_2027_turns_a_provisional_due_date_final_and_moves_it_past_new_years_day() {
    let app = TestApp::spawn().await;
    let admin = national_admin(&app).await;
    let order = file_complaint(&app, "13700000101").await;
    // Received Wednesday 2026-12-30: 7 working days on weekdays alone end Friday 2027-01-08
    // (Dec 31, Jan 1, 4, 5, 6, 7, 8), provisional since 2027 is not entered.
    received_on(&app, order, "2026-12-30", "2027-01-08", true);
    let (status, years) = call(
        &app,
        Method::GET,
        "/api/v1/calendar/years",
        Some(&admin),
        None,
    )
    .await;
    assert_eq!(status, 200);
    let y2027 = years
        .as_array()
        .unwrap()
        .iter()
        .find(|y| y["year"] == 2027)
        .unwrap();
    assert_eq!(y2027["status"], "provisional");

    let (status, body) = call(
        &app,
        Method::PUT,
        "/api/v1/calendar/years/2027",
        Some(&admin),
        Some(&schedule_2027()),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["status"], "entered");
    assert_eq!(body["holidays"], 2);
    assert_eq!(body["workdays"], 1);
    assert_eq!(body["orders_changed"], 1);
    assert!(body["orders_recomputed"].as_i64().unwrap() >= 1);

    // With New Year's Day off: Dec 31, Jan 4, 5, 6, 7, 8, 11.
    let (status, view) = call(
        &app,
        Method::GET,
        &format!("/api/v1/orders/{order}"),
        Some(&admin),
        None,
    )
    .await;
    assert_eq!(status, 200, "{view}");
    assert_eq!(view["due_on"], "2027-01-11");
    assert_eq!(view["due_provisional"], false);
    assert_eq!(view["escalated_at"], Value::Null);
    let event = view["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "recompute_due")
        .unwrap();
    assert_eq!(event["public"], false);
    assert_eq!(event["actor_kind"], "member");
    // The version is unchanged: a member holding the order open can still act on it.
    assert_eq!(view["version"], 1);
    assert_eq!(
        count(
            &app,
            "SELECT count(*) AS n FROM audit_log WHERE action = 'calendar_year_entered' AND subject = 'calendar:2027'"
        ),
        1
    );

    // Replacing the year with the same dates changes no order and writes no event.
    let (status, again) = call(
        &app,
        Method::PUT,
        "/api/v1/calendar/years/2027",
        Some(&admin),
        Some(&schedule_2027()),
    )
    .await;
    assert_eq!(status, 200, "{again}");
    assert_eq!(again["orders_changed"], 0);
    assert_eq!(
        count(
            &app,
            &format!(
                "SELECT count(*) AS n FROM order_events WHERE order_id = {order} AND command = 'recompute_due'"
            )
        ),
        1
    );
    let (_, year) = call(
        &app,
        Method::GET,
        "/api/v1/calendar/years/2027",
        Some(&admin),
        None,
    )
    .await;
    assert_eq!(year["days"].as_array().unwrap().len(), 3);
    assert_eq!(year["days"][1]["name_en"], Value::Null);
}

#[actix_web::test]
async fn a_bad_year_is_refused_field_by_field_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let admin = national_admin(&app).await;
    let (status, body) = call(
        &app,
        Method::PUT,
        "/api/v1/calendar/years/2027",
        Some(&admin),
        Some(&json!({"source": "测试", "days": [
            {"date": "2027-01-01", "kind": "off", "name_zh": "元旦"},
            {"date": "2026-12-31", "kind": "off", "name_zh": "元旦"},
            {"date": "2027-01-01", "kind": "off", "name_zh": "元旦"},
            {"date": "2027-02-01", "kind": "work", "name_zh": "春节调休"},
            {"date": "2027-02-06", "kind": "work", "name_zh": " "},
        ]})),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        vec![
            "days[1].date",
            "days[2].date",
            "days[3].kind",
            "days[4].name_zh"
        ]
    );
    assert!(
        body["errors"][2]["message_zh"]
            .as_str()
            .unwrap()
            .contains("周六或周日")
    );
    let (status, body) = call(
        &app,
        Method::PUT,
        "/api/v1/calendar/years/2027",
        Some(&admin),
        Some(&json!({"source": "", "days": []})),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["errors"][0]["field"], "source");
    assert_eq!(
        count(
            &app,
            "SELECT count(*) AS n FROM holiday_years WHERE year = 2027"
        ),
        0
    );
}

#[actix_web::test]
async fn only_national_administrators_with_a_second_factor_enter_a_year() {
    let app = TestApp::spawn().await;
    let national = app.bureau(None);
    let guangdong = app.bureau(Some("440000"));
    let cases: Vec<(SignedIn, u16, &str)> = vec![
        (
            app.sign_in(
                app.create_member(guangdong, "cal.gd.admin", &[Role::OrgAdmin]),
                true,
            )
            .await,
            403,
            "forbidden",
        ),
        (
            app.sign_in(
                app.create_member(national, "cal.nat.handler", &[Role::Handler]),
                true,
            )
            .await,
            403,
            "forbidden",
        ),
        (
            app.sign_in(
                app.create_member(national, "cal.nat.admin", &[Role::OrgAdmin]),
                false,
            )
            .await,
            403,
            "second_factor_required",
        ),
    ];
    for (who, status, code) in &cases {
        let (got, body) = call(
            &app,
            Method::PUT,
            "/api/v1/calendar/years/2027",
            Some(who),
            Some(&schedule_2027()),
        )
        .await;
        assert_eq!(
            (got, body["code"].as_str().unwrap()),
            (*status, *code),
            "{body}"
        );
    }
    assert_eq!(
        count(
            &app,
            "SELECT count(*) AS n FROM holiday_years WHERE year = 2027"
        ),
        0
    );
    assert!(
        count(
            &app,
            "SELECT count(*) AS n FROM audit_log WHERE action = 'access_denied' AND subject = 'calendar:2027'"
        ) >= 2
    );
    // The capability the console shows the editor by.
    let admin = national_admin(&app).await;
    let (_, me) = call(&app, Method::GET, "/api/v1/me", Some(&admin), None).await;
    let caps = me["capabilities"].as_array().unwrap();
    assert!(caps.contains(&json!("manage_calendar")), "{me}");
    assert!(caps.contains(&json!("view_calendar")), "{me}");
}

#[actix_web::test]
async fn an_overdue_order_is_escalated_once_with_an_event_and_an_email() {
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let handler = app.create_member(nanshan, "cal.handler", &[Role::Handler]);
    app.execute(&format!(
        "UPDATE users SET email = 'handler@nanshan.example.cn' WHERE id = {}",
        handler.0
    ));
    let overdue = file_complaint(&app, "13700000201").await;
    // Received Monday 2026-11-02: due Wednesday 2026-11-11, overdue from the 12th.
    received_on(&app, overdue, "2026-11-02", "2026-11-11", false);
    let concluded = file_complaint(&app, "13700000202").await;
    received_on(&app, concluded, "2026-11-02", "2026-11-11", false);
    app.execute(&format!(
        "UPDATE orders SET state = 'concluded', conclusion = '{{\"outcome\": \"withdrawn\"}}' WHERE id = {concluded}"
    ));
    let on_time = file_complaint(&app, "13700000203").await;

    let db = db_of(&app);
    let today = d("2026-11-30");
    let round = escalate_once(&db, today).await.unwrap();
    assert_eq!(
        (round.escalated, round.notified, round.skipped),
        (1, 1, false)
    );

    let events = |id: i64| {
        count(
            &app,
            &format!(
                "SELECT count(*) AS n FROM order_events WHERE order_id = {id} AND command = 'escalate' \
             AND actor_kind = 'scheduler' AND NOT public"
            ),
        )
    };
    assert_eq!(events(overdue), 1);
    assert_eq!(events(concluded), 0);
    assert_eq!(events(on_time), 0);
    assert_eq!(
        count(
            &app,
            &format!(
                "SELECT count(*) AS n FROM orders WHERE id = {overdue} AND escalated_at IS NOT NULL \
             AND escalated_due_on = '2026-11-11'"
            )
        ),
        1
    );
    assert_eq!(
        count(
            &app,
            "SELECT count(*) AS n FROM outbox WHERE template = 'order_overdue' \
                     AND channel = 'email' AND recipient = 'handler@nanshan.example.cn'"
        ),
        1
    );

    // Run again (the next round, or another instance): nothing more.
    let again = escalate_once(&db, d("2026-12-01")).await.unwrap();
    assert_eq!(again.escalated, 0);
    assert_eq!(events(overdue), 1);
    assert_eq!(
        count(
            &app,
            "SELECT count(*) AS n FROM outbox WHERE template = 'order_overdue'"
        ),
        1
    );

    // Staff see when it was escalated; the consumer's timeline does not show it.
    let reader = app.sign_in(handler, false).await;
    let (status, view) = call(
        &app,
        Method::GET,
        &format!("/api/v1/orders/{overdue}"),
        Some(&reader),
        None,
    )
    .await;
    assert_eq!(status, 200, "{view}");
    assert!(view["escalated_at"].is_string(), "{view}");
    assert!(
        view["timeline"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["action"] == "escalate")
    );
}

#[actix_web::test]
async fn an_order_escalated_with_a_stale_due_date_gets_the_date_it_was_escalated_for() {
    let app = TestApp::spawn().await;
    let order = file_complaint(&app, "13700000204").await;
    // Received Monday 2026-11-02: due Wednesday 2026-11-11. The stored date is stale (as if
    // computed on another calendar) and also past.
    received_on(&app, order, "2026-11-02", "2026-11-05", false);
    let round = escalate_once(&db_of(&app), d("2026-11-30")).await.unwrap();
    assert_eq!(round.escalated, 1);
    // In the same round, not the next one: the supervision list sorts and shows `due_on`.
    assert_eq!(
        count(
            &app,
            &format!(
                "SELECT count(*) AS n FROM orders WHERE id = {order} \
                 AND due_on = '2026-11-11' AND escalated_due_on = '2026-11-11'"
            )
        ),
        1
    );
}

#[actix_web::test]
async fn the_job_is_one_at_a_time_across_instances() {
    let app = TestApp::spawn().await;
    let overdue = file_complaint(&app, "13700000301").await;
    received_on(&app, overdue, "2026-11-02", "2026-11-11", false);
    // Another instance holds the lock: this one skips the round.
    let mut holder = app.database.connect();
    diesel::sql_query("SELECT pg_advisory_lock(hashtext('weiquan.escalation'))")
        .execute(&mut holder)
        .unwrap();
    let db = db_of(&app);
    let round = escalate_once(&db, d("2026-11-30")).await.unwrap();
    assert!(round.skipped);
    assert_eq!(round.escalated, 0);
    diesel::sql_query("SELECT pg_advisory_unlock(hashtext('weiquan.escalation'))")
        .execute(&mut holder)
        .unwrap();
    let round = escalate_once(&db, d("2026-11-30")).await.unwrap();
    assert_eq!(round.escalated, 1);
}
