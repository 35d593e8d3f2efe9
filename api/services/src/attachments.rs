//! Evidence attachments: receiving an upload (streamed to a temporary file while it is hashed
//! and counted, typed by its content), storing it by content hash, listing and opening an
//! order's evidence for those allowed to see it, and pruning uploads nobody used.
//!
//! Files live under the configured directory at `<dir>/<ab>/<cd>/<sha256>` (the first two
//! byte pairs of the hash fan the files out over 65,536 directories); uploads in progress are
//! written to `<dir>/tmp/`, on the same file system, so that storing is a rename. Storing a
//! file and deleting it once unreferenced both hold the hash's advisory lock in PostgreSQL
//! (`weiquan_db::attachments::lock_file`), so they never interleave; a file is written and
//! flushed to disk (the file, then its directory) before the row naming it commits.
//!
//! The rules (which types, how many, names, who sees what) are the domain's
//! (`weiquan_domain::evidence`).

use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use diesel::{Connection, PgConnection};
use sha2::{Digest, Sha256};
use tokio::io::AsyncWriteExt;
use weiquan_db::DbError;
use weiquan_db::attachments::{self as db, AttachmentRow, NewAttachment};
use weiquan_domain::access::{Actor, Denied, UserId};
use weiquan_domain::evidence::{self, MediaType, SNIFF_LEN, SelectionProblem, UploadState};
use weiquan_domain::workflow::{AppealKind, View};

use crate::rate_limit::{Limit, RateLimiter, Verdict};
use crate::{Db, Deps, ServiceError};

#[derive(Debug, thiserror::Error)]
pub enum AttachmentError {
    #[error("not allowed: {0}")]
    Denied(Denied),
    /// Over the per-user upload limit.
    #[error("too many uploads")]
    Limited { retry_after: u64 },
    /// Larger than the configured maximum (the partial file is gone).
    #[error("larger than {max} bytes")]
    TooLarge { max: u64 },
    /// Not one of the accepted types, judged by content (this includes an empty file).
    #[error("unsupported type")]
    Unsupported,
    /// No such order or attachment for this caller.
    #[error("not found")]
    NotFound,
    #[error(transparent)]
    Service(#[from] ServiceError),
}

impl From<DbError> for AttachmentError {
    fn from(e: DbError) -> Self {
        Self::Service(e.into())
    }
}

fn io_error(what: &str, e: &io::Error) -> ServiceError {
    ServiceError::Internal(format!("attachment storage: {what}: {e}"))
}

fn db_io(what: &str, e: &io::Error) -> DbError {
    DbError::Other(format!("attachment storage: {what}: {e}"))
}

/// Where attachment files live, and how large one may be.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
    max_bytes: u64,
}

fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(b"0123456789abcdef"[usize::from(b >> 4)]));
        out.push(char::from(b"0123456789abcdef"[usize::from(b & 0x0f)]));
    }
    out
}

