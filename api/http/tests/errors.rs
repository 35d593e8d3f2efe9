//! Every error is problem+json with the right status; no input produces a 500.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use reqwest::header::{ALLOW, CONTENT_TYPE};
use serde_json::Value;
use weiquan_test_support::TestApp;

async fn problem(response: reqwest::Response) -> (u16, Value) {
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert_eq!(content_type, "application/problem+json", "status {status}");
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["status"], status);
    assert!(body["detail"].as_str().is_some_and(|s| !s.is_empty()));
    assert!(body["detail_zh"].as_str().is_some_and(|s| !s.is_empty()));
    assert_eq!(
        body["type"],
        format!("/problems/{}", body["code"].as_str().unwrap())
    );
    (status, body)
}

#[actix_web::test]
async fn malformed_json_is_400() {
    let app = TestApp::spawn().await;
    let response = app
        .client
        .post(app.url("/api/v1/divisions/lookup"))
        .header(CONTENT_TYPE, "application/json")
        .body("{\"codes\": [")
        .send()
        .await
        .unwrap();
    let (status, body) = problem(response).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (400, Some("malformed_request"))
    );
}

#[actix_web::test]
async fn a_wrong_shape_is_422_naming_the_field() {
    let app = TestApp::spawn().await;
    for (body, field, code) in [
        ("{}", "codes", "required"),
        (
            "{\"codes\": [\"440305\"], \"extra\": 1}",
            "extra",
            "unknown_field",
        ),
        // The field by its path (it was "body" before bodies were read by extract::Body).
        ("{\"codes\": \"440305\"}", "codes", "invalid_type"),
        ("{\"codes\": [\"440305\", 7]}", "codes[1]", "invalid_type"),
        ("[]", "body", "invalid_type"),
    ] {
        let response = app
            .client
            .post(app.url("/api/v1/divisions/lookup"))
            .header(CONTENT_TYPE, "application/json")
            .body(body)
            .send()
            .await
            .unwrap();
        let (status, problem) = problem(response).await;
        assert_eq!(status, 422, "{body}");
        assert_eq!(problem["errors"][0]["field"], field, "{body}");
        assert_eq!(problem["errors"][0]["code"], code, "{body}");
    }
}

#[actix_web::test]
async fn a_body_over_the_limit_is_413() {
    let app = TestApp::spawn().await;
    let limit = app.config.json_limit_bytes;
    let big = format!("{{\"codes\": [\"{}\"]}}", "4".repeat(limit));
    let response = app
        .client
        .post(app.url("/api/v1/divisions/lookup"))
        .header(CONTENT_TYPE, "application/json")
        .body(big)
        .send()
        .await
        .unwrap();
    let (status, body) = problem(response).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (413, Some("payload_too_large"))
    );
}

#[actix_web::test]
async fn a_body_that_is_not_json_is_415() {
    let app = TestApp::spawn().await;
    for content_type in [
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
        None,
    ] {
        let mut request = app
            .client
            .post(app.url("/api/v1/divisions/lookup"))
            .body("codes=440305");
        if let Some(ct) = content_type {
            request = request.header(CONTENT_TYPE, ct);
        }
        let (status, body) = problem(request.send().await.unwrap()).await;
        assert_eq!(
            (status, body["code"].as_str()),
            (415, Some("unsupported_media_type"))
        );
    }
}

#[actix_web::test]
async fn an_unknown_api_route_is_404() {
    let app = TestApp::spawn().await;
    for path in [
        "/api/nothing",
        "/api",
        "/api/v1/divisions/440305/extra",
        "/api/v2/divisions",
    ] {
        let (status, body) = problem(app.get(path).await).await;
        assert_eq!(
            (status, body["code"].as_str()),
            (404, Some("not_found")),
            "{path}"
        );
    }
}

#[actix_web::test]
async fn a_wrong_method_is_405_with_allow() {
    let app = TestApp::spawn().await;
    let cases = [
        (reqwest::Method::DELETE, "/api/v1/divisions", "GET"),
        (reqwest::Method::POST, "/api/v1/divisions/440305", "GET"),
        (reqwest::Method::PUT, "/api/health/ready", "GET"),
        // A concrete path wins over /divisions/{code}, as in OpenAPI: GET is not routed to
        // the division handler (schemathesis' unsupported_method and Allow checks).
        (reqwest::Method::PATCH, "/api/v1/divisions/lookup", "POST"),
        (reqwest::Method::GET, "/api/v1/divisions/lookup", "POST"),
        (reqwest::Method::OPTIONS, "/api/v1/divisions/lookup", "POST"),
    ];
    for (method, path, allow) in cases {
        let response = app
            .client
            .request(method.clone(), app.url(path))
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.headers().get(ALLOW).unwrap(),
            allow,
            "{method} {path}"
        );
        let (status, body) = problem(response).await;
        assert_eq!(
            (status, body["code"].as_str()),
            (405, Some("method_not_allowed"))
        );
    }
}

#[actix_web::test]
async fn hostile_input_never_causes_a_server_error() {
    let app = TestApp::spawn().await;
    let paths = [
        "/api/v1/divisions?parent=",
        "/api/v1/divisions?parent=440300&parent=440000",
        "/api/v1/divisions?parent=%00",
        "/api/v1/divisions?parent=%FF%FE",
        "/api/v1/divisions/%00",
        "/api/v1/divisions/..%2F..%2Fetc",
        "/api/v1/divisions/\u{4e2d}\u{6587}",
        "/api/v1/divisions/99999999999999999999",
        "/api/health/ready?x=%zz",
    ];
    for path in paths {
        let status = app.get(path).await.status();
        assert!(status.as_u16() < 500, "{path}: {status}");
    }
    let bodies = [
        "null",
        "[]",
        "\"\"",
        "0",
        "{\"codes\": null}",
        "{\"codes\": [null]}",
        "{\"codes\": [1]}",
        "{\"codes\": [\"\u{0000}\"]}",
        "{\"codes\": [\"４４０３０５\"]}",
        "\u{feff}{}",
        "{\"codes\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]}",
    ];
    for body in bodies {
        let response = app
            .client
            .post(app.url("/api/v1/divisions/lookup"))
            .header(CONTENT_TYPE, "application/json")
            .body(body)
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        assert!((400..500).contains(&status), "{body}: {status}");
        problem(response).await;
    }
}
