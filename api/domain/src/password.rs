//! The password policy (OWASP ASVS 5.0 V6.2, NIST SP 800-63B §5.1.1): 8 to 128 characters, no
//! composition rules, not one of the 100,000 most common passwords, not the account's own
//! identifier, not just a word about this platform plus digits.
//!
//! Two forms of a password, on purpose:
//! - [`normalize`] (Unicode NFC) is what gets hashed and what the length counts. NFC only merges
//!   canonically equivalent encodings of the same characters (`e` + U+0301 and `é`; a CJK
//!   compatibility ideograph and its unified twin), so a password typed on a system whose
//!   keyboard sends decomposed text still signs in where it was set, while the characters the
//!   person chose stay exactly theirs (ASVS 6.2.8: no truncation, no case change).
//! - a *fold* (NFKC + lower case) is used only to decide whether a password is guessable. It
//!   also maps full-width forms to ASCII, so `ｐａｓｓｗｏｒｄ１２３`, easy to type by mistake with
//!   a Chinese IME in full-width mode, is as common as `password123`. It is never stored.
//!
//! Length is counted in Unicode scalar values of the NFC form, not bytes (a Chinese character
//! is 3 bytes in UTF-8 but one character to the person typing it); NIST counts each code point
//! as one character.

use std::sync::OnceLock;

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

/// Fewest characters a new password may have (ASVS 6.2.1).
pub const MIN_CHARS: usize = 8;
/// Most characters a new password may have. ASVS 6.2.9 asks for at least 64; the cap keeps
/// hashing input bounded (at most 512 bytes of UTF-8).
pub const MAX_CHARS: usize = 128;
/// Input longer than this many bytes is refused as too long before any Unicode work, so a
/// megabyte of text costs nothing. NFC composes at most a few scalars into one, so no input
/// over 4 KiB can normalize to 128 characters.
const MAX_INPUT_BYTES: usize = 4096;

/// Words about this platform that make a password easy to guess for anyone who knows where it
/// is used (ASVS 6.1.2 / 6.2.11). A password made only of these, digits, spaces and punctuation
/// is refused as [`PasswordError::Common`] (`weiquan2024`, `12315!!!`, `维权维权维权维权`).
pub const CONTEXT_WORDS: &[&str] = &[
    "weiquan",
    "维权",
    "12315",
    "315",
    "xiaofeizhe",
    "消费者",
    "tousu",
    "投诉",
];

static COMMON_PASSWORDS_TXT: &str = include_str!("../data/common-passwords.txt");

/// Why a new password is refused. `code()` (and the serde form) is stable: the HTTP layer maps
/// it to a message in each language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum PasswordError {
    #[error("a password needs at least 8 characters")]
    TooShort,
    #[error("a password may have at most 128 characters")]
    TooLong,
    #[error("the password is the account's own phone number or user name")]
    SameAsIdentifier,
    #[error("the password is too common or too easy to guess")]
    Common,
}

impl PasswordError {
    pub fn code(self) -> &'static str {
        match self {
            Self::TooShort => "too_short",
            Self::TooLong => "too_long",
            Self::SameAsIdentifier => "same_as_identifier",
            Self::Common => "common",
        }
    }
}

/// The form of a password that is hashed and verified: NFC. Apply it on every path (set,
/// change, sign in); `weiquan_services::credentials::PasswordHasher` does.
pub fn normalize(password: &str) -> String {
    password.nfc().collect()
}

/// The length the policy sees: Unicode scalar values of the NFC form.
pub fn char_count(password: &str) -> usize {
    password.nfc().count()
}

/// Checks a password someone wants to set. `identifiers` are the account's own phone number,
/// user name, e-mail, ... (empty ones are ignored). Checks run in this order and the first
/// failure is returned: length, identifier, common/context words.
///
/// Sign-in must not call this: a password set under an older policy still verifies.
pub fn check_new_password(password: &str, identifiers: &[&str]) -> Result<(), PasswordError> {
    if password.len() > MAX_INPUT_BYTES {
        return Err(PasswordError::TooLong);
    }
    let count = char_count(password);
    if count < MIN_CHARS {
        return Err(PasswordError::TooShort);
    }
    if count > MAX_CHARS {
        return Err(PasswordError::TooLong);
    }
    let folded = fold(password);
    if identifiers.iter().any(|id| same_as_identifier(&folded, id)) {
        return Err(PasswordError::SameAsIdentifier);
    }
    if is_common_folded(&folded) || only_context_words(&folded) {
        return Err(PasswordError::Common);
    }
    Ok(())
}

/// Whether a password is on the common-password list, ignoring case and width.
pub fn is_common(password: &str) -> bool {
    is_common_folded(&fold(password))
}

/// How many passwords the embedded list holds.
pub fn common_password_count() -> usize {
    common_passwords().len()
}

