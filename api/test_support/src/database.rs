//! Per-test databases cloned from one migrated template per schema fingerprint.
//!
//! The template is built once (under an advisory lock, so parallel test processes do not race)
//! and named after `weiquan_db::SCHEMA_FINGERPRINT`, so editing a migration or the reference
//! data builds a new one. Each test then gets `CREATE DATABASE t_<uuid> TEMPLATE ...`, which
//! costs milliseconds, and drops it at the end.

use diesel::{Connection, PgConnection, RunQueryDsl, sql_query};
use weiquan_db::migrate::{self, DatabaseUrl};

/// The PostgreSQL server tests use (`WEIQUAN_TEST_DATABASE_URL`, default the local one).
pub fn postgres_server_url() -> String {
    std::env::var("WEIQUAN_TEST_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

/// The Redis tests use (`WEIQUAN_TEST_REDIS_URL`, default the local one).
pub fn redis_url() -> String {
    std::env::var("WEIQUAN_TEST_REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379".to_owned())
}

fn admin_url() -> DatabaseUrl {
    DatabaseUrl::parse(&postgres_server_url()).unwrap_or_else(|e| panic!("test database URL: {e}"))
}

fn admin() -> PgConnection {
    PgConnection::establish(&admin_url().maintenance()).unwrap_or_else(|e| {
        panic!("PostgreSQL is not reachable for tests (run scripts/services): {e}")
    })
}

fn exec(conn: &mut PgConnection, sql: &str) {
    sql_query(sql)
        .execute(conn)
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

/// The name of the migrated template for the current schema, building it if needed.
pub fn template() -> String {
    static TEMPLATE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    TEMPLATE.get_or_init(build_template).clone()
}

fn build_template() -> String {
    let name = format!("wq_tpl_{}", weiquan_db::SCHEMA_FINGERPRINT);
    let mut admin = admin();
    exec(&mut admin, "SELECT pg_advisory_lock(20261129)");
    let exists = migrate::database_exists(&mut admin, &name).unwrap_or(false);
    if !exists {
        let building = format!("wq_tplbuild_{}", uuid::Uuid::new_v4().simple());
        let url = admin_url();
        let build_url =
            DatabaseUrl::parse(&url.with_name(&building)).unwrap_or_else(|e| panic!("{e}"));
        migrate::ensure_database(&build_url).unwrap_or_else(|e| panic!("create template: {e}"));
        {
            let mut conn = PgConnection::establish(&url.with_name(&building))
                .unwrap_or_else(|e| panic!("connect template: {e}"));
            migrate::run_migrations(&mut conn).unwrap_or_else(|e| panic!("{e}"));
            weiquan_db::reference::sync_all(&mut conn).unwrap_or_else(|e| panic!("{e}"));
        }
        // Renaming makes the finished template appear atomically.
        exec(
            &mut admin,
            &format!("ALTER DATABASE \"{building}\" RENAME TO \"{name}\""),
        );
    }
    exec(&mut admin, "SELECT pg_advisory_unlock(20261129)");
    name
}

/// A database of one's own, dropped on drop.
pub struct TestDatabase {
    pub name: String,
    pub url: String,
}

impl TestDatabase {
    /// A copy of the migrated template (schema and reference data).
    pub async fn create() -> Self {
        actix_web::rt::task::spawn_blocking(Self::create_blocking)
            .await
            .unwrap_or_else(|e| panic!("create test database: {e}"))
    }

    pub fn create_blocking() -> Self {
        let template = template();
        let name = format!("t_{}", uuid::Uuid::new_v4().simple());
        exec(
            &mut admin(),
            &format!("CREATE DATABASE \"{name}\" TEMPLATE \"{template}\""),
        );
        Self {
            url: admin_url().with_name(&name),
            name,
        }
    }

    /// An empty database (no migrations), for migration tests.
    pub fn create_empty() -> Self {
        let name = format!("t_{}", uuid::Uuid::new_v4().simple());
        let url = admin_url().with_name(&name);
        let parsed = DatabaseUrl::parse(&url).unwrap_or_else(|e| panic!("{e}"));
        migrate::ensure_database(&parsed).unwrap_or_else(|e| panic!("{e}"));
        Self { url, name }
    }

    pub fn connect(&self) -> PgConnection {
        PgConnection::establish(&self.url).unwrap_or_else(|e| panic!("connect {}: {e}", self.name))
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Ok(mut admin) = PgConnection::establish(&admin_url().maintenance()) {
            let _ = sql_query(format!(
                "DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)",
                self.name
            ))
            .execute(&mut admin);
        }
    }
}
