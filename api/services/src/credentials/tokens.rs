//! Opaque link tokens (invitation, password reset, phone verification) and 6-digit SMS codes.
//!
//! A link token is 256 random bits, sent as URL-safe base64 (43 characters) and stored only as
//! SHA-256 of `purpose ‖ 0 ‖ token bytes`. A plain hash is enough here: with 256 bits nobody can
//! guess a preimage, so a leaked table is useless (ASVS 5.0 6.5.2 allows a standard hash from
//! 112 bits up), and the lookup is one indexed equality, no per-row work. Mixing the purpose
//! into the hash means a password-reset token presented to the invitation endpoint hashes to
//! something that is not in the table at all; the stored purpose column and
//! `weiquan_domain::one_time::check_token` check it again.
//!
//! Redeeming: `lookup_hash(expected_purpose, presented)` → `SELECT ... WHERE token_hash = $1`
//! → `check_token(expected, row.purpose, row.expires_at, row.used_at, now)` → act and set
//! `used_at` in the same transaction (`WHERE used_at IS NULL`).
//!
//! SMS codes are 6 digits (20 bits): short enough to type, so they rely on the attempt budget
//! and lifetime in `weiquan_domain::one_time::check_sms_code`. They live in Redis with a TTL;
//! hashing a 20-bit code would not slow anyone down, so it is compared, in constant time.

use std::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use weiquan_domain::TokenPurpose;
use zeroize::Zeroizing;

use super::{CredentialError, rng};

/// Random bytes per link token (256 bits).
pub const TOKEN_BYTES: usize = 32;
/// Digits per SMS code.
pub const SMS_CODE_DIGITS: usize = 6;

/// A newly issued link token: send [`LinkToken::token`] to the person (in the link), store
/// [`LinkToken::hash`] with the purpose and an expiry of `purpose.lifetime()`.
pub struct LinkToken {
    purpose: TokenPurpose,
    token: Zeroizing<String>,
    hash: [u8; 32],
}

impl fmt::Debug for LinkToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LinkToken")
            .field("purpose", &self.purpose)
            .finish_non_exhaustive()
    }
}

impl LinkToken {
    pub fn generate(purpose: TokenPurpose) -> Result<Self, CredentialError> {
        let raw = Zeroizing::new(rng::bytes::<TOKEN_BYTES>()?);
        Ok(Self {
            purpose,
            token: Zeroizing::new(URL_SAFE_NO_PAD.encode(*raw)),
            hash: hash_raw(purpose, &raw),
        })
    }

    pub fn purpose(&self) -> TokenPurpose {
        self.purpose
    }

    /// The secret to put in the link. Never log it.
    pub fn token(&self) -> &str {
        &self.token
    }

    /// What to store (`bytea`, unique index).
    pub fn hash(&self) -> [u8; 32] {
        self.hash
    }
}

/// The hash to look a presented token up by, for the purpose the endpoint serves. `None` when
/// the text cannot be a token (not 43 characters of URL-safe base64 of 32 bytes): answer as
/// for an unknown token.
pub fn lookup_hash(expected: TokenPurpose, presented: &str) -> Option<[u8; 32]> {
    let raw = Zeroizing::new(URL_SAFE_NO_PAD.decode(presented.trim()).ok()?);
    let raw: &[u8; TOKEN_BYTES] = raw.as_slice().try_into().ok()?;
    Some(hash_raw(expected, raw))
}

/// Constant-time equality of two token hashes, for callers that load a row by another key and
/// compare the hash themselves.
pub fn hashes_equal(a: &[u8], b: &[u8]) -> bool {
    a.ct_eq(b).into()
}

fn hash_raw(purpose: TokenPurpose, raw: &[u8; TOKEN_BYTES]) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(purpose.as_str().as_bytes());
    h.update([0u8]);
    h.update(raw);
    h.finalize().into()
}

/// A one-time numeric code for SMS. `Debug` hides it.
#[derive(Clone, PartialEq, Eq)]
pub struct SmsCode(Zeroizing<String>);

impl fmt::Debug for SmsCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SmsCode(..)")
    }
}

impl SmsCode {
    /// Six uniformly random digits (leading zeros included) from the OS RNG.
    pub fn generate() -> Result<Self, CredentialError> {
        let n = rng::below(1_000_000)?;
        Ok(Self(Zeroizing::new(format!("{n:06}"))))
    }

    /// A code loaded from storage.
    pub fn from_stored(code: &str) -> Self {
        Self(Zeroizing::new(code.to_owned()))
    }

