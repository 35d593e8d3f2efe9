//! Organisations apply to join through a public form; the competent bureau (or a bureau above
//! it) approves, creating the organisation and inviting its first administrator, or rejects
//! with a reason; the applicant follows every step by tracking code.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use diesel::RunQueryDsl;
use reqwest::Method;
use serde_json::{Value, json};
use weiquan_domain::CreditCode;
use weiquan_domain::access::{OrgId, Role};
use weiquan_test_support::{SignedIn, TestApp, TestOptions};

/// A valid credit code registered in 南山区, distinct per `n`.
fn credit(n: u32) -> String {
    CreditCode::complete(&format!("91440305MA5{n:06}"))
        .unwrap()
        .as_str()
        .to_owned()
}

fn enterprise(n: u32, division: &str) -> Value {
    json!({
        "kind": "enterprise",
        "name": format!("深圳市测试电商{n}有限公司"),
        "name_en": format!("Test E-commerce {n} Ltd."),
        "credit_code": credit(n),
        "registered_division": division,
        "contact_name": "王联系",
        "contact_phone": "0755-86000000",
        "contact_email": format!("apply{n}@example.com"),
        "admin_username": format!("ent{n}.admin"),
        "admin_display_name": "企业管理员",
        "description": "申请入驻。",
    })
}

fn body_of(kind: &str, n: u32, competent: &str) -> Value {
    json!({
        "kind": kind,
        "name": format!("测试机构{n}"),
        "competent_division": competent,
        "contact_name": "Contact",
        "contact_phone": "+32 2 000 00 00",
        "contact_email": format!("body{n}@example.org"),
        "admin_username": format!("body{n}.admin"),
        "admin_display_name": "Administrator",
    })
}

async fn call(
    app: &TestApp,
    method: Method,
    path: &str,
    who: Option<&SignedIn>,
    body: Option<&Value>,
) -> (u16, Value, Option<String>) {
    let mut request = app.request(method, path, who);
    if let Some(body) = body {
        request = request.json(body);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let retry = response
        .headers()
        .get("Retry-After")
        .map(|v| v.to_str().unwrap().to_owned());
    (status, response.json().await.unwrap_or(Value::Null), retry)
}

async fn submit(app: &TestApp, body: &Value) -> (u16, Value) {
    let (status, body, _) = call(app, Method::POST, "/api/v1/applications", None, Some(body)).await;
    (status, body)
}

async fn track(app: &TestApp, code: &str) -> (u16, Value) {
    let (status, body, _) = call(
        app,
        Method::POST,
        "/api/v1/applications/status",
        None,
        Some(&json!({ "tracking_code": code })),
    )
    .await;
    (status, body)
}

/// Rows of one text column.
fn texts(app: &TestApp, sql: &str) -> Vec<String> {
    #[derive(diesel::QueryableByName)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::Text)]
        v: String,
    }
    let mut conn = app.database.connect();
    diesel::sql_query(sql)
        .load::<Row>(&mut conn)
        .unwrap()
        .into_iter()
        .map(|r| r.v)
        .collect()
}

