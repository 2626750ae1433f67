//! The integration API (PRODUCT.md "Integration API"): JSON under `/api/v1`, calling the same
//! service code as the pages. Field names and statuses are a contract: add, never rename.
//!
//! Errors are always `{"errors": [{"field", "code", "message"}]}`; bad input is never a 500.

use crate::domain::text::FieldProblem;
use crate::kernel::AppError;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

/// The header that carries the 查询码.
pub const QUERY_CODE_HEADER: &str = "x-query-code";

/// The error body of every failed call.
#[derive(Serialize, ToSchema)]
pub struct ErrorBody {
    pub errors: Vec<ApiProblem>,
}

/// One problem, as the API reports it.
#[derive(Serialize, ToSchema)]
pub struct ApiProblem {
    /// The field's path (`petitioner.id_number`), or empty for the request as a whole.
    pub field: String,
    /// Stable, for programs.
    pub code: String,
    /// For people, in the request's language.
    pub message: String,
}

impl From<FieldProblem> for ApiProblem {
    fn from(p: FieldProblem) -> Self {
        Self {
            field: p.field,
            code: p.code,
            message: p.message,
        }
    }
}

pub fn error(status: StatusCode, field: &str, code: &str, message: &str) -> Response {
    errors(status, vec![FieldProblem::new(field, code, message)])
}

pub(crate) fn errors(status: StatusCode, errors: Vec<FieldProblem>) -> Response {
    let errors = errors.into_iter().map(ApiProblem::from).collect();
    (status, axum::Json(ErrorBody { errors })).into_response()
}

/// Limits enforced by the server's outer layers (body size) answer in the API's error format too.
pub fn json_limits(res: Response) -> Response {
    let is_json = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if res.status() == StatusCode::PAYLOAD_TOO_LARGE && !is_json {
        return error(
            StatusCode::PAYLOAD_TOO_LARGE,
            "",
            "payload_too_large",
            "提交的内容太大，请删减后再试",
        );
    }
    res
}

/// Error messages are written in Simplified Chinese; a request whose `Accept-Language` prefers
/// Traditional script or English gets them converted (zhconv) or translated (the pages'
/// catalogue). Field names and codes are never touched.
pub async fn in_language(
    res: Response,
    lang: crate::domain::prefs::Lang,
    names: &crate::kernel::i18n::Names,
) -> Response {
    use crate::domain::prefs::Lang;
    if !res.status().is_client_error() {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    parts
        .headers
        .insert(header::VARY, HeaderValue::from_static("Accept-Language"));
    if lang == Lang::Simplified {
        return Response::from_parts(parts, body);
    }
    let Ok(bytes) = axum::body::to_bytes(body, 1024 * 1024).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let converted = serde_json::from_slice::<serde_json::Value>(&bytes)
        .ok()
        .and_then(|mut v| {
            for e in v.get_mut("errors")?.as_array_mut()? {
                if let Some(m) = e.get_mut("message")
                    && let Some(text) = m.as_str()
                {
                    *m = serde_json::Value::String(crate::kernel::i18n::translate(
                        lang, text, names,
                    ));
                }
            }
            serde_json::to_vec(&v).ok()
        });
    let body = converted.unwrap_or_else(|| bytes.to_vec());
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.insert(
        header::CONTENT_LANGUAGE,
        HeaderValue::from_static(lang.tag()),
    );
    Response::from_parts(parts, axum::body::Body::from(body))
}

fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("application/json"))
}

/// A request that cannot be read as it is (400, 413, 415, or 422 for a field of the wrong type).
fn unreadable(
    status: StatusCode,
    field: &'static str,
    code: &'static str,
    message: String,
) -> AppError {
    AppError::BadRequest {
        status,
        field,
        code,
        message,
    }
}

