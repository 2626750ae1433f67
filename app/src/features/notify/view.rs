//! What the outbox page shows.

use serde::{Deserialize, Serialize};

/// One message as the outbox page lists it (the workbench speaks Simplified Chinese).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxEntry {
    /// 短信 or 邮件.
    pub channel: String,
    /// The mobile with its middle digits hidden, or the mail address.
    pub to: String,
    /// The matter's number when the message is about one.
    pub number: Option<String>,
    /// The message as it is (or would be) sent, in the citizen's language.
    pub text: String,
    pub created_at: String,
    /// 待发送, 已发送, 发送失败 or 已停止, with the time it waits for when it waits.
    pub state: String,
    pub attempts: i64,
    pub last_error: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxView {
    pub entries: Vec<OutboxEntry>,
    pub failed: i64,
    /// Channels with no transport configured, whose messages stay here (短信, 邮件).
    pub unsent_channels: Vec<String>,
}
