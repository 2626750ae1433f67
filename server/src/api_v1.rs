//! The integration API (PRODUCT.md "Integration API"): JSON under `/api/v1`, calling the same
//! service code as the pages. Field names and statuses are a contract: add, never rename.
//!
//! Errors are always `{"errors": [{"field", "code", "message"}]}`; bad input is never a 500.

use crate::AppState;
use app::domain::petition::{FieldProblem, PetitionInput, PetitionerInput};
use app::domain::petition_view::{
    AfterReplyOptions, Due, PetitionStatus, Receipt, Reply, RunningDue, TimelineEntry,
};
use app::petitions::{self, LookupError, SubmitError};
use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Serialize;
use std::net::SocketAddr;
use utoipa::{OpenApi, ToSchema};

/// The header that carries the 查询码.
pub const QUERY_CODE_HEADER: &str = "x-query-code";

#[derive(OpenApi)]
#[openapi(
    info(
        title = "信访 self-service portal — integration API",
        version = "1",
        description = "Submit petitions and look up their status from other channels (hotline \
                       systems, mini-programs). The 查询码 travels in the X-Query-Code header; a \
                       wrong number and a wrong code give the same 404. Errors are \
                       {\"errors\": [{\"field\", \"code\", \"message\"}]}."
    ),
    paths(
        create_petition,
        get_petition,
        evaluate,
        request_review,
        stats,
        crate::api_library::list_articles,
        crate::api_library::get_article,
        crate::api_legal_aid::create,
        crate::api_legal_aid::get,
        crate::api_legal_aid::supply
    ),
    components(schemas(
        PetitionInput,
        PetitionerInput,
        Receipt,
        Due,
        PetitionStatus,
        TimelineEntry,
        Reply,
        AfterReplyOptions,
        RunningDue,
        ErrorBody,
        FieldProblem,
        EvaluationInput,
        ReviewRequestInput,
        ReviewRequested,
        app::domain::stats_view::MonthStats,
        app::domain::stats_view::UnitStats,
        app::domain::kpi::Figures,
        app::domain::kpi::Board,
        crate::api_library::ArticleList,
        crate::api_library::Article,
        crate::api_library::StatuteArticle,
        app::domain::library::DocSummary,
        app::domain::library::DocKind,
        app::domain::library::Hit,
        app::domain::library::SnippetPart,
        app::domain::legal_aid::LegalAidInput,
        app::domain::legal_aid::AgentInput,
        app::domain::legal_aid::AidReceipt,
        app::domain::legal_aid::AidStatusView,
        app::domain::legal_aid::AidStatus,
        app::domain::legal_aid::Matter,
        crate::api_legal_aid::MaterialInput
    ))
)]
pub struct ApiDoc;

/// The error body of every failed call.
#[derive(Serialize, ToSchema)]
pub struct ErrorBody {
    pub errors: Vec<FieldProblem>,
}

pub fn error(status: StatusCode, field: &str, code: &str, message: &str) -> Response {
    errors(status, vec![FieldProblem::new(field, code, message)])
}

pub(crate) fn errors(status: StatusCode, errors: Vec<FieldProblem>) -> Response {
    (status, axum::Json(ErrorBody { errors })).into_response()
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/petitions", post(create_petition))
        .route("/petitions/{number}", get(get_petition))
        .route("/petitions/{number}/evaluation", post(evaluate))
        .route("/petitions/{number}/review-requests", post(request_review))
        .route("/stats", get(stats))
        .route("/legal-aid", post(crate::api_legal_aid::create))
        .route("/legal-aid/{number}", get(crate::api_legal_aid::get))
        .route(
            "/legal-aid/{number}/material",
            post(crate::api_legal_aid::supply),
        )
        .route("/articles", get(crate::api_library::list_articles))
        .route("/articles/{slug}", get(crate::api_library::get_article))
        .route("/openapi.json", get(openapi))
        .fallback(|| async {
            error(
                StatusCode::NOT_FOUND,
                "",
                "not_found",
                "没有这个接口，请查看 /api/v1/openapi.json",
            )
        })
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
    lang: app::domain::prefs::Lang,
    names: &app::i18n::Names,
) -> Response {
    use app::domain::prefs::Lang;
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
                    *m = serde_json::Value::String(app::i18n::translate(lang, text, names));
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

async fn openapi() -> Response {
    axum::Json(ApiDoc::openapi()).into_response()
}

fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("application/json"))
}

