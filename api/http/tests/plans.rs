//! The queries behind the lists and pages staff and consumers open all day must walk indexes,
//! never scan the work-order tables, whatever their size. This test runs the real server over
//! a table of synthetic orders spread like the country's (every county bureau), captures every
//! statement the services send through diesel's instrumentation (all connections of this
//! process, the server's pool included), and asks PostgreSQL for the plan of each SELECT that
//! reads `orders`, `order_appeals`, `order_parties` or `order_events`, with the very SQL and
//! values that ran (`PREPARE` + `EXPLAIN (FORMAT JSON) EXECUTE`, custom plan, no planner
//! settings changed). Any `Seq Scan` on those tables fails it, naming the statement.
//!
//! Covered: the inbox of a county and of a province (default, overdue, open states, category,
//! assigned to me, receipt dates, order number, common and rare text), the counts, the
//! supervision list, the order page as staff (with the Art. 17 signal counts) and as its
//! consumer, the consumer's own list, and the overdue job's scan. `scripts/bench/scale`
//! measures the same requests at 1 M and 10 M orders.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]
#![expect(
    clippy::panic,
    reason = "a plan that scans fails the test with the statement"
)]

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use diesel::connection::{InstrumentationEvent, set_default_instrumentation};
use diesel::{PgConnection, RunQueryDsl};
use reqwest::Method;
use serde_json::Value;
use weiquan_domain::access::Role;
use weiquan_test_support::{SignedIn, TestApp};

/// Statements captured while [`CAPTURING`] is on (Display of diesel's debug query:
/// `SQL -- binds: [...]`).
static CAPTURED: Mutex<Vec<String>> = Mutex::new(Vec::new());
static CAPTURING: AtomicBool = AtomicBool::new(false);

fn capture(event: InstrumentationEvent<'_>) {
    if let InstrumentationEvent::StartQuery { query, .. } = event
        && CAPTURING.load(Ordering::SeqCst)
    {
        CAPTURED.lock().unwrap().push(query.to_string());
    }
}

fn instrumentation() -> Option<Box<dyn diesel::connection::Instrumentation>> {
    Some(Box::new(capture))
}

const ORDERS: i64 = 60_000;

