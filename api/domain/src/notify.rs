//! Notifications: which messages exist, on which channels, and their text in Chinese and
//! English. Rendering is plain string substitution from a fixed set of templates; the outbox
//! stores only the template id and its fields, so wording can be fixed without touching queued
//! rows.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub mod in_app;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Sms,
    Email,
}

impl Channel {
    pub const ALL: [Self; 2] = [Self::Sms, Self::Email];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Sms => "sms",
            Self::Email => "email",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// The language a recipient reads; Chinese unless they chose English.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Locale {
    #[default]
    #[serde(rename = "zh-CN")]
    ZhCn,
    #[serde(rename = "en")]
    En,
}

impl Locale {
    pub const ALL: [Self; 2] = [Self::ZhCn, Self::En];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::ZhCn => "zh-CN",
            Self::En => "en",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

/// Every message the platform sends. The snake_case id is stored in the outbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Template {
    /// One-time code to verify a phone number or address when registering.
    OtpRegister,
    /// One-time code to sign in.
    OtpSignIn,
    /// One-time code to reset a password.
    OtpResetPassword,
    /// An administrator invited someone to join an organisation.
    MemberInvitation,
    /// The account's password was changed (a warning in case it was not the owner).
    PasswordChanged,
    /// An application to join was received; carries its tracking code.
    ApplicationReceived,
    /// An application was approved; the first administrator's invitation follows.
    ApplicationApproved,
    /// An application was rejected, with the bureau's reason.
    ApplicationRejected,
    /// A public step on a consumer's work order (received, accepted, settled, ...).
    OrderProgress,
    /// To the handler (or the holding unit's handlers): an order passed its due date and was
    /// escalated to the upper level's supervision list.
    OrderOverdue,
    /// To an organisation's users (an enterprise): an order needs their action (it arrived for
    /// self-settlement, or the consumer answered their proposal).
    OrderNeedsAction,
}

impl Template {
    pub const ALL: [Self; 11] = [
        Self::OtpRegister,
        Self::OtpSignIn,
        Self::OtpResetPassword,
        Self::MemberInvitation,
        Self::PasswordChanged,
        Self::ApplicationReceived,
        Self::ApplicationApproved,
        Self::ApplicationRejected,
        Self::OrderProgress,
        Self::OrderOverdue,
        Self::OrderNeedsAction,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::OtpRegister => "otp_register",
            Self::OtpSignIn => "otp_sign_in",
            Self::OtpResetPassword => "otp_reset_password",
            Self::MemberInvitation => "member_invitation",
            Self::PasswordChanged => "password_changed",
            Self::ApplicationReceived => "application_received",
            Self::ApplicationApproved => "application_approved",
            Self::ApplicationRejected => "application_rejected",
            Self::OrderProgress => "order_progress",
            Self::OrderOverdue => "order_overdue",
            Self::OrderNeedsAction => "order_needs_action",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// The fields the payload must carry.
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            Self::OtpRegister | Self::OtpSignIn | Self::OtpResetPassword => &["code", "minutes"],
            Self::MemberInvitation => &["org_name", "link", "days"],
            Self::PasswordChanged => &[],
            Self::ApplicationReceived => &["org_name", "bureau", "tracking_code"],
            Self::ApplicationApproved => &["org_name", "bureau", "username"],
            Self::ApplicationRejected => &["org_name", "bureau", "reason"],
            Self::OrderProgress => &["number"],
            Self::OrderOverdue => &["number", "due_on"],
            Self::OrderNeedsAction => &["number"],
        }
    }

    /// Whether the template can go out on `channel` (an invitation carries a link and needs
    /// the room of an email).
    pub fn allows(self, channel: Channel) -> bool {
        !matches!(
            (self, channel),
            (
                Self::MemberInvitation
                    | Self::ApplicationReceived
                    | Self::ApplicationApproved
                    | Self::ApplicationRejected
                    | Self::OrderOverdue
                    | Self::OrderNeedsAction,
                Channel::Sms
            )
        )
    }
}

/// A message ready to send: the subject is for email only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub subject: Option<String>,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RenderError {
    #[error("template {template} is not sent by {channel}")]
    WrongChannel {
        template: &'static str,
        channel: &'static str,
    },
    #[error("template {template} needs the field {field}")]
    MissingField {
        template: &'static str,
        field: &'static str,
    },
}

/// SMS in China must start with the sender's signature in 【】.
const SMS_SIGNATURE_ZH: &str = "【全国维权平台】";
const SMS_SIGNATURE_EN: &str = "[Weiquan] ";

