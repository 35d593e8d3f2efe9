//! The audit log's rules: what is recorded (actions, outcomes, who acted) and how a record is
//! hashed into its chain.
//!
//! A record's hash is `SHA-256(prev_hash || canonical(record))`, where `canonical` is the
//! byte string defined by [`ChainedFields::canonical_bytes`]. It lives here, as pure code,
//! because it is a rule that must never change silently: the database layer uses it to append
//! and to verify, and a golden test (checked against an independent implementation) pins it.
//! `sha2` is the one crate this needs: pure computation, no I/O.

use std::net::IpAddr;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::access::{Actor, ClientId, OrgId, UserId};

/// A SHA-256 digest.
pub type Hash = [u8; 32];

/// The `prev_hash` of the first record of every chain.
pub const GENESIS: Hash = [0; 32];

/// The law asks for at least six months; retention below this is refused by configuration.
pub const MIN_RETENTION_DAYS: u32 = 183;

/// Prefix of the canonical form; a new serialisation would get a new tag.
const FORMAT_TAG: &[u8; 8] = b"WQAUDIT1";

/// What was attempted. Stable snake_case names: they are stored, searched and shown, so a
/// name is never changed once released (add a new one instead).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    SignIn,
    SignInFailed,
    SignOut,
    SecondFactorPassed,
    SecondFactorFailed,
    AccountLocked,
    AccessDenied,
    UserRegistered,
    UserInvited,
    UserUpdated,
    UserDisabled,
    UserEnabled,
    PasswordChanged,
    PasswordReset,
    RoleChanged,
    OrgCreated,
    OrgUpdated,
    ClientRegistered,
    ClientSecretRotated,
    ClientRevoked,
    ClientTokenIssued,
    ClientTokenRefused,
    SessionRevoked,
    SessionsRevokedAll,
    AuditPruned,
    InvitationResent,
    InvitationRevoked,
    InvitationAccepted,
    ApplicationSubmitted,
    ApplicationApproved,
    ApplicationRejected,
    CategoryCreated,
    CategoryUpdated,
}

impl AuditAction {
    pub const ALL: [Self; 33] = [
        Self::SignIn,
        Self::SignInFailed,
        Self::SignOut,
        Self::SecondFactorPassed,
        Self::SecondFactorFailed,
        Self::AccountLocked,
        Self::AccessDenied,
        Self::UserRegistered,
        Self::UserInvited,
        Self::UserUpdated,
        Self::UserDisabled,
        Self::UserEnabled,
        Self::PasswordChanged,
        Self::PasswordReset,
        Self::RoleChanged,
        Self::OrgCreated,
        Self::OrgUpdated,
        Self::ClientRegistered,
        Self::ClientSecretRotated,
        Self::ClientRevoked,
        Self::ClientTokenIssued,
        Self::ClientTokenRefused,
        Self::SessionRevoked,
        Self::SessionsRevokedAll,
        Self::AuditPruned,
        Self::InvitationResent,
        Self::InvitationRevoked,
        Self::InvitationAccepted,
        Self::ApplicationSubmitted,
        Self::ApplicationApproved,
        Self::ApplicationRejected,
        Self::CategoryCreated,
        Self::CategoryUpdated,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::SignIn => "sign_in",
            Self::SignInFailed => "sign_in_failed",
            Self::SignOut => "sign_out",
            Self::SecondFactorPassed => "second_factor_passed",
            Self::SecondFactorFailed => "second_factor_failed",
            Self::AccountLocked => "account_locked",
            Self::AccessDenied => "access_denied",
            Self::UserRegistered => "user_registered",
            Self::UserInvited => "user_invited",
            Self::UserUpdated => "user_updated",
            Self::UserDisabled => "user_disabled",
            Self::UserEnabled => "user_enabled",
            Self::PasswordChanged => "password_changed",
            Self::PasswordReset => "password_reset",
            Self::RoleChanged => "role_changed",
            Self::OrgCreated => "org_created",
            Self::OrgUpdated => "org_updated",
            Self::ClientRegistered => "client_registered",
            Self::ClientSecretRotated => "client_secret_rotated",
            Self::ClientRevoked => "client_revoked",
            Self::ClientTokenIssued => "client_token_issued",
            Self::ClientTokenRefused => "client_token_refused",
            Self::SessionRevoked => "session_revoked",
            Self::SessionsRevokedAll => "sessions_revoked_all",
            Self::AuditPruned => "audit_pruned",
            Self::InvitationResent => "invitation_resent",
            Self::InvitationRevoked => "invitation_revoked",
            Self::InvitationAccepted => "invitation_accepted",
            Self::ApplicationSubmitted => "application_submitted",
            Self::ApplicationApproved => "application_approved",
            Self::ApplicationRejected => "application_rejected",
            Self::CategoryCreated => "category_created",
            Self::CategoryUpdated => "category_updated",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

/// How the attempt ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Success,
    /// Refused for a reason other than permission (wrong password, expired code).
    Failure,
    /// Refused by a permission decision.
    Denied,
}

impl Outcome {
    pub const ALL: [Self; 3] = [Self::Success, Self::Failure, Self::Denied];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Success => "success",
            Self::Failure => "failure",
            Self::Denied => "denied",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.as_str() == s)
    }
}

/// Which kind of caller acted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    Anonymous,
    Consumer,
    Member,
    Client,
    /// The platform itself: scheduled jobs, command-line maintenance.
    System,
}