/// `ORDERS` orders over every county bureau (ids in receipt order, a year of dates, about 6%
/// open, some overdue), each with an appeal, a party and three events; 1,000 consumers.
fn fill(conn: &mut PgConnection, consumer: i64, handler: i64) {
    for sql in [
        "INSERT INTO users (kind, phone, display_name, password_hash) \
         SELECT 'consumer', '15' || lpad(i::text, 9, '0'), 'synthetic', 'x' \
         FROM generate_series(1, 1000) i"
            .to_owned(),
        format!(
            "WITH county AS (
               SELECT array_agg(id ORDER BY id) AS ids, array_agg(path ORDER BY id) AS paths,
                      count(*)::int AS n
               FROM organisations WHERE kind = 'bureau' AND bureau_level = 'county'),
             filer AS (SELECT array_agg(id ORDER BY id) AS ids FROM users WHERE phone LIKE '15%')
             INSERT INTO orders (number, kind, rules, state, state_detail, conclusion, received_on,
                                 clock_start, due_on, consumer_id, filed_by, holder_org_id,
                                 holder_path, handler_id, routing_rule, escalated_at,
                                 escalated_due_on)
             SELECT 'WQ2026' || lpad(i::text, 10, '0'), g.kind, 'order121', g.state,
                    CASE WHEN g.state = 'checking' THEN '{{\"extended\": false}}'::jsonb END,
                    CASE WHEN g.state IN ('concluded', 'archived') THEN '{{\"outcome\": \"answered\"}}'::jsonb END,
                    g.received, g.received,
                    CASE WHEN g.state NOT IN ('concluded', 'archived') THEN g.received + 10 END,
                    g.filer, g.filer,
                    c.ids[1 + i % c.n], c.paths[1 + i % c.n],
                    CASE WHEN i % 3 = 0 THEN {handler} END, 'place_of_business',
                    CASE WHEN g.state NOT IN ('concluded', 'archived') AND g.received + 10 < current_date
                         THEN now() END,
                    CASE WHEN g.state NOT IN ('concluded', 'archived') AND g.received + 10 < current_date
                         THEN g.received + 10 END
             FROM county c, filer f, generate_series(1, {ORDERS}) i
             CROSS JOIN LATERAL (SELECT
                 (ARRAY['complaint', 'report', 'consultation'])[1 + (i % 100 >= 47)::int + (i % 100 >= 61)::int] AS kind,
                 current_date - 365 + (i * 365 / {ORDERS})::int AS received,
                 CASE WHEN i % 50 = 0 THEN {consumer} ELSE f.ids[1 + i % 1000] END AS filer,
                 CASE WHEN i > {ORDERS} - {ORDERS} / 12 AND i % 4 <> 0
                      THEN (ARRAY['received', 'accepted', 'mediating', 'checking'])[1 + i % 4]
                      WHEN i % 97 = 0 THEN 'received'
                      ELSE (ARRAY['archived', 'archived', 'archived', 'concluded'])[1 + i % 4] END AS state) g"
        ),
        "INSERT INTO order_appeals (order_id, business_name, business_division, item, amount_fen,
                                    facts, subject_category, problem_type)
         SELECT id, '某' || (ARRAY['电器', '餐饮', '健身', '家居', '汽车'])[1 + id % 5] || '有限公司',
                NULL, '商品', 1000 + id % 100000,
                (ARRAY['购买的空调不制冷', '外卖菜品变质', '预付卡无法退款', '快递丢件', '手机屏幕坏点',
                       '物业收费不合理', '培训机构拒绝退费'])[1 + id % 7] || '，订单尾号' || id,
                (ARRAY['G0101', 'G0102', 'S0101', 'G0203'])[1 + id % 4], 'P01'
         FROM orders"
            .to_owned(),
        "INSERT INTO order_parties (order_id, anonymous, user_id, display_name, phone)
         SELECT o.id, false, u.id, u.display_name, u.phone FROM orders o JOIN users u ON u.id = o.filed_by"
            .to_owned(),
        "INSERT INTO order_events (order_id, seq, actor_kind, command, from_state, to_state, public)
         SELECT id, s, 'consumer', CASE s WHEN 1 THEN 'received' ELSE 'assign_handler' END,
                CASE WHEN s > 1 THEN 'received' END, 'received', s = 1
         FROM orders, generate_series(1, 3) s"
            .to_owned(),
        "ANALYZE users, orders, order_appeals, order_parties, order_events".to_owned(),
    ] {
        diesel::sql_query(&sql)
            .execute(conn)
            .unwrap_or_else(|e| panic!("{e}\n{sql}"));
    }
}

/// Splits diesel's `Debug` list of bind values into SQL literals (`None` → NULL, arrays →
/// array literals) and `PREPARE` types (integers and dates typed, the rest `unknown`, i.e.
/// inferred from where the parameter stands).
fn binds(list: &str) -> Vec<(String, &'static str)> {
    fn quote(s: &str) -> String {
        format!("'{}'", s.replace('\'', "''"))
    }
    let chars: Vec<char> = list.trim().chars().collect();
    assert!(
        chars.first() == Some(&'[') && chars.last() == Some(&']'),
        "{list}"
    );
    let inner = &chars[1..chars.len() - 1];
    // Top-level items, split at commas outside strings and brackets.
    let mut items: Vec<String> = Vec::new();
    let (mut depth, mut in_str, mut escaped) = (0, false, false);
    let mut current = String::new();
    for &c in inner {
        if in_str {
            current.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_str = false;
            }
            continue;
        }
        match c {
            '"' => in_str = true,
            '[' | '(' => depth += 1,
            ']' | ')' => depth -= 1,
            ',' if depth == 0 => {
                items.push(current.trim().to_owned());
                current.clear();
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    if !current.trim().is_empty() {
        items.push(current.trim().to_owned());
    }
    fn unstring(s: &str) -> String {
        let s = &s[1..s.len() - 1];
        let mut out = String::new();
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n') => out.push('\n'),
                    Some('t') => out.push('\t'),
                    Some(other) => out.push(other),
                    None => {}
                }
            } else {
                out.push(c);
            }
        }
        out
    }
    fn literal(item: &str) -> (String, &'static str) {
        let item = item.trim();
        if let Some(inner) = item.strip_prefix("Some(").and_then(|s| s.strip_suffix(')')) {
            return literal(inner);
        }
        if item == "None" {
            return ("NULL".into(), "unknown");
        }
        if item.starts_with('"') {
            return (quote(&unstring(item)), "unknown");
        }
        if item.starts_with('[') {
            let elements: Vec<String> = binds(item)
                .into_iter()
                .map(|(l, _)| {
                    let raw = l.trim_matches('\'').replace("''", "'");
                    format!("\"{}\"", raw.replace('\\', "\\\\").replace('"', "\\\""))
                })
                .collect();
            return (quote(&format!("{{{}}}", elements.join(","))), "unknown");
        }
        if item.parse::<i32>().is_ok() {
            return (quote(item), "integer");
        }
        if item.parse::<i64>().is_ok() {
            return (quote(item), "bigint");
        }
        let date = item.len() == 10 && item.as_bytes()[4] == b'-' && item.as_bytes()[7] == b'-';
        (quote(item), if date { "date" } else { "unknown" })
    }
    items.iter().map(|i| literal(i)).collect()
}