/// The text of `template` for `channel` in `locale`, with `{field}`s filled from `payload`.
pub fn render(
    template: Template,
    channel: Channel,
    locale: Locale,
    payload: &BTreeMap<String, String>,
) -> Result<Rendered, RenderError> {
    if !template.allows(channel) {
        return Err(RenderError::WrongChannel {
            template: template.as_str(),
            channel: channel.as_str(),
        });
    }
    for &field in template.fields() {
        if payload.get(field).is_none_or(|v| v.trim().is_empty()) {
            return Err(RenderError::MissingField {
                template: template.as_str(),
                field,
            });
        }
    }
    let (subject, body) = text(template, locale);
    let fill = |s: &str| {
        template.fields().iter().fold(s.to_owned(), |acc, field| {
            let value = payload.get(*field).map(String::as_str).unwrap_or_default();
            acc.replace(&format!("{{{field}}}"), value)
        })
    };
    let body = fill(body);
    Ok(match channel {
        Channel::Sms => Rendered {
            subject: None,
            body: match locale {
                Locale::ZhCn => format!("{SMS_SIGNATURE_ZH}{body}"),
                Locale::En => format!("{SMS_SIGNATURE_EN}{body}"),
            },
        },
        Channel::Email => Rendered {
            subject: Some(fill(subject)),
            body,
        },
    })
}

