//! Demo data for a newcomer's first look (`weiquan seed`): one account for every role and every
//! kind of organisation, in 广东省 → 深圳市 → 南山区 (plus the national bureau), and one open
//! invitation. Idempotent: units and accounts that exist are left alone (run it twice and
//! nothing changes the second time). Refused in production by the caller.

use diesel::{Connection, PgConnection};
use weiquan_db::organisations::{self, NewChild, OrgRow};
use weiquan_db::users::{self, NewUser};
use weiquan_db::{DbError, invitations as invitation_rows};
use weiquan_domain::access::{OrgId, Role};
use weiquan_domain::audit::AuditActor;
use weiquan_domain::notify::Locale;
use weiquan_domain::{CreditCode, DivisionCode};

use crate::accounts::Origin;
use crate::invitations::{self, InvitationError, Inviter, NewInvitation};

/// The password of every demo account (documented in the README).
pub const PASSWORD: &str = "Weiquan-demo-2026";

/// The demo consumer's mobile number.
pub const CONSUMER_PHONE: &str = "13800138000";

/// Where a demo account belongs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// The bureau of a division (`None`: the national bureau).
    Bureau(Option<&'static str>),
    /// One of [`UNITS`], by index.
    Created(usize),
}

/// A demo unit created below a bureau: kind, name, English name, parent bureau's division,
/// division served or registered in, credit code body (enterprises; the check character is
/// computed).
pub struct DemoUnit {
    pub kind: &'static str,
    pub name: &'static str,
    pub name_en: &'static str,
    pub parent: Option<&'static str>,
    pub division: Option<&'static str>,
    pub credit_code_body: Option<&'static str>,
}

pub const STATION: usize = 0;
pub const ASSOCIATION: usize = 1;
pub const ENTERPRISE: usize = 2;
pub const DEPARTMENT: usize = 3;
pub const INTERNATIONAL: usize = 4;

pub const UNITS: [DemoUnit; 5] = [
    DemoUnit {
        kind: "station",
        name: "南山区市场监督管理局蛇口所",
        name_en: "Shekou Station, Nanshan District Administration for Market Regulation",
        parent: Some("440305"),
        division: Some("440305"),
        credit_code_body: None,
    },
    DemoUnit {
        kind: "association",
        name: "深圳市消费者委员会",
        name_en: "Shenzhen Consumer Council",
        parent: Some("440300"),
        division: Some("440300"),
        credit_code_body: None,
    },
    DemoUnit {
        kind: "enterprise",
        name: "深圳维权演示科技有限公司",
        name_en: "Shenzhen Weiquan Demo Technology Co., Ltd.",
        parent: Some("440305"),
        division: Some("440305"),
        // 91 (enterprise, company) + 440305 (registered in 南山区) + organisation code.
        credit_code_body: Some("91440305MA5FWQ001"),
    },
    DemoUnit {
        kind: "department",
        name: "深圳市12345政务服务便民热线",
        name_en: "Shenzhen 12345 Government Service Hotline",
        parent: Some("440300"),
        division: Some("440300"),
        credit_code_body: None,
    },
    DemoUnit {
        kind: "international",
        name: "国际消费者组织联络处（演示）",
        name_en: "International Consumer Liaison Office (demo)",
        parent: None,
        division: None,
        credit_code_body: None,
    },
];

