//! `GET /api/health/live`

use actix_web::{get, web::Json};
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Debug, Serialize, ToSchema)]
pub struct Liveness {
    /// Always `ok` when the process answers.
    pub status: String,
    /// The server's version.
    pub version: String,
}

/// The process is up and answering. Public; touches no dependency.
#[utoipa::path(
    tag = "health",
    operation_id = "health_live",
    responses((status = OK, description = "The process is up", body = Liveness))
)]
#[get("/live")]
pub async fn live() -> Json<Liveness> {
    Json(Liveness {
        status: "ok".to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
    })
}