#[derive(diesel::QueryableByName)]
struct PlanLine {
    #[diesel(sql_type = diesel::sql_types::Text, column_name = "QUERY PLAN")]
    plan: String,
}

/// The relations a plan scans sequentially.
fn seq_scans(node: &Value, out: &mut Vec<String>) {
    if node["Node Type"] == "Seq Scan" {
        out.push(node["Relation Name"].as_str().unwrap_or("?").to_owned());
    }
    if let Some(children) = node["Plans"].as_array() {
        for child in children {
            seq_scans(child, out);
        }
    }
}

const WATCHED: [&str; 4] = ["orders", "order_appeals", "order_parties", "order_events"];

/// The plan of one captured statement as it ran (custom plan for its values).
fn plan_of(conn: &mut PgConnection, captured: &str) -> Value {
    let (sql, list) = captured
        .rsplit_once(" -- binds: ")
        .unwrap_or_else(|| panic!("no binds in {captured}"));
    let values = binds(list);
    let types: Vec<&str> = values.iter().map(|(_, t)| *t).collect();
    let prepare = if types.is_empty() {
        format!("PREPARE planned AS {sql}")
    } else {
        format!("PREPARE planned ({}) AS {sql}", types.join(", "))
    };
    diesel::sql_query(&prepare)
        .execute(conn)
        .unwrap_or_else(|e| panic!("{e}\n{prepare}"));
    let explain = if values.is_empty() {
        "EXPLAIN (FORMAT JSON) EXECUTE planned".to_owned()
    } else {
        let args: Vec<String> = values.into_iter().map(|(l, _)| l).collect();
        format!("EXPLAIN (FORMAT JSON) EXECUTE planned({})", args.join(", "))
    };
    let lines: Vec<PlanLine> = diesel::sql_query(&explain)
        .load(conn)
        .unwrap_or_else(|e| panic!("{e}\n{explain}"));
    diesel::sql_query("DEALLOCATE planned")
        .execute(conn)
        .unwrap();
    let text: String = lines.into_iter().map(|l| l.plan).collect();
    serde_json::from_str::<Value>(&text).unwrap()[0]["Plan"].clone()
}

async fn get(app: &TestApp, who: &SignedIn, path: &str) -> Value {
    let response = app
        .request(Method::GET, path, Some(who))
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let body: Value = response.json().await.unwrap_or(Value::Null);
    assert_eq!(status, 200, "GET {path}: {body}");
    body
}

