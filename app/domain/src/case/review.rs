//! What the citizen may do after a written reply: rate it (满意度评价, 第21条) once per reply, and
//! ask one level up for 复查 within 30 days of the reply (第35条), then for 复核 within 30 days of
//! the 复查 answer (第36条); after 复核 the same matter is not taken again (第36条).

use crate::calendar::Calendar;
use crate::limit::Limit;
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

    pub fn label(self) -> &'static str {
        match self {
            Self::Satisfied => "满意",
            Self::BasicallySatisfied => "基本满意",
            Self::Unsatisfied => "不满意",
        }
    }
}

/// The event kinds that are written replies, by level.
pub const REPLY_KINDS: [&str; 3] = ["replied", "review_answered", "recheck_answered"];

/// Where a case stands for the citizen's after-reply requests, read from its events (oldest
/// first, as `(kind, date)`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AfterReply {
    /// The kind and date of the latest written reply, if any.
    pub last_reply: Option<(&'static str, NaiveDate)>,
    /// Whether the latest reply has been rated.
    pub rated: bool,
    /// Whether a 复查 or 复核 request is waiting for its answer.
    pub pending_request: bool,
}

impl AfterReply {
    pub fn from_events<'a>(events: impl IntoIterator<Item = (&'a str, NaiveDate)>) -> Self {
        let mut state = Self {
            last_reply: None,
            rated: false,
            pending_request: false,
        };
        for (kind, date) in events {
            if let Some(k) = REPLY_KINDS.into_iter().find(|k| *k == kind) {
                state.last_reply = Some((k, date));
                state.rated = false;
                state.pending_request = false;
            } else if kind == "evaluated" {
                state.rated = true;
            } else if kind == "review_requested" || kind == "recheck_requested" {
                state.pending_request = true;
            }
        }
        state
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

    pub fn message(self) -> String {
        match self {
            Self::NoReplyYet => "还没有书面答复；答复以后才能评价或者请求复查".to_owned(),
            Self::AlreadyRated => "这份答复已经评价过了，每份答复只能评价一次".to_owned(),
            Self::RequestPending => "复查或复核请求正在办理中，请等待答复".to_owned(),
            Self::Final => "复核意见已经作出。对复核意见不服、仍以同一事实和理由提出的，不再受理（《信访工作条例》第三十六条）".to_owned(),
            Self::WindowClosed(last) => format!(
                "请求期限已过：应当在收到书面答复之日起 30 日内提出，最后一天是 {}（《信访工作条例》第三十五条、第三十六条）",
                last.format("%Y年%-m月%-d日")
            ),
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

/// The request a review would be, if it may be made `today`: `review_requested` (复查, after the
/// first reply) or `recheck_requested` (复核, after the 复查 answer).
pub fn review_request(
    state: &AfterReply,
    today: NaiveDate,
    calendar: &Calendar,
) -> Result<&'static str, NotNow> {
    if state.pending_request {
        return Err(NotNow::RequestPending);
    }
    let (kind, limit) = match state.last_reply {
        None => return Err(NotNow::NoReplyYet),
        Some(("replied", date)) => ("review_requested", (Limit::RequestReview, date)),
        Some(("review_answered", date)) => ("recheck_requested", (Limit::RequestRecheck, date)),
        Some(_) => return Err(NotNow::Final),
    };
    let last_day = calendar.due(limit.0, limit.1);
    if today > last_day {
        return Err(NotNow::WindowClosed(last_day));
    }
    Ok(kind)
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

    #[test]
    fn a_reply_can_be_rated_once() {
        let none = AfterReply::from_events([("received", d(2026, 3, 2))]);
        assert_eq!(may_rate(&none), Err(NotNow::NoReplyYet));
        let replied =
            AfterReply::from_events([("received", d(2026, 3, 2)), ("replied", d(2026, 4, 1))]);
        assert_eq!(may_rate(&replied), Ok(()));
        let rated =
            AfterReply::from_events([("replied", d(2026, 4, 1)), ("evaluated", d(2026, 4, 2))]);
        assert_eq!(may_rate(&rated), Err(NotNow::AlreadyRated));
        // A new reply (the 复查 answer) can be rated again.
        let again = AfterReply::from_events([
            ("replied", d(2026, 4, 1)),
            ("evaluated", d(2026, 4, 2)),
            ("review_requested", d(2026, 4, 3)),
            ("review_answered", d(2026, 4, 20)),
        ]);
        assert_eq!(may_rate(&again), Ok(()));
    }

    #[test]
    fn review_then_recheck_within_30_days_then_final() {
        let cal = calendar();
        // 第35条: reply on 2026-04-01 → 30 days from 04-02 end on 05-01, a holiday (劳动节
        // 05-01..05-05) → moved to the next working day, 2026-05-06.
        let replied = AfterReply::from_events([("replied", d(2026, 4, 1))]);
        assert_eq!(
            review_request(&replied, d(2026, 5, 6), &cal),
            Ok("review_requested")
        );
        assert_eq!(
            review_request(&replied, d(2026, 5, 7), &cal),
            Err(NotNow::WindowClosed(d(2026, 5, 6)))
        );
        // 第36条: after the 复查 answer, 复核.
        let answered = AfterReply::from_events([
            ("replied", d(2026, 4, 1)),
            ("review_requested", d(2026, 4, 3)),
            ("review_answered", d(2026, 4, 20)),
        ]);
        assert_eq!(
            review_request(&answered, d(2026, 4, 21), &cal),
            Ok("recheck_requested")
        );
        let pending = AfterReply::from_events([
            ("replied", d(2026, 4, 1)),
            ("review_requested", d(2026, 4, 3)),
        ]);
        assert_eq!(
            review_request(&pending, d(2026, 4, 4), &cal),
            Err(NotNow::RequestPending)
        );
        let final_ = AfterReply::from_events([
            ("replied", d(2026, 4, 1)),
            ("review_answered", d(2026, 4, 20)),
            ("recheck_answered", d(2026, 5, 20)),
        ]);
        assert_eq!(
            review_request(&final_, d(2026, 5, 21), &cal),
            Err(NotNow::Final)
        );
        assert!(NotNow::Final.message().contains("第三十六条"));
        assert_eq!(
            review_request(&AfterReply::from_events([]), d(2026, 5, 21), &cal),
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
}
