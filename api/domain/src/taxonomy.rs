//! The classification taxonomy 分类 (domain.md "Classification"): what a category code looks
//! like, where a new one goes, which names are acceptable, and which codes an appeal must
//! carry. The categories themselves are data (table `categories`, seed
//! `api/db/data/categories.csv`), edited by national administrators
//! ([`crate::access::Action::ManageTaxonomy`]).
//!
//! Codes are stable: `G01` / `S01` a group of goods (商品) or services (服务), `G0101` a leaf
//! under its group (the group's code + two digits), `P01` a problem type. A code is never
//! deleted or reused; a category that is no longer offered is retired and may come back. A
//! subtree is a prefix (`G` every good, `G01` one group), which is how lists filter by it.

use serde::{Deserialize, Serialize};

use crate::workflow::AppealKind;

/// Goods or services: the first letter of a subject code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Branch {
    /// 商品 (`G`).
    Goods,
    /// 服务 (`S`).
    Services,
}

impl Branch {
    pub const ALL: [Self; 2] = [Self::Goods, Self::Services];

    pub fn letter(self) -> char {
        match self {
            Self::Goods => 'G',
            Self::Services => 'S',
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Goods => "goods",
            Self::Services => "services",
        }
    }
}

/// Where a code sits in the taxonomy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// A group of goods or services, e.g. `G01` 家用电子电器类.
    Group,
    /// A leaf category an order carries, e.g. `G0101` 家用电器.
    Leaf,
    /// A problem type, e.g. `P01` 质量.
    Problem,
}

/// A well-formed category code.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CategoryCode(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a category code is G or S and 2 or 4 digits, or P and 2 digits, never 00")]
pub struct CategoryCodeError;

fn two_digits(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()) && s != "00"
}

