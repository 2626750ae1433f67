use crate::domain::case::Urgency;
use serde::{Deserialize, Serialize};

/// The petitioner as a case page shows them to staff allowed to see them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PetitionerView {
    pub name: String,
    pub id_number: String,
    pub mobile: String,
    pub address: String,
    pub district: String,
}

/// Another petitioner of a joint matter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoPetitionerView {
    pub name: String,
    pub id_number: String,
    pub mobile: Option<String>,
    pub representative: bool,
}

/// One event as staff see it (public and internal).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventView {
    pub at: String,
    pub kind: String,
    pub public: bool,
    pub text: String,
    pub actor: Option<String>,
}

/// A case page for one staff member: what they may see and do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseView {
    pub number: String,
    pub category: String,
    pub title: String,
    pub status_label: String,
    pub received_at: String,
    /// How it came (来信, 网上信访…), and for a matter registered by a clerk the day it arrived
    /// (the clock's first day) and a letter's postmark.
    pub channel: String,
    /// 涉及领域 now (code), and the bureau's fields as (code, name) for the form that sets it.
    #[serde(default)]
    pub field: String,
    #[serde(default)]
    pub fields: Vec<(String, String)>,
    pub received_on: Option<String>,
    pub postmarked_on: Option<String>,
    /// `None` when the identity is hidden from this staff member (检举控告类, 第30条).
    pub petitioner: Option<PetitionerView>,
    /// The other petitioners of a joint matter (联名信访, 集体访), hidden as the petitioner is.
    #[serde(default)]
    pub co_petitioners: Vec<CoPetitionerView>,
    pub request: String,
    pub facts_and_reasons: String,
    pub place_and_time: Option<String>,
    pub earlier_handling: Option<String>,
    pub suggested_unit: Option<String>,
    pub assigned_unit: Option<String>,
    pub register_due: chrono::NaiveDate,
    /// Who holds the case now: the unit, or during a 复查/复核 its review body; `None`: the
    /// bureau.
    pub held_by: Option<String>,
    /// The 复查 or 复核 waiting for its opinion, if one is.
    pub pending_review: Option<crate::domain::case::Level>,
    /// The citizen's reason for the waiting 复查 or 复核 (the review form starts from it).
    pub review_reason: String,
    /// The deadline running now (as the list shows it), if any.
    pub due: Option<DueView>,
    pub events: Vec<EventView>,
    pub replies: Vec<crate::features::petition::view::Reply>,
    /// The actions whose forms to offer.
    pub actions: Vec<crate::domain::case::ActionKind>,
    /// (code, name) of the units a case can be assigned to.
    pub units: Vec<(String, String)>,
    /// The petition's files: (name, size label), in the order of their links
    /// (`/staff/cases/{number}/files/{1…}`).
    pub attachments: Vec<(String, String)>,
    /// The files of a report are kept from the unit's staff with the reporter's identity (第30条).
    pub attachments_withheld: bool,
    /// A pending petition of the same person on the same matter (staff only: a citizen who
    /// typed someone's ID number must not learn what that person has filed). Withheld with the
    /// identity.
    pub same_matter_as: Option<String>,
    /// 检举控告类: who or which unit is reported; the unit's name and code when configured.
    pub reported: Option<String>,
    pub reported_unit: Option<String>,
    pub reported_unit_code: Option<String>,
    /// The bureau's letters that name it: (id, kind, number), oldest first.
    #[serde(default)]
    pub letters: Vec<(i64, String, String)>,
}

/// A case in the workbench's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseListItem {
    pub number: String,
    pub received_on: String,
    pub category: String,
    pub title: String,
    /// Masked, or hidden for reports seen by a unit.
    pub petitioner: String,
    /// The status code (`received`, `registered`, …) and its label.
    pub status: String,
    pub status_label: String,
    pub unit: Option<String>,
    pub register_due: chrono::NaiveDate,
    /// The deadline running now, if any.
    pub due: Option<DueView>,
    /// The pending petition on the same matter it was flagged with (第19条), if any.
    pub same_matter_as: Option<String>,
    /// Whether it is this staff member's to act on now (their unit holds it; for the bureau, no
    /// unit does): the 复查、复核 queue lists only those.
    pub held_here: bool,
}

/// A running deadline as the workbench shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueView {
    pub label: String,
    pub article: String,
    pub date: chrono::NaiveDate,
    pub urgency: Urgency,
}

impl crate::domain::case::Listed for CaseListItem {
    fn status(&self) -> crate::domain::case::Status {
        crate::domain::case::Status::parse(&self.status)
            .unwrap_or(crate::domain::case::Status::Received)
    }

    fn running(&self) -> Option<(chrono::NaiveDate, Urgency)> {
        self.due.as_ref().map(|d| (d.date, d.urgency))
    }

    fn held_here(&self) -> bool {
        self.held_here
    }
}
