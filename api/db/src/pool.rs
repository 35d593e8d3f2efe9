//! The r2d2 connection pool. It is built without connecting, so the server starts (and
//! reports itself not ready) while PostgreSQL is down, and recovers when it comes back.

use std::time::Duration;

use diesel::PgConnection;
use diesel::r2d2::ConnectionManager;

use crate::DbError;

pub type PgPool = r2d2::Pool<ConnectionManager<PgConnection>>;
pub type PooledConn = r2d2::PooledConnection<ConnectionManager<PgConnection>>;

#[derive(Debug, Clone)]
pub struct PoolOptions {
    pub max_size: u32,
    /// How long a request waits for a connection before it is answered 503.
    pub connection_timeout: Duration,
}

impl Default for PoolOptions {
    fn default() -> Self {
        Self {
            max_size: 16,
            connection_timeout: Duration::from_secs(3),
        }
    }
}

/// Builds the pool lazily: no connection is opened until one is needed.
pub fn build_pool(database_url: &str, options: &PoolOptions) -> Result<PgPool, DbError> {
    let manager = ConnectionManager::<PgConnection>::new(database_url);
    Ok(r2d2::Pool::builder()
        .max_size(options.max_size)
        .min_idle(Some(0))
        .connection_timeout(options.connection_timeout)
        .test_on_check_out(true)
        .error_handler(Box::new(LogErrors))
        .build_unchecked(manager))
}

#[derive(Debug)]
struct LogErrors;

impl<E: std::fmt::Display> r2d2::HandleError<E> for LogErrors {
    fn handle_error(&self, error: E) {
        log::warn!("postgres connection error: {error}");
    }
}
