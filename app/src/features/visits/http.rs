//! 网上预约走访 over plain links and form posts (JS off alike): the sessions, the booking form and
//! its post (then a redirect to the receipt, so a reload books nothing: the form's one-time
//! token, as a petition's), the receipt, and cancelling with the number and code.

use super::pages::citizen::{BookForm, BookedView, CancelForm, VisitsList};
use super::service;
use crate::domain::msg;
use crate::domain::reception::BookingInput;
use crate::kernel::error::wait_msg;
use crate::kernel::filing::{self, Kind, Once};
use crate::kernel::render::{render_page, with_retry_after};
use crate::kernel::{AppError, AppState, Now};
use crate::ui::form::FieldError;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::Response;
use leptos::prelude::provide_context;
use serde::Deserialize;

pub const LIST_PATH: &str = "/visits";
pub const BOOK_PATH: &str = "/visits/book";
pub const BOOKED_PATH: &str = "/visits/booked";
pub const CANCEL_PATH: &str = "/visits/cancel";

async fn page<T: Clone + Send + Sync + 'static>(
    state: &AppState,
    headers: &HeaderMap,
    path: &str,
    status: StatusCode,
    now: Now,
    view: T,
) -> Response {
    render_page(state, headers, path, status, now, move || {
        provide_context(view.clone())
    })
    .await
}

/// `GET /visits`.
pub async fn list(State(state): State<AppState>, now: Now, headers: HeaderMap) -> Response {
    let closes_hours = state.ctx.config.bookings.closes_hours_before;
    let (status, view) = match service::published(&state.ctx, now).await {
        Ok(sessions) => (
            StatusCode::OK,
            VisitsList {
                sessions,
                closes_hours,
                unavailable: false,
            },
        ),
        Err(e) => {
            tracing::error!(error = %e, "cannot list reception sessions");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                VisitsList {
                    closes_hours,
                    unavailable: true,
                    ..VisitsList::default()
                },
            )
        }
    };
    page(&state, &headers, LIST_PATH, status, now, view).await
}

#[derive(Deserialize, Default)]
pub struct SlotQuery {
    #[serde(default)]
    session: String,
    #[serde(default)]
    slot: String,
}

/// Why a slot cannot be booked, or `None` when it can.
fn slot_refusal(slot: &super::view::SlotView) -> Option<crate::domain::message::Msg> {
    match slot.state.as_str() {
        "open" => None,
        "full" => Some(msg!("booking-full")),
        _ => Some(msg!("booking-closed")),
    }
}

/// `GET /visits/book?session=…&slot=…`: the form, with the cookie that lets this browser open its
/// receipt after the post.
pub async fn form(
    State(state): State<AppState>,
    now: Now,
    headers: HeaderMap,
    Query(q): Query<SlotQuery>,
) -> Response {
    let ids = (
        q.session.trim().parse::<i64>(),
        q.slot.trim().parse::<i64>(),
    );
    let place = match ids {
        (Ok(session), Ok(slot)) => service::slot_to_book(&state.ctx, session, slot, now).await,
        _ => Err(AppError::Invalid(Vec::new())),
    };
    let once = Once::new();
    let (status, view) = match place {
        Ok((session, slot)) => {
            let refusal = slot_refusal(&slot);
            let status = if refusal.is_some() {
                StatusCode::CONFLICT
            } else {
                StatusCode::OK
            };
            (
                status,
                BookForm {
                    place: Some((session, slot)),
                    once: once.as_str().to_owned(),
                    refusal,
                    ..BookForm::default()
                },
            )
        }
        Err(AppError::Invalid(_)) | Err(AppError::NotFound(_)) => (
            StatusCode::NOT_FOUND,
            BookForm {
                refusal: Some(msg!("booking-slot-unknown")),
                ..BookForm::default()
            },
        ),
        Err(e) => {
            tracing::error!(error = %e, "cannot open a booking form");
            (
                e.status(),
                BookForm {
                    refusal: Some(msg!("unavailable-save")),
                    ..BookForm::default()
                },
            )
        }
    };
    let mut res = page(&state, &headers, BOOK_PATH, status, now, view).await;
    if status == StatusCode::OK
        && let Ok(cookie) = once.cookie(Kind::Booking, state.behind_tls).parse()
    {
        res.headers_mut().append(header::SET_COOKIE, cookie);
    }
    res
}

