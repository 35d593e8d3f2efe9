//! Submitting an application and following it by tracking code (both public).

use diesel::Connection;
use weiquan_db::DbError;
use weiquan_db::applications::{self, NewApplication, PENDING_CREDIT_CODE_INDEX};
use weiquan_db::audit::{self, NewAuditEntry};
use weiquan_db::outbox::{self, NewMessage};
use weiquan_db::{divisions, organisations, users};
use weiquan_domain::access::OrgId;
use weiquan_domain::application::{
    ApplicantKind, ApplicationEvent, RegisteredDivision, ReviewLevel, TRACKING_CHARS, TrackingCode,
    competent_division,
};
use weiquan_domain::audit::{AuditAction, AuditActor, Outcome};
use weiquan_domain::notify::{Channel, Locale, Template};
use weiquan_domain::{CreditCode, DivisionCode};

use super::{ApplicationError, ApplicationView, tracking_hash};
use crate::accounts::Origin;
use crate::credentials::rng;
use crate::rate_limit::{Limit, RateLimiter, Verdict};
use crate::{Deps, ServiceError};

/// A validated application form (the HTTP layer checked lengths and formats).
#[derive(Debug, Clone)]
pub struct Submission {
    pub kind: ApplicantKind,
    pub name: String,
    pub name_en: Option<String>,
    pub credit_code: Option<CreditCode>,
    pub registered_division: Option<DivisionCode>,
    pub review_level: Option<ReviewLevel>,
    pub contact_name: String,
    pub contact_phone: String,
    pub contact_email: String,
    /// Lower case, checked by `weiquan_domain::invitation::normalise_username`.
    pub admin_username: String,
    pub admin_display_name: String,
    pub description: String,
}

/// What the applicant is told once: the tracking code is never shown again.
#[derive(Debug, Clone)]
pub struct Submitted {
    pub id: i64,
    pub tracking_code: TrackingCode,
    /// The competent bureau.
    pub bureau: organisations::OrgRow,
}

/// Which bureau is competent, after checking the divisions against the reference data.
fn route(
    conn: &mut diesel::PgConnection,
    s: &Submission,
) -> Result<Result<organisations::OrgRow, ApplicationError>, DbError> {
    let registered = match &s.registered_division {
        Some(code) => match divisions::find(conn, code)? {
            Some(d) => Some(RegisteredDivision {
                code: d.code,
                has_children: d.has_children,
            }),
            None => {
                return Ok(Err(ApplicationError::UnknownDivision {
                    field: "registered_division",
                }));
            }
        },
        None => None,
    };
    if let Some(ReviewLevel::Province(code)) = &s.review_level
        && divisions::find(conn, code)?.is_none()
    {
        return Ok(Err(ApplicationError::UnknownDivision {
            field: "competent_division",
        }));
    }
    let division = match competent_division(s.kind, registered, s.review_level) {
        Ok(d) => d,
        Err(e) => return Ok(Err(ApplicationError::Routing(e))),
    };
    let bureau = organisations::bureau_of(conn, division.as_ref())?
        .ok_or_else(|| DbError::Other(format!("no bureau for {division:?}")))?;
    Ok(Ok(bureau))
}

/// The duplicate rules: a credit code that is already an organisation or pending, a user name
/// that is taken or pending.
fn duplicate(
    conn: &mut diesel::PgConnection,
    s: &Submission,
) -> Result<Option<&'static str>, DbError> {
    if let Some(code) = &s.credit_code
        && (organisations::find_by_credit_code(conn, code.as_str())?.is_some()
            || applications::pending_with_credit_code(conn, code.as_str())?)
    {
        return Ok(Some("credit_code"));
    }
    if users::find_member_by_username(conn, &s.admin_username)?.is_some()
        || applications::pending_with_username(conn, &s.admin_username)?
    {
        return Ok(Some("admin_username"));
    }
    Ok(None)
}

