//! One-time SMS codes for registering and resetting a password. A code lives in Redis for
//! ten minutes with an attempt counter (five wrong tries burn it) and goes out through the
//! transactional outbox. Answers never reveal whether a number has an account: for a number
//! that cannot use the purpose (registering a taken number, resetting an unknown one) nothing
//! is sent, and the caller answers exactly as when a code was sent.
//!
//! In development the rendered message is also kept in a "dev mailbox" in Redis, which the
//! development-only endpoint `GET /api/dev/messages` shows (the relay's log has it too).

use std::collections::BTreeMap;
use std::time::Duration;

use weiquan_db::outbox::{self, NewMessage};
use weiquan_db::users;
use weiquan_domain::notify::{Channel, Locale, Template, render};
use weiquan_domain::one_time::SMS_CODE_MAX_ATTEMPTS;

use crate::credentials::SmsCode;
use crate::rate_limit::{Limit, RateLimiter, Verdict};
use crate::{Deps, ServiceError};

pub const CODE_TTL: Duration = Duration::from_secs(600);
pub const RESEND_AFTER: Duration = Duration::from_secs(60);
const PER_PHONE_DAY: Limit = Limit {
    max: 10,
    window: Duration::from_secs(86_400),
};
const PER_ADDRESS_HOUR: Limit = Limit {
    max: 30,
    window: Duration::from_secs(3600),
};
const DEV_MAILBOX_TTL: u64 = 3600;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Register,
    ResetPassword,
}

impl Purpose {
    fn as_str(self) -> &'static str {
        match self {
            Self::Register => "register",
            Self::ResetPassword => "reset_password",
        }
    }

    fn template(self) -> Template {
        match self {
            Self::Register => Template::OtpRegister,
            Self::ResetPassword => Template::OtpResetPassword,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum VerificationError {
    #[error("too many requests; retry after {retry_after} s")]
    Limited { retry_after: u64 },
    #[error("the code is wrong, used up or expired")]
    InvalidCode,
    #[error(transparent)]
    Service(#[from] ServiceError),
}

fn key(deps: &Deps, purpose: Purpose, phone: &str) -> String {
    deps.redis.key(&format!("otp:{}:{phone}", purpose.as_str()))
}

/// Sends a code if the number may use it. Rate-limited per number (one a minute, ten a day)
/// and per address.
pub async fn send_code(
    deps: &Deps,
    limiter: &RateLimiter,
    purpose: Purpose,
    phone: &str,
    address: &str,
    dev_mailbox: bool,
) -> Result<(), VerificationError> {
    let resend = Limit {
        max: 1,
        window: RESEND_AFTER,
    };
    for (scope, subject, limit) in [
        ("otp-resend", phone, resend),
        ("otp-day", phone, PER_PHONE_DAY),
        ("otp-address", address, PER_ADDRESS_HOUR),
    ] {
        if let Verdict::Limited { retry_after } = limiter.hit(scope, subject, limit).await? {
            return Err(VerificationError::Limited { retry_after });
        }
    }
    let owned = phone.to_owned();
    let exists = deps
        .db
        .run(move |conn| Ok(users::find_consumer_by_phone(conn, &owned)?.is_some()))
        .await?;
    let eligible = match purpose {
        Purpose::Register => !exists,
        Purpose::ResetPassword => exists,
    };
    if !eligible {
        return Ok(());
    }
    let code = SmsCode::generate().map_err(ServiceError::from)?;
    let mut pipe = redis::pipe();
    pipe.atomic()
        .cmd("DEL")
        .arg(key(deps, purpose, phone))
        .ignore()
        .cmd("HSET")
        .arg(key(deps, purpose, phone))
        .arg("code")
        .arg(code.as_str())
        .arg("attempts")
        .arg(0)
        .ignore()
        .cmd("EXPIRE")
        .arg(key(deps, purpose, phone))
        .arg(CODE_TTL.as_secs())
        .ignore();
    deps.redis.query_pipe::<()>(&pipe).await?;

    let fields: BTreeMap<String, String> = [
        ("code".to_owned(), code.as_str().to_owned()),
        ("minutes".to_owned(), (CODE_TTL.as_secs() / 60).to_string()),
    ]
    .into();
    let message = NewMessage {
        channel: Channel::Sms,
        recipient: phone.to_owned(),
        locale: Locale::ZhCn,
        template: purpose.template(),
        payload: serde_json::to_value(&fields)
            .map_err(|e| ServiceError::Internal(e.to_string()))?,
    };
    deps.db
        .run(move |conn| outbox::enqueue(conn, &message))
        .await?;

    if dev_mailbox {
        let rendered = render(purpose.template(), Channel::Sms, Locale::ZhCn, &fields)
            .map_err(|e| ServiceError::Internal(e.to_string()))?;
        let entry = serde_json::json!({
            "channel": "sms",
            "recipient": phone,
            "template": purpose.template().as_str(),
            "text": rendered.body,
            "created_at": chrono::Utc::now().timestamp(),
        });
        let mailbox = deps.redis.key(&format!("dev-mailbox:{phone}"));
        let mut pipe = redis::pipe();
        pipe.cmd("LPUSH")
            .arg(&mailbox)
            .arg(entry.to_string())
            .ignore()
            .cmd("LTRIM")
            .arg(&mailbox)
            .arg(0)
            .arg(19)
            .ignore()
            .cmd("EXPIRE")
            .arg(&mailbox)
            .arg(DEV_MAILBOX_TTL)
            .ignore();
        deps.redis.query_pipe::<()>(&pipe).await?;
    }
    Ok(())
}

/// Checks a code and, if right, consumes it. A wrong code counts against its attempts; the
/// last allowed wrong attempt burns it.
pub async fn consume_code(
    deps: &Deps,
    purpose: Purpose,
    phone: &str,
    input: &str,
) -> Result<(), VerificationError> {
    let key = key(deps, purpose, phone);
    let stored: Option<String> = deps
        .redis
        .query(redis::cmd("HGET").arg(&key).arg("code"))
        .await?;
    let Some(stored) = stored else {
        return Err(VerificationError::InvalidCode);
    };
    if SmsCode::from_stored(&stored).matches(input) {
        // Only one request can delete it: the one that gets 1 consumes the code.
        let deleted: i64 = deps.redis.query(redis::cmd("DEL").arg(&key)).await?;
        return if deleted == 1 {
            Ok(())
        } else {
            Err(VerificationError::InvalidCode)
        };
    }
    let attempts: i64 = deps
        .redis
        .query(redis::cmd("HINCRBY").arg(&key).arg("attempts").arg(1))
        .await?;
    if attempts >= i64::from(SMS_CODE_MAX_ATTEMPTS) {
        let _: i64 = deps.redis.query(redis::cmd("DEL").arg(&key)).await?;
    }
    Err(VerificationError::InvalidCode)
}

/// The development mailbox of a number, newest first (JSON objects).
pub async fn dev_mailbox(deps: &Deps, phone: &str) -> Result<Vec<serde_json::Value>, ServiceError> {
    let raw: Vec<String> = deps
        .redis
        .query(
            redis::cmd("LRANGE")
                .arg(deps.redis.key(&format!("dev-mailbox:{phone}")))
                .arg(0)
                .arg(-1),
        )
        .await?;
    Ok(raw
        .iter()
        .filter_map(|r| serde_json::from_str(r).ok())
        .collect())
}