#[derive(Deserialize, Default)]
pub struct BookPost {
    #[serde(default)]
    session: String,
    #[serde(default)]
    slot: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    mobile: String,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    once: String,
}

/// `POST /visits/book`: books, then the receipt; the form again with every problem otherwise
/// (what was typed kept).
pub async fn book(
    State(state): State<AppState>,
    client: crate::kernel::Client,
    now: Now,
    headers: HeaderMap,
    Form(post): Form<BookPost>,
) -> Response {
    let ctx = &state.ctx;
    let once = Once::parse(&post.once).unwrap_or_default();
    let secure = state.behind_tls;
    // Sent before (a reload, Back and send again): that booking's receipt.
    if let Some((filed, again)) =
        filing::sent_before(&ctx.pool, &once, Kind::Booking, now.utc()).await
    {
        return filed_receipt(&state, &headers, &once, filed, again, now).await;
    }
    let lang = crate::kernel::i18n::prefs_from_headers(&headers).lang;
    let input = BookingInput {
        name: post.name.clone(),
        mobile: post.mobile.clone(),
        summary: post.summary.clone(),
    };
    let (session, slot) = (
        post.session.trim().parse::<i64>().unwrap_or(-1),
        post.slot.trim().parse::<i64>().unwrap_or(-1),
    );
    let booked = service::book(
        ctx,
        session,
        slot,
        &input,
        Some(&client.key()),
        lang,
        Some(&once),
        now,
    )
    .await;
    let e = match booked {
        Ok(receipt) => {
            if once.comes_back(&headers, Kind::Booking) {
                return once.to_receipt(Kind::Booking, BOOKED_PATH, false, secure);
            }
            // A browser that keeps no cookies: the receipt is this answer.
            let booking = service::receipt(ctx, &receipt.number, now)
                .await
                .ok()
                .flatten();
            let view = BookedView {
                booking,
                code: Some(receipt.code),
                again: false,
            };
            return page(
                &state,
                &headers,
                BOOKED_PATH,
                StatusCode::CREATED,
                now,
                view,
            )
            .await;
        }
        Err(e) => e,
    };
    // Two posts of one form at once (a double click): the other booked, and this answer is the
    // one the browser shows.
    if let Some((filed, again)) =
        filing::sent_before(&ctx.pool, &once, Kind::Booking, now.utc()).await
    {
        return filed_receipt(&state, &headers, &once, filed, again, now).await;
    }
    let place = service::slot_to_book(ctx, session, slot, now).await.ok();
    let field_errors = |e: &AppError| -> Vec<FieldError> {
        match e {
            AppError::TooManyFilings(wait) => vec![FieldError {
                field: "mobile".into(),
                message: msg!(
                    "too-many-filings",
                    wait = wait_msg(crate::domain::throttle::whole_seconds(*wait))
                ),
            }],
            AppError::Refused {
                code: "already_booked",
                message,
                ..
            } => vec![FieldError {
                field: "mobile".into(),
                message: message.clone(),
            }],
            e => e
                .problems("name", msg!("unavailable-save"))
                .into_iter()
                .filter(|p| p.field != "slot")
                .map(FieldError::from)
                .collect(),
        }
    };
    let refusal = match &e {
        AppError::Refused { code, message, .. } if *code != "already_booked" => {
            Some(message.clone())
        }
        AppError::Invalid(p) => p
            .iter()
            .find(|p| p.field == "slot")
            .map(|p| p.message.clone()),
        _ => None,
    };
    let view = BookForm {
        place,
        name: post.name,
        mobile: post.mobile,
        summary: post.summary,
        errors: field_errors(&e),
        once: once.as_str().to_owned(),
        refusal,
    };
    let res = page(&state, &headers, BOOK_PATH, e.status(), now, view).await;
    match e.retry_after() {
        Some(wait) => with_retry_after(res, wait),
        None => res,
    }
}

/// The receipt of what `once` booked before: a redirect to it for a browser that keeps the
/// cookie, the receipt itself for one that does not.
async fn filed_receipt(
    state: &AppState,
    headers: &HeaderMap,
    once: &Once,
    filed: filing::Filed,
    again: bool,
    now: Now,
) -> Response {
    if once.comes_back(headers, Kind::Booking) {
        return once.to_receipt(Kind::Booking, BOOKED_PATH, again, state.behind_tls);
    }
    let booking = service::receipt(&state.ctx, &filed.number, now)
        .await
        .ok()
        .flatten();
    let view = BookedView {
        booking,
        code: filed.query_code,
        again,
    };
    page(state, headers, BOOKED_PATH, StatusCode::OK, now, view).await
}

