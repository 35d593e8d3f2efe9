//! Stations (所): a county bureau's administrator creates them under their own bureau, then
//! invites the station's staff (the station lies in the county's subtree).

use weiquan_db::organisations::OrgRow;
use weiquan_domain::access::{Action, Actor, OrgId};

use crate::accounts::Origin;
use crate::units::{self, NewUnit};

pub use crate::units::CreateError as StationError;

/// Creates a station named `name` under the county bureau `county`. The names are checked by
/// the caller (1 to 200 characters).
pub async fn create(
    deps: &crate::Deps,
    actor: &Actor,
    county: OrgId,
    name: String,
    name_en: Option<String>,
    origin: &Origin,
) -> Result<OrgRow, StationError> {
    let unit = NewUnit {
        kind: "station",
        decision: |o| Action::CreateStation(o),
        name,
        name_en,
    };
    units::create(deps, actor, county, unit, origin).await
}
