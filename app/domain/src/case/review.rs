//! What the citizen may do after a written reply: rate it (满意度评价, 第21条) once per reply, and
//! ask one level up for 复查 within 30 days of the reply (第35条), then for 复核 within 30 days of
//! the 复查 answer (第36条); after 复核 the same matter is not taken again (第36条).

use super::event::{CaseEvent, Level};
use crate::calendar::Calendar;
use crate::history::Dated;
use crate::limit::Limit;
use crate::message::Msg;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    Satisfied,
    BasicallySatisfied,
    Unsatisfied,
}

impl Rating {
    pub const ALL: [Self; 3] = [Self::Satisfied, Self::BasicallySatisfied, Self::Unsatisfied];

    /// The API's code: `satisfied | basically_satisfied | unsatisfied`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Satisfied => "satisfied",
            Self::BasicallySatisfied => "basically_satisfied",
            Self::Unsatisfied => "unsatisfied",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code.trim())
    }

    pub fn label(self) -> Msg {
        match self {
            Self::Satisfied => Msg::new("rating-satisfied"),
            Self::BasicallySatisfied => Msg::new("rating-basically-satisfied"),
            Self::Unsatisfied => Msg::new("rating-unsatisfied"),
        }
    }
}

/// Where a case stands for the citizen's after-reply requests, read from its events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AfterReply {
    /// The latest written reply, if any: its day, and the review it answered (`None` for the
    /// first reply).
    pub last_reply: Option<(Option<Level>, NaiveDate)>,
    /// Whether the latest reply has been rated.
    pub rated: bool,
    /// Whether a 复查 or 复核 request is waiting for its answer.
    pub pending_request: bool,
}

impl AfterReply {
    pub fn of<H: Dated<CaseEvent>>(events: &[H]) -> Self {
        let mut state = Self {
            last_reply: None,
            rated: false,
            pending_request: false,
        };
        for e in events {
            match e.event() {
                CaseEvent::Replied { .. } => {
                    state = Self {
                        last_reply: Some((None, e.on())),
                        rated: false,
                        pending_request: false,
                    }
                }
                CaseEvent::ReviewAnswered { level, .. } => {
                    state = Self {
                        last_reply: Some((Some(*level), e.on())),
                        rated: false,
                        pending_request: false,
                    }
                }
                CaseEvent::Evaluated { .. } => state.rated = true,
                CaseEvent::ReviewRequested { .. } => state.pending_request = true,
                _ => {}
            }
        }
        state
    }

    /// The last day to ask for the next review after the latest reply (第35、36条).
    pub fn request_until(&self, calendar: &Calendar) -> Option<NaiveDate> {
        self.last_reply.map(|(answered, date)| {
            let limit = match answered {
                None => Limit::RequestReview,
                Some(_) => Limit::RequestRecheck,
            };
            calendar.due(limit, date)
        })
    }
}

/// Why an after-reply request is refused (the API answers 409 with the message).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotNow {
    NoReplyYet,
    AlreadyRated,
    RequestPending,
    /// After 复核 the same facts and reasons are not taken again (第36条).
    Final,
    /// The 30 days of 第35/36条 ended on this day.
    WindowClosed(NaiveDate),
}

impl NotNow {
    pub fn code(self) -> &'static str {
        match self {
            Self::NoReplyYet => "no_reply_yet",
            Self::AlreadyRated => "already_rated",
            Self::RequestPending => "request_pending",
            Self::Final => "final",
            Self::WindowClosed(_) => "window_closed",
        }
    }

    pub fn message(self) -> Msg {
        match self {
            Self::NoReplyYet => Msg::new("not-now-no-reply"),
            Self::AlreadyRated => Msg::new("not-now-rated"),
            Self::RequestPending => Msg::new("not-now-pending"),
            Self::Final => Msg::new("not-now-final"),
            Self::WindowClosed(last) => crate::msg!("not-now-window-closed", last = last),
        }
    }
}