/// `GET /visits/booked`: the booking this browser made last; its code for 30 minutes after.
pub async fn booked(
    State(state): State<AppState>,
    now: Now,
    headers: HeaderMap,
    Query(query): Query<filing::ReceiptQuery>,
) -> Response {
    let ctx = &state.ctx;
    let filed = filing::of_browser(&ctx.pool, &headers, Kind::Booking, now.utc()).await;
    let (status, view) = match filed {
        Ok(Some(filed)) => match service::receipt(ctx, &filed.number, now).await {
            Ok(booking) => (
                StatusCode::OK,
                BookedView {
                    booking,
                    code: filed.query_code,
                    again: query.again(),
                },
            ),
            Err(e) => {
                tracing::error!(error = %e, "cannot show a booking");
                (e.status(), BookedView::default())
            }
        },
        Ok(None) => (StatusCode::NOT_FOUND, BookedView::default()),
        Err(e) => {
            tracing::error!(error = %e, "cannot show a booking");
            (StatusCode::SERVICE_UNAVAILABLE, BookedView::default())
        }
    };
    page(&state, &headers, BOOKED_PATH, status, now, view).await
}

/// `GET /visits/cancel`.
pub async fn cancel_form(State(state): State<AppState>, now: Now, headers: HeaderMap) -> Response {
    page(
        &state,
        &headers,
        CANCEL_PATH,
        StatusCode::OK,
        now,
        CancelForm::default(),
    )
    .await
}

#[derive(Deserialize, Default)]
pub struct CancelPost {
    #[serde(default)]
    number: String,
    #[serde(default)]
    code: String,
}

/// `POST /visits/cancel`: cancels with the number and code; the form again with the problem.
pub async fn cancel(
    State(state): State<AppState>,
    client: crate::kernel::Client,
    now: Now,
    headers: HeaderMap,
    Form(post): Form<CancelPost>,
) -> Response {
    let mut errors = Vec::new();
    if post.number.trim().is_empty() {
        errors.push(FieldError {
            field: "number".into(),
            message: msg!("visits-number-required"),
        });
    }
    if post.code.trim().is_empty() {
        errors.push(FieldError {
            field: "code".into(),
            message: msg!("visits-code-required"),
        });
    }
    let number = post.number.trim().to_owned();
    if !errors.is_empty() {
        let view = CancelForm {
            number,
            errors,
            cancelled: None,
        };
        return page(
            &state,
            &headers,
            CANCEL_PATH,
            StatusCode::UNPROCESSABLE_ENTITY,
            now,
            view,
        )
        .await;
    }
    match service::cancel(&state.ctx, &number, &post.code, &client.key(), now).await {
        Ok(b) => {
            let view = CancelForm {
                number: String::new(),
                errors: Vec::new(),
                cancelled: Some(b),
            };
            page(&state, &headers, CANCEL_PATH, StatusCode::OK, now, view).await
        }
        Err(e) => {
            let message = match &e {
                AppError::TooManyAttempts(wait) => msg!(
                    "too-many-attempts",
                    wait = wait_msg(crate::domain::throttle::whole_seconds(*wait))
                ),
                AppError::NotFound(m) => m.clone(),
                AppError::Refused { message, .. } => message.clone(),
                _ => msg!("unavailable-save"),
            };
            let view = CancelForm {
                number,
                errors: vec![FieldError {
                    field: "number".into(),
                    message,
                }],
                cancelled: None,
            };
            let res = page(&state, &headers, CANCEL_PATH, e.status(), now, view).await;
            match e.retry_after() {
                Some(wait) => with_retry_after(res, wait),
                None => res,
            }
        }
    }
}

pub fn routes() -> axum::Router<AppState> {
    use axum::routing::get;
    axum::Router::new()
        .route(LIST_PATH, get(list))
        .route(BOOK_PATH, get(form).post(book))
        .route(BOOKED_PATH, get(booked))
        .route(CANCEL_PATH, get(cancel_form).post(cancel))
        .merge(super::staff_http::routes())
}
