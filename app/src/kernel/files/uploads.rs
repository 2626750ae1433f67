//! Storing uploaded files: under `<data dir>/attachments/`, outside the web root, named by a
//! random token (never by what the citizen called them), synced to disk before they are recorded,
//! and never served back as web content.

use crate::domain::petition::attachment::MAX_ATTACHMENT_BYTES;
use crate::domain::petition::attachment::{FileKind, display_name};
use crate::kernel::context::AppContext;
use crate::kernel::store::StoreError;
use argon2::password_hash::rand_core::{OsRng, RngCore};
use std::path::{Path, PathBuf};

/// A file that was kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stored {
    pub token: String,
    pub name: String,
    pub kind: FileKind,
    pub size: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum UploadError {
    #[error("file too big")]
    TooBig { name: String },
    #[error("not an accepted kind of file")]
    WrongKind { name: String },
    #[error("empty file")]
    Empty { name: String },
    /// This client has as many unsent files waiting as it may.
    #[error("the client's quota of unsent files is used")]
    ClientQuota { name: String, mb: u64 },
    /// Unsent files from everyone fill the room set aside for them.
    #[error("the room for unsent files is full")]
    TotalQuota { name: String },
    #[error("cannot write the file: {0}")]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl UploadError {
    /// What to tell the citizen; `None` for faults of ours.
    pub fn message(&self) -> Option<crate::domain::message::Msg> {
        use crate::domain::msg;
        match self {
            Self::TooBig { name } => Some(msg!("upload-too-big", name = name)),
            Self::WrongKind { name } => Some(msg!("upload-wrong-kind", name = name)),
            Self::Empty { name } => Some(msg!("upload-empty", name = name)),
            Self::ClientQuota { name, mb } => {
                Some(msg!("upload-client-quota", name = name, mb = *mb))
            }
            Self::TotalQuota { name } => Some(msg!("upload-total-quota", name = name)),
            Self::Io(_) | Self::Store(_) => None,
        }
    }
}

