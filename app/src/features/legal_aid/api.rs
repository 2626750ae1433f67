//! `/api/v1/legal-aid`: applications from other channels, and their progress (法律援助法 第55条).

use crate::domain::legal_aid::LegalAidInput;
use crate::domain::msg;
use crate::features::legal_aid::view::{AidReceipt, AidStatusView};
use crate::kernel::api::{
    ErrorBody, answer, code_and_json, lookup_response, query_code, read_json,
};
use crate::kernel::{AppState, Now};
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use utoipa::ToSchema;

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
    request_body = LegalAidInputDoc,
    responses(
        (status = 201, description = "Stored; the receipt", body = AidReceipt),
        (status = 422, description = "Every problem, by field", body = ErrorBody),
        (status = 400, description = "Not JSON", body = ErrorBody),
        (status = 415, description = "Not application/json", body = ErrorBody),
        (status = 413, description = "Body too large", body = ErrorBody),
        (status = 429, description = "Over a filing limit (per client, ID number or mobile); see Retry-After", body = ErrorBody),
        (status = 503, description = "Not stored: the database could not take it now", body = ErrorBody),
    )
)]
pub async fn create(
    State(state): State<AppState>,
    client: crate::kernel::Client,
    now: Now,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let input: LegalAidInput = match read_json(&headers, body) {
        Ok(input) => input,
        Err(e) => return answer(e, msg!("legal-aid-not-submitted")),
    };
    match crate::features::legal_aid::service::apply(
        &state.ctx,
        &input,
        &[],
        "api",
        crate::features::legal_aid::service::Sender {
            client: Some(&client.key()),
            once: None,
            lang: crate::kernel::i18n::prefs_from_headers(&headers).lang,
        },
        now,
    )
    .await
    {
        Ok(receipt) => {
            let location = format!("/api/v1/legal-aid/{}", receipt.number);
            let mut res = (StatusCode::CREATED, axum::Json(receipt)).into_response();
            if let Ok(v) = HeaderValue::from_str(&location) {
                res.headers_mut().insert(header::LOCATION, v);
            }
            no_store(res)
        }
        Err(e) => answer(e, msg!("legal-aid-not-submitted")),
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
    client: crate::kernel::Client,
    now: Now,
    Path(number): Path<String>,
    headers: HeaderMap,
) -> Response {
    let code = match query_code(&headers) {
        Ok(c) => c,
        Err(e) => return answer(e, msg!("unavailable-lookup")),
    };
    lookup_response(
        crate::features::legal_aid::service::lookup(&state.ctx, &number, code, &client.key(), now)
            .await,
    )
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
        (status = 429, description = "Too many wrong tries; see Retry-After", body = ErrorBody),
        (status = 422, description = "The explanation is missing or too long", body = ErrorBody),
    )
)]
pub async fn supply(
    State(state): State<AppState>,
    client: crate::kernel::Client,
    now: Now,
    Path(number): Path<String>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let (code, input): (&str, MaterialInput) = match code_and_json(&headers, body) {
        Ok(x) => x,
        Err(e) => return answer(e, msg!("unavailable-save")),
    };
    let client = client.key();
    match crate::features::legal_aid::service::supply_material(
        &state.ctx,
        &number,
        code,
        &client,
        &input.explanation,
        &[],
        now,
    )
    .await
    {
        Ok(view) => no_store(axum::Json(view).into_response()),
        Err(e) => answer(e, msg!("unavailable-save")),
    }
}

/// The request body of `POST /api/v1/legal-aid`, for the OpenAPI document (the handler reads the
/// domain's `LegalAidInput`; a unit test keeps the two alike).
#[derive(ToSchema)]
#[schema(as = LegalAidInput)]
#[allow(dead_code)]
pub struct LegalAidInputDoc {
    applicant: crate::features::petition::api::PetitionerInputDoc,
    /// Someone applying on the applicant's behalf (第40条).
    agent: Option<AgentInputDoc>,
    matter: MatterDoc,
    other_party: Option<String>,
    description: String,
    /// 经济困难状况说明 (第41条); only when applying because of hardship.
    hardship_statement: String,
    /// 诚信承诺 (第41条); only when applying because of hardship.
    pledge: bool,
    /// `hardship` (the default), `no_test` (第32条) or `exempt` (第42条).
    basis: Option<String>,
    /// How the applicant wants to be told of progress; absent means not at all.
    notify: Option<crate::kernel::outbox::NotifyInputDoc>,
}

/// An agent applying for someone (第40条).
#[derive(ToSchema)]
#[schema(as = AgentInput)]
#[allow(dead_code)]
pub struct AgentInputDoc {
    name: String,
    id_number: String,
    mobile: String,
    /// 法定代理人 or 近亲属, and how related (e.g. 母亲).
    relation: String,
}

/// The kind of matter (第31条 (一)–(九), criminal defence 第24条, 申诉/再审 第33条).
#[derive(ToSchema)]
#[schema(as = Matter)]
#[serde(rename_all = "snake_case")]
#[allow(dead_code)]
pub enum MatterDoc {
    StateCompensation,
    SocialInsurance,
    Pension,
    Maintenance,
    Labour,
    Capacity,
    WorkInjury,
    PersonalInjury,
    Environment,
    Criminal,
    Retrial,
    Other,
}

/// Where an application stands.
#[derive(ToSchema)]
#[schema(as = AidStatus)]
#[serde(rename_all = "snake_case")]
#[allow(dead_code)]
pub enum AidStatusDoc {
    UnderReview,
    MaterialRequested,
    Granted,
    LawyerAssigned,
    Refused,
    Withdrawn,
}

#[cfg(test)]
mod doc_tests {
    use super::*;
    use crate::domain::legal_aid::{AgentInput, AidStatus, LegalAidInput, Matter};
    use crate::kernel::api::{same_codes, same_fields};

    #[test]
    fn the_documented_shapes_are_the_ones_used() {
        same_fields::<LegalAidInputDoc>(&LegalAidInput::default());
        same_fields::<AgentInputDoc>(&AgentInput::default());
        same_codes::<MatterDoc>(&Matter::ALL.map(Matter::code));
        let statuses = [
            AidStatus::UnderReview,
            AidStatus::MaterialRequested,
            AidStatus::Granted,
            AidStatus::LawyerAssigned,
            AidStatus::Refused,
            AidStatus::Withdrawn,
        ];
        same_codes::<AidStatusDoc>(&statuses.map(AidStatus::code));
    }
}

/// `/api/v1/legal-aid…`
pub fn routes() -> axum::Router<AppState> {
    use axum::routing::post;
    axum::Router::new()
        .route("/legal-aid", post(create))
        .route("/legal-aid/{number}", axum::routing::get(get))
        .route("/legal-aid/{number}/material", post(supply))
}

/// This feature's part of the OpenAPI document.
#[derive(utoipa::OpenApi)]
#[openapi(
    paths(create, get, supply),
    components(schemas(
        LegalAidInputDoc,
        AgentInputDoc,
        AidReceipt,
        AidStatusView,
        AidStatusDoc,
        MatterDoc,
        MaterialInput
    ))
)]
pub struct Doc;
