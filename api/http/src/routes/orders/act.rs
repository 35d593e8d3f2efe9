//! `POST /api/v1/orders/{id}/actions`

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, post, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use weiquan_domain::workflow::{
    CaseDecision, Command, CommandKind, NotAcceptedGround, Party, Remedy, TerminationReason,
};
use weiquan_services::orders::{self, CommandInput};

use super::order_error;
use crate::auth::Caller;
use crate::error::{ApiError, ErrorCode, FieldError, Problem};
use crate::extract::Body;
use crate::state::AppState;

/// An action on an order. `action` names it (one of the order's `available_actions`); the
/// other fields are what that action needs:
/// `not_accept`: `ground`; `assign_station`: `station_id`; `assign_handler`: `handler_id`;
/// `transfer`, `refer_up`: `to_id`; `settle`: `recovered_fen`; `record_consent`: `party`,
/// `consents`; `delegate`: `association_id`; `terminate`: `termination_reason`;
/// `decide_clue`, `decide_report`: `decision`; `rate`: `score`; `propose_settlement` (the ODR
/// enterprise): `remedy`, `amount_fen` (required for `refund` and `compensation`), `terms`;
/// `reject_settlement` (the consumer): `reason`; `accept_enterprise_settlement` (the
/// consumer) needs nothing: the consumer recovers the pending proposal's amount. `reason` is
/// free text kept on the event.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionRequest {
    #[schema(value_type = String, example = "accept")]
    pub action: CommandKind,
    #[schema(value_type = Option<String>)]
    pub ground: Option<NotAcceptedGround>,
    pub station_id: Option<i64>,
    pub handler_id: Option<i64>,
    pub to_id: Option<i64>,
    pub association_id: Option<i64>,
    pub recovered_fen: Option<i64>,
    #[schema(value_type = Option<String>)]
    pub party: Option<Party>,
    pub consents: Option<bool>,
    #[schema(value_type = Option<String>)]
    pub termination_reason: Option<TerminationReason>,
    #[schema(value_type = Option<String>)]
    pub decision: Option<CaseDecision>,
    pub score: Option<u8>,
    /// `refund`, `replacement`, `repair`, `compensation` or `other`.
    #[schema(value_type = Option<String>, example = "refund")]
    pub remedy: Option<Remedy>,
    /// The proposal's amount in fen (1/100 yuan).
    #[schema(example = 128000)]
    pub amount_fen: Option<i64>,
    /// The proposal's terms in words, 1 to 2000 characters.
    pub terms: Option<String>,
    /// Up to 2000 characters (required to reject a settlement).
    pub reason: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ActionResult {
    pub id: i64,
    /// The order's new version.
    pub version: i32,
}

fn required(field: &str) -> FieldError {
    FieldError::new(
        field,
        "required",
        "This action needs this field.",
        "此操作需要填写此项。",
    )
}

fn need<T>(errors: &mut Vec<FieldError>, field: &str, v: Option<T>) -> Option<T> {
    if v.is_none() {
        errors.push(required(field));
    }
    v
}

fn command(body: &ActionRequest) -> Result<CommandInput, ApiError> {
    use CommandKind as K;
    let mut e = Vec::new();
    let plain = |c: Command| Some(CommandInput::Plain(c));
    let input = match body.action {
        K::Accept => plain(Command::Accept),
        K::NotAccept => need(&mut e, "ground", body.ground)
            .and_then(|ground| plain(Command::NotAccept { ground })),
        K::AssignStation => need(&mut e, "station_id", body.station_id)
            .map(|station| CommandInput::AssignStation { station }),
        K::AssignHandler => need(&mut e, "handler_id", body.handler_id)
            .map(|handler| CommandInput::AssignHandler { handler }),
        K::Transfer => need(&mut e, "to_id", body.to_id).map(|to| CommandInput::Transfer { to }),
        K::ReturnToSender => plain(Command::ReturnToSender),
        K::ReferUp => need(&mut e, "to_id", body.to_id).map(|to| CommandInput::ReferUp { to }),
        K::TakeOver => plain(Command::TakeOver),
        K::DeclineReferral => plain(Command::DeclineReferral),
        K::DispatchToEnterprise => plain(Command::DispatchToEnterprise),
        K::ProposeSettlement => {
            let remedy = need(&mut e, "remedy", body.remedy);
            let terms = body
                .terms
                .as_deref()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_owned);
            let terms = need(&mut e, "terms", terms);
            if terms.as_ref().is_some_and(|t| t.chars().count() > 2000) {
                e.push(FieldError::new(
                    "terms",
                    "length",
                    "Use at most 2000 characters.",
                    "最多 2000 个字符。",
                ));
            }
            remedy
                .zip(terms)
                .map(|(remedy, terms)| CommandInput::ProposeSettlement {
                    remedy,
                    amount_fen: body.amount_fen,
                    terms,
                })
        }
        K::AcceptEnterpriseSettlement => plain(Command::AcceptEnterpriseSettlement),
        K::RejectSettlement => {
            let reason = body
                .reason
                .as_deref()
                .map(str::trim)
                .filter(|r| !r.is_empty());
            need(&mut e, "reason", reason).and_then(|_| plain(Command::RejectSettlement))
        }
        K::ReturnFromEnterprise => plain(Command::ReturnFromEnterprise),
        K::RecordConsent => {
            let party = need(&mut e, "party", body.party);
            let consents = need(&mut e, "consents", body.consents);
            party
                .zip(consents)
                .and_then(|(party, consents)| plain(Command::RecordConsent { party, consents }))
        }
        K::Delegate => need(&mut e, "association_id", body.association_id)
            .map(|association| CommandInput::Delegate { association }),
        K::PauseForTesting => plain(Command::PauseForTesting),
        K::ResumeAfterTesting => plain(Command::ResumeAfterTesting),
        K::Settle => need(&mut e, "recovered_fen", body.recovered_fen)
            .and_then(|recovered_fen| plain(Command::Settle { recovered_fen })),
        K::Terminate => need(&mut e, "termination_reason", body.termination_reason)
            .and_then(|reason| plain(Command::Terminate { reason })),
        K::FlagClue => plain(Command::FlagClue),
        K::ExtendClueCheck => plain(Command::ExtendClueCheck),
        K::DecideClue => need(&mut e, "decision", body.decision)
            .and_then(|decision| plain(Command::DecideClue { decision })),
        K::ExtendCheck => plain(Command::ExtendCheck),
        K::DecideReport => need(&mut e, "decision", body.decision)
            .and_then(|decision| plain(Command::DecideReport { decision })),
        K::MergeNewFacts => plain(Command::MergeNewFacts),
        K::Answer => plain(Command::Answer),
        K::Withdraw => plain(Command::Withdraw),
        K::Archive => plain(Command::Archive),
        K::Rate => {
            need(&mut e, "score", body.score).and_then(|score| plain(Command::Rate { score }))
        }
    };
    if body
        .reason
        .as_ref()
        .is_some_and(|r| r.chars().count() > 2000)
    {
        e.push(FieldError::new(
            "reason",
            "length",
            "Use at most 2000 characters.",
            "最多 2000 个字符。",
        ));
    }
    match input {
        Some(input) if e.is_empty() => Ok(input),
        _ => Err(ApiError::validation(e)),
    }
}

