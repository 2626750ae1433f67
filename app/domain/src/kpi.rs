//! The figures the bureau reports each year (PRODUCT.md "KPIs"), computed from case events. Every
//! figure of a month is about the cases *received* in that month (Asia/Shanghai), so a month's
//! figures settle as its cases are handled; a rate is `None` where nothing was due yet.
//!
//! Definitions:
//! - **received**: petitions received in the month.
//! - **及时受理率** (`accepted_in_time_rate`): of the cases whose 15-day registration limit
//!   (第22条) has passed or which were registered (assigned, or refused) already, the share
//!   registered on or before that limit.
//! - **按期办结率** (`closed_on_time_rate`): of the accepted cases whose handling limit (第34条,
//!   60 days from acceptance plus any extension) has passed or which were replied to, the share
//!   replied to on or before the limit.
//! - **一次性化解率** (`resolved_first_time_rate`): of the cases with a written reply, the share
//!   for which no 复查 was requested.
//! - **满意率** (`satisfaction_rate`): of the ratings given on these cases, the share 满意 or
//!   基本满意.
//! - **调解协议率** (`mediation_agreement_rate`): of the 申诉求决类 cases where mediation was
//!   held (第33条), the share where an agreement was reached.
//! - **督办** (`supervision_letters`): 督办函 and 提醒函 recorded on these cases.
//! - **超期** (`overdue`): the cases whose running deadline has passed today. Per unit, a case
//!   counts against whoever owes that deadline ([`overdue_by_holder`]): the unit it is assigned
//!   to, or during a 复查 or 复核 the body that holds the review (第35、36条), not the unit whose
//!   reply is being reviewed.
//!
//! 红黑榜 (monthly, per unit with at least one case or overdue review): 红榜 — every rate that
//! applies is at least 90 %; 黑榜 — 及时受理率 or 按期办结率 below 80 %, or an overdue case.

use crate::calendar::Calendar;
use crate::case::review::Rating;
use crate::case::{CaseEvent, Level, Urgency, current_due};
use crate::limit::Limit;
use crate::message::Msg;
use crate::petition::Category;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What the figures need to know of one case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseFacts {
    pub received_on: NaiveDate,
    pub category: Category,
    /// The channel it came by (`web`, `letter`, `visit`…: `petition::channel`).
    pub channel: String,
    /// The field (涉及领域) given when it was filed, if any (the newest `FieldSet` event
    /// overrides it: [`CaseFacts::field`]).
    pub field: Option<String>,
    /// The unit it is with now, if any.
    pub unit: Option<String>,
    /// 检举控告类: the listed unit it reports, which never holds its review (第30条).
    pub reported_unit: Option<String>,
    /// Its events with their days, oldest first.
    pub events: Vec<(NaiveDate, CaseEvent)>,
}

impl CaseFacts {
    /// The field it concerns now: the newest set by the bureau, else the one given when it
    /// was filed, else 其他.
    pub fn field(&self) -> &str {
        self.events
            .iter()
            .rev()
            .find_map(|(_, e)| match e {
                CaseEvent::FieldSet { field, .. } => Some(field.as_str()),
                _ => None,
            })
            .or(self.field.as_deref())
            .unwrap_or(crate::config::OTHER_FIELD)
    }
}

/// The figures for a set of cases (the API's field names).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Figures {
    pub received: u32,
    pub accepted_in_time_rate: Option<f64>,
    pub closed_on_time_rate: Option<f64>,
    pub resolved_first_time_rate: Option<f64>,
    pub satisfaction_rate: Option<f64>,
    pub mediation_agreement_rate: Option<f64>,
    pub supervision_letters: u32,
    /// Cases whose running deadline has passed today.
    pub overdue: u32,
}

#[derive(Default)]
struct Tally {
    hits: u32,
    of: u32,
}

impl Tally {
    fn count(&mut self, hit: bool) {
        self.of += 1;
        if hit {
            self.hits += 1;
        }
    }

    fn rate(&self) -> Option<f64> {
        (self.of > 0).then(|| f64::from(self.hits) / f64::from(self.of))
    }
}

/// The day of the first event that `is`.
fn first(events: &[(NaiveDate, CaseEvent)], is: impl Fn(&CaseEvent) -> bool) -> Option<NaiveDate> {
    events.iter().find(|(_, e)| is(e)).map(|(d, _)| *d)
}

