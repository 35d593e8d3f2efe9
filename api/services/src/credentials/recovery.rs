//! Recovery codes: 10 single-use codes shown once at second-factor enrolment, for when the
//! authenticator is lost. Each is 10 characters of Crockford's base32 alphabet (digits and
//! lower-case letters without i, l, o, u), 50 bits, printed `xxxx-xxxx-xx`.
//!
//! Storage: an argon2id PHC string per code, never the code. ASVS 5.0 6.5.2 allows a plain
//! hash such as SHA-256 only for lookup secrets of 112 bits or more; below that it requires a
//! password hashing function with a random salt. With 50 bits, a leaked table hashed with
//! SHA-256 would fall to a GPU in about a day per code, while argon2id at 19 MiB makes 2^49
//! guesses out of reach. A 112-bit code would be 23 characters to type; a recovery code is
//! typed rarely, by someone already in trouble, so it stays short and the hash pays instead.
//! The cost is that redeeming a code tries the user's unused hashes one by one (at most 10
//! argon2 evaluations, through `PasswordHasher::run`, behind the password step and the
//! sign-in rate limit).
//!
//! Input is normalized before hashing and checking: case, spaces, dashes and the look-alikes
//! Crockford defines (o→0, i/l→1) do not matter. The argon2 comparison is constant-time.

use std::fmt;

use zeroize::Zeroizing;

use super::{CredentialError, PasswordHasher, rng};

/// Codes per set.
pub const COUNT: usize = 10;
/// Characters per code (5 bits each: 50 bits).
pub const LEN: usize = 10;
/// Crockford's base32 alphabet, lower case: no i, l, o, u.
const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

/// One recovery code in its canonical form (10 characters, no dashes). `Display` shows it
/// grouped `xxxx-xxxx-xx` for the user; `Debug` hides it.
#[derive(Clone, PartialEq, Eq)]
pub struct RecoveryCode(Zeroizing<String>);

impl fmt::Debug for RecoveryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RecoveryCode(..)")
    }
}

impl fmt::Display for RecoveryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.0.as_str();
        write!(f, "{}-{}-{}", &s[..4], &s[4..8], &s[8..])
    }
}

impl RecoveryCode {
    /// A new random code: each character is 5 bits of one OS-random byte (32 divides 256, so
    /// there is no bias).
    pub fn generate() -> Result<Self, CredentialError> {
        let bytes = Zeroizing::new(rng::bytes::<LEN>()?);
        let code = bytes
            .iter()
            .map(|b| char::from(ALPHABET[usize::from(b & 31)]))
            .collect();
        Ok(Self(Zeroizing::new(code)))
    }

    /// Reads what a user typed: ignores case, white space and dashes, maps o→0 and i, l→1.
    /// `None` when it cannot be a code (wrong length, a character outside the alphabet).
    pub fn parse(input: &str) -> Option<Self> {
        let mut out = Zeroizing::new(String::with_capacity(LEN));
        for c in input.chars() {
            let c = match c.to_ascii_lowercase() {
                c if c.is_whitespace() || c == '-' => continue,
                'o' => '0',
                'i' | 'l' => '1',
                c if c.is_ascii() && ALPHABET.contains(&(c as u8)) => c,
                _ => return None,
            };
            if out.len() == LEN {
                return None;
            }
            out.push(c);
        }
        (out.len() == LEN).then(|| Self(out))
    }

    /// The canonical form (what gets hashed).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A freshly generated set: show `codes` once, store `hashes`.
pub struct RecoveryCodes {
    pub codes: Vec<RecoveryCode>,
    /// argon2id PHC strings, in the same order as `codes`.
    pub hashes: Vec<String>,
}

impl fmt::Debug for RecoveryCodes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RecoveryCodes")
            .field("count", &self.codes.len())
            .finish_non_exhaustive()
    }
}

impl RecoveryCodes {
    /// Generates [`COUNT`] distinct codes and hashes them (10 argon2 evaluations: run it
    /// through `PasswordHasher::run`). Replacing a set means deleting all old hashes.
    pub fn generate(hasher: &PasswordHasher) -> Result<Self, CredentialError> {
        let mut codes: Vec<RecoveryCode> = Vec::with_capacity(COUNT);
        while codes.len() < COUNT {
            let code = RecoveryCode::generate()?;
            // A repeat is a 2^-50 event; skipping it keeps the set's size honest.
            if !codes.contains(&code) {
                codes.push(code);
            }
        }
        let hashes = codes
            .iter()
            .map(|c| hasher.hash(c.as_str()))
            .collect::<Result<_, _>>()?;
        Ok(Self { codes, hashes })
    }
}

