//! `POST /api/v1/orders`

use actix_web::{HttpRequest, HttpResponse, post, web};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use weiquan_domain::workflow::AppealKind;
use weiquan_domain::{CreditCode, CreditCodeError, DivisionCode};
use weiquan_services::orders::{self, BusinessInput, Channel, Receipt, Submission};

use super::order_error;
use crate::auth::Caller;
use crate::error::{ApiError, FieldError, Problem};
use crate::extract::Body;
use crate::state::AppState;

pub const IDEMPOTENCY_KEY: &str = "Idempotency-Key";

/// The kind of appeal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AppealKindDto {
    /// 投诉: your own dispute with a business.
    Complaint,
    /// 举报: a suspected violation; may be anonymous.
    Report,
    /// 意见建议.
    Suggestion,
    /// 咨询.
    Consultation,
}

/// How the business sells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChannelDto {
    /// A shop or service in the physical world (the default).
    Offline,
    /// An e-commerce platform operator, or a seller through its own website.
    EcommerceOperator,
    /// A merchant on an e-commerce platform (name the platform).
    PlatformMerchant,
}

/// The business the appeal is about.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BusinessDto {
    /// 1 to 200 characters.
    #[schema(example = "深圳市某某餐饮有限公司")]
    pub name: String,
    /// The 18-character unified social credit code, if known (its check character is
    /// verified).
    pub credit_code: Option<String>,
    /// The division where it does business (a merchant on a platform: the address it
    /// publishes there); county level routes to that county, a city or province to its
    /// intake desk.
    #[schema(example = "440305")]
    pub division: Option<String>,
    /// Street address, up to 300 characters.
    pub address: Option<String>,
    pub channel: Option<ChannelDto>,
    /// The e-commerce platform it sold through, 1 to 200 characters.
    pub platform: Option<String>,
    /// The platform operator's registered division.
    pub platform_division: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrderRequest {
    pub kind: AppealKindDto,
    /// Required for complaints and reports.
    pub business: Option<BusinessDto>,
    /// Reports: where the conduct happened.
    pub conduct_division: Option<String>,
    /// Complaints (required): what was bought, 1 to 200 characters.
    pub item: Option<String>,
    /// Complaints: when (not in the future).
    pub bought_on: Option<NaiveDate>,
    /// Complaints: the amount paid, in fen (1/100 yuan), 0 to 10¹².
    pub amount_fen: Option<i64>,
    /// Complaints (required): what you ask for, 1 to 2000 characters.
    pub request: Option<String>,
    /// What happened, 1 to 5000 characters.
    pub facts: String,
    /// The goods or services category: a leaf code of `GET /api/v1/categories` (e.g.
    /// `S0101`). Required for complaints; optional for the other kinds.
    #[schema(example = "S0101")]
    pub subject_category: Option<String>,
    /// The problem type code (e.g. `P01` quality). Required for complaints and reports
    /// (a report is about a violation, which need not involve a purchase); optional for
    /// suggestions and consultations.
    #[schema(example = "P01")]
    pub problem_type: Option<String>,
    /// The mobile number to reach you about this appeal, if not your account's (Art. 10);
    /// not for anonymous reports.
    pub contact_phone: Option<String>,
    /// Your postal address (通讯地址, Art. 10), up to 300 characters; not for anonymous
    /// reports.
    pub contact_address: Option<String>,
    /// Reports only: file without your name; you still follow it in your own list, but you
    /// are not told the outcome and staff never see who you are.
    #[serde(default)]
    pub anonymous: bool,
    /// Complaints about an approved ODR enterprise: send it to the enterprise first.
    #[serde(default)]
    pub enterprise_first: bool,
    /// Complaints: also report it (two linked orders: the complaint and a real-name report).
    #[serde(default)]
    pub both: bool,
    /// Evidence: ids of your own uploads (`POST /api/v1/attachments`) not yet used by another
    /// submission, at most 9, each once; attached to every order this creates.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<i64>,
}

