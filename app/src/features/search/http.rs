//! `GET /staff/search` (the page) and `GET /staff/search/export.{csv,xlsx}` (the downloads), both
//! with the criteria in the query string.

use super::service;
use crate::domain::case::search::SearchForm;
use crate::features::intake::http::not_here;
use crate::features::staff::http::StaffMember;
use crate::kernel::export::Format;
use crate::kernel::render::render_view;
use crate::kernel::{AppError, AppState, Now};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

pub const PATH: &str = "/staff/search";

/// `GET /staff/search?…`: the form, and the page of matters found for a sent one.
pub async fn show(
    State(state): State<AppState>,
    StaffMember(staff): StaffMember,
    now: Now,
    headers: HeaderMap,
    Query(form): Query<SearchForm>,
) -> Response {
    if !service::may_search(&staff) {
        return not_here();
    }
    match service::page(&state.ctx, &staff, form, now).await {
        Ok(view) => {
            let status = if view.errors.is_empty() {
                StatusCode::OK
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            render_view(&state, &headers, PATH, status, now, view).await
        }
        Err(e) => (e.status(), "暂时无法查询，请稍后再试").into_response(),
    }
}

/// `GET /staff/search/export.csv?…` and `.xlsx`: the whole result as a download.
pub async fn export(
    State(state): State<AppState>,
    StaffMember(staff): StaffMember,
    now: Now,
    Path(file): Path<String>,
    Query(form): Query<SearchForm>,
) -> Response {
    if !service::may_search(&staff) {
        return not_here();
    }
    let Some(format) = file.strip_prefix("export.").and_then(Format::parse) else {
        return not_here();
    };
    match service::export(&state.ctx, &staff, &form, now).await {
        Ok(table) => crate::kernel::export::download(
            &table,
            format,
            &format!("信访事项-{}", crate::kernel::store::date_text(now.today())),
        ),
        Err(AppError::Invalid(problems)) => {
            let said: Vec<String> = problems
                .iter()
                .map(|p| crate::kernel::i18n::simplified(&p.message))
                .collect();
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                format!("查询条件有误，未导出：{}", said.join("；")),
            )
                .into_response()
        }
        Err(e) => (e.status(), "暂时无法导出，请稍后再试").into_response(),
    }
}

pub fn routes() -> axum::Router<AppState> {
    use axum::routing::get;
    axum::Router::new()
        .route(PATH, get(show))
        .route("/staff/search/{file}", get(export))
}