/// NFKC then lower case: the comparison form for guessability checks only.
fn fold(s: &str) -> String {
    s.nfkc().collect::<String>().to_lowercase()
}

fn common_passwords() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| {
        let mut list: Vec<&'static str> = COMMON_PASSWORDS_TXT
            .lines()
            .filter(|l| !l.is_empty())
            .collect();
        // The file is sorted already (a test checks it); sorting again costs one linear pass
        // and keeps the binary search right even if someone edits the file by hand.
        list.sort_unstable();
        list.dedup();
        list
    })
}

fn is_common_folded(folded: &str) -> bool {
    common_passwords().binary_search(&folded).is_ok()
}

/// Same as an identifier ignoring case and width; for phone numbers also ignoring separators
/// and the +86 / 0086 country prefix (`138-1234-5678` is the phone number `+8613812345678`).
fn same_as_identifier(folded_password: &str, identifier: &str) -> bool {
    let id = fold(identifier.trim());
    if id.is_empty() {
        return false;
    }
    if folded_password == id {
        return true;
    }
    match (phone_digits(folded_password), phone_digits(&id)) {
        (Some(p), Some(i)) => p == i,
        _ => false,
    }
}

/// The national digits of something that looks like a phone number: only digits and
/// separators, at least 7 digits; a leading 86 / 0086 country code is dropped from 13-digit
/// numbers.
fn phone_digits(s: &str) -> Option<String> {
    if !s
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '+' | '(' | ')' | '.'))
    {
        return None;
    }
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    if digits.len() < 7 {
        return None;
    }
    let national = digits
        .strip_prefix("0086")
        .or_else(|| digits.strip_prefix("86").filter(|rest| rest.len() == 11))
        .unwrap_or(&digits);
    Some(national.to_owned())
}