/// A demo member account: user name, display name, unit, roles.
pub const MEMBERS: [(&str, &str, Unit, &[Role]); 16] = [
    (
        "national.analyst",
        "国家总局分析员（演示）",
        Unit::Bureau(None),
        &[Role::Analyst],
    ),
    (
        "guangdong.analyst",
        "广东省局分析员（演示）",
        Unit::Bureau(Some("440000")),
        &[Role::Analyst],
    ),
    // A second provincial analyst, for the browser test of the whole complaint story (it
    // enrols its authenticator there; guangdong.analyst's enrolment belongs to another test).
    (
        "guangdong.supervisor",
        "广东省局督办分析员（演示）",
        Unit::Bureau(Some("440000")),
        &[Role::Analyst],
    ),
    (
        "shenzhen.admin",
        "深圳市局管理员（演示）",
        Unit::Bureau(Some("440300")),
        &[Role::OrgAdmin],
    ),
    (
        "shenzhen.analyst",
        "深圳市局分析员（演示）",
        Unit::Bureau(Some("440300")),
        &[Role::Analyst],
    ),
    (
        "nanshan.handler",
        "南山区局承办人（演示）",
        Unit::Bureau(Some("440305")),
        &[Role::Handler],
    ),
    (
        "nanshan.reviewer",
        "南山区局审核人（演示）",
        Unit::Bureau(Some("440305")),
        &[Role::Reviewer],
    ),
    (
        "nanshan.admin",
        "南山区局管理员（演示）",
        Unit::Bureau(Some("440305")),
        &[Role::OrgAdmin],
    ),
    (
        "nanshan.analyst",
        "南山区局分析员（演示）",
        Unit::Bureau(Some("440305")),
        &[Role::Analyst],
    ),
    (
        "shekou.handler",
        "蛇口所承办人（演示）",
        Unit::Created(STATION),
        &[Role::Handler],
    ),
    (
        "shekou.reviewer",
        "蛇口所审核人（演示）",
        Unit::Created(STATION),
        &[Role::Reviewer],
    ),
    (
        "szcc.handler",
        "深圳市消委会承办人（演示）",
        Unit::Created(ASSOCIATION),
        &[Role::Handler],
    ),
    (
        "enterprise.admin",
        "演示企业管理员（演示）",
        Unit::Created(ENTERPRISE),
        &[Role::OrgAdmin],
    ),
    (
        "enterprise.handler",
        "演示企业承办人（演示）",
        Unit::Created(ENTERPRISE),
        &[Role::Handler],
    ),
    (
        "hotline.handler",
        "12345热线承办人（演示）",
        Unit::Created(DEPARTMENT),
        &[Role::Handler],
    ),
    (
        "intl.handler",
        "国际联络处承办人（演示）",
        Unit::Created(INTERNATIONAL),
        &[Role::Handler],
    ),
];

/// The open demo invitation: a handler invited into 南山区局.
pub const INVITED_USERNAME: &str = "nanshan.invited";
pub const INVITED_EMAIL: &str = "nanshan.invited@example.cn";

/// The demo enterprise's unified social credit code, with its GB 32100 check character.
pub fn enterprise_credit_code() -> Result<CreditCode, DbError> {
    let body = UNITS[ENTERPRISE].credit_code_body.unwrap_or_default();
    CreditCode::complete(body).map_err(|e| DbError::Other(e.to_string()))
}

fn bureau(conn: &mut PgConnection, division: Option<&str>) -> Result<OrgRow, DbError> {
    let code = division
        .map(DivisionCode::parse)
        .transpose()
        .map_err(|e| DbError::Other(e.to_string()))?;
    organisations::bureau_of(conn, code.as_ref())?.ok_or_else(|| {
        DbError::Other(format!(
            "no bureau for {}: run migrate first",
            division.unwrap_or("the nation")
        ))
    })
}

/// Finds or creates the demo units, in [`UNITS`] order; returns them and how many were new.
fn units(conn: &mut PgConnection) -> Result<(Vec<OrgRow>, usize), DbError> {
    let mut rows = Vec::new();
    let mut created = 0;
    for unit in &UNITS {
        let parent = bureau(conn, unit.parent)?;
        if let Some(row) = organisations::find_child(conn, OrgId(parent.id), unit.kind, unit.name)?
        {
            rows.push(row);
            continue;
        }
        let credit_code = match unit.credit_code_body {
            Some(_) => Some(enterprise_credit_code()?),
            None => None,
        };
        let row = organisations::insert_child(
            conn,
            &parent,
            &NewChild {
                kind: unit.kind,
                name: unit.name,
                name_en: Some(unit.name_en),
                division_code: unit.division,
                credit_code: credit_code.as_ref().map(CreditCode::as_str),
                odr_status: credit_code.map(|_| "approved"),
            },
        )?;
        rows.push(row);
        created += 1;
    }
    Ok((rows, created))
}

