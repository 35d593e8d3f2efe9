//! Evidence attachments 证据材料: which file types are accepted (decided by content, never by
//! name), how many a submission may carry, the name a file is shown and downloaded under, and
//! who sees a work order's evidence.

use serde::{Deserialize, Serialize};

use crate::access::{Actor, Denied};
use crate::workflow::{AppealKind, View};

/// At most this many attachments per submission.
pub const MAX_PER_SUBMISSION: usize = 9;

/// Uploads that no submission used are deleted after this many hours.
pub const UNATTACHED_LIFETIME_HOURS: i64 = 24;

/// How many leading bytes [`MediaType::sniff`] needs to decide.
pub const SNIFF_LEN: usize = 12;

/// Longest display name kept, in characters (before the extension is fixed).
const MAX_NAME_CHARS: usize = 120;

/// The accepted kinds of evidence: photographs and screenshots (JPEG, PNG, GIF, WebP, and the
/// HEIC/HEIF that phones save by default) and PDF documents. Nothing a browser would run as
/// a page or script (HTML, SVG, XML) is ever accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MediaType {
    Jpeg,
    Png,
    Gif,
    Webp,
    Heic,
    Heif,
    Pdf,
}

/// HEIF brands (ISO/IEC 23008-12) in the `ftyp` box: HEVC-coded images are HEIC, the others
/// plain HEIF.
const HEIC_BRANDS: [&[u8; 4]; 6] = [b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx"];
const HEIF_BRANDS: [&[u8; 4]; 2] = [b"mif1", b"msf1"];

impl MediaType {
    pub const ALL: [Self; 7] = [
        Self::Jpeg,
        Self::Png,
        Self::Gif,
        Self::Webp,
        Self::Heic,
        Self::Heif,
        Self::Pdf,
    ];

    /// The type of a file from its first bytes (at least [`SNIFF_LEN`] of them, or the whole
    /// file if shorter); `None` for anything not accepted.
    pub fn sniff(head: &[u8]) -> Option<Self> {
        if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
            return Some(Self::Jpeg);
        }
        if head.starts_with(b"\x89PNG\r\n\x1a\n") {
            return Some(Self::Png);
        }
        if head.starts_with(b"GIF87a") || head.starts_with(b"GIF89a") {
            return Some(Self::Gif);
        }
        if head.len() >= 12 && head.starts_with(b"RIFF") && &head[8..12] == b"WEBP" {
            return Some(Self::Webp);
        }
        if head.starts_with(b"%PDF-") {
            return Some(Self::Pdf);
        }
        if head.len() >= 12 && &head[4..8] == b"ftyp" {
            let brand = &head[8..12];
            if HEIC_BRANDS.iter().any(|b| b.as_slice() == brand) {
                return Some(Self::Heic);
            }
            if HEIF_BRANDS.iter().any(|b| b.as_slice() == brand) {
                return Some(Self::Heif);
            }
        }
        None
    }

    /// The IANA media type, as stored and sent in `Content-Type`.
    pub fn mime(self) -> &'static str {
        match self {
            Self::Jpeg => "image/jpeg",
            Self::Png => "image/png",
            Self::Gif => "image/gif",
            Self::Webp => "image/webp",
            Self::Heic => "image/heic",
            Self::Heif => "image/heif",
            Self::Pdf => "application/pdf",
        }
    }

    /// The inverse of [`MediaType::mime`].
    pub fn from_mime(mime: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.mime() == mime)
    }

    /// The extension a file of this type is saved with.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Jpeg => "jpg",
            Self::Png => "png",
            Self::Gif => "gif",
            Self::Webp => "webp",
            Self::Heic => "heic",
            Self::Heif => "heif",
            Self::Pdf => "pdf",
        }
    }

    /// Extensions that already fit this type (lower case).
    fn fits(self, extension: &str) -> bool {
        match self {
            Self::Jpeg => matches!(extension, "jpg" | "jpeg" | "jpe" | "jfif"),
            Self::Heic => matches!(extension, "heic" | "heics"),
            Self::Heif => matches!(extension, "heif" | "heifs" | "heic"),
            other => extension == other.extension(),
        }
    }
}

