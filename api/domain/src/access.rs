//! Who is calling, and what they may see and do. Every permission decision in Weiquan is a
//! call to [`authorize`] or [`order_scope`]; handlers and pages never decide on their own.
//!
//! Organisations form one tree (national bureau → provincial → city → county bureaus →
//! stations; associations, departments, international bodies and enterprises hang under the
//! bureau that approved or supervises them). Each organisation carries its materialised path
//! from the root, so "within my subtree" is a prefix test here and a prefix match in SQL.

use serde::{Deserialize, Serialize};

use crate::DivisionCode;

/// A database id of an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct OrgId(pub i64);

/// A database id of a user account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct UserId(pub i64);

/// A database id of an API client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ClientId(pub i64);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BureauLevel {
    National,
    Province,
    City,
    County,
}

/// What kind of organisation a unit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgKind {
    /// 市场监管部门 at one level.
    Bureau(BureauLevel),
    /// 所: created by a county bureau under itself; handles what the county assigns.
    Station,
    /// 消协.
    Association,
    /// Another government department (e.g. the 12345 hotline).
    Department,
    /// An international consumer body.
    International,
    /// An approved ODR enterprise.
    Enterprise,
}

impl OrgKind {
    pub fn is_government(self) -> bool {
        matches!(self, Self::Bureau(_) | Self::Station)
    }
}

/// The ids from the root down to and including an organisation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct OrgPath(pub Vec<OrgId>);

impl OrgPath {
    /// Whether `self` is `ancestor` or lies below it.
    pub fn is_within(&self, ancestor: &OrgPath) -> bool {
        !ancestor.0.is_empty() && self.0.starts_with(&ancestor.0)
    }

    /// The SQL form, `/1/44/4403/`, whose prefixes are the ancestors' forms.
    pub fn to_sql(&self) -> String {
        let mut s = String::from("/");
        for id in &self.0 {
            s.push_str(&id.0.to_string());
            s.push('/');
        }
        s
    }

    pub fn from_sql(s: &str) -> Option<Self> {
        let inner = s.strip_prefix('/')?.strip_suffix('/')?;
        if inner.is_empty() {
            return None;
        }
        inner
            .split('/')
            .map(|p| p.parse().ok().map(OrgId))
            .collect::<Option<Vec<_>>>()
            .map(OrgPath)
    }
}

/// An organisation as far as permission decisions need it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgRef {
    pub id: OrgId,
    pub kind: OrgKind,
    pub path: OrgPath,
    /// The division a government unit or association serves; an enterprise's registered one.
    pub division: Option<DivisionCode>,
}

impl OrgRef {
    pub fn is_within(&self, ancestor: &OrgRef) -> bool {
        self.path.is_within(&ancestor.path)
    }
}

/// A role a member holds in their organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 承办人: handles work orders.
    Handler,
    /// 审核人 (leader): approves acceptance, extensions, closures.
    Reviewer,
    /// Administers the organisation: members, roles, invitations, API clients.
    OrgAdmin,
    /// Read-only supervision and analysis of the subtree.
    Analyst,
}

impl Role {
    pub const ALL: [Role; 4] = [Self::Handler, Self::Reviewer, Self::OrgAdmin, Self::Analyst];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Handler => "handler",
            Self::Reviewer => "reviewer",
            Self::OrgAdmin => "org_admin",
            Self::Analyst => "analyst",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// What an integration client was granted. The wire names (`orders:read`) and the rules on
/// granting and requesting scopes are in [`crate::clients`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ClientScope {
    /// Read the work orders exchanged with one's organisation.
    #[serde(rename = "orders:read")]
    OrdersRead,
    /// Act on them: accept, reply, settle, hand back.
    #[serde(rename = "orders:write")]
    OrdersWrite,
}

/// The caller of one request, resolved once by the HTTP layer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Actor {
    Anonymous,
    Consumer {
        user: UserId,
    },
    /// A user of an organisation: bureau or station staff, association, enterprise,
    /// department or international body.
    Member {
        user: UserId,
        org: OrgRef,
        roles: Vec<Role>,
        /// Whether this session passed a second factor.
        second_factor: bool,
    },
    /// An OAuth2 client of an organisation.
    Client {
        client: ClientId,
        org: OrgRef,
        scopes: Vec<ClientScope>,
    },
}

impl Actor {
    pub fn org(&self) -> Option<&OrgRef> {
        match self {
            Self::Member { org, .. } | Self::Client { org, .. } => Some(org),
            Self::Anonymous | Self::Consumer { .. } => None,
        }
    }

    pub fn has_role(&self, role: Role) -> bool {
        matches!(self, Self::Member { roles, .. } if roles.contains(&role))
    }

    /// The same actor after passing a second factor (only members carry the flag).
    pub fn with_second_factor_passed(self) -> Self {
        match self {
            Self::Member {
                user, org, roles, ..
            } => Self::Member {
                user,
                org,
                roles,
                second_factor: true,
            },
            other => other,
        }
    }

    pub fn user(&self) -> Option<UserId> {
        match self {
            Self::Consumer { user } | Self::Member { user, .. } => Some(*user),
            Self::Anonymous | Self::Client { .. } => None,
        }
    }
}

