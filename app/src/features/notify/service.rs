//! The outbox as the staff page shows it.

use super::view::{OutboxEntry, OutboxView};
use crate::domain::notify;
use crate::kernel::outbox::{self, Channel};
use crate::kernel::{AppContext, AppError};

/// How many of the newest messages the page lists (failed ones first).
pub const SHOWN: i64 = 200;

/// A mobile with its middle four digits hidden (138****5678): the page needs to tell messages
/// apart, not to show whole numbers.
pub fn masked(to: &str) -> String {
    let chars: Vec<char> = to.chars().collect();
    if chars.len() == 11 && chars.iter().all(char::is_ascii_digit) {
        format!(
            "{}****{}",
            chars[..3].iter().collect::<String>(),
            chars[7..].iter().collect::<String>()
        )
    } else {
        to.to_owned()
    }
}

pub async fn outbox(ctx: &AppContext) -> Result<OutboxView, AppError> {
    let rows = outbox::recent(&ctx.pool, SHOWN).await?;
    let entries = rows
        .iter()
        .map(|row| {
            let channel = Channel::parse(&row.channel);
            // A code waiting to go is shown without it where a transport will carry it (only
            // its citizen may read it); with none configured (the demo) nothing will go out,
            // and the page is the only way to see what would have.
            let carried = match channel {
                Some(Channel::Sms) => ctx.transports.sms.is_some(),
                Some(Channel::Email) => ctx.transports.mail.is_some(),
                None => true,
            };
            let message = row
                .message()
                .map(|m| if carried { notify::redacted(&m) } else { m });
            let text = message
                .as_ref()
                .map(|m| outbox::worker::text(ctx, row.lang(), m))
                .unwrap_or_default();
            // The matter's number, as the message names it.
            let number = message.as_ref().and_then(|m| match m.arg("number") {
                Some(crate::domain::message::Arg::Text(n)) => Some(n.clone()),
                _ => None,
            });
            let waits = chrono::DateTime::from_timestamp_millis(row.due_ms)
                .filter(|due| *due > ctx.clock.now())
                .map(|due| {
                    format!(
                        "（{} 后发送）",
                        crate::kernel::i18n::messages::time_text(
                            crate::domain::prefs::Lang::Simplified,
                            due.with_timezone(&crate::kernel::clock::shanghai())
                        )
                    )
                })
                .unwrap_or_default();
            OutboxEntry {
                channel: match channel {
                    Some(Channel::Sms) => "短信",
                    Some(Channel::Email) => "邮件",
                    None => "?",
                }
                .to_owned(),
                to: if channel == Some(Channel::Sms) {
                    masked(&row.recipient)
                } else {
                    row.recipient.clone()
                },
                number,
                text,
                created_at: row.created_at.clone(),
                state: match row.state.as_str() {
                    "sent" => "已发送".to_owned(),
                    "failed" => "发送失败".to_owned(),
                    "stopped" => "已停止（本人要求）".to_owned(),
                    _ => format!("待发送{waits}"),
                },
                attempts: row.attempts,
                last_error: row.last_error.clone(),
            }
        })
        .collect();
    let unsent_channels = [
        (ctx.transports.sms.is_none(), "短信"),
        (ctx.transports.mail.is_none(), "邮件"),
    ]
    .into_iter()
    .filter(|(missing, _)| *missing)
    .map(|(_, name)| name.to_owned())
    .collect();
    Ok(OutboxView {
        entries,
        failed: outbox::failed_count(&ctx.pool).await?,
        unsent_channels,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_mobile_is_shown_with_its_middle_hidden() {
        assert_eq!(super::masked("13812345678"), "138****5678");
        assert_eq!(super::masked("zhao@example.cn"), "zhao@example.cn");
    }
}
