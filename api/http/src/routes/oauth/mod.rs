//! The OAuth2 token endpoint (RFC 6749 §4.4, client credentials) for API clients.

pub mod token;
