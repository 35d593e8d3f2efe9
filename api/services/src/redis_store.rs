//! Redis access: one multiplexed, self-reconnecting connection per server instance
//! (`redis::aio::ConnectionManager`), created lazily so that the server starts while Redis
//! is down, and every command bounded by a timeout so that an outage is a quick 503, never a
//! hang. All keys carry the configured prefix (tests give each test its own).

use std::sync::Arc;
use std::time::{Duration, Instant};

use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use tokio::sync::Mutex;

use crate::{Dependency, ServiceError};

#[derive(Debug, Clone)]
pub struct RedisOptions {
    pub url: String,
    pub key_prefix: String,
    /// Bound on connecting and on each command.
    pub timeout: Duration,
}

#[derive(Clone)]
pub struct RedisStore {
    client: redis::Client,
    options: Arc<RedisOptions>,
    manager: Arc<Mutex<Option<ConnectionManager>>>,
}

fn unavailable(detail: impl std::fmt::Display) -> ServiceError {
    ServiceError::Unavailable {
        dependency: Dependency::Redis,
        detail: detail.to_string(),
    }
}

fn classify(e: redis::RedisError) -> ServiceError {
    if e.is_io_error() || e.is_connection_dropped() || e.is_timeout() || e.is_connection_refusal() {
        unavailable(e)
    } else {
        ServiceError::Internal(format!("redis: {e}"))
    }
}

impl RedisStore {
    /// Checks the URL; does not connect.
    pub fn new(options: RedisOptions) -> Result<Self, ServiceError> {
        let client = redis::Client::open(options.url.as_str())
            .map_err(|e| ServiceError::Internal(format!("bad REDIS_URL: {e}")))?;
        Ok(Self {
            client,
            options: Arc::new(options),
            manager: Arc::new(Mutex::new(None)),
        })
    }

    /// The key for `name` under this instance's prefix.
    pub fn key(&self, name: &str) -> String {
        format!("{}{}", self.options.key_prefix, name)
    }

    pub fn key_prefix(&self) -> &str {
        &self.options.key_prefix
    }

    /// The client, for a connection of one's own (the live hub's pub/sub subscriber, which
    /// cannot share the multiplexed connection).
    pub fn client(&self) -> &redis::Client {
        &self.client
    }

    /// The bound on connecting and on each command.
    pub fn timeout(&self) -> Duration {
        self.options.timeout
    }

    /// A connection handle, connecting first if needed. While one task connects, others fail
    /// fast rather than queue behind it.
    pub async fn connection(&self) -> Result<ConnectionManager, ServiceError> {
        let Ok(mut slot) = self.manager.try_lock() else {
            return Err(unavailable("connecting"));
        };
        if let Some(manager) = slot.as_ref() {
            return Ok(manager.clone());
        }
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(self.options.timeout))
            .set_response_timeout(Some(self.options.timeout))
            .set_number_of_retries(1)
            .set_max_delay(Duration::from_millis(500));
        let manager = tokio::time::timeout(
            self.options.timeout,
            ConnectionManager::new_with_config(self.client.clone(), config),
        )
        .await
        .map_err(|_| unavailable("connect timed out"))?
        .map_err(unavailable)?;
        *slot = Some(manager.clone());
        Ok(manager)
    }

    /// Runs one command with the timeout; a connection error or timeout is `Unavailable`.
    pub async fn query<T: redis::FromRedisValue>(
        &self,
        cmd: &redis::Cmd,
    ) -> Result<T, ServiceError> {
        let mut conn = self.connection().await?;
        tokio::time::timeout(self.options.timeout, cmd.query_async::<T>(&mut conn))
            .await
            .map_err(|_| unavailable("command timed out"))?
            .map_err(classify)
    }

    /// Runs a pipeline (e.g. an atomic MULTI/EXEC) with the timeout.
    pub async fn query_pipe<T: redis::FromRedisValue>(
        &self,
        pipe: &redis::Pipeline,
    ) -> Result<T, ServiceError> {
        let mut conn = self.connection().await?;
        tokio::time::timeout(self.options.timeout, pipe.query_async::<T>(&mut conn))
            .await
            .map_err(|_| unavailable("command timed out"))?
            .map_err(classify)
    }

    /// PING, returning the round-trip time.
    pub async fn ping(&self) -> Result<Duration, ServiceError> {
        let started = Instant::now();
        let reply: String = self.query(&redis::cmd("PING")).await?;
        if reply == "PONG" {
            Ok(started.elapsed())
        } else {
            Err(ServiceError::Internal(format!(
                "unexpected PING reply {reply:?}"
            )))
        }
    }
}
