//! Administrative division codes (GB/T 2260): six digits `PPCCDD`.
//!
//! `PP0000` is a province-level unit, `PPCC00` a prefecture-level unit and anything else a
//! county-level unit. The real parent of a unit is data (Beijing's districts hang directly
//! under the province, as do Hubei's directly administered cities such as 429004), so this
//! module only says which parents are *possible*; the divisions table says which one is.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// The level of an administrative division.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DivisionLevel {
    /// 省级: province, autonomous region, municipality.
    Province,
    /// 地级: prefecture-level city, prefecture, league, autonomous prefecture.
    City,
    /// 县级: county, district, county-level city, banner.
    County,
}

impl DivisionLevel {
    pub const ALL: [DivisionLevel; 3] = [Self::Province, Self::City, Self::County];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Province => "province",
            Self::City => "city",
            Self::County => "county",
        }
    }
}

impl FromStr for DivisionLevel {
    type Err = DivisionCodeError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|level| level.as_str() == s)
            .ok_or(DivisionCodeError::UnknownLevel)
    }
}

/// Why a string is not a division code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DivisionCodeError {
    #[error("a division code has exactly 6 digits")]
    Length,
    #[error("a division code contains only the digits 0-9")]
    NotDigits,
    #[error("the first two digits are not a province code (11-82)")]
    Province,
    #[error("unknown division level")]
    UnknownLevel,
}

/// A syntactically valid six-digit division code. Whether it exists is a question for the
/// reference data, not for this type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DivisionCode([u8; 6]);

impl DivisionCode {
    /// Parses a code, accepting exactly six ASCII digits with a plausible province prefix.
    pub fn parse(s: &str) -> Result<Self, DivisionCodeError> {
        let bytes: [u8; 6] = s
            .as_bytes()
            .try_into()
            .map_err(|_| DivisionCodeError::Length)?;
        if !bytes.iter().all(u8::is_ascii_digit) {
            return Err(DivisionCodeError::NotDigits);
        }
        let province = (bytes[0] - b'0') * 10 + (bytes[1] - b'0');
        if !(11..=82).contains(&province) {
            return Err(DivisionCodeError::Province);
        }
        Ok(Self(bytes))
    }

    pub fn as_str(&self) -> &str {
        // Only ASCII digits are ever stored, so this cannot fail.
        std::str::from_utf8(&self.0).unwrap_or("000000")
    }

    pub fn level(&self) -> DivisionLevel {
        match (&self.0[2..4], &self.0[4..6]) {
            (b"00", b"00") => DivisionLevel::Province,
            (_, b"00") => DivisionLevel::City,
            _ => DivisionLevel::County,
        }
    }

    /// The province this code belongs to (`PP0000`).
    pub fn province(&self) -> DivisionCode {
        let mut b = self.0;
        b[2..].copy_from_slice(b"0000");
        Self(b)
    }

    /// The prefecture-level code this code would belong to (`PPCC00`), if it is below
    /// province level. The unit may not exist (municipalities, directly administered units).
    pub fn nominal_city(&self) -> Option<DivisionCode> {
        match self.level() {
            DivisionLevel::Province => None,
            _ => {
                let mut b = self.0;
                b[4..].copy_from_slice(b"00");
                Some(Self(b))
            }
        }
    }

    /// Parents this code may have, nearest first: a county's city (if it exists) then its
    /// province; a city's province; nothing for a province.
    pub fn possible_parents(&self) -> Vec<DivisionCode> {
        match self.level() {
            DivisionLevel::Province => vec![],
            DivisionLevel::City => vec![self.province()],
            DivisionLevel::County => self
                .nominal_city()
                .into_iter()
                .chain(std::iter::once(self.province()))
                .collect(),
        }
    }

    /// Whether a unit whose jurisdiction is `self` covers `other`: itself and, for a province
    /// or a city, every code below it. A county covers only itself.
    pub fn covers(&self, other: &DivisionCode) -> bool {
        match self.level() {
            DivisionLevel::Province => self.0[..2] == other.0[..2],
            DivisionLevel::City => self.0[..4] == other.0[..4],
            DivisionLevel::County => self == other,
        }
    }
}

impl fmt::Display for DivisionCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for DivisionCode {
    type Err = DivisionCodeError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl Serialize for DivisionCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for DivisionCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Self::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn code(s: &str) -> DivisionCode {
        DivisionCode::parse(s).unwrap()
    }