/// The JSON body of a request, or the API's answer to a body that is not JSON, too big or
/// malformed (415, 413, 400, 422).
pub(crate) fn read_json<T: serde::de::DeserializeOwned>(
    headers: &HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<T, Box<Response>> {
    if !is_json(headers) {
        return Err(Box::new(error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "",
            "unsupported_media_type",
            "请以 Content-Type: application/json 提交",
        )));
    }
    let body = match body {
        Ok(b) => b,
        Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return Err(Box::new(error(
                StatusCode::PAYLOAD_TOO_LARGE,
                "",
                "payload_too_large",
                "提交的内容太大，请删减后再试",
            )));
        }
        Err(_) => {
            return Err(Box::new(error(
                StatusCode::BAD_REQUEST,
                "",
                "unreadable_body",
                "无法读取提交的内容",
            )));
        }
    };
    match serde_json::from_slice(&body) {
        Ok(input) => Ok(input),
        Err(e) if e.is_data() => Err(Box::new(error(
            StatusCode::UNPROCESSABLE_ENTITY,
            "",
            "wrong_type",
            &format!(
                "字段类型不对（第 {} 行第 {} 列）：每个字段都应是文字",
                e.line(),
                e.column()
            ),
        ))),
        Err(e) => Err(Box::new(error(
            StatusCode::BAD_REQUEST,
            "",
            "malformed_json",
            &format!("JSON 格式有误（第 {} 行第 {} 列）", e.line(), e.column()),
        ))),
    }
}

/// Submit a petition.
#[utoipa::path(
    post,
    path = "/api/v1/petitions",
    request_body = PetitionInput,
    responses(
        (status = 201, description = "Stored durably; the 查询码 is shown this once", body = Receipt),
        (status = 400, description = "Not JSON", body = ErrorBody),
        (status = 413, description = "Body too large", body = ErrorBody),
        (status = 415, description = "Content-Type is not application/json", body = ErrorBody),
        (status = 422, description = "Fields with problems, each named", body = ErrorBody),
    )
)]
pub async fn create_petition(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let input: PetitionInput = match read_json(&headers, body) {
        Ok(input) => input,
        Err(res) => return *res,
    };
    match petitions::submit(&state.ctx, &input, "api", chrono::Utc::now()).await {
        Ok(receipt) => {
            let location = format!("/api/v1/petitions/{}", receipt.number);
            let mut res = (StatusCode::CREATED, axum::Json(receipt)).into_response();
            if let Ok(v) = HeaderValue::from_str(&location) {
                res.headers_mut().insert(header::LOCATION, v);
            }
            res.headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            res
        }
        Err(SubmitError::Invalid(problems)) => errors(StatusCode::UNPROCESSABLE_ENTITY, problems),
        Err(SubmitError::Store(e)) => {
            tracing::error!(error = %e, "cannot store a petition");
            error(
                StatusCode::SERVICE_UNAVAILABLE,
                "",
                "unavailable",
                "暂时无法保存，请稍后再试；您的信访事项尚未提交",
            )
        }
    }
}

/// The body of `POST /api/v1/petitions/{number}/evaluation`.
#[derive(serde::Deserialize, ToSchema)]
pub struct EvaluationInput {
    /// `satisfied`, `basically_satisfied` or `unsatisfied`.
    #[serde(default)]
    pub rating: String,
    #[serde(default)]
    pub comment: Option<String>,
}

/// The body of `POST /api/v1/petitions/{number}/review-requests`.
#[derive(serde::Deserialize, ToSchema)]
pub struct ReviewRequestInput {
    #[serde(default)]
    pub reason: String,
}

