//! Database errors, sorted by what the caller can do about them.

use diesel::result::{DatabaseErrorKind, Error as DieselError};

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// PostgreSQL cannot be reached or the connection broke: answer 503 and try later.
    #[error("database unavailable: {0}")]
    Unavailable(String),
    /// A uniqueness or foreign-key rule refused the write.
    #[error("database constraint violated: {0}")]
    Constraint(String),
    /// A bug or an unexpected state: log it, answer 500.
    #[error("database error: {0}")]
    Other(String),
}

impl From<r2d2::Error> for DbError {
    fn from(e: r2d2::Error) -> Self {
        Self::Unavailable(e.to_string())
    }
}

impl From<DieselError> for DbError {
    fn from(e: DieselError) -> Self {
        match e {
            DieselError::DatabaseError(
                DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand,
                info,
            ) => Self::Unavailable(info.message().to_owned()),
            DieselError::DatabaseError(
                DatabaseErrorKind::UniqueViolation
                | DatabaseErrorKind::ForeignKeyViolation
                | DatabaseErrorKind::CheckViolation
                | DatabaseErrorKind::NotNullViolation,
                info,
            ) => Self::Constraint(info.message().to_owned()),
            // libpq reports a server shutdown mid-query ("terminating connection due to
            // administrator command", SQLSTATE 57P01) as an unknown database error.
            DieselError::DatabaseError(_, info) if is_unavailable_message(info.message()) => {
                Self::Unavailable(info.message().to_owned())
            }
            other => Self::Other(other.to_string()),
        }
    }
}

fn is_unavailable_message(message: &str) -> bool {
    const SIGNS: [&str; 6] = [
        "terminating connection",
        "server closed the connection",
        "connection to server",
        "the database system is",
        "no connection to the server",
        "could not receive data",
    ];
    SIGNS.iter().any(|sign| message.contains(sign))
}

impl From<diesel::ConnectionError> for DbError {
    fn from(e: diesel::ConnectionError) -> Self {
        Self::Unavailable(e.to_string())
    }
}

impl From<diesel_migrations::MigrationError> for DbError {
    fn from(e: diesel_migrations::MigrationError) -> Self {
        Self::Other(e.to_string())
    }
}
