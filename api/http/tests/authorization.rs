//! Every endpoint in the OpenAPI document, called as every kind of actor, with the expected
//! answer for each. An endpoint missing from the table fails the test: adding an endpoint
//! means deciding, here, who may call it.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use std::collections::BTreeSet;

use reqwest::Method;
use serde_json::{Value, json};
use weiquan_domain::access::Role;
use weiquan_test_support::{SignedIn, TestApp};

/// The kinds of caller, in the order of the expectation arrays below.
const ACTORS: [&str; 9] = [
    "anonymous",
    "consumer",
    "other consumer",
    "county handler (own county)",
    "county handler (another county)",
    "provincial analyst",
    "enterprise user",
    "department user",
    "international user",
];

/// Expected (status, problem code) per actor, in `ACTORS` order.
type Expect = [(u16, Option<&'static str>); 9];

const fn all(status: u16) -> Expect {
    [(status, None); 9]
}

/// Signed-in callers get `then`; anonymous callers 401.
const fn signed_in(then: (u16, Option<&'static str>)) -> Expect {
    [
        (401, Some("unauthorized")),
        then,
        then,
        then,
        then,
        then,
        then,
        then,
        then,
    ]
}

const ORG_VIEW: Expect = [
    (401, Some("unauthorized")),
    (404, Some("not_found")),
    (404, Some("not_found")),
    (200, None),
    (404, Some("not_found")),
    (200, None),
    (404, Some("not_found")),
    (404, Some("not_found")),
    (404, Some("not_found")),
];

/// Reviewing an application competent at 南山区: nobody in the table is a reviewer, so
/// members of 南山区 or above get 403 and everyone else finds no such application.
const REVIEW: Expect = [
    (401, Some("unauthorized")),
    (404, Some("not_found")),
    (404, Some("not_found")),
    (403, Some("forbidden")),
    (404, Some("not_found")),
    (403, Some("forbidden")),
    (404, Some("not_found")),
    (404, Some("not_found")),
    (404, Some("not_found")),
];

/// Administering a 南山区 member: nobody in the table is an administrator, so members of
/// 南山区 or above get 403 and everyone else finds no such member.
const MEMBER_ADMIN: Expect = [
    (401, Some("unauthorized")),
    (404, Some("not_found")),
    (404, Some("not_found")),
    (403, Some("forbidden")),
    (404, Some("not_found")),
    (403, Some("forbidden")),
    (404, Some("not_found")),
    (404, Some("not_found")),
    (404, Some("not_found")),
];

/// Administering the API clients of an enterprise under 南山区: nobody in the table is its
/// administrator, so members who can see it get 403 and everyone else finds nothing.
const CLIENT_ADMIN: Expect = [
    (401, Some("unauthorized")),
    (404, Some("not_found")),
    (404, Some("not_found")),
    (403, Some("forbidden")),
    (404, Some("not_found")),
    (403, Some("forbidden")),
    (403, Some("forbidden")),
    (404, Some("not_found")),
    (404, Some("not_found")),
];

struct Case {
    method: Method,
    template: &'static str,
    /// `{nanshan}` is replaced by the 南山区 bureau's id, `{victim}` by a 南山区 member's id,
    /// `{invitation}` by an open invitation into 南山区, `{application}` by an application
    /// competent at 南山区, `{enterprise}` by an enterprise under 南山区, `{client}` by that
    /// enterprise's API client, `{order}` by an order of the first consumer and `{attachment}`
    /// by its evidence, `{n}` by the actor's index.
    path: &'static str,
    body: Option<Value>,
    /// A form body (`application/x-www-form-urlencoded`) instead of JSON.
    form: Option<&'static str>,
    /// Extra request headers.
    headers: &'static [(&'static str, &'static str)],
    expect: Expect,
}

fn cases() -> Vec<Case> {
    use Method as M;
    let case = |method: M,
                template: &'static str,
                path: &'static str,
                body: Option<Value>,
                expect: Expect| Case {
        method,
        template,
        path,
        body,
        form: None,
        headers: &[],
        expect,
    };
    let form_case = |method: M, template: &'static str, form: &'static str, expect: Expect| Case {
        method,
        template,
        path: template,
        body: None,
        form: Some(form),
        headers: &[],
        expect,
    };
    vec![
        case(
            M::GET,
            "/api/health/live",
            "/api/health/live",
            None,
            all(200),
        ),
        case(
            M::GET,
            "/api/health/ready",
            "/api/health/ready",
            None,
            all(200),
        ),
        case(
            M::GET,
            "/api/v1/divisions",
            "/api/v1/divisions?parent=440300",
            None,
            all(200),
        ),
        case(
            M::GET,
            "/api/v1/divisions/{code}",
            "/api/v1/divisions/440305",
            None,
            all(200),
        ),
        // The taxonomy is public; only national administrators (none in this table) edit it,
        // and since nothing is hidden, everyone else gets 401/403, never 404.
        case(
            M::GET,
            "/api/v1/categories",
            "/api/v1/categories",
            None,
            all(200),
        ),
        case(
            M::POST,
            "/api/v1/categories",
            "/api/v1/categories",
            Some(json!({"kind": "problem", "name_zh": "新问题", "name_en": "New problem"})),
            signed_in((403, Some("forbidden"))),
        ),
        case(
            M::PATCH,
            "/api/v1/categories/{code}",
            "/api/v1/categories/G0101",
            Some(json!({"name_zh": "家用电器"})),
            signed_in((403, Some("forbidden"))),
        ),
        case(
            M::POST,
            "/api/v1/divisions/lookup",
            "/api/v1/divisions/lookup",
            Some(json!({"codes": ["440305"]})),
            all(200),
        ),
        // Public: the approved ODR enterprise in the table, whoever asks.
        case(
            M::GET,
            "/api/v1/enterprises/odr/{credit_code}",
            "/api/v1/enterprises/odr/9144030071526726XG",
            None,
            all(200),
        ),
        case(
            M::POST,
            "/api/v1/sessions",
            "/api/v1/sessions",
            Some(
                json!({"audience": "consumer", "login": "1390009999{n}", "password": "not a real one"}),
            ),
            [(401, Some("invalid_credentials")); 9],
        ),
        case(
            M::POST,
            "/api/v1/verification-codes",
            "/api/v1/verification-codes",
            Some(json!({"phone": "1390000000{n}", "purpose": "reset_password"})),
            all(202),
        ),
        case(
            M::POST,
            "/api/v1/consumers",
            "/api/v1/consumers",
            Some(
                json!({"phone": "13900000011", "code": "000000", "password": "long enough phrase", "display_name": "x"}),
            ),
            [(422, Some("validation_failed")); 9],
        ),
        case(
            M::POST,
            "/api/v1/password-resets",
            "/api/v1/password-resets",
            Some(
                json!({"phone": "13900000012", "code": "000000", "password": "long enough phrase"}),
            ),
            [(422, Some("validation_failed")); 9],
        ),
        case(
            M::GET,
            "/api/v1/me",
            "/api/v1/me",
            None,
            signed_in((200, None)),
        ),
        case(
            M::PATCH,
            "/api/v1/me",
            "/api/v1/me",
            Some(json!({"display_name": "改名"})),
            signed_in((200, None)),
        ),
        case(
            M::PUT,
            "/api/v1/me/password",
            "/api/v1/me/password",
            Some(
                json!({"current_password": "not the password", "new_password": "a new long phrase"}),
            ),
            signed_in((422, Some("validation_failed"))),
        ),
        case(
            M::POST,
            "/api/v1/me/totp",
            "/api/v1/me/totp",
            None,
            signed_in((200, None)),
        ),
        case(
            M::POST,
            "/api/v1/me/totp/confirm",
            "/api/v1/me/totp/confirm",
            Some(json!({"code": "000000"})),
            // Enrolment was started by the row above; the code is wrong.
            signed_in((401, Some("invalid_credentials"))),
        ),
        case(
            M::POST,
            "/api/v1/me/session/second-factor",
            "/api/v1/me/session/second-factor",
            Some(json!({"code": "000000"})),
            signed_in((409, Some("conflict"))),
        ),
        case(
            M::GET,
            "/api/v1/me/sessions",
            "/api/v1/me/sessions",
            None,
            signed_in((200, None)),
        ),
        case(
            M::DELETE,
            "/api/v1/me/sessions",
            "/api/v1/me/sessions",
            None,
            signed_in((204, None)),
        ),
        case(
            M::DELETE,
            "/api/v1/me/session",
            "/api/v1/me/session",
            None,
            signed_in((204, None)),
        ),
        case(
            M::DELETE,
            "/api/v1/me/sessions/{handle}",
            "/api/v1/me/sessions/0000000000000000000000000000000000000000000000000000000000000000",
            None,
            signed_in((404, Some("not_found"))),
        ),
        case(
            M::GET,
            "/api/v1/organisations/{id}",
            "/api/v1/organisations/{nanshan}",
            None,
            ORG_VIEW,
        ),
        case(
            M::GET,
            "/api/v1/organisations/{id}/children",
            "/api/v1/organisations/{nanshan}/children",
            None,
            ORG_VIEW,
        ),
        case(
            M::GET,
            "/api/v1/organisations/{id}/audit",
            "/api/v1/organisations/{nanshan}/audit",
            None,
            [
                (401, Some("unauthorized")),
                (404, Some("not_found")),
                (404, Some("not_found")),
                (403, Some("forbidden")),
                (404, Some("not_found")),
                (200, None),
                (404, Some("not_found")),
                (404, Some("not_found")),
                (404, Some("not_found")),
            ],
        ),
        case(
            M::GET,
            "/api/v1/organisations/{id}/members",
            "/api/v1/organisations/{nanshan}/members",
            None,
            ORG_VIEW,
        ),
        case(
            M::POST,
            "/api/v1/users/{id}/disable",
            "/api/v1/users/{victim}/disable",
            None,
            MEMBER_ADMIN,
        ),
        case(
            M::POST,
            "/api/v1/users/{id}/enable",
            "/api/v1/users/{victim}/enable",
            None,
            MEMBER_ADMIN,
        ),
        case(
            M::PUT,
            "/api/v1/users/{id}/roles",
            "/api/v1/users/{victim}/roles",
            Some(json!({"roles": ["reviewer"]})),
            MEMBER_ADMIN,
        ),
        case(
            M::POST,
            "/api/v1/organisations/{id}/invitations",
            "/api/v1/organisations/{nanshan}/invitations",
            Some(
                json!({"username": "authz.invitee{n}", "display_name": "x", "email": "x{n}@example.cn", "roles": ["handler"]}),
            ),
            MEMBER_ADMIN,
        ),
        case(
            M::GET,
            "/api/v1/organisations/{id}/invitations",
            "/api/v1/organisations/{nanshan}/invitations",
            None,
            MEMBER_ADMIN,
        ),
        case(
            M::POST,
            "/api/v1/invitations/{id}/resend",
            "/api/v1/invitations/{invitation}/resend",
            None,
            MEMBER_ADMIN,
        ),
        case(
            M::POST,
            "/api/v1/invitations/{id}/revoke",
            "/api/v1/invitations/{invitation}/revoke",
            None,
            MEMBER_ADMIN,
        ),
        case(
            M::POST,
            "/api/v1/invitations/inspect",
            "/api/v1/invitations/inspect",
            Some(json!({"token": "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})),
            [(400, Some("invitation_invalid")); 9],
        ),
        case(
            M::POST,
            "/api/v1/invitations/accept",
            "/api/v1/invitations/accept",
            Some(
                json!({"token": "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "password": "a long enough phrase"}),
            ),
            [(400, Some("invitation_invalid")); 9],
        ),
        case(
            M::POST,
            "/api/v1/organisations/{id}/stations",
            "/api/v1/organisations/{nanshan}/stations",
            Some(json!({"name": "授权测试所{n}"})),
            MEMBER_ADMIN,
        ),
        case(
            M::GET,
            "/api/v1/organisations/{id}/api-clients",
            "/api/v1/organisations/{enterprise}/api-clients",
            None,
            CLIENT_ADMIN,
        ),
        case(
            M::POST,
            "/api/v1/organisations/{id}/api-clients",
            "/api/v1/organisations/{enterprise}/api-clients",
            Some(json!({"name": "对接系统", "scopes": ["orders:read"]})),
            CLIENT_ADMIN,
        ),
        case(
            M::POST,
            "/api/v1/api-clients/{id}/rotate",
            "/api/v1/api-clients/{client}/rotate",
            None,
            CLIENT_ADMIN,
        ),
        case(
            M::POST,
            "/api/v1/api-clients/{id}/revoke",
            "/api/v1/api-clients/{client}/revoke",
            None,
            CLIENT_ADMIN,
        ),
        // Session cookies play no part at the token endpoint: wrong client credentials are
        // wrong for everyone.
        form_case(
            M::POST,
            "/api/v1/oauth/token",
            "grant_type=client_credentials&client_id=wqc_AAAAAAAAAAAAAAAAAAAAA{n}&client_secret=wqs_not-it",
            [(401, Some("invalid_client")); 9],
        ),
        case(
            M::GET,
            "/api/v1/client",
            "/api/v1/client",
            None,
            signed_in((403, Some("forbidden"))),
        ),
        case(
            M::POST,
            "/api/v1/applications",
            "/api/v1/applications",
            Some(json!({
                "kind": "department", "name": "测试部门{n}", "competent_division": "national",
                "contact_name": "联系人", "contact_phone": "010-12345678",
                "contact_email": "authz{n}@example.org", "admin_username": "authz.dept{n}",
                "admin_display_name": "管理员",
            })),
            all(201),
        ),
        case(
            M::POST,
            "/api/v1/applications/status",
            "/api/v1/applications/status",
            Some(json!({"tracking_code": "WQ-0000-0000-0000-000{n}"})),
            [(404, Some("not_found")); 9],
        ),
        case(
            M::GET,
            "/api/v1/organisations/{id}/applications",
            "/api/v1/organisations/{nanshan}/applications",
            None,
            REVIEW,
        ),
        case(
            M::GET,
            "/api/v1/applications/{id}",
            "/api/v1/applications/{application}",
            None,
            REVIEW,
        ),
        case(
            M::POST,
            "/api/v1/applications/{id}/approve",
            "/api/v1/applications/{application}/approve",
            None,
            REVIEW,
        ),
        case(
            M::POST,
            "/api/v1/applications/{id}/reject",
            "/api/v1/applications/{application}/reject",
            Some(json!({"reason": "不符合条件"})),
            REVIEW,
        ),
        // Only consumers file appeals; staff and other organisations 403.
        case(
            M::POST,
            "/api/v1/orders",
            "/api/v1/orders",
            Some(json!({
                "kind": "complaint",
                "business": {"name": "深圳市某餐饮有限公司", "division": "440305"},
                "item": "套餐", "request": "退款", "facts": "菜品变质。",
                "subject_category": "S0101", "problem_type": "P01",
            })),
            CONSUMERS_ONLY_CREATED,
        ),
        // Only consumers upload evidence; a JSON body gets them past authorization to 415.
        case(
            M::POST,
            "/api/v1/attachments",
            "/api/v1/attachments",
            Some(json!({"file": "not multipart"})),
            UPLOAD_JSON,
        ),
        case(
            M::GET,
            "/api/v1/me/orders",
            "/api/v1/me/orders",
            None,
            CONSUMERS_ONLY_OK,
        ),
        // An order the first consumer filed against a 南山区 business: its filer, 南山区 and
        // the levels above see it; nobody else knows it exists.
        case(
            M::GET,
            "/api/v1/orders/{id}",
            "/api/v1/orders/{order}",
            None,
            ORDER_VIEW,
        ),
        // Its evidence: exactly those who see the order (the enterprise is not its business).
        case(
            M::GET,
            "/api/v1/orders/{id}/attachments/{attachment_id}",
            "/api/v1/orders/{order}/attachments/{attachment}",
            None,
            ORDER_VIEW,
        ),
        // Its dialogue: exactly those who see the order (a stream answers 200 and is then
        // dropped). The provincial analyst reads but speaks to the parties through the county.
        case(
            M::GET,
            "/api/v1/orders/{id}/messages",
            "/api/v1/orders/{order}/messages",
            None,
            ORDER_VIEW,
        ),
        case(
            M::POST,
            "/api/v1/orders/{id}/messages",
            "/api/v1/orders/{order}/messages",
            Some(json!({"body": "您好"})),
            DIALOGUE_POST,
        ),
        case(
            M::POST,
            "/api/v1/orders/{id}/messages/read",
            "/api/v1/orders/{order}/messages/read",
            Some(json!({"up_to": 1})),
            DIALOGUE_READ,
        ),
        case(
            M::GET,
            "/api/v1/orders/{id}/messages/stream",
            "/api/v1/orders/{order}/messages/stream",
            None,
            ORDER_VIEW,
        ),
        // The order's evidence is in no message: participants find no such file there.
        case(
            M::GET,
            "/api/v1/orders/{id}/messages/attachments/{attachment_id}",
            "/api/v1/orders/{order}/messages/attachments/{attachment}",
            None,
            signed_in((404, Some("not_found"))),
        ),
        // Every signed-in caller has a summary (empty for those in no dialogue).
        case(
            M::GET,
            "/api/v1/dialogues/unread",
            "/api/v1/dialogues/unread",
            None,
            signed_in((200, None)),
        ),
        case(
            M::GET,
            "/api/v1/organisations/{id}/orders",
            "/api/v1/organisations/{nanshan}/orders",
            None,
            ORG_VIEW,
        ),
        case(
            M::GET,
            "/api/v1/organisations/{id}/orders/counts",
            "/api/v1/organisations/{nanshan}/orders/counts",
            None,
            ORG_VIEW,
        ),
        // Upper levels and the county's leaders: a county handler sees 南山区 but may not
        // supervise it.
        case(
            M::GET,
            "/api/v1/organisations/{id}/supervision",
            "/api/v1/organisations/{nanshan}/supervision",
            None,
            SUPERVISE,
        ),
        // Per-order results: every signed-in caller gets 200, each order refused as the single
        // action would refuse it (here: a version nobody holds, or no such order).
        case(
            M::POST,
            "/api/v1/orders/bulk-actions",
            "/api/v1/orders/bulk-actions",
            Some(json!({"action": "assign_station", "station_id": 1,
                        "orders": [{"id": 999_999_999, "version": 1}]})),
            signed_in((200, None)),
        ),
        // A stale If-Match: those who may see the order learn it changed (412) before anything
        // is decided; the rest find no such order.
        Case {
            method: M::POST,
            template: "/api/v1/orders/{id}/actions",
            path: "/api/v1/orders/{order}/actions",
            body: Some(json!({"action": "accept"})),
            form: None,
            headers: &[("If-Match", "\"99\"")],
            expect: ORDER_ACT_STALE,
        },
        // The holiday calendar: staff of government units read it; only national
        // administrators (none in the table) enter a year.
        case(
            M::GET,
            "/api/v1/calendar/years",
            "/api/v1/calendar/years",
            None,
            CALENDAR_VIEW,
        ),
        case(
            M::GET,
            "/api/v1/calendar/years/{year}",
            "/api/v1/calendar/years/2026",
            None,
            CALENDAR_VIEW,
        ),
        case(
            M::PUT,
            "/api/v1/calendar/years/{year}",
            "/api/v1/calendar/years/2027",
            Some(json!({"source": "国办发明电", "days": [
                {"date": "2027-01-01", "kind": "off", "name_zh": "元旦"}
            ]})),
            signed_in((403, Some("forbidden"))),
        ),
        // The regulation's closed lists: any member of an organisation; consumers 403.
        case(
            M::GET,
            "/api/v1/workflow/reasons",
            "/api/v1/workflow/reasons",
            None,
            MEMBERS_ONLY_OK,
        ),
    ]
}

const CALENDAR_VIEW: Expect = [
    (401, Some("unauthorized")),
    (403, Some("forbidden")),
    (403, Some("forbidden")),
    (200, None),
    (200, None),
    (200, None),
    (403, Some("forbidden")),
    (403, Some("forbidden")),
    (403, Some("forbidden")),
];

const MEMBERS_ONLY_OK: Expect = [
    (401, Some("unauthorized")),
    (403, Some("forbidden")),
    (403, Some("forbidden")),
    (200, None),
    (200, None),
    (200, None),
    (200, None),
    (200, None),
    (200, None),
];

const CONSUMERS_ONLY_CREATED: Expect = [
    (401, Some("unauthorized")),
    (201, None),
    (201, None),
    (403, Some("forbidden")),
    (403, Some("forbidden")),
    (403, Some("forbidden")),
    (403, Some("forbidden")),
    (403, Some("forbidden")),
    (403, Some("forbidden")),
];

const CONSUMERS_ONLY_OK: Expect = [
    (401, Some("unauthorized")),
    (200, None),
    (200, None),
    (403, Some("forbidden")),
    (403, Some("forbidden")),
    (403, Some("forbidden")),
    (403, Some("forbidden")),
    (403, Some("forbidden")),
    (403, Some("forbidden")),
];

const UPLOAD_JSON: Expect = signed_in((415, Some("unsupported_media_type")));

/// Posting in the dialogue of that order: it is `received`, so no public message is accepted
/// yet (409) from those who take part; nobody else knows it exists.
const DIALOGUE_POST: Expect = [
    (401, Some("unauthorized")),
    (409, Some("dialogue_closed")),
    (404, Some("not_found")),
    (409, Some("dialogue_closed")),
    (404, Some("not_found")),
    (403, Some("forbidden")),
    (404, Some("not_found")),
    (404, Some("not_found")),
    (404, Some("not_found")),
];

/// Marking it read: those who take part (204, nothing to mark yet), 404 for the rest.
const DIALOGUE_READ: Expect = [
    (401, Some("unauthorized")),
    (204, None),
    (404, Some("not_found")),
    (204, None),
    (404, Some("not_found")),
    (204, None),
    (404, Some("not_found")),
    (404, Some("not_found")),
    (404, Some("not_found")),
];

const ORDER_VIEW: Expect = [
    (401, Some("unauthorized")),
    (200, None),
    (404, Some("not_found")),
    (200, None),
    (404, Some("not_found")),
    (200, None),
    (404, Some("not_found")),
    (404, Some("not_found")),
    (404, Some("not_found")),
];

const SUPERVISE: Expect = [
    (401, Some("unauthorized")),
    (404, Some("not_found")),
    (404, Some("not_found")),
    (403, Some("forbidden")),
    (404, Some("not_found")),
    (200, None),
    (404, Some("not_found")),
    (404, Some("not_found")),
    (404, Some("not_found")),
];

const ORDER_ACT_STALE: Expect = [
    (401, Some("unauthorized")),
    (412, Some("precondition_failed")),
    (404, Some("not_found")),
    (412, Some("precondition_failed")),
    (404, Some("not_found")),
    (412, Some("precondition_failed")),
    (404, Some("not_found")),
    (404, Some("not_found")),
    (404, Some("not_found")),
];

#[test]
fn every_documented_endpoint_has_an_entry_and_no_entry_is_stale() {
    let doc = serde_json::to_value(weiquan_http::openapi::document()).unwrap();
    let mut documented = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            documented.insert(format!("{} {path}", method.to_uppercase()));
        }
    }
    let tabled: BTreeSet<String> = cases()
        .iter()
        .map(|c| format!("{} {}", c.method, c.template))
        .collect();
    let missing: Vec<_> = documented.difference(&tabled).collect();
    let stale: Vec<_> = tabled.difference(&documented).collect();
    assert!(
        missing.is_empty(),
        "endpoints without an authorization entry: {missing:?}"
    );
    assert!(
        stale.is_empty(),
        "entries for endpoints that no longer exist: {stale:?}"
    );
}

fn insert_org(
    app: &TestApp,
    kind: &str,
    name: &str,
    parent: i64,
    credit: Option<&str>,
) -> weiquan_domain::access::OrgId {
    use diesel::RunQueryDsl;
    #[derive(diesel::QueryableByName)]
    struct Id {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        id: i64,
    }
    let mut conn = app.database.connect();
    let id: Id = diesel::sql_query(
        "WITH new AS (SELECT nextval(pg_get_serial_sequence('organisations', 'id')) AS id) \
         INSERT INTO organisations (id, kind, name, parent_id, path, credit_code, odr_status) \
         SELECT new.id, $1, $2, p.id, p.path || new.id || '/', $3, \
                CASE WHEN $1 = 'enterprise' THEN 'approved' END \
         FROM new, organisations p WHERE p.id = $4 RETURNING id",
    )
    .bind::<diesel::sql_types::Text, _>(kind)
    .bind::<diesel::sql_types::Text, _>(name)
    .bind::<diesel::sql_types::Nullable<diesel::sql_types::Text>, _>(credit)
    .bind::<diesel::sql_types::BigInt, _>(parent)
    .get_result(&mut conn)
    .unwrap();
    weiquan_domain::access::OrgId(id.id)
}

/// An enterprise application waiting at `bureau`.
fn insert_application(app: &TestApp, bureau: weiquan_domain::access::OrgId) -> i64 {
    use weiquan_db::applications::{NewApplication, insert};
    let mut conn = app.database.connect();
    insert(
        &mut conn,
        &NewApplication {
            kind: "enterprise",
            name: "深圳市某申请公司",
            name_en: None,
            credit_code: Some("91440300708461136T"),
            registered_division: Some("440305"),
            competent_bureau_id: bureau.0,
            contact_name: "申请人",
            contact_phone: "0755-12345678",
            contact_email: "applicant@example.com",
            admin_username: "authz.applicant",
            admin_display_name: "申请管理员",
            description: "",
            locale: "zh-CN",
            tracking_hash: &"0".repeat(64),
        },
    )
    .unwrap()
}

/// A fresh caller of each kind (sessions are made anew per endpoint, since some end them).
async fn callers(
    app: &TestApp,
    users: &[Option<weiquan_domain::access::UserId>; 9],
) -> Vec<Option<SignedIn>> {
    let mut out = Vec::new();
    for user in users {
        out.push(match user {
            Some(user) => Some(app.sign_in(*user, true).await),
            None => None,
        });
    }
    out
}

#[actix_web::test]
async fn every_endpoint_answers_every_kind_of_actor_as_the_table_says() {
    let app = TestApp::spawn().await;
    let nanshan = app.bureau(Some("440305"));
    let futian = app.bureau(Some("440304"));
    let guangdong = app.bureau(Some("440000"));
    let national = app.bureau(None);
    let enterprise = insert_org(
        &app,
        "enterprise",
        "深圳市某电商有限公司",
        nanshan.0,
        Some("9144030071526726XG"),
    );
    let department = insert_org(
        &app,
        "department",
        "12345 政务服务便民热线",
        national.0,
        None,
    );
    let international = insert_org(
        &app,
        "international",
        "European Consumer Centre",
        national.0,
        None,
    );
    let victim = app.create_member(nanshan, "authz.victim", &[Role::Handler]);
    let invitation = {
        use diesel::Connection;
        let mut conn = app.database.connect();
        conn.transaction(|conn| {
            weiquan_services::invitations::create_in_tx(
                conn,
                &weiquan_services::invitations::NewInvitation {
                    org: nanshan,
                    username: "authz.invited".into(),
                    display_name: "受邀人".into(),
                    email: "authz.invited@example.cn".into(),
                    roles: vec![Role::Handler],
                    locale: weiquan_domain::notify::Locale::ZhCn,
                },
                &weiquan_services::invitations::Inviter {
                    actor: weiquan_domain::audit::AuditActor::system(),
                    origin: Default::default(),
                },
                "http://127.0.0.1:8080",
            )
        })
        .unwrap()
        .invitation_id
    };
    app.execute(&format!(
        "INSERT INTO api_clients (org_id, name, client_id, secret_hash, scopes) VALUES \
         ({}, 'authz', 'wqc_authzAAAAAAAAAAAAAAAAA', sha256('x'), 'orders:read')",
        enterprise.0
    ));
    let client_id = {
        use diesel::RunQueryDsl;
        #[derive(diesel::QueryableByName)]
        struct Id {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            id: i64,
        }
        let mut conn = app.database.connect();
        let id: Id = diesel::sql_query("SELECT id FROM api_clients WHERE name = 'authz'")
            .get_result(&mut conn)
            .unwrap();
        id.id
    };
    let application = insert_application(&app, nanshan);
    let users = [
        None,
        Some(app.create_consumer("13700000001")),
        Some(app.create_consumer("13700000002")),
        Some(app.create_member(nanshan, "authz.ns.handler", &[Role::Handler])),
        Some(app.create_member(futian, "authz.ft.handler", &[Role::Handler])),
        Some(app.create_member(guangdong, "authz.gd.analyst", &[Role::Analyst])),
        Some(app.create_member(enterprise, "authz.ent.user", &[Role::Handler])),
        Some(app.create_member(department, "authz.dept.user", &[Role::Handler])),
        Some(app.create_member(international, "authz.intl.user", &[Role::Handler])),
    ];
    let (order, attachment) = {
        let filer = app.sign_in(users[1].unwrap(), false).await;
        let boundary = "authz-boundary";
        let mut form = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\n"
        )
        .into_bytes();
        form.extend_from_slice(b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR");
        form.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let uploaded: Value = app
            .request(Method::POST, "/api/v1/attachments", Some(&filer))
            .header(
                "Content-Type",
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(form)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let attachment = uploaded["id"].as_i64().unwrap();
        let response = app
            .request(Method::POST, "/api/v1/orders", Some(&filer))
            .json(&json!({
                "kind": "complaint",
                "business": {"name": "深圳市某餐饮有限公司", "division": "440305"},
                "item": "套餐", "request": "退款", "facts": "菜品变质。",
                "attachments": [attachment],
                "subject_category": "S0101", "problem_type": "P01",
            }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 201);
        let body: Value = response.json().await.unwrap();
        (body["orders"][0]["id"].as_i64().unwrap(), attachment)
    };
    let mut failures = Vec::new();
    for case in cases() {
        let who = callers(&app, &users).await;
        for (i, caller) in who.iter().enumerate() {
            let path = case
                .path
                .replace("{nanshan}", &nanshan.0.to_string())
                .replace("{victim}", &victim.0.to_string())
                .replace("{invitation}", &invitation.to_string())
                .replace("{enterprise}", &enterprise.0.to_string())
                .replace("{client}", &client_id.to_string())
                .replace("{application}", &application.to_string())
                .replace("{order}", &order.to_string())
                .replace("{attachment}", &attachment.to_string());
            let mut request = app.request(case.method.clone(), &path, caller.as_ref());
            if let Some(body) = &case.body {
                let body = body.to_string().replace("{n}", &i.to_string());
                request = request
                    .header("Content-Type", "application/json")
                    .body(body);
            }
            for (name, value) in case.headers {
                request = request.header(*name, *value);
            }
            if let Some(form) = case.form {
                request = request
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .body(form.replace("{n}", &i.to_string()));
            }
            let response = request.send().await.unwrap();
            let status = response.status().as_u16();
            let streaming = response
                .headers()
                .get("content-type")
                .is_some_and(|v| v.as_bytes().starts_with(b"text/event-stream"));
            // A live stream never ends: its status is the answer, the body is not read.
            let body: Value = if streaming {
                Value::Null
            } else {
                response.json().await.unwrap_or(Value::Null)
            };
            let code = body["code"].as_str().map(str::to_owned);
            let (want_status, want_code) = case.expect[i];
            let code_ok = want_code.is_none_or(|w| code.as_deref() == Some(w));
            if status != want_status || !code_ok {
                failures.push(format!(
                    "{} {} as {}: got {status} {code:?}, want {want_status} {want_code:?}",
                    case.method, case.template, ACTORS[i]
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
