//! `POST /api/v1/organisations/{id}/invitations`

use actix_web::{HttpRequest, HttpResponse, post, web};
use serde::Deserialize;
use utoipa::ToSchema;
use weiquan_domain::access::{Action, OrgId, Role};
use weiquan_domain::invitation::{normalise_display_name, normalise_email, normalise_username};
use weiquan_domain::notify::Locale;
use weiquan_services::invitations::{self, NewInvitation};

use super::{Invitation, invitation_error, invitee_error};
use crate::auth::Caller;
use crate::error::{ApiError, FieldError, Problem};
use crate::extract::Body;
use crate::request::origin;
use crate::routes::organisations::load_for;
use crate::state::AppState;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InvitationCreate {
    /// The login name: 3 to 64 of a-z, 0-9, `.`, `_`, `@`, `-` (stored in lower case).
    #[schema(example = "shekou.handler2")]
    pub username: String,
    /// 1 to 100 characters.
    #[schema(example = "王五")]
    pub display_name: String,
    /// Where the invitation link is sent.
    #[schema(example = "wangwu@example.cn")]
    pub email: String,
    /// At least one of `handler`, `reviewer`, `org_admin`, `analyst`.
    pub roles: Vec<String>,
    /// The language of the email: `zh-CN` (default) or `en`.
    #[serde(default)]
    pub locale: Option<String>,
}

/// Invites someone into an organisation: creates the account (status `invited`, no password)
/// and emails a link valid for 72 hours. Administrators of that organisation or of one above
/// it; 404 outside the caller's subtree. A taken user name is 409 `username_taken` naming the
/// field. The answer never contains the link's token.
#[utoipa::path(
    tag = "invitations",
    operation_id = "invitations_create",
    params(("id" = i64, Path, description = "Organisation id")),
    request_body = InvitationCreate,
    responses(
        (status = CREATED, description = "Invited; the email is queued", body = Invitation),
        (status = UNAUTHORIZED, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = FORBIDDEN, description = "Not an administrator here, or second factor required", body = Problem, content_type = "application/problem+json"),
        (status = NOT_FOUND, description = "No such organisation in your subtree", body = Problem, content_type = "application/problem+json"),
        (status = CONFLICT, description = "The user name is taken (`username_taken`)", body = Problem, content_type = "application/problem+json"),
        (status = UNPROCESSABLE_ENTITY, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/organisations/{id}/invitations")]
pub async fn create(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    id: web::Path<i64>,
    body: Body<InvitationCreate>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    load_for(&state, &caller, id, &req, |o| Action::ManageMembers(o)).await?;
    let body = body.into_inner();
    let mut errors = Vec::new();
    let username = normalise_username(&body.username).map_err(|e| errors.push(invitee_error(e)));
    let display_name =
        normalise_display_name(&body.display_name).map_err(|e| errors.push(invitee_error(e)));
    let email = normalise_email(&body.email).map_err(|e| errors.push(invitee_error(e)));
    let mut roles = Vec::new();
    for (i, name) in body.roles.iter().enumerate() {
        match Role::parse(name) {
            Some(role) if !roles.contains(&role) => roles.push(role),
            Some(_) => {}
            None => errors.push(FieldError::new(
                format!("roles[{i}]"),
                "unknown_role",
                "One of handler, reviewer, org_admin, analyst.",
                "角色须为 handler、reviewer、org_admin、analyst 之一。",
            )),
        }
    }
    if body.roles.is_empty() {
        errors.push(FieldError::new(
            "roles",
            "length",
            "Give at least one role.",
            "请至少指定一个角色。",
        ));
    }
    let locale = match body.locale.as_deref() {
        None => Locale::ZhCn,
        Some(l) => Locale::parse(l).unwrap_or_else(|| {
            errors.push(FieldError::new(
                "locale",
                "locale",
                "Use zh-CN or en.",
                "语言须为 zh-CN 或 en。",
            ));
            Locale::ZhCn
        }),
    };
    let (Ok(username), Ok(display_name), Ok(email), true) =
        (username, display_name, email, errors.is_empty())
    else {
        return Err(ApiError::validation(errors));
    };
    let actor = caller.signed_in()?;
    let created = invitations::invite(
        &state.deps,
        actor,
        NewInvitation {
            org: OrgId(id),
            username,
            display_name,
            email,
            roles,
            locale,
        },
        &origin(&req),
        &state.config.public_base_url,
    )
    .await
    .map_err(invitation_error)?;
    Ok(HttpResponse::Created().json(Invitation::from(created)))
}
