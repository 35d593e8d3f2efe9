//! In-app notifications 站内消息: which kinds exist, who gets one for which order event, their
//! title and body in Chinese and English, and the rule that decides, from a recipient's channel
//! preferences and contact details, which of them also go out by SMS or email (through the
//! outbox, as the [`Template`] named here).
//!
//! A stored notification keeps only its kind and fields (`{number}`, `{due_on}`), so it is
//! rendered in the reader's language when read and the wording can be fixed later. Unknown
//! kinds (a row written by a newer version) read as [`Kind::OrderProgress`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Channel, Locale, Template};

/// Every kind of in-app notification; the snake_case id is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    // To the consumer, one per public step of their order.
    /// The appeal was registered (the consumer's receipt; by SMS/email only, since the consumer
    /// filed it themselves).
    OrderReceived,
    OrderAccepted,
    OrderNotAccepted,
    /// 移送, or an upper level took it over: another unit handles it now.
    OrderTransferred,
    /// The complaint went to the business (an ODR enterprise) to settle first.
    SentToEnterprise,
    /// Back from the enterprise to the bureau's ordinary procedure.
    ReturnedFromEnterprise,
    /// The enterprise proposed a settlement: the consumer should accept or reject it.
    SettlementProposed,
    /// The consumer accepted the enterprise's settlement (to the enterprise; to the consumer
    /// only when someone else recorded it).
    EnterpriseSettled,
    /// A party's consent to mediation was recorded.
    ConsentRecorded,
    /// Mediation was delegated to a consumer association.
    Delegated,
    TestingPaused,
    TestingResumed,
    /// A mediation agreement was recorded.
    Settled,
    /// Mediation was terminated (Art. 23).
    Terminated,
    /// A report's check ended.
    ReportDecided,
    /// New facts were merged into a report.
    FactsMerged,
    /// A consultation or suggestion was answered.
    Answered,
    Withdrawn,
    /// Concluded and archived: the consumer may rate the handling.
    Archived,
    Rated,
    /// Any other public step (a step this version does not name).
    OrderProgress,
    // To enterprise users.
    /// A complaint about the enterprise arrived for self-settlement (dispatched by a bureau or
    /// sent by the consumer first): 10 working days to settle.
    EnterpriseOrderAssigned,
    /// The consumer rejected the enterprise's proposal; the order went back to the bureau.
    SettlementRejected,
    // To staff.
    /// An order held by the unit passed its due date and was escalated 督办.
    OrderOverdue,
    // To any participant of an order's dialogue (wired by the dialogue).
    NewMessage,
}

