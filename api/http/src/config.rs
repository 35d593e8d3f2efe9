//! Configuration: read from the environment once at start into typed values, failing fast with
//! a message that names the variable. `VARS` is the one list of variables; `.env.example` is
//! rendered from it (`weiquan env-example`) and a test keeps the two equal.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use weiquan_services::credentials::SecretKey;

/// The development default of `WEIQUAN_SECRET_KEY`: base64 of the 32 ASCII bytes
/// `weiquan-development-key-PUBLIC!!`. It is in the repository, so it protects nothing, and
/// `WEIQUAN_ENV=production` refuses to start with it.
pub const DEVELOPMENT_SECRET_KEY: &str = "d2VpcXVhbi1kZXZlbG9wbWVudC1rZXktUFVCTElDISE=";

/// One environment variable: its name, default and meaning.
#[derive(Debug, Clone, Copy)]
pub struct VarSpec {
    pub name: &'static str,
    pub default: &'static str,
    pub help: &'static str,
}

pub const VARS: &[VarSpec] = &[
    VarSpec {
        name: "WEIQUAN_ENV",
        default: "development",
        help: "development or production. Production refuses dev-only features (migrate --fresh, dev endpoints).",
    },
    VarSpec {
        name: "WEIQUAN_BIND",
        default: "127.0.0.1:8080",
        help: "Address and port the HTTP server listens on.",
    },
    VarSpec {
        name: "PUBLIC_BASE_URL",
        default: "http://127.0.0.1:8080",
        help: "The address people open the platform at (scheme, host, optional port and path, no trailing slash); links in emails start with it.",
    },
    VarSpec {
        name: "WEIQUAN_WORKERS",
        default: "0",
        help: "HTTP worker threads; 0 means one per CPU core.",
    },
    VarSpec {
        name: "WEIQUAN_SHUTDOWN_TIMEOUT_SECS",
        default: "10",
        help: "Seconds to let in-flight requests finish after SIGTERM.",
    },
    VarSpec {
        name: "WEIQUAN_KEEP_ALIVE_SECS",
        default: "5",
        help: "Seconds an idle HTTP keep-alive connection stays open. Behind a proxy or load \
               balancer, set it above that one's idle timeout (nginx 75, cloud balancers 60), \
               so that it never reuses a connection the server is closing.",
    },
    VarSpec {
        name: "WEIQUAN_JSON_LIMIT_BYTES",
        default: "1048576",
        help: "Largest accepted JSON request body; larger bodies get 413.",
    },
    VarSpec {
        name: "WEIQUAN_CONSUMER_DIST",
        default: "frontend-consumer/dist",
        help: "Directory of the built consumer SPA, served at /.",
    },
    VarSpec {
        name: "WEIQUAN_ADMIN_DIST",
        default: "frontend-admin/dist",
        help: "Directory of the built admin SPA, served at /admin/.",
    },
    VarSpec {
        name: "DATABASE_URL",
        default: "postgres://postgres@127.0.0.1:5432/weiquan",
        help: "PostgreSQL connection URL. `weiquan migrate` creates the database if missing.",
    },
    VarSpec {
        name: "DATABASE_POOL_SIZE",
        default: "16",
        help: "Connections per server instance.",
    },
    VarSpec {
        name: "DATABASE_TIMEOUT_MS",
        default: "3000",
        help: "How long a request waits for a database connection before it gets 503.",
    },
    VarSpec {
        name: "REDIS_URL",
        default: "redis://127.0.0.1:6379",
        help: "Redis URL (sessions, rate limits, pub/sub).",
    },
    VarSpec {
        name: "REDIS_KEY_PREFIX",
        default: "wq:",
        help: "Prefix of every Redis key, so several deployments or tests can share one Redis.",
    },
    VarSpec {
        name: "REDIS_TIMEOUT_MS",
        default: "1000",
        help: "Bound on connecting to Redis and on each command; beyond it requests get 503.",
    },
    VarSpec {
        name: "SESSION_SECRET",
        default: "dev-only-session-secret-change-me-0123456789",
        help: "Key (at least 32 characters) that signs session cookies. Production refuses the default.",
    },
    VarSpec {
        name: "SESSION_COOKIE_SECURE",
        default: "true",
        help: "Mark the session cookie Secure (HTTPS only). Set false only for plain-HTTP local runs.",
    },
    VarSpec {
        name: "SESSION_STAFF_IDLE_MINUTES",
        default: "30",
        help: "Staff, enterprise and other organisation users: minutes of inactivity before sign-out.",
    },
    VarSpec {
        name: "SESSION_STAFF_ABSOLUTE_HOURS",
        default: "12",
        help: "Organisation users: hours after sign-in when the session ends regardless.",
    },
    VarSpec {
        name: "SESSION_CONSUMER_IDLE_HOURS",
        default: "72",
        help: "Consumers: hours of inactivity before sign-out.",
    },
    VarSpec {
        name: "SESSION_CONSUMER_ABSOLUTE_DAYS",
        default: "30",
        help: "Consumers: days after sign-in when the session ends regardless.",
    },
    VarSpec {
        name: "WEIQUAN_SECRET_KEY",
        default: DEVELOPMENT_SECRET_KEY,
        help: "32 random bytes, standard base64 (`weiquan gen-secret-key`), that encrypt secrets at rest such as TOTP seeds. The default is public: production refuses to start with it. Store it apart from the database and its backups; losing it disables every enrolled authenticator.",
    },
    VarSpec {
        name: "SIGNIN_LIMIT_PER_ACCOUNT_AND_ADDRESS",
        default: "5",
        help: "Failed sign-ins allowed per account from one IP address per window; then 429 until the window ends.",
    },
    VarSpec {
        name: "SIGNIN_LIMIT_PER_ACCOUNT",
        default: "50",
        help: "Failed sign-ins allowed per account from all addresses per window (a stranger from one address cannot lock the owner out).",
    },
    VarSpec {
        name: "SIGNIN_LIMIT_PER_ADDRESS",
        default: "100",
        help: "Failed sign-ins allowed per IP address, all accounts together, per window.",
    },
    VarSpec {
        name: "SIGNIN_LIMIT_WINDOW_MINUTES",
        default: "15",
        help: "Length of the sign-in failure window in minutes.",
    },
    VarSpec {
        name: "OAUTH_TOKEN_SECRET",
        default: "dev-only-oauth-token-secret-change-me-0123456789",
        help: "Key (at least 32 characters) that signs the bearer tokens of API clients (HS256). Must differ from SESSION_SECRET; production refuses the default. Changing it ends every issued token.",
    },
    VarSpec {
        name: "OAUTH_TOKEN_LIFETIME_SECONDS",
        default: "600",
        help: "Lifetime of an API client's bearer token in seconds (1 to 3600).",
    },
    VarSpec {
        name: "OAUTH_FAILURE_LIMIT_PER_CLIENT",
        default: "20",
        help: "Failed client authentications at the token endpoint allowed per client id per window; then 429.",
    },
    VarSpec {
        name: "OAUTH_FAILURE_LIMIT_PER_ADDRESS",
        default: "100",
        help: "Failed client authentications at the token endpoint allowed per IP address per window; then 429.",
    },
    VarSpec {
        name: "OAUTH_FAILURE_WINDOW_MINUTES",
        default: "15",
        help: "Length of the token endpoint's failure window in minutes.",
    },
    VarSpec {
        name: "APPLICATION_LIMIT_PER_ADDRESS",
        default: "10",
        help: "Organisation applications (public form) accepted per IP address per hour; then 429.",
    },
    VarSpec {
        name: "APPLICATION_STATUS_LIMIT_PER_ADDRESS",
        default: "60",
        help: "Application status look-ups by tracking code per IP address per hour; then 429.",
    },
    VarSpec {
        name: "ATTACHMENTS_DIR",
        default: "var/attachments",
        help: "Directory where evidence files are stored, by content hash (relative paths start at the working directory). Back it up with the database.",
    },
    VarSpec {
        name: "ATTACHMENT_MAX_BYTES",
        default: "10485760",
        help: "Largest evidence file accepted, in bytes (10 MiB); larger uploads get 413.",
    },
    VarSpec {
        name: "ATTACHMENT_LIMIT_PER_USER",
        default: "60",
        help: "Evidence uploads accepted per account per hour; then 429.",
    },
    VarSpec {
        name: "MESSAGE_RATE_PER_MINUTE",
        default: "20",
        help: "Dialogue messages one account (or API client) may post per minute; then 429.",
    },
    VarSpec {
        name: "AUDIT_RETENTION_DAYS",
        default: "365",
        help: "Days audit records are kept before `weiquan audit prune` deletes them; at least 183 (six months, the legal minimum).",
    },
    VarSpec {
        name: "ESCALATION_INTERVAL_SECS",
        default: "300",
        help: "How often `weiquan serve` escalates overdue work orders (one instance at a time, under a PostgreSQL advisory lock); 0 turns the job off (run `weiquan orders escalate` from a scheduler instead).",
    },
    VarSpec {
        name: "OUTBOX_POLL_MS",
        default: "500",
        help: "How often the outbox relay looks for messages to send when the queue is empty.",
    },
    VarSpec {
        name: "OUTBOX_MAX_ATTEMPTS",
        default: "8",
        help: "Attempts to send a message (with exponential backoff, 1 s up to 1 h) before it is parked for administrators.",
    },
    VarSpec {
        name: "SMTP_URL",
        default: "",
        help: "Send email through this SMTP server: smtps://user:password@host:465 (implicit TLS) or smtp://user:password@host:587?tls=required (STARTTLS). Unset: email goes to the log. A secret: set it in the environment only.",
    },
    VarSpec {
        name: "SMTP_FROM",
        default: "",
        help: "The sender of email, e.g. 全国维权平台 <noreply@12315.example.gov.cn>; required with SMTP_URL.",
    },
    VarSpec {
        name: "SMS_GATEWAY_URL",
        default: "",
        help: "Send SMS by POSTing JSON to this HTTP gateway (2xx sent, other 4xx parked, 408/429/5xx retried). Unset: SMS go to the log.",
    },
    VarSpec {
        name: "SMS_GATEWAY_TOKEN",
        default: "",
        help: "Bearer token for SMS_GATEWAY_URL (a secret: set it in the environment only).",
    },
    VarSpec {
        name: "RUST_LOG",
        default: "info",
        help: "Log filter (env_logger syntax), e.g. info or warn,weiquan_http=debug.",
    },
];

