//! Where a request came from, as the server saw it: for sessions (device, IP) and for the
//! audit log. No proxy headers are trusted; a deployment behind a load balancer must make
//! the peer address meaningful (PROXY protocol or a trusted-proxy setting, not built yet).

use actix_web::HttpRequest;
use actix_web::http::header;
use weiquan_services::accounts::Origin;

/// The client's IP address as text ("" when unknown).
pub fn client_address(req: &HttpRequest) -> String {
    req.peer_addr()
        .map(|a| a.ip().to_string())
        .unwrap_or_default()
}

/// The User-Agent header ("" when absent or not text).
pub fn user_agent(req: &HttpRequest) -> String {
    req.headers()
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// Both, in the form use cases and audit entries take.
pub fn origin(req: &HttpRequest) -> Origin {
    Origin {
        ip: req.peer_addr().map(|a| a.ip()),
        user_agent: Some(user_agent(req)),
    }
}

/// An audit record of `action` by `actor` from this request: its origin, filed under the
/// actor's organisation (so its administrators find it), about the actor's own account
/// unless the caller sets another subject.
pub fn audit_entry(
    actor: &weiquan_domain::access::Actor,
    action: weiquan_domain::audit::AuditAction,
    outcome: weiquan_domain::audit::Outcome,
    req: &HttpRequest,
) -> weiquan_db::audit::NewAuditEntry {
    let mut entry = weiquan_db::audit::NewAuditEntry::new(
        weiquan_domain::audit::AuditActor::from(actor),
        action,
        outcome,
    );
    let from = origin(req);
    entry.ip = from.ip;
    entry.user_agent = from.user_agent;
    entry.org_path = actor.org().map(|o| o.path.clone());
    entry.subject = actor.user().map(|u| format!("user:{}", u.0));
    entry
}
