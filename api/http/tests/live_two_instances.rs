//! Two server instances on one PostgreSQL database and one Redis prefix, as behind a load
//! balancer: a message posted through one arrives on a live stream held on the other within
//! one second (Redis pub/sub carries it; each instance has one subscriber connection).

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use std::time::{Duration, Instant};

use diesel::RunQueryDsl;
use reqwest::Method;
use serde_json::{Value, json};
use weiquan_domain::access::Role;
use weiquan_test_support::TestApp;
use weiquan_test_support::sse::{self, Events};

fn set_mediating(app: &TestApp, order: i64) {
    let mut conn = app.database.connect();
    diesel::sql_query(format!(
        "UPDATE orders SET state = 'mediating', state_detail = NULL WHERE id = {order}"
    ))
    .execute(&mut conn)
    .unwrap();
}

#[actix_web::test]
async fn a_message_posted_on_one_instance_reaches_a_stream_on_the_other_within_a_second() {
    let a = TestApp::spawn().await;
    let b = a.spawn_sibling().await;
    let nanshan = a.bureau(Some("440305"));
    let consumer = a.sign_in(a.create_consumer("13700000201"), false).await;
    let handler = a
        .sign_in(
            a.create_member(nanshan, "two.handler", &[Role::Handler]),
            false,
        )
        .await;
    let created: Value = a
        .request(Method::POST, "/api/v1/orders", Some(&consumer))
        .json(&json!({
            "kind": "complaint",
            "business": {"name": "深圳市某餐饮有限公司", "division": "440305"},
            "item": "套餐", "request": "退款", "facts": "菜品变质，商家拒绝退款。",
            "subject_category": "S0101", "problem_type": "P01",
        }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let order = created["orders"][0]["id"].as_i64().unwrap();
    set_mediating(&a, order);

    // The consumer's stream is held by instance B (the session lives in the shared Redis).
    let response = sse::client()
        .get(b.url(&format!("/api/v1/orders/{order}/messages/stream")))
        .header("Cookie", &consumer.cookie)
        .send()
        .await
        .unwrap();
    let mut stream = Events::new(response);
    // Let B's subscriber establish its subscription (a message before that would still
    // arrive, replayed from PostgreSQL on subscribing, but this test measures the live path).
    tokio::time::sleep(Duration::from_millis(500)).await;

    for round in 0..3 {
        let text = format!("第 {round} 条：已联系商家");
        let started = Instant::now();
        let response = a
            .request(
                Method::POST,
                &format!("/api/v1/orders/{order}/messages"),
                Some(&handler),
            )
            .json(&json!({"body": text}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 201);
        let posted: Value = response.json().await.unwrap();
        let event = stream.next_message(Duration::from_secs(2)).await;
        let elapsed = started.elapsed();
        assert!(event.is_some(), "round {round}: nothing reached instance B");
        let event = event.unwrap();
        assert_eq!(event.id, posted["id"].as_i64());
        assert_eq!(event.data["body"], text.as_str());
        assert!(
            elapsed < Duration::from_secs(1),
            "delivered across instances in {elapsed:?}"
        );
        println!("round {round}: posted on A, received on B in {elapsed:?}");
    }

    // And the other way round: posted on B, held on A.
    let response = sse::client()
        .get(a.url(&format!("/api/v1/orders/{order}/messages/stream")))
        .header("Cookie", &handler.cookie)
        .send()
        .await
        .unwrap();
    let mut on_a = Events::new(response);
    tokio::time::sleep(Duration::from_millis(300)).await;
    let started = Instant::now();
    let response = b
        .request(
            Method::POST,
            &format!("/api/v1/orders/{order}/messages"),
            Some(&consumer),
        )
        .json(&json!({"body": "收到，谢谢"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 201);
    let event = on_a.next_message(Duration::from_secs(2)).await.unwrap();
    assert_eq!(event.data["body"], "收到，谢谢");
    assert!(started.elapsed() < Duration::from_secs(1));
}