/// The JSON body of a request, or why it cannot be read: not JSON (415), too big (413),
/// malformed (400), a field of the wrong type (422).
pub(crate) fn read_json<T: serde::de::DeserializeOwned>(
    headers: &HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<T, AppError> {
    if !is_json(headers) {
        return Err(unreadable(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "",
            "unsupported_media_type",
            "请以 Content-Type: application/json 提交".to_owned(),
        ));
    }
    let body = match body {
        Ok(b) => b,
        Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return Err(unreadable(
                StatusCode::PAYLOAD_TOO_LARGE,
                "",
                "payload_too_large",
                "提交的内容太大，请删减后再试".to_owned(),
            ));
        }
        Err(_) => {
            return Err(unreadable(
                StatusCode::BAD_REQUEST,
                "",
                "unreadable_body",
                "无法读取提交的内容".to_owned(),
            ));
        }
    };
    serde_json::from_slice(&body).map_err(|e| {
        if e.is_data() {
            unreadable(
                StatusCode::UNPROCESSABLE_ENTITY,
                "",
                "wrong_type",
                format!(
                    "字段类型不对（第 {} 行第 {} 列）：每个字段都应是文字",
                    e.line(),
                    e.column()
                ),
            )
        } else {
            unreadable(
                StatusCode::BAD_REQUEST,
                "",
                "malformed_json",
                format!("JSON 格式有误（第 {} 行第 {} 列）", e.line(), e.column()),
            )
        }
    })
}

/// The 查询码 of a request, from its `X-Query-Code` header.
pub(crate) fn query_code(headers: &HeaderMap) -> Result<&str, AppError> {
    headers
        .get(QUERY_CODE_HEADER)
        .and_then(|v| v.to_str().ok())
        .ok_or_else(|| {
            unreadable(
                StatusCode::BAD_REQUEST,
                "X-Query-Code",
                "required",
                "请在 X-Query-Code 请求头中提供查询码".to_owned(),
            )
        })
}

/// The 查询码 header and the JSON body of a citizen's request on their case.
pub(crate) fn code_and_json<T: serde::de::DeserializeOwned>(
    headers: &HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<(&str, T), AppError> {
    Ok((query_code(headers)?, read_json(headers, body)?))
}

/// The API's answer to a failed call; `unavailable` says what could not be done now.
pub fn answer(e: AppError, unavailable: &str) -> Response {
    let mut res = errors(e.status(), e.problems("", unavailable));
    if let Some(wait) = e.retry_after() {
        res = crate::kernel::render::with_retry_after(res, wait);
    }
    res
}

/// The answer to a lookup by number + 查询码 (a petition's or a legal-aid application's): the
/// JSON, never cached; the same 404 for a wrong number or code; 429 when guessing was slowed.
pub(crate) fn lookup_response<T: Serialize>(result: Result<T, AppError>) -> Response {
    match result {
        Ok(found) => {
            let mut res = axum::Json(found).into_response();
            res.headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            res
        }
        Err(e) => answer(e, "暂时无法查询，请稍后再试"),
    }
}

/// For the tests of the documentation types: the properties the OpenAPI document gives `Doc`
/// are the fields `value` serialises to, so the document cannot drift from what is read.
#[cfg(test)]
pub fn same_fields<Doc: utoipa::ToSchema>(value: &impl serde::Serialize) {
    use utoipa::openapi::{RefOr, schema::Schema};
    let json = serde_json::to_value(value).expect("serialisable");
    let keys: std::collections::BTreeSet<String> = json
        .as_object()
        .expect("an object")
        .keys()
        .cloned()
        .collect();
    let RefOr::T(Schema::Object(object)) = Doc::schema() else {
        panic!("{} is not an object schema", Doc::name());
    };
    let documented: std::collections::BTreeSet<String> =
        object.properties.keys().cloned().collect();
    assert_eq!(
        documented,
        keys,
        "{} differs from what is read",
        Doc::name()
    );
}

/// For the tests of the documentation types: the values an enum's schema lists are `codes`.
#[cfg(test)]
pub fn same_codes<Doc: utoipa::ToSchema>(codes: &[&str]) {
    let json = serde_json::to_value(Doc::schema()).expect("serialisable");
    let listed: std::collections::BTreeSet<String> = json["enum"]
        .as_array()
        .unwrap_or_else(|| panic!("{} lists no values", Doc::name()))
        .iter()
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect();
    let wanted: std::collections::BTreeSet<String> =
        codes.iter().map(|c| (*c).to_owned()).collect();
    assert_eq!(listed, wanted, "{} lists other codes", Doc::name());
}