/// Creates the demo units, accounts and invitation that do not exist yet, in one transaction;
/// returns how many things were created (0 on a second run).
pub fn seed(
    conn: &mut PgConnection,
    password_hash: &str,
    public_base_url: &str,
) -> Result<usize, DbError> {
    conn.transaction(|conn| {
        let (units, mut created) = units(conn)?;
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
        for (username, name, unit, roles) in MEMBERS {
            if users::find_member_by_username(conn, username)?.is_some() {
                continue;
            }
            let org_id = match unit {
                Unit::Bureau(division) => bureau(conn, division)?.id,
                Unit::Created(i) => units
                    .get(i)
                    .map(|u| u.id)
                    .ok_or_else(|| DbError::Other(format!("no demo unit {i}")))?,
            };
            users::insert(
                conn,
                &NewUser {
                    kind: "member",
                    org_id: Some(org_id),
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
        if !invitation_rows::username_taken(conn, INVITED_USERNAME)? {
            let nanshan = bureau(conn, Some("440305"))?;
            let inviter = users::find_member_by_username(conn, "nanshan.admin")?;
            let mut actor = AuditActor::system();
            if let Some(admin) = inviter {
                actor.kind = weiquan_domain::audit::ActorKind::Member;
                actor.user = Some(weiquan_domain::access::UserId(admin.id));
                actor.org = Some(OrgId(nanshan.id));
            }
            invitations::create_in_tx(
                conn,
                &NewInvitation {
                    org: OrgId(nanshan.id),
                    username: INVITED_USERNAME.to_owned(),
                    display_name: "待激活承办人（演示）".to_owned(),
                    email: INVITED_EMAIL.to_owned(),
                    roles: vec![Role::Handler],
                    locale: Locale::ZhCn,
                },
                &Inviter {
                    actor,
                    origin: Origin::default(),
                },
                public_base_url,
            )
            .map_err(|e| match e {
                InvitationError::Service(crate::ServiceError::Unavailable { detail, .. }) => {
                    DbError::Unavailable(detail)
                }
                other => DbError::Other(format!("demo invitation: {other}")),
            })?;
            created += 1;
        }
        created += seed_application(conn)?;
        created += seed_orders(conn)?;
        Ok(created)
    })
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

/// The demo consumer's appeals, filed and handled through the same use cases as the API
/// (`orders::submit_in`, `orders::act_in`), so that the inbox, the order pages and the
/// consumer's list have something to show: a new complaint, one in mediation, one settled
/// (¥1,280 recovered, waiting for the consumer's rating), one sent to the ODR enterprise
/// first, and a report. Idempotent: each is filed under an idempotency key of the consumer,
/// and the actions only run when the order was filed by this call.
fn seed_orders(conn: &mut PgConnection) -> Result<usize, DbError> {
    use crate::orders::{self, BusinessInput, Channel, CommandInput, OrderError, Submission};
    use weiquan_domain::access::{Actor, UserId};
    use weiquan_domain::workflow::{AppealKind, Command, Party};

    let Some(consumer) = users::find_consumer_by_phone(conn, CONSUMER_PHONE)? else {
        return Ok(0);
    };
    let Some(handler) = users::find_member_by_username(conn, "nanshan.handler")? else {
        return Ok(0);
    };
    let nanshan = bureau(conn, Some("440305"))?;
    let handler = Actor::Member {
        user: UserId(handler.id),
        org: nanshan.to_ref()?,
        roles: users::roles(conn, UserId(handler.id))?,
        second_factor: false,
    };
    let cache = crate::calendar::CalendarCache::default();
    let failed = |what: &str, e: OrderError| DbError::Other(format!("demo order {what}: {e:?}"));
    let code = |s: &str| DivisionCode::parse(s).map_err(|e| DbError::Other(format!("{e:?}")));
    let offline = |name: &str, address: &str| -> Result<Option<BusinessInput>, DbError> {
        Ok(Some(BusinessInput {
            name: name.to_owned(),
            credit_code: None,
            division: Some(code("440305")?),
            address: Some(address.to_owned()),
            channel: Channel::Offline,
            platform: None,
            platform_division: None,
        }))
    };
    let today = orders::today();
    let complaint =
        |business, item: &str, amount_fen, facts: &str, subject: &str, problem: &str| Submission {
            kind: AppealKind::Complaint,
            business,
            conduct_division: None,
            item: Some(item.to_owned()),
            bought_on: today.checked_sub_days(chrono::Days::new(12)),
            amount_fen: Some(amount_fen),
            request: Some("要求退货退款。".to_owned()),
            facts: facts.to_owned(),
            subject_category: Some(subject.to_owned()),
            problem_type: Some(problem.to_owned()),
            contact_phone: None,
            contact_address: None,
            anonymous: false,
            enterprise_first: false,
            both: false,
            attachments: Vec::new(),
        };
    let plain = |c: Command| CommandInput::Plain(c);
    let consent = |party| {
        plain(Command::RecordConsent {
            party,
            consents: true,
        })
    };
    let enterprise = CreditCode::parse("91440305MA5FWQ001Q")
        .map_err(|e| DbError::Other(format!("demo credit code: {e:?}")))?;
    let demo: Vec<(&str, Submission, Vec<CommandInput>)> = vec![
        (
            "demo-order-new",
            complaint(
                offline(
                    "深圳市南山区惠民电器商行（演示）",
                    "深圳市南山区南头街道南山大道 1001 号",
                )?,
                "变频空调 KFR-35GW",
                329_900,
                "购买的空调安装后第三天起制冷效果明显下降，商家上门检测后称属正常现象，拒绝退换。",
                "G0101",
                "P01",
            ),
            Vec::new(),
        ),
        (
            "demo-order-mediating",
            complaint(
                offline(
                    "深圳市南山区海岸城某健身会所（演示）",
                    "深圳市南山区文心五路 33 号",
                )?,
                "年卡健身服务",
                368_000,
                "办卡时承诺可随时转让，现门店停业整顿，无法使用也不予退款。",
                "S0101",
                "P06",
            ),
            vec![
                plain(Command::Accept),
                consent(Party::Consumer),
                consent(Party::Business),
            ],
        ),
        (
            "demo-order-settled",
            complaint(
                offline(
                    "深圳市南山区某餐饮店（演示）",
                    "深圳市南山区蛇口望海路 8 号",
                )?,
                "婚宴套餐",
                1_280_000,
                "合同约定的菜品被擅自更换为低价菜品，宴席当天沟通无果。",
                "S0101",
                "P06",
            ),
            vec![
                plain(Command::Accept),
                consent(Party::Consumer),
                consent(Party::Business),
                plain(Command::Settle {
                    recovered_fen: 128_000,
                }),
            ],
        ),
        (
            "demo-order-odr",
            Submission {
                enterprise_first: true,
                ..complaint(
                    Some(BusinessInput {
                        name: "深圳维权演示科技有限公司".to_owned(),
                        credit_code: Some(enterprise),
                        division: Some(code("440305")?),
                        address: None,
                        channel: Channel::EcommerceOperator,
                        platform: None,
                        platform_division: None,
                    }),
                    "智能手机 256GB",
                    599_900,
                    "收到的手机屏幕有坏点，申请七天无理由退货被拒，客服称已激活不能退。",
                    "G0102",
                    "P09",
                )
            },
            Vec::new(),
        ),
        (
            "demo-order-report",
            Submission {
                kind: AppealKind::Report,
                conduct_division: Some(code("440305")?),
                item: None,
                bought_on: None,
                amount_fen: None,
                request: None,
                subject_category: None,
                ..complaint(
                    offline("南山区某无证食品小作坊（演示）", "深圳市南山区西丽某城中村")?,
                    "",
                    0,
                    "该作坊无证生产散装糕点并在周边便利店销售，卫生条件恶劣。",
                    "G0301",
                    "P02",
                )
            },
            Vec::new(),
        ),
    ];
    let mut created = 0;
    for (key, submission, actions) in demo {
        let hash = orders::request_hash(key.as_bytes());
        let (receipt, replayed) = orders::submit_in(
            conn,
            UserId(consumer.id),
            &submission,
            Some(&(key.to_owned(), hash)),
            &cache,
        )
        .map_err(|e| failed(key, e))?;
        if replayed {
            continue;
        }
        created += receipt.orders.len();
        for order in &receipt.orders {
            let mut version = 1;
            for action in &actions {
                version = orders::act_in(conn, &handler, order.id, version, action, None, &cache)
                    .map_err(|e| failed(key, e))?;
            }
        }
    }
    Ok(created)
}
