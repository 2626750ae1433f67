//! Stored files handed to staff: always as downloads.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// A stored file as a download: never rendered by the portal's origin (attachment, sandboxed,
/// `nosniff` from the router), never cached.
pub fn file_response(
    found: Result<
        Option<crate::features::cases::service::CaseFile>,
        crate::kernel::store::StoreError,
    >,
) -> Response {
    use axum::http::{HeaderValue, header};
    let file = match found {
        Ok(Some(file)) => file,
        Ok(None) => return (StatusCode::NOT_FOUND, "没有找到这份材料").into_response(),
        Err(e) => {
            tracing::error!(error = %e, "cannot read a stored file");
            return (StatusCode::SERVICE_UNAVAILABLE, "暂时无法读取，请稍后再试").into_response();
        }
    };
    let encoded =
        percent_encoding::utf8_percent_encode(&file.name, percent_encoding::NON_ALPHANUMERIC);
    let disposition = format!("attachment; filename=\"file\"; filename*=UTF-8''{encoded}");
    let mut res = file.bytes.into_response();
    let headers = res.headers_mut();
    for (name, value) in [
        (header::CONTENT_TYPE, file.media_type),
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