/// Where the server runs: production turns off everything meant for developers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Environment {
    Development,
    Production,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub environment: Environment,
    pub bind: SocketAddr,
    /// `PUBLIC_BASE_URL` without a trailing slash.
    pub public_base_url: String,
    pub workers: usize,
    pub shutdown_timeout: Duration,
    /// `WEIQUAN_KEEP_ALIVE_SECS`.
    pub keep_alive: Duration,
    pub json_limit_bytes: usize,
    pub consumer_dist: PathBuf,
    pub admin_dist: PathBuf,
    pub database_url: String,
    pub database_pool_size: u32,
    pub database_timeout: Duration,
    pub redis_url: String,
    pub redis_key_prefix: String,
    pub redis_timeout: Duration,
    pub audit_retention_days: u32,
    /// Where evidence files are stored.
    pub attachments_dir: PathBuf,
    pub attachment_max_bytes: u64,
    /// Evidence uploads per account per hour.
    pub attachment_limit: weiquan_services::rate_limit::Limit,
    /// Dialogue messages per account (or API client) per minute.
    pub message_limit: weiquan_services::rate_limit::Limit,
    pub outbox_poll: Duration,
    pub outbox_max_attempts: i32,
    /// How often the overdue escalation runs; `None` when turned off.
    pub escalation_interval: Option<Duration>,
    /// Key for `weiquan_services::credentials::SecretBox` (Debug shows no key material).
    pub secret_key: SecretKey,
    pub session: SessionConfig,
    pub signin_limits: weiquan_services::sign_in::SignInLimits,
    /// Applications submitted per address per hour.
    pub application_limit: weiquan_services::rate_limit::Limit,
    /// Application status look-ups per address per hour.
    pub application_status_limit: weiquan_services::rate_limit::Limit,
    pub oauth: OAuthConfig,
    /// Where the outbox relay sends email and SMS (each `None`: to the log).
    pub senders: SenderConfig,
}

