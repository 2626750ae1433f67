//! The reception room's posts (登记员 and 管理员): publish and take down a session, mark a booking
//! arrived or no-show; each answered with a redirect to its page, which says what was done.

use super::pages::staff::{DayView, ReceptionView};
use super::service;
use crate::domain::reception::{BookingStatus, SessionDraft};
use crate::features::staff::http::StaffMember;
use crate::kernel::render::render_page;
use crate::kernel::{AppError, AppState, Now};
use crate::ui::form::FieldError;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use leptos::prelude::provide_context;
use serde::Deserialize;

pub const PATH: &str = "/staff/reception";
pub const DAY_PATH: &str = "/staff/reception/day";

use crate::features::intake::http::{may_register as may_receive, not_here};

#[derive(Deserialize, Default)]
pub struct Said {
    #[serde(default)]
    done: Option<String>,
    #[serde(default)]
    date: Option<String>,
}

fn notice(done: Option<&str>) -> Option<String> {
    Some(
        match done? {
            "published" => "场次已发布。",
            "cancelled" => "场次已撤下。",
            "arrived" => "已登记到访。",
            "no_show" => "已登记未到访。",
            _ => return None,
        }
        .to_owned(),
    )
}

async fn reception_page(
    state: &AppState,
    headers: &HeaderMap,
    now: Now,
    status: StatusCode,
    draft: SessionDraft,
    errors: Vec<FieldError>,
    notice: Option<String>,
) -> Response {
    let sessions = match service::published(&state.ctx, now).await {
        Ok(s) => s,
        Err(e) => {
            tracing::error!(error = %e, "cannot list reception sessions");
            return (e.status(), "暂时无法读取接访场次，请稍后再试").into_response();
        }
    };
    let view = ReceptionView {
        sessions,
        draft,
        errors,
        notice,
        closes_hours: state.ctx.config.bookings.closes_hours_before,
        today: crate::kernel::store::date_text(now.today()),
    };
    render_page(state, headers, PATH, status, now, move || {
        provide_context(view.clone())
    })
    .await
}

/// `GET /staff/reception`.
pub async fn show(
    State(state): State<AppState>,
    StaffMember(staff): StaffMember,
    now: Now,
    headers: HeaderMap,
    Query(said): Query<Said>,
) -> Response {
    if !may_receive(&staff) {
        return not_here();
    }
    let notice = notice(said.done.as_deref());
    reception_page(
        &state,
        &headers,
        now,
        StatusCode::OK,
        SessionDraft::default(),
        Vec::new(),
        notice,
    )
    .await
}

/// `POST /staff/reception`: publishes a session; the form again with every problem otherwise.
pub async fn publish(
    State(state): State<AppState>,
    StaffMember(staff): StaffMember,
    now: Now,
    headers: HeaderMap,
    axum::Form(draft): axum::Form<SessionDraft>,
) -> Response {
    if !may_receive(&staff) {
        return not_here();
    }
    match service::publish(&state.ctx, &draft, staff.id, now).await {
        Ok(_) => Redirect::to(&format!("{PATH}?done=published")).into_response(),
        Err(e) => {
            let errors = e
                .problems("day", crate::domain::msg!("unavailable-save-kept"))
                .into_iter()
                .map(FieldError::from)
                .collect();
            reception_page(&state, &headers, now, e.status(), draft, errors, None).await
        }
    }
}

