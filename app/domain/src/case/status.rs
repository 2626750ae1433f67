//! A case's status, derived from its events (never stored).

use super::event::CaseEvent;
use crate::history::Dated;
use crate::message::Msg;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// 已收到: received, waiting to be registered (第22条).
    Received,
    /// 已登记: registered, being transferred or assigned.
    Registered,
    /// 已受理 (第23条).
    Accepted,
    /// 不予受理, with the reason and, for 申诉求决类, the statutory channel.
    NotAccepted,
    /// 已答复: a written reply (信访处理意见书) exists.
    Replied,
    /// 复查中 / 复核中.
    UnderReview,
    /// 已办结.
    Closed,
}

impl Status {
    /// The status after `events`, oldest first. Events that do not move the status (progress
    /// notes, letters, ratings) are skipped.
    pub fn of<H: Dated<CaseEvent>>(events: &[H]) -> Self {
        events
            .iter()
            .fold(Self::Received, |status, e| match e.event() {
                CaseEvent::Received => Self::Received,
                CaseEvent::Assigned { .. } => Self::Registered,
                // The unit's objection (第23条) sends the case back to be assigned again.
                CaseEvent::Objected { .. } => Self::Received,
                CaseEvent::Accepted => Self::Accepted,
                CaseEvent::NotAccepted { .. } => Self::NotAccepted,
                CaseEvent::Replied { .. } | CaseEvent::ReviewAnswered { .. } => Self::Replied,
                CaseEvent::ReviewRequested { .. } => Self::UnderReview,
                CaseEvent::Closed => Self::Closed,
                CaseEvent::Progress { .. }
                | CaseEvent::Mediated { .. }
                | CaseEvent::Extended { .. }
                | CaseEvent::Hearing { .. }
                | CaseEvent::Evaluated { .. }
                | CaseEvent::Letter { .. }
                | CaseEvent::QueryCodeReset
                | CaseEvent::FieldSet { .. } => status,
            })
    }

    pub const ALL: [Self; 7] = [
        Self::Received,
        Self::Registered,
        Self::Accepted,
        Self::NotAccepted,
        Self::Replied,
        Self::UnderReview,
        Self::Closed,
    ];

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Received => "received",
            Self::Registered => "registered",
            Self::Accepted => "accepted",
            Self::NotAccepted => "not_accepted",
            Self::Replied => "replied",
            Self::UnderReview => "under_review",
            Self::Closed => "closed",
        }
    }

    pub fn label(self) -> Msg {
        match self {
            Self::Received => Msg::new("status-received"),
            Self::Registered => Msg::new("status-registered"),
            Self::Accepted => Msg::new("status-accepted"),
            Self::NotAccepted => Msg::new("status-not-accepted"),
            Self::Replied => Msg::new("status-replied"),
            Self::UnderReview => Msg::new("status-under-review"),
            Self::Closed => Msg::new("status-closed"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::action::Outcome;
    use crate::case::event::{Letter, Level};
    use chrono::NaiveDate;

    fn at(events: Vec<CaseEvent>) -> Status {
        let day = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let dated: Vec<(NaiveDate, CaseEvent)> = events.into_iter().map(|e| (day, e)).collect();
        Status::of(&dated)
    }

    #[test]
    fn status_follows_the_last_event_that_moves_it() {
        assert_eq!(at(vec![]), Status::Received);
        let assigned = CaseEvent::Assigned {
            unit: "city-hrss".into(),
        };
        assert_eq!(
            at(vec![
                CaseEvent::Received,
                assigned.clone(),
                CaseEvent::Accepted
            ]),
            Status::Accepted
        );
        assert_eq!(
            at(vec![
                CaseEvent::Received,
                CaseEvent::Accepted,
                CaseEvent::Progress { note: "n".into() },
                CaseEvent::Letter {
                    letter: Letter::Supervision,
                    text: "t".into()
                }
            ]),
            Status::Accepted
        );
        assert_eq!(
            at(vec![
                CaseEvent::Received,
                CaseEvent::Accepted,
                CaseEvent::Replied {
                    outcome: Outcome::Support
                },
                CaseEvent::ReviewRequested {
                    level: Level::Review,
                    reason: "r".into()
                }
            ]),
            Status::UnderReview
        );
        assert_eq!(
            at(vec![
                CaseEvent::Received,
                CaseEvent::NotAccepted { reason: "r".into() }
            ])
            .code(),
            "not_accepted"
        );
        for s in Status::ALL {
            assert_eq!(Status::parse(s.code()), Some(s));
        }
    }
}
