//! PostgreSQL access for Weiquan: the diesel schema, the r2d2 pool, embedded migrations,
//! reference data and one query module per aggregate. Rows are converted to domain types here.

pub mod api_clients;
pub mod applications;
pub mod attachments;
pub mod audit;
pub mod categories;
pub mod dialogue;
pub mod divisions;
pub mod error;
pub mod holidays;
pub mod inbox;
pub mod invitations;
pub mod migrate;
pub mod notifications;
pub mod odr;
pub mod orders;
pub mod organisations;
pub mod outbox;
pub mod pool;
pub mod reference;
pub mod schema;
pub mod signals;
pub mod targets;
pub mod totp;
pub mod users;

pub use error::DbError;
pub use pool::{PgPool, PoolOptions, build_pool};

/// Changes whenever a migration or a reference data file changes (computed by build.rs).
pub const SCHEMA_FINGERPRINT: &str = env!("WEIQUAN_SCHEMA_FINGERPRINT");