/// The figures of `cases` as of `today`.
pub fn figures(cases: &[&CaseFacts], today: NaiveDate, calendar: &Calendar) -> Figures {
    let (mut timely, mut on_time, mut first_time, mut satisfied, mut mediated) = (
        Tally::default(),
        Tally::default(),
        Tally::default(),
        Tally::default(),
        Tally::default(),
    );
    let mut letters = 0;
    let mut overdue = 0;
    for case in cases {
        let ev = &case.events;
        // 及时受理率 (第22条).
        let register_due = calendar.due(Limit::Register, case.received_on);
        let registered = |e: &CaseEvent| {
            matches!(
                e,
                CaseEvent::Assigned { .. } | CaseEvent::NotAccepted { .. }
            )
        };
        match first(ev, registered) {
            Some(done) => timely.count(done <= register_due),
            None if today > register_due => timely.count(false),
            None => {}
        }
        // 按期办结率 (第34条).
        let replied = first(ev, |e| matches!(e, CaseEvent::Replied { .. }));
        if let Some(accepted) = first(ev, |e| matches!(e, CaseEvent::Accepted)) {
            let extension = ev
                .iter()
                .find_map(|(_, e)| match e {
                    CaseEvent::Extended { days, .. } => Some(*days),
                    _ => None,
                })
                .unwrap_or(0)
                .min(30);
            let handle_due = calendar.due_in_days(accepted, Limit::Handle.length() + extension);
            match replied {
                Some(replied) => on_time.count(replied <= handle_due),
                None if today > handle_due => on_time.count(false),
                None => {}
            }
        }
        // 一次性化解率.
        if replied.is_some() {
            first_time.count(
                first(ev, |e| {
                    matches!(
                        e,
                        CaseEvent::ReviewRequested {
                            level: Level::Review,
                            ..
                        }
                    )
                })
                .is_none(),
            );
        }
        // 满意率.
        for (_, e) in ev {
            if let CaseEvent::Evaluated { rating } = e {
                satisfied.count(matches!(
                    rating,
                    Rating::Satisfied | Rating::BasicallySatisfied
                ));
            }
        }
        // 调解协议率 (第33条): 申诉求决类 only.
        if case.category == Category::Appeal {
            let held = ev
                .iter()
                .any(|(_, e)| matches!(e, CaseEvent::Mediated { .. }));
            if held {
                mediated.count(
                    ev.iter()
                        .any(|(_, e)| matches!(e, CaseEvent::Mediated { agreed: true, .. })),
                );
            }
        }
        letters += ev
            .iter()
            .filter(|(_, e)| matches!(e, CaseEvent::Letter { .. }))
            .count() as u32;
        if is_overdue(case, today, calendar) {
            overdue += 1;
        }
    }
    Figures {
        received: cases.len() as u32,
        accepted_in_time_rate: timely.rate(),
        closed_on_time_rate: on_time.rate(),
        resolved_first_time_rate: first_time.rate(),
        satisfaction_rate: satisfied.rate(),
        mediation_agreement_rate: mediated.rate(),
        supervision_letters: letters,
        overdue,
    }
}

/// A unit's place on the month's 红黑榜.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Board {
    Red,
    Black,
    Neither,
}

impl Board {
    pub fn of(f: &Figures) -> Self {
        let below = |r: Option<f64>, bar: f64| r.is_some_and(|r| r < bar);
        if below(f.accepted_in_time_rate, 0.8) || below(f.closed_on_time_rate, 0.8) || f.overdue > 0
        {
            return Self::Black;
        }
        let rates = [
            f.accepted_in_time_rate,
            f.closed_on_time_rate,
            f.resolved_first_time_rate,
            f.satisfaction_rate,
            f.mediation_agreement_rate,
        ];
        if rates.iter().any(Option::is_some) && !rates.iter().any(|r| below(*r, 0.9)) {
            Self::Red
        } else {
            Self::Neither
        }
    }

    /// The list's name; none for a unit on neither.
    pub fn label(self) -> Option<Msg> {
        match self {
            Self::Red => Some(Msg::new("board-red")),
            Self::Black => Some(Msg::new("board-black")),
            Self::Neither => None,
        }
    }
}

