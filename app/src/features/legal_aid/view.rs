use crate::domain::legal_aid::{AidStatus, Matter};
use serde::{Deserialize, Serialize};

/// The receipt of an application: number and 查询码 (shown once), and the decision's due date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AidReceipt {
    pub number: String,
    pub query_code: String,
    #[cfg_attr(feature = "ssr", schema(value_type = super::api::AidStatusDoc))]
    pub status: AidStatus,
    pub received_at: String,
    /// 第43条: the agency decides within 7 days of receiving the application.
    pub decision_due: chrono::NaiveDate,
}

/// What number + 查询码 open (第55条): the application's progress.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AidStatusView {
    pub number: String,
    #[cfg_attr(feature = "ssr", schema(value_type = super::api::MatterDoc))]
    pub matter: Matter,
    pub matter_label: String,
    #[cfg_attr(feature = "ssr", schema(value_type = super::api::AidStatusDoc))]
    pub status: AidStatus,
    pub status_label: String,
    pub received_at: String,
    pub timeline: Vec<crate::features::petition::view::TimelineEntry>,
    /// The agency's deadline running now.
    pub due: Option<crate::features::petition::view::RunningDue>,
    /// While material is asked for: the last day to supply it.
    pub answer_by: Option<chrono::NaiveDate>,
}

/// An application as legal-aid staff see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AidCaseView {
    pub public: AidStatusView,
    pub applicant: crate::features::cases::view::PetitionerView,
    /// Name, masked ID number, mobile, relation.
    pub agent: Option<(String, String, String, String)>,
    pub other_party: Option<String>,
    pub description: String,
    /// The applicant's footing as to means ([`Basis`] label).
    pub basis_label: String,
    pub hardship_statement: String,
    pub attachments: Vec<(String, String)>,
    /// The action codes of the forms to offer.
    pub actions: Vec<String>,
}

/// An application in the legal-aid staff's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AidListItem {
    pub number: String,
    pub received_on: String,
    pub applicant: String,
    pub matter_label: String,
    pub status_label: String,
    pub due: Option<crate::features::petition::view::RunningDue>,
}

/// How many applications the agency's list shows (the newest); the page says when there are
/// more.
pub const AID_LIST_LIMIT: usize = 500;