/// The answer to a review request: which one it was.
#[derive(Serialize, ToSchema)]
pub struct ReviewRequested {
    /// `review` (复查, 第35条) or `recheck` (复核, 第36条).
    pub level: String,
}

pub(crate) fn query_code(headers: &HeaderMap) -> Result<&str, Box<Response>> {
    headers
        .get(QUERY_CODE_HEADER)
        .and_then(|v| v.to_str().ok())
        .ok_or_else(|| {
            Box::new(error(
                StatusCode::BAD_REQUEST,
                "X-Query-Code",
                "required",
                "请在 X-Query-Code 请求头中提供查询码",
            ))
        })
}

/// The 查询码 header and the JSON body of a citizen's request on their case.
pub(crate) fn code_and_json<T: serde::de::DeserializeOwned>(
    headers: &HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<(&str, T), Box<Response>> {
    Ok((query_code(headers)?, read_json(headers, body)?))
}

fn after_reply_error(e: petitions::AfterReplyError) -> Response {
    use petitions::AfterReplyError as E;
    match e {
        E::NotFound => not_found(),
        E::TooManyAttempts(wait) => too_many(wait),
        E::Invalid(problems) => errors(StatusCode::UNPROCESSABLE_ENTITY, problems),
        E::NotNow(n) => error(StatusCode::CONFLICT, "", n.code(), &n.message()),
        E::Store(e) => {
            tracing::error!(error = %e, "cannot record a citizen's request");
            error(
                StatusCode::SERVICE_UNAVAILABLE,
                "",
                "unavailable",
                "暂时无法保存，请稍后再试",
            )
        }
    }
}

pub(crate) fn not_found() -> Response {
    error(
        StatusCode::NOT_FOUND,
        "",
        "not_found",
        "没有找到与该编号和查询码相符的信访事项，请核对后再试",
    )
}

pub(crate) fn too_many(wait: std::time::Duration) -> Response {
    let wait = wait.as_secs().max(1);
    let res = error(
        StatusCode::TOO_MANY_REQUESTS,
        "",
        "too_many_attempts",
        &format!("查询失败次数过多，请在 {wait} 秒后再试"),
    );
    crate::pages::with_retry_after(res, wait)
}

/// Rate the latest written reply (满意度评价, 第21条), once per reply.
#[utoipa::path(
    post,
    path = "/api/v1/petitions/{number}/evaluation",
    params(
        ("number" = String, Path, description = "The petition number"),
        ("X-Query-Code" = String, Header, description = "The 查询码"),
    ),
    request_body = EvaluationInput,
    responses(
        (status = 204, description = "Recorded"),
        (status = 404, description = "No petition with this number and code", body = ErrorBody),
        (status = 409, description = "No reply yet, or this reply was already rated", body = ErrorBody),
        (status = 422, description = "No valid rating, or a comment too long", body = ErrorBody),
        (status = 429, description = "Too many wrong tries; see Retry-After", body = ErrorBody),
    )
)]
pub async fn evaluate(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path(number): Path<String>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let (code, input): (&str, EvaluationInput) = match code_and_json(&headers, body) {
        Ok(parts) => parts,
        Err(res) => return *res,
    };
    let client = peer.ip().to_string();
    match petitions::evaluate(
        &state.ctx,
        &number,
        code,
        &client,
        &input.rating,
        input.comment.as_deref(),
    )
    .await
    {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => after_reply_error(e),
    }
}