/// Whether an organisation's members must pass a second factor: administrators everywhere,
/// and every member of the national and provincial bureaus.
pub fn second_factor_required(kind: OrgKind, roles: &[Role]) -> bool {
    roles.contains(&Role::OrgAdmin)
        || matches!(
            kind,
            OrgKind::Bureau(BureauLevel::National | BureauLevel::Province)
        )
}

/// Something an actor wants to do to an organisation or its data.
#[derive(Debug, Clone, Copy)]
pub enum Action<'a> {
    /// See an organisation and the units below it.
    ViewOrg(&'a OrgRef),
    /// Invite, disable and change the roles of an organisation's members.
    ManageMembers(&'a OrgRef),
    /// Create a station under a county bureau.
    CreateStation(&'a OrgRef),
    /// Approve or reject an application whose competent bureau is this one.
    ReviewApplication(&'a OrgRef),
    /// Register, rotate and revoke an organisation's API clients.
    ManageApiClients(&'a OrgRef),
    /// Search the audit log of an organisation's subtree.
    SearchAudit(&'a OrgRef),
    /// List the work orders held in an organisation's subtree (the inbox): handlers,
    /// reviewers and analysts of government units and consumer associations.
    ViewOrders(&'a OrgRef),
    /// The overdue supervision list of an organisation's subtree 督办: members of bureaus
    /// above the county who may view orders, and a county bureau's own leaders (reviewers).
    Supervise(&'a OrgRef),
    /// Create, rename, reorder, retire and reactivate categories and problem types (the
    /// taxonomy is national data): administrators of the national bureau, acting as it.
    ManageTaxonomy(&'a OrgRef),
}

/// Why a request is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Denied {
    /// Nobody is signed in.
    #[error("sign-in required")]
    SignInRequired,
    /// The account must pass its second factor first.
    #[error("second factor required")]
    SecondFactorRequired,
    /// Signed in, but not allowed.
    #[error("not allowed")]
    Forbidden,
}

/// The member behind `actor`, with their unit and roles, once they have passed the second
/// factor their unit and roles demand: anyone else is refused here (one place for both
/// decision functions below).
fn acting_member(actor: &Actor) -> Result<(&OrgRef, &[Role]), Denied> {
    let (org, roles, passed_second_factor) = match actor {
        Actor::Anonymous => return Err(Denied::SignInRequired),
        Actor::Consumer { .. } | Actor::Client { .. } => return Err(Denied::Forbidden),
        Actor::Member {
            org,
            roles,
            second_factor,
            ..
        } => (org, roles.as_slice(), *second_factor),
    };
    if second_factor_required(org.kind, roles) && !passed_second_factor {
        return Err(Denied::SecondFactorRequired);
    }
    Ok((org, roles))
}

/// The one decision function. Members of an organisation act within its subtree; only
/// administrators change membership and clients; a second factor is demanded where the rules
/// require it before anything but viewing one's own organisation.
pub fn authorize(actor: &Actor, action: Action<'_>) -> Result<(), Denied> {
    let (org, roles) = acting_member(actor)?;
    let admin = roles.contains(&Role::OrgAdmin);
    let allowed = match action {
        Action::ViewOrg(target) => target.is_within(org),
        Action::ManageMembers(target) => admin && target.is_within(org),
        Action::CreateStation(county) => {
            admin && county.id == org.id && county.kind == OrgKind::Bureau(BureauLevel::County)
        }
        Action::ReviewApplication(competent) => {
            org.kind.is_government()
                && matches!(org.kind, OrgKind::Bureau(_))
                && (admin || roles.contains(&Role::Reviewer))
                && competent.is_within(org)
        }
        Action::ManageApiClients(target) => {
            admin
                && target.id == org.id
                && matches!(
                    org.kind,
                    OrgKind::Enterprise | OrgKind::Department | OrgKind::International
                )
        }
        Action::SearchAudit(target) => {
            (admin || roles.contains(&Role::Analyst)) && target.is_within(org)
        }
        Action::ViewOrders(target) => {
            (org.kind.is_government() || org.kind == OrgKind::Association)
                && [Role::Handler, Role::Reviewer, Role::Analyst]
                    .iter()
                    .any(|r| roles.contains(r))
                && target.is_within(org)
        }
        Action::Supervise(target) => {
            let order_roles = [Role::Handler, Role::Reviewer, Role::Analyst]
                .iter()
                .any(|r| roles.contains(r));
            let may = match org.kind {
                OrgKind::Bureau(
                    BureauLevel::National | BureauLevel::Province | BureauLevel::City,
                ) => order_roles,
                OrgKind::Bureau(BureauLevel::County) => roles.contains(&Role::Reviewer),
                _ => false,
            };
            may && target.is_within(org)
        }
        Action::ManageTaxonomy(target) => {
            admin && target.id == org.id && org.kind == OrgKind::Bureau(BureauLevel::National)
        }
    };
    if allowed {
        Ok(())
    } else {
        Err(Denied::Forbidden)
    }
}

/// What may be done with the holiday calendar (a national resource, not part of the
/// organisation tree).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalendarAction {
    /// Read the entered years and their dates: staff of government units and associations
    /// (they count the periods).
    View,
    /// Enter or replace a year's schedule: administrators of the national bureau only (they
    /// carry a second factor, as every administrator must).
    Enter,
}

/// The decision on the holiday calendar.
pub fn authorize_calendar(actor: &Actor, action: CalendarAction) -> Result<(), Denied> {
    let (org, roles) = acting_member(actor)?;
    let staff = org.kind.is_government() || org.kind == OrgKind::Association;
    let allowed = match action {
        CalendarAction::View => staff,
        CalendarAction::Enter => {
            org.kind == OrgKind::Bureau(BureauLevel::National) && roles.contains(&Role::OrgAdmin)
        }
    };
    if allowed {
        Ok(())
    } else {
        Err(Denied::Forbidden)
    }
}

/// The decision on the outbox (a national resource: one queue of outgoing SMS and email for
/// the whole platform): administrators of the national bureau see parked messages, with their
/// recipients, and queue them again.
pub fn authorize_outbox(actor: &Actor) -> Result<(), Denied> {
    let (org, roles) = acting_member(actor)?;
    if org.kind == OrgKind::Bureau(BureauLevel::National) && roles.contains(&Role::OrgAdmin) {
        Ok(())
    } else {
        Err(Denied::Forbidden)
    }
}

impl Action<'_> {
    /// The organisation the action concerns.
    pub fn target(&self) -> &OrgRef {
        match self {
            Self::ViewOrg(o)
            | Self::ManageMembers(o)
            | Self::CreateStation(o)
            | Self::ReviewApplication(o)
            | Self::ManageApiClients(o)
            | Self::SearchAudit(o)
            | Self::ViewOrders(o)
            | Self::Supervise(o)
            | Self::ManageTaxonomy(o) => o,
        }
    }
}

/// The answer to a request about something inside the organisation tree: allowed, denied
/// (the caller may know the target exists: 401/403), or not found — the target lies outside
/// what the caller may see, so it does not exist for them (404, ids cannot be probed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Allowed,
    NotFound,
    Denied(Denied),
}

impl Access {
    pub fn into_result(self) -> Result<(), AccessRefused> {
        match self {
            Self::Allowed => Ok(()),
            Self::NotFound => Err(AccessRefused::NotFound),
            Self::Denied(d) => Err(AccessRefused::Denied(d)),
        }
    }
}

/// [`Access`] without `Allowed`, for `?`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AccessRefused {
    #[error("not found")]
    NotFound,
    #[error("{0}")]
    Denied(Denied),
}

/// The one home of "outside your subtree is 404": first whether the caller may see the
/// target organisation at all (anonymous → sign-in required; a second factor owed → denied;
/// anyone else who may not view it → not found), then [`authorize`] for the action itself.
pub fn access(actor: &Actor, action: Action<'_>) -> Access {
    match authorize(actor, Action::ViewOrg(action.target())) {
        Ok(()) => {}
        Err(Denied::Forbidden) => return Access::NotFound,
        Err(other) => return Access::Denied(other),
    }
    match authorize(actor, action) {
        Ok(()) => Access::Allowed,
        Err(d) => Access::Denied(d),
    }
}

/// Whether `actor` may disable, enable or change the roles of `target_user`, a member of
/// `target_org`: administrators within their subtree, never on their own account (an
/// administrator cannot lock the organisation out by mistake; another one must do it).
pub fn may_administer_member(
    actor: &Actor,
    target_user: UserId,
    target_org: &OrgRef,
) -> Result<(), Denied> {
    authorize(actor, Action::ManageMembers(target_org))?;
    if actor.user() == Some(target_user) {
        return Err(Denied::Forbidden);
    }
    Ok(())
}

/// What the caller may do in their own organisation: the SPAs show menus and routes from
/// this list, never deciding themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Capability {
    ViewOrgTree,
    ManageMembers,
    CreateStation,
    ReviewApplications,
    ManageApiClients,
    SearchAudit,
    ManageTaxonomy,
    /// Read the holiday calendar (`CalendarAction::View`).
    ViewCalendar,
    /// Enter a year of the holiday calendar (`CalendarAction::Enter`).
    ManageCalendar,
    /// The work-order inbox of one's unit and the units below it.
    ViewOrders,
    /// The supervision list 督办 of one's subtree ([`Action::Supervise`]).
    Supervise,
    /// See parked outgoing messages (SMS, email) and queue them again ([`authorize_outbox`]).
    ManageOutbox,
}

impl Capability {
    pub const ALL: [Capability; 12] = [
        Self::ViewOrgTree,
        Self::ManageMembers,
        Self::CreateStation,
        Self::ReviewApplications,
        Self::ManageApiClients,
        Self::SearchAudit,
        Self::ManageTaxonomy,
        Self::ViewCalendar,
        Self::ManageCalendar,
        Self::ViewOrders,
        Self::Supervise,
        Self::ManageOutbox,
    ];
}

/// The capabilities of an actor in its own organisation, derived from [`authorize`].
pub fn capabilities(actor: &Actor) -> Vec<Capability> {
    let Some(org) = actor.org() else {
        return Vec::new();
    };
    Capability::ALL
        .into_iter()
        .filter(|capability| {
            let action = match capability {
                Capability::ViewOrgTree => Action::ViewOrg(org),
                Capability::ManageMembers => Action::ManageMembers(org),
                Capability::CreateStation => Action::CreateStation(org),
                Capability::ReviewApplications => Action::ReviewApplication(org),
                Capability::ManageApiClients => Action::ManageApiClients(org),
                Capability::SearchAudit => Action::SearchAudit(org),
                Capability::ManageTaxonomy => Action::ManageTaxonomy(org),
                Capability::ViewCalendar => {
                    return authorize_calendar(actor, CalendarAction::View).is_ok();
                }
                Capability::ManageCalendar => {
                    return authorize_calendar(actor, CalendarAction::Enter).is_ok();
                }
                Capability::ViewOrders => Action::ViewOrders(org),
                Capability::Supervise => Action::Supervise(org),
                Capability::ManageOutbox => return authorize_outbox(actor).is_ok(),
            };
            authorize(actor, action).is_ok()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org(kind: OrgKind, path: &[i64]) -> OrgRef {
        OrgRef {
            id: OrgId(*path.last().unwrap()),
            kind,
            path: OrgPath(path.iter().map(|&i| OrgId(i)).collect()),
            division: None,
        }
    }

    struct Tree {
        national: OrgRef,
        guangdong: OrgRef,
        shenzhen: OrgRef,
        nanshan: OrgRef,
        futian: OrgRef,
        station: OrgRef,
        enterprise: OrgRef,
        department: OrgRef,
        international: OrgRef,
        association: OrgRef,
    }

    fn tree() -> Tree {
        use BureauLevel::*;
        Tree {
            national: org(OrgKind::Bureau(National), &[1]),
            guangdong: org(OrgKind::Bureau(Province), &[1, 44]),
            shenzhen: org(OrgKind::Bureau(City), &[1, 44, 4403]),
            nanshan: org(OrgKind::Bureau(County), &[1, 44, 4403, 440305]),
            futian: org(OrgKind::Bureau(County), &[1, 44, 4403, 440304]),
            station: org(OrgKind::Station, &[1, 44, 4403, 440305, 9001]),
            enterprise: org(OrgKind::Enterprise, &[1, 44, 4403, 440305, 9002]),
            department: org(OrgKind::Department, &[1, 9003]),
            international: org(OrgKind::International, &[1, 9004]),
            association: org(OrgKind::Association, &[1, 44, 9005]),
        }
    }

    fn member(org: &OrgRef, roles: &[Role]) -> Actor {
        Actor::Member {
            user: UserId(7),
            org: org.clone(),
            roles: roles.to_vec(),
            second_factor: true,
        }
    }

    #[test]
    fn paths_nest_and_round_trip_through_sql() {
        let t = tree();
        assert!(t.station.is_within(&t.nanshan));
        assert!(t.station.is_within(&t.national));
        assert!(t.nanshan.is_within(&t.nanshan));
        assert!(!t.futian.is_within(&t.nanshan));
        assert!(!t.guangdong.is_within(&t.shenzhen));
        assert_eq!(t.station.path.to_sql(), "/1/44/4403/440305/9001/");
        assert_eq!(OrgPath::from_sql("/1/44/"), Some(t.guangdong.path.clone()));
        for bad in ["", "/", "1/44/", "/1/x/", "//"] {
            assert_eq!(OrgPath::from_sql(bad), None, "{bad}");
        }
        // The SQL prefix of an ancestor never matches a sibling whose id extends it.
        let one = OrgPath(vec![OrgId(1), OrgId(4)]);
        let other = OrgPath(vec![OrgId(1), OrgId(44)]);
        assert!(!other.to_sql().starts_with(&one.to_sql()));
    }

    #[test]
    fn anonymous_consumers_and_clients_cannot_administer() {
        let t = tree();
        let actions = [
            Action::ViewOrg(&t.nanshan),
            Action::ManageMembers(&t.nanshan),
            Action::CreateStation(&t.nanshan),
            Action::ReviewApplication(&t.nanshan),
            Action::ManageApiClients(&t.enterprise),
            Action::SearchAudit(&t.nanshan),
            Action::ManageTaxonomy(&t.national),
        ];
        let client = Actor::Client {
            client: ClientId(1),
            org: t.enterprise.clone(),
            scopes: vec![ClientScope::OrdersRead, ClientScope::OrdersWrite],
        };
        for action in actions {
            assert_eq!(
                authorize(&Actor::Anonymous, action),
                Err(Denied::SignInRequired)
            );
            assert_eq!(
                authorize(&Actor::Consumer { user: UserId(1) }, action),
                Err(Denied::Forbidden)
            );
            assert_eq!(authorize(&client, action), Err(Denied::Forbidden));
        }
    }

    #[test]
    fn only_administrators_of_the_national_bureau_manage_the_taxonomy() {
        let t = tree();
        let all = [
            &t.national,
            &t.guangdong,
            &t.shenzhen,
            &t.nanshan,
            &t.station,
            &t.enterprise,
            &t.department,
            &t.international,
            &t.association,
        ];
        let role_sets: [&[Role]; 5] = [
            &[Role::OrgAdmin],
            &[Role::Handler],
            &[Role::Reviewer],
            &[Role::Analyst],
            &[Role::Handler, Role::Reviewer, Role::Analyst],
        ];
        for own in all {
            for roles in role_sets {
                let actor = member(own, roles);
                let expected = own.id == t.national.id && roles.contains(&Role::OrgAdmin);
                assert_eq!(
                    authorize(&actor, Action::ManageTaxonomy(own)).is_ok(),
                    expected,
                    "{own:?} {roles:?}"
                );
                assert_eq!(
                    capabilities(&actor).contains(&Capability::ManageTaxonomy),
                    expected
                );
            }
        }
        // Acting on behalf of another unit is never it: the target is the actor's own bureau.
        let admin = member(&t.national, &[Role::OrgAdmin]);
        assert!(authorize(&admin, Action::ManageTaxonomy(&t.guangdong)).is_err());
        // Without the second factor the national administrator is asked for it.
        let unverified = Actor::Member {
            user: UserId(7),
            org: t.national.clone(),
            roles: vec![Role::OrgAdmin],
            second_factor: false,
        };
        assert_eq!(
            authorize(&unverified, Action::ManageTaxonomy(&t.national)),
            Err(Denied::SecondFactorRequired)
        );
    }

    #[test]
    fn members_see_their_subtree_only() {
        let t = tree();
        let all = [
            &t.national,
            &t.guangdong,
            &t.shenzhen,
            &t.nanshan,
            &t.futian,
            &t.station,
            &t.enterprise,
            &t.department,
            &t.international,
            &t.association,
        ];
        for viewer in all {
            for target in all {
                let actor = member(viewer, &[Role::Handler]);
                let expected = target.is_within(viewer);
                assert_eq!(
                    authorize(&actor, Action::ViewOrg(target)).is_ok(),
                    expected,
                    "{:?} viewing {:?}",
                    viewer.id,
                    target.id
                );
            }
        }
        let county = member(&t.nanshan, &[Role::Handler, Role::Reviewer, Role::Analyst]);
        assert!(
            authorize(&county, Action::ViewOrg(&t.futian)).is_err(),
            "another county"
        );
        assert!(
            authorize(&county, Action::ViewOrg(&t.shenzhen)).is_err(),
            "its upper level"
        );
    }

    #[test]
    fn only_administrators_manage_members_within_their_subtree() {
        let t = tree();
        for role in Role::ALL {
            let actor = member(&t.shenzhen, &[role]);
            assert_eq!(
                authorize(&actor, Action::ManageMembers(&t.nanshan)).is_ok(),
                role == Role::OrgAdmin,
                "{role:?}"
            );
        }
        let admin = member(&t.nanshan, &[Role::OrgAdmin]);
        assert!(authorize(&admin, Action::ManageMembers(&t.station)).is_ok());
        assert!(authorize(&admin, Action::ManageMembers(&t.futian)).is_err());
        assert!(authorize(&admin, Action::ManageMembers(&t.shenzhen)).is_err());
    }

    #[test]
    fn stations_are_created_by_their_own_county_administrator() {
        let t = tree();
        assert!(
            authorize(
                &member(&t.nanshan, &[Role::OrgAdmin]),
                Action::CreateStation(&t.nanshan)
            )
            .is_ok()
        );
        assert!(
            authorize(
                &member(&t.nanshan, &[Role::OrgAdmin]),
                Action::CreateStation(&t.futian)
            )
            .is_err()
        );
        assert!(
            authorize(
                &member(&t.nanshan, &[Role::Handler]),
                Action::CreateStation(&t.nanshan)
            )
            .is_err()
        );
        assert!(
            authorize(
                &member(&t.shenzhen, &[Role::OrgAdmin]),
                Action::CreateStation(&t.shenzhen)
            )
            .is_err(),
            "not a county"
        );
        assert!(
            authorize(
                &member(&t.shenzhen, &[Role::OrgAdmin]),
                Action::CreateStation(&t.nanshan)
            )
            .is_err(),
            "not its own"
        );
    }

    #[test]
    fn applications_are_reviewed_by_the_competent_bureau_or_above() {
        let t = tree();
        for (reviewer, roles, competent, ok) in [
            (&t.nanshan, vec![Role::Reviewer], &t.nanshan, true),
            (&t.nanshan, vec![Role::OrgAdmin], &t.nanshan, true),
            (&t.nanshan, vec![Role::Handler], &t.nanshan, false),
            (&t.nanshan, vec![Role::Analyst], &t.nanshan, false),
            (&t.guangdong, vec![Role::Reviewer], &t.nanshan, true),
            (&t.futian, vec![Role::Reviewer], &t.nanshan, false),
            (&t.station, vec![Role::Reviewer], &t.nanshan, false),
            (&t.enterprise, vec![Role::OrgAdmin], &t.nanshan, false),
            (&t.association, vec![Role::OrgAdmin], &t.association, false),
            (&t.national, vec![Role::Reviewer], &t.national, true),
        ] {
            let actor = member(reviewer, &roles);
            assert_eq!(
                authorize(&actor, Action::ReviewApplication(competent)).is_ok(),
                ok,
                "{:?} {roles:?} reviewing for {:?}",
                reviewer.id,
                competent.id
            );
        }
    }

    #[test]
    fn api_clients_belong_to_integrating_organisations_and_their_administrators() {
        let t = tree();
        for o in [&t.enterprise, &t.department, &t.international] {
            assert!(authorize(&member(o, &[Role::OrgAdmin]), Action::ManageApiClients(o)).is_ok());
            assert!(authorize(&member(o, &[Role::Handler]), Action::ManageApiClients(o)).is_err());
        }
        assert!(
            authorize(
                &member(&t.nanshan, &[Role::OrgAdmin]),
                Action::ManageApiClients(&t.nanshan)
            )
            .is_err()
        );
        assert!(
            authorize(
                &member(&t.nanshan, &[Role::OrgAdmin]),
                Action::ManageApiClients(&t.enterprise)
            )
            .is_err(),
            "a bureau does not hold an enterprise's secrets"
        );
    }

    #[test]
    fn administrators_and_analysts_search_the_audit_log_of_their_subtree() {
        let t = tree();
        assert!(
            authorize(
                &member(&t.guangdong, &[Role::Analyst]),
                Action::SearchAudit(&t.nanshan)
            )
            .is_ok()
        );
        assert!(
            authorize(
                &member(&t.guangdong, &[Role::Handler]),
                Action::SearchAudit(&t.nanshan)
            )
            .is_err()
        );
        assert!(
            authorize(
                &member(&t.nanshan, &[Role::OrgAdmin]),
                Action::SearchAudit(&t.guangdong)
            )
            .is_err()
        );
    }

    #[test]
    fn upper_levels_and_county_leaders_supervise_overdue_orders_of_their_subtree() {
        let t = tree();
        for (viewer, roles, target, ok) in [
            (&t.national, vec![Role::Analyst], &t.nanshan, true),
            (&t.guangdong, vec![Role::Analyst], &t.nanshan, true),
            (&t.guangdong, vec![Role::Handler], &t.guangdong, true),
            (&t.shenzhen, vec![Role::Reviewer], &t.station, true),
            (&t.shenzhen, vec![Role::OrgAdmin], &t.nanshan, false),
            (&t.nanshan, vec![Role::Reviewer], &t.nanshan, true),
            (&t.nanshan, vec![Role::Reviewer], &t.station, true),
            (&t.nanshan, vec![Role::Handler], &t.nanshan, false),
            (&t.nanshan, vec![Role::Analyst], &t.nanshan, false),
            (&t.nanshan, vec![Role::Reviewer], &t.futian, false),
            (&t.nanshan, vec![Role::Reviewer], &t.shenzhen, false),
            (&t.guangdong, vec![Role::Analyst], &t.national, false),
            (&t.station, vec![Role::Reviewer], &t.station, false),
            (&t.association, vec![Role::Reviewer], &t.association, false),
            (&t.enterprise, vec![Role::Reviewer], &t.enterprise, false),
        ] {
            let actor = member(viewer, &roles);
            assert_eq!(
                authorize(&actor, Action::Supervise(target)).is_ok(),
                ok,
                "{:?} {roles:?} supervising {:?}",
                viewer.id,
                target.id
            );
        }
        let county_handler = member(&t.nanshan, &[Role::Handler]);
        assert_eq!(
            access(&county_handler, Action::Supervise(&t.nanshan)),
            Access::Denied(Denied::Forbidden)
        );
        assert_eq!(
            access(&county_handler, Action::Supervise(&t.futian)),
            Access::NotFound
        );
    }

    #[test]
    fn a_second_factor_is_demanded_of_administrators_and_upper_level_staff() {
        let t = tree();
        let without = |o: &OrgRef, roles: &[Role]| Actor::Member {
            user: UserId(1),
            org: o.clone(),
            roles: roles.to_vec(),
            second_factor: false,
        };
        assert_eq!(
            authorize(
                &without(&t.nanshan, &[Role::OrgAdmin]),
                Action::ViewOrg(&t.nanshan)
            ),
            Err(Denied::SecondFactorRequired)
        );
        assert_eq!(
            authorize(
                &without(&t.guangdong, &[Role::Analyst]),
                Action::ViewOrg(&t.nanshan)
            ),
            Err(Denied::SecondFactorRequired)
        );
        assert!(
            authorize(
                &without(&t.nanshan, &[Role::Handler]),
                Action::ViewOrg(&t.nanshan)
            )
            .is_ok()
        );
        assert!(!second_factor_required(
            OrgKind::Enterprise,
            &[Role::Handler]
        ));
        assert!(second_factor_required(
            OrgKind::Enterprise,
            &[Role::OrgAdmin]
        ));
        assert!(second_factor_required(
            OrgKind::Bureau(BureauLevel::National),
            &[Role::Handler]
        ));
        assert!(!second_factor_required(
            OrgKind::Bureau(BureauLevel::City),
            &[Role::Reviewer]
        ));
    }

    #[test]
    fn capabilities_follow_the_decisions() {
        let t = tree();
        use Capability::*;
        assert_eq!(capabilities(&Actor::Anonymous), vec![]);
        assert_eq!(capabilities(&Actor::Consumer { user: UserId(1) }), vec![]);
        assert_eq!(
            capabilities(&member(&t.nanshan, &[Role::OrgAdmin])),
            vec![
                ViewOrgTree,
                ManageMembers,
                CreateStation,
                ReviewApplications,
                SearchAudit,
                ViewCalendar
            ]
        );
        assert_eq!(
            capabilities(&member(&t.nanshan, &[Role::Handler])),
            vec![ViewOrgTree, ViewCalendar, ViewOrders]
        );
        assert_eq!(
            capabilities(&member(&t.nanshan, &[Role::Reviewer])),
            vec![
                ViewOrgTree,
                ReviewApplications,
                ViewCalendar,
                ViewOrders,
                Supervise
            ],
            "a county's leaders supervise"
        );
        assert_eq!(
            capabilities(&member(&t.guangdong, &[Role::Handler])),
            vec![ViewOrgTree, ViewCalendar, ViewOrders, Supervise]
        );
        assert_eq!(
            capabilities(&member(&t.enterprise, &[Role::OrgAdmin])),
            vec![ViewOrgTree, ManageMembers, ManageApiClients, SearchAudit]
        );
        let pending = Actor::Member {
            user: UserId(1),
            org: t.nanshan.clone(),
            roles: vec![Role::OrgAdmin],
            second_factor: false,
        };
        assert_eq!(
            capabilities(&pending),
            vec![],
            "nothing until the second factor"
        );
    }

    #[test]
    fn administrators_manage_other_members_of_their_subtree_but_not_themselves() {
        let t = tree();
        let admin = member(&t.shenzhen, &[Role::OrgAdmin]);
        assert!(may_administer_member(&admin, UserId(99), &t.nanshan).is_ok());
        assert_eq!(
            may_administer_member(&admin, UserId(7), &t.shenzhen),
            Err(Denied::Forbidden),
            "itself"
        );
        assert_eq!(
            may_administer_member(&admin, UserId(99), &t.guangdong),
            Err(Denied::Forbidden)
        );
        let handler = member(&t.shenzhen, &[Role::Handler]);
        assert_eq!(
            may_administer_member(&handler, UserId(99), &t.nanshan),
            Err(Denied::Forbidden)
        );
    }

    #[test]
    fn passing_the_second_factor_changes_only_the_flag() {
        let t = tree();
        let pending = Actor::Member {
            user: UserId(3),
            org: t.nanshan.clone(),
            roles: vec![Role::OrgAdmin],
            second_factor: false,
        };
        assert_eq!(
            pending.with_second_factor_passed(),
            Actor::Member {
                user: UserId(3),
                org: t.nanshan.clone(),
                roles: vec![Role::OrgAdmin],
                second_factor: true,
            }
        );
        let consumer = Actor::Consumer { user: UserId(4) };
        assert_eq!(consumer.clone().with_second_factor_passed(), consumer);
    }

    #[test]
    fn roles_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("root"), None);
    }

    #[test]
    fn access_is_not_found_outside_what_one_sees_and_denied_inside_it() {
        let t = tree();
        let all = [
            &t.national,
            &t.guangdong,
            &t.shenzhen,
            &t.nanshan,
            &t.futian,
            &t.station,
            &t.enterprise,
            &t.department,
            &t.international,
            &t.association,
        ];
        let client = Actor::Client {
            client: ClientId(1),
            org: t.enterprise.clone(),
            scopes: vec![ClientScope::OrdersRead],
        };
        for target in all {
            let actions = [
                Action::ViewOrg(target),
                Action::ManageMembers(target),
                Action::CreateStation(target),
                Action::ReviewApplication(target),
                Action::ManageApiClients(target),
                Action::SearchAudit(target),
                Action::ViewOrders(target),
                Action::Supervise(target),
            ];
            for action in actions {
                assert_eq!(
                    access(&Actor::Anonymous, action),
                    Access::Denied(Denied::SignInRequired)
                );
                assert_eq!(
                    access(&Actor::Consumer { user: UserId(1) }, action),
                    Access::NotFound
                );
                assert_eq!(access(&client, action), Access::NotFound);
                for viewer in all {
                    for roles in [
                        vec![Role::Handler],
                        vec![Role::OrgAdmin],
                        vec![Role::Analyst],
                    ] {
                        let actor = member(viewer, &roles);
                        let got = access(&actor, action);
                        // The rule, restated: invisible → 404; visible → authorize decides.
                        let want = if !target.is_within(viewer) {
                            Access::NotFound
                        } else {
                            match authorize(&actor, action) {
                                Ok(()) => Access::Allowed,
                                Err(d) => Access::Denied(d),
                            }
                        };
                        assert_eq!(got, want, "{:?} {roles:?} {action:?}", viewer.id);
                        assert_eq!(got == Access::Allowed, authorize(&actor, action).is_ok());
                    }
                }
            }
        }
    }

    #[test]
    fn access_examples_for_invitations_and_stations() {
        let t = tree();
        let county_admin = member(&t.nanshan, &[Role::OrgAdmin]);
        let city_admin = member(&t.shenzhen, &[Role::OrgAdmin]);
        let station_admin = member(&t.station, &[Role::OrgAdmin]);
        let handler = member(&t.nanshan, &[Role::Handler]);
        let futian_admin = member(&t.futian, &[Role::OrgAdmin]);
        let manage = Action::ManageMembers(&t.nanshan);
        assert_eq!(access(&county_admin, manage), Access::Allowed);
        assert_eq!(access(&city_admin, manage), Access::Allowed);
        assert_eq!(access(&futian_admin, manage), Access::NotFound);
        assert_eq!(access(&station_admin, manage), Access::NotFound);
        assert_eq!(access(&handler, manage), Access::Denied(Denied::Forbidden));
        assert_eq!(
            access(&county_admin, Action::ManageMembers(&t.station)),
            Access::Allowed
        );
        let station = Action::CreateStation(&t.nanshan);
        assert_eq!(access(&county_admin, station), Access::Allowed);
        assert_eq!(
            access(&city_admin, station),
            Access::Denied(Denied::Forbidden)
        );
        assert_eq!(access(&station_admin, station), Access::NotFound);
        assert_eq!(access(&handler, station), Access::Denied(Denied::Forbidden));
        // A second factor owed is said before anything else, even for invisible targets.
        let unverified = Actor::Member {
            user: UserId(9),
            org: t.nanshan.clone(),
            roles: vec![Role::OrgAdmin],
            second_factor: false,
        };
        assert_eq!(
            access(&unverified, Action::ManageMembers(&t.futian)),
            Access::Denied(Denied::SecondFactorRequired)
        );
        assert_eq!(Access::NotFound.into_result(), Err(AccessRefused::NotFound));
        assert_eq!(Access::Allowed.into_result(), Ok(()));
        assert_eq!(manage.target(), &t.nanshan);
    }

    #[test]
    fn the_calendar_is_read_by_staff_and_entered_by_national_administrators_only() {
        let t = tree();
        let client = Actor::Client {
            client: ClientId(1),
            org: t.national.clone(),
            scopes: vec![ClientScope::OrdersRead],
        };
        for action in [CalendarAction::View, CalendarAction::Enter] {
            assert_eq!(
                authorize_calendar(&Actor::Anonymous, action),
                Err(Denied::SignInRequired)
            );
            assert_eq!(
                authorize_calendar(&Actor::Consumer { user: UserId(1) }, action),
                Err(Denied::Forbidden)
            );
            assert_eq!(authorize_calendar(&client, action), Err(Denied::Forbidden));
        }
        let all = [
            &t.national,
            &t.guangdong,
            &t.shenzhen,
            &t.nanshan,
            &t.futian,
            &t.station,
            &t.enterprise,
            &t.department,
            &t.international,
            &t.association,
        ];
        for org in all {
            let staff = org.kind.is_government() || org.kind == OrgKind::Association;
            for roles in [
                vec![Role::Handler],
                vec![Role::Analyst],
                vec![Role::OrgAdmin],
                vec![Role::Reviewer, Role::OrgAdmin],
            ] {
                let actor = member(org, &roles);
                assert_eq!(
                    authorize_calendar(&actor, CalendarAction::View).is_ok(),
                    staff,
                    "{org:?} {roles:?}"
                );
                let national_admin = org.id == t.national.id && roles.contains(&Role::OrgAdmin);
                assert_eq!(
                    authorize_calendar(&actor, CalendarAction::Enter).is_ok(),
                    national_admin,
                    "{org:?} {roles:?}"
                );
                assert_eq!(
                    capabilities(&actor).contains(&Capability::ManageCalendar),
                    national_admin
                );
                assert_eq!(
                    capabilities(&actor).contains(&Capability::ViewCalendar),
                    staff
                );
            }
        }
        // A national administrator who has not passed the second factor may do neither.
        let unverified = Actor::Member {
            user: UserId(7),
            org: t.national.clone(),
            roles: vec![Role::OrgAdmin],
            second_factor: false,
        };
        assert_eq!(
            authorize_calendar(&unverified, CalendarAction::Enter),
            Err(Denied::SecondFactorRequired)
        );
    }

    #[test]
    fn only_national_administrators_with_a_second_factor_manage_the_outbox() {
        let t = tree();
        let all = [
            &t.national,
            &t.guangdong,
            &t.shenzhen,
            &t.nanshan,
            &t.station,
            &t.enterprise,
            &t.department,
            &t.international,
            &t.association,
        ];
        for org in all {
            for roles in [
                vec![Role::Handler],
                vec![Role::Analyst],
                vec![Role::Reviewer],
                vec![Role::OrgAdmin],
            ] {
                let actor = member(org, &roles);
                let national_admin = org.id == t.national.id && roles.contains(&Role::OrgAdmin);
                assert_eq!(
                    authorize_outbox(&actor).is_ok(),
                    national_admin,
                    "{org:?} {roles:?}"
                );
                assert_eq!(
                    capabilities(&actor).contains(&Capability::ManageOutbox),
                    national_admin
                );
            }
        }
        assert_eq!(
            authorize_outbox(&Actor::Anonymous),
            Err(Denied::SignInRequired)
        );
        assert_eq!(
            authorize_outbox(&Actor::Consumer { user: UserId(1) }),
            Err(Denied::Forbidden)
        );
        let unverified = Actor::Member {
            user: UserId(7),
            org: t.national.clone(),
            roles: vec![Role::OrgAdmin],
            second_factor: false,
        };
        assert_eq!(
            authorize_outbox(&unverified),
            Err(Denied::SecondFactorRequired)
        );
    }
}
