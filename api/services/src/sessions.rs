//! Sessions in Redis. A session is named by a random id that only the browser holds (inside
//! the signed cookie); Redis keys use its SHA-256, so a copy of Redis hands out no working
//! session. Each session expires after its idle timeout unless used, and at its absolute
//! expiry regardless. A per-user set indexes the sessions for listing, "log out everywhere"
//! and killing all sessions when an account is disabled or its password changes.

use std::time::Duration;

use serde::{Deserialize, Serialize};
use weiquan_domain::access::{Actor, UserId};

use crate::random::{sha256_hex, token};
use crate::{RedisStore, ServiceError};

/// How long sessions of one kind of user live.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionPolicy {
    pub idle: Duration,
    pub absolute: Duration,
}

/// What a session remembers. The actor is a snapshot taken at sign-in; any change to the
/// account's roles, organisation or status revokes its sessions, so the snapshot never goes
/// stale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub actor: Actor,
    /// Sent back by the client in `X-CSRF-Token` on every state-changing request.
    pub csrf_token: String,
    pub created_at: i64,
    pub last_seen: i64,
    pub idle_secs: u64,
    pub expires_at: i64,
    pub ip: String,
    pub user_agent: String,
}

/// A session as listed to its owner: `handle` names it for revocation without revealing the
/// secret id.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionSummary {
    pub handle: String,
    pub session: Session,
}

/// Where a new session comes from.
#[derive(Debug, Clone)]
pub struct NewSession {
    pub actor: Actor,
    pub policy: SessionPolicy,
    pub ip: String,
    pub user_agent: String,
    pub now: i64,
}

#[derive(Clone)]
pub struct SessionStore {
    redis: RedisStore,
}

fn user_of(actor: &Actor) -> Result<UserId, ServiceError> {
    actor
        .user()
        .ok_or_else(|| ServiceError::Internal("a session needs a user".into()))
}

impl SessionStore {
    pub fn new(redis: RedisStore) -> Self {
        Self { redis }
    }

    fn session_key(&self, handle: &str) -> String {
        self.redis.key(&format!("session:{handle}"))
    }

    fn index_key(&self, user: UserId) -> String {
        self.redis.key(&format!("user-sessions:{}", user.0))
    }

    /// Creates a session; returns its secret id (for the cookie) and the session.
    pub async fn create(&self, new: NewSession) -> Result<(String, Session), ServiceError> {
        let user = user_of(&new.actor)?;
        let id = token(32)?;
        let handle = sha256_hex(&id);
        let absolute = i64::try_from(new.policy.absolute.as_secs()).unwrap_or(i64::MAX);
        let session = Session {
            actor: new.actor,
            csrf_token: token(24)?,
            created_at: new.now,
            last_seen: new.now,
            idle_secs: new.policy.idle.as_secs(),
            expires_at: new.now.saturating_add(absolute),
            ip: truncate(&new.ip, 64),
            user_agent: truncate(&new.user_agent, 256),
        };
        let json = serde_json::to_string(&session)
            .map_err(|e| ServiceError::Internal(format!("session encode: {e}")))?;
        let ttl = ttl(&session, new.now);
        let mut pipe = redis::pipe();
        pipe.atomic()
            .cmd("SET")
            .arg(self.session_key(&handle))
            .arg(json)
            .arg("EX")
            .arg(ttl)
            .ignore()
            .cmd("SADD")
            .arg(self.index_key(user))
            .arg(&handle)
            .ignore()
            .cmd("EXPIRE")
            .arg(self.index_key(user))
            .arg(absolute.max(1))
            .arg("GT")
            .ignore();
        self.redis.query_pipe::<()>(&pipe).await?;
        // EXPIRE .. GT does not set a TTL on a key without one; set it when missing.
        let _: i64 = self
            .redis
            .query(
                redis::cmd("EXPIRE")
                    .arg(self.index_key(user))
                    .arg(absolute.max(1))
                    .arg("NX"),
            )
            .await?;
        Ok((id, session))
    }

    /// The live session named by `id`, with its idle timer restarted; `None` when it is
    /// unknown, idle too long, past its absolute expiry or revoked.
    pub async fn touch(&self, id: &str, now: i64) -> Result<Option<Session>, ServiceError> {
        let handle = sha256_hex(id);
        let key = self.session_key(&handle);
        let raw: Option<String> = self.redis.query(redis::cmd("GET").arg(&key)).await?;
        let Some(raw) = raw else {
            return Ok(None);
        };
        let Ok(mut session) = serde_json::from_str::<Session>(&raw) else {
            return Ok(None);
        };
        if now >= session.expires_at {
            self.remove(&handle, &session).await?;
            return Ok(None);
        }
        // Refresh at most every few seconds: a busy page should not write on every request.
        if now - session.last_seen >= 5 {
            session.last_seen = now;
            let json = serde_json::to_string(&session)
                .map_err(|e| ServiceError::Internal(format!("session encode: {e}")))?;
            // XX: never resurrect a session revoked in the meantime.
            let _: Option<String> = self
                .redis
                .query(
                    redis::cmd("SET")
                        .arg(&key)
                        .arg(json)
                        .arg("EX")
                        .arg(ttl(&session, now))
                        .arg("XX"),
                )
                .await?;
        }
        Ok(Some(session))
    }

