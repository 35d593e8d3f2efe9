//! The regulation's closed lists as the console's selects get them.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use reqwest::Method;
use serde_json::Value;
use weiquan_domain::access::Role;
use weiquan_domain::workflow::{
    CaseDecision, NotAcceptedGround, OTHER_ROUTES_ZH, TerminationReason,
};
use weiquan_test_support::TestApp;

async fn reasons(app: &TestApp, who: Option<&weiquan_test_support::SignedIn>) -> (u16, Value) {
    let response = app
        .request(Method::GET, "/api/v1/workflow/reasons", who)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

fn codes(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap().to_owned())
        .collect()
}

fn wire<T: serde::Serialize>(v: T) -> String {
    serde_json::to_value(v)
        .unwrap()
        .as_str()
        .unwrap()
        .to_owned()
}

#[actix_web::test]
async fn a_handler_gets_every_closed_list_with_the_domains_codes_and_texts() {
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let handler = app.create_member(nanshan, "nanshan.h1", &[Role::Handler]);
    let who = app.sign_in(handler, true).await;

    let (status, body) = reasons(&app, Some(&who)).await;

    assert_eq!(status, 200, "{body}");
    assert_eq!(
        codes(&body["not_accepted_grounds"]),
        NotAcceptedGround::ALL.map(wire).to_vec()
    );
    assert_eq!(
        codes(&body["termination_reasons"]),
        TerminationReason::ALL.map(wire).to_vec()
    );
    assert_eq!(
        codes(&body["case_decisions"]),
        CaseDecision::ALL.map(wire).to_vec()
    );
    let first = &body["not_accepted_grounds"][0];
    let ground = NotAcceptedGround::ALL[0];
    assert_eq!(first["item"], ground.item());
    assert_eq!(first["text_zh"], ground.zh());
    assert_eq!(first["text_en"], ground.en());
    let decision = &body["case_decisions"][1];
    assert_eq!(decision["text_zh"], CaseDecision::ALL[1].zh());
    assert!(decision["item"].is_null());
    assert_eq!(body["other_routes"]["text_zh"], OTHER_ROUTES_ZH);
}

#[actix_web::test]
async fn a_consumer_is_refused_and_a_visitor_must_sign_in() {
    let app = TestApp::spawn().await;
    let consumer = app.create_consumer("13800138000");
    let who = app.sign_in(consumer, false).await;

    let (status, body) = reasons(&app, Some(&who)).await;
    assert_eq!((status, body["code"].as_str()), (403, Some("forbidden")));

    let (status, body) = reasons(&app, None).await;
    assert_eq!((status, body["code"].as_str()), (401, Some("unauthorized")));
}
