//! The deadline a case is running against now, and how it stands today.

use super::event::{CaseEvent, Level};
use crate::calendar::Calendar;
use crate::history::Dated;
use crate::limit::Limit;
use crate::message::Msg;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The deadline a case is running against now, from its events, oldest first: registration
/// (第22条) until it is assigned, the unit's notice of acceptance (第23条) until it accepts,
/// handling (第34条, plus an extension) until it replies, and the answer to a 复查 or 复核
/// request (第35、36条; the days of a 复核 hearing are not counted, 第36条). `None` when nothing
/// is running.
pub fn current_due<H: Dated<CaseEvent>>(
    events: &[H],
    received_on: NaiveDate,
    calendar: &Calendar,
) -> Option<(Limit, NaiveDate)> {
    let mut running = Some((Limit::Register, calendar.due(Limit::Register, received_on)));
    let mut accepted_on = None;
    let mut recheck: Option<(NaiveDate, u32)> = None;
    for e in events {
        let date = e.on();
        running = match e.event() {
            CaseEvent::Assigned { .. } => Some((
                Limit::AcknowledgeReceipt,
                calendar.due(Limit::AcknowledgeReceipt, date),
            )),
            CaseEvent::Accepted => {
                accepted_on = Some(date);
                Some((Limit::Handle, calendar.due(Limit::Handle, date)))
            }
            CaseEvent::Extended { days, .. } => accepted_on.map(|d| {
                let days = Limit::Handle.length() + (*days).min(30);
                (Limit::Extension, calendar.due_in_days(d, days))
            }),
            CaseEvent::ReviewRequested {
                level: Level::Review,
                ..
            } => Some((Limit::AnswerReview, calendar.due(Limit::AnswerReview, date))),
            CaseEvent::ReviewRequested {
                level: Level::Recheck,
                ..
            } => {
                recheck = Some((date, 0));
                Some((
                    Limit::AnswerRecheck,
                    calendar.due(Limit::AnswerRecheck, date),
                ))
            }
            CaseEvent::Hearing { days, .. } => match (running, recheck.as_mut()) {
                (Some((Limit::AnswerRecheck, _)), Some((requested, heard))) => {
                    *heard += *days;
                    Some((
                        Limit::AnswerRecheck,
                        calendar.due_in_days(*requested, Limit::AnswerRecheck.length() + *heard),
                    ))
                }
                _ => running,
            },
            CaseEvent::Replied { .. }
            | CaseEvent::ReviewAnswered { .. }
            | CaseEvent::NotAccepted { .. }
            | CaseEvent::Closed => None,
            CaseEvent::Received
            | CaseEvent::Objected { .. }
            | CaseEvent::Progress { .. }
            | CaseEvent::Mediated { .. }
            | CaseEvent::Evaluated { .. }
            | CaseEvent::Letter { .. }
            | CaseEvent::QueryCodeReset
            | CaseEvent::FieldSet { .. } => running,
        };
    }
    running
}

/// How a deadline stands on `today`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Urgency {
    Overdue,
    /// Due within three days.
    DueSoon,
    OnTime,
}

impl Urgency {
    pub fn of(due: chrono::NaiveDate, today: chrono::NaiveDate) -> Self {
        if today > due {
            Self::Overdue
        } else if (due - today).num_days() <= 3 {
            Self::DueSoon
        } else {
            Self::OnTime
        }
    }

    pub fn label(self) -> Option<Msg> {
        match self {
            Self::Overdue => Some(Msg::new("urgency-overdue")),
            Self::DueSoon => Some(Msg::new("urgency-due-soon")),
            Self::OnTime => None,
        }
    }
}