fn is_hash(sha256: &str) -> bool {
    sha256.len() == 64
        && sha256
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// Flushes a directory's entries (a rename or unlink in it) to disk.
fn sync_dir(dir: &Path) -> io::Result<()> {
    std::fs::File::open(dir)?.sync_all()
}

impl Store {
    pub fn new(dir: impl Into<PathBuf>, max_bytes: u64) -> Self {
        Self {
            dir: dir.into(),
            max_bytes,
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn max_bytes(&self) -> u64 {
        self.max_bytes
    }

    fn temp_dir(&self) -> PathBuf {
        self.dir.join("tmp")
    }

    /// The path of the file with this hash (`None` for anything that is not a hash, so no
    /// stored value can name a path outside the directory).
    pub fn path_of(&self, sha256: &str) -> Option<PathBuf> {
        is_hash(sha256).then(|| {
            self.dir
                .join(&sha256[0..2])
                .join(&sha256[2..4])
                .join(sha256)
        })
    }

    /// Starts receiving an upload into a new temporary file.
    pub async fn begin(&self) -> Result<Upload, ServiceError> {
        let temp_dir = self.temp_dir();
        tokio::fs::create_dir_all(&temp_dir)
            .await
            .map_err(|e| io_error("creating the temporary directory", &e))?;
        let name = crate::random::token(18)?;
        let path = temp_dir.join(format!("{name}.part"));
        let file = tokio::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .await
            .map_err(|e| io_error("creating a temporary file", &e))?;
        Ok(Upload {
            file: Some(file),
            temp: TempFile(path),
            hasher: Sha256::new(),
            size: 0,
            head: Vec::with_capacity(SNIFF_LEN),
            max_bytes: self.max_bytes,
        })
    }
}

/// A temporary file that is deleted when dropped, unless it was renamed away first.
#[derive(Debug)]
struct TempFile(PathBuf);

impl Drop for TempFile {
    fn drop(&mut self) {
        match std::fs::remove_file(&self.0) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => log::warn!("could not delete {}: {e}", self.0.display()),
        }
    }
}

/// An upload being received. Dropping it (an error, a broken connection) deletes what was
/// written.
#[derive(Debug)]
pub struct Upload {
    file: Option<tokio::fs::File>,
    temp: TempFile,
    hasher: Sha256,
    size: u64,
    head: Vec<u8>,
    max_bytes: u64,
}

impl Upload {
    /// Appends a chunk; past the maximum size the partial file is deleted at once and the
    /// upload refused.
    pub async fn write(&mut self, chunk: &[u8]) -> Result<(), AttachmentError> {
        self.size += chunk.len() as u64;
        if self.size > self.max_bytes {
            self.file = None;
            if let Err(e) = tokio::fs::remove_file(&self.temp.0).await {
                log::warn!("could not delete {}: {e}", self.temp.0.display());
            }
            return Err(AttachmentError::TooLarge {
                max: self.max_bytes,
            });
        }
        if self.head.len() < SNIFF_LEN {
            let take = (SNIFF_LEN - self.head.len()).min(chunk.len());
            self.head.extend_from_slice(&chunk[..take]);
        }
        self.hasher.update(chunk);
        let Some(file) = self.file.as_mut() else {
            return Err(ServiceError::Internal("upload already closed".into()).into());
        };
        file.write_all(chunk)
            .await
            .map_err(|e| io_error("writing", &e))?;
        Ok(())
    }

    pub fn size(&self) -> u64 {
        self.size
    }
}

/// An upload as stored (and as the uploader sees it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    pub id: i64,
    pub file_name: String,
    pub media_type: MediaType,
    pub size_bytes: i64,
}

/// The per-user upload limit, checked (and counted) before the body is read; also refuses
/// callers who may not upload at all.
pub async fn admit(
    limiter: &RateLimiter,
    limit: Limit,
    actor: &Actor,
) -> Result<(), AttachmentError> {
    evidence::may_upload(actor).map_err(AttachmentError::Denied)?;
    let subject = actor.user().map(|u| u.0.to_string()).unwrap_or_default();
    if let Verdict::Limited { retry_after } =
        limiter.hit("attachment-upload", &subject, limit).await?
    {
        return Err(AttachmentError::Limited { retry_after });
    }
    Ok(())
}

/// Keeps a received upload: types it by content, moves it to its place by hash (or drops it
/// when that content is already stored) and records it for `actor`, in one transaction.
pub async fn store(
    deps: &Deps,
    store: &Store,
    actor: &Actor,
    mut upload: Upload,
    sent_name: &str,
) -> Result<Evidence, AttachmentError> {
    evidence::may_upload(actor).map_err(AttachmentError::Denied)?;
    let user = actor
        .user()
        .ok_or(AttachmentError::Denied(Denied::Forbidden))?;
    let media = MediaType::sniff(&upload.head).ok_or(AttachmentError::Unsupported)?;
    if let Some(mut file) = upload.file.take() {
        file.flush().await.map_err(|e| io_error("flushing", &e))?;
        file.sync_all().await.map_err(|e| io_error("syncing", &e))?;
    }
    let sha256 = hex(&upload.hasher.finalize_reset());
    let size_bytes = i64::try_from(upload.size)
        .map_err(|_| ServiceError::Internal("upload size out of range".into()))?;
    let file_name = evidence::display_name(sent_name, media);
    let target = store
        .path_of(&sha256)
        .ok_or_else(|| ServiceError::Internal("bad hash".into()))?;
    let temp = upload.temp;
    let row = deps
        .db
        .run(move |conn| {
            conn.transaction(|conn| -> Result<AttachmentRow, DbError> {
                db::lock_file(conn, &sha256)?;
                let row = db::insert(
                    conn,
                    &NewAttachment {
                        sha256: &sha256,
                        media_type: media.mime(),
                        size_bytes,
                        file_name: &file_name,
                        uploaded_by: user.0,
                    },
                )?;
                place(&temp.0, &target)?;
                Ok(row)
            })
        })
        .await?;
    Ok(Evidence {
        id: row.id,
        file_name: row.file_name,
        media_type: media,
        size_bytes: row.size_bytes,
    })
}

/// Moves a complete temporary file to `target`, durably; when `target` exists (the same
/// content, stored before) the temporary file is left for its guard to delete.
fn place(temp: &Path, target: &Path) -> Result<(), DbError> {
    if target.exists() {
        return Ok(());
    }
    let parent = target
        .parent()
        .ok_or_else(|| DbError::Other("attachment path without a directory".into()))?;
    std::fs::create_dir_all(parent).map_err(|e| db_io("creating a directory", &e))?;
    std::fs::rename(temp, target).map_err(|e| db_io("renaming", &e))?;
    sync_dir(parent).map_err(|e| db_io("syncing a directory", &e))?;
    Ok(())
}

/// The state of each selected upload for `user` (in the caller's transaction, locked), or
/// the problem per position. Form checks (count, duplicates) come first.
pub(crate) fn check_selection(
    conn: &mut PgConnection,
    user: UserId,
    ids: &[i64],
) -> Result<Vec<(usize, SelectionProblem)>, DbError> {
    let form = evidence::check_selection(ids);
    if !form.is_empty() {
        return Ok(form);
    }
    let rows = db::lock_many(conn, ids)?;
    Ok(ids
        .iter()
        .enumerate()
        .filter_map(|(i, id)| {
            let state = rows.iter().find(|r| r.id == *id).map(|r| UploadState {
                uploaded_by_caller: r.uploaded_by == user.0,
                attached: r.attached_at.is_some(),
            });
            evidence::may_attach(state).err().map(|p| (i, p))
        })
        .collect())
}

fn evidence_of(row: &AttachmentRow, position: i16, view: View, anonymous: bool) -> Evidence {
    let media = MediaType::from_mime(&row.media_type).unwrap_or(MediaType::Pdf);
    Evidence {
        id: row.id,
        file_name: evidence::shown_name(
            view,
            anonymous,
            usize::try_from(position).unwrap_or_default(),
            &row.file_name,
            media,
        ),
        media_type: media,
        size_bytes: row.size_bytes,
    }
}

/// An order's evidence as a caller with `view` sees it (empty when the domain shows them
/// none).
pub(crate) fn listed(
    conn: &mut PgConnection,
    order_id: i64,
    kind: AppealKind,
    anonymous: bool,
    view: View,
) -> Result<Vec<Evidence>, DbError> {
    if !evidence::evidence_visible(view, kind) {
        return Ok(Vec::new());
    }
    Ok(db::of_order(conn, order_id)?
        .iter()
        .map(|(row, position)| evidence_of(row, *position, view, anonymous))
        .collect())
}

/// A file ready to send.
#[derive(Debug, Clone)]
pub struct Download {
    pub path: PathBuf,
    pub evidence: Evidence,
}

/// One attachment of one order, for a caller who may see the order and its evidence;
/// `NotFound` for everyone else (and for an attachment that is not on that order).
pub async fn open(
    deps: &Deps,
    store: &Store,
    actor: &Actor,
    order_id: i64,
    attachment_id: i64,
) -> Result<Download, AttachmentError> {
    if matches!(actor, Actor::Anonymous) {
        return Err(AttachmentError::Denied(Denied::SignInRequired));
    }
    let loaded = deps
        .db
        .run(move |conn| crate::orders::load(conn, order_id))
        .await?
        .ok_or(AttachmentError::NotFound)?;
    let view = match crate::orders::visible(actor, &loaded) {
        Ok(view) => view,
        Err(crate::orders::OrderError::Denied(d)) => return Err(AttachmentError::Denied(d)),
        Err(_) => return Err(AttachmentError::NotFound),
    };
    let kind = loaded.order.kind;
    if !evidence::evidence_visible(view, kind) {
        return Err(AttachmentError::NotFound);
    }
    let anonymous = crate::orders::is_anonymous(&loaded);
    let (row, position) = deps
        .db
        .run(move |conn| db::on_order(conn, order_id, attachment_id))
        .await?
        .ok_or(AttachmentError::NotFound)?;
    let path = store
        .path_of(&row.sha256)
        .ok_or_else(|| ServiceError::Internal(format!("attachment {} bad hash", row.id)))?;
    Ok(Download {
        path,
        evidence: evidence_of(&row, position, view, anonymous),
    })
}

/// What one pruning run removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pruned {
    /// Upload rows deleted.
    pub uploads: usize,
    /// Stored files deleted (no row named them any more).
    pub files: usize,
    /// Abandoned temporary files deleted.
    pub partial: usize,
}

