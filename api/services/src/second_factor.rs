//! TOTP enrolment and verification, and recovery codes. The TOTP secret is sealed with the
//! server's secret key (bound to the user, so a copied value does not open for another row);
//! each code's time step is consumed with a conditional write, so a code works once.

use std::time::Duration;

use weiquan_db::users::UserRow;
use weiquan_db::{totp as store, users};
use weiquan_domain::access::UserId;
use zeroize::Zeroizing;

use crate::credentials::recovery::{RecoveryCodes, find_matching};
use crate::credentials::{PasswordHasher, SecretBox, TotpSecret};
use crate::rate_limit::{Limit, RateLimiter, Verdict};
use crate::{Deps, ServiceError};

/// Failed second-factor attempts allowed per account and window.
pub const ATTEMPTS: Limit = Limit {
    max: 5,
    window: Duration::from_secs(15 * 60),
};

#[derive(Debug, thiserror::Error)]
pub enum SecondFactorError {
    #[error("invalid code")]
    Invalid,
    #[error("no authenticator enrolled")]
    NotEnrolled,
    #[error("an authenticator is already enrolled")]
    AlreadyEnrolled,
    #[error("too many attempts; retry after {retry_after} s")]
    Limited { retry_after: u64 },
    #[error(transparent)]
    Service(#[from] ServiceError),
}

impl From<crate::credentials::CredentialError> for SecondFactorError {
    fn from(e: crate::credentials::CredentialError) -> Self {
        Self::Service(e.into())
    }
}

/// What the user types into an authenticator app.
pub struct Enrolment {
    pub secret_base32: Zeroizing<String>,
    pub otpauth_uri: Zeroizing<String>,
}

/// A proof offered at sign-in.
pub enum Proof {
    Totp(String),
    Recovery(String),
}

fn context(user: UserId) -> Vec<u8> {
    format!("totp:user:{}", user.0).into_bytes()
}

async fn load(deps: &Deps, user: UserId) -> Result<UserRow, SecondFactorError> {
    deps.db
        .run(move |conn| users::find(conn, user))
        .await?
        .ok_or(SecondFactorError::Service(ServiceError::NotFound {
            what: "user",
        }))
}

fn open_secret(sealer: &SecretBox, user: &UserRow) -> Result<TotpSecret, SecondFactorError> {
    let sealed = user
        .totp_secret
        .as_deref()
        .ok_or(SecondFactorError::NotEnrolled)?;
    let plain = sealer.open(sealed, &context(UserId(user.id)))?;
    Ok(TotpSecret::from_bytes(plain.to_vec())?)
}

/// Starts (or restarts) enrolment with a fresh secret; refused once one is confirmed.
pub async fn start_enrolment(
    deps: &Deps,
    sealer: &SecretBox,
    user: UserId,
    account: &str,
) -> Result<Enrolment, SecondFactorError> {
    let secret = TotpSecret::generate()?;
    let sealed = sealer.seal(secret.as_bytes(), &context(user))?;
    let stored = deps
        .db
        .run(move |conn| store::set_pending_secret(conn, user, &sealed))
        .await?;
    if !stored {
        return Err(SecondFactorError::AlreadyEnrolled);
    }
    Ok(Enrolment {
        secret_base32: secret.to_base32()?,
        otpauth_uri: secret.provisioning_uri(account)?,
    })
}

async fn guard(limiter: &RateLimiter, user: UserId) -> Result<(), SecondFactorError> {
    if let Verdict::Limited { retry_after } =
        limiter.check("2fa", &user.0.to_string(), ATTEMPTS).await?
    {
        return Err(SecondFactorError::Limited { retry_after });
    }
    Ok(())
}

async fn failed(limiter: &RateLimiter, user: UserId) -> SecondFactorError {
    match limiter.hit("2fa", &user.0.to_string(), ATTEMPTS).await {
        Ok(_) => SecondFactorError::Invalid,
        Err(e) => e.into(),
    }
}

/// Confirms enrolment with a first code; returns the recovery codes (shown once).
pub async fn confirm_enrolment(
    deps: &Deps,
    hasher: &PasswordHasher,
    sealer: &SecretBox,
    limiter: &RateLimiter,
    user: UserId,
    code: &str,
    now: u64,
) -> Result<Vec<String>, SecondFactorError> {
    guard(limiter, user).await?;
    let row = load(deps, user).await?;
    if row.totp_enabled_at.is_some() {
        return Err(SecondFactorError::AlreadyEnrolled);
    }
    let secret = open_secret(sealer, &row)?;
    let Ok(step) = secret.verify(code, now, None) else {
        return Err(failed(limiter, user).await);
    };
    let codes = hasher.run(RecoveryCodes::generate).await??;
    let hashes = codes.hashes.clone();
    let step =
        i64::try_from(step).map_err(|_| ServiceError::Internal("time step overflow".into()))?;
    let confirmed = deps
        .db
        .run(move |conn| store::confirm(conn, user, step, &hashes))
        .await?;
    if !confirmed {
        return Err(SecondFactorError::AlreadyEnrolled);
    }
    Ok(codes.codes.iter().map(|c| c.as_str().to_owned()).collect())
}

/// Checks a TOTP or recovery code for an enrolled account, consuming it.
pub async fn verify(
    deps: &Deps,
    hasher: &PasswordHasher,
    sealer: &SecretBox,
    limiter: &RateLimiter,
    user: UserId,
    proof: Proof,
    now: u64,
) -> Result<(), SecondFactorError> {
    guard(limiter, user).await?;
    let row = load(deps, user).await?;
    if row.totp_enabled_at.is_none() {
        return Err(SecondFactorError::NotEnrolled);
    }
    let accepted = match proof {
        Proof::Totp(code) => {
            let secret = open_secret(sealer, &row)?;
            let last = row.totp_last_step.and_then(|s| u64::try_from(s).ok());
            match secret
                .verify(&code, now, last)
                .ok()
                .and_then(|s| i64::try_from(s).ok())
            {
                Some(step) => {
                    deps.db
                        .run(move |conn| store::use_step(conn, user, step))
                        .await?
                }
                None => false,
            }
        }
        Proof::Recovery(code) => {
            let unused = deps
                .db
                .run(move |conn| store::unused_recovery_codes(conn, user))
                .await?;
            let hashes: Vec<String> = unused.iter().map(|(_, h)| h.clone()).collect();
            let input = Zeroizing::new(code);
            let found = hasher
                .run(move |h| find_matching(h, &input, &hashes))
                .await??;
            match found.and_then(|i| unused.get(i)).map(|(id, _)| *id) {
                Some(id) => {
                    deps.db
                        .run(move |conn| store::use_recovery_code(conn, id))
                        .await?
                }
                None => false,
            }
        }
    };
    if accepted {
        limiter.reset("2fa", &user.0.to_string()).await?;
        Ok(())
    } else {
        Err(failed(limiter, user).await)
    }
}
