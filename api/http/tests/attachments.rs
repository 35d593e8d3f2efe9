//! Evidence attachments through the HTTP API with the real services and a real directory:
//! uploads typed by content and stored once per content, the size limit, who may upload,
//! attaching uploads to a submission, downloading exactly as the order is visible, and pruning
//! unused uploads.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use std::path::{Path, PathBuf};

use diesel::RunQueryDsl;
use reqwest::Method;
use serde_json::{Value, json};
use weiquan_domain::CreditCode;
use weiquan_domain::access::{OrgId, Role};
use weiquan_test_support::{SignedIn, TestApp, TestOptions};

const BOUNDARY: &str = "weiquan-test-boundary-7MA4YWxkTrZu0gW";

/// A `multipart/form-data` body of (part name, file name, content) parts.
fn multipart(parts: &[(&str, &str, &[u8])]) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, file_name, content) in parts {
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"; \
                 filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(content);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}

async fn send_form(app: &TestApp, who: Option<&SignedIn>, body: Vec<u8>) -> (u16, Value) {
    let response = app
        .request(Method::POST, "/api/v1/attachments", who)
        .header(
            "Content-Type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn upload(app: &TestApp, who: &SignedIn, file_name: &str, content: &[u8]) -> (u16, Value) {
    send_form(app, Some(who), multipart(&[("file", file_name, content)])).await
}

async fn upload_id(app: &TestApp, who: &SignedIn, content: &[u8]) -> i64 {
    let (status, body) = upload(app, who, "证据.png", content).await;
    assert_eq!(status, 201, "{body}");
    body["id"].as_i64().unwrap()
}

/// A PNG signature followed by `tag`, so each test file has its own content.
fn png(tag: &str) -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    bytes.extend_from_slice(tag.as_bytes());
    bytes
}

fn jpeg() -> Vec<u8> {
    b"\xFF\xD8\xFF\xE0\0\x10JFIF\0\x01 a photograph".to_vec()
}

fn pdf() -> Vec<u8> {
    b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".to_vec()
}

async fn post_json(app: &TestApp, who: &SignedIn, path: &str, body: &Value) -> (u16, Value) {
    let response = app
        .request(Method::POST, path, Some(who))
        .json(body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn get(app: &TestApp, who: &SignedIn, path: &str) -> reqwest::Response {
    app.request(Method::GET, path, Some(who))
        .send()
        .await
        .unwrap()
}

fn complaint(attachments: &[i64]) -> Value {
    json!({
        "kind": "complaint",
        "business": {"name": "深圳市某餐饮有限公司", "division": "440305"},
        "item": "套餐", "request": "退款", "facts": "菜品变质，商家拒绝退款。",
        "subject_category": "S0101", "problem_type": "P01",
        "attachments": attachments,
    })
}

/// Every stored file (not the temporary ones) under the test's directory.
fn stored_files(app: &TestApp) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                if path.file_name().is_some_and(|n| n != "tmp") {
                    walk(&path, out);
                }
            } else {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&app.config.attachments_dir, &mut out);
    out
}

fn temp_files(app: &TestApp) -> usize {
    std::fs::read_dir(app.config.attachments_dir.join("tmp"))
        .map(|d| d.count())
        .unwrap_or(0)
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

fn insert_enterprise(app: &TestApp, parent: OrgId, credit: &str) -> OrgId {
    #[derive(diesel::QueryableByName)]
    struct Id {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        id: i64,
    }
    let mut conn = app.database.connect();
    let id: Id = diesel::sql_query(
        "WITH new AS (SELECT nextval(pg_get_serial_sequence('organisations', 'id')) AS id) \
         INSERT INTO organisations (id, kind, name, parent_id, path, division_code, credit_code, odr_status) \
         SELECT new.id, 'enterprise', '深圳市某餐饮有限公司', p.id, p.path || new.id || '/', '440305', $1, 'approved' \
         FROM new, organisations p WHERE p.id = $2 RETURNING id",
    )
    .bind::<diesel::sql_types::Text, _>(credit)
    .bind::<diesel::sql_types::BigInt, _>(parent.0)
    .get_result(&mut conn)
    .unwrap();
    OrgId(id.id)
}

#[actix_web::test]
async fn images_and_pdfs_are_typed_by_content_and_the_same_content_is_stored_once() {
    let app = TestApp::spawn().await;
    let consumer = app.sign_in(app.create_consumer("13700000101"), false).await;

    let (status, body) = upload(&app, &consumer, "发票.png", &png("a")).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["file_name"], "发票.png");
    assert_eq!(body["media_type"], "image/png");
    assert_eq!(body["size_bytes"], png("a").len());
    assert!(body["id"].is_i64());

    // The type comes from the content: a JPEG named .png is a JPEG, and keeps a fitting name.
    let (status, body) = upload(&app, &consumer, "照片.png", &jpeg()).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["media_type"], "image/jpeg");
    assert_eq!(body["file_name"], "照片.png.jpg");

    let (status, body) = upload(&app, &consumer, "扫描件/合同.pdf", &pdf()).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["media_type"], "application/pdf");
    assert_eq!(body["file_name"], "合同.pdf");
    assert_eq!(stored_files(&app).len(), 3);

    // The same bytes again: a second upload row, one file, at <dir>/<ab>/<cd>/<sha256>.
    let (status, again) = upload(&app, &consumer, "again.png", &png("a")).await;
    assert_eq!(status, 201, "{again}");
    assert_eq!(count(&app, "SELECT count(*) AS n FROM attachments"), 4);
    let files = stored_files(&app);
    assert_eq!(files.len(), 3, "{files:?}");
    let png_path = files
        .iter()
        .find(|p| std::fs::read(p).unwrap() == png("a"))
        .unwrap();
    let name = png_path.file_name().unwrap().to_str().unwrap();
    assert_eq!(name.len(), 64);
    let relative = png_path.strip_prefix(&app.config.attachments_dir).unwrap();
    assert_eq!(
        relative.to_str().unwrap(),
        format!("{}/{}/{}", &name[0..2], &name[2..4], name)
    );
    assert_eq!(temp_files(&app), 0, "no temporary file is left");
}