/// One order created.
#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedOrder {
    pub id: i64,
    pub number: String,
    pub kind: AppealKindDto,
    pub state: String,
    pub holder_org_id: i64,
    pub holder_name: String,
    /// The routing rule applied (`place_of_business`, ..., `intake_desk`).
    pub routing_rule: String,
    pub due_on: Option<NaiveDate>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OrderReceipt {
    /// One order, or two (a complaint and its linked report) for `both`.
    pub orders: Vec<CreatedOrder>,
}

fn kind_dto(kind: AppealKind) -> AppealKindDto {
    match kind {
        AppealKind::Complaint => AppealKindDto::Complaint,
        AppealKind::Report => AppealKindDto::Report,
        AppealKind::Suggestion => AppealKindDto::Suggestion,
        AppealKind::Consultation => AppealKindDto::Consultation,
    }
}

impl From<Receipt> for OrderReceipt {
    fn from(r: Receipt) -> Self {
        Self {
            orders: r
                .orders
                .into_iter()
                .map(|o| CreatedOrder {
                    id: o.id,
                    number: o.number,
                    kind: kind_dto(o.kind),
                    state: o.state,
                    holder_org_id: o.holder_org_id,
                    holder_name: o.holder_name,
                    routing_rule: o.routing_rule,
                    due_on: o.due_on,
                })
                .collect(),
        }
    }
}

fn err(errors: &mut Vec<FieldError>, field: &str, code: &str, en: &str, zh: &str) {
    errors.push(FieldError::new(field, code, en, zh));
}

fn text(
    errors: &mut Vec<FieldError>,
    field: &str,
    value: Option<&str>,
    required: bool,
    max: usize,
) -> Option<String> {
    let value = value.map(str::trim).filter(|v| !v.is_empty());
    match value {
        None if required => {
            err(
                errors,
                field,
                "required",
                "This field is required.",
                "此项为必填项。",
            );
            None
        }
        None => None,
        Some(v) if v.chars().count() > max => {
            errors.push(FieldError::new(
                field,
                "length",
                format!("Use at most {max} characters."),
                format!("最多 {max} 个字符。"),
            ));
            None
        }
        Some(v) => Some(v.to_owned()),
    }
}

fn division(
    errors: &mut Vec<FieldError>,
    field: &str,
    value: Option<&str>,
) -> Option<DivisionCode> {
    let value = value.map(str::trim).filter(|v| !v.is_empty())?;
    match DivisionCode::parse(value) {
        Ok(code) => Some(code),
        Err(_) => {
            err(
                errors,
                field,
                "division_code",
                "A division code has exactly 6 digits.",
                "行政区划代码应为 6 位数字。",
            );
            None
        }
    }
}

fn credit_code(errors: &mut Vec<FieldError>, value: Option<&str>) -> Option<CreditCode> {
    let value = value.map(str::trim).filter(|v| !v.is_empty())?;
    match CreditCode::parse(value) {
        Ok(code) => Some(code),
        Err(e) => {
            let (code, en, zh) = match e {
                CreditCodeError::Length => (
                    "length",
                    "A unified social credit code has 18 characters.",
                    "统一社会信用代码为 18 位。",
                ),
                CreditCodeError::Character { .. } => (
                    "character",
                    "Only digits and capital letters except I, O, S, V, Z.",
                    "只能是数字和除 I、O、S、V、Z 外的大写字母。",
                ),
                CreditCodeError::CheckCharacter => (
                    "check_character",
                    "The check character (the last one) is wrong: check the code for typos.",
                    "校验码（最后一位）不正确，请核对代码是否输入有误。",
                ),
            };
            err(errors, "business.credit_code", code, en, zh);
            None
        }
    }
}

