//! `GET /api/v1/enterprises/odr/{credit_code}`

use actix_web::{HttpRequest, get, web, web::Json};
use serde::Serialize;
use utoipa::ToSchema;
use weiquan_domain::{CreditCode, CreditCodeError};
use weiquan_services::enterprises::{self, OdrLookupError};

use crate::error::{ApiError, FieldError, Problem};
use crate::request::client_address;
use crate::state::AppState;

/// An approved ODR enterprise: it receives complaints about itself and tries to settle them
/// before the bureau handles them.
#[derive(Debug, Serialize, ToSchema)]
pub struct OdrEnterprise {
    #[schema(example = "深圳市某电商有限公司")]
    pub name: String,
    #[schema(example = "91440305MA5FWQ001Q")]
    pub credit_code: String,
}

fn malformed(e: CreditCodeError) -> ApiError {
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
    ApiError::validation(vec![FieldError::new("credit_code", code, en, zh)])
}

/// Whether the business with this unified social credit code is an approved ODR enterprise,
/// so the consumer may send a complaint to it first. Public (the wizard asks while a consumer
/// fills it in); limited per address (429 with `Retry-After`). Any organisation that is not an
/// approved ODR enterprise is 404, the same answer as no match.
#[utoipa::path(
    tag = "enterprises",
    operation_id = "enterprises_odr_get",
    params(("credit_code" = String, Path, description = "Unified social credit code (18 characters)",
        example = "91440305MA5FWQ001Q", pattern = "^[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18}$")),
    responses(
        (status = OK, description = "An approved ODR enterprise", body = OdrEnterprise),
        (status = NOT_FOUND, description = "No approved ODR enterprise has this code", body = Problem,
            content_type = "application/problem+json"),
        (status = UNPROCESSABLE_ENTITY, description = "Malformed credit code", body = Problem,
            content_type = "application/problem+json"),
        (status = TOO_MANY_REQUESTS, description = "Too many look-ups from this address", body = Problem,
            content_type = "application/problem+json"),
        (status = SERVICE_UNAVAILABLE, description = "PostgreSQL or Redis is down", body = Problem,
            content_type = "application/problem+json"),
    )
)]
#[get("/enterprises/odr/{credit_code}")]
pub async fn get(
    state: web::Data<AppState>,
    req: HttpRequest,
    credit_code: web::Path<String>,
) -> Result<Json<OdrEnterprise>, ApiError> {
    let code = CreditCode::parse(&credit_code).map_err(malformed)?;
    let found = enterprises::find_odr(
        &state.deps,
        &state.limiter,
        state.config.application_status_limit,
        code,
        &client_address(&req),
    )
    .await
    .map_err(|e| match e {
        OdrLookupError::Limited { retry_after } => ApiError::too_many(retry_after),
        OdrLookupError::NotFound => ApiError::not_found("The ODR enterprise", "该 ODR 企业"),
        OdrLookupError::Service(e) => e.into(),
    })?;
    Ok(Json(OdrEnterprise {
        name: found.name,
        credit_code: found.credit_code,
    }))
}
