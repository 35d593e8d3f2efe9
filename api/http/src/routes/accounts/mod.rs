//! Consumers' accounts: SMS verification codes, registration, password reset; and the
//! development-only mailbox.

pub mod dev_messages;
pub mod password_resets;
pub mod register;
pub mod verification_codes;

use weiquan_domain::PasswordError;
use weiquan_services::accounts::AccountError;

use crate::error::{ApiError, ErrorCode, FieldError};

/// Checks a mainland mobile number (11 digits, 1[3-9]…), naming `field`.
pub fn check_phone(field: &str, phone: &str) -> Result<(), FieldError> {
    let ok = phone.len() == 11
        && phone.bytes().all(|b| b.is_ascii_digit())
        && phone.starts_with('1')
        && matches!(phone.as_bytes()[1], b'3'..=b'9');
    if ok {
        Ok(())
    } else {
        Err(FieldError::new(
            field,
            "phone",
            "Enter an 11-digit mainland mobile number.",
            "请输入 11 位中国大陆手机号码。",
        ))
    }
}

pub fn password_error(field: &str, e: PasswordError) -> FieldError {
    let (en, zh) = match e {
        PasswordError::TooShort => ("Use at least 8 characters.", "密码至少 8 个字符。"),
        PasswordError::TooLong => ("Use at most 128 characters.", "密码最多 128 个字符。"),
        PasswordError::SameAsIdentifier => (
            "The password must not be your phone number or user name.",
            "密码不能与手机号或用户名相同。",
        ),
        PasswordError::Common => (
            "This password is too common; choose a less guessable one (a short sentence works well).",
            "该密码过于常见，请换一个不易被猜到的密码（例如一句短语）。",
        ),
    };
    FieldError::new(field, e.code(), en, zh)
}

pub fn invalid_code() -> FieldError {
    FieldError::new(
        "code",
        "invalid_code",
        "The code is wrong or has expired; request a new one.",
        "验证码错误或已过期，请重新获取。",
    )
}

pub fn account_error(e: AccountError, password_field: &str) -> ApiError {
    match e {
        AccountError::InvalidCode => ApiError::validation(vec![invalid_code()]),
        AccountError::Password(p) => ApiError::validation(vec![password_error(password_field, p)]),
        AccountError::WrongPassword => ApiError::validation(vec![FieldError::new(
            "current_password",
            "wrong_password",
            "The current password is not right.",
            "当前密码不正确。",
        )]),
        AccountError::NotAUser => ApiError::new(ErrorCode::Forbidden).detail(
            "An API client has no name or password of its own; an administrator manages it.",
            "API 客户端没有自己的名称和密码，由管理员管理。",
        ),
        AccountError::Service(e) => e.into(),
    }
}

pub fn unexpected() -> ApiError {
    ApiError::new(ErrorCode::InternalError)
}
