//! The bureau's monthly figures (see `domain::kpi` for every definition), bureau-wide and per
//! unit, and the monthly volumes; what `/api/v1/stats` and the statistics page both show.
//!
//! The figures are kept in memory and brought up to date with what was recorded since they were
//! made (new petitions and events, read by id): asking again costs one query of the content
//! version while nothing changed, and a change costs what changed plus the fold over the month's
//! cases, never reading the month again.

use crate::domain::case::event::assigned_unit;
use crate::domain::kpi::{Board, CaseFacts, Figures, figures, overdue_by_holder};
use crate::features::cases::store as cases_store;
use crate::features::stats::view::{MonthStats, UnitStats};
use crate::kernel::{AppContext, AppError, Now};
use chrono::{Datelike, Months, NaiveDate};
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// The first day of `now`'s month.
pub fn this_month(now: Now) -> NaiveDate {
    let today = now.today();
    today.with_day(1).unwrap_or(today)
}

/// Months kept in memory at once (a request for another drops the least recently asked).
const MONTHS_KEPT: usize = 24;

/// The figures kept, per month.
#[derive(Default)]
struct Kept {
    months: tokio::sync::Mutex<HashMap<NaiveDate, Month>>,
}

/// One month as far as it was read: its cases with their events, the volumes of the twelve
/// months up to it, and the last answer with the day it was made for.
struct Month {
    after_case: i64,
    after_event: i64,
    cases: BTreeMap<i64, CaseFacts>,
    volumes: BTreeMap<String, i64>,
    answer: Option<(NaiveDate, Arc<MonthStats>)>,
    asked: u64,
}

impl Month {
    fn from_facts(facts: cases_store::MonthFacts) -> Self {
        Self {
            after_case: facts.last_case,
            after_event: facts.last_event,
            cases: facts.cases.into_iter().collect(),
            volumes: facts.volumes.into_iter().collect(),
            answer: None,
            asked: 0,
        }
    }

    /// Takes in what was recorded since the last time.
    fn add(&mut self, first_day: NaiveDate, delta: cases_store::FactsDelta) {
        let next = first_day + Months::new(1);
        let from = first_day - Months::new(11);
        for (id, facts) in delta.cases {
            if id <= self.after_case {
                continue;
            }
            self.after_case = id;
            let received_on = facts.received_on;
            if received_on >= from && received_on < next {
                *self
                    .volumes
                    .entry(received_on.format("%Y-%m").to_string())
                    .or_default() += 1;
            }
            if received_on >= first_day && received_on < next {
                self.cases.insert(id, facts);
            }
        }
        for (event_id, case, on, event) in delta.events {
            if event_id <= self.after_event {
                continue;
            }
            self.after_event = event_id;
            if let Some(c) = self.cases.get_mut(&case) {
                c.events.push((on, event));
                c.unit = assigned_unit(&c.events).map(str::to_owned);
            }
        }
        self.answer = None;
    }
}

/// The month's figures (memoised), with the receptions per month (read each time: one grouped
/// count).
pub async fn month(
    ctx: &AppContext,
    first_day: NaiveDate,
    now: Now,
) -> Result<MonthStats, AppError> {
    let mut stats = month_figures(ctx, first_day, now).await?;
    let from = crate::kernel::store::date_text(first_day - Months::new(11));
    let to = crate::kernel::store::date_text(first_day);
    stats.receptions = crate::features::visits::service::arrivals_per_month(ctx)
        .await?
        .into_iter()
        .filter(|(m, _)| m.as_str() >= &from[..7] && m.as_str() <= &to[..7])
        .collect();
    Ok(stats)
}

/// The figures of the month that starts on `first_day`, as of `now`.
async fn month_figures(
    ctx: &AppContext,
    first_day: NaiveDate,
    now: Now,
) -> Result<MonthStats, AppError> {
    let kept = ctx.memos.get::<Kept>("stats");
    let mut months = kept.months.lock().await;
    let today = now.today();
    let asked = months.values().map(|m| m.asked).max().unwrap_or(0) + 1;
    if !months.contains_key(&first_day) {
        let facts = cases_store::month_facts(
            &ctx.pool,
            first_day,
            first_day + Months::new(1),
            first_day - Months::new(11),
        )
        .await?;
        if months.len() >= MONTHS_KEPT
            && let Some(oldest) = months.iter().min_by_key(|(_, m)| m.asked).map(|(d, _)| *d)
        {
            months.remove(&oldest);
        }
        months.insert(first_day, Month::from_facts(facts));
    }
    let Some(month) = months.get_mut(&first_day) else {
        return Err(AppError::unavailable("stats", "the month was not kept"));
    };
    month.asked = asked;
    // Every petition is recorded with its first event, so the newest event says whether
    // anything at all is new.
    if month.after_event < latest_event(ctx).await? {
        let delta =
            cases_store::facts_after(&ctx.pool, month.after_case, month.after_event).await?;
        month.add(first_day, delta);
    }
    if let Some((day, answer)) = &month.answer
        && *day == today
    {
        return Ok((**answer).clone());
    }
    let answer = Arc::new(answer_of(ctx, first_day, month, today));
    month.answer = Some((today, answer.clone()));
    Ok((*answer).clone())
}