impl CategoryCode {
    pub fn parse(s: &str) -> Result<Self, CategoryCodeError> {
        let Some(first) = s.chars().next() else {
            return Err(CategoryCodeError);
        };
        let rest = &s[first.len_utf8()..];
        let ok = match (first, rest.len()) {
            ('G' | 'S', 2) => two_digits(rest),
            ('G' | 'S', 4) => two_digits(&rest[..2]) && two_digits(&rest[2..]),
            ('P', 2) => two_digits(rest),
            _ => false,
        };
        if ok {
            Ok(Self(s.to_owned()))
        } else {
            Err(CategoryCodeError)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn level(&self) -> Level {
        match (self.0.starts_with('P'), self.0.len()) {
            (true, _) => Level::Problem,
            (false, 3) => Level::Group,
            _ => Level::Leaf,
        }
    }

    /// Goods or services; `None` for a problem type.
    pub fn branch(&self) -> Option<Branch> {
        match self.0.as_bytes().first() {
            Some(b'G') => Some(Branch::Goods),
            Some(b'S') => Some(Branch::Services),
            _ => None,
        }
    }

    /// The group of a leaf.
    pub fn parent(&self) -> Option<CategoryCode> {
        (self.level() == Level::Leaf).then(|| Self(self.0[..3].to_owned()))
    }
}

impl TryFrom<String> for CategoryCode {
    type Error = CategoryCodeError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<CategoryCode> for String {
    fn from(c: CategoryCode) -> Self {
        c.0
    }
}

impl std::fmt::Display for CategoryCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where a new category goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Slot {
    /// A new group of goods or services.
    Group(Branch),
    /// A new leaf under an existing group.
    Leaf(CategoryCode),
    /// A new problem type.
    Problem,
}

/// Why a new category cannot take a code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlacementError {
    /// A leaf's parent must be a group.
    #[error("the parent must be a group")]
    ParentNotGroup,
    /// The code asked for does not fit the slot (wrong letter, level or parent).
    #[error("the code does not fit where the category goes")]
    CodeMismatch,
    /// The code is taken (codes are never reused, retired ones included).
    #[error("the code is taken")]
    Taken,
    /// Every two-digit number under the slot is used.
    #[error("no code left")]
    Full,
}

impl Slot {
    fn prefix(&self) -> Result<String, PlacementError> {
        match self {
            Self::Group(branch) => Ok(branch.letter().to_string()),
            Self::Leaf(group) if group.level() == Level::Group => Ok(group.as_str().to_owned()),
            Self::Leaf(_) => Err(PlacementError::ParentNotGroup),
            Self::Problem => Ok("P".to_owned()),
        }
    }

    /// Whether `code` belongs in this slot.
    pub fn fits(&self, code: &CategoryCode) -> bool {
        match self {
            Self::Group(branch) => code.level() == Level::Group && code.branch() == Some(*branch),
            Self::Leaf(group) => code.parent().as_ref() == Some(group),
            Self::Problem => code.level() == Level::Problem,
        }
    }

    /// The code a new category takes: `wanted` if given, it fits and is free; otherwise the
    /// lowest free two-digit number after every code already in the slot (so a retired code
    /// is never handed out again, and 99 — "other" by convention — is only taken last).
    /// `existing` are every code in the taxonomy, retired ones included.
    pub fn place<'a>(
        &self,
        wanted: Option<&CategoryCode>,
        existing: impl IntoIterator<Item = &'a str>,
    ) -> Result<CategoryCode, PlacementError> {
        let prefix = self.prefix()?;
        let taken: Vec<&str> = existing.into_iter().collect();
        if let Some(code) = wanted {
            if !self.fits(code) {
                return Err(PlacementError::CodeMismatch);
            }
            if taken.contains(&code.as_str()) {
                return Err(PlacementError::Taken);
            }
            return Ok(code.clone());
        }
        let used: Vec<u32> = taken
            .iter()
            .filter_map(|c| CategoryCode::parse(c).ok())
            .filter(|c| self.fits(c))
            .filter_map(|c| c.as_str()[prefix.len()..].parse::<u32>().ok())
            .collect();
        let highest_below_other = used.iter().copied().filter(|n| *n < 99).max().unwrap_or(0);
        let candidates = (highest_below_other + 1..99).chain(1..99);
        candidates
            .into_iter()
            .find(|n| !used.contains(n))
            .map(|n| CategoryCode(format!("{prefix}{n:02}")))
            .ok_or(PlacementError::Full)
    }
}

/// A Chinese and an English name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NameField {
    NameZh,
    NameEn,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NameError {
    #[error("required")]
    Required,
    #[error("too long (at most {max} characters)")]
    TooLong { max: usize },
    /// Control characters or line breaks.
    #[error("contains control characters")]
    Control,
}

pub const NAME_ZH_MAX: usize = 50;
pub const NAME_EN_MAX: usize = 100;

/// Trims a name and checks it: 1 to 50 characters in Chinese, 1 to 100 in English, one line.
pub fn check_name(field: NameField, name: &str) -> Result<String, NameError> {
    let name = name.trim();
    let max = match field {
        NameField::NameZh => NAME_ZH_MAX,
        NameField::NameEn => NAME_EN_MAX,
    };
    if name.is_empty() {
        Err(NameError::Required)
    } else if name.chars().count() > max {
        Err(NameError::TooLong { max })
    } else if name.chars().any(char::is_control) {
        Err(NameError::Control)
    } else {
        Ok(name.to_owned())
    }
}

/// Whether an appeal must carry a subject category and a problem type.
///
/// - A complaint (投诉) names the goods or service and the problem: Art. 10 asks for the
///   consumer dispute's facts, and Art. 16(3)/17 weigh "the same class of goods or services,
///   the same class of problem" — both are required.
/// - A report (举报) is about a suspected violation (Art. 28: specific clues), which need not
///   involve anything the reporter bought (unlicensed trading, illegal advertising): the
///   problem type is required, the subject category optional.
/// - Suggestions and consultations may carry either, neither is required.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Requirement {
    pub subject: bool,
    pub problem: bool,
}

pub fn requirement(kind: AppealKind) -> Requirement {
    match kind {
        AppealKind::Complaint => Requirement {
            subject: true,
            problem: true,
        },
        AppealKind::Report => Requirement {
            subject: false,
            problem: true,
        },
        AppealKind::Suggestion | AppealKind::Consultation => Requirement {
            subject: false,
            problem: false,
        },
    }
}

/// What the database knows about a code an appeal names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Known {
    pub active: bool,
    /// For a leaf: whether its group is active (a retired group retires its leaves).
    pub parent_active: bool,
}

