//! `GET /api/v1/orders/{id}`

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, web};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use utoipa::ToSchema;
use weiquan_db::categories::CategoryRow;
use weiquan_domain::calendar::Clock;
use weiquan_domain::workflow::View;
use weiquan_services::orders::{self, OrderDetail};

use super::{OrderEvent, order_error};
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::state::AppState;

/// What the appeal says.
#[derive(Debug, Serialize, ToSchema)]
pub struct AppealDto {
    pub business_name: Option<String>,
    pub credit_code: Option<String>,
    pub business_division: Option<String>,
    pub business_address: Option<String>,
    pub channel: Option<String>,
    pub platform: Option<String>,
    pub platform_division: Option<String>,
    pub conduct_division: Option<String>,
    pub item: Option<String>,
    pub bought_on: Option<NaiveDate>,
    pub amount_fen: Option<i64>,
    pub request: Option<String>,
    pub facts: String,
    /// Free text from before the taxonomy existed (older orders only).
    pub category: Option<String>,
    /// The goods or services category (with its group), by code and name.
    pub subject_category: Option<CategoryRef>,
    pub problem_type: Option<CategoryRef>,
}

/// A taxonomy code with its names as they are now (retired ones included).
#[derive(Debug, Serialize, ToSchema)]
pub struct CategoryRef {
    #[schema(example = "S0101")]
    pub code: String,
    pub name_zh: Option<String>,
    pub name_en: Option<String>,
    pub active: bool,
    /// A leaf's group (`S01` 生活社会服务类).
    pub group: Option<CategoryGroupRef>,
}

/// A leaf's group.
#[derive(Debug, Serialize, ToSchema)]
pub struct CategoryGroupRef {
    pub code: String,
    pub name_zh: Option<String>,
    pub name_en: Option<String>,
}

/// An Art. 17 signal (staff only): a fact the handler may weigh when judging whether a
/// complaint is for daily consumption. Signals never change the order's state or block
/// anything.
#[derive(Debug, Serialize, ToSchema)]
pub struct SignalDto {
    /// `frequent_complainant` (Art. 17(2): complaints by the same complainant within the
    /// window either side of this one), `shared_phone` / `shared_address` (Art. 17(4):
    /// distinct complainants who gave the same phone / normalised postal address),
    /// `amount_out_of_line` (Art. 17(1): the amount is at least the factor times the median of
    /// the latest complaints in the same leaf category, given enough of them).
    pub kind: String,
    /// What was counted (complaints, complainants, or the amount in fen).
    pub observed: i64,
    /// The value from which the signal shows.
    pub threshold: i64,
    /// The rule and the numbers in words.
    pub text: String,
    pub text_zh: String,
}

/// Who filed it (staff only).
#[derive(Debug, Serialize, ToSchema)]
pub struct FilerDto {
    /// An anonymous report: nothing else is known.
    pub anonymous: bool,
    pub user_id: Option<i64>,
    pub display_name: Option<String>,
    pub phone: Option<String>,
    /// The postal address given with the appeal.
    pub address: Option<String>,
}

/// A period running on the order.
#[derive(Debug, Serialize, ToSchema)]
pub struct DeadlineDto {
    /// `acceptance`, `enterprise_settlement`, `mediation`, `report_check` or `clue_check`.
    pub kind: String,
    /// The last day; null while the clock is stopped (testing or appraisal).
    pub due_on: Option<NaiveDate>,
    pub provisional: bool,
    pub stopped: bool,
}

/// The enterprise's settlement proposal (the latest one).
#[derive(Debug, Serialize, ToSchema)]
pub struct ProposalDto {
    /// `refund`, `replacement`, `repair`, `compensation` or `other`.
    pub remedy: String,
    /// In fen (1/100 yuan); null for a remedy that is not money.
    pub amount_fen: Option<i64>,
    pub terms: String,
    pub proposed_at: DateTime<Utc>,
    /// `pending` (the consumer may accept or reject it), `accepted`, `rejected`, `superseded`
    /// (a newer proposal replaced it) or `lapsed` (the complaint left the enterprise first).
    pub status: String,
    pub decided_at: Option<DateTime<Utc>>,
    /// The consumer's reason, when rejected.
    pub reject_reason: Option<String>,
}