/// `2026-12` → the first day of that month; `None` for anything else.
pub fn parse_month(s: &str) -> Option<NaiveDate> {
    let (y, m) = s.trim().split_once('-')?;
    if y.len() != 4 || m.len() != 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, 1)
}

/// Whether the case's running deadline has passed today.
pub fn is_overdue(case: &CaseFacts, today: NaiveDate, calendar: &Calendar) -> bool {
    current_due(&case.events, case.received_on, calendar)
        .is_some_and(|(_, due)| Urgency::of(due, today) == Urgency::Overdue)
}

/// The overdue cases per unit that owes their deadline now (`case::event::holder`): the unit
/// handling it, or the 复查/复核 body while a review waits. Cases the bureau itself holds count
/// against no unit.
pub fn overdue_by_holder(
    cases: &[&CaseFacts],
    today: NaiveDate,
    config: &crate::config::BureauConfig,
) -> std::collections::BTreeMap<String, u32> {
    let mut held = std::collections::BTreeMap::new();
    for case in cases {
        if is_overdue(case, today, &config.calendar)
            && let Some(holder) =
                crate::case::event::holder(&case.events, config, case.reported_unit.as_deref())
        {
            *held.entry(holder).or_default() += 1;
        }
    }
    held
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{BureauConfig, EXAMPLE_CONFIG};

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    /// A case with `events` given as (kind, day); each `evaluated` takes the next of `ratings`,
    /// and ratings left over are given on the last day.
    fn case(received: NaiveDate, events: &[(&str, NaiveDate)], ratings: &[&str]) -> CaseFacts {
        let mut ratings = ratings
            .iter()
            .map(|r| Rating::parse(r).expect("a rating code"));
        let mut typed: Vec<(NaiveDate, CaseEvent)> = events
            .iter()
            .map(|(k, d)| {
                let event = match crate::case::event::sample(k, None) {
                    CaseEvent::Evaluated { .. } => CaseEvent::Evaluated {
                        rating: ratings.next().expect("a rating for each evaluation"),
                    },
                    other => other,
                };
                (*d, event)
            })
            .collect();
        let last = typed.last().map(|(d, _)| *d).unwrap_or(received);
        typed.extend(ratings.map(|rating| (last, CaseEvent::Evaluated { rating })));
        CaseFacts {
            received_on: received,
            category: Category::Appeal,
            channel: "web".into(),
            field: None,
            unit: Some("city-hrss".into()),
            reported_unit: None,
            events: typed,
        }
    }

    /// Four March cases, figures worked out by hand (registration limit of a case received on
    /// 03-02 is 03-17; handling limit from acceptance on 03-10 is 05-09, a Saturday that is a
    /// make-up working day of 劳动节 2026, so it stays).
    #[test]
    fn a_month_of_cases_by_hand() {
        let cal = BureauConfig::parse(EXAMPLE_CONFIG).unwrap().calendar;
        let today = d(6, 30);
        assert_eq!(
            cal.due(Limit::Handle, d(3, 10)),
            d(5, 9),
            "第34条, make-up Saturday"
        );
        let a = case(
            d(3, 2),
            &[
                ("received", d(3, 2)),
                ("assigned", d(3, 5)),
                ("accepted", d(3, 10)),
                ("mediation_agreed", d(3, 20)),
                ("replied", d(4, 1)),
                ("evaluated", d(4, 2)),
            ],
            &["satisfied"],
        );
        let b = case(
            d(3, 2),
            &[
                ("received", d(3, 2)),
                ("assigned", d(3, 20)), // late: after 03-17
                ("accepted", d(3, 25)),
                ("supervision_letter", d(4, 20)),
                ("replied", d(6, 1)), // late: limit from 03-25 is 05-24 (Sunday) → 05-25
                ("review_requested", d(6, 5)),
            ],
            &["unsatisfied"],
        );
        let c = case(
            d(3, 2),
            &[
                ("received", d(3, 2)),
                ("assigned", d(3, 6)),
                ("accepted", d(3, 10)),
                ("mediation_failed", d(3, 30)),
            ],
            &[],
        );
        let e = case(
            d(3, 30),
            &[("received", d(3, 30))],
            &["basically_satisfied"],
        );
        let f = figures(&[&a, &b, &c, &e], today, &cal);
        assert_eq!(f.received, 4);
        // Registered in time: a and c of a, b, c, and e (never registered, its limit passed).
        assert_eq!(f.accepted_in_time_rate, Some(0.5));
        // Replied on time: a of a, b, and c (accepted 03-10, no reply, limit 05-11 passed).
        assert_eq!(f.closed_on_time_rate, Some(1.0 / 3.0));
        // Without 复查: a of a and b.
        assert_eq!(f.resolved_first_time_rate, Some(0.5));
        // 满意 + 基本满意 of three ratings.
        assert_eq!(f.satisfaction_rate, Some(2.0 / 3.0));
        // Agreement in a, not in c.
        assert_eq!(f.mediation_agreement_rate, Some(0.5));
        assert_eq!(f.supervision_letters, 1);
        // c (handling limit passed) and e (registration limit passed) are overdue.
        assert_eq!(f.overdue, 2);
        assert_eq!(Board::of(&f), Board::Black);
    }

    #[test]
    fn nothing_due_is_null_not_zero() {
        let cal = BureauConfig::parse(EXAMPLE_CONFIG).unwrap().calendar;
        let fresh = case(d(3, 2), &[("received", d(3, 2))], &[]);
        let f = figures(&[&fresh], d(3, 3), &cal);
        assert_eq!(f.received, 1);
        assert_eq!(f.accepted_in_time_rate, None);
        assert_eq!(f.satisfaction_rate, None);
        assert_eq!(Board::of(&f), Board::Neither);
        let good = case(
            d(3, 2),
            &[
                ("received", d(3, 2)),
                ("assigned", d(3, 3)),
                ("accepted", d(3, 4)),
                ("replied", d(3, 20)),
            ],
            &["satisfied"],
        );
        assert_eq!(Board::of(&figures(&[&good], d(6, 1), &cal)), Board::Red);
    }

    #[test]
    fn months_are_read_strictly() {
        assert_eq!(parse_month("2026-12"), Some(d(12, 1)));
        assert_eq!(parse_month("2026-13"), None);
        assert_eq!(parse_month("2026-1"), None);
        assert_eq!(parse_month("十二月"), None);
    }

    /// A 复查 left unanswered past its 30 days is the review body's lateness, not the unit's
    /// whose reply is reviewed; the unit's own late reply is its own.
    #[test]
    fn an_overdue_review_counts_against_the_body_that_holds_it() {
        let config = BureauConfig::parse(EXAMPLE_CONFIG).unwrap();
        let reviewed = case(
            d(3, 2),
            &[
                ("received", d(3, 2)),
                ("assigned", d(3, 5)),
                ("accepted", d(3, 10)),
                ("replied", d(4, 1)),
                ("review_requested", d(4, 10)),
            ],
            &[],
        );
        let late = case(
            d(3, 2),
            &[
                ("received", d(3, 2)),
                ("assigned", d(3, 5)),
                ("accepted", d(3, 10)),
            ],
            &[],
        );
        let cases = [&reviewed, &late];
        let today = d(7, 1);
        assert!(is_overdue(&reviewed, today, &config.calendar));
        assert_eq!(
            overdue_by_holder(&cases, today, &config)
                .into_iter()
                .collect::<Vec<_>>(),
            [("city-gov".to_owned(), 1), ("city-hrss".to_owned(), 1)]
        );
        // Answered, the review is no one's: only the unit's own late case is left.
        let mut answered = reviewed.clone();
        answered
            .events
            .push((d(5, 1), crate::case::event::sample("review_answered", None)));
        assert_eq!(
            overdue_by_holder(&[&answered, &late], today, &config)
                .into_iter()
                .collect::<Vec<_>>(),
            [("city-hrss".to_owned(), 1)]
        );
        assert_eq!(figures(&cases, today, &config.calendar).overdue, 2);
        // A report on the review body itself: the bureau holds its review, no unit is charged.
        let report = CaseFacts {
            reported_unit: Some("city-gov".into()),
            ..reviewed.clone()
        };
        assert!(overdue_by_holder(&[&report], today, &config).is_empty());
    }
}
