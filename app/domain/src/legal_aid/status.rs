//! Where an application stands (法律援助法 第43条), derived from its events, and the agency's
//! deadline running now.

use super::event::AidEvent;
use crate::calendar::Calendar;
use crate::history::Dated;
use crate::limit::Limit;
use crate::message::Msg;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Where an application stands, derived from its events.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AidStatus {
    UnderReview,
    MaterialRequested,
    Granted,
    LawyerAssigned,
    Refused,
    /// Material asked for was not supplied in time: counted as withdrawn (第43条).
    Withdrawn,
}

impl AidStatus {
    pub fn code(self) -> &'static str {
        match self {
            Self::UnderReview => "under_review",
            Self::MaterialRequested => "material_requested",
            Self::Granted => "granted",
            Self::LawyerAssigned => "lawyer_assigned",
            Self::Refused => "refused",
            Self::Withdrawn => "withdrawn",
        }
    }

    pub fn label(self) -> Msg {
        match self {
            Self::UnderReview => Msg::new("aid-status-under-review"),
            Self::MaterialRequested => Msg::new("aid-status-material-requested"),
            Self::Granted => Msg::new("aid-status-granted"),
            Self::LawyerAssigned => Msg::new("aid-status-lawyer-assigned"),
            Self::Refused => Msg::new("aid-status-refused"),
            Self::Withdrawn => Msg::new("aid-status-withdrawn"),
        }
    }
}

/// The status after `events` (oldest first) on `today`: a request for material past its
/// answer-by date with nothing supplied counts as withdrawn (第43条).
pub fn aid_status<H: Dated<AidEvent>>(events: &[H], today: NaiveDate) -> AidStatus {
    let mut status = AidStatus::UnderReview;
    let mut answer_by = None;
    for e in events {
        status = match e.event() {
            AidEvent::Received
            | AidEvent::MaterialSupplied { .. }
            | AidEvent::MaterialReceived { .. } => AidStatus::UnderReview,
            AidEvent::MaterialRequested { answer_by: by, .. } => {
                answer_by = Some(*by);
                AidStatus::MaterialRequested
            }
            AidEvent::Granted => AidStatus::Granted,
            AidEvent::LawyerAssigned { .. } => AidStatus::LawyerAssigned,
            AidEvent::Refused { .. } => AidStatus::Refused,
            AidEvent::QueryCodeReset => status,
        };
    }
    match (status, answer_by) {
        (AidStatus::MaterialRequested, Some(by)) if today > by => AidStatus::Withdrawn,
        _ => status,
    }
}

/// The agency's deadline running now (第43条): the decision within 7 days of the application,
/// the time the applicant took to supply material not counted (the review pauses while it waits,
/// it does not start again); the lawyer, 3 days from the decision to grant.
pub fn aid_due<H: Dated<AidEvent>>(
    events: &[H],
    today: NaiveDate,
    calendar: &Calendar,
) -> Option<(Limit, NaiveDate)> {
    let last =
        |is: fn(&AidEvent) -> bool| events.iter().rev().find(|e| is(e.event())).map(|e| e.on());
    match aid_status(events, today) {
        AidStatus::UnderReview => {
            let received = last(|e| matches!(e, AidEvent::Received))?;
            let asked = last(|e| matches!(e, AidEvent::MaterialRequested { .. }));
            let supplied = last(|e| {
                matches!(
                    e,
                    AidEvent::MaterialSupplied { .. } | AidEvent::MaterialReceived { .. }
                )
            });
            let paused: i64 = match (asked, supplied) {
                (Some(asked), Some(supplied)) if supplied >= asked => (supplied - asked).num_days(),
                _ => 0,
            };
            let days = Limit::DecideLegalAid.length() + u32::try_from(paused).unwrap_or(0);
            Some((Limit::DecideLegalAid, calendar.due_in_days(received, days)))
        }
        AidStatus::Granted => last(|e| matches!(e, AidEvent::Granted))
            .map(|d| (Limit::AssignLawyer, calendar.due(Limit::AssignLawyer, d))),
        _ => None,
    }
}

/// The last day to supply the material asked for, while it is asked for.
pub fn answer_by<H: Dated<AidEvent>>(events: &[H], today: NaiveDate) -> Option<NaiveDate> {
    (aid_status(events, today) == AidStatus::MaterialRequested)
        .then(|| events.iter().rev().find_map(|e| e.event().answer_by()))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{BureauConfig, EXAMPLE_CONFIG};
    fn d(day: u32) -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
    }

    #[test]
    fn the_decision_clock_and_withdrawal_by_silence() {
        let cal = BureauConfig::parse(EXAMPLE_CONFIG).unwrap().calendar;
        use crate::limit::Limit;
        // 第43条: applied Mon 11-02 → decide by Mon 11-09.
        let asked = AidEvent::MaterialRequested {
            items: "工资欠条".into(),
            answer_by: d(14),
        };
        let supplied = AidEvent::MaterialSupplied {
            explanation: "已补充".into(),
            files: 1,
        };
        let mut events = vec![(d(2), AidEvent::Received)];
        assert_eq!(aid_status(&events, d(3)), AidStatus::UnderReview);
        assert_eq!(
            aid_due(&events, d(3), &cal),
            Some((Limit::DecideLegalAid, d(9)))
        );
        // Material asked for on 11-04, to be supplied by 11-14: no decision clock meanwhile.
        events.push((d(4), asked));
        assert_eq!(aid_status(&events, d(14)), AidStatus::MaterialRequested);
        assert_eq!(aid_due(&events, d(10), &cal), None);
        // Nothing by the end of 11-14: withdrawn (第43条).
        assert_eq!(aid_status(&events, d(15)), AidStatus::Withdrawn);
        // Supplied on 11-12: the 8 days it waited are not counted, so 7 + 8 days from 11-02 end on
        // 11-17 (the review paused, it did not start again); granted 11-16 → a lawyer by 11-19.
        events.push((d(12), supplied));
        assert_eq!(aid_status(&events, d(20)), AidStatus::UnderReview);
        assert_eq!(
            aid_due(&events, d(13), &cal),
            Some((Limit::DecideLegalAid, d(17)))
        );
        events.push((d(16), AidEvent::Granted));
        assert_eq!(
            aid_due(&events, d(16), &cal),
            Some((Limit::AssignLawyer, d(19)))
        );
        events.push((
            d(17),
            AidEvent::LawyerAssigned {
                lawyer: "陈律师".into(),
            },
        ));
        assert_eq!(aid_status(&events, d(30)), AidStatus::LawyerAssigned);
        assert_eq!(aid_due(&events, d(30), &cal), None);
    }
}
