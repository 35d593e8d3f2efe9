//! `GET /api/v1/categories`

use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, HttpResponse, get, web};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use weiquan_domain::taxonomy::Branch;
use weiquan_services::categories;

use super::{CategoryDto, require_taxonomy_admin};
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// Include retired categories (national administrators only, for the editor).
    #[serde(default)]
    pub include_retired: bool,
}

/// A group of goods or services with its leaf categories.
#[derive(Debug, Serialize, ToSchema)]
pub struct CategoryGroup {
    #[serde(flatten)]
    pub group: CategoryDto,
    /// The leaves an order may carry, by position.
    pub children: Vec<CategoryDto>,
}

/// Goods (商品) or services (服务).
#[derive(Debug, Serialize, ToSchema)]
pub struct CategoryBranch {
    /// `goods` or `services`; group codes start with `G` or `S`.
    pub branch: String,
    pub name_zh: String,
    pub name_en: String,
    pub groups: Vec<CategoryGroup>,
}

/// The whole taxonomy.
#[derive(Debug, Serialize, ToSchema)]
pub struct CategoryTree {
    /// Goods, then services.
    pub subjects: Vec<CategoryBranch>,
    pub problem_types: Vec<CategoryDto>,
}

fn tree(rows: Vec<CategoryDto>) -> CategoryTree {
    let subjects = Branch::ALL
        .into_iter()
        .map(|branch| {
            let letter = branch.letter().to_string();
            let groups = rows
                .iter()
                .filter(|r| r.kind == "subject" && r.parent_code.is_none())
                .filter(|r| r.code.starts_with(&letter))
                .map(|g| CategoryGroup {
                    group: g.clone(),
                    children: rows
                        .iter()
                        .filter(|r| r.parent_code.as_deref() == Some(g.code.as_str()))
                        .cloned()
                        .collect(),
                })
                .collect();
            let (name_zh, name_en) = match branch {
                Branch::Goods => ("商品", "Goods"),
                Branch::Services => ("服务", "Services"),
            };
            CategoryBranch {
                branch: branch.as_str().to_owned(),
                name_zh: name_zh.to_owned(),
                name_en: name_en.to_owned(),
                groups,
            }
        })
        .collect();
    CategoryTree {
        subjects,
        problem_types: rows.into_iter().filter(|r| r.kind == "problem").collect(),
    }
}

/// The category taxonomy: goods and services → groups → leaf categories, and the problem
/// types, each by position. Public (the consumer portal loads it before sign-in) and
/// cacheable: `ETag` (send `If-None-Match` for a 304) and `Cache-Control: public,
/// max-age=300`. Only active categories, unless `include_retired=true`, which only national
/// administrators may ask for (then `Cache-Control: private, no-cache`).
#[utoipa::path(
    tag = "categories",
    operation_id = "categories_list",
    params(ListQuery),
    responses(
        (status = OK, description = "The taxonomy", body = CategoryTree,
            headers(("ETag" = String, description = "The tree's fingerprint"))),
        (status = NOT_MODIFIED, description = "Unchanged since the ETag sent in If-None-Match"),
        (status = UNAUTHORIZED, description = "include_retired without signing in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "include_retired: not a national administrator", body = Problem, content_type = "application/problem+json"),
        (status = SERVICE_UNAVAILABLE, description = "PostgreSQL is down", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/categories")]
pub async fn list(
    state: web::Data<AppState>,
    req: HttpRequest,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, ApiError> {
    let include_retired = query.include_retired;
    if include_retired {
        let caller = Caller::extract(&req).await?;
        require_taxonomy_admin(&state, &caller, &req).await?;
    }
    let rows = categories::list(&state.deps, include_retired).await?;
    let body = tree(rows.into_iter().map(CategoryDto::from).collect());
    let bytes = serde_json::to_vec(&body).map_err(|_| ApiError::internal())?;
    let hash = weiquan_services::orders::request_hash(&bytes);
    let etag = format!("\"{}\"", &hash[..32]);
    let cache = if include_retired {
        "private, no-cache"
    } else {
        "public, max-age=300"
    };
    let unchanged = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
    let mut response = if unchanged {
        HttpResponse::NotModified()
    } else {
        HttpResponse::Ok()
    };
    response
        .insert_header((header::ETAG, etag))
        .insert_header((header::CACHE_CONTROL, cache));
    Ok(if unchanged {
        response.finish()
    } else {
        response.content_type("application/json").body(bytes)
    })
}
