//! `GET /api/v1/stats`.

use crate::domain::msg;
use crate::kernel::api::{ErrorBody, answer, error};
use crate::kernel::{AppState, Now};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use utoipa::ToSchema;

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
        (status = 200, description = "The month's figures", body = crate::features::stats::view::MonthStats),
        (status = 422, description = "A month that is not YYYY-MM", body = ErrorBody),
    )
)]
pub async fn stats(
    State(state): State<AppState>,
    now: Now,
    axum::extract::Query(q): axum::extract::Query<StatsQuery>,
) -> Response {
    let first_day = match q.month.as_deref() {
        None => crate::features::stats::service::this_month(now),
        Some(m) => match crate::domain::kpi::parse_month(m) {
            Some(d) => d,
            None => {
                return error(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "month",
                    "invalid_month",
                    msg!("stats-bad-month"),
                );
            }
        },
    };
    match crate::features::stats::service::month(&state.ctx, first_day, now).await {
        Ok(s) => axum::Json(s).into_response(),
        Err(e) => answer(e, msg!("unavailable-stats")),
    }
}

/// The figures of a month, bureau-wide or for a unit (PRODUCT.md's field names): rates are
/// fractions 0–1, `null` where nothing was due.
#[derive(ToSchema)]
#[schema(as = Figures)]
#[allow(dead_code)]
pub struct FiguresDoc {
    received: u32,
    accepted_in_time_rate: Option<f64>,
    closed_on_time_rate: Option<f64>,
    resolved_first_time_rate: Option<f64>,
    satisfaction_rate: Option<f64>,
    mediation_agreement_rate: Option<f64>,
    supervision_letters: u32,
    /// Cases whose running deadline has passed today.
    overdue: u32,
}

/// A unit's place on the month's 红黑榜.
#[derive(ToSchema)]
#[schema(as = Board)]
#[serde(rename_all = "snake_case")]
#[allow(dead_code)]
pub enum BoardDoc {
    Red,
    Black,
    Neither,
}

#[cfg(test)]
mod doc_tests {
    use super::*;
    use crate::domain::kpi::{Board, Figures};
    use crate::kernel::api::{same_codes, same_fields};

    #[test]
    fn the_documented_shapes_are_the_ones_used() {
        same_fields::<FiguresDoc>(&Figures::default());
        let codes = [Board::Red, Board::Black, Board::Neither].map(|b| {
            serde_json::to_value(b)
                .unwrap()
                .as_str()
                .unwrap()
                .to_owned()
        });
        same_codes::<BoardDoc>(&codes.each_ref().map(String::as_str));
    }
}

/// `GET /api/v1/stats`
pub fn routes() -> axum::Router<AppState> {
    axum::Router::new().route("/stats", axum::routing::get(stats))
}

/// This feature's part of the OpenAPI document.
#[derive(utoipa::OpenApi)]
#[openapi(
    paths(stats),
    components(schemas(super::view::MonthStats, super::view::UnitStats, FiguresDoc, BoardDoc))
)]
pub struct Doc;
