//! `/api/v1/petitions`: submit, look up, rate the reply, ask for 复查/复核.

use super::service::{self as petitions, Extras};
use super::view::{PetitionStatus, Receipt};
use crate::domain::msg;
use crate::domain::petition::PetitionInput;
use crate::kernel::api::{
    ErrorBody, answer, code_and_json, lookup_response, query_code, read_json,
};
use crate::kernel::{AppState, Now};
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

/// Submit a petition.
#[utoipa::path(
    post,
    path = "/api/v1/petitions",
    request_body = PetitionInputDoc,
    responses(
        (status = 201, description = "Stored durably; the 查询码 is shown this once", body = Receipt),
        (status = 400, description = "Not JSON", body = ErrorBody),
        (status = 413, description = "Body too large", body = ErrorBody),
        (status = 401, description = "An API key that is not one (unknown or revoked), or a channel named without a key", body = ErrorBody),
        (status = 415, description = "Content-Type is not application/json", body = ErrorBody),
        (status = 422, description = "Fields with problems, each named", body = ErrorBody),
        (status = 429, description = "Over a filing limit (per client, ID number or mobile; a keyed caller is not counted per client); see Retry-After", body = ErrorBody),
        (status = 503, description = "Not stored: the database could not take it now", body = ErrorBody),
    )
)]
pub async fn create_petition(
    State(state): State<AppState>,
    client: crate::kernel::Client,
    now: Now,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let unavailable = || msg!("petition-not-submitted");
    let client = client.key();
    // A caller with an API key may name the channel; every call with a key is logged, whatever
    // its answer.
    let caller = match crate::kernel::api_key::caller(&state.ctx, &headers).await {
        Ok(caller) => caller,
        Err(e) => return answer(e, unavailable()),
    };
    let res = match read_json::<PetitionInput>(&headers, body) {
        Ok(input) => keyed_create(&state, &client, caller.as_ref(), &headers, &input, now).await,
        Err(e) => answer(e, unavailable()),
    };
    if let Some(caller) = &caller
        && let Err(e) = crate::kernel::api_key::log_call(
            &state.ctx.pool,
            caller,
            &now.stamp(),
            "POST",
            "/api/v1/petitions",
            res.status().as_u16(),
        )
        .await
    {
        tracing::error!(error = %e, "cannot log an API call");
    }
    res
}

/// The channel an API call names: `api` when it names none; another only with a key.
fn api_channel(
    input: &PetitionInput,
    keyed: bool,
) -> Result<crate::domain::petition::channel::Channel, crate::kernel::AppError> {
    use crate::domain::petition::channel::Channel;
    // `api` is what a call without a key is anyway.
    let Some(code) = input
        .channel
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty() && *c != Channel::Api.code())
    else {
        return Ok(Channel::Api);
    };
    if !keyed {
        return Err(crate::kernel::AppError::Unauthorized(msg!(
            "api-channel-needs-key"
        )));
    }
    match Channel::parse(code) {
        Some(c) if c == Channel::Api || Channel::BY_CLERK.contains(&c) => Ok(c),
        _ => Err(crate::kernel::AppError::Invalid(vec![
            crate::domain::text::FieldProblem::new(
                "channel",
                "unknown",
                msg!("api-channel-unknown"),
            ),
        ])),
    }
}