/// 128 random bits as 32 hex digits.
pub fn new_token() -> String {
    let mut bytes = [0u8; 16];
    OsRng.fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A file being received: written to `<attachments>/<token>.part` as it arrives (never held in
/// memory), at most [`MAX_ATTACHMENT_BYTES`] of it; counted to its end beyond that, so that the
/// citizen is told its real size. Removed when dropped unless it was kept.
pub struct Incoming {
    pub name: String,
    token: String,
    part: PathBuf,
    file: Option<tokio::fs::File>,
    head: Vec<u8>,
    size: u64,
    written: u64,
}

impl Incoming {
    /// Starts receiving a file the citizen called `name` into `dir`.
    pub async fn start(dir: &Path, name: &str) -> std::io::Result<Self> {
        if !tokio::fs::try_exists(dir).await? {
            let dir = dir.to_owned();
            tokio::task::spawn_blocking(move || super::private_dir(&dir)).await??;
        }
        let token = new_token();
        let part = dir.join(format!("{token}.part"));
        let file = tokio::fs::OpenOptions::from(super::private_file())
            .open(&part)
            .await?;
        Ok(Self {
            name: name.to_owned(),
            token,
            part,
            file: Some(file),
            head: Vec::new(),
            size: 0,
            written: 0,
        })
    }

    /// Takes the next piece of the file.
    pub async fn write(&mut self, chunk: &[u8]) -> std::io::Result<()> {
        use tokio::io::AsyncWriteExt;
        self.size += chunk.len() as u64;
        if self.head.len() < 16 {
            let more = (16 - self.head.len()).min(chunk.len());
            self.head.extend_from_slice(&chunk[..more]);
        }
        if self.written + chunk.len() as u64 <= MAX_ATTACHMENT_BYTES as u64 {
            if let Some(file) = self.file.as_mut() {
                file.write_all(chunk).await?;
            }
            self.written += chunk.len() as u64;
        } else if self.file.take().is_some() {
            // Too big: nothing more is written, and what was is removed at once.
            let _ = tokio::fs::remove_file(&self.part).await;
        }
        Ok(())
    }

    /// The whole size received.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// Whether the file may be kept at all: not empty, not too big, and by its content a JPEG,
    /// a PNG or a PDF.
    pub fn judge(&self) -> Result<FileKind, UploadError> {
        let name = display_name(&self.name);
        if self.size == 0 {
            return Err(UploadError::Empty { name });
        }
        if self.size > MAX_ATTACHMENT_BYTES as u64 {
            return Err(UploadError::TooBig { name });
        }
        FileKind::sniff(&self.head).ok_or(UploadError::WrongKind { name })
    }
}

impl Drop for Incoming {
    fn drop(&mut self) {
        if !self.token.is_empty() {
            // Not kept: a small unlink, done here rather than leaving the file to the sweeper.
            let _ = std::fs::remove_file(&self.part);
        }
    }
}

/// Judges and keeps a received file from `client` (its address, as throttles count it): its
/// size, its kind by content, and the quotas of unsent files (`[limits]`).
pub async fn store_file(
    ctx: &AppContext,
    mut incoming: Incoming,
    client: &str,
    uploaded_at: &str,
) -> Result<Stored, UploadError> {
    let kind = incoming.judge()?;
    let name = display_name(&incoming.name);
    let limits = &ctx.config.limits;
    let mb = 1024 * 1024;
    // Quota checks and the record are made one upload at a time, so that two files of one
    // client cannot both fit into the room left for one.
    let _turn = ctx.upload_slots.quota_turn.lock().await;
    let (mine, everyone) = crate::kernel::files::store::unsent_bytes(&ctx.pool, client).await?;
    if mine + incoming.size > limits.unsent_upload_mb_per_client * mb {
        return Err(UploadError::ClientQuota {
            name,
            mb: limits.unsent_upload_mb_per_client,
        });
    }
    if everyone + incoming.size > limits.unsent_upload_mb_total * mb {
        tracing::warn!("the room for unsent uploads is full");
        return Err(UploadError::TotalQuota { name });
    }
    // The record and every piece of the file in one transaction: the file is durable with the
    // commit that records it, and readable by every server.
    if let Some(mut file) = incoming.file.take() {
        use tokio::io::AsyncWriteExt as _;
        file.flush().await?;
    }
    let token = incoming.token.clone();
    let mut write = crate::kernel::store::begin_write(&ctx.pool).await?;
    crate::kernel::files::store::insert(
        &mut write.tx,
        &token,
        &name,
        kind.media_type(),
        incoming.size,
        uploaded_at,
        client,
    )
    .await?;
    copy_into(&mut write.tx, &token, &incoming.part).await?;
    write.tx.commit().await.map_err(StoreError::from)?;
    // The spooled copy goes when `incoming` is dropped.
    Ok(Stored {
        token,
        name,
        kind,
        size: incoming.size,
    })
}

/// Copies the file at `path` into the database as the bytes of `token`, a piece at a time.
async fn copy_into(
    tx: &mut crate::kernel::store::Tx,
    token: &str,
    path: &Path,
) -> Result<(), UploadError> {
    use tokio::io::AsyncReadExt as _;
    let mut file = tokio::fs::File::open(path).await?;
    let mut piece = vec![0u8; crate::kernel::files::store::CHUNK_BYTES];
    let mut seq = 0;
    loop {
        let mut filled = 0;
        while filled < piece.len() {
            match file.read(&mut piece[filled..]).await? {
                0 => break,
                n => filled += n,
            }
        }
        if filled == 0 && seq > 0 {
            return Ok(());
        }
        crate::kernel::files::store::insert_chunk(tx, token, seq, &piece[..filled]).await?;
        if filled < piece.len() {
            return Ok(());
        }
        seq += 1;
    }
}

/// Moves files that earlier versions kept in `dir` (the data dir's `attachments`, one file per
/// token) into the database, each in a transaction of its own, deleting the file once its
/// commit is done; returns how many moved. Run at start; files of no record stay where they
/// are, and a record whose file is nowhere is logged.
pub async fn adopt_files(
    pool: &crate::kernel::store::Pool,
    dir: &Path,
) -> Result<usize, UploadError> {
    let mut moved = 0;
    for token in crate::kernel::files::store::without_bytes(pool).await? {
        let path = dir.join(&token);
        if !crate::domain::petition::attachment::is_token(&token)
            || !tokio::fs::try_exists(&path).await?
        {
            tracing::error!(token = %token, "a recorded attachment has no bytes anywhere");
            continue;
        }
        let mut write = crate::kernel::store::begin_write(pool).await?;
        copy_into(&mut write.tx, &token, &path).await?;
        write.tx.commit().await.map_err(StoreError::from)?;
        tokio::fs::remove_file(&path).await?;
        moved += 1;
    }
    Ok(moved)
}

/// Forgets an upload that no petition took (删除 on the attachments page).
pub async fn remove(ctx: &AppContext, token: &str) -> Result<(), UploadError> {
    if crate::domain::petition::attachment::is_token(token) {
        crate::kernel::files::store::delete_unlinked(&ctx.pool, token).await?;
    }
    Ok(())
}

/// How long an upload may wait for its petition: a draft is kept in the browser, and a day is
/// more than anyone needs to finish the form.
pub const UNSENT_UPLOAD_LIFETIME: chrono::Duration = chrono::Duration::hours(24);

/// Deletes uploads whose petition was never sent, older than [`UNSENT_UPLOAD_LIFETIME`]; returns
/// how many, as of `now` (one hourly run measures everything from the one instant it began).
/// The server runs it hourly.
pub async fn sweep_unsent(
    ctx: &AppContext,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<usize, UploadError> {
    let cutoff = crate::kernel::Now(now - UNSENT_UPLOAD_LIFETIME).stamp();
    let tokens = crate::kernel::files::store::unlinked_before(&ctx.pool, &cutoff).await?;
    for token in &tokens {
        remove(ctx, token).await?;
    }
    // Files a crash interrupted while they arrived (`<token>.part`), an hour on.
    if let Ok(mut dir) = tokio::fs::read_dir(&ctx.attachments_dir).await {
        while let Ok(Some(entry)) = dir.next_entry().await {
            let stale = entry
                .metadata()
                .await
                .ok()
                .and_then(|m| m.modified().ok())
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age > std::time::Duration::from_secs(3600));
            if stale && entry.file_name().to_string_lossy().ends_with(".part") {
                let _ = tokio::fs::remove_file(entry.path()).await;
            }
        }
    }
    Ok(tokens.len())
}

/// Upload posts read at once: `[limits] concurrent_uploads` in all, and at most
/// [`UploadSlots::PER_CLIENT`] from one client, so that a few slow posts from one place cannot
/// hold every slot.
#[derive(Debug)]
pub struct UploadSlots {
    all: tokio::sync::Semaphore,
    by_client: std::sync::Mutex<std::collections::HashMap<String, u32>>,
    /// One quota check and record at a time.
    quota_turn: tokio::sync::Mutex<()>,
}

/// A slot held while one upload post is read.
pub struct UploadSlot<'a> {
    slots: &'a UploadSlots,
    client: String,
    _permit: tokio::sync::SemaphorePermit<'a>,
}

impl UploadSlots {
    pub const PER_CLIENT: u32 = 2;
    /// How long a post may wait for a slot.
    pub const WAIT: std::time::Duration = std::time::Duration::from_secs(30);
    /// How long reading one upload post may take: 100 MB at 3 Mbit/s, a slow phone.
    pub const READ: std::time::Duration = std::time::Duration::from_secs(300);

    pub fn new(concurrent: u32) -> Self {
        Self {
            all: tokio::sync::Semaphore::new(concurrent.max(1) as usize),
            by_client: Default::default(),
            quota_turn: tokio::sync::Mutex::new(()),
        }
    }

    /// A slot for `client`, waiting up to [`Self::WAIT`]; `None` when none came free or the
    /// client holds its share already.
    pub async fn enter(&self, client: &str) -> Option<UploadSlot<'_>> {
        {
            let mut by_client = self.by_client.lock().unwrap_or_else(|p| p.into_inner());
            let held = by_client.entry(client.to_owned()).or_default();
            if *held >= Self::PER_CLIENT {
                return None;
            }
            *held += 1;
        }
        let permit = tokio::time::timeout(Self::WAIT, self.all.acquire()).await;
        match permit {
            Ok(Ok(permit)) => Some(UploadSlot {
                slots: self,
                client: client.to_owned(),
                _permit: permit,
            }),
            _ => {
                self.leave(client);
                None
            }
        }
    }

    fn leave(&self, client: &str) {
        let mut by_client = self.by_client.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(held) = by_client.get_mut(client) {
            *held = held.saturating_sub(1);
            if *held == 0 {
                by_client.remove(client);
            }
        }
    }
}

impl Drop for UploadSlot<'_> {
    fn drop(&mut self) {
        self.slots.leave(&self.client);
    }
}

#[cfg(test)]
mod tests {
    use super::UploadSlots;

    #[tokio::test]
    async fn one_client_holds_at_most_its_share_of_the_upload_slots() {
        let slots = UploadSlots::new(8);
        let a = slots.enter("203.0.113.1").await.unwrap();
        let _b = slots.enter("203.0.113.1").await.unwrap();
        assert!(
            slots.enter("203.0.113.1").await.is_none(),
            "a third from one client"
        );
        let _c = slots.enter("198.51.100.2").await.unwrap();
        drop(a);
        assert!(slots.enter("203.0.113.1").await.is_some(), "given back");
    }
}
