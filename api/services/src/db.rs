//! Running diesel work on the blocking thread pool.

use std::sync::Arc;

use diesel::PgConnection;
use weiquan_db::{DbError, PgPool};

use crate::ServiceError;
use crate::calendar::CalendarCache;

/// The PostgreSQL pool, used only through [`Db::run`], so that a connection is checked out
/// inside a blocking task and returned before the task ends: never held across an `.await`.
#[derive(Clone)]
pub struct Db {
    pool: PgPool,
    /// The holiday calendar as last loaded from this database (`crate::calendar::current`).
    calendar: Arc<CalendarCache>,
}

impl Db {
    pub fn new(pool: PgPool) -> Self {
        Self {
            pool,
            calendar: Arc::default(),
        }
    }

    /// The cache of this database's holiday calendar, for use inside [`Db::run`].
    pub fn calendar_cache(&self) -> Arc<CalendarCache> {
        Arc::clone(&self.calendar)
    }

    pub fn pool(&self) -> &PgPool {
        &self.pool
    }

    /// Runs `work` with a pooled connection on the blocking pool.
    pub async fn run<T, F>(&self, work: F) -> Result<T, ServiceError>
    where
        F: FnOnce(&mut PgConnection) -> Result<T, DbError> + Send + 'static,
        T: Send + 'static,
    {
        let pool = self.pool.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = pool.get().map_err(DbError::from)?;
            work(&mut conn)
        })
        .await
        .map_err(|e| ServiceError::Internal(format!("database task failed: {e}")))?
        .map_err(ServiceError::from)
    }
}
