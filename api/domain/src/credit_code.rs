//! The unified social credit code 统一社会信用代码 (GB 32100-2015): 18 characters from a
//! 31-character alphabet (digits and capital letters without I, O, S, V, Z); the last one is a
//! check character computed from the first 17 with weights 3^i mod 31.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

const ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CreditCodeError {
    #[error("a unified social credit code has 18 characters")]
    Length,
    #[error(
        "character {position} is not allowed (digits and capital letters except I, O, S, V, Z)"
    )]
    Character { position: usize },
    #[error("the check character is wrong")]
    CheckCharacter,
}

/// A unified social credit code whose check character is right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CreditCode([u8; 18]);

fn value_of(c: u8) -> Option<u32> {
    ALPHABET.iter().position(|&a| a == c).map(|p| p as u32)
}

/// The check character for the first 17 characters (which must be in the alphabet).
fn check_character(body: &[u8]) -> Option<u8> {
    let mut sum = 0u32;
    for (i, &c) in body.iter().take(17).enumerate() {
        sum += value_of(c)? * WEIGHTS[i];
    }
    let check = (31 - sum % 31) % 31;
    ALPHABET.get(check as usize).copied()
}

impl CreditCode {
    /// Parses a code. Surrounding white space is trimmed and lower-case letters are accepted
    /// (people type them); the stored form is upper case.
    pub fn parse(input: &str) -> Result<Self, CreditCodeError> {
        let trimmed = input.trim();
        let bytes: [u8; 18] = trimmed
            .as_bytes()
            .try_into()
            .map_err(|_| CreditCodeError::Length)?;
        let mut upper = [0u8; 18];
        for (i, b) in bytes.iter().enumerate() {
            let c = b.to_ascii_uppercase();
            if value_of(c).is_none() {
                return Err(CreditCodeError::Character { position: i + 1 });
            }
            upper[i] = c;
        }
        if check_character(&upper[..17]) != Some(upper[17]) {
            return Err(CreditCodeError::CheckCharacter);
        }
        Ok(Self(upper))
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("")
    }

    /// Digits 3-8: the division code of the registering authority.
    pub fn registration_division(&self) -> &str {
        &self.as_str()[2..8]
    }

    /// Completes 17 characters with their check character (for tests and demo data).
    pub fn complete(body: &str) -> Result<Self, CreditCodeError> {
        if body.len() != 17 {
            return Err(CreditCodeError::Length);
        }
        let check =
            check_character(body.as_bytes()).ok_or(CreditCodeError::Character { position: 0 })?;
        Self::parse(&format!("{body}{}", check as char))
    }
}

impl fmt::Display for CreditCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for CreditCode {
    type Err = CreditCodeError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl Serialize for CreditCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for CreditCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Self::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Codes of real enterprises, published on the national credit publicity system.
    const REAL: [&str; 4] = [
        "91350100M000100Y43",
        "91110000802100433B",
        "91440300708461136T",
        "9144030071526726XG",
    ];

    #[test]
    fn real_codes_are_accepted() {
        for code in REAL {
            assert_eq!(CreditCode::parse(code).unwrap().as_str(), code);
        }
    }

    #[test]
    fn lower_case_and_surrounding_spaces_are_normalised() {
        let code = CreditCode::parse(" 9144030071526726xg ").unwrap();
        assert_eq!(code.as_str(), "9144030071526726XG");
        assert_eq!(code.registration_division(), "440300");
    }

    #[test]
    fn a_wrong_check_character_is_refused() {
        assert_eq!(
            CreditCode::parse("91350100M000100Y44"),
            Err(CreditCodeError::CheckCharacter)
        );
        assert_eq!(
            CreditCode::parse("91110000802100433A"),
            Err(CreditCodeError::CheckCharacter)
        );
    }

    #[test]
    fn length_and_alphabet_are_checked_with_the_position() {
        assert_eq!(CreditCode::parse(""), Err(CreditCodeError::Length));
        assert_eq!(
            CreditCode::parse("91350100M000100Y4"),
            Err(CreditCodeError::Length)
        );
        assert_eq!(
            CreditCode::parse("91350100M000100Y433"),
            Err(CreditCodeError::Length)
        );
        assert_eq!(
            CreditCode::parse("91350100I000100Y43"),
            Err(CreditCodeError::Character { position: 9 })
        );
        for forbidden in ['I', 'O', 'S', 'V', 'Z', '-', '中'] {
            let code = format!("9135010{forbidden}M000100Y4");
            assert!(CreditCode::parse(&code).is_err(), "{code}");
        }
    }

    #[test]
    fn every_single_character_change_is_detected() {
        // The weights are a permutation of powers of 3 mod 31, so one substitution anywhere
        // always changes the check character.
        for code in REAL {
            for position in 0..18 {
                for &replacement in ALPHABET {
                    let mut bytes = code.as_bytes().to_vec();
                    if bytes[position] == replacement {
                        continue;
                    }
                    bytes[position] = replacement;
                    let changed = String::from_utf8(bytes).unwrap();
                    assert!(CreditCode::parse(&changed).is_err(), "{changed} passed");
                }
            }
        }
    }

    proptest! {
        #[test]
        fn completing_any_body_gives_a_valid_code(body in "[0-9A-HJ-NP-RTUWXY]{17}") {
            let code = CreditCode::complete(&body).unwrap();
            prop_assert_eq!(&code.as_str()[..17], body.as_str());
            prop_assert_eq!(CreditCode::parse(code.as_str()), Ok(code));
        }

        #[test]
        fn parse_never_panics(s in "\\PC{0,24}") {
            let _ = CreditCode::parse(&s);
        }
    }
}
