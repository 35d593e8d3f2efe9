//! Everything no API route matched: unknown API paths (404, or 405 with `Allow` when the path
//! exists under another method) and the two single-page apps with history-API fallback.

use std::path::{Path, PathBuf};

use actix_files::NamedFile;
use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::http::header::{self, CacheControl, CacheDirective};
use actix_web::middleware::Next;
use actix_web::{HttpRequest, HttpResponse, ResponseError, web};
use utoipa::openapi::OpenApi;

use crate::error::{ApiError, ErrorCode};
use crate::state::AppState;

/// The API's path templates and their methods, taken from the OpenAPI document.
#[derive(Debug, Clone, Default)]
pub struct RouteTable {
    routes: Vec<(Vec<String>, Vec<&'static str>)>,
}

impl RouteTable {
    pub fn from_document(doc: &OpenApi) -> Self {
        let routes = doc
            .paths
            .paths
            .iter()
            .map(|(path, item)| {
                let segments = path
                    .trim_matches('/')
                    .split('/')
                    .map(str::to_owned)
                    .collect();
                let methods = [
                    ("GET", item.get.is_some()),
                    ("POST", item.post.is_some()),
                    ("PUT", item.put.is_some()),
                    ("PATCH", item.patch.is_some()),
                    ("DELETE", item.delete.is_some()),
                ]
                .into_iter()
                .filter_map(|(m, has)| has.then_some(m))
                .collect();
                (segments, methods)
            })
            .collect();
        Self { routes }
    }

    /// The methods that `path` accepts, if it names an API route at all. As in OpenAPI, a
    /// concrete path wins over a templated one (`/divisions/lookup` is not
    /// `/divisions/{code}`), segment by segment from the left.
    pub fn allowed(&self, path: &str) -> Option<Vec<&'static str>> {
        let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
        let mut best: Option<Vec<bool>> = None;
        let mut allowed: Vec<&'static str> = Vec::new();
        for (template, methods) in &self.routes {
            if template.len() != segments.len() {
                continue;
            }
            let mut literal = Vec::with_capacity(template.len());
            let matches = template.iter().zip(&segments).all(|(t, s)| {
                let is_param = t.starts_with('{') && t.ends_with('}');
                literal.push(!is_param);
                (is_param && !s.is_empty()) || t == s
            });
            if !matches {
                continue;
            }
            match &best {
                Some(b) if *b > literal => continue,
                Some(b) if *b == literal => {}
                _ => {
                    allowed.clear();
                    best = Some(literal);
                }
            }
            allowed.extend(methods);
        }
        allowed.sort_unstable();
        allowed.dedup();
        (!allowed.is_empty()).then_some(allowed)
    }
}

/// Middleware: a request whose method the document does not list for its path is answered
/// 405 with `Allow` before routing, so that a templated route cannot take a request meant
/// for a concrete path under another method (actix would hand `GET /divisions/lookup` to
/// `GET /divisions/{code}`). Paths the document does not know pass through.
pub async fn enforce_methods(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    let refused = req.path().starts_with("/api/").then(|| {
        let table = req.app_data::<web::Data<RouteTable>>()?;
        let allow = table.allowed(req.path())?;
        let method = req.method().as_str();
        (!allow.contains(&method)).then_some(allow)
    });
    if let Some(Some(allow)) = refused {
        let response = ResponseError::error_response(&ApiError::method_not_allowed(&allow));
        return Ok(req.into_response(response).map_into_right_body());
    }
    Ok(next.call(req).await?.map_into_left_body())
}

/// The default service.
pub async fn fallback(
    req: HttpRequest,
    state: web::Data<AppState>,
    routes: web::Data<RouteTable>,
) -> Result<HttpResponse, ApiError> {
    let path = req.path();
    for (bare, slashed) in [("/admin", "/admin/"), ("/api/docs", "/api/docs/")] {
        if path == bare {
            return Ok(HttpResponse::PermanentRedirect()
                .insert_header((header::LOCATION, slashed))
                .finish());
        }
    }
    if path == "/api" || path.starts_with("/api/") {
        return Err(match routes.allowed(path) {
            Some(allow) => ApiError::method_not_allowed(&allow),
            None => ApiError::new(ErrorCode::NotFound).detail(
                format!("There is no API endpoint at {path}."),
                format!("接口 {path} 不存在。"),
            ),
        });
    }
    if req.method() != Method::GET && req.method() != Method::HEAD {
        return Err(ApiError::method_not_allowed(&["GET", "HEAD"]));
    }
    let (dist, rest, app) = match path.strip_prefix("/admin/") {
        Some(rest) => (&state.config.admin_dist, rest, "admin"),
        None => (
            &state.config.consumer_dist,
            path.trim_start_matches('/'),
            "consumer",
        ),
    };
    serve_spa(&req, dist, rest, app).await
}

