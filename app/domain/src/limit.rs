//! Every time limit the portal tracks: its length, its unit (days or 工作日), the article that
//! sets it, and what it is counted from.

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
    pub fn article(self) -> &'static str {
        match self {
            Self::Register => "《信访工作条例》第二十二条",
            Self::AcknowledgeReceipt | Self::ObjectToAssignment => "《信访工作条例》第二十三条",
            Self::Handle | Self::Extension => "《信访工作条例》第三十四条",
            Self::RequestReview | Self::AnswerReview => "《信访工作条例》第三十五条",
            Self::RequestRecheck | Self::AnswerRecheck => "《信访工作条例》第三十六条",
            Self::DecideLegalAid | Self::AssignLawyer => "《中华人民共和国法律援助法》第四十三条",
        }
    }

    /// The step, in plain words.
    pub fn label(self) -> &'static str {
        match self {
            Self::Register => "登记并转送、交办",
            Self::AcknowledgeReceipt => "书面告知接收情况和处理途径",
            Self::ObjectToAssignment => "对转送、交办提出异议",
            Self::Handle => "办结并书面答复",
            Self::Extension => "延长办理期限",
            Self::RequestReview => "请求复查",
            Self::AnswerReview => "作出复查意见",
            Self::RequestRecheck => "请求复核",
            Self::AnswerRecheck => "作出复核意见",
            Self::DecideLegalAid => "作出是否给予法律援助的决定",
            Self::AssignLawyer => "指派法律援助人员",
        }
    }

    /// What the limit is counted from, in plain words (counting starts the day after).
    pub fn counted_from(self) -> &'static str {
        match self {
            Self::Register => "信访部门收到信访事项",
            Self::AcknowledgeReceipt => "承办单位收到转送、交办的事项",
            Self::ObjectToAssignment => "承办单位收到转送、交办的事项",
            Self::Handle => "受理",
            Self::Extension => "60 日的办理期限届满（经批准延长，只能一次）",
            Self::RequestReview => "信访人收到书面答复",
            Self::AnswerReview => "收到复查请求",
            Self::RequestRecheck => "信访人收到复查意见",
            Self::AnswerRecheck => "收到复核请求（听证所需时间不计入）",
            Self::DecideLegalAid => "法律援助机构收到申请",
            Self::AssignLawyer => "决定给予法律援助",
        }
    }

    /// The length in words, e.g. `15 日` or `5 个工作日`.
    pub fn length_label(self) -> String {
        match self.unit() {
            Unit::Days => format!("{} 日", self.length()),
            Unit::WorkingDays => format!("{} 个工作日", self.length()),
        }
    }
}
