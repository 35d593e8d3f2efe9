//! OAuth2 integration clients: administrators register, rotate and revoke them; a client
//! exchanges its credentials for a token; every bearer request re-checks the client.
//!
//! Rotation and revocation act at once: a token names the secret generation it was issued
//! under, and [`resolve`] compares it with the client's current row on every request. That is
//! one lookup by a unique index joined to the organisation's primary key — well under a
//! millisecond — done instead of a Redis cache because it cannot go stale: there is no
//! invalidation to forget or lose, a commit of rotate/revoke (or disabling the organisation,
//! or suspending an enterprise's approval) is seen by the very next request, and the same row
//! gives the current scopes.

use diesel::Connection;
use weiquan_db::api_clients::{self, ClientRow, NewClient};
use weiquan_db::audit::{self, NewAuditEntry};
use weiquan_db::organisations::{self, OrgRow};
use weiquan_domain::access::authorize;
use weiquan_domain::access::{Action, Actor, ClientId, ClientScope, Denied, OrgId, OrgRef, UserId};
use weiquan_domain::audit::{ActorKind, AuditAction, AuditActor, Outcome};
use weiquan_domain::clients::{
    IntegratingOrg, ScopeError, organisation_may_integrate, parse_scope_string, scope_string,
    scopes_for_token, scopes_to_grant, token_still_valid,
};
use zeroize::Zeroizing;

use crate::accounts::Origin;
use crate::credentials::client_secret::{self, ClientCredentials};
use crate::rate_limit::{Limit, RateLimiter, Verdict};
use crate::{Deps, ServiceError};

#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    /// No such client or organisation, or one outside the caller's subtree.
    #[error("not found")]
    NotFound,
    #[error("not allowed: {0}")]
    Denied(Denied),
    #[error("scopes: {0}")]
    Scopes(ScopeError),
    /// The client is revoked: it cannot be rotated or revoked again.
    #[error("the client is revoked")]
    Revoked,
    #[error(transparent)]
    Service(#[from] ServiceError),
}

/// A client and its secret, right after creation or rotation: the only time the secret
/// exists outside the client's own storage.
pub struct WithSecret {
    pub client: ClientRow,
    pub secret: Zeroizing<String>,
}

impl std::fmt::Debug for WithSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WithSecret")
            .field("client", &self.client)
            .finish_non_exhaustive()
    }
}

fn integrating(row: &OrgRow, kind: weiquan_domain::access::OrgKind) -> IntegratingOrg {
    IntegratingOrg {
        kind,
        active: row.status == "active",
        odr_approved: row.odr_status.as_deref().map(|s| s == "approved"),
    }
}

/// Whether the actor may manage the clients of `org`: 404 outside their subtree, 403 inside
/// it without the permission (401/403 first for a missing sign-in or second factor).
fn check_manage(actor: &Actor, org: &OrgRef) -> Result<(), ClientError> {
    match authorize(actor, Action::ViewOrg(org)) {
        Ok(()) => {}
        Err(Denied::Forbidden) => return Err(ClientError::NotFound),
        Err(other) => return Err(ClientError::Denied(other)),
    }
    authorize(actor, Action::ManageApiClients(org)).map_err(ClientError::Denied)
}

async fn load_org(deps: &Deps, id: OrgId) -> Result<Option<OrgRef>, ServiceError> {
    deps.db
        .run(move |conn| {
            organisations::find(conn, id)?
                .map(|row| row.to_ref())
                .transpose()
        })
        .await
}

/// The clients of an organisation, for its administrators.
pub async fn list(deps: &Deps, actor: &Actor, org: OrgId) -> Result<Vec<ClientRow>, ClientError> {
    let org = load_org(deps, org).await?.ok_or(ClientError::NotFound)?;
    check_manage(actor, &org)?;
    let id = org.id;
    Ok(deps
        .db
        .run(move |conn| api_clients::list_for_org(conn, id))
        .await?)
}