impl ActorKind {
    pub const ALL: [Self; 5] = [
        Self::Anonymous,
        Self::Consumer,
        Self::Member,
        Self::Client,
        Self::System,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Anonymous => "anonymous",
            Self::Consumer => "consumer",
            Self::Member => "member",
            Self::Client => "client",
            Self::System => "system",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Who acted, as the audit log stores it: ids only, so a record outlives the account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditActor {
    pub kind: ActorKind,
    pub user: Option<UserId>,
    pub client: Option<ClientId>,
    pub org: Option<OrgId>,
}

impl AuditActor {
    pub fn system() -> Self {
        Self {
            kind: ActorKind::System,
            user: None,
            client: None,
            org: None,
        }
    }

    pub fn anonymous() -> Self {
        Self {
            kind: ActorKind::Anonymous,
            ..Self::system()
        }
    }
}

impl From<&Actor> for AuditActor {
    fn from(actor: &Actor) -> Self {
        let kind = match actor {
            Actor::Anonymous => ActorKind::Anonymous,
            Actor::Consumer { .. } => ActorKind::Consumer,
            Actor::Member { .. } => ActorKind::Member,
            Actor::Client { .. } => ActorKind::Client,
        };
        let client = match actor {
            Actor::Client { client, .. } => Some(*client),
            _ => None,
        };
        Self {
            kind,
            user: actor.user(),
            client,
            org: actor.org().map(|o| o.id),
        }
    }
}

/// Every field of a record that its hash covers, in the form stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainedFields<'a> {
    pub id: i64,
    pub chain: i16,
    pub seq: i64,
    /// Microseconds since the Unix epoch (PostgreSQL's `timestamptz` precision).
    pub at_micros: i64,
    pub actor_kind: &'a str,
    pub actor_user_id: Option<i64>,
    pub actor_client_id: Option<i64>,
    pub actor_org_id: Option<i64>,
    pub org_path: Option<&'a str>,
    pub action: &'a str,
    pub outcome: &'a str,
    pub ip: Option<IpAddr>,
    pub user_agent: Option<&'a str>,
    pub subject: Option<&'a str>,
    /// The detail as PostgreSQL's `jsonb` text output writes it (`detail::text`). That text
    /// is canonical for a `jsonb` value (keys sorted and deduplicated, fixed spacing, numbers
    /// as stored), so hashing it avoids re-serialising JSON in Rust, where number formatting
    /// and key order could differ from what the database gives back.
    pub detail: &'a str,
}

impl ChainedFields<'_> {
    /// The canonical serialisation, version 1:
    ///
    /// ```text
    /// "WQAUDIT1"
    /// id i64 | chain i16 | seq i64 | at_micros i64          big-endian two's complement
    /// str actor_kind | opt i64 actor_user_id | opt i64 actor_client_id | opt i64 actor_org_id
    /// opt str org_path | str action | str outcome
    /// ip: 0x00 (none) | 0x04 + 4 bytes | 0x06 + 16 bytes
    /// opt str user_agent | opt str subject | str detail
    /// ```
    /// where `str` is a u32 big-endian byte length then the UTF-8 bytes, and `opt x` is 0x00
    /// for null or 0x01 followed by `x`. Every field has a fixed position and every variable
    /// one a length, so two different records never serialise to the same bytes.
    pub fn canonical_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(128 + self.detail.len());
        out.extend_from_slice(FORMAT_TAG);
        out.extend_from_slice(&self.id.to_be_bytes());
        out.extend_from_slice(&self.chain.to_be_bytes());
        out.extend_from_slice(&self.seq.to_be_bytes());
        out.extend_from_slice(&self.at_micros.to_be_bytes());
        put_str(&mut out, self.actor_kind);
        for id in [self.actor_user_id, self.actor_client_id, self.actor_org_id] {
            put_opt(&mut out, id, |out, v| {
                out.extend_from_slice(&v.to_be_bytes())
            });
        }
        put_opt(&mut out, self.org_path, put_str);
        put_str(&mut out, self.action);
        put_str(&mut out, self.outcome);
        match self.ip {
            None => out.push(0),
            Some(IpAddr::V4(v4)) => {
                out.push(4);
                out.extend_from_slice(&v4.octets());
            }
            Some(IpAddr::V6(v6)) => {
                out.push(6);
                out.extend_from_slice(&v6.octets());
            }
        }
        put_opt(&mut out, self.user_agent, put_str);
        put_opt(&mut out, self.subject, put_str);
        put_str(&mut out, self.detail);
        out
    }
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    // Stored strings are bounded far below 4 GiB (CHECK constraints); saturate rather than
    // wrap so that an impossible length can never alias a shorter one.
    let len = u32::try_from(s.len()).unwrap_or(u32::MAX);
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(s.as_bytes());
}

fn put_opt<T>(out: &mut Vec<u8>, value: Option<T>, put: impl FnOnce(&mut Vec<u8>, T)) {
    match value {
        None => out.push(0),
        Some(v) => {
            out.push(1);
            put(out, v);
        }
    }
}

/// The hash of a record whose predecessor's hash is `prev`.
pub fn chain_hash(prev: &Hash, fields: &ChainedFields<'_>) -> Hash {
    let mut hasher = Sha256::new();
    hasher.update(prev);
    hasher.update(fields.canonical_bytes());
    hasher.finalize().into()
}

/// Lower-case hex, for printing hashes.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 0xf)]));
    }
    s
}

#[cfg(test)]
#[path = "audit_tests.rs"]
mod tests;
