//! OAuth2 integration clients (RFC 6749 §4.4, client credentials): which scopes exist, which an
//! organisation's client may be granted, what a client may request in a token, and whether a
//! client's organisation may integrate at all. Pure rules; storage is `weiquan_db::api_clients`,
//! the use cases `weiquan_services::api_clients`.
//!
//! Scopes are the access a token carries. Their wire names (`orders:read`) are stable: they are
//! stored with each client, sent in tokens and documented, so a name is never changed once
//! released (add a new scope instead).

use crate::access::{ClientScope, OrgKind};

impl ClientScope {
    pub const ALL: [ClientScope; 2] = [Self::OrdersRead, Self::OrdersWrite];

    /// The stable wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::OrdersRead => "orders:read",
            Self::OrdersWrite => "orders:write",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|scope| scope.as_str() == s)
    }

    /// What the scope allows, for documentation and the console.
    pub fn description(self) -> (&'static str, &'static str) {
        match self {
            Self::OrdersRead => (
                "Read the work orders exchanged with your organisation.",
                "查看与本机构交换的工单。",
            ),
            Self::OrdersWrite => (
                "Act on those work orders: accept, reply, settle, hand back.",
                "处理这些工单：受理、答复、和解、退回。",
            ),
        }
    }
}

/// The scopes a client of an organisation of `kind` may be granted. Enterprises settle the
/// complaints about themselves; departments and international bodies exchange cases with the
/// platform; nobody else integrates by API (bureaus and associations work in the console).
pub fn grantable_scopes(kind: OrgKind) -> &'static [ClientScope] {
    match kind {
        OrgKind::Enterprise | OrgKind::Department | OrgKind::International => &ClientScope::ALL,
        OrgKind::Bureau(_) | OrgKind::Station | OrgKind::Association => &[],
    }
}

/// Why a set of scopes cannot be granted or requested.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScopeError {
    /// A name that is no scope at all.
    #[error("unknown scope {0:?}")]
    Unknown(String),
    /// A real scope that this organisation's clients (or this client) may not have.
    #[error("scope {} is not allowed here", .0.as_str())]
    NotAllowed(ClientScope),
    /// No scope at all where at least one is needed.
    #[error("no scope")]
    Empty,
}

/// The scopes to grant a new client of an organisation of `kind`, from the names an
/// administrator chose: each known, each grantable, at least one; duplicates collapse and the
/// result is sorted.
pub fn scopes_to_grant(kind: OrgKind, names: &[&str]) -> Result<Vec<ClientScope>, ScopeError> {
    let mut scopes = Vec::new();
    for name in names {
        let scope = ClientScope::parse(name).ok_or_else(|| ScopeError::Unknown((*name).into()))?;
        if !grantable_scopes(kind).contains(&scope) {
            return Err(ScopeError::NotAllowed(scope));
        }
        scopes.push(scope);
    }
    scopes.sort_unstable();
    scopes.dedup();
    if scopes.is_empty() {
        return Err(ScopeError::Empty);
    }
    Ok(scopes)
}

/// The scopes a token gets when a client with `granted` scopes asks for `requested` (the
/// RFC 6749 §3.3 `scope` parameter: space-delimited names). Omitted or blank: everything
/// granted. Otherwise only granted scopes may be asked for; anything else is `invalid_scope`.
pub fn scopes_for_token(
    granted: &[ClientScope],
    requested: Option<&str>,
) -> Result<Vec<ClientScope>, ScopeError> {
    let names: Vec<&str> = requested
        .map(|r| r.split(' ').filter(|n| !n.is_empty()).collect())
        .unwrap_or_default();
    if names.is_empty() {
        let mut all = granted.to_vec();
        all.sort_unstable();
        all.dedup();
        return if all.is_empty() {
            Err(ScopeError::Empty)
        } else {
            Ok(all)
        };
    }
    let mut scopes = Vec::new();
    for name in names {
        let scope = ClientScope::parse(name).ok_or_else(|| ScopeError::Unknown(name.into()))?;
        if !granted.contains(&scope) {
            return Err(ScopeError::NotAllowed(scope));
        }
        scopes.push(scope);
    }
    scopes.sort_unstable();
    scopes.dedup();
    Ok(scopes)
}