impl Kind {
    pub const ALL: [Self; 25] = [
        Self::OrderReceived,
        Self::OrderAccepted,
        Self::OrderNotAccepted,
        Self::OrderTransferred,
        Self::SentToEnterprise,
        Self::ReturnedFromEnterprise,
        Self::SettlementProposed,
        Self::EnterpriseSettled,
        Self::ConsentRecorded,
        Self::Delegated,
        Self::TestingPaused,
        Self::TestingResumed,
        Self::Settled,
        Self::Terminated,
        Self::ReportDecided,
        Self::FactsMerged,
        Self::Answered,
        Self::Withdrawn,
        Self::Archived,
        Self::Rated,
        Self::OrderProgress,
        Self::EnterpriseOrderAssigned,
        Self::SettlementRejected,
        Self::OrderOverdue,
        Self::NewMessage,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::OrderReceived => "order_received",
            Self::OrderAccepted => "order_accepted",
            Self::OrderNotAccepted => "order_not_accepted",
            Self::OrderTransferred => "order_transferred",
            Self::SentToEnterprise => "sent_to_enterprise",
            Self::ReturnedFromEnterprise => "returned_from_enterprise",
            Self::SettlementProposed => "settlement_proposed",
            Self::EnterpriseSettled => "enterprise_settled",
            Self::ConsentRecorded => "consent_recorded",
            Self::Delegated => "delegated",
            Self::TestingPaused => "testing_paused",
            Self::TestingResumed => "testing_resumed",
            Self::Settled => "settled",
            Self::Terminated => "terminated",
            Self::ReportDecided => "report_decided",
            Self::FactsMerged => "facts_merged",
            Self::Answered => "answered",
            Self::Withdrawn => "withdrawn",
            Self::Archived => "archived",
            Self::Rated => "rated",
            Self::OrderProgress => "order_progress",
            Self::EnterpriseOrderAssigned => "enterprise_order_assigned",
            Self::SettlementRejected => "settlement_rejected",
            Self::OrderOverdue => "order_overdue",
            Self::NewMessage => "new_message",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The fields its text needs (all others are ignored).
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            Self::OrderOverdue => &["number", "due_on"],
            _ => &["number"],
        }
    }

    /// The outbox template that carries this kind by SMS or email, per channel. A consumer's
    /// steps share one registered "news on your appeal" SMS (gateways in China only send
    /// pre-registered templates); a dialogue message is followed in the app, never by SMS or
    /// email (a conversation would flood the phone).
    pub fn external(self) -> &'static [(Channel, Template)] {
        const PROGRESS: &[(Channel, Template)] = &[
            (Channel::Sms, Template::OrderProgress),
            (Channel::Email, Template::OrderProgress),
        ];
        match self {
            Self::OrderOverdue => &[(Channel::Email, Template::OrderOverdue)],
            Self::EnterpriseOrderAssigned | Self::SettlementRejected => {
                &[(Channel::Email, Template::OrderNeedsAction)]
            }
            Self::NewMessage => &[],
            _ => PROGRESS,
        }
    }

    /// The consumer's notification for a public order event (`command` is the event's stored
    /// name, e.g. `accept`; `received` for intake). Names this version does not know fall back
    /// to [`Kind::OrderProgress`], so a new workflow step still notifies.
    pub fn for_consumer(command: &str) -> Self {
        match command {
            "received" => Self::OrderReceived,
            "accept" => Self::OrderAccepted,
            "not_accept" => Self::OrderNotAccepted,
            "transfer" | "take_over" => Self::OrderTransferred,
            "dispatch_to_enterprise" => Self::SentToEnterprise,
            "return_from_enterprise" | "reject_settlement" => Self::ReturnedFromEnterprise,
            "propose_settlement" => Self::SettlementProposed,
            "accept_enterprise_settlement" => Self::EnterpriseSettled,
            "record_consent" => Self::ConsentRecorded,
            "delegate" => Self::Delegated,
            "pause_for_testing" => Self::TestingPaused,
            "resume_after_testing" => Self::TestingResumed,
            "settle" => Self::Settled,
            "terminate" => Self::Terminated,
            "decide_report" => Self::ReportDecided,
            "merge_new_facts" => Self::FactsMerged,
            "answer" => Self::Answered,
            "withdraw" => Self::Withdrawn,
            "archive" => Self::Archived,
            "rate" => Self::Rated,
            _ => Self::OrderProgress,
        }
    }

    /// The enterprise users' notification for an order event, if any: the order arrived at
    /// the enterprise (`to_enterprise`: its state after the event is `with_enterprise` and was
    /// not before), the consumer rejected or accepted the proposal, or withdrew.
    pub fn for_enterprise(command: &str, to_enterprise: bool) -> Option<Self> {
        if to_enterprise {
            return Some(Self::EnterpriseOrderAssigned);
        }
        match command {
            "reject_settlement" => Some(Self::SettlementRejected),
            "accept_enterprise_settlement" => Some(Self::EnterpriseSettled),
            "withdraw" => Some(Self::Withdrawn),
            _ => None,
        }
    }
}

/// The channels a user chose besides the app (their profile); both on until they change it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preferences {
    pub email: bool,
    pub sms: bool,
}

impl Default for Preferences {
    fn default() -> Self {
        Self {
            email: true,
            sms: true,
        }
    }
}

/// Where a recipient can be reached outside the app.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reachable {
    pub email: bool,
    pub phone: bool,
}

/// What to do for one recipient of one notification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// Store it in their notification centre.
    pub in_app: bool,
    /// Queue these messages in the outbox.
    pub outbox: Vec<(Channel, Template)>,
}

