//! Invitations: administrators invite people into their organisation or a unit of their
//! subtree, list, resend and revoke invitations; the invitee inspects and accepts the link
//! (public, rate-limited, one answer for every bad token).

pub mod accept;
pub mod create;
pub mod inspect;
pub mod list;
pub mod resend;
pub mod revoke;

use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;
use weiquan_domain::invitation::InviteeError;
use weiquan_services::invitations::{InvitationError, InvitationInfo};

use crate::auth::denied;
use crate::error::{ApiError, ErrorCode, FieldError};
use crate::routes::accounts::password_error;
use crate::routes::me::RoleDto;

/// An invitation as administrators see it. Never carries the token.
#[derive(Debug, Serialize, ToSchema)]
pub struct Invitation {
    pub id: i64,
    pub organisation_id: i64,
    pub organisation_name: String,
    /// The invited account.
    pub user_id: i64,
    pub username: String,
    pub display_name: String,
    pub email: String,
    pub roles: Vec<RoleDto>,
    /// `open`, `expired`, `accepted` or `revoked`.
    #[schema(example = "open")]
    pub status: String,
    pub expires_at: DateTime<Utc>,
    /// The member who invited, if any (approved applications are invited by the platform).
    pub invited_by: Option<i64>,
    /// How many times the link was sent (1 + resends).
    pub sent_count: i32,
    pub created_at: DateTime<Utc>,
}

impl From<InvitationInfo> for Invitation {
    fn from(i: InvitationInfo) -> Self {
        Self {
            id: i.id,
            organisation_id: i.org_id,
            organisation_name: i.org_name,
            user_id: i.user_id,
            username: i.username,
            display_name: i.display_name,
            email: i.email,
            roles: i.roles.into_iter().map(RoleDto::from).collect(),
            status: i.status.as_str().to_owned(),
            expires_at: i.expires_at,
            invited_by: i.invited_by,
            sent_count: i.sent_count,
            created_at: i.created_at,
        }
    }
}

pub fn invitee_error(e: InviteeError) -> FieldError {
    match e {
        InviteeError::Username => FieldError::new(
            "username",
            "username",
            "3 to 64 characters: a-z, 0-9, '.', '_', '@', '-', starting with a letter or digit.",
            "用户名为 3 到 64 个字符，可用小写字母、数字及 . _ @ -，须以字母或数字开头。",
        ),
        InviteeError::DisplayName => FieldError::new(
            "display_name",
            "length",
            "Enter 1 to 100 characters.",
            "请输入 1 到 100 个字符。",
        ),
        InviteeError::Email => FieldError::new(
            "email",
            "email",
            "Enter an email address.",
            "请输入有效的电子邮箱地址。",
        ),
    }
}

pub fn invitation_invalid() -> ApiError {
    ApiError::new(ErrorCode::InvitationInvalid)
}

/// The problem for a service error; `password_field` names the field a weak password is in.
pub fn invitation_error(e: InvitationError) -> ApiError {
    match e {
        InvitationError::Invalid(e) => ApiError::validation(vec![invitee_error(e)]),
        InvitationError::NoRoles => ApiError::field(
            "roles",
            "length",
            "Give at least one role.",
            "请至少指定一个角色。",
        ),
        InvitationError::UsernameTaken => {
            let mut e = ApiError::validation(vec![FieldError::new(
                "username",
                "taken",
                "This user name is taken; choose another.",
                "该用户名已被使用，请换一个。",
            )]);
            e = e.with_code(ErrorCode::UsernameTaken);
            e
        }
        InvitationError::NotFound => ApiError::not_found("The invitation", "该邀请"),
        InvitationError::Denied(reason) => denied(reason),
        InvitationError::NotPending => ApiError::new(ErrorCode::Conflict).detail(
            "This invitation was already accepted or revoked.",
            "该邀请已被接受或已撤销。",
        ),
        InvitationError::InvalidToken(_) => invitation_invalid(),
        InvitationError::Password(p) => ApiError::validation(vec![password_error("password", p)]),
        InvitationError::Limited { retry_after } => ApiError::too_many(retry_after),
        InvitationError::Service(e) => e.into(),
    }
}
