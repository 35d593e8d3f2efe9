//! The classification taxonomy: the public tree, and national administrators' edits (create,
//! rename, reorder, retire, reactivate), each audited in its own transaction. The rules on
//! codes and names are `weiquan_domain::taxonomy`; who may edit is
//! `weiquan_domain::access::Action::ManageTaxonomy` (the HTTP layer asks it before calling).

use diesel::Connection;
use weiquan_db::audit::{self, NewAuditEntry};
use weiquan_db::categories::{self as db, CategoryChange, CategoryRow, NewCategory};
use weiquan_domain::access::Actor;
use weiquan_domain::audit::{AuditAction, AuditActor, Outcome};
use weiquan_domain::taxonomy::{
    CategoryCode, Level, NameError, NameField, PlacementError, Slot, check_name,
};

use crate::accounts::Origin;
use crate::{Deps, ServiceError};

#[derive(Debug, thiserror::Error)]
pub enum CategoryError {
    #[error("no such category")]
    NotFound,
    #[error("{field:?}: {error}")]
    Name { field: NameField, error: NameError },
    #[error("placement: {0}")]
    Placement(PlacementError),
    /// The parent named for a leaf does not exist.
    #[error("unknown parent")]
    UnknownParent,
    #[error(transparent)]
    Service(#[from] ServiceError),
}

impl From<weiquan_db::DbError> for CategoryError {
    fn from(e: weiquan_db::DbError) -> Self {
        Self::Service(e.into())
    }
}

impl From<diesel::result::Error> for CategoryError {
    fn from(e: diesel::result::Error) -> Self {
        weiquan_db::DbError::from(e).into()
    }
}

/// The taxonomy as stored. With `include_retired` false: only active codes, and no leaf of a
/// retired group (what the consumer may choose).
pub async fn list(deps: &Deps, include_retired: bool) -> Result<Vec<CategoryRow>, ServiceError> {
    let rows = deps
        .db
        .run(move |conn| db::list(conn, include_retired))
        .await?;
    if include_retired {
        return Ok(rows);
    }
    let groups: Vec<String> = rows
        .iter()
        .filter(|r| r.kind == "subject" && r.parent_code.is_none())
        .map(|r| r.code.clone())
        .collect();
    Ok(rows
        .into_iter()
        .filter(|r| r.parent_code.as_ref().is_none_or(|p| groups.contains(p)))
        .collect())
}

/// A new category as an administrator asks for it.
#[derive(Debug, Clone)]
pub struct NewInput {
    pub slot: Slot,
    /// A code asked for (it must fit the slot and be free); else the next one is taken.
    pub code: Option<CategoryCode>,
    pub name_zh: String,
    pub name_en: String,
    /// Where among its siblings; after the last one when absent.
    pub position: Option<i32>,
}

fn names(
    zh: Option<&str>,
    en: Option<&str>,
) -> Result<(Option<String>, Option<String>), CategoryError> {
    let check = |field, v: Option<&str>| {
        v.map(|v| check_name(field, v).map_err(|error| CategoryError::Name { field, error }))
            .transpose()
    };
    Ok((check(NameField::NameZh, zh)?, check(NameField::NameEn, en)?))
}

fn entry(actor: &Actor, origin: &Origin, action: AuditAction, code: &str) -> NewAuditEntry {
    let mut entry = NewAuditEntry::new(AuditActor::from(actor), action, Outcome::Success);
    entry.org_path = actor.org().map(|o| o.path.clone());
    entry.subject = Some(format!("category:{code}"));
    entry.ip = origin.ip;
    entry.user_agent = origin.user_agent.clone();
    entry
}

/// Creates a category (the caller was authorised for `ManageTaxonomy`), audited.
pub async fn create(
    deps: &Deps,
    actor: &Actor,
    input: NewInput,
    origin: &Origin,
) -> Result<CategoryRow, CategoryError> {
    let (zh, en) = names(Some(&input.name_zh), Some(&input.name_en))?;
    let (name_zh, name_en) = (zh.unwrap_or_default(), en.unwrap_or_default());
    let (actor, origin) = (actor.clone(), origin.clone());
    deps.db
        .run(move |conn| {
            Ok(
                conn.transaction(|conn| -> Result<CategoryRow, CategoryError> {
                    if let Slot::Leaf(group) = &input.slot
                        && db::find(conn, group.as_str())?.is_none()
                    {
                        return Err(CategoryError::UnknownParent);
                    }
                    // Two concurrent creations in the same slot pick the same next code: the
                    // primary key refuses the second (answered as `Taken`; the administrator
                    // sends it again).
                    let existing = db::codes(conn)?;
                    let code = input
                        .slot
                        .place(input.code.as_ref(), existing.iter().map(String::as_str))
                        .map_err(CategoryError::Placement)?;
                    let parent = code.parent().map(String::from);
                    let letter = &code.as_str()[..1];
                    let position = match input.position {
                        Some(p) => p,
                        None => db::next_position(conn, parent.as_deref(), letter)?,
                    };
                    let row = db::insert_new(
                        conn,
                        &NewCategory {
                            code: code.as_str().to_owned(),
                            kind: if code.level() == Level::Problem {
                                "problem"
                            } else {
                                "subject"
                            }
                            .to_owned(),
                            parent_code: parent,
                            name_zh,
                            name_en,
                            position,
                            active: true,
                        },
                    )?
                    .ok_or(CategoryError::Placement(PlacementError::Taken))?;
                    let mut e = entry(&actor, &origin, AuditAction::CategoryCreated, &row.code);
                    e.detail = serde_json::json!({
                        "code": row.code,
                        "parent_code": row.parent_code,
                        "name_zh": row.name_zh,
                        "name_en": row.name_en,
                        "position": row.position,
                    });
                    audit::append(conn, &e)?;
                    Ok(row)
                }),
            )
        })
        .await?
}

/// An edit: rename, reorder, retire (`active: false`) or reactivate.
#[derive(Debug, Clone, Default)]
pub struct EditInput {
    pub name_zh: Option<String>,
    pub name_en: Option<String>,
    pub position: Option<i32>,
    pub active: Option<bool>,
}

/// Applies an edit (the caller was authorised for `ManageTaxonomy`), audited with the values
/// before and after. A code is never deleted: orders keep naming it.
pub async fn update(
    deps: &Deps,
    actor: &Actor,
    code: String,
    edit: EditInput,
    origin: &Origin,
) -> Result<CategoryRow, CategoryError> {
    let (name_zh, name_en) = names(edit.name_zh.as_deref(), edit.name_en.as_deref())?;
    let change = CategoryChange {
        name_zh,
        name_en,
        position: edit.position,
        active: edit.active,
    };
    let (actor, origin) = (actor.clone(), origin.clone());
    deps.db
        .run(move |conn| {
            Ok(
                conn.transaction(|conn| -> Result<CategoryRow, CategoryError> {
                    let before = db::find(conn, &code)?.ok_or(CategoryError::NotFound)?;
                    let after = db::update(conn, &code, &change)?.ok_or(CategoryError::NotFound)?;
                    let mut e = entry(&actor, &origin, AuditAction::CategoryUpdated, &code);
                    let mut detail = serde_json::Map::new();
                    let mut diff = |key: &str, old: serde_json::Value, new: serde_json::Value| {
                        if old != new {
                            detail.insert(
                                key.to_owned(),
                                serde_json::json!({"from": old, "to": new}),
                            );
                        }
                    };
                    diff(
                        "name_zh",
                        before.name_zh.into(),
                        after.name_zh.clone().into(),
                    );
                    diff(
                        "name_en",
                        before.name_en.into(),
                        after.name_en.clone().into(),
                    );
                    diff("position", before.position.into(), after.position.into());
                    diff("active", before.active.into(), after.active.into());
                    e.detail = serde_json::Value::Object(detail);
                    audit::append(conn, &e)?;
                    Ok(after)
                }),
            )
        })
        .await?
}