/// Why an appeal's code is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CodeRefusal {
    #[error("required")]
    Required,
    /// Not a code, or not in the taxonomy.
    #[error("unknown category")]
    Unknown,
    /// A group, or a problem type where a subject is wanted (or the other way round).
    #[error("not a leaf category of this kind")]
    WrongLevel,
    #[error("retired")]
    Retired,
}

/// Checks one code an appeal names against what is wanted at that place (`Level::Leaf` for
/// the subject, `Level::Problem` for the problem type). `known` is `None` when the taxonomy
/// has no such code.
pub fn check_code(
    wanted: Level,
    required: bool,
    given: Option<&str>,
    known: Option<Known>,
) -> Result<Option<CategoryCode>, CodeRefusal> {
    let Some(given) = given.map(str::trim).filter(|g| !g.is_empty()) else {
        return if required {
            Err(CodeRefusal::Required)
        } else {
            Ok(None)
        };
    };
    let code = CategoryCode::parse(given).map_err(|_| CodeRefusal::Unknown)?;
    if code.level() != wanted {
        return Err(CodeRefusal::WrongLevel);
    }
    match known {
        None => Err(CodeRefusal::Unknown),
        Some(k) if !k.active || !k.parent_active => Err(CodeRefusal::Retired),
        Some(_) => Ok(Some(code)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> CategoryCode {
        CategoryCode::parse(s).unwrap()
    }

    #[test]
    fn codes_parse_by_shape() {
        for ok in ["G01", "S14", "G0101", "S9901", "P01", "P10"] {
            assert!(CategoryCode::parse(ok).is_ok(), "{ok}");
        }
        for bad in [
            "", "G", "G1", "G001", "G00", "G0100", "P0101", "X01", "g01", "G01a", "P00", "Ｇ01",
            "G 01", "S012",
        ] {
            assert!(CategoryCode::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn levels_branches_and_parents() {
        assert_eq!(code("G01").level(), Level::Group);
        assert_eq!(code("S0203").level(), Level::Leaf);
        assert_eq!(code("P07").level(), Level::Problem);
        assert_eq!(code("G0101").branch(), Some(Branch::Goods));
        assert_eq!(code("S01").branch(), Some(Branch::Services));
        assert_eq!(code("P01").branch(), None);
        assert_eq!(code("S0203").parent(), Some(code("S02")));
        assert_eq!(code("S02").parent(), None);
        assert_eq!(code("P02").parent(), None);
    }

    #[test]
    fn serde_refuses_malformed_codes() {
        let ok: CategoryCode = serde_json::from_str("\"G0101\"").unwrap();
        assert_eq!(ok, code("G0101"));
        assert!(serde_json::from_str::<CategoryCode>("\"G01011\"").is_err());
    }

    #[test]
    fn new_codes_follow_the_highest_below_99_and_never_reuse() {
        let existing = ["G01", "G02", "G0101", "G0103", "G99", "S01", "P01", "P02"];
        assert_eq!(
            Slot::Group(Branch::Goods).place(None, existing).unwrap(),
            code("G03")
        );
        assert_eq!(
            Slot::Group(Branch::Services).place(None, existing).unwrap(),
            code("S02")
        );
        // G0102 is free but below the highest used: a gap is never filled while numbers
        // above remain (it may be a retired code's neighbour; codes stay in order of creation).
        assert_eq!(
            Slot::Leaf(code("G01")).place(None, existing).unwrap(),
            code("G0104")
        );
        assert_eq!(
            Slot::Leaf(code("G02")).place(None, existing).unwrap(),
            code("G0201")
        );
        assert_eq!(Slot::Problem.place(None, existing).unwrap(), code("P03"));
    }

    #[test]
    fn when_the_numbers_run_out_gaps_are_used_then_full() {
        let mut existing: Vec<String> = (2..=99).map(|n| format!("P{n:02}")).collect();
        let refs = |e: &[String]| e.iter().map(String::clone).collect::<Vec<_>>();
        let first = refs(&existing);
        assert_eq!(
            Slot::Problem
                .place(None, first.iter().map(String::as_str))
                .unwrap(),
            code("P01")
        );
        existing.push("P01".into());
        let all = refs(&existing);
        assert_eq!(
            Slot::Problem.place(None, all.iter().map(String::as_str)),
            Err(PlacementError::Full)
        );
    }

    #[test]
    fn a_wanted_code_must_fit_and_be_free() {
        let existing = ["G01", "G0101", "S01"];
        let slot = Slot::Leaf(code("G01"));
        assert_eq!(
            slot.place(Some(&code("G0105")), existing),
            Ok(code("G0105"))
        );
        assert_eq!(
            slot.place(Some(&code("G0101")), existing),
            Err(PlacementError::Taken)
        );
        assert_eq!(
            slot.place(Some(&code("G0201")), existing),
            Err(PlacementError::CodeMismatch)
        );
        assert_eq!(
            Slot::Group(Branch::Goods).place(Some(&code("S05")), existing),
            Err(PlacementError::CodeMismatch)
        );
        assert_eq!(
            Slot::Problem.place(Some(&code("G05")), existing),
            Err(PlacementError::CodeMismatch)
        );
        assert_eq!(
            Slot::Leaf(code("G0101")).place(None, existing),
            Err(PlacementError::ParentNotGroup)
        );
        assert_eq!(
            Slot::Leaf(code("P01")).place(None, existing),
            Err(PlacementError::ParentNotGroup)
        );
    }

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(
            check_name(NameField::NameZh, "  家用电器 "),
            Ok("家用电器".into())
        );
        assert_eq!(
            check_name(NameField::NameZh, "  "),
            Err(NameError::Required)
        );
        assert_eq!(
            check_name(NameField::NameZh, &"电".repeat(51)),
            Err(NameError::TooLong { max: 50 })
        );
        assert!(check_name(NameField::NameZh, &"电".repeat(50)).is_ok());
        assert!(check_name(NameField::NameEn, &"a".repeat(100)).is_ok());
        assert_eq!(
            check_name(NameField::NameEn, &"a".repeat(101)),
            Err(NameError::TooLong { max: 100 })
        );
        assert_eq!(
            check_name(NameField::NameEn, "a\nb"),
            Err(NameError::Control)
        );
    }

    #[test]
    fn what_each_kind_of_appeal_must_carry() {
        let table = [
            (AppealKind::Complaint, true, true),
            (AppealKind::Report, false, true),
            (AppealKind::Suggestion, false, false),
            (AppealKind::Consultation, false, false),
        ];
        for (kind, subject, problem) in table {
            assert_eq!(
                requirement(kind),
                Requirement { subject, problem },
                "{kind:?}"
            );
        }
    }

    #[test]
    fn codes_an_appeal_names_are_checked_exhaustively() {
        let live = Some(Known {
            active: true,
            parent_active: true,
        });
        let retired = Some(Known {
            active: false,
            parent_active: true,
        });
        let group_retired = Some(Known {
            active: true,
            parent_active: false,
        });
        use CodeRefusal::*;
        type Case<'a> = (
            Level,
            bool,
            Option<&'a str>,
            Option<Known>,
            Result<Option<&'a str>, CodeRefusal>,
        );
        let cases: [Case; 12] = [
            (Level::Leaf, true, None, None, Err(Required)),
            (Level::Leaf, true, Some("  "), None, Err(Required)),
            (Level::Leaf, false, None, None, Ok(None)),
            (Level::Leaf, true, Some("G0101"), live, Ok(Some("G0101"))),
            (Level::Leaf, true, Some(" G0101 "), live, Ok(Some("G0101"))),
            (Level::Leaf, true, Some("G0101"), None, Err(Unknown)),
            (Level::Leaf, true, Some("餐饮服务"), None, Err(Unknown)),
            (Level::Leaf, true, Some("G01"), live, Err(WrongLevel)),
            (Level::Leaf, true, Some("P01"), live, Err(WrongLevel)),
            (Level::Problem, true, Some("G0101"), live, Err(WrongLevel)),
            (Level::Leaf, false, Some("G0101"), retired, Err(Retired)),
            (
                Level::Leaf,
                true,
                Some("G0101"),
                group_retired,
                Err(Retired),
            ),
        ];
        for (wanted, required, given, known, expected) in cases {
            let got = check_code(wanted, required, given, known);
            assert_eq!(
                got,
                expected.map(|c| c.map(code)),
                "{wanted:?} {required} {given:?} {known:?}"
            );
        }
    }
}
