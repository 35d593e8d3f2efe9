//! Queries on the organisation tree.

use diesel::prelude::*;
use weiquan_domain::DivisionCode;
use weiquan_domain::access::{BureauLevel, OrgId, OrgKind, OrgPath, OrgRef};

use crate::DbError;
use crate::schema::organisations;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = organisations)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct OrgRow {
    pub id: i64,
    pub kind: String,
    pub bureau_level: Option<String>,
    pub name: String,
    pub name_en: Option<String>,
    pub parent_id: Option<i64>,
    pub path: String,
    pub division_code: Option<String>,
    pub credit_code: Option<String>,
    pub odr_status: Option<String>,
    pub status: String,
}

fn kind_of(kind: &str, level: Option<&str>) -> Option<OrgKind> {
    Some(match (kind, level) {
        ("bureau", Some("national")) => OrgKind::Bureau(BureauLevel::National),
        ("bureau", Some("province")) => OrgKind::Bureau(BureauLevel::Province),
        ("bureau", Some("city")) => OrgKind::Bureau(BureauLevel::City),
        ("bureau", Some("county")) => OrgKind::Bureau(BureauLevel::County),
        ("station", None) => OrgKind::Station,
        ("association", None) => OrgKind::Association,
        ("department", None) => OrgKind::Department,
        ("international", None) => OrgKind::International,
        ("enterprise", None) => OrgKind::Enterprise,
        _ => return None,
    })
}

impl OrgRow {
    /// The organisation as permission decisions see it.
    pub fn to_ref(&self) -> Result<OrgRef, DbError> {
        let bad = |what: &str| DbError::Other(format!("organisation {}: bad {what}", self.id));
        Ok(OrgRef {
            id: OrgId(self.id),
            kind: kind_of(&self.kind, self.bureau_level.as_deref()).ok_or_else(|| bad("kind"))?,
            path: OrgPath::from_sql(&self.path).ok_or_else(|| bad("path"))?,
            division: self
                .division_code
                .as_deref()
                .map(DivisionCode::parse)
                .transpose()
                .map_err(|_| bad("division"))?,
        })
    }
}

pub fn find(conn: &mut PgConnection, id: OrgId) -> Result<Option<OrgRow>, DbError> {
    Ok(organisations::table
        .find(id.0)
        .select(OrgRow::as_select())
        .first(conn)
        .optional()?)
}

/// The bureau serving a division (the national bureau for `None`).
pub fn bureau_of(
    conn: &mut PgConnection,
    division: Option<&DivisionCode>,
) -> Result<Option<OrgRow>, DbError> {
    let query = organisations::table
        .filter(organisations::kind.eq("bureau"))
        .select(OrgRow::as_select())
        .into_boxed();
    let query = match division {
        Some(code) => query.filter(organisations::division_code.eq(code.as_str())),
        None => query.filter(organisations::bureau_level.eq("national")),
    };
    Ok(query.first(conn).optional()?)
}

/// The direct children of an organisation, bureaus first then by name.
pub fn children(conn: &mut PgConnection, parent: OrgId) -> Result<Vec<OrgRow>, DbError> {
    Ok(organisations::table
        .filter(organisations::parent_id.eq(parent.0))
        .select(OrgRow::as_select())
        .order((
            organisations::kind,
            organisations::division_code,
            organisations::name,
        ))
        .load(conn)?)
}

/// Whether an organisation has children, for many at once.
pub fn with_children(conn: &mut PgConnection, ids: &[i64]) -> Result<Vec<i64>, DbError> {
    Ok(organisations::table
        .filter(organisations::parent_id.eq_any(ids))
        .select(organisations::parent_id.assume_not_null())
        .distinct()
        .load(conn)?)
}

/// The ancestors of a path (root first), excluding the organisation itself.
pub fn ancestors(conn: &mut PgConnection, path: &OrgPath) -> Result<Vec<OrgRow>, DbError> {
    let ids: Vec<i64> = path.0.iter().rev().skip(1).map(|id| id.0).collect();
    let mut rows: Vec<OrgRow> = organisations::table
        .filter(organisations::id.eq_any(&ids))
        .select(OrgRow::as_select())
        .load(conn)?;
    rows.sort_by_key(|r| r.path.len());
    Ok(rows)
}

/// A unit to create below an existing one.
#[derive(Debug, Clone)]
pub struct NewChild<'a> {
    /// `station`, `association`, `department`, `international` or `enterprise`.
    pub kind: &'a str,
    pub name: &'a str,
    pub name_en: Option<&'a str>,
    pub division_code: Option<&'a str>,
    pub credit_code: Option<&'a str>,
    pub odr_status: Option<&'a str>,
}

/// Creates a unit under `parent` with its materialised path (`parent.path` + its id).
pub fn insert_child(
    conn: &mut PgConnection,
    parent: &OrgRow,
    child: &NewChild<'_>,
) -> Result<OrgRow, DbError> {
    let id: i64 = diesel::select(diesel::dsl::sql::<diesel::sql_types::BigInt>(
        "nextval('organisations_id_seq')",
    ))
    .get_result(conn)?;
    let path = format!("{}{id}/", parent.path);
    Ok(diesel::insert_into(organisations::table)
        .values((
            organisations::id.eq(id),
            organisations::kind.eq(child.kind),
            organisations::name.eq(child.name),
            organisations::name_en.eq(child.name_en),
            organisations::parent_id.eq(parent.id),
            organisations::path.eq(&path),
            organisations::division_code.eq(child.division_code),
            organisations::credit_code.eq(child.credit_code),
            organisations::odr_status.eq(child.odr_status),
        ))
        .returning(OrgRow::as_returning())
        .get_result(conn)?)
}

/// A direct child of `parent` of `kind` named `name`, if any.
pub fn find_child(
    conn: &mut PgConnection,
    parent: OrgId,
    kind: &str,
    name: &str,
) -> Result<Option<OrgRow>, DbError> {
    Ok(organisations::table
        .filter(organisations::parent_id.eq(parent.0))
        .filter(organisations::kind.eq(kind))
        .filter(organisations::name.eq(name))
        .select(OrgRow::as_select())
        .first(conn)
        .optional()?)
}

/// The organisation holding a unified social credit code, if any.
pub fn find_by_credit_code(conn: &mut PgConnection, code: &str) -> Result<Option<OrgRow>, DbError> {
    Ok(organisations::table
        .filter(organisations::credit_code.eq(code))
        .select(OrgRow::as_select())
        .first(conn)
        .optional()?)
}