/// Deletes uploads no submission attached within the domain's lifetime (24 hours) before
/// `now`, then each of their files that no upload names any more, then temporary files of
/// uploads abandoned before the same cutoff.
pub async fn prune(db: &Db, store: &Store, now: DateTime<Utc>) -> Result<Pruned, ServiceError> {
    let cutoff = now - chrono::Duration::hours(evidence::UNATTACHED_LIFETIME_HOURS);
    let hashes = db
        .run(move |conn| db::delete_unattached(conn, cutoff))
        .await?;
    let mut pruned = Pruned {
        uploads: hashes.len(),
        ..Pruned::default()
    };
    for sha256 in hashes {
        let Some(path) = store.path_of(&sha256) else {
            continue;
        };
        let deleted = db
            .run(move |conn| {
                conn.transaction(|conn| -> Result<bool, DbError> {
                    db::lock_file(conn, &sha256)?;
                    if db::referenced(conn, &sha256)? {
                        return Ok(false);
                    }
                    match std::fs::remove_file(&path) {
                        Ok(()) => Ok(true),
                        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
                        Err(e) => Err(db_io("deleting", &e)),
                    }
                })
            })
            .await?;
        pruned.files += usize::from(deleted);
    }
    pruned.partial = prune_partial(
        &store.temp_dir(),
        Duration::from_secs(
            u64::try_from(evidence::UNATTACHED_LIFETIME_HOURS).unwrap_or(24) * 3600,
        ),
    )
    .await?;
    Ok(pruned)
}

/// Deletes temporary files older than `age` (an upload interrupted by a crash).
async fn prune_partial(dir: &Path, age: Duration) -> Result<usize, ServiceError> {
    let mut entries = match tokio::fs::read_dir(dir).await {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(io_error("listing temporary files", &e)),
    };
    let mut deleted = 0;
    while let Some(entry) = entries
        .next_entry()
        .await
        .map_err(|e| io_error("listing temporary files", &e))?
    {
        let old = entry
            .metadata()
            .await
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|elapsed| elapsed > age);
        if old && tokio::fs::remove_file(entry.path()).await.is_ok() {
            deleted += 1;
        }
    }
    Ok(deleted)
}