/// The `If-Match` header as the document states it (read by [`if_match`], which also takes
/// the number unquoted).
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Header, names("If-Match"))]
#[expect(
    dead_code,
    reason = "documents the header; the handler reads it from the request"
)]
pub struct IfMatch(
    /// The order's version, quoted: "3"
    #[param(pattern = r#"^(W/)?("[0-9]{1,9}"|[0-9]{1,9})$"#)]
    String,
);

fn if_match(req: &HttpRequest) -> Result<i32, ApiError> {
    let Some(value) = req.headers().get(header::IF_MATCH) else {
        return Err(ApiError::new(ErrorCode::PreconditionRequired));
    };
    let text = value.to_str().unwrap_or_default().trim();
    let text = text.strip_prefix("W/").unwrap_or(text);
    let number = text
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(text);
    let digits = (1..=9).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_digit());
    digits
        .then(|| number.parse().ok())
        .flatten()
        .ok_or_else(|| {
            ApiError::validation(vec![FieldError::new(
                "If-Match",
                "invalid",
                "Send the order's version as a quoted number, e.g. \"3\".",
                "请以带引号的数字发送工单版本号，例如 \"3\"。",
            )])
        })
}

/// Takes an action on an order, as decided by the domain's machine: send the version you
/// loaded in `If-Match` (428 without it, 412 when the order changed since). The next order
/// and one event are stored in one transaction; when two callers act at once exactly one
/// wins and the other gets 409. Not allowed for the caller: 403 (404 if they may not see the
/// order at all); not possible in the present state: 409; data breaking a rule: 422 naming
/// the field.
#[utoipa::path(
    tag = "orders",
    operation_id = "orders_act",
    params(
        ("id" = i64, Path, description = "Order id"),
        IfMatch,
    ),
    request_body = ActionRequest,
    responses(
        (status = OK, description = "Done; the order's new version", body = ActionResult),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "Not allowed for you", body = Problem, content_type = "application/problem+json"),
        (status = NOT_FOUND, description = "No such order for you", body = Problem, content_type = "application/problem+json"),
        (status = CONFLICT, description = "Not in this state, or someone acted at the same moment", body = Problem, content_type = "application/problem+json"),
        (status = PRECONDITION_FAILED, description = "The order changed since you loaded it", body = Problem, content_type = "application/problem+json"),
        (status = PRECONDITION_REQUIRED, description = "If-Match missing", body = Problem, content_type = "application/problem+json"),
        (status = UNPROCESSABLE_ENTITY, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/orders/{id}/actions")]
pub async fn act(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
    body: Body<ActionRequest>,
) -> Result<HttpResponse, ApiError> {
    caller.signed_in()?;
    let id = id.into_inner();
    let input = command(&body)?;
    let version = if_match(&req)?;
    let reason = body
        .reason
        .as_ref()
        .map(|r| r.trim().to_owned())
        .filter(|r| !r.is_empty());
    let version = match orders::act(&state.deps, &caller.actor, id, version, input, reason).await {
        Ok(version) => version,
        Err(e) => {
            let action = format!(
                "order_action:{}",
                weiquan_db::orders::name_of(&body.action).unwrap_or_default()
            );
            super::audit_order_refusal(&state, &caller, &req, &action, id, &e).await;
            return Err(order_error(e));
        }
    };
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, format!("\"{version}\"")))
        .json(ActionResult { id, version }))
}