/// Finds which unused code `input` is: the index into `unused_hashes`, or `None`. The caller
/// then marks that code used (deletes it, `WHERE used_at IS NULL`), so it works once.
/// Malformed input costs nothing; otherwise each hash is tried until one matches. Blocking.
pub fn find_matching(
    hasher: &PasswordHasher,
    input: &str,
    unused_hashes: &[String],
) -> Result<Option<usize>, CredentialError> {
    let Some(code) = RecoveryCode::parse(input) else {
        return Ok(None);
    };
    for (i, hash) in unused_hashes.iter().enumerate() {
        if hasher.verify(code.as_str(), hash)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credentials::HashParams;

    fn hasher() -> PasswordHasher {
        PasswordHasher::new(HashParams::TESTING).unwrap()
    }

    #[test]
    fn a_set_has_ten_distinct_well_formed_codes() {
        let set = RecoveryCodes::generate(&hasher()).unwrap();
        assert_eq!(set.codes.len(), COUNT);
        assert_eq!(set.hashes.len(), COUNT);
        for code in &set.codes {
            let shown = code.to_string();
            assert_eq!(shown.len(), 12);
            assert_eq!(&shown[4..5], "-");
            assert_eq!(&shown[9..10], "-");
            assert!(code.as_str().bytes().all(|b| ALPHABET.contains(&b)));
            assert!(!code.as_str().contains(['i', 'l', 'o', 'u']));
        }
        let mut unique: Vec<_> = set.codes.iter().map(|c| c.as_str().to_owned()).collect();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), COUNT);
        // Stored hashes are argon2id PHC strings, never the code.
        for (code, hash) in set.codes.iter().zip(&set.hashes) {
            assert!(hash.starts_with("$argon2id$"));
            assert!(!hash.contains(code.as_str()));
        }
    }

    #[test]
    fn fifty_bits_per_code() {
        assert!((LEN as f64) * (ALPHABET.len() as f64).log2() >= 50.0);
        let mut sorted = ALPHABET.to_vec();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), 32, "no repeated characters");
    }

    #[test]
    fn user_input_is_normalized() {
        let code = RecoveryCode::parse("a1b2c3d4e5").unwrap();
        for typed in [
            "a1b2-c3d4-e5",
            "A1B2-C3D4-E5",
            " a1b2 c3d4 e5 ",
            "a1b2c3d4e5",
            "aIb2-c3d4-e5",
            "aLb2-c3d4-e5",
        ] {
            assert_eq!(RecoveryCode::parse(typed).as_ref(), Some(&code), "{typed}");
        }
        assert_eq!(
            RecoveryCode::parse("0o00-0000-00").unwrap().as_str(),
            "0000000000"
        );
        for bad in [
            "a1b2-c3d4-e",
            "a1b2-c3d4-e5f",
            "a1b2-c3d4-eu",
            "",
            "a1b2_c3d4_e5",
            "ａ1b2c3d4e5",
        ] {
            assert_eq!(RecoveryCode::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_code_is_found_once_and_by_its_index() {
        let h = hasher();
        let set = RecoveryCodes::generate(&h).unwrap();
        let typed = set.codes[3].to_string().to_uppercase();
        assert_eq!(find_matching(&h, &typed, &set.hashes).unwrap(), Some(3));
        // After the caller deletes hash 3, the same code no longer matches.
        let mut remaining = set.hashes.clone();
        remaining.remove(3);
        assert_eq!(find_matching(&h, &typed, &remaining).unwrap(), None);
        assert_eq!(
            find_matching(&h, "zzzz-zzzz-zz", &set.hashes).unwrap(),
            None
        );
    }

    #[test]
    fn malformed_input_costs_no_hashing() {
        let h = hasher();
        let set = RecoveryCodes::generate(&h).unwrap();
        let before = h.evaluations();
        assert_eq!(
            find_matching(&h, "not a code at all", &set.hashes).unwrap(),
            None
        );
        assert_eq!(h.evaluations(), before);
    }

    #[test]
    fn debug_hides_codes() {
        let set = RecoveryCodes::generate(&hasher()).unwrap();
        let text = format!("{set:?} {:?}", set.codes[0]);
        assert!(!text.contains(set.codes[0].as_str()), "{text}");
    }
}
