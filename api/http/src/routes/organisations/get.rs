//! `GET /api/v1/organisations/{id}`

use actix_web::{get, web, web::Json};
use serde::Serialize;
use utoipa::ToSchema;

use super::{Organisation, visible};
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct OrganisationDetail {
    #[serde(flatten)]
    pub organisation: Organisation,
    /// From the root down to the parent, limited to what the caller may see (their own
    /// organisation and below).
    pub ancestors: Vec<Organisation>,
}

/// One organisation in the caller's subtree, with the visible part of its ancestry.
/// Members of organisations only; outside one's subtree the answer is 404.
#[utoipa::path(
    tag = "organisations",
    operation_id = "organisations_get",
    params(("id" = i64, Path, description = "Organisation id")),
    responses(
        (status = OK, description = "The organisation", body = OrganisationDetail),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem,
            content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "Second factor required, or not an organisation member",
            body = Problem, content_type = "application/problem+json"),
        (status = NOT_FOUND, description = "No such organisation in your subtree", body = Problem,
            content_type = "application/problem+json"),
    )
)]
#[get("/organisations/{id}")]
pub async fn get(
    state: web::Data<AppState>,
    req: actix_web::HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<Json<OrganisationDetail>, ApiError> {
    let (row, org) = visible(&state, &caller, id.into_inner(), &req).await?;
    let own_path_len = caller.actor.org().map_or(0, |o| o.path.0.len());
    let path = org.path.clone();
    let row_id = row.id;
    let (ancestors, with_children) = state
        .deps
        .db
        .run(move |conn| {
            let ancestors = weiquan_db::organisations::ancestors(conn, &path)?;
            let mut ids: Vec<i64> = ancestors.iter().map(|a| a.id).collect();
            ids.push(row_id);
            let with_children = weiquan_db::organisations::with_children(conn, &ids)?;
            Ok((ancestors, with_children))
        })
        .await?;
    let depth_visible = own_path_len.saturating_sub(1);
    Ok(Json(OrganisationDetail {
        ancestors: ancestors
            .into_iter()
            .skip(depth_visible)
            .map(|a| {
                let has = with_children.contains(&a.id);
                Organisation::from_row(a, has)
            })
            .collect(),
        organisation: Organisation::from_row(row, with_children.contains(&row_id)),
    }))
}