/// (subject, body) before substitution.
fn text(template: Template, locale: Locale) -> (&'static str, &'static str) {
    use Locale::{En, ZhCn};
    match (template, locale) {
        (Template::OtpRegister, ZhCn) => (
            "注册验证码",
            "您的注册验证码为 {code}，{minutes} 分钟内有效。请勿告诉他人；如非本人操作，请忽略。",
        ),
        (Template::OtpRegister, En) => (
            "Your registration code",
            "Your registration code is {code}, valid for {minutes} minutes. Do not share it; if you did not ask for it, ignore this message.",
        ),
        (Template::OtpSignIn, ZhCn) => (
            "登录验证码",
            "您的登录验证码为 {code}，{minutes} 分钟内有效。请勿告诉他人；如非本人操作，请及时修改密码。",
        ),
        (Template::OtpSignIn, En) => (
            "Your sign-in code",
            "Your sign-in code is {code}, valid for {minutes} minutes. Do not share it; if you did not ask for it, change your password.",
        ),
        (Template::OtpResetPassword, ZhCn) => (
            "重置密码验证码",
            "您正在重置密码，验证码为 {code}，{minutes} 分钟内有效。如非本人操作，请忽略。",
        ),
        (Template::OtpResetPassword, En) => (
            "Your password reset code",
            "Your password reset code is {code}, valid for {minutes} minutes. If you did not ask for it, ignore this message.",
        ),
        (Template::MemberInvitation, ZhCn) => (
            "邀请您加入{org_name}",
            "{org_name}邀请您加入全国维权平台。请在 {days} 天内打开以下链接设置账号：\n{link}\n如非本人，请忽略此邮件。",
        ),
        (Template::MemberInvitation, En) => (
            "Invitation to join {org_name}",
            "{org_name} invited you to join the Weiquan platform. Open this link within {days} days to set up your account:\n{link}\nIf this was not meant for you, ignore this email.",
        ),
        (Template::PasswordChanged, ZhCn) => (
            "密码已修改",
            "您的账号密码刚刚被修改。如非本人操作，请立即联系所在单位管理员。",
        ),
        (Template::PasswordChanged, En) => (
            "Your password was changed",
            "The password of your account was just changed. If this was not you, contact your organisation's administrator at once.",
        ),
        (Template::ApplicationReceived, ZhCn) => (
            "已收到{org_name}的入驻申请",
            "我们已收到{org_name}的入驻申请，将由{bureau}审核。查询编号：{tracking_code}\n请妥善保管查询编号，凭它可随时查询审核进度；平台不会再次提供。",
        ),
        (Template::ApplicationReceived, En) => (
            "Application of {org_name} received",
            "We received the application of {org_name} to join the Weiquan platform; {bureau} will review it. Tracking code: {tracking_code}\nKeep the tracking code: it is the only way to follow the review, and it cannot be sent again.",
        ),
        (Template::ApplicationApproved, ZhCn) => (
            "{org_name}的入驻申请已通过",
            "{bureau}已通过{org_name}的入驻申请。首位管理员账号 {username} 的邀请邮件将另行发送，请按邮件中的链接设置密码。",
        ),
        (Template::ApplicationApproved, En) => (
            "The application of {org_name} was approved",
            "{bureau} approved the application of {org_name}. An invitation for the first administrator, {username}, follows in a separate email: open its link to set a password.",
        ),
        (Template::ApplicationRejected, ZhCn) => (
            "{org_name}的入驻申请未通过",
            "{bureau}未通过{org_name}的入驻申请，理由：{reason}\n如有疑问，可修改后重新提交申请。",
        ),
        (Template::ApplicationRejected, En) => (
            "The application of {org_name} was not approved",
            "{bureau} did not approve the application of {org_name}. Reason: {reason}\nYou may apply again with the points addressed.",
        ),
        (Template::OrderProgress, ZhCn) => (
            "您的诉求 {number} 有新进展",
            "您的诉求（编号 {number}）有新进展，请登录全国维权平台查看。",
        ),
        (Template::OrderProgress, En) => (
            "News on your appeal {number}",
            "There is news on your appeal {number}: sign in to the Weiquan platform to see it.",
        ),
        (Template::OrderOverdue, ZhCn) => (
            "工单 {number} 已超期并提请上级督办",
            "您单位承办的工单（编号 {number}）办理期限已于 {due_on} 届满，尚未办结，已列入上级督办清单。请尽快登录全国维权平台处理。",
        ),
        (Template::OrderOverdue, En) => (
            "Order {number} is overdue and escalated",
            "The order {number} held by your unit was due on {due_on} and is not concluded; it is now on the upper level's supervision list. Sign in to the Weiquan platform to handle it.",
        ),
        (Template::OrderNeedsAction, ZhCn) => (
            "工单 {number} 需要贵单位处理",
            "工单（编号 {number}）有新情况需要贵单位处理，请登录全国维权平台查看。",
        ),
        (Template::OrderNeedsAction, En) => (
            "Order {number} needs your action",
            "There is news on the order {number} that needs your organisation's action. Sign in to the Weiquan platform to see it.",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn payload(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn a_chinese_sms_code_carries_the_signature_and_the_code() {
        let r = render(
            Template::OtpRegister,
            Channel::Sms,
            Locale::ZhCn,
            &payload(&[("code", "482913"), ("minutes", "10")]),
        )
        .unwrap();
        assert_eq!(r.subject, None);
        assert_eq!(
            r.body,
            "【全国维权平台】您的注册验证码为 482913，10 分钟内有效。请勿告诉他人；如非本人操作，请忽略。"
        );
    }

    #[test]
    fn english_is_used_when_the_recipient_prefers_it() {
        let r = render(
            Template::OtpSignIn,
            Channel::Email,
            Locale::En,
            &payload(&[("code", "000123"), ("minutes", "5")]),
        )
        .unwrap();
        assert_eq!(r.subject.as_deref(), Some("Your sign-in code"));
        assert!(
            r.body
                .starts_with("Your sign-in code is 000123, valid for 5 minutes.")
        );
    }

    #[test]
    fn an_invitation_fills_the_subject_and_goes_by_email_only() {
        let fields = payload(&[
            ("org_name", "深圳市南山区市场监督管理局"),
            ("link", "https://example.org/i/abc"),
            ("days", "7"),
        ]);
        let r = render(
            Template::MemberInvitation,
            Channel::Email,
            Locale::ZhCn,
            &fields,
        )
        .unwrap();
        assert_eq!(
            r.subject.as_deref(),
            Some("邀请您加入深圳市南山区市场监督管理局")
        );
        assert!(r.body.contains("https://example.org/i/abc"));
        assert!(r.body.contains("7 天内"));
        assert_eq!(
            render(
                Template::MemberInvitation,
                Channel::Sms,
                Locale::ZhCn,
                &fields
            ),
            Err(RenderError::WrongChannel {
                template: "member_invitation",
                channel: "sms"
            })
        );
    }

    #[test]
    fn a_missing_or_blank_field_is_an_error_not_a_hole_in_the_text() {
        for fields in [
            payload(&[("minutes", "10")]),
            payload(&[("code", " "), ("minutes", "10")]),
        ] {
            assert_eq!(
                render(Template::OtpRegister, Channel::Sms, Locale::ZhCn, &fields),
                Err(RenderError::MissingField {
                    template: "otp_register",
                    field: "code"
                })
            );
        }
    }

    #[test]
    fn every_template_renders_in_every_locale_without_placeholders_left() {
        for template in Template::ALL {
            let fields: BTreeMap<String, String> = template
                .fields()
                .iter()
                .map(|f| (f.to_string(), format!("<{f}>")))
                .collect();
            for channel in Channel::ALL.into_iter().filter(|c| template.allows(*c)) {
                for locale in Locale::ALL {
                    let r = render(template, channel, locale, &fields).unwrap();
                    let all = format!("{} {}", r.subject.unwrap_or_default(), r.body);
                    assert!(!all.contains('{'), "{template:?} {locale:?}: {all}");
                    for f in template.fields() {
                        assert!(all.contains(&format!("<{f}>")), "{template:?} lacks {f}");
                    }
                }
            }
            assert_eq!(Template::parse(template.as_str()), Some(template));
        }
        assert_eq!(Locale::parse("en"), Some(Locale::En));
        assert_eq!(Locale::parse("zh-CN"), Some(Locale::ZhCn));
        assert_eq!(Channel::parse("fax"), None);
    }
}
