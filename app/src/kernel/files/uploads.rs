//! Storing uploaded files: under `<data dir>/attachments/`, outside the web root, named by a
//! random token (never by what the citizen called them), synced to disk before they are recorded,
//! and never served back as web content.

use crate::domain::petition::attachment::MAX_ATTACHMENT_BYTES;
use crate::domain::petition::attachment::{FileKind, display_name};
use crate::kernel::context::AppContext;
use crate::kernel::store::StoreError;
use argon2::password_hash::rand_core::{OsRng, RngCore};
use std::path::Path;

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

/// Checks and keeps one uploaded file. `size` is the whole size when the caller stopped reading
/// a file that was already too big.
pub async fn store_file(
    ctx: &AppContext,
    original_name: &str,
    bytes: &[u8],
    size: u64,
    uploaded_at: &str,
) -> Result<Stored, UploadError> {
    let name = display_name(original_name);
    if size == 0 {
        return Err(UploadError::Empty { name });
    }
    if size > MAX_ATTACHMENT_BYTES as u64 {
        return Err(UploadError::TooBig { name });
    }
    let kind =
        FileKind::sniff(bytes).ok_or_else(|| UploadError::WrongKind { name: name.clone() })?;
    let token = new_token();
    write_durably(&ctx.attachments_dir, &token, bytes).await?;
    crate::kernel::files::store::insert(
        &ctx.pool,
        &token,
        &name,
        kind.media_type(),
        size,
        uploaded_at,
    )
    .await?;
    Ok(Stored {
        token,
        name,
        kind,
        size,
    })
}

/// Writes `<dir>/<token>` through a temporary name, syncing the file and the folder, so that a
/// crash leaves either the whole file or none.
async fn write_durably(dir: &Path, token: &str, bytes: &[u8]) -> std::io::Result<()> {
    use tokio::io::AsyncWriteExt;
    if !tokio::fs::try_exists(dir).await? {
        let dir = dir.to_owned();
        tokio::task::spawn_blocking(move || super::private_dir(&dir)).await??;
    }
    let part = dir.join(format!("{token}.part"));
    let mut file = tokio::fs::OpenOptions::from(super::private_file())
        .open(&part)
        .await?;
    file.write_all(bytes).await?;
    file.sync_all().await?;
    drop(file);
    tokio::fs::rename(&part, dir.join(token)).await?;
    tokio::fs::File::open(dir).await?.sync_all().await?;
    Ok(())
}

/// Forgets an upload that no petition took (删除 on the attachments page).
pub async fn remove(ctx: &AppContext, token: &str) -> Result<(), UploadError> {
    if crate::domain::petition::attachment::is_token(token)
        && crate::kernel::files::store::delete_unlinked(&ctx.pool, token).await?
    {
        match tokio::fs::remove_file(ctx.attachments_dir.join(token)).await {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
}

/// How long an upload may wait for its petition: a draft is kept in the browser, and a day is
/// more than anyone needs to finish the form.
pub const UNSENT_UPLOAD_LIFETIME: chrono::Duration = chrono::Duration::hours(24);

/// Deletes uploads whose petition was never sent, older than [`UNSENT_UPLOAD_LIFETIME`]; returns
/// how many. The server runs it hourly.
pub async fn sweep_unsent(ctx: &AppContext) -> Result<usize, UploadError> {
    let cutoff = crate::kernel::Now(ctx.now().utc() - UNSENT_UPLOAD_LIFETIME).stamp();
    let tokens = crate::kernel::files::store::unlinked_before(&ctx.pool, &cutoff).await?;
    for token in &tokens {
        remove(ctx, token).await?;
    }
    Ok(tokens.len())
}
