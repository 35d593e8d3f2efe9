//! `GET /api/v1/enterprises/odr/{credit_code}`: only an approved ODR enterprise is found.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use weiquan_domain::CreditCode;
use weiquan_domain::access::OrgId;
use weiquan_test_support::{TestApp, TestOptions};

fn code(body: &str) -> String {
    CreditCode::complete(body).unwrap().as_str().to_owned()
}

fn insert_enterprise(app: &TestApp, parent: OrgId, credit: &str, odr: Option<&str>) {
    use diesel::RunQueryDsl;
    let mut conn = app.database.connect();
    diesel::sql_query(
        "WITH new AS (SELECT nextval(pg_get_serial_sequence('organisations', 'id')) AS id) \
         INSERT INTO organisations (id, kind, name, parent_id, path, credit_code, odr_status) \
         SELECT new.id, 'enterprise', '深圳市某电商有限公司', p.id, p.path || new.id || '/', $1, $2 \
         FROM new, organisations p WHERE p.id = $3",
    )
    .bind::<diesel::sql_types::Text, _>(credit)
    .bind::<diesel::sql_types::Nullable<diesel::sql_types::Text>, _>(odr)
    .bind::<diesel::sql_types::BigInt, _>(parent.0)
    .execute(&mut conn)
    .unwrap();
}

#[actix_web::test]
async fn an_approved_odr_enterprise_is_found_and_nothing_else_is() {
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let approved = code("91440305MA5FWQ001");
    let suspended = code("91440305MA5FWQ002");
    let not_odr = code("91440305MA5FWQ003");
    insert_enterprise(&app, nanshan, &approved, Some("approved"));
    insert_enterprise(&app, nanshan, &suspended, Some("suspended"));
    // An enterprise known to the system (e.g. a complaint's business) without ODR.
    insert_enterprise(&app, nanshan, &not_odr, None);

    let (status, body) = app
        .get_json(&format!("/api/v1/enterprises/odr/{approved}"))
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["name"], "深圳市某电商有限公司");
    assert_eq!(body["credit_code"], approved.as_str());

    // People type lower case; the code is the same.
    let (status, body) = app
        .get_json(&format!(
            "/api/v1/enterprises/odr/{}",
            approved.to_lowercase()
        ))
        .await;
    assert_eq!(
        (status, body["credit_code"].as_str()),
        (200, Some(approved.as_str()))
    );

    let unknown = code("91440305MA5FWQ004");
    let mut answers = Vec::new();
    for other in [&suspended, &not_odr, &unknown] {
        let (status, body) = app
            .get_json(&format!("/api/v1/enterprises/odr/{other}"))
            .await;
        assert_eq!(status, 404, "{other}: {body}");
        assert_eq!(body["code"], "not_found");
        answers.push(body);
    }
    // One answer for all: the lookup does not tell a suspended enterprise from no match.
    assert!(answers.windows(2).all(|w| w[0] == w[1]));
}

#[actix_web::test]
async fn a_malformed_code_is_a_field_error() {
    let app = TestApp::spawn().await;
    let good = code("91440305MA5FWQ001");
    let wrong_check = format!(
        "{}{}",
        &good[..17],
        if good.ends_with('0') { '1' } else { '0' }
    );
    for (raw, expected) in [
        ("12345", "length"),
        ("91440305MA5FWQ00IQ", "character"),
        (wrong_check.as_str(), "check_character"),
    ] {
        let (status, body) = app
            .get_json(&format!("/api/v1/enterprises/odr/{raw}"))
            .await;
        assert_eq!(status, 422, "{raw}: {body}");
        assert_eq!(body["errors"][0]["field"], "credit_code");
        assert_eq!(body["errors"][0]["code"], expected, "{raw}");
        assert!(body["errors"][0]["message_zh"].is_string());
    }
}

#[actix_web::test]
async fn look_ups_are_limited_per_address() {
    let app = TestApp::spawn_with(TestOptions {
        configure: Some(Box::new(|config| {
            config.application_status_limit.max = 2;
        })),
        ..TestOptions::default()
    })
    .await;
    let unknown = code("91440305MA5FWQ004");
    let path = format!("/api/v1/enterprises/odr/{unknown}");
    assert_eq!(app.get_json(&path).await.0, 404);
    assert_eq!(app.get_json(&path).await.0, 404);
    let response = app.get(&path).await;
    assert_eq!(response.status().as_u16(), 429);
    let retry: u64 = response
        .headers()
        .get("retry-after")
        .unwrap()
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(retry > 0);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["code"], "too_many_requests");
}
