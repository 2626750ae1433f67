//! What the status page needs besides the record: the messages its citizen chose, and stopping
//! them (the caller has opened the record: with its 查询码, or through 我的事项).

use crate::features::lookup::pages::Via;
use crate::kernel::outbox::Subject;
use crate::kernel::{AppContext, AppError, Now};

/// The matter a petition or legal-aid number names.
async fn subject(ctx: &AppContext, number: &str) -> Result<Option<Subject>, AppError> {
    if crate::domain::petition::LegalAidNumber::parse(number).is_ok() {
        crate::features::legal_aid::service::subject(ctx, number).await
    } else {
        crate::features::petition::service::subject(ctx, number).await
    }
}

/// How the record was opened, and whether its messages are sent, stopped or none were chosen
/// (none said when the database does not answer: the page shows the rest).
pub async fn via(ctx: &AppContext, number: &str, mine: bool) -> Via {
    let messages = match subject(ctx, number).await {
        Ok(Some(subject)) => crate::kernel::outbox::subscription(&ctx.pool, subject)
            .await
            .ok()
            .flatten()
            .map(|s| !s.stopped),
        _ => None,
    };
    Via { mine, messages }
}

/// Stops the messages of the matter `number` names (opened by the caller).
pub async fn stop_messages(ctx: &AppContext, number: &str, now: Now) -> Result<(), AppError> {
    if let Some(subject) = subject(ctx, number).await? {
        crate::kernel::outbox::stop(&ctx.pool, subject, now.utc()).await?;
    }
    Ok(())
}