fn field_errors(body: &Value) -> Vec<(String, String)> {
    body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["field"].as_str().unwrap().to_owned(),
                e["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// The id of the application a tracking code belongs to, found by its latest row.
fn last_application_id(app: &TestApp) -> i64 {
    texts(
        app,
        "SELECT id::text AS v FROM applications ORDER BY id DESC LIMIT 1",
    )[0]
    .parse()
    .unwrap()
}

async fn member(app: &TestApp, org: OrgId, name: &str, roles: &[Role]) -> SignedIn {
    app.sign_in(app.create_member(org, name, roles), true).await
}

#[actix_web::test]
async fn an_enterprise_goes_to_the_county_bureau_of_its_registered_division() {
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let (status, receipt) = submit(&app, &enterprise(1, "440305")).await;
    assert_eq!(status, 201, "{receipt}");
    assert_eq!(receipt["status"], "submitted");
    assert_eq!(receipt["competent_bureau"]["id"], nanshan.0);
    assert_eq!(receipt["competent_bureau"]["level"], "county");
    assert_eq!(
        receipt["competent_bureau"]["name"],
        "深圳市南山区市场监督管理局"
    );
    let code = receipt["tracking_code"].as_str().unwrap();
    assert!(
        code.len() == 22 && code.starts_with("WQ-") && code.matches('-').count() == 4,
        "{code}"
    );

    // Only a hash is kept; the code goes out once, in the acknowledgement email.
    let stored = texts(&app, "SELECT row_to_json(a)::text AS v FROM applications a");
    assert!(
        !stored[0].contains(code),
        "the tracking code is stored in clear"
    );
    let mail = texts(
        &app,
        "SELECT template || ' ' || recipient || ' ' || payload::text AS v FROM outbox",
    );
    assert_eq!(mail.len(), 1);
    assert!(mail[0].starts_with("application_received apply1@example.com"));
    assert!(mail[0].contains(code) && mail[0].contains("深圳市南山区市场监督管理局"));

    // Audited as an anonymous submission from the caller's address, in the bureau's subtree.
    let audit = texts(
        &app,
        "SELECT action || ' ' || actor_kind || ' ' || host(ip) || ' ' || org_path AS v FROM audit_log",
    );
    assert_eq!(audit.len(), 1);
    assert!(
        audit[0].starts_with("application_submitted anonymous 127.0.0.1 /")
            && audit[0].ends_with(&format!("/{}/", nanshan.0)),
        "{audit:?}"
    );

    // 东莞市 has no counties: its city bureau is the county-level bureau there.
    let (status, receipt) = submit(&app, &enterprise(2, "441900")).await;
    assert_eq!(status, 201, "{receipt}");
    assert_eq!(receipt["competent_bureau"]["division_code"], "441900");
}

#[actix_web::test]
async fn departments_and_international_bodies_go_to_national_or_the_province_they_chose() {
    let app = TestApp::spawn().await;
    let national = app.bureau(None);
    let guangdong = app.bureau(Some("440000"));
    let (status, receipt) = submit(&app, &body_of("department", 1, "national")).await;
    assert_eq!(status, 201, "{receipt}");
    assert_eq!(receipt["competent_bureau"]["id"], national.0);
    let (status, receipt) = submit(&app, &body_of("international", 2, "440000")).await;
    assert_eq!(status, 201, "{receipt}");
    assert_eq!(receipt["competent_bureau"]["id"], guangdong.0);
    // An international body is written to in English.
    let locales = texts(&app, "SELECT locale AS v FROM outbox ORDER BY id");
    assert_eq!(locales, ["zh-CN", "en"]);

    for (competent, code) in [
        ("440300", "competent_division"),
        ("xx", "competent_division"),
    ] {
        let (status, problem) = submit(&app, &body_of("department", 3, competent)).await;
        assert_eq!(status, 422);
        assert_eq!(
            field_errors(&problem),
            [("competent_division".into(), code.into())]
        );
    }
    // A province code that matches no province.
    let (status, problem) = submit(&app, &body_of("department", 3, "200000")).await;
    assert_eq!(status, 422);
    assert_eq!(
        field_errors(&problem),
        [("competent_division".into(), "unknown_division".into())]
    );
    let mut missing = body_of("department", 3, "national");
    missing
        .as_object_mut()
        .unwrap()
        .remove("competent_division");
    let (status, problem) = submit(&app, &missing).await;
    assert_eq!(status, 422);
    assert_eq!(
        field_errors(&problem),
        [("competent_division".into(), "required".into())]
    );
    let mut with_code = body_of("department", 3, "national");
    with_code["credit_code"] = json!(credit(3));
    let (status, problem) = submit(&app, &with_code).await;
    assert_eq!(status, 422);
    assert_eq!(
        field_errors(&problem),
        [("credit_code".into(), "not_allowed".into())]
    );
}

#[actix_web::test]
async fn a_wrong_check_character_or_division_is_a_422_naming_the_field() {
    let app = TestApp::spawn().await;
    let mut wrong = enterprise(1, "440305");
    let good = credit(1);
    let last = good.chars().last().unwrap();
    let other = if last == '0' { '1' } else { '0' };
    wrong["credit_code"] = json!(format!("{}{other}", &good[..17]));
    let (status, problem) = submit(&app, &wrong).await;
    assert_eq!(status, 422);
    assert_eq!(problem["code"], "validation_failed");
    assert_eq!(
        field_errors(&problem),
        [("credit_code".into(), "check_character".into())]
    );

    for (division, code) in [
        ("440300", "county_required"),
        ("440000", "county_required"),
        ("449999", "unknown_division"),
        ("44030", "division_code"),
    ] {
        let (status, problem) = submit(&app, &enterprise(2, division)).await;
        assert_eq!(status, 422, "{division}");
        assert_eq!(
            field_errors(&problem),
            [("registered_division".into(), code.into())],
            "{division}"
        );
    }

    // Every bad field at once, none written.
    let (status, problem) = submit(
        &app,
        &json!({
            "kind": "enterprise", "name": "", "contact_name": "x", "contact_phone": "abc",
            "contact_email": "nobody", "admin_username": "A B", "admin_display_name": "x",
        }),
    )
    .await;
    assert_eq!(status, 422);
    let fields: Vec<String> = field_errors(&problem).into_iter().map(|(f, _)| f).collect();
    assert_eq!(
        fields,
        [
            "name",
            "credit_code",
            "contact_phone",
            "contact_email",
            "admin_username"
        ]
    );
    assert!(texts(&app, "SELECT id::text AS v FROM applications").is_empty());
}

#[actix_web::test]
async fn a_second_application_for_a_registered_or_pending_organisation_or_a_taken_name_is_409() {
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    assert_eq!(submit(&app, &enterprise(1, "440305")).await.0, 201);

    let mut same_code = enterprise(2, "440305");
    same_code["credit_code"] = json!(credit(1));
    let (status, problem) = submit(&app, &same_code).await;
    assert_eq!(status, 409);
    assert_eq!(problem["code"], "application_duplicate");
    assert_eq!(
        field_errors(&problem),
        [("credit_code".into(), "duplicate".into())]
    );

    let mut same_name = enterprise(3, "440305");
    same_name["admin_username"] = json!("ENT1.admin");
    let (status, problem) = submit(&app, &same_name).await;
    assert_eq!(status, 409);
    assert_eq!(problem["code"], "username_taken");
    assert_eq!(
        field_errors(&problem),
        [("admin_username".into(), "duplicate".into())]
    );

    app.create_member(nanshan, "taken.name", &[Role::Handler]);
    let mut taken = enterprise(4, "440305");
    taken["admin_username"] = json!("taken.name");
    assert_eq!(submit(&app, &taken).await.0, 409);

    // Already an organisation (approved earlier).
    app.execute(&format!(
        "INSERT INTO organisations (kind, name, parent_id, path, credit_code, odr_status) \
         SELECT 'enterprise', 'x', id, path || '999999/', '{}', 'approved' \
         FROM organisations WHERE id = {}",
        credit(5),
        nanshan.0
    ));
    let (status, problem) = submit(&app, &enterprise(5, "440305")).await;
    assert_eq!(status, 409);
    assert_eq!(
        field_errors(&problem),
        [("credit_code".into(), "duplicate".into())]
    );

    // Two identical applications at the same moment: one is received, the other is 409.
    let body = enterprise(6, "440305");
    let (a, b) = tokio::join!(submit(&app, &body), submit(&app, &body));
    let mut statuses = [a.0, b.0];
    statuses.sort_unstable();
    assert_eq!(statuses, [201, 409]);
}

#[actix_web::test]
async fn reviewers_of_the_competent_county_and_above_decide_others_do_not() {
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let futian = app.bureau(Some("440304"));
    let shenzhen = app.bureau(Some("440300"));
    let guangdong = app.bureau(Some("440000"));
    assert_eq!(submit(&app, &enterprise(1, "440305")).await.0, 201);
    let id = last_application_id(&app);
    assert_eq!(
        submit(&app, &body_of("department", 2, "national")).await.0,
        201
    );

    let county = member(&app, nanshan, "ns.reviewer", &[Role::Reviewer]).await;
    let city = member(&app, shenzhen, "sz.reviewer", &[Role::Reviewer]).await;
    let province = member(&app, guangdong, "gd.admin", &[Role::OrgAdmin]).await;
    let other = member(&app, futian, "ft.reviewer", &[Role::Reviewer]).await;
    let handler = member(&app, nanshan, "ns.handler", &[Role::Handler]).await;

    let detail = format!("/api/v1/applications/{id}");
    for who in [&county, &city, &province] {
        let (status, body, _) = call(&app, Method::GET, &detail, Some(who), None).await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(body["admin_username"], "ent1.admin");
        assert_eq!(body["competent_bureau"]["id"], nanshan.0);
    }
    // The queue of a bureau holds its subtree's applications only.
    for (who, org, expected) in [
        (&county, nanshan, 1),
        (&city, shenzhen, 1),
        (&province, guangdong, 1),
    ] {
        let (status, page, _) = call(
            &app,
            Method::GET,
            &format!(
                "/api/v1/organisations/{}/applications?status=submitted",
                org.0
            ),
            Some(who),
            None,
        )
        .await;
        assert_eq!(status, 200, "{page}");
        assert_eq!(page["items"].as_array().unwrap().len(), expected);
        assert_eq!(page["items"][0]["id"], id);
    }
    let (status, page, _) = call(
        &app,
        Method::GET,
        &format!(
            "/api/v1/organisations/{}/applications?status=approved",
            nanshan.0
        ),
        Some(&county),
        None,
    )
    .await;
    assert_eq!((status, page["items"].as_array().unwrap().len()), (200, 0));

    // Another county: the application does not exist for it; a handler may not decide.
    for (who, expected) in [(&other, 404), (&handler, 403)] {
        assert_eq!(
            call(&app, Method::GET, &detail, Some(who), None).await.0,
            expected
        );
        for action in ["approve", "reject"] {
            let (status, _, _) = call(
                &app,
                Method::POST,
                &format!("/api/v1/applications/{id}/{action}"),
                Some(who),
                Some(&json!({"reason": "no"})),
            )
            .await;
            assert_eq!(status, expected, "{action}");
        }
    }
    let (status, _, _) = call(
        &app,
        Method::GET,
        &format!("/api/v1/organisations/{}/applications", nanshan.0),
        Some(&handler),
        None,
    )
    .await;
    assert_eq!(status, 403);
    let (status, _, _) = call(
        &app,
        Method::GET,
        &format!("/api/v1/organisations/{}/applications", nanshan.0),
        Some(&other),
        None,
    )
    .await;
    assert_eq!(status, 404);

    // The handler's refusals are audited (detail, approve, reject; the queue's too).
    let denied = texts(
        &app,
        &format!(
            "SELECT subject AS v FROM audit_log WHERE action = 'access_denied' \
             AND actor_user_id = {} ORDER BY id",
            handler.user.0
        ),
    );
    assert_eq!(
        denied,
        [
            format!("application:{id}"),
            format!("application:{id}"),
            format!("application:{id}"),
            format!("org:{}", nanshan.0),
        ]
    );

    // The city reviewer decides for the county.
    let (status, result, _) = call(
        &app,
        Method::POST,
        &format!("/api/v1/applications/{id}/approve"),
        Some(&city),
        None,
    )
    .await;
    assert_eq!(status, 200, "{result}");
    assert_eq!(result["status"], "approved");
}

#[actix_web::test]
async fn approval_creates_the_organisation_under_the_bureau_and_invites_its_first_administrator() {
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let (_, receipt) = submit(&app, &enterprise(1, "440305")).await;
    let code = receipt["tracking_code"].as_str().unwrap().to_owned();
    let id = last_application_id(&app);
    let reviewer = member(&app, nanshan, "ns.reviewer", &[Role::Reviewer]).await;
    let (status, result, _) = call(
        &app,
        Method::POST,
        &format!("/api/v1/applications/{id}/approve"),
        Some(&reviewer),
        None,
    )
    .await;
    assert_eq!(status, 200, "{result}");
    let org_id = result["organisation_id"].as_i64().unwrap();

    let mut conn = app.database.connect();
    let org = weiquan_db::organisations::find(&mut conn, OrgId(org_id))
        .unwrap()
        .unwrap();
    let bureau = weiquan_db::organisations::find(&mut conn, nanshan)
        .unwrap()
        .unwrap();
    assert_eq!(org.kind, "enterprise");
    assert_eq!(org.parent_id, Some(nanshan.0));
    assert_eq!(org.path, format!("{}{org_id}/", bureau.path));
    assert_eq!(org.credit_code.as_deref(), Some(credit(1).as_str()));
    assert_eq!(org.division_code.as_deref(), Some("440305"));
    assert_eq!(org.odr_status.as_deref(), Some("approved"));
    assert_eq!(org.name, "深圳市测试电商1有限公司");
    assert_eq!(org.name_en.as_deref(), Some("Test E-commerce 1 Ltd."));

    // The first administrator is invited: an invited org_admin account and an open invitation
    // whose link went out by email, with the applicant's decision email.
    let admin = weiquan_db::users::find_member_by_username(&mut conn, "ent1.admin")
        .unwrap()
        .unwrap();
    assert_eq!(
        (admin.org_id, admin.status.as_str()),
        (Some(org_id), "invited")
    );
    assert!(admin.password_hash.is_none());
    let roles =
        weiquan_db::users::roles(&mut conn, weiquan_domain::access::UserId(admin.id)).unwrap();
    assert_eq!(roles, [Role::OrgAdmin]);
    let invitations = texts(
        &app,
        &format!(
            "SELECT email AS v FROM invitations WHERE user_id = {}",
            admin.id
        ),
    );
    assert_eq!(invitations, ["apply1@example.com"]);
    let mail = texts(
        &app,
        "SELECT template || ' ' || recipient AS v FROM outbox ORDER BY id",
    );
    assert_eq!(
        mail,
        [
            "application_received apply1@example.com",
            "member_invitation apply1@example.com",
            "application_approved apply1@example.com",
        ]
    );
    let audit = texts(&app, "SELECT action AS v FROM audit_log ORDER BY id");
    assert_eq!(
        audit,
        [
            "application_submitted",
            "user_invited",
            "org_created",
            "application_approved"
        ]
    );

    // The link in the email works: the first administrator sets a password and signs in.
    let (status, mails) = app
        .get_json("/api/dev/messages?recipient=apply1@example.com")
        .await;
    assert_eq!(status, 200, "{mails}");
    let text = mails["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["text"].as_str().unwrap_or_default().to_owned())
        .find(|t| t.contains("#token="))
        .unwrap();
    let start = text.find("#token=").unwrap() + "#token=".len();
    let token = &text[start..start + 43];
    let (status, accepted) = app
        .post_json(
            "/api/v1/invitations/accept",
            &json!({ "token": token, "password": "a long enough phrase" }),
        )
        .await;
    assert!(status < 300, "{status} {accepted}");
    let (status, session) = app
        .post_json(
            "/api/v1/sessions",
            &json!({"audience": "staff", "login": "ent1.admin", "password": "a long enough phrase"}),
        )
        .await;
    assert_eq!(status, 201, "{session}");
    // An administrator enrols an authenticator first.
    assert_eq!(session["second_factor"], "enrolment_required");

    // The applicant sees every step.
    let (status, progress) = track(&app, &code.to_lowercase()).await;
    assert_eq!(status, 200, "{progress}");
    assert_eq!(progress["status"], "approved");
    let steps: Vec<&str> = progress["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["step"].as_str().unwrap())
        .collect();
    assert_eq!(
        steps,
        [
            "submitted",
            "approved",
            "organisation_created",
            "invitation_sent"
        ]
    );
    assert!(progress["decided_at"].is_string());
}

#[actix_web::test]
async fn a_department_becomes_a_department_under_the_national_bureau() {
    let app = TestApp::spawn().await;
    let national = app.bureau(None);
    assert_eq!(
        submit(&app, &body_of("department", 1, "national")).await.0,
        201
    );
    let id = last_application_id(&app);
    let admin = member(&app, national, "n.admin", &[Role::OrgAdmin]).await;
    let (status, result, _) = call(
        &app,
        Method::POST,
        &format!("/api/v1/applications/{id}/approve"),
        Some(&admin),
        None,
    )
    .await;
    assert_eq!(status, 200, "{result}");
    let mut conn = app.database.connect();
    let org = weiquan_db::organisations::find(
        &mut conn,
        OrgId(result["organisation_id"].as_i64().unwrap()),
    )
    .unwrap()
    .unwrap();
    assert_eq!(org.kind, "department");
    assert_eq!(org.parent_id, Some(national.0));
    assert_eq!((org.credit_code, org.odr_status), (None, None));
}

#[actix_web::test]
async fn a_rejection_records_the_reason_which_the_applicant_sees() {
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let (_, receipt) = submit(&app, &enterprise(1, "440305")).await;
    let code = receipt["tracking_code"].as_str().unwrap().to_owned();
    let id = last_application_id(&app);
    let reviewer = member(&app, nanshan, "ns.reviewer", &[Role::Reviewer]).await;
    let reject = format!("/api/v1/applications/{id}/reject");
    for body in [json!({"reason": "  "}), json!({"reason": "长".repeat(501)})] {
        let (status, problem, _) =
            call(&app, Method::POST, &reject, Some(&reviewer), Some(&body)).await;
        assert_eq!(status, 422);
        assert_eq!(problem["errors"][0]["field"], "reason");
    }
    let reason = "营业执照信息与统一社会信用代码不一致，请核对后重新申请。";
    let (status, result, _) = call(
        &app,
        Method::POST,
        &reject,
        Some(&reviewer),
        Some(&json!({ "reason": reason })),
    )
    .await;
    assert_eq!(status, 200, "{result}");
    assert_eq!(result["status"], "rejected");
    assert!(result["organisation_id"].is_null());

    let (status, progress) = track(&app, &code).await;
    assert_eq!(status, 200);
    assert_eq!(progress["status"], "rejected");
    assert_eq!(progress["decision_reason"], reason);
    assert_eq!(progress["timeline"][1]["step"], "rejected");
    let mail = texts(
        &app,
        "SELECT template || ' ' || payload::text AS v FROM outbox ORDER BY id",
    );
    assert!(mail[1].starts_with("application_rejected") && mail[1].contains(reason));
    assert!(
        texts(
            &app,
            "SELECT id::text AS v FROM users WHERE username = 'ent1.admin'"
        )
        .is_empty()
    );
    let audit = texts(&app, "SELECT action AS v FROM audit_log ORDER BY id");
    assert_eq!(audit, ["application_submitted", "application_rejected"]);
    // Rejected, the credit code may apply again.
    assert_eq!(submit(&app, &enterprise(1, "440305")).await.0, 201);
}

#[actix_web::test]
async fn a_decided_application_cannot_be_decided_again_even_by_two_reviewers_at_once() {
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let shenzhen = app.bureau(Some("440300"));
    let one = member(&app, nanshan, "ns.reviewer", &[Role::Reviewer]).await;
    let two = member(&app, shenzhen, "sz.reviewer", &[Role::Reviewer]).await;

    assert_eq!(submit(&app, &enterprise(1, "440305")).await.0, 201);
    let id = last_application_id(&app);
    let approve = format!("/api/v1/applications/{id}/approve");
    let (a, b) = tokio::join!(
        call(&app, Method::POST, &approve, Some(&one), None),
        call(&app, Method::POST, &approve, Some(&two), None),
    );
    let mut statuses = [a.0, b.0];
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 409], "{} {}", a.1, b.1);
    let loser = if a.0 == 409 { a.1 } else { b.1 };
    assert_eq!(loser["code"], "conflict");
    assert_eq!(
        texts(
            &app,
            &format!(
                "SELECT name AS v FROM organisations WHERE credit_code = '{}'",
                credit(1)
            )
        )
        .len(),
        1
    );
    assert_eq!(
        texts(
            &app,
            "SELECT kind AS v FROM application_events WHERE kind = 'approved'"
        )
        .len(),
        1
    );
    let (status, _, _) = call(
        &app,
        Method::POST,
        &format!("/api/v1/applications/{id}/reject"),
        Some(&one),
        Some(&json!({"reason": "too late"})),
    )
    .await;
    assert_eq!(status, 409);

    // An approval and a rejection at once: one wins, and the state matches the winner.
    assert_eq!(submit(&app, &enterprise(2, "440305")).await.0, 201);
    let id = last_application_id(&app);
    let reason = json!({"reason": "重复申请"});
    let (approve, reject) = (
        format!("/api/v1/applications/{id}/approve"),
        format!("/api/v1/applications/{id}/reject"),
    );
    let (a, b) = tokio::join!(
        call(&app, Method::POST, &approve, Some(&one), None),
        call(&app, Method::POST, &reject, Some(&two), Some(&reason)),
    );
    let mut statuses = [a.0, b.0];
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 409]);
    let status = texts(
        &app,
        &format!("SELECT status AS v FROM applications WHERE id = {id}"),
    );
    assert_eq!(status, [if a.0 == 200 { "approved" } else { "rejected" }]);
}

