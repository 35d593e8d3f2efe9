//! `POST /api/v1/applications`

use actix_web::{HttpRequest, HttpResponse, post, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use weiquan_domain::application::{ApplicantKind, ReviewLevel};
use weiquan_domain::invitation::{normalise_display_name, normalise_email, normalise_username};
use weiquan_domain::{CreditCode, CreditCodeError, DivisionCode};
use weiquan_services::applications::{self, Submission};

use super::{ApplicantKindDto, BureauRef, application_error};
use crate::error::{ApiError, FieldError, Problem};
use crate::extract::Body;
use crate::request::origin;
use crate::state::AppState;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ApplicationRequest {
    pub kind: ApplicantKindDto,
    /// The organisation's name (Chinese, or its own language), 1 to 200 characters.
    #[schema(example = "深圳市某某电子商务有限公司")]
    pub name: String,
    /// Its English name, up to 200 characters.
    pub name_en: Option<String>,
    /// Enterprises only (required): the 18-character unified social credit code.
    #[schema(example = "9144030071526726XG")]
    pub credit_code: Option<String>,
    /// Enterprises (required): the county-level division where it is registered.
    #[schema(example = "440305")]
    pub registered_division: Option<String>,
    /// Departments and international bodies (required): `national` or a province code
    /// (`440000`) whose bureau should review.
    #[schema(example = "national")]
    pub competent_division: Option<String>,
    /// 1 to 100 characters.
    pub contact_name: String,
    /// 5 to 30 characters: digits, spaces, `+ - ( )`.
    pub contact_phone: String,
    /// Receives the acknowledgement, the decision and the first administrator's invitation.
    pub contact_email: String,
    /// The first administrator's user name: 3 to 64 of `a-z 0-9 . _ @ -`, starting with a
    /// letter or digit (case is ignored).
    pub admin_username: String,
    /// 1 to 100 characters.
    pub admin_display_name: String,
    /// Anything the bureau should know, up to 2000 characters.
    pub description: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApplicationReceipt {
    /// Shown once (and in the acknowledgement email): the only way to follow the
    /// application. Only its hash is stored.
    #[schema(example = "WQ-7K3M-Q9TD-2XHC-R4PA")]
    pub tracking_code: String,
    /// `submitted`.
    pub status: String,
    pub competent_bureau: BureauRef,
}

fn text(errors: &mut Vec<FieldError>, field: &str, value: &str, min: usize, max: usize) -> String {
    let value = value.trim();
    let n = value.chars().count();
    if n < min || n > max {
        errors.push(FieldError::new(
            field,
            if n == 0 { "required" } else { "length" },
            format!("Enter {min} to {max} characters."),
            format!("请输入 {min} 到 {max} 个字符。"),
        ));
    }
    value.to_owned()
}

fn phone_ok(phone: &str) -> bool {
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    (5..=30).contains(&phone.chars().count())
        && digits >= 5
        && phone
            .chars()
            .all(|c| c.is_ascii_digit() || " +-()".contains(c))
}

fn credit_code_error(e: CreditCodeError) -> FieldError {
    let (code, en, zh) = match e {
        CreditCodeError::Length => (
            "length",
            "A unified social credit code has 18 characters.".to_owned(),
            "统一社会信用代码为 18 位。".to_owned(),
        ),
        CreditCodeError::Character { position } => (
            "character",
            format!(
                "Character {position} is not allowed (digits and capital letters except I, O, S, V, Z)."
            ),
            format!("第 {position} 位字符无效（只能是数字和除 I、O、S、V、Z 外的大写字母）。"),
        ),
        CreditCodeError::CheckCharacter => (
            "check_character",
            "The check character (the last one) is wrong: check the code for typos.".to_owned(),
            "校验码（最后一位）不正确，请核对代码是否输入有误。".to_owned(),
        ),
    };
    FieldError::new("credit_code", code, en, zh)
}

/// Checks every field, collecting all problems at once.
fn validate(body: ApplicationRequest) -> Result<Submission, ApiError> {
    let mut errors = Vec::new();
    let kind = match body.kind {
        ApplicantKindDto::Enterprise => ApplicantKind::Enterprise,
        ApplicantKindDto::Department => ApplicantKind::Department,
        ApplicantKindDto::International => ApplicantKind::International,
    };
    let name = text(&mut errors, "name", &body.name, 1, 200);
    let name_en = body
        .name_en
        .filter(|n| !n.trim().is_empty())
        .map(|n| text(&mut errors, "name_en", &n, 1, 200));
    let credit_code = match (kind, body.credit_code.filter(|c| !c.trim().is_empty())) {
        (ApplicantKind::Enterprise, None) => {
            errors.push(FieldError::new(
                "credit_code",
                "required",
                "An enterprise gives its unified social credit code.",
                "企业须填写统一社会信用代码。",
            ));
            None
        }
        (ApplicantKind::Enterprise, Some(c)) => match CreditCode::parse(&c) {
            Ok(code) => Some(code),
            Err(e) => {
                errors.push(credit_code_error(e));
                None
            }
        },
        (_, Some(_)) => {
            errors.push(FieldError::new(
                "credit_code",
                "not_allowed",
                "Only enterprises give a credit code here.",
                "仅企业需要填写统一社会信用代码。",
            ));
            None
        }
        (_, None) => None,
    };
    let division = |field: &str, value: Option<String>, errors: &mut Vec<FieldError>| {
        let value = value.filter(|v| !v.trim().is_empty())?;
        match DivisionCode::parse(value.trim()) {
            Ok(code) => Some(code),
            Err(_) => {
                errors.push(FieldError::new(
                    field,
                    "division_code",
                    "A division code has exactly 6 digits.",
                    "行政区划代码应为 6 位数字。",
                ));
                None
            }
        }
    };
    let registered_division =
        division("registered_division", body.registered_division, &mut errors);
    let review_level = match body.competent_division.filter(|v| !v.trim().is_empty()) {
        None => None,
        Some(v) => match ReviewLevel::parse(v.trim()) {
            Some(level) => Some(level),
            None => {
                errors.push(FieldError::new(
                    "competent_division",
                    "competent_division",
                    "Give \"national\" or a province code such as 440000.",
                    "请填写 national（国家总局）或省级行政区划代码，例如 440000。",
                ));
                None
            }
        },
    };
    let contact_name = text(&mut errors, "contact_name", &body.contact_name, 1, 100);
    let contact_phone = body.contact_phone.trim().to_owned();
    if !phone_ok(&contact_phone) {
        errors.push(FieldError::new(
            "contact_phone",
            "phone",
            "Enter a telephone number (5 to 30 characters: digits, spaces, + - ( )).",
            "请输入联系电话（5 到 30 个字符，可含数字、空格和 + - ( )）。",
        ));
    }
    let contact_email = normalise_email(&body.contact_email).unwrap_or_else(|_| {
        errors.push(FieldError::new(
            "contact_email",
            "email",
            "Enter an email address.",
            "请输入有效的电子邮箱地址。",
        ));
        String::new()
    });
    let admin_username = normalise_username(&body.admin_username).unwrap_or_else(|_| {
        errors.push(FieldError::new(
            "admin_username",
            "username",
            "Use 3 to 64 of a-z, 0-9 and . _ @ -, starting with a letter or digit.",
            "用户名为 3 到 64 个字符，只能包含小写字母、数字和 . _ @ -，并以字母或数字开头。",
        ));
        String::new()
    });
    let admin_display_name =
        normalise_display_name(&body.admin_display_name).unwrap_or_else(|_| {
            errors.push(FieldError::new(
                "admin_display_name",
                "length",
                "Enter 1 to 100 characters.",
                "请输入 1 到 100 个字符。",
            ));
            String::new()
        });
    let description = body.description.unwrap_or_default().trim().to_owned();
    if description.chars().count() > 2000 {
        errors.push(FieldError::new(
            "description",
            "length",
            "Use at most 2000 characters.",
            "最多 2000 个字符。",
        ));
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    Ok(Submission {
        kind,
        name,
        name_en,
        credit_code,
        registered_division,
        review_level,
        contact_name,
        contact_phone,
        contact_email,
        admin_username,
        admin_display_name,
        description,
    })
}

/// Applies to join the platform as an ODR enterprise, a government department or an
/// international consumer body. Public. An enterprise is reviewed by the county-level bureau
/// of its registered division; the others by the national bureau or the province they chose.
/// Answers the tracking code (shown once, also emailed) and the competent bureau. A wrong
/// check character is 422 on `credit_code`; an unknown division or a city-level one for an
/// enterprise 422 on `registered_division`; an organisation already registered or with an
/// application waiting, or a taken user name, 409 `application_duplicate`. Limited per
/// address (429 with `Retry-After`).
#[utoipa::path(
    tag = "applications",
    operation_id = "applications_submit",
    request_body = ApplicationRequest,
    responses(
        (status = CREATED, description = "Received; keep the tracking code", body = ApplicationReceipt),
        (status = CONFLICT, description = "Already registered or waiting, or the user name is taken", body = Problem, content_type = "application/problem+json"),
        (status = UNPROCESSABLE_ENTITY, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
        (status = TOO_MANY_REQUESTS, description = "Too many applications from this address", body = Problem, content_type = "application/problem+json"),
        (status = SERVICE_UNAVAILABLE, description = "PostgreSQL or Redis is down", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/applications")]
pub async fn submit(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: Body<ApplicationRequest>,
) -> Result<HttpResponse, ApiError> {
    let submission = validate(body.into_inner())?;
    let submitted = applications::submit(
        &state.deps,
        &state.limiter,
        state.config.application_limit,
        submission,
        &origin(&req),
    )
    .await
    .map_err(application_error)?;
    Ok(HttpResponse::Created().json(ApplicationReceipt {
        tracking_code: submitted.tracking_code.as_str().to_owned(),
        status: "submitted".into(),
        competent_bureau: submitted.bureau.into(),
    }))
}
