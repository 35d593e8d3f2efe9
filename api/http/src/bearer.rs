//! Bearer tokens of API clients (OAuth2 client credentials, RFC 6749 §4.4; used per RFC 6750):
//! a JWT signed with HS256 under `OAUTH_TOKEN_SECRET`, a key of its own (a session cookie can
//! never pass as a token, nor the reverse).
//!
//! Claims: `iss` and `aud` (fixed, checked), `sub` (the public client id), `iat`, `exp`
//! (`OAUTH_TOKEN_LIFETIME_SECONDS`, no leeway), `jti` (128 random bits, for the audit trail),
//! `scope` (space-delimited) and `gen`, the client's secret generation. A valid signature is
//! not enough: [`crate::auth::Caller`] then asks `weiquan_services::api_clients::resolve`
//! whether the client is still active under that generation, so rotation and revocation end
//! every token at once.

use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use weiquan_domain::clients::{parse_scope_string, scope_string};
use weiquan_services::api_clients::{Grant, Presented};

use crate::config::OAuthConfig;
use crate::error::ApiError;

pub const ISSUER: &str = "weiquan";
pub const AUDIENCE: &str = "weiquan-api";

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ClientClaims {
    pub iss: String,
    pub aud: String,
    pub sub: String,
    pub iat: i64,
    pub exp: i64,
    pub jti: String,
    pub scope: String,
    #[serde(rename = "gen")]
    pub generation: i32,
}

impl ClientClaims {
    pub fn presented(&self) -> Presented<'_> {
        Presented {
            client_id: &self.sub,
            generation: self.generation,
            scopes: parse_scope_string(&self.scope),
        }
    }
}

/// An issued token.
pub struct Issued {
    pub access_token: String,
    pub expires_in: i64,
    pub scope: String,
}

/// Signs and checks client bearer tokens.
#[derive(Clone)]
pub struct TokenSigner {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    lifetime_secs: i64,
}

impl TokenSigner {
    pub fn new(config: &OAuthConfig) -> Result<Self, String> {
        let secret = config.secret.as_bytes();
        let mut validation = Validation::new(Algorithm::HS256);
        validation.leeway = 0;
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "sub", "iss", "aud"]);
        Ok(Self {
            encoding: EncodingKey::from_secret(secret).map_err(|e| e.to_string())?,
            decoding: DecodingKey::from_secret(secret).map_err(|e| e.to_string())?,
            validation,
            lifetime_secs: i64::try_from(config.token_lifetime.as_secs()).unwrap_or(600),
        })
    }

    pub fn issue(&self, grant: &Grant, now: i64) -> Result<Issued, ApiError> {
        let jti = weiquan_services::credentials::rng::bytes::<16>()
            .map_err(|e| {
                log::error!("token id: {e}");
                ApiError::internal()
            })?
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>();
        let scope = scope_string(&grant.scopes);
        let claims = ClientClaims {
            iss: ISSUER.into(),
            aud: AUDIENCE.into(),
            sub: grant.client.client_id.clone(),
            iat: now,
            exp: now + self.lifetime_secs,
            jti,
            scope: scope.clone(),
            generation: grant.client.generation,
        };
        let access_token =
            jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding).map_err(
                |e| {
                    log::error!("signing client token: {e}");
                    ApiError::internal()
                },
            )?;
        Ok(Issued {
            access_token,
            expires_in: self.lifetime_secs,
            scope,
        })
    }

    /// The claims of a token we signed that has not expired; `None` for anything else.
    pub fn verify(&self, token: &str) -> Option<ClientClaims> {
        jsonwebtoken::decode::<ClientClaims>(token, &self.decoding, &self.validation)
            .ok()
            .map(|data| data.claims)
    }
}