/// True when the folded password contains a context word and nothing but context words,
/// digits, white space and punctuation.
fn only_context_words(folded: &str) -> bool {
    let mut rest = folded.to_owned();
    let mut found = false;
    // Longest first, so "12315" is removed whole before "315" could split it.
    let mut words: Vec<&str> = CONTEXT_WORDS.to_vec();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    for word in words {
        if rest.contains(word) {
            found = true;
            rest = rest.replace(word, " ");
        }
    }
    found
        && rest
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_whitespace() || c.is_ascii_punctuation())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(p: &str) -> Result<(), PasswordError> {
        check_new_password(p, &[])
    }

    #[test]
    fn the_usual_suspects_are_refused_as_common() {
        for p in [
            "password",
            "12345678",
            "qwertyuiop",
            "iloveyou",
            "PASSWORD",
            "Iloveyou",
            "password1",
            "1qaz2wsx",
        ] {
            assert_eq!(check(p), Err(PasswordError::Common), "{p}");
        }
    }

    #[test]
    fn full_width_input_is_as_common_as_ascii() {
        assert_eq!(check("ｐａｓｓｗｏｒｄ"), Err(PasswordError::Common));
        assert_eq!(check("ＰＡＳＳＷＯＲＤ１"), Err(PasswordError::Common));
        assert!(is_common("ｑｗｅｒｔｙｕｉｏｐ"));
    }

    #[test]
    fn a_long_random_passphrase_is_accepted() {
        assert_eq!(check("correct horse battery staple"), Ok(()));
        assert_eq!(check("v8#Lq2!zR@c7"), Ok(()));
        assert_eq!(check("我的猫叫小白它爱吃鱼"), Ok(()));
        assert_eq!(check("tiger-lantern-月亮-9318"), Ok(()));
    }

    #[test]
    fn length_boundaries_count_chinese_characters_not_bytes() {
        let chars = |n: usize| "密码".chars().cycle().take(n).collect::<String>();
        assert_eq!(chars(7).len(), 21, "7 characters are 21 bytes");
        assert_eq!(check(&chars(7)), Err(PasswordError::TooShort));
        assert_eq!(check(&chars(8)), Ok(()));
        assert_eq!(check(&chars(128)), Ok(()));
        assert_eq!(check(&chars(129)), Err(PasswordError::TooLong));
        // Four-byte characters too.
        assert_eq!(check(&"😀".repeat(7)), Err(PasswordError::TooShort));
        assert_eq!(check(&"😀🐼".repeat(4)), Ok(()));
    }

    #[test]
    fn length_boundaries_in_ascii() {
        assert_eq!(check("k3v9x2q"), Err(PasswordError::TooShort));
        assert_eq!(check("k3v9x2qm"), Ok(()));
        let long: String = "k3v9x2qm".repeat(16);
        assert_eq!(check(&long), Ok(()));
        assert_eq!(check(&format!("{long}z")), Err(PasswordError::TooLong));
        assert_eq!(check(""), Err(PasswordError::TooShort));
    }

    #[test]
    fn length_is_counted_after_nfc() {
        // "é" typed as e + combining acute: 2 scalars each, 1 character after NFC.
        let e = "e\u{301}";
        assert_eq!(char_count(&e.repeat(8)), 8);
        assert_eq!(check(&e.repeat(7)), Err(PasswordError::TooShort));
        assert_eq!(check(&format!("{}zq", e.repeat(6))), Ok(()));
        assert_eq!(check(&e.repeat(129)), Err(PasswordError::TooLong));
    }

    #[test]
    fn huge_input_is_too_long_without_normalizing() {
        let huge = "a".repeat(1 << 20);
        assert_eq!(check(&huge), Err(PasswordError::TooLong));
    }

    #[test]
    fn normalize_is_nfc_and_keeps_case_width_and_spaces() {
        assert_eq!(normalize("e\u{301}"), "\u{e9}");
        // CJK compatibility ideograph U+F900 is canonically the unified U+8C48.
        assert_eq!(normalize("\u{f900}"), "\u{8c48}");
        assert_eq!(normalize(" Ａb C "), " Ａb C ");
        assert_eq!(normalize("PassWord"), "PassWord");
    }

    #[test]
    fn the_accounts_own_identifier_is_refused() {
        assert_eq!(
            check_new_password("13812345678", &["13812345678"]),
            Err(PasswordError::SameAsIdentifier)
        );
        assert_eq!(
            check_new_password("138-1234-5678", &["+86 138 1234 5678"]),
            Err(PasswordError::SameAsIdentifier)
        );
        assert_eq!(
            check_new_password("008613812345678", &["13812345678"]),
            Err(PasswordError::SameAsIdentifier)
        );
        assert_eq!(
            check_new_password("ZhangWei.Store", &["", "zhangwei.store"]),
            Err(PasswordError::SameAsIdentifier)
        );
        assert_eq!(
            check_new_password("ｚｈａｎｇｗｅｉ．ｓｔｏｒｅ", &["zhangwei.store"]),
            Err(PasswordError::SameAsIdentifier)
        );
        // Containing the identifier is allowed; only equality is refused.
        assert_eq!(
            check_new_password("zhangwei.store-lantern", &["zhangwei.store"]),
            Ok(())
        );
        assert_eq!(check_new_password("13812345679", &["13812345678"]), Ok(()));
    }

    #[test]
    fn length_is_checked_before_identifier_and_identifier_before_common() {
        assert_eq!(
            check_new_password("abc", &["abc"]),
            Err(PasswordError::TooShort)
        );
        assert_eq!(
            check_new_password("password", &["password"]),
            Err(PasswordError::SameAsIdentifier)
        );
    }

    #[test]
    fn context_words_plus_digits_are_refused() {
        for p in [
            "weiquan2024",
            "WeiQuan!!",
            "12315weiquan",
            "维权维权维权维权",
            "维权 12315 315",
            "消费者投诉12315",
        ] {
            assert_eq!(check(p), Err(PasswordError::Common), "{p}");
        }
        assert_eq!(check("weiquan river lantern"), Ok(()));
        assert_eq!(check("我要维权但是密码要长一点"), Ok(()));
    }

    #[test]
    fn error_codes_are_stable() {
        let codes: Vec<_> = [
            PasswordError::TooShort,
            PasswordError::TooLong,
            PasswordError::Common,
            PasswordError::SameAsIdentifier,
        ]
        .iter()
        .map(|e| {
            let json = serde_json::to_value(e).unwrap();
            assert_eq!(json, e.code(), "serde form equals code()");
            e.code()
        })
        .collect();
        assert_eq!(
            codes,
            ["too_short", "too_long", "common", "same_as_identifier"]
        );
        // The English messages quote the limits; keep them in step with the constants.
        assert!(
            PasswordError::TooShort
                .to_string()
                .contains(&MIN_CHARS.to_string())
        );
        assert!(
            PasswordError::TooLong
                .to_string()
                .contains(&MAX_CHARS.to_string())
        );
    }

    #[test]
    fn the_common_password_file_is_canonical() {
        let lines: Vec<&str> = COMMON_PASSWORDS_TXT.lines().collect();
        assert!(lines.len() >= 10_000, "at least the 10,000 most common");
        assert_eq!(lines.len(), common_password_count(), "no duplicates");
        assert!(COMMON_PASSWORDS_TXT.ends_with('\n'));
        assert!(!COMMON_PASSWORDS_TXT.contains('\r'));
        for pair in lines.windows(2) {
            assert!(pair[0] < pair[1], "sorted and unique: {pair:?}");
        }
        for line in &lines {
            assert!(
                line.bytes().all(|b| (0x20..0x7f).contains(&b)),
                "printable ASCII: {line:?}"
            );
            assert_eq!(*line, line.to_lowercase(), "lower case");
            assert_eq!(*line, fold(line), "already in folded form");
            assert!((MIN_CHARS..=MAX_CHARS).contains(&line.len()), "{line:?}");
        }
    }
}