    /// The user's live sessions, newest first; dead index entries are pruned on the way.
    pub async fn list(&self, user: UserId) -> Result<Vec<SessionSummary>, ServiceError> {
        let handles: Vec<String> = self
            .redis
            .query(redis::cmd("SMEMBERS").arg(self.index_key(user)))
            .await?;
        if handles.is_empty() {
            return Ok(Vec::new());
        }
        let keys: Vec<String> = handles.iter().map(|h| self.session_key(h)).collect();
        let values: Vec<Option<String>> = self.redis.query(redis::cmd("MGET").arg(&keys)).await?;
        let mut out = Vec::new();
        let mut dead = Vec::new();
        for (handle, value) in handles.into_iter().zip(values) {
            match value.and_then(|v| serde_json::from_str::<Session>(&v).ok()) {
                Some(session) => out.push(SessionSummary { handle, session }),
                None => dead.push(handle),
            }
        }
        if !dead.is_empty() {
            let _: i64 = self
                .redis
                .query(redis::cmd("SREM").arg(self.index_key(user)).arg(dead))
                .await?;
        }
        out.sort_by_key(|s| std::cmp::Reverse(s.session.created_at));
        Ok(out)
    }

    /// Revokes one of the user's sessions by handle; false if it was not theirs or is gone.
    pub async fn revoke(&self, user: UserId, handle: &str) -> Result<bool, ServiceError> {
        let removed: i64 = self
            .redis
            .query(redis::cmd("SREM").arg(self.index_key(user)).arg(handle))
            .await?;
        let deleted: i64 = if removed > 0 {
            self.redis
                .query(redis::cmd("DEL").arg(self.session_key(handle)))
                .await?
        } else {
            0
        };
        Ok(deleted > 0)
    }

    /// The handle of a session id, as listed.
    pub fn handle_of(id: &str) -> String {
        sha256_hex(id)
    }

    /// Revokes every session of the user (log out everywhere, password change, disabling);
    /// returns how many were live.
    pub async fn revoke_all(&self, user: UserId) -> Result<usize, ServiceError> {
        let handles: Vec<String> = self
            .redis
            .query(redis::cmd("SMEMBERS").arg(self.index_key(user)))
            .await?;
        let mut keys: Vec<String> = handles.iter().map(|h| self.session_key(h)).collect();
        keys.push(self.index_key(user));
        let deleted: i64 = self.redis.query(redis::cmd("DEL").arg(keys)).await?;
        Ok(usize::try_from(deleted)
            .unwrap_or(0)
            .saturating_sub(1)
            .min(handles.len()))
    }

    async fn remove(&self, handle: &str, session: &Session) -> Result<(), ServiceError> {
        let _: i64 = self
            .redis
            .query(redis::cmd("DEL").arg(self.session_key(handle)))
            .await?;
        if let Ok(user) = user_of(&session.actor) {
            let _: i64 = self
                .redis
                .query(redis::cmd("SREM").arg(self.index_key(user)).arg(handle))
                .await?;
        }
        Ok(())
    }
}

/// Seconds until the session dies if unused: the idle timeout, cut short by the absolute one.
fn ttl(session: &Session, now: i64) -> u64 {
    let remaining = u64::try_from(session.expires_at.saturating_sub(now)).unwrap_or(0);
    session.idle_secs.min(remaining).max(1)
}

fn truncate(s: &str, max_chars: usize) -> String {
    s.chars().take(max_chars).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(idle: u64, expires_at: i64) -> Session {
        Session {
            actor: Actor::Consumer { user: UserId(1) },
            csrf_token: String::new(),
            created_at: 0,
            last_seen: 0,
            idle_secs: idle,
            expires_at,
            ip: String::new(),
            user_agent: String::new(),
        }
    }

    #[test]
    fn the_ttl_is_the_idle_timeout_cut_by_the_absolute_expiry() {
        assert_eq!(ttl(&session(1800, 43_200), 0), 1800);
        assert_eq!(ttl(&session(1800, 43_200), 42_000), 1200);
        assert_eq!(ttl(&session(1800, 43_200), 43_200), 1);
        assert_eq!(ttl(&session(1800, 43_200), 50_000), 1);
    }

    #[test]
    fn long_user_agents_are_truncated_by_characters() {
        assert_eq!(truncate("浏览器浏览器", 3), "浏览器");
    }
}
