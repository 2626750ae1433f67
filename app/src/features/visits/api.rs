//! `/api/v1` for booking a visit: the sessions, booking a place, cancelling it with its code.

use super::service;
use super::view::{BookingReceipt, SessionView, SlotView};
use crate::domain::msg;
use crate::domain::reception::BookingInput;
use crate::kernel::api::{ErrorBody, answer, query_code, read_json};
use crate::kernel::{AppState, Now};
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The sessions published from today on.
#[derive(Serialize, ToSchema)]
pub struct SessionList {
    pub sessions: Vec<SessionView>,
}

/// The reception sessions from today on, each slot with its places left and whether it takes
/// bookings (`open`, `full`, `booking_closed`).
#[utoipa::path(
    get,
    path = "/api/v1/reception-sessions",
    responses(
        (status = 200, description = "The sessions", body = SessionList),
    )
)]
pub async fn sessions(State(state): State<AppState>, now: Now) -> Response {
    match service::published(&state.ctx, now).await {
        Ok(sessions) => axum::Json(SessionList { sessions }).into_response(),
        Err(e) => answer(e, msg!("unavailable-generic")),
    }
}

/// A booking: the session and slot (their ids), the person and the matter in a few words.
#[derive(Deserialize, ToSchema)]
pub struct BookingRequest {
    pub session: i64,
    pub slot: i64,
    pub name: String,
    pub mobile: String,
    /// 5 to 200 characters.
    pub summary: String,
}

/// Books a place in a slot: the booking number and its code (needed to cancel; shown once).
#[utoipa::path(
    post,
    path = "/api/v1/bookings",
    request_body = BookingRequest,
    responses(
        (status = 201, description = "Booked", body = BookingReceipt),
        (status = 409, description = "The slot is full, its bookings have closed, or this mobile booked it already", body = ErrorBody),
        (status = 422, description = "A field with a problem, or no such session and slot", body = ErrorBody),
        (status = 429, description = "Too many bookings from this client or for this mobile; see Retry-After", body = ErrorBody),
    )
)]
pub async fn book(
    State(state): State<AppState>,
    client: crate::kernel::Client,
    now: Now,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let request: BookingRequest = match read_json(&headers, body) {
        Ok(r) => r,
        Err(e) => return answer(e, msg!("unavailable-save")),
    };
    let input = BookingInput {
        name: request.name,
        mobile: request.mobile,
        summary: request.summary,
    };
    let lang = crate::kernel::i18n::prefs_from_headers(&headers).lang;
    match service::book(
        &state.ctx,
        request.session,
        request.slot,
        &input,
        Some(&client.key()),
        lang,
        None,
        now,
    )
    .await
    {
        // The code is in the answer: kept by no cache.
        Ok(receipt) => (
            StatusCode::CREATED,
            [(axum::http::header::CACHE_CONTROL, "no-store")],
            axum::Json(receipt),
        )
            .into_response(),
        Err(e) => answer(e, msg!("unavailable-save")),
    }
}

/// Cancels a booking with its code (before its session starts); the place is given back.
#[utoipa::path(
    delete,
    path = "/api/v1/bookings/{number}",
    params(
        ("number" = String, Path, description = "The booking number"),
        ("X-Query-Code" = String, Header, description = "The booking's code, given when it was made"),
    ),
    responses(
        (status = 204, description = "Cancelled"),
        (status = 400, description = "No X-Query-Code header", body = ErrorBody),
        (status = 404, description = "No booking with this number and code", body = ErrorBody),
        (status = 409, description = "Cancelled already, or its session has started", body = ErrorBody),
        (status = 429, description = "Too many wrong tries; see Retry-After", body = ErrorBody),
    )
)]
pub async fn cancel(
    State(state): State<AppState>,
    client: crate::kernel::Client,
    now: Now,
    Path(number): Path<String>,
    headers: HeaderMap,
) -> Response {
    let code = match query_code(&headers) {
        Ok(c) => c,
        Err(e) => return answer(e, msg!("unavailable-save")),
    };
    match service::cancel(&state.ctx, &number, code, &client.key(), now).await {
        Ok(_) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => answer(e, msg!("unavailable-save")),
    }
}

pub fn routes() -> axum::Router<AppState> {
    use axum::routing::{delete, get, post};
    axum::Router::new()
        .route("/reception-sessions", get(sessions))
        .route("/bookings", post(book))
        .route("/bookings/{number}", delete(cancel))
}

/// This feature's part of the OpenAPI document.
#[derive(utoipa::OpenApi)]
#[openapi(
    paths(sessions, book, cancel),
    components(schemas(SessionList, SessionView, SlotView, BookingRequest, BookingReceipt))
)]
pub struct Doc;