/// The configured senders of outgoing messages. Debug hides the URLs and token (credentials).
#[derive(Clone, Default)]
pub struct SenderConfig {
    /// (`SMTP_URL`, `SMTP_FROM`).
    pub smtp: Option<(String, String)>,
    /// (`SMS_GATEWAY_URL`, `SMS_GATEWAY_TOKEN`).
    pub sms_gateway: Option<(String, Option<String>)>,
}

impl std::fmt::Debug for SenderConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SenderConfig")
            .field("smtp", &self.smtp.as_ref().map(|_| "<set>"))
            .field("sms_gateway", &self.sms_gateway.as_ref().map(|_| "<set>"))
            .finish()
    }
}

/// How API clients' bearer tokens are signed and how long they live, and the limits on failed
/// client authentication.
#[derive(Clone)]
pub struct OAuthConfig {
    pub secret: String,
    pub token_lifetime: Duration,
    pub limits: weiquan_services::api_clients::TokenLimits,
}

impl std::fmt::Debug for OAuthConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OAuthConfig")
            .field("secret", &"<redacted>")
            .field("token_lifetime", &self.token_lifetime)
            .field("limits", &self.limits)
            .finish()
    }
}

/// How sessions are signed and how long they live.
#[derive(Clone)]
pub struct SessionConfig {
    pub secret: String,
    pub cookie_secure: bool,
    pub staff_idle: Duration,
    pub staff_absolute: Duration,
    pub consumer_idle: Duration,
    pub consumer_absolute: Duration,
}

impl std::fmt::Debug for SessionConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SessionConfig")
            .field("secret", &"<redacted>")
            .field("cookie_secure", &self.cookie_secure)
            .field("staff_idle", &self.staff_idle)
            .field("staff_absolute", &self.staff_absolute)
            .field("consumer_idle", &self.consumer_idle)
            .field("consumer_absolute", &self.consumer_absolute)
            .finish()
    }
}

/// A variable that is set to something unusable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid {name}={value:?}: {expected}")]
pub struct ConfigError {
    pub name: &'static str,
    pub value: String,
    pub expected: &'static str,
}