    /// The code to send. Never log it.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `input` is this code, comparing in constant time. Spaces and dashes are
    /// ignored and full-width digits (a Chinese IME in full-width mode) count as digits.
    pub fn matches(&self, input: &str) -> bool {
        let typed = ascii_digits(input);
        self.0.as_bytes().ct_eq(typed.as_bytes()).into()
    }
}

/// Digits as typed, made plain: drops white space and dashes, maps full-width ０-９ to 0-9.
/// Other characters are kept, so the comparison still fails on them.
pub(crate) fn ascii_digits(input: &str) -> Zeroizing<String> {
    Zeroizing::new(
        input
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| match c {
                '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
                c => c,
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_token_is_256_bits_of_url_safe_base64() {
        let t = LinkToken::generate(TokenPurpose::Invitation).unwrap();
        assert_eq!(t.token().len(), 43);
        assert!(
            t.token()
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        );
        assert_eq!(URL_SAFE_NO_PAD.decode(t.token()).unwrap().len(), 32);
        let other = LinkToken::generate(TokenPurpose::Invitation).unwrap();
        assert_ne!(t.token(), other.token());
        assert_ne!(t.hash(), other.hash());
    }

    #[test]
    fn the_stored_hash_is_found_only_for_the_same_purpose() {
        let reset = LinkToken::generate(TokenPurpose::PasswordReset).unwrap();
        assert_eq!(
            lookup_hash(TokenPurpose::PasswordReset, reset.token()),
            Some(reset.hash())
        );
        for other in [TokenPurpose::Invitation, TokenPurpose::PhoneVerification] {
            assert_ne!(lookup_hash(other, reset.token()), Some(reset.hash()));
        }
        // SHA-256 of purpose ‖ 0 ‖ bytes, not of the text: the hash does not contain the token.
        let raw: [u8; 32] = URL_SAFE_NO_PAD
            .decode(reset.token())
            .unwrap()
            .try_into()
            .unwrap();
        let plain: [u8; 32] = Sha256::digest(raw).into();
        assert_ne!(reset.hash(), plain);
    }

    #[test]
    fn malformed_tokens_have_no_lookup_hash() {
        let t = LinkToken::generate(TokenPurpose::PasswordReset).unwrap();
        let p = TokenPurpose::PasswordReset;
        assert_eq!(lookup_hash(p, &format!(" {}\n", t.token())), Some(t.hash()));
        assert_eq!(lookup_hash(p, &t.token()[..42]), None);
        assert_eq!(lookup_hash(p, &format!("{}A", t.token())), None);
        assert_eq!(
            lookup_hash(p, &format!("+{}", &t.token()[1..])),
            None,
            "standard alphabet"
        );
        assert_eq!(lookup_hash(p, ""), None);
        assert_eq!(lookup_hash(p, "密码"), None);
    }

    #[test]
    fn hash_comparison_is_exact() {
        let a = LinkToken::generate(TokenPurpose::Invitation)
            .unwrap()
            .hash();
        let mut b = a;
        assert!(hashes_equal(&a, &b));
        b[31] ^= 1;
        assert!(!hashes_equal(&a, &b));
        assert!(!hashes_equal(&a, &a[..31]));
    }

    #[test]
    fn sms_codes_are_six_digits_and_vary() {
        let codes: Vec<SmsCode> = (0..200).map(|_| SmsCode::generate().unwrap()).collect();
        for c in &codes {
            assert_eq!(c.as_str().len(), SMS_CODE_DIGITS);
            assert!(c.as_str().bytes().all(|b| b.is_ascii_digit()));
        }
        let mut distinct: Vec<&str> = codes.iter().map(SmsCode::as_str).collect();
        distinct.sort_unstable();
        distinct.dedup();
        assert!(distinct.len() > 190, "{} distinct of 200", distinct.len());
        // Leading zeros are kept (some codes start with 0 among 200 draws, almost surely).
        assert!(codes.iter().any(|c| c.as_str().starts_with('0')) || distinct.len() == 200);
    }

    #[test]
    fn sms_code_input_is_forgiving_about_format_only() {
        let code = SmsCode::from_stored("012345");
        assert!(code.matches("012345"));
        assert!(code.matches(" 012 345 "));
        assert!(code.matches("012-345"));
        assert!(code.matches("０１２３４５"));
        assert!(!code.matches("12345"));
        assert!(!code.matches("0123456"));
        assert!(!code.matches("012346"));
        assert!(!code.matches(""));
        assert_eq!(format!("{code:?}"), "SmsCode(..)");
    }

    #[test]
    fn debug_hides_tokens() {
        let t = LinkToken::generate(TokenPurpose::PhoneVerification).unwrap();
        assert!(!format!("{t:?}").contains(t.token()));
    }
}
