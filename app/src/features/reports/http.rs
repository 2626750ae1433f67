//! The reports' pages and downloads: `/staff/reports` (the index), `/staff/reports/annual?year=`,
//! `/staff/reports/monthly?month=` (and its post: the clerk's edited sentences as the print
//! version), `/staff/reports/board?month=`, and `…/export.csv` or `…/export.xlsx` of each.

use super::pages::{ReportView, ReportsIndex};
use super::service;
use crate::features::intake::http::not_here;
use crate::features::staff::http::StaffMember;
use crate::kernel::export::Format;
use crate::kernel::render::render_view;
use crate::kernel::{AppError, AppState, Now};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{Datelike, NaiveDate};
use serde::Deserialize;

#[derive(Deserialize, Default)]
pub struct Period {
    #[serde(default)]
    year: String,
    #[serde(default)]
    month: String,
    /// The index's 红黑榜 form names its field apart from the 研判's.
    #[serde(default, rename = "board-month")]
    board_month: String,
    /// The 研判's edited sentences (its post).
    #[serde(default)]
    text: Option<String>,
}

/// The period asked for, or the one a report of that kind defaults to (this year; last month
/// before the 10th, when this month has barely begun, else this month); `Err` with what is
/// wrong with one typed.
fn period(kind: &str, p: &Period, now: Now) -> Result<(i32, NaiveDate), String> {
    let today = now.today();
    if kind == "annual" {
        let year = match p.year.trim() {
            "" => today.year(),
            y => y
                .parse::<i32>()
                .ok()
                .filter(|y| (2000..=today.year()).contains(y))
                .ok_or_else(|| format!("年份应为 2000 到 {} 之间的四位数字", today.year()))?,
        };
        return Ok((year, today));
    }
    let typed = if p.month.trim().is_empty() {
        p.board_month.trim()
    } else {
        p.month.trim()
    };
    let first = match typed {
        "" => {
            let this = today.with_day(1).unwrap_or(today);
            if today.day() < 10 {
                this - chrono::Months::new(1)
            } else {
                this
            }
        }
        m => crate::domain::kpi::parse_month(m)
            .filter(|d| *d <= today)
            .ok_or("月份应按“年-月”填写，例如 2026-12，且不晚于本月")?,
    };
    Ok((first.year(), first))
}

async fn make(
    state: &AppState,
    kind: &str,
    p: &Period,
    now: Now,
) -> Result<Result<ReportView, String>, AppError> {
    let (year, first) = match period(kind, p, now) {
        Ok(x) => x,
        Err(problem) => return Ok(Err(problem)),
    };
    Ok(Ok(match kind {
        "annual" => service::annual(&state.ctx, year, now).await?,
        "monthly" => service::monthly(&state.ctx, first, p.text.as_deref(), now).await?,
        _ => service::board(&state.ctx, first, now).await?,
    }))
}

/// `GET /staff/reports`.
pub async fn index(
    State(state): State<AppState>,
    StaffMember(staff): StaffMember,
    now: Now,
    headers: HeaderMap,
) -> Response {
    if !service::may_read(&staff) {
        return not_here();
    }
    let today = now.today();
    let view = ReportsIndex {
        year: today.year().to_string(),
        month: today.format("%Y-%m").to_string(),
    };
    render_view(
        &state,
        &headers,
        "/staff/reports",
        StatusCode::OK,
        now,
        view,
    )
    .await
}

async fn page(state: &AppState, headers: &HeaderMap, kind: &str, p: Period, now: Now) -> Response {
    match make(state, kind, &p, now).await {
        Ok(Ok(view)) => {
            let path = format!("/staff/reports/{kind}");
            render_view(state, headers, &path, StatusCode::OK, now, view).await
        }
        Ok(Err(problem)) => (StatusCode::UNPROCESSABLE_ENTITY, problem).into_response(),
        Err(e) => (e.status(), "暂时无法生成报告，请稍后再试").into_response(),
    }
}

macro_rules! report_page {
    ($name:ident, $kind:literal) => {
        pub async fn $name(
            State(state): State<AppState>,
            StaffMember(staff): StaffMember,
            now: Now,
            headers: HeaderMap,
            Query(p): Query<Period>,
        ) -> Response {
            if !service::may_read(&staff) {
                return not_here();
            }
            page(&state, &headers, $kind, p, now).await
        }
    };
}

report_page!(annual, "annual");
report_page!(monthly, "monthly");
report_page!(board, "board");

/// `POST /staff/reports/monthly`: the 研判 with the clerk's sentences, to print.
pub async fn monthly_edited(
    State(state): State<AppState>,
    StaffMember(staff): StaffMember,
    now: Now,
    headers: HeaderMap,
    axum::Form(p): axum::Form<Period>,
) -> Response {
    if !service::may_read(&staff) {
        return not_here();
    }
    if p.text
        .as_deref()
        .is_some_and(|t| t.chars().count() > 10_000)
    {
        return (
            StatusCode::UNPROCESSABLE_ENTITY,
            "研判分析最多 10000 字，请删减后再生成打印版",
        )
            .into_response();
    }
    page(&state, &headers, "monthly", p, now).await
}

/// `GET /staff/reports/{kind}/export.{csv,xlsx}`.
pub async fn export(
    State(state): State<AppState>,
    StaffMember(staff): StaffMember,
    now: Now,
    Path((kind, file)): Path<(String, String)>,
    Query(p): Query<Period>,
) -> Response {
    if !service::may_read(&staff) || !["annual", "monthly", "board"].contains(&kind.as_str()) {
        return not_here();
    }
    let Some(format) = file.strip_prefix("export.").and_then(Format::parse) else {
        return not_here();
    };
    match make(&state, &kind, &p, now).await {
        Ok(Ok(view)) => {
            crate::kernel::export::download(&service::table(&view), format, &view.title)
        }
        Ok(Err(problem)) => (StatusCode::UNPROCESSABLE_ENTITY, problem).into_response(),
        Err(e) => (e.status(), "暂时无法生成报告，请稍后再试").into_response(),
    }
}

pub fn routes() -> axum::Router<AppState> {
    use axum::routing::get;
    axum::Router::new()
        .route("/staff/reports", get(index))
        .route("/staff/reports/annual", get(annual))
        .route("/staff/reports/monthly", get(monthly).post(monthly_edited))
        .route("/staff/reports/board", get(board))
        .route("/staff/reports/{kind}/{file}", get(export))
}
