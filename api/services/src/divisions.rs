//! Reading the administrative divisions.

use weiquan_db::divisions::{self, Division};
use weiquan_domain::DivisionCode;

use crate::{Deps, ServiceError};

/// The children of `parent` (the provinces when `None`). An unknown parent is `NotFound`,
/// so a typo is not mistaken for a unit without children.
pub async fn children(
    deps: &Deps,
    parent: Option<DivisionCode>,
) -> Result<Vec<Division>, ServiceError> {
    let found = deps
        .db
        .run(move |conn| {
            let list = divisions::children(conn, parent.as_ref())?;
            let parent_exists = match parent {
                Some(code) if list.is_empty() => divisions::find(conn, &code)?.is_some(),
                _ => true,
            };
            Ok((list, parent_exists))
        })
        .await?;
    match found {
        (_, false) => Err(ServiceError::NotFound { what: "division" }),
        (list, true) => Ok(list),
    }
}

/// One division with its ancestors, province first.
pub async fn get(
    deps: &Deps,
    code: DivisionCode,
) -> Result<(Division, Vec<Division>), ServiceError> {
    deps.db
        .run(move |conn| divisions::find_with_ancestors(conn, &code))
        .await?
        .ok_or(ServiceError::NotFound { what: "division" })
}

/// Many divisions at once; returns the found ones and the codes that do not exist.
pub async fn lookup(
    deps: &Deps,
    codes: Vec<DivisionCode>,
) -> Result<(Vec<Division>, Vec<DivisionCode>), ServiceError> {
    let wanted = codes.clone();
    let found = deps
        .db
        .run(move |conn| divisions::find_many(conn, &wanted))
        .await?;
    let mut missing: Vec<DivisionCode> = codes
        .into_iter()
        .filter(|c| !found.iter().any(|d| d.code == *c))
        .collect();
    missing.sort();
    missing.dedup();
    Ok((found, missing))
}
