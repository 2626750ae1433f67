//! `/api/v1/legal-aid`: applications from other channels, and their progress (法律援助法 第55条).

use crate::AppState;
use crate::api_v1::{
    ErrorBody, code_and_json, error, errors, lookup_response, not_found, query_code, read_json,
    too_many,
};
use app::domain::legal_aid::{AidReceipt, AidStatusView, LegalAidInput};
use app::legal_aid::{ApplyError, SupplyError};
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::net::SocketAddr;
use utoipa::ToSchema;

fn unavailable(e: impl std::fmt::Display, message: &str) -> Response {
    tracing::error!(error = %e, "legal-aid API: database error");
    error(StatusCode::SERVICE_UNAVAILABLE, "", "unavailable", message)
}

fn no_store(mut res: Response) -> Response {
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// Applies for legal aid. The number and 查询码 come back once; the agency decides within 7 days
/// (第43条), `decision_due`.
#[utoipa::path(
    post,
    path = "/api/v1/legal-aid",
    request_body = LegalAidInput,
    responses(
        (status = 201, description = "Stored; the receipt", body = AidReceipt),
        (status = 422, description = "Every problem, by field", body = ErrorBody),
        (status = 400, description = "Not JSON", body = ErrorBody),
        (status = 415, description = "Not application/json", body = ErrorBody),
    )
)]
pub async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let input: LegalAidInput = match read_json(&headers, body) {
        Ok(input) => input,
        Err(res) => return *res,
    };
    match app::legal_aid::apply(&state.ctx, &input, &[], "api", chrono::Utc::now()).await {
        Ok(receipt) => {
            let location = format!("/api/v1/legal-aid/{}", receipt.number);
            let mut res = (StatusCode::CREATED, axum::Json(receipt)).into_response();
            if let Ok(v) = HeaderValue::from_str(&location) {
                res.headers_mut().insert(header::LOCATION, v);
            }
            no_store(res)
        }
        Err(ApplyError::Invalid(problems)) => errors(StatusCode::UNPROCESSABLE_ENTITY, problems),
        Err(ApplyError::Store(e)) => unavailable(e, "暂时无法保存，请稍后再试；您的申请尚未提交"),
    }
}

/// The application's progress, by number and the 查询码 in `X-Query-Code`.
#[utoipa::path(
    get,
    path = "/api/v1/legal-aid/{number}",
    params(
        ("number" = String, Path, description = "e.g. FY202612010007"),
        ("X-Query-Code" = String, Header, description = "the 查询码"),
    ),
    responses(
        (status = 200, description = "The progress", body = AidStatusView),
        (status = 404, description = "Wrong number or wrong code (the same answer)", body = ErrorBody),
        (status = 429, description = "Too many failed attempts", body = ErrorBody),
    )
)]
pub async fn get(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path(number): Path<String>,
    headers: HeaderMap,
) -> Response {
    let code = match query_code(&headers) {
        Ok(c) => c,
        Err(res) => return *res,
    };
    lookup_response(app::legal_aid::lookup(&state.ctx, &number, code, &peer.ip().to_string()).await)
}

/// The body of `POST /api/v1/legal-aid/{number}/material`.
#[derive(serde::Deserialize, ToSchema)]
pub struct MaterialInput {
    /// The explanation, or what is supplied; papers handed in at the agency are recorded by its
    /// staff.
    #[serde(default)]
    pub explanation: String,
}

/// Answers the agency's request for material (第43条) within the time it gave.
#[utoipa::path(
    post,
    path = "/api/v1/legal-aid/{number}/material",
    request_body = MaterialInput,
    params(
        ("number" = String, Path, description = "e.g. FY202612010007"),
        ("X-Query-Code" = String, Header, description = "the 查询码"),
    ),
    responses(
        (status = 200, description = "Recorded; the progress", body = AidStatusView),
        (status = 404, description = "Wrong number or wrong code", body = ErrorBody),
        (status = 409, description = "Nothing is asked for now, or the time to answer has passed", body = ErrorBody),
        (status = 422, description = "The explanation is missing or too long", body = ErrorBody),
    )
)]
pub async fn supply(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path(number): Path<String>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let (code, input): (&str, MaterialInput) = match code_and_json(&headers, body) {
        Ok(x) => x,
        Err(res) => return *res,
    };
    let client = peer.ip().to_string();
    match app::legal_aid::supply_material(
        &state.ctx,
        &number,
        code,
        &client,
        &input.explanation,
        &[],
    )
    .await
    {
        Ok(view) => no_store(axum::Json(view).into_response()),
        Err(e) => supply_error(e),
    }
}

pub fn supply_error(e: SupplyError) -> Response {
    match e {
        SupplyError::NotFound => not_found(),
        SupplyError::TooManyAttempts(wait) => too_many(wait),
        SupplyError::NotAsked => error(
            StatusCode::CONFLICT,
            "",
            "not_asked",
            "现在没有需要补充的材料，或者补充期限已过（逾期视为撤回申请，《法律援助法》第四十三条）",
        ),
        SupplyError::Invalid(problems) => errors(StatusCode::UNPROCESSABLE_ENTITY, problems),
        SupplyError::Store(e) => unavailable(e, "暂时无法保存，请稍后再试"),
    }
}
