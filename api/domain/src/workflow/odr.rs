//! Enterprise self-settlement (ODR 在线纠纷解决): how a complaint's time with the enterprise
//! ends, for the record and the enterprise's statistics, and the statistics' arithmetic.

use serde::{Deserialize, Serialize};

use super::{By, CommandKind, State};
use crate::access::Actor;

/// How a complaint's time with the ODR enterprise ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The consumer accepted the enterprise's proposal.
    Settled,
    /// The consumer rejected it, or gave up waiting and sent the complaint to the bureau.
    Rejected,
    /// The 10 working days ran out (the scheduler returned it).
    Expired,
    /// The bureau pulled it back into its ordinary procedure.
    Recalled,
    /// The consumer withdrew the complaint.
    Withdrawn,
}

impl Outcome {
    pub const ALL: [Self; 5] = [
        Self::Settled,
        Self::Rejected,
        Self::Expired,
        Self::Recalled,
        Self::Withdrawn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Settled => "settled",
            Self::Rejected => "rejected",
            Self::Expired => "expired",
            Self::Recalled => "recalled",
            Self::Withdrawn => "withdrawn",
        }
    }

    /// Whether the enterprise failed to settle (what the statistics count against it).
    pub fn is_failure(self) -> bool {
        matches!(self, Self::Rejected | Self::Expired | Self::Recalled)
    }
}

/// The outcome of an action that took an order away from the enterprise (`before` is the
/// state it was taken in): `None` when the order was not with the enterprise or stays there.
pub fn outcome_of(before: State, kind: CommandKind, by: By<'_>) -> Option<Outcome> {
    if !matches!(before, State::WithEnterprise { .. }) {
        return None;
    }
    match kind {
        CommandKind::AcceptEnterpriseSettlement => Some(Outcome::Settled),
        CommandKind::RejectSettlement => Some(Outcome::Rejected),
        CommandKind::Withdraw => Some(Outcome::Withdrawn),
        CommandKind::ReturnFromEnterprise => Some(match by {
            By::Scheduler => Outcome::Expired,
            By::Actor(Actor::Consumer { .. }) => Outcome::Rejected,
            By::Actor(_) => Outcome::Recalled,
        }),
        _ => None,
    }
}

/// Settled orders over ended ones (settled + rejected + expired + recalled; a withdrawn
/// complaint counts for neither side), `None` before any ended.
pub fn settlement_rate(settled: i64, ended: i64) -> Option<f64> {
    (ended > 0).then(|| settled as f64 / ended as f64)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::access::UserId;

    fn with_enterprise() -> State {
        State::WithEnterprise {
            since: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap_or_default(),
        }
    }

    #[test]
    fn each_way_out_of_the_enterprise_has_its_outcome() {
        let consumer = Actor::Consumer { user: UserId(1) };
        let staff = Actor::Anonymous;
        let w = with_enterprise();
        let by = By::Actor(&consumer);
        assert_eq!(
            outcome_of(w, CommandKind::AcceptEnterpriseSettlement, by),
            Some(Outcome::Settled)
        );
        assert_eq!(
            outcome_of(w, CommandKind::RejectSettlement, by),
            Some(Outcome::Rejected)
        );
        assert_eq!(
            outcome_of(w, CommandKind::ReturnFromEnterprise, by),
            Some(Outcome::Rejected)
        );
        assert_eq!(
            outcome_of(w, CommandKind::Withdraw, by),
            Some(Outcome::Withdrawn)
        );
        assert_eq!(
            outcome_of(w, CommandKind::ReturnFromEnterprise, By::Scheduler),
            Some(Outcome::Expired)
        );
        assert_eq!(
            outcome_of(w, CommandKind::ReturnFromEnterprise, By::Actor(&staff)),
            Some(Outcome::Recalled)
        );
        for kind in CommandKind::ALL {
            assert_eq!(outcome_of(State::Received, kind, by), None, "{kind:?}");
        }
        assert_eq!(outcome_of(w, CommandKind::ProposeSettlement, by), None);
        assert_eq!(outcome_of(w, CommandKind::AssignHandler, by), None);
    }

    #[test]
    fn the_rate_is_settled_over_ended() {
        assert_eq!(settlement_rate(0, 0), None);
        assert_eq!(settlement_rate(1, 4), Some(0.25));
        assert_eq!(settlement_rate(3, 3), Some(1.0));
        assert!(Outcome::Expired.is_failure() && !Outcome::Settled.is_failure());
        assert!(!Outcome::Withdrawn.is_failure());
        let names: Vec<&str> = Outcome::ALL.iter().map(|o| o.as_str()).collect();
        assert_eq!(
            names,
            ["settled", "rejected", "expired", "recalled", "withdrawn"]
        );
    }
}
