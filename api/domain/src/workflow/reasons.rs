//! The closed lists the regulation gives: grounds for not accepting a complaint (Art. 16),
//! reasons for terminating mediation (Art. 23) and the decisions on a check (立案 or not),
//! with their texts in Chinese and English. The API serves them as they are written here
//! (`GET /api/v1/workflow/reasons`), so the console's selects never keep their own copy.

use serde::{Deserialize, Serialize};

use super::CaseDecision;

/// 不予受理的情形 (Art. 16). A refusal names exactly one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NotAcceptedGround {
    /// (一) outside market regulation, or this bureau has no jurisdiction.
    OutsideRemit,
    /// (二) a court, arbitration body, agency or consumer association has taken or handled it.
    HandledElsewhere,
    /// (三) not for personal consumption, or no consumer dispute shown.
    NotConsumerDispute,
    /// (四) more than three years since the consumer knew of the harm.
    TimeBarred,
    /// (五) required materials missing (Art. 10, 11) or false.
    MaterialsMissing,
    /// (六) in another's name, or refusing identity checks.
    IdentityNotVerified,
    /// (七) other grounds in laws, regulations and rules.
    OtherLegalGround,
}

impl NotAcceptedGround {
    pub const ALL: [Self; 7] = [
        Self::OutsideRemit,
        Self::HandledElsewhere,
        Self::NotConsumerDispute,
        Self::TimeBarred,
        Self::MaterialsMissing,
        Self::IdentityNotVerified,
        Self::OtherLegalGround,
    ];

    /// The item of Art. 16.
    pub fn item(self) -> u8 {
        match self {
            Self::OutsideRemit => 1,
            Self::HandledElsewhere => 2,
            Self::NotConsumerDispute => 3,
            Self::TimeBarred => 4,
            Self::MaterialsMissing => 5,
            Self::IdentityNotVerified => 6,
            Self::OtherLegalGround => 7,
        }
    }

    pub fn zh(self) -> &'static str {
        match self {
            Self::OutsideRemit => {
                "投诉事项不属于市场监督管理部门职责，或者本行政机关不具有处理权限"
            }
            Self::HandledElsewhere => {
                "法院、仲裁机构、市场监督管理部门或者其他行政机关、消费者协会已经受理或者处理过同一消费者权益争议"
            }
            Self::NotConsumerDispute => {
                "不是为生活消费需要购买、使用商品或者接受服务，或者不能证明与被投诉人之间存在消费者权益争议"
            }
            Self::TimeBarred => "投诉人知道或者应当知道自己的权益受到被投诉人侵害之日起超过三年",
            Self::MaterialsMissing => "未提供规定的材料，或者提供虚假材料",
            Self::IdentityNotVerified => "冒用他人名义或者拒不配合核验真实身份信息",
            Self::OtherLegalGround => "法律、法规、规章规定不予受理的其他情形",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            Self::OutsideRemit => {
                "The matter is outside market regulation, or this bureau has no jurisdiction"
            }
            Self::HandledElsewhere => {
                "A court, arbitration body, administrative agency or consumer association has already taken or handled the same dispute"
            }
            Self::NotConsumerDispute => {
                "The purchase was not for personal consumption, or no consumer dispute with the business is shown"
            }
            Self::TimeBarred => {
                "More than three years have passed since the consumer knew or should have known of the harm"
            }
            Self::MaterialsMissing => "Required materials are missing or false",
            Self::IdentityNotVerified => {
                "The complaint was made in another person's name, or identity verification was refused"
            }
            Self::OtherLegalGround => "Another ground provided by laws, regulations or rules",
        }
    }
}

/// 终止调解的情形 (Art. 23).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TerminationReason {
    /// (一) withdrawn, or the parties settled between themselves.
    WithdrawnOrSelfSettled,
    /// (二) a party does not take part without good reason, or refuses mediation.
    PartyRefused,
    /// (三) a party says no agreement is possible.
    NoAgreementPossible,
    /// (四) no agreement on who pays for testing or appraisal.
    TestingCostDispute,
    /// (五) no agreement within 60 days of acceptance (45 working days under the 2019 rules).
    PeriodExpired,
    /// (六) a ground of Art. 16 or Art. 42 found after acceptance.
    GroundFoundAfterAcceptance,
    /// (七) death of a party or loss of its legal existence.
    PartyCeased,
    /// (八) other grounds in laws, regulations and rules.
    OtherLegalGround,
}

