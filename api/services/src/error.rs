//! What a use case can fail with, in terms the HTTP layer maps to problem types.

use weiquan_db::DbError;

/// A backing service the platform cannot work without.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dependency {
    Postgres,
    Redis,
}

impl Dependency {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Postgres => "postgres",
            Self::Redis => "redis",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// The thing asked for does not exist (or the caller may not know that it does).
    #[error("{what} not found")]
    NotFound { what: &'static str },
    /// A dependency is down or timed out; the request can be retried later.
    #[error("{} unavailable: {detail}", dependency.as_str())]
    Unavailable {
        dependency: Dependency,
        detail: String,
    },
    /// A bug or unexpected state. Logged with detail; the caller sees a generic message.
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<DbError> for ServiceError {
    fn from(e: DbError) -> Self {
        match e {
            DbError::Unavailable(detail) => Self::Unavailable {
                dependency: Dependency::Postgres,
                detail,
            },
            DbError::Constraint(detail) | DbError::Other(detail) => Self::Internal(detail),
        }
    }
}
