//! Queries on OAuth2 integration clients (`api_clients`). Secrets are never here: only their
//! SHA-256 (`weiquan_services::credentials::client_secret`).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use weiquan_domain::access::{ClientId, OrgId};

use crate::DbError;
use crate::organisations::OrgRow;
use crate::schema::{api_clients, organisations};

/// A client as stored, without its secret hash.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = api_clients)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct ClientRow {
    pub id: i64,
    pub org_id: i64,
    pub name: String,
    pub client_id: String,
    pub scopes: String,
    pub status: String,
    pub generation: i32,
    pub created_by: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub rotated_at: Option<DateTime<Utc>>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

impl ClientRow {
    pub fn is_active(&self) -> bool {
        self.status == "active"
    }
}

#[derive(Debug, Insertable)]
#[diesel(table_name = api_clients)]
pub struct NewClient<'a> {
    pub org_id: i64,
    pub name: &'a str,
    pub client_id: &'a str,
    pub secret_hash: &'a [u8],
    pub scopes: &'a str,
    pub created_by: Option<i64>,
}

pub fn insert(conn: &mut PgConnection, client: &NewClient<'_>) -> Result<ClientRow, DbError> {
    Ok(diesel::insert_into(api_clients::table)
        .values(client)
        .returning(ClientRow::as_returning())
        .get_result(conn)?)
}

/// The clients of an organisation, oldest first.
pub fn list_for_org(conn: &mut PgConnection, org: OrgId) -> Result<Vec<ClientRow>, DbError> {
    Ok(api_clients::table
        .filter(api_clients::org_id.eq(org.0))
        .select(ClientRow::as_select())
        .order((api_clients::created_at, api_clients::id))
        .load(conn)?)
}

pub fn find(conn: &mut PgConnection, id: ClientId) -> Result<Option<ClientRow>, DbError> {
    Ok(api_clients::table
        .find(id.0)
        .select(ClientRow::as_select())
        .first(conn)
        .optional()?)
}

/// A client by its public identifier, with its secret hash and its organisation: what
/// authenticating a client and checking a bearer token need, in one indexed lookup.
pub fn find_for_auth(
    conn: &mut PgConnection,
    client_id: &str,
) -> Result<Option<(ClientRow, Vec<u8>, OrgRow)>, DbError> {
    Ok(api_clients::table
        .inner_join(organisations::table)
        .filter(api_clients::client_id.eq(client_id))
        .select((
            ClientRow::as_select(),
            api_clients::secret_hash,
            OrgRow::as_select(),
        ))
        .first(conn)
        .optional()?)
}

/// Replaces the secret and moves to the next generation; `None` when the client is not
/// active. Locks the row, so two rotations cannot both win.
pub fn rotate(
    conn: &mut PgConnection,
    id: ClientId,
    secret_hash: &[u8],
) -> Result<Option<ClientRow>, DbError> {
    Ok(diesel::update(
        api_clients::table
            .find(id.0)
            .filter(api_clients::status.eq("active")),
    )
    .set((
        api_clients::secret_hash.eq(secret_hash),
        api_clients::generation.eq(api_clients::generation + 1),
        api_clients::rotated_at.eq(diesel::dsl::now),
    ))
    .returning(ClientRow::as_returning())
    .get_result(conn)
    .optional()?)
}

/// Revokes an active client; `None` when it was not active.
pub fn revoke(conn: &mut PgConnection, id: ClientId) -> Result<Option<ClientRow>, DbError> {
    Ok(diesel::update(
        api_clients::table
            .find(id.0)
            .filter(api_clients::status.eq("active")),
    )
    .set((
        api_clients::status.eq("revoked"),
        api_clients::revoked_at.eq(diesel::dsl::now),
    ))
    .returning(ClientRow::as_returning())
    .get_result(conn)
    .optional()?)
}

/// Notes that a client obtained a token.
pub fn touch_last_used(conn: &mut PgConnection, id: ClientId) -> Result<(), DbError> {
    diesel::update(api_clients::table.find(id.0))
        .set(api_clients::last_used_at.eq(diesel::dsl::now))
        .execute(conn)?;
    Ok(())
}
