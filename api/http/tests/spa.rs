//! The server serves both built SPAs with history-API fallback and the right cache headers.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use std::path::Path;

use reqwest::header::{CACHE_CONTROL, CONTENT_TYPE, LOCATION};
use weiquan_test_support::{TestApp, TestOptions};

fn write(dir: &Path, rel: &str, text: &str) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

async fn spawn_with_apps() -> (TestApp, std::path::PathBuf) {
    let root = std::env::temp_dir()
        .join(format!("wq-spa-{}", std::process::id()))
        .join(uuid_like());
    let consumer = root.join("consumer");
    let admin = root.join("admin");
    write(&consumer, "index.html", "<title>consumer</title>");
    write(
        &consumer,
        "assets/index-abc123.js",
        "console.log('consumer')",
    );
    write(&consumer, "robots.txt", "User-agent: *");
    write(&admin, "index.html", "<title>admin</title>");
    write(&admin, "assets/index-def456.js", "console.log('admin')");
    let (c, a) = (consumer.clone(), admin.clone());
    let app = TestApp::spawn_with(TestOptions {
        configure: Some(Box::new(move |config| {
            config.consumer_dist = c;
            config.admin_dist = a;
        })),
        ..Default::default()
    })
    .await;
    (app, root)
}

fn uuid_like() -> String {
    format!("{:?}", std::time::SystemTime::now()).replace(|c: char| !c.is_ascii_alphanumeric(), "")
}

async fn text(app: &TestApp, path: &str) -> (u16, String, String) {
    let response = app.get(path).await;
    let status = response.status().as_u16();
    let cache = response
        .headers()
        .get(CACHE_CONTROL)
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (status, cache, response.text().await.unwrap())
}

#[actix_web::test]
async fn the_consumer_app_is_served_at_the_root_with_history_fallback() {
    let (app, root) = spawn_with_apps().await;
    for path in ["/", "/complaints/new", "/a/deep/link?x=1"] {
        let (status, cache, body) = text(&app, path).await;
        assert_eq!(status, 200, "{path}");
        assert_eq!(body, "<title>consumer</title>", "{path}");
        assert_eq!(cache, "no-cache", "{path}");
    }
    let (status, _, body) = text(&app, "/robots.txt").await;
    assert_eq!((status, body.as_str()), (200, "User-agent: *"));
    std::fs::remove_dir_all(root).ok();
}

#[actix_web::test]
async fn the_admin_app_is_served_under_admin() {
    let (app, root) = spawn_with_apps().await;
    for path in ["/admin/", "/admin/status", "/admin/orders/42"] {
        let (status, cache, body) = text(&app, path).await;
        assert_eq!(
            (status, body.as_str()),
            (200, "<title>admin</title>"),
            "{path}"
        );
        assert_eq!(cache, "no-cache");
    }
    let response = app.get("/admin").await;
    assert_eq!(response.status().as_u16(), 308);
    assert_eq!(response.headers().get(LOCATION).unwrap(), "/admin/");
    std::fs::remove_dir_all(root).ok();
}

#[actix_web::test]
async fn hashed_assets_are_cached_for_a_year_and_missing_ones_are_404() {
    let (app, root) = spawn_with_apps().await;
    let response = app.get("/assets/index-abc123.js").await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(
        response.headers().get(CACHE_CONTROL).unwrap(),
        "public, max-age=31536000, immutable"
    );
    assert!(
        response
            .headers()
            .get(CONTENT_TYPE)
            .unwrap()
            .to_str()
            .unwrap()
            .contains("javascript")
    );
    let (status, _, _) = text(&app, "/admin/assets/index-def456.js").await;
    assert_eq!(status, 200);
    for path in [
        "/assets/gone-000.js",
        "/admin/assets/gone.css",
        "/favicon.ico",
    ] {
        let (status, _, body) = text(&app, path).await;
        assert_eq!(status, 404, "{path}: a missing file is not the app");
        assert!(!body.contains("<title>"));
    }
    std::fs::remove_dir_all(root).ok();
}

#[actix_web::test]
async fn paths_cannot_escape_the_app_directory() {
    let (app, root) = spawn_with_apps().await;
    std::fs::write(root.join("secret.txt"), "secret").unwrap();
    for path in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/assets/..%2F..%2Fsecret.txt",
        "/.env",
    ] {
        let (_, _, body) = text(&app, path).await;
        assert!(!body.contains("secret"), "{path} leaked");
    }
    std::fs::remove_dir_all(root).ok();
}

#[actix_web::test]
async fn security_headers_are_on_every_response() {
    let (app, root) = spawn_with_apps().await;
    for path in ["/", "/api/health/live", "/api/nothing"] {
        let response = app.get(path).await;
        let headers = response.headers();
        assert_eq!(
            headers.get("x-content-type-options").unwrap(),
            "nosniff",
            "{path}"
        );
        assert_eq!(headers.get("x-frame-options").unwrap(), "DENY");
        assert!(
            headers
                .get("content-security-policy")
                .unwrap()
                .to_str()
                .unwrap()
                .contains("default-src 'self'")
        );
    }
    std::fs::remove_dir_all(root).ok();
}

#[actix_web::test]
async fn an_unbuilt_app_is_a_clear_404_not_a_crash() {
    let app = TestApp::spawn_with(TestOptions {
        configure: Some(Box::new(|config| {
            config.consumer_dist = "/nonexistent/consumer".into();
        })),
        ..Default::default()
    })
    .await;
    let response = app.get("/").await;
    assert_eq!(response.status().as_u16(), 404);
    let body: serde_json::Value = response.json().await.unwrap();
    assert!(body["detail"].as_str().unwrap().contains("npm run build"));
}

#[actix_web::test]
async fn the_api_reference_is_served_from_vendored_assets() {
    let app = TestApp::spawn().await;
    let response = app.get("/api/docs").await;
    assert_eq!(response.status().as_u16(), 308);
    let (status, _, body) = text(&app, "/api/docs/").await;
    assert_eq!(status, 200);
    assert!(body.contains("swagger"), "Swagger UI page");
    let (status, _, js) = text(&app, "/api/docs/swagger-ui-bundle.js").await;
    assert_eq!(status, 200);
    assert!(js.len() > 100_000, "the bundle is served by us, not a CDN");
    let (status, doc) = app.get_json("/api/openapi.json").await;
    assert_eq!(status, 200);
    assert_eq!(
        doc,
        serde_json::to_value(weiquan_http::openapi::document()).unwrap()
    );
}
