//! Liveness, readiness, and what happens when PostgreSQL or Redis goes away and comes back
//! while the server runs (simulated by cutting a proxy in front of each).

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use std::time::{Duration, Instant};

use reqwest::header::RETRY_AFTER;
use weiquan_test_support::{Proxy, TestApp, TestOptions};

#[actix_web::test]
async fn live_answers_without_touching_dependencies() {
    let app = TestApp::spawn().await;
    let (status, body) = app.get_json("/api/health/live").await;
    assert_eq!(status, 200);
    assert_eq!(body["status"], "ok");
}

#[actix_web::test]
async fn ready_reports_both_dependencies() {
    let app = TestApp::spawn().await;
    let (status, body) = app.get_json("/api/health/ready").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["status"], "ok");
    assert_eq!(body["checks"]["postgres"]["ok"], true);
    assert_eq!(body["checks"]["redis"]["ok"], true);
    assert!(body["checks"]["redis"]["latency_ms"].as_f64().unwrap() >= 0.0);
}

/// GETs `path` until it answers `status` (each answer must come quickly), or fails.
async fn wait_for(app: &TestApp, path: &str, status: u16) -> serde_json::Value {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let started = Instant::now();
        let response = app.get(path).await;
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{path} took {:?}",
            started.elapsed()
        );
        let got = response.status().as_u16();
        assert!(got == 200 || got == 503, "{path}: {got}, never a 500");
        if got == status {
            if status == 503 {
                assert_eq!(response.headers().get(RETRY_AFTER).unwrap(), "5");
            }
            return response.json().await.unwrap();
        }
        assert!(Instant::now() < deadline, "{path} never answered {status}");
        actix_web::rt::time::sleep(Duration::from_millis(100)).await;
    }
}

#[actix_web::test]
async fn postgres_outage_is_503_naming_it_and_recovers_without_restart() {
    let proxy = Proxy::postgres().await;
    let app = TestApp::spawn_with(TestOptions {
        postgres_proxy: Some(proxy.addr),
        ..Default::default()
    })
    .await;
    wait_for(&app, "/api/v1/divisions", 200).await;

    proxy.cut();
    let body = wait_for(&app, "/api/health/ready", 503).await;
    assert_eq!(body["code"], "service_unavailable");
    assert_eq!(body["unavailable"], serde_json::json!(["postgres"]));
    let body = wait_for(&app, "/api/v1/divisions", 503).await;
    assert_eq!(body["unavailable"], serde_json::json!(["postgres"]));
    assert!(body["detail_zh"].as_str().unwrap().contains("暂时不可用"));

    proxy.restore();
    wait_for(&app, "/api/health/ready", 200).await;
    let (status, body) = app.get_json("/api/v1/divisions").await;
    assert_eq!(status, 200);
    assert_eq!(body["items"].as_array().unwrap().len(), 31);
}

#[actix_web::test]
async fn redis_outage_is_503_naming_it_and_recovers_without_restart() {
    let proxy = Proxy::redis().await;
    let app = TestApp::spawn_with(TestOptions {
        redis_proxy: Some(proxy.addr),
        ..Default::default()
    })
    .await;
    wait_for(&app, "/api/health/ready", 200).await;

    proxy.cut();
    let body = wait_for(&app, "/api/health/ready", 503).await;
    assert_eq!(body["unavailable"], serde_json::json!(["redis"]));
    // Endpoints that do not need Redis keep working.
    let (status, _) = app.get_json("/api/v1/divisions").await;
    assert_eq!(status, 200);

    proxy.restore();
    wait_for(&app, "/api/health/ready", 200).await;
}

#[actix_web::test]
async fn the_server_starts_while_both_dependencies_are_down_and_comes_up_with_them() {
    let pg = Proxy::postgres().await;
    let redis = Proxy::redis().await;
    pg.cut();
    redis.cut();
    let app = TestApp::spawn_with(TestOptions {
        postgres_proxy: Some(pg.addr),
        redis_proxy: Some(redis.addr),
        ..Default::default()
    })
    .await;
    let body = wait_for(&app, "/api/health/ready", 503).await;
    assert_eq!(
        body["unavailable"],
        serde_json::json!(["postgres", "redis"])
    );
    let (status, _) = app.get_json("/api/health/live").await;
    assert_eq!(status, 200);
    pg.restore();
    redis.restore();
    wait_for(&app, "/api/health/ready", 200).await;
}

/// Concurrent requests share the one Redis connection without waiting on each other: none
/// may be turned away as "connecting" because another request was reading the handle (a
/// 503 the fault test caught under two concurrent actions).
#[actix_web::test]
async fn concurrent_requests_never_see_redis_as_unavailable() {
    let app = TestApp::spawn().await;
    wait_for(&app, "/api/health/ready", 200).await;
    let client = reqwest::Client::new();
    for _ in 0..5 {
        let calls = (0..64).map(|_| client.get(app.url("/api/health/ready")).send());
        for answer in futures_util::future::join_all(calls).await {
            assert_eq!(answer.unwrap().status(), 200);
        }
    }
}
