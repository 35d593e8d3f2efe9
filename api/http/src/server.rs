//! Assembling the actix application and running the HTTP server.

use std::net::TcpListener;

use actix_web::body::MessageBody;
use actix_web::dev::{Server, ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::middleware::{Compress, DefaultHeaders, Logger, from_fn};
use actix_web::{App, HttpServer, web};
use utoipa_actix_web::{AppExt, scope};
use utoipa_swagger_ui::SwaggerUi;

use crate::config::Config;
use crate::fallback::{RouteTable, enforce_methods, fallback};
use crate::state::AppState;
use crate::{extract, openapi, routes};

/// Sent with every response. The SPAs load nothing from other origins; antd writes inline
/// styles, hence `style-src 'unsafe-inline'` (no inline scripts are allowed).
const SECURITY_HEADERS: [(&str, &str); 5] = [
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
    (
        "Permissions-Policy",
        "camera=(), microphone=(), geolocation=()",
    ),
    (
        "Content-Security-Policy",
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
         img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; \
         object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
    ),
];

/// The whole application: API routes (from `routes::configure`), the API reference UI,
/// and the SPAs behind the fallback.
pub fn app(
    state: web::Data<AppState>,
    routes_table: web::Data<RouteTable>,
    document: utoipa::openapi::OpenApi,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    let json_limit = state.config.json_limit_bytes;
    let development = state.config.environment == crate::config::Environment::Development;
    let mut headers = DefaultHeaders::new();
    for header in SECURITY_HEADERS {
        headers = headers.add(header);
    }
    let (app, _) = App::new()
        .into_utoipa_app()
        .app_data(state)
        .app_data(routes_table)
        .app_data(extract::json_config(json_limit))
        .app_data(extract::query_config())
        .app_data(extract::path_config())
        // Before the /api scope, which would otherwise claim these paths. The dev routes exist
        // only in development and are not part of the document.
        .map(move |app| {
            let app = if development {
                app.route(
                    "/api/dev/messages",
                    web::get().to(crate::routes::accounts::dev_messages::list),
                )
            } else {
                app
            };
            app.service(SwaggerUi::new("/api/docs/{_:.*}").url("/api/openapi.json", document))
        })
        .service(scope::scope("/api").configure(routes::configure))
        .split_for_parts();
    app.default_service(web::to(fallback))
        .wrap(from_fn(enforce_methods))
        .wrap(Compress::default())
        .wrap(headers)
        .wrap(Logger::new(r#"%a "%r" %s %b %Dms"#).exclude("/api/health/live"))
}

/// Builds the server on `listener`; the caller awaits (or spawns) it.
pub fn start(config: Config, listener: TcpListener) -> std::io::Result<Server> {
    let workers = config.workers;
    let shutdown = config.shutdown_timeout;
    let keep_alive = config.keep_alive;
    let state = AppState::new(config).map_err(std::io::Error::other)?;
    let state = web::Data::new(state);
    let document = openapi::document();
    let table = web::Data::new(RouteTable::from_document(&document));
    let mut server = HttpServer::new(move || app(state.clone(), table.clone(), document.clone()))
        .keep_alive(keep_alive)
        .listen(listener)?
        .shutdown_timeout(shutdown.as_secs());
    if workers > 0 {
        server = server.workers(workers);
    }
    Ok(server.run())
}