impl Config {
    /// Reads the process environment.
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads configuration through `lookup` (the environment, or a map in tests). Unset or
    /// empty variables take their default.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let get = |name: &'static str| -> String {
            lookup(name)
                .filter(|v| !v.trim().is_empty())
                .unwrap_or_else(|| default_of(name).to_owned())
        };
        let parse = |name: &'static str, expected: &'static str| {
            let value = get(name);
            move |ok: bool| {
                if ok {
                    Ok(())
                } else {
                    Err(ConfigError {
                        name,
                        value: value.clone(),
                        expected,
                    })
                }
            }
        };
        fn number<T: std::str::FromStr>(
            name: &'static str,
            value: String,
            expected: &'static str,
        ) -> Result<T, ConfigError> {
            value.trim().parse().map_err(|_| ConfigError {
                name,
                value,
                expected,
            })
        }
        let environment = match get("WEIQUAN_ENV").as_str() {
            "development" => Environment::Development,
            "production" => Environment::Production,
            _ => {
                parse("WEIQUAN_ENV", "development or production")(false)?;
                Environment::Development
            }
        };
        let bind = number(
            "WEIQUAN_BIND",
            get("WEIQUAN_BIND"),
            "host:port, e.g. 127.0.0.1:8080",
        )?;
        let json_limit_bytes: usize = number(
            "WEIQUAN_JSON_LIMIT_BYTES",
            get("WEIQUAN_JSON_LIMIT_BYTES"),
            "a byte count between 1024 and 104857600",
        )?;
        parse(
            "WEIQUAN_JSON_LIMIT_BYTES",
            "a byte count between 1024 and 104857600",
        )((1024..=104_857_600).contains(&json_limit_bytes))?;
        let database_pool_size: u32 = number(
            "DATABASE_POOL_SIZE",
            get("DATABASE_POOL_SIZE"),
            "a number of connections between 1 and 1000",
        )?;
        parse(
            "DATABASE_POOL_SIZE",
            "a number of connections between 1 and 1000",
        )((1..=1000).contains(&database_pool_size))?;
        let ms = |name: &'static str| -> Result<Duration, ConfigError> {
            let n: u64 = number(name, get(name), "milliseconds between 10 and 600000")?;
            parse(name, "milliseconds between 10 and 600000")((10..=600_000).contains(&n))?;
            Ok(Duration::from_millis(n))
        };
        let escalation_secs: u64 = number(
            "ESCALATION_INTERVAL_SECS",
            get("ESCALATION_INTERVAL_SECS"),
            "seconds between 0 and 86400",
        )?;
        parse("ESCALATION_INTERVAL_SECS", "seconds between 0 and 86400")(
            escalation_secs <= 86_400,
        )?;
        let escalation_interval =
            (escalation_secs > 0).then(|| Duration::from_secs(escalation_secs));
        let database_url = get("DATABASE_URL");
        parse(
            "DATABASE_URL",
            "a postgres:// or postgresql:// URL with a database name",
        )(
            (database_url.starts_with("postgres://") || database_url.starts_with("postgresql://"))
                && weiquan_db::migrate::DatabaseUrl::parse(&database_url).is_ok(),
        )?;
        let secret_key = secret_key(&get("WEIQUAN_SECRET_KEY"), environment)?;
        const RETENTION: &str = "whole days, at least 183 (six months) and at most 36500";
        let audit_retention_days: u32 = number(
            "AUDIT_RETENTION_DAYS",
            get("AUDIT_RETENTION_DAYS"),
            RETENTION,
        )?;
        parse("AUDIT_RETENTION_DAYS", RETENTION)(
            (weiquan_domain::audit::MIN_RETENTION_DAYS..=36_500).contains(&audit_retention_days),
        )?;
        const ATTEMPTS: &str = "a number of attempts between 1 and 100";
        let outbox_max_attempts: i32 =
            number("OUTBOX_MAX_ATTEMPTS", get("OUTBOX_MAX_ATTEMPTS"), ATTEMPTS)?;
        parse("OUTBOX_MAX_ATTEMPTS", ATTEMPTS)((1..=100).contains(&outbox_max_attempts))?;
        let redis_url = get("REDIS_URL");
        parse("REDIS_URL", "a redis:// or rediss:// URL")(
            redis_url.starts_with("redis://") || redis_url.starts_with("rediss://"),
        )?;
        let secret = get("SESSION_SECRET");
        parse("SESSION_SECRET", "at least 32 characters")(secret.chars().count() >= 32)?;
        parse(
            "SESSION_SECRET",
            "a secret of your own in production (not the development default)",
        )(environment != Environment::Production || secret != default_of("SESSION_SECRET"))?;
        let cookie_secure = match get("SESSION_COOKIE_SECURE").as_str() {
            "true" => true,
            "false" => false,
            _ => {
                parse("SESSION_COOKIE_SECURE", "true or false")(false)?;
                true
            }
        };
        let whole =
            |name: &'static str, min: u64, max: u64, unit: u64| -> Result<Duration, ConfigError> {
                let n: u64 = number(name, get(name), "a whole number in the documented range")?;
                parse(name, "a whole number in the documented range")((min..=max).contains(&n))?;
                Ok(Duration::from_secs(n * unit))
            };
        let session = SessionConfig {
            secret,
            cookie_secure,
            staff_idle: whole("SESSION_STAFF_IDLE_MINUTES", 1, 240, 60)?,
            staff_absolute: whole("SESSION_STAFF_ABSOLUTE_HOURS", 1, 24, 3600)?,
            consumer_idle: whole("SESSION_CONSUMER_IDLE_HOURS", 1, 24 * 90, 3600)?,
            consumer_absolute: whole("SESSION_CONSUMER_ABSOLUTE_DAYS", 1, 365, 86_400)?,
        };
        let count = |name: &'static str| -> Result<u32, ConfigError> {
            let n: u32 = number(name, get(name), "a whole number between 1 and 100000")?;
            parse(name, "a whole number between 1 and 100000")((1..=100_000).contains(&n))?;
            Ok(n)
        };
        let signin_limits = weiquan_services::sign_in::SignInLimits {
            per_account_and_address: count("SIGNIN_LIMIT_PER_ACCOUNT_AND_ADDRESS")?,
            per_account: count("SIGNIN_LIMIT_PER_ACCOUNT")?,
            per_address: count("SIGNIN_LIMIT_PER_ADDRESS")?,
            window: whole("SIGNIN_LIMIT_WINDOW_MINUTES", 1, 1440, 60)?,
        };
        let public_base_url = get("PUBLIC_BASE_URL")
            .trim()
            .trim_end_matches('/')
            .to_owned();
        parse(
            "PUBLIC_BASE_URL",
            "an http:// or https:// URL without spaces, e.g. https://12315.example.gov.cn",
        )(
            (public_base_url.starts_with("http://") || public_base_url.starts_with("https://"))
                && public_base_url.len() > "https://".len()
                && !public_base_url.contains(char::is_whitespace)
                && !public_base_url.contains(['#', '?']),
        )?;
        let oauth_secret = get("OAUTH_TOKEN_SECRET");
        parse("OAUTH_TOKEN_SECRET", "at least 32 characters")(oauth_secret.chars().count() >= 32)?;
        parse(
            "OAUTH_TOKEN_SECRET",
            "a secret of your own in production (not the development default)",
        )(
            environment != Environment::Production
                || oauth_secret != default_of("OAUTH_TOKEN_SECRET"),
        )?;
        parse("OAUTH_TOKEN_SECRET", "a key different from SESSION_SECRET")(
            oauth_secret != session.secret,
        )?;
        let oauth = OAuthConfig {
            secret: oauth_secret,
            token_lifetime: whole("OAUTH_TOKEN_LIFETIME_SECONDS", 1, 3600, 1)?,
            limits: weiquan_services::api_clients::TokenLimits {
                per_client: count("OAUTH_FAILURE_LIMIT_PER_CLIENT")?,
                per_address: count("OAUTH_FAILURE_LIMIT_PER_ADDRESS")?,
                window: whole("OAUTH_FAILURE_WINDOW_MINUTES", 1, 1440, 60)?,
            },
        };
        let hourly = |max: u32| weiquan_services::rate_limit::Limit {
            max,
            window: Duration::from_secs(3600),
        };
        let application_limit = hourly(count("APPLICATION_LIMIT_PER_ADDRESS")?);
        let application_status_limit = hourly(count("APPLICATION_STATUS_LIMIT_PER_ADDRESS")?);
        let attachment_limit = hourly(count("ATTACHMENT_LIMIT_PER_USER")?);
        let message_limit = weiquan_services::dialogue::rate(count("MESSAGE_RATE_PER_MINUTE")?);
        const MAX_BYTES: &str = "a byte count between 1 and 104857600 (100 MiB)";
        let attachment_max_bytes: u64 = number(
            "ATTACHMENT_MAX_BYTES",
            get("ATTACHMENT_MAX_BYTES"),
            MAX_BYTES,
        )?;
        parse("ATTACHMENT_MAX_BYTES", MAX_BYTES)(
            (1..=104_857_600).contains(&attachment_max_bytes),
        )?;
        let smtp_url = get("SMTP_URL");
        // Read even when unused, so that every documented variable is looked up.
        let smtp_from = get("SMTP_FROM");
        let sms_token = get("SMS_GATEWAY_TOKEN");
        let smtp = if smtp_url.trim().is_empty() {
            None
        } else {
            let hidden = |expected: &'static str| ConfigError {
                name: "SMTP_URL",
                value: "(hidden)".into(),
                expected,
            };
            if !(smtp_url.starts_with("smtp://") || smtp_url.starts_with("smtps://")) {
                return Err(hidden("an smtp:// or smtps:// URL"));
            }
            let from = smtp_from;
            parse(
                "SMTP_FROM",
                "a mail address such as noreply@example.gov.cn (required with SMTP_URL)",
            )(from.contains('@'))?;
            Some((smtp_url, from))
        };
        let sms_url = get("SMS_GATEWAY_URL");
        let sms_gateway = if sms_url.trim().is_empty() {
            None
        } else {
            parse("SMS_GATEWAY_URL", "an http:// or https:// URL")(
                sms_url.starts_with("http://") || sms_url.starts_with("https://"),
            )?;
            Some((sms_url, (!sms_token.trim().is_empty()).then_some(sms_token)))
        };
        Ok(Self {
            senders: SenderConfig { smtp, sms_gateway },
            public_base_url,
            oauth,
            signin_limits,
            application_limit,
            application_status_limit,
            attachment_limit,
            message_limit,
            attachment_max_bytes,
            attachments_dir: PathBuf::from(get("ATTACHMENTS_DIR")),
            session,
            environment,
            bind,
            workers: number("WEIQUAN_WORKERS", get("WEIQUAN_WORKERS"), "a whole number")?,
            shutdown_timeout: Duration::from_secs(number(
                "WEIQUAN_SHUTDOWN_TIMEOUT_SECS",
                get("WEIQUAN_SHUTDOWN_TIMEOUT_SECS"),
                "whole seconds",
            )?),
            keep_alive: Duration::from_secs(number(
                "WEIQUAN_KEEP_ALIVE_SECS",
                get("WEIQUAN_KEEP_ALIVE_SECS"),
                "whole seconds",
            )?),
            json_limit_bytes,
            consumer_dist: PathBuf::from(get("WEIQUAN_CONSUMER_DIST")),
            admin_dist: PathBuf::from(get("WEIQUAN_ADMIN_DIST")),
            database_url,
            database_pool_size,
            database_timeout: ms("DATABASE_TIMEOUT_MS")?,
            redis_url,
            redis_key_prefix: get("REDIS_KEY_PREFIX"),
            redis_timeout: ms("REDIS_TIMEOUT_MS")?,
            secret_key,
            audit_retention_days,
            outbox_poll: ms("OUTBOX_POLL_MS")?,
            outbox_max_attempts,
            escalation_interval,
        })
    }

    /// The defaults, as a local demo runs.
    pub fn defaults() -> Result<Self, ConfigError> {
        Self::from_lookup(|_| None)
    }
}

