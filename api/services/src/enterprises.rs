//! Looking up approved ODR enterprises, so a consumer can choose to send a complaint to the
//! enterprise first.

use weiquan_db::organisations;
use weiquan_domain::CreditCode;

use crate::rate_limit::{Limit, RateLimiter, Verdict};
use crate::{Deps, ServiceError};

/// An enterprise that settles complaints about itself (approved ODR).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OdrEnterprise {
    pub name: String,
    pub credit_code: String,
}

#[derive(Debug, thiserror::Error)]
pub enum OdrLookupError {
    #[error("too many look-ups; retry after {retry_after} s")]
    Limited { retry_after: u64 },
    #[error("no approved ODR enterprise has this code")]
    NotFound,
    #[error(transparent)]
    Service(#[from] ServiceError),
}

/// The approved ODR enterprise with this credit code, limited per address. Any other
/// organisation (not an enterprise, not approved, suspended) is `NotFound`, like no match.
pub async fn find_odr(
    deps: &Deps,
    limiter: &RateLimiter,
    limit: Limit,
    code: CreditCode,
    address: &str,
) -> Result<OdrEnterprise, OdrLookupError> {
    if let Verdict::Limited { retry_after } = limiter.hit("odr-lookup", address, limit).await? {
        return Err(OdrLookupError::Limited { retry_after });
    }
    let row = deps
        .db
        .run(move |conn| organisations::find_by_credit_code(conn, code.as_str()))
        .await?;
    match row {
        Some(org) if org.kind == "enterprise" && org.odr_status.as_deref() == Some("approved") => {
            Ok(OdrEnterprise {
                name: org.name,
                credit_code: org.credit_code.unwrap_or_default(),
            })
        }
        _ => Err(OdrLookupError::NotFound),
    }
}
