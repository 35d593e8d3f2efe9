//! Test support: [`TestApp`] runs the real server on an ephemeral port against its own
//! database (cloned from a migrated template) and its own Redis key prefix, so integration
//! tests run in parallel against the real PostgreSQL and Redis without seeing each other.
//! [`Proxy`] sits between the server and a dependency and can cut it, to test outages
//! without stopping the services that other tests use.

// Test support fails loudly: a broken fixture must stop the test, not be papered over.
#![expect(clippy::panic, reason = "fixtures panic on setup failure")]

mod database;
mod identity;
mod proxy;
pub mod sse;

use std::net::TcpListener;
use std::time::Duration;

use actix_web::dev::ServerHandle;
pub use database::{TestDatabase, postgres_server_url, redis_url};
pub use identity::{SignedIn, base32_decode, totp_code};
pub use proxy::Proxy;
use weiquan_http::config::Config;

/// A running server with its own database and Redis prefix, torn down on drop.
pub struct TestApp {
    pub base_url: String,
    pub client: reqwest::Client,
    pub config: Config,
    pub database: TestDatabase,
    handle: ServerHandle,
}

/// A change to the test configuration.
pub type Configure = Box<dyn FnOnce(&mut Config)>;

/// Options for [`TestApp::spawn_with`].
#[derive(Default)]
pub struct TestOptions {
    /// Route PostgreSQL through this proxy (its address replaces the server's).
    pub postgres_proxy: Option<std::net::SocketAddr>,
    /// Route Redis through this proxy.
    pub redis_proxy: Option<std::net::SocketAddr>,
    /// Adjust the configuration further.
    pub configure: Option<Configure>,
}

impl TestApp {
    pub async fn spawn() -> Self {
        Self::spawn_with(TestOptions::default()).await
    }

    pub async fn spawn_with(options: TestOptions) -> Self {
        let database = TestDatabase::create().await;
        let mut config = Config::defaults().unwrap_or_else(|e| panic!("default config: {e}"));
        config.database_url = match options.postgres_proxy {
            Some(addr) => format!("postgres://postgres@{addr}/{}", database.name),
            None => database.url.clone(),
        };
        config.redis_url = match options.redis_proxy {
            Some(addr) => format!("redis://{addr}"),
            None => redis_url(),
        };
        config.redis_key_prefix = format!("wqt:{}:", database.name);
        config.database_pool_size = 4;
        config.database_timeout = Duration::from_millis(1000);
        config.redis_timeout = Duration::from_millis(500);
        config.workers = 1;
        config.shutdown_timeout = Duration::from_secs(0);
        // Evidence files: a directory of this test's own, removed when it ends.
        config.attachments_dir =
            std::env::temp_dir().join(format!("weiquan-attachments-{}", database.name));
        if let Some(configure) = options.configure {
            configure(&mut config);
        }
        let listener = TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("bind: {e}"));
        let port = listener.local_addr().map(|a| a.port()).unwrap_or_default();
        let server = weiquan_http::server::start(config.clone(), listener)
            .unwrap_or_else(|e| panic!("start server: {e}"));
        let handle = server.handle();
        actix_web::rt::spawn(server);
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap_or_else(|e| panic!("client: {e}"));
        Self {
            base_url: format!("http://127.0.0.1:{port}"),
            client,
            config,
            database,
            handle,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }

    /// A second server instance on this app's database, Redis key prefix and attachment
    /// directory, as another instance behind a load balancer would run: sessions made for
    /// this app work there too. Stopped on drop; the database stays this app's.
    pub async fn spawn_sibling(&self) -> Sibling {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("bind: {e}"));
        let port = listener.local_addr().map(|a| a.port()).unwrap_or_default();
        let server = weiquan_http::server::start(self.config.clone(), listener)
            .unwrap_or_else(|e| panic!("start sibling server: {e}"));
        let handle = server.handle();
        actix_web::rt::spawn(server);
        Sibling {
            base_url: format!("http://127.0.0.1:{port}"),
            client: self.client.clone(),
            handle,
        }
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .unwrap_or_else(|e| panic!("GET {path}: {e}"))
    }

    /// GET and parse JSON, returning the status too.
    pub async fn get_json(&self, path: &str) -> (u16, serde_json::Value) {
        let response = self.get(path).await;
        let status = response.status().as_u16();
        (
            status,
            response.json().await.unwrap_or(serde_json::Value::Null),
        )
    }

    pub async fn post_json(
        &self,
        path: &str,
        body: &serde_json::Value,
    ) -> (u16, serde_json::Value) {
        let response = self
            .client
            .post(self.url(path))
            .json(body)
            .send()
            .await
            .unwrap_or_else(|e| panic!("POST {path}: {e}"));
        let status = response.status().as_u16();
        (
            status,
            response.json().await.unwrap_or(serde_json::Value::Null),
        )
    }

    /// Deletes every Redis key under this test's prefix.
    fn clear_redis(&self) {
        let Ok(client) = redis::Client::open(redis_url()) else {
            return;
        };
        let Ok(mut conn) = client.get_connection() else {
            return;
        };
        let pattern = format!("{}*", self.config.redis_key_prefix);
        let keys: Vec<String> = redis::cmd("KEYS")
            .arg(&pattern)
            .query(&mut conn)
            .unwrap_or_default();
        if !keys.is_empty() {
            let _: Result<(), _> = redis::cmd("DEL").arg(keys).query(&mut conn);
        }
    }
}

/// Another server instance sharing a [`TestApp`]'s database and Redis prefix
/// ([`TestApp::spawn_sibling`]).
pub struct Sibling {
    pub base_url: String,
    pub client: reqwest::Client,
    handle: ServerHandle,
}

impl Sibling {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
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
}

impl Drop for Sibling {
    fn drop(&mut self) {
        drop(self.handle.stop(false));
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        // Stop accepting and close connections; the database is dropped by TestDatabase.
        drop(self.handle.stop(false));
        self.clear_redis();
        let _ = std::fs::remove_dir_all(&self.config.attachments_dir);
    }
}
