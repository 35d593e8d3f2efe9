//! Weiquan's use cases. Each function takes the dependencies it needs, runs its database work
//! on the blocking pool (one transaction, no connection held across an `.await`), asks the
//! domain to decide, and returns domain values. Nothing here knows about HTTP.

pub mod accounts;
pub mod api_clients;
pub mod applications;
pub mod associations;
pub mod attachments;
pub mod audit;
pub mod calendar;
pub mod categories;
pub mod credentials;
pub mod db;
pub mod demo;
pub mod dialogue;
pub mod divisions;
pub mod enterprises;
pub mod error;
pub mod escalation;
pub mod health;
pub mod inbox;
pub mod invitations;
pub mod live;
pub mod members;
pub mod notifications;
pub mod odr;
pub mod orders;
pub mod outbox;
pub mod random;
pub mod rate_limit;
pub mod redis_store;
pub mod second_factor;
pub mod sessions;
pub mod sign_in;
pub mod stations;
pub mod targets;
pub mod units;
pub mod verification;

pub use db::Db;
pub use error::{Dependency, ServiceError};
pub use redis_store::{RedisOptions, RedisStore};

/// Everything a use case may need, cheap to clone (one per worker).
#[derive(Clone)]
pub struct Deps {
    pub db: Db,
    pub redis: RedisStore,
    /// The live hub: publish after commit, subscribe for streams.
    pub hub: live::Hub,
}
