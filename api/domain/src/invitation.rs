//! Invitations to join an organisation: what an invitation's state is, whether its link may
//! be redeemed now, and what a well-formed invitee looks like. Pure functions of what is
//! stored and the time; the token itself is `weiquan_services::credentials::tokens`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::one_time::{TokenPurpose, TokenRejection, check_token};

/// Where an invitation stands, derived from its timestamps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InvitationStatus {
    /// Waiting for the invitee; the link works.
    Open,
    /// Not accepted in time; an administrator may resend it.
    Expired,
    /// The invitee set a password; the account is active.
    Accepted,
    /// Withdrawn by an administrator; the account can never be activated.
    Revoked,
}

impl InvitationStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Expired => "expired",
            Self::Accepted => "accepted",
            Self::Revoked => "revoked",
        }
    }

    /// Whether it can still be resent or revoked.
    pub fn is_pending(self) -> bool {
        matches!(self, Self::Open | Self::Expired)
    }
}

/// The status of an invitation at `now`. Accepted and revoked are final, whatever the expiry.
pub fn status(
    expires_at: DateTime<Utc>,
    used_at: Option<DateTime<Utc>>,
    revoked_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> InvitationStatus {
    if used_at.is_some() {
        InvitationStatus::Accepted
    } else if revoked_at.is_some() {
        InvitationStatus::Revoked
    } else if now >= expires_at {
        InvitationStatus::Expired
    } else {
        InvitationStatus::Open
    }
}

/// Why an invitation link is refused. Callers show ONE answer for all of them
/// (`invitation_invalid`); the reason goes to the audit log only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum InvitationRejection {
    #[error("no invitation has this token")]
    Unknown,
    #[error(transparent)]
    Token(TokenRejection),
    #[error("the invitation was revoked")]
    Revoked,
    #[error("the invited account is no longer waiting for activation")]
    AccountNotInvited,
}

impl InvitationRejection {
    pub fn code(self) -> &'static str {
        match self {
            Self::Unknown => "unknown",
            Self::Token(t) => t.code(),
            Self::Revoked => "revoked",
            Self::AccountNotInvited => "account_not_invited",
        }
    }
}

/// Whether a stored invitation may be redeemed now: the right purpose, not used, not expired,
/// not revoked, and its account still `invited` (an administrator may have disabled it).
pub fn check_redeemable(
    stored_purpose: &str,
    expires_at: DateTime<Utc>,
    used_at: Option<DateTime<Utc>>,
    revoked_at: Option<DateTime<Utc>>,
    user_status: &str,
    now: DateTime<Utc>,
) -> Result<(), InvitationRejection> {
    let purpose = TokenPurpose::parse(stored_purpose).ok_or(InvitationRejection::Unknown)?;
    check_token(TokenPurpose::Invitation, purpose, expires_at, used_at, now)
        .map_err(InvitationRejection::Token)?;
    if revoked_at.is_some() {
        return Err(InvitationRejection::Revoked);
    }
    if user_status != "invited" {
        return Err(InvitationRejection::AccountNotInvited);
    }
    Ok(())
}

/// A field of a new invitation that is not acceptable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum InviteeError {
    #[error("user name: 3 to 64 of a-z, 0-9, '.', '_', '@', '-', starting with a letter or digit")]
    Username,
    #[error("display name: 1 to 100 characters")]
    DisplayName,
    #[error("not an email address")]
    Email,
}

/// The canonical user name (trimmed, lower case) if it is acceptable; the same rule as the
/// `users.username` CHECK.
pub fn normalise_username(input: &str) -> Result<String, InviteeError> {
    let name = input.trim().to_lowercase();
    let len = name.chars().count();
    let mut chars = name.chars();
    let first_ok = chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    let rest_ok = chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._@-".contains(c));
    if (3..=64).contains(&len) && first_ok && rest_ok {
        Ok(name)
    } else {
        Err(InviteeError::Username)
    }
}

/// A display name, trimmed, 1 to 100 characters, no control characters.
pub fn normalise_display_name(input: &str) -> Result<String, InviteeError> {
    let name = input.trim();
    let len = name.chars().count();
    if (1..=100).contains(&len) && !name.chars().any(char::is_control) {
        Ok(name.to_owned())
    } else {
        Err(InviteeError::DisplayName)
    }
}

