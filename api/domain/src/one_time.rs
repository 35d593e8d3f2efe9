//! Decisions about one-time credentials, as pure functions of what is stored and the time:
//! link tokens (invitation, password reset, phone verification), TOTP replay, SMS codes.
//! Generating and hashing them needs OS randomness and lives in
//! `weiquan_services::credentials`; the caller loads the stored row and asks here.

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

/// What an opaque link token may be used for. Stored next to the token's hash, and mixed into
/// the hash itself, so a password-reset token can never be redeemed as an invitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenPurpose {
    /// Join an organisation (a staff account's first password is set through it).
    Invitation,
    /// Set a new password after "forgot password".
    PasswordReset,
    /// Prove control of a phone number by following a link.
    PhoneVerification,
}

impl TokenPurpose {
    pub const ALL: [Self; 3] = [
        Self::Invitation,
        Self::PasswordReset,
        Self::PhoneVerification,
    ];

    /// The stable name stored in the database and mixed into the token hash.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Invitation => "invitation",
            Self::PasswordReset => "password_reset",
            Self::PhoneVerification => "phone_verification",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == s)
    }

    /// How long a token of this purpose stays valid after it is issued. Short for anything
    /// that grants access (ASVS 6.4.1); out-of-band codes at most 10 minutes (ASVS 6.5.5).
    pub fn lifetime(self) -> TimeDelta {
        match self {
            Self::Invitation => TimeDelta::hours(72),
            Self::PasswordReset => TimeDelta::minutes(30),
            Self::PhoneVerification => TimeDelta::minutes(10),
        }
    }
}

/// Why a presented link token is refused. The HTTP layer should show one message for all of
/// them ("this link is invalid or has expired"); the codes are for logs and the audit trail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum TokenRejection {
    #[error("the token was issued for another purpose")]
    WrongPurpose,
    #[error("the token has expired")]
    Expired,
    #[error("the token has already been used")]
    AlreadyUsed,
}

impl TokenRejection {
    pub fn code(self) -> &'static str {
        match self {
            Self::WrongPurpose => "wrong_purpose",
            Self::Expired => "expired",
            Self::AlreadyUsed => "already_used",
        }
    }
}

/// Whether a stored token may be redeemed now for `expected`. Valid while `now < expires_at`
/// and never used. The caller marks it used (`used_at = now`) in the same transaction that
/// acts on it, with `WHERE used_at IS NULL`, so two concurrent redemptions cannot both win.
pub fn check_token(
    expected: TokenPurpose,
    stored: TokenPurpose,
    expires_at: DateTime<Utc>,
    used_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<(), TokenRejection> {
    if stored != expected {
        return Err(TokenRejection::WrongPurpose);
    }
    if used_at.is_some() {
        return Err(TokenRejection::AlreadyUsed);
    }
    if now >= expires_at {
        return Err(TokenRejection::Expired);
    }
    Ok(())
}

/// A TOTP code whose time step is not newer than the last one accepted for this user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("this code has already been used")]
pub struct TotpReplay;

/// RFC 6238 §5.2: a code is accepted at most once. The verifier reports the time step the code
/// belongs to; it is accepted only when later than the user's last accepted step, and the
/// caller then stores it as the new `last_used_step` (conditionally, `WHERE last_used_step IS
/// NULL OR last_used_step < $step`, so two concurrent sign-ins with one code cannot both pass).
/// Requiring strictly newer steps also refuses an older code of the skew window once a newer
/// one was used.
pub fn accept_totp_step(matched_step: u64, last_used_step: Option<u64>) -> Result<u64, TotpReplay> {
    match last_used_step {
        Some(last) if matched_step <= last => Err(TotpReplay),
        _ => Ok(matched_step),
    }
}

/// How long an SMS code is valid (ASVS 6.5.5: out-of-band codes at most 10 minutes).
pub const SMS_CODE_LIFETIME: TimeDelta = TimeDelta::minutes(10);
/// Wrong guesses allowed against one SMS code before it is void. A 6-digit code has 20 bits,
/// so 5 guesses give an attacker a 1 in 200,000 chance per code sent (ASVS 6.6.3: rate limit
/// short codes); sending codes is rate-limited separately.
pub const SMS_CODE_MAX_ATTEMPTS: u32 = 5;

/// Why an SMS code is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum SmsCodeRejection {
    #[error("the code has expired")]
    Expired,
    #[error("too many wrong codes; request a new one")]
    TooManyAttempts,
    #[error("the code is wrong")]
    Wrong,
}

