//! Demo data for a newcomer's first look (`weiquan seed`): one account of each kind that
//! exists so far, in 广东省 → 深圳市 → 南山区. Idempotent: existing accounts are left alone.
//! Refused in production by the caller.

use diesel::PgConnection;
use weiquan_db::users::{self, NewUser};
use weiquan_db::{DbError, organisations};
use weiquan_domain::DivisionCode;
use weiquan_domain::access::Role;

/// The password of every demo account (documented in the README).
pub const PASSWORD: &str = "Weiquan-demo-2026";

/// A demo member account: user name, display name, the division of its bureau, roles.
pub const MEMBERS: [(&str, &str, &str, &[Role]); 4] = [
    (
        "nanshan.handler",
        "南山区局承办人（演示）",
        "440305",
        &[Role::Handler],
    ),
    (
        "nanshan.reviewer",
        "南山区局审核人（演示）",
        "440305",
        &[Role::Reviewer],
    ),
    (
        "nanshan.admin",
        "南山区局管理员（演示）",
        "440305",
        &[Role::OrgAdmin],
    ),
    (
        "guangdong.analyst",
        "广东省局分析员（演示）",
        "440000",
        &[Role::Analyst],
    ),
];

/// The demo consumer's mobile number.
pub const CONSUMER_PHONE: &str = "13800138000";

/// Creates the demo accounts that do not exist yet; returns how many were created.
pub fn seed(conn: &mut PgConnection, password_hash: &str) -> Result<usize, DbError> {
    let mut created = 0;
    if users::find_consumer_by_phone(conn, CONSUMER_PHONE)?.is_none() {
        users::insert(
            conn,
            &NewUser {
                kind: "consumer",
                org_id: None,
                phone: Some(CONSUMER_PHONE),
                username: None,
                email: None,
                display_name: "张消费（演示）",
                password_hash: Some(password_hash),
                status: "active",
            },
            &[],
        )?;
        created += 1;
    }
    for (username, name, division, roles) in MEMBERS {
        if users::find_member_by_username(conn, username)?.is_some() {
            continue;
        }
        let code = DivisionCode::parse(division).map_err(|e| DbError::Other(e.to_string()))?;
        let bureau = organisations::bureau_of(conn, Some(&code))?.ok_or_else(|| {
            DbError::Other(format!("no bureau for {division}: run migrate first"))
        })?;
        users::insert(
            conn,
            &NewUser {
                kind: "member",
                org_id: Some(bureau.id),
                phone: None,
                username: Some(username),
                email: None,
                display_name: name,
                password_hash: Some(password_hash),
                status: "active",
            },
            roles,
        )?;
        created += 1;
    }
    created += seed_application(conn)?;
    Ok(created)
}

/// The demo application's tracking code (development data only: anyone may read it here).
pub const APPLICATION_TRACKING_CODE: &str = "WQ-DEM0-2026-NANS-HAN1";
/// The demo applicant's credit code (valid GB 32100 check character, registered in 南山区).
pub const APPLICATION_CREDIT_CODE: &str = "91440305MA5G7K2P1P";

/// One enterprise application waiting at 深圳市南山区市场监督管理局, so that the review queue
/// is not empty in a demo. Skipped when any application with its credit code exists.
fn seed_application(conn: &mut PgConnection) -> Result<usize, DbError> {
    crate::applications::seed_demo(conn, APPLICATION_TRACKING_CODE, APPLICATION_CREDIT_CODE)
}
