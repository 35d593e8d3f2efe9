//! Queries on the administrative divisions.

use diesel::prelude::*;
use weiquan_domain::{DivisionCode, DivisionLevel};

use crate::DbError;
use crate::schema::divisions;

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = divisions)]
#[diesel(check_for_backend(diesel::pg::Pg))]
struct DivisionRow {
    code: String,
    name: String,
    level: String,
    parent_code: Option<String>,
    has_children: bool,
}

/// A division as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Division {
    pub code: DivisionCode,
    pub name: String,
    pub level: DivisionLevel,
    pub parent_code: Option<DivisionCode>,
    pub has_children: bool,
}

impl TryFrom<DivisionRow> for Division {
    type Error = DbError;

    fn try_from(row: DivisionRow) -> Result<Self, DbError> {
        let bad = |what: &str| DbError::Other(format!("division {}: bad {what}", row.code));
        Ok(Self {
            code: DivisionCode::parse(&row.code).map_err(|_| bad("code"))?,
            level: row.level.parse().map_err(|_| bad("level"))?,
            parent_code: row
                .parent_code
                .as_deref()
                .map(DivisionCode::parse)
                .transpose()
                .map_err(|_| bad("parent"))?,
            name: row.name,
            has_children: row.has_children,
        })
    }
}

fn convert(rows: Vec<DivisionRow>) -> Result<Vec<Division>, DbError> {
    rows.into_iter().map(Division::try_from).collect()
}

/// The children of `parent`, or the provinces when `parent` is `None`, ordered by code.
pub fn children(
    conn: &mut PgConnection,
    parent: Option<&DivisionCode>,
) -> Result<Vec<Division>, DbError> {
    let query = divisions::table
        .select(DivisionRow::as_select())
        .order(divisions::code)
        .into_boxed();
    let rows = match parent {
        Some(parent) => query
            .filter(divisions::parent_code.eq(parent.as_str()))
            .load(conn)?,
        None => query.filter(divisions::parent_code.is_null()).load(conn)?,
    };
    convert(rows)
}

/// One division, if it exists.
pub fn find(conn: &mut PgConnection, code: &DivisionCode) -> Result<Option<Division>, DbError> {
    divisions::table
        .find(code.as_str())
        .select(DivisionRow::as_select())
        .first(conn)
        .optional()?
        .map(Division::try_from)
        .transpose()
}

/// Several divisions by code in one query, ordered by code; unknown codes are skipped.
pub fn find_many(
    conn: &mut PgConnection,
    codes: &[DivisionCode],
) -> Result<Vec<Division>, DbError> {
    let codes: Vec<&str> = codes.iter().map(DivisionCode::as_str).collect();
    let rows = divisions::table
        .filter(divisions::code.eq_any(codes))
        .select(DivisionRow::as_select())
        .order(divisions::code)
        .load(conn)?;
    convert(rows)
}

/// A division with its ancestors (province first), in one query: the possible parents are
/// known from the code, so they are fetched together and the chain followed in memory.
pub fn find_with_ancestors(
    conn: &mut PgConnection,
    code: &DivisionCode,
) -> Result<Option<(Division, Vec<Division>)>, DbError> {
    let mut wanted = code.possible_parents();
    wanted.push(*code);
    let found = find_many(conn, &wanted)?;
    let Some(target) = found.iter().find(|d| d.code == *code).cloned() else {
        return Ok(None);
    };
    let mut ancestors = Vec::new();
    let mut next = target.parent_code;
    while let Some(parent) = next {
        let Some(division) = found.iter().find(|d| d.code == parent) else {
            return Err(DbError::Other(format!(
                "division {code}: parent {parent} missing"
            )));
        };
        ancestors.push(division.clone());
        next = division.parent_code;
    }
    ancestors.reverse();
    Ok(Some((target, ancestors)))
}

/// Counts by level, for the readiness of reference data.
pub fn count(conn: &mut PgConnection) -> Result<i64, DbError> {
    Ok(divisions::table.count().get_result(conn)?)
}
