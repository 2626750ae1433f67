//! An application's history as typed events (法律援助法 第43条); its status and the agency's
//! running deadline are folds over them (`status`). [`AidEventKind`] is the one place where an
//! event becomes the text stored in the `kind` column, and back.

use crate::history::Dated;
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
}

impl AidEventKind {
    pub const ALL: [Self; 6] = [
        Self::Received,
        Self::MaterialRequested,
        Self::MaterialSupplied,
        Self::Granted,
        Self::LawyerAssigned,
        Self::Refused,
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
        }
    }

    /// The last day to supply what a request for material asks (the `answer_by` column).
    pub fn answer_by(&self) -> Option<NaiveDate> {
        match self {
            Self::MaterialRequested { answer_by, .. } => Some(*answer_by),
            _ => None,
        }
    }

    /// The text of the event as the timeline shows it.
    pub fn text(&self) -> String {
        match self {
            Self::Received => "法律援助申请已收到".to_owned(),
            Self::MaterialRequested { items, answer_by } => {
                let asked = format!("请补充以下材料或者作出说明：{items}");
                format!(
                    "{asked}。请在 {} 前补充；逾期未补充的，视为撤回申请（第四十三条）",
                    answer_by.format("%Y-%m-%d")
                )
            }
            Self::MaterialSupplied { explanation, files } if *files > 0 => {
                format!("申请人补充了材料（{files} 个文件）：{explanation}")
            }
            Self::MaterialSupplied { explanation, .. } => format!("申请人作出说明：{explanation}"),
            Self::MaterialReceived { note } => format!("法律援助机构收到申请人补充的材料：{note}"),
            Self::Granted => "决定给予法律援助，将在 3 日内指派法律援助人员".to_owned(),
            Self::LawyerAssigned { lawyer } => format!("已指派法律援助人员：{lawyer}"),
            Self::Refused { reasons } => format!("决定不给予法律援助，理由：{reasons}"),
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
        assert!(asked.text().contains("请在 2026-11-14 前补充"));
    }
}