/// Registers a client with the scopes chosen (each grantable to the organisation's kind).
pub async fn create(
    deps: &Deps,
    actor: &Actor,
    org: OrgId,
    name: String,
    scopes: Vec<String>,
    origin: &Origin,
) -> Result<WithSecret, ClientError> {
    let org = load_org(deps, org).await?.ok_or(ClientError::NotFound)?;
    check_manage(actor, &org)?;
    let names: Vec<&str> = scopes.iter().map(String::as_str).collect();
    let granted = scopes_to_grant(org.kind, &names).map_err(ClientError::Scopes)?;
    let credentials = ClientCredentials::generate().map_err(ServiceError::from)?;
    let (audit_actor, origin, creator) = (AuditActor::from(actor), origin.clone(), actor.user());
    let hash = credentials.hash();
    let client_id = credentials.client_id.clone();
    let row = deps
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                let row = api_clients::insert(
                    conn,
                    &NewClient {
                        org_id: org.id.0,
                        name: &name,
                        client_id: &client_id,
                        secret_hash: &hash,
                        scopes: &scope_string(&granted),
                        created_by: creator.map(|u: UserId| u.0),
                    },
                )?;
                let mut entry = NewAuditEntry::new(
                    audit_actor,
                    AuditAction::ClientRegistered,
                    Outcome::Success,
                );
                entry.org_path = Some(org.path.clone());
                entry.subject = Some(format!("client:{}", row.id));
                entry.ip = origin.ip;
                entry.user_agent = origin.user_agent.clone();
                entry.detail = serde_json::json!({
                    "client_id": row.client_id,
                    "name": row.name,
                    "scopes": row.scopes,
                });
                audit::append(conn, &entry)?;
                Ok(row)
            })
        })
        .await?;
    Ok(WithSecret {
        client: row,
        secret: Zeroizing::new(credentials.secret().to_owned()),
    })
}

/// A change to an existing client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClientChange {
    /// A new secret; the old one and every token issued under it stop working.
    Rotate,
    /// The client and every token of it stop working for good.
    Revoke,
}

/// Rotates or revokes a client. Rotation returns the new secret.
pub async fn change(
    deps: &Deps,
    actor: &Actor,
    id: ClientId,
    change: ClientChange,
    origin: &Origin,
) -> Result<(ClientRow, Option<Zeroizing<String>>), ClientError> {
    let found = deps
        .db
        .run(move |conn| {
            let Some(client) = api_clients::find(conn, id)? else {
                return Ok(None);
            };
            let org = organisations::find(conn, OrgId(client.org_id))?;
            Ok(org.map(|o| o.to_ref()).transpose()?.map(|o| (client, o)))
        })
        .await?;
    let (_, org) = found.ok_or(ClientError::NotFound)?;
    check_manage(actor, &org)?;
    let credentials = match change {
        ClientChange::Rotate => Some(ClientCredentials::new_secret().map_err(ServiceError::from)?),
        ClientChange::Revoke => None,
    };
    let hash = credentials.as_ref().map(ClientCredentials::hash);
    let (audit_actor, origin) = (AuditActor::from(actor), origin.clone());
    let row = deps
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                let (row, action) = match hash {
                    Some(hash) => (
                        api_clients::rotate(conn, id, &hash)?,
                        AuditAction::ClientSecretRotated,
                    ),
                    None => (api_clients::revoke(conn, id)?, AuditAction::ClientRevoked),
                };
                let Some(row) = row else {
                    return Ok(None);
                };
                let mut entry = NewAuditEntry::new(audit_actor, action, Outcome::Success);
                entry.org_path = Some(org.path.clone());
                entry.subject = Some(format!("client:{}", row.id));
                entry.ip = origin.ip;
                entry.user_agent = origin.user_agent.clone();
                entry.detail = serde_json::json!({
                    "client_id": row.client_id,
                    "generation": row.generation,
                });
                audit::append(conn, &entry)?;
                Ok(Some(row))
            })
        })
        .await?
        .ok_or(ClientError::Revoked)?;
    Ok((
        row,
        credentials.map(|c| Zeroizing::new(c.secret().to_owned())),
    ))
}

