//! Liveness and readiness.

use std::time::{Duration, Instant};

use crate::{Dependency, Deps, ServiceError};

/// The outcome of checking one dependency.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    pub dependency: Dependency,
    pub result: Result<Duration, String>,
}

impl Check {
    pub fn ok(&self) -> bool {
        self.result.is_ok()
    }
}

/// Whether the server can do its work: PostgreSQL and Redis both answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Readiness {
    pub postgres: Check,
    pub redis: Check,
}

impl Readiness {
    pub fn ready(&self) -> bool {
        self.postgres.ok() && self.redis.ok()
    }

    pub fn unavailable(&self) -> Vec<Dependency> {
        [&self.postgres, &self.redis]
            .into_iter()
            .filter(|c| !c.ok())
            .map(|c| c.dependency)
            .collect()
    }
}

/// Checks both dependencies at once, each bounded by `limit`.
pub async fn readiness(deps: &Deps, limit: Duration) -> Readiness {
    let postgres = async {
        let started = Instant::now();
        let result = deps
            .db
            .run(|conn| {
                use diesel::RunQueryDsl;
                diesel::sql_query("SELECT 1").execute(conn)?;
                Ok(())
            })
            .await;
        (result, started.elapsed())
    };
    let redis = deps.redis.ping();
    let (pg, redis) = futures_util::future::join(
        tokio::time::timeout(limit, postgres),
        tokio::time::timeout(limit, redis),
    )
    .await;
    let pg = match pg {
        Ok((Ok(()), took)) => Ok(took),
        Ok((Err(e), _)) => Err(describe(&e)),
        Err(_) => Err("timed out".to_owned()),
    };
    let redis = match redis {
        Ok(Ok(took)) => Ok(took),
        Ok(Err(e)) => Err(describe(&e)),
        Err(_) => Err("timed out".to_owned()),
    };
    Readiness {
        postgres: Check {
            dependency: Dependency::Postgres,
            result: pg,
        },
        redis: Check {
            dependency: Dependency::Redis,
            result: redis,
        },
    }
}

fn describe(e: &ServiceError) -> String {
    e.to_string()
}