/// Checks every field, collecting all problems at once.
fn validate(body: &OrderRequest, today: NaiveDate) -> Result<Submission, ApiError> {
    let mut errors = Vec::new();
    let kind = match body.kind {
        AppealKindDto::Complaint => AppealKind::Complaint,
        AppealKindDto::Report => AppealKind::Report,
        AppealKindDto::Suggestion => AppealKind::Suggestion,
        AppealKindDto::Consultation => AppealKind::Consultation,
    };
    let complaint = kind == AppealKind::Complaint;
    let business = match &body.business {
        None if matches!(kind, AppealKind::Complaint | AppealKind::Report) => {
            err(
                &mut errors,
                "business",
                "required",
                "Name the business.",
                "请填写被投诉（举报）的经营者。",
            );
            None
        }
        None => None,
        Some(b) => {
            let name = text(&mut errors, "business.name", Some(&b.name), true, 200);
            let credit_code = credit_code(&mut errors, b.credit_code.as_deref());
            let division_code = division(&mut errors, "business.division", b.division.as_deref());
            let address = text(
                &mut errors,
                "business.address",
                b.address.as_deref(),
                false,
                300,
            );
            let channel = match b.channel.unwrap_or(ChannelDto::Offline) {
                ChannelDto::Offline => Channel::Offline,
                ChannelDto::EcommerceOperator => Channel::EcommerceOperator,
                ChannelDto::PlatformMerchant => Channel::PlatformMerchant,
            };
            let platform = text(
                &mut errors,
                "business.platform",
                b.platform.as_deref(),
                channel == Channel::PlatformMerchant,
                200,
            );
            let platform_division = division(
                &mut errors,
                "business.platform_division",
                b.platform_division.as_deref(),
            );
            name.map(|name| BusinessInput {
                name,
                credit_code,
                division: division_code,
                address,
                channel,
                platform,
                platform_division,
            })
        }
    };
    let conduct_division = division(
        &mut errors,
        "conduct_division",
        body.conduct_division.as_deref(),
    );
    if conduct_division.is_some() && kind != AppealKind::Report {
        err(
            &mut errors,
            "conduct_division",
            "not_allowed",
            "Only reports name where the conduct happened.",
            "仅举报需要填写违法行为发生地。",
        );
    }
    let item = text(&mut errors, "item", body.item.as_deref(), complaint, 200);
    let request = text(
        &mut errors,
        "request",
        body.request.as_deref(),
        complaint,
        2000,
    );
    let facts = text(&mut errors, "facts", Some(&body.facts), true, 5000).unwrap_or_default();
    let contact_address = text(
        &mut errors,
        "contact_address",
        body.contact_address.as_deref(),
        false,
        300,
    );
    let contact_phone = body
        .contact_phone
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty());
    if let Some(phone) = contact_phone
        && let Err(e) = crate::routes::accounts::check_phone("contact_phone", phone)
    {
        errors.push(e);
    }
    if body.anonymous && (contact_phone.is_some() || contact_address.is_some()) {
        err(
            &mut errors,
            if contact_phone.is_some() {
                "contact_phone"
            } else {
                "contact_address"
            },
            "not_allowed",
            "An anonymous report carries no contact details.",
            "匿名举报不能填写联系方式。",
        );
    }
    if body.bought_on.is_some_and(|d| d > today) {
        err(
            &mut errors,
            "bought_on",
            "future",
            "The date of purchase cannot be in the future.",
            "消费日期不能晚于今天。",
        );
    }
    if body
        .amount_fen
        .is_some_and(|a| !(0..=1_000_000_000_000).contains(&a))
    {
        err(
            &mut errors,
            "amount_fen",
            "range",
            "Give an amount between 0 and 10,000,000,000 yuan, in fen.",
            "金额（以分计）应在 0 到 100 亿元之间。",
        );
    }
    if body.anonymous && kind != AppealKind::Report {
        err(
            &mut errors,
            "anonymous",
            "not_allowed",
            "Only a report may be anonymous.",
            "仅举报可以匿名。",
        );
    }
    if body.both && !complaint {
        err(
            &mut errors,
            "both",
            "not_allowed",
            "Only a complaint can also be filed as a report.",
            "仅投诉可以同时举报。",
        );
    }
    if body.enterprise_first && !complaint {
        err(
            &mut errors,
            "enterprise_first",
            "not_allowed",
            "Only a complaint can go to the enterprise first.",
            "仅投诉可以选择先由企业处理。",
        );
    }
    errors.extend(
        weiquan_domain::evidence::check_selection(&body.attachments)
            .into_iter()
            .map(|(i, problem)| super::attachment_field_error(i, problem)),
    );
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    Ok(Submission {
        kind,
        business,
        conduct_division,
        item,
        bought_on: body.bought_on,
        amount_fen: body.amount_fen,
        request,
        facts,
        subject_category: body.subject_category.clone(),
        problem_type: body.problem_type.clone(),
        contact_phone: contact_phone.map(str::to_owned),
        contact_address,
        anonymous: body.anonymous,
        enterprise_first: body.enterprise_first,
        both: body.both,
        attachments: body.attachments.clone(),
    })
}

