//! `GET /api/health/ready`

use actix_web::{get, web, web::Json};
use serde::Serialize;
use utoipa::ToSchema;
use weiquan_services::health::{self, Check};

use crate::error::{ApiError, Problem};
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct DependencyCheck {
    pub ok: bool,
    /// Round-trip time of the check in milliseconds.
    pub latency_ms: f64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DependencyChecks {
    pub postgres: DependencyCheck,
    pub redis: DependencyCheck,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Readiness {
    /// `ok`: every dependency answers.
    pub status: String,
    pub checks: DependencyChecks,
}

fn to_dto(check: &Check) -> DependencyCheck {
    DependencyCheck {
        ok: check.ok(),
        latency_ms: check
            .result
            .as_ref()
            .map(|d| (d.as_secs_f64() * 1e5).round() / 100.0)
            .unwrap_or(0.0),
    }
}

/// The server can do its work: PostgreSQL and Redis both answer. Public; used by load
/// balancers and the admin status page. When one is down the answer is 503 naming it in
/// `unavailable`.
#[utoipa::path(
    tag = "health",
    operation_id = "health_ready",
    responses(
        (status = OK, description = "PostgreSQL and Redis answer", body = Readiness),
        (status = SERVICE_UNAVAILABLE, description = "A dependency is down", body = Problem,
            content_type = "application/problem+json"),
    )
)]
#[get("/ready")]
pub async fn ready(state: web::Data<AppState>) -> Result<Json<Readiness>, ApiError> {
    let readiness = health::readiness(&state.deps, state.config.redis_timeout * 2).await;
    if !readiness.ready() {
        for check in [&readiness.postgres, &readiness.redis] {
            if let Err(e) = &check.result {
                log::warn!("readiness: {} down: {e}", check.dependency.as_str());
            }
        }
        return Err(ApiError::unavailable(
            readiness
                .unavailable()
                .iter()
                .map(|d| d.as_str().to_owned())
                .collect(),
        ));
    }
    Ok(Json(Readiness {
        status: "ok".to_owned(),
        checks: DependencyChecks {
            postgres: to_dto(&readiness.postgres),
            redis: to_dto(&readiness.redis),
        },
    }))
}