/// The one rule: who is told of what, where. A recipient is never told in the app of their
/// own action (`self_caused`: they did it, the page already shows it), and gets SMS or email
/// for it only when it is the receipt of their appeal. Otherwise: always in the app; by SMS
/// and email as the kind allows ([`Kind::external`]), the recipient chose
/// ([`Preferences`]), and they have a phone number or email address ([`Reachable`]).
pub fn plan(kind: Kind, preferences: Preferences, reachable: Reachable, self_caused: bool) -> Plan {
    let external_ok = !self_caused || kind == Kind::OrderReceived;
    let outbox = kind
        .external()
        .iter()
        .copied()
        .filter(|_| external_ok)
        .filter(|(channel, _)| match channel {
            Channel::Sms => preferences.sms && reachable.phone,
            Channel::Email => preferences.email && reachable.email,
        })
        .collect();
    Plan {
        in_app: !self_caused && kind != Kind::OrderReceived,
        outbox,
    }
}

/// A notification ready to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub title: String,
    pub body: String,
}

/// The title and body of `kind` in `locale`, with its fields filled from `params`; a missing
/// field reads as a dash rather than leaving a `{hole}` (stored rows are never refused).
pub fn render(kind: Kind, locale: Locale, params: &BTreeMap<String, String>) -> Text {
    let (title, body) = text(kind, locale);
    let fill = |s: &str| {
        kind.fields().iter().fold(s.to_owned(), |acc, field| {
            let value = params
                .get(*field)
                .map(String::as_str)
                .filter(|v| !v.trim().is_empty())
                .unwrap_or("—");
            acc.replace(&format!("{{{field}}}"), value)
        })
    };
    Text {
        title: fill(title),
        body: fill(body),
    }
}

