//! Credentials of OAuth2 integration clients: a public identifier `wqc_` + 128 random bits and a
//! secret `wqs_` + 256 random bits (URL-safe base64, no padding), both from the OS RNG.
//!
//! The secret is shown to the administrator once and stored only as SHA-256 of
//! `"api-client-secret" ‖ 0 ‖ secret bytes`. A fast hash is right here, unlike for passwords:
//! 256 random bits cannot be guessed, so a slow hash would add CPU cost to every token request
//! and no protection (ASVS 5.0 6.5.2: a standard hash function suffices for secrets of 112 bits
//! or more). The presented secret's hash is compared with the stored one in constant time.

use std::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

use super::{CredentialError, rng};

pub const CLIENT_ID_PREFIX: &str = "wqc_";
pub const SECRET_PREFIX: &str = "wqs_";
/// Random bytes of the public identifier (128 bits).
const ID_BYTES: usize = 16;
/// Random bytes of the secret (256 bits).
const SECRET_BYTES: usize = 32;
const DOMAIN: &[u8] = b"api-client-secret";

/// A client identifier and a fresh secret. `Debug` shows the identifier only.
pub struct ClientCredentials {
    pub client_id: String,
    secret: Zeroizing<String>,
    hash: [u8; 32],
}

impl fmt::Debug for ClientCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientCredentials")
            .field("client_id", &self.client_id)
            .finish_non_exhaustive()
    }
}

impl ClientCredentials {
    /// A new identifier and secret.
    pub fn generate() -> Result<Self, CredentialError> {
        let id = rng::bytes::<ID_BYTES>()?;
        let mut credentials = Self::new_secret()?;
        credentials.client_id = format!("{CLIENT_ID_PREFIX}{}", URL_SAFE_NO_PAD.encode(id));
        Ok(credentials)
    }

    /// A new secret for an existing client (rotation); `client_id` is left empty.
    pub fn new_secret() -> Result<Self, CredentialError> {
        let raw = Zeroizing::new(rng::bytes::<SECRET_BYTES>()?);
        Ok(Self {
            client_id: String::new(),
            secret: Zeroizing::new(format!("{SECRET_PREFIX}{}", URL_SAFE_NO_PAD.encode(*raw))),
            hash: hash_raw(&raw),
        })
    }

    /// The secret, to show once. Never log or store it.
    pub fn secret(&self) -> &str {
        &self.secret
    }

    /// What to store.
    pub fn hash(&self) -> [u8; 32] {
        self.hash
    }
}

/// Whether `presented` is the secret whose hash is `stored`. Anything that is not a
/// well-formed secret hashes to nothing and fails; the comparison is constant-time.
pub fn verify(presented: &str, stored: &[u8]) -> bool {
    let hash = presented
        .strip_prefix(SECRET_PREFIX)
        .and_then(|b64| URL_SAFE_NO_PAD.decode(b64).ok())
        .map(Zeroizing::new)
        .and_then(|raw| <[u8; SECRET_BYTES]>::try_from(raw.as_slice()).ok())
        .map(|raw| hash_raw(&raw));
    match hash {
        Some(hash) => bool::from(hash.as_slice().ct_eq(stored)),
        None => {
            // Same work either way: hash a dummy so malformed input is not faster.
            let _ = hash_raw(&[0u8; SECRET_BYTES]);
            false
        }
    }
}

/// Whether `s` could be a client identifier (before looking it up).
pub fn is_client_id(s: &str) -> bool {
    s.strip_prefix(CLIENT_ID_PREFIX).is_some_and(|rest| {
        rest.len() == 22
            && rest
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    })
}

fn hash_raw(raw: &[u8; SECRET_BYTES]) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(DOMAIN);
    h.update([0u8]);
    h.update(raw);
    h.finalize().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_and_secrets_have_their_form_and_entropy() {
        let c = ClientCredentials::generate().unwrap();
        assert!(is_client_id(&c.client_id), "{}", c.client_id);
        assert!(c.secret().starts_with(SECRET_PREFIX));
        let raw = URL_SAFE_NO_PAD
            .decode(&c.secret()[SECRET_PREFIX.len()..])
            .unwrap();
        assert_eq!(raw.len() * 8, 256);
        let other = ClientCredentials::generate().unwrap();
        assert_ne!(c.client_id, other.client_id);
        assert_ne!(c.secret(), other.secret());
        assert!(!format!("{c:?}").contains(c.secret()));
    }

    #[test]
    fn only_the_secret_verifies_against_its_hash() {
        let c = ClientCredentials::generate().unwrap();
        assert!(verify(c.secret(), &c.hash()));
        let other = ClientCredentials::new_secret().unwrap();
        assert!(!verify(other.secret(), &c.hash()));
        assert!(!verify("", &c.hash()));
        assert!(!verify(&c.secret()[..c.secret().len() - 1], &c.hash()));
        assert!(!verify(&c.secret()[SECRET_PREFIX.len()..], &c.hash()));
        let mut tampered = c.hash();
        tampered[0] ^= 1;
        assert!(!verify(c.secret(), &tampered));
        // The stored hash is not a plain SHA-256 of the text.
        let plain: [u8; 32] = Sha256::digest(c.secret().as_bytes()).into();
        assert_ne!(plain, c.hash());
    }

    #[test]
    fn client_ids_are_recognised_by_form() {
        assert!(!is_client_id("wqc_short"));
        assert!(!is_client_id("abc_AAAAAAAAAAAAAAAAAAAAAA"));
        assert!(is_client_id("wqc_AAAAAAAAAAAAAAAAAAAAAA"));
        assert!(!is_client_id("wqc_AAAAAAAAAAAAAAAAAAAAA+"));
    }
}
