//! Candidates for the unit or person an action on an order names (`GET /orders/{id}/targets`):
//! a bounded set of plausible rows per action, active ones only, matching the caller's search
//! text. Which of them the rules accept is decided in `weiquan_domain::workflow::targets`;
//! these queries only narrow the field.
//!
//! Cost: the organisation tree holds a few thousand government units and associations (one
//! bureau per division) and up to about a hundred thousand enterprises; bureau searches read
//! the bureau rows only (`kind = 'bureau'`), the others one unit's children or one unit's
//! members through their indexes.

use diesel::prelude::*;
use weiquan_domain::access::{OrgPath, Role, UserId};

use crate::DbError;
use crate::inbox::like_escape;
use crate::organisations::OrgRow;
use crate::schema::{organisations, user_roles, users};

/// A search over candidates: the text (`q`, trimmed, may be empty) and how many rows at most.
#[derive(Debug, Clone)]
pub struct Search<'a> {
    pub q: &'a str,
    pub limit: i64,
}

/// Market-regulation bureaus other than `holder`, the holder's siblings first (the usual
/// destination of a transfer), then by division code. `q` matches a part of the Chinese or
/// English name, or the start of the division code (`4403` finds 深圳市 and its districts).
pub fn bureaus(
    conn: &mut PgConnection,
    holder: i64,
    holder_parent: Option<i64>,
    search: &Search<'_>,
) -> Result<Vec<OrgRow>, DbError> {
    let mut query = organisations::table
        .filter(organisations::kind.eq("bureau"))
        .filter(organisations::status.eq("active"))
        .filter(organisations::id.ne(holder))
        .select(OrgRow::as_select())
        .into_boxed();
    if !search.q.is_empty() {
        let text = format!("%{}%", like_escape(search.q));
        let code = format!("{}%", like_escape(search.q));
        query = query.filter(
            organisations::name
                .ilike(text.clone())
                .or(organisations::name_en.ilike(text).assume_not_null())
                .or(organisations::division_code.like(code).assume_not_null()),
        );
    }
    Ok(query
        .order((
            organisations::parent_id
                .eq(holder_parent.unwrap_or(-1))
                .desc()
                .nulls_last(),
            organisations::division_code.asc().nulls_first(),
            organisations::id,
        ))
        .limit(search.limit)
        .load(conn)?)
}

/// Active units of `kind` directly under any of `parents`, those under the deepest parent
/// first (the nearest), then by name.
pub fn children_of_kind(
    conn: &mut PgConnection,
    parents: &[i64],
    kind: &str,
    search: &Search<'_>,
) -> Result<Vec<OrgRow>, DbError> {
    let mut query = organisations::table
        .filter(organisations::parent_id.eq_any(parents))
        .filter(organisations::kind.eq(kind))
        .filter(organisations::status.eq("active"))
        .select(OrgRow::as_select())
        .into_boxed();
    if !search.q.is_empty() {
        let text = format!("%{}%", like_escape(search.q));
        query = query.filter(
            organisations::name
                .ilike(text.clone())
                .or(organisations::name_en.ilike(text).assume_not_null()),
        );
    }
    let mut rows: Vec<OrgRow> = query
        .order((organisations::name, organisations::id))
        .limit(search.limit)
        .load(conn)?;
    // Nearest first: a deeper parent has a longer path.
    rows.sort_by_key(|r| std::cmp::Reverse(r.path.len()));
    Ok(rows)
}

/// The ids on a path (the unit and every unit above it).
pub fn path_ids(path: &OrgPath) -> Vec<i64> {
    path.0.iter().map(|id| id.0).collect()
}

/// A member of a unit who might be named handler: their account, name and roles.
#[derive(Debug, Clone)]
pub struct MemberCandidate {
    pub user: UserId,
    pub display_name: String,
    pub roles: Vec<Role>,
}

/// The active members of `org` holding a handler or reviewer role, by name; `q` matches a
/// part of the display name or the user name.
pub fn handlers(
    conn: &mut PgConnection,
    org: i64,
    search: &Search<'_>,
) -> Result<Vec<MemberCandidate>, DbError> {
    let handling = user_roles::table
        .filter(user_roles::user_id.eq(users::id))
        .filter(user_roles::role.eq_any(["handler", "reviewer"]));
    let mut query = users::table
        .filter(users::org_id.eq(org))
        .filter(users::kind.eq("member"))
        .filter(users::status.eq("active"))
        .filter(diesel::dsl::exists(handling))
        .select((users::id, users::display_name))
        .into_boxed();
    if !search.q.is_empty() {
        let text = format!("%{}%", like_escape(search.q));
        query = query.filter(
            users::display_name
                .ilike(text.clone())
                .or(users::username.ilike(text).assume_not_null()),
        );
    }
    let found: Vec<(i64, String)> = query
        .order((users::display_name, users::id))
        .limit(search.limit)
        .load(conn)?;
    let ids: Vec<i64> = found.iter().map(|(id, _)| *id).collect();
    let roles: Vec<(i64, String)> = user_roles::table
        .filter(user_roles::user_id.eq_any(&ids))
        .select((user_roles::user_id, user_roles::role))
        .order((user_roles::user_id, user_roles::role))
        .load(conn)?;
    Ok(found
        .into_iter()
        .map(|(id, display_name)| MemberCandidate {
            user: UserId(id),
            display_name,
            roles: roles
                .iter()
                .filter(|(user, _)| *user == id)
                .filter_map(|(_, role)| Role::parse(role))
                .collect(),
        })
        .collect())
}
