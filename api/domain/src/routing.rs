//! Jurisdiction routing 管辖: which bureau an appeal goes to, and by which rule.
//!
//! - Complaints (Art. 13): the county bureau of the business's actual place of business or
//!   registered address; an e-commerce platform operator or a seller through its own website
//!   by its registered address; a merchant on a platform by the address it publishes on the
//!   platform, or by the platform operator's registered address when it publishes none or
//!   cannot be reached there.
//! - Reports (Art. 29, 31): the bureau where the conduct happened; an e-commerce operator by
//!   its registered address; a merchant on a platform by its actual place of business.
//! - Suggestions and consultations follow the complaint rule when a business is named.
//!
//! The division given may be incomplete (a city or a province only) or unknown to the
//! reference data: the appeal then goes to the intake desk 统一接收机构 of the nearest known
//! upper level, which dispatches it (Art. 41); with nothing known, to the national desk.
//! Which divisions exist is data; the caller passes it as a predicate.

use serde::{Deserialize, Serialize};

use crate::DivisionCode;
use crate::DivisionLevel;
use crate::workflow::AppealKind;

/// How the business sells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "channel", rename_all = "snake_case")]
pub enum Business {
    /// A shop or service in the physical world.
    Offline {
        /// 实际经营地.
        place_of_business: Option<DivisionCode>,
        /// 住所地 (registered address).
        registered: Option<DivisionCode>,
    },
    /// An e-commerce platform operator, or a seller through its own website or other network
    /// services.
    EcommerceOperator { registered: Option<DivisionCode> },
    /// A merchant on an e-commerce platform.
    PlatformMerchant {
        /// The address the merchant publishes on the platform (complaints).
        published_address: Option<DivisionCode>,
        /// Whether the merchant could be reached there; `false` sends the complaint to the
        /// platform's bureau.
        reachable_there: bool,
        /// The merchant's actual place of business (reports).
        place_of_business: Option<DivisionCode>,
        /// The platform operator's registered address.
        platform_registered: Option<DivisionCode>,
    },
}

/// The rule that decided, recorded on the order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoutingRule {
    /// Art. 13: the business's actual place of business.
    PlaceOfBusiness,
    /// Art. 13: the business's registered address (no place of business given).
    RegisteredAddress,
    /// Art. 13 / Art. 31: an e-commerce operator's registered address.
    EcommerceOperatorRegistered,
    /// Art. 13: the address a platform merchant publishes on the platform.
    MerchantPublishedAddress,
    /// Art. 13: the platform operator's registered address (the merchant published no
    /// address or could not be reached there).
    PlatformRegistered,
    /// Art. 29 / Art. 31: where the reported conduct happened (a platform merchant's actual
    /// place of business).
    ConductLocation,
    /// No county could be determined: the intake desk of the nearest known level.
    IntakeDesk,
}

/// Where the appeal goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Route {
    /// The division whose bureau receives it; `None` means the national bureau.
    pub division: Option<DivisionCode>,
    /// Whether it goes to that bureau's intake desk for dispatch rather than to a county
    /// bureau that handles it.
    pub intake_desk: bool,
    pub rule: RoutingRule,
    /// The rule that would have applied, when the route fell back to an intake desk.
    pub intended: Option<RoutingRule>,
}

/// The competent bureau for an appeal about `business`; for a report, `conduct` is where the
/// conduct happened when the reporter says so (it takes precedence for offline businesses).
pub fn route(
    kind: AppealKind,
    business: &Business,
    conduct: Option<DivisionCode>,
    exists: impl Fn(&DivisionCode) -> bool,
) -> Route {
    let (division, rule) = candidate(kind, business, conduct);
    let Some(division) = division else {
        return Route {
            division: None,
            intake_desk: true,
            rule: RoutingRule::IntakeDesk,
            intended: Some(rule),
        };
    };
    if division.level() == DivisionLevel::County && exists(&division) {
        return Route {
            division: Some(division),
            intake_desk: false,
            rule,
            intended: None,
        };
    }
    // The nearest known level at or above the given code.
    let desk = std::iter::once(division)
        .filter(|d| d.level() != DivisionLevel::County)
        .chain(division.possible_parents())
        .find(|d| exists(d));
    Route {
        division: desk,
        intake_desk: true,
        rule: RoutingRule::IntakeDesk,
        intended: Some(rule),
    }
}

