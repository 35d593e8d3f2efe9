//! Time-based one-time passwords (RFC 6238) as authenticator apps expect them: HMAC-SHA-1,
//! 6 digits, 30-second steps, through `totp-rs`. Codes are accepted one step early or late
//! (clock drift, RFC 6238 §5.2) and each time step at most once per user (replay protection:
//! the verifier returns the step, `weiquan_domain::one_time::accept_totp_step` decides, the
//! caller stores it). Attempts must also be rate-limited by the caller (6 digits are 20 bits).
//!
//! The secret is 160 bits (RFC 4226 §4 recommends it), shown to the user once as base32 inside
//! the `otpauth://` URI that the SPA draws as a QR code, and stored only encrypted
//! ([`super::SecretBox`]).

use std::fmt;

use totp_rs::{Algorithm, Builder, Totp};
use weiquan_domain::one_time::{TotpReplay, accept_totp_step};
use zeroize::Zeroizing;

use super::{CredentialError, rng};

/// Issuer shown in authenticator apps and used as the label prefix.
pub const ISSUER: &str = "Weiquan";
/// Digits per code.
pub const DIGITS: u8 = 6;
/// Seconds per time step.
pub const STEP_SECS: u64 = 30;
/// Steps accepted either side of the current one.
pub const SKEW_STEPS: u16 = 1;
/// Secret length in bytes (160 bits).
pub const SECRET_LEN: usize = 20;

/// A TOTP shared secret. Zeroed on drop; `Debug` does not show it.
#[derive(Clone, PartialEq, Eq)]
pub struct TotpSecret(Zeroizing<Vec<u8>>);

impl fmt::Debug for TotpSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TotpSecret(..)")
    }
}

/// Why a TOTP code is refused. Show the user one message for both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TotpRejection {
    /// Not the code of the current step or a neighbour (or not 6 digits).
    #[error("the code is wrong")]
    Invalid,
    /// The code is right but its step was already used (or an older one is presented after a
    /// newer one was accepted).
    #[error("this code has already been used")]
    Replayed,
}

impl TotpRejection {
    pub fn code(self) -> &'static str {
        match self {
            Self::Invalid => "invalid",
            Self::Replayed => "replayed",
        }
    }
}

impl From<TotpReplay> for TotpRejection {
    fn from(_: TotpReplay) -> Self {
        Self::Replayed
    }
}

impl TotpSecret {
    /// A new random 160-bit secret from the OS RNG.
    pub fn generate() -> Result<Self, CredentialError> {
        Ok(Self(Zeroizing::new(rng::bytes::<SECRET_LEN>()?.to_vec())))
    }

