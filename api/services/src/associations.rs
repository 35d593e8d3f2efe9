//! Consumer associations 消协: a city or county bureau's administrator creates the association
//! of the bureau's area under the bureau (so that the bureau, and the counties below a city,
//! may delegate mediation to it, Art. 19), then invites its staff with the ordinary
//! invitations (the association lies in the bureau's subtree).

use weiquan_db::organisations::OrgRow;
use weiquan_domain::access::{Action, Actor, OrgId};

use crate::accounts::Origin;
use crate::units::{self, NewUnit};

pub use crate::units::CreateError as AssociationError;

/// Creates a consumer association named `name` under the city or county bureau `bureau`,
/// serving the bureau's division. The names are checked by the caller (1 to 200 characters).
pub async fn create(
    deps: &crate::Deps,
    actor: &Actor,
    bureau: OrgId,
    name: String,
    name_en: Option<String>,
    origin: &Origin,
) -> Result<OrgRow, AssociationError> {
    let unit = NewUnit {
        kind: "association",
        decision: |o| Action::CreateAssociation(o),
        name,
        name_en,
    };
    units::create(deps, actor, bureau, unit, origin).await
}
