//! Art. 17 signals: facts a handler may weigh when judging whether a complaint is "not for the
//! needs of daily consumption" (Art. 16(3)). They are shown to staff and **never decide
//! anything**: no state changes, nothing is blocked, and the consumer and the business never
//! see them. Art. 17 lets the handler consider
//! (1) quantities, times or frequency out of line with shelf life or usual consumption,
//! (2) the same complainant complaining a lot in a short period,
//! (4) several people complaining with the same phone number or postal address.
//!
//! The database gathers counts ([`Facts`]); this module holds the thresholds and the rule.
//! Computed when staff open a complaint (not at intake): intake is the hottest write path
//! (2 million a day at peak) and most orders are never flagged, while a view-time count also
//! sees the complaints that came after this one, which is what the handler wants to know.

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

/// The thresholds. `DEFAULT` is a starting point; cities may refine the factors (Art. 17,
/// last sentence), which would make this per-jurisdiction data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Thresholds {
    /// Complaints by the same complainant within `window_days` either side of this one
    /// (this one included) at or above which the signal shows.
    pub complaints: u32,
    pub window_days: u32,
    /// Distinct complainants (this one included) using the same phone or the same address.
    pub shared_contact: u32,
    /// The amount is at least this many times the median of recent complaints in the same
    /// leaf category...
    pub amount_factor: u32,
    /// ...among at least this many of them (fewer say nothing about "usual").
    pub amount_min_sample: u32,
    /// How many of the latest amounts in the category the median is taken over.
    pub amount_sample: u32,
}

impl Thresholds {
    pub const DEFAULT: Self = Self {
        complaints: 10,
        window_days: 30,
        shared_contact: 3,
        amount_factor: 10,
        amount_min_sample: 20,
        amount_sample: 1000,
    };
}

/// What the database counted for one complaint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Facts {
    /// Complaints by the same complainant received within the window of this one's receipt
    /// (this one included); `None` for an order with no known complainant.
    pub complaints_in_window: Option<u32>,
    /// Distinct complainants who gave this complaint's phone (this one included).
    pub phone_sharers: u32,
    /// Distinct complainants who gave this complaint's normalised address.
    pub address_sharers: u32,
    /// The amount paid, in fen.
    pub amount_fen: Option<i64>,
    /// The median amount among the latest complaints in the same leaf category, and how many
    /// amounts it was taken over.
    pub category_median_fen: Option<i64>,
    pub category_sample: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignalKind {
    /// Art. 17(2): many complaints by the same complainant in a short period.
    FrequentComplainant,
    /// Art. 17(4): the same phone number used by several complainants.
    SharedPhone,
    /// Art. 17(4): the same postal address used by several complainants.
    SharedAddress,
    /// Art. 17(1): an amount far above what is usual in the category.
    AmountOutOfLine,
}

/// One signal: what was observed and the threshold it reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Signal {
    pub kind: SignalKind,
    pub observed: i64,
    pub threshold: i64,
    /// For `AmountOutOfLine`: the median compared with (fen).
    pub reference: Option<i64>,
}