/// Ask for 复查 (within 30 days of the reply, 第35条) or, after the 复查 answer, 复核 (第36条).
#[utoipa::path(
    post,
    path = "/api/v1/petitions/{number}/review-requests",
    params(
        ("number" = String, Path, description = "The petition number"),
        ("X-Query-Code" = String, Header, description = "The 查询码"),
    ),
    request_body = ReviewRequestInput,
    responses(
        (status = 201, description = "Recorded; says whether it is a 复查 or a 复核", body = ReviewRequested),
        (status = 404, description = "No petition with this number and code", body = ErrorBody),
        (status = 409, description = "Before a reply, outside the 30 days, while a request waits, or after 复核", body = ErrorBody),
        (status = 422, description = "No reason given", body = ErrorBody),
        (status = 429, description = "Too many wrong tries; see Retry-After", body = ErrorBody),
    )
)]
pub async fn request_review(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path(number): Path<String>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let (code, input): (&str, ReviewRequestInput) = match code_and_json(&headers, body) {
        Ok(parts) => parts,
        Err(res) => return *res,
    };
    let client = peer.ip().to_string();
    match petitions::request_review(&state.ctx, &number, code, &client, &input.reason).await {
        Ok(kind) => {
            let level = if kind == "recheck_requested" {
                "recheck"
            } else {
                "review"
            };
            (
                StatusCode::CREATED,
                axum::Json(ReviewRequested {
                    level: level.into(),
                }),
            )
                .into_response()
        }
        Err(e) => after_reply_error(e),
    }
}

#[derive(serde::Deserialize)]
pub struct StatsQuery {
    month: Option<String>,
}

/// The month's figures (definitions in the portal's `domain::kpi`), bureau-wide and per unit;
/// rates are fractions 0–1, `null` where nothing was due.
#[utoipa::path(
    get,
    path = "/api/v1/stats",
    params(("month" = Option<String>, Query, description = "YYYY-MM; this month when absent")),
    responses(
        (status = 200, description = "The month's figures", body = app::domain::stats_view::MonthStats),
        (status = 422, description = "A month that is not YYYY-MM", body = ErrorBody),
    )
)]
pub async fn stats(
    State(state): State<AppState>,
    axum::extract::Query(q): axum::extract::Query<StatsQuery>,
) -> Response {
    let first_day = match q.month.as_deref() {
        None => app::stats::this_month(),
        Some(m) => match app::domain::kpi::parse_month(m) {
            Some(d) => d,
            None => {
                return error(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "month",
                    "invalid_month",
                    "月份应写成 YYYY-MM，例如 2026-12",
                );
            }
        },
    };
    match app::stats::month(&state.ctx, first_day).await {
        Ok(s) => axum::Json(s).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "cannot compute the statistics");
            error(
                StatusCode::SERVICE_UNAVAILABLE,
                "",
                "unavailable",
                "暂时无法统计，请稍后再试",
            )
        }
    }
}

/// Look up a petition's public status with its 查询码.
#[utoipa::path(
    get,
    path = "/api/v1/petitions/{number}",
    params(
        ("number" = String, Path, description = "The petition number, e.g. XF202612010042"),
        ("X-Query-Code" = String, Header, description = "The 查询码 given with the receipt"),
    ),
    responses(
        (status = 200, description = "The public status", body = PetitionStatus),
        (status = 400, description = "No X-Query-Code header", body = ErrorBody),
        (status = 404, description = "No petition with this number and code (the same for either being wrong)", body = ErrorBody),
        (status = 429, description = "Too many wrong tries; see Retry-After", body = ErrorBody),
    )
)]
pub async fn get_petition(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path(number): Path<String>,
    headers: HeaderMap,
) -> Response {
    let code = match query_code(&headers) {
        Ok(c) => c,
        Err(res) => return *res,
    };
    lookup_response(
        petitions::guarded_lookup(&state.ctx, &number, code, &peer.ip().to_string()).await,
    )
}

/// The answer to a lookup by number + 查询码 (a petition's or a legal-aid application's): the
/// JSON, never cached; the same 404 for a wrong number or code; 429 when guessing was slowed.
pub(crate) fn lookup_response<T: Serialize>(result: Result<T, LookupError>) -> Response {
    match result {
        Ok(found) => {
            let mut res = axum::Json(found).into_response();
            res.headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            res
        }
        Err(LookupError::NotFound) => not_found(),
        Err(LookupError::TooManyAttempts(wait)) => too_many(wait),
        Err(LookupError::Store(e)) => {
            tracing::error!(error = %e, "cannot look up by number and 查询码");
            error(
                StatusCode::SERVICE_UNAVAILABLE,
                "",
                "unavailable",
                "暂时无法查询，请稍后再试",
            )
        }
    }
}
