//! What every handler can reach: the use-case dependencies and the configuration.

use std::sync::Arc;

use weiquan_db::PoolOptions;
use weiquan_services::attachments::Store;
use weiquan_services::credentials::{HashParams, PasswordHasher, SecretBox};
use weiquan_services::rate_limit::RateLimiter;
use weiquan_services::sessions::SessionStore;
use weiquan_services::{Db, Deps, RedisOptions, RedisStore, ServiceError};

use crate::auth::CookieSigner;
use crate::bearer::TokenSigner;

use crate::config::Config;

#[derive(Clone)]
pub struct AppState {
    pub deps: Deps,
    pub hasher: PasswordHasher,
    pub secret_box: SecretBox,
    pub limiter: RateLimiter,
    pub config: Arc<Config>,
    pub sessions: SessionStore,
    pub cookies: CookieSigner,
    pub tokens: TokenSigner,
    /// Where evidence files are kept.
    pub attachments: Store,
}

impl AppState {
    /// Builds the pools without connecting: the server starts even while PostgreSQL or Redis
    /// is down, reports itself not ready, and recovers when they return.
    pub fn new(config: Config) -> Result<Self, ServiceError> {
        let pool = weiquan_db::build_pool(
            &config.database_url,
            &PoolOptions {
                max_size: config.database_pool_size,
                connection_timeout: config.database_timeout,
            },
        )?;
        let redis = RedisStore::new(RedisOptions {
            url: config.redis_url.clone(),
            key_prefix: config.redis_key_prefix.clone(),
            timeout: config.redis_timeout,
        })?;
        let cookies = CookieSigner::new(&config.session).map_err(ServiceError::Internal)?;
        let tokens = TokenSigner::new(&config.oauth).map_err(ServiceError::Internal)?;
        let hasher = PasswordHasher::new(HashParams::PRODUCTION)?;
        Ok(Self {
            hasher,
            secret_box: SecretBox::new(&config.secret_key),
            limiter: RateLimiter::new(redis.clone()),
            sessions: SessionStore::new(redis.clone()),
            deps: Deps {
                db: Db::new(pool),
                hub: weiquan_services::live::Hub::new(redis.clone()),
                redis,
            },
            cookies,
            tokens,
            attachments: Store::new(config.attachments_dir.clone(), config.attachment_max_bytes),
            config: Arc::new(config),
        })
    }
}
