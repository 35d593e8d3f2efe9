//! Fixed-window counters in Redis, for brute-force and abuse limits. A limit is a number of
//! events per window under a key; past it the caller is told how many seconds remain. Windows
//! expire on their own, so nobody is ever locked out for good.

use std::time::Duration;

use crate::random::sha256_hex;
use crate::{RedisStore, ServiceError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub max: u32,
    pub window: Duration,
}

/// The outcome of counting or checking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Allowed,
    /// Over the limit: retry after this many seconds.
    Limited {
        retry_after: u64,
    },
}

#[derive(Clone)]
pub struct RateLimiter {
    redis: RedisStore,
}

impl RateLimiter {
    pub fn new(redis: RedisStore) -> Self {
        Self { redis }
    }

    /// Keys carry a hash of what they count (a phone, an IP), never the thing itself.
    fn key(&self, scope: &str, subject: &str) -> String {
        self.redis
            .key(&format!("rl:{scope}:{}", &sha256_hex(subject)[..32]))
    }

    /// Whether `subject` is already over `limit` in `scope`, without counting.
    pub async fn check(
        &self,
        scope: &str,
        subject: &str,
        limit: Limit,
    ) -> Result<Verdict, ServiceError> {
        let key = self.key(scope, subject);
        let mut pipe = redis::pipe();
        pipe.cmd("GET").arg(&key).cmd("TTL").arg(&key);
        let (count, ttl): (Option<u64>, i64) = self.redis.query_pipe(&pipe).await?;
        Ok(verdict(count.unwrap_or(0), ttl, limit, false))
    }

    /// Counts one event and says whether it is over the limit.
    pub async fn hit(
        &self,
        scope: &str,
        subject: &str,
        limit: Limit,
    ) -> Result<Verdict, ServiceError> {
        let key = self.key(scope, subject);
        let mut pipe = redis::pipe();
        pipe.atomic()
            .cmd("INCR")
            .arg(&key)
            .cmd("EXPIRE")
            .arg(&key)
            .arg(limit.window.as_secs().max(1))
            .arg("NX")
            .ignore()
            .cmd("TTL")
            .arg(&key);
        let (count, ttl): (u64, i64) = self.redis.query_pipe(&pipe).await?;
        Ok(verdict(count, ttl, limit, true))
    }

    /// Forgets the count (e.g. after a successful sign-in).
    pub async fn reset(&self, scope: &str, subject: &str) -> Result<(), ServiceError> {
        let _: i64 = self
            .redis
            .query(redis::cmd("DEL").arg(self.key(scope, subject)))
            .await?;
        Ok(())
    }
}

/// `counted`: the count includes the event being decided (hit), so the limit-th event is
/// still allowed; when only checking, reaching the limit already blocks the next one.
fn verdict(count: u64, ttl: i64, limit: Limit, counted: bool) -> Verdict {
    let over = if counted {
        count > u64::from(limit.max)
    } else {
        count >= u64::from(limit.max)
    };
    if over {
        let retry_after = u64::try_from(ttl)
            .ok()
            .filter(|t| *t > 0)
            .unwrap_or(limit.window.as_secs().max(1));
        Verdict::Limited { retry_after }
    } else {
        Verdict::Allowed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIVE_PER_MINUTE: Limit = Limit {
        max: 5,
        window: Duration::from_secs(60),
    };

    #[test]
    fn the_limit_th_event_is_allowed_and_the_next_is_not() {
        assert_eq!(verdict(5, 60, FIVE_PER_MINUTE, true), Verdict::Allowed);
        assert_eq!(
            verdict(6, 42, FIVE_PER_MINUTE, true),
            Verdict::Limited { retry_after: 42 }
        );
        assert_eq!(verdict(4, 60, FIVE_PER_MINUTE, false), Verdict::Allowed);
        assert_eq!(
            verdict(5, 10, FIVE_PER_MINUTE, false),
            Verdict::Limited { retry_after: 10 }
        );
    }

    #[test]
    fn a_key_without_ttl_reports_the_whole_window() {
        assert_eq!(
            verdict(9, -1, FIVE_PER_MINUTE, true),
            Verdict::Limited { retry_after: 60 }
        );
    }
}