/// Serves a file of the built app, or its `index.html` for a client-side route.
async fn serve_spa(
    req: &HttpRequest,
    dist: &Path,
    rest: &str,
    app: &str,
) -> Result<HttpResponse, ApiError> {
    let Some(relative) = safe_relative(rest) else {
        return Err(not_found());
    };
    let candidate = dist.join(&relative);
    if !relative.as_os_str().is_empty() && is_file(&candidate).await {
        let immutable = rest.starts_with("assets/");
        return file_response(req, &candidate, immutable).await;
    }
    // A missing asset is a 404, not the app: a stale cached page must not get HTML as JS.
    let last = rest.rsplit('/').next().unwrap_or_default();
    if rest.starts_with("assets/") || last.contains('.') {
        return Err(not_found());
    }
    let index = dist.join("index.html");
    if !is_file(&index).await {
        return Err(ApiError::new(ErrorCode::NotFound).detail(
            format!("The {app} app is not built here (run `npm run build`)."),
            format!("{app} 前端尚未构建（请运行 npm run build）。"),
        ));
    }
    file_response(req, &index, false).await
}

async fn file_response(
    req: &HttpRequest,
    path: &Path,
    immutable: bool,
) -> Result<HttpResponse, ApiError> {
    let file = NamedFile::open_async(path).await.map_err(|e| {
        log::warn!("cannot open {}: {e}", path.display());
        not_found()
    })?;
    let cache = if immutable {
        CacheControl(vec![
            CacheDirective::Public,
            CacheDirective::MaxAge(31_536_000),
            CacheDirective::Extension("immutable".into(), None),
        ])
    } else {
        CacheControl(vec![CacheDirective::NoCache])
    };
    let mut response = file.use_last_modified(true).into_response(req);
    if let Ok(value) = cache.to_string().parse() {
        response.headers_mut().insert(header::CACHE_CONTROL, value);
    }
    Ok(response)
}

async fn is_file(path: &Path) -> bool {
    tokio::fs::metadata(path).await.is_ok_and(|m| m.is_file())
}

/// Accepts only plain relative segments: no `..`, no hidden files, no backslashes.
fn safe_relative(rest: &str) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for segment in rest.split('/').filter(|s| !s.is_empty()) {
        if segment.starts_with('.') || segment.contains('\\') || segment.contains('%') {
            return None;
        }
        out.push(segment);
    }
    Some(out)
}

fn not_found() -> ApiError {
    ApiError::new(ErrorCode::NotFound)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_templates_and_collects_methods() {
        let table = RouteTable::from_document(&crate::openapi::document());
        assert_eq!(table.allowed("/api/v1/divisions"), Some(vec!["GET"]));
        assert_eq!(table.allowed("/api/v1/divisions/440305"), Some(vec!["GET"]));
        // The concrete path wins over /divisions/{code}.
        assert_eq!(
            table.allowed("/api/v1/divisions/lookup"),
            Some(vec!["POST"])
        );
        assert_eq!(table.allowed("/api/v1/nothing"), None);
        assert_eq!(table.allowed("/api/v1/divisions/1/2"), None);
    }

    #[test]
    fn refuses_paths_that_leave_the_app() {
        assert!(safe_relative("../etc/passwd").is_none());
        assert!(safe_relative("assets/../../x").is_none());
        assert!(safe_relative(".env").is_none());
        assert!(safe_relative("a\\b").is_none());
        assert!(safe_relative("%2e%2e/x").is_none());
        assert_eq!(
            safe_relative("assets/app.js"),
            Some(PathBuf::from("assets/app.js"))
        );
        assert_eq!(safe_relative(""), Some(PathBuf::new()));
    }
}