#[actix_web::test]
async fn the_services_lists_and_pages_never_scan_the_order_tables() {
    set_default_instrumentation(instrumentation).unwrap();
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let guangdong = app.bureau(Some("440000"));
    let handler_id = app.create_member(nanshan, "plans.handler", &[Role::Handler]);
    let analyst_id = app.create_member(guangdong, "plans.analyst", &[Role::Analyst]);
    let consumer_id = app.create_consumer("13800000077");
    let mut conn = app.database.connect();
    fill(&mut conn, consumer_id.0, handler_id.0);
    let handler = app.sign_in(handler_id, false).await;
    let analyst = app.sign_in(analyst_id, true).await;
    let consumer = app.sign_in(consumer_id, false).await;
    let (complaint, own_order): (i64, i64) = {
        #[derive(diesel::QueryableByName)]
        struct Ids {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            complaint: i64,
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            own: i64,
        }
        let ids: Ids = diesel::sql_query(format!(
            "SELECT (SELECT min(id) FROM orders WHERE holder_org_id = {} AND kind = 'complaint') AS complaint,
                    (SELECT max(id) FROM orders WHERE filed_by = {}) AS own",
            nanshan.0, consumer_id.0
        ))
        .get_result(&mut conn)
        .unwrap();
        (ids.complaint, ids.own)
    };

    CAPTURING.store(true, Ordering::SeqCst);
    let county = format!("/api/v1/organisations/{}", nanshan.0);
    let province = format!("/api/v1/organisations/{}", guangdong.0);
    let filters = [
        "",
        "?overdue=true",
        "?state=received,accepted,mediating,checking",
        "?category=G01",
        "?assigned=me",
        "?received_from=2026-01-01&received_to=2026-03-31",
        "?q=WQ20260000001",
        "?q=%E7%A9%BA%E8%B0%83%E4%B8%8D%E5%88%B6%E5%86%B7", // 空调不制冷 (1 in 7)
        "?q=%E8%AE%A2%E5%8D%95%E5%B0%BE%E5%8F%B712345",     // 订单尾号12345 (one)
        "?kind=report&due_within=30",
    ];
    for filter in filters {
        get(&app, &handler, &format!("{county}/orders{filter}")).await;
        get(&app, &analyst, &format!("{province}/orders{filter}")).await;
    }
    let first = get(&app, &analyst, &format!("{province}/orders")).await;
    if let Some(next) = first["next"].as_str() {
        get(&app, &analyst, &format!("{province}/orders?after={next}")).await;
    }
    get(&app, &handler, &format!("{county}/orders/counts")).await;
    get(&app, &analyst, &format!("{province}/orders/counts")).await;
    get(
        &app,
        &analyst,
        &format!("{province}/orders/counts?kind=complaint&q=%E9%A2%84%E4%BB%98%E5%8D%A1"),
    )
    .await;
    get(&app, &analyst, &format!("{province}/supervision")).await;
    get(&app, &handler, &format!("/api/v1/orders/{complaint}")).await;
    get(&app, &consumer, &format!("/api/v1/orders/{own_order}")).await;
    let mine = get(&app, &consumer, "/api/v1/me/orders").await;
    if let Some(next) = mine["next"].as_str() {
        get(&app, &consumer, &format!("/api/v1/me/orders?after={next}")).await;
    }
    // The overdue job's scan (run by `weiquan serve` on its interval).
    {
        let mut job = app.database.connect();
        diesel::Connection::transaction(&mut job, |c| {
            weiquan_db::orders::overdue_unescalated(c, weiquan_services::orders::today(), 100)
        })
        .unwrap();
    }
    CAPTURING.store(false, Ordering::SeqCst);

    let captured = std::mem::take(&mut *CAPTURED.lock().unwrap());
    let mut checked = 0;
    let mut scans = Vec::new();
    for statement in &captured {
        let sql = statement.trim_start().to_lowercase();
        let reads = WATCHED
            .iter()
            .any(|t| sql.contains(&format!("\"{t}\"")) || sql.contains(&format!(" {t} ")));
        if !(sql.starts_with("select") || sql.starts_with("with")) || !reads {
            continue;
        }
        let plan = plan_of(&mut conn, statement);
        let mut relations = Vec::new();
        seq_scans(&plan, &mut relations);
        checked += 1;
        if relations.iter().any(|r| WATCHED.contains(&r.as_str())) {
            scans.push(format!("{relations:?} in\n{statement}\n{plan:#}"));
        }
    }
    assert!(
        checked >= 30,
        "only {checked} statements read the order tables: {captured:#?}"
    );
    assert!(
        scans.is_empty(),
        "{} of {checked} statements scan:\n\n{}",
        scans.len(),
        scans.join("\n\n")
    );
}