/// Characters that change how text is displayed without being seen: bidirectional overrides
/// (which make `gpj.exe` read as `exe.jpg`), zero-width characters.
fn invisible(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// The name an upload is kept and shown under: the last path component of what the browser
/// sent, without control or invisible characters, at most 120 characters, ending in an
/// extension that fits its real type (a PNG sent as `报告.html` becomes `报告.html.png`).
/// An empty name becomes `evidence.<ext>`.
pub fn display_name(sent: &str, media: MediaType) -> String {
    let last = sent.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last
        .chars()
        .filter(|c| !c.is_control() && !invisible(*c))
        .collect();
    let trimmed = cleaned.trim().trim_matches('.').trim();
    let mut name: String = trimmed.chars().take(MAX_NAME_CHARS).collect();
    if name.trim().is_empty() {
        name = "evidence".to_owned();
    }
    let fits = name
        .rsplit_once('.')
        .is_some_and(|(stem, ext)| !stem.is_empty() && media.fits(&ext.to_lowercase()));
    if !fits {
        name.push('.');
        name.push_str(media.extension());
    }
    name
}

/// Whether a caller with `view` of an order of `kind` sees its evidence. The filer and staff
/// do. A business (an ODR enterprise settling a complaint) sees a complaint's evidence, which
/// it needs to answer; it never sees a report's: a report's evidence may identify the
/// reporter, whose identity never reaches the business (Art. 37).
pub fn evidence_visible(view: View, kind: AppealKind) -> bool {
    match view {
        View::Filer | View::Staff => true,
        View::Enterprise => kind != AppealKind::Report,
    }
}

/// The name an attachment is shown under to a caller with `view`. An anonymous report keeps
/// its reporter unknown: everyone but the filer sees `evidence-<n>.<ext>` (n from 1 in the
/// order of the submission), since a file name such as `张三的发票.jpg` would give them away.
pub fn shown_name(
    view: View,
    anonymous: bool,
    position: usize,
    name: &str,
    media: MediaType,
) -> String {
    if anonymous && view != View::Filer {
        format!("evidence-{}.{}", position + 1, media.extension())
    } else {
        name.to_owned()
    }
}

/// Who may upload evidence: a signed-in consumer, who files appeals, and members of
/// organisations, who send files in an order's dialogue (`crate::dialogue::may_share`: a
/// message carries only its author's own uploads). API clients have no upload of their own.
pub fn may_upload(actor: &Actor) -> Result<(), Denied> {
    match actor {
        Actor::Consumer { .. } | Actor::Member { .. } => Ok(()),
        Actor::Anonymous => Err(Denied::SignInRequired),
        Actor::Client { .. } => Err(Denied::Forbidden),
    }
}

/// What is wrong with one entry of a submission's list of attachments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SelectionProblem {
    /// Beyond the ninth.
    TooMany,
    /// The same attachment listed twice.
    Duplicate,
    /// Not an upload of the submitting account (or no such upload: one answer for both, so
    /// other people's ids cannot be probed).
    NotYours,
    /// Already part of another submission.
    AlreadyAttached,
}

/// The form checks on a submission's attachment ids: at most [`MAX_PER_SUBMISSION`], no id
/// twice. Answers each offending position.
pub fn check_selection(ids: &[i64]) -> Vec<(usize, SelectionProblem)> {
    let mut problems = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        if i >= MAX_PER_SUBMISSION {
            problems.push((i, SelectionProblem::TooMany));
        } else if ids[..i].contains(id) {
            problems.push((i, SelectionProblem::Duplicate));
        }
    }
    problems
}

/// An upload's state as stored, for checking a submission against it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UploadState {
    pub uploaded_by_caller: bool,
    pub attached: bool,
}

/// Whether a submitting account may attach an upload (`None` when it does not exist).
pub fn may_attach(upload: Option<UploadState>) -> Result<(), SelectionProblem> {
    match upload {
        Some(UploadState {
            uploaded_by_caller: true,
            attached: false,
        }) => Ok(()),
        Some(UploadState {
            uploaded_by_caller: true,
            attached: true,
        }) => Err(SelectionProblem::AlreadyAttached),
        _ => Err(SelectionProblem::NotYours),
    }
}

#[cfg(test)]
#[path = "evidence_tests.rs"]
mod tests;