impl TerminationReason {
    pub const ALL: [Self; 8] = [
        Self::WithdrawnOrSelfSettled,
        Self::PartyRefused,
        Self::NoAgreementPossible,
        Self::TestingCostDispute,
        Self::PeriodExpired,
        Self::GroundFoundAfterAcceptance,
        Self::PartyCeased,
        Self::OtherLegalGround,
    ];

    pub fn item(self) -> u8 {
        match self {
            Self::WithdrawnOrSelfSettled => 1,
            Self::PartyRefused => 2,
            Self::NoAgreementPossible => 3,
            Self::TestingCostDispute => 4,
            Self::PeriodExpired => 5,
            Self::GroundFoundAfterAcceptance => 6,
            Self::PartyCeased => 7,
            Self::OtherLegalGround => 8,
        }
    }

    pub fn zh(self) -> &'static str {
        match self {
            Self::WithdrawnOrSelfSettled => "投诉人撤回投诉或者双方自行和解",
            Self::PartyRefused => "投诉人、被投诉人无正当理由不参加调解，或者明确拒绝调解",
            Self::NoAgreementPossible => "经组织调解，投诉人或者被投诉人明确表示无法达成调解协议",
            Self::TestingCostDispute => "投诉人与被投诉人对鉴定、检测费用承担无法协商一致",
            Self::PeriodExpired => "自投诉受理之日起规定期限内投诉人和被投诉人未能达成调解协议",
            Self::GroundFoundAfterAcceptance => "受理投诉后，发现存在不予受理或者涉嫌违法骗赔情形",
            Self::PartyCeased => "投诉人、被投诉人死亡或者主体资格灭失",
            Self::OtherLegalGround => "法律、法规、规章规定的应当终止调解的其他情形",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            Self::WithdrawnOrSelfSettled => {
                "The complaint was withdrawn, or the parties settled between themselves"
            }
            Self::PartyRefused => {
                "A party did not take part without good reason, or refused mediation"
            }
            Self::NoAgreementPossible => "A party stated that no agreement is possible",
            Self::TestingCostDispute => {
                "The parties could not agree who pays for testing or appraisal"
            }
            Self::PeriodExpired => "No agreement within the mediation period after acceptance",
            Self::GroundFoundAfterAcceptance => {
                "A ground for not accepting, or suspected fraud, was found after acceptance"
            }
            Self::PartyCeased => "A party died or ceased to exist",
            Self::OtherLegalGround => "Another ground provided by laws, regulations or rules",
        }
    }
}

impl CaseDecision {
    pub const ALL: [Self; 2] = [Self::CaseOpened, Self::NoCase];

    pub fn zh(self) -> &'static str {
        match self {
            Self::CaseOpened => "立案",
            Self::NoCase => "不予立案",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            Self::CaseOpened => "A case is opened",
            Self::NoCase => "No case is opened",
        }
    }
}

/// The other routes to settle a consumer dispute (Consumer Rights Protection Law Art. 39),
/// told with every refusal (Art. 15) and termination (Art. 25).
pub const OTHER_ROUTES_ZH: &str = "您还可以通过以下途径解决消费者权益争议：与经营者协商和解；请求消费者协会或者依法成立的其他调解组织调解；根据与经营者达成的仲裁协议提请仲裁机构仲裁；向人民法院提起诉讼。";

pub const OTHER_ROUTES_EN: &str = "You may also settle the dispute by negotiating with the business; by asking a consumer association or another lawfully established mediation body to mediate; by arbitration under an arbitration agreement with the business; or by suing in a people's court.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grounds_are_the_seven_items_of_article_16_in_order_each_with_both_texts() {
        let items: Vec<u8> = NotAcceptedGround::ALL.iter().map(|g| g.item()).collect();
        assert_eq!(items, (1..=7).collect::<Vec<u8>>());
        for g in NotAcceptedGround::ALL {
            assert!(!g.zh().is_empty() && !g.en().is_empty(), "{g:?}");
        }
    }

    #[test]
    fn termination_reasons_are_the_eight_items_of_article_23_in_order_each_with_both_texts() {
        let items: Vec<u8> = TerminationReason::ALL.iter().map(|r| r.item()).collect();
        assert_eq!(items, (1..=8).collect::<Vec<u8>>());
        for r in TerminationReason::ALL {
            assert!(!r.zh().is_empty() && !r.en().is_empty(), "{r:?}");
        }
    }

    #[test]
    fn case_decisions_have_distinct_texts() {
        let [open, no] = CaseDecision::ALL;
        assert_eq!((open.zh(), no.zh()), ("立案", "不予立案"));
        assert_ne!(open.en(), no.en());
    }
}