fn idempotency_key(
    req: &HttpRequest,
    body: &OrderRequest,
) -> Result<Option<(String, String)>, ApiError> {
    let Some(value) = req.headers().get(IDEMPOTENCY_KEY) else {
        return Ok(None);
    };
    let key = value.to_str().unwrap_or_default().trim();
    if key.is_empty() || key.len() > 200 || !key.chars().all(|c| c.is_ascii_graphic()) {
        return Err(ApiError::validation(vec![FieldError::new(
            IDEMPOTENCY_KEY,
            "invalid",
            "Send 1 to 200 visible ASCII characters (a UUID is best).",
            "幂等键应为 1 到 200 个可见 ASCII 字符（建议使用 UUID）。",
        )]));
    }
    let canonical = serde_json::to_vec(body).map_err(|_| ApiError::internal())?;
    let hash = orders::request_hash(&canonical);
    Ok(Some((key.to_owned(), hash)))
}

/// Files a complaint, report, suggestion or consultation (signed-in consumers). The domain
/// routes it (Art. 13/29/31): the county bureau of the business's division, or the intake
/// desk of the nearest known upper level; the rule applied is recorded. `both: true` on a
/// complaint files a linked real-name report too. Send an `Idempotency-Key` (recommended; a
/// UUID per submission): a retry with the same key and body answers the first result (200);
/// the same key with another body is 422 `idempotency_key_reused`. Every field is checked
/// (422 per field, including the credit code's check character, unknown divisions, and
/// category codes that are unknown, a group rather than a leaf, or retired).
#[utoipa::path(
    tag = "orders",
    operation_id = "orders_submit",
    request_body = OrderRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "A unique key per submission (recommended)")),
    responses(
        (status = CREATED, description = "Filed", body = OrderReceipt),
        (status = OK, description = "A retry with the same Idempotency-Key: the first result", body = OrderReceipt),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "Not a consumer account", body = Problem, content_type = "application/problem+json"),
        (status = UNPROCESSABLE_ENTITY, description = "Invalid fields, or a reused Idempotency-Key", body = Problem, content_type = "application/problem+json"),
        (status = SERVICE_UNAVAILABLE, description = "PostgreSQL is down", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/orders")]
pub async fn submit(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    body: Body<OrderRequest>,
) -> Result<HttpResponse, ApiError> {
    caller.signed_in()?;
    let body = body.into_inner();
    let key = idempotency_key(&req, &body)?;
    let submission = validate(&body, orders::today())?;
    let (receipt, replayed) = orders::submit(&state.deps, &caller.actor, submission, key)
        .await
        .map_err(order_error)?;
    let receipt = OrderReceipt::from(receipt);
    Ok(if replayed {
        HttpResponse::Ok().json(receipt)
    } else {
        HttpResponse::Created().json(receipt)
    })
}
