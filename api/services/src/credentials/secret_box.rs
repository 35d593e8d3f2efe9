//! Encryption of secrets that must be stored recoverably (TOTP secrets; later webhook signing
//! keys): AES-256-GCM under the server key `WEIQUAN_SECRET_KEY`, so a copy of the database
//! alone does not reveal them.
//!
//! Sealed format (store as `bytea`): `version (1 byte) ‖ nonce (12 bytes) ‖ ciphertext ‖ tag
//! (16 bytes)`.
//! - `version` names the key. Today there is one (1). Rotation later: give the new key
//!   version 2, keep the old key for `open` of version-1 values, re-seal them lazily or in a
//!   batch, then drop the old key.
//! - The nonce is 96 random bits per seal. Random nonces stay safe up to about 2^32 seals per
//!   key (NIST SP 800-38D), far beyond one secret per user.
//! - The associated data is the version byte plus a caller-given *context* such as
//!   `b"totp:user:42"`: a ciphertext copied to another user's row or column fails to open.

use std::fmt;

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use zeroize::Zeroizing;

use super::{CredentialError, rng};

const NONCE_LEN: usize = 12;
const TAG_LEN: usize = 16;

/// A 256-bit key. Zeroed on drop; `Debug` does not show it.
#[derive(Clone)]
pub struct SecretKey(Zeroizing<[u8; 32]>);

impl fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretKey(..)")
    }
}

impl PartialEq for SecretKey {
    fn eq(&self, other: &Self) -> bool {
        use subtle::ConstantTimeEq as _;
        self.0.ct_eq(&*other.0).into()
    }
}

impl Eq for SecretKey {}

impl SecretKey {
    /// Reads a key written as standard base64 of exactly 32 bytes (44 characters with `=`),
    /// e.g. from `openssl rand -base64 32` or `weiquan gen-secret-key`.
    pub fn from_base64(text: &str) -> Result<Self, CredentialError> {
        let bytes = Zeroizing::new(
            STANDARD
                .decode(text.trim())
                .map_err(|_| CredentialError::InvalidKey("not standard base64"))?,
        );
        let key: [u8; 32] = bytes
            .as_slice()
            .try_into()
            .map_err(|_| CredentialError::InvalidKey("not 32 bytes"))?;
        Ok(Self(Zeroizing::new(key)))
    }

    /// A new random key from the OS RNG, as base64 text for the environment.
    pub fn generate_base64() -> Result<Zeroizing<String>, CredentialError> {
        let key = Zeroizing::new(rng::bytes::<32>()?);
        Ok(Zeroizing::new(STANDARD.encode(*key)))
    }
}

/// Seals and opens secrets under one key.
#[derive(Clone)]
pub struct SecretBox {
    version: u8,
    cipher: Aes256Gcm,
}

impl fmt::Debug for SecretBox {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SecretBox")
            .field("key_version", &self.version)
            .finish_non_exhaustive()
    }
}

impl SecretBox {
    /// The version byte of values sealed under the current key.
    pub const KEY_VERSION: u8 = 1;

    pub fn new(key: &SecretKey) -> Self {
        Self {
            version: Self::KEY_VERSION,
            cipher: Aes256Gcm::new(&(*key.0).into()),
        }
    }

    /// Encrypts `plaintext`, binding it to `context` (which must be given again to open it).
    pub fn seal(&self, plaintext: &[u8], context: &[u8]) -> Result<Vec<u8>, CredentialError> {
        let nonce_bytes = rng::bytes::<NONCE_LEN>()?;
        let aad = self.aad(self.version, context);
        let ciphertext = self
            .cipher
            .encrypt(
                &Nonce::from(nonce_bytes),
                Payload {
                    msg: plaintext,
                    aad: &aad,
                },
            )
            .map_err(|_| CredentialError::Decrypt)?;
        let mut sealed = Vec::with_capacity(1 + NONCE_LEN + ciphertext.len());
        sealed.push(self.version);
        sealed.extend_from_slice(&nonce_bytes);
        sealed.extend_from_slice(&ciphertext);
        Ok(sealed)
    }

    /// Decrypts what [`Self::seal`] made with the same key and context. Any change to the bytes,
    /// another context or another key gives [`CredentialError::Decrypt`].
    pub fn open(
        &self,
        sealed: &[u8],
        context: &[u8],
    ) -> Result<Zeroizing<Vec<u8>>, CredentialError> {
        let (&version, rest) = sealed
            .split_first()
            .ok_or(CredentialError::Malformed("ciphertext"))?;
        if version != self.version {
            return Err(CredentialError::UnknownKeyVersion(version));
        }
        if rest.len() < NONCE_LEN + TAG_LEN {
            return Err(CredentialError::Malformed("ciphertext"));
        }
        let (nonce_bytes, ciphertext) = rest.split_at(NONCE_LEN);
        let nonce: [u8; NONCE_LEN] = nonce_bytes
            .try_into()
            .map_err(|_| CredentialError::Malformed("ciphertext"))?;
        let aad = self.aad(version, context);
        self.cipher
            .decrypt(
                &Nonce::from(nonce),
                Payload {
                    msg: ciphertext,
                    aad: &aad,
                },
            )
            .map(Zeroizing::new)
            .map_err(|_| CredentialError::Decrypt)
    }