#[cfg(test)]
mod due_tests {
    use super::*;
    use crate::case::event::typed;
    use crate::config::{BureauConfig, EXAMPLE_CONFIG};
    use crate::limit::Limit;
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_running_deadline_follows_the_case() {
        let cal = BureauConfig::parse(EXAMPLE_CONFIG).unwrap().calendar;
        let received = d(2026, 3, 2);
        // 第22条: 15 days from 03-03 end on 03-17 (a Tuesday).
        assert_eq!(
            current_due(&typed(&[]), received, &cal),
            Some((Limit::Register, d(2026, 3, 17)))
        );
        // 第23条: assigned on 03-10 → 15 days end on 03-25.
        let assigned = [
            ("received", received, None),
            ("assigned", d(2026, 3, 10), None),
        ];
        assert_eq!(
            current_due(&typed(&assigned), received, &cal),
            Some((Limit::AcknowledgeReceipt, d(2026, 3, 25)))
        );
        // 第34条: accepted on 03-20 → 60 days end on 05-19; extended by 30 → 06-18
        // (端午节 2026-06-19 is the day after, so no move).
        let mut events = assigned.to_vec();
        events.push(("accepted", d(2026, 3, 20), None));
        assert_eq!(
            current_due(&typed(&events), received, &cal),
            Some((Limit::Handle, d(2026, 5, 19)))
        );
        events.push(("extended", d(2026, 5, 1), Some(30)));
        assert_eq!(
            current_due(&typed(&events), received, &cal),
            Some((Limit::Extension, d(2026, 6, 18)))
        );
        events.push(("replied", d(2026, 6, 1), None));
        assert_eq!(current_due(&typed(&events), received, &cal), None);
        // 第35条: a 复查 request on 06-05 → 30 days end on 07-05, a Sunday → Monday 07-06.
        events.push(("review_requested", d(2026, 6, 5), None));
        assert_eq!(
            current_due(&typed(&events), received, &cal),
            Some((Limit::AnswerReview, d(2026, 7, 6)))
        );
    }

    #[test]
    fn a_recheck_hearing_is_not_counted() {
        // 第36条: a 复核 request on 2026-09-01 → 30 days end on 10-01, inside 国庆节, so the
        // limit moves to the first working day after the holiday.
        let cal = BureauConfig::parse(EXAMPLE_CONFIG).unwrap().calendar;
        let received = d(2026, 3, 2);
        let mut events = vec![
            ("assigned", d(2026, 3, 3), None),
            ("accepted", d(2026, 3, 4), None),
            ("replied", d(2026, 4, 1), None),
            ("review_requested", d(2026, 4, 10), None),
            ("review_answered", d(2026, 5, 6), None),
            ("recheck_requested", d(2026, 9, 1), None),
        ];
        let plain = cal.due(Limit::AnswerRecheck, d(2026, 9, 1));
        assert_eq!(
            current_due(&typed(&events), received, &cal),
            Some((Limit::AnswerRecheck, plain))
        );
        // A hearing of 5 days, then another of 3: 38 days are counted from 09-01.
        events.push(("hearing", d(2026, 9, 10), Some(5)));
        events.push(("hearing", d(2026, 9, 20), Some(3)));
        assert_eq!(
            current_due(&typed(&events), received, &cal),
            Some((Limit::AnswerRecheck, cal.due_in_days(d(2026, 9, 1), 38)))
        );
        assert_eq!(plain, d(2026, 10, 8));
        // 38 days end on 10-09, a working Friday.
        assert_eq!(cal.due_in_days(d(2026, 9, 1), 38), d(2026, 10, 9));
        // A hearing during 复查 changes nothing: only 第36条 excludes hearing time.
        let review = [
            ("accepted", d(2026, 3, 4), None),
            ("replied", d(2026, 4, 1), None),
            ("review_requested", d(2026, 4, 10), None),
            ("hearing", d(2026, 4, 20), Some(5)),
        ];
        assert_eq!(
            current_due(&typed(&review), received, &cal),
            Some((
                Limit::AnswerReview,
                cal.due(Limit::AnswerReview, d(2026, 4, 10))
            ))
        );
    }

    #[test]
    fn urgency_of_a_deadline() {
        assert_eq!(
            Urgency::of(d(2026, 3, 17), d(2026, 3, 18)),
            Urgency::Overdue
        );
        assert_eq!(
            Urgency::of(d(2026, 3, 17), d(2026, 3, 14)),
            Urgency::DueSoon
        );
        assert_eq!(
            Urgency::of(d(2026, 3, 17), d(2026, 3, 17)),
            Urgency::DueSoon
        );
        assert_eq!(Urgency::of(d(2026, 3, 17), d(2026, 3, 1)), Urgency::OnTime);
    }
}