/// Decides one attempt at an SMS code. `failed_attempts` counts earlier wrong guesses at this
/// code; `matches` is the constant-time comparison's result. On `Wrong` the caller increments
/// the counter; on success it deletes the code (single use). Checks expiry and the attempt
/// budget before the match, so a correct guess after the budget is spent still fails.
pub fn check_sms_code(
    matches: bool,
    failed_attempts: u32,
    expires_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(), SmsCodeRejection> {
    if now >= expires_at {
        return Err(SmsCodeRejection::Expired);
    }
    if failed_attempts >= SMS_CODE_MAX_ATTEMPTS {
        return Err(SmsCodeRejection::TooManyAttempts);
    }
    if matches {
        Ok(())
    } else {
        Err(SmsCodeRejection::Wrong)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(secs: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_750_000_000 + secs, 0).unwrap()
    }

    #[test]
    fn a_fresh_token_of_the_right_purpose_is_valid_until_it_expires() {
        let p = TokenPurpose::PasswordReset;
        assert_eq!(check_token(p, p, at(1800), None, at(0)), Ok(()));
        assert_eq!(check_token(p, p, at(1800), None, at(1799)), Ok(()));
        assert_eq!(
            check_token(p, p, at(1800), None, at(1800)),
            Err(TokenRejection::Expired)
        );
    }

    #[test]
    fn a_reset_token_is_never_an_invitation() {
        for stored in TokenPurpose::ALL {
            for expected in TokenPurpose::ALL {
                let result = check_token(expected, stored, at(60), None, at(0));
                if stored == expected {
                    assert_eq!(result, Ok(()));
                } else {
                    assert_eq!(result, Err(TokenRejection::WrongPurpose));
                }
            }
        }
    }

    #[test]
    fn a_used_token_is_refused_even_before_expiry() {
        let p = TokenPurpose::Invitation;
        assert_eq!(
            check_token(p, p, at(60), Some(at(1)), at(2)),
            Err(TokenRejection::AlreadyUsed)
        );
    }

    #[test]
    fn purposes_round_trip_and_lifetimes_are_short() {
        for p in TokenPurpose::ALL {
            assert_eq!(TokenPurpose::parse(p.as_str()), Some(p));
            assert_eq!(serde_json::to_value(p).unwrap(), p.as_str());
            assert!(p.lifetime() <= TimeDelta::hours(72));
        }
        assert_eq!(TokenPurpose::parse("reset"), None);
        assert!(TokenPurpose::PhoneVerification.lifetime() <= TimeDelta::minutes(10));
        assert_eq!(
            TokenRejection::WrongPurpose.code(),
            serde_json::to_value(TokenRejection::WrongPurpose).unwrap()
        );
    }

    #[test]
    fn a_totp_step_is_accepted_once_and_older_steps_never_after_it() {
        assert_eq!(accept_totp_step(100, None), Ok(100));
        assert_eq!(accept_totp_step(100, Some(99)), Ok(100));
        assert_eq!(accept_totp_step(100, Some(100)), Err(TotpReplay));
        assert_eq!(accept_totp_step(99, Some(100)), Err(TotpReplay));
        assert_eq!(accept_totp_step(0, None), Ok(0));
    }

    #[test]
    fn an_sms_code_has_a_budget_and_a_lifetime() {
        let exp = at(0) + SMS_CODE_LIFETIME;
        assert_eq!(check_sms_code(true, 0, exp, at(0)), Ok(()));
        assert_eq!(
            check_sms_code(false, 0, exp, at(0)),
            Err(SmsCodeRejection::Wrong)
        );
        assert_eq!(
            check_sms_code(true, SMS_CODE_MAX_ATTEMPTS - 1, exp, at(0)),
            Ok(())
        );
        assert_eq!(
            check_sms_code(true, SMS_CODE_MAX_ATTEMPTS, exp, at(0)),
            Err(SmsCodeRejection::TooManyAttempts)
        );
        assert_eq!(
            check_sms_code(true, 0, exp, exp),
            Err(SmsCodeRejection::Expired)
        );
    }
}