/// (title, body) before substitution.
fn text(kind: Kind, locale: Locale) -> (&'static str, &'static str) {
    use Locale::{En, ZhCn};
    match (kind, locale) {
        (Kind::OrderReceived, ZhCn) => (
            "诉求已登记",
            "您的诉求（编号 {number}）已登记，我们将按规定时限处理。",
        ),
        (Kind::OrderReceived, En) => (
            "Appeal registered",
            "Your appeal {number} is registered and will be handled within the legal periods.",
        ),
        (Kind::OrderAccepted, ZhCn) => (
            "投诉已受理",
            "您的诉求（编号 {number}）已受理，承办单位将组织调解或处理。",
        ),
        (Kind::OrderAccepted, En) => (
            "Complaint accepted",
            "Your appeal {number} was accepted; the handling unit will now mediate or handle it.",
        ),
        (Kind::OrderNotAccepted, ZhCn) => (
            "诉求不予受理",
            "您的诉求（编号 {number}）不予受理。请查看理由及其他可选途径。",
        ),
        (Kind::OrderNotAccepted, En) => (
            "Appeal not accepted",
            "Your appeal {number} was not accepted. See the reason and the other routes open to you.",
        ),
        (Kind::OrderTransferred, ZhCn) => (
            "诉求已转办",
            "您的诉求（编号 {number}）已移送有管辖权的单位处理。",
        ),
        (Kind::OrderTransferred, En) => (
            "Appeal transferred",
            "Your appeal {number} was passed to the unit with jurisdiction.",
        ),
        (Kind::SentToEnterprise, ZhCn) => (
            "已转企业协商和解",
            "您的投诉（编号 {number}）已交由被投诉企业在 10 个工作日内与您协商和解。",
        ),
        (Kind::SentToEnterprise, En) => (
            "Sent to the business to settle",
            "Your complaint {number} went to the business, which has 10 working days to settle it with you.",
        ),
        (Kind::ReturnedFromEnterprise, ZhCn) => (
            "已转回市场监管部门处理",
            "您的投诉（编号 {number}）未经企业和解，已转回市场监管部门按一般程序处理。",
        ),
        (Kind::ReturnedFromEnterprise, En) => (
            "Back with the bureau",
            "Your complaint {number} was not settled by the business and is back with the bureau's ordinary procedure.",
        ),
        (Kind::SettlementProposed, ZhCn) => (
            "企业提出和解方案",
            "被投诉企业就诉求（编号 {number}）提出了和解方案，请查看并选择接受或拒绝。",
        ),
        (Kind::SettlementProposed, En) => (
            "Settlement proposed",
            "The business proposed a settlement of {number}: see it and accept or reject it.",
        ),
        (Kind::EnterpriseSettled, ZhCn) => (
            "和解方案已接受",
            "诉求（编号 {number}）的和解方案已被接受，工单以企业和解办结。",
        ),
        (Kind::EnterpriseSettled, En) => (
            "Settlement accepted",
            "The settlement of {number} was accepted; the order is closed as settled by the business.",
        ),
        (Kind::ConsentRecorded, ZhCn) => {
            ("调解意愿已记录", "诉求（编号 {number}）的调解意愿已记录。")
        }
        (Kind::ConsentRecorded, En) => (
            "Consent recorded",
            "A party's consent to mediate {number} was recorded.",
        ),
        (Kind::Delegated, ZhCn) => (
            "已委托消费者协会调解",
            "您的投诉（编号 {number}）已委托消费者协会调解。",
        ),
        (Kind::Delegated, En) => (
            "Delegated to a consumer association",
            "Mediation of your complaint {number} was delegated to a consumer association.",
        ),
        (Kind::TestingPaused, ZhCn) => (
            "检测鉴定中",
            "诉求（编号 {number}）进入检测、鉴定，期间不计入调解期限。",
        ),
        (Kind::TestingPaused, En) => (
            "Testing under way",
            "{number} is being tested or appraised; the time does not count towards the mediation period.",
        ),
        (Kind::TestingResumed, ZhCn) => (
            "检测鉴定结束",
            "诉求（编号 {number}）的检测、鉴定已结束，调解继续进行。",
        ),
        (Kind::TestingResumed, En) => (
            "Testing finished",
            "Testing of {number} is over; mediation continues.",
        ),
        (Kind::Settled, ZhCn) => ("调解达成协议", "您的投诉（编号 {number}）经调解达成协议。"),
        (Kind::Settled, En) => (
            "Agreement reached",
            "Mediation of your complaint {number} ended in an agreement.",
        ),
        (Kind::Terminated, ZhCn) => (
            "调解已终止",
            "您的投诉（编号 {number}）调解已终止，请查看终止理由。",
        ),
        (Kind::Terminated, En) => (
            "Mediation terminated",
            "Mediation of your complaint {number} was terminated: see the reason.",
        ),
        (Kind::ReportDecided, ZhCn) => (
            "举报已处理",
            "您的举报（编号 {number}）核查已完成，请查看处理结果。",
        ),
        (Kind::ReportDecided, En) => (
            "Report decided",
            "The check of your report {number} is complete: see the outcome.",
        ),
        (Kind::FactsMerged, ZhCn) => (
            "新情况已并入举报",
            "您补充的新情况已并入举报（编号 {number}），核查期限重新计算。",
        ),
        (Kind::FactsMerged, En) => (
            "New facts merged",
            "The new facts were merged into report {number}; its check period starts again.",
        ),
        (Kind::Answered, ZhCn) => ("诉求已答复", "您的诉求（编号 {number}）已答复，请查看。"),
        (Kind::Answered, En) => (
            "Answered",
            "Your appeal {number} was answered: see the answer.",
        ),
        (Kind::Withdrawn, ZhCn) => ("诉求已撤回", "诉求（编号 {number}）已由消费者撤回。"),
        (Kind::Withdrawn, En) => (
            "Appeal withdrawn",
            "The appeal {number} was withdrawn by the consumer.",
        ),
        (Kind::Archived, ZhCn) => (
            "诉求已办结",
            "您的诉求（编号 {number}）已办结归档，欢迎对办理情况进行评价。",
        ),
        (Kind::Archived, En) => (
            "Concluded",
            "Your appeal {number} is concluded and archived. Please rate the handling.",
        ),
        (Kind::Rated, ZhCn) => ("已收到评价", "诉求（编号 {number}）的满意度评价已记录。"),
        (Kind::Rated, En) => ("Rating received", "The rating of {number} was recorded."),
        (Kind::OrderProgress, ZhCn) => (
            "诉求有新进展",
            "您的诉求（编号 {number}）有新进展，请查看。",
        ),
        (Kind::OrderProgress, En) => (
            "News on your appeal",
            "There is news on your appeal {number}.",
        ),
        (Kind::EnterpriseOrderAssigned, ZhCn) => (
            "新的投诉待和解",
            "投诉（编号 {number}）已转至贵企业，请在 10 个工作日内与消费者协商并提出和解方案。",
        ),
        (Kind::EnterpriseOrderAssigned, En) => (
            "New complaint to settle",
            "Complaint {number} came to your enterprise: contact the consumer and propose a settlement within 10 working days.",
        ),
        (Kind::SettlementRejected, ZhCn) => (
            "消费者拒绝和解方案",
            "消费者拒绝了投诉（编号 {number}）的和解方案，工单已转回市场监管部门。",
        ),
        (Kind::SettlementRejected, En) => (
            "Settlement rejected",
            "The consumer rejected the settlement of {number}; the order went back to the bureau.",
        ),
        (Kind::OrderOverdue, ZhCn) => (
            "工单已超期督办",
            "工单（编号 {number}）办理期限已于 {due_on} 届满，已列入上级督办清单，请尽快处理。",
        ),
        (Kind::OrderOverdue, En) => (
            "Order overdue",
            "Order {number} was due on {due_on} and is now on the upper level's supervision list: handle it soon.",
        ),
        (Kind::NewMessage, ZhCn) => ("新消息", "诉求（编号 {number}）的对话有新消息。"),
        (Kind::NewMessage, En) => (
            "New message",
            "There is a new message in the dialogue of {number}.",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn every_kind_renders_in_both_languages_with_its_fields_and_no_holes() {
        for kind in Kind::ALL {
            let fields: BTreeMap<String, String> = kind
                .fields()
                .iter()
                .map(|f| (f.to_string(), format!("<{f}>")))
                .collect();
            for locale in Locale::ALL {
                let t = render(kind, locale, &fields);
                let all = format!("{} {}", t.title, t.body);
                assert!(!all.contains('{'), "{kind:?} {locale:?}: {all}");
                assert!(!t.title.is_empty() && !t.body.is_empty());
                for f in kind.fields() {
                    assert!(t.body.contains(&format!("<{f}>")), "{kind:?} lacks {f}");
                }
            }
            assert_eq!(Kind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(Kind::parse("no_such_kind"), None);
    }

    #[test]
    fn chinese_and_english_texts_differ_and_a_missing_field_reads_as_a_dash() {
        let zh = render(
            Kind::OrderAccepted,
            Locale::ZhCn,
            &params(&[("number", "WQ1")]),
        );
        let en = render(
            Kind::OrderAccepted,
            Locale::En,
            &params(&[("number", "WQ1")]),
        );
        assert_eq!(zh.title, "投诉已受理");
        assert!(zh.body.contains("WQ1") && en.body.contains("WQ1"));
        assert_ne!(zh.body, en.body);
        let holes = render(
            Kind::OrderOverdue,
            Locale::ZhCn,
            &params(&[("number", " ")]),
        );
        assert!(holes.body.contains("—") && !holes.body.contains('{'));
    }

    #[test]
    fn every_public_workflow_step_has_a_named_consumer_kind() {
        use crate::workflow::CommandKind;
        for command in CommandKind::ALL.into_iter().filter(|c| c.is_public()) {
            let name = serde_json::to_value(command)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
            assert_ne!(
                Kind::for_consumer(&name),
                Kind::OrderProgress,
                "{name} falls back to the generic text"
            );
        }
        assert_eq!(Kind::for_consumer("received"), Kind::OrderReceived);
        assert_eq!(
            Kind::for_consumer("propose_settlement"),
            Kind::SettlementProposed
        );
        assert_eq!(Kind::for_consumer("something_new"), Kind::OrderProgress);
    }

    #[test]
    fn the_enterprise_hears_of_arrivals_and_of_the_consumers_answer_only() {
        assert_eq!(
            Kind::for_enterprise("dispatch_to_enterprise", true),
            Some(Kind::EnterpriseOrderAssigned)
        );
        assert_eq!(
            Kind::for_enterprise("received", true),
            Some(Kind::EnterpriseOrderAssigned)
        );
        assert_eq!(
            Kind::for_enterprise("reject_settlement", false),
            Some(Kind::SettlementRejected)
        );
        assert_eq!(
            Kind::for_enterprise("accept_enterprise_settlement", false),
            Some(Kind::EnterpriseSettled)
        );
        for quiet in ["accept", "assign_handler", "propose_settlement", "archive"] {
            assert_eq!(Kind::for_enterprise(quiet, false), None, "{quiet}");
        }
    }

    const ALL_PREFS: [Preferences; 4] = [
        Preferences {
            email: true,
            sms: true,
        },
        Preferences {
            email: true,
            sms: false,
        },
        Preferences {
            email: false,
            sms: true,
        },
        Preferences {
            email: false,
            sms: false,
        },
    ];
    const ALL_REACH: [Reachable; 4] = [
        Reachable {
            email: true,
            phone: true,
        },
        Reachable {
            email: true,
            phone: false,
        },
        Reachable {
            email: false,
            phone: true,
        },
        Reachable {
            email: false,
            phone: false,
        },
    ];

    /// Every kind × preference × reachability × self-caused: the table of the rule.
    #[test]
    fn channels_follow_the_kind_the_preferences_and_the_contacts_exhaustively() {
        for kind in Kind::ALL {
            for prefs in ALL_PREFS {
                for reach in ALL_REACH {
                    for self_caused in [false, true] {
                        let p = plan(kind, prefs, reach, self_caused);
                        assert_eq!(
                            p.in_app,
                            !self_caused && kind != Kind::OrderReceived,
                            "{kind:?} in app"
                        );
                        for (channel, template) in &p.outbox {
                            assert!(template.allows(*channel), "{kind:?} {channel:?}");
                            assert!(kind.external().contains(&(*channel, *template)));
                            match channel {
                                Channel::Sms => assert!(prefs.sms && reach.phone),
                                Channel::Email => assert!(prefs.email && reach.email),
                            }
                        }
                        if self_caused && kind != Kind::OrderReceived {
                            assert!(p.outbox.is_empty(), "{kind:?}: own action, no SMS/email");
                        }
                        let wanted = kind
                            .external()
                            .iter()
                            .filter(|(c, _)| match c {
                                Channel::Sms => prefs.sms && reach.phone,
                                Channel::Email => prefs.email && reach.email,
                            })
                            .count();
                        if !self_caused || kind == Kind::OrderReceived {
                            assert_eq!(p.outbox.len(), wanted, "{kind:?} {prefs:?} {reach:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn a_consumer_with_defaults_gets_progress_by_sms_and_email_and_overdue_goes_by_email_only() {
        let reach = Reachable {
            email: true,
            phone: true,
        };
        let p = plan(Kind::OrderAccepted, Preferences::default(), reach, false);
        assert_eq!(
            p.outbox,
            vec![
                (Channel::Sms, Template::OrderProgress),
                (Channel::Email, Template::OrderProgress)
            ]
        );
        let p = plan(Kind::OrderOverdue, Preferences::default(), reach, false);
        assert_eq!(p.outbox, vec![(Channel::Email, Template::OrderOverdue)]);
        let p = plan(Kind::NewMessage, Preferences::default(), reach, false);
        assert!(p.in_app && p.outbox.is_empty());
        let receipt = plan(Kind::OrderReceived, Preferences::default(), reach, true);
        assert!(!receipt.in_app && receipt.outbox.len() == 2);
        let off = plan(
            Kind::OrderAccepted,
            Preferences {
                email: false,
                sms: false,
            },
            reach,
            false,
        );
        assert!(off.in_app && off.outbox.is_empty(), "the app is always on");
    }
}