/// An email address, trimmed: one `@` with a non-empty local part and a dotted domain, no
/// spaces or control characters, at most 254 characters. Deliberately simple: the link in the
/// email is the real check.
pub fn normalise_email(input: &str) -> Result<String, InviteeError> {
    let email = input.trim();
    let Some((local, domain)) = email.split_once('@') else {
        return Err(InviteeError::Email);
    };
    let ok = email.len() <= 254
        && !local.is_empty()
        && local.len() <= 64
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(|c| c.is_whitespace() || c.is_control());
    if ok {
        Ok(email.to_owned())
    } else {
        Err(InviteeError::Email)
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeDelta;

    use super::*;

    fn at(secs: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_750_000_000 + secs, 0).unwrap()
    }

    #[test]
    fn status_is_final_once_accepted_or_revoked() {
        assert_eq!(status(at(10), None, None, at(0)), InvitationStatus::Open);
        assert_eq!(
            status(at(10), None, None, at(10)),
            InvitationStatus::Expired
        );
        assert_eq!(
            status(at(10), Some(at(5)), None, at(100)),
            InvitationStatus::Accepted
        );
        assert_eq!(
            status(at(10), None, Some(at(5)), at(100)),
            InvitationStatus::Revoked
        );
        assert!(InvitationStatus::Expired.is_pending());
        assert!(!InvitationStatus::Accepted.is_pending());
    }

    #[test]
    fn only_an_open_invitation_for_an_invited_account_is_redeemable() {
        let exp = at(0) + TimeDelta::hours(72);
        assert_eq!(
            check_redeemable("invitation", exp, None, None, "invited", at(0)),
            Ok(())
        );
        assert_eq!(
            check_redeemable("invitation", exp, None, None, "invited", exp),
            Err(InvitationRejection::Token(TokenRejection::Expired))
        );
        assert_eq!(
            check_redeemable("invitation", exp, Some(at(1)), None, "active", at(2)),
            Err(InvitationRejection::Token(TokenRejection::AlreadyUsed))
        );
        assert_eq!(
            check_redeemable("invitation", exp, None, Some(at(1)), "disabled", at(2)),
            Err(InvitationRejection::Revoked)
        );
        assert_eq!(
            check_redeemable("invitation", exp, None, None, "disabled", at(2)),
            Err(InvitationRejection::AccountNotInvited)
        );
        assert_eq!(
            check_redeemable("bogus", exp, None, None, "invited", at(2)),
            Err(InvitationRejection::Unknown)
        );
    }

    #[test]
    fn a_token_of_another_purpose_is_never_an_invitation() {
        for purpose in [TokenPurpose::PasswordReset, TokenPurpose::PhoneVerification] {
            assert_eq!(
                check_redeemable(purpose.as_str(), at(60), None, None, "invited", at(0)),
                Err(InvitationRejection::Token(TokenRejection::WrongPurpose))
            );
        }
    }

    #[test]
    fn invitee_fields_are_normalised_or_refused() {
        assert_eq!(
            normalise_username(" Shekou.Handler ").unwrap(),
            "shekou.handler"
        );
        assert_eq!(normalise_username("a@b-c_d.e").unwrap(), "a@b-c_d.e");
        for bad in ["ab", ".abc", "with space", "名字abc", &"a".repeat(65), ""] {
            assert_eq!(
                normalise_username(bad),
                Err(InviteeError::Username),
                "{bad}"
            );
        }
        assert_eq!(normalise_display_name(" 张三 ").unwrap(), "张三");
        assert_eq!(normalise_display_name("  "), Err(InviteeError::DisplayName));
        assert_eq!(
            normalise_display_name("a\u{0}b"),
            Err(InviteeError::DisplayName)
        );
        assert_eq!(
            normalise_display_name(&"名".repeat(101)),
            Err(InviteeError::DisplayName)
        );
        assert_eq!(normalise_email(" li@example.cn ").unwrap(), "li@example.cn");
        for bad in [
            "li", "li@", "@x.cn", "li@cn", "li@x.cn.", "l i@x.cn", "a@b@x.cn",
        ] {
            assert_eq!(normalise_email(bad), Err(InviteeError::Email), "{bad}");
        }
    }
}
