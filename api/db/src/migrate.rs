//! Creating the database, applying the embedded migrations, and (for tests) cloning it.

use diesel::{Connection, PgConnection, RunQueryDsl, sql_query};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use crate::DbError;

pub const MIGRATIONS: EmbeddedMigrations = embed_migrations!("../../migrations");

/// A database URL split into the server part and the database name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatabaseUrl {
    pub server: String,
    pub name: String,
    pub query: String,
}

impl DatabaseUrl {
    /// Splits `postgres://user@host:port/name?params`.
    pub fn parse(url: &str) -> Result<Self, DbError> {
        let (base, query) = match url.split_once('?') {
            Some((b, q)) => (b, format!("?{q}")),
            None => (url, String::new()),
        };
        let scheme_end = base.find("://").map(|i| i + 3).unwrap_or(0);
        let slash = base[scheme_end..]
            .rfind('/')
            .map(|i| i + scheme_end)
            .ok_or_else(|| DbError::Other(format!("no database name in URL {base}")))?;
        let name = base[slash + 1..].to_owned();
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(DbError::Other(format!(
                "database name {name:?} must be non-empty and use only letters, digits and _"
            )));
        }
        Ok(Self {
            server: base[..slash].to_owned(),
            name,
            query,
        })
    }

    pub fn with_name(&self, name: &str) -> String {
        format!("{}/{}{}", self.server, name, self.query)
    }

    /// The maintenance database on the same server.
    pub fn maintenance(&self) -> String {
        self.with_name("postgres")
    }
}

/// Creates the database if it does not exist, with a UTF-8 character type so that pg_trgm
/// and text search see Chinese characters (see backend-notes: with ctype C they see none).
pub fn ensure_database(url: &DatabaseUrl) -> Result<bool, DbError> {
    let mut admin = PgConnection::establish(&url.maintenance())?;
    if database_exists(&mut admin, &url.name)? {
        return Ok(false);
    }
    sql_query(format!(
        "CREATE DATABASE \"{}\" TEMPLATE template0 ENCODING 'UTF8' \
         LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'",
        url.name
    ))
    .execute(&mut admin)?;
    Ok(true)
}

/// Drops the database, disconnecting its sessions.
pub fn drop_database(url: &DatabaseUrl) -> Result<(), DbError> {
    let mut admin = PgConnection::establish(&url.maintenance())?;
    sql_query(format!(
        "DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)",
        url.name
    ))
    .execute(&mut admin)?;
    Ok(())
}

pub fn database_exists(admin: &mut PgConnection, name: &str) -> Result<bool, DbError> {
    #[derive(diesel::QueryableByName)]
    struct Found {
        #[diesel(sql_type = diesel::sql_types::Integer)]
        #[expect(dead_code, reason = "only the presence of a row matters")]
        one: i32,
    }
    let rows: Vec<Found> = sql_query("SELECT 1 AS one FROM pg_database WHERE datname = $1")
        .bind::<diesel::sql_types::Text, _>(name)
        .load(admin)?;
    Ok(!rows.is_empty())
}

/// Applies pending migrations; returns the versions applied.
pub fn run_migrations(conn: &mut PgConnection) -> Result<Vec<String>, DbError> {
    let applied = conn
        .run_pending_migrations(MIGRATIONS)
        .map_err(|e| DbError::Other(format!("migration failed: {e}")))?;
    Ok(applied.iter().map(ToString::to_string).collect())
}

/// Reverts every applied migration (used by the up → down → up test).
pub fn revert_all(conn: &mut PgConnection) -> Result<(), DbError> {
    conn.revert_all_migrations(MIGRATIONS)
        .map_err(|e| DbError::Other(format!("revert failed: {e}")))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_urls() {
        let u = DatabaseUrl::parse("postgres://postgres@127.0.0.1:5432/weiquan?sslmode=disable")
            .unwrap();
        assert_eq!(u.server, "postgres://postgres@127.0.0.1:5432");
        assert_eq!(u.name, "weiquan");
        assert_eq!(
            u.maintenance(),
            "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
        );
        assert!(DatabaseUrl::parse("postgres://h/").is_err());
        assert!(DatabaseUrl::parse("postgres://h/a;drop").is_err());
    }
}
