//! `GET /api/v1/workflow/reasons`

use actix_web::{HttpResponse, get};
use serde::Serialize;
use utoipa::ToSchema;
use weiquan_domain::access::Action;
use weiquan_domain::workflow::{
    CaseDecision, NotAcceptedGround, OTHER_ROUTES_EN, OTHER_ROUTES_ZH, TerminationReason,
};

use crate::auth::{Caller, require};
use crate::error::{ApiError, ErrorCode, Problem};

/// One entry of a closed list.
#[derive(Debug, Serialize, ToSchema)]
pub struct Reason {
    /// What to send in an action (`ground`, `termination_reason` or `decision`).
    pub code: String,
    /// The item of the article that lists it (Art. 16 or 23); null for case decisions.
    pub item: Option<u8>,
    pub text_zh: String,
    pub text_en: String,
}

/// A text in both languages.
#[derive(Debug, Serialize, ToSchema)]
pub struct Text {
    pub text_zh: String,
    pub text_en: String,
}

/// The closed lists staff choose from when acting on an order, as the domain states them.
#[derive(Debug, Serialize, ToSchema)]
pub struct WorkflowReasons {
    /// 不予受理的情形 (Art. 16), for `not_accept`.
    pub not_accepted_grounds: Vec<Reason>,
    /// 终止调解的情形 (Art. 23), for `terminate`.
    pub termination_reasons: Vec<Reason>,
    /// 立案 or 不予立案, for `decide_clue` and `decide_report`.
    pub case_decisions: Vec<Reason>,
    /// The other routes to settle the dispute, told with every refusal and termination.
    pub other_routes: Text,
}

/// The code a value has on the wire: its serde name, so this list and `ActionRequest` agree.
fn code<T: Serialize>(value: T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn reason<T: Serialize + Copy>(value: T, item: Option<u8>, zh: &str, en: &str) -> Reason {
    Reason {
        code: code(value),
        item,
        text_zh: zh.to_owned(),
        text_en: en.to_owned(),
    }
}

/// The closed lists of the regulation with their texts in Chinese and English: the grounds
/// for not accepting an appeal (Art. 16), the reasons for terminating mediation (Art. 23),
/// the decisions on a check, and the other routes told with a refusal or termination. For
/// members of organisations (the console's selects); consumers 403.
#[utoipa::path(
    tag = "workflow",
    operation_id = "workflow_reasons",
    responses(
        (status = OK, description = "The lists", body = WorkflowReasons),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "Not a member of an organisation, or second factor required", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/workflow/reasons")]
pub async fn reasons(caller: Caller) -> Result<HttpResponse, ApiError> {
    let Some(org) = caller.signed_in()?.org() else {
        return Err(ApiError::new(ErrorCode::Forbidden));
    };
    require(&caller, Action::ViewOrg(org))?;
    let body = WorkflowReasons {
        not_accepted_grounds: NotAcceptedGround::ALL
            .into_iter()
            .map(|g| reason(g, Some(g.item()), g.zh(), g.en()))
            .collect(),
        termination_reasons: TerminationReason::ALL
            .into_iter()
            .map(|r| reason(r, Some(r.item()), r.zh(), r.en()))
            .collect(),
        case_decisions: CaseDecision::ALL
            .into_iter()
            .map(|d| reason(d, None, d.zh(), d.en()))
            .collect(),
        other_routes: Text {
            text_zh: OTHER_ROUTES_ZH.to_owned(),
            text_en: OTHER_ROUTES_EN.to_owned(),
        },
    };
    // The same for everyone and changed only by a release: a private cache may keep it.
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "private, max-age=3600"))
        .json(body))
}
