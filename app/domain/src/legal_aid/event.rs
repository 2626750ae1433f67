//! An application's history as typed events (法律援助法 第43条); its status and the agency's
//! running deadline are folds over them (`status`). [`AidEventKind`] is the one place where an
//! event becomes the text stored in the `kind` column, and back.

use crate::history::Dated;
use crate::message::Msg;
use crate::msg;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One thing that happened to an application.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum AidEvent {
    /// The application arrived (the 7 days of 第43条 start).
    Received,
    /// Everything missing, asked for once, all at once, to be supplied by `answer_by`.
    MaterialRequested { items: String, answer_by: NaiveDate },
    /// The applicant supplied it online: an explanation and `files` files.
    MaterialSupplied { explanation: String, files: u32 },
    /// Staff recorded material handed in at the agency (on paper, in person).
    MaterialReceived { note: String },
    /// 决定给予法律援助.
    Granted,
    /// 指派法律援助人员 (within 3 days of granting).
    LawyerAssigned { lawyer: String },
    /// 决定不给予法律援助, with the reasons in writing.
    Refused { reasons: String },
    /// The applicant, after proving their mobile with an SMS code, had a new 查询码 sent to it
    /// (recorded internal).
    QueryCodeReset,
}

/// An event as stored: the `kind` column's values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AidEventKind {
    Received,
    MaterialRequested,
    MaterialSupplied,
    Granted,
    LawyerAssigned,
    Refused,
    QueryCodeReset,
}

impl AidEventKind {
    pub const ALL: [Self; 7] = [
        Self::Received,
        Self::MaterialRequested,
        Self::MaterialSupplied,
        Self::Granted,
        Self::LawyerAssigned,
        Self::Refused,
        Self::QueryCodeReset,
    ];

    /// The stored text, which is also the `kind` of the API's timeline entries.
    pub fn code(self) -> &'static str {
        match self {
            Self::Received => "received",
            Self::MaterialRequested => "material_requested",
            Self::MaterialSupplied => "material_supplied",
            Self::Granted => "granted",
            Self::LawyerAssigned => "lawyer_assigned",
            Self::Refused => "refused",
            Self::QueryCodeReset => "query_code_reset",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

impl AidEvent {
    pub fn kind(&self) -> AidEventKind {
        match self {
            Self::Received => AidEventKind::Received,
            Self::MaterialRequested { .. } => AidEventKind::MaterialRequested,
            Self::MaterialSupplied { .. } | Self::MaterialReceived { .. } => {
                AidEventKind::MaterialSupplied
            }
            Self::Granted => AidEventKind::Granted,
            Self::LawyerAssigned { .. } => AidEventKind::LawyerAssigned,
            Self::Refused { .. } => AidEventKind::Refused,
            Self::QueryCodeReset => AidEventKind::QueryCodeReset,
        }
    }

    /// Whether the applicant sees it on the status page (all but the record of a reset 查询码).
    pub fn is_public(&self) -> bool {
        !matches!(self, Self::QueryCodeReset)
    }

    /// The last day to supply what a request for material asks (the `answer_by` column).
    pub fn answer_by(&self) -> Option<NaiveDate> {
        match self {
            Self::MaterialRequested { answer_by, .. } => Some(*answer_by),
            _ => None,
        }
    }

    /// What the timeline says of the event.
    pub fn message(&self) -> Msg {
        match self {
            Self::Received => msg!("aid-event-received"),
            Self::MaterialRequested { items, answer_by } => {
                msg!(
                    "aid-event-material-requested",
                    items = items,
                    date = *answer_by
                )
            }
            Self::MaterialSupplied { explanation, files } if *files > 0 => {
                msg!(
                    "aid-event-material-supplied",
                    files = *files,
                    explanation = explanation
                )
            }
            Self::MaterialSupplied { explanation, .. } => {
                msg!("aid-event-explained", explanation = explanation)
            }
            Self::MaterialReceived { note } => msg!("aid-event-material-received", note = note),
            Self::Granted => msg!("aid-event-granted"),
            Self::LawyerAssigned { lawyer } => msg!("aid-event-lawyer-assigned", lawyer = lawyer),
            Self::Refused { reasons } => msg!("aid-event-refused", reasons = reasons),
            Self::QueryCodeReset => msg!("event-query-code-reset"),
        }
    }
}

/// Whether material was asked for already (第43条: once, all at once).
pub fn material_asked_before<H: Dated<AidEvent>>(events: &[H]) -> bool {
    events
        .iter()
        .any(|e| matches!(e.event(), AidEvent::MaterialRequested { .. }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::Arg;

    #[test]
    fn kinds_read_back_and_both_ways_of_supplying_material_are_one_kind() {
        for k in AidEventKind::ALL {
            assert_eq!(AidEventKind::parse(k.code()), Some(k));
        }
        assert_eq!(
            AidEvent::MaterialReceived { note: "n".into() }.kind(),
            AidEvent::MaterialSupplied {
                explanation: "e".into(),
                files: 2
            }
            .kind()
        );
        let asked = AidEvent::MaterialRequested {
            items: "劳动合同".into(),
            answer_by: NaiveDate::from_ymd_opt(2026, 11, 14).unwrap(),
        };
        let json = serde_json::to_string(&asked).unwrap();
        assert_eq!(serde_json::from_str::<AidEvent>(&json).unwrap(), asked);
        let said = asked.message();
        assert_eq!(said.id, "aid-event-material-requested");
        assert_eq!(
            said.arg("date"),
            Some(&Arg::Date(NaiveDate::from_ymd_opt(2026, 11, 14).unwrap()))
        );
    }
}
