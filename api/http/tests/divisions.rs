//! The divisions API against a real, migrated database.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use serde_json::{Value, json};
use weiquan_test_support::TestApp;

fn codes(list: &Value) -> Vec<&str> {
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect()
}

#[actix_web::test]
async fn without_a_parent_the_31_provinces_are_listed_in_code_order() {
    let app = TestApp::spawn().await;
    let (status, body) = app.get_json("/api/v1/divisions").await;
    assert_eq!(status, 200);
    let codes = codes(&body);
    assert_eq!(codes.len(), 31);
    assert_eq!(codes[0], "110000");
    assert_eq!(codes[30], "650000");
    assert!(codes.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(body["items"][0]["name"], "北京市");
    assert_eq!(body["items"][0]["level"], "province");
    assert_eq!(body["items"][0]["parent_code"], Value::Null);
    assert_eq!(body["items"][0]["has_children"], true);
}

#[actix_web::test]
async fn a_city_lists_its_counties_and_a_municipality_its_districts_directly() {
    let app = TestApp::spawn().await;
    let (status, shenzhen) = app.get_json("/api/v1/divisions?parent=440300").await;
    assert_eq!(status, 200);
    assert!(codes(&shenzhen).contains(&"440305"));
    let (_, beijing) = app.get_json("/api/v1/divisions?parent=110000").await;
    let beijing_codes = codes(&beijing);
    assert!(
        beijing_codes.contains(&"110105"),
        "朝阳区 directly under 北京市"
    );
    assert!(
        beijing["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["level"] == "county")
    );
    let (_, hubei) = app.get_json("/api/v1/divisions?parent=420000").await;
    assert!(
        codes(&hubei).contains(&"429004"),
        "仙桃市 is administered by the province"
    );
}

#[actix_web::test]
async fn a_leaf_has_no_children_and_an_empty_list() {
    let app = TestApp::spawn().await;
    let (_, guangdong) = app.get_json("/api/v1/divisions?parent=440000").await;
    let dongguan = guangdong["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "441900")
        .unwrap();
    assert_eq!(dongguan["has_children"], false);
    let (status, body) = app.get_json("/api/v1/divisions?parent=441900").await;
    assert_eq!(status, 200);
    assert_eq!(body["items"], json!([]));
}

#[actix_web::test]
async fn one_division_comes_with_its_ancestors_province_first() {
    let app = TestApp::spawn().await;
    let (status, body) = app.get_json("/api/v1/divisions/440305").await;
    assert_eq!(status, 200);
    assert_eq!(body["name"], "南山区");
    assert_eq!(body["parent_code"], "440300");
    let ancestors: Vec<&str> = body["ancestors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(ancestors, ["440000", "440300"]);
    let (_, chaoyang) = app.get_json("/api/v1/divisions/110105").await;
    assert_eq!(chaoyang["ancestors"].as_array().unwrap().len(), 1);
    let (_, province) = app.get_json("/api/v1/divisions/440000").await;
    assert_eq!(province["ancestors"], json!([]));
}

#[actix_web::test]
async fn unknown_codes_are_404_and_malformed_ones_422_naming_the_field() {
    let app = TestApp::spawn().await;
    let (status, body) = app.get_json("/api/v1/divisions/449999").await;
    assert_eq!(status, 404);
    assert_eq!(body["code"], "not_found");
    let (status, body) = app.get_json("/api/v1/divisions?parent=449999").await;
    assert_eq!(status, 404, "an unknown parent is not an empty list");
    assert_eq!(body["code"], "not_found");
    for bad in ["44030", "4403051", "44030x", "000000", "%E5%8D%97"] {
        let (status, body) = app.get_json(&format!("/api/v1/divisions/{bad}")).await;
        assert_eq!(status, 422, "{bad}");
        assert_eq!(body["errors"][0]["field"], "code", "{bad}");
        assert_eq!(body["errors"][0]["code"], "division_code");
        assert!(
            body["errors"][0]["message_zh"]
                .as_str()
                .unwrap()
                .contains("行政区划")
        );
        let (status, body) = app
            .get_json(&format!("/api/v1/divisions?parent={bad}"))
            .await;
        assert_eq!(status, 422, "{bad}");
        assert_eq!(body["errors"][0]["field"], "parent");
    }
}

#[actix_web::test]
async fn lookup_returns_found_and_missing_codes() {
    let app = TestApp::spawn().await;
    let (status, body) = app
        .post_json(
            "/api/v1/divisions/lookup",
            &json!({"codes": ["440305", "110105", "449999", "440305"]}),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(codes(&body), ["110105", "440305"]);
    assert_eq!(body["missing"], json!(["449999"]));
}

#[actix_web::test]
async fn lookup_names_every_bad_code_and_bounds_the_list() {
    let app = TestApp::spawn().await;
    let (status, body) = app
        .post_json(
            "/api/v1/divisions/lookup",
            &json!({"codes": ["440305", "12", "abcdef"]}),
        )
        .await;
    assert_eq!(status, 422);
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["codes[1]", "codes[2]"]);

    let (status, body) = app
        .post_json("/api/v1/divisions/lookup", &json!({"codes": []}))
        .await;
    assert_eq!(status, 422);
    assert_eq!(body["errors"][0]["field"], "codes");
    assert_eq!(body["errors"][0]["code"], "length");

    let many: Vec<String> = (0..101).map(|_| "440305".to_owned()).collect();
    let (status, body) = app
        .post_json("/api/v1/divisions/lookup", &json!({ "codes": many }))
        .await;
    assert_eq!(status, 422);
    assert_eq!(body["errors"][0]["field"], "codes");
}