#[actix_web::test]
async fn a_file_that_only_claims_to_be_an_image_is_refused() {
    let app = TestApp::spawn().await;
    let consumer = app.sign_in(app.create_consumer("13700000102"), false).await;
    let refused: [(&str, &[u8]); 4] = [
        ("photo.png", b"just some text, not a picture"),
        ("scan.pdf", b"<html><script>alert(1)</script></html>"),
        (
            "image.svg",
            b"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
        ),
        ("empty.jpg", b""),
    ];
    for (name, content) in refused {
        let (status, body) = upload(&app, &consumer, name, content).await;
        assert_eq!(status, 415, "{name}: {body}");
        assert_eq!(body["code"], "attachment_type_unsupported");
        assert!(body["detail_zh"].as_str().unwrap().contains("PDF"));
    }
    assert_eq!(count(&app, "SELECT count(*) AS n FROM attachments"), 0);
    assert!(stored_files(&app).is_empty());
    assert_eq!(temp_files(&app), 0);
}

#[actix_web::test]
async fn a_file_over_ten_mebibytes_is_refused_and_leaves_nothing_behind() {
    let app = TestApp::spawn().await;
    let consumer = app.sign_in(app.create_consumer("13700000103"), false).await;
    assert_eq!(app.config.attachment_max_bytes, 10 * 1024 * 1024);

    let mut exactly = png("limit");
    exactly.resize(10 * 1024 * 1024, b'x');
    let (status, body) = upload(&app, &consumer, "big.png", &exactly).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["size_bytes"], 10 * 1024 * 1024);

    let mut over = png("over");
    over.resize(10 * 1024 * 1024 + 1, b'y');
    let (status, body) = upload(&app, &consumer, "bigger.png", &over).await;
    assert_eq!(status, 413, "{body}");
    assert_eq!(body["code"], "payload_too_large");
    assert_eq!(count(&app, "SELECT count(*) AS n FROM attachments"), 1);
    assert_eq!(stored_files(&app).len(), 1);
    assert_eq!(temp_files(&app), 0, "the partial file is deleted");
}