/// The space-delimited form of scopes (stored, and sent in tokens and token responses).
pub fn scope_string(scopes: &[ClientScope]) -> String {
    scopes
        .iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Parses a stored or signed scope string; unknown names are dropped (a scope retired after a
/// token was issued grants nothing).
pub fn parse_scope_string(s: &str) -> Vec<ClientScope> {
    let mut scopes: Vec<ClientScope> = s.split(' ').filter_map(ClientScope::parse).collect();
    scopes.sort_unstable();
    scopes.dedup();
    scopes
}

/// The state of a client's organisation, as far as integration needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IntegratingOrg {
    pub kind: OrgKind,
    /// The organisation is not disabled.
    pub active: bool,
    /// Enterprises: approved for online dispute resolution (not suspended). Others: `None`.
    pub odr_approved: Option<bool>,
}

/// Whether a client of this organisation may get and use tokens now: the organisation is
/// active, of a kind that integrates, and an enterprise only while its ODR approval stands.
pub fn organisation_may_integrate(org: IntegratingOrg) -> bool {
    org.active
        && !grantable_scopes(org.kind).is_empty()
        && match org.kind {
            OrgKind::Enterprise => org.odr_approved == Some(true),
            _ => true,
        }
}

/// Whether a token still speaks for its client: the client is active and the token was issued
/// under the secret generation the client has now (rotation and revocation act at once).
pub fn token_still_valid(
    client_active: bool,
    current_generation: i32,
    token_generation: i32,
) -> bool {
    client_active && current_generation == token_generation
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access::BureauLevel;
    use ClientScope::*;

    #[test]
    fn wire_names_are_stable_and_round_trip() {
        assert_eq!(OrdersRead.as_str(), "orders:read");
        assert_eq!(OrdersWrite.as_str(), "orders:write");
        for scope in ClientScope::ALL {
            assert_eq!(ClientScope::parse(scope.as_str()), Some(scope));
            let (en, zh) = scope.description();
            assert!(!en.is_empty() && !zh.is_empty());
        }
        assert_eq!(ClientScope::parse("orders_read"), None);
        assert_eq!(ClientScope::parse("ORDERS:READ"), None);
    }

    #[test]
    fn only_integrating_organisations_grant_scopes() {
        for kind in [
            OrgKind::Enterprise,
            OrgKind::Department,
            OrgKind::International,
        ] {
            assert_eq!(grantable_scopes(kind), &[OrdersRead, OrdersWrite]);
        }
        for kind in [
            OrgKind::Bureau(BureauLevel::County),
            OrgKind::Station,
            OrgKind::Association,
        ] {
            assert!(grantable_scopes(kind).is_empty());
            assert_eq!(
                scopes_to_grant(kind, &["orders:read"]),
                Err(ScopeError::NotAllowed(OrdersRead))
            );
        }
    }

    #[test]
    fn granting_needs_known_scopes_and_at_least_one() {
        let e = OrgKind::Enterprise;
        assert_eq!(
            scopes_to_grant(e, &["orders:write", "orders:read", "orders:read"]),
            Ok(vec![OrdersRead, OrdersWrite])
        );
        assert_eq!(scopes_to_grant(e, &[]), Err(ScopeError::Empty));
        assert_eq!(
            scopes_to_grant(e, &["orders:delete"]),
            Err(ScopeError::Unknown("orders:delete".into()))
        );
    }

    #[test]
    fn a_token_gets_the_granted_scopes_or_a_subset_never_more() {
        let read_only = [OrdersRead];
        let both = [OrdersRead, OrdersWrite];
        assert_eq!(
            scopes_for_token(&both, None),
            Ok(vec![OrdersRead, OrdersWrite])
        );
        assert_eq!(
            scopes_for_token(&both, Some("  ")),
            Ok(vec![OrdersRead, OrdersWrite])
        );
        assert_eq!(
            scopes_for_token(&both, Some("orders:write")),
            Ok(vec![OrdersWrite])
        );
        assert_eq!(
            scopes_for_token(&both, Some("orders:write orders:read orders:write")),
            Ok(vec![OrdersRead, OrdersWrite])
        );
        assert_eq!(
            scopes_for_token(&read_only, Some("orders:read orders:write")),
            Err(ScopeError::NotAllowed(OrdersWrite)),
            "a superset of the grant"
        );
        assert_eq!(
            scopes_for_token(&read_only, Some("admin")),
            Err(ScopeError::Unknown("admin".into()))
        );
        assert_eq!(scopes_for_token(&[], None), Err(ScopeError::Empty));
    }

    #[test]
    fn scope_strings_round_trip_and_drop_unknown_names() {
        assert_eq!(
            scope_string(&[OrdersRead, OrdersWrite]),
            "orders:read orders:write"
        );
        assert_eq!(
            parse_scope_string("orders:write retired:scope orders:read"),
            vec![OrdersRead, OrdersWrite]
        );
        assert_eq!(parse_scope_string(""), vec![]);
    }

    #[test]
    fn disabled_suspended_and_console_only_organisations_cannot_integrate() {
        let org = |kind, active, odr_approved| IntegratingOrg {
            kind,
            active,
            odr_approved,
        };
        assert!(organisation_may_integrate(org(
            OrgKind::Enterprise,
            true,
            Some(true)
        )));
        assert!(!organisation_may_integrate(org(
            OrgKind::Enterprise,
            true,
            Some(false)
        )));
        assert!(!organisation_may_integrate(org(
            OrgKind::Enterprise,
            true,
            None
        )));
        assert!(!organisation_may_integrate(org(
            OrgKind::Enterprise,
            false,
            Some(true)
        )));
        assert!(organisation_may_integrate(org(
            OrgKind::Department,
            true,
            None
        )));
        assert!(!organisation_may_integrate(org(
            OrgKind::Department,
            false,
            None
        )));
        assert!(organisation_may_integrate(org(
            OrgKind::International,
            true,
            None
        )));
        assert!(!organisation_may_integrate(org(
            OrgKind::Bureau(BureauLevel::County),
            true,
            None
        )));
    }

    #[test]
    fn rotation_and_revocation_end_old_tokens() {
        assert!(token_still_valid(true, 3, 3));
        assert!(!token_still_valid(true, 4, 3), "rotated since");
        assert!(!token_still_valid(false, 3, 3), "revoked");
    }

    #[test]
    fn scopes_serialise_by_wire_name() {
        assert_eq!(serde_json::to_value(OrdersRead).unwrap(), "orders:read");
    }
}
