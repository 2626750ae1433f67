//! Every time limit the portal tracks: its length, its unit (days or 工作日), the article that
//! sets it, and what it is counted from.

use crate::message::Msg;
use crate::msg;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unit {
    Days,
    WorkingDays,
}

/// Every time limit the portal tracks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Limit {
    /// The bureau registers and transfers or assigns: 15 days from receipt (第22条).
    Register,
    /// The unit tells the petitioner it received the matter and the route: 15 days (第23条).
    AcknowledgeReceipt,
    /// The unit objects to a wrong assignment: 5 working days (第23条).
    ObjectToAssignment,
    /// Handling a 第31条(六) matter: 60 days from acceptance (第34条).
    Handle,
    /// The one extension of handling: at most 30 days (第34条).
    Extension,
    /// Asking for 复查: 30 days from the written reply (第35条).
    RequestReview,
    /// Answering a 复查: 30 days from the request (第35条).
    AnswerReview,
    /// Asking for 复核: 30 days from the 复查 answer (第36条).
    RequestRecheck,
    /// Answering a 复核: 30 days from the request, hearing time not counted (第36条).
    AnswerRecheck,
    /// Legal aid: decide within 7 days of the application (法律援助法 第43条).
    DecideLegalAid,
    /// Legal aid: assign a lawyer within 3 days of granting (法律援助法 第43条).
    AssignLawyer,
}

impl Limit {
    pub const ALL: [Self; 11] = [
        Self::Register,
        Self::AcknowledgeReceipt,
        Self::ObjectToAssignment,
        Self::Handle,
        Self::Extension,
        Self::RequestReview,
        Self::AnswerReview,
        Self::RequestRecheck,
        Self::AnswerRecheck,
        Self::DecideLegalAid,
        Self::AssignLawyer,
    ];

    pub fn length(self) -> u32 {
        match self {
            Self::Register | Self::AcknowledgeReceipt => 15,
            Self::ObjectToAssignment => 5,
            Self::Handle => 60,
            Self::Extension
            | Self::RequestReview
            | Self::AnswerReview
            | Self::RequestRecheck
            | Self::AnswerRecheck => 30,
            Self::DecideLegalAid => 7,
            Self::AssignLawyer => 3,
        }
    }

    pub fn unit(self) -> Unit {
        match self {
            Self::ObjectToAssignment => Unit::WorkingDays,
            _ => Unit::Days,
        }
    }

    /// The article that sets the limit.
    pub fn article(self) -> Msg {
        match self {
            Self::Register => Msg::new("limit-article-22"),
            Self::AcknowledgeReceipt | Self::ObjectToAssignment => Msg::new("limit-article-23"),
            Self::Handle | Self::Extension => Msg::new("limit-article-34"),
            Self::RequestReview | Self::AnswerReview => Msg::new("limit-article-35"),
            Self::RequestRecheck | Self::AnswerRecheck => Msg::new("limit-article-36"),
            Self::DecideLegalAid | Self::AssignLawyer => Msg::new("limit-article-legal-aid-43"),
        }
    }

    /// The step, in plain words.
    pub fn label(self) -> Msg {
        match self {
            Self::Register => Msg::new("limit-register"),
            Self::AcknowledgeReceipt => Msg::new("limit-acknowledge"),
            Self::ObjectToAssignment => Msg::new("limit-object"),
            Self::Handle => Msg::new("limit-handle"),
            Self::Extension => Msg::new("limit-extension"),
            Self::RequestReview => Msg::new("limit-request-review"),
            Self::AnswerReview => Msg::new("limit-answer-review"),
            Self::RequestRecheck => Msg::new("limit-request-recheck"),
            Self::AnswerRecheck => Msg::new("limit-answer-recheck"),
            Self::DecideLegalAid => Msg::new("limit-decide-legal-aid"),
            Self::AssignLawyer => Msg::new("limit-assign-lawyer"),
        }
    }

    /// What the limit is counted from, in plain words (counting starts the day after).
    pub fn counted_from(self) -> Msg {
        match self {
            Self::Register => Msg::new("limit-from-register"),
            Self::AcknowledgeReceipt => Msg::new("limit-from-assignment"),
            Self::ObjectToAssignment => Msg::new("limit-from-assignment"),
            Self::Handle => Msg::new("limit-from-acceptance"),
            Self::Extension => Msg::new("limit-from-extension"),
            Self::RequestReview => Msg::new("limit-from-reply"),
            Self::AnswerReview => Msg::new("limit-from-review-request"),
            Self::RequestRecheck => Msg::new("limit-from-review-answer"),
            Self::AnswerRecheck => Msg::new("limit-from-recheck-request"),
            Self::DecideLegalAid => Msg::new("limit-from-legal-aid-application"),
            Self::AssignLawyer => Msg::new("limit-from-grant"),
        }
    }

    /// The length in words, e.g. `15 日` or `5 个工作日`.
    pub fn length_label(self) -> Msg {
        match self.unit() {
            Unit::Days => msg!("limit-days", n = self.length()),
            Unit::WorkingDays => msg!("limit-working-days", n = self.length()),
        }
    }
}