#[actix_web::test]
async fn signed_in_people_upload_exactly_one_file_part_within_the_hourly_limit() {
    let app = TestApp::spawn_with(TestOptions {
        configure: Some(Box::new(|c| c.attachment_limit.max = 6)),
        ..TestOptions::default()
    })
    .await;
    let consumer = app.sign_in(app.create_consumer("13700000104"), false).await;
    let staff = app
        .sign_in(
            app.create_member(app.bureau(Some("440305")), "ns.h", &[Role::Handler]),
            false,
        )
        .await;

    let form = || multipart(&[("file", "a.png", &png("p"))]);
    let (status, body) = send_form(&app, None, form()).await;
    assert_eq!((status, body["code"].as_str()), (401, Some("unauthorized")));
    // Members upload too: files they send in an order's dialogue.
    let (status, body) = send_form(&app, Some(&staff), form()).await;
    assert_eq!(status, 201, "{body}");

    let (status, body) = post_json(&app, &consumer, "/api/v1/attachments", &json!({})).await;
    assert_eq!(status, 415, "{body}");
    assert_eq!(body["code"], "unsupported_media_type");
    let (status, body) = send_form(
        &app,
        Some(&consumer),
        multipart(&[("photo", "a.png", &png("q"))]),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["errors"][0]["field"], "file");
    let (status, body) = send_form(
        &app,
        Some(&consumer),
        multipart(&[("file", "a.png", &png("r")), ("file", "b.png", &png("s"))]),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    let (status, body) = send_form(&app, Some(&consumer), multipart(&[])).await;
    assert_eq!(status, 422, "{body}");
    // Only the member's upload above was stored; none of the refused ones.
    assert_eq!(count(&app, "SELECT count(*) AS n FROM attachments"), 1);
    assert_eq!(temp_files(&app), 0);

    // Four refused attempts counted; two more uploads reach the limit of six an hour.
    assert_eq!(upload(&app, &consumer, "1.png", &png("1")).await.0, 201);
    assert_eq!(upload(&app, &consumer, "2.png", &png("2")).await.0, 201);
    let response = app
        .request(Method::POST, "/api/v1/attachments", Some(&consumer))
        .header(
            "Content-Type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(form())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 429);
    assert!(response.headers().contains_key("retry-after"));
}

#[actix_web::test]
async fn a_submission_attaches_up_to_nine_of_the_filers_own_unused_uploads() {
    let app = TestApp::spawn().await;
    let consumer = app.sign_in(app.create_consumer("13700000105"), false).await;
    let other = app.sign_in(app.create_consumer("13700000106"), false).await;
    let mut ids = Vec::new();
    for i in 0..10 {
        ids.push(upload_id(&app, &consumer, &png(&format!("file {i}"))).await);
    }
    let theirs = upload_id(&app, &other, &png("someone else's")).await;

    // Ten: the tenth is named.
    let (status, body) = post_json(&app, &consumer, "/api/v1/orders", &complaint(&ids)).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["errors"][0]["field"], "attachments[9]");
    assert_eq!(body["errors"][0]["code"], "too_many");
    // The same one twice.
    let (status, body) = post_json(
        &app,
        &consumer,
        "/api/v1/orders",
        &complaint(&[ids[0], ids[0]]),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["errors"][0]["field"], "attachments[1]");
    assert_eq!(body["errors"][0]["code"], "duplicate");
    // Someone else's upload, and one that does not exist: the same answer.
    let (status, body) = post_json(
        &app,
        &consumer,
        "/api/v1/orders",
        &complaint(&[ids[0], theirs, 999_999]),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["attachments[1]", "attachments[2]"]);
    assert_eq!(body["errors"][0]["code"], "not_found");
    // A submission refused for another field attaches nothing.
    let mut invalid = complaint(&ids[..9]);
    invalid["facts"] = json!("");
    assert_eq!(
        post_json(&app, &consumer, "/api/v1/orders", &invalid)
            .await
            .0,
        422
    );
    assert_eq!(count(&app, "SELECT count(*) AS n FROM orders"), 0);
    assert_eq!(
        count(
            &app,
            "SELECT count(*) AS n FROM attachments WHERE attached_at IS NOT NULL"
        ),
        0
    );

    // Nine, listed in the order view in the order given.
    let mut nine: Vec<i64> = ids[..9].to_vec();
    nine.reverse();
    let (status, body) = post_json(&app, &consumer, "/api/v1/orders", &complaint(&nine)).await;
    assert_eq!(status, 201, "{body}");
    let order = body["orders"][0]["id"].as_i64().unwrap();
    let seen: Value = get(&app, &consumer, &format!("/api/v1/orders/{order}"))
        .await
        .json()
        .await
        .unwrap();
    let listed: Vec<i64> = seen["attachments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_i64().unwrap())
        .collect();
    assert_eq!(listed, nine);
    assert_eq!(seen["attachments"][0]["file_name"], "证据.png");
    assert_eq!(seen["attachments"][0]["media_type"], "image/png");

    // Used once: refused in another submission, by position.
    let (status, body) = post_json(
        &app,
        &consumer,
        "/api/v1/orders",
        &complaint(&[ids[9], ids[3]]),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["errors"][0]["field"], "attachments[1]");
    assert_eq!(body["errors"][0]["code"], "already_attached");

    // A complaint that is also a report: both orders carry the evidence.
    let mut both = complaint(&[ids[9]]);
    both["both"] = json!(true);
    let (status, body) = post_json(&app, &consumer, "/api/v1/orders", &both).await;
    assert_eq!(status, 201, "{body}");
    for created in body["orders"].as_array().unwrap() {
        let id = created["id"].as_i64().unwrap();
        let seen: Value = get(&app, &consumer, &format!("/api/v1/orders/{id}"))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(seen["attachments"][0]["id"], ids[9], "{seen}");
    }
}

#[actix_web::test]
async fn evidence_is_downloaded_only_by_those_who_see_the_order() {
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let futian = app.bureau(Some("440304"));
    let credit = CreditCode::complete("91440305MA5000888").unwrap();
    let enterprise = insert_enterprise(&app, nanshan, credit.as_str());
    let filer = app.sign_in(app.create_consumer("13700000107"), false).await;
    let stranger = app.sign_in(app.create_consumer("13700000108"), false).await;
    let ns = app
        .sign_in(app.create_member(nanshan, "ns.h", &[Role::Handler]), false)
        .await;
    let ft = app
        .sign_in(app.create_member(futian, "ft.h", &[Role::Handler]), false)
        .await;
    let ent = app
        .sign_in(
            app.create_member(enterprise, "ent.h", &[Role::Handler]),
            false,
        )
        .await;

    let content = png("receipt");
    let (_, uploaded) = upload(&app, &filer, "购物小票 11月.png", &content).await;
    let attachment = uploaded["id"].as_i64().unwrap();
    let mut body = complaint(&[attachment]);
    body["business"]["credit_code"] = json!(credit.as_str());
    body["both"] = json!(true);
    let (status, created) = post_json(&app, &filer, "/api/v1/orders", &body).await;
    assert_eq!(status, 201, "{created}");
    let complaint_id = created["orders"][0]["id"].as_i64().unwrap();
    let report_id = created["orders"][1]["id"].as_i64().unwrap();
    let file = |order: i64| format!("/api/v1/orders/{order}/attachments/{attachment}");

    // The filer: the bytes, as a download, never sniffed, never shared by caches.
    let response = get(&app, &filer, &file(complaint_id)).await;
    assert_eq!(response.status().as_u16(), 200);
    let headers = response.headers().clone();
    assert_eq!(headers["content-type"], "image/png");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert!(
        headers["cache-control"]
            .to_str()
            .unwrap()
            .starts_with("private")
    );
    let disposition = headers["content-disposition"].to_str().unwrap();
    assert!(disposition.starts_with("attachment;"), "{disposition}");
    assert!(
        disposition
            .contains("filename*=UTF-8''%E8%B4%AD%E7%89%A9%E5%B0%8F%E7%A5%A8%2011%E6%9C%88.png"),
        "{disposition}"
    );
    assert_eq!(response.bytes().await.unwrap().as_ref(), content.as_slice());

    // Staff of the holding county, on either order; not another county, not another consumer.
    assert_eq!(get(&app, &ns, &file(complaint_id)).await.status(), 200);
    assert_eq!(get(&app, &ns, &file(report_id)).await.status(), 200);
    let denied_before = count(
        &app,
        "SELECT count(*) AS n FROM audit_log WHERE action = 'access_denied'",
    );
    let response = get(&app, &ft, &file(complaint_id)).await;
    assert_eq!(response.status(), 404);
    let problem: Value = response.json().await.unwrap();
    assert_eq!(problem["code"], "not_found");
    assert_eq!(
        get(&app, &stranger, &file(complaint_id)).await.status(),
        404
    );
    assert_eq!(
        count(
            &app,
            "SELECT count(*) AS n FROM audit_log WHERE action = 'access_denied' \
             AND subject LIKE 'order:%/attachment:%'"
        ),
        denied_before + 2,
        "refused downloads are audited"
    );
    let anonymous = app
        .request(Method::GET, &file(complaint_id), None)
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), 401);

    // The business settles the complaint with its evidence; the report's is never its.
    assert_eq!(get(&app, &ent, &file(complaint_id)).await.status(), 200);
    let seen: Value = get(&app, &ent, &format!("/api/v1/orders/{complaint_id}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(seen["attachments"][0]["id"], attachment, "{seen}");
    assert_eq!(get(&app, &ent, &file(report_id)).await.status(), 404);

    // An attachment is reached only through an order it is on.
    let (_, other) = post_json(&app, &filer, "/api/v1/orders", &complaint(&[])).await;
    let other_id = other["orders"][0]["id"].as_i64().unwrap();
    assert_eq!(get(&app, &filer, &file(other_id)).await.status(), 404);
}

#[actix_web::test]
async fn staff_never_learn_an_anonymous_reporter_from_a_file_name() {
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let reporter = app.sign_in(app.create_consumer("13700000109"), false).await;
    let ns = app
        .sign_in(app.create_member(nanshan, "ns.h", &[Role::Handler]), false)
        .await;
    let (_, uploaded) = upload(&app, &reporter, "张三的发票.pdf", &pdf()).await;
    let attachment = uploaded["id"].as_i64().unwrap();
    let (status, created) = post_json(
        &app,
        &reporter,
        "/api/v1/orders",
        &json!({
            "kind": "report", "anonymous": true, "conduct_division": "440305",
            "business": {"name": "某无证小作坊"}, "facts": "无证生产食品。",
            "problem_type": "P02",
            "attachments": [attachment],
        }),
    )
    .await;
    assert_eq!(status, 201, "{created}");
    let order = created["orders"][0]["id"].as_i64().unwrap();

    let seen: Value = get(&app, &ns, &format!("/api/v1/orders/{order}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(seen["attachments"][0]["file_name"], "evidence-1.pdf");
    assert!(!seen.to_string().contains("张三"));
    let response = get(
        &app,
        &ns,
        &format!("/api/v1/orders/{order}/attachments/{attachment}"),
    )
    .await;
    assert_eq!(response.status(), 200);
    let disposition = response.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        disposition.contains("filename=\"evidence-1.pdf\"")
            && disposition.contains("filename*=UTF-8''evidence%2D1.pdf"),
        "{disposition}"
    );
    assert!(!disposition.contains("%E5%BC%A0"), "{disposition}");

    let mine: Value = get(&app, &reporter, &format!("/api/v1/orders/{order}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(mine["attachments"][0]["file_name"], "张三的发票.pdf");
}

#[actix_web::test]
async fn unused_uploads_are_pruned_after_a_day_and_a_file_once_nothing_names_it() {
    let app = TestApp::spawn().await;
    let consumer = app.sign_in(app.create_consumer("13700000110"), false).await;
    let shared = png("shared");
    let old_shared = upload_id(&app, &consumer, &shared).await;
    let fresh_shared = upload_id(&app, &consumer, &shared).await;
    let old_alone = upload_id(&app, &consumer, &png("alone")).await;
    let old_attached = upload_id(&app, &consumer, &png("attached")).await;
    let (status, _) = post_json(
        &app,
        &consumer,
        "/api/v1/orders",
        &complaint(&[old_attached]),
    )
    .await;
    assert_eq!(status, 201);
    app.execute(&format!(
        "UPDATE attachments SET created_at = now() - interval '25 hours' \
         WHERE id IN ({old_shared}, {old_alone}, {old_attached})"
    ));
    assert_eq!(stored_files(&app).len(), 3);

    let pool = weiquan_db::build_pool(
        &app.config.database_url,
        &weiquan_db::PoolOptions {
            max_size: 1,
            connection_timeout: std::time::Duration::from_secs(2),
        },
    )
    .unwrap();
    let db = weiquan_services::Db::new(pool);
    let store = weiquan_http::maintenance::attachment_store(&app.config);
    let pruned = weiquan_services::attachments::prune(&db, &store, chrono::Utc::now())
        .await
        .unwrap();
    assert_eq!(pruned.uploads, 2);
    assert_eq!(
        pruned.files, 1,
        "the shared file is still named by a fresh upload"
    );
    let left = count(&app, "SELECT count(*) AS n FROM attachments");
    assert_eq!(left, 2);
    assert_eq!(stored_files(&app).len(), 2);
    assert_eq!(
        count(
            &app,
            &format!(
                "SELECT count(*) AS n FROM attachments WHERE id IN ({fresh_shared}, {old_attached})"
            )
        ),
        2
    );

    // A day later the fresh one goes too, with its file; the attached one stays.
    let later = chrono::Utc::now() + chrono::Duration::hours(25);
    let pruned = weiquan_services::attachments::prune(&db, &store, later)
        .await
        .unwrap();
    assert_eq!((pruned.uploads, pruned.files), (1, 1));
    assert_eq!(stored_files(&app).len(), 1);
    assert_eq!(count(&app, "SELECT count(*) AS n FROM attachments"), 1);
}

#[actix_web::test]
async fn the_prune_command_deletes_old_unused_uploads_and_abandoned_partial_files() {
    let app = TestApp::spawn().await;
    let consumer = app.sign_in(app.create_consumer("13700000111"), false).await;
    let old = upload_id(&app, &consumer, &png("old")).await;
    app.execute(&format!(
        "UPDATE attachments SET created_at = now() - interval '25 hours' WHERE id = {old}"
    ));
    let temp = app.config.attachments_dir.join("tmp");
    std::fs::create_dir_all(&temp).unwrap();
    let (abandoned, recent) = (temp.join("abandoned.part"), temp.join("recent.part"));
    std::fs::write(&abandoned, b"half an upload").unwrap();
    std::fs::write(&recent, b"an upload in progress").unwrap();
    let touched = std::process::Command::new("touch")
        .args(["-d", "2 days ago"])
        .arg(&abandoned)
        .status()
        .unwrap();
    assert!(touched.success());

    let output = std::process::Command::new(env!("CARGO_BIN_EXE_weiquan"))
        .args(["attachments", "prune"])
        .env("DATABASE_URL", &app.config.database_url)
        .env("ATTACHMENTS_DIR", &app.config.attachments_dir)
        .env("RUST_LOG", "warn")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout} {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.contains("1 unused uploads, 1 files and 1 abandoned partial files deleted"),
        "{stdout}"
    );
    assert_eq!(count(&app, "SELECT count(*) AS n FROM attachments"), 0);
    assert!(stored_files(&app).is_empty());
    assert!(!abandoned.exists());
    assert!(recent.exists(), "an upload in progress is left alone");
}
