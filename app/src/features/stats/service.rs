//! The bureau's monthly figures (see `domain::kpi` for every definition), bureau-wide and per
//! unit, and the monthly volumes; what `/api/v1/stats` and the statistics page both show.

use crate::domain::kpi::{Board, CaseFacts, figures};
use crate::features::petition::service::shanghai;
use crate::features::stats::view::{MonthStats, UnitStats};
use crate::kernel::context::AppContext;
use crate::kernel::store::StoreError;
use chrono::{Datelike, Months, NaiveDate, Utc};

pub fn this_month() -> NaiveDate {
    let today = Utc::now().with_timezone(&shanghai()).date_naive();
    today.with_day(1).unwrap_or(today)
}

pub async fn month(ctx: &AppContext, first_day: NaiveDate) -> Result<MonthStats, StoreError> {
    let next = first_day + Months::new(1);
    let cases =
        crate::features::cases::store::facts_received_between(&ctx.pool, first_day, next).await?;
    let today = Utc::now().with_timezone(&shanghai()).date_naive();
    let cal = &ctx.config.calendar;
    let all: Vec<&CaseFacts> = cases.iter().collect();
    let mut units: Vec<UnitStats> = ctx
        .config
        .units
        .iter()
        .filter_map(|u| {
            let mine: Vec<&CaseFacts> = cases
                .iter()
                .filter(|c| c.unit.as_deref() == Some(u.code.as_str()))
                .collect();
            (!mine.is_empty()).then(|| {
                let f = figures(&mine, today, cal);
                UnitStats {
                    unit: u.code.clone(),
                    unit_name: u.name.clone(),
                    board: Board::of(&f),
                    figures: f,
                }
            })
        })
        .collect();
    units.sort_by_key(|u| std::cmp::Reverse(u.figures.received));
    let volumes =
        crate::features::cases::store::monthly_volumes(&ctx.pool, first_day - Months::new(11))
            .await?
            .into_iter()
            .filter(|(m, _)| m.as_str() <= first_day.format("%Y-%m").to_string().as_str())
            .collect();
    Ok(MonthStats {
        month: first_day.format("%Y-%m").to_string(),
        figures: figures(&all, today, cal),
        units,
        volumes,
    })
}