/// `POST /staff/reception/sessions/{id}/cancel`: takes a session down while nobody booked it.
pub async fn cancel_session(
    State(state): State<AppState>,
    StaffMember(staff): StaffMember,
    now: Now,
    headers: HeaderMap,
    Path(id): Path<i64>,
) -> Response {
    if !may_receive(&staff) {
        return not_here();
    }
    match service::cancel_session(&state.ctx, id, now).await {
        Ok(()) => Redirect::to(&format!("{PATH}?done=cancelled")).into_response(),
        Err(e) => {
            let errors = match &e {
                AppError::Refused {
                    code: "has_bookings",
                    ..
                } => vec![FieldError {
                    field: "sessions".into(),
                    message: crate::domain::message::Msg::verbatim(
                        "这一场已有人预约，不能撤下；请先联系预约人并取消其预约",
                    ),
                }],
                e => e
                    .problems("sessions", crate::domain::msg!("unavailable-save"))
                    .into_iter()
                    .map(FieldError::from)
                    .collect(),
            };
            reception_page(
                &state,
                &headers,
                now,
                e.status(),
                SessionDraft::default(),
                errors,
                None,
            )
            .await
        }
    }
}

async fn day_page(
    state: &AppState,
    headers: &HeaderMap,
    now: Now,
    day_text: &str,
    notice: Option<String>,
    error: Option<String>,
    status: StatusCode,
) -> Response {
    let day = chrono::NaiveDate::parse_from_str(day_text.trim(), "%Y-%m-%d").unwrap_or(now.today());
    let (status, view) = match service::day(&state.ctx, day, now).await {
        Ok(sessions) => (
            status,
            DayView {
                day: crate::kernel::store::date_text(day),
                sessions,
                notice,
                error,
            },
        ),
        Err(e) => {
            tracing::error!(error = %e, "cannot read a day's bookings");
            (
                e.status(),
                DayView {
                    day: crate::kernel::store::date_text(day),
                    error: Some("暂时无法读取预约名单，请稍后再试".into()),
                    ..DayView::default()
                },
            )
        }
    };
    render_page(state, headers, DAY_PATH, status, now, move || {
        provide_context(view.clone())
    })
    .await
}

/// `GET /staff/reception/day?date=YYYY-MM-DD` (today without one).
pub async fn day(
    State(state): State<AppState>,
    StaffMember(staff): StaffMember,
    now: Now,
    headers: HeaderMap,
    Query(said): Query<Said>,
) -> Response {
    if !may_receive(&staff) {
        return not_here();
    }
    let date = said.date.clone().unwrap_or_default();
    day_page(
        &state,
        &headers,
        now,
        &date,
        notice(said.done.as_deref()),
        None,
        StatusCode::OK,
    )
    .await
}

#[derive(Deserialize, Default)]
pub struct MarkForm {
    #[serde(default)]
    status: String,
    /// The day of the list the button was on, to show again if the mark is refused.
    #[serde(default)]
    date: String,
}

/// `POST /staff/reception/bookings/{id}/mark`: arrived or no-show.
pub async fn mark(
    State(state): State<AppState>,
    StaffMember(staff): StaffMember,
    now: Now,
    headers: HeaderMap,
    Path(id): Path<i64>,
    axum::Form(form): axum::Form<MarkForm>,
) -> Response {
    if !may_receive(&staff) {
        return not_here();
    }
    let to = BookingStatus::parse(form.status.trim()).unwrap_or(BookingStatus::Booked);
    match service::mark(&state.ctx, id, to, staff.id, now).await {
        Ok(b) => Redirect::to(&format!(
            "{DAY_PATH}?date={}&done={}",
            b.session.day,
            to.code()
        ))
        .into_response(),
        Err(e) => {
            let message = match &e {
                AppError::Refused { .. } => {
                    "只能在接访当天或以后登记：“已预约”的登记到访或未到访，“未到访”的改为到访"
                        .to_owned()
                }
                AppError::NotFound(message) => crate::kernel::i18n::simplified(message),
                _ => "暂时无法保存，请稍后再试".to_owned(),
            };
            day_page(
                &state,
                &headers,
                now,
                &form.date,
                None,
                Some(message),
                e.status(),
            )
            .await
        }
    }
}

pub fn routes() -> axum::Router<AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route(PATH, get(show).post(publish))
        .route(DAY_PATH, get(day))
        .route(
            "/staff/reception/sessions/{id}/cancel",
            post(cancel_session),
        )
        .route("/staff/reception/bookings/{id}/mark", post(mark))
}
