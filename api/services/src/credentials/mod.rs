//! Credential primitives for sign-in, registration and second-factor enrolment: plain library
//! code, no I/O of its own. The use cases that store and look up what these produce are built
//! on top (users table, Redis for SMS codes).
//!
//! | module | what |
//! |---|---|
//! | [`password_hash`] | argon2id PHC hashing, verification, rehash detection, the dummy path for unknown accounts |
//! | [`totp`] | RFC 6238 secrets, `otpauth://` URIs, verification returning the time step (replay: `weiquan_domain::one_time`) |
//! | [`recovery`] | 10 single-use recovery codes, hashed with argon2id |
//! | [`secret_box`] | AES-256-GCM for secrets at rest (TOTP secrets), key from `WEIQUAN_SECRET_KEY` |
//! | [`client_secret`] | OAuth2 client identifiers and 256-bit secrets (SHA-256 stored, constant-time check) |
//! | [`tokens`] | opaque link tokens (SHA-256 stored, purpose-bound) and 6-digit SMS codes |
//!
//! Every secret comes from the operating system's RNG ([`rng`]). Nothing here logs or formats
//! a password, code, token or key: the types that hold them redact `Debug`.
//!
//! Password hashing and recovery-code checks cost tens of milliseconds of CPU each: call the
//! blocking methods only from `tokio::task::spawn_blocking` (or use the `*_async` wrappers,
//! which do that and bound how many run at once), never on an async worker and never inside
//! `Db::run` (that would hold a pooled connection while hashing).

pub mod client_secret;
pub mod password_hash;
pub mod recovery;
pub mod rng;
pub mod secret_box;
pub mod tokens;
pub mod totp;

pub use password_hash::{HashParams, LoginCheck, PasswordHasher};
pub use recovery::{RecoveryCode, RecoveryCodes};
pub use secret_box::{SecretBox, SecretKey};
pub use tokens::{LinkToken, SmsCode};
pub use totp::{TotpRejection, TotpSecret};

use crate::ServiceError;

/// What can go wrong in the primitives. None of these is the user's fault (a wrong password is
/// `Ok(false)`, not an error): they map to a 500 and are logged without secret material.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CredentialError {
    /// The operating system's random number generator failed.
    #[error("the OS random number generator failed: {0}")]
    Random(String),
    /// Hashing parameters or a stored hash are unusable.
    #[error("password hashing failed: {0}")]
    Hash(String),
    /// A stored value is not in the expected format (not a PHC string, a too-short ciphertext).
    #[error("malformed stored {0}")]
    Malformed(&'static str),
    /// Decryption failed: the ciphertext was altered, bound to other data, or made under
    /// another key.
    #[error("decryption failed (tampered, wrong context or wrong key)")]
    Decrypt,
    /// A ciphertext names a key version this server does not have.
    #[error("ciphertext uses unknown key version {0}")]
    UnknownKeyVersion(u8),
    /// A key is not 32 bytes of standard base64.
    #[error("invalid key: {0}")]
    InvalidKey(&'static str),
    /// Input that cannot become a credential (e.g. an account name with ':' for a TOTP URI).
    #[error("invalid input: {0}")]
    Invalid(String),
    /// A blocking task panicked or was cancelled.
    #[error("credential task failed: {0}")]
    Task(String),
}

impl From<CredentialError> for ServiceError {
    fn from(e: CredentialError) -> Self {
        ServiceError::Internal(e.to_string())
    }
}
