//! The OpenAPI document: base information here, paths and schemas collected from the handlers
//! registered in `routes::configure`. `openapi/openapi.json` is this document, committed; a test
//! fails when it is stale and `weiquan openapi` rewrites it.

use actix_web::App;
use utoipa::openapi::OpenApi as Document;
use utoipa::openapi::security::{
    ClientCredentials, Flow, HttpAuthScheme, HttpBuilder, OAuth2, Scopes, SecurityScheme,
};
use utoipa::{Modify, OpenApi};
use utoipa_actix_web::{AppExt, scope};

use crate::error::{ErrorCode, FieldError, Problem};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Weiquan API",
        description = "The API of Weiquan (维权), a national consumer-complaint platform. \
            Errors are application/problem+json (RFC 9457) with a stable `code`; see \
            openapi/README.md for the conventions.",
        license(name = "Apache-2.0", identifier = "Apache-2.0"),
    ),
    components(schemas(Problem, ErrorCode, FieldError)),
    tags(
        (name = "health", description = "Liveness and readiness"),
        (name = "divisions", description = "Administrative divisions (GB/T 2260)"),
        (name = "enterprises", description = "Whether a business is an approved ODR enterprise (settles complaints online first)"),
        (name = "categories", description = "The classification taxonomy: goods and services categories and problem types"),
        (name = "sessions", description = "Signing in"),
        (name = "accounts", description = "Consumer registration and password reset"),
        (name = "me", description = "The signed-in caller and their sessions"),
        (name = "audit", description = "The tamper-evident audit log"),
        (name = "members", description = "Members of organisations and their administration"),
        (name = "invitations", description = "Inviting members: links by email, accepted with a first password"),
        (name = "organisations", description = "The organisation tree (bureaus, stations, associations, enterprises, ...)"),
        (name = "applications", description = "Applications to join by enterprises, departments and international bodies, and their review"),
        (name = "api-clients", description = "OAuth2 clients of enterprises, departments and international bodies, managed by their administrators"),
        (name = "attachments", description = "Evidence files: uploaded first, then named in a submission"),
        (name = "orders", description = "Work orders: filing appeals, the consumer's own list, the staff inbox, one order and actions on it"),
        (name = "dialogue", description = "The three-party dialogue of an order (consumer, business, mediator): messages, internal notes, read receipts, unread counts, and a live stream"),
        (name = "workflow", description = "The closed lists of the regulation (grounds, termination reasons, decisions) with their texts"),
        (name = "oauth", description = "Integrations: the OAuth2 client-credentials token endpoint and what a bearer token says"),
        (name = "calendar", description = "The holiday calendar periods are counted on: entered years, their dates, entering a year"),
    ),
    modifiers(&SecuritySchemes)
)]
struct BaseDoc;

/// The ways to authenticate that the document names: API clients get a token at
/// `/api/v1/oauth/token` (HTTP Basic with their id and secret, or the OAuth2 client-credentials
/// flow, which Swagger UI can run) and send it as a bearer token.
struct SecuritySchemes;

impl Modify for SecuritySchemes {
    fn modify(&self, openapi: &mut Document) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some(
                        "An API client's access token from POST /api/v1/oauth/token.",
                    ))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "client_basic",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Basic)
                    .description(Some(
                        "At the token endpoint: the client id as user name, the client secret as password.",
                    ))
                    .build(),
            ),
        );
        let scopes = Scopes::from_iter(
            weiquan_domain::access::ClientScope::ALL
                .map(|s| (s.as_str().to_owned(), s.description().0.to_owned())),
        );
        components.add_security_scheme(
            "client_credentials",
            SecurityScheme::OAuth2(OAuth2::new([Flow::ClientCredentials(
                ClientCredentials::new("/api/v1/oauth/token", scopes),
            )])),
        );
    }
}

/// The full document, built from the same registration the server uses.
pub fn document() -> Document {
    let (_, doc) = App::new()
        .into_utoipa_app()
        .openapi(BaseDoc::openapi())
        .service(scope::scope("/api").configure(crate::routes::configure))
        .split_for_parts();
    doc
}

/// The committed form: pretty JSON with a trailing newline.
pub fn render() -> Result<String, serde_json::Error> {
    let mut text = serde_json::to_string_pretty(&document())?;
    text.push('\n');
    Ok(text)
}

/// Path to the committed document inside the repository.
pub const COMMITTED_PATH: &str = "openapi/openapi.json";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn committed_document_is_fresh() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../openapi/openapi.json");
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            committed == render().unwrap(),
            "openapi/openapi.json is stale: run `cargo run --bin weiquan -- openapi` and commit it"
        );
    }

    #[test]
    fn every_operation_has_an_id_a_tag_and_a_description() {
        let doc = serde_json::to_value(document()).unwrap();
        let mut ids = Vec::new();
        for (path, item) in doc["paths"].as_object().unwrap() {
            for (method, op) in item.as_object().unwrap() {
                let id = op["operationId"].as_str().unwrap_or_default().to_owned();
                assert!(
                    id.contains('_'),
                    "{method} {path}: operationId {id:?} is not resource_action"
                );
                assert!(
                    op["tags"].as_array().is_some_and(|t| !t.is_empty()),
                    "{method} {path}: no tag"
                );
                assert!(
                    op["description"].is_string() || op["summary"].is_string(),
                    "{method} {path}: undocumented"
                );
                ids.push(id);
            }
        }
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n, "duplicate operationId");
    }

    #[test]
    fn the_error_code_enum_is_exported() {
        let doc = serde_json::to_value(document()).unwrap();
        let codes = &doc["components"]["schemas"]["ErrorCode"]["enum"];
        assert!(
            codes
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c == "service_unavailable")
        );
    }
}
