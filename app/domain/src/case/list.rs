//! The workbench's lists (PRODUCT.md: a queue of new cases; supervisors watch the due-soon and
//! overdue ones).

use super::due::Urgency;
use super::status::Status;
use crate::message::Msg;
use chrono::NaiveDate;

/// What a list needs to know of a case: its status and the deadline running now.
pub trait Listed {
    fn status(&self) -> Status;
    /// The date and urgency of the deadline running now, if any.
    fn running(&self) -> Option<(NaiveDate, Urgency)>;
    /// Whether it is the viewer's to act on now (their unit, or the bureau, holds it).
    fn held_here(&self) -> bool {
        true
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaseList {
    All,
    /// 新收待登记: received, not yet registered (第22条 runs).
    New,
    /// Running deadline within three days.
    DueSoon,
    /// Running deadline passed.
    Overdue,
    /// 复查、复核: waiting for the review opinion (the queue of the body that holds them).
    Review,
}

impl CaseList {
    pub const ALL: [Self; 5] = [
        Self::All,
        Self::New,
        Self::DueSoon,
        Self::Overdue,
        Self::Review,
    ];

    /// The `list=` query value.
    pub fn code(self) -> &'static str {
        match self {
            Self::All => "all",
            Self::New => "new",
            Self::DueSoon => "due-soon",
            Self::Overdue => "overdue",
            Self::Review => "review",
        }
    }

    pub fn parse(code: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|l| l.code() == code)
            .unwrap_or(Self::All)
    }

    pub fn label(self) -> Msg {
        match self {
            Self::All => Msg::new("list-all"),
            Self::New => Msg::new("list-new"),
            Self::DueSoon => Msg::new("urgency-due-soon"),
            Self::Overdue => Msg::new("urgency-overdue"),
            Self::Review => Msg::new("list-review"),
        }
    }

    pub fn contains(self, case: &impl Listed) -> bool {
        let urgency = case.running().map(|(_, u)| u);
        match self {
            Self::All => true,
            Self::New => case.status() == Status::Received,
            Self::DueSoon => urgency == Some(Urgency::DueSoon),
            Self::Overdue => urgency == Some(Urgency::Overdue),
            Self::Review => case.status() == Status::UnderReview && case.held_here(),
        }
    }

    /// The cases of this list: newest first for all and new cases, the most pressing first for
    /// the deadline lists.
    pub fn select<T: Listed + Clone>(self, cases: &[T]) -> Vec<T> {
        let mut chosen: Vec<T> = cases
            .iter()
            .filter(|c| self.contains(*c))
            .cloned()
            .collect();
        if matches!(self, Self::DueSoon | Self::Overdue) {
            chosen.sort_by_key(|c| c.running().map(|(date, _)| date));
        }
        chosen
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[derive(Clone)]
    struct Item(&'static str, Status, Option<(NaiveDate, Urgency)>);

    impl Listed for Item {
        fn status(&self) -> Status {
            self.1
        }
        fn running(&self) -> Option<(NaiveDate, Urgency)> {
            self.2
        }
    }

    #[test]
    fn the_workbench_lists() {
        let cases = [
            Item(
                "A",
                Status::Received,
                Some((d(2026, 3, 17), Urgency::OnTime)),
            ),
            Item(
                "B",
                Status::Accepted,
                Some((d(2026, 3, 12), Urgency::Overdue)),
            ),
            Item(
                "C",
                Status::Registered,
                Some((d(2026, 3, 16), Urgency::DueSoon)),
            ),
            Item(
                "D",
                Status::Accepted,
                Some((d(2026, 3, 14), Urgency::DueSoon)),
            ),
            Item("E", Status::Closed, None),
            Item(
                "F",
                Status::Received,
                Some((d(2026, 3, 1), Urgency::Overdue)),
            ),
        ];
        let numbers = |l: CaseList| {
            l.select(&cases)
                .into_iter()
                .map(|c| c.0)
                .collect::<Vec<_>>()
        };
        assert_eq!(numbers(CaseList::All).len(), 6);
        assert_eq!(numbers(CaseList::New), ["A", "F"]);
        // The most pressing first.
        assert_eq!(numbers(CaseList::DueSoon), ["D", "C"]);
        assert_eq!(numbers(CaseList::Overdue), ["F", "B"]);
        assert_eq!(CaseList::parse("overdue"), CaseList::Overdue);
        assert_eq!(CaseList::parse("nonsense"), CaseList::All);
    }
}
