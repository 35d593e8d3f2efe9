//! `GET /api/v1/organisations/{id}/children`

use actix_web::{get, web, web::Json};
use serde::Serialize;
use utoipa::ToSchema;
use weiquan_domain::access::OrgId;

use super::{Organisation, visible};
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct OrganisationList {
    pub items: Vec<Organisation>,
}

/// The units directly below an organisation of the caller's subtree, for the tree browser.
/// Members of organisations only; outside one's subtree the answer is 404.
#[utoipa::path(
    tag = "organisations",
    operation_id = "organisations_children",
    params(("id" = i64, Path, description = "Organisation id")),
    responses(
        (status = OK, description = "The children, bureaus first", body = OrganisationList),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem,
            content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "Second factor required, or not an organisation member",
            body = Problem, content_type = "application/problem+json"),
        (status = NOT_FOUND, description = "No such organisation in your subtree", body = Problem,
            content_type = "application/problem+json"),
    )
)]
#[get("/organisations/{id}/children")]
pub async fn children(
    state: web::Data<AppState>,
    req: actix_web::HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<Json<OrganisationList>, ApiError> {
    let (row, _) = visible(&state, &caller, id.into_inner(), &req).await?;
    let (rows, with_children) = state
        .deps
        .db
        .run(move |conn| {
            let rows = weiquan_db::organisations::children(conn, OrgId(row.id))?;
            let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
            let with_children = weiquan_db::organisations::with_children(conn, &ids)?;
            Ok((rows, with_children))
        })
        .await?;
    Ok(Json(OrganisationList {
        items: rows
            .into_iter()
            .map(|r| {
                let has = with_children.contains(&r.id);
                Organisation::from_row(r, has)
            })
            .collect(),
    }))
}
