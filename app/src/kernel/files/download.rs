//! Stored files handed to staff: always as downloads.

use super::store::AttachmentRecord;
use crate::kernel::{AppContext, AppError};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// A stored file as staff open it.
pub struct StoredFile {
    pub name: String,
    pub media_type: String,
    pub bytes: Vec<u8>,
}

/// The `n`th (from 1) of `files`, read from the database; `None` when there is no such file, or
/// its bytes cannot be read (logged: a recorded file should always have them).
pub async fn read_nth(
    ctx: &AppContext,
    files: Vec<AttachmentRecord>,
    n: usize,
) -> Option<StoredFile> {
    let file = n.checked_sub(1).and_then(|i| files.into_iter().nth(i))?;
    match super::store::bytes_of(&ctx.pool, &file.token).await {
        Ok(Some(bytes)) => Some(StoredFile {
            name: file.original_name,
            media_type: file.media_type,
            bytes,
        }),
        Ok(None) => {
            tracing::error!(n, "a recorded attachment has no bytes");
            None
        }
        Err(e) => {
            tracing::error!(error = %e, n, "a recorded attachment cannot be read");
            None
        }
    }
}

/// A stored file as a download: never rendered by the portal's origin (attachment, sandboxed,
/// `nosniff` from the router), never cached.
pub fn file_response(found: Result<Option<StoredFile>, AppError>) -> Response {
    let file = match found {
        Ok(Some(file)) => file,
        Ok(None) => return (StatusCode::NOT_FOUND, "没有找到这份材料").into_response(),
        Err(e) => return (e.status(), "暂时无法读取，请稍后再试").into_response(),
    };
    // Saved under a name whose extension follows the sniffed kind, never the citizen's own.
    let name =
        match crate::domain::petition::attachment::FileKind::from_media_type(&file.media_type) {
            Some(kind) => crate::domain::petition::attachment::download_name(&file.name, kind),
            None => {
                tracing::error!(media_type = %file.media_type, "a stored file of no accepted kind");
                return (StatusCode::NOT_FOUND, "没有找到这份材料").into_response();
            }
        };
    let encoded = percent_encoding::utf8_percent_encode(&name, percent_encoding::NON_ALPHANUMERIC);
    let disposition = format!(
        "attachment; filename=\"file.{}\"; filename*=UTF-8''{encoded}",
        name.rsplit('.').next().unwrap_or("bin")
    );
    attachment(file.bytes, file.media_type, disposition)
}

/// Bytes as a download of `media_type` (`disposition` names the file), with the headers every
/// download has: never cached, never run as a page of the portal's origin.
pub fn attachment(bytes: impl IntoResponse, media_type: String, disposition: String) -> Response {
    use axum::http::{HeaderValue, header};
    let mut res = bytes.into_response();
    let headers = res.headers_mut();
    for (name, value) in [
        (header::CONTENT_TYPE, media_type),
        (header::CONTENT_DISPOSITION, disposition),
        (header::CACHE_CONTROL, "no-store".to_owned()),
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; sandbox".to_owned(),
        ),
    ] {
        if let Ok(value) = HeaderValue::from_str(&value) {
            headers.insert(name, value);
        }
    }
    res
}