impl Signal {
    /// What the handler reads: the rule in words, with the numbers (English, Chinese).
    pub fn describe(&self, t: &Thresholds) -> (String, String) {
        let (n, th) = (self.observed, self.threshold);
        match self.kind {
            SignalKind::FrequentComplainant => (
                format!(
                    "The same complainant filed {n} complaints within {} days of this one \
                     (signal from {th}). Art. 17(2); a fact to weigh, not a decision.",
                    t.window_days
                ),
                format!(
                    "同一投诉人在本件前后 {} 日内共投诉 {n} 件（达到 {th} 件即提示）。第十七条第（二）项；仅供参考，不作为决定。",
                    t.window_days
                ),
            ),
            SignalKind::SharedPhone => (
                format!(
                    "{n} different complainants gave this phone number (signal from {th}). \
                     Art. 17(4); a fact to weigh, not a decision."
                ),
                format!(
                    "共有 {n} 名不同投诉人使用该手机号码（达到 {th} 名即提示）。第十七条第（四）项；仅供参考，不作为决定。"
                ),
            ),
            SignalKind::SharedAddress => (
                format!(
                    "{n} different complainants gave this postal address (signal from {th}). \
                     Art. 17(4); a fact to weigh, not a decision."
                ),
                format!(
                    "共有 {n} 名不同投诉人使用该通讯地址（达到 {th} 名即提示）。第十七条第（四）项；仅供参考，不作为决定。"
                ),
            ),
            SignalKind::AmountOutOfLine => {
                let median = self.reference.unwrap_or_default();
                (
                    format!(
                        "The amount ({} yuan) is at least {} times the median ({} yuan) of the \
                         latest complaints in the same category. Art. 17(1); a fact to weigh, \
                         not a decision.",
                        yuan(n),
                        t.amount_factor,
                        yuan(median)
                    ),
                    format!(
                        "涉案金额（{} 元）达到同类别近期投诉金额中位数（{} 元）的 {} 倍以上。第十七条第（一）项；仅供参考，不作为决定。",
                        yuan(n),
                        yuan(median),
                        t.amount_factor
                    ),
                )
            }
        }
    }
}

fn yuan(fen: i64) -> String {
    format!("{}.{:02}", fen / 100, (fen % 100).abs())
}

/// The rule: every signal whose threshold the facts reach. Never more than that.
pub fn assess(facts: &Facts, t: &Thresholds) -> Vec<Signal> {
    let mut out = Vec::new();
    let plain = |kind, observed: u32, threshold: u32| Signal {
        kind,
        observed: i64::from(observed),
        threshold: i64::from(threshold),
        reference: None,
    };
    if let Some(n) = facts.complaints_in_window
        && n >= t.complaints
    {
        out.push(plain(SignalKind::FrequentComplainant, n, t.complaints));
    }
    if facts.phone_sharers >= t.shared_contact {
        out.push(plain(
            SignalKind::SharedPhone,
            facts.phone_sharers,
            t.shared_contact,
        ));
    }
    if facts.address_sharers >= t.shared_contact {
        out.push(plain(
            SignalKind::SharedAddress,
            facts.address_sharers,
            t.shared_contact,
        ));
    }
    if let (Some(amount), Some(median)) = (facts.amount_fen, facts.category_median_fen)
        && facts.category_sample >= t.amount_min_sample
        && median > 0
    {
        let threshold = median.saturating_mul(i64::from(t.amount_factor));
        if amount >= threshold {
            out.push(Signal {
                kind: SignalKind::AmountOutOfLine,
                observed: amount,
                threshold,
                reference: Some(median),
            });
        }
    }
    out
}

