//! The organisation tree as each kind of caller sees it: one's own subtree, nothing else.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use reqwest::Method;
use serde_json::Value;
use weiquan_domain::access::Role;
use weiquan_test_support::{SignedIn, TestApp};

async fn get(app: &TestApp, path: &str, who: Option<&SignedIn>) -> (u16, Value) {
    let response = app.request(Method::GET, path, who).send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[actix_web::test]
async fn a_province_analyst_browses_down_to_a_county() {
    let app = TestApp::spawn().await;
    let guangdong = app.bureau(Some("440000"));
    let shenzhen = app.bureau(Some("440300"));
    let nanshan = app.bureau(Some("440305"));
    let analyst = app
        .sign_in(
            app.create_member(guangdong, "gd-analyst", &[Role::Analyst]),
            true,
        )
        .await;

    let (status, body) = get(
        &app,
        &format!("/api/v1/organisations/{}/children", guangdong.0),
        Some(&analyst),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let names: Vec<&str> = body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"深圳市市场监督管理局"), "{names:?}");
    assert_eq!(names.len(), 21, "Guangdong has 21 prefecture-level cities");

    let (status, body) = get(
        &app,
        &format!("/api/v1/organisations/{}", nanshan.0),
        Some(&analyst),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(body["bureau_level"], "county");
    assert_eq!(body["division_code"], "440305");
    let ancestors: Vec<i64> = body["ancestors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_i64().unwrap())
        .collect();
    assert_eq!(
        ancestors,
        [guangdong.0, shenzhen.0],
        "ancestry shown from the caller's own unit down"
    );
}

#[actix_web::test]
async fn a_county_handler_cannot_see_another_county_or_its_upper_level() {
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let futian = app.bureau(Some("440304"));
    let shenzhen = app.bureau(Some("440300"));
    let handler = app
        .sign_in(
            app.create_member(nanshan, "ns-handler", &[Role::Handler]),
            false,
        )
        .await;
    assert_eq!(
        get(
            &app,
            &format!("/api/v1/organisations/{}", nanshan.0),
            Some(&handler)
        )
        .await
        .0,
        200
    );
    for other in [futian, shenzhen] {
        let (status, body) = get(
            &app,
            &format!("/api/v1/organisations/{}", other.0),
            Some(&handler),
        )
        .await;
        assert_eq!((status, body["code"].as_str()), (404, Some("not_found")));
        assert_eq!(
            get(
                &app,
                &format!("/api/v1/organisations/{}/children", other.0),
                Some(&handler)
            )
            .await
            .0,
            404
        );
    }
    assert_eq!(
        get(&app, "/api/v1/organisations/999999999", Some(&handler))
            .await
            .0,
        404
    );
}

#[actix_web::test]
async fn consumers_and_anonymous_callers_see_no_organisations() {
    let app = TestApp::spawn().await;
    let national = app.bureau(None);
    let consumer = app.sign_in(app.create_consumer("13700000001"), false).await;
    assert_eq!(
        get(&app, &format!("/api/v1/organisations/{}", national.0), None)
            .await
            .0,
        401
    );
    assert_eq!(
        get(
            &app,
            &format!("/api/v1/organisations/{}", national.0),
            Some(&consumer)
        )
        .await
        .0,
        404
    );
}

#[actix_web::test]
async fn upper_level_staff_must_pass_the_second_factor_first() {
    let app = TestApp::spawn().await;
    let guangdong = app.bureau(Some("440000"));
    let pending = app
        .sign_in(
            app.create_member(guangdong, "gd-handler", &[Role::Handler]),
            false,
        )
        .await;
    let (status, body) = get(
        &app,
        &format!("/api/v1/organisations/{}", guangdong.0),
        Some(&pending),
    )
    .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (403, Some("second_factor_required"))
    );
}

#[actix_web::test]
async fn malformed_ids_are_rejected_without_a_server_error() {
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let handler = app
        .sign_in(
            app.create_member(nanshan, "ns-handler2", &[Role::Handler]),
            false,
        )
        .await;
    for bad in ["abc", "-1", "99999999999999999999", "1.5"] {
        let (status, _) = get(
            &app,
            &format!("/api/v1/organisations/{bad}"),
            Some(&handler),
        )
        .await;
        assert!(status == 400 || status == 404, "{bad}: {status}");
    }
}
