//! The integration API (PRODUCT.md "Integration API"): JSON under `/api/v1`, calling the same
//! service code as the pages. Field names and statuses are a contract: add, never rename.
//!
//! Errors are always `{"errors": [{"field", "code", "message"}]}`; bad input is never a 500.

use crate::domain::message::Msg;
use crate::domain::msg;
use crate::domain::prefs::Lang;
use crate::domain::text::FieldProblem;
use crate::kernel::AppError;
use crate::kernel::i18n::messages::in_script;
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

/// The problems of an API answer, kept with the response until the server's language layer
/// writes them in the caller's language ([`in_language`]).
#[derive(Clone, Debug)]
pub struct ApiErrors(pub Vec<FieldProblem>);

/// The error body of `problems` in `lang`.
fn error_body(problems: &[FieldProblem], lang: Lang) -> Vec<u8> {
    let errors = problems
        .iter()
        .map(|p| ApiProblem {
            field: p.field.clone(),
            code: p.code.clone(),
            message: in_script(lang, &p.message),
        })
        .collect();
    serde_json::to_vec(&ErrorBody { errors }).unwrap_or_default()
}

pub fn error(status: StatusCode, field: &str, code: &str, message: Msg) -> Response {
    errors(status, vec![FieldProblem::new(field, code, message)])
}

/// The API's answer with `problems`: written in Simplified Chinese here, and again in the
/// caller's language by the server's language layer.
pub(crate) fn errors(status: StatusCode, problems: Vec<FieldProblem>) -> Response {
    let body = error_body(&problems, Lang::Simplified);
    let mut res = (status, [(header::CONTENT_TYPE, "application/json")], body).into_response();
    res.extensions_mut().insert(ApiErrors(problems));
    res
}

/// Limits enforced by the server's outer layers (body size) answer in the API's error format too.
pub fn json_limits(res: Response, method: &str) -> Response {
    let is_json = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if is_json || !res.status().is_client_error() {
        return res;
    }
    // Answers made by the router (a method it does not route, a path parameter it cannot read)
    // or by a layer: in the API's format too.
    let status = res.status();
    let (code, message) = match status {
        StatusCode::PAYLOAD_TOO_LARGE => ("payload_too_large", msg!("api-too-large")),
        StatusCode::METHOD_NOT_ALLOWED => (
            "method_not_allowed",
            msg!("api-method-not-allowed", method = method.to_owned()),
        ),
        StatusCode::NOT_FOUND => ("not_found", msg!("api-no-such-endpoint")),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => {
            ("unsupported_media_type", msg!("api-unsupported-type"))
        }
        _ => ("bad_request", msg!("api-bad-request")),
    };
    let allow = res.headers().get(header::ALLOW).cloned();
    let mut answer = error(status, "", code, message);
    if let Some(allow) = allow {
        answer.headers_mut().insert(header::ALLOW, allow);
    }
    answer
}

/// An API answer in the caller's language (`Accept-Language`): the problems of an error are
/// written again in 繁體 or English. Field names and codes are never touched.
pub async fn in_language(mut res: Response, lang: Lang) -> Response {
    if !res.status().is_client_error() && !res.status().is_server_error() {
        return res;
    }
    res.headers_mut()
        .insert(header::VARY, HeaderValue::from_static("Accept-Language"));
    let Some(ApiErrors(problems)) = res.extensions_mut().remove::<ApiErrors>() else {
        return res;
    };
    if lang == Lang::Simplified {
        return res;
    }
    let (mut parts, _) = res.into_parts();
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.insert(
        header::CONTENT_LANGUAGE,
        HeaderValue::from_static(lang.tag()),
    );
    Response::from_parts(parts, axum::body::Body::from(error_body(&problems, lang)))
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
    message: Msg,
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
            msg!("api-not-json"),
        ));
    }
    let body = match body {
        Ok(b) => b,
        Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return Err(unreadable(
                StatusCode::PAYLOAD_TOO_LARGE,
                "",
                "payload_too_large",
                msg!("api-too-large"),
            ));
        }
        Err(_) => {
            return Err(unreadable(
                StatusCode::BAD_REQUEST,
                "",
                "unreadable_body",
                msg!("api-unreadable"),
            ));
        }
    };
    serde_json::from_slice(&body).map_err(|e| {
        if e.is_data() {
            unreadable(
                StatusCode::UNPROCESSABLE_ENTITY,
                "",
                "wrong_type",
                msg!("api-wrong-type", line = e.line(), column = e.column()),
            )
        } else {
            unreadable(
                StatusCode::BAD_REQUEST,
                "",
                "malformed_json",
                msg!("api-malformed", line = e.line(), column = e.column()),
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
                msg!("api-query-code-required"),
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
pub fn answer(e: AppError, unavailable: Msg) -> Response {
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
        Err(e) => answer(e, msg!("unavailable-lookup")),
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
