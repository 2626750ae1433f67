//! What a citizen (or another channel) sees of a petition: the receipt and the status.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Statutory due dates, by step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Due {
    /// 登记并转送、交办 (第22条).
    pub register: NaiveDate,
}

/// What the citizen keeps after submitting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Receipt {
    pub number: String,
    /// Shown once; never stored.
    pub query_code: String,
    pub status: String,
    pub received_at: String,
    pub due: Due,
    /// Always `null` now: whether the same ID number has a matter pending is shown to staff
    /// only (a receipt must not tell anyone what another person has filed).
    pub same_matter_as: Option<String>,
}

/// One public event of the timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TimelineEntry {
    pub at: String,
    pub kind: String,
    /// In Simplified Chinese, for the API.
    pub text: String,
    /// What the timeline says, in the reader's language on pages.
    #[serde(skip)]
    #[cfg_attr(feature = "ssr", schema(ignore))]
    pub message: crate::domain::message::Msg,
}

/// What number + 查询码 open: the public side of a case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PetitionStatus {
    pub number: String,
    pub category: String,
    pub status: String,
    pub status_label: String,
    pub title: String,
    pub received_at: String,
    /// The handling unit's code, if one is named.
    pub unit: Option<String>,
    pub unit_name: Option<String>,
    pub timeline: Vec<TimelineEntry>,
    pub due: Due,
    /// Written replies (信访处理意见书, 第32条); empty until a unit replies.
    pub replies: Vec<Reply>,
    /// Always `null` now: another petition on the same matter under the same ID number is shown
    /// to staff only (a number and 查询码 do not prove whose ID number was typed).
    pub same_matter_as: Option<String>,
    /// What the citizen may do now about the latest reply.
    pub after_reply: AfterReplyOptions,
    /// The statutory deadline running now (registration, notice of acceptance, handling with
    /// any extension, or the answer to 复查/复核), if any.
    pub running_due: Option<RunningDue>,
}

/// A deadline running now, with the step and the article that sets it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RunningDue {
    /// The step and its article, in Simplified Chinese, for the API.
    pub step: String,
    pub article: String,
    pub date: NaiveDate,
    /// The time limit itself, for pages to say the step in the reader's language.
    #[serde(skip)]
    #[cfg_attr(feature = "ssr", schema(ignore))]
    pub limit: Option<crate::domain::limit::Limit>,
}

impl RunningDue {
    /// The step, for pages to say in the reader's language (the API's `step` is Simplified).
    pub fn step_msg(&self) -> crate::domain::message::Msg {
        self.limit
            .map(|l| l.label())
            .unwrap_or_else(|| crate::domain::message::Msg::verbatim(self.step.clone()))
    }

    /// The article that sets it, likewise.
    pub fn article_msg(&self) -> crate::domain::message::Msg {
        self.limit
            .map(|l| l.article())
            .unwrap_or_else(|| crate::domain::message::Msg::verbatim(self.article.clone()))
    }
}

/// The citizen's options after a written reply (第21条, 第35–36条).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AfterReplyOptions {
    /// The latest reply exists and is not rated yet.
    pub can_evaluate: bool,
    /// `review` (复查) or `recheck` (复核) when one may be requested now.
    pub can_request: Option<String>,
    /// The last day to request it.
    pub request_until: Option<NaiveDate>,
}

/// A written reply (信访处理意见书) with the parts 信访工作条例 第32条 requires.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Reply {
    pub at: String,
    /// 诉求: what was asked.
    pub request: String,
    /// 事实和理由: what was found.
    pub facts_and_reasons: String,
    /// 处理意见: the decision.
    pub opinion: String,
    /// 法律依据: the rules it rests on.
    pub legal_basis: String,
    /// 支持 / 解释说明 / 不予支持.
    pub outcome: String,
    /// The outcome, for pages to say in the reader's language.
    #[serde(skip)]
    #[cfg_attr(feature = "ssr", schema(ignore))]
    pub outcome_msg: crate::domain::message::Msg,
}