/// Limits on failed client authentication.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenLimits {
    pub per_client: u32,
    pub per_address: u32,
    pub window: std::time::Duration,
}

/// What a token request presented.
pub struct TokenRequest<'a> {
    pub client_id: &'a str,
    pub secret: Zeroizing<String>,
    /// The RFC 6749 §3.3 `scope` parameter, if sent.
    pub scope: Option<&'a str>,
    pub origin: &'a Origin,
    /// The address to count failures under.
    pub address: &'a str,
}

/// What a token is issued for.
#[derive(Debug, Clone)]
pub struct Grant {
    pub client: ClientRow,
    pub org: OrgRef,
    pub scopes: Vec<ClientScope>,
}

#[derive(Debug, thiserror::Error)]
pub enum TokenError {
    /// Too many failures for this client id or address.
    #[error("rate limited")]
    Limited { retry_after: u64 },
    /// Unknown client, wrong secret, or a revoked client (RFC 6749 `invalid_client`).
    #[error("client authentication failed")]
    InvalidClient,
    /// Authenticated, but its organisation may not integrate now (`unauthorized_client`).
    #[error("the client's organisation may not integrate")]
    UnauthorizedClient,
    /// A scope that is unknown or not granted (`invalid_scope`).
    #[error("scope: {0}")]
    InvalidScope(ScopeError),
    #[error(transparent)]
    Service(#[from] ServiceError),
}

/// Authenticates a client for the client-credentials grant and decides the token's scopes.
/// Failed authentication is counted per client id and per address; every outcome for a known
/// client is audited (issuance in the same transaction that notes `last_used_at`).
pub async fn authenticate(
    deps: &Deps,
    limiter: &RateLimiter,
    limits: TokenLimits,
    request: TokenRequest<'_>,
) -> Result<Grant, TokenError> {
    let window = limits.window;
    let checks = [
        ("oauth-client", request.client_id, limits.per_client),
        ("oauth-address", request.address, limits.per_address),
    ];
    for (scope, subject, max) in checks {
        if let Verdict::Limited { retry_after } =
            limiter.check(scope, subject, Limit { max, window }).await?
        {
            return Err(TokenError::Limited { retry_after });
        }
    }
    let found = if client_secret::is_client_id(request.client_id) {
        let client_id = request.client_id.to_owned();
        deps.db
            .run(move |conn| api_clients::find_for_auth(conn, &client_id))
            .await?
    } else {
        None
    };
    let secret_ok = match &found {
        Some((_, hash, _)) => client_secret::verify(&request.secret, hash),
        None => {
            // The same work for an unknown client id, so timing does not tell them apart.
            let _ = client_secret::verify(&request.secret, &[0u8; 32]);
            false
        }
    };
    let Some((client, _, org_row)) = found.filter(|(c, _, _)| secret_ok && c.is_active()) else {
        for (scope, subject, max) in checks {
            limiter.hit(scope, subject, Limit { max, window }).await?;
        }
        refuse(
            deps,
            request.origin,
            None,
            "invalid_client",
            request.client_id,
        )
        .await;
        return Err(TokenError::InvalidClient);
    };
    let org = org_row.to_ref().map_err(ServiceError::from)?;
    let refused = |reason: &'static str| (client.clone(), org.clone(), reason);
    if !organisation_may_integrate(integrating(&org_row, org.kind)) {
        let (c, o, reason) = refused("unauthorized_client");
        refuse(
            deps,
            request.origin,
            Some((&c, &o)),
            reason,
            request.client_id,
        )
        .await;
        return Err(TokenError::UnauthorizedClient);
    }
    let granted = parse_scope_string(&client.scopes);
    let scopes = match scopes_for_token(&granted, request.scope) {
        Ok(scopes) => scopes,
        Err(e) => {
            let (c, o, reason) = refused("invalid_scope");
            refuse(
                deps,
                request.origin,
                Some((&c, &o)),
                reason,
                request.client_id,
            )
            .await;
            return Err(TokenError::InvalidScope(e));
        }
    };
    let actor = Actor::Client {
        client: ClientId(client.id),
        org: org.clone(),
        scopes: scopes.clone(),
    };
    let (origin, path, id) = (request.origin.clone(), org.path.clone(), client.id);
    let scope_text = scope_string(&scopes);
    let generation = client.generation;
    deps.db
        .run(move |conn| {
            conn.transaction(|conn| {
                api_clients::touch_last_used(conn, ClientId(id))?;
                let mut entry = NewAuditEntry::new(
                    AuditActor::from(&actor),
                    AuditAction::ClientTokenIssued,
                    Outcome::Success,
                );
                entry.org_path = Some(path);
                entry.subject = Some(format!("client:{id}"));
                entry.ip = origin.ip;
                entry.user_agent = origin.user_agent.clone();
                entry.detail = serde_json::json!({ "scope": scope_text, "generation": generation });
                audit::append(conn, &entry)
            })
        })
        .await?;
    Ok(Grant {
        client,
        org,
        scopes,
    })
}

/// Writes a refused token request to the audit log (never the secret).
async fn refuse(
    deps: &Deps,
    origin: &Origin,
    known: Option<(&ClientRow, &OrgRef)>,
    reason: &str,
    presented_id: &str,
) {
    let mut entry = NewAuditEntry::new(
        AuditActor {
            kind: ActorKind::Anonymous,
            user: None,
            client: known.map(|(c, _)| ClientId(c.id)),
            org: known.map(|(_, o)| o.id),
        },
        AuditAction::ClientTokenRefused,
        Outcome::Failure,
    );
    entry.org_path = known.map(|(_, o)| o.path.clone());
    entry.subject = known.map(|(c, _)| format!("client:{}", c.id));
    entry.ip = origin.ip;
    entry.user_agent = origin.user_agent.clone();
    // Only a well-formed identifier is repeated; anything else might be a pasted secret.
    let shown = client_secret::is_client_id(presented_id).then_some(presented_id);
    entry.detail = serde_json::json!({ "reason": reason, "client_id": shown });
    crate::audit::record_or_log(&deps.db, entry).await;
}

/// The claims of a bearer token that was signed by us and has not expired.
#[derive(Debug, Clone)]
pub struct Presented<'a> {
    pub client_id: &'a str,
    pub generation: i32,
    pub scopes: Vec<ClientScope>,
}

/// The actor a verified bearer token speaks for, if the client still stands behind it: active,
/// the same secret generation, its organisation still allowed to integrate. The actor's scopes
/// are the token's, narrowed to what the client holds now.
pub async fn resolve(
    deps: &Deps,
    presented: Presented<'_>,
) -> Result<Option<(Actor, ClientRow)>, ServiceError> {
    if !client_secret::is_client_id(presented.client_id) {
        return Ok(None);
    }
    let client_id = presented.client_id.to_owned();
    let Some((client, _, org_row)) = deps
        .db
        .run(move |conn| api_clients::find_for_auth(conn, &client_id))
        .await?
    else {
        return Ok(None);
    };
    let org = org_row.to_ref()?;
    if !token_still_valid(client.is_active(), client.generation, presented.generation)
        || !organisation_may_integrate(integrating(&org_row, org.kind))
    {
        return Ok(None);
    }
    let granted = parse_scope_string(&client.scopes);
    let scopes = presented
        .scopes
        .into_iter()
        .filter(|s| granted.contains(s))
        .collect();
    Ok(Some((
        Actor::Client {
            client: ClientId(client.id),
            org,
            scopes,
        },
        client,
    )))
}