async fn keyed_create(
    state: &AppState,
    client: &str,
    caller: Option<&crate::kernel::api_key::Caller>,
    headers: &HeaderMap,
    input: &PetitionInput,
    now: Now,
) -> Response {
    let unavailable = || msg!("petition-not-submitted");
    let channel = match api_channel(input, caller.is_some()) {
        Ok(c) => c,
        Err(e) => return answer(e, unavailable()),
    };
    let arrival = (channel != crate::domain::petition::channel::Channel::Api).then(|| {
        (
            crate::domain::petition::channel::Arrival {
                channel,
                received_on: now.today(),
                postmarked_on: None,
            },
            None,
        )
    });
    let extras = Extras {
        // A keyed caller (a hotline system) files for many people from one address: counted
        // per person, not per client.
        client: Some(client),
        per_person_only: caller.is_some(),
        lang: crate::kernel::i18n::prefs_from_headers(headers).lang,
        arrival,
        ..Extras::default()
    };
    match petitions::submit(&state.ctx, input, channel.code(), now, extras).await {
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
        Err(e) => answer(e, unavailable()),
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
    client: crate::kernel::Client,
    now: Now,
    Path(number): Path<String>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let (code, input): (&str, EvaluationInput) = match code_and_json(&headers, body) {
        Ok(parts) => parts,
        Err(e) => return answer(e, msg!("unavailable-save")),
    };
    let client = client.key();
    match petitions::evaluate(
        &state.ctx,
        &number,
        code,
        &client,
        &input.rating,
        input.comment.as_deref(),
        now,
    )
    .await
    {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => answer(e, msg!("unavailable-save")),
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
    client: crate::kernel::Client,
    now: Now,
    Path(number): Path<String>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let (code, input): (&str, ReviewRequestInput) = match code_and_json(&headers, body) {
        Ok(parts) => parts,
        Err(e) => return answer(e, msg!("unavailable-save")),
    };
    let client = client.key();
    match petitions::request_review(&state.ctx, &number, code, &client, &input.reason, now).await {
        Ok(level) => (
            StatusCode::CREATED,
            axum::Json(ReviewRequested {
                level: level.code().into(),
            }),
        )
            .into_response(),
        Err(e) => answer(e, msg!("unavailable-save")),
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
    client: crate::kernel::Client,
    now: Now,
    Path(number): Path<String>,
    headers: HeaderMap,
) -> Response {
    let code = match query_code(&headers) {
        Ok(c) => c,
        Err(e) => return answer(e, msg!("unavailable-lookup")),
    };
    lookup_response(petitions::guarded_lookup(&state.ctx, &number, code, &client.key(), now).await)
}

/// The request body of `POST /api/v1/petitions`, for the OpenAPI document: the domain's
/// `PetitionInput` is what the handler reads (a unit test keeps the two alike).
#[derive(ToSchema)]
#[schema(as = PetitionInput)]
#[allow(dead_code)]
pub struct PetitionInputDoc {
    /// `suggestion` (建议意见类), `report` (检举控告类) or `appeal` (申诉求决类).
    category: String,
    petitioner: PetitionerInputDoc,
    /// A handling unit's code from the bureau config (optional).
    unit: Option<String>,
    title: String,
    request: String,
    facts_and_reasons: String,
    place_and_time: Option<String>,
    earlier_handling: Option<String>,
    /// 检举控告类 only (required there): who or which unit is reported.
    reported: Option<String>,
    /// 检举控告类 only: the reported unit's code, when it is one of the config's units; the report
    /// is never assigned to it (第30条).
    reported_unit: Option<String>,
    /// How the petitioner wants to be told of progress; absent means not at all.
    notify: Option<crate::kernel::outbox::NotifyInputDoc>,
    /// The channel the matter came by, for a caller with an API key (`Authorization: Bearer
    /// xfk_…`, created by an administrator at /staff/api-keys): `api` (another system, the
    /// default), `letter` (来信), `visit` (来访), `phone` (来电), `fax` (传真), `hotline` (12345
    /// 热线转来) or `transfer` (其他机关转来). Without a key a channel is refused (401).
    #[schema(example = "hotline")]
    channel: Option<String>,
}

/// The petitioner (or applicant) as typed.
#[derive(ToSchema)]
#[schema(as = PetitionerInput)]
#[allow(dead_code)]
pub struct PetitionerInputDoc {
    name: String,
    /// 18 digits (the last may be X), GB 11643.
    id_number: String,
    /// `1[3-9]` + 9 digits.
    mobile: String,
    address: String,
    /// A GB/T 2260 district code from the bureau config, e.g. 450602.
    district: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernel::api::same_fields;

    #[test]
    fn the_documented_request_is_the_one_read() {
        same_fields::<PetitionInputDoc>(&crate::domain::petition::PetitionInput::default());
        same_fields::<PetitionerInputDoc>(&crate::domain::person::PetitionerInput::default());
        same_fields::<crate::kernel::outbox::NotifyInputDoc>(
            &crate::domain::notify::NotifyInput::default(),
        );
    }
}

/// `/api/v1/petitions…`
pub fn routes() -> axum::Router<AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/petitions", post(create_petition))
        .route("/petitions/{number}", get(get_petition))
        .route("/petitions/{number}/evaluation", post(evaluate))
        .route("/petitions/{number}/review-requests", post(request_review))
}

/// This feature's part of the OpenAPI document.
#[derive(utoipa::OpenApi)]
#[openapi(
    paths(create_petition, get_petition, evaluate, request_review),
    components(schemas(
        PetitionInputDoc,
        PetitionerInputDoc,
        crate::kernel::outbox::NotifyInputDoc,
        Receipt,
        super::view::Due,
        PetitionStatus,
        super::view::TimelineEntry,
        super::view::Reply,
        super::view::AfterReplyOptions,
        super::view::RunningDue,
        EvaluationInput,
        ReviewRequestInput,
        ReviewRequested
    ))
)]
pub struct Doc;
