//! The signed-in caller: who they are, their sessions, signing out.

pub mod get;
pub mod profile;
pub mod second_factor;
pub mod sessions;

use serde::Serialize;
use utoipa::ToSchema;
use weiquan_domain::access::{Capability, Role};

#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    Consumer,
    Member,
}

#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RoleDto {
    Handler,
    Reviewer,
    OrgAdmin,
    Analyst,
}

impl From<Role> for RoleDto {
    fn from(role: Role) -> Self {
        match role {
            Role::Handler => Self::Handler,
            Role::Reviewer => Self::Reviewer,
            Role::OrgAdmin => Self::OrgAdmin,
            Role::Analyst => Self::Analyst,
        }
    }
}

/// What the admin SPA may show: menus and routes come from this list.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CapabilityDto {
    ViewOrgTree,
    ManageMembers,
    CreateStation,
    ReviewApplications,
    ManageApiClients,
    SearchAudit,
    /// Edit the category taxonomy (national administrators).
    ManageTaxonomy,
    /// Read the holiday calendar.
    ViewCalendar,
    /// Enter a year of the holiday calendar (national administrators).
    ManageCalendar,
    ViewOrders,
    /// The supervision list 督办 of one's subtree (overdue orders).
    Supervise,
    /// ODR settlement statistics: one's own enterprise's, or those of the enterprises below
    /// one's bureau (`GET /organisations/{id}/odr-stats`).
    ViewOdrStats,
}

impl From<Capability> for CapabilityDto {
    fn from(c: Capability) -> Self {
        match c {
            Capability::ViewOrgTree => Self::ViewOrgTree,
            Capability::ManageMembers => Self::ManageMembers,
            Capability::CreateStation => Self::CreateStation,
            Capability::ReviewApplications => Self::ReviewApplications,
            Capability::ManageApiClients => Self::ManageApiClients,
            Capability::SearchAudit => Self::SearchAudit,
            Capability::ManageTaxonomy => Self::ManageTaxonomy,
            Capability::ViewCalendar => Self::ViewCalendar,
            Capability::ManageCalendar => Self::ManageCalendar,
            Capability::ViewOrders => Self::ViewOrders,
            Capability::Supervise => Self::Supervise,
            Capability::ViewOdrStats => Self::ViewOdrStats,
        }
    }
}