/// The complaint's time with the ODR enterprise 企业自行和解.
#[derive(Debug, Serialize, ToSchema)]
pub struct OdrDto {
    pub enterprise_org_id: i64,
    pub enterprise_name: String,
    /// The day it went to the enterprise (intake, or the bureau's dispatch).
    pub dispatched_on: NaiveDate,
    /// The last of its 10 working days.
    pub due_on: Option<NaiveDate>,
    /// The enterprise's first answer (its first proposal or dialogue message).
    pub first_answer_at: Option<DateTime<Utc>>,
    /// Null while with the enterprise; then `settled`, `rejected`, `expired`, `recalled` (the
    /// bureau pulled it back) or `withdrawn`.
    pub outcome: Option<String>,
    pub ended_at: Option<DateTime<Utc>>,
    pub proposal: Option<ProposalDto>,
}

impl From<weiquan_services::odr::Summary> for OdrDto {
    fn from(s: weiquan_services::odr::Summary) -> Self {
        Self {
            enterprise_org_id: s.case.enterprise_org_id,
            enterprise_name: s.enterprise_name,
            dispatched_on: s.case.dispatched_on,
            due_on: s.case.due_on,
            first_answer_at: s.case.first_answer_at,
            outcome: s.case.outcome,
            ended_at: s.case.ended_at,
            proposal: s.proposal.map(|p| ProposalDto {
                remedy: p.remedy,
                amount_fen: p.amount_fen,
                terms: p.terms,
                proposed_at: p.created_at,
                status: p.status,
                decided_at: p.decided_at,
                reject_reason: p.reject_reason,
            }),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OrderDto {
    pub id: i64,
    pub number: String,
    pub kind: String,
    pub state: String,
    /// For a concluded or archived order: how it ended (`outcome` and its data).
    #[schema(value_type = Option<Object>)]
    pub conclusion: Option<serde_json::Value>,
    /// The rule set it is judged by: `order121` or `interim2019`.
    pub rules: String,
    pub received_on: NaiveDate,
    pub due_on: Option<NaiveDate>,
    pub due_provisional: bool,
    pub overdue: bool,
    /// When the order was last escalated to the upper level's supervision list for being
    /// overdue (null if never).
    pub escalated_at: Option<DateTime<Utc>>,
    pub deadlines: Vec<DeadlineDto>,
    pub holder_org_id: i64,
    pub holder_name: String,
    /// Staff only.
    pub handler_id: Option<i64>,
    /// Staff only: the routing rule applied and the one intended when it fell back.
    pub routing_rule: Option<String>,
    pub routing_intended: Option<String>,
    pub linked_order_id: Option<i64>,
    pub rating: Option<i16>,
    /// Send it in `If-Match` with an action (also the `ETag`).
    pub version: i32,
    /// `filer`, `staff` or `enterprise`: how much of the order this caller sees.
    pub view: String,
    /// The actions the caller may take now (`domain::workflow::available`).
    pub available_actions: Vec<String>,
    pub appeal: Option<AppealDto>,
    /// Staff only.
    pub filer: Option<FilerDto>,
    /// Staff viewing a complaint only (empty otherwise): Art. 17 signals, computed when the
    /// order is opened. Facts to weigh, never a decision.
    pub signals: Vec<SignalDto>,
    /// Public events for the consumer and the enterprise; every event for staff.
    pub timeline: Vec<OrderEvent>,
    /// Evidence, in the order it was submitted (download each at
    /// `/api/v1/orders/{id}/attachments/{attachment_id}`); a business never sees a report's.
    pub attachments: Vec<crate::routes::attachments::AttachmentDto>,
    /// Enterprise self-settlement (ODR): null unless the complaint went to its enterprise.
    pub odr: Option<OdrDto>,
}

fn name<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn category_ref(code: Option<String>, rows: &[CategoryRow]) -> Option<CategoryRef> {
    let code = code?;
    let row = rows.iter().find(|r| r.code == code);
    let group = row.and_then(|r| r.parent_code.as_ref()).map(|p| {
        let g = rows.iter().find(|r| &r.code == p);
        CategoryGroupRef {
            code: p.clone(),
            name_zh: g.map(|g| g.name_zh.clone()),
            name_en: g.map(|g| g.name_en.clone()),
        }
    });
    Some(CategoryRef {
        name_zh: row.map(|r| r.name_zh.clone()),
        name_en: row.map(|r| r.name_en.clone()),
        active: row.is_some_and(|r| r.active),
        group,
        code,
    })
}

impl From<OrderDetail> for OrderDto {
    fn from(d: OrderDetail) -> Self {
        let staff = d.view == View::Staff;
        let categories = d.categories;
        let thresholds = orders::signal_thresholds();
        let signals = if staff {
            d.signals
                .iter()
                .map(|s| {
                    let (text, text_zh) = s.describe(thresholds);
                    SignalDto {
                        kind: name(&s.kind),
                        observed: s.observed,
                        threshold: s.threshold,
                        text,
                        text_zh,
                    }
                })
                .collect()
        } else {
            Vec::new()
        };
        let row = d.row;
        Self {
            id: row.id,
            number: row.number,
            kind: row.kind,
            state: row.state,
            conclusion: row.conclusion,
            rules: row.rules,
            received_on: row.received_on,
            due_on: row.due_on,
            due_provisional: row.due_provisional,
            overdue: row.due_on.is_some_and(|due| due < d.today),
            escalated_at: row.escalated_at,
            deadlines: d
                .deadlines
                .iter()
                .map(|dl| {
                    let (due_on, provisional, stopped) = match dl.clock {
                        Clock::Running { due } => (Some(due.date), due.provisional, false),
                        Clock::Stopped { .. } => (None, false, true),
                    };
                    DeadlineDto {
                        kind: name(&dl.kind),
                        due_on,
                        provisional,
                        stopped,
                    }
                })
                .collect(),
            holder_org_id: row.holder_org_id,
            holder_name: d.holder_name,
            handler_id: if staff { row.handler_id } else { None },
            routing_rule: staff.then_some(row.routing_rule),
            routing_intended: if staff { row.routing_intended } else { None },
            linked_order_id: if d.view == View::Enterprise {
                None
            } else {
                row.linked_order_id
            },
            rating: row.rating,
            version: row.version,
            view: name(&d.view),
            available_actions: d.available.iter().map(name).collect(),
            appeal: d.appeal.map(|a| AppealDto {
                business_name: a.business_name,
                credit_code: a.credit_code,
                business_division: a.business_division,
                business_address: a.business_address,
                channel: a.channel,
                platform: a.platform,
                platform_division: a.platform_division,
                conduct_division: a.conduct_division,
                item: a.item,
                bought_on: a.bought_on,
                amount_fen: a.amount_fen,
                request: a.request,
                facts: a.facts,
                category: a.category,
                subject_category: category_ref(a.subject_category, &categories),
                problem_type: category_ref(a.problem_type, &categories),
            }),
            filer: d.party.filter(|_| staff).map(|p| FilerDto {
                anonymous: p.anonymous,
                user_id: p.user_id,
                display_name: p.display_name,
                phone: p.phone,
                address: p.address,
            }),
            signals,
            timeline: d
                .events
                .into_iter()
                .map(|e| OrderEvent::new(e, staff))
                .collect(),
            attachments: d.attachments.into_iter().map(Into::into).collect(),
            odr: d.odr.map(Into::into),
        }
    }
}

/// One order: for the consumer who filed it (public timeline), staff of the holding unit or
/// above and of the bureaus above an ODR enterprise a complaint is about (everything,
/// including who filed it), that ODR enterprise (its members, and its API clients with
/// `orders:read` or `orders:write`: never a report, never the complainant's identity); 404
/// for everyone else. Lists the actions the
/// caller may take now; the `ETag` is the version to send in `If-Match`.
#[utoipa::path(
    tag = "orders",
    operation_id = "orders_get",
    params(("id" = i64, Path, description = "Order id")),
    responses(
        (status = OK, description = "The order", body = OrderDto),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "Second factor required", body = Problem, content_type = "application/problem+json"),
        (status = NOT_FOUND, description = "No such order for you", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/orders/{id}")]
pub async fn get(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    caller.signed_in()?;
    let id = id.into_inner();
    let detail = match orders::get(&state.deps, &caller.actor, id).await {
        Ok(detail) => detail,
        Err(e) => {
            super::audit_order_refusal(&state, &caller, &req, "view_order", id, &e).await;
            return Err(order_error(e));
        }
    };
    let dto = OrderDto::from(detail);
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, format!("\"{}\"", dto.version)))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(dto))
}
