//! The letters' pages and posts: the list, the form and its post, a letter and its answer; each
//! post answered with a redirect to the letter's page, which says what was done, or with its
//! form again naming every problem.

use super::pages::{LetterView, LettersView, NewLetterView};
use super::service;
use crate::domain::letter::LetterDraft;
use crate::features::intake::http::not_here;
use crate::features::staff::http::StaffMember;
use crate::kernel::render::render_view;
use crate::kernel::{AppError, AppState, Now};
use crate::ui::form::FieldError;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Datelike;
use serde::Deserialize;

pub const PATH: &str = "/staff/letters";
pub const NEW_PATH: &str = "/staff/letters/new";

fn unavailable(e: &AppError) -> Response {
    (e.status(), "暂时无法读取函件，请稍后再试").into_response()
}

fn errors_of(e: &AppError, general: &str) -> Vec<FieldError> {
    e.problems(general, crate::domain::msg!("unavailable-save-kept"))
        .into_iter()
        .map(FieldError::from)
        .collect()
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    year: String,
    #[serde(default)]
    overdue: String,
}

/// `GET /staff/letters?year=&overdue=1`.
pub async fn list(
    State(state): State<AppState>,
    StaffMember(staff): StaffMember,
    now: Now,
    headers: HeaderMap,
    Query(q): Query<ListQuery>,
) -> Response {
    if !service::may_list(&staff) {
        return not_here();
    }
    let year = q
        .year
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|y| (2000..=2200).contains(y))
        .unwrap_or(now.today().year());
    let view: LettersView =
        match service::list(&state.ctx, &staff, year, q.overdue == "1", now).await {
            Ok(v) => v,
            Err(e) => return unavailable(&e),
        };
    render_view(&state, &headers, PATH, StatusCode::OK, now, view).await
}

#[derive(Deserialize, Default)]
pub struct NewQuery {
    #[serde(default)]
    case: Option<String>,
}

async fn form_page(
    state: &AppState,
    headers: &HeaderMap,
    now: Now,
    status: StatusCode,
    view: NewLetterView,
) -> Response {
    render_view(state, headers, NEW_PATH, status, now, view).await
}

/// `GET /staff/letters/new?case=<number>`.
pub async fn new(
    State(state): State<AppState>,
    StaffMember(staff): StaffMember,
    now: Now,
    headers: HeaderMap,
    Query(q): Query<NewQuery>,
) -> Response {
    if !service::may_issue(&staff) {
        return not_here();
    }
    let view = service::blank(&state.ctx, q.case.as_deref(), now);
    form_page(&state, &headers, now, StatusCode::OK, view).await
}

/// `POST /staff/letters`: issues the letter; the form again with every problem otherwise.
pub async fn issue(
    State(state): State<AppState>,
    StaffMember(staff): StaffMember,
    now: Now,
    headers: HeaderMap,
    axum::Form(draft): axum::Form<LetterDraft>,
) -> Response {
    if !service::may_issue(&staff) {
        return not_here();
    }
    match service::issue(&state.ctx, &staff, &draft, now).await {
        Ok(id) => Redirect::to(&format!("{PATH}/{id}?done=issued")).into_response(),
        Err(e) => {
            let view = service::form(&state.ctx, draft, errors_of(&e, "kind"));
            form_page(&state, &headers, now, e.status(), view).await
        }
    }
}

#[derive(Deserialize, Default)]
pub struct Said {
    #[serde(default)]
    done: Option<String>,
}

async fn letter_page(
    state: &AppState,
    headers: &HeaderMap,
    now: Now,
    status: StatusCode,
    view: LetterView,
) -> Response {
    let path = format!("{PATH}/{}", view.id);
    render_view(state, headers, &path, status, now, view).await
}

/// `GET /staff/letters/{id}`: the letter as its document, with its answer or the form for one.
pub async fn show(
    State(state): State<AppState>,
    StaffMember(staff): StaffMember,
    now: Now,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(said): Query<Said>,
) -> Response {
    let Ok(id) = id.parse::<i64>() else {
        return not_here();
    };
    let mut view = match service::open(&state.ctx, &staff, id, now).await {
        Ok(Some(v)) => v,
        Ok(None) => return not_here(),
        Err(e) => return unavailable(&e),
    };
    view.notice = match said.done.as_deref() {
        Some("issued") => Some(format!("已发出{}。", view.number)),
        Some("answered") => Some("答复已登记。".to_owned()),
        _ => None,
    };
    letter_page(&state, &headers, now, StatusCode::OK, view).await
}

#[derive(Deserialize, Default)]
pub struct AnswerForm {
    #[serde(default)]
    answer: String,
    #[serde(default)]
    answer_text: String,
}

/// `POST /staff/letters/{id}/answer`.
pub async fn answer(
    State(state): State<AppState>,
    StaffMember(staff): StaffMember,
    now: Now,
    headers: HeaderMap,
    Path(id): Path<String>,
    axum::Form(form): axum::Form<AnswerForm>,
) -> Response {
    let Ok(id) = id.parse::<i64>() else {
        return not_here();
    };
    match service::answer(&state.ctx, &staff, id, &form.answer, &form.answer_text, now).await {
        Ok(()) => Redirect::to(&format!("{PATH}/{id}?done=answered")).into_response(),
        Err(AppError::NotFound(_)) => not_here(),
        Err(e) => {
            let mut view = match service::open(&state.ctx, &staff, id, now).await {
                Ok(Some(v)) => v,
                Ok(None) => return not_here(),
                Err(e) => return unavailable(&e),
            };
            view.errors = errors_of(&e, "answer");
            view.typed_answer = form.answer;
            view.typed_text = form.answer_text;
            letter_page(&state, &headers, now, e.status(), view).await
        }
    }
}

pub fn routes() -> axum::Router<AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route(PATH, get(list).post(issue))
        .route(NEW_PATH, get(new))
        .route("/staff/letters/{id}", get(show))
        .route("/staff/letters/{id}/answer", post(answer))
}