/// The form of a postal address that two complainants "share": Unicode NFKC (full-width
/// letters and digits become ASCII), lower case, and only letters and digits kept (spaces,
/// punctuation and symbols dropped). `None` when nothing is left.
pub fn address_key(address: &str) -> Option<String> {
    let key: String = address
        .nfkc()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect();
    (!key.is_empty()).then(|| key.chars().take(300).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: Thresholds = Thresholds::DEFAULT;

    fn kinds(facts: &Facts) -> Vec<SignalKind> {
        assess(facts, &T).into_iter().map(|s| s.kind).collect()
    }

    #[test]
    fn nothing_at_all_is_no_signal() {
        assert!(assess(&Facts::default(), &T).is_empty());
    }

    #[test]
    fn frequent_complainant_from_exactly_the_threshold() {
        for (n, signal) in [(1, false), (9, false), (10, true), (11, true), (500, true)] {
            let facts = Facts {
                complaints_in_window: Some(n),
                ..Facts::default()
            };
            assert_eq!(
                kinds(&facts) == [SignalKind::FrequentComplainant],
                signal,
                "{n}"
            );
        }
        let s = assess(
            &Facts {
                complaints_in_window: Some(12),
                ..Facts::default()
            },
            &T,
        );
        assert_eq!((s[0].observed, s[0].threshold), (12, 10));
    }

    #[test]
    fn shared_phone_and_address_from_three_complainants() {
        for (n, signal) in [(0, false), (1, false), (2, false), (3, true), (40, true)] {
            let phone = Facts {
                phone_sharers: n,
                ..Facts::default()
            };
            let address = Facts {
                address_sharers: n,
                ..Facts::default()
            };
            assert_eq!(kinds(&phone) == [SignalKind::SharedPhone], signal, "{n}");
            assert_eq!(
                kinds(&address) == [SignalKind::SharedAddress],
                signal,
                "{n}"
            );
        }
    }

    #[test]
    fn amount_out_of_line_needs_a_sample_and_ten_times_the_median() {
        let facts = |amount, median, sample| Facts {
            amount_fen: amount,
            category_median_fen: median,
            category_sample: sample,
            ..Facts::default()
        };
        let cases = [
            (Some(100_000), Some(10_000), 20, true),
            (Some(99_999), Some(10_000), 20, false),
            (Some(1_000_000), Some(10_000), 19, false),
            (Some(1_000_000), Some(0), 100, false),
            (None, Some(10_000), 100, false),
            (Some(1_000_000), None, 100, false),
            (Some(1_000_000_000_000), Some(i64::MAX / 2), 100, false),
        ];
        for (amount, median, sample, signal) in cases {
            let got = assess(&facts(amount, median, sample), &T);
            assert_eq!(
                got.iter().any(|s| s.kind == SignalKind::AmountOutOfLine),
                signal,
                "{amount:?} {median:?} {sample}"
            );
        }
        let s = assess(&facts(Some(250_000), Some(20_000), 30), &T);
        assert_eq!(s[0].reference, Some(20_000));
        assert_eq!(s[0].threshold, 200_000);
    }

    #[test]
    fn every_signal_together_in_a_stable_order() {
        let facts = Facts {
            complaints_in_window: Some(10),
            phone_sharers: 3,
            address_sharers: 3,
            amount_fen: Some(1_000_000),
            category_median_fen: Some(100),
            category_sample: 20,
        };
        assert_eq!(
            kinds(&facts),
            [
                SignalKind::FrequentComplainant,
                SignalKind::SharedPhone,
                SignalKind::SharedAddress,
                SignalKind::AmountOutOfLine
            ]
        );
    }

    #[test]
    fn descriptions_name_the_article_and_say_it_decides_nothing() {
        let facts = Facts {
            complaints_in_window: Some(10),
            phone_sharers: 3,
            address_sharers: 4,
            amount_fen: Some(1_234_567),
            category_median_fen: Some(10_050),
            category_sample: 20,
        };
        for s in assess(&facts, &T) {
            let (en, zh) = s.describe(&T);
            assert!(
                en.contains("Art. 17") && en.contains("not a decision"),
                "{en}"
            );
            assert!(zh.contains("第十七条") && zh.contains("仅供参考"), "{zh}");
        }
        let amount = assess(&facts, &T)
            .into_iter()
            .find(|s| s.kind == SignalKind::AmountOutOfLine)
            .unwrap();
        let (en, _) = amount.describe(&T);
        assert!(en.contains("12345.67") && en.contains("100.50"), "{en}");
    }

    #[test]
    fn addresses_match_despite_spacing_width_case_and_punctuation() {
        let a = address_key("广东省深圳市南山区 科技园路１号　Ａ座-1201室").unwrap();
        let b = address_key("广东省深圳市南山区科技园路1号a座1201室。").unwrap();
        assert_eq!(a, b);
        assert_ne!(
            a,
            address_key("广东省深圳市南山区科技园路1号a座1202室").unwrap()
        );
        assert_eq!(address_key(" ，。- "), None);
        assert_eq!(address_key(&"路".repeat(400)).unwrap().chars().count(), 300);
    }
}
