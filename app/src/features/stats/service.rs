//! The bureau's monthly figures (see `domain::kpi` for every definition), bureau-wide and per
//! unit, and the monthly volumes; what `/api/v1/stats` and the statistics page both show.

use crate::domain::kpi::{Board, CaseFacts, figures};
use crate::features::stats::view::{MonthStats, UnitStats};
use crate::kernel::{AppContext, AppError, Now};
use chrono::{Datelike, Months, NaiveDate};

/// The first day of `now`'s month.
pub fn this_month(now: Now) -> NaiveDate {
    let today = now.today();
    today.with_day(1).unwrap_or(today)
}

/// The figures of the month that starts on `first_day`, as of `now`.
pub async fn month(
    ctx: &AppContext,
    first_day: NaiveDate,
    now: Now,
) -> Result<MonthStats, AppError> {
    let next = first_day + Months::new(1);
    let cases =
        crate::features::cases::store::facts_received_between(&ctx.pool, first_day, next).await?;
    let today = now.today();
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
