//! Signing in with a password. Answers are enumeration-safe: an unknown account, a wrong
//! password, a disabled account and an account without a password all give `Invalid`, after
//! the same argon2 work. Failures are counted per (account, address), per account and per
//! address: a stranger failing from one address slows only that address's attempts at the
//! account, so the owner is not locked out; windows expire by themselves.

use std::time::Duration;

use weiquan_db::organisations;
use weiquan_db::users::{self, UserRow};
use weiquan_domain::access::{Actor, OrgId, OrgPath, UserId, second_factor_required};
use zeroize::Zeroizing;

use crate::credentials::{LoginCheck, PasswordHasher};
use crate::rate_limit::{Limit, RateLimiter, Verdict};
use crate::{Deps, ServiceError};

/// Who is signing in: consumers by mobile number, organisation members by user name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    Consumer,
    Staff,
}

/// Failed sign-ins allowed per window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignInLimits {
    pub per_account_and_address: u32,
    pub per_account: u32,
    pub per_address: u32,
    pub window: Duration,
}

/// What the account still has to do after its password was right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecondFactor {
    NotRequired,
    /// Enter a TOTP (or recovery) code.
    Required,
    /// Must enrol an authenticator first.
    EnrolmentRequired,
}

#[derive(Debug)]
pub struct SignedIn {
    pub actor: Actor,
    pub second_factor: SecondFactor,
}

#[derive(Debug, thiserror::Error)]
pub enum SignInError {
    /// Wrong login or password (the caller learns no more). `account` names the existing
    /// account that was tried, for the audit log only.
    #[error("invalid credentials")]
    Invalid { account: Option<FailedAccount> },
    #[error("too many failed attempts; retry after {retry_after} s")]
    Limited { retry_after: u64 },
    #[error(transparent)]
    Service(#[from] ServiceError),
}

/// The existing account a failed sign-in named: the audit record is filed under its
/// organisation so that its administrators see attempts on their members' accounts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailedAccount {
    pub user: UserId,
    pub org_path: Option<OrgPath>,
}

/// The canonical form of a login: trimmed; user names lower-cased.
pub fn normalise_login(audience: Audience, login: &str) -> String {
    match audience {
        Audience::Consumer => login.trim().to_owned(),
        Audience::Staff => login.trim().to_lowercase(),
    }
}

/// One sign-in attempt.
pub struct Attempt<'a> {
    pub audience: Audience,
    pub login: &'a str,
    pub password: Zeroizing<String>,
    /// The client's IP address.
    pub address: &'a str,
}

pub async fn sign_in(
    deps: &Deps,
    hasher: &PasswordHasher,
    limiter: &RateLimiter,
    limits: SignInLimits,
    attempt: Attempt<'_>,
) -> Result<SignedIn, SignInError> {
    let Attempt {
        audience,
        login,
        password,
        address,
    } = attempt;
    let login = normalise_login(audience, login);
    let account = format!("{audience:?}:{login}");
    let pair = format!("{account}|{address}");
    let window = limits.window;
    let checks = [
        ("signin-pair", pair.as_str(), limits.per_account_and_address),
        ("signin-account", account.as_str(), limits.per_account),
        ("signin-address", address, limits.per_address),
    ];
    for (scope, subject, max) in checks {
        if let Verdict::Limited { retry_after } =
            limiter.check(scope, subject, Limit { max, window }).await?
        {
            return Err(SignInError::Limited { retry_after });
        }
    }

    let lookup = login.clone();
    let user: Option<UserRow> = deps
        .db
        .run(move |conn| match audience {
            Audience::Consumer => users::find_consumer_by_phone(conn, &lookup),
            Audience::Staff => users::find_member_by_username(conn, &lookup),
        })
        .await?;
    let stored = user.as_ref().and_then(|u| u.password_hash.clone());
    let tried = user.as_ref().map(|u| (UserId(u.id), u.org_id));
    let check = hasher
        .check_login_async(password, stored)
        .await
        .map_err(ServiceError::from)?;

    let outcome = match (check, user) {
        (LoginCheck::Valid { upgraded_hash }, Some(user)) => {
            let id = UserId(user.id);
            deps.db
                .run(move |conn| {
                    if let Some(hash) = upgraded_hash {
                        users::set_password_hash(conn, id, &hash, false)?;
                    }
                    let actor = users::actor_for(conn, &user, false)?;
                    Ok(actor.map(|actor| (actor, user.totp_enabled_at.is_some())))
                })
                .await?
        }
        _ => None,
    };
    let Some((actor, totp_enrolled)) = outcome else {
        for (scope, subject, max) in checks {
            limiter.hit(scope, subject, Limit { max, window }).await?;
        }
        let account = match tried {
            None => None,
            Some((user, None)) => Some(FailedAccount {
                user,
                org_path: None,
            }),
            Some((user, Some(org))) => {
                let org = deps
                    .db
                    .run(move |conn| organisations::find(conn, OrgId(org)))
                    .await?;
                Some(FailedAccount {
                    user,
                    org_path: org.and_then(|o| OrgPath::from_sql(&o.path)),
                })
            }
        };
        return Err(SignInError::Invalid { account });
    };
    limiter.reset("signin-pair", &pair).await?;
    let second_factor = match &actor {
        Actor::Member { org, roles, .. } if second_factor_required(org.kind, roles) => {
            if totp_enrolled {
                SecondFactor::Required
            } else {
                SecondFactor::EnrolmentRequired
            }
        }
        Actor::Member { .. } if totp_enrolled => SecondFactor::Required,
        _ => SecondFactor::NotRequired,
    };
    Ok(SignedIn {
        actor,
        second_factor,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logins_are_normalised_per_audience() {
        assert_eq!(
            normalise_login(Audience::Staff, "  NanShan.Admin "),
            "nanshan.admin"
        );
        assert_eq!(
            normalise_login(Audience::Consumer, " 13800138000 "),
            "13800138000"
        );
    }
}