    /// A secret loaded from storage (after [`super::SecretBox::open`]). At least 128 bits.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Self, CredentialError> {
        let bytes = Zeroizing::new(bytes);
        if bytes.len() < 16 {
            return Err(CredentialError::Invalid(
                "a TOTP secret has at least 128 bits".into(),
            ));
        }
        Ok(Self(bytes))
    }

    /// The raw bytes, to encrypt for storage.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// RFC 4648 base32 without padding, the form people type into an app by hand.
    pub fn to_base32(&self) -> Result<Zeroizing<String>, CredentialError> {
        Ok(Zeroizing::new(self.totp(DIGITS, "")?.secret().to_base32()))
    }

    /// `otpauth://totp/Weiquan:{account}?secret=...&issuer=Weiquan` (Key URI Format; SHA-1,
    /// 6 digits and 30 s are the defaults, so they are left out). `account` is what the app
    /// lists under the issuer, e.g. the user name; it is percent-encoded and may not contain
    /// ':' (it separates issuer and account).
    pub fn provisioning_uri(&self, account: &str) -> Result<Zeroizing<String>, CredentialError> {
        if account.trim().is_empty() || account.contains(':') {
            return Err(CredentialError::Invalid(
                "a TOTP account name is non-empty and has no ':'".into(),
            ));
        }
        self.totp(DIGITS, account)?
            .to_url()
            .map(Zeroizing::new)
            .map_err(|e| CredentialError::Invalid(format!("{e:?}")))
    }

    /// Checks `code` at `unix_time` (seconds; the server's clock, never the client's). Spaces
    /// and dashes that apps insert ("123 456") are ignored, full-width digits count as digits.
    /// On success returns the accepted
    /// time step, which the caller stores as the user's `last_used_step`.
    pub fn verify(
        &self,
        code: &str,
        unix_time: u64,
        last_used_step: Option<u64>,
    ) -> Result<u64, TotpRejection> {
        let code = super::tokens::ascii_digits(code);
        let totp = self.totp(DIGITS, "").map_err(|_| TotpRejection::Invalid)?;
        let step = totp.check(&code, unix_time).ok_or(TotpRejection::Invalid)?;
        Ok(accept_totp_step(step, last_used_step)?)
    }

    /// The code an authenticator app shows at `unix_time` (for tests and operator tooling).
    pub fn code_at(&self, unix_time: u64) -> Result<String, CredentialError> {
        Ok(self.totp(DIGITS, "")?.generate(unix_time).to_string())
    }

    /// The time step a Unix time falls in.
    pub fn step_at(unix_time: u64) -> u64 {
        unix_time / STEP_SECS
    }

    /// `build()` validates digits (6..=8), secret length (>= 128 bits) and the account name,
    /// so generating and checking cannot hit totp-rs's panics on bad configuration.
    fn totp(&self, digits: u8, account: &str) -> Result<Totp, CredentialError> {
        Builder::new()
            .with_algorithm(Algorithm::SHA1)
            .with_digits(digits)
            .with_skew(SKEW_STEPS)
            .with_step_duration(STEP_SECS)
            .with_secret(self.0.as_slice())
            .with_issuer(Some(ISSUER))
            .with_account_name(account)
            .build()
            .map_err(|e| CredentialError::Invalid(format!("{e:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238 Appendix B, SHA-1 column: the ASCII secret "12345678901234567890", 8 digits.
    #[test]
    fn rfc_6238_appendix_b_sha1_vectors() {
        let secret = TotpSecret::from_bytes(b"12345678901234567890".to_vec()).unwrap();
        let totp = secret.totp(8, "").unwrap();
        for (time, expected) in [
            (59, "94287082"),
            (1_111_111_109, "07081804"),
            (1_111_111_111, "14050471"),
            (1_234_567_890, "89005924"),
            (2_000_000_000, "69279037"),
            (20_000_000_000, "65353130"),
        ] {
            assert_eq!(totp.generate(time).to_string(), expected, "T = {time}");
        }
    }

    /// The same secret with 6 digits: the last 6 digits of the 8-digit values (RFC 4226 §5.3
    /// truncates modulo 10^digits).
    #[test]
    fn six_digit_codes_verify_and_return_their_step() {
        let secret = TotpSecret::from_bytes(b"12345678901234567890".to_vec()).unwrap();
        assert_eq!(secret.verify("287082", 59, None), Ok(1));
        assert_eq!(secret.verify("081804", 1_111_111_109, None), Ok(37_037_036));
        assert_eq!(secret.verify("050471", 1_111_111_111, None), Ok(37_037_037));
        assert_eq!(secret.verify("287 082", 59, None), Ok(1), "spaces ignored");
        assert_eq!(secret.verify("287-082", 59, None), Ok(1), "dashes ignored");
        assert_eq!(
            secret.verify("２８７０８２", 59, None),
            Ok(1),
            "full-width digits"
        );
        assert_eq!(
            secret.verify("287083", 59, None),
            Err(TotpRejection::Invalid)
        );
        assert_eq!(
            secret.verify("94287082", 59, None),
            Err(TotpRejection::Invalid)
        );
        assert_eq!(
            secret.verify("28708", 59, None),
            Err(TotpRejection::Invalid)
        );
        assert_eq!(
            secret.verify("+87082", 59, None),
            Err(TotpRejection::Invalid)
        );
        assert_eq!(secret.verify("", 59, None), Err(TotpRejection::Invalid));
    }

    #[test]
    fn one_step_of_skew_either_way_and_no_more() {
        let secret = TotpSecret::generate().unwrap();
        let now = 1_750_000_005; // inside step 58_333_333
        let step = TotpSecret::step_at(now);
        let code_at = |s: u64| {
            secret
                .totp(DIGITS, "")
                .unwrap()
                .generate(s * STEP_SECS)
                .to_string()
        };
        assert_eq!(secret.verify(&code_at(step), now, None), Ok(step));
        assert_eq!(secret.verify(&code_at(step - 1), now, None), Ok(step - 1));
        assert_eq!(secret.verify(&code_at(step + 1), now, None), Ok(step + 1));
        for far in [step - 2, step + 2] {
            let code = code_at(far);
            // A random secret may give two steps the same code (1 in 10^6); skip that case.
            if [step - 1, step, step + 1]
                .iter()
                .all(|s| code_at(*s) != code)
            {
                assert_eq!(secret.verify(&code, now, None), Err(TotpRejection::Invalid));
            }
        }
    }

    #[test]
    fn a_code_is_accepted_once() {
        let secret = TotpSecret::from_bytes(b"12345678901234567890".to_vec()).unwrap();
        let step = secret.verify("287082", 59, None).unwrap();
        assert_eq!(
            secret.verify("287082", 59, Some(step)),
            Err(TotpRejection::Replayed)
        );
        // Still refused 30 s later, while the code is within the skew window.
        assert_eq!(
            secret.verify("287082", 89, Some(step)),
            Err(TotpRejection::Replayed)
        );
        // The next step's code is fine.
        let next = secret.totp(DIGITS, "").unwrap().generate(60).to_string();
        assert_eq!(secret.verify(&next, 89, Some(step)), Ok(2));
        // After step 2 was used, the step-1 code is refused even though it is in the window.
        assert_eq!(
            secret.verify("287082", 60, Some(2)),
            Err(TotpRejection::Replayed)
        );
    }

    #[test]
    fn generated_secrets_are_160_bits_and_distinct() {
        let a = TotpSecret::generate().unwrap();
        let b = TotpSecret::generate().unwrap();
        assert_eq!(a.as_bytes().len(), 20);
        assert_ne!(a, b);
        assert_eq!(
            a.to_base32().unwrap().len(),
            32,
            "160 bits = 32 base32 characters"
        );
        assert!(
            a.to_base32()
                .unwrap()
                .chars()
                .all(|c| c.is_ascii_uppercase() || ('2'..='7').contains(&c))
        );
        assert!(TotpSecret::from_bytes(vec![0; 15]).is_err());
    }

    #[test]
    fn the_provisioning_uri_is_what_authenticator_apps_read() {
        let secret = TotpSecret::from_bytes(b"12345678901234567890".to_vec()).unwrap();
        assert_eq!(
            secret.provisioning_uri("zhangwei").unwrap().as_str(),
            "otpauth://totp/Weiquan:zhangwei?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Weiquan"
        );
        // Non-ASCII and reserved characters are percent-encoded.
        let uri = secret.provisioning_uri("张伟 @北京").unwrap();
        assert!(
            uri.starts_with(
                "otpauth://totp/Weiquan:%E5%BC%A0%E4%BC%9F%20%40%E5%8C%97%E4%BA%AC?secret="
            ),
            "{}",
            uri.as_str()
        );
        assert!(secret.provisioning_uri("a:b").is_err());
        assert!(secret.provisioning_uri(" ").is_err());
    }

    #[test]
    fn debug_hides_the_secret() {
        let secret = TotpSecret::from_bytes(b"12345678901234567890".to_vec()).unwrap();
        assert_eq!(format!("{secret:?}"), "TotpSecret(..)");
    }
}
