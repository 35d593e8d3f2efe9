//! Signed-in test callers: a real account in the test's database and a real session in Redis
//! behind a real signed cookie, made through the same code the sign-in endpoint uses.

use diesel::prelude::*;
use weiquan_domain::access::{OrgId, Role, UserId};
use weiquan_http::auth::{CookieSigner, policy_for};
use weiquan_services::sessions::{NewSession, SessionPolicy, SessionStore};
use weiquan_services::{RedisOptions, RedisStore};

use crate::TestApp;

/// A placeholder hash for accounts that tests never sign in to with a password.
const UNUSABLE_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$dGVzdHNhbHQ$dGVzdGhhc2g";

/// A signed-in caller: send `cookie` as the Cookie header and `csrf` as X-CSRF-Token.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub user: UserId,
    pub cookie: String,
    pub csrf: String,
    /// The session's id (the cookie's secret), to find its handle.
    pub session_id: String,
}

impl TestApp {
    fn session_store(&self) -> SessionStore {
        let redis = RedisStore::new(RedisOptions {
            url: crate::redis_url(),
            key_prefix: self.config.redis_key_prefix.clone(),
            timeout: self.config.redis_timeout,
        })
        .unwrap_or_else(|e| panic!("{e}"));
        SessionStore::new(redis)
    }

    /// The bureau of a division (`None`: the national bureau).
    pub fn bureau(&self, division: Option<&str>) -> OrgId {
        let mut conn = self.database.connect();
        let code = division
            .map(|d| weiquan_domain::DivisionCode::parse(d).unwrap_or_else(|e| panic!("{e}")));
        let row = weiquan_db::organisations::bureau_of(&mut conn, code.as_ref())
            .unwrap_or_else(|e| panic!("{e}"))
            .unwrap_or_else(|| panic!("no bureau for {division:?}"));
        OrgId(row.id)
    }

    /// Creates a consumer account with this mobile number.
    pub fn create_consumer(&self, phone: &str) -> UserId {
        let mut conn = self.database.connect();
        let id = weiquan_db::users::insert(
            &mut conn,
            &weiquan_db::users::NewUser {
                kind: "consumer",
                org_id: None,
                phone: Some(phone),
                username: None,
                email: None,
                display_name: "测试消费者",
                password_hash: Some(UNUSABLE_HASH),
                status: "active",
            },
            &[],
        )
        .unwrap_or_else(|e| panic!("{e}"));
        UserId(id)
    }

    /// Creates a member of `org` with `roles`.
    pub fn create_member(&self, org: OrgId, username: &str, roles: &[Role]) -> UserId {
        let mut conn = self.database.connect();
        let id = weiquan_db::users::insert(
            &mut conn,
            &weiquan_db::users::NewUser {
                kind: "member",
                org_id: Some(org.0),
                phone: None,
                username: Some(username),
                email: None,
                display_name: username,
                password_hash: Some(UNUSABLE_HASH),
                status: "active",
            },
            roles,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        UserId(id)
    }

    /// Gives `user` a real password (argon2id with cheap test parameters).
    pub fn set_password(&self, user: UserId, password: &str) {
        let hasher = weiquan_services::credentials::PasswordHasher::new(
            weiquan_services::credentials::HashParams::TESTING,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let hash = hasher.hash(password).unwrap_or_else(|e| panic!("{e}"));
        let mut conn = self.database.connect();
        weiquan_db::users::set_password_hash(&mut conn, user, &hash, true)
            .unwrap_or_else(|e| panic!("{e}"));
    }

    /// Signs `user` in, as the sign-in endpoint would, with the configured policy.
    pub async fn sign_in(&self, user: UserId, second_factor: bool) -> SignedIn {
        let actor = self.actor_of(user, second_factor);
        let policy = policy_for(&actor, &self.config.session);
        self.sign_in_with(user, second_factor, policy).await
    }

    /// Signs `user` in with a given session policy (short timeouts for expiry tests).
    pub async fn sign_in_with(
        &self,
        user: UserId,
        second_factor: bool,
        policy: SessionPolicy,
    ) -> SignedIn {
        let actor = self.actor_of(user, second_factor);
        let (id, session) = self
            .session_store()
            .create(NewSession {
                actor,
                policy,
                ip: "127.0.0.1".into(),
                user_agent: "weiquan-tests".into(),
                now: weiquan_http::auth::now(),
            })
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let signer = CookieSigner::new(&self.config.session).unwrap_or_else(|e| panic!("{e}"));
        let cookie = signer
            .cookie(&id, &session)
            .unwrap_or_else(|e| panic!("{e}"));
        SignedIn {
            user,
            cookie: format!("{}={}", cookie.name(), cookie.value()),
            csrf: session.csrf_token,
            session_id: id,
        }
    }

    fn actor_of(&self, user: UserId, second_factor: bool) -> weiquan_domain::access::Actor {
        let mut conn = self.database.connect();
        let row = weiquan_db::users::find(&mut conn, user)
            .unwrap_or_else(|e| panic!("{e}"))
            .unwrap_or_else(|| panic!("no user {user:?}"));
        weiquan_db::users::actor_for(&mut conn, &row, second_factor)
            .unwrap_or_else(|e| panic!("{e}"))
            .unwrap_or_else(|| panic!("user {user:?} cannot act"))
    }

    /// A request as `who` (cookie and CSRF header set), or anonymous.
    pub fn request(
        &self,
        method: reqwest::Method,
        path: &str,
        who: Option<&SignedIn>,
    ) -> reqwest::RequestBuilder {
        let mut request = self.client.request(method, self.url(path));
        if let Some(who) = who {
            request = request
                .header("Cookie", &who.cookie)
                .header("X-CSRF-Token", &who.csrf);
        }
        request
    }

    /// Runs SQL on the test database (for arranging state).
    pub fn execute(&self, sql: &str) {
        let mut conn = self.database.connect();
        diesel::sql_query(sql)
            .execute(&mut conn)
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
    }
}

/// Decodes RFC 4648 base32 (what enrolment shows the user), for computing codes in tests.
pub fn base32_decode(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut bits: u64 = 0;
    let mut count = 0;
    let mut out = Vec::new();
    for c in text.bytes().filter(|c| *c != b'=') {
        let value = ALPHABET
            .iter()
            .position(|a| *a == c.to_ascii_uppercase())
            .unwrap_or_else(|| panic!("not base32: {text}"));
        bits = (bits << 5) | value as u64;
        count += 5;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
            bits &= (1 << count) - 1;
        }
    }
    out
}

/// The TOTP code for a base32 secret at a Unix time, as an authenticator app computes it.
pub fn totp_code(secret_base32: &str, unix_time: u64) -> String {
    weiquan_services::credentials::TotpSecret::from_bytes(base32_decode(secret_base32))
        .and_then(|s| s.code_at(unix_time))
        .unwrap_or_else(|e| panic!("{e}"))
}