    #[test]
    fn parses_six_digit_codes_of_each_level() {
        assert_eq!(code("440000").level(), DivisionLevel::Province);
        assert_eq!(code("440300").level(), DivisionLevel::City);
        assert_eq!(code("440305").level(), DivisionLevel::County);
        assert_eq!(code("429004").level(), DivisionLevel::County);
        assert_eq!(code("440305").to_string(), "440305");
    }

    #[test]
    fn rejects_malformed_codes_with_the_reason() {
        assert_eq!(DivisionCode::parse(""), Err(DivisionCodeError::Length));
        assert_eq!(DivisionCode::parse("44030"), Err(DivisionCodeError::Length));
        assert_eq!(
            DivisionCode::parse("4403055"),
            Err(DivisionCodeError::Length)
        );
        assert_eq!(
            DivisionCode::parse("44030a"),
            Err(DivisionCodeError::NotDigits)
        );
        assert_eq!(
            DivisionCode::parse("４４０３０５"),
            Err(DivisionCodeError::Length)
        );
        assert_eq!(
            DivisionCode::parse("44 305"),
            Err(DivisionCodeError::NotDigits)
        );
        assert_eq!(
            DivisionCode::parse("000000"),
            Err(DivisionCodeError::Province)
        );
        assert_eq!(
            DivisionCode::parse("100000"),
            Err(DivisionCodeError::Province)
        );
        assert_eq!(
            DivisionCode::parse("990000"),
            Err(DivisionCodeError::Province)
        );
    }

    #[test]
    fn possible_parents_are_nearest_first() {
        assert!(code("440000").possible_parents().is_empty());
        assert_eq!(code("440300").possible_parents(), vec![code("440000")]);
        assert_eq!(
            code("440305").possible_parents(),
            vec![code("440300"), code("440000")]
        );
        // Beijing's districts: the nominal city 110100 does not exist in the data; the
        // province is the fallback.
        assert_eq!(
            code("110105").possible_parents(),
            vec![code("110100"), code("110000")]
        );
    }

    #[test]
    fn a_province_covers_its_whole_subtree_and_nothing_else() {
        let gd = code("440000");
        assert!(gd.covers(&gd));
        assert!(gd.covers(&code("440300")));
        assert!(gd.covers(&code("440305")));
        assert!(!gd.covers(&code("110105")));
        assert!(!gd.covers(&code("450305")));
    }

    #[test]
    fn a_city_covers_its_counties_but_not_its_siblings_or_province() {
        let sz = code("440300");
        assert!(sz.covers(&sz));
        assert!(sz.covers(&code("440305")));
        assert!(!sz.covers(&code("440000")));
        assert!(!sz.covers(&code("440105")));
        assert!(!sz.covers(&code("440400")));
    }

    #[test]
    fn a_county_covers_only_itself() {
        let ns = code("440305");
        assert!(ns.covers(&ns));
        assert!(!ns.covers(&code("440306")));
        assert!(!ns.covers(&code("440300")));
    }

    #[test]
    fn level_names_round_trip() {
        for level in DivisionLevel::ALL {
            assert_eq!(level.as_str().parse::<DivisionLevel>(), Ok(level));
        }
        assert!("town".parse::<DivisionLevel>().is_err());
    }

    #[test]
    fn serde_uses_the_plain_string_and_validates_on_the_way_in() {
        assert_eq!(
            serde_json::to_string(&code("440305")).unwrap(),
            "\"440305\""
        );
        assert_eq!(
            serde_json::from_str::<DivisionCode>("\"440305\"").unwrap(),
            code("440305")
        );
        assert!(serde_json::from_str::<DivisionCode>("\"44030x\"").is_err());
    }

    proptest! {
        #[test]
        fn parse_never_panics_and_round_trips(s in "\\PC{0,10}") {
            if let Ok(c) = DivisionCode::parse(&s) {
                prop_assert_eq!(c.as_str(), s.as_str());
            }
        }

        #[test]
        fn every_code_is_covered_by_its_province_and_possible_parents(p in 11u8..=82, c in 0u8..100, d in 0u8..100) {
            let s = format!("{p:02}{c:02}{d:02}");
            let code = DivisionCode::parse(&s).unwrap();
            prop_assert!(code.province().covers(&code));
            for parent in code.possible_parents() {
                prop_assert!(parent.covers(&code));
                prop_assert!(parent.level() < code.level());
            }
        }
    }
}