/// Parses `WEIQUAN_SECRET_KEY`. The error never repeats the value: it may be a real key
/// with a typo.
fn secret_key(value: &str, environment: Environment) -> Result<SecretKey, ConfigError> {
    let key = SecretKey::from_base64(value).map_err(|_| ConfigError {
        name: "WEIQUAN_SECRET_KEY",
        value: "(hidden)".into(),
        expected: "32 bytes in standard base64 (44 characters), e.g. from `weiquan gen-secret-key`",
    })?;
    if environment == Environment::Production && value.trim() == DEVELOPMENT_SECRET_KEY {
        return Err(ConfigError {
            name: "WEIQUAN_SECRET_KEY",
            value: "(the public development default)".into(),
            expected: "a key of your own in production: generate one with `weiquan gen-secret-key`",
        });
    }
    Ok(key)
}

fn default_of(name: &str) -> &'static str {
    VARS.iter()
        .find(|v| v.name == name)
        .map(|v| v.default)
        .unwrap_or("")
}

/// The text of `.env.example`, rendered from [`VARS`].
pub fn render_env_example() -> String {
    let mut out = String::from(
        "# Weiquan configuration. Every variable the server reads, with its default.\n\
         # Copy to .env (scripts/start reads it) or set them in the environment.\n\
         # Generated by `weiquan env-example`; a test fails when this file is stale.\n",
    );
    for var in VARS {
        out.push_str(&format!("\n# {}\n{}={}\n", var.help, var.name, var.default));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn with(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|name| map.get(name).cloned())
    }

    #[test]
    fn defaults_run_a_local_demo() {
        let c = Config::defaults().unwrap();
        assert_eq!(c.bind.to_string(), "127.0.0.1:8080");
        assert_eq!(c.environment, Environment::Development);
        assert_eq!(c.database_url, "postgres://postgres@127.0.0.1:5432/weiquan");
        assert_eq!(c.redis_key_prefix, "wq:");
    }

    #[test]
    fn a_bad_value_names_the_variable() {
        let err = with(&[("WEIQUAN_BIND", "nowhere")]).unwrap_err();
        assert_eq!(err.name, "WEIQUAN_BIND");
        assert!(
            err.to_string().contains("WEIQUAN_BIND=\"nowhere\""),
            "{err}"
        );
        assert_eq!(
            with(&[("DATABASE_POOL_SIZE", "0")]).unwrap_err().name,
            "DATABASE_POOL_SIZE"
        );
        assert_eq!(
            with(&[("REDIS_TIMEOUT_MS", "5")]).unwrap_err().name,
            "REDIS_TIMEOUT_MS"
        );
        assert_eq!(
            with(&[("WEIQUAN_ENV", "prod")]).unwrap_err().name,
            "WEIQUAN_ENV"
        );
        assert_eq!(
            with(&[("DATABASE_URL", "mysql://x/y")]).unwrap_err().name,
            "DATABASE_URL"
        );
        assert_eq!(
            with(&[("REDIS_URL", "127.0.0.1")]).unwrap_err().name,
            "REDIS_URL"
        );
        assert_eq!(
            with(&[("WEIQUAN_JSON_LIMIT_BYTES", "12")])
                .unwrap_err()
                .name,
            "WEIQUAN_JSON_LIMIT_BYTES"
        );
    }

    const PRODUCTION_KEY: &str = "cHJvZHVjdGlvbi1rZXktZm9yLWNvbmZpZy10ZXN0cyE=";

    #[test]
    fn production_refuses_the_development_secret_key() {
        for pairs in [
            vec![("WEIQUAN_ENV", "production")],
            vec![
                ("WEIQUAN_ENV", "production"),
                ("WEIQUAN_SECRET_KEY", DEVELOPMENT_SECRET_KEY),
            ],
        ] {
            let err = with(&pairs).unwrap_err();
            assert_eq!(err.name, "WEIQUAN_SECRET_KEY");
            let text = err.to_string();
            assert!(text.contains("WEIQUAN_SECRET_KEY"), "{text}");
            assert!(text.contains("gen-secret-key"), "{text}");
            assert!(!text.contains(DEVELOPMENT_SECRET_KEY), "{text}");
        }
        let session_secret = "k".repeat(40);
        let c = with(&[
            ("WEIQUAN_ENV", "production"),
            ("WEIQUAN_SECRET_KEY", PRODUCTION_KEY),
            ("SESSION_SECRET", session_secret.as_str()),
            ("OAUTH_TOKEN_SECRET", &"o".repeat(40)),
        ])
        .unwrap();
        assert_eq!(
            c.secret_key,
            SecretKey::from_base64(PRODUCTION_KEY).unwrap()
        );
        // Development runs with the default.
        assert_eq!(
            Config::defaults().unwrap().secret_key,
            SecretKey::from_base64(DEVELOPMENT_SECRET_KEY).unwrap()
        );
    }

    #[test]
    fn a_malformed_secret_key_is_named_but_not_echoed() {
        for bad in ["too-short", "c2hvcnQ=", "!!!!"] {
            let err = with(&[("WEIQUAN_SECRET_KEY", bad)]).unwrap_err();
            assert_eq!(err.name, "WEIQUAN_SECRET_KEY");
            assert!(!err.to_string().contains(bad), "{err}");
        }
        let c = Config::defaults().unwrap();
        assert!(!format!("{c:?}").contains(DEVELOPMENT_SECRET_KEY));
    }

    #[test]
    fn production_refuses_the_development_session_secret() {
        let err = with(&[
            ("WEIQUAN_ENV", "production"),
            ("WEIQUAN_SECRET_KEY", PRODUCTION_KEY),
        ])
        .unwrap_err();
        assert_eq!(err.name, "SESSION_SECRET");
        assert!(
            with(&[
                ("WEIQUAN_ENV", "production"),
                ("WEIQUAN_SECRET_KEY", PRODUCTION_KEY),
                ("SESSION_SECRET", &"k".repeat(40)),
                ("OAUTH_TOKEN_SECRET", &"o".repeat(40)),
            ])
            .is_ok()
        );
        assert_eq!(
            with(&[("SESSION_SECRET", "short")]).unwrap_err().name,
            "SESSION_SECRET"
        );
        assert_eq!(
            with(&[("SESSION_STAFF_IDLE_MINUTES", "0")])
                .unwrap_err()
                .name,
            "SESSION_STAFF_IDLE_MINUTES"
        );
        assert_eq!(
            with(&[("SESSION_COOKIE_SECURE", "yes")]).unwrap_err().name,
            "SESSION_COOKIE_SECURE"
        );
        let c = Config::defaults().unwrap();
        assert_eq!(c.session.staff_idle, Duration::from_secs(1800));
        assert_eq!(c.session.staff_absolute, Duration::from_secs(12 * 3600));
        assert!(
            !format!("{:?}", c.session).contains("dev-only"),
            "the secret is never printed"
        );
    }

    #[test]
    fn the_oauth_token_key_is_its_own_and_never_printed() {
        let c = Config::defaults().unwrap();
        assert_eq!(c.oauth.token_lifetime, Duration::from_secs(600));
        assert_ne!(c.oauth.secret, c.session.secret);
        assert!(!format!("{c:?}").contains("dev-only-oauth"));
        let same = "x".repeat(40);
        assert_eq!(
            with(&[("SESSION_SECRET", &same), ("OAUTH_TOKEN_SECRET", &same)])
                .unwrap_err()
                .name,
            "OAUTH_TOKEN_SECRET"
        );
        assert_eq!(
            with(&[("OAUTH_TOKEN_SECRET", "short")]).unwrap_err().name,
            "OAUTH_TOKEN_SECRET"
        );
        let err = with(&[
            ("WEIQUAN_ENV", "production"),
            ("WEIQUAN_SECRET_KEY", PRODUCTION_KEY),
            ("SESSION_SECRET", &"k".repeat(40)),
        ])
        .unwrap_err();
        assert_eq!(err.name, "OAUTH_TOKEN_SECRET");
        assert_eq!(
            with(&[("OAUTH_TOKEN_LIFETIME_SECONDS", "0")])
                .unwrap_err()
                .name,
            "OAUTH_TOKEN_LIFETIME_SECONDS"
        );
    }

    #[test]
    fn audit_retention_below_six_months_is_refused_with_the_reason() {
        let err = with(&[("AUDIT_RETENTION_DAYS", "90")]).unwrap_err();
        assert_eq!(err.name, "AUDIT_RETENTION_DAYS");
        assert!(err.to_string().contains("at least 183"), "{err}");
        assert_eq!(
            with(&[("AUDIT_RETENTION_DAYS", "half a year")])
                .unwrap_err()
                .name,
            "AUDIT_RETENTION_DAYS"
        );
        assert_eq!(
            with(&[("AUDIT_RETENTION_DAYS", "183")])
                .unwrap()
                .audit_retention_days,
            183
        );
        let c = Config::defaults().unwrap();
        assert_eq!(c.audit_retention_days, 365);
        assert_eq!(c.outbox_poll, Duration::from_millis(500));
        assert_eq!(c.outbox_max_attempts, 8);
        assert_eq!(
            with(&[("OUTBOX_MAX_ATTEMPTS", "0")]).unwrap_err().name,
            "OUTBOX_MAX_ATTEMPTS"
        );
        assert_eq!(
            with(&[("OUTBOX_POLL_MS", "1")]).unwrap_err().name,
            "OUTBOX_POLL_MS"
        );
    }

    #[test]
    fn set_values_override_defaults() {
        let secret = "s".repeat(40);
        let c = with(&[
            ("WEIQUAN_ENV", "production"),
            ("WEIQUAN_SECRET_KEY", PRODUCTION_KEY),
            ("REDIS_TIMEOUT_MS", "250"),
            ("SESSION_SECRET", secret.as_str()),
            ("OAUTH_TOKEN_SECRET", &"o".repeat(40)),
        ])
        .unwrap();
        assert_eq!(c.environment, Environment::Production);
        assert_eq!(c.redis_timeout, Duration::from_millis(250));
    }

    #[test]
    fn senders_are_configured_by_their_urls_and_secrets_never_show() {
        let c = Config::defaults().unwrap();
        assert!(c.senders.smtp.is_none() && c.senders.sms_gateway.is_none());
        let c = with(&[
            ("SMTP_URL", "smtps://mailer:s3cret@smtp.example.cn:465"),
            ("SMTP_FROM", "noreply@example.gov.cn"),
            ("SMS_GATEWAY_URL", "https://sms.example.cn/send"),
            ("SMS_GATEWAY_TOKEN", "tok-123"),
        ])
        .unwrap();
        assert_eq!(
            c.senders.smtp.as_ref().map(|(_, from)| from.as_str()),
            Some("noreply@example.gov.cn")
        );
        assert_eq!(
            c.senders
                .sms_gateway
                .as_ref()
                .and_then(|(_, t)| t.as_deref()),
            Some("tok-123")
        );
        let shown = format!("{:?}", c.senders);
        assert!(
            !shown.contains("s3cret") && !shown.contains("tok-123"),
            "{shown}"
        );
        let err = with(&[("SMTP_URL", "http://user:s3cret@x")]).unwrap_err();
        assert_eq!(err.name, "SMTP_URL");
        assert!(!err.value.contains("s3cret"));
        let err = with(&[("SMTP_URL", "smtp://x:25")]).unwrap_err();
        assert_eq!(err.name, "SMTP_FROM", "required with SMTP_URL");
        assert!(with(&[("SMS_GATEWAY_URL", "ftp://x")]).is_err());
    }

    #[test]
    fn every_variable_is_read_and_documented_once() {
        let mut names: Vec<_> = VARS.iter().map(|v| v.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), VARS.len(), "a variable is listed twice");
        // Every listed variable is actually looked up (RUST_LOG is read by env_logger).
        let seen = std::cell::RefCell::new(Vec::new());
        Config::from_lookup(|name| {
            seen.borrow_mut().push(name.to_owned());
            None
        })
        .unwrap();
        for var in VARS.iter().filter(|v| v.name != "RUST_LOG") {
            assert!(
                seen.borrow().iter().any(|s| s == var.name),
                "{} is never read",
                var.name
            );
        }
        // And nothing is read that is not listed.
        for name in seen.borrow().iter() {
            assert!(
                VARS.iter().any(|v| v.name == name),
                "{name} is read but not documented"
            );
        }
    }

    #[test]
    fn env_example_is_complete_and_fresh() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../.env.example");
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert_eq!(
            committed,
            render_env_example(),
            ".env.example is stale: run `cargo run --bin weiquan -- env-example`"
        );
    }
}
