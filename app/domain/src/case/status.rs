//! A case's status, derived from its events (never stored).

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
    /// The status after the events of `kinds`, oldest first. Kinds that do not move the status
    /// (progress notes, supervision letters) are skipped.
    pub fn from_events<'a>(kinds: impl IntoIterator<Item = &'a str>) -> Self {
        kinds
            .into_iter()
            .fold(Self::Received, |status, kind| match kind {
                "received" => Self::Received,
                "registered" | "transferred" | "assigned" => Self::Registered,
                // The unit's objection (第23条) sends the case back to be assigned again.
                "objected" => Self::Received,
                "accepted" => Self::Accepted,
                "not_accepted" => Self::NotAccepted,
                "replied" | "review_answered" | "recheck_answered" => Self::Replied,
                "review_requested" | "recheck_requested" => Self::UnderReview,
                "closed" => Self::Closed,
                _ => status,
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

    pub fn label(self) -> &'static str {
        match self {
            Self::Received => "已收到，等待登记",
            Self::Registered => "已登记，正在转送或交办",
            Self::Accepted => "已受理，正在办理",
            Self::NotAccepted => "不予受理",
            Self::Replied => "已书面答复",
            Self::UnderReview => "复查或复核中",
            Self::Closed => "已办结",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_follows_the_last_event_that_moves_it() {
        assert_eq!(Status::from_events([]), Status::Received);
        assert_eq!(
            Status::from_events(["received", "registered", "accepted"]),
            Status::Accepted
        );
        assert_eq!(
            Status::from_events([
                "received",
                "accepted",
                "progress_note",
                "supervision_letter"
            ]),
            Status::Accepted
        );
        assert_eq!(
            Status::from_events(["received", "accepted", "replied", "review_requested"]),
            Status::UnderReview
        );
        assert_eq!(
            Status::from_events(["received", "not_accepted"]).code(),
            "not_accepted"
        );
    }
}