fn candidate(
    kind: AppealKind,
    business: &Business,
    conduct: Option<DivisionCode>,
) -> (Option<DivisionCode>, RoutingRule) {
    let report = kind == AppealKind::Report;
    match *business {
        Business::Offline {
            place_of_business,
            registered,
        } => {
            if report && let Some(c) = conduct {
                return (Some(c), RoutingRule::ConductLocation);
            }
            match (place_of_business, registered) {
                (Some(p), _) => (
                    Some(p),
                    if report {
                        RoutingRule::ConductLocation
                    } else {
                        RoutingRule::PlaceOfBusiness
                    },
                ),
                (None, Some(r)) => (Some(r), RoutingRule::RegisteredAddress),
                (None, None) => (None, RoutingRule::PlaceOfBusiness),
            }
        }
        Business::EcommerceOperator { registered } => {
            (registered, RoutingRule::EcommerceOperatorRegistered)
        }
        Business::PlatformMerchant {
            published_address,
            reachable_there,
            place_of_business,
            platform_registered,
        } => {
            if report {
                // Art. 31: the merchant's actual place of business; the platform's bureau may
                // also handle one it received first, so fall back to it when unknown.
                match place_of_business.or(conduct) {
                    Some(p) => (Some(p), RoutingRule::ConductLocation),
                    None => (platform_registered, RoutingRule::PlatformRegistered),
                }
            } else {
                match published_address {
                    Some(a) if reachable_there => (Some(a), RoutingRule::MerchantPublishedAddress),
                    _ => (platform_registered, RoutingRule::PlatformRegistered),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> DivisionCode {
        DivisionCode::parse(s).unwrap()
    }

    /// A few real divisions: 广东 → 深圳 → 南山, 福田; 北京 → 朝阳 (no city level); 浙江 → 杭州
    /// → 余杭.
    fn exists(d: &DivisionCode) -> bool {
        [
            "440000", "440300", "440305", "440304", "110000", "110105", "330000", "330100",
            "330110",
        ]
        .contains(&d.as_str())
    }

    fn to_county(code: &str, rule: RoutingRule) -> Route {
        Route {
            division: Some(c(code)),
            intake_desk: false,
            rule,
            intended: None,
        }
    }

    #[test]
    fn an_offline_complaint_goes_to_the_place_of_business_else_the_registered_address() {
        let both = Business::Offline {
            place_of_business: Some(c("440305")),
            registered: Some(c("440304")),
        };
        assert_eq!(
            route(AppealKind::Complaint, &both, None, exists),
            to_county("440305", RoutingRule::PlaceOfBusiness)
        );
        let registered_only = Business::Offline {
            place_of_business: None,
            registered: Some(c("440304")),
        };
        assert_eq!(
            route(AppealKind::Complaint, &registered_only, None, exists),
            to_county("440304", RoutingRule::RegisteredAddress)
        );
    }

    #[test]
    fn an_ecommerce_operator_is_handled_where_it_is_registered() {
        let platform = Business::EcommerceOperator {
            registered: Some(c("330110")),
        };
        for kind in [AppealKind::Complaint, AppealKind::Report] {
            assert_eq!(
                route(kind, &platform, Some(c("440305")), exists),
                to_county("330110", RoutingRule::EcommerceOperatorRegistered)
            );
        }
    }

    #[test]
    fn a_platform_merchant_by_its_published_address_else_the_platform() {
        let merchant = |published: Option<&str>, reachable| Business::PlatformMerchant {
            published_address: published.map(c),
            reachable_there: reachable,
            place_of_business: Some(c("440304")),
            platform_registered: Some(c("330110")),
        };
        assert_eq!(
            route(
                AppealKind::Complaint,
                &merchant(Some("440305"), true),
                None,
                exists
            ),
            to_county("440305", RoutingRule::MerchantPublishedAddress)
        );
        assert_eq!(
            route(
                AppealKind::Complaint,
                &merchant(Some("440305"), false),
                None,
                exists
            ),
            to_county("330110", RoutingRule::PlatformRegistered)
        );
        assert_eq!(
            route(AppealKind::Complaint, &merchant(None, true), None, exists),
            to_county("330110", RoutingRule::PlatformRegistered)
        );
        // A report about a merchant: its actual place of business (Art. 31).
        assert_eq!(
            route(
                AppealKind::Report,
                &merchant(Some("440305"), true),
                None,
                exists
            ),
            to_county("440304", RoutingRule::ConductLocation)
        );
    }

    #[test]
    fn a_report_goes_where_the_conduct_happened() {
        let shop = Business::Offline {
            place_of_business: Some(c("440305")),
            registered: Some(c("440304")),
        };
        assert_eq!(
            route(AppealKind::Report, &shop, Some(c("110105")), exists),
            to_county("110105", RoutingRule::ConductLocation)
        );
        assert_eq!(
            route(AppealKind::Report, &shop, None, exists),
            to_county("440305", RoutingRule::ConductLocation)
        );
    }

    #[test]
    fn without_a_known_county_the_nearest_known_intake_desk_receives_it() {
        let at = |code: &str| Business::Offline {
            place_of_business: Some(c(code)),
            registered: None,
        };
        let desk = |code: Option<&str>| Route {
            division: code.map(c),
            intake_desk: true,
            rule: RoutingRule::IntakeDesk,
            intended: Some(RoutingRule::PlaceOfBusiness),
        };
        // Only the city is known.
        assert_eq!(
            route(AppealKind::Complaint, &at("440300"), None, exists),
            desk(Some("440300"))
        );
        // A county code the data does not know: its city's desk.
        assert_eq!(
            route(AppealKind::Complaint, &at("440399"), None, exists),
            desk(Some("440300"))
        );
        // A Beijing district that is not in the data: no city level, so the province.
        assert_eq!(
            route(AppealKind::Complaint, &at("110199"), None, exists),
            desk(Some("110000"))
        );
        // A province only.
        assert_eq!(
            route(AppealKind::Complaint, &at("330000"), None, exists),
            desk(Some("330000"))
        );
        // Nothing known at all: the national desk.
        assert_eq!(
            route(AppealKind::Complaint, &at("650101"), None, exists),
            desk(None)
        );
        let unknown = Business::Offline {
            place_of_business: None,
            registered: None,
        };
        assert_eq!(
            route(AppealKind::Consultation, &unknown, None, exists),
            desk(None)
        );
    }
}