#[actix_web::test]
async fn unknown_codes_get_one_answer_and_anonymous_callers_are_limited_per_address() {
    let app = TestApp::spawn_with(TestOptions {
        configure: Some(Box::new(|config| {
            config.application_limit.max = 2;
            config.application_status_limit.max = 3;
        })),
        ..TestOptions::default()
    })
    .await;
    let (unknown_status, unknown) = track(&app, "WQ-0000-0000-0000-0000").await;
    let (garbage_status, garbage) = track(&app, "not a code").await;
    assert_eq!((unknown_status, garbage_status), (404, 404));
    assert_eq!(unknown, garbage);
    assert_eq!(track(&app, "WQ-0000-0000-0000-0001").await.0, 404);
    let (status, _, retry) = call(
        &app,
        Method::POST,
        "/api/v1/applications/status",
        None,
        Some(&json!({"tracking_code": "WQ-0000-0000-0000-0002"})),
    )
    .await;
    assert_eq!(status, 429);
    assert!(retry.unwrap().parse::<u64>().unwrap() > 0);

    assert_eq!(submit(&app, &enterprise(1, "440305")).await.0, 201);
    assert_eq!(submit(&app, &enterprise(2, "440305")).await.0, 201);
    let (status, problem, retry) = call(
        &app,
        Method::POST,
        "/api/v1/applications",
        None,
        Some(&enterprise(3, "440305")),
    )
    .await;
    assert_eq!(status, 429);
    assert_eq!(problem["code"], "too_many_requests");
    assert!(retry.unwrap().parse::<u64>().unwrap() > 0);
}

#[actix_web::test]
async fn the_demo_seed_leaves_one_pending_application_at_nanshan_trackable_by_its_code() {
    let app = TestApp::spawn().await;
    let mut conn = app.database.connect();
    weiquan_services::demo::seed(
        &mut conn,
        "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g",
        "http://127.0.0.1:8080",
    )
    .unwrap();
    weiquan_services::demo::seed(
        &mut conn,
        "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g",
        "http://127.0.0.1:8080",
    )
    .unwrap();
    let nanshan = app.bureau(Some("440305"));
    let reviewer = member(&app, nanshan, "ns.reviewer", &[Role::Reviewer]).await;
    let (status, page, _) = call(
        &app,
        Method::GET,
        &format!(
            "/api/v1/organisations/{}/applications?status=submitted",
            nanshan.0
        ),
        Some(&reviewer),
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(page["items"].as_array().unwrap().len(), 1);
    assert_eq!(
        page["items"][0]["credit_code"],
        weiquan_services::demo::APPLICATION_CREDIT_CODE
    );
    let (status, progress) = track(&app, weiquan_services::demo::APPLICATION_TRACKING_CODE).await;
    assert_eq!(status, 200);
    assert_eq!(progress["status"], "submitted");
}
