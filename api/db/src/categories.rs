//! The classification taxonomy (table `categories`, migration `2026-11-29-000022_categories`):
//! subject groups and leaves, problem types. The rules on codes are
//! `weiquan_domain::taxonomy`; the seed (`data/categories.csv`) is loaded by
//! [`crate::reference::sync_categories`].

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::DbError;
use crate::schema::categories;

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = categories)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct CategoryRow {
    pub code: String,
    /// `subject` or `problem`.
    pub kind: String,
    pub parent_code: Option<String>,
    pub name_zh: String,
    pub name_en: String,
    pub position: i32,
    pub active: bool,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = categories)]
pub struct NewCategory {
    pub code: String,
    pub kind: String,
    pub parent_code: Option<String>,
    pub name_zh: String,
    pub name_en: String,
    pub position: i32,
    pub active: bool,
}

/// What an edit changes (unset fields stay).
#[derive(Debug, Clone, Default, AsChangeset)]
#[diesel(table_name = categories)]
pub struct CategoryChange {
    pub name_zh: Option<String>,
    pub name_en: Option<String>,
    pub position: Option<i32>,
    pub active: Option<bool>,
}

/// Every category (retired ones too when `include_retired`), parents before children is not
/// guaranteed: callers build the tree by `parent_code`. Ordered by position, then code.
pub fn list(conn: &mut PgConnection, include_retired: bool) -> Result<Vec<CategoryRow>, DbError> {
    let mut query = categories::table
        .select(CategoryRow::as_select())
        .order((categories::position, categories::code))
        .into_boxed();
    if !include_retired {
        query = query.filter(categories::active.eq(true));
    }
    Ok(query.load(conn)?)
}

/// Every code in use, retired ones included (codes are never reused).
pub fn codes(conn: &mut PgConnection) -> Result<Vec<String>, DbError> {
    Ok(categories::table.select(categories::code).load(conn)?)
}

pub fn find(conn: &mut PgConnection, code: &str) -> Result<Option<CategoryRow>, DbError> {
    Ok(categories::table
        .find(code)
        .select(CategoryRow::as_select())
        .first(conn)
        .optional()?)
}

/// The rows of these codes, in one query (intake checks a leaf, its group and a problem type).
pub fn find_many(conn: &mut PgConnection, codes: &[String]) -> Result<Vec<CategoryRow>, DbError> {
    if codes.is_empty() {
        return Ok(Vec::new());
    }
    Ok(categories::table
        .filter(categories::code.eq_any(codes))
        .select(CategoryRow::as_select())
        .load(conn)?)
}

/// The next position after the last sibling (under `parent`, or among the top-level codes
/// starting with `letter`).
pub fn next_position(
    conn: &mut PgConnection,
    parent: Option<&str>,
    letter: &str,
) -> Result<i32, DbError> {
    let max: Option<i32> = match parent {
        Some(p) => categories::table
            .filter(categories::parent_code.eq(p))
            .select(diesel::dsl::max(categories::position))
            .first(conn)?,
        None => categories::table
            .filter(categories::parent_code.is_null())
            .filter(categories::code.like(format!("{letter}%")))
            .select(diesel::dsl::max(categories::position))
            .first(conn)?,
    };
    Ok(max.unwrap_or(0).saturating_add(10))
}

/// Inserts a category; `None` when its code was taken meanwhile.
pub fn insert_new(
    conn: &mut PgConnection,
    new: &NewCategory,
) -> Result<Option<CategoryRow>, DbError> {
    Ok(diesel::insert_into(categories::table)
        .values(new)
        .on_conflict(categories::code)
        .do_nothing()
        .returning(CategoryRow::as_returning())
        .get_result(conn)
        .optional()?)
}

/// Applies a change and answers the row after it (`None` if there is no such code).
pub fn update(
    conn: &mut PgConnection,
    code: &str,
    change: &CategoryChange,
) -> Result<Option<CategoryRow>, DbError> {
    Ok(diesel::update(categories::table.find(code))
        .set((change, categories::updated_at.eq(diesel::dsl::now)))
        .returning(CategoryRow::as_returning())
        .get_result(conn)
        .optional()?)
}