    fn aad(&self, version: u8, context: &[u8]) -> Vec<u8> {
        let mut aad = Vec::with_capacity(1 + context.len());
        aad.push(version);
        aad.extend_from_slice(context);
        aad
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> SecretKey {
        SecretKey::from_base64(&SecretKey::generate_base64().unwrap()).unwrap()
    }

    #[test]
    fn a_sealed_secret_opens_with_the_same_key_and_context() {
        let sb = SecretBox::new(&key());
        let sealed = sb.seal(b"totp secret bytes!!!", b"totp:user:42").unwrap();
        assert_eq!(sealed[0], SecretBox::KEY_VERSION);
        assert_eq!(sealed.len(), 1 + 12 + 20 + 16);
        assert!(!sealed.windows(20).any(|w| w == b"totp secret bytes!!!"));
        let opened = sb.open(&sealed, b"totp:user:42").unwrap();
        assert_eq!(opened.as_slice(), b"totp secret bytes!!!");
        assert_eq!(
            sb.open(&sb.seal(b"", b"c").unwrap(), b"c").unwrap().len(),
            0
        );
    }

    #[test]
    fn each_seal_uses_a_fresh_nonce() {
        let sb = SecretBox::new(&key());
        let a = sb.seal(b"same", b"ctx").unwrap();
        let b = sb.seal(b"same", b"ctx").unwrap();
        assert_ne!(a, b);
        assert_ne!(a[1..13], b[1..13]);
    }

    #[test]
    fn any_tampering_is_detected() {
        let sb = SecretBox::new(&key());
        let sealed = sb.seal(b"totp secret bytes!!!", b"totp:user:42").unwrap();
        for i in 1..sealed.len() {
            let mut bad = sealed.clone();
            bad[i] ^= 0x01;
            assert_eq!(
                sb.open(&bad, b"totp:user:42"),
                Err(CredentialError::Decrypt),
                "byte {i}"
            );
        }
        let mut bad = sealed.clone();
        bad[0] = 2;
        assert_eq!(
            sb.open(&bad, b"totp:user:42"),
            Err(CredentialError::UnknownKeyVersion(2))
        );
        assert_eq!(
            sb.open(&sealed[..sealed.len() - 1], b"totp:user:42"),
            Err(CredentialError::Decrypt)
        );
        assert_eq!(
            sb.open(&sealed[..20], b"totp:user:42"),
            Err(CredentialError::Malformed("ciphertext"))
        );
        assert_eq!(
            sb.open(&[], b""),
            Err(CredentialError::Malformed("ciphertext"))
        );
    }

    #[test]
    fn another_context_or_key_cannot_open_it() {
        let sb = SecretBox::new(&key());
        let sealed = sb.seal(b"secret", b"totp:user:42").unwrap();
        assert_eq!(
            sb.open(&sealed, b"totp:user:43"),
            Err(CredentialError::Decrypt)
        );
        assert_eq!(
            SecretBox::new(&key()).open(&sealed, b"totp:user:42"),
            Err(CredentialError::Decrypt)
        );
    }

    #[test]
    fn keys_are_32_bytes_of_standard_base64() {
        let text = SecretKey::generate_base64().unwrap();
        assert_eq!(text.len(), 44);
        let k = SecretKey::from_base64(&text).unwrap();
        assert_eq!(
            k,
            SecretKey::from_base64(&format!(" {} \n", text.as_str())).unwrap()
        );
        assert_eq!(
            SecretKey::from_base64("c2hvcnQ="),
            Err(CredentialError::InvalidKey("not 32 bytes"))
        );
        assert_eq!(
            SecretKey::from_base64("not base64!"),
            Err(CredentialError::InvalidKey("not standard base64"))
        );
        assert_eq!(format!("{k:?}"), "SecretKey(..)");
        assert!(!format!("{:?}", SecretBox::new(&k)).contains(text.as_str()));
    }

    #[test]
    fn a_totp_secret_round_trips_through_storage() {
        use crate::credentials::TotpSecret;
        let sb = SecretBox::new(&key());
        let secret = TotpSecret::generate().unwrap();
        let stored = sb.seal(secret.as_bytes(), b"totp:user:7").unwrap();
        let loaded =
            TotpSecret::from_bytes(sb.open(&stored, b"totp:user:7").unwrap().to_vec()).unwrap();
        assert_eq!(loaded, secret);
    }
}