/// Records an application, acknowledges it by email (with the tracking code) and audits it.
/// Limited per address (429).
pub async fn submit(
    deps: &Deps,
    limiter: &RateLimiter,
    limit: Limit,
    submission: Submission,
    origin: &Origin,
) -> Result<Submitted, ApplicationError> {
    let address = origin.ip.map(|ip| ip.to_string()).unwrap_or_default();
    if let Verdict::Limited { retry_after } =
        limiter.hit("application-submit", &address, limit).await?
    {
        return Err(ApplicationError::Limited { retry_after });
    }
    let tracking_code =
        TrackingCode::from_random(rng::bytes::<TRACKING_CHARS>().map_err(ServiceError::from)?);
    let (hash, code_text) = (
        tracking_hash(&tracking_code),
        tracking_code.as_str().to_owned(),
    );
    let origin = origin.clone();
    let outcome = deps
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                let s = &submission;
                let bureau = match route(conn, s)? {
                    Ok(b) => b,
                    Err(e) => return Ok(Err(e)),
                };
                if let Some(field) = duplicate(conn, s)? {
                    return Ok(Err(ApplicationError::Duplicate { field }));
                }
                let locale = match s.kind {
                    ApplicantKind::International => Locale::En,
                    _ => Locale::ZhCn,
                };
                let id = applications::insert(
                    conn,
                    &NewApplication {
                        kind: s.kind.as_str(),
                        name: &s.name,
                        name_en: s.name_en.as_deref(),
                        credit_code: s.credit_code.as_ref().map(CreditCode::as_str),
                        registered_division: s
                            .registered_division
                            .as_ref()
                            .map(DivisionCode::as_str),
                        competent_bureau_id: bureau.id,
                        contact_name: &s.contact_name,
                        contact_phone: &s.contact_phone,
                        contact_email: &s.contact_email,
                        admin_username: &s.admin_username,
                        admin_display_name: &s.admin_display_name,
                        description: &s.description,
                        locale: locale.as_str(),
                        tracking_hash: &hash,
                    },
                )?;
                applications::add_event(conn, id, ApplicationEvent::Submitted, None)?;
                outbox::enqueue(
                    conn,
                    &NewMessage {
                        channel: Channel::Email,
                        recipient: s.contact_email.clone(),
                        locale,
                        template: Template::ApplicationReceived,
                        payload: serde_json::json!({
                            "org_name": s.name,
                            "bureau": bureau_name(&bureau, locale),
                            "tracking_code": code_text,
                        }),
                    },
                )?;
                let path = bureau.to_ref()?.path;
                let mut entry = NewAuditEntry::new(
                    AuditActor::anonymous(),
                    AuditAction::ApplicationSubmitted,
                    Outcome::Success,
                )
                .org(&path)
                .subject(format!("application:{id}"))
                .detail(serde_json::json!({
                    "kind": s.kind.as_str(),
                    "name": s.name,
                    "competent_bureau": bureau.id,
                }));
                entry.ip = origin.ip;
                entry.user_agent = origin.user_agent.clone();
                audit::append(conn, &entry)?;
                Ok(Ok((id, bureau)))
            })
        })
        .await;
    let (id, bureau) = match outcome {
        Ok(result) => result?,
        Err(ServiceError::Internal(message)) if is_pending_conflict(&message) => {
            let field = if message.contains(PENDING_CREDIT_CODE_INDEX) {
                "credit_code"
            } else {
                "admin_username"
            };
            return Err(ApplicationError::Duplicate { field });
        }
        Err(e) => return Err(e.into()),
    };
    Ok(Submitted {
        id,
        tracking_code,
        bureau,
    })
}

/// Two applications for the same credit code or user name arrived at once: the unique
/// indexes let one in and refuse the other.
fn is_pending_conflict(message: &str) -> bool {
    message.contains(PENDING_CREDIT_CODE_INDEX)
        || message.contains(applications::PENDING_USERNAME_INDEX)
}

/// The bureau's name as the applicant reads it.
pub(super) fn bureau_name(bureau: &organisations::OrgRow, locale: Locale) -> String {
    match (locale, &bureau.name_en) {
        (Locale::En, Some(en)) => en.clone(),
        _ => bureau.name.clone(),
    }
}

/// The application a tracking code belongs to, limited per address; `NotFound` for any code
/// that does not match (one answer for all).
pub async fn track(
    deps: &Deps,
    limiter: &RateLimiter,
    limit: Limit,
    code: Option<TrackingCode>,
    address: &str,
) -> Result<ApplicationView, ApplicationError> {
    if let Verdict::Limited { retry_after } =
        limiter.hit("application-track", address, limit).await?
    {
        return Err(ApplicationError::Limited { retry_after });
    }
    let code = code.ok_or(ApplicationError::NotFound)?;
    let hash = tracking_hash(&code);
    deps.db
        .run(move |conn| {
            let Some(row) = applications::find_by_tracking_hash(conn, &hash)? else {
                return Ok(None);
            };
            let bureau = organisations::find(conn, OrgId(row.competent_bureau_id))?
                .ok_or_else(|| DbError::Other("application without bureau".into()))?;
            let events = applications::events(conn, row.id)?;
            Ok(Some(ApplicationView::new(row, bureau, events)))
        })
        .await?
        .ok_or(ApplicationError::NotFound)
}