/// Whether the latest reply may be rated now.
pub fn may_rate(state: &AfterReply) -> Result<(), NotNow> {
    match state.last_reply {
        None => Err(NotNow::NoReplyYet),
        Some(_) if state.rated => Err(NotNow::AlreadyRated),
        Some(_) => Ok(()),
    }
}

/// The review a request would be, if it may be made `today`: 复查 after the first reply, 复核
/// after the 复查 answer; after 复核, none (第36条).
pub fn review_request(
    state: &AfterReply,
    today: NaiveDate,
    calendar: &Calendar,
) -> Result<Level, NotNow> {
    if state.pending_request {
        return Err(NotNow::RequestPending);
    }
    let level = match state.last_reply {
        None => return Err(NotNow::NoReplyYet),
        Some((None, _)) => Level::Review,
        Some((Some(Level::Review), _)) => Level::Recheck,
        Some((Some(Level::Recheck), _)) => return Err(NotNow::Final),
    };
    let last_day = state.request_until(calendar).unwrap_or(today);
    if today > last_day {
        return Err(NotNow::WindowClosed(last_day));
    }
    Ok(level)
}

/// How many days before a 复查 or 复核 window closes its citizen is reminded.
pub const REMINDER_DAYS: i64 = 5;

/// The review the citizen may still ask for and the last day to ask, when that day is at most
/// [`REMINDER_DAYS`] days after `today` (none once asked, after 复核, or when the window is
/// shut).
pub fn closing_soon(
    state: &AfterReply,
    today: NaiveDate,
    calendar: &Calendar,
) -> Option<(Level, NaiveDate)> {
    let level = review_request(state, today, calendar).ok()?;
    let last = state.request_until(calendar)?;
    ((last - today).num_days() <= REMINDER_DAYS).then_some((level, last))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{BureauConfig, EXAMPLE_CONFIG};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn calendar() -> Calendar {
        BureauConfig::parse(EXAMPLE_CONFIG).unwrap().calendar
    }

    use super::super::action::Outcome;

    const SUPPORT: Outcome = Outcome::Support;

    fn replied() -> CaseEvent {
        CaseEvent::Replied { outcome: SUPPORT }
    }
    fn requested(level: Level) -> CaseEvent {
        CaseEvent::ReviewRequested {
            level,
            reason: "不服".into(),
        }
    }
    fn answered(level: Level) -> CaseEvent {
        CaseEvent::ReviewAnswered {
            level,
            outcome: SUPPORT,
        }
    }
    fn rated() -> CaseEvent {
        CaseEvent::Evaluated {
            rating: Rating::Satisfied,
        }
    }

    #[test]
    fn a_reply_can_be_rated_once() {
        let none = AfterReply::of(&[(d(2026, 3, 2), CaseEvent::Received)]);
        assert_eq!(may_rate(&none), Err(NotNow::NoReplyYet));
        let replied_ = AfterReply::of(&[
            (d(2026, 3, 2), CaseEvent::Received),
            (d(2026, 4, 1), replied()),
        ]);
        assert_eq!(may_rate(&replied_), Ok(()));
        let rated_ = AfterReply::of(&[(d(2026, 4, 1), replied()), (d(2026, 4, 2), rated())]);
        assert_eq!(may_rate(&rated_), Err(NotNow::AlreadyRated));
        // A new reply (the 复查 answer) can be rated again.
        let again = AfterReply::of(&[
            (d(2026, 4, 1), replied()),
            (d(2026, 4, 2), rated()),
            (d(2026, 4, 3), requested(Level::Review)),
            (d(2026, 4, 20), answered(Level::Review)),
        ]);
        assert_eq!(may_rate(&again), Ok(()));
    }

    #[test]
    fn review_then_recheck_within_30_days_then_final() {
        let cal = calendar();
        // 第35条: reply on 2026-04-01 → 30 days from 04-02 end on 05-01, a holiday (劳动节
        // 05-01..05-05) → moved to the next working day, 2026-05-06.
        let replied_ = AfterReply::of(&[(d(2026, 4, 1), replied())]);
        assert_eq!(
            review_request(&replied_, d(2026, 5, 6), &cal),
            Ok(Level::Review)
        );
        assert_eq!(
            review_request(&replied_, d(2026, 5, 7), &cal),
            Err(NotNow::WindowClosed(d(2026, 5, 6)))
        );
        // 第36条: after the 复查 answer, 复核.
        let answered_ = AfterReply::of(&[
            (d(2026, 4, 1), replied()),
            (d(2026, 4, 3), requested(Level::Review)),
            (d(2026, 4, 20), answered(Level::Review)),
        ]);
        assert_eq!(
            review_request(&answered_, d(2026, 4, 21), &cal),
            Ok(Level::Recheck)
        );
        let pending = AfterReply::of(&[
            (d(2026, 4, 1), replied()),
            (d(2026, 4, 3), requested(Level::Review)),
        ]);
        assert_eq!(
            review_request(&pending, d(2026, 4, 4), &cal),
            Err(NotNow::RequestPending)
        );
        let final_ = AfterReply::of(&[
            (d(2026, 4, 1), replied()),
            (d(2026, 4, 20), answered(Level::Review)),
            (d(2026, 5, 20), answered(Level::Recheck)),
        ]);
        assert_eq!(
            review_request(&final_, d(2026, 5, 21), &cal),
            Err(NotNow::Final)
        );
        assert_eq!(NotNow::Final.message().id, "not-now-final");
        let nothing: [(NaiveDate, CaseEvent); 0] = [];
        assert_eq!(
            review_request(&AfterReply::of(&nothing), d(2026, 5, 21), &cal),
            Err(NotNow::NoReplyYet)
        );
    }

    #[test]
    fn ratings_use_the_api_codes() {
        for r in Rating::ALL {
            assert_eq!(Rating::parse(r.code()), Some(r));
        }
        assert_eq!(Rating::parse("great"), None);
    }

    #[test]
    fn the_reminder_comes_in_the_last_days_of_an_open_window_only() {
        let c = calendar();
        let replied_on = d(2026, 12, 1);
        let state = |events: &[CaseEvent]| {
            let dated: Vec<(NaiveDate, CaseEvent)> =
                events.iter().cloned().map(|e| (replied_on, e)).collect();
            AfterReply::of(&dated)
        };
        let after_reply = state(&[replied()]);
        let last = after_reply.request_until(&c).unwrap();
        assert_eq!(
            closing_soon(&after_reply, replied_on, &c),
            None,
            "too early"
        );
        let early = last - chrono::Duration::days(REMINDER_DAYS + 1);
        assert_eq!(closing_soon(&after_reply, early, &c), None);
        let first = last - chrono::Duration::days(REMINDER_DAYS);
        assert_eq!(
            closing_soon(&after_reply, first, &c),
            Some((Level::Review, last))
        );
        assert_eq!(
            closing_soon(&after_reply, last, &c),
            Some((Level::Review, last))
        );
        let after = last + chrono::Duration::days(1);
        assert_eq!(closing_soon(&after_reply, after, &c), None, "shut");
        // Asked already, or after 复核: nothing to remind of.
        let asked = state(&[replied(), requested(Level::Review)]);
        assert_eq!(closing_soon(&asked, first, &c), None);
        let rechecked = state(&[
            replied(),
            requested(Level::Review),
            answered(Level::Review),
            requested(Level::Recheck),
            answered(Level::Recheck),
        ]);
        assert_eq!(closing_soon(&rechecked, first, &c), None);
        // After the 复查 answer, the 复核 window.
        let reviewed = state(&[replied(), requested(Level::Review), answered(Level::Review)]);
        let last = reviewed.request_until(&c).unwrap();
        assert_eq!(
            closing_soon(&reviewed, last, &c),
            Some((Level::Recheck, last))
        );
    }
}