/// The newest event's id: what has been recorded at all.
async fn latest_event(ctx: &AppContext) -> Result<i64, AppError> {
    ctx.pages
        .version(&ctx.pool)
        .await
        .map(|(events, _)| events)
        .ok_or_else(|| AppError::unavailable("stats", "cannot read the content version"))
}

fn answer_of(
    ctx: &AppContext,
    first_day: NaiveDate,
    month: &Month,
    today: NaiveDate,
) -> MonthStats {
    let cal = &ctx.config.calendar;
    let all: Vec<&CaseFacts> = month.cases.values().collect();
    // Who is late is who owes the deadline: during a 复查 or 复核, the review body.
    let held = overdue_by_holder(&all, today, &ctx.config);
    let mut units: Vec<UnitStats> = ctx
        .config
        .units
        .iter()
        .filter_map(|u| {
            let mine: Vec<&CaseFacts> = all
                .iter()
                .copied()
                .filter(|c| c.unit.as_deref() == Some(u.code.as_str()))
                .collect();
            let overdue = held.get(&u.code).copied().unwrap_or(0);
            (!mine.is_empty() || overdue > 0).then(|| {
                let f = Figures {
                    overdue,
                    ..figures(&mine, today, cal)
                };
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
    MonthStats {
        month: first_day.format("%Y-%m").to_string(),
        figures: figures(&all, today, cal),
        units,
        volumes: month
            .volumes
            .iter()
            .filter(|(_, n)| **n > 0)
            .map(|(m, n)| (m.clone(), *n))
            .collect(),
        by_channel: crate::domain::petition::channel::Channel::ALL
            .iter()
            .map(|c| {
                let mine: Vec<&CaseFacts> = all
                    .iter()
                    .copied()
                    .filter(|f| f.channel == c.code())
                    .collect();
                crate::features::stats::view::GroupStats {
                    code: c.code().to_owned(),
                    name: crate::kernel::i18n::simplified(&c.label()),
                    figures: figures(&mine, today, cal),
                }
            })
            .collect(),
        by_field: ctx
            .config
            .fields
            .iter()
            .map(|field| {
                let mine: Vec<&CaseFacts> = all
                    .iter()
                    .copied()
                    .filter(|f| f.field() == field.code)
                    .collect();
                crate::features::stats::view::GroupStats {
                    code: field.code.clone(),
                    name: field.name.clone(),
                    figures: figures(&mine, today, cal),
                }
            })
            .collect(),
        receptions: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::CaseEvent;
    use crate::domain::petition::Category;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn new(received: &str) -> CaseFacts {
        CaseFacts {
            received_on: day(received),
            category: Category::Appeal,
            channel: "web".into(),
            field: None,
            unit: None,
            reported_unit: None,
            events: Vec::new(),
        }
    }

    #[test]
    fn what_is_new_is_added_once_and_only_to_its_month() {
        let mut month = Month::from_facts(cases_store::MonthFacts {
            cases: Vec::new(),
            volumes: vec![("2026-11".into(), 4)],
            last_case: 10,
            last_event: 20,
        });
        let first = day("2026-12-01");
        month.add(
            first,
            cases_store::FactsDelta {
                cases: vec![
                    (9, new("2026-12-02")), // already counted
                    (11, new("2026-12-02")),
                    (12, new("2027-01-03")), // a later month
                ],
                events: vec![
                    (
                        21,
                        11,
                        day("2026-12-02"),
                        CaseEvent::Assigned {
                            unit: "city-hrss".into(),
                        },
                    ),
                    (
                        20,
                        11,
                        day("2026-12-02"),
                        CaseEvent::Assigned { unit: "old".into() },
                    ),
                ],
            },
        );
        assert_eq!(month.cases.len(), 1);
        assert_eq!(month.cases[&11].unit.as_deref(), Some("city-hrss"));
        assert_eq!(month.cases[&11].events.len(), 1, "event 20 was read before");
        assert_eq!(
            month
                .volumes
                .iter()
                .map(|(m, n)| (m.as_str(), *n))
                .collect::<Vec<_>>(),
            vec![("2026-11", 4), ("2026-12", 1)]
        );
        assert_eq!((month.after_case, month.after_event), (12, 21));
    }
}
